/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemMessage"

#include "tandem-message.h"

struct _TandemMessage
{
  GObject parent_instance;

  gint64  id;
  gint64  activity_id;
  gint64  author_id;
  char   *author_name;
  char   *body;
  char   *created_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_ACTIVITY_ID,
  PROP_AUTHOR_ID,
  PROP_AUTHOR_NAME,
  PROP_BODY,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemMessage, tandem_message, G_TYPE_OBJECT)

static void
tandem_message_finalize (GObject *object)
{
  TandemMessage *self = TANDEM_MESSAGE (object);

  g_free (self->author_name);
  g_free (self->body);
  g_free (self->created_at);

  G_OBJECT_CLASS (tandem_message_parent_class)->finalize (object);
}

static void
tandem_message_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TandemMessage *self = TANDEM_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ACTIVITY_ID:
      g_value_set_int64 (value, self->activity_id);
      break;
    case PROP_AUTHOR_ID:
      g_value_set_int64 (value, self->author_id);
      break;
    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_message_class_init (TandemMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_message_finalize;
  object_class->get_property = tandem_message_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACTIVITY_ID] = g_param_spec_int64 ("activity-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_AUTHOR_ID] = g_param_spec_int64 ("author-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_AUTHOR_NAME] = g_param_spec_string ("author-name", NULL, NULL, NULL, ro);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, ro);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_message_init (TandemMessage *self)
{
}

TandemMessage *
tandem_message_new (gint64      id,
                    gint64      activity_id,
                    gint64      author_id,
                    const char *author_name,
                    const char *body,
                    const char *created_at)
{
  TandemMessage *self = g_object_new (TANDEM_TYPE_MESSAGE, NULL);

  self->id = id;
  self->activity_id = activity_id;
  self->author_id = author_id;
  self->author_name = g_strdup (author_name);
  self->body = g_strdup (body);
  self->created_at = g_strdup (created_at);
  return self;
}

gint64
tandem_message_get_id (TandemMessage *self)
{
  g_return_val_if_fail (TANDEM_IS_MESSAGE (self), 0);
  return self->id;
}

gint64
tandem_message_get_activity_id (TandemMessage *self)
{
  g_return_val_if_fail (TANDEM_IS_MESSAGE (self), 0);
  return self->activity_id;
}

gint64
tandem_message_get_author_id (TandemMessage *self)
{
  g_return_val_if_fail (TANDEM_IS_MESSAGE (self), 0);
  return self->author_id;
}

const char *
tandem_message_get_author_name (TandemMessage *self)
{
  g_return_val_if_fail (TANDEM_IS_MESSAGE (self), NULL);
  return self->author_name;
}

const char *
tandem_message_get_body (TandemMessage *self)
{
  g_return_val_if_fail (TANDEM_IS_MESSAGE (self), NULL);
  return self->body;
}

const char *
tandem_message_get_created_at (TandemMessage *self)
{
  g_return_val_if_fail (TANDEM_IS_MESSAGE (self), NULL);
  return self->created_at;
}
