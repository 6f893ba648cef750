/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-store.h"

G_BEGIN_DECLS

/* Backup and restore of the whole database while Tandem runs (SPEC M2).
 * Documents live inside the database, so a backup holds them too.
 *
 * The functions below open connections of their own and never use the
 * store's: they may run on a worker thread while the store goes on
 * serving the window. @progress is then called on that thread. */

/* How far a copy has come, from 0 to 1. */
typedef void (*TandemBackupProgressFunc) (double   fraction,
                                          gpointer user_data);

typedef struct
{
  char      *path;      /* the backup file */
  gint64     bytes;     /* its size */
  guint      schema;    /* its schema version */
  GDateTime *made;      /* when it was written, local time */
} TandemBackupInfo;

void              tandem_backup_info_free      (TandemBackupInfo          *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemBackupInfo, tandem_backup_info_free)

/* A consistent copy of the database as it was when the copy began,
 * written to a temporary file beside @path, checked, flushed to the disk
 * and only then renamed to @path: a backup that fails leaves nothing under
 * that name. An existing @path is refused unless @overwrite. Needs an
 * administrator, since a backup holds everyone's data. */
TandemBackupInfo *tandem_store_backup          (TandemStore               *self,
                                                const char                *path,
                                                gboolean                   overwrite,
                                                GCancellable              *cancellable,
                                                TandemBackupProgressFunc   progress,
                                                gpointer                   user_data,
                                                GError                   **error);

/* The automatic daily backup: today's copy in @folder (made if it is not
 * there yet, or made anew with @again), named by
 * tandem_backup_get_daily_name(), and then only the newest @keep daily
 * copies of this database kept there. It is the installation's own safety
 * copy, made by the program for the account that owns the database, so it
 * needs nobody signed in. */
TandemBackupInfo *tandem_store_backup_daily    (TandemStore               *self,
                                                const char                *folder,
                                                guint                      keep,
                                                gboolean                   again,
                                                GCancellable              *cancellable,
                                                GError                   **error);

/* Checks that @path is a sound Tandem database (integrity and foreign
 * keys) of a schema this version knows, without changing it. */
TandemBackupInfo *tandem_backup_check          (const char                *path,
                                                GCancellable              *cancellable,
                                                GError                   **error);

/* Replaces the whole database with the backup at @path, for everyone,
 * after checking it as tandem_backup_check() does; a damaged, foreign or
 * newer backup is refused and nothing changes. The database as it was is
 * kept beside it as "NAME-before-restore-DATE.db", returned in @kept. An
 * older backup is brought up to this version's schema. Needs an
 * administrator. The store's own connection sees the restored data at
 * its next read; its user may not exist there, so sign it out afterwards
 * (on the thread that uses it). */
gboolean          tandem_store_restore_backup  (TandemStore               *self,
                                                const char                *path,
                                                GCancellable              *cancellable,
                                                TandemBackupProgressFunc   progress,
                                                gpointer                   user_data,
                                                char                     **kept,
                                                GError                   **error);

/* The daily backups of the database at @db_path: "STEM-backup-DATE.db",
 * STEM its file name without ".db", DATE "YYYY-MM-DD" of @day. */
char             *tandem_backup_get_daily_name (const char                *db_path,
                                                GDateTime                 *day);
/* The daily backups of that database in @folder, newest first (only
 * files whose names match; nothing else in the folder counts). */
GPtrArray        *tandem_backup_list_daily     (const char                *folder,
                                                const char                *db_path);
/* Deletes all but the newest @keep of them; nothing else is touched. */
gboolean          tandem_backup_prune          (const char                *folder,
                                                const char                *db_path,
                                                guint                      keep,
                                                GError                   **error);
/* $XDG_DATA_HOME/tandem/backups */
char             *tandem_backup_get_default_folder (void);

G_END_DECLS
