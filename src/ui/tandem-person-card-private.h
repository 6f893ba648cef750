/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-contact-groups-group.h"
#include "tandem-person-card.h"

G_BEGIN_DECLS

/* Parts of the card the UI tests look at. */
/* The contact groups the person is in (I1). */
TandemContactGroupsGroup *tandem_person_card_get_contact_groups_group (TandemPersonCard *self);

G_END_DECLS
