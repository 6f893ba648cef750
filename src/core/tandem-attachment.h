/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

/* A file or link of an activity (SPEC D12). */
#define TANDEM_TYPE_ATTACHMENT (tandem_attachment_get_type ())
G_DECLARE_FINAL_TYPE (TandemAttachment, tandem_attachment, TANDEM, ATTACHMENT, GObject)
TandemAttachment *tandem_attachment_new       (gint64            id,
                                               gint64            activity_id,
                                               gboolean          is_file,
                                               const char       *title,
                                               const char       *url,
                                               const char       *content_type,
                                               gint64            size,
                                               const char       *sha256,
                                               const char       *created_at);
gint64         tandem_attachment_get_id           (TandemAttachment *self);
gint64         tandem_attachment_get_activity_id  (TandemAttachment *self);
gboolean       tandem_attachment_get_is_file      (TandemAttachment *self);
const char    *tandem_attachment_get_title        (TandemAttachment *self);
const char    *tandem_attachment_get_url          (TandemAttachment *self);
const char    *tandem_attachment_get_content_type (TandemAttachment *self);
gint64         tandem_attachment_get_size         (TandemAttachment *self);
const char    *tandem_attachment_get_sha256       (TandemAttachment *self);
const char    *tandem_attachment_get_created_at   (TandemAttachment *self);

G_END_DECLS
