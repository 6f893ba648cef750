/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DAY_PLAN_PAGE (tandem_day_plan_page_get_type ())

/* The day plan (SPEC D4, D8, D9, D16): the signed-in user's activities on
 * one day, with the overdue ones and every open-ended one above them. Each
 * can be completed with its check button (an activity with a goal asks
 * for the outcome first) and timed with the stopwatch. A navigator moves
 * between days. It follows the store's "changed" signal.
 *
 * Signals:
 *  "open-activity" (gint64 activity_id, gint64 recurrence_id): a row was
 *    activated; @recurrence_id is 0 unless it is one occurrence of a
 *    recurring activity.
 *  "plan-activity" (gint kind, gint64 id, GDateTime *start): "Plan New";
 *    @kind is TANDEM_KIND_NONE and @id 0; @start is NULL on today (the next
 *    full hour) and 09:00 of the day shown otherwise. */
G_DECLARE_FINAL_TYPE (TandemDayPlanPage, tandem_day_plan_page, TANDEM, DAY_PLAN_PAGE, AdwBin)

GtkWidget   *tandem_day_plan_page_new      (TandemStore       *store);
TandemStore *tandem_day_plan_page_get_store (TandemDayPlanPage *self);
/* The day shown: midnight in the local zone ("date" property). */
GDateTime   *tandem_day_plan_page_get_date (TandemDayPlanPage *self);
/* Shows the day of @date (any time of it); NULL: today. */
void         tandem_day_plan_page_set_date (TandemDayPlanPage *self,
                                            GDateTime         *date);
void         tandem_day_plan_page_reload   (TandemDayPlanPage *self);

G_END_DECLS
