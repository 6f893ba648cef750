/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemFieldsGroup"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-fields-group.h"

struct _TandemFieldsGroup
{
  AdwPreferencesGroup parent_instance;

  TandemStore     *store;
  TandemKind       entity;
  TandemFieldKind  field_kind;
  TandemRecord    *record;
  GPtrArray       *fields;   /* TandemField, in the order of the rows */
  GPtrArray       *rows;
  guint            syncing;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemFieldsGroup, tandem_fields_group, ADW_TYPE_PREFERENCES_GROUP)

static void
set_value (TandemFieldsGroup *self,
           TandemField       *field,
           const char        *value)
{
  if (self->syncing || self->record == NULL)
    return;
  if (g_strcmp0 (tandem_record_get_field_value (self->record, tandem_field_get_id (field)),
                 value && *value ? value : NULL) == 0)
    return;
  tandem_record_set_field_value (self->record, tandem_field_get_id (field),
                                 value && *value ? value : NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
check_entry (AdwEntryRow *row,
             TandemField *field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  if (*text == '\0' || tandem_field_check_value (field, text, &normalized, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), error->message);
    }
}

static void
on_entry_changed_cb (AdwEntryRow       *row,
                     TandemFieldsGroup *self)
{
  TandemField *field = g_object_get_data (G_OBJECT (row), "field");

  check_entry (row, field);
  set_value (self, field, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_switch_active_cb (GtkSwitch         *sw,
                     GParamSpec        *pspec,
                     TandemFieldsGroup *self)
{
  set_value (self, g_object_get_data (G_OBJECT (sw), "field"),
             gtk_switch_get_active (sw) ? "1" : "0");
}

static void
on_combo_selected_cb (AdwComboRow       *row,
                      GParamSpec        *pspec,
                      TandemFieldsGroup *self)
{
  TandemField *field = g_object_get_data (G_OBJECT (row), "field");
  guint selected = adw_combo_row_get_selected (row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    set_value (self, field, NULL);
  else
    set_value (self, field, tandem_field_get_choices (field)[selected - 1]);
}

static GtkWidget *
create_row (TandemFieldsGroup *self,
            TandemField       *field)
{
  const char *name = tandem_field_get_name (field);
  GtkWidget *row;

  switch (tandem_field_get_field_type (field))
    {
    case TANDEM_FIELD_BOOL:
      {
        GtkWidget *sw = gtk_switch_new ();

        row = adw_action_row_new ();
        gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
        g_object_set_data (G_OBJECT (sw), "field", field);
        g_object_set_data (G_OBJECT (row), "value-widget", sw);
        g_signal_connect_object (sw, "notify::active", G_CALLBACK (on_switch_active_cb), self, 0);
        gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      }
      break;

    case TANDEM_FIELD_CHOICE:
      {
        g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
        const char * const *choices = tandem_field_get_choices (field);

        gtk_string_list_append (list, C_("choice", "None"));
        for (guint i = 0; choices && choices[i]; i++)
          gtk_string_list_append (list, choices[i]);
        row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
        g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_combo_selected_cb), self, 0);
      }
      break;

    case TANDEM_FIELD_DATE:
    case TANDEM_FIELD_NUMBER:
    case TANDEM_FIELD_LINK:
    case TANDEM_FIELD_TEXT:
    default:
      row = adw_entry_row_new ();
      g_signal_connect_object (row, "changed", G_CALLBACK (on_entry_changed_cb), self, 0);
      break;
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (tandem_field_get_field_type (field) == TANDEM_FIELD_DATE)
    gtk_widget_set_tooltip_text (row, _("A date such as 2026-12-31 or 31.12.2026"));
  g_object_set_data (G_OBJECT (row), "field", field);
  return row;
}

static void
sync_rows (TandemFieldsGroup *self)
{
  self->syncing++;
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      TandemField *field = g_ptr_array_index (self->fields, i);
      const char *value = self->record
                          ? tandem_record_get_field_value (self->record, tandem_field_get_id (field))
                          : NULL;

      switch (tandem_field_get_field_type (field))
        {
        case TANDEM_FIELD_BOOL:
          gtk_switch_set_active (g_object_get_data (G_OBJECT (row), "value-widget"),
                                 g_strcmp0 (value, "1") == 0);
          break;

        case TANDEM_FIELD_CHOICE:
          {
            const char * const *choices = tandem_field_get_choices (field);
            guint selected = 0;

            for (guint j = 0; value && choices && choices[j]; j++)
              if (g_str_equal (choices[j], value))
                selected = j + 1;
            adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
          }
          break;

        default:
          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), value ? value : "") != 0)
            gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
          check_entry (ADW_ENTRY_ROW (row), field);
          break;
        }
    }
  self->syncing--;
}

static void
tandem_fields_group_dispose (GObject *object)
{
  TandemFieldsGroup *self = TANDEM_FIELDS_GROUP (object);

  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_fields_group_parent_class)->dispose (object);
}

static void
tandem_fields_group_class_init (TandemFieldsGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_fields_group_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tandem_fields_group_init (TandemFieldsGroup *self)
{
  self->rows = g_ptr_array_new ();
  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
tandem_fields_group_setup (TandemFieldsGroup *self,
                           TandemStore       *store,
                           TandemKind         entity,
                           TandemFieldKind    field_kind)
{
  g_return_if_fail (TANDEM_IS_FIELDS_GROUP (self));

  g_set_object (&self->store, store);
  self->entity = entity;
  self->field_kind = field_kind;
  tandem_fields_group_reload (self);
}

void
tandem_fields_group_reload (TandemFieldsGroup *self)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TANDEM_IS_FIELDS_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->fields, 0);

  fields = tandem_store_list_fields (self->store, self->entity, &error);
  if (fields == NULL)
    g_warning ("Could not read the fields: %s", error->message);

  for (guint i = 0; fields && i < fields->len; i++)
    {
      TandemField *field = g_ptr_array_index (fields, i);
      GtkWidget *row;

      if (tandem_field_get_kind (field) != self->field_kind)
        continue;
      g_ptr_array_add (self->fields, g_object_ref (field));
      row = create_row (self, field);
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
  sync_rows (self);
}

void
tandem_fields_group_set_record (TandemFieldsGroup *self,
                                TandemRecord      *record)
{
  g_return_if_fail (TANDEM_IS_FIELDS_GROUP (self));

  g_set_object (&self->record, record);
  sync_rows (self);
}
