/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-card.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PERSON_CARD (tandem_person_card_get_type ())

/* A person's card (SPEC C1–C3): details, the company, address,
 * classification and additional fields, and notes. */
G_DECLARE_FINAL_TYPE (TandemPersonCard, tandem_person_card, TANDEM, PERSON_CARD, TandemCard)

GtkWidget *tandem_person_card_new (TandemStore *store);

G_END_DECLS
