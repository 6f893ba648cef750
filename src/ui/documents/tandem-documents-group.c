/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemDocumentsGroup"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-document-actions.h"
#include "tandem-documents-group-private.h"
#include "tandem-documents-resources.h"

struct _TandemDocumentsGroup
{
  AdwPreferencesGroup parent_instance;

  /* template widgets */
  GtkWidget          *add_button;

  GtkDropTarget      *drop_target;
  TandemStore        *store;
  gulong              changed_id;
  TandemKind          parent_kind;
  gint64              parent_id;
  GPtrArray          *rows;
  guint               n_documents;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemDocumentsGroup, tandem_documents_group, ADW_TYPE_PREFERENCES_GROUP)

/* Helpers ------------------------------------------------------------------ */

static void
update_actions (TandemDocumentsGroup *self)
{
  gboolean can_add = self->store != NULL && self->parent_id != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.add", can_add);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         self->parent_id == 0 && self->parent_kind == TANDEM_KIND_ACTIVITY
                                         ? _("Documents can be added once the activity is saved")
                                         : NULL);
}

static GtkWidget *
create_row (TandemDocumentsGroup *self,
            TandemDocument       *document)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image, *visibility, *menu_button;
  g_autoptr(GIcon) icon = tandem_document_actions_get_icon (tandem_document_get_content_type (document));
  g_autoptr(GMenuModel) menu = tandem_document_actions_menu (self->store, document, FALSE);
  g_autofree char *subtitle = tandem_document_actions_describe (document);
  g_autofree char *menu_name = NULL;
  TandemVisibility shown_to = tandem_document_get_visibility (document);
  const char *title = tandem_document_get_title (document);
  gint64 id = tandem_record_get_id (TANDEM_RECORD (document));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "documents.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", id);

  image = gtk_image_new_from_gicon (icon);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

  visibility = gtk_image_new_from_icon_name (tandem_document_actions_get_visibility_icon (shown_to));
  gtk_widget_set_tooltip_text (visibility, tandem_visibility_get_label (shown_to));
  gtk_accessible_update_property (GTK_ACCESSIBLE (visibility), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tandem_visibility_get_label (shown_to), -1);
  gtk_widget_add_css_class (visibility, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), visibility);

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Document Menu"));
  /* Translators: the accessible name of a document's menu button */
  menu_name = g_strdup_printf (_("Menu of “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  g_object_set_data_full (G_OBJECT (row), "document-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

/* Callbacks ---------------------------------------------------------------- */

static gboolean
on_drop_cb (GtkDropTarget        *target,
            const GValue         *value,
            double                x,
            double                y,
            TandemDocumentsGroup *self)
{
  GdkFileList *list;
  GSList *files;

  if (self->store == NULL || self->parent_id == 0 || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = g_value_get_boxed (value);
  if (list == NULL)
    return FALSE;
  files = gdk_file_list_get_files (list);
  tandem_document_actions_add_files (GTK_WIDGET (self), self->store, self->parent_kind, self->parent_id, files);
  g_slist_free (files);
  return TRUE;
}

static void
on_store_changed_cb (TandemDocumentsGroup *self,
                     int                   kind,
                     gint64                id,
                     TandemStore          *store)
{
  /* Settings (groups, users) can change who sees which document. */
  if (kind == TANDEM_KIND_DOCUMENT || kind == TANDEM_KIND_NONE)
    tandem_documents_group_reload (self);
}

/* Actions ------------------------------------------------------------------ */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  tandem_documents_group_choose_files (TANDEM_DOCUMENTS_GROUP (widget));
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_documents_group_dispose (GObject *object)
{
  TandemDocumentsGroup *self = TANDEM_DOCUMENTS_GROUP (object);

  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_DOCUMENTS_GROUP);

  G_OBJECT_CLASS (tandem_documents_group_parent_class)->dispose (object);
}

static void
tandem_documents_group_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TandemDocumentsGroup *self = TANDEM_DOCUMENTS_GROUP (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_documents_group_class_init (TandemDocumentsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_documents_group_dispose;
  object_class->get_property = tandem_documents_group_get_property;

  /* The store the documents are read from; set with the parent. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  (void) tandem_documents_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tandemcrm/Tandem/documents/tandem-documents-group.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsGroup, add_button);

  gtk_widget_class_install_action (widget_class, "documents.add", NULL, add_action);
  tandem_document_actions_install (widget_class);
}

static void
tandem_documents_group_init (TandemDocumentsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tandem_document_actions_load_style ();
  self->rows = g_ptr_array_new ();

  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
  gtk_widget_add_css_class (GTK_WIDGET (self), "documents-drop");
  update_actions (self);
}

/* Public API --------------------------------------------------------------- */

void
tandem_documents_group_set_parent (TandemDocumentsGroup *self,
                                   TandemStore          *store,
                                   TandemKind            parent_kind,
                                   gint64                parent_id)
{
  g_return_if_fail (TANDEM_IS_DOCUMENTS_GROUP (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));

  if (self->store != store)
    {
      if (self->store)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store)
        self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb),
                                                    self, G_CONNECT_SWAPPED);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
  self->parent_kind = parent_kind;
  self->parent_id = parent_id;
  update_actions (self);
  tandem_documents_group_reload (self);
}

void
tandem_documents_group_reload (TandemDocumentsGroup *self)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  g_return_if_fail (TANDEM_IS_DOCUMENTS_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  self->n_documents = 0;

  if (self->store == NULL || self->parent_id == 0)
    return;

  documents = tandem_store_list_documents_of (self->store, self->parent_kind, self->parent_id, &error);
  if (documents == NULL)
    {
      /* The parent may just have been deleted; the card is going away. */
      g_debug ("Could not read the documents: %s", error->message);
      return;
    }

  for (guint i = 0; i < documents->len; i++)
    {
      row = create_row (self, g_ptr_array_index (documents, i));
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
  self->n_documents = documents->len;

  if (documents->len == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No documents yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Drop files here to add them"));
      gtk_widget_add_css_class (row, "dim-label");
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
}

guint
tandem_documents_group_get_n_documents (TandemDocumentsGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENTS_GROUP (self), 0);
  return self->n_documents;
}

void
tandem_documents_group_choose_files (TandemDocumentsGroup *self)
{
  g_return_if_fail (TANDEM_IS_DOCUMENTS_GROUP (self));

  if (self->store == NULL || self->parent_id == 0)
    return;
  tandem_document_actions_choose_files (GTK_WIDGET (self), self->store, self->parent_kind, self->parent_id);
}

void
tandem_documents_group_accept_drops_on (TandemDocumentsGroup *self,
                                        GtkWidget            *widget)
{
  GtkDropTarget *target;

  g_return_if_fail (TANDEM_IS_DOCUMENTS_GROUP (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
  gtk_widget_add_css_class (widget, "documents-drop");
}

/* Private API -------------------------------------------------------------- */

GtkDropTarget *
tandem_documents_group_get_drop_target (TandemDocumentsGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENTS_GROUP (self), NULL);
  return self->drop_target;
}

AdwActionRow *
tandem_documents_group_get_row (TandemDocumentsGroup *self,
                                gint64                document_id)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENTS_GROUP (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      gint64 *id = g_object_get_data (G_OBJECT (row), "document-id");

      if (id && *id == document_id)
        return ADW_ACTION_ROW (row);
    }
  return NULL;
}
