/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DOCUMENTS_GROUP (tandem_documents_group_get_type ())

/* The Documents section of a company, person, project or activity card
 * (SPEC G1, G2, E1): the documents on the record that the signed-in user
 * may see, newest first, each with its menu (open, export, new version,
 * history, visibility, delete). Files are added with "Add Document…" or
 * by dropping them onto the section, or onto any widget given to
 * tandem_documents_group_accept_drops_on (); the user is asked who may
 * see them, everyone who may see the record being the default. */
G_DECLARE_FINAL_TYPE (TandemDocumentsGroup, tandem_documents_group, TANDEM, DOCUMENTS_GROUP, AdwPreferencesGroup)

/* @parent_id 0: a record not saved yet, which cannot have documents */
void   tandem_documents_group_set_parent      (TandemDocumentsGroup *self,
                                               TandemStore          *store,
                                               TandemKind            parent_kind,
                                               gint64                parent_id);
void   tandem_documents_group_reload          (TandemDocumentsGroup *self);
/* The number of documents shown */
guint  tandem_documents_group_get_n_documents (TandemDocumentsGroup *self);
/* Asks for files to add, as the "Add Document…" button does. */
void   tandem_documents_group_choose_files    (TandemDocumentsGroup *self);
/* Adds files (GFile) dropped onto @widget too, such as the whole card. */
void   tandem_documents_group_accept_drops_on (TandemDocumentsGroup *self,
                                               GtkWidget            *widget);

G_END_DECLS
