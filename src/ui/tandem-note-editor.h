/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_NOTE_EDITOR (tandem_note_editor_get_type ())

/* Writes or edits a note (SPEC F1, F2, E1, E2) in a Markdown editor, with
 * who may see it and a due date. Edits a copy; saves through the store.
 * Emits "deleted" with the note's id after the user deleted it. */
G_DECLARE_FINAL_TYPE (TandemNoteEditor, tandem_note_editor, TANDEM, NOTE_EDITOR, AdwWindow)

TandemNoteEditor *tandem_note_editor_new (GtkWindow   *parent,
                                          TandemStore *store,
                                          TandemNote  *note);

G_END_DECLS
