/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPreferencesWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-error.h"
#include "tandem-preferences-window-private.h"
#include "tandem-totp-dialog.h"

/* Two-step sign-in in the preferences window (SPEC A2): on the Account
 * page everyone sets up an authenticator app or turns it off; on the
 * Users page administrators require it of users and groups, and turn off
 * another user's (a lost phone). */

typedef struct
{
  TandemPreferencesWindow *window;   /* owns this */
  TandemStore             *store;
  gboolean                 is_admin;
  gboolean                 filling;

  AdwPreferencesGroup     *own_group;
  AdwActionRow            *own_row;
  GtkWidget               *own_button;
  AdwPreferencesGroup     *users_group;
  AdwPreferencesGroup     *groups_group;
  GPtrArray               *rows;        /* of both admin groups */
  GtkWindow               *dialog;      /* weak */
} SecondFactorPage;

#define PAGE_KEY    "tandem-preferences-second-factor"
#define SWITCH_KEY  "tandem-require-switch"
#define RESET_KEY   "tandem-turn-off-button"
#define ID_KEY      "tandem-item-id"
#define LOGIN_KEY   "tandem-login"

/* Helpers */

static SecondFactorPage *
get_page (TandemPreferencesWindow *window)
{
  return g_object_get_data (G_OBJECT (window), PAGE_KEY);
}

static void
page_free (gpointer data)
{
  SecondFactorPage *self = data;

  g_clear_weak_pointer (&self->dialog);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_free (self);
}

static void
toast (SecondFactorPage *self,
       const char       *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self->window), adw_toast_new (escaped));
}

static void
present (SecondFactorPage *self,
         GtkWindow        *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (dialog);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
clear_rows (SecondFactorPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (SecondFactorPage    *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

/* Callbacks: one's own */

static void
on_own_dialog_enrolled_cb (TandemPreferencesWindow *window)
{
  tandem_preferences_window_refresh_second_factor (window, get_page (window)->is_admin);
}

static void
on_turn_off_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         SecondFactorPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "tandem-entry");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "turn-off") != 0)
    return;

  if (!tandem_store_second_factor_disable (self->store, NULL, gtk_editable_get_text (entry), &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("Two-step sign-in is off"));
}

static void
on_own_button_clicked_cb (GtkButton        *button,
                          SecondFactorPage *self)
{
  TandemSecondFactorStatus status;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (!tandem_store_get_second_factor_status (self->store, NULL, &status, &error))
    {
      toast (self, error->message);
      return;
    }

  if (!status.enrolled)
    {
      TandemTotpDialog *setup = tandem_totp_dialog_new (GTK_WINDOW (self->window), self->store, FALSE);

      g_signal_connect_object (setup, "enrolled", G_CALLBACK (on_own_dialog_enrolled_cb),
                               self->window, G_CONNECT_SWAPPED);
      present (self, GTK_WINDOW (setup));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), _("Turn Off Two-Step Sign-In?"),
                                   _("Type your password to confirm. From then on, your password alone signs you in, and your recovery codes stop working."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "turn-off", _("_Turn Off"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "turn-off", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "turn-off");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  /* A plain entry with hidden text: in GTK 4.8 a password entry in a
   * message dialog breaks when the window beneath it closes later. */
  entry = gtk_entry_new ();
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Password"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "tandem-entry", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (on_turn_off_response_cb), self);

  present (self, GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Callbacks: administrators */

static void
on_user_switch_active_cb (GtkSwitch        *toggle,
                          GParamSpec       *pspec,
                          SecondFactorPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (toggle), ID_KEY);

  if (self->filling)
    return;
  if (!tandem_store_set_user_requires_second_factor (self->store, id, gtk_switch_get_active (toggle), &error))
    {
      toast (self, error->message);
      self->filling = TRUE;
      gtk_switch_set_active (toggle, !gtk_switch_get_active (toggle));
      self->filling = FALSE;
    }
}

static void
on_group_switch_active_cb (GtkSwitch        *toggle,
                           GParamSpec       *pspec,
                           SecondFactorPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (toggle), ID_KEY);

  if (self->filling)
    return;
  if (!tandem_store_set_group_requires_second_factor (self->store, id, gtk_switch_get_active (toggle), &error))
    {
      toast (self, error->message);
      self->filling = TRUE;
      gtk_switch_set_active (toggle, !gtk_switch_get_active (toggle));
      self->filling = FALSE;
    }
}

typedef struct
{
  SecondFactorPage *self;
  char             *login;
  char             *name;
} PendingTurnOff;

static void
pending_turn_off_free (gpointer data)
{
  PendingTurnOff *pending = data;

  g_free (pending->login);
  g_free (pending->name);
  g_free (pending);
}

static void
on_reset_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PendingTurnOff   *pending)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (g_strcmp0 (response, "turn-off") != 0)
    return;
  if (!tandem_store_second_factor_disable (pending->self->store, pending->login, NULL, &error))
    {
      toast (pending->self, error->message);
      return;
    }
  /* Translators: %s is the name of a user */
  done = g_strdup_printf (_("Two-step sign-in of %s is off"), pending->name);
  toast (pending->self, done);
}

static void
on_reset_clicked_cb (GtkButton        *button,
                     SecondFactorPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  PendingTurnOff *pending = g_new0 (PendingTurnOff, 1);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  pending->self = self;
  pending->login = g_strdup (g_object_get_data (G_OBJECT (row), LOGIN_KEY));
  pending->name = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  /* Translators: %s is the name of a user */
  heading = g_strdup_printf (_("Turn Off Two-Step Sign-In of %s?"), pending->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading,
                                   _("Do this when their phone is lost. Their key and recovery codes stop working. If two-step sign-in is required of them, they set it up again at their next sign-in."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "turn-off", _("_Turn Off"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "turn-off", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_reset_response_cb),
                         pending, (GClosureNotify) (void (*) (void)) pending_turn_off_free, 0);
  present (self, GTK_WINDOW (dialog));
}

/* Refreshing */

static GtkWidget *
add_switch (GtkWidget  *row,
            gboolean    active,
            gint64      id,
            const char *accessible_format)
{
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *label = g_strdup_printf (accessible_format,
                                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (toggle), ID_KEY, g_memdup2 (&id, sizeof id), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (row), SWITCH_KEY, toggle);
  return toggle;
}

static void
refresh_own (SecondFactorPage *self)
{
  TandemSecondFactorStatus status;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  if (!tandem_store_get_second_factor_status (self->store, NULL, &status, &error))
    {
      adw_action_row_set_subtitle (self->own_row, error->message);
      gtk_widget_set_visible (self->own_button, FALSE);
      return;
    }

  gtk_widget_set_visible (self->own_button, TRUE);
  if (status.enrolled)
    {
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "On · %u recovery code left",
                                               "On · %u recovery codes left",
                                               status.recovery_codes_left),
                                  status.recovery_codes_left);
      gtk_button_set_label (GTK_BUTTON (self->own_button), _("_Turn Off…"));
      /* Required: it stays on. */
      gtk_widget_set_visible (self->own_button, !status.required && !status.required_by_group);
    }
  else
    {
      subtitle = g_strdup (status.required || status.required_by_group
                           ? _("Off · required by an administrator")
                           : C_("two-step sign-in", "Off"));
      gtk_button_set_label (GTK_BUTTON (self->own_button), _("_Set Up…"));
    }
  adw_action_row_set_subtitle (self->own_row, subtitle);
}

static void
refresh_admin (SecondFactorPage *self)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GArray) required = NULL;
  g_autoptr(GError) error = NULL;
  gint64 me = tandem_user_get_id (tandem_store_get_user (self->store));

  clear_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->users_group), self->is_admin);
  gtk_widget_set_visible (GTK_WIDGET (self->groups_group), self->is_admin);
  if (!self->is_admin)
    return;

  self->filling = TRUE;

  users = tandem_store_list_users (self->store, &error);
  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      TandemUser *user = g_ptr_array_index (users, i);
      TandemSecondFactorStatus status = { 0 };
      g_autoptr(GError) status_error = NULL;
      const char *subtitle;
      GtkWidget *row;
      GtkWidget *toggle;

      if (!tandem_store_get_second_factor_status (self->store, tandem_user_get_login (user), &status, &status_error))
        subtitle = status_error->message;
      else if (status.enrolled)
        subtitle = _("Authenticator app set up");
      else if (status.required_by_group)
        subtitle = _("Required by a group · not set up yet");
      else
        subtitle = _("Not set up");

      row = new_row (tandem_user_get_name (user), subtitle);
      g_object_set_data_full (G_OBJECT (row), LOGIN_KEY, g_strdup (tandem_user_get_login (user)), g_free);
      if (status.enrolled && tandem_user_get_id (user) != me)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("Turn _Off…"));
          g_autofree char *tooltip = NULL;

          /* Translators: %s is the name of a user */
          tooltip = g_strdup_printf (_("Turn off two-step sign-in of %s, for example when a phone is lost"),
                                     tandem_user_get_name (user));
          gtk_widget_set_tooltip_text (button, tooltip);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          g_signal_connect (button, "clicked", G_CALLBACK (on_reset_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          g_object_set_data (G_OBJECT (row), RESET_KEY, button);
        }
      /* Translators: the accessible name of a switch; %s is the name of a user */
      toggle = add_switch (row, status.required, tandem_user_get_id (user), _("Require two-step sign-in of %s"));
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_user_switch_active_cb), self);
      add_row (self, self->users_group, row);
    }
  if (users == NULL)
    add_row (self, self->users_group, new_row (error->message, NULL));
  g_clear_error (&error);

  groups = tandem_store_list_groups (self->store, &error);
  required = tandem_store_list_groups_requiring_second_factor (self->store, NULL);
  if (groups != NULL && groups->len == 0)
    {
      GtkWidget *row = new_row (_("No groups yet"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      add_row (self, self->groups_group, row);
    }
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      TandemChoice *group = g_ptr_array_index (groups, i);
      gint64 id = tandem_choice_get_id (group);
      gboolean active = FALSE;
      GtkWidget *row = new_row (tandem_choice_get_name (group), NULL);
      GtkWidget *toggle;

      for (guint j = 0; required != NULL && j < required->len && !active; j++)
        active = g_array_index (required, gint64, j) == id;
      /* Translators: the accessible name of a switch; %s is the name of a group of users */
      toggle = add_switch (row, active, id, _("Require two-step sign-in of everyone in %s"));
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_group_switch_active_cb), self);
      add_row (self, self->groups_group, row);
    }
  if (groups == NULL)
    add_row (self, self->groups_group, new_row (error->message, NULL));

  self->filling = FALSE;
}

/* Setup, called from the window (tandem-preferences-window-private.h) */

void
tandem_preferences_window_setup_second_factor (TandemPreferencesWindow *window,
                                               TandemStore             *store)
{
  SecondFactorPage *self = g_new0 (SecondFactorPage, 1);
  GtkWidget *account_page;
  GtkWidget *users_page;

  self->window = window;
  self->store = g_object_ref (store);
  self->rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (window), PAGE_KEY, self, page_free);

  /* Account page: one's own */
  account_page = gtk_widget_get_ancestor (tandem_preferences_window_get_change_password_row (window),
                                          ADW_TYPE_PREFERENCES_PAGE);
  self->own_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->own_group, _("Two-Step Sign-In"));
  adw_preferences_group_set_description (self->own_group,
                                         _("Sign in with your password and a code from an authenticator app on your phone"));
  self->own_row = ADW_ACTION_ROW (new_row (_("Authenticator App"), NULL));
  self->own_button = gtk_button_new_with_mnemonic (_("_Set Up…"));
  gtk_widget_set_valign (self->own_button, GTK_ALIGN_CENTER);
  g_signal_connect (self->own_button, "clicked", G_CALLBACK (on_own_button_clicked_cb), self);
  adw_action_row_add_suffix (self->own_row, self->own_button);
  adw_preferences_group_add (self->own_group, GTK_WIDGET (self->own_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (account_page), self->own_group);

  /* Users page: administrators' requirements */
  users_page = tandem_preferences_window_get_users_page (window);
  self->users_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->users_group, _("Two-Step Sign-In"));
  adw_preferences_group_set_description (self->users_group,
                                         _("Require a code from an authenticator app at sign-in. Users who have not set one up yet do so right after their password."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (users_page), self->users_group);

  self->groups_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->groups_group, _("Two-Step Sign-In for Groups"));
  adw_preferences_group_set_description (self->groups_group,
                                         _("Required of everyone in the group"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (users_page), self->groups_group);
}

void
tandem_preferences_window_refresh_second_factor (TandemPreferencesWindow *window,
                                                 gboolean                 is_admin)
{
  SecondFactorPage *self = get_page (window);

  if (self == NULL)
    return;
  self->is_admin = is_admin;
  refresh_own (self);
  refresh_admin (self);
}

/* For the UI tests */

GtkButton *
tandem_preferences_window_get_authenticator_button (TandemPreferencesWindow *window)
{
  return GTK_BUTTON (get_page (window)->own_button);
}

AdwActionRow *
tandem_preferences_window_get_authenticator_row (TandemPreferencesWindow *window)
{
  return get_page (window)->own_row;
}

static GtkWidget *
find_row (SecondFactorPage    *self,
          AdwPreferencesGroup *group,
          const char          *title)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP) == GTK_WIDGET (group) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return row;
    }
  return NULL;
}

GtkSwitch *
tandem_preferences_window_find_second_factor_switch (TandemPreferencesWindow *window,
                                                     const char              *list,
                                                     const char              *title)
{
  SecondFactorPage *self = get_page (window);
  GtkWidget *row;

  row = find_row (self, g_str_equal (list, "groups") ? self->groups_group : self->users_group, title);
  return row != NULL ? g_object_get_data (G_OBJECT (row), SWITCH_KEY) : NULL;
}

GtkButton *
tandem_preferences_window_find_second_factor_turn_off (TandemPreferencesWindow *window,
                                                       const char              *title)
{
  SecondFactorPage *self = get_page (window);
  GtkWidget *row = find_row (self, self->users_group, title);

  return row != NULL ? g_object_get_data (G_OBJECT (row), RESET_KEY) : NULL;
}

GtkWindow *
tandem_preferences_window_get_second_factor_dialog (TandemPreferencesWindow *window)
{
  return get_page (window)->dialog;
}
