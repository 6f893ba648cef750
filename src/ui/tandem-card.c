/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCard"

#include "config.h"

#include "tandem-ui-resources.h"

#include <glib/gi18n.h>

#include "tandem-card.h"

typedef struct
{
  AdwEntryRow *row;
  const char  *property;
} EntryBinding;

typedef struct
{
  TandemStore  *store;
  TandemRecord *saved;     /* as last read from the store */
  TandemRecord *record;    /* the copy the user edits */
  GArray       *entries;   /* EntryBinding */
  guint         syncing;
  guint         saving : 1;
  guint         modified : 1;
} TandemCardPrivate;

enum {
  PROP_0,
  PROP_STORE,
  PROP_TITLE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (TandemCard, tandem_card, ADW_TYPE_BIN)

static TandemRecord *
copy_record (TandemRecord *record)
{
  TandemRecord *copy = g_object_new (G_OBJECT_TYPE (record), NULL);

  tandem_record_copy_into (record, copy);
  return copy;
}

static void
set_modified (TandemCard *self,
              gboolean    modified)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  if (priv->modified == !!modified)
    return;
  priv->modified = !!modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
sync_widgets (TandemCard *self)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  priv->syncing++;
  for (guint i = 0; i < priv->entries->len; i++)
    {
      EntryBinding *b = &g_array_index (priv->entries, EntryBinding, i);
      g_autofree char *value = NULL;

      if (priv->record)
        g_object_get (priv->record, b->property, &value, NULL);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (b->row)), value ? value : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (b->row), value ? value : "");
    }
  if (priv->record && TANDEM_CARD_GET_CLASS (self)->sync)
    TANDEM_CARD_GET_CLASS (self)->sync (self);
  priv->syncing--;
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);
      static const char * const empty[] = { NULL };

      return g_strv_equal (sa ? sa : empty, sb ? sb : empty);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Takes what changed in the store into the copy, except where the user
 * has edited the copy. */
static void
merge_saved (TandemCard   *self,
             TandemRecord *fresh)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);
  g_autofree GParamSpec **pspecs = NULL;
  GList *ids;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (fresh), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) saved = G_VALUE_INIT;
      g_auto(GValue) edited = G_VALUE_INIT;
      g_auto(GValue) now = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;
      g_value_init (&saved, pspecs[i]->value_type);
      g_value_init (&edited, pspecs[i]->value_type);
      g_value_init (&now, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (priv->saved), pspecs[i]->name, &saved);
      g_object_get_property (G_OBJECT (priv->record), pspecs[i]->name, &edited);
      g_object_get_property (G_OBJECT (fresh), pspecs[i]->name, &now);
      if (values_equal (pspecs[i], &saved, &edited))
        g_object_set_property (G_OBJECT (priv->record), pspecs[i]->name, &now);
    }

  ids = g_list_concat (tandem_record_get_field_ids (priv->saved), tandem_record_get_field_ids (fresh));
  for (GList *l = ids; l; l = l->next)
    {
      gint64 field_id = *(gint64 *) l->data;

      if (g_strcmp0 (tandem_record_get_field_value (priv->saved, field_id),
                     tandem_record_get_field_value (priv->record, field_id)) == 0)
        tandem_record_set_field_value (priv->record, field_id, tandem_record_get_field_value (fresh, field_id));
    }
  g_list_free (ids);

  g_set_object (&priv->saved, fresh);
}

static void
on_store_changed_cb (TandemCard  *self,
                     int          kind,
                     gint64       id,
                     TandemStore *store)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);
  TandemCardClass *klass = TANDEM_CARD_GET_CLASS (self);

  if (priv->record == NULL || priv->saving)
    return;

  if ((kind == (int) klass->kind && id == tandem_card_get_id (self)) ||
      kind == TANDEM_KIND_NONE ||
      (klass->kind == TANDEM_KIND_PERSON && kind == TANDEM_KIND_COMPANY))
    {
      g_autoptr(TandemRecord) fresh = klass->fetch (self, tandem_card_get_id (self), NULL);

      /* A record that is gone stays on the card; saving it says so. */
      if (fresh != NULL)
        {
          merge_saved (self, fresh);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
        }
    }

  if (klass->store_changed)
    klass->store_changed (self, kind, id);

  if (priv->record)
    sync_widgets (self);
}

static void
on_entry_changed_cb (AdwEntryRow *row,
                     TandemCard  *self)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  if (priv->syncing || priv->record == NULL)
    return;

  for (guint i = 0; i < priv->entries->len; i++)
    {
      EntryBinding *b = &g_array_index (priv->entries, EntryBinding, i);

      if (b->row == row)
        {
          g_object_set (priv->record, b->property, gtk_editable_get_text (GTK_EDITABLE (row)), NULL);
          set_modified (self, TRUE);
        }
    }
}

static void
tandem_card_dispose (GObject *object)
{
  TandemCard *self = TANDEM_CARD (object);
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  g_clear_object (&priv->saved);
  g_clear_object (&priv->record);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (tandem_card_parent_class)->dispose (object);
}

static void
tandem_card_finalize (GObject *object)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (TANDEM_CARD (object));

  g_array_unref (priv->entries);
  G_OBJECT_CLASS (tandem_card_parent_class)->finalize (object);
}

static void
tandem_card_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TandemCard *self = TANDEM_CARD (object);
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_TITLE:
      g_value_set_string (value, tandem_card_get_title (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, priv->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_card_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TandemCard *self = TANDEM_CARD (object);
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      if (priv->store)
        g_signal_connect_object (priv->store, "changed", G_CALLBACK (on_store_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_card_class_init (TandemCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_card_dispose;
  /* Links the templates in, also from the static library. */
  (void) tandem_ui_get_resource ();
  object_class->finalize = tandem_card_finalize;
  object_class->get_property = tandem_card_get_property;
  object_class->set_property = tandem_card_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_card_init (TandemCard *self)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  priv->entries = g_array_new (FALSE, FALSE, sizeof (EntryBinding));
}

TandemStore *
tandem_card_get_store (TandemCard *self)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  g_return_val_if_fail (TANDEM_IS_CARD (self), NULL);
  return priv->store;
}

TandemKind
tandem_card_get_kind (TandemCard *self)
{
  g_return_val_if_fail (TANDEM_IS_CARD (self), TANDEM_KIND_NONE);
  return TANDEM_CARD_GET_CLASS (self)->kind;
}

gint64
tandem_card_get_id (TandemCard *self)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  g_return_val_if_fail (TANDEM_IS_CARD (self), 0);
  return priv->saved ? tandem_record_get_id (priv->saved) : 0;
}

TandemRecord *
tandem_card_get_record (TandemCard *self)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  g_return_val_if_fail (TANDEM_IS_CARD (self), NULL);
  return priv->record;
}

const char *
tandem_card_get_title (TandemCard *self)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  g_return_val_if_fail (TANDEM_IS_CARD (self), NULL);
  return priv->saved ? tandem_record_get_title (priv->saved) : NULL;
}

gboolean
tandem_card_get_modified (TandemCard *self)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  g_return_val_if_fail (TANDEM_IS_CARD (self), FALSE);
  return priv->modified;
}

gboolean
tandem_card_load (TandemCard  *self,
                  gint64       id,
                  GError     **error)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);
  g_autoptr(TandemRecord) record = NULL;

  g_return_val_if_fail (TANDEM_IS_CARD (self), FALSE);

  record = TANDEM_CARD_GET_CLASS (self)->fetch (self, id, error);
  if (record == NULL)
    return FALSE;

  g_set_object (&priv->saved, record);
  g_clear_object (&priv->record);
  priv->record = copy_record (record);
  sync_widgets (self);
  set_modified (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  return TRUE;
}

void
tandem_card_clear (TandemCard *self)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  g_return_if_fail (TANDEM_IS_CARD (self));

  g_clear_object (&priv->saved);
  g_clear_object (&priv->record);
  set_modified (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
tandem_card_save (TandemCard  *self,
                  GError     **error)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_CARD (self), FALSE);

  if (priv->record == NULL)
    return TRUE;

  priv->saving = TRUE;
  id = TANDEM_CARD_GET_CLASS (self)->save (self, priv->record, error);
  priv->saving = FALSE;
  if (id == 0)
    return FALSE;

  return tandem_card_load (self, id, error);
}

void
tandem_card_bind_entry (TandemCard  *self,
                        AdwEntryRow *row,
                        const char  *property)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);
  EntryBinding b = { row, g_intern_string (property) };

  g_return_if_fail (TANDEM_IS_CARD (self));

  g_array_append_val (priv->entries, b);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_entry_changed_cb), self, 0);
}

void
tandem_card_set_modified (TandemCard *self)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  g_return_if_fail (TANDEM_IS_CARD (self));

  if (!priv->syncing && priv->record != NULL)
    set_modified (self, TRUE);
}

gboolean
tandem_card_is_syncing (TandemCard *self)
{
  TandemCardPrivate *priv = tandem_card_get_instance_private (self);

  return priv->syncing > 0;
}
