/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tandem-calendar-user.h"
#include "tandem-occurrence.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CALENDAR_MONTH_CELL (tandem_calendar_month_cell_get_type ())

/* One day of the month view: its number, as many of its occurrences as
 * fit and "+N more" for the rest (which shows the day), or coloured dots
 * when the cell is too narrow for titles. Clicking the day's empty area
 * or Enter on the cell plans an activity at 09:00 ("calendar.plan"); in a
 * narrow cell, where nothing else can be reached, it shows the day. */
G_DECLARE_FINAL_TYPE (TandemCalendarMonthCell, tandem_calendar_month_cell, TANDEM, CALENDAR_MONTH_CELL, GtkWidget)

GtkWidget *tandem_calendar_month_cell_new     (void);
/* Empties the cell and sets its day; @plan_user_id is whom planning in
 * it is for. */
void       tandem_calendar_month_cell_set_day (TandemCalendarMonthCell  *self,
                                               GDateTime                *day,
                                               gboolean                  other_month,
                                               gboolean                  today,
                                               gint64                    plan_user_id);
GDateTime *tandem_calendar_month_cell_get_day (TandemCalendarMonthCell  *self);
/* Adds an occurrence below those added before. */
void       tandem_calendar_month_cell_add     (TandemCalendarMonthCell  *self,
                                               TandemOccurrence         *occurrence,
                                               const TandemCalendarUser *user,
                                               gboolean                  show_user);
guint      tandem_calendar_month_cell_get_n_occurrences (TandemCalendarMonthCell *self);

G_END_DECLS
