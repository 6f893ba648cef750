/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_PROJECT_MEMBER (tandem_project_member_get_type ())

/* A member of a project's team (SPEC H2, H4) with their role in it. */
G_DECLARE_FINAL_TYPE (TandemProjectMember, tandem_project_member, TANDEM, PROJECT_MEMBER, GObject)

TandemProjectMember *tandem_project_member_new        (gint64               user_id,
                                                       const char          *login,
                                                       const char          *name,
                                                       const char          *role,
                                                       const char          *added_at);
gint64               tandem_project_member_get_user_id (TandemProjectMember *self);
const char          *tandem_project_member_get_login  (TandemProjectMember *self);
const char          *tandem_project_member_get_name   (TandemProjectMember *self);
/* The role in this project ("Project manager"), or NULL */
const char          *tandem_project_member_get_role   (TandemProjectMember *self);
/* "YYYY-MM-DDTHH:MM:SSZ" */
const char          *tandem_project_member_get_added_at (TandemProjectMember *self);

G_END_DECLS
