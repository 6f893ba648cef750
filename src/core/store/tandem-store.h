/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tandem-choice.h"
#include "tandem-company.h"
#include "tandem-field.h"
#include "tandem-note.h"
#include "tandem-person.h"
#include "tandem-search-hit.h"
#include "tandem-user.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_STORE (tandem_store_get_type ())

/* The store is the only way in and out of the database. Every read goes
 * through the one visibility rule (SPEC E) for the signed-in user, who is
 * part of the store: a store with nobody signed in returns nothing.
 * SQLite is the first backend; the functions below are the interface the
 * rest of Tandem calls, so that a PostgreSQL backend can follow (SPEC M6). */
G_DECLARE_FINAL_TYPE (TandemStore, tandem_store, TANDEM, STORE, GObject)

/* The version of the newest schema this build knows. */
guint         tandem_store_get_schema_version  (void);
char         *tandem_store_get_default_path    (void);

TandemStore  *tandem_store_open                (const char          *path,
                                                GError             **error);
/* A second connection to the same database for the same user, for work on
 * another thread (import, reports, benchmarks). */
TandemStore  *tandem_store_open_worker         (TandemStore         *self,
                                                GError             **error);
const char   *tandem_store_get_path            (TandemStore         *self);

gboolean      tandem_store_begin               (TandemStore         *self,
                                                GError             **error);
gboolean      tandem_store_commit              (TandemStore         *self,
                                                GError             **error);
void          tandem_store_rollback            (TandemStore         *self);

/* Sign-in (SPEC A1, A3, A5) */
gboolean      tandem_store_needs_first_admin   (TandemStore         *self);
TandemUser   *tandem_store_create_first_admin  (TandemStore         *self,
                                                const char          *login,
                                                const char          *name,
                                                const char          *password,
                                                GError             **error);
gboolean      tandem_store_sign_in             (TandemStore         *self,
                                                const char          *login,
                                                const char          *password,
                                                GError             **error);
void          tandem_store_sign_out            (TandemStore         *self);
TandemUser   *tandem_store_get_user            (TandemStore         *self);

/* Users and groups (SPEC A4, L1); changes need an administrator. */
GPtrArray    *tandem_store_list_users          (TandemStore         *self,
                                                GError             **error);
TandemUser   *tandem_store_add_user            (TandemStore         *self,
                                                const char          *login,
                                                const char          *name,
                                                const char          *password,
                                                TandemRole           role,
                                                const char * const  *groups,
                                                GError             **error);
gboolean      tandem_store_update_user         (TandemStore         *self,
                                                TandemUser          *user,
                                                GError             **error);
gboolean      tandem_store_set_password        (TandemStore         *self,
                                                const char          *login,
                                                const char          *password,
                                                GError             **error);
/* The signed-in user's own password; @current must be right. */
gboolean      tandem_store_change_own_password (TandemStore         *self,
                                                const char          *current,
                                                const char          *new_password,
                                                GError             **error);
GPtrArray    *tandem_store_list_groups         (TandemStore         *self,
                                                GError             **error);
gint64        tandem_store_add_group           (TandemStore         *self,
                                                const char          *name,
                                                GError             **error);
gboolean      tandem_store_rename_group        (TandemStore         *self,
                                                gint64               id,
                                                const char          *name,
                                                GError             **error);
gboolean      tandem_store_delete_group        (TandemStore         *self,
                                                gint64               id,
                                                GError             **error);

/* Partner roles (SPEC B3) */
GPtrArray    *tandem_store_list_partner_roles  (TandemStore         *self,
                                                GError             **error);
gint64        tandem_store_add_partner_role    (TandemStore         *self,
                                                const char          *name,
                                                GError             **error);
gboolean      tandem_store_rename_partner_role (TandemStore         *self,
                                                gint64               id,
                                                const char          *name,
                                                GError             **error);
gboolean      tandem_store_delete_partner_role (TandemStore         *self,
                                                gint64               id,
                                                GError             **error);

/* Classification and additional fields (SPEC B4, B5, C2) */
GPtrArray    *tandem_store_list_fields         (TandemStore         *self,
                                                TandemKind           entity,
                                                GError             **error);
TandemField  *tandem_store_find_field          (TandemStore         *self,
                                                TandemKind           entity,
                                                const char          *name,
                                                GError             **error);
gint64        tandem_store_add_field           (TandemStore         *self,
                                                TandemField         *field,
                                                GError             **error);
gboolean      tandem_store_update_field        (TandemStore         *self,
                                                TandemField         *field,
                                                GError             **error);
gboolean      tandem_store_delete_field        (TandemStore         *self,
                                                gint64               id,
                                                GError             **error);

/* Companies, people, notes. save: insert when the id is 0, else update;
 * returns the id, or 0 with @error set and nothing changed. */
gint64        tandem_store_save_company        (TandemStore         *self,
                                                TandemCompany       *company,
                                                GError             **error);
TandemCompany *tandem_store_get_company        (TandemStore         *self,
                                                gint64               id,
                                                GError             **error);
gint64        tandem_store_save_person         (TandemStore         *self,
                                                TandemPerson        *person,
                                                GError             **error);
TandemPerson *tandem_store_get_person          (TandemStore         *self,
                                                gint64               id,
                                                GError             **error);
GPtrArray    *tandem_store_list_people_of      (TandemStore         *self,
                                                gint64               company_id,
                                                GError             **error);
gint64        tandem_store_save_note           (TandemStore         *self,
                                                TandemNote          *note,
                                                GError             **error);
TandemNote   *tandem_store_get_note            (TandemStore         *self,
                                                gint64               id,
                                                GError             **error);
GPtrArray    *tandem_store_list_notes          (TandemStore         *self,
                                                TandemKind           parent_kind,
                                                gint64               parent_id,
                                                GError             **error);

/* Delete moves a record out of sight at once; restore brings it back (the
 * Undo of the toast); purge removes what was deleted for good. */
gboolean      tandem_store_delete              (TandemStore         *self,
                                                TandemKind           kind,
                                                gint64               id,
                                                GError             **error);
gboolean      tandem_store_restore             (TandemStore         *self,
                                                TandemKind           kind,
                                                gint64               id,
                                                GError             **error);
gboolean      tandem_store_purge_deleted       (TandemStore         *self,
                                                GError             **error);

/* Registers in name order, a page at a time: records whose (name, id)
 * comes at or after (@after_name, @after_id), skipping @skip of them. */
guint         tandem_store_count               (TandemStore         *self,
                                                TandemKind           kind,
                                                GError             **error);
GPtrArray    *tandem_store_list_page           (TandemStore         *self,
                                                TandemKind           kind,
                                                const char          *after_name,
                                                gint64               after_id,
                                                guint                skip,
                                                guint                limit,
                                                GError             **error);

/* Search (SPEC K1): what the user typed is text, never query syntax. */
GPtrArray    *tandem_store_search              (TandemStore         *self,
                                                const char          *text,
                                                guint                limit,
                                                GError             **error);
char         *tandem_store_build_match_query   (const char          *text);

G_END_DECLS

#include "tandem-store-activities.h"
#include "tandem-store-projects.h"
#include "tandem-store-groups.h"
#include "tandem-store-campaigns.h"
#include "tandem-store-labels.h"
#include "tandem-store-audit.h"
#include "tandem-store-backup.h"
#include "tandem-store-second-factor.h"
#include "tandem-store-documents.h"
