/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCalendarUser"

#include "config.h"

#include "tandem-calendar-user.h"

/* The first letters of the first and the last word, as avatars show them:
 * "Anna Maria Admin" gives "AA". */
static char *
make_initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name ? name : "", " \t-", -1);
  GString *initials = g_string_new (NULL);
  const char *first = NULL;
  const char *last = NULL;

  for (guint i = 0; words[i]; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (first == NULL)
        first = words[i];
      else
        last = words[i];
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *word = i == 0 ? first : last;
      g_autofree char *upper = NULL;

      if (word == NULL)
        continue;
      upper = g_utf8_strup (word, g_utf8_next_char (word) - word);
      g_string_append (initials, upper);
    }
  return g_string_free (initials, FALSE);
}

TandemCalendarUser *
tandem_calendar_user_new (gint64      id,
                          const char *name,
                          guint       color)
{
  TandemCalendarUser *user = g_new0 (TandemCalendarUser, 1);

  user->id = id;
  user->name = g_strdup (name ? name : "");
  user->initials = make_initials (name);
  user->color = color % TANDEM_CALENDAR_N_COLORS;
  return user;
}

void
tandem_calendar_user_free (TandemCalendarUser *user)
{
  if (user == NULL)
    return;
  g_free (user->name);
  g_free (user->initials);
  g_free (user);
}
