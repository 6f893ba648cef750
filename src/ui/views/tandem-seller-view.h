/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SELLER_VIEW (tandem_seller_view_get_type ())

/* The seller's view (SPEC D19, D20): a card per activity category with
 * the signed-in user's own latest activities of it and, where a manager
 * set a sales target, the progress in the current week or month. Only
 * categories with activities or a target get a card. Managers and
 * administrators can choose another seller to see that seller's
 * progress. It follows the store's "changed" signal.
 *
 * Signals:
 *  "open-activity" (gint64 activity_id, gint64 recurrence_id): a row was
 *    activated (@recurrence_id is 0 here).
 *  "plan-activity" (gint kind, gint64 id, GDateTime *start): "Plan
 *    Activity" of the empty view; TANDEM_KIND_NONE, 0, NULL. */
G_DECLARE_FINAL_TYPE (TandemSellerView, tandem_seller_view, TANDEM, SELLER_VIEW, AdwBin)

GtkWidget   *tandem_seller_view_new           (TandemStore      *store);
TandemStore *tandem_seller_view_get_store     (TandemSellerView *self);
/* The seller shown ("seller-id"); 0 or the signed-in user's id: their
 * own view. Only managers and administrators see other sellers. */
gint64       tandem_seller_view_get_seller_id (TandemSellerView *self);
void         tandem_seller_view_set_seller_id (TandemSellerView *self,
                                               gint64            user_id);
void         tandem_seller_view_reload        (TandemSellerView *self);

G_END_DECLS
