/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_BACKUP_SERVICE (tandem_backup_service_get_type ())

/* The automatic daily backup (SPEC M2): shortly after it starts and then
 * once a day while the application runs, when the "backup-daily" setting
 * is on, today's copy of the database goes to the backup folder and only
 * the newest "backup-keep" daily copies are kept. The copy runs on a
 * worker thread with connections of its own.
 *
 * Signals:
 *  "changed": the service started or finished a backup.
 *  "failed" (const char *message): a backup failed, for a toast. */
G_DECLARE_FINAL_TYPE (TandemBackupService, tandem_backup_service, TANDEM, BACKUP_SERVICE, GObject)

/* @settings may be NULL (no settings schema): then nothing is automatic
 * and the default folder and count are used. */
TandemBackupService *tandem_backup_service_new        (TandemStore         *store,
                                                       GSettings           *settings);
/* The settings of the application, or NULL when its schema (with the
 * backup keys) is not installed */
GSettings           *tandem_backup_service_lookup_settings (void);
/* The first check after @delay_seconds, then hourly */
void                 tandem_backup_service_start      (TandemBackupService *self,
                                                       guint                delay_seconds);
void                 tandem_backup_service_stop       (TandemBackupService *self);
/* Makes today's copy anew at once, whatever the setting says */
void                 tandem_backup_service_back_up_now (TandemBackupService *self);
/* The daily check: a copy when the setting is on and there is none for
 * today yet */
void                 tandem_backup_service_check      (TandemBackupService *self);

TandemStore         *tandem_backup_service_get_store  (TandemBackupService *self);
GSettings           *tandem_backup_service_get_settings (TandemBackupService *self);
char                *tandem_backup_service_get_folder (TandemBackupService *self);
guint                tandem_backup_service_get_keep   (TandemBackupService *self);
gboolean             tandem_backup_service_is_busy    (TandemBackupService *self);
/* When the newest daily backup in the folder was written; NULL if none */
GDateTime           *tandem_backup_service_dup_last   (TandemBackupService *self);
/* Why the last backup failed; NULL when it did not */
const char          *tandem_backup_service_get_error  (TandemBackupService *self);

/* The service the application runs, when it does */
TandemBackupService *tandem_backup_service_get_for_application (GApplication *application);
void                 tandem_backup_service_set_for_application (GApplication        *application,
                                                                TandemBackupService *self);

G_END_DECLS
