/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Passwords are kept only as Argon2id hashes from libsodium (SPEC A3). */
char     *tandem_password_hash          (const char  *password,
                                         GError     **error);
gboolean  tandem_password_verify        (const char  *hash,
                                         const char  *password);
gboolean  tandem_password_check_quality (const char  *password,
                                         GError     **error);

G_END_DECLS
