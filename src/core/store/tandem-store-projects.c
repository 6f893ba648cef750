/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-date.h"
#include "tandem-store-private.h"

/*
 * Projects and sales projects, their stages, products, teams and tasks,
 * and the record of visibility changes (SPEC H1–H4, E1, E2, E4). Every
 * read goes through visible_projects and visible_tasks (see
 * tandem-store-visibility.c); a project or task the user may not see is
 * treated as if it did not exist, in the same words either way.
 */

#define UTC_FORMAT "%Y-%m-%dT%H:%M:%SZ"

#define STAGE_COLUMNS "s.id, s.name, s.builtin, s.probability, s.outcome, s.position"

#define PRODUCT_COLUMNS "pr.id, pr.name, pr.product_group, pr.active"

#define PROJECT_COLUMNS \
  "p.id, p.name, p.company_id, p.is_sale, p.is_delivery, p.stage_id, p.state, p.seller_id," \
  " p.value_cents, p.currency, p.close_date, p.probability, p.product_id," \
  " (SELECT cm.name FROM campaigns cm WHERE cm.id = p.campaign_id)," \
  " p.description, p.visibility, p.author_id, p.closed_at, p.created_at, p.updated_at," \
  " (SELECT vc.name FROM visible_companies vc WHERE vc.id = p.company_id)," \
  " (SELECT s.name FROM sale_stages s WHERE s.id = p.stage_id)," \
  " (SELECT s.builtin FROM sale_stages s WHERE s.id = p.stage_id)," \
  " (SELECT u.name FROM users u WHERE u.id = p.seller_id)," \
  " (SELECT pr.name FROM products pr WHERE pr.id = p.product_id)," \
  " (SELECT u.name FROM users u WHERE u.id = p.author_id)"

#define TASK_COLUMNS \
  "t.id, t.project_id, t.title, t.description, t.responsible_id, t.due, t.state, t.visibility," \
  " t.author_id, t.completed_at, t.updated_at," \
  " (SELECT vp.name FROM visible_projects vp WHERE vp.id = t.project_id)," \
  " (SELECT u.name FROM users u WHERE u.id = t.responsible_id)," \
  " (SELECT u.name FROM users u WHERE u.id = t.author_id)"

/* Helpers */

static char *
dup_clean (const char *text)
{
  char *s = g_strstrip (g_strdup (text ? text : ""));

  if (s[0] == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, UTC_FORMAT);
}

/* Whether @sql (with ?1 bound to @id) returns a row. */
static gboolean
row_exists (TandemStore *self,
            const char  *sql,
            gint64       id)
{
  sqlite3_stmt *stmt = tandem_store_prepare (self, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* The ids in the first column of @sql's rows, with ?1 bound to @id. */
static GArray *
query_ids (TandemStore  *self,
           const char   *sql,
           gint64        id,
           GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, value);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
same_groups (const gint64 *a,
             guint         n_a,
             const gint64 *b,
             guint         n_b)
{
  for (guint i = 0; i < n_a; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n_b && !found; j++)
        found = a[i] == b[j];
      if (!found)
        return FALSE;
    }
  for (guint j = 0; j < n_b; j++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < n_a && !found; i++)
        found = a[i] == b[j];
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_groups (TandemStore   *self,
              const gint64  *groups,
              guint          n_groups,
              const char    *none_message,
              GError       **error)
{
  if (n_groups == 0)
    {
      g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, none_message);
      return FALSE;
    }
  for (guint i = 0; i < n_groups; i++)
    if (!row_exists (self, "SELECT 1 FROM teams WHERE id = ?1", groups[i]))
      {
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("One of the chosen groups no longer exists"));
        return FALSE;
      }
  return TRUE;
}

/* Replaces the groups of a project or task: @table has (@column, team_id). */
static gboolean
save_groups (TandemStore       *self,
             const char        *delete_sql,
             const char        *insert_sql,
             gint64             id,
             TandemVisibility   visibility,
             const gint64      *groups,
             guint              n_groups,
             GError           **error)
{
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self, delete_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;

  if (visibility != TANDEM_VISIBILITY_GROUPS)
    return TRUE;

  for (guint i = 0; i < n_groups; i++)
    {
      stmt = tandem_store_prepare (self, insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, groups[i]);
      if (!tandem_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_currency (const char  *currency,
                char       **clean,
                GError     **error)
{
  g_autofree char *text = dup_clean (currency);

  if (text == NULL)
    text = g_strdup ("EUR");
  if (strlen (text) != 3 ||
      !g_ascii_isalpha (text[0]) || !g_ascii_isalpha (text[1]) || !g_ascii_isalpha (text[2]))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("“%s” is not a currency code; write it as three letters, such as EUR or PLN"),
                   currency ? currency : "");
      return FALSE;
    }
  *clean = g_ascii_strup (text, -1);
  return TRUE;
}

static gboolean
is_manager (TandemStore *self)
{
  TandemRole role = tandem_user_get_role (self->user);

  return role == TANDEM_ROLE_ADMIN || role == TANDEM_ROLE_MANAGER;
}

/* Visibility history (SPEC E2) */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The names of groups, in name order, one per line; NULL for none. */
static char *
group_names (TandemStore   *self,
             const gint64  *groups,
             guint          n_groups,
             GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < n_groups; i++)
    {
      stmt = tandem_store_prepare (self, "SELECT name FROM teams WHERE id = ?", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, groups[i]);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (names, g_strdup (tandem_store_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

/* Records a change of who sees a note, activity, project or task (E2),
 * with the names its groups have now; nothing when nothing changed. */
gboolean
tandem_store_record_visibility_change (TandemStore       *self,
                                       TandemKind         kind,
                                       gint64             id,
                                       TandemVisibility   old_visibility,
                                       const gint64      *old_groups,
                                       guint              n_old,
                                       TandemVisibility   new_visibility,
                                       const gint64      *new_groups,
                                       guint              n_new,
                                       GError           **error)
{
  g_autofree char *old_names = NULL;
  g_autofree char *new_names = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if (old_visibility != TANDEM_VISIBILITY_GROUPS)
    n_old = 0;
  if (new_visibility != TANDEM_VISIBILITY_GROUPS)
    n_new = 0;
  if (old_visibility == new_visibility && same_groups (old_groups, n_old, new_groups, n_new))
    return TRUE;

  old_names = group_names (self, old_groups, n_old, &local_error);
  if (local_error == NULL)
    new_names = group_names (self, new_groups, n_new, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  stmt = tandem_store_prepare (self,
                               "INSERT INTO visibility_changes (record_kind, record_id, user_id, user_name,"
                               " old_visibility, old_groups, new_visibility, new_groups)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, tandem_user_get_id (self->user));
  sqlite3_bind_text (stmt, 4, tandem_user_get_name (self->user), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, old_visibility);
  tandem_store_bind_text (stmt, 6, old_names);
  sqlite3_bind_int (stmt, 7, new_visibility);
  tandem_store_bind_text (stmt, 8, new_names);
  return tandem_store_step_done (self, stmt, error);
}

static TandemVisibilityChange *
load_visibility_change (TandemStore  *self,
                        sqlite3_stmt *stmt)
{
  g_auto(GStrv) old_groups = NULL;
  g_auto(GStrv) new_groups = NULL;
  const char *old_text = tandem_store_column_text (stmt, 3);
  const char *new_text = tandem_store_column_text (stmt, 5);

  old_groups = old_text ? g_strsplit (old_text, "\n", -1) : NULL;
  new_groups = new_text ? g_strsplit (new_text, "\n", -1) : NULL;
  return tandem_visibility_change_new (tandem_store_column_text (stmt, 0),
                                       tandem_store_column_text (stmt, 1),
                                       sqlite3_column_int (stmt, 2),
                                       (const char * const *) old_groups,
                                       sqlite3_column_int (stmt, 4),
                                       (const char * const *) new_groups);
}

GPtrArray *
tandem_store_list_visibility_changes (TandemStore  *self,
                                      TandemKind    kind,
                                      gint64        id,
                                      GError      **error)
{
  const char *visible_sql;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  switch (kind)
    {
    case TANDEM_KIND_NOTE:
      visible_sql = "SELECT 1 FROM visible_notes WHERE id = ?1";
      break;
    case TANDEM_KIND_ACTIVITY:
      visible_sql = "SELECT 1 FROM visible_activities WHERE id = ?1";
      break;
    case TANDEM_KIND_PROJECT:
      visible_sql = "SELECT 1 FROM visible_projects WHERE id = ?1";
      break;
    case TANDEM_KIND_TASK:
      visible_sql = "SELECT 1 FROM visible_tasks WHERE id = ?1";
      break;
    case TANDEM_KIND_DOCUMENT:
      visible_sql = "SELECT 1 FROM visible_documents WHERE id = ?1";
      break;
    case TANDEM_KIND_NONE:
    case TANDEM_KIND_COMPANY:
    case TANDEM_KIND_PERSON:
    default:
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Only notes, activities, projects, tasks and documents have a visibility"));
      return NULL;
    }

  /* The history of a record the user may not see is not theirs to read. */
  if (!row_exists (self, visible_sql, id))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("There is no record with the id %lld"), (long long) id);
      return NULL;
    }

  stmt = tandem_store_prepare (self,
                               "SELECT user_name, changed_at, old_visibility, old_groups, new_visibility, new_groups"
                               " FROM visibility_changes WHERE record_kind = ? AND record_id = ?"
                               " ORDER BY changed_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_int64 (stmt, 2, id);
  return tandem_store_collect (self, stmt, (TandemRowLoader) load_visibility_change, g_object_unref, error);
}

/* Stages (H1) */

static TandemStage *
load_stage (TandemStore  *self,
            sqlite3_stmt *stmt)
{
  TandemStage *stage = g_object_new (TANDEM_TYPE_STAGE, NULL);

  tandem_stage_set_loaded (stage, sqlite3_column_int64 (stmt, 0),
                           tandem_store_column_text (stmt, 1),
                           tandem_store_column_text (stmt, 2));
  tandem_stage_set_probability (stage, sqlite3_column_int (stmt, 3));
  tandem_stage_set_outcome (stage, sqlite3_column_int (stmt, 4));
  tandem_stage_set_position (stage, sqlite3_column_int (stmt, 5));
  return stage;
}

static const char *
stage_display_name (const char *custom_name,
                    const char *builtin)
{
  if (custom_name != NULL)
    return custom_name;
  if (builtin != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, "sales stage", builtin);
  return NULL;
}

GPtrArray *
tandem_store_list_stages (TandemStore  *self,
                          GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT " STAGE_COLUMNS " FROM sale_stages s ORDER BY s.position, s.id",
                               error);
  if (stmt == NULL)
    return NULL;
  return tandem_store_collect (self, stmt, (TandemRowLoader) load_stage, g_object_unref, error);
}

TandemStage *
tandem_store_get_stage (TandemStore  *self,
                        gint64        id,
                        GError      **error)
{
  TandemStage *stage = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT " STAGE_COLUMNS " FROM sale_stages s WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    stage = load_stage (self, stmt);
  sqlite3_reset (stmt);

  if (stage == NULL)
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                 _("There is no sales stage with the id %lld"), (long long) id);
  return stage;
}

static gboolean
same_folded (const char *a,
             const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_str_equal (fa, fb);
}

TandemStage *
tandem_store_find_stage (TandemStore  *self,
                         const char   *name,
                         GError      **error)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autofree char *clean = dup_clean (name);
  gint64 id = 0;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  stages = tandem_store_list_stages (self, error);
  if (stages == NULL)
    return NULL;

  if (clean != NULL && g_ascii_string_to_signed (clean, 10, 1, G_MAXINT64, &id, NULL))
    for (guint i = 0; i < stages->len; i++)
      if (tandem_stage_get_id (g_ptr_array_index (stages, i)) == id)
        return g_object_ref (g_ptr_array_index (stages, i));

  for (guint i = 0; clean != NULL && i < stages->len; i++)
    {
      TandemStage *stage = g_ptr_array_index (stages, i);

      if (same_folded (clean, tandem_stage_get_name (stage)) ||
          same_folded (clean, tandem_stage_get_builtin (stage)))
        return g_object_ref (stage);
    }

  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
               _("There is no sales stage called “%s”"), clean ? clean : "");
  return NULL;
}

static guint
count_outcome (GPtrArray       *stages,
               TandemSaleState  outcome,
               gint64           except_id)
{
  guint n = 0;

  for (guint i = 0; i < stages->len; i++)
    {
      TandemStage *stage = g_ptr_array_index (stages, i);

      if (tandem_stage_get_id (stage) != except_id && tandem_stage_get_outcome (stage) == outcome)
        n++;
    }
  return n;
}

static const char *
outcome_needed_message (TandemSaleState outcome)
{
  switch (outcome)
    {
    case TANDEM_SALE_WON:
      return _("There must always be a stage for won sales");
    case TANDEM_SALE_LOST:
      return _("There must always be a stage for lost sales");
    case TANDEM_SALE_OPEN:
    default:
      return _("There must always be a stage for open sales");
    }
}

/* Sales at a stage: all of them (deleted ones too) for whether it is in
 * use, the visible ones for the message. */
static gboolean
stage_in_use (TandemStore  *self,
              gint64        id,
              GError      **error)
{
  sqlite3_stmt *stmt;
  guint n_visible = 0;

  if (!row_exists (self, "SELECT 1 FROM projects WHERE stage_id = ?1", id))
    return FALSE;

  stmt = tandem_store_prepare (self, "SELECT count(*) FROM visible_projects WHERE stage_id = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n_visible = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (n_visible > 0)
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_CONFLICT,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%u sale is at this stage; move it to another stage first",
                              "%u sales are at this stage; move them to another stage first",
                              n_visible),
                 n_visible);
  else
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_CONFLICT,
                 _("Sales are at this stage; they must move to another stage first"));
  return TRUE;
}

static gboolean
reindex_projects_where (TandemStore  *self,
                        const char   *sql,
                        gint64        id,
                        GError      **error)
{
  g_autoptr(GArray) ids = query_ids (self, sql, id, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!tandem_store_index_record (self, TANDEM_KIND_PROJECT, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* Projects are found by their company's name (K1), so their index rows
 * follow a renamed company. */
gboolean
tandem_store_reindex_projects_of (TandemStore  *self,
                                  gint64        company_id,
                                  GError      **error)
{
  return reindex_projects_where (self, "SELECT id FROM projects WHERE company_id = ?1", company_id, error);
}

gboolean
tandem_store_reindex_projects_of_campaign (TandemStore  *self,
                                           gint64        campaign_id,
                                           GError      **error)
{
  return reindex_projects_where (self, "SELECT id FROM projects WHERE campaign_id = ?1", campaign_id, error);
}

gint64
tandem_store_save_stage (TandemStore  *self,
                         TandemStage  *stage,
                         GError      **error)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(TandemStage) existing = NULL;
  g_autofree char *builtin = NULL;
  const char *name, *shown;
  gint64 id;
  int probability, position;
  TandemSaleState outcome;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_STAGE (stage), 0);

  if (!tandem_store_require_admin (self, error))
    return 0;

  stages = tandem_store_list_stages (self, error);
  if (stages == NULL)
    return 0;

  id = tandem_stage_get_id (stage);
  name = tandem_stage_get_custom_name (stage);
  probability = tandem_stage_get_probability (stage);
  outcome = tandem_stage_get_outcome (stage);
  position = tandem_stage_get_position (stage);

  if (id != 0)
    {
      existing = tandem_store_get_stage (self, id, error);
      if (existing == NULL)
        return 0;
      builtin = g_strdup (tandem_stage_get_builtin (existing));
    }

  if (name == NULL && builtin == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A sales stage needs a name"));
      return 0;
    }
  if (probability < 0 || probability > 100)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The probability is a percentage from 0 to 100"));
      return 0;
    }
  if ((int) outcome < TANDEM_SALE_OPEN || (int) outcome > TANDEM_SALE_LOST)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("Unknown outcome of a sales stage"));
      return 0;
    }

  shown = stage_display_name (name, builtin);
  for (guint i = 0; i < stages->len; i++)
    {
      TandemStage *other = g_ptr_array_index (stages, i);

      if (tandem_stage_get_id (other) != id && same_folded (shown, tandem_stage_get_name (other)))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                       _("There is already a sales stage called “%s”"), shown);
          return 0;
        }
    }

  if (existing != NULL && tandem_stage_get_outcome (existing) != outcome)
    {
      /* The sales at a stage are open, won or lost by it: a stage in use
       * keeps its outcome, and each outcome keeps a stage. */
      if (count_outcome (stages, tandem_stage_get_outcome (existing), id) == 0)
        {
          g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                               outcome_needed_message (tandem_stage_get_outcome (existing)));
          return 0;
        }
      if (stage_in_use (self, id, error))
        return 0;
    }

  if (id == 0 && position == 0)
    for (guint i = 0; i < stages->len; i++)
      position = MAX (position, tandem_stage_get_position (g_ptr_array_index (stages, i)) + 1);

  if (!tandem_store_begin (self, error))
    return 0;

  if (id == 0)
    stmt = tandem_store_prepare (self,
                                 "INSERT INTO sale_stages (name, probability, outcome, position)"
                                 " VALUES (?1, ?2, ?3, ?4)", error);
  else
    stmt = tandem_store_prepare (self,
                                 "UPDATE sale_stages SET name = ?1, probability = ?2, outcome = ?3, position = ?4"
                                 " WHERE id = ?5", error);
  if (stmt == NULL)
    goto fail;
  tandem_store_bind_text (stmt, 1, name);
  sqlite3_bind_int (stmt, 2, probability);
  sqlite3_bind_int (stmt, 3, outcome);
  sqlite3_bind_int (stmt, 4, position);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 5, id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (!reindex_projects_where (self, "SELECT id FROM projects WHERE stage_id = ?1", id, error))
    goto fail;

  if (!tandem_store_commit (self, error))
    return 0;

  tandem_stage_set_loaded (stage, id, name, builtin);
  tandem_stage_set_position (stage, position);
  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return id;

fail:
  tandem_store_rollback (self);
  return 0;
}

gboolean
tandem_store_delete_stage (TandemStore  *self,
                           gint64        id,
                           GError      **error)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(TandemStage) stage = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_admin (self, error))
    return FALSE;

  stage = tandem_store_get_stage (self, id, error);
  if (stage == NULL)
    return FALSE;
  stages = tandem_store_list_stages (self, error);
  if (stages == NULL)
    return FALSE;
  if (count_outcome (stages, tandem_stage_get_outcome (stage), id) == 0)
    {
      g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_CONFLICT,
                           outcome_needed_message (tandem_stage_get_outcome (stage)));
      return FALSE;
    }
  if (stage_in_use (self, id, error))
    return FALSE;

  if (!tandem_store_begin (self, error))
    return FALSE;
  stmt = tandem_store_prepare (self, "DELETE FROM sale_stages WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (!tandem_store_commit (self, error))
    return FALSE;

  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return TRUE;

fail:
  tandem_store_rollback (self);
  return FALSE;
}

/* Products (H1) */

static TandemProduct *
load_product (TandemStore  *self,
              sqlite3_stmt *stmt)
{
  TandemProduct *product = tandem_product_new (tandem_store_column_text (stmt, 1),
                                               tandem_store_column_text (stmt, 2));

  tandem_product_set_id (product, sqlite3_column_int64 (stmt, 0));
  tandem_product_set_active (product, sqlite3_column_int (stmt, 3));
  return product;
}

GPtrArray *
tandem_store_list_products (TandemStore  *self,
                            gboolean      include_inactive,
                            GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self,
                               "SELECT " PRODUCT_COLUMNS " FROM products pr WHERE pr.active = 1 OR ?1"
                               " ORDER BY pr.name COLLATE NOCASE, pr.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, !!include_inactive);
  return tandem_store_collect (self, stmt, (TandemRowLoader) load_product, g_object_unref, error);
}

static TandemProduct *
get_product (TandemStore *self,
             gint64       id)
{
  TandemProduct *product = NULL;
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self, "SELECT " PRODUCT_COLUMNS " FROM products pr WHERE pr.id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    product = load_product (self, stmt);
  sqlite3_reset (stmt);
  return product;
}

TandemProduct *
tandem_store_find_product (TandemStore  *self,
                           const char   *name,
                           GError      **error)
{
  g_autofree char *clean = dup_clean (name);
  TandemProduct *product = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  if (clean != NULL)
    {
      stmt = tandem_store_prepare (self, "SELECT " PRODUCT_COLUMNS " FROM products pr WHERE pr.name = ?", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        product = load_product (self, stmt);
      sqlite3_reset (stmt);

      if (product == NULL && g_ascii_string_to_signed (clean, 10, 1, G_MAXINT64, &id, NULL))
        product = get_product (self, id);
    }

  if (product == NULL)
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                 _("There is no product called “%s”"), clean ? clean : "");
  return product;
}

gint64
tandem_store_save_product (TandemStore    *self,
                           TandemProduct  *product,
                           GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *group = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_PRODUCT (product), 0);

  if (!tandem_store_require_admin (self, error))
    return 0;

  name = dup_clean (tandem_product_get_name (product));
  group = dup_clean (tandem_product_get_group (product));
  id = tandem_product_get_id (product);
  if (name == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A product needs a name"));
      return 0;
    }
  if (id != 0 && !row_exists (self, "SELECT 1 FROM products WHERE id = ?1", id))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("There is no product with the id %lld"), (long long) id);
      return 0;
    }

  if (!tandem_store_begin (self, error))
    return 0;

  if (id == 0)
    stmt = tandem_store_prepare (self, "INSERT INTO products (name, product_group, active) VALUES (?1, ?2, ?3)",
                                 error);
  else
    stmt = tandem_store_prepare (self,
                                 "UPDATE products SET name = ?1, product_group = ?2, active = ?3 WHERE id = ?4",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  tandem_store_bind_text (stmt, 2, group);
  sqlite3_bind_int (stmt, 3, tandem_product_get_active (product));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 4, id);
  if (!tandem_store_step_done (self, stmt, &local_error))
    {
      if (g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_EXISTS))
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                     _("There is already a product called “%s”"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (!reindex_projects_where (self, "SELECT id FROM projects WHERE product_id = ?1", id, error))
    goto fail;

  if (!tandem_store_commit (self, error))
    return 0;

  tandem_product_set_id (product, id);
  tandem_product_set_name (product, name);
  tandem_product_set_group (product, group);
  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return id;

fail:
  tandem_store_rollback (self);
  return 0;
}

gboolean
tandem_store_delete_product (TandemStore  *self,
                             gint64        id,
                             GError      **error)
{
  g_autoptr(GArray) projects = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_admin (self, error))
    return FALSE;

  if (!tandem_store_begin (self, error))
    return FALSE;

  /* Its sales lose it, and are no longer found by its name. */
  projects = query_ids (self, "SELECT id FROM projects WHERE product_id = ?1", id, error);
  if (projects == NULL)
    goto fail;
  stmt = tandem_store_prepare (self, "DELETE FROM products WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("There is no product with the id %lld"), (long long) id);
      goto fail;
    }
  for (guint i = 0; i < projects->len; i++)
    if (!tandem_store_index_record (self, TANDEM_KIND_PROJECT, g_array_index (projects, gint64, i), error))
      goto fail;
  if (!tandem_store_commit (self, error))
    return FALSE;

  tandem_store_emit_changed (self, TANDEM_KIND_PROJECT, 0);
  return TRUE;

fail:
  tandem_store_rollback (self);
  return FALSE;
}

/* Projects (H1, H2) */

static TandemProject *
load_project (TandemStore  *self,
              sqlite3_stmt *stmt)
{
  TandemProject *project = g_object_new (TANDEM_TYPE_PROJECT, NULL);

  tandem_record_set_id (TANDEM_RECORD (project), sqlite3_column_int64 (stmt, 0));
  tandem_project_set_name (project, tandem_store_column_text (stmt, 1));
  tandem_project_set_company_id (project, sqlite3_column_int64 (stmt, 2));
  tandem_project_set_is_delivery (project, sqlite3_column_int (stmt, 4));
  tandem_project_set_stage_id (project, sqlite3_column_int64 (stmt, 5));
  tandem_project_set_seller_id (project, sqlite3_column_int64 (stmt, 7));
  tandem_project_set_value (project, sqlite3_column_int64 (stmt, 8));
  tandem_project_set_currency (project, tandem_store_column_text (stmt, 9));
  tandem_project_set_close_date (project, tandem_store_column_text (stmt, 10));
  tandem_project_set_probability (project, sqlite3_column_int (stmt, 11));
  tandem_project_set_product_id (project, sqlite3_column_int64 (stmt, 12));
  tandem_project_set_campaign (project, tandem_store_column_text (stmt, 13));
  tandem_project_set_description (project, tandem_store_column_text (stmt, 14));
  tandem_project_set_visibility (project, sqlite3_column_int (stmt, 15));
  tandem_project_set_loaded (project,
                             sqlite3_column_int (stmt, 3),
                             sqlite3_column_int (stmt, 6),
                             tandem_store_column_text (stmt, 20),
                             stage_display_name (tandem_store_column_text (stmt, 21),
                                                 tandem_store_column_text (stmt, 22)),
                             tandem_store_column_text (stmt, 23),
                             tandem_store_column_text (stmt, 24),
                             sqlite3_column_int64 (stmt, 16),
                             tandem_store_column_text (stmt, 25),
                             tandem_store_column_text (stmt, 17),
                             tandem_store_column_text (stmt, 18),
                             tandem_store_column_text (stmt, 19));
  return project;
}

static gboolean
load_project_groups (TandemStore    *self,
                     TandemProject  *project,
                     GError        **error)
{
  g_autoptr(GArray) ids = NULL;

  ids = query_ids (self, "SELECT team_id FROM project_teams WHERE project_id = ?1 ORDER BY team_id",
                   tandem_record_get_id (TANDEM_RECORD (project)), error);
  if (ids == NULL)
    return FALSE;
  tandem_project_set_group_ids (project, (const gint64 *) (gpointer) ids->data, ids->len);
  return TRUE;
}

static GPtrArray *
run_project_query (TandemStore   *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(GPtrArray) projects = NULL;

  projects = tandem_store_collect (self, stmt, (TandemRowLoader) load_project, g_object_unref, error);
  if (projects == NULL)
    return NULL;
  for (guint i = 0; i < projects->len; i++)
    if (!load_project_groups (self, g_ptr_array_index (projects, i), error))
      return NULL;
  return g_steal_pointer (&projects);
}

static void
set_project_not_found (GError **error,
                       gint64   id)
{
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
               _("There is no project with the id %lld"), (long long) id);
}

TandemProject *
tandem_store_get_project (TandemStore  *self,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT " PROJECT_COLUMNS " FROM visible_projects p WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  found = run_project_query (self, stmt, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      set_project_not_found (error, id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

/* The sale part as it is in the table, for the history (J1). */
typedef struct
{
  gint64           stage_id;
  TandemSaleState  state;
  gint64           seller_id;
  gint64           value;
  char            *currency;
  int              probability;
  char            *close_date;
  gboolean         is_delivery;
  char            *closed_at;
} SalePart;

static void
sale_part_clear (SalePart *part)
{
  g_clear_pointer (&part->currency, g_free);
  g_clear_pointer (&part->close_date, g_free);
  g_clear_pointer (&part->closed_at, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SalePart, sale_part_clear)

static gboolean
sale_parts_differ (const SalePart *a,
                   const SalePart *b)
{
  return a->stage_id != b->stage_id || a->state != b->state || a->seller_id != b->seller_id ||
         a->value != b->value || g_strcmp0 (a->currency, b->currency) != 0 ||
         a->probability != b->probability || g_strcmp0 (a->close_date, b->close_date) != 0;
}

static gboolean
add_sale_history (TandemStore     *self,
                  gint64           id,
                  const SalePart  *part,
                  const char      *now,
                  GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self,
                               "UPDATE sale_history SET valid_to = ?2 WHERE project_id = ?1 AND valid_to IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;

  stmt = tandem_store_prepare (self,
                               "INSERT INTO sale_history (project_id, valid_from, changed_by, stage_id, state,"
                               " seller_id, value_cents, currency, probability, close_date)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, tandem_user_get_id (self->user));
  if (part->stage_id != 0)
    sqlite3_bind_int64 (stmt, 4, part->stage_id);
  sqlite3_bind_int (stmt, 5, part->state);
  if (part->seller_id != 0)
    sqlite3_bind_int64 (stmt, 6, part->seller_id);
  sqlite3_bind_int64 (stmt, 7, part->value);
  sqlite3_bind_text (stmt, 8, part->currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 9, part->probability);
  tandem_store_bind_text (stmt, 10, part->close_date);
  return tandem_store_step_done (self, stmt, error);
}

static gboolean
read_sale_part (TandemStore  *self,
                gint64        id,
                SalePart     *part,
                GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = tandem_store_prepare (self,
                               "SELECT stage_id, state, seller_id, value_cents, currency, probability, close_date,"
                               " is_delivery, closed_at FROM projects WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      part->stage_id = sqlite3_column_int64 (stmt, 0);
      part->state = sqlite3_column_int (stmt, 1);
      part->seller_id = sqlite3_column_int64 (stmt, 2);
      part->value = sqlite3_column_int64 (stmt, 3);
      part->currency = g_strdup (tandem_store_column_text (stmt, 4));
      part->probability = sqlite3_column_int (stmt, 5);
      part->close_date = g_strdup (tandem_store_column_text (stmt, 6));
      part->is_delivery = sqlite3_column_int (stmt, 7);
      part->closed_at = g_strdup (tandem_store_column_text (stmt, 8));
    }
  sqlite3_reset (stmt);
  if (!found)
    set_project_not_found (error, id);
  return found;
}

/* Saving a project the user may not see, or one that is not there, is
 * refused in the same words: nothing tells the two apart. */
static void
set_project_not_yours (GError **error,
                       gint64   id)
{
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
               _("There is no project with the id %lld that you may change"), (long long) id);
}

gint64
tandem_store_save_project (TandemStore    *self,
                           TandemProject  *project,
                           GError        **error)
{
  g_autoptr(TandemProject) existing = NULL;
  g_autoptr(TandemStage) stage = NULL;
  g_autoptr(TandemProject) saved = NULL;
  g_auto(SalePart) old_part = { 0, };
  g_auto(SalePart) part = { 0, };
  g_autofree char *name = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *description = NULL;
  g_autofree char *now = NULL;
  const gint64 *groups;
  guint n_groups;
  TandemVisibility visibility;
  gboolean is_sale;
  gint64 id, company_id, product_id, campaign_id, me;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), 0);

  if (!tandem_store_require_user (self, error))
    return 0;

  id = tandem_record_get_id (TANDEM_RECORD (project));
  me = tandem_user_get_id (self->user);

  if (id != 0)
    {
      existing = tandem_store_get_project (self, id, NULL);
      if (existing == NULL)
        {
          set_project_not_yours (error, id);
          return 0;
        }
      if (!read_sale_part (self, id, &old_part, error))
        return 0;
      is_sale = tandem_project_get_is_sale (existing);
    }
  else
    is_sale = tandem_project_get_is_sale (project);

  name = dup_clean (tandem_project_get_name (project));
  if (name == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   is_sale ? _("A sales project needs a name") : _("A project needs a name"));
      return 0;
    }

  company_id = tandem_project_get_company_id (project);
  if (company_id == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   is_sale ? _("A sales project needs a customer") : _("A project needs a customer"));
      return 0;
    }
  if (!row_exists (self, "SELECT 1 FROM visible_companies WHERE id = ?1", company_id))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("There is no company with the id %lld"), (long long) company_id);
      return 0;
    }

  part.seller_id = tandem_project_get_seller_id (project);
  if (part.seller_id != 0 && !row_exists (self, "SELECT 1 FROM users WHERE id = ?1", part.seller_id))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("There is no user with the id %lld"), (long long) part.seller_id);
      return 0;
    }

  product_id = tandem_project_get_product_id (project);
  if (product_id != 0 && !row_exists (self, "SELECT 1 FROM products WHERE id = ?1", product_id))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("There is no product with the id %lld"), (long long) product_id);
      return 0;
    }

  if (!check_currency (tandem_project_get_currency (project), &part.currency, error))
    return 0;

  part.value = tandem_project_get_value (project);
  if (part.value < 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A value cannot be negative"));
      return 0;
    }

  if (tandem_project_get_close_date (project) != NULL)
    {
      part.close_date = tandem_date_parse (tandem_project_get_close_date (project));
      if (part.close_date == NULL)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("“%s” is not a date; write it as 2026-12-31"), tandem_project_get_close_date (project));
          return 0;
        }
    }

  part.probability = tandem_project_get_probability (project);
  if (is_sale)
    {
      part.stage_id = tandem_project_get_stage_id (project);
      if (part.stage_id == 0)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A sales project needs a stage"));
          return 0;
        }
      stage = tandem_store_get_stage (self, part.stage_id, NULL);
      if (stage == NULL)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("There is no sales stage with the id %lld"), (long long) part.stage_id);
          return 0;
        }
      if (part.probability == -1)
        part.probability = tandem_stage_get_probability (stage);
      part.state = tandem_stage_get_outcome (stage);
    }
  else
    {
      /* A project that never was a sale has no sale part to weigh. */
      if (part.probability == -1)
        part.probability = 0;
      part.state = TANDEM_SALE_OPEN;
    }
  if (part.probability < 0 || part.probability > 100)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The probability is a percentage from 0 to 100"));
      return 0;
    }

  /* H2: a won sale is a delivery project. Moved back out of the won
   * stage (the Undo of "Mark as Won", a deal that fell through) it is a
   * sale again; its team, notes and activities stay as they are. */
  part.is_delivery = !is_sale || part.state == TANDEM_SALE_WON;

  visibility = tandem_project_get_visibility (project);
  groups = tandem_project_get_group_ids (project, &n_groups);
  if (visibility == TANDEM_VISIBILITY_PRIVATE || (int) visibility < 0 || visibility > TANDEM_VISIBILITY_TEAM)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("A project is seen at least by its team; it cannot be private"));
      return 0;
    }
  if (visibility == TANDEM_VISIBILITY_GROUPS &&
      !check_groups (self, groups, n_groups, _("Choose at least one group that may see the project"), error))
    return 0;

  if (existing != NULL)
    {
      guint n_old;
      const gint64 *old_groups = tandem_project_get_group_ids (existing, &n_old);
      TandemVisibility old_visibility = tandem_project_get_visibility (existing);

      /* E2: who sees it is the author's (or an administrator's) to change. */
      if (tandem_project_get_author_id (existing) != me && !tandem_user_is_admin (self->user) &&
          (old_visibility != visibility ||
           (visibility == TANDEM_VISIBILITY_GROUPS && !same_groups (old_groups, n_old, groups, n_groups))))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                       _("Only the author or an administrator can change who sees a project"));
          return 0;
        }
    }

  campaign = dup_clean (tandem_project_get_campaign (project));
  description = g_strdup (tandem_project_get_description (project));
  now = now_utc ();

  if (part.state != TANDEM_SALE_OPEN)
    part.closed_at = g_strdup (existing != NULL && old_part.state == part.state && old_part.closed_at
                               ? old_part.closed_at : now);

  if (!tandem_store_begin (self, error))
    return 0;

  /* A campaign named for the first time is added (SPEC I3). */
  campaign_id = tandem_store_campaign_id_for_name (self, campaign, error);
  if (campaign_id < 0)
    goto fail;

  if (id == 0)
    stmt = tandem_store_prepare (self,
                                 "INSERT INTO projects (name, company_id, is_sale, is_delivery, stage_id, state,"
                                 " seller_id, value_cents, currency, close_date, probability, product_id, campaign_id,"
                                 " description, visibility, closed_at, author_id, created_at, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                                 " ?17, ?18, ?18)", error);
  else
    stmt = tandem_store_prepare (self,
                                 "UPDATE projects SET name = ?1, company_id = ?2, is_delivery = ?4, stage_id = ?5,"
                                 " state = ?6, seller_id = ?7, value_cents = ?8, currency = ?9, close_date = ?10,"
                                 " probability = ?11, product_id = ?12, campaign_id = ?13, description = ?14,"
                                 " visibility = ?15, closed_at = ?16, updated_at = ?18"
                                 " WHERE id = ?19 AND EXISTS (SELECT 1 FROM visible_projects v WHERE v.id = projects.id)", error);
  if (stmt == NULL)
    goto fail;

#define BIND_ID(i, value) G_STMT_START { gint64 v_ = (value); if (v_ != 0) sqlite3_bind_int64 (stmt, i, v_); } G_STMT_END
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, company_id);
  sqlite3_bind_int (stmt, 3, is_sale);
  sqlite3_bind_int (stmt, 4, part.is_delivery);
  BIND_ID (5, part.stage_id);
  sqlite3_bind_int (stmt, 6, part.state);
  BIND_ID (7, part.seller_id);
  sqlite3_bind_int64 (stmt, 8, part.value);
  sqlite3_bind_text (stmt, 9, part.currency, -1, SQLITE_TRANSIENT);
  tandem_store_bind_text (stmt, 10, part.close_date);
  sqlite3_bind_int (stmt, 11, part.probability);
  BIND_ID (12, product_id);
  BIND_ID (13, campaign_id);
  tandem_store_bind_text (stmt, 14, description);
  sqlite3_bind_int (stmt, 15, visibility);
  tandem_store_bind_text (stmt, 16, part.closed_at);
  if (id == 0)
    sqlite3_bind_int64 (stmt, 17, me);
  sqlite3_bind_text (stmt, 18, now, -1, SQLITE_TRANSIENT);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 19, id);
#undef BIND_ID

  if (!tandem_store_step_done (self, stmt, error))
    goto fail;

  if (id == 0)
    {
      id = sqlite3_last_insert_rowid (self->db);

      /* The creator of a project is its first member (H2). */
      stmt = tandem_store_prepare (self,
                                   "INSERT OR IGNORE INTO project_members (project_id, user_id, added_at)"
                                   " VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, me);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
      if (!tandem_store_step_done (self, stmt, error))
        goto fail;
    }
  else if (sqlite3_changes (self->db) == 0)
    {
      set_project_not_yours (error, id);
      goto fail;
    }

  if (!save_groups (self,
                    "DELETE FROM project_teams WHERE project_id = ?",
                    "INSERT OR IGNORE INTO project_teams (project_id, team_id) VALUES (?, ?)",
                    id, visibility, groups, n_groups, error))
    goto fail;

  if (is_sale && (existing == NULL || sale_parts_differ (&old_part, &part)) &&
      !add_sale_history (self, id, &part, now, error))
    goto fail;

  if (existing != NULL)
    {
      guint n_old;
      const gint64 *old_groups = tandem_project_get_group_ids (existing, &n_old);

      if (!tandem_store_record_visibility_change (self, TANDEM_KIND_PROJECT, id,
                                                  tandem_project_get_visibility (existing), old_groups, n_old,
                                                  visibility, groups, n_groups, error))
        goto fail;
    }

  if (!tandem_store_index_record (self, TANDEM_KIND_PROJECT, id, error))
    goto fail;

  if (!tandem_store_commit (self, error))
    return 0;

  /* What the store decided goes back to the caller's project. */
  tandem_record_set_id (TANDEM_RECORD (project), id);
  tandem_project_set_name (project, name);
  tandem_project_set_currency (project, part.currency);
  tandem_project_set_close_date (project, part.close_date);
  tandem_project_set_probability (project, part.probability);
  tandem_project_set_is_delivery (project, part.is_delivery);
  tandem_project_set_campaign (project, campaign);
  saved = tandem_store_get_project (self, id, NULL);
  if (saved != NULL)
    tandem_project_set_loaded (project, is_sale, part.state,
                               tandem_project_get_company_name (saved),
                               tandem_project_get_stage_name (saved),
                               tandem_project_get_seller_name (saved),
                               tandem_project_get_product_name (saved),
                               tandem_project_get_author_id (saved),
                               tandem_project_get_author_name (saved),
                               tandem_project_get_closed_at (saved),
                               tandem_project_get_created_at (saved),
                               tandem_project_get_updated_at (saved));
  else
    tandem_project_set_loaded (project, is_sale, part.state,
                               tandem_project_get_company_name (project),
                               stage ? tandem_stage_get_name (stage) : NULL,
                               tandem_project_get_seller_name (project),
                               tandem_project_get_product_name (project),
                               existing ? tandem_project_get_author_id (existing) : me,
                               tandem_project_get_author_name (project),
                               part.closed_at,
                               tandem_project_get_created_at (project),
                               now);

  tandem_store_emit_changed (self, TANDEM_KIND_PROJECT, id);
  return id;

fail:
  tandem_store_rollback (self);
  return 0;
}

gboolean
tandem_store_move_sale (TandemStore  *self,
                        gint64        id,
                        gint64        stage_id,
                        GError      **error)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemStage) stage = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error))
    return FALSE;

  project = tandem_store_get_project (self, id, NULL);
  if (project == NULL)
    {
      set_project_not_yours (error, id);
      return FALSE;
    }
  if (!tandem_project_get_is_sale (project))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("“%s” is not a sales project; it has no stages"), tandem_project_get_name (project));
      return FALSE;
    }
  stage = tandem_store_get_stage (self, stage_id, NULL);
  if (stage == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("There is no sales stage with the id %lld"), (long long) stage_id);
      return FALSE;
    }
  if (tandem_project_get_stage_id (project) == stage_id)
    return TRUE;

  tandem_project_set_stage_id (project, stage_id);
  tandem_project_set_probability (project, tandem_stage_get_probability (stage));
  return tandem_store_save_project (self, project, error) != 0;
}

gboolean
tandem_store_close_sale (TandemStore      *self,
                         gint64            id,
                         TandemSaleState   state,
                         GError          **error)
{
  g_autoptr(GPtrArray) stages = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (state != TANDEM_SALE_WON && state != TANDEM_SALE_LOST)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A sale closes as won or lost"));
      return FALSE;
    }
  stages = tandem_store_list_stages (self, error);
  if (stages == NULL)
    return FALSE;
  for (guint i = 0; i < stages->len; i++)
    {
      TandemStage *stage = g_ptr_array_index (stages, i);

      if (tandem_stage_get_outcome (stage) == state)
        return tandem_store_move_sale (self, id, tandem_stage_get_id (stage), error);
    }
  g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, outcome_needed_message (state));
  return FALSE;
}

/* Escapes LIKE's wildcards in @text, for "LIKE ? ESCAPE '\'". */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* Builds the WHERE part of a project query, in the order of
 * bind_project_query below. */
static gboolean
project_query_sql (const TandemProjectQuery  *query,
                   GString                   *sql,
                   char                     **close_from,
                   char                     **close_to,
                   GError                   **error)
{
  g_string_append (sql, " WHERE 1");
  if (query == NULL)
    return TRUE;

  if (query->of == TANDEM_PROJECTS_SALES)
    g_string_append (sql, " AND p.is_sale = 1");
  else if (query->of == TANDEM_PROJECTS_DELIVERY)
    g_string_append (sql, " AND p.is_delivery = 1");
  if (query->company_id)
    g_string_append (sql, " AND p.company_id = :company");
  if (query->stage_id)
    g_string_append (sql, " AND p.stage_id = :stage");
  if (query->seller_id)
    g_string_append (sql, " AND p.seller_id = :seller");
  if (query->product_id)
    g_string_append (sql, " AND p.product_id = :product");
  if (query->campaign_id)
    g_string_append (sql, " AND p.campaign_id = :campaign");
  if (query->member_id)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM project_members pm"
                          " WHERE pm.project_id = p.id AND pm.user_id = :member)");
  if (query->mine)
    g_string_append (sql, " AND (p.seller_id = :me OR EXISTS (SELECT 1 FROM project_members pm"
                          " WHERE pm.project_id = p.id AND pm.user_id = :me))");
  if (query->open_only)
    g_string_append (sql, " AND p.is_sale = 1 AND p.state = 0");
  if (query->won_only)
    g_string_append (sql, " AND p.is_sale = 1 AND p.state = 1");
  if (query->lost_only)
    g_string_append (sql, " AND p.is_sale = 1 AND p.state = 2");
  if (query->close_from)
    {
      *close_from = tandem_date_parse (query->close_from);
      if (*close_from == NULL)
        goto bad_date;
      g_string_append (sql, " AND p.close_date >= :from");
    }
  if (query->close_to)
    {
      *close_to = tandem_date_parse (query->close_to);
      if (*close_to == NULL)
        goto bad_date;
      g_string_append (sql, " AND p.close_date < :to");
    }
  if (query->text && query->text[0])
    g_string_append (sql, " AND (p.name LIKE :text ESCAPE '\\' OR (SELECT cm.name FROM campaigns cm WHERE cm.id = p.campaign_id) LIKE :text ESCAPE '\\'"
                          " OR EXISTS (SELECT 1 FROM visible_companies vc WHERE vc.id = p.company_id"
                          "   AND vc.name LIKE :text ESCAPE '\\'))");
  return TRUE;

bad_date:
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
               _("“%s” is not a date; write it as 2026-12-31"),
               *close_from == NULL ? query->close_from : query->close_to);
  return FALSE;
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int i = sqlite3_bind_parameter_index (stmt, name);

  if (i > 0)
    sqlite3_bind_int64 (stmt, i, value);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int i = sqlite3_bind_parameter_index (stmt, name);

  if (i > 0)
    sqlite3_bind_text (stmt, i, value, -1, SQLITE_TRANSIENT);
}

/* The ORDER BY of a project list; ties by name then id, whichever way
 * the list runs. */
static void
project_order_sql (const TandemProjectQuery *query,
                   GString                  *sql)
{
  TandemProjectSort sort = query ? query->sort : TANDEM_PROJECT_SORT_DEFAULT;
  const char *way = query && query->descending ? " DESC" : "";

  g_string_append (sql, " ORDER BY ");
  switch (sort)
    {
    case TANDEM_PROJECT_SORT_COMPANY:
      g_string_append_printf (sql, "(SELECT vc.name FROM visible_companies vc WHERE vc.id = p.company_id)"
                              " COLLATE NOCASE%s, ", way);
      break;
    case TANDEM_PROJECT_SORT_STAGE:
      g_string_append_printf (sql, "p.stage_id IS NULL,"
                              " (SELECT s.position FROM sale_stages s WHERE s.id = p.stage_id)%s,"
                              " p.stage_id%s, ", way, way);
      break;
    case TANDEM_PROJECT_SORT_VALUE:
      g_string_append_printf (sql, "p.is_sale = 0, p.value_cents%s, ", way);
      break;
    case TANDEM_PROJECT_SORT_CLOSE_DATE:
      g_string_append_printf (sql, "p.close_date IS NULL, p.close_date%s, ", way);
      break;
    case TANDEM_PROJECT_SORT_UPDATED:
      g_string_append_printf (sql, "p.updated_at%s, ", way);
      break;
    case TANDEM_PROJECT_SORT_DEFAULT:
      if (query != NULL && query->of == TANDEM_PROJECTS_SALES)
        {
          g_string_append_printf (sql, "p.close_date IS NULL, p.close_date%s, ", way);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case TANDEM_PROJECT_SORT_NAME:
    default:
      g_string_append_printf (sql, "p.name COLLATE NOCASE%s, p.id%s", way, way);
      return;
    }
  g_string_append (sql, "p.name COLLATE NOCASE, p.id");
}

static void
bind_project_query (TandemStore               *self,
                    sqlite3_stmt              *stmt,
                    const TandemProjectQuery  *query,
                    const char                *close_from,
                    const char                *close_to)
{
  g_autofree char *pattern = NULL;
  TandemUser *user = tandem_store_get_user (self);

  if (query == NULL)
    {
      bind_named_int64 (stmt, ":limit", -1);
      bind_named_int64 (stmt, ":offset", 0);
      return;
    }
  bind_named_int64 (stmt, ":company", query->company_id);
  bind_named_int64 (stmt, ":stage", query->stage_id);
  bind_named_int64 (stmt, ":seller", query->seller_id);
  bind_named_int64 (stmt, ":product", query->product_id);
  bind_named_int64 (stmt, ":campaign", query->campaign_id);
  bind_named_int64 (stmt, ":member", query->member_id);
  bind_named_int64 (stmt, ":me", user ? tandem_user_get_id (user) : 0);
  bind_named_text (stmt, ":from", close_from);
  bind_named_text (stmt, ":to", close_to);
  if (query->text && query->text[0])
    {
      pattern = like_pattern (query->text);
      bind_named_text (stmt, ":text", pattern);
    }
  bind_named_int64 (stmt, ":limit", query->limit ? (gint64) query->limit : -1);
  bind_named_int64 (stmt, ":offset", query->offset);
}

GPtrArray *
tandem_store_list_projects (TandemStore               *self,
                            const TandemProjectQuery  *query,
                            GError                   **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " PROJECT_COLUMNS " FROM visible_projects p");
  g_autofree char *close_from = NULL;
  g_autofree char *close_to = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  if (!project_query_sql (query, sql, &close_from, &close_to, error))
    return NULL;
  project_order_sql (query, sql);
  g_string_append (sql, " LIMIT :limit OFFSET :offset");

  stmt = tandem_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_project_query (self, stmt, query, close_from, close_to);
  return run_project_query (self, stmt, error);
}

guint
tandem_store_count_projects (TandemStore               *self,
                             const TandemProjectQuery  *query,
                             GError                   **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM visible_projects p");
  g_autofree char *close_from = NULL;
  g_autofree char *close_to = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  if (!tandem_store_require_user (self, error))
    return 0;

  if (!project_query_sql (query, sql, &close_from, &close_to, error))
    return 0;
  stmt = tandem_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return 0;
  bind_project_query (self, stmt, query, close_from, close_to);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  else
    tandem_store_set_db_error (self, error);
  sqlite3_reset (stmt);
  return n;
}

/* The team (H2, H4) */

static TandemProjectMember *
load_member (TandemStore  *self,
             sqlite3_stmt *stmt)
{
  return tandem_project_member_new (sqlite3_column_int64 (stmt, 0),
                                    tandem_store_column_text (stmt, 1),
                                    tandem_store_column_text (stmt, 2),
                                    tandem_store_column_text (stmt, 3),
                                    tandem_store_column_text (stmt, 4));
}

GPtrArray *
tandem_store_list_project_members (TandemStore  *self,
                                   gint64        project_id,
                                   GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  if (!row_exists (self, "SELECT 1 FROM visible_projects WHERE id = ?1", project_id))
    {
      set_project_not_found (error, project_id);
      return NULL;
    }

  stmt = tandem_store_prepare (self,
                               "SELECT u.id, u.login, u.name, pm.role, pm.added_at FROM project_members pm"
                               " JOIN users u ON u.id = pm.user_id WHERE pm.project_id = ?"
                               " ORDER BY u.name COLLATE NOCASE, u.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  return tandem_store_collect (self, stmt, (TandemRowLoader) load_member, g_object_unref, error);
}

gboolean
tandem_store_is_project_member (TandemStore *self,
                                gint64       project_id,
                                gint64       user_id)
{
  sqlite3_stmt *stmt;
  gboolean member;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (self->user == NULL)
    return FALSE;

  /* Only about projects the asking user may see. */
  stmt = tandem_store_prepare (self,
                               "SELECT 1 FROM project_members pm JOIN visible_projects p ON p.id = pm.project_id"
                               " WHERE pm.project_id = ? AND pm.user_id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  member = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return member;
}

/* The project's author, seller, members, managers and administrators
 * change its team. */
static gboolean
check_team_change (TandemStore  *self,
                   gint64        project_id,
                   GError      **error)
{
  g_autoptr(TandemProject) project = tandem_store_get_project (self, project_id, NULL);
  gint64 me = tandem_user_get_id (self->user);

  if (project == NULL)
    {
      set_project_not_yours (error, project_id);
      return FALSE;
    }
  if (tandem_project_get_author_id (project) == me || tandem_project_get_seller_id (project) == me ||
      is_manager (self) || tandem_store_is_project_member (self, project_id, me))
    return TRUE;

  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
               _("Only the project's team, its seller, managers and administrators change its team"));
  return FALSE;
}

gboolean
tandem_store_add_project_member (TandemStore  *self,
                                 gint64        project_id,
                                 gint64        user_id,
                                 const char   *role,
                                 GError      **error)
{
  g_autofree char *clean_role = dup_clean (role);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error) || !check_team_change (self, project_id, error))
    return FALSE;
  if (!row_exists (self, "SELECT 1 FROM users WHERE id = ?1", user_id))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("There is no user with the id %lld"), (long long) user_id);
      return FALSE;
    }

  if (!tandem_store_begin (self, error))
    return FALSE;
  stmt = tandem_store_prepare (self,
                               "INSERT INTO project_members (project_id, user_id, role) VALUES (?, ?, ?)"
                               " ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  tandem_store_bind_text (stmt, 3, clean_role);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (!tandem_store_commit (self, error))
    return FALSE;

  tandem_store_emit_changed (self, TANDEM_KIND_PROJECT, project_id);
  return TRUE;

fail:
  tandem_store_rollback (self);
  return FALSE;
}

gboolean
tandem_store_remove_project_member (TandemStore  *self,
                                    gint64        project_id,
                                    gint64        user_id,
                                    GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error) || !check_team_change (self, project_id, error))
    return FALSE;

  if (!tandem_store_begin (self, error))
    return FALSE;
  stmt = tandem_store_prepare (self, "DELETE FROM project_members WHERE project_id = ? AND user_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, _("That user is not in the project's team"));
      goto fail;
    }
  if (!tandem_store_commit (self, error))
    return FALSE;

  tandem_store_emit_changed (self, TANDEM_KIND_PROJECT, project_id);
  return TRUE;

fail:
  tandem_store_rollback (self);
  return FALSE;
}

/* Tasks (H3, E4) */

static TandemTask *
load_task (TandemStore  *self,
           sqlite3_stmt *stmt)
{
  TandemTask *task = tandem_task_new (sqlite3_column_int64 (stmt, 1), tandem_store_column_text (stmt, 2));

  tandem_record_set_id (TANDEM_RECORD (task), sqlite3_column_int64 (stmt, 0));
  tandem_task_set_description (task, tandem_store_column_text (stmt, 3));
  tandem_task_set_responsible_id (task, sqlite3_column_int64 (stmt, 4));
  tandem_task_set_due (task, tandem_store_column_text (stmt, 5));
  tandem_task_set_state (task, sqlite3_column_int (stmt, 6));
  tandem_task_set_visibility (task, sqlite3_column_int (stmt, 7));
  tandem_task_set_loaded (task,
                          tandem_store_column_text (stmt, 11),
                          tandem_store_column_text (stmt, 12),
                          sqlite3_column_int64 (stmt, 8),
                          tandem_store_column_text (stmt, 13),
                          tandem_store_column_text (stmt, 9),
                          tandem_store_column_text (stmt, 10));
  return task;
}

static GPtrArray *
run_task_query (TandemStore   *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) tasks = NULL;

  tasks = tandem_store_collect (self, stmt, (TandemRowLoader) load_task, g_object_unref, error);
  if (tasks == NULL)
    return NULL;
  for (guint i = 0; i < tasks->len; i++)
    {
      TandemTask *task = g_ptr_array_index (tasks, i);
      g_autoptr(GArray) ids = NULL;

      ids = query_ids (self, "SELECT team_id FROM project_task_teams WHERE task_id = ?1 ORDER BY team_id",
                       tandem_record_get_id (TANDEM_RECORD (task)), error);
      if (ids == NULL)
        return NULL;
      tandem_task_set_group_ids (task, (const gint64 *) (gpointer) ids->data, ids->len);
    }
  return g_steal_pointer (&tasks);
}

static void
set_task_not_found (GError **error,
                    gint64   id)
{
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
               _("There is no task with the id %lld"), (long long) id);
}

TandemTask *
tandem_store_get_task (TandemStore  *self,
                       gint64        id,
                       GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT " TASK_COLUMNS " FROM visible_tasks t WHERE t.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  found = run_task_query (self, stmt, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      set_task_not_found (error, id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

/* Only the members of a project add or change its tasks (H3). */
static gboolean
check_task_project (TandemStore  *self,
                    gint64        project_id,
                    GError      **error)
{
  if (project_id != 0 && tandem_store_is_project_member (self, project_id, tandem_user_get_id (self->user)))
    return TRUE;

  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
               _("Only the members of a project add or change its tasks"));
  return FALSE;
}

gint64
tandem_store_save_task (TandemStore  *self,
                        TandemTask   *task,
                        GError      **error)
{
  g_autoptr(TandemTask) existing = NULL;
  g_autoptr(TandemTask) saved = NULL;
  g_autofree char *title = NULL;
  g_autofree char *due = NULL;
  g_autofree char *now = NULL;
  const gint64 *groups;
  guint n_groups;
  TandemVisibility visibility;
  TandemTaskState state;
  gint64 id, project_id, responsible_id, me;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_TASK (task), 0);

  if (!tandem_store_require_user (self, error))
    return 0;

  id = tandem_record_get_id (TANDEM_RECORD (task));
  me = tandem_user_get_id (self->user);

  if (id != 0)
    {
      existing = tandem_store_get_task (self, id, error);
      if (existing == NULL)
        return 0;
      /* A task stays in its project. */
      project_id = tandem_task_get_project_id (existing);
    }
  else
    project_id = tandem_task_get_project_id (task);

  if (!check_task_project (self, project_id, error))
    return 0;

  title = dup_clean (tandem_task_get_title (task));
  if (title == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A task needs a title"));
      return 0;
    }

  if (tandem_task_get_due (task) != NULL)
    {
      due = tandem_date_parse (tandem_task_get_due (task));
      if (due == NULL)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("“%s” is not a date; write it as 2026-12-31"), tandem_task_get_due (task));
          return 0;
        }
    }

  state = tandem_task_get_state (task);
  if ((int) state < TANDEM_TASK_OPEN || (int) state > TANDEM_TASK_CANCELLED)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("Unknown state of a task"));
      return 0;
    }

  responsible_id = tandem_task_get_responsible_id (task);
  if (responsible_id != 0)
    {
      gboolean member;

      stmt = tandem_store_prepare (self, "SELECT 1 FROM project_members WHERE project_id = ? AND user_id = ?",
                                   error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, project_id);
      sqlite3_bind_int64 (stmt, 2, responsible_id);
      member = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!member)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("The person responsible for a task must be in the project's team"));
          return 0;
        }
    }

  visibility = tandem_task_get_visibility (task);
  groups = tandem_task_get_group_ids (task, &n_groups);
  if (visibility != TANDEM_VISIBILITY_TEAM && visibility != TANDEM_VISIBILITY_GROUPS &&
      visibility != TANDEM_VISIBILITY_PRIVATE)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("A task is seen by the project's team, chosen groups of it, or its author and responsible person"));
      return 0;
    }
  if (visibility == TANDEM_VISIBILITY_GROUPS &&
      !check_groups (self, groups, n_groups, _("Choose at least one group that may see the task"), error))
    return 0;

  if (existing != NULL)
    {
      guint n_old;
      const gint64 *old_groups = tandem_task_get_group_ids (existing, &n_old);
      TandemVisibility old_visibility = tandem_task_get_visibility (existing);

      if (tandem_task_get_author_id (existing) != me && !tandem_user_is_admin (self->user) &&
          (old_visibility != visibility ||
           (visibility == TANDEM_VISIBILITY_GROUPS && !same_groups (old_groups, n_old, groups, n_groups))))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                       _("Only the author or an administrator can change who sees a task"));
          return 0;
        }
    }

  now = now_utc ();

  if (!tandem_store_begin (self, error))
    return 0;

  if (id == 0)
    stmt = tandem_store_prepare (self,
                                 "INSERT INTO project_tasks (project_id, title, description, responsible_id, due,"
                                 " state, visibility, completed_at, author_id, created_at, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CASE WHEN ?6 = 2 THEN ?8 END, ?9, ?8, ?8)",
                                 error);
  else
    stmt = tandem_store_prepare (self,
                                 "UPDATE project_tasks SET title = ?2, description = ?3, responsible_id = ?4,"
                                 " due = ?5, state = ?6, visibility = ?7,"
                                 " completed_at = CASE WHEN ?6 = 2 THEN coalesce (completed_at, ?8) END,"
                                 " updated_at = ?8"
                                 " WHERE id = ?10 AND EXISTS (SELECT 1 FROM visible_tasks v WHERE v.id = project_tasks.id)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  tandem_store_bind_text (stmt, 3, tandem_task_get_description (task));
  if (responsible_id != 0)
    sqlite3_bind_int64 (stmt, 4, responsible_id);
  tandem_store_bind_text (stmt, 5, due);
  sqlite3_bind_int (stmt, 6, state);
  sqlite3_bind_int (stmt, 7, visibility);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (id == 0)
    sqlite3_bind_int64 (stmt, 9, me);
  else
    sqlite3_bind_int64 (stmt, 10, id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      set_task_not_found (error, id);
      goto fail;
    }

  if (!save_groups (self,
                    "DELETE FROM project_task_teams WHERE task_id = ?",
                    "INSERT OR IGNORE INTO project_task_teams (task_id, team_id) VALUES (?, ?)",
                    id, visibility, groups, n_groups, error))
    goto fail;

  if (existing != NULL)
    {
      guint n_old;
      const gint64 *old_groups = tandem_task_get_group_ids (existing, &n_old);

      if (!tandem_store_record_visibility_change (self, TANDEM_KIND_TASK, id,
                                                  tandem_task_get_visibility (existing), old_groups, n_old,
                                                  visibility, groups, n_groups, error))
        goto fail;
    }

  if (!tandem_store_index_record (self, TANDEM_KIND_TASK, id, error))
    goto fail;

  if (!tandem_store_commit (self, error))
    return 0;

  tandem_record_set_id (TANDEM_RECORD (task), id);
  g_object_set (task, "project-id", project_id, NULL);
  tandem_task_set_title (task, title);
  tandem_task_set_due (task, due);
  saved = tandem_store_get_task (self, id, NULL);
  if (saved != NULL)
    tandem_task_set_loaded (task,
                            tandem_task_get_project_name (saved),
                            tandem_task_get_responsible_name (saved),
                            tandem_task_get_author_id (saved),
                            tandem_task_get_author_name (saved),
                            tandem_task_get_completed_at (saved),
                            tandem_task_get_updated_at (saved));

  tandem_store_emit_changed (self, TANDEM_KIND_TASK, id);
  return id;

fail:
  tandem_store_rollback (self);
  return 0;
}

gboolean
tandem_store_set_task_state (TandemStore      *self,
                             gint64            id,
                             TandemTaskState   state,
                             GError          **error)
{
  g_autoptr(TandemTask) task = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error))
    return FALSE;
  task = tandem_store_get_task (self, id, error);
  if (task == NULL)
    return FALSE;
  tandem_task_set_state (task, state);
  return tandem_store_save_task (self, task, error) != 0;
}

GPtrArray *
tandem_store_list_tasks (TandemStore  *self,
                         gint64        project_id,
                         GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self,
                               "SELECT " TASK_COLUMNS " FROM visible_tasks t WHERE t.project_id = ?"
                               " ORDER BY t.state >= 2, t.due IS NULL, t.due, t.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  return run_task_query (self, stmt, error);
}

GPtrArray *
tandem_store_list_my_tasks (TandemStore  *self,
                            GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  /* The user's: theirs to do, or written by them with nobody named. */
  stmt = tandem_store_prepare (self,
                               "SELECT " TASK_COLUMNS " FROM visible_tasks t"
                               " WHERE t.state < 2 AND (t.responsible_id = ?1"
                               "   OR (t.responsible_id IS NULL AND t.author_id = ?1))"
                               " ORDER BY t.due IS NULL, t.due, t.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, tandem_user_get_id (self->user));
  return run_task_query (self, stmt, error);
}
