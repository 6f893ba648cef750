/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_RECORD_LIST (tandem_record_list_get_type ())

/* A register (companies or people) in name order as a GListModel that
 * fetches pages from the store as they are asked for and keeps only a few
 * of them: the whole table is never in memory. */
G_DECLARE_FINAL_TYPE (TandemRecordList, tandem_record_list, TANDEM, RECORD_LIST, GObject)

TandemRecordList *tandem_record_list_new          (TandemStore      *store,
                                                   TandemKind        kind);
TandemKind        tandem_record_list_get_kind     (TandemRecordList *self);
/* Re-reads the count and drops cached pages. */
void              tandem_record_list_reload       (TandemRecordList *self);
/* The position of a record, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint             tandem_record_list_find         (TandemRecordList *self,
                                                   gint64            id);

G_END_DECLS
