/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-backup-actions.h"

G_BEGIN_DECLS

/* The steps after a file is chosen, for the UI tests, which cannot click
 * in a file chooser of the desktop. */
void       tandem_backup_back_up_to     (GtkApplication *application,
                                         GtkWindow      *parent,
                                         GFile          *file);
void       tandem_backup_restore_file   (GtkApplication *application,
                                         GtkWindow      *parent,
                                         GFile          *file);
/* The message shown last (a confirmation, a refusal, the result), while
 * it is open */
GtkWindow *tandem_backup_get_dialog     (GtkApplication *application);
/* Whether a backup or a restore is under way */
gboolean   tandem_backup_is_busy        (GtkApplication *application);

G_END_DECLS
