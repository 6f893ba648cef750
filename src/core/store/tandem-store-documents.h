/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-store.h"
#include "tandem-document.h"
#include "tandem-document-version.h"

G_BEGIN_DECLS

/* Documents (SPEC G1, G2) are kept inside the database, every version
 * with its SHA-256, so that a backup of the database holds them all. A
 * document is on one company, person, project (delivery or sales) or
 * activity, and is seen by whoever may see that record and its own
 * visibility (E1), decided by the one rule of the store: a document on an
 * activity only while the user may see the activity; one restricted to
 * the project team (TANDEM_VISIBILITY_TEAM) only on a project. A
 * document the user may not see is "not found" by every function here.
 *
 * Deleting, restoring and purging go through tandem_store_delete (),
 * tandem_store_restore () and tandem_store_purge_deleted () with
 * TANDEM_KIND_DOCUMENT; the author or an administrator may delete one.
 * Changes are announced by the store's "changed" signal with
 * TANDEM_KIND_DOCUMENT and the document's id. */

/* The largest file Tandem keeps: 256 MiB. A larger one is refused with
 * TANDEM_ERROR_INVALID and a message naming the limit. */
#define TANDEM_DOCUMENT_MAX_SIZE ((gint64) 256 * 1024 * 1024)

/* Adds a document to the record (@parent_kind: TANDEM_KIND_COMPANY,
 * _PERSON, _PROJECT or _ACTIVITY) from a file: @file_name (its folder is
 * dropped), @content_type (a MIME type; NULL guesses it from the name and
 * content) and its bytes. @title NULL or blank takes the file name.
 * @group_ids are the chosen groups for TANDEM_VISIBILITY_GROUPS (at least
 * one), ignored otherwise. An e-mail (message/rfc822 or a name ending in
 * .eml) has its Subject, From and Date read; a header that cannot be read
 * never fails the add. Returns the new document's id, or 0 with @error
 * set (TANDEM_ERROR_NOT_FOUND for a parent the user may not see) and
 * nothing saved. */
gint64          tandem_store_add_document          (TandemStore               *self,
                                                    TandemKind                 parent_kind,
                                                    gint64                     parent_id,
                                                    const char                *file_name,
                                                    const char                *content_type,
                                                    GBytes                    *data,
                                                    const char                *title,
                                                    TandemVisibility           visibility,
                                                    const gint64              *group_ids,
                                                    guint                      n_groups,
                                                    GError                   **error);

/* Adds a new version of a visible document from another file; it becomes
 * the current one, the earlier ones are kept. @comment may be NULL.
 * Returns the new version's number, or 0 with @error set. */
guint           tandem_store_add_document_version  (TandemStore               *self,
                                                    gint64                     document_id,
                                                    const char                *file_name,
                                                    const char                *content_type,
                                                    GBytes                    *data,
                                                    const char                *comment,
                                                    GError                   **error);

/* Saves a changed title, visibility and chosen groups of a document read
 * from the store (the rest is not changed here). Only the author or an
 * administrator may change who sees it; the change is recorded (E2, see
 * tandem_store_list_visibility_changes () with TANDEM_KIND_DOCUMENT). */
gboolean        tandem_store_update_document       (TandemStore               *self,
                                                    TandemDocument            *document,
                                                    GError                   **error);

TandemDocument *tandem_store_get_document          (TandemStore               *self,
                                                    gint64                     id,
                                                    GError                   **error);

/* The documents on one record, newest first (by updated_at: when the
 * newest version was added, or the title or visibility last changed). A
 * project's list holds those on the project itself, not those on its
 * activities. */
GPtrArray      *tandem_store_list_documents_of     (TandemStore               *self,
                                                    TandemKind                 parent_kind,
                                                    gint64                     parent_id,
                                                    GError                   **error);

/* The Documents page: every document the user may see, newest first (as
 * above), narrowed by a filter. All fields may be left zero / NULL; a
 * NULL filter lists them all. */
typedef struct
{
  /* Words found in the title, file name, e-mail subject or sender,
   * without regard to case or accents (tandem_fold) */
  const char *text;
  /* TANDEM_KIND_NONE for all, else only documents on this kind of record */
  TandemKind  parent_kind;
  /* With parent_kind TANDEM_KIND_PROJECT: only those on sales projects */
  gboolean    only_sales;
  /* Only documents the user added */
  gboolean    only_mine;
  /* Only e-mails */
  gboolean    only_email;
  /* "YYYY-MM-DD" (or as tandem_date_parse () reads it), inclusive, in
   * UTC days, by when the document was added (created_at); NULL for no
   * bound. A text that is not a date is TANDEM_ERROR_INVALID. */
  const char *added_from;
  const char *added_to;
  /* Paging: skip @offset rows, return at most @limit (0: all) */
  guint       offset;
  guint       limit;
} TandemDocumentFilter;

GPtrArray      *tandem_store_list_documents        (TandemStore               *self,
                                                    const TandemDocumentFilter *filter,
                                                    GError                   **error);
/* How many the filter finds (offset and limit ignored), for a paged list. */
guint           tandem_store_count_documents       (TandemStore               *self,
                                                    const TandemDocumentFilter *filter,
                                                    GError                   **error);

/* Every version of a visible document, newest first
 * (TandemDocumentVersion). */
GPtrArray      *tandem_store_list_document_versions (TandemStore              *self,
                                                    gint64                     document_id,
                                                    GError                   **error);

/* The content of version @version (0: the current one) of a visible
 * document, checked against its SHA-256. Content that does not match is
 * never returned: TANDEM_ERROR_DAMAGED with a message saying the document
 * is damaged and will not be opened. @out_version, when not NULL, gets
 * the version read (for its file name and type). */
GBytes         *tandem_store_read_document         (TandemStore               *self,
                                                    gint64                     document_id,
                                                    guint                      version,
                                                    TandemDocumentVersion    **out_version,
                                                    GError                   **error);

G_END_DECLS
