/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include "tandem-record-list.h"
#include "tandem-test-db.h"

#define ADD_DB_TEST(path, func) \
  g_test_add (path, TestDb, NULL, test_db_setup, func, test_db_teardown)

/* Names that sort differently with and without case, with diacritics,
 * duplicates and numbers. */
static void
add_companies (TestDb *db,
               guint   n)
{
  static const char * const stems[] = {
    "virtanen", "Virtanen", "ÄÄNEKOSKI", "aalto", "Kowalski", "nowak", "Öljy", "zieliński",
    "Bäckman", "bäckman", "Łukasz", "lehtonen", "Mäkinen", "12 Monkeys", "Acme",
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_store_begin (db->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = NULL;

      /* Some names repeat exactly: the id keeps the order total. */
      if (i % 7 == 0)
        name = g_strdup (stems[i % G_N_ELEMENTS (stems)]);
      else
        name = g_strdup_printf ("%s %u Oy", stems[i % G_N_ELEMENTS (stems)], (i * 7919) % 1000);
      test_add_company (db, name);
    }
  g_assert_true (tandem_store_commit (db->store, &error));
}

/* Walks the model and checks order and uniqueness. */
static void
assert_walk (TandemRecordList *list,
             guint             n)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *previous = NULL;
  gint64 previous_id = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemCompany) company = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *folded = NULL;
      gint64 id;

      g_assert_nonnull (company);
      id = tandem_record_get_id (TANDEM_RECORD (company));
      folded = g_ascii_strdown (tandem_company_get_name (company), -1);
      g_assert_false (g_hash_table_contains (seen, &id));
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));

      /* SQLite's NOCASE folds ASCII letters only: compare the same way. */
      if (previous != NULL)
        {
          int cmp = strcmp (previous, folded);

          g_assert_cmpint (cmp, <=, 0);
          if (cmp == 0)
            g_assert_cmpint (previous_id, <, id);
        }
      g_free (previous);
      previous = g_steal_pointer (&folded);
      previous_id = id;
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
  g_assert_cmpuint (g_hash_table_size (seen), ==, n);
}

static void
test_walk_in_order (TestDb        *db,
                    gconstpointer  data)
{
  g_autoptr(TandemRecordList) list = NULL;

  add_companies (db, 1234);
  list = tandem_record_list_new (db->store, TANDEM_KIND_COMPANY);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == TANDEM_TYPE_COMPANY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    tandem_store_count (db->store, TANDEM_KIND_COMPANY, NULL));
  assert_walk (list, 1234);
  /* A second walk, after most pages were dropped from the cache. */
  assert_walk (list, 1234);
}

/* The model keeps only a few pages: after walking the whole register, the
 * records of the first page are gone from memory. */
static void
test_pages_dropped (TestDb        *db,
                    gconstpointer  data)
{
  g_autoptr(TandemRecordList) list = NULL;
  GObject *first;
  GObject *last;

  add_companies (db, 2500);
  list = tandem_record_list_new (db->store, TANDEM_KIND_COMPANY);

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_object_add_weak_pointer (first, (gpointer *) &first);
  g_object_unref (first);
  g_assert_nonnull (first);   /* still cached */

  for (guint i = 0; i < 2500; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_null (first);

  last = g_list_model_get_item (G_LIST_MODEL (list), 2499);
  g_object_add_weak_pointer (last, (gpointer *) &last);
  g_object_unref (last);
  g_assert_nonnull (last);
  g_clear_object (&list);
  g_assert_null (last);
}

/* Jumping about (the view scrolled to the end, then back) gives the same
 * records as walking in order. */
static void
test_random_access (TestDb        *db,
                    gconstpointer  data)
{
  g_autoptr(TandemRecordList) walker = NULL;
  g_autoptr(TandemRecordList) jumper = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = 1234;
  guint positions[] = { 1233, 0, 617, 1232, 99, 100, 101, 1100, 5, 1199, 1200, 42 };

  add_companies (db, n);
  walker = tandem_record_list_new (db->store, TANDEM_KIND_COMPANY);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemRecord) record = g_list_model_get_item (G_LIST_MODEL (walker), i);
      gint64 id = tandem_record_get_id (record);
      g_array_append_val (ids, id);
    }

  jumper = tandem_record_list_new (db->store, TANDEM_KIND_COMPANY);
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(TandemRecord) record = g_list_model_get_item (G_LIST_MODEL (jumper), positions[i]);

      g_assert_nonnull (record);
      g_assert_cmpint (tandem_record_get_id (record), ==, g_array_index (ids, gint64, positions[i]));
    }
  /* Backwards through the whole list. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(TandemRecord) record = g_list_model_get_item (G_LIST_MODEL (jumper), i - 1);
      g_assert_cmpint (tandem_record_get_id (record), ==, g_array_index (ids, gint64, i - 1));
    }
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->calls++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

/* A new, renamed or deleted company shows in the model at once. */
static void
test_follows_changes (TestDb        *db,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemRecordList) list = NULL;
  g_autoptr(TandemRecordList) people = NULL;
  g_autoptr(TandemPerson) person = tandem_person_new ("Zofia Zając");
  Changes changes = { 0 };
  gboolean found = FALSE;
  guint n;
  gint64 id;

  add_companies (db, 250);
  list = tandem_record_list_new (db->store, TANDEM_KIND_COMPANY);
  /* Read a few pages so the cache is warm. */
  for (guint i = 0; i < 250; i += 10)
    g_clear_object (&(GObject *) { g_list_model_get_item (G_LIST_MODEL (list), i) });
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);

  id = test_add_company (db, "0 First Oy");
  g_assert_cmpuint (changes.calls, >=, 1);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 251);
  g_assert_cmpuint (changes.added - changes.removed, ==, 1);
  for (guint i = 0; i < n && !found; i++)
    {
      g_autoptr(TandemRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);
      found = tandem_record_get_id (record) == id;
    }
  g_assert_true (found);
  {
    g_autoptr(TandemRecord) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (tandem_record_get_title (first), ==, "0 First Oy");
  }

  /* A person's list follows the companies' names. */
  tandem_person_set_company_id (person, id);
  g_assert_cmpint (tandem_store_save_person (db->store, person, &error), >, 0);
  people = tandem_record_list_new (db->store, TANDEM_KIND_PERSON);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (people)) == TANDEM_TYPE_PERSON);
  {
    g_autoptr(TandemCompany) company = tandem_store_get_company (db->store, id, &error);
    g_autoptr(TandemPerson) shown = NULL;

    tandem_company_set_name (company, "Zzzz Last Oy");
    g_assert_cmpint (tandem_store_save_company (db->store, company, &error), ==, id);
    shown = g_list_model_get_item (G_LIST_MODEL (people), 0);
    g_assert_cmpstr (tandem_person_get_company_name (shown), ==, "Zzzz Last Oy");
  }
  /* The company moved to its new place in the order. */
  assert_walk (list, 251);
  found = FALSE;
  for (guint i = 0; i < 251 && !found; i++)
    {
      g_autoptr(TandemRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (tandem_record_get_id (record) == id)
        {
          g_assert_cmpstr (tandem_record_get_title (record), ==, "Zzzz Last Oy");
          g_assert_cmpuint (i, >, 0);
          found = TRUE;
        }
    }
  g_assert_true (found);

  changes.calls = 0;
  g_assert_true (tandem_store_delete (db->store, TANDEM_KIND_COMPANY, id, &error));
  g_assert_cmpuint (changes.calls, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 250);
  assert_walk (list, 250);
}

static void
test_empty (TestDb        *db,
            gconstpointer  data)
{
  g_autoptr(TandemRecordList) list = tandem_record_list_new (db->store, TANDEM_KIND_COMPANY);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));
  g_assert_cmpuint (tandem_record_list_find (list, 1), ==, G_MAXUINT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_DB_TEST ("/record-list/walk-in-order", test_walk_in_order);
  ADD_DB_TEST ("/record-list/random-access", test_random_access);
  ADD_DB_TEST ("/record-list/keeps-few-pages", test_pages_dropped);
  ADD_DB_TEST ("/record-list/follows-changes", test_follows_changes);
  ADD_DB_TEST ("/record-list/empty", test_empty);

  return g_test_run ();
}
