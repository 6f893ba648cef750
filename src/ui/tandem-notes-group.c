/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemNotesGroup"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-date.h"
#include "tandem-notes-group.h"

struct _TandemNotesGroup
{
  AdwPreferencesGroup parent_instance;

  TandemStore *store;
  gulong       changed_id;
  TandemKind   parent_kind;
  gint64       parent_id;
  GPtrArray   *rows;
  guint        n_notes;
};

G_DEFINE_FINAL_TYPE (TandemNotesGroup, tandem_notes_group, ADW_TYPE_PREFERENCES_GROUP)

/* A due date (YYYY-MM-DD) or a moment (ISO 8601), as its local day in
 * the medium form, "15 Dec 2026". */
static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;

  if (iso == NULL)
    return NULL;
  if (strlen (iso) == 10)
    return tandem_date_format (iso);
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  if (dt == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (dt);
  day = g_date_time_format (local, "%Y-%m-%d");
  return tandem_date_format (day);
}

static void
on_add_clicked_cb (TandemNotesGroup *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-note", "(ix)",
                              (int) self->parent_kind, self->parent_id);
}

static void
on_row_activated_cb (AdwActionRow     *row,
                     TandemNotesGroup *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "note-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-note", "x", id);
}

static GtkWidget *
create_row (TandemNote *note)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  g_autoptr(GString) subtitle = g_string_new (tandem_note_get_author_name (note));
  g_autofree char *updated = format_date (tandem_note_get_updated_at (note));
  g_autofree char *due = format_date (tandem_note_get_due (note));
  const char *icon_name;

  if (updated)
    g_string_append_printf (subtitle, subtitle->len ? " · %s" : "%s", updated);
  if (due)
    {
      g_autofree char *text = g_strdup_printf (_("Due %s"), due);

      g_string_append_printf (subtitle, subtitle->len ? " · %s" : "%s", text);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_record_get_title (TANDEM_RECORD (note)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  switch (tandem_note_get_visibility (note))
    {
    case TANDEM_VISIBILITY_PRIVATE:
      icon_name = "changes-prevent-symbolic";
      break;
    case TANDEM_VISIBILITY_GROUPS:
      icon_name = "system-users-symbolic";
      break;
    case TANDEM_VISIBILITY_TEAM:
      icon_name = "emblem-shared-symbolic";
      break;
    case TANDEM_VISIBILITY_EVERYONE:
    default:
      icon_name = "view-reveal-symbolic";
      break;
    }
  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_set_tooltip_text (icon, tandem_visibility_get_label (tandem_note_get_visibility (note)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tandem_visibility_get_label (tandem_note_get_visibility (note)), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), "note-id",
                          g_memdup2 (&(gint64) { tandem_record_get_id (TANDEM_RECORD (note)) }, sizeof (gint64)),
                          g_free);
  return row;
}

static void
on_store_changed_cb (TandemNotesGroup *self,
                     int               kind,
                     gint64            id,
                     TandemStore      *store)
{
  /* Settings (groups, users) can change who sees which note. */
  if (kind == TANDEM_KIND_NOTE || kind == TANDEM_KIND_NONE)
    tandem_notes_group_reload (self);
}

static void
tandem_notes_group_dispose (GObject *object)
{
  TandemNotesGroup *self = TANDEM_NOTES_GROUP (object);

  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_notes_group_parent_class)->dispose (object);
}

static void
tandem_notes_group_class_init (TandemNotesGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_notes_group_dispose;
}

static void
tandem_notes_group_init (TandemNotesGroup *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Notes"));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Note…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), button);
}

void
tandem_notes_group_set_parent (TandemNotesGroup *self,
                               TandemStore      *store,
                               TandemKind        parent_kind,
                               gint64            parent_id)
{
  g_return_if_fail (TANDEM_IS_NOTES_GROUP (self));

  if (self->store != store)
    {
      if (self->store)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store)
        self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb),
                                                    self, G_CONNECT_SWAPPED);
    }
  self->parent_kind = parent_kind;
  self->parent_id = parent_id;
  tandem_notes_group_reload (self);
}

void
tandem_notes_group_reload (TandemNotesGroup *self)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TANDEM_IS_NOTES_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  self->n_notes = 0;

  if (self->store == NULL || self->parent_id == 0)
    return;

  notes = tandem_store_list_notes (self->store, self->parent_kind, self->parent_id, &error);
  if (notes == NULL)
    {
      /* The parent may just have been deleted; the card is going away. */
      g_debug ("Could not read the notes: %s", error->message);
      return;
    }

  for (guint i = 0; i < notes->len; i++)
    {
      GtkWidget *row = create_row (g_ptr_array_index (notes, i));

      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, 0);
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
  self->n_notes = notes->len;

  if (notes->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No notes yet"));
      gtk_widget_add_css_class (row, "dim-label");
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
}

guint
tandem_notes_group_get_n_notes (TandemNotesGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTES_GROUP (self), 0);
  return self->n_notes;
}
