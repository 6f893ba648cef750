/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-category-dialog.h"

G_BEGIN_DECLS

/* The dialog's parts, for the UI tests that drive it like a person would.
 * The kind and type rows list "None" first, then the kinds and types in
 * their order; *_select_by_name picks an entry by the name shown. */
GtkEditable *tandem_category_dialog_get_name_row            (TandemCategoryDialog *self);
AdwComboRow *tandem_category_dialog_get_kind_row            (TandemCategoryDialog *self);
AdwComboRow *tandem_category_dialog_get_type_row            (TandemCategoryDialog *self);
gboolean     tandem_category_dialog_select_kind             (TandemCategoryDialog *self,
                                                             const char           *name);
gboolean     tandem_category_dialog_select_type             (TandemCategoryDialog *self,
                                                             const char           *name);
GtkSwitch   *tandem_category_dialog_get_allow_choice_switch (TandemCategoryDialog *self);
GtkSwitch   *tandem_category_dialog_get_sales_target_switch (TandemCategoryDialog *self);
GtkButton   *tandem_category_dialog_get_save_button         (TandemCategoryDialog *self);
GtkLabel    *tandem_category_dialog_get_error_label         (TandemCategoryDialog *self);

G_END_DECLS
