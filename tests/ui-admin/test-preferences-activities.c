/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTestPreferencesActivities"

#include "config.h"

#include <string.h>

#include "tandem-category-dialog-private.h"
#include "tandem-error.h"
#include "tandem-preferences-window-private.h"
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

static gint64
add_user (Fixture    *fixture,
          const char *login,
          const char *name,
          TandemRole  role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) user = NULL;

  user = tandem_store_add_user (fixture->store, login, name, "sprzedaz 2024", role, NULL, &error);
  g_assert_no_error (error);
  return tandem_user_get_id (user);
}

static void
sign_in_as (Fixture    *fixture,
            const char *login)
{
  g_autoptr(GError) error = NULL;

  tandem_store_sign_out (fixture->store);
  g_assert_true (tandem_store_sign_in (fixture->store, login, "sprzedaz 2024", &error));
  g_assert_no_error (error);
}

static gboolean
is_shown (TandemPreferencesWindow *window,
          GtkWidget               *page)
{
  return gtk_widget_get_root (page) == GTK_ROOT (window);
}

/* The names of a list as the store gives them, in their order, joined
 * with commas. */
static char *
term_names (Fixture       *fixture,
            TandemTermSet  set)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) terms = tandem_store_list_terms (fixture->store, set, &error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < terms->len; i++)
    g_strv_builder_add (names, tandem_term_get_name (g_ptr_array_index (terms, i)));
  strv = g_strv_builder_end (names);
  return g_strjoinv (",", strv);
}

static TandemTerm *
find_term (Fixture       *fixture,
           TandemTermSet  set,
           const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) terms = tandem_store_list_terms (fixture->store, set, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < terms->len; i++)
    if (g_strcmp0 (tandem_term_get_name (g_ptr_array_index (terms, i)), name) == 0)
      return g_object_ref (g_ptr_array_index (terms, i));
  return NULL;
}

/* The titles of the rows of a list in the window, in their order,
 * joined with commas. */
static char *
row_titles (TandemPreferencesWindow *window,
            const char              *list)
{
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  AdwActionRow *row;

  for (guint i = 0; (row = tandem_preferences_window_get_nth_row (window, list, i)) != NULL; i++)
    g_strv_builder_add (titles, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  strv = g_strv_builder_end (titles);
  return g_strjoinv (",", strv);
}

static gint64
term_id (Fixture       *fixture,
         TandemTermSet  set,
         const char    *name)
{
  g_autoptr(TandemTerm) term = find_term (fixture, set, name);

  g_assert_nonnull (term);
  return tandem_term_get_id (term);
}

/* SPEC D3, D9, L1: an administrator keeps the activity lists: adds a
 * category that sets a kind and type and counts towards sales targets,
 * renames a shipped kind, deletes a goal, adds a priority and changes the
 * order of the kinds. */
static void
test_activity_lists (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTerm) category = NULL;
  g_autoptr(TandemTerm) kind = NULL;
  g_autoptr(TandemTerm) goal = NULL;
  g_autofree char *names = NULL;
  TandemPreferencesWindow *window;
  TandemCategoryDialog *dialog;
  AdwMessageDialog *message;
  AdwActionRow *row;
  GtkWidget *new_row;

  sign_in_admin (fixture);
  window = open_preferences (fixture);

  g_assert_true (is_shown (window, tandem_preferences_window_get_activities_page (window)));
  g_assert_true (is_shown (window, tandem_preferences_window_get_targets_page (window)));

  /* The shipped lists, in their order. */
  g_assert_nonnull (tandem_preferences_window_find_row (window, "category", "Customer visit"));
  g_assert_nonnull (tandem_preferences_window_find_row (window, "kind", "Events"));
  g_assert_nonnull (tandem_preferences_window_find_row (window, "type", "Leads"));
  g_assert_nonnull (tandem_preferences_window_find_row (window, "property", "Advice"));
  g_assert_nonnull (tandem_preferences_window_find_row (window, "goal", "Get feedback"));
  g_assert_nonnull (tandem_preferences_window_find_row (window, "priority", "High"));
  g_assert_cmpstr (adw_action_row_get_subtitle (tandem_preferences_window_find_row (window, "category", "Lead")),
                   ==, "Sales · Leads · Sales target");
  g_assert_null (tandem_preferences_window_get_new_term_row (window, TANDEM_TERM_CATEGORY));

  /* A category, through its dialog. */
  click (tandem_preferences_window_get_add_category_button (window));
  dialog = TANDEM_CATEGORY_DIALOG (tandem_preferences_window_get_dialog (window));
  g_assert_true (TANDEM_IS_CATEGORY_DIALOG (dialog));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_category_dialog_get_save_button (dialog))));
  type_text (tandem_category_dialog_get_name_row (dialog), "Trade fair visit");
  g_assert_true (tandem_category_dialog_select_kind (dialog, "Marketing"));
  g_assert_true (tandem_category_dialog_select_type (dialog, "Customer visits"));
  gtk_switch_set_active (tandem_category_dialog_get_allow_choice_switch (dialog), TRUE);
  gtk_switch_set_active (tandem_category_dialog_get_sales_target_switch (dialog), TRUE);
  click (tandem_category_dialog_get_save_button (dialog));
  g_assert_null (tandem_preferences_window_get_dialog (window));

  category = find_term (fixture, TANDEM_TERM_CATEGORY, "Trade fair visit");
  g_assert_nonnull (category);
  g_assert_cmpint (tandem_term_get_kind_id (category), ==, term_id (fixture, TANDEM_TERM_KIND, "Marketing"));
  g_assert_cmpint (tandem_term_get_type_id (category), ==, term_id (fixture, TANDEM_TERM_TYPE, "Customer visits"));
  g_assert_true (tandem_term_get_allow_choice (category));
  g_assert_true (tandem_term_get_sales_target (category));
  row = tandem_preferences_window_find_row (window, "category", "Trade fair visit");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Marketing · Customer visits · Users may change · Sales target");
  /* New entries come last. */
  names = row_titles (window, "category");
  g_assert_true (g_str_has_suffix (names, ",Meeting,Trade fair visit"));
  g_clear_pointer (&names, g_free);

  /* The same dialog edits it; an empty name cannot be saved. */
  gtk_widget_activate (GTK_WIDGET (row));
  run_main_loop ();
  dialog = TANDEM_CATEGORY_DIALOG (tandem_preferences_window_get_dialog (window));
  g_assert_true (TANDEM_IS_CATEGORY_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (tandem_category_dialog_get_name_row (dialog)), ==, "Trade fair visit");
  g_assert_true (gtk_switch_get_active (tandem_category_dialog_get_sales_target_switch (dialog)));
  type_text (tandem_category_dialog_get_name_row (dialog), "  ");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_category_dialog_get_save_button (dialog))));
  type_text (tandem_category_dialog_get_name_row (dialog), "Trade fair");
  gtk_switch_set_active (tandem_category_dialog_get_allow_choice_switch (dialog), FALSE);
  click (tandem_category_dialog_get_save_button (dialog));
  g_assert_null (tandem_preferences_window_get_dialog (window));
  g_clear_object (&category);
  category = find_term (fixture, TANDEM_TERM_CATEGORY, "Trade fair");
  g_assert_nonnull (category);
  g_assert_false (tandem_term_get_allow_choice (category));
  g_assert_true (tandem_term_get_sales_target (category));
  g_assert_null (tandem_preferences_window_find_row (window, "category", "Trade fair visit"));

  /* A shipped kind renamed: the new name is stored as the
   * administrator's own, and the categories show it. */
  row = tandem_preferences_window_find_row (window, "kind", "Events");
  g_assert_nonnull (row);
  click (tandem_preferences_window_get_row_rename_button (row));
  message = ADW_MESSAGE_DIALOG (tandem_preferences_window_get_dialog (window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (message));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (message))), ==, "Events");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (message)), "Happenings");
  adw_message_dialog_response (message, "rename");
  run_main_loop ();
  kind = tandem_store_get_term (fixture->store, term_id (fixture, TANDEM_TERM_KIND, "Happenings"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_term_get_custom_name (kind), ==, "Happenings");
  g_assert_cmpstr (tandem_term_get_builtin (kind), ==, "Events");
  g_assert_null (tandem_preferences_window_find_row (window, "kind", "Events"));
  g_assert_nonnull (tandem_preferences_window_find_row (window, "kind", "Happenings"));
  g_assert_cmpstr (adw_action_row_get_subtitle (tandem_preferences_window_find_row (window, "category", "Phone call")),
                   ==, "Happenings · CRM events · Users may change");
  /* The kinds that were not renamed stay shipped, and so translated. */
  g_clear_object (&kind);
  kind = find_term (fixture, TANDEM_TERM_KIND, "Sales");
  g_assert_null (tandem_term_get_custom_name (kind));

  /* A goal deleted: asked first, Cancel keeps it. */
  row = tandem_preferences_window_find_row (window, "goal", "Get feedback");
  click (tandem_preferences_window_get_row_delete_button (row));
  message = ADW_MESSAGE_DIALOG (tandem_preferences_window_get_dialog (window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (message));
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Delete Goal “Get feedback”?");
  adw_message_dialog_response (message, "cancel");
  run_main_loop ();
  goal = find_term (fixture, TANDEM_TERM_GOAL, "Get feedback");
  g_assert_nonnull (goal);
  row = tandem_preferences_window_find_row (window, "goal", "Get feedback");
  click (tandem_preferences_window_get_row_delete_button (row));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (tandem_preferences_window_get_dialog (window)), "delete");
  run_main_loop ();
  names = term_names (fixture, TANDEM_TERM_GOAL);
  g_assert_cmpstr (names, ==, "Arrange a meeting,Make an offer,Close the sale");
  g_clear_pointer (&names, g_free);
  g_assert_null (tandem_preferences_window_find_row (window, "goal", "Get feedback"));

  /* A priority added at the end; an empty one is refused and kept. */
  new_row = tandem_preferences_window_get_new_term_row (window, TANDEM_TERM_PRIORITY);
  g_assert_true (gtk_widget_is_visible (new_row));
  type_text (new_row, "Urgent");
  g_signal_emit_by_name (new_row, "apply");
  run_main_loop ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_row)), ==, "");
  names = term_names (fixture, TANDEM_TERM_PRIORITY);
  g_assert_cmpstr (names, ==, "Low,Normal,High,Urgent");
  g_clear_pointer (&names, g_free);
  names = row_titles (window, "priority");
  g_assert_cmpstr (names, ==, "Low,Normal,High,Urgent");
  g_clear_pointer (&names, g_free);
  type_text (new_row, "   ");
  g_signal_emit_by_name (new_row, "apply");
  run_main_loop ();
  g_assert_true (gtk_widget_has_css_class (new_row, "error"));
  names = term_names (fixture, TANDEM_TERM_PRIORITY);
  g_assert_cmpstr (names, ==, "Low,Normal,High,Urgent");
  g_clear_pointer (&names, g_free);
  type_text (new_row, "");

  /* The order: the first cannot move up, the last not down; Marketing
   * moves up and then down again. */
  row = tandem_preferences_window_get_nth_row (window, "kind", 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_preferences_window_get_row_move_button (row, -1))));
  row = tandem_preferences_window_find_row (window, "kind", "Marketing");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_preferences_window_get_row_move_button (row, +1))));
  click (tandem_preferences_window_get_row_move_button (row, -1));
  names = term_names (fixture, TANDEM_TERM_KIND);
  g_assert_cmpstr (names, ==, "Happenings,Marketing,Sales");
  g_clear_pointer (&names, g_free);
  names = row_titles (window, "kind");
  g_assert_cmpstr (names, ==, "Happenings,Marketing,Sales");
  g_clear_pointer (&names, g_free);
  row = tandem_preferences_window_find_row (window, "kind", "Marketing");
  click (tandem_preferences_window_get_row_move_button (row, -1));
  names = row_titles (window, "kind");
  g_assert_cmpstr (names, ==, "Marketing,Happenings,Sales");
  g_clear_pointer (&names, g_free);
  row = tandem_preferences_window_find_row (window, "kind", "Marketing");
  click (tandem_preferences_window_get_row_move_button (row, +1));
  names = term_names (fixture, TANDEM_TERM_KIND);
  g_assert_cmpstr (names, ==, "Happenings,Marketing,Sales");
  g_clear_pointer (&names, g_free);
  /* The renamed kind kept its name through the moves. */
  g_clear_object (&kind);
  kind = find_term (fixture, TANDEM_TERM_KIND, "Happenings");
  g_assert_cmpstr (tandem_term_get_builtin (kind), ==, "Events");
  g_clear_object (&kind);
  kind = find_term (fixture, TANDEM_TERM_KIND, "Sales");
  g_assert_null (tandem_term_get_custom_name (kind));

  destroy_window (window);
}

static TandemTargetProgress *
find_progress (GPtrArray *items,
               gint64     category_id)
{
  for (guint i = 0; i < items->len; i++)
    if (tandem_target_progress_get_category_id (g_ptr_array_index (items, i)) == category_id)
      return g_ptr_array_index (items, i);
  return NULL;
}

/* SPEC D20: a manager who is not an administrator sees the Sales Targets
 * page and not the activity lists, and sets a seller's monthly target
 * that the seller's progress then reports. */
static void
test_targets (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GDateTime) now = NULL;
  TandemTargetProgress *lead;
  TandemPreferencesWindow *window;
  AdwActionRow *row;
  GtkSpinButton *spin;
  gint64 seller_id;
  gint64 lead_id;

  sign_in_admin (fixture);
  add_user (fixture, "maria", "Maria Manager", TANDEM_ROLE_MANAGER);
  seller_id = add_user (fixture, "piotr", "Piotr Nowak", TANDEM_ROLE_USER);
  lead_id = term_id (fixture, TANDEM_TERM_CATEGORY, "Lead");
  sign_in_as (fixture, "maria");

  window = open_preferences (fixture);
  g_assert_false (is_shown (window, tandem_preferences_window_get_activities_page (window)));
  g_assert_false (is_shown (window, tandem_preferences_window_get_users_page (window)));
  g_assert_true (is_shown (window, tandem_preferences_window_get_targets_page (window)));
  g_assert_cmpuint (tandem_preferences_window_count_rows (window, "category"), ==, 0);

  g_assert_true (tandem_preferences_window_select_seller (window, "Piotr Nowak"));
  run_main_loop ();

  /* Only the categories marked as sales targets are offered. */
  g_assert_nonnull (tandem_preferences_window_find_row (window, "targets", "Lead"));
  g_assert_nonnull (tandem_preferences_window_find_row (window, "targets", "Customer visit"));
  g_assert_null (tandem_preferences_window_find_row (window, "targets", "Phone call"));

  row = tandem_preferences_window_find_row (window, "targets", "Lead");
  spin = tandem_preferences_window_get_row_target_spin (row);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 0);
  gtk_drop_down_set_selected (tandem_preferences_window_get_row_target_period (row), TANDEM_PERIOD_MONTH);
  run_main_loop ();
  gtk_spin_button_set_value (spin, 5);
  run_main_loop ();
  /* The row being worked in is not rebuilt under the pointer. */
  g_assert_true (tandem_preferences_window_find_row (window, "targets", "Lead") == row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "0 of 5 done this month");

  now = g_date_time_new_now_local ();
  progress = tandem_store_list_target_progress (fixture->store, seller_id, now, &error);
  g_assert_no_error (error);
  lead = find_progress (progress, lead_id);
  g_assert_nonnull (lead);
  g_assert_cmpuint (tandem_target_progress_get_target (lead), ==, 5);
  g_assert_cmpint (tandem_target_progress_get_period (lead), ==, TANDEM_PERIOD_MONTH);
  g_assert_cmpuint (tandem_target_progress_get_done (lead), ==, 0);

  /* Opened again, the page shows what was set. */
  destroy_window (window);
  window = open_preferences (fixture);
  g_assert_true (tandem_preferences_window_select_seller (window, "Piotr Nowak"));
  run_main_loop ();
  row = tandem_preferences_window_find_row (window, "targets", "Lead");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (tandem_preferences_window_get_row_target_spin (row)), ==, 5);
  g_assert_cmpuint (gtk_drop_down_get_selected (tandem_preferences_window_get_row_target_period (row)), ==,
                    TANDEM_PERIOD_MONTH);

  /* 0 removes the target. */
  gtk_spin_button_set_value (tandem_preferences_window_get_row_target_spin (row), 0);
  run_main_loop ();
  g_clear_pointer (&progress, g_ptr_array_unref);
  progress = tandem_store_list_target_progress (fixture->store, seller_id, now, &error);
  g_assert_no_error (error);
  lead = find_progress (progress, lead_id);
  g_assert_true (lead == NULL || tandem_target_progress_get_target (lead) == 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (row) ? adw_action_row_get_subtitle (row) : "", ==, "");

  destroy_window (window);
}

/* SPEC D20, L1: a plain user sees neither the activity lists nor the
 * sales targets. */
static void
test_plain_user (Fixture       *fixture,
                 gconstpointer  data)
{
  TandemPreferencesWindow *window;

  sign_in_admin (fixture);
  add_user (fixture, "piotr", "Piotr Nowak", TANDEM_ROLE_USER);
  sign_in_as (fixture, "piotr");

  window = open_preferences (fixture);
  g_assert_false (is_shown (window, tandem_preferences_window_get_activities_page (window)));
  g_assert_false (is_shown (window, tandem_preferences_window_get_targets_page (window)));
  for (guint set = 0; set < TANDEM_N_TERM_SETS; set++)
    g_assert_cmpuint (tandem_preferences_window_count_rows (window, tandem_term_set_to_string (set)), ==, 0);
  g_assert_cmpuint (tandem_preferences_window_count_rows (window, "targets"), ==, 0);
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

  g_test_add ("/ui/preferences-activities-D3-L1", Fixture, NULL, fixture_set_up, test_activity_lists, fixture_tear_down);
  g_test_add ("/ui/preferences-targets-D20", Fixture, NULL, fixture_set_up, test_targets, fixture_tear_down);
  g_test_add ("/ui/preferences-activities-plain-user-D20", Fixture, NULL, fixture_set_up, test_plain_user, fixture_tear_down);
  return g_test_run ();
}
