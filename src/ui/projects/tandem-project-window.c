/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemProjectWindow"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-checklist-row.h"
#include "tandem-date.h"
#include "tandem-note-editor.h"
#include "tandem-project-window-private.h"
#include "tandem-sale-dialog.h"
#include "tandem-task-dialog.h"

/* Store changes come in bursts (a save touches several tables); one
 * reload after the burst is enough. */
#define RELOAD_DELAY_MS 100

struct _TandemProjectWindow
{
  AdwWindow              parent_instance;

  AdwWindowTitle        *window_title;
  AdwToastOverlay       *toast_overlay;
  GtkStack              *main_stack;
  GtkLabel              *name_label;
  GtkLabel              *company_label;
  GtkLabel              *kind_badge;
  GtkLabel              *state_badge;
  GtkLabel              *description_label;
  AdwPreferencesGroup   *sale_group;
  AdwComboRow           *stage_row;
  GtkLabel              *value_label;
  GtkLabel              *weighted_label;
  GtkLabel              *probability_label;
  GtkLabel              *close_date_label;
  GtkLabel              *seller_label;
  AdwActionRow          *product_row;
  GtkLabel              *product_label;
  AdwActionRow          *campaign_row;
  GtkLabel              *campaign_label;
  GtkWidget             *close_buttons;
  GtkWidget             *edit_project_button;
  AdwPreferencesGroup   *team_group;
  AdwComboRow           *visibility_row;
  TandemChecklistRow    *groups_row;
  AdwPreferencesGroup   *tasks_group;
  TandemActivitiesGroup *activities_group;
  TandemNotesGroup      *notes_group;
  TandemDocumentsGroup  *documents_group;

  TandemStore           *store;
  gint64                 project_id;
  TandemProject         *project;       /* as last read */
  GPtrArray             *stages;        /* TandemStage, in the order of stage_row */
  GPtrArray             *members;       /* TandemProjectMember */
  GPtrArray             *member_rows;
  GPtrArray             *task_rows;
  guint                  n_tasks;
  guint                  reload_id;
  gulong                 changed_id;
  gboolean               loading;
  gboolean               is_member;
  gboolean               may_change_team;
  gboolean               may_change_visibility;

  /* The "Add Member" dialog while it is open */
  AdwMessageDialog      *member_dialog;
  AdwComboRow           *member_user_row;
  AdwEntryRow           *member_role_row;
  GArray                *member_user_ids;
};

enum {
  CHANGED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemProjectWindow, tandem_project_window, ADW_TYPE_WINDOW)

/* Who may see the project (E1), in the order of visibility_row. A project
 * is never private: its team always sees it. */
static const TandemVisibility project_visibilities[] = {
  TANDEM_VISIBILITY_EVERYONE,
  TANDEM_VISIBILITY_GROUPS,
  TANDEM_VISIBILITY_TEAM,
};

/* What an Undo brings back. */
typedef struct
{
  TandemStore   *store;
  TandemKind     kind;       /* restore a deleted record … */
  gint64         id;
  TandemProject *before;     /* … or save the project as it was … */
  gint64         user_id;    /* … or put a member back */
  char          *role;
} Undo;

/* Helpers ------------------------------------------------------------------ */

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_clear_object (&undo->store);
  g_clear_object (&undo->before);
  g_free (undo->role);
  g_free (undo);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (undo->before)
    done = tandem_store_save_project (undo->store, undo->before, &error) != 0;
  else if (undo->user_id)
    done = tandem_store_add_project_member (undo->store, undo->id, undo->user_id, undo->role, &error);
  else
    done = tandem_store_restore (undo->store, undo->kind, undo->id, &error);
  if (!done)
    g_warning ("Cannot undo: %s", error->message);
}

static void
add_toast (AdwToastOverlay *overlay,
           const char      *title,
           Undo            *undo)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo, undo_free, 0);
    }
  adw_toast_overlay_add_toast (overlay, toast);
}

static Undo *
undo_new (TandemProjectWindow *self)
{
  Undo *undo = g_new0 (Undo, 1);

  undo->store = g_object_ref (self->store);
  undo->id = self->project_id;
  return undo;
}

static void
show_error (TandemProjectWindow *self,
            const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The toast overlay of the window the project was opened from, if any. */
static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (widget == NULL)
    return NULL;
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_toast_overlay (child);

      if (found)
        return found;
    }
  return NULL;
}

static gint64
user_id (TandemProjectWindow *self)
{
  TandemUser *user = tandem_store_get_user (self->store);

  return user ? tandem_user_get_id (user) : 0;
}

static gboolean
user_is_admin (TandemProjectWindow *self)
{
  TandemUser *user = tandem_store_get_user (self->store);

  return user && tandem_user_is_admin (user);
}

static gboolean
user_is_manager (TandemProjectWindow *self)
{
  TandemUser *user = tandem_store_get_user (self->store);

  return user && (tandem_user_is_admin (user) || tandem_user_get_role (user) == TANDEM_ROLE_MANAGER);
}

static gboolean
is_overdue (TandemTask *task,
            const GDate *today)
{
  TandemTaskState state = tandem_task_get_state (task);
  const char *due = tandem_task_get_due (task);
  GDate date;

  if (due == NULL || (state != TANDEM_TASK_OPEN && state != TANDEM_TASK_IN_PROGRESS))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, due);
  return g_date_valid (&date) && g_date_compare (&date, today) < 0;
}

static void
set_badge (GtkLabel   *badge,
           const char *text,
           const char *style_class)
{
  const char *styles[] = { "accent", "success", "error" };

  gtk_label_set_text (badge, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (badge), text != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (badge), styles[i]);
  if (style_class)
    gtk_widget_add_css_class (GTK_WIDGET (badge), style_class);
}

static void
set_value (GtkLabel   *label,
           const char *text,
           const char *none)
{
  gtk_label_set_text (label, text && *text ? text : none);
  if (text && *text)
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
add_placeholder (AdwPreferencesGroup *group,
                 GPtrArray           *rows,
                 const char          *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "dim-label");
  g_ptr_array_add (rows, row);
  adw_preferences_group_add (group, row);
  return row;
}

static gint64
row_id (gpointer    object,
        const char *key)
{
  gint64 *id = g_object_get_data (G_OBJECT (object), key);

  return id ? *id : 0;
}

static void
set_row_id (gpointer    object,
            const char *key,
            gint64      id)
{
  g_object_set_data_full (G_OBJECT (object), key, g_memdup2 (&id, sizeof id), g_free);
}

static const char *
member_name (TandemProjectWindow *self,
             gint64               id)
{
  for (guint i = 0; self->members && i < self->members->len; i++)
    if (tandem_project_member_get_user_id (g_ptr_array_index (self->members, i)) == id)
      return tandem_project_member_get_name (g_ptr_array_index (self->members, i));
  return NULL;
}

static gboolean
on_reload_timeout_cb (gpointer data)
{
  TandemProjectWindow *self = data;

  self->reload_id = 0;
  tandem_project_window_reload (self);
  return G_SOURCE_REMOVE;
}

/* Reads the project again once the current event is over: a row may be
 * asking from inside its own signal. */
static void
queue_reload (TandemProjectWindow *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
}

/* Loading ------------------------------------------------------------------ */

static void
fill_stages (TandemProjectWindow *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->stages, g_ptr_array_unref);
  self->stages = tandem_store_list_stages (self->store, &error);
  if (self->stages == NULL)
    {
      g_warning ("Cannot read the sales stages: %s", error->message);
      self->stages = g_ptr_array_new_with_free_func (g_object_unref);
    }
  for (guint i = 0; i < self->stages->len; i++)
    gtk_string_list_append (model, tandem_stage_get_name (g_ptr_array_index (self->stages, i)));
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (model));
}

static void
fill_groups (TandemProjectWindow *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  tandem_checklist_row_clear (self->groups_row);
  groups = tandem_store_list_groups (self->store, &error);
  if (groups == NULL)
    {
      g_warning ("Cannot read the groups: %s", error->message);
      return;
    }
  for (guint i = 0; i < groups->len; i++)
    {
      TandemChoice *group = g_ptr_array_index (groups, i);

      tandem_checklist_row_add (self->groups_row, tandem_choice_get_id (group), tandem_choice_get_name (group),
                                NULL, FALSE);
    }
}

static void
load_header (TandemProjectWindow *self)
{
  TandemProject *p = self->project;
  const char *name = tandem_project_get_name (p);
  const char *company = tandem_project_get_company_name (p);
  const char *description = tandem_project_get_description (p);
  gboolean is_sale = tandem_project_get_is_sale (p);
  gboolean is_delivery = tandem_project_get_is_delivery (p);

  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, company ? company : "");
  gtk_window_set_title (GTK_WINDOW (self), name);
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->company_label, company ? company : "");

  set_badge (self->kind_badge, is_delivery ? _("Delivery project") : _("Sales project"), NULL);
  if (!is_sale)
    set_badge (self->state_badge, NULL, NULL);
  else
    switch (tandem_project_get_state (p))
      {
      case TANDEM_SALE_WON:
        set_badge (self->state_badge, tandem_sale_state_get_label (TANDEM_SALE_WON), "success");
        break;
      case TANDEM_SALE_LOST:
        set_badge (self->state_badge, tandem_sale_state_get_label (TANDEM_SALE_LOST), "error");
        break;
      case TANDEM_SALE_OPEN:
      default:
        set_badge (self->state_badge, tandem_project_get_stage_name (p), "accent");
        break;
      }

  gtk_label_set_text (self->description_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description && *description);
}

static void
load_sale (TandemProjectWindow *self)
{
  TandemProject *p = self->project;
  gboolean is_sale = tandem_project_get_is_sale (p);
  gboolean open = is_sale && tandem_project_get_state (p) == TANDEM_SALE_OPEN;
  g_autofree char *value = NULL;
  g_autofree char *weighted = NULL;
  g_autofree char *probability = NULL;
  g_autofree char *close_date = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->sale_group), is_sale);
  gtk_widget_set_visible (self->edit_project_button, !is_sale);
  gtk_widget_set_visible (self->close_buttons, open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.mark-won", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.mark-lost", open);
  if (!is_sale)
    return;

  adw_combo_row_set_selected (self->stage_row, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < self->stages->len; i++)
    if (tandem_stage_get_id (g_ptr_array_index (self->stages, i)) == tandem_project_get_stage_id (p))
      adw_combo_row_set_selected (self->stage_row, i);

  value = tandem_format_money (tandem_project_get_value (p), tandem_project_get_currency (p));
  weighted = tandem_format_money (tandem_project_get_weighted_value (p), tandem_project_get_currency (p));
  /* Translators: a sale's probability, "40 %"; use your language's way of writing percentages */
  probability = g_strdup_printf (_("%d %%"), tandem_project_get_probability (p));
  close_date = tandem_date_format (tandem_project_get_close_date (p));
  gtk_label_set_text (self->value_label, value);
  gtk_label_set_text (self->weighted_label, weighted);
  gtk_label_set_text (self->probability_label, probability);
  set_value (self->close_date_label, close_date, C_("closing date", "Not set"));
  set_value (self->seller_label, tandem_project_get_seller_name (p), C_("seller", "Nobody"));
  set_value (self->product_label, tandem_project_get_product_name (p), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->product_row), tandem_project_get_product_name (p) != NULL);
  set_value (self->campaign_label, tandem_project_get_campaign (p), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_row),
                          tandem_project_get_campaign (p) && *tandem_project_get_campaign (p));
}

static void
on_remove_member_clicked_cb (GtkButton           *button,
                             TandemProjectWindow *self)
{
  gint64 id = row_id (button, "user-id");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = g_strdup (member_name (self, id));
  Undo *undo;

  undo = undo_new (self);
  undo->user_id = id;
  undo->role = g_strdup (g_object_get_data (G_OBJECT (button), "role"));
  if (!tandem_store_remove_project_member (self->store, self->project_id, id, &error))
    {
      undo_free (undo, NULL);
      show_error (self, error->message);
      return;
    }
  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("%s removed from the team"), name ? name : "");
  add_toast (self->toast_overlay, title, undo);
  g_signal_emit (self, signals[CHANGED], 0);
  queue_reload (self);
}

static GtkWidget *
create_member_row (TandemProjectWindow *self,
                   TandemProjectMember *member)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar;
  const char *name = tandem_project_member_get_name (member);
  const char *role = tandem_project_member_get_role (member);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), role && *role ? role : "");
  avatar = adw_avatar_new (32, name, TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);

  if (self->may_change_team)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      /* Translators: %s is a person's name */
      g_autofree char *label = g_strdup_printf (_("Remove %s from the Team"), name);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      set_row_id (button, "user-id", tandem_project_member_get_user_id (member));
      g_object_set_data_full (G_OBJECT (button), "role", g_strdup (role), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_member_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
load_team (TandemProjectWindow *self)
{
  TandemProject *p = self->project;
  g_autoptr(GError) error = NULL;
  TandemVisibility visibility = tandem_project_get_visibility (p);
  const gint64 *groups;
  guint n_groups;
  gint64 me = user_id (self);

  remove_rows (self->team_group, self->member_rows);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  self->members = tandem_store_list_project_members (self->store, self->project_id, &error);
  if (self->members == NULL)
    {
      g_debug ("Cannot read the team: %s", error->message);
      self->members = g_ptr_array_new_with_free_func (g_object_unref);
    }

  self->is_member = FALSE;
  for (guint i = 0; i < self->members->len; i++)
    self->is_member |= tandem_project_member_get_user_id (g_ptr_array_index (self->members, i)) == me;
  self->may_change_team = self->is_member || user_is_manager (self) ||
                          tandem_project_get_author_id (p) == me ||
                          (tandem_project_get_is_sale (p) && tandem_project_get_seller_id (p) == me);
  /* E2: who sees the project is its author's or an administrator's call. */
  self->may_change_visibility = user_is_admin (self) || tandem_project_get_author_id (p) == me;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.add-member", self->may_change_team);

  for (guint i = 0; i < G_N_ELEMENTS (project_visibilities); i++)
    if (project_visibilities[i] == visibility)
      adw_combo_row_set_selected (self->visibility_row, i);
  groups = tandem_project_get_group_ids (p, &n_groups);
  tandem_checklist_row_set_selected (self->groups_row, groups, n_groups);
  gtk_widget_set_visible (GTK_WIDGET (self->groups_row), visibility == TANDEM_VISIBILITY_GROUPS);
  gtk_widget_set_sensitive (GTK_WIDGET (self->visibility_row), self->may_change_visibility);
  gtk_widget_set_sensitive (GTK_WIDGET (self->groups_row), self->may_change_visibility);
  /* The choice stays readable in full as the subtitle; why it cannot be
   * changed goes under the group's title. */
  adw_preferences_group_set_description (self->team_group,
                                         self->may_change_visibility
                                         ? NULL : _("Only the author or an administrator can change who sees the project"));

  for (guint i = 0; i < self->members->len; i++)
    {
      GtkWidget *row = create_member_row (self, g_ptr_array_index (self->members, i));

      g_ptr_array_add (self->member_rows, row);
      adw_preferences_group_add (self->team_group, row);
    }
  if (self->members->len == 0)
    add_placeholder (self->team_group, self->member_rows, _("No members yet"));
}

static void
on_task_toggled_cb (GtkCheckButton      *check,
                    TandemProjectWindow *self)
{
  g_autoptr(GError) error = NULL;
  TandemTaskState state = gtk_check_button_get_active (check) ? TANDEM_TASK_DONE : TANDEM_TASK_OPEN;

  if (self->loading)
    return;
  if (!tandem_store_set_task_state (self->store, row_id (check, "task-id"), state, &error))
    {
      show_error (self, error->message);
      queue_reload (self);
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_task_deleted_cb (TandemTaskDialog    *dialog,
                    gint64               id,
                    TandemProjectWindow *self)
{
  Undo *undo = undo_new (self);

  undo->kind = TANDEM_KIND_TASK;
  undo->id = id;
  add_toast (self->toast_overlay, _("Task deleted"), undo);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_task_saved_cb (TandemProjectWindow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
present_task_dialog (TandemProjectWindow *self,
                     TandemTask          *task)
{
  TandemTaskDialog *dialog;

  dialog = tandem_task_dialog_new (GTK_WINDOW (self), self->store, self->project_id, task, self->members);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_task_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (on_task_deleted_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_task_activated_cb (AdwActionRow        *row,
                      TandemProjectWindow *self)
{
  g_autoptr(TandemTask) task = NULL;
  g_autoptr(GError) error = NULL;

  task = tandem_store_get_task (self->store, row_id (row, "task-id"), &error);
  if (task == NULL)
    {
      show_error (self, error->message);
      queue_reload (self);
      return;
    }
  present_task_dialog (self, task);
}

static void
add_tag (AdwActionRow *row,
         const char   *text,
         const char   *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption-heading");
  if (style_class)
    gtk_widget_add_css_class (label, style_class);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, label);
}

static GtkWidget *
create_task_row (TandemProjectWindow *self,
                 TandemTask          *task,
                 const GDate         *today)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *title = tandem_task_get_title (task);
  const char *responsible = tandem_task_get_responsible_name (task);
  TandemTaskState state = tandem_task_get_state (task);
  TandemVisibility visibility = tandem_task_get_visibility (task);
  g_autofree char *due = tandem_date_format (tandem_task_get_due (task));
  g_autoptr(GString) subtitle = g_string_new (responsible ? responsible : _("Nobody responsible"));
  gint64 id = tandem_record_get_id (TANDEM_RECORD (task));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (due)
    {
      /* Translators: %s is a date */
      g_autofree char *text = g_strdup_printf (_("Due %s"), due);

      g_string_append_printf (subtitle, " · %s", text);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  set_row_id (row, "task-id", id);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), state == TANDEM_TASK_DONE);
  gtk_widget_set_tooltip_text (check, _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  set_row_id (check, "task-id", id);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_task_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  if (is_overdue (task, today))
    add_tag (ADW_ACTION_ROW (row), _("Overdue"), "error");
  else if (state == TANDEM_TASK_IN_PROGRESS || state == TANDEM_TASK_CANCELLED)
    add_tag (ADW_ACTION_ROW (row), tandem_task_state_get_label (state),
             state == TANDEM_TASK_IN_PROGRESS ? "accent" : "dim-label");
  if (state == TANDEM_TASK_DONE || state == TANDEM_TASK_CANCELLED)
    gtk_widget_add_css_class (row, "task-done");

  if (visibility == TANDEM_VISIBILITY_GROUPS || visibility == TANDEM_VISIBILITY_PRIVATE)
    {
      const char *label = visibility == TANDEM_VISIBILITY_PRIVATE
                          ? _("Private: its author and the responsible person")
                          : _("Only the chosen groups in the team");
      GtkWidget *icon = gtk_image_new_from_icon_name (visibility == TANDEM_VISIBILITY_PRIVATE
                                                      ? "changes-prevent-symbolic" : "system-users-symbolic");

      gtk_widget_set_tooltip_text (icon, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  g_signal_connect_object (row, "activated", G_CALLBACK (on_task_activated_cb), self, 0);
  return row;
}

static void
load_tasks (TandemProjectWindow *self)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  remove_rows (self->tasks_group, self->task_rows);
  self->n_tasks = 0;

  /* E4: the tasks are the team's; others do not see the group at all. */
  gtk_widget_set_visible (GTK_WIDGET (self->tasks_group), self->is_member);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.add-task", self->is_member);
  if (!self->is_member)
    return;

  tasks = tandem_store_list_tasks (self->store, self->project_id, &error);
  if (tasks == NULL)
    {
      g_debug ("Cannot read the tasks: %s", error->message);
      return;
    }
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  for (guint i = 0; i < tasks->len; i++)
    {
      GtkWidget *row = create_task_row (self, g_ptr_array_index (tasks, i), &today);

      g_ptr_array_add (self->task_rows, row);
      adw_preferences_group_add (self->tasks_group, row);
    }
  self->n_tasks = tasks->len;
  if (tasks->len == 0)
    add_placeholder (self->tasks_group, self->task_rows, _("No tasks yet"));
}

static void
show_gone (TandemProjectWindow *self)
{
  const char *actions[] = {
    "project.edit", "project.delete", "project.mark-won", "project.mark-lost",
    "project.add-member", "project.add-task", "win.add-note", "win.edit-note",
  };

  g_clear_object (&self->project);
  gtk_stack_set_visible_child_name (self->main_stack, "gone");
  adw_window_title_set_title (self->window_title, _("Project Not Available"));
  adw_window_title_set_subtitle (self->window_title, "");
  gtk_window_set_title (GTK_WINDOW (self), _("Project Not Available"));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], FALSE);
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_store_changed_cb (TandemProjectWindow *self,
                     int                  kind,
                     gint64               id,
                     TandemStore         *store)
{
  /* Notes and activities follow the store themselves. */
  if (kind == TANDEM_KIND_NOTE || kind == TANDEM_KIND_ACTIVITY)
    return;
  queue_reload (self);
}

static void
on_stage_selected_cb (TandemProjectWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->stage_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  TandemStage *stage;
  Undo *undo;

  if (self->loading || self->project == NULL || selected >= self->stages->len)
    return;
  stage = g_ptr_array_index (self->stages, selected);
  if (tandem_stage_get_id (stage) == tandem_project_get_stage_id (self->project))
    return;

  undo = undo_new (self);
  undo->before = tandem_project_copy (self->project);
  if (!tandem_store_move_sale (self->store, self->project_id, tandem_stage_get_id (stage), &error))
    {
      undo_free (undo, NULL);
      show_error (self, error->message);
      tandem_project_window_reload (self);
      return;
    }
  /* Translators: %s is a sales stage such as "Offer" */
  title = g_strdup_printf (_("Moved to %s"), tandem_stage_get_name (stage));
  add_toast (self->toast_overlay, title, undo);
  g_signal_emit (self, signals[CHANGED], 0);
  tandem_project_window_reload (self);
}

static void
save_visibility (TandemProjectWindow *self,
                 TandemVisibility     visibility,
                 GArray              *groups)
{
  g_autoptr(TandemProject) edited = tandem_project_copy (self->project);
  g_autoptr(GError) error = NULL;

  tandem_project_set_visibility (edited, visibility);
  if (visibility == TANDEM_VISIBILITY_GROUPS)
    tandem_project_set_group_ids (edited, (const gint64 *) groups->data, groups->len);
  else
    tandem_project_set_group_ids (edited, NULL, 0);
  if (tandem_store_save_project (self->store, edited, &error) == 0)
    {
      show_error (self, error->message);
      tandem_project_window_reload (self);
      return;
    }
  add_toast (self->toast_overlay, _("Visibility changed"), NULL);
  g_signal_emit (self, signals[CHANGED], 0);
  tandem_project_window_reload (self);
}

static void
on_visibility_changed_cb (TandemProjectWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->visibility_row);
  g_autoptr(GArray) groups = NULL;
  TandemVisibility visibility;
  const gint64 *before;
  guint n_before;

  if (self->loading || self->project == NULL || selected >= G_N_ELEMENTS (project_visibilities))
    return;
  visibility = project_visibilities[selected];
  gtk_widget_set_visible (GTK_WIDGET (self->groups_row), visibility == TANDEM_VISIBILITY_GROUPS);
  groups = tandem_checklist_row_get_selected (self->groups_row);
  before = tandem_project_get_group_ids (self->project, &n_before);

  if (visibility == TANDEM_VISIBILITY_GROUPS && groups->len == 0)
    {
      /* Saved once a group is chosen. */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->groups_row), TRUE);
      return;
    }
  if (visibility == tandem_project_get_visibility (self->project) &&
      (visibility != TANDEM_VISIBILITY_GROUPS ||
       (groups->len == n_before && memcmp (groups->data, before, n_before * sizeof (gint64)) == 0)))
    return;
  save_visibility (self, visibility, groups);
}

static void
on_member_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       TandemProjectWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;
  g_autofree char *title = NULL;
  guint selected;
  gint64 id;

  if (g_str_equal (response, "add"))
    {
      selected = adw_combo_row_get_selected (self->member_user_row);
      id = selected < self->member_user_ids->len ? g_array_index (self->member_user_ids, gint64, selected) : 0;
      role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->member_role_row))));
      if (id != 0 && !tandem_store_add_project_member (self->store, self->project_id, id, *role ? role : NULL, &error))
        show_error (self, error->message);
      else if (id != 0)
        {
          GtkStringObject *item = adw_combo_row_get_selected_item (self->member_user_row);

          /* Translators: %s is a person's name */
          title = g_strdup_printf (_("%s added to the team"), gtk_string_object_get_string (item));
          add_toast (self->toast_overlay, title, NULL);
          g_signal_emit (self, signals[CHANGED], 0);
          tandem_project_window_reload (self);
        }
    }
  self->member_dialog = NULL;
  self->member_user_row = NULL;
  self->member_role_row = NULL;
}

/* Actions ------------------------------------------------------------------ */

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemProjectWindow *self = TANDEM_PROJECT_WINDOW (widget);
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *group;

  if (self->member_dialog)
    {
      gtk_window_present (GTK_WINDOW (self->member_dialog));
      return;
    }
  users = tandem_store_list_users (self->store, &error);
  if (users == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_array_set_size (self->member_user_ids, 0);
  for (guint i = 0; i < users->len; i++)
    {
      TandemUser *user = g_ptr_array_index (users, i);
      gint64 id = tandem_user_get_id (user);

      if (!tandem_user_get_active (user) || member_name (self, id) != NULL)
        continue;
      gtk_string_list_append (names, tandem_user_get_name (user));
      g_array_append_val (self->member_user_ids, id);
    }
  if (self->member_user_ids->len == 0)
    {
      add_toast (self->toast_overlay, _("Everyone is in the team already"), NULL);
      return;
    }

  self->member_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Add Team Member"), NULL));
  adw_message_dialog_set_body (self->member_dialog,
                               _("Members see the project, its tasks and what is shared with the team, "
                                 "never what is kept to groups they are not in."));
  group = adw_preferences_group_new ();
  self->member_user_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->member_user_row), _("_Person"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->member_user_row), TRUE);
  adw_combo_row_set_model (self->member_user_row, G_LIST_MODEL (names));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->member_user_row));
  self->member_role_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->member_role_row), _("_Role in the project"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->member_role_row), TRUE);
  adw_entry_row_set_activates_default (self->member_role_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->member_role_row));
  adw_message_dialog_set_extra_child (self->member_dialog, group);

  adw_message_dialog_add_responses (self->member_dialog,
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (self->member_dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->member_dialog, "add");
  adw_message_dialog_set_close_response (self->member_dialog, "cancel");
  g_signal_connect_object (self->member_dialog, "response", G_CALLBACK (on_member_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->member_dialog));
}

static void
add_task_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  present_task_dialog (TANDEM_PROJECT_WINDOW (widget), NULL);
}

static void
close_sale (TandemProjectWindow *self,
            TandemSaleState      state)
{
  g_autoptr(GError) error = NULL;
  Undo *undo;

  if (self->project == NULL)
    return;
  undo = undo_new (self);
  undo->before = tandem_project_copy (self->project);
  if (!tandem_store_close_sale (self->store, self->project_id, state, &error))
    {
      undo_free (undo, NULL);
      show_error (self, error->message);
      return;
    }
  add_toast (self->toast_overlay, state == TANDEM_SALE_WON ? _("Marked as won: now a delivery project")
                                                           : _("Marked as lost"), undo);
  g_signal_emit (self, signals[CHANGED], 0);
  tandem_project_window_reload (self);
}

static void
mark_won_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  close_sale (TANDEM_PROJECT_WINDOW (widget), TANDEM_SALE_WON);
}

static void
mark_lost_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  close_sale (TANDEM_PROJECT_WINDOW (widget), TANDEM_SALE_LOST);
}

static void
on_project_saved_cb (TandemProjectWindow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
  tandem_project_window_reload (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemProjectWindow *self = TANDEM_PROJECT_WINDOW (widget);
  TandemSaleDialog *dialog;

  if (self->project == NULL)
    return;
  dialog = tandem_sale_dialog_new_for_project (GTK_WINDOW (self), self->store, self->project);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_project_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemProjectWindow *self = TANDEM_PROJECT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;
  name = g_strdup (tandem_project_get_name (self->project));
  if (!tandem_store_delete (self->store, TANDEM_KIND_PROJECT, self->project_id, &error))
    {
      show_error (self, error->message);
      return;
    }

  /* The window goes; the Undo stays with the window it was opened from. */
  if (!g_signal_has_handler_pending (self, signals[DELETED], 0, FALSE))
    {
      AdwToastOverlay *overlay = find_toast_overlay (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))));

      if (overlay)
        {
          /* Translators: %s is the name of a project */
          g_autofree char *title = g_strdup_printf (_("“%s” deleted"), name);
          Undo *undo = undo_new (self);

          undo->kind = TANDEM_KIND_PROJECT;
          add_toast (overlay, title, undo);
        }
    }
  g_signal_emit (self, signals[DELETED], 0, self->project_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_note_deleted_cb (TandemNoteEditor    *editor,
                    gint64               id,
                    TandemProjectWindow *self)
{
  Undo *undo = undo_new (self);

  undo->kind = TANDEM_KIND_NOTE;
  undo->id = id;
  add_toast (self->toast_overlay, _("Note deleted"), undo);
}

static void
present_note_editor (TandemProjectWindow *self,
                     TandemNote          *note)
{
  TandemNoteEditor *editor = tandem_note_editor_new (GTK_WINDOW (self), self->store, note);

  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_note_deleted_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TandemProjectWindow *self = TANDEM_PROJECT_WINDOW (widget);
  g_autoptr(TandemNote) note = tandem_note_new (TANDEM_KIND_PROJECT, self->project_id, "");

  present_note_editor (self, note);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TandemProjectWindow *self = TANDEM_PROJECT_WINDOW (widget);
  g_autoptr(TandemNote) note = NULL;
  g_autoptr(GError) error = NULL;

  note = tandem_store_get_note (self->store, g_variant_get_int64 (parameter), &error);
  if (note == NULL)
    {
      show_error (self, error->message);
      return;
    }
  present_note_editor (self, note);
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_project_window_dispose (GObject *object)
{
  TandemProjectWindow *self = TANDEM_PROJECT_WINDOW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_PROJECT_WINDOW);
  g_clear_object (&self->project);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_project_window_parent_class)->dispose (object);
}

static void
tandem_project_window_finalize (GObject *object)
{
  TandemProjectWindow *self = TANDEM_PROJECT_WINDOW (object);

  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->member_rows, g_ptr_array_unref);
  g_clear_pointer (&self->task_rows, g_ptr_array_unref);
  g_clear_pointer (&self->member_user_ids, g_array_unref);

  G_OBJECT_CLASS (tandem_project_window_parent_class)->finalize (object);
}

static void
tandem_project_window_class_init (TandemProjectWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_project_window_dispose;
  object_class->finalize = tandem_project_window_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TANDEM_TYPE_ACTIVITIES_GROUP);
  g_type_ensure (TANDEM_TYPE_CHECKLIST_ROW);
  g_type_ensure (TANDEM_TYPE_NOTES_GROUP);
  g_type_ensure (TANDEM_TYPE_DOCUMENTS_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/projects/tandem-project-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemProjectWindow, name)
  CHILD (window_title);
  CHILD (toast_overlay);
  CHILD (main_stack);
  CHILD (name_label);
  CHILD (company_label);
  CHILD (kind_badge);
  CHILD (state_badge);
  CHILD (description_label);
  CHILD (sale_group);
  CHILD (stage_row);
  CHILD (value_label);
  CHILD (weighted_label);
  CHILD (probability_label);
  CHILD (close_date_label);
  CHILD (seller_label);
  CHILD (product_row);
  CHILD (product_label);
  CHILD (campaign_row);
  CHILD (campaign_label);
  CHILD (close_buttons);
  CHILD (edit_project_button);
  CHILD (team_group);
  CHILD (visibility_row);
  CHILD (groups_row);
  CHILD (tasks_group);
  CHILD (activities_group);
  CHILD (notes_group);
  CHILD (documents_group);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "project.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "project.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "project.mark-won", NULL, mark_won_action);
  gtk_widget_class_install_action (widget_class, "project.mark-lost", NULL, mark_lost_action);
  gtk_widget_class_install_action (widget_class, "project.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "project.add-task", NULL, add_task_action);
  /* What the notes group asks of the window it is in. */
  gtk_widget_class_install_action (widget_class, "win.add-note", "(ix)", add_note_action);
  gtk_widget_class_install_action (widget_class, "win.edit-note", "x", edit_note_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
tandem_project_window_init (TandemProjectWindow *self)
{
  static gsize css_loaded = 0;
  g_autoptr(GtkStringList) visibilities = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Files dropped anywhere on the project become its documents (G1). */
  tandem_documents_group_accept_drops_on (self->documents_group, GTK_WIDGET (self->toast_overlay));

  if (g_once_init_enter (&css_loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/tandemcrm/Tandem/projects/tandem-projects.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }

  self->member_rows = g_ptr_array_new ();
  self->task_rows = g_ptr_array_new ();
  self->member_user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* In the order of project_visibilities[]. */
  gtk_string_list_append (visibilities, _("Everyone who may see the customer"));
  gtk_string_list_append (visibilities, tandem_visibility_get_label (TANDEM_VISIBILITY_GROUPS));
  gtk_string_list_append (visibilities, _("Only the project team"));
  adw_combo_row_set_model (self->visibility_row, G_LIST_MODEL (visibilities));
  adw_combo_row_set_use_subtitle (self->visibility_row, TRUE);
  tandem_checklist_row_set_placeholder (self->groups_row, _("Choose at least one group"));
  tandem_checklist_row_set_empty_text (self->groups_row, _("No groups yet"),
                                       _("An administrator creates groups in Preferences"));

  g_signal_connect_object (self->stage_row, "notify::selected", G_CALLBACK (on_stage_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->visibility_row, "notify::selected", G_CALLBACK (on_visibility_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->groups_row, "changed", G_CALLBACK (on_visibility_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API --------------------------------------------------------------- */

TandemProjectWindow *
tandem_project_window_new (GtkWindow    *parent,
                           TandemStore  *store,
                           gint64        project_id,
                           GError      **error)
{
  g_autoptr(TandemProject) project = NULL;
  TandemProjectWindow *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  project = tandem_store_get_project (store, project_id, error);
  if (project == NULL)
    return NULL;

  self = g_object_new (TANDEM_TYPE_PROJECT_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->project_id = project_id;
  self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  fill_stages (self);
  fill_groups (self);
  tandem_activities_group_set_parent (self->activities_group, store, TANDEM_KIND_PROJECT, project_id);
  tandem_notes_group_set_parent (self->notes_group, store, TANDEM_KIND_PROJECT, project_id);
  tandem_documents_group_set_parent (self->documents_group, store, TANDEM_KIND_PROJECT, project_id);
  tandem_project_window_reload (self);
  return self;
}

gint64
tandem_project_window_get_id (TandemProjectWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT_WINDOW (self), 0);
  return self->project_id;
}

TandemProject *
tandem_project_window_get_project (TandemProjectWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT_WINDOW (self), NULL);
  return self->project;
}

void
tandem_project_window_reload (TandemProjectWindow *self)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TANDEM_IS_PROJECT_WINDOW (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  project = tandem_store_get_project (self->store, self->project_id, &error);
  if (project == NULL)
    {
      g_debug ("Cannot read project %" G_GINT64_FORMAT ": %s", self->project_id, error->message);
      show_gone (self);
      return;
    }
  g_set_object (&self->project, project);

  self->loading = TRUE;
  load_header (self);
  load_sale (self);
  load_team (self);
  load_tasks (self);
  self->loading = FALSE;
}

/* For the tests ------------------------------------------------------------ */

AdwComboRow *
tandem_project_window_get_stage_row (TandemProjectWindow *self)
{
  return self->stage_row;
}

AdwComboRow *
tandem_project_window_get_visibility_row (TandemProjectWindow *self)
{
  return self->visibility_row;
}

AdwPreferencesGroup *
tandem_project_window_get_team_group (TandemProjectWindow *self)
{
  return self->team_group;
}

AdwPreferencesGroup *
tandem_project_window_get_tasks_group (TandemProjectWindow *self)
{
  return self->tasks_group;
}

TandemActivitiesGroup *
tandem_project_window_get_activities_group (TandemProjectWindow *self)
{
  return self->activities_group;
}

TandemDocumentsGroup *
tandem_project_window_get_documents_group (TandemProjectWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT_WINDOW (self), NULL);
  return self->documents_group;
}

TandemNotesGroup *
tandem_project_window_get_notes_group (TandemProjectWindow *self)
{
  return self->notes_group;
}

guint
tandem_project_window_get_n_members (TandemProjectWindow *self)
{
  return self->members ? self->members->len : 0;
}

guint
tandem_project_window_get_n_tasks (TandemProjectWindow *self)
{
  return self->n_tasks;
}

AdwMessageDialog *
tandem_project_window_get_member_dialog (TandemProjectWindow *self)
{
  return self->member_dialog;
}

AdwComboRow *
tandem_project_window_get_member_user_row (TandemProjectWindow *self)
{
  return self->member_user_row;
}

GtkEditable *
tandem_project_window_get_member_role_row (TandemProjectWindow *self)
{
  return self->member_role_row ? GTK_EDITABLE (self->member_role_row) : NULL;
}
