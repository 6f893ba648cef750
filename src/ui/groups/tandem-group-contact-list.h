/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_GROUP_CONTACT_LIST (tandem_group_contact_list_get_type ())

/* The companies and people of the group screen (SPEC I2) for one filter,
 * as a GListModel of TandemContact: counted first, then read a page at a
 * time when a view asks for a row, keeping only a few pages; however many
 * contacts match, only the visible ones are read. */
G_DECLARE_FINAL_TYPE (TandemGroupContactList, tandem_group_contact_list, TANDEM, GROUP_CONTACT_LIST, GObject)

TandemGroupContactList *tandem_group_contact_list_new        (TandemStore             *store);
/* Keeps a copy of @filter and counts again; with NULL the list is empty
 * and the store is not asked. FALSE with @error set when
 * the store refuses (the list is then empty). */
gboolean                tandem_group_contact_list_set_filter (TandemGroupContactList  *self,
                                                              const TandemGroupFilter *filter,
                                                              GError                 **error);
/* Reads @n_items rows from @position at once, straight from the store and
 * without keeping them: for work on many selected rows. */
GPtrArray              *tandem_group_contact_list_read       (TandemGroupContactList  *self,
                                                              guint                    position,
                                                              guint                    n_items,
                                                              GError                 **error);
/* Reads the same filter again. */
gboolean                tandem_group_contact_list_refresh    (TandemGroupContactList  *self,
                                                              GError                 **error);

G_END_DECLS
