/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-condition-row.h"
#include "tandem-contact-pager.h"
#include "tandem-search-dialog.h"

G_BEGIN_DECLS

/* Parts of the dialog the UI tests look at. */
AdwEntryRow        *tandem_search_dialog_get_name_row   (TandemSearchDialog *self);
AdwComboRow        *tandem_search_dialog_get_entity_row (TandemSearchDialog *self);
AdwComboRow        *tandem_search_dialog_get_match_row  (TandemSearchDialog *self);
GtkSwitch          *tandem_search_dialog_get_shared_switch (TandemSearchDialog *self);
/* As the "Add Condition" button does; returns the new row */
TandemConditionRow *tandem_search_dialog_add_condition  (TandemSearchDialog *self);
/* The condition rows, in order */
GPtrArray          *tandem_search_dialog_get_conditions (TandemSearchDialog *self);
/* The live count, e.g. "23 companies" */
const char         *tandem_search_dialog_get_count_text (TandemSearchDialog *self);
TandemContactPager *tandem_search_dialog_get_pager      (TandemSearchDialog *self);
/* The message at the top, or NULL while none is shown */
const char         *tandem_search_dialog_get_error      (TandemSearchDialog *self);
void                tandem_search_dialog_save           (TandemSearchDialog *self);

G_END_DECLS
