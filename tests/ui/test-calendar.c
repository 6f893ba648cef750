/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC D16, D18, E3 in the calendar page: day, week and month for one
 * user or several side by side; someone else's private busy time shows as
 * "Busy" and nothing more; activating and planning; following the store.
 *
 * With TANDEM_TEST_SCREENSHOT=day|week|month the test /ui/calendar/show
 * keeps a seeded calendar on screen for screenshots (also
 * TANDEM_TEST_SCREENSHOT_SIZE=WxH, TANDEM_TEST_SCREENSHOT_DARK=1,
 * TANDEM_TEST_SCREENSHOT_USERS=1|2|3). */

#include <stdio.h>
#include <stdlib.h>

#include "tandem-calendar-event.h"
#include "tandem-calendar-month-cell.h"
#include "tandem-calendar-month-view.h"
#include "tandem-calendar-time-grid.h"
#include "tandem-calendar-view.h"
#include "tandem-calendar-week-header.h"
#include "ui-test-util.h"

typedef struct
{
  gint64     activity_id;
  gint64     recurrence_id;
  guint      n_opened;
  GDateTime *plan_start;
  gint64     plan_duration;
  gint64     plan_user;
  guint      n_planned;
} Emitted;

static GDateTime *
local (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

/* Saves an activity of @minutes from @start (taken) performed by the
 * signed-in user, or by @performer when not 0. */
static gint64
add_activity (TandemStore      *store,
              const char       *title,
              GDateTime        *start,
              int               minutes,
              const char       *rrule,
              gboolean          busy,
              TandemVisibility  visibility,
              gint64            performer)
{
  g_autoptr(GDateTime) owned_start = start;
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, minutes);
  g_autoptr(TandemActivity) activity = tandem_activity_new (title);
  g_autoptr(GError) error = NULL;
  gint64 id;

  tandem_activity_set_times (activity, start, end);
  if (rrule)
    tandem_activity_set_rrule (activity, rrule);
  tandem_activity_set_busy (activity, busy);
  tandem_activity_set_visibility (activity, visibility);
  if (performer)
    tandem_activity_set_performer_ids (activity, &performer, 1);
  id = tandem_store_save_activity (store, activity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
admin_id (UiFixture *fixture)
{
  return tandem_user_get_id (tandem_store_get_user (fixture->store));
}

static gint64
add_user (UiFixture  *fixture,
          const char *login,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) user = NULL;

  user = tandem_store_add_user (fixture->store, login, name, "user-password-1", TANDEM_ROLE_USER, NULL, &error);
  g_assert_no_error (error);
  return tandem_user_get_id (user);
}

static void
sign_in (UiFixture  *fixture,
         const char *login,
         const char *password)
{
  g_autoptr(GError) error = NULL;

  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, login, password, &error);
  g_assert_no_error (error);
}

static void
on_open_occurrence_cb (TandemCalendarView *view,
                       gint64              activity_id,
                       gint64              recurrence_id,
                       Emitted            *emitted)
{
  emitted->activity_id = activity_id;
  emitted->recurrence_id = recurrence_id;
  emitted->n_opened++;
}

static void
on_plan_cb (TandemCalendarView *view,
            GDateTime          *start,
            gint64              duration,
            gint64              user_id,
            Emitted            *emitted)
{
  g_clear_pointer (&emitted->plan_start, g_date_time_unref);
  emitted->plan_start = g_date_time_ref (start);
  emitted->plan_duration = duration;
  emitted->plan_user = user_id;
  emitted->n_planned++;
}

static gboolean
is_laid_out (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_mapped (data);
}

/* A calendar page in a window of @width × 800, laid out. */
static TandemCalendarView *
show_view (UiFixture          *fixture,
           TandemCalendarMode  mode,
           GDateTime          *date,
           int                 width,
           Emitted            *emitted)
{
  GtkWidget *window = gtk_window_new ();
  TandemCalendarView *view = TANDEM_CALENDAR_VIEW (tandem_calendar_view_new (fixture->store));

  tandem_calendar_view_set_mode (view, mode);
  tandem_calendar_view_set_date (view, date);
  if (emitted)
    {
      g_signal_connect (view, "open-occurrence", G_CALLBACK (on_open_occurrence_cb), emitted);
      g_signal_connect (view, "plan", G_CALLBACK (on_plan_cb), emitted);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ui_wait_for (is_laid_out, view, 3000));
  ui_iterate ();
  return view;
}

static void
collect_events (GtkWidget *widget,
                GPtrArray *events)
{
  if (TANDEM_IS_CALENDAR_EVENT (widget))
    g_ptr_array_add (events, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_events (child, events);
}

/* The events under @widget whose accessible label starts with @prefix. */
static GPtrArray *
find_events (GtkWidget  *widget,
             const char *prefix)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *found = g_ptr_array_new ();

  collect_events (widget, all);
  for (guint i = 0; i < all->len; i++)
    if (g_str_has_prefix (tandem_calendar_event_get_label (g_ptr_array_index (all, i)), prefix))
      g_ptr_array_add (found, g_ptr_array_index (all, i));
  return found;
}

static GtkWidget *
find_event (GtkWidget  *widget,
            const char *label)
{
  g_autoptr(GPtrArray) events = find_events (widget, label);

  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (tandem_calendar_event_get_label (g_ptr_array_index (events, i)), label))
      return g_ptr_array_index (events, i);
  return NULL;
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* Does @needle appear in any text of the tree: labels, tooltips, button
 * labels, events' accessible labels? */
static gboolean
tree_mentions (GtkWidget  *widget,
               const char *needle)
{
  const char *texts[4] = { NULL };

  if (GTK_IS_LABEL (widget))
    texts[0] = gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_BUTTON (widget))
    texts[1] = gtk_button_get_label (GTK_BUTTON (widget));
  if (TANDEM_IS_CALENDAR_EVENT (widget))
    texts[2] = tandem_calendar_event_get_label (TANDEM_CALENDAR_EVENT (widget));
  texts[3] = gtk_widget_get_tooltip_text (widget);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] && strstr (texts[i], needle))
      return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (tree_mentions (child, needle))
      return TRUE;
  return FALSE;
}

/* The column of the time grid the event sits in. */
static guint
event_column (TandemCalendarView *view,
              GtkWidget          *event,
              guint               n_columns)
{
  GtkWidget *grid = find_child_of_type (GTK_WIDGET (view), TANDEM_TYPE_CALENDAR_TIME_GRID);
  int width = gtk_widget_get_width (grid);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (event, grid, &bounds));
  for (guint c = 0; c < n_columns; c++)
    if (bounds.origin.x >= tandem_calendar_column_x (width, c, n_columns) &&
        bounds.origin.x < tandem_calendar_column_x (width, c + 1, n_columns))
      return c;
  g_assert_not_reached ();
}

static gboolean
events_laid_out (gpointer data)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new ();

  collect_events (data, events);
  for (guint i = 0; i < events->len; i++)
    {
      GtkWidget *event = g_ptr_array_index (events, i);

      if (gtk_widget_get_child_visible (event) && gtk_widget_get_mapped (gtk_widget_get_parent (event)) &&
          gtk_widget_get_width (event) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Runs the main loop until the view has placed its new events. */
static void
wait_layout (TandemCalendarView *view)
{
  ui_iterate ();
  g_assert_true (ui_wait_for (events_laid_out, view, 3000));
}

static guint
days_between (GDateTime *from,
              GDateTime *to)
{
  return (guint) ((g_date_time_difference (to, from) + G_TIME_SPAN_HOUR) / G_TIME_SPAN_DAY);
}

static guint
n_items (TandemCalendarView *view,
         gint64              user_id)
{
  GListModel *model = tandem_calendar_view_get_occurrences (view, user_id);

  g_assert_nonnull (model);
  return g_list_model_get_n_items (model);
}

/* D18: the week shows the user's activities on their days and only the
 * week's. */
static void
test_week (UiFixture     *fixture,
           gconstpointer  data)
{
  g_autoptr(GDateTime) date = local (2030, 6, 12, 0, 0);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GDateTime) call_day = local (2030, 6, 12, 0, 0);
  g_autoptr(GDateTime) visit_day = local (2030, 6, 14, 0, 0);
  TandemCalendarView *view;
  GtkWidget *call, *visit;

  add_activity (fixture->store, "Call Acme", local (2030, 6, 12, 10, 0), 60, NULL, TRUE, TANDEM_VISIBILITY_EVERYONE, 0);
  add_activity (fixture->store, "Visit Bravo", local (2030, 6, 14, 14, 0), 90, NULL, FALSE, TANDEM_VISIBILITY_EVERYONE, 0);
  add_activity (fixture->store, "Training later", local (2030, 6, 26, 9, 0), 60, NULL, FALSE, TANDEM_VISIBILITY_EVERYONE, 0);
  add_activity (fixture->store, "Offer review", local (2030, 6, 12, 10, 30), 60, NULL, FALSE, TANDEM_VISIBILITY_EVERYONE, 0);

  view = show_view (fixture, TANDEM_CALENDAR_WEEK, date, 1200, NULL);
  tandem_calendar_view_get_range (view, &from, &to);
  g_assert_cmpint (days_between (from, to), ==, 7);
  g_assert_cmpint (g_date_time_compare (from, date), <=, 0);
  g_assert_cmpint (g_date_time_compare (date, to), <, 0);

  g_assert_cmpuint (n_items (view, admin_id (fixture)), ==, 3);
  call = find_event (GTK_WIDGET (view), "Call Acme, 10:00–11:00");
  visit = find_event (GTK_WIDGET (view), "Visit Bravo, 14:00–15:30");
  g_assert_nonnull (call);
  g_assert_nonnull (visit);
  g_assert_true (gtk_widget_get_child_visible (call));
  g_assert_cmpuint (event_column (view, call, 7), ==, days_between (from, call_day));
  g_assert_cmpuint (event_column (view, visit, 7), ==, days_between (from, visit_day));
  /* Ten o'clock is below nine o'clock. */
  {
    graphene_rect_t call_bounds, visit_bounds;

    g_assert_true (gtk_widget_compute_bounds (call, GTK_WIDGET (view), &call_bounds));
    g_assert_true (gtk_widget_compute_bounds (visit, GTK_WIDGET (view), &visit_bounds));
    g_assert_cmpfloat (visit_bounds.origin.y - call_bounds.origin.y, >=, 4 * TANDEM_CALENDAR_HOUR_HEIGHT - 2);
    g_assert_cmpfloat (visit_bounds.size.height, >=, 1.5 * TANDEM_CALENDAR_HOUR_HEIGHT - 4);
  }
  g_assert_false (tree_mentions (GTK_WIDGET (view), "Training later"));

  /* Overlapping ones share their day side by side. */
  {
    GtkWidget *offer = find_event (GTK_WIDGET (view), "Offer review, 10:30–11:30");
    graphene_rect_t call_bounds, offer_bounds;

    g_assert_nonnull (offer);
    g_assert_cmpuint (event_column (view, offer, 7), ==, days_between (from, call_day));
    g_assert_true (gtk_widget_compute_bounds (call, GTK_WIDGET (view), &call_bounds));
    g_assert_true (gtk_widget_compute_bounds (offer, GTK_WIDGET (view), &offer_bounds));
    g_assert_cmpfloat (call_bounds.origin.x + call_bounds.size.width, <=, offer_bounds.origin.x);
    g_assert_cmpfloat (offer_bounds.size.width, >, 20);
  }
}

/* D6, D18: a weekly activity shows on each of its days in the month. */
static void
test_month_recurring (UiFixture     *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) date = local (2030, 6, 12, 0, 0);
  g_autoptr(GDateTime) first = local (2030, 6, 3, 0, 0);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  TandemCalendarView *view;
  GtkWidget *month;
  guint n_expected = 0, n_cells = 0;

  /* Mondays from 3 June 2030 */
  add_activity (fixture->store, "Weekly sync", local (2030, 6, 3, 9, 0), 30, "FREQ=WEEKLY;BYDAY=MO",
                FALSE, TANDEM_VISIBILITY_EVERYONE, 0);

  view = show_view (fixture, TANDEM_CALENDAR_MONTH, date, 1200, NULL);
  g_assert_cmpstr (tandem_calendar_view_get_title (view), ==, "June 2030");
  tandem_calendar_view_get_range (view, &from, &to);
  g_assert_cmpint (days_between (from, to), ==, 42);

  month = find_child_of_type (GTK_WIDGET (view), TANDEM_TYPE_CALENDAR_MONTH_VIEW);
  for (GtkWidget *child = gtk_widget_get_first_child (month); child; child = gtk_widget_get_next_sibling (child))
    {
      GDateTime *day;
      gboolean monday;
      g_autoptr(GPtrArray) events = NULL;

      if (!TANDEM_IS_CALENDAR_MONTH_CELL (child))
        continue;
      n_cells++;
      day = tandem_calendar_month_cell_get_day (TANDEM_CALENDAR_MONTH_CELL (child));
      monday = g_date_time_get_day_of_week (day) == 1 && g_date_time_compare (day, first) >= 0;
      events = find_events (child, "Weekly sync, 09:00–09:30");
      g_assert_cmpuint (events->len, ==, monday ? 1 : 0);
      if (monday)
        {
          TandemOccurrence *occurrence = tandem_calendar_event_get_occurrence (g_ptr_array_index (events, 0));
          g_autoptr(GDateTime) start = tandem_occurrence_dup_start_local (occurrence);

          g_assert_true (gtk_widget_get_child_visible (g_ptr_array_index (events, 0)));
          g_assert_cmpint (g_date_time_get_day_of_month (start), ==, g_date_time_get_day_of_month (day));
          n_expected++;
        }
    }
  g_assert_cmpuint (n_cells, ==, 42);
  /* 3, 10, 17, 24 June and the Mondays of July shown (one or two). */
  g_assert_cmpuint (n_expected, >=, 5);
  g_assert_cmpuint (n_items (view, admin_id (fixture)), ==, n_expected);
}

/* E3: another user's private busy activity shows as "Busy" with its
 * time, and its title nowhere; a private one that is not busy not at
 * all. */
static void
test_private_busy (UiFixture     *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) date = local (2030, 6, 12, 0, 0);
  gint64 bob = add_user (fixture, "bob", "Bob Seller");
  gint64 admin = admin_id (fixture);
  const gint64 both[] = { admin, bob };
  TandemCalendarView *view;
  GtkWidget *busy;
  Emitted emitted = { 0 };
  TandemCalendarMode modes[] = { TANDEM_CALENDAR_DAY, TANDEM_CALENDAR_WEEK, TANDEM_CALENDAR_MONTH };

  sign_in (fixture, "bob", "user-password-1");
  add_activity (fixture->store, "Secret merger talk", local (2030, 6, 12, 13, 0), 60, NULL, TRUE,
                TANDEM_VISIBILITY_PRIVATE, 0);
  add_activity (fixture->store, "Dentist appointment", local (2030, 6, 12, 15, 0), 60, NULL, FALSE,
                TANDEM_VISIBILITY_PRIVATE, 0);
  add_activity (fixture->store, "Open demo", local (2030, 6, 12, 9, 0), 60, NULL, FALSE,
                TANDEM_VISIBILITY_EVERYONE, 0);
  sign_in (fixture, "admin", "admin-password-1");

  view = show_view (fixture, TANDEM_CALENDAR_DAY, date, 1200, &emitted);
  tandem_calendar_view_set_users (view, both, 2);
  ui_iterate ();

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      tandem_calendar_view_set_mode (view, modes[m]);
      ui_iterate ();

      g_assert_cmpuint (n_items (view, bob), ==, 2);
      busy = find_event (GTK_WIDGET (view), "Busy, 13:00–14:00");
      g_assert_nonnull (busy);
      g_assert_nonnull (find_event (GTK_WIDGET (view), "Open demo, 09:00–10:00"));
      g_assert_null (gtk_widget_get_tooltip_text (busy));
      g_assert_false (gtk_widget_get_focusable (busy));
      g_assert_false (tree_mentions (GTK_WIDGET (view), "Secret"));
      g_assert_false (tree_mentions (GTK_WIDGET (view), "merger"));
      g_assert_false (tree_mentions (GTK_WIDGET (view), "Dentist"));
      g_assert_true (tree_mentions (GTK_WIDGET (view), "Busy"));

      /* Nothing to open. */
      gtk_widget_activate (busy);
      ui_iterate ();
      g_assert_cmpuint (emitted.n_opened, ==, 0);
    }
}

/* D18: two users side by side, each column under its user's name. */
static void
test_side_by_side (UiFixture     *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) date = local (2030, 6, 12, 0, 0);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  gint64 bob = add_user (fixture, "bob", "Bob Seller");
  gint64 admin = admin_id (fixture);
  TandemCalendarView *view;
  GtkWidget *header;
  GtkWidget *anna_event, *bob_event;
  const gint64 *shown;
  guint n_shown;

  add_activity (fixture->store, "Anna's review", local (2030, 6, 12, 10, 0), 60, NULL, TRUE,
                TANDEM_VISIBILITY_EVERYONE, 0);
  add_activity (fixture->store, "Bob's customer visit", local (2030, 6, 12, 10, 0), 60, NULL, TRUE,
                TANDEM_VISIBILITY_EVERYONE, bob);

  view = show_view (fixture, TANDEM_CALENDAR_DAY, date, 1200, NULL);
  /* The signed-in user by default. */
  shown = tandem_calendar_view_get_users (view, &n_shown);
  g_assert_cmpuint (n_shown, ==, 1);
  g_assert_cmpint (shown[0], ==, admin);
  g_assert_null (find_event (GTK_WIDGET (view), "Bob's customer visit, 10:00–11:00"));

  /* Bob is added from the People menu. */
  {
    GtkWidget *people = find_child_of_type (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON);
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (people));
    GtkWidget *bob_check = NULL, *anna_check = NULL;

    gtk_menu_button_popup (GTK_MENU_BUTTON (people));
    ui_iterate ();
    for (GtkWidget *w = find_child_of_type (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON); w; w = gtk_widget_get_next_sibling (w))
      {
        if (g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (w)), "Bob Seller") == 0)
          bob_check = w;
        if (g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (w)), "Anna Admin") == 0)
          anna_check = w;
      }
    g_assert_nonnull (bob_check);
    g_assert_nonnull (anna_check);
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (bob_check)));
    /* The only calendar shown cannot be taken away. */
    g_assert_false (gtk_widget_get_sensitive (anna_check));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (bob_check), TRUE);
    g_assert_true (gtk_widget_get_sensitive (anna_check));
    gtk_popover_popdown (popover);
  }
  shown = tandem_calendar_view_get_users (view, &n_shown);
  g_assert_cmpuint (n_shown, ==, 2);
  g_assert_cmpint (shown[0], ==, admin);
  g_assert_cmpint (shown[1], ==, bob);
  wait_layout (view);
  header = find_child_of_type (GTK_WIDGET (view), TANDEM_TYPE_CALENDAR_WEEK_HEADER);
  g_assert_nonnull (ui_find_label (header, "Anna Admin"));
  g_assert_nonnull (ui_find_label (header, "Bob Seller"));
  g_assert_cmpuint (n_items (view, admin), ==, 1);
  g_assert_cmpuint (n_items (view, bob), ==, 1);
  anna_event = find_event (GTK_WIDGET (view), "Anna's review, 10:00–11:00");
  bob_event = find_event (GTK_WIDGET (view), "Bob's customer visit, 10:00–11:00");
  g_assert_nonnull (anna_event);
  g_assert_nonnull (bob_event);
  g_assert_cmpuint (event_column (view, anna_event, 2), ==, 0);
  g_assert_cmpuint (event_column (view, bob_event, 2), ==, 1);

  /* The week: a column per user in each day, initials above. */
  tandem_calendar_view_set_mode (view, TANDEM_CALENDAR_WEEK);
  wait_layout (view);
  tandem_calendar_view_get_range (view, &from, &to);
  header = find_child_of_type (GTK_WIDGET (view), TANDEM_TYPE_CALENDAR_WEEK_HEADER);
  g_assert_nonnull (ui_find_label (header, "AA"));
  g_assert_nonnull (ui_find_label (header, "BS"));
  anna_event = find_event (GTK_WIDGET (view), "Anna's review, 10:00–11:00");
  bob_event = find_event (GTK_WIDGET (view), "Bob's customer visit, 10:00–11:00");
  g_assert_cmpuint (event_column (view, anna_event, 14), ==, days_between (from, date) * 2);
  g_assert_cmpuint (event_column (view, bob_event, 14), ==, days_between (from, date) * 2 + 1);

  /* The month: both, with the users' initials. */
  tandem_calendar_view_set_mode (view, TANDEM_CALENDAR_MONTH);
  wait_layout (view);
  bob_event = find_event (GTK_WIDGET (view), "Bob's customer visit, 10:00–11:00");
  g_assert_nonnull (bob_event);
  g_assert_nonnull (ui_find_label (bob_event, "BS"));
  g_assert_nonnull (find_event (GTK_WIDGET (view), "Anna's review, 10:00–11:00"));

  /* Back to one: Bob's calendar goes. */
  tandem_calendar_view_set_users (view, &admin, 1);
  wait_layout (view);
  g_assert_null (tandem_calendar_view_get_occurrences (view, bob));
  g_assert_null (find_event (GTK_WIDGET (view), "Bob's customer visit, 10:00–11:00"));
}

/* D18: previous and next move by the view's unit and say so. */
static void
test_navigation (UiFixture     *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) date = local (2030, 6, 12, 0, 0);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) next_from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *week_title = NULL;
  TandemCalendarView *view;

  add_activity (fixture->store, "July planning", local (2030, 7, 2, 10, 0), 60, NULL, FALSE, TANDEM_VISIBILITY_EVERYONE, 0);

  view = show_view (fixture, TANDEM_CALENDAR_MONTH, date, 1200, NULL);
  g_assert_cmpstr (tandem_calendar_view_get_title (view), ==, "June 2030");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.next", NULL));
  ui_iterate ();
  g_assert_cmpstr (tandem_calendar_view_get_title (view), ==, "July 2030");
  tandem_calendar_view_get_range (view, &from, &to);
  g_assert_cmpint (g_date_time_get_month (tandem_calendar_view_get_date (view)), ==, 7);
  g_assert_true (tree_mentions (GTK_WIDGET (view), "July planning"));
  g_clear_pointer (&from, g_date_time_unref);
  g_clear_pointer (&to, g_date_time_unref);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.previous", NULL));
  ui_iterate ();
  g_assert_cmpstr (tandem_calendar_view_get_title (view), ==, "May 2030");
  g_assert_false (tree_mentions (GTK_WIDGET (view), "July planning"));

  /* The week: the title names the week, next moves seven days. */
  tandem_calendar_view_set_date (view, date);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.mode", "s", "week"));
  ui_iterate ();
  g_assert_cmpint (tandem_calendar_view_get_mode (view), ==, TANDEM_CALENDAR_WEEK);
  week_title = g_strdup (tandem_calendar_view_get_title (view));
  g_assert_true (g_str_has_prefix (week_title, "Week 24, "));
  g_assert_nonnull (strstr (week_title, "June 2030"));
  tandem_calendar_view_get_range (view, &from, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.next", NULL));
  ui_iterate ();
  tandem_calendar_view_get_range (view, &next_from, &to);
  g_assert_cmpint (days_between (from, next_from), ==, 7);
  g_assert_cmpstr (tandem_calendar_view_get_title (view), !=, week_title);
  g_assert_true (g_str_has_prefix (tandem_calendar_view_get_title (view), "Week 25, "));
  g_clear_pointer (&to, g_date_time_unref);

  /* The day. */
  tandem_calendar_view_set_date (view, date);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.mode", "s", "day"));
  ui_iterate ();
  g_assert_cmpstr (tandem_calendar_view_get_title (view), ==, "Wednesday, 12 June 2030");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.next", NULL));
  ui_iterate ();
  g_assert_cmpstr (tandem_calendar_view_get_title (view), ==, "Thursday, 13 June 2030");
  tandem_calendar_view_get_range (view, NULL, &to);
  g_assert_cmpint (g_date_time_get_day_of_month (to), ==, 14);

  /* Today. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.today", NULL));
  ui_iterate ();
  g_assert_cmpint (g_date_time_get_day_of_year (tandem_calendar_view_get_date (view)), ==,
                   g_date_time_get_day_of_year (today));
}

/* Activating a visible occurrence opens it with its id (and the
 * occurrence's recurrence id); "+N more" shows the day. */
static void
test_open_occurrence (UiFixture     *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) date = local (2030, 6, 12, 0, 0);
  g_autoptr(GDateTime) thursday = local (2030, 6, 13, 9, 0);
  Emitted emitted = { 0 };
  TandemCalendarView *view;
  GtkWidget *event;
  gint64 call, daily;

  call = add_activity (fixture->store, "Call Acme", local (2030, 6, 12, 10, 0), 60, NULL, TRUE, TANDEM_VISIBILITY_EVERYONE, 0);
  daily = add_activity (fixture->store, "Stand-up", local (2030, 6, 10, 9, 0), 15, "FREQ=DAILY;COUNT=10", FALSE,
                        TANDEM_VISIBILITY_EVERYONE, 0);

  view = show_view (fixture, TANDEM_CALENDAR_WEEK, date, 1200, &emitted);
  event = find_event (GTK_WIDGET (view), "Call Acme, 10:00–11:00");
  g_assert_nonnull (event);
  g_assert_true (gtk_widget_get_focusable (event));
  g_assert_nonnull (gtk_widget_get_tooltip_text (event));
  gtk_widget_activate (event);
  g_assert_cmpuint (emitted.n_opened, ==, 1);
  g_assert_cmpint (emitted.activity_id, ==, call);
  g_assert_cmpint (emitted.recurrence_id, ==, 0);

  /* Thursday's stand-up opens as Thursday's occurrence. */
  {
    g_autoptr(GPtrArray) events = find_events (GTK_WIDGET (view), "Stand-up, 09:00–09:15");

    g_assert_cmpuint (events->len, >=, 4);
    for (guint i = 0; i < events->len; i++)
      {
        TandemOccurrence *occurrence = tandem_calendar_event_get_occurrence (g_ptr_array_index (events, i));

        if (tandem_occurrence_get_start (occurrence) == g_date_time_to_unix (thursday))
          event = g_ptr_array_index (events, i);
      }
  }
  g_signal_emit_by_name (event, "activate");
  g_assert_cmpuint (emitted.n_opened, ==, 2);
  g_assert_cmpint (emitted.activity_id, ==, daily);
  g_assert_cmpint (emitted.recurrence_id, ==, g_date_time_to_unix (thursday));
}

static GtkWidget *
find_cell (TandemCalendarView *view,
           GDateTime          *day)
{
  GtkWidget *month = find_child_of_type (GTK_WIDGET (view), TANDEM_TYPE_CALENDAR_MONTH_VIEW);

  for (GtkWidget *child = gtk_widget_get_first_child (month); child; child = gtk_widget_get_next_sibling (child))
    if (TANDEM_IS_CALENDAR_MONTH_CELL (child) &&
        g_date_time_get_day_of_year (tandem_calendar_month_cell_get_day (TANDEM_CALENDAR_MONTH_CELL (child))) ==
        g_date_time_get_day_of_year (day))
      return child;
  return NULL;
}

/* D18: a day of the month with more than fits shows "+N more", which
 * shows the day. */
static void
test_more (UiFixture     *fixture,
           gconstpointer  data)
{
  g_autoptr(GDateTime) date = local (2030, 6, 12, 0, 0);
  g_autoptr(GDateTime) busy_day = local (2030, 6, 20, 0, 0);
  TandemCalendarView *view;
  GtkWidget *cell, *more = NULL;
  guint n_shown = 0;

  for (int hour = 8; hour < 16; hour++)
    {
      g_autofree char *title = g_strdup_printf ("Meeting %d", hour);

      add_activity (fixture->store, title, local (2030, 6, 20, hour, 0), 30, NULL, FALSE, TANDEM_VISIBILITY_EVERYONE, 0);
    }

  view = show_view (fixture, TANDEM_CALENDAR_MONTH, date, 1200, NULL);
  wait_layout (view);
  cell = find_cell (view, busy_day);
  g_assert_nonnull (cell);
  g_assert_cmpuint (tandem_calendar_month_cell_get_n_occurrences (TANDEM_CALENDAR_MONTH_CELL (cell)), ==, 8);
  for (GtkWidget *child = gtk_widget_get_first_child (cell); child; child = gtk_widget_get_next_sibling (child))
    {
      if (TANDEM_IS_CALENDAR_EVENT (child) && gtk_widget_get_child_visible (child))
        n_shown++;
      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "more"))
        more = child;
    }
  g_assert_nonnull (more);
  g_assert_true (gtk_widget_get_child_visible (more));
  g_assert_cmpuint (n_shown, >=, 1);
  g_assert_cmpuint (n_shown, <, 8);
  {
    g_autofree char *label = g_strdup_printf ("+%u more", 8 - n_shown);

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (more)), ==, label);
  }

  g_signal_emit_by_name (more, "clicked");
  ui_iterate ();
  g_assert_cmpint (tandem_calendar_view_get_mode (view), ==, TANDEM_CALENDAR_DAY);
  g_assert_true (g_date_time_equal (tandem_calendar_view_get_date (view), busy_day));
  g_assert_cmpstr (tandem_calendar_view_get_title (view), ==, "Thursday, 20 June 2030");
  g_assert_nonnull (find_event (GTK_WIDGET (view), "Meeting 15, 15:00–15:30"));
}

static gboolean
shows_one_day (gpointer data)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  tandem_calendar_view_get_range (data, &from, &to);
  return days_between (from, to) == 1;
}

/* D18 on a phone: at 360 pixels the week shows its day, and the month
 * dots instead of titles. */
static void
test_narrow (UiFixture     *fixture,
             gconstpointer  data)
{
  g_autoptr(GDateTime) date = local (2030, 6, 12, 0, 0);
  TandemCalendarView *view;
  GtkWidget *cell, *event;

  add_activity (fixture->store, "Call Acme", local (2030, 6, 12, 10, 0), 60, NULL, TRUE, TANDEM_VISIBILITY_EVERYONE, 0);

  view = show_view (fixture, TANDEM_CALENDAR_WEEK, date, 360, NULL);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, 360);
  g_assert_true (ui_wait_for (shows_one_day, view, 3000));
  g_assert_cmpint (tandem_calendar_view_get_mode (view), ==, TANDEM_CALENDAR_WEEK);
  g_assert_cmpstr (tandem_calendar_view_get_title (view), ==, "Wednesday, 12 June 2030");
  wait_layout (view);
  event = find_event (GTK_WIDGET (view), "Call Acme, 10:00–11:00");
  g_assert_nonnull (event);
  g_assert_cmpuint (event_column (view, event, 1), ==, 0);
  /* Next is the next day there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "calendar.next", NULL));
  g_assert_cmpstr (tandem_calendar_view_get_title (view), ==, "Thursday, 13 June 2030");

  tandem_calendar_view_set_mode (view, TANDEM_CALENDAR_MONTH);
  wait_layout (view);
  cell = find_cell (view, date);
  event = find_event (cell, "Call Acme, 10:00–11:00");
  g_assert_nonnull (event);
  g_assert_false (gtk_widget_get_child_visible (event));
  for (GtkWidget *child = gtk_widget_get_first_child (cell); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "dots"))
      {
        g_assert_true (gtk_widget_get_child_visible (child));
        g_assert_nonnull (gtk_widget_get_first_child (child));
      }
}

/* D16: planning in an empty slot: Enter on the focused slot of the time
 * grid (moved with the arrow keys), a day of the month at 09:00, and a
 * past slot, which the receiver records. */
static void
test_plan (UiFixture     *fixture,
           gconstpointer  data)
{
  g_autoptr(GDateTime) date = local (2030, 6, 12, 0, 0);
  g_autoptr(GDateTime) expected = local (2030, 6, 13, 10, 30);
  g_autoptr(GDateTime) month_expected = local (2030, 6, 20, 9, 0);
  g_autoptr(GDateTime) past = local (2021, 3, 4, 0, 0);
  g_autoptr(GDateTime) past_expected = local (2021, 3, 4, 10, 30);
  Emitted emitted = { 0 };
  TandemCalendarView *view;
  GtkWidget *grid, *cell;

  view = show_view (fixture, TANDEM_CALENDAR_WEEK, date, 1200, &emitted);
  grid = find_child_of_type (GTK_WIDGET (view), TANDEM_TYPE_CALENDAR_TIME_GRID);
  g_assert_true (gtk_widget_grab_focus (grid));
  ui_iterate ();
  /* The slot starts on the date at 09:00: one day right, three half
   * hours down. */
  g_assert_true (gtk_widget_activate_action (grid, "time-grid.move-slot", "(ii)", 1, 0));
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (grid, "time-grid.move-slot", "(ii)", 0, 30));
  g_assert_true (gtk_widget_activate_action (grid, "time-grid.plan", NULL));
  g_assert_cmpuint (emitted.n_planned, ==, 1);
  g_assert_true (g_date_time_equal (emitted.plan_start, expected));
  g_assert_cmpint (emitted.plan_duration, ==, 3600);
  g_assert_cmpint (emitted.plan_user, ==, admin_id (fixture));

  /* A day of the month: 09:00 that day. */
  tandem_calendar_view_set_mode (view, TANDEM_CALENDAR_MONTH);
  ui_iterate ();
  cell = find_cell (view, month_expected);
  g_assert_nonnull (cell);
  gtk_widget_activate (cell);
  g_assert_cmpuint (emitted.n_planned, ==, 2);
  g_assert_true (g_date_time_equal (emitted.plan_start, month_expected));

  /* The past: planned too, as a record; the slot keeps its time of day. */
  tandem_calendar_view_set_mode (view, TANDEM_CALENDAR_DAY);
  tandem_calendar_view_set_date (view, past);
  ui_iterate ();
  g_assert_true (gtk_widget_activate_action (grid, "time-grid.plan", NULL));
  g_assert_cmpuint (emitted.n_planned, ==, 3);
  g_assert_true (g_date_time_equal (emitted.plan_start, past_expected));

  g_clear_pointer (&emitted.plan_start, g_date_time_unref);
}

static gboolean
shows_new_activity (gpointer data)
{
  return find_event (data, "Added meanwhile, 11:00–12:00") != NULL;
}

static gboolean
shows_no_new_activity (gpointer data)
{
  return !shows_new_activity (data);
}

static gboolean
shows_completed (gpointer data)
{
  GtkWidget *event = find_event (data, "Report sent, 14:00–15:00");

  return event && gtk_widget_has_css_class (event, "completed");
}

/* The page follows the store: a new activity shows without a refresh, a
 * completed one is marked so and a cancelled one goes. */
static void
test_follows_store (UiFixture     *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) date = local (2030, 6, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  TandemCalendarView *view;
  gint64 id, report;

  report = add_activity (fixture->store, "Report sent", local (2030, 6, 11, 14, 0), 60, NULL, FALSE,
                         TANDEM_VISIBILITY_EVERYONE, 0);
  view = show_view (fixture, TANDEM_CALENDAR_WEEK, date, 1200, NULL);
  g_assert_cmpuint (n_items (view, admin_id (fixture)), ==, 1);
  g_assert_false (shows_completed (view));

  id = add_activity (fixture->store, "Added meanwhile", local (2030, 6, 13, 11, 0), 60, NULL, FALSE,
                     TANDEM_VISIBILITY_EVERYONE, 0);
  g_assert_true (ui_wait_for (shows_new_activity, view, 3000));
  g_assert_cmpuint (n_items (view, admin_id (fixture)), ==, 2);

  tandem_store_set_activity_status (fixture->store, report, TANDEM_STATUS_COMPLETED, TANDEM_OUTCOME_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (ui_wait_for (shows_completed, view, 3000));

  tandem_store_set_activity_status (fixture->store, id, TANDEM_STATUS_CANCELLED, TANDEM_OUTCOME_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (ui_wait_for (shows_no_new_activity, view, 3000));
  g_assert_cmpuint (n_items (view, admin_id (fixture)), ==, 1);
}

/* Not a test: keeps a seeded calendar on screen for screenshots. */
static void
show_for_screenshot (UiFixture     *fixture,
                     gconstpointer  data)
{
  const char *mode = g_getenv ("TANDEM_TEST_SCREENSHOT");
  const char *size = g_getenv ("TANDEM_TEST_SCREENSHOT_SIZE");
  const char *users = g_getenv ("TANDEM_TEST_SCREENSHOT_USERS");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = local (g_date_time_get_year (now), g_date_time_get_month (now),
                                      g_date_time_get_day_of_month (now), 0, 0);
  g_autoptr(GError) error = NULL;
  gint64 ids[3];
  guint n_users = users ? CLAMP (atoi (users), 1, 3) : 1;
  int width = 1280, height = 800;
  GtkWidget *window;
  GtkWidget *view;
  gint64 done;

#define AT(days, hour, minute) g_date_time_add_full (today, 0, 0, days, hour, minute, 0)
  ids[0] = admin_id (fixture);
  ids[1] = add_user (fixture, "bob", "Bob Seller");
  ids[2] = add_user (fixture, "carol", "Carol Buyer");

  add_activity (fixture->store, "Weekly sales meeting", AT (-1, 9, 0), 60, "FREQ=DAILY;INTERVAL=7", TRUE, TANDEM_VISIBILITY_EVERYONE, 0);
  add_activity (fixture->store, "Call Rautakauppa Virtanen", AT (0, 10, 0), 60, NULL, TRUE, TANDEM_VISIBILITY_EVERYONE, 0);
  add_activity (fixture->store, "Offer review", AT (0, 10, 30), 90, NULL, FALSE, TANDEM_VISIBILITY_EVERYONE, 0);
  add_activity (fixture->store, "Customer visit: Bravo Oy", AT (1, 13, 0), 120, NULL, TRUE, TANDEM_VISIBILITY_EVERYONE, 0);
  add_activity (fixture->store, "Lunch with Delta", AT (2, 11, 30), 60, NULL, FALSE, TANDEM_VISIBILITY_EVERYONE, 0);
  add_activity (fixture->store, "E-mail follow-ups", AT (2, 14, 0), 30, NULL, FALSE, TANDEM_VISIBILITY_EVERYONE, 0);
  add_activity (fixture->store, "Phone call", AT (2, 14, 15), 30, NULL, FALSE, TANDEM_VISIBILITY_EVERYONE, 0);
  add_activity (fixture->store, "Quarterly report", AT (2, 14, 0), 90, NULL, FALSE, TANDEM_VISIBILITY_EVERYONE, 0);
  done = add_activity (fixture->store, "Send quote to Echo", AT (-1, 15, 0), 60, NULL, FALSE, TANDEM_VISIBILITY_EVERYONE, 0);
  tandem_store_set_activity_status (fixture->store, done, TANDEM_STATUS_COMPLETED, TANDEM_OUTCOME_NONE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(TandemActivity) fair = tandem_activity_new ("Trade fair");
    g_autoptr(GDateTime) start = AT (3, 0, 0);
    g_autoptr(GDateTime) end = AT (5, 0, 0);

    tandem_activity_set_all_day (fair, TRUE);
    tandem_activity_set_times (fair, start, end);
    tandem_store_save_activity (fixture->store, fair, &error);
    g_assert_no_error (error);
  }
  add_activity (fixture->store, "Demo for Foxtrot", AT (1, 9, 0), 60, NULL, TRUE, TANDEM_VISIBILITY_EVERYONE, ids[1]);
  add_activity (fixture->store, "Training", AT (0, 8, 0), 120, NULL, TRUE, TANDEM_VISIBILITY_EVERYONE, ids[2]);
  add_activity (fixture->store, "Supplier call", AT (3, 10, 0), 45, NULL, TRUE, TANDEM_VISIBILITY_EVERYONE, ids[2]);
  sign_in (fixture, "bob", "user-password-1");
  add_activity (fixture->store, "Private negotiation", AT (0, 13, 0), 60, NULL, TRUE, TANDEM_VISIBILITY_PRIVATE, 0);
  add_activity (fixture->store, "Private doctor visit", AT (2, 8, 0), 60, NULL, TRUE, TANDEM_VISIBILITY_PRIVATE, 0);
  sign_in (fixture, "admin", "admin-password-1");
#undef AT

  if (size)
    sscanf (size, "%dx%d", &width, &height);
  if (g_strcmp0 (g_getenv ("TANDEM_TEST_SCREENSHOT_DARK"), "1") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  window = adw_window_new ();
  view = tandem_calendar_view_new (fixture->store);
  tandem_calendar_view_set_users (TANDEM_CALENDAR_VIEW (view), ids, n_users);
  tandem_calendar_view_set_mode (TANDEM_CALENDAR_VIEW (view),
                                 g_str_equal (mode, "day") ? TANDEM_CALENDAR_DAY :
                                 g_str_equal (mode, "week") ? TANDEM_CALENDAR_WEEK : TANDEM_CALENDAR_MONTH);
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  for (;;)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Helsinki", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/calendar/week-D18", UiFixture, NULL, ui_fixture_set_up, test_week, ui_fixture_tear_down);
  g_test_add ("/ui/calendar/month-recurring-D18", UiFixture, NULL, ui_fixture_set_up, test_month_recurring, ui_fixture_tear_down);
  g_test_add ("/ui/calendar/private-busy-E3", UiFixture, NULL, ui_fixture_set_up, test_private_busy, ui_fixture_tear_down);
  g_test_add ("/ui/calendar/side-by-side-D18", UiFixture, NULL, ui_fixture_set_up, test_side_by_side, ui_fixture_tear_down);
  g_test_add ("/ui/calendar/navigation-D18", UiFixture, NULL, ui_fixture_set_up, test_navigation, ui_fixture_tear_down);
  g_test_add ("/ui/calendar/open-occurrence", UiFixture, NULL, ui_fixture_set_up, test_open_occurrence, ui_fixture_tear_down);
  g_test_add ("/ui/calendar/more-D18", UiFixture, NULL, ui_fixture_set_up, test_more, ui_fixture_tear_down);
  g_test_add ("/ui/calendar/narrow-D18", UiFixture, NULL, ui_fixture_set_up, test_narrow, ui_fixture_tear_down);
  g_test_add ("/ui/calendar/plan-D16", UiFixture, NULL, ui_fixture_set_up, test_plan, ui_fixture_tear_down);
  g_test_add ("/ui/calendar/follows-store", UiFixture, NULL, ui_fixture_set_up, test_follows_store, ui_fixture_tear_down);
  if (g_getenv ("TANDEM_TEST_SCREENSHOT"))
    g_test_add ("/ui/calendar/show", UiFixture, NULL, ui_fixture_set_up, show_for_screenshot, ui_fixture_tear_down);
  return g_test_run ();
}
