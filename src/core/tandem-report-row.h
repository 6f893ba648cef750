/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

/* One row of a summed report: a key (a user, company, project or period)
 * with its label and a total. */
#define TANDEM_TYPE_REPORT_ROW (tandem_report_row_get_type ())
G_DECLARE_FINAL_TYPE (TandemReportRow, tandem_report_row, TANDEM, REPORT_ROW, GObject)
TandemReportRow *tandem_report_row_new        (gint64           key_id,
                                               const char      *key,
                                               const char      *label,
                                               gint64           value);
/* The id of the user, company or project; 0 for a period or "none". */
gint64         tandem_report_row_get_key_id   (TandemReportRow *self);
/* Stable text key: a login, an id, "2026-11", "2026-W47", "" for none. */
const char    *tandem_report_row_get_key      (TandemReportRow *self);
const char    *tandem_report_row_get_label    (TandemReportRow *self);
gint64         tandem_report_row_get_value    (TandemReportRow *self);

/* Optional parts the project reports use (SPEC J1–J3); NULL or 0 when a
 * report has no use for them. The series splits one key into stacked bars
 * or lines ("open"/"won", a seller's login, an activity status). */
const char    *tandem_report_row_get_series_key   (TandemReportRow *self);
const char    *tandem_report_row_get_series_label (TandemReportRow *self);
void           tandem_report_row_set_series       (TandemReportRow *self,
                                                   const char      *series_key,
                                                   const char      *series_label);
/* ISO 4217 code when value and weighted are money in hundredths */
const char    *tandem_report_row_get_currency     (TandemReportRow *self);
void           tandem_report_row_set_currency     (TandemReportRow *self,
                                                   const char      *currency);
/* How many records the row sums */
gint64         tandem_report_row_get_count        (TandemReportRow *self);
void           tandem_report_row_set_count        (TandemReportRow *self,
                                                   gint64           count);
gint64         tandem_report_row_get_weighted     (TandemReportRow *self);
void           tandem_report_row_set_weighted     (TandemReportRow *self,
                                                   gint64           weighted);
/* A sales target to compare the value with; -1 when there is none */
gint64         tandem_report_row_get_target       (TandemReportRow *self);
void           tandem_report_row_set_target       (TandemReportRow *self,
                                                   gint64           target);

G_END_DECLS
