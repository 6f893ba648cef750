/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-recurrence.h"
#include "tandem-store-private.h"

/*
 * What hangs off an activity besides its own fields: the discussion
 * (SPEC D10), reminders and the notification list (D11), the stopwatch and
 * its report (D8), links (D12; files are documents, G1), sales targets (D20) and the
 * e-mailed report (D15).
 *
 * Every read of an activity goes through visible_activities (SPEC E): an
 * activity the user may not see is "not found" here whatever is asked of
 * it, and sums count only what the user sees, so that a hidden record
 * leaves no trace in a number (E5).
 */

/* A reminder is not shown any more once its occurrence started longer
 * ago than this: after a week away, yesterday's calls are no news. */
#define REMINDER_LOOK_BACK (24 * 60 * 60)

/* "the user performs it, or created it and nobody performs it" (D11) */
#define REMINDED_USER_SQL \
  "(EXISTS (SELECT 1 FROM activity_performers p" \
  "         WHERE p.activity_id = a.id AND p.user_id = :user)" \
  " OR (a.assigner_id = :user AND NOT EXISTS (SELECT 1 FROM activity_performers p" \
  "                                           WHERE p.activity_id = a.id)))"

static gint64
current_user_id (TandemStore *self)
{
  return tandem_user_get_id (self->user);
}

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
set_activity_not_found (GError **error)
{
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
               _("The activity no longer exists"));
  return FALSE;
}

/* Signed in and allowed to see the activity. */
static gboolean
require_visible_activity (TandemStore  *self,
                          gint64        activity_id,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!tandem_store_require_user (self, error))
    return FALSE;

  stmt = tandem_store_prepare (self, "SELECT 1 FROM visible_activities WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  return set_activity_not_found (error);
}

static gboolean
is_performer (TandemStore  *self,
              gint64        activity_id,
              gint64        user_id,
              gboolean     *result,
              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tandem_store_prepare (self,
                               "SELECT 1 FROM activity_performers WHERE activity_id = ? AND user_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  *result = rc == SQLITE_ROW;
  return TRUE;
}

/* Runs a statement with one integer parameter that returns one integer. */
static gboolean
query_int (TandemStore  *self,
           const char   *sql,
           gint64        param,
           gint64       *result,
           GError      **error)
{
  sqlite3_stmt *stmt = tandem_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, param);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *result = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  return TRUE;
}

static char *
dup_term_name (TandemStore *self,
               gint64       id)
{
  g_autoptr(TandemTerm) term = NULL;

  if (id <= 0)
    return NULL;
  term = tandem_store_get_term (self, id, NULL);
  return term ? g_strdup (tandem_term_get_name (term)) : NULL;
}

static char *
dup_user_name (TandemStore *self,
               gint64       id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (id <= 0)
    return NULL;
  stmt = tandem_store_prepare (self, "SELECT name FROM users WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (tandem_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name;
}

/* Discussion (D10) */

gint64
tandem_store_add_message (TandemStore  *self,
                          gint64        activity_id,
                          const char   *body,
                          GError      **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gint64 me;
  int rc;
  gboolean writer = FALSE;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  if (!require_visible_activity (self, activity_id, error))
    return 0;
  me = current_user_id (self);

  clean = g_strstrip (g_strdup (body ? body : ""));
  if (clean[0] == '\0')
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The message is empty"));
      return 0;
    }

  stmt = tandem_store_prepare (self,
                               "SELECT a.assigner_id = :user OR a.responsible_id IS :user"
                               "       OR EXISTS (SELECT 1 FROM activity_performers p"
                               "                  WHERE p.activity_id = a.id AND p.user_id = :user)"
                               " FROM visible_activities a WHERE a.id = :id",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":user"), me);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), activity_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    writer = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      return 0;
    }
  if (!writer)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("Only the assigner, the performers and the responsible person "
                     "can write in the discussion of this activity"));
      return 0;
    }

  stmt = tandem_store_prepare (self,
                               "INSERT INTO activity_messages (activity_id, author_id, body, created_at)"
                               " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  {
    g_autofree char *now = tandem_store_unix_to_utc (now_unix ());

    sqlite3_bind_int64 (stmt, 1, activity_id);
    sqlite3_bind_int64 (stmt, 2, me);
    sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  }
  if (!tandem_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);

  tandem_store_emit_changed (self, TANDEM_KIND_ACTIVITY, activity_id);
  return id;
}

static gpointer
load_message (TandemStore  *self,
              sqlite3_stmt *stmt)
{
  return tandem_message_new (sqlite3_column_int64 (stmt, 0),
                             sqlite3_column_int64 (stmt, 1),
                             sqlite3_column_int64 (stmt, 2),
                             tandem_store_column_text (stmt, 3),
                             tandem_store_column_text (stmt, 4),
                             tandem_store_column_text (stmt, 5));
}

GPtrArray *
tandem_store_list_messages (TandemStore  *self,
                            gint64        activity_id,
                            GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!require_visible_activity (self, activity_id, error))
    return NULL;

  stmt = tandem_store_prepare (self,
                               "SELECT m.id, m.activity_id, m.author_id, u.name, m.body, m.created_at"
                               " FROM activity_messages m"
                               " JOIN visible_activities a ON a.id = m.activity_id"
                               " LEFT JOIN users u ON u.id = m.author_id"
                               " WHERE m.activity_id = ? ORDER BY m.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  return tandem_store_collect (self, stmt, load_message, g_object_unref, error);
}

/* Reminders (D11) */

typedef struct
{
  gint64 reminder_id;
  gint64 seconds_before;
} DueReminder;

/* Records the notification unless this reminder already fired for this
 * occurrence; adds it to @created when it is new. */
static gboolean
fire_reminder (TandemStore  *self,
               gint64        reminder_id,
               gint64        activity_id,
               const char   *title,
               gint64        occurrence_start,
               gint64        fire_at,
               GPtrArray    *created,
               GError      **error)
{
  g_autofree char *occurrence_utc = tandem_store_unix_to_utc (occurrence_start);
  g_autofree char *fire_utc = tandem_store_unix_to_utc (fire_at);
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self,
                               "INSERT INTO notifications (user_id, activity_id, reminder_id, occurrence_utc, fire_at)"
                               " VALUES (?, ?, ?, ?, ?)"
                               " ON CONFLICT (user_id, reminder_id, occurrence_utc) DO NOTHING",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, current_user_id (self));
  sqlite3_bind_int64 (stmt, 2, activity_id);
  sqlite3_bind_int64 (stmt, 3, reminder_id);
  sqlite3_bind_text (stmt, 4, occurrence_utc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, fire_utc, -1, SQLITE_TRANSIENT);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) > 0)
    g_ptr_array_add (created,
                     tandem_notification_new (sqlite3_last_insert_rowid (self->db),
                                              activity_id, title, occurrence_start,
                                              fire_at, FALSE));
  return TRUE;
}

/* Single (not recurring) activities whose reminders are due. */
static gboolean
collect_single (TandemStore  *self,
                gint64        now,
                gint64        from,
                gint64        to,
                GPtrArray    *created,
                GError      **error)
{
  g_autofree char *from_utc = tandem_store_unix_to_utc (from);
  g_autofree char *to_utc = tandem_store_unix_to_utc (to);
  g_autoptr(GArray) due = g_array_new (FALSE, FALSE, sizeof (gint64) * 4);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tandem_store_prepare (self,
                               "SELECT r.id, r.minutes_before, a.id, a.start_utc, a.title"
                               " FROM visible_activities a"
                               " JOIN activity_reminders r ON r.activity_id = a.id"
                               " WHERE a.rrule IS NULL AND a.open_ended = 0 AND a.status = 0"
                               "   AND a.start_utc > :from AND a.start_utc <= :to"
                               "   AND r.channel = 0"
                               "   AND " REMINDED_USER_SQL,
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from_utc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to_utc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":user"), current_user_id (self));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 start = tandem_store_utc_to_unix (tandem_store_column_text (stmt, 3));
      gint64 row[4];

      row[0] = sqlite3_column_int64 (stmt, 0);
      row[1] = sqlite3_column_int64 (stmt, 2);
      row[2] = start;
      row[3] = start - sqlite3_column_int64 (stmt, 1) * 60;
      if (row[3] > now)
        continue;
      g_array_append_vals (due, row, 1);
      g_ptr_array_add (titles, g_strdup (tandem_store_column_text (stmt, 4)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);

  /* Inserted after the select has finished, not while it steps. */
  for (guint i = 0; i < due->len; i++)
    {
      gint64 *row = &g_array_index (due, gint64, i * 4);

      if (!fire_reminder (self, row[0], row[1], g_ptr_array_index (titles, i),
                          row[2], row[3], created, error))
        return FALSE;
    }
  return TRUE;
}

/* Recurring activities: each occurrence in the window gets its own
 * notification, moved and cancelled occurrences as the calendar shows
 * them. */
static gboolean
collect_recurring (TandemStore  *self,
                   gint64        now,
                   gint64        from,
                   gint64        to,
                   GPtrArray    *created,
                   GError      **error)
{
  g_autofree char *from_utc = tandem_store_unix_to_utc (from);
  g_autofree char *to_utc = tandem_store_unix_to_utc (to);
  g_autoptr(GHashTable) reminders = NULL;   /* activity id → GArray of DueReminder */
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GDateTime) from_dt = NULL;
  g_autoptr(GDateTime) to_dt = NULL;
  sqlite3_stmt *stmt;
  int rc;

  reminders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) g_array_unref);

  /* The series still running by @from, found by the end of their last
   * occurrence (two index lookups rather than an OR that scans), each
   * with its reminders. */
#define RECURRING_REMINDERS_SQL \
  "SELECT a.id, r.id, r.minutes_before" \
  " FROM visible_activities a" \
  " CROSS JOIN activity_reminders r ON r.activity_id = a.id" \
  " WHERE a.rrule IS NOT NULL AND a.status = 0 AND a.start_utc <= :to" \
  "   AND r.channel = 0 AND " REMINDED_USER_SQL
  stmt = tandem_store_prepare (self,
                               RECURRING_REMINDERS_SQL " AND a.series_end_utc IS NULL"
                               " UNION ALL "
                               RECURRING_REMINDERS_SQL " AND a.series_end_utc > :from",
                               error);
#undef RECURRING_REMINDERS_SQL
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from_utc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to_utc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":user"), current_user_id (self));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 activity_id = sqlite3_column_int64 (stmt, 0);
      DueReminder reminder = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2) * 60 };
      GArray *list = g_hash_table_lookup (reminders, &activity_id);

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (DueReminder));
          g_hash_table_insert (reminders, g_memdup2 (&activity_id, sizeof activity_id), list);
        }
      g_array_append_val (list, reminder);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  if (g_hash_table_size (reminders) == 0)
    return TRUE;

  from_dt = g_date_time_new_from_unix_utc (from);
  to_dt = g_date_time_new_from_unix_utc (to + 1);
  occurrences = tandem_store_list_occurrences (self, current_user_id (self), from_dt, to_dt,
                                               FALSE, error);
  if (occurrences == NULL)
    return FALSE;

  for (guint i = 0; i < occurrences->len; i++)
    {
      TandemOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      gint64 activity_id = tandem_occurrence_get_activity_id (occurrence);
      gint64 start = tandem_occurrence_get_start (occurrence);
      GArray *list;

      if (tandem_occurrence_is_masked (occurrence) ||
          tandem_occurrence_get_status (occurrence) != TANDEM_STATUS_PLANNED ||
          start <= from || start > to)
        continue;
      list = g_hash_table_lookup (reminders, &activity_id);
      if (list == NULL)
        continue;

      for (guint j = 0; j < list->len; j++)
        {
          DueReminder *reminder = &g_array_index (list, DueReminder, j);
          gint64 fire_at = start - reminder->seconds_before;

          if (fire_at > now)
            continue;
          if (!fire_reminder (self, reminder->reminder_id, activity_id,
                              tandem_occurrence_get_title (occurrence),
                              start, fire_at, created, error))
            return FALSE;
        }
    }
  return TRUE;
}

static int
compare_notifications (gconstpointer a,
                       gconstpointer b)
{
  TandemNotification *na = *(TandemNotification **) a;
  TandemNotification *nb = *(TandemNotification **) b;
  gint64 fa = tandem_notification_get_fire_at (na);
  gint64 fb = tandem_notification_get_fire_at (nb);

  if (fa != fb)
    return fa < fb ? -1 : 1;
  return tandem_notification_get_id (na) < tandem_notification_get_id (nb) ? -1 : 1;
}

/* Only reminders in the app (channel 0) become notifications here; those
 * by e-mail and SMS are kept with the activity for the mail and SMS
 * senders. */
GPtrArray *
tandem_store_collect_notifications (TandemStore  *self,
                                    GDateTime    *now,
                                    GError      **error)
{
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now_s;
  gint64 max_minutes = 0;
  gint64 from, to;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  now_s = g_date_time_to_unix (now);
  if (!query_int (self,
                  "SELECT coalesce (max (minutes_before), 0) FROM activity_reminders WHERE channel = ?",
                  TANDEM_CHANNEL_APP, &max_minutes, error))
    return NULL;

  /* Occurrences that start in (from, to] may have a reminder due. */
  from = now_s - REMINDER_LOOK_BACK;
  to = now_s + max_minutes * 60;

  if (!tandem_store_begin (self, error))
    return NULL;
  if (!collect_single (self, now_s, from, to, created, error) ||
      !collect_recurring (self, now_s, from, to, created, error))
    {
      tandem_store_rollback (self);
      return NULL;
    }
  if (!tandem_store_commit (self, error))
    return NULL;

  g_ptr_array_sort (created, compare_notifications);
  return g_steal_pointer (&created);
}

static gpointer
load_notification (TandemStore  *self,
                   sqlite3_stmt *stmt)
{
  return tandem_notification_new (sqlite3_column_int64 (stmt, 0),
                                  sqlite3_column_int64 (stmt, 1),
                                  tandem_store_column_text (stmt, 2),
                                  tandem_store_utc_to_unix (tandem_store_column_text (stmt, 3)),
                                  tandem_store_utc_to_unix (tandem_store_column_text (stmt, 4)),
                                  sqlite3_column_int (stmt, 5) != 0);
}

GPtrArray *
tandem_store_list_notifications (TandemStore  *self,
                                 guint         limit,
                                 GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self,
                               "SELECT n.id, n.activity_id, a.title, n.occurrence_utc, n.fire_at, n.is_read"
                               " FROM notifications n"
                               " JOIN visible_activities a ON a.id = n.activity_id"
                               " WHERE n.user_id = ?"
                               " ORDER BY n.fire_at DESC, n.id DESC LIMIT ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, current_user_id (self));
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return tandem_store_collect (self, stmt, load_notification, g_object_unref, error);
}

guint
tandem_store_count_unread_notifications (TandemStore  *self,
                                         GError      **error)
{
  gint64 count = 0;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  if (!tandem_store_require_user (self, error))
    return 0;
  if (!query_int (self,
                  "SELECT count(*) FROM notifications n"
                  " JOIN visible_activities a ON a.id = n.activity_id"
                  " WHERE n.user_id = ? AND n.is_read = 0",
                  current_user_id (self), &count, error))
    return 0;
  return (guint) count;
}

gboolean
tandem_store_mark_notifications_read (TandemStore  *self,
                                      gint64        id,
                                      GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error))
    return FALSE;

  stmt = tandem_store_prepare (self,
                               "UPDATE notifications SET is_read = 1"
                               " WHERE user_id = :user AND (:id = 0 OR id = :id)"
                               "   AND activity_id IN (SELECT a.id FROM visible_activities a)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":user"), current_user_id (self));
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;

  if (id != 0 && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("The notification no longer exists"));
      return FALSE;
    }
  return TRUE;
}

/* Stopwatch (D8) */

/* Stops the user's running timer, if any; returns its activity (or 0) in
 * @activity_id. */
static gboolean
stop_running_timer (TandemStore  *self,
                    gint64       *activity_id,
                    GError      **error)
{
  g_autofree char *now = tandem_store_unix_to_utc (now_unix ());
  sqlite3_stmt *stmt;
  gint64 running = 0;

  if (!query_int (self,
                  "SELECT activity_id FROM activity_timers WHERE user_id = ? AND stopped_at IS NULL",
                  current_user_id (self), &running, error))
    return FALSE;
  *activity_id = running;
  if (running == 0)
    return TRUE;

  /* max () keeps the session valid when the clock was set back while it
   * ran. */
  stmt = tandem_store_prepare (self,
                               "UPDATE activity_timers SET stopped_at = max (started_at, ?)"
                               " WHERE user_id = ? AND stopped_at IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, current_user_id (self));
  return tandem_store_step_done (self, stmt, error);
}

gboolean
tandem_store_start_timer (TandemStore  *self,
                          gint64        activity_id,
                          GError      **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gboolean performer = FALSE;
  gint64 running = 0;
  gint64 stopped = 0;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!require_visible_activity (self, activity_id, error))
    return FALSE;
  if (!is_performer (self, activity_id, current_user_id (self), &performer, error))
    return FALSE;
  if (!performer)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("Only a performer of the activity can time it with the stopwatch"));
      return FALSE;
    }

  /* Starting the one that runs already keeps it running. */
  if (!query_int (self,
                  "SELECT activity_id FROM activity_timers WHERE user_id = ? AND stopped_at IS NULL",
                  current_user_id (self), &running, error))
    return FALSE;
  if (running == activity_id)
    return TRUE;

  if (!tandem_store_begin (self, error))
    return FALSE;
  if (!stop_running_timer (self, &stopped, error))
    {
      tandem_store_rollback (self);
      return FALSE;
    }

  stmt = tandem_store_prepare (self,
                               "INSERT INTO activity_timers (activity_id, user_id, started_at) VALUES (?, ?, ?)",
                               error);
  if (stmt == NULL)
    {
      tandem_store_rollback (self);
      return FALSE;
    }
  now = tandem_store_unix_to_utc (now_unix ());
  sqlite3_bind_int64 (stmt, 1, activity_id);
  sqlite3_bind_int64 (stmt, 2, current_user_id (self));
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!tandem_store_step_done (self, stmt, error))
    {
      tandem_store_rollback (self);
      return FALSE;
    }
  if (!tandem_store_commit (self, error))
    return FALSE;

  if (stopped != 0)
    tandem_store_emit_changed (self, TANDEM_KIND_ACTIVITY, stopped);
  tandem_store_emit_changed (self, TANDEM_KIND_ACTIVITY, activity_id);
  return TRUE;
}

gboolean
tandem_store_stop_timer (TandemStore  *self,
                         GError      **error)
{
  gint64 stopped = 0;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error))
    return FALSE;
  if (!stop_running_timer (self, &stopped, error))
    return FALSE;
  if (stopped == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The stopwatch is not running"));
      return FALSE;
    }

  tandem_store_emit_changed (self, TANDEM_KIND_ACTIVITY, stopped);
  return TRUE;
}

gint64
tandem_store_get_running_timer (TandemStore  *self,
                                GDateTime   **started,
                                GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 activity_id = 0;
  gint64 started_at = 0;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  if (started != NULL)
    *started = NULL;
  if (!tandem_store_require_user (self, error))
    return 0;

  stmt = tandem_store_prepare (self,
                               "SELECT t.activity_id, t.started_at FROM activity_timers t"
                               " JOIN visible_activities a ON a.id = t.activity_id"
                               " WHERE t.user_id = ? AND t.stopped_at IS NULL",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, current_user_id (self));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      activity_id = sqlite3_column_int64 (stmt, 0);
      started_at = tandem_store_utc_to_unix (tandem_store_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      return 0;
    }

  if (activity_id != 0 && started != NULL)
    *started = g_date_time_new_from_unix_local (started_at);
  return activity_id;
}

/* A session's length; one still running counts up to @now. */
static gint64
session_seconds (const char *started_at,
                 const char *stopped_at,
                 gint64      now)
{
  gint64 start = tandem_store_utc_to_unix (started_at);
  gint64 stop = stopped_at ? tandem_store_utc_to_unix (stopped_at) : now;

  return MAX (stop - start, 0);
}

gint64
tandem_store_get_tracked_seconds (TandemStore  *self,
                                  gint64        activity_id,
                                  GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_unix ();
  gint64 total = 0;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  if (!require_visible_activity (self, activity_id, error))
    return 0;

  stmt = tandem_store_prepare (self,
                               "SELECT t.started_at, t.stopped_at FROM activity_timers t"
                               " JOIN visible_activities a ON a.id = t.activity_id"
                               " WHERE t.activity_id = ?",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    total += session_seconds (tandem_store_column_text (stmt, 0),
                              tandem_store_column_text (stmt, 1), now);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      return 0;
    }
  return total;
}

typedef struct
{
  gint64  key_id;
  char   *key;
  char   *label;
  gint64  value;
} ReportSum;

static void
report_sum_free (ReportSum *sum)
{
  g_free (sum->key);
  g_free (sum->label);
  g_free (sum);
}

static int
compare_report_rows (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  TandemReportRow *ra = *(TandemReportRow **) a;
  TandemReportRow *rb = *(TandemReportRow **) b;
  TandemTimeBy by = GPOINTER_TO_INT (user_data);

  /* Ids as text would put "10" before "9". */
  if (by == TANDEM_TIME_BY_COMPANY || by == TANDEM_TIME_BY_PROJECT)
    {
      gint64 ia = tandem_report_row_get_key_id (ra);
      gint64 ib = tandem_report_row_get_key_id (rb);

      return ia < ib ? -1 : ia > ib;
    }
  return strcmp (tandem_report_row_get_key (ra), tandem_report_row_get_key (rb));
}

/* The key, key id and label a session is summed under. */
static void
session_group (TandemTimeBy   by,
               sqlite3_stmt  *stmt,
               gint64         started,
               gint64        *key_id,
               char         **key,
               char         **label)
{
  g_autoptr(GDateTime) local = NULL;

  switch (by)
    {
    case TANDEM_TIME_BY_USER:
      *key_id = sqlite3_column_int64 (stmt, 2);
      *key = g_strdup (tandem_store_column_text (stmt, 3));
      *label = g_strdup (tandem_store_column_text (stmt, 4));
      return;

    case TANDEM_TIME_BY_COMPANY:
      *key_id = sqlite3_column_int64 (stmt, 5);
      if (*key_id == 0 || tandem_store_column_text (stmt, 6) == NULL)
        {
          *key_id = 0;
          *key = g_strdup ("");
          *label = g_strdup (_("No company"));
        }
      else
        {
          *key = g_strdup_printf ("%" G_GINT64_FORMAT, *key_id);
          *label = g_strdup (tandem_store_column_text (stmt, 6));
        }
      return;

    case TANDEM_TIME_BY_PROJECT:
      /* A project the user may not see counts as none: its name and
       * number stay hidden. */
      *key_id = sqlite3_column_int64 (stmt, 7);
      if (*key_id == 0 || tandem_store_column_text (stmt, 8) == NULL)
        {
          *key_id = 0;
          *key = g_strdup ("");
          *label = g_strdup (_("No project"));
        }
      else
        {
          *key = g_strdup_printf ("%" G_GINT64_FORMAT, *key_id);
          *label = g_strdup (tandem_store_column_text (stmt, 8));
        }
      return;

    case TANDEM_TIME_BY_MONTH:
      local = g_date_time_new_from_unix_local (started);
      *key_id = 0;
      *key = g_date_time_format (local, "%Y-%m");
      /* Translators: a month in the time report, "November 2026"; %OB is
       * the month's name standing alone (nominative), %Y the year */
      *label = g_date_time_format (local, _("%OB %Y"));
      return;

    case TANDEM_TIME_BY_WEEK:
    default:
      local = g_date_time_new_from_unix_local (started);
      *key_id = 0;
      *key = g_strdup_printf ("%04d-W%02d", g_date_time_get_week_numbering_year (local),
                              g_date_time_get_week_of_year (local));
      /* Translators: an ISO week in the time report: week number, year */
      *label = g_strdup_printf (_("Week %d, %d"), g_date_time_get_week_of_year (local),
                                g_date_time_get_week_numbering_year (local));
      return;
    }
}

GPtrArray *
tandem_store_time_report (TandemStore  *self,
                          TandemTimeBy  by,
                          GDateTime    *from,
                          GDateTime    *to,
                          GError      **error)
{
  g_autoptr(GHashTable) sums = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *from_utc = NULL;
  g_autofree char *to_utc = NULL;
  GHashTableIter iter;
  ReportSum *sum;
  sqlite3_stmt *stmt;
  gint64 now = now_unix ();
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  if (by < TANDEM_TIME_BY_USER || by > TANDEM_TIME_BY_WEEK)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("Unknown grouping of the time report"));
      return NULL;
    }

  from_utc = tandem_store_unix_to_utc (g_date_time_to_unix (from));
  to_utc = tandem_store_unix_to_utc (g_date_time_to_unix (to));
  sums = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) report_sum_free);

  stmt = tandem_store_prepare (self,
                               "SELECT t.started_at, t.stopped_at, u.id, u.login, u.name,"
                               "       a.company_id, vc.name, vp.id, vp.name"
                               " FROM activity_timers t"
                               " JOIN visible_activities a ON a.id = t.activity_id"
                               " JOIN users u ON u.id = t.user_id"
                               " LEFT JOIN visible_companies vc ON vc.id = a.company_id"
                               " LEFT JOIN visible_projects vp ON vp.id = a.project_id"
                               " WHERE t.started_at >= ? AND t.started_at < ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_utc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_utc, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *started_at = tandem_store_column_text (stmt, 0);
      gint64 seconds = session_seconds (started_at, tandem_store_column_text (stmt, 1), now);
      gint64 key_id = 0;
      g_autofree char *key = NULL;
      g_autofree char *label = NULL;

      session_group (by, stmt, tandem_store_utc_to_unix (started_at), &key_id, &key, &label);
      sum = g_hash_table_lookup (sums, key);
      if (sum == NULL)
        {
          sum = g_new0 (ReportSum, 1);
          sum->key_id = key_id;
          sum->key = g_steal_pointer (&key);
          sum->label = g_steal_pointer (&label);
          g_hash_table_insert (sums, sum->key, sum);
        }
      sum->value += seconds;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      return NULL;
    }

  rows = g_ptr_array_new_full (g_hash_table_size (sums), g_object_unref);
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &sum))
    g_ptr_array_add (rows, tandem_report_row_new (sum->key_id, sum->key, sum->label, sum->value));
  g_ptr_array_sort_with_data (rows, compare_report_rows, GINT_TO_POINTER (by));
  return g_steal_pointer (&rows);
}

/* Files and links (D12) */

static gint64
insert_attachment (TandemStore  *self,
                   gint64        activity_id,
                   gboolean      is_file,
                   const char   *title,
                   const char   *url,
                   const char   *content_type,
                   GBytes       *data,
                   const char   *sha256,
                   GError      **error)
{
  g_autofree char *now = tandem_store_unix_to_utc (now_unix ());
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = tandem_store_prepare (self,
                               "INSERT INTO activity_attachments"
                               " (activity_id, is_file, title, url, content_type, data, sha256, added_by, created_at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  sqlite3_bind_int (stmt, 2, is_file ? 1 : 0);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  tandem_store_bind_text (stmt, 4, url);
  tandem_store_bind_text (stmt, 5, content_type);
  if (data == NULL)
    sqlite3_bind_null (stmt, 6);
  else if (g_bytes_get_size (data) == 0)
    /* A NULL pointer would bind NULL, and an empty file is still a file. */
    sqlite3_bind_zeroblob (stmt, 6, 0);
  else
    sqlite3_bind_blob64 (stmt, 6, g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                         SQLITE_STATIC);
  tandem_store_bind_text (stmt, 7, sha256);
  sqlite3_bind_int64 (stmt, 8, current_user_id (self));
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  if (!tandem_store_step_done (self, stmt, error))
    {
      sqlite3_clear_bindings (stmt);
      return 0;
    }
  /* The blob was bound without a copy; the statement must not keep it. */
  sqlite3_clear_bindings (stmt);
  id = sqlite3_last_insert_rowid (self->db);

  tandem_store_emit_changed (self, TANDEM_KIND_ACTIVITY, activity_id);
  return id;
}

/* Schemes a link may use: web pages, mail, local and shared files. */
static gboolean
is_link_scheme (const char *scheme)
{
  static const char * const schemes[] = {
    "http", "https", "mailto", "file", "ftp", "sftp", "smb", "nfs", "tel", NULL
  };

  return scheme != NULL && g_strv_contains (schemes, scheme);
}

gint64
tandem_store_add_activity_link (TandemStore  *self,
                                gint64        activity_id,
                                const char   *title,
                                const char   *url,
                                GError      **error)
{
  g_autofree char *clean_url = NULL;
  g_autofree char *clean_title = NULL;
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  if (!require_visible_activity (self, activity_id, error))
    return 0;

  clean_url = g_strstrip (g_strdup (url ? url : ""));
  if (clean_url[0] == '\0')
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The link has no address"));
      return 0;
    }

  /* "www.example.com" as people type it means a web page. */
  scheme = g_uri_parse_scheme (clean_url);
  if (scheme == NULL && strchr (clean_url, ' ') == NULL && strchr (clean_url, '.') != NULL)
    {
      char *with_scheme = g_strconcat ("https://", clean_url, NULL);

      g_free (clean_url);
      clean_url = with_scheme;
      scheme = g_strdup ("https");
    }
  else if (scheme != NULL)
    {
      char *lower = g_ascii_strdown (scheme, -1);

      g_free (scheme);
      scheme = lower;
    }

  if (!is_link_scheme (scheme) || !g_uri_is_valid (clean_url, G_URI_FLAGS_PARSE_RELAXED, NULL))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("“%s” is not a link Tandem can open; use a web address "
                     "such as https://example.com, a mailto: or a file: link"),
                   clean_url);
      return 0;
    }

  clean_title = g_strstrip (g_strdup (title ? title : ""));
  return insert_attachment (self, activity_id, FALSE,
                            clean_title[0] ? clean_title : clean_url, clean_url,
                            NULL, NULL, NULL, error);
}

static gpointer
load_attachment (TandemStore  *self,
                 sqlite3_stmt *stmt)
{
  return tandem_attachment_new (sqlite3_column_int64 (stmt, 0),
                                sqlite3_column_int64 (stmt, 1),
                                sqlite3_column_int (stmt, 2) != 0,
                                tandem_store_column_text (stmt, 3),
                                tandem_store_column_text (stmt, 4),
                                tandem_store_column_text (stmt, 5),
                                sqlite3_column_int64 (stmt, 6),
                                tandem_store_column_text (stmt, 7),
                                tandem_store_column_text (stmt, 8));
}

GPtrArray *
tandem_store_list_attachments (TandemStore  *self,
                               gint64        activity_id,
                               GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!require_visible_activity (self, activity_id, error))
    return NULL;

  /* length () of a blob reads its size, not its content. */
  stmt = tandem_store_prepare (self,
                               "SELECT t.id, t.activity_id, t.is_file, t.title, t.url, t.content_type,"
                               "       length (t.data), t.sha256, t.created_at"
                               " FROM activity_attachments t"
                               " JOIN visible_activities a ON a.id = t.activity_id"
                               " WHERE t.activity_id = ? ORDER BY t.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  return tandem_store_collect (self, stmt, load_attachment, g_object_unref, error);
}

static gboolean
set_attachment_not_found (GError **error)
{
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
               _("The attachment no longer exists"));
  return FALSE;
}

gboolean
tandem_store_delete_attachment (TandemStore  *self,
                                gint64        attachment_id,
                                GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 activity_id = 0;
  gboolean allowed = FALSE;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error))
    return FALSE;

  stmt = tandem_store_prepare (self,
                               "SELECT t.activity_id, t.added_by IS :user OR a.assigner_id = :user"
                               " FROM activity_attachments t"
                               " JOIN visible_activities a ON a.id = t.activity_id"
                               " WHERE t.id = :id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":user"), current_user_id (self));
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), attachment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      activity_id = sqlite3_column_int64 (stmt, 0);
      allowed = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return set_attachment_not_found (error);
  if (rc != SQLITE_ROW)
    return tandem_store_set_db_error (self, error);

  if (!allowed && !tandem_user_is_admin (self->user))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("Only the one who attached it, the assigner of the activity "
                     "or an administrator can remove an attachment"));
      return FALSE;
    }

  stmt = tandem_store_prepare (self, "DELETE FROM activity_attachments WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;

  tandem_store_emit_changed (self, TANDEM_KIND_ACTIVITY, activity_id);
  return TRUE;
}

/* Sales targets (D20) */

static gboolean
is_manager (TandemUser *user)
{
  TandemRole role = tandem_user_get_role (user);

  return role == TANDEM_ROLE_ADMIN || role == TANDEM_ROLE_MANAGER;
}

gboolean
tandem_store_set_sales_target (TandemStore   *self,
                               gint64         user_id,
                               gint64         category_id,
                               TandemPeriod   period,
                               guint          target,
                               GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean is_target_category = FALSE;
  gint64 exists = 0;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error))
    return FALSE;
  if (!is_manager (self->user))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("Only a manager or an administrator can set sales targets"));
      return FALSE;
    }
  if (period != TANDEM_PERIOD_WEEK && period != TANDEM_PERIOD_MONTH)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("A sales target is set for a week or for a month"));
      return FALSE;
    }

  if (!query_int (self, "SELECT count(*) FROM users WHERE id = ?", user_id, &exists, error))
    return FALSE;
  if (exists == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, _("There is no such user"));
      return FALSE;
    }

  stmt = tandem_store_prepare (self,
                               "SELECT term_set = 0 AND sales_target <> 0 FROM activity_terms WHERE id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, category_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    is_target_category = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  if (!is_target_category)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Sales targets can be set only for categories marked as sales targets "
                     "in Preferences"));
      return FALSE;
    }

  if (target == 0)
    {
      stmt = tandem_store_prepare (self, "DELETE FROM sales_targets WHERE user_id = ? AND category_id = ?",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, user_id);
      sqlite3_bind_int64 (stmt, 2, category_id);
    }
  else
    {
      stmt = tandem_store_prepare (self,
                                   "INSERT INTO sales_targets (user_id, category_id, period, target)"
                                   " VALUES (?, ?, ?, ?)"
                                   " ON CONFLICT (user_id, category_id)"
                                   " DO UPDATE SET period = excluded.period, target = excluded.target",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, user_id);
      sqlite3_bind_int64 (stmt, 2, category_id);
      sqlite3_bind_int (stmt, 3, period);
      sqlite3_bind_int64 (stmt, 4, target);
    }
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;

  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return TRUE;
}

/* The period of @period that contains @now, in the local zone: [start, end). */
static void
period_bounds (TandemPeriod   period,
               GDateTime     *now,
               GDateTime    **start,
               GDateTime    **end)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  if (period == TANDEM_PERIOD_WEEK)
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (y, m, d, 0, 0, 0);

      *start = g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (local));
      *end = g_date_time_add_days (*start, 7);
    }
  else
    {
      *start = g_date_time_new_local (y, m, 1, 0, 0, 0);
      *end = g_date_time_add_months (*start, 1);
    }
}

/* Completed activities of the category that @user_id performs, in
 * [@from, @to): a single one by its start (an open-ended one by when it
 * was completed), a recurring series completed as a whole by its first
 * start, and each occurrence completed on its own by its start. */
static gboolean
count_completed (TandemStore  *self,
                 gint64        user_id,
                 gint64        category_id,
                 const char   *from,
                 const char   *to,
                 guint        *done,
                 GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tandem_store_prepare (self,
                               "SELECT"
                               " (SELECT count(*) FROM visible_activities a"
                               "  JOIN activity_performers p ON p.activity_id = a.id AND p.user_id = :user"
                               "  WHERE a.category_id = :category AND a.status = 1"
                               "    AND ((a.open_ended = 0 AND a.start_utc >= :from AND a.start_utc < :to)"
                               "      OR (a.open_ended = 1 AND a.completed_at >= :from AND a.completed_at < :to)))"
                               " + (SELECT count(*) FROM visible_activities a"
                               "  JOIN activity_performers p ON p.activity_id = a.id AND p.user_id = :user"
                               "  JOIN activity_exceptions e ON e.activity_id = a.id"
                               "  WHERE a.category_id = :category AND a.status <> 1 AND a.rrule IS NOT NULL"
                               "    AND e.status = 1 AND e.start_utc >= :from AND e.start_utc < :to)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":user"), user_id);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":category"), category_id);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *done = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return tandem_store_set_db_error (self, error);
  return TRUE;
}

typedef struct
{
  gint64       category_id;
  TandemPeriod period;
  guint        target;
} TargetRow;

GPtrArray *
tandem_store_list_target_progress (TandemStore  *self,
                                   gint64        user_id,
                                   GDateTime    *now,
                                   GError      **error)
{
  g_autoptr(GPtrArray) progress = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (TargetRow));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  if (user_id != current_user_id (self) && !is_manager (self->user))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("Only managers and administrators can see the sales targets of others"));
      return NULL;
    }

  /* A category no longer marked as a sales target keeps its targets
   * stored but out of sight, in case it is marked again. */
  stmt = tandem_store_prepare (self,
                               "SELECT s.category_id, s.period, s.target"
                               " FROM sales_targets s JOIN activity_terms t ON t.id = s.category_id"
                               " WHERE s.user_id = ? AND t.term_set = 0 AND t.sales_target <> 0"
                               " ORDER BY t.position, t.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TargetRow row = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int (stmt, 1),
        (guint) sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (targets, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      return NULL;
    }

  for (guint i = 0; i < targets->len; i++)
    {
      TargetRow *row = &g_array_index (targets, TargetRow, i);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autoptr(GDateTime) last_day = NULL;
      g_autofree char *from_utc = NULL;
      g_autofree char *to_utc = NULL;
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;
      g_autofree char *name = NULL;
      guint done = 0;

      period_bounds (row->period, now, &start, &end);
      from_utc = tandem_store_unix_to_utc (g_date_time_to_unix (start));
      to_utc = tandem_store_unix_to_utc (g_date_time_to_unix (end));
      if (!count_completed (self, user_id, row->category_id, from_utc, to_utc, &done, error))
        return NULL;

      last_day = g_date_time_add_days (end, -1);
      first = g_date_time_format (start, "%Y-%m-%d");
      last = g_date_time_format (last_day, "%Y-%m-%d");
      name = dup_term_name (self, row->category_id);
      g_ptr_array_add (progress,
                       tandem_target_progress_new (user_id, row->category_id, name, row->period,
                                                   row->target, done, first, last));
    }
  return g_steal_pointer (&progress);
}

/* The e-mailed report (D15) */

static void
append_field (GString    *text,
              const char *label,
              const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  /* Translators: a line of the e-mailed activity report, "Label: value" */
  g_string_append_printf (text, _("%s: %s"), label, value);
  g_string_append_c (text, '\n');
}

/* A long text under its own heading, as it was written. */
static void
append_section (GString    *text,
                const char *heading,
                const char *body)
{
  g_autofree char *clean = NULL;

  if (body == NULL)
    return;
  clean = g_strstrip (g_strdup (body));
  if (clean[0] == '\0')
    return;
  g_string_append_printf (text, "\n%s\n%s\n", heading, clean);
}

static char *
format_local (GDateTime *dt,
              gboolean   with_time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (dt);

  /* Translators: a date and time in the e-mailed activity report; see
   * the strftime manual for the codes */
  return g_date_time_format (local, with_time ? _("%x %H:%M") : "%x");
}

static char *
format_when (TandemActivity *activity)
{
  GDateTime *start = tandem_activity_get_start (activity);
  GDateTime *end = tandem_activity_get_end (activity);
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;

  if (tandem_activity_get_open_ended (activity) || start == NULL)
    return g_strdup (_("Open-ended"));

  if (tandem_activity_get_all_day (activity))
    {
      /* An all-day activity ends at 00:00 after its last day. */
      g_autoptr(GDateTime) last = end ? g_date_time_add_days (end, -1) : NULL;

      from = format_local (start, FALSE);
      if (last == NULL || g_date_time_compare (last, start) <= 0)
        return g_steal_pointer (&from);
      until = format_local (last, FALSE);
    }
  else
    {
      g_autoptr(GDateTime) local_start = g_date_time_to_local (start);
      g_autoptr(GDateTime) local_end = end ? g_date_time_to_local (end) : NULL;

      from = format_local (start, TRUE);
      if (local_end == NULL || g_date_time_equal (local_start, local_end))
        return g_steal_pointer (&from);
      if (g_date_time_get_year (local_start) == g_date_time_get_year (local_end) &&
          g_date_time_get_day_of_year (local_start) == g_date_time_get_day_of_year (local_end))
        until = g_date_time_format (local_end, "%H:%M");
      else
        until = format_local (end, TRUE);
    }
  /* Translators: a time range in the e-mailed activity report */
  return g_strdup_printf (_("%s – %s"), from, until);
}

static char *
join_user_names (TandemStore  *self,
                 const gint64 *ids,
                 guint         n_ids)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_ids; i++)
    {
      char *name = dup_user_name (self, ids[i]);

      if (name != NULL)
        g_ptr_array_add (names, name);
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

char *
tandem_store_format_activity_report (TandemStore  *self,
                                     gint64        activity_id,
                                     char        **subject,
                                     GError      **error)
{
  g_autoptr(TandemActivity) activity = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *kind = NULL;
  g_autofree char *type = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *status = NULL;
  g_autofree char *when = NULL;
  g_autofree char *repeats = NULL;
  g_autofree char *people = NULL;
  g_autofree char *performers = NULL;
  g_autofree char *responsible = NULL;
  g_autofree char *follow_up = NULL;
  const gint64 *ids;
  guint n_ids;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (subject != NULL)
    *subject = NULL;
  if (!require_visible_activity (self, activity_id, error))
    return NULL;
  activity = tandem_store_get_activity (self, activity_id, error);
  if (activity == NULL)
    return NULL;
  messages = tandem_store_list_messages (self, activity_id, error);
  if (messages == NULL)
    return NULL;

  kind = dup_term_name (self, tandem_activity_get_kind_id (activity));
  type = dup_term_name (self, tandem_activity_get_type_id (activity));
  goal = dup_term_name (self, tandem_activity_get_goal_id (activity));
  priority = dup_term_name (self, tandem_activity_get_priority_id (activity));

  if (tandem_activity_get_status (activity) == TANDEM_STATUS_COMPLETED &&
      tandem_activity_get_outcome (activity) != TANDEM_OUTCOME_NONE)
    /* Translators: status and outcome, "Completed (success)" */
    status = g_strdup_printf (_("%s (%s)"),
                              tandem_status_get_label (tandem_activity_get_status (activity)),
                              tandem_outcome_get_label (tandem_activity_get_outcome (activity)));
  else
    status = g_strdup (tandem_status_get_label (tandem_activity_get_status (activity)));

  when = format_when (activity);
  if (tandem_activity_get_rrule (activity) != NULL && tandem_activity_get_rrule (activity)[0] != '\0')
    {
      g_autoptr(TandemRecurrence) recurrence = NULL;

      recurrence = tandem_recurrence_parse_at (tandem_activity_get_rrule (activity),
                                               tandem_activity_get_start (activity), NULL);

      if (recurrence != NULL)
        repeats = tandem_recurrence_describe (recurrence);
    }

  {
    const char * const *names = tandem_activity_get_person_names (activity);

    if (names != NULL && names[0] != NULL)
      people = g_strjoinv (", ", (char **) names);
  }
  ids = tandem_activity_get_performer_ids (activity, &n_ids);
  performers = join_user_names (self, ids, n_ids);
  responsible = dup_user_name (self, tandem_activity_get_responsible_id (activity));

  if (tandem_activity_get_follow_up (activity) != NULL)
    {
      int y, m, d;

      if (sscanf (tandem_activity_get_follow_up (activity), "%d-%d-%d", &y, &m, &d) == 3 &&
          g_date_valid_dmy (d, m, y))
        {
          g_autoptr(GDateTime) date = g_date_time_new_local (y, m, d, 12, 0, 0);

          follow_up = g_date_time_format (date, "%x");
        }
      else
        follow_up = g_strdup (tandem_activity_get_follow_up (activity));
    }

  g_string_append_printf (text, "%s\n\n", tandem_activity_get_title (activity));
  append_field (text, _("Tracking number"), tandem_activity_get_tracking (activity));
  append_field (text, _("Category"), tandem_activity_get_category_name (activity));
  append_field (text, C_("activity", "Kind"), kind);
  append_field (text, C_("activity", "Type"), type);
  append_field (text, _("Status"), status);
  append_field (text, _("When"), when);
  append_field (text, _("Repeats"), repeats);
  append_field (text, _("Company"), tandem_activity_get_company_name (activity));
  append_field (text, _("Contact persons"), people);
  append_field (text, _("Performers"), performers);
  append_field (text, _("Responsible"), responsible);
  append_field (text, _("Goal"), goal);
  append_field (text, _("Priority"), priority);
  append_field (text, _("Reference"), tandem_activity_get_reference (activity));
  append_field (text, _("Link"), tandem_activity_get_link (activity));
  append_field (text, _("Follow-up date"), follow_up);

  append_section (text, _("Description"), tandem_activity_get_description (activity));
  append_section (text, _("Additional information"), tandem_activity_get_details (activity));

  if (messages->len > 0)
    {
      g_string_append_printf (text, "\n%s\n", _("Discussion"));
      for (guint i = 0; i < messages->len; i++)
        {
          TandemMessage *message = g_ptr_array_index (messages, i);
          g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (
            tandem_store_utc_to_unix (tandem_message_get_created_at (message)));
          g_autofree char *time = format_local (at, TRUE);

          /* Translators: a message in the e-mailed activity report: author, time */
          g_string_append_printf (text, _("%s, %s:"), tandem_message_get_author_name (message), time);
          g_string_append_printf (text, "\n%s\n\n", tandem_message_get_body (message));
        }
      g_string_truncate (text, text->len - 1);
    }

  if (subject != NULL)
    /* Translators: subject of the e-mailed report: tracking number, title */
    *subject = g_strdup_printf (_("Activity %s: %s"),
                                tandem_activity_get_tracking (activity),
                                tandem_activity_get_title (activity));
  return g_string_free (g_steal_pointer (&text), FALSE);
}
