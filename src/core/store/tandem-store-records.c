/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-business-id.h"
#include "tandem-date.h"
#include "tandem-store-private.h"

#define COMPANY_COLUMNS \
  "c.id, c.name, c.phone, c.fax, c.email, c.website, c.business_id, c.vat_number," \
  " c.visit_street, c.visit_postcode, c.visit_city, c.visit_country," \
  " c.postal_street, c.postal_postcode, c.postal_city, c.postal_country," \
  " c.billing_street, c.billing_postcode, c.billing_city, c.billing_country"

#define PERSON_COLUMNS \
  "p.id, p.name, p.job_title, p.email, p.phone, p.mobile, p.street, p.postcode," \
  " p.city, p.country, p.company_id, (SELECT vc.name FROM visible_companies vc WHERE vc.id = p.company_id)"

#define NOTE_COLUMNS \
  "n.id, n.company_id, n.person_id, n.author_id, n.visibility, n.body, n.due, n.updated_at," \
  " (SELECT u.name FROM users u WHERE u.id = n.author_id)," \
  " coalesce ((SELECT vc.name FROM visible_companies vc WHERE vc.id = n.company_id)," \
  "           (SELECT vp.name FROM visible_people vp WHERE vp.id = n.person_id)," \
  "           (SELECT pj.name FROM visible_projects pj WHERE pj.id = n.project_id))," \
  " n.project_id"

static char *
dup_clean (const char *text)
{
  char *s = g_strstrip (g_strdup (text ? text : ""));

  if (s[0] == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

/* Loading */

static TandemCompany *
load_company (sqlite3_stmt *stmt)
{
  TandemCompany *company = g_object_new (TANDEM_TYPE_COMPANY, NULL);

  tandem_record_set_id (TANDEM_RECORD (company), sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; tandem_company_text_fields[i]; i++)
    tandem_company_set_text (company, tandem_company_text_fields[i],
                             tandem_store_column_text (stmt, i + 1));
  return company;
}

static TandemPerson *
load_person (TandemStore  *self,
             sqlite3_stmt *stmt)
{
  TandemPerson *person = g_object_new (TANDEM_TYPE_PERSON, NULL);
  guint i;

  tandem_record_set_id (TANDEM_RECORD (person), sqlite3_column_int64 (stmt, 0));
  for (i = 0; tandem_person_text_fields[i]; i++)
    g_object_set (person, tandem_person_text_fields[i], tandem_store_column_text (stmt, i + 1), NULL);
  tandem_person_set_company_id (person, sqlite3_column_int64 (stmt, i + 1));
  g_object_set (person, "company-name", tandem_store_column_text (stmt, i + 2), NULL);
  return person;
}

static TandemNote *
load_note (TandemStore  *self,
           sqlite3_stmt *stmt)
{
  TandemNote *note;
  gint64 company_id = sqlite3_column_int64 (stmt, 1);
  gint64 person_id = sqlite3_column_int64 (stmt, 2);
  gint64 project_id = sqlite3_column_int64 (stmt, 10);

  if (company_id != 0)
    note = tandem_note_new (TANDEM_KIND_COMPANY, company_id, tandem_store_column_text (stmt, 5));
  else if (person_id != 0)
    note = tandem_note_new (TANDEM_KIND_PERSON, person_id, tandem_store_column_text (stmt, 5));
  else
    note = tandem_note_new (TANDEM_KIND_PROJECT, project_id, tandem_store_column_text (stmt, 5));
  tandem_record_set_id (TANDEM_RECORD (note), sqlite3_column_int64 (stmt, 0));
  tandem_note_set_visibility (note, sqlite3_column_int (stmt, 4));
  tandem_note_set_due (note, tandem_store_column_text (stmt, 6));
  tandem_note_set_loaded (note,
                          tandem_store_column_text (stmt, 9),
                          sqlite3_column_int64 (stmt, 3),
                          tandem_store_column_text (stmt, 8),
                          tandem_store_column_text (stmt, 7));
  return note;
}

static gboolean
load_field_values (TandemStore   *self,
                   TandemRecord  *record,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tandem_store_prepare (self,
                               "SELECT v.field_id, v.value FROM field_values v"
                               " JOIN fields f ON f.id = v.field_id"
                               " WHERE v.record_id = ? AND f.entity = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tandem_record_get_id (record));
  sqlite3_bind_int (stmt, 2, tandem_record_get_kind (record));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    tandem_record_set_field_value (record, sqlite3_column_int64 (stmt, 0),
                                   tandem_store_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  return TRUE;
}

static gboolean
load_roles (TandemStore    *self,
            TandemCompany  *company,
            GError        **error)
{
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self,
                               "SELECT r.name FROM company_roles cr JOIN partner_roles r ON r.id = cr.role_id"
                               " WHERE cr.company_id = ? ORDER BY r.name COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tandem_record_get_id (TANDEM_RECORD (company)));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (roles, g_strdup (tandem_store_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  g_ptr_array_add (roles, NULL);
  tandem_company_set_roles (company, (const char * const *) roles->pdata);
  return TRUE;
}

/* Saving */

static gboolean
save_field_values (TandemStore   *self,
                   TandemRecord  *record,
                   gint64         id,
                   GError       **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  sqlite3_stmt *stmt;

  fields = tandem_store_list_fields (self, tandem_record_get_kind (record), error);
  if (fields == NULL)
    return FALSE;

  /* Every value the record carries must belong to a field of its kind. */
  {
    GList *ids = tandem_record_get_field_ids (record);

    for (GList *l = ids; l; l = l->next)
      {
        gint64 field_id = *(gint64 *) l->data;
        gboolean known = FALSE;

        for (guint i = 0; i < fields->len && !known; i++)
          known = tandem_field_get_id (g_ptr_array_index (fields, i)) == field_id;
        if (!known)
          {
            g_list_free (ids);
            g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                         _("The record has a value for a field that no longer exists"));
            return FALSE;
          }
      }
    g_list_free (ids);
  }

  for (guint i = 0; i < fields->len; i++)
    {
      TandemField *field = g_ptr_array_index (fields, i);
      const char *value = tandem_record_get_field_value (record, tandem_field_get_id (field));
      g_autofree char *normalized = NULL;

      if (!tandem_field_check_value (field, value, &normalized, error))
        return FALSE;

      if (normalized == NULL)
        {
          stmt = tandem_store_prepare (self, "DELETE FROM field_values WHERE record_id = ? AND field_id = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, tandem_field_get_id (field));
        }
      else
        {
          stmt = tandem_store_prepare (self,
                                       "INSERT INTO field_values (record_id, field_id, value) VALUES (?, ?, ?)"
                                       " ON CONFLICT (record_id, field_id) DO UPDATE SET value = excluded.value",
                                       error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, tandem_field_get_id (field));
          sqlite3_bind_text (stmt, 3, normalized, -1, SQLITE_TRANSIENT);
        }
      if (!tandem_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_roles (TandemStore    *self,
            TandemCompany  *company,
            gint64          id,
            GError        **error)
{
  const char * const *roles = tandem_company_get_roles (company);
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self, "DELETE FROM company_roles WHERE company_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; roles[i]; i++)
    {
      stmt = tandem_store_prepare (self,
                                   "INSERT OR IGNORE INTO company_roles (company_id, role_id)"
                                   " SELECT ?, id FROM partner_roles WHERE name = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, roles[i], -1, SQLITE_TRANSIENT);
      if (!tandem_store_step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (self->db) == 0)
        {
          sqlite3_stmt *exists = tandem_store_prepare (self, "SELECT 1 FROM partner_roles WHERE name = ?", error);
          gboolean found;

          if (exists == NULL)
            return FALSE;
          sqlite3_bind_text (exists, 1, roles[i], -1, SQLITE_TRANSIENT);
          found = sqlite3_step (exists) == SQLITE_ROW;
          sqlite3_reset (exists);
          if (!found)
            {
              g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                           _("There is no partner role called “%s”"), roles[i]);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
check_email (const char  *email,
             GError     **error)
{
  const char *at;

  if (email == NULL)
    return TRUE;
  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '.') == NULL || strchr (email, ' ') != NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("“%s” is not an e-mail address"), email);
      return FALSE;
    }
  return TRUE;
}

/* Binds the text fields of @object (property names in @names, columns in
 * the same order) to parameters 1…n; returns the cleaned values. */
static GPtrArray *
clean_text_fields (GObject            *object,
                   const char * const *names)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *value = NULL;

      g_object_get (object, names[i], &value, NULL);
      g_ptr_array_add (values, dup_clean (value));
    }
  return values;
}

/* People are found by the name of their company (SPEC K1), so their
 * index rows follow when it is renamed, deleted or restored. */
static gboolean
reindex_people_of (TandemStore  *self,
                   gint64        company_id,
                   GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = tandem_store_prepare (self, "SELECT id FROM people WHERE company_id = ? AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, company_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);

  for (guint i = 0; i < ids->len; i++)
    if (!tandem_store_index_record (self, TANDEM_KIND_PERSON, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

gint64
tandem_store_save_company (TandemStore    *self,
                           TandemCompany  *company,
                           GError        **error)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *business_id = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  guint n;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_COMPANY (company), 0);

  if (!tandem_store_require_user (self, error))
    return 0;

  values = clean_text_fields (G_OBJECT (company), tandem_company_text_fields);
  n = values->len;

  /* SPEC B1: the name is all that is needed. */
  if (g_ptr_array_index (values, 0) == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A company needs a name"));
      return 0;
    }

  /* SPEC B2: Y-tunnus and NIP are checked by their check digits. */
  for (guint i = 0; i < n; i++)
    if (g_str_equal (tandem_company_text_fields[i], "business-id") && g_ptr_array_index (values, i))
      {
        if (!tandem_business_id_check (g_ptr_array_index (values, i), NULL, &business_id, error))
          return 0;
        g_free (g_ptr_array_index (values, i));
        g_ptr_array_index (values, i) = g_strdup (business_id);
      }
    else if (g_str_equal (tandem_company_text_fields[i], "email") &&
             !check_email (g_ptr_array_index (values, i), error))
      return 0;

  id = tandem_record_get_id (TANDEM_RECORD (company));

  if (!tandem_store_begin (self, error))
    return 0;

  if (id == 0)
    stmt = tandem_store_prepare (self,
                                 "INSERT INTO companies (name, phone, fax, email, website, business_id, vat_number,"
                                 " visit_street, visit_postcode, visit_city, visit_country,"
                                 " postal_street, postal_postcode, postal_city, postal_country,"
                                 " billing_street, billing_postcode, billing_city, billing_country, created_by)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                                 error);
  else
    stmt = tandem_store_prepare (self,
                                 "UPDATE companies SET name = ?1, phone = ?2, fax = ?3, email = ?4, website = ?5,"
                                 " business_id = ?6, vat_number = ?7, visit_street = ?8, visit_postcode = ?9,"
                                 " visit_city = ?10, visit_country = ?11, postal_street = ?12, postal_postcode = ?13,"
                                 " postal_city = ?14, postal_country = ?15, billing_street = ?16, billing_postcode = ?17,"
                                 " billing_city = ?18, billing_country = ?19,"
                                 " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                 " WHERE id = ?21 AND EXISTS (SELECT 1 FROM visible_companies v WHERE v.id = companies.id)",
                                 error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n; i++)
    tandem_store_bind_text (stmt, i + 1, g_ptr_array_index (values, i));
  if (id == 0)
    sqlite3_bind_int64 (stmt, 20, tandem_user_get_id (self->user));
  else
    sqlite3_bind_int64 (stmt, 21, id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;

  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, _("The company no longer exists"));
      goto fail;
    }

  if (!save_roles (self, company, id, error) ||
      !save_field_values (self, TANDEM_RECORD (company), id, error) ||
      !tandem_store_index_record (self, TANDEM_KIND_COMPANY, id, error))
    goto fail;

  /* People and activities show their company's name, and are found by it. */
  if (tandem_record_get_id (TANDEM_RECORD (company)) != 0 &&
      (!reindex_people_of (self, id, error) ||
       !tandem_store_reindex_projects_of (self, id, error) ||
       !tandem_store_reindex_activities_of (self, TANDEM_KIND_COMPANY, id, error)))
    goto fail;

  if (!tandem_store_commit (self, error))
    return 0;

  tandem_record_set_id (TANDEM_RECORD (company), id);
  if (business_id)
    tandem_company_set_text (company, "business-id", business_id);
  tandem_store_emit_changed (self, TANDEM_KIND_COMPANY, id);
  return id;

fail:
  tandem_store_rollback (self);
  return 0;
}

TandemCompany *
tandem_store_get_company (TandemStore  *self,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(TandemCompany) company = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT " COMPANY_COLUMNS " FROM visible_companies c WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    company = load_company (stmt);
  sqlite3_reset (stmt);

  if (company == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("There is no company with the id %lld"), (long long) id);
      return NULL;
    }

  if (!load_roles (self, company, error) ||
      !load_field_values (self, TANDEM_RECORD (company), error))
    return NULL;

  return g_steal_pointer (&company);
}

gint64
tandem_store_save_person (TandemStore   *self,
                          TandemPerson  *person,
                          GError       **error)
{
  g_autoptr(GPtrArray) values = NULL;
  sqlite3_stmt *stmt;
  gint64 id, company_id;
  guint n;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_PERSON (person), 0);

  if (!tandem_store_require_user (self, error))
    return 0;

  values = clean_text_fields (G_OBJECT (person), tandem_person_text_fields);
  n = values->len;

  /* SPEC C1 */
  if (g_ptr_array_index (values, 0) == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A person needs a name"));
      return 0;
    }
  if (!check_email (g_ptr_array_index (values, 2), error))
    return 0;

  company_id = tandem_person_get_company_id (person);
  if (company_id != 0)
    {
      g_autoptr(TandemCompany) company = tandem_store_get_company (self, company_id, NULL);

      if (company == NULL)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                       _("There is no company with the id %lld"), (long long) company_id);
          return 0;
        }
    }

  id = tandem_record_get_id (TANDEM_RECORD (person));

  if (!tandem_store_begin (self, error))
    return 0;

  if (id == 0)
    stmt = tandem_store_prepare (self,
                                 "INSERT INTO people (name, job_title, email, phone, mobile, street, postcode,"
                                 " city, country, company_id, created_by)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                 error);
  else
    stmt = tandem_store_prepare (self,
                                 "UPDATE people SET name = ?1, job_title = ?2, email = ?3, phone = ?4, mobile = ?5,"
                                 " street = ?6, postcode = ?7, city = ?8, country = ?9, company_id = ?10,"
                                 " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                 " WHERE id = ?12 AND EXISTS (SELECT 1 FROM visible_people v WHERE v.id = people.id)",
                                 error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n; i++)
    tandem_store_bind_text (stmt, i + 1, g_ptr_array_index (values, i));
  if (company_id)
    sqlite3_bind_int64 (stmt, 10, company_id);
  else
    sqlite3_bind_null (stmt, 10);
  if (id == 0)
    sqlite3_bind_int64 (stmt, 11, tandem_user_get_id (self->user));
  else
    sqlite3_bind_int64 (stmt, 12, id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;

  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, _("The person no longer exists"));
      goto fail;
    }

  if (!save_field_values (self, TANDEM_RECORD (person), id, error) ||
      !tandem_store_index_record (self, TANDEM_KIND_PERSON, id, error))
    goto fail;

  /* Activities are found by the names of their contact persons. */
  if (tandem_record_get_id (TANDEM_RECORD (person)) != 0 &&
      !tandem_store_reindex_activities_of (self, TANDEM_KIND_PERSON, id, error))
    goto fail;

  if (!tandem_store_commit (self, error))
    return 0;

  tandem_record_set_id (TANDEM_RECORD (person), id);
  tandem_store_emit_changed (self, TANDEM_KIND_PERSON, id);
  return id;

fail:
  tandem_store_rollback (self);
  return 0;
}

TandemPerson *
tandem_store_get_person (TandemStore  *self,
                         gint64        id,
                         GError      **error)
{
  g_autoptr(TandemPerson) person = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT " PERSON_COLUMNS " FROM visible_people p WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    person = load_person (self, stmt);
  sqlite3_reset (stmt);

  if (person == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("There is no person with the id %lld"), (long long) id);
      return NULL;
    }
  if (!load_field_values (self, TANDEM_RECORD (person), error))
    return NULL;
  return g_steal_pointer (&person);
}

GPtrArray *
tandem_store_list_people_of (TandemStore  *self,
                             gint64        company_id,
                             GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self,
                               "SELECT " PERSON_COLUMNS " FROM visible_people p WHERE p.company_id = ?"
                               " ORDER BY p.name COLLATE NOCASE, p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, company_id);
  return tandem_store_collect (self, stmt, (TandemRowLoader) load_person, g_object_unref, error);
}

/* Notes (SPEC F1, E1, E2) */

static gboolean
parent_is_visible (TandemStore *self,
                   TandemKind   kind,
                   gint64       id)
{
  sqlite3_stmt *stmt;
  gboolean visible;

  if (kind == TANDEM_KIND_COMPANY)
    stmt = tandem_store_prepare (self, "SELECT 1 FROM visible_companies WHERE id = ?", NULL);
  else if (kind == TANDEM_KIND_PERSON)
    stmt = tandem_store_prepare (self, "SELECT 1 FROM visible_people WHERE id = ?", NULL);
  else if (kind == TANDEM_KIND_PROJECT)
    stmt = tandem_store_prepare (self, "SELECT 1 FROM visible_projects WHERE id = ?", NULL);
  else
    return FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  visible = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return visible;
}

static gboolean
save_note_groups (TandemStore  *self,
                  TandemNote   *note,
                  gint64        id,
                  GError      **error)
{
  const gint64 *groups;
  guint n_groups;
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self, "DELETE FROM note_teams WHERE note_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;

  if (tandem_note_get_visibility (note) != TANDEM_VISIBILITY_GROUPS)
    return TRUE;

  groups = tandem_note_get_group_ids (note, &n_groups);
  for (guint i = 0; i < n_groups; i++)
    {
      stmt = tandem_store_prepare (self, "INSERT OR IGNORE INTO note_teams (note_id, team_id) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, groups[i]);
      if (!tandem_store_step_done (self, stmt, error))
        {
          g_clear_error (error);
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("One of the chosen groups no longer exists"));
          return FALSE;
        }
    }
  return TRUE;
}

gint64
tandem_store_save_note (TandemStore  *self,
                        TandemNote   *note,
                        GError      **error)
{
  g_autoptr(TandemNote) existing = NULL;
  g_autofree char *body = NULL;
  g_autofree char *due = NULL;
  TandemKind parent_kind;
  gint64 parent_id, id;
  guint n_groups;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_NOTE (note), 0);

  if (!tandem_store_require_user (self, error))
    return 0;

  body = dup_clean (tandem_note_get_body (note));
  if (body == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A note needs some text"));
      return 0;
    }
  /* Keep the text as written; only blank edges go. */
  g_free (body);
  body = g_strdup (tandem_note_get_body (note));
  if (tandem_note_get_due (note) != NULL)
    {
      due = tandem_date_parse (tandem_note_get_due (note));
      if (due == NULL)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("“%s” is not a date; write it as 2026-12-31"), tandem_note_get_due (note));
          return 0;
        }
    }
  tandem_note_get_group_ids (note, &n_groups);
  if (tandem_note_get_visibility (note) == TANDEM_VISIBILITY_GROUPS && n_groups == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Choose at least one group that may see the note"));
      return 0;
    }
  if ((int) tandem_note_get_visibility (note) < TANDEM_VISIBILITY_EVERYONE ||
      tandem_note_get_visibility (note) > TANDEM_VISIBILITY_TEAM)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("Unknown visibility of a note"));
      return 0;
    }

  id = tandem_record_get_id (TANDEM_RECORD (note));
  parent_kind = tandem_note_get_parent_kind (note);
  parent_id = tandem_note_get_parent_id (note);

  if (id != 0)
    {
      existing = tandem_store_get_note (self, id, error);
      if (existing == NULL)
        return 0;
      /* The note stays where it was written. */
      parent_kind = tandem_note_get_parent_kind (existing);
      parent_id = tandem_note_get_parent_id (existing);

      /* SPEC E2: only the author or an administrator changes visibility. */
      if (tandem_note_get_author_id (existing) != tandem_user_get_id (self->user) &&
          !tandem_user_is_admin (self->user))
        {
          guint n_old;
          const gint64 *old_groups = tandem_note_get_group_ids (existing, &n_old);
          const gint64 *new_groups = tandem_note_get_group_ids (note, &n_groups);

          if (tandem_note_get_visibility (existing) != tandem_note_get_visibility (note) ||
              n_old != n_groups ||
              (n_old > 0 && memcmp (old_groups, new_groups, n_old * sizeof (gint64)) != 0))
            {
              g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                           _("Only the author or an administrator can change who sees a note"));
              return 0;
            }
        }
    }
  else if (!parent_is_visible (self, parent_kind, parent_id))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   parent_kind == TANDEM_KIND_PERSON ? _("There is no person with the id %lld")
                   : parent_kind == TANDEM_KIND_PROJECT ? _("There is no project with the id %lld")
                   : _("There is no company with the id %lld"),
                   (long long) parent_id);
      return 0;
    }

  /* E1: only a project has a team to restrict a note to. */
  if (tandem_note_get_visibility (note) == TANDEM_VISIBILITY_TEAM && parent_kind != TANDEM_KIND_PROJECT)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Only a note on a project can be restricted to the project team"));
      return 0;
    }

  if (!tandem_store_begin (self, error))
    return 0;

  if (id == 0)
    {
      stmt = tandem_store_prepare (self,
                                   "INSERT INTO notes (company_id, person_id, author_id, visibility, body, due,"
                                   " project_id) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      if (parent_kind == TANDEM_KIND_COMPANY)
        sqlite3_bind_int64 (stmt, 1, parent_id);
      else if (parent_kind == TANDEM_KIND_PERSON)
        sqlite3_bind_int64 (stmt, 2, parent_id);
      else
        sqlite3_bind_int64 (stmt, 7, parent_id);
      sqlite3_bind_int64 (stmt, 3, tandem_user_get_id (self->user));
      sqlite3_bind_int (stmt, 4, tandem_note_get_visibility (note));
      sqlite3_bind_text (stmt, 5, body, -1, SQLITE_TRANSIENT);
      tandem_store_bind_text (stmt, 6, due);
    }
  else
    {
      stmt = tandem_store_prepare (self,
                                   "UPDATE notes SET visibility = ?, body = ?, due = ?,"
                                   " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                   " WHERE id = ? AND EXISTS (SELECT 1 FROM visible_notes v WHERE v.id = notes.id)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int (stmt, 1, tandem_note_get_visibility (note));
      sqlite3_bind_text (stmt, 2, body, -1, SQLITE_TRANSIENT);
      tandem_store_bind_text (stmt, 3, due);
      sqlite3_bind_int64 (stmt, 4, id);
    }
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);

  if (!save_note_groups (self, note, id, error) ||
      !tandem_store_index_record (self, TANDEM_KIND_NOTE, id, error))
    goto fail;

  if (existing != NULL)
    {
      guint n_old, n_new;
      const gint64 *old_groups = tandem_note_get_group_ids (existing, &n_old);
      const gint64 *new_groups = tandem_note_get_group_ids (note, &n_new);

      if (!tandem_store_record_visibility_change (self, TANDEM_KIND_NOTE, id,
                                                  tandem_note_get_visibility (existing), old_groups, n_old,
                                                  tandem_note_get_visibility (note), new_groups, n_new, error))
        goto fail;
    }

  if (!tandem_store_commit (self, error))
    return 0;

  tandem_record_set_id (TANDEM_RECORD (note), id);
  tandem_note_set_parent (note, parent_kind, parent_id);
  tandem_note_set_due (note, due);
  tandem_store_emit_changed (self, TANDEM_KIND_NOTE, id);
  return id;

fail:
  tandem_store_rollback (self);
  return 0;
}

static gboolean
load_note_groups (TandemStore  *self,
                  TandemNote   *note,
                  GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self, "SELECT team_id FROM note_teams WHERE note_id = ? ORDER BY team_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tandem_record_get_id (TANDEM_RECORD (note)));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 team = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, team);
    }
  sqlite3_reset (stmt);
  tandem_note_set_group_ids (note, (const gint64 *) (gpointer) ids->data, ids->len);
  return TRUE;
}

TandemNote *
tandem_store_get_note (TandemStore  *self,
                       gint64        id,
                       GError      **error)
{
  g_autoptr(TandemNote) note = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT " NOTE_COLUMNS " FROM visible_notes n WHERE n.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    note = load_note (self, stmt);
  sqlite3_reset (stmt);

  if (note == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("There is no note with the id %lld"), (long long) id);
      return NULL;
    }
  if (!load_note_groups (self, note, error))
    return NULL;
  return g_steal_pointer (&note);
}

GPtrArray *
tandem_store_list_notes (TandemStore  *self,
                         TandemKind    parent_kind,
                         gint64        parent_id,
                         GError      **error)
{
  g_autoptr(GPtrArray) notes = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  if (parent_kind == TANDEM_KIND_COMPANY)
    stmt = tandem_store_prepare (self,
                                 "SELECT " NOTE_COLUMNS " FROM visible_notes n WHERE n.company_id = ?"
                                 " ORDER BY n.updated_at DESC, n.id DESC", error);
  else if (parent_kind == TANDEM_KIND_PERSON)
    stmt = tandem_store_prepare (self,
                                 "SELECT " NOTE_COLUMNS " FROM visible_notes n WHERE n.person_id = ?"
                                 " ORDER BY n.updated_at DESC, n.id DESC", error);
  else if (parent_kind == TANDEM_KIND_PROJECT)
    stmt = tandem_store_prepare (self,
                                 "SELECT " NOTE_COLUMNS " FROM visible_notes n WHERE n.project_id = ?"
                                 " ORDER BY n.updated_at DESC, n.id DESC", error);
  else
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("Notes are on companies, people and projects"));
      return NULL;
    }
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  notes = tandem_store_collect (self, stmt, (TandemRowLoader) load_note, g_object_unref, error);
  if (notes == NULL)
    return NULL;
  for (guint i = 0; i < notes->len; i++)
    if (!load_note_groups (self, g_ptr_array_index (notes, i), error))
      return NULL;
  return g_steal_pointer (&notes);
}

/* Delete, restore, purge */

static const char *
table_of (TandemKind kind)
{
  switch (kind)
    {
    case TANDEM_KIND_COMPANY:
      return "companies";
    case TANDEM_KIND_PERSON:
      return "people";
    case TANDEM_KIND_NOTE:
      return "notes";
    case TANDEM_KIND_ACTIVITY:
      return "activities";
    case TANDEM_KIND_PROJECT:
      return "projects";
    case TANDEM_KIND_TASK:
      return "project_tasks";
    case TANDEM_KIND_DOCUMENT:
      return "documents";
    case TANDEM_KIND_NONE:
    default:
      return NULL;
    }
}

/* The visibility view of a table_of () table. */
static const char *
view_of (TandemKind kind)
{
  return kind == TANDEM_KIND_TASK ? "visible_tasks" : NULL;
}

static gboolean
set_deleted (TandemStore  *self,
             TandemKind    kind,
             gint64        id,
             gboolean      deleted,
             GError      **error)
{
  g_autofree char *sql = NULL;
  const char *table = table_of (kind);
  sqlite3_stmt *stmt;

  if (!tandem_store_require_user (self, error))
    return FALSE;
  if (table == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Only companies, people, notes, activities, projects, tasks and documents can be deleted"));
      return FALSE;
    }

  if (kind == TANDEM_KIND_NOTE && deleted)
    {
      g_autoptr(TandemNote) note = tandem_store_get_note (self, id, error);

      if (note == NULL)
        return FALSE;
      if (tandem_note_get_author_id (note) != tandem_user_get_id (self->user) &&
          !tandem_user_is_admin (self->user))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                       _("Only the author or an administrator can delete a note"));
          return FALSE;
        }
    }

  if (kind == TANDEM_KIND_DOCUMENT && deleted)
    {
      g_autoptr(TandemDocument) document = tandem_store_get_document (self, id, error);

      if (document == NULL)
        return FALSE;
      if (tandem_document_get_author_id (document) != tandem_user_get_id (self->user) &&
          !tandem_user_is_admin (self->user))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                       _("Only the one who added it or an administrator can delete a document"));
          return FALSE;
        }
    }

  /* A deleted record is out of every view, so restoring checks the
   * table itself; only the user who could delete it gets this far with
   * its id from the Undo of their own toast. An activity is anyone's to
   * delete who sees it, as a company is; restoring one is checked
   * against the view once it is back, within the savepoint. */
  if (deleted && view_of (kind) != NULL)
    sql = g_strdup_printf ("UPDATE %s SET deleted = 1 WHERE id = ?1"
                           " AND EXISTS (SELECT 1 FROM %s v WHERE v.id = %s.id)",
                           table, view_of (kind), table);
  else if (deleted)
    sql = g_strdup_printf ("UPDATE %s SET deleted = 1 WHERE id = ?1"
                           " AND EXISTS (SELECT 1 FROM visible_%s v WHERE v.id = %s.id)",
                           table, table, table);
  else if (kind == TANDEM_KIND_NOTE || kind == TANDEM_KIND_DOCUMENT)
    sql = g_strdup_printf ("UPDATE %s SET deleted = 0 WHERE id = ?1 AND deleted = 1"
                           " AND (author_id = ?2 OR ?3)", table);
  else
    sql = g_strdup_printf ("UPDATE %s SET deleted = 0 WHERE id = ?1 AND deleted = 1", table);

  if (!tandem_store_begin (self, error))
    return FALSE;
  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((kind == TANDEM_KIND_NOTE || kind == TANDEM_KIND_DOCUMENT) && !deleted)
    {
      sqlite3_bind_int64 (stmt, 2, tandem_user_get_id (self->user));
      sqlite3_bind_int (stmt, 3, tandem_user_is_admin (self->user));
    }
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, _("The record no longer exists"));
      goto fail;
    }
  if (kind == TANDEM_KIND_COMPANY && !reindex_people_of (self, id, error))
    goto fail;
  if ((kind == TANDEM_KIND_ACTIVITY || kind == TANDEM_KIND_PROJECT || kind == TANDEM_KIND_TASK ||
       kind == TANDEM_KIND_DOCUMENT) && !deleted)
    {
      sqlite3_stmt *check = tandem_store_prepare (self,
                                                  kind == TANDEM_KIND_ACTIVITY
                                                  ? "SELECT 1 FROM visible_activities WHERE id = ?"
                                                  : kind == TANDEM_KIND_PROJECT
                                                  ? "SELECT 1 FROM visible_projects WHERE id = ?"
                                                  : kind == TANDEM_KIND_DOCUMENT
                                                  ? "SELECT 1 FROM visible_documents WHERE id = ?"
                                                  : "SELECT 1 FROM visible_tasks WHERE id = ?", error);
      gboolean visible;

      if (check == NULL)
        goto fail;
      sqlite3_bind_int64 (check, 1, id);
      visible = sqlite3_step (check) == SQLITE_ROW;
      sqlite3_reset (check);
      if (!visible)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, _("The record no longer exists"));
          goto fail;
        }
    }
  if (!tandem_store_commit (self, error))
    return FALSE;

  tandem_store_emit_changed (self, kind, id);
  return TRUE;

fail:
  tandem_store_rollback (self);
  return FALSE;
}

gboolean
tandem_store_delete (TandemStore  *self,
                     TandemKind    kind,
                     gint64        id,
                     GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  return set_deleted (self, kind, id, TRUE, error);
}

gboolean
tandem_store_restore (TandemStore  *self,
                      TandemKind    kind,
                      gint64        id,
                      GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  return set_deleted (self, kind, id, FALSE, error);
}

gboolean
tandem_store_purge_deleted (TandemStore  *self,
                            GError      **error)
{
  static const char purge_sql[] =
    /* Each part is a lookup in a "deleted = 1" index, not a scan. */
    "DELETE FROM search_index WHERE rowid IN ("
    "  SELECT id * 16 + 6 FROM project_tasks WHERE deleted = 1"
    "  UNION ALL SELECT t.id * 16 + 6 FROM project_tasks t JOIN projects p ON p.id = t.project_id"
    "    WHERE p.deleted = 1 OR p.company_id IN (SELECT id FROM companies WHERE deleted = 1)"
    "  UNION ALL SELECT n.id * 16 + 3 FROM notes n JOIN projects p ON p.id = n.project_id"
    "    WHERE p.deleted = 1 OR p.company_id IN (SELECT id FROM companies WHERE deleted = 1)"
    "  UNION ALL SELECT id * 16 + 5 FROM projects WHERE deleted = 1"
    "    OR company_id IN (SELECT id FROM companies WHERE deleted = 1)"
    "  UNION ALL SELECT id * 16 + 4 FROM activities WHERE deleted = 1"
    "  UNION ALL SELECT id * 16 + 4 FROM activities"
    "    WHERE company_id IN (SELECT id FROM companies WHERE deleted = 1)"
    "  UNION ALL SELECT id * 16 + 3 FROM notes WHERE deleted = 1"
    "  UNION ALL SELECT id * 16 + 3 FROM notes"
    "    WHERE company_id IN (SELECT id FROM companies WHERE deleted = 1)"
    "  UNION ALL SELECT id * 16 + 3 FROM notes"
    "    WHERE person_id IN (SELECT id FROM people WHERE deleted = 1)"
    "  UNION ALL SELECT id * 16 + 2 FROM people WHERE deleted = 1"
    "  UNION ALL SELECT id * 16 + 1 FROM companies WHERE deleted = 1"
    "  UNION ALL SELECT id * 16 + 8 FROM documents WHERE deleted = 1"
    "  UNION ALL SELECT id * 16 + 8 FROM documents"
    "    WHERE company_id IN (SELECT id FROM companies WHERE deleted = 1)"
    "  UNION ALL SELECT id * 16 + 8 FROM documents"
    "    WHERE person_id IN (SELECT id FROM people WHERE deleted = 1)"
    "  UNION ALL SELECT d.id * 16 + 8 FROM documents d JOIN projects p ON p.id = d.project_id"
    "    WHERE p.deleted = 1 OR p.company_id IN (SELECT id FROM companies WHERE deleted = 1)"
    "  UNION ALL SELECT d.id * 16 + 8 FROM documents d JOIN activities a ON a.id = d.activity_id"
    "    WHERE a.deleted = 1 OR a.company_id IN (SELECT id FROM companies WHERE deleted = 1));"
    /* A purged project takes its tasks, team and notes along, and leaves
     * its activities without it (ON DELETE CASCADE, SET NULL); so does a
     * purged company its projects, and its activities. */
    /* A purged record takes its documents and their versions along. */
    "DELETE FROM documents WHERE deleted = 1;"
    "DELETE FROM project_tasks WHERE deleted = 1;"
    "DELETE FROM projects WHERE deleted = 1;"
    "DELETE FROM activities WHERE deleted = 1;"
    "DELETE FROM notes WHERE deleted = 1;"
    "DELETE FROM field_values WHERE field_id IN (SELECT id FROM fields WHERE entity = 2)"
    "  AND record_id IN (SELECT id FROM people WHERE deleted = 1);"
    "DELETE FROM people WHERE deleted = 1;"
    "DELETE FROM field_values WHERE field_id IN (SELECT id FROM fields WHERE entity = 1)"
    "  AND record_id IN (SELECT id FROM companies WHERE deleted = 1);"
    "DELETE FROM companies WHERE deleted = 1;"
    /* Row ids can be used again, so the visibility history (E2) of what
     * is gone goes too, lest a new record inherit it. */
    "DELETE FROM visibility_changes WHERE"
    "  (record_kind = 3 AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.id = record_id))"
    "  OR (record_kind = 4 AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.id = record_id))"
    "  OR (record_kind = 5 AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = record_id))"
    "  OR (record_kind = 6 AND NOT EXISTS (SELECT 1 FROM project_tasks t WHERE t.id = record_id))"
    "  OR (record_kind = 8 AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = record_id));";

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_begin (self, error))
    return FALSE;
  if (!tandem_store_exec (self, purge_sql, error))
    {
      tandem_store_rollback (self);
      return FALSE;
    }
  return tandem_store_commit (self, error);
}

/* Registers, a page at a time */

guint
tandem_store_count (TandemStore  *self,
                    TandemKind    kind,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  if (!tandem_store_require_user (self, error))
    return 0;

  if (kind == TANDEM_KIND_COMPANY)
    stmt = tandem_store_prepare (self, "SELECT count(*) FROM visible_companies", error);
  else if (kind == TANDEM_KIND_PERSON)
    stmt = tandem_store_prepare (self, "SELECT count(*) FROM visible_people", error);
  else if (kind == TANDEM_KIND_ACTIVITY)
    stmt = tandem_store_prepare (self, "SELECT count(*) FROM visible_activities", error);
  else if (kind == TANDEM_KIND_PROJECT)
    stmt = tandem_store_prepare (self, "SELECT count(*) FROM visible_projects", error);
  else if (kind == TANDEM_KIND_TASK)
    stmt = tandem_store_prepare (self, "SELECT count(*) FROM visible_tasks", error);
  else
    stmt = tandem_store_prepare (self, "SELECT count(*) FROM visible_notes", error);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  else
    tandem_store_set_db_error (self, error);
  sqlite3_reset (stmt);
  return n;
}

GPtrArray *
tandem_store_list_page (TandemStore  *self,
                        TandemKind    kind,
                        const char   *after_name,
                        gint64        after_id,
                        guint         skip,
                        guint         limit,
                        GError      **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  /* Two statements rather than "?1 IS NULL OR …", so that both are a
   * seek in the name index. */
  if (kind == TANDEM_KIND_COMPANY && after_name == NULL)
    stmt = tandem_store_prepare (self,
                                 "SELECT " COMPANY_COLUMNS " FROM visible_companies c"
                                 " ORDER BY c.name COLLATE NOCASE, c.id LIMIT ?3 OFFSET ?4", error);
  else if (kind == TANDEM_KIND_COMPANY)
    stmt = tandem_store_prepare (self,
                                 "SELECT " COMPANY_COLUMNS " FROM visible_companies c"
                                 " WHERE (c.name, c.id) >= (?1 COLLATE NOCASE, ?2)"
                                 " ORDER BY c.name COLLATE NOCASE, c.id LIMIT ?3 OFFSET ?4", error);
  else if (kind == TANDEM_KIND_PERSON && after_name == NULL)
    stmt = tandem_store_prepare (self,
                                 "SELECT " PERSON_COLUMNS " FROM visible_people p"
                                 " ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?3 OFFSET ?4", error);
  else if (kind == TANDEM_KIND_PERSON)
    stmt = tandem_store_prepare (self,
                                 "SELECT " PERSON_COLUMNS " FROM visible_people p"
                                 " WHERE (p.name, p.id) >= (?1 COLLATE NOCASE, ?2)"
                                 " ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?3 OFFSET ?4", error);
  else
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("Only companies and people are listed"));
      return NULL;
    }
  if (stmt == NULL)
    return NULL;

  if (after_name != NULL)
    {
      sqlite3_bind_text (stmt, 1, after_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, after_id);
    }
  sqlite3_bind_int (stmt, 3, limit);
  sqlite3_bind_int (stmt, 4, skip);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (kind == TANDEM_KIND_COMPANY)
        g_ptr_array_add (records, load_company (stmt));
      else
        g_ptr_array_add (records, load_person (self, stmt));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}
