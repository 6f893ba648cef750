/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tandem-store.h"

G_BEGIN_DECLS

/* A report ready to be looked at (SPEC J1–J3): a title, a table of
 * categories (the x axis: stages, sellers, months, …) by series (stacked
 * parts or lines: "open"/"won", sellers, activity statuses), and how to
 * draw it. Built from the store's report rows, so it holds only what the
 * reading user may see; drawn with cairo and pango, so the same code
 * paints the window, the PDF and the printed page. No GTK here. */

typedef enum
{
  TANDEM_REPORT_PIPELINE    = 0,  /* J1: open sales by stage/seller/product/month */
  TANDEM_REPORT_FORECAST    = 1,  /* J1: weighted forecast per month */
  TANDEM_REPORT_DEVELOPMENT = 2,  /* J1: how the pipeline developed, per seller */
  TANDEM_REPORT_ACTIVITIES  = 3,  /* J2: activities by category/kind/type/user/period */
  TANDEM_REPORT_TIME        = 4,  /* J2, D8: tracked time */
  TANDEM_REPORT_TARGETS     = 5,  /* J2, D20: sales targets against results */
} TandemReportType;
#define TANDEM_N_REPORT_TYPES 6

typedef enum
{
  TANDEM_CHART_BARS         = 0,
  TANDEM_CHART_STACKED_BARS = 1,
  TANDEM_CHART_GROUPED_BARS = 2,  /* e.g. target beside result */
  TANDEM_CHART_LINES        = 3,
} TandemChartKind;

typedef enum
{
  TANDEM_UNIT_COUNT   = 0,
  TANDEM_UNIT_MONEY   = 1,  /* hundredths of the report's currency */
  TANDEM_UNIT_SECONDS = 2,
} TandemUnit;

/* Colours and font a chart is drawn with: the widget passes its style's
 * (light or dark), PDF and print pass tandem_chart_style_default (). */
typedef struct
{
  double foreground[4];  /* text and axes, RGBA 0–1 */
  double background[4];  /* alpha 0: leave transparent */
  double grid[4];
  const char *font;      /* a Pango font description, e.g. "Cantarell 10" */
  gboolean dark;         /* chooses the series palette's dark variant */
} TandemChartStyle;

const TandemChartStyle *tandem_chart_style_default (void);

#define TANDEM_TYPE_REPORT (tandem_report_get_type ())
G_DECLARE_FINAL_TYPE (TandemReport, tandem_report, TANDEM, REPORT, GObject)

/* Builds a report from the store for the signed-in user. @from and @to
 * are "YYYY-MM-DD" ([from, to)); @by must be one the type offers
 * (tandem_report_type_get_bys); @currency picks the money reports'
 * currency (NULL: the one with the most sales in the range).
 *
 * What each type shows (the first grouping is the default):
 *  - PIPELINE: bars of the open sales' value closing in the range, by
 *    stage (board order), seller, product or closing month;
 *  - FORECAST: stacked bars per closing month (or seller): "won" (value
 *    of the sales won in it) under "open" (value × probability of those
 *    still open);
 *  - DEVELOPMENT: a line per seller through the open pipeline's value at
 *    each month end of the range (and its last day when that is not one);
 *  - ACTIVITIES: stacked bars of planned, completed and cancelled
 *    activities by category, kind, type, user (performer), month or week;
 *  - TIME: bars of tracked time by user, month or week;
 *  - TARGETS: grouped bars, a pair per seller and target category (the
 *    category label "Seller: Category", key "login:category-id"): "target"
 *    for the range beside "done", the completed activities. The pairs are
 *    compared, not added: tandem_report_sums_series is FALSE.
 * Months and weeks of the range all appear, with or without data. */
TandemReport    *tandem_report_build              (TandemStore       *store,
                                                   TandemReportType   type,
                                                   TandemReportBy     by,
                                                   const char        *from,
                                                   const char        *to,
                                                   const char        *currency,
                                                   GError           **error);
/* "pipeline", "forecast", "development", "activities", "time", "targets" */
const char      *tandem_report_type_to_string     (TandemReportType   type);
gboolean         tandem_report_type_from_string   (const char        *str,
                                                   TandemReportType  *type);
/* Translated title, "Pipeline", "Forecast", … */
const char      *tandem_report_type_get_label     (TandemReportType   type);
/* The groupings a type offers, the first being its default; ends with -1. */
const TandemReportBy *tandem_report_type_get_bys  (TandemReportType   type);
/* Translated, "By stage", … */
const char      *tandem_report_by_get_label       (TandemReportBy     by);
/* The currencies of the sales the user may see, most used first (for the
 * money reports' currency choice). */
GStrv            tandem_report_list_currencies    (TandemStore       *store,
                                                   GError           **error);

/* A report by hand (tests, and the builder above) */
TandemReport    *tandem_report_new                (const char        *title,
                                                   TandemChartKind    kind,
                                                   TandemUnit         unit,
                                                   const char        *currency);
void             tandem_report_set_subtitle       (TandemReport      *self,
                                                   const char        *subtitle);
guint            tandem_report_add_category       (TandemReport      *self,
                                                   const char        *key,
                                                   const char        *label);
guint            tandem_report_add_series         (TandemReport      *self,
                                                   const char        *key,
                                                   const char        *label);
void             tandem_report_set_value          (TandemReport      *self,
                                                   guint              category,
                                                   guint              series,
                                                   gint64             value);
/* A shorter name for the chart's axis: "Nov 2026" for the month the table
 * calls "November 2026". Categories that have one are a sequence in time
 * (months, weeks, days): the axis sets their names straight, and when not
 * all fit, every second, third, … one. The builder sets them. */
void             tandem_report_set_category_axis_label (TandemReport *self,
                                                        guint         category,
                                                        const char   *label);
/* The axis label, or the category's label when it has none */
const char      *tandem_report_get_category_axis_label (TandemReport *self,
                                                        guint         category);
/* The table's first heading, "Stage", "Seller", … ("Category" unless set) */
void             tandem_report_set_category_title (TandemReport      *self,
                                                   const char        *title);
const char      *tandem_report_get_category_title (TandemReport      *self);

const char      *tandem_report_get_title          (TandemReport      *self);
const char      *tandem_report_get_subtitle       (TandemReport      *self);
TandemChartKind  tandem_report_get_chart_kind     (TandemReport      *self);
TandemUnit       tandem_report_get_unit           (TandemReport      *self);
const char      *tandem_report_get_currency       (TandemReport      *self);
guint            tandem_report_get_n_categories   (TandemReport      *self);
const char      *tandem_report_get_category_key   (TandemReport      *self,
                                                   guint              category);
const char      *tandem_report_get_category_label (TandemReport      *self,
                                                   guint              category);
guint            tandem_report_get_n_series       (TandemReport      *self);
const char      *tandem_report_get_series_key     (TandemReport      *self,
                                                   guint              series);
const char      *tandem_report_get_series_label   (TandemReport      *self,
                                                   guint              series);
gint64           tandem_report_get_value          (TandemReport      *self,
                                                   guint              category,
                                                   guint              series);
/* Sum over the series of one category, and over everything */
gint64           tandem_report_get_category_total (TandemReport      *self,
                                                   guint              category);
gint64           tandem_report_get_total          (TandemReport      *self);
/* Whether the series add up to a meaningful total per category: not
 * when they stand side by side to be compared (grouped bars: a target
 * beside its result), and then tables and CSV have no total column. */
gboolean         tandem_report_sums_series        (TandemReport      *self);
/* A value as people read it in the report's unit: "12 500,00 EUR",
 * "3 h 20 min", "42" */
char            *tandem_report_format_value       (TandemReport      *self,
                                                   gint64             value);

/* The table as CSV (RFC 4180, UTF-8, header row; money as plain decimal
 * numbers with a dot, seconds as seconds): category, one column per
 * series, total (when tandem_report_sums_series). */
char            *tandem_report_to_csv             (TandemReport      *self);

/* The chart, with axes, gridlines and a legend, within @width × @height. */
void             tandem_report_draw_chart         (TandemReport           *self,
                                                   cairo_t                *cr,
                                                   double                  width,
                                                   double                  height,
                                                   const TandemChartStyle *style);
/* The value axis's labels, from its foot up, as the chart shows them:
 * money in whole units grouped as the tables group it ("6 000 €",
 * "6,000 €"), time in hours or minutes ("4 h"), counts grouped. */
GStrv            tandem_report_get_tick_labels    (TandemReport           *self);

/* Where the chart, drawn in @width × @height, sets a category's name */
typedef struct
{
  guint  category;
  double x, y, width, height;  /* the text's box; a slanted one's before turning */
  double angle;                /* radians; 0: straight */
  guint  n_lines;              /* more than one: wrapped between words */
} TandemChartLabel;

/* The category names the chart shows (an array of TandemChartLabel, left
 * to right); names it leaves out to keep the others apart are not in it. */
GArray          *tandem_report_get_category_label_boxes (TandemReport           *self,
                                                         double                  width,
                                                         double                  height,
                                                         const TandemChartStyle *style);
/* Pages of the printed or PDF form: title, chart, then the table over as
 * many pages as it needs. */
guint            tandem_report_get_n_pages        (TandemReport           *self,
                                                   double                  page_width,
                                                   double                  page_height);
void             tandem_report_draw_page          (TandemReport           *self,
                                                   cairo_t                *cr,
                                                   guint                   page,
                                                   double                  page_width,
                                                   double                  page_height);
/* A4 PDF of every page */
gboolean         tandem_report_write_pdf          (TandemReport           *self,
                                                   const char             *path,
                                                   GError                **error);

G_END_DECLS
