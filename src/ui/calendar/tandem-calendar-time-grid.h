/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tandem-occurrence.h"

G_BEGIN_DECLS

/* Pixels per hour in the day and week views. */
#define TANDEM_CALENDAR_HOUR_HEIGHT  48
/* Width of the hour labels left of the columns. */
#define TANDEM_CALENDAR_GUTTER_WIDTH 56

#define TANDEM_TYPE_CALENDAR_TIME_GRID (tandem_calendar_time_grid_get_type ())

/* The hours 00–24 of one or more days, each day with one column per user
 * shown, and the occurrences placed by their times; overlapping ones share
 * their column side by side. A "now" line crosses today.
 *
 * Planning: the "+" under the pointer, a double click, or Enter on the
 * focused slot (moved with the arrow keys while the grid has the focus)
 * activates "calendar.plan" (start, duration, user) for one hour. */
G_DECLARE_FINAL_TYPE (TandemCalendarTimeGrid, tandem_calendar_time_grid, TANDEM, CALENDAR_TIME_GRID, GtkWidget)

GtkWidget *tandem_calendar_time_grid_new      (void);
/* @n_days days from @first_day (local midnight), one column per user of
 * @users (TandemCalendarUser) each, showing @models (a GListModel of
 * TandemOccurrence per user, in the order of @users). */
void       tandem_calendar_time_grid_set_data (TandemCalendarTimeGrid *self,
                                               GDateTime              *first_day,
                                               guint                   n_days,
                                               GPtrArray              *users,
                                               GPtrArray              *models);
/* The slot Enter plans in: a column (day × users + user) and a minute of
 * the day, a multiple of 30. */
void       tandem_calendar_time_grid_set_slot (TandemCalendarTimeGrid *self,
                                               guint                   column,
                                               int                     minute);
void       tandem_calendar_time_grid_get_slot (TandemCalendarTimeGrid *self,
                                               guint                  *column,
                                               int                    *minute);

/* Does the time grid show @occurrence, or is it all day or a day or
 * longer (shown above the grid)? */
gboolean   tandem_calendar_time_grid_shows    (TandemOccurrence       *occurrence);
/* Left edge of @column of @n_columns in a grid or header @width wide. */
int        tandem_calendar_column_x           (int                     width,
                                               guint                   column,
                                               guint                   n_columns);

G_END_DECLS
