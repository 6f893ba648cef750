/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCategoryDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-category-dialog-private.h"

struct _TandemCategoryDialog
{
  AdwWindow    parent_instance;

  TandemStore *store;
  TandemTerm  *category;    /* NULL while adding */
  GArray      *kind_ids;    /* the id of each entry of kind_row; 0 = none */
  GArray      *type_ids;

  GtkLabel    *error_label;
  AdwEntryRow *name_row;
  AdwComboRow *kind_row;
  AdwComboRow *type_row;
  GtkSwitch   *allow_choice_switch;
  GtkSwitch   *sales_target_switch;
  GtkButton   *save_button;
};

G_DEFINE_FINAL_TYPE (TandemCategoryDialog, tandem_category_dialog, ADW_TYPE_WINDOW)

static const char *
find_name (GPtrArray *terms,
           gint64     id)
{
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    if (tandem_term_get_id (g_ptr_array_index (terms, i)) == id)
      return tandem_term_get_name (g_ptr_array_index (terms, i));
  return NULL;
}

/* Fills @row with "None" and the terms of @set, remembering their ids in
 * @ids, and selects @selected_id. A list that cannot be read leaves only
 * "None" and says why. */
static void
fill_combo (TandemCategoryDialog *self,
            AdwComboRow          *row,
            GArray               *ids,
            TandemTermSet         set,
            gint64                selected_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GError) error = NULL;
  gint64 none = 0;
  guint selected = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (names, C_("kind or type", "None"));
  g_array_append_val (ids, none);

  terms = tandem_store_list_terms (self->store, set, &error);
  if (terms == NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      TandemTerm *term = g_ptr_array_index (terms, i);
      gint64 id = tandem_term_get_id (term);

      gtk_string_list_append (names, tandem_term_get_name (term));
      g_array_append_val (ids, id);
      if (id == selected_id)
        selected = ids->len - 1;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
}

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

static gboolean
select_by_name (AdwComboRow *row,
                const char  *name)
{
  GListModel *model = adw_combo_row_get_model (row);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }
  return FALSE;
}

static gboolean
can_save (TandemCategoryDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  return name[0] != '\0';
}

static void
show_error (TandemCategoryDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
save (TandemCategoryDialog *self)
{
  g_autoptr(TandemTerm) category = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  gint64 id;

  if (!can_save (self))
    return;

  /* Edit a copy, so that a refused change leaves the list as it was. */
  if (self->category != NULL)
    {
      category = tandem_term_copy (self->category);
      /* An untouched shipped name stays shipped, and so translated for
       * everyone; only a name the administrator typed is stored. */
      if (g_strcmp0 (text, tandem_term_get_name (self->category)) != 0)
        tandem_term_set_name (category, text);
    }
  else
    {
      g_autoptr(GPtrArray) categories = tandem_store_list_terms (self->store, TANDEM_TERM_CATEGORY, NULL);
      int position = 0;

      /* A new category goes to the end of the list. */
      for (guint i = 0; categories != NULL && i < categories->len; i++)
        position = MAX (position, tandem_term_get_position (g_ptr_array_index (categories, i)) + 1);
      category = tandem_term_new (TANDEM_TERM_CATEGORY, text);
      tandem_term_set_position (category, position);
    }

  tandem_term_set_kind_id (category, selected_id (self->kind_row, self->kind_ids));
  tandem_term_set_type_id (category, selected_id (self->type_row, self->type_ids));
  tandem_term_set_allow_choice (category, gtk_switch_get_active (self->allow_choice_switch));
  tandem_term_set_sales_target (category, gtk_switch_get_active (self->sales_target_switch));

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  id = tandem_store_save_term (self->store, category, &error);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), can_save (self));

  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_changed_cb (TandemCategoryDialog *self)
{
  show_error (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), can_save (self));
}

static void
on_save_button_clicked_cb (TandemCategoryDialog *self)
{
  save (self);
}

static void
tandem_category_dialog_dispose (GObject *object)
{
  TandemCategoryDialog *self = TANDEM_CATEGORY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->category);

  G_OBJECT_CLASS (tandem_category_dialog_parent_class)->dispose (object);
}

static void
tandem_category_dialog_finalize (GObject *object)
{
  TandemCategoryDialog *self = TANDEM_CATEGORY_DIALOG (object);

  g_clear_pointer (&self->kind_ids, g_array_unref);
  g_clear_pointer (&self->type_ids, g_array_unref);

  G_OBJECT_CLASS (tandem_category_dialog_parent_class)->finalize (object);
}

static void
tandem_category_dialog_class_init (TandemCategoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_category_dialog_dispose;
  object_class->finalize = tandem_category_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/preferences/tandem-category-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemCategoryDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemCategoryDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCategoryDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCategoryDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCategoryDialog, allow_choice_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemCategoryDialog, sales_target_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemCategoryDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
}

static void
tandem_category_dialog_init (TandemCategoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->kind_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->type_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

TandemCategoryDialog *
tandem_category_dialog_new (GtkWindow   *parent,
                            TandemStore *store,
                            TandemTerm  *category)
{
  TandemCategoryDialog *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (category == NULL || TANDEM_IS_TERM (category), NULL);
  g_return_val_if_fail (category == NULL || tandem_term_get_set (category) == TANDEM_TERM_CATEGORY, NULL);

  self = g_object_new (TANDEM_TYPE_CATEGORY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  fill_combo (self, self->kind_row, self->kind_ids, TANDEM_TERM_KIND,
              category ? tandem_term_get_kind_id (category) : 0);
  fill_combo (self, self->type_row, self->type_ids, TANDEM_TERM_TYPE,
              category ? tandem_term_get_type_id (category) : 0);

  if (category != NULL)
    {
      self->category = g_object_ref (category);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Category"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), tandem_term_get_name (category));
      gtk_switch_set_active (self->allow_choice_switch, tandem_term_get_allow_choice (category));
      gtk_switch_set_active (self->sales_target_switch, tandem_term_get_sales_target (category));
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  on_changed_cb (self);
  return self;
}

char *
tandem_category_dialog_describe (TandemTerm *category,
                                 GPtrArray  *kinds,
                                 GPtrArray  *types)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  const char *kind;
  const char *type;

  g_return_val_if_fail (TANDEM_IS_TERM (category), NULL);

  kind = find_name (kinds, tandem_term_get_kind_id (category));
  type = find_name (types, tandem_term_get_type_id (category));
  if (kind != NULL)
    g_strv_builder_add (parts, kind);
  if (type != NULL)
    g_strv_builder_add (parts, type);
  if (tandem_term_get_allow_choice (category))
    g_strv_builder_add (parts, _("Users may change"));
  if (tandem_term_get_sales_target (category))
    g_strv_builder_add (parts, _("Sales target"));
  strv = g_strv_builder_end (parts);
  /* Translators: the separator between the parts of a category's
   * description, e.g. "Sales · Leads · Sales target" */
  return g_strjoinv (C_("description separator", " · "), strv);
}

GtkEditable *
tandem_category_dialog_get_name_row (TandemCategoryDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_CATEGORY_DIALOG (self), NULL);
  return GTK_EDITABLE (self->name_row);
}

AdwComboRow *
tandem_category_dialog_get_kind_row (TandemCategoryDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_CATEGORY_DIALOG (self), NULL);
  return self->kind_row;
}

AdwComboRow *
tandem_category_dialog_get_type_row (TandemCategoryDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_CATEGORY_DIALOG (self), NULL);
  return self->type_row;
}

gboolean
tandem_category_dialog_select_kind (TandemCategoryDialog *self,
                                    const char           *name)
{
  g_return_val_if_fail (TANDEM_IS_CATEGORY_DIALOG (self), FALSE);
  return select_by_name (self->kind_row, name);
}

gboolean
tandem_category_dialog_select_type (TandemCategoryDialog *self,
                                    const char           *name)
{
  g_return_val_if_fail (TANDEM_IS_CATEGORY_DIALOG (self), FALSE);
  return select_by_name (self->type_row, name);
}

GtkSwitch *
tandem_category_dialog_get_allow_choice_switch (TandemCategoryDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_CATEGORY_DIALOG (self), NULL);
  return self->allow_choice_switch;
}

GtkSwitch *
tandem_category_dialog_get_sales_target_switch (TandemCategoryDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_CATEGORY_DIALOG (self), NULL);
  return self->sales_target_switch;
}

GtkButton *
tandem_category_dialog_get_save_button (TandemCategoryDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_CATEGORY_DIALOG (self), NULL);
  return self->save_button;
}

GtkLabel *
tandem_category_dialog_get_error_label (TandemCategoryDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_CATEGORY_DIALOG (self), NULL);
  return self->error_label;
}
