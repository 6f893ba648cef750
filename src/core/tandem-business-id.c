/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemBusinessId"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-business-id.h"
#include "tandem-error.h"

/* Y-tunnus: weights 7 9 10 5 8 4 2, remainder 0 → 0, 1 → invalid, else 11 − r. */
static int
y_tunnus_check_digit (const char *digits)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0, r;

  for (int i = 0; i < 7; i++)
    sum += (digits[i] - '0') * weights[i];
  r = sum % 11;
  if (r == 0)
    return 0;
  if (r == 1)
    return -1;
  return 11 - r;
}

/* NIP: weights 6 5 7 2 3 4 5 6 7, sum mod 11 is the tenth digit (10 is invalid). */
static int
nip_check_digit (const char *digits)
{
  static const int weights[] = { 6, 5, 7, 2, 3, 4, 5, 6, 7 };
  int sum = 0;

  for (int i = 0; i < 9; i++)
    sum += (digits[i] - '0') * weights[i];
  sum %= 11;
  return sum == 10 ? -1 : sum;
}

gboolean
tandem_business_id_check (const char            *text,
                          TandemBusinessIdKind  *kind,
                          char                 **normalized,
                          GError               **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;
  gboolean has_dash = FALSE;
  gboolean only_digits_and_separators = TRUE;
  gboolean pl_prefix = FALSE;
  gboolean fi_prefix = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  p = stripped;
  if (g_ascii_strncasecmp (p, "PL", 2) == 0)
    {
      pl_prefix = TRUE;
      p += 2;
    }
  else if (g_ascii_strncasecmp (p, "FI", 2) == 0)
    {
      fi_prefix = TRUE;
      p += 2;
    }

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '-')
        has_dash = TRUE;
      else if (*p != ' ')
        only_digits_and_separators = FALSE;
    }

  for (p = stripped; *p; p++)
    if (g_ascii_iscntrl (*p))
      {
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                     _("The business ID contains characters that are not allowed"));
        return FALSE;
      }

  if (digits->len == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("“%s” is not a business ID: it has no digits"), stripped);
      return FALSE;
    }

  /* Eight digits are a Y-tunnus, with or without its hyphen. */
  if (only_digits_and_separators && !pl_prefix && digits->len == 8)
    {
      int check = y_tunnus_check_digit (digits->str);

      if (check < 0 || check != digits->str[7] - '0')
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("“%s” is not a valid Finnish business ID (Y-tunnus): the check digit is wrong"),
                       stripped);
          return FALSE;
        }
      if (kind)
        *kind = TANDEM_BUSINESS_ID_FI;
      if (normalized)
        *normalized = g_strdup_printf ("%.7s-%c", digits->str, digits->str[7]);
      return TRUE;
    }

  if (only_digits_and_separators && digits->len == 10)
    {
      int check = nip_check_digit (digits->str);

      if (check < 0 || check != digits->str[9] - '0')
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("“%s” is not a valid Polish tax ID (NIP): the check digit is wrong"),
                       stripped);
          return FALSE;
        }
      if (kind)
        *kind = TANDEM_BUSINESS_ID_PL;
      if (normalized)
        *normalized = g_strdup (digits->str);
      return TRUE;
    }

  if (only_digits_and_separators && !pl_prefix &&
      (fi_prefix || ((has_dash || digits->len == 8) && digits->len >= 7 && digits->len <= 9)))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("“%s” is not a valid Finnish business ID (Y-tunnus): it has seven digits, a hyphen and a check digit, like 1234567-8"),
                   stripped);
      return FALSE;
    }

  if (pl_prefix)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("“%s” is not a valid Polish tax ID (NIP): it has ten digits"), stripped);
      return FALSE;
    }

  if (kind)
    *kind = TANDEM_BUSINESS_ID_UNKNOWN;
  if (normalized)
    *normalized = g_steal_pointer (&stripped);
  return TRUE;
}
