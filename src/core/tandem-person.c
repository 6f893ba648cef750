/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPerson"

#include "tandem-person.h"

struct _TandemPerson
{
  TandemRecord parent_instance;

  gint64 company_id;

  char *name;
  char *title;
  char *email;
  char *phone;
  char *mobile;
  char *street;
  char *postcode;
  char *city;
  char *country;
  char *company_name;
};

#define STR(field, prop) { prop, G_STRUCT_OFFSET (TandemPerson, field) }
static const TandemStringProperty string_props[] = {
  STR (name, "name"),
  STR (title, "job-title"),
  STR (email, "email"),
  STR (phone, "phone"),
  STR (mobile, "mobile"),
  STR (street, "street"),
  STR (postcode, "postcode"),
  STR (city, "city"),
  STR (country, "country"),
  STR (company_name, "company-name"),
};
#undef STR

const char * const tandem_person_text_fields[] = {
  "name", "job-title", "email", "phone", "mobile",
  "street", "postcode", "city", "country",
  NULL
};

enum {
  PROP_0,
  PROP_COMPANY_ID,
  PROP_FIRST_STRING,
  N_PROPS = PROP_FIRST_STRING + G_N_ELEMENTS (string_props)
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemPerson, tandem_person, TANDEM_TYPE_RECORD)

static const char *
tandem_person_get_title (TandemRecord *record)
{
  return TANDEM_PERSON (record)->name;
}

static void
tandem_person_finalize (GObject *object)
{
  TandemPerson *self = TANDEM_PERSON (object);

  for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
    g_free (G_STRUCT_MEMBER (char *, self, string_props[i].offset));

  G_OBJECT_CLASS (tandem_person_parent_class)->finalize (object);
}

static void
tandem_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TandemPerson *self = TANDEM_PERSON (object);

  if (prop_id >= PROP_FIRST_STRING && prop_id < N_PROPS)
    g_value_set_string (value, G_STRUCT_MEMBER (char *, self, string_props[prop_id - PROP_FIRST_STRING].offset));
  else if (prop_id == PROP_COMPANY_ID)
    g_value_set_int64 (value, self->company_id);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tandem_person_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TandemPerson *self = TANDEM_PERSON (object);

  if (prop_id >= PROP_FIRST_STRING && prop_id < N_PROPS)
    tandem_record_string_set (object,
                              &G_STRUCT_MEMBER (char *, self, string_props[prop_id - PROP_FIRST_STRING].offset),
                              g_value_get_string (value), pspec);
  else if (prop_id == PROP_COMPANY_ID)
    tandem_person_set_company_id (self, g_value_get_int64 (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tandem_person_class_init (TandemPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TandemRecordClass *record_class = TANDEM_RECORD_CLASS (klass);

  object_class->finalize = tandem_person_finalize;
  object_class->get_property = tandem_person_get_property;
  object_class->set_property = tandem_person_set_property;

  record_class->kind = TANDEM_KIND_PERSON;
  record_class->get_title = tandem_person_get_title;

  properties[PROP_COMPANY_ID] =
    g_param_spec_int64 ("company-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_COMPANY_ID, properties[PROP_COMPANY_ID]);

  tandem_record_install_strings (object_class, PROP_FIRST_STRING, string_props,
                                 G_N_ELEMENTS (string_props), &properties[PROP_FIRST_STRING]);
}

static void
tandem_person_init (TandemPerson *self)
{
}

TandemPerson *
tandem_person_new (const char *name)
{
  return g_object_new (TANDEM_TYPE_PERSON, "name", name, NULL);
}

TandemPerson *
tandem_person_copy (TandemPerson *self)
{
  TandemPerson *copy = g_object_new (TANDEM_TYPE_PERSON, NULL);

  tandem_record_copy_into (TANDEM_RECORD (self), TANDEM_RECORD (copy));
  return copy;
}

const char *
tandem_person_get_name (TandemPerson *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON (self), NULL);
  return self->name;
}

const char *
tandem_person_get_text (TandemPerson *self,
                        const char   *field)
{
  g_return_val_if_fail (TANDEM_IS_PERSON (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
    if (g_str_equal (string_props[i].name, field))
      return G_STRUCT_MEMBER (char *, self, string_props[i].offset);

  g_critical ("Person has no text field “%s”", field);
  return NULL;
}

gint64
tandem_person_get_company_id (TandemPerson *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON (self), 0);
  return self->company_id;
}

void
tandem_person_set_company_id (TandemPerson *self,
                              gint64        company_id)
{
  g_return_if_fail (TANDEM_IS_PERSON (self));

  if (self->company_id != company_id)
    {
      self->company_id = company_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY_ID]);
    }
}

const char *
tandem_person_get_company_name (TandemPerson *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON (self), NULL);
  return self->company_name;
}
