/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTestSignIn"

#include "config.h"

#include <string.h>

#include "tandem-error.h"
#include "tandem-sign-in-window-private.h"
#include "ui-admin-util.h"

static void
on_signed_in_cb (TandemSignInWindow *window,
                 guint              *count)
{
  (*count)++;
}

static TandemSignInWindow *
open_window (Fixture *fixture,
             guint   *signed_in)
{
  TandemSignInWindow *window = tandem_sign_in_window_new (NULL, fixture->store);

  g_signal_connect (window, "signed-in", G_CALLBACK (on_signed_in_cb), signed_in);
  gtk_window_present (GTK_WINDOW (window));
  run_main_loop ();
  return window;
}

static char *
last_login (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_string (settings, "last-login");
}

/* SPEC A5: a new database asks for the first administrator and nothing
 * else; A3: the password is kept as a hash that only the right password
 * matches. */
static void
test_first_start (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *login = NULL;
  TandemSignInWindow *window;
  GtkLabel *error_label;
  GtkButton *button;
  TandemUser *user;
  guint signed_in = 0;

  g_assert_true (tandem_store_needs_first_admin (fixture->store));
  window = open_window (fixture, &signed_in);
  error_label = tandem_sign_in_window_get_error_label (window);
  button = tandem_sign_in_window_get_button (window);

  g_assert_cmpstr (tandem_sign_in_window_get_heading (window), ==, "Welcome to Tandem");
  g_assert_cmpstr (gtk_button_get_label (button), ==, "Create Administrator");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_sign_in_window_get_name_row (window))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_sign_in_window_get_confirm_row (window))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (button)));

  type_text (tandem_sign_in_window_get_login_row (window), "boss");
  type_text (tandem_sign_in_window_get_name_row (window), "Anna Virtanen");
  type_text (tandem_sign_in_window_get_password_row (window), "correct horse");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  type_text (tandem_sign_in_window_get_confirm_row (window), "correct hose");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));

  /* Passwords that differ are caught before anything is stored. */
  click (button);
  g_assert_cmpuint (signed_in, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, "The passwords do not match");
  g_assert_true (tandem_store_needs_first_admin (fixture->store));

  /* The store's rule on passwords shows inline; what was typed stays. */
  type_text (tandem_sign_in_window_get_password_row (window), "short");
  type_text (tandem_sign_in_window_get_confirm_row (window), "short");
  click (button);
  g_assert_cmpuint (signed_in, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), !=, "The passwords do not match");
  g_assert_cmpstr (gtk_editable_get_text (tandem_sign_in_window_get_login_row (window)), ==, "boss");
  g_assert_true (tandem_store_needs_first_admin (fixture->store));

  type_text (tandem_sign_in_window_get_password_row (window), "correct horse");
  type_text (tandem_sign_in_window_get_confirm_row (window), "correct horse");
  click (button);
  g_assert_cmpuint (signed_in, ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  user = tandem_store_get_user (fixture->store);
  g_assert_nonnull (user);
  g_assert_cmpstr (tandem_user_get_login (user), ==, "boss");
  g_assert_cmpstr (tandem_user_get_name (user), ==, "Anna Virtanen");
  g_assert_true (tandem_user_is_admin (user));
  g_assert_false (tandem_store_needs_first_admin (fixture->store));
  login = last_login ();
  g_assert_cmpstr (login, ==, "boss");

  destroy_window (window);

  /* A3: only the right password matches what was stored. */
  tandem_store_sign_out (fixture->store);
  g_assert_false (tandem_store_sign_in (fixture->store, "boss", "correct hose", &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH);
  g_clear_error (&error);
  g_assert_true (tandem_store_sign_in (fixture->store, "boss", "correct horse", &error));
  g_assert_no_error (error);
}

/* SPEC A1: sign-in with login and password; a wrong password and an
 * unknown login give the very same message. */
static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) admin = NULL;
  g_autoptr(TandemUser) former = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *login = NULL;
  TandemSignInWindow *window;
  GtkLabel *error_label;
  GtkEditable *login_row;
  GtkEditable *password_row;
  g_autofree char *wrong_password_message = NULL;
  guint signed_in = 0;

  admin = tandem_store_create_first_admin (fixture->store, "boss", "Anna Virtanen", "correct horse", &error);
  g_assert_no_error (error);
  former = tandem_store_add_user (fixture->store, "former", "Former Seller", "old password", TANDEM_ROLE_USER, NULL, &error);
  g_assert_no_error (error);
  tandem_user_set_active (former, FALSE);
  g_assert_true (tandem_store_update_user (fixture->store, former, &error));
  g_assert_no_error (error);
  tandem_store_sign_out (fixture->store);
  g_settings_set_string (settings, "last-login", "");

  window = open_window (fixture, &signed_in);
  error_label = tandem_sign_in_window_get_error_label (window);
  login_row = tandem_sign_in_window_get_login_row (window);
  password_row = tandem_sign_in_window_get_password_row (window);

  g_assert_cmpstr (tandem_sign_in_window_get_heading (window), ==, "Sign In to Tandem");
  g_assert_cmpstr (gtk_button_get_label (tandem_sign_in_window_get_button (window)), ==, "Sign In");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tandem_sign_in_window_get_name_row (window))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tandem_sign_in_window_get_confirm_row (window))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  /* Wrong password, signed in with Enter in the password row. */
  type_text (login_row, "boss");
  type_text (password_row, "wrong horse");
  g_signal_emit_by_name (password_row, "entry-activated");
  run_main_loop ();
  g_assert_cmpuint (signed_in, ==, 0);
  g_assert_null (tandem_store_get_user (fixture->store));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, "Wrong login or password");
  g_assert_cmpstr (gtk_editable_get_text (password_row), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (login_row), ==, "boss");
  wrong_password_message = g_strdup (gtk_label_get_text (error_label));

  /* Unknown login: the very same words. */
  type_text (login_row, "nobody");
  type_text (password_row, "correct horse");
  click (tandem_sign_in_window_get_button (window));
  g_assert_cmpuint (signed_in, ==, 0);
  g_assert_null (tandem_store_get_user (fixture->store));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, wrong_password_message);

  /* A disabled account is told so. */
  type_text (login_row, "former");
  type_text (password_row, "old password");
  click (tandem_sign_in_window_get_button (window));
  g_assert_cmpuint (signed_in, ==, 0);
  g_assert_null (tandem_store_get_user (fixture->store));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "disabled"));

  type_text (login_row, "boss");
  type_text (password_row, "correct horse");
  click (tandem_sign_in_window_get_button (window));
  g_assert_cmpuint (signed_in, ==, 1);
  g_assert_nonnull (tandem_store_get_user (fixture->store));
  g_assert_cmpstr (tandem_user_get_login (tandem_store_get_user (fixture->store)), ==, "boss");
  login = last_login ();
  g_assert_cmpstr (login, ==, "boss");
  destroy_window (window);

  /* The next start remembers the login, never the password. */
  tandem_store_sign_out (fixture->store);
  signed_in = 0;
  window = open_window (fixture, &signed_in);
  g_assert_cmpstr (gtk_editable_get_text (tandem_sign_in_window_get_login_row (window)), ==, "boss");
  g_assert_cmpstr (gtk_editable_get_text (tandem_sign_in_window_get_password_row (window)), ==, "");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_sign_in_window_get_button (window))));
  destroy_window (window);
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

  g_test_add ("/ui/first-start-A5-A3", Fixture, NULL, fixture_set_up, test_first_start, fixture_tear_down);
  g_test_add ("/ui/sign-in-A1", Fixture, NULL, fixture_set_up, test_sign_in, fixture_tear_down);
  return g_test_run ();
}
