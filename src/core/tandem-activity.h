/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-record.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_ACTIVITY (tandem_activity_get_type ())

/* A call, meeting, visit, task … (SPEC D1–D15). Forms edit a copy
 * (tandem_activity_copy) and save it through the store.
 *
 * Times: start and end are GDateTimes in the activity's time zone (tzid,
 * an IANA name such as "Europe/Helsinki"); a recurrence (rrule, an RFC 5545
 * RRULE value without the "RRULE:" prefix) repeats the start's wall-clock
 * time in that zone. An open-ended activity (D4) has no start or end. An
 * all-day activity starts at 00:00 of its first day and ends at 00:00 after
 * its last. */
G_DECLARE_FINAL_TYPE (TandemActivity, tandem_activity, TANDEM, ACTIVITY, TandemRecord)

typedef struct
{
  int           minutes_before;
  TandemChannel channel;
} TandemReminder;

TandemActivity  *tandem_activity_new                (const char       *title);
TandemActivity  *tandem_activity_copy               (TandemActivity   *self);
/* A new unsaved activity with this one's data ("Save and plan similar",
 * D14): no id, tracking number, status, outcome, discussion or timers. */
TandemActivity  *tandem_activity_new_similar        (TandemActivity   *self);

/* String properties: "title", "description", "details",
 * "internal-notes", "reference", "link", "follow-up" (YYYY-MM-DD). */
const char      *tandem_activity_get_title          (TandemActivity   *self);
void             tandem_activity_set_title          (TandemActivity   *self,
                                                     const char       *title);
const char      *tandem_activity_get_description    (TandemActivity   *self);
void             tandem_activity_set_description    (TandemActivity   *self,
                                                     const char       *text);
const char      *tandem_activity_get_details        (TandemActivity   *self);
void             tandem_activity_set_details        (TandemActivity   *self,
                                                     const char       *text);
const char      *tandem_activity_get_internal_notes (TandemActivity   *self);
void             tandem_activity_set_internal_notes (TandemActivity   *self,
                                                     const char       *text);
const char      *tandem_activity_get_reference      (TandemActivity   *self);
void             tandem_activity_set_reference      (TandemActivity   *self,
                                                     const char       *text);
/* The campaign it belongs to, by name (SPEC I3); saving an activity with
 * a campaign name that does not exist yet adds the campaign. */
const char      *tandem_activity_get_campaign       (TandemActivity   *self);
void             tandem_activity_set_campaign       (TandemActivity   *self,
                                                     const char       *campaign);
const char      *tandem_activity_get_link           (TandemActivity   *self);
void             tandem_activity_set_link           (TandemActivity   *self,
                                                     const char       *url);
const char      *tandem_activity_get_follow_up      (TandemActivity   *self);
void             tandem_activity_set_follow_up      (TandemActivity   *self,
                                                     const char       *date);

/* Classification (D3); 0 = none. */
gint64           tandem_activity_get_category_id    (TandemActivity   *self);
void             tandem_activity_set_category_id    (TandemActivity   *self,
                                                     gint64            id);
gint64           tandem_activity_get_kind_id        (TandemActivity   *self);
void             tandem_activity_set_kind_id        (TandemActivity   *self,
                                                     gint64            id);
gint64           tandem_activity_get_type_id        (TandemActivity   *self);
void             tandem_activity_set_type_id        (TandemActivity   *self,
                                                     gint64            id);
gint64           tandem_activity_get_priority_id    (TandemActivity   *self);
void             tandem_activity_set_priority_id    (TandemActivity   *self,
                                                     gint64            id);
gint64           tandem_activity_get_goal_id        (TandemActivity   *self);
void             tandem_activity_set_goal_id        (TandemActivity   *self,
                                                     gint64            id);
const gint64    *tandem_activity_get_property_ids   (TandemActivity   *self,
                                                     guint            *n_ids);
void             tandem_activity_set_property_ids   (TandemActivity   *self,
                                                     const gint64     *ids,
                                                     guint             n_ids);

TandemStatus     tandem_activity_get_status         (TandemActivity   *self);
void             tandem_activity_set_status         (TandemActivity   *self,
                                                     TandemStatus      status);
TandemOutcome    tandem_activity_get_outcome        (TandemActivity   *self);
void             tandem_activity_set_outcome        (TandemActivity   *self,
                                                     TandemOutcome     outcome);
TandemDirection  tandem_activity_get_direction      (TandemActivity   *self);
void             tandem_activity_set_direction      (TandemActivity   *self,
                                                     TandemDirection   direction);

/* Links (D2): a company and its contact persons, a person alone, a project
 * (with or without a company), or nothing. */
gint64           tandem_activity_get_company_id     (TandemActivity   *self);
void             tandem_activity_set_company_id     (TandemActivity   *self,
                                                     gint64            id);
const gint64    *tandem_activity_get_person_ids     (TandemActivity   *self,
                                                     guint            *n_ids);
void             tandem_activity_set_person_ids     (TandemActivity   *self,
                                                     const gint64     *ids,
                                                     guint             n_ids);
gint64           tandem_activity_get_project_id     (TandemActivity   *self);
void             tandem_activity_set_project_id     (TandemActivity   *self,
                                                     gint64            id);

/* People (D7). The assigner is set by the store on the first save. */
gint64           tandem_activity_get_assigner_id    (TandemActivity   *self);
gint64           tandem_activity_get_responsible_id (TandemActivity   *self);
void             tandem_activity_set_responsible_id (TandemActivity   *self,
                                                     gint64            id);
const gint64    *tandem_activity_get_performer_ids  (TandemActivity   *self,
                                                     guint            *n_ids);
void             tandem_activity_set_performer_ids  (TandemActivity   *self,
                                                     const gint64     *ids,
                                                     guint             n_ids);
gboolean         tandem_activity_has_performer      (TandemActivity   *self,
                                                     gint64            user_id);
gboolean         tandem_activity_get_public         (TandemActivity   *self);
void             tandem_activity_set_public         (TandemActivity   *self,
                                                     gboolean          is_public);

/* When (D4, D5, D6) */
gboolean         tandem_activity_get_open_ended     (TandemActivity   *self);
void             tandem_activity_set_open_ended     (TandemActivity   *self,
                                                     gboolean          open_ended);
gboolean         tandem_activity_get_all_day        (TandemActivity   *self);
void             tandem_activity_set_all_day        (TandemActivity   *self,
                                                     gboolean          all_day);
const char      *tandem_activity_get_tzid           (TandemActivity   *self);
/* Sets start and end; they are converted to the activity's zone, which is
 * the zone of @start when no tzid was set. Either may be NULL only for an
 * open-ended activity. */
void             tandem_activity_set_times          (TandemActivity   *self,
                                                     GDateTime        *start,
                                                     GDateTime        *end);
void             tandem_activity_set_tzid           (TandemActivity   *self,
                                                     const char       *tzid);
GDateTime       *tandem_activity_get_start          (TandemActivity   *self);
GDateTime       *tandem_activity_get_end            (TandemActivity   *self);
const char      *tandem_activity_get_rrule          (TandemActivity   *self);
void             tandem_activity_set_rrule          (TandemActivity   *self,
                                                     const char       *rrule);
gboolean         tandem_activity_get_busy           (TandemActivity   *self);
void             tandem_activity_set_busy           (TandemActivity   *self,
                                                     gboolean          busy);

/* Other (D11, D13, E1) */
const TandemReminder *tandem_activity_get_reminders (TandemActivity   *self,
                                                     guint            *n_reminders);
void             tandem_activity_set_reminders      (TandemActivity   *self,
                                                     const TandemReminder *reminders,
                                                     guint             n_reminders);
gboolean         tandem_activity_get_needs_completing (TandemActivity *self);
void             tandem_activity_set_needs_completing (TandemActivity *self,
                                                       gboolean        needs);
TandemVisibility tandem_activity_get_visibility     (TandemActivity   *self);
void             tandem_activity_set_visibility     (TandemActivity   *self,
                                                     TandemVisibility  visibility);
const gint64    *tandem_activity_get_group_ids      (TandemActivity   *self,
                                                     guint            *n_groups);
void             tandem_activity_set_group_ids      (TandemActivity   *self,
                                                     const gint64     *group_ids,
                                                     guint             n_groups);

/* Filled in by the store when it loads an activity; NULL/0 before the
 * first save. Names are those the reading user may see. */
const char      *tandem_activity_get_tracking       (TandemActivity   *self);
const char      *tandem_activity_get_category_name  (TandemActivity   *self);
const char      *tandem_activity_get_company_name   (TandemActivity   *self);
/* The project's name, only when the reader may see the project (E1). */
const char      *tandem_activity_get_project_name   (TandemActivity   *self);
/* Contact persons' names, in the order of the person ids. */
const char * const *tandem_activity_get_person_names (TandemActivity  *self);
const char      *tandem_activity_get_assigner_name  (TandemActivity   *self);
const char      *tandem_activity_get_created_at     (TandemActivity   *self);
const char      *tandem_activity_get_updated_at     (TandemActivity   *self);
const char      *tandem_activity_get_completed_at   (TandemActivity   *self);

/* Used by the store. */
void             tandem_activity_set_project_name   (TandemActivity   *self,
                                                     const char       *project_name);
void             tandem_activity_set_loaded         (TandemActivity   *self,
                                                     const char       *tracking,
                                                     gint64            assigner_id,
                                                     const char       *assigner_name,
                                                     const char       *category_name,
                                                     const char       *company_name,
                                                     const char * const *person_names,
                                                     const char       *created_at,
                                                     const char       *updated_at,
                                                     const char       *completed_at);

G_END_DECLS
