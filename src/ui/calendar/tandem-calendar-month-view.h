/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_CALENDAR_MONTH_VIEW (tandem_calendar_month_view_get_type ())

/* Six weeks of seven days under localised weekday names; the days of
 * other months are dimmed and today is marked. */
G_DECLARE_FINAL_TYPE (TandemCalendarMonthView, tandem_calendar_month_view, TANDEM, CALENDAR_MONTH_VIEW, GtkWidget)

#define TANDEM_CALENDAR_MONTH_DAYS 42

GtkWidget *tandem_calendar_month_view_new      (void);
/* @first_day is the first day shown (local midnight), @month (1–12) the
 * month the page is about; @users (TandemCalendarUser) and @models (a
 * GListModel of TandemOccurrence per user) as for the time grid. */
void       tandem_calendar_month_view_set_data (TandemCalendarMonthView *self,
                                                GDateTime               *first_day,
                                                int                      month,
                                                GPtrArray               *users,
                                                GPtrArray               *models);

G_END_DECLS
