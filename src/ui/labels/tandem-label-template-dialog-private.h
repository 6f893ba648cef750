/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-label-template-dialog.h"

G_BEGIN_DECLS

/* The dialog's parts, for the UI tests. @name is one of "page-width",
 * "page-height", "columns", "rows", "label-width", "label-height",
 * "radius", "margin-top", "margin-left", "gap-x", "gap-y". */
GtkSpinButton *tandem_label_template_dialog_get_spin          (TandemLabelTemplateDialog *self,
                                                               const char                *name);
AdwEntryRow   *tandem_label_template_dialog_get_name_row      (TandemLabelTemplateDialog *self);
AdwComboRow   *tandem_label_template_dialog_get_paper_row     (TandemLabelTemplateDialog *self);
/* The inline message, or NULL while there is none */
const char    *tandem_label_template_dialog_get_message       (TandemLabelTemplateDialog *self);
GtkWidget     *tandem_label_template_dialog_get_preview       (TandemLabelTemplateDialog *self);

G_END_DECLS
