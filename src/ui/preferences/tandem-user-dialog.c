/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemUserDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-error.h"
#include "tandem-password-dialog.h"
#include "tandem-user-dialog-private.h"

struct _TandemUserDialog
{
  AdwWindow            parent_instance;

  TandemStore         *store;
  TandemUser          *user;         /* NULL while adding */
  GHashTable          *group_checks; /* group name → GtkCheckButton */

  GtkLabel            *error_label;
  AdwEntryRow         *login_row;
  AdwActionRow        *login_info_row;
  GtkLabel            *login_label;
  AdwEntryRow         *name_row;
  AdwPasswordEntryRow *password_row;
  AdwPasswordEntryRow *confirm_row;
  AdwActionRow        *set_password_row;
  AdwComboRow         *role_row;
  AdwActionRow        *active_row;
  GtkSwitch           *active_switch;
  AdwPreferencesGroup *groups_group;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (TandemUserDialog, tandem_user_dialog, ADW_TYPE_WINDOW)

static gboolean
is_filled (gpointer editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));

  return text[0] != '\0';
}

static gboolean
can_save (TandemUserDialog *self)
{
  if (!is_filled (self->name_row))
    return FALSE;
  if (self->user != NULL)
    return TRUE;
  return is_filled (self->login_row) &&
         gtk_editable_get_text (GTK_EDITABLE (self->password_row))[0] != '\0' &&
         gtk_editable_get_text (GTK_EDITABLE (self->confirm_row))[0] != '\0';
}

static void
show_error (TandemUserDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static GStrv
collect_groups (TandemUserDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer name, check;

  g_hash_table_iter_init (&iter, self->group_checks);
  while (g_hash_table_iter_next (&iter, &name, &check))
    if (gtk_check_button_get_active (check))
      g_strv_builder_add (builder, name);
  return g_strv_builder_end (builder);
}

static gboolean
add_user (TandemUserDialog  *self,
          GError           **error)
{
  g_auto(GStrv) groups = collect_groups (self);
  g_autoptr(TandemUser) user = NULL;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                 gtk_editable_get_text (GTK_EDITABLE (self->confirm_row))) != 0)
    {
      g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The passwords do not match"));
      gtk_widget_add_css_class (GTK_WIDGET (self->confirm_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
      return FALSE;
    }

  user = tandem_store_add_user (self->store,
                                gtk_editable_get_text (GTK_EDITABLE (self->login_row)),
                                gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                adw_combo_row_get_selected (self->role_row),
                                (const char * const *) groups,
                                error);
  return user != NULL;
}

static gboolean
update_user (TandemUserDialog  *self,
             GError           **error)
{
  g_auto(GStrv) groups = collect_groups (self);
  g_autoptr(TandemUser) copy = NULL;

  /* Edit a copy, so that a refused change leaves the list as it was. */
  copy = tandem_user_new (tandem_user_get_id (self->user),
                          tandem_user_get_login (self->user),
                          gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                          adw_combo_row_get_selected (self->role_row),
                          gtk_switch_get_active (self->active_switch));
  tandem_user_set_groups (copy, (const char * const *) groups);
  return tandem_store_update_user (self->store, copy, error);
}

static void
save (TandemUserDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!can_save (self))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  ok = self->user == NULL ? add_user (self, &error) : update_user (self, &error);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), can_save (self));

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_row_changed_cb (TandemUserDialog *self,
                   GtkWidget        *row)
{
  if (row == GTK_WIDGET (self->confirm_row) || row == GTK_WIDGET (self->password_row))
    gtk_widget_remove_css_class (GTK_WIDGET (self->confirm_row), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), can_save (self));
}

static void
on_confirm_row_entry_activated_cb (TandemUserDialog *self)
{
  save (self);
}

static void
on_save_button_clicked_cb (TandemUserDialog *self)
{
  save (self);
}

static void
on_set_password_row_activated_cb (TandemUserDialog *self)
{
  TandemPasswordDialog *dialog;

  dialog = tandem_password_dialog_new (GTK_WINDOW (self), self->store, self->user);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_roles (TandemUserDialog *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  /* The position in the list is the TandemRole value. */
  gtk_string_list_append (roles, tandem_role_get_label (TANDEM_ROLE_ADMIN));
  gtk_string_list_append (roles, tandem_role_get_label (TANDEM_ROLE_MANAGER));
  gtk_string_list_append (roles, tandem_role_get_label (TANDEM_ROLE_USER));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_selected (self->role_row, TANDEM_ROLE_USER);
}

static void
fill_groups (TandemUserDialog *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *member_of = self->user ? tandem_user_get_groups (self->user) : NULL;

  groups = tandem_store_list_groups (self->store, &error);
  if (groups == NULL)
    {
      show_error (self, error->message);
      return;
    }

  if (groups->len == 0)
    adw_preferences_group_set_description (self->groups_group,
                                           _("There are no groups yet. Add them on the Groups page."));

  for (guint i = 0; i < groups->len; i++)
    {
      const char *name = tandem_choice_get_name (g_ptr_array_index (groups, i));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   member_of != NULL && g_strv_contains (member_of, name));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->groups_group, row);
      g_hash_table_insert (self->group_checks, g_strdup (name), check);
    }
}

static void
tandem_user_dialog_dispose (GObject *object)
{
  TandemUserDialog *self = TANDEM_USER_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_pointer (&self->group_checks, g_hash_table_unref);

  G_OBJECT_CLASS (tandem_user_dialog_parent_class)->dispose (object);
}

static void
tandem_user_dialog_class_init (TandemUserDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_user_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/preferences/tandem-user-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemUserDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemUserDialog, login_row);
  gtk_widget_class_bind_template_child (widget_class, TandemUserDialog, login_info_row);
  gtk_widget_class_bind_template_child (widget_class, TandemUserDialog, login_label);
  gtk_widget_class_bind_template_child (widget_class, TandemUserDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TandemUserDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, TandemUserDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, TandemUserDialog, set_password_row);
  gtk_widget_class_bind_template_child (widget_class, TandemUserDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, TandemUserDialog, active_row);
  gtk_widget_class_bind_template_child (widget_class, TandemUserDialog, active_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemUserDialog, groups_group);
  gtk_widget_class_bind_template_child (widget_class, TandemUserDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_set_password_row_activated_cb);
}

static void
tandem_user_dialog_init (TandemUserDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->group_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fill_roles (self);
}

TandemUserDialog *
tandem_user_dialog_new (GtkWindow   *parent,
                        TandemStore *store,
                        TandemUser  *user)
{
  TandemUserDialog *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (user == NULL || TANDEM_IS_USER (user), NULL);

  self = g_object_new (TANDEM_TYPE_USER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  if (user != NULL)
    {
      self->user = g_object_ref (user);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit User"));
      gtk_button_set_label (self->save_button, _("_Save"));

      gtk_widget_set_visible (GTK_WIDGET (self->login_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->password_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->confirm_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->login_info_row), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->set_password_row), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->active_row), TRUE);

      gtk_label_set_text (self->login_label, tandem_user_get_login (user));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), tandem_user_get_name (user));
      adw_combo_row_set_selected (self->role_row, tandem_user_get_role (user));
      gtk_switch_set_active (self->active_switch, tandem_user_get_active (user));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->login_row));

  fill_groups (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), can_save (self));
  return self;
}

GtkEditable *
tandem_user_dialog_get_login_row (TandemUserDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_USER_DIALOG (self), NULL);
  return GTK_EDITABLE (self->login_row);
}

GtkEditable *
tandem_user_dialog_get_name_row (TandemUserDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_USER_DIALOG (self), NULL);
  return GTK_EDITABLE (self->name_row);
}

GtkEditable *
tandem_user_dialog_get_password_row (TandemUserDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_USER_DIALOG (self), NULL);
  return GTK_EDITABLE (self->password_row);
}

GtkEditable *
tandem_user_dialog_get_confirm_row (TandemUserDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_USER_DIALOG (self), NULL);
  return GTK_EDITABLE (self->confirm_row);
}

AdwComboRow *
tandem_user_dialog_get_role_row (TandemUserDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_USER_DIALOG (self), NULL);
  return self->role_row;
}

GtkSwitch *
tandem_user_dialog_get_active_switch (TandemUserDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_USER_DIALOG (self), NULL);
  return self->active_switch;
}

GtkCheckButton *
tandem_user_dialog_get_group_check (TandemUserDialog *self,
                                    const char       *group)
{
  g_return_val_if_fail (TANDEM_IS_USER_DIALOG (self), NULL);
  return g_hash_table_lookup (self->group_checks, group);
}

GtkButton *
tandem_user_dialog_get_save_button (TandemUserDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_USER_DIALOG (self), NULL);
  return self->save_button;
}

GtkLabel *
tandem_user_dialog_get_error_label (TandemUserDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_USER_DIALOG (self), NULL);
  return self->error_label;
}
