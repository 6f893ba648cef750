/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemDate"

#include <stdio.h>

#include "tandem-date.h"

char *
tandem_date_parse (const char *text)
{
  unsigned int a, b, c;
  int consumed = 0;
  unsigned int year, month, day;

  if (text == NULL)
    return NULL;

  while (g_ascii_isspace (*text))
    text++;

  if (sscanf (text, "%4u-%2u-%2u%n", &a, &b, &c, &consumed) == 3)
    {
      year = a;
      month = b;
      day = c;
    }
  else if (sscanf (text, "%2u.%2u.%4u%n", &a, &b, &c, &consumed) == 3)
    {
      day = a;
      month = b;
      year = c;
    }
  else
    return NULL;

  for (text += consumed; g_ascii_isspace (*text); text++)
    ;
  if (*text != '\0' || year < 1000)
    return NULL;

  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}
