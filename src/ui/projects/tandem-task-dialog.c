/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTaskDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-checklist-row.h"
#include "tandem-date.h"
#include "tandem-date-time-row.h"
#include "tandem-task-dialog.h"

struct _TandemTaskDialog
{
  AdwWindow           parent_instance;

  AdwWindowTitle     *window_title;
  GtkWidget          *delete_button;
  AdwToastOverlay    *toast_overlay;
  AdwEntryRow        *title_row;
  AdwComboRow        *responsible_row;
  TandemDateTimeRow  *due_row;
  AdwComboRow        *state_row;
  AdwComboRow        *visibility_row;
  TandemChecklistRow *groups_row;
  AdwExpanderRow     *history_row;
  GtkTextView        *description_view;

  TandemStore        *store;
  TandemTask         *task;             /* the copy being edited */
  GArray             *responsible_ids;  /* gint64 per responsible_row position; 0 = nobody */
  gboolean            may_change_visibility;
};

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemTaskDialog, tandem_task_dialog, ADW_TYPE_WINDOW)

/* The visibility choices in the order of visibility_row. */
static const TandemVisibility visibilities[] = {
  TANDEM_VISIBILITY_TEAM,
  TANDEM_VISIBILITY_GROUPS,
  TANDEM_VISIBILITY_PRIVATE,
};

static void
show_error (TandemTaskDialog *self,
            const char       *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static TandemVisibility
selected_visibility (TandemTaskDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->visibility_row);

  if (selected >= G_N_ELEMENTS (visibilities))
    return TANDEM_VISIBILITY_TEAM;
  return visibilities[selected];
}

static void
select_visibility (TandemTaskDialog *self,
                   TandemVisibility  visibility)
{
  for (guint i = 0; i < G_N_ELEMENTS (visibilities); i++)
    if (visibilities[i] == visibility)
      adw_combo_row_set_selected (self->visibility_row, i);
}

static void
update_groups_visible (TandemTaskDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->groups_row),
                          selected_visibility (self) == TANDEM_VISIBILITY_GROUPS);
}

static void
fill_responsible (TandemTaskDialog *self,
                  GPtrArray        *members)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  gint64 responsible = tandem_task_get_responsible_id (self->task);
  gint64 nobody = 0;
  gboolean found = FALSE;

  gtk_string_list_append (model, C_("task responsible", "Nobody"));
  g_array_append_val (self->responsible_ids, nobody);
  for (guint i = 0; members && i < members->len; i++)
    {
      TandemProjectMember *member = g_ptr_array_index (members, i);
      gint64 id = tandem_project_member_get_user_id (member);

      gtk_string_list_append (model, tandem_project_member_get_name (member));
      g_array_append_val (self->responsible_ids, id);
      found |= id == responsible;
    }
  /* One who has left the team stays responsible until someone changes it. */
  if (responsible != 0 && !found)
    {
      gtk_string_list_append (model, tandem_task_get_responsible_name (self->task)
                                     ? tandem_task_get_responsible_name (self->task) : "");
      g_array_append_val (self->responsible_ids, responsible);
    }
  adw_combo_row_set_model (self->responsible_row, G_LIST_MODEL (model));

  for (guint i = 0; i < self->responsible_ids->len; i++)
    if (g_array_index (self->responsible_ids, gint64, i) == responsible)
      adw_combo_row_set_selected (self->responsible_row, i);
}

static void
fill_groups (TandemTaskDialog *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 *chosen;
  guint n_chosen;

  chosen = tandem_task_get_group_ids (self->task, &n_chosen);
  groups = tandem_store_list_groups (self->store, &error);
  if (groups == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < groups->len; i++)
    {
      TandemChoice *group = g_ptr_array_index (groups, i);

      tandem_checklist_row_add (self->groups_row, tandem_choice_get_id (group), tandem_choice_get_name (group),
                                NULL, FALSE);
    }
  tandem_checklist_row_set_selected (self->groups_row, chosen, n_chosen);
}

/* E2: who changed who may see the task, when, from what to what. The
 * store gives nothing for a task the user may not see; the row stays away
 * until there is a change. */
static void
load_history (TandemTaskDialog *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = tandem_record_get_id (TANDEM_RECORD (self->task));

  if (id == 0)
    return;
  changes = tandem_store_list_visibility_changes (self->store, TANDEM_KIND_TASK, id, &error);
  if (changes == NULL)
    {
      g_debug ("Cannot read the visibility history: %s", error->message);
      return;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      TandemVisibilityChange *change = g_ptr_array_index (changes, i);
      g_autofree char *from = tandem_visibility_describe (tandem_visibility_change_get_old_visibility (change),
                                                          tandem_visibility_change_get_old_groups (change));
      g_autofree char *to = tandem_visibility_describe (tandem_visibility_change_get_new_visibility (change),
                                                        tandem_visibility_change_get_new_groups (change));
      g_autofree char *when = tandem_date_format_time (tandem_visibility_change_get_changed_at (change));
      /* Translators: a change of who may see a task: "Private → Chosen groups: Sales team" */
      g_autofree char *title = g_strdup_printf (_("%s → %s"), from, to);
      /* Translators: who changed it and when: "Bob Seller · 15 Dec 2026, 14:05" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), tandem_visibility_change_get_user_name (change),
                                                   when);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_expander_row_add_row (self->history_row, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_row), changes->len > 0);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tandem_task_dialog_save (TANDEM_TASK_DIALOG (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemTaskDialog *self = TANDEM_TASK_DIALOG (widget);
  gint64 id = tandem_record_get_id (TANDEM_RECORD (self->task));
  g_autoptr(GError) error = NULL;

  if (id == 0)
    return;
  if (!tandem_store_delete (self->store, TANDEM_KIND_TASK, id, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tandem_task_dialog_dispose (GObject *object)
{
  TandemTaskDialog *self = TANDEM_TASK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_TASK_DIALOG);
  g_clear_object (&self->task);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_task_dialog_parent_class)->dispose (object);
}

static void
tandem_task_dialog_finalize (GObject *object)
{
  TandemTaskDialog *self = TANDEM_TASK_DIALOG (object);

  g_clear_pointer (&self->responsible_ids, g_array_unref);

  G_OBJECT_CLASS (tandem_task_dialog_parent_class)->finalize (object);
}

static void
tandem_task_dialog_class_init (TandemTaskDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_task_dialog_dispose;
  object_class->finalize = tandem_task_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TANDEM_TYPE_CHECKLIST_ROW);
  g_type_ensure (TANDEM_TYPE_DATE_TIME_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/projects/tandem-task-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemTaskDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TandemTaskDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, TandemTaskDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemTaskDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TandemTaskDialog, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, TandemTaskDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, TandemTaskDialog, state_row);
  gtk_widget_class_bind_template_child (widget_class, TandemTaskDialog, visibility_row);
  gtk_widget_class_bind_template_child (widget_class, TandemTaskDialog, groups_row);
  gtk_widget_class_bind_template_child (widget_class, TandemTaskDialog, history_row);
  gtk_widget_class_bind_template_child (widget_class, TandemTaskDialog, description_view);

  gtk_widget_class_install_action (widget_class, "task.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "task.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "task.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "task.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_task_dialog_init (TandemTaskDialog *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->responsible_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* In the order of TandemTaskState. */
  for (TandemTaskState state = TANDEM_TASK_OPEN; state <= TANDEM_TASK_CANCELLED; state++)
    gtk_string_list_append (states, tandem_task_state_get_label (state));
  adw_combo_row_set_model (self->state_row, G_LIST_MODEL (states));

  /* In the order of visibilities[]. */
  gtk_string_list_append (choices, _("The project team"));
  gtk_string_list_append (choices, _("Chosen groups in the team"));
  gtk_string_list_append (choices, _("Private (me and the responsible person)"));
  adw_combo_row_set_model (self->visibility_row, G_LIST_MODEL (choices));
  adw_combo_row_set_use_subtitle (self->visibility_row, TRUE);

  tandem_checklist_row_set_placeholder (self->groups_row, _("No group chosen"));
  tandem_checklist_row_set_empty_text (self->groups_row, _("No groups yet"),
                                       _("An administrator creates groups in Preferences"));
  g_signal_connect_object (self->visibility_row, "notify::selected", G_CALLBACK (update_groups_visible),
                           self, G_CONNECT_SWAPPED);
}

TandemTaskDialog *
tandem_task_dialog_new (GtkWindow   *parent,
                        TandemStore *store,
                        gint64       project_id,
                        TandemTask  *task,
                        GPtrArray   *members)
{
  TandemTaskDialog *self;
  TandemUser *user;
  gint64 id;
  GDate due;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (task == NULL || TANDEM_IS_TASK (task), NULL);

  self = g_object_new (TANDEM_TYPE_TASK_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->task = task ? tandem_task_copy (task) : tandem_task_new (project_id, "");
  id = tandem_record_get_id (TANDEM_RECORD (self->task));
  user = tandem_store_get_user (store);

  adw_window_title_set_title (self->window_title, id ? _("Task") : _("New Task"));
  if (tandem_task_get_project_name (self->task))
    adw_window_title_set_subtitle (self->window_title, tandem_task_get_project_name (self->task));
  gtk_window_set_title (GTK_WINDOW (self), id ? _("Task") : _("New Task"));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         tandem_task_get_title (self->task) ? tandem_task_get_title (self->task) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            tandem_task_get_description (self->task) ? tandem_task_get_description (self->task) : "",
                            -1);
  fill_responsible (self, members);
  g_date_clear (&due, 1);
  if (tandem_task_get_due (self->task))
    g_date_set_parse (&due, tandem_task_get_due (self->task));
  tandem_date_time_row_set_date (self->due_row, &due);
  adw_combo_row_set_selected (self->state_row, tandem_task_get_state (self->task));
  select_visibility (self, tandem_task_get_visibility (self->task));
  fill_groups (self);
  update_groups_visible (self);
  load_history (self);

  /* E2: who sees it is the author's or an administrator's call. */
  self->may_change_visibility = id == 0 || user == NULL || tandem_user_is_admin (user) ||
                                tandem_task_get_author_id (self->task) == tandem_user_get_id (user);
  if (!self->may_change_visibility)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->visibility_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->groups_row), FALSE);
      adw_combo_row_set_use_subtitle (self->visibility_row, FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->visibility_row),
                                   _("Only the author or an administrator can change who sees this task"));
    }
  gtk_widget_set_visible (self->delete_button, id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "task.delete", id != 0);

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}

gboolean
tandem_task_dialog_save (TandemTaskDialog *self)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint responsible;
  gint64 id;
  GDate due;

  g_return_val_if_fail (TANDEM_IS_TASK_DIALOG (self), FALSE);

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  if (*title == '\0')
    {
      show_error (self, _("Give the task a title"));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return FALSE;
    }
  buffer = gtk_text_view_get_buffer (self->description_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  tandem_task_set_title (self->task, title);
  tandem_task_set_description (self->task, *description ? description : NULL);
  responsible = adw_combo_row_get_selected (self->responsible_row);
  tandem_task_set_responsible_id (self->task, responsible < self->responsible_ids->len
                                              ? g_array_index (self->responsible_ids, gint64, responsible) : 0);
  if (tandem_date_time_row_get_date (self->due_row, &due))
    {
      char iso[16];

      g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (&due), g_date_get_month (&due),
                  g_date_get_day (&due));
      tandem_task_set_due (self->task, iso);
    }
  else
    tandem_task_set_due (self->task, NULL);
  tandem_task_set_state (self->task, adw_combo_row_get_selected (self->state_row));

  if (self->may_change_visibility)
    {
      TandemVisibility visibility = selected_visibility (self);
      g_autoptr(GArray) groups = tandem_checklist_row_get_selected (self->groups_row);

      if (visibility == TANDEM_VISIBILITY_GROUPS && groups->len == 0)
        {
          show_error (self, _("Choose the groups that may see the task"));
          return FALSE;
        }
      tandem_task_set_visibility (self->task, visibility);
      if (visibility == TANDEM_VISIBILITY_GROUPS)
        tandem_task_set_group_ids (self->task, (const gint64 *) groups->data, groups->len);
      else
        tandem_task_set_group_ids (self->task, NULL, 0);
    }

  id = tandem_store_save_task (self->store, self->task, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

GtkEditable *
tandem_task_dialog_get_title_row (TandemTaskDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK_DIALOG (self), NULL);
  return GTK_EDITABLE (self->title_row);
}

AdwComboRow *
tandem_task_dialog_get_responsible_row (TandemTaskDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK_DIALOG (self), NULL);
  return self->responsible_row;
}

AdwComboRow *
tandem_task_dialog_get_visibility_row (TandemTaskDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK_DIALOG (self), NULL);
  return self->visibility_row;
}

AdwExpanderRow *
tandem_task_dialog_get_history_row (TandemTaskDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TASK_DIALOG (self), NULL);
  return self->history_row;
}
