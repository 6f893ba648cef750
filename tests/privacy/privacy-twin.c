/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPrivacy"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "privacy-org.h"

/*
 * The twin of the organisation as one user sees it: the same database with
 * every record the user may not see removed by plain SQL, as if it had
 * never been written. Every read path must give the user the same bytes on
 * the organisation and on their twin; a count, a sum, a page, an "n more"
 * or a message that a hidden record changes shows up as a difference.
 *
 * The removal deliberately goes around the store: it must not depend on
 * the visibility rule it checks. Foreign keys remove what hangs on a
 * removed record (teams, members, performers, messages, reminders, timers,
 * sale history …); the search index and the visibility history, which have
 * none, are cleaned here. The database's triggers (the audit trail) are
 * set aside meanwhile so that the removal leaves no entries of its own,
 * and put back after.
 *
 * A busy activity the user may not see stays, as the calendar and the
 * busy-conflict check may show its time as "Busy" (SPEC E3): it keeps its
 * times, recurrence, exceptions and performers and loses everything else.
 */

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("twin: %s: %s", sql, message);
}

static void
exec_id (sqlite3    *db,
         const char *sql,
         gint64      id)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("twin: %s: %s", sql, sqlite3_errmsg (db));
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    sqlite3_bind_int64 (stmt, i, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("twin: %s (%" G_GINT64_FORMAT "): %s", sql, id, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
}

static gboolean
table_exists (sqlite3    *db,
              const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

/* The search index rows and the visibility history of a record. The index
 * rows are found by the record's marker rather than by how the store
 * numbers them: every row that holds the marker goes. */
static void
forget (sqlite3       *db,
        PrivacyRecord *record,
        TandemKind     kind)
{
  g_autofree char *history = g_strdup_printf ("DELETE FROM visibility_changes WHERE record_kind = %d"
                                              " AND record_id = ?1", kind);
  g_autofree char *match = g_strdup_printf ("DELETE FROM search_index WHERE search_index MATCH '\"%s\"'",
                                            record->marker);

  exec (db, match);
  exec_id (db, history, record->id);
}

static void
scrub_busy (sqlite3       *db,
            PrivacyRecord *record)
{
  static const char * const sql[] = {
    "UPDATE activities SET title = 'Busy', category_id = NULL, kind_id = NULL, type_id = NULL,"
    " priority_id = NULL, goal_id = NULL, outcome = 0, direction = 0, project_id = NULL,"
    " reference = NULL, link = NULL, responsible_id = NULL, follow_up = NULL, description = NULL,"
    " details = NULL, internal_notes = NULL, public = 0, needs_completing = 0, visibility = 2,"
    " campaign_id = NULL WHERE id = ?1",
    "DELETE FROM activity_teams WHERE activity_id = ?1",
    "DELETE FROM activity_people WHERE activity_id = ?1",
    "DELETE FROM activity_property_values WHERE activity_id = ?1",
    "DELETE FROM activity_messages WHERE activity_id = ?1",
    "DELETE FROM activity_attachments WHERE activity_id = ?1",
    "DELETE FROM activity_timers WHERE activity_id = ?1",
    "DELETE FROM activity_reminders WHERE activity_id = ?1",
    "DELETE FROM notifications WHERE activity_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    exec_id (db, sql[i], record->id);
  forget (db, record, TANDEM_KIND_ACTIVITY);
}

static void
remove_record (sqlite3       *db,
               PrivacyRecord *record)
{
  switch (record->kind)
    {
    case PRIVACY_COMPANY:
      exec_id (db, "DELETE FROM companies WHERE id = ?1", record->id);
      forget (db, record, TANDEM_KIND_COMPANY);
      break;
    case PRIVACY_PERSON:
      exec_id (db, "DELETE FROM people WHERE id = ?1", record->id);
      forget (db, record, TANDEM_KIND_PERSON);
      break;
    case PRIVACY_NOTE:
      exec_id (db, "DELETE FROM notes WHERE id = ?1", record->id);
      forget (db, record, TANDEM_KIND_NOTE);
      break;
    case PRIVACY_ACTIVITY:
      exec_id (db, "DELETE FROM activities WHERE id = ?1", record->id);
      forget (db, record, TANDEM_KIND_ACTIVITY);
      break;
    case PRIVACY_PROJECT:
      exec_id (db, "DELETE FROM projects WHERE id = ?1", record->id);
      forget (db, record, TANDEM_KIND_PROJECT);
      break;
    case PRIVACY_TASK:
      exec_id (db, "DELETE FROM project_tasks WHERE id = ?1", record->id);
      forget (db, record, TANDEM_KIND_TASK);
      break;
    case PRIVACY_DOCUMENT:
      exec_id (db, "DELETE FROM documents WHERE id = ?1", record->id);
      forget (db, record, TANDEM_KIND_DOCUMENT);
      break;
    case PRIVACY_MESSAGE:
      exec_id (db, "DELETE FROM activity_messages WHERE id = ?1", record->id);
      forget (db, record, TANDEM_KIND_NONE);
      break;
    case PRIVACY_ATTACHMENT:
      exec_id (db, "DELETE FROM activity_attachments WHERE id = ?1", record->id);
      forget (db, record, TANDEM_KIND_NONE);
      break;
    case PRIVACY_SAVED_SEARCH:
      exec_id (db, "DELETE FROM saved_searches WHERE id = ?1", record->id);
      forget (db, record, TANDEM_KIND_NONE);
      break;
    case PRIVACY_CAMPAIGN:
      exec_id (db, "DELETE FROM campaigns WHERE id = ?1", record->id);
      forget (db, record, TANDEM_KIND_CAMPAIGN);
      break;
    case PRIVACY_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* Copies the database page by page, so that every rowid stays. */
static void
copy_database (const char *from,
               const char *to)
{
  sqlite3 *src = NULL, *dst = NULL;
  sqlite3_backup *backup;

  g_unlink (to);
  g_assert_cmpint (sqlite3_open_v2 (from, &src, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_open (to, &dst), ==, SQLITE_OK);
  backup = sqlite3_backup_init (dst, "main", src, "main");
  g_assert_nonnull (backup);
  g_assert_cmpint (sqlite3_backup_step (backup, -1), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_backup_finish (backup), ==, SQLITE_OK);
  sqlite3_close (src);
  sqlite3_close (dst);
}

void
privacy_org_write_twin (PrivacyOrg *org,
                        int         user,
                        const char *twin_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) trigger_names = g_ptr_array_new_with_free_func (g_free);

  copy_database (org->path, twin_path);
  g_assert_cmpint (sqlite3_open (twin_path, &db), ==, SQLITE_OK);
  exec (db, "PRAGMA foreign_keys = ON");
  exec (db, "BEGIN");

  sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (trigger_names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < trigger_names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", (char *) g_ptr_array_index (trigger_names, i));

      exec (db, drop);
    }

  /* The busy ones first, so that removing their projects cannot reach them */
  for (guint i = 0; i < org->records->len; i++)
    {
      PrivacyRecord *record = g_ptr_array_index (org->records, i);

      if (privacy_org_masked_busy (org, user, record))
        scrub_busy (db, record);
    }
  for (guint i = 0; i < org->records->len; i++)
    {
      PrivacyRecord *record = g_ptr_array_index (org->records, i);

      if (privacy_org_sees (org, user, record) || privacy_org_masked_busy (org, user, record))
        continue;
      if (record->kind == PRIVACY_DOCUMENT && !table_exists (db, "documents"))
        continue;
      remove_record (db, record);
    }

  for (guint i = 0; i < triggers->len; i++)
    exec (db, g_ptr_array_index (triggers, i));
  exec (db, "COMMIT");

  /* The twin is a database the store could have written */
  sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_error ("twin of %s: a row of %s points to a removed record", org->users[user].login,
             sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A copy of the organisation's database as it is, for a run that must not
 * change the original. */
void
privacy_org_write_copy (PrivacyOrg *org,
                        const char *path)
{
  copy_database (org->path, path);
}
