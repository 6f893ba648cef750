/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_QR_CODE (tandem_qr_code_get_type ())

/* A QR code of a text, such as the otpauth:// link an authenticator app
 * scans (SPEC A2): dark modules on white with the quiet zone around them,
 * in the dark style too, so that every camera reads it. Drawn module by
 * module at a whole number of pixels each, never blurred by scaling. */
G_DECLARE_FINAL_TYPE (TandemQrCode, tandem_qr_code, TANDEM, QR_CODE, GtkWidget)

GtkWidget  *tandem_qr_code_new         (void);
const char *tandem_qr_code_get_text    (TandemQrCode *self);
void        tandem_qr_code_set_text    (TandemQrCode *self,
                                        const char   *text);
/* Modules on a side, without the quiet zone; 0 without a text */
guint       tandem_qr_code_get_size    (TandemQrCode *self);
gboolean    tandem_qr_code_is_dark     (TandemQrCode *self,
                                        guint         x,
                                        guint         y);

G_END_DECLS
