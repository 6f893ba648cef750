/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tandem-core-resources.h"
#include "tandem-password.h"
#include "tandem-store-private.h"

#define MIGRATIONS_PATH "/io/github/tandemcrm/Tandem/migrations/"

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemStore, tandem_store, G_TYPE_OBJECT)

/* Helpers */

GPtrArray *
tandem_store_collect (TandemStore     *self,
                      sqlite3_stmt    *stmt,
                      TandemRowLoader  load,
                      GDestroyNotify   free_func,
                      GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, load (self, stmt));
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&items);
}

gpointer
tandem_store_get_one (TandemStore      *self,
                      const char       *sql,
                      gint64            id,
                      TandemRowLoader   load,
                      const char       *not_found,
                      GError          **error)
{
  gpointer item = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = load (self, stmt);
  else if (rc != SQLITE_DONE)
    tandem_store_set_db_error (self, error);
  else
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, not_found, (long long) id);
  sqlite3_reset (stmt);
  return item;
}

gboolean
tandem_store_set_db_error (TandemStore  *self,
                           GError      **error)
{
  int code = sqlite3_extended_errcode (self->db);

  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                 _("That name is already in use"));
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                 _("The database is busy; nothing was changed. Try again in a moment."));
  else if (code == SQLITE_FULL)
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                 _("The disk is full; nothing was changed"));
  else
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                 _("Database error: %s"), sqlite3_errmsg (self->db));
  return FALSE;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

sqlite3_stmt *
tandem_store_prepare (TandemStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      tandem_store_set_db_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
tandem_store_exec (TandemStore  *self,
                   const char   *sql,
                   GError      **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return tandem_store_set_db_error (self, error);
  return TRUE;
}

gboolean
tandem_store_step_done (TandemStore   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      tandem_store_set_db_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

void
tandem_store_bind_text (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
tandem_store_column_text (sqlite3_stmt *stmt,
                          int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gboolean
tandem_store_require_user (TandemStore  *self,
                           GError      **error)
{
  if (self->user == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN,
                   _("Nobody is signed in"));
      return FALSE;
    }
  return TRUE;
}

gboolean
tandem_store_require_admin (TandemStore  *self,
                            GError      **error)
{
  if (!tandem_store_require_user (self, error))
    return FALSE;
  if (!tandem_user_is_admin (self->user))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("Only an administrator can do this"));
      return FALSE;
    }
  return TRUE;
}

void
tandem_store_emit_changed (TandemStore *self,
                           TandemKind   kind,
                           gint64       id)
{
  g_signal_emit (self, signals[CHANGED], 0, (int) kind, id);
}

static char *
dup_trimmed (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

/* Transactions: savepoints, so that store functions nest inside a caller's
 * bulk transaction. */

gboolean
tandem_store_begin (TandemStore  *self,
                    GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_exec (self, "SAVEPOINT tandem", error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
tandem_store_commit (TandemStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!tandem_store_exec (self, "RELEASE tandem", error))
    {
      tandem_store_rollback (self);
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

void
tandem_store_rollback (TandemStore *self)
{
  g_return_if_fail (TANDEM_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  sqlite3_exec (self->db, "ROLLBACK TO tandem; RELEASE tandem", NULL, NULL, NULL);
  self->depth--;
}

/* Migrations */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char **
list_migrations (guint *n_migrations)
{
  char **names;

  /* Referencing the resource keeps it linked in from the static library. */
  g_resources_register (tandem_core_get_resource ());
  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  if (names == NULL)
    names = g_new0 (char *, 1);
  *n_migrations = g_strv_length (names);
  qsort (names, *n_migrations, sizeof (char *), compare_names);
  return names;
}

guint
tandem_store_get_schema_version (void)
{
  g_auto(GStrv) names = NULL;
  guint n;

  names = list_migrations (&n);
  return n;
}

/* Reads the schema version of the file, and refuses a file that is not a
 * database or was written by a newer Tandem. */
static gboolean
read_schema_version (TandemStore  *self,
                     guint         known,
                     guint        *version,
                     GError      **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      if (sqlite3_errcode (self->db) == SQLITE_NOTADB)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                       _("“%s” is not a Tandem database"), self->path);
          return FALSE;
        }
      return tandem_store_set_db_error (self, error);
    }
  *version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (*version > known)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_TOO_NEW,
                   _("This database was written by a newer version of Tandem (schema %u; this version knows up to %u). Update Tandem to open it; the database was not changed."),
                   *version, known);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_foreign_keys (TandemStore  *self,
                    GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean broken;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE, "%s", sqlite3_errmsg (self->db));
      return FALSE;
    }
  broken = sqlite3_step (stmt) == SQLITE_ROW;
  if (broken)
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                 _("a reference in table “%s” points to a missing record"),
                 (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return !broken;
}

static gboolean
migrate (TandemStore  *self,
         GError      **error)
{
  g_auto(GStrv) names = NULL;
  guint known, version;

  names = list_migrations (&known);

  if (!read_schema_version (self, known, &version, error))
    return FALSE;

  for (guint i = version; i < known; i++)
    {
      g_autofree char *path = g_strconcat (MIGRATIONS_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *pragma = NULL;

      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragma = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      g_debug ("Applying migration %s", names[i]);
      /* Foreign keys are off while a migration runs, so that it can
       * rebuild a table that others refer to (SQLite's "other kinds of
       * table schema changes"); they are checked before it commits. */
      if (!tandem_store_exec (self, "PRAGMA foreign_keys = OFF", error) ||
          !tandem_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!tandem_store_exec (self, sql, error) ||
          !check_foreign_keys (self, error) ||
          !tandem_store_exec (self, pragma, error))
        {
          g_prefix_error (error, _("Could not upgrade the database (%s): "), names[i]);
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
          return FALSE;
        }
      if (!tandem_store_exec (self, "COMMIT", error) ||
          !tandem_store_exec (self, "PRAGMA foreign_keys = ON", error))
        return FALSE;
    }

  return TRUE;
}

/* GObject */

static void
tandem_store_finalize (GObject *object)
{
  TandemStore *self = TANDEM_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_object (&self->user);
  g_free (self->path);

  G_OBJECT_CLASS (tandem_store_parent_class)->finalize (object);
}

static void
tandem_store_class_init (TandemStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_store_finalize;

  /**
   * TandemStore::changed:
   * @kind: a #TandemKind, or TANDEM_KIND_NONE for settings and users
   * @id: the record, or 0 when many changed
   *
   * Emitted after a change is committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);
}

static void
tandem_store_init (TandemStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* Public API */

char *
tandem_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tandem", "tandem.db", NULL);
}

static TandemStore *
open_connection (const char  *path,
                 gboolean     map_file,
                 GError     **error)
{
  g_autoptr(TandemStore) self = g_object_new (TANDEM_TYPE_STORE, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  self->path = g_strdup (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }

  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                   _("Could not open the database “%s”: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  if (!tandem_store_register_functions (self->db, error) ||
      !tandem_store_audit_register_functions (self, error))
    return NULL;

  if (!tandem_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  /* A database of a newer Tandem is refused before anything is written to
   * it, not even the switch to WAL. */
  {
    guint version;

    if (!read_schema_version (self, tandem_store_get_schema_version (), &version, error))
      return NULL;
  }

  {
    sqlite3_stmt *stmt = NULL;
    gboolean wal = FALSE;

    if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step (stmt) == SQLITE_ROW)
      wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
    sqlite3_finalize (stmt);

    if (!wal)
      {
        if (sqlite3_errcode (self->db) == SQLITE_NOTADB)
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                       _("“%s” is not a Tandem database"), path);
        else
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                       _("Could not open the database “%s” for shared use (WAL): %s"),
                       path, sqlite3_errmsg (self->db));
        return NULL;
      }
  }

  if (!tandem_store_exec (self, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  /* A worker reads the first 256 MiB of the file through a memory map
   * rather than copies into its page cache: a report reads a sale's or
   * an activity's company for each one it counts, and they are many.
   * Mapped pages count as the program's memory while the connection is
   * open, so the long-lived connection of the window reads as before. */
  if (map_file && !tandem_store_exec (self, "PRAGMA mmap_size = 268435456", error))
    return NULL;

  return g_steal_pointer (&self);
}

TandemStore *
tandem_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(TandemStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = open_connection (path, FALSE, error);
  if (self == NULL)
    return NULL;

  if (!migrate (self, error) ||
      !tandem_store_read_pending_email_headers (self, error) ||
      !tandem_store_visibility_install (self, error) ||
      !tandem_store_purge_deleted (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

TandemStore *
tandem_store_open_worker (TandemStore  *self,
                          GError      **error)
{
  g_autoptr(TandemStore) worker = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  worker = open_connection (self->path, TRUE, error);
  if (worker == NULL || !tandem_store_visibility_install (worker, error))
    return NULL;

  if (self->user != NULL)
    {
      if (!tandem_store_visibility_set_user (worker, tandem_user_get_id (self->user), error))
        return NULL;
      worker->user = g_object_ref (self->user);
    }
  return g_steal_pointer (&worker);
}

const char *
tandem_store_get_path (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  return self->path;
}

/* Sign-in */

gboolean
tandem_store_needs_first_admin (TandemStore *self)
{
  sqlite3_stmt *stmt;
  gboolean needs;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  stmt = tandem_store_prepare (self, "SELECT NOT EXISTS (SELECT 1 FROM users)", NULL);
  if (stmt == NULL)
    return FALSE;
  needs = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return needs;
}

static TandemUser *
load_user (TandemStore  *self,
           sqlite3_stmt *stmt)
{
  TandemUser *user = tandem_user_new (sqlite3_column_int64 (stmt, 0),
                                      tandem_store_column_text (stmt, 1),
                                      tandem_store_column_text (stmt, 2),
                                      sqlite3_column_int (stmt, 3),
                                      sqlite3_column_int (stmt, 4));
  const char *groups = tandem_store_column_text (stmt, 5);

  if (groups != NULL)
    {
      g_auto(GStrv) names = g_strsplit (groups, "\x1f", -1);
      tandem_user_set_groups (user, (const char * const *) names);
    }
  return user;
}

#define USER_COLUMNS \
  "u.id, u.login, u.name, u.role, u.active," \
  " (SELECT group_concat (name, char (31)) FROM (SELECT t.name FROM teams t" \
  "   JOIN team_members m ON m.team_id = t.id WHERE m.user_id = u.id ORDER BY t.name))"

static TandemUser *
find_user (TandemStore  *self,
           const char   *login,
           char        **password_hash)
{
  sqlite3_stmt *stmt;
  TandemUser *user = NULL;

  stmt = tandem_store_prepare (self, "SELECT " USER_COLUMNS ", u.password_hash FROM users u WHERE u.login = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      user = load_user (self, stmt);
      if (password_hash)
        *password_hash = g_strdup (tandem_store_column_text (stmt, 6));
    }
  sqlite3_reset (stmt);
  return user;
}

static gboolean
check_login (const char  *login,
             GError     **error)
{
  if (login == NULL || login[0] == '\0')
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A user needs a login name"));
      return FALSE;
    }
  for (const char *p = login; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("A login name cannot contain spaces"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
set_user_groups (TandemStore         *self,
                 gint64               user_id,
                 const char * const  *groups,
                 GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self, "DELETE FROM team_members WHERE user_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; groups && groups[i]; i++)
    {
      stmt = tandem_store_prepare (self,
                                   "INSERT OR IGNORE INTO team_members (team_id, user_id)"
                                   " SELECT id, ? FROM teams WHERE name = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, user_id);
      sqlite3_bind_text (stmt, 2, groups[i], -1, SQLITE_TRANSIENT);
      if (!tandem_store_step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (self->db) == 0)
        {
          sqlite3_stmt *exists = tandem_store_prepare (self, "SELECT 1 FROM teams WHERE name = ?", error);
          gboolean found;

          if (exists == NULL)
            return FALSE;
          sqlite3_bind_text (exists, 1, groups[i], -1, SQLITE_TRANSIENT);
          found = sqlite3_step (exists) == SQLITE_ROW;
          sqlite3_reset (exists);
          if (!found)
            {
              g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                           _("There is no group called “%s”"), groups[i]);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static TandemUser *
insert_user (TandemStore         *self,
             const char          *login,
             const char          *name,
             const char          *password,
             TandemRole           role,
             const char * const  *groups,
             GError             **error)
{
  g_autofree char *clean_login = dup_trimmed (login);
  g_autofree char *clean_name = dup_trimmed (name);
  g_autofree char *hash = NULL;
  g_autoptr(TandemUser) existing = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!check_login (clean_login, error))
    return NULL;
  if (clean_name[0] == '\0')
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A user needs a name"));
      return NULL;
    }
  if (!tandem_password_check_quality (password, error))
    return NULL;

  existing = find_user (self, clean_login, NULL);
  if (existing != NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                   _("The login name “%s” is already in use"), clean_login);
      return NULL;
    }

  hash = tandem_password_hash (password, error);
  if (hash == NULL)
    return NULL;

  if (!tandem_store_begin (self, error))
    return NULL;

  stmt = tandem_store_prepare (self,
                               "INSERT INTO users (login, name, password_hash, role) VALUES (?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, clean_login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, clean_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, role);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);

  if (!set_user_groups (self, id, groups, error))
    goto fail;
  if (!tandem_store_commit (self, error))
    return NULL;

  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return find_user (self, clean_login, NULL);

fail:
  tandem_store_rollback (self);
  return NULL;
}

TandemUser *
tandem_store_create_first_admin (TandemStore  *self,
                                 const char   *login,
                                 const char   *name,
                                 const char   *password,
                                 GError      **error)
{
  TandemUser *user;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_needs_first_admin (self))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                   _("This database already has an administrator"));
      return NULL;
    }

  user = insert_user (self, login, name, password, TANDEM_ROLE_ADMIN, NULL, error);
  if (user == NULL)
    return NULL;

  if (!tandem_store_visibility_set_user (self, tandem_user_get_id (user), error))
    {
      g_object_unref (user);
      return NULL;
    }
  /* The session keeps its own copy: the caller may edit the one returned
   * (a settings form does) without changing who is signed in as what. */
  g_clear_object (&self->user);
  self->user = find_user (self, tandem_user_get_login (user), NULL);
  return user;
}

gboolean
tandem_store_sign_in (TandemStore  *self,
                      const char   *login,
                      const char   *password,
                      GError      **error)
{
  return tandem_store_sign_in_with_code (self, login, password, NULL, error);
}

gboolean
tandem_store_sign_in_with_code (TandemStore  *self,
                                const char   *login,
                                const char   *password,
                                const char   *code,
                                GError      **error)
{
  /* A valid hash of a random password, so that an unknown login costs the
   * same time as a wrong password and the two cannot be told apart. */
  static char *decoy_hash;
  static gsize decoy_once;
  g_autofree char *clean_login = dup_trimmed (login);
  g_autofree char *hash = NULL;
  g_autoptr(TandemUser) user = NULL;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  user = find_user (self, clean_login, &hash);
  if (user == NULL)
    {
      if (g_once_init_enter (&decoy_once))
        {
          decoy_hash = tandem_password_hash ("tandem-decoy-password", NULL);
          g_once_init_leave (&decoy_once, 1);
        }
      tandem_password_verify (decoy_hash, password ? password : "");
      ok = FALSE;
    }
  else
    ok = tandem_password_verify (hash, password ? password : "");

  if (!ok)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH, _("Wrong login or password"));
      return FALSE;
    }

  if (!tandem_user_get_active (user))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH,
                   _("This account is disabled. An administrator can enable it again."));
      return FALSE;
    }

  /* A user with a second factor is never signed in with the password
   * alone (SPEC A2). */
  if (!tandem_store_second_factor_check (self, tandem_user_get_id (user), code, error))
    return FALSE;

  if (!tandem_store_visibility_set_user (self, tandem_user_get_id (user), error))
    return FALSE;

  g_set_object (&self->user, user);
  return TRUE;
}

void
tandem_store_sign_out (TandemStore *self)
{
  g_return_if_fail (TANDEM_IS_STORE (self));

  tandem_store_visibility_set_user (self, 0, NULL);
  g_clear_object (&self->user);
}

TandemUser *
tandem_store_get_user (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  return self->user;
}

/* Users and groups */

GPtrArray *
tandem_store_list_users (TandemStore  *self,
                         GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, "SELECT " USER_COLUMNS " FROM users u ORDER BY u.name COLLATE NOCASE, u.id", error);
  if (stmt == NULL)
    return NULL;
  return tandem_store_collect (self, stmt, (TandemRowLoader) load_user, g_object_unref, error);
}

TandemUser *
tandem_store_add_user (TandemStore         *self,
                       const char          *login,
                       const char          *name,
                       const char          *password,
                       TandemRole           role,
                       const char * const  *groups,
                       GError             **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_admin (self, error))
    return NULL;
  return insert_user (self, login, name, password, role, groups, error);
}

static guint
count_active_admins (TandemStore *self,
                     gint64       except_id)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  stmt = tandem_store_prepare (self, "SELECT count(*) FROM users WHERE role = 0 AND active AND id <> ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

gboolean
tandem_store_update_user (TandemStore  *self,
                          TandemUser   *user,
                          GError      **error)
{
  g_autofree char *clean_name = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (TANDEM_IS_USER (user), FALSE);

  if (!tandem_store_require_admin (self, error))
    return FALSE;

  id = tandem_user_get_id (user);
  clean_name = dup_trimmed (tandem_user_get_name (user));
  if (clean_name[0] == '\0')
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A user needs a name"));
      return FALSE;
    }

  if ((tandem_user_get_role (user) != TANDEM_ROLE_ADMIN || !tandem_user_get_active (user)) &&
      count_active_admins (self, id) == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("Tandem needs at least one active administrator"));
      return FALSE;
    }

  if (!tandem_store_begin (self, error))
    return FALSE;

  stmt = tandem_store_prepare (self, "UPDATE users SET name = ?, role = ?, active = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, clean_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, tandem_user_get_role (user));
  sqlite3_bind_int (stmt, 3, tandem_user_get_active (user));
  sqlite3_bind_int64 (stmt, 4, id);
  if (!tandem_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, _("There is no such user"));
      goto fail;
    }
  if (!set_user_groups (self, id, tandem_user_get_groups (user), error))
    goto fail;
  if (!tandem_store_commit (self, error))
    return FALSE;

  if (id == tandem_user_get_id (self->user))
    {
      tandem_user_set_name (self->user, clean_name);
      tandem_user_set_role (self->user, tandem_user_get_role (user));
      tandem_user_set_groups (self->user, tandem_user_get_groups (user));
    }
  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return TRUE;

fail:
  tandem_store_rollback (self);
  return FALSE;
}

gboolean
tandem_store_set_password (TandemStore  *self,
                           const char   *login,
                           const char   *password,
                           GError      **error)
{
  g_autoptr(TandemUser) target = NULL;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error))
    return FALSE;

  target = find_user (self, login ? login : "", NULL);
  if (target == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("There is no user “%s”"), login ? login : "");
      return FALSE;
    }
  if (tandem_user_get_id (target) != tandem_user_get_id (self->user) &&
      !tandem_store_require_admin (self, error))
    return FALSE;

  if (!tandem_password_check_quality (password, error))
    return FALSE;
  hash = tandem_password_hash (password, error);
  if (hash == NULL)
    return FALSE;

  stmt = tandem_store_prepare (self, "UPDATE users SET password_hash = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, tandem_user_get_id (target));
  return tandem_store_step_done (self, stmt, error);
}

gboolean
tandem_store_change_own_password (TandemStore  *self,
                                  const char   *current,
                                  const char   *new_password,
                                  GError      **error)
{
  g_autoptr(TandemUser) me = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_user (self, error))
    return FALSE;

  me = find_user (self, tandem_user_get_login (self->user), &hash);
  if (me == NULL || !tandem_password_verify (hash, current ? current : ""))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH, _("The current password is wrong"));
      return FALSE;
    }
  return tandem_store_set_password (self, tandem_user_get_login (me), new_password, error);
}

/* Named lists: groups (table teams) and partner roles. */

static GPtrArray *
list_named (TandemStore  *self,
            const char   *sql,
            GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (!tandem_store_require_user (self, error))
    return NULL;

  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, tandem_choice_new (sqlite3_column_int64 (stmt, 0),
                                               tandem_store_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

static gint64
add_named (TandemStore  *self,
           const char   *sql,
           const char   *name,
           const char   *empty_message,
           const char   *exists_format,
           GError      **error)
{
  g_autofree char *clean = dup_trimmed (name);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if (!tandem_store_require_admin (self, error))
    return 0;
  if (clean[0] == '\0')
    {
      g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, empty_message);
      return 0;
    }

  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  if (!tandem_store_step_done (self, stmt, &local_error))
    {
      if (g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_EXISTS))
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS, exists_format, clean);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
rename_named (TandemStore  *self,
              const char   *sql,
              gint64        id,
              const char   *name,
              const char   *empty_message,
              const char   *exists_format,
              GError      **error)
{
  g_autofree char *clean = dup_trimmed (name);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if (!tandem_store_require_admin (self, error))
    return FALSE;
  if (clean[0] == '\0')
    {
      g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, empty_message);
      return FALSE;
    }

  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!tandem_store_step_done (self, stmt, &local_error))
    {
      if (g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_EXISTS))
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS, exists_format, clean);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
delete_by_id (TandemStore  *self,
              const char   *sql,
              gint64        id,
              GError      **error)
{
  sqlite3_stmt *stmt;

  if (!tandem_store_require_admin (self, error))
    return FALSE;
  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return tandem_store_step_done (self, stmt, error);
}

GPtrArray *
tandem_store_list_groups (TandemStore  *self,
                          GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  return list_named (self, "SELECT id, name FROM teams ORDER BY name COLLATE NOCASE", error);
}

gint64
tandem_store_add_group (TandemStore  *self,
                        const char   *name,
                        GError      **error)
{
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  id = add_named (self, "INSERT INTO teams (name) VALUES (?)", name,
                  _("A group needs a name"), _("There is already a group called “%s”"), error);
  if (id)
    tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return id;
}

gboolean
tandem_store_rename_group (TandemStore  *self,
                           gint64        id,
                           const char   *name,
                           GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  if (!rename_named (self, "UPDATE teams SET name = ? WHERE id = ?", id, name,
                     _("A group needs a name"), _("There is already a group called “%s”"), error))
    return FALSE;
  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return TRUE;
}

gboolean
tandem_store_delete_group (TandemStore  *self,
                           gint64        id,
                           GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean in_use;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_admin (self, error))
    return FALSE;

  /* Deleting a group that restricts notes, activities, projects or tasks
   * would widen or narrow who sees them behind the authors' backs (SPEC E2). */
  stmt = tandem_store_prepare (self,
                               "SELECT EXISTS (SELECT 1 FROM note_teams WHERE team_id = ?1)"
                               " OR EXISTS (SELECT 1 FROM activity_teams WHERE team_id = ?1)"
                               " OR EXISTS (SELECT 1 FROM project_teams WHERE team_id = ?1)"
                               " OR EXISTS (SELECT 1 FROM project_task_teams WHERE team_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  in_use = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (in_use)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("This group decides who sees some records, so it cannot be deleted. Rename it instead."));
      return FALSE;
    }

  if (!delete_by_id (self, "DELETE FROM teams WHERE id = ?", id, error))
    return FALSE;
  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return TRUE;
}

GPtrArray *
tandem_store_list_partner_roles (TandemStore  *self,
                                 GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  return list_named (self, "SELECT id, name FROM partner_roles ORDER BY name COLLATE NOCASE", error);
}

gint64
tandem_store_add_partner_role (TandemStore  *self,
                               const char   *name,
                               GError      **error)
{
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  id = add_named (self, "INSERT INTO partner_roles (name) VALUES (?)", name,
                  _("A partner role needs a name"), _("There is already a partner role called “%s”"), error);
  if (id)
    tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return id;
}

gboolean
tandem_store_rename_partner_role (TandemStore  *self,
                                  gint64        id,
                                  const char   *name,
                                  GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_begin (self, error))
    return FALSE;
  if (!rename_named (self, "UPDATE partner_roles SET name = ? WHERE id = ?", id, name,
                     _("A partner role needs a name"), _("There is already a partner role called “%s”"), error) ||
      !tandem_store_reindex_all (self, TANDEM_KIND_COMPANY, error))
    {
      tandem_store_rollback (self);
      return FALSE;
    }
  if (!tandem_store_commit (self, error))
    return FALSE;
  tandem_store_emit_changed (self, TANDEM_KIND_COMPANY, 0);
  return TRUE;
}

gboolean
tandem_store_delete_partner_role (TandemStore  *self,
                                  gint64        id,
                                  GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_begin (self, error))
    return FALSE;
  if (!delete_by_id (self, "DELETE FROM partner_roles WHERE id = ?", id, error) ||
      !tandem_store_reindex_all (self, TANDEM_KIND_COMPANY, error))
    {
      tandem_store_rollback (self);
      return FALSE;
    }
  if (!tandem_store_commit (self, error))
    return FALSE;
  tandem_store_emit_changed (self, TANDEM_KIND_COMPANY, 0);
  return TRUE;
}

/* Fields */

static GPtrArray *
query_fields (TandemStore  *self,
              TandemKind    entity,
              const char   *name,
              GError      **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tandem_store_prepare (self,
                               "SELECT id, kind, name, type FROM fields"
                               " WHERE entity = ?1 AND (?2 IS NULL OR name = ?2 COLLATE NOCASE)"
                               " ORDER BY kind, position, name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, entity);
  tandem_store_bind_text (stmt, 2, name);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemField *field = tandem_field_new (entity, sqlite3_column_int (stmt, 1),
                                             tandem_store_column_text (stmt, 2),
                                             sqlite3_column_int (stmt, 3));
      tandem_field_set_id (field, sqlite3_column_int64 (stmt, 0));
      g_ptr_array_add (fields, field);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_db_error (self, error);
      return NULL;
    }

  for (guint i = 0; i < fields->len; i++)
    {
      TandemField *field = g_ptr_array_index (fields, i);
      g_autoptr(GPtrArray) choices = NULL;

      if (tandem_field_get_field_type (field) != TANDEM_FIELD_CHOICE)
        continue;

      choices = g_ptr_array_new_with_free_func (g_free);
      stmt = tandem_store_prepare (self, "SELECT value FROM field_choices WHERE field_id = ? ORDER BY position, id", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, tandem_field_get_id (field));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (choices, g_strdup (tandem_store_column_text (stmt, 0)));
      sqlite3_reset (stmt);
      g_ptr_array_add (choices, NULL);
      tandem_field_set_choices (field, (const char * const *) choices->pdata);
    }

  return g_steal_pointer (&fields);
}

GPtrArray *
tandem_store_list_fields (TandemStore  *self,
                          TandemKind    entity,
                          GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  return query_fields (self, entity, NULL, error);
}

TandemField *
tandem_store_find_field (TandemStore  *self,
                         TandemKind    entity,
                         const char   *name,
                         GError      **error)
{
  g_autoptr(GPtrArray) fields = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  fields = query_fields (self, entity, name ? name : "", error);
  if (fields == NULL)
    return NULL;
  if (fields->len == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   entity == TANDEM_KIND_PERSON ? _("People have no field called “%s”")
                                                : _("Companies have no field called “%s”"),
                   name ? name : "");
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (fields, 0));
}

static gboolean
store_field_choices (TandemStore  *self,
                     TandemField  *field,
                     GError      **error)
{
  const char * const *choices = tandem_field_get_choices (field);
  sqlite3_stmt *stmt;

  stmt = tandem_store_prepare (self, "DELETE FROM field_choices WHERE field_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tandem_field_get_id (field));
  if (!tandem_store_step_done (self, stmt, error))
    return FALSE;

  if (tandem_field_get_field_type (field) != TANDEM_FIELD_CHOICE)
    return TRUE;

  for (guint i = 0; choices[i]; i++)
    {
      g_autofree char *clean = dup_trimmed (choices[i]);

      if (clean[0] == '\0')
        continue;
      stmt = tandem_store_prepare (self,
                                   "INSERT OR IGNORE INTO field_choices (field_id, value, position) VALUES (?, ?, ?)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, tandem_field_get_id (field));
      sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, i);
      if (!tandem_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_field (TandemField  *field,
             char        **clean_name,
             GError      **error)
{
  const char * const *choices = tandem_field_get_choices (field);
  gboolean has_choice = FALSE;

  *clean_name = dup_trimmed (tandem_field_get_name (field));
  if ((*clean_name)[0] == '\0')
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("A field needs a name"));
      return FALSE;
    }
  if (tandem_field_get_entity (field) != TANDEM_KIND_COMPANY &&
      tandem_field_get_entity (field) != TANDEM_KIND_PERSON)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("Fields belong to companies or people"));
      return FALSE;
    }
  for (guint i = 0; choices[i] && !has_choice; i++)
    {
      g_autofree char *clean = dup_trimmed (choices[i]);
      has_choice = clean[0] != '\0';
    }
  if (tandem_field_get_field_type (field) == TANDEM_FIELD_CHOICE && !has_choice)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("A field chosen from a list needs at least one choice"));
      return FALSE;
    }
  return TRUE;
}

gint64
tandem_store_add_field (TandemStore  *self,
                        TandemField  *field,
                        GError      **error)
{
  g_autofree char *clean_name = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (TANDEM_IS_FIELD (field), 0);

  if (!tandem_store_require_admin (self, error) || !check_field (field, &clean_name, error))
    return 0;

  if (!tandem_store_begin (self, error))
    return 0;

  stmt = tandem_store_prepare (self,
                               "INSERT INTO fields (entity, kind, name, type, position)"
                               " VALUES (?1, ?2, ?3, ?4, (SELECT coalesce (max (position), 0) + 1 FROM fields WHERE entity = ?1))",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, tandem_field_get_entity (field));
  sqlite3_bind_int (stmt, 2, tandem_field_get_kind (field));
  sqlite3_bind_text (stmt, 3, clean_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, tandem_field_get_field_type (field));
  if (!tandem_store_step_done (self, stmt, &local_error))
    {
      if (g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_EXISTS))
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                     _("There is already a field called “%s”"), clean_name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  tandem_field_set_id (field, sqlite3_last_insert_rowid (self->db));
  tandem_field_set_name (field, clean_name);

  if (!store_field_choices (self, field, error))
    goto fail;
  if (!tandem_store_commit (self, error))
    {
      tandem_field_set_id (field, 0);
      return 0;
    }

  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return tandem_field_get_id (field);

fail:
  tandem_store_rollback (self);
  tandem_field_set_id (field, 0);
  return 0;
}

gboolean
tandem_store_update_field (TandemStore  *self,
                           TandemField  *field,
                           GError      **error)
{
  g_autofree char *clean_name = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (TANDEM_IS_FIELD (field), FALSE);

  if (!tandem_store_require_admin (self, error) || !check_field (field, &clean_name, error))
    return FALSE;

  if (!tandem_store_begin (self, error))
    return FALSE;

  stmt = tandem_store_prepare (self, "UPDATE fields SET name = ?, kind = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, clean_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, tandem_field_get_kind (field));
  sqlite3_bind_int64 (stmt, 3, tandem_field_get_id (field));
  if (!tandem_store_step_done (self, stmt, &local_error))
    {
      if (g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_EXISTS))
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                     _("There is already a field called “%s”"), clean_name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, _("There is no such field"));
      goto fail;
    }
  if (!store_field_choices (self, field, error))
    goto fail;
  if (!tandem_store_commit (self, error))
    return FALSE;

  tandem_store_emit_changed (self, TANDEM_KIND_NONE, 0);
  return TRUE;

fail:
  tandem_store_rollback (self);
  return FALSE;
}

gboolean
tandem_store_delete_field (TandemStore  *self,
                           gint64        id,
                           GError      **error)
{
  sqlite3_stmt *stmt;
  TandemKind entity = TANDEM_KIND_NONE;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_require_admin (self, error))
    return FALSE;

  stmt = tandem_store_prepare (self, "SELECT entity FROM fields WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    entity = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (entity == TANDEM_KIND_NONE)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, _("There is no such field"));
      return FALSE;
    }

  if (!tandem_store_begin (self, error))
    return FALSE;
  if (!delete_by_id (self, "DELETE FROM fields WHERE id = ?", id, error) ||
      !tandem_store_reindex_all (self, entity, error))
    {
      tandem_store_rollback (self);
      return FALSE;
    }
  if (!tandem_store_commit (self, error))
    return FALSE;

  tandem_store_emit_changed (self, entity, 0);
  return TRUE;
}
