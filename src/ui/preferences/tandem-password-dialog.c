/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPasswordDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-error.h"
#include "tandem-password-dialog-private.h"

struct _TandemPasswordDialog
{
  AdwWindow            parent_instance;

  TandemStore         *store;
  TandemUser          *user;

  AdwPreferencesGroup *group;
  AdwPasswordEntryRow *current_row;
  AdwPasswordEntryRow *new_row;
  AdwPasswordEntryRow *confirm_row;
  GtkLabel            *error_label;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (TandemPasswordDialog, tandem_password_dialog, ADW_TYPE_WINDOW)

static const char *
text_of (AdwPasswordEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_own (TandemPasswordDialog *self)
{
  return self->user == NULL;
}

static gboolean
can_save (TandemPasswordDialog *self)
{
  if (is_own (self) && text_of (self->current_row)[0] == '\0')
    return FALSE;
  return text_of (self->new_row)[0] != '\0' && text_of (self->confirm_row)[0] != '\0';
}

static void
show_error (TandemPasswordDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
save (TandemPasswordDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!can_save (self))
    return;

  if (g_strcmp0 (text_of (self->new_row), text_of (self->confirm_row)) != 0)
    {
      show_error (self, _("The passwords do not match"));
      gtk_widget_add_css_class (GTK_WIDGET (self->confirm_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  if (is_own (self))
    ok = tandem_store_change_own_password (self->store, text_of (self->current_row),
                                           text_of (self->new_row), &error);
  else
    ok = tandem_store_set_password (self->store, tandem_user_get_login (self->user),
                                    text_of (self->new_row), &error);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);

  if (!ok)
    {
      show_error (self, error->message);
      if (g_error_matches (error, TANDEM_ERROR, TANDEM_ERROR_AUTH))
        {
          gtk_editable_set_text (GTK_EDITABLE (self->current_row), "");
          gtk_widget_grab_focus (GTK_WIDGET (self->current_row));
        }
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_row_changed_cb (TandemPasswordDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->confirm_row), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), can_save (self));
}

static void
on_row_entry_activated_cb (TandemPasswordDialog *self,
                           GtkWidget            *row)
{
  if (row == GTK_WIDGET (self->current_row))
    gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
  else if (row == GTK_WIDGET (self->new_row))
    gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
  else
    save (self);
}

static void
on_save_button_clicked_cb (TandemPasswordDialog *self)
{
  save (self);
}

static void
tandem_password_dialog_dispose (GObject *object)
{
  TandemPasswordDialog *self = TANDEM_PASSWORD_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (tandem_password_dialog_parent_class)->dispose (object);
}

static void
tandem_password_dialog_class_init (TandemPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_password_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/preferences/tandem-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemPasswordDialog, group);
  gtk_widget_class_bind_template_child (widget_class, TandemPasswordDialog, current_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPasswordDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPasswordDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPasswordDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemPasswordDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
}

static void
tandem_password_dialog_init (TandemPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TandemPasswordDialog *
tandem_password_dialog_new (GtkWindow   *parent,
                            TandemStore *store,
                            TandemUser  *user)
{
  TandemPasswordDialog *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (user == NULL || TANDEM_IS_USER (user), NULL);

  self = g_object_new (TANDEM_TYPE_PASSWORD_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  if (user != NULL)
    {
      g_autofree char *description = NULL;

      self->user = g_object_ref (user);
      gtk_window_set_title (GTK_WINDOW (self), _("Set Password"));
      /* Translators: %s is a user's full name */
      description = g_strdup_printf (_("A new password for %s. Tell it to them in person; they can change it under Preferences → Account."),
                                     tandem_user_get_name (user));
      adw_preferences_group_set_description (self->group, description);
      gtk_widget_set_visible (GTK_WIDGET (self->current_row), FALSE);
      gtk_button_set_label (self->save_button, _("_Set"));
      gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->current_row));

  return self;
}

GtkEditable *
tandem_password_dialog_get_current_row (TandemPasswordDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_PASSWORD_DIALOG (self), NULL);
  return GTK_EDITABLE (self->current_row);
}

GtkEditable *
tandem_password_dialog_get_new_row (TandemPasswordDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_PASSWORD_DIALOG (self), NULL);
  return GTK_EDITABLE (self->new_row);
}

GtkEditable *
tandem_password_dialog_get_confirm_row (TandemPasswordDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_PASSWORD_DIALOG (self), NULL);
  return GTK_EDITABLE (self->confirm_row);
}

GtkButton *
tandem_password_dialog_get_save_button (TandemPasswordDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_PASSWORD_DIALOG (self), NULL);
  return self->save_button;
}

GtkLabel *
tandem_password_dialog_get_error_label (TandemPasswordDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_PASSWORD_DIALOG (self), NULL);
  return self->error_label;
}
