/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_ACTIVITY_WINDOW (tandem_activity_window_get_type ())

/* The activity card (SPEC D1–D15): a window of its own, like GNOME
 * Calendar's event editor, editing a copy of the activity and saving it
 * through the store. Several can be open at once.
 *
 * Signals:
 *  - "saved" (gint64 id): after every successful save.
 *  - "deleted" (gint64 id): the activity was deleted and the card is
 *    closing. A handler offers the Undo (tandem_store_restore); without
 *    one, the card puts an Undo toast on its parent window's
 *    AdwToastOverlay, if the parent has one. */
G_DECLARE_FINAL_TYPE (TandemActivityWindow, tandem_activity_window, TANDEM, ACTIVITY_WINDOW, AdwWindow)

/* Opens a saved activity; with @recurrence_id ≠ 0, that occurrence of a
 * recurring one (changes then ask: this, this and following, or all). */
TandemActivityWindow *tandem_activity_window_new_for_activity (GtkWindow      *parent,
                                                               TandemStore    *store,
                                                               gint64          activity_id,
                                                               gint64          recurrence_id,
                                                               GError        **error);
/* A new activity linked to a company, person or project (@kind/@id, or
 * TANDEM_KIND_NONE/0 for nothing; a project brings its company),
 * starting at @start for @duration (NULL @start: the next full hour, one
 * hour), performed by the signed-in user. A @start in the past makes it
 * a record of something done: it is saved as completed unless the user
 * picks cancelled (D16). */
TandemActivityWindow *tandem_activity_window_new_planned      (GtkWindow      *parent,
                                                               TandemStore    *store,
                                                               TandemKind      kind,
                                                               gint64          id,
                                                               GDateTime      *start,
                                                               GTimeSpan       duration);
/* The same, performed by @performer_id (0: the signed-in user), as when
 * planning in a colleague's calendar column. */
TandemActivityWindow *tandem_activity_window_new_planned_for  (GtkWindow      *parent,
                                                               TandemStore    *store,
                                                               TandemKind      kind,
                                                               gint64          id,
                                                               GDateTime      *start,
                                                               GTimeSpan       duration,
                                                               gint64          performer_id);
/* Links the activity to @project_id (0: none) and to its company, as if
 * the user chose them (SPEC D2, D16). */
void                  tandem_activity_window_set_project      (TandemActivityWindow *self,
                                                               gint64          project_id);
/* Names the campaign the activity belongs to (NULL or "": none), as if
 * the user typed it (SPEC I3). */
void                  tandem_activity_window_set_campaign     (TandemActivityWindow *self,
                                                               const char     *campaign);
/* The activity being edited (the window's copy). */
TandemActivity       *tandem_activity_window_get_activity     (TandemActivityWindow *self);

G_END_DECLS
