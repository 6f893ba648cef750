/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CONTACT (tandem_contact_get_type ())

/* A row of the group screen and of a saved search's results (SPEC I2, K2):
 * a company or a person with what a caller needs to call down the list. */
G_DECLARE_FINAL_TYPE (TandemContact, tandem_contact, TANDEM, CONTACT, GObject)

/* A company or a person, named by kind and id. */
typedef struct
{
  TandemKind kind;  /* TANDEM_KIND_COMPANY or TANDEM_KIND_PERSON */
  gint64     id;
} TandemContactRef;

TandemContact *tandem_contact_new              (TandemKind     kind,
                                                gint64         id,
                                                const char    *name);
TandemKind     tandem_contact_get_kind         (TandemContact *self);
gint64         tandem_contact_get_id           (TandemContact *self);
TandemContactRef tandem_contact_get_ref        (TandemContact *self);
const char    *tandem_contact_get_name         (TandemContact *self);
/* A person's company (id 0 and NULL for a company or a person without one) */
gint64         tandem_contact_get_company_id   (TandemContact *self);
const char    *tandem_contact_get_company_name (TandemContact *self);
const char    *tandem_contact_get_phone        (TandemContact *self);
const char    *tandem_contact_get_mobile       (TandemContact *self);
const char    *tandem_contact_get_email        (TandemContact *self);
const char    *tandem_contact_get_city         (TandemContact *self);
/* The contact groups it is in, by id, and their names joined for a list */
const gint64  *tandem_contact_get_group_ids    (TandemContact *self,
                                                guint         *n_ids);
const char    *tandem_contact_get_groups       (TandemContact *self);
gboolean       tandem_contact_is_in_group      (TandemContact *self,
                                                gint64         group_id);

/* Used by the store when it loads a row. */
void           tandem_contact_set_details      (TandemContact *self,
                                                gint64         company_id,
                                                const char    *company_name,
                                                const char    *phone,
                                                const char    *mobile,
                                                const char    *email,
                                                const char    *city);
void           tandem_contact_set_groups       (TandemContact *self,
                                                const gint64  *group_ids,
                                                guint          n_ids,
                                                const char    *names);

G_END_DECLS
