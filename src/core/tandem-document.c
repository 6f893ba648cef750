/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemDocument"

#include "tandem-document.h"

struct _TandemDocument
{
  TandemRecord parent_instance;

  TandemKind        parent_kind;
  gint64            parent_id;
  char             *parent_name;
  gboolean          parent_is_sale;
  char             *title;
  char             *file_name;
  char             *content_type;
  gint64            size;
  char             *sha256;
  guint             version_count;
  TandemVisibility  visibility;
  GArray           *group_ids;  /* gint64 */
  gint64            author_id;
  char             *author_name;
  char             *created_at;
  char             *updated_at;
  gboolean          is_email;
  char             *email_subject;
  char             *email_sender;
  char             *email_date;
};

enum {
  PROP_0,
  PROP_PARENT_KIND,
  PROP_PARENT_ID,
  PROP_PARENT_NAME,
  PROP_FILE_NAME,
  PROP_CONTENT_TYPE,
  PROP_SIZE,
  PROP_VERSION_COUNT,
  PROP_VISIBILITY,
  PROP_AUTHOR_NAME,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_IS_EMAIL,
  PROP_EMAIL_SUBJECT,
  PROP_EMAIL_SENDER,
  PROP_EMAIL_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemDocument, tandem_document, TANDEM_TYPE_RECORD)

static const char *
tandem_document_record_get_title (TandemRecord *record)
{
  return tandem_document_get_title (TANDEM_DOCUMENT (record));
}

static void
tandem_document_finalize (GObject *object)
{
  TandemDocument *self = TANDEM_DOCUMENT (object);

  g_free (self->parent_name);
  g_free (self->title);
  g_free (self->file_name);
  g_free (self->content_type);
  g_free (self->sha256);
  g_array_unref (self->group_ids);
  g_free (self->author_name);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->email_subject);
  g_free (self->email_sender);
  g_free (self->email_date);

  G_OBJECT_CLASS (tandem_document_parent_class)->finalize (object);
}

static void
tandem_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TandemDocument *self = TANDEM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PARENT_KIND:
      g_value_set_int (value, self->parent_kind);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_PARENT_NAME:
      g_value_set_string (value, self->parent_name);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    case PROP_CONTENT_TYPE:
      g_value_set_string (value, self->content_type);
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;
    case PROP_VERSION_COUNT:
      g_value_set_uint (value, self->version_count);
      break;
    case PROP_VISIBILITY:
      g_value_set_int (value, self->visibility);
      break;
    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;
    case PROP_IS_EMAIL:
      g_value_set_boolean (value, self->is_email);
      break;
    case PROP_EMAIL_SUBJECT:
      g_value_set_string (value, self->email_subject);
      break;
    case PROP_EMAIL_SENDER:
      g_value_set_string (value, self->email_sender);
      break;
    case PROP_EMAIL_DATE:
      g_value_set_string (value, self->email_date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_document_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TandemDocument *self = TANDEM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PARENT_KIND:
      tandem_document_set_parent (self, g_value_get_int (value), self->parent_id);
      break;
    case PROP_PARENT_ID:
      tandem_document_set_parent (self, self->parent_kind, g_value_get_int64 (value));
      break;
    case PROP_VISIBILITY:
      tandem_document_set_visibility (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_document_class_init (TandemDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TandemRecordClass *record_class = TANDEM_RECORD_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_document_finalize;
  object_class->get_property = tandem_document_get_property;
  object_class->set_property = tandem_document_set_property;

  record_class->kind = TANDEM_KIND_DOCUMENT;
  record_class->get_title = tandem_document_record_get_title;

  properties[PROP_PARENT_KIND] =
    g_param_spec_int ("parent-kind", NULL, NULL, TANDEM_KIND_NONE, TANDEM_KIND_DOCUMENT, TANDEM_KIND_NONE, rw);
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PARENT_NAME] =
    g_param_spec_string ("parent-name", NULL, NULL, NULL, ro);
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL, ro);
  properties[PROP_CONTENT_TYPE] =
    g_param_spec_string ("content-type", NULL, NULL, NULL, ro);
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_VERSION_COUNT] =
    g_param_spec_uint ("version-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_VISIBILITY] =
    g_param_spec_int ("visibility", NULL, NULL, TANDEM_VISIBILITY_EVERYONE, TANDEM_VISIBILITY_TEAM,
                      TANDEM_VISIBILITY_EVERYONE, rw);
  properties[PROP_AUTHOR_NAME] =
    g_param_spec_string ("author-name", NULL, NULL, NULL, ro);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);
  properties[PROP_IS_EMAIL] =
    g_param_spec_boolean ("is-email", NULL, NULL, FALSE, ro);
  properties[PROP_EMAIL_SUBJECT] =
    g_param_spec_string ("email-subject", NULL, NULL, NULL, ro);
  properties[PROP_EMAIL_SENDER] =
    g_param_spec_string ("email-sender", NULL, NULL, NULL, ro);
  properties[PROP_EMAIL_DATE] =
    g_param_spec_string ("email-date", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_document_init (TandemDocument *self)
{
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

TandemDocument *
tandem_document_new (TandemKind  parent_kind,
                     gint64      parent_id,
                     const char *title)
{
  TandemDocument *self = g_object_new (TANDEM_TYPE_DOCUMENT,
                                       "parent-kind", parent_kind,
                                       "parent-id", parent_id,
                                       NULL);

  tandem_document_set_title (self, title);
  return self;
}

TandemDocument *
tandem_document_copy (TandemDocument *self)
{
  TandemDocument *copy;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  copy = tandem_document_new (self->parent_kind, self->parent_id, self->title);
  tandem_record_copy_into (TANDEM_RECORD (self), TANDEM_RECORD (copy));
  copy->visibility = self->visibility;
  tandem_document_set_group_ids (copy, (const gint64 *) (gpointer) self->group_ids->data, self->group_ids->len);
  tandem_document_set_loaded (copy, self->parent_name, self->parent_is_sale, self->file_name,
                              self->content_type, self->size, self->sha256, self->version_count,
                              self->author_id, self->author_name, self->created_at, self->updated_at);
  tandem_document_set_email (copy, self->is_email, self->email_subject, self->email_sender, self->email_date);
  return copy;
}

TandemKind
tandem_document_get_parent_kind (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), TANDEM_KIND_NONE);
  return self->parent_kind;
}

gint64
tandem_document_get_parent_id (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), 0);
  return self->parent_id;
}

void
tandem_document_set_parent (TandemDocument *self,
                            TandemKind      parent_kind,
                            gint64          parent_id)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));

  if (self->parent_kind != parent_kind)
    {
      self->parent_kind = parent_kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_KIND]);
    }
  if (self->parent_id != parent_id)
    {
      self->parent_id = parent_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
    }
}

const char *
tandem_document_get_parent_name (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);
  return self->parent_name;
}

gboolean
tandem_document_get_parent_is_sale (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), FALSE);
  return self->parent_is_sale;
}

const char *
tandem_document_get_title (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);
  /* Without a title of its own an e-mail goes by its subject, any other
   * document by its file name. */
  if (self->title != NULL)
    return self->title;
  if (self->is_email && self->email_subject != NULL && self->email_subject[0] != '\0')
    return self->email_subject;
  return self->file_name;
}

void
tandem_document_set_title (TandemDocument *self,
                           const char     *title)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));

  if (title != NULL && title[0] == '\0')
    title = NULL;
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify (G_OBJECT (self), "title");
}

const char *
tandem_document_get_file_name (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);
  return self->file_name;
}

const char *
tandem_document_get_content_type (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);
  return self->content_type;
}

gint64
tandem_document_get_size (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), 0);
  return self->size;
}

const char *
tandem_document_get_sha256 (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);
  return self->sha256;
}

guint
tandem_document_get_version_count (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), 0);
  return self->version_count;
}

TandemVisibility
tandem_document_get_visibility (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), TANDEM_VISIBILITY_PRIVATE);
  return self->visibility;
}

void
tandem_document_set_visibility (TandemDocument   *self,
                                TandemVisibility  visibility)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));

  if (self->visibility != visibility)
    {
      self->visibility = visibility;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBILITY]);
    }
}

const gint64 *
tandem_document_get_group_ids (TandemDocument *self,
                               guint          *n_groups)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);
  *n_groups = self->group_ids->len;
  return (const gint64 *) (gpointer) self->group_ids->data;
}

void
tandem_document_set_group_ids (TandemDocument *self,
                               const gint64   *group_ids,
                               guint           n_groups)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));
  g_array_set_size (self->group_ids, 0);
  if (n_groups > 0)
    g_array_append_vals (self->group_ids, group_ids, n_groups);
}

gint64
tandem_document_get_author_id (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), 0);
  return self->author_id;
}

const char *
tandem_document_get_author_name (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);
  return self->author_name;
}

const char *
tandem_document_get_created_at (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);
  return self->created_at;
}

const char *
tandem_document_get_updated_at (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);
  return self->updated_at;
}

gboolean
tandem_document_get_is_email (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), FALSE);
  return self->is_email;
}

const char *
tandem_document_get_email_subject (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);
  return self->email_subject;
}

const char *
tandem_document_get_email_sender (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);
  return self->email_sender;
}

const char *
tandem_document_get_email_date (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);
  return self->email_date;
}

static void
replace_string (char       **slot,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

void
tandem_document_set_loaded (TandemDocument *self,
                            const char     *parent_name,
                            gboolean        parent_is_sale,
                            const char     *file_name,
                            const char     *content_type,
                            gint64          size,
                            const char     *sha256,
                            guint           version_count,
                            gint64          author_id,
                            const char     *author_name,
                            const char     *created_at,
                            const char     *updated_at)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));

  replace_string (&self->parent_name, parent_name);
  self->parent_is_sale = parent_is_sale;
  replace_string (&self->file_name, file_name);
  replace_string (&self->content_type, content_type);
  self->size = size;
  replace_string (&self->sha256, sha256);
  self->version_count = version_count;
  self->author_id = author_id;
  replace_string (&self->author_name, author_name);
  replace_string (&self->created_at, created_at);
  replace_string (&self->updated_at, updated_at);
}

void
tandem_document_set_email (TandemDocument *self,
                           gboolean        is_email,
                           const char     *subject,
                           const char     *sender,
                           const char     *date)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));

  self->is_email = is_email;
  replace_string (&self->email_subject, subject);
  replace_string (&self->email_sender, sender);
  replace_string (&self->email_date, date);
}
