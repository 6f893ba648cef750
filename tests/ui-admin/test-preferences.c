/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTestPreferences"

#include "config.h"

#include <string.h>

#include "tandem-error.h"
#include "tandem-field-dialog-private.h"
#include "tandem-password-dialog-private.h"
#include "tandem-preferences-window-private.h"
#include "tandem-user-dialog-private.h"
#include "ui-admin-util.h"

static TandemPreferencesWindow *
open_preferences (Fixture *fixture)
{
  TandemPreferencesWindow *window = tandem_preferences_window_new (NULL, fixture->store);

  gtk_window_present (GTK_WINDOW (window));
  run_main_loop ();
  return window;
}

static void
sign_in_admin (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) admin = NULL;

  admin = tandem_store_create_first_admin (fixture->store, "boss", "Anna Virtanen", "correct horse", &error);
  g_assert_no_error (error);
}

static TandemUser *
find_user (GPtrArray  *users,
           const char *login)
{
  for (guint i = 0; i < users->len; i++)
    if (g_strcmp0 (tandem_user_get_login (g_ptr_array_index (users, i)), login) == 0)
      return g_ptr_array_index (users, i);
  return NULL;
}

static gboolean
has_choice (GPtrArray  *items,
            const char *name)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (tandem_choice_get_name (g_ptr_array_index (items, i)), name) == 0)
      return TRUE;
  return FALSE;
}

/* SPEC A4, L1: an administrator adds a group and a user in it, with a
 * role, through the Users page; the store's refusals stay in the dialog. */
static void
test_users (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  TandemPreferencesWindow *window;
  TandemUserDialog *dialog;
  TandemUser *user;
  AdwActionRow *row;
  GtkWidget *new_group_row;

  sign_in_admin (fixture);
  window = open_preferences (fixture);

  g_assert_true (gtk_widget_get_root (tandem_preferences_window_get_users_page (window)) == GTK_ROOT (window));
  g_assert_true (gtk_widget_is_visible (tandem_preferences_window_get_add_user_button (window)));
  g_assert_nonnull (tandem_preferences_window_find_row (window, "users", "Anna Virtanen"));

  /* A group, through the "New group" row. */
  new_group_row = tandem_preferences_window_get_new_group_row (window);
  g_assert_true (gtk_widget_is_visible (new_group_row));
  type_text (new_group_row, "Sales team");
  g_signal_emit_by_name (new_group_row, "apply");
  run_main_loop ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_group_row)), ==, "");
  g_assert_nonnull (tandem_preferences_window_find_row (window, "groups", "Sales team"));
  groups = tandem_store_list_groups (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (has_choice (groups, "Sales team"));

  /* The same name again is refused and what was typed stays. */
  type_text (new_group_row, "Sales team");
  g_signal_emit_by_name (new_group_row, "apply");
  run_main_loop ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_group_row)), ==, "Sales team");
  g_assert_true (gtk_widget_has_css_class (new_group_row, "error"));
  type_text (new_group_row, "");

  /* A user, through the Add User dialog. */
  click (tandem_preferences_window_get_add_user_button (window));
  dialog = TANDEM_USER_DIALOG (tandem_preferences_window_get_dialog (window));
  g_assert_true (TANDEM_IS_USER_DIALOG (dialog));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_user_dialog_get_save_button (dialog))));
  type_text (tandem_user_dialog_get_login_row (dialog), "piotr");
  type_text (tandem_user_dialog_get_name_row (dialog), "Piotr Nowak");
  type_text (tandem_user_dialog_get_password_row (dialog), "sprzedaz 2024");
  type_text (tandem_user_dialog_get_confirm_row (dialog), "sprzedaz 2024");
  adw_combo_row_set_selected (tandem_user_dialog_get_role_row (dialog), TANDEM_ROLE_MANAGER);
  g_assert_nonnull (tandem_user_dialog_get_group_check (dialog, "Sales team"));
  gtk_check_button_set_active (tandem_user_dialog_get_group_check (dialog, "Sales team"), TRUE);
  click (tandem_user_dialog_get_save_button (dialog));
  g_assert_null (tandem_preferences_window_get_dialog (window));

  users = tandem_store_list_users (fixture->store, &error);
  g_assert_no_error (error);
  user = find_user (users, "piotr");
  g_assert_nonnull (user);
  g_assert_cmpstr (tandem_user_get_name (user), ==, "Piotr Nowak");
  g_assert_cmpint (tandem_user_get_role (user), ==, TANDEM_ROLE_MANAGER);
  g_assert_nonnull (tandem_user_get_groups (user));
  g_assert_cmpstr (tandem_user_get_groups (user)[0], ==, "Sales team");
  g_assert_null (tandem_user_get_groups (user)[1]);

  row = tandem_preferences_window_find_row (window, "users", "Piotr Nowak");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "piotr · Manager · Sales team");

  /* A login that is taken: the dialog stays with everything typed. */
  click (tandem_preferences_window_get_add_user_button (window));
  dialog = TANDEM_USER_DIALOG (tandem_preferences_window_get_dialog (window));
  type_text (tandem_user_dialog_get_login_row (dialog), "piotr");
  type_text (tandem_user_dialog_get_name_row (dialog), "Another Piotr");
  type_text (tandem_user_dialog_get_password_row (dialog), "sprzedaz 2025");
  type_text (tandem_user_dialog_get_confirm_row (dialog), "sprzedaz 2025");
  click (tandem_user_dialog_get_save_button (dialog));
  g_assert_true (tandem_preferences_window_get_dialog (window) == GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_user_dialog_get_error_label (dialog))));
  g_assert_nonnull (strstr (gtk_label_get_text (tandem_user_dialog_get_error_label (dialog)), "piotr"));
  g_assert_cmpstr (gtk_editable_get_text (tandem_user_dialog_get_name_row (dialog)), ==, "Another Piotr");
  destroy_window (dialog);

  /* The only administrator cannot take away their own role. */
  gtk_widget_activate (GTK_WIDGET (tandem_preferences_window_find_row (window, "users", "Anna Virtanen")));
  run_main_loop ();
  dialog = TANDEM_USER_DIALOG (tandem_preferences_window_get_dialog (window));
  g_assert_true (TANDEM_IS_USER_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (tandem_user_dialog_get_name_row (dialog)), ==, "Anna Virtanen");
  adw_combo_row_set_selected (tandem_user_dialog_get_role_row (dialog), TANDEM_ROLE_USER);
  click (tandem_user_dialog_get_save_button (dialog));
  g_assert_true (tandem_preferences_window_get_dialog (window) == GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_user_dialog_get_error_label (dialog))));
  g_assert_true (tandem_user_is_admin (tandem_store_get_user (fixture->store)));
  destroy_window (dialog);

  destroy_window (window);
}

/* SPEC B4, L1: a classification field chosen from a list, added through
 * the Add Field dialog. */
static void
test_fields (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  TandemPreferencesWindow *window;
  TandemFieldDialog *dialog;
  TandemField *field;
  const char * const *choices;
  AdwActionRow *row;

  sign_in_admin (fixture);
  window = open_preferences (fixture);

  click (tandem_preferences_window_get_add_field_button (window, TANDEM_KIND_COMPANY));
  dialog = TANDEM_FIELD_DIALOG (tandem_preferences_window_get_dialog (window));
  g_assert_true (TANDEM_IS_FIELD_DIALOG (dialog));

  /* Choices are asked for only for a list. */
  adw_combo_row_set_selected (tandem_field_dialog_get_type_row (dialog), TANDEM_FIELD_DATE);
  run_main_loop ();
  g_assert_false (gtk_widget_get_visible (tandem_field_dialog_get_choices_group (dialog)));
  adw_combo_row_set_selected (tandem_field_dialog_get_type_row (dialog), TANDEM_FIELD_CHOICE);
  run_main_loop ();
  g_assert_true (gtk_widget_get_visible (tandem_field_dialog_get_choices_group (dialog)));

  type_text (tandem_field_dialog_get_name_row (dialog), "Size class");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_field_dialog_get_save_button (dialog))));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (tandem_field_dialog_get_choices_view (dialog)),
                            "A\n  B \n\nC\n", -1);
  run_main_loop ();
  click (tandem_field_dialog_get_save_button (dialog));
  g_assert_null (tandem_preferences_window_get_dialog (window));

  fields = tandem_store_list_fields (fixture->store, TANDEM_KIND_COMPANY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fields->len, ==, 1);
  field = g_ptr_array_index (fields, 0);
  g_assert_cmpstr (tandem_field_get_name (field), ==, "Size class");
  g_assert_cmpint (tandem_field_get_kind (field), ==, TANDEM_FIELD_CLASSIFICATION);
  g_assert_cmpint (tandem_field_get_field_type (field), ==, TANDEM_FIELD_CHOICE);
  choices = tandem_field_get_choices (field);
  g_assert_cmpuint (g_strv_length ((char **) choices), ==, 3);
  g_assert_cmpstr (choices[0], ==, "A");
  g_assert_cmpstr (choices[1], ==, "B");
  g_assert_cmpstr (choices[2], ==, "C");

  row = tandem_preferences_window_find_row (window, "company-fields", "Size class");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Classification · Choice from a list: A, B, C");
  g_assert_null (tandem_preferences_window_find_row (window, "person-fields", "Size class"));

  /* The same name again is refused inside the dialog. */
  click (tandem_preferences_window_get_add_field_button (window, TANDEM_KIND_COMPANY));
  dialog = TANDEM_FIELD_DIALOG (tandem_preferences_window_get_dialog (window));
  type_text (tandem_field_dialog_get_name_row (dialog), "Size class");
  adw_combo_row_set_selected (tandem_field_dialog_get_type_row (dialog), TANDEM_FIELD_TEXT);
  run_main_loop ();
  click (tandem_field_dialog_get_save_button (dialog));
  g_assert_true (tandem_preferences_window_get_dialog (window) == GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_field_dialog_get_error_label (dialog))));
  destroy_window (dialog);

  /* Deleting asks first. */
  click (tandem_preferences_window_get_row_delete_button (row));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (tandem_preferences_window_get_dialog (window)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (tandem_preferences_window_get_dialog (window)), "delete");
  run_main_loop ();
  g_clear_pointer (&fields, g_ptr_array_unref);
  fields = tandem_store_list_fields (fixture->store, TANDEM_KIND_COMPANY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fields->len, ==, 0);
  g_assert_null (tandem_preferences_window_find_row (window, "company-fields", "Size class"));

  destroy_window (window);
}

/* SPEC B3: partner roles are added and deleted in Preferences; deleting
 * asks first, and Cancel keeps the role. */
static void
test_partner_roles (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  TandemPreferencesWindow *window;
  GtkWidget *new_role_row;
  AdwActionRow *row;

  sign_in_admin (fixture);
  window = open_preferences (fixture);

  new_role_row = tandem_preferences_window_get_new_role_row (window);
  type_text (new_role_row, "Supplier");
  g_signal_emit_by_name (new_role_row, "apply");
  run_main_loop ();
  roles = tandem_store_list_partner_roles (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (has_choice (roles, "Supplier"));
  row = tandem_preferences_window_find_row (window, "roles", "Supplier");
  g_assert_nonnull (row);

  click (tandem_preferences_window_get_row_delete_button (row));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (tandem_preferences_window_get_dialog (window)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (tandem_preferences_window_get_dialog (window)), "cancel");
  run_main_loop ();
  g_clear_pointer (&roles, g_ptr_array_unref);
  roles = tandem_store_list_partner_roles (fixture->store, &error);
  g_assert_true (has_choice (roles, "Supplier"));

  row = tandem_preferences_window_find_row (window, "roles", "Supplier");
  click (tandem_preferences_window_get_row_delete_button (row));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (tandem_preferences_window_get_dialog (window)), "delete");
  run_main_loop ();
  g_clear_pointer (&roles, g_ptr_array_unref);
  roles = tandem_store_list_partner_roles (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_false (has_choice (roles, "Supplier"));
  g_assert_null (tandem_preferences_window_find_row (window, "roles", "Supplier"));

  destroy_window (window);
}

/* SPEC A4: a plain user sees no user management and no controls that
 * change settings, only read-only lists and their own account; SPEC A3:
 * changing one's own password needs the current one. */
static void
test_plain_user (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) seller = NULL;
  TandemPreferencesWindow *window;
  TandemPasswordDialog *dialog;
  AdwActionRow *row;
  const char *groups[] = { "Sales team", NULL };

  sign_in_admin (fixture);
  tandem_store_add_group (fixture->store, "Sales team", &error);
  g_assert_no_error (error);
  tandem_store_add_partner_role (fixture->store, "Customer", &error);
  g_assert_no_error (error);
  seller = tandem_store_add_user (fixture->store, "piotr", "Piotr Nowak", "sprzedaz 2024",
                                  TANDEM_ROLE_USER, groups, &error);
  g_assert_no_error (error);
  tandem_store_sign_out (fixture->store);
  g_assert_true (tandem_store_sign_in (fixture->store, "piotr", "sprzedaz 2024", &error));
  g_assert_no_error (error);

  window = open_preferences (fixture);

  g_assert_false (gtk_widget_get_root (tandem_preferences_window_get_users_page (window)) == GTK_ROOT (window));
  g_assert_cmpuint (tandem_preferences_window_count_rows (window, "users"), ==, 0);
  g_assert_false (gtk_widget_is_visible (tandem_preferences_window_get_add_user_button (window)));
  g_assert_false (gtk_widget_is_visible (tandem_preferences_window_get_new_group_row (window)));
  g_assert_false (gtk_widget_is_visible (tandem_preferences_window_get_new_role_row (window)));
  g_assert_false (gtk_widget_is_visible (tandem_preferences_window_get_add_field_button (window, TANDEM_KIND_COMPANY)));
  g_assert_false (gtk_widget_is_visible (tandem_preferences_window_get_add_field_button (window, TANDEM_KIND_PERSON)));

  row = tandem_preferences_window_find_row (window, "groups", "Sales team");
  g_assert_nonnull (row);
  g_assert_null (tandem_preferences_window_get_row_delete_button (row));
  g_assert_null (tandem_preferences_window_get_row_rename_button (row));
  row = tandem_preferences_window_find_row (window, "roles", "Customer");
  g_assert_nonnull (row);
  g_assert_null (tandem_preferences_window_get_row_delete_button (row));

  /* Own password: a wrong current password is refused. */
  g_signal_emit_by_name (tandem_preferences_window_get_change_password_row (window), "activated");
  run_main_loop ();
  dialog = TANDEM_PASSWORD_DIALOG (tandem_preferences_window_get_dialog (window));
  g_assert_true (TANDEM_IS_PASSWORD_DIALOG (dialog));
  type_text (tandem_password_dialog_get_current_row (dialog), "not my password");
  type_text (tandem_password_dialog_get_new_row (dialog), "nowe haslo 2025");
  type_text (tandem_password_dialog_get_confirm_row (dialog), "nowe haslo 2025");
  click (tandem_password_dialog_get_save_button (dialog));
  g_assert_true (tandem_preferences_window_get_dialog (window) == GTK_WINDOW (dialog));
  g_assert_cmpstr (gtk_label_get_text (tandem_password_dialog_get_error_label (dialog)), ==, "The current password is wrong");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_password_dialog_get_error_label (dialog))));

  type_text (tandem_password_dialog_get_current_row (dialog), "sprzedaz 2024");
  click (tandem_password_dialog_get_save_button (dialog));
  g_assert_null (tandem_preferences_window_get_dialog (window));

  destroy_window (window);

  tandem_store_sign_out (fixture->store);
  g_assert_false (tandem_store_sign_in (fixture->store, "piotr", "sprzedaz 2024", &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH);
  g_clear_error (&error);
  g_assert_true (tandem_store_sign_in (fixture->store, "piotr", "nowe haslo 2025", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  if (!init_display (&argc, &argv))
    {
      g_printerr ("No display: skipped\n");
      return 77;
    }

  g_test_add ("/ui/preferences-A4-L1", Fixture, NULL, fixture_set_up, test_users, fixture_tear_down);
  g_test_add ("/ui/preferences-B4-L1", Fixture, NULL, fixture_set_up, test_fields, fixture_tear_down);
  g_test_add ("/ui/preferences-B3", Fixture, NULL, fixture_set_up, test_partner_roles, fixture_tear_down);
  g_test_add ("/ui/preferences-plain-user-A4-A3", Fixture, NULL, fixture_set_up, test_plain_user, fixture_tear_down);
  return g_test_run ();
}
