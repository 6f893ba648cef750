/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemSignInWindow"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-credentials.h"
#include "tandem-error.h"
#include "tandem-sign-in-window-private.h"
#include "tandem-totp-dialog.h"

struct _TandemSignInWindow
{
  AdwApplicationWindow  parent_instance;

  TandemStore          *store;
  GSettings            *settings;
  gboolean              first_admin;
  gboolean              busy;
  /* Between the password and the code (SPEC A2) */
  char                 *pending_login;
  char                 *pending_password;
  gboolean              recovery;
  /* The password came from the keyring (SPEC A3) */
  gboolean              from_keyring;
  GCancellable         *cancellable;
  TandemTotpDialog     *totp_dialog;

  GtkButton            *back_button;
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  AdwEntryRow          *login_row;
  AdwEntryRow          *name_row;
  AdwPasswordEntryRow  *password_row;
  AdwPasswordEntryRow  *confirm_row;
  GtkLabel             *error_label;
  GtkButton            *submit_button;
  GtkLabel             *path_label;
  AdwActionRow         *remember_row;
  GtkSwitch            *remember_switch;
  AdwStatusPage        *code_page;
  AdwEntryRow          *code_row;
  GtkLabel             *code_error_label;
  GtkButton            *code_button;
  GtkButton            *recovery_button;
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

static gboolean can_submit_code (TandemSignInWindow *self);

static void
update_button (TandemSignInWindow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), can_submit (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->code_button), can_submit_code (self));
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
wipe (char **text)
{
  if (*text != NULL)
    memset (*text, 0, strlen (*text));
  g_clear_pointer (text, g_free);
}

static void
forget_pending (TandemSignInWindow *self)
{
  g_clear_pointer (&self->pending_login, g_free);
  wipe (&self->pending_password);
}

static void
show_code_error (TandemSignInWindow *self,
                 const char         *message)
{
  gtk_label_set_text (self->code_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->code_error_label), message != NULL);
}

static void
on_keyring_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Without a keyring the sign-in simply is not remembered. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("The keyring was not changed: %s", error->message);
}

/* Keeps or forgets the sign-in in the keyring (SPEC A3), as Remember Me
 * says; only that it is on is kept in the settings, never the password. */
static void
remember (TandemSignInWindow *self,
          const char         *login,
          const char         *password)
{
  const char *path = tandem_store_get_path (self->store);

  if (gtk_switch_get_active (self->remember_switch))
    {
      tandem_credentials_save_login (path, login, password, NULL, on_keyring_done_cb, NULL);
      if (self->settings != NULL)
        g_settings_set_boolean (self->settings, "remember-sign-in", TRUE);
    }
  else if (self->settings != NULL && g_settings_get_boolean (self->settings, "remember-sign-in"))
    {
      tandem_credentials_forget_login (path, NULL, on_keyring_done_cb, NULL);
      g_settings_set_boolean (self->settings, "remember-sign-in", FALSE);
    }
}

static void
show_password_page (TandemSignInWindow *self)
{
  forget_pending (self);
  gtk_stack_set_visible_child_name (self->stack, "password");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  update_button (self);
}

static void
set_recovery (TandemSignInWindow *self,
              gboolean            recovery)
{
  self->recovery = recovery;
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
  if (recovery)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_row), _("Recovery Code"));
      adw_entry_row_set_input_purpose (self->code_row, GTK_INPUT_PURPOSE_FREE_FORM);
      adw_status_page_set_description (self->code_page,
                                       _("Type one of the recovery codes you saved when you set up two-step sign-in. Each code works once."));
      gtk_button_set_label (self->recovery_button, _("_Use a Code From the App"));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_row), _("6-Digit Code"));
      adw_entry_row_set_input_purpose (self->code_row, GTK_INPUT_PURPOSE_DIGITS);
      adw_status_page_set_description (self->code_page,
                                       _("Type the code that the authenticator app on your phone shows for Tandem."));
      gtk_button_set_label (self->recovery_button, _("_Use a Recovery Code"));
    }
  show_code_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
}

static void
show_code_page (TandemSignInWindow *self,
                const char         *login,
                const char         *password)
{
  forget_pending (self);
  self->pending_login = g_strdup (login);
  self->pending_password = g_strdup (password);
  show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "code");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  set_recovery (self, FALSE);
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
on_totp_dialog_destroy_cb (TandemSignInWindow *self,
                           TandemTotpDialog   *dialog)
{
  gboolean enrolled = tandem_totp_dialog_get_enrolled (dialog);

  self->totp_dialog = NULL;
  if (enrolled)
    {
      signed_in (self);
      return;
    }
  /* Gave up: the session ends before it began. */
  tandem_store_sign_out (self->store);
  show_password_page (self);
  show_error (self, _("Your account needs two-step sign-in. Sign in again to set it up."));
}

/* The password (and code) were right. A user of whom two-step sign-in is
 * required and who has not set it up does that first (SPEC A2). */
static void
finish_sign_in (TandemSignInWindow *self,
                const char         *login,
                const char         *password)
{
  remember (self, login, password);
  forget_pending (self);

  if (tandem_store_second_factor_needs_setup (self->store))
    {
      self->totp_dialog = tandem_totp_dialog_new (GTK_WINDOW (self), self->store, TRUE);
      g_signal_connect_object (self->totp_dialog, "destroy", G_CALLBACK (on_totp_dialog_destroy_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (self->totp_dialog));
      return;
    }
  signed_in (self);
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
  g_autofree char *login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row))));
  g_autofree char *password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  gboolean from_keyring = self->from_keyring;
  gboolean ok;

  self->from_keyring = FALSE;
  set_busy (self, TRUE);
  ok = tandem_store_sign_in (self->store, login, password, &error);
  set_busy (self, FALSE);

  if (!ok && g_error_matches (error, TANDEM_ERROR, TANDEM_ERROR_CODE_NEEDED))
    show_code_page (self, login, password);
  else if (!ok)
    {
      /* The store's message never tells whether the login or the password
       * was wrong (SPEC A1). */
      if (from_keyring && g_error_matches (error, TANDEM_ERROR, TANDEM_ERROR_AUTH))
        {
          tandem_credentials_forget_login (tandem_store_get_path (self->store), NULL, on_keyring_done_cb, NULL);
          show_error (self, _("The password kept in the keyring no longer works. Type your password."));
        }
      else
        show_error (self, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
    }
  else
    finish_sign_in (self, login, password);

  wipe (&password);
}

static gboolean
can_submit_code (TandemSignInWindow *self)
{
  return !self->busy && self->pending_password != NULL &&
         !is_blank (GTK_EDITABLE (self->code_row));
}

static void
submit_code (TandemSignInWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *login = NULL;
  gboolean ok;

  if (!can_submit_code (self))
    return;

  g_object_ref (self);
  set_busy (self, TRUE);
  ok = tandem_store_sign_in_with_code (self->store, self->pending_login, self->pending_password,
                                       gtk_editable_get_text (GTK_EDITABLE (self->code_row)),
                                       &error);
  set_busy (self, FALSE);

  if (!ok)
    {
      /* "Wrong code" whatever was wrong with it, or how long to wait. */
      show_code_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
      gtk_editable_select_region (GTK_EDITABLE (self->code_row), 0, -1);
    }
  else
    {
      g_autofree char *password = g_strdup (self->pending_password);

      login = g_strdup (self->pending_login);
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
      finish_sign_in (self, login, password);
      wipe (&password);
    }
  g_object_unref (self);
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

static void
on_code_row_changed_cb (TandemSignInWindow *self)
{
  show_code_error (self, NULL);
  update_button (self);
}

static void
on_code_button_clicked_cb (TandemSignInWindow *self)
{
  submit_code (self);
}

static void
on_recovery_button_clicked_cb (TandemSignInWindow *self)
{
  set_recovery (self, !self->recovery);
}

static void
on_back_button_clicked_cb (TandemSignInWindow *self)
{
  show_password_page (self);
}

static void
on_lookup_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TandemSignInWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *login = NULL;
  char *password = NULL;

  if (!tandem_credentials_lookup_login_finish (result, &login, &password, &error))
    {
      /* No keyring, or it stayed locked: sign in as usual. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("No remembered sign-in: %s", error->message);
          set_busy (self, FALSE);
        }
      return;
    }

  set_busy (self, FALSE);
  if (login != NULL && password != NULL && gtk_stack_get_visible_child_name (self->stack) != NULL &&
      g_str_equal (gtk_stack_get_visible_child_name (self->stack), "password"))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->login_row), login);
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
      self->from_keyring = TRUE;
      submit (self);
    }
  tandem_credentials_free_secret (password);
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
      gtk_widget_set_visible (GTK_WIDGET (self->remember_row), FALSE);
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

      /* A remembered sign-in signs in by itself (SPEC A3); the keyring is
       * asked only when Remember Me was on, so that nothing starts a
       * keyring for someone who never used it. */
      if (self->settings != NULL && g_settings_get_boolean (self->settings, "remember-sign-in"))
        {
          gtk_switch_set_active (self->remember_switch, TRUE);
          set_busy (self, TRUE);
          tandem_credentials_lookup_login (tandem_store_get_path (self->store), self->cancellable,
                                           on_lookup_done_cb, g_object_ref (self));
        }
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

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  forget_pending (self);
  if (self->totp_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->totp_dialog, self);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->totp_dialog)));
    }
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
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, submit_button);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, path_label);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, remember_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, code_page);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, code_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, code_error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, code_button);
  gtk_widget_class_bind_template_child (widget_class, TandemSignInWindow, recovery_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_login_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_code_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_code_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recovery_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
}

static void
tandem_sign_in_window_init (TandemSignInWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = lookup_settings ();
  self->cancellable = g_cancellable_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
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

GtkSwitch *
tandem_sign_in_window_get_remember_switch (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return self->remember_switch;
}

const char *
tandem_sign_in_window_get_page (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkEditable *
tandem_sign_in_window_get_code_row (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return GTK_EDITABLE (self->code_row);
}

GtkButton *
tandem_sign_in_window_get_code_button (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return self->code_button;
}

GtkButton *
tandem_sign_in_window_get_recovery_button (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return self->recovery_button;
}

GtkButton *
tandem_sign_in_window_get_back_button (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return self->back_button;
}

GtkLabel *
tandem_sign_in_window_get_code_error_label (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return self->code_error_label;
}

TandemTotpDialog *
tandem_sign_in_window_get_totp_dialog (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), NULL);
  return self->totp_dialog;
}

gboolean
tandem_sign_in_window_get_busy (TandemSignInWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_SIGN_IN_WINDOW (self), FALSE);
  return self->busy;
}

void
tandem_sign_in_window_forget_sign_in (TandemStore *store)
{
  g_autoptr(GSettings) settings = lookup_settings ();

  g_return_if_fail (TANDEM_IS_STORE (store));

  /* Only a sign-in that was remembered is looked for in the keyring. */
  if (settings == NULL || !g_settings_get_boolean (settings, "remember-sign-in"))
    return;
  g_settings_set_boolean (settings, "remember-sign-in", FALSE);
  tandem_credentials_forget_login (tandem_store_get_path (store), NULL, on_keyring_done_cb, NULL);
}
