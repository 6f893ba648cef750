/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_USER (tandem_user_get_type ())

G_DECLARE_FINAL_TYPE (TandemUser, tandem_user, TANDEM, USER, GObject)

TandemUser         *tandem_user_new            (gint64              id,
                                                const char         *login,
                                                const char         *name,
                                                TandemRole          role,
                                                gboolean            active);
gint64              tandem_user_get_id         (TandemUser         *self);
const char         *tandem_user_get_login      (TandemUser         *self);
const char         *tandem_user_get_name       (TandemUser         *self);
void                tandem_user_set_name       (TandemUser         *self,
                                                const char         *name);
TandemRole          tandem_user_get_role       (TandemUser         *self);
void                tandem_user_set_role       (TandemUser         *self,
                                                TandemRole          role);
gboolean            tandem_user_get_active     (TandemUser         *self);
void                tandem_user_set_active     (TandemUser         *self,
                                                gboolean            active);
gboolean            tandem_user_is_admin       (TandemUser         *self);
/* Group names, sorted. */
const char * const *tandem_user_get_groups     (TandemUser         *self);
void                tandem_user_set_groups     (TandemUser         *self,
                                                const char * const *groups);

G_END_DECLS
