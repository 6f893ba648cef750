/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_CHECKLIST_ROW (tandem_checklist_row_get_type ())

/* An expander row with a check box per choice (performers, contact
 * persons, groups, properties); its subtitle names what is chosen, or
 * the "placeholder" when nothing is. "changed" is emitted when the user
 * ticks or unticks a box. */
G_DECLARE_FINAL_TYPE (TandemChecklistRow, tandem_checklist_row, TANDEM, CHECKLIST_ROW, AdwExpanderRow)

GtkWidget      *tandem_checklist_row_new             (void);
void            tandem_checklist_row_clear           (TandemChecklistRow *self);
void            tandem_checklist_row_add             (TandemChecklistRow *self,
                                                      gint64              id,
                                                      const char         *name,
                                                      const char         *detail,
                                                      gboolean            active);
gboolean        tandem_checklist_row_has             (TandemChecklistRow *self,
                                                      gint64              id);
guint           tandem_checklist_row_get_n_items     (TandemChecklistRow *self);
/* The chosen ids (gint64), in the order of the rows. */
GArray         *tandem_checklist_row_get_selected    (TandemChecklistRow *self);
void            tandem_checklist_row_set_selected    (TandemChecklistRow *self,
                                                      const gint64       *ids,
                                                      guint               n_ids);
/* Ticks or unticks one as a click would; FALSE when there is no such row. */
gboolean        tandem_checklist_row_set_active      (TandemChecklistRow *self,
                                                      gint64              id,
                                                      gboolean            active);
GtkCheckButton *tandem_checklist_row_get_check       (TandemChecklistRow *self,
                                                      gint64              id);
void            tandem_checklist_row_set_placeholder (TandemChecklistRow *self,
                                                      const char         *placeholder);
/* A row shown when there is nothing to choose from. */
void            tandem_checklist_row_set_empty_text  (TandemChecklistRow *self,
                                                      const char         *title,
                                                      const char         *subtitle);

G_END_DECLS
