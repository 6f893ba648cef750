/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tandem-test-db.h"

char *
test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tandem-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
test_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

void
test_db_setup (TestDb        *db,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  db->dir = test_make_tmp_dir ();
  db->path = g_build_filename (db->dir, "tandem.db", NULL);
  db->store = tandem_store_open (db->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db->store);

  db->admin = tandem_store_create_first_admin (db->store, TEST_ADMIN_LOGIN, "Ada Admin",
                                               TEST_ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db->admin);
}

void
test_db_teardown (TestDb        *db,
                  gconstpointer  data)
{
  g_clear_object (&db->admin);
  g_clear_object (&db->store);
  test_remove_tree (db->dir);
  g_clear_pointer (&db->path, g_free);
  g_clear_pointer (&db->dir, g_free);
}

void
test_db_reopen (TestDb *db)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&db->store);
  db->store = tandem_store_open (db->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db->store);
}

TandemUser *
test_add_user (TestDb     *db,
               const char *login,
               TandemRole  role,
               const char *group)
{
  g_autoptr(GError) error = NULL;
  const char *groups[] = { group, NULL };
  TandemUser *user;

  user = tandem_store_add_user (db->store, login, login, TEST_PASSWORD, role,
                                group ? groups : NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (user);
  return user;
}

void
test_sign_in (TestDb     *db,
              const char *login)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  tandem_store_sign_out (db->store);
  ok = tandem_store_sign_in (db->store, login,
                             g_str_equal (login, TEST_ADMIN_LOGIN) ? TEST_ADMIN_PASSWORD : TEST_PASSWORD,
                             &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

gint64
test_add_company (TestDb     *db,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new (name);
  gint64 id;

  id = tandem_store_save_company (db->store, company, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

char *
test_sql_text (const char *path,
               const char *sql)
{
  sqlite3 *conn = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &conn, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (conn, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (conn);
  return result;
}

gint64
test_sql_int (const char *path,
              const char *sql)
{
  g_autofree char *text = test_sql_text (path, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}
