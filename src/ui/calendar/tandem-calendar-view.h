/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_CALENDAR_DAY   = 0,
  TANDEM_CALENDAR_WEEK  = 1,
  TANDEM_CALENDAR_MONTH = 2,
} TandemCalendarMode;

#define TANDEM_TYPE_CALENDAR_MODE (tandem_calendar_mode_get_type ())
GType tandem_calendar_mode_get_type (void);

#define TANDEM_TYPE_CALENDAR_VIEW (tandem_calendar_view_get_type ())

/* The calendar page (SPEC D16, D18, E3): day, week and month, for one user
 * or several side by side, with its own header controls (today, previous,
 * next, the mode switcher and the people shown). It reads occurrences from
 * the store for the visible range only and follows the store's "changed"
 * signal.
 *
 * Signals:
 *  "open-occurrence" (gint64 activity_id, gint64 recurrence_id): the user
 *    activated an occurrence they may see.
 *  "plan" (GDateTime *start, gint64 duration_seconds, gint64 user_id): the
 *    user asked to plan an activity in a slot (a past slot records one).
 *
 * Keys: Ctrl+1, Ctrl+2, Ctrl+3 show the day, week and month (Alt+digits
 * switch the main window's pages); Page Up and
 * Page Down (or Alt+Left and Alt+Right) go back and forward; Ctrl+T goes
 * to today. In the day and week views the arrow keys move the focused
 * slot and Enter plans there.
 *
 * Below 560 pixels of width the week shows as the day of its date, and
 * the month as dots instead of titles. */
G_DECLARE_FINAL_TYPE (TandemCalendarView, tandem_calendar_view, TANDEM, CALENDAR_VIEW, GtkWidget)

GtkWidget          *tandem_calendar_view_new        (TandemStore        *store);
TandemCalendarMode  tandem_calendar_view_get_mode   (TandemCalendarView *self);
void                tandem_calendar_view_set_mode   (TandemCalendarView *self,
                                                     TandemCalendarMode  mode);
/* The day shown (day view), or a day of the week/month shown. */
GDateTime          *tandem_calendar_view_get_date   (TandemCalendarView *self);
void                tandem_calendar_view_set_date   (TandemCalendarView *self,
                                                     GDateTime          *date);
/* The users shown side by side; the signed-in user by default. */
const gint64       *tandem_calendar_view_get_users  (TandemCalendarView *self,
                                                     guint              *n_users);
void                tandem_calendar_view_set_users  (TandemCalendarView *self,
                                                     const gint64       *user_ids,
                                                     guint               n_users);
/* The occurrences currently shown, for @user_id (tests, accessibility). */
GListModel         *tandem_calendar_view_get_occurrences (TandemCalendarView *self,
                                                          gint64              user_id);
/* The "title" property: "November 2026", "Week 48, 23–29 November 2026",
 * "Monday, 23 November 2026"; for the window's title. */
const char         *tandem_calendar_view_get_title  (TandemCalendarView *self);
/* The range shown and queried, [@from, @to), in the local zone (new
 * references). */
void                tandem_calendar_view_get_range  (TandemCalendarView *self,
                                                     GDateTime         **from,
                                                     GDateTime         **to);

G_END_DECLS
