/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-report.h"
#include "tandem-store-private.h"

/*
 * The audit trail. The triggers of 0011-audit.sql write it; this file
 * gives them who is signed in on the connection, records exports, and
 * reads the trail for administrators.
 *
 * An entry names its record by kind and id only. Reading the trail looks
 * the record's title up for the administrator reading it: through the
 * visibility views for notes, activities, projects, tasks and documents,
 * so that what they may not see stays out of sight (SPEC E; no exception
 * for administrators); from the tables for what every signed-in user
 * sees (companies, people, campaigns, users and groups), deleted ones
 * too. A record created after the entry is a later one that got the same
 * id, and lends it no title.
 */

#define TITLE_LENGTH 80

#define ENTRY_COLUMNS \
  "l.id, l.at, l.user_id, l.user_name, l.action, l.record_kind, l.record_id, l.detail,"
#define TITLE_OF(table, column) \
  "(SELECT r." column " FROM " table " r WHERE r.id = l.record_id AND r.created_at <= l.at)"
#define TITLE_COLUMNS \
  " CASE l.record_kind" \
  "   WHEN 1 THEN " TITLE_OF ("main.companies", "name") \
  "   WHEN 2 THEN " TITLE_OF ("main.people", "name") \
  "   WHEN 3 THEN (SELECT substr (r.body, 1, 400) FROM temp.visible_notes r" \
  "                WHERE r.id = l.record_id AND r.created_at <= l.at)" \
  "   WHEN 4 THEN " TITLE_OF ("temp.visible_activities", "title") \
  "   WHEN 5 THEN " TITLE_OF ("temp.visible_projects", "name") \
  "   WHEN 6 THEN " TITLE_OF ("temp.visible_tasks", "title") \
  "   WHEN 7 THEN " TITLE_OF ("main.campaigns", "name") \
  "   WHEN 8 THEN (SELECT coalesce (r.title, (SELECT v.file_name FROM main.document_versions v" \
  "                  WHERE v.document_id = r.id AND v.number = r.current_version))" \
  "                FROM temp.visible_documents r WHERE r.id = l.record_id AND r.created_at <= l.at)" \
  "   WHEN 101 THEN " TITLE_OF ("main.users", "name") \
  "   WHEN 102 THEN (SELECT r.name FROM main.teams r WHERE r.id = l.record_id)" \
  "   WHEN 103 THEN (SELECT r.name FROM main.contact_groups r WHERE r.id = l.record_id)" \
  " END," \
  " CASE WHEN l.record_kind = 103" \
  "   THEN (SELECT r.builtin FROM main.contact_groups r WHERE r.id = l.record_id AND r.name IS NULL) END"

/* Static helpers */

static void
session_user_func (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  TandemStore *self = sqlite3_user_data (context);

  if (self != NULL && self->user != NULL)
    sqlite3_result_int64 (context, tandem_user_get_id (self->user));
  else
    sqlite3_result_null (context);
}

static void
session_user_name_func (sqlite3_context  *context,
                        int               argc,
                        sqlite3_value   **argv)
{
  TandemStore *self = sqlite3_user_data (context);

  if (self != NULL && self->user != NULL)
    sqlite3_result_text (context, tandem_user_get_name (self->user), -1, SQLITE_TRANSIENT);
  else
    sqlite3_result_null (context);
}

/* A note's title: its first line, shortened */
static char *
first_line (const char *text)
{
  const char *end;
  g_autofree char *line = NULL;

  while (*text == '\n' || *text == '\r' || *text == ' ' || *text == '\t')
    text++;
  end = strpbrk (text, "\r\n");
  line = end != NULL ? g_strndup (text, end - text) : g_strdup (text);
  if (!g_utf8_validate (line, -1, NULL))
    return g_utf8_make_valid (line, -1);
  if (g_utf8_strlen (line, -1) > TITLE_LENGTH)
    {
      g_autofree char *start = g_utf8_substring (line, 0, TITLE_LENGTH - 1);

      return g_strconcat (g_strchomp (start), "…", NULL);
    }
  return g_steal_pointer (&line);
}

static gpointer
load_entry (TandemStore  *self,
            sqlite3_stmt *stmt)
{
  TandemAuditAction action = TANDEM_AUDIT_CHANGED;
  int kind = sqlite3_column_int (stmt, 5);
  gint64 record_id = sqlite3_column_int64 (stmt, 6);
  const char *title = tandem_store_column_text (stmt, 8);
  const char *builtin = tandem_store_column_text (stmt, 9);
  g_autofree char *owned_title = NULL;

  tandem_audit_action_from_string (tandem_store_column_text (stmt, 4), &action);

  if (kind == TANDEM_KIND_NOTE && title != NULL)
    title = owned_title = first_line (title);
  else if (kind == TANDEM_AUDIT_KIND_CONTACT_GROUP && builtin != NULL)
    title = g_dpgettext2 (GETTEXT_PACKAGE, "contact group", builtin);
  else if (kind == TANDEM_AUDIT_KIND_REPORT && record_id >= 0 && record_id < TANDEM_N_REPORT_TYPES)
    title = tandem_report_type_get_label ((TandemReportType) record_id);

  return tandem_audit_entry_new (sqlite3_column_int64 (stmt, 0),
                                 tandem_store_column_text (stmt, 1),
                                 sqlite3_column_int64 (stmt, 2),
                                 tandem_store_column_text (stmt, 3),
                                 action, kind, record_id, title,
                                 tandem_store_column_text (stmt, 7));
}

/* Private API */

gboolean
tandem_store_audit_register_functions (TandemStore  *self,
                                       GError      **error)
{
  /* Not deterministic (the session changes), and without side effects,
   * so that the schema's triggers may call them. */
  int flags = SQLITE_UTF8 | SQLITE_INNOCUOUS;

  if (sqlite3_create_function_v2 (self->db, "tandem_session_user", 0, flags, self,
                                  session_user_func, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function_v2 (self->db, "tandem_session_user_name", 0, flags, self,
                                  session_user_name_func, NULL, NULL, NULL) != SQLITE_OK)
    return tandem_store_set_db_error (self, error);
  return TRUE;
}

/* Public API */

gboolean
tandem_store_audit_export (TandemStore  *self,
                           int           kind,
                           gint64        id,
                           const char   *what,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (what != NULL && what[0] != '\0', FALSE);

  if (!tandem_store_require_user (self, error))
    return FALSE;

  stmt = tandem_store_prepare (self,
                               "INSERT INTO main.audit_log (user_id, user_name, action, record_kind, record_id, detail)"
                               " VALUES (tandem_session_user (), tandem_session_user_name (), 'exported', ?1, ?2, ?3)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, kind);
  if (id != 0 || kind == TANDEM_AUDIT_KIND_REPORT)
    sqlite3_bind_int64 (stmt, 2, id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, what, -1, SQLITE_TRANSIENT);
  return tandem_store_step_done (self, stmt, error);
}

GPtrArray *
tandem_store_list_audit (TandemStore              *self,
                         const TandemAuditFilter  *filter,
                         TandemAuditEntry         *after,
                         guint                     limit,
                         GError                  **error)
{
  static const TandemAuditFilter everything = { 0, 0, 0, TANDEM_AUDIT_ANY, 0 };
  g_autoptr(GString) sql = g_string_new ("SELECT " ENTRY_COLUMNS TITLE_COLUMNS
                                         " FROM main.audit_log l WHERE 1");
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (after == NULL || TANDEM_IS_AUDIT_ENTRY (after), NULL);

  if (!tandem_store_require_admin (self, error))
    return NULL;
  if (filter == NULL)
    filter = &everything;

  /* Numbered parameters, so that one statement per set of filters is
   * kept in the cache. */
  if (filter->from > 0)
    {
      from = tandem_store_unix_to_utc (filter->from);
      g_string_append (sql, " AND l.at >= ?1");
    }
  if (filter->until > 0)
    {
      until = tandem_store_unix_to_utc (filter->until);
      g_string_append (sql, " AND l.at < ?2");
    }
  if (filter->user_id != 0)
    g_string_append (sql, " AND l.user_id = ?3");
  if (filter->action != TANDEM_AUDIT_ANY)
    g_string_append (sql, " AND l.action = ?4");
  if (filter->kind != 0)
    g_string_append (sql, " AND l.record_kind = ?5");
  if (after != NULL)
    g_string_append (sql, " AND (l.at, l.id) < (?6, ?7)");
  g_string_append (sql, " ORDER BY l.at DESC, l.id DESC LIMIT ?8");

  stmt = tandem_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  tandem_store_bind_text (stmt, 1, from);
  tandem_store_bind_text (stmt, 2, until);
  sqlite3_bind_int64 (stmt, 3, filter->user_id);
  if (filter->action != TANDEM_AUDIT_ANY)
    sqlite3_bind_text (stmt, 4, tandem_audit_action_to_string (filter->action), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, filter->kind);
  if (after != NULL)
    {
      tandem_store_bind_text (stmt, 6, tandem_audit_entry_get_at (after));
      sqlite3_bind_int64 (stmt, 7, tandem_audit_entry_get_id (after));
    }
  sqlite3_bind_int64 (stmt, 8, limit > 0 ? (gint64) limit : -1);

  return tandem_store_collect (self, stmt, load_entry, g_object_unref, error);
}
