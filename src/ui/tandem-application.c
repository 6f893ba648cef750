/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemApplication"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-application.h"
#include "tandem-audit-window.h"
#include "tandem-backup-actions.h"
#include "tandem-preferences-window.h"
#include "tandem-reminder-service.h"
#include "tandem-sign-in-window.h"
#include "tandem-store.h"
#include "tandem-window.h"

struct _TandemApplication
{
  AdwApplication parent_instance;

  char                  *db_path;
  TandemStore           *store;
  TandemReminderService *reminders;
  gboolean               signing_out;
};

G_DEFINE_FINAL_TYPE (TandemApplication, tandem_application, ADW_TYPE_APPLICATION)

static TandemWindow *
find_main_window (TandemApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (TANDEM_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void show_sign_in (TandemApplication *self);

static void
on_reminders_collected_cb (TandemApplication *self)
{
  TandemWindow *window = find_main_window (self);

  if (window != NULL)
    tandem_window_reload_notifications (window);
}

/* Reminders fire while the application runs and a user is signed in
 * (SPEC D11), whichever windows are open. */
static void
start_reminders (TandemApplication *self)
{
  if (self->reminders == NULL)
    {
      self->reminders = tandem_reminder_service_new (G_APPLICATION (self), self->store);
      g_signal_connect_object (self->reminders, "collected", G_CALLBACK (on_reminders_collected_cb),
                               self, G_CONNECT_SWAPPED);
    }
  if (!tandem_reminder_service_is_running (self->reminders))
    tandem_reminder_service_start (self->reminders);
}

static void
show_main_window (TandemApplication *self)
{
  TandemWindow *window = find_main_window (self);

  if (window == NULL)
    window = tandem_window_new (GTK_APPLICATION (self), self->store);
  gtk_window_present (GTK_WINDOW (window));
  start_reminders (self);
}

static void
on_signed_in_cb (TandemApplication  *self,
                 TandemSignInWindow *sign_in)
{
  show_main_window (self);
  gtk_window_destroy (GTK_WINDOW (sign_in));
}

static void
show_sign_in (TandemApplication *self)
{
  TandemSignInWindow *sign_in = tandem_sign_in_window_new (GTK_APPLICATION (self), self->store);

  g_signal_connect_object (sign_in, "signed-in", G_CALLBACK (on_signed_in_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (sign_in));
}

static void
show_open_error (TandemApplication *self,
                 const char        *message)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("Could Not Open the Database"), message);

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Tandem"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_window_removed_cb (TandemApplication *self,
                      GtkWindow         *window)
{
  if (!TANDEM_IS_WINDOW (window) || !self->signing_out)
    return;
  self->signing_out = FALSE;
  if (self->reminders != NULL)
    tandem_reminder_service_stop (self->reminders);
  tandem_store_sign_out (self->store);
  show_sign_in (self);
}

/* Actions ------------------------------------------------------------------ */

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TandemApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  TandemPreferencesWindow *prefs;

  if (self->store == NULL || tandem_store_get_user (self->store) == NULL)
    return;
  prefs = tandem_preferences_window_new (parent, self->store);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TandemApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (parent,
                         "application-name", _("Tandem"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Tandem developers"),
                         "developers", (const char * const[]) { _("Tandem developers"), NULL },
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/tandemcrm/tandem",
                         "issue-url", "https://github.com/tandemcrm/tandem/issues",
                         "comments", _("Customers, people and notes for sales teams, with every note seen only by those it is meant for"),
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 Tandem developers",
                         NULL);
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TandemApplication *self = user_data;

  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)), "help:tandem", GDK_CURRENT_TIME);
}

static void
sign_out_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  TandemApplication *self = user_data;
  TandemWindow *window = find_main_window (self);

  if (window == NULL)
    return;
  /* Signing out forgets a remembered sign-in (SPEC A3). The window may
   * first ask about unsaved changes; the session ends when it is gone. */
  tandem_sign_in_window_forget_sign_in (self->store);
  self->signing_out = TRUE;
  gtk_window_close (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TandemApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window lets the main window ask about unsaved changes. */
  self->signing_out = FALSE;
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

/* The default action of a reminder's desktop notification. */
static void
open_activity_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  TandemApplication *self = user_data;
  TandemWindow *window;

  if (self->store == NULL || tandem_store_get_user (self->store) == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      return;
    }
  window = find_main_window (self);
  if (window == NULL)
    window = tandem_window_new (GTK_APPLICATION (self), self->store);
  gtk_window_present (GTK_WINDOW (window));
  tandem_window_open_activity (window, g_variant_get_int64 (parameter), 0);
}

/* Opens a project card from anywhere (a company card's project list). */
static void
open_project_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  TandemApplication *self = user_data;
  TandemWindow *window;

  if (self->store == NULL || tandem_store_get_user (self->store) == NULL)
    return;
  window = find_main_window (self);
  if (window == NULL)
    window = tandem_window_new (GTK_APPLICATION (self), self->store);
  tandem_window_open_project (window, g_variant_get_int64 (parameter));
}

static const GActionEntry app_actions[] = {
  { "open-activity", open_activity_action, "x" },
  { "open-project", open_project_action, "x" },
  { "preferences", preferences_action },
  { "about", about_action },
  { "help", help_action },
  { "sign-out", sign_out_action },
  { "quit", quit_action },
};

/* Overrides ---------------------------------------------------------------- */

static int
tandem_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  TandemApplication *self = TANDEM_APPLICATION (application);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db) && db != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db);

      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
      /* A chosen database is its own instance, so tests and screenshots can
       * run several side by side. */
      g_application_set_flags (application, g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  return G_APPLICATION_CLASS (tandem_application_parent_class)->handle_local_options (application, options);
}

static void
tandem_application_startup (GApplication *application)
{
  TandemApplication *self = TANDEM_APPLICATION (application);
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (tandem_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);

  g_signal_connect_object (self, "window-removed", G_CALLBACK (on_window_removed_cb), self, G_CONNECT_SWAPPED);
}

static void
tandem_application_activate (GApplication *application)
{
  TandemApplication *self = TANDEM_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      g_autofree char *path = self->db_path ? g_strdup (self->db_path) : tandem_store_get_default_path ();

      self->store = tandem_store_open (path, &error);
      if (self->store == NULL)
        {
          show_open_error (self, error->message);
          return;
        }
      tandem_backup_install (GTK_APPLICATION (self), self->store);
      tandem_audit_window_install_action (GTK_APPLICATION (self), self->store);
    }

  if (tandem_store_get_user (self->store) != NULL)
    show_main_window (self);
  else
    show_sign_in (self);
}

static void
tandem_application_finalize (GObject *object)
{
  TandemApplication *self = TANDEM_APPLICATION (object);

  if (self->reminders != NULL)
    tandem_reminder_service_stop (self->reminders);
  g_clear_object (&self->reminders);
  g_clear_object (&self->store);
  g_free (self->db_path);

  G_OBJECT_CLASS (tandem_application_parent_class)->finalize (object);
}

static void
tandem_application_class_init (TandemApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tandem_application_finalize;
  app_class->handle_local_options = tandem_application_handle_local_options;
  app_class->startup = tandem_application_startup;
  app_class->activate = tandem_application_activate;
}

static void
tandem_application_init (TandemApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the database in FILE"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

TandemApplication *
tandem_application_new (void)
{
  return g_object_new (TANDEM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/tandemcrm/Tandem",
                       NULL);
}
