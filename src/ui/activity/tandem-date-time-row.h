/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_DATE_TIME_ROW (tandem_date_time_row_get_type ())

/* A row with a date button (a calendar in a popover) and, unless
 * "show-time" is off, a time entry that takes 9, 9:30, 09.30 or 0930.
 * Text that is not a time is marked as an error and reported by
 * tandem_date_time_row_get_time(). With "allow-empty" the date can be
 * cleared. "changed" is emitted on every edit. */
G_DECLARE_FINAL_TYPE (TandemDateTimeRow, tandem_date_time_row, TANDEM, DATE_TIME_ROW, AdwActionRow)

GtkWidget *tandem_date_time_row_new            (void);
gboolean   tandem_date_time_row_get_show_time  (TandemDateTimeRow *self);
void       tandem_date_time_row_set_show_time  (TandemDateTimeRow *self,
                                                gboolean           show_time);
gboolean   tandem_date_time_row_get_allow_empty (TandemDateTimeRow *self);
void       tandem_date_time_row_set_allow_empty (TandemDateTimeRow *self,
                                                gboolean           allow_empty);
/* @date NULL or invalid clears it. */
void       tandem_date_time_row_set_date       (TandemDateTimeRow *self,
                                                const GDate       *date);
/* FALSE when there is no date (@date is then cleared). */
gboolean   tandem_date_time_row_get_date       (TandemDateTimeRow *self,
                                                GDate             *date);
void       tandem_date_time_row_set_time       (TandemDateTimeRow *self,
                                                int                hour,
                                                int                minute);
/* FALSE with @error set when the time text is not a time of day. */
gboolean   tandem_date_time_row_get_time       (TandemDateTimeRow *self,
                                                int               *hour,
                                                int               *minute,
                                                GError           **error);
/* Date and time in @tz, or NULL (@error set when the time is wrong, not
 * set when there is just no date). */
GDateTime *tandem_date_time_row_dup_date_time  (TandemDateTimeRow *self,
                                                GTimeZone         *tz,
                                                GError           **error);
void       tandem_date_time_row_set_date_time  (TandemDateTimeRow *self,
                                                GDateTime         *date_time);
GtkEditable *tandem_date_time_row_get_time_entry (TandemDateTimeRow *self);

/* Parses what people type as a time of day; exposed for the tests. */
gboolean   tandem_parse_time_of_day            (const char        *text,
                                                int               *hour,
                                                int               *minute);

G_END_DECLS
