/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The activity card (SPEC D1–D15, E1, E2) driven as a person would: fields
 * filled in, menu actions activated, dialogs answered, and what was saved
 * read back from the store. */

#include "tandem-activity-window-private.h"
#include "tandem-campaign-window-private.h"
#include "tandem-error.h"
#include "tandem-store-campaigns.h"
#include "ui-test-util.h"

/* Far enough ahead to stay in the future (D16); 2030-03-05 is a Tuesday. */
#define YEAR  2030
#define MONTH 3
#define DAY   5

static GDateTime *
local_time (int day,
            int hour,
            int minute)
{
  return g_date_time_new_local (YEAR, MONTH, day, hour, minute, 0);
}

static gint64
add_company (UiFixture  *fixture,
             const char *name)
{
  g_autoptr(TandemCompany) company = tandem_company_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_activity (UiFixture  *fixture,
              const char *title,
              gint64      company_id,
              int         day,
              int         hour,
              gboolean    busy)
{
  g_autoptr(TandemActivity) activity = tandem_activity_new (title);
  g_autoptr(GDateTime) start = local_time (day, hour, 0);
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 1);
  g_autoptr(GError) error = NULL;
  gint64 me = tandem_user_get_id (tandem_store_get_user (fixture->store));
  gint64 id;

  tandem_activity_set_times (activity, start, end);
  tandem_activity_set_company_id (activity, company_id);
  tandem_activity_set_performer_ids (activity, &me, 1);
  tandem_activity_set_busy (activity, busy);
  id = tandem_store_save_activity (fixture->store, activity, &error);
  g_assert_no_error (error);
  return id;
}

static TandemActivityWindow *
open_new (UiFixture  *fixture,
          TandemKind  kind,
          gint64      id,
          int         day,
          int         hour)
{
  g_autoptr(GDateTime) start = local_time (day, hour, 0);
  TandemActivityWindow *window;

  window = tandem_activity_window_new_planned (NULL, fixture->store, kind, id, start, G_TIME_SPAN_HOUR);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  return window;
}

static void
save (TandemActivityWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "card.save", NULL));
  ui_iterate ();
}

static gboolean
dialog_shown (gpointer data)
{
  return ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  g_assert_true (ui_wait_for (dialog_shown, NULL, 2000));
  return ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static gboolean
shows_conflict (gpointer data)
{
  return ui_find_label (GTK_WIDGET (data), "10:00–11:00") != NULL;
}

static guint
count_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (TANDEM_IS_ACTIVITY_WINDOW (window))
        n++;
    }
  return n;
}

static gboolean
two_windows (gpointer data)
{
  return count_windows () == 2;
}

static GPtrArray *
activities_of (UiFixture *fixture,
               gint64     company_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = tandem_store_list_activities_of (fixture->store, TANDEM_KIND_COMPANY, company_id, &error);

  g_assert_no_error (error);
  return list;
}

/* D1, D3, D7, D14: a new activity classified by its category, saved with a
 * tracking number; the assigner is the signed-in user and stays so. */
static void
test_new_activity (UiFixture     *fixture,
                   gconstpointer  data)
{
  gint64 company_id = add_company (fixture, "Acme Oy");
  g_autoptr(GPtrArray) saved = NULL;
  TandemActivityWindow *window;
  TandemActivity *activity;
  AdwActionRow *assigner;

  window = open_new (fixture, TANDEM_KIND_COMPANY, company_id, DAY, 10);
  g_assert_cmpstr (adw_window_title_get_title (tandem_activity_window_get_window_title (window)), ==, "New Activity");
  g_assert_cmpint (tandem_record_picker_get_kind (tandem_activity_window_get_link_row (window)), ==, TANDEM_KIND_COMPANY);
  g_assert_cmpint (tandem_record_picker_get_id (tandem_activity_window_get_link_row (window)), ==, company_id);

  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Visit the Acme warehouse");
  g_assert_true (tandem_activity_window_select_by_name (tandem_activity_window_get_category_row (window),
                                                        "Customer visit"));
  ui_iterate ();

  /* D3: the category sets kind and type, and this one allows no other. */
  g_assert_cmpstr (tandem_activity_window_get_selected_name (tandem_activity_window_get_kind_row (window)), ==, "Sales");
  g_assert_cmpstr (tandem_activity_window_get_selected_name (tandem_activity_window_get_type_row (window)), ==,
                   "Customer visits");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_activity_window_get_kind_row (window))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_activity_window_get_type_row (window))));

  /* A category that allows a choice leaves them open. */
  g_assert_true (tandem_activity_window_select_by_name (tandem_activity_window_get_category_row (window), "Phone call"));
  ui_iterate ();
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (tandem_activity_window_get_kind_row (window))));
  g_assert_true (tandem_activity_window_select_by_name (tandem_activity_window_get_category_row (window),
                                                        "Customer visit"));
  ui_iterate ();

  /* D7: the assigner is shown and cannot be edited. */
  assigner = tandem_activity_window_get_assigner_row (window);
  g_assert_cmpstr (adw_action_row_get_subtitle (assigner), ==, "Anna Admin");
  g_assert_null (adw_action_row_get_activatable_widget (assigner));
  g_assert_false (GTK_IS_EDITABLE (assigner));

  /* The signed-in user performs it by default. */
  g_assert_true (gtk_check_button_get_active (
    tandem_checklist_row_get_check (tandem_activity_window_get_performers_row (window),
                                    tandem_user_get_id (tandem_store_get_user (fixture->store)))));

  save (window);
  g_assert_null (tandem_activity_window_get_error (window));

  saved = activities_of (fixture, company_id);
  g_assert_cmpuint (saved->len, ==, 1);
  activity = g_ptr_array_index (saved, 0);
  g_assert_cmpstr (tandem_activity_get_title (activity), ==, "Visit the Acme warehouse");
  g_assert_cmpstr (tandem_activity_get_category_name (activity), ==, "Customer visit");
  g_assert_cmpint (tandem_activity_get_kind_id (activity), ==, 2);   /* Sales */
  g_assert_cmpint (tandem_activity_get_type_id (activity), ==, 14);  /* Customer visits */
  g_assert_nonnull (tandem_activity_get_tracking (activity));

  /* D14: the tracking number of the first save is in the header. */
  g_assert_cmpstr (adw_window_title_get_subtitle (tandem_activity_window_get_window_title (window)), ==,
                   tandem_activity_get_tracking (activity));
  g_assert_cmpstr (adw_window_title_get_title (tandem_activity_window_get_window_title (window)), ==,
                   "Visit the Acme warehouse");
  g_assert_cmpstr (adw_action_row_get_subtitle (assigner), ==, "Anna Admin");
  g_assert_false (tandem_activity_window_has_unsaved_changes (window));
}

/* D5: a busy activity that overlaps another busy one of the same performer
 * is refused with the other's time in the card, and nothing is saved. */
static void
test_busy_conflict (UiFixture     *fixture,
                    gconstpointer  data)
{
  gint64 company_id = add_company (fixture, "Acme Oy");
  g_autoptr(GPtrArray) saved = NULL;
  TandemActivityWindow *window;
  const char *message;

  add_activity (fixture, "Morning call", company_id, DAY, 10, TRUE);

  window = open_new (fixture, TANDEM_KIND_COMPANY, company_id, DAY, 10);
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Overlapping visit");
  gtk_editable_set_text (tandem_date_time_row_get_time_entry (tandem_activity_window_get_start_row (window)), "10:30");
  ui_iterate ();
  gtk_switch_set_active (tandem_activity_window_get_busy_switch (window), TRUE);
  save (window);

  message = tandem_activity_window_get_error (window);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "10:00–11:00"));
  g_assert_nonnull (strstr (message, "Morning call"));
  /* Shown in the card, not only kept. */
  g_assert_true (ui_wait_for (shows_conflict, window, 2000));
  saved = activities_of (fixture, company_id);
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpint (tandem_activity_window_get_id (window), ==, 0);
  g_assert_cmpstr (adw_window_title_get_subtitle (tandem_activity_window_get_window_title (window)), ==, "");

  /* Not busy, it fits. */
  gtk_switch_set_active (tandem_activity_window_get_busy_switch (window), FALSE);
  save (window);
  g_assert_null (tandem_activity_window_get_error (window));
  g_clear_pointer (&saved, g_ptr_array_unref);
  saved = activities_of (fixture, company_id);
  g_assert_cmpuint (saved->len, ==, 2);
}

/* A time that is not a time is marked and stops the save with a reason. */
static void
test_bad_time (UiFixture     *fixture,
               gconstpointer  data)
{
  gint64 company_id = add_company (fixture, "Acme Oy");
  g_autoptr(GPtrArray) saved = NULL;
  TandemActivityWindow *window;
  GtkEditable *time;

  window = open_new (fixture, TANDEM_KIND_COMPANY, company_id, DAY, 10);
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Call back");
  time = tandem_date_time_row_get_time_entry (tandem_activity_window_get_end_row (window));
  gtk_editable_set_text (time, "25:99");
  ui_iterate ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (time), "error"));
  save (window);
  g_assert_nonnull (tandem_activity_window_get_error (window));
  g_assert_nonnull (strstr (tandem_activity_window_get_error (window), "25:99"));
  saved = activities_of (fixture, company_id);
  g_assert_cmpuint (saved->len, ==, 0);

  gtk_editable_set_text (time, "1145");
  ui_iterate ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (time), "error"));
  save (window);
  g_assert_null (tandem_activity_window_get_error (window));
  g_clear_pointer (&saved, g_ptr_array_unref);
  saved = activities_of (fixture, company_id);
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpint (g_date_time_get_hour (tandem_activity_get_end (g_ptr_array_index (saved, 0))), ==, 11);
  g_assert_cmpint (g_date_time_get_minute (tandem_activity_get_end (g_ptr_array_index (saved, 0))), ==, 45);
}

/* D9: completing an activity with a goal asks how it went. */
static void
test_complete_with_goal (UiFixture     *fixture,
                         gconstpointer  data)
{
  g_autoptr(TandemActivity) stored = NULL;
  g_autoptr(GError) error = NULL;
  TandemActivityWindow *window;
  AdwMessageDialog *dialog;
  gint64 id;

  window = open_new (fixture, TANDEM_KIND_NONE, 0, DAY, 9);
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Call about the offer");
  g_assert_true (tandem_activity_window_select_by_name (tandem_activity_window_get_goal_row (window),
                                                        "Arrange a meeting"));
  save (window);
  id = tandem_activity_window_get_id (window);
  g_assert_cmpint (id, !=, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "card.complete", NULL));
  dialog = wait_for_dialog ();
  g_assert_true (adw_message_dialog_has_response (dialog, "success"));
  g_assert_true (adw_message_dialog_has_response (dialog, "failure"));
  adw_message_dialog_response (dialog, "success");
  ui_iterate ();

  stored = tandem_store_get_activity (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_activity_get_status (stored), ==, TANDEM_STATUS_COMPLETED);
  g_assert_cmpint (tandem_activity_get_outcome (stored), ==, TANDEM_OUTCOME_SUCCESS);
  g_assert_cmpstr (tandem_activity_window_get_selected_name (tandem_activity_window_get_status_row (window)), ==,
                   "Completed");
}

/* D10: messages are stamped with their author; someone who is not part of
 * the activity reads them but is told why they cannot write. */
static void
test_discussion (UiFixture     *fixture,
                 gconstpointer  data)
{
  g_autoptr(TandemUser) bob = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  TandemActivityWindow *window;
  GtkLabel *refused;
  gint64 id;

  window = open_new (fixture, TANDEM_KIND_NONE, 0, DAY, 9);
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Call the customer");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_activity_window_get_message_row (window))));
  save (window);
  id = tandem_activity_window_get_id (window);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (tandem_activity_window_get_message_row (window))));

  gtk_editable_set_text (tandem_activity_window_get_message_row (window), "Not answering, try after lunch");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "card.send-message", NULL));
  ui_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (tandem_activity_window_get_message_row (window)), ==, "");
  g_assert_nonnull (ui_find_label (GTK_WIDGET (tandem_activity_window_get_messages_list (window)),
                                   "Not answering, try after lunch"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (tandem_activity_window_get_messages_list (window)), "Anna Admin"));
  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate ();

  bob = tandem_store_add_user (fixture->store, "bob", "Bob Seller", "bob-password-1", TANDEM_ROLE_USER, NULL, &error);
  g_assert_no_error (error);
  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, "bob", "bob-password-1", &error);
  g_assert_no_error (error);

  window = tandem_activity_window_new_for_activity (NULL, fixture->store, id, 0, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  g_assert_nonnull (ui_find_label (GTK_WIDGET (tandem_activity_window_get_messages_list (window)),
                                   "Not answering, try after lunch"));
  gtk_editable_set_text (tandem_activity_window_get_message_row (window), "Let me call them");
  gtk_widget_activate_action (GTK_WIDGET (window), "card.send-message", NULL);
  ui_iterate ();
  refused = tandem_activity_window_get_message_error (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (refused)));
  g_assert_cmpstr (gtk_label_get_text (refused), !=, "");
  messages = tandem_store_list_messages (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 1);

  /* E2: Bob did not create it and is no administrator. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_activity_window_get_visibility_row (window))));
}

/* Does a row under @widget, shown or folded away, say @needle in its
 * title or subtitle? */
static gboolean
row_says (GtkWidget  *widget,
          const char *needle)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), needle))
    return TRUE;
  if (ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) &&
      strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), needle))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (row_says (child, needle))
      return TRUE;
  return FALSE;
}

static TandemActivityWindow *
reopen (UiFixture *fixture,
        gint64     id)
{
  g_autoptr(GError) error = NULL;
  TandemActivityWindow *window;

  ui_destroy_toplevels ();
  window = tandem_activity_window_new_for_activity (NULL, fixture->store, id, 0, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  return window;
}

/* E2: the card shows who changed who may see the activity, when, from
 * what to what; there is no history row until there is a change, and
 * someone who may not see the activity gets neither it nor its history. */
static void
test_visibility_history (UiFixture     *fixture,
                         gconstpointer  data)
{
  g_autoptr(TandemUser) bob = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  TandemActivityWindow *window;
  AdwExpanderRow *history;
  gint64 id;

  window = open_new (fixture, TANDEM_KIND_NONE, 0, DAY, 9);
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Salary talk");
  save (window);
  g_assert_null (tandem_activity_window_get_error (window));
  id = tandem_activity_window_get_id (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tandem_activity_window_get_history_row (window))));

  /* The author makes it private. */
  adw_combo_row_set_selected (tandem_activity_window_get_visibility_row (window), TANDEM_VISIBILITY_PRIVATE);
  save (window);
  g_assert_null (tandem_activity_window_get_error (window));
  history = tandem_activity_window_get_history_row (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (history)));

  window = reopen (fixture, id);
  history = tandem_activity_window_get_history_row (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (history)));
  g_assert_true (row_says (GTK_WIDGET (history), "Everyone who may see the record → Private"));
  g_assert_true (row_says (GTK_WIDGET (history), "Anna Admin · "));
  ui_destroy_toplevels ();

  /* Bob is neither its author nor a performer: no card, no history. */
  bob = tandem_store_add_user (fixture->store, "bob", "Bob Seller", "bob-password-1", TANDEM_ROLE_USER, NULL, &error);
  g_assert_no_error (error);
  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, "bob", "bob-password-1", &error);
  g_assert_no_error (error);
  window = tandem_activity_window_new_for_activity (NULL, fixture->store, id, 0, &error);
  g_assert_null (window);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  changes = tandem_store_list_visibility_changes (fixture->store, TANDEM_KIND_ACTIVITY, id, &error);
  g_assert_null (changes);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Opened to everyone again, Bob sees both changes but cannot make one. */
  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, "admin", "admin-password-1", &error);
  g_assert_no_error (error);
  window = reopen (fixture, id);
  adw_combo_row_set_selected (tandem_activity_window_get_visibility_row (window), TANDEM_VISIBILITY_EVERYONE);
  save (window);
  g_assert_null (tandem_activity_window_get_error (window));
  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, "bob", "bob-password-1", &error);
  g_assert_no_error (error);
  window = reopen (fixture, id);
  history = tandem_activity_window_get_history_row (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (history)));
  g_assert_true (row_says (GTK_WIDGET (history), "Everyone who may see the record → Private"));
  g_assert_true (row_says (GTK_WIDGET (history), "Private → Everyone who may see the record"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_activity_window_get_visibility_row (window))));
}

/* Is activity @id among the campaign's activities the user may see? */
static gboolean
campaign_lists (UiFixture  *fixture,
                const char *name,
                gint64      id)
{
  g_autoptr(TandemCampaign) campaign = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  campaign = tandem_store_find_campaign (fixture->store, name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (campaign);
  activities = tandem_store_list_activities_of (fixture->store, TANDEM_KIND_CAMPAIGN,
                                                tandem_campaign_get_id (campaign), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < activities->len; i++)
    if (tandem_record_get_id (g_ptr_array_index (activities, i)) == id)
      return TRUE;
  return FALSE;
}

static TandemActivityWindow *
find_card (void)
{
  GtkWidget *window = ui_find_toplevel (TANDEM_TYPE_ACTIVITY_WINDOW);

  g_assert_nonnull (window);
  return TANDEM_ACTIVITY_WINDOW (window);
}

/* I3: an activity names its campaign, chosen from the menu of campaigns
 * or typed; a new name says it adds a campaign and does so on save. The
 * card shows the campaign again, and the campaign lists the activity. */
static void
test_campaign (UiFixture     *fixture,
               gconstpointer  data)
{
  g_autoptr(TandemCampaign) fair = tandem_campaign_new ("Spring fair 2030");
  g_autoptr(TandemUser) bob = NULL;
  g_autoptr(GError) error = NULL;
  TandemActivityWindow *window;
  TandemCampaignWindow *campaign_window;
  GtkEditable *campaign;
  GtkWidget *plan_button;
  gint64 fair_id;
  gint64 id;
  gint64 other_id;

  fair_id = tandem_store_save_campaign (fixture->store, fair, &error);
  g_assert_no_error (error);

  window = open_new (fixture, TANDEM_KIND_NONE, 0, DAY, 9);
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Invite Acme to the fair");
  campaign = tandem_activity_window_get_campaign_row (window);
  g_assert_cmpstr (gtk_editable_get_text (campaign), ==, "");
  g_assert_null (tandem_activity_window_get_campaign_hint (window));

  /* A name typed that is no campaign yet says so; a known one, in any
   * case, does not. */
  gtk_editable_set_text (campaign, "Autumn mailing");
  g_assert_nonnull (tandem_activity_window_get_campaign_hint (window));
  g_assert_nonnull (strstr (tandem_activity_window_get_campaign_hint (window), "“Autumn mailing” is a new campaign"));
  gtk_editable_set_text (campaign, "spring FAIR 2030");
  g_assert_null (tandem_activity_window_get_campaign_hint (window));

  /* Chosen from the menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "card.choose-campaign", "s", "Spring fair 2030"));
  g_assert_cmpstr (gtk_editable_get_text (campaign), ==, "Spring fair 2030");
  g_assert_true (tandem_activity_window_has_unsaved_changes (window));
  save (window);
  g_assert_null (tandem_activity_window_get_error (window));
  id = tandem_activity_window_get_id (window);
  g_assert_cmpint (id, >, 0);
  g_assert_false (tandem_activity_window_has_unsaved_changes (window));

  window = reopen (fixture, id);
  g_assert_cmpstr (gtk_editable_get_text (tandem_activity_window_get_campaign_row (window)), ==, "Spring fair 2030");
  g_assert_null (tandem_activity_window_get_campaign_hint (window));
  g_assert_true (campaign_lists (fixture, "Spring fair 2030", id));

  /* A new name adds the campaign; the activity moves to it. */
  gtk_editable_set_text (tandem_activity_window_get_campaign_row (window), "Autumn mailing");
  save (window);
  g_assert_null (tandem_activity_window_get_error (window));
  g_assert_null (tandem_activity_window_get_campaign_hint (window));
  g_assert_true (campaign_lists (fixture, "Autumn mailing", id));
  g_assert_false (campaign_lists (fixture, "Spring fair 2030", id));

  /* Emptied, it belongs to no campaign. */
  window = reopen (fixture, id);
  g_assert_cmpstr (gtk_editable_get_text (tandem_activity_window_get_campaign_row (window)), ==, "Autumn mailing");
  gtk_editable_set_text (tandem_activity_window_get_campaign_row (window), "  ");
  save (window);
  g_assert_null (tandem_activity_window_get_error (window));
  g_assert_false (campaign_lists (fixture, "Autumn mailing", id));
  window = reopen (fixture, id);
  g_assert_cmpstr (gtk_editable_get_text (tandem_activity_window_get_campaign_row (window)), ==, "");
  ui_destroy_toplevels ();

  /* Planned from the campaign's window, the card names the campaign. */
  campaign_window = tandem_campaign_window_new_for_id (NULL, fixture->store, fair_id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (campaign_window));
  ui_iterate ();
  plan_button = adw_preferences_group_get_header_suffix (
    ADW_PREFERENCES_GROUP (tandem_campaign_window_get_activities_group (campaign_window)));
  g_assert_nonnull (plan_button);
  g_signal_emit_by_name (plan_button, "clicked");
  ui_iterate ();
  window = find_card ();
  g_assert_cmpstr (gtk_editable_get_text (tandem_activity_window_get_campaign_row (window)), ==, "Spring fair 2030");
  g_assert_null (tandem_activity_window_get_campaign_hint (window));
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Call Birch about the fair");
  save (window);
  g_assert_null (tandem_activity_window_get_error (window));
  other_id = tandem_activity_window_get_id (window);
  g_assert_true (campaign_lists (fixture, "Spring fair 2030", other_id));
  ui_destroy_toplevels ();

  /* E1: made private, the activity is not among the campaign's for Bob. */
  window = reopen (fixture, other_id);
  adw_combo_row_set_selected (tandem_activity_window_get_visibility_row (window), TANDEM_VISIBILITY_PRIVATE);
  save (window);
  g_assert_null (tandem_activity_window_get_error (window));
  ui_destroy_toplevels ();
  bob = tandem_store_add_user (fixture->store, "bob", "Bob Seller", "bob-password-1", TANDEM_ROLE_USER, NULL, &error);
  g_assert_no_error (error);
  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, "bob", "bob-password-1", &error);
  g_assert_no_error (error);
  g_assert_false (campaign_lists (fixture, "Spring fair 2030", other_id));
}

/* D6: weekly on Tuesday and Thursday is stored as an RRULE and shown
 * again when the card opens. */
static void
test_weekly_repeat (UiFixture     *fixture,
                    gconstpointer  data)
{
  g_autoptr(TandemActivity) stored = NULL;
  g_autoptr(TandemRecurrence) shown = NULL;
  g_autoptr(GError) error = NULL;
  TandemRecurrenceEditor *editor;
  TandemActivityWindow *window;
  gint64 id;

  window = open_new (fixture, TANDEM_KIND_NONE, 0, DAY, 15);  /* a Tuesday */
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Training");
  editor = tandem_activity_window_get_recurrence_editor (window);
  tandem_recurrence_editor_set_repeat (editor, TANDEM_REPEAT_WEEKLY);
  ui_iterate ();
  /* The start's weekday comes ticked. */
  g_assert_true (gtk_toggle_button_get_active (tandem_recurrence_editor_get_weekday_button (editor, G_DATE_TUESDAY)));
  gtk_toggle_button_set_active (tandem_recurrence_editor_get_weekday_button (editor, G_DATE_THURSDAY), TRUE);
  ui_iterate ();
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (tandem_recurrence_editor_get_repeat_row (editor))),
                            "Thursday"));
  save (window);
  g_assert_null (tandem_activity_window_get_error (window));
  id = tandem_activity_window_get_id (window);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate ();

  stored = tandem_store_get_activity (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (tandem_activity_get_rrule (stored), "FREQ=WEEKLY"));
  g_assert_nonnull (strstr (tandem_activity_get_rrule (stored), "BYDAY=TU,TH"));

  window = tandem_activity_window_new_for_activity (NULL, fixture->store, id, 0, &error);
  g_assert_no_error (error);
  editor = tandem_activity_window_get_recurrence_editor (window);
  shown = tandem_recurrence_editor_dup_recurrence (editor);
  g_assert_cmpint (shown->repeat, ==, TANDEM_REPEAT_WEEKLY);
  g_assert_cmpuint (shown->weekdays, ==, TANDEM_WEEKDAY_BIT (G_DATE_TUESDAY) | TANDEM_WEEKDAY_BIT (G_DATE_THURSDAY));
  g_assert_false (tandem_activity_window_has_unsaved_changes (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* D15: Previous and Next go through the same company's activities. */
static void
test_previous_next (UiFixture     *fixture,
                    gconstpointer  data)
{
  gint64 company_id = add_company (fixture, "Acme Oy");
  gint64 other_company = add_company (fixture, "Other Oy");
  g_autoptr(GError) error = NULL;
  TandemActivityWindow *window;
  gint64 older, newer;

  older = add_activity (fixture, "First meeting", company_id, DAY, 9, FALSE);
  add_activity (fixture, "Someone else's", other_company, DAY + 1, 9, FALSE);
  newer = add_activity (fixture, "Second meeting", company_id, DAY + 2, 9, FALSE);

  window = tandem_activity_window_new_for_activity (NULL, fixture->store, newer, 0, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  /* The latest has no next. */
  gtk_widget_activate_action (GTK_WIDGET (window), "card.next", NULL);
  ui_iterate ();
  g_assert_cmpint (tandem_activity_window_get_id (window), ==, newer);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "card.previous", NULL));
  ui_iterate ();
  g_assert_cmpint (tandem_activity_window_get_id (window), ==, older);
  g_assert_cmpstr (gtk_editable_get_text (tandem_activity_window_get_title_row (window)), ==, "First meeting");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "card.next", NULL));
  ui_iterate ();
  g_assert_cmpint (tandem_activity_window_get_id (window), ==, newer);

  /* With unsaved changes it asks first; Cancel stays. */
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Second meeting, moved");
  gtk_widget_activate_action (GTK_WIDGET (window), "card.previous", NULL);
  adw_message_dialog_response (wait_for_dialog (), "cancel");
  ui_iterate ();
  g_assert_cmpint (tandem_activity_window_get_id (window), ==, newer);
  g_assert_cmpstr (gtk_editable_get_text (tandem_activity_window_get_title_row (window)), ==, "Second meeting, moved");
}

/* D14: Save and Plan Similar opens a new card with the same data. */
static void
test_plan_similar (UiFixture     *fixture,
                   gconstpointer  data)
{
  gint64 company_id = add_company (fixture, "Acme Oy");
  TandemActivityWindow *window, *similar = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  window = open_new (fixture, TANDEM_KIND_COMPANY, company_id, DAY, 10);
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Offer call");
  g_assert_true (tandem_activity_window_select_by_name (tandem_activity_window_get_category_row (window), "Phone call"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "card.save-similar", NULL));
  g_assert_true (ui_wait_for (two_windows, NULL, 2000));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (TANDEM_IS_ACTIVITY_WINDOW (item) && (gpointer) item != (gpointer) window)
        similar = TANDEM_ACTIVITY_WINDOW (item);
    }
  g_assert_nonnull (similar);
  g_assert_cmpint (tandem_activity_window_get_id (window), !=, 0);
  g_assert_cmpint (tandem_activity_window_get_id (similar), ==, 0);
  g_assert_cmpstr (tandem_activity_window_get_selected_name (tandem_activity_window_get_category_row (similar)), ==,
                   "Phone call");
  g_assert_cmpint (tandem_record_picker_get_id (tandem_activity_window_get_link_row (similar)), ==, company_id);
  g_assert_cmpstr (adw_window_title_get_subtitle (tandem_activity_window_get_window_title (similar)), ==, "");
}

/* Closing with unsaved changes asks; an untouched new card just closes. */
static void
test_unsaved_close (UiFixture     *fixture,
                    gconstpointer  data)
{
  TandemActivityWindow *window;

  window = open_new (fixture, TANDEM_KIND_NONE, 0, DAY, 10);
  g_assert_false (tandem_activity_window_has_unsaved_changes (window));
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Half written");
  g_assert_true (tandem_activity_window_has_unsaved_changes (window));
  gtk_window_close (GTK_WINDOW (window));
  adw_message_dialog_response (wait_for_dialog (), "cancel");
  ui_iterate ();
  g_assert_cmpuint (count_windows (), ==, 1);

  gtk_window_close (GTK_WINDOW (window));
  adw_message_dialog_response (wait_for_dialog (), "discard");
  ui_iterate ();
  g_assert_cmpuint (count_windows (), ==, 0);

  window = open_new (fixture, TANDEM_KIND_NONE, 0, DAY, 10);
  gtk_window_close (GTK_WINDOW (window));
  ui_iterate ();
  g_assert_cmpuint (count_windows (), ==, 0);
}

/* D16: a new activity in the past is recorded as completed. */
static void
test_past_is_completed (UiFixture     *fixture,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  TandemActivityWindow *window;

  window = tandem_activity_window_new_planned (NULL, fixture->store, TANDEM_KIND_NONE, 0, yesterday, G_TIME_SPAN_HOUR);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  g_assert_cmpstr (tandem_activity_window_get_selected_name (tandem_activity_window_get_status_row (window)), ==,
                   "Completed");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (tandem_activity_window_get_status_row (window))),
                            "in the past"));
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Met at the fair");
  save (window);
  g_assert_null (tandem_activity_window_get_error (window));
  g_assert_cmpint (tandem_activity_get_status (tandem_activity_window_get_activity (window)), ==,
                   TANDEM_STATUS_COMPLETED);
}

static gboolean
picker_found_one (gpointer data)
{
  return tandem_record_picker_get_n_results (data) == 1;
}

/* D2: linked by searching; a person of a company brings the company, with
 * the person as its contact. */
static void
test_link_person (UiFixture     *fixture,
                  gconstpointer  data)
{
  gint64 company_id = add_company (fixture, "Acme Oy");
  g_autoptr(TandemPerson) person = tandem_person_new ("Maija Meikäläinen");
  g_autoptr(TandemActivity) stored = NULL;
  g_autoptr(GError) error = NULL;
  TandemActivityWindow *window;
  TandemRecordPicker *picker;
  const gint64 *persons;
  guint n_persons;
  gint64 person_id;

  tandem_person_set_company_id (person, company_id);
  person_id = tandem_store_save_person (fixture->store, person, &error);
  g_assert_no_error (error);

  window = open_new (fixture, TANDEM_KIND_NONE, 0, DAY, 10);
  picker = tandem_activity_window_get_link_row (window);
  g_assert_cmpint (tandem_record_picker_get_kind (picker), ==, TANDEM_KIND_NONE);
  gtk_editable_set_text (tandem_record_picker_get_search_entry (picker), "Maij");
  g_assert_true (ui_wait_for (picker_found_one, picker, 2000));

  tandem_record_picker_choose (picker, TANDEM_KIND_PERSON, person_id, "Maija Meikäläinen");
  ui_iterate ();
  g_assert_cmpint (tandem_record_picker_get_kind (picker), ==, TANDEM_KIND_COMPANY);
  g_assert_cmpint (tandem_record_picker_get_id (picker), ==, company_id);

  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Call Maija");
  save (window);
  g_assert_null (tandem_activity_window_get_error (window));
  stored = tandem_store_get_activity (fixture->store, tandem_activity_window_get_id (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_activity_get_company_id (stored), ==, company_id);
  persons = tandem_activity_get_person_ids (stored, &n_persons);
  g_assert_cmpuint (n_persons, ==, 1);
  g_assert_cmpint (persons[0], ==, person_id);
}

/* D11: quick reminders are kept with the activity. */
static void
test_reminders (UiFixture     *fixture,
                gconstpointer  data)
{
  g_autoptr(TandemActivity) stored = NULL;
  g_autoptr(GError) error = NULL;
  const TandemReminder *reminders;
  TandemActivityWindow *window;
  guint n;

  window = open_new (fixture, TANDEM_KIND_NONE, 0, DAY, 10);
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Board meeting");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "card.add-reminder", "i", 15));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "card.add-reminder", "i", 24 * 60));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "card.add-reminder", "i", 15));  /* once only */
  ui_iterate ();
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), "15 minutes before"));
  save (window);

  stored = tandem_store_get_activity (fixture->store, tandem_activity_window_get_id (window), &error);
  g_assert_no_error (error);
  reminders = tandem_activity_get_reminders (stored, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (reminders[0].minutes_before + reminders[1].minutes_before, ==, 15 + 24 * 60);
  g_assert_cmpint (reminders[0].channel, ==, TANDEM_CHANNEL_APP);
  g_assert_cmpint (reminders[1].channel, ==, TANDEM_CHANNEL_APP);
}

/* D8: a performer starts and stops the stopwatch on the card. */
static void
test_stopwatch (UiFixture     *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TandemActivityWindow *window;
  gint64 id;

  window = open_new (fixture, TANDEM_KIND_NONE, 0, DAY, 10);
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Write the offer");
  save (window);
  id = tandem_activity_window_get_id (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "card.toggle-timer", NULL));
  ui_iterate ();
  g_assert_cmpint (tandem_store_get_running_timer (fixture->store, NULL, &error), ==, id);
  g_assert_no_error (error);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), "Running for"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "card.toggle-timer", NULL));
  ui_iterate ();
  g_assert_cmpint (tandem_store_get_running_timer (fixture->store, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), "Not running"));
}

/* D6: one occurrence of a repeating activity is cancelled on its own. */
static void
test_occurrence_only_this (UiFixture     *fixture,
                           gconstpointer  data)
{
  g_autoptr(TandemActivity) series = tandem_activity_new ("Weekly review");
  g_autoptr(TandemActivity) stored = NULL;
  g_autoptr(GDateTime) start = local_time (DAY, 9, 0);
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 1);
  g_autoptr(GDateTime) second = g_date_time_add_weeks (start, 1);
  g_autoptr(GDateTime) from = g_date_time_add_days (start, -1);
  g_autoptr(GDateTime) to = g_date_time_add_weeks (start, 3);
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  gint64 me = tandem_user_get_id (tandem_store_get_user (fixture->store));
  TandemActivityWindow *window;
  AdwMessageDialog *dialog;
  guint cancelled = 0;
  gint64 id;

  tandem_activity_set_times (series, start, end);
  tandem_activity_set_performer_ids (series, &me, 1);
  tandem_activity_set_rrule (series, "FREQ=WEEKLY;COUNT=3");
  id = tandem_store_save_activity (fixture->store, series, &error);
  g_assert_no_error (error);

  window = tandem_activity_window_new_for_activity (NULL, fixture->store, id, g_date_time_to_unix (second), &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  adw_combo_row_set_selected (tandem_activity_window_get_status_row (window), TANDEM_STATUS_CANCELLED);
  save (window);
  dialog = wait_for_dialog ();
  g_assert_true (adw_message_dialog_has_response (dialog, "this"));
  g_assert_true (adw_message_dialog_has_response (dialog, "following"));
  g_assert_true (adw_message_dialog_has_response (dialog, "all"));
  adw_message_dialog_response (dialog, "this");
  ui_iterate ();
  g_assert_null (tandem_activity_window_get_error (window));

  occurrences = tandem_store_list_occurrences (fixture->store, me, from, to, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, ==, 3);
  for (guint i = 0; i < occurrences->len; i++)
    if (tandem_occurrence_get_status (g_ptr_array_index (occurrences, i)) == TANDEM_STATUS_CANCELLED)
      {
        cancelled++;
        g_assert_cmpint (tandem_occurrence_get_recurrence_id (g_ptr_array_index (occurrences, i)), ==,
                         g_date_time_to_unix (second));
      }
  g_assert_cmpuint (cancelled, ==, 1);
  stored = tandem_store_get_activity (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_activity_get_status (stored), ==, TANDEM_STATUS_PLANNED);
}

/* D6: "this and following" splits the series; the card shows the new one. */
static void
test_occurrence_following (UiFixture     *fixture,
                           gconstpointer  data)
{
  g_autoptr(TandemActivity) series = tandem_activity_new ("Weekly review");
  g_autoptr(TandemActivity) before = NULL;
  g_autoptr(GDateTime) start = local_time (DAY, 9, 0);
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 1);
  g_autoptr(GDateTime) third = g_date_time_add_weeks (start, 2);
  g_autoptr(GError) error = NULL;
  gint64 me = tandem_user_get_id (tandem_store_get_user (fixture->store));
  TandemActivityWindow *window;
  gint64 id;

  tandem_activity_set_times (series, start, end);
  tandem_activity_set_performer_ids (series, &me, 1);
  tandem_activity_set_rrule (series, "FREQ=WEEKLY");
  id = tandem_store_save_activity (fixture->store, series, &error);
  g_assert_no_error (error);

  window = tandem_activity_window_new_for_activity (NULL, fixture->store, id, g_date_time_to_unix (third), &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Weekly review with sales");
  save (window);
  adw_message_dialog_response (wait_for_dialog (), "following");
  ui_iterate ();
  g_assert_null (tandem_activity_window_get_error (window));

  g_assert_cmpint (tandem_activity_window_get_id (window), !=, id);
  g_assert_cmpstr (tandem_activity_get_title (tandem_activity_window_get_activity (window)), ==,
                   "Weekly review with sales");
  g_assert_true (g_date_time_equal (tandem_activity_get_start (tandem_activity_window_get_activity (window)), third));
  before = tandem_store_get_activity (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_activity_get_title (before), ==, "Weekly review");
  g_assert_nonnull (strstr (tandem_activity_get_rrule (before), "UNTIL="));
}

static void
on_deleted_cb (TandemActivityWindow *window,
               gint64                id,
               gint64               *deleted)
{
  *deleted = id;
}

/* D15: Delete closes the card; whoever opened it offers the Undo. */
static void
test_delete (UiFixture     *fixture,
             gconstpointer  data)
{
  g_autoptr(TandemActivity) gone = NULL;
  g_autoptr(TandemActivity) back = NULL;
  g_autoptr(GError) error = NULL;
  TandemActivityWindow *window;
  gint64 id, deleted = 0;

  id = add_activity (fixture, "Old call", 0, DAY, 9, FALSE);
  window = tandem_activity_window_new_for_activity (NULL, fixture->store, id, 0, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (window, "deleted", G_CALLBACK (on_deleted_cb), &deleted);
  ui_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "card.delete", NULL));
  ui_iterate ();
  g_assert_cmpint (deleted, ==, id);
  g_assert_cmpuint (count_windows (), ==, 0);
  gone = tandem_store_get_activity (fixture->store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (tandem_store_restore (fixture->store, TANDEM_KIND_ACTIVITY, id, &error));
  back = tandem_store_get_activity (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_activity_get_title (back), ==, "Old call");
}

static void
test_parse_time (void)
{
  int h = -1, m = -1;

  g_assert_true (tandem_parse_time_of_day ("9", &h, &m));
  g_assert_cmpint (h, ==, 9);
  g_assert_cmpint (m, ==, 0);
  g_assert_true (tandem_parse_time_of_day ("9:30", &h, &m));
  g_assert_cmpint (m, ==, 30);
  g_assert_true (tandem_parse_time_of_day ("14.05", &h, &m));
  g_assert_cmpint (h, ==, 14);
  g_assert_cmpint (m, ==, 5);
  g_assert_true (tandem_parse_time_of_day ("0930", &h, &m));
  g_assert_cmpint (h, ==, 9);
  g_assert_true (tandem_parse_time_of_day (" 23:59 ", &h, &m));
  g_assert_false (tandem_parse_time_of_day ("24:00", NULL, NULL));
  g_assert_false (tandem_parse_time_of_day ("12:60", NULL, NULL));
  g_assert_false (tandem_parse_time_of_day ("12:3", NULL, NULL));
  g_assert_false (tandem_parse_time_of_day ("", NULL, NULL));
  g_assert_false (tandem_parse_time_of_day ("noon", NULL, NULL));
  g_assert_false (tandem_parse_time_of_day ("1:2:3", NULL, NULL));
}

/* With TANDEM_TEST_KEEP_OPEN set (to "saved", "new" or "conflict"), a
 * filled-in card stays open until it is closed, to look at and take
 * screenshots of; not a test. */
static void
keep_open (UiFixture     *fixture,
           gconstpointer  data)
{
  const char *what = g_getenv ("TANDEM_TEST_KEEP_OPEN");
  gint64 company_id = add_company (fixture, "Acme Oy");
  g_autoptr(TandemPerson) person = tandem_person_new ("Maija Meikäläinen");
  g_autoptr(GError) error = NULL;
  TandemActivityWindow *window;
  gint64 id;

  /* As GNOME shows windows: a close button only. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  tandem_person_set_company_id (person, company_id);
  tandem_store_save_person (fixture->store, person, &error);
  g_assert_no_error (error);
  tandem_store_add_group (fixture->store, "Sales team", &error);
  g_assert_no_error (error);
  add_activity (fixture, "Morning call", company_id, DAY, 10, TRUE);

  window = open_new (fixture, TANDEM_KIND_COMPANY, company_id, DAY, 10);
  gtk_editable_set_text (tandem_activity_window_get_title_row (window), "Visit the Acme warehouse");
  tandem_activity_window_select_by_name (tandem_activity_window_get_category_row (window), "Customer visit");
  tandem_activity_window_select_by_name (tandem_activity_window_get_goal_row (window), "Make an offer");
  gtk_switch_set_active (tandem_activity_window_get_busy_switch (window), TRUE);
  tandem_recurrence_editor_set_repeat (tandem_activity_window_get_recurrence_editor (window), TANDEM_REPEAT_WEEKLY);
  gtk_toggle_button_set_active (tandem_recurrence_editor_get_weekday_button (tandem_activity_window_get_recurrence_editor (window),
                                                                             G_DATE_THURSDAY), TRUE);
  if (g_strcmp0 (what, "conflict") == 0)
    save (window);
  else if (g_strcmp0 (what, "new") != 0)
    {
      gtk_editable_set_text (tandem_date_time_row_get_time_entry (tandem_activity_window_get_start_row (window)), "13:00");
      save (window);
      id = tandem_activity_window_get_id (window);
      tandem_store_add_message (fixture->store, id, "The customer asked to see the new shelving too.", NULL);
      tandem_store_add_activity_link (fixture->store, id, "Warehouse plan", "https://example.com/plan.pdf", NULL);
      gtk_window_destroy (GTK_WINDOW (window));
      window = tandem_activity_window_new_for_activity (NULL, fixture->store, id, 0, &error);
      g_assert_no_error (error);
      gtk_window_present (GTK_WINDOW (window));
    }
  while (count_windows () > 0)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/activity-card/time-of-day", test_parse_time);
  g_test_add ("/ui/activity-card/new-classified-saved-D1-D3-D7-D14", UiFixture, NULL,
              ui_fixture_set_up, test_new_activity, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/busy-conflict-named-D5", UiFixture, NULL,
              ui_fixture_set_up, test_busy_conflict, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/bad-time-refused", UiFixture, NULL,
              ui_fixture_set_up, test_bad_time, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/complete-with-goal-D9", UiFixture, NULL,
              ui_fixture_set_up, test_complete_with_goal, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/discussion-D10-E2", UiFixture, NULL,
              ui_fixture_set_up, test_discussion, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/visibility-history-E1-E2", UiFixture, NULL,
              ui_fixture_set_up, test_visibility_history, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/campaign-I3", UiFixture, NULL,
              ui_fixture_set_up, test_campaign, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/weekly-repeat-D6", UiFixture, NULL,
              ui_fixture_set_up, test_weekly_repeat, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/previous-next-D15", UiFixture, NULL,
              ui_fixture_set_up, test_previous_next, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/plan-similar-D14", UiFixture, NULL,
              ui_fixture_set_up, test_plan_similar, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/unsaved-changes", UiFixture, NULL,
              ui_fixture_set_up, test_unsaved_close, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/past-is-completed-D16", UiFixture, NULL,
              ui_fixture_set_up, test_past_is_completed, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/link-person-of-company-D2", UiFixture, NULL,
              ui_fixture_set_up, test_link_person, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/reminders-D11", UiFixture, NULL,
              ui_fixture_set_up, test_reminders, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/stopwatch-D8", UiFixture, NULL,
              ui_fixture_set_up, test_stopwatch, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/occurrence-only-this-D6", UiFixture, NULL,
              ui_fixture_set_up, test_occurrence_only_this, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/occurrence-this-and-following-D6", UiFixture, NULL,
              ui_fixture_set_up, test_occurrence_following, ui_fixture_tear_down);
  g_test_add ("/ui/activity-card/delete-D15", UiFixture, NULL,
              ui_fixture_set_up, test_delete, ui_fixture_tear_down);
  if (g_getenv ("TANDEM_TEST_KEEP_OPEN"))
    g_test_add ("/ui/activity-card/keep-open", UiFixture, NULL,
                ui_fixture_set_up, keep_open, ui_fixture_tear_down);
  return g_test_run ();
}
