/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-field-dialog.h"

G_BEGIN_DECLS

/* The dialog's parts, for the UI tests that drive it like a person would. */
GtkEditable *tandem_field_dialog_get_name_row    (TandemFieldDialog *self);
AdwComboRow *tandem_field_dialog_get_entity_row  (TandemFieldDialog *self);
AdwComboRow *tandem_field_dialog_get_kind_row    (TandemFieldDialog *self);
AdwComboRow *tandem_field_dialog_get_type_row    (TandemFieldDialog *self);
GtkWidget   *tandem_field_dialog_get_choices_group (TandemFieldDialog *self);
GtkTextView *tandem_field_dialog_get_choices_view (TandemFieldDialog *self);
GtkButton   *tandem_field_dialog_get_save_button (TandemFieldDialog *self);
GtkLabel    *tandem_field_dialog_get_error_label (TandemFieldDialog *self);

G_END_DECLS
