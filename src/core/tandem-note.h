/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-record.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_NOTE (tandem_note_get_type ())

G_DECLARE_FINAL_TYPE (TandemNote, tandem_note, TANDEM, NOTE, TandemRecord)

TandemNote       *tandem_note_new             (TandemKind        parent_kind,
                                               gint64            parent_id,
                                               const char       *body);
TandemNote       *tandem_note_copy            (TandemNote       *self);
TandemKind        tandem_note_get_parent_kind (TandemNote       *self);
gint64            tandem_note_get_parent_id   (TandemNote       *self);
void              tandem_note_set_parent      (TandemNote       *self,
                                               TandemKind        parent_kind,
                                               gint64            parent_id);
const char       *tandem_note_get_parent_name (TandemNote       *self);
const char       *tandem_note_get_body        (TandemNote       *self);
void              tandem_note_set_body        (TandemNote       *self,
                                               const char       *body);
const char       *tandem_note_get_due         (TandemNote       *self);
void              tandem_note_set_due         (TandemNote       *self,
                                               const char       *due);
TandemVisibility  tandem_note_get_visibility  (TandemNote       *self);
void              tandem_note_set_visibility  (TandemNote       *self,
                                               TandemVisibility  visibility);
const gint64     *tandem_note_get_group_ids   (TandemNote       *self,
                                               guint            *n_groups);
void              tandem_note_set_group_ids   (TandemNote       *self,
                                               const gint64     *group_ids,
                                               guint             n_groups);
gint64            tandem_note_get_author_id   (TandemNote       *self);
const char       *tandem_note_get_author_name (TandemNote       *self);
const char       *tandem_note_get_updated_at  (TandemNote       *self);

/* Used by the store when it loads a note. */
void              tandem_note_set_loaded      (TandemNote       *self,
                                               const char       *parent_name,
                                               gint64            author_id,
                                               const char       *author_name,
                                               const char       *updated_at);

G_END_DECLS
