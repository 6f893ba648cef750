/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tandem-date.h"
#include "tandem-email-header.h"
#include "tandem-store-private.h"

/*
 * Documents (SPEC G1, G2). Every version is a row of document_versions
 * with its bytes and their SHA-256; documents.current_version names the
 * newest. Every read joins visible_documents (SPEC E), so a document the
 * user may not see is never listed, counted, read or found, and its
 * versions and bytes are "not found" like any other record.
 */

/* The current version's columns come with each document. */
#define DOCUMENT_COLUMNS \
  "d.id, d.company_id, d.person_id, d.project_id, d.activity_id, d.title, d.visibility," \
  " d.author_id, u.name, d.current_version, d.is_email, d.email_subject, d.email_sender," \
  " d.email_date, d.created_at, d.updated_at, v.file_name, v.content_type, v.size, v.sha256," \
  " CASE WHEN d.company_id IS NOT NULL THEN (SELECT c.name FROM visible_companies c WHERE c.id = d.company_id)" \
  "      WHEN d.person_id IS NOT NULL THEN (SELECT p.name FROM visible_people p WHERE p.id = d.person_id)" \
  "      WHEN d.project_id IS NOT NULL THEN (SELECT p.name FROM visible_projects p WHERE p.id = d.project_id)" \
  "      ELSE (SELECT a.title FROM visible_activities a WHERE a.id = d.activity_id) END," \
  " ifnull ((SELECT p.is_sale FROM main.projects p WHERE p.id = d.project_id), 0)"
#define DOCUMENT_FROM \
  " FROM visible_documents d" \
  " JOIN document_versions v ON v.document_id = d.id AND v.number = d.current_version" \
  " LEFT JOIN users u ON u.id = d.author_id"

#define VERSION_COLUMNS \
  "v.id, v.document_id, v.number, v.file_name, v.content_type, v.size, v.sha256, v.added_by," \
  " u.name, v.added_at, v.comment"

/* Words of the filter's text looked for, at most */
#define MAX_FILTER_WORDS 8

static gint64
current_user_id (TandemStore *self)
{
  return tandem_user_get_id (self->user);
}

static void
set_document_not_found (gint64   id,
                        GError **error)
{
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
               _("There is no document with the id %lld"), (long long) id);
}

static const char *
parent_column (TandemKind kind)
{
  switch (kind)
    {
    case TANDEM_KIND_COMPANY:
      return "company_id";
    case TANDEM_KIND_PERSON:
      return "person_id";
    case TANDEM_KIND_PROJECT:
      return "project_id";
    case TANDEM_KIND_ACTIVITY:
      return "activity_id";
    case TANDEM_KIND_NONE:
    case TANDEM_KIND_NOTE:
    case TANDEM_KIND_TASK:
    case TANDEM_KIND_CAMPAIGN:
    case TANDEM_KIND_DOCUMENT:
    default:
      return NULL;
    }
}

static gboolean
require_parent_kind (TandemKind   kind,
                     GError     **error)
{
  if (parent_column (kind) != NULL)
    return TRUE;
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
               _("Documents are on companies, people, projects, sales projects and activities"));
  return FALSE;
}

/* The parent exists and the user may see it; NOT_FOUND otherwise, worded
 * as for a record that does not exist (E5). */
static gboolean
require_visible_parent (TandemStore  *self,
                        TandemKind    kind,
                        gint64        id,
                        GError      **error)
{
  const char *sql;
  const char *message;
  sqlite3_stmt *stmt;
  int rc;

  switch (kind)
    {
    case TANDEM_KIND_COMPANY:
      sql = "SELECT 1 FROM visible_companies WHERE id = ?";
      message = _("There is no company with the id %lld");
      break;
    case TANDEM_KIND_PERSON:
      sql = "SELECT 1 FROM visible_people WHERE id = ?";
      message = _("There is no person with the id %lld");
      break;
    case TANDEM_KIND_PROJECT:
      sql = "SELECT 1 FROM visible_projects WHERE id = ?";
      message = _("There is no project with the id %lld");
      break;
    case TANDEM_KIND_ACTIVITY:
      sql = "SELECT 1 FROM visible_activities WHERE id = ?";
      message = _("There is no activity with the id %lld");
      break;
    case TANDEM_KIND_NONE:
    case TANDEM_KIND_NOTE:
    case TANDEM_KIND_TASK:
    case TANDEM_KIND_CAMPAIGN:
    case TANDEM_KIND_DOCUMENT:
    default:
      return require_parent_kind (kind, error);
    }

  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, message, (long long) id);
  return FALSE;
}

/* A file's name without its folder; NULL with @error for none. */
static char *
clean_file_name (const char  *file_name,
                 GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (file_name ? file_name : ""));
  g_autofree char *base = NULL;

  /* Names from other systems may use the other separator. */
  for (char *p = stripped; *p; p++)
    if (*p == '\\')
      *p = '/';
  base = stripped[0] ? g_path_get_basename (stripped) : g_strdup ("");
  g_strstrip (base);
  if (base[0] == '\0' || g_str_equal (base, "/") || g_str_equal (base, ".") || g_str_equal (base, ".."))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The file has no name"));
      return NULL;
    }
  if (!g_utf8_validate (base, -1, NULL))
    {
      char *valid = g_utf8_make_valid (base, -1);

      g_free (base);
      base = valid;
    }
  return g_steal_pointer (&base);
}

static gboolean
check_data (const char  *name,
            GBytes      *data,
            GError     **error)
{
  gsize size;

  if (data == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The file “%s” could not be read"), name);
      return FALSE;
    }
  size = g_bytes_get_size (data);
  if ((guint64) size > (guint64) TANDEM_DOCUMENT_MAX_SIZE)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *limit_text = g_format_size_full (TANDEM_DOCUMENT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The file “%s” is too large to keep (%s); documents up to %s can be added"),
                   name, size_text, limit_text);
      return FALSE;
    }
  return TRUE;
}

static char *
content_type_for (const char *name,
                  const char *content_type,
                  GBytes     *data)
{
  g_autofree char *guess = NULL;
  gsize size;
  const guchar *bytes;

  if (content_type != NULL && content_type[0] != '\0')
    return g_strdup (content_type);
  bytes = g_bytes_get_data (data, &size);
  guess = g_content_type_guess (name, bytes, MIN (size, 4096), NULL);
  return g_content_type_get_mime_type (guess);
}

static gboolean
insert_version (TandemStore  *self,
                gint64        document_id,
                guint         number,
                const char   *file_name,
                const char   *content_type,
                GBytes       *data,
                const char   *comment,
                GError      **error)
{
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  g_autofree char *now = tandem_store_unix_to_utc (g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *clean_comment = g_strstrip (g_strdup (comment ? comment : ""));
  gsize size;
  const void *bytes = g_bytes_get_data (data, &size);
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = tandem_store_prepare (self,
                               "INSERT INTO document_versions (document_id, number, file_name, content_type,"
                               " size, sha256, data, added_by, added_at, comment)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int (stmt, 2, number);
  sqlite3_bind_text (stmt, 3, file_name, -1, SQLITE_TRANSIENT);
  tandem_store_bind_text (stmt, 4, content_type);
  sqlite3_bind_int64 (stmt, 5, size);
  sqlite3_bind_text (stmt, 6, sha256, -1, SQLITE_TRANSIENT);
  if (size == 0)
    /* A NULL pointer would bind NULL, and an empty file is still a file. */
    sqlite3_bind_zeroblob (stmt, 7, 0);
  else
    sqlite3_bind_blob64 (stmt, 7, bytes, size, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, current_user_id (self));
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  tandem_store_bind_text (stmt, 10, clean_comment[0] ? clean_comment : NULL);
  ok = tandem_store_step_done (self, stmt, error);
  /* The blob was bound without a copy; the cached statement must not
   * keep it. */
  sqlite3_clear_bindings (stmt);
  return ok;
}

static gboolean
save_groups (TandemStore      *self,
             gint64            document_id,
             TandemVisibility  visibility,
             const gint64     *group_ids,
             guint             n_groups,
             GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self, "DELETE FROM document_teams WHERE document_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;
  if (visibility != TANDEM_VISIBILITY_GROUPS)
    return TRUE;

  for (guint i = 0; i < n_groups; i++)
    {
      stmt = tandem_store_prepare (self,
                                   "INSERT OR IGNORE INTO document_teams (document_id, team_id) VALUES (?, ?)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_int64 (stmt, 2, group_ids[i]);
      if (!tandem_store_step_done (self, stmt, error))
        {
          g_clear_error (error);
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("One of the chosen groups no longer exists"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_visibility (TandemKind         parent_kind,
                  TandemVisibility   visibility,
                  guint              n_groups,
                  GError           **error)
{
  if ((int) visibility < TANDEM_VISIBILITY_EVERYONE || visibility > TANDEM_VISIBILITY_TEAM)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("Unknown visibility of a document"));
      return FALSE;
    }
  if (visibility == TANDEM_VISIBILITY_GROUPS && n_groups == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Choose at least one group that may see the document"));
      return FALSE;
    }
  /* E1: only a project has a team to restrict a document to. */
  if (visibility == TANDEM_VISIBILITY_TEAM && parent_kind != TANDEM_KIND_PROJECT)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Only a document on a project can be restricted to the project team"));
      return FALSE;
    }
  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Sorted, without repeats, as they are read back. */
static GArray *
sorted_groups (const gint64 *group_ids,
               guint         n_groups)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_groups; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < ids->len; j++)
        if (g_array_index (ids, gint64, j) == group_ids[i])
          seen = TRUE;
      if (!seen)
        g_array_append_val (ids, group_ids[i]);
    }
  g_array_sort (ids, compare_ids);
  return ids;
}

static gboolean
update_email (TandemStore  *self,
              gint64        document_id,
              const char   *file_name,
              const char   *content_type,
              GBytes       *data,
              GError      **error)
{
  g_autoptr(TandemEmailHeader) header = NULL;
  gboolean is_email = tandem_email_is_message (file_name, content_type);
  sqlite3_stmt *stmt;

  if (is_email)
    {
      gsize size;
      const char *bytes = g_bytes_get_data (data, &size);

      header = tandem_email_header_parse (bytes, size);
    }

  stmt = tandem_store_prepare (self,
                               "UPDATE documents SET is_email = ?, email_subject = ?, email_sender = ?,"
                               " email_date = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, is_email ? 1 : 0);
  tandem_store_bind_text (stmt, 2, header ? header->subject : NULL);
  tandem_store_bind_text (stmt, 3, header ? header->sender : NULL);
  tandem_store_bind_text (stmt, 4, header ? header->date : NULL);
  sqlite3_bind_int64 (stmt, 5, document_id);
  return tandem_store_step_done (self, stmt, error);
}

static gpointer
load_document (TandemStore  *self,
               sqlite3_stmt *stmt)
{
  TandemDocument *document;
  TandemKind parent_kind;
  gint64 parent_id;

  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    parent_kind = TANDEM_KIND_COMPANY, parent_id = sqlite3_column_int64 (stmt, 1);
  else if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    parent_kind = TANDEM_KIND_PERSON, parent_id = sqlite3_column_int64 (stmt, 2);
  else if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    parent_kind = TANDEM_KIND_PROJECT, parent_id = sqlite3_column_int64 (stmt, 3);
  else
    parent_kind = TANDEM_KIND_ACTIVITY, parent_id = sqlite3_column_int64 (stmt, 4);

  document = tandem_document_new (parent_kind, parent_id, tandem_store_column_text (stmt, 5));
  tandem_record_set_id (TANDEM_RECORD (document), sqlite3_column_int64 (stmt, 0));
  tandem_document_set_visibility (document, sqlite3_column_int (stmt, 6));
  tandem_document_set_loaded (document,
                              tandem_store_column_text (stmt, 20),
                              sqlite3_column_int (stmt, 21) != 0,
                              tandem_store_column_text (stmt, 16),
                              tandem_store_column_text (stmt, 17),
                              sqlite3_column_int64 (stmt, 18),
                              tandem_store_column_text (stmt, 19),
                              sqlite3_column_int (stmt, 9),
                              sqlite3_column_int64 (stmt, 7),
                              tandem_store_column_text (stmt, 8),
                              tandem_store_column_text (stmt, 14),
                              tandem_store_column_text (stmt, 15));
  tandem_document_set_email (document,
                             sqlite3_column_int (stmt, 10) != 0,
                             tandem_store_column_text (stmt, 11),
                             tandem_store_column_text (stmt, 12),
                             tandem_store_column_text (stmt, 13));
  return document;
}

static gboolean
load_groups (TandemStore     *self,
             TandemDocument  *document,
             GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = tandem_store_prepare (self,
                               "SELECT team_id FROM document_teams WHERE document_id = ? ORDER BY team_id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tandem_record_get_id (TANDEM_RECORD (document)));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 team = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, team);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  tandem_document_set_group_ids (document, (const gint64 *) (gpointer) ids->data, ids->len);
  return TRUE;
}

static GPtrArray *
load_all_groups (TandemStore  *self,
                 GPtrArray    *documents,
                 GError      **error)
{
  if (documents == NULL)
    return NULL;
  for (guint i = 0; i < documents->len; i++)
    if (!load_groups (self, g_ptr_array_index (documents, i), error))
      {
        g_ptr_array_unref (documents);
        return NULL;
      }
  return documents;
}

gint64
tandem_store_add_document (TandemStore       *self,
                           TandemKind         parent_kind,
                           gint64             parent_id,
                           const char        *file_name,
                           const char        *content_type,
                           GBytes            *data,
                           const char        *title,
                           TandemVisibility   visibility,
                           const gint64      *group_ids,
                           guint              n_groups,
                           GError           **error)
{
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  g_autofree char *clean_title = NULL;
  g_autoptr(GArray) groups = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  if (!tandem_store_require_user (self, error) ||
      !require_parent_kind (parent_kind, error))
    return 0;
  name = clean_file_name (file_name, error);
  if (name == NULL || !check_data (name, data, error))
    return 0;
  if (!check_visibility (parent_kind, visibility, n_groups, error) ||
      !require_visible_parent (self, parent_kind, parent_id, error))
    return 0;
  type = content_type_for (name, content_type, data);
  clean_title = g_strstrip (g_strdup (title ? title : ""));
  groups = sorted_groups (group_ids, visibility == TANDEM_VISIBILITY_GROUPS ? n_groups : 0);

  if (!tandem_store_begin (self, error))
    return 0;

  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO documents (%s, title, visibility, author_id,"
                                            " created_at, updated_at) VALUES (?, ?, ?, ?, ?5, ?5)",
                                            parent_column (parent_kind));
    g_autofree char *now = tandem_store_unix_to_utc (g_get_real_time () / G_USEC_PER_SEC);

    stmt = tandem_store_prepare (self, sql, error);
    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, parent_id);
    tandem_store_bind_text (stmt, 2, clean_title[0] ? clean_title : NULL);
    sqlite3_bind_int (stmt, 3, visibility);
    sqlite3_bind_int64 (stmt, 4, current_user_id (self));
    sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
    if (!tandem_store_step_done (self, stmt, error))
      goto fail;
  }
  id = sqlite3_last_insert_rowid (self->db);

  if (!insert_version (self, id, 1, name, type, data, NULL, error) ||
      !save_groups (self, id, visibility, (const gint64 *) (gpointer) groups->data, groups->len, error) ||
      !update_email (self, id, name, type, data, error) ||
      !tandem_store_index_record (self, TANDEM_KIND_DOCUMENT, id, error))
    goto fail;

  if (!tandem_store_commit (self, error))
    return 0;

  tandem_store_emit_changed (self, TANDEM_KIND_DOCUMENT, id);
  return id;

fail:
  tandem_store_rollback (self);
  return 0;
}

guint
tandem_store_add_document_version (TandemStore  *self,
                                   gint64        document_id,
                                   const char   *file_name,
                                   const char   *content_type,
                                   GBytes       *data,
                                   const char   *comment,
                                   GError      **error)
{
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  sqlite3_stmt *stmt;
  guint number = 0;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  if (!tandem_store_require_user (self, error))
    return 0;
  name = clean_file_name (file_name, error);
  if (name == NULL || !check_data (name, data, error))
    return 0;
  type = content_type_for (name, content_type, data);

  if (!tandem_store_begin (self, error))
    return 0;

  stmt = tandem_store_prepare (self, "SELECT d.current_version FROM visible_documents d WHERE d.id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    number = sqlite3_column_int (stmt, 0) + 1;
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      set_document_not_found (document_id, error);
      goto fail;
    }
  if (rc != SQLITE_ROW)
    {
      tandem_store_set_db_error (self, error);
      goto fail;
    }

  if (!insert_version (self, document_id, number, name, type, data, comment, error))
    goto fail;
  stmt = tandem_store_prepare (self,
                               "UPDATE documents SET current_version = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  {
    g_autofree char *now = tandem_store_unix_to_utc (g_get_real_time () / G_USEC_PER_SEC);

    sqlite3_bind_int (stmt, 1, number);
    sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 3, document_id);
  }
  if (!tandem_store_step_done (self, stmt, error) ||
      !update_email (self, document_id, name, type, data, error) ||
      !tandem_store_index_record (self, TANDEM_KIND_DOCUMENT, document_id, error))
    goto fail;

  if (!tandem_store_commit (self, error))
    return 0;

  tandem_store_emit_changed (self, TANDEM_KIND_DOCUMENT, document_id);
  return number;

fail:
  tandem_store_rollback (self);
  return 0;
}

gboolean
tandem_store_update_document (TandemStore     *self,
                              TandemDocument  *document,
                              GError         **error)
{
  g_autoptr(TandemDocument) existing = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autofree char *title = NULL;
  const gint64 *old_groups, *new_groups;
  guint n_old, n_new;
  TandemVisibility visibility;
  gboolean visibility_changed;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), FALSE);

  id = tandem_record_get_id (TANDEM_RECORD (document));
  existing = tandem_store_get_document (self, id, error);
  if (existing == NULL)
    return FALSE;

  visibility = tandem_document_get_visibility (document);
  new_groups = tandem_document_get_group_ids (document, &n_new);
  groups = sorted_groups (new_groups, visibility == TANDEM_VISIBILITY_GROUPS ? n_new : 0);
  old_groups = tandem_document_get_group_ids (existing, &n_old);
  if (!check_visibility (tandem_document_get_parent_kind (existing), visibility, groups->len, error))
    return FALSE;

  visibility_changed = tandem_document_get_visibility (existing) != visibility ||
                       n_old != groups->len ||
                       (n_old > 0 && memcmp (old_groups, groups->data, n_old * sizeof (gint64)) != 0);
  /* SPEC E2: only the author or an administrator changes who sees it. */
  if (visibility_changed &&
      tandem_document_get_author_id (existing) != current_user_id (self) &&
      !tandem_user_is_admin (self->user))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("Only the one who added it or an administrator can change who sees a document"));
      return FALSE;
    }

  /* A title that is what the document goes by without one (the file
   * name, or an e-mail's subject), or none, keeps following it. */
  title = g_strstrip (g_strdup (tandem_document_get_title (document) ? tandem_document_get_title (document) : ""));
  if (g_strcmp0 (title, tandem_document_get_file_name (existing)) == 0 ||
      (tandem_document_get_is_email (existing) &&
       g_strcmp0 (title, tandem_document_get_email_subject (existing)) == 0))
    title[0] = '\0';

  if (!tandem_store_begin (self, error))
    return FALSE;
  stmt = tandem_store_prepare (self,
                               "UPDATE documents SET title = ?, visibility = ?,"
                               " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                               " WHERE id = ? AND EXISTS (SELECT 1 FROM visible_documents v WHERE v.id = documents.id)",
                               error);
  if (stmt == NULL)
    goto fail;
  tandem_store_bind_text (stmt, 1, title[0] ? title : NULL);
  sqlite3_bind_int (stmt, 2, visibility);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (!save_groups (self, id, visibility, (const gint64 *) (gpointer) groups->data, groups->len, error) ||
      !tandem_store_index_record (self, TANDEM_KIND_DOCUMENT, id, error) ||
      !tandem_store_record_visibility_change (self, TANDEM_KIND_DOCUMENT, id,
                                              tandem_document_get_visibility (existing), old_groups, n_old,
                                              visibility, (const gint64 *) (gpointer) groups->data, groups->len,
                                              error))
    goto fail;
  if (!tandem_store_commit (self, error))
    return FALSE;

  tandem_store_emit_changed (self, TANDEM_KIND_DOCUMENT, id);
  return TRUE;

fail:
  tandem_store_rollback (self);
  return FALSE;
}

TandemDocument *
tandem_store_get_document (TandemStore  *self,
                           gint64        id,
                           GError      **error)
{
  g_autoptr(TandemDocument) document = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  document = tandem_store_get_one (self, "SELECT " DOCUMENT_COLUMNS DOCUMENT_FROM " WHERE d.id = ?1",
                                   id, load_document, _("There is no document with the id %lld"), error);
  if (document == NULL || !load_groups (self, document, error))
    return NULL;
  return g_steal_pointer (&document);
}

GPtrArray *
tandem_store_list_documents_of (TandemStore  *self,
                                TandemKind    parent_kind,
                                gint64        parent_id,
                                GError      **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error) ||
      !require_parent_kind (parent_kind, error))
    return NULL;

  sql = g_strdup_printf ("SELECT " DOCUMENT_COLUMNS DOCUMENT_FROM " WHERE d.%s = ?"
                         " ORDER BY d.updated_at DESC, d.id DESC", parent_column (parent_kind));
  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  return load_all_groups (self, tandem_store_collect (self, stmt, load_document, g_object_unref, error), error);
}

/* Builds the WHERE of a filter and binds it; the words of @text come in
 * @words. */
static char *
filter_where (const TandemDocumentFilter  *filter,
              GPtrArray                   *words,
              char                       **from,
              char                       **to,
              GError                     **error)
{
  g_autoptr(GString) where = g_string_new (" WHERE 1");

  if (filter == NULL)
    return g_string_free (g_steal_pointer (&where), FALSE);

  if (filter->text != NULL)
    {
      g_autofree char *normal = g_utf8_normalize (filter->text, -1, G_NORMALIZE_ALL_COMPOSE);
      g_autofree char *folded = g_utf8_casefold (normal ? normal : "", -1);
      g_auto(GStrv) parts = g_strsplit_set (folded, " \t\n\r", -1);

      for (guint i = 0; parts[i] != NULL && words->len < MAX_FILTER_WORDS; i++)
        if (parts[i][0] != '\0')
          {
            g_ptr_array_add (words, g_strdup (parts[i]));
            g_string_append (where,
                             " AND instr (tandem_fold (ifnull (d.title, '') || char (10) || v.file_name"
                             " || char (10) || ifnull (d.email_subject, '') || char (10)"
                             " || ifnull (d.email_sender, '')), ?) > 0");
          }
    }

  if (filter->parent_kind != TANDEM_KIND_NONE)
    {
      if (!require_parent_kind (filter->parent_kind, error))
        return NULL;
      g_string_append_printf (where, " AND d.%s IS NOT NULL", parent_column (filter->parent_kind));
      if (filter->parent_kind == TANDEM_KIND_PROJECT && filter->only_sales)
        g_string_append (where, " AND EXISTS (SELECT 1 FROM main.projects p WHERE p.id = d.project_id AND p.is_sale = 1)");
    }
  if (filter->only_mine)
    g_string_append (where, " AND d.author_id = :me");
  if (filter->only_email)
    g_string_append (where, " AND d.is_email = 1");

  if (filter->added_from != NULL && filter->added_from[0] != '\0')
    {
      *from = tandem_date_parse (filter->added_from);
      if (*from == NULL)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("“%s” is not a date; write it as 2026-12-31"), filter->added_from);
          return NULL;
        }
      g_string_append (where, " AND d.created_at >= :from");
    }
  if (filter->added_to != NULL && filter->added_to[0] != '\0')
    {
      *to = tandem_date_parse (filter->added_to);
      if (*to == NULL)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("“%s” is not a date; write it as 2026-12-31"), filter->added_to);
          return NULL;
        }
      g_string_append (where, " AND d.created_at < date (:to, '+1 day')");
    }
  return g_string_free (g_steal_pointer (&where), FALSE);
}

static void
bind_filter (TandemStore  *self,
             sqlite3_stmt *stmt,
             GPtrArray    *words,
             const char   *from,
             const char   *to)
{
  int index;

  for (guint i = 0; i < words->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (words, i), -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":me")) > 0)
    sqlite3_bind_int64 (stmt, index, current_user_id (self));
  if ((index = sqlite3_bind_parameter_index (stmt, ":from")) > 0)
    sqlite3_bind_text (stmt, index, from, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":to")) > 0)
    sqlite3_bind_text (stmt, index, to, -1, SQLITE_TRANSIENT);
}

GPtrArray *
tandem_store_list_documents (TandemStore                 *self,
                             const TandemDocumentFilter  *filter,
                             GError                     **error)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int index;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  where = filter_where (filter, words, &from, &to, error);
  if (where == NULL)
    return NULL;

  sql = g_strconcat ("SELECT " DOCUMENT_COLUMNS DOCUMENT_FROM, where,
                     " ORDER BY d.updated_at DESC, d.id DESC LIMIT :limit OFFSET :offset", NULL);
  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_filter (self, stmt, words, from, to);
  index = sqlite3_bind_parameter_index (stmt, ":limit");
  sqlite3_bind_int64 (stmt, index, filter != NULL && filter->limit > 0 ? (gint64) filter->limit : -1);
  index = sqlite3_bind_parameter_index (stmt, ":offset");
  sqlite3_bind_int64 (stmt, index, filter != NULL ? filter->offset : 0);
  return load_all_groups (self, tandem_store_collect (self, stmt, load_document, g_object_unref, error), error);
}

guint
tandem_store_count_documents (TandemStore                 *self,
                              const TandemDocumentFilter  *filter,
                              GError                     **error)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint count = 0;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  if (!tandem_store_require_user (self, error))
    return 0;
  where = filter_where (filter, words, &from, &to, error);
  if (where == NULL)
    return 0;

  sql = g_strconcat ("SELECT count(*)" DOCUMENT_FROM, where, NULL);
  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  bind_filter (self, stmt, words, from, to);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    tandem_store_set_db_error (self, error);
  return count;
}

static gpointer
load_version (TandemStore  *self,
              sqlite3_stmt *stmt)
{
  return tandem_document_version_new (sqlite3_column_int64 (stmt, 0),
                                      sqlite3_column_int64 (stmt, 1),
                                      sqlite3_column_int (stmt, 2),
                                      tandem_store_column_text (stmt, 3),
                                      tandem_store_column_text (stmt, 4),
                                      sqlite3_column_int64 (stmt, 5),
                                      tandem_store_column_text (stmt, 6),
                                      sqlite3_column_int64 (stmt, 7),
                                      tandem_store_column_text (stmt, 8),
                                      tandem_store_column_text (stmt, 9),
                                      tandem_store_column_text (stmt, 10));
}

static gboolean
require_visible_document (TandemStore  *self,
                          gint64        id,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!tandem_store_require_user (self, error))
    return FALSE;
  stmt = tandem_store_prepare (self, "SELECT 1 FROM visible_documents WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  set_document_not_found (id, error);
  return FALSE;
}

GPtrArray *
tandem_store_list_document_versions (TandemStore  *self,
                                     gint64        document_id,
                                     GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!require_visible_document (self, document_id, error))
    return NULL;
  stmt = tandem_store_prepare (self,
                               "SELECT " VERSION_COLUMNS " FROM document_versions v"
                               " JOIN visible_documents d ON d.id = v.document_id"
                               " LEFT JOIN users u ON u.id = v.added_by"
                               " WHERE v.document_id = ? ORDER BY v.number DESC",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  return tandem_store_collect (self, stmt, load_version, g_object_unref, error);
}

GBytes *
tandem_store_read_document (TandemStore             *self,
                            gint64                   document_id,
                            guint                    version,
                            TandemDocumentVersion  **out_version,
                            GError                 **error)
{
  g_autoptr(TandemDocumentVersion) found = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *title = NULL;
  g_autofree char *actual = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (out_version != NULL)
    *out_version = NULL;
  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self,
                               "SELECT " VERSION_COLUMNS ", v.data, coalesce (d.title, v.file_name)"
                               " FROM visible_documents d"
                               " JOIN document_versions v ON v.document_id = d.id"
                               "   AND v.number = CASE WHEN ?2 = 0 THEN d.current_version ELSE ?2 END"
                               " LEFT JOIN users u ON u.id = v.added_by"
                               " WHERE d.id = ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int (stmt, 2, version);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = load_version (self, stmt);
      if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
        data = g_bytes_new (sqlite3_column_blob (stmt, 11), sqlite3_column_bytes (stmt, 11));
      title = g_strdup (tandem_store_column_text (stmt, 12));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      return NULL;
    }
  if (found == NULL)
    {
      if (version != 0 && require_visible_document (self, document_id, NULL))
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                     _("The document has no version %u"), version);
      else
        set_document_not_found (document_id, error);
      return NULL;
    }

  /* SPEC G2: content that is not what was stored is never handed out. */
  if (data != NULL)
    actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  if (actual == NULL ||
      g_ascii_strcasecmp (actual, tandem_document_version_get_sha256 (found)) != 0 ||
      (gint64) g_bytes_get_size (data) != tandem_document_version_get_size (found))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DAMAGED,
                   _("The document “%s” (version %u) is damaged: its content does not match the "
                     "checksum it was stored with, so it will not be opened. Restore it from a backup "
                     "or add the original again."),
                   title, tandem_document_version_get_number (found));
      return NULL;
    }

  if (out_version != NULL)
    *out_version = g_steal_pointer (&found);
  return g_steal_pointer (&data);
}

gboolean
tandem_store_read_pending_email_headers (TandemStore  *self,
                                         GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = tandem_store_prepare (self, "SELECT id FROM documents WHERE is_email = 2", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  if (ids->len == 0)
    return TRUE;

  if (!tandem_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GBytes) head = NULL;
      g_autofree char *file_name = NULL;
      g_autofree char *content_type = NULL;

      /* The header section is at the start; no need to read it all. */
      stmt = tandem_store_prepare (self,
                                   "SELECT v.file_name, v.content_type, substr (v.data, 1, 262144)"
                                   " FROM documents d JOIN document_versions v"
                                   "   ON v.document_id = d.id AND v.number = d.current_version"
                                   " WHERE d.id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          file_name = g_strdup (tandem_store_column_text (stmt, 0));
          content_type = g_strdup (tandem_store_column_text (stmt, 1));
          head = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
        }
      sqlite3_reset (stmt);
      if (head == NULL)
        continue;
      /* Whatever the name says, it was an e-mail when it was marked. */
      if (!update_email (self, id, file_name, "message/rfc822", head, error) ||
          !tandem_store_index_record (self, TANDEM_KIND_DOCUMENT, id, error))
        goto fail;
    }
  return tandem_store_commit (self, error);

fail:
  tandem_store_rollback (self);
  return FALSE;
}
