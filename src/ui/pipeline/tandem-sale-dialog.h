/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SALE_DIALOG (tandem_sale_dialog_get_type ())

/* Adds a sales project or a delivery project, or edits the basic fields
 * of one (SPEC H1, H2, E1, E2): name, customer, and for a sale its stage,
 * value, currency, expected closing date, probability, seller, product
 * and campaign (one of the campaigns, or a new name that adds one); the
 * description and who may see it. Only the author or an
 * administrator changes the visibility of a saved one. Ctrl+S or Enter
 * saves, Escape cancels; what the store refuses is shown in the dialog
 * and nothing typed is lost.
 *
 * Signals:
 *  "saved" (gint64 id): the project was saved; the dialog then closes. */
G_DECLARE_FINAL_TYPE (TandemSaleDialog, tandem_sale_dialog, TANDEM, SALE_DIALOG, AdwWindow)

/* @company_id: the customer to start with, or 0. */
TandemSaleDialog *tandem_sale_dialog_new_sale        (GtkWindow     *parent,
                                                      TandemStore   *store,
                                                      gint64         company_id);
TandemSaleDialog *tandem_sale_dialog_new_project     (GtkWindow     *parent,
                                                      TandemStore   *store,
                                                      gint64         company_id);
/* Edits a copy of @project. */
TandemSaleDialog *tandem_sale_dialog_new_for_project (GtkWindow     *parent,
                                                      TandemStore   *store,
                                                      TandemProject *project);

G_END_DECLS
