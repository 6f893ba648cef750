/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-date.h"
#include "tandem-store-private.h"

/* A target list is a saved search: one the user may not see (someone
 * else's own) is not named, nor is its id given (SPEC E5). */
#define SEARCH_SEEN "(s.shared = 1 OR s.owner_id = (SELECT user_id FROM temp.tandem_session))"

#define CAMPAIGN_COLUMNS \
  "cm.id, cm.name, cm.starts_on, cm.ends_on," \
  " (SELECT s.id FROM saved_searches s WHERE s.id = cm.search_id AND " SEARCH_SEEN ")," \
  " cm.description, cm.created_by," \
  " (SELECT s.name FROM saved_searches s WHERE s.id = cm.search_id AND " SEARCH_SEEN ")," \
  " (SELECT count (*) FROM visible_activities a WHERE a.campaign_id = cm.id)," \
  " (SELECT count (*) FROM visible_projects p WHERE p.campaign_id = cm.id AND p.is_sale = 1)"

static gpointer
load_campaign (TandemStore  *self,
               sqlite3_stmt *stmt)
{
  TandemCampaign *campaign = tandem_campaign_new (tandem_store_column_text (stmt, 1));

  tandem_campaign_set_id (campaign, sqlite3_column_int64 (stmt, 0));
  tandem_campaign_set_starts_on (campaign, tandem_store_column_text (stmt, 2));
  tandem_campaign_set_ends_on (campaign, tandem_store_column_text (stmt, 3));
  tandem_campaign_set_search_id (campaign, sqlite3_column_int64 (stmt, 4));
  tandem_campaign_set_description (campaign, tandem_store_column_text (stmt, 5));
  g_object_set_data (G_OBJECT (campaign), "tandem-created-by",
                     GINT_TO_POINTER ((int) sqlite3_column_int64 (stmt, 6)));
  tandem_campaign_set_loaded (campaign, tandem_store_column_text (stmt, 7),
                              sqlite3_column_int (stmt, 8), sqlite3_column_int (stmt, 9));
  return campaign;
}

GPtrArray *
tandem_store_list_campaigns (TandemStore  *self,
                             GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT " CAMPAIGN_COLUMNS " FROM campaigns cm"
                               " ORDER BY cm.name COLLATE NOCASE, cm.id", error);
  if (stmt == NULL)
    return NULL;
  return tandem_store_collect (self, stmt, load_campaign, g_object_unref, error);
}

TandemCampaign *
tandem_store_get_campaign (TandemStore  *self,
                           gint64        id,
                           GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  return tandem_store_get_one (self, "SELECT " CAMPAIGN_COLUMNS " FROM campaigns cm WHERE cm.id = ?", id,
                               load_campaign,
                               _("There is no campaign with the id %lld"), error);
}

TandemCampaign *
tandem_store_find_campaign (TandemStore  *self,
                            const char   *name_or_id,
                            GError      **error)
{
  g_autofree char *clean = NULL;
  TandemCampaign *campaign = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  clean = name_or_id != NULL ? g_strstrip (g_strdup (name_or_id)) : g_strdup ("");
  if (g_ascii_string_to_signed (clean, 10, 1, G_MAXINT64, &id, NULL))
    {
      campaign = tandem_store_get_campaign (self, id, NULL);
      if (campaign != NULL)
        return campaign;
    }

  if (!tandem_store_require_user (self, error))
    return NULL;
  stmt = tandem_store_prepare (self, "SELECT " CAMPAIGN_COLUMNS " FROM campaigns cm"
                               " WHERE cm.name = ? COLLATE NOCASE OR tandem_fold (cm.name) = tandem_fold (?1)",
                               error);
  if (stmt == NULL)
    return NULL;
  tandem_store_bind_text (stmt, 1, clean);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    campaign = load_campaign (self, stmt);
  sqlite3_reset (stmt);

  if (campaign == NULL)
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                 _("There is no campaign called “%s”"), clean);
  return campaign;
}

gint64
tandem_store_campaign_id_for_name (TandemStore  *self,
                                   const char   *name,
                                   GError      **error)
{
  g_autofree char *clean = name != NULL ? g_strstrip (g_strdup (name)) : NULL;
  g_autoptr(TandemCampaign) found = NULL;
  sqlite3_stmt *stmt;

  if (clean == NULL || clean[0] == '\0')
    return 0;

  found = tandem_store_find_campaign (self, clean, NULL);
  if (found != NULL)
    return tandem_campaign_get_id (found);

  stmt = tandem_store_prepare (self, "INSERT INTO campaigns (name, created_by)"
                               " VALUES (?, (SELECT user_id FROM temp.tandem_session))", error);
  if (stmt == NULL)
    return -1;
  tandem_store_bind_text (stmt, 1, clean);
  if (!tandem_store_step_done (self, stmt, error))
    return -1;
  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
may_change (TandemStore     *self,
            TandemCampaign  *saved,
            GError         **error)
{
  TandemUser *user = tandem_store_get_user (self);
  gint64 creator = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (saved), "tandem-created-by"));

  if (tandem_user_is_admin (user) || creator == 0 || creator == tandem_user_get_id (user))
    return TRUE;
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
               _("Only the one who added the campaign “%s” or an administrator can change it"),
               tandem_campaign_get_name (saved));
  return FALSE;
}

static gboolean
check_date (const char  *text,
            char       **out,
            GError     **error)
{
  if (text == NULL || text[0] == '\0')
    {
      *out = NULL;
      return TRUE;
    }
  *out = tandem_date_parse (text);
  if (*out == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("“%s” is not a date; write it as 2026-12-31 or 31.12.2026"), text);
      return FALSE;
    }
  return TRUE;
}

gint64
tandem_store_save_campaign (TandemStore     *self,
                            TandemCampaign  *campaign,
                            GError         **error)
{
  g_autofree char *name = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autoptr(TandemCampaign) other = NULL;
  sqlite3_stmt *stmt;
  gint64 id, search_id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN (campaign), 0);

  if (!tandem_store_require_user (self, error))
    return 0;

  id = tandem_campaign_get_id (campaign);
  name = g_strstrip (g_strdup (tandem_campaign_get_name (campaign) ? tandem_campaign_get_name (campaign) : ""));
  if (name[0] == '\0')
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A campaign needs a name"));
      return 0;
    }
  if (!check_date (tandem_campaign_get_starts_on (campaign), &starts, error) ||
      !check_date (tandem_campaign_get_ends_on (campaign), &ends, error))
    return 0;
  if (starts != NULL && ends != NULL && strcmp (ends, starts) < 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The campaign ends on %s, before it starts on %s"), ends, starts);
      return 0;
    }

  search_id = tandem_campaign_get_search_id (campaign);
  if (search_id != 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, search_id);
      g_autoptr(TandemSavedSearch) search = tandem_store_find_saved_search (self, id_text, error);

      if (search == NULL)
        return 0;
    }

  other = tandem_store_find_campaign (self, name, NULL);
  if (other != NULL && tandem_campaign_get_id (other) != id &&
      g_ascii_string_to_signed (name, 10, 1, G_MAXINT64, NULL, NULL) == FALSE)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                   _("There is already a campaign called “%s”"), tandem_campaign_get_name (other));
      return 0;
    }

  if (id != 0)
    {
      g_autoptr(TandemCampaign) saved = tandem_store_get_campaign (self, id, error);

      if (saved == NULL || !may_change (self, saved, error))
        return 0;
    }

  if (!tandem_store_begin (self, error))
    return 0;
  if (id == 0)
    stmt = tandem_store_prepare (self,
                                 "INSERT INTO campaigns (name, starts_on, ends_on, search_id, description, created_by)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, (SELECT user_id FROM temp.tandem_session))", error);
  else
    stmt = tandem_store_prepare (self,
                                 "UPDATE campaigns SET name = ?1, starts_on = ?2, ends_on = ?3,"
                                 /* A target list the user does not see stays */
                                 " search_id = CASE WHEN ?4 IS NULL AND NOT EXISTS (SELECT 1 FROM saved_searches s"
                                 "   WHERE s.id = campaigns.search_id AND " SEARCH_SEEN ") THEN search_id ELSE ?4 END,"
                                 " description = ?5, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                 " WHERE id = ?6", error);
  if (stmt == NULL)
    goto fail;
  tandem_store_bind_text (stmt, 1, name);
  tandem_store_bind_text (stmt, 2, starts);
  tandem_store_bind_text (stmt, 3, ends);
  if (search_id != 0)
    sqlite3_bind_int64 (stmt, 4, search_id);
  tandem_store_bind_text (stmt, 5, tandem_campaign_get_description (campaign));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 6, id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  /* The projects' search rows name their campaign. */
  else if (!tandem_store_reindex_projects_of_campaign (self, id, error))
    goto fail;
  if (!tandem_store_commit (self, error))
    return 0;

  tandem_campaign_set_id (campaign, id);
  tandem_campaign_set_name (campaign, name);
  tandem_campaign_set_starts_on (campaign, starts);
  tandem_campaign_set_ends_on (campaign, ends);
  tandem_store_emit_changed (self, TANDEM_KIND_CAMPAIGN, id);
  return id;

fail:
  tandem_store_rollback (self);
  return 0;
}

gboolean
tandem_store_delete_campaign (TandemStore  *self,
                              gint64        id,
                              GError      **error)
{
  g_autoptr(TandemCampaign) saved = NULL;
  g_autoptr(GArray) projects = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  saved = tandem_store_get_campaign (self, id, error);
  if (saved == NULL || !may_change (self, saved, error))
    return FALSE;

  /* The projects' search rows lose the campaign's name: they are found
   * before it goes, and indexed again after. */
  projects = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = tandem_store_prepare (self, "SELECT id FROM projects WHERE campaign_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 project = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (projects, project);
    }
  sqlite3_reset (stmt);

  if (!tandem_store_begin (self, error))
    return FALSE;
  stmt = tandem_store_prepare (self, "DELETE FROM campaigns WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  for (guint i = 0; i < projects->len; i++)
    if (!tandem_store_index_record (self, TANDEM_KIND_PROJECT, g_array_index (projects, gint64, i), error))
      goto fail;
  if (!tandem_store_commit (self, error))
    return FALSE;
  tandem_store_emit_changed (self, TANDEM_KIND_CAMPAIGN, id);
  return TRUE;

fail:
  tandem_store_rollback (self);
  return FALSE;
}

TandemSavedSearch *
tandem_store_campaign_target_search (TandemStore  *self,
                                     gint64        id,
                                     GError      **error)
{
  g_autoptr(TandemCampaign) campaign = tandem_store_get_campaign (self, id, error);
  g_autofree char *search_id = NULL;

  if (campaign == NULL)
    return NULL;
  if (tandem_campaign_get_search_id (campaign) == 0 || tandem_campaign_get_search_name (campaign) == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The campaign “%s” has no target list yet; choose a saved search for it"),
                   tandem_campaign_get_name (campaign));
      return NULL;
    }
  search_id = g_strdup_printf ("%" G_GINT64_FORMAT, tandem_campaign_get_search_id (campaign));
  return tandem_store_find_saved_search (self, search_id, error);
}

guint
tandem_store_count_campaign_targets (TandemStore  *self,
                                     gint64        id,
                                     GError      **error)
{
  g_autoptr(TandemSavedSearch) search = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  search = tandem_store_campaign_target_search (self, id, error);
  return search != NULL ? tandem_store_count_search_matches (self, search, error) : 0;
}

GPtrArray *
tandem_store_list_campaign_targets (TandemStore  *self,
                                    gint64        id,
                                    guint         offset,
                                    guint         limit,
                                    GError      **error)
{
  g_autoptr(TandemSavedSearch) search = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  search = tandem_store_campaign_target_search (self, id, error);
  return search != NULL ? tandem_store_run_saved_search (self, search, offset, limit, error) : NULL;
}
