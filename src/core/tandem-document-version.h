/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DOCUMENT_VERSION (tandem_document_version_get_type ())

/* One version of a document (SPEC G2), numbered from 1 in the order they
 * were added; the highest number is the current one. */
G_DECLARE_FINAL_TYPE (TandemDocumentVersion, tandem_document_version, TANDEM, DOCUMENT_VERSION, GObject)

TandemDocumentVersion *tandem_document_version_new (gint64      id,
                                                    gint64      document_id,
                                                    guint       number,
                                                    const char *file_name,
                                                    const char *content_type,
                                                    gint64      size,
                                                    const char *sha256,
                                                    gint64      added_by_id,
                                                    const char *added_by_name,
                                                    const char *added_at,
                                                    const char *comment);
gint64      tandem_document_version_get_id            (TandemDocumentVersion *self);
gint64      tandem_document_version_get_document_id   (TandemDocumentVersion *self);
guint       tandem_document_version_get_number        (TandemDocumentVersion *self);
/* The file name as added (no folder) */
const char *tandem_document_version_get_file_name     (TandemDocumentVersion *self);
const char *tandem_document_version_get_content_type  (TandemDocumentVersion *self);
/* Bytes */
gint64      tandem_document_version_get_size          (TandemDocumentVersion *self);
/* 64 lower-case hex digits */
const char *tandem_document_version_get_sha256        (TandemDocumentVersion *self);
gint64      tandem_document_version_get_added_by_id   (TandemDocumentVersion *self);
/* NULL when the user was removed */
const char *tandem_document_version_get_added_by_name (TandemDocumentVersion *self);
/* ISO 8601 UTC, "2026-11-23T08:15:00Z" */
const char *tandem_document_version_get_added_at      (TandemDocumentVersion *self);
/* What changed, as the one who added it wrote; NULL for none */
const char *tandem_document_version_get_comment       (TandemDocumentVersion *self);

G_END_DECLS
