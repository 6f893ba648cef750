/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-sign-in-window.h"
#include "tandem-totp-dialog.h"

G_BEGIN_DECLS

/* The window's parts, for the UI tests that drive it like a person would. */
GtkEditable *tandem_sign_in_window_get_login_row    (TandemSignInWindow *self);
GtkEditable *tandem_sign_in_window_get_name_row     (TandemSignInWindow *self);
GtkEditable *tandem_sign_in_window_get_password_row (TandemSignInWindow *self);
GtkEditable *tandem_sign_in_window_get_confirm_row  (TandemSignInWindow *self);
GtkButton   *tandem_sign_in_window_get_button       (TandemSignInWindow *self);
GtkLabel    *tandem_sign_in_window_get_error_label  (TandemSignInWindow *self);
const char  *tandem_sign_in_window_get_heading      (TandemSignInWindow *self);
/* Remember Me (SPEC A3) and the code page (SPEC A2): @page is
 * "password" or "code" */
GtkSwitch   *tandem_sign_in_window_get_remember_switch (TandemSignInWindow *self);
const char  *tandem_sign_in_window_get_page         (TandemSignInWindow *self);
GtkEditable *tandem_sign_in_window_get_code_row     (TandemSignInWindow *self);
GtkButton   *tandem_sign_in_window_get_code_button  (TandemSignInWindow *self);
GtkButton   *tandem_sign_in_window_get_recovery_button (TandemSignInWindow *self);
GtkButton   *tandem_sign_in_window_get_back_button  (TandemSignInWindow *self);
GtkLabel    *tandem_sign_in_window_get_code_error_label (TandemSignInWindow *self);
/* The set-up dialog a required second factor opened, while it is open */
TandemTotpDialog *tandem_sign_in_window_get_totp_dialog (TandemSignInWindow *self);
/* TRUE while it signs in, or asks the keyring for a remembered sign-in */
gboolean     tandem_sign_in_window_get_busy         (TandemSignInWindow *self);

G_END_DECLS
