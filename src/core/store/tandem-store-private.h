/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "tandem-error.h"
#include "tandem-store.h"

G_BEGIN_DECLS

struct _TandemStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  TandemUser  *user;
  GHashTable  *statements;   /* SQL text → sqlite3_stmt */
  guint        depth;        /* nested savepoints */
};

/* Returns a prepared statement from the cache, reset and with its
 * bindings cleared; owned by the store. */
sqlite3_stmt *tandem_store_prepare       (TandemStore   *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      tandem_store_exec          (TandemStore   *self,
                                          const char    *sql,
                                          GError       **error);
/* Steps a statement that returns no rows. */
gboolean      tandem_store_step_done     (TandemStore   *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
gboolean      tandem_store_set_db_error  (TandemStore   *self,
                                          GError       **error);
/* Makes one item of a row of a statement being stepped. */
typedef gpointer (*TandemRowLoader) (TandemStore  *self,
                                     sqlite3_stmt *stmt);
/* Steps @stmt (prepared and bound) to its end and returns an item per row,
 * in an array that frees them with @free_func; NULL with @error set when
 * SQLite fails. The statement is reset either way. */
GPtrArray    *tandem_store_collect       (TandemStore     *self,
                                          sqlite3_stmt    *stmt,
                                          TandemRowLoader  load,
                                          GDestroyNotify   free_func,
                                          GError         **error);
/* Reads the one row of @sql (prepared, its ?1 bound to @id) for the
 * signed-in user; NULL with TANDEM_ERROR_NOT_FOUND and @not_found (a
 * translated format taking the id as %lld) when there is none. */
gpointer      tandem_store_get_one       (TandemStore     *self,
                                          const char      *sql,
                                          gint64           id,
                                          TandemRowLoader  load,
                                          const char      *not_found,
                                          GError         **error);
gboolean      tandem_store_require_user  (TandemStore   *self,
                                          GError       **error);
gboolean      tandem_store_require_admin (TandemStore   *self,
                                          GError       **error);
void          tandem_store_emit_changed  (TandemStore   *self,
                                          TandemKind     kind,
                                          gint64         id);
void          tandem_store_bind_text     (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *text);
const char   *tandem_store_column_text   (sqlite3_stmt  *stmt,
                                          int            column);

/* tandem-store-visibility.c: the one visibility rule (SPEC E). */
gboolean      tandem_store_visibility_install (TandemStore  *self,
                                               GError      **error);
gboolean      tandem_store_visibility_set_user (TandemStore *self,
                                                gint64       user_id,
                                                GError     **error);

/* tandem-store-search.c */
/* The search's order, an FTS5 function every connection has */
gboolean      tandem_store_register_search_rank (sqlite3   *db,
                                                 GError   **error);
gboolean      tandem_store_index_record  (TandemStore   *self,
                                          TandemKind     kind,
                                          gint64         id,
                                          GError       **error);
gboolean      tandem_store_unindex_record (TandemStore  *self,
                                           TandemKind    kind,
                                           gint64        id,
                                           GError      **error);
gboolean      tandem_store_reindex_all   (TandemStore   *self,
                                          TandemKind     kind,
                                          GError       **error);

/* Activities (tandem-store-activities.c). Times in the activities tables
 * are ISO 8601 UTC text, "2026-11-23T08:15:00Z"; these convert. */
char         *tandem_store_unix_to_utc   (gint64         unix_time);
gint64        tandem_store_utc_to_unix   (const char    *utc);
/* A tracking number for a new activity, "2026-00042" (D14). */
char         *tandem_store_next_tracking (TandemStore   *self,
                                          GError       **error);
/* Rebuilds the search rows of the activities of a company or person,
 * which are found by its name. */
gboolean      tandem_store_reindex_activities_of (TandemStore *self,
                                                  TandemKind   kind,
                                                  gint64       id,
                                                  GError     **error);

/* tandem-store-projects.c: records a change of who sees a note, activity,
 * project or task (SPEC E2) with the names its groups have at the time;
 * nothing when neither the visibility nor the chosen groups changed. */
gboolean      tandem_store_record_visibility_change (TandemStore      *self,
                                                     TandemKind        kind,
                                                     gint64            id,
                                                     TandemVisibility  old_visibility,
                                                     const gint64     *old_groups,
                                                     guint             n_old,
                                                     TandemVisibility  new_visibility,
                                                     const gint64     *new_groups,
                                                     guint             n_new,
                                                     GError          **error);
/* Rebuilds the search rows of a company's projects, which are found by
 * its name. */
gboolean      tandem_store_reindex_projects_of (TandemStore   *self,
                                                gint64         company_id,
                                                GError       **error);

/* tandem-store-calendar.c: refuses @activity (about to be saved) with
 * TANDEM_ERROR_CONFLICT when it is busy, not cancelled, and overlaps a
 * busy, not cancelled activity or occurrence of one of its performers
 * (SPEC D5). The other activity is read from visible_activities for its
 * title, and from masked_busy_activities (time only) otherwise. */
gboolean      tandem_store_check_busy_conflicts (TandemStore     *self,
                                                 TandemActivity  *activity,
                                                 GError         **error);

/* tandem-store-campaigns.c: the id of the campaign of this name (added
 * when there is none), 0 for no name, -1 with @error set on failure. */
gint64        tandem_store_campaign_id_for_name (TandemStore  *self,
                                                 const char   *name,
                                                 GError      **error);
/* The saved search that is a campaign's target list, or NULL with @error
 * (TANDEM_ERROR_INVALID when it has none the user may see). */
TandemSavedSearch *tandem_store_campaign_target_search (TandemStore *self,
                                                        gint64       id,
                                                        GError     **error);
/* tandem-store-projects.c: rebuilds the search rows of a campaign's
 * projects, which are found by its name. */
gboolean      tandem_store_reindex_projects_of_campaign (TandemStore *self,
                                                         gint64       campaign_id,
                                                         GError     **error);

/* tandem-store-documents.c: reads the Subject, From and Date of e-mails
 * that came in without them (files of activities before schema 9). */
gboolean      tandem_store_read_pending_email_headers (TandemStore  *self,
                                                       GError      **error);

/* tandem-store-groups.c: SQL functions every connection has
 * (tandem_fold). */
gboolean      tandem_store_register_functions (sqlite3     *db,
                                               GError     **error);
/* tandem-store-audit.c: tandem_session_user () and
 * tandem_session_user_name (), who is signed in on this connection, for
 * the audit trail's triggers. */
gboolean      tandem_store_audit_register_functions (TandemStore  *self,
                                                     GError      **error);

/* tandem-store-second-factor.c: TRUE when the user with the right
 * password may sign in: no second factor, or @code is right (SPEC A2).
 * Else TANDEM_ERROR_CODE_NEEDED without a code, TANDEM_ERROR_AUTH for a
 * wrong one. */
gboolean      tandem_store_second_factor_check (TandemStore  *self,
                                                gint64        user_id,
                                                const char   *code,
                                                GError      **error);

G_END_DECLS
