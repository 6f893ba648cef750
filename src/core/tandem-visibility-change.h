/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_VISIBILITY_CHANGE (tandem_visibility_change_get_type ())

/* One recorded change of a record's visibility (SPEC E2): who, when, from
 * what to what. Groups are the names the chosen groups had at the time. */
G_DECLARE_FINAL_TYPE (TandemVisibilityChange, tandem_visibility_change, TANDEM, VISIBILITY_CHANGE, GObject)

TandemVisibilityChange *tandem_visibility_change_new (const char         *user_name,
                                                      const char         *changed_at,
                                                      TandemVisibility    old_visibility,
                                                      const char * const *old_groups,
                                                      TandemVisibility    new_visibility,
                                                      const char * const *new_groups);
const char         *tandem_visibility_change_get_user_name      (TandemVisibilityChange *self);
/* "YYYY-MM-DDTHH:MM:SSZ" */
const char         *tandem_visibility_change_get_changed_at     (TandemVisibilityChange *self);
TandemVisibility    tandem_visibility_change_get_old_visibility (TandemVisibilityChange *self);
const char * const *tandem_visibility_change_get_old_groups     (TandemVisibilityChange *self);
TandemVisibility    tandem_visibility_change_get_new_visibility (TandemVisibilityChange *self);
const char * const *tandem_visibility_change_get_new_groups     (TandemVisibilityChange *self);
/* "Chosen groups: Sales team, Owners", translated */
char               *tandem_visibility_describe                  (TandemVisibility    visibility,
                                                                 const char * const *groups);

G_END_DECLS
