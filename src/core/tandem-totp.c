/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTotp"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "tandem-error.h"
#include "tandem-totp.h"

#define SHA1_BYTES            20
#define RECOVERY_HALF_CHARS   5
#define RECOVERY_CHARS        (2 * RECOVERY_HALF_CHARS)

static const char base32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/* No 0/o, 1/i/l: a recovery code is copied from paper by hand. */
static const char recovery_alphabet[] = "23456789abcdefghjkmnpqrstuvwxyz";

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

static void
clear_secret_bytes (GByteArray *bytes)
{
  if (bytes == NULL)
    return;
  sodium_memzero (bytes->data, bytes->len);
  g_byte_array_unref (bytes);
}

/* Key bytes are wiped before they are freed. */
typedef GByteArray TandemSecretBytes;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemSecretBytes, clear_secret_bytes)

static int
base32_value (gunichar c)
{
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a';
  if (c >= '2' && c <= '7')
    return 26 + (c - '2');
  return -1;
}

/* RFC 4648 section 6, read forgivingly: any case, spaces anywhere, and the
 * '=' padding optional at the end. */
static GByteArray *
base32_decode_array (const char  *text,
                     GError     **error)
{
  g_autoptr(TandemSecretBytes) out = g_byte_array_new ();
  guint32 buffer = 0;
  guint n_bits = 0;
  gsize n_chars = 0;
  gboolean padding = FALSE;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The key can only contain the letters A–Z and the digits 2–7"));
      return NULL;
    }

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int value;

      if (g_unichar_isspace (c))
        continue;
      if (c == '=')
        {
          padding = TRUE;
          continue;
        }

      value = base32_value (c);
      if (value < 0)
        {
          char shown[8] = { 0 };

          g_unichar_to_utf8 (c, shown);
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       /* Translators: %s is one character the user typed into
                        * an authenticator key. */
                       _("“%s” cannot be part of a key: use the letters A–Z and the digits 2–7"),
                       shown);
          return NULL;
        }
      if (padding)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("The key has “=” in the middle: it may only end with it"));
          return NULL;
        }

      n_chars++;
      buffer = (buffer << 5) | (guint32) value;
      n_bits += 5;
      if (n_bits >= 8)
        {
          guint8 byte = (guint8) (buffer >> (n_bits - 8));

          g_byte_array_append (out, &byte, 1);
          n_bits -= 8;
          buffer &= (1u << n_bits) - 1;
        }
    }

  /* A group of 8 characters carries 5 bytes; 1, 3 or 6 left-over characters
   * cannot come from any whole number of bytes. */
  switch (n_chars % 8)
    {
    case 1:
    case 3:
    case 6:
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The key is incomplete: check that it was copied in full"));
      return NULL;
    default:
      break;
    }

  return g_steal_pointer (&out);
}

static gboolean
decode_secret (const char  *secret,
               GByteArray **out,
               GError     **error)
{
  g_autoptr(TandemSecretBytes) key = base32_decode_array (secret, error);

  if (key == NULL)
    return FALSE;
  if (key->len == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The key is empty"));
      return FALSE;
    }
  *out = g_steal_pointer (&key);
  return TRUE;
}

static void
format_code (guint32 value,
             char    out[TANDEM_TOTP_DIGITS + 1])
{
  g_snprintf (out, TANDEM_TOTP_DIGITS + 1, "%06u", value);
}

/* Digits only, spaces dropped: "123 456" as it is shown in most apps. */
static gboolean
normalize_typed_code (const char  *code,
                      char         out[TANDEM_TOTP_DIGITS + 1],
                      GError     **error)
{
  guint n = 0;
  const char *p;

  if (code != NULL && g_utf8_validate (code, -1, NULL))
    {
      for (p = code; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isspace (c))
            continue;
          if (c < '0' || c > '9' || n == TANDEM_TOTP_DIGITS)
            {
              n = 0;
              break;
            }
          out[n++] = (char) c;
        }
    }

  out[n] = '\0';
  if (n != TANDEM_TOTP_DIGITS)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Type the %d-digit code from your authenticator app",
                                "Type the %d-digit code from your authenticator app",
                                TANDEM_TOTP_DIGITS),
                   TANDEM_TOTP_DIGITS);
      return FALSE;
    }
  return TRUE;
}

char *
tandem_base32_encode (const guint8 *data,
                      gsize         len)
{
  GString *out;
  guint32 buffer = 0;
  guint n_bits = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  out = g_string_sized_new ((len + 4) / 5 * 8 + 1);
  for (gsize i = 0; i < len; i++)
    {
      buffer = (buffer << 8) | data[i];
      n_bits += 8;
      while (n_bits >= 5)
        {
          g_string_append_c (out, base32_alphabet[(buffer >> (n_bits - 5)) & 0x1f]);
          n_bits -= 5;
        }
      buffer &= (1u << n_bits) - 1;
    }
  if (n_bits > 0)
    g_string_append_c (out, base32_alphabet[(buffer << (5 - n_bits)) & 0x1f]);
  while (out->len % 8 != 0)
    g_string_append_c (out, '=');

  return g_string_free (out, FALSE);
}

GBytes *
tandem_base32_decode (const char  *text,
                      GError     **error)
{
  GByteArray *bytes = base32_decode_array (text, error);

  if (bytes == NULL)
    return NULL;
  return g_byte_array_free_to_bytes (bytes);
}

/* RFC 4226 section 5.3: HMAC-SHA-1 of the big-endian counter, dynamic
 * truncation, the last six decimal digits. */
guint32
tandem_hotp (const guint8 *key,
             gsize         key_len,
             guint64       counter)
{
  g_autoptr(GHmac) hmac = NULL;
  guint8 message[8];
  guint8 digest[SHA1_BYTES];
  gsize digest_len = sizeof digest;
  guint32 binary;
  guint offset;

  g_return_val_if_fail (key != NULL && key_len > 0, 0);

  for (guint i = 0; i < 8; i++)
    message[7 - i] = (guint8) (counter >> (8 * i));

  hmac = g_hmac_new (G_CHECKSUM_SHA1, key, key_len);
  g_hmac_update (hmac, message, sizeof message);
  g_hmac_get_digest (hmac, digest, &digest_len);

  offset = digest[SHA1_BYTES - 1] & 0x0f;
  binary = ((guint32) (digest[offset] & 0x7f) << 24)
           | ((guint32) digest[offset + 1] << 16)
           | ((guint32) digest[offset + 2] << 8)
           | (guint32) digest[offset + 3];
  sodium_memzero (digest, sizeof digest);

  return binary % 1000000;
}

/* RFC 6238 section 4: T = floor ((now - T0) / X) with T0 = 0, X = 30 s. */
gint64
tandem_totp_step (gint64 unix_time)
{
  if (unix_time >= 0)
    return unix_time / TANDEM_TOTP_PERIOD;
  return -((-unix_time + TANDEM_TOTP_PERIOD - 1) / TANDEM_TOTP_PERIOD);
}

char *
tandem_totp_code (const char  *secret,
                  gint64       unix_time,
                  GError     **error)
{
  g_autoptr(TandemSecretBytes) key = NULL;
  char code[TANDEM_TOTP_DIGITS + 1];
  gint64 step = tandem_totp_step (unix_time);

  if (!decode_secret (secret, &key, error))
    return NULL;
  if (step < 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The computer’s clock is set before 1970"));
      return NULL;
    }

  format_code (tandem_hotp (key->data, key->len, (guint64) step), code);
  return g_strdup (code);
}

char *
tandem_totp_generate_secret (GError **error)
{
  guint8 secret[TANDEM_TOTP_SECRET_BYTES];
  char *encoded;

  if (!ensure_sodium (error))
    return NULL;

  randombytes_buf (secret, sizeof secret);
  encoded = tandem_base32_encode (secret, sizeof secret);
  sodium_memzero (secret, sizeof secret);

  return encoded;
}

/* The Key URI Format read by authenticator apps:
 * otpauth://totp/ISSUER:LOGIN?secret=…&issuer=…&algorithm=…&digits=…&period=… */
char *
tandem_totp_uri (const char  *secret,
                 const char  *login,
                 GError     **error)
{
  g_autoptr(TandemSecretBytes) key = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *escaped_login = NULL;
  char *padding;

  if (login == NULL || *login == '\0' || !g_utf8_validate (login, -1, NULL))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("A login name is needed for the authenticator app"));
      return NULL;
    }
  if (!decode_secret (secret, &key, error))
    return NULL;

  canonical = tandem_base32_encode (key->data, key->len);
  padding = strchr (canonical, '=');
  if (padding != NULL)
    *padding = '\0';
  escaped_login = g_uri_escape_string (login, NULL, FALSE);

  return g_strdup_printf ("otpauth://totp/Tandem:%s?secret=%s&issuer=Tandem"
                          "&algorithm=SHA1&digits=%d&period=%d",
                          escaped_login, canonical,
                          TANDEM_TOTP_DIGITS, TANDEM_TOTP_PERIOD);
}

/* Accepts the code of the current step or of the one before or after it
 * (RFC 6238 section 5.2), but never a step at or before last_step, so the
 * same code cannot sign in twice. */
gboolean
tandem_totp_verify (const char  *secret,
                    const char  *code,
                    gint64       unix_time,
                    gint64       last_step,
                    gint64      *matched_step,
                    GError     **error)
{
  g_autoptr(TandemSecretBytes) key = NULL;
  char typed[TANDEM_TOTP_DIGITS + 1];
  gint64 step = tandem_totp_step (unix_time);
  gint64 found = TANDEM_TOTP_NO_STEP;
  gboolean reused = FALSE;

  if (!decode_secret (secret, &key, error))
    return FALSE;
  if (!normalize_typed_code (code, typed, error))
    return FALSE;
  if (!ensure_sodium (error))
    return FALSE;

  for (gint64 s = step - 1; s <= step + 1; s++)
    {
      char expected[TANDEM_TOTP_DIGITS + 1];
      gboolean same;

      if (s < 0)
        continue;
      format_code (tandem_hotp (key->data, key->len, (guint64) s), expected);
      same = sodium_memcmp (expected, typed, TANDEM_TOTP_DIGITS) == 0;
      sodium_memzero (expected, sizeof expected);

      if (same && s <= last_step)
        reused = TRUE;
      else if (same && found == TANDEM_TOTP_NO_STEP)
        found = s;
    }
  sodium_memzero (typed, sizeof typed);

  if (found == TANDEM_TOTP_NO_STEP)
    {
      if (reused)
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH,
                     _("This code has already been used: wait for the next one"));
      else
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH,
                     _("The code is not correct. Check that the clocks of this computer and of your phone are right."));
      return FALSE;
    }

  if (matched_step != NULL)
    *matched_step = found;
  return TRUE;
}

GStrv
tandem_totp_recovery_codes_generate (guint    n_codes,
                                     GError **error)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  if (!ensure_sodium (error))
    return NULL;

  while (codes->len < n_codes)
    {
      char code[RECOVERY_CHARS + 2];
      guint j = 0;
      gboolean duplicate = FALSE;

      for (guint i = 0; i < RECOVERY_CHARS; i++)
        {
          if (i == RECOVERY_HALF_CHARS)
            code[j++] = '-';
          code[j++] = recovery_alphabet[randombytes_uniform (sizeof recovery_alphabet - 1)];
        }
      code[j] = '\0';

      for (guint k = 0; k < codes->len && !duplicate; k++)
        duplicate = strcmp (g_ptr_array_index (codes, k), code) == 0;
      if (!duplicate)
        g_ptr_array_add (codes, g_strdup (code));
      sodium_memzero (code, sizeof code);
    }
  g_ptr_array_add (codes, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

/* A recovery code as typed (any case, spaces or dashes anywhere) in the
 * form it was given out: xxxxx-xxxxx. */
char *
tandem_totp_recovery_code_normalize (const char  *typed,
                                     GError     **error)
{
  char code[RECOVERY_CHARS + 2];
  guint n = 0;
  guint j = 0;
  const char *p;

  if (typed != NULL && g_utf8_validate (typed, -1, NULL))
    {
      for (p = typed; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isspace (c) || c == '-')
            continue;
          if (c > 0x7f || strchr (recovery_alphabet, g_ascii_tolower ((char) c)) == NULL
              || n == RECOVERY_CHARS)
            {
              n = 0;
              break;
            }
          if (n == RECOVERY_HALF_CHARS)
            code[j++] = '-';
          code[j++] = g_ascii_tolower ((char) c);
          n++;
        }
    }

  if (n != RECOVERY_CHARS)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   /* Translators: "abcde-23456" shows the form of a code;
                    * keep it as it is. */
                   _("A recovery code has 10 letters and digits, like abcde-23456"));
      return NULL;
    }
  code[j] = '\0';
  return g_strdup (code);
}
