/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_USER_DIALOG (tandem_user_dialog_get_type ())

/* Adds a user, or edits one (SPEC A4): name, role, groups, active, and
 * a new password. Saves through the store; errors stay in the dialog. */
G_DECLARE_FINAL_TYPE (TandemUserDialog, tandem_user_dialog, TANDEM, USER_DIALOG, AdwWindow)

/* @user: the user to edit, or %NULL to add one */
TandemUserDialog *tandem_user_dialog_new (GtkWindow   *parent,
                                          TandemStore *store,
                                          TandemUser  *user);

G_END_DECLS
