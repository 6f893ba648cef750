/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include "tandem-test-db.h"

#define ADD_DB_TEST(path, func) \
  g_test_add (path, TestDb, NULL, test_db_setup, func, test_db_teardown)

typedef struct
{
  gint64 hame;
  gint64 kowalski;
  gint64 person;
  gint64 note;
  gint64 industry_field;
} Data;

static void
add_data (TestDb *db,
          Data   *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) hame = tandem_company_new ("Hämeen Puutarha Oy");
  g_autoptr(TandemCompany) kowalski = tandem_company_new ("Kowalski i Synowie sp. z o.o.");
  g_autoptr(TandemPerson) person = tandem_person_new ("Jan Nowak");
  g_autoptr(TandemNote) note = NULL;
  g_autoptr(TandemField) industry = tandem_field_new (TANDEM_KIND_COMPANY, TANDEM_FIELD_CLASSIFICATION,
                                                      "Industry", TANDEM_FIELD_CHOICE);
  const char *choices[] = { "Horticulture", "Metalworking", NULL };
  const char *roles[] = { "Manufacturer", NULL };

  tandem_field_set_choices (industry, choices);
  d->industry_field = tandem_store_add_field (db->store, industry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_store_add_partner_role (db->store, "Manufacturer", &error), >, 0);

  tandem_company_set_text (hame, "phone", "+358 3 555 0199");
  tandem_company_set_text (hame, "business-id", "0112038-9");
  tandem_company_set_text (hame, "visit-city", "Hämeenlinna");
  tandem_record_set_field_value (TANDEM_RECORD (hame), d->industry_field, "Horticulture");
  d->hame = tandem_store_save_company (db->store, hame, &error);
  g_assert_no_error (error);

  tandem_company_set_text (kowalski, "visit-city", "Łódź");
  tandem_company_set_text (kowalski, "business-id", "1234563218");
  tandem_company_set_roles (kowalski, roles);
  tandem_record_set_field_value (TANDEM_RECORD (kowalski), d->industry_field, "Metalworking");
  d->kowalski = tandem_store_save_company (db->store, kowalski, &error);
  g_assert_no_error (error);

  tandem_person_set_company_id (person, d->kowalski);
  g_object_set (person, "job-title", "Kierownik zakupów", NULL);
  d->person = tandem_store_save_person (db->store, person, &error);
  g_assert_no_error (error);

  note = tandem_note_new (TANDEM_KIND_COMPANY, d->hame, "Asked for an offer on greenhouse glazing");
  d->note = tandem_store_save_note (db->store, note, &error);
  g_assert_no_error (error);
}

static gboolean
has_hit (GPtrArray  *hits,
         TandemKind  kind,
         gint64      id)
{
  for (guint i = 0; i < hits->len; i++)
    if (tandem_search_hit_get_kind (g_ptr_array_index (hits, i)) == kind &&
        tandem_search_hit_get_id (g_ptr_array_index (hits, i)) == id)
      return TRUE;
  return FALSE;
}

static void
assert_finds (TestDb     *db,
              const char *text,
              TandemKind  kind,
              gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = tandem_store_search (db->store, text, 50, &error);

  g_assert_no_error (error);
  if (!has_hit (hits, kind, id))
    g_error ("“%s” did not find %s %" G_GINT64_FORMAT, text, tandem_kind_to_string (kind), id);
}

/* K1: companies, people and notes by any field, as typed. */
static void
test_finds_by_field (TestDb        *db,
                     gconstpointer  data)
{
  Data d;

  add_data (db, &d);

  assert_finds (db, "hämee", TANDEM_KIND_COMPANY, d.hame);            /* name prefix */
  assert_finds (db, "puutarha", TANDEM_KIND_COMPANY, d.hame);         /* second word */
  assert_finds (db, "555 0199", TANDEM_KIND_COMPANY, d.hame);         /* phone */
  assert_finds (db, "0112038", TANDEM_KIND_COMPANY, d.hame);          /* business ID */
  assert_finds (db, "1234563218", TANDEM_KIND_COMPANY, d.kowalski);
  assert_finds (db, "hämeenlinna", TANDEM_KIND_COMPANY, d.hame);      /* city */
  assert_finds (db, "łodz", TANDEM_KIND_COMPANY, d.kowalski);         /* city, ó typed as o */
  assert_finds (db, "manufact", TANDEM_KIND_COMPANY, d.kowalski);     /* partner role */
  assert_finds (db, "horticulture", TANDEM_KIND_COMPANY, d.hame);     /* classification */
  assert_finds (db, "kowalski", TANDEM_KIND_PERSON, d.person);        /* person by company */
  assert_finds (db, "kierownik", TANDEM_KIND_PERSON, d.person);       /* job title */
  assert_finds (db, "nowak jan", TANDEM_KIND_PERSON, d.person);       /* words in any order */
  assert_finds (db, "greenhouse", TANDEM_KIND_NOTE, d.note);          /* note body */

  {
    g_autoptr(GPtrArray) hits = tandem_store_search (db->store, "metalworking horticulture", 50, NULL);
    g_assert_cmpuint (hits->len, ==, 0);                              /* all words must match */
  }
}

/* K1: a note hit says which record it is on. */
static void
test_note_hit_parent (TestDb        *db,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  TandemSearchHit *hit;
  Data d;

  add_data (db, &d);
  hits = tandem_store_search (db->store, "glazing", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (tandem_search_hit_get_parent_kind (hit), ==, TANDEM_KIND_COMPANY);
  g_assert_cmpint (tandem_search_hit_get_parent_id (hit), ==, d.hame);
  g_assert_cmpstr (tandem_search_hit_get_parent_name (hit), ==, "Hämeen Puutarha Oy");
}

/* K1: typed text is text, never query syntax. */
static void
test_hostile_queries (TestDb        *db,
                      gconstpointer  data)
{
  const char *queries[] = {
    "\"", "\"\"", "\"acme", "acme\"", "\"kowalski\"", "NOT", "NOT kowalski", "kowalski NOT",
    "OR", "AND", "kowalski OR hämeen", "kowalski AND", "*", "kow*", "**", ":", "title:kowalski",
    "^", "^kowalski", "(", ")", "(kowalski", "kowalski)", "( )", "-", " - ", "-kowalski",
    "NEAR(kowalski hämeen)", "kowalski + synowie", "🙂", "kowalski 🙂", "🙂🙂🙂", "'", "'; DROP TABLE companies; --",
    "\\", "%", "_", "{", "}", "[", "]", "\t", "", "   ", "ä", "ß", "\xe2\x80\x8b",
    "\xff\xfe", /* not UTF-8 */
  };
  Data d;

  add_data (db, &d);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = tandem_store_search (db->store, queries[i], 50, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }

  /* Operators are plain words; quotes do not break the match. */
  assert_finds (db, "\"kowalski\"", TANDEM_KIND_COMPANY, d.kowalski);
  assert_finds (db, "(kowalski", TANDEM_KIND_COMPANY, d.kowalski);
  assert_finds (db, "kowalski*", TANDEM_KIND_COMPANY, d.kowalski);
  assert_finds (db, "kowalski 🙂", TANDEM_KIND_COMPANY, d.kowalski);
  assert_finds (db, "kowalski -", TANDEM_KIND_COMPANY, d.kowalski);
  {
    g_autoptr(GPtrArray) hits = tandem_store_search (db->store, "kowalski OR hämeen", 50, NULL);
    g_assert_cmpuint (hits->len, ==, 0);
  }
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM companies"), ==, 2);
}

static void
test_build_match_query (void)
{
  struct { const char *text; const char *query; } cases[] = {
    { "acme", "\"acme\"*" },
    { "  acme   oy ", "\"acme\"* \"oy\"*" },
    { "say \"hi\"", "\"say\"* \"\"\"hi\"\"\"*" },
    { "NOT OR AND", "\"NOT\"* \"OR\"* \"AND\"*" },
    { "a*b", "\"a*b\"*" },
    { "title:x", "\"title:x\"*" },
    { "(acme)", "\"(acme)\"*" },
    { "acme - oy", "\"acme\"* \"oy\"*" },
    { "Hämeen", "\"Hämeen\"*" },
    { "-", NULL },
    { "\" ( ) * : ^", NULL },
    { "🙂 🙂", NULL },
    { "", NULL },
    { "   ", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = tandem_store_build_match_query (cases[i].text);
      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

/* K1: diacritics do not matter, in either direction. */
static void
test_diacritics (TestDb        *db,
                 gconstpointer  data)
{
  Data d;

  add_data (db, &d);
  assert_finds (db, "hame", TANDEM_KIND_COMPANY, d.hame);
  assert_finds (db, "HAMEEN", TANDEM_KIND_COMPANY, d.hame);
  assert_finds (db, "häme", TANDEM_KIND_COMPANY, d.hame);
  assert_finds (db, "łódź", TANDEM_KIND_COMPANY, d.kowalski);
  assert_finds (db, "ŁODZ", TANDEM_KIND_COMPANY, d.kowalski);
  assert_finds (db, "zakupow", TANDEM_KIND_PERSON, d.person);
}

/* K1: snippets mark the match. */
static void
test_snippet_marks (TestDb        *db,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  const char *snippet;
  g_autofree char *plain = NULL;
  Data d;

  add_data (db, &d);
  hits = tandem_store_search (db->store, "greenh", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  snippet = tandem_search_hit_get_snippet (g_ptr_array_index (hits, 0));
  g_assert_nonnull (strstr (snippet, TANDEM_SEARCH_HIT_MARK_START "greenhouse" TANDEM_SEARCH_HIT_MARK_END));
  plain = tandem_search_hit_dup_plain_snippet (g_ptr_array_index (hits, 0));
  g_assert_null (strchr (plain, '\x01'));
  g_assert_null (strchr (plain, '\x02'));
  g_assert_nonnull (strstr (plain, "greenhouse glazing"));
}

/* K1: the index follows renames, of the company and on its people. */
static void
test_follows_rename (TestDb        *db,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  Data d;

  add_data (db, &d);
  company = tandem_store_get_company (db->store, d.kowalski, &error);
  tandem_company_set_name (company, "Zieliński Metal S.A.");
  g_assert_cmpint (tandem_store_save_company (db->store, company, &error), ==, d.kowalski);
  g_assert_no_error (error);

  assert_finds (db, "zielinski", TANDEM_KIND_COMPANY, d.kowalski);
  assert_finds (db, "zielinski", TANDEM_KIND_PERSON, d.person);
  hits = tandem_store_search (db->store, "kowalski", 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Renaming a partner role or a deleted field's values follow too. */
  {
    g_autoptr(GPtrArray) roles = tandem_store_list_partner_roles (db->store, &error);

    g_assert_true (tandem_store_rename_partner_role (db->store, tandem_choice_get_id (g_ptr_array_index (roles, 0)),
                                                     "Producer", &error));
    g_assert_no_error (error);
  }
  assert_finds (db, "producer", TANDEM_KIND_COMPANY, d.kowalski);
  hits = tandem_store_search (db->store, "manufacturer", 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A person moved to another company is found by the new one. */
  {
    g_autoptr(TandemPerson) person = tandem_store_get_person (db->store, d.person, &error);

    tandem_person_set_company_id (person, d.hame);
    g_assert_cmpint (tandem_store_save_person (db->store, person, &error), ==, d.person);
  }
  assert_finds (db, "puutarha", TANDEM_KIND_PERSON, d.person);
  hits = tandem_store_search (db->store, "zielinski", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
}

/* K1: the limit is kept, and results are the best ones. */
static void
test_limit (TestDb        *db,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_true (tandem_store_begin (db->store, &error));
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Virta %03u Oy", i);
      test_add_company (db, name);
    }
  test_add_company (db, "Virta");
  g_assert_true (tandem_store_commit (db->store, &error));

  hits = tandem_store_search (db->store, "vir", 25, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 25);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = tandem_store_search (db->store, "virta", 5, &error);
  g_assert_cmpuint (hits->len, ==, 5);
  g_assert_cmpstr (tandem_search_hit_get_title (g_ptr_array_index (hits, 0)), ==, "Virta");
}

/* K1, E5: with thousands of matches (the first letters typed), hits are
 * still limited and hidden notes are still never among them. */
static void
test_many_matches (TestDb        *db,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(TandemUser) anna = test_add_user (db, "anna", TANDEM_ROLE_USER, NULL);
  g_autoptr(TandemUser) carl = test_add_user (db, "carl", TANDEM_ROLE_USER, NULL);
  gint64 company;

  test_sign_in (db, "anna");
  /* The oldest company, and the best match for "z" by far. */
  company = test_add_company (db, "Zebra Zoo Zone Oy");
  g_assert_true (tandem_store_begin (db->store, &error));
  for (guint i = 0; i < 2500; i++)
    {
      g_autofree char *body = g_strdup_printf ("Zebra secret number %u", i);
      g_autoptr(TandemNote) note = tandem_note_new (TANDEM_KIND_COMPANY, company, body);

      tandem_note_set_visibility (note, TANDEM_VISIBILITY_PRIVATE);
      g_assert_cmpint (tandem_store_save_note (db->store, note, &error), >, 0);
    }
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Zeta %u", i);
      test_add_company (db, name);
    }
  g_assert_true (tandem_store_commit (db->store, &error));

  /* The author sees her notes among the hits. */
  hits = tandem_store_search (db->store, "z", 40, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 40);
  g_clear_pointer (&hits, g_ptr_array_unref);

  test_sign_in (db, "carl");
  hits = tandem_store_search (db->store, "z", 40, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 40);
  for (guint i = 0; i < hits->len; i++)
    {
      TandemSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *plain = tandem_search_hit_dup_plain_snippet (hit);

      g_assert_cmpint (tandem_search_hit_get_kind (hit), ==, TANDEM_KIND_COMPANY);
      g_assert_null (strstr (plain, "secret"));
    }
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Carl may see 61 matches, too few to leave ranking out: the best one
   * comes first, as if Anna's 2500 private notes did not exist; their
   * number does not switch him to the newest-first order (E5). */
  hits = tandem_store_search (db->store, "z", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 5);
  g_assert_cmpint (tandem_search_hit_get_id (g_ptr_array_index (hits, 0)), ==, company);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* All 61 companies, no more, though 2561 records match. */
  hits = tandem_store_search (db->store, "z", 100, &error);
  g_assert_cmpuint (hits->len, ==, 61);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = tandem_store_search (db->store, "secret", 100, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_cmpuint (tandem_store_count (db->store, TANDEM_KIND_NOTE, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_DB_TEST ("/search/finds-by-any-field-K1", test_finds_by_field);
  ADD_DB_TEST ("/search/note-hit-names-its-record-K1", test_note_hit_parent);
  ADD_DB_TEST ("/search/typed-text-is-never-syntax-K1", test_hostile_queries);
  g_test_add_func ("/search/build-match-query-K1", test_build_match_query);
  ADD_DB_TEST ("/search/diacritics-K1", test_diacritics);
  ADD_DB_TEST ("/search/snippet-marks-K1", test_snippet_marks);
  ADD_DB_TEST ("/search/index-follows-renames-K1", test_follows_rename);
  ADD_DB_TEST ("/search/limit-K1", test_limit);
  ADD_DB_TEST ("/search/many-matches-stay-private-K1-E5", test_many_matches);

  return g_test_run ();
}
