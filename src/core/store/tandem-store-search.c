/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-store-private.h"

/*
 * The search index holds one row per company, person, note, activity,
 * project, task and document, rowid = id * 16 + kind. Rows are rebuilt
 * by the store whenever the record, or
 * something shown with it, changes, inside the same transaction. Reading
 * goes through the visibility views: a hidden note is never a hit, never
 * a snippet, never counted.
 */

#define ROWID(kind, id) ((id) * 16 + (kind))

/* Up to this many matches, search results come best first. */
#define RANKED_MATCHES 2000

static const char company_text_sql[] =
  "SELECT c.name, ifnull (c.phone || char (10), '') || ifnull (c.fax || char (10), '') || ifnull (c.email || char (10), '') || ifnull (c.website || char (10), '') || ifnull (c.business_id || char (10), '') || ifnull (c.vat_number || char (10), '') || ifnull (c.visit_street || char (10), '') || ifnull (c.visit_postcode || char (10), '') || ifnull (c.visit_city || char (10), '') || ifnull (c.visit_country || char (10), '') || ifnull (c.postal_street || char (10), '') || ifnull (c.postal_postcode || char (10), '') || ifnull (c.postal_city || char (10), '') || ifnull (c.postal_country || char (10), '') || ifnull (c.billing_street || char (10), '') || ifnull (c.billing_postcode || char (10), '') || ifnull (c.billing_city || char (10), '') || ifnull (c.billing_country || char (10), '') || ifnull ((SELECT group_concat (r.name, ', ') FROM company_roles cr JOIN partner_roles r ON r.id = cr.role_id WHERE cr.company_id = c.id) || char (10), '') || ifnull ((SELECT group_concat (f.name || ': ' || v.value, char (10)) FROM field_values v JOIN fields f ON f.id = v.field_id WHERE f.entity = 1 AND v.record_id = c.id) || char (10), '') FROM companies c WHERE c.id = ?";

static const char person_text_sql[] =
  "SELECT p.name, ifnull (p.job_title || char (10), '') || ifnull ((SELECT c.name FROM companies c WHERE c.id = p.company_id AND c.deleted = 0) || char (10), '') || ifnull (p.email || char (10), '') || ifnull (p.phone || char (10), '') || ifnull (p.mobile || char (10), '') || ifnull (p.street || char (10), '') || ifnull (p.postcode || char (10), '') || ifnull (p.city || char (10), '') || ifnull (p.country || char (10), '') || ifnull ((SELECT group_concat (f.name || ': ' || v.value, char (10)) FROM field_values v JOIN fields f ON f.id = v.field_id WHERE f.entity = 2 AND v.record_id = p.id) || char (10), '') FROM people p WHERE p.id = ?";

/* A note is found by its own text only, not by the name of its record. */
static const char note_text_sql[] =
  "SELECT NULL, n.body FROM notes n WHERE n.id = ?";

/* An activity is found by its title and texts, the names of its company,
 * contact persons and category, and its tracking number (SPEC K1, D14).
 * Internal notes stay out of the snippets. */
static const char activity_text_sql[] =
  "SELECT a.title, ifnull (a.description || char (10), '') || ifnull (a.details || char (10), '') || ifnull (a.reference || char (10), '') || ifnull ((SELECT c.name FROM companies c WHERE c.id = a.company_id) || char (10), '') || ifnull ((SELECT group_concat (p.name, ', ') FROM activity_people ap JOIN people p ON p.id = ap.person_id WHERE ap.activity_id = a.id) || char (10), '') || ifnull ((SELECT coalesce (t.name, t.builtin) FROM activity_terms t WHERE t.id = a.category_id) || char (10), '') || a.tracking FROM activities a WHERE a.id = ?";

/* A project is found by its name, customer, campaign, description,
 * product and stage (SPEC K1, H1); the stage by its English name until an
 * administrator renames it. */
static const char project_text_sql[] =
  "SELECT p.name, ifnull ((SELECT c.name FROM companies c WHERE c.id = p.company_id) || char (10), '') || ifnull ((SELECT cm.name FROM campaigns cm WHERE cm.id = p.campaign_id) || char (10), '') || ifnull (p.description || char (10), '') || ifnull ((SELECT pr.name FROM products pr WHERE pr.id = p.product_id) || char (10), '') || ifnull ((SELECT coalesce (s.name, s.builtin) FROM sale_stages s WHERE s.id = p.stage_id) || char (10), '') FROM projects p WHERE p.id = ?";

/* A task by its own title and description only (E4: whoever finds it is
 * in its project's team anyway). */
static const char task_text_sql[] =
  "SELECT t.title, t.description FROM project_tasks t WHERE t.id = ?";

/* A document by its title, file name and, for an e-mail, its subject and
 * sender (SPEC K1, G1); never by its content. */
static const char document_text_sql[] =
  "SELECT coalesce (d.title, v.file_name), ifnull (CASE WHEN d.title IS NOT NULL THEN v.file_name || char (10) END, '') || ifnull (d.email_subject || char (10), '') || ifnull (d.email_sender || char (10), '') FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.number = d.current_version WHERE d.id = ?";

/* How well a row matches, lower being better as with FTS5's own rank,
 * read from the row alone (SPEC K1, E5). FTS5's bm25 weighs each word by
 * how many rows of the index hold it, rows the user may not see
 * included, so the order of the hits would tell about hidden records.
 * Here a phrase found in the title counts ten times one in the body, and
 * a shorter row ranks higher. */
static void
rank_function (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *context,
               int                      n_values,
               sqlite3_value          **values)
{
  int n_inst = 0, n_tokens = 0;
  double score = 0;

  if (api->xInstCount (fts, &n_inst) != SQLITE_OK ||
      api->xColumnSize (fts, -1, &n_tokens) != SQLITE_OK)
    {
      sqlite3_result_error (context, "tandem_rank: cannot read the row", -1);
      return;
    }
  for (int i = 0; i < n_inst; i++)
    {
      int phrase, column, offset;

      if (api->xInst (fts, i, &phrase, &column, &offset) == SQLITE_OK)
        score += column == 0 ? 10 : 1;
    }
  sqlite3_result_double (context, -score / (1.0 + 0.1 * n_tokens));
}

gboolean
tandem_store_register_search_rank (sqlite3  *db,
                                   GError  **error)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (api == NULL || api->iVersion < 2 ||
      api->xCreateFunction (api, "tandem_rank", NULL, rank_function, NULL) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                   _("Could not prepare the database: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

gboolean
tandem_store_unindex_record (TandemStore  *self,
                             TandemKind    kind,
                             gint64        id,
                             GError      **error)
{
  sqlite3_stmt *stmt = tandem_store_prepare (self, "DELETE FROM search_index WHERE rowid = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ROWID (kind, id));
  return tandem_store_step_done (self, stmt, error);
}

gboolean
tandem_store_index_record (TandemStore  *self,
                           TandemKind    kind,
                           gint64        id,
                           GError      **error)
{
  const char *text_sql;
  sqlite3_stmt *stmt;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  gboolean found = FALSE;

  switch (kind)
    {
    case TANDEM_KIND_COMPANY:
      text_sql = company_text_sql;
      break;
    case TANDEM_KIND_PERSON:
      text_sql = person_text_sql;
      break;
    case TANDEM_KIND_NOTE:
      text_sql = note_text_sql;
      break;
    case TANDEM_KIND_ACTIVITY:
      text_sql = activity_text_sql;
      break;
    case TANDEM_KIND_PROJECT:
      text_sql = project_text_sql;
      break;
    case TANDEM_KIND_TASK:
      text_sql = task_text_sql;
      break;
    case TANDEM_KIND_DOCUMENT:
      text_sql = document_text_sql;
      break;
    case TANDEM_KIND_NONE:
    default:
      g_return_val_if_reached (FALSE);
    }

  if (!tandem_store_unindex_record (self, kind, id, error))
    return FALSE;

  stmt = tandem_store_prepare (self, text_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      title = g_strdup (tandem_store_column_text (stmt, 0));
      body = g_strdup (tandem_store_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (!found)
    return TRUE;

  stmt = tandem_store_prepare (self, "INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ROWID (kind, id));
  tandem_store_bind_text (stmt, 2, title);
  tandem_store_bind_text (stmt, 3, body);
  return tandem_store_step_done (self, stmt, error);
}

gboolean
tandem_store_reindex_all (TandemStore  *self,
                          TandemKind    kind,
                          GError      **error)
{
  const char *sql;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (kind == TANDEM_KIND_COMPANY)
    sql = "SELECT id FROM companies";
  else if (kind == TANDEM_KIND_PERSON)
    sql = "SELECT id FROM people";
  else if (kind == TANDEM_KIND_ACTIVITY)
    sql = "SELECT id FROM activities";
  else if (kind == TANDEM_KIND_PROJECT)
    sql = "SELECT id FROM projects";
  else if (kind == TANDEM_KIND_TASK)
    sql = "SELECT id FROM project_tasks";
  else if (kind == TANDEM_KIND_DOCUMENT)
    sql = "SELECT id FROM documents";
  else
    sql = "SELECT id FROM notes";

  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    if (!tandem_store_index_record (self, kind, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* Turns typed text into an FTS5 query that treats every character as
 * text: each word becomes a quoted phrase (inner quotes doubled) and the
 * last one a prefix, so "acme (oy)" finds "Acme Oy" and NOT, OR, *, :, ^
 * and parentheses are never operators. Words without any letter or digit
 * are dropped, as the index has no tokens for them. Returns NULL when
 * nothing searchable is left. */
char *
tandem_store_build_match_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  guint n_words;

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\n\r", -1);
  n_words = g_strv_length (words);

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = words[i];
      gboolean searchable = FALSE;
      gboolean last = TRUE;

      if (!g_utf8_validate (word, -1, NULL))
        continue;
      for (const char *p = word; *p; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          {
            searchable = TRUE;
            break;
          }
      if (!searchable)
        continue;

      for (guint j = i + 1; j < n_words; j++)
        if (words[j][0] != '\0')
          last = FALSE;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = word; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append_c (query, '"');
      /* Every word is a prefix: people type the start of names. */
      g_string_append_c (query, '*');
      (void) last;
    }

  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

GPtrArray *
tandem_store_search (TandemStore  *self,
                     const char   *text,
                     guint         limit,
                     GError      **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  gboolean ranked;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  match = tandem_store_build_match_query (text);
  if (match == NULL)
    return g_steal_pointer (&hits);

  /* Whether the search row aliased "s" is of a record the user may see:
   * visibility is decided by the views, row by row, before any LIMIT. */
#define ROW_VISIBLE \
    "CASE s.rowid & 15" \
    "  WHEN 1 THEN EXISTS (SELECT 1 FROM visible_companies c WHERE c.id = s.rowid >> 4)" \
    "  WHEN 2 THEN EXISTS (SELECT 1 FROM visible_people p WHERE p.id = s.rowid >> 4)" \
    "  WHEN 3 THEN EXISTS (SELECT 1 FROM visible_notes n WHERE n.id = s.rowid >> 4)" \
    "  WHEN 4 THEN EXISTS (SELECT 1 FROM visible_activities a WHERE a.id = s.rowid >> 4)" \
    "  WHEN 5 THEN EXISTS (SELECT 1 FROM visible_projects p WHERE p.id = s.rowid >> 4)" \
    "  WHEN 6 THEN EXISTS (SELECT 1 FROM visible_tasks t WHERE t.id = s.rowid >> 4)" \
    "  WHEN 8 THEN EXISTS (SELECT 1 FROM visible_documents d WHERE d.id = s.rowid >> 4)" \
    "  ELSE 0 END"

  /* Ranking computes a score for every match before the best ones can be
   * picked, which for the first letters typed means most of the register.
   * Nobody reads tens of thousands of hits: while there are more than
   * RANKED_MATCHES, the newest visible ones are shown, found without
   * sorting; from there on (usually the third or fourth letter), the best
   * ones first. Only matches the user may see count, so that which order
   * is used says nothing about hidden records; they are counted only when
   * all the matches together are more than RANKED_MATCHES, since fewer
   * matches hold fewer visible ones. */
  ranked = TRUE;
  for (guint pass = 0; pass < 2 && ranked; pass++)
    {
      stmt = tandem_store_prepare (self,
                                   pass == 0
                                   ? "SELECT count(*) FROM (SELECT 1 FROM search_index"
                                     " WHERE search_index MATCH ?1 LIMIT ?2)"
                                   : "SELECT count(*) FROM (SELECT 1 FROM search_index s"
                                     " WHERE search_index MATCH ?1 AND " ROW_VISIBLE " LIMIT ?2)",
                                   error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, RANKED_MATCHES + 1);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          tandem_store_set_db_error (self, error);
          return NULL;
        }
      if (sqlite3_column_int (stmt, 0) <= RANKED_MATCHES)
        {
          sqlite3_reset (stmt);
          break;
        }
      sqlite3_reset (stmt);
      ranked = pass == 0;
    }

#define SEARCH_SQL(order) \
    "SELECT s.rowid, s.title," \
    "       snippet (search_index, -1, char (1), char (2), '…', 12)" \
    " FROM search_index s" \
    " WHERE search_index MATCH ?1 AND " ROW_VISIBLE \
    " ORDER BY " order " LIMIT ?2"
  stmt = tandem_store_prepare (self, ranked ? SEARCH_SQL ("tandem_rank (search_index), s.rowid DESC") : SEARCH_SQL ("s.rowid DESC"), error);
#undef SEARCH_SQL
#undef ROW_VISIBLE
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, limit ? limit : 50);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      TandemKind kind = rowid & 15;
      gint64 id = rowid >> 4;
      const char *title = tandem_store_column_text (stmt, 1);
      const char *snippet = tandem_store_column_text (stmt, 2);

      if (kind == TANDEM_KIND_NOTE)
        {
          /* A note is shown by its first line and the record it is on. */
          g_autoptr(TandemNote) note = tandem_store_get_note (self, id, NULL);

          if (note == NULL)
            continue;
          g_ptr_array_add (hits, tandem_search_hit_new (kind, id, tandem_record_get_title (TANDEM_RECORD (note)),
                                                        snippet,
                                                        tandem_note_get_parent_kind (note),
                                                        tandem_note_get_parent_id (note),
                                                        tandem_note_get_parent_name (note)));
        }
      else if (kind == TANDEM_KIND_DOCUMENT)
        {
          /* A document is shown with the record it is on. */
          g_autoptr(TandemDocument) document = tandem_store_get_document (self, id, NULL);

          if (document == NULL)
            continue;
          g_ptr_array_add (hits, tandem_search_hit_new (kind, id, title, snippet,
                                                        tandem_document_get_parent_kind (document),
                                                        tandem_document_get_parent_id (document),
                                                        tandem_document_get_parent_name (document)));
        }
      else if (kind == TANDEM_KIND_ACTIVITY)
        {
          /* An activity is shown with its company, when it has one. */
          sqlite3_stmt *parent;
          gint64 company_id = 0;
          g_autofree char *company_name = NULL;

          parent = tandem_store_prepare (self,
                                         "SELECT a.company_id, (SELECT vc.name FROM visible_companies vc"
                                         " WHERE vc.id = a.company_id)"
                                         " FROM visible_activities a WHERE a.id = ?", error);
          if (parent == NULL)
            {
              sqlite3_reset (stmt);
              return NULL;
            }
          sqlite3_bind_int64 (parent, 1, id);
          if (sqlite3_step (parent) == SQLITE_ROW)
            {
              company_id = sqlite3_column_int64 (parent, 0);
              company_name = g_strdup (tandem_store_column_text (parent, 1));
            }
          sqlite3_reset (parent);
          g_ptr_array_add (hits, tandem_search_hit_new (kind, id, title, snippet,
                                                        company_id ? TANDEM_KIND_COMPANY : TANDEM_KIND_NONE,
                                                        company_id, company_name));
        }
      else if (kind == TANDEM_KIND_PROJECT || kind == TANDEM_KIND_TASK)
        {
          /* A project is shown with its customer, a task with its project. */
          sqlite3_stmt *parent;
          gint64 parent_id = 0;
          g_autofree char *parent_name = NULL;

          parent = tandem_store_prepare (self,
                                         kind == TANDEM_KIND_PROJECT
                                         ? "SELECT p.company_id, (SELECT vc.name FROM visible_companies vc"
                                           " WHERE vc.id = p.company_id) FROM visible_projects p WHERE p.id = ?"
                                         : "SELECT t.project_id, (SELECT vp.name FROM visible_projects vp"
                                           " WHERE vp.id = t.project_id) FROM visible_tasks t WHERE t.id = ?",
                                         error);
          if (parent == NULL)
            {
              sqlite3_reset (stmt);
              return NULL;
            }
          sqlite3_bind_int64 (parent, 1, id);
          if (sqlite3_step (parent) == SQLITE_ROW)
            {
              parent_id = sqlite3_column_int64 (parent, 0);
              parent_name = g_strdup (tandem_store_column_text (parent, 1));
            }
          sqlite3_reset (parent);
          if (parent_name == NULL)
            parent_id = 0;
          g_ptr_array_add (hits, tandem_search_hit_new (kind, id, title, snippet,
                                                        parent_id == 0 ? TANDEM_KIND_NONE
                                                        : kind == TANDEM_KIND_PROJECT ? TANDEM_KIND_COMPANY
                                                        : TANDEM_KIND_PROJECT,
                                                        parent_id, parent_name));
        }
      else
        g_ptr_array_add (hits, tandem_search_hit_new (kind, id, title, snippet, TANDEM_KIND_NONE, 0, NULL));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}
