/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-start-page.h"

G_BEGIN_DECLS

/* Parts of the page the UI tests look at. */
GtkListBox *tandem_start_page_get_list_box (TandemStartPage *self);

G_END_DECLS
