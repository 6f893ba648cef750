/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Credentials live in the system keyring through libsecret (SPEC A3),
 * never in the database, GSettings or a file. A remembered sign-in is an
 * item of the schema TANDEM_CREDENTIALS_LOGIN_SCHEMA with the database
 * file and the login as attributes; every other credential (mail server,
 * SMS gateway, team server) is an item of TANDEM_CREDENTIALS_SERVICE_SCHEMA
 * with the service and the account as attributes.
 *
 * Without a keyring (no Secret Service on the session bus) every call
 * fails with an error and nothing is kept anywhere else. Secrets returned
 * are freed with tandem_credentials_free_secret(), which wipes them. */

#define TANDEM_CREDENTIALS_LOGIN_SCHEMA   "io.github.tandemcrm.Tandem.Login"
#define TANDEM_CREDENTIALS_SERVICE_SCHEMA "io.github.tandemcrm.Tandem.Service"

void      tandem_credentials_free_secret        (char                 *secret);

/* The remembered sign-in of one database: one login at a time. */
gboolean  tandem_credentials_save_login_sync    (const char           *database,
                                                 const char           *login,
                                                 const char           *password,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
/* TRUE with @login and @password NULL when nothing is remembered */
gboolean  tandem_credentials_lookup_login_sync  (const char           *database,
                                                 char                **login,
                                                 char                **password,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
gboolean  tandem_credentials_forget_login_sync  (const char           *database,
                                                 GCancellable         *cancellable,
                                                 GError              **error);

/* The same on a worker thread, for windows that must not wait. */
void      tandem_credentials_save_login         (const char           *database,
                                                 const char           *login,
                                                 const char           *password,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean  tandem_credentials_save_login_finish  (GAsyncResult         *result,
                                                 GError              **error);
void      tandem_credentials_lookup_login       (const char           *database,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean  tandem_credentials_lookup_login_finish (GAsyncResult        *result,
                                                  char               **login,
                                                  char               **password,
                                                  GError             **error);
void      tandem_credentials_forget_login       (const char           *database,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean  tandem_credentials_forget_login_finish (GAsyncResult        *result,
                                                  GError             **error);

/* Service credentials: @service is a short name such as "smtp", "sms"
 * or "team-server"; @account the user name or address on it. */
gboolean  tandem_credentials_save_secret_sync   (const char           *service,
                                                 const char           *account,
                                                 const char           *label,
                                                 const char           *secret,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
/* NULL without an error when there is none */
char     *tandem_credentials_lookup_secret_sync (const char           *service,
                                                 const char           *account,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
gboolean  tandem_credentials_forget_secret_sync (const char           *service,
                                                 const char           *account,
                                                 GCancellable         *cancellable,
                                                 GError              **error);

void      tandem_credentials_save_secret        (const char           *service,
                                                 const char           *account,
                                                 const char           *label,
                                                 const char           *secret,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean  tandem_credentials_save_secret_finish (GAsyncResult         *result,
                                                 GError              **error);
void      tandem_credentials_lookup_secret      (const char           *service,
                                                 const char           *account,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
char     *tandem_credentials_lookup_secret_finish (GAsyncResult       *result,
                                                   GError            **error);

G_END_DECLS
