/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-qr-code.h"
#include "tandem-totp-dialog.h"

G_BEGIN_DECLS

/* The dialog's parts, for the UI tests that drive it like a person would */
TandemQrCode *tandem_totp_dialog_get_qr_code          (TandemTotpDialog *self);
/* The key as shown, in groups of four */
const char   *tandem_totp_dialog_get_key_text         (TandemTotpDialog *self);
GtkEditable  *tandem_totp_dialog_get_code_row         (TandemTotpDialog *self);
GtkButton    *tandem_totp_dialog_get_confirm_button   (TandemTotpDialog *self);
GtkLabel     *tandem_totp_dialog_get_error_label      (TandemTotpDialog *self);
GtkButton    *tandem_totp_dialog_get_done_button      (TandemTotpDialog *self);
GtkButton    *tandem_totp_dialog_get_sign_out_button  (TandemTotpDialog *self);
GtkButton    *tandem_totp_dialog_get_copy_codes_button (TandemTotpDialog *self);
/* "setup" or "recovery" */
const char   *tandem_totp_dialog_get_page             (TandemTotpDialog *self);
/* The recovery codes as shown, one a line */
const char   *tandem_totp_dialog_get_codes_text       (TandemTotpDialog *self);

G_END_DECLS
