/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTestPreferencesSales"

#include "config.h"

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

static void
add_user (Fixture    *fixture,
          const char *login,
          const char *name,
          TandemRole  role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) user = NULL;

  user = tandem_store_add_user (fixture->store, login, name, "sprzedaz 2024", role, NULL, &error);
  g_assert_no_error (error);
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

/* The stages as the store gives them, in board order: "name probability"
 * joined with commas. */
static char *
stages_in_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stages = tandem_store_list_stages (fixture->store, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < stages->len; i++)
    {
      TandemStage *stage = g_ptr_array_index (stages, i);

      g_string_append_printf (names, "%s%s %d", i ? "," : "",
                              tandem_stage_get_name (stage), tandem_stage_get_probability (stage));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The titles of the rows of a list in the window, in their order,
 * joined with commas. */
static char *
row_titles (TandemPreferencesWindow *window,
            const char              *list)
{
  g_autoptr(GString) titles = g_string_new (NULL);
  GtkWidget *row;

  for (guint i = 0; (row = tandem_preferences_window_get_nth_sales_row (window, list, i)) != NULL; i++)
    g_string_append_printf (titles, "%s%s", i ? "," : "",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static char *
product_names (Fixture  *fixture,
               gboolean  include_inactive)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = tandem_store_list_products (fixture->store, include_inactive, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < products->len; i++)
    g_string_append_printf (names, "%s%s", i ? "," : "",
                            tandem_product_get_name (g_ptr_array_index (products, i)));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GtkWidget *
part (TandemPreferencesWindow *window,
      const char              *list,
      const char              *title,
      const char              *name)
{
  GtkWidget *row = tandem_preferences_window_find_sales_row (window, list, title);
  GtkWidget *widget;

  g_assert_nonnull (row);
  widget = tandem_preferences_window_get_sales_row_part (row, name);
  g_assert_nonnull (widget);
  return widget;
}

/* An entry of a stage's menu */
static GAction *
action (TandemPreferencesWindow *window,
        const char              *stage,
        const char              *name)
{
  GtkWidget *row = tandem_preferences_window_find_sales_row (window, "stages", stage);
  GAction *found;

  g_assert_nonnull (row);
  g_assert_nonnull (tandem_preferences_window_get_sales_row_part (row, "menu"));
  found = tandem_preferences_window_get_sales_row_action (row, name);
  g_assert_nonnull (found);
  return found;
}

static void
activate (GAction *chosen)
{
  g_assert_true (g_action_get_enabled (chosen));
  g_action_activate (chosen, NULL);
  run_main_loop ();
}

static void
apply_text (GtkWidget  *entry_row,
            const char *text)
{
  type_text (entry_row, text);
  g_signal_emit_by_name (entry_row, "apply");
  run_main_loop ();
}

static const char *
toast_title (TandemPreferencesWindow *window)
{
  AdwToast *toast = tandem_preferences_window_get_sales_toast (window);

  return toast ? adw_toast_get_title (toast) : NULL;
}

static void
assert_stages (Fixture                 *fixture,
               TandemPreferencesWindow *window,
               const char              *in_store,
               const char              *titles)
{
  g_autofree char *stored = stages_in_store (fixture);
  g_autofree char *shown = row_titles (window, "stages");

  g_assert_cmpstr (stored, ==, in_store);
  g_assert_cmpstr (shown, ==, titles);
}

/* SPEC H1, L1: an administrator keeps the sales stages: renames a
 * shipped one, changes its probability, adds one that lands after the
 * open stages, moves it, deletes it and brings it back with Undo. A stage
 * a sale is at, and the only won stage, cannot be deleted and stay. */
static void
test_stages (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = NULL;
  g_autoptr(TandemProject) sale = NULL;
  g_autoptr(TandemStage) stage = NULL;
  TandemPreferencesWindow *window;
  GtkWidget *row;
  GtkWidget *new_row;
  gint64 company_id;
  gint64 lead_id;

  sign_in_admin (fixture);
  company = tandem_company_new ("Kowalski Sp. z o.o.");
  company_id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);
  stage = tandem_store_find_stage (fixture->store, "Lead", &error);
  g_assert_no_error (error);
  lead_id = tandem_stage_get_id (stage);
  g_clear_object (&stage);
  sale = tandem_project_new_sale (company_id, "Ten licences", lead_id);
  tandem_store_save_project (fixture->store, sale, &error);
  g_assert_no_error (error);

  window = open_preferences (fixture);
  g_assert_true (is_shown (window, tandem_preferences_window_get_sales_page (window)));

  /* The shipped stages in board order, each with its outcome and
   * probability. */
  assert_stages (fixture, window,
                 "Lead 10,Offer 40,Negotiation 70,Won 100,Lost 0",
                 "Lead,Offer,Negotiation,Won,Lost");
  row = tandem_preferences_window_find_sales_row (window, "stages", "Offer");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Open · 40%");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (tandem_preferences_window_find_sales_row (window, "stages", "Won"))),
                   ==, "Won · 100%");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (part (window, "stages", "Lost", "outcome"))), ==,
                    TANDEM_SALE_LOST);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (window, "stages", "Offer", "probability"))), ==, "40%");

  /* Renamed: the administrator's name is kept, the shipped one stays
   * behind it. */
  apply_text (part (window, "stages", "Offer", "name"), "Proposal");
  stage = tandem_store_find_stage (fixture->store, "Proposal", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_stage_get_custom_name (stage), ==, "Proposal");
  g_assert_cmpstr (tandem_stage_get_builtin (stage), ==, "Offer");
  g_clear_object (&stage);
  g_assert_true (tandem_preferences_window_find_sales_row (window, "stages", "Proposal") == row);
  /* Its name cleared, a shipped stage takes its shipped name again. */
  apply_text (part (window, "stages", "Proposal", "name"), "  ");
  assert_stages (fixture, window,
                 "Lead 10,Offer 40,Negotiation 70,Won 100,Lost 0",
                 "Lead,Offer,Negotiation,Won,Lost");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (window, "stages", "Offer", "name"))), ==, "Offer");
  stage = tandem_store_find_stage (fixture->store, "Offer", &error);
  g_assert_no_error (error);
  g_assert_null (tandem_stage_get_custom_name (stage));
  g_clear_object (&stage);
  apply_text (part (window, "stages", "Offer", "name"), "Proposal");

  /* The probability, from the row itself, which stays as it is. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (part (window, "stages", "Proposal", "probability")), 55);
  run_main_loop ();
  g_assert_true (tandem_preferences_window_find_sales_row (window, "stages", "Proposal") == row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Open · 55%");
  assert_stages (fixture, window,
                 "Lead 10,Proposal 55,Negotiation 70,Won 100,Lost 0",
                 "Lead,Proposal,Negotiation,Won,Lost");
  /* Typed with a percent sign */
  type_text (part (window, "stages", "Proposal", "probability"), "60 %");
  gtk_spin_button_update (GTK_SPIN_BUTTON (part (window, "stages", "Proposal", "probability")));
  run_main_loop ();
  assert_stages (fixture, window,
                 "Lead 10,Proposal 60,Negotiation 70,Won 100,Lost 0",
                 "Lead,Proposal,Negotiation,Won,Lost");

  /* A new stage comes after the open ones, halfway from the last open
   * probability to certain, and opens to show what it has. */
  new_row = tandem_preferences_window_get_new_sales_row (window, "stages");
  g_assert_true (gtk_widget_is_visible (new_row));
  apply_text (new_row, "Contract");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_row)), ==, "");
  assert_stages (fixture, window,
                 "Lead 10,Proposal 60,Negotiation 70,Contract 85,Won 100,Lost 0",
                 "Lead,Proposal,Negotiation,Contract,Won,Lost");
  row = tandem_preferences_window_find_sales_row (window, "stages", "Contract");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (part (window, "stages", "Contract", "outcome"))), ==,
                    TANDEM_SALE_OPEN);
  /* An empty one is refused and nothing is added; so is an empty name
   * for a stage of one's own, and what was typed stays. */
  apply_text (new_row, " ");
  g_assert_true (gtk_widget_has_css_class (new_row, "error"));
  g_assert_nonnull (toast_title (window));
  type_text (new_row, "");
  apply_text (part (window, "stages", "Contract", "name"), "");
  g_assert_true (gtk_widget_has_css_class (part (window, "stages", "Contract", "name"), "error"));
  g_assert_cmpstr (toast_title (window), ==, "A sales stage needs a name");
  assert_stages (fixture, window,
                 "Lead 10,Proposal 60,Negotiation 70,Contract 85,Won 100,Lost 0",
                 "Lead,Proposal,Negotiation,Contract,Won,Lost");
  type_text (part (window, "stages", "Contract", "name"), "Contract");

  /* The order: the first cannot move up, the last not down. */
  g_assert_false (g_action_get_enabled (action (window, "Lead", "move-up")));
  g_assert_true (g_action_get_enabled (action (window, "Lead", "move-down")));
  g_assert_false (g_action_get_enabled (action (window, "Lost", "move-down")));
  activate (action (window, "Contract", "move-up"));
  assert_stages (fixture, window,
                 "Lead 10,Proposal 60,Contract 85,Negotiation 70,Won 100,Lost 0",
                 "Lead,Proposal,Contract,Negotiation,Won,Lost");
  /* Rows that were open stay open. */
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (tandem_preferences_window_find_sales_row (window, "stages", "Contract"))));

  /* Deleted, and back in its place with Undo. */
  activate (action (window, "Contract", "delete"));
  assert_stages (fixture, window,
                 "Lead 10,Proposal 60,Negotiation 70,Won 100,Lost 0",
                 "Lead,Proposal,Negotiation,Won,Lost");
  g_assert_cmpstr (toast_title (window), ==, "“Contract” deleted");
  g_signal_emit_by_name (tandem_preferences_window_get_sales_toast (window), "button-clicked");
  run_main_loop ();
  assert_stages (fixture, window,
                 "Lead 10,Proposal 60,Contract 85,Negotiation 70,Won 100,Lost 0",
                 "Lead,Proposal,Contract,Negotiation,Won,Lost");

  /* A stage a sale is at stays, and the store says why. */
  activate (action (window, "Lead", "delete"));
  g_assert_cmpstr (toast_title (window), ==, "1 sale is at this stage; move it to another stage first");
  assert_stages (fixture, window,
                 "Lead 10,Proposal 60,Contract 85,Negotiation 70,Won 100,Lost 0",
                 "Lead,Proposal,Contract,Negotiation,Won,Lost");

  /* So does the only won stage, and it cannot become open either. */
  activate (action (window, "Won", "delete"));
  g_assert_cmpstr (toast_title (window), ==, "There must always be a stage for won sales");
  adw_combo_row_set_selected (ADW_COMBO_ROW (part (window, "stages", "Won", "outcome")), TANDEM_SALE_OPEN);
  run_main_loop ();
  g_assert_cmpstr (toast_title (window), ==, "There must always be a stage for won sales");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (part (window, "stages", "Won", "outcome"))), ==,
                    TANDEM_SALE_WON);
  stage = tandem_store_find_stage (fixture->store, "Won", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_stage_get_outcome (stage), ==, TANDEM_SALE_WON);
  assert_stages (fixture, window,
                 "Lead 10,Proposal 60,Contract 85,Negotiation 70,Won 100,Lost 0",
                 "Lead,Proposal,Contract,Negotiation,Won,Lost");

  /* Opened again, the page shows what was stored. */
  destroy_window (window);
  window = open_preferences (fixture);
  assert_stages (fixture, window,
                 "Lead 10,Proposal 60,Contract 85,Negotiation 70,Won 100,Lost 0",
                 "Lead,Proposal,Contract,Negotiation,Won,Lost");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (part (window, "stages", "Proposal", "probability"))),
                   ==, 60);
  destroy_window (window);
}

/* The message dialog open over the preferences, if any */
static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/* As a click on one of the dialog's buttons: the response, then the
 * dialog closes. */
static void
answer (AdwMessageDialog *message,
        const char       *response)
{
  g_assert_nonnull (message);
  adw_message_dialog_response (message, response);
  gtk_window_close (GTK_WINDOW (message));
  run_main_loop ();
  g_assert_null (find_message_dialog ());
}

/* SPEC H1, L1: an administrator adds a product, gives it a group, turns
 * it off so that it is no longer offered, renames it, and deletes one
 * no sale names, with Undo, and one a sale names after asking. */
static void
test_products (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProduct) product = NULL;
  g_autoptr(TandemCompany) company = NULL;
  g_autoptr(TandemStage) stage = NULL;
  g_autoptr(TandemProject) sale = NULL;
  g_autofree char *names = NULL;
  TandemPreferencesWindow *window;
  AdwMessageDialog *message;
  GtkWidget *new_row;
  GtkWidget *row;
  gint64 company_id;
  gint64 sale_id;

  sign_in_admin (fixture);
  window = open_preferences (fixture);
  g_assert_cmpuint (tandem_preferences_window_count_sales_rows (window, "products"), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (tandem_preferences_window_get_nth_sales_row (window, "products", 0))),
                   ==, "No products yet");

  new_row = tandem_preferences_window_get_new_sales_row (window, "products");
  apply_text (new_row, "CRM Cloud");
  apply_text (new_row, "Training day");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_row)), ==, "");
  names = product_names (fixture, FALSE);
  g_assert_cmpstr (names, ==, "CRM Cloud,Training day");
  g_clear_pointer (&names, g_free);
  row = tandem_preferences_window_find_sales_row (window, "products", "Training day");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (part (window, "products", "CRM Cloud", "active"))));

  /* A name taken is refused; what was typed stays. */
  apply_text (new_row, "crm cloud");
  g_assert_true (gtk_widget_has_css_class (new_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_row)), ==, "crm cloud");
  names = product_names (fixture, TRUE);
  g_assert_cmpstr (names, ==, "CRM Cloud,Training day");
  g_clear_pointer (&names, g_free);
  type_text (new_row, "");

  /* Its group */
  row = tandem_preferences_window_find_sales_row (window, "products", "CRM Cloud");
  apply_text (part (window, "products", "CRM Cloud", "group"), "Software & <Services>");
  product = tandem_store_find_product (fixture->store, "CRM Cloud", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_product_get_group (product), ==, "Software & <Services>");
  g_clear_object (&product);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Software & <Services>");

  /* Turned off: no longer offered for new sales, still in the list. */
  gtk_switch_set_active (GTK_SWITCH (part (window, "products", "CRM Cloud", "active")), FALSE);
  run_main_loop ();
  g_assert_true (tandem_preferences_window_find_sales_row (window, "products", "CRM Cloud") == row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Software & <Services> · Inactive");
  names = product_names (fixture, FALSE);
  g_assert_cmpstr (names, ==, "Training day");
  g_clear_pointer (&names, g_free);
  names = product_names (fixture, TRUE);
  g_assert_cmpstr (names, ==, "CRM Cloud,Training day");
  g_clear_pointer (&names, g_free);

  /* Renamed */
  apply_text (part (window, "products", "CRM Cloud", "name"), "CRM Cloud Pro");
  names = product_names (fixture, TRUE);
  g_assert_cmpstr (names, ==, "CRM Cloud Pro,Training day");
  g_clear_pointer (&names, g_free);
  g_assert_nonnull (tandem_preferences_window_find_sales_row (window, "products", "CRM Cloud Pro"));

  /* Deleted at once, and back as it was with Undo. */
  click (part (window, "products", "CRM Cloud Pro", "delete"));
  names = product_names (fixture, TRUE);
  g_assert_cmpstr (names, ==, "Training day");
  g_clear_pointer (&names, g_free);
  g_assert_null (tandem_preferences_window_find_sales_row (window, "products", "CRM Cloud Pro"));
  g_assert_cmpstr (toast_title (window), ==, "“CRM Cloud Pro” deleted");
  g_signal_emit_by_name (tandem_preferences_window_get_sales_toast (window), "button-clicked");
  run_main_loop ();
  product = tandem_store_find_product (fixture->store, "CRM Cloud Pro", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_product_get_group (product), ==, "Software & <Services>");
  g_assert_false (tandem_product_get_active (product));
  g_assert_nonnull (tandem_preferences_window_find_sales_row (window, "products", "CRM Cloud Pro"));
  g_clear_object (&product);

  /* One a sale names is asked about first: Cancel keeps it, Delete
   * leaves the sale without a product. */
  product = tandem_store_find_product (fixture->store, "Training day", &error);
  g_assert_no_error (error);
  company = tandem_company_new ("Kowalski Sp. z o.o.");
  company_id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);
  stage = tandem_store_find_stage (fixture->store, "Offer", &error);
  g_assert_no_error (error);
  sale = tandem_project_new_sale (company_id, "Onboarding", tandem_stage_get_id (stage));
  tandem_project_set_product_id (sale, tandem_product_get_id (product));
  sale_id = tandem_store_save_project (fixture->store, sale, &error);
  g_assert_no_error (error);

  click (part (window, "products", "Training day", "delete"));
  message = find_message_dialog ();
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Delete Product “Training day”?");
  answer (message, "cancel");
  names = product_names (fixture, TRUE);
  g_assert_cmpstr (names, ==, "CRM Cloud Pro,Training day");
  g_clear_pointer (&names, g_free);

  click (part (window, "products", "Training day", "delete"));
  answer (find_message_dialog (), "delete");
  names = product_names (fixture, TRUE);
  g_assert_cmpstr (names, ==, "CRM Cloud Pro");
  g_clear_pointer (&names, g_free);
  g_assert_null (tandem_preferences_window_find_sales_row (window, "products", "Training day"));
  g_clear_object (&sale);
  sale = tandem_store_get_project (fixture->store, sale_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_get_product_id (sale), ==, 0);

  destroy_window (window);
}

/* SPEC L1: a manager or a plain user does not get the Sales page, and so
 * changes no stage or product. */
static void
test_not_admin (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TandemPreferencesWindow *window;
  const char *logins[] = { "maria", "piotr" };

  sign_in_admin (fixture);
  add_user (fixture, "maria", "Maria Manager", TANDEM_ROLE_MANAGER);
  add_user (fixture, "piotr", "Piotr Nowak", TANDEM_ROLE_USER);
  before = stages_in_store (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      sign_in_as (fixture, logins[i]);
      window = open_preferences (fixture);
      g_assert_false (is_shown (window, tandem_preferences_window_get_sales_page (window)));
      g_assert_false (is_shown (window, tandem_preferences_window_get_new_sales_row (window, "stages")));
      g_assert_cmpuint (tandem_preferences_window_count_sales_rows (window, "stages"), ==, 0);
      g_assert_cmpuint (tandem_preferences_window_count_sales_rows (window, "products"), ==, 0);
      destroy_window (window);
    }

  after = stages_in_store (fixture);
  g_assert_cmpstr (after, ==, before);
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

  g_test_add ("/ui/preferences-sales-stages-H1-L1", Fixture, NULL, fixture_set_up, test_stages, fixture_tear_down);
  g_test_add ("/ui/preferences-sales-products-H1-L1", Fixture, NULL, fixture_set_up, test_products, fixture_tear_down);
  g_test_add ("/ui/preferences-sales-not-admin-L1", Fixture, NULL, fixture_set_up, test_not_admin, fixture_tear_down);
  return g_test_run ();
}
