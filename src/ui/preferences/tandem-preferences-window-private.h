/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-preferences-window.h"

G_BEGIN_DECLS

/* The window's parts, for the UI tests that drive it like a person would.
 * @list is one of "users", "groups", "roles", "company-fields",
 * "person-fields", "targets" (the categories on the Sales Targets page),
 * or an activity list by tandem_term_set_to_string(): "category",
 * "kind", "type", "property", "goal", "priority". */
GtkWidget    *tandem_preferences_window_get_users_page        (TandemPreferencesWindow *self);
GtkWidget    *tandem_preferences_window_get_add_user_button   (TandemPreferencesWindow *self);
GtkWidget    *tandem_preferences_window_get_new_group_row     (TandemPreferencesWindow *self);
GtkWidget    *tandem_preferences_window_get_new_role_row      (TandemPreferencesWindow *self);
GtkWidget    *tandem_preferences_window_get_add_field_button  (TandemPreferencesWindow *self,
                                                               TandemKind               entity);
GtkWidget    *tandem_preferences_window_get_change_password_row (TandemPreferencesWindow *self);
/* The dialog opened last from this window, while it is open */
GtkWindow    *tandem_preferences_window_get_dialog            (TandemPreferencesWindow *self);
AdwActionRow *tandem_preferences_window_find_row              (TandemPreferencesWindow *self,
                                                               const char              *list,
                                                               const char              *title);
guint         tandem_preferences_window_count_rows            (TandemPreferencesWindow *self,
                                                               const char              *list);
/* The rows of @list in the order shown */
AdwActionRow *tandem_preferences_window_get_nth_row           (TandemPreferencesWindow *self,
                                                               const char              *list,
                                                               guint                    n);
GtkButton    *tandem_preferences_window_get_row_delete_button (AdwActionRow            *row);
GtkButton    *tandem_preferences_window_get_row_rename_button (AdwActionRow            *row);

/* Activities and Sales Targets (SPEC D3, D9, D20, L1) */
GtkWidget    *tandem_preferences_window_get_activities_page   (TandemPreferencesWindow *self);
GtkWidget    *tandem_preferences_window_get_targets_page      (TandemPreferencesWindow *self);
GtkWidget    *tandem_preferences_window_get_add_category_button (TandemPreferencesWindow *self);
/* The "New kind" … row of a list; NULL for categories */
GtkWidget    *tandem_preferences_window_get_new_term_row      (TandemPreferencesWindow *self,
                                                               TandemTermSet            set);
AdwComboRow  *tandem_preferences_window_get_seller_row        (TandemPreferencesWindow *self);
gboolean      tandem_preferences_window_select_seller         (TandemPreferencesWindow *self,
                                                               const char              *name);
/* @delta -1: the Move Up button, +1: Move Down */
GtkButton    *tandem_preferences_window_get_row_move_button   (AdwActionRow            *row,
                                                               int                      delta);
GtkSpinButton *tandem_preferences_window_get_row_target_spin  (AdwActionRow            *row);
GtkDropDown  *tandem_preferences_window_get_row_target_period (AdwActionRow            *row);

/* Sales (SPEC H1, L1): @list is "stages" or "products". Rows are
 * AdwExpanderRows; @part names one of a row's controls: "menu" (a
 * stage's GtkMenuButton), "delete" (a product's button), "name" (an
 * AdwEntryRow), "probability" (a GtkSpinButton), "outcome" (an
 * AdwComboRow), "group" (an AdwEntryRow), "active" (a GtkSwitch). A
 * stage's menu has the actions "move-up", "move-down" and "delete". */
GtkWidget    *tandem_preferences_window_get_sales_page        (TandemPreferencesWindow *self);
/* The "New stage" or "New product" row */
GtkWidget    *tandem_preferences_window_get_new_sales_row     (TandemPreferencesWindow *self,
                                                               const char              *list);
GtkWidget    *tandem_preferences_window_find_sales_row        (TandemPreferencesWindow *self,
                                                               const char              *list,
                                                               const char              *title);
GtkWidget    *tandem_preferences_window_get_nth_sales_row     (TandemPreferencesWindow *self,
                                                               const char              *list,
                                                               guint                    n);
guint         tandem_preferences_window_count_sales_rows      (TandemPreferencesWindow *self,
                                                               const char              *list);
GtkWidget    *tandem_preferences_window_get_sales_row_part    (GtkWidget               *row,
                                                               const char              *part);
GAction      *tandem_preferences_window_get_sales_row_action  (GtkWidget               *row,
                                                               const char              *name);
/* The toast the Sales page showed last */
AdwToast     *tandem_preferences_window_get_sales_toast       (TandemPreferencesWindow *self);

/* Contact groups (SPEC I1, L1). Administrators' rows are AdwExpanderRows
 * whose @part is "menu" (a GtkMenuButton with the actions "move-up",
 * "move-down" and "delete"), "name" (an AdwEntryRow) or
 * "do-not-contact" (a GtkSwitch); others see AdwActionRows without any. */
GtkWidget    *tandem_preferences_window_get_contact_groups_page (TandemPreferencesWindow *self);
/* The "New contact group" row */
GtkWidget    *tandem_preferences_window_get_new_contact_group_row (TandemPreferencesWindow *self);
GtkWidget    *tandem_preferences_window_find_contact_group_row (TandemPreferencesWindow *self,
                                                                const char              *title);
GtkWidget    *tandem_preferences_window_get_nth_contact_group_row (TandemPreferencesWindow *self,
                                                                   guint                    n);
GtkWidget    *tandem_preferences_window_get_contact_group_row_part (GtkWidget           *row,
                                                                    const char          *part);
GAction      *tandem_preferences_window_get_contact_group_row_action (GtkWidget         *row,
                                                                      const char        *name);
/* The toast the page showed last, and its delete confirmation while open */
AdwToast     *tandem_preferences_window_get_contact_groups_toast (TandemPreferencesWindow *self);
GtkWindow    *tandem_preferences_window_get_contact_groups_dialog (TandemPreferencesWindow *self);

/* The Contact Groups page's share of the window
 * (tandem-preferences-contact-groups.c) */
void          tandem_preferences_window_setup_contact_groups   (TandemPreferencesWindow *self,
                                                                TandemStore             *store,
                                                                AdwPreferencesPage      *page);
void          tandem_preferences_window_refresh_contact_groups (TandemPreferencesWindow *self,
                                                                gboolean                 is_admin);

/* Label sheets (SPEC I4): the home country and the custom sheets */
GtkWidget    *tandem_preferences_window_get_labels_page       (TandemPreferencesWindow *self);
AdwComboRow  *tandem_preferences_window_get_home_country_row  (TandemPreferencesWindow *self);
/* Chooses a country by its alpha-2 code, as the user would in the list */
gboolean      tandem_preferences_window_select_home_country   (TandemPreferencesWindow *self,
                                                               const char              *code);
GtkWidget    *tandem_preferences_window_get_add_label_sheet_button (TandemPreferencesWindow *self);
AdwActionRow *tandem_preferences_window_find_label_sheet_row  (TandemPreferencesWindow *self,
                                                               const char              *title);
GtkButton    *tandem_preferences_window_get_label_sheet_delete_button (AdwActionRow    *row);
/* The label sheet editor opened last from the page, while it is open */
GtkWindow    *tandem_preferences_window_get_label_sheet_dialog (TandemPreferencesWindow *self);
AdwToast     *tandem_preferences_window_get_labels_toast      (TandemPreferencesWindow *self);

/* The Label Sheets page's share of the window (tandem-preferences-labels.c) */
void          tandem_preferences_window_setup_labels          (TandemPreferencesWindow *self,
                                                               TandemStore             *store,
                                                               AdwPreferencesPage      *page);
void          tandem_preferences_window_refresh_labels        (TandemPreferencesWindow *self,
                                                               gboolean                 is_admin);

/* The Sales page's share of the window (tandem-preferences-sales.c) */
void          tandem_preferences_window_setup_sales           (TandemPreferencesWindow *self,
                                                               TandemStore             *store,
                                                               AdwPreferencesPage      *page);
void          tandem_preferences_window_refresh_sales         (TandemPreferencesWindow *self,
                                                               gboolean                 is_admin);

/* Two-step sign-in (SPEC A2), tandem-preferences-second-factor.c: the
 * Authenticator App row of the Account page, and on the Users page the
 * administrators' "require" switches of each user ("users") and group
 * ("groups") by the row's title, and a user's Turn Off button. */
void          tandem_preferences_window_setup_second_factor   (TandemPreferencesWindow *self,
                                                               TandemStore             *store);
void          tandem_preferences_window_refresh_second_factor (TandemPreferencesWindow *self,
                                                               gboolean                 is_admin);
AdwActionRow *tandem_preferences_window_get_authenticator_row (TandemPreferencesWindow *self);
GtkButton    *tandem_preferences_window_get_authenticator_button (TandemPreferencesWindow *self);
GtkSwitch    *tandem_preferences_window_find_second_factor_switch (TandemPreferencesWindow *self,
                                                                   const char              *list,
                                                                   const char              *title);
GtkButton    *tandem_preferences_window_find_second_factor_turn_off (TandemPreferencesWindow *self,
                                                                     const char              *title);
/* The set-up or turn-off dialog opened last from these, while it is open */
GtkWindow    *tandem_preferences_window_get_second_factor_dialog (TandemPreferencesWindow *self);

G_END_DECLS
