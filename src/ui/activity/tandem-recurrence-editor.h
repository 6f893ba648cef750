/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-recurrence.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_RECURRENCE_EDITOR (tandem_recurrence_editor_get_type ())

/* The repeat part of the activity card (SPEC D6): the pattern (daily,
 * weekdays, weekends, weekly on chosen days, monthly by day or weekday,
 * yearly, or a custom rule shown read-only), every how many, and when it
 * ends; the repeat row's subtitle says it in words. The day of the month
 * and the weekday come from the start, given with _set_start(). "changed"
 * is emitted on every edit by the user. */
G_DECLARE_FINAL_TYPE (TandemRecurrenceEditor, tandem_recurrence_editor, TANDEM, RECURRENCE_EDITOR, AdwPreferencesGroup)

GtkWidget        *tandem_recurrence_editor_new              (void);
void              tandem_recurrence_editor_set_start        (TandemRecurrenceEditor *self,
                                                             GDateTime              *start);
/* Shows @rrule (NULL: does not repeat); a rule the editor has no pattern
 * for is kept as it is and shown as "Custom". */
void              tandem_recurrence_editor_set_rrule        (TandemRecurrenceEditor *self,
                                                             const char             *rrule);
/* The pattern as shown, checked against the start; NULL with @error set
 * when it is not valid, NULL without an error when it does not repeat. */
char             *tandem_recurrence_editor_get_rrule        (TandemRecurrenceEditor *self,
                                                             GTimeZone              *tz,
                                                             GError                **error);
TandemRecurrence *tandem_recurrence_editor_dup_recurrence   (TandemRecurrenceEditor *self);
/* As the user choosing it in the repeat row. */
void              tandem_recurrence_editor_set_repeat       (TandemRecurrenceEditor *self,
                                                             TandemRepeat            repeat);
AdwComboRow      *tandem_recurrence_editor_get_repeat_row   (TandemRecurrenceEditor *self);
GtkToggleButton  *tandem_recurrence_editor_get_weekday_button (TandemRecurrenceEditor *self,
                                                             GDateWeekday            weekday);

G_END_DECLS
