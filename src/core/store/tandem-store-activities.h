/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Included by tandem-store.h: the activities part of the store's interface
 * (SPEC D1–D20, E3). Every function reads through the one visibility rule
 * for the signed-in user. */

#include "tandem-activity.h"
#include "tandem-attachment.h"
#include "tandem-message.h"
#include "tandem-notification.h"
#include "tandem-occurrence.h"
#include "tandem-report-row.h"
#include "tandem-target-progress.h"
#include "tandem-term.h"

G_BEGIN_DECLS

/* Lists of SPEC D3 and the goals and priorities. Anyone signed in reads
 * them; changes need an administrator. Deleting a term leaves the
 * activities that use it without it. */
GPtrArray      *tandem_store_list_terms           (TandemStore      *self,
                                                   TandemTermSet     set,
                                                   GError          **error);
TandemTerm     *tandem_store_get_term             (TandemStore      *self,
                                                   gint64            id,
                                                   GError          **error);
gint64          tandem_store_save_term            (TandemStore      *self,
                                                   TandemTerm       *term,
                                                   GError          **error);
gboolean        tandem_store_delete_term          (TandemStore      *self,
                                                   gint64            id,
                                                   GError          **error);

/* Save: inserts when the id is 0 (the signed-in user becomes the assigner,
 * and the activity gets its tracking number, both set on @activity), else
 * updates. Refused, with nothing changed:
 *  - TANDEM_ERROR_CONFLICT when it is busy and overlaps another busy
 *    activity (or an occurrence of one) of any of its performers (D5); the
 *    message names the other activity's time, and its title only when the
 *    user may see it;
 *  - TANDEM_ERROR_INVALID when it is completed with a goal but no outcome
 *    (D9), has an end before its start, a malformed rule, a company or
 *    person that does not exist, …;
 *  - TANDEM_ERROR_PERMISSION when the user may not see it, or changes the
 *    visibility of an activity they did not create (E2) and are not an
 *    administrator. */
gint64          tandem_store_save_activity        (TandemStore      *self,
                                                   TandemActivity   *activity,
                                                   GError          **error);
TandemActivity *tandem_store_get_activity         (TandemStore      *self,
                                                   gint64            id,
                                                   GError          **error);
/* Completes or cancels an activity (the whole series of a recurring one),
 * or plans it again. Completing one with a goal needs an outcome (D9). */
gboolean        tandem_store_set_activity_status  (TandemStore      *self,
                                                   gint64            id,
                                                   TandemStatus      status,
                                                   TandemOutcome     outcome,
                                                   GError          **error);

/* Every activity linked to a company (directly or through its people) or
 * to a person (B6, C3), latest start first, open-ended ones first. */
GPtrArray      *tandem_store_list_activities_of   (TandemStore      *self,
                                                   TandemKind        kind,
                                                   gint64            id,
                                                   GError          **error);
/* The To complete list (D13): the user's activities marked "needs
 * completing later". "The user's" = assigner, performer or responsible. */
GPtrArray      *tandem_store_list_to_complete     (TandemStore      *self,
                                                   GError          **error);
/* The start page (D17): the user's planned activities (performer or
 * responsible) that have an end or a follow-up date; overdue ones first,
 * then by date. @now decides what is overdue. */
GPtrArray      *tandem_store_list_start_page      (TandemStore      *self,
                                                   GDateTime        *now,
                                                   GError          **error);
/* The seller's view (D19): the user's own activities (performer or
 * responsible) of a category, latest first, at most @limit. */
GPtrArray      *tandem_store_list_category_activities (TandemStore  *self,
                                                   gint64            category_id,
                                                   guint             limit,
                                                   GError          **error);

/* Calendar (D18, E3): occurrences in @user_id's calendar that overlap
 * [@from, @to): the activities the user performs, each recurring one
 * expanded in the range only, with its exceptions applied; for the
 * signed-in user also public activities they may see (D7). An activity the
 * reader may not see appears masked ("Busy", its time only) when it is
 * busy, and not at all otherwise. Cancelled occurrences are left out
 * unless @with_cancelled. Open-ended activities are not in calendars.
 * Sorted by start. */
GPtrArray      *tandem_store_list_occurrences     (TandemStore      *self,
                                                   gint64            user_id,
                                                   GDateTime        *from,
                                                   GDateTime        *to,
                                                   gboolean          with_cancelled,
                                                   GError          **error);
/* The day plan (D4): the signed-in user's occurrences on @day in the local
 * zone, every planned open-ended activity, and the planned ones that ended
 * before @day (overdue, flagged so). Overdue first, then open-ended, then
 * by start. */
GPtrArray      *tandem_store_list_day_plan        (TandemStore      *self,
                                                   GDateTime        *day,
                                                   GError          **error);

/* One occurrence of a recurring activity on its own (D6): "this" moves it
 * (@start/@end, or NULL to keep the times) and sets its status/outcome. */
gboolean        tandem_store_update_occurrence    (TandemStore      *self,
                                                   gint64            activity_id,
                                                   gint64            recurrence_id,
                                                   GDateTime        *start,
                                                   GDateTime        *end,
                                                   TandemStatus      status,
                                                   TandemOutcome     outcome,
                                                   GError          **error);
/* "This and following": ends the series before the occurrence and creates
 * a copy of the activity that starts with it; returns the copy's id, which
 * the caller then edits and saves. */
gint64          tandem_store_split_activity       (TandemStore      *self,
                                                   gint64            activity_id,
                                                   gint64            recurrence_id,
                                                   GError          **error);
/* An occurrence as a TandemActivity to show in the card: the series with
 * this occurrence's times, status and outcome. */
TandemActivity *tandem_store_get_occurrence_activity (TandemStore   *self,
                                                   gint64            activity_id,
                                                   gint64            recurrence_id,
                                                   GError          **error);

/* Discussion (D10): anyone who sees the activity reads it; the assigner,
 * performers and responsible person write. Oldest first. */
gint64          tandem_store_add_message          (TandemStore      *self,
                                                   gint64            activity_id,
                                                   const char       *body,
                                                   GError          **error);
GPtrArray      *tandem_store_list_messages        (TandemStore      *self,
                                                   gint64            activity_id,
                                                   GError          **error);

/* Reminders (D11). Collect creates the notifications of the signed-in
 * user (a performer, or the assigner when nobody performs) whose time has
 * come by @now and returns the new ones; each reminder fires once per
 * occurrence. */
GPtrArray      *tandem_store_collect_notifications (TandemStore     *self,
                                                   GDateTime        *now,
                                                   GError          **error);
/* Newest first, at most @limit (0: all). */
GPtrArray      *tandem_store_list_notifications   (TandemStore      *self,
                                                   guint             limit,
                                                   GError          **error);
guint           tandem_store_count_unread_notifications (TandemStore *self,
                                                   GError          **error);
/* @id 0 marks them all read. */
gboolean        tandem_store_mark_notifications_read (TandemStore   *self,
                                                   gint64            id,
                                                   GError          **error);

/* Stopwatch (D8). A performer starts a timer (stopping any other running
 * timer of theirs); it runs, in the database, until stopped. */
gboolean        tandem_store_start_timer          (TandemStore      *self,
                                                   gint64            activity_id,
                                                   GError          **error);
gboolean        tandem_store_stop_timer           (TandemStore      *self,
                                                   GError          **error);
/* The activity whose timer the signed-in user is running, or 0; @started
 * (optional) gets its start. */
gint64          tandem_store_get_running_timer    (TandemStore      *self,
                                                   GDateTime       **started,
                                                   GError          **error);
/* Seconds tracked on an activity by everyone, a running timer counted up
 * to now. */
gint64          tandem_store_get_tracked_seconds  (TandemStore      *self,
                                                   gint64            activity_id,
                                                   GError          **error);

typedef enum
{
  TANDEM_TIME_BY_USER    = 0,
  TANDEM_TIME_BY_COMPANY = 1,
  TANDEM_TIME_BY_PROJECT = 2,
  TANDEM_TIME_BY_MONTH   = 3,
  TANDEM_TIME_BY_WEEK    = 4,
} TandemTimeBy;

/* Tracked seconds of timer sessions that started in [@from, @to), summed
 * by @by, over the activities the user may see. Rows in key order; a
 * company or project of "none" has key "". */
GPtrArray      *tandem_store_time_report          (TandemStore      *self,
                                                   TandemTimeBy      by,
                                                   GDateTime        *from,
                                                   GDateTime        *to,
                                                   GError          **error);

/* Links (D12), on saved activities the user may see. Files on an activity
 * are documents on it (tandem_store_add_document () with
 * TANDEM_KIND_ACTIVITY). list_attachments lists the links. */
gint64          tandem_store_add_activity_link    (TandemStore      *self,
                                                   gint64            activity_id,
                                                   const char       *title,
                                                   const char       *url,
                                                   GError          **error);
GPtrArray      *tandem_store_list_attachments     (TandemStore      *self,
                                                   gint64            activity_id,
                                                   GError          **error);
gboolean        tandem_store_delete_attachment    (TandemStore      *self,
                                                   gint64            attachment_id,
                                                   GError          **error);

/* Sales targets (D20): managers and administrators set them (@target 0
 * removes one) for categories marked as sales targets. Progress counts
 * the seller's completed activities of the category (performer) that
 * start in the current week (Monday first) or month of @now. Sellers read
 * their own; managers and administrators anyone's. */
gboolean        tandem_store_set_sales_target     (TandemStore      *self,
                                                   gint64            user_id,
                                                   gint64            category_id,
                                                   TandemPeriod      period,
                                                   guint             target,
                                                   GError          **error);
GPtrArray      *tandem_store_list_target_progress (TandemStore      *self,
                                                   gint64            user_id,
                                                   GDateTime        *now,
                                                   GError          **error);

/* The activity as readable text for "Report" (D15): subject in
 * @subject, body returned. Only what the user may see. */
char           *tandem_store_format_activity_report (TandemStore    *self,
                                                   gint64            activity_id,
                                                   char            **subject,
                                                   GError          **error);

G_END_DECLS
