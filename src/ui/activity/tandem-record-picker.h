/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_RECORD_PICKER (tandem_record_picker_get_type ())

/* The "Linked to" row of the activity card (SPEC D2): shows the company
 * or person chosen, or nothing, and finds another as the user types
 * (through the store's search, so only what the user may see). "changed"
 * is emitted when the user picks or removes one. */
G_DECLARE_FINAL_TYPE (TandemRecordPicker, tandem_record_picker, TANDEM, RECORD_PICKER, AdwActionRow)

GtkWidget   *tandem_record_picker_new        (void);
void         tandem_record_picker_set_store  (TandemRecordPicker *self,
                                              TandemStore        *store);
/* Shows @kind/@id (TANDEM_KIND_NONE for nothing) without emitting "changed". */
void         tandem_record_picker_set_record (TandemRecordPicker *self,
                                              TandemKind          kind,
                                              gint64              id,
                                              const char         *name);
/* As a pick by the user: sets and emits "changed". */
void         tandem_record_picker_choose     (TandemRecordPicker *self,
                                              TandemKind          kind,
                                              gint64              id,
                                              const char         *name);
TandemKind   tandem_record_picker_get_kind   (TandemRecordPicker *self);
gint64       tandem_record_picker_get_id     (TandemRecordPicker *self);
GtkEditable *tandem_record_picker_get_search_entry (TandemRecordPicker *self);
/* The rows the last search found, for the tests. */
guint        tandem_record_picker_get_n_results (TandemRecordPicker *self);

G_END_DECLS
