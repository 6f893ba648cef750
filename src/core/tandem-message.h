/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

/* A message of an activity's discussion (SPEC D10). */
#define TANDEM_TYPE_MESSAGE (tandem_message_get_type ())
G_DECLARE_FINAL_TYPE (TandemMessage, tandem_message, TANDEM, MESSAGE, GObject)
TandemMessage *tandem_message_new             (gint64         id,
                                               gint64         activity_id,
                                               gint64         author_id,
                                               const char    *author_name,
                                               const char    *body,
                                               const char    *created_at);
gint64         tandem_message_get_id          (TandemMessage *self);
gint64         tandem_message_get_activity_id (TandemMessage *self);
gint64         tandem_message_get_author_id   (TandemMessage *self);
const char    *tandem_message_get_author_name (TandemMessage *self);
const char    *tandem_message_get_body        (TandemMessage *self);
/* ISO 8601 UTC, "2026-11-23T08:15:00Z" */
const char    *tandem_message_get_created_at  (TandemMessage *self);

G_END_DECLS
