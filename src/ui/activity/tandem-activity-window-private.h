/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-activity-window.h"
#include "tandem-checklist-row.h"
#include "tandem-date-time-row.h"
#include "tandem-documents-group.h"
#include "tandem-record-picker.h"
#include "tandem-recurrence-editor.h"

G_BEGIN_DECLS

/* Shared by tandem-activity-window.c (the form, saving, the card menu)
 * and tandem-activity-window-extras.c (discussion, reminders, stopwatch,
 * documents and links). The UI tests use only the functions at the end. */
struct _TandemActivityWindow
{
  AdwWindow               parent_instance;

  /* Header and messages */
  AdwWindowTitle         *window_title;
  AdwSplitButton         *save_button;
  GtkMenuButton          *card_menu_button;
  GtkRevealer            *banner_revealer;
  GtkLabel               *banner_label;
  AdwToastOverlay        *toast_overlay;
  GtkScrolledWindow      *scroller;

  /* What */
  AdwEntryRow            *title_row;
  AdwComboRow            *category_row;
  AdwComboRow            *kind_row;
  AdwComboRow            *type_row;
  TandemChecklistRow     *properties_row;
  AdwComboRow            *priority_row;
  TandemRecordPicker     *link_row;
  TandemChecklistRow     *persons_row;
  AdwComboRow            *project_row;
  AdwComboRow            *direction_row;
  AdwEntryRow            *reference_row;
  AdwEntryRow            *url_row;
  AdwEntryRow            *campaign_row;
  GtkWidget              *campaign_button;
  GtkLabel               *campaign_hint;

  /* When */
  AdwPreferencesGroup    *when_group;
  AdwActionRow           *open_ended_row;
  GtkSwitch              *open_ended_switch;
  AdwActionRow           *all_day_row;
  GtkSwitch              *all_day_switch;
  TandemDateTimeRow      *start_row;
  TandemDateTimeRow      *end_row;
  AdwActionRow           *busy_row;
  GtkSwitch              *busy_switch;
  TandemRecurrenceEditor *recurrence_editor;

  /* Who */
  AdwActionRow           *assigner_row;
  TandemChecklistRow     *performers_row;
  AdwComboRow            *responsible_row;
  AdwActionRow           *public_row;
  GtkSwitch              *public_switch;
  AdwComboRow            *visibility_row;
  TandemChecklistRow     *groups_row;
  AdwExpanderRow         *history_row;

  /* Status and goal */
  AdwComboRow            *status_row;
  AdwComboRow            *goal_row;
  AdwComboRow            *outcome_row;

  /* Description */
  AdwEntryRow            *description_row;
  GtkTextView            *details_view;
  GtkTextView            *notes_view;

  /* Discussion, reminders, stopwatch, files */
  AdwPreferencesGroup    *discussion_group;
  GtkListBox             *messages_list;
  AdwEntryRow            *message_row;
  GtkButton              *send_button;
  GtkLabel               *message_error;
  AdwPreferencesGroup    *reminders_group;
  GtkMenuButton          *add_reminder_button;
  GtkListBox             *reminders_list;
  GtkDropDown            *channel_dropdown;
  GtkSpinButton          *custom_minutes_spin;
  AdwPreferencesGroup    *stopwatch_group;
  AdwActionRow           *stopwatch_row;
  GtkButton              *stopwatch_button;
  AdwActionRow           *tracked_row;
  AdwPreferencesGroup    *files_group;
  GtkWidget              *attach_button;
  TandemDocumentsGroup   *documents_group;
  GtkListBox             *attachments_list;

  /* Other */
  GtkSwitch              *needs_completing_switch;
  TandemDateTimeRow      *follow_up_row;

  /* State */
  TandemStore            *store;
  TandemUser             *user;             /* who is signed in */
  TandemActivity         *activity;         /* as loaded or last saved */
  gint64                  recurrence_id;    /* ≠ 0: one occurrence of a series */
  GPtrArray              *categories;       /* TandemTerm, in the order of category_row after "None" */
  GArray                 *kind_ids;         /* gint64 per combo position; 0 = None */
  GArray                 *type_ids;
  GArray                 *priority_ids;
  GArray                 *goal_ids;
  GArray                 *responsible_ids;
  GArray                 *project_ids;      /* gint64 per project_row position; 0 = None */
  GArray                 *reminders;        /* TandemReminder, as edited */
  GPtrArray              *history_rows;     /* the rows inside history_row, not owned */
  GPtrArray              *campaigns;        /* the names the campaign menu offers */
  char                   *clean_fingerprint;
  char                   *clean_rrule;      /* the rule as the card showed it when loaded */
  GTimeSpan               duration;         /* kept when the start moves */
  gint64                  previous_id;
  gint64                  next_id;
  gint64                  pending_go_id;    /* where to go once the user has answered about unsaved changes */
  gboolean                loading;
  gboolean                saving;
  gboolean                close_confirmed;
  gboolean                status_auto;      /* completed because it is in the past (D16) */
  gboolean                may_change_visibility;
  gboolean                project_hidden;   /* linked to a project the user may not see */
  gboolean                project_touched;  /* the user chose in project_row */

  /* Stopwatch */
  guint                   tick_id;
  gboolean                timer_running;
  gint64                  tracked_seconds;  /* as read from the store … */
  gint64                  tracked_read_at;  /* … at this monotonic time */
  GDateTime              *timer_started;
};

/* tandem-activity-window.c */
void         tandem_activity_window_show_error        (TandemActivityWindow *self,
                                                       const char           *message);
void         tandem_activity_window_show_toast        (TandemActivityWindow *self,
                                                       const char           *message);
gint64       tandem_activity_window_get_id            (TandemActivityWindow *self);

/* tandem-activity-window-extras.c */
void         tandem_activity_window_init_extras       (TandemActivityWindow *self);
void         tandem_activity_window_class_init_extras (GtkWidgetClass       *widget_class);
/* Fills the parts that exist only once saved, and the reminders. */
void         tandem_activity_window_load_extras       (TandemActivityWindow *self);
void         tandem_activity_window_refresh_reminders (TandemActivityWindow *self);
/* Asks for files to add as documents, once the activity is saved. */
void         tandem_activity_window_choose_files      (TandemActivityWindow *self);
void         tandem_activity_window_dispose_extras    (TandemActivityWindow *self);

/* A card for an unsaved activity (Save and Plan Similar). */
TandemActivityWindow *tandem_activity_window_new_unsaved (GtkWindow      *parent,
                                                          TandemStore    *store,
                                                          TandemActivity *activity);

/* For the UI tests, which drive the card as a person would. */
AdwWindowTitle     *tandem_activity_window_get_window_title     (TandemActivityWindow *self);
GtkEditable        *tandem_activity_window_get_title_row        (TandemActivityWindow *self);
AdwComboRow        *tandem_activity_window_get_category_row     (TandemActivityWindow *self);
AdwComboRow        *tandem_activity_window_get_kind_row         (TandemActivityWindow *self);
AdwComboRow        *tandem_activity_window_get_type_row         (TandemActivityWindow *self);
AdwComboRow        *tandem_activity_window_get_goal_row         (TandemActivityWindow *self);
AdwComboRow        *tandem_activity_window_get_status_row       (TandemActivityWindow *self);
AdwComboRow        *tandem_activity_window_get_visibility_row   (TandemActivityWindow *self);
AdwExpanderRow     *tandem_activity_window_get_history_row      (TandemActivityWindow *self);
AdwComboRow        *tandem_activity_window_get_project_row      (TandemActivityWindow *self);
/* The campaign typed or chosen from the existing ones (SPEC I3) */
GtkEditable        *tandem_activity_window_get_campaign_row     (TandemActivityWindow *self);
/* What the card says of a campaign name that is new, or NULL */
const char         *tandem_activity_window_get_campaign_hint    (TandemActivityWindow *self);
AdwActionRow       *tandem_activity_window_get_assigner_row     (TandemActivityWindow *self);
TandemChecklistRow *tandem_activity_window_get_performers_row   (TandemActivityWindow *self);
TandemRecordPicker *tandem_activity_window_get_link_row         (TandemActivityWindow *self);
TandemDateTimeRow  *tandem_activity_window_get_start_row        (TandemActivityWindow *self);
TandemDateTimeRow  *tandem_activity_window_get_end_row          (TandemActivityWindow *self);
GtkSwitch          *tandem_activity_window_get_busy_switch      (TandemActivityWindow *self);
TandemRecurrenceEditor *tandem_activity_window_get_recurrence_editor (TandemActivityWindow *self);
GtkEditable        *tandem_activity_window_get_message_row      (TandemActivityWindow *self);
GtkListBox         *tandem_activity_window_get_messages_list    (TandemActivityWindow *self);
GtkLabel           *tandem_activity_window_get_message_error    (TandemActivityWindow *self);
/* The text of the message at the top, or NULL while none is shown. */
const char         *tandem_activity_window_get_error            (TandemActivityWindow *self);
/* Selects the entry of @row whose text is @name; FALSE if there is none. */
gboolean            tandem_activity_window_select_by_name       (AdwComboRow          *row,
                                                                 const char           *name);
/* The text shown for the selected entry of @row. */
const char         *tandem_activity_window_get_selected_name    (AdwComboRow          *row);
gboolean            tandem_activity_window_has_unsaved_changes  (TandemActivityWindow *self);

G_END_DECLS
