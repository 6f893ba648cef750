/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemDate"

#include "tandem-date.h"

/* Reads 1 to @max_digits digits; no signs or blanks, unlike scanf. */
static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (n < max_digits && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  return n >= min_digits && !g_ascii_isdigit (**p);
}

static gboolean
read_separator (const char **p,
                char         separator)
{
  if (**p != separator)
    return FALSE;
  (*p)++;
  return TRUE;
}

char *
tandem_date_parse (const char *text)
{
  const char *p;
  guint year, month, day;

  if (text == NULL)
    return NULL;

  while (g_ascii_isspace (*text))
    text++;

  /* 2026-12-31, or 31.12.2026 */
  p = text;
  if (!(read_number (&p, 4, 4, &year) && read_separator (&p, '-') &&
        read_number (&p, 1, 2, &month) && read_separator (&p, '-') &&
        read_number (&p, 1, 2, &day)))
    {
      p = text;
      if (!(read_number (&p, 1, 2, &day) && read_separator (&p, '.') &&
            read_number (&p, 1, 2, &month) && read_separator (&p, '.') &&
            read_number (&p, 4, 4, &year)))
        return NULL;
    }

  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' || year < 1000)
    return NULL;

  if (month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}
