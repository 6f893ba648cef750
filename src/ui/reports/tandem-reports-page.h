/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-report.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_REPORTS_PAGE (tandem_reports_page_get_type ())

typedef enum
{
  TANDEM_REPORT_FORMAT_CSV = 0,
  TANDEM_REPORT_FORMAT_PDF = 1,
} TandemReportFormat;

/* The periods the page offers; each ends with today's month, quarter or
 * year, CUSTOM is two dates the user picks. */
typedef enum
{
  TANDEM_REPORT_RANGE_THIS_MONTH     = 0,
  TANDEM_REPORT_RANGE_LAST_MONTH     = 1,
  TANDEM_REPORT_RANGE_THIS_QUARTER   = 2,
  TANDEM_REPORT_RANGE_THIS_YEAR      = 3,
  TANDEM_REPORT_RANGE_LAST_12_MONTHS = 4,
  TANDEM_REPORT_RANGE_CUSTOM         = 5,
} TandemReportRange;

/* The reports page (SPEC J1–J3): choose a report, its grouping, a period
 * and, for money reports with sales in several currencies, the currency;
 * see the chart and below it the table. Reports are built on a worker
 * connection so the window stays responsive; a new choice cancels the
 * build under way. It follows the store's "changed" signal.
 *
 * Actions: "reports.export-csv" (Ctrl+E), "reports.export-pdf"
 * (Ctrl+Shift+E), "reports.print" (Ctrl+P). */
G_DECLARE_FINAL_TYPE (TandemReportsPage, tandem_reports_page, TANDEM, REPORTS_PAGE, AdwBin)

GtkWidget        *tandem_reports_page_new             (TandemStore        *store);
TandemStore      *tandem_reports_page_get_store       (TandemReportsPage  *self);

TandemReportType  tandem_reports_page_get_report_type (TandemReportsPage  *self);
void              tandem_reports_page_set_report_type (TandemReportsPage  *self,
                                                       TandemReportType    type);
TandemReportBy    tandem_reports_page_get_by          (TandemReportsPage  *self);
/* Ignored unless the current type offers @by. */
void              tandem_reports_page_set_by          (TandemReportsPage  *self,
                                                       TandemReportBy      by);
TandemReportRange tandem_reports_page_get_range       (TandemReportsPage  *self);
void              tandem_reports_page_set_range       (TandemReportsPage  *self,
                                                       TandemReportRange   range);
/* A custom period from @first to @last, both days included
 * ("YYYY-MM-DD"); chooses TANDEM_REPORT_RANGE_CUSTOM. */
void              tandem_reports_page_set_custom_range (TandemReportsPage *self,
                                                       const char         *first,
                                                       const char         *last);
/* The period as the report builder takes it, [from, to). */
void              tandem_reports_page_get_dates       (TandemReportsPage  *self,
                                                       char              **from,
                                                       char              **to);

/* Builds the report again from the store. */
void              tandem_reports_page_reload          (TandemReportsPage  *self);
/* The report shown; NULL before the first one is built. */
TandemReport     *tandem_reports_page_get_report      (TandemReportsPage  *self);
/* TRUE while a report is being built. */
gboolean          tandem_reports_page_get_busy        (TandemReportsPage  *self);

/* A file name to offer when saving the report shown, e.g.
 * "pipeline-2026-11.csv". */
char             *tandem_reports_page_get_file_name   (TandemReportsPage  *self,
                                                       TandemReportFormat  format);
/* Writes the report shown as CSV or PDF; the save dialogs end here. */
gboolean          tandem_reports_page_export_to_file  (TandemReportsPage  *self,
                                                       GFile              *file,
                                                       TandemReportFormat  format,
                                                       GError            **error);

G_END_DECLS
