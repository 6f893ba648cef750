/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"
#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include "tandem-application.h"
#include "tandem-credentials.h"
#include "tandem-error.h"
#include "tandem-sign-in-window-private.h"
#include "tandem-totp.h"
#include "tandem-window.h"

/* Remember Me through the real application (SPEC A3): signing in with it
 * on keeps the password in the keyring and nowhere else, the next start
 * signs in by itself, and Sign Out forgets it. A user with two-step
 * sign-in is still asked for the code (SPEC A2). Runs inside
 * keyring-session.sh with a display. */

#define STEP_MS    100
#define TIMEOUT_MS 20000

typedef struct
{
  TandemApplication *app;
  const char        *path;
  const char        *password;
  guint              stage;
  guint              waited;
  gboolean           done;
} Script;

static const char *
keyring_password (void)
{
  return g_getenv ("TANDEM_KEYRING_TEST_PASSWORD");
}

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
      if (g_file_get_contents (path, &contents, &length, NULL) &&
          memmem (contents, length, needle, strlen (needle)) != NULL)
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
}

static void
assert_only_in_keyring (const char *password)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  g_settings_sync ();
  find_files_holding (g_getenv ("TANDEM_KEYRING_TEST_HOME"), password, found);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("The password is in %s", (char *) g_ptr_array_index (found, i));
  g_assert_cmpuint (found->len, ==, 0);
}

static gpointer
find_window (Script *script,
             GType   type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (script->app)); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The remembered login and password, or NULL */
static char *
remembered (const char  *path,
            char       **password)
{
  g_autoptr(GError) error = NULL;
  char *login = NULL;

  g_assert_true (tandem_credentials_lookup_login_sync (path, &login, password, NULL, &error));
  g_assert_no_error (error);
  return login;
}

static gboolean
remember_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_boolean (settings, "remember-sign-in");
}

static void
quit (Script *script)
{
  script->done = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (script->app), "quit", NULL);
}

/* First start: sign in with Remember Me on */
static gboolean
first_start_step_cb (gpointer data)
{
  Script *script = data;
  TandemSignInWindow *sign_in;

  if (script->done)
    return G_SOURCE_REMOVE;
  script->waited += STEP_MS;
  g_assert_cmpuint (script->waited, <, TIMEOUT_MS);

  switch (script->stage)
    {
    case 0:
      sign_in = find_window (script, TANDEM_TYPE_SIGN_IN_WINDOW);
      if (sign_in == NULL || tandem_sign_in_window_get_busy (sign_in))
        return G_SOURCE_CONTINUE;
      /* Nothing remembered yet: nothing filled in */
      g_assert_cmpstr (gtk_editable_get_text (tandem_sign_in_window_get_password_row (sign_in)), ==, "");
      g_assert_false (gtk_switch_get_active (tandem_sign_in_window_get_remember_switch (sign_in)));
      gtk_editable_set_text (tandem_sign_in_window_get_login_row (sign_in), "ada");
      gtk_editable_set_text (tandem_sign_in_window_get_password_row (sign_in), script->password);
      gtk_switch_set_active (tandem_sign_in_window_get_remember_switch (sign_in), TRUE);
      g_signal_emit_by_name (tandem_sign_in_window_get_button (sign_in), "clicked");
      script->stage++;
      return G_SOURCE_CONTINUE;

    case 1:
      {
        g_autofree char *login = NULL;
        char *password = NULL;

        if (find_window (script, TANDEM_TYPE_WINDOW) == NULL)
          return G_SOURCE_CONTINUE;
        /* Kept in the keyring (on a worker thread: wait for it) */
        login = remembered (script->path, &password);
        if (login == NULL)
          return G_SOURCE_CONTINUE;
        g_assert_cmpstr (login, ==, "ada");
        g_assert_cmpstr (password, ==, script->password);
        tandem_credentials_free_secret (password);
        g_assert_true (remember_setting ());

        /* … and nowhere else, while the database is open */
        assert_only_in_keyring (script->password);
        quit (script);
        return G_SOURCE_REMOVE;
      }

    default:
      g_assert_not_reached ();
    }
}

/* Next start: signed in by itself; Sign Out forgets it */
static gboolean
next_start_step_cb (gpointer data)
{
  Script *script = data;

  if (script->done)
    return G_SOURCE_REMOVE;
  script->waited += STEP_MS;
  g_assert_cmpuint (script->waited, <, TIMEOUT_MS);

  switch (script->stage)
    {
    case 0:
      /* No typing: the main window opens. */
      if (find_window (script, TANDEM_TYPE_WINDOW) == NULL)
        return G_SOURCE_CONTINUE;
      g_action_group_activate_action (G_ACTION_GROUP (script->app), "sign-out", NULL);
      script->stage++;
      return G_SOURCE_CONTINUE;

    case 1:
      {
        g_autofree char *login = NULL;
        char *password = NULL;
        TandemSignInWindow *sign_in = find_window (script, TANDEM_TYPE_SIGN_IN_WINDOW);

        if (sign_in == NULL || find_window (script, TANDEM_TYPE_WINDOW) != NULL)
          return G_SOURCE_CONTINUE;
        login = remembered (script->path, &password);
        if (login != NULL)
          {
            tandem_credentials_free_secret (password);
            return G_SOURCE_CONTINUE;
          }
        /* Forgotten: the sign-in waits for a password. */
        g_assert_false (remember_setting ());
        g_assert_false (tandem_sign_in_window_get_busy (sign_in));
        g_assert_cmpstr (gtk_editable_get_text (tandem_sign_in_window_get_password_row (sign_in)), ==, "");
        assert_only_in_keyring (script->password);
        quit (script);
        return G_SOURCE_REMOVE;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
run_app (Script      *script,
         GSourceFunc  step)
{
  const char *argv[] = { "tandem", "--db", script->path, NULL };

  script->app = tandem_application_new ();
  script->stage = 0;
  script->waited = 0;
  script->done = FALSE;
  g_timeout_add (STEP_MS, step, script);
  g_assert_cmpint (g_application_run (G_APPLICATION (script->app), 3, (char **) argv), ==, 0);
  g_assert_true (script->done);
  g_clear_object (&script->app);
}

/* A3: the round trip through the application */
static void
test_remember_me_round_trip_A3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemUser) admin = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GSettings) settings = NULL;
  Script script = { 0 };

  if (keyring_password () == NULL)
    {
      g_test_skip ("Needs keyring-session.sh");
      return;
    }

  path = g_build_filename (g_getenv ("TANDEM_KEYRING_TEST_HOME"), "remember.db", NULL);
  store = tandem_store_open (path, &error);
  g_assert_no_error (error);
  admin = tandem_store_create_first_admin (store, "ada", "Ada Admin", keyring_password (), &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "remember-sign-in", FALSE);

  script.path = path;
  script.password = keyring_password ();
  run_app (&script, first_start_step_cb);
  run_app (&script, next_start_step_cb);
}

static void
on_signed_in_cb (TandemSignInWindow *window,
                 guint              *count)
{
  (*count)++;
}

/* A2, A3: a remembered user with two-step sign-in is still asked for
 * the code, with the login and password already taken from the keyring. */
static void
test_remembered_user_gives_code_A2_A3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemUser) admin = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *code = NULL;
  TandemSignInWindow *window;
  guint signed_in = 0;
  gint64 deadline;

  if (keyring_password () == NULL)
    {
      g_test_skip ("Needs keyring-session.sh");
      return;
    }

  path = g_build_filename (g_getenv ("TANDEM_KEYRING_TEST_HOME"), "code.db", NULL);
  store = tandem_store_open (path, &error);
  g_assert_no_error (error);
  admin = tandem_store_create_first_admin (store, "ada", "Ada Admin", keyring_password (), &error);
  g_assert_no_error (error);
  codes = tandem_store_second_factor_enable (store, "ada", &uri, &error);
  g_assert_no_error (error);
  secret = g_strndup (strstr (uri, "secret=") + 7, strcspn (strstr (uri, "secret=") + 7, "&"));
  tandem_store_sign_out (store);

  g_assert_true (tandem_credentials_save_login_sync (path, "ada", keyring_password (), NULL, &error));
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "remember-sign-in", TRUE);

  window = tandem_sign_in_window_new (NULL, store);
  g_signal_connect (window, "signed-in", G_CALLBACK (on_signed_in_cb), &signed_in);
  gtk_window_present (GTK_WINDOW (window));

  deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;
  while (g_strcmp0 (tandem_sign_in_window_get_page (window), "code") != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (signed_in, ==, 0);
  g_assert_null (tandem_store_get_user (store));
  g_assert_cmpstr (gtk_editable_get_text (tandem_sign_in_window_get_login_row (window)), ==, "ada");

  code = tandem_totp_code (secret, g_get_real_time () / G_USEC_PER_SEC, &error);
  gtk_editable_set_text (tandem_sign_in_window_get_code_row (window), code);
  g_signal_emit_by_name (tandem_sign_in_window_get_code_button (window), "clicked");
  g_assert_cmpuint (signed_in, ==, 1);
  g_assert_cmpstr (tandem_user_get_login (tandem_store_get_user (store)), ==, "ada");

  gtk_window_destroy (GTK_WINDOW (window));
  tandem_sign_in_window_forget_sign_in (store);
  g_assert_false (g_settings_get_boolean (settings, "remember-sign-in"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("No display");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/keyring/remember-me-round-trip-A3", test_remember_me_round_trip_A3);
  g_test_add_func ("/keyring/remembered-user-gives-code-A2-A3", test_remembered_user_gives_code_A2_A3);

  return g_test_run ();
}
