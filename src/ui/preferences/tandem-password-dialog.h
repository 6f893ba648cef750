/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PASSWORD_DIALOG (tandem_password_dialog_get_type ())

/* Changes the signed-in user's own password (the current one is asked
 * for), or, for an administrator, sets another user's password. */
G_DECLARE_FINAL_TYPE (TandemPasswordDialog, tandem_password_dialog, TANDEM, PASSWORD_DIALOG, AdwWindow)

/* @user: whose password to set, or %NULL for the signed-in user's own */
TandemPasswordDialog *tandem_password_dialog_new (GtkWindow   *parent,
                                                  TandemStore *store,
                                                  TandemUser  *user);

G_END_DECLS
