/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-backup-service.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_BACKUP_PAGE (tandem_backup_page_get_type ())

/* The Backup page of the preferences (SPEC M2), for administrators: the
 * daily backup (on or off, how many to keep, the folder, when the last
 * one was made, Back Up Now) and the Back Up… and Restore From Backup…
 * actions of the application. */
G_DECLARE_FINAL_TYPE (TandemBackupPage, tandem_backup_page, TANDEM, BACKUP_PAGE, AdwPreferencesPage)

TandemBackupPage *tandem_backup_page_new    (TandemBackupService  *service);
/* Adds the page to @window when an administrator is signed in to
 * @store, with the application's daily backup service, or a service of
 * its own when the application runs none. */
void              tandem_backup_page_add_to (AdwPreferencesWindow *window,
                                             TandemStore          *store);

/* For the UI tests */
GtkWidget        *tandem_backup_page_get_part (TandemBackupPage   *self,
                                               const char         *part);

G_END_DECLS
