/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemBackupPage"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-backup-actions.h"
#include "tandem-backup-page.h"
#include "tandem-date.h"

struct _TandemBackupPage
{
  AdwPreferencesPage   parent_instance;

  TandemBackupService *service;

  AdwActionRow        *daily_row;
  GtkSwitch           *daily_switch;
  AdwActionRow        *keep_row;
  GtkSpinButton       *keep_spin;
  GtkAdjustment       *keep_adjustment;
  AdwActionRow        *folder_row;
  AdwActionRow        *last_row;
  GtkButton           *now_button;
  AdwActionRow        *backup_row;
  AdwActionRow        *restore_row;
};

G_DEFINE_FINAL_TYPE (TandemBackupPage, tandem_backup_page, ADW_TYPE_PREFERENCES_PAGE)

/* Helpers */

static void
update_folder (TandemBackupPage *self)
{
  g_autofree char *folder = tandem_backup_service_get_folder (self->service);
  g_autofree char *shown = g_filename_display_name (folder);
  g_autofree char *home = g_filename_display_name (g_get_home_dir ());

  /* "~/…" as the Files app shows a folder in the home folder */
  if (g_str_has_prefix (shown, home) && shown[strlen (home)] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_strdup (shown + strlen (home));

      g_free (shown);
      shown = g_strconcat ("~", rest, NULL);
    }
  adw_action_row_set_subtitle (self->folder_row, shown);
}

static void
update_last (TandemBackupPage *self)
{
  g_autoptr(GDateTime) last = tandem_backup_service_dup_last (self->service);
  const char *error = tandem_backup_service_get_error (self->service);
  g_autofree char *text = NULL;
  gboolean busy = tandem_backup_service_is_busy (self->service);

  if (busy)
    text = g_strdup (_("Backing up…"));
  else if (error != NULL)
    /* Translators: why the last daily backup failed */
    text = g_strdup_printf (_("Failed: %s"), error);
  else if (last != NULL)
    {
      g_autofree char *iso = g_date_time_format_iso8601 (last);

      text = tandem_date_format_time (iso);
    }
  else
    text = g_strdup (C_("backup", "None yet"));

  adw_action_row_set_subtitle (self->last_row, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->now_button), !busy);
  if (error != NULL && !busy)
    gtk_widget_add_css_class (GTK_WIDGET (self->last_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->last_row), "error");
}

/* Callbacks */

static void
on_service_changed_cb (TandemBackupPage *self)
{
  update_last (self);
}

static void
on_settings_changed_cb (TandemBackupPage *self,
                        const char       *key)
{
  if (g_str_equal (key, "backup-folder"))
    {
      update_folder (self);
      update_last (self);
    }
}

static void
on_folder_chooser_response_cb (GtkNativeDialog  *chooser,
                               int               response,
                               TandemBackupPage *self)
{
  GSettings *settings = tandem_backup_service_get_settings (self->service);

  if (response == GTK_RESPONSE_ACCEPT && settings != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        g_settings_set_string (settings, "backup-folder", path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_folder_row_activated_cb (TandemBackupPage *self)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autofree char *folder = tandem_backup_service_get_folder (self->service);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Folder for Daily Backups"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) start = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), start, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_now_button_clicked_cb (TandemBackupPage *self)
{
  tandem_backup_service_back_up_now (self->service);
  update_last (self);
}

static GtkApplication *
get_application (void)
{
  GApplication *application = g_application_get_default ();

  return GTK_IS_APPLICATION (application) ? GTK_APPLICATION (application) : NULL;
}

static void
on_backup_row_activated_cb (TandemBackupPage *self)
{
  tandem_backup_choose_and_back_up (get_application (), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
}

static void
on_restore_row_activated_cb (TandemBackupPage *self)
{
  tandem_backup_choose_and_restore (get_application (), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
}

/* Overrides */

static void
tandem_backup_page_dispose (GObject *object)
{
  TandemBackupPage *self = TANDEM_BACKUP_PAGE (object);

  g_clear_object (&self->service);

  G_OBJECT_CLASS (tandem_backup_page_parent_class)->dispose (object);
}

static void
tandem_backup_page_class_init (TandemBackupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_backup_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/preferences/tandem-backup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemBackupPage, daily_row);
  gtk_widget_class_bind_template_child (widget_class, TandemBackupPage, daily_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemBackupPage, keep_row);
  gtk_widget_class_bind_template_child (widget_class, TandemBackupPage, keep_spin);
  gtk_widget_class_bind_template_child (widget_class, TandemBackupPage, keep_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TandemBackupPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, TandemBackupPage, last_row);
  gtk_widget_class_bind_template_child (widget_class, TandemBackupPage, now_button);
  gtk_widget_class_bind_template_child (widget_class, TandemBackupPage, backup_row);
  gtk_widget_class_bind_template_child (widget_class, TandemBackupPage, restore_row);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_now_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_row_activated_cb);
}

static void
tandem_backup_page_init (TandemBackupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

TandemBackupPage *
tandem_backup_page_new (TandemBackupService *service)
{
  TandemBackupPage *self;
  GSettings *settings;

  g_return_val_if_fail (TANDEM_IS_BACKUP_SERVICE (service), NULL);

  self = g_object_new (TANDEM_TYPE_BACKUP_PAGE, NULL);
  self->service = g_object_ref (service);
  settings = tandem_backup_service_get_settings (service);

  if (settings != NULL)
    {
      g_settings_bind (settings, "backup-daily", self->daily_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "backup-keep", self->keep_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);
    }
  else
    {
      /* Without the settings schema only Back Up Now works */
      gtk_widget_set_sensitive (GTK_WIDGET (self->daily_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->keep_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->folder_row), FALSE);
    }
  g_signal_connect_object (service, "changed", G_CALLBACK (on_service_changed_cb), self, G_CONNECT_SWAPPED);
  /* Only the application backs up to a chosen file and restores */
  if (!tandem_backup_is_installed (get_application ()))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->backup_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->restore_row), FALSE);
    }

  update_folder (self);
  update_last (self);
  return self;
}

void
tandem_backup_page_add_to (AdwPreferencesWindow *window,
                           TandemStore          *store)
{
  TandemBackupService *service = tandem_backup_service_get_for_application (g_application_get_default ());
  g_autoptr(TandemBackupService) own = NULL;
  g_autoptr(GSettings) settings = NULL;
  TandemUser *user = tandem_store_get_user (store);

  g_return_if_fail (ADW_IS_PREFERENCES_WINDOW (window));
  g_return_if_fail (TANDEM_IS_STORE (store));

  /* A backup holds, and a restore replaces, everyone's data */
  if (user == NULL || !tandem_user_is_admin (user))
    return;
  if (service == NULL || tandem_backup_service_get_store (service) != store)
    {
      settings = tandem_backup_service_lookup_settings ();
      own = tandem_backup_service_new (store, settings);
      service = own;
    }
  adw_preferences_window_add (window, ADW_PREFERENCES_PAGE (tandem_backup_page_new (service)));
}

GtkWidget *
tandem_backup_page_get_part (TandemBackupPage *self,
                             const char       *part)
{
  g_return_val_if_fail (TANDEM_IS_BACKUP_PAGE (self), NULL);

  if (g_str_equal (part, "daily"))
    return GTK_WIDGET (self->daily_switch);
  if (g_str_equal (part, "keep"))
    return GTK_WIDGET (self->keep_spin);
  if (g_str_equal (part, "folder"))
    return GTK_WIDGET (self->folder_row);
  if (g_str_equal (part, "last"))
    return GTK_WIDGET (self->last_row);
  if (g_str_equal (part, "now"))
    return GTK_WIDGET (self->now_button);
  if (g_str_equal (part, "backup"))
    return GTK_WIDGET (self->backup_row);
  if (g_str_equal (part, "restore"))
    return GTK_WIDGET (self->restore_row);
  g_return_val_if_reached (NULL);
}
