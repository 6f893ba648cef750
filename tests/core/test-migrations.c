/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tandem-store.h"
#include "tandem-test-db.h"

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

  return g_test_run ();
}
