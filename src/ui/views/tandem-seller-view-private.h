/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-seller-view.h"

G_BEGIN_DECLS

/* Parts of the view the UI tests look at. */
/* The card of a category, or NULL when there is none. */
GtkWidget  *tandem_seller_view_find_card         (TandemSellerView *self,
                                                  gint64            category_id);
/* A card's progress text ("1 of 2 this week"), or NULL without a target. */
const char *tandem_seller_view_card_get_progress (GtkWidget        *card);
/* A card's list of activities. */
GtkListBox *tandem_seller_view_card_get_list     (GtkWidget        *card);
GtkDropDown *tandem_seller_view_get_seller_dropdown (TandemSellerView *self);

G_END_DECLS
