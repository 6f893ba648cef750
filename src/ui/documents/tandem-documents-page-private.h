/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-documents-page.h"

G_BEGIN_DECLS

/* The choices of the filters, in their order */
typedef enum
{
  TANDEM_DOCUMENTS_ON_ANY        = 0,
  TANDEM_DOCUMENTS_ON_COMPANIES  = 1,
  TANDEM_DOCUMENTS_ON_PEOPLE     = 2,
  TANDEM_DOCUMENTS_ON_PROJECTS   = 3,  /* projects and sales */
  TANDEM_DOCUMENTS_ON_SALES      = 4,
  TANDEM_DOCUMENTS_ON_ACTIVITIES = 5,
} TandemDocumentsOn;

typedef enum
{
  TANDEM_DOCUMENTS_ADDED_ANY_TIME    = 0,
  TANDEM_DOCUMENTS_ADDED_TODAY       = 1,
  TANDEM_DOCUMENTS_ADDED_LAST_WEEK   = 2,
  TANDEM_DOCUMENTS_ADDED_LAST_MONTH  = 3,
  TANDEM_DOCUMENTS_ADDED_LAST_YEAR   = 4,
} TandemDocumentsAdded;

/* Parts of the page the UI tests look at. */
GListModel     *tandem_documents_page_get_model          (TandemDocumentsPage *self);
GtkColumnView  *tandem_documents_page_get_column_view    (TandemDocumentsPage *self);
GtkEditable    *tandem_documents_page_get_search_entry   (TandemDocumentsPage *self);
GtkDropDown    *tandem_documents_page_get_parent_dropdown (TandemDocumentsPage *self);
GtkDropDown    *tandem_documents_page_get_added_dropdown (TandemDocumentsPage *self);
GtkCheckButton *tandem_documents_page_get_mine_check     (TandemDocumentsPage *self);
GtkCheckButton *tandem_documents_page_get_email_check    (TandemDocumentsPage *self);
GtkLabel       *tandem_documents_page_get_count_label    (TandemDocumentsPage *self);
AdwStatusPage  *tandem_documents_page_get_empty_page     (TandemDocumentsPage *self);
/* Applies the search text now rather than after the typing delay. */
void            tandem_documents_page_apply_search       (TandemDocumentsPage *self);

G_END_DECLS
