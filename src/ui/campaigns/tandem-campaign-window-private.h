/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-activities-group.h"
#include "tandem-contact-pager.h"
#include "tandem-date-time-row.h"
#include "tandem-campaign-window.h"

G_BEGIN_DECLS

/* Parts of the window the UI tests look at. */
AdwEntryRow           *tandem_campaign_window_get_name_row      (TandemCampaignWindow *self);
TandemDateTimeRow     *tandem_campaign_window_get_starts_row    (TandemCampaignWindow *self);
TandemDateTimeRow     *tandem_campaign_window_get_ends_row      (TandemCampaignWindow *self);
GtkTextView           *tandem_campaign_window_get_description_view (TandemCampaignWindow *self);
/* "None" first, then the saved searches by name */
AdwComboRow           *tandem_campaign_window_get_search_row    (TandemCampaignWindow *self);
void                   tandem_campaign_window_choose_search     (TandemCampaignWindow *self,
                                                                 gint64                search_id);
TandemContactPager    *tandem_campaign_window_get_pager         (TandemCampaignWindow *self);
const char            *tandem_campaign_window_get_targets_text  (TandemCampaignWindow *self);
TandemActivitiesGroup *tandem_campaign_window_get_activities_group (TandemCampaignWindow *self);
GtkListBox            *tandem_campaign_window_get_sales_list    (TandemCampaignWindow *self);
GtkWidget             *tandem_campaign_window_get_print_button  (TandemCampaignWindow *self);
/* The message at the top, or NULL while none is shown */
const char            *tandem_campaign_window_get_error         (TandemCampaignWindow *self);
void                   tandem_campaign_window_save              (TandemCampaignWindow *self);

G_END_DECLS
