/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPrivacy"

#include <locale.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "privacy-paths.h"

/*
 * SPEC E1–E5, proven: for every user of the organisation (privacy-org.c)
 * and every read path of the store (privacy-paths.c),
 *  (a) nothing the user may not see appears: no marker of a hidden record
 *      in a name, title, body, snippet, file name, message or export;
 *  (b) nothing can be inferred from it: the same read paths on the user's
 *      twin, the database without what they may not see, give the same
 *      bytes (counts, sums, pages, "n more", conflict messages …);
 *  (c) what the user may see does appear somewhere, so that the model and
 *      the store agree and (a) and (b) are not met by showing nothing.
 * And the suite keeps up with the store: a public store function is
 * either a read path here or said not to be one, and the README's
 * "Privacy guarantee" section lists every read path.
 */

static PrivacyOrg *org;

/* Every failure of a test case, each on its own line, so that one run
 * shows them all */
static GString *failures;

static void G_GNUC_PRINTF (1, 2)
fail (const char *format,
      ...)
{
  va_list args;

  if (failures == NULL)
    failures = g_string_new (NULL);
  va_start (args, format);
  g_string_append_vprintf (failures, format, args);
  va_end (args);
  g_string_append_c (failures, '\n');
}

/* Ends a test case: fails it with every line fail() collected */
static void
report_failures (void)
{
  g_auto(GStrv) lines = NULL;

  if (failures == NULL || failures->len == 0)
    return;
  lines = g_strsplit (failures->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_test_message ("%s", lines[i]);
  g_test_fail_printf ("%u problems, listed above", g_strv_length (lines) - 1);
  g_string_truncate (failures, 0);
}

static char *
read_source_file (const char *relative)
{
  g_autoptr(GError) error = NULL;
  const char *top = g_getenv ("TANDEM_SOURCE_DIR");
  g_autofree char *path = NULL;
  char *text = NULL;

  g_assert_nonnull (top);
  path = g_build_filename (top, relative, NULL);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The public functions a store header declares, comments left out */
static void
add_declared_functions (GHashTable *declared,
                        const char *text)
{
  g_autoptr(GRegex) comments = g_regex_new ("/\\*.*?\\*/|//[^\\n]*", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) decl = g_regex_new ("\\b(tandem_[a-z0-9_]+)\\s*\\(", 0, 0, NULL);
  g_autofree char *code = g_regex_replace_literal (comments, text, -1, 0, " ", 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (decl, code, 0, &match);
  while (g_match_info_matches (match))
    {
      g_hash_table_add (declared, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
}

static void
test_every_store_function_is_placed (void)
{
  g_autoptr(GHashTable) declared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *folder = g_build_filename (g_getenv ("TANDEM_SOURCE_DIR"), "src", "core", "store", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  GHashTableIter iter;
  gpointer key;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *relative = NULL;
      g_autofree char *text = NULL;

      /* The private header is the store's inside, not its interface */
      if (!g_str_has_suffix (name, ".h") || g_str_equal (name, "tandem-store-private.h"))
        continue;
      relative = g_build_filename ("src", "core", "store", name, NULL);
      text = read_source_file (relative);
      add_declared_functions (declared, text);
    }

  for (guint i = 0; i < privacy_n_read_paths; i++)
    {
      g_auto(GStrv) covers = g_strsplit (privacy_read_paths[i].covers, " ", -1);

      for (guint j = 0; covers[j] != NULL; j++)
        g_hash_table_add (placed, covers[j][0] ? (gpointer) g_intern_string (covers[j]) : (gpointer) "");
    }
  for (guint i = 0; i < privacy_n_not_read_paths; i++)
    g_hash_table_add (placed, (gpointer) privacy_not_read_paths[i].function);

  g_hash_table_iter_init (&iter, declared);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (placed, key))
      fail ("%s is declared in a store header but is neither a read path of the privacy suite"
            " nor listed as not being one (tests/privacy/privacy-paths.c)", (char *) key);
  report_failures ();
}

static void
test_readme_lists_every_read_path (void)
{
  g_autofree char *readme = read_source_file ("README.md");
  const char *start = strstr (readme, "\n## Privacy guarantee");
  const char *end;
  g_autofree char *section = NULL;

  g_assert_nonnull (start);
  end = strstr (start + 1, "\n## ");
  section = end ? g_strndup (start, end - start) : g_strdup (start);
  for (guint i = 0; i < privacy_n_read_paths; i++)
    {
      g_autofree char *item = g_strdup_printf ("`%s`", privacy_read_paths[i].name);

      if (strstr (section, item) == NULL)
        fail ("README.md, section \"Privacy guarantee\", does not list the read path %s", item);
    }
  report_failures ();
}

/* The first line where @a and @b part, with a little of each side */
static char *
first_difference (const char *a,
                  const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  guint i = 0;

  while (la[i] != NULL && lb[i] != NULL && g_str_equal (la[i], lb[i]))
    i++;
  return g_strdup_printf ("line %u\n    organisation: %.600s\n    twin:         %.600s",
                          i + 1, la[i] ? la[i] : "(end)", lb[i] ? lb[i] : "(end)");
}

static TandemStore *
open_as (const char *path,
         int         user)
{
  g_autoptr(GError) error = NULL;
  TandemStore *store = tandem_store_open (path, &error);

  g_assert_no_error (error);
  privacy_org_sign_in (org, store, user);
  return store;
}

static void
test_user (gconstpointer data)
{
  int user = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-privacy-user-XXXXXX", &error);
  g_autofree char *copy_path = g_build_filename (dir, "org.db", NULL);
  g_autofree char *twin_path = g_build_filename (dir, "twin.db", NULL);
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemStore) twin = NULL;
  g_autoptr(GString) everything = g_string_new (NULL);
  const char *only = g_getenv ("PRIVACY_PATH");

  g_assert_no_error (error);
  privacy_org_write_copy (org, copy_path);
  privacy_org_write_twin (org, user, twin_path);
  store = open_as (copy_path, user);
  twin = open_as (twin_path, user);

  for (guint p = 0; p < privacy_n_read_paths; p++)
    {
      const PrivacyReadPath *path = &privacy_read_paths[p];
      g_autoptr(GString) a = g_string_new (NULL);
      g_autoptr(GString) b = g_string_new (NULL);
      PrivacyCtx ctx_a = { org, store, user, dir };
      PrivacyCtx ctx_b = { org, twin, user, dir };

      if (only != NULL && !g_str_equal (only, path->name))
        continue;
      path->run (&ctx_a, a);
      path->run (&ctx_b, b);
      g_string_append (everything, a->str);

      /* (a) no marker of a hidden record */
      for (guint i = 0; i < org->records->len; i++)
        {
          PrivacyRecord *record = g_ptr_array_index (org->records, i);
          const char *where;

          if (privacy_org_sees (org, user, record))
            continue;
          where = strstr (a->str, record->marker);
          if (where != NULL)
            {
              const char *line = where;

              while (line > a->str && line[-1] != '\n')
                line--;
              fail ("%s sees %s %" G_GINT64_FORMAT " (%s) in read path %s: %.400s",
                                  org->users[user].login, privacy_kind_to_string (record->kind), record->id,
                                  record->marker, path->name, line);
            }
        }

      /* (b) nothing a hidden record changes */
      if (path->not_compared == NULL && !g_str_equal (a->str, b->str))
        {
          g_autofree char *where = first_difference (a->str, b->str);

          fail ("%s: read path %s differs on the database without what they may not see, %s",
                              org->users[user].login, path->name, where);
        }
      if (g_getenv ("PRIVACY_DUMP") != NULL)
        {
          /* PRIVACY_DUMP=FOLDER keeps both texts of every path */
          g_autofree char *fa = g_strdup_printf ("%s/%s-%s-org.txt", g_getenv ("PRIVACY_DUMP"),
                                                 org->users[user].login, path->name);
          g_autofree char *fb = g_strdup_printf ("%s/%s-%s-twin.txt", g_getenv ("PRIVACY_DUMP"),
                                                 org->users[user].login, path->name);

          g_file_set_contents (fa, a->str, a->len, NULL);
          g_file_set_contents (fb, b->str, b->len, NULL);
        }
    }

  /* (c) what the user may see is there */
  for (guint i = 0; only == NULL && i < org->records->len; i++)
    {
      PrivacyRecord *record = g_ptr_array_index (org->records, i);

      if (privacy_org_sees (org, user, record) && strstr (everything->str, record->marker) == NULL)
        fail ("%s may see %s %" G_GINT64_FORMAT " (%s), but no read path shows it",
                            org->users[user].login, privacy_kind_to_string (record->kind), record->id,
                            record->marker);
    }

  report_failures ();
  g_clear_object (&store);
  g_clear_object (&twin);
  g_unlink (copy_path);
  g_unlink (twin_path);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_unlink (child);
      }
  }
  g_rmdir (dir);
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* What the store keeps back (a hidden project, a hidden target list) is
 * not lost when someone who may not see it saves the record (SPEC E2, E5) */
static void
test_hidden_links_stay_when_edited (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-privacy-edit-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "org.db", NULL);
  g_autoptr(TandemStore) store = NULL;
  PrivacyRecord *call = NULL;
  g_autofree char *project_sql = NULL;
  g_autofree char *search_sql = g_strdup_printf ("SELECT search_id FROM campaigns WHERE id = %" G_GINT64_FORMAT,
                                                 org->campaign_private);

  g_assert_no_error (error);
  privacy_org_write_copy (org, path);
  for (guint i = 0; i < org->records->len; i++)
    {
      PrivacyRecord *record = g_ptr_array_index (org->records, i);

      if (record->kind == PRIVACY_ACTIVITY && record->project != NULL
          && privacy_org_sees (org, PRIVACY_LEO, record) && !privacy_org_sees (org, PRIVACY_LEO, record->project))
        call = record;
    }
  g_assert_nonnull (call);
  project_sql = g_strdup_printf ("SELECT project_id FROM activities WHERE id = %" G_GINT64_FORMAT, call->id);

  /* Leo performs a call on a project he may not see: no project id for him */
  store = open_as (path, PRIVACY_LEO);
  {
    g_autoptr(TandemActivity) activity = tandem_store_get_activity (store, call->id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (tandem_activity_get_project_id (activity), ==, 0);
    tandem_activity_set_description (activity, "Called, left a message");
    g_assert_cmpint (tandem_store_save_activity (store, activity, &error), ==, call->id);
    g_assert_no_error (error);
  }
  g_clear_object (&store);
  g_assert_cmpint (sql_int (path, project_sql), ==, call->project->id);

  /* The administrator edits Sanna's campaign whose target list is hers */
  store = open_as (path, PRIVACY_ADA);
  {
    g_autoptr(TandemCampaign) campaign = tandem_store_get_campaign (store, org->campaign_private, &error);

    g_assert_no_error (error);
    g_assert_cmpint (tandem_campaign_get_search_id (campaign), ==, 0);
    tandem_campaign_set_description (campaign, "Moved to spring");
    g_assert_cmpint (tandem_store_save_campaign (store, campaign, &error), ==, org->campaign_private);
    g_assert_no_error (error);
  }
  g_clear_object (&store);
  g_assert_cmpint (sql_int (path, search_sql), ==, org->private_search);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_unlink (child);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/privacy/E5/every-store-function-is-a-read-path-or-said-not-to-be",
                   test_every_store_function_is_placed);
  g_test_add_func ("/privacy/E5/readme-lists-every-read-path", test_readme_lists_every_read_path);
  org = privacy_org_build (NULL);
  g_test_add_func ("/privacy/E2-E5/hidden-links-stay-when-edited", test_hidden_links_stay_when_edited);
  for (int u = 0; u < PRIVACY_N_USERS; u++)
    {
      g_autofree char *name = g_strdup_printf ("/privacy/E1-E5/as-%s", org->users[u].login);

      g_test_add_data_func (name, GINT_TO_POINTER (u), test_user);
    }
  status = g_test_run ();

  {
    g_autofree char *dir = g_strdup (org->dir);
    g_autofree char *wal = g_strconcat (org->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (org->path, "-shm", NULL);
    g_autofree char *path = g_strdup (org->path);

    g_clear_pointer (&org, privacy_org_free);
    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return status;
}
