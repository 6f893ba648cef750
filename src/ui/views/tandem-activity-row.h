/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_ACTIVITY_ROW (tandem_activity_row_get_type ())

/* A row of the activity lists (start page, day plan, To complete, seller's
 * view, company and person cards): the category's icon, the title, a
 * subtitle the list composes, and small tags ("Overdue", "High"). The row
 * carries the activity and occurrence it stands for; the list decides
 * what activating it does. */
G_DECLARE_FINAL_TYPE (TandemActivityRow, tandem_activity_row, TANDEM, ACTIVITY_ROW, AdwActionRow)

GtkWidget  *tandem_activity_row_new               (gint64             activity_id,
                                                   gint64             recurrence_id,
                                                   const char        *title);
/* A row for a saved activity: its category's icon, its title, and below
 * "When · Category · Company" (when as tandem_activity_row_describe_when). @categories maps category ids
 * (gint64 *) to TandemTerm, as tandem_activity_row_load_categories. */
GtkWidget  *tandem_activity_row_new_for_activity  (TandemActivity    *activity,
                                                   GHashTable        *categories,
                                                   GDateTime         *now);
gint64      tandem_activity_row_get_activity_id   (TandemActivityRow *self);
/* The occurrence of a recurring activity, or 0. */
gint64      tandem_activity_row_get_recurrence_id (TandemActivityRow *self);
/* The category's icon in front, its name as tooltip; NULL: a plain one. */
void        tandem_activity_row_set_category      (TandemActivityRow *self,
                                                   TandemTerm        *category);
/* A short coloured label at the end; @style_class is "error", "warning",
 * "success", "accent" or NULL. */
GtkWidget  *tandem_activity_row_add_tag           (TandemActivityRow *self,
                                                   const char        *text,
                                                   const char        *style_class);
/* The categories by id, for the rows' icons. */
GHashTable *tandem_activity_row_load_categories   (TandemStore       *store);
/* The icon of a shipped category (by its English builtin name), a
 * generic one for the others. */
const char *tandem_activity_row_get_category_icon (TandemTerm        *category);

/* When something happens, relative to @now, in the local zone:
 * "Today 14:00", "Tomorrow", "Yesterday 09:30", "Mon 30 Nov",
 * "Mon 30 Nov 2027 14:00". Without @with_time the time is left out. */
char       *tandem_activity_row_format_when       (GDateTime         *when,
                                                   gboolean           with_time,
                                                   GDateTime         *now);
/* When an activity happens, for lists: its start relative to @now, its
 * follow-up date, or "Open-ended". */
char       *tandem_activity_row_describe_when     (TandemActivity    *activity,
                                                   GDateTime         *now);
/* "14:00–15:00", "All day", or "Mon 30 Nov 14:00 – Tue 1 Dec 10:00" when
 * it spans days; in the local zone. */
char       *tandem_activity_row_format_range      (GDateTime         *start,
                                                   GDateTime         *end,
                                                   gboolean           all_day);
/* "3 days overdue" for something due on @due's day; NULL when @due is
 * today or later. */
char       *tandem_activity_row_format_overdue    (GDateTime         *due,
                                                   GDateTime         *now);
/* A YYYY-MM-DD date (a follow-up date) as midnight in the local zone, or
 * NULL when it is not a date. */
GDateTime  *tandem_activity_row_parse_date        (const char        *date);

G_END_DECLS
