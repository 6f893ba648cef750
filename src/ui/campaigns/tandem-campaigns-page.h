/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CAMPAIGNS_PAGE (tandem_campaigns_page_get_type ())

/* The Campaigns page (SPEC I3, K2): the campaigns with their period, target
 * list and its size, and the number of their activities and sales the user
 * may see; and the saved searches, run again or changed in the filter
 * builder, and deleted by their owner or an administrator. A campaign
 * opens in a window of its own. It follows the store's "changed" signal. */
G_DECLARE_FINAL_TYPE (TandemCampaignsPage, tandem_campaigns_page, TANDEM, CAMPAIGNS_PAGE, AdwBin)

GtkWidget *tandem_campaigns_page_new (TandemStore *store);

G_END_DECLS
