/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PIPELINE_PAGE (tandem_pipeline_page_get_type ())

/* The sales pipeline board (SPEC H1, H2, J1): a column per open stage in
 * board order, with the sales the user may see, filtered by seller,
 * product and closing period. Sales move by dragging, from a card's menu
 * or with Alt+Left and Alt+Right; "Mark as Won" and "Mark as Lost" close
 * them with an Undo. It follows the store's "changed" signal.
 *
 * Actions: "pipeline.new-sale" opens the New Sale dialog.
 *
 * Signals:
 *  "open-project" (gint64 id): a sale card was activated. */
G_DECLARE_FINAL_TYPE (TandemPipelinePage, tandem_pipeline_page, TANDEM, PIPELINE_PAGE, AdwBin)

GtkWidget   *tandem_pipeline_page_new       (TandemStore        *store);
TandemStore *tandem_pipeline_page_get_store (TandemPipelinePage *self);
void         tandem_pipeline_page_reload    (TandemPipelinePage *self);

G_END_DECLS
