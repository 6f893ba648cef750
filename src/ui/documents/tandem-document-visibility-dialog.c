/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemDocumentVisibilityDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-checklist-row.h"
#include "tandem-document-visibility-dialog.h"

struct _TandemDocumentVisibilityDialog
{
  AdwMessageDialog    parent_instance;

  AdwComboRow        *visibility_row;
  TandemChecklistRow *groups_row;
  TandemKind          parent_kind;
};

G_DEFINE_FINAL_TYPE (TandemDocumentVisibilityDialog, tandem_document_visibility_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
update (TandemDocumentVisibilityDialog *self)
{
  gboolean groups = adw_combo_row_get_selected (self->visibility_row) == TANDEM_VISIBILITY_GROUPS;
  g_autoptr(GArray) chosen = tandem_checklist_row_get_selected (self->groups_row);

  gtk_widget_set_visible (GTK_WIDGET (self->groups_row), groups);
  if (groups)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->groups_row), TRUE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", !groups || chosen->len > 0);
}

static void
tandem_document_visibility_dialog_class_init (TandemDocumentVisibilityDialogClass *klass)
{
}

static void
tandem_document_visibility_dialog_init (TandemDocumentVisibilityDialog *self)
{
  GtkWidget *list = gtk_list_box_new ();

  self->visibility_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->visibility_row), _("_Visible to"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->visibility_row), TRUE);
  adw_combo_row_set_use_subtitle (self->visibility_row, TRUE);

  self->groups_row = TANDEM_CHECKLIST_ROW (tandem_checklist_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->groups_row), _("Groups"));
  tandem_checklist_row_set_placeholder (self->groups_row, _("Choose at least one group"));
  tandem_checklist_row_set_empty_text (self->groups_row, _("No groups yet"),
                                       _("An administrator creates groups in Preferences"));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->visibility_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->groups_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), list);

  g_signal_connect_object (self->visibility_row, "notify::selected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->groups_row, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

TandemDocumentVisibilityDialog *
tandem_document_visibility_dialog_new (GtkWindow        *parent,
                                       TandemStore      *store,
                                       TandemKind        parent_kind,
                                       TandemVisibility  visibility,
                                       const gint64     *group_ids,
                                       guint             n_groups,
                                       const char       *apply_label)
{
  TandemDocumentVisibilityDialog *self;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_DOCUMENT_VISIBILITY_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->parent_kind = parent_kind;
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "apply", apply_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  /* In the order of TandemVisibility; the project team only for a
   * document on a project (E1). */
  gtk_string_list_append (choices, tandem_visibility_get_label (TANDEM_VISIBILITY_EVERYONE));
  gtk_string_list_append (choices, tandem_visibility_get_label (TANDEM_VISIBILITY_GROUPS));
  gtk_string_list_append (choices, tandem_visibility_get_label (TANDEM_VISIBILITY_PRIVATE));
  if (parent_kind == TANDEM_KIND_PROJECT)
    gtk_string_list_append (choices, tandem_visibility_get_label (TANDEM_VISIBILITY_TEAM));
  adw_combo_row_set_model (self->visibility_row, G_LIST_MODEL (choices));

  groups = tandem_store_list_groups (store, &error);
  if (groups == NULL)
    g_debug ("Cannot read the groups: %s", error->message);
  for (guint i = 0; groups && i < groups->len; i++)
    {
      TandemChoice *group = g_ptr_array_index (groups, i);
      gint64 id = tandem_choice_get_id (group);
      gboolean active = FALSE;

      for (guint j = 0; j < n_groups; j++)
        active |= group_ids[j] == id;
      tandem_checklist_row_add (self->groups_row, id, tandem_choice_get_name (group), NULL, active);
    }

  tandem_document_visibility_dialog_set_visibility (self, visibility);
  update (self);
  return self;
}

TandemVisibility
tandem_document_visibility_dialog_get_visibility (TandemDocumentVisibilityDialog *self)
{
  guint selected;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT_VISIBILITY_DIALOG (self), TANDEM_VISIBILITY_EVERYONE);

  selected = adw_combo_row_get_selected (self->visibility_row);
  if (selected > TANDEM_VISIBILITY_TEAM ||
      (selected == TANDEM_VISIBILITY_TEAM && self->parent_kind != TANDEM_KIND_PROJECT))
    return TANDEM_VISIBILITY_EVERYONE;
  return selected;
}

void
tandem_document_visibility_dialog_set_visibility (TandemDocumentVisibilityDialog *self,
                                                  TandemVisibility                visibility)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT_VISIBILITY_DIALOG (self));

  if (visibility == TANDEM_VISIBILITY_TEAM && self->parent_kind != TANDEM_KIND_PROJECT)
    visibility = TANDEM_VISIBILITY_EVERYONE;
  adw_combo_row_set_selected (self->visibility_row, visibility);
}

GArray *
tandem_document_visibility_dialog_get_group_ids (TandemDocumentVisibilityDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT_VISIBILITY_DIALOG (self), NULL);
  return tandem_checklist_row_get_selected (self->groups_row);
}

gboolean
tandem_document_visibility_dialog_set_group (TandemDocumentVisibilityDialog *self,
                                             gint64                          group_id,
                                             gboolean                        active)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT_VISIBILITY_DIALOG (self), FALSE);
  return tandem_checklist_row_set_active (self->groups_row, group_id, active);
}
