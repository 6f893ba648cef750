/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemAttachment"

#include "tandem-attachment.h"

struct _TandemAttachment
{
  GObject parent_instance;

  gint64    id;
  gint64    activity_id;
  gboolean  is_file;
  char     *title;
  char     *url;
  char     *content_type;
  gint64    size;
  char     *sha256;
  char     *created_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_ACTIVITY_ID,
  PROP_IS_FILE,
  PROP_TITLE,
  PROP_URL,
  PROP_CONTENT_TYPE,
  PROP_SIZE,
  PROP_SHA256,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemAttachment, tandem_attachment, G_TYPE_OBJECT)

static void
tandem_attachment_finalize (GObject *object)
{
  TandemAttachment *self = TANDEM_ATTACHMENT (object);

  g_free (self->title);
  g_free (self->url);
  g_free (self->content_type);
  g_free (self->sha256);
  g_free (self->created_at);

  G_OBJECT_CLASS (tandem_attachment_parent_class)->finalize (object);
}

static void
tandem_attachment_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TandemAttachment *self = TANDEM_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ACTIVITY_ID:
      g_value_set_int64 (value, self->activity_id);
      break;
    case PROP_IS_FILE:
      g_value_set_boolean (value, self->is_file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_CONTENT_TYPE:
      g_value_set_string (value, self->content_type);
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_attachment_class_init (TandemAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_attachment_finalize;
  object_class->get_property = tandem_attachment_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACTIVITY_ID] = g_param_spec_int64 ("activity-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_IS_FILE] = g_param_spec_boolean ("is-file", NULL, NULL, FALSE, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, ro);
  properties[PROP_CONTENT_TYPE] = g_param_spec_string ("content-type", NULL, NULL, NULL, ro);
  properties[PROP_SIZE] = g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, ro);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_attachment_init (TandemAttachment *self)
{
}

TandemAttachment *
tandem_attachment_new (gint64      id,
                       gint64      activity_id,
                       gboolean    is_file,
                       const char *title,
                       const char *url,
                       const char *content_type,
                       gint64      size,
                       const char *sha256,
                       const char *created_at)
{
  TandemAttachment *self = g_object_new (TANDEM_TYPE_ATTACHMENT, NULL);

  self->id = id;
  self->activity_id = activity_id;
  self->is_file = !!is_file;
  self->title = g_strdup (title);
  self->url = g_strdup (url);
  self->content_type = g_strdup (content_type);
  self->size = size;
  self->sha256 = g_strdup (sha256);
  self->created_at = g_strdup (created_at);
  return self;
}

gint64
tandem_attachment_get_id (TandemAttachment *self)
{
  g_return_val_if_fail (TANDEM_IS_ATTACHMENT (self), 0);
  return self->id;
}

gint64
tandem_attachment_get_activity_id (TandemAttachment *self)
{
  g_return_val_if_fail (TANDEM_IS_ATTACHMENT (self), 0);
  return self->activity_id;
}

gboolean
tandem_attachment_get_is_file (TandemAttachment *self)
{
  g_return_val_if_fail (TANDEM_IS_ATTACHMENT (self), FALSE);
  return self->is_file;
}

const char *
tandem_attachment_get_title (TandemAttachment *self)
{
  g_return_val_if_fail (TANDEM_IS_ATTACHMENT (self), NULL);
  return self->title;
}

const char *
tandem_attachment_get_url (TandemAttachment *self)
{
  g_return_val_if_fail (TANDEM_IS_ATTACHMENT (self), NULL);
  return self->url;
}

const char *
tandem_attachment_get_content_type (TandemAttachment *self)
{
  g_return_val_if_fail (TANDEM_IS_ATTACHMENT (self), NULL);
  return self->content_type;
}

gint64
tandem_attachment_get_size (TandemAttachment *self)
{
  g_return_val_if_fail (TANDEM_IS_ATTACHMENT (self), 0);
  return self->size;
}

const char *
tandem_attachment_get_sha256 (TandemAttachment *self)
{
  g_return_val_if_fail (TANDEM_IS_ATTACHMENT (self), NULL);
  return self->sha256;
}

const char *
tandem_attachment_get_created_at (TandemAttachment *self)
{
  g_return_val_if_fail (TANDEM_IS_ATTACHMENT (self), NULL);
  return self->created_at;
}
