/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemChoice"

#include "tandem-choice.h"

struct _TandemChoice
{
  GObject parent_instance;

  gint64  id;
  char   *name;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemChoice, tandem_choice, G_TYPE_OBJECT)

static void
tandem_choice_finalize (GObject *object)
{
  g_free (TANDEM_CHOICE (object)->name);
  G_OBJECT_CLASS (tandem_choice_parent_class)->finalize (object);
}

static void
tandem_choice_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TandemChoice *self = TANDEM_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_choice_class_init (TandemChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_choice_finalize;
  object_class->get_property = tandem_choice_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_choice_init (TandemChoice *self)
{
}

TandemChoice *
tandem_choice_new (gint64      id,
                   const char *name)
{
  TandemChoice *self = g_object_new (TANDEM_TYPE_CHOICE, NULL);

  self->id = id;
  self->name = g_strdup (name);
  return self;
}

gint64
tandem_choice_get_id (TandemChoice *self)
{
  g_return_val_if_fail (TANDEM_IS_CHOICE (self), 0);
  return self->id;
}

const char *
tandem_choice_get_name (TandemChoice *self)
{
  g_return_val_if_fail (TANDEM_IS_CHOICE (self), NULL);
  return self->name;
}
