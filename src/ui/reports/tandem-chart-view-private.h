/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-chart-view.h"

G_BEGIN_DECLS

/* How many times the chart was drawn, and with which style last: the UI
 * tests see a style change redraw it. */
guint    tandem_chart_view_get_n_draws   (TandemChartView *self);
gboolean tandem_chart_view_get_drawn_dark (TandemChartView *self);
/* Where the category names stand as last drawn (TandemChartLabel) */
GArray  *tandem_chart_view_get_label_boxes (TandemChartView *self);

G_END_DECLS
