/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemFieldDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-field-dialog-private.h"

#define N_FIELD_TYPES (TANDEM_FIELD_CHOICE + 1)

struct _TandemFieldDialog
{
  AdwWindow            parent_instance;

  TandemStore         *store;
  TandemField         *field;        /* NULL while adding */

  GtkLabel            *error_label;
  AdwEntryRow         *name_row;
  AdwComboRow         *entity_row;
  AdwComboRow         *kind_row;
  AdwComboRow         *type_row;
  AdwPreferencesGroup *choices_group;
  GtkTextView         *choices_view;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (TandemFieldDialog, tandem_field_dialog, ADW_TYPE_WINDOW)

/* The entity combo lists companies first, then people. */
static TandemKind
entity_at (guint position)
{
  return position == 1 ? TANDEM_KIND_PERSON : TANDEM_KIND_COMPANY;
}

static GStrv
collect_choices (TandemFieldDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->choices_view);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
can_save (TandemFieldDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (name[0] == '\0')
    return FALSE;
  if (adw_combo_row_get_selected (self->type_row) == TANDEM_FIELD_CHOICE)
    {
      g_auto(GStrv) choices = collect_choices (self);

      return choices[0] != NULL;
    }
  return TRUE;
}

static void
update (TandemFieldDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->choices_group),
                          adw_combo_row_get_selected (self->type_row) == TANDEM_FIELD_CHOICE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), can_save (self));
}

static void
show_error (TandemFieldDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
save (TandemFieldDialog *self)
{
  g_autoptr(TandemField) field = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) choices = NULL;
  TandemFieldType type;
  gboolean ok;

  if (!can_save (self))
    return;

  type = self->field ? tandem_field_get_field_type (self->field) : adw_combo_row_get_selected (self->type_row);
  choices = type == TANDEM_FIELD_CHOICE ? collect_choices (self) : g_new0 (char *, 1);

  /* Edit a copy, so that a refused change leaves the list as it was. */
  field = tandem_field_new (self->field ? tandem_field_get_entity (self->field)
                                        : entity_at (adw_combo_row_get_selected (self->entity_row)),
                            adw_combo_row_get_selected (self->kind_row),
                            gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                            type);
  tandem_field_set_choices (field, (const char * const *) choices);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  if (self->field != NULL)
    {
      tandem_field_set_id (field, tandem_field_get_id (self->field));
      ok = tandem_store_update_field (self->store, field, &error);
    }
  else
    ok = tandem_store_add_field (self->store, field, &error) != 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), can_save (self));

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_changed_cb (TandemFieldDialog *self)
{
  update (self);
}

static void
on_save_button_clicked_cb (TandemFieldDialog *self)
{
  save (self);
}

static void
tandem_field_dialog_dispose (GObject *object)
{
  TandemFieldDialog *self = TANDEM_FIELD_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->field);

  G_OBJECT_CLASS (tandem_field_dialog_parent_class)->dispose (object);
}

static void
tandem_field_dialog_class_init (TandemFieldDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_field_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/preferences/tandem-field-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemFieldDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemFieldDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TandemFieldDialog, entity_row);
  gtk_widget_class_bind_template_child (widget_class, TandemFieldDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TandemFieldDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, TandemFieldDialog, choices_group);
  gtk_widget_class_bind_template_child (widget_class, TandemFieldDialog, choices_view);
  gtk_widget_class_bind_template_child (widget_class, TandemFieldDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
}

static void
tandem_field_dialog_init (TandemFieldDialog *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The position in the list is the TandemFieldType value. */
  for (guint i = 0; i < N_FIELD_TYPES; i++)
    gtk_string_list_append (types, tandem_field_type_get_label (i));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));

  g_signal_connect_object (gtk_text_view_get_buffer (self->choices_view), "changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
}

TandemFieldDialog *
tandem_field_dialog_new (GtkWindow   *parent,
                         TandemStore *store,
                         TandemField *field,
                         TandemKind   entity)
{
  TandemFieldDialog *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (field == NULL || TANDEM_IS_FIELD (field), NULL);

  self = g_object_new (TANDEM_TYPE_FIELD_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  if (field != NULL)
    {
      const char * const *choices = tandem_field_get_choices (field);
      g_autofree char *text = g_strjoinv ("\n", (char **) choices);

      self->field = g_object_ref (field);
      entity = tandem_field_get_entity (field);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Field"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), tandem_field_get_name (field));
      adw_combo_row_set_selected (self->kind_row, tandem_field_get_kind (field));
      adw_combo_row_set_selected (self->type_row, tandem_field_get_field_type (field));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->choices_view), text, -1);

      /* Stored values already belong to this entity and are of this type. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->entity_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->type_row), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->type_row),
                                   _("The type cannot be changed once values may be stored"));
    }
  else
    {
      adw_combo_row_set_selected (self->kind_row, TANDEM_FIELD_CLASSIFICATION);
      adw_combo_row_set_selected (self->type_row, TANDEM_FIELD_CHOICE);
    }
  adw_combo_row_set_selected (self->entity_row, entity == TANDEM_KIND_PERSON ? 1 : 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  update (self);
  return self;
}

char *
tandem_field_dialog_describe (TandemField *field)
{
  const char * const *choices;
  const char *kind;
  const char *type;

  g_return_val_if_fail (TANDEM_IS_FIELD (field), NULL);

  kind = tandem_field_get_kind (field) == TANDEM_FIELD_CLASSIFICATION ? _("Classification") : _("Additional");
  type = tandem_field_type_get_label (tandem_field_get_field_type (field));
  choices = tandem_field_get_choices (field);

  if (tandem_field_get_field_type (field) == TANDEM_FIELD_CHOICE && choices != NULL && choices[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (C_("list separator", ", "), (char **) choices);

      /* Translators: kind · type: choices, e.g. "Classification · Choice from a list: A, B, C" */
      return g_strdup_printf (_("%s · %s: %s"), kind, type, list);
    }
  /* Translators: kind · type, e.g. "Additional · Date" */
  return g_strdup_printf (_("%s · %s"), kind, type);
}

GtkEditable *
tandem_field_dialog_get_name_row (TandemFieldDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_FIELD_DIALOG (self), NULL);
  return GTK_EDITABLE (self->name_row);
}

AdwComboRow *
tandem_field_dialog_get_entity_row (TandemFieldDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_FIELD_DIALOG (self), NULL);
  return self->entity_row;
}

AdwComboRow *
tandem_field_dialog_get_kind_row (TandemFieldDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_FIELD_DIALOG (self), NULL);
  return self->kind_row;
}

AdwComboRow *
tandem_field_dialog_get_type_row (TandemFieldDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_FIELD_DIALOG (self), NULL);
  return self->type_row;
}

GtkWidget *
tandem_field_dialog_get_choices_group (TandemFieldDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_FIELD_DIALOG (self), NULL);
  return GTK_WIDGET (self->choices_group);
}

GtkTextView *
tandem_field_dialog_get_choices_view (TandemFieldDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_FIELD_DIALOG (self), NULL);
  return self->choices_view;
}

GtkButton *
tandem_field_dialog_get_save_button (TandemFieldDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_FIELD_DIALOG (self), NULL);
  return self->save_button;
}

GtkLabel *
tandem_field_dialog_get_error_label (TandemFieldDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_FIELD_DIALOG (self), NULL);
  return self->error_label;
}
