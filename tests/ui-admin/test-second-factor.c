/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTestSecondFactor"

#include "config.h"

#include <string.h>

#include "tandem-error.h"
#include "tandem-preferences-window-private.h"
#include "tandem-sign-in-window-private.h"
#include "tandem-totp-dialog-private.h"
#include "tandem-totp.h"
#include "ui-admin-util.h"

/* Two-step sign-in in the windows (SPEC A2): the code page after the
 * password, the set-up dialog with its QR code, the set-up a required
 * user cannot get past, and the administrators' switches. */

#define ADMIN_PASSWORD "correct horse"
#define USER_PASSWORD  "user password"

static void
on_signed_in_cb (TandemSignInWindow *window,
                 guint              *count)
{
  (*count)++;
}

static TandemSignInWindow *
open_sign_in (Fixture *fixture,
              guint   *signed_in)
{
  TandemSignInWindow *window = tandem_sign_in_window_new (NULL, fixture->store);

  g_signal_connect (window, "signed-in", G_CALLBACK (on_signed_in_cb), signed_in);
  gtk_window_present (GTK_WINDOW (window));
  run_main_loop ();
  return window;
}

static char *
code_now (const char *secret,
          int         offset)
{
  g_autoptr(GError) error = NULL;
  char *code = tandem_totp_code (secret, g_get_real_time () / G_USEC_PER_SEC + offset * TANDEM_TOTP_PERIOD, &error);

  g_assert_no_error (error);
  return code;
}

static char *
secret_of_uri (const char *uri)
{
  const char *start = strstr (uri, "secret=");

  g_assert_nonnull (start);
  start += strlen ("secret=");
  return g_strndup (start, strcspn (start, "&"));
}

/* An administrator "boss" and a user "ben", with Ben in "Sales team";
 * nobody signed in. */
static void
add_people (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) admin = NULL;
  g_autoptr(TandemUser) ben = NULL;
  const char *groups[] = { "Sales team", NULL };

  admin = tandem_store_create_first_admin (fixture->store, "boss", "Anna Virtanen", ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  tandem_store_add_group (fixture->store, "Sales team", &error);
  g_assert_no_error (error);
  ben = tandem_store_add_user (fixture->store, "ben", "Ben Myyjä", USER_PASSWORD, TANDEM_ROLE_USER, groups, &error);
  g_assert_no_error (error);
}

static void
settings_reset (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "last-login", "");
  g_settings_set_boolean (settings, "remember-sign-in", FALSE);
}

/* A2: after the right password a user with an authenticator app is asked
 * for its code; a wrong one is refused in place, the right one signs in;
 * a recovery code works too, and Back starts over. */
static void
test_code_page (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *code = NULL;
  g_autofree char *wrong = NULL;
  TandemSignInWindow *window;
  GtkEditable *code_row;
  GtkLabel *code_error;
  guint signed_in = 0;

  add_people (fixture);
  codes = tandem_store_second_factor_enable (fixture->store, "ben", &uri, &error);
  g_assert_no_error (error);
  secret = secret_of_uri (uri);
  tandem_store_sign_out (fixture->store);
  settings_reset ();

  window = open_sign_in (fixture, &signed_in);
  g_assert_cmpstr (tandem_sign_in_window_get_page (window), ==, "password");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_sign_in_window_get_remember_switch (window))));
  g_assert_false (gtk_switch_get_active (tandem_sign_in_window_get_remember_switch (window)));

  type_text (tandem_sign_in_window_get_login_row (window), "ben");
  type_text (tandem_sign_in_window_get_password_row (window), USER_PASSWORD);
  click (tandem_sign_in_window_get_button (window));

  /* The password alone does not sign in: the code page asks. */
  g_assert_cmpuint (signed_in, ==, 0);
  g_assert_null (tandem_store_get_user (fixture->store));
  g_assert_cmpstr (tandem_sign_in_window_get_page (window), ==, "code");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tandem_sign_in_window_get_error_label (window))));
  code_row = tandem_sign_in_window_get_code_row (window);
  code_error = tandem_sign_in_window_get_code_error_label (window);
  g_assert_cmpint (gtk_text_get_input_purpose (GTK_TEXT (gtk_editable_get_delegate (code_row))), ==,
                   GTK_INPUT_PURPOSE_DIGITS);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_sign_in_window_get_code_button (window))));

  /* A wrong code */
  code = code_now (secret, 0);
  wrong = g_strdup_printf ("%06d", (atoi (code) + 1) % 1000000);
  type_text (code_row, wrong);
  g_signal_emit_by_name (code_row, "entry-activated");
  run_main_loop ();
  g_assert_cmpuint (signed_in, ==, 0);
  g_assert_cmpstr (tandem_sign_in_window_get_page (window), ==, "code");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (code_error)));
  g_assert_cmpstr (gtk_label_get_text (code_error), ==, "Wrong code");

  /* Back starts over with an empty password. */
  click (tandem_sign_in_window_get_back_button (window));
  g_assert_cmpstr (tandem_sign_in_window_get_page (window), ==, "password");
  g_assert_cmpstr (gtk_editable_get_text (tandem_sign_in_window_get_password_row (window)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (tandem_sign_in_window_get_login_row (window)), ==, "ben");

  /* A recovery code instead */
  type_text (tandem_sign_in_window_get_password_row (window), USER_PASSWORD);
  click (tandem_sign_in_window_get_button (window));
  g_assert_cmpstr (tandem_sign_in_window_get_page (window), ==, "code");
  click (tandem_sign_in_window_get_recovery_button (window));
  g_assert_cmpint (gtk_text_get_input_purpose (GTK_TEXT (gtk_editable_get_delegate (code_row))), ==,
                   GTK_INPUT_PURPOSE_FREE_FORM);
  type_text (code_row, codes[0]);
  click (tandem_sign_in_window_get_code_button (window));
  g_assert_cmpuint (signed_in, ==, 1);
  g_assert_cmpstr (tandem_user_get_login (tandem_store_get_user (fixture->store)), ==, "ben");
  destroy_window (window);

  /* The code of the app */
  tandem_store_sign_out (fixture->store);
  signed_in = 0;
  window = open_sign_in (fixture, &signed_in);
  type_text (tandem_sign_in_window_get_password_row (window), USER_PASSWORD);
  click (tandem_sign_in_window_get_button (window));
  g_assert_cmpstr (tandem_sign_in_window_get_page (window), ==, "code");
  type_text (tandem_sign_in_window_get_code_row (window), code);
  click (tandem_sign_in_window_get_code_button (window));
  g_assert_cmpuint (signed_in, ==, 1);
  destroy_window (window);
}

/* The code an app would show for the key as the dialog shows it */
static char *
code_for_key_text (const char *key_text,
                   int         offset)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (const char *p = key_text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (key, *p);
  return code_now (key->str, offset);
}

/* A2: the set-up dialog shows the key as a QR code of the otpauth:// link
 * and as grouped text; a first right code switches it on and shows ten
 * recovery codes. */
static void
test_setup_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  TandemTotpDialog *dialog;
  TandemQrCode *qr;
  TandemSecondFactorStatus status;
  const char *key_text;
  g_auto(GStrv) lines = NULL;
  guint dark = 0;

  add_people (fixture);
  dialog = tandem_totp_dialog_new (NULL, fixture->store, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
  run_main_loop ();

  g_assert_cmpstr (tandem_totp_dialog_get_page (dialog), ==, "setup");
  qr = tandem_totp_dialog_get_qr_code (dialog);
  g_assert_true (g_str_has_prefix (tandem_qr_code_get_text (qr), "otpauth://totp/Tandem:boss?secret="));
  g_assert_cmpuint (tandem_qr_code_get_size (qr), >=, 21);
  for (guint y = 0; y < tandem_qr_code_get_size (qr); y++)
    for (guint x = 0; x < tandem_qr_code_get_size (qr); x++)
      dark += tandem_qr_code_is_dark (qr, x, y);
  g_assert_cmpuint (dark, >, 0);
  /* The finder pattern's corner */
  g_assert_true (tandem_qr_code_is_dark (qr, 0, 0));
  {
    int minimum, natural;

    /* Whole pixels per module, the quiet zone of four on each side */
    gtk_widget_measure (GTK_WIDGET (qr), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
    g_assert_cmpint (minimum, ==, (int) (tandem_qr_code_get_size (qr) + 8) * 2);
    g_assert_cmpint (natural, ==, (int) (tandem_qr_code_get_size (qr) + 8) * 5);
  }

  key_text = tandem_totp_dialog_get_key_text (dialog);
  g_assert_cmpuint (strlen (key_text), ==, 32 + 7);
  g_assert_cmpint (key_text[4], ==, ' ');
  {
    g_autofree char *joined = NULL;
    g_auto(GStrv) groups = g_strsplit (key_text, " ", -1);

    joined = g_strjoinv ("", groups);
    g_assert_nonnull (strstr (tandem_qr_code_get_text (qr), joined));
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tandem_totp_dialog_get_sign_out_button (dialog))));

  /* A wrong code says so and keeps the dialog where it is. */
  code = code_for_key_text (key_text, 0);
  {
    g_autofree char *wrong = g_strdup_printf ("%06d", (atoi (code) + 7) % 1000000);

    type_text (tandem_totp_dialog_get_code_row (dialog), wrong);
  }
  click (tandem_totp_dialog_get_confirm_button (dialog));
  g_assert_cmpstr (tandem_totp_dialog_get_page (dialog), ==, "setup");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_totp_dialog_get_error_label (dialog))));
  g_assert_true (tandem_store_get_second_factor_status (fixture->store, NULL, &status, &error));
  g_assert_false (status.enrolled);

  type_text (tandem_totp_dialog_get_code_row (dialog), code);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tandem_totp_dialog_get_error_label (dialog))));
  click (tandem_totp_dialog_get_confirm_button (dialog));
  g_assert_cmpstr (tandem_totp_dialog_get_page (dialog), ==, "recovery");
  g_assert_true (tandem_totp_dialog_get_enrolled (dialog));
  g_assert_true (tandem_store_get_second_factor_status (fixture->store, NULL, &status, &error));
  g_assert_true (status.enrolled);
  g_assert_cmpuint (status.recovery_codes_left, ==, TANDEM_TOTP_RECOVERY_COUNT);

  /* Ten codes in two columns; the key is no longer shown. */
  lines = g_strsplit (tandem_totp_dialog_get_codes_text (dialog), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpuint (strlen (lines[0]), ==, 11 + 4 + 11);
  g_assert_null (tandem_totp_dialog_get_key_text (dialog));

  /* Copy puts them on the clipboard, one a line. */
  click (tandem_totp_dialog_get_copy_codes_button (dialog));

  click (tandem_totp_dialog_get_done_button (dialog));
}

/* A2: a user of whom two-step sign-in is required (here by a group) and
 * who has not set it up goes from the password straight to the set-up,
 * and cannot close it into the app: Sign Out is the only way back. */
static void
test_required_setup (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *code = NULL;
  TandemSignInWindow *window;
  TandemTotpDialog *dialog;
  TandemSecondFactorStatus status;
  guint signed_in = 0;

  add_people (fixture);
  groups = tandem_store_list_groups (fixture->store, &error);
  g_assert_true (tandem_store_set_group_requires_second_factor (fixture->store,
                                                                tandem_choice_get_id (g_ptr_array_index (groups, 0)),
                                                                TRUE, &error));
  g_assert_no_error (error);
  tandem_store_sign_out (fixture->store);
  settings_reset ();

  window = open_sign_in (fixture, &signed_in);
  type_text (tandem_sign_in_window_get_login_row (window), "ben");
  type_text (tandem_sign_in_window_get_password_row (window), USER_PASSWORD);
  click (tandem_sign_in_window_get_button (window));

  g_assert_cmpuint (signed_in, ==, 0);
  dialog = tandem_sign_in_window_get_totp_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_totp_dialog_get_sign_out_button (dialog))));

  /* Closing it (Escape, the window manager) does nothing. */
  gtk_window_close (GTK_WINDOW (dialog));
  run_main_loop ();
  g_assert_true (tandem_sign_in_window_get_totp_dialog (window) == dialog);
  g_assert_cmpuint (signed_in, ==, 0);

  /* Sign Out: back at the password, nobody signed in */
  click (tandem_totp_dialog_get_sign_out_button (dialog));
  g_assert_null (tandem_sign_in_window_get_totp_dialog (window));
  g_assert_cmpuint (signed_in, ==, 0);
  g_assert_null (tandem_store_get_user (fixture->store));
  g_assert_cmpstr (tandem_sign_in_window_get_page (window), ==, "password");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_sign_in_window_get_error_label (window))));

  /* Set up this time: then into the app */
  type_text (tandem_sign_in_window_get_password_row (window), USER_PASSWORD);
  click (tandem_sign_in_window_get_button (window));
  dialog = tandem_sign_in_window_get_totp_dialog (window);
  g_assert_nonnull (dialog);
  code = code_for_key_text (tandem_totp_dialog_get_key_text (dialog), 0);
  type_text (tandem_totp_dialog_get_code_row (dialog), code);
  click (tandem_totp_dialog_get_confirm_button (dialog));
  g_assert_cmpuint (signed_in, ==, 0);
  click (tandem_totp_dialog_get_done_button (dialog));
  g_assert_cmpuint (signed_in, ==, 1);
  g_assert_cmpstr (tandem_user_get_login (tandem_store_get_user (fixture->store)), ==, "ben");
  g_assert_true (tandem_store_get_second_factor_status (fixture->store, NULL, &status, &error));
  g_assert_true (status.enrolled);
  destroy_window (window);

  /* The next sign-in asks for the code. */
  tandem_store_sign_out (fixture->store);
  signed_in = 0;
  window = open_sign_in (fixture, &signed_in);
  type_text (tandem_sign_in_window_get_password_row (window), USER_PASSWORD);
  click (tandem_sign_in_window_get_button (window));
  g_assert_cmpstr (tandem_sign_in_window_get_page (window), ==, "code");
  g_assert_null (tandem_sign_in_window_get_totp_dialog (window));
  destroy_window (window);
}

/* A2: administrators require two-step sign-in of a user or a group with a
 * switch, and turn off another user's; everyone sets up their own from
 * the Account page. */
static void
test_preferences_switches (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) required = NULL;
  g_auto(GStrv) codes = NULL;
  TandemPreferencesWindow *window;
  TandemSecondFactorStatus status;
  GtkSwitch *toggle;
  GtkButton *turn_off;
  GtkWindow *dialog;

  add_people (fixture);
  window = tandem_preferences_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  run_main_loop ();

  /* Ben's switch */
  toggle = tandem_preferences_window_find_second_factor_switch (window, "users", "Ben Myyjä");
  g_assert_nonnull (toggle);
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_null (tandem_preferences_window_find_second_factor_turn_off (window, "Ben Myyjä"));
  gtk_switch_set_active (toggle, TRUE);
  run_main_loop ();
  g_assert_true (tandem_store_get_second_factor_status (fixture->store, "ben", &status, &error));
  g_assert_true (status.required);
  toggle = tandem_preferences_window_find_second_factor_switch (window, "users", "Ben Myyjä");
  g_assert_true (gtk_switch_get_active (toggle));

  /* The group's switch */
  toggle = tandem_preferences_window_find_second_factor_switch (window, "groups", "Sales team");
  g_assert_nonnull (toggle);
  g_assert_false (gtk_switch_get_active (toggle));
  gtk_switch_set_active (toggle, TRUE);
  run_main_loop ();
  required = tandem_store_list_groups_requiring_second_factor (fixture->store, &error);
  g_assert_cmpuint (required->len, ==, 1);

  /* Ben has set it up and lost his phone: the administrator turns it off. */
  codes = tandem_store_second_factor_enable (fixture->store, "ben", NULL, &error);
  g_assert_no_error (error);
  run_main_loop ();
  turn_off = tandem_preferences_window_find_second_factor_turn_off (window, "Ben Myyjä");
  g_assert_nonnull (turn_off);
  click (turn_off);
  dialog = tandem_preferences_window_get_second_factor_dialog (window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "turn-off");
  run_main_loop ();
  g_assert_true (tandem_store_get_second_factor_status (fixture->store, "ben", &status, &error));
  g_assert_false (status.enrolled);
  g_assert_true (status.required);

  /* The administrator's own: Off, and Set Up opens the set-up dialog. */
  g_assert_cmpstr (adw_action_row_get_subtitle (tandem_preferences_window_get_authenticator_row (window)), ==, "Off");
  click (tandem_preferences_window_get_authenticator_button (window));
  dialog = tandem_preferences_window_get_second_factor_dialog (window);
  g_assert_true (TANDEM_IS_TOTP_DIALOG (dialog));
  {
    g_autofree char *code = code_for_key_text (tandem_totp_dialog_get_key_text (TANDEM_TOTP_DIALOG (dialog)), 0);

    type_text (tandem_totp_dialog_get_code_row (TANDEM_TOTP_DIALOG (dialog)), code);
  }
  click (tandem_totp_dialog_get_confirm_button (TANDEM_TOTP_DIALOG (dialog)));
  click (tandem_totp_dialog_get_done_button (TANDEM_TOTP_DIALOG (dialog)));
  run_main_loop ();
  g_assert_cmpstr (adw_action_row_get_subtitle (tandem_preferences_window_get_authenticator_row (window)), ==,
                   "On · 10 recovery codes left");

  /* Turning one's own off needs the password. */
  click (tandem_preferences_window_get_authenticator_button (window));
  dialog = tandem_preferences_window_get_second_factor_dialog (window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "tandem-entry"), "wrong password");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "turn-off");
  run_main_loop ();
  g_assert_true (tandem_store_get_second_factor_status (fixture->store, NULL, &status, &error));
  g_assert_true (status.enrolled);
  click (tandem_preferences_window_get_authenticator_button (window));
  dialog = tandem_preferences_window_get_second_factor_dialog (window);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "tandem-entry"), ADMIN_PASSWORD);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "turn-off");
  run_main_loop ();
  g_assert_true (tandem_store_get_second_factor_status (fixture->store, NULL, &status, &error));
  g_assert_false (status.enrolled);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!init_display (&argc, &argv))
    return 77;

  g_test_add ("/ui/sign-in-code-page-A2", Fixture, NULL, fixture_set_up, test_code_page, fixture_tear_down);
  g_test_add ("/ui/totp-setup-dialog-A2", Fixture, NULL, fixture_set_up, test_setup_dialog, fixture_tear_down);
  g_test_add ("/ui/totp-required-setup-A2", Fixture, NULL, fixture_set_up, test_required_setup, fixture_tear_down);
  g_test_add ("/ui/preferences-second-factor-A2", Fixture, NULL, fixture_set_up, test_preferences_switches,
              fixture_tear_down);

  return g_test_run ();
}
