/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SIGN_IN_WINDOW (tandem_sign_in_window_get_type ())

/* The first window: creates the first administrator on a new database
 * (SPEC A5), otherwise asks for login and password (SPEC A1). Emits
 * "signed-in" once the store has a signed-in user. */
G_DECLARE_FINAL_TYPE (TandemSignInWindow, tandem_sign_in_window, TANDEM, SIGN_IN_WINDOW, AdwApplicationWindow)

TandemSignInWindow *tandem_sign_in_window_new (GtkApplication *application,
                                               TandemStore    *store);

G_END_DECLS
