/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

/* Backup and restore in the application (SPEC M2): the actions
 * "app.backup" (Back Up…: a file chosen, the copy made with its progress
 * shown, a toast) and "app.restore" (Restore From Backup…: a file chosen
 * and checked, a confirmation, then every window closes, the backup is
 * restored and the application is activated again, which brings back the
 * sign-in window), both for administrators; and the daily backup, which
 * starts soon after this is called. Call once, when @store is open. */
void     tandem_backup_install             (GtkApplication *application,
                                            TandemStore    *store);
gboolean tandem_backup_is_installed        (GtkApplication *application);
/* What the actions do, with @parent for the file chooser and messages */
void     tandem_backup_choose_and_back_up  (GtkApplication *application,
                                            GtkWindow      *parent);
void     tandem_backup_choose_and_restore  (GtkApplication *application,
                                            GtkWindow      *parent);

G_END_DECLS
