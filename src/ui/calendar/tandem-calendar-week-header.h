/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_CALENDAR_WEEK_HEADER (tandem_calendar_week_header_get_type ())

/* Above the time grid, in its columns: the days, the users' names when
 * several are shown, and the activities that last all day or longer. A
 * click on a day in the week shows that day ("calendar.show-day"). */
G_DECLARE_FINAL_TYPE (TandemCalendarWeekHeader, tandem_calendar_week_header, TANDEM, CALENDAR_WEEK_HEADER, GtkWidget)

GtkWidget *tandem_calendar_week_header_new      (void);
/* The same data as tandem_calendar_time_grid_set_data(). */
void       tandem_calendar_week_header_set_data (TandemCalendarWeekHeader *self,
                                                 GDateTime                *first_day,
                                                 guint                     n_days,
                                                 GPtrArray                *users,
                                                 GPtrArray                *models);

G_END_DECLS
