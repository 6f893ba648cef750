/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tandem-password.h"
#include "tandem-store.h"
#include "tandem-test-db.h"

static int
compare_names (const void *a,
               const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
make_sqlite_file (const char *path,
                  const char *sql)
{
  sqlite3 *conn = NULL;

  g_assert_cmpint (sqlite3_open (path, &conn), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (conn, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (conn), ==, SQLITE_OK);
}

/* A new database is at the newest schema, in WAL mode, with foreign keys
 * enforced. */
static void
test_new_database (TestDb        *db,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new ("Rautakauppa Virtanen Oy");
  g_autoptr(TandemPerson) person = tandem_person_new ("Liisa Virtanen");
  g_autofree char *journal = NULL;
  const char *roles[] = { "Customer", NULL };
  gint64 company_id, person_id;

  g_assert_cmpuint (tandem_store_get_schema_version (), >=, 1);
  g_assert_cmpint (test_sql_int (db->path, "PRAGMA user_version"), ==, tandem_store_get_schema_version ());
  journal = test_sql_text (db->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  /* Foreign keys: purging a company cascades to its partner roles and
   * detaches its people, which only happens when they are enforced. */
  g_assert_cmpint (tandem_store_add_partner_role (db->store, "Customer", &error), >, 0);
  g_assert_no_error (error);
  tandem_company_set_roles (company, roles);
  company_id = tandem_store_save_company (db->store, company, &error);
  g_assert_no_error (error);
  tandem_person_set_company_id (person, company_id);
  person_id = tandem_store_save_person (db->store, person, &error);
  g_assert_no_error (error);

  g_assert_true (tandem_store_delete (db->store, TANDEM_KIND_COMPANY, company_id, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_store_purge_deleted (db->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM company_roles"), ==, 0);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM people WHERE company_id IS NULL"), ==, 1);
  g_assert_cmpint (person_id, >, 0);
}

static void
test_reopen_keeps_data (TestDb        *db,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = NULL;
  gint64 id;

  id = test_add_company (db, "Kowalski i Synowie sp. z o.o.");
  test_db_reopen (db);

  g_assert_false (tandem_store_needs_first_admin (db->store));
  test_sign_in (db, TEST_ADMIN_LOGIN);
  company = tandem_store_get_company (db->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_company_get_name (company), ==, "Kowalski i Synowie sp. z o.o.");
  g_assert_cmpint (test_sql_int (db->path, "PRAGMA user_version"), ==, tandem_store_get_schema_version ());
}

static void
open_and_use_old (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemUser) admin = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new ("Old Data Oy");

  store = tandem_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, tandem_store_get_schema_version ());

  g_assert_true (tandem_store_needs_first_admin (store));
  admin = tandem_store_create_first_admin (store, "admin", "Admin", TEST_ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_store_save_company (store, company, &error), >, 0);
  g_assert_no_error (error);
}

/* A database from before the first schema (user_version 0) is upgraded,
 * and what else it holds is kept. */
static void
test_old_database_upgrades (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);

  make_sqlite_file (path, "CREATE TABLE keepsake (x TEXT); INSERT INTO keepsake VALUES ('kept');"
                          "PRAGMA user_version = 0;");
  open_and_use_old (path);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM keepsake"), ==, 1);

  /* An empty file is a database at version 0 too. */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  open_and_use_old (empty);

  test_remove_tree (dir);
}

/* A database written by a newer Tandem is refused and left alone. */
static void
test_too_new_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  make_sqlite_file (path, "CREATE TABLE companies (id INTEGER PRIMARY KEY, name TEXT);"
                          "INSERT INTO companies (name) VALUES ('Future Oy');"
                          "PRAGMA user_version = 999;");
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = tandem_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, 999);

  test_remove_tree (dir);
}

/* A file that is not a database gives a clear error and is not touched. */
static void
test_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "letter.db", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *after = NULL;
  gsize after_len;

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "Dear customer, this is a letter and not a database.\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  store = tandem_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "not a Tandem database"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (text->str, text->len, after, after_len);

  test_remove_tree (dir);
}

/* Schema 4 rebuilds the notes and activities tables (SPEC H, E1): a note
 * and an activity written at schema 3, with their groups, performers and
 * search rows, are all still there after the upgrade and read as before. */
static void
test_schema_3_notes_activities_survive (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemNote) note = NULL;
  g_autoptr(TandemActivity) activity = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "schema3.db", NULL);
  g_autofree char *hash = NULL;
  g_autofree char *escaped = NULL;
  g_auto(GStrv) names = NULL;
  const gint64 *ids;
  guint n_ids;

  /* The first three migrations, as the resource ships them. */
  g_assert_cmpuint (tandem_store_get_schema_version (), >=, 4);
  names = g_resources_enumerate_children ("/io/github/tandemcrm/Tandem/migrations/", 0, &error);
  g_assert_no_error (error);
  qsort (names, g_strv_length (names), sizeof (char *), (GCompareFunc) compare_names);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *resource = g_strconcat ("/io/github/tandemcrm/Tandem/migrations/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, &error);

      g_assert_no_error (error);
      g_string_append_len (sql, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_string_append (sql, ";\n");
    }
  g_assert_true (g_str_has_prefix (names[2], "0003"));

  hash = tandem_password_hash (TEST_ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  escaped = sqlite3_mprintf ("%q", hash);
  g_string_append_printf (sql,
                          "INSERT INTO users (id, login, name, password_hash, role) VALUES (1, 'admin', 'Ada Admin', '%s', 0);"
                          "INSERT INTO teams (id, name) VALUES (7, 'Sales team');"
                          "INSERT INTO team_members (team_id, user_id) VALUES (7, 1);"
                          "INSERT INTO companies (id, name) VALUES (3, 'Rautakauppa Virtanen Oy');"
                          "INSERT INTO notes (id, company_id, author_id, visibility, body, due)"
                          "  VALUES (11, 3, 1, 1, 'Margin notes from before projects', '2026-05-04');"
                          "INSERT INTO note_teams (note_id, team_id) VALUES (11, 7);"
                          "INSERT INTO search_index (rowid, title, body) VALUES (11 * 8 + 3, NULL, 'Margin notes from before projects');"
                          "INSERT INTO activities (id, tracking, title, company_id, project_id, assigner_id, open_ended, visibility)"
                          "  VALUES (21, '2026-00001', 'Call about the shelving', 3, 99, 1, 1, 2);"
                          "INSERT INTO activity_performers (activity_id, user_id) VALUES (21, 1);"
                          "PRAGMA user_version = 3;",
                          escaped);
  sqlite3_free (escaped);
  escaped = NULL;
  make_sqlite_file (path, sql->str);

  store = tandem_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, tandem_store_get_schema_version ());
  g_assert_true (tandem_store_sign_in (store, "admin", TEST_ADMIN_PASSWORD, &error));
  g_assert_no_error (error);

  note = tandem_store_get_note (store, 11, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_note_get_body (note), ==, "Margin notes from before projects");
  g_assert_cmpint (tandem_note_get_parent_kind (note), ==, TANDEM_KIND_COMPANY);
  g_assert_cmpint (tandem_note_get_parent_id (note), ==, 3);
  g_assert_cmpstr (tandem_note_get_due (note), ==, "2026-05-04");
  g_assert_cmpint (tandem_note_get_visibility (note), ==, TANDEM_VISIBILITY_GROUPS);
  ids = tandem_note_get_group_ids (note, &n_ids);
  g_assert_cmpuint (n_ids, ==, 1);
  g_assert_cmpint (ids[0], ==, 7);

  /* The activity keeps everything but its unchecked project number,
   * which pointed nowhere before schema 4. */
  activity = tandem_store_get_activity (store, 21, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_activity_get_title (activity), ==, "Call about the shelving");
  g_assert_cmpstr (tandem_activity_get_tracking (activity), ==, "2026-00001");
  g_assert_cmpint (tandem_activity_get_company_id (activity), ==, 3);
  g_assert_cmpint (tandem_activity_get_project_id (activity), ==, 0);
  g_assert_cmpint (tandem_activity_get_visibility (activity), ==, TANDEM_VISIBILITY_PRIVATE);
  g_assert_true (tandem_activity_has_performer (activity, 1));

  hits = tandem_store_search (store, "margin", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (tandem_search_hit_get_id (g_ptr_array_index (hits, 0)), ==, 11);

  g_clear_object (&store);
  test_remove_tree (dir);
}

/* G1: files attached to activities at schema 8 become documents on their
 * activity with the same bytes and hash; links stay; the search still
 * finds what it found, and the files by name. */
static void
test_schema_8_activity_files_become_documents (void)
{
  static const char content[] = "Offer 2026-17: 40 shelving units.\n";
  static const char eml[] = "Subject: =?UTF-8?Q?Tarjouspyynt=C3=B6?=\nFrom: Liisa <liisa@example.fi>\n\nHello";
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemDocument) email = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "schema8.db", NULL);
  g_autofree char *hash = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
  g_autofree char *eml_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, eml, -1);
  g_autofree char *hex = NULL;
  g_auto(GStrv) names = NULL;
  TandemDocument *document;

  names = g_resources_enumerate_children ("/io/github/tandemcrm/Tandem/migrations/", 0, &error);
  g_assert_no_error (error);
  qsort (names, g_strv_length (names), sizeof (char *), (GCompareFunc) compare_names);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *resource = g_strconcat ("/io/github/tandemcrm/Tandem/migrations/", names[i], NULL);
      g_autoptr(GBytes) migration = g_resources_lookup_data (resource, 0, &error);

      g_assert_no_error (error);
      g_string_append_len (sql, g_bytes_get_data (migration, NULL), g_bytes_get_size (migration));
      g_string_append (sql, ";\n");
    }
  g_assert_true (g_str_has_prefix (names[8], "0009"));

  hex = g_malloc0 (strlen (content) * 2 + 1);
  for (gsize i = 0; content[i]; i++)
    g_snprintf (hex + i * 2, 3, "%02X", (guchar) content[i]);
  hash = tandem_password_hash (TEST_ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  escaped = sqlite3_mprintf ("%q", hash);
  g_string_append_printf (sql,
                          "INSERT INTO users (id, login, name, password_hash, role) VALUES (1, 'admin', 'Ada Admin', '%s', 0);"
                          "INSERT INTO companies (id, name) VALUES (3, 'Rautakauppa Virtanen Oy');"
                          "INSERT INTO search_index (rowid, title, body) VALUES (3 * 8 + 1, 'Rautakauppa Virtanen Oy', NULL);"
                          "INSERT INTO activities (id, tracking, title, company_id, assigner_id, open_ended, visibility)"
                          "  VALUES (21, '2026-00001', 'Offer meeting', 3, 1, 1, 0);"
                          "INSERT INTO search_index (rowid, title, body) VALUES (21 * 8 + 4, 'Offer meeting', NULL);"
                          "INSERT INTO activity_attachments (id, activity_id, is_file, title, url)"
                          "  VALUES (5, 21, 0, 'Price list', 'https://example.com/prices.pdf');"
                          "INSERT INTO activity_attachments (id, activity_id, is_file, title, content_type, data, sha256, added_by, created_at)"
                          "  VALUES (6, 21, 1, 'offer-2026-17.txt', 'text/plain', X'%s', '%s', 1, '2026-05-04T10:00:00Z');"
                          "INSERT INTO activity_attachments (id, activity_id, is_file, title, content_type, data, sha256)"
                          "  VALUES (8, 21, 1, 'request.eml', 'application/octet-stream', CAST ('%s' AS BLOB), '%s');"
                          "PRAGMA user_version = 8;",
                          escaped, hex, sha, eml, eml_sha);
  sqlite3_free (escaped);
  escaped = NULL;
  make_sqlite_file (path, sql->str);

  store = tandem_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, tandem_store_get_schema_version ());
  g_assert_true (tandem_store_sign_in (store, "admin", TEST_ADMIN_PASSWORD, &error));
  g_assert_no_error (error);

  documents = tandem_store_list_documents_of (store, TANDEM_KIND_ACTIVITY, 21, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
  document = g_ptr_array_index (documents, 1);
  g_assert_cmpint (tandem_record_get_id (TANDEM_RECORD (document)), ==, 6);
  g_assert_cmpstr (tandem_document_get_file_name (document), ==, "offer-2026-17.txt");
  g_assert_cmpstr (tandem_document_get_content_type (document), ==, "text/plain");
  g_assert_cmpstr (tandem_document_get_sha256 (document), ==, sha);
  g_assert_cmpstr (tandem_document_get_created_at (document), ==, "2026-05-04T10:00:00Z");
  g_assert_cmpint (tandem_document_get_visibility (document), ==, TANDEM_VISIBILITY_EVERYONE);
  g_assert_cmpint (tandem_document_get_author_id (document), ==, 1);
  bytes = tandem_store_read_document (store, 6, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), content, strlen (content));

  /* The e-mail's header is read when the store first opens it. */
  email = tandem_store_get_document (store, 8, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_document_get_is_email (email));
  g_assert_cmpstr (tandem_document_get_email_subject (email), ==, "Tarjouspyyntö");
  g_assert_cmpstr (tandem_document_get_email_sender (email), ==, "Liisa <liisa@example.fi>");
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM documents WHERE is_email = 2"), ==, 0);

  attachments = tandem_store_list_attachments (store, 21, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 1);
  g_assert_cmpint (tandem_attachment_get_id (g_ptr_array_index (attachments, 0)), ==, 5);

  hits = tandem_store_search (store, "virtanen", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (tandem_search_hit_get_kind (g_ptr_array_index (hits, 0)), ==, TANDEM_KIND_COMPANY);
  g_assert_cmpint (tandem_search_hit_get_id (g_ptr_array_index (hits, 0)), ==, 3);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = tandem_store_search (store, "offer", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = tandem_store_search (store, "tarjouspyyntö", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (tandem_search_hit_get_id (g_ptr_array_index (hits, 0)), ==, 8);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = tandem_store_search (store, "2026-17", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (tandem_search_hit_get_kind (g_ptr_array_index (hits, 0)), ==, TANDEM_KIND_DOCUMENT);
  g_assert_cmpint (tandem_search_hit_get_parent_id (g_ptr_array_index (hits, 0)), ==, 21);

  g_clear_object (&store);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/migrations/new-database-wal-foreign-keys", TestDb, NULL,
              test_db_setup, test_new_database, test_db_teardown);
  g_test_add ("/migrations/reopen-keeps-data", TestDb, NULL,
              test_db_setup, test_reopen_keeps_data, test_db_teardown);
  g_test_add_func ("/migrations/old-database-upgrades", test_old_database_upgrades);
  g_test_add_func ("/migrations/too-new-refused-unchanged", test_too_new_refused);
  g_test_add_func ("/migrations/not-a-database", test_not_a_database);
  g_test_add_func ("/migrations/schema-3-notes-activities-survive-H", test_schema_3_notes_activities_survive);
  g_test_add_func ("/migrations/schema-8-activity-files-become-documents-G1",
                   test_schema_8_activity_files_become_documents);

  return g_test_run ();
}
