/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CATEGORY_DIALOG (tandem_category_dialog_get_type ())

/* Adds or edits an activity category (SPEC D3, D20): its name, the kind
 * and type it sets, whether users may change them, and whether it counts
 * towards sales targets. */
G_DECLARE_FINAL_TYPE (TandemCategoryDialog, tandem_category_dialog, TANDEM, CATEGORY_DIALOG, AdwWindow)

/* @category: the category to edit, or %NULL to add one */
TandemCategoryDialog *tandem_category_dialog_new      (GtkWindow   *parent,
                                                       TandemStore *store,
                                                       TandemTerm  *category);

/* "Sales · Leads · Sales target", as the list of categories shows it;
 * @kinds and @types are the lists the ids are looked up in. */
char                 *tandem_category_dialog_describe (TandemTerm  *category,
                                                       GPtrArray   *kinds,
                                                       GPtrArray   *types);

G_END_DECLS
