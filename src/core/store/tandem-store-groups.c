/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-store-private.h"

#define GROUP_COLUMNS \
  "g.id, g.name, g.builtin, g.do_not_contact, g.position," \
  " (SELECT count(*) FROM contact_group_members m WHERE m.group_id = g.id" \
  "   AND (m.company_id IN (SELECT id FROM visible_companies)" \
  "        OR m.person_id IN (SELECT id FROM visible_people)))"

/* The rows of the group screen and of saved searches: kind, id, name,
 * company id, company name, phone, mobile, e-mail, city, group ids. */
#define COMPANY_ROW \
  "SELECT 1 AS kind, c.id AS id, c.name AS name, 0, NULL, c.phone, NULL, c.email," \
  " coalesce (c.postal_city, c.visit_city)," \
  " (SELECT group_concat (m.group_id) FROM contact_group_members m WHERE m.company_id = c.id)" \
  " FROM visible_companies c"
#define PERSON_ROW \
  "SELECT 2 AS kind, p.id AS id, p.name AS name, ifnull (vc.id, 0), vc.name, p.phone, p.mobile, p.email," \
  " coalesce (p.city, vc.postal_city, vc.visit_city)," \
  " (SELECT group_concat (m.group_id) FROM contact_group_members m WHERE m.person_id = p.id)" \
  " FROM visible_people p LEFT JOIN visible_companies vc ON vc.id = p.company_id"

/* SQL function tandem_fold (text): the text case-folded and normalized, so
 * that searches find "Åbo" by "åbo" and "ŁÓDŹ" by "łódź". */
static void
fold_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autofree char *normal = NULL;
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  folded = g_utf8_casefold (normal != NULL ? normal : "", -1);
  sqlite3_result_text (context, folded, -1, g_free);
}

gboolean
tandem_store_register_functions (sqlite3  *db,
                                 GError  **error)
{
  if (sqlite3_create_function (db, "tandem_fold", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                               NULL, fold_function, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                   _("Could not prepare the database: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return tandem_store_register_search_rank (db, error);
}

static char *
fold (const char *text)
{
  g_autofree char *normal = NULL;

  if (text == NULL)
    return NULL;
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static char *
ids_to_json (const gint64 *ids,
             guint         n_ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* Contact groups */

static gpointer
load_group (TandemStore  *self,
            sqlite3_stmt *stmt)
{
  TandemContactGroup *group = g_object_new (TANDEM_TYPE_CONTACT_GROUP, NULL);

  tandem_contact_group_set_loaded (group,
                                   sqlite3_column_int64 (stmt, 0),
                                   tandem_store_column_text (stmt, 1),
                                   tandem_store_column_text (stmt, 2),
                                   sqlite3_column_int (stmt, 5));
  tandem_contact_group_set_do_not_contact (group, sqlite3_column_int (stmt, 3));
  tandem_contact_group_set_position (group, sqlite3_column_int (stmt, 4));
  return group;
}

GPtrArray *
tandem_store_list_contact_groups (TandemStore  *self,
                                  GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT " GROUP_COLUMNS " FROM contact_groups g ORDER BY g.position, g.id",
                               error);
  if (stmt == NULL)
    return NULL;
  return tandem_store_collect (self, stmt, load_group, g_object_unref, error);
}

TandemContactGroup *
tandem_store_get_contact_group (TandemStore  *self,
                                gint64        id,
                                GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  return tandem_store_get_one (self, "SELECT " GROUP_COLUMNS " FROM contact_groups g WHERE g.id = ?", id,
                               load_group,
                               _("There is no contact group with the id %lld"), error);
}

static gboolean
same_folded (const char *a,
             const char *b)
{
  g_autofree char *fa = fold (a);
  g_autofree char *fb = fold (b);

  return fa != NULL && fb != NULL && g_str_equal (fa, fb);
}

TandemContactGroup *
tandem_store_find_contact_group (TandemStore  *self,
                                 const char   *name_or_id,
                                 GError      **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  clean = name_or_id != NULL ? g_strstrip (g_strdup (name_or_id)) : NULL;
  groups = tandem_store_list_contact_groups (self, error);
  if (groups == NULL)
    return NULL;

  if (clean != NULL && g_ascii_string_to_signed (clean, 10, 1, G_MAXINT64, &id, NULL))
    for (guint i = 0; i < groups->len; i++)
      if (tandem_contact_group_get_id (g_ptr_array_index (groups, i)) == id)
        return g_object_ref (g_ptr_array_index (groups, i));

  for (guint i = 0; clean != NULL && i < groups->len; i++)
    {
      TandemContactGroup *group = g_ptr_array_index (groups, i);

      if (same_folded (clean, tandem_contact_group_get_name (group)) ||
          same_folded (clean, tandem_contact_group_get_builtin (group)))
        return g_object_ref (group);
    }

  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
               _("There is no contact group called “%s”"), clean ? clean : "");
  return NULL;
}

gint64
tandem_store_save_contact_group (TandemStore         *self,
                                 TandemContactGroup  *group,
                                 GError             **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  const char *name;
  const char *builtin;
  sqlite3_stmt *stmt;
  gint64 id;
  int position;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_CONTACT_GROUP (group), 0);

  if (!tandem_store_require_admin (self, error))
    return 0;

  id = tandem_contact_group_get_id (group);
  name = tandem_contact_group_get_custom_name (group);
  builtin = tandem_contact_group_get_builtin (group);
  if (name == NULL && (id == 0 || builtin == NULL))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A contact group needs a name"));
      return 0;
    }

  groups = tandem_store_list_contact_groups (self, error);
  if (groups == NULL)
    return 0;
  for (guint i = 0; i < groups->len; i++)
    {
      TandemContactGroup *other = g_ptr_array_index (groups, i);

      if (tandem_contact_group_get_id (other) != id &&
          same_folded (tandem_contact_group_get_name (group), tandem_contact_group_get_name (other)))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                       _("There is already a contact group called “%s”"),
                       tandem_contact_group_get_name (other));
          return 0;
        }
    }

  position = tandem_contact_group_get_position (group);
  if (id == 0 && position == 0)
    for (guint i = 0; i < groups->len; i++)
      position = MAX (position, tandem_contact_group_get_position (g_ptr_array_index (groups, i)) + 1);

  if (id == 0)
    stmt = tandem_store_prepare (self,
                                 "INSERT INTO contact_groups (name, do_not_contact, position) VALUES (?1, ?2, ?3)",
                                 error);
  else
    stmt = tandem_store_prepare (self,
                                 "UPDATE contact_groups SET name = ?1, do_not_contact = ?2, position = ?3"
                                 " WHERE id = ?4", error);
  if (stmt == NULL)
    return 0;
  tandem_store_bind_text (stmt, 1, name);
  sqlite3_bind_int (stmt, 2, tandem_contact_group_get_do_not_contact (group));
  sqlite3_bind_int (stmt, 3, position);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 4, id);
  if (!tandem_store_step_done (self, stmt, error))
    return 0;
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("There is no contact group with the id %lld"), (long long) id);
      return 0;
    }

  tandem_contact_group_set_id (group, id);
  tandem_contact_group_set_position (group, position);
  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return id;
}

gboolean
tandem_store_delete_contact_group (TandemStore  *self,
                                   gint64        id,
                                   GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_admin (self, error))
    return FALSE;

  stmt = tandem_store_prepare (self, "DELETE FROM contact_groups WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("There is no contact group with the id %lld"), (long long) id);
      return FALSE;
    }
  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return TRUE;
}

/* Membership */

static gboolean
check_contact (TandemStore             *self,
               const TandemContactRef  *ref,
               GError                 **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (ref->kind != TANDEM_KIND_COMPANY && ref->kind != TANDEM_KIND_PERSON)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Only companies and people can be in contact groups"));
      return FALSE;
    }

  stmt = tandem_store_prepare (self, ref->kind == TANDEM_KIND_COMPANY
                                     ? "SELECT 1 FROM visible_companies WHERE id = ?"
                                     : "SELECT 1 FROM visible_people WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ref->id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (!found)
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                 ref->kind == TANDEM_KIND_COMPANY
                 ? _("There is no company with the id %lld")
                 : _("There is no person with the id %lld"), (long long) ref->id);
  return found;
}

static gboolean
check_group_id (TandemStore  *self,
                gint64        group_id,
                GError      **error)
{
  g_autoptr(TandemContactGroup) group = tandem_store_get_contact_group (self, group_id, error);

  return group != NULL;
}

/* Adds (add TRUE) or removes one contact's membership; *changed counts. */
static gboolean
change_membership (TandemStore             *self,
                   gint64                   group_id,
                   const TandemContactRef  *ref,
                   gboolean                 add,
                   guint                   *changed,
                   GError                 **error)
{
  sqlite3_stmt *stmt;
  const char *sql;

  if (add)
    sql = ref->kind == TANDEM_KIND_COMPANY
          ? "INSERT OR IGNORE INTO contact_group_members (group_id, company_id, added_by)"
            " VALUES (?1, ?2, (SELECT user_id FROM temp.tandem_session))"
          : "INSERT OR IGNORE INTO contact_group_members (group_id, person_id, added_by)"
            " VALUES (?1, ?2, (SELECT user_id FROM temp.tandem_session))";
  else
    sql = ref->kind == TANDEM_KIND_COMPANY
          ? "DELETE FROM contact_group_members WHERE group_id = ?1 AND company_id = ?2"
          : "DELETE FROM contact_group_members WHERE group_id = ?1 AND person_id = ?2";

  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, ref->id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;
  *changed += sqlite3_changes (self->db);
  return TRUE;
}

static guint
change_many (TandemStore             *self,
             gint64                   remove_group,
             gint64                   add_group,
             const TandemContactRef  *refs,
             guint                    n_refs,
             GError                 **error)
{
  guint removed = 0;
  guint added = 0;

  if (!tandem_store_require_user (self, error))
    return 0;
  if ((remove_group != 0 && !check_group_id (self, remove_group, error)) ||
      (add_group != 0 && !check_group_id (self, add_group, error)))
    return 0;
  for (guint i = 0; i < n_refs; i++)
    if (!check_contact (self, &refs[i], error))
      return 0;

  if (!tandem_store_begin (self, error))
    return 0;
  for (guint i = 0; i < n_refs; i++)
    {
      guint was_removed = removed;

      if (remove_group != 0 && !change_membership (self, remove_group, &refs[i], FALSE, &removed, error))
        goto fail;
      /* A move counts a contact that was in the first group, or that is new
       * in the second. */
      if (add_group != 0 && !change_membership (self, add_group, &refs[i], TRUE, &added, error))
        goto fail;
      if (remove_group != 0 && add_group != 0 && removed > was_removed && added > 0)
        added--;
    }
  if (!tandem_store_commit (self, error))
    return 0;

  for (guint i = 0; i < n_refs; i++)
    tandem_store_emit_changed (self, refs[i].kind, refs[i].id);
  return removed + added;

fail:
  tandem_store_rollback (self);
  return 0;
}

guint
tandem_store_add_to_group (TandemStore             *self,
                           gint64                   group_id,
                           const TandemContactRef  *refs,
                           guint                    n_refs,
                           GError                 **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (group_id > 0, 0);
  return change_many (self, 0, group_id, refs, n_refs, error);
}

guint
tandem_store_remove_from_group (TandemStore             *self,
                                gint64                   group_id,
                                const TandemContactRef  *refs,
                                guint                    n_refs,
                                GError                 **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (group_id > 0, 0);
  return change_many (self, group_id, 0, refs, n_refs, error);
}

guint
tandem_store_move_to_group (TandemStore             *self,
                            gint64                   from_group,
                            gint64                   to_group,
                            const TandemContactRef  *refs,
                            guint                    n_refs,
                            GError                 **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (from_group > 0 && to_group > 0, 0);

  if (from_group == to_group)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Choose another group to move to"));
      return 0;
    }
  return change_many (self, from_group, to_group, refs, n_refs, error);
}

GPtrArray *
tandem_store_list_groups_of (TandemStore  *self,
                             TandemKind    kind,
                             gint64        id,
                             GError      **error)
{
  TandemContactRef ref = { kind, id };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error) || !check_contact (self, &ref, error))
    return NULL;

  stmt = tandem_store_prepare (self, kind == TANDEM_KIND_COMPANY
                                     ? "SELECT " GROUP_COLUMNS " FROM contact_groups g"
                                       " JOIN contact_group_members gm ON gm.group_id = g.id AND gm.company_id = ?1"
                                       " ORDER BY g.position, g.id"
                                     : "SELECT " GROUP_COLUMNS " FROM contact_groups g"
                                       " JOIN contact_group_members gm ON gm.group_id = g.id AND gm.person_id = ?1"
                                       " ORDER BY g.position, g.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return tandem_store_collect (self, stmt, load_group, g_object_unref, error);
}

gboolean
tandem_store_set_groups_of (TandemStore   *self,
                            TandemKind     kind,
                            gint64         id,
                            const gint64  *group_ids,
                            guint          n_groups,
                            GError       **error)
{
  TandemContactRef ref = { kind, id };
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  guint changed = 0;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error) || !check_contact (self, &ref, error))
    return FALSE;
  for (guint i = 0; i < n_groups; i++)
    if (!check_group_id (self, group_ids[i], error))
      return FALSE;

  if (!tandem_store_begin (self, error))
    return FALSE;

  json = ids_to_json (group_ids, n_groups);
  stmt = tandem_store_prepare (self, kind == TANDEM_KIND_COMPANY
                                     ? "DELETE FROM contact_group_members WHERE company_id = ?1"
                                       " AND group_id NOT IN (SELECT value FROM json_each (?2))"
                                     : "DELETE FROM contact_group_members WHERE person_id = ?1"
                                       " AND group_id NOT IN (SELECT value FROM json_each (?2))", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  tandem_store_bind_text (stmt, 2, json);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  for (guint i = 0; i < n_groups; i++)
    if (!change_membership (self, group_ids[i], &ref, TRUE, &changed, error))
      goto fail;

  if (!tandem_store_commit (self, error))
    return FALSE;
  tandem_store_emit_changed (self, kind, id);
  return TRUE;

fail:
  tandem_store_rollback (self);
  return FALSE;
}

gint64
tandem_store_record_contact_call (TandemStore             *self,
                                  const TandemContactRef  *ref,
                                  TandemActivity          *activity,
                                  gint64                   from_group,
                                  gint64                   to_group,
                                  GError                 **error)
{
  gint64 activity_id = 0;
  gint64 old_id = activity != NULL ? tandem_record_get_id (TANDEM_RECORD (activity)) : 0;
  guint changed = 0;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (ref != NULL, 0);
  g_return_val_if_fail (activity == NULL || TANDEM_IS_ACTIVITY (activity), 0);

  if (!tandem_store_require_user (self, error) || !check_contact (self, ref, error))
    return 0;
  if ((from_group != 0 && !check_group_id (self, from_group, error)) ||
      (to_group != 0 && !check_group_id (self, to_group, error)))
    return 0;

  if (!tandem_store_begin (self, error))
    return 0;
  if (activity != NULL)
    {
      activity_id = tandem_store_save_activity (self, activity, error);
      if (activity_id == 0)
        goto fail;
    }
  if (from_group != 0 && from_group != to_group &&
      !change_membership (self, from_group, ref, FALSE, &changed, error))
    goto fail;
  if (to_group != 0 && !change_membership (self, to_group, ref, TRUE, &changed, error))
    goto fail;
  if (!tandem_store_commit (self, error))
    return 0;

  tandem_store_emit_changed (self, ref->kind, ref->id);
  return activity_id != 0 ? activity_id : 1;

fail:
  tandem_store_rollback (self);
  /* A new activity that was rolled back is still new. */
  if (activity != NULL)
    tandem_record_set_id (TANDEM_RECORD (activity), old_id);
  return 0;
}

/* The group screen */

static TandemContact *
load_contact (sqlite3_stmt *stmt,
              GPtrArray    *groups)
{
  TandemContact *contact;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) joined = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;
  const char *list;

  contact = tandem_contact_new (sqlite3_column_int (stmt, 0),
                                sqlite3_column_int64 (stmt, 1),
                                tandem_store_column_text (stmt, 2));
  tandem_contact_set_details (contact,
                              sqlite3_column_int64 (stmt, 3),
                              tandem_store_column_text (stmt, 4),
                              tandem_store_column_text (stmt, 5),
                              tandem_store_column_text (stmt, 6),
                              tandem_store_column_text (stmt, 7),
                              tandem_store_column_text (stmt, 8));

  /* The groups in their own order, which is the order of @groups. */
  list = tandem_store_column_text (stmt, 9);
  parts = g_strsplit (list != NULL ? list : "", ",", -1);
  for (guint i = 0; i < groups->len; i++)
    {
      TandemContactGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, tandem_contact_group_get_id (group));

      if (g_strv_contains ((const char * const *) parts, id_text))
        {
          gint64 id = tandem_contact_group_get_id (group);

          g_array_append_val (ids, id);
          g_string_append_printf (joined, "%s%s", joined->len > 0 ? ", " : "",
                                  tandem_contact_group_get_name (group));
        }
    }
  tandem_contact_set_groups (contact, (const gint64 *) ids->data, ids->len, joined->str);
  return contact;
}

/* Binds a named parameter when the statement has it. */
static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *text)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    tandem_store_bind_text (stmt, index, text);
}

static void
bind_named_int (sqlite3_stmt *stmt,
                const char   *name,
                gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
append_filter_part (GString                 *sql,
                    TandemKind               kind,
                    const TandemGroupFilter *filter)
{
  const char *alias = kind == TANDEM_KIND_COMPANY ? "c" : "p";
  const char *column = kind == TANDEM_KIND_COMPANY ? "company_id" : "person_id";

  g_string_append (sql, kind == TANDEM_KIND_COMPANY ? COMPANY_ROW : PERSON_ROW);
  g_string_append (sql, " WHERE 1");
  if (filter->n_include > 0)
    g_string_append_printf (sql,
                            " AND %s.id IN (SELECT m.%s FROM contact_group_members m"
                            "  WHERE m.group_id IN (SELECT value FROM json_each (:include)) AND m.%s IS NOT NULL"
                            "  GROUP BY m.%s HAVING count (*) >= :need)",
                            alias, column, column, column);
  if (filter->n_exclude > 0)
    g_string_append_printf (sql,
                            " AND NOT EXISTS (SELECT 1 FROM contact_group_members m WHERE m.%s = %s.id"
                            "  AND m.group_id IN (SELECT value FROM json_each (:exclude)))",
                            column, alias);
  if (filter->text != NULL && filter->text[0] != '\0')
    {
      if (kind == TANDEM_KIND_COMPANY)
        g_string_append (sql,
                         " AND (instr (tandem_fold (c.name), :text) OR instr (tandem_fold (ifnull (c.phone, '')), :text)"
                         "  OR instr (tandem_fold (ifnull (c.email, '')), :text))");
      else
        g_string_append (sql,
                         " AND (instr (tandem_fold (p.name), :text) OR instr (tandem_fold (ifnull (vc.name, '')), :text)"
                         "  OR instr (tandem_fold (ifnull (p.phone, '')), :text)"
                         "  OR instr (tandem_fold (ifnull (p.mobile, '')), :text)"
                         "  OR instr (tandem_fold (ifnull (p.email, '')), :text))");
    }
}

static char *
filter_sql (const TandemGroupFilter *filter,
            gboolean                 count)
{
  GString *sql = g_string_new (count ? "SELECT count (*) FROM (" : "SELECT * FROM (");

  if (filter->kind != TANDEM_KIND_PERSON)
    append_filter_part (sql, TANDEM_KIND_COMPANY, filter);
  if (filter->kind == TANDEM_KIND_NONE)
    g_string_append (sql, " UNION ALL ");
  if (filter->kind != TANDEM_KIND_COMPANY)
    append_filter_part (sql, TANDEM_KIND_PERSON, filter);
  g_string_append (sql, ")");
  if (!count)
    g_string_append (sql, " ORDER BY name COLLATE NOCASE, kind, id LIMIT :limit OFFSET :offset");
  return g_string_free (sql, FALSE);
}

static sqlite3_stmt *
prepare_filter (TandemStore              *self,
                const TandemGroupFilter  *filter,
                gboolean                  count,
                GError                  **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *include = NULL;
  g_autofree char *exclude = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  if (filter->kind != TANDEM_KIND_NONE && filter->kind != TANDEM_KIND_COMPANY &&
      filter->kind != TANDEM_KIND_PERSON)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Only companies and people can be in contact groups"));
      return NULL;
    }

  sql = filter_sql (filter, count);
  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  include = ids_to_json (filter->include, filter->n_include);
  exclude = ids_to_json (filter->exclude, filter->n_exclude);
  text = fold (filter->text);
  bind_named_text (stmt, ":include", include);
  bind_named_int (stmt, ":need", filter->include_all ? filter->n_include : 1);
  bind_named_text (stmt, ":exclude", exclude);
  bind_named_text (stmt, ":text", text);
  return stmt;
}

guint
tandem_store_count_group_contacts (TandemStore              *self,
                                   const TandemGroupFilter  *filter,
                                   GError                  **error)
{
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (filter != NULL, 0);

  if (!tandem_store_require_user (self, error))
    return 0;

  stmt = prepare_filter (self, filter, TRUE, error);
  if (stmt == NULL)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  else
    tandem_store_set_db_error (self, error);
  sqlite3_reset (stmt);
  return n;
}

static GPtrArray *
collect_contacts (TandemStore   *self,
                  sqlite3_stmt  *stmt,
                  GPtrArray     *groups,
                  GError       **error)
{
  g_autoptr(GPtrArray) contacts = NULL;
  int rc;

  contacts = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (contacts, load_contact (stmt, groups));
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&contacts);
}

GPtrArray *
tandem_store_list_group_contacts (TandemStore              *self,
                                  const TandemGroupFilter  *filter,
                                  guint                     offset,
                                  guint                     limit,
                                  GError                  **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *contacts;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  /* The groups are read first: the statement below stays in the cache. */
  groups = tandem_store_list_contact_groups (self, error);
  if (groups == NULL)
    return NULL;

  stmt = prepare_filter (self, filter, FALSE, error);
  if (stmt == NULL)
    return NULL;
  bind_named_int (stmt, ":limit", limit > 0 ? (gint64) limit : -1);
  bind_named_int (stmt, ":offset", offset);
  contacts = collect_contacts (self, stmt, groups, error);
  sqlite3_reset (stmt);
  return contacts;
}

/* Saved searches */

#define SEARCH_COLUMNS "s.id, s.name, s.entity, s.match_all, s.criteria, s.owner_id, s.shared"
#define SEARCH_SEEN "(s.shared = 1 OR s.owner_id = (SELECT user_id FROM temp.tandem_session))"

static gpointer
load_search (TandemStore  *self,
             sqlite3_stmt *stmt)
{
  TandemSavedSearch *search;

  search = tandem_saved_search_new (tandem_store_column_text (stmt, 1), sqlite3_column_int (stmt, 2));
  tandem_saved_search_set_id (search, sqlite3_column_int64 (stmt, 0));
  tandem_saved_search_set_match_all (search, sqlite3_column_int (stmt, 3));
  /* The store wrote the criteria; a damaged row reads as no criteria and
   * is shown (and refused when run) rather than hidden. */
  if (!tandem_saved_search_criteria_from_json (search, tandem_store_column_text (stmt, 4), NULL))
    tandem_saved_search_clear_criteria (search);
  tandem_saved_search_set_owner_id (search, sqlite3_column_int64 (stmt, 5));
  tandem_saved_search_set_shared (search, sqlite3_column_int (stmt, 6));
  return search;
}

GPtrArray *
tandem_store_list_saved_searches (TandemStore  *self,
                                  GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT " SEARCH_COLUMNS " FROM saved_searches s WHERE " SEARCH_SEEN
                               " ORDER BY s.name COLLATE NOCASE, s.id", error);
  if (stmt == NULL)
    return NULL;
  return tandem_store_collect (self, stmt, load_search, g_object_unref, error);
}

TandemSavedSearch *
tandem_store_find_saved_search (TandemStore  *self,
                                const char   *name_or_id,
                                GError      **error)
{
  g_autoptr(GPtrArray) searches = NULL;
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  clean = name_or_id != NULL ? g_strstrip (g_strdup (name_or_id)) : NULL;
  searches = tandem_store_list_saved_searches (self, error);
  if (searches == NULL)
    return NULL;

  if (clean != NULL && g_ascii_string_to_signed (clean, 10, 1, G_MAXINT64, &id, NULL))
    for (guint i = 0; i < searches->len; i++)
      if (tandem_saved_search_get_id (g_ptr_array_index (searches, i)) == id)
        return g_object_ref (g_ptr_array_index (searches, i));
  for (guint i = 0; clean != NULL && i < searches->len; i++)
    if (same_folded (clean, tandem_saved_search_get_name (g_ptr_array_index (searches, i))))
      return g_object_ref (g_ptr_array_index (searches, i));

  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
               _("There is no saved search called “%s”"), clean ? clean : "");
  return NULL;
}

/* Resolves a group or role given by name to its id, as text. */
static char *
resolve_set_value (TandemStore          *self,
                   TandemCriterionType   type,
                   const char           *value,
                   GError              **error)
{
  gint64 id;

  if (type == TANDEM_CRITERION_GROUP)
    {
      g_autoptr(TandemContactGroup) group = tandem_store_find_contact_group (self, value, error);

      return group != NULL ? g_strdup_printf ("%" G_GINT64_FORMAT, tandem_contact_group_get_id (group)) : NULL;
    }
  else
    {
      g_autoptr(GPtrArray) roles = tandem_store_list_partner_roles (self, error);

      if (roles == NULL)
        return NULL;
      if (g_ascii_string_to_signed (value, 10, 1, G_MAXINT64, &id, NULL))
        for (guint i = 0; i < roles->len; i++)
          if (tandem_choice_get_id (g_ptr_array_index (roles, i)) == id)
            return g_strdup (value);
      for (guint i = 0; i < roles->len; i++)
        if (same_folded (value, tandem_choice_get_name (g_ptr_array_index (roles, i))))
          return g_strdup_printf ("%" G_GINT64_FORMAT, tandem_choice_get_id (g_ptr_array_index (roles, i)));
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("There is no partner role called “%s”"), value);
      return NULL;
    }
}

/* Checks every criterion of @search for its entity and puts them in their
 * stored form (dates as YYYY-MM-DD, groups and roles by id). */
static gboolean
check_criteria (TandemStore        *self,
                TandemSavedSearch  *search,
                GError            **error)
{
  g_autoptr(GPtrArray) checked = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_criterion_free);
  GPtrArray *criteria = tandem_saved_search_get_criteria (search);
  TandemKind entity = tandem_saved_search_get_entity (search);

  for (guint i = 0; i < criteria->len; i++)
    {
      g_autoptr(TandemCriterion) criterion = tandem_criterion_check (g_ptr_array_index (criteria, i), entity, error);
      TandemCriterionType type;
      gint64 field_id;

      if (criterion == NULL)
        return FALSE;

      type = tandem_criterion_field_type (criterion->field);
      if (type == TANDEM_CRITERION_GROUP || type == TANDEM_CRITERION_ROLE)
        {
          char *id = resolve_set_value (self, type, criterion->value, error);

          if (id == NULL)
            return FALSE;
          g_free (criterion->value);
          criterion->value = id;
        }
      else if (g_str_has_prefix (criterion->field, "field:") &&
               g_ascii_string_to_signed (criterion->field + 6, 10, 1, G_MAXINT64, &field_id, NULL))
        {
          g_autoptr(GPtrArray) fields = tandem_store_list_fields (self, entity, error);
          gboolean found = FALSE;

          if (fields == NULL)
            return FALSE;
          for (guint j = 0; j < fields->len; j++)
            found |= tandem_field_get_id (g_ptr_array_index (fields, j)) == field_id;
          if (!found)
            {
              g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                           entity == TANDEM_KIND_COMPANY
                           ? _("Companies have no field with the id %lld")
                           : _("People have no field with the id %lld"), (long long) field_id);
              return FALSE;
            }
        }
      g_ptr_array_add (checked, g_steal_pointer (&criterion));
    }

  tandem_saved_search_clear_criteria (search);
  for (guint i = 0; i < checked->len; i++)
    {
      TandemCriterion *criterion = g_ptr_array_index (checked, i);

      tandem_saved_search_add_criterion (search, criterion->field, criterion->op, criterion->value);
    }
  return TRUE;
}

gint64
tandem_store_save_saved_search (TandemStore        *self,
                                TandemSavedSearch  *search,
                                GError            **error)
{
  g_autofree char *name = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_SAVED_SEARCH (search), 0);

  if (!tandem_store_require_user (self, error))
    return 0;

  name = g_strstrip (g_strdup (tandem_saved_search_get_name (search) ? tandem_saved_search_get_name (search) : ""));
  if (name[0] == '\0')
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A saved search needs a name"));
      return 0;
    }
  if (!check_criteria (self, search, error))
    return 0;

  id = tandem_saved_search_get_id (search);
  if (id != 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autoptr(TandemSavedSearch) saved = tandem_store_find_saved_search (self, id_text, error);

      if (saved == NULL)
        return 0;
      if (tandem_saved_search_get_owner_id (saved) != tandem_user_get_id (tandem_store_get_user (self)) &&
          !tandem_user_is_admin (tandem_store_get_user (self)))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                       _("Only the one who saved “%s” or an administrator can change it"),
                       tandem_saved_search_get_name (saved));
          return 0;
        }
    }

  json = tandem_saved_search_criteria_to_json (search);
  if (id == 0)
    stmt = tandem_store_prepare (self,
                                 "INSERT INTO saved_searches (name, entity, match_all, criteria, shared, owner_id)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, (SELECT user_id FROM temp.tandem_session))", error);
  else
    stmt = tandem_store_prepare (self,
                                 "UPDATE saved_searches SET name = ?1, entity = ?2, match_all = ?3, criteria = ?4,"
                                 " shared = ?5, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?6",
                                 error);
  if (stmt == NULL)
    return 0;
  tandem_store_bind_text (stmt, 1, name);
  sqlite3_bind_int (stmt, 2, tandem_saved_search_get_entity (search));
  sqlite3_bind_int (stmt, 3, tandem_saved_search_get_match_all (search));
  tandem_store_bind_text (stmt, 4, json);
  sqlite3_bind_int (stmt, 5, tandem_saved_search_get_shared (search));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 6, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      gboolean taken = sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE;

      sqlite3_reset (stmt);
      if (taken)
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                     _("There is already a saved search called “%s”"), name);
      else
        tandem_store_set_db_error (self, error);
      return 0;
    }
  sqlite3_reset (stmt);

  if (id == 0)
    {
      id = sqlite3_last_insert_rowid (self->db);
      tandem_saved_search_set_owner_id (search, tandem_user_get_id (tandem_store_get_user (self)));
    }
  tandem_saved_search_set_id (search, id);
  tandem_saved_search_set_name (search, name);
  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return id;
}

gboolean
tandem_store_delete_saved_search (TandemStore  *self,
                                  gint64        id,
                                  GError      **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(TandemSavedSearch) saved = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error))
    return FALSE;
  saved = tandem_store_find_saved_search (self, id_text, error);
  if (saved == NULL)
    return FALSE;
  if (tandem_saved_search_get_owner_id (saved) != tandem_user_get_id (tandem_store_get_user (self)) &&
      !tandem_user_is_admin (tandem_store_get_user (self)))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("Only the one who saved “%s” or an administrator can delete it"),
                   tandem_saved_search_get_name (saved));
      return FALSE;
    }

  stmt = tandem_store_prepare (self, "DELETE FROM saved_searches WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;
  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return TRUE;
}

/* The SQL expressions a text field compares, for companies (alias c) and
 * people (alias p, their company vc). A company matches on any of its
 * addresses; a person on their own address, else their company's. */
static const char *
field_expression (const char *field,
                  TandemKind  entity)
{
  static const struct { const char *field; const char *company; const char *person; } columns[] = {
    { "name", "c.name", "p.name" },
    { "company", NULL, "vc.name" },
    { "job-title", NULL, "p.job_title" },
    { "email", "c.email", "p.email" },
    { "phone", "c.phone", "p.phone" },
    { "mobile", NULL, "p.mobile" },
    { "fax", "c.fax", NULL },
    { "website", "c.website", NULL },
    { "business-id", "c.business_id", NULL },
    { "vat", "c.vat_number", NULL },
    { "street", "c.visit_street|c.postal_street|c.billing_street",
      "coalesce (nullif (p.street, ''), nullif (vc.postal_street, ''), vc.visit_street)" },
    { "postcode", "c.visit_postcode|c.postal_postcode|c.billing_postcode",
      "coalesce (nullif (p.postcode, ''), nullif (vc.postal_postcode, ''), vc.visit_postcode)" },
    { "city", "c.visit_city|c.postal_city|c.billing_city",
      "coalesce (nullif (p.city, ''), nullif (vc.postal_city, ''), vc.visit_city)" },
    { "country", "c.visit_country|c.postal_country|c.billing_country",
      "coalesce (nullif (p.country, ''), nullif (vc.postal_country, ''), vc.visit_country)" },
    { "created", "substr (c.created_at, 1, 10)", "substr (p.created_at, 1, 10)" },
    /* The last activity that has happened, among those the user may see:
     * a hidden one must not show through its date. */
    { "last-activity",
      "(SELECT max (substr (coalesce (a.start_utc, a.completed_at, a.created_at), 1, 10))"
      "  FROM visible_activities a WHERE a.company_id = c.id"
      "  AND coalesce (a.start_utc, a.completed_at, a.created_at) <= strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))",
      "(SELECT max (substr (coalesce (a.start_utc, a.completed_at, a.created_at), 1, 10))"
      "  FROM visible_activities a JOIN activity_people ap ON ap.activity_id = a.id AND ap.person_id = p.id"
      "  WHERE coalesce (a.start_utc, a.completed_at, a.created_at) <= strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_str_equal (columns[i].field, field))
      return entity == TANDEM_KIND_COMPANY ? columns[i].company : columns[i].person;
  return NULL;
}

/* Appends the condition of one checked criterion, binding its values
 * (positional) into @params. */
static void
append_condition (GString               *sql,
                  GPtrArray             *params,
                  const TandemCriterion *criterion,
                  TandemKind             entity)
{
  const char *alias = entity == TANDEM_KIND_COMPANY ? "c" : "p";
  TandemCriterionType type = tandem_criterion_field_type (criterion->field);
  const char *op = criterion->op;
  g_auto(GStrv) expressions = NULL;
  g_autofree char *custom = NULL;
  gboolean negate;
  const char *positive;

  if (type == TANDEM_CRITERION_GROUP)
    {
      g_string_append_printf (sql, "%sEXISTS (SELECT 1 FROM contact_group_members m WHERE m.%s = %s.id AND m.group_id = ?)",
                              g_str_equal (op, "not-in") ? "NOT " : "",
                              entity == TANDEM_KIND_COMPANY ? "company_id" : "person_id", alias);
      g_ptr_array_add (params, g_strdup (criterion->value));
      return;
    }
  if (type == TANDEM_CRITERION_ROLE)
    {
      g_string_append_printf (sql, "%sEXISTS (SELECT 1 FROM company_roles r WHERE r.company_id = %s AND r.role_id = ?)",
                              g_str_equal (op, "not-in") ? "NOT " : "",
                              entity == TANDEM_KIND_COMPANY ? "c.id" : "p.company_id");
      g_ptr_array_add (params, g_strdup (criterion->value));
      return;
    }

  if (g_str_has_prefix (criterion->field, "field:"))
    {
      custom = g_strdup_printf ("(SELECT v.value FROM field_values v WHERE v.field_id = %" G_GINT64_FORMAT
                                " AND v.record_id = %s.id)",
                                g_ascii_strtoll (criterion->field + 6, NULL, 10), alias);
      expressions = g_new0 (char *, 2);
      expressions[0] = g_strdup (custom);
    }
  else
    expressions = g_strsplit (field_expression (criterion->field, entity), "|", -1);

  if (type == TANDEM_CRITERION_DATE)
    {
      const char *expression = expressions[0];

      if (g_str_equal (op, "empty"))
        g_string_append_printf (sql, "%s IS NULL", expression);
      else if (g_str_equal (op, "not-empty"))
        g_string_append_printf (sql, "%s IS NOT NULL", expression);
      else if (g_str_equal (op, "within-days"))
        g_string_append_printf (sql, "%s >= date ('now', '-' || ? || ' days')", expression);
      else if (g_str_equal (op, "older-than-days"))
        g_string_append_printf (sql, "%s < date ('now', '-' || ? || ' days')", expression);
      else
        g_string_append_printf (sql, "%s %s ?", expression,
                                g_str_equal (op, "before") ? "<" : g_str_equal (op, "after") ? ">" : "=");
      if (tandem_criterion_operator_takes_value (op))
        g_ptr_array_add (params, g_strdup (criterion->value));
      return;
    }

  /* Text: the negative operators are the positive ones negated, so that a
   * company with no such address does not contain the text either. */
  negate = g_str_equal (op, "not-contains") || g_str_equal (op, "is-not") || g_str_equal (op, "not-empty");
  positive = g_str_equal (op, "not-contains") ? "contains"
             : g_str_equal (op, "is-not") ? "is"
             : g_str_equal (op, "not-empty") ? "empty" : op;

  g_string_append (sql, negate ? "NOT (" : "(");
  for (guint i = 0; expressions[i] != NULL; i++)
    {
      const char *expression = expressions[i];

      if (i > 0)
        g_string_append (sql, g_str_equal (positive, "empty") ? " AND " : " OR ");
      if (g_str_equal (positive, "empty"))
        g_string_append_printf (sql, "trim (ifnull (%s, '')) = ''", expression);
      else
        {
          g_string_append_printf (sql,
                                  g_str_equal (positive, "contains") ? "instr (tandem_fold (ifnull (%s, '')), ?) > 0"
                                  : g_str_equal (positive, "is") ? "tandem_fold (trim (ifnull (%s, ''))) = ?"
                                  : "instr (tandem_fold (ifnull (%s, '')), ?) = 1",
                                  expression);
          g_ptr_array_add (params, fold (criterion->value));
        }
    }
  g_string_append (sql, ")");
}

/* Prepares (not cached: searches vary) the query of a search whose
 * criteria were checked. */
static sqlite3_stmt *
prepare_search (TandemStore        *self,
                TandemSavedSearch  *search,
                gboolean            count,
                guint               offset,
                guint               limit,
                GError            **error)
{
  TandemKind entity = tandem_saved_search_get_entity (search);
  GPtrArray *criteria = tandem_saved_search_get_criteria (search);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (count)
    g_string_append (sql, entity == TANDEM_KIND_COMPANY
                          ? "SELECT count (*) FROM visible_companies c"
                          : "SELECT count (*) FROM visible_people p LEFT JOIN visible_companies vc ON vc.id = p.company_id");
  else
    g_string_append (sql, entity == TANDEM_KIND_COMPANY ? COMPANY_ROW : PERSON_ROW);

  g_string_append (sql, " WHERE ");
  if (criteria->len == 0)
    g_string_append (sql, "1");
  for (guint i = 0; i < criteria->len; i++)
    {
      if (i > 0)
        g_string_append (sql, tandem_saved_search_get_match_all (search) ? " AND " : " OR ");
      append_condition (sql, params, g_ptr_array_index (criteria, i), entity);
    }
  if (!count)
    g_string_append_printf (sql, " ORDER BY %s.name COLLATE NOCASE, %s.id LIMIT %d OFFSET %u",
                            entity == TANDEM_KIND_COMPANY ? "c" : "p",
                            entity == TANDEM_KIND_COMPANY ? "c" : "p",
                            limit > 0 ? (int) MIN (limit, G_MAXINT) : -1, offset);

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      tandem_store_set_db_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  for (guint i = 0; i < params->len; i++)
    tandem_store_bind_text (stmt, i + 1, g_ptr_array_index (params, i));
  return stmt;
}

/* A copy of @search with its criteria checked, for running it. */
static TandemSavedSearch *
checked_copy (TandemStore        *self,
              TandemSavedSearch  *search,
              GError            **error)
{
  g_autoptr(TandemSavedSearch) copy = tandem_saved_search_copy (search);

  if (!check_criteria (self, copy, error))
    return NULL;
  return g_steal_pointer (&copy);
}

guint
tandem_store_count_search_matches (TandemStore        *self,
                                   TandemSavedSearch  *search,
                                   GError            **error)
{
  g_autoptr(TandemSavedSearch) checked = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_SAVED_SEARCH (search), 0);

  if (!tandem_store_require_user (self, error) ||
      (checked = checked_copy (self, search, error)) == NULL)
    return 0;

  stmt = prepare_search (self, checked, TRUE, 0, 0, error);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  else
    tandem_store_set_db_error (self, error);
  sqlite3_finalize (stmt);
  return n;
}

GPtrArray *
tandem_store_run_saved_search (TandemStore        *self,
                               TandemSavedSearch  *search,
                               guint               offset,
                               guint               limit,
                               GError            **error)
{
  g_autoptr(TandemSavedSearch) checked = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *contacts;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (TANDEM_IS_SAVED_SEARCH (search), NULL);

  if (!tandem_store_require_user (self, error) ||
      (checked = checked_copy (self, search, error)) == NULL ||
      (groups = tandem_store_list_contact_groups (self, error)) == NULL)
    return NULL;

  stmt = prepare_search (self, checked, FALSE, offset, limit, error);
  if (stmt == NULL)
    return NULL;
  contacts = collect_contacts (self, stmt, groups, error);
  sqlite3_finalize (stmt);
  return contacts;
}

/* Label recipients (I4) */

struct _TandemRecipientCursor
{
  TandemStore *store;
  GArray      *refs;       /* TandemContactRef, in name order */
  guint        next;
  gboolean     include_do_not_contact;
  guint        n_left_out;
};

/* A company's address: its postal one when it has one, else its visiting
 * one. A person at a company: the company's name, the person as contact,
 * at the person's own address when they have one, else the company's. */
#define COMPANY_ADDRESS(c, part) \
  "CASE WHEN trim (ifnull (" c ".postal_street, '') || ifnull (" c ".postal_city, '')) <> ''" \
  " THEN " c ".postal_" part " ELSE " c ".visit_" part " END"

static const char company_address_sql[] =
  "SELECT c.name, NULL, " COMPANY_ADDRESS ("c", "street") ", " COMPANY_ADDRESS ("c", "postcode") ", "
  COMPANY_ADDRESS ("c", "city") ", " COMPANY_ADDRESS ("c", "country") ","
  " EXISTS (SELECT 1 FROM contact_group_members m JOIN contact_groups g ON g.id = m.group_id"
  "   WHERE g.do_not_contact = 1 AND m.company_id = c.id)"
  " FROM visible_companies c WHERE c.id = ?";

static const char person_address_sql[] =
  "SELECT coalesce (vc.name, p.name), CASE WHEN vc.id IS NOT NULL THEN p.name END,"
  " CASE WHEN trim (ifnull (p.street, '') || ifnull (p.city, '')) <> '' OR vc.id IS NULL THEN p.street"
  "  ELSE " COMPANY_ADDRESS ("vc", "street") " END,"
  " CASE WHEN trim (ifnull (p.street, '') || ifnull (p.city, '')) <> '' OR vc.id IS NULL THEN p.postcode"
  "  ELSE " COMPANY_ADDRESS ("vc", "postcode") " END,"
  " CASE WHEN trim (ifnull (p.street, '') || ifnull (p.city, '')) <> '' OR vc.id IS NULL THEN p.city"
  "  ELSE " COMPANY_ADDRESS ("vc", "city") " END,"
  " CASE WHEN trim (ifnull (p.street, '') || ifnull (p.city, '')) <> '' OR vc.id IS NULL THEN p.country"
  "  ELSE " COMPANY_ADDRESS ("vc", "country") " END,"
  " EXISTS (SELECT 1 FROM contact_group_members m JOIN contact_groups g ON g.id = m.group_id"
  "   WHERE g.do_not_contact = 1 AND (m.person_id = p.id OR (vc.id IS NOT NULL AND m.company_id = vc.id)))"
  " FROM visible_people p LEFT JOIN visible_companies vc ON vc.id = p.company_id WHERE p.id = ?";

static gboolean
collect_refs (TandemStore   *self,
              sqlite3_stmt  *stmt,
              GArray        *refs,
              GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemContactRef ref = { sqlite3_column_int (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (refs, ref);
    }
  if (rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  return TRUE;
}

static GArray *
recipient_refs (TandemStore                 *self,
                const TandemRecipientQuery  *query,
                GError                     **error)
{
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (TandemContactRef));
  int sources = (query->groups != NULL) + (query->search != NULL) + (query->campaign_id != 0) + (query->n_refs > 0);

  if (sources != 1)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   sources == 0 ? _("Choose whom the labels are for: a group, a saved search, a campaign or a selection")
                                : _("Choose only one of a group, a saved search, a campaign or a selection"));
      return NULL;
    }

  if (query->groups != NULL)
    {
      sqlite3_stmt *stmt = prepare_filter (self, query->groups, FALSE, error);
      gboolean ok;

      if (stmt == NULL)
        return NULL;
      bind_named_int (stmt, ":limit", -1);
      bind_named_int (stmt, ":offset", 0);
      ok = collect_refs (self, stmt, refs, error);
      sqlite3_reset (stmt);
      if (!ok)
        return NULL;
    }
  else if (query->search != NULL || query->campaign_id != 0)
    {
      g_autoptr(TandemSavedSearch) checked = NULL;
      sqlite3_stmt *stmt;
      gboolean ok;

      if (query->campaign_id != 0)
        {
          g_autoptr(TandemSavedSearch) target = tandem_store_campaign_target_search (self, query->campaign_id, error);

          if (target == NULL)
            return NULL;
          checked = checked_copy (self, target, error);
        }
      else
        checked = checked_copy (self, query->search, error);
      if (checked == NULL)
        return NULL;
      stmt = prepare_search (self, checked, FALSE, 0, 0, error);
      if (stmt == NULL)
        return NULL;
      ok = collect_refs (self, stmt, refs, error);
      sqlite3_finalize (stmt);
      if (!ok)
        return NULL;
    }
  else
    {
      /* A selection keeps its order; one contact is one label. */
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < query->n_refs; i++)
        {
          char *key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, query->refs[i].kind, query->refs[i].id);

          if (query->refs[i].kind != TANDEM_KIND_COMPANY && query->refs[i].kind != TANDEM_KIND_PERSON)
            {
              g_free (key);
              g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                           _("Only companies and people can be in contact groups"));
              return NULL;
            }
          if (g_hash_table_add (seen, key))
            g_array_append_val (refs, query->refs[i]);
        }
    }
  return g_steal_pointer (&refs);
}

/* Reads the address of @ref into *@address (NULL when the user may not
 * see it); *@do_not_contact says whether it is in a do-not-contact group. */
static gboolean
read_address (TandemStore             *self,
              const TandemContactRef  *ref,
              TandemPostalAddress    **address,
              gboolean                *do_not_contact,
              GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *address = NULL;
  stmt = tandem_store_prepare (self, ref->kind == TANDEM_KIND_COMPANY ? company_address_sql : person_address_sql,
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ref->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      TandemPostalAddress *a = tandem_postal_address_new ();

      a->name = g_strdup (tandem_store_column_text (stmt, 0));
      a->contact = g_strdup (tandem_store_column_text (stmt, 1));
      a->street = g_strdup (tandem_store_column_text (stmt, 2));
      a->postcode = g_strdup (tandem_store_column_text (stmt, 3));
      a->city = g_strdup (tandem_store_column_text (stmt, 4));
      a->country = g_strdup (tandem_store_column_text (stmt, 5));
      if (ref->kind == TANDEM_KIND_COMPANY)
        a->company_id = ref->id;
      else
        a->person_id = ref->id;
      *do_not_contact = sqlite3_column_int (stmt, 6) != 0;
      *address = a;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  return TRUE;
}

TandemRecipientCursor *
tandem_store_open_recipients (TandemStore                 *self,
                              const TandemRecipientQuery  *query,
                              GError                     **error)
{
  TandemRecipientCursor *cursor;
  GArray *refs;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  refs = recipient_refs (self, query, error);
  if (refs == NULL)
    return NULL;

  cursor = g_new0 (TandemRecipientCursor, 1);
  cursor->store = g_object_ref (self);
  cursor->refs = refs;
  cursor->include_do_not_contact = query->include_do_not_contact;
  return cursor;
}

TandemPostalAddress *
tandem_recipient_cursor_next (TandemRecipientCursor  *cursor,
                              GError                **error)
{
  g_return_val_if_fail (cursor != NULL, NULL);

  while (cursor->next < cursor->refs->len)
    {
      const TandemContactRef *ref = &g_array_index (cursor->refs, TandemContactRef, cursor->next++);
      TandemPostalAddress *address = NULL;
      gboolean do_not_contact = FALSE;

      if (!read_address (cursor->store, ref, &address, &do_not_contact, error))
        return NULL;
      if (address == NULL)
        continue;
      if (do_not_contact && !cursor->include_do_not_contact)
        {
          cursor->n_left_out++;
          tandem_postal_address_free (address);
          continue;
        }
      return address;
    }
  return NULL;
}

guint
tandem_recipient_cursor_get_n_left_out (TandemRecipientCursor *cursor)
{
  g_return_val_if_fail (cursor != NULL, 0);
  return cursor->n_left_out;
}

void
tandem_recipient_cursor_rewind (TandemRecipientCursor *cursor)
{
  g_return_if_fail (cursor != NULL);
  cursor->next = 0;
  cursor->n_left_out = 0;
}

void
tandem_recipient_cursor_free (TandemRecipientCursor *cursor)
{
  if (cursor == NULL)
    return;
  g_object_unref (cursor->store);
  g_array_unref (cursor->refs);
  g_free (cursor);
}

guint
tandem_store_count_recipients (TandemStore                 *self,
                               const TandemRecipientQuery  *query,
                               guint                       *n_left_out,
                               GError                     **error)
{
  g_autoptr(TandemRecipientCursor) cursor = NULL;
  TandemPostalAddress *address;
  GError *local_error = NULL;
  guint n = 0;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  if (n_left_out != NULL)
    *n_left_out = 0;
  cursor = tandem_store_open_recipients (self, query, error);
  if (cursor == NULL)
    return 0;
  while ((address = tandem_recipient_cursor_next (cursor, &local_error)) != NULL)
    {
      n++;
      tandem_postal_address_free (address);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }
  if (n_left_out != NULL)
    *n_left_out = cursor->n_left_out;
  return n;
}
