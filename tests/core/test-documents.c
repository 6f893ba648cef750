/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <sqlite3.h>

#include "tandem-email-header.h"
#include "tandem-test-db.h"
#include "tandem-visibility-change.h"

/* "anna" and "bea" sell (group Sales), "carl" is a user outside it; the
 * administrator "admin" is there too. Anna keeps a customer with a contact
 * person, a delivery project and a sale (she is in both teams), and a
 * private activity. */
typedef struct
{
  TestDb  db;
  gint64  anna;
  gint64  bea;
  gint64  carl;
  gint64  sales;
  gint64  company;
  gint64  person;
  gint64  project;
  gint64  sale;
  gint64  activity;
} Fixture;

static const char offer_text[] = "Offer 2026-17: 40 shelving units, 12 400 EUR.\n";

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) anna = NULL;
  g_autoptr(TandemUser) bea = NULL;
  g_autoptr(TandemUser) carl = NULL;
  g_autoptr(TandemPerson) person = tandem_person_new ("Liisa Virtanen");
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemProject) sale = NULL;
  g_autoptr(TandemActivity) activity = tandem_activity_new ("Pricing call");

  test_db_setup (&f->db, data);
  f->sales = tandem_store_add_group (f->db.store, "Sales", &error);
  g_assert_no_error (error);
  anna = test_add_user (&f->db, "anna", TANDEM_ROLE_USER, "Sales");
  bea = test_add_user (&f->db, "bea", TANDEM_ROLE_USER, "Sales");
  carl = test_add_user (&f->db, "carl", TANDEM_ROLE_USER, NULL);
  f->anna = tandem_user_get_id (anna);
  f->bea = tandem_user_get_id (bea);
  f->carl = tandem_user_get_id (carl);

  f->company = test_add_company (&f->db, "Rautakauppa Virtanen Oy");
  test_sign_in (&f->db, "anna");
  tandem_person_set_company_id (person, f->company);
  f->person = tandem_store_save_person (f->db.store, person, &error);
  g_assert_no_error (error);

  project = tandem_project_new (f->company, "Warehouse shelving");
  f->project = tandem_store_save_project (f->db.store, project, &error);
  g_assert_no_error (error);
  sale = tandem_project_new_sale (f->company, "Shelving offer", 2);
  f->sale = tandem_store_save_project (f->db.store, sale, &error);
  g_assert_no_error (error);

  tandem_activity_set_company_id (activity, f->company);
  tandem_activity_set_open_ended (activity, TRUE);
  tandem_activity_set_visibility (activity, TANDEM_VISIBILITY_PRIVATE);
  tandem_activity_set_performer_ids (activity, &f->anna, 1);
  f->activity = tandem_store_save_activity (f->db.store, activity, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  test_db_teardown (&f->db, data);
}

/* Writes to the file with a connection of its own, as a damaged disk or
 * another program would. */
static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *conn = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &conn, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (conn, 5000);
  if (sqlite3_exec (conn, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (conn);
}

static gint64
add_text (Fixture          *f,
          TandemKind        parent_kind,
          gint64            parent_id,
          const char       *file_name,
          const char       *text,
          TandemVisibility  visibility)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  gint64 id;

  id = tandem_store_add_document (f->db.store, parent_kind, parent_id, file_name, NULL, bytes, NULL,
                                  visibility, visibility == TANDEM_VISIBILITY_GROUPS ? &f->sales : NULL,
                                  visibility == TANDEM_VISIBILITY_GROUPS ? 1 : 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gboolean
listed (GPtrArray *documents,
        gint64     id)
{
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    if (tandem_record_get_id (g_ptr_array_index (documents, i)) == id)
      return TRUE;
  return FALSE;
}

static gboolean
found_by_search (TandemStore *store,
                 const char  *text,
                 gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = tandem_store_search (store, text, 50, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      TandemSearchHit *hit = g_ptr_array_index (hits, i);

      if (tandem_search_hit_get_kind (hit) == TANDEM_KIND_DOCUMENT && tandem_search_hit_get_id (hit) == id)
        return TRUE;
    }
  return FALSE;
}

/* The signed-in user sees the document on every read path. */
static void
assert_seen (Fixture    *f,
             gint64      id,
             const char *search_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDocument) document = tandem_store_get_document (f->db.store, id, &error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) of_parent = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  all = tandem_store_list_documents (f->db.store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (listed (all, id));
  of_parent = tandem_store_list_documents_of (f->db.store, tandem_document_get_parent_kind (document),
                                              tandem_document_get_parent_id (document), &error);
  g_assert_no_error (error);
  g_assert_true (listed (of_parent, id));
  versions = tandem_store_list_document_versions (f->db.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, >=, 1);
  bytes = tandem_store_read_document (f->db.store, id, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (found_by_search (f->db.store, search_text, id));
}

/* E1, E5: the signed-in user finds no trace of the document: not by id,
 * not in any list or count, not its versions or bytes, not by search. */
static void
assert_hidden (Fixture    *f,
               gint64      id,
               TandemKind  parent_kind,
               gint64      parent_id,
               const char *search_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) of_parent = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) more = g_bytes_new_static ("x", 1);
  TandemDocumentFilter filter = { .text = search_text };
  guint count, count_all;

  g_assert_null (tandem_store_get_document (f->db.store, id, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  all = tandem_store_list_documents (f->db.store, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (listed (all, id));
  count_all = tandem_store_count_documents (f->db.store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_all, ==, all->len);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = tandem_store_list_documents (f->db.store, &filter, &error);
  g_assert_no_error (error);
  g_assert_false (listed (all, id));
  count = tandem_store_count_documents (f->db.store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, all->len);

  /* The parent's list, when the parent is still there to ask about. */
  of_parent = tandem_store_list_documents_of (f->db.store, parent_kind, parent_id, &error);
  g_assert_no_error (error);
  g_assert_false (listed (of_parent, id));

  versions = tandem_store_list_document_versions (f->db.store, id, &error);
  g_assert_null (versions);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  for (guint version = 0; version <= 1; version++)
    {
      bytes = tandem_store_read_document (f->db.store, id, version, NULL, &error);
      g_assert_null (bytes);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
  g_assert_cmpuint (tandem_store_add_document_version (f->db.store, id, "more.txt", NULL, more, NULL, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tandem_store_delete (f->db.store, TANDEM_KIND_DOCUMENT, id, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (tandem_store_list_visibility_changes (f->db.store, TANDEM_KIND_DOCUMENT, id, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (found_by_search (f->db.store, search_text, id));
}

/* G1, G2: a file on each kind of record; versions kept with their
 * history; the title; what is refused. */
static void
test_add_and_versions_G1_G2 (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) offer = g_bytes_new_static (offer_text, strlen (offer_text));
  g_autoptr(GBytes) second = g_bytes_new_static ("Offer 2026-17, revised: 11 900 EUR.\n", 36);
  g_autoptr(GBytes) read_back = NULL;
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(TandemDocument) renamed = NULL;
  g_autoptr(TandemDocumentVersion) version = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, offer_text, -1);
  struct { TandemKind kind; gint64 id; const char *parent; gboolean sale; } parents[] = {
    { TANDEM_KIND_PERSON, f->person, "Liisa Virtanen", FALSE },
    { TANDEM_KIND_PROJECT, f->project, "Warehouse shelving", FALSE },
    { TANDEM_KIND_PROJECT, f->sale, "Shelving offer", TRUE },
    { TANDEM_KIND_ACTIVITY, f->activity, "Pricing call", FALSE },
  };
  gint64 id;

  id = tandem_store_add_document (f->db.store, TANDEM_KIND_COMPANY, f->company, "C:\\Offers\\offer-2026-17.txt",
                                  "text/plain", offer, NULL, TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error);
  g_assert_no_error (error);
  document = tandem_store_get_document (f->db.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_document_get_parent_kind (document), ==, TANDEM_KIND_COMPANY);
  g_assert_cmpint (tandem_document_get_parent_id (document), ==, f->company);
  g_assert_cmpstr (tandem_document_get_parent_name (document), ==, "Rautakauppa Virtanen Oy");
  g_assert_cmpstr (tandem_document_get_file_name (document), ==, "offer-2026-17.txt");
  g_assert_cmpstr (tandem_document_get_title (document), ==, "offer-2026-17.txt");
  g_assert_cmpstr (tandem_record_get_title (TANDEM_RECORD (document)), ==, "offer-2026-17.txt");
  g_assert_cmpstr (tandem_document_get_content_type (document), ==, "text/plain");
  g_assert_cmpint (tandem_document_get_size (document), ==, strlen (offer_text));
  g_assert_cmpstr (tandem_document_get_sha256 (document), ==, sha);
  g_assert_cmpuint (tandem_document_get_version_count (document), ==, 1);
  g_assert_cmpint (tandem_document_get_author_id (document), ==, f->anna);
  g_assert_nonnull (tandem_document_get_created_at (document));
  g_assert_false (tandem_document_get_is_email (document));

  for (guint i = 0; i < G_N_ELEMENTS (parents); i++)
    {
      g_autoptr(TandemDocument) other = NULL;
      gint64 other_id = add_text (f, parents[i].kind, parents[i].id, "notes.txt", "Notes", TANDEM_VISIBILITY_EVERYONE);

      other = tandem_store_get_document (f->db.store, other_id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (tandem_document_get_parent_kind (other), ==, parents[i].kind);
      g_assert_cmpstr (tandem_document_get_parent_name (other), ==, parents[i].parent);
      g_assert_cmpint (tandem_document_get_parent_is_sale (other), ==, parents[i].sale);
    }

  /* A new version becomes the current one; the first is kept. */
  g_assert_cmpuint (tandem_store_add_document_version (f->db.store, id, "offer-2026-17b.txt", NULL, second,
                                                       "  Price after the discount  ", &error), ==, 2);
  g_assert_no_error (error);
  g_clear_object (&document);
  document = tandem_store_get_document (f->db.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_document_get_version_count (document), ==, 2);
  g_assert_cmpstr (tandem_document_get_file_name (document), ==, "offer-2026-17b.txt");
  g_assert_cmpint (tandem_document_get_size (document), ==, 36);
  versions = tandem_store_list_document_versions (f->db.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpuint (tandem_document_version_get_number (g_ptr_array_index (versions, 0)), ==, 2);
  g_assert_cmpstr (tandem_document_version_get_comment (g_ptr_array_index (versions, 0)), ==,
                   "Price after the discount");
  g_assert_cmpuint (tandem_document_version_get_number (g_ptr_array_index (versions, 1)), ==, 1);
  g_assert_cmpstr (tandem_document_version_get_file_name (g_ptr_array_index (versions, 1)), ==, "offer-2026-17.txt");
  g_assert_cmpstr (tandem_document_version_get_sha256 (g_ptr_array_index (versions, 1)), ==, sha);
  g_assert_cmpstr (tandem_document_version_get_added_by_name (g_ptr_array_index (versions, 1)), ==, "anna");
  g_assert_null (tandem_document_version_get_comment (g_ptr_array_index (versions, 1)));

  read_back = tandem_store_read_document (f->db.store, id, 0, &version, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read_back, second));
  g_assert_cmpuint (tandem_document_version_get_number (version), ==, 2);
  g_clear_pointer (&read_back, g_bytes_unref);
  read_back = tandem_store_read_document (f->db.store, id, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read_back, offer));
  g_clear_pointer (&read_back, g_bytes_unref);
  g_assert_null (tandem_store_read_document (f->db.store, id, 3, NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A title of its own; the file name still finds it. */
  renamed = tandem_document_copy (document);
  tandem_document_set_title (renamed, "Offer to Virtanen");
  g_assert_true (tandem_store_update_document (f->db.store, renamed, &error));
  g_assert_no_error (error);
  g_clear_object (&document);
  document = tandem_store_get_document (f->db.store, id, &error);
  g_assert_cmpstr (tandem_document_get_title (document), ==, "Offer to Virtanen");
  g_assert_true (found_by_search (f->db.store, "virtanen offer", id));
  g_assert_true (found_by_search (f->db.store, "2026-17b", id));

  /* The company's list has its own documents, not its people's or
   * projects'. */
  list = tandem_store_list_documents_of (f->db.store, TANDEM_KIND_COMPANY, f->company, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tandem_store_list_documents (f->db.store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_true (listed (list, id));

  /* Refused, with nothing stored. */
  g_assert_cmpint (tandem_store_add_document (f->db.store, TANDEM_KIND_COMPANY, f->company, "  ", NULL, offer, NULL,
                                              TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_add_document (f->db.store, TANDEM_KIND_NOTE, 1, "a.txt", NULL, offer, NULL,
                                              TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_add_document (f->db.store, TANDEM_KIND_COMPANY, 4242, "a.txt", NULL, offer, NULL,
                                              TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_add_document (f->db.store, TANDEM_KIND_COMPANY, f->company, "a.txt", NULL, offer, NULL,
                                              TANDEM_VISIBILITY_TEAM, NULL, 0, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_add_document (f->db.store, TANDEM_KIND_COMPANY, f->company, "a.txt", NULL, offer, NULL,
                                              TANDEM_VISIBILITY_GROUPS, NULL, 0, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  {
    gsize size = TANDEM_DOCUMENT_MAX_SIZE + 1;
    g_autoptr(GBytes) huge = g_bytes_new_take (g_malloc0 (size), size);

    g_assert_cmpint (tandem_store_add_document (f->db.store, TANDEM_KIND_COMPANY, f->company, "fair-video.mp4", NULL,
                                                huge, NULL, TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error), ==, 0);
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "fair-video.mp4"));
    g_assert_nonnull (strstr (error->message, "256"));
    g_clear_error (&error);
    g_assert_cmpuint (tandem_store_add_document_version (f->db.store, id, "fair-video.mp4", NULL, huge, NULL,
                                                         &error), ==, 0);
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count(*) FROM documents"), ==, 5);
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count(*) FROM document_versions"), ==, 6);
}

/* G2: a byte changed in the database is caught on every read; the
 * document says it is damaged and its content is not handed out. */
static void
test_damaged_content_refused_G2 (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) second = g_bytes_new_static ("Revised offer", 13);
  g_autoptr(GBytes) read_back = NULL;
  g_autofree char *sql = NULL;
  gint64 id = add_text (f, TANDEM_KIND_COMPANY, f->company, "offer.txt", offer_text, TANDEM_VISIBILITY_EVERYONE);

  g_assert_cmpuint (tandem_store_add_document_version (f->db.store, id, "offer.txt", NULL, second, NULL, &error), ==, 2);
  g_assert_no_error (error);

  /* The fifth byte of the first version flipped, the length kept. */
  sql = g_strdup_printf ("UPDATE document_versions SET data = CAST (substr (data, 1, 4) || 'X' || substr (data, 6) AS BLOB)"
                         " WHERE document_id = %" G_GINT64_FORMAT " AND number = 1", id);
  sql_exec (f->db.path, sql);
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT length (data) FROM document_versions WHERE number = 1"), ==,
                   strlen (offer_text));

  read_back = tandem_store_read_document (f->db.store, id, 1, NULL, &error);
  g_assert_null (read_back);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_nonnull (strstr (error->message, "offer.txt"));
  g_assert_nonnull (strstr (error->message, "will not be opened"));
  g_clear_error (&error);

  /* The other version is whole and reads as before. */
  read_back = tandem_store_read_document (f->db.store, id, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read_back, second));
  g_clear_pointer (&read_back, g_bytes_unref);

  /* A shortened blob too. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE document_versions SET data = substr (data, 1, 5)"
                         " WHERE document_id = %" G_GINT64_FORMAT " AND number = 2", id);
  sql_exec (f->db.path, sql);
  g_assert_null (tandem_store_read_document (f->db.store, id, 0, NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_DAMAGED);
}

/* G1: the header of an e-mail, as RFC 5322 and 2047 write it. */
static void
test_email_header_parsing_G1 (void)
{
  static const char message[] =
    "Return-Path: <liisa@virtanen.example>\r\n"
    "From: =?ISO-8859-1?Q?Liisa_Virtanen-M=E4kel=E4?= <liisa@virtanen.example>\r\n"
    "To: anna@tandem.example\r\n"
    "Subject: =?UTF-8?B?VGFyam91c3B5eW50w7Y6?= hyllyt\r\n"
    " =?UTF-8?Q?ja_k=C3=A4yt=C3=A4v=C3=A4t?=\r\n"
    "Date: Mon, 23 Nov 2026 10:15:00 +0200 (EET)\r\n"
    "Subject: A second subject is not read\r\n"
    "\r\n"
    "Subject: nor is the body\r\n";
  g_autoptr(TandemEmailHeader) header = tandem_email_header_parse (message, strlen (message));
  g_autofree char *split = NULL;
  g_autofree char *latin2 = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *plain = NULL;

  g_assert_cmpstr (header->subject, ==, "Tarjouspyyntö: hyllyt ja käytävät");
  g_assert_cmpstr (header->sender, ==, "Liisa Virtanen-Mäkelä <liisa@virtanen.example>");
  g_assert_cmpstr (header->date, ==, "2026-11-23T08:15:00Z");

  /* A character split across two words; white space between words goes. */
  split = tandem_email_decode_words ("=?UTF-8?B?xYF=?= =?UTF-8?B?w7Nkxbo=?=");
  g_assert_cmpstr (split, ==, "Łódź");
  latin2 = tandem_email_decode_words ("=?iso-8859-2?q?Hurtownia_=A3=F3d=BC?= sp. z o.o.");
  g_assert_cmpstr (latin2, ==, "Hurtownia Łódź sp. z o.o.");
  /* An unknown charset or a broken word leaves readable text. */
  unknown = tandem_email_decode_words ("=?x-unknown?Q?caf=E9?= =?UTF-8?B?broken");
  g_assert_true (g_utf8_validate (unknown, -1, NULL));
  g_assert_nonnull (strstr (unknown, "caf"));
  g_assert_nonnull (strstr (unknown, "=?UTF-8?B?broken"));
  plain = tandem_email_decode_words ("No encoding = here ?=");
  g_assert_cmpstr (plain, ==, "No encoding = here ?=");

  g_assert_true (tandem_email_is_message ("Offer.EML", NULL));
  g_assert_true (tandem_email_is_message ("mail", "message/rfc822"));
  g_assert_false (tandem_email_is_message ("offer.pdf", "application/pdf"));

  /* Latin-1 bytes written raw, a date in the old style, no subject. */
  {
    static const char old[] = "From: J\xf6rg M\xfcller <jm@example.de>\nDate: 5 Jan 98 23:59 GMT\n\nBody";
    g_autoptr(TandemEmailHeader) h = tandem_email_header_parse (old, strlen (old));

    g_assert_cmpstr (h->sender, ==, "Jörg Müller <jm@example.de>");
    g_assert_cmpstr (h->date, ==, "1998-01-05T23:59:00Z");
    g_assert_null (h->subject);
  }
  /* Not an e-mail at all, or a date nobody can read: nothing fails. */
  {
    static const char junk[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    static const char bad_date[] = "Subject: Hello\nDate: someday soon\n\n";
    g_autoptr(TandemEmailHeader) h1 = tandem_email_header_parse (junk, sizeof junk - 1);
    g_autoptr(TandemEmailHeader) h2 = tandem_email_header_parse (bad_date, strlen (bad_date));
    g_autoptr(TandemEmailHeader) h3 = tandem_email_header_parse (NULL, 0);

    g_assert_null (h1->subject);
    g_assert_null (h1->date);
    g_assert_cmpstr (h2->subject, ==, "Hello");
    g_assert_null (h2->date);
    g_assert_null (h3->sender);
  }
}

/* G1: an .eml shows its subject, sender and date; the Documents page
 * filters find it, as does the search. */
static void
test_email_documents_and_filters_G1 (Fixture       *f,
                                     gconstpointer  data)
{
  static const char eml[] =
    "From: =?UTF-8?Q?Liisa_Meik=C3=A4l=C3=A4inen?= <liisa@virtanen.example>\n"
    "Subject: =?UTF-8?B?VGFyam91c3B5eW50w7Y=?= shelving\n"
    "Date: Tue, 3 Nov 2026 09:00:00 +0000\n\nPlease send us an offer.\n";
  static const char broken[] = "Subject: Offer =?UTF-8?B?\xff\xfe?=\nFrom: \nDate: 99 Foo 2026\n\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (eml, strlen (eml));
  g_autoptr(GBytes) broken_bytes = g_bytes_new_static (broken, strlen (broken));
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(TandemDocument) damaged = NULL;
  g_autoptr(GPtrArray) list = NULL;
  TandemDocumentFilter filter = { 0 };
  gint64 mail, bad, other, bea_doc, on_sale;

  mail = tandem_store_add_document (f->db.store, TANDEM_KIND_COMPANY, f->company, "request.eml", NULL, bytes, NULL,
                                    TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error);
  g_assert_no_error (error);
  document = tandem_store_get_document (f->db.store, mail, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_document_get_is_email (document));
  g_assert_cmpstr (tandem_document_get_email_subject (document), ==, "Tarjouspyyntö shelving");
  g_assert_cmpstr (tandem_document_get_email_sender (document), ==, "Liisa Meikäläinen <liisa@virtanen.example>");
  g_assert_cmpstr (tandem_document_get_email_date (document), ==, "2026-11-03T09:00:00Z");
  /* Without a title of its own it goes by its subject, not "request.eml",
   * and saving it unchanged keeps it following the subject. */
  g_assert_cmpstr (tandem_document_get_title (document), ==, "Tarjouspyyntö shelving");
  g_assert_true (tandem_store_update_document (f->db.store, document, &error));
  g_assert_no_error (error);
  g_clear_object (&document);
  document = tandem_store_get_document (f->db.store, mail, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_document_get_title (document), ==, "Tarjouspyyntö shelving");
  g_assert_cmpstr (tandem_document_get_file_name (document), ==, "request.eml");

  /* A broken header never fails the add. */
  bad = tandem_store_add_document (f->db.store, TANDEM_KIND_PERSON, f->person, "broken.eml", "message/rfc822",
                                   broken_bytes, NULL, TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error);
  g_assert_no_error (error);
  damaged = tandem_store_get_document (f->db.store, bad, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_document_get_is_email (damaged));
  g_assert_true (g_str_has_prefix (tandem_document_get_email_subject (damaged), "Offer"));
  g_assert_true (g_utf8_validate (tandem_document_get_email_subject (damaged), -1, NULL));
  g_assert_null (tandem_document_get_email_sender (damaged));
  g_assert_null (tandem_document_get_email_date (damaged));

  other = add_text (f, TANDEM_KIND_PROJECT, f->project, "plan.txt", "Plan", TANDEM_VISIBILITY_EVERYONE);
  on_sale = add_text (f, TANDEM_KIND_PROJECT, f->sale, "offer.txt", "Offer", TANDEM_VISIBILITY_EVERYONE);
  test_sign_in (&f->db, "bea");
  bea_doc = add_text (f, TANDEM_KIND_COMPANY, f->company, "visit.txt", "Visit", TANDEM_VISIBILITY_EVERYONE);

  /* Words anywhere, without regard to case or accents' case. */
  filter.text = "MEIKÄLÄINEN tarjous";
  list = tandem_store_list_documents (f->db.store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (tandem_record_get_id (g_ptr_array_index (list, 0)), ==, mail);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (found_by_search (f->db.store, "tarjouspyyntö", mail));
  g_assert_true (found_by_search (f->db.store, "meikäläinen", mail));

  filter = (TandemDocumentFilter) { .only_email = TRUE };
  list = tandem_store_list_documents (f->db.store, &filter, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpuint (tandem_store_count_documents (f->db.store, &filter, &error), ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  filter = (TandemDocumentFilter) { .only_mine = TRUE };
  list = tandem_store_list_documents (f->db.store, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (tandem_record_get_id (g_ptr_array_index (list, 0)), ==, bea_doc);
  g_clear_pointer (&list, g_ptr_array_unref);

  filter = (TandemDocumentFilter) { .parent_kind = TANDEM_KIND_PROJECT };
  list = tandem_store_list_documents (f->db.store, &filter, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.only_sales = TRUE;
  list = tandem_store_list_documents (f->db.store, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (tandem_record_get_id (g_ptr_array_index (list, 0)), ==, on_sale);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter = (TandemDocumentFilter) { .parent_kind = TANDEM_KIND_PERSON };
  list = tandem_store_list_documents (f->db.store, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Pages, newest first. */
  filter = (TandemDocumentFilter) { .offset = 1, .limit = 2 };
  list = tandem_store_list_documents (f->db.store, &filter, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (tandem_record_get_id (g_ptr_array_index (list, 0)), ==, on_sale);
  g_assert_cmpint (tandem_record_get_id (g_ptr_array_index (list, 1)), ==, other);
  g_assert_cmpuint (tandem_store_count_documents (f->db.store, &filter, &error), ==, 5);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Dates added: today has them all, yesterday none. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
    g_autofree char *today_text = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *yesterday_text = g_date_time_format (yesterday, "%Y-%m-%d");

    filter = (TandemDocumentFilter) { .added_from = today_text, .added_to = today_text };
    g_assert_cmpuint (tandem_store_count_documents (f->db.store, &filter, &error), ==, 5);
    filter = (TandemDocumentFilter) { .added_to = yesterday_text };
    g_assert_cmpuint (tandem_store_count_documents (f->db.store, &filter, &error), ==, 0);
    g_assert_no_error (error);
    filter = (TandemDocumentFilter) { .added_from = "last week" };
    g_assert_null (tandem_store_list_documents (f->db.store, &filter, &error));
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
    g_clear_error (&error);
  }
}

/* E1, E2, E5: who sees a document, on every read path. */
static void
test_visibility_E1 (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(TandemDocument) widened = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 private_doc, group_doc, team_doc, activity_doc, public_doc;

  private_doc = add_text (f, TANDEM_KIND_COMPANY, f->company, "margin-private.txt", "Margin", TANDEM_VISIBILITY_PRIVATE);
  group_doc = add_text (f, TANDEM_KIND_COMPANY, f->company, "margin-sales.txt", "Margin", TANDEM_VISIBILITY_GROUPS);
  team_doc = add_text (f, TANDEM_KIND_PROJECT, f->project, "margin-team.txt", "Margin", TANDEM_VISIBILITY_TEAM);
  activity_doc = add_text (f, TANDEM_KIND_ACTIVITY, f->activity, "margin-call.txt", "Margin", TANDEM_VISIBILITY_EVERYONE);
  public_doc = add_text (f, TANDEM_KIND_PERSON, f->person, "margin-public.txt", "Margin", TANDEM_VISIBILITY_EVERYONE);

  assert_seen (f, private_doc, "margin-private");
  assert_seen (f, group_doc, "margin-sales");
  assert_seen (f, team_doc, "margin-team");
  assert_seen (f, activity_doc, "margin-call");

  /* Bea is in Sales, not in the project's team nor on the activity. */
  test_sign_in (&f->db, "bea");
  assert_hidden (f, private_doc, TANDEM_KIND_COMPANY, f->company, "margin-private");
  assert_seen (f, group_doc, "margin-sales");
  assert_hidden (f, team_doc, TANDEM_KIND_PROJECT, f->project, "margin-team");
  assert_seen (f, public_doc, "margin-public");
  g_assert_cmpuint (tandem_store_count_documents (f->db.store, NULL, &error), ==, 2);

  /* Carl, in no group, sees only what everyone may. Administrators get no
   * exception. */
  test_sign_in (&f->db, "carl");
  assert_hidden (f, group_doc, TANDEM_KIND_COMPANY, f->company, "margin-sales");
  assert_seen (f, public_doc, "margin-public");
  test_sign_in (&f->db, TEST_ADMIN_LOGIN);
  assert_hidden (f, private_doc, TANDEM_KIND_COMPANY, f->company, "margin-private");
  g_assert_cmpuint (tandem_store_count_documents (f->db.store, NULL, &error), ==, 1);

  /* A document on an activity is seen only while the activity is, even
   * when it is for everyone. */
  g_assert_null (tandem_store_get_document (f->db.store, activity_doc, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  test_sign_in (&f->db, "bea");
  g_assert_false (found_by_search (f->db.store, "margin-call", activity_doc));
  g_assert_null (tandem_store_read_document (f->db.store, activity_doc, 0, NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (tandem_store_list_document_versions (f->db.store, activity_doc, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nor can Bea add to what she may not see, or change who sees Anna's. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);

    g_assert_cmpint (tandem_store_add_document (f->db.store, TANDEM_KIND_ACTIVITY, f->activity, "x.txt", NULL, bytes,
                                                NULL, TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error), ==, 0);
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  document = tandem_store_get_document (f->db.store, group_doc, &error);
  g_assert_no_error (error);
  widened = tandem_document_copy (document);
  tandem_document_set_visibility (widened, TANDEM_VISIBILITY_EVERYONE);
  g_assert_false (tandem_store_update_document (f->db.store, widened, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (tandem_store_delete (f->db.store, TANDEM_KIND_DOCUMENT, group_doc, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);

  /* Joining the team shows the team's documents (E2: at the time of
   * reading). */
  test_sign_in (&f->db, "anna");
  g_assert_true (tandem_store_add_project_member (f->db.store, f->project, f->bea, NULL, &error));
  g_assert_no_error (error);
  test_sign_in (&f->db, "bea");
  assert_seen (f, team_doc, "margin-team");

  /* E2: the author widens it; the change is kept with who and when. */
  test_sign_in (&f->db, "anna");
  g_assert_true (tandem_store_update_document (f->db.store, widened, &error));
  g_assert_no_error (error);
  changes = tandem_store_list_visibility_changes (f->db.store, TANDEM_KIND_DOCUMENT, group_doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpint (tandem_visibility_change_get_old_visibility (g_ptr_array_index (changes, 0)), ==,
                   TANDEM_VISIBILITY_GROUPS);
  g_assert_cmpstr (tandem_visibility_change_get_old_groups (g_ptr_array_index (changes, 0))[0], ==, "Sales");
  g_assert_cmpint (tandem_visibility_change_get_new_visibility (g_ptr_array_index (changes, 0)), ==,
                   TANDEM_VISIBILITY_EVERYONE);
  test_sign_in (&f->db, "carl");
  assert_seen (f, group_doc, "margin-sales");
}

/* E1: deleted parents and deleted documents; restore; purge. */
static void
test_deleted_and_purged_E1 (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 on_company, on_project, on_person, mine;
  g_autofree char *index_sql = NULL;

  on_company = add_text (f, TANDEM_KIND_COMPANY, f->company, "contract.txt", "Contract", TANDEM_VISIBILITY_EVERYONE);
  on_project = add_text (f, TANDEM_KIND_PROJECT, f->project, "drawing.txt", "Drawing", TANDEM_VISIBILITY_EVERYONE);
  on_person = add_text (f, TANDEM_KIND_PERSON, f->person, "card.txt", "Card", TANDEM_VISIBILITY_EVERYONE);

  /* A deleted document: out of sight; only its author (or an
   * administrator) deletes and restores it. */
  test_sign_in (&f->db, "bea");
  mine = add_text (f, TANDEM_KIND_COMPANY, f->company, "visit-report.txt", "Visit", TANDEM_VISIBILITY_EVERYONE);
  g_assert_true (tandem_store_delete (f->db.store, TANDEM_KIND_DOCUMENT, mine, &error));
  g_assert_no_error (error);
  assert_hidden (f, mine, TANDEM_KIND_COMPANY, f->company, "visit-report");
  test_sign_in (&f->db, "anna");
  assert_hidden (f, mine, TANDEM_KIND_COMPANY, f->company, "visit-report");
  g_assert_false (tandem_store_restore (f->db.store, TANDEM_KIND_DOCUMENT, mine, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  test_sign_in (&f->db, "bea");
  g_assert_true (tandem_store_restore (f->db.store, TANDEM_KIND_DOCUMENT, mine, &error));
  g_assert_no_error (error);
  assert_seen (f, mine, "visit-report");

  /* A deleted project takes its documents out of sight, and back. */
  test_sign_in (&f->db, "anna");
  g_assert_true (tandem_store_delete (f->db.store, TANDEM_KIND_PROJECT, f->project, &error));
  g_assert_no_error (error);
  assert_hidden (f, on_project, TANDEM_KIND_PROJECT, f->project, "drawing");
  g_assert_true (tandem_store_restore (f->db.store, TANDEM_KIND_PROJECT, f->project, &error));
  assert_seen (f, on_project, "drawing");

  /* So does a deleted person, and a deleted company for all on it. */
  g_assert_true (tandem_store_delete (f->db.store, TANDEM_KIND_PERSON, f->person, &error));
  assert_hidden (f, on_person, TANDEM_KIND_PERSON, f->person, "card");
  g_assert_true (tandem_store_restore (f->db.store, TANDEM_KIND_PERSON, f->person, &error));
  test_sign_in (&f->db, TEST_ADMIN_LOGIN);
  g_assert_true (tandem_store_delete (f->db.store, TANDEM_KIND_COMPANY, f->company, &error));
  g_assert_no_error (error);
  test_sign_in (&f->db, "anna");
  assert_hidden (f, on_company, TANDEM_KIND_COMPANY, f->company, "contract");
  assert_hidden (f, on_project, TANDEM_KIND_PROJECT, f->project, "drawing");
  g_assert_cmpuint (tandem_store_count_documents (f->db.store, NULL, &error), ==, 1);

  /* Purged: the documents, their versions and search rows go too. */
  g_assert_true (tandem_store_purge_deleted (f->db.store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count(*) FROM document_versions"), ==, 1);
  index_sql = g_strdup_printf ("SELECT count(*) FROM search_index WHERE rowid IN (%" G_GINT64_FORMAT ", %"
                               G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                               on_company * 16 + 8, on_project * 16 + 8, mine * 16 + 8, f->company * 16 + 1);
  g_assert_cmpint (test_sql_int (f->db.path, index_sql), ==, 0);
  list = tandem_store_list_documents (f->db.store, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (tandem_record_get_id (g_ptr_array_index (list, 0)), ==, on_person);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/documents/G1-G2/add-and-versions", test_add_and_versions_G1_G2);
  ADD ("/documents/G2/damaged-content-refused", test_damaged_content_refused_G2);
  g_test_add_func ("/documents/G1/email-header-parsing", test_email_header_parsing_G1);
  ADD ("/documents/G1/email-documents-and-filters", test_email_documents_and_filters_G1);
  ADD ("/documents/E1/visibility-on-every-read-path", test_visibility_E1);
  ADD ("/documents/E1/deleted-and-purged", test_deleted_and_purged_E1);
#undef ADD

  return g_test_run ();
}
