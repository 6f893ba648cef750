/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTask"

#include "tandem-task.h"

struct _TandemTask
{
  TandemRecord parent_instance;

  gint64            project_id;
  char             *project_name;
  char             *title;
  char             *description;
  gint64            responsible_id;
  char             *responsible_name;
  char             *due;          /* YYYY-MM-DD or NULL */
  TandemTaskState   state;
  TandemVisibility  visibility;
  GArray           *group_ids;    /* gint64 */
  gint64            author_id;
  char             *author_name;
  char             *completed_at;
  char             *updated_at;
};

enum {
  PROP_0,
  PROP_PROJECT_ID,
  PROP_PROJECT_NAME,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_RESPONSIBLE_ID,
  PROP_RESPONSIBLE_NAME,
  PROP_DUE,
  PROP_STATE,
  PROP_VISIBILITY,
  PROP_AUTHOR_ID,
  PROP_AUTHOR_NAME,
  PROP_COMPLETED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemTask, tandem_task, TANDEM_TYPE_RECORD)

static void
replace_string (char       **slot,
                const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static const char *
tandem_task_get_record_title (TandemRecord *record)
{
  return TANDEM_TASK (record)->title;
}

static void
tandem_task_finalize (GObject *object)
{
  TandemTask *self = TANDEM_TASK (object);

  g_free (self->project_name);
  g_free (self->title);
  g_free (self->description);
  g_free (self->responsible_name);
  g_free (self->due);
  g_array_unref (self->group_ids);
  g_free (self->author_name);
  g_free (self->completed_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (tandem_task_parent_class)->finalize (object);
}

static void
tandem_task_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TandemTask *self = TANDEM_TASK (object);

  switch (prop_id)
    {
    case PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;
    case PROP_PROJECT_NAME:
      g_value_set_string (value, self->project_name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_RESPONSIBLE_ID:
      g_value_set_int64 (value, self->responsible_id);
      break;
    case PROP_RESPONSIBLE_NAME:
      g_value_set_string (value, self->responsible_name);
      break;
    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_VISIBILITY:
      g_value_set_int (value, self->visibility);
      break;
    case PROP_AUTHOR_ID:
      g_value_set_int64 (value, self->author_id);
      break;
    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;
    case PROP_COMPLETED_AT:
      g_value_set_string (value, self->completed_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_task_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TandemTask *self = TANDEM_TASK (object);

  switch (prop_id)
    {
    case PROP_PROJECT_ID:
      if (self->project_id != g_value_get_int64 (value))
        {
          self->project_id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_TITLE:
      tandem_task_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      tandem_task_set_description (self, g_value_get_string (value));
      break;
    case PROP_RESPONSIBLE_ID:
      tandem_task_set_responsible_id (self, g_value_get_int64 (value));
      break;
    case PROP_DUE:
      tandem_task_set_due (self, g_value_get_string (value));
      break;
    case PROP_STATE:
      tandem_task_set_state (self, g_value_get_int (value));
      break;
    case PROP_VISIBILITY:
      tandem_task_set_visibility (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_task_class_init (TandemTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TandemRecordClass *record_class = TANDEM_RECORD_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_task_finalize;
  object_class->get_property = tandem_task_get_property;
  object_class->set_property = tandem_task_set_property;

  record_class->kind = TANDEM_KIND_TASK;
  record_class->get_title = tandem_task_get_record_title;

  properties[PROP_PROJECT_ID] = g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PROJECT_NAME] = g_param_spec_string ("project-name", NULL, NULL, NULL, ro);
  /* Writable here; TandemRecord's "title" is read-only. */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_RESPONSIBLE_ID] = g_param_spec_int64 ("responsible-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_RESPONSIBLE_NAME] = g_param_spec_string ("responsible-name", NULL, NULL, NULL, ro);
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, rw);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, TANDEM_TASK_OPEN, TANDEM_TASK_CANCELLED, TANDEM_TASK_OPEN, rw);
  properties[PROP_VISIBILITY] =
    g_param_spec_int ("visibility", NULL, NULL, TANDEM_VISIBILITY_EVERYONE, TANDEM_VISIBILITY_TEAM,
                      TANDEM_VISIBILITY_TEAM, rw);
  properties[PROP_AUTHOR_ID] = g_param_spec_int64 ("author-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_AUTHOR_NAME] = g_param_spec_string ("author-name", NULL, NULL, NULL, ro);
  properties[PROP_COMPLETED_AT] = g_param_spec_string ("completed-at", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_task_init (TandemTask *self)
{
  self->visibility = TANDEM_VISIBILITY_TEAM;
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

TandemTask *
tandem_task_new (gint64      project_id,
                 const char *title)
{
  TandemTask *self = g_object_new (TANDEM_TYPE_TASK, "project-id", project_id, NULL);

  tandem_task_set_title (self, title);
  return self;
}

TandemTask *
tandem_task_copy (TandemTask *self)
{
  TandemTask *copy;

  g_return_val_if_fail (TANDEM_IS_TASK (self), NULL);

  copy = g_object_new (TANDEM_TYPE_TASK, NULL);
  tandem_record_copy_into (TANDEM_RECORD (self), TANDEM_RECORD (copy));
  tandem_task_set_group_ids (copy, (const gint64 *) (gpointer) self->group_ids->data, self->group_ids->len);
  tandem_task_set_loaded (copy, self->project_name, self->responsible_name, self->author_id,
                          self->author_name, self->completed_at, self->updated_at);
  return copy;
}

gint64
tandem_task_get_project_id (TandemTask *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK (self), 0);
  return self->project_id;
}

const char *
tandem_task_get_project_name (TandemTask *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK (self), NULL);
  return self->project_name;
}

const char *
tandem_task_get_title (TandemTask *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK (self), NULL);
  return self->title;
}

void
tandem_task_set_title (TandemTask *self,
                       const char *title)
{
  g_return_if_fail (TANDEM_IS_TASK (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  replace_string (&self->title, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
tandem_task_get_description (TandemTask *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK (self), NULL);
  return self->description;
}

void
tandem_task_set_description (TandemTask *self,
                             const char *description)
{
  g_return_if_fail (TANDEM_IS_TASK (self));
  tandem_record_string_set (G_OBJECT (self), &self->description, description, properties[PROP_DESCRIPTION]);
}

gint64
tandem_task_get_responsible_id (TandemTask *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK (self), 0);
  return self->responsible_id;
}

void
tandem_task_set_responsible_id (TandemTask *self,
                                gint64      user_id)
{
  g_return_if_fail (TANDEM_IS_TASK (self));

  if (self->responsible_id != user_id)
    {
      self->responsible_id = user_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONSIBLE_ID]);
    }
}

const char *
tandem_task_get_responsible_name (TandemTask *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK (self), NULL);
  return self->responsible_name;
}

const char *
tandem_task_get_due (TandemTask *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK (self), NULL);
  return self->due;
}

void
tandem_task_set_due (TandemTask *self,
                     const char *due)
{
  g_return_if_fail (TANDEM_IS_TASK (self));
  tandem_record_string_set (G_OBJECT (self), &self->due, due, properties[PROP_DUE]);
}

TandemTaskState
tandem_task_get_state (TandemTask *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK (self), TANDEM_TASK_OPEN);
  return self->state;
}

void
tandem_task_set_state (TandemTask      *self,
                       TandemTaskState  state)
{
  g_return_if_fail (TANDEM_IS_TASK (self));

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

TandemVisibility
tandem_task_get_visibility (TandemTask *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK (self), TANDEM_VISIBILITY_PRIVATE);
  return self->visibility;
}

void
tandem_task_set_visibility (TandemTask       *self,
                            TandemVisibility  visibility)
{
  g_return_if_fail (TANDEM_IS_TASK (self));

  if (self->visibility != visibility)
    {
      self->visibility = visibility;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBILITY]);
    }
}

const gint64 *
tandem_task_get_group_ids (TandemTask *self,
                           guint      *n_groups)
{
  g_return_val_if_fail (TANDEM_IS_TASK (self), NULL);
  *n_groups = self->group_ids->len;
  return (const gint64 *) (gpointer) self->group_ids->data;
}

void
tandem_task_set_group_ids (TandemTask   *self,
                           const gint64 *group_ids,
                           guint         n_groups)
{
  g_return_if_fail (TANDEM_IS_TASK (self));
  g_array_set_size (self->group_ids, 0);
  if (n_groups > 0)
    g_array_append_vals (self->group_ids, group_ids, n_groups);
}

gint64
tandem_task_get_author_id (TandemTask *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK (self), 0);
  return self->author_id;
}

const char *
tandem_task_get_author_name (TandemTask *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK (self), NULL);
  return self->author_name;
}

const char *
tandem_task_get_completed_at (TandemTask *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK (self), NULL);
  return self->completed_at;
}

const char *
tandem_task_get_updated_at (TandemTask *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK (self), NULL);
  return self->updated_at;
}

void
tandem_task_set_loaded (TandemTask *self,
                        const char *project_name,
                        const char *responsible_name,
                        gint64      author_id,
                        const char *author_name,
                        const char *completed_at,
                        const char *updated_at)
{
  g_return_if_fail (TANDEM_IS_TASK (self));

  replace_string (&self->project_name, project_name);
  replace_string (&self->responsible_name, responsible_name);
  self->author_id = author_id;
  replace_string (&self->author_name, author_name);
  replace_string (&self->completed_at, completed_at);
  replace_string (&self->updated_at, updated_at);
}
