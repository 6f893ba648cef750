/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"
#define _GNU_SOURCE

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tandem-credentials.h"
#include "tandem-error.h"
#include "tandem-store.h"

/* Credentials in a real keyring (SPEC A3). Runs inside
 * keyring-session.sh, which gives it a gnome-keyring-daemon of its own,
 * a temporary home folder and the password to use. */

static const char *
keyring_password (void)
{
  return g_getenv ("TANDEM_KEYRING_TEST_PASSWORD");
}

static gboolean
skip_without_keyring (void)
{
  if (keyring_password () == NULL || g_getenv ("TANDEM_KEYRING_TEST_HOME") == NULL)
    {
      g_test_skip ("Needs keyring-session.sh");
      return TRUE;
    }
  return FALSE;
}

/* Every file under @dir but the keyring's own that holds @needle */
static void
find_files_holding (const char *dir,
                    const char *needle,
                    GPtrArray  *found)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (!g_str_equal (name, "keyrings"))
            find_files_holding (path, needle, found);
          continue;
        }
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
          !g_file_get_contents (path, &contents, &length, NULL))
        continue;
      if (memmem (contents, length, needle, strlen (needle)) != NULL)
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
}

static void
assert_only_in_keyring (const char *password)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  find_files_holding (g_getenv ("TANDEM_KEYRING_TEST_HOME"), password, found);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("The password is in %s", (char *) g_ptr_array_index (found, i));
  g_assert_cmpuint (found->len, ==, 0);
}

/* A3: a remembered sign-in is found in the keyring and nowhere else:
 * not in the database or its write-ahead log, not in the settings, not
 * in any other file; forgetting it takes it out of the keyring. */
static void
test_login_only_in_keyring_A3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemUser) admin = NULL;
  g_autoptr(TandemCompany) company = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *login = NULL;
  g_autofree char *other = NULL;
  char *password = NULL;
  const char *typed;

  if (skip_without_keyring ())
    return;
  typed = keyring_password ();

  /* The database the app uses, in the test's home folder */
  path = tandem_store_get_default_path ();
  g_assert_true (g_str_has_prefix (path, g_getenv ("TANDEM_KEYRING_TEST_HOME")));
  store = tandem_store_open (path, &error);
  g_assert_no_error (error);
  admin = tandem_store_create_first_admin (store, "ada", "Ada Admin", typed, &error);
  g_assert_no_error (error);
  company = tandem_company_new ("Kesko Oyj");
  g_assert_cmpint (tandem_store_save_company (store, company, &error), >, 0);
  g_assert_no_error (error);

  /* What the sign-in window does with Remember Me on */
  g_assert_true (tandem_credentials_save_login_sync (path, "ada", typed, NULL, &error));
  g_assert_no_error (error);
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "last-login", "ada");
  g_settings_set_boolean (settings, "remember-sign-in", TRUE);
  g_settings_sync ();

  g_assert_true (tandem_credentials_lookup_login_sync (path, &login, &password, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (login, ==, "ada");
  g_assert_cmpstr (password, ==, typed);

  /* The files the search below must cover are there. */
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *keyfile = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (keyfile, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "remember-sign-in=true"));
  }
  assert_only_in_keyring (typed);

  /* The password from the keyring signs in. */
  tandem_store_sign_out (store);
  g_assert_true (tandem_store_sign_in (store, login, password, &error));
  g_assert_no_error (error);
  tandem_credentials_free_secret (password);
  password = NULL;
  g_clear_pointer (&login, g_free);

  /* Each database has its own; a new sign-in replaces the old one. */
  other = g_build_filename (g_get_user_data_dir (), "tandem", "other.db", NULL);
  g_assert_true (tandem_credentials_save_login_sync (other, "ben", "ben-password-1", NULL, &error));
  g_assert_true (tandem_credentials_save_login_sync (other, "cleo", "cleo-password-1", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_credentials_lookup_login_sync (other, &login, &password, NULL, &error));
  g_assert_cmpstr (login, ==, "cleo");
  g_assert_cmpstr (password, ==, "cleo-password-1");
  tandem_credentials_free_secret (password);
  password = NULL;
  g_clear_pointer (&login, g_free);

  /* Forgetting one database's sign-in leaves the other's. */
  g_assert_true (tandem_credentials_forget_login_sync (path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_credentials_lookup_login_sync (path, &login, &password, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (login);
  g_assert_null (password);
  g_assert_true (tandem_credentials_lookup_login_sync (other, &login, &password, NULL, &error));
  g_assert_cmpstr (login, ==, "cleo");
  tandem_credentials_free_secret (password);
  g_assert_true (tandem_credentials_forget_login_sync (other, NULL, &error));

  g_clear_object (&store);
  assert_only_in_keyring (typed);
}

/* A3: a service credential (mail server, SMS gateway, team server) is
 * kept per service and account. */
static void
test_service_secret_A3 (void)
{
  g_autoptr(GError) error = NULL;
  char *secret;

  if (skip_without_keyring ())
    return;

  g_assert_true (tandem_credentials_save_secret_sync ("smtp", "sales@example.com", "Tandem: mail server",
                                                      "smtp-password-1", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_credentials_save_secret_sync ("sms", "sales@example.com", NULL,
                                                      "sms-token-1", NULL, &error));
  g_assert_no_error (error);

  secret = tandem_credentials_lookup_secret_sync ("smtp", "sales@example.com", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "smtp-password-1");
  tandem_credentials_free_secret (secret);

  secret = tandem_credentials_lookup_secret_sync ("smtp", "other@example.com", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  /* Saving again replaces it. */
  g_assert_true (tandem_credentials_save_secret_sync ("smtp", "sales@example.com", NULL,
                                                      "smtp-password-2", NULL, &error));
  secret = tandem_credentials_lookup_secret_sync ("smtp", "sales@example.com", NULL, &error);
  g_assert_cmpstr (secret, ==, "smtp-password-2");
  tandem_credentials_free_secret (secret);

  g_assert_true (tandem_credentials_forget_secret_sync ("smtp", "sales@example.com", NULL, &error));
  g_assert_no_error (error);
  secret = tandem_credentials_lookup_secret_sync ("smtp", "sales@example.com", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (secret);
  secret = tandem_credentials_lookup_secret_sync ("sms", "sales@example.com", NULL, &error);
  g_assert_cmpstr (secret, ==, "sms-token-1");
  tandem_credentials_free_secret (secret);
  g_assert_true (tandem_credentials_forget_secret_sync ("sms", "sales@example.com", NULL, &error));

  /* Nothing is kept for an empty password. */
  g_assert_false (tandem_credentials_save_secret_sync ("smtp", "sales@example.com", NULL, "", NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
}

static void
on_async_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* A3: the same from a window, which must not wait: on a worker thread. */
static void
test_async_A3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) looked_up = NULL;
  g_autoptr(GAsyncResult) forgotten = NULL;
  g_autoptr(GAsyncResult) looked_up_again = NULL;
  g_autoptr(GAsyncResult) secret_saved = NULL;
  g_autoptr(GAsyncResult) secret_found = NULL;
  g_autofree char *login = NULL;
  char *password = NULL;
  char *secret;

  if (skip_without_keyring ())
    return;

  tandem_credentials_save_login ("/tmp/async.db", "ada", "async-password-1", NULL, on_async_done_cb, &saved);
  g_assert_true (tandem_credentials_save_login_finish (wait_for (&saved), &error));
  g_assert_no_error (error);

  tandem_credentials_lookup_login ("/tmp/async.db", NULL, on_async_done_cb, &looked_up);
  g_assert_true (tandem_credentials_lookup_login_finish (wait_for (&looked_up), &login, &password, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (login, ==, "ada");
  g_assert_cmpstr (password, ==, "async-password-1");
  tandem_credentials_free_secret (password);
  g_clear_pointer (&login, g_free);

  tandem_credentials_forget_login ("/tmp/async.db", NULL, on_async_done_cb, &forgotten);
  g_assert_true (tandem_credentials_forget_login_finish (wait_for (&forgotten), &error));
  tandem_credentials_lookup_login ("/tmp/async.db", NULL, on_async_done_cb, &looked_up_again);
  g_assert_true (tandem_credentials_lookup_login_finish (wait_for (&looked_up_again), &login, &password, &error));
  g_assert_null (login);
  g_assert_null (password);

  tandem_credentials_save_secret ("team-server", "ada", NULL, "team-secret-1", NULL, on_async_done_cb, &secret_saved);
  g_assert_true (tandem_credentials_save_secret_finish (wait_for (&secret_saved), &error));
  tandem_credentials_lookup_secret ("team-server", "ada", NULL, on_async_done_cb, &secret_found);
  secret = tandem_credentials_lookup_secret_finish (wait_for (&secret_found), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "team-secret-1");
  tandem_credentials_free_secret (secret);
  g_assert_true (tandem_credentials_forget_secret_sync ("team-server", "ada", NULL, &error));
}

/* A3: without a Secret Service every call fails with an error, quietly:
 * no crash, no warning, nothing kept anywhere else. */
static void
test_no_keyring_A3 (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *login = NULL;
      char *password = NULL;

      g_assert_false (tandem_credentials_save_login_sync ("/tmp/none.db", "ada", "no-keyring-password", NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_false (tandem_credentials_lookup_login_sync ("/tmp/none.db", &login, &password, NULL, &error));
      g_assert_nonnull (error);
      g_assert_null (password);
      g_clear_error (&error);
      g_assert_null (tandem_credentials_lookup_secret_sync ("smtp", "ada", NULL, &error));
      g_assert_nonnull (error);
      return;
    }

  if (skip_without_keyring ())
    return;
  {
    g_autofree char *bus = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));

    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", bus, TRUE);
  }
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keyring/login-only-in-keyring-A3", test_login_only_in_keyring_A3);
  g_test_add_func ("/keyring/service-secret-A3", test_service_secret_A3);
  g_test_add_func ("/keyring/async-A3", test_async_A3);
  g_test_add_func ("/keyring/no-keyring-A3", test_no_keyring_A3);

  return g_test_run ();
}
