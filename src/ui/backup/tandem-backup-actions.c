/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemBackup"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-backup-actions-private.h"
#include "tandem-backup-service.h"
#include "tandem-date.h"
#include "tandem-window.h"

/* A copy shows its progress only when it takes longer than this */
#define PROGRESS_DELAY_MS 400
#define PROGRESS_UPDATE_MS 100
/* The daily backup waits this long after the start, so that opening
 * Tandem is not slowed down by it */
#define DAILY_START_DELAY_SECONDS 15
#define APPLICATION_KEY "tandem-backup"
/* How often a restore looks whether every window has closed */
#define CHECK_WINDOWS_MS 100

typedef struct _Backup Backup;

/* A copy on a worker thread, with a dialog that shows its progress once
 * it takes a while */
typedef struct
{
  Backup          *backup;
  GtkWindow       *parent;       /* weak */
  char            *path;
  GCancellable    *cancellable;
  gint             permille;     /* atomic, written by the worker */
  gboolean         pulse;        /* no measure of progress */
  GtkWindow       *dialog;       /* weak; NULL until shown */
  GtkProgressBar  *bar;
  const char      *heading;
  const char      *body;
  gboolean         can_cancel;
  guint            show_id;
  guint            update_id;
  TandemBackupInfo *info;        /* the backup's, for a restore */
  char            *kept;
} Job;

struct _Backup
{
  GtkApplication      *application;
  TandemStore         *store;
  TandemBackupService *service;
  GtkWindow           *dialog;   /* weak */
  Job                 *job;      /* the backup or restore under way */
  guint                check_id;
};

static void start_restore (Job *job);

/* Helpers */

static void
backup_free (Backup *backup)
{
  g_clear_handle_id (&backup->check_id, g_source_remove);
  if (backup->service != NULL)
    tandem_backup_service_stop (backup->service);
  g_clear_object (&backup->service);
  g_clear_object (&backup->store);
  g_clear_weak_pointer (&backup->dialog);
  g_free (backup);
}

static Backup *
get_backup (GtkApplication *application)
{
  return g_object_get_data (G_OBJECT (application), APPLICATION_KEY);
}

static TandemWindow *
find_main_window (Backup *backup)
{
  for (GList *l = gtk_application_get_windows (backup->application); l; l = l->next)
    if (TANDEM_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* A toast where the user is: the preferences window or the main window */
static void
show_toast (Backup     *backup,
            GtkWindow  *parent,
            const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);
  TandemWindow *main_window;

  adw_toast_set_timeout (toast, 5);
  if (ADW_IS_PREFERENCES_WINDOW (parent) && gtk_widget_get_visible (GTK_WIDGET (parent)))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (parent), toast);
      return;
    }
  main_window = find_main_window (backup);
  if (main_window != NULL)
    tandem_window_add_toast (main_window, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_message (Backup     *backup,
              GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  if (parent == NULL)
    gtk_window_set_application (GTK_WINDOW (dialog), backup->application);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_set_weak_pointer (&backup->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
require_admin (Backup     *backup,
               GtkWindow  *parent,
               const char *heading,
               const char *body)
{
  TandemUser *user = tandem_store_get_user (backup->store);

  if (user != NULL && tandem_user_is_admin (user))
    return TRUE;
  show_message (backup, parent, heading, body);
  return FALSE;
}

static char *
format_made (GDateTime *made)
{
  g_autofree char *iso = g_date_time_format_iso8601 (made);

  return tandem_date_format_time (iso);
}

/* Jobs */

static Job *
job_new (Backup     *backup,
         GtkWindow  *parent,
         const char *path)
{
  Job *job = g_new0 (Job, 1);

  job->backup = backup;
  g_set_weak_pointer (&job->parent, parent);
  job->path = g_strdup (path);
  job->cancellable = g_cancellable_new ();
  return job;
}

static void
job_hide_progress (Job *job)
{
  g_clear_handle_id (&job->show_id, g_source_remove);
  g_clear_handle_id (&job->update_id, g_source_remove);
  if (job->dialog != NULL)
    {
      GtkWindow *dialog = GTK_WINDOW (job->dialog);

      g_clear_weak_pointer (&job->dialog);
      gtk_window_destroy (dialog);
    }
}

static void
job_free (Job *job)
{
  job_hide_progress (job);
  g_clear_weak_pointer (&job->parent);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->info, tandem_backup_info_free);
  g_free (job->kept);
  g_free (job->path);
  g_free (job);
}

static void
on_job_progress (double   fraction,
                 gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->permille, (gint) (fraction * 1000));
}

static gboolean
on_update_progress_cb (gpointer data)
{
  Job *job = data;

  if (job->bar == NULL)
    return G_SOURCE_CONTINUE;
  if (job->pulse)
    gtk_progress_bar_pulse (job->bar);
  else
    gtk_progress_bar_set_fraction (job->bar, g_atomic_int_get (&job->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
on_progress_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Job              *job)
{
  if (g_str_equal (response, "cancel"))
    g_cancellable_cancel (job->cancellable);
}

static gboolean
on_progress_close_request_cb (GtkWindow *dialog,
                              Job       *job)
{
  /* It goes when the work is done; Escape cancels what can be cancelled */
  if (job->can_cancel)
    g_cancellable_cancel (job->cancellable);
  return TRUE;
}

/* While every window is closed for a restore there is no parent for a
 * dialog: a small window of its own says what happens. */
static GtkWindow *
new_progress_window (Job       *job,
                     GtkWidget *bar)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (job->heading);

  gtk_window_set_application (GTK_WINDOW (window), job->backup->application);
  gtk_window_set_title (GTK_WINDOW (window), job->heading);
  gtk_window_set_default_size (GTK_WINDOW (window), 320, -1);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_window_set_deletable (GTK_WINDOW (window), FALSE);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_justify (GTK_LABEL (heading), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), heading);
  if (job->body != NULL)
    {
      GtkWidget *body = gtk_label_new (job->body);

      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_label_set_justify (GTK_LABEL (body), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (body), 36);
      gtk_box_append (GTK_BOX (box), body);
    }
  gtk_box_append (GTK_BOX (box), bar);
  adw_window_set_content (ADW_WINDOW (window), box);
  return GTK_WINDOW (window);
}

static gboolean
on_show_progress_cb (gpointer data)
{
  Job *job = data;
  GtkWindow *window;
  GtkWidget *bar;

  job->show_id = 0;
  bar = gtk_progress_bar_new ();
  gtk_widget_set_margin_top (bar, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, job->heading, -1);
  job->bar = GTK_PROGRESS_BAR (bar);

  if (job->parent != NULL)
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (job->parent, job->heading, job->body));

      /* The window stays usable while a backup is made */
      gtk_window_set_modal (GTK_WINDOW (dialog), !job->can_cancel);
      adw_message_dialog_set_extra_child (dialog, bar);
      if (job->can_cancel)
        {
          adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
          adw_message_dialog_set_close_response (dialog, "cancel");
          g_signal_connect (dialog, "response", G_CALLBACK (on_progress_response_cb), job);
        }
      window = GTK_WINDOW (dialog);
    }
  else
    window = new_progress_window (job, bar);

  g_signal_connect (window, "close-request", G_CALLBACK (on_progress_close_request_cb), job);
  g_set_weak_pointer (&job->dialog, window);
  on_update_progress_cb (job);
  gtk_window_present (window);
  return G_SOURCE_REMOVE;
}

static void
job_show_progress (Job        *job,
                   const char *heading,
                   const char *body,
                   gboolean    can_cancel,
                   guint       delay_ms)
{
  job->heading = heading;
  job->body = body;
  job->can_cancel = can_cancel;
  job->update_id = g_timeout_add (PROGRESS_UPDATE_MS, on_update_progress_cb, job);
  if (delay_ms == 0)
    on_show_progress_cb (job);
  else
    job->show_id = g_timeout_add (delay_ms, on_show_progress_cb, job);
}

/* Back Up… */

static void
run_backup (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  TandemBackupInfo *info;

  info = tandem_store_backup (job->backup->store, job->path, TRUE, cancellable, on_job_progress, job, &error);
  if (info == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, info, (GDestroyNotify) tandem_backup_info_free);
}

static void
on_backup_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  Backup *backup = job->backup;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBackupInfo) info = g_task_propagate_pointer (G_TASK (result), &error);

  job_hide_progress (job);
  backup->job = NULL;

  if (info != NULL)
    {
      g_autofree char *name = g_filename_display_basename (info->path);
      g_autofree char *title = g_strdup_printf (_("Backed up to “%s”"), name);

      show_toast (backup, job->parent, title);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (backup, job->parent, _("Backup cancelled; no file was written"));
  else
    show_message (backup, job->parent, _("Backup Failed"), error->message);
}

void
tandem_backup_back_up_to (GtkApplication *application,
                          GtkWindow      *parent,
                          GFile          *file)
{
  Backup *backup = get_backup (application);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (backup != NULL);

  if (backup->job != NULL || path == NULL)
    return;
  if (!require_admin (backup, parent, _("Only Administrators Can Back Up"),
                      _("A backup holds everyone’s data, so only an administrator can make one.")))
    return;

  job = job_new (backup, parent, path);
  backup->job = job;
  task = g_task_new (NULL, job->cancellable, on_backup_done_cb, NULL);
  g_task_set_source_tag (task, tandem_backup_back_up_to);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  job_show_progress (job, _("Backing Up…"), _("You can go on working meanwhile."), TRUE, PROGRESS_DELAY_MS);
  g_task_run_in_thread (task, run_backup);
}

static void
on_backup_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               Backup          *backup)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      tandem_backup_back_up_to (backup->application, parent, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filters (GtkFileChooser *chooser)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Tandem backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

void
tandem_backup_choose_and_back_up (GtkApplication *application,
                                  GtkWindow      *parent)
{
  Backup *backup = get_backup (application);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  g_return_if_fail (backup != NULL);

  if (backup->job != NULL)
    return;
  if (!require_admin (backup, parent, _("Only Administrators Can Back Up"),
                      _("A backup holds everyone’s data, so only an administrator can make one.")))
    return;

  chooser = gtk_file_chooser_native_new (_("Back Up"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the file name offered for a backup; %s is today's date,
   * "2026-11-23" */
  name = g_strdup_printf (_("Tandem Backup %s.db"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  {
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_autoptr(GFile) start = g_file_new_for_path (documents && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                                  ? documents : g_get_home_dir ());

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), start, NULL);
  }
  add_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_backup_chooser_response_cb), backup);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
backup_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  Backup *backup = user_data;

  tandem_backup_choose_and_back_up (backup->application,
                                    gtk_application_get_active_window (backup->application));
}

/* Restore From Backup… */

static void
run_check (GTask        *task,
           gpointer      source,
           gpointer      data,
           GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  TandemBackupInfo *info = tandem_backup_check (job->path, cancellable, &error);

  if (info == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, info, (GDestroyNotify) tandem_backup_info_free);
}

static void
finish_without_restore (Job *job)
{
  Backup *backup = job->backup;

  g_clear_handle_id (&backup->check_id, g_source_remove);
  backup->job = NULL;
  job_free (job);
}

/* The windows on screen, the preferences and dialogs included */
static GPtrArray *
list_open_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window)))
        g_ptr_array_add (windows, window);
      else
        g_object_unref (window);
    }
  return windows;
}

/* Once every window has closed, the restore begins; while one asks about
 * changes that are not saved, it waits; if a window stays because its
 * user kept such changes, nothing happens. */
static gboolean
on_check_windows_cb (gpointer data)
{
  Job *job = data;
  Backup *backup = job->backup;
  g_autoptr(GPtrArray) windows = list_open_windows ();

  for (guint i = 0; i < windows->len; i++)
    if (ADW_IS_MESSAGE_DIALOG (g_ptr_array_index (windows, i)))
      return G_SOURCE_CONTINUE;

  backup->check_id = 0;
  if (windows->len == 0)
    {
      start_restore (job);
      return G_SOURCE_REMOVE;
    }

  show_toast (backup, NULL, _("The backup was not restored; nothing was changed"));
  g_application_release (G_APPLICATION (backup->application));
  finish_without_restore (job);
  return G_SOURCE_REMOVE;
}

/* Every window closes first, each asking about changes that are not
 * saved, so that nothing is saved into the restored database. */
static void
close_windows (Job *job)
{
  Backup *backup = job->backup;
  g_autoptr(GPtrArray) windows = list_open_windows ();

  g_application_hold (G_APPLICATION (backup->application));
  for (guint i = 0; i < windows->len; i++)
    if (!TANDEM_IS_WINDOW (g_ptr_array_index (windows, i)))
      gtk_window_close (g_ptr_array_index (windows, i));
  for (guint i = 0; i < windows->len; i++)
    if (TANDEM_IS_WINDOW (g_ptr_array_index (windows, i)))
      gtk_window_close (g_ptr_array_index (windows, i));
  backup->check_id = g_timeout_add (CHECK_WINDOWS_MS, on_check_windows_cb, job);
}

static void
run_restore (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;

  if (!tandem_store_restore_backup (job->backup->store, job->path, NULL, on_job_progress, job,
                                    &job->kept, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_restore_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  Backup *backup = job->backup;
  g_autoptr(GError) error = NULL;
  GtkWindow *sign_in;

  job_hide_progress (job);
  backup->job = NULL;

  /* The users of the backup may not be those who were signed in:
   * everyone signs in again, to the database now in place. */
  tandem_store_sign_out (backup->store);
  g_application_activate (G_APPLICATION (backup->application));
  sign_in = gtk_application_get_active_window (backup->application);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *made = format_made (job->info->made);
      g_autofree char *kept = g_filename_display_basename (job->kept);
      g_autofree char *body = NULL;

      /* Translators: the date and time the backup was made, then the
       * file the replaced database was copied to */
      body = g_strdup_printf (_("The data is now as it was on %s. The database as it was before is kept beside "
                                "it as “%s”. Sign in to go on."), made, kept);
      show_message (backup, sign_in, _("Backup Restored"), body);
    }
  else
    show_message (backup, sign_in, _("Backup Not Restored"), error->message);

  g_application_release (G_APPLICATION (backup->application));
}

static void
start_restore (Job *job)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (NULL, NULL, on_restore_done_cb, NULL);
  g_task_set_source_tag (task, start_restore);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_clear_weak_pointer (&job->parent);
  job->pulse = FALSE;
  g_atomic_int_set (&job->permille, 0);
  job_show_progress (job, _("Restoring Backup…"),
                     _("The sign-in window opens when the backup is restored."), FALSE, 0);
  g_task_run_in_thread (task, run_restore);
}

static gboolean
close_windows_idle_cb (gpointer data)
{
  close_windows (data);
  return G_SOURCE_REMOVE;
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Job              *job)
{
  /* One answer, whatever closing the dialog emits after it */
  g_signal_handlers_disconnect_by_func (dialog, on_confirm_response_cb, job);
  /* Once this dialog has gone */
  if (g_str_equal (response, "restore"))
    g_idle_add (close_windows_idle_cb, job);
  else
    finish_without_restore (job);
}

static void
confirm_restore (Job *job)
{
  Backup *backup = job->backup;
  g_autofree char *made = format_made (job->info->made);
  g_autofree char *name = g_filename_display_basename (job->path);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: the backup's file name and the date and time it was
   * made */
  body = g_strdup_printf (_("All data in Tandem will be replaced, for everyone, with the backup “%s” from %s. "
                            "A copy of the database as it is now is kept beside it.\n\n"
                            "Tandem closes its windows, restores the backup, and everyone signs in again."),
                          name, made);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (job->parent, _("Restore Backup?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), job);
  g_set_weak_pointer (&backup->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_check_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  Job *job = data;
  Backup *backup = job->backup;
  g_autoptr(GError) error = NULL;

  job_hide_progress (job);
  job->info = g_task_propagate_pointer (G_TASK (result), &error);
  if (job->info == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message, _("Nothing was changed."));

          show_message (backup, job->parent, _("Backup Cannot Be Restored"), body);
        }
      finish_without_restore (job);
      return;
    }
  confirm_restore (job);
}

void
tandem_backup_restore_file (GtkApplication *application,
                            GtkWindow      *parent,
                            GFile          *file)
{
  Backup *backup = get_backup (application);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (backup != NULL);

  if (backup->job != NULL || path == NULL)
    return;
  if (!require_admin (backup, parent, _("Only Administrators Can Restore"),
                      _("Restoring a backup replaces everyone’s data, so only an administrator can do it.")))
    return;

  job = job_new (backup, parent, path);
  backup->job = job;
  job->pulse = TRUE;
  task = g_task_new (NULL, job->cancellable, on_check_done_cb, job);
  g_task_set_source_tag (task, tandem_backup_restore_file);
  g_task_set_task_data (task, job, NULL);
  job_show_progress (job, _("Checking the Backup…"), NULL, TRUE, PROGRESS_DELAY_MS);
  g_task_run_in_thread (task, run_check);
}

static void
on_restore_chooser_response_cb (GtkNativeDialog *chooser,
                                int              response,
                                Backup          *backup)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      tandem_backup_restore_file (backup->application, parent, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
tandem_backup_choose_and_restore (GtkApplication *application,
                                  GtkWindow      *parent)
{
  Backup *backup = get_backup (application);
  g_autofree char *folder = NULL;
  GtkFileChooserNative *chooser;

  g_return_if_fail (backup != NULL);

  folder = tandem_backup_service_get_folder (backup->service);
  if (backup->job != NULL)
    return;
  if (!require_admin (backup, parent, _("Only Administrators Can Restore"),
                      _("Restoring a backup replaces everyone’s data, so only an administrator can do it.")))
    return;

  chooser = gtk_file_chooser_native_new (_("Restore From Backup"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (chooser));
  /* The daily backups are the likeliest choice */
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) start = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), start, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_restore_chooser_response_cb), backup);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
restore_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Backup *backup = user_data;

  tandem_backup_choose_and_restore (backup->application,
                                    gtk_application_get_active_window (backup->application));
}

/* The daily backup */

static void
on_daily_failed_cb (TandemBackupService *service,
                    const char          *message,
                    Backup              *backup)
{
  g_autofree char *title = g_strdup_printf (_("The daily backup failed: %s"), message);

  show_toast (backup, NULL, title);
}

/* Public API */

void
tandem_backup_install (GtkApplication *application,
                       TandemStore    *store)
{
  static const GActionEntry actions[] = {
    { "backup", backup_action },
    { "restore", restore_action },
  };
  g_autoptr(GSettings) settings = NULL;
  Backup *backup;

  g_return_if_fail (GTK_IS_APPLICATION (application));
  g_return_if_fail (TANDEM_IS_STORE (store));
  g_return_if_fail (get_backup (application) == NULL);

  backup = g_new0 (Backup, 1);
  backup->application = application;
  backup->store = g_object_ref (store);
  settings = tandem_backup_service_lookup_settings ();
  backup->service = tandem_backup_service_new (store, settings);
  g_object_set_data_full (G_OBJECT (application), APPLICATION_KEY, backup, (GDestroyNotify) backup_free);

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), backup);
  tandem_backup_service_set_for_application (G_APPLICATION (application), backup->service);
  g_signal_connect (backup->service, "failed", G_CALLBACK (on_daily_failed_cb), backup);
  tandem_backup_service_start (backup->service, DAILY_START_DELAY_SECONDS);
}

gboolean
tandem_backup_is_installed (GtkApplication *application)
{
  return application != NULL && get_backup (application) != NULL;
}

GtkWindow *
tandem_backup_get_dialog (GtkApplication *application)
{
  Backup *backup = get_backup (application);

  return backup ? backup->dialog : NULL;
}

gboolean
tandem_backup_is_busy (GtkApplication *application)
{
  Backup *backup = get_backup (application);

  return backup != NULL && backup->job != NULL;
}
