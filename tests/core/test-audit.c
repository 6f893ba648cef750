/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <sqlite3.h>

#include "tandem-test-db.h"

/* The audit trail: who did what to which record, and when, written by the
 * database itself, read by administrators only, and never changed. */

typedef struct
{
  TestDb  db;
  gint64  sales;   /* a group of users */
  gint64  bea;     /* a user in Sales */
  gint64  company;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) bea = NULL;

  test_db_setup (&f->db, data);
  f->sales = tandem_store_add_group (f->db.store, "Sales", &error);
  g_assert_no_error (error);
  bea = test_add_user (&f->db, "bea", TANDEM_ROLE_USER, "Sales");
  f->bea = tandem_user_get_id (bea);
  f->company = test_add_company (&f->db, "Aalto Oy");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  test_db_teardown (&f->db, data);
}

/* Helpers */

static GPtrArray *
list_all (Fixture                 *f,
          const TandemAuditFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = tandem_store_list_audit (f->db.store, filter, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static TandemAuditFilter
filter_any (void)
{
  TandemAuditFilter filter = { 0, 0, 0, TANDEM_AUDIT_ANY, 0 };

  return filter;
}

/* The newest entry of @action on @kind @id, or NULL */
static TandemAuditEntry *
find_entry (GPtrArray         *entries,
            TandemAuditAction  action,
            int                kind,
            gint64             id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      TandemAuditEntry *entry = g_ptr_array_index (entries, i);

      if (tandem_audit_entry_get_action (entry) == action &&
          tandem_audit_entry_get_kind (entry) == kind &&
          tandem_audit_entry_get_record_id (entry) == id)
        return entry;
    }
  return NULL;
}

static void
assert_by (TandemAuditEntry *entry,
           gint64            user_id,
           const char       *user_name,
           gint64            not_before,
           gint64            not_after)
{
  g_autoptr(GDateTime) at = NULL;

  g_assert_nonnull (entry);
  g_assert_cmpint (tandem_audit_entry_get_user_id (entry), ==, user_id);
  g_assert_cmpstr (tandem_audit_entry_get_user_name (entry), ==, user_name);
  at = g_date_time_new_from_iso8601 (tandem_audit_entry_get_at (entry), NULL);
  g_assert_nonnull (at);
  g_assert_cmpint (g_date_time_to_unix (at), >=, not_before);
  g_assert_cmpint (g_date_time_to_unix (at), <=, not_after);
}

static gint64
add_note (Fixture          *f,
          gint64            company,
          const char       *body,
          TandemVisibility  visibility)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemNote) note = tandem_note_new (TANDEM_KIND_COMPANY, company, body);
  gint64 id;

  tandem_note_set_visibility (note, visibility);
  if (visibility == TANDEM_VISIBILITY_GROUPS)
    tandem_note_set_group_ids (note, &f->sales, 1);
  id = tandem_store_save_note (f->db.store, note, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_activity (Fixture          *f,
              const char       *title,
              TandemVisibility  visibility)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) activity = tandem_activity_new (title);
  gint64 id;

  tandem_activity_set_open_ended (activity, TRUE);
  tandem_activity_set_company_id (activity, f->company);
  tandem_activity_set_visibility (activity, visibility);
  id = tandem_store_save_activity (f->db.store, activity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_document (Fixture          *f,
              const char       *file_name,
              TandemVisibility  visibility)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4 SECRET-CONTENT", 23);
  gint64 id;

  id = tandem_store_add_document (f->db.store, TANDEM_KIND_COMPANY, f->company, file_name, "application/pdf",
                                  bytes, NULL, visibility, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Raw SQL on the file with a connection of its own, as another program
 * would; returns the SQLite result code. */
static int
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *conn = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &conn, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (conn, 5000);
  sqlite3_exec (conn, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  rc = sqlite3_exec (conn, sql, NULL, NULL, NULL);
  sqlite3_close (conn);
  return rc;
}

/* Tests */

/* Each action is recorded with who did it and when: created, changed,
 * visibility, deleted, restored, exported, and purged when the store
 * clears out what was deleted (nobody is signed in then). */
static void
test_each_action_recorded (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(TandemNote) note = NULL;
  g_autoptr(TandemCompany) company = NULL;
  TandemAuditFilter filter = filter_any ();
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 after;
  gint64 note_id, other;

  test_sign_in (&f->db, "bea");
  other = test_add_company (&f->db, "Berg Sp. z o.o.");
  company = tandem_store_get_company (f->db.store, other, &error);
  g_assert_no_error (error);
  tandem_company_set_text (company, "phone", "+48 22 123 45 67");
  g_assert_cmpint (tandem_store_save_company (f->db.store, company, &error), ==, other);
  g_assert_no_error (error);

  note_id = add_note (f, f->company, "Call back after the fair", TANDEM_VISIBILITY_EVERYONE);
  note = tandem_store_get_note (f->db.store, note_id, &error);
  g_assert_no_error (error);
  tandem_note_set_visibility (note, TANDEM_VISIBILITY_PRIVATE);
  g_assert_cmpint (tandem_store_save_note (f->db.store, note, &error), ==, note_id);
  g_assert_no_error (error);

  g_assert_true (tandem_store_delete (f->db.store, TANDEM_KIND_NOTE, note_id, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_store_restore (f->db.store, TANDEM_KIND_NOTE, note_id, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_store_audit_export (f->db.store, TANDEM_AUDIT_KIND_REPORT, 0, "CSV", &error));
  g_assert_no_error (error);
  g_assert_true (tandem_store_delete (f->db.store, TANDEM_KIND_COMPANY, other, &error));
  g_assert_no_error (error);
  after = g_get_real_time () / G_USEC_PER_SEC + 1;

  /* Reopening clears out the deleted company for good. */
  test_db_reopen (&f->db);
  test_sign_in (&f->db, TEST_ADMIN_LOGIN);
  entries = list_all (f, &filter);

  assert_by (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_KIND_COMPANY, other), f->bea, "bea", before, after);
  assert_by (find_entry (entries, TANDEM_AUDIT_CHANGED, TANDEM_KIND_COMPANY, other), f->bea, "bea", before, after);
  assert_by (find_entry (entries, TANDEM_AUDIT_DELETED, TANDEM_KIND_COMPANY, other), f->bea, "bea", before, after);
  assert_by (find_entry (entries, TANDEM_AUDIT_PURGED, TANDEM_KIND_COMPANY, other), 0, NULL, before, after);
  assert_by (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_KIND_NOTE, note_id), f->bea, "bea", before, after);
  assert_by (find_entry (entries, TANDEM_AUDIT_DELETED, TANDEM_KIND_NOTE, note_id), f->bea, "bea", before, after);
  assert_by (find_entry (entries, TANDEM_AUDIT_RESTORED, TANDEM_KIND_NOTE, note_id), f->bea, "bea", before, after);
  assert_by (find_entry (entries, TANDEM_AUDIT_EXPORTED, TANDEM_AUDIT_KIND_REPORT, 0), f->bea, "bea", before, after);
  assert_by (find_entry (entries, TANDEM_AUDIT_VISIBILITY, TANDEM_KIND_NOTE, note_id), f->bea, "bea", before, after);
  g_assert_cmpstr (tandem_audit_entry_get_detail (find_entry (entries, TANDEM_AUDIT_VISIBILITY,
                                                              TANDEM_KIND_NOTE, note_id)),
                   ==, "everyone → private");
  g_assert_cmpstr (tandem_audit_entry_get_detail (find_entry (entries, TANDEM_AUDIT_EXPORTED,
                                                              TANDEM_AUDIT_KIND_REPORT, 0)), ==, "CSV");

  /* Newest first */
  for (guint i = 1; i < entries->len; i++)
    {
      TandemAuditEntry *newer = g_ptr_array_index (entries, i - 1);
      TandemAuditEntry *older = g_ptr_array_index (entries, i);

      g_assert_cmpstr (tandem_audit_entry_get_at (newer), >=, tandem_audit_entry_get_at (older));
      g_assert_cmpint (tandem_audit_entry_get_id (newer), >, tandem_audit_entry_get_id (older));
    }
  g_assert_cmpint (tandem_audit_entry_get_action (g_ptr_array_index (entries, 0)), ==, TANDEM_AUDIT_PURGED);

  /* The first administrator was created before anyone signed in; the
   * user bea by the administrator. */
  assert_by (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_AUDIT_KIND_USER, f->bea),
             tandem_user_get_id (f->db.admin), "Ada Admin", before - 60, after);
  g_assert_cmpstr (tandem_audit_entry_get_title (find_entry (entries, TANDEM_AUDIT_CREATED,
                                                             TANDEM_AUDIT_KIND_USER, f->bea)), ==, "bea");
  g_assert_nonnull (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_AUDIT_KIND_GROUP, f->sales));
}

/* A password change says so, and no more: the hash is nowhere in the
 * trail. A role change, disabling and renaming are told apart. */
static void
test_user_changes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(TandemUser) bea = NULL;
  TandemAuditFilter filter = filter_any ();
  g_autofree char *hash = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (tandem_store_set_password (f->db.store, "bea", "a-new-password-for-bea", &error));
  g_assert_no_error (error);
  bea = tandem_user_new (f->bea, "bea", "Bea Berg", TANDEM_ROLE_MANAGER, TRUE);
  g_assert_true (tandem_store_update_user (f->db.store, bea, &error));
  g_assert_no_error (error);

  filter.kind = TANDEM_AUDIT_KIND_USER;
  filter.action = TANDEM_AUDIT_CHANGED;
  entries = list_all (f, &filter);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (tandem_audit_entry_get_detail (g_ptr_array_index (entries, 1)), ==, "password");
  g_assert_cmpstr (tandem_audit_entry_get_title (g_ptr_array_index (entries, 0)), ==, "Bea Berg");

  hash = test_sql_text (f->db.path, "SELECT password_hash FROM users WHERE login = 'bea'");
  sql = g_strdup_printf ("SELECT count (*) FROM audit_log WHERE instr (coalesce (detail, '') || coalesce (user_name, ''), '%s') > 0",
                         hash);
  g_assert_cmpint (test_sql_int (f->db.path, sql), ==, 0);
}

/* The second factor switched on and off, and required of a user and a
 * group, without its key anywhere in the trail; using codes is not a
 * change. */
static void
test_second_factor (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *sql = NULL;
  TandemAuditFilter filter = filter_any ();
  static const char * const expected[] = { "two-step-off", "two-step-not-required", "two-step-required", "two-step-on" };

  codes = tandem_store_second_factor_enable (f->db.store, "bea", &uri, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_store_set_user_requires_second_factor (f->db.store, f->bea, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_store_set_user_requires_second_factor (f->db.store, f->bea, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_store_set_group_requires_second_factor (f->db.store, f->sales, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_store_second_factor_disable (f->db.store, "bea", NULL, &error));
  g_assert_no_error (error);

  filter.kind = TANDEM_AUDIT_KIND_USER;
  filter.action = TANDEM_AUDIT_CHANGED;
  users = list_all (f, &filter);
  g_assert_cmpuint (users->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < users->len; i++)
    {
      g_assert_cmpstr (tandem_audit_entry_get_detail (g_ptr_array_index (users, i)), ==, expected[i]);
      g_assert_cmpint (tandem_audit_entry_get_record_id (g_ptr_array_index (users, i)), ==, f->bea);
    }
  filter.kind = TANDEM_AUDIT_KIND_GROUP;
  groups = list_all (f, &filter);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (tandem_audit_entry_get_detail (g_ptr_array_index (groups, 0)), ==, "two-step-required");

  /* The key was in the enrolment link; it is nowhere in the trail */
  secret = g_strdup (strstr (uri, "secret=") + strlen ("secret="));
  if (strchr (secret, '&') != NULL)
    *strchr (secret, '&') = '\0';
  g_assert_cmpuint (strlen (secret), >=, 16);
  sql = g_strdup_printf ("SELECT count (*) FROM audit_log WHERE instr (coalesce (detail, '') || coalesce (user_name, ''),"
                         " '%s') > 0", secret);
  g_assert_cmpint (test_sql_int (f->db.path, sql), ==, 0);
}

/* Nothing edits the trail: not another program with the file open, not a
 * store bug. Updates, deletes and replacing a row all fail, and every
 * row is still there afterwards. */
static void
test_cannot_be_edited (Fixture       *f,
                       gconstpointer  data)
{
  gint64 n_rows = test_sql_int (f->db.path, "SELECT count (*) FROM audit_log");
  g_autofree char *first = test_sql_text (f->db.path, "SELECT at || action || record_kind FROM audit_log ORDER BY id LIMIT 1");

  g_assert_cmpint (n_rows, >, 0);
  g_assert_cmpint (raw_exec (f->db.path, "UPDATE audit_log SET action = 'changed'"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (f->db.path, "UPDATE audit_log SET at = '2000-01-01T00:00:00Z' WHERE id = 1"), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (f->db.path, "UPDATE audit_log SET user_id = NULL"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (f->db.path, "DELETE FROM audit_log"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (f->db.path, "DELETE FROM audit_log WHERE id = 1"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (f->db.path,
                             "INSERT OR REPLACE INTO audit_log (id, action, record_kind) VALUES (1, 'created', 1)"),
                   ==, SQLITE_CONSTRAINT);

  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count (*) FROM audit_log"), ==, n_rows);
  {
    g_autofree char *still = test_sql_text (f->db.path, "SELECT at || action || record_kind FROM audit_log ORDER BY id LIMIT 1");

    g_assert_cmpstr (still, ==, first);
  }

  /* The store's own connection cannot either. */
  {
    g_autoptr(GError) error = NULL;

    test_db_reopen (&f->db);
    test_sign_in (&f->db, TEST_ADMIN_LOGIN);
    g_assert_nonnull (tandem_store_list_audit (f->db.store, NULL, NULL, 1, &error));
    g_assert_no_error (error);
  }
}

/* Only administrators read the trail. */
static void
test_admins_only (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) manager = test_add_user (&f->db, "mia", TANDEM_ROLE_MANAGER, NULL);
  GPtrArray *entries;

  test_sign_in (&f->db, "bea");
  entries = tandem_store_list_audit (f->db.store, NULL, NULL, 0, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_assert_null (entries);
  g_clear_error (&error);

  test_sign_in (&f->db, "mia");
  entries = tandem_store_list_audit (f->db.store, NULL, NULL, 0, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_assert_null (entries);
  g_clear_error (&error);

  tandem_store_sign_out (f->db.store);
  entries = tandem_store_list_audit (f->db.store, NULL, NULL, 0, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
  g_assert_null (entries);
}

/* SPEC E: what the administrator may not see stays out of what they
 * read. A private note, a private activity, a team-only project and its
 * task of another user are in the trail (that they were made is the
 * trail's purpose) but without their titles; what the administrator may
 * see has its title. The trail's rows hold no content at all. */
static void
test_hidden_titles_E (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemTask) task = NULL;
  TandemAuditFilter filter = filter_any ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4 SECRET-CONTENT", 23);
  gint64 open_note, private_note, group_note, private_activity, open_activity, project_id, task_id;
  gint64 private_document, open_document;

  test_sign_in (&f->db, "bea");
  open_note = add_note (f, f->company, "Open note OPEN-1\nsecond line", TANDEM_VISIBILITY_EVERYONE);
  private_note = add_note (f, f->company, "SECRET-NOTE about the price", TANDEM_VISIBILITY_PRIVATE);
  group_note = add_note (f, f->company, "SECRET-GROUP-NOTE for Sales", TANDEM_VISIBILITY_GROUPS);
  private_activity = add_activity (f, "SECRET-ACTIVITY lunch", TANDEM_VISIBILITY_PRIVATE);
  open_activity = add_activity (f, "Visit OPEN-2", TANDEM_VISIBILITY_EVERYONE);

  project = tandem_project_new (f->company, "SECRET-PROJECT rollout");
  tandem_project_set_visibility (project, TANDEM_VISIBILITY_TEAM);
  project_id = tandem_store_save_project (f->db.store, project, &error);
  g_assert_no_error (error);
  task = tandem_task_new (project_id, "SECRET-TASK install");
  task_id = tandem_store_save_task (f->db.store, task, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_store_audit_export (f->db.store, TANDEM_KIND_NOTE, private_note, "PDF", &error));
  g_assert_no_error (error);
  private_document = add_document (f, "SECRET-DOCUMENT-offer.pdf", TANDEM_VISIBILITY_PRIVATE);
  open_document = add_document (f, "OPEN-3-brochure.pdf", TANDEM_VISIBILITY_EVERYONE);
  g_assert_cmpuint (tandem_store_add_document_version (f->db.store, private_document, "SECRET-DOCUMENT-offer-2.pdf",
                                                       "application/pdf", bytes, NULL, &error), ==, 2);
  g_assert_no_error (error);

  test_sign_in (&f->db, TEST_ADMIN_LOGIN);
  entries = list_all (f, &filter);

  g_assert_cmpstr (tandem_audit_entry_get_title (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_KIND_NOTE, open_note)),
                   ==, "Open note OPEN-1");
  g_assert_cmpstr (tandem_audit_entry_get_title (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_KIND_ACTIVITY,
                                                             open_activity)), ==, "Visit OPEN-2");
  g_assert_cmpstr (tandem_audit_entry_get_title (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_KIND_COMPANY,
                                                             f->company)), ==, "Aalto Oy");

  g_assert_null (tandem_audit_entry_get_title (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_KIND_NOTE, private_note)));
  g_assert_null (tandem_audit_entry_get_title (find_entry (entries, TANDEM_AUDIT_EXPORTED, TANDEM_KIND_NOTE, private_note)));
  g_assert_null (tandem_audit_entry_get_title (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_KIND_NOTE, group_note)));
  g_assert_null (tandem_audit_entry_get_title (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_KIND_ACTIVITY,
                                                           private_activity)));
  g_assert_null (tandem_audit_entry_get_title (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_KIND_PROJECT, project_id)));
  g_assert_null (tandem_audit_entry_get_title (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_KIND_TASK, task_id)));
  g_assert_null (tandem_audit_entry_get_title (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_KIND_DOCUMENT,
                                                           private_document)));
  g_assert_cmpstr (tandem_audit_entry_get_detail (find_entry (entries, TANDEM_AUDIT_CHANGED, TANDEM_KIND_DOCUMENT,
                                                              private_document)), ==, "version");
  g_assert_cmpstr (tandem_audit_entry_get_title (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_KIND_DOCUMENT,
                                                             open_document)), ==, "OPEN-3-brochure.pdf");
  /* Reading an e-mail's headers on adding is not a change */
  g_assert_null (find_entry (entries, TANDEM_AUDIT_CHANGED, TANDEM_KIND_DOCUMENT, open_document));

  for (guint i = 0; i < entries->len; i++)
    {
      TandemAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *title = tandem_audit_entry_dup_title_label (entry);
      g_autofree char *detail = tandem_audit_entry_dup_detail_label (entry);

      g_assert_null (strstr (title, "SECRET"));
      g_assert_true (detail == NULL || strstr (detail, "SECRET") == NULL);
    }
  {
    g_autofree char *label = tandem_audit_entry_dup_title_label (find_entry (entries, TANDEM_AUDIT_CREATED,
                                                                             TANDEM_KIND_NOTE, private_note));
    g_assert_cmpstr (label, ==, "A note you may not see");
  }

  /* bea, who wrote them, would see them; the trail's own rows hold none
   * of it. */
  g_assert_cmpint (test_sql_int (f->db.path,
                                 "SELECT count (*) FROM audit_log WHERE instr (coalesce (detail, '') || coalesce (user_name, ''),"
                                 " 'SECRET') > 0 OR instr (coalesce (detail, '') || coalesce (user_name, ''), 'OPEN-') > 0"),
                   ==, 0);
}

/* A record that is gone lends no title, nor does a later record that
 * got its id. */
static void
test_reused_id_no_title (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  TandemAuditFilter filter = filter_any ();
  gint64 gone, reused;

  gone = test_add_company (&f->db, "Gone Oy");
  g_assert_true (tandem_store_delete (f->db.store, TANDEM_KIND_COMPANY, gone, &error));
  g_assert_no_error (error);
  test_db_reopen (&f->db);
  test_sign_in (&f->db, TEST_ADMIN_LOGIN);
  /* The clock moves on a second, so that the new one is plainly later. */
  g_usleep (1100 * 1000);
  reused = test_add_company (&f->db, "Newcomer Oy");
  g_assert_cmpint (reused, ==, gone);

  entries = list_all (f, &filter);
  {
    TandemAuditEntry *deleted = find_entry (entries, TANDEM_AUDIT_DELETED, TANDEM_KIND_COMPANY, gone);
    g_autofree char *label = tandem_audit_entry_dup_title_label (deleted);

    g_assert_null (tandem_audit_entry_get_title (deleted));
    g_assert_cmpstr (label, ==, "A company that is gone");
  }
  g_assert_cmpstr (tandem_audit_entry_get_title (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_KIND_COMPANY, reused)),
                   ==, "Newcomer Oy");
}

/* Filters by user, action, kind and time, and pages that follow on. */
static void
test_filters_and_pages (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) all = NULL;
  TandemAuditFilter filter = filter_any ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint seen = 0;
  g_autoptr(TandemAuditEntry) last = NULL;

  test_sign_in (&f->db, "bea");
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("Company %u", i);

      test_add_company (&f->db, name);
    }
  test_sign_in (&f->db, TEST_ADMIN_LOGIN);

  all = list_all (f, &filter);

  filter.user_id = f->bea;
  entries = list_all (f, &filter);
  g_assert_cmpuint (entries->len, ==, 7);
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpint (tandem_audit_entry_get_user_id (g_ptr_array_index (entries, i)), ==, f->bea);
  g_clear_pointer (&entries, g_ptr_array_unref);

  filter = filter_any ();
  filter.action = TANDEM_AUDIT_CREATED;
  filter.kind = TANDEM_KIND_COMPANY;
  entries = list_all (f, &filter);
  g_assert_cmpuint (entries->len, ==, 8);
  g_clear_pointer (&entries, g_ptr_array_unref);

  filter = filter_any ();
  filter.from = now + 3600;
  entries = list_all (f, &filter);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  filter = filter_any ();
  filter.from = now - 3600;
  filter.until = now + 3600;
  entries = list_all (f, &filter);
  g_assert_cmpuint (entries->len, ==, all->len);
  g_clear_pointer (&entries, g_ptr_array_unref);

  filter.until = now - 60;
  entries = list_all (f, &filter);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Pages of three read the whole trail once, in the same order. */
  filter = filter_any ();
  while (TRUE)
    {
      g_autoptr(GPtrArray) page = tandem_store_list_audit (f->db.store, &filter, last, 3, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, 3);
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpint (tandem_audit_entry_get_id (g_ptr_array_index (page, i)), ==,
                         tandem_audit_entry_get_id (g_ptr_array_index (all, seen + i)));
      seen += page->len;
      g_set_object (&last, g_ptr_array_index (page, page->len - 1));
    }
  g_assert_cmpuint (seen, ==, all->len);
}

/* Every table the trail watches has its three triggers, so that a later
 * migration that rebuilds one cannot silently drop them. */
static void
test_triggers_present (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const tables[] = {
    "companies", "people", "notes", "activities", "projects", "project_tasks", "campaigns",
    "users", "teams", "contact_groups", "documents",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM sqlite_master WHERE type = 'trigger'"
                                              " AND tbl_name = '%s' AND name LIKE 'audit_%%'", tables[i]);

      g_test_message ("%s", tables[i]);
      g_assert_cmpint (test_sql_int (f->db.path, sql), ==, 3);
    }
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count (*) FROM sqlite_master WHERE type = 'trigger'"
                                 " AND tbl_name = 'visibility_changes' AND name LIKE 'audit_%'"), ==, 1);
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count (*) FROM sqlite_master WHERE type = 'trigger'"
                                 " AND tbl_name = 'user_totp' AND name LIKE 'audit_%'"), ==, 3);
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count (*) FROM sqlite_master WHERE type = 'trigger'"
                                 " AND tbl_name = 'audit_log'"), ==, 3);
}

/* A worker connection records the same user as the window's. */
static void
test_worker_connection (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) worker = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new ("Worker Oy");
  g_autoptr(GPtrArray) entries = NULL;
  TandemAuditFilter filter = filter_any ();
  gint64 id;

  test_sign_in (&f->db, "bea");
  worker = tandem_store_open_worker (f->db.store, &error);
  g_assert_no_error (error);
  id = tandem_store_save_company (worker, company, &error);
  g_assert_no_error (error);
  g_clear_object (&worker);

  test_sign_in (&f->db, TEST_ADMIN_LOGIN);
  entries = list_all (f, &filter);
  g_assert_cmpint (tandem_audit_entry_get_user_id (find_entry (entries, TANDEM_AUDIT_CREATED, TANDEM_KIND_COMPANY, id)),
                   ==, f->bea);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/audit/each-action-recorded", test_each_action_recorded);
  ADD ("/audit/user-changes", test_user_changes);
  ADD ("/audit/second-factor-A2", test_second_factor);
  ADD ("/audit/cannot-be-edited", test_cannot_be_edited);
  ADD ("/audit/admins-only", test_admins_only);
  ADD ("/audit/hidden-titles-E1-E4-E5", test_hidden_titles_E);
  ADD ("/audit/reused-id-no-title", test_reused_id_no_title);
  ADD ("/audit/filters-and-pages", test_filters_and_pages);
  ADD ("/audit/triggers-present", test_triggers_present);
  ADD ("/audit/worker-connection", test_worker_connection);
#undef ADD

  return g_test_run ();
}
