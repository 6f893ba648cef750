/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPassword"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "tandem-error.h"
#include "tandem-password.h"

#define MIN_PASSWORD_CHARS 8

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                   _("The cryptography library could not be started"));
      return FALSE;
    }
  return TRUE;
}

/* Interactive limits: about a tenth of a second and 64 MiB, which is what
 * libsodium recommends for sign-in; TANDEM_PWHASH_FAST lowers them for the
 * test suite and the benchmark only. */
static void
get_limits (unsigned long long *ops,
            size_t             *mem)
{
  if (g_getenv ("TANDEM_PWHASH_FAST") != NULL)
    {
      *ops = crypto_pwhash_OPSLIMIT_MIN;
      *mem = crypto_pwhash_MEMLIMIT_MIN;
    }
  else
    {
      *ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
      *mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    }
}

char *
tandem_password_hash (const char  *password,
                      GError     **error)
{
  char out[crypto_pwhash_STRBYTES];
  unsigned long long ops;
  size_t mem;

  g_return_val_if_fail (password != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  get_limits (&ops, &mem);
  if (crypto_pwhash_str_alg (out, password, strlen (password), ops, mem,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                   _("Not enough memory to protect the password"));
      return NULL;
    }
  return g_strdup (out);
}

gboolean
tandem_password_verify (const char *hash,
                        const char *password)
{
  if (hash == NULL || password == NULL || !ensure_sodium (NULL))
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

gboolean
tandem_password_check_quality (const char  *password,
                               GError     **error)
{
  if (password == NULL || g_utf8_strlen (password, -1) < MIN_PASSWORD_CHARS)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The password needs at least %d character",
                                "The password needs at least %d characters",
                                MIN_PASSWORD_CHARS),
                   MIN_PASSWORD_CHARS);
      return FALSE;
    }
  return TRUE;
}
