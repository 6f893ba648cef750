/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-password-dialog.h"

G_BEGIN_DECLS

/* The dialog's parts, for the UI tests that drive it like a person would. */
GtkEditable *tandem_password_dialog_get_current_row (TandemPasswordDialog *self);
GtkEditable *tandem_password_dialog_get_new_row     (TandemPasswordDialog *self);
GtkEditable *tandem_password_dialog_get_confirm_row (TandemPasswordDialog *self);
GtkButton   *tandem_password_dialog_get_save_button (TandemPasswordDialog *self);
GtkLabel    *tandem_password_dialog_get_error_label (TandemPasswordDialog *self);

G_END_DECLS
