/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-sale-dialog.h"

G_BEGIN_DECLS

/* Parts of the dialog the UI tests look at. */
AdwEntryRow   *tandem_sale_dialog_get_name_row         (TandemSaleDialog *self);
AdwEntryRow   *tandem_sale_dialog_get_value_row        (TandemSaleDialog *self);
/* The message under the value, shown while it is not an amount */
GtkLabel      *tandem_sale_dialog_get_value_error      (TandemSaleDialog *self);
/* The message at the top, or NULL while none is shown */
const char    *tandem_sale_dialog_get_error            (TandemSaleDialog *self);
AdwComboRow   *tandem_sale_dialog_get_stage_row        (TandemSaleDialog *self);
GtkSpinButton *tandem_sale_dialog_get_probability_spin (TandemSaleDialog *self);
AdwComboRow   *tandem_sale_dialog_get_visibility_row   (TandemSaleDialog *self);
/* The campaign typed or chosen from the existing ones (SPEC I3) */
AdwEntryRow   *tandem_sale_dialog_get_campaign_row     (TandemSaleDialog *self);
/* What the dialog says of a campaign name that is new, or NULL */
const char    *tandem_sale_dialog_get_campaign_hint    (TandemSaleDialog *self);
/* As a pick in the customer row */
void           tandem_sale_dialog_choose_company       (TandemSaleDialog *self,
                                                        gint64            company_id,
                                                        const char       *name);

G_END_DECLS
