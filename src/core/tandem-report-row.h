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

G_END_DECLS
