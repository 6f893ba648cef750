/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-notifications-popover.h"

G_BEGIN_DECLS

/* Parts of the popover the UI tests look at. */
GtkListBox *tandem_notifications_popover_get_list_box (TandemNotificationsPopover *self);

G_END_DECLS
