/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-audit-window.h"

G_BEGIN_DECLS

/* Parts of the window the UI tests look at and drive. */
GtkListBox    *tandem_audit_window_get_list            (TandemAuditWindow *self);
GtkStack      *tandem_audit_window_get_stack           (TandemAuditWindow *self);
AdwStatusPage *tandem_audit_window_get_empty_page      (TandemAuditWindow *self);
GtkButton     *tandem_audit_window_get_more_button     (TandemAuditWindow *self);
GtkDropDown   *tandem_audit_window_get_user_dropdown   (TandemAuditWindow *self);
GtkDropDown   *tandem_audit_window_get_action_dropdown (TandemAuditWindow *self);
/* Sets the days, as the calendars would: NULL for no limit */
void           tandem_audit_window_set_days            (TandemAuditWindow *self,
                                                        GDateTime         *first,
                                                        GDateTime         *last);

G_END_DECLS
