/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SALE_CARD (tandem_sale_card_get_type ())

/* One sale on the pipeline board (SPEC H1, J1): name, company, value,
 * expected closing date (in the warning colour once it has passed),
 * probability and seller. The card is a focusable list row: Enter
 * activates it, the menu button, a right click, Menu or Shift+F10 open
 * @menu, and it can be dragged onto another column (the drag carries the
 * project id as a gint64). */
G_DECLARE_FINAL_TYPE (TandemSaleCard, tandem_sale_card, TANDEM, SALE_CARD, GtkListBoxRow)

/* @today is "YYYY-MM-DD": a closing date before it is overdue. */
GtkWidget   *tandem_sale_card_new            (TandemProject  *project,
                                              GMenuModel     *menu,
                                              const char     *today);
gint64       tandem_sale_card_get_project_id (TandemSaleCard *self);
gint64       tandem_sale_card_get_stage_id   (TandemSaleCard *self);
const char  *tandem_sale_card_get_name       (TandemSaleCard *self);
/* Hundredths of the currency */
gint64       tandem_sale_card_get_value      (TandemSaleCard *self);
gint64       tandem_sale_card_get_weighted   (TandemSaleCard *self);
const char  *tandem_sale_card_get_currency   (TandemSaleCard *self);
gboolean     tandem_sale_card_get_overdue    (TandemSaleCard *self);
void         tandem_sale_card_popup_menu     (TandemSaleCard *self);

/* "12 Mar 2026" for "2026-03-12" in the user's language, or NULL when
 * @date is not a date. */
char        *tandem_sale_card_format_date    (const char     *date);

G_END_DECLS
