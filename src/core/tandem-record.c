/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemRecord"

#include "tandem-record.h"

typedef struct
{
  gint64      id;
  GHashTable *fields;   /* gint64* field id → char* value */
} TandemRecordPrivate;

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TandemRecord, tandem_record, G_TYPE_OBJECT)

static void
tandem_record_finalize (GObject *object)
{
  TandemRecordPrivate *priv = tandem_record_get_instance_private (TANDEM_RECORD (object));

  g_clear_pointer (&priv->fields, g_hash_table_unref);

  G_OBJECT_CLASS (tandem_record_parent_class)->finalize (object);
}

static void
tandem_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TandemRecord *self = TANDEM_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, tandem_record_get_id (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, tandem_record_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_record_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TandemRecord *self = TANDEM_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      tandem_record_set_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_record_class_init (TandemRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_record_finalize;
  object_class->get_property = tandem_record_get_property;
  object_class->set_property = tandem_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_record_init (TandemRecord *self)
{
  TandemRecordPrivate *priv = tandem_record_get_instance_private (self);

  priv->fields = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

TandemKind
tandem_record_get_kind (TandemRecord *self)
{
  g_return_val_if_fail (TANDEM_IS_RECORD (self), TANDEM_KIND_NONE);
  return TANDEM_RECORD_GET_CLASS (self)->kind;
}

gint64
tandem_record_get_id (TandemRecord *self)
{
  TandemRecordPrivate *priv = tandem_record_get_instance_private (self);

  g_return_val_if_fail (TANDEM_IS_RECORD (self), 0);
  return priv->id;
}

void
tandem_record_set_id (TandemRecord *self,
                      gint64        id)
{
  TandemRecordPrivate *priv = tandem_record_get_instance_private (self);

  g_return_if_fail (TANDEM_IS_RECORD (self));
  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
tandem_record_get_title (TandemRecord *self)
{
  g_return_val_if_fail (TANDEM_IS_RECORD (self), NULL);

  if (TANDEM_RECORD_GET_CLASS (self)->get_title)
    return TANDEM_RECORD_GET_CLASS (self)->get_title (self);
  return NULL;
}

const char *
tandem_record_get_field_value (TandemRecord *self,
                               gint64        field_id)
{
  TandemRecordPrivate *priv = tandem_record_get_instance_private (self);

  g_return_val_if_fail (TANDEM_IS_RECORD (self), NULL);
  return g_hash_table_lookup (priv->fields, &field_id);
}

void
tandem_record_set_field_value (TandemRecord *self,
                               gint64        field_id,
                               const char   *value)
{
  TandemRecordPrivate *priv = tandem_record_get_instance_private (self);

  g_return_if_fail (TANDEM_IS_RECORD (self));

  if (value == NULL || value[0] == '\0')
    g_hash_table_remove (priv->fields, &field_id);
  else
    g_hash_table_insert (priv->fields, g_memdup2 (&field_id, sizeof field_id), g_strdup (value));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

/* Returns the ids of the fields that have a value, as gint64 pointers owned
 * by the record, sorted; free the list with g_list_free(). */
GList *
tandem_record_get_field_ids (TandemRecord *self)
{
  TandemRecordPrivate *priv = tandem_record_get_instance_private (self);

  g_return_val_if_fail (TANDEM_IS_RECORD (self), NULL);
  return g_list_sort (g_hash_table_get_keys (priv->fields), compare_ids);
}

/* Copies the id, the field values and every writable property, so that a
 * form can edit a copy and save it through the store. */
void
tandem_record_copy_into (TandemRecord *self,
                         TandemRecord *copy)
{
  TandemRecordPrivate *priv = tandem_record_get_instance_private (self);
  TandemRecordPrivate *copy_priv = tandem_record_get_instance_private (copy);
  g_autofree GParamSpec **pspecs = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_pspecs;

  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (copy));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) v = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;
      g_value_init (&v, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (self), pspecs[i]->name, &v);
      g_object_set_property (G_OBJECT (copy), pspecs[i]->name, &v);
    }

  g_hash_table_remove_all (copy_priv->fields);
  g_hash_table_iter_init (&iter, priv->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy_priv->fields, g_memdup2 (key, sizeof (gint64)), g_strdup (value));
}

void
tandem_record_install_strings (GObjectClass               *klass,
                               guint                       first_prop_id,
                               const TandemStringProperty *props,
                               guint                       n_props,
                               GParamSpec                **pspecs)
{
  for (guint i = 0; i < n_props; i++)
    {
      pspecs[i] = g_param_spec_string (props[i].name, NULL, NULL, NULL,
                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
      g_object_class_install_property (klass, first_prop_id + i, pspecs[i]);
    }
}

/* Sets a string slot, turning "" into NULL, notifying only on change. */
void
tandem_record_string_set (GObject     *object,
                          char       **slot,
                          const char  *value,
                          GParamSpec  *pspec)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
}
