/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

/*
 * What the user can do with a document (SPEC G1, G2, E1, E2), the same
 * from a card's Documents section and from the Documents page. @from is
 * the widget the user acted in: its window is the parent of the dialogs,
 * and its nearest AdwToastOverlay shows the messages.
 *
 * Content is always read through tandem_store_read_document (), which
 * checks it against its SHA-256: a damaged document is never opened nor
 * exported, and the user is told so.
 */

/* Adds the style of the Documents section and page to the display. */
void        tandem_document_actions_load_style          (void);
/* The icon of a content type (a MIME type), as the file manager shows it. */
GIcon      *tandem_document_actions_get_icon            (const char       *content_type);
const char *tandem_document_actions_get_visibility_icon (TandemVisibility  visibility);
/* The line under a document's title: for an e-mail its subject, sender
 * and date; for a file its name (when the title is another), size, when
 * it was added, by whom, and its number of versions. */
char       *tandem_document_actions_describe            (TandemDocument   *document);
/* "15 Dec 2026" in local time, from ISO 8601 */
char       *tandem_document_actions_format_day          (const char       *iso8601);
/* May the signed-in user change who sees @document, or delete it? Its
 * author and administrators may (SPEC E2). */
gboolean    tandem_document_actions_may_manage          (TandemStore      *store,
                                                         TandemDocument   *document);

/* The document menu: Open, Export…, Add New Version…, History,
 * Visibility…, Delete, and with @with_parent a way to the record it is
 * on. Its items are "documents.*" actions with the document's id. */
GMenuModel *tandem_document_actions_menu                (TandemStore      *store,
                                                         TandemDocument   *document,
                                                         gboolean          with_parent);

/* Installs the "documents.open", "documents.export",
 * "documents.add-version", "documents.history", "documents.visibility"
 * and "documents.delete" actions (parameter: the document's id, "x") on a
 * widget class with a "store" property. */
void        tandem_document_actions_install             (GtkWidgetClass   *widget_class);

/* Writes the checked content of version @version (0: the current one)
 * to a file only the user may read (0600) in the user's cache folder,
 * removed when the application quits, and returns its path; NULL with
 * @error set (TANDEM_ERROR_DAMAGED for damaged content) and nothing
 * written. */
char       *tandem_document_actions_write_private_copy  (TandemStore      *store,
                                                         gint64            document_id,
                                                         guint             version,
                                                         GError          **error);
/* Opens the document with the desktop's default application for its
 * type, through the portal in a sandbox. */
void        tandem_document_actions_open                (GtkWidget        *from,
                                                         TandemStore      *store,
                                                         gint64            document_id,
                                                         guint             version);
/* Asks where to save the version, then exports it. */
void        tandem_document_actions_export              (GtkWidget        *from,
                                                         TandemStore      *store,
                                                         gint64            document_id,
                                                         guint             version);
/* Writes the checked content to @file. A damaged document shows the
 * damaged message and leaves @file as it was; FALSE on any failure,
 * which the user is shown. */
gboolean    tandem_document_actions_export_to           (GtkWidget        *from,
                                                         TandemStore      *store,
                                                         gint64            document_id,
                                                         guint             version,
                                                         GFile            *file);
/* Tells the user that the document is damaged and will not be opened. */
void        tandem_document_actions_show_damaged        (GtkWidget        *from,
                                                         const char       *title);

/* Asks for the files to add to the record, then who may see them. */
void        tandem_document_actions_choose_files        (GtkWidget        *from,
                                                         TandemStore      *store,
                                                         TandemKind        parent_kind,
                                                         gint64            parent_id);
/* Asks who may see the files (@files: GFile), then adds each one. */
void        tandem_document_actions_add_files           (GtkWidget        *from,
                                                         TandemStore      *store,
                                                         TandemKind        parent_kind,
                                                         gint64            parent_id,
                                                         GSList           *files);

G_END_DECLS
