/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemContact"

#include "tandem-contact.h"

struct _TandemContact
{
  GObject parent_instance;

  TandemKind  kind;
  gint64      id;
  char       *name;
  gint64      company_id;
  char       *company_name;
  char       *phone;
  char       *mobile;
  char       *email;
  char       *city;
  GArray     *group_ids;
  char       *groups;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_NAME,
  PROP_COMPANY_NAME,
  PROP_PHONE,
  PROP_MOBILE,
  PROP_EMAIL,
  PROP_CITY,
  PROP_GROUPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemContact, tandem_contact, G_TYPE_OBJECT)

static void
tandem_contact_finalize (GObject *object)
{
  TandemContact *self = TANDEM_CONTACT (object);

  g_free (self->name);
  g_free (self->company_name);
  g_free (self->phone);
  g_free (self->mobile);
  g_free (self->email);
  g_free (self->city);
  g_array_unref (self->group_ids);
  g_free (self->groups);

  G_OBJECT_CLASS (tandem_contact_parent_class)->finalize (object);
}

static void
tandem_contact_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TandemContact *self = TANDEM_CONTACT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COMPANY_NAME:
      g_value_set_string (value, self->company_name);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_MOBILE:
      g_value_set_string (value, self->mobile);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;
    case PROP_GROUPS:
      g_value_set_string (value, self->groups);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_contact_class_init (TandemContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_contact_finalize;
  object_class->get_property = tandem_contact_get_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, TANDEM_KIND_NONE, G_MAXINT, TANDEM_KIND_NONE, ro);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_COMPANY_NAME] =
    g_param_spec_string ("company-name", NULL, NULL, NULL, ro);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, ro);
  properties[PROP_MOBILE] =
    g_param_spec_string ("mobile", NULL, NULL, NULL, ro);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, ro);
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL, NULL, ro);
  properties[PROP_GROUPS] =
    g_param_spec_string ("groups", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_contact_init (TandemContact *self)
{
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static char *
dup_or_null (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

TandemContact *
tandem_contact_new (TandemKind  kind,
                    gint64      id,
                    const char *name)
{
  TandemContact *self;

  g_return_val_if_fail (kind == TANDEM_KIND_COMPANY || kind == TANDEM_KIND_PERSON, NULL);

  self = g_object_new (TANDEM_TYPE_CONTACT, NULL);
  self->kind = kind;
  self->id = id;
  self->name = g_strdup (name != NULL ? name : "");
  return self;
}

TandemKind
tandem_contact_get_kind (TandemContact *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT (self), TANDEM_KIND_NONE);
  return self->kind;
}

gint64
tandem_contact_get_id (TandemContact *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT (self), 0);
  return self->id;
}

TandemContactRef
tandem_contact_get_ref (TandemContact *self)
{
  TandemContactRef ref = { TANDEM_KIND_NONE, 0 };

  g_return_val_if_fail (TANDEM_IS_CONTACT (self), ref);

  ref.kind = self->kind;
  ref.id = self->id;
  return ref;
}

const char *
tandem_contact_get_name (TandemContact *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT (self), NULL);
  return self->name;
}

gint64
tandem_contact_get_company_id (TandemContact *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT (self), 0);
  return self->company_id;
}

const char *
tandem_contact_get_company_name (TandemContact *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT (self), NULL);
  return self->company_name;
}

const char *
tandem_contact_get_phone (TandemContact *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT (self), NULL);
  return self->phone;
}

const char *
tandem_contact_get_mobile (TandemContact *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT (self), NULL);
  return self->mobile;
}

const char *
tandem_contact_get_email (TandemContact *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT (self), NULL);
  return self->email;
}

const char *
tandem_contact_get_city (TandemContact *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT (self), NULL);
  return self->city;
}

const gint64 *
tandem_contact_get_group_ids (TandemContact *self,
                              guint         *n_ids)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT (self), NULL);

  if (n_ids != NULL)
    *n_ids = self->group_ids->len;
  return (const gint64 *) self->group_ids->data;
}

const char *
tandem_contact_get_groups (TandemContact *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT (self), NULL);
  return self->groups;
}

gboolean
tandem_contact_is_in_group (TandemContact *self,
                            gint64         group_id)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT (self), FALSE);

  for (guint i = 0; i < self->group_ids->len; i++)
    if (g_array_index (self->group_ids, gint64, i) == group_id)
      return TRUE;
  return FALSE;
}

void
tandem_contact_set_details (TandemContact *self,
                            gint64         company_id,
                            const char    *company_name,
                            const char    *phone,
                            const char    *mobile,
                            const char    *email,
                            const char    *city)
{
  g_return_if_fail (TANDEM_IS_CONTACT (self));

  self->company_id = company_id;
  g_free (self->company_name);
  self->company_name = dup_or_null (company_name);
  g_free (self->phone);
  self->phone = dup_or_null (phone);
  g_free (self->mobile);
  self->mobile = dup_or_null (mobile);
  g_free (self->email);
  self->email = dup_or_null (email);
  g_free (self->city);
  self->city = dup_or_null (city);
}

void
tandem_contact_set_groups (TandemContact *self,
                           const gint64  *group_ids,
                           guint          n_ids,
                           const char    *names)
{
  g_return_if_fail (TANDEM_IS_CONTACT (self));

  g_array_set_size (self->group_ids, 0);
  if (n_ids > 0)
    g_array_append_vals (self->group_ids, group_ids, n_ids);
  g_free (self->groups);
  self->groups = dup_or_null (names);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUPS]);
}
