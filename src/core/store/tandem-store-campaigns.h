/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-store.h"
#include "tandem-campaign.h"

G_BEGIN_DECLS

/* Campaigns (SPEC I3), by name; each with the number of its activities and
 * sales projects that the user may see. Every user may add campaigns;
 * their creator or an administrator changes or deletes one. */
GPtrArray      *tandem_store_list_campaigns        (TandemStore     *self,
                                                    GError         **error);
TandemCampaign *tandem_store_get_campaign          (TandemStore     *self,
                                                    gint64           id,
                                                    GError         **error);
/* By id or by name, without regard to case */
TandemCampaign *tandem_store_find_campaign         (TandemStore     *self,
                                                    const char      *name_or_id,
                                                    GError         **error);
/* Checks the name (unique), the period (a real date; the end not before
 * the start) and the target search (one the user may see), then adds or
 * updates the campaign. */
gint64          tandem_store_save_campaign         (TandemStore     *self,
                                                    TandemCampaign  *campaign,
                                                    GError         **error);
/* Its activities and sales projects stay, without a campaign. */
gboolean        tandem_store_delete_campaign       (TandemStore     *self,
                                                    gint64           id,
                                                    GError         **error);
/* The target list: the campaign's saved search, run now for the user.
 * TANDEM_ERROR_INVALID when the campaign has no target search. */
guint           tandem_store_count_campaign_targets (TandemStore    *self,
                                                    gint64           id,
                                                    GError         **error);
GPtrArray      *tandem_store_list_campaign_targets (TandemStore     *self,
                                                    gint64           id,
                                                    guint            offset,
                                                    guint            limit,
                                                    GError         **error);

G_END_DECLS
