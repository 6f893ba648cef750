/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemDocumentHistoryWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-date.h"
#include "tandem-document-actions.h"
#include "tandem-document-history-window.h"
#include "tandem-documents-resources.h"

struct _TandemDocumentHistoryWindow
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *versions_group;
  AdwPreferencesGroup *visibility_group;

  TandemStore         *store;
  gint64               document_id;
  guint                n_versions;
};

G_DEFINE_FINAL_TYPE (TandemDocumentHistoryWindow, tandem_document_history_window, ADW_TYPE_WINDOW)

/* Helpers ------------------------------------------------------------------ */

static char *
format_time (const char *iso)
{
  char *text = iso != NULL ? tandem_date_format_time (iso) : NULL;

  return text != NULL ? text : g_strdup (iso ? iso : "");
}

static GtkWidget *
version_button (guint       number,
                const char *icon_name,
                const char *tooltip,
                const char *accessible_format,
                const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);
  g_autofree char *accessible = g_strdup_printf (accessible_format, number);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", number);
  return button;
}

static GtkWidget *
create_version_row (TandemDocumentVersion *version,
                    gboolean               current)
{
  GtkWidget *row = adw_action_row_new ();
  guint number = tandem_document_version_get_number (version);
  g_autoptr(GString) subtitle = g_string_new (tandem_document_version_get_file_name (version));
  g_autofree char *size = g_format_size (tandem_document_version_get_size (version));
  g_autofree char *when = format_time (tandem_document_version_get_added_at (version));
  g_autofree char *title = NULL;
  g_autoptr(GIcon) icon = tandem_document_actions_get_icon (tandem_document_version_get_content_type (version));
  GtkWidget *image = gtk_image_new_from_gicon (icon);
  const char *by = tandem_document_version_get_added_by_name (version);
  const char *comment = tandem_document_version_get_comment (version);

  /* Translators: a version of a document; "(current)" marks the newest */
  title = current ? g_strdup_printf (_("Version %u (current)"), number) : g_strdup_printf (_("Version %u"), number);
  /* Translators: separates the parts of a line: "offer.pdf · 1.2 MB" */
  g_string_append_printf (subtitle, _(" · %s"), size);
  g_string_append_printf (subtitle, _(" · %s"), when);
  if (by)
    g_string_append_printf (subtitle, _(" · %s"), by);
  if (comment && *comment)
    g_string_append_printf (subtitle, "\n%s", comment);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  /* Translators: accessible names of buttons; %u is a version's number */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             version_button (number, "document-open-symbolic", _("Open"),
                                             _("Open version %u"), "history.open"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             version_button (number, "document-save-as-symbolic", _("Export…"),
                                             _("Export version %u"), "history.export"));
  return row;
}

static void
fill_visibility_history (TandemDocumentHistoryWindow *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  changes = tandem_store_list_visibility_changes (self->store, TANDEM_KIND_DOCUMENT, self->document_id, &error);
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
      adw_preferences_group_add (self->visibility_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->visibility_group), changes->len > 0);
}

/* Actions ------------------------------------------------------------------ */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemDocumentHistoryWindow *self = TANDEM_DOCUMENT_HISTORY_WINDOW (widget);

  tandem_document_actions_open (widget, self->store, self->document_id, g_variant_get_uint32 (parameter));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemDocumentHistoryWindow *self = TANDEM_DOCUMENT_HISTORY_WINDOW (widget);

  tandem_document_actions_export (widget, self->store, self->document_id, g_variant_get_uint32 (parameter));
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_document_history_window_dispose (GObject *object)
{
  TandemDocumentHistoryWindow *self = TANDEM_DOCUMENT_HISTORY_WINDOW (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_DOCUMENT_HISTORY_WINDOW);

  G_OBJECT_CLASS (tandem_document_history_window_parent_class)->dispose (object);
}

static void
tandem_document_history_window_class_init (TandemDocumentHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_document_history_window_dispose;

  (void) tandem_documents_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tandemcrm/Tandem/documents/tandem-document-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentHistoryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentHistoryWindow, versions_group);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentHistoryWindow, visibility_group);

  gtk_widget_class_install_action (widget_class, "history.open", "u", open_action);
  gtk_widget_class_install_action (widget_class, "history.export", "u", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_document_history_window_init (TandemDocumentHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API --------------------------------------------------------------- */

TandemDocumentHistoryWindow *
tandem_document_history_window_new (GtkWindow    *parent,
                                    TandemStore  *store,
                                    gint64        document_id,
                                    GError      **error)
{
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  TandemDocumentHistoryWindow *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  document = tandem_store_get_document (store, document_id, error);
  if (document == NULL)
    return NULL;
  versions = tandem_store_list_document_versions (store, document_id, error);
  if (versions == NULL)
    return NULL;

  self = g_object_new (TANDEM_TYPE_DOCUMENT_HISTORY_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->document_id = document_id;
  adw_window_title_set_subtitle (self->window_title, tandem_document_get_title (document));

  for (guint i = 0; i < versions->len; i++)
    adw_preferences_group_add (self->versions_group, create_version_row (g_ptr_array_index (versions, i), i == 0));
  self->n_versions = versions->len;
  fill_visibility_history (self);
  return self;
}

guint
tandem_document_history_window_get_n_versions (TandemDocumentHistoryWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT_HISTORY_WINDOW (self), 0);
  return self->n_versions;
}
