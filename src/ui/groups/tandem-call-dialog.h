/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CALL_DIALOG (tandem_call_dialog_get_type ())

/* Records a call to a company or person of the group screen (SPEC I2) in
 * one step: a completed activity on the contact (title, category, outcome
 * and notes) and, when a group is chosen under "Move to Group", the move
 * out of one of its groups into that one. The title starts as "Call", the
 * category as the shipped phone call category, or what was chosen last.
 * Enter in the title, Ctrl+Enter or Ctrl+S saves, Escape cancels; what the
 * store refuses is shown in the dialog and nothing typed is lost.
 *
 * Signals:
 *  "recorded" (gint64 activity_id, gint64 category_id, gint64 to_group):
 *    the call was saved (and the contact moved to @to_group, 0 for none);
 *    the dialog then closes. */
G_DECLARE_FINAL_TYPE (TandemCallDialog, tandem_call_dialog, TANDEM, CALL_DIALOG, AdwWindow)

/* @included: the groups the screen shows, whose first one the contact is
 * in is offered to move from; @category_id, @to_group: the choices to
 * start with (0: the phone call category, and no move). */
TandemCallDialog *tandem_call_dialog_new (GtkWindow     *parent,
                                          TandemStore   *store,
                                          TandemContact *contact,
                                          const gint64  *included,
                                          guint          n_included,
                                          gint64         category_id,
                                          gint64         to_group);

G_END_DECLS
