/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-card.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_COMPANY_CARD (tandem_company_card_get_type ())

/* A company's card (SPEC B1–B6): details, addresses, partner roles,
 * classification and additional fields, the company's people, projects
 * and sales, activities and notes. A project or sale opens through the
 * application's "app.open-project" action (its id as int64). */
G_DECLARE_FINAL_TYPE (TandemCompanyCard, tandem_company_card, TANDEM, COMPANY_CARD, TandemCard)

GtkWidget *tandem_company_card_new (TandemStore *store);

G_END_DECLS
