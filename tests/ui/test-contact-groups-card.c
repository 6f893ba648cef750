/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC I1: the contact groups on the company and person cards. Every group
 * is a row with a tick; a tick is saved at once; a change the store
 * refuses is said and the ticks show the store again. */

#include "tandem-company-card-private.h"
#include "tandem-person-card-private.h"
#include "tandem-window-private.h"
#include "ui-test-util.h"

/* The shipped groups (migrations/0006-contact-groups.sql) */
#define GROUP_MAILING        1
#define GROUP_CANDIDATES     2
#define GROUP_VISIT          3
#define GROUP_DO_NOT_CONTACT 4

static gint64
add_company (UiFixture  *fixture,
             const char *name)
{
  g_autoptr(TandemCompany) company = tandem_company_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id = tandem_store_save_company (fixture->store, company, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
add_person (UiFixture  *fixture,
            const char *name,
            gint64      company_id)
{
  g_autoptr(TandemPerson) person = tandem_person_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  tandem_person_set_company_id (person, company_id);
  id = tandem_store_save_person (fixture->store, person, &error);
  g_assert_no_error (error);
  return id;
}

/* The store's groups of a company or person: their ids, joined with ",". */
static char *
groups_of (TandemStore *store,
           TandemKind   kind,
           gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = tandem_store_list_groups_of (store, kind, id, &error);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < groups->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            tandem_contact_group_get_id (g_ptr_array_index (groups, i)));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static GtkCheckButton *
check_of (TandemContactGroupsGroup *group,
          const char               *name)
{
  AdwActionRow *row = tandem_contact_groups_group_find_row (group, name);

  g_assert_nonnull (row);
  return tandem_contact_groups_group_get_row_check (row);
}

static gboolean
is_ticked (TandemContactGroupsGroup *group,
           const char               *name)
{
  return gtk_check_button_get_active (check_of (group, name));
}

static TandemWindow *
open_record (UiFixture  *fixture,
             TandemKind  kind,
             gint64      id)
{
  TandemWindow *window = tandem_window_new (NULL, fixture->store);

  gtk_window_present (GTK_WINDOW (window));
  tandem_window_open_record (window, kind, id, 0);
  ui_iterate ();
  return window;
}

/* The company card lists every group and ticks those the company is in;
 * ticking and unticking, by pointer or keyboard, changes the membership
 * in the store at once, without making the card need saving. */
static void
test_company_card_I1 (UiFixture     *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemContactGroup) fair = NULL;
  const gint64 initial[] = { GROUP_MAILING, GROUP_VISIT };
  TandemContactGroupsGroup *group;
  TandemCompanyCard *card;
  TandemWindow *window;
  AdwActionRow *row;
  g_autofree char *ids = NULL;
  gint64 acme = add_company (fixture, "Acme Oy");
  gint64 other = add_company (fixture, "Birch Ab");

  g_assert_true (tandem_store_set_groups_of (fixture->store, TANDEM_KIND_COMPANY, acme, initial, 2, &error));
  g_assert_no_error (error);

  window = open_record (fixture, TANDEM_KIND_COMPANY, acme);
  card = TANDEM_COMPANY_CARD (tandem_window_get_card (window));
  group = tandem_company_card_get_contact_groups_group (card);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (group)));
  g_assert_cmpuint (tandem_contact_groups_group_get_n_rows (group), ==, 4);
  g_assert_true (is_ticked (group, "Mailing list"));
  g_assert_false (is_ticked (group, "Candidates"));
  g_assert_true (is_ticked (group, "Visit"));
  g_assert_false (is_ticked (group, "Do not contact"));

  /* Do not contact says what it does. */
  row = tandem_contact_groups_group_find_row (group, "Do not contact");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Left out of label sheets");
  row = tandem_contact_groups_group_find_row (group, "Visit");
  g_assert_cmpstr (adw_action_row_get_subtitle (row) ? adw_action_row_get_subtitle (row) : "", ==, "");

  /* A click on the tick */
  gtk_check_button_set_active (check_of (group, "Candidates"), TRUE);
  ui_iterate ();
  ids = groups_of (fixture->store, TANDEM_KIND_COMPANY, acme);
  g_assert_cmpstr (ids, ==, "1,2,3");
  g_clear_pointer (&ids, g_free);
  g_assert_false (tandem_card_get_modified (TANDEM_CARD (card)));

  gtk_check_button_set_active (check_of (group, "Mailing list"), FALSE);
  ui_iterate ();
  ids = groups_of (fixture->store, TANDEM_KIND_COMPANY, acme);
  g_assert_cmpstr (ids, ==, "2,3");
  g_clear_pointer (&ids, g_free);

  /* Enter or Space on the row: the row is activatable and ticks its check. */
  row = tandem_contact_groups_group_find_row (group, "Do not contact");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activate");
  ui_iterate ();
  g_assert_true (is_ticked (group, "Do not contact"));
  ids = groups_of (fixture->store, TANDEM_KIND_COMPANY, acme);
  g_assert_cmpstr (ids, ==, "2,3,4");
  g_clear_pointer (&ids, g_free);

  /* The other company is left as it was. */
  ids = groups_of (fixture->store, TANDEM_KIND_COMPANY, other);
  g_assert_cmpstr (ids, ==, "");
  g_clear_pointer (&ids, g_free);

  /* A change made elsewhere (the group screen) shows at once. */
  {
    TandemContactRef ref = { TANDEM_KIND_COMPANY, acme };

    g_assert_cmpuint (tandem_store_remove_from_group (fixture->store, GROUP_VISIT, &ref, 1, &error), ==, 1);
    g_assert_no_error (error);
  }
  ui_iterate ();
  g_assert_false (is_ticked (group, "Visit"));

  /* A group an administrator adds, or renames, is on the card too. */
  fair = tandem_contact_group_new ("Fair visitors");
  g_assert_cmpint (tandem_store_save_contact_group (fixture->store, fair, &error), >, 0);
  g_assert_no_error (error);
  ui_iterate ();
  g_assert_cmpuint (tandem_contact_groups_group_get_n_rows (group), ==, 5);
  g_assert_false (is_ticked (group, "Fair visitors"));
  g_assert_true (is_ticked (group, "Candidates"));
  g_assert_null (tandem_contact_groups_group_get_last_error (group));
}

/* A change the store refuses is said in a toast and the ticks show what
 * the store has: here another user deleted the group and put the company
 * in another one, unseen by this window. */
static void
test_failure_shows_store_I1 (UiFixture     *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) elsewhere = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "test.db", NULL);
  g_autofree char *ids = NULL;
  const gint64 initial[] = { GROUP_MAILING };
  TandemContactGroupsGroup *group;
  TandemWindow *window;
  TandemContactRef ref;
  gint64 acme = add_company (fixture, "Acme Oy");

  g_assert_true (tandem_store_set_groups_of (fixture->store, TANDEM_KIND_COMPANY, acme, initial, 1, &error));
  window = open_record (fixture, TANDEM_KIND_COMPANY, acme);
  group = tandem_company_card_get_contact_groups_group (TANDEM_COMPANY_CARD (tandem_window_get_card (window)));
  g_assert_true (is_ticked (group, "Mailing list"));

  elsewhere = tandem_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_store_sign_in (elsewhere, "admin", "admin-password-1", &error));
  g_assert_true (tandem_store_delete_contact_group (elsewhere, GROUP_CANDIDATES, &error));
  ref = (TandemContactRef) { TANDEM_KIND_COMPANY, acme };
  g_assert_cmpuint (tandem_store_add_to_group (elsewhere, GROUP_VISIT, &ref, 1, &error), ==, 1);
  g_assert_no_error (error);

  /* This window still shows Candidates, unticked. */
  g_assert_false (is_ticked (group, "Candidates"));
  gtk_check_button_set_active (check_of (group, "Candidates"), TRUE);
  ui_iterate ();

  g_assert_nonnull (tandem_contact_groups_group_get_last_error (group));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), tandem_contact_groups_group_get_last_error (group)));
  ids = groups_of (fixture->store, TANDEM_KIND_COMPANY, acme);
  g_assert_cmpstr (ids, ==, "1,3");
  /* The ticks are the store's: no Candidates, and Visit ticked. */
  g_assert_null (tandem_contact_groups_group_find_row (group, "Candidates"));
  g_assert_cmpuint (tandem_contact_groups_group_get_n_rows (group), ==, 3);
  g_assert_true (is_ticked (group, "Mailing list"));
  g_assert_true (is_ticked (group, "Visit"));
  g_assert_false (is_ticked (group, "Do not contact"));
}

/* A person is a member in their own right: the person card's ticks
 * change the person's groups, not their company's. Anyone signed in may
 * change memberships; only the groups themselves are kept by
 * administrators. */
static void
test_person_card_I1 (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) sam = NULL;
  g_autofree char *ids = NULL;
  TandemContactGroupsGroup *group;
  TandemPersonCard *card;
  TandemWindow *window;
  GtkWidget *unsaved;
  gint64 acme = add_company (fixture, "Acme Oy");
  gint64 liisa = add_person (fixture, "Liisa Mäkinen", acme);

  sam = tandem_store_add_user (fixture->store, "sam", "Sam Seller", "sam-password-1", TANDEM_ROLE_USER, NULL, &error);
  g_assert_no_error (error);
  tandem_store_sign_out (fixture->store);
  g_assert_true (tandem_store_sign_in (fixture->store, "sam", "sam-password-1", &error));

  window = open_record (fixture, TANDEM_KIND_PERSON, liisa);
  card = TANDEM_PERSON_CARD (tandem_window_get_card (window));
  group = tandem_person_card_get_contact_groups_group (card);
  g_assert_cmpuint (tandem_contact_groups_group_get_n_rows (group), ==, 4);
  g_assert_false (is_ticked (group, "Visit"));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (check_of (group, "Visit"))));

  gtk_check_button_set_active (check_of (group, "Visit"), TRUE);
  ui_iterate ();
  ids = groups_of (fixture->store, TANDEM_KIND_PERSON, liisa);
  g_assert_cmpstr (ids, ==, "3");
  g_clear_pointer (&ids, g_free);
  ids = groups_of (fixture->store, TANDEM_KIND_COMPANY, acme);
  g_assert_cmpstr (ids, ==, "");
  g_assert_null (tandem_contact_groups_group_get_last_error (group));

  /* A person not saved yet has no groups to tick. */
  unsaved = g_object_ref_sink (tandem_person_card_new (fixture->store));
  group = tandem_person_card_get_contact_groups_group (TANDEM_PERSON_CARD (unsaved));
  g_assert_cmpuint (tandem_contact_groups_group_get_n_rows (group), ==, 4);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (check_of (group, "Visit"))));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "Save the person first to choose their groups");
  g_object_unref (unsaved);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/contact-groups/company-card-I1", UiFixture, NULL,
              ui_fixture_set_up, test_company_card_I1, ui_fixture_tear_down);
  g_test_add ("/ui/contact-groups/failure-shows-store-I1", UiFixture, NULL,
              ui_fixture_set_up, test_failure_shows_store_I1, ui_fixture_tear_down);
  g_test_add ("/ui/contact-groups/person-card-I1", UiFixture, NULL,
              ui_fixture_set_up, test_person_card_I1, ui_fixture_tear_down);
  return g_test_run ();
}
