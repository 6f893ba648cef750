/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_NOTIFICATIONS_POPOVER (tandem_notifications_popover_get_type ())

/* The notification list (SPEC D11), for a menu button in the header bar:
 * the signed-in user's reminders, newest first, unread ones marked.
 * Activating one marks it read and opens its activity; "Mark All Read"
 * does what it says. The "n-unread" property is for a badge on the
 * button. It reads the list again when shown, when the store changes and
 * on tandem_notifications_popover_reload() (connect the reminder
 * service's "collected" signal to it).
 *
 * Signals:
 *  "open-activity" (gint64 activity_id, gint64 recurrence_id): a
 *    notification was activated; @recurrence_id is the occurrence's start
 *    for a recurring activity, else 0.
 *  "plan-activity" (gint kind, gint64 id, GDateTime *start): not emitted
 *    here; declared so that every activity list has the same two. */
G_DECLARE_FINAL_TYPE (TandemNotificationsPopover, tandem_notifications_popover, TANDEM, NOTIFICATIONS_POPOVER, GtkPopover)

GtkWidget *tandem_notifications_popover_new         (TandemStore                *store);
void       tandem_notifications_popover_reload      (TandemNotificationsPopover *self);
guint      tandem_notifications_popover_get_n_unread (TandemNotificationsPopover *self);

G_END_DECLS
