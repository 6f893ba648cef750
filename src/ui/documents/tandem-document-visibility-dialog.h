/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DOCUMENT_VISIBILITY_DIALOG (tandem_document_visibility_dialog_get_type ())

/* Asks who may see documents (SPEC E1) with the same choices and words as
 * the note editor: everyone who may see the record, chosen groups,
 * private, and the project team for documents on a project. Its
 * responses are "cancel" and "apply"; "apply" waits for a group while
 * "Chosen groups" has none ticked. */
G_DECLARE_FINAL_TYPE (TandemDocumentVisibilityDialog, tandem_document_visibility_dialog,
                      TANDEM, DOCUMENT_VISIBILITY_DIALOG, AdwMessageDialog)

/* @apply_label: the "apply" response's label, "_Add" or "_Save" */
TandemDocumentVisibilityDialog *tandem_document_visibility_dialog_new (GtkWindow        *parent,
                                                                       TandemStore      *store,
                                                                       TandemKind        parent_kind,
                                                                       TandemVisibility  visibility,
                                                                       const gint64     *group_ids,
                                                                       guint             n_groups,
                                                                       const char       *apply_label);
TandemVisibility tandem_document_visibility_dialog_get_visibility (TandemDocumentVisibilityDialog *self);
/* Chooses as the user would */
void             tandem_document_visibility_dialog_set_visibility (TandemDocumentVisibilityDialog *self,
                                                                   TandemVisibility                visibility);
/* The ticked groups (gint64) */
GArray          *tandem_document_visibility_dialog_get_group_ids  (TandemDocumentVisibilityDialog *self);
/* Ticks or unticks a group as a click would; FALSE for no such group */
gboolean         tandem_document_visibility_dialog_set_group      (TandemDocumentVisibilityDialog *self,
                                                                   gint64                          group_id,
                                                                   gboolean                        active);

G_END_DECLS
