/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-to-complete-page.h"

G_BEGIN_DECLS

/* Parts of the page the UI tests look at. */
GtkListBox *tandem_to_complete_page_get_list_box (TandemToCompletePage *self);

G_END_DECLS
