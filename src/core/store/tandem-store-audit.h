/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-store.h"
#include "tandem-audit-entry.h"

G_BEGIN_DECLS

/* The audit trail: who created, changed, changed the visibility of,
 * exported, deleted, restored or purged what, and when. The database
 * writes it itself for every change (schema 0011-audit.sql); nothing can
 * change or remove an entry. Exports are not changes, so the code that
 * writes an export says so with tandem_store_audit_export (). */

/* What an administrator reads: entries at or after @from and before
 * @until (Unix times; 0 for no limit), by one user (@user_id, 0 for
 * anyone), of one action (TANDEM_AUDIT_ANY for all) and one kind
 * (@kind, 0 for all: a TandemKind or a TandemAuditKind). */
typedef struct
{
  gint64            from;
  gint64            until;
  gint64            user_id;
  TandemAuditAction action;
  int               kind;
} TandemAuditFilter;

/* Records that the signed-in user exported @kind @id (0 and 0 for
 * something that is not one record, e.g. labels for a list), as @what:
 * "CSV", "PDF", "labels", "print" or "document". Any signed-in user's
 * export is recorded; the entry holds no content of what was exported. */
gboolean     tandem_store_audit_export  (TandemStore              *self,
                                         int                       kind,
                                         gint64                    id,
                                         const char               *what,
                                         GError                  **error);

/* The entries @filter lets through, newest first, at most @limit of them
 * after the entry @after (NULL for the first page: pass the last entry of
 * the page before to read the next). Administrators only: anyone else
 * gets TANDEM_ERROR_PERMISSION. The title of an entry's record is read
 * through the visibility rule for the administrator reading (who gets no
 * exception, SPEC E): NULL when they may not see it, or it is gone. */
GPtrArray   *tandem_store_list_audit    (TandemStore              *self,
                                         const TandemAuditFilter  *filter,
                                         TandemAuditEntry         *after,
                                         guint                     limit,
                                         GError                  **error);

G_END_DECLS
