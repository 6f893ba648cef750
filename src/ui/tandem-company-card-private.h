/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-activities-group.h"
#include "tandem-company-card.h"
#include "tandem-contact-groups-group.h"
#include "tandem-documents-group.h"
#include "tandem-notes-group.h"

G_BEGIN_DECLS

/* Parts of the card the UI tests look at. */
AdwEntryRow      *tandem_company_card_get_business_id_row (TandemCompanyCard *self);
GtkLabel         *tandem_company_card_get_business_id_error (TandemCompanyCard *self);
TandemNotesGroup *tandem_company_card_get_notes_group     (TandemCompanyCard *self);
TandemDocumentsGroup *tandem_company_card_get_documents_group (TandemCompanyCard *self);
TandemActivitiesGroup *tandem_company_card_get_activities_group (TandemCompanyCard *self);
/* The contact groups the company is in (I1). */
TandemContactGroupsGroup *tandem_company_card_get_contact_groups_group (TandemCompanyCard *self);
guint             tandem_company_card_get_n_people        (TandemCompanyCard *self);
/* The projects and sales listed (B6). */
guint             tandem_company_card_get_n_projects      (TandemCompanyCard *self);

G_END_DECLS
