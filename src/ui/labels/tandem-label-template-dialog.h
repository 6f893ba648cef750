/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-label-template.h"
#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_LABEL_TEMPLATE_DIALOG (tandem_label_template_dialog_get_type ())

/* Adds or edits a custom label sheet (SPEC I4): the paper, how many
 * labels across and down, their size, the margins, the gaps and the
 * corners, with a live preview and the reason inline when the labels do
 * not fit the page. Saved through the store, which checks it again;
 * ::saved tells the custom template's id. */
G_DECLARE_FINAL_TYPE (TandemLabelTemplateDialog, tandem_label_template_dialog, TANDEM, LABEL_TEMPLATE_DIALOG,
                      AdwWindow)

/* @template: a custom template to edit (a copy is edited), or NULL for a
 * new one */
GtkWidget *tandem_label_template_dialog_new (GtkWindow           *parent,
                                             TandemStore         *store,
                                             TandemLabelTemplate *template);

G_END_DECLS
