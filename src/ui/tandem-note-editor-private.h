/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-note-editor.h"

G_BEGIN_DECLS

/* Parts of the editor the UI tests drive. */
GtkTextBuffer *tandem_note_editor_get_buffer         (TandemNoteEditor *self);
AdwComboRow   *tandem_note_editor_get_visibility_row (TandemNoteEditor *self);
AdwEntryRow   *tandem_note_editor_get_due_row        (TandemNoteEditor *self);
/* The visibility history (E2); hidden while there is none. */
AdwExpanderRow *tandem_note_editor_get_history_row   (TandemNoteEditor *self);
/* Saves as the Save button does; FALSE when the editor stays open. */
gboolean       tandem_note_editor_save               (TandemNoteEditor *self);

G_END_DECLS
