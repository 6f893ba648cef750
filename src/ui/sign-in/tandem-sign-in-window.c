/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemSignInWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-sign-in-window-private.h"

struct _TandemSignInWindow
{
  AdwApplicationWindow  parent_instance;

  TandemStore          *store;
  GSettings            *settings;
  gboolean              first_admin;
  gboolean              busy;

  AdwStatusPage        *status_page;
  AdwEntryRow          *login_row;
  AdwEntryRow          *name_row;
  AdwPasswordEntryRow  *password_row;
  AdwPasswordEntryRow  *confirm_row;
  GtkLabel             *error_label;
  GtkButton            *submit_button;
  GtkLabel             *path_label;
};

G_DEFINE_FINAL_TYPE (TandemSignInWindow, tandem_sign_in_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_blank (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  for (; text && *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
can_submit (TandemSignInWindow *self)
{
  if (self->busy)
    return FALSE;
  if (is_blank (GTK_EDITABLE (self->login_row)) ||
      gtk_editable_get_text (GTK_EDITABLE (self->password_row))[0] == '\0')
    return FALSE;
  if (self->first_admin &&
      (is_blank (GTK_EDITABLE (self->name_row)) ||
       gtk_editable_get_text (GTK_EDITABLE (self->confirm_row))[0] == '\0'))
    return FALSE;
  return TRUE;
}

static void
update_button (TandemSignInWindow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), can_submit (self));
}

static void
set_busy (TandemSignInWindow *self,
          gboolean            busy)
{
  /* Only the button: making the focused row insensitive would take the
   * keyboard focus away from where the person is typing. */
  self->busy = busy;
  update_button (self);
}

static void
show_error (TandemSignInWindow *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
signed_in (TandemSignInWindow *self)
{
  TandemUser *user = tandem_store_get_user (self->store);

  if (self->settings != NULL && user != NULL)
    g_settings_set_string (self->settings, "last-login", tandem_user_get_login (user));

  show_error (self, NULL);
  g_signal_emit (self, signals[SIGNED_IN], 0);
}

static void
create_first_admin (TandemSignInWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) user = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));

  if (g_strcmp0 (password, confirm) != 0)
    {
      show_error (self, _("The passwords do not match"));
      gtk_widget_add_css_class (GTK_WIDGET (self->confirm_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
      return;
    }

  set_busy (self, TRUE);
  user = tandem_store_create_first_admin (self->store,
                                          gtk_editable_get_text (GTK_EDITABLE (self->login_row)),
                                          gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                          password,
                                          &error);
  set_busy (self, FALSE);

  if (user == NULL)
    {
      show_error (self, error->message);
      return;
    }
  signed_in (self);
}

static void
sign_in (TandemSignInWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  set_busy (self, TRUE);
  ok = tandem_store_sign_in (self->store,
                             gtk_editable_get_text (GTK_EDITABLE (self->login_row)),
                             gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                             &error);
  set_busy (self, FALSE);

  if (!ok)
    {
      /* The store's message never tells whether the login or the password
       * was wrong (SPEC A1). */
      show_error (self, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  signed_in (self);
}

static void
submit (TandemSignInWindow *self)
{
  if (!can_submit (self))
    return;

  /* Keep the window alive even if a "signed-in" handler closes it. */
  g_object_ref (self);
  if (self->first_admin)
    create_first_admin (self);
  else
    sign_in (self);
  g_object_unref (self);
}

static void
on_row_changed_cb (TandemSignInWindow *self,
                   GtkEditable        *row)
{
  if (row == GTK_EDITABLE (self->confirm_row) || row == GTK_EDITABLE (self->password_row))
    gtk_widget_remove_css_class (GTK_WIDGET (self->confirm_row), "error");
  update_button (self);
}

static void
on_login_row_entry_activated_cb (TandemSignInWindow *self)
{
  if (self->first_admin)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_name_row_entry_activated_cb (TandemSignInWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_password_row_entry_activated_cb (TandemSignInWindow *self)
{
  if (self->first_admin)
    gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
  else
    submit (self);
}

static void
on_confirm_row_entry_activated_cb (TandemSignInWindow *self)
{
  submit (self);
}

static void
on_submit_button_clicked_cb (TandemSignInWindow *self)
{
  submit (self);
}

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
tandem_sign_in_window_constructed (GObject *object)
{
  TandemSignInWindow *self = TANDEM_SIGN_IN_WINDOW (object);
  g_autofree char *display_path = NULL;
  g_autofree char *path_text = NULL;

  G_OBJECT_CLASS (tandem_sign_in_window_parent_class)->constructed (object);

  self->first_admin = tandem_store_needs_first_admin (self->store);

  if (self->first_admin)
    {
      adw_status_page_set_title (self->status_page, _("Welcome to Tandem"));
      adw_status_page_set_description (self->status_page,
                                       _("Create the administrator account. The administrator adds the other users and sets up Tandem for your team."));
      gtk_button_set_label (self->submit_button, _("Create Administrator"));
      gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
    }
  else
    {
      g_autofree char *last_login = NULL;

      adw_status_page_set_title (self->status_page, _("Sign In to Tandem"));
      gtk_widget_set_visible (GTK_WIDGET (self->name_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->confirm_row), FALSE);
      gtk_button_set_label (self->submit_button, _("Sign In"));

      if (self->settings != NULL)
        last_login = g_settings_get_string (self->settings, "last-login");
      if (last_login != NULL && last_login[0] != '\0')
        {
          gtk_editable_set_text (GTK_EDITABLE (self->login_row), last_login);
          gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
        }
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
    }

  display_path = g_filename_display_name (tandem_store_get_path (self->store));
  /* Translators: %s is the database file, e.g. /home/anna/.local/share/tandem/tandem.db */
  path_text = g_strdup_printf (_("Database: %s"), display_path);
  gtk_label_set_text (self->path_label, path_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->path_label), display_path);

  update_button (self);
}

static void
tandem_sign_in_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TandemSignInWindow *self = TANDEM_SIGN_IN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_sign_in_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TandemSignInWindow *self = TANDEM_SIGN_IN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_sign_in_window_dispose (GObject *object)
{
  TandemSignInWindow *self = TANDEM_SIGN_IN_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tandem_sign_in_window_parent_class)->dispose (object);
}

static void
tandem_sign_in_window_class_init (TandemSignInWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_sign_in_window_constructed;
  object_class->get_property = tandem_sign_in_window_get_property;
  object_class->set_property = tandem_sign_in_window_set_property;
  object_class->dispose = tandem_sign_in_window_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemSignInWindow::signed-in:
   *
   * The store now has a signed-in user: a new first administrator or a
   * user who gave the right password.
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/sign-in/tandem-sign-in-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, submit_button);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, path_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_login_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_button_clicked_cb);
}

static void
tandem_sign_in_window_init (TandemSignInWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = lookup_settings ();
}

TandemSignInWindow *
tandem_sign_in_window_new (GtkApplication *application,
                           TandemStore    *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  return g_object_new (TANDEM_TYPE_SIGN_IN_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

GtkEditable *
tandem_sign_in_window_get_login_row (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return GTK_EDITABLE (self->login_row);
}

GtkEditable *
tandem_sign_in_window_get_name_row (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return GTK_EDITABLE (self->name_row);
}

GtkEditable *
tandem_sign_in_window_get_password_row (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return GTK_EDITABLE (self->password_row);
}

GtkEditable *
tandem_sign_in_window_get_confirm_row (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return GTK_EDITABLE (self->confirm_row);
}

GtkButton *
tandem_sign_in_window_get_button (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return self->submit_button;
}

GtkLabel *
tandem_sign_in_window_get_error_label (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return self->error_label;
}

const char *
tandem_sign_in_window_get_heading (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return adw_status_page_get_title (self->status_page);
}
