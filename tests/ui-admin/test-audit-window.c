/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTestAuditWindow"

#include "config.h"

#include <string.h>

#include "tandem-audit-window-private.h"
#include "tandem-window.h"
#include "ui-admin-util.h"

/* The audit trail window: read only, for administrators, and what an
 * administrator may not see stays out of it (SPEC E5). */

#define ADMIN_PASSWORD "correct horse"
#define USER_PASSWORD  "battery staple"

static void
sign_in (Fixture    *fixture,
         const char *login)
{
  g_autoptr(GError) error = NULL;

  tandem_store_sign_out (fixture->store);
  g_assert_true (tandem_store_sign_in (fixture->store, login,
                                       g_str_equal (login, "boss") ? ADMIN_PASSWORD : USER_PASSWORD, &error));
  g_assert_no_error (error);
}

/* The administrator "boss" and the seller "bea", who adds a company with
 * a note everyone may read and a private one. */
static void
add_people_and_records (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) admin = NULL;
  g_autoptr(TandemUser) bea = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new ("Aalto Oy");
  g_autoptr(TandemNote) open_note = NULL;
  g_autoptr(TandemNote) secret = NULL;
  gint64 company_id;

  admin = tandem_store_create_first_admin (fixture->store, "boss", "Anna Virtanen", ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  bea = tandem_store_add_user (fixture->store, "bea", "Bea Berg", USER_PASSWORD, TANDEM_ROLE_USER, NULL, &error);
  g_assert_no_error (error);

  sign_in (fixture, "bea");
  company_id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);
  open_note = tandem_note_new (TANDEM_KIND_COMPANY, company_id, "Met them at the fair");
  tandem_store_save_note (fixture->store, open_note, &error);
  g_assert_no_error (error);
  secret = tandem_note_new (TANDEM_KIND_COMPANY, company_id, "SECRET-NOTE: we can go 8 % lower");
  tandem_note_set_visibility (secret, TANDEM_VISIBILITY_PRIVATE);
  tandem_store_save_note (fixture->store, secret, &error);
  g_assert_no_error (error);
}

/* Every row's title and subtitle, one row a line */
static char *
rows_text (TandemAuditWindow *window)
{
  GString *text = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (tandem_audit_window_get_list (window)));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_assert_true (ADW_IS_ACTION_ROW (row));
      g_string_append_printf (text, "%s | %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
    }
  return g_string_free (text, FALSE);
}

static guint
n_rows (TandemAuditWindow *window)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (tandem_audit_window_get_list (window)));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static TandemAuditWindow *
open_window (Fixture *fixture)
{
  TandemAuditWindow *window = tandem_audit_window_new (NULL, fixture->store);

  gtk_window_present (GTK_WINDOW (window));
  run_main_loop ();
  return window;
}

/* The trail newest first, a private note of someone else without its
 * text, nothing to click that would change anything. */
static void
test_audit_window (Fixture       *fixture,
                   gconstpointer  data)
{
  TandemAuditWindow *window;
  g_autofree char *text = NULL;
  GtkWidget *first;

  add_people_and_records (fixture);
  sign_in (fixture, "boss");
  window = open_window (fixture);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (tandem_audit_window_get_stack (window)), ==, "list");
  text = rows_text (window);
  g_test_message ("%s", text);
  g_assert_null (strstr (text, "SECRET"));
  g_assert_nonnull (strstr (text, "A note you may not see | Created · Note\nBea Berg, "));
  g_assert_nonnull (strstr (text, "Met them at the fair | Created · Note\nBea Berg, "));
  g_assert_nonnull (strstr (text, "Aalto Oy | Created · Company\nBea Berg, "));
  g_assert_nonnull (strstr (text, "Bea Berg | Created · User\nAnna Virtanen, "));
  g_assert_nonnull (strstr (text, "Anna Virtanen | Created · User\nNobody signed in, "));
  /* Newest first: the private note was the last thing done */
  first = gtk_widget_get_first_child (GTK_WIDGET (tandem_audit_window_get_list (window)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "A note you may not see");

  /* Read only: no row does anything, and has nothing inside to click */
  for (GtkWidget *row = first; row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
      g_assert_null (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
    }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tandem_audit_window_get_more_button (window))));

  destroy_window (window);
}

/* Filters by user and action; nothing found says so. */
static void
test_audit_window_filters (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TandemAuditWindow *window;
  GtkDropDown *users;
  GtkDropDown *actions;
  GListModel *model;
  guint bea = GTK_INVALID_LIST_POSITION;

  add_people_and_records (fixture);
  sign_in (fixture, "boss");
  window = open_window (fixture);
  users = tandem_audit_window_get_user_dropdown (window);
  actions = tandem_audit_window_get_action_dropdown (window);

  model = gtk_drop_down_get_model (users);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "Bea Berg"))
      bea = i;
  g_assert_cmpuint (bea, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (users, bea);
  run_main_loop ();
  g_assert_cmpuint (n_rows (window), ==, 3);
  {
    g_autofree char *text = rows_text (window);

    g_assert_null (strstr (text, "Anna Virtanen,"));
  }

  /* Deleted: there is nothing deleted yet */
  gtk_drop_down_set_selected (actions, 1 + TANDEM_AUDIT_DELETED);
  run_main_loop ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (tandem_audit_window_get_stack (window)), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (tandem_audit_window_get_empty_page (window)), ==, "Nothing Found");

  /* Anyone, any action, from tomorrow: nothing; from today: all */
  gtk_drop_down_set_selected (users, 0);
  gtk_drop_down_set_selected (actions, 0);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                        g_date_time_get_day_of_month (now), 0, 0, 0);
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);

    tandem_audit_window_set_days (window, tomorrow, NULL);
    run_main_loop ();
    g_assert_cmpstr (gtk_stack_get_visible_child_name (tandem_audit_window_get_stack (window)), ==, "empty");
    tandem_audit_window_set_days (window, today, today);
    run_main_loop ();
    g_assert_cmpuint (n_rows (window), ==, 5);
  }
  g_assert_no_error (error);
  destroy_window (window);
}

/* A long trail is read a page at a time. */
static void
test_audit_window_pages (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TandemAuditWindow *window;
  GtkButton *more;

  add_people_and_records (fixture);
  sign_in (fixture, "boss");
  g_assert_true (tandem_store_begin (fixture->store, &error));
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("Company %u", i);
      g_autoptr(TandemCompany) company = tandem_company_new (name);

      tandem_store_save_company (fixture->store, company, &error);
      g_assert_no_error (error);
    }
  g_assert_true (tandem_store_commit (fixture->store, &error));

  window = open_window (fixture);
  more = tandem_audit_window_get_more_button (window);
  g_assert_cmpuint (n_rows (window), ==, 100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (more)));
  click (more);
  g_assert_cmpuint (n_rows (window), ==, 155);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (more)));
  destroy_window (window);
}

/* The menu's Audit Trail is there for an administrator's main window
 * only; anyone else who gets the window is told they cannot read it. */
static void
test_audit_action_admin_only (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkApplication) application = NULL;
  TandemAuditWindow *window;
  TandemWindow *main_window;
  GAction *action;
  g_autofree char *text = NULL;

  add_people_and_records (fixture);
  tandem_store_sign_out (fixture->store);
  application = gtk_application_new ("io.github.tandemcrm.Tandem.TestAudit", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  tandem_audit_window_install_action (application, fixture->store);
  action = g_action_map_lookup_action (G_ACTION_MAP (application), "audit");
  g_assert_nonnull (action);
  g_assert_false (g_action_get_enabled (action));

  sign_in (fixture, "bea");
  main_window = tandem_window_new (application, fixture->store);
  run_main_loop ();
  g_assert_false (g_action_get_enabled (action));
  destroy_window (main_window);

  sign_in (fixture, "boss");
  main_window = tandem_window_new (application, fixture->store);
  run_main_loop ();
  g_assert_true (g_action_get_enabled (action));
  g_action_activate (action, NULL);
  run_main_loop ();
  window = NULL;
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (TANDEM_IS_AUDIT_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (main_window));
  /* The trail goes with the main window when the administrator signs out */
  destroy_window (main_window);
  g_assert_false (g_action_get_enabled (action));
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    g_assert_false (TANDEM_IS_AUDIT_WINDOW (l->data));

  sign_in (fixture, "bea");
  window = open_window (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (tandem_audit_window_get_stack (window)), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (tandem_audit_window_get_empty_page (window)), ==,
                   "The Audit Trail Cannot Be Read");
  g_assert_cmpuint (n_rows (window), ==, 0);
  text = g_strdup (adw_status_page_get_description (tandem_audit_window_get_empty_page (window)));
  g_assert_nonnull (strstr (text, "administrator"));
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Helsinki", TRUE);
  if (!init_display (&argc, &argv))
    {
      g_printerr ("No display: skipped\n");
      return 77;
    }

  g_test_add ("/ui/audit-window-E5", Fixture, NULL, fixture_set_up, test_audit_window, fixture_tear_down);
  g_test_add ("/ui/audit-window-filters", Fixture, NULL, fixture_set_up, test_audit_window_filters,
              fixture_tear_down);
  g_test_add ("/ui/audit-window-pages", Fixture, NULL, fixture_set_up, test_audit_window_pages, fixture_tear_down);
  g_test_add ("/ui/audit-action-admin-only", Fixture, NULL, fixture_set_up, test_audit_action_admin_only,
              fixture_tear_down);
  return g_test_run ();
}
