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

  /* Translators: the date and time an activity starts, as in
   * "Mon 23 Nov 10:00"; see g_date_time_format() for the codes */
  from = g_date_time_format (s, _("%a %-d %b %H:%M"));
  if (g_date_time_get_year (s) == g_date_time_get_year (e)
      && g_date_time_get_day_of_year (s) == g_date_time_get_day_of_year (e))
    /* Translators: the time an activity ends on the day it starts */
    until = g_date_time_format (e, _("%H:%M"));
  else
    until = g_date_time_format (e, _("%a %-d %b %H:%M"));

  /* Translators: a time range, "Mon 23 Nov 10:00–11:00" */
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

/* Reading activities. Every query selects these columns, from
 * visible_activities (all of them) or from masked_busy_activities (times
 * only, the rest NULL), so that one reader serves both. */
#define VISIBLE_COLUMNS \
  "SELECT a.id, 1, a.title, a.tzid, a.start_utc, a.end_utc, a.rrule," \
  "       a.series_end_utc, a.all_day, a.status, a.outcome, a.busy, a.open_ended," \
  "       a.category_id, cat.name, cat.builtin, c.name, a.description, a.goal_id," \
  "       a.priority_id, pr.name, pr.builtin" \
  "  FROM temp.visible_activities a" \
  "  LEFT JOIN main.activity_terms cat ON cat.id = a.category_id" \
  "  LEFT JOIN main.activity_terms pr ON pr.id = a.priority_id" \
  "  LEFT JOIN temp.visible_companies c ON c.id = a.company_id "

#define MASKED_COLUMNS \
  "SELECT m.id, 0, NULL, m.tzid, m.start_utc, m.end_utc, m.rrule," \
  "       m.series_end_utc, m.all_day, 0, 0, 1, 0," \
  "       0, NULL, NULL, NULL, NULL, 0," \
  "       0, NULL, NULL" \
  "  FROM temp.masked_busy_activities m "

/* @user_id performs it. Saving names the assigner as the performer when
 * nobody else is, so this covers both; driven by the performers' index. */
#define PERFORMED_BY(alias, param) \
  "(" alias ".id IN (SELECT p.activity_id FROM main.activity_performers p" \
  "                   WHERE p.user_id = " param "))"

/* Activities that may have an occurrence in [?3, ?4): single ones
 * by their times, recurring ones by their series, and any with an
 * occurrence moved into the range. A NULL ?4 is no end. */
#define IN_RANGE(alias) \
  "((((?4 IS NULL OR " alias ".start_utc < ?4)" \
  "       AND ((" alias ".rrule IS NULL" \
  "             AND (" alias ".end_utc > ?3 OR (" alias ".end_utc = " alias ".start_utc" \
  "                                            AND " alias ".start_utc >= ?3)))" \
  "            OR (" alias ".rrule IS NOT NULL" \
  "                AND (" alias ".series_end_utc IS NULL OR " alias ".series_end_utc > ?3))))" \
  "      OR (" alias ".rrule IS NOT NULL" \
  "          AND EXISTS (SELECT 1 FROM main.activity_exceptions e" \
  "                       WHERE e.activity_id = " alias ".id AND e.end_utc > ?3" \
  "                         AND (?4 IS NULL OR e.start_utc < ?4)))))"

/* @user_id performs it, checked for one activity (a primary-key probe),
 * where the time range below picks the activities. */
#define PERFORMS(alias, param) \
  "EXISTS (SELECT 1 FROM main.activity_performers p" \
  "         WHERE p.activity_id = " alias ".id AND p.user_id = " param ")"

/* The activities IN_RANGE may hold, found by index whatever the length
 * of the history: single ones by their start (from ?5, the range's start
 * less the longest single activity, to ?4), series by the end of their
 * last occurrence, and occurrences moved into the range. IN_RANGE then
 * decides. */
#define RANGE_CANDIDATES(alias) \
  "(" alias ".id IN (SELECT s.id FROM main.activities s" \
  "                   WHERE s.deleted = 0 AND s.rrule IS NULL" \
  "                     AND s.start_utc >= ?5 AND s.start_utc < ?4" \
  "                  UNION ALL SELECT r.id FROM main.activities r" \
  "                   WHERE r.deleted = 0 AND r.rrule IS NOT NULL AND r.series_end_utc > ?3" \
  "                  UNION ALL SELECT r.id FROM main.activities r" \
  "                   WHERE r.deleted = 0 AND r.rrule IS NOT NULL AND r.series_end_utc IS NULL" \
  "                  UNION ALL SELECT e.activity_id FROM main.activity_exceptions e" \
  "                   WHERE e.end_utc > ?3 AND e.start_utc < ?4))"

/* A shipped term is read in the user's language until it is renamed. */
static char *
term_label (sqlite3_stmt *stmt,
            int           name_column,
            int           builtin_column)
{
  const char *name = tandem_store_column_text (stmt, name_column);
  const char *builtin = tandem_store_column_text (stmt, builtin_column);

  if (name != NULL)
    return g_strdup (name);
  if (builtin != NULL)
    return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "activity term", builtin));
  return NULL;
}

static CalActivity *
read_cal_row (TandemStore  *self,
              sqlite3_stmt *stmt)
{
  CalActivity *act = g_new0 (CalActivity, 1);

  act->id = sqlite3_column_int64 (stmt, 0);
  act->visible = sqlite3_column_int (stmt, 1);
  act->title = dup_column (stmt, 2);
  act->tz = zone_for_tzid (tandem_store_column_text (stmt, 3));
  act->start = utc_column (stmt, 4);
  act->end = utc_column (stmt, 5);
  act->rrule = dup_column (stmt, 6);
  if (act->rrule != NULL && act->rrule[0] == '\0')
    g_clear_pointer (&act->rrule, g_free);
  act->series_end = act->rrule != NULL ? utc_column (stmt, 7) : act->end;
  act->all_day = sqlite3_column_int (stmt, 8);
  act->status = sqlite3_column_int (stmt, 9);
  act->outcome = sqlite3_column_int (stmt, 10);
  act->busy = sqlite3_column_int (stmt, 11);
  act->open_ended = sqlite3_column_int (stmt, 12);
  if (act->visible)
    {
      act->category_id = sqlite3_column_int64 (stmt, 13);
      act->category_name = term_label (stmt, 14, 15);
      act->company_name = dup_column (stmt, 16);
      act->description = dup_column (stmt, 17);
      act->goal_id = sqlite3_column_int64 (stmt, 18);
      act->priority_id = sqlite3_column_int64 (stmt, 19);
      act->priority_name = term_label (stmt, 20, 21);
    }
  return act;
}

/* Runs @stmt (bound) to the end and collects its rows. */
static GPtrArray *
collect_cal_rows (TandemStore   *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  return tandem_store_collect (self, stmt, (TandemRowLoader) read_cal_row,
                               (GDestroyNotify) cal_activity_free, error);
}

/* The length in seconds of the longest activity that does not repeat,
 * read from the end of an index. */
static gint64
longest_single (TandemStore  *self,
                GError      **error)
{
  sqlite3_stmt *stmt;
  double days = 0;
  int rc;

  stmt = tandem_store_prepare (self,
                               "SELECT max (julianday (end_utc) - julianday (start_utc))"
                               " FROM main.activities WHERE deleted = 0 AND rrule IS NULL", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    days = sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      tandem_store_set_db_error (self, error);
      return -1;
    }
  return (gint64) (days * 86400.0) + 1;
}

/* ?3 and ?4 the range, ?5 the earliest start of a single activity that
 * may reach into it. A range without an end reaches the year 9999. */
static gboolean
bind_range (TandemStore   *self,
            sqlite3_stmt  *stmt,
            gint64         from,
            gint64         to,
            GError       **error)
{
  g_autofree char *from_text = tandem_store_unix_to_utc (from);
  g_autofree char *to_text = to > 0 ? tandem_store_unix_to_utc (to) : g_strdup ("9999-12-31T23:59:59Z");
  g_autofree char *lower_text = NULL;
  gint64 longest = longest_single (self, error);

  if (longest < 0)
    return FALSE;
  lower_text = tandem_store_unix_to_utc (from - longest);
  tandem_store_bind_text (stmt, 3, from_text);
  tandem_store_bind_text (stmt, 4, to_text);
  tandem_store_bind_text (stmt, 5, lower_text);
  return TRUE;
}

/* The activity @id as the calendar code reads it, or NOT_FOUND when the
 * user may not see it. */
static CalActivity *
load_visible_activity (TandemStore  *self,
                       gint64        id,
                       GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self, VISIBLE_COLUMNS "WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rows = collect_cal_rows (self, stmt, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("This activity does not exist or you may not see it"));
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/* Busy, not cancelled, timed activities performed by @user_id, other
 * than @except_id, that may have an occurrence in [@from, @to) (@to 0:
 * no end). */
static GPtrArray *
load_busy_candidates (TandemStore  *self,
                      gint64        user_id,
                      gint64        except_id,
                      gint64        from,
                      gint64        to,
                      GError      **error)
{
  static const char sql[] =
    VISIBLE_COLUMNS
    " WHERE a.id <> ?2 AND a.busy = 1 AND a.status <> 2 AND a.open_ended = 0"
    "   AND " RANGE_CANDIDATES ("a") " AND " PERFORMS ("a", "?1") " AND " IN_RANGE ("a")
    " UNION ALL "
    MASKED_COLUMNS
    " WHERE m.id <> ?2 AND " RANGE_CANDIDATES ("m") " AND " PERFORMS ("m", "?1") " AND " IN_RANGE ("m");
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (!bind_range (self, stmt, from, to, error))
    return NULL;
  return collect_cal_rows (self, stmt, error);
}

/* The activities in @user_id's calendar that may have an occurrence in
 * [@from, @to): those the user performs, and with @with_public the
 * public ones the reader may see; the busy ones the user performs that
 * the reader may not see come masked. */
static GPtrArray *
load_calendar_activities (TandemStore  *self,
                          gint64        user_id,
                          gboolean      with_public,
                          gint64        from,
                          gint64        to,
                          GError      **error)
{
  static const char sql[] =
    VISIBLE_COLUMNS
    " WHERE " RANGE_CANDIDATES ("a") " AND " PERFORMS ("a", "?1")
    "   AND a.open_ended = 0 AND " IN_RANGE ("a")
    " UNION ALL "
    VISIBLE_COLUMNS
    " WHERE ?2 AND a.public = 1 AND NOT " PERFORMED_BY ("a", "?1")
    "   AND a.open_ended = 0 AND " IN_RANGE ("a")
    " UNION ALL "
    MASKED_COLUMNS
    " WHERE " RANGE_CANDIDATES ("m") " AND " PERFORMS ("m", "?1") " AND " IN_RANGE ("m");
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int (stmt, 2, with_public);
  if (!bind_range (self, stmt, from, to, error))
    return NULL;
  return collect_cal_rows (self, stmt, error);
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


/* SPEC D5, E3: the message names the time, and the other activity's
 * title only when the user may see it. Returns FALSE. */
static gboolean
set_conflict_error (TandemStore  *self,
                    gint64        performer_id,
                    CalActivity  *other,
                    const Span   *clash,
                    GError      **error)
{
  g_autofree char *when = format_time_range (clash->start, clash->end);
  g_autofree char *name = user_name (self, performer_id);

  if (other->visible && other->title != NULL)
    /* Translators: a busy activity overlaps another: the
     * performer's name, the other activity's title and its time */
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_CONFLICT,
                 _("%s is busy then: “%s”, %s"), name, other->title, when);
  else
    /* Translators: a busy activity overlaps one the user may not
     * see: the performer's name and the time */
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_CONFLICT,
                 _("%s is busy then: %s"), name, when);
  return FALSE;
}

/* The first performer of @performers busy at a time an occurrence of
 * @act overlaps; FALSE with TANDEM_ERROR_CONFLICT naming it. */
static gboolean
check_conflicts (TandemStore   *self,
                 CalActivity   *act,
                 const gint64  *performers,
                 guint          n_performers,
                 GError       **error)
{
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

          return set_conflict_error (self, performers[p], other, &clash, error);
        }
    }
  return TRUE;
}

/* @activity (saved or not) as the calendar code reads it. */
static CalActivity *
cal_activity_from_activity (TandemActivity  *activity,
                            GError         **error)
{
  g_autoptr(CalActivity) act = g_new0 (CalActivity, 1);
  GDateTime *start = tandem_activity_get_start (activity);
  GDateTime *end = tandem_activity_get_end (activity);
  const char *rrule = tandem_activity_get_rrule (activity);

  act->id = tandem_record_get_id (TANDEM_RECORD (activity));
  act->visible = TRUE;
  act->title = g_strdup (tandem_activity_get_title (activity));
  act->tz = zone_for_tzid (tandem_activity_get_tzid (activity));
  act->open_ended = tandem_activity_get_open_ended (activity) || start == NULL || end == NULL;
  act->all_day = tandem_activity_get_all_day (activity);
  act->busy = tandem_activity_get_busy (activity);
  act->status = tandem_activity_get_status (activity);
  act->outcome = tandem_activity_get_outcome (activity);
  if (act->open_ended)
    return g_steal_pointer (&act);

  act->start = g_date_time_to_unix (start);
  act->end = g_date_time_to_unix (end);
  act->series_end = act->end;
  if (rrule != NULL && rrule[0] != '\0')
    {
      g_autoptr(GDateTime) zoned_start = g_date_time_to_timezone (start, act->tz);
      g_autoptr(GDateTime) zoned_end = g_date_time_to_timezone (end, act->tz);
      GError *local_error = NULL;

      act->rrule = g_strdup (rrule);
      act->series_end = tandem_recurrence_get_series_end (act->rrule, act->tz, zoned_start,
                                                          zoned_end, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  return g_steal_pointer (&act);
}

gboolean
tandem_store_check_busy_conflicts (TandemStore     *self,
                                   TandemActivity  *activity,
                                   GError         **error)
{
  g_autoptr(CalActivity) act = NULL;
  const gint64 *performers;
  guint n_performers;
  gint64 fallback;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (activity), FALSE);

  if (!tandem_activity_get_busy (activity)
      || tandem_activity_get_status (activity) == TANDEM_STATUS_CANCELLED
      || tandem_activity_get_open_ended (activity)
      || tandem_activity_get_start (activity) == NULL
      || tandem_activity_get_end (activity) == NULL)
    return TRUE;
  if (!tandem_store_require_user (self, error))
    return FALSE;

  act = cal_activity_from_activity (activity, error);
  if (act == NULL)
    return FALSE;

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

  return check_conflicts (self, act, performers, n_performers, error);
}

/* Calendars and the day plan (SPEC D4, D18, E3) */

static TandemOccurrence *
new_occurrence (CalActivity *act,
                const Span  *span,
                gboolean     overdue,
                gint64       user_id)
{
  TandemOccurrence *occ;
  gint64 start = span != NULL ? span->start : 0;
  gint64 end = span != NULL ? span->end : 0;

  /* SPEC E3: of an activity the reader may not see, the time only. */
  if (!act->visible)
    {
      occ = tandem_occurrence_new_masked (start, end);
      tandem_occurrence_set_user_id (occ, user_id);
      return occ;
    }

  occ = tandem_occurrence_new (act->id, span != NULL ? span->recurrence_id : 0,
                               start, end, act->title);
  tandem_occurrence_set_details (occ, act->open_ended, act->all_day, act->busy, overdue,
                                 span != NULL ? span->status : act->status,
                                 span != NULL ? span->outcome : act->outcome,
                                 act->category_id, act->category_name, act->company_name,
                                 act->description, act->goal_id, act->priority_id,
                                 act->priority_name);
  tandem_occurrence_set_user_id (occ, user_id);
  return occ;
}

static gint
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  TandemOccurrence *oa = *(TandemOccurrence **) a;
  TandemOccurrence *ob = *(TandemOccurrence **) b;
  gint64 sa = tandem_occurrence_get_start (oa);
  gint64 sb = tandem_occurrence_get_start (ob);
  int cmp;

  if (sa != sb)
    return sa < sb ? -1 : 1;
  cmp = g_utf8_collate (tandem_occurrence_get_title (oa), tandem_occurrence_get_title (ob));
  if (cmp != 0)
    return cmp;
  sa = tandem_occurrence_get_activity_id (oa);
  sb = tandem_occurrence_get_activity_id (ob);
  return sa < sb ? -1 : sa > sb;
}

/* Appends the occurrences in [@from, @to) of @activities to @out. */
static gboolean
add_occurrences (TandemStore  *self,
                 GPtrArray    *activities,
                 gint64        user_id,
                 gint64        from,
                 gint64        to,
                 gboolean      with_cancelled,
                 GPtrArray    *out,
                 GError      **error)
{
  for (guint i = 0; i < activities->len; i++)
    {
      CalActivity *act = g_ptr_array_index (activities, i);
      g_autoptr(GArray) spans = NULL;

      /* A cancelled occurrence of a masked activity is not busy. */
      spans = expand_activity (self, act, act->id, from, to,
                               with_cancelled && act->visible, error);
      if (spans == NULL)
        return FALSE;
      for (guint j = 0; j < spans->len; j++)
        g_ptr_array_add (out, new_occurrence (act, &g_array_index (spans, Span, j), FALSE, user_id));
    }
  return TRUE;
}

static GPtrArray *
list_occurrences (TandemStore  *self,
                  gint64        user_id,
                  gboolean      with_public,
                  gint64        from,
                  gint64        to,
                  gboolean      with_cancelled,
                  GError      **error)
{
  g_autoptr(GPtrArray) occurrences = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) activities = NULL;

  if (to <= from)
    return g_steal_pointer (&occurrences);

  activities = load_calendar_activities (self, user_id, with_public, from, to, error);
  if (activities == NULL)
    return NULL;
  if (!add_occurrences (self, activities, user_id, from, to, with_cancelled, occurrences, error))
    return NULL;
  g_ptr_array_sort (occurrences, compare_occurrences);
  return g_steal_pointer (&occurrences);
}

GPtrArray *
tandem_store_list_occurrences (TandemStore  *self,
                               gint64        user_id,
                               GDateTime    *from,
                               GDateTime    *to,
                               gboolean      with_cancelled,
                               GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  return list_occurrences (self, user_id, user_id == tandem_user_get_id (self->user),
                           g_date_time_to_unix (from), g_date_time_to_unix (to),
                           with_cancelled, error);
}

GPtrArray *
tandem_store_list_day_plan (TandemStore  *self,
                            GDateTime    *day,
                            GError      **error)
{
  static const char open_ended_sql[] =
    VISIBLE_COLUMNS
    " WHERE a.open_ended = 1 AND a.status = 0 AND " PERFORMED_BY ("a", "?1")
    " ORDER BY a.title, a.id";
  static const char overdue_sql[] =
    VISIBLE_COLUMNS
    " WHERE a.open_ended = 0 AND a.rrule IS NULL AND a.status = 0"
    "   AND a.end_utc <= ?2 AND " PERFORMED_BY ("a", "?1")
    " ORDER BY a.start_utc, a.title, a.id";
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) local_day = NULL;
  g_autoptr(GDateTime) day_start = NULL;
  g_autoptr(GDateTime) day_end = NULL;
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) open_ended = NULL;
  g_autoptr(GPtrArray) timed = NULL;
  g_autofree char *day_start_text = NULL;
  sqlite3_stmt *stmt;
  gint64 me;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  me = tandem_user_get_id (self->user);

  local_day = g_date_time_to_timezone (day, local);
  day_start = g_date_time_new (local, g_date_time_get_year (local_day),
                               g_date_time_get_month (local_day),
                               g_date_time_get_day_of_month (local_day), 0, 0, 0);
  day_end = g_date_time_add_days (day_start, 1);
  day_start_text = tandem_store_unix_to_utc (g_date_time_to_unix (day_start));

  stmt = tandem_store_prepare (self, overdue_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, me);
  tandem_store_bind_text (stmt, 2, day_start_text);
  overdue = collect_cal_rows (self, stmt, error);
  if (overdue == NULL)
    return NULL;
  for (guint i = 0; i < overdue->len; i++)
    {
      CalActivity *act = g_ptr_array_index (overdue, i);
      Span span = { act->start, act->end, 0, act->status, act->outcome };

      g_ptr_array_add (plan, new_occurrence (act, &span, TRUE, me));
    }

  stmt = tandem_store_prepare (self, open_ended_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, me);
  open_ended = collect_cal_rows (self, stmt, error);
  if (open_ended == NULL)
    return NULL;
  for (guint i = 0; i < open_ended->len; i++)
    g_ptr_array_add (plan, new_occurrence (g_ptr_array_index (open_ended, i), NULL, FALSE, me));

  timed = list_occurrences (self, me, FALSE, g_date_time_to_unix (day_start),
                            g_date_time_to_unix (day_end), FALSE, error);
  if (timed == NULL)
    return NULL;
  g_ptr_array_extend_and_steal (plan, g_steal_pointer (&timed));

  return g_steal_pointer (&plan);
}

/* One occurrence (SPEC D6) */

/* Whether the rule of @act gives an occurrence that starts at @rid. */
static gboolean
is_occurrence (CalActivity  *act,
               gint64        rid,
               GError      **error)
{
  g_autoptr(GDateTime) start = date_time_in (act->tz, act->start);
  g_autoptr(GDateTime) end = date_time_in (act->tz, act->end);
  g_autoptr(GArray) starts = NULL;

  starts = tandem_recurrence_expand (act->rrule, act->tz, start, end, rid, rid + 1, 0, error);
  if (starts == NULL)
    return FALSE;
  for (guint i = 0; i < starts->len; i++)
    if (g_array_index (starts, gint64, i) == rid)
      return TRUE;
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
               _("The activity does not repeat at that time"));
  return FALSE;
}

static Exception *
find_exception (GArray *exceptions,
                gint64  rid)
{
  for (guint i = 0; i < exceptions->len; i++)
    if (g_array_index (exceptions, Exception, i).recurrence_id == rid)
      return &g_array_index (exceptions, Exception, i);
  return NULL;
}

/* A recurring visible activity and one of its occurrences. */
static CalActivity *
load_occurrence (TandemStore  *self,
                 gint64        activity_id,
                 gint64        recurrence_id,
                 GError      **error)
{
  g_autoptr(CalActivity) act = load_visible_activity (self, activity_id, error);

  if (act == NULL)
    return NULL;
  if (act->rrule == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("This activity does not repeat"));
      return NULL;
    }
  if (!is_occurrence (act, recurrence_id, error))
    return NULL;
  return g_steal_pointer (&act);
}

static gboolean
check_outcome (gint64          goal_id,
               TandemStatus    status,
               TandemOutcome   outcome,
               GError        **error)
{
  if (status != TANDEM_STATUS_COMPLETED && outcome != TANDEM_OUTCOME_NONE)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Only a completed activity has an outcome"));
      return FALSE;
    }
  if (status == TANDEM_STATUS_COMPLETED && goal_id != 0 && outcome == TANDEM_OUTCOME_NONE)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("An activity with a goal is completed with an outcome: success or failure"));
      return FALSE;
    }
  return TRUE;
}

/* The performers of a saved activity, or its assigner when nobody. */
static GArray *
load_performers (TandemStore  *self,
                 gint64        activity_id,
                 GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = tandem_store_prepare (self,
                               "SELECT user_id FROM main.activity_performers WHERE activity_id = ?1"
                               " UNION "
                               "SELECT a.assigner_id FROM temp.visible_activities a WHERE a.id = ?1"
                               "   AND NOT EXISTS (SELECT 1 FROM main.activity_performers p"
                               "                    WHERE p.activity_id = ?1)",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

/* An activity that does not recur: changed as a whole, through the same
 * checks as any save. */
static gboolean
update_single (TandemStore    *self,
               gint64          activity_id,
               GDateTime      *start,
               GDateTime      *end,
               TandemStatus    status,
               TandemOutcome   outcome,
               GError        **error)
{
  g_autoptr(TandemActivity) activity = tandem_store_get_activity (self, activity_id, error);

  if (activity == NULL)
    return FALSE;
  if (tandem_activity_get_rrule (activity) != NULL && tandem_activity_get_rrule (activity)[0] != '\0')
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Choose which occurrence of the repeating activity to change"));
      return FALSE;
    }
  if (!check_outcome (tandem_activity_get_goal_id (activity), status, outcome, error))
    return FALSE;

  if (start != NULL)
    {
      g_autoptr(GDateTime) new_end = NULL;

      if (end != NULL)
        new_end = g_date_time_ref (end);
      else if (tandem_activity_get_start (activity) != NULL && tandem_activity_get_end (activity) != NULL)
        new_end = g_date_time_add (start, g_date_time_difference (tandem_activity_get_end (activity),
                                                                  tandem_activity_get_start (activity)));
      else
        new_end = g_date_time_ref (start);
      tandem_activity_set_times (activity, start, new_end);
    }
  tandem_activity_set_status (activity, status);
  tandem_activity_set_outcome (activity, outcome);
  return tandem_store_save_activity (self, activity, error) > 0;
}

gboolean
tandem_store_update_occurrence (TandemStore    *self,
                                gint64          activity_id,
                                gint64          recurrence_id,
                                GDateTime      *start,
                                GDateTime      *end,
                                TandemStatus    status,
                                TandemOutcome   outcome,
                                GError        **error)
{
  static const char upsert_sql[] =
    "INSERT INTO main.activity_exceptions"
    "  (activity_id, recurrence_id, start_utc, end_utc, status, outcome)"
    " VALUES (?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (activity_id, recurrence_id) DO UPDATE SET"
    "  start_utc = excluded.start_utc, end_utc = excluded.end_utc,"
    "  status = excluded.status, outcome = excluded.outcome";
  g_autoptr(CalActivity) act = NULL;
  g_autoptr(GArray) exceptions = NULL;
  g_autoptr(GArray) siblings = NULL;
  g_autofree char *rid_text = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  Exception *exc;
  sqlite3_stmt *stmt;
  gint64 old_start, old_end, new_start, new_end;
  TandemStatus old_status;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error))
    return FALSE;
  if (start == NULL && end != NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The start is missing"));
      return FALSE;
    }
  if (recurrence_id == 0)
    return update_single (self, activity_id, start, end, status, outcome, error);

  act = load_occurrence (self, activity_id, recurrence_id, error);
  if (act == NULL)
    return FALSE;
  if (!check_outcome (act->goal_id, status, outcome, error))
    return FALSE;

  exceptions = load_exceptions (self, activity_id, error);
  if (exceptions == NULL)
    return FALSE;
  exc = find_exception (exceptions, recurrence_id);
  old_start = exc != NULL ? exc->start : recurrence_id;
  old_end = exc != NULL ? exc->end : occurrence_end (act, recurrence_id);
  old_status = exc != NULL ? exc->status : act->status;
  new_start = start != NULL ? g_date_time_to_unix (start) : old_start;
  new_end = end != NULL ? g_date_time_to_unix (end)
            : start != NULL ? new_start + (old_end - old_start) : old_end;
  if (new_end < new_start)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The end is before the start"));
      return FALSE;
    }

  /* SPEC D5: moved, or planned again, onto another busy activity of a
   * performer. */
  if (act->busy && status != TANDEM_STATUS_CANCELLED
      && (new_start != old_start || new_end != old_end || old_status == TANDEM_STATUS_CANCELLED))
    {
      g_autoptr(GArray) performers = load_performers (self, activity_id, error);
      CalActivity moved = { 0 };

      if (performers == NULL)
        return FALSE;
      moved.id = act->id;
      moved.visible = TRUE;
      moved.tz = act->tz;
      moved.start = new_start;
      moved.end = new_end;
      moved.series_end = new_end;
      moved.busy = TRUE;
      moved.status = status;
      if (!check_conflicts (self, &moved, (const gint64 *) performers->data, performers->len, error))
        return FALSE;

      /* … or onto another occurrence of its own series. */
      siblings = expand_activity (self, act, activity_id, new_start, new_end, FALSE, error);
      if (siblings == NULL)
        return FALSE;
      for (guint i = 0; i < siblings->len; i++)
        {
          Span *other = &g_array_index (siblings, Span, i);

          if (other->recurrence_id != recurrence_id
              && other->start < new_end && new_start < other->end && performers->len > 0)
            return set_conflict_error (self, g_array_index (performers, gint64, 0), act, other, error);
        }
    }

  rid_text = tandem_store_unix_to_utc (recurrence_id);
  start_text = tandem_store_unix_to_utc (new_start);
  end_text = tandem_store_unix_to_utc (new_end);

  if (!tandem_store_begin (self, error))
    return FALSE;
  stmt = tandem_store_prepare (self, upsert_sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  tandem_store_bind_text (stmt, 2, rid_text);
  tandem_store_bind_text (stmt, 3, start_text);
  tandem_store_bind_text (stmt, 4, end_text);
  sqlite3_bind_int (stmt, 5, status);
  sqlite3_bind_int (stmt, 6, status == TANDEM_STATUS_COMPLETED ? outcome : TANDEM_OUTCOME_NONE);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  stmt = tandem_store_prepare (self,
                               "UPDATE main.activities"
                               "   SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                               " WHERE id = ?",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (!tandem_store_commit (self, error))
    return FALSE;

  tandem_store_emit_changed (self, TANDEM_KIND_ACTIVITY, activity_id);
  return TRUE;

fail:
  tandem_store_rollback (self);
  return FALSE;
}

/* "This and following" (SPEC D6) */

/* The value of a rule's COUNT part, or 0. */
static guint
rrule_get_count (const char *rrule)
{
  g_auto(GStrv) parts = g_strsplit (rrule, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_ascii_strncasecmp (parts[i], "COUNT=", 6) == 0)
      return (guint) g_ascii_strtoull (parts[i] + 6, NULL, 10);
  return 0;
}

/* The rule with its COUNT part set to @count. */
static char *
rrule_set_count (const char *rrule,
                 guint       count)
{
  g_auto(GStrv) parts = g_strsplit (rrule, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_ascii_strncasecmp (parts[i], "COUNT=", 6) == 0)
      {
        g_free (parts[i]);
        parts[i] = g_strdup_printf ("COUNT=%u", count);
      }
  return g_strjoinv (";", parts);
}

static char *
format_local (GTimeZone *tz,
              gint64     unix_time)
{
  g_autoptr(GDateTime) dt = date_time_in (tz, unix_time);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
}

/* The series end of @rrule starting at [@start, @end), as UTC text, or
 * NULL when it has no end. */
static gboolean
series_end_text (CalActivity  *act,
                 const char   *rrule,
                 gint64        start,
                 gint64        end,
                 char        **out,
                 GError      **error)
{
  g_autoptr(GDateTime) s = date_time_in (act->tz, start);
  g_autoptr(GDateTime) e = date_time_in (act->tz, end);
  GError *local_error = NULL;
  gint64 series_end;

  series_end = tandem_recurrence_get_series_end (rrule, act->tz, s, e, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  *out = series_end > 0 ? tandem_store_unix_to_utc (series_end) : NULL;
  return TRUE;
}

static gboolean
run_split_statement (TandemStore  *self,
                     const char   *sql,
                     gint64        new_id,
                     gint64        old_id,
                     const char   *text,
                     GError      **error)
{
  sqlite3_stmt *stmt = tandem_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, new_id);
  sqlite3_bind_int64 (stmt, 2, old_id);
  if (text != NULL)
    tandem_store_bind_text (stmt, 3, text);
  return tandem_store_step_done (self, stmt, error);
}

gint64
tandem_store_split_activity (TandemStore  *self,
                             gint64        activity_id,
                             gint64        recurrence_id,
                             GError      **error)
{
  static const char copy_sql[] =
    "INSERT INTO main.activities (tracking, title, category_id, kind_id, type_id,"
    "  priority_id, goal_id, status, outcome, direction, company_id, project_id,"
    "  reference, link, assigner_id, responsible_id, follow_up, description, details,"
    "  internal_notes, open_ended, all_day, tzid, start_local, end_local, start_utc,"
    "  end_utc, rrule, series_end_utc, busy, public, needs_completing, visibility,"
    "  completed_at)"
    " SELECT ?1, a.title, a.category_id, a.kind_id, a.type_id,"
    "  a.priority_id, a.goal_id, a.status, a.outcome, a.direction, a.company_id, a.project_id,"
    "  a.reference, a.link, a.assigner_id, a.responsible_id, a.follow_up, a.description, a.details,"
    "  a.internal_notes, a.open_ended, a.all_day, a.tzid, ?2, ?3, ?4,"
    "  ?5, ?6, ?7, a.busy, a.public, a.needs_completing, a.visibility,"
    "  a.completed_at"
    " FROM temp.visible_activities a WHERE a.id = ?8";
  static const char * const relation_sql[] = {
    "INSERT INTO main.activity_performers (activity_id, user_id)"
    " SELECT ?1, user_id FROM main.activity_performers WHERE activity_id = ?2",
    "INSERT INTO main.activity_people (activity_id, person_id)"
    " SELECT ?1, person_id FROM main.activity_people WHERE activity_id = ?2",
    "INSERT INTO main.activity_teams (activity_id, team_id)"
    " SELECT ?1, team_id FROM main.activity_teams WHERE activity_id = ?2",
    "INSERT INTO main.activity_property_values (activity_id, term_id)"
    " SELECT ?1, term_id FROM main.activity_property_values WHERE activity_id = ?2",
    "INSERT INTO main.activity_reminders (activity_id, minutes_before, channel)"
    " SELECT ?1, minutes_before, channel FROM main.activity_reminders WHERE activity_id = ?2",
  };
  g_autoptr(CalActivity) act = NULL;
  g_autofree char *copy_rrule = NULL;
  g_autofree char *cut_rrule = NULL;
  g_autofree char *copy_series_end = NULL;
  g_autofree char *cut_series_end = NULL;
  g_autofree char *tracking = NULL;
  g_autofree char *start_local = NULL;
  g_autofree char *end_local = NULL;
  g_autofree char *start_utc = NULL;
  g_autofree char *end_utc = NULL;
  g_autofree char *rid_text = NULL;
  sqlite3_stmt *stmt;
  gint64 copy_end;
  gint64 new_id;
  guint count;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  if (!tandem_store_require_user (self, error))
    return 0;
  act = load_occurrence (self, activity_id, recurrence_id, error);
  if (act == NULL)
    return 0;
  /* From the first occurrence on, "this and following" is the series. */
  if (recurrence_id <= act->start)
    return activity_id;

  copy_rrule = g_strdup (act->rrule);
  count = rrule_get_count (act->rrule);
  if (count > 0)
    {
      g_autoptr(GDateTime) s = date_time_in (act->tz, act->start);
      g_autoptr(GDateTime) e = date_time_in (act->tz, act->end);
      g_autoptr(GArray) earlier = NULL;
      guint n_earlier = 0;

      earlier = tandem_recurrence_expand (act->rrule, act->tz, s, e, act->start,
                                          recurrence_id, 0, error);
      if (earlier == NULL)
        return 0;
      for (guint i = 0; i < earlier->len; i++)
        if (g_array_index (earlier, gint64, i) < recurrence_id)
          n_earlier++;
      g_free (copy_rrule);
      copy_rrule = rrule_set_count (act->rrule, count > n_earlier ? count - n_earlier : 1);
    }
  cut_rrule = tandem_recurrence_end_before (act->rrule, recurrence_id, error);
  if (cut_rrule == NULL)
    return 0;

  copy_end = occurrence_end (act, recurrence_id);
  if (!series_end_text (act, copy_rrule, recurrence_id, copy_end, &copy_series_end, error)
      || !series_end_text (act, cut_rrule, act->start, act->end, &cut_series_end, error))
    return 0;
  start_local = format_local (act->tz, recurrence_id);
  end_local = format_local (act->tz, copy_end);
  start_utc = tandem_store_unix_to_utc (recurrence_id);
  end_utc = tandem_store_unix_to_utc (copy_end);
  rid_text = tandem_store_unix_to_utc (recurrence_id);

  if (!tandem_store_begin (self, error))
    return 0;
  tracking = tandem_store_next_tracking (self, error);
  if (tracking == NULL)
    goto fail;

  stmt = tandem_store_prepare (self, copy_sql, error);
  if (stmt == NULL)
    goto fail;
  tandem_store_bind_text (stmt, 1, tracking);
  tandem_store_bind_text (stmt, 2, start_local);
  tandem_store_bind_text (stmt, 3, end_local);
  tandem_store_bind_text (stmt, 4, start_utc);
  tandem_store_bind_text (stmt, 5, end_utc);
  tandem_store_bind_text (stmt, 6, copy_rrule);
  tandem_store_bind_text (stmt, 7, copy_series_end);
  sqlite3_bind_int64 (stmt, 8, activity_id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  new_id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; i < G_N_ELEMENTS (relation_sql); i++)
    if (!run_split_statement (self, relation_sql[i], new_id, activity_id, NULL, error))
      goto fail;
  if (!tandem_store_index_record (self, TANDEM_KIND_ACTIVITY, new_id, error))
    goto fail;
  if (!run_split_statement (self,
                            "UPDATE main.activity_exceptions SET activity_id = ?1"
                            " WHERE activity_id = ?2 AND recurrence_id >= ?3",
                            new_id, activity_id, rid_text, error))
    goto fail;

  stmt = tandem_store_prepare (self,
                               "UPDATE main.activities SET rrule = ?, series_end_utc = ?,"
                               "  updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                               " WHERE id = ?",
                               error);
  if (stmt == NULL)
    goto fail;
  tandem_store_bind_text (stmt, 1, cut_rrule);
  tandem_store_bind_text (stmt, 2, cut_series_end);
  sqlite3_bind_int64 (stmt, 3, activity_id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (!tandem_store_commit (self, error))
    return 0;

  tandem_store_emit_changed (self, TANDEM_KIND_ACTIVITY, activity_id);
  tandem_store_emit_changed (self, TANDEM_KIND_ACTIVITY, new_id);
  return new_id;

fail:
  tandem_store_rollback (self);
  return 0;
}

TandemActivity *
tandem_store_get_occurrence_activity (TandemStore  *self,
                                      gint64        activity_id,
                                      gint64        recurrence_id,
                                      GError      **error)
{
  g_autoptr(TandemActivity) activity = NULL;
  g_autoptr(CalActivity) act = NULL;
  g_autoptr(GArray) exceptions = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  Exception *exc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  activity = tandem_store_get_activity (self, activity_id, error);
  if (activity == NULL || recurrence_id == 0)
    return g_steal_pointer (&activity);

  act = cal_activity_from_activity (activity, error);
  if (act == NULL)
    return NULL;
  if (act->rrule == NULL || act->open_ended)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("This activity does not repeat"));
      return NULL;
    }
  if (!is_occurrence (act, recurrence_id, error))
    return NULL;
  exceptions = load_exceptions (self, activity_id, error);
  if (exceptions == NULL)
    return NULL;

  exc = find_exception (exceptions, recurrence_id);
  start = date_time_in (act->tz, exc != NULL ? exc->start : recurrence_id);
  end = date_time_in (act->tz, exc != NULL ? exc->end : occurrence_end (act, recurrence_id));
  tandem_activity_set_times (activity, start, end);
  if (exc != NULL)
    {
      tandem_activity_set_status (activity, exc->status);
      tandem_activity_set_outcome (activity, exc->outcome);
    }
  return g_steal_pointer (&activity);
}
