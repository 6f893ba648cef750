/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DOCUMENT_LIST_MODEL (tandem_document_list_model_get_type ())

/* The documents a filter finds (SPEC G1), newest first, as a GListModel
 * of TandemDocument that reads a page at a time when a view asks for an
 * item and keeps only a few pages. */
G_DECLARE_FINAL_TYPE (TandemDocumentListModel, tandem_document_list_model, TANDEM, DOCUMENT_LIST_MODEL, GObject)

TandemDocumentListModel *tandem_document_list_model_new        (TandemStore                *store);
/* Counts again and shows what @filter finds (its offset and limit are
 * ignored); NULL shows nothing. FALSE with @error set when the store
 * refuses (the model is then empty). */
gboolean                 tandem_document_list_model_set_filter (TandemDocumentListModel    *self,
                                                                const TandemDocumentFilter *filter,
                                                                GError                    **error);

G_END_DECLS
