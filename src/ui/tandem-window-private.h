/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-card.h"
#include "tandem-record-list.h"
#include "tandem-window.h"

G_BEGIN_DECLS

struct _TandemWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwLeaflet         *outer_leaflet;
  GtkStack           *content_stack;
  AdwLeaflet         *inner_leaflet;
  GtkWidget          *sidebar_pane;
  GtkWidget          *list_pane;
  GtkWidget          *card_pane;
  GtkListBox         *sidebar_list;
  AdwHeaderBar       *sidebar_header;
  GtkWidget          *notifications_button;
  GtkWidget          *notifications_label;
  GtkWidget          *notifications_popover;
  GtkListBoxRow      *start_row;
  GtkListBoxRow      *day_plan_row;
  GtkListBoxRow      *calendar_row;
  GtkListBoxRow      *to_complete_row;
  GtkListBoxRow      *seller_row;
  GtkListBoxRow      *companies_row;
  GtkListBoxRow      *people_row;
  GtkListBoxRow      *groups_row;
  GtkListBoxRow      *campaigns_row;
  GtkListBoxRow      *pipeline_row;
  GtkListBoxRow      *projects_row;
  GtkListBoxRow      *documents_row;
  GtkListBoxRow      *reports_row;
  AdwWindowTitle     *list_title;
  GtkWidget          *add_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *register_view;
  AdwStatusPage      *empty_page;
  GtkButton          *empty_button;
  GtkListView        *results_view;
  AdwWindowTitle     *card_title;
  GtkWidget          *save_button;
  GtkWidget          *card_menu_button;
  GtkStack           *card_stack;
  AdwStatusPage      *no_card_page;

  TandemStore        *store;
  GSettings          *settings;
  TandemRecordList   *companies;
  TandemRecordList   *people;
  GtkSingleSelection *selection;
  GListStore         *results;
  TandemCard         *company_card;
  TandemCard         *person_card;
  TandemCard         *card;            /* the one shown, or NULL */
  TandemKind          register_kind;
  GtkWidget          *quick_add_dialog;
  guint               selecting;
  gboolean            close_confirmed;
};

/* tandem-window-search.c */
void          tandem_window_search_class_init (GtkWidgetClass *widget_class);
void          tandem_window_search_init      (TandemWindow *self);
void          tandem_window_search_refresh   (TandemWindow *self);
/* A search hit's snippet as Pango markup, the matching parts in bold. */
char         *tandem_window_snippet_markup   (const char   *snippet);

/* tandem-window-pages.c: the activity pages */
void          tandem_window_pages_class_init (GtkWidgetClass *widget_class);
void          tandem_window_pages_init       (TandemWindow  *self);
const char   *tandem_window_page_of_row      (TandemWindow  *self,
                                              GtkListBoxRow *row);
/* The page's content widget, built when first asked for. */
GtkWidget    *tandem_window_get_page         (TandemWindow  *self,
                                              const char    *name);

/* tandem-window.c: what the UI tests look at */
GListModel   *tandem_window_get_register_model (TandemWindow *self);
GListModel   *tandem_window_get_search_results (TandemWindow *self);
GtkWidget    *tandem_window_get_results_view   (TandemWindow *self);
GtkEditable  *tandem_window_get_search_entry   (TandemWindow *self);
TandemCard   *tandem_window_get_card           (TandemWindow *self);
AdwMessageDialog *tandem_window_get_quick_add_dialog (TandemWindow *self);
GtkEditable  *tandem_window_get_quick_add_entry (TandemWindow *self);

G_END_DECLS
