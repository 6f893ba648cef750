/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-report.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CHART_VIEW (tandem_chart_view_get_type ())

/* A report's chart (SPEC J3) drawn in the widget's own colours and font,
 * light or dark. For assistive technologies it is an image whose label is
 * the report's title and whose description reads the chart out: each
 * category with its total. Without a report it draws nothing. */
G_DECLARE_FINAL_TYPE (TandemChartView, tandem_chart_view, TANDEM, CHART_VIEW, GtkWidget)

GtkWidget    *tandem_chart_view_new         (void);
TandemReport *tandem_chart_view_get_report  (TandemChartView *self);
void          tandem_chart_view_set_report  (TandemChartView *self,
                                             TandemReport    *report);
/* What the accessible description says, e.g. "Pipeline by stage: Lead
 * 12 500,00 EUR, Offer 8 000,00 EUR"; NULL without a report. */
const char   *tandem_chart_view_get_summary (TandemChartView *self);

G_END_DECLS
