/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_CAMPAIGN (tandem_campaign_get_type ())

/* A campaign (SPEC I3): a name, a period and a target list, which is a
 * saved search re-run whenever it is used. Activities and sales projects
 * name the campaign they belong to. */
G_DECLARE_FINAL_TYPE (TandemCampaign, tandem_campaign, TANDEM, CAMPAIGN, GObject)

TandemCampaign *tandem_campaign_new             (const char     *name);
TandemCampaign *tandem_campaign_copy            (TandemCampaign *self);
gint64          tandem_campaign_get_id          (TandemCampaign *self);
void            tandem_campaign_set_id          (TandemCampaign *self,
                                                 gint64          id);
const char     *tandem_campaign_get_name        (TandemCampaign *self);
void            tandem_campaign_set_name        (TandemCampaign *self,
                                                 const char     *name);
/* YYYY-MM-DD, or NULL when open */
const char     *tandem_campaign_get_starts_on   (TandemCampaign *self);
void            tandem_campaign_set_starts_on   (TandemCampaign *self,
                                                 const char     *date);
const char     *tandem_campaign_get_ends_on     (TandemCampaign *self);
void            tandem_campaign_set_ends_on     (TandemCampaign *self,
                                                 const char     *date);
/* The saved search that is its target list (0: none yet) */
gint64          tandem_campaign_get_search_id   (TandemCampaign *self);
void            tandem_campaign_set_search_id   (TandemCampaign *self,
                                                 gint64          search_id);
const char     *tandem_campaign_get_search_name (TandemCampaign *self);
const char     *tandem_campaign_get_description (TandemCampaign *self);
void            tandem_campaign_set_description (TandemCampaign *self,
                                                 const char     *description);
/* What the reader may see of it: its activities and sales projects */
guint           tandem_campaign_get_n_activities (TandemCampaign *self);
guint           tandem_campaign_get_n_sales      (TandemCampaign *self);

/* Used by the store when it loads a campaign. */
void            tandem_campaign_set_loaded      (TandemCampaign *self,
                                                 const char     *search_name,
                                                 guint           n_activities,
                                                 guint           n_sales);

G_END_DECLS
