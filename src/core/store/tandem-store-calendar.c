/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-recurrence.h"
#include "tandem-store-private.h"

/*
 * The time-range side of activities (SPEC D4, D5, D6, D16, D18, E3):
 * calendars, the day plan, single occurrences and the busy rule.
 *
 * Activities are read from the visibility views only: visible_activities
 * for everything the reader may see, masked_busy_activities for the busy
 * activities of others the reader may not see, of which nothing but the
 * times is used. Recurrences are expanded by tandem-recurrence.c, and
 * only within the range being read.
 */

/* A recurring busy activity without an end is checked for conflicts this
 * far past the later of the two starts; a clash further in the future
 * is found when it comes closer and either activity is saved again. */
#define CONFLICT_HORIZON_YEARS 2

/* One activity as the calendar code needs it. */
typedef struct
{
  gint64         id;
  gboolean       visible;      /* from visible_activities */
  char          *title;
  GTimeZone     *tz;
  gint64         start;        /* the first occurrence, Unix UTC */
  gint64         end;
  char          *rrule;        /* NULL: not recurring */
  gint64         series_end;   /* 0: a recurrence without an end */
  gboolean       all_day;
  gboolean       open_ended;
  gboolean       busy;
  TandemStatus   status;
  TandemOutcome  outcome;
  /* details, visible ones only */
  gint64         category_id;
  char          *category_name;
  char          *company_name;
  char          *description;
  gint64         goal_id;
  gint64         priority_id;
  char          *priority_name;
} CalActivity;

/* One occurrence, exceptions applied. */
typedef struct
{
  gint64         start;
  gint64         end;
  gint64         recurrence_id;  /* 0 for an activity that does not recur */
  TandemStatus   status;
  TandemOutcome  outcome;
} Span;

typedef struct
{
  gint64         recurrence_id;
  gint64         start;
  gint64         end;
  TandemStatus   status;
  TandemOutcome  outcome;
  gboolean       matched;
} Exception;

static void
cal_activity_free (CalActivity *act)
{
  g_clear_pointer (&act->title, g_free);
  g_clear_pointer (&act->tz, g_time_zone_unref);
  g_clear_pointer (&act->rrule, g_free);
  g_clear_pointer (&act->category_name, g_free);
  g_clear_pointer (&act->company_name, g_free);
  g_clear_pointer (&act->description, g_free);
  g_clear_pointer (&act->priority_name, g_free);
  g_free (act);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CalActivity, cal_activity_free)

static GTimeZone *
zone_for_tzid (const char *tzid)
{
  GTimeZone *tz = NULL;

  if (tzid != NULL && tzid[0] != '\0')
    tz = g_time_zone_new_identifier (tzid);
  return tz != NULL ? tz : g_time_zone_new_utc ();
}

static gint64
utc_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = tandem_store_column_text (stmt, column);

  return text != NULL ? tandem_store_utc_to_unix (text) : 0;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (tandem_store_column_text (stmt, column));
}

static GDateTime *
date_time_in (GTimeZone *tz,
              gint64     unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_to_timezone (utc, tz);
}

/* The end of the occurrence that starts at @start. An all-day activity
 * keeps its number of calendar days (a day is 23 or 25 hours across a
 * daylight-saving change); any other keeps its exact length (RFC 5545
 * §3.8.5.3). */
static gint64
occurrence_end (CalActivity *act,
                gint64       start)
{
  g_autoptr(GDateTime) first_start = NULL;
  g_autoptr(GDateTime) first_end = NULL;
  g_autoptr(GDateTime) occ_start = NULL;
  g_autoptr(GDateTime) occ_end = NULL;
  GDate d1, d2;
  int days;

  if (!act->all_day)
    return start + (act->end - act->start);

  first_start = date_time_in (act->tz, act->start);
  first_end = date_time_in (act->tz, act->end);
  g_date_clear (&d1, 1);
  g_date_clear (&d2, 1);
  g_date_set_dmy (&d1, g_date_time_get_day_of_month (first_start),
                  g_date_time_get_month (first_start), g_date_time_get_year (first_start));
  g_date_set_dmy (&d2, g_date_time_get_day_of_month (first_end),
                  g_date_time_get_month (first_end), g_date_time_get_year (first_end));
  days = g_date_days_between (&d1, &d2);
  occ_start = date_time_in (act->tz, start);
  occ_end = g_date_time_add_days (occ_start, days);
  return g_date_time_to_unix (occ_end);
}

static void
read_exceptions_row (sqlite3_stmt *stmt,
                     GArray       *out)
{
  Exception exc = { 0 };

  exc.recurrence_id = utc_column (stmt, 0);
  exc.start = utc_column (stmt, 1);
  exc.end = utc_column (stmt, 2);
  exc.status = sqlite3_column_int (stmt, 3);
  exc.outcome = sqlite3_column_int (stmt, 4);
  g_array_append_val (out, exc);
}

static GArray *
load_exceptions (TandemStore  *self,
                 gint64        activity_id,
                 GError      **error)
{
  g_autoptr(GArray) exceptions = g_array_new (FALSE, TRUE, sizeof (Exception));
  sqlite3_stmt *stmt;
  int rc;

  if (activity_id <= 0)
    return g_steal_pointer (&exceptions);

  stmt = tandem_store_prepare (self,
                               "SELECT recurrence_id, start_utc, end_utc, status, outcome"
                               " FROM main.activity_exceptions WHERE activity_id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    read_exceptions_row (stmt, exceptions);
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&exceptions);
}

static gint
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *sa = a;
  const Span *sb = b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  if (sa->end != sb->end)
    return sa->end < sb->end ? -1 : 1;
  return 0;
}

/* The occurrences of @act that overlap [@from, @to), with the exceptions
 * of activity @exceptions_of (the stored activity; 0 for none) applied:
 * a moved occurrence appears where it was moved to, whether or not its
 * original time is in the range. Cancelled ones only if @with_cancelled.
 * Sorted by start. */
static GArray *
expand_activity (TandemStore  *self,
                 CalActivity  *act,
                 gint64        exceptions_of,
                 gint64        from,
                 gint64        to,
                 gboolean      with_cancelled,
                 GError      **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (Span));
  g_autoptr(GArray) exceptions = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  gint64 duration_end;

  if (act->open_ended || from >= to)
    return g_steal_pointer (&spans);

  if (act->rrule == NULL)
    {
      if (act->start < to && (act->end > from || (act->end == act->start && act->start >= from))
          && (with_cancelled || act->status != TANDEM_STATUS_CANCELLED))
        {
          Span span = { act->start, act->end, 0, act->status, act->outcome };
          g_array_append_val (spans, span);
        }
      return g_steal_pointer (&spans);
    }

  exceptions = load_exceptions (self, exceptions_of, error);
  if (exceptions == NULL)
    return NULL;

  start = date_time_in (act->tz, act->start);
  end = date_time_in (act->tz, act->end);
  starts = tandem_recurrence_expand (act->rrule, act->tz, start, end, from, to, 0, error);
  if (starts == NULL)
    return NULL;

  for (guint i = 0; i < starts->len; i++)
    {
      gint64 rid = g_array_index (starts, gint64, i);
      Span span = { rid, occurrence_end (act, rid), rid, act->status, act->outcome };

      for (guint j = 0; j < exceptions->len; j++)
        {
          Exception *exc = &g_array_index (exceptions, Exception, j);

          if (exc->recurrence_id != rid)
            continue;
          exc->matched = TRUE;
          span.start = exc->start;
          span.end = exc->end;
          span.status = exc->status;
          span.outcome = exc->outcome;
          break;
        }
      if (span.start >= to || (span.end <= from && !(span.end == span.start && span.start >= from)))
        continue;   /* moved out of the range */
      if (!with_cancelled && span.status == TANDEM_STATUS_CANCELLED)
        continue;
      g_array_append_val (spans, span);
    }

  /* Occurrences moved into the range from outside it. One whose original
   * time is in the range but that the rule did not give is left over
   * from an earlier rule, and no longer an occurrence. */
  for (guint j = 0; j < exceptions->len; j++)
    {
      Exception *exc = &g_array_index (exceptions, Exception, j);
      Span span = { exc->start, exc->end, exc->recurrence_id, exc->status, exc->outcome };

      if (exc->matched)
        continue;
      duration_end = occurrence_end (act, exc->recurrence_id);
      if (exc->recurrence_id < to && duration_end > from)
        continue;
      if (exc->recurrence_id < act->start
          || (act->series_end > 0 && exc->recurrence_id >= act->series_end))
        continue;
      if (exc->start >= to || exc->end <= from)
        continue;
      if (!with_cancelled && exc->status == TANDEM_STATUS_CANCELLED)
        continue;
      g_array_append_val (spans, span);
    }

  g_array_sort (spans, compare_spans);
  return g_steal_pointer (&spans);
}

/* Conflicts (SPEC D5) */

static char *
format_time_range (gint64 start,
                   gint64 end)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) s = date_time_in (local, start);
  g_autoptr(GDateTime) e = date_time_in (local, end);
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;

  /* TRANSLATORS: the date and time an activity starts, as in
   * "Mon 23 Nov 10:00"; see g_date_time_format() for the codes */
  from = g_date_time_format (s, _("%a %-d %b %H:%M"));
  if (g_date_time_get_year (s) == g_date_time_get_year (e)
      && g_date_time_get_day_of_year (s) == g_date_time_get_day_of_year (e))
    /* TRANSLATORS: the time an activity ends on the day it starts */
    until = g_date_time_format (e, _("%H:%M"));
  else
    until = g_date_time_format (e, _("%a %-d %b %H:%M"));

  /* TRANSLATORS: a time range, "Mon 23 Nov 10:00–11:00" */
  return g_strdup_printf (_("%s–%s"), from, until);
}

static char *
user_name (TandemStore *self,
           gint64       user_id)
{
  sqlite3_stmt *stmt = tandem_store_prepare (self, "SELECT name FROM main.users WHERE id = ?", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("?");
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = dup_column (stmt, 0);
  sqlite3_reset (stmt);
  return name != NULL ? name : g_strdup ("?");
}

/* Busy, not cancelled, timed activities of @user_id other than
 * @except_id whose span may reach into [@from, @to) (@to 0: no end). */
static GPtrArray *
load_busy_candidates (TandemStore  *self,
                      gint64        user_id,
                      gint64        except_id,
                      gint64        from,
                      gint64        to,
                      GError      **error)
{
  static const char sql[] =
    "SELECT a.id, 1, a.title, a.tzid, a.start_utc, a.end_utc, a.rrule,"
    "       a.series_end_utc, a.all_day, a.status"
    "  FROM temp.visible_activities a"
    "  JOIN main.activity_performers p ON p.activity_id = a.id AND p.user_id = ?1"
    " WHERE a.id <> ?2 AND a.busy = 1 AND a.status <> 2 AND a.open_ended = 0"
    "   AND (?4 IS NULL OR a.start_utc < ?4"
    "        OR EXISTS (SELECT 1 FROM main.activity_exceptions e"
    "                    WHERE e.activity_id = a.id AND e.start_utc < ?4))"
    "   AND ((a.rrule IS NULL AND a.end_utc > ?3)"
    "        OR (a.rrule IS NOT NULL AND (a.series_end_utc IS NULL OR a.series_end_utc > ?3"
    "            OR EXISTS (SELECT 1 FROM main.activity_exceptions e"
    "                        WHERE e.activity_id = a.id AND e.end_utc > ?3))))"
    " UNION ALL "
    "SELECT m.id, 0, NULL, m.tzid, m.start_utc, m.end_utc, m.rrule,"
    "       m.series_end_utc, m.all_day, m.status"
    "  FROM temp.masked_busy_activities m"
    "  JOIN main.activity_performers p ON p.activity_id = m.id AND p.user_id = ?1"
    " WHERE m.id <> ?2 AND m.busy = 1 AND m.status <> 2 AND m.open_ended = 0"
    "   AND (?4 IS NULL OR m.start_utc < ?4"
    "        OR EXISTS (SELECT 1 FROM main.activity_exceptions e"
    "                    WHERE e.activity_id = m.id AND e.start_utc < ?4))"
    "   AND ((m.rrule IS NULL AND m.end_utc > ?3)"
    "        OR (m.rrule IS NOT NULL AND (m.series_end_utc IS NULL OR m.series_end_utc > ?3"
    "            OR EXISTS (SELECT 1 FROM main.activity_exceptions e"
    "                        WHERE e.activity_id = m.id AND e.end_utc > ?3))))";
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) cal_activity_free);
  g_autofree char *from_text = tandem_store_unix_to_utc (from);
  g_autofree char *to_text = to > 0 ? tandem_store_unix_to_utc (to) : NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, except_id);
  tandem_store_bind_text (stmt, 3, from_text);
  tandem_store_bind_text (stmt, 4, to_text);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CalActivity *act = g_new0 (CalActivity, 1);

      act->id = sqlite3_column_int64 (stmt, 0);
      act->visible = sqlite3_column_int (stmt, 1);
      act->title = dup_column (stmt, 2);
      act->tz = zone_for_tzid (tandem_store_column_text (stmt, 3));
      act->start = utc_column (stmt, 4);
      act->end = utc_column (stmt, 5);
      act->rrule = dup_column (stmt, 6);
      act->series_end = act->rrule != NULL ? utc_column (stmt, 7) : act->end;
      act->all_day = sqlite3_column_int (stmt, 8);
      act->busy = TRUE;
      act->status = sqlite3_column_int (stmt, 9);
      g_ptr_array_add (candidates, act);
    }
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&candidates);
}

static gint64
add_years (gint64 unix_time,
           int    years)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) later = g_date_time_add_years (dt, years);

  return g_date_time_to_unix (later);
}

/* The first occurrence of @act that overlaps one of @other in
 * [@from, @to); touching ends do not overlap. */
static gboolean
find_overlap (TandemStore  *self,
              CalActivity  *act,
              CalActivity  *other,
              gint64        from,
              gint64        to,
              Span         *clash,
              GError      **error)
{
  g_autoptr(GArray) mine = NULL;
  g_autoptr(GArray) theirs = NULL;

  mine = expand_activity (self, act, act->id, from, to, FALSE, error);
  if (mine == NULL)
    return FALSE;
  if (mine->len == 0)
    return FALSE;
  theirs = expand_activity (self, other, other->id, from, to, FALSE, error);
  if (theirs == NULL)
    return FALSE;

  for (guint i = 0; i < mine->len; i++)
    {
      Span *a = &g_array_index (mine, Span, i);

      for (guint j = 0; j < theirs->len; j++)
        {
          Span *b = &g_array_index (theirs, Span, j);

          if (b->start >= a->end)
            break;
          if (a->start < b->end && b->start < a->end)
            {
              *clash = *b;
              return TRUE;
            }
        }
    }
  return FALSE;
}

gboolean
tandem_store_check_busy_conflicts (TandemStore     *self,
                                   TandemActivity  *activity,
                                   GError         **error)
{
  g_autoptr(CalActivity) act = g_new0 (CalActivity, 1);
  GDateTime *start = tandem_activity_get_start (activity);
  GDateTime *end = tandem_activity_get_end (activity);
  const gint64 *performers;
  guint n_performers;
  gint64 fallback;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (activity), FALSE);

  if (!tandem_activity_get_busy (activity)
      || tandem_activity_get_status (activity) == TANDEM_STATUS_CANCELLED
      || tandem_activity_get_open_ended (activity)
      || start == NULL || end == NULL)
    return TRUE;
  if (!tandem_store_require_user (self, error))
    return FALSE;

  act->id = tandem_record_get_id (TANDEM_RECORD (activity));
  act->visible = TRUE;
  act->tz = zone_for_tzid (tandem_activity_get_tzid (activity));
  act->start = g_date_time_to_unix (start);
  act->end = g_date_time_to_unix (end);
  act->all_day = tandem_activity_get_all_day (activity);
  act->busy = TRUE;
  act->status = tandem_activity_get_status (activity);
  if (tandem_activity_get_rrule (activity) != NULL && tandem_activity_get_rrule (activity)[0] != '\0')
    {
      g_autoptr(GDateTime) zoned_start = g_date_time_to_timezone (start, act->tz);
      g_autoptr(GDateTime) zoned_end = g_date_time_to_timezone (end, act->tz);
      GError *local_error = NULL;

      act->rrule = g_strdup (tandem_activity_get_rrule (activity));
      act->series_end = tandem_recurrence_get_series_end (act->rrule, act->tz, zoned_start,
                                                          zoned_end, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }
  else
    act->series_end = act->end;

  /* Nobody chosen: the assigner performs it (the signed-in user, for a
   * new one). */
  performers = tandem_activity_get_performer_ids (activity, &n_performers);
  if (n_performers == 0)
    {
      fallback = tandem_activity_get_assigner_id (activity);
      if (fallback == 0)
        fallback = tandem_user_get_id (self->user);
      performers = &fallback;
      n_performers = 1;
    }

  for (guint p = 0; p < n_performers; p++)
    {
      g_autoptr(GPtrArray) candidates = NULL;

      candidates = load_busy_candidates (self, performers[p], act->id, act->start,
                                         act->series_end, error);
      if (candidates == NULL)
        return FALSE;

      for (guint c = 0; c < candidates->len; c++)
        {
          CalActivity *other = g_ptr_array_index (candidates, c);
          GError *local_error = NULL;
          Span clash;
          gint64 to;
          g_autofree char *when = NULL;
          g_autofree char *name = NULL;

          to = act->series_end > 0
               ? act->series_end
               : add_years (MAX (act->start, other->start), CONFLICT_HORIZON_YEARS);
          if (!find_overlap (self, act, other, act->start, to, &clash, &local_error))
            {
              if (local_error != NULL)
                {
                  g_propagate_error (error, local_error);
                  return FALSE;
                }
              continue;
            }

          when = format_time_range (clash.start, clash.end);
          name = user_name (self, performers[p]);
          if (other->visible && other->title != NULL)
            /* TRANSLATORS: a busy activity overlaps another: the
             * performer's name, the other activity's title and its time */
            g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_CONFLICT,
                         _("%s is busy then: “%s”, %s"), name, other->title, when);
          else
            /* TRANSLATORS: a busy activity overlaps one the user may not
             * see: the performer's name and the time */
            g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_CONFLICT,
                         _("%s is busy then: %s"), name, when);
          return FALSE;
        }
    }
  return TRUE;
}
