/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-call-dialog.h"
#include "tandem-group-contact-list.h"
#include "tandem-groups-page.h"

G_BEGIN_DECLS

/* Name, company, phone, mobile, e-mail and groups */
#define TANDEM_GROUPS_N_COLUMNS 6

typedef enum
{
  TANDEM_GROUP_ACTION_ADD,
  TANDEM_GROUP_ACTION_REMOVE,
  TANDEM_GROUP_ACTION_MOVE,
} TandemGroupAction;

/* What the last group action changed, for its Undo */
typedef struct
{
  TandemGroupAction action;
  gint64            group;     /* added to, removed from, or moved from */
  gint64            to_group;  /* moved to */
  GArray           *changed;   /* TandemContactRef: added, removed, or taken out of @group */
  GArray           *added;     /* TandemContactRef: put into @to_group by a move */
} TandemGroupsUndo;

struct _TandemGroupsPage
{
  AdwBin                  parent_instance;

  /* template widgets */
  AdwToastOverlay        *toast_overlay;
  GtkSearchEntry         *search_entry;
  GtkDropDown            *kind_dropdown;
  GtkBox                 *groups_bar;
  GtkMenuButton          *include_button;
  GtkListBox             *include_checks;
  GtkCheckButton         *any_check;
  GtkCheckButton         *all_check;
  GtkBox                 *include_chips;
  GtkWidget              *all_label;
  GtkMenuButton          *exclude_button;
  GtkListBox             *exclude_checks;
  GtkBox                 *exclude_chips;
  GtkStack               *stack;
  GtkColumnView          *column_view;
  AdwStatusPage          *empty_page;
  GtkWidget              *empty_button;
  GtkActionBar           *action_bar;
  GtkLabel               *count_label;
  GtkWidget              *call_button;
  GtkWidget              *more_button;
  GtkWidget              *group_buttons;

  GtkColumnViewColumn    *columns[TANDEM_GROUPS_N_COLUMNS];

  TandemStore            *store;
  TandemGroupContactList *list;
  GtkMultiSelection      *selection;
  GPtrArray              *groups;      /* TandemContactGroup, the store's order */
  GArray                 *include;     /* gint64 */
  GArray                 *exclude;     /* gint64 */
  GHashTable             *include_checks_by_id;  /* group id → GtkCheckButton */
  GHashTable             *exclude_checks_by_id;
  GtkWindow              *dialog;      /* weak */
  char                   *last_toast;
  char                   *applied;     /* the filter the list shows, as a key */
  TandemGroupsUndo       *undo;
  gint64                  last_to_group;
  gint64                  last_category;
  guint                   reload_id;
  guint                   narrow_id;
  int                     width;
  gboolean                narrow;
  guint                   syncing;
};

/* tandem-groups-page.c, for the actions */
TandemContactGroup *tandem_groups_page_find_group        (TandemGroupsPage *self,
                                                          gint64            id);
/* The group's name, or "" */
const char       *tandem_groups_page_group_name        (TandemGroupsPage *self,
                                                        gint64            id);
gboolean          tandem_groups_page_is_included       (TandemGroupsPage *self,
                                                        gint64            id);
/* The selected rows' contacts (TandemContact *, owned) */
GArray           *tandem_groups_page_get_selected_contacts (TandemGroupsPage *self);
void              tandem_groups_page_show_toast        (TandemGroupsPage *self,
                                                        AdwToast         *toast);
void              tandem_groups_page_show_message      (TandemGroupsPage *self,
                                                        const char       *message);

/* tandem-groups-page-actions.c */
void              tandem_groups_page_actions_class_init (GtkWidgetClass  *widget_class);
void              tandem_groups_page_undo_free         (TandemGroupsUndo *undo);

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
