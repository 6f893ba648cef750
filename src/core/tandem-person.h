/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-record.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PERSON (tandem_person_get_type ())

G_DECLARE_FINAL_TYPE (TandemPerson, tandem_person, TANDEM, PERSON, TandemRecord)

/* The plain text fields of a person (SPEC C1, C2); each is a string
 * property of that name. "company-name" is filled in by the store. */
extern const char * const tandem_person_text_fields[];

TandemPerson *tandem_person_new              (const char   *name);
TandemPerson *tandem_person_copy             (TandemPerson *self);
const char   *tandem_person_get_name         (TandemPerson *self);
const char   *tandem_person_get_text         (TandemPerson *self,
                                              const char   *field);
gint64        tandem_person_get_company_id   (TandemPerson *self);
void          tandem_person_set_company_id   (TandemPerson *self,
                                              gint64        company_id);
const char   *tandem_person_get_company_name (TandemPerson *self);

G_END_DECLS
