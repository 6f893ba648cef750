/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SIGN_IN_WINDOW (tandem_sign_in_window_get_type ())

/* The first window: creates the first administrator on a new database
 * (SPEC A5), otherwise asks for login and password (SPEC A1), then the
 * code of an authenticator app when the user has one (SPEC A2), and sets
 * it up first when it is required. With Remember Me on, the sign-in is
 * kept in the keyring and used at the next start (SPEC A3). Emits
 * "signed-in" once the store has a signed-in user. */
G_DECLARE_FINAL_TYPE (TandemSignInWindow, tandem_sign_in_window, TANDEM, SIGN_IN_WINDOW, AdwApplicationWindow)

TandemSignInWindow *tandem_sign_in_window_new (GtkApplication *application,
                                               TandemStore    *store);
/* Forgets the sign-in of @store's database that Remember Me kept in the
 * keyring (SPEC A3): signing out does this. */
void                tandem_sign_in_window_forget_sign_in (TandemStore *store);

G_END_DECLS
