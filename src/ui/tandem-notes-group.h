/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_NOTES_GROUP (tandem_notes_group_get_type ())

/* The notes on a company, person or project that the signed-in user may
 * see (SPEC F1, E1), newest first, with an "Add Note…" button. Activating
 * a note opens it through the window's "win.edit-note" action. */
G_DECLARE_FINAL_TYPE (TandemNotesGroup, tandem_notes_group, TANDEM, NOTES_GROUP, AdwPreferencesGroup)

void  tandem_notes_group_set_parent (TandemNotesGroup *self,
                                     TandemStore      *store,
                                     TandemKind        parent_kind,
                                     gint64            parent_id);
void  tandem_notes_group_reload     (TandemNotesGroup *self);
/* The number of notes shown. */
guint tandem_notes_group_get_n_notes (TandemNotesGroup *self);

G_END_DECLS
