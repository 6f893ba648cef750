/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemDate"

#include "config.h"

#include <glib/gi18n.h>

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

char *
tandem_date_format (const char *date)
{
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || *date == '\0')
    return NULL;
  /* tandem_date_parse() gives YYYY-MM-DD or nothing. */
  iso = tandem_date_parse (date);
  if (iso == NULL)
    return g_strdup (date);
  /* Noon exists on every day, whatever the clocks do at night. */
  dt = g_date_time_new_local ((int) g_ascii_strtoull (iso, NULL, 10),
                              (int) g_ascii_strtoull (iso + 5, NULL, 10),
                              (int) g_ascii_strtoull (iso + 8, NULL, 10), 12, 0, 0);
  if (dt == NULL)
    return g_strdup (date);
  /* Translators: a date on its own, "15 Dec 2026", as g_date_time_format()
   * takes it; order it as your language writes a date with the month's
   * short name. */
  return g_date_time_format (dt, C_("medium date", "%-d %b %Y"));
}

char *
tandem_date_format_time (const char *iso8601)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL || *iso8601 == '\0')
    return NULL;
  dt = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (dt == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (dt);
  /* Translators: a date with a time, "15 Dec 2026, 14:05", as
   * g_date_time_format() takes it; write the date as in "medium date". */
  return g_date_time_format (local, C_("medium date and time", "%-d %b %Y, %H:%M"));
}
