/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemNoteEditor"

#include "config.h"

#include "tandem-ui-resources.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "tandem-date.h"
#include "tandem-note-editor-private.h"

struct _TandemNoteEditor
{
  AdwWindow parent_instance;

  AdwWindowTitle  *window_title;
  GtkWidget       *delete_button;
  AdwToastOverlay *toast_overlay;
  GtkSourceView   *source_view;
  GtkSourceBuffer *buffer;
  AdwComboRow     *visibility_row;
  AdwExpanderRow  *groups_row;
  AdwEntryRow     *due_row;
  AdwExpanderRow  *history_row;

  TandemStore     *store;
  TandemNote      *note;       /* the copy being edited */
  GPtrArray       *group_checks;
  gboolean         may_change_visibility;
};

enum {
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemNoteEditor, tandem_note_editor, ADW_TYPE_WINDOW)

static void
show_error (TandemNoteEditor *self,
            const char       *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_style_scheme (TandemNoteEditor *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme;

  scheme = gtk_source_style_scheme_manager_get_scheme (schemes, adw_style_manager_get_dark (manager)
                                                                ? "Adwaita-dark" : "Adwaita");
  gtk_source_buffer_set_style_scheme (self->buffer, scheme);
}

static void
update_groups_visible (TandemNoteEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->groups_row),
                          adw_combo_row_get_selected (self->visibility_row) == TANDEM_VISIBILITY_GROUPS);
}

static void
check_due (TandemNoteEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->due_row));
  g_autofree char *date = tandem_date_parse (text);

  if (*text == '\0' || date != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "error");
}

static void
fill_groups (TandemNoteEditor *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 *chosen;
  guint n_chosen;

  chosen = tandem_note_get_group_ids (self->note, &n_chosen);
  groups = tandem_store_list_groups (self->store, &error);
  if (groups == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      TandemChoice *group = g_ptr_array_index (groups, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gint64 id = tandem_choice_get_id (group);
      gboolean active = FALSE;

      for (guint j = 0; j < n_chosen; j++)
        active |= chosen[j] == id;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_choice_get_name (group));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tandem_choice_get_name (group), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "group-id", g_memdup2 (&id, sizeof id), g_free);
      g_ptr_array_add (self->group_checks, check);
      adw_expander_row_add_row (self->groups_row, row);
    }

  if (groups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No groups yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("An administrator creates groups in Preferences"));
      adw_expander_row_add_row (self->groups_row, row);
    }
}

static char *
format_time (const char *iso)
{
  char *text = iso != NULL ? tandem_date_format_time (iso) : NULL;

  return text != NULL ? text : g_strdup (iso ? iso : "");
}

/* SPEC E2: who changed who may see the note, when, from what to what. */
static void
fill_history (TandemNoteEditor *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = tandem_record_get_id (TANDEM_RECORD (self->note));

  if (id == 0)
    return;
  changes = tandem_store_list_visibility_changes (self->store, TANDEM_KIND_NOTE, id, &error);
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
      g_autofree char *when = format_time (tandem_visibility_change_get_changed_at (change));
      /* Translators: a change of who may see a note: "Chosen groups: Sales team → Project team" */
      g_autofree char *title = g_strdup_printf (_("%s → %s"), from, to);
      /* Translators: who changed it and when: "Bob Seller · 12/01/2026 14:05" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), tandem_visibility_change_get_user_name (change),
                                                   when);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_expander_row_add_row (self->history_row, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_row), changes->len > 0);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tandem_note_editor_save (TANDEM_NOTE_EDITOR (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemNoteEditor *self = TANDEM_NOTE_EDITOR (widget);
  gint64 id = tandem_record_get_id (TANDEM_RECORD (self->note));
  g_autoptr(GError) error = NULL;

  if (!tandem_store_delete (self->store, TANDEM_KIND_NOTE, id, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tandem_note_editor_dispose (GObject *object)
{
  TandemNoteEditor *self = TANDEM_NOTE_EDITOR (object);

  g_clear_object (&self->note);
  g_clear_object (&self->store);
  g_clear_pointer (&self->group_checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_NOTE_EDITOR);

  G_OBJECT_CLASS (tandem_note_editor_parent_class)->dispose (object);
}

static void
tandem_note_editor_class_init (TandemNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_note_editor_dispose;
  /* Links the templates in, also from the static library. */
  (void) tandem_ui_get_resource ();

  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (GTK_SOURCE_TYPE_BUFFER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/tandem-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemNoteEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TandemNoteEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, TandemNoteEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemNoteEditor, source_view);
  gtk_widget_class_bind_template_child (widget_class, TandemNoteEditor, buffer);
  gtk_widget_class_bind_template_child (widget_class, TandemNoteEditor, visibility_row);
  gtk_widget_class_bind_template_child (widget_class, TandemNoteEditor, groups_row);
  gtk_widget_class_bind_template_child (widget_class, TandemNoteEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, TandemNoteEditor, history_row);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_note_editor_init (TandemNoteEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->group_checks = g_ptr_array_new ();

  gtk_source_buffer_set_language (self->buffer, gtk_source_language_manager_get_language (languages, "markdown"));
  update_style_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->visibility_row, "notify::selected", G_CALLBACK (update_groups_visible),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->due_row, "changed", G_CALLBACK (check_due), self, G_CONNECT_SWAPPED);
}

TandemNoteEditor *
tandem_note_editor_new (GtkWindow   *parent,
                        TandemStore *store,
                        TandemNote  *note)
{
  TandemNoteEditor *self;
  g_autoptr(GtkStringList) visibilities = gtk_string_list_new (NULL);
  TandemUser *user;
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (TANDEM_IS_NOTE (note), NULL);

  self = g_object_new (TANDEM_TYPE_NOTE_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->note = tandem_note_copy (note);
  id = tandem_record_get_id (TANDEM_RECORD (note));
  user = tandem_store_get_user (store);

  adw_window_title_set_title (self->window_title, id ? _("Note") : _("New Note"));
  if (tandem_note_get_parent_name (note))
    adw_window_title_set_subtitle (self->window_title, tandem_note_get_parent_name (note));
  gtk_window_set_title (GTK_WINDOW (self), id ? _("Note") : _("New Note"));

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer),
                            tandem_note_get_body (note) ? tandem_note_get_body (note) : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row),
                         tandem_note_get_due (note) ? tandem_note_get_due (note) : "");

  /* In the order of TandemVisibility; the project team only for a note
   * on a project (E1). */
  gtk_string_list_append (visibilities, tandem_visibility_get_label (TANDEM_VISIBILITY_EVERYONE));
  gtk_string_list_append (visibilities, tandem_visibility_get_label (TANDEM_VISIBILITY_GROUPS));
  gtk_string_list_append (visibilities, tandem_visibility_get_label (TANDEM_VISIBILITY_PRIVATE));
  if (tandem_note_get_parent_kind (note) == TANDEM_KIND_PROJECT)
    gtk_string_list_append (visibilities, tandem_visibility_get_label (TANDEM_VISIBILITY_TEAM));
  adw_combo_row_set_model (self->visibility_row, G_LIST_MODEL (visibilities));
  adw_combo_row_set_selected (self->visibility_row, tandem_note_get_visibility (note));
  update_groups_visible (self);
  fill_groups (self);
  fill_history (self);

  /* SPEC E2: who sees a note is the author's or an administrator's call. */
  self->may_change_visibility = id == 0 || user == NULL ||
                                tandem_user_is_admin (user) ||
                                tandem_note_get_author_id (note) == tandem_user_get_id (user);
  if (!self->may_change_visibility)
    {
      const char *why = _("Only the author or an administrator can change who sees this note");

      gtk_widget_set_sensitive (GTK_WIDGET (self->visibility_row), FALSE);
      adw_combo_row_set_use_subtitle (self->visibility_row, FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->visibility_row), why);
      gtk_widget_set_sensitive (GTK_WIDGET (self->groups_row), FALSE);
      adw_expander_row_set_subtitle (self->groups_row, why);
    }
  gtk_widget_set_visible (self->delete_button, id != 0 && self->may_change_visibility);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", id != 0 && self->may_change_visibility);

  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
  return self;
}

gboolean
tandem_note_editor_save (TandemNoteEditor *self)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  const char *due_text;
  GtkTextIter start, end;
  guint visibility;

  g_return_val_if_fail (TANDEM_IS_NOTE_EDITOR (self), FALSE);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  body = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, FALSE);

  due_text = gtk_editable_get_text (GTK_EDITABLE (self->due_row));
  if (*due_text != '\0')
    {
      g_autofree char *due = tandem_date_parse (due_text);

      if (due == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a date; write it as 2026-12-31"), due_text);

          gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "error");
          show_error (self, message);
          return FALSE;
        }
      tandem_note_set_due (self->note, due);
    }
  else
    tandem_note_set_due (self->note, NULL);

  tandem_note_set_body (self->note, body);

  if (self->may_change_visibility)
    {
      visibility = adw_combo_row_get_selected (self->visibility_row);
      if (visibility > TANDEM_VISIBILITY_TEAM ||
          (visibility == TANDEM_VISIBILITY_TEAM && tandem_note_get_parent_kind (self->note) != TANDEM_KIND_PROJECT))
        visibility = TANDEM_VISIBILITY_EVERYONE;
      tandem_note_set_visibility (self->note, visibility);

      if (visibility == TANDEM_VISIBILITY_GROUPS)
        for (guint i = 0; i < self->group_checks->len; i++)
          {
            GtkCheckButton *check = g_ptr_array_index (self->group_checks, i);

            if (gtk_check_button_get_active (check))
              g_array_append_val (groups, *(gint64 *) g_object_get_data (G_OBJECT (check), "group-id"));
          }
      tandem_note_set_group_ids (self->note, (const gint64 *) groups->data, groups->len);
    }

  if (tandem_store_save_note (self->store, self->note, &error) == 0)
    {
      show_error (self, error->message);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

GtkTextBuffer *
tandem_note_editor_get_buffer (TandemNoteEditor *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTE_EDITOR (self), NULL);
  return GTK_TEXT_BUFFER (self->buffer);
}

AdwComboRow *
tandem_note_editor_get_visibility_row (TandemNoteEditor *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTE_EDITOR (self), NULL);
  return self->visibility_row;
}

AdwEntryRow *
tandem_note_editor_get_due_row (TandemNoteEditor *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTE_EDITOR (self), NULL);
  return self->due_row;
}

AdwExpanderRow *
tandem_note_editor_get_history_row (TandemNoteEditor *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTE_EDITOR (self), NULL);
  return self->history_row;
}
