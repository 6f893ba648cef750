/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DOCUMENT_HISTORY_WINDOW (tandem_document_history_window_get_type ())

/* A document's history (SPEC G1, G2, E2): every version, newest first,
 * each of which can be opened or exported, and who changed who may see
 * the document, when, from what to what. */
G_DECLARE_FINAL_TYPE (TandemDocumentHistoryWindow, tandem_document_history_window,
                      TANDEM, DOCUMENT_HISTORY_WINDOW, AdwWindow)

/* NULL with @error set when the user may not see the document. */
TandemDocumentHistoryWindow *tandem_document_history_window_new          (GtkWindow                   *parent,
                                                                          TandemStore                 *store,
                                                                          gint64                       document_id,
                                                                          GError                     **error);
guint                        tandem_document_history_window_get_n_versions (TandemDocumentHistoryWindow *self);

G_END_DECLS
