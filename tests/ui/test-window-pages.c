/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The activity pages of the main window: after sign-in the user lands on
 * their own open activities (SPEC D17); the pages are one key away; a
 * search hit for an activity opens its card (K1), and another user's
 * private activity is found by nobody else (E1, E3). The sales pages sit
 * below the registers; a project found by search opens its card, and a
 * project restricted to its team is found by nobody else (H, E1). */

#include "tandem-activity-window.h"
#include "tandem-pipeline-page.h"
#include "tandem-project-window.h"
#include "tandem-projects-page.h"
#include "tandem-reports-page.h"
#include "tandem-window-private.h"
#include "ui-test-util.h"

static gint64
add_activity (TandemStore *store,
              const char  *title,
              int          days_from_now)
{
  g_autoptr(TandemActivity) activity = tandem_activity_new (title);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_from_now);
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                      g_date_time_get_day_of_month (day), 10, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 1);
  g_autoptr(GError) error = NULL;
  gint64 id;

  tandem_activity_set_times (activity, start, end);
  id = tandem_store_save_activity (store, activity, &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
has_results (gpointer data)
{
  return g_list_model_get_n_items (tandem_window_get_search_results (data)) > 0;
}

static gboolean
shows_no_results (gpointer data)
{
  TandemWindow *window = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (window->list_stack), "no-results") == 0;
}

static gboolean
card_shown (gpointer data)
{
  return ui_find_toplevel (TANDEM_TYPE_ACTIVITY_WINDOW) != NULL;
}

static gboolean
label_shown (gpointer data)
{
  TandemWindow *window = ((gpointer *) data)[0];
  const char *text = ((gpointer *) data)[1];

  return ui_find_label (GTK_WIDGET (window), text) != NULL;
}

static void
test_start_page (UiFixture     *fixture,
                 gconstpointer  data)
{
  TandemWindow *window;
  gpointer args[2];

  add_activity (fixture->store, "Overdue call to Borealis", -2);

  window = tandem_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();

  g_assert_cmpstr (tandem_window_get_visible_page (window), ==, "start");
  g_assert_true (gtk_list_box_get_selected_row (window->sidebar_list) == window->start_row);
  args[0] = window;
  args[1] = (gpointer) "Overdue call to Borealis";
  g_assert_true (ui_wait_for (label_shown, args, 3000));

  /* Alt+1…7 go through the pages, the registers last. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "calendar"));
  g_assert_cmpstr (tandem_window_get_visible_page (window), ==, "calendar");
  g_assert_true (gtk_list_box_get_selected_row (window->sidebar_list) == window->calendar_row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "day-plan"));
  g_assert_cmpstr (tandem_window_get_visible_page (window), ==, "day-plan");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people"));
  g_assert_cmpstr (tandem_window_get_visible_page (window), ==, "records");
  g_assert_true (gtk_list_box_get_selected_row (window->sidebar_list) == window->people_row);

  /* Choosing a page in the sidebar shows it. */
  gtk_list_box_select_row (window->sidebar_list, window->seller_row);
  ui_iterate ();
  g_assert_cmpstr (tandem_window_get_visible_page (window), ==, "seller");
  gtk_list_box_select_row (window->sidebar_list, window->companies_row);
  ui_iterate ();
  g_assert_cmpstr (tandem_window_get_visible_page (window), ==, "records");

  /* Planning from the header opens a new card. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.plan-activity", NULL));
  g_assert_true (ui_wait_for (card_shown, NULL, 2000));
}

static void
test_search_activity (UiFixture     *fixture,
                      gconstpointer  data)
{
  g_autoptr(TandemActivity) secret = tandem_activity_new ("Quarterly zeppelin review");
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) eva = NULL;
  g_autoptr(TandemSearchHit) hit = NULL;
  TandemActivityWindow *card;
  TandemWindow *window;
  gint64 id;

  id = add_activity (fixture->store, "Walrus tasting with Borealis", 3);

  /* Another user's private activity. */
  eva = tandem_store_add_user (fixture->store, "eva", "Eva Ek", "eva-password-1", TANDEM_ROLE_USER, NULL, &error);
  g_assert_no_error (error);
  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, "eva", "eva-password-1", &error);
  g_assert_no_error (error);
  tandem_activity_set_visibility (secret, TANDEM_VISIBILITY_PRIVATE);
  tandem_activity_set_open_ended (secret, TRUE);
  tandem_store_save_activity (fixture->store, secret, &error);
  g_assert_no_error (error);
  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, "admin", "admin-password-1", &error);
  g_assert_no_error (error);

  window = tandem_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();

  /* Ctrl+F from an activity page goes to the registers' search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  ui_iterate ();
  g_assert_cmpstr (tandem_window_get_visible_page (window), ==, "records");

  gtk_editable_set_text (tandem_window_get_search_entry (window), "zeppelin");
  g_assert_true (ui_wait_for (shows_no_results, window, 3000));

  gtk_editable_set_text (tandem_window_get_search_entry (window), "walrus");
  g_assert_true (ui_wait_for (has_results, window, 3000));
  hit = g_list_model_get_item (tandem_window_get_search_results (window), 0);
  g_assert_cmpint (tandem_search_hit_get_kind (hit), ==, TANDEM_KIND_ACTIVITY);
  g_assert_cmpint (tandem_search_hit_get_id (hit), ==, id);

  g_signal_emit_by_name (window->results_view, "activate", 0);
  g_assert_true (ui_wait_for (card_shown, NULL, 2000));
  card = TANDEM_ACTIVITY_WINDOW (ui_find_toplevel (TANDEM_TYPE_ACTIVITY_WINDOW));
  g_assert_cmpint (tandem_record_get_id (TANDEM_RECORD (tandem_activity_window_get_activity (card))), ==, id);
  g_assert_cmpstr (tandem_activity_get_title (tandem_activity_window_get_activity (card)), ==,
                   "Walrus tasting with Borealis");
  gtk_window_destroy (GTK_WINDOW (card));
  ui_iterate ();

  /* Planning in a colleague's calendar column makes them the performer. */
  {
    GtkWidget *calendar = tandem_window_get_page (window, "calendar");
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) start = g_date_time_add_days (now, 2);
    const gint64 *performers;
    guint n_performers;
    gint64 eva_id = tandem_user_get_id (eva);

    g_assert_nonnull (calendar);
    g_signal_emit_by_name (calendar, "plan", start, (gint64) 3600, eva_id);
    g_assert_true (ui_wait_for (card_shown, NULL, 2000));
    card = TANDEM_ACTIVITY_WINDOW (ui_find_toplevel (TANDEM_TYPE_ACTIVITY_WINDOW));
    performers = tandem_activity_get_performer_ids (tandem_activity_window_get_activity (card), &n_performers);
    g_assert_cmpuint (n_performers, ==, 1);
    g_assert_cmpint (performers[0], ==, eva_id);
  }
}

static gboolean
project_card_shown (gpointer data)
{
  return ui_find_toplevel (TANDEM_TYPE_PROJECT_WINDOW) != NULL;
}

static gint64
add_sale (TandemStore      *store,
          gint64            company_id,
          const char       *name,
          TandemVisibility  visibility)
{
  g_autoptr(TandemProject) sale = tandem_project_new_sale (company_id, name, 1);
  g_autoptr(GError) error = NULL;
  gint64 id;

  tandem_project_set_value (sale, 1250000);
  tandem_project_set_visibility (sale, visibility);
  id = tandem_store_save_project (store, sale, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_sales_pages (UiFixture     *fixture,
                  gconstpointer  data)
{
  g_autoptr(TandemCompany) company = tandem_company_new ("Borealis Oy");
  g_autoptr(TandemUser) eva = NULL;
  g_autoptr(TandemSearchHit) hit = NULL;
  g_autoptr(GError) error = NULL;
  TandemProjectWindow *card;
  TandemWindow *window;
  gint64 company_id, sale_id;

  company_id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);
  sale_id = add_sale (fixture->store, company_id, "Walrus fleet renewal", TANDEM_VISIBILITY_EVERYONE);

  /* Another user's sale for their team alone. */
  eva = tandem_store_add_user (fixture->store, "eva", "Eva Ek", "eva-password-1", TANDEM_ROLE_USER, NULL, &error);
  g_assert_no_error (error);
  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, "eva", "eva-password-1", &error);
  g_assert_no_error (error);
  add_sale (fixture->store, company_id, "Walrus secret merger", TANDEM_VISIBILITY_TEAM);
  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, "admin", "admin-password-1", &error);
  g_assert_no_error (error);

  window = tandem_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();

  /* Alt+8, 9, 0: Pipeline, Projects, Reports, below the registers. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "pipeline"));
  g_assert_cmpstr (tandem_window_get_visible_page (window), ==, "pipeline");
  g_assert_true (gtk_list_box_get_selected_row (window->sidebar_list) == window->pipeline_row);
  g_assert_true (TANDEM_IS_PIPELINE_PAGE (tandem_window_get_page (window, "pipeline")));
  gtk_list_box_select_row (window->sidebar_list, window->projects_row);
  ui_iterate ();
  g_assert_cmpstr (tandem_window_get_visible_page (window), ==, "projects");
  g_assert_true (TANDEM_IS_PROJECTS_PAGE (tandem_window_get_page (window, "projects")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reports"));
  g_assert_cmpstr (tandem_window_get_visible_page (window), ==, "reports");
  g_assert_true (TANDEM_IS_REPORTS_PAGE (tandem_window_get_page (window, "reports")));

  /* A project that does not exist, or is hidden, opens nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-project", "x", sale_id + 1));
  ui_iterate ();
  g_assert_null (ui_find_toplevel (TANDEM_TYPE_PROJECT_WINDOW));

  /* Search finds the visible sale only, and opens its card. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  ui_iterate ();
  gtk_editable_set_text (tandem_window_get_search_entry (window), "walrus");
  g_assert_true (ui_wait_for (has_results, window, 3000));
  g_assert_cmpuint (g_list_model_get_n_items (tandem_window_get_search_results (window)), ==, 1);
  hit = g_list_model_get_item (tandem_window_get_search_results (window), 0);
  g_assert_cmpint (tandem_search_hit_get_kind (hit), ==, TANDEM_KIND_PROJECT);
  g_assert_cmpint (tandem_search_hit_get_id (hit), ==, sale_id);
  g_assert_null (ui_find_label (GTK_WIDGET (window), "Walrus secret merger"));

  g_signal_emit_by_name (window->results_view, "activate", 0);
  g_assert_true (ui_wait_for (project_card_shown, NULL, 2000));
  card = TANDEM_PROJECT_WINDOW (ui_find_toplevel (TANDEM_TYPE_PROJECT_WINDOW));
  g_assert_cmpint (tandem_project_window_get_id (card), ==, sale_id);
  gtk_window_destroy (GTK_WINDOW (card));
  ui_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/window/start-page-and-pages-D17", UiFixture, NULL,
              ui_fixture_set_up, test_start_page, ui_fixture_tear_down);
  g_test_add ("/ui/window/search-opens-activity-K1-E1", UiFixture, NULL,
              ui_fixture_set_up, test_search_activity, ui_fixture_tear_down);
  g_test_add ("/ui/window/sales-pages-and-project-search-H1-K1-E1", UiFixture, NULL,
              ui_fixture_set_up, test_sales_pages, ui_fixture_tear_down);
  return g_test_run ();
}
