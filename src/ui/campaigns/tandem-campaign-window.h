/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CAMPAIGN_WINDOW (tandem_campaign_window_get_type ())

/* A campaign (SPEC I3) in a window of its own: its name, period and
 * description; its target list, a saved search chosen here or built with
 * the filter builder, and the contacts it finds now; and, once saved, the
 * campaign's activities and sales projects that the user may see (E1).
 * "Print Labels…" asks the main window for the label sheets of the target
 * list (win.print-labels, with the campaign's id) when it has that action.
 * What the store refuses is shown in the window and nothing is lost. It
 * follows the store's "changed" signal.
 *
 * Signals:
 *  "saved" (gint64 id): the campaign was saved.
 *  "deleted" (gint64 id): the user deleted it and the window is closing. */
G_DECLARE_FINAL_TYPE (TandemCampaignWindow, tandem_campaign_window, TANDEM, CAMPAIGN_WINDOW, AdwWindow)

/* A new campaign */
TandemCampaignWindow *tandem_campaign_window_new        (GtkWindow            *parent,
                                                         TandemStore          *store);
/* NULL with @error set when there is no such campaign. */
TandemCampaignWindow *tandem_campaign_window_new_for_id (GtkWindow            *parent,
                                                         TandemStore          *store,
                                                         gint64                campaign_id,
                                                         GError              **error);
/* 0 until saved */
gint64                tandem_campaign_window_get_id     (TandemCampaignWindow *self);

G_END_DECLS
