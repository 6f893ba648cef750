/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_WINDOW (tandem_window_get_type ())

/* The main window for a signed-in user: registers in a sidebar, a list,
 * and the card of the chosen record (SPEC B, C, F, K1). */
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

G_END_DECLS
