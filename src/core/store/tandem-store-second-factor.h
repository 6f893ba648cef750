/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-store.h"

G_BEGIN_DECLS

/* The second factor (SPEC A2): a code from an authenticator app after the
 * password. A user who has one is never signed in with the password
 * alone: tandem_store_sign_in() then fails with TANDEM_ERROR_CODE_NEEDED
 * and tandem_store_sign_in_with_code() finishes the sign-in. A wrong
 * code, a code already used and an unknown recovery code all fail with
 * TANDEM_ERROR_AUTH and the same words; five wrong codes in a row make
 * the store refuse codes for 30 seconds. */

#define TANDEM_SECOND_FACTOR_MAX_FAILURES 5
#define TANDEM_SECOND_FACTOR_LOCK_SECONDS 30

typedef struct
{
  gboolean enrolled;            /* signs in with a code */
  gboolean pending;             /* set up begun, no code confirmed yet */
  gboolean required;            /* an administrator requires it of the user */
  gboolean required_by_group;   /* … or of one of the user's groups */
  guint    recovery_codes_left;
} TandemSecondFactorStatus;

/* Signs in like tandem_store_sign_in(); @code is the authenticator
 * code (123456 or 123 456) or a recovery code (abcde-23456), and may be
 * NULL for a user without a second factor. */
gboolean   tandem_store_sign_in_with_code          (TandemStore               *self,
                                                    const char                *login,
                                                    const char                *password,
                                                    const char                *code,
                                                    GError                   **error);

/* The signed-in user's own status, or, for an administrator, any
 * user's; @login NULL is the signed-in user. */
gboolean   tandem_store_get_second_factor_status   (TandemStore               *self,
                                                    const char                *login,
                                                    TandemSecondFactorStatus  *status,
                                                    GError                   **error);
/* TRUE when the signed-in user must set up the second factor before
 * working: required of them or one of their groups, and not set up. */
gboolean   tandem_store_second_factor_needs_setup  (TandemStore               *self);

/* Set-up in two steps: begin returns a new key (base32) and sets @uri
 * to the otpauth:// link for a QR code; confirm checks a first code from
 * the app against it, switches the second factor on and returns
 * TANDEM_TOTP_RECOVERY_COUNT new recovery codes, shown once. @login NULL
 * is the signed-in user; an administrator may name another user. */
char      *tandem_store_second_factor_begin        (TandemStore               *self,
                                                    const char                *login,
                                                    char                     **uri,
                                                    GError                   **error);
GStrv      tandem_store_second_factor_confirm      (TandemStore               *self,
                                                    const char                *login,
                                                    const char                *code,
                                                    GError                   **error);
/* Switches it on for @login at once, without a first code, for an
 * administrator who hands the key over (the CLI): sets @uri and returns
 * the recovery codes. */
GStrv      tandem_store_second_factor_enable       (TandemStore               *self,
                                                    const char                *login,
                                                    char                     **uri,
                                                    GError                   **error);
/* Switches it off and forgets the key and the recovery codes. Users
 * switch off their own with their current @password; an administrator
 * may switch off another user's without one (a lost phone). */
gboolean   tandem_store_second_factor_disable      (TandemStore               *self,
                                                    const char                *login,
                                                    const char                *password,
                                                    GError                   **error);
/* New recovery codes for the signed-in user, who must have the second
 * factor; the old ones stop working. */
GStrv      tandem_store_second_factor_new_recovery_codes (TandemStore         *self,
                                                    GError                   **error);

/* Administrators require the second factor of a user or of every member
 * of a group. */
gboolean   tandem_store_set_user_requires_second_factor  (TandemStore         *self,
                                                          gint64               user_id,
                                                          gboolean             required,
                                                          GError             **error);
gboolean   tandem_store_set_group_requires_second_factor (TandemStore         *self,
                                                          gint64               group_id,
                                                          gboolean             required,
                                                          GError             **error);
/* The ids of the groups that require it, sorted */
GArray    *tandem_store_list_groups_requiring_second_factor (TandemStore      *self,
                                                             GError          **error);

G_END_DECLS
