/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tandem-store-private.h"

/* Backup and restore with SQLite's online backup API (SPEC M2). A backup
 * copies the pages of the database inside one read transaction of a
 * connection of its own: in WAL mode that is a snapshot, so the window
 * and other connections go on writing while it runs, and the copy is the
 * database as it was at one moment. A restore copies a checked backup into
 * the live database the same way, in one write transaction, so that the
 * database is either all the old one or all the backup, and its WAL file
 * stays the live database's own. */

/* Pages copied in one step: 512 KiB, a few milliseconds of work. */
#define STEP_PAGES 128
/* How often a step waits for another connection's write to finish before
 * the copy gives up, each wait being the busy timeout. */
#define MAX_BUSY_WAITS 6
#define BUSY_TIMEOUT_MS 5000

#define SQLITE_HEADER "SQLite format 3"

typedef struct
{
  TandemBackupProgressFunc func;
  gpointer                 user_data;
  double                   start;
  double                   span;
} Progress;

/* Helpers */

void
tandem_backup_info_free (TandemBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_clear_pointer (&info->made, g_date_time_unref);
  g_free (info);
}

static void
report (const Progress *progress,
        double          fraction)
{
  if (progress != NULL && progress->func != NULL)
    progress->func (progress->start + progress->span * CLAMP (fraction, 0.0, 1.0), progress->user_data);
}

static char *
get_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  return g_steal_pointer (&base);
}

static void
remove_with_companions (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static gboolean
sync_path (const char  *path,
           gboolean     folder,
           GError     **error)
{
  int fd = g_open (path, (folder ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);
  int saved;

  if (fd < 0)
    goto failed;
  if (fsync (fd) != 0 && !(folder && errno == EINVAL))
    {
      saved = errno;
      close (fd);
      errno = saved;
      goto failed;
    }
  close (fd);
  return TRUE;

failed:
  saved = errno;
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
               _("Could not write “%s” to the disk: %s"), path, g_strerror (saved));
  return FALSE;
}

static sqlite3 *
open_raw (const char  *path,
          int          flags,
          GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                   _("Could not open “%s”: %s"), path,
                   db ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  /* Indexes may use Tandem's own SQL functions, which the integrity
   * check then calls. */
  if (!tandem_store_register_functions (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* A file opened through this is never written to */
static char *
read_only_uri (const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strconcat ("file:", escaped, "?mode=ro", NULL);
}

/* The first column of the first row of @sql as text, or NULL with
 * @rc set to what SQLite said. */
static char *
query_text (sqlite3    *db,
            const char *sql,
            int        *rc)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    {
      *rc = sqlite3_step (stmt);
      if (*rc == SQLITE_ROW)
        {
          text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          *rc = SQLITE_OK;
          if (text == NULL)
            text = g_strdup ("");
        }
      else if (*rc == SQLITE_DONE)
        *rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return text;
}

/* Copies all of @src into @dest with the backup API, a step at a time.
 * @src's pages are read in whatever read transaction it has open. */
static gboolean
copy_pages (sqlite3         *dest,
            sqlite3         *src,
            GCancellable    *cancellable,
            const Progress  *progress,
            GError         **error)
{
  sqlite3_backup *backup;
  guint busy_waits = 0;
  int rc, finish_rc;

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                   _("Could not start the copy: %s"), sqlite3_errmsg (dest));
      return FALSE;
    }

  report (progress, 0.0);
  for (;;)
    {
      int total;

      rc = sqlite3_backup_step (backup, STEP_PAGES);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        {
          if (++busy_waits > MAX_BUSY_WAITS)
            break;
          g_usleep (G_USEC_PER_SEC / 20);
        }
      else if (rc != SQLITE_OK)
        break;

      total = sqlite3_backup_pagecount (backup);
      if (total > 0)
        report (progress, (double) (total - sqlite3_backup_remaining (backup)) / total);

      if (g_cancellable_is_cancelled (cancellable))
        break;
    }

  finish_rc = sqlite3_backup_finish (backup);
  if (rc == SQLITE_DONE && finish_rc == SQLITE_OK)
    {
      report (progress, 1.0);
      return TRUE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc == SQLITE_DONE)
    rc = finish_rc;
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                 _("The database stayed busy; try again in a moment"));
  else if (rc == SQLITE_FULL)
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                 _("The disk is full"));
  else if (rc == SQLITE_READONLY)
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                 _("The copy could not be written: the file is read-only or uses another page size"));
  else
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                 "%s", sqlite3_errstr (rc));
  return FALSE;
}

static TandemBackupInfo *
info_new (const char  *path,
          guint        schema,
          GError     **error)
{
  g_autoptr(TandemBackupInfo) info = g_new0 (TandemBackupInfo, 1);
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("Could not read “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  info->path = g_strdup (path);
  info->bytes = st.st_size;
  info->schema = schema;
  info->made = g_date_time_new_from_unix_local (st.st_mtime);
  return g_steal_pointer (&info);
}

/* A backup cut short by the end of the program leaves its temporary file
 * ".NAME-XXXXXX" behind; the next backup to that name removes those
 * older than an hour, which no running backup still writes. */
static void
remove_stale_temporaries (const char *folder,
                          const char *base)
{
  g_autofree char *prefix = g_strdup_printf (".%s-", base);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 limit = g_get_real_time () / G_USEC_PER_SEC - 60 * 60;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      const char *rest;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix))
        continue;
      rest = name + strlen (prefix);
      if (strlen (rest) < 6 || (rest[6] != '\0' && !g_str_equal (rest + 6, "-journal") &&
                                !g_str_equal (rest + 6, "-wal") && !g_str_equal (rest + 6, "-shm")))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_mtime < limit)
        g_unlink (path);
    }
}

/* Writes the database at @db_path to @target through a temporary file
 * beside it; see tandem_store_backup(). */
static TandemBackupInfo *
write_backup (const char      *db_path,
              const char      *target,
              gboolean         overwrite,
              GCancellable    *cancellable,
              const Progress  *progress,
              GError         **error)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *tmp = NULL;
  g_autofree char *check = NULL;
  g_autofree char *version = NULL;
  sqlite3 *src = NULL;
  sqlite3 *dest = NULL;
  int fd, rc;

  if (g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Cannot back up to “%s”: it is a folder"), target);
      return NULL;
    }
  if (same_file (target, db_path))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Cannot back up to “%s”: it is the database itself"), target);
      return NULL;
    }
  if (!overwrite && g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                   _("“%s” already exists; it was left as it was"), target);
      return NULL;
    }

  remove_stale_temporaries (folder, base);
  /* Named so that nobody takes it for a backup while it is written */
  tmp = g_strdup_printf ("%s%s.%s-XXXXXX", folder, G_DIR_SEPARATOR_S, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Cannot back up to “%s”: %s"), target, g_strerror (saved));
      return NULL;
    }
  close (fd);

  src = open_raw (db_path, SQLITE_OPEN_READWRITE, error);
  if (src == NULL)
    goto failed;
  /* The snapshot: everything committed before this, nothing after. */
  if (sqlite3_exec (src, "BEGIN; SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                   _("Could not read the database: %s"), sqlite3_errmsg (src));
      goto failed;
    }

  dest = open_raw (tmp, SQLITE_OPEN_READWRITE, error);
  if (dest == NULL || !copy_pages (dest, src, cancellable, progress, error))
    goto failed;
  sqlite3_exec (src, "COMMIT", NULL, NULL, NULL);
  g_clear_pointer (&src, sqlite3_close);

  /* The copied header says WAL like the database's own; a backup is one
   * self-contained file, which a rollback journal keeps it. */
  if (sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                   _("Could not finish the backup: %s"), sqlite3_errmsg (dest));
      goto failed;
    }

  /* Declared done only when the copy reads back whole */
  check = query_text (dest, "PRAGMA integrity_check", &rc);
  if (check == NULL || !g_str_equal (check, "ok"))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                   _("The backup did not read back correctly (%s)"),
                   check ? check : sqlite3_errstr (rc));
      goto failed;
    }
  version = query_text (dest, "PRAGMA user_version", &rc);
  if (sqlite3_close (dest) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                   _("Could not finish the backup: %s"), sqlite3_errmsg (dest));
      goto failed;
    }
  dest = NULL;

  if (!sync_path (tmp, FALSE, error))
    goto failed;
  if (g_rename (tmp, target) != 0)
    {
      int saved = errno;

      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                   _("Cannot back up to “%s”: %s"), target, g_strerror (saved));
      goto failed;
    }
  if (!sync_path (folder, TRUE, error))
    return NULL;

  return info_new (target, version ? (guint) g_ascii_strtoull (version, NULL, 10) : 0, error);

failed:
  if (src != NULL)
    sqlite3_close (src);
  if (dest != NULL)
    sqlite3_close (dest);
  remove_with_companions (tmp);
  return NULL;
}

static gboolean
has_table (sqlite3    *db,
           const char *name)
{
  char *sql = sqlite3_mprintf ("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = %Q", name);
  g_autofree char *found = NULL;
  int rc;

  found = query_text (db, sql, &rc);
  sqlite3_free (sql);
  return found != NULL;
}

static void
set_damaged (GError     **error,
             const char  *path,
             const char  *detail)
{
  g_auto(GStrv) lines = g_strsplit (detail, "\n", -1);
  const char *first = detail;

  /* The integrity check heads its list with "*** in database main ***";
   * the first problem itself says enough for one line. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && !g_str_has_prefix (lines[i], "***"))
      {
        first = lines[i];
        break;
      }
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
               _("“%s” is damaged (%s); it cannot be restored"), path, first);
}

static void
set_not_tandem (GError     **error,
                const char  *path)
{
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
               _("“%s” is not a Tandem backup"), path);
}

static TandemBackupInfo *
check_backup (const char    *path,
              GCancellable  *cancellable,
              guint         *page_size,
              GError       **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *version_text = NULL;
  g_autofree char *check = NULL;
  g_autofree char *size_text = NULL;
  char header[sizeof SQLITE_HEADER] = { 0 };
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  guint version, known;
  FILE *file;
  int rc;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("“%s” is a folder, not a backup"), path);
      return NULL;
    }
  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, TANDEM_ERROR, saved == ENOENT ? TANDEM_ERROR_NOT_FOUND : TANDEM_ERROR_INVALID,
                   _("Could not read “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  if (fread (header, 1, sizeof header, file) != sizeof header ||
      memcmp (header, SQLITE_HEADER, sizeof header) != 0)
    {
      fclose (file);
      set_not_tandem (error, path);
      return NULL;
    }
  fclose (file);

  /* Read-only: a refused file is left exactly as it was. */
  uri = read_only_uri (path);
  db = open_raw (uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
  if (db == NULL)
    return NULL;

  version_text = query_text (db, "PRAGMA user_version", &rc);
  if (version_text == NULL)
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        set_not_tandem (error, path);
      else
        set_damaged (error, path, sqlite3_errmsg (db));
      goto failed;
    }
  version = (guint) g_ascii_strtoull (version_text, NULL, 10);
  if (version == 0 || !has_table (db, "users") || !has_table (db, "companies"))
    {
      set_not_tandem (error, path);
      goto failed;
    }
  known = tandem_store_get_schema_version ();
  if (version > known)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Tandem (schema %u; this version knows up to %u). Update Tandem to restore it."),
                   path, version, known);
      goto failed;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;
  check = query_text (db, "PRAGMA integrity_check", &rc);
  if (check == NULL || !g_str_equal (check, "ok"))
    {
      set_damaged (error, path, check ? check : sqlite3_errmsg (db));
      goto failed;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;
  rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *detail = g_strdup_printf (_("a reference in table “%s” points to a missing record"),
                                                 (const char *) sqlite3_column_text (stmt, 0));

      sqlite3_finalize (stmt);
      set_damaged (error, path, detail);
      goto failed;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_damaged (error, path, sqlite3_errmsg (db));
      goto failed;
    }

  size_text = query_text (db, "PRAGMA page_size", &rc);
  if (page_size != NULL)
    *page_size = size_text ? (guint) g_ascii_strtoull (size_text, NULL, 10) : 0;
  sqlite3_close (db);
  return info_new (path, version, error);

failed:
  sqlite3_close (db);
  return NULL;
}

/* Copies the file @from into the live database @db_path in one write
 * transaction. */
static gboolean
copy_into (const char      *db_path,
           const char      *from,
           GCancellable    *cancellable,
           const Progress  *progress,
           GError         **error)
{
  g_autofree char *uri = read_only_uri (from);
  sqlite3 *dest = NULL;
  sqlite3 *src = NULL;
  gboolean ok = FALSE;

  dest = open_raw (db_path, SQLITE_OPEN_READWRITE, error);
  if (dest == NULL)
    return FALSE;
  src = open_raw (uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
  if (src != NULL)
    {
      sqlite3_exec (src, "BEGIN; SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
      ok = copy_pages (dest, src, cancellable, progress, error);
      sqlite3_exec (src, "COMMIT", NULL, NULL, NULL);
      sqlite3_close (src);
    }
  sqlite3_close (dest);
  return ok;
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Whether @name is "STEM-backup-YYYY-MM-DD.db" */
static gboolean
is_daily_name (const char *name,
               const char *stem)
{
  static const char pattern[] = "####-##-##.db";
  gsize stem_len = strlen (stem);
  const char *date;

  if (strncmp (name, stem, stem_len) != 0 || !g_str_has_prefix (name + stem_len, "-backup-"))
    return FALSE;
  date = name + stem_len + strlen ("-backup-");
  if (strlen (date) != strlen (pattern))
    return FALSE;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == '#' ? !g_ascii_isdigit (date[i]) : date[i] != pattern[i])
      return FALSE;
  return TRUE;
}

/* Public API */

TandemBackupInfo *
tandem_store_backup (TandemStore               *self,
                     const char                *path,
                     gboolean                   overwrite,
                     GCancellable              *cancellable,
                     TandemBackupProgressFunc   progress,
                     gpointer                   user_data,
                     GError                   **error)
{
  Progress whole = { progress, user_data, 0.0, 1.0 };

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  if (!tandem_user_is_admin (self->user))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("Only an administrator can back up the database, since a backup holds everyone’s data"));
      return NULL;
    }
  return write_backup (self->path, path, overwrite, cancellable, &whole, error);
}

TandemBackupInfo *
tandem_store_backup_daily (TandemStore   *self,
                           const char    *folder,
                           guint          keep,
                           gboolean       again,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autoptr(TandemBackupInfo) info = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Could not create the backup folder “%s”: %s"), folder, g_strerror (saved));
      return NULL;
    }

  name = tandem_backup_get_daily_name (self->path, now);
  target = g_build_filename (folder, name, NULL);
  if (!again && g_file_test (target, G_FILE_TEST_IS_REGULAR))
    info = check_backup (target, cancellable, NULL, NULL);
  /* Today's copy is made again when the one there does not read back */
  if (info == NULL)
    info = write_backup (self->path, target, TRUE, cancellable, NULL, error);
  if (info == NULL)
    return NULL;

  if (!tandem_backup_prune (folder, self->path, MAX (keep, 1), error))
    return NULL;
  return g_steal_pointer (&info);
}

TandemBackupInfo *
tandem_backup_check (const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return check_backup (path, cancellable, NULL, error);
}

gboolean
tandem_store_restore_backup (TandemStore               *self,
                             const char                *path,
                             GCancellable              *cancellable,
                             TandemBackupProgressFunc   progress,
                             gpointer                   user_data,
                             char                     **kept,
                             GError                   **error)
{
  Progress keeping = { progress, user_data, 0.0, 0.4 };
  Progress restoring = { progress, user_data, 0.4, 0.6 };
  g_autoptr(TandemBackupInfo) info = NULL;
  g_autoptr(TandemBackupInfo) copy = NULL;
  g_autoptr(TandemStore) reopened = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *kept_path = NULL;
  g_autofree char *live_size = NULL;
  guint page_size = 0;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!tandem_store_require_user (self, error))
    return FALSE;
  if (!tandem_user_is_admin (self->user))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("Only an administrator can restore a backup, since it replaces everyone’s data"));
      return FALSE;
    }
  if (same_file (path, self->path))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("“%s” is the database itself, not a backup"), path);
      return FALSE;
    }

  info = check_backup (path, cancellable, &page_size, error);
  if (info == NULL)
    return FALSE;

  /* In WAL mode the database keeps its page size; SQLite's default is the
   * same everywhere, so only a file from elsewhere can differ. */
  {
    sqlite3 *live = open_raw (self->path, SQLITE_OPEN_READONLY, error);
    int rc;

    if (live == NULL)
      return FALSE;
    live_size = query_text (live, "PRAGMA page_size", &rc);
    sqlite3_close (live);
    if (live_size != NULL && page_size != (guint) g_ascii_strtoull (live_size, NULL, 10))
      {
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                     _("“%s” stores its data in pages of %u bytes and this database in pages of %s; it cannot be restored into it"),
                     path, page_size, live_size);
        return FALSE;
      }
  }

  /* Nothing is lost: the database as it is now is kept beside it. */
  now = g_date_time_new_now_local ();
  {
    g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);

    folder = g_path_get_dirname (absolute);
  }
  stem = get_stem (self->path);
  stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  kept_path = g_strdup_printf ("%s%s%s-before-restore-%s.db", folder, G_DIR_SEPARATOR_S, stem, stamp);
  for (guint i = 2; g_file_test (kept_path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (kept_path);
      kept_path = g_strdup_printf ("%s%s%s-before-restore-%s-%u.db", folder, G_DIR_SEPARATOR_S, stem, stamp, i);
    }
  copy = write_backup (self->path, kept_path, FALSE, cancellable, &keeping, error);
  if (copy == NULL)
    {
      g_prefix_error (error, _("The database was not changed: a copy of it could not be kept first. "));
      return FALSE;
    }

  if (!copy_into (self->path, path, cancellable, &restoring, error))
    {
      g_prefix_error (error, _("The database was not changed: "));
      g_unlink (kept_path);
      return FALSE;
    }

  /* An older backup is brought up to date as on any open; if that fails,
   * the database goes back to what it was. */
  reopened = tandem_store_open (self->path, &local_error);
  if (reopened == NULL)
    {
      g_autoptr(GError) back_error = NULL;

      if (!copy_into (self->path, kept_path, NULL, NULL, &back_error))
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                     _("The backup was restored but cannot be used (%s), and the database could not be put back (%s). The database as it was is in “%s”."),
                     local_error->message, back_error->message, kept_path);
      else
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE,
                     _("The backup cannot be used with this version of Tandem (%s); the database was put back as it was"),
                     local_error->message);
      return FALSE;
    }
  g_clear_object (&reopened);

  g_debug ("Restored %s (schema %u); the database as it was is in %s", path, info->schema, kept_path);
  if (kept != NULL)
    *kept = g_steal_pointer (&kept_path);
  return TRUE;
}

char *
tandem_backup_get_daily_name (const char *db_path,
                              GDateTime  *day)
{
  g_autofree char *stem = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (day != NULL, NULL);

  stem = get_stem (db_path);
  date = g_date_time_format (day, "%Y-%m-%d");
  return g_strdup_printf ("%s-backup-%s.db", stem, date);
}

GPtrArray *
tandem_backup_list_daily (const char *folder,
                          const char *db_path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *stem = NULL;
  const char *name;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (db_path != NULL, NULL);

  stem = get_stem (db_path);
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_daily_name (name, stem))
        continue;
      path = g_build_filename (folder, name, NULL);
      /* Only plain files: a link or a folder of that name is not ours */
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names_newest_first);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (folder, g_ptr_array_index (names, i), NULL));
  return g_steal_pointer (&paths);
}

gboolean
tandem_backup_prune (const char  *folder,
                     const char  *db_path,
                     guint        keep,
                     GError     **error)
{
  g_autoptr(GPtrArray) paths = tandem_backup_list_daily (folder, db_path);

  for (guint i = keep; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("Could not delete the old backup “%s”: %s"), path, g_strerror (saved));
          return FALSE;
        }
      g_debug ("Deleted the old backup %s", path);
    }
  return TRUE;
}

char *
tandem_backup_get_default_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "tandem", "backups", NULL);
}
