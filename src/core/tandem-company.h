/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-record.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_COMPANY (tandem_company_get_type ())

G_DECLARE_FINAL_TYPE (TandemCompany, tandem_company, TANDEM, COMPANY, TandemRecord)

/* The plain text fields of a company (SPEC B2), in the order forms, exports
 * and the command line show them. Each is a string property of that name. */
extern const char * const tandem_company_text_fields[];

TandemCompany      *tandem_company_new        (const char          *name);
TandemCompany      *tandem_company_copy       (TandemCompany       *self);
const char         *tandem_company_get_name   (TandemCompany       *self);
void                tandem_company_set_name   (TandemCompany       *self,
                                               const char          *name);
const char         *tandem_company_get_text   (TandemCompany       *self,
                                               const char          *field);
void                tandem_company_set_text   (TandemCompany       *self,
                                               const char          *field,
                                               const char          *value);
const char * const *tandem_company_get_roles  (TandemCompany       *self);
void                tandem_company_set_roles  (TandemCompany       *self,
                                               const char * const  *roles);

G_END_DECLS
