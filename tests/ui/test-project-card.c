/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC H2, H3, H4, E1, E2, E4, B6, D16 in the UI: a sale is won and
 * becomes a delivery project; the team grows through the card; what the
 * sales team kept to itself stays with it, tasks stay with the team, and
 * the company card lists only the projects the user may see. */

#include "tandem-activity-window-private.h"
#include "tandem-company-card-private.h"
#include "tandem-error.h"
#include "tandem-note-editor-private.h"
#include "tandem-project-window-private.h"
#include "tandem-task-dialog.h"
#include "ui-test-util.h"

#define SALES_NOTE "Margin floor walrus"
#define TEAM_NOTE  "Kick-off in March zebra"
#define TASK_TITLE "Install the servers"

typedef struct
{
  gint64 company_id;
  gint64 sales_team;
  gint64 owners;
} World;

/* Does any label, text view or entry under @widget, shown or not, hold
 * @needle? */
static gboolean
tree_contains (GtkWidget  *widget,
               const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle))
    return TRUE;
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      if (strstr (text, needle))
        return TRUE;
    }
  if (GTK_IS_EDITABLE (widget) && strstr (gtk_editable_get_text (GTK_EDITABLE (widget)), needle))
    return TRUE;
  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) &&
      strstr (gtk_window_get_title (GTK_WINDOW (widget)), needle))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (tree_contains (child, needle))
      return TRUE;
  return FALSE;
}

/* The first widget under @widget whose tooltip is @tooltip. */
static GtkWidget *
find_by_tooltip (GtkWidget  *widget,
                 const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);

      if (found)
        return found;
    }
  return NULL;
}

/* The first row under @widget titled @title. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found)
        return found;
    }
  return NULL;
}

/* The first button under @widget labelled @label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
has_two_members (gpointer data)
{
  return tandem_project_window_get_n_members (data) == 2;
}

static gboolean
toplevel_shown (gpointer data)
{
  return ui_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static void
sign_in_as (TandemStore *store,
            const char  *login)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = g_strdup_printf ("%s-password-1", login);

  tandem_store_sign_out (store);
  tandem_store_sign_in (store, login, password, &error);
  g_assert_no_error (error);
}

static void
add_user (TandemStore *store,
          const char  *login,
          const char  *name,
          const char  *group)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) user = NULL;
  g_autofree char *password = g_strdup_printf ("%s-password-1", login);
  const char *groups[] = { group, NULL };

  user = tandem_store_add_user (store, login, name, password, TANDEM_ROLE_USER, group ? groups : NULL, &error);
  g_assert_no_error (error);
}

/* As the administrator: a customer everyone may see, two groups, a
 * seller, a delivery user and someone outside every project. */
static void
make_world (UiFixture *fixture,
            World     *world)
{
  g_autoptr(TandemCompany) company = tandem_company_new ("Acme Oy");
  g_autoptr(GError) error = NULL;

  world->company_id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);
  world->sales_team = tandem_store_add_group (fixture->store, "Sales team", &error);
  g_assert_no_error (error);
  world->owners = tandem_store_add_group (fixture->store, "Owners", &error);
  g_assert_no_error (error);
  add_user (fixture->store, "sam", "Sam Seller", "Sales team");
  add_user (fixture->store, "dana", "Dana Delivery", NULL);
  add_user (fixture->store, "nora", "Nora Outsider", NULL);
}

static gint64
stage_id (TandemStore *store,
          const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStage) stage = tandem_store_find_stage (store, name, &error);

  g_assert_no_error (error);
  return tandem_stage_get_id (stage);
}

static gint64
add_note (TandemStore      *store,
          gint64            project_id,
          const char       *body,
          TandemVisibility  visibility,
          gint64            group_id)
{
  g_autoptr(TandemNote) note = tandem_note_new (TANDEM_KIND_PROJECT, project_id, body);
  g_autoptr(GError) error = NULL;
  gint64 id;

  tandem_note_set_visibility (note, visibility);
  if (visibility == TANDEM_VISIBILITY_GROUPS)
    tandem_note_set_group_ids (note, &group_id, 1);
  id = tandem_store_save_note (store, note, &error);
  g_assert_no_error (error);
  return id;
}

static TandemProjectWindow *
open_project (TandemStore *store,
              gint64       id)
{
  g_autoptr(GError) error = NULL;
  TandemProjectWindow *window = tandem_project_window_new (NULL, store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  return window;
}

static gboolean
select_by_name (AdwComboRow *row,
                const char  *name)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }
  return FALSE;
}

static TandemNoteEditor *
open_note (TandemProjectWindow *window,
           gint64               note_id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-note", "x", note_id));
  g_assert_true (ui_wait_for (toplevel_shown, GSIZE_TO_POINTER (TANDEM_TYPE_NOTE_EDITOR), 2000));
  return TANDEM_NOTE_EDITOR (ui_find_toplevel (TANDEM_TYPE_NOTE_EDITOR));
}

static void
test_lifecycle (UiFixture     *fixture,
                gconstpointer  data)
{
  g_autoptr(TandemProject) sale = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  World world;
  TandemProjectWindow *window;
  TandemNoteEditor *editor;
  TandemTaskDialog *dialog;
  AdwMessageDialog *member_dialog;
  GtkWidget *button;
  GListModel *choices;
  gint64 sale_id, team_note_id;

  make_world (fixture, &world);

  /* The seller's sale, with a note for the sales team only and one that
   * becomes the project team's through the editor. */
  sign_in_as (fixture->store, "sam");
  sale = tandem_project_new_sale (world.company_id, "Acme ERP rollout", stage_id (fixture->store, "Offer"));
  tandem_project_set_value (sale, 1250000);
  sale_id = tandem_store_save_project (fixture->store, sale, &error);
  g_assert_no_error (error);
  add_note (fixture->store, sale_id, SALES_NOTE, TANDEM_VISIBILITY_GROUPS, world.sales_team);
  team_note_id = add_note (fixture->store, sale_id, TEAM_NOTE, TANDEM_VISIBILITY_EVERYONE, 0);

  window = open_project (fixture->store, sale_id);
  g_assert_true (tree_contains (GTK_WIDGET (window), SALES_NOTE));
  g_assert_cmpuint (tandem_notes_group_get_n_notes (tandem_project_window_get_notes_group (window)), ==, 2);

  editor = open_note (window, team_note_id);
  choices = adw_combo_row_get_model (tandem_note_editor_get_visibility_row (editor));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), TANDEM_VISIBILITY_TEAM), ==,
                   "Project team");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tandem_note_editor_get_history_row (editor))));
  adw_combo_row_set_selected (tandem_note_editor_get_visibility_row (editor), TANDEM_VISIBILITY_TEAM);
  g_assert_true (tandem_note_editor_save (editor));
  ui_iterate ();

  /* A task for the team, through the task dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.add-task", NULL));
  g_assert_true (ui_wait_for (toplevel_shown, GSIZE_TO_POINTER (TANDEM_TYPE_TASK_DIALOG), 2000));
  dialog = TANDEM_TASK_DIALOG (ui_find_toplevel (TANDEM_TYPE_TASK_DIALOG));
  gtk_editable_set_text (tandem_task_dialog_get_title_row (dialog), TASK_TITLE);
  g_assert_true (select_by_name (tandem_task_dialog_get_responsible_row (dialog), "Sam Seller"));
  g_assert_true (tandem_task_dialog_save (dialog));
  tandem_project_window_reload (window);
  g_assert_cmpuint (tandem_project_window_get_n_tasks (window), ==, 1);

  /* H2: won, it is a delivery project. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.mark-won", NULL));
  project = tandem_store_get_project (fixture->store, sale_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_get_state (project), ==, TANDEM_SALE_WON);
  g_assert_true (tandem_project_get_is_delivery (project));
  g_assert_true (tree_contains (GTK_WIDGET (window), "Delivery project"));

  /* The delivery user joins through the Team group. */
  g_assert_cmpuint (tandem_project_window_get_n_members (window), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.add-member", NULL));
  member_dialog = tandem_project_window_get_member_dialog (window);
  g_assert_nonnull (member_dialog);
  g_assert_true (select_by_name (tandem_project_window_get_member_user_row (window), "Dana Delivery"));
  gtk_editable_set_text (tandem_project_window_get_member_role_row (window), "Installer");
  adw_message_dialog_response (member_dialog, "add");
  ui_iterate ();
  g_assert_cmpuint (tandem_project_window_get_n_members (window), ==, 2);
  g_assert_true (tree_contains (GTK_WIDGET (tandem_project_window_get_team_group (window)), "Installer"));

  /* H2: one added by mistake goes again from the same group. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.add-member", NULL));
  g_assert_true (select_by_name (tandem_project_window_get_member_user_row (window), "Nora Outsider"));
  adw_message_dialog_response (tandem_project_window_get_member_dialog (window), "add");
  ui_iterate ();
  g_assert_cmpuint (tandem_project_window_get_n_members (window), ==, 3);
  button = find_by_tooltip (GTK_WIDGET (tandem_project_window_get_team_group (window)),
                            "Remove Nora Outsider from the Team");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (ui_wait_for (has_two_members, window, 2000));
  g_assert_false (tree_contains (GTK_WIDGET (tandem_project_window_get_team_group (window)), "Nora Outsider"));
  ui_destroy_toplevels ();

  /* E2, E4: the delivery user sees the tasks and the team's note, and
   * nothing of what the sales team kept to itself. */
  sign_in_as (fixture->store, "dana");
  window = open_project (fixture->store, sale_id);
  g_assert_cmpuint (tandem_project_window_get_n_tasks (window), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_project_window_get_tasks_group (window))));
  g_assert_true (tree_contains (GTK_WIDGET (window), TASK_TITLE));
  g_assert_true (tree_contains (GTK_WIDGET (window), TEAM_NOTE));
  g_assert_false (tree_contains (GTK_WIDGET (window), SALES_NOTE));
  g_assert_cmpuint (tandem_notes_group_get_n_notes (tandem_project_window_get_notes_group (window)), ==, 1);

  /* … and may not change who sees the seller's note, whose history shows. */
  editor = open_note (window, team_note_id);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_note_editor_get_visibility_row (editor))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_note_editor_get_history_row (editor))));
  g_assert_true (tree_contains (GTK_WIDGET (tandem_note_editor_get_history_row (editor)), "Sam Seller"));
  g_assert_true (tree_contains (GTK_WIDGET (tandem_note_editor_get_history_row (editor)), "Project team"));
  /* Nor the project's own, nor the seller's task's. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_project_window_get_visibility_row (window))));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_signal_emit_by_name (find_row (GTK_WIDGET (tandem_project_window_get_tasks_group (window)), TASK_TITLE),
                         "activated");
  g_assert_true (ui_wait_for (toplevel_shown, GSIZE_TO_POINTER (TANDEM_TYPE_TASK_DIALOG), 2000));
  dialog = TANDEM_TASK_DIALOG (ui_find_toplevel (TANDEM_TYPE_TASK_DIALOG));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_task_dialog_get_visibility_row (dialog))));
  ui_destroy_toplevels ();

  /* E4: someone who may see the customer and the project, but is not in
   * the team, sees no task at all, and no sign of one. */
  sign_in_as (fixture->store, "nora");
  window = open_project (fixture->store, sale_id);
  g_assert_cmpuint (tandem_project_window_get_n_tasks (window), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tandem_project_window_get_tasks_group (window))));
  g_assert_false (tree_contains (GTK_WIDGET (window), TASK_TITLE));
  g_assert_false (tree_contains (GTK_WIDGET (window), TEAM_NOTE));
  g_assert_false (tree_contains (GTK_WIDGET (window), SALES_NOTE));
  gtk_widget_activate_action (GTK_WIDGET (window), "project.add-task", NULL);
  ui_iterate ();
  g_assert_null (ui_find_toplevel (TANDEM_TYPE_TASK_DIALOG));
}

static gint64
add_project (TandemStore      *store,
             gint64            company_id,
             const char       *name,
             TandemVisibility  visibility,
             gint64            group_id)
{
  g_autoptr(TandemProject) project = tandem_project_new (company_id, name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  tandem_project_set_visibility (project, visibility);
  if (visibility == TANDEM_VISIBILITY_GROUPS)
    tandem_project_set_group_ids (project, &group_id, 1);
  id = tandem_store_save_project (store, project, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_company_card (UiFixture     *fixture,
                   gconstpointer  data)
{
  g_autoptr(TandemProject) sale = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *card;
  World world;

  make_world (fixture, &world);
  add_project (fixture->store, world.company_id, "Warehouse move", TANDEM_VISIBILITY_EVERYONE, 0);
  add_project (fixture->store, world.company_id, "Board reshuffle", TANDEM_VISIBILITY_GROUPS, world.owners);
  add_project (fixture->store, world.company_id, "Quiet merger", TANDEM_VISIBILITY_TEAM, 0);
  sale = tandem_project_new_sale (world.company_id, "Spring licences", stage_id (fixture->store, "Lead"));
  tandem_project_set_visibility (sale, TANDEM_VISIBILITY_GROUPS);
  tandem_project_set_group_ids (sale, &world.sales_team, 1);
  tandem_store_save_project (fixture->store, sale, &error);
  g_assert_no_error (error);

  /* B6: the administrator, in every team, sees all four. */
  window = gtk_window_new ();
  card = tandem_company_card_new (fixture->store);
  gtk_window_set_child (GTK_WINDOW (window), card);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_card_load (TANDEM_CARD (card), world.company_id, &error));
  g_assert_no_error (error);
  ui_iterate ();
  g_assert_cmpuint (tandem_company_card_get_n_projects (TANDEM_COMPANY_CARD (card)), ==, 4);
  g_assert_true (tree_contains (card, "Lead"));
  ui_destroy_toplevels ();

  /* E1: the seller sees the open project and the sales team's sale, not
   * the owners' project nor the one kept to its team. */
  sign_in_as (fixture->store, "sam");
  window = gtk_window_new ();
  card = tandem_company_card_new (fixture->store);
  gtk_window_set_child (GTK_WINDOW (window), card);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_card_load (TANDEM_CARD (card), world.company_id, &error));
  g_assert_no_error (error);
  ui_iterate ();
  g_assert_cmpuint (tandem_company_card_get_n_projects (TANDEM_COMPANY_CARD (card)), ==, 2);
  g_assert_true (tree_contains (card, "Warehouse move"));
  g_assert_true (tree_contains (card, "Spring licences"));
  g_assert_false (tree_contains (card, "Board reshuffle"));
  g_assert_false (tree_contains (card, "Quiet merger"));
}

static void
test_not_found (UiFixture     *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) hidden_error = NULL;
  g_autoptr(GError) missing_error = NULL;
  g_autofree char *hidden_message = NULL;
  g_autofree char *missing_message = NULL;
  World world;
  gint64 id;

  make_world (fixture, &world);
  id = add_project (fixture->store, world.company_id, "Quiet merger", TANDEM_VISIBILITY_TEAM, 0);

  /* E1: a project the user may not see is as one that does not exist. */
  sign_in_as (fixture->store, "nora");
  g_assert_null (tandem_project_window_new (NULL, fixture->store, id, &hidden_error));
  g_assert_null (tandem_project_window_new (NULL, fixture->store, id + 1000, &missing_error));
  g_assert_error (hidden_error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_assert_error (missing_error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_assert_null (strstr (hidden_error->message, "Quiet"));
  hidden_message = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  missing_message = g_strdup_printf ("%" G_GINT64_FORMAT, id + 1000);
  g_assert_nonnull (strstr (hidden_error->message, hidden_message));
  g_assert_nonnull (strstr (missing_error->message, missing_message));
}

static void
test_plan_activity (UiFixture     *fixture,
                    gconstpointer  data)
{
  g_autoptr(TandemProject) sale = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  TandemActivityWindow *card;
  TandemProjectWindow *window;
  AdwComboRow *visibility;
  World world;
  gint64 sale_id;

  make_world (fixture, &world);
  sale = tandem_project_new_sale (world.company_id, "Acme ERP rollout", stage_id (fixture->store, "Lead"));
  sale_id = tandem_store_save_project (fixture->store, sale, &error);
  g_assert_no_error (error);

  /* D16: planned from the project, it links the project and its customer. */
  window = open_project (fixture->store, sale_id);
  g_signal_emit_by_name (tandem_project_window_get_activities_group (window), "plan-activity",
                         (int) TANDEM_KIND_PROJECT, sale_id, NULL);
  g_assert_true (ui_wait_for (toplevel_shown, GSIZE_TO_POINTER (TANDEM_TYPE_ACTIVITY_WINDOW), 2000));
  card = TANDEM_ACTIVITY_WINDOW (ui_find_toplevel (TANDEM_TYPE_ACTIVITY_WINDOW));
  g_assert_cmpint (tandem_record_picker_get_kind (tandem_activity_window_get_link_row (card)), ==, TANDEM_KIND_COMPANY);
  g_assert_cmpint (tandem_record_picker_get_id (tandem_activity_window_get_link_row (card)), ==, world.company_id);
  g_assert_cmpstr (tandem_activity_window_get_selected_name (tandem_activity_window_get_project_row (card)), ==,
                   "Acme ERP rollout");
  gtk_editable_set_text (tandem_activity_window_get_title_row (card), "Kick-off meeting");

  /* E1: the project team is a choice only with a project. */
  visibility = tandem_activity_window_get_visibility_row (card);
  adw_combo_row_set_selected (visibility, TANDEM_VISIBILITY_TEAM);
  g_assert_cmpuint (adw_combo_row_get_selected (visibility), ==, TANDEM_VISIBILITY_TEAM);
  tandem_activity_window_set_project (card, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.save", NULL));
  g_assert_nonnull (tandem_activity_window_get_error (card));
  g_assert_cmpint (tandem_activity_window_get_id (card), ==, 0);
  tandem_activity_window_set_project (card, sale_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.save", NULL));
  g_assert_cmpint (tandem_activity_window_get_id (card), !=, 0);

  activities = tandem_store_list_activities_of (fixture->store, TANDEM_KIND_PROJECT, sale_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 1);
  g_assert_cmpint (tandem_activity_get_visibility (g_ptr_array_index (activities, 0)), ==, TANDEM_VISIBILITY_TEAM);
  tandem_activities_group_reload (tandem_project_window_get_activities_group (window));
  g_assert_cmpuint (tandem_activities_group_get_n_activities (tandem_project_window_get_activities_group (window)),
                    ==, 1);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static gboolean
undo_shown (gpointer data)
{
  return find_button (data, "_Undo") != NULL;
}

static void
on_deleted_cb (TandemProjectWindow *window,
               gint64               id,
               gint64              *deleted)
{
  *deleted = id;
}

static void
test_delete (UiFixture     *fixture,
             gconstpointer  data)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  TandemProjectWindow *window;
  GtkWidget *parent, *overlay;
  World world;
  gint64 id, deleted = 0;

  make_world (fixture, &world);
  id = add_project (fixture->store, world.company_id, "Warehouse move", TANDEM_VISIBILITY_EVERYONE, 0);

  /* Deleted from its window, with the Undo on the window it came from. */
  parent = gtk_window_new ();
  overlay = adw_toast_overlay_new ();
  gtk_window_set_child (GTK_WINDOW (parent), overlay);
  gtk_window_present (GTK_WINDOW (parent));
  window = tandem_project_window_new (GTK_WINDOW (parent), fixture->store, id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.delete", NULL));
  ui_iterate ();
  g_assert_null (ui_find_toplevel (TANDEM_TYPE_PROJECT_WINDOW));
  project = tandem_store_get_project (fixture->store, id, NULL);
  g_assert_null (project);

  g_assert_true (ui_wait_for (undo_shown, overlay, 2000));
  /* As a person would: once the toast is there (libadwaita 1.2 trips over
   * a toast dismissed while it is still sliding in). */
  ui_wait_for (never, NULL, 600);
  g_signal_emit_by_name (find_button (overlay, "_Undo"), "clicked");
  ui_wait_for (never, NULL, 600);
  project = tandem_store_get_project (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_project_get_name (project), ==, "Warehouse move");

  /* A window that handles "deleted" itself gets the id. */
  window = open_project (fixture->store, id);
  g_signal_connect (window, "deleted", G_CALLBACK (on_deleted_cb), &deleted);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "project.delete", NULL));
  g_assert_cmpint (deleted, ==, id);
}

/* H2, H3: the closing date and a task's due date read the same clear way
 * on the card and in the task dialog, never as the short 12/15/26. */
static void
test_dates (UiFixture     *fixture,
            gconstpointer  data)
{
  g_autoptr(TandemProject) sale = NULL;
  g_autoptr(TandemTask) task = NULL;
  g_autoptr(GError) error = NULL;
  TandemProjectWindow *window;
  TandemTaskDialog *dialog;
  World world;
  gint64 sale_id;

  make_world (fixture, &world);
  sale = tandem_project_new_sale (world.company_id, "Winter licences", stage_id (fixture->store, "Offer"));
  tandem_project_set_close_date (sale, "2026-12-15");
  sale_id = tandem_store_save_project (fixture->store, sale, &error);
  g_assert_no_error (error);
  task = tandem_task_new (sale_id, TASK_TITLE);
  tandem_task_set_due (task, "2027-01-05");
  tandem_store_save_task (fixture->store, task, &error);
  g_assert_no_error (error);

  window = open_project (fixture->store, sale_id);
  g_assert_true (tree_contains (GTK_WIDGET (window), "15 Dec 2026"));
  g_assert_true (tree_contains (GTK_WIDGET (tandem_project_window_get_tasks_group (window)), "Due 5 Jan 2027"));
  g_assert_false (tree_contains (GTK_WIDGET (window), "12/15/26"));
  g_assert_false (tree_contains (GTK_WIDGET (window), "01/05/27"));

  g_signal_emit_by_name (find_row (GTK_WIDGET (tandem_project_window_get_tasks_group (window)), TASK_TITLE),
                         "activated");
  g_assert_true (ui_wait_for (toplevel_shown, GSIZE_TO_POINTER (TANDEM_TYPE_TASK_DIALOG), 2000));
  dialog = TANDEM_TASK_DIALOG (ui_find_toplevel (TANDEM_TYPE_TASK_DIALOG));
  g_assert_true (tree_contains (GTK_WIDGET (dialog), "5 Jan 2027"));
  g_assert_false (tree_contains (GTK_WIDGET (dialog), "01/05/27"));
}

static gint64
user_id (TandemStore *store,
         const char  *login)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  users = tandem_store_list_users (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < users->len; i++)
    if (g_str_equal (tandem_user_get_login (g_ptr_array_index (users, i)), login))
      return tandem_user_get_id (g_ptr_array_index (users, i));
  g_assert_not_reached ();
}

/* The task dialog of @title, opened from the card as a person would. */
static TandemTaskDialog *
open_task (TandemProjectWindow *window,
           const char          *title)
{
  GtkWidget *row = find_row (GTK_WIDGET (tandem_project_window_get_tasks_group (window)), title);

  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  g_assert_true (ui_wait_for (toplevel_shown, GSIZE_TO_POINTER (TANDEM_TYPE_TASK_DIALOG), 2000));
  return TANDEM_TASK_DIALOG (ui_find_toplevel (TANDEM_TYPE_TASK_DIALOG));
}

/* E2, E4: the task dialog shows who changed who may see the task, when,
 * from what to what, only once there is a change; a member who may not
 * see the task gets neither it nor its history. */
static void
test_task_history (UiFixture     *fixture,
                   gconstpointer  data)
{
  g_autoptr(TandemProject) sale = NULL;
  g_autoptr(TandemTask) task = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  TandemProjectWindow *window;
  TandemTaskDialog *dialog;
  AdwExpanderRow *history;
  World world;
  gint64 sale_id, task_id;

  make_world (fixture, &world);
  sign_in_as (fixture->store, "sam");
  sale = tandem_project_new_sale (world.company_id, "Acme ERP rollout", stage_id (fixture->store, "Offer"));
  sale_id = tandem_store_save_project (fixture->store, sale, &error);
  g_assert_no_error (error);
  tandem_store_add_project_member (fixture->store, sale_id, user_id (fixture->store, "dana"), NULL, &error);
  g_assert_no_error (error);
  task = tandem_task_new (sale_id, TASK_TITLE);
  task_id = tandem_store_save_task (fixture->store, task, &error);
  g_assert_no_error (error);

  /* No change yet: no history row. */
  window = open_project (fixture->store, sale_id);
  dialog = open_task (window, TASK_TITLE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tandem_task_dialog_get_history_row (dialog))));

  /* Sam, its author, keeps it to himself. */
  adw_combo_row_set_selected (tandem_task_dialog_get_visibility_row (dialog), 2);
  g_assert_true (tandem_task_dialog_save (dialog));
  ui_iterate ();
  tandem_project_window_reload (window);
  dialog = open_task (window, TASK_TITLE);
  history = tandem_task_dialog_get_history_row (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (history)));
  g_assert_nonnull (find_row (GTK_WIDGET (history), "Project team → Private"));
  g_assert_true (tree_contains (GTK_WIDGET (history), "Sam Seller · "));
  ui_destroy_toplevels ();

  /* Dana is in the team but not the task's: no task, no history. */
  sign_in_as (fixture->store, "dana");
  window = open_project (fixture->store, sale_id);
  g_assert_cmpuint (tandem_project_window_get_n_tasks (window), ==, 0);
  g_assert_false (tree_contains (GTK_WIDGET (window), TASK_TITLE));
  changes = tandem_store_list_visibility_changes (fixture->store, TANDEM_KIND_TASK, task_id, &error);
  g_assert_null (changes);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ui_destroy_toplevels ();

  /* Shared with the team again, Dana reads both changes and cannot make one. */
  sign_in_as (fixture->store, "sam");
  window = open_project (fixture->store, sale_id);
  dialog = open_task (window, TASK_TITLE);
  adw_combo_row_set_selected (tandem_task_dialog_get_visibility_row (dialog), 0);
  g_assert_true (tandem_task_dialog_save (dialog));
  ui_destroy_toplevels ();
  sign_in_as (fixture->store, "dana");
  window = open_project (fixture->store, sale_id);
  dialog = open_task (window, TASK_TITLE);
  history = tandem_task_dialog_get_history_row (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (history)));
  g_assert_nonnull (find_row (GTK_WIDGET (history), "Project team → Private"));
  g_assert_nonnull (find_row (GTK_WIDGET (history), "Private → Project team"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_task_dialog_get_visibility_row (dialog))));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/projects/won-sale-keeps-sales-notes-tasks-for-team-H2-H4-E2-E4", UiFixture, NULL,
              ui_fixture_set_up, test_lifecycle, ui_fixture_tear_down);
  g_test_add ("/ui/projects/company-card-lists-visible-projects-B6-E1", UiFixture, NULL,
              ui_fixture_set_up, test_company_card, ui_fixture_tear_down);
  g_test_add ("/ui/projects/hidden-as-missing-E1", UiFixture, NULL,
              ui_fixture_set_up, test_not_found, ui_fixture_tear_down);
  g_test_add ("/ui/projects/delete-with-undo-H2", UiFixture, NULL,
              ui_fixture_set_up, test_delete, ui_fixture_tear_down);
  g_test_add ("/ui/projects/plan-activity-on-project-D16-E1", UiFixture, NULL,
              ui_fixture_set_up, test_plan_activity, ui_fixture_tear_down);
  g_test_add ("/ui/projects/medium-dates-H2-H3", UiFixture, NULL,
              ui_fixture_set_up, test_dates, ui_fixture_tear_down);
  g_test_add ("/ui/projects/task-visibility-history-E2-E4", UiFixture, NULL,
              ui_fixture_set_up, test_task_history, ui_fixture_tear_down);
  return g_test_run ();
}
