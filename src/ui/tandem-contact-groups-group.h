/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CONTACT_GROUPS_GROUP (tandem_contact_groups_group_get_type ())

/* The contact groups of a company or person card (SPEC I1): every group
 * as a row with a check button, ticked when the record is a member.
 * Ticking or unticking saves at once, apart from the card's own Save; a
 * change the store refuses is said in a toast and the ticks show the
 * store again. A do-not-contact group says that its members are left out
 * of label sheets. It follows the store's "changed" signal. */
G_DECLARE_FINAL_TYPE (TandemContactGroupsGroup, tandem_contact_groups_group, TANDEM, CONTACT_GROUPS_GROUP, AdwPreferencesGroup)

/* @id 0: a record not saved yet, whose groups cannot be chosen. */
void          tandem_contact_groups_group_set_contact   (TandemContactGroupsGroup *self,
                                                         TandemStore              *store,
                                                         TandemKind                kind,
                                                         gint64                    id);
void          tandem_contact_groups_group_reload        (TandemContactGroupsGroup *self);

/* For the UI tests: the row of the group named @name as shown, its check
 * button, and the message of the last change that failed (NULL if none
 * did since the contact was set). */
AdwActionRow *tandem_contact_groups_group_find_row      (TandemContactGroupsGroup *self,
                                                         const char               *name);
GtkCheckButton *tandem_contact_groups_group_get_row_check (AdwActionRow           *row);
guint         tandem_contact_groups_group_get_n_rows    (TandemContactGroupsGroup *self);
const char   *tandem_contact_groups_group_get_last_error (TandemContactGroupsGroup *self);

G_END_DECLS
