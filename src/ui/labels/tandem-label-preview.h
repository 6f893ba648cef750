/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tandem-label-sheet.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_LABEL_PREVIEW (tandem_label_preview_get_type ())

/* A page of a label sheet drawn to fit the widget (SPEC I4): white paper
 * in light and dark style, each label's outline with its rounded corners,
 * the labels before the start label shaded as used, and the addresses of
 * that page. On the first page a click on a label (or Enter on it after
 * moving there with the arrow keys) emits ::label-activated with its
 * position, 0-based across then down. */
G_DECLARE_FINAL_TYPE (TandemLabelPreview, tandem_label_preview, TANDEM, LABEL_PREVIEW, GtkDrawingArea)

GtkWidget        *tandem_label_preview_new           (void);
/* The sheet drawn (its template, start label, home country) */
void              tandem_label_preview_set_sheet     (TandemLabelPreview *self,
                                                      TandemLabelSheet   *sheet);
TandemLabelSheet *tandem_label_preview_get_sheet     (TandemLabelPreview *self);
/* Page @page (0-based) with @addresses on it (TandemPostalAddress, may be
 * empty; kept with a reference) */
void              tandem_label_preview_set_page      (TandemLabelPreview *self,
                                                      guint               page,
                                                      GPtrArray          *addresses);
guint             tandem_label_preview_get_page      (TandemLabelPreview *self);
/* Whether labels of the first page can be chosen with a click */
void              tandem_label_preview_set_clickable (TandemLabelPreview *self,
                                                      gboolean            clickable);
/* Draws what the widget shows onto @cr, @width × @height pixels */
void              tandem_label_preview_draw          (TandemLabelPreview *self,
                                                      cairo_t            *cr,
                                                      int                 width,
                                                      int                 height);
/* Where label @position of the page is drawn in a @width × @height area,
 * in pixels; FALSE without a sheet */
gboolean          tandem_label_preview_get_label_area (TandemLabelPreview *self,
                                                       guint               position,
                                                       int                 width,
                                                       int                 height,
                                                       graphene_rect_t    *area);

G_END_DECLS
