/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemProduct"

#include "tandem-product.h"

struct _TandemProduct
{
  GObject parent_instance;

  gint64    id;
  char     *name;
  char     *group;   /* NULL: in no group */
  gboolean  active;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GROUP,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemProduct, tandem_product, G_TYPE_OBJECT)

static void
set_text (TandemProduct  *self,
          char          **slot,
          const char     *value,
          guint           prop)
{
  g_autofree char *clean = g_strstrip (g_strdup (value ? value : ""));

  if (clean[0] == '\0')
    g_clear_pointer (&clean, g_free);
  if (g_strcmp0 (*slot, clean) == 0)
    return;
  g_free (*slot);
  *slot = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
tandem_product_finalize (GObject *object)
{
  TandemProduct *self = TANDEM_PRODUCT (object);

  g_free (self->name);
  g_free (self->group);

  G_OBJECT_CLASS (tandem_product_parent_class)->finalize (object);
}

static void
tandem_product_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TandemProduct *self = TANDEM_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_product_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TandemProduct *self = TANDEM_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:
      tandem_product_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      tandem_product_set_name (self, g_value_get_string (value));
      break;
    case PROP_GROUP:
      tandem_product_set_group (self, g_value_get_string (value));
      break;
    case PROP_ACTIVE:
      tandem_product_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_product_class_init (TandemProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_product_finalize;
  object_class->get_property = tandem_product_get_property;
  object_class->set_property = tandem_product_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, NULL, rw);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_product_init (TandemProduct *self)
{
  self->active = TRUE;
}

TandemProduct *
tandem_product_new (const char *name,
                    const char *group)
{
  return g_object_new (TANDEM_TYPE_PRODUCT, "name", name, "group", group, NULL);
}

gint64
tandem_product_get_id (TandemProduct *self)
{
  g_return_val_if_fail (TANDEM_IS_PRODUCT (self), 0);
  return self->id;
}

void
tandem_product_set_id (TandemProduct *self,
                       gint64         id)
{
  g_return_if_fail (TANDEM_IS_PRODUCT (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
tandem_product_get_name (TandemProduct *self)
{
  g_return_val_if_fail (TANDEM_IS_PRODUCT (self), NULL);
  return self->name;
}

void
tandem_product_set_name (TandemProduct *self,
                         const char    *name)
{
  g_return_if_fail (TANDEM_IS_PRODUCT (self));
  set_text (self, &self->name, name, PROP_NAME);
}

const char *
tandem_product_get_group (TandemProduct *self)
{
  g_return_val_if_fail (TANDEM_IS_PRODUCT (self), NULL);
  return self->group;
}

void
tandem_product_set_group (TandemProduct *self,
                          const char    *group)
{
  g_return_if_fail (TANDEM_IS_PRODUCT (self));
  set_text (self, &self->group, group, PROP_GROUP);
}

gboolean
tandem_product_get_active (TandemProduct *self)
{
  g_return_val_if_fail (TANDEM_IS_PRODUCT (self), FALSE);
  return self->active;
}

void
tandem_product_set_active (TandemProduct *self,
                           gboolean       active)
{
  g_return_if_fail (TANDEM_IS_PRODUCT (self));

  active = !!active;
  if (self->active != active)
    {
      self->active = active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
}
