/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPostalAddress"

#include "config.h"

#include "tandem-postal-address.h"

G_DEFINE_BOXED_TYPE (TandemPostalAddress, tandem_postal_address,
                     tandem_postal_address_copy, tandem_postal_address_free)

TandemPostalAddress *
tandem_postal_address_new (void)
{
  return g_new0 (TandemPostalAddress, 1);
}

TandemPostalAddress *
tandem_postal_address_copy (const TandemPostalAddress *self)
{
  TandemPostalAddress *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = tandem_postal_address_new ();
  copy->name = g_strdup (self->name);
  copy->contact = g_strdup (self->contact);
  copy->street = g_strdup (self->street);
  copy->postcode = g_strdup (self->postcode);
  copy->city = g_strdup (self->city);
  copy->country = g_strdup (self->country);
  copy->company_id = self->company_id;
  copy->person_id = self->person_id;
  return copy;
}

void
tandem_postal_address_free (TandemPostalAddress *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->contact);
  g_free (self->street);
  g_free (self->postcode);
  g_free (self->city);
  g_free (self->country);
  g_free (self);
}
