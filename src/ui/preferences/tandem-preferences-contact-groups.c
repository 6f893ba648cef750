/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPreferencesWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-error.h"
#include "tandem-preferences-window-private.h"

/* The Contact Groups page of the preferences window (SPEC I1, L1): the
 * groups companies and people are put on, such as the mailing list or
 * "Do not contact", in the order cards and the group screen show them.
 * Administrators add, rename, move and delete them and mark those whose
 * members are left out of label sheets; others see the list as it is. */

typedef struct
{
  TandemPreferencesWindow *window;   /* owns this */
  TandemStore             *store;
  AdwPreferencesPage      *page;
  AdwPreferencesGroup     *group;
  GtkWidget               *new_group;
  AdwEntryRow             *new_row;
  GPtrArray               *rows;
  /* What the rows show, so that a change made in a row, which the row
   * already shows, does not rebuild the list under the pointer. */
  char                    *shown;
  gboolean                 is_admin;
  /* Set while a row's controls are filled in, not changed by the user */
  gboolean                 filling;
  AdwToast                *toast;    /* the last one shown */
  GtkWindow               *dialog;   /* the delete confirmation, while open */
} GroupsPage;

/* Undo of a deletion: the group as it was, and its place in the list. */
typedef struct
{
  GroupsPage         *self;
  TandemContactGroup *group;
  guint               index;
} PendingGroup;

#define GROUPS_KEY "tandem-preferences-contact-groups"

/* The parts of a row a test or the focus can ask for, by name. */
static const char * const row_parts[] = { "menu", "name", "do-not-contact", NULL };

static void refresh_groups (GroupsPage *self);

/* Helpers */

static GroupsPage *
get_page (TandemPreferencesWindow *window)
{
  return g_object_get_data (G_OBJECT (window), GROUPS_KEY);
}

static void
groups_page_free (gpointer data)
{
  GroupsPage *self = data;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_free);
  g_clear_object (&self->toast);
  g_clear_weak_pointer (&self->dialog);
  g_clear_object (&self->page);
  g_clear_object (&self->store);
  g_free (self);
}

static void
pending_group_free (gpointer data)
{
  PendingGroup *pending = data;

  g_clear_object (&pending->group);
  g_free (pending);
}

static AdwToast *
new_toast (const char *title)
{
  /* Toast titles are markup; names and messages are plain text. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  return adw_toast_new (escaped);
}

static void
show_toast (GroupsPage *self,
            AdwToast   *shown)
{
  g_set_object (&self->toast, shown);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self->window), shown);
}

static void
toast (GroupsPage *self,
       const char *title)
{
  show_toast (self, new_toast (title));
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *format,
                      const char *name)
{
  g_autofree char *label = g_strdup_printf (format, name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static gint64
row_id (GtkWidget *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "tandem-item-id");

  return id ? *id : 0;
}

static GtkWidget *
row_part (GtkWidget  *row,
          const char *part)
{
  g_autofree char *key = g_strconcat ("tandem-part-", part, NULL);

  return g_object_get_data (G_OBJECT (row), key);
}

static void
set_row_part (GtkWidget  *row,
              const char *part,
              GtkWidget  *widget)
{
  g_autofree char *key = g_strconcat ("tandem-part-", part, NULL);

  g_object_set_data (G_OBJECT (row), key, widget);
}

static GtkWidget *
find_row_by_id (GroupsPage *self,
                gint64      id)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (row_id (g_ptr_array_index (self->rows, i)) == id)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

static char *
groups_shown (GPtrArray *groups,
              gboolean   is_admin)
{
  GString *shown = g_string_new (is_admin ? "admin\x1e" : "\x1e");

  for (guint i = 0; i < groups->len; i++)
    {
      TandemContactGroup *group = g_ptr_array_index (groups, i);

      g_string_append_printf (shown, "%" G_GINT64_FORMAT "\x1f%s\x1f%d\x1f%u\x1e",
                              tandem_contact_group_get_id (group), tandem_contact_group_get_name (group),
                              tandem_contact_group_get_do_not_contact (group),
                              tandem_contact_group_get_n_members (group));
    }
  return g_string_free (shown, FALSE);
}

/* After a change made in a row, which the row already shows */
static void
remember_groups (GroupsPage *self)
{
  g_autoptr(GPtrArray) groups = tandem_store_list_contact_groups (self->store, NULL);

  g_clear_pointer (&self->shown, g_free);
  if (groups != NULL)
    self->shown = groups_shown (groups, self->is_admin);
}

/* "3 members · Left out of label sheets" */
static char *
describe_group (TandemContactGroup *group)
{
  guint n = tandem_contact_group_get_n_members (group);
  g_autofree char *members = NULL;

  if (n == 0)
    members = g_strdup (_("No members"));
  else
    /* Translators: the number of companies and people in a contact group */
    members = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n), n);
  if (!tandem_contact_group_get_do_not_contact (group))
    return g_steal_pointer (&members);
  /* Translators: a contact group's number of members and that they are
   * not sent mail, e.g. "3 members · Left out of label sheets" */
  return g_strdup_printf (_("%s · %s"), members, _("Left out of label sheets"));
}

/* Saves @groups in their order, in one transaction. */
static gboolean
save_order (GroupsPage  *self,
            GPtrArray   *groups,
            GError     **error)
{
  if (!tandem_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < groups->len; i++)
    {
      TandemContactGroup *group = g_ptr_array_index (groups, i);

      /* Positions start at 1: 0 asks the store for the end of the list. */
      if (tandem_contact_group_get_position (group) == (int) i + 1)
        continue;
      tandem_contact_group_set_position (group, i + 1);
      if (tandem_store_save_contact_group (self->store, group, error) == 0)
        {
          tandem_store_rollback (self->store);
          return FALSE;
        }
    }
  return tandem_store_commit (self->store, error);
}

static gboolean
move_group (GroupsPage  *self,
            gint64       id,
            int          delta,
            GError     **error)
{
  g_autoptr(GPtrArray) groups = tandem_store_list_contact_groups (self->store, error);
  guint from = G_MAXUINT;
  gpointer moved;

  if (groups == NULL)
    return FALSE;
  for (guint i = 0; i < groups->len && from == G_MAXUINT; i++)
    if (tandem_contact_group_get_id (g_ptr_array_index (groups, i)) == id)
      from = i;
  if (from == G_MAXUINT)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("The entry was deleted meanwhile"));
      return FALSE;
    }
  if ((delta < 0 && from == 0) || (delta > 0 && from + 1 >= groups->len))
    return TRUE;

  moved = groups->pdata[from];
  groups->pdata[from] = groups->pdata[from + delta];
  groups->pdata[from + delta] = moved;
  return save_order (self, groups, error);
}

/* Adds @group (without an id) at @index of the list; returns its id. */
static gint64
insert_group (GroupsPage          *self,
              TandemContactGroup  *group,
              guint                index,
              GError             **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  gint64 id;

  if (!tandem_store_begin (self->store, error))
    return 0;
  tandem_contact_group_set_position (group, 0);
  id = tandem_store_save_contact_group (self->store, group, error);
  if (id != 0)
    groups = tandem_store_list_contact_groups (self->store, error);
  if (groups != NULL)
    {
      guint at = G_MAXUINT;

      for (guint i = 0; i < groups->len; i++)
        if (tandem_contact_group_get_id (g_ptr_array_index (groups, i)) == id)
          at = i;
      if (at != G_MAXUINT)
        {
          gpointer added = g_ptr_array_steal_index (groups, at);

          g_ptr_array_insert (groups, MIN (index, groups->len), added);
        }
    }
  if (groups == NULL || !save_order (self, groups, error))
    {
      tandem_store_rollback (self->store);
      return 0;
    }
  if (!tandem_store_commit (self->store, error))
    return 0;
  return id;
}

/* Shows @group as stored in the header of its row and the labels that
 * name it. */
static void
label_row (GroupsPage         *self,
           GtkWidget          *row,
           TandemContactGroup *group)
{
  const char *name = tandem_contact_group_get_name (group);
  g_autofree char *subtitle = describe_group (group);
  GtkWidget *toggle = row_part (row, "do-not-contact");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  self->filling = TRUE;
  gtk_switch_set_active (GTK_SWITCH (toggle), tandem_contact_group_get_do_not_contact (group));
  self->filling = FALSE;
  /* Translators: the accessible name of a menu button; %s is a contact group */
  set_accessible_label (row_part (row, "menu"), _("Options for “%s”"), name);
  /* Translators: the accessible name of a switch; %s is a contact group */
  set_accessible_label (toggle, _("Leave the members of “%s” out of label sheets"), name);
}

/* Changes the group of @row as stored now and shows the result, or says
 * why not and shows it as it was. */
static gboolean
change_group (GroupsPage *self,
              GtkWidget  *row,
              gboolean  (*change) (TandemContactGroup *group, gpointer data),
              gpointer    data)
{
  g_autoptr(TandemContactGroup) group = NULL;
  g_autoptr(TandemContactGroup) saved = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  group = tandem_store_get_contact_group (self->store, row_id (row), &error);
  if (group != NULL && !change (group, data))
    return TRUE;
  ok = group != NULL && tandem_store_save_contact_group (self->store, group, &error) != 0;
  if (!ok)
    toast (self, error->message);
  saved = tandem_store_get_contact_group (self->store, row_id (row), NULL);
  if (saved != NULL)
    label_row (self, row, saved);
  remember_groups (self);
  return ok;
}

static gboolean
set_group_name (TandemContactGroup *group,
                gpointer            data)
{
  /* Keeping the name as shown keeps a shipped group translated. */
  if (g_strcmp0 (data, tandem_contact_group_get_name (group)) == 0)
    return FALSE;
  tandem_contact_group_set_name (group, data);
  return TRUE;
}

static gboolean
set_group_do_not_contact (TandemContactGroup *group,
                          gpointer            data)
{
  gboolean do_not_contact = GPOINTER_TO_INT (data);

  if (tandem_contact_group_get_do_not_contact (group) == do_not_contact)
    return FALSE;
  tandem_contact_group_set_do_not_contact (group, do_not_contact);
  return TRUE;
}

/* Where the keyboard focus is among the rows, to put it back on the same
 * control once the rows are built again. */
typedef struct
{
  gboolean    inside;
  gint64      id;
  guint       index;
  const char *part;
} FocusPlace;

static FocusPlace
find_focus (GroupsPage *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self->window));
  FocusPlace place = { FALSE, 0, 0, NULL };

  for (guint i = 0; focus != NULL && i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (focus != row && !gtk_widget_is_ancestor (focus, row))
        continue;
      place.inside = TRUE;
      place.id = row_id (row);
      place.index = i;
      for (guint p = 0; row_parts[p] != NULL; p++)
        {
          GtkWidget *widget = row_part (row, row_parts[p]);

          if (widget != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
            place.part = row_parts[p];
        }
    }
  return place;
}

static void
focus_widget (GtkWidget *widget)
{
  /* An expander row takes the focus on its header. */
  if (!gtk_widget_grab_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
restore_focus (GroupsPage *self,
               FocusPlace *place)
{
  GtkWidget *row;
  GtkWidget *widget = NULL;

  if (!place->inside || self->rows->len == 0)
    return;

  row = find_row_by_id (self, place->id);
  if (row == NULL)
    {
      /* The group is gone: the row that took its place. */
      focus_widget (g_ptr_array_index (self->rows, MIN (place->index, self->rows->len - 1)));
      return;
    }
  if (place->part != NULL)
    widget = row_part (row, place->part);
  if (widget == NULL || !gtk_widget_get_sensitive (widget))
    widget = row;
  focus_widget (widget);
}

/* Callbacks */

static void
on_entry_changed_cb (GtkWidget *entry)
{
  gtk_widget_remove_css_class (entry, "error");
}

static void
on_name_apply_cb (AdwEntryRow *entry,
                  GroupsPage  *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entry), ADW_TYPE_EXPANDER_ROW);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  /* An empty name would give a shipped group its shipped name back,
   * silently losing the administrator's: say so instead. */
  if (text[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      toast (self, _("A contact group needs a name"));
      return;
    }
  if (!change_group (self, row, set_group_name, text))
    {
      /* What was typed stays, so that it can be corrected. */
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
on_do_not_contact_cb (GtkSwitch  *toggle,
                      GParamSpec *pspec,
                      GroupsPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (toggle), ADW_TYPE_EXPANDER_ROW);

  if (!self->filling)
    change_group (self, row, set_group_do_not_contact, GINT_TO_POINTER (gtk_switch_get_active (toggle)));
}

static void
on_move_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  GtkWidget *row = data;
  GroupsPage *self = g_object_get_data (G_OBJECT (row), "tandem-groups-page");
  int delta = g_str_equal (g_action_get_name (G_ACTION (action)), "move-up") ? -1 : +1;
  g_autoptr(GError) error = NULL;

  if (!move_group (self, row_id (row), delta, &error))
    toast (self, error->message);
}

static void
on_undo_clicked_cb (AdwToast     *undone,
                    PendingGroup *pending)
{
  g_autoptr(TandemContactGroup) group = tandem_contact_group_new (tandem_contact_group_get_name (pending->group));
  g_autoptr(GError) error = NULL;

  tandem_contact_group_set_do_not_contact (group, tandem_contact_group_get_do_not_contact (pending->group));
  if (insert_group (pending->self, group, pending->index, &error) == 0)
    toast (pending->self, error->message);
}

static void
delete_group (GroupsPage         *self,
              TandemContactGroup *group,
              gboolean            undoable)
{
  g_autoptr(GError) error = NULL;
  /* Translators: %s is the name of a contact group that was deleted */
  g_autofree char *title = g_strdup_printf (_("“%s” deleted"), tandem_contact_group_get_name (group));
  GtkWidget *row = find_row_by_id (self, tandem_contact_group_get_id (group));
  AdwToast *deleted;
  PendingGroup *pending;
  guint index = 0;

  if (row != NULL)
    g_ptr_array_find (self->rows, row, &index);
  if (!tandem_store_delete_contact_group (self->store, tandem_contact_group_get_id (group), &error))
    {
      toast (self, error->message);
      return;
    }
  deleted = new_toast (title);
  if (undoable)
    {
      pending = g_new0 (PendingGroup, 1);
      pending->self = self;
      pending->group = g_object_ref (group);
      pending->index = index;
      adw_toast_set_button_label (deleted, _("_Undo"));
      g_signal_connect_data (deleted, "button-clicked", G_CALLBACK (on_undo_clicked_cb), pending,
                             (GClosureNotify) (void (*) (void)) pending_group_free, 0);
    }
  show_toast (self, deleted);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PendingGroup     *pending)
{
  if (g_strcmp0 (response, "delete") == 0)
    delete_group (pending->self, pending->group, FALSE);
}

/* An empty group is deleted at once, with Undo; one with members is asked
 * about first, since Undo could not put them back. */
static void
on_delete_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       data)
{
  GtkWidget *row = data;
  GroupsPage *self = g_object_get_data (G_OBJECT (row), "tandem-groups-page");
  g_autoptr(TandemContactGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  PendingGroup *pending;
  GtkWidget *dialog;
  guint n;

  group = tandem_store_get_contact_group (self->store, row_id (row), &error);
  if (group == NULL)
    {
      toast (self, error->message);
      return;
    }
  n = tandem_contact_group_get_n_members (group);
  if (n == 0)
    {
      delete_group (self, group, TRUE);
      return;
    }

  /* Translators: %s is the name of a contact group, such as Mailing list */
  heading = g_strdup_printf (_("Delete Contact Group “%s”?"), tandem_contact_group_get_name (group));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u member leaves this group. The company or person itself is not deleted.",
                                       "%u members leave this group. The companies and people themselves are not deleted.",
                                       n),
                          n);
  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading, body);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  pending = g_new0 (PendingGroup, 1);
  pending->self = self;
  pending->group = g_steal_pointer (&group);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response_cb),
                         pending, (GClosureNotify) (void (*) (void)) pending_group_free, 0);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_new_apply_cb (AdwEntryRow *entry,
                 GroupsPage  *self)
{
  g_autoptr(TandemContactGroup) group = tandem_contact_group_new (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_autoptr(GError) error = NULL;

  if (tandem_store_save_contact_group (self->store, group, &error) == 0)
    {
      /* Keep what was typed, so that it can be corrected. */
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      toast (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Building */

/* Moving and deleting are in a menu, as on the Sales page. */
static void
add_menu (GroupsPage *self,
          GtkWidget  *row,
          gboolean    first,
          gboolean    last)
{
  static const GActionEntry entries[] = {
    { .name = "move-up", .activate = on_move_action_cb },
    { .name = "move-down", .activate = on_move_action_cb },
    { .name = "delete", .activate = on_delete_action_cb },
  };
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) deletion = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_object_set_data (G_OBJECT (row), "tandem-groups-page", self);
  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries), row);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (actions), "move-up")),
                               !first);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (actions), "move-down")),
                               !last);
  gtk_widget_insert_action_group (row, "group", G_ACTION_GROUP (actions));
  g_object_set_data_full (G_OBJECT (row), "tandem-actions", g_object_ref (actions), g_object_unref);

  g_menu_append (moves, _("Move _Up"), "group.move-up");
  g_menu_append (moves, _("Move _Down"), "group.move-down");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append (deletion, _("_Delete"), "group.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (deletion));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("More Options"));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
  set_row_part (row, "menu", button);
}

static GtkWidget *
build_admin_row (GroupsPage         *self,
                 TandemContactGroup *group,
                 gboolean            first,
                 gboolean            last)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *entry = adw_entry_row_new ();
  GtkWidget *toggle_row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  gint64 id = tandem_contact_group_get_id (group);

  /* Names come from administrators: show them as typed, never as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "tandem-item-id", g_memdup2 (&id, sizeof id), g_free);
  add_menu (self, row, first, last);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), tandem_contact_group_get_name (group));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
  set_row_part (row, "name", entry);
  g_signal_connect (entry, "apply", G_CALLBACK (on_name_apply_cb), self);
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed_cb), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (toggle_row), _("Do Not Contact"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (toggle_row),
                               _("Members are left out of label sheets unless asked for"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (toggle_row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (toggle_row), toggle);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), toggle_row);
  set_row_part (row, "do-not-contact", toggle);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_do_not_contact_cb), self);

  label_row (self, row, group);
  return row;
}

static GtkWidget *
build_plain_row (TandemContactGroup *group)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_group (group);
  gint64 id = tandem_contact_group_get_id (group);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_contact_group_get_name (group));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "tandem-item-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

static void
add_row (GroupsPage *self,
         GtkWidget  *row)
{
  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
}

static void
add_message_row (GroupsPage *self,
                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  add_row (self, row);
}

static void
clear_rows (GroupsPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->shown, g_free);
}

static void
refresh_groups (GroupsPage *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GHashTable) expanded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  FocusPlace focus;

  groups = tandem_store_list_contact_groups (self->store, &error);
  if (groups != NULL)
    shown = groups_shown (groups, self->is_admin);
  if (shown != NULL && g_strcmp0 (shown, self->shown) == 0)
    return;

  /* Rows that were open stay open. */
  expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      gint64 id = row_id (row);

      if (ADW_IS_EXPANDER_ROW (row) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_hash_table_add (expanded, g_memdup2 (&id, sizeof id));
    }
  focus = find_focus (self);
  clear_rows (self);
  if (groups == NULL)
    {
      add_message_row (self, error->message);
      return;
    }
  if (groups->len == 0)
    add_message_row (self, _("No contact groups yet"));

  for (guint i = 0; i < groups->len; i++)
    {
      TandemContactGroup *group = g_ptr_array_index (groups, i);
      gint64 id = tandem_contact_group_get_id (group);
      GtkWidget *row;

      if (self->is_admin)
        {
          row = build_admin_row (self, group, i == 0, i + 1 == groups->len);
          if (g_hash_table_contains (expanded, &id))
            adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
        }
      else
        row = build_plain_row (group);
      add_row (self, row);
    }
  self->shown = g_steal_pointer (&shown);
  restore_focus (self, &focus);
}

/* Setting up */

void
tandem_preferences_window_setup_contact_groups (TandemPreferencesWindow *window,
                                                TandemStore             *store,
                                                AdwPreferencesPage      *page)
{
  GroupsPage *self = g_new0 (GroupsPage, 1);

  self->window = window;
  self->store = g_object_ref (store);
  self->page = g_object_ref (page);
  self->rows = g_ptr_array_new ();

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Contact Groups"));
  adw_preferences_page_add (page, self->group);

  self->new_group = adw_preferences_group_new ();
  self->new_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_row), _("New contact group"));
  adw_entry_row_set_show_apply_button (self->new_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->new_group), GTK_WIDGET (self->new_row));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (self->new_group));
  g_signal_connect (self->new_row, "apply", G_CALLBACK (on_new_apply_cb), self);
  g_signal_connect (self->new_row, "changed", G_CALLBACK (on_entry_changed_cb), NULL);

  g_object_set_data_full (G_OBJECT (window), GROUPS_KEY, self, groups_page_free);
}

void
tandem_preferences_window_refresh_contact_groups (TandemPreferencesWindow *window,
                                                  gboolean                 is_admin)
{
  GroupsPage *self = get_page (window);

  g_return_if_fail (self != NULL);

  if (self->is_admin != is_admin)
    g_clear_pointer (&self->shown, g_free);
  self->is_admin = is_admin;
  /* Everyone sees the groups that cards offer; only administrators keep
   * them (SPEC L1), and others never see controls the store would refuse. */
  gtk_widget_set_visible (self->new_group, is_admin);
  adw_preferences_group_set_description (self->group,
                                         is_admin
                                         ? _("Lists that companies and people are put on, such as a mailing list, in the order cards show them. Members of a Do Not Contact group are left out of label sheets.")
                                         : _("Lists that companies and people are put on, such as a mailing list. Only an administrator changes them."));
  refresh_groups (self);
}

/* Public API */

GtkWidget *
tandem_preferences_window_get_contact_groups_page (TandemPreferencesWindow *self)
{
  GroupsPage *page;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  page = get_page (self);
  return page ? GTK_WIDGET (page->page) : NULL;
}

GtkWidget *
tandem_preferences_window_get_new_contact_group_row (TandemPreferencesWindow *self)
{
  GroupsPage *page;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  page = get_page (self);
  return page ? GTK_WIDGET (page->new_row) : NULL;
}

GtkWidget *
tandem_preferences_window_find_contact_group_row (TandemPreferencesWindow *self,
                                                  const char              *title)
{
  GroupsPage *page;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  page = get_page (self);
  for (guint i = 0; page != NULL && i < page->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (page->rows, i);

      if (row_id (row) != 0 &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return row;
    }
  return NULL;
}

GtkWidget *
tandem_preferences_window_get_nth_contact_group_row (TandemPreferencesWindow *self,
                                                     guint                    n)
{
  GroupsPage *page;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  page = get_page (self);
  return page != NULL && n < page->rows->len ? g_ptr_array_index (page->rows, n) : NULL;
}

GtkWidget *
tandem_preferences_window_get_contact_group_row_part (GtkWidget  *row,
                                                      const char *part)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);
  g_return_val_if_fail (part != NULL, NULL);

  return row_part (row, part);
}

GAction *
tandem_preferences_window_get_contact_group_row_action (GtkWidget  *row,
                                                        const char *name)
{
  GActionMap *actions;

  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  actions = g_object_get_data (G_OBJECT (row), "tandem-actions");
  return actions ? g_action_map_lookup_action (actions, name) : NULL;
}

AdwToast *
tandem_preferences_window_get_contact_groups_toast (TandemPreferencesWindow *self)
{
  GroupsPage *page;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  page = get_page (self);
  return page ? page->toast : NULL;
}

GtkWindow *
tandem_preferences_window_get_contact_groups_dialog (TandemPreferencesWindow *self)
{
  GroupsPage *page;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  page = get_page (self);
  return page ? page->dialog : NULL;
}
