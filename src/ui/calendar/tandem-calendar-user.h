/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Number of colours the calendar gives users and categories (the
 * .color-N classes of tandem-calendar.css). */
#define TANDEM_CALENDAR_N_COLORS 7

/* A person whose calendar is shown: what the day, week and month views
 * need to label their columns and tell people's activities apart. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *initials;
  guint   color;
} TandemCalendarUser;

TandemCalendarUser *tandem_calendar_user_new  (gint64              id,
                                               const char         *name,
                                               guint               color);
void                tandem_calendar_user_free (TandemCalendarUser *user);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemCalendarUser, tandem_calendar_user_free)

G_END_DECLS
