/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-campaign-window.h"
#include "tandem-campaigns-page.h"
#include "tandem-search-dialog.h"

G_BEGIN_DECLS

/* Parts of the page the UI tests look at. */
GtkListBox           *tandem_campaigns_page_get_campaigns_list (TandemCampaignsPage *self);
GtkListBox           *tandem_campaigns_page_get_searches_list  (TandemCampaignsPage *self);
/* "campaigns" or "searches" */
void                  tandem_campaigns_page_show_view          (TandemCampaignsPage *self,
                                                                const char          *view);
/* The stack page shown: "campaigns", "no-campaigns", "searches", "no-searches" */
const char           *tandem_campaigns_page_get_visible_view   (TandemCampaignsPage *self);
/* Reads the lists again now, as after a change in the store */
void                  tandem_campaigns_page_reload             (TandemCampaignsPage *self);
TandemCampaignWindow *tandem_campaigns_page_open_campaign      (TandemCampaignsPage *self,
                                                                gint64               campaign_id);
TandemSearchDialog   *tandem_campaigns_page_open_search        (TandemCampaignsPage *self,
                                                                gint64               search_id);

G_END_DECLS
