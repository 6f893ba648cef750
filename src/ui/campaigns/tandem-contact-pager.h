/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CONTACT_PAGER (tandem_contact_pager_get_type ())

/* The companies or people a saved search or a campaign's target list
 * finds (SPEC I3, K2), a page at a time, with name, company, phone and
 * e-mail for calling or mailing down the list. Only what the signed-in
 * user may see is counted or listed (E5).
 *
 * Signals:
 *  "open-contact" (gint kind, gint64 id): a row was activated (see
 *    tandem_contact_pager_set_activatable()). */
G_DECLARE_FINAL_TYPE (TandemContactPager, tandem_contact_pager, TANDEM, CONTACT_PAGER, GtkBox)

GtkWidget *tandem_contact_pager_new            (void);
/* Runs @search (NULL: shows nothing); FALSE with @error set when the
 * store refuses it (the list is then empty). */
gboolean   tandem_contact_pager_set_search     (TandemContactPager *self,
                                                TandemStore        *store,
                                                TandemSavedSearch  *search,
                                                GError            **error);
/* The target list of campaign @campaign_id */
gboolean   tandem_contact_pager_set_campaign   (TandemContactPager *self,
                                                TandemStore        *store,
                                                gint64              campaign_id,
                                                GError            **error);
/* Everything found, over all pages */
guint      tandem_contact_pager_get_n_contacts (TandemContactPager *self);
/* The rows of the page shown (TandemContact) */
GListModel *tandem_contact_pager_get_page      (TandemContactPager *self);
/* The first row of the page shown, counted from 0 */
guint      tandem_contact_pager_get_offset     (TandemContactPager *self);
void       tandem_contact_pager_set_page_size  (TandemContactPager *self,
                                                guint               page_size);
void       tandem_contact_pager_next_page      (TandemContactPager *self);
void       tandem_contact_pager_previous_page  (TandemContactPager *self);
/* Whether rows can be activated ("open-contact"); off at first */
void       tandem_contact_pager_set_activatable (TandemContactPager *self,
                                                 gboolean            activatable);
/* What the list says when nothing is found */
void       tandem_contact_pager_set_empty_text (TandemContactPager *self,
                                                const char         *text);

G_END_DECLS
