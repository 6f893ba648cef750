/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_CHOICE (tandem_choice_get_type ())

/* An entry of an administrator-kept list: a group, a partner role. */
G_DECLARE_FINAL_TYPE (TandemChoice, tandem_choice, TANDEM, CHOICE, GObject)

TandemChoice *tandem_choice_new      (gint64        id,
                                      const char   *name);
gint64        tandem_choice_get_id   (TandemChoice *self);
const char   *tandem_choice_get_name (TandemChoice *self);

G_END_DECLS
