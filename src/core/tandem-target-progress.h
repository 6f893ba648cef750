/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

/* A seller's progress against a sales target (SPEC D20) in the current
 * week or month. */
#define TANDEM_TYPE_TARGET_PROGRESS (tandem_target_progress_get_type ())
G_DECLARE_FINAL_TYPE (TandemTargetProgress, tandem_target_progress, TANDEM, TARGET_PROGRESS, GObject)
TandemTargetProgress *tandem_target_progress_new (gint64        user_id,
                                                  gint64        category_id,
                                                  const char   *category_name,
                                                  TandemPeriod  period,
                                                  guint         target,
                                                  guint         done,
                                                  const char   *period_start,
                                                  const char   *period_end);
gint64         tandem_target_progress_get_user_id      (TandemTargetProgress *self);
gint64         tandem_target_progress_get_category_id  (TandemTargetProgress *self);
const char    *tandem_target_progress_get_category_name (TandemTargetProgress *self);
TandemPeriod   tandem_target_progress_get_period       (TandemTargetProgress *self);
guint          tandem_target_progress_get_target       (TandemTargetProgress *self);
guint          tandem_target_progress_get_done         (TandemTargetProgress *self);
/* YYYY-MM-DD, the first and last day of the period */
const char    *tandem_target_progress_get_period_start (TandemTargetProgress *self);
const char    *tandem_target_progress_get_period_end   (TandemTargetProgress *self);

G_END_DECLS
