/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_AUDIT_WINDOW (tandem_audit_window_get_type ())

/* The audit trail for administrators, newest first, with filters by day,
 * user and action; read only. A record the administrator may not see is
 * listed without its title (SPEC E). */
G_DECLARE_FINAL_TYPE (TandemAuditWindow, tandem_audit_window, TANDEM, AUDIT_WINDOW, AdwWindow)

TandemAuditWindow *tandem_audit_window_new            (GtkWindow      *parent,
                                                       TandemStore    *store);
/* Adds app.audit, which opens the window on @store; it is enabled only
 * while an administrator is signed in and the main window is open (the
 * menu item is hidden otherwise). */
void               tandem_audit_window_install_action (GtkApplication *application,
                                                       TandemStore    *store);

G_END_DECLS
