/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SEARCH_DIALOG (tandem_search_dialog_get_type ())

/* The filter builder (SPEC K2, I3): makes or changes a saved search — its
 * name, companies or people, all or any of its conditions, shared or not —
 * and shows, as the conditions change, how many it finds and the first of
 * them. A search someone else saved can be looked at and saved as a new
 * one. Ctrl+S or Enter in the name saves, Escape cancels; what is wrong is
 * shown in the dialog and nothing typed is lost.
 *
 * Signals:
 *  "saved" (gint64 id): the search was saved; the dialog then closes. */
G_DECLARE_FINAL_TYPE (TandemSearchDialog, tandem_search_dialog, TANDEM, SEARCH_DIALOG, AdwWindow)

/* Edits a copy of @search, or a new search of companies when NULL. */
TandemSearchDialog *tandem_search_dialog_new (GtkWindow         *parent,
                                              TandemStore       *store,
                                              TandemSavedSearch *search);

G_END_DECLS
