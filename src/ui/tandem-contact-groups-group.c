/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemContactGroupsGroup"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-contact-groups-group.h"

struct _TandemContactGroupsGroup
{
  AdwPreferencesGroup parent_instance;

  TandemStore *store;
  gulong       changed_id;
  TandemKind   kind;
  gint64       id;
  GPtrArray   *rows;
  /* The groups the rows were built for, so that a change of membership
   * only moves ticks and never rebuilds the row under the focus. */
  char        *shown;
  /* Set while the ticks are put to what the store has */
  gboolean     syncing;
  char        *last_error;
};

G_DEFINE_FINAL_TYPE (TandemContactGroupsGroup, tandem_contact_groups_group, ADW_TYPE_PREFERENCES_GROUP)

/* Helpers */

static gint64
row_group_id (GtkWidget *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "tandem-group-id");

  return id ? *id : 0;
}

static char *
groups_shown (GPtrArray *groups)
{
  GString *shown = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      TandemContactGroup *group = g_ptr_array_index (groups, i);

      g_string_append_printf (shown, "%" G_GINT64_FORMAT "\x1f%s\x1f%d\x1e",
                              tandem_contact_group_get_id (group), tandem_contact_group_get_name (group),
                              tandem_contact_group_get_do_not_contact (group));
    }
  return g_string_free (shown, FALSE);
}

static void
clear_rows (TandemContactGroupsGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->shown, g_free);
}

static void
add_message_row (TandemContactGroupsGroup *self,
                 const char               *title,
                 const char               *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "dim-label");
  g_ptr_array_add (self->rows, row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

static void
show_error (TandemContactGroupsGroup *self,
            const char               *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  /* Toast titles are markup; messages are plain text. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  g_free (self->last_error);
  self->last_error = g_strdup (message);

  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    {
      g_warning ("Could not change the contact groups: %s", message);
      g_object_unref (g_object_ref_sink (toast));
    }
}

static void
update_description (TandemContactGroupsGroup *self)
{
  const char *description;

  if (self->id != 0 && self->kind == TANDEM_KIND_PERSON)
    description = _("A person can be in several groups; a tick is saved at once");
  else if (self->id != 0)
    description = _("A company can be in several groups; a tick is saved at once");
  else if (self->kind == TANDEM_KIND_PERSON)
    description = _("Save the person first to choose their groups");
  else
    description = _("Save the company first to choose its groups");
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
}

/* Callbacks */

static void
on_check_toggled_cb (GtkCheckButton           *check,
                     TandemContactGroupsGroup *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW);
  TandemContactRef ref = { self->kind, self->id };
  g_autoptr(GError) error = NULL;
  gint64 group_id;

  if (self->syncing || self->store == NULL || self->id == 0 || row == NULL)
    return;

  group_id = row_group_id (row);
  /* Keeps the row while the store's "changed" may rebuild the list. */
  g_object_ref (row);
  if (gtk_check_button_get_active (check))
    tandem_store_add_to_group (self->store, group_id, &ref, 1, &error);
  else
    tandem_store_remove_from_group (self->store, group_id, &ref, 1, &error);
  if (error != NULL)
    {
      show_error (self, error->message);
      /* The ticks show what the store has, not what was refused. */
      tandem_contact_groups_group_reload (self);
    }
  g_object_unref (row);
}

static void
on_store_changed_cb (TandemContactGroupsGroup *self,
                     int                       kind,
                     gint64                    id,
                     TandemStore              *store)
{
  /* Settings (the groups themselves) or this record's memberships */
  if (kind == TANDEM_KIND_NONE || (kind == (int) self->kind && id == self->id))
    tandem_contact_groups_group_reload (self);
}

/* Building */

static GtkWidget *
create_row (TandemContactGroupsGroup *self,
            TandemContactGroup       *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *name = tandem_contact_group_get_name (group);
  gint64 id = tandem_contact_group_get_id (group);

  /* Names come from administrators: show them as typed, never as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (tandem_contact_group_get_do_not_contact (group))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("action-unavailable-symbolic");

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Left out of label sheets"));
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_widget_set_tooltip_text (icon, _("Do not contact"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Do not contact"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  /* Enter or Space on the row ticks it, as a click anywhere on it. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (row), "tandem-group-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data (G_OBJECT (row), "tandem-check", check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, 0);
  return row;
}

static void
rebuild_rows (TandemContactGroupsGroup *self,
              GPtrArray                *groups)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gint64 focus_id = 0;

  /* The focus stays on the same group's row. */
  for (guint i = 0; focus != NULL && i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (focus == row || gtk_widget_is_ancestor (focus, row))
        focus_id = row_group_id (row);
    }

  clear_rows (self);
  if (groups->len == 0)
    {
      add_message_row (self, _("No contact groups yet"),
                       _("An administrator defines groups such as a mailing list in Preferences"));
      return;
    }
  for (guint i = 0; i < groups->len; i++)
    {
      GtkWidget *row = create_row (self, g_ptr_array_index (groups, i));

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      if (focus_id != 0 && row_group_id (row) == focus_id)
        gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "tandem-check"));
    }
  self->shown = groups_shown (groups);
}

/* Overrides */

static void
tandem_contact_groups_group_dispose (GObject *object)
{
  TandemContactGroupsGroup *self = TANDEM_CONTACT_GROUPS_GROUP (object);

  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (tandem_contact_groups_group_parent_class)->dispose (object);
}

static void
tandem_contact_groups_group_class_init (TandemContactGroupsGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_contact_groups_group_dispose;
}

static void
tandem_contact_groups_group_init (TandemContactGroupsGroup *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Contact Groups"));
}

/* Public API */

void
tandem_contact_groups_group_set_contact (TandemContactGroupsGroup *self,
                                         TandemStore              *store,
                                         TandemKind                kind,
                                         gint64                    id)
{
  g_return_if_fail (TANDEM_IS_CONTACT_GROUPS_GROUP (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));
  g_return_if_fail (kind == TANDEM_KIND_COMPANY || kind == TANDEM_KIND_PERSON);

  if (self->store != store)
    {
      if (self->store)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store)
        self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb),
                                                    self, G_CONNECT_SWAPPED);
    }
  if (self->kind != kind || self->id != id)
    g_clear_pointer (&self->last_error, g_free);
  self->kind = kind;
  self->id = id;
  update_description (self);
  tandem_contact_groups_group_reload (self);
}

void
tandem_contact_groups_group_reload (TandemContactGroupsGroup *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) member_of = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;

  g_return_if_fail (TANDEM_IS_CONTACT_GROUPS_GROUP (self));

  if (self->store == NULL)
    {
      clear_rows (self);
      return;
    }

  groups = tandem_store_list_contact_groups (self->store, &error);
  if (groups == NULL)
    {
      clear_rows (self);
      add_message_row (self, error->message, NULL);
      return;
    }
  shown = groups_shown (groups);
  if (g_strcmp0 (shown, self->shown) != 0)
    rebuild_rows (self, groups);

  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (self->id != 0)
    member_of = tandem_store_list_groups_of (self->store, self->kind, self->id, &error);
  if (member_of == NULL && error != NULL)
    /* The record may just have been deleted; the card is going away. */
    g_debug ("Could not read the contact groups of the record: %s", error->message);
  for (guint i = 0; member_of != NULL && i < member_of->len; i++)
    {
      gint64 id = tandem_contact_group_get_id (g_ptr_array_index (member_of, i));

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }

  self->syncing = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "tandem-check");
      gint64 id = row_group_id (row);

      if (check == NULL)
        continue;
      gtk_check_button_set_active (check, g_hash_table_contains (ids, &id));
      gtk_widget_set_sensitive (row, self->id != 0);
    }
  self->syncing = FALSE;
}

AdwActionRow *
tandem_contact_groups_group_find_row (TandemContactGroupsGroup *self,
                                      const char               *name)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT_GROUPS_GROUP (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (g_object_get_data (G_OBJECT (row), "tandem-check") != NULL &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
        return ADW_ACTION_ROW (row);
    }
  return NULL;
}

GtkCheckButton *
tandem_contact_groups_group_get_row_check (AdwActionRow *row)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);
  return g_object_get_data (G_OBJECT (row), "tandem-check");
}

guint
tandem_contact_groups_group_get_n_rows (TandemContactGroupsGroup *self)
{
  guint n = 0;

  g_return_val_if_fail (TANDEM_IS_CONTACT_GROUPS_GROUP (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_object_get_data (G_OBJECT (g_ptr_array_index (self->rows, i)), "tandem-check") != NULL)
      n++;
  return n;
}

const char *
tandem_contact_groups_group_get_last_error (TandemContactGroupsGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT_GROUPS_GROUP (self), NULL);
  return self->last_error;
}
