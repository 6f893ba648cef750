/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include "tandem-test-db.h"

#define ADD_DB_TEST(path, func) \
  g_test_add (path, TestDb, NULL, test_db_setup, func, test_db_teardown)

/* A5: the first administrator is created once. */
static void
test_first_admin_once (TestDb        *db,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) second = NULL;

  g_assert_false (tandem_store_needs_first_admin (db->store));
  g_assert_true (tandem_user_is_admin (db->admin));
  g_assert_cmpint (tandem_user_get_id (tandem_store_get_user (db->store)), ==, tandem_user_get_id (db->admin));

  second = tandem_store_create_first_admin (db->store, "mallory", "Mallory", "another-password", &error);
  g_assert_null (second);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM users"), ==, 1);
}

/* A1: a wrong password and an unknown login give the same answer. */
static void
test_sign_in_same_error (TestDb        *db,
              gconstpointer  data)
{
  g_autoptr(GError) wrong = NULL;
  g_autoptr(GError) unknown = NULL;
  g_autoptr(GError) error = NULL;

  tandem_store_sign_out (db->store);
  g_assert_null (tandem_store_get_user (db->store));

  g_assert_false (tandem_store_sign_in (db->store, TEST_ADMIN_LOGIN, "not-the-password", &wrong));
  g_assert_error (wrong, TANDEM_ERROR, TANDEM_ERROR_AUTH);
  g_assert_null (tandem_store_get_user (db->store));

  g_assert_false (tandem_store_sign_in (db->store, "nobody", "not-the-password", &unknown));
  g_assert_error (unknown, TANDEM_ERROR, TANDEM_ERROR_AUTH);
  g_assert_cmpstr (wrong->message, ==, unknown->message);

  g_assert_true (tandem_store_sign_in (db->store, TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_user_get_login (tandem_store_get_user (db->store)), ==, TEST_ADMIN_LOGIN);

  /* Logins are not case sensitive and stray blanks do not matter. */
  tandem_store_sign_out (db->store);
  g_assert_true (tandem_store_sign_in (db->store, " ADMIN ", TEST_ADMIN_PASSWORD, &error));
  g_assert_no_error (error);
}

/* A3: only an Argon2id hash is stored, never the password. */
static void
test_password_stored_as_hash (TestDb        *db,
                              gconstpointer  data)
{
  g_autoptr(TandemUser) user = test_add_user (db, "bea", TANDEM_ROLE_USER, NULL);
  g_autofree char *admin_hash = test_sql_text (db->path, "SELECT password_hash FROM users WHERE login = 'admin'");
  g_autofree char *user_hash = test_sql_text (db->path, "SELECT password_hash FROM users WHERE login = 'bea'");
  g_autofree char *dump = NULL;

  g_assert_true (g_str_has_prefix (admin_hash, "$argon2id$"));
  g_assert_true (g_str_has_prefix (user_hash, "$argon2id$"));
  g_assert_null (strstr (admin_hash, TEST_ADMIN_PASSWORD));
  g_assert_null (strstr (user_hash, TEST_PASSWORD));
  /* Salted: the same kind of password twice gives different hashes. */
  g_assert_cmpstr (admin_hash, !=, user_hash);

  dump = test_sql_text (db->path, "SELECT group_concat (login || name || password_hash) FROM users");
  g_assert_null (strstr (dump, TEST_ADMIN_PASSWORD));
  g_assert_null (strstr (dump, TEST_PASSWORD));
}

/* A4: an account that was switched off cannot sign in. */
static void
test_inactive_user (TestDb        *db,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) user = test_add_user (db, "bea", TANDEM_ROLE_USER, NULL);

  tandem_user_set_active (user, FALSE);
  g_assert_true (tandem_store_update_user (db->store, user, &error));
  g_assert_no_error (error);

  tandem_store_sign_out (db->store);
  g_assert_false (tandem_store_sign_in (db->store, "bea", TEST_PASSWORD, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH);
  g_assert_null (tandem_store_get_user (db->store));
}

/* A4, L1: only administrators add users, groups and fields. */
static void
test_only_admin_manages (TestDb        *db,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) user = NULL;
  g_autoptr(TandemUser) manager = NULL;
  g_autoptr(TandemUser) other = NULL;
  g_autoptr(TandemField) field = tandem_field_new (TANDEM_KIND_COMPANY, TANDEM_FIELD_CLASSIFICATION,
                                                   "Industry", TANDEM_FIELD_TEXT);
  gint64 sales;

  sales = tandem_store_add_group (db->store, "Sales team", &error);
  g_assert_no_error (error);
  user = test_add_user (db, "bea", TANDEM_ROLE_USER, "Sales team");
  manager = test_add_user (db, "max", TANDEM_ROLE_MANAGER, NULL);
  g_assert_cmpstr (tandem_user_get_groups (user)[0], ==, "Sales team");

  for (guint i = 0; i < 2; i++)
    {
      test_sign_in (db, i == 0 ? "bea" : "max");

      other = tandem_store_add_user (db->store, "eve", "Eve", TEST_PASSWORD, TANDEM_ROLE_ADMIN, NULL, &error);
      g_assert_null (other);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
      g_clear_error (&error);

      g_assert_cmpint (tandem_store_add_group (db->store, "Owners", &error), ==, 0);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
      g_clear_error (&error);

      g_assert_false (tandem_store_rename_group (db->store, sales, "Renamed", &error));
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
      g_clear_error (&error);

      g_assert_cmpint (tandem_store_add_field (db->store, field, &error), ==, 0);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
      g_clear_error (&error);

      g_assert_cmpint (tandem_store_add_partner_role (db->store, "Customer", &error), ==, 0);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
      g_clear_error (&error);

      /* Promoting oneself is not possible either. */
      tandem_user_set_role (i == 0 ? user : manager, TANDEM_ROLE_ADMIN);
      g_assert_false (tandem_store_update_user (db->store, i == 0 ? user : manager, &error));
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
      g_clear_error (&error);

      /* Another user's password neither. */
      g_assert_false (tandem_store_set_password (db->store, TEST_ADMIN_LOGIN, "taken-over-1", &error));
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
      g_clear_error (&error);
    }

  /* Nothing changed. */
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM users"), ==, 3);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM teams"), ==, 1);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM fields"), ==, 0);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM partner_roles"), ==, 0);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM users WHERE role = 0"), ==, 1);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM teams WHERE name = 'Sales team'"), ==, 1);

  test_sign_in (db, TEST_ADMIN_LOGIN);
  g_assert_true (tandem_store_sign_in (db->store, TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD, &error));
  g_assert_no_error (error);
}

/* A4: Tandem always keeps one active administrator. The user object the
 * first-admin call returned is edited like a settings form would; a refused
 * change must not change the session either. */
static void
test_last_admin_kept (TestDb        *db,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) second = NULL;

  tandem_user_set_role (db->admin, TANDEM_ROLE_USER);
  g_assert_false (tandem_store_update_user (db->store, db->admin, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "at least one active administrator"));
  g_clear_error (&error);
  g_assert_true (tandem_user_is_admin (tandem_store_get_user (db->store)));

  tandem_user_set_role (db->admin, TANDEM_ROLE_ADMIN);
  tandem_user_set_active (db->admin, FALSE);
  g_assert_false (tandem_store_update_user (db->store, db->admin, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "at least one active administrator"));
  g_clear_error (&error);
  g_assert_true (tandem_user_get_active (tandem_store_get_user (db->store)));
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM users WHERE role = 0 AND active"), ==, 1);

  /* With a second administrator, the first may step down. */
  second = test_add_user (db, "root2", TANDEM_ROLE_ADMIN, NULL);
  tandem_user_set_active (db->admin, TRUE);
  tandem_user_set_role (db->admin, TANDEM_ROLE_MANAGER);
  g_assert_true (tandem_store_update_user (db->store, db->admin, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM users WHERE role = 0 AND active"), ==, 1);
  g_assert_false (tandem_user_is_admin (tandem_store_get_user (db->store)));

  /* ... and then the second is the last one. */
  test_sign_in (db, "root2");
  tandem_user_set_active (second, FALSE);
  g_assert_false (tandem_store_update_user (db->store, second, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "at least one active administrator"));
}

/* B1: a company needs nothing but its name. */
static void
test_company_name_only (TestDb        *db,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) loaded = NULL;
  gint64 id;

  id = test_add_company (db, "  Rautakauppa Virtanen Oy ");
  loaded = tandem_store_get_company (db->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_company_get_name (loaded), ==, "Rautakauppa Virtanen Oy");
  g_assert_null (tandem_company_get_text (loaded, "phone"));
  g_assert_cmpuint (tandem_store_count (db->store, TANDEM_KIND_COMPANY, NULL), ==, 1);
}

static void
test_company_blank_name (TestDb        *db,
                         gconstpointer  data)
{
  const char *names[] = { "", "   ", "\t\n", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemCompany) company = tandem_company_new (names[i]);

      tandem_company_set_text (company, "phone", "+358 40 123 4567");
      g_assert_cmpint (tandem_store_save_company (db->store, company, &error), ==, 0);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
      g_assert_cmpint (tandem_record_get_id (TANDEM_RECORD (company)), ==, 0);
    }
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM companies"), ==, 0);
}

/* B2: every basic detail comes back as it was saved. */
static void
test_company_all_fields (TestDb        *db,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new ("Kowalski i Synowie sp. z o.o.");
  g_autoptr(TandemCompany) loaded = NULL;
  gint64 id;

  for (guint i = 1; tandem_company_text_fields[i]; i++)
    {
      const char *field = tandem_company_text_fields[i];
      g_autofree char *value = NULL;

      if (g_str_equal (field, "email"))
        value = g_strdup ("biuro@kowalski.example.pl");
      else if (g_str_equal (field, "business-id"))
        value = g_strdup ("1234563218");
      else
        value = g_strdup_printf ("%s of Kowalski — żółć", field);
      tandem_company_set_text (company, field, value);
    }
  id = tandem_store_save_company (db->store, company, &error);
  g_assert_no_error (error);

  loaded = tandem_store_get_company (db->store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; tandem_company_text_fields[i]; i++)
    g_assert_cmpstr (tandem_company_get_text (loaded, tandem_company_text_fields[i]), ==,
                     tandem_company_get_text (company, tandem_company_text_fields[i]));

  /* Clearing a detail stores nothing for it. */
  tandem_company_set_text (loaded, "fax", "");
  g_assert_cmpint (tandem_store_save_company (db->store, loaded, &error), ==, id);
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = tandem_store_get_company (db->store, id, &error);
  g_assert_null (tandem_company_get_text (loaded, "fax"));
}

/* B2: Y-tunnus and NIP are checked and normalised as the company is saved. */
static void
test_company_business_id (TestDb        *db,
                          gconstpointer  data)
{
  struct { const char *typed; const char *stored; } good[] = {
    { "0112038-9", "0112038-9" },
    { "FI01120389", "0112038-9" },
    { " 0112038 - 9 ", "0112038-9" },
    { "PL 123-456-32-18", "1234563218" },
    { "DE 123456789", "DE 123456789" },
  };
  const char *bad[] = { "0112038-8", "1234563219", "PL 12345", "no digits" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemCompany) company = tandem_company_new ("Business Oy");
      g_autoptr(TandemCompany) loaded = NULL;
      gint64 id;

      tandem_company_set_text (company, "business-id", good[i].typed);
      id = tandem_store_save_company (db->store, company, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (tandem_company_get_text (company, "business-id"), ==, good[i].stored);
      loaded = tandem_store_get_company (db->store, id, &error);
      g_assert_cmpstr (tandem_company_get_text (loaded, "business-id"), ==, good[i].stored);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemCompany) company = tandem_company_new ("Bad Business Oy");

      tandem_company_set_text (company, "business-id", bad[i]);
      g_assert_cmpint (tandem_store_save_company (db->store, company, &error), ==, 0);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
      /* The message quotes what was typed, so the user sees which. */
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM companies WHERE name = 'Bad Business Oy'"), ==, 0);
}

/* B2, C2: e-mail addresses get a sanity check. */
static void
test_email_sanity (TestDb        *db,
                   gconstpointer  data)
{
  const char *bad[] = { "anna", "anna@", "@example.com", "anna@example", "anna virtanen@example.com" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemCompany) company = tandem_company_new ("Mail Oy");
      g_autoptr(TandemPerson) person = tandem_person_new ("Anna Virtanen");

      tandem_company_set_text (company, "email", bad[i]);
      g_assert_cmpint (tandem_store_save_company (db->store, company, &error), ==, 0);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
      g_clear_error (&error);

      g_object_set (person, "email", bad[i], NULL);
      g_assert_cmpint (tandem_store_save_person (db->store, person, &error), ==, 0);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
    }
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM companies"), ==, 0);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM people"), ==, 0);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TandemCompany) company = tandem_company_new ("Mail Oy");

    tandem_company_set_text (company, "email", " anna.virtanen@example.fi ");
    g_assert_cmpint (tandem_store_save_company (db->store, company, &error), >, 0);
    g_assert_no_error (error);
  }
}

/* B3: partner roles, several per company; an unknown one saves nothing. */
static void
test_company_roles (TestDb        *db,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new ("Roles Oy");
  g_autoptr(TandemCompany) loaded = NULL;
  g_autoptr(TandemCompany) fresh = tandem_company_new ("Stranger Oy");
  const char *roles[] = { "Supplier", "Customer", NULL };
  const char *unknown[] = { "Customer", "Alien", NULL };
  const char * const *got;
  gint64 id;

  g_assert_cmpint (tandem_store_add_partner_role (db->store, "Customer", &error), >, 0);
  g_assert_cmpint (tandem_store_add_partner_role (db->store, "Supplier", &error), >, 0);
  g_assert_cmpint (tandem_store_add_partner_role (db->store, "customer", &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS);
  g_clear_error (&error);

  tandem_company_set_roles (company, roles);
  id = tandem_store_save_company (db->store, company, &error);
  g_assert_no_error (error);
  loaded = tandem_store_get_company (db->store, id, &error);
  got = tandem_company_get_roles (loaded);
  g_assert_cmpuint (g_strv_length ((char **) got), ==, 2);
  g_assert_cmpstr (got[0], ==, "Customer");
  g_assert_cmpstr (got[1], ==, "Supplier");

  /* An unknown role: refused, the saved roles and name stay. */
  tandem_company_set_name (loaded, "Renamed Roles Oy");
  tandem_company_set_roles (loaded, unknown);
  g_assert_cmpint (tandem_store_save_company (db->store, loaded, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Alien"));
  g_clear_error (&error);
  g_clear_object (&loaded);
  loaded = tandem_store_get_company (db->store, id, &error);
  g_assert_cmpstr (tandem_company_get_name (loaded), ==, "Roles Oy");
  g_assert_cmpuint (g_strv_length ((char **) tandem_company_get_roles (loaded)), ==, 2);

  tandem_company_set_roles (fresh, unknown);
  g_assert_cmpint (tandem_store_save_company (db->store, fresh, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM companies"), ==, 1);
}

static TandemField *
add_field (TestDb          *db,
           TandemKind       entity,
           const char      *name,
           TandemFieldType  type)
{
  g_autoptr(GError) error = NULL;
  TandemField *field = tandem_field_new (entity,
                                         type == TANDEM_FIELD_CHOICE ? TANDEM_FIELD_CLASSIFICATION
                                                                     : TANDEM_FIELD_ADDITIONAL,
                                         name, type);

  if (type == TANDEM_FIELD_CHOICE)
    {
      const char *choices[] = { "A", "B", "C", NULL };
      tandem_field_set_choices (field, choices);
    }
  g_assert_cmpint (tandem_store_add_field (db->store, field, &error), >, 0);
  g_assert_no_error (error);
  return field;
}

/* B4, B5: typed fields take valid values, normalised; refuse the rest. */
static void
test_typed_fields (TestDb        *db,
                   gconstpointer  data)
{
  struct {
    const char     *name;
    TandemFieldType type;
    const char     *typed;
    const char     *stored;
    const char     *invalid;
  } cases[] = {
    { "Employees", TANDEM_FIELD_NUMBER, "1,5", "1.5", "many" },
    { "Founded", TANDEM_FIELD_DATE, "31.12.2026", "2026-12-31", "2026-02-29" },
    { "Newsletter", TANDEM_FIELD_BOOL, "yes", "1", "perhaps" },
    { "Intranet", TANDEM_FIELD_LINK, "intra.example.com", "https://intra.example.com", "not a link" },
    { "ABC class", TANDEM_FIELD_CHOICE, "B", "B", "D" },
    { "Industry", TANDEM_FIELD_TEXT, " Hardware ", "Hardware", NULL },
  };
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new ("Fields Oy");
  g_autoptr(TandemCompany) loaded = NULL;
  g_autoptr(TandemField) duplicate = tandem_field_new (TANDEM_KIND_COMPANY, TANDEM_FIELD_ADDITIONAL,
                                                       "employees", TANDEM_FIELD_TEXT);
  g_autoptr(TandemField) no_choices = tandem_field_new (TANDEM_KIND_COMPANY, TANDEM_FIELD_CLASSIFICATION,
                                                        "Size class", TANDEM_FIELD_CHOICE);
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_ptr_array_add (fields, add_field (db, TANDEM_KIND_COMPANY, cases[i].name, cases[i].type));

  g_assert_cmpint (tandem_store_add_field (db->store, duplicate, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_add_field (db->store, no_choices, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    tandem_record_set_field_value (TANDEM_RECORD (company),
                                   tandem_field_get_id (g_ptr_array_index (fields, i)), cases[i].typed);
  id = tandem_store_save_company (db->store, company, &error);
  g_assert_no_error (error);

  loaded = tandem_store_get_company (db->store, id, &error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (tandem_record_get_field_value (TANDEM_RECORD (loaded),
                                                    tandem_field_get_id (g_ptr_array_index (fields, i))),
                     ==, cases[i].stored);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TandemCompany) other = tandem_company_new ("Invalid Fields Oy");

      if (cases[i].invalid == NULL)
        continue;
      tandem_record_set_field_value (TANDEM_RECORD (other),
                                     tandem_field_get_id (g_ptr_array_index (fields, i)), cases[i].invalid);
      g_assert_cmpint (tandem_store_save_company (db->store, other, &error), ==, 0);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
      /* The message names the field. */
      g_assert_nonnull (strstr (error->message, cases[i].name));
      g_clear_error (&error);
    }
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM companies"), ==, 1);

  /* People have fields of their own (C2); a company field is not theirs. */
  {
    g_autoptr(TandemField) person_field = add_field (db, TANDEM_KIND_PERSON, "Birthday", TANDEM_FIELD_DATE);
    g_autoptr(TandemPerson) person = tandem_person_new ("Jan Kowalski");
    g_autoptr(TandemPerson) loaded_person = NULL;
    gint64 person_id;

    tandem_record_set_field_value (TANDEM_RECORD (person), tandem_field_get_id (person_field), "2026-03-01");
    person_id = tandem_store_save_person (db->store, person, &error);
    g_assert_no_error (error);
    loaded_person = tandem_store_get_person (db->store, person_id, &error);
    g_assert_cmpstr (tandem_record_get_field_value (TANDEM_RECORD (loaded_person), tandem_field_get_id (person_field)),
                     ==, "2026-03-01");
    g_assert_null (tandem_record_get_field_value (TANDEM_RECORD (loaded_person),
                                                  tandem_field_get_id (g_ptr_array_index (fields, 0))));

    tandem_record_set_field_value (TANDEM_RECORD (loaded_person),
                                   tandem_field_get_id (g_ptr_array_index (fields, 0)), "12");
    g_assert_cmpint (tandem_store_save_person (db->store, loaded_person, &error), ==, 0);
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
    g_clear_error (&error);
  }
}

/* B5: deleting a field removes its values. */
static void
test_delete_field (TestDb        *db,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemField) field = add_field (db, TANDEM_KIND_COMPANY, "Industry", TANDEM_FIELD_TEXT);
  g_autoptr(TandemField) kept = add_field (db, TANDEM_KIND_COMPANY, "Region", TANDEM_FIELD_TEXT);
  g_autoptr(TandemCompany) company = tandem_company_new ("Fields Oy");
  g_autoptr(TandemCompany) loaded = NULL;
  g_autoptr(GPtrArray) left = NULL;
  gint64 id;

  tandem_record_set_field_value (TANDEM_RECORD (company), tandem_field_get_id (field), "Hardware");
  tandem_record_set_field_value (TANDEM_RECORD (company), tandem_field_get_id (kept), "Uusimaa");
  id = tandem_store_save_company (db->store, company, &error);
  g_assert_no_error (error);

  g_assert_true (tandem_store_delete_field (db->store, tandem_field_get_id (field), &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM field_values"), ==, 1);

  loaded = tandem_store_get_company (db->store, id, &error);
  g_assert_null (tandem_record_get_field_value (TANDEM_RECORD (loaded), tandem_field_get_id (field)));
  g_assert_cmpstr (tandem_record_get_field_value (TANDEM_RECORD (loaded), tandem_field_get_id (kept)), ==, "Uusimaa");
  left = tandem_store_list_fields (db->store, TANDEM_KIND_COMPANY, &error);
  g_assert_cmpuint (left->len, ==, 1);

  /* The old value is not found by search any more. */
  {
    g_autoptr(GPtrArray) hits = tandem_store_search (db->store, "Hardware", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 0);
  }
}

/* C1: people with and without a company; a missing company is an error. */
static void
test_people (TestDb        *db,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemPerson) alone = tandem_person_new ("Matti Meikäläinen");
  g_autoptr(TandemPerson) employee = tandem_person_new ("Anna Nowak");
  g_autoptr(TandemPerson) orphan = tandem_person_new ("Nobody's Child");
  g_autoptr(TandemPerson) blank = tandem_person_new ("  ");
  g_autoptr(TandemPerson) loaded = NULL;
  g_autoptr(GPtrArray) people = NULL;
  gint64 company_id, alone_id, employee_id;

  company_id = test_add_company (db, "Nowak Sp. J.");

  alone_id = tandem_store_save_person (db->store, alone, &error);
  g_assert_no_error (error);
  loaded = tandem_store_get_person (db->store, alone_id, &error);
  g_assert_cmpint (tandem_person_get_company_id (loaded), ==, 0);
  g_assert_null (tandem_person_get_company_name (loaded));
  g_clear_object (&loaded);

  tandem_person_set_company_id (employee, company_id);
  g_object_set (employee, "job-title", "Dyrektor handlowy", "phone", "+48 22 123 45 67", NULL);
  employee_id = tandem_store_save_person (db->store, employee, &error);
  g_assert_no_error (error);
  loaded = tandem_store_get_person (db->store, employee_id, &error);
  g_assert_cmpint (tandem_person_get_company_id (loaded), ==, company_id);
  g_assert_cmpstr (tandem_person_get_company_name (loaded), ==, "Nowak Sp. J.");
  g_assert_cmpstr (tandem_person_get_text (loaded, "job-title"), ==, "Dyrektor handlowy");

  people = tandem_store_list_people_of (db->store, company_id, &error);
  g_assert_cmpuint (people->len, ==, 1);

  tandem_person_set_company_id (orphan, 4242);
  g_assert_cmpint (tandem_store_save_person (db->store, orphan, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (tandem_store_save_person (db->store, blank, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM people"), ==, 2);
}

/* A failing save changes nothing, not even the parts before the error. */
static void
test_save_all_or_nothing (TestDb        *db,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemField) first = add_field (db, TANDEM_KIND_COMPANY, "Industry", TANDEM_FIELD_TEXT);
  g_autoptr(TandemField) second = add_field (db, TANDEM_KIND_COMPANY, "Employees", TANDEM_FIELD_NUMBER);
  g_autoptr(TandemCompany) company = tandem_company_new ("Atomic Oy");
  g_autoptr(TandemCompany) edit = NULL;
  g_autoptr(TandemCompany) after = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  const char *roles[] = { "Customer", NULL };
  const char *no_roles[] = { NULL };
  gint64 id;

  g_assert_cmpint (tandem_store_add_partner_role (db->store, "Customer", &error), >, 0);
  tandem_company_set_roles (company, roles);
  tandem_company_set_text (company, "visit-city", "Tampere");
  tandem_record_set_field_value (TANDEM_RECORD (company), tandem_field_get_id (first), "Hardware");
  tandem_record_set_field_value (TANDEM_RECORD (company), tandem_field_get_id (second), "12");
  id = tandem_store_save_company (db->store, company, &error);
  g_assert_no_error (error);

  edit = tandem_store_get_company (db->store, id, &error);
  tandem_company_set_name (edit, "Changed Oy");
  tandem_company_set_text (edit, "visit-city", "Turku");
  tandem_company_set_roles (edit, no_roles);
  tandem_record_set_field_value (TANDEM_RECORD (edit), tandem_field_get_id (first), "Software");
  tandem_record_set_field_value (TANDEM_RECORD (edit), tandem_field_get_id (second), "twelve");
  g_assert_cmpint (tandem_store_save_company (db->store, edit, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);

  after = tandem_store_get_company (db->store, id, &error);
  g_assert_cmpstr (tandem_company_get_name (after), ==, "Atomic Oy");
  g_assert_cmpstr (tandem_company_get_text (after, "visit-city"), ==, "Tampere");
  g_assert_cmpuint (g_strv_length ((char **) tandem_company_get_roles (after)), ==, 1);
  g_assert_cmpstr (tandem_record_get_field_value (TANDEM_RECORD (after), tandem_field_get_id (first)), ==, "Hardware");
  g_assert_cmpstr (tandem_record_get_field_value (TANDEM_RECORD (after), tandem_field_get_id (second)), ==, "12");

  /* The search index was not touched either. */
  hits = tandem_store_search (db->store, "Changed", 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = tandem_store_search (db->store, "Atomic", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);

  /* Inside a caller's transaction, a failed save leaves the rest alone. */
  g_assert_true (tandem_store_begin (db->store, &error));
  test_add_company (db, "Kept Oy");
  g_assert_cmpint (tandem_store_save_company (db->store, edit, &error), ==, 0);
  g_clear_error (&error);
  g_assert_true (tandem_store_commit (db->store, &error));
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM companies"), ==, 2);
}

/* Delete moves out of sight, restore brings back, reopening purges. */
static void
test_delete_restore_purge (TestDb        *db,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = NULL;
  g_autoptr(TandemPerson) person = tandem_person_new ("Liisa Virtanen");
  g_autoptr(TandemNote) note = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 id, person_id, note_id;

  id = test_add_company (db, "Ephemeral Oy");
  tandem_person_set_company_id (person, id);
  person_id = tandem_store_save_person (db->store, person, &error);
  note = tandem_note_new (TANDEM_KIND_COMPANY, id, "Called about ephemeral things");
  note_id = tandem_store_save_note (db->store, note, &error);
  g_assert_no_error (error);

  g_assert_true (tandem_store_delete (db->store, TANDEM_KIND_COMPANY, id, &error));
  g_assert_no_error (error);
  company = tandem_store_get_company (db->store, id, &error);
  g_assert_null (company);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (tandem_store_count (db->store, TANDEM_KIND_COMPANY, NULL), ==, 0);
  hits = tandem_store_search (db->store, "ephemeral", 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_true (tandem_store_restore (db->store, TANDEM_KIND_COMPANY, id, &error));
  g_assert_no_error (error);
  company = tandem_store_get_company (db->store, id, &error);
  g_assert_nonnull (company);
  /* The company, its note, and its person found by the company name. */
  hits = tandem_store_search (db->store, "ephemeral", 10, &error);
  g_assert_cmpuint (hits->len, ==, 3);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Deleting twice is an error, not a crash. */
  g_assert_true (tandem_store_delete (db->store, TANDEM_KIND_COMPANY, id, &error));
  g_assert_false (tandem_store_delete (db->store, TANDEM_KIND_COMPANY, id, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  test_db_reopen (db);
  test_sign_in (db, TEST_ADMIN_LOGIN);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM companies"), ==, 0);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM notes"), ==, 0);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM people WHERE company_id IS NULL"), ==, 1);
  /* The person stays, no longer found by the purged company's name. */
  hits = tandem_store_search (db->store, "ephemeral", 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = tandem_store_search (db->store, "liisa", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_false (tandem_store_restore (db->store, TANDEM_KIND_COMPANY, id, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_assert_cmpint (person_id, >, 0);
  g_assert_cmpint (note_id, >, 0);
}

/* Groups: renaming keeps members; deleting a group that restricts notes is
 * refused (E2). */
static void
test_groups (TestDb        *db,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) user = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) users = NULL;
  gint64 sales, owners;

  sales = tandem_store_add_group (db->store, "Sales team", &error);
  owners = tandem_store_add_group (db->store, "Owners", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_store_add_group (db->store, "  ", &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_add_group (db->store, "sales TEAM", &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS);
  g_clear_error (&error);

  user = tandem_store_add_user (db->store, "bea", "Bea", TEST_PASSWORD, TANDEM_ROLE_USER,
                                (const char *[]) { "No such group", NULL }, &error);
  g_assert_null (user);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM users"), ==, 1);

  user = test_add_user (db, "bea", TANDEM_ROLE_USER, "Sales team");
  g_assert_true (tandem_store_rename_group (db->store, sales, "Sales", &error));
  g_assert_no_error (error);
  users = tandem_store_list_users (db->store, &error);
  for (guint i = 0; i < users->len; i++)
    if (g_str_equal (tandem_user_get_login (g_ptr_array_index (users, i)), "bea"))
      g_assert_cmpstr (tandem_user_get_groups (g_ptr_array_index (users, i))[0], ==, "Sales");

  g_assert_true (tandem_store_delete_group (db->store, owners, &error));
  g_assert_no_error (error);
  groups = tandem_store_list_groups (db->store, &error);
  g_assert_cmpuint (groups->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_DB_TEST ("/store/first-admin-once-A5", test_first_admin_once);
  ADD_DB_TEST ("/store/sign-in-same-error-A1", test_sign_in_same_error);
  ADD_DB_TEST ("/store/password-argon2id-A3", test_password_stored_as_hash);
  ADD_DB_TEST ("/store/inactive-user-A4", test_inactive_user);
  ADD_DB_TEST ("/store/only-admin-manages-A4-L1", test_only_admin_manages);
  ADD_DB_TEST ("/store/last-admin-kept-A4", test_last_admin_kept);
  ADD_DB_TEST ("/store/groups-A4", test_groups);
  ADD_DB_TEST ("/store/company/name-only-B1", test_company_name_only);
  ADD_DB_TEST ("/store/company/blank-name-B1", test_company_blank_name);
  ADD_DB_TEST ("/store/company/all-fields-B2", test_company_all_fields);
  ADD_DB_TEST ("/store/company/business-id-B2", test_company_business_id);
  ADD_DB_TEST ("/store/company/email-B2-C2", test_email_sanity);
  ADD_DB_TEST ("/store/company/roles-B3", test_company_roles);
  ADD_DB_TEST ("/store/fields/typed-B4-B5-C2", test_typed_fields);
  ADD_DB_TEST ("/store/fields/delete-removes-values-B5", test_delete_field);
  ADD_DB_TEST ("/store/people/with-and-without-company-C1", test_people);
  ADD_DB_TEST ("/store/save-all-or-nothing", test_save_all_or_nothing);
  ADD_DB_TEST ("/store/delete-restore-purge", test_delete_restore_purge);

  return g_test_run ();
}
