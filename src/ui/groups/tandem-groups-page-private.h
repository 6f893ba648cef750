/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-call-dialog.h"
#include "tandem-groups-page.h"

G_BEGIN_DECLS

/* Parts of the page the UI tests look at. */
GtkColumnView    *tandem_groups_page_get_column_view   (TandemGroupsPage *self);
/* The listed contacts (TandemContact), read a page at a time */
GListModel       *tandem_groups_page_get_model         (TandemGroupsPage *self);
GtkSelectionModel *tandem_groups_page_get_selection    (TandemGroupsPage *self);
GtkEditable      *tandem_groups_page_get_search_entry  (TandemGroupsPage *self);
GtkLabel         *tandem_groups_page_get_count_label   (TandemGroupsPage *self);
AdwStatusPage    *tandem_groups_page_get_empty_page    (TandemGroupsPage *self);
/* The check buttons of a group in the Include or Exclude popover */
GtkCheckButton   *tandem_groups_page_get_group_check   (TandemGroupsPage *self,
                                                        gboolean          include,
                                                        gint64            group_id);
void              tandem_groups_page_set_include_all   (TandemGroupsPage *self,
                                                        gboolean          include_all);
GtkDropDown      *tandem_groups_page_get_kind_dropdown (TandemGroupsPage *self);
/* Applies the search text now rather than after the typing delay. */
void              tandem_groups_page_apply_search      (TandemGroupsPage *self);
/* The row that has the keyboard focus, or GTK_INVALID_LIST_POSITION */
guint             tandem_groups_page_get_focus_position (TandemGroupsPage *self);
/* Gives the row at @position the keyboard focus and selects it alone. */
void              tandem_groups_page_focus_position    (TandemGroupsPage *self,
                                                        guint             position);
/* The dialog of the last group action or call, while it is open */
GtkWindow        *tandem_groups_page_get_dialog        (TandemGroupsPage *self);
/* The last toast's title */
const char       *tandem_groups_page_get_last_toast    (TandemGroupsPage *self);

G_END_DECLS
