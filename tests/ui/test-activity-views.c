/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC B6, D4, D9, D11, D13, D16, D17, D19, D20, E in the activity lists:
 * the start page, the day plan, the To complete list, the seller's view,
 * the activities on a company card, the notification list and the
 * reminders, each driven as a user would and checked against the store. */

#include "tandem-company-card-private.h"
#include "tandem-day-plan-page-private.h"
#include "tandem-notifications-popover-private.h"
#include "tandem-reminder-service.h"
#include "tandem-seller-view-private.h"
#include "tandem-start-page-private.h"
#include "tandem-to-complete-page-private.h"
#include "ui-test-util.h"

/* Term ids shipped in the schema (0003-activities.sql) */
#define CATEGORY_VISIT 34
#define CATEGORY_CALL  35
#define GOAL_MEETING   41

static gint64
add_user (UiFixture  *fixture,
          const char *login,
          const char *name,
          TandemRole  role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) user = tandem_store_add_user (fixture->store, login, name, "user-password-1", role, NULL, &error);

  g_assert_no_error (error);
  return tandem_user_get_id (user);
}

static void
sign_in (UiFixture  *fixture,
         const char *login)
{
  g_autoptr(GError) error = NULL;

  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, login,
                        g_str_equal (login, "admin") ? "admin-password-1" : "user-password-1", &error);
  g_assert_no_error (error);
}

/* An activity performed by the signed-in user from @start for an hour;
 * NULL @start: open-ended. */
static TandemActivity *
new_activity (const char *title,
              GDateTime  *start)
{
  TandemActivity *activity = tandem_activity_new (title);

  if (start)
    {
      g_autoptr(GDateTime) end = g_date_time_add_hours (start, 1);

      tandem_activity_set_times (activity, start, end);
    }
  else
    tandem_activity_set_open_ended (activity, TRUE);
  return activity;
}

static gint64
save (UiFixture      *fixture,
      TandemActivity *activity)
{
  g_autoptr(GError) error = NULL;
  gint64 id = tandem_store_save_activity (fixture->store, activity, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_activity (UiFixture  *fixture,
              const char *title,
              GDateTime  *start)
{
  g_autoptr(TandemActivity) activity = new_activity (title, start);

  return save (fixture, activity);
}

static GtkWidget *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 900);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  return window;
}

/* The activity ids of a list's rows, in order. */
static GArray *
list_ids (GtkListBox *list)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    if (TANDEM_IS_ACTIVITY_ROW (row))
      {
        gint64 id = tandem_activity_row_get_activity_id (TANDEM_ACTIVITY_ROW (row));

        g_array_append_val (ids, id);
      }
  return ids;
}

static int
index_of (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return -1;
}

static void
test_start_page (UiFixture     *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) two_days_ago = g_date_time_add_days (now, -2);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(TandemActivity) secret = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 overdue, future, private_id;
  GtkWidget *page;

  add_user (fixture, "bob", "Bob Seller", TANDEM_ROLE_USER);

  /* Bob's own private activity, overdue: on his start page only. */
  sign_in (fixture, "bob");
  secret = new_activity ("Dentist appointment", two_days_ago);
  tandem_activity_set_visibility (secret, TANDEM_VISIBILITY_PRIVATE);
  private_id = save (fixture, secret);

  sign_in (fixture, "admin");
  future = add_activity (fixture, "Visit Virtanen", tomorrow);
  overdue = add_activity (fixture, "Call back Lehtonen", two_days_ago);

  page = tandem_start_page_new (fixture->store);
  show_in_window (page);
  ids = list_ids (tandem_start_page_get_list_box (TANDEM_START_PAGE (page)));
  g_assert_cmpint (index_of (ids, overdue), ==, 0);
  g_assert_cmpint (index_of (ids, future), ==, 1);
  g_assert_cmpint (index_of (ids, private_id), ==, -1);
  g_assert_nonnull (ui_find_label (page, "Overdue"));
  g_assert_nonnull (ui_find_label (page, "2 days overdue"));
  g_assert_nonnull (ui_find_label (page, "Tomorrow"));
  g_assert_null (ui_find_label (page, "Dentist"));
  ui_destroy_toplevels ();

  /* Bob sees his own, so it was a start page entry: hidden, not missing. */
  sign_in (fixture, "bob");
  page = tandem_start_page_new (fixture->store);
  show_in_window (page);
  g_clear_pointer (&ids, g_array_unref);
  ids = list_ids (tandem_start_page_get_list_box (TANDEM_START_PAGE (page)));
  g_assert_cmpint (index_of (ids, private_id), ==, 0);
  g_assert_cmpint (index_of (ids, overdue), ==, -1);
  g_assert_nonnull (ui_find_label (page, "Dentist appointment"));
}

static gboolean
row_gone (gpointer data)
{
  gpointer *args = data;

  return tandem_day_plan_page_find_row (args[0], GPOINTER_TO_SIZE (args[1])) == NULL;
}

static void
test_day_plan_open_ended (UiFixture     *fixture,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) saved = NULL;
  TandemDayPlanPage *page;
  TandemActivityRow *row;
  gint64 id;

  id = add_activity (fixture, "Prepare the spring offer", NULL);

  page = TANDEM_DAY_PLAN_PAGE (tandem_day_plan_page_new (fixture->store));
  show_in_window (GTK_WIDGET (page));

  row = tandem_day_plan_page_find_row (page, id);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (row)) ==
                 GTK_WIDGET (tandem_day_plan_page_get_list (page, TANDEM_DAY_PLAN_OPEN_ENDED)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));

  /* Another day, the same open-ended activity (D4). */
  tandem_day_plan_page_set_date (page, later);
  ui_iterate ();
  row = tandem_day_plan_page_find_row (page, id);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));

  /* Completed with its check button, it leaves the day plan. */
  gtk_check_button_set_active (tandem_day_plan_page_get_row_check (row), TRUE);
  saved = tandem_store_get_activity (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_activity_get_status (saved), ==, TANDEM_STATUS_COMPLETED);
  g_assert_true (ui_wait_for (row_gone, (gpointer[]) { page, GSIZE_TO_POINTER (id) }, 2000));
  tandem_day_plan_page_set_date (page, now);
  ui_iterate ();
  g_assert_null (tandem_day_plan_page_find_row (page, id));
}

static gboolean
dialog_shown (gpointer data)
{
  return ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_day_plan_goal (UiFixture     *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = g_date_time_new (tz, g_date_time_get_year (now), g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), 10, 0, 0);
  g_autoptr(TandemActivity) activity = new_activity ("Call Lehtonen about a meeting", start);
  g_autoptr(TandemActivity) saved = NULL;
  g_autoptr(GError) error = NULL;
  TandemDayPlanPage *page;
  TandemActivityRow *row;
  AdwMessageDialog *dialog;
  gint64 id;

  tandem_activity_set_goal_id (activity, GOAL_MEETING);
  tandem_activity_set_category_id (activity, CATEGORY_CALL);
  id = save (fixture, activity);

  page = TANDEM_DAY_PLAN_PAGE (tandem_day_plan_page_new (fixture->store));
  show_in_window (GTK_WIDGET (page));
  row = tandem_day_plan_page_find_row (page, id);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (row)) ==
                 GTK_WIDGET (tandem_day_plan_page_get_list (page, TANDEM_DAY_PLAN_DAY)));

  /* D9: it asks for the outcome first; nothing is saved yet. */
  gtk_check_button_set_active (tandem_day_plan_page_get_row_check (row), TRUE);
  g_assert_true (ui_wait_for (dialog_shown, NULL, 2000));
  saved = tandem_store_get_activity (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_activity_get_status (saved), ==, TANDEM_STATUS_PLANNED);
  g_clear_object (&saved);

  dialog = ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (adw_message_dialog_has_response (dialog, "success"));
  g_assert_true (adw_message_dialog_has_response (dialog, "failure"));
  adw_message_dialog_response (dialog, "success");
  ui_iterate ();

  saved = tandem_store_get_activity (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_activity_get_status (saved), ==, TANDEM_STATUS_COMPLETED);
  g_assert_cmpint (tandem_activity_get_outcome (saved), ==, TANDEM_OUTCOME_SUCCESS);
}

static void
test_day_plan_goal_cancelled (UiFixture     *fixture,
                              gconstpointer  data)
{
  g_autoptr(TandemActivity) activity = new_activity ("Offer to Virtanen", NULL);
  g_autoptr(TandemActivity) saved = NULL;
  g_autoptr(GError) error = NULL;
  TandemDayPlanPage *page;
  TandemActivityRow *row;
  gint64 id;

  tandem_activity_set_goal_id (activity, GOAL_MEETING);
  id = save (fixture, activity);

  page = TANDEM_DAY_PLAN_PAGE (tandem_day_plan_page_new (fixture->store));
  show_in_window (GTK_WIDGET (page));
  row = tandem_day_plan_page_find_row (page, id);
  gtk_check_button_set_active (tandem_day_plan_page_get_row_check (row), TRUE);
  g_assert_true (ui_wait_for (dialog_shown, NULL, 2000));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "cancel");
  ui_iterate ();

  /* Nothing saved, and the check is off again. */
  saved = tandem_store_get_activity (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_activity_get_status (saved), ==, TANDEM_STATUS_PLANNED);
  g_assert_false (gtk_check_button_get_active (tandem_day_plan_page_get_row_check (row)));
}

static void
on_open_activity_cb (GtkWidget *page,
                     gint64     activity_id,
                     gint64     recurrence_id,
                     gint64    *opened)
{
  opened[0] = activity_id;
  opened[1] = recurrence_id;
}

static void
test_to_complete (UiFixture     *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(TandemActivity) flagged = new_activity ("Write the visit report", now);
  g_autoptr(GArray) ids = NULL;
  GtkWidget *page;
  gint64 flagged_id, other_id;
  gint64 opened[2] = { 0, -1 };

  tandem_activity_set_needs_completing (flagged, TRUE);
  flagged_id = save (fixture, flagged);
  other_id = add_activity (fixture, "Lunch with Virtanen", now);

  page = tandem_to_complete_page_new (fixture->store);
  show_in_window (page);
  g_assert_cmpuint (tandem_to_complete_page_get_n_items (TANDEM_TO_COMPLETE_PAGE (page)), ==, 1);
  ids = list_ids (tandem_to_complete_page_get_list_box (TANDEM_TO_COMPLETE_PAGE (page)));
  g_assert_cmpint (index_of (ids, flagged_id), ==, 0);
  g_assert_cmpint (index_of (ids, other_id), ==, -1);
  g_assert_nonnull (ui_find_label (page, "Write the visit report"));

  /* A row opens the card. */
  g_signal_connect (page, "open-activity", G_CALLBACK (on_open_activity_cb), opened);
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (tandem_to_complete_page_get_list_box (TANDEM_TO_COMPLETE_PAGE (page)), 0),
                         "activate");
  g_assert_cmpint (opened[0], ==, flagged_id);
  g_assert_cmpint (opened[1], ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/activity-views/start-page-overdue-first-private-hidden-D17-E3", UiFixture, NULL,
              ui_fixture_set_up, test_start_page, ui_fixture_tear_down);
  g_test_add ("/ui/activity-views/day-plan-open-ended-every-day-until-completed-D4", UiFixture, NULL,
              ui_fixture_set_up, test_day_plan_open_ended, ui_fixture_tear_down);
  g_test_add ("/ui/activity-views/day-plan-completing-with-goal-asks-outcome-D9", UiFixture, NULL,
              ui_fixture_set_up, test_day_plan_goal, ui_fixture_tear_down);
  g_test_add ("/ui/activity-views/day-plan-outcome-cancelled-saves-nothing-D9", UiFixture, NULL,
              ui_fixture_set_up, test_day_plan_goal_cancelled, ui_fixture_tear_down);
  g_test_add ("/ui/activity-views/to-complete-lists-flagged-D13", UiFixture, NULL,
              ui_fixture_set_up, test_to_complete, ui_fixture_tear_down);
  return g_test_run ();
}
