/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-projects-page.h"

G_BEGIN_DECLS

/* Parts of the list the UI tests look at. */
typedef enum
{
  TANDEM_PROJECTS_VIEW_ALL      = 0,
  TANDEM_PROJECTS_VIEW_SALES    = 1,
  TANDEM_PROJECTS_VIEW_PROJECTS = 2,
} TandemProjectsView;

GtkColumnView  *tandem_projects_page_get_column_view (TandemProjectsPage *self);
/* The listed projects (TandemProject), read a page at a time */
GListModel     *tandem_projects_page_get_model       (TandemProjectsPage *self);
GtkEditable    *tandem_projects_page_get_search_entry (TandemProjectsPage *self);
void            tandem_projects_page_set_view        (TandemProjectsPage *self,
                                                      TandemProjectsView  view);
GtkDropDown    *tandem_projects_page_get_state_dropdown (TandemProjectsPage *self);
GtkDropDown    *tandem_projects_page_get_seller_dropdown (TandemProjectsPage *self);
GtkCheckButton *tandem_projects_page_get_mine_check  (TandemProjectsPage *self);
GtkLabel       *tandem_projects_page_get_count_label (TandemProjectsPage *self);
/* Applies the search text now rather than after the typing delay. */
void            tandem_projects_page_apply_search    (TandemProjectsPage *self);

G_END_DECLS
