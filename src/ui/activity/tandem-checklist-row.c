/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemChecklistRow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-checklist-row.h"

typedef struct
{
  gint64          id;
  char           *name;
  GtkWidget      *row;
  GtkCheckButton *check;
} Item;

struct _TandemChecklistRow
{
  AdwExpanderRow  parent_instance;

  GPtrArray      *items;
  GtkWidget      *empty_row;
  char           *placeholder;
  gboolean        updating;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemChecklistRow, tandem_checklist_row, ADW_TYPE_EXPANDER_ROW)

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->name);
  g_free (item);
}

static Item *
find_item (TandemChecklistRow *self,
           gint64              id)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->id == id)
        return item;
    }
  return NULL;
}

static void
update_subtitle (TandemChecklistRow *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (!gtk_check_button_get_active (item->check))
        continue;
      if (names->len > 0)
        /* Translators: separates names in a list: "Anna Admin, Bob Seller" */
        g_string_append (names, _(", "));
      g_string_append (names, item->name);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self),
                                 names->len > 0 ? names->str : (self->placeholder ? self->placeholder : ""));
}

static void
on_check_toggled_cb (GtkCheckButton     *check,
                     TandemChecklistRow *self)
{
  update_subtitle (self);
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
tandem_checklist_row_finalize (GObject *object)
{
  TandemChecklistRow *self = TANDEM_CHECKLIST_ROW (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->placeholder, g_free);

  G_OBJECT_CLASS (tandem_checklist_row_parent_class)->finalize (object);
}

static void
tandem_checklist_row_class_init (TandemChecklistRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_checklist_row_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tandem_checklist_row_init (TandemChecklistRow *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

GtkWidget *
tandem_checklist_row_new (void)
{
  return g_object_new (TANDEM_TYPE_CHECKLIST_ROW, NULL);
}

void
tandem_checklist_row_clear (TandemChecklistRow *self)
{
  g_return_if_fail (TANDEM_IS_CHECKLIST_ROW (self));

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      adw_expander_row_remove (ADW_EXPANDER_ROW (self), item->row);
    }
  g_ptr_array_set_size (self->items, 0);
  if (self->empty_row)
    gtk_widget_set_visible (self->empty_row, TRUE);
  update_subtitle (self);
}

void
tandem_checklist_row_add (TandemChecklistRow *self,
                          gint64              id,
                          const char         *name,
                          const char         *detail,
                          gboolean            active)
{
  Item *item;
  GtkWidget *check;

  g_return_if_fail (TANDEM_IS_CHECKLIST_ROW (self));
  g_return_if_fail (name != NULL);

  item = g_new0 (Item, 1);
  item->id = id;
  item->name = g_strdup (name);
  item->row = adw_action_row_new ();
  check = gtk_check_button_new ();
  item->check = GTK_CHECK_BUTTON (check);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row), name);
  if (detail)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (item->row), detail);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (item->check, active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (item->row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (item->row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), item->row);
  g_ptr_array_add (self->items, item);

  if (self->empty_row)
    gtk_widget_set_visible (self->empty_row, FALSE);
  update_subtitle (self);
}

gboolean
tandem_checklist_row_has (TandemChecklistRow *self,
                          gint64              id)
{
  g_return_val_if_fail (TANDEM_IS_CHECKLIST_ROW (self), FALSE);
  return find_item (self, id) != NULL;
}

guint
tandem_checklist_row_get_n_items (TandemChecklistRow *self)
{
  g_return_val_if_fail (TANDEM_IS_CHECKLIST_ROW (self), 0);
  return self->items->len;
}

GArray *
tandem_checklist_row_get_selected (TandemChecklistRow *self)
{
  GArray *ids;

  g_return_val_if_fail (TANDEM_IS_CHECKLIST_ROW (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (gtk_check_button_get_active (item->check))
        g_array_append_val (ids, item->id);
    }
  return ids;
}

void
tandem_checklist_row_set_selected (TandemChecklistRow *self,
                                   const gint64       *ids,
                                   guint               n_ids)
{
  g_return_if_fail (TANDEM_IS_CHECKLIST_ROW (self));

  self->updating = TRUE;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      gboolean active = FALSE;

      for (guint j = 0; j < n_ids; j++)
        active |= ids[j] == item->id;
      gtk_check_button_set_active (item->check, active);
    }
  self->updating = FALSE;
  update_subtitle (self);
}

gboolean
tandem_checklist_row_set_active (TandemChecklistRow *self,
                                 gint64              id,
                                 gboolean            active)
{
  Item *item;

  g_return_val_if_fail (TANDEM_IS_CHECKLIST_ROW (self), FALSE);

  item = find_item (self, id);
  if (item == NULL)
    return FALSE;
  gtk_check_button_set_active (item->check, active);
  return TRUE;
}

GtkCheckButton *
tandem_checklist_row_get_check (TandemChecklistRow *self,
                                gint64              id)
{
  Item *item;

  g_return_val_if_fail (TANDEM_IS_CHECKLIST_ROW (self), NULL);

  item = find_item (self, id);
  return item ? item->check : NULL;
}

void
tandem_checklist_row_set_placeholder (TandemChecklistRow *self,
                                      const char         *placeholder)
{
  g_return_if_fail (TANDEM_IS_CHECKLIST_ROW (self));

  g_free (self->placeholder);
  self->placeholder = g_strdup (placeholder);
  update_subtitle (self);
}

void
tandem_checklist_row_set_empty_text (TandemChecklistRow *self,
                                     const char         *title,
                                     const char         *subtitle)
{
  g_return_if_fail (TANDEM_IS_CHECKLIST_ROW (self));

  if (self->empty_row == NULL)
    {
      self->empty_row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->empty_row), FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->empty_row);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->empty_row), subtitle ? subtitle : "");
  gtk_widget_set_visible (self->empty_row, self->items->len == 0);
}
