/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <locale.h>

#include "tandem-test-db.h"

/* The shipped groups (migrations/0006-contact-groups.sql) */
#define GROUP_MAILING        1
#define GROUP_CANDIDATES     2
#define GROUP_VISIT          3
#define GROUP_DO_NOT_CONTACT 4

/* Helpers */

static gint64
add_company_in (TestDb     *db,
                const char *name,
                const char *city,
                const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new (name);
  gint64 id;

  g_object_set (company, "visit-city", city, "phone", phone, NULL);
  id = tandem_store_save_company (db->store, company, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_person_at (TestDb     *db,
               const char *name,
               gint64      company)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemPerson) person = tandem_person_new (name);
  gint64 id;

  tandem_person_set_company_id (person, company);
  g_object_set (person, "phone", "+358 40 555 0101", NULL);
  id = tandem_store_save_person (db->store, person, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_group (TestDb     *db,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemContactGroup) group = tandem_contact_group_new (name);
  gint64 id = tandem_store_save_contact_group (db->store, group, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
put_in (TestDb     *db,
        gint64      group,
        TandemKind  kind,
        gint64      id)
{
  g_autoptr(GError) error = NULL;
  TandemContactRef ref = { kind, id };

  g_assert_cmpuint (tandem_store_add_to_group (db->store, group, &ref, 1, &error), ==, 1);
  g_assert_no_error (error);
}

/* The names the group screen lists for a filter, joined with "|". */
static char *
listed_names (TestDb                  *db,
              const TandemGroupFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = tandem_store_list_group_contacts (db->store, filter, 0, 0, &error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (tandem_store_count_group_contacts (db->store, filter, &error), ==, rows->len);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (names, tandem_contact_get_name (g_ptr_array_index (rows, i)));
  strv = g_strv_builder_end (names);
  return g_strjoinv ("|", strv);
}

static char *
search_names (TestDb            *db,
              TandemSavedSearch *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = tandem_store_run_saved_search (db->store, search, 0, 0, &error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpuint (tandem_store_count_search_matches (db->store, search, &error), ==, rows->len);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (names, tandem_contact_get_name (g_ptr_array_index (rows, i)));
  strv = g_strv_builder_end (names);
  return g_strjoinv ("|", strv);
}

/* Tests */

static void
test_groups_kept_by_admins_I1 (TestDb        *db,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(TandemUser) sam = NULL;
  g_autoptr(TandemContactGroup) fair = NULL;
  g_autoptr(TandemContactGroup) found = NULL;
  g_autoptr(TandemContactGroup) renamed = NULL;
  gint64 fair_id;

  groups = tandem_store_list_contact_groups (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 4);
  g_assert_cmpstr (tandem_contact_group_get_name (g_ptr_array_index (groups, 0)), ==, "Mailing list");
  g_assert_cmpstr (tandem_contact_group_get_name (g_ptr_array_index (groups, 3)), ==, "Do not contact");
  g_assert_true (tandem_contact_group_get_do_not_contact (g_ptr_array_index (groups, 3)));
  g_assert_false (tandem_contact_group_get_do_not_contact (g_ptr_array_index (groups, 0)));

  fair_id = add_group (db, "Fair visitors");
  found = tandem_store_find_contact_group (db->store, "fair VISITORS", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_contact_group_get_id (found), ==, fair_id);

  /* A second group of the same name is refused; the first stays. */
  fair = tandem_contact_group_new ("Fair Visitors");
  g_assert_cmpint (tandem_store_save_contact_group (db->store, fair, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_object (&fair);
  fair = tandem_contact_group_new ("   ");
  g_assert_cmpint (tandem_store_save_contact_group (db->store, fair, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);

  /* Renaming a shipped group keeps its id and what it means. */
  renamed = tandem_store_get_contact_group (db->store, GROUP_DO_NOT_CONTACT, &error);
  tandem_contact_group_set_name (renamed, "Älä ota yhteyttä");
  g_assert_cmpint (tandem_store_save_contact_group (db->store, renamed, &error), ==, GROUP_DO_NOT_CONTACT);
  g_assert_no_error (error);
  g_clear_object (&found);
  found = tandem_store_find_contact_group (db->store, "ÄLÄ OTA YHTEYTTÄ", &error);
  g_assert_no_error (error);
  g_assert_true (tandem_contact_group_get_do_not_contact (found));

  /* Only administrators keep the list. */
  sam = test_add_user (db, "sam", TANDEM_ROLE_USER, NULL);
  test_sign_in (db, "sam");
  g_clear_object (&fair);
  fair = tandem_contact_group_new ("Golf");
  g_assert_cmpint (tandem_store_save_contact_group (db->store, fair, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (tandem_store_delete_contact_group (db->store, fair_id, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = tandem_store_list_contact_groups (db->store, &error);
  g_assert_cmpuint (groups->len, ==, 5);
}

static void
test_membership_many_groups_I1 (TestDb        *db,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  gint64 acme = add_company_in (db, "Acme Oy", "Helsinki", "+358 9 123");
  gint64 liisa = add_person_at (db, "Liisa Mäkinen", acme);
  const gint64 wanted[] = { GROUP_VISIT, GROUP_MAILING };
  TandemContactRef refs[] = { { TANDEM_KIND_COMPANY, acme }, { TANDEM_KIND_PERSON, liisa } };

  g_assert_true (tandem_store_set_groups_of (db->store, TANDEM_KIND_COMPANY, acme, wanted, 2, &error));
  g_assert_no_error (error);
  groups = tandem_store_list_groups_of (db->store, TANDEM_KIND_COMPANY, acme, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 2);
  /* In the groups' own order, not the order they were given. */
  g_assert_cmpint (tandem_contact_group_get_id (g_ptr_array_index (groups, 0)), ==, GROUP_MAILING);
  g_assert_cmpint (tandem_contact_group_get_id (g_ptr_array_index (groups, 1)), ==, GROUP_VISIT);

  /* Adding twice counts once; a person is a member on their own. */
  g_assert_cmpuint (tandem_store_add_to_group (db->store, GROUP_VISIT, refs, 2, &error), ==, 1);
  g_assert_cmpuint (tandem_store_add_to_group (db->store, GROUP_VISIT, refs, 2, &error), ==, 0);
  g_assert_cmpuint (tandem_store_move_to_group (db->store, GROUP_VISIT, GROUP_CANDIDATES, refs, 2, &error), ==, 2);
  g_assert_no_error (error);
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = tandem_store_list_groups_of (db->store, TANDEM_KIND_PERSON, liisa, &error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpint (tandem_contact_group_get_id (g_ptr_array_index (groups, 0)), ==, GROUP_CANDIDATES);
  g_assert_cmpuint (tandem_store_remove_from_group (db->store, GROUP_CANDIDATES, refs, 2, &error), ==, 2);

  /* One unknown contact refuses the whole batch: nothing changes. */
  {
    TandemContactRef bad[] = { { TANDEM_KIND_COMPANY, acme }, { TANDEM_KIND_PERSON, 9999 } };

    g_assert_cmpuint (tandem_store_add_to_group (db->store, GROUP_VISIT, bad, 2, &error), ==, 0);
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_clear_pointer (&groups, g_ptr_array_unref);
    groups = tandem_store_list_groups_of (db->store, TANDEM_KIND_COMPANY, acme, &error);
    g_assert_cmpuint (groups->len, ==, 1);
    g_assert_cmpint (tandem_contact_group_get_id (g_ptr_array_index (groups, 0)), ==, GROUP_MAILING);
  }

  /* A deleted company leaves the group's count and list. */
  {
    g_autoptr(TandemContactGroup) mailing = NULL;
    TandemGroupFilter filter = { .include = (gint64[]) { GROUP_MAILING }, .n_include = 1 };
    g_autofree char *names = NULL;

    mailing = tandem_store_get_contact_group (db->store, GROUP_MAILING, &error);
    g_assert_cmpuint (tandem_contact_group_get_n_members (mailing), ==, 1);
    g_assert_true (tandem_store_delete (db->store, TANDEM_KIND_COMPANY, acme, &error));
    g_assert_no_error (error);
    g_clear_object (&mailing);
    mailing = tandem_store_get_contact_group (db->store, GROUP_MAILING, &error);
    g_assert_cmpuint (tandem_contact_group_get_n_members (mailing), ==, 0);
    names = listed_names (db, &filter);
    g_assert_cmpstr (names, ==, "");
  }
}

/* The seed's own example: visited the fair and not contacted (I2). */
static void
test_include_exclude_I2 (TestDb        *db,
                         gconstpointer  data)
{
  gint64 fair = add_group (db, "Fair visitors");
  gint64 contacted = add_group (db, "Contacted");
  gint64 acme = add_company_in (db, "Acme Oy", "Helsinki", "+358 9 123");
  gint64 lodz = add_company_in (db, "ŁÓDŹ Tools", "Łódź", "+48 42 555");
  gint64 birch = add_company_in (db, "Birch Ab", "Turku", NULL);
  gint64 pekka = add_person_at (db, "Pekka Virtanen", acme);
  gint64 anna = add_person_at (db, "Anna Nowak", lodz);
  g_autofree char *names = NULL;

  put_in (db, fair, TANDEM_KIND_COMPANY, acme);
  put_in (db, fair, TANDEM_KIND_COMPANY, lodz);
  put_in (db, fair, TANDEM_KIND_PERSON, pekka);
  put_in (db, fair, TANDEM_KIND_PERSON, anna);
  put_in (db, contacted, TANDEM_KIND_COMPANY, lodz);
  put_in (db, contacted, TANDEM_KIND_PERSON, pekka);
  put_in (db, GROUP_VISIT, TANDEM_KIND_COMPANY, birch);
  put_in (db, GROUP_VISIT, TANDEM_KIND_COMPANY, acme);

  {
    TandemGroupFilter filter = {
      .include = (gint64[]) { fair }, .n_include = 1,
      .exclude = (gint64[]) { contacted }, .n_exclude = 1,
    };

    names = listed_names (db, &filter);
    g_assert_cmpstr (names, ==, "Acme Oy|Anna Nowak");
    g_clear_pointer (&names, g_free);

    /* The text narrows by name, company, phone or e-mail, folding case
     * and Polish letters. */
    filter.text = "łódź";
    names = listed_names (db, &filter);
    g_assert_cmpstr (names, ==, "Anna Nowak");
    g_clear_pointer (&names, g_free);
    filter.text = "%";
    names = listed_names (db, &filter);
    g_assert_cmpstr (names, ==, "");
    g_clear_pointer (&names, g_free);
  }

  {
    /* Any of two groups, or all of them. */
    TandemGroupFilter filter = { .include = (gint64[]) { fair, GROUP_VISIT }, .n_include = 2 };

    /* Names sort as the registers do (case-blind, letters outside ASCII
     * after Z). */
    names = listed_names (db, &filter);
    g_assert_cmpstr (names, ==, "Acme Oy|Anna Nowak|Birch Ab|Pekka Virtanen|ŁÓDŹ Tools");
    g_clear_pointer (&names, g_free);
    filter.include_all = TRUE;
    names = listed_names (db, &filter);
    g_assert_cmpstr (names, ==, "Acme Oy");
    g_clear_pointer (&names, g_free);
    filter.include_all = FALSE;
    filter.kind = TANDEM_KIND_PERSON;
    names = listed_names (db, &filter);
    g_assert_cmpstr (names, ==, "Anna Nowak|Pekka Virtanen");
    g_clear_pointer (&names, g_free);
  }

  {
    /* Paging reads the same rows in the same order. */
    TandemGroupFilter filter = { .include = (gint64[]) { fair, GROUP_VISIT }, .n_include = 2 };
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) page = tandem_store_list_group_contacts (db->store, &filter, 3, 2, &error);
    TandemContact *row;

    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 2);
    g_assert_cmpstr (tandem_contact_get_name (g_ptr_array_index (page, 0)), ==, "Pekka Virtanen");
    row = g_ptr_array_index (page, 1);
    g_assert_cmpstr (tandem_contact_get_name (row), ==, "ŁÓDŹ Tools");
    g_assert_cmpstr (tandem_contact_get_phone (row), ==, "+48 42 555");
    g_assert_cmpstr (tandem_contact_get_city (row), ==, "Łódź");
    g_assert_cmpstr (tandem_contact_get_groups (row), ==, "Fair visitors, Contacted");
    g_assert_true (tandem_contact_is_in_group (row, contacted));
    g_assert_false (tandem_contact_is_in_group (row, GROUP_VISIT));
  }
}

/* After a call, one step records the activity and moves the contact (I2);
 * when the activity cannot be saved, the contact stays where it was. */
static void
test_record_call_moves_I2 (TestDb        *db,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) call = tandem_activity_new ("Called after the fair");
  g_autoptr(TandemActivity) broken = tandem_activity_new ("Called again");
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  gint64 fair = add_group (db, "Fair visitors");
  gint64 contacted = add_group (db, "Contacted");
  gint64 acme = add_company_in (db, "Acme Oy", "Helsinki", NULL);
  gint64 pekka = add_person_at (db, "Pekka Virtanen", acme);
  TandemContactRef ref = { TANDEM_KIND_PERSON, pekka };
  gint64 id;

  put_in (db, fair, TANDEM_KIND_PERSON, pekka);

  tandem_activity_set_open_ended (call, TRUE);
  tandem_activity_set_company_id (call, acme);
  tandem_activity_set_person_ids (call, &pekka, 1);
  id = tandem_store_record_contact_call (db->store, &ref, call, fair, contacted, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  groups = tandem_store_list_groups_of (db->store, TANDEM_KIND_PERSON, pekka, &error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpint (tandem_contact_group_get_id (g_ptr_array_index (groups, 0)), ==, contacted);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count (*) FROM activities WHERE title = 'Called after the fair'"),
                   ==, 1);

  /* A closed-ended activity without times is refused: no move either. */
  tandem_activity_set_company_id (broken, acme);
  g_assert_cmpint (tandem_store_record_contact_call (db->store, &ref, broken, contacted, fair, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = tandem_store_list_groups_of (db->store, TANDEM_KIND_PERSON, pekka, &error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpint (tandem_contact_group_get_id (g_ptr_array_index (groups, 0)), ==, contacted);
  g_assert_cmpint (tandem_record_get_id (TANDEM_RECORD (broken)), ==, 0);
}

/* Saved searches on any field, all or any, re-run each time (K2, I3). */
static void
test_saved_search_fields_K2 (TestDb        *db,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemField) industry = tandem_field_new (TANDEM_KIND_COMPANY, TANDEM_FIELD_CLASSIFICATION,
                                                      "Industry", TANDEM_FIELD_TEXT);
  g_autoptr(TandemSavedSearch) search = NULL;
  g_autoptr(TandemSavedSearch) found = NULL;
  g_autoptr(TandemCompany) acme = NULL;
  g_autofree char *names = NULL;
  g_autofree char *field_key = NULL;
  gint64 field_id, role_id, acme_id, birch_id, lodz_id;

  field_id = tandem_store_add_field (db->store, industry, &error);
  g_assert_no_error (error);
  role_id = tandem_store_add_partner_role (db->store, "Reseller", &error);
  g_assert_no_error (error);
  field_key = g_strdup_printf ("field:%" G_GINT64_FORMAT, field_id);

  acme_id = add_company_in (db, "Acme Oy", "Helsinki", "+358 9 123");
  birch_id = add_company_in (db, "Birch Ab", "Åbo", NULL);
  lodz_id = add_company_in (db, "O'Brien \"Tools\" 100%", "Łódź", NULL);
  acme = tandem_store_get_company (db->store, acme_id, &error);
  tandem_record_set_field_value (TANDEM_RECORD (acme), field_id, "Metal industry");
  tandem_company_set_roles (acme, (const char * const[]) { "Reseller", NULL });
  g_assert_cmpint (tandem_store_save_company (db->store, acme, &error), ==, acme_id);
  g_assert_no_error (error);
  put_in (db, GROUP_MAILING, TANDEM_KIND_COMPANY, birch_id);
  put_in (db, GROUP_MAILING, TANDEM_KIND_COMPANY, lodz_id);

  search = tandem_saved_search_new ("Metal in Helsinki", TANDEM_KIND_COMPANY);
  tandem_saved_search_add_criterion (search, field_key, "contains", "METAL");
  tandem_saved_search_add_criterion (search, "city", "is", "helsinki");
  tandem_saved_search_add_criterion (search, "role", "in", "reseller");
  g_assert_cmpint (tandem_store_save_saved_search (db->store, search, &error), >, 0);
  g_assert_no_error (error);
  names = search_names (db, search);
  g_assert_cmpstr (names, ==, "Acme Oy");
  g_clear_pointer (&names, g_free);

  /* Kept by name, with the role kept by id, and re-run from the store. */
  found = tandem_store_find_saved_search (db->store, "metal in helsinki", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_saved_search_get_criteria (found)->len, ==, 3);
  {
    TandemCriterion *role = g_ptr_array_index (tandem_saved_search_get_criteria (found), 2);
    g_autofree char *role_text = g_strdup_printf ("%" G_GINT64_FORMAT, role_id);

    g_assert_cmpstr (role->value, ==, role_text);
  }
  names = search_names (db, found);
  g_assert_cmpstr (names, ==, "Acme Oy");
  g_clear_pointer (&names, g_free);

  /* Any instead of all; quotes and percent signs are plain text. */
  g_clear_object (&search);
  search = tandem_saved_search_new ("Odd names", TANDEM_KIND_COMPANY);
  tandem_saved_search_set_match_all (search, FALSE);
  tandem_saved_search_add_criterion (search, "name", "contains", "\"tools\" 100%");
  tandem_saved_search_add_criterion (search, "city", "starts-with", "åb");
  names = search_names (db, search);
  g_assert_cmpstr (names, ==, "Birch Ab|O'Brien \"Tools\" 100%");
  g_clear_pointer (&names, g_free);

  /* Negative conditions: not in the mailing list, no phone. */
  g_clear_object (&search);
  search = tandem_saved_search_new ("Nobody", TANDEM_KIND_COMPANY);
  tandem_saved_search_add_criterion (search, "group", "not-in", "Mailing list");
  names = search_names (db, search);
  g_assert_cmpstr (names, ==, "Acme Oy");
  g_clear_pointer (&names, g_free);
  tandem_saved_search_clear_criteria (search);
  tandem_saved_search_add_criterion (search, "phone", "empty", NULL);
  tandem_saved_search_add_criterion (search, "city", "not-contains", "łódź");
  names = search_names (db, search);
  g_assert_cmpstr (names, ==, "Birch Ab");
  g_clear_pointer (&names, g_free);
}

static void
test_saved_search_bad_input_K2 (TestDb        *db,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemSavedSearch) search = tandem_saved_search_new ("Good", TANDEM_KIND_COMPANY);
  g_autoptr(TandemSavedSearch) again = NULL;
  g_autoptr(TandemCriterion) parsed = NULL;
  struct { const char *field, *op, *value; TandemKind entity; } bad[] = {
    { "shoe-size", "is", "42", TANDEM_KIND_COMPANY },
    { "job-title", "is", "CEO", TANDEM_KIND_COMPANY },
    { "city", "before", "Helsinki", TANDEM_KIND_COMPANY },
    { "last-activity", "before", "2026-02-30", TANDEM_KIND_COMPANY },
    { "last-activity", "within-days", "soon", TANDEM_KIND_COMPANY },
    { "city", "contains", "  ", TANDEM_KIND_COMPANY },
    { "group", "in", "No such group", TANDEM_KIND_PERSON },
    { "field:999", "is", "x", TANDEM_KIND_PERSON },
  };

  tandem_saved_search_add_criterion (search, "city", "is", "Helsinki");
  g_assert_cmpint (tandem_store_save_saved_search (db->store, search, &error), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(TandemSavedSearch) wrong = tandem_saved_search_new ("Good", bad[i].entity);

      g_test_message ("%s %s %s", bad[i].field, bad[i].op, bad[i].value);
      tandem_saved_search_set_id (wrong, tandem_saved_search_get_id (search));
      tandem_saved_search_add_criterion (wrong, bad[i].field, bad[i].op, bad[i].value);
      g_assert_cmpint (tandem_store_save_saved_search (db->store, wrong, &error), ==, 0);
      g_assert_nonnull (error);
      g_assert_true (error->code == TANDEM_ERROR_INVALID || error->code == TANDEM_ERROR_NOT_FOUND);
      g_assert_cmpuint (strlen (error->message), >, 10);
      g_clear_error (&error);
      g_assert_cmpuint (tandem_store_count_search_matches (db->store, wrong, &error), ==, 0);
      g_assert_nonnull (error);
      g_clear_error (&error);
    }

  /* The saved one is as it was. */
  again = tandem_store_find_saved_search (db->store, "Good", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_saved_search_get_entity (again), ==, TANDEM_KIND_COMPANY);
  g_assert_cmpstr (((TandemCriterion *) g_ptr_array_index (tandem_saved_search_get_criteria (again), 0))->value,
                   ==, "Helsinki");

  /* Dates are kept in one form however typed. */
  tandem_saved_search_clear_criteria (again);
  tandem_saved_search_add_criterion (again, "last-activity", "before", "31.12.2026");
  g_assert_cmpint (tandem_store_save_saved_search (db->store, again, &error), >, 0);
  g_assert_cmpstr (((TandemCriterion *) g_ptr_array_index (tandem_saved_search_get_criteria (again), 0))->value,
                   ==, "2026-12-31");

  parsed = tandem_criterion_parse ("city contains New York", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parsed->field, ==, "city");
  g_assert_cmpstr (parsed->op, ==, "contains");
  g_assert_cmpstr (parsed->value, ==, "New York");
  g_assert_null (tandem_criterion_parse ("city", &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
}

/* A private search is its owner's; what any search finds is only what the
 * reader may see, and a hidden activity gives no "last activity" (E1). */
static void
test_saved_search_visibility_E1 (TestDb        *db,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) sam = test_add_user (db, "sam", TANDEM_ROLE_USER, NULL);
  g_autoptr(TandemUser) dave = test_add_user (db, "dave", TANDEM_ROLE_USER, NULL);
  g_autoptr(TandemSavedSearch) mine = tandem_saved_search_new ("Sam's own", TANDEM_KIND_COMPANY);
  g_autoptr(TandemSavedSearch) recent = tandem_saved_search_new ("Recently contacted", TANDEM_KIND_COMPANY);
  g_autoptr(TandemSavedSearch) never = tandem_saved_search_new ("Never contacted", TANDEM_KIND_COMPANY);
  g_autoptr(TandemActivity) secret = tandem_activity_new ("Private lunch");
  g_autoptr(TandemActivity) open = tandem_activity_new ("Fair call");
  g_autoptr(GPtrArray) searches = NULL;
  g_autofree char *names = NULL;
  gint64 acme, birch;

  acme = add_company_in (db, "Acme Oy", "Helsinki", NULL);
  birch = add_company_in (db, "Birch Ab", "Turku", NULL);

  test_sign_in (db, "sam");
  tandem_activity_set_open_ended (secret, TRUE);
  tandem_activity_set_company_id (secret, acme);
  tandem_activity_set_visibility (secret, TANDEM_VISIBILITY_PRIVATE);
  g_assert_cmpint (tandem_store_save_activity (db->store, secret, &error), >, 0);
  g_assert_no_error (error);
  tandem_activity_set_open_ended (open, TRUE);
  tandem_activity_set_company_id (open, birch);
  g_assert_cmpint (tandem_store_save_activity (db->store, open, &error), >, 0);

  tandem_saved_search_set_shared (mine, FALSE);
  tandem_saved_search_add_criterion (mine, "name", "contains", "a");
  g_assert_cmpint (tandem_store_save_saved_search (db->store, mine, &error), >, 0);
  tandem_saved_search_add_criterion (recent, "last-activity", "within-days", "7");
  g_assert_cmpint (tandem_store_save_saved_search (db->store, recent, &error), >, 0);
  tandem_saved_search_add_criterion (never, "last-activity", "empty", NULL);
  g_assert_cmpint (tandem_store_save_saved_search (db->store, never, &error), >, 0);
  g_assert_no_error (error);

  names = search_names (db, recent);
  g_assert_cmpstr (names, ==, "Acme Oy|Birch Ab");
  g_clear_pointer (&names, g_free);

  test_sign_in (db, "dave");
  searches = tandem_store_list_saved_searches (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (searches->len, ==, 2);
  g_assert_null (tandem_store_find_saved_search (db->store, "Sam's own", &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Sam's private lunch does not make Acme "recently contacted" for Dave. */
  names = search_names (db, recent);
  g_assert_cmpstr (names, ==, "Birch Ab");
  g_clear_pointer (&names, g_free);
  names = search_names (db, never);
  g_assert_cmpstr (names, ==, "Acme Oy");
  g_clear_pointer (&names, g_free);

  /* Dave may not change Sam's shared search. */
  tandem_saved_search_set_name (recent, "Dave's now");
  g_assert_cmpint (tandem_store_save_saved_search (db->store, recent, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (tandem_store_delete_saved_search (db->store, tandem_saved_search_get_id (recent), &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
}


/* A campaign: a name, a period and a saved search as its target list;
 * sales and activities name it (I3). What others keep private is not
 * counted (E1). */
static void
test_campaigns_I3 (TestDb        *db,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) sam = test_add_user (db, "sam", TANDEM_ROLE_USER, NULL);
  g_autoptr(TandemUser) dave = test_add_user (db, "dave", TANDEM_ROLE_USER, NULL);
  g_autoptr(TandemSavedSearch) helsinki = tandem_saved_search_new ("In Helsinki", TANDEM_KIND_COMPANY);
  g_autoptr(TandemSavedSearch) secret = tandem_saved_search_new ("Dave's own", TANDEM_KIND_COMPANY);
  g_autoptr(TandemCampaign) spring = tandem_campaign_new ("Spring fair 2027");
  g_autoptr(TandemCampaign) loaded = NULL;
  g_autoptr(TandemProject) sale = NULL;
  g_autoptr(TandemActivity) call = tandem_activity_new ("Invite to the fair");
  g_autoptr(TandemActivity) lunch = tandem_activity_new ("Private lunch");
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) sales = NULL;
  TandemProjectQuery query = { 0, };
  gint64 acme, birch, spring_id, sale_id;

  acme = add_company_in (db, "Acme Oy", "Helsinki", NULL);
  birch = add_company_in (db, "Birch Ab", "Turku", NULL);
  add_company_in (db, "Cedar Oy", "helsinki", NULL);

  test_sign_in (db, "dave");
  tandem_saved_search_set_shared (secret, FALSE);
  g_assert_cmpint (tandem_store_save_saved_search (db->store, secret, &error), >, 0);

  test_sign_in (db, "sam");
  tandem_saved_search_add_criterion (helsinki, "city", "is", "Helsinki");
  g_assert_cmpint (tandem_store_save_saved_search (db->store, helsinki, &error), >, 0);

  /* Bad input is refused with a reason and saves nothing. */
  tandem_campaign_set_starts_on (spring, "2027-03-01");
  tandem_campaign_set_ends_on (spring, "2027-02-30");
  g_assert_cmpint (tandem_store_save_campaign (db->store, spring, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  tandem_campaign_set_ends_on (spring, "2027-02-28");
  g_assert_cmpint (tandem_store_save_campaign (db->store, spring, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before it starts"));
  g_clear_error (&error);
  tandem_campaign_set_ends_on (spring, "31.3.2027");
  tandem_campaign_set_search_id (spring, tandem_saved_search_get_id (secret));
  g_assert_cmpint (tandem_store_save_campaign (db->store, spring, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count (*) FROM campaigns"), ==, 0);

  tandem_campaign_set_search_id (spring, tandem_saved_search_get_id (helsinki));
  spring_id = tandem_store_save_campaign (db->store, spring, &error);
  g_assert_no_error (error);
  g_assert_cmpint (spring_id, >, 0);
  g_assert_cmpstr (tandem_campaign_get_ends_on (spring), ==, "2027-03-31");

  /* The target list is the search, run now: a company added later is in. */
  g_assert_cmpuint (tandem_store_count_campaign_targets (db->store, spring_id, &error), ==, 2);
  add_company_in (db, "Dahlia Oy", "HELSINKI", NULL);
  targets = tandem_store_list_campaign_targets (db->store, spring_id, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 3);

  /* A sale names the campaign by name; a new name adds a campaign. */
  sale = tandem_project_new_sale (acme, "Fair stand", 1);
  tandem_project_set_campaign (sale, "spring FAIR 2027");
  sale_id = tandem_store_save_project (db->store, sale, &error);
  g_assert_no_error (error);
  g_clear_object (&sale);
  sale = tandem_project_new_sale (birch, "Autumn leads", 1);
  tandem_project_set_campaign (sale, "Autumn mailing");
  g_assert_cmpint (tandem_store_save_project (db->store, sale, &error), >, 0);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count (*) FROM campaigns"), ==, 2);

  tandem_activity_set_open_ended (call, TRUE);
  tandem_activity_set_company_id (call, birch);
  tandem_activity_set_campaign (call, "Spring fair 2027");
  g_assert_cmpint (tandem_store_save_activity (db->store, call, &error), >, 0);
  g_assert_no_error (error);

  test_sign_in (db, "dave");
  tandem_activity_set_open_ended (lunch, TRUE);
  tandem_activity_set_company_id (lunch, acme);
  tandem_activity_set_campaign (lunch, "Spring fair 2027");
  tandem_activity_set_visibility (lunch, TANDEM_VISIBILITY_PRIVATE);
  g_assert_cmpint (tandem_store_save_activity (db->store, lunch, &error), >, 0);

  test_sign_in (db, "sam");
  loaded = tandem_store_find_campaign (db->store, "spring fair 2027", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_campaign_get_id (loaded), ==, spring_id);
  g_assert_cmpstr (tandem_campaign_get_search_name (loaded), ==, "In Helsinki");
  g_assert_cmpuint (tandem_campaign_get_n_sales (loaded), ==, 1);
  g_assert_cmpuint (tandem_campaign_get_n_activities (loaded), ==, 1);
  activities = tandem_store_list_activities_of (db->store, TANDEM_KIND_CAMPAIGN, spring_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 1);
  g_assert_cmpstr (tandem_activity_get_title (g_ptr_array_index (activities, 0)), ==, "Invite to the fair");
  g_assert_cmpstr (tandem_activity_get_campaign (g_ptr_array_index (activities, 0)), ==, "Spring fair 2027");
  query.campaign_id = spring_id;
  sales = tandem_store_list_projects (db->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sales->len, ==, 1);
  g_assert_cmpint (tandem_record_get_id (g_ptr_array_index (sales, 0)), ==, sale_id);

  /* Renamed, the sale is found by its new name; only its creator or an
   * administrator may change it. */
  tandem_campaign_set_name (loaded, "Spring fair 2027 (Helsinki)");
  g_assert_cmpint (tandem_store_save_campaign (db->store, loaded, &error), ==, spring_id);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) hits = tandem_store_search (db->store, "Helsinki", 50, &error);
    gboolean found = FALSE;

    for (guint i = 0; i < hits->len; i++)
      found |= tandem_search_hit_get_kind (g_ptr_array_index (hits, i)) == TANDEM_KIND_PROJECT;
    g_assert_true (found);
  }
  test_sign_in (db, "dave");
  g_assert_false (tandem_store_delete_campaign (db->store, spring_id, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  {
    g_autoptr(TandemCampaign) as_dave = tandem_store_get_campaign (db->store, spring_id, &error);

    /* Dave sees his own private lunch, Sam's call, and the sale. */
    g_assert_cmpuint (tandem_campaign_get_n_activities (as_dave), ==, 2);
  }

  /* Deleted, its sale stays, without a campaign. */
  test_sign_in (db, "sam");
  g_assert_true (tandem_store_delete_campaign (db->store, spring_id, &error));
  g_assert_no_error (error);
  g_clear_object (&sale);
  sale = tandem_store_get_project (db->store, sale_id, &error);
  g_assert_no_error (error);
  g_assert_null (tandem_project_get_campaign (sale));
}

static char *
recipient_lines (TestDb                     *db,
                 const TandemRecipientQuery *query,
                 guint                      *n_left_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemRecipientCursor) cursor = tandem_store_open_recipients (db->store, query, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  TandemPostalAddress *a;

  g_assert_no_error (error);
  while ((a = tandem_recipient_cursor_next (cursor, &error)) != NULL)
    {
      g_string_append_printf (out, "%s/%s/%s/%s/%s/%s;", a->name, a->contact ? a->contact : "",
                              a->street ? a->street : "", a->postcode ? a->postcode : "",
                              a->city ? a->city : "", a->country ? a->country : "");
      tandem_postal_address_free (a);
    }
  g_assert_no_error (error);
  if (n_left_out != NULL)
    *n_left_out = tandem_recipient_cursor_get_n_left_out (cursor);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whom a label sheet is for (I4): a person at a company gets the
 * company's name and their own as contact, at the company's postal
 * address; "Do not contact" is left out unless asked for, a person also
 * through their company; one label per contact; a deleted company none. */
static void
test_label_recipients_I4 (TestDb        *db,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) acme = tandem_company_new ("Acme Oy");
  g_autoptr(TandemCompany) lodz = tandem_company_new ("Łódź Tools sp. z o.o.");
  g_autoptr(TandemPerson) home = tandem_person_new ("Maija Koti");
  g_autofree char *lines = NULL;
  gint64 fair = add_group (db, "Fair visitors");
  gint64 acme_id, lodz_id, pekka, anna, maija, gone;
  guint left_out = 0;

  g_object_set (acme, "visit-street", "Tehdaskatu 1", "visit-postcode", "33100", "visit-city", "Tampere",
                "postal-street", "PL 12", "postal-postcode", "33101", "postal-city", "Tampere", NULL);
  acme_id = tandem_store_save_company (db->store, acme, &error);
  g_object_set (lodz, "visit-street", "ul. Piotrkowska 1", "visit-postcode", "90-001", "visit-city", "Łódź",
                "visit-country", "PL", NULL);
  lodz_id = tandem_store_save_company (db->store, lodz, &error);
  g_object_set (home, "street", "Kotikatu 2", "postcode", "00100", "city", "Helsinki", NULL);
  maija = tandem_store_save_person (db->store, home, &error);
  g_assert_no_error (error);
  pekka = add_person_at (db, "Pekka Virtanen", acme_id);
  anna = add_person_at (db, "Anna Nowak", lodz_id);
  gone = add_company_in (db, "Gone Oy", "Espoo", NULL);

  put_in (db, fair, TANDEM_KIND_PERSON, pekka);
  put_in (db, fair, TANDEM_KIND_PERSON, anna);
  put_in (db, fair, TANDEM_KIND_PERSON, maija);
  put_in (db, fair, TANDEM_KIND_COMPANY, lodz_id);
  put_in (db, fair, TANDEM_KIND_COMPANY, gone);
  put_in (db, GROUP_DO_NOT_CONTACT, TANDEM_KIND_COMPANY, lodz_id);
  g_assert_true (tandem_store_delete (db->store, TANDEM_KIND_COMPANY, gone, &error));

  {
    TandemGroupFilter filter = { .include = (gint64[]) { fair, GROUP_MAILING }, .n_include = 2 };
    TandemRecipientQuery query = { .groups = &filter };

    lines = recipient_lines (db, &query, &left_out);
    g_assert_cmpstr (lines, ==,
                     "Maija Koti//Kotikatu 2/00100/Helsinki/;"
                     "Acme Oy/Pekka Virtanen/PL 12/33101/Tampere/;");
    g_assert_cmpuint (left_out, ==, 2);
    g_assert_cmpuint (tandem_store_count_recipients (db->store, &query, &left_out, &error), ==, 2);
    g_assert_cmpuint (left_out, ==, 2);
    g_clear_pointer (&lines, g_free);

    query.include_do_not_contact = TRUE;
    lines = recipient_lines (db, &query, &left_out);
    g_assert_cmpstr (lines, ==,
                     "Łódź Tools sp. z o.o./Anna Nowak/ul. Piotrkowska 1/90-001/Łódź/PL;"
                     "Maija Koti//Kotikatu 2/00100/Helsinki/;"
                     "Acme Oy/Pekka Virtanen/PL 12/33101/Tampere/;"
                     "Łódź Tools sp. z o.o.//ul. Piotrkowska 1/90-001/Łódź/PL;");
    g_assert_cmpuint (left_out, ==, 0);
    g_clear_pointer (&lines, g_free);
  }

  {
    /* A selection keeps its order and names each contact once. */
    TandemContactRef refs[] = { { TANDEM_KIND_PERSON, pekka }, { TANDEM_KIND_COMPANY, acme_id },
                                { TANDEM_KIND_PERSON, pekka }, { TANDEM_KIND_COMPANY, gone } };
    TandemRecipientQuery query = { .refs = refs, .n_refs = G_N_ELEMENTS (refs) };

    lines = recipient_lines (db, &query, NULL);
    g_assert_cmpstr (lines, ==, "Acme Oy/Pekka Virtanen/PL 12/33101/Tampere/;Acme Oy//PL 12/33101/Tampere/;");
    g_clear_pointer (&lines, g_free);
  }

  {
    /* A campaign without a target list says so; two sources are refused. */
    g_autoptr(TandemCampaign) campaign = tandem_campaign_new ("Christmas cards");
    TandemGroupFilter filter = { 0, };
    TandemRecipientQuery query = { 0, };
    g_autoptr(TandemRecipientCursor) cursor = NULL;

    query.campaign_id = tandem_store_save_campaign (db->store, campaign, &error);
    g_assert_no_error (error);
    cursor = tandem_store_open_recipients (db->store, &query, &error);
    g_assert_null (cursor);
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
    g_clear_error (&error);
    query.groups = &filter;
    g_assert_null (tandem_store_open_recipients (db->store, &query, &error));
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/groups/kept-by-administrators-I1", TestDb, NULL,
              test_db_setup, test_groups_kept_by_admins_I1, test_db_teardown);
  g_test_add ("/groups/membership-many-groups-I1", TestDb, NULL,
              test_db_setup, test_membership_many_groups_I1, test_db_teardown);
  g_test_add ("/groups/fair-visitors-not-contacted-I2", TestDb, NULL,
              test_db_setup, test_include_exclude_I2, test_db_teardown);
  g_test_add ("/groups/record-call-and-move-I2", TestDb, NULL,
              test_db_setup, test_record_call_moves_I2, test_db_teardown);
  g_test_add ("/saved-searches/any-field-all-or-any-K2", TestDb, NULL,
              test_db_setup, test_saved_search_fields_K2, test_db_teardown);
  g_test_add ("/saved-searches/bad-input-saves-nothing-K2", TestDb, NULL,
              test_db_setup, test_saved_search_bad_input_K2, test_db_teardown);
  g_test_add ("/saved-searches/visibility-E1", TestDb, NULL,
              test_db_setup, test_saved_search_visibility_E1, test_db_teardown);

  g_test_add ("/campaigns/target-list-sales-activities-I3", TestDb, NULL,
              test_db_setup, test_campaigns_I3, test_db_teardown);

  g_test_add ("/labels/recipients-do-not-contact-I4", TestDb, NULL,
              test_db_setup, test_label_recipients_I4, test_db_teardown);

  return g_test_run ();
}
