/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_TO_COMPLETE_PAGE (tandem_to_complete_page_get_type ())

/* The To complete list (SPEC D13): the signed-in user's activities marked
 * "needs completing later". It follows the store's "changed" signal.
 *
 * Signals:
 *  "open-activity" (gint64 activity_id, gint64 recurrence_id): a row was
 *    activated (@recurrence_id is always 0 here).
 *  "plan-activity" (gint kind, gint64 id, GDateTime *start): not emitted
 *    by this page; declared so that every activity list has the same two. */
G_DECLARE_FINAL_TYPE (TandemToCompletePage, tandem_to_complete_page, TANDEM, TO_COMPLETE_PAGE, AdwBin)

GtkWidget   *tandem_to_complete_page_new       (TandemStore          *store);
TandemStore *tandem_to_complete_page_get_store (TandemToCompletePage *self);
void         tandem_to_complete_page_reload    (TandemToCompletePage *self);
/* The number of activities listed. */
guint        tandem_to_complete_page_get_n_items (TandemToCompletePage *self);

G_END_DECLS
