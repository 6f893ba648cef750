/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC B6, D4, D9, D11, D13, D16, D17, D19, D20, E in the activity lists:
 * the start page, the day plan, the To complete list, the seller's view,
 * the activities on a company card, the notification list and the
 * reminders, each driven as a user would and checked against the store. */

#include "tandem-activity-window.h"
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
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) today = g_date_time_new (tz, g_date_time_get_year (now), g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), 10, 0, 0);
  g_autoptr(GDateTime) two_days_ago = g_date_time_add_days (today, -2);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
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
  /* The overdue tag, in the error colour. */
  g_assert_nonnull (ui_find_label (page, "2 days overdue"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ui_find_label (page, "2 days overdue")), "error"));
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
test_day_plan_occurrence (UiFixture     *fixture,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = g_date_time_new (tz, g_date_time_get_year (now), g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), 8, 30, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (start, 1);
  g_autoptr(TandemActivity) standup = new_activity ("Morning call with the team", start);
  g_autoptr(TandemActivity) saved = NULL;
  g_autoptr(GError) error = NULL;
  TandemDayPlanPage *page;
  TandemActivityRow *row;
  gint64 id;

  tandem_activity_set_rrule (standup, "FREQ=DAILY;COUNT=5");
  id = save (fixture, standup);

  page = TANDEM_DAY_PLAN_PAGE (tandem_day_plan_page_new (fixture->store));
  show_in_window (GTK_WIDGET (page));
  row = tandem_day_plan_page_find_row (page, id);
  g_assert_nonnull (row);
  g_assert_cmpint (tandem_activity_row_get_recurrence_id (row), ==, g_date_time_to_unix (start));

  /* D6: today's occurrence is completed on its own. */
  gtk_check_button_set_active (tandem_day_plan_page_get_row_check (row), TRUE);
  saved = tandem_store_get_occurrence_activity (fixture->store, id, g_date_time_to_unix (start), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_activity_get_status (saved), ==, TANDEM_STATUS_COMPLETED);
  g_clear_object (&saved);
  saved = tandem_store_get_activity (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_activity_get_status (saved), ==, TANDEM_STATUS_PLANNED);

  /* Tomorrow's is still to do. */
  tandem_day_plan_page_set_date (page, tomorrow);
  ui_iterate ();
  row = tandem_day_plan_page_find_row (page, id);
  g_assert_nonnull (row);
  g_assert_false (gtk_check_button_get_active (tandem_day_plan_page_get_row_check (row)));
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

static void
test_seller_view (UiFixture     *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(TandemActivity) visit = NULL;
  g_autoptr(GError) error = NULL;
  TandemSellerView *view;
  GtkDropDown *sellers;
  GtkWidget *card;
  gint64 bob, visit_id, call_id;

  bob = add_user (fixture, "bob", "Bob Seller", TANDEM_ROLE_USER);
  add_user (fixture, "maria", "Maria Manager", TANDEM_ROLE_MANAGER);

  /* D20: the manager sets Bob a weekly target of two customer visits. */
  sign_in (fixture, "maria");
  tandem_store_set_sales_target (fixture->store, bob, CATEGORY_VISIT, TANDEM_PERIOD_WEEK, 2, &error);
  g_assert_no_error (error);

  /* Bob completes one visit this week and plans a call. */
  sign_in (fixture, "bob");
  visit = new_activity ("Visit Virtanen", now);
  tandem_activity_set_category_id (visit, CATEGORY_VISIT);
  visit_id = save (fixture, visit);
  tandem_store_set_activity_status (fixture->store, visit_id, TANDEM_STATUS_COMPLETED, TANDEM_OUTCOME_NONE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(TandemActivity) call = new_activity ("Call Lehtonen", now);

    tandem_activity_set_category_id (call, CATEGORY_CALL);
    call_id = save (fixture, call);
  }

  view = TANDEM_SELLER_VIEW (tandem_seller_view_new (fixture->store));
  show_in_window (GTK_WIDGET (view));
  card = tandem_seller_view_find_card (view, CATEGORY_VISIT);
  g_assert_nonnull (card);
  g_assert_cmpstr (tandem_seller_view_card_get_progress (card), ==, "1 of 2 this week");
  g_assert_nonnull (ui_find_label (card, "1 of 2 this week"));
  {
    g_autoptr(GArray) ids = list_ids (tandem_seller_view_card_get_list (card));

    g_assert_cmpint (ids->len, ==, 1);
    g_assert_cmpint (index_of (ids, visit_id), ==, 0);
  }
  /* The call has a card of its own, without a target. */
  card = tandem_seller_view_find_card (view, CATEGORY_CALL);
  g_assert_nonnull (card);
  g_assert_null (tandem_seller_view_card_get_progress (card));
  {
    g_autoptr(GArray) ids = list_ids (tandem_seller_view_card_get_list (card));

    g_assert_cmpint (index_of (ids, call_id), ==, 0);
  }
  /* No activities and no target: no card. */
  g_assert_null (tandem_seller_view_find_card (view, 31));
  /* A seller does not choose whose view it is. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (tandem_seller_view_get_seller_dropdown (view))));
  ui_destroy_toplevels ();

  /* The manager chooses Bob and sees his progress. */
  sign_in (fixture, "maria");
  view = TANDEM_SELLER_VIEW (tandem_seller_view_new (fixture->store));
  show_in_window (GTK_WIDGET (view));
  g_assert_null (tandem_seller_view_find_card (view, CATEGORY_VISIT));
  sellers = tandem_seller_view_get_seller_dropdown (view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sellers)));
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (sellers)); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (sellers)), i), "Bob Seller"))
      gtk_drop_down_set_selected (sellers, i);
  ui_iterate ();
  g_assert_cmpint (tandem_seller_view_get_seller_id (view), ==, bob);
  card = tandem_seller_view_find_card (view, CATEGORY_VISIT);
  g_assert_nonnull (card);
  g_assert_cmpstr (tandem_seller_view_card_get_progress (card), ==, "1 of 2 this week");
}

/* The button under @widget whose label (or button content) is @label. */
static GtkButton *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 ||
          (ADW_IS_BUTTON_CONTENT (child) && g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)), label) == 0))
        return GTK_BUTTON (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
activity_window_shown (gpointer data)
{
  return ui_find_toplevel (TANDEM_TYPE_ACTIVITY_WINDOW) != NULL;
}

static void
test_company_card_activities (UiFixture     *fixture,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_week = g_date_time_add_weeks (now, 1);
  g_autoptr(TandemCompany) company = tandem_company_new ("Rautakauppa Virtanen Oy");
  g_autoptr(TandemPerson) person = tandem_person_new ("Pekka Virtanen");
  g_autoptr(TandemActivity) via_person = NULL;
  g_autoptr(TandemActivity) hidden = NULL;
  g_autoptr(GError) error = NULL;
  TandemActivitiesGroup *group;
  GtkWidget *card;
  gint64 company_id, person_id;

  company_id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);
  tandem_person_set_company_id (person, company_id);
  person_id = tandem_store_save_person (fixture->store, person, &error);
  g_assert_no_error (error);
  add_user (fixture, "bob", "Bob Seller", TANDEM_ROLE_USER);

  /* B6: linked to the contact person only, not to the company. */
  via_person = new_activity ("Demo for Pekka", next_week);
  tandem_activity_set_person_ids (via_person, &person_id, 1);
  save (fixture, via_person);

  /* Bob's private call with Pekka stays out of the administrator's card. */
  sign_in (fixture, "bob");
  hidden = new_activity ("Bob's private call", now);
  tandem_activity_set_person_ids (hidden, &person_id, 1);
  tandem_activity_set_visibility (hidden, TANDEM_VISIBILITY_PRIVATE);
  save (fixture, hidden);
  sign_in (fixture, "admin");

  card = tandem_company_card_new (fixture->store);
  show_in_window (card);
  g_assert_true (tandem_card_load (TANDEM_CARD (card), company_id, &error));
  g_assert_no_error (error);
  ui_iterate ();
  group = tandem_company_card_get_activities_group (TANDEM_COMPANY_CARD (card));
  g_assert_cmpuint (tandem_activities_group_get_n_activities (group), ==, 1);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (group), "Demo for Pekka"));
  g_assert_null (ui_find_label (GTK_WIDGET (group), "private call"));

  /* Completed ones show when asked to. */
  {
    g_autoptr(TandemActivity) done = new_activity ("Delivered the order", now);

    tandem_activity_set_company_id (done, company_id);
    tandem_activity_set_status (done, TANDEM_STATUS_COMPLETED);
    save (fixture, done);
  }
  tandem_activities_group_reload (group);
  g_assert_cmpuint (tandem_activities_group_get_n_activities (group), ==, 1);
  gtk_switch_set_active (GTK_SWITCH (find_widget (GTK_WIDGET (group), GTK_TYPE_SWITCH)), TRUE);
  g_assert_true (tandem_activities_group_get_show_completed (group));
  g_assert_cmpuint (tandem_activities_group_get_n_activities (group), ==, 2);
  ui_iterate ();
  g_assert_nonnull (ui_find_label (GTK_WIDGET (group), "Delivered the order"));

  /* D16: planning from the card links the new activity to the company. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (group), "_Plan Activity…"), "clicked");
  g_assert_true (ui_wait_for (activity_window_shown, NULL, 2000));
  {
    TandemActivityWindow *window = TANDEM_ACTIVITY_WINDOW (ui_find_toplevel (TANDEM_TYPE_ACTIVITY_WINDOW));

    g_assert_cmpint (tandem_activity_get_company_id (tandem_activity_window_get_activity (window)), ==, company_id);
    g_assert_cmpint (tandem_record_get_id (TANDEM_RECORD (tandem_activity_window_get_activity (window))), ==, 0);
    gtk_window_destroy (GTK_WINDOW (window));
    ui_iterate ();
  }
}

static void
test_reminders (UiFixture     *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) soon = g_date_time_add_minutes (now, 10);
  g_autoptr(TandemReminderService) service = tandem_reminder_service_new (NULL, fixture->store);
  g_autoptr(TandemActivity) mine = new_activity ("Call Lehtonen", soon);
  g_autoptr(TandemActivity) bobs = NULL;
  g_autoptr(GPtrArray) notifications = NULL;
  g_autoptr(GError) error = NULL;
  TandemNotificationsPopover *popover;
  TandemReminder reminder = { 15, TANDEM_CHANNEL_APP };
  gint64 mine_id, opened[2] = { 0, -1 };
  GtkWidget *button;

  add_user (fixture, "bob", "Bob Seller", TANDEM_ROLE_USER);
  sign_in (fixture, "bob");
  bobs = new_activity ("Bob's dentist", soon);
  tandem_activity_set_reminders (bobs, &reminder, 1);
  tandem_activity_set_visibility (bobs, TANDEM_VISIBILITY_PRIVATE);
  save (fixture, bobs);

  sign_in (fixture, "admin");
  tandem_activity_set_reminders (mine, &reminder, 1);
  mine_id = save (fixture, mine);

  /* D11: starts in 10 minutes, reminds 15 minutes before: due now; Bob's
   * hidden one gives the administrator nothing (E5). */
  g_assert_cmpuint (tandem_reminder_service_tick (service, now), ==, 1);
  notifications = tandem_store_list_notifications (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notifications->len, ==, 1);
  g_assert_cmpint (tandem_notification_get_activity_id (g_ptr_array_index (notifications, 0)), ==, mine_id);
  g_assert_cmpstr (tandem_notification_get_title (g_ptr_array_index (notifications, 0)), ==, "Call Lehtonen");
  /* Once per occurrence. */
  g_assert_cmpuint (tandem_reminder_service_tick (service, now), ==, 0);

  /* The notification list shows it unread; opening it marks it read. */
  button = gtk_menu_button_new ();
  popover = TANDEM_NOTIFICATIONS_POPOVER (tandem_notifications_popover_new (fixture->store));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (popover));
  show_in_window (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  ui_iterate ();
  g_assert_cmpuint (tandem_notifications_popover_get_n_unread (popover), ==, 1);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (popover), "Call Lehtonen"));
  g_signal_connect (popover, "open-activity", G_CALLBACK (on_open_activity_cb), opened);
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (tandem_notifications_popover_get_list_box (popover), 0),
                         "activate");
  g_assert_cmpint (opened[0], ==, mine_id);
  g_assert_cmpint (opened[1], ==, 0);
  g_assert_cmpuint (tandem_notifications_popover_get_n_unread (popover), ==, 0);
  g_assert_cmpuint (tandem_store_count_unread_notifications (fixture->store, NULL), ==, 0);

  /* Bob's own reminder was due all along. */
  g_clear_pointer (&notifications, g_ptr_array_unref);
  sign_in (fixture, "bob");
  g_assert_cmpuint (tandem_reminder_service_tick (service, now), ==, 1);
  /* Signed out, nothing is collected. */
  tandem_store_sign_out (fixture->store);
  g_assert_cmpuint (tandem_reminder_service_tick (service, now), ==, 0);
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
  g_test_add ("/ui/activity-views/day-plan-completes-one-occurrence-D6", UiFixture, NULL,
              ui_fixture_set_up, test_day_plan_occurrence, ui_fixture_tear_down);
  g_test_add ("/ui/activity-views/to-complete-lists-flagged-D13", UiFixture, NULL,
              ui_fixture_set_up, test_to_complete, ui_fixture_tear_down);
  g_test_add ("/ui/activity-views/seller-view-cards-and-target-progress-D19-D20", UiFixture, NULL,
              ui_fixture_set_up, test_seller_view, ui_fixture_tear_down);
  g_test_add ("/ui/activity-views/company-card-lists-activities-of-its-people-B6-E1", UiFixture, NULL,
              ui_fixture_set_up, test_company_card_activities, ui_fixture_tear_down);
  g_test_add ("/ui/activity-views/reminder-notifies-once-hidden-never-D11-E5", UiFixture, NULL,
              ui_fixture_set_up, test_reminders, ui_fixture_tear_down);
  return g_test_run ();
}
