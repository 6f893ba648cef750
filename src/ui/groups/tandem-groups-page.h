/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_GROUPS_PAGE (tandem_groups_page_get_type ())

/* The group screen (SPEC I2): companies and people in the groups chosen
 * under Include (any or all of them) and in none of those under Exclude,
 * narrowed to companies or people and by a search, read a page at a time
 * however many there are. Many can be selected and added to, removed from
 * or moved between groups; a call to the focused one is recorded and the
 * contact moved in one step, and the focus goes on down the list. The
 * filter is the page's own: nothing is remembered between windows. It
 * follows the store's "changed" signal, keeping the focused row.
 *
 * Actions: "groups.record-call" (Ctrl+Enter), "groups.copy-phone"
 * (Ctrl+C), "groups.add-to-group", "groups.remove-from-group",
 * "groups.move-to-group", "groups.open" (Enter: the card, through the
 * window's "win.open-record"). */
G_DECLARE_FINAL_TYPE (TandemGroupsPage, tandem_groups_page, TANDEM, GROUPS_PAGE, AdwBin)

GtkWidget *tandem_groups_page_new    (TandemStore      *store);
/* Reads the groups and the list again. */
void       tandem_groups_page_reload (TandemGroupsPage *self);

G_END_DECLS
