/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemContactGroup"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-contact-group.h"

struct _TandemContactGroup
{
  GObject parent_instance;

  gint64    id;
  char     *custom_name;  /* the administrator's name, or NULL */
  char     *builtin;      /* the shipped English name, or NULL */
  gboolean  do_not_contact;
  int       position;
  guint     n_members;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DO_NOT_CONTACT,
  PROP_POSITION,
  PROP_N_MEMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemContactGroup, tandem_contact_group, G_TYPE_OBJECT)

/* The groups shipped in the schema (migrations/0006-contact-groups.sql),
 * here so that xgettext puts them in the translation template. */
static const char * const builtin_names[] G_GNUC_UNUSED = {
  NC_("contact group", "Mailing list"),
  NC_("contact group", "Candidates"),
  NC_("contact group", "Visit"),
  NC_("contact group", "Do not contact"),
};

static void
tandem_contact_group_finalize (GObject *object)
{
  TandemContactGroup *self = TANDEM_CONTACT_GROUP (object);

  g_free (self->custom_name);
  g_free (self->builtin);

  G_OBJECT_CLASS (tandem_contact_group_parent_class)->finalize (object);
}

static void
tandem_contact_group_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TandemContactGroup *self = TANDEM_CONTACT_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, tandem_contact_group_get_name (self));
      break;
    case PROP_DO_NOT_CONTACT:
      g_value_set_boolean (value, self->do_not_contact);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_N_MEMBERS:
      g_value_set_uint (value, self->n_members);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_contact_group_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TandemContactGroup *self = TANDEM_CONTACT_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      tandem_contact_group_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      tandem_contact_group_set_name (self, g_value_get_string (value));
      break;
    case PROP_DO_NOT_CONTACT:
      tandem_contact_group_set_do_not_contact (self, g_value_get_boolean (value));
      break;
    case PROP_POSITION:
      tandem_contact_group_set_position (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_contact_group_class_init (TandemContactGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_contact_group_finalize;
  object_class->get_property = tandem_contact_group_get_property;
  object_class->set_property = tandem_contact_group_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_DO_NOT_CONTACT] =
    g_param_spec_boolean ("do-not-contact", NULL, NULL, FALSE, rw);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_N_MEMBERS] =
    g_param_spec_uint ("n-members", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_contact_group_init (TandemContactGroup *self)
{
}

TandemContactGroup *
tandem_contact_group_new (const char *name)
{
  return g_object_new (TANDEM_TYPE_CONTACT_GROUP, "name", name, NULL);
}

TandemContactGroup *
tandem_contact_group_copy (TandemContactGroup *self)
{
  TandemContactGroup *copy;

  g_return_val_if_fail (TANDEM_IS_CONTACT_GROUP (self), NULL);

  copy = g_object_new (TANDEM_TYPE_CONTACT_GROUP, NULL);
  copy->id = self->id;
  copy->custom_name = g_strdup (self->custom_name);
  copy->builtin = g_strdup (self->builtin);
  copy->do_not_contact = self->do_not_contact;
  copy->position = self->position;
  copy->n_members = self->n_members;
  return copy;
}

gint64
tandem_contact_group_get_id (TandemContactGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT_GROUP (self), 0);
  return self->id;
}

void
tandem_contact_group_set_id (TandemContactGroup *self,
                             gint64              id)
{
  g_return_if_fail (TANDEM_IS_CONTACT_GROUP (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
tandem_contact_group_get_name (TandemContactGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT_GROUP (self), NULL);

  if (self->custom_name != NULL)
    return self->custom_name;
  if (self->builtin != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, "contact group", self->builtin);
  return "";
}

void
tandem_contact_group_set_name (TandemContactGroup *self,
                               const char         *name)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (TANDEM_IS_CONTACT_GROUP (self));

  clean = name != NULL ? g_strstrip (g_strdup (name)) : NULL;
  if (clean != NULL && clean[0] == '\0')
    g_clear_pointer (&clean, g_free);
  /* Keeping the shown name of a shipped group keeps it translated. */
  if (clean != NULL && self->custom_name == NULL && self->builtin != NULL &&
      g_strcmp0 (clean, tandem_contact_group_get_name (self)) == 0)
    return;
  if (g_strcmp0 (self->custom_name, clean) == 0)
    return;

  g_free (self->custom_name);
  self->custom_name = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
tandem_contact_group_get_custom_name (TandemContactGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT_GROUP (self), NULL);
  return self->custom_name;
}

const char *
tandem_contact_group_get_builtin (TandemContactGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT_GROUP (self), NULL);
  return self->builtin;
}

gboolean
tandem_contact_group_get_do_not_contact (TandemContactGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT_GROUP (self), FALSE);
  return self->do_not_contact;
}

void
tandem_contact_group_set_do_not_contact (TandemContactGroup *self,
                                         gboolean            do_not_contact)
{
  g_return_if_fail (TANDEM_IS_CONTACT_GROUP (self));

  do_not_contact = !!do_not_contact;
  if (self->do_not_contact != do_not_contact)
    {
      self->do_not_contact = do_not_contact;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DO_NOT_CONTACT]);
    }
}

int
tandem_contact_group_get_position (TandemContactGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT_GROUP (self), 0);
  return self->position;
}

void
tandem_contact_group_set_position (TandemContactGroup *self,
                                   int                 position)
{
  g_return_if_fail (TANDEM_IS_CONTACT_GROUP (self));

  if (self->position != position)
    {
      self->position = position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
}

guint
tandem_contact_group_get_n_members (TandemContactGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT_GROUP (self), 0);
  return self->n_members;
}

void
tandem_contact_group_set_loaded (TandemContactGroup *self,
                                 gint64              id,
                                 const char         *custom_name,
                                 const char         *builtin,
                                 guint               n_members)
{
  g_return_if_fail (TANDEM_IS_CONTACT_GROUP (self));

  self->id = id;
  g_free (self->custom_name);
  self->custom_name = g_strdup (custom_name);
  g_free (self->builtin);
  self->builtin = g_strdup (builtin);
  self->n_members = n_members;
}
