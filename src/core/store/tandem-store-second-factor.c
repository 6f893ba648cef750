/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "tandem-password.h"
#include "tandem-store-private.h"
#include "tandem-totp.h"

/* The second factor (SPEC A2): authenticator keys, the step each code
 * last signed in with, wrong-code counting and recovery codes. */

#define SALT_BYTES 16
#define HASH_BYTES 32

typedef struct
{
  gint64  user_id;
  char   *login;
  char   *secret;           /* NULL: no second factor */
  char   *pending_secret;
  gint64  last_step;
  int     failed_codes;
  gint64  locked_until;
} TotpRow;

static void
totp_row_clear (TotpRow *row)
{
  g_clear_pointer (&row->login, g_free);
  if (row->secret != NULL)
    sodium_memzero (row->secret, strlen (row->secret));
  if (row->pending_secret != NULL)
    sodium_memzero (row->pending_secret, strlen (row->pending_secret));
  g_clear_pointer (&row->secret, g_free);
  g_clear_pointer (&row->pending_secret, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TotpRow, totp_row_clear)

/* Helpers */

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
load_row (TandemStore  *self,
          gint64        user_id,
          TotpRow      *row,
          GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tandem_store_prepare (self,
                               "SELECT u.login, t.secret, t.pending_secret, ifnull (t.last_step, -1),"
                               " ifnull (t.failed_codes, 0), ifnull (t.locked_until, 0)"
                               " FROM users u LEFT JOIN user_totp t ON t.user_id = u.id WHERE u.id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->user_id = user_id;
      row->login = g_strdup (tandem_store_column_text (stmt, 0));
      row->secret = g_strdup (tandem_store_column_text (stmt, 1));
      row->pending_secret = g_strdup (tandem_store_column_text (stmt, 2));
      row->last_step = sqlite3_column_int64 (stmt, 3);
      row->failed_codes = sqlite3_column_int (stmt, 4);
      row->locked_until = sqlite3_column_int64 (stmt, 5);
    }
  else if (rc != SQLITE_DONE)
    tandem_store_set_db_error (self, error);
  else
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, _("There is no such user"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/* The user @login names (NULL: the signed-in user). Another user than
 * oneself needs an administrator. */
static gboolean
resolve_user (TandemStore  *self,
              const char   *login,
              gint64       *user_id,
              gboolean     *own,
              GError      **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gint64 me;
  int rc;

  if (!tandem_store_require_user (self, error))
    return FALSE;
  me = tandem_user_get_id (self->user);

  if (login == NULL)
    {
      *user_id = me;
      *own = TRUE;
      return TRUE;
    }

  clean = g_strstrip (g_strdup (login));
  stmt = tandem_store_prepare (self, "SELECT id FROM users WHERE login = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *user_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);

  *own = *user_id == me;
  if (!*own && !tandem_store_require_admin (self, error))
    return FALSE;
  if (*user_id == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, _("There is no user “%s”"), clean);
      return FALSE;
    }
  return TRUE;
}

static char *
utc_now (void)
{
  return tandem_store_unix_to_utc (now_unix ());
}

static void
hash_recovery_code (const char   *code,
                    const guint8  salt[SALT_BYTES],
                    guint8        hash[HASH_BYTES])
{
  crypto_generichash (hash, HASH_BYTES, (const guint8 *) code, strlen (code), salt, SALT_BYTES);
}

/* Replaces the user's recovery codes with new ones, stored hashed, and
 * returns them: the only time they are seen in clear. */
static GStrv
store_recovery_codes (TandemStore  *self,
                      gint64        user_id,
                      GError      **error)
{
  g_auto(GStrv) codes = NULL;
  sqlite3_stmt *stmt;

  codes = tandem_totp_recovery_codes_generate (TANDEM_TOTP_RECOVERY_COUNT, error);
  if (codes == NULL)
    return NULL;

  stmt = tandem_store_prepare (self, "DELETE FROM user_recovery_codes WHERE user_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (!tandem_store_step_done (self, stmt, error))
    return NULL;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      guint8 salt[SALT_BYTES];
      guint8 hash[HASH_BYTES];

      randombytes_buf (salt, sizeof salt);
      hash_recovery_code (codes[i], salt, hash);

      stmt = tandem_store_prepare (self,
                                   "INSERT INTO user_recovery_codes (user_id, salt, hash) VALUES (?, ?, ?)",
                                   error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, user_id);
      sqlite3_bind_blob (stmt, 2, salt, sizeof salt, SQLITE_TRANSIENT);
      sqlite3_bind_blob (stmt, 3, hash, sizeof hash, SQLITE_TRANSIENT);
      if (!tandem_store_step_done (self, stmt, error))
        return NULL;
    }

  return g_steal_pointer (&codes);
}

/* Marks the unused recovery code that @typed is as used; FALSE when it
 * is none of them. */
static gboolean
use_recovery_code (TandemStore  *self,
                   gint64        user_id,
                   const char   *typed,
                   GError      **error)
{
  g_autofree char *code = tandem_totp_recovery_code_normalize (typed, NULL);
  g_autofree char *used_at = NULL;
  sqlite3_stmt *stmt;
  gint64 found = 0;
  int rc;

  if (code == NULL)
    return FALSE;

  stmt = tandem_store_prepare (self,
                               "SELECT id, salt, hash FROM user_recovery_codes"
                               " WHERE user_id = ? AND used_at IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint8 hash[HASH_BYTES];

      if (sqlite3_column_bytes (stmt, 1) != SALT_BYTES || sqlite3_column_bytes (stmt, 2) != HASH_BYTES)
        continue;
      hash_recovery_code (code, sqlite3_column_blob (stmt, 1), hash);
      if (found == 0 && sodium_memcmp (hash, sqlite3_column_blob (stmt, 2), HASH_BYTES) == 0)
        found = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
  sodium_memzero (code, strlen (code));
  if (rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  if (found == 0)
    return FALSE;

  /* Only one sign-in gets a code, however many try it at once. */
  used_at = utc_now ();
  stmt = tandem_store_prepare (self,
                               "UPDATE user_recovery_codes SET used_at = ? WHERE id = ? AND used_at IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, used_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, found);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;
  return sqlite3_changes (self->db) == 1;
}

/* Accepts an authenticator code whose step is newer than any used
 * before, and keeps its step. */
static gboolean
use_totp_code (TandemStore  *self,
               TotpRow      *row,
               const char   *typed,
               gboolean     *malformed,
               GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 step;

  *malformed = FALSE;
  if (!tandem_totp_verify (row->secret, typed, now_unix (), row->last_step, &step, &local_error))
    {
      *malformed = g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
      return FALSE;
    }

  stmt = tandem_store_prepare (self,
                               "UPDATE user_totp SET last_step = ?2 WHERE user_id = ?1 AND last_step < ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->user_id);
  sqlite3_bind_int64 (stmt, 2, step);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;
  return sqlite3_changes (self->db) == 1;
}

static gboolean
set_failures (TandemStore  *self,
              gint64        user_id,
              int           failed_codes,
              gint64        locked_until,
              GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self,
                               "UPDATE user_totp SET failed_codes = ?, locked_until = ? WHERE user_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, failed_codes);
  sqlite3_bind_int64 (stmt, 2, locked_until);
  sqlite3_bind_int64 (stmt, 3, user_id);
  return tandem_store_step_done (self, stmt, error);
}

static void
set_locked_error (GError **error,
                  gint64   seconds)
{
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH,
               g_dngettext (GETTEXT_PACKAGE,
                            "Too many wrong codes. Try again in %d second.",
                            "Too many wrong codes. Try again in %d seconds.",
                            (gulong) seconds),
               (int) seconds);
}

static gboolean
check_own_password (TandemStore  *self,
                    gint64        user_id,
                    const char   *password,
                    GError      **error)
{
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self, "SELECT password_hash FROM users WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hash = g_strdup (tandem_store_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (hash == NULL || !tandem_password_verify (hash, password ? password : ""))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH, _("The current password is not correct"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
delete_second_factor (TandemStore  *self,
                      gint64        user_id,
                      GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self, "DELETE FROM user_recovery_codes WHERE user_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;

  stmt = tandem_store_prepare (self, "DELETE FROM user_totp WHERE user_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  return tandem_store_step_done (self, stmt, error);
}

/* Private API (tandem-store-private.h) */

gboolean
tandem_store_second_factor_check (TandemStore  *self,
                                  gint64        user_id,
                                  const char   *code,
                                  GError      **error)
{
  g_auto(TotpRow) row = { 0 };
  g_autoptr(GError) local_error = NULL;
  gboolean malformed = FALSE;
  gboolean ok;
  gint64 now;
  int failed;

  if (!load_row (self, user_id, &row, error))
    return FALSE;
  if (row.secret == NULL)
    return TRUE;

  if (is_blank (code))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_CODE_NEEDED,
                   _("Type the code from your authenticator app"));
      return FALSE;
    }

  now = now_unix ();
  if (row.locked_until > now)
    {
      set_locked_error (error, row.locked_until - now);
      return FALSE;
    }

  /* Six digits are an authenticator code; anything else may be a
   * recovery code. */
  ok = use_totp_code (self, &row, code, &malformed, &local_error);
  if (!ok && local_error == NULL && malformed)
    ok = use_recovery_code (self, user_id, code, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (ok)
    return row.failed_codes == 0 || set_failures (self, user_id, 0, 0, error);

  failed = row.failed_codes + 1;
  if (failed >= TANDEM_SECOND_FACTOR_MAX_FAILURES)
    {
      if (!set_failures (self, user_id, 0, now + TANDEM_SECOND_FACTOR_LOCK_SECONDS, error))
        return FALSE;
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Wrong code. After %d wrong codes, codes are refused for %d second.",
                                "Wrong code. After %d wrong codes, codes are refused for %d seconds.",
                                TANDEM_SECOND_FACTOR_LOCK_SECONDS),
                   TANDEM_SECOND_FACTOR_MAX_FAILURES, TANDEM_SECOND_FACTOR_LOCK_SECONDS);
      return FALSE;
    }
  if (!set_failures (self, user_id, failed, 0, error))
    return FALSE;
  /* The same words whether the code was wrong, already used or an
   * unknown recovery code. */
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH, _("Wrong code"));
  return FALSE;
}

/* Public API */

gboolean
tandem_store_get_second_factor_status (TandemStore               *self,
                                       const char                *login,
                                       TandemSecondFactorStatus  *status,
                                       GError                   **error)
{
  sqlite3_stmt *stmt;
  gboolean own;
  gint64 user_id;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  memset (status, 0, sizeof *status);
  if (!resolve_user (self, login, &user_id, &own, error))
    return FALSE;

  stmt = tandem_store_prepare (self,
                               "SELECT t.secret IS NOT NULL, t.pending_secret IS NOT NULL, u.totp_required,"
                               " EXISTS (SELECT 1 FROM team_members m JOIN teams g ON g.id = m.team_id"
                               "         WHERE m.user_id = u.id AND g.totp_required),"
                               " (SELECT count(*) FROM user_recovery_codes r WHERE r.user_id = u.id AND r.used_at IS NULL)"
                               " FROM users u LEFT JOIN user_totp t ON t.user_id = u.id WHERE u.id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      status->enrolled = sqlite3_column_int (stmt, 0);
      status->pending = sqlite3_column_int (stmt, 1);
      status->required = sqlite3_column_int (stmt, 2);
      status->required_by_group = sqlite3_column_int (stmt, 3);
      status->recovery_codes_left = status->enrolled ? sqlite3_column_int (stmt, 4) : 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return tandem_store_set_db_error (self, error);
  return TRUE;
}

gboolean
tandem_store_second_factor_needs_setup (TandemStore *self)
{
  TandemSecondFactorStatus status;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (self->user == NULL || !tandem_store_get_second_factor_status (self, NULL, &status, NULL))
    return FALSE;
  return (status.required || status.required_by_group) && !status.enrolled;
}

char *
tandem_store_second_factor_begin (TandemStore  *self,
                                  const char   *login,
                                  char        **uri,
                                  GError      **error)
{
  g_auto(TotpRow) row = { 0 };
  g_autofree char *secret = NULL;
  g_autofree char *link = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gboolean own;
  gint64 user_id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!resolve_user (self, login, &user_id, &own, error) ||
      !load_row (self, user_id, &row, error))
    return NULL;

  secret = tandem_totp_generate_secret (error);
  if (secret == NULL)
    return NULL;
  link = tandem_totp_uri (secret, row.login, error);
  if (link == NULL)
    return NULL;

  now = utc_now ();
  stmt = tandem_store_prepare (self,
                               "INSERT INTO user_totp (user_id, pending_secret, pending_at) VALUES (?1, ?2, ?3)"
                               " ON CONFLICT (user_id) DO UPDATE SET pending_secret = ?2, pending_at = ?3",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_text (stmt, 2, secret, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!tandem_store_step_done (self, stmt, error))
    return NULL;

  if (uri != NULL)
    *uri = g_steal_pointer (&link);
  return g_steal_pointer (&secret);
}

static GStrv
switch_on (TandemStore  *self,
           gint64        user_id,
           const char   *secret,
           gint64        step,
           GError      **error)
{
  g_auto(GStrv) codes = NULL;
  g_autofree char *now = utc_now ();
  sqlite3_stmt *stmt;

  if (!tandem_store_begin (self, error))
    return NULL;

  stmt = tandem_store_prepare (self,
                               "INSERT INTO user_totp (user_id, secret, confirmed_at, last_step) VALUES (?1, ?2, ?3, ?4)"
                               " ON CONFLICT (user_id) DO UPDATE SET secret = ?2, confirmed_at = ?3, last_step = ?4,"
                               " pending_secret = NULL, pending_at = NULL, failed_codes = 0, locked_until = 0",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_text (stmt, 2, secret, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, step);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;

  codes = store_recovery_codes (self, user_id, error);
  if (codes == NULL)
    goto fail;
  if (!tandem_store_commit (self, error))
    return NULL;

  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return g_steal_pointer (&codes);

fail:
  tandem_store_rollback (self);
  return NULL;
}

GStrv
tandem_store_second_factor_confirm (TandemStore  *self,
                                    const char   *login,
                                    const char   *code,
                                    GError      **error)
{
  g_auto(TotpRow) row = { 0 };
  gboolean own;
  gint64 user_id;
  gint64 step;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!resolve_user (self, login, &user_id, &own, error) ||
      !load_row (self, user_id, &row, error))
    return NULL;

  if (row.pending_secret == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("No new key is waiting for a code: start the set-up again"));
      return NULL;
    }
  /* The app shows a code only once it holds the key: the first code
   * proves that it does, and that the clocks agree. */
  if (!tandem_totp_verify (row.pending_secret, code, now_unix (), TANDEM_TOTP_NO_STEP, &step, error))
    return NULL;

  return switch_on (self, user_id, row.pending_secret, step, error);
}

GStrv
tandem_store_second_factor_enable (TandemStore  *self,
                                   const char   *login,
                                   char        **uri,
                                   GError      **error)
{
  g_auto(TotpRow) row = { 0 };
  g_autofree char *secret = NULL;
  g_autofree char *link = NULL;
  GStrv codes;
  gboolean own;
  gint64 user_id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!resolve_user (self, login, &user_id, &own, error) ||
      !load_row (self, user_id, &row, error))
    return NULL;

  secret = tandem_totp_generate_secret (error);
  if (secret == NULL)
    return NULL;
  link = tandem_totp_uri (secret, row.login, error);
  if (link == NULL)
    return NULL;

  codes = switch_on (self, user_id, secret, TANDEM_TOTP_NO_STEP, error);
  sodium_memzero (secret, strlen (secret));
  if (codes != NULL && uri != NULL)
    *uri = g_steal_pointer (&link);
  return codes;
}

gboolean
tandem_store_second_factor_disable (TandemStore  *self,
                                    const char   *login,
                                    const char   *password,
                                    GError      **error)
{
  TandemSecondFactorStatus status;
  gboolean own;
  gint64 user_id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!resolve_user (self, login, &user_id, &own, error))
    return FALSE;
  if (!tandem_store_get_second_factor_status (self, login, &status, error))
    return FALSE;

  if (!status.enrolled && !status.pending)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   own ? _("You do not use two-step sign-in")
                       : _("This user does not use two-step sign-in"));
      return FALSE;
    }
  if (own)
    {
      if ((status.required || status.required_by_group) && status.enrolled)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                       _("An administrator requires two-step sign-in for you, so it stays on"));
          return FALSE;
        }
      if (!check_own_password (self, user_id, password, error))
        return FALSE;
    }

  if (!tandem_store_begin (self, error))
    return FALSE;
  if (!delete_second_factor (self, user_id, error))
    {
      tandem_store_rollback (self);
      return FALSE;
    }
  if (!tandem_store_commit (self, error))
    return FALSE;

  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return TRUE;
}

GStrv
tandem_store_second_factor_new_recovery_codes (TandemStore  *self,
                                               GError      **error)
{
  TandemSecondFactorStatus status;
  g_auto(GStrv) codes = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_get_second_factor_status (self, NULL, &status, error))
    return NULL;
  if (!status.enrolled)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("You do not use two-step sign-in"));
      return NULL;
    }

  if (!tandem_store_begin (self, error))
    return NULL;
  codes = store_recovery_codes (self, tandem_user_get_id (self->user), error);
  if (codes == NULL)
    {
      tandem_store_rollback (self);
      return NULL;
    }
  if (!tandem_store_commit (self, error))
    return NULL;

  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return g_steal_pointer (&codes);
}

static gboolean
set_required (TandemStore  *self,
              const char   *sql,
              gint64        id,
              gboolean      required,
              const char   *not_found,
              GError      **error)
{
  sqlite3_stmt *stmt;

  if (!tandem_store_require_admin (self, error))
    return FALSE;

  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, required ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, not_found);
      return FALSE;
    }

  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return TRUE;
}

gboolean
tandem_store_set_user_requires_second_factor (TandemStore  *self,
                                              gint64        user_id,
                                              gboolean      required,
                                              GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  return set_required (self, "UPDATE users SET totp_required = ? WHERE id = ?", user_id, required,
                       _("There is no such user"), error);
}

gboolean
tandem_store_set_group_requires_second_factor (TandemStore  *self,
                                               gint64        group_id,
                                               gboolean      required,
                                               GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  return set_required (self, "UPDATE teams SET totp_required = ? WHERE id = ?", group_id, required,
                       _("There is no such group"), error);
}

GArray *
tandem_store_list_groups_requiring_second_factor (TandemStore  *self,
                                                  GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT id FROM teams WHERE totp_required ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}
