/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-call-dialog.h"

G_BEGIN_DECLS

/* Parts of the dialog the UI tests look at. */
GtkEditable *tandem_call_dialog_get_title_entry  (TandemCallDialog *self);
GtkTextView *tandem_call_dialog_get_notes_view   (TandemCallDialog *self);
/* The chosen ids (0: none) */
gint64       tandem_call_dialog_get_category_id  (TandemCallDialog *self);
gint64       tandem_call_dialog_get_from_group   (TandemCallDialog *self);
gint64       tandem_call_dialog_get_to_group     (TandemCallDialog *self);
void         tandem_call_dialog_set_to_group     (TandemCallDialog *self,
                                                  gint64            to_group);
/* The message shown when the store refused, or NULL */
const char  *tandem_call_dialog_get_error        (TandemCallDialog *self);

G_END_DECLS
