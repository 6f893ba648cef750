/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemSearchDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-campaigns-resources.h"
#include "tandem-condition-row-private.h"
#include "tandem-error.h"
#include "tandem-search-dialog-private.h"
#include "tandem-store-groups.h"

/* The count waits until the typing pauses. */
#define COUNT_DELAY_MS 300

struct _TandemSearchDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkRevealer         *error_revealer;
  GtkWidget           *error_box;
  GtkLabel            *error_label;
  AdwEntryRow         *name_row;
  AdwComboRow         *entity_row;
  AdwComboRow         *match_row;
  GtkSwitch           *shared_switch;
  GtkListBox          *conditions_list;
  GtkLabel            *count_label;
  TandemContactPager  *pager;

  TandemStore         *store;
  TandemSavedSearch   *search;     /* the copy being edited */
  GPtrArray           *rows;       /* TandemConditionRow, in order; not owned */
  guint                count_id;
  gboolean             may_change; /* its owner, an administrator, or a new one */
  guint                syncing;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemSearchDialog, tandem_search_dialog, ADW_TYPE_WINDOW)

static void schedule_count (TandemSearchDialog *self);

/* Helpers ------------------------------------------------------------------ */

static void
show_message (TandemSearchDialog *self,
              const char         *message,
              gboolean            is_error)
{
  gtk_label_set_text (self->error_label, message);
  if (is_error)
    gtk_widget_remove_css_class (self->error_box, "info");
  else
    gtk_widget_add_css_class (self->error_box, "info");
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
hide_error (TandemSearchDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static TandemKind
chosen_entity (TandemSearchDialog *self)
{
  return adw_combo_row_get_selected (self->entity_row) == 1 ? TANDEM_KIND_PERSON : TANDEM_KIND_COMPANY;
}

static void
update_placeholder (TandemSearchDialog *self)
{
  GtkWidget *label;

  label = gtk_label_new (chosen_entity (self) == TANDEM_KIND_PERSON
                         ? _("No conditions: every person matches")
                         : _("No conditions: every company matches"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_set_placeholder (self->conditions_list, label);

  tandem_contact_pager_set_empty_text (self->pager,
                                       chosen_entity (self) == TANDEM_KIND_PERSON
                                       ? _("No people match")
                                       : _("No companies match"));
}

/* The search as the widgets have it. @strict: every condition must be
 * right (each row shows what is wrong with it); otherwise conditions still
 * waiting for a value are left out, as while the user types. NULL when a
 * condition is not right. */
static TandemSavedSearch *
collect (TandemSearchDialog  *self,
         gboolean             strict,
         GError             **error)
{
  g_autoptr(TandemSavedSearch) search = tandem_saved_search_copy (self->search);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  gboolean ok = TRUE;

  tandem_saved_search_set_name (search, name);
  tandem_saved_search_set_entity (search, chosen_entity (self));
  tandem_saved_search_set_match_all (search, adw_combo_row_get_selected (self->match_row) != 1);
  tandem_saved_search_set_shared (search, gtk_switch_get_active (self->shared_switch));
  tandem_saved_search_clear_criteria (search);

  for (guint i = 0; i < self->rows->len; i++)
    {
      TandemConditionRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(TandemCriterion) criterion = NULL;
      g_autoptr(GError) row_error = NULL;

      if (!tandem_condition_row_check (row, strict, &row_error))
        {
          if (ok)
            g_propagate_error (error, g_steal_pointer (&row_error));
          ok = FALSE;
          continue;
        }
      if (!strict && tandem_condition_row_is_incomplete (row))
        continue;
      criterion = tandem_condition_row_dup_criterion (row);
      tandem_saved_search_add_criterion (search, criterion->field, criterion->op, criterion->value);
    }
  return ok ? g_steal_pointer (&search) : NULL;
}

static void
update_count (TandemSearchDialog *self)
{
  g_autoptr(TandemSavedSearch) search = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n;

  g_clear_handle_id (&self->count_id, g_source_remove);

  search = collect (self, FALSE, NULL);
  if (search == NULL)
    {
      tandem_contact_pager_set_search (self->pager, self->store, NULL, NULL);
      gtk_label_set_text (self->count_label, _("A condition is not right yet: see the message under it"));
      return;
    }
  if (!tandem_contact_pager_set_search (self->pager, self->store, search, &error))
    {
      gtk_label_set_text (self->count_label, error->message);
      return;
    }

  n = tandem_contact_pager_get_n_contacts (self->pager);
  if (tandem_saved_search_get_entity (search) == TANDEM_KIND_PERSON)
    /* Translators: the live count of the filter builder */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);
  else
    /* Translators: the live count of the filter builder */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u company", "%u companies", n), n);
  gtk_label_set_text (self->count_label, text);
}

static gboolean
on_count_timeout_cb (gpointer data)
{
  TandemSearchDialog *self = data;

  self->count_id = 0;
  update_count (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_count (TandemSearchDialog *self)
{
  if (self->syncing)
    return;
  g_clear_handle_id (&self->count_id, g_source_remove);
  self->count_id = g_timeout_add (COUNT_DELAY_MS, on_count_timeout_cb, self);
}

static void
on_condition_changed_cb (TandemSearchDialog *self)
{
  schedule_count (self);
}

static void
on_condition_remove_cb (TandemSearchDialog *self,
                        TandemConditionRow *row)
{
  GtkWidget *list_row = gtk_widget_get_parent (GTK_WIDGET (row));
  GtkWidget *next_focus;
  guint index;

  if (!g_ptr_array_find (self->rows, row, &index))
    return;

  /* The focus goes to the next condition, or to "Add Condition". */
  if (index + 1 < self->rows->len)
    next_focus = g_ptr_array_index (self->rows, index + 1);
  else if (index > 0)
    next_focus = g_ptr_array_index (self->rows, index - 1);
  else
    next_focus = NULL;

  g_ptr_array_remove_index (self->rows, index);
  gtk_list_box_remove (self->conditions_list, list_row);
  if (next_focus)
    gtk_widget_grab_focus (GTK_WIDGET (tandem_condition_row_get_field_dropdown (TANDEM_CONDITION_ROW (next_focus))));
  schedule_count (self);
}

static TandemConditionRow *
append_condition (TandemSearchDialog    *self,
                  const TandemCriterion *criterion)
{
  GtkWidget *row = tandem_condition_row_new (self->store, chosen_entity (self));
  GtkWidget *list_row;

  if (criterion)
    tandem_condition_row_set_criterion (TANDEM_CONDITION_ROW (row), criterion);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_condition_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_condition_remove_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->rows, row);

  list_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), row);
  /* The row itself is no stop for Tab: its fields are. */
  gtk_widget_set_focusable (list_row, FALSE);
  gtk_list_box_append (self->conditions_list, list_row);
  return TANDEM_CONDITION_ROW (row);
}

static void
load_search (TandemSearchDialog *self)
{
  TandemSavedSearch *search = self->search;
  TandemUser *user = tandem_store_get_user (self->store);
  gboolean is_new = tandem_saved_search_get_id (search) == 0;
  GPtrArray *criteria = tandem_saved_search_get_criteria (search);

  self->may_change = is_new ||
                     (user && (tandem_user_is_admin (user) ||
                               tandem_saved_search_get_owner_id (search) == tandem_user_get_id (user)));

  self->syncing++;
  if (is_new)
    adw_window_title_set_title (self->window_title, _("New Saved Search"));
  else if (self->may_change)
    adw_window_title_set_title (self->window_title, _("Edit Saved Search"));
  else
    adw_window_title_set_title (self->window_title, _("Saved Search"));

  if (self->may_change)
    {
      gtk_button_set_label (GTK_BUTTON (self->save_button), is_new ? _("_Add") : _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), tandem_saved_search_get_name (search) ? tandem_saved_search_get_name (search) : "");
    }
  else
    {
      /* Translators: the name offered when saving a copy of someone
       * else's saved search; %s is its name */
      g_autofree char *copy_name = g_strdup_printf (_("%s (copy)"), tandem_saved_search_get_name (search));

      gtk_button_set_label (GTK_BUTTON (self->save_button), _("Save as _New"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), copy_name);
      show_message (self, _("Someone else saved this search: you can run it, or change it and save it as a new one"),
                    FALSE);
    }

  adw_combo_row_set_selected (self->entity_row, tandem_saved_search_get_entity (search) == TANDEM_KIND_PERSON);
  adw_combo_row_set_selected (self->match_row, !tandem_saved_search_get_match_all (search));
  gtk_switch_set_active (self->shared_switch, tandem_saved_search_get_shared (search));
  update_placeholder (self);
  for (guint i = 0; i < criteria->len; i++)
    append_condition (self, g_ptr_array_index (criteria, i));
  self->syncing--;

  update_count (self);
}

static void
save (TandemSearchDialog *self)
{
  g_autoptr(TandemSavedSearch) search = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  search = collect (self, TRUE, &error);
  if (search == NULL)
    {
      for (guint i = 0; i < self->rows->len; i++)
        if (tandem_condition_row_get_error (g_ptr_array_index (self->rows, i)) != NULL)
          {
            gtk_widget_grab_focus (GTK_WIDGET (tandem_condition_row_get_value_entry (g_ptr_array_index (self->rows, i))));
            break;
          }
      show_message (self, _("A condition is not right: see the message under it"), TRUE);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (!self->may_change)
    {
      tandem_saved_search_set_id (search, 0);
      tandem_saved_search_set_owner_id (search, 0);
    }

  id = tandem_store_save_saved_search (self->store, search, &error);
  if (id == 0)
    {
      show_message (self, error->message, TRUE);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  hide_error (self);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_name_activated_cb (TandemSearchDialog *self)
{
  save (self);
}

static void
on_error_close_clicked_cb (TandemSearchDialog *self)
{
  hide_error (self);
}

static void
on_entity_selected_cb (TandemSearchDialog *self)
{
  if (self->syncing)
    return;
  self->syncing++;
  for (guint i = 0; i < self->rows->len; i++)
    tandem_condition_row_set_entity (g_ptr_array_index (self->rows, i), chosen_entity (self));
  update_placeholder (self);
  self->syncing--;
  schedule_count (self);
}

static void
on_match_selected_cb (TandemSearchDialog *self)
{
  schedule_count (self);
}

/* Actions ------------------------------------------------------------------ */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (TANDEM_SEARCH_DIALOG (widget));
}

static void
add_condition_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TandemSearchDialog *self = TANDEM_SEARCH_DIALOG (widget);
  TandemConditionRow *row = append_condition (self, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (tandem_condition_row_get_field_dropdown (row)));
  schedule_count (self);
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_search_dialog_dispose (GObject *object)
{
  TandemSearchDialog *self = TANDEM_SEARCH_DIALOG (object);

  g_clear_handle_id (&self->count_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_SEARCH_DIALOG);

  G_OBJECT_CLASS (tandem_search_dialog_parent_class)->dispose (object);
}

static void
tandem_search_dialog_finalize (GObject *object)
{
  TandemSearchDialog *self = TANDEM_SEARCH_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->search);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_search_dialog_parent_class)->finalize (object);
}

static void
tandem_search_dialog_class_init (TandemSearchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_search_dialog_dispose;
  object_class->finalize = tandem_search_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TANDEM_TYPE_CONTACT_PAGER);

  (void) tandem_campaigns_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tandemcrm/Tandem/campaigns/tandem-search-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemSearchDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TandemSearchDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TandemSearchDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TandemSearchDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, TandemSearchDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemSearchDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSearchDialog, entity_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSearchDialog, match_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSearchDialog, shared_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemSearchDialog, conditions_list);
  gtk_widget_class_bind_template_child (widget_class, TandemSearchDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, TandemSearchDialog, pager);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_error_close_clicked_cb);

  gtk_widget_class_install_action (widget_class, "search.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "search.add-condition", NULL, add_condition_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "search.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "search.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_search_dialog_init (TandemSearchDialog *self)
{
  static gsize css_loaded = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_once_init_enter (&css_loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/tandemcrm/Tandem/campaigns/tandem-campaigns.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }

  self->rows = g_ptr_array_new ();
  g_signal_connect_object (self->entity_row, "notify::selected", G_CALLBACK (on_entity_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->match_row, "notify::selected", G_CALLBACK (on_match_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API --------------------------------------------------------------- */

TandemSearchDialog *
tandem_search_dialog_new (GtkWindow         *parent,
                          TandemStore       *store,
                          TandemSavedSearch *search)
{
  TandemSearchDialog *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (search == NULL || TANDEM_IS_SAVED_SEARCH (search), NULL);

  self = g_object_new (TANDEM_TYPE_SEARCH_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->search = search ? tandem_saved_search_copy (search) : tandem_saved_search_new ("", TANDEM_KIND_COMPANY);
  if (search == NULL)
    /* A new search starts private; sharing is a choice. */
    tandem_saved_search_set_shared (self->search, FALSE);
  load_search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

/* Private API -------------------------------------------------------------- */

AdwEntryRow *
tandem_search_dialog_get_name_row (TandemSearchDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SEARCH_DIALOG (self), NULL);
  return self->name_row;
}

AdwComboRow *
tandem_search_dialog_get_entity_row (TandemSearchDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SEARCH_DIALOG (self), NULL);
  return self->entity_row;
}

AdwComboRow *
tandem_search_dialog_get_match_row (TandemSearchDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SEARCH_DIALOG (self), NULL);
  return self->match_row;
}

GtkSwitch *
tandem_search_dialog_get_shared_switch (TandemSearchDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SEARCH_DIALOG (self), NULL);
  return self->shared_switch;
}

TandemConditionRow *
tandem_search_dialog_add_condition (TandemSearchDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SEARCH_DIALOG (self), NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "search.add-condition", NULL);
  return self->rows->len ? g_ptr_array_index (self->rows, self->rows->len - 1) : NULL;
}

GPtrArray *
tandem_search_dialog_get_conditions (TandemSearchDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SEARCH_DIALOG (self), NULL);
  return self->rows;
}

const char *
tandem_search_dialog_get_count_text (TandemSearchDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SEARCH_DIALOG (self), NULL);
  return gtk_label_get_text (self->count_label);
}

TandemContactPager *
tandem_search_dialog_get_pager (TandemSearchDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SEARCH_DIALOG (self), NULL);
  return self->pager;
}

const char *
tandem_search_dialog_get_error (TandemSearchDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SEARCH_DIALOG (self), NULL);
  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

void
tandem_search_dialog_save (TandemSearchDialog *self)
{
  g_return_if_fail (TANDEM_IS_SEARCH_DIALOG (self));
  save (self);
}
