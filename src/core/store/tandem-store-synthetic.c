/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "tandem-store-private.h"
#include "tandem-store-synthetic.h"

/*
 * What the benchmark needs beyond the store's API; see the header. Works
 * inside the caller's transaction.
 */

gboolean
tandem_store_synthetic_set_sale_path (TandemStore        *self,
                                      gint64              id,
                                      const gint64       *stage_ids,
                                      const char * const *times,
                                      guint               n_steps,
                                      GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 row = 0;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_steps > 0 && stage_ids != NULL && times != NULL, FALSE);

  if (!tandem_store_require_user (self, error))
    return FALSE;

  stmt = tandem_store_prepare (self,
                               "SELECT h.id, count(*) OVER () FROM sale_history h"
                               " JOIN visible_projects p ON p.id = h.project_id"
                               " WHERE h.project_id = ? AND h.stage_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, stage_ids[n_steps - 1]);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 1) == 1)
    row = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  if (row == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   "Sale %" G_GINT64_FORMAT " is not a new sale at its last stage", id);
      return FALSE;
    }

  /* The earlier steps, copied from the sale's row but at their stage */
  for (guint i = 0; i + 1 < n_steps; i++)
    {
      stmt = tandem_store_prepare (self,
                                   "INSERT INTO sale_history (project_id, valid_from, valid_to, changed_by, stage_id,"
                                   " state, seller_id, value_cents, currency, probability, close_date)"
                                   " SELECT h.project_id, ?2, ?3, h.changed_by, s.id, s.outcome, h.seller_id,"
                                   "        h.value_cents, h.currency, s.probability, h.close_date"
                                   " FROM sale_history h JOIN sale_stages s ON s.id = ?4"
                                   " WHERE h.id = ?1",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row);
      sqlite3_bind_text (stmt, 2, times[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, times[i + 1], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, stage_ids[i]);
      if (!tandem_store_step_done (self, stmt, error))
        return FALSE;
    }

  stmt = tandem_store_prepare (self, "UPDATE sale_history SET valid_from = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, times[n_steps - 1], -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;

  stmt = tandem_store_prepare (self,
                               "UPDATE projects SET created_at = ?1, updated_at = ?2,"
                               " closed_at = CASE WHEN state = 0 THEN closed_at ELSE ?2 END"
                               " WHERE id = ?3",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, times[0], -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, times[n_steps - 1], -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  return tandem_store_step_done (self, stmt, error);
}
