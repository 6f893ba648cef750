/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemDocumentVersion"

#include "tandem-document-version.h"

struct _TandemDocumentVersion
{
  GObject parent_instance;

  gint64  id;
  gint64  document_id;
  guint   number;
  char   *file_name;
  char   *content_type;
  gint64  size;
  char   *sha256;
  gint64  added_by_id;
  char   *added_by_name;
  char   *added_at;
  char   *comment;
};

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_FILE_NAME,
  PROP_SIZE,
  PROP_ADDED_BY_NAME,
  PROP_ADDED_AT,
  PROP_COMMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemDocumentVersion, tandem_document_version, G_TYPE_OBJECT)

static void
tandem_document_version_finalize (GObject *object)
{
  TandemDocumentVersion *self = TANDEM_DOCUMENT_VERSION (object);

  g_free (self->file_name);
  g_free (self->content_type);
  g_free (self->sha256);
  g_free (self->added_by_name);
  g_free (self->added_at);
  g_free (self->comment);

  G_OBJECT_CLASS (tandem_document_version_parent_class)->finalize (object);
}

static void
tandem_document_version_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TandemDocumentVersion *self = TANDEM_DOCUMENT_VERSION (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;
    case PROP_ADDED_BY_NAME:
      g_value_set_string (value, self->added_by_name);
      break;
    case PROP_ADDED_AT:
      g_value_set_string (value, self->added_at);
      break;
    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_document_version_class_init (TandemDocumentVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_document_version_finalize;
  object_class->get_property = tandem_document_version_get_property;

  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_FILE_NAME] = g_param_spec_string ("file-name", NULL, NULL, NULL, ro);
  properties[PROP_SIZE] = g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ADDED_BY_NAME] = g_param_spec_string ("added-by-name", NULL, NULL, NULL, ro);
  properties[PROP_ADDED_AT] = g_param_spec_string ("added-at", NULL, NULL, NULL, ro);
  properties[PROP_COMMENT] = g_param_spec_string ("comment", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_document_version_init (TandemDocumentVersion *self)
{
}

TandemDocumentVersion *
tandem_document_version_new (gint64      id,
                             gint64      document_id,
                             guint       number,
                             const char *file_name,
                             const char *content_type,
                             gint64      size,
                             const char *sha256,
                             gint64      added_by_id,
                             const char *added_by_name,
                             const char *added_at,
                             const char *comment)
{
  TandemDocumentVersion *self = g_object_new (TANDEM_TYPE_DOCUMENT_VERSION, NULL);

  self->id = id;
  self->document_id = document_id;
  self->number = number;
  self->file_name = g_strdup (file_name);
  self->content_type = g_strdup (content_type);
  self->size = size;
  self->sha256 = g_strdup (sha256);
  self->added_by_id = added_by_id;
  self->added_by_name = g_strdup (added_by_name);
  self->added_at = g_strdup (added_at);
  self->comment = g_strdup (comment);
  return self;
}

gint64
tandem_document_version_get_id (TandemDocumentVersion *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT_VERSION (self), 0);
  return self->id;
}

gint64
tandem_document_version_get_document_id (TandemDocumentVersion *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT_VERSION (self), 0);
  return self->document_id;
}

guint
tandem_document_version_get_number (TandemDocumentVersion *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT_VERSION (self), 0);
  return self->number;
}

const char *
tandem_document_version_get_file_name (TandemDocumentVersion *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT_VERSION (self), NULL);
  return self->file_name;
}

const char *
tandem_document_version_get_content_type (TandemDocumentVersion *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT_VERSION (self), NULL);
  return self->content_type;
}

gint64
tandem_document_version_get_size (TandemDocumentVersion *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT_VERSION (self), 0);
  return self->size;
}

const char *
tandem_document_version_get_sha256 (TandemDocumentVersion *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT_VERSION (self), NULL);
  return self->sha256;
}

gint64
tandem_document_version_get_added_by_id (TandemDocumentVersion *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT_VERSION (self), 0);
  return self->added_by_id;
}

const char *
tandem_document_version_get_added_by_name (TandemDocumentVersion *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT_VERSION (self), NULL);
  return self->added_by_name;
}

const char *
tandem_document_version_get_added_at (TandemDocumentVersion *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT_VERSION (self), NULL);
  return self->added_at;
}

const char *
tandem_document_version_get_comment (TandemDocumentVersion *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT_VERSION (self), NULL);
  return self->comment;
}
