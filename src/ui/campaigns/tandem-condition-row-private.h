/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-condition-row.h"

G_BEGIN_DECLS

/* Parts of the row the UI tests look at. */
GtkDropDown *tandem_condition_row_get_field_dropdown    (TandemConditionRow *self);
GtkDropDown *tandem_condition_row_get_operator_dropdown (TandemConditionRow *self);
GtkEditable *tandem_condition_row_get_value_entry       (TandemConditionRow *self);
/* The group or role list shown instead of the entry */
GtkDropDown *tandem_condition_row_get_choice_dropdown   (TandemConditionRow *self);
/* The message under the row, or NULL while none is shown */
const char  *tandem_condition_row_get_error             (TandemConditionRow *self);

G_END_DECLS
