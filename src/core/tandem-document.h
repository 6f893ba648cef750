/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-record.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DOCUMENT (tandem_document_get_type ())

/* A document (SPEC G1, G2): a file kept in the database on a company,
 * person, project (or sales project) or activity, with its versions. The
 * fields below describe the current (newest) version; its visibility is
 * chosen as a note's (SPEC E1) and kept for its whole life (E2).
 *
 * A document read from the store is a snapshot: edit a copy
 * (tandem_document_copy) and hand it to tandem_store_update_document ()
 * to change its title, visibility or groups. */
G_DECLARE_FINAL_TYPE (TandemDocument, tandem_document, TANDEM, DOCUMENT, TandemRecord)

TandemDocument   *tandem_document_new               (TandemKind        parent_kind,
                                                     gint64            parent_id,
                                                     const char       *title);
TandemDocument   *tandem_document_copy              (TandemDocument   *self);

/* The record it is on: TANDEM_KIND_COMPANY, _PERSON, _PROJECT (delivery or
 * sales project) or _ACTIVITY. */
TandemKind        tandem_document_get_parent_kind   (TandemDocument   *self);
gint64            tandem_document_get_parent_id     (TandemDocument   *self);
void              tandem_document_set_parent        (TandemDocument   *self,
                                                     TandemKind        parent_kind,
                                                     gint64            parent_id);
/* The name of the record it is on (a project's, an activity's title);
 * NULL when not loaded from the store. */
const char       *tandem_document_get_parent_name   (TandemDocument   *self);
/* TRUE when the parent is a sales project (SPEC H1). */
gboolean          tandem_document_get_parent_is_sale (TandemDocument  *self);

/* What lists show: the title someone gave it, else an e-mail's subject,
 * else the file name.
 * tandem_record_get_title () returns the same. */
const char       *tandem_document_get_title         (TandemDocument   *self);
void              tandem_document_set_title         (TandemDocument   *self,
                                                     const char       *title);

/* The current version's file name (no folder), MIME type, size in bytes
 * and SHA-256 (64 lower-case hex digits). */
const char       *tandem_document_get_file_name     (TandemDocument   *self);
const char       *tandem_document_get_content_type  (TandemDocument   *self);
gint64            tandem_document_get_size          (TandemDocument   *self);
const char       *tandem_document_get_sha256        (TandemDocument   *self);
/* The number of the current version: 1 for a document never replaced. */
guint             tandem_document_get_version_count (TandemDocument   *self);

TandemVisibility  tandem_document_get_visibility    (TandemDocument   *self);
void              tandem_document_set_visibility    (TandemDocument   *self,
                                                     TandemVisibility  visibility);
/* The chosen groups, in id order, for TANDEM_VISIBILITY_GROUPS. */
const gint64     *tandem_document_get_group_ids     (TandemDocument   *self,
                                                     guint            *n_groups);
void              tandem_document_set_group_ids     (TandemDocument   *self,
                                                     const gint64     *group_ids,
                                                     guint             n_groups);

/* Who added it (the first version) */
gint64            tandem_document_get_author_id     (TandemDocument   *self);
const char       *tandem_document_get_author_name   (TandemDocument   *self);
/* ISO 8601 UTC, "2026-11-23T08:15:00Z": when it was added, and when its
 * newest version was added or its title or visibility last changed. */
const char       *tandem_document_get_created_at    (TandemDocument   *self);
const char       *tandem_document_get_updated_at    (TandemDocument   *self);

/* An e-mail (.eml, message/rfc822) shows its Subject, From and Date
 * headers, decoded (RFC 2047); each NULL when the message lacks it or it
 * could not be read. The date is ISO 8601 UTC. */
gboolean          tandem_document_get_is_email      (TandemDocument   *self);
const char       *tandem_document_get_email_subject (TandemDocument   *self);
const char       *tandem_document_get_email_sender  (TandemDocument   *self);
const char       *tandem_document_get_email_date    (TandemDocument   *self);

/* Used by the store when it loads a document. */
void              tandem_document_set_loaded        (TandemDocument   *self,
                                                     const char       *parent_name,
                                                     gboolean          parent_is_sale,
                                                     const char       *file_name,
                                                     const char       *content_type,
                                                     gint64            size,
                                                     const char       *sha256,
                                                     guint             version_count,
                                                     gint64            author_id,
                                                     const char       *author_name,
                                                     const char       *created_at,
                                                     const char       *updated_at);
void              tandem_document_set_email         (TandemDocument   *self,
                                                     gboolean          is_email,
                                                     const char       *subject,
                                                     const char       *sender,
                                                     const char       *date);

G_END_DECLS
