/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemNote"

#include <string.h>

#include "tandem-note.h"

struct _TandemNote
{
  TandemRecord parent_instance;

  TandemKind        parent_kind;
  gint64            parent_id;
  char             *parent_name;
  char             *body;
  char             *title;      /* first line of body, derived */
  char             *due;        /* YYYY-MM-DD or NULL */
  TandemVisibility  visibility;
  GArray           *group_ids;  /* gint64 */
  gint64            author_id;
  char             *author_name;
  char             *updated_at;
};

enum {
  PROP_0,
  PROP_PARENT_KIND,
  PROP_PARENT_ID,
  PROP_PARENT_NAME,
  PROP_BODY,
  PROP_DUE,
  PROP_VISIBILITY,
  PROP_AUTHOR_NAME,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemNote, tandem_note, TANDEM_TYPE_RECORD)

static const char *
tandem_note_get_title (TandemRecord *record)
{
  TandemNote *self = TANDEM_NOTE (record);

  if (self->title == NULL && self->body != NULL)
    {
      const char *start = self->body;
      const char *end;

      /* Skip blank lines and Markdown heading marks. */
      while (*start == '\n' || *start == ' ' || *start == '#')
        start++;
      end = strchr (start, '\n');
      self->title = end ? g_strndup (start, end - start) : g_strdup (start);
    }
  return self->title;
}

static void
tandem_note_finalize (GObject *object)
{
  TandemNote *self = TANDEM_NOTE (object);

  g_free (self->parent_name);
  g_free (self->body);
  g_free (self->title);
  g_free (self->due);
  g_free (self->author_name);
  g_free (self->updated_at);
  g_array_unref (self->group_ids);

  G_OBJECT_CLASS (tandem_note_parent_class)->finalize (object);
}

static void
tandem_note_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TandemNote *self = TANDEM_NOTE (object);

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
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;
    case PROP_VISIBILITY:
      g_value_set_int (value, self->visibility);
      break;
    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_note_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TandemNote *self = TANDEM_NOTE (object);

  switch (prop_id)
    {
    case PROP_PARENT_KIND:
      tandem_note_set_parent (self, g_value_get_int (value), self->parent_id);
      break;
    case PROP_PARENT_ID:
      tandem_note_set_parent (self, self->parent_kind, g_value_get_int64 (value));
      break;
    case PROP_BODY:
      tandem_note_set_body (self, g_value_get_string (value));
      break;
    case PROP_DUE:
      tandem_note_set_due (self, g_value_get_string (value));
      break;
    case PROP_VISIBILITY:
      tandem_note_set_visibility (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_note_class_init (TandemNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TandemRecordClass *record_class = TANDEM_RECORD_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_note_finalize;
  object_class->get_property = tandem_note_get_property;
  object_class->set_property = tandem_note_set_property;

  record_class->kind = TANDEM_KIND_NOTE;
  record_class->get_title = tandem_note_get_title;

  properties[PROP_PARENT_KIND] =
    g_param_spec_int ("parent-kind", NULL, NULL, TANDEM_KIND_NONE, TANDEM_KIND_TASK, TANDEM_KIND_NONE, rw);
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PARENT_NAME] =
    g_param_spec_string ("parent-name", NULL, NULL, NULL, ro);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL, rw);
  properties[PROP_DUE] =
    g_param_spec_string ("due", NULL, NULL, NULL, rw);
  properties[PROP_VISIBILITY] =
    g_param_spec_int ("visibility", NULL, NULL, TANDEM_VISIBILITY_EVERYONE, TANDEM_VISIBILITY_TEAM,
                      TANDEM_VISIBILITY_EVERYONE, rw);
  properties[PROP_AUTHOR_NAME] =
    g_param_spec_string ("author-name", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_note_init (TandemNote *self)
{
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

TandemNote *
tandem_note_new (TandemKind  parent_kind,
                 gint64      parent_id,
                 const char *body)
{
  return g_object_new (TANDEM_TYPE_NOTE,
                       "parent-kind", parent_kind,
                       "parent-id", parent_id,
                       "body", body,
                       NULL);
}

TandemNote *
tandem_note_copy (TandemNote *self)
{
  TandemNote *copy = g_object_new (TANDEM_TYPE_NOTE, NULL);

  tandem_record_copy_into (TANDEM_RECORD (self), TANDEM_RECORD (copy));
  tandem_note_set_group_ids (copy, (const gint64 *) (gpointer) self->group_ids->data, self->group_ids->len);
  tandem_note_set_loaded (copy, self->parent_name, self->author_id, self->author_name, self->updated_at);
  return copy;
}

TandemKind
tandem_note_get_parent_kind (TandemNote *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTE (self), TANDEM_KIND_NONE);
  return self->parent_kind;
}

gint64
tandem_note_get_parent_id (TandemNote *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTE (self), 0);
  return self->parent_id;
}

void
tandem_note_set_parent (TandemNote *self,
                        TandemKind  parent_kind,
                        gint64      parent_id)
{
  g_return_if_fail (TANDEM_IS_NOTE (self));

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
tandem_note_get_parent_name (TandemNote *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTE (self), NULL);
  return self->parent_name;
}

const char *
tandem_note_get_body (TandemNote *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTE (self), NULL);
  return self->body;
}

void
tandem_note_set_body (TandemNote *self,
                      const char *body)
{
  g_return_if_fail (TANDEM_IS_NOTE (self));

  if (g_strcmp0 (self->body, body) == 0)
    return;
  g_free (self->body);
  self->body = g_strdup (body);
  g_clear_pointer (&self->title, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
  g_object_notify (G_OBJECT (self), "title");
}

const char *
tandem_note_get_due (TandemNote *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTE (self), NULL);
  return self->due;
}

void
tandem_note_set_due (TandemNote *self,
                     const char *due)
{
  g_return_if_fail (TANDEM_IS_NOTE (self));
  tandem_record_string_set (G_OBJECT (self), &self->due, due, properties[PROP_DUE]);
}

TandemVisibility
tandem_note_get_visibility (TandemNote *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTE (self), TANDEM_VISIBILITY_PRIVATE);
  return self->visibility;
}

void
tandem_note_set_visibility (TandemNote       *self,
                            TandemVisibility  visibility)
{
  g_return_if_fail (TANDEM_IS_NOTE (self));

  if (self->visibility != visibility)
    {
      self->visibility = visibility;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBILITY]);
    }
}

const gint64 *
tandem_note_get_group_ids (TandemNote *self,
                           guint      *n_groups)
{
  g_return_val_if_fail (TANDEM_IS_NOTE (self), NULL);
  *n_groups = self->group_ids->len;
  return (const gint64 *) (gpointer) self->group_ids->data;
}

void
tandem_note_set_group_ids (TandemNote   *self,
                           const gint64 *group_ids,
                           guint         n_groups)
{
  g_return_if_fail (TANDEM_IS_NOTE (self));
  g_array_set_size (self->group_ids, 0);
  if (n_groups > 0)
    g_array_append_vals (self->group_ids, group_ids, n_groups);
}

gint64
tandem_note_get_author_id (TandemNote *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTE (self), 0);
  return self->author_id;
}

const char *
tandem_note_get_author_name (TandemNote *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTE (self), NULL);
  return self->author_name;
}

const char *
tandem_note_get_updated_at (TandemNote *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTE (self), NULL);
  return self->updated_at;
}

void
tandem_note_set_loaded (TandemNote *self,
                        const char *parent_name,
                        gint64      author_id,
                        const char *author_name,
                        const char *updated_at)
{
  g_return_if_fail (TANDEM_IS_NOTE (self));

  g_free (self->parent_name);
  self->parent_name = g_strdup (parent_name);
  self->author_id = author_id;
  g_free (self->author_name);
  self->author_name = g_strdup (author_name);
  g_free (self->updated_at);
  self->updated_at = g_strdup (updated_at);
}
