/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_OCCURRENCE (tandem_occurrence_get_type ())

/* One appearance of an activity in a time range: the activity itself, or
 * one occurrence of a recurring one. What the calendar, the day plan and
 * the start page show.
 *
 * A masked occurrence is another user's activity the reader may not see
 * (SPEC E3): it carries only its time and busy flag, activity id 0, and
 * the title "Busy". Nothing else about it leaves the store. */
G_DECLARE_FINAL_TYPE (TandemOccurrence, tandem_occurrence, TANDEM, OCCURRENCE, GObject)

TandemOccurrence *tandem_occurrence_new_masked       (gint64            start,
                                                      gint64            end);
TandemOccurrence *tandem_occurrence_new              (gint64            activity_id,
                                                      gint64            recurrence_id,
                                                      gint64            start,
                                                      gint64            end,
                                                      const char       *title);

gboolean          tandem_occurrence_is_masked        (TandemOccurrence *self);
gint64            tandem_occurrence_get_activity_id  (TandemOccurrence *self);
/* The start the recurrence rule gives this occurrence (Unix time, UTC),
 * or 0 when the activity does not recur. */
gint64            tandem_occurrence_get_recurrence_id (TandemOccurrence *self);
gboolean          tandem_occurrence_is_recurring     (TandemOccurrence *self);
/* Unix times (UTC); both 0 for an open-ended activity. */
gint64            tandem_occurrence_get_start        (TandemOccurrence *self);
gint64            tandem_occurrence_get_end          (TandemOccurrence *self);
/* The same in the local zone, new references. */
GDateTime        *tandem_occurrence_dup_start_local  (TandemOccurrence *self);
GDateTime        *tandem_occurrence_dup_end_local    (TandemOccurrence *self);
const char       *tandem_occurrence_get_title        (TandemOccurrence *self);

/* The rest is empty (0, NULL, FALSE) for a masked occurrence. */
gboolean          tandem_occurrence_get_open_ended   (TandemOccurrence *self);
gboolean          tandem_occurrence_get_all_day      (TandemOccurrence *self);
gboolean          tandem_occurrence_get_busy         (TandemOccurrence *self);
/* Overdue: planned, and ended before the day being shown. */
gboolean          tandem_occurrence_get_overdue      (TandemOccurrence *self);
TandemStatus      tandem_occurrence_get_status       (TandemOccurrence *self);
TandemOutcome     tandem_occurrence_get_outcome      (TandemOccurrence *self);
gint64            tandem_occurrence_get_category_id  (TandemOccurrence *self);
const char       *tandem_occurrence_get_category_name (TandemOccurrence *self);
const char       *tandem_occurrence_get_company_name (TandemOccurrence *self);
const char       *tandem_occurrence_get_description  (TandemOccurrence *self);
gint64            tandem_occurrence_get_goal_id      (TandemOccurrence *self);
gint64            tandem_occurrence_get_priority_id  (TandemOccurrence *self);
const char       *tandem_occurrence_get_priority_name (TandemOccurrence *self);
/* The user whose calendar column it was listed for (0 when not per user). */
gint64            tandem_occurrence_get_user_id      (TandemOccurrence *self);

/* Used by the store. The busy flag of a masked occurrence is always TRUE. */
void              tandem_occurrence_set_details      (TandemOccurrence *self,
                                                      gboolean          open_ended,
                                                      gboolean          all_day,
                                                      gboolean          busy,
                                                      gboolean          overdue,
                                                      TandemStatus      status,
                                                      TandemOutcome     outcome,
                                                      gint64            category_id,
                                                      const char       *category_name,
                                                      const char       *company_name,
                                                      const char       *description,
                                                      gint64            goal_id,
                                                      gint64            priority_id,
                                                      const char       *priority_name);
void              tandem_occurrence_set_user_id      (TandemOccurrence *self,
                                                      gint64            user_id);

G_END_DECLS
