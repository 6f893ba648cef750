/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_LABEL_TEMPLATE (tandem_label_template_get_type ())

/* A sheet of labels (SPEC I4). Lengths are in millimetres: the first
 * label's top-left corner is at (margin-left, margin-top); the next column
 * starts label-width + gap-x further right, the next row label-height +
 * gap-y further down. Labels are filled across, then down.
 *
 * The program ships the common sheets (ids like "a4-3x7-63.5x38.1");
 * custom templates live in the database and have ids "custom-N". */
G_DECLARE_FINAL_TYPE (TandemLabelTemplate, tandem_label_template, TANDEM, LABEL_TEMPLATE, GObject)

/* A new custom template, not yet saved (no id). */
TandemLabelTemplate *tandem_label_template_new              (const char          *name,
                                                             double               page_width,
                                                             double               page_height,
                                                             guint                columns,
                                                             guint                rows,
                                                             double               label_width,
                                                             double               label_height);
TandemLabelTemplate *tandem_label_template_copy             (TandemLabelTemplate *self);

/* The shipped sheets, in the order a chooser offers them (new references) */
GPtrArray           *tandem_label_template_list_builtin     (void);
/* A shipped sheet by its id or its product code ("L7160"), else NULL */
TandemLabelTemplate *tandem_label_template_find_builtin     (const char          *id_or_product);

const char          *tandem_label_template_get_id           (TandemLabelTemplate *self);
gboolean             tandem_label_template_is_builtin       (TandemLabelTemplate *self);
/* The database id of a custom template; 0 for shipped or unsaved ones */
gint64               tandem_label_template_get_custom_id    (TandemLabelTemplate *self);
void                 tandem_label_template_set_custom_id    (TandemLabelTemplate *self,
                                                             gint64               id);
/* Shown name: the product and its layout for shipped sheets (translated) */
const char          *tandem_label_template_get_name         (TandemLabelTemplate *self);
void                 tandem_label_template_set_name         (TandemLabelTemplate *self,
                                                             const char          *name);
/* The manufacturer's product codes of a shipped sheet; NULL for custom */
const char          *tandem_label_template_get_product      (TandemLabelTemplate *self);

double               tandem_label_template_get_page_width   (TandemLabelTemplate *self);
double               tandem_label_template_get_page_height  (TandemLabelTemplate *self);
void                 tandem_label_template_set_page_size    (TandemLabelTemplate *self,
                                                             double               width,
                                                             double               height);
guint                tandem_label_template_get_columns      (TandemLabelTemplate *self);
guint                tandem_label_template_get_rows         (TandemLabelTemplate *self);
void                 tandem_label_template_set_grid         (TandemLabelTemplate *self,
                                                             guint                columns,
                                                             guint                rows);
double               tandem_label_template_get_label_width  (TandemLabelTemplate *self);
double               tandem_label_template_get_label_height (TandemLabelTemplate *self);
void                 tandem_label_template_set_label_size   (TandemLabelTemplate *self,
                                                             double               width,
                                                             double               height);
double               tandem_label_template_get_margin_top   (TandemLabelTemplate *self);
double               tandem_label_template_get_margin_left  (TandemLabelTemplate *self);
void                 tandem_label_template_set_margins      (TandemLabelTemplate *self,
                                                             double               top,
                                                             double               left);
double               tandem_label_template_get_gap_x        (TandemLabelTemplate *self);
double               tandem_label_template_get_gap_y        (TandemLabelTemplate *self);
void                 tandem_label_template_set_gaps         (TandemLabelTemplate *self,
                                                             double               gap_x,
                                                             double               gap_y);
/* Rounded corners, for the preview only */
double               tandem_label_template_get_corner_radius (TandemLabelTemplate *self);
void                 tandem_label_template_set_corner_radius (TandemLabelTemplate *self,
                                                              double               radius);

guint                tandem_label_template_get_labels_per_sheet (TandemLabelTemplate *self);
/* The top-left corner of label @index (0-based, across then down) */
void                 tandem_label_template_get_label_origin (TandemLabelTemplate *self,
                                                             guint                index,
                                                             double              *x,
                                                             double              *y);

/* Whether the numbers make a sheet: sizes in range, and the labels fit on
 * the page; the error says what does not fit and by how much. (The name
 * is checked when a template is saved.) */
gboolean             tandem_label_template_validate         (TandemLabelTemplate *self,
                                                             GError             **error);

G_END_DECLS
