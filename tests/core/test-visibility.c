/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include "tandem-test-db.h"

/* Author "anna" (user), "bea" in group Sales, "carl" in no group, and the
 * administrator "admin" who is not in Sales either. One company with a
 * note of each visibility; each note has a word of its own. */
typedef struct
{
  TestDb  db;
  gint64  sales;
  gint64  company;
  gint64  everyone_note;
  gint64  group_note;
  gint64  private_note;
} Fixture;

static gint64
add_note (Fixture          *f,
          TandemVisibility  visibility,
          const char       *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemNote) note = tandem_note_new (TANDEM_KIND_COMPANY, f->company, body);
  gint64 id;

  tandem_note_set_visibility (note, visibility);
  if (visibility == TANDEM_VISIBILITY_GROUPS)
    tandem_note_set_group_ids (note, &f->sales, 1);
  id = tandem_store_save_note (f->db.store, note, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) anna = NULL;
  g_autoptr(TandemUser) bea = NULL;
  g_autoptr(TandemUser) carl = NULL;

  test_db_setup (&f->db, data);
  f->sales = tandem_store_add_group (f->db.store, "Sales", &error);
  g_assert_no_error (error);
  anna = test_add_user (&f->db, "anna", TANDEM_ROLE_USER, "Sales");
  bea = test_add_user (&f->db, "bea", TANDEM_ROLE_USER, "Sales");
  carl = test_add_user (&f->db, "carl", TANDEM_ROLE_USER, NULL);

  test_sign_in (&f->db, "anna");
  f->company = test_add_company (&f->db, "Rautakauppa Virtanen Oy");
  f->everyone_note = add_note (f, TANDEM_VISIBILITY_EVERYONE, "Open note about pineapples");
  f->group_note = add_note (f, TANDEM_VISIBILITY_GROUPS, "Sales note about bananas");
  f->private_note = add_note (f, TANDEM_VISIBILITY_PRIVATE, "Private note about cherries");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  test_db_teardown (&f->db, data);
}

static gboolean
listed (GPtrArray *notes,
        gint64     id)
{
  for (guint i = 0; i < notes->len; i++)
    if (tandem_record_get_id (g_ptr_array_index (notes, i)) == id)
      return TRUE;
  return FALSE;
}

/* Every read path agrees on whether @id is visible to the signed-in user. */
static void
assert_note_seen (Fixture    *f,
                  gint64      id,
                  const char *word,
                  gboolean    seen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemNote) note = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) all_hits = NULL;

  note = tandem_store_get_note (f->db.store, id, &error);
  if (seen)
    {
      g_assert_no_error (error);
      g_assert_nonnull (note);
    }
  else
    {
      g_assert_null (note);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }

  notes = tandem_store_list_notes (f->db.store, TANDEM_KIND_COMPANY, f->company, &error);
  g_assert_no_error (error);
  g_assert_cmpint (listed (notes, id), ==, seen);

  hits = tandem_store_search (f->db.store, word, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, seen ? 1 : 0);

  /* "note" is in every body: a hidden one leaves no hit and no snippet. */
  all_hits = tandem_store_search (f->db.store, "note", 50, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all_hits->len; i++)
    {
      TandemSearchHit *hit = g_ptr_array_index (all_hits, i);
      g_autofree char *plain = tandem_search_hit_dup_plain_snippet (hit);

      if (!seen)
        {
          g_assert_false (tandem_search_hit_get_kind (hit) == TANDEM_KIND_NOTE &&
                          tandem_search_hit_get_id (hit) == id);
          g_assert_null (strstr (plain, word));
          g_assert_null (strstr (tandem_search_hit_get_title (hit), word));
        }
    }
}

static void
assert_sees (Fixture  *f,
             gboolean  everyone,
             gboolean  group,
             gboolean  private)
{
  assert_note_seen (f, f->everyone_note, "pineapples", everyone);
  assert_note_seen (f, f->group_note, "bananas", group);
  assert_note_seen (f, f->private_note, "cherries", private);
  /* Counts leave no trace of hidden notes (E5). */
  g_assert_cmpuint (tandem_store_count (f->db.store, TANDEM_KIND_NOTE, NULL), ==,
                    everyone + group + private);
}

/* E1, E5, F1: every read path (card, list, search, snippet, count). */
static void
test_read_paths (Fixture       *f,
                 gconstpointer  data)
{
  assert_sees (f, TRUE, TRUE, TRUE);      /* anna, the author */
  test_sign_in (&f->db, "bea");
  assert_sees (f, TRUE, TRUE, FALSE);     /* in Sales */
  test_sign_in (&f->db, "carl");
  assert_sees (f, TRUE, FALSE, FALSE);    /* in no group */
  test_sign_in (&f->db, TEST_ADMIN_LOGIN);
  assert_sees (f, TRUE, FALSE, FALSE);    /* an administrator gets no exception */
}

/* E2: another user may edit the text, but not who sees it. */
static void
test_change_visibility (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemNote) note = NULL;
  g_autoptr(TandemNote) again = NULL;
  guint n_groups;

  test_sign_in (&f->db, "bea");
  note = tandem_store_get_note (f->db.store, f->group_note, &error);
  g_assert_no_error (error);
  tandem_note_set_body (note, "Sales note about bananas, and the price");
  g_assert_cmpint (tandem_store_save_note (f->db.store, note, &error), ==, f->group_note);
  g_assert_no_error (error);
  again = tandem_store_get_note (f->db.store, f->group_note, &error);
  g_assert_cmpint (tandem_note_get_visibility (again), ==, TANDEM_VISIBILITY_GROUPS);
  tandem_note_get_group_ids (again, &n_groups);
  g_assert_cmpuint (n_groups, ==, 1);
  g_assert_cmpint (tandem_note_get_author_id (again), !=,
                   tandem_user_get_id (tandem_store_get_user (f->db.store)));
  g_clear_object (&again);

  tandem_note_set_visibility (note, TANDEM_VISIBILITY_EVERYONE);
  tandem_note_set_body (note, "Everyone may read about bananas now");
  g_assert_cmpint (tandem_store_save_note (f->db.store, note, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  again = tandem_store_get_note (f->db.store, f->group_note, &error);
  g_assert_cmpint (tandem_note_get_visibility (again), ==, TANDEM_VISIBILITY_GROUPS);
  g_assert_cmpstr (tandem_note_get_body (again), ==, "Sales note about bananas, and the price");
  g_clear_object (&again);

  /* Carl still does not see it. */
  test_sign_in (&f->db, "carl");
  assert_note_seen (f, f->group_note, "bananas", FALSE);

  /* Bea may not delete anna's note either. */
  test_sign_in (&f->db, "bea");
  g_assert_false (tandem_store_delete (f->db.store, TANDEM_KIND_NOTE, f->group_note, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);

  /* The author may widen it. */
  test_sign_in (&f->db, "anna");
  again = tandem_store_get_note (f->db.store, f->group_note, &error);
  tandem_note_set_visibility (again, TANDEM_VISIBILITY_EVERYONE);
  g_assert_cmpint (tandem_store_save_note (f->db.store, again, &error), ==, f->group_note);
  g_assert_no_error (error);
  test_sign_in (&f->db, "carl");
  assert_note_seen (f, f->group_note, "bananas", TRUE);
}

/* E2: an administrator may change visibility, but sees a private note of
 * someone else no more than anyone. */
static void
test_admin_changes_visibility (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemNote) note = NULL;

  test_sign_in (&f->db, TEST_ADMIN_LOGIN);
  g_assert_null (tandem_store_get_note (f->db.store, f->private_note, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  note = tandem_store_get_note (f->db.store, f->everyone_note, &error);
  tandem_note_set_visibility (note, TANDEM_VISIBILITY_PRIVATE);
  g_assert_cmpint (tandem_store_save_note (f->db.store, note, &error), ==, f->everyone_note);
  g_assert_no_error (error);

  /* Private to anna, its author, not to the administrator who changed it. */
  test_sign_in (&f->db, "carl");
  assert_note_seen (f, f->everyone_note, "pineapples", FALSE);
  test_sign_in (&f->db, "anna");
  assert_note_seen (f, f->everyone_note, "pineapples", TRUE);
}

/* E2: a group that restricts notes cannot be deleted. */
static void
test_group_in_use (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  test_sign_in (&f->db, TEST_ADMIN_LOGIN);
  g_assert_false (tandem_store_delete_group (f->db.store, f->sales, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  groups = tandem_store_list_groups (f->db.store, &error);
  g_assert_cmpuint (groups->len, ==, 1);

  test_sign_in (&f->db, "bea");
  assert_note_seen (f, f->group_note, "bananas", TRUE);
}

/* E5: a note on a deleted company disappears from every read path. */
static void
test_note_on_deleted_company (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_store_delete (f->db.store, TANDEM_KIND_COMPANY, f->company, &error));
  g_assert_no_error (error);
  assert_sees (f, FALSE, FALSE, FALSE);

  g_assert_true (tandem_store_restore (f->db.store, TANDEM_KIND_COMPANY, f->company, &error));
  assert_sees (f, TRUE, TRUE, TRUE);
}

/* A store with nobody signed in returns nothing. */
static void
test_signed_out (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new ("Sneaky Oy");
  GPtrArray *result;

  tandem_store_sign_out (f->db.store);

  g_assert_null (tandem_store_get_note (f->db.store, f->everyone_note, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);
  g_assert_null (tandem_store_get_company (f->db.store, f->company, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);
  result = tandem_store_list_notes (f->db.store, TANDEM_KIND_COMPANY, f->company, &error);
  g_assert_null (result);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);
  result = tandem_store_search (f->db.store, "note", 10, &error);
  g_assert_null (result);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);
  result = tandem_store_list_page (f->db.store, TANDEM_KIND_COMPANY, NULL, 0, 0, 10, &error);
  g_assert_null (result);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);
  g_assert_cmpuint (tandem_store_count (f->db.store, TANDEM_KIND_COMPANY, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_save_company (f->db.store, company, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);
  result = tandem_store_list_users (f->db.store, &error);
  g_assert_null (result);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/visibility/every-read-path-E1-E5-F1", Fixture, NULL,
              fixture_setup, test_read_paths, fixture_teardown);
  g_test_add ("/visibility/only-author-changes-it-E2", Fixture, NULL,
              fixture_setup, test_change_visibility, fixture_teardown);
  g_test_add ("/visibility/admin-changes-not-sees-E2", Fixture, NULL,
              fixture_setup, test_admin_changes_visibility, fixture_teardown);
  g_test_add ("/visibility/group-in-use-kept-E2", Fixture, NULL,
              fixture_setup, test_group_in_use, fixture_teardown);
  g_test_add ("/visibility/deleted-company-hides-notes-E5", Fixture, NULL,
              fixture_setup, test_note_on_deleted_company, fixture_teardown);
  g_test_add ("/visibility/signed-out-sees-nothing-E5", Fixture, NULL,
              fixture_setup, test_signed_out, fixture_teardown);

  return g_test_run ();
}
