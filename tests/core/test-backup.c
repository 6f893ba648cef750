/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <unistd.h>
#include <utime.h>

#include "tandem-store.h"
#include "tandem-test-db.h"

/* Backup and restore of the running database (SPEC M2). */

static void
add_companies (TestDb     *db,
               const char *prefix,
               guint       n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_store_begin (db->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %04u", prefix, i);
      g_autoptr(TandemCompany) company = tandem_company_new (name);

      tandem_company_set_text (company, "visit-street", "Teollisuuskatu 14 B, the loading dock behind the paint shop");
      tandem_company_set_text (company, "visit-city", "Tampere");
      g_assert_cmpint (tandem_store_save_company (db->store, company, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (tandem_store_commit (db->store, &error));
}

static gint64
count_named (const char *path,
             const char *table,
             const char *prefix)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE name LIKE '%s %%'", table, prefix);

  return test_sql_int (path, sql);
}

static char *
backup_path (TestDb     *db,
             const char *name)
{
  return g_build_filename (db->dir, name, NULL);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static TandemBackupInfo *
make_backup (TestDb     *db,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = backup_path (db, name);
  TandemBackupInfo *info = tandem_store_backup (db->store, path, FALSE, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

/* A copy made while another connection writes ------------------------------ */

typedef struct
{
  TandemStore *worker;
  guint        calls;
  guint        written;
} MidCopy;

static void
write_between_steps (double   fraction,
                     gpointer user_data)
{
  MidCopy *mid = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Late %04u", mid->written);
  g_autoptr(TandemCompany) company = tandem_company_new (name);

  mid->calls++;
  g_assert_cmpint (tandem_store_save_company (mid->worker, company, &error), >, 0);
  g_assert_no_error (error);
  mid->written++;
}

/* Every write committed while the copy runs goes to the database and not
 * into the copy, which is the database as it was when the copy began. */
static void
test_backup_snapshot_M2 (TestDb        *db,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBackupInfo) info = NULL;
  g_autofree char *path = backup_path (db, "snapshot.db");
  g_autofree char *check = NULL;
  g_autofree char *journal = NULL;
  MidCopy mid = { 0 };

  add_companies (db, "Early", 3000);
  mid.worker = tandem_store_open_worker (db->store, &error);
  g_assert_no_error (error);

  info = tandem_store_backup (db->store, path, FALSE, NULL, write_between_steps, &mid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_clear_object (&mid.worker);

  /* The copy took many steps, with a write between each two */
  g_assert_cmpuint (mid.calls, >, 5);
  g_assert_cmpuint (mid.written, ==, mid.calls);

  check = test_sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (count_named (path, "companies", "Early"), ==, 3000);
  g_assert_cmpint (count_named (path, "companies", "Late"), ==, 0);
  g_assert_cmpint (count_named (db->path, "companies", "Late"), ==, mid.written);

  /* One self-contained file, the size and schema it says */
  journal = test_sql_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "delete");
  g_assert_cmpstr (info->path, ==, path);
  g_assert_cmpuint (info->schema, ==, tandem_store_get_schema_version ());
  g_assert_cmpint (info->bytes, >, 3000 * 100);
  g_assert_nonnull (info->made);
}

typedef struct
{
  char          *path;
  TandemUser    *user;
  TandemStore   *owner;
  gint           stop;
  gint           committed;
} Writer;

/* A company and a person of it in one transaction, again and again */
static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open_worker (writer->owner, &error);

  g_assert_no_error (error);
  for (guint i = 0; !g_atomic_int_get (&writer->stop); i++)
    {
      g_autofree char *name = g_strdup_printf ("Pair %05u", i);
      g_autoptr(TandemCompany) company = tandem_company_new (name);
      g_autoptr(TandemPerson) person = tandem_person_new (name);
      gint64 id;

      g_assert_true (tandem_store_begin (store, &error));
      id = tandem_store_save_company (store, company, &error);
      g_assert_no_error (error);
      tandem_person_set_company_id (person, id);
      tandem_store_save_person (store, person, &error);
      g_assert_no_error (error);
      g_assert_true (tandem_store_commit (store, &error));
      g_atomic_int_inc (&writer->committed);
    }
  return NULL;
}

/* Backups taken while another thread keeps saving are whole: every
 * transaction committed before a copy is in it, and none is there by
 * halves. */
static void
test_backup_while_writing_M2 (TestDb        *db,
                              gconstpointer  data)
{
  Writer writer = { 0 };
  GThread *thread;

  add_companies (db, "Early", 800);
  writer.owner = db->store;
  thread = g_thread_new ("writer", writer_thread, &writer);
  while (g_atomic_int_get (&writer.committed) < 20)
    g_usleep (1000);

  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemBackupInfo) info = NULL;
      g_autofree char *name = g_strdup_printf ("busy-%u.db", round);
      g_autofree char *path = backup_path (db, name);
      g_autofree char *check = NULL;
      gint before = g_atomic_int_get (&writer.committed);
      gint64 companies, people;

      info = tandem_store_backup (db->store, path, FALSE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);

      check = test_sql_text (path, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");
      companies = count_named (path, "companies", "Pair");
      people = count_named (path, "people", "Pair");
      g_assert_cmpint (companies, >=, before);
      g_assert_cmpint (companies, ==, people);
      g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM people p WHERE p.name LIKE 'Pair %' "
                                           "AND NOT EXISTS (SELECT 1 FROM companies c WHERE c.id = p.company_id)"), ==, 0);
      g_assert_cmpint (count_named (path, "companies", "Early"), ==, 800);
    }

  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);
}

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  if (fraction > 0.2)
    g_cancellable_cancel (user_data);
}

/* A backup that does not finish leaves nothing behind, and an existing
 * file is replaced only when asked. */
static void
test_backup_failures_leave_nothing_M2 (TestDb        *db,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TandemBackupInfo) info = NULL;
  g_autofree char *folder = g_build_filename (db->dir, "out", NULL);
  g_autofree char *path = g_build_filename (folder, "backup.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *missing = g_build_filename (db->dir, "no-such-folder", "backup.db", NULL);

  add_companies (db, "Early", 1500);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  info = tandem_store_backup (db->store, path, FALSE, cancellable, cancel_on_progress, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (info);
  g_assert_cmpuint (count_files (folder), ==, 0);
  g_clear_error (&error);

  /* What a backup cut short long ago left behind goes; a fresh one, which
   * may be another backup still running, and other files stay */
  {
    g_autofree char *stale = g_build_filename (folder, ".backup.db-AbC123", NULL);
    g_autofree char *stale_journal = g_build_filename (folder, ".backup.db-AbC123-journal", NULL);
    g_autofree char *fresh = g_build_filename (folder, ".backup.db-XyZ789", NULL);
    g_autofree char *other = g_build_filename (folder, ".other.db-AbC123", NULL);
    struct utimbuf old_times = { .actime = 1000000000, .modtime = 1000000000 };

    g_assert_true (g_file_set_contents (stale, "x", 1, NULL));
    g_assert_true (g_file_set_contents (stale_journal, "x", 1, NULL));
    g_assert_true (g_file_set_contents (fresh, "x", 1, NULL));
    g_assert_true (g_file_set_contents (other, "x", 1, NULL));
    g_assert_cmpint (g_utime (stale, &old_times), ==, 0);
    g_assert_cmpint (g_utime (stale_journal, &old_times), ==, 0);
    g_assert_cmpint (g_utime (other, &old_times), ==, 0);
    info = tandem_store_backup (db->store, path, FALSE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (stale_journal, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
    g_unlink (fresh);
    g_unlink (other);
    g_unlink (path);
    g_clear_pointer (&info, tandem_backup_info_free);
  }

  /* An existing file is kept as it was */
  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  info = tandem_store_backup (db->store, path, FALSE, NULL, NULL, NULL, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS);
  g_assert_null (info);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_cmpuint (count_files (folder), ==, 1);

  info = tandem_store_backup (db->store, path, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_named (path, "companies", "Early"), ==, 1500);
  g_assert_cmpuint (count_files (folder), ==, 1);
  g_clear_pointer (&info, tandem_backup_info_free);

  /* Nowhere to write, and the database itself */
  info = tandem_store_backup (db->store, missing, FALSE, NULL, NULL, NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (info);
  g_clear_error (&error);
  info = tandem_store_backup (db->store, db->path, TRUE, NULL, NULL, NULL, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_null (info);
}

/* Restore --------------------------------------------------------------------- */

static GPtrArray *
company_names (TestDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) page = tandem_store_list_page (db->store, TANDEM_KIND_COMPANY, NULL, 0, 0, 10000, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (names, g_strdup (tandem_record_get_title (g_ptr_array_index (page, i))));
  return g_steal_pointer (&names);
}

static gboolean
has_name (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

static gboolean
has_before_restore_copy (TestDb *db)
{
  g_autoptr(GDir) d = g_dir_open (db->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "tandem-before-restore-"))
      return TRUE;
  return FALSE;
}

/* A restore brings back the data of the backup for everyone, keeps the
 * database it replaces, and everyone signs in again. */
static void
test_restore_round_trip_M2 (TestDb        *db,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBackupInfo) info = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(TandemCompany) later = tandem_company_new ("Added After the Backup");
  g_autofree char *kept = NULL;
  g_autofree char *check = NULL;
  g_autofree char *kept_name = NULL;

  add_companies (db, "Early", 200);
  info = make_backup (db, "round-trip.db");
  g_assert_cmpint (tandem_store_save_company (db->store, later, &error), >, 0);
  g_assert_no_error (error);
  g_object_unref (test_add_user (db, "later", TANDEM_ROLE_USER, NULL));

  g_assert_true (tandem_store_restore_backup (db->store, info->path, NULL, NULL, NULL, &kept, &error));
  g_assert_no_error (error);
  tandem_store_sign_out (db->store);

  /* The replaced database, whole, beside the live one */
  g_assert_nonnull (kept);
  kept_name = g_path_get_basename (kept);
  g_assert_true (g_str_has_prefix (kept_name, "tandem-before-restore-"));
  g_assert_true (g_str_has_suffix (kept_name, ".db"));
  g_assert_cmpint (test_sql_int (kept, "SELECT count(*) FROM companies WHERE name = 'Added After the Backup'"), ==, 1);
  g_assert_cmpint (test_sql_int (kept, "SELECT count(*) FROM users WHERE login = 'later'"), ==, 1);

  /* The store in use sees the backup's data after signing in again */
  test_sign_in (db, TEST_ADMIN_LOGIN);
  names = company_names (db);
  g_assert_cmpuint (names->len, ==, 200);
  g_assert_true (has_name (names, "Early 0000"));
  g_assert_false (has_name (names, "Added After the Backup"));
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM users WHERE login = 'later'"), ==, 0);

  /* Sound, and it opens again as any database */
  check = test_sql_text (db->path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  test_db_reopen (db);
  test_sign_in (db, TEST_ADMIN_LOGIN);
  g_clear_pointer (&names, g_ptr_array_unref);
  names = company_names (db);
  g_assert_cmpuint (names->len, ==, 200);
}

static void
flip_middle (const char *from,
             const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;
  gsize start;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16 * 4096);
  start = (length / 2) & ~(gsize) 4095;
  for (gsize i = start; i < start + 4096; i++)
    contents[i] ^= 0x5a;
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

static void
assert_refused (TestDb     *db,
                const char *path,
                GQuark      domain,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(TandemBackupInfo) info = NULL;
  g_autofree char *kept = NULL;

  /* The live database is a sound one; only restoring it onto itself is
   * refused. */
  if (!g_str_equal (path, db->path))
    {
      info = tandem_backup_check (path, NULL, &check_error);
      g_assert_null (info);
      g_assert_error (check_error, domain, code);
    }

  g_assert_false (tandem_store_restore_backup (db->store, path, NULL, NULL, NULL, &kept, &error));
  g_assert_error (error, domain, code);
  g_test_message ("Refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_null (kept);

  /* The database is as it was, and no copy was needed */
  names = company_names (db);
  g_assert_cmpuint (names->len, ==, 601);
  g_assert_true (has_name (names, "Still Here"));
  g_assert_false (has_before_restore_copy (db));
}

static void
test_restore_refuses_damaged_M2 (TestDb        *db,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBackupInfo) info = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new ("Still Here");
  g_autofree char *damaged = backup_path (db, "damaged.db");

  add_companies (db, "Early", 600);
  info = make_backup (db, "good.db");
  g_assert_cmpint (tandem_store_save_company (db->store, company, &error), >, 0);
  g_assert_no_error (error);

  flip_middle (info->path, damaged);
  assert_refused (db, damaged, TANDEM_ERROR, TANDEM_ERROR_DATABASE, "damaged");
}

static void
set_user_version (const char *path,
                  guint       version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %u", version);
  sqlite3 *conn = NULL;

  g_assert_cmpint (sqlite3_open (path, &conn), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (conn, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (conn), ==, SQLITE_OK);
}

static void
test_restore_refuses_newer_M2 (TestDb        *db,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBackupInfo) info = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new ("Still Here");

  add_companies (db, "Early", 600);
  info = make_backup (db, "newer.db");
  g_assert_cmpint (tandem_store_save_company (db->store, company, &error), >, 0);
  g_assert_no_error (error);

  set_user_version (info->path, tandem_store_get_schema_version () + 1);
  assert_refused (db, info->path, TANDEM_ERROR, TANDEM_ERROR_TOO_NEW, "newer version of Tandem");
}

static void
test_restore_refuses_other_files_M2 (TestDb        *db,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new ("Still Here");
  g_autofree char *text = backup_path (db, "notes.db");
  g_autofree char *other = backup_path (db, "other.db");
  g_autofree char *empty = backup_path (db, "empty.db");
  g_autofree char *missing = backup_path (db, "missing.db");
  sqlite3 *conn = NULL;

  add_companies (db, "Early", 600);
  g_assert_cmpint (tandem_store_save_company (db->store, company, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (text, "Dear customer, thank you for your order.\n", -1, NULL));
  assert_refused (db, text, TANDEM_ERROR, TANDEM_ERROR_INVALID, "not a Tandem backup");

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (db, empty, TANDEM_ERROR, TANDEM_ERROR_INVALID, "not a Tandem backup");

  /* A database of some other program */
  g_assert_cmpint (sqlite3_open (other, &conn), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (conn, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');"
                                       "PRAGMA user_version = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (conn), ==, SQLITE_OK);
  assert_refused (db, other, TANDEM_ERROR, TANDEM_ERROR_INVALID, "not a Tandem backup");

  assert_refused (db, missing, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, "missing.db");
  assert_refused (db, db->dir, TANDEM_ERROR, TANDEM_ERROR_INVALID, "folder");
  assert_refused (db, db->path, TANDEM_ERROR, TANDEM_ERROR_INVALID, "database itself");
}

/* A backup of an older Tandem is brought up to this version's schema. */
static void
test_restore_older_schema_M2 (TestDb        *db,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sql = NULL;
  g_autofree char *old = backup_path (db, "old.db");
  g_autofree char *text = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(TandemCompany) company = NULL;
  g_autoptr(GPtrArray) names = NULL;
  sqlite3 *conn = NULL;

  sql = g_resources_lookup_data ("/io/github/tandemcrm/Tandem/migrations/0001-initial.sql", 0, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
  g_assert_cmpint (sqlite3_open (old, &conn), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (conn, text, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (conn, "INSERT INTO companies (name) VALUES ('Old Customer Oy');"
                                       "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (conn), ==, SQLITE_OK);

  g_assert_true (tandem_store_restore_backup (db->store, old, NULL, NULL, NULL, &kept, &error));
  g_assert_no_error (error);
  tandem_store_sign_out (db->store);
  g_assert_cmpint (test_sql_int (db->path, "PRAGMA user_version"), ==, tandem_store_get_schema_version ());
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM companies WHERE name = 'Old Customer Oy'"), ==, 1);

  /* That backup had no users: the first administrator is made again */
  g_assert_true (tandem_store_needs_first_admin (db->store));
  g_clear_object (&db->admin);
  db->admin = tandem_store_create_first_admin (db->store, TEST_ADMIN_LOGIN, "Ada Admin", TEST_ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  names = company_names (db);
  g_assert_true (has_name (names, "Old Customer Oy"));
}

/* Only administrators back up and restore: a backup holds, and a restore
 * replaces, everyone's data. */
static void
test_admin_only_M2 (TestDb        *db,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBackupInfo) info = make_backup (db, "admin.db");
  g_autoptr(TandemBackupInfo) refused = NULL;
  g_autofree char *path = backup_path (db, "user.db");
  g_autofree char *kept = NULL;

  g_object_unref (test_add_user (db, "manager", TANDEM_ROLE_MANAGER, NULL));
  test_sign_in (db, "manager");

  refused = tandem_store_backup (db->store, path, FALSE, NULL, NULL, NULL, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "administrator"));
  g_assert_null (refused);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (tandem_store_restore_backup (db->store, info->path, NULL, NULL, NULL, &kept, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_assert_false (has_before_restore_copy (db));
  g_clear_error (&error);

  tandem_store_sign_out (db->store);
  refused = tandem_store_backup (db->store, path, FALSE, NULL, NULL, NULL, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
  g_assert_null (refused);
}

/* Daily backups ---------------------------------------------------------------- */

static void
touch (const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
}

static gboolean
exists_in (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Keeping the last N deletes only older daily backups of this database,
 * nothing else in the folder. */
static void
test_prune_only_ours_M2 (TestDb        *db,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *folder = g_build_filename (db->dir, "backups", NULL);
  g_autofree char *sub = g_build_filename (folder, "tandem-backup-2026-02-01.db", NULL);
  g_autofree char *link = g_build_filename (folder, "tandem-backup-2026-03-01.db", NULL);
  static const char * const others[] = {
    "notes.txt", "other-backup-2026-01-01.db", "tandem-backup-2026-01-11.db.part",
    "tandem-backup-latest.db", "tandem-backup-2026-1-12.db", "Tandem Backup 2026-01-01.db",
    "tandem-before-restore-2026-01-01-101010.db", "xtandem-backup-2026-01-01.db",
  };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint day = 1; day <= 10; day++)
    {
      g_autofree char *name = g_strdup_printf ("tandem-backup-2026-01-%02u.db", day);

      touch (folder, name);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    touch (folder, others[i]);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (symlink (db->path, link), ==, 0);

  listed = tandem_backup_list_daily (folder, db->path);
  g_assert_cmpuint (listed->len, ==, 10);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (listed, 0), "tandem-backup-2026-01-10.db"));

  g_assert_true (tandem_backup_prune (folder, db->path, 3, &error));
  g_assert_no_error (error);
  for (guint day = 1; day <= 10; day++)
    {
      g_autofree char *name = g_strdup_printf ("tandem-backup-2026-01-%02u.db", day);

      g_assert_cmpint (exists_in (folder, name), ==, day >= 8);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_true (exists_in (folder, others[i]));
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (db->path, G_FILE_TEST_EXISTS));

  g_unlink (link);
  g_rmdir (sub);
}

/* The daily backup makes today's copy once, with nobody signed in, and
 * keeps the newest N. */
static void
test_daily_backup_M2 (TestDb        *db,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBackupInfo) first = NULL;
  g_autoptr(TandemBackupInfo) again = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *folder = g_build_filename (db->dir, "daily", "backups", NULL);
  g_autofree char *today = tandem_backup_get_daily_name (db->path, now);
  g_autofree char *expected = g_build_filename (folder, today, NULL);
  g_autofree char *check = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 9, 23, 59, 0);
  g_autofree char *dated = tandem_backup_get_daily_name ("/somewhere/crm.db", day);

  g_assert_cmpstr (dated, ==, "crm-backup-2026-03-09.db");

  add_companies (db, "Early", 50);
  tandem_store_sign_out (db->store);

  first = tandem_store_backup_daily (db->store, folder, 2, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->path, ==, expected);
  check = test_sql_text (expected, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (count_named (expected, "companies", "Early"), ==, 50);

  /* Older ones beyond the two kept go; today's is not made twice */
  touch (folder, "tandem-backup-2020-01-01.db");
  touch (folder, "tandem-backup-2020-01-02.db");
  touch (folder, "tandem-backup-2020-01-03.db");
  again = tandem_store_backup_daily (db->store, folder, 2, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->path, ==, expected);
  g_assert_cmpint (count_named (expected, "companies", "Later"), ==, 0);
  g_clear_pointer (&again, tandem_backup_info_free);

  /* Back Up Now makes today's copy anew */
  test_sign_in (db, TEST_ADMIN_LOGIN);
  add_companies (db, "Later", 5);
  tandem_store_sign_out (db->store);
  again = tandem_store_backup_daily (db->store, folder, 2, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->path, ==, expected);
  g_assert_cmpint (count_named (expected, "companies", "Later"), ==, 5);
  listed = tandem_backup_list_daily (folder, db->path);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (listed, 0), ==, expected);
  g_assert_true (exists_in (folder, "tandem-backup-2020-01-03.db"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/backup/snapshot-M2", TestDb, NULL,
              test_db_setup, test_backup_snapshot_M2, test_db_teardown);
  g_test_add ("/backup/while-writing-M2", TestDb, NULL,
              test_db_setup, test_backup_while_writing_M2, test_db_teardown);
  g_test_add ("/backup/failures-leave-nothing-M2", TestDb, NULL,
              test_db_setup, test_backup_failures_leave_nothing_M2, test_db_teardown);
  g_test_add ("/backup/restore-round-trip-M2", TestDb, NULL,
              test_db_setup, test_restore_round_trip_M2, test_db_teardown);
  g_test_add ("/backup/restore-refuses-damaged-M2", TestDb, NULL,
              test_db_setup, test_restore_refuses_damaged_M2, test_db_teardown);
  g_test_add ("/backup/restore-refuses-newer-M2", TestDb, NULL,
              test_db_setup, test_restore_refuses_newer_M2, test_db_teardown);
  g_test_add ("/backup/restore-refuses-other-files-M2", TestDb, NULL,
              test_db_setup, test_restore_refuses_other_files_M2, test_db_teardown);
  g_test_add ("/backup/restore-older-schema-M2", TestDb, NULL,
              test_db_setup, test_restore_older_schema_M2, test_db_teardown);
  g_test_add ("/backup/admin-only-M2", TestDb, NULL,
              test_db_setup, test_admin_only_M2, test_db_teardown);
  g_test_add ("/backup/prune-only-ours-M2", TestDb, NULL,
              test_db_setup, test_prune_only_ours_M2, test_db_teardown);
  g_test_add ("/backup/daily-M2", TestDb, NULL,
              test_db_setup, test_daily_backup_M2, test_db_teardown);

  return g_test_run ();
}
