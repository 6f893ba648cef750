/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-activity-row.h"
#include "tandem-day-plan-page.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_DAY_PLAN_OVERDUE    = 0,
  TANDEM_DAY_PLAN_OPEN_ENDED = 1,
  TANDEM_DAY_PLAN_DAY        = 2,
} TandemDayPlanSection;

/* Parts of the page the UI tests look at. */
GtkListBox        *tandem_day_plan_page_get_list       (TandemDayPlanPage    *self,
                                                        TandemDayPlanSection  section);
/* The row of @activity_id in any section, or NULL. */
TandemActivityRow *tandem_day_plan_page_find_row       (TandemDayPlanPage    *self,
                                                        gint64                activity_id);
GtkCheckButton    *tandem_day_plan_page_get_row_check  (TandemActivityRow    *row);
/* The stopwatch button, or NULL when the user does not perform it. */
GtkButton         *tandem_day_plan_page_get_row_timer  (TandemActivityRow    *row);

G_END_DECLS
