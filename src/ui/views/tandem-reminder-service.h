/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_REMINDER_SERVICE (tandem_reminder_service_get_type ())

/* Fires the reminders of activities (SPEC D11) while the application
 * runs, also with the main window closed: once at start and then every
 * 30 seconds, while a user is signed in to the store, it asks the store
 * for the notifications that have come due and shows each new one on the
 * desktop.
 *
 * Each desktop notification has the id "activity-<activity id>-<unix
 * start of the occurrence>", the activity's title as title and when it
 * starts as body ("Today 14:00"). Its default action is
 * "app.open-activity" with the activity id as target (a gint64, "x"):
 * the application must provide that action.
 *
 * Signals:
 *  "collected" (guint n_new): after a tick that created notifications,
 *    so that a notification list can show them. */
G_DECLARE_FINAL_TYPE (TandemReminderService, tandem_reminder_service, TANDEM, REMINDER_SERVICE, GObject)

/* @application may be NULL: then the notifications only go to the list
 * (tests, the CLI). */
TandemReminderService *tandem_reminder_service_new   (GApplication          *application,
                                                      TandemStore           *store);
/* Ticks now and every 30 seconds until stopped. */
void                   tandem_reminder_service_start (TandemReminderService *self);
void                   tandem_reminder_service_stop  (TandemReminderService *self);
gboolean               tandem_reminder_service_is_running (TandemReminderService *self);
/* One tick as of @now (NULL: the current time): collects and shows the
 * notifications that have come due; returns how many were new. */
guint                  tandem_reminder_service_tick  (TandemReminderService *self,
                                                      GDateTime             *now);

G_END_DECLS
