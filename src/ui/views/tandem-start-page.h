/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_START_PAGE (tandem_start_page_get_type ())

/* The page shown after sign-in (SPEC D17): today's date, the running
 * stopwatch, the number of unread notifications, and the signed-in
 * user's open activities that have a due or follow-up date, overdue ones
 * first. It follows the store's "changed" signal.
 *
 * Signals:
 *  "open-activity" (gint64 activity_id, gint64 recurrence_id): a row was
 *    activated; @recurrence_id is 0 unless it is one occurrence of a
 *    recurring activity.
 *  "plan-activity" (gint kind, gint64 id, GDateTime *start): the user asked
 *    to plan an activity; here always TANDEM_KIND_NONE, 0 and NULL (the
 *    next full hour).
 *  "show-notifications": the unread-notifications row was activated. */
G_DECLARE_FINAL_TYPE (TandemStartPage, tandem_start_page, TANDEM, START_PAGE, AdwBin)

GtkWidget   *tandem_start_page_new          (TandemStore     *store);
TandemStore *tandem_start_page_get_store    (TandemStartPage *self);
/* Reads the lists again now (the page also does it on its own, shortly
 * after the store changes). */
void         tandem_start_page_reload       (TandemStartPage *self);

G_END_DECLS
