/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PROJECT_WINDOW (tandem_project_window_get_type ())

/* The card of a project or sales project (SPEC H1–H4, E1, E2, E4, D16,
 * F1) in a window of its own, like the activity card: the sale and where
 * it stands, the team and who sees the project, the tasks (for the team
 * only), the activities and the notes. It follows the store's "changed"
 * signal.
 *
 * Signals:
 *  - "changed": the window changed the project, its team or its tasks.
 *  - "deleted" (gint64 id): the user deleted the project and the window
 *    is closing. Without a handler, the window puts an Undo toast on its
 *    parent window's AdwToastOverlay, if the parent has one. */
G_DECLARE_FINAL_TYPE (TandemProjectWindow, tandem_project_window, TANDEM, PROJECT_WINDOW, AdwWindow)

/* NULL with @error set when there is no such project or the signed-in
 * user may not see it (the same message for both). */
TandemProjectWindow *tandem_project_window_new        (GtkWindow           *parent,
                                                       TandemStore         *store,
                                                       gint64               project_id,
                                                       GError             **error);
gint64               tandem_project_window_get_id     (TandemProjectWindow *self);
/* The project as last read from the store. */
TandemProject       *tandem_project_window_get_project (TandemProjectWindow *self);

G_END_DECLS
