/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Codes from an authenticator app (SPEC A2): HOTP (RFC 4226) and TOTP
 * (RFC 6238) with HMAC-SHA-1, 6 digits and a 30-second step. Keys are
 * shown and stored in base32 (RFC 4648). */
#define TANDEM_TOTP_DIGITS         6
#define TANDEM_TOTP_PERIOD         30
#define TANDEM_TOTP_SECRET_BYTES   20
#define TANDEM_TOTP_RECOVERY_COUNT 10

/* A step that no code has used yet: pass as last_step to accept any. */
#define TANDEM_TOTP_NO_STEP        G_GINT64_CONSTANT (-1)

char     *tandem_base32_encode              (const guint8  *data,
                                             gsize          len);
GBytes   *tandem_base32_decode              (const char    *text,
                                             GError       **error);

guint32   tandem_hotp                       (const guint8  *key,
                                             gsize          key_len,
                                             guint64        counter);
gint64    tandem_totp_step                  (gint64         unix_time);
char     *tandem_totp_code                  (const char    *secret,
                                             gint64         unix_time,
                                             GError       **error);

char     *tandem_totp_generate_secret       (GError       **error);
char     *tandem_totp_uri                   (const char    *secret,
                                             const char    *login,
                                             GError       **error);

gboolean  tandem_totp_verify                (const char    *secret,
                                             const char    *code,
                                             gint64         unix_time,
                                             gint64         last_step,
                                             gint64        *matched_step,
                                             GError       **error);

GStrv     tandem_totp_recovery_codes_generate (guint        n_codes,
                                               GError     **error);
char     *tandem_totp_recovery_code_normalize (const char  *typed,
                                               GError     **error);

G_END_DECLS
