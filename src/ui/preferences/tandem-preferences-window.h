/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PREFERENCES_WINDOW (tandem_preferences_window_get_type ())

/* Preferences (SPEC A4, L1): users, groups, partner roles, classification
 * and additional fields. Pages that change settings are for
 * administrators; others see them read-only. */
G_DECLARE_FINAL_TYPE (TandemPreferencesWindow, tandem_preferences_window, TANDEM, PREFERENCES_WINDOW, AdwPreferencesWindow)

TandemPreferencesWindow *tandem_preferences_window_new (GtkWindow   *parent,
                                                        TandemStore *store);

G_END_DECLS
