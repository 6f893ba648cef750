/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_WINDOW (tandem_window_get_type ())

/* The main window for a signed-in user: pages in a sidebar (activity
 * pages, and the registers with a list and the card of the chosen record;
 * SPEC B, C, D, F, K1). */
G_DECLARE_FINAL_TYPE (TandemWindow, tandem_window, TANDEM, WINDOW, AdwApplicationWindow)

TandemWindow *tandem_window_new           (GtkApplication *application,
                                           TandemStore    *store);
/* Opens a record's card, asking first when the card shown has unsaved
 * changes; with @note_id also opens that note of the record. */
void          tandem_window_open_record   (TandemWindow   *self,
                                           TandemKind      kind,
                                           gint64          id,
                                           gint64          note_id);
void          tandem_window_show_register (TandemWindow   *self,
                                           TandemKind      kind);
void          tandem_window_add_toast     (TandemWindow   *self,
                                           AdwToast       *toast);

/* Activity pages: "start", "day-plan", "calendar", "to-complete",
 * "seller"; the registers "companies" and "people"; the group screen
 * "groups"; the sales pages
 * "pipeline", "projects" and "reports". */
void          tandem_window_show_page     (TandemWindow   *self,
                                           const char     *name);
/* "records" for the registers. */
const char   *tandem_window_get_visible_page (TandemWindow *self);
/* Opens the activity card in a window of its own; with @recurrence_id,
 * one occurrence of a recurring activity. */
void          tandem_window_open_activity (TandemWindow   *self,
                                           gint64          activity_id,
                                           gint64          recurrence_id);
/* A new activity linked to a company or person (or nothing), at @start
 * or the next full hour. */
void          tandem_window_plan_activity (TandemWindow   *self,
                                           TandemKind      kind,
                                           gint64          id,
                                           GDateTime      *start);
/* Opens the project card in a window of its own, or says in a toast
 * that there is no such project. */
void          tandem_window_open_project  (TandemWindow   *self,
                                           gint64          project_id);
/* Reads the notification list again (after reminders came due). */
void          tandem_window_reload_notifications (TandemWindow *self);

G_END_DECLS
