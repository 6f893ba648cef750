/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_TOTP_DIALOG (tandem_totp_dialog_get_type ())

/* Setting up two-step sign-in for the signed-in user (SPEC A2): a new key
 * as a QR code and as text, a first code from the app to switch it on,
 * then the recovery codes, shown once. When it is @required (by an
 * administrator, right after the password) it cannot be closed before
 * it is set up; its Sign Out button gives up instead. Emits "enrolled"
 * once it is on, and "sign-out" when the user gives up. */
G_DECLARE_FINAL_TYPE (TandemTotpDialog, tandem_totp_dialog, TANDEM, TOTP_DIALOG, AdwWindow)

TandemTotpDialog *tandem_totp_dialog_new          (GtkWindow        *parent,
                                                   TandemStore      *store,
                                                   gboolean          required);
gboolean          tandem_totp_dialog_get_enrolled (TandemTotpDialog *self);

G_END_DECLS
