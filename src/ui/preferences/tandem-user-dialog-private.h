/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-user-dialog.h"

G_BEGIN_DECLS

/* The dialog's parts, for the UI tests that drive it like a person would. */
GtkEditable    *tandem_user_dialog_get_login_row    (TandemUserDialog *self);
GtkEditable    *tandem_user_dialog_get_name_row     (TandemUserDialog *self);
GtkEditable    *tandem_user_dialog_get_password_row (TandemUserDialog *self);
GtkEditable    *tandem_user_dialog_get_confirm_row  (TandemUserDialog *self);
AdwComboRow    *tandem_user_dialog_get_role_row     (TandemUserDialog *self);
GtkSwitch      *tandem_user_dialog_get_active_switch (TandemUserDialog *self);
GtkCheckButton *tandem_user_dialog_get_group_check  (TandemUserDialog *self,
                                                     const char       *group);
GtkButton      *tandem_user_dialog_get_save_button  (TandemUserDialog *self);
GtkLabel       *tandem_user_dialog_get_error_label  (TandemUserDialog *self);

G_END_DECLS
