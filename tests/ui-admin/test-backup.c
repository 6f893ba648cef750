/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTestBackup"

#include "config.h"

#include <string.h>

#include "tandem-backup-actions-private.h"
#include "tandem-backup-page.h"
#include "tandem-backup-service.h"
#include "tandem-preferences-window.h"
#include "tandem-window.h"
#include "ui-admin-util.h"

/* Backup and restore in the application (SPEC M2): the restore asks
 * first, naming the backup and its date, closes the windows, restores
 * and brings back the sign-in; a refused file changes nothing. */

#define ADMIN_PASSWORD "admin-password-1"
#define USER_PASSWORD  "user-password-1"

static guint activated;

static void
on_activate_cb (GApplication *application)
{
  /* The application shows the sign-in window here */
  activated++;
}

static GtkApplication *
new_application (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *folder = g_build_filename (fixture->dir, "daily", NULL);
  static guint n_applications;
  g_autofree char *id = g_strdup_printf ("io.github.tandemcrm.Tandem.TestBackup%u", ++n_applications);
  GtkApplication *application;

  /* Nothing automatic in a test, and nothing outside its folder */
  g_settings_set_boolean (settings, "backup-daily", FALSE);
  g_settings_set_string (settings, "backup-folder", folder);

  /* One application for each test that runs in this process */
  application = gtk_application_new (id, G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "activate", G_CALLBACK (on_activate_cb), NULL);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  g_application_set_default (G_APPLICATION (application));
  tandem_backup_install (application, fixture->store);
  activated = 0;
  return application;
}

static void
set_up_data (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) admin = NULL;
  g_autoptr(TandemUser) user = NULL;

  admin = tandem_store_create_first_admin (fixture->store, "ada", "Ada Admin", ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  user = tandem_store_add_user (fixture->store, "sam", "Sam Seller", USER_PASSWORD, TANDEM_ROLE_USER, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %02u Oy", i);
      g_autoptr(TandemCompany) company = tandem_company_new (name);

      g_assert_cmpint (tandem_store_save_company (fixture->store, company, &error), >, 0);
      g_assert_no_error (error);
    }
}

static void
add_company (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new (name);

  g_assert_cmpint (tandem_store_save_company (fixture->store, company, &error), >, 0);
  g_assert_no_error (error);
}

static gboolean
has_company (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = tandem_store_list_page (fixture->store, TANDEM_KIND_COMPANY, NULL, 0, 0, 1000, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < page->len; i++)
    if (g_str_equal (tandem_record_get_title (g_ptr_array_index (page, i)), name))
      return TRUE;
  return FALSE;
}

static void
sign_in (Fixture    *fixture,
         const char *login)
{
  g_autoptr(GError) error = NULL;

  tandem_store_sign_out (fixture->store);
  g_assert_true (tandem_store_sign_in (fixture->store, login,
                                       g_str_equal (login, "ada") ? ADMIN_PASSWORD : USER_PASSWORD, &error));
  g_assert_no_error (error);
}

static char *
make_backup (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBackupInfo) info = NULL;
  char *path = g_build_filename (fixture->dir, "Tandem Backup.db", NULL);

  info = tandem_store_backup (fixture->store, path, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, for at most ten seconds */
static void
wait_until (gboolean (*done) (GtkApplication *application),
            GtkApplication *application)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, on_timeout_cb, &timed_out);

  while (!done (application) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  run_main_loop ();
}

static gboolean
dialog_shown (GtkApplication *application)
{
  GtkWindow *dialog = tandem_backup_get_dialog (application);

  return dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (dialog));
}

static gboolean
not_busy (GtkApplication *application)
{
  return !tandem_backup_is_busy (application) && activated > 0;
}

static TandemWindow *
find_main_window (GtkApplication *application)
{
  for (GList *l = gtk_application_get_windows (application); l; l = l->next)
    if (TANDEM_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static AdwMessageDialog *
open_restore (GtkApplication *application,
              GtkWindow      *parent,
              const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tandem_backup_restore_file (application, parent, file);
  wait_until (dialog_shown, application);
  return ADW_MESSAGE_DIALOG (tandem_backup_get_dialog (application));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (label == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks a response of a message dialog, as a person would */
static void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  GtkWidget *button = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  run_main_loop ();
}

static void
finish (GtkApplication *application)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (application));

  for (GList *l = windows; l; l = l->next)
    gtk_window_destroy (l->data);
  run_main_loop ();
  g_application_set_default (NULL);
  g_object_unref (application);
}

static void
test_restore_confirmation (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *backup = NULL;
  g_autoptr(GDir) dir = NULL;
  GtkApplication *application;
  AdwMessageDialog *dialog;
  TandemWindow *window;
  const char *body;
  const char *entry;
  gboolean kept = FALSE;

  set_up_data (fixture);
  sign_in (fixture, "ada");
  application = new_application (fixture);
  backup = make_backup (fixture);
  add_company (fixture, "Added After the Backup Ab");

  window = tandem_window_new (application, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  run_main_loop ();

  /* It says what is restored, from when, and what happens */
  dialog = open_restore (application, GTK_WINDOW (window), backup);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Backup?");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "“Tandem Backup.db”"));
  g_assert_nonnull (strstr (body, "for everyone"));
  g_assert_nonnull (strstr (body, "signs in again"));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *year = g_date_time_format (now, "%Y");

    g_assert_nonnull (strstr (body, year));
  }
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "restore"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");

  /* Cancel changes nothing */
  respond (dialog, "_Cancel");
  g_assert_null (tandem_backup_get_dialog (application));
  g_assert_false (tandem_backup_is_busy (application));
  g_assert_true (find_main_window (application) == window);
  g_assert_true (has_company (fixture, "Added After the Backup Ab"));
  g_assert_nonnull (tandem_store_get_user (fixture->store));

  /* Restore closes the window, restores, and everyone signs in again */
  dialog = open_restore (application, GTK_WINDOW (window), backup);
  respond (dialog, "_Restore");
  wait_until (not_busy, application);
  g_assert_null (find_main_window (application));
  g_assert_null (tandem_store_get_user (fixture->store));
  g_assert_cmpuint (activated, ==, 1);
  dialog = ADW_MESSAGE_DIALOG (tandem_backup_get_dialog (application));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Backup Restored");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "tandem-before-restore-"));

  sign_in (fixture, "ada");
  g_assert_false (has_company (fixture, "Added After the Backup Ab"));
  g_assert_true (has_company (fixture, "Customer 00 Oy"));
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((entry = g_dir_read_name (dir)) != NULL)
    kept |= g_str_has_prefix (entry, "tandem-before-restore-");
  g_assert_true (kept);

  finish (application);
}

static void
test_restore_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "letter.db", NULL);
  g_autofree char *backup = NULL;
  GtkApplication *application;
  AdwMessageDialog *dialog;
  TandemWindow *window;

  set_up_data (fixture);
  sign_in (fixture, "ada");
  application = new_application (fixture);
  backup = make_backup (fixture);
  window = tandem_window_new (application, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  run_main_loop ();

  /* Not a backup: said so, and nothing closes */
  g_assert_true (g_file_set_contents (text, "Dear customer,\n", -1, NULL));
  dialog = open_restore (application, GTK_WINDOW (window), text);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Backup Cannot Be Restored");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not a Tandem backup"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was changed"));
  respond (dialog, "_Close");
  g_assert_true (find_main_window (application) == window);
  g_assert_nonnull (tandem_store_get_user (fixture->store));

  /* Only administrators restore */
  sign_in (fixture, "sam");
  dialog = open_restore (application, GTK_WINDOW (window), backup);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Only Administrators Can Restore");
  respond (dialog, "_Close");
  g_assert_true (find_main_window (application) == window);
  g_assert_false (tandem_backup_is_busy (application));

  finish (application);
}

static gboolean
service_idle (GtkApplication *application)
{
  TandemBackupService *service = tandem_backup_service_get_for_application (G_APPLICATION (application));

  return !tandem_backup_service_is_busy (service);
}

static TandemBackupPage *
find_page (TandemPreferencesWindow *prefs)
{
  return (TandemBackupPage *) find_descendant (GTK_WIDGET (prefs), TANDEM_TYPE_BACKUP_PAGE, NULL);
}

/* The Backup page is for administrators; Back Up Now makes today's copy
 * in the chosen folder and tells when. */
static void
test_backup_page (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *daily = NULL;
  g_autofree char *expected = NULL;
  GtkApplication *application;
  TandemPreferencesWindow *prefs;
  TandemBackupPage *page;
  AdwActionRow *last;

  set_up_data (fixture);
  sign_in (fixture, "sam");
  application = new_application (fixture);

  prefs = tandem_preferences_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (prefs));
  run_main_loop ();
  g_assert_null (find_page (prefs));
  destroy_window (prefs);

  sign_in (fixture, "ada");
  prefs = tandem_preferences_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (prefs));
  run_main_loop ();
  page = find_page (prefs);
  g_assert_nonnull (page);
  last = ADW_ACTION_ROW (tandem_backup_page_get_part (page, "last"));
  g_assert_cmpstr (adw_action_row_get_subtitle (last), ==, "None yet");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (tandem_backup_page_get_part (page, "daily"))));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (tandem_backup_page_get_part (page, "keep"))), ==, 7);

  click (tandem_backup_page_get_part (page, "now"));
  wait_until (service_idle, application);
  daily = tandem_backup_get_daily_name (tandem_store_get_path (fixture->store), now);
  expected = g_build_filename (fixture->dir, "daily", daily, NULL);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (adw_action_row_get_subtitle (last), !=, "None yet");
  g_assert_cmpstr (adw_action_row_get_subtitle (last), !=, "Backing up…");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (last), "error"));

  destroy_window (prefs);
  g_unlink (expected);
  {
    g_autofree char *folder = g_path_get_dirname (expected);

    g_rmdir (folder);
  }
  finish (application);
}

int
main (int   argc,
      char *argv[])
{
  if (!init_display (&argc, &argv))
    {
      g_printerr ("No display: skipped\n");
      return 77;
    }

  g_test_add ("/ui/backup-restore-confirmation-M2", Fixture, NULL, fixture_set_up, test_restore_confirmation,
              fixture_tear_down);
  g_test_add ("/ui/backup-restore-refused-M2", Fixture, NULL, fixture_set_up, test_restore_refused,
              fixture_tear_down);
  g_test_add ("/ui/backup-page-M2", Fixture, NULL, fixture_set_up, test_backup_page, fixture_tear_down);
  return g_test_run ();
}
