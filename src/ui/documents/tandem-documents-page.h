/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DOCUMENTS_PAGE (tandem_documents_page_get_type ())

/* Every document the signed-in user may see (SPEC G1, G2, E1, E5),
 * newest first, read a page at a time, filtered by text, by the kind of
 * record they are on, by who added them, e-mails only, and by when they
 * were added. Each document opens, exports, takes new versions, shows
 * its history, changes who may see it and is deleted as on a card. It
 * follows the store's "changed" signal.
 *
 * Signals:
 *  "open-parent" (int kind, gint64 id): the user asked for the record a
 *  document is on (a TandemKind and its id). */
G_DECLARE_FINAL_TYPE (TandemDocumentsPage, tandem_documents_page, TANDEM, DOCUMENTS_PAGE, AdwBin)

GtkWidget *tandem_documents_page_new    (TandemStore         *store);
void       tandem_documents_page_reload (TandemDocumentsPage *self);

G_END_DECLS
