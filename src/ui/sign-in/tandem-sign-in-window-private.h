/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-sign-in-window.h"

G_BEGIN_DECLS

/* The window's parts, for the UI tests that drive it like a person would. */
GtkEditable *tandem_sign_in_window_get_login_row    (TandemSignInWindow *self);
GtkEditable *tandem_sign_in_window_get_name_row     (TandemSignInWindow *self);
GtkEditable *tandem_sign_in_window_get_password_row (TandemSignInWindow *self);
GtkEditable *tandem_sign_in_window_get_confirm_row  (TandemSignInWindow *self);
GtkButton   *tandem_sign_in_window_get_button       (TandemSignInWindow *self);
GtkLabel    *tandem_sign_in_window_get_error_label  (TandemSignInWindow *self);
const char  *tandem_sign_in_window_get_heading      (TandemSignInWindow *self);

G_END_DECLS
