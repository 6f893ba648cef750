/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-date.h"
#include "tandem-recurrence.h"
#include "tandem-store-private.h"

/*
 * Activities (SPEC D1–D19) and the lists of terms they are classified by
 * (D3, D9). Every read goes through visible_activities (see
 * tandem-store-visibility.c); a save of an activity the user may not see
 * is refused as if it did not exist.
 */

#define UTC_FORMAT   "%Y-%m-%dT%H:%M:%SZ"
#define LOCAL_FORMAT "%Y-%m-%dT%H:%M:%S"

#define TERM_COLUMNS \
  "t.id, t.term_set, t.name, t.builtin, t.position, t.kind_id, t.type_id, t.allow_choice, t.sales_target"

#define ACTIVITY_COLUMNS \
  "a.id, a.tracking, a.title, a.category_id, a.kind_id, a.type_id, a.priority_id, a.goal_id," \
  " a.status, a.outcome, a.direction, a.company_id," \
  " (SELECT vp.id FROM visible_projects vp WHERE vp.id = a.project_id), a.reference, a.link," \
  " a.assigner_id, a.responsible_id, a.follow_up, a.description, a.details, a.internal_notes," \
  " a.open_ended, a.all_day, a.tzid, a.start_utc, a.end_utc, a.rrule, a.busy, a.public," \
  " a.needs_completing, a.visibility, a.completed_at, a.created_at, a.updated_at," \
  " (SELECT u.name FROM users u WHERE u.id = a.assigner_id)," \
  " (SELECT vc.name FROM visible_companies vc WHERE vc.id = a.company_id)," \
  " (SELECT t.name FROM activity_terms t WHERE t.id = a.category_id)," \
  " (SELECT t.builtin FROM activity_terms t WHERE t.id = a.category_id)," \
  " (SELECT vp.name FROM visible_projects vp WHERE vp.id = a.project_id)," \
  " (SELECT cm.name FROM campaigns cm WHERE cm.id = a.campaign_id)"

/* "The user's" activities (D13, D17, D19): ?1 is the signed-in user.
 * Written as a list of ids so that it is two index seeks, not a scan of
 * every activity. */
#define PERFORMS_OR_RESPONSIBLE \
  "a.id IN (SELECT ap.activity_id FROM activity_performers ap WHERE ap.user_id = ?1" \
  " UNION ALL SELECT r.id FROM activities r WHERE r.responsible_id = ?1)"

/* Time helpers, shared with the other activity parts of the store */

char *
tandem_store_unix_to_utc (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, UTC_FORMAT);
}

gint64
tandem_store_utc_to_unix (const char *utc)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (utc == NULL || utc[0] == '\0')
    return 0;
  tz = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (utc, tz);
  if (dt == NULL)
    return 0;
  return g_date_time_to_unix (dt);
}

/* D14: numbers run per year, so that they stay short and tell when the
 * activity was created. The counter moves inside the caller's savepoint:
 * a refused save gives its number back. */
char *
tandem_store_next_tracking (TandemStore  *self,
                            GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *counter = NULL;
  sqlite3_stmt *stmt;
  gint64 value = 0;
  int rc;

  counter = g_strdup_printf ("tracking-%d", g_date_time_get_year (now));
  stmt = tandem_store_prepare (self,
                               "INSERT INTO counters (name, value) VALUES (?1, 1)"
                               " ON CONFLICT (name) DO UPDATE SET value = value + 1"
                               " RETURNING value", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, counter, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  /* RETURNING rows must be stepped to the end for the change to finish. */
  while (rc == SQLITE_ROW)
    rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE || value == 0)
    {
      tandem_store_set_db_error (self, error);
      return NULL;
    }
  return g_strdup_printf ("%d-%05" G_GINT64_FORMAT, g_date_time_get_year (now), value);
}

static char *
format_utc (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = NULL;

  if (dt == NULL)
    return NULL;
  utc = g_date_time_to_utc (dt);
  return g_date_time_format (utc, UTC_FORMAT);
}

static GDateTime *
parse_utc (const char *text,
           GTimeZone  *tz)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL)
    return NULL;
  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL)
    return NULL;
  return tz ? g_date_time_to_timezone (dt, tz) : g_steal_pointer (&dt);
}

static char *
dup_clean (const char *text)
{
  char *s = g_strstrip (g_strdup (text ? text : ""));

  if (s[0] == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

static const char *
term_display_name (const char *custom_name,
                   const char *builtin)
{
  if (custom_name != NULL)
    return custom_name;
  if (builtin != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, "activity term", builtin);
  return NULL;
}

static gboolean
row_exists (TandemStore *self,
            const char  *sql,
            gint64       id,
            int          arg)
{
  sqlite3_stmt *stmt = tandem_store_prepare (self, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int (stmt, 2, arg);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
term_in_set (TandemStore   *self,
             gint64         id,
             TandemTermSet  set)
{
  return row_exists (self, "SELECT 1 FROM activity_terms WHERE id = ?1 AND term_set = ?2", id, set);
}

/* Terms (D3, D9) */

static TandemTerm *
load_term (TandemStore  *self,
           sqlite3_stmt *stmt)
{
  TandemTerm *term = tandem_term_new (sqlite3_column_int (stmt, 1), NULL);

  tandem_term_set_loaded (term, sqlite3_column_int64 (stmt, 0),
                          tandem_store_column_text (stmt, 2),
                          tandem_store_column_text (stmt, 3));
  tandem_term_set_position (term, sqlite3_column_int (stmt, 4));
  tandem_term_set_kind_id (term, sqlite3_column_int64 (stmt, 5));
  tandem_term_set_type_id (term, sqlite3_column_int64 (stmt, 6));
  tandem_term_set_allow_choice (term, sqlite3_column_int (stmt, 7));
  tandem_term_set_sales_target (term, sqlite3_column_int (stmt, 8));
  return term;
}

GPtrArray *
tandem_store_list_terms (TandemStore    *self,
                         TandemTermSet   set,
                         GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self,
                               "SELECT " TERM_COLUMNS " FROM activity_terms t WHERE t.term_set = ?"
                               " ORDER BY t.position, t.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, set);
  return tandem_store_collect (self, stmt, (TandemRowLoader) load_term, g_object_unref, error);
}

TandemTerm *
tandem_store_get_term (TandemStore  *self,
                       gint64        id,
                       GError      **error)
{
  TandemTerm *term = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT " TERM_COLUMNS " FROM activity_terms t WHERE t.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    term = load_term (self, stmt);
  sqlite3_reset (stmt);

  if (term == NULL)
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                 _("There is no list entry with the id %lld"), (long long) id);
  return term;
}

/* The ids in the first column of @sql's rows for @id; with @names, the
 * texts of its second column too. */
static GArray *
query_ids (TandemStore  *self,
           const char   *sql,
           gint64        id,
           GPtrArray    *names,
           GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, value);
      if (names != NULL)
        g_ptr_array_add (names, g_strdup (tandem_store_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
reindex_activities (TandemStore  *self,
                    GArray       *ids,
                    GError      **error)
{
  for (guint i = 0; i < ids->len; i++)
    if (!tandem_store_index_record (self, TANDEM_KIND_ACTIVITY, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* Activities are found by the names of their category, company and
 * contact persons (K1), so their index rows follow a renamed one. */
static gboolean
reindex_activities_where (TandemStore  *self,
                          const char   *sql,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(GArray) ids = query_ids (self, sql, id, NULL, error);

  return ids != NULL && reindex_activities (self, ids, error);
}

gboolean
tandem_store_reindex_activities_of (TandemStore  *self,
                                    TandemKind    kind,
                                    gint64        id,
                                    GError      **error)
{
  switch (kind)
    {
    case TANDEM_KIND_COMPANY:
      return reindex_activities_where (self, "SELECT id FROM activities WHERE company_id = ?", id, error);
    case TANDEM_KIND_PERSON:
      return reindex_activities_where (self, "SELECT activity_id FROM activity_people WHERE person_id = ?",
                                       id, error);
    case TANDEM_KIND_NONE:
    case TANDEM_KIND_NOTE:
    case TANDEM_KIND_ACTIVITY:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gint64
tandem_store_save_term (TandemStore  *self,
                        TandemTerm   *term,
                        GError      **error)
{
  g_autoptr(GPtrArray) siblings = NULL;
  g_autofree char *builtin = NULL;
  TandemTermSet set;
  const char *name;
  gint64 id, kind_id = 0, type_id = 0;
  gboolean is_category;
  sqlite3_stmt *stmt;
  int position;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_TERM (term), 0);

  if (!tandem_store_require_admin (self, error))
    return 0;

  set = tandem_term_get_set (term);
  id = tandem_term_get_id (term);
  name = tandem_term_get_custom_name (term);
  is_category = set == TANDEM_TERM_CATEGORY;

  siblings = tandem_store_list_terms (self, set, error);
  if (siblings == NULL)
    return 0;

  if (id != 0)
    {
      g_autoptr(TandemTerm) existing = tandem_store_get_term (self, id, error);

      if (existing == NULL)
        return 0;
      if (tandem_term_get_set (existing) != set)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("A list entry cannot move to another list"));
          return 0;
        }
      builtin = g_strdup (tandem_term_get_builtin (existing));
    }

  /* A shipped entry without a name of its own is shown translated. */
  if (name == NULL && builtin == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A list entry needs a name"));
      return 0;
    }

  {
    const char *shown = name ? name : g_dpgettext2 (GETTEXT_PACKAGE, "activity term", builtin);
    g_autofree char *folded = g_utf8_casefold (shown, -1);

    for (guint i = 0; i < siblings->len; i++)
      {
        TandemTerm *other = g_ptr_array_index (siblings, i);
        g_autofree char *other_folded = NULL;

        if (tandem_term_get_id (other) == id)
          continue;
        other_folded = g_utf8_casefold (tandem_term_get_name (other), -1);
        if (g_strcmp0 (folded, other_folded) == 0)
          {
            g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                         _("The list already has “%s”"), shown);
            return 0;
          }
      }
  }

  if (is_category)
    {
      kind_id = tandem_term_get_kind_id (term);
      type_id = tandem_term_get_type_id (term);
      if (kind_id != 0 && !term_in_set (self, kind_id, TANDEM_TERM_KIND))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The chosen kind no longer exists"));
          return 0;
        }
      if (type_id != 0 && !term_in_set (self, type_id, TANDEM_TERM_TYPE))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The chosen type no longer exists"));
          return 0;
        }
    }

  position = tandem_term_get_position (term);
  if (id == 0 && position == 0)
    {
      /* New entries go to the end of their list. */
      for (guint i = 0; i < siblings->len; i++)
        position = MAX (position, tandem_term_get_position (g_ptr_array_index (siblings, i)) + 1);
    }

  if (!tandem_store_begin (self, error))
    return 0;

  if (id == 0)
    stmt = tandem_store_prepare (self,
                                 "INSERT INTO activity_terms (name, position, kind_id, type_id, allow_choice,"
                                 " sales_target, term_set) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  else
    stmt = tandem_store_prepare (self,
                                 "UPDATE activity_terms SET name = ?1, position = ?2, kind_id = ?3, type_id = ?4,"
                                 " allow_choice = ?5, sales_target = ?6 WHERE id = ?8", error);
  if (stmt == NULL)
    goto fail;
  tandem_store_bind_text (stmt, 1, name);
  sqlite3_bind_int (stmt, 2, position);
  if (kind_id != 0)
    sqlite3_bind_int64 (stmt, 3, kind_id);
  if (type_id != 0)
    sqlite3_bind_int64 (stmt, 4, type_id);
  sqlite3_bind_int (stmt, 5, is_category && tandem_term_get_allow_choice (term));
  sqlite3_bind_int (stmt, 6, is_category && tandem_term_get_sales_target (term));
  if (id == 0)
    sqlite3_bind_int (stmt, 7, set);
  else
    sqlite3_bind_int64 (stmt, 8, id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (is_category &&
           !reindex_activities_where (self, "SELECT id FROM activities WHERE category_id = ?", id, error))
    goto fail;

  if (!tandem_store_commit (self, error))
    return 0;

  tandem_term_set_loaded (term, id, name, builtin);
  tandem_term_set_position (term, position);
  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return id;

fail:
  tandem_store_rollback (self);
  return 0;
}

gboolean
tandem_store_delete_term (TandemStore  *self,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_admin (self, error))
    return FALSE;

  if (!tandem_store_begin (self, error))
    return FALSE;

  /* The activities of a deleted category are no longer found by its name. */
  ids = query_ids (self, "SELECT id FROM activities WHERE category_id = ?", id, NULL, error);
  if (ids == NULL)
    goto fail;

  stmt = tandem_store_prepare (self, "DELETE FROM activity_terms WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("There is no list entry with the id %lld"), (long long) id);
      goto fail;
    }

  if (!reindex_activities (self, ids, error))
    goto fail;

  if (!tandem_store_commit (self, error))
    return FALSE;
  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return TRUE;

fail:
  tandem_store_rollback (self);
  return FALSE;
}

/* Loading activities: one row loader for get and every list */

static TandemActivity *
load_activity_row (TandemStore  *self,
                   sqlite3_stmt *stmt)
{
  TandemActivity *activity = g_object_new (TANDEM_TYPE_ACTIVITY, NULL);
  const char *tzid = tandem_store_column_text (stmt, 23);
  g_autoptr(GTimeZone) tz = tzid ? g_time_zone_new_identifier (tzid) : NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  tandem_record_set_id (TANDEM_RECORD (activity), sqlite3_column_int64 (stmt, 0));
  tandem_activity_set_title (activity, tandem_store_column_text (stmt, 2));
  tandem_activity_set_category_id (activity, sqlite3_column_int64 (stmt, 3));
  tandem_activity_set_kind_id (activity, sqlite3_column_int64 (stmt, 4));
  tandem_activity_set_type_id (activity, sqlite3_column_int64 (stmt, 5));
  tandem_activity_set_priority_id (activity, sqlite3_column_int64 (stmt, 6));
  tandem_activity_set_goal_id (activity, sqlite3_column_int64 (stmt, 7));
  tandem_activity_set_status (activity, sqlite3_column_int (stmt, 8));
  tandem_activity_set_outcome (activity, sqlite3_column_int (stmt, 9));
  tandem_activity_set_direction (activity, sqlite3_column_int (stmt, 10));
  tandem_activity_set_company_id (activity, sqlite3_column_int64 (stmt, 11));
  tandem_activity_set_project_id (activity, sqlite3_column_int64 (stmt, 12));
  tandem_activity_set_reference (activity, tandem_store_column_text (stmt, 13));
  tandem_activity_set_link (activity, tandem_store_column_text (stmt, 14));
  tandem_activity_set_responsible_id (activity, sqlite3_column_int64 (stmt, 16));
  tandem_activity_set_follow_up (activity, tandem_store_column_text (stmt, 17));
  tandem_activity_set_description (activity, tandem_store_column_text (stmt, 18));
  tandem_activity_set_details (activity, tandem_store_column_text (stmt, 19));
  tandem_activity_set_internal_notes (activity, tandem_store_column_text (stmt, 20));
  tandem_activity_set_open_ended (activity, sqlite3_column_int (stmt, 21));
  tandem_activity_set_all_day (activity, sqlite3_column_int (stmt, 22));
  tandem_activity_set_tzid (activity, tzid);
  /* From UTC, not from the wall-clock columns: an hour that repeats when
   * the clocks go back has one meaning only in UTC. */
  start = parse_utc (tandem_store_column_text (stmt, 24), tz);
  end = parse_utc (tandem_store_column_text (stmt, 25), tz);
  tandem_activity_set_times (activity, start, end);
  tandem_activity_set_rrule (activity, tandem_store_column_text (stmt, 26));
  tandem_activity_set_busy (activity, sqlite3_column_int (stmt, 27));
  tandem_activity_set_public (activity, sqlite3_column_int (stmt, 28));
  tandem_activity_set_needs_completing (activity, sqlite3_column_int (stmt, 29));
  tandem_activity_set_visibility (activity, sqlite3_column_int (stmt, 30));
  tandem_activity_set_loaded (activity,
                              tandem_store_column_text (stmt, 1),
                              sqlite3_column_int64 (stmt, 15),
                              tandem_store_column_text (stmt, 34),
                              term_display_name (tandem_store_column_text (stmt, 36),
                                                 tandem_store_column_text (stmt, 37)),
                              tandem_store_column_text (stmt, 35),
                              NULL,
                              tandem_store_column_text (stmt, 32),
                              tandem_store_column_text (stmt, 33),
                              tandem_store_column_text (stmt, 31));
  /* The project's name only for whoever may see the project (E1). */
  tandem_activity_set_project_name (activity, tandem_store_column_text (stmt, 38));
  tandem_activity_set_campaign (activity, tandem_store_column_text (stmt, 39));
  return activity;
}

static gboolean
load_relations (TandemStore     *self,
                TandemActivity  *activity,
                GError         **error)
{
  gint64 id = tandem_record_get_id (TANDEM_RECORD (activity));
  g_autoptr(GPtrArray) person_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) properties = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GArray) performers = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GArray) reminders = g_array_new (FALSE, FALSE, sizeof (TandemReminder));
  sqlite3_stmt *stmt;
  int rc;

  properties = query_ids (self, "SELECT term_id FROM activity_property_values WHERE activity_id = ?"
                          " ORDER BY term_id", id, NULL, error);
  if (properties == NULL)
    return FALSE;
  /* Only the people the reader may see, in name order. */
  people = query_ids (self, "SELECT vp.id, vp.name FROM activity_people ap"
                      " JOIN visible_people vp ON vp.id = ap.person_id"
                      " WHERE ap.activity_id = ? ORDER BY vp.name COLLATE NOCASE, vp.id",
                      id, person_names, error);
  if (people == NULL)
    return FALSE;
  performers = query_ids (self, "SELECT user_id FROM activity_performers WHERE activity_id = ?"
                          " ORDER BY user_id", id, NULL, error);
  if (performers == NULL)
    return FALSE;
  groups = query_ids (self, "SELECT team_id FROM activity_teams WHERE activity_id = ? ORDER BY team_id",
                      id, NULL, error);
  if (groups == NULL)
    return FALSE;

  stmt = tandem_store_prepare (self,
                               "SELECT minutes_before, channel FROM activity_reminders WHERE activity_id = ?"
                               " ORDER BY minutes_before, channel", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemReminder reminder = { sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1) };
      g_array_append_val (reminders, reminder);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);

  tandem_activity_set_property_ids (activity, (const gint64 *) (gpointer) properties->data, properties->len);
  tandem_activity_set_person_ids (activity, (const gint64 *) (gpointer) people->data, people->len);
  tandem_activity_set_performer_ids (activity, (const gint64 *) (gpointer) performers->data, performers->len);
  tandem_activity_set_group_ids (activity, (const gint64 *) (gpointer) groups->data, groups->len);
  tandem_activity_set_reminders (activity, (const TandemReminder *) (gpointer) reminders->data, reminders->len);

  g_ptr_array_add (person_names, NULL);
  tandem_activity_set_loaded (activity,
                              tandem_activity_get_tracking (activity),
                              tandem_activity_get_assigner_id (activity),
                              tandem_activity_get_assigner_name (activity),
                              tandem_activity_get_category_name (activity),
                              tandem_activity_get_company_name (activity),
                              (const char * const *) person_names->pdata,
                              tandem_activity_get_created_at (activity),
                              tandem_activity_get_updated_at (activity),
                              tandem_activity_get_completed_at (activity));
  return TRUE;
}

/* Steps @stmt (a SELECT of ACTIVITY_COLUMNS from visible_activities a)
 * and loads every row with its relations. */
static GPtrArray *
run_activity_query (TandemStore   *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  g_autoptr(GPtrArray) activities = NULL;

  activities = tandem_store_collect (self, stmt, (TandemRowLoader) load_activity_row, g_object_unref, error);
  if (activities == NULL)
    return NULL;

  for (guint i = 0; i < activities->len; i++)
    if (!load_relations (self, g_ptr_array_index (activities, i), error))
      return NULL;
  return g_steal_pointer (&activities);
}

static void
set_activity_not_found (GError **error,
                        gint64   id)
{
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
               _("There is no activity with the id %lld"), (long long) id);
}

TandemActivity *
tandem_store_get_activity (TandemStore  *self,
                           gint64        id,
                           GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT " ACTIVITY_COLUMNS " FROM visible_activities a WHERE a.id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  found = run_activity_query (self, stmt, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      set_activity_not_found (error, id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

/* Saving */

static gboolean
check_terms (TandemStore     *self,
             TandemActivity  *activity,
             GError         **error)
{
  gint64 category_id = tandem_activity_get_category_id (activity);
  const gint64 *property_ids;
  guint n_properties;

  if (category_id != 0)
    {
      g_autoptr(TandemTerm) category = NULL;

      if (!term_in_set (self, category_id, TANDEM_TERM_CATEGORY))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The chosen category no longer exists"));
          return FALSE;
        }
      category = tandem_store_get_term (self, category_id, error);
      if (category == NULL)
        return FALSE;

      /* D3: the category sets the kind and type; only where it allows a
       * choice may they differ, and then its own are the defaults. */
      if (!tandem_term_get_allow_choice (category))
        {
          tandem_activity_set_kind_id (activity, tandem_term_get_kind_id (category));
          tandem_activity_set_type_id (activity, tandem_term_get_type_id (category));
        }
      else
        {
          if (tandem_activity_get_kind_id (activity) == 0)
            tandem_activity_set_kind_id (activity, tandem_term_get_kind_id (category));
          if (tandem_activity_get_type_id (activity) == 0)
            tandem_activity_set_type_id (activity, tandem_term_get_type_id (category));
        }
    }

  if (tandem_activity_get_kind_id (activity) != 0 &&
      !term_in_set (self, tandem_activity_get_kind_id (activity), TANDEM_TERM_KIND))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The chosen kind no longer exists"));
      return FALSE;
    }
  if (tandem_activity_get_type_id (activity) != 0 &&
      !term_in_set (self, tandem_activity_get_type_id (activity), TANDEM_TERM_TYPE))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The chosen type no longer exists"));
      return FALSE;
    }
  if (tandem_activity_get_priority_id (activity) != 0 &&
      !term_in_set (self, tandem_activity_get_priority_id (activity), TANDEM_TERM_PRIORITY))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The chosen priority no longer exists"));
      return FALSE;
    }
  if (tandem_activity_get_goal_id (activity) != 0 &&
      !term_in_set (self, tandem_activity_get_goal_id (activity), TANDEM_TERM_GOAL))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The chosen goal no longer exists"));
      return FALSE;
    }

  property_ids = tandem_activity_get_property_ids (activity, &n_properties);
  for (guint i = 0; i < n_properties; i++)
    if (!term_in_set (self, property_ids[i], TANDEM_TERM_PROPERTY))
      {
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("One of the chosen properties no longer exists"));
        return FALSE;
      }
  return TRUE;
}

/* The project of activity @id when the user may not see it, else 0 */
static gint64
hidden_project_of (TandemStore *self,
                   gint64       id)
{
  sqlite3_stmt *stmt = tandem_store_prepare (self,
                                             "SELECT a.project_id FROM activities a WHERE a.id = ?"
                                             " AND a.project_id IS NOT NULL AND NOT EXISTS"
                                             " (SELECT 1 FROM visible_projects vp WHERE vp.id = a.project_id)",
                                             NULL);
  gint64 project_id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    project_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return project_id;
}

static gboolean
check_links (TandemStore     *self,
             TandemActivity  *activity,
             TandemActivity  *existing,
             GError         **error)
{
  gint64 company_id = tandem_activity_get_company_id (activity);
  gint64 project_id = tandem_activity_get_project_id (activity);
  gint64 responsible_id = tandem_activity_get_responsible_id (activity);
  const gint64 *ids;
  guint n_ids;

  if (company_id != 0 && !row_exists (self, "SELECT 1 FROM visible_companies WHERE id = ?", company_id, 0))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("There is no company with the id %lld"), (long long) company_id);
      return FALSE;
    }

  /* D2: a project the user may see; one they no longer see may stay
   * where it was. */
  if (project_id != 0 &&
      (existing == NULL || tandem_activity_get_project_id (existing) != project_id) &&
      !row_exists (self, "SELECT 1 FROM visible_projects WHERE id = ?", project_id, 0))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("There is no project with the id %lld"), (long long) project_id);
      return FALSE;
    }
  if (tandem_activity_get_visibility (activity) == TANDEM_VISIBILITY_TEAM && project_id == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Only an activity on a project can be restricted to the project team"));
      return FALSE;
    }
  if ((int) tandem_activity_get_visibility (activity) < TANDEM_VISIBILITY_EVERYONE ||
      tandem_activity_get_visibility (activity) > TANDEM_VISIBILITY_TEAM)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("Unknown visibility of an activity"));
      return FALSE;
    }

  ids = tandem_activity_get_person_ids (activity, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    if (!row_exists (self, "SELECT 1 FROM visible_people WHERE id = ?", ids[i], 0))
      {
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                     _("There is no person with the id %lld"), (long long) ids[i]);
        return FALSE;
      }

  ids = tandem_activity_get_performer_ids (activity, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    if (!row_exists (self, "SELECT 1 FROM users WHERE id = ?", ids[i], 0))
      {
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                     _("There is no user with the id %lld"), (long long) ids[i]);
        return FALSE;
      }
  if (responsible_id != 0 && !row_exists (self, "SELECT 1 FROM users WHERE id = ?", responsible_id, 0))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("There is no user with the id %lld"), (long long) responsible_id);
      return FALSE;
    }

  ids = tandem_activity_get_group_ids (activity, &n_ids);
  if (tandem_activity_get_visibility (activity) == TANDEM_VISIBILITY_GROUPS)
    {
      if (n_ids == 0)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("Choose at least one group that may see the activity"));
          return FALSE;
        }
      for (guint i = 0; i < n_ids; i++)
        if (!row_exists (self, "SELECT 1 FROM teams WHERE id = ?", ids[i], 0))
          {
            g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("One of the chosen groups no longer exists"));
            return FALSE;
          }
    }
  return TRUE;
}

static GDateTime *
start_of_day (GDateTime *dt)
{
  return g_date_time_new (g_date_time_get_timezone (dt),
                          g_date_time_get_year (dt), g_date_time_get_month (dt),
                          g_date_time_get_day_of_month (dt), 0, 0, 0);
}

/* Times as the table keeps them (see 0003-activities.sql). */
typedef struct
{
  char   *start_local;
  char   *end_local;
  char   *start_utc;
  char   *end_utc;
  char   *series_end_utc;
} ActivityTimes;

static void
activity_times_clear (ActivityTimes *times)
{
  g_free (times->start_local);
  g_free (times->end_local);
  g_free (times->start_utc);
  g_free (times->end_utc);
  g_free (times->series_end_utc);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ActivityTimes, activity_times_clear)

/* Checks the times of @activity, puts an all-day one on whole days, and
 * computes the stored forms. */
static gboolean
check_times (TandemActivity  *activity,
             ActivityTimes   *times,
             GError         **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  const char *rrule = tandem_activity_get_rrule (activity);
  const char *tzid = tandem_activity_get_tzid (activity);

  if (tzid != NULL)
    {
      tz = g_time_zone_new_identifier (tzid);
      if (tz == NULL)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("“%s” is not a known time zone"), tzid);
          return FALSE;
        }
    }

  if (tandem_activity_get_open_ended (activity))
    {
      /* D4: no times; it is on the day plan until it is done. */
      if (rrule != NULL)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("An open-ended activity cannot repeat"));
          return FALSE;
        }
      tandem_activity_set_times (activity, NULL, NULL);
      if (tzid == NULL)
        {
          g_autoptr(GTimeZone) local = g_time_zone_new_local ();
          const char *id = g_time_zone_get_identifier (local);
          g_autoptr(GTimeZone) known = g_time_zone_new_identifier (id);

          tandem_activity_set_tzid (activity, known ? id : "UTC");
        }
      return TRUE;
    }

  if (tandem_activity_get_start (activity) == NULL || tandem_activity_get_end (activity) == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("An activity needs a start and an end, unless it is open-ended"));
      return FALSE;
    }

  start = g_date_time_ref (tandem_activity_get_start (activity));
  end = g_date_time_ref (tandem_activity_get_end (activity));

  if (g_date_time_compare (end, start) < 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The activity ends before it starts"));
      return FALSE;
    }

  if (tandem_activity_get_all_day (activity))
    {
      g_autoptr(GDateTime) first = start_of_day (start);
      g_autoptr(GDateTime) last = start_of_day (end);

      /* An end during a day takes in the whole of that day. */
      if (g_date_time_compare (last, end) != 0 || g_date_time_compare (last, first) == 0)
        {
          GDateTime *next = g_date_time_add_days (last, 1);

          g_date_time_unref (last);
          last = next;
        }
      g_date_time_unref (start);
      start = g_steal_pointer (&first);
      g_date_time_unref (end);
      end = g_steal_pointer (&last);
      tandem_activity_set_times (activity, start, end);
    }

  times->start_local = g_date_time_format (start, LOCAL_FORMAT);
  times->end_local = g_date_time_format (end, LOCAL_FORMAT);
  times->start_utc = format_utc (start);
  times->end_utc = format_utc (end);

  if (rrule != NULL)
    {
      g_autoptr(TandemRecurrence) recurrence = NULL;
      gint64 series_end;
      GError *local_error = NULL;

      recurrence = tandem_recurrence_parse (rrule, error);
      if (recurrence == NULL)
        return FALSE;
      series_end = tandem_recurrence_get_series_end (rrule, tz ? tz : g_date_time_get_timezone (start),
                                                     start, end, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      times->series_end_utc = series_end != 0 ? tandem_store_unix_to_utc (series_end) : NULL;
    }
  else
    times->series_end_utc = g_strdup (times->end_utc);

  return TRUE;
}

static gboolean
check_outcome (gint64          goal_id,
               TandemStatus    status,
               TandemOutcome   outcome,
               GError        **error)
{
  /* D9 */
  if (status == TANDEM_STATUS_COMPLETED && goal_id != 0 && outcome == TANDEM_OUTCOME_NONE)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("An activity with a goal can only be completed with an outcome: success or failure"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
replace_ids (TandemStore   *self,
             const char    *delete_sql,
             const char    *insert_sql,
             gint64         id,
             const gint64  *ids,
             guint          n_ids,
             GError       **error)
{
  sqlite3_stmt *stmt = tandem_store_prepare (self, delete_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      stmt = tandem_store_prepare (self, insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, ids[i]);
      if (!tandem_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The wall-clock reading of @dt, counted as if it were UTC: differences
 * of these are shifts "on the clock", whatever the zone's offsets. */
static gint64
wall_clock (GDateTime *dt)
{
  g_autoptr(GDateTime) as_utc = g_date_time_new_utc (g_date_time_get_year (dt), g_date_time_get_month (dt),
                                                     g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
                                                     g_date_time_get_minute (dt), g_date_time_get_second (dt));

  return g_date_time_to_unix (as_utc);
}

typedef struct
{
  gint64       recurrence_id;
  gint64       start;
  gint64       end;
  TandemStatus status;
  TandemOutcome outcome;
} StoredException;

/* D6: occurrences changed on their own follow their series. When the
 * whole series moves, each of them moves by the same shift on the clock;
 * one that the new rule no longer gives is dropped, and with it whatever
 * was set on it alone. */
static gboolean
realign_exceptions (TandemStore     *self,
                    TandemActivity  *existing,
                    TandemActivity  *work,
                    gint64           id,
                    GError         **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GTimeZone) old_tz = NULL;
  g_autoptr(GTimeZone) new_tz = NULL;
  GDateTime *old_start = tandem_activity_get_start (existing);
  GDateTime *old_end = tandem_activity_get_end (existing);
  GDateTime *new_start = tandem_activity_get_start (work);
  GDateTime *new_end = tandem_activity_get_end (work);
  const char *new_rule = tandem_activity_get_rrule (work);
  sqlite3_stmt *stmt;
  gint64 shift, old_length, new_length;
  int rc;

  if (tandem_activity_get_rrule (existing) == NULL || old_start == NULL || old_end == NULL)
    return TRUE;

  if (new_rule == NULL || new_start == NULL || new_end == NULL)
    {
      stmt = tandem_store_prepare (self, "DELETE FROM activity_exceptions WHERE activity_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      return tandem_store_step_done (self, stmt, error);
    }

  if (g_strcmp0 (new_rule, tandem_activity_get_rrule (existing)) == 0 &&
      g_strcmp0 (tandem_activity_get_tzid (work), tandem_activity_get_tzid (existing)) == 0 &&
      g_date_time_equal (old_start, new_start) && g_date_time_equal (old_end, new_end))
    return TRUE;

  old_tz = g_time_zone_new_identifier (tandem_activity_get_tzid (existing) ? tandem_activity_get_tzid (existing) : "UTC");
  new_tz = g_time_zone_new_identifier (tandem_activity_get_tzid (work) ? tandem_activity_get_tzid (work) : "UTC");
  if (old_tz == NULL || new_tz == NULL)
    return TRUE;

  shift = wall_clock (new_start) - wall_clock (old_start);
  old_length = g_date_time_to_unix (old_end) - g_date_time_to_unix (old_start);
  new_length = g_date_time_to_unix (new_end) - g_date_time_to_unix (new_start);

  stmt = tandem_store_prepare (self,
                               "SELECT recurrence_id, start_utc, end_utc, status, outcome"
                               " FROM activity_exceptions WHERE activity_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rows = g_array_new (FALSE, FALSE, sizeof (StoredException));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StoredException row = {
        tandem_store_utc_to_unix (tandem_store_column_text (stmt, 0)),
        tandem_store_utc_to_unix (tandem_store_column_text (stmt, 1)),
        tandem_store_utc_to_unix (tandem_store_column_text (stmt, 2)),
        sqlite3_column_int (stmt, 3),
        sqlite3_column_int (stmt, 4),
      };

      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  if (rows->len == 0)
    return TRUE;

  stmt = tandem_store_prepare (self, "DELETE FROM activity_exceptions WHERE activity_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      StoredException *row = &g_array_index (rows, StoredException, i);
      g_autoptr(GDateTime) was = g_date_time_new_from_unix_utc (row->recurrence_id);
      g_autoptr(GDateTime) was_local = g_date_time_to_timezone (was, old_tz);
      g_autoptr(GDateTime) moved = NULL;
      g_autoptr(GArray) found = NULL;
      g_autofree char *rid_text = NULL;
      g_autofree char *start_text = NULL;
      g_autofree char *end_text = NULL;
      gint64 wall = wall_clock (was_local) + shift;
      g_autoptr(GDateTime) wall_utc = g_date_time_new_from_unix_utc (wall);
      gint64 rid, start, end;

      moved = g_date_time_new (new_tz, g_date_time_get_year (wall_utc), g_date_time_get_month (wall_utc),
                               g_date_time_get_day_of_month (wall_utc), g_date_time_get_hour (wall_utc),
                               g_date_time_get_minute (wall_utc), g_date_time_get_second (wall_utc));
      if (moved == NULL)
        continue;
      rid = g_date_time_to_unix (moved);

      /* Dropped when the new rule has no occurrence there. */
      found = tandem_recurrence_expand (new_rule, new_tz, new_start, new_end, rid, rid + 1, 1, NULL);
      if (found == NULL || found->len == 0 || g_array_index (found, gint64, 0) != rid)
        continue;

      /* An occurrence only completed or cancelled keeps the series' times;
       * one moved on its own keeps where it was moved to. */
      if (row->start == row->recurrence_id && row->end == row->recurrence_id + old_length)
        {
          start = rid;
          end = rid + new_length;
        }
      else
        {
          start = row->start;
          end = row->end;
        }

      rid_text = tandem_store_unix_to_utc (rid);
      start_text = tandem_store_unix_to_utc (start);
      end_text = tandem_store_unix_to_utc (end);
      stmt = tandem_store_prepare (self,
                                   "INSERT OR REPLACE INTO activity_exceptions"
                                   " (activity_id, recurrence_id, start_utc, end_utc, status, outcome)"
                                   " VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      tandem_store_bind_text (stmt, 2, rid_text);
      tandem_store_bind_text (stmt, 3, start_text);
      tandem_store_bind_text (stmt, 4, end_text);
      sqlite3_bind_int (stmt, 5, row->status);
      sqlite3_bind_int (stmt, 6, row->outcome);
      if (!tandem_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_relations (TandemStore     *self,
                TandemActivity  *activity,
                gint64           id,
                GError         **error)
{
  const TandemReminder *reminders;
  const gint64 *ids;
  guint n;
  sqlite3_stmt *stmt;

  ids = tandem_activity_get_property_ids (activity, &n);
  if (!replace_ids (self, "DELETE FROM activity_property_values WHERE activity_id = ?",
                    "INSERT OR IGNORE INTO activity_property_values (activity_id, term_id) VALUES (?, ?)",
                    id, ids, n, error))
    return FALSE;

  ids = tandem_activity_get_person_ids (activity, &n);
  if (!replace_ids (self, "DELETE FROM activity_people WHERE activity_id = ?",
                    "INSERT OR IGNORE INTO activity_people (activity_id, person_id) VALUES (?, ?)",
                    id, ids, n, error))
    return FALSE;

  ids = tandem_activity_get_performer_ids (activity, &n);
  if (!replace_ids (self, "DELETE FROM activity_performers WHERE activity_id = ?",
                    "INSERT OR IGNORE INTO activity_performers (activity_id, user_id) VALUES (?, ?)",
                    id, ids, n, error))
    return FALSE;

  ids = tandem_activity_get_group_ids (activity, &n);
  if (tandem_activity_get_visibility (activity) != TANDEM_VISIBILITY_GROUPS)
    n = 0;
  if (!replace_ids (self, "DELETE FROM activity_teams WHERE activity_id = ?",
                    "INSERT OR IGNORE INTO activity_teams (activity_id, team_id) VALUES (?, ?)",
                    id, ids, n, error))
    return FALSE;

  /* Reminders keep their rows (and the notifications made from them)
   * when they stay; only those taken away go. */
  reminders = tandem_activity_get_reminders (activity, &n);
  stmt = tandem_store_prepare (self, "SELECT id, minutes_before, channel FROM activity_reminders"
                               " WHERE activity_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  {
    g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
    int rc;

    sqlite3_bind_int64 (stmt, 1, id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 reminder_id = sqlite3_column_int64 (stmt, 0);
        int minutes = sqlite3_column_int (stmt, 1);
        int channel = sqlite3_column_int (stmt, 2);
        gboolean kept = FALSE;

        for (guint i = 0; i < n && !kept; i++)
          kept = reminders[i].minutes_before == minutes && (int) reminders[i].channel == channel;
        if (!kept)
          g_array_append_val (gone, reminder_id);
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      return tandem_store_set_db_error (self, error);

    for (guint i = 0; i < gone->len; i++)
      {
        stmt = tandem_store_prepare (self, "DELETE FROM activity_reminders WHERE id = ?", error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, g_array_index (gone, gint64, i));
        if (!tandem_store_step_done (self, stmt, error))
          return FALSE;
      }
  }
  for (guint i = 0; i < n; i++)
    {
      if (reminders[i].minutes_before < 0 ||
          (int) reminders[i].channel < TANDEM_CHANNEL_APP || (int) reminders[i].channel > TANDEM_CHANNEL_SMS)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A reminder cannot come after the start"));
          return FALSE;
        }
      stmt = tandem_store_prepare (self,
                                   "INSERT OR IGNORE INTO activity_reminders (activity_id, minutes_before, channel)"
                                   " VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, reminders[i].minutes_before);
      sqlite3_bind_int (stmt, 3, reminders[i].channel);
      if (!tandem_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_ids (const gint64 *a,
          guint         n_a,
          const gint64 *b,
          guint         n_b)
{
  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n_b && !found; j++)
        found = a[i] == b[j];
      if (!found)
        return FALSE;
    }
  return TRUE;
}

gint64
tandem_store_save_activity (TandemStore     *self,
                            TandemActivity  *activity,
                            GError         **error)
{
  g_autoptr(TandemActivity) work = NULL;
  g_autoptr(TandemActivity) existing = NULL;
  g_auto(ActivityTimes) times = { NULL, };
  g_autofree char *title = NULL;
  g_autofree char *follow_up = NULL;
  g_autofree char *tracking = NULL;
  gint64 id, assigner_id, campaign_id, me;
  const gint64 *performers;
  guint n_performers;
  TandemStatus status;
  TandemOutcome outcome;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (activity), 0);

  if (!tandem_store_require_user (self, error))
    return 0;

  /* Checks work on a copy: the caller's activity changes only when the
   * save succeeds. */
  work = tandem_activity_copy (activity);
  id = tandem_record_get_id (TANDEM_RECORD (work));
  me = tandem_user_get_id (self->user);

  title = dup_clean (tandem_activity_get_title (work));
  if (title == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("An activity needs a title"));
      return 0;
    }
  tandem_activity_set_title (work, title);

  if (tandem_activity_get_follow_up (work) != NULL)
    {
      follow_up = tandem_date_parse (tandem_activity_get_follow_up (work));
      if (follow_up == NULL)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("“%s” is not a date; write it as 2026-12-31"), tandem_activity_get_follow_up (work));
          return 0;
        }
      tandem_activity_set_follow_up (work, follow_up);
    }

  /* A planned or cancelled activity has no outcome. */
  status = tandem_activity_get_status (work);
  if (status != TANDEM_STATUS_COMPLETED)
    tandem_activity_set_outcome (work, TANDEM_OUTCOME_NONE);
  outcome = tandem_activity_get_outcome (work);

  if (id != 0)
    {
      guint n_old, n_new;
      const gint64 *old_groups, *new_groups;

      existing = tandem_store_get_activity (self, id, error);
      if (existing == NULL)
        return 0;
      assigner_id = tandem_activity_get_assigner_id (existing);

      /* A project the user may not see is not shown, not even by its id
       * (SPEC E5); the activity stays on it unless moved to another. */
      {
        gint64 hidden = hidden_project_of (self, id);

        if (hidden != 0)
          {
            tandem_activity_set_project_id (existing, hidden);
            if (tandem_activity_get_project_id (work) == 0)
              tandem_activity_set_project_id (work, hidden);
          }
      }

      /* SPEC E2: who sees it is the author's (or an administrator's) to change. */
      old_groups = tandem_activity_get_group_ids (existing, &n_old);
      new_groups = tandem_activity_get_group_ids (work, &n_new);
      if (tandem_activity_get_visibility (work) != TANDEM_VISIBILITY_GROUPS)
        n_new = 0;
      if (tandem_activity_get_visibility (existing) != TANDEM_VISIBILITY_GROUPS)
        n_old = 0;
      /* An activity for a project's team moved to another project goes to
       * another team: that too changes who sees it. */
      if (assigner_id != me && !tandem_user_is_admin (self->user) &&
          (tandem_activity_get_visibility (existing) != tandem_activity_get_visibility (work) ||
           !same_ids (old_groups, n_old, new_groups, n_new) ||
           (tandem_activity_get_visibility (work) == TANDEM_VISIBILITY_TEAM &&
            tandem_activity_get_project_id (existing) != tandem_activity_get_project_id (work))))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                       _("Only the author or an administrator can change who sees an activity"));
          return 0;
        }

      /* Performers and the responsible person see a restricted activity, so
       * naming new ones widens it: that too is the author's to do (E2). */
      if (assigner_id != me && !tandem_user_is_admin (self->user) &&
          tandem_activity_get_visibility (existing) != TANDEM_VISIBILITY_EVERYONE)
        {
          const gint64 *old_performers, *new_performers;
          guint n_old_performers, n_new_performers;
          gint64 responsible = tandem_activity_get_responsible_id (work);
          gboolean widened = FALSE;

          old_performers = tandem_activity_get_performer_ids (existing, &n_old_performers);
          new_performers = tandem_activity_get_performer_ids (work, &n_new_performers);
          for (guint i = 0; i < n_new_performers && !widened; i++)
            if (!tandem_activity_has_performer (existing, new_performers[i]))
              widened = TRUE;
          if (responsible != 0 && responsible != tandem_activity_get_responsible_id (existing) &&
              !tandem_activity_has_performer (existing, responsible))
            widened = TRUE;
          (void) old_performers;
          (void) n_old_performers;
          if (widened)
            {
              g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                           _("Only the author or an administrator can add people to a private or group activity"));
              return 0;
            }
        }
    }
  else
    assigner_id = me;

  /* D7: the assigner performs it when nobody else is named. */
  tandem_activity_get_performer_ids (work, &n_performers);
  if (n_performers == 0)
    tandem_activity_set_performer_ids (work, &assigner_id, 1);

  if (!check_outcome (tandem_activity_get_goal_id (work), status, outcome, error) ||
      !check_times (work, &times, error) ||
      !check_terms (self, work, error) ||
      !check_links (self, work, existing, error))
    return 0;

  if (!tandem_store_begin (self, error))
    return 0;

  /* D5, after the checks above have put the times in their final form. */
  if (!tandem_store_check_busy_conflicts (self, work, error))
    goto fail;

  /* A campaign named for the first time is added (SPEC I3). */
  campaign_id = tandem_store_campaign_id_for_name (self, tandem_activity_get_campaign (work), error);
  if (campaign_id < 0)
    goto fail;

  if (id == 0)
    {
      tracking = tandem_store_next_tracking (self, error);
      if (tracking == NULL)
        goto fail;
      stmt = tandem_store_prepare (self,
                                   "INSERT INTO activities (title, category_id, kind_id, type_id, priority_id,"
                                   " goal_id, status, outcome, direction, company_id, project_id, reference, link,"
                                   " responsible_id, follow_up, description, details, internal_notes, open_ended,"
                                   " all_day, tzid, start_local, end_local, start_utc, end_utc, rrule,"
                                   " series_end_utc, busy, public, needs_completing, visibility, completed_at,"
                                   " assigner_id, tracking, campaign_id)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                                   " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31,"
                                   " CASE WHEN ?7 = 1 THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END, ?32, ?33, ?35)",
                                   error);
    }
  else
    stmt = tandem_store_prepare (self,
                                 "UPDATE activities SET title = ?1, category_id = ?2, kind_id = ?3, type_id = ?4,"
                                 " priority_id = ?5, goal_id = ?6, status = ?7, outcome = ?8, direction = ?9,"
                                 " company_id = ?10, project_id = ?11, reference = ?12, link = ?13,"
                                 " responsible_id = ?14, follow_up = ?15, description = ?16, details = ?17,"
                                 " internal_notes = ?18, open_ended = ?19, all_day = ?20, tzid = ?21,"
                                 " start_local = ?22, end_local = ?23, start_utc = ?24, end_utc = ?25, rrule = ?26,"
                                 " series_end_utc = ?27, busy = ?28, public = ?29, needs_completing = ?30,"
                                 " visibility = ?31, campaign_id = ?35,"
                                 " completed_at = CASE WHEN ?7 = 1"
                                 "   THEN coalesce (completed_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) END,"
                                 " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                 " WHERE id = ?34 AND EXISTS (SELECT 1 FROM visible_activities v WHERE v.id = activities.id)", error);
  if (stmt == NULL)
    goto fail;

#define BIND_ID(i, value) G_STMT_START { gint64 v_ = (value); if (v_ != 0) sqlite3_bind_int64 (stmt, i, v_); } G_STMT_END
  tandem_store_bind_text (stmt, 1, title);
  BIND_ID (2, tandem_activity_get_category_id (work));
  BIND_ID (3, tandem_activity_get_kind_id (work));
  BIND_ID (4, tandem_activity_get_type_id (work));
  BIND_ID (5, tandem_activity_get_priority_id (work));
  BIND_ID (6, tandem_activity_get_goal_id (work));
  sqlite3_bind_int (stmt, 7, status);
  sqlite3_bind_int (stmt, 8, outcome);
  sqlite3_bind_int (stmt, 9, tandem_activity_get_direction (work));
  BIND_ID (10, tandem_activity_get_company_id (work));
  BIND_ID (11, tandem_activity_get_project_id (work));
  tandem_store_bind_text (stmt, 12, tandem_activity_get_reference (work));
  tandem_store_bind_text (stmt, 13, tandem_activity_get_link (work));
  BIND_ID (14, tandem_activity_get_responsible_id (work));
  tandem_store_bind_text (stmt, 15, follow_up);
  tandem_store_bind_text (stmt, 16, tandem_activity_get_description (work));
  tandem_store_bind_text (stmt, 17, tandem_activity_get_details (work));
  tandem_store_bind_text (stmt, 18, tandem_activity_get_internal_notes (work));
  sqlite3_bind_int (stmt, 19, tandem_activity_get_open_ended (work));
  sqlite3_bind_int (stmt, 20, tandem_activity_get_all_day (work));
  tandem_store_bind_text (stmt, 21, tandem_activity_get_tzid (work));
  tandem_store_bind_text (stmt, 22, times.start_local);
  tandem_store_bind_text (stmt, 23, times.end_local);
  tandem_store_bind_text (stmt, 24, times.start_utc);
  tandem_store_bind_text (stmt, 25, times.end_utc);
  tandem_store_bind_text (stmt, 26, tandem_activity_get_rrule (work));
  tandem_store_bind_text (stmt, 27, times.series_end_utc);
  sqlite3_bind_int (stmt, 28, tandem_activity_get_busy (work));
  sqlite3_bind_int (stmt, 29, tandem_activity_get_public (work));
  sqlite3_bind_int (stmt, 30, tandem_activity_get_needs_completing (work));
  sqlite3_bind_int (stmt, 31, tandem_activity_get_visibility (work));
  if (id == 0)
    {
      sqlite3_bind_int64 (stmt, 32, assigner_id);
      sqlite3_bind_text (stmt, 33, tracking, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_int64 (stmt, 34, id);
  BIND_ID (35, campaign_id);
#undef BIND_ID

  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      set_activity_not_found (error, id);
      goto fail;
    }

  if ((existing != NULL && !realign_exceptions (self, existing, work, id, error)) ||
      !save_relations (self, work, id, error) ||
      !tandem_store_index_record (self, TANDEM_KIND_ACTIVITY, id, error))
    goto fail;

  if (existing != NULL)
    {
      guint n_old, n_new;
      const gint64 *old_groups = tandem_activity_get_group_ids (existing, &n_old);
      const gint64 *new_groups = tandem_activity_get_group_ids (work, &n_new);

      if (!tandem_store_record_visibility_change (self, TANDEM_KIND_ACTIVITY, id,
                                                  tandem_activity_get_visibility (existing), old_groups, n_old,
                                                  tandem_activity_get_visibility (work), new_groups, n_new,
                                                  error))
        goto fail;
    }

  if (!tandem_store_commit (self, error))
    return 0;

  /* What the store decided goes back to the caller's activity. */
  {
    g_autoptr(TandemActivity) saved = tandem_store_get_activity (self, id, NULL);

    tandem_record_set_id (TANDEM_RECORD (activity), id);
    tandem_activity_set_kind_id (activity, tandem_activity_get_kind_id (work));
    tandem_activity_set_type_id (activity, tandem_activity_get_type_id (work));
    tandem_activity_set_outcome (activity, outcome);
    performers = tandem_activity_get_performer_ids (work, &n_performers);
    tandem_activity_set_performer_ids (activity, performers, n_performers);
    tandem_activity_set_tzid (activity, tandem_activity_get_tzid (work));
    tandem_activity_set_times (activity, tandem_activity_get_start (work), tandem_activity_get_end (work));
    if (saved != NULL)
      tandem_activity_set_loaded (activity,
                                  tandem_activity_get_tracking (saved),
                                  tandem_activity_get_assigner_id (saved),
                                  tandem_activity_get_assigner_name (saved),
                                  tandem_activity_get_category_name (saved),
                                  tandem_activity_get_company_name (saved),
                                  tandem_activity_get_person_names (saved),
                                  tandem_activity_get_created_at (saved),
                                  tandem_activity_get_updated_at (saved),
                                  tandem_activity_get_completed_at (saved));
    if (saved != NULL)
      tandem_activity_set_project_name (activity, tandem_activity_get_project_name (saved));
    else
      /* Saved so that the user no longer sees it (E1): what they gave
       * stays, with the number it got. */
      tandem_activity_set_loaded (activity,
                                  tracking ? tracking : tandem_activity_get_tracking (activity),
                                  assigner_id,
                                  tandem_activity_get_assigner_name (activity),
                                  tandem_activity_get_category_name (activity),
                                  tandem_activity_get_company_name (activity),
                                  tandem_activity_get_person_names (activity),
                                  tandem_activity_get_created_at (activity),
                                  tandem_activity_get_updated_at (activity),
                                  tandem_activity_get_completed_at (activity));
  }

  tandem_store_emit_changed (self, TANDEM_KIND_ACTIVITY, id);
  return id;

fail:
  tandem_store_rollback (self);
  return 0;
}

gboolean
tandem_store_set_activity_status (TandemStore    *self,
                                  gint64          id,
                                  TandemStatus    status,
                                  TandemOutcome   outcome,
                                  GError        **error)
{
  g_autoptr(TandemActivity) activity = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error))
    return FALSE;

  if ((int) status < TANDEM_STATUS_PLANNED || (int) status > TANDEM_STATUS_CANCELLED ||
      (int) outcome < TANDEM_OUTCOME_NONE || (int) outcome > TANDEM_OUTCOME_FAILURE)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("Unknown status or outcome"));
      return FALSE;
    }

  activity = tandem_store_get_activity (self, id, error);
  if (activity == NULL)
    return FALSE;
  if (status != TANDEM_STATUS_COMPLETED)
    outcome = TANDEM_OUTCOME_NONE;
  if (!check_outcome (tandem_activity_get_goal_id (activity), status, outcome, error))
    return FALSE;

  /* Planning a cancelled busy activity again may make it overlap. */
  if (status != TANDEM_STATUS_CANCELLED && tandem_activity_get_status (activity) == TANDEM_STATUS_CANCELLED)
    {
      tandem_activity_set_status (activity, status);
      tandem_activity_set_outcome (activity, outcome);
      if (!tandem_store_check_busy_conflicts (self, activity, error))
        return FALSE;
    }

  if (!tandem_store_begin (self, error))
    return FALSE;
  stmt = tandem_store_prepare (self,
                               "UPDATE activities SET status = ?1, outcome = ?2,"
                               " completed_at = CASE WHEN ?1 = 1"
                               "   THEN coalesce (completed_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) END,"
                               " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                               " WHERE id = ?3 AND EXISTS (SELECT 1 FROM visible_activities v WHERE v.id = activities.id)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, status);
  sqlite3_bind_int (stmt, 2, outcome);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (!tandem_store_commit (self, error))
    return FALSE;

  tandem_store_emit_changed (self, TANDEM_KIND_ACTIVITY, id);
  return TRUE;

fail:
  tandem_store_rollback (self);
  return FALSE;
}

/* Lists (B6, C3, D13, D17, D19), all through visible_activities */

GPtrArray *
tandem_store_list_activities_of (TandemStore  *self,
                                 TandemKind    kind,
                                 gint64        id,
                                 GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  /* B6: a company's activities include those of its people, wherever
   * else they are linked. */
  if (kind == TANDEM_KIND_COMPANY)
    stmt = tandem_store_prepare (self,
                                 "SELECT " ACTIVITY_COLUMNS " FROM visible_activities a"
                                 " WHERE a.company_id = ?1 OR a.id IN (SELECT ap.activity_id FROM activity_people ap"
                                 "   JOIN visible_people vp ON vp.id = ap.person_id WHERE vp.company_id = ?1)"
                                 " ORDER BY a.open_ended DESC, a.start_utc DESC, a.id DESC", error);
  else if (kind == TANDEM_KIND_PERSON)
    stmt = tandem_store_prepare (self,
                                 "SELECT " ACTIVITY_COLUMNS " FROM visible_activities a"
                                 " WHERE a.id IN (SELECT ap.activity_id FROM activity_people ap"
                                 "   WHERE ap.person_id = ?1)"
                                 " ORDER BY a.open_ended DESC, a.start_utc DESC, a.id DESC", error);
  /* I3: a campaign's activities. */
  else if (kind == TANDEM_KIND_CAMPAIGN)
    stmt = tandem_store_prepare (self,
                                 "SELECT " ACTIVITY_COLUMNS " FROM visible_activities a"
                                 " WHERE a.campaign_id = ?1"
                                 " ORDER BY a.open_ended DESC, a.start_utc DESC, a.id DESC", error);
  /* H4: a project's activities, only while the user may see the project
   * (its performers still see an activity, but not under the project). */
  else if (kind == TANDEM_KIND_PROJECT)
    stmt = tandem_store_prepare (self,
                                 "SELECT " ACTIVITY_COLUMNS " FROM visible_activities a"
                                 " WHERE a.project_id = ?1"
                                 "   AND EXISTS (SELECT 1 FROM visible_projects vp WHERE vp.id = ?1)"
                                 " ORDER BY a.open_ended DESC, a.start_utc DESC, a.id DESC", error);
  else
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Activities are listed for companies, people, projects and campaigns"));
      return NULL;
    }
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return run_activity_query (self, stmt, error);
}

GPtrArray *
tandem_store_list_to_complete (TandemStore  *self,
                               GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self,
                               "SELECT " ACTIVITY_COLUMNS " FROM visible_activities a"
                               " WHERE a.needs_completing = 1"
                               "   AND (a.assigner_id = ?1 OR " PERFORMS_OR_RESPONSIBLE ")"
                               " ORDER BY a.start_utc IS NULL, a.start_utc, a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, tandem_user_get_id (self->user));
  return run_activity_query (self, stmt, error);
}

/* D17. The due date of a recurring activity is the end of its series;
 * one that repeats for ever is never overdue as a whole, and comes after
 * those with a date. */
GPtrArray *
tandem_store_list_start_page (TandemStore  *self,
                              GDateTime    *now,
                              GError      **error)
{
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *now_utc = NULL;
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  now_utc = format_utc (now);
  local_now = g_date_time_to_local (now);
  today = g_date_time_format (local_now, "%Y-%m-%d");

#define DUE "(CASE WHEN a.rrule IS NULL THEN a.end_utc ELSE a.series_end_utc END)"
  stmt = tandem_store_prepare (self,
                               "SELECT " ACTIVITY_COLUMNS " FROM visible_activities a"
                               " WHERE a.status = 0 AND " PERFORMS_OR_RESPONSIBLE
                               "   AND (a.end_utc IS NOT NULL OR a.follow_up IS NOT NULL)"
                               " ORDER BY (" DUE " < ?2 OR a.follow_up < ?3) DESC,"
                               "   min (coalesce (" DUE ", '9999'), coalesce (a.follow_up, '9999')),"
                               "   a.id", error);
#undef DUE
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, tandem_user_get_id (self->user));
  sqlite3_bind_text (stmt, 2, now_utc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  return run_activity_query (self, stmt, error);
}

GPtrArray *
tandem_store_list_category_activities (TandemStore  *self,
                                       gint64        category_id,
                                       guint         limit,
                                       GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self,
                               "SELECT " ACTIVITY_COLUMNS " FROM visible_activities a"
                               " WHERE a.category_id = ?2 AND " PERFORMS_OR_RESPONSIBLE
                               " ORDER BY coalesce (a.start_utc, a.created_at) DESC, a.id DESC LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, tandem_user_get_id (self->user));
  sqlite3_bind_int64 (stmt, 2, category_id);
  sqlite3_bind_int (stmt, 3, limit > 0 ? (int) MIN (limit, G_MAXINT) : -1);
  return run_activity_query (self, stmt, error);
}
