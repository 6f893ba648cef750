/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemBackupService"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-backup-service.h"

#define CHECK_INTERVAL_SECONDS (60 * 60)
#define APPLICATION_KEY "tandem-backup-service"

typedef struct
{
  char     *folder;
  guint     keep;
  gboolean  again;
} DailyJob;

struct _TandemBackupService
{
  GObject       parent_instance;

  TandemStore  *store;
  GSettings    *settings;
  GCancellable *cancellable;
  guint         first_id;
  guint         timer_id;
  gboolean      busy;
  char         *error;
};

G_DEFINE_FINAL_TYPE (TandemBackupService, tandem_backup_service, G_TYPE_OBJECT)

enum {
  CHANGED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
daily_job_free (DailyJob *job)
{
  g_free (job->folder);
  g_free (job);
}

static gboolean
is_enabled (TandemBackupService *self)
{
  return self->settings != NULL && g_settings_get_boolean (self->settings, "backup-daily");
}

static gboolean
has_todays_backup (TandemBackupService *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *folder = tandem_backup_service_get_folder (self);
  g_autofree char *name = tandem_backup_get_daily_name (tandem_store_get_path (self->store), now);
  g_autoptr(GPtrArray) paths = tandem_backup_list_daily (folder, tandem_store_get_path (self->store));
  g_autofree char *newest = NULL;

  if (paths->len == 0)
    return FALSE;
  newest = g_path_get_basename (g_ptr_array_index (paths, 0));
  return g_str_equal (newest, name);
}

static void
run_daily (GTask        *task,
           gpointer      source,
           gpointer      data,
           GCancellable *cancellable)
{
  TandemBackupService *self = source;
  DailyJob *job = data;
  g_autoptr(GError) error = NULL;
  TandemBackupInfo *info;

  info = tandem_store_backup_daily (self->store, job->folder, job->keep, job->again, cancellable, &error);
  if (info == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, info, (GDestroyNotify) tandem_backup_info_free);
}

static void
on_daily_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  TandemBackupService *self = TANDEM_BACKUP_SERVICE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBackupInfo) info = g_task_propagate_pointer (G_TASK (result), &error);

  self->busy = FALSE;
  g_clear_pointer (&self->error, g_free);
  if (info == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_message ("The daily backup failed: %s", error->message);
      self->error = g_strdup (error->message);
    }
  else if (info != NULL)
    g_debug ("Daily backup in %s", info->path);

  g_signal_emit (self, signals[CHANGED], 0);
  if (self->error != NULL)
    g_signal_emit (self, signals[FAILED], 0, self->error);
}

static void
start_backup (TandemBackupService *self,
              gboolean             again)
{
  g_autoptr(GTask) task = NULL;
  DailyJob *job;

  if (self->busy)
    return;

  job = g_new0 (DailyJob, 1);
  job->folder = tandem_backup_service_get_folder (self);
  job->keep = tandem_backup_service_get_keep (self);
  job->again = again;

  self->busy = TRUE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_daily_done_cb, NULL);
  g_task_set_source_tag (task, start_backup);
  g_task_set_task_data (task, job, (GDestroyNotify) daily_job_free);
  g_task_run_in_thread (task, run_daily);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Callbacks */

static gboolean
on_timer_cb (gpointer data)
{
  tandem_backup_service_check (data);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_first_check_cb (gpointer data)
{
  TandemBackupService *self = data;

  self->first_id = 0;
  tandem_backup_service_check (self);
  return G_SOURCE_REMOVE;
}

/* Overrides */

static void
tandem_backup_service_dispose (GObject *object)
{
  TandemBackupService *self = TANDEM_BACKUP_SERVICE (object);

  tandem_backup_service_stop (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_backup_service_parent_class)->dispose (object);
}

static void
tandem_backup_service_finalize (GObject *object)
{
  TandemBackupService *self = TANDEM_BACKUP_SERVICE (object);

  g_free (self->error);

  G_OBJECT_CLASS (tandem_backup_service_parent_class)->finalize (object);
}

static void
tandem_backup_service_class_init (TandemBackupServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_backup_service_dispose;
  object_class->finalize = tandem_backup_service_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tandem_backup_service_init (TandemBackupService *self)
{
}

/* Public API */

TandemBackupService *
tandem_backup_service_new (TandemStore *store,
                           GSettings   *settings)
{
  TandemBackupService *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TANDEM_TYPE_BACKUP_SERVICE, NULL);
  self->store = g_object_ref (store);
  self->settings = settings ? g_object_ref (settings) : NULL;
  return self;
}

GSettings *
tandem_backup_service_lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from the build folder without the schema there is no daily
   * backup, as the window then does not remember its size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "backup-daily"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

void
tandem_backup_service_start (TandemBackupService *self,
                             guint                delay_seconds)
{
  g_return_if_fail (TANDEM_IS_BACKUP_SERVICE (self));

  tandem_backup_service_stop (self);
  self->first_id = g_timeout_add_seconds (delay_seconds, on_first_check_cb, self);
  /* Hourly, so that a day that begins while the computer sleeps or the
   * application runs still gets its copy soon */
  self->timer_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, on_timer_cb, self);
}

void
tandem_backup_service_stop (TandemBackupService *self)
{
  g_return_if_fail (TANDEM_IS_BACKUP_SERVICE (self));

  g_clear_handle_id (&self->first_id, g_source_remove);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

void
tandem_backup_service_back_up_now (TandemBackupService *self)
{
  g_return_if_fail (TANDEM_IS_BACKUP_SERVICE (self));

  start_backup (self, TRUE);
}

void
tandem_backup_service_check (TandemBackupService *self)
{
  g_return_if_fail (TANDEM_IS_BACKUP_SERVICE (self));

  if (!self->busy && is_enabled (self) && !has_todays_backup (self))
    start_backup (self, FALSE);
}

TandemStore *
tandem_backup_service_get_store (TandemBackupService *self)
{
  g_return_val_if_fail (TANDEM_IS_BACKUP_SERVICE (self), NULL);
  return self->store;
}

GSettings *
tandem_backup_service_get_settings (TandemBackupService *self)
{
  g_return_val_if_fail (TANDEM_IS_BACKUP_SERVICE (self), NULL);
  return self->settings;
}

char *
tandem_backup_service_get_folder (TandemBackupService *self)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (TANDEM_IS_BACKUP_SERVICE (self), NULL);

  if (self->settings != NULL)
    folder = g_settings_get_string (self->settings, "backup-folder");
  if (folder == NULL || folder[0] == '\0')
    return tandem_backup_get_default_folder ();
  return g_steal_pointer (&folder);
}

guint
tandem_backup_service_get_keep (TandemBackupService *self)
{
  g_return_val_if_fail (TANDEM_IS_BACKUP_SERVICE (self), 7);

  if (self->settings == NULL)
    return 7;
  return MAX (g_settings_get_int (self->settings, "backup-keep"), 1);
}

gboolean
tandem_backup_service_is_busy (TandemBackupService *self)
{
  g_return_val_if_fail (TANDEM_IS_BACKUP_SERVICE (self), FALSE);
  return self->busy;
}

GDateTime *
tandem_backup_service_dup_last (TandemBackupService *self)
{
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (TANDEM_IS_BACKUP_SERVICE (self), NULL);

  folder = tandem_backup_service_get_folder (self);
  paths = tandem_backup_list_daily (folder, tandem_store_get_path (self->store));
  if (paths->len == 0)
    return NULL;
  file = g_file_new_for_path (g_ptr_array_index (paths, 0));
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;
  return g_file_info_get_modification_date_time (info);
}

const char *
tandem_backup_service_get_error (TandemBackupService *self)
{
  g_return_val_if_fail (TANDEM_IS_BACKUP_SERVICE (self), NULL);
  return self->error;
}

TandemBackupService *
tandem_backup_service_get_for_application (GApplication *application)
{
  if (application == NULL)
    return NULL;
  return g_object_get_data (G_OBJECT (application), APPLICATION_KEY);
}

void
tandem_backup_service_set_for_application (GApplication        *application,
                                           TandemBackupService *self)
{
  g_return_if_fail (G_IS_APPLICATION (application));

  g_object_set_data_full (G_OBJECT (application), APPLICATION_KEY,
                          self ? g_object_ref (self) : NULL, g_object_unref);
}
