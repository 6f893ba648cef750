/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-chart-view.h"
#include "tandem-reports-page.h"

G_BEGIN_DECLS

/* Parts of the page the UI tests look at and drive. */
GtkDropDown     *tandem_reports_page_get_type_dropdown     (TandemReportsPage *self);
GtkDropDown     *tandem_reports_page_get_by_dropdown       (TandemReportsPage *self);
GtkDropDown     *tandem_reports_page_get_range_dropdown    (TandemReportsPage *self);
GtkDropDown     *tandem_reports_page_get_currency_dropdown (TandemReportsPage *self);
TandemChartView *tandem_reports_page_get_chart             (TandemReportsPage *self);
GtkColumnView   *tandem_reports_page_get_table             (TandemReportsPage *self);
/* The text of the table's cell in @row (a category, or the totals row
 * after the last) and @column (0: the category); NULL outside. */
char            *tandem_reports_page_get_cell_text         (TandemReportsPage *self,
                                                            guint              row,
                                                            guint              column);

G_END_DECLS
