/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-address-format.h"
#include "tandem-store-private.h"

#define TEMPLATE_COLUMNS \
  "id, name, page_width, page_height, rows, columns, label_width, label_height," \
  " margin_top, margin_left, gap_x, gap_y, corner_radius, ifnull (created_by, 0)"

#define HOME_COUNTRY_KEY     "home-country"
#define DEFAULT_HOME_COUNTRY "FI"

static char *
fold (const char *text)
{
  g_autofree char *normal = NULL;
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  normal = g_utf8_normalize (stripped, -1, G_NORMALIZE_ALL_COMPOSE);
  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static gpointer
load_template (TandemStore  *self,
               sqlite3_stmt *stmt)
{
  TandemLabelTemplate *template;

  template = tandem_label_template_new (tandem_store_column_text (stmt, 1),
                                        sqlite3_column_double (stmt, 2),
                                        sqlite3_column_double (stmt, 3),
                                        sqlite3_column_int (stmt, 5),
                                        sqlite3_column_int (stmt, 4),
                                        sqlite3_column_double (stmt, 6),
                                        sqlite3_column_double (stmt, 7));
  tandem_label_template_set_margins (template, sqlite3_column_double (stmt, 8), sqlite3_column_double (stmt, 9));
  tandem_label_template_set_gaps (template, sqlite3_column_double (stmt, 10), sqlite3_column_double (stmt, 11));
  tandem_label_template_set_corner_radius (template, sqlite3_column_double (stmt, 12));
  tandem_label_template_set_custom_id (template, sqlite3_column_int64 (stmt, 0));
  return template;
}

GPtrArray *
tandem_store_list_label_templates (TandemStore  *self,
                                   GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT " TEMPLATE_COLUMNS " FROM label_templates ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  return tandem_store_collect (self, stmt, load_template, g_object_unref, error);
}

TandemLabelTemplate *
tandem_store_get_label_template (TandemStore  *self,
                                 gint64        id,
                                 GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  return tandem_store_get_one (self, "SELECT " TEMPLATE_COLUMNS " FROM label_templates WHERE id = ?", id,
                               load_template,
                               _("There is no label template with the id %lld"), error);
}

TandemLabelTemplate *
tandem_store_find_label_template (TandemStore  *self,
                                  const char   *id_or_name,
                                  GError      **error)
{
  g_autoptr(GPtrArray) custom = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *wanted = NULL;
  TandemLabelTemplate *builtin;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  clean = id_or_name != NULL ? g_strstrip (g_strdup (id_or_name)) : g_strdup ("");
  builtin = tandem_label_template_find_builtin (clean);
  if (builtin != NULL)
    return builtin;

  custom = tandem_store_list_label_templates (self, error);
  if (custom == NULL)
    return NULL;
  wanted = fold (clean);
  for (guint i = 0; i < custom->len; i++)
    {
      TandemLabelTemplate *template = g_ptr_array_index (custom, i);
      g_autofree char *name = fold (tandem_label_template_get_name (template));

      if (g_ascii_strcasecmp (tandem_label_template_get_id (template), clean) == 0 ||
          g_str_equal (name, wanted))
        return g_object_ref (template);
    }

  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
               _("There is no label template “%s”"), clean);
  return NULL;
}

/* Whether the signed-in user may change or delete template @id: its
 * author or an administrator. */
static gboolean
may_change (TandemStore  *self,
            gint64        id,
            GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 author = -1;

  stmt = tandem_store_prepare (self, "SELECT ifnull (created_by, 0) FROM label_templates WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    author = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (author < 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("There is no label template with the id %lld"), (long long) id);
      return FALSE;
    }
  if (author != tandem_user_get_id (self->user) && !tandem_user_is_admin (self->user))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("Only the one who added a label template or an administrator can change it"));
      return FALSE;
    }
  return TRUE;
}

gint64
tandem_store_save_label_template (TandemStore          *self,
                                  TandemLabelTemplate  *template,
                                  GError              **error)
{
  g_autoptr(GPtrArray) others = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (template), 0);

  if (!tandem_store_require_user (self, error))
    return 0;
  if (tandem_label_template_is_builtin (template))
    {
      g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                           _("The label sheets that come with Tandem cannot be changed; "
                             "make a new template from its numbers instead"));
      return 0;
    }
  name = g_strdup (tandem_label_template_get_name (template));
  if (name == NULL || *g_strstrip (name) == '\0')
    {
      g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A label template needs a name"));
      return 0;
    }
  if (!tandem_label_template_validate (template, error))
    return 0;

  id = tandem_label_template_get_custom_id (template);
  if (id != 0 && !may_change (self, id, error))
    return 0;

  folded = fold (name);
  others = tandem_store_list_label_templates (self, error);
  if (others == NULL)
    return 0;
  for (guint i = 0; i < others->len; i++)
    {
      TandemLabelTemplate *other = g_ptr_array_index (others, i);
      g_autofree char *other_name = fold (tandem_label_template_get_name (other));

      if (tandem_label_template_get_custom_id (other) != id && g_str_equal (other_name, folded))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                       _("There is already a label template called “%s”"),
                       tandem_label_template_get_name (other));
          return 0;
        }
    }

  if (id == 0)
    stmt = tandem_store_prepare (self,
                                 "INSERT INTO label_templates (name, page_width, page_height, rows, columns,"
                                 " label_width, label_height, margin_top, margin_left, gap_x, gap_y,"
                                 " corner_radius, created_by)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                 error);
  else
    stmt = tandem_store_prepare (self,
                                 "UPDATE label_templates SET name = ?1, page_width = ?2, page_height = ?3,"
                                 " rows = ?4, columns = ?5, label_width = ?6, label_height = ?7,"
                                 " margin_top = ?8, margin_left = ?9, gap_x = ?10, gap_y = ?11,"
                                 " corner_radius = ?12 WHERE id = ?13",
                                 error);
  if (stmt == NULL)
    return 0;
  tandem_store_bind_text (stmt, 1, name);
  sqlite3_bind_double (stmt, 2, tandem_label_template_get_page_width (template));
  sqlite3_bind_double (stmt, 3, tandem_label_template_get_page_height (template));
  sqlite3_bind_int (stmt, 4, tandem_label_template_get_rows (template));
  sqlite3_bind_int (stmt, 5, tandem_label_template_get_columns (template));
  sqlite3_bind_double (stmt, 6, tandem_label_template_get_label_width (template));
  sqlite3_bind_double (stmt, 7, tandem_label_template_get_label_height (template));
  sqlite3_bind_double (stmt, 8, tandem_label_template_get_margin_top (template));
  sqlite3_bind_double (stmt, 9, tandem_label_template_get_margin_left (template));
  sqlite3_bind_double (stmt, 10, tandem_label_template_get_gap_x (template));
  sqlite3_bind_double (stmt, 11, tandem_label_template_get_gap_y (template));
  sqlite3_bind_double (stmt, 12, tandem_label_template_get_corner_radius (template));
  sqlite3_bind_int64 (stmt, 13, id == 0 ? tandem_user_get_id (self->user) : id);
  if (!tandem_store_step_done (self, stmt, error))
    return 0;
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);

  tandem_label_template_set_name (template, name);
  tandem_label_template_set_custom_id (template, id);
  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return id;
}

gboolean
tandem_store_delete_label_template (TandemStore  *self,
                                    gint64        id,
                                    GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error) || !may_change (self, id, error))
    return FALSE;

  stmt = tandem_store_prepare (self, "DELETE FROM label_templates WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;
  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return TRUE;
}

/* The country of the user's locale ("fi_FI.UTF-8" → "FI"), if Tandem
 * knows it. */
static char *
locale_country (void)
{
  const char * const *names = g_get_language_names_with_category ("LC_ADDRESS");

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *underscore = strchr (names[i], '_');
      g_autofree char *code = NULL;

      if (underscore == NULL || !g_ascii_isalpha (underscore[1]) || !g_ascii_isalpha (underscore[2]) ||
          g_ascii_isalnum (underscore[3]))
        continue;
      code = g_ascii_strup (underscore + 1, 2);
      if (tandem_country_postal_name (code) != NULL)
        return g_steal_pointer (&code);
    }
  return NULL;
}

char *
tandem_store_get_home_country (TandemStore  *self,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  char *code = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT value FROM organisation_settings WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, HOME_COUNTRY_KEY, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    code = tandem_country_code_from_text (tandem_store_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (code == NULL)
    code = locale_country ();
  return code != NULL ? code : g_strdup (DEFAULT_HOME_COUNTRY);
}

gboolean
tandem_store_set_home_country (TandemStore  *self,
                               const char   *country,
                               GError      **error)
{
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_admin (self, error))
    return FALSE;

  code = tandem_country_code_from_text (country);
  if (code == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("“%s” is not a country Tandem knows; give its two-letter code, such as FI or PL"),
                   country != NULL ? country : "");
      return FALSE;
    }

  stmt = tandem_store_prepare (self,
                               "INSERT INTO organisation_settings (key, value) VALUES (?1, ?2)"
                               " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, HOME_COUNTRY_KEY, -1, SQLITE_STATIC);
  tandem_store_bind_text (stmt, 2, code);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;
  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return TRUE;
}
