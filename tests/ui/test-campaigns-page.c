/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC K2, I3 and E1 on the Campaigns page, the filter builder and the
 * campaign window: the real widgets on a fresh database, checked against
 * the store. The page keeps a count and its noun together with a no-break
 * space (U+00A0). */

#include "tandem-campaign-window-private.h"
#include "tandem-campaigns-page-private.h"
#include "tandem-condition-row-private.h"
#include "tandem-sale-dialog-private.h"
#include "tandem-search-dialog-private.h"
#include "tandem-store-campaigns.h"
#include "tandem-store-groups.h"
#include "ui-test-util.h"

typedef struct
{
  gint64 acme;     /* Helsinki, on the mailing list */
  gint64 birch;    /* Helsinki */
  gint64 cedar;    /* Turku, on the mailing list */
  gint64 dahlia;   /* Helsinki, on the mailing list */
  gint64 mailing;  /* the shipped "Mailing list" group */
} Seed;

static gint64
add_company_in (UiFixture  *fixture,
                const char *name,
                const char *city,
                const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new (name);
  gint64 id;

  g_object_set (company, "visit-city", city, "phone", phone, NULL);
  id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);
  return id;
}

static void
add_to_group (UiFixture *fixture,
              gint64     group,
              gint64     company)
{
  g_autoptr(GError) error = NULL;
  TandemContactRef ref = { TANDEM_KIND_COMPANY, company };

  g_assert_cmpuint (tandem_store_add_to_group (fixture->store, group, &ref, 1, &error), ==, 1);
  g_assert_no_error (error);
}

static void
seed (UiFixture *fixture,
      Seed      *s)
{
  g_autoptr(TandemContactGroup) mailing = NULL;
  g_autoptr(GError) error = NULL;

  mailing = tandem_store_find_contact_group (fixture->store, "Mailing list", &error);
  g_assert_no_error (error);
  s->mailing = tandem_contact_group_get_id (mailing);

  s->acme = add_company_in (fixture, "Acme Oy", "Helsinki", "+358 9 123 4567");
  s->birch = add_company_in (fixture, "Birch Ab", "helsinki", NULL);
  s->cedar = add_company_in (fixture, "Cedar Oy", "Turku", NULL);
  s->dahlia = add_company_in (fixture, "Dahlia Oy", "Helsinki", NULL);
  add_to_group (fixture, s->mailing, s->acme);
  add_to_group (fixture, s->mailing, s->cedar);
  add_to_group (fixture, s->mailing, s->dahlia);
}

static gint64
add_user (UiFixture  *fixture,
          const char *login,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) user = tandem_store_add_user (fixture->store, login, name, "user-password-1",
                                                      TANDEM_ROLE_USER, NULL, &error);

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

/* Chooses @name in a dropdown or combo row's list, as a user would. */
static void
choose_in_model (GListModel *model,
                 const char *name,
                 guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), name))
        {
          *position = i;
          return;
        }
    }
  g_error ("“%s” is not offered", name);
}

/* Chooses @name if the dropdown offers it */
static gboolean
choose_if_offered (GtkDropDown *dropdown,
                   const char  *name)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), name))
        {
          gtk_drop_down_set_selected (dropdown, i);
          ui_iterate ();
          return TRUE;
        }
    }
  return FALSE;
}

static void
choose (GtkDropDown *dropdown,
        const char  *name)
{
  guint position = 0;

  choose_in_model (gtk_drop_down_get_model (dropdown), name, &position);
  gtk_drop_down_set_selected (dropdown, position);
  ui_iterate ();
}

static void
choose_row (AdwComboRow *row,
            const char  *name)
{
  guint position = 0;

  choose_in_model (adw_combo_row_get_model (row), name, &position);
  adw_combo_row_set_selected (row, position);
  ui_iterate ();
}

static void
type_text (GtkEditable *editable,
           const char  *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (editable));
  gtk_editable_set_text (editable, text);
  ui_iterate ();
}

static void
set_date (TandemDateTimeRow *row,
          int                day,
          int                month,
          int                year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  tandem_date_time_row_set_date (row, &date);
  ui_iterate ();
}

typedef struct
{
  TandemSearchDialog *dialog;
  const char         *text;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;

  return g_strcmp0 (tandem_search_dialog_get_count_text (wait->dialog), wait->text) == 0;
}

static void
wait_for_count (TandemSearchDialog *dialog,
                const char         *text)
{
  CountWait wait = { dialog, text };

  if (!ui_wait_for (count_is, &wait, 3000))
    g_error ("The count says “%s”, not “%s”", tandem_search_dialog_get_count_text (dialog), text);
}

static gboolean
window_is_gone (gpointer data)
{
  GtkWindow **window = data;

  return *window == NULL;
}

/* The names on the page of contacts shown, joined by ", " */
static char *
pager_names (TandemContactPager *pager)
{
  GListModel *page = tandem_contact_pager_get_page (pager);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (page); i++)
    {
      g_autoptr(TandemContact) contact = g_list_model_get_item (page, i);

      g_string_append_printf (names, "%s%s", names->len ? ", " : "", tandem_contact_get_name (contact));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Builds "In Helsinki and in Mailing list" through the builder's widgets:
 * the count follows each condition, the preview lists what it finds, and
 * saving keeps the search in the store. Returns its id. */
static gint64
build_helsinki_search (UiFixture *fixture,
                       GtkWindow *parent)
{
  TandemSearchDialog *dialog = tandem_search_dialog_new (parent, fixture->store, NULL);
  g_autoptr(TandemSavedSearch) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  TandemConditionRow *city, *group;
  GPtrArray *criteria;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_iterate ();

  /* No condition yet: every company */
  wait_for_count (dialog, "4 companies");
  type_text (GTK_EDITABLE (tandem_search_dialog_get_name_row (dialog)), "In Helsinki and in Mailing list");

  city = tandem_search_dialog_add_condition (dialog);
  choose (tandem_condition_row_get_field_dropdown (city), "City");
  choose (tandem_condition_row_get_operator_dropdown (city), "is");
  type_text (tandem_condition_row_get_value_entry (city), "Helsinki");
  wait_for_count (dialog, "3 companies");

  group = tandem_search_dialog_add_condition (dialog);
  choose (tandem_condition_row_get_field_dropdown (group), "Contact group");
  /* Groups and roles have their own operators, and a list for the value */
  choose (tandem_condition_row_get_operator_dropdown (group), "includes");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (tandem_condition_row_get_choice_dropdown (group))));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (tandem_condition_row_get_value_entry (group))));
  choose (tandem_condition_row_get_choice_dropdown (group), "Mailing list");
  wait_for_count (dialog, "2 companies");

  names = pager_names (tandem_search_dialog_get_pager (dialog));
  g_assert_cmpstr (names, ==, "Acme Oy, Dahlia Oy");
  g_assert_nonnull (ui_find_label (GTK_WIDGET (dialog), "+358 9 123 4567"));

  /* "Any" widens it: in Helsinki or on the list */
  choose_row (tandem_search_dialog_get_match_row (dialog), "Any Condition");
  wait_for_count (dialog, "4 companies");
  choose_row (tandem_search_dialog_get_match_row (dialog), "All Conditions");
  wait_for_count (dialog, "2 companies");

  gtk_switch_set_active (tandem_search_dialog_get_shared_switch (dialog), TRUE);
  tandem_search_dialog_save (dialog);
  g_assert_true (ui_wait_for (window_is_gone, &dialog, 2000));

  saved = tandem_store_find_saved_search (fixture->store, "In Helsinki and in Mailing list", &error);
  g_assert_no_error (error);
  g_assert_true (tandem_saved_search_get_match_all (saved));
  g_assert_true (tandem_saved_search_get_shared (saved));
  criteria = tandem_saved_search_get_criteria (saved);
  g_assert_cmpuint (criteria->len, ==, 2);
  g_assert_cmpstr (((TandemCriterion *) g_ptr_array_index (criteria, 0))->field, ==, "city");
  g_assert_cmpstr (((TandemCriterion *) g_ptr_array_index (criteria, 0))->op, ==, "is");
  g_assert_cmpstr (((TandemCriterion *) g_ptr_array_index (criteria, 0))->value, ==, "Helsinki");
  g_assert_cmpstr (((TandemCriterion *) g_ptr_array_index (criteria, 1))->field, ==, "group");
  g_assert_cmpstr (((TandemCriterion *) g_ptr_array_index (criteria, 1))->op, ==, "in");
  g_assert_cmpuint (tandem_store_count_search_matches (fixture->store, saved, &error), ==, 2);
  return tandem_saved_search_get_id (saved);
}

static gboolean
targets_are_two (gpointer data)
{
  return g_strcmp0 (tandem_campaign_window_get_targets_text (data), "2 companies") == 0;
}

/* K2, I3: a search built in the filter builder becomes a campaign's target
 * list; the campaign shows its targets and the page lists it. */
static void
test_builder_and_campaign_K2_I3 (UiFixture     *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  TandemCampaignsPage *page;
  TandemCampaignWindow *window;
  GtkWidget *main_window;
  GtkListBoxRow *row;
  gint64 search_id;
  Seed s;

  seed (fixture, &s);
  page = TANDEM_CAMPAIGNS_PAGE (tandem_campaigns_page_new (fixture->store));
  main_window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (main_window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (main_window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (main_window));
  ui_iterate ();
  g_assert_cmpstr (tandem_campaigns_page_get_visible_view (page), ==, "no-campaigns");

  search_id = build_helsinki_search (fixture, GTK_WINDOW (main_window));

  /* The page's saved searches list it with what it finds */
  tandem_campaigns_page_reload (page);
  tandem_campaigns_page_show_view (page, "searches");
  ui_iterate ();
  g_assert_cmpstr (tandem_campaigns_page_get_visible_view (page), ==, "searches");
  g_assert_nonnull (ui_find_label (GTK_WIDGET (page), "In Helsinki and in Mailing list"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (page), "2\u00a0companies"));

  /* A new campaign with it as the target list */
  gtk_widget_activate_action (GTK_WIDGET (page), "campaigns.new-campaign", NULL);
  ui_iterate ();
  window = TANDEM_CAMPAIGN_WINDOW (ui_find_toplevel (TANDEM_TYPE_CAMPAIGN_WINDOW));
  g_assert_nonnull (window);
  g_assert_cmpint (tandem_campaign_window_get_id (window), ==, 0);
  type_text (GTK_EDITABLE (tandem_campaign_window_get_name_row (window)), "Helsinki mailing, spring 2027");
  set_date (tandem_campaign_window_get_starts_row (window), 1, 3, 2027);
  set_date (tandem_campaign_window_get_ends_row (window), 31, 3, 2027);
  choose_row (tandem_campaign_window_get_search_row (window), "In Helsinki and in Mailing list");
  g_assert_true (ui_wait_for (targets_are_two, window, 2000));
  tandem_campaign_window_save (window);
  ui_iterate ();
  g_assert_null (tandem_campaign_window_get_error (window));
  g_assert_cmpint (tandem_campaign_window_get_id (window), >, 0);

  campaigns = tandem_store_list_campaigns (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (campaigns->len, ==, 1);
  g_assert_cmpstr (tandem_campaign_get_name (g_ptr_array_index (campaigns, 0)), ==,
                   "Helsinki mailing, spring 2027");
  g_assert_cmpstr (tandem_campaign_get_starts_on (g_ptr_array_index (campaigns, 0)), ==, "2027-03-01");
  g_assert_cmpstr (tandem_campaign_get_ends_on (g_ptr_array_index (campaigns, 0)), ==, "2027-03-31");
  g_assert_cmpint (tandem_campaign_get_search_id (g_ptr_array_index (campaigns, 0)), ==, search_id);

  /* The campaign shows its targets: name, company, phone, e-mail */
  names = pager_names (tandem_campaign_window_get_pager (window));
  g_assert_cmpstr (names, ==, "Acme Oy, Dahlia Oy");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_campaign_window_get_activities_group (window))));
  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate ();

  /* On the page: period, target list and its size */
  tandem_campaigns_page_show_view (page, "campaigns");
  tandem_campaigns_page_reload (page);
  ui_iterate ();
  g_assert_cmpstr (tandem_campaigns_page_get_visible_view (page), ==, "campaigns");
  g_assert_nonnull (ui_find_label (GTK_WIDGET (page), "Helsinki mailing, spring 2027"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (page), "In Helsinki and in Mailing list: 2\u00a0companies"));

  /* Activating the row opens the campaign again */
  row = gtk_list_box_get_row_at_index (tandem_campaigns_page_get_campaigns_list (page), 0);
  g_signal_emit_by_name (tandem_campaigns_page_get_campaigns_list (page), "row-activated", row);
  ui_iterate ();
  window = TANDEM_CAMPAIGN_WINDOW (ui_find_toplevel (TANDEM_TYPE_CAMPAIGN_WINDOW));
  g_assert_nonnull (window);
  g_assert_true (ui_wait_for (targets_are_two, window, 2000));
}

/* K2: a date that is no date gets a message under its condition, the
 * dialog says why it did not save, nothing is saved and nothing typed is
 * lost. */
static void
test_builder_bad_date_K2 (UiFixture     *fixture,
                          gconstpointer  data)
{
  TandemSearchDialog *dialog = tandem_search_dialog_new (NULL, fixture->store, NULL);
  g_autoptr(GPtrArray) searches = NULL;
  g_autoptr(GError) error = NULL;
  TandemConditionRow *row;
  const char *message;
  Seed s;

  seed (fixture, &s);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_iterate ();

  type_text (GTK_EDITABLE (tandem_search_dialog_get_name_row (dialog)), "Quiet since the fair");
  row = tandem_search_dialog_add_condition (dialog);
  choose (tandem_condition_row_get_field_dropdown (row), "Last activity");
  choose (tandem_condition_row_get_operator_dropdown (row), "is before");
  type_text (tandem_condition_row_get_value_entry (row), "32.13.2026");
  tandem_search_dialog_save (dialog);
  ui_iterate ();

  message = tandem_condition_row_get_error (row);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "32.13.2026"));
  g_assert_nonnull (strstr (message, "31.12.2026"));
  g_assert_nonnull (tandem_search_dialog_get_error (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (tandem_condition_row_get_value_entry (row)), ==, "32.13.2026");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tandem_search_dialog_get_name_row (dialog))), ==,
                   "Quiet since the fair");
  searches = tandem_store_list_saved_searches (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (searches->len, ==, 0);

  /* Put right, the message goes and the search saves, the date kept as
   * the store keeps dates. */
  type_text (tandem_condition_row_get_value_entry (row), "31.12.2026");
  g_assert_null (tandem_condition_row_get_error (row));
  tandem_search_dialog_save (dialog);
  ui_iterate ();
  g_clear_pointer (&searches, g_ptr_array_unref);
  searches = tandem_store_list_saved_searches (fixture->store, &error);
  g_assert_cmpuint (searches->len, ==, 1);
  g_assert_cmpstr (((TandemCriterion *) g_ptr_array_index (
                      tandem_saved_search_get_criteria (g_ptr_array_index (searches, 0)), 0))->value, ==,
                   "2026-12-31");
}

/* I3: a campaign whose end comes before its start is refused with the
 * store's reason in the window; nothing is saved and nothing is lost. */
static void
test_campaign_bad_period_I3 (UiFixture     *fixture,
                             gconstpointer  data)
{
  TandemCampaignWindow *window = tandem_campaign_window_new (NULL, fixture->store);
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *question;
  GDate date;

  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  type_text (GTK_EDITABLE (tandem_campaign_window_get_name_row (window)), "Autumn mailing");
  set_date (tandem_campaign_window_get_starts_row (window), 1, 10, 2027);
  set_date (tandem_campaign_window_get_ends_row (window), 30, 9, 2027);
  tandem_campaign_window_save (window);
  ui_iterate ();

  g_assert_nonnull (tandem_campaign_window_get_error (window));
  g_assert_nonnull (strstr (tandem_campaign_window_get_error (window), "before it starts"));
  g_assert_cmpint (tandem_campaign_window_get_id (window), ==, 0);
  campaigns = tandem_store_list_campaigns (fixture->store, &error);
  g_assert_cmpuint (campaigns->len, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tandem_campaign_window_get_name_row (window))), ==,
                   "Autumn mailing");
  g_assert_true (tandem_date_time_row_get_date (tandem_campaign_window_get_ends_row (window), &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 30);

  /* A campaign that has no target list yet cannot print labels. */
  g_assert_false (gtk_widget_get_sensitive (tandem_campaign_window_get_print_button (window)));

  /* Closing asks before what was typed is thrown away. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  ui_iterate ();
  g_assert_nonnull (window);
  question = ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "discard");
  g_assert_true (ui_wait_for (window_is_gone, &window, 2000));
  g_clear_pointer (&campaigns, g_ptr_array_unref);
  campaigns = tandem_store_list_campaigns (fixture->store, &error);
  g_assert_cmpuint (campaigns->len, ==, 0);
}

/* E1: a private activity of another user in the campaign is never listed,
 * counted or named, in the window or on the page. */
static void
test_private_activity_hidden_E1 (UiFixture     *fixture,
                                 gconstpointer  data)
{
  g_autoptr(TandemCampaign) campaign = tandem_campaign_new ("Fair invitations");
  g_autoptr(TandemActivity) call = tandem_activity_new ("Invite Acme to the fair");
  g_autoptr(TandemActivity) lunch = tandem_activity_new ("Secret lunch with Acme");
  g_autoptr(GError) error = NULL;
  TandemCampaignsPage *page;
  TandemCampaignWindow *window;
  GtkWidget *main_window;
  gint64 campaign_id;
  Seed s;

  seed (fixture, &s);
  add_user (fixture, "sam", "Sam Seller");
  add_user (fixture, "dave", "Dave Dealer");

  sign_in (fixture, "sam");
  campaign_id = tandem_store_save_campaign (fixture->store, campaign, &error);
  g_assert_no_error (error);
  tandem_activity_set_open_ended (call, TRUE);
  tandem_activity_set_company_id (call, s.acme);
  tandem_activity_set_campaign (call, "Fair invitations");
  g_assert_cmpint (tandem_store_save_activity (fixture->store, call, &error), >, 0);
  g_assert_no_error (error);

  sign_in (fixture, "dave");
  tandem_activity_set_open_ended (lunch, TRUE);
  tandem_activity_set_company_id (lunch, s.acme);
  tandem_activity_set_campaign (lunch, "Fair invitations");
  tandem_activity_set_visibility (lunch, TANDEM_VISIBILITY_PRIVATE);
  g_assert_cmpint (tandem_store_save_activity (fixture->store, lunch, &error), >, 0);
  g_assert_no_error (error);

  sign_in (fixture, "sam");
  page = TANDEM_CAMPAIGNS_PAGE (tandem_campaigns_page_new (fixture->store));
  main_window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (main_window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (main_window));
  ui_iterate ();
  g_assert_nonnull (ui_find_label (GTK_WIDGET (page), "1\u00a0activity"));
  g_assert_null (ui_find_label (GTK_WIDGET (page), "2\u00a0activities"));

  window = tandem_campaigns_page_open_campaign (page, campaign_id);
  g_assert_nonnull (window);
  ui_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_campaign_window_get_activities_group (window))));
  tandem_activities_group_set_show_completed (tandem_campaign_window_get_activities_group (window), TRUE);
  ui_iterate ();
  g_assert_cmpuint (tandem_activities_group_get_n_activities (tandem_campaign_window_get_activities_group (window)),
                    ==, 1);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), "Invite Acme to the fair"));
  g_assert_null (ui_find_label (GTK_WIDGET (window), "Secret lunch"));
  g_assert_null (ui_find_label (GTK_WIDGET (window), "Busy"));

  /* Dave sees his own lunch as well. */
  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate ();
  sign_in (fixture, "dave");
  tandem_campaigns_page_reload (page);
  ui_iterate ();
  g_assert_nonnull (ui_find_label (GTK_WIDGET (page), "2\u00a0activities"));
}

static void
on_print_labels_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       data)
{
  *(gint64 *) data = g_variant_get_int64 (parameter);
}

static void
on_open_record_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  int kind;

  g_variant_get (parameter, "(ix)", &kind, (gint64 *) data);
  g_assert_cmpint (kind, ==, TANDEM_KIND_COMPANY);
}

/* I3, I4: "Print Labels…" stays off until the main window can print label
 * sheets and the campaign has a saved target list; then it asks for the
 * campaign's labels. */
static void
test_print_labels_I3 (UiFixture     *fixture,
                      gconstpointer  data)
{
  g_autoptr(TandemSavedSearch) search = tandem_saved_search_new ("Helsinki", TANDEM_KIND_COMPANY);
  g_autoptr(TandemCampaign) campaign = tandem_campaign_new ("Spring letters");
  g_autoptr(GSimpleAction) action = NULL;
  g_autoptr(GSimpleAction) open_action = NULL;
  g_autoptr(GError) error = NULL;
  TandemCampaignWindow *window;
  GtkWidget *main_window, *button;
  gint64 campaign_id, printed = 0, opened = 0;
  Seed s;

  seed (fixture, &s);
  tandem_saved_search_add_criterion (search, "city", "is", "Helsinki");
  g_assert_cmpint (tandem_store_save_saved_search (fixture->store, search, &error), >, 0);
  tandem_campaign_set_search_id (campaign, tandem_saved_search_get_id (search));
  campaign_id = tandem_store_save_campaign (fixture->store, campaign, &error);
  g_assert_no_error (error);

  /* A main window without label sheets: the button stays off. */
  main_window = g_object_new (GTK_TYPE_APPLICATION_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (main_window));
  window = tandem_campaign_window_new_for_id (GTK_WINDOW (main_window), fixture->store, campaign_id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  button = tandem_campaign_window_get_print_button (window);
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate ();

  action = g_simple_action_new ("print-labels", G_VARIANT_TYPE_INT64);
  g_signal_connect (action, "activate", G_CALLBACK (on_print_labels_cb), &printed);
  g_action_map_add_action (G_ACTION_MAP (main_window), G_ACTION (action));
  open_action = g_simple_action_new ("open-record", G_VARIANT_TYPE ("(ix)"));
  g_signal_connect (open_action, "activate", G_CALLBACK (on_open_record_cb), &opened);
  g_action_map_add_action (G_ACTION_MAP (main_window), G_ACTION (open_action));
  window = tandem_campaign_window_new_for_id (GTK_WINDOW (main_window), fixture->store, campaign_id, &error);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  button = tandem_campaign_window_get_print_button (window);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ui_iterate ();
  g_assert_cmpint (printed, ==, campaign_id);

  /* A target opens its card in the main window. */
  {
    GtkWidget *list = gtk_widget_get_first_child (GTK_WIDGET (tandem_campaign_window_get_pager (window)));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

    g_assert_true (gtk_list_box_row_get_activatable (row));
    g_signal_emit_by_name (list, "row-activated", row);
    ui_iterate ();
    g_assert_cmpint (opened, ==, s.acme);
  }

  /* Another target list chosen but not saved: labels would not match it. */
  choose_row (tandem_campaign_window_get_search_row (window), "None");
  g_assert_false (gtk_widget_get_sensitive (button));
}

/* K2: the owner deletes a saved search from the page; Undo brings it back
 * as the target list of the campaign that used it. Someone else's shared
 * search has no delete button. */
static void
test_delete_search_undo_K2 (UiFixture     *fixture,
                            gconstpointer  data)
{
  g_autoptr(TandemSavedSearch) search = tandem_saved_search_new ("Turku", TANDEM_KIND_COMPANY);
  g_autoptr(TandemCampaign) campaign = tandem_campaign_new ("Turku visits");
  g_autoptr(TandemCampaign) after = NULL;
  g_autoptr(TandemSavedSearch) back = NULL;
  g_autoptr(GError) error = NULL;
  TandemCampaignsPage *page;
  GtkWidget *main_window;
  gint64 campaign_id;
  Seed s;

  seed (fixture, &s);
  add_user (fixture, "sam", "Sam Seller");
  tandem_saved_search_add_criterion (search, "city", "is", "Turku");
  g_assert_cmpint (tandem_store_save_saved_search (fixture->store, search, &error), >, 0);
  tandem_campaign_set_search_id (campaign, tandem_saved_search_get_id (search));
  campaign_id = tandem_store_save_campaign (fixture->store, campaign, &error);
  g_assert_no_error (error);

  /* Sam may run the administrator's shared search, not delete it. */
  sign_in (fixture, "sam");
  page = TANDEM_CAMPAIGNS_PAGE (tandem_campaigns_page_new (fixture->store));
  main_window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (main_window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (main_window));
  tandem_campaigns_page_show_view (page, "searches");
  ui_iterate ();
  g_assert_nonnull (ui_find_label (GTK_WIDGET (page), "1\u00a0company"));
  gtk_widget_activate_action (GTK_WIDGET (page), "campaigns.delete-search", "x",
                              tandem_saved_search_get_id (search));
  ui_iterate ();
  g_clear_object (&back);
  back = tandem_store_find_saved_search (fixture->store, "Turku", &error);
  g_assert_no_error (error);
  g_clear_object (&back);

  sign_in (fixture, "admin");
  tandem_campaigns_page_reload (page);
  ui_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (page), "campaigns.delete-search", "x",
                              tandem_saved_search_get_id (search));
  ui_iterate ();
  back = tandem_store_find_saved_search (fixture->store, "Turku", NULL);
  g_assert_null (back);
  g_assert_cmpstr (tandem_campaigns_page_get_visible_view (page), ==, "no-searches");

  gtk_widget_activate_action (GTK_WIDGET (page), "campaigns.undo-delete-search", NULL);
  ui_iterate ();
  back = tandem_store_find_saved_search (fixture->store, "Turku", &error);
  g_assert_no_error (error);
  after = tandem_store_get_campaign (fixture->store, campaign_id, &error);
  g_assert_cmpint (tandem_campaign_get_search_id (after), ==, tandem_saved_search_get_id (back));
  g_assert_cmpstr (tandem_campaigns_page_get_visible_view (page), ==, "searches");
}

/* K2: classification and additional fields are offered by name for their
 * own kind of record, partner roles from a list; switching to people keeps
 * what people have too. */
static void
test_builder_custom_fields_K2 (UiFixture     *fixture,
                               gconstpointer  data)
{
  g_autoptr(TandemField) industry = tandem_field_new (TANDEM_KIND_COMPANY, TANDEM_FIELD_CLASSIFICATION,
                                                      "Industry", TANDEM_FIELD_TEXT);
  g_autoptr(TandemField) diet = tandem_field_new (TANDEM_KIND_PERSON, TANDEM_FIELD_ADDITIONAL,
                                                  "Diet", TANDEM_FIELD_TEXT);
  g_autoptr(TandemCompany) acme = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCriterion) criterion = NULL;
  g_autofree char *key = NULL;
  TandemSearchDialog *dialog;
  TandemConditionRow *row, *role;
  gint64 industry_id;
  guint position;
  Seed s;

  seed (fixture, &s);
  industry_id = tandem_store_add_field (fixture->store, industry, &error);
  g_assert_no_error (error);
  tandem_store_add_field (fixture->store, diet, &error);
  g_assert_no_error (error);
  tandem_store_add_partner_role (fixture->store, "Reseller", &error);
  g_assert_no_error (error);
  acme = tandem_store_get_company (fixture->store, s.acme, &error);
  tandem_record_set_field_value (TANDEM_RECORD (acme), industry_id, "Metal industry");
  tandem_company_set_roles (acme, (const char * const[]) { "Reseller", NULL });
  g_assert_cmpint (tandem_store_save_company (fixture->store, acme, &error), ==, s.acme);

  dialog = tandem_search_dialog_new (NULL, fixture->store, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_iterate ();

  row = tandem_search_dialog_add_condition (dialog);
  g_assert_false (choose_if_offered (tandem_condition_row_get_field_dropdown (row), "Diet"));
  choose (tandem_condition_row_get_field_dropdown (row), "Industry");
  choose (tandem_condition_row_get_operator_dropdown (row), "contains");
  type_text (tandem_condition_row_get_value_entry (row), "metal");
  wait_for_count (dialog, "1 company");
  criterion = tandem_condition_row_dup_criterion (row);
  key = g_strdup_printf ("field:%" G_GINT64_FORMAT, industry_id);
  g_assert_cmpstr (criterion->field, ==, key);

  role = tandem_search_dialog_add_condition (dialog);
  choose (tandem_condition_row_get_field_dropdown (role), "Partner role");
  choose (tandem_condition_row_get_operator_dropdown (role), "excludes");
  choose (tandem_condition_row_get_choice_dropdown (role), "Reseller");
  wait_for_count (dialog, "0 companies");

  /* People: their own fields; the role stays (a person has their
   * company's), the company's field goes. */
  choose_row (tandem_search_dialog_get_entity_row (dialog), "People");
  position = gtk_drop_down_get_selected (tandem_condition_row_get_field_dropdown (role));
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_clear_pointer (&criterion, tandem_criterion_free);
  criterion = tandem_condition_row_dup_criterion (role);
  g_assert_cmpstr (criterion->field, ==, "role");
  g_clear_pointer (&criterion, tandem_criterion_free);
  criterion = tandem_condition_row_dup_criterion (row);
  g_assert_cmpstr (criterion->field, !=, key);
  g_assert_true (choose_if_offered (tandem_condition_row_get_field_dropdown (row), "Diet"));
  wait_for_count (dialog, "0 people");
}

/* K2: in a narrow window a condition takes two lines and still shows its
 * field, operator and value. */
static void
test_builder_narrow_K2 (UiFixture     *fixture,
                        gconstpointer  data)
{
  TandemSearchDialog *dialog = tandem_search_dialog_new (NULL, fixture->store, NULL);
  TandemConditionRow *row;
  graphene_rect_t field, value;

  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 600);
  gtk_window_present (GTK_WINDOW (dialog));
  row = tandem_search_dialog_add_condition (dialog);
  ui_iterate ();
  g_usleep (100000);
  ui_iterate ();

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (tandem_condition_row_get_field_dropdown (row)),
                                            GTK_WIDGET (row), &field));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (tandem_condition_row_get_value_entry (row)),
                                            GTK_WIDGET (row), &value));
  g_assert_cmpfloat (value.origin.y, >=, field.origin.y + field.size.height);
  g_assert_cmpfloat (field.size.width, >, 80);
  g_assert_cmpfloat (gtk_widget_get_width (GTK_WIDGET (row)), <=, 360);
}

/* I3: the sale dialog offers the campaigns there are and says when a name
 * typed adds one; the sale then shows in its campaign's window. */
static void
test_sale_campaign_I3 (UiFixture     *fixture,
                       gconstpointer  data)
{
  g_autoptr(TandemCampaign) spring = tandem_campaign_new ("Spring_fair 2027");
  g_autoptr(TandemCampaign) added = NULL;
  g_autoptr(GError) error = NULL;
  TandemSaleDialog *dialog;
  TandemCampaignWindow *window;
  AdwMessageDialog *question;
  GtkListBoxRow *row;
  gint64 spring_id;
  Seed s;

  seed (fixture, &s);
  spring_id = tandem_store_save_campaign (fixture->store, spring, &error);
  g_assert_no_error (error);

  dialog = tandem_sale_dialog_new_sale (NULL, fixture->store, s.acme);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_iterate ();
  type_text (GTK_EDITABLE (tandem_sale_dialog_get_name_row (dialog)), "Fair stand");
  g_assert_null (tandem_sale_dialog_get_campaign_hint (dialog));

  /* A new name is said to add a campaign; an existing one, in any case, is not. */
  type_text (GTK_EDITABLE (tandem_sale_dialog_get_campaign_row (dialog)), "Autumn letters");
  g_assert_nonnull (tandem_sale_dialog_get_campaign_hint (dialog));
  g_assert_nonnull (strstr (tandem_sale_dialog_get_campaign_hint (dialog), "Autumn letters"));
  type_text (GTK_EDITABLE (tandem_sale_dialog_get_campaign_row (dialog)), "spring_FAIR 2027");
  g_assert_null (tandem_sale_dialog_get_campaign_hint (dialog));

  /* Chosen from the menu, as the user would */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.choose-campaign", "s",
                                             "Spring_fair 2027"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tandem_sale_dialog_get_campaign_row (dialog))), ==,
                   "Spring_fair 2027");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_true (ui_wait_for (window_is_gone, &dialog, 2000));

  window = tandem_campaign_window_new_for_id (NULL, fixture->store, spring_id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  row = gtk_list_box_get_row_at_index (tandem_campaign_window_get_sales_list (window), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Fair stand");
  g_assert_null (gtk_list_box_get_row_at_index (tandem_campaign_window_get_sales_list (window), 1));

  /* A new name typed adds its campaign. */
  dialog = tandem_sale_dialog_new_sale (NULL, fixture->store, s.birch);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_iterate ();
  type_text (GTK_EDITABLE (tandem_sale_dialog_get_name_row (dialog)), "Letters to Birch");
  type_text (GTK_EDITABLE (tandem_sale_dialog_get_campaign_row (dialog)), "Autumn letters");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_true (ui_wait_for (window_is_gone, &dialog, 2000));
  added = tandem_store_find_campaign (fixture->store, "Autumn letters", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_campaign_get_n_sales (added), ==, 1);

  /* Deleted from its window, after a question */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_widget_activate_action (GTK_WIDGET (window), "campaign.delete", NULL);
  ui_iterate ();
  question = ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "delete");
  g_assert_true (ui_wait_for (window_is_gone, &window, 2000));
  g_assert_null (tandem_store_get_campaign (fixture->store, spring_id, NULL));
  g_clear_object (&added);
  added = tandem_store_find_campaign (fixture->store, "Autumn letters", &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/campaigns/builder-and-campaign-K2-I3", UiFixture, NULL, ui_fixture_set_up,
              test_builder_and_campaign_K2_I3, ui_fixture_tear_down);
  g_test_add ("/campaigns/builder-bad-date-K2", UiFixture, NULL, ui_fixture_set_up,
              test_builder_bad_date_K2, ui_fixture_tear_down);
  g_test_add ("/campaigns/campaign-bad-period-I3", UiFixture, NULL, ui_fixture_set_up,
              test_campaign_bad_period_I3, ui_fixture_tear_down);
  g_test_add ("/campaigns/private-activity-hidden-E1", UiFixture, NULL, ui_fixture_set_up,
              test_private_activity_hidden_E1, ui_fixture_tear_down);
  g_test_add ("/campaigns/print-labels-I3", UiFixture, NULL, ui_fixture_set_up,
              test_print_labels_I3, ui_fixture_tear_down);
  g_test_add ("/campaigns/delete-search-undo-K2", UiFixture, NULL, ui_fixture_set_up,
              test_delete_search_undo_K2, ui_fixture_tear_down);
  g_test_add ("/campaigns/builder-custom-fields-K2", UiFixture, NULL, ui_fixture_set_up,
              test_builder_custom_fields_K2, ui_fixture_tear_down);
  g_test_add ("/campaigns/builder-narrow-K2", UiFixture, NULL, ui_fixture_set_up,
              test_builder_narrow_K2, ui_fixture_tear_down);

  g_test_add ("/campaigns/sale-campaign-I3", UiFixture, NULL, ui_fixture_set_up,
              test_sale_campaign_I3, ui_fixture_tear_down);

  return g_test_run ();
}
