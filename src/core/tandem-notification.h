/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

/* An entry of the notification list (SPEC D11). */
#define TANDEM_TYPE_NOTIFICATION (tandem_notification_get_type ())
G_DECLARE_FINAL_TYPE (TandemNotification, tandem_notification, TANDEM, NOTIFICATION, GObject)
TandemNotification *tandem_notification_new   (gint64              id,
                                               gint64              activity_id,
                                               const char         *title,
                                               gint64              occurrence_start,
                                               gint64              fire_at,
                                               gboolean            is_read);
gint64         tandem_notification_get_id          (TandemNotification *self);
gint64         tandem_notification_get_activity_id (TandemNotification *self);
const char    *tandem_notification_get_title       (TandemNotification *self);
/* Unix times (UTC) */
gint64         tandem_notification_get_occurrence_start (TandemNotification *self);
gint64         tandem_notification_get_fire_at     (TandemNotification *self);
gboolean       tandem_notification_get_is_read     (TandemNotification *self);

G_END_DECLS
