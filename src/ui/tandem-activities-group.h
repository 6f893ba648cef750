/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_ACTIVITIES_GROUP (tandem_activities_group_get_type ())

/* The activities of a company (its own and its people's) or of a person
 * that the signed-in user may see (SPEC B6, C3, D16, E), latest first:
 * date, category, title, status and performers. Planned ones only until
 * "Show completed" is on; the first ten until "Show all". A "Plan
 * Activity…" button plans one linked to the record. It follows the
 * store's "changed" signal.
 *
 * Signals (both run-last; the default handlers open the activity card
 * window, so a handler that does it itself stops the emission):
 *  "open-activity" (gint64 activity_id, gint64 recurrence_id): a row was
 *    activated (@recurrence_id is 0 here).
 *  "plan-activity" (gint kind, gint64 id, GDateTime *start): "Plan
 *    Activity…"; @kind and @id are the card's record, @start NULL. */
G_DECLARE_FINAL_TYPE (TandemActivitiesGroup, tandem_activities_group, TANDEM, ACTIVITIES_GROUP, AdwPreferencesGroup)

void     tandem_activities_group_set_parent         (TandemActivitiesGroup *self,
                                                     TandemStore           *store,
                                                     TandemKind             parent_kind,
                                                     gint64                 parent_id);
void     tandem_activities_group_reload             (TandemActivitiesGroup *self);
gboolean tandem_activities_group_get_show_completed (TandemActivitiesGroup *self);
void     tandem_activities_group_set_show_completed (TandemActivitiesGroup *self,
                                                     gboolean               show_completed);
/* The number of activities listed (after the filter, before "Show all"). */
guint    tandem_activities_group_get_n_activities   (TandemActivitiesGroup *self);

G_END_DECLS
