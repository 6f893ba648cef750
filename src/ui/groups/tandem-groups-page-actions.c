/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemGroupsPage"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-groups-page-private.h"

/*
 * The group screen's actions on the selected contacts (SPEC I2): add them
 * to a group, remove them from one, or move them from one to another, each
 * asked in a small dialog, said in a toast with the number changed, and
 * undone from the toast.
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemGroupsUndo, tandem_groups_page_undo_free)

/* Helpers ------------------------------------------------------------------ */

/* A row choosing one of the groups, named for the tests */
static AdwComboRow *
new_group_row (TandemGroupsPage *self,
               const char       *title,
               const char       *name,
               gint64            selected)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  for (guint i = 0; i < self->groups->len; i++)
    {
      TandemContactGroup *group = g_ptr_array_index (self->groups, i);

      gtk_string_list_append (names, tandem_contact_group_get_name (group));
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  gtk_widget_set_name (GTK_WIDGET (row), name);
  for (guint i = 0; i < self->groups->len; i++)
    if (tandem_contact_group_get_id (g_ptr_array_index (self->groups, i)) == selected)
      adw_combo_row_set_selected (row, i);
  return row;
}

static gint64
row_group (TandemGroupsPage *self,
           AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (row == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->groups->len)
    return 0;
  return tandem_contact_group_get_id (g_ptr_array_index (self->groups, selected));
}

/* The group a selection is most likely taken out of: the first included
 * one, else the first group one of them is in. */
static gint64
likely_from (TandemGroupsPage *self,
             GArray           *contacts)
{
  if (self->include->len > 0)
    return g_array_index (self->include, gint64, 0);
  for (guint i = 0; i < self->groups->len; i++)
    {
      gint64 id = tandem_contact_group_get_id (g_ptr_array_index (self->groups, i));

      for (guint j = 0; j < contacts->len; j++)
        if (tandem_contact_is_in_group (g_array_index (contacts, TandemContact *, j), id))
          return id;
    }
  return 0;
}

/* A group to add to or move to: the last one used, else the first one the
 * screen neither includes nor moves from. */
static gint64
likely_to (TandemGroupsPage *self,
           gint64            from)
{
  if (self->last_to_group != 0 && self->last_to_group != from && tandem_groups_page_find_group (self, self->last_to_group))
    return self->last_to_group;
  for (guint i = 0; i < self->groups->len; i++)
    {
      gint64 id = tandem_contact_group_get_id (g_ptr_array_index (self->groups, i));

      if (id != from && !tandem_groups_page_is_included (self, id))
        return id;
    }
  return 0;
}

static GArray *
refs_where (GArray   *contacts,
            gint64    group,
            gboolean  in_group)
{
  GArray *refs = g_array_new (FALSE, FALSE, sizeof (TandemContactRef));

  for (guint i = 0; i < contacts->len; i++)
    {
      TandemContact *contact = g_array_index (contacts, TandemContact *, i);
      TandemContactRef ref = tandem_contact_get_ref (contact);

      if (tandem_contact_is_in_group (contact, group) == in_group)
        g_array_append_val (refs, ref);
    }
  return refs;
}

static void
run_group_action (TandemGroupsPage *self,
                  TandemGroupAction       action,
                  gint64            group,
                  gint64            to_group)
{
  g_autoptr(GArray) contacts = tandem_groups_page_get_selected_contacts (self);
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (TandemContactRef));
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemGroupsUndo) undo = g_new0 (TandemGroupsUndo, 1);
  g_autofree char *title = NULL;
  const char *name;
  AdwToast *toast;
  guint n = 0;

  for (guint i = 0; i < contacts->len; i++)
    {
      TandemContactRef ref = tandem_contact_get_ref (g_array_index (contacts, TandemContact *, i));

      g_array_append_val (refs, ref);
    }
  if (refs->len == 0 || group == 0)
    return;

  undo->action = action;
  undo->group = group;
  undo->to_group = to_group;
  switch (action)
    {
    case TANDEM_GROUP_ACTION_ADD:
      undo->changed = refs_where (contacts, group, FALSE);
      n = tandem_store_add_to_group (self->store, group, (TandemContactRef *) (gpointer) refs->data, refs->len,
                                     &error);
      name = tandem_groups_page_group_name (self, group);
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact added to “%s”",
                                            "%u contacts added to “%s”", n), n, name);
      break;
    case TANDEM_GROUP_ACTION_REMOVE:
      undo->changed = refs_where (contacts, group, TRUE);
      n = tandem_store_remove_from_group (self->store, group, (TandemContactRef *) (gpointer) refs->data,
                                          refs->len, &error);
      name = tandem_groups_page_group_name (self, group);
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact removed from “%s”",
                                            "%u contacts removed from “%s”", n), n, name);
      break;
    case TANDEM_GROUP_ACTION_MOVE:
    default:
      if (to_group == 0 || to_group == group)
        return;
      undo->changed = refs_where (contacts, group, TRUE);
      undo->added = refs_where (contacts, to_group, FALSE);
      n = tandem_store_move_to_group (self->store, group, to_group, (TandemContactRef *) (gpointer) refs->data,
                                      refs->len, &error);
      self->last_to_group = to_group;
      name = tandem_groups_page_group_name (self, to_group);
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact moved to “%s”",
                                            "%u contacts moved to “%s”", n), n, name);
      break;
    }
  if (error)
    {
      tandem_groups_page_show_message (self, error->message);
      return;
    }
  if (action == TANDEM_GROUP_ACTION_ADD)
    self->last_to_group = group;

  /* The list follows at once, not after the store's signal settles. */
  g_clear_handle_id (&self->reload_id, g_source_remove);
  tandem_groups_page_reload (self);

  toast = adw_toast_new (title);
  if (n > 0)
    {
      g_clear_pointer (&self->undo, tandem_groups_page_undo_free);
      self->undo = g_steal_pointer (&undo);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "groups.undo");
    }
  tandem_groups_page_show_toast (self, toast);
}

static void
on_group_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             TandemGroupsPage *self)
{
  TandemGroupAction action = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "tandem-action"));
  AdwComboRow *group_row = g_object_get_data (G_OBJECT (dialog), "tandem-group-row");
  AdwComboRow *to_row = g_object_get_data (G_OBJECT (dialog), "tandem-to-row");

  if (g_strcmp0 (response, "apply") != 0)
    return;
  run_group_action (self, action, row_group (self, group_row), to_row ? row_group (self, to_row) : 0);
}

static void
ask_group_action (TandemGroupsPage *self,
                  TandemGroupAction       action)
{
  g_autoptr(GArray) contacts = tandem_groups_page_get_selected_contacts (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  AdwComboRow *group_row, *to_row = NULL;
  GtkWidget *list;
  guint n = contacts->len;
  gint64 from;

  if (n == 0 || self->groups == NULL || self->groups->len == 0)
    return;

  from = likely_from (self, contacts);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  switch (action)
    {
    case TANDEM_GROUP_ACTION_ADD:
      adw_message_dialog_format_heading (dialog, g_dngettext (GETTEXT_PACKAGE, "Add %u Contact to a Group",
                                                              "Add %u Contacts to a Group", n), n);
      group_row = new_group_row (self, _("_Group"), "group", likely_to (self, 0));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", _("_Add"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
      break;
    case TANDEM_GROUP_ACTION_REMOVE:
      adw_message_dialog_format_heading (dialog, g_dngettext (GETTEXT_PACKAGE, "Remove %u Contact from a Group",
                                                              "Remove %u Contacts from a Group", n), n);
      adw_message_dialog_set_body (dialog, _("The companies and people themselves stay."));
      group_row = new_group_row (self, _("_Group"), "group", from);
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", _("_Remove"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_DESTRUCTIVE);
      break;
    case TANDEM_GROUP_ACTION_MOVE:
    default:
      adw_message_dialog_format_heading (dialog, g_dngettext (GETTEXT_PACKAGE, "Move %u Contact to Another Group",
                                                              "Move %u Contacts to Another Group", n), n);
      group_row = new_group_row (self, _("_From"), "from-group", from);
      to_row = new_group_row (self, _("_To"), "to-group", likely_to (self, from));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", _("_Move"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
      break;
    }
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (group_row));
  if (to_row)
    gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (to_row));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data (G_OBJECT (dialog), "tandem-action", GINT_TO_POINTER (action));
  g_object_set_data (G_OBJECT (dialog), "tandem-group-row", group_row);
  g_object_set_data (G_OBJECT (dialog), "tandem-to-row", to_row);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_group_dialog_response_cb), self, 0);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions ------------------------------------------------------------------ */

static void
add_to_group_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ask_group_action (TANDEM_GROUPS_PAGE (widget), TANDEM_GROUP_ACTION_ADD);
}

static void
remove_from_group_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ask_group_action (TANDEM_GROUPS_PAGE (widget), TANDEM_GROUP_ACTION_REMOVE);
}

static void
move_to_group_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ask_group_action (TANDEM_GROUPS_PAGE (widget), TANDEM_GROUP_ACTION_MOVE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemGroupsPage *self = TANDEM_GROUPS_PAGE (widget);
  g_autoptr(TandemGroupsUndo) undo = g_steal_pointer (&self->undo);
  g_autoptr(GError) error = NULL;
  TandemContactRef *changed, *added;

  if (undo == NULL)
    return;
  changed = (TandemContactRef *) (gpointer) undo->changed->data;
  switch (undo->action)
    {
    case TANDEM_GROUP_ACTION_ADD:
      tandem_store_remove_from_group (self->store, undo->group, changed, undo->changed->len, &error);
      break;
    case TANDEM_GROUP_ACTION_REMOVE:
      tandem_store_add_to_group (self->store, undo->group, changed, undo->changed->len, &error);
      break;
    case TANDEM_GROUP_ACTION_MOVE:
    default:
      /* Out of the group it went to, if it was not there before, and back
       * into the one it left. */
      added = (TandemContactRef *) (gpointer) undo->added->data;
      if (undo->added->len > 0)
        tandem_store_remove_from_group (self->store, undo->to_group, added, undo->added->len, &error);
      if (error == NULL && undo->changed->len > 0)
        tandem_store_add_to_group (self->store, undo->group, changed, undo->changed->len, &error);
      break;
    }
  if (error)
    tandem_groups_page_show_message (self, error->message);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  tandem_groups_page_reload (self);
}

/* Private API -------------------------------------------------------------- */

void
tandem_groups_page_undo_free (TandemGroupsUndo *undo)
{
  g_clear_pointer (&undo->changed, g_array_unref);
  g_clear_pointer (&undo->added, g_array_unref);
  g_free (undo);
}

void
tandem_groups_page_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "groups.add-to-group", NULL, add_to_group_action);
  gtk_widget_class_install_action (widget_class, "groups.remove-from-group", NULL, remove_from_group_action);
  gtk_widget_class_install_action (widget_class, "groups.move-to-group", NULL, move_to_group_action);
  gtk_widget_class_install_action (widget_class, "groups.undo", NULL, undo_action);
}
