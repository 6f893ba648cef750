/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_CONTACT_GROUP (tandem_contact_group_get_type ())

/* A contact group (SPEC I1): "Mailing list", "Candidates", "Visit", "Do
 * not contact", … kept by administrators, separate from partner roles. A
 * shipped group keeps its English name as "builtin" and is shown
 * translated (context "contact group") until an administrator renames it.
 * Members of a do-not-contact group are left out of label sheets unless
 * the user asks for them (I4). */
G_DECLARE_FINAL_TYPE (TandemContactGroup, tandem_contact_group, TANDEM, CONTACT_GROUP, GObject)

TandemContactGroup *tandem_contact_group_new                (const char         *name);
TandemContactGroup *tandem_contact_group_copy               (TandemContactGroup *self);
gint64              tandem_contact_group_get_id             (TandemContactGroup *self);
void                tandem_contact_group_set_id             (TandemContactGroup *self,
                                                             gint64              id);
/* The name to show: the administrator's, else the shipped one translated */
const char         *tandem_contact_group_get_name           (TandemContactGroup *self);
void                tandem_contact_group_set_name           (TandemContactGroup *self,
                                                             const char         *name);
const char         *tandem_contact_group_get_custom_name    (TandemContactGroup *self);
const char         *tandem_contact_group_get_builtin        (TandemContactGroup *self);
gboolean            tandem_contact_group_get_do_not_contact (TandemContactGroup *self);
void                tandem_contact_group_set_do_not_contact (TandemContactGroup *self,
                                                             gboolean            do_not_contact);
int                 tandem_contact_group_get_position       (TandemContactGroup *self);
void                tandem_contact_group_set_position       (TandemContactGroup *self,
                                                             int                 position);
/* The number of companies and people in the group that the user may see */
guint               tandem_contact_group_get_n_members      (TandemContactGroup *self);

/* Used by the store when it loads a group. */
void                tandem_contact_group_set_loaded         (TandemContactGroup *self,
                                                             gint64              id,
                                                             const char         *custom_name,
                                                             const char         *builtin,
                                                             guint               n_members);

G_END_DECLS
