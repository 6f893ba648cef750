/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_POSTAL_ADDRESS (tandem_postal_address_get_type ())

/* One addressee of a mailing (SPEC I4), as a label sheet prints it. @name
 * is whom the letter goes to: a company, or a person mailed at home;
 * @contact is a person at that company, or NULL. The other parts are as
 * users typed them; @country is free text ("FI", "Finland", "Suomi",
 * "Polska", "UK", …) or NULL for the organisation's own country. */
typedef struct
{
  char   *name;
  char   *contact;
  char   *street;
  char   *postcode;
  char   *city;
  char   *country;
  gint64  company_id;
  gint64  person_id;
} TandemPostalAddress;

GType                tandem_postal_address_get_type (void) G_GNUC_CONST;
TandemPostalAddress *tandem_postal_address_new      (void);
TandemPostalAddress *tandem_postal_address_copy     (const TandemPostalAddress *self);
void                 tandem_postal_address_free     (TandemPostalAddress       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemPostalAddress, tandem_postal_address_free)

G_END_DECLS
