/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "tandem-label-template.h"
#include "tandem-postal-address.h"

G_BEGIN_DECLS

/* Gives the next address of a mailing, or NULL at the end (with @error
 * unset) or on failure (with @error set). The sheet frees what it gets. */
typedef TandemPostalAddress *(*TandemLabelSourceFunc) (gpointer   user_data,
                                                       GError   **error);

#define TANDEM_TYPE_LABEL_SHEET (tandem_label_sheet_get_type ())

/* Addresses laid out on a sheet of labels (SPEC I4) and drawn with cairo
 * and pango: each address in its country's layout (tandem-address-format.h)
 * inside its label with an inner padding; long lines shrink down to a
 * minimum size, then wrap or end in "…", and never reach the next label.
 *
 * Pages are drawn onto any cairo_t whose user units are millimetres with
 * the origin at the sheet's top-left corner (a GtkPrintOperation with
 * GTK_UNIT_MM and the full page, a preview widget scaled to its size), or
 * written as a PDF with vector text and embedded fonts. */
G_DECLARE_FINAL_TYPE (TandemLabelSheet, tandem_label_sheet, TANDEM, LABEL_SHEET, GObject)

TandemLabelSheet    *tandem_label_sheet_new              (TandemLabelTemplate    *template);
TandemLabelTemplate *tandem_label_sheet_get_template     (TandemLabelSheet       *self);

/* The printer's calibration: everything printed moves @x mm right and @y
 * mm down (negative: left, up). The labels' outlines do not move. */
void                 tandem_label_sheet_set_offset       (TandemLabelSheet       *self,
                                                          double                  x,
                                                          double                  y);
void                 tandem_label_sheet_get_offset       (TandemLabelSheet       *self,
                                                          double                 *x,
                                                          double                 *y);
/* The first label to print on the first sheet, 1-based across then down,
 * for a sheet already partly used; refused when the sheet has no such
 * label. */
gboolean             tandem_label_sheet_set_start_at     (TandemLabelSheet       *self,
                                                          guint                   position,
                                                          GError                **error);
guint                tandem_label_sheet_get_start_at     (TandemLabelSheet       *self);
/* The organisation's country (alpha-2): its addresses get no country line */
void                 tandem_label_sheet_set_home_country (TandemLabelSheet       *self,
                                                          const char             *code);
const char          *tandem_label_sheet_get_home_country (TandemLabelSheet       *self);
/* The font family of the addresses ("Sans" unless set) */
void                 tandem_label_sheet_set_font_family  (TandemLabelSheet       *self,
                                                          const char             *family);
/* For a preview: paper, each label's outline with its rounded corners,
 * and the labels before the start shaded as used. Off for printing. */
void                 tandem_label_sheet_set_show_outlines (TandemLabelSheet      *self,
                                                           gboolean               show);

/* How many pages @n_labels addresses take, and which of them (from
 * @first, @n_on_page of them) go on page @page (0-based). */
guint                tandem_label_sheet_count_pages      (TandemLabelSheet       *self,
                                                          guint                   n_labels);
void                 tandem_label_sheet_get_page_range   (TandemLabelSheet       *self,
                                                          guint                   page,
                                                          guint                   n_labels,
                                                          guint                  *first,
                                                          guint                  *n_on_page);
/* Where label @position (0-based on a sheet) is on the paper, in mm,
 * and the area its text may take (the label less its padding, moved by
 * the printer offset). */
void                 tandem_label_sheet_get_label_rect   (TandemLabelSheet       *self,
                                                          guint                   position,
                                                          double                 *x,
                                                          double                 *y,
                                                          double                 *width,
                                                          double                 *height);
void                 tandem_label_sheet_get_text_rect    (TandemLabelSheet       *self,
                                                          guint                   position,
                                                          double                 *x,
                                                          double                 *y,
                                                          double                 *width,
                                                          double                 *height);

/* Draws page @page (0-based) with its addresses, at most as many as fit
 * on it (the first page starts at the start label). */
void                 tandem_label_sheet_draw_page        (TandemLabelSheet       *self,
                                                          cairo_t                *cr,
                                                          guint                   page,
                                                          TandemPostalAddress * const *addresses,
                                                          guint                   n_addresses);

/* Writes every address @source gives to a PDF at @path, a page at a time
 * so that memory stays the same however many there are. The file appears
 * only when complete: on failure, nothing at @path changes. A source with
 * no address at all is refused. */
gboolean             tandem_label_sheet_write_pdf        (TandemLabelSheet       *self,
                                                          const char             *path,
                                                          TandemLabelSourceFunc   source,
                                                          gpointer                user_data,
                                                          guint                  *n_labels,
                                                          guint                  *n_pages,
                                                          GError                **error);

G_END_DECLS
