/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCompany"

#include "tandem-company.h"

struct _TandemCompany
{
  TandemRecord parent_instance;

  char *name;
  char *phone;
  char *fax;
  char *email;
  char *website;
  char *business_id;
  char *vat_number;
  char *visit_street;
  char *visit_postcode;
  char *visit_city;
  char *visit_country;
  char *postal_street;
  char *postal_postcode;
  char *postal_city;
  char *postal_country;
  char *billing_street;
  char *billing_postcode;
  char *billing_city;
  char *billing_country;

  char **roles;   /* partner role names, SPEC B3 */
};

#define STR(field, prop) { prop, G_STRUCT_OFFSET (TandemCompany, field) }
static const TandemStringProperty string_props[] = {
  STR (name, "name"),
  STR (phone, "phone"),
  STR (fax, "fax"),
  STR (email, "email"),
  STR (website, "website"),
  STR (business_id, "business-id"),
  STR (vat_number, "vat-number"),
  STR (visit_street, "visit-street"),
  STR (visit_postcode, "visit-postcode"),
  STR (visit_city, "visit-city"),
  STR (visit_country, "visit-country"),
  STR (postal_street, "postal-street"),
  STR (postal_postcode, "postal-postcode"),
  STR (postal_city, "postal-city"),
  STR (postal_country, "postal-country"),
  STR (billing_street, "billing-street"),
  STR (billing_postcode, "billing-postcode"),
  STR (billing_city, "billing-city"),
  STR (billing_country, "billing-country"),
};
#undef STR

const char * const tandem_company_text_fields[] = {
  "name", "phone", "fax", "email", "website", "business-id", "vat-number",
  "visit-street", "visit-postcode", "visit-city", "visit-country",
  "postal-street", "postal-postcode", "postal-city", "postal-country",
  "billing-street", "billing-postcode", "billing-city", "billing-country",
  NULL
};

enum {
  PROP_0,
  PROP_ROLES,
  PROP_FIRST_STRING,
  N_PROPS = PROP_FIRST_STRING + G_N_ELEMENTS (string_props)
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemCompany, tandem_company, TANDEM_TYPE_RECORD)

static const char *
tandem_company_get_title (TandemRecord *record)
{
  return TANDEM_COMPANY (record)->name;
}

static void
tandem_company_finalize (GObject *object)
{
  TandemCompany *self = TANDEM_COMPANY (object);

  for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
    g_free (G_STRUCT_MEMBER (char *, self, string_props[i].offset));
  g_strfreev (self->roles);

  G_OBJECT_CLASS (tandem_company_parent_class)->finalize (object);
}

static void
tandem_company_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TandemCompany *self = TANDEM_COMPANY (object);

  if (prop_id >= PROP_FIRST_STRING && prop_id < N_PROPS)
    g_value_set_string (value, G_STRUCT_MEMBER (char *, self, string_props[prop_id - PROP_FIRST_STRING].offset));
  else if (prop_id == PROP_ROLES)
    g_value_set_boxed (value, self->roles);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tandem_company_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TandemCompany *self = TANDEM_COMPANY (object);

  if (prop_id >= PROP_FIRST_STRING && prop_id < N_PROPS)
    tandem_record_string_set (object,
                              &G_STRUCT_MEMBER (char *, self, string_props[prop_id - PROP_FIRST_STRING].offset),
                              g_value_get_string (value), pspec);
  else if (prop_id == PROP_ROLES)
    tandem_company_set_roles (self, g_value_get_boxed (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tandem_company_class_init (TandemCompanyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TandemRecordClass *record_class = TANDEM_RECORD_CLASS (klass);

  object_class->finalize = tandem_company_finalize;
  object_class->get_property = tandem_company_get_property;
  object_class->set_property = tandem_company_set_property;

  record_class->kind = TANDEM_KIND_COMPANY;
  record_class->get_title = tandem_company_get_title;

  properties[PROP_ROLES] =
    g_param_spec_boxed ("roles", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_ROLES, properties[PROP_ROLES]);

  tandem_record_install_strings (object_class, PROP_FIRST_STRING, string_props,
                                 G_N_ELEMENTS (string_props), &properties[PROP_FIRST_STRING]);
}

static void
tandem_company_init (TandemCompany *self)
{
}

TandemCompany *
tandem_company_new (const char *name)
{
  return g_object_new (TANDEM_TYPE_COMPANY, "name", name, NULL);
}

TandemCompany *
tandem_company_copy (TandemCompany *self)
{
  TandemCompany *copy = g_object_new (TANDEM_TYPE_COMPANY, NULL);

  tandem_record_copy_into (TANDEM_RECORD (self), TANDEM_RECORD (copy));
  return copy;
}

const char *
tandem_company_get_name (TandemCompany *self)
{
  g_return_val_if_fail (TANDEM_IS_COMPANY (self), NULL);
  return self->name;
}

void
tandem_company_set_name (TandemCompany *self,
                         const char    *name)
{
  g_return_if_fail (TANDEM_IS_COMPANY (self));
  g_object_set (self, "name", name, NULL);
}

const char *
tandem_company_get_text (TandemCompany *self,
                         const char    *field)
{
  g_return_val_if_fail (TANDEM_IS_COMPANY (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
    if (g_str_equal (string_props[i].name, field))
      return G_STRUCT_MEMBER (char *, self, string_props[i].offset);

  g_critical ("Company has no text field “%s”", field);
  return NULL;
}

void
tandem_company_set_text (TandemCompany *self,
                         const char    *field,
                         const char    *value)
{
  g_return_if_fail (TANDEM_IS_COMPANY (self));
  g_object_set (self, field, value, NULL);
}

const char * const *
tandem_company_get_roles (TandemCompany *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (TANDEM_IS_COMPANY (self), NULL);
  return self->roles ? (const char * const *) self->roles : none;
}

void
tandem_company_set_roles (TandemCompany      *self,
                          const char * const *roles)
{
  g_return_if_fail (TANDEM_IS_COMPANY (self));

  if (roles != NULL && roles[0] == NULL)
    roles = NULL;
  if (self->roles == NULL && roles == NULL)
    return;
  if (self->roles != NULL && roles != NULL && g_strv_equal ((const char * const *) self->roles, roles))
    return;

  g_strfreev (self->roles);
  self->roles = g_strdupv ((char **) roles);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLES]);
}
