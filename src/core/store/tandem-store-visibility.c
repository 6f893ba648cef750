/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "tandem-store-private.h"

/*
 * SPEC E, decided here and nowhere else. Every read path of the store
 * reads these per-connection views instead of the tables; they show
 * nothing while nobody is signed in.
 *
 * A company or person is visible to every signed-in user while it is not
 * deleted. A note is visible when its company or person is, and
 *   - its visibility is "everyone who may see the record", or
 *   - the user wrote it, or
 *   - its visibility is "chosen groups" and the user is in one of them.
 * A private note is seen by its author alone; administrators get no
 * exception, so that what a team restricts stays restricted (SPEC E2).
 *
 * An activity is visible when it is not deleted, its company (if any) is
 * not deleted, and
 *   - its visibility is "everyone who may see the customer", or
 *   - the user is its assigner (author), one of its performers or its
 *     responsible person — whatever its visibility, or
 *   - its visibility is "chosen groups" and the user is in one of them.
 * A private activity is thus seen by the people who work on it alone;
 * again administrators get no exception.
 *
 * A project (or sales project) is visible when it is not deleted, its
 * company is not deleted, and
 *   - its visibility is "everyone who may see the customer", or
 *   - the user is its author, its seller or a member of its team, or
 *   - its visibility is "chosen groups" and the user is in one of them.
 * Notes and activities on a project are visible only while the project is
 * (an activity's assigner, performers and responsible person excepted:
 * they still see the activity, without the project). A note or activity
 * restricted to the project team is seen by the project's members at the
 * time of reading (and its author); one restricted to chosen groups stays
 * with those groups whoever joins the team later (SPEC E2).
 *
 * A document is visible when the record it is on is — a company or
 * person not deleted, a project by the project rule above, an activity by
 * the activity rule (a document on an activity is seen only while the
 * activity is) — and, as a note,
 *   - its visibility is "everyone who may see the record", or
 *   - the user added it, or
 *   - its visibility is "chosen groups" and the user is in one of them, or
 *   - it is restricted to the project team and the user is a member.
 * Every read of a document, its versions and its bytes goes through
 * visible_documents.
 *
 * A project task is seen by the members of its project only, even by
 * people who may see the customer (SPEC E4); among them by all (team),
 * by the chosen groups, or by its author and responsible person alone.
 *
 * masked_busy_activities holds the other busy activities, the ones the
 * user may not see (SPEC E3): planned or completed, with times, company
 * not deleted. Only the calendar and the busy-conflict check read it, and
 * only times leave it: its columns are limited to what places an
 * occurrence in time (the performers are joined from activity_performers
 * by the calendar code). Whatever reads it shows the result as "Busy".
 */

/* The activity rule, shared by the two activity views below so that
 * "visible" and "masked" can never overlap or leave a gap. Every term is
 * TRUE or FALSE, never NULL ("IS" for the optional responsible person),
 * so that its negation holds exactly the activities it leaves out. */
#define ACTIVITY_COMPANY_SHOWN \
  "(a.company_id IS NULL OR EXISTS (SELECT 1 FROM main.companies c" \
  "  WHERE c.id = a.company_id AND c.deleted = 0))"
#define SESSION_USER "(SELECT user_id FROM temp.tandem_session)"

/* The project rule, for a project aliased "p" (its company's deletion is
 * checked separately). */
#define PROJECT_SEEN \
  "(p.visibility = 0" \
  " OR p.author_id = " SESSION_USER \
  " OR p.seller_id IS " SESSION_USER \
  " OR EXISTS (SELECT 1 FROM main.project_members pm" \
  "      WHERE pm.project_id = p.id AND pm.user_id = " SESSION_USER ")" \
  " OR (p.visibility = 1 AND EXISTS (SELECT 1 FROM main.project_teams pt" \
  "      JOIN main.team_members tm ON tm.team_id = pt.team_id" \
  "      WHERE pt.project_id = p.id AND tm.user_id = " SESSION_USER ")))"
#define PROJECT_SHOWN(column) \
  "(" column " IS NULL OR EXISTS (SELECT 1 FROM main.projects p" \
  "  JOIN main.companies pc ON pc.id = p.company_id" \
  "  WHERE p.id = " column " AND p.deleted = 0 AND pc.deleted = 0" \
  "    AND " PROJECT_SEEN "))"
#define IS_PROJECT_MEMBER(column) \
  "EXISTS (SELECT 1 FROM main.project_members pm" \
  "  WHERE pm.project_id = " column " AND pm.user_id = " SESSION_USER ")"

#define ACTIVITY_SEEN \
  "(a.assigner_id = " SESSION_USER \
  " OR a.responsible_id IS " SESSION_USER \
  " OR EXISTS (SELECT 1 FROM main.activity_performers ap" \
  "      WHERE ap.activity_id = a.id" \
  "        AND ap.user_id = " SESSION_USER ")" \
  " OR (" PROJECT_SHOWN ("a.project_id") \
  "     AND (a.visibility = 0" \
  "          OR (a.visibility = 1 AND EXISTS (SELECT 1 FROM main.activity_teams at" \
  "               JOIN main.team_members tm ON tm.team_id = at.team_id" \
  "               WHERE at.activity_id = a.id" \
  "                 AND tm.user_id = " SESSION_USER "))" \
  "          OR (a.visibility = 3 AND " IS_PROJECT_MEMBER ("a.project_id") "))))"

static const char visibility_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS tandem_session (user_id INTEGER NOT NULL);"
  "DROP VIEW IF EXISTS temp.visible_companies;"
  "DROP VIEW IF EXISTS temp.visible_people;"
  "DROP VIEW IF EXISTS temp.visible_notes;"
  "DROP VIEW IF EXISTS temp.masked_busy_activities;"
  "DROP VIEW IF EXISTS temp.visible_activities;"
  "DROP VIEW IF EXISTS temp.visible_projects;"
  "DROP VIEW IF EXISTS temp.visible_tasks;"
  "DROP VIEW IF EXISTS temp.visible_documents;"
  /* The session is read through constant subqueries rather than joined,
   * so that SQLite flattens the views into the queries that use them and
   * keeps using the tables' indexes (name order, primary keys). */
  "CREATE TEMP VIEW visible_companies AS"
  "  SELECT c.* FROM main.companies c"
  "  WHERE c.deleted = 0 AND EXISTS (SELECT 1 FROM temp.tandem_session);"
  "CREATE TEMP VIEW visible_people AS"
  "  SELECT p.* FROM main.people p"
  "  WHERE p.deleted = 0 AND EXISTS (SELECT 1 FROM temp.tandem_session);"
  "CREATE TEMP VIEW visible_notes AS"
  "  SELECT n.* FROM main.notes n"
  "  WHERE n.deleted = 0 AND EXISTS (SELECT 1 FROM temp.tandem_session)"
  "    AND (n.company_id IS NULL OR EXISTS (SELECT 1 FROM main.companies c"
  "         WHERE c.id = n.company_id AND c.deleted = 0))"
  "    AND (n.person_id IS NULL OR EXISTS (SELECT 1 FROM main.people p"
  "         WHERE p.id = n.person_id AND p.deleted = 0))"
  "    AND " PROJECT_SHOWN ("n.project_id")
  "    AND (n.visibility = 0"
  "         OR n.author_id = " SESSION_USER
  "         OR (n.visibility = 1 AND EXISTS (SELECT 1 FROM main.note_teams nt"
  "              JOIN main.team_members tm ON tm.team_id = nt.team_id"
  "              WHERE nt.note_id = n.id"
  "                AND tm.user_id = " SESSION_USER "))"
  "         OR (n.visibility = 3 AND " IS_PROJECT_MEMBER ("n.project_id") "));"
  "CREATE TEMP VIEW visible_projects AS"
  "  SELECT p.* FROM main.projects p"
  "  WHERE p.deleted = 0 AND EXISTS (SELECT 1 FROM temp.tandem_session)"
  "    AND EXISTS (SELECT 1 FROM main.companies c"
  "         WHERE c.id = p.company_id AND c.deleted = 0)"
  "    AND " PROJECT_SEEN ";"
  "CREATE TEMP VIEW visible_tasks AS"
  "  SELECT t.* FROM main.project_tasks t"
  "  WHERE t.deleted = 0 AND EXISTS (SELECT 1 FROM temp.tandem_session)"
  "    AND EXISTS (SELECT 1 FROM main.projects p"
  "         JOIN main.companies c ON c.id = p.company_id"
  "         WHERE p.id = t.project_id AND p.deleted = 0 AND c.deleted = 0)"
  "    AND " IS_PROJECT_MEMBER ("t.project_id")
  "    AND (t.visibility = 3"
  "         OR t.author_id = " SESSION_USER
  "         OR t.responsible_id IS " SESSION_USER
  "         OR (t.visibility = 1 AND EXISTS (SELECT 1 FROM main.project_task_teams tt"
  "              JOIN main.team_members tm ON tm.team_id = tt.team_id"
  "              WHERE tt.task_id = t.id AND tm.user_id = " SESSION_USER ")));"
  "CREATE TEMP VIEW visible_activities AS"
  "  SELECT a.* FROM main.activities a"
  "  WHERE a.deleted = 0 AND EXISTS (SELECT 1 FROM temp.tandem_session)"
  "    AND " ACTIVITY_COMPANY_SHOWN
  "    AND " ACTIVITY_SEEN ";"
  /* The negation of the same rule, row by row, rather than "NOT IN
   * visible_activities", which would read every visible activity for
   * each calendar range. */
  "CREATE TEMP VIEW masked_busy_activities AS"
  "  SELECT a.id, a.tzid, a.start_local, a.end_local, a.start_utc, a.end_utc,"
  "         a.rrule, a.series_end_utc, a.all_day"
  "  FROM main.activities a"
  "  WHERE a.deleted = 0 AND a.busy = 1 AND a.status <> 2 AND a.open_ended = 0"
  "    AND EXISTS (SELECT 1 FROM temp.tandem_session)"
  "    AND " ACTIVITY_COMPANY_SHOWN
  "    AND NOT " ACTIVITY_SEEN ";"
  "CREATE TEMP VIEW visible_documents AS"
  "  SELECT d.* FROM main.documents d"
  "  WHERE d.deleted = 0 AND EXISTS (SELECT 1 FROM temp.tandem_session)"
  "    AND (d.company_id IS NULL OR EXISTS (SELECT 1 FROM main.companies c"
  "         WHERE c.id = d.company_id AND c.deleted = 0))"
  "    AND (d.person_id IS NULL OR EXISTS (SELECT 1 FROM main.people p"
  "         WHERE p.id = d.person_id AND p.deleted = 0))"
  "    AND " PROJECT_SHOWN ("d.project_id")
  "    AND (d.activity_id IS NULL OR EXISTS (SELECT 1 FROM main.activities a"
  "         WHERE a.id = d.activity_id AND a.deleted = 0"
  "           AND " ACTIVITY_COMPANY_SHOWN " AND " ACTIVITY_SEEN "))"
  "    AND (d.visibility = 0"
  "         OR d.author_id = " SESSION_USER
  "         OR (d.visibility = 1 AND EXISTS (SELECT 1 FROM main.document_teams dt"
  "              JOIN main.team_members tm ON tm.team_id = dt.team_id"
  "              WHERE dt.document_id = d.id"
  "                AND tm.user_id = " SESSION_USER "))"
  "         OR (d.visibility = 3 AND " IS_PROJECT_MEMBER ("d.project_id") "));";

gboolean
tandem_store_visibility_install (TandemStore  *self,
                                 GError      **error)
{
  return tandem_store_exec (self, visibility_sql, error);
}

gboolean
tandem_store_visibility_set_user (TandemStore  *self,
                                  gint64        user_id,
                                  GError      **error)
{
  sqlite3_stmt *stmt;

  if (!tandem_store_exec (self, "DELETE FROM temp.tandem_session", error))
    return FALSE;
  if (user_id <= 0)
    return TRUE;

  stmt = tandem_store_prepare (self, "INSERT INTO temp.tandem_session (user_id) VALUES (?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  return tandem_store_step_done (self, stmt, error);
}
