/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemDocumentActions"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tandem-date.h"
#include "tandem-document-actions.h"
#include "tandem-document-history-window.h"
#include "tandem-document-visibility-dialog.h"
#include "tandem-documents-resources.h"
#include "tandem-error.h"

/* Files the user chose or dropped, waiting for who may see them, then
 * read one by one. */
typedef struct
{
  GtkWidget        *from;
  TandemStore      *store;
  TandemKind        parent_kind;
  gint64            parent_id;
  GPtrArray        *files;         /* GFile */
  GPtrArray        *names;         /* char *, the files' display names */
  GPtrArray        *content_types; /* char *, or NULL */
  TandemVisibility  visibility;
  GArray           *group_ids;
} AddBatch;

typedef struct
{
  AddBatch *batch;
  guint     index;
} FileLoad;

/* What a file chooser was opened for */
typedef struct
{
  GtkWidget   *from;
  TandemStore *store;
  TandemKind   parent_kind;
  gint64       parent_id;
  gint64       document_id;
  guint        version;
} Chooser;

static const char * const action_names[] = {
  "documents.open",
  "documents.export",
  "documents.add-version",
  "documents.history",
  "documents.visibility",
  "documents.delete",
};

/* Helpers ------------------------------------------------------------------ */

static void
add_batch_free (gpointer data)
{
  AddBatch *batch = data;

  g_clear_object (&batch->from);
  g_clear_object (&batch->store);
  g_clear_pointer (&batch->files, g_ptr_array_unref);
  g_clear_pointer (&batch->names, g_ptr_array_unref);
  g_clear_pointer (&batch->content_types, g_ptr_array_unref);
  g_clear_pointer (&batch->group_ids, g_array_unref);
}

static void
add_batch_release (gpointer data)
{
  g_rc_box_release_full (data, add_batch_free);
}

static void
chooser_free (gpointer data)
{
  Chooser *chooser = data;

  g_clear_object (&chooser->from);
  g_clear_object (&chooser->store);
  g_free (chooser);
}

static Chooser *
chooser_new (GtkWidget   *from,
             TandemStore *store)
{
  Chooser *chooser = g_new0 (Chooser, 1);

  chooser->from = g_object_ref (from);
  chooser->store = g_object_ref (store);
  return chooser;
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static AdwToastOverlay *
find_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_overlay_below (child);

      if (found)
        return found;
    }
  return NULL;
}

/* The overlay nearest to where the user acted: around it, or else the
 * first one of its window. */
static AdwToastOverlay *
find_overlay (GtkWidget *from)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);
  GtkWindow *window;

  if (overlay)
    return ADW_TOAST_OVERLAY (overlay);
  window = window_of (from);
  return window ? find_overlay_below (GTK_WIDGET (window)) : NULL;
}

static void
present_message (GtkWidget  *from,
                 const char *heading,
                 const char *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (from), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_message (GtkWidget  *from,
              const char *message)
{
  AdwToastOverlay *overlay = find_overlay (from);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      present_message (from, message, NULL);
      return;
    }
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (overlay, toast);
}

/* An error reading a document: a damaged one is told in a dialog of its
 * own, anything else in a toast. */
static void
show_read_error (GtkWidget   *from,
                 const char  *title,
                 GError      *error)
{
  if (g_error_matches (error, TANDEM_ERROR, TANDEM_ERROR_DAMAGED))
    tandem_document_actions_show_damaged (from, title);
  else
    show_message (from, error->message);
}

/* The title of a document for messages, "" when the user may not see it. */
static char *
document_title (TandemStore *store,
                gint64       document_id)
{
  g_autoptr(TandemDocument) document = tandem_store_get_document (store, document_id, NULL);

  return g_strdup (document ? tandem_document_get_title (document) : "");
}

/* The user's private copies of documents, opened in other applications */
static char *
private_folder (void)
{
  return g_build_filename (g_get_user_cache_dir (), "tandem", "documents", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
remove_private_copies (void)
{
  g_autofree char *folder = private_folder ();

  remove_tree (folder);
}

static void
on_shutdown_cb (GApplication *application,
                gpointer      data)
{
  remove_private_copies ();
}

/* The copies go when the application quits; those of a run that did not
 * quit cleanly go before the first new one is written. */
static void
watch_private_copies (void)
{
  static gsize watching = 0;

  if (g_once_init_enter (&watching))
    {
      GApplication *application = g_application_get_default ();

      remove_private_copies ();
      if (application)
        g_signal_connect (application, "shutdown", G_CALLBACK (on_shutdown_cb), NULL);
      g_once_init_leave (&watching, 1);
    }
}

static char *
safe_file_name (const char *name)
{
  char *base = g_path_get_basename (name && *name ? name : "document");

  g_strdelimit (base, "/\\:", '_');
  if (g_str_equal (base, ".") || g_str_equal (base, ".."))
    {
      g_free (base);
      base = g_strdup ("document");
    }
  return base;
}

/* "Pekka Mäkinen" of "Pekka Mäkinen <pekka@acme.example>"; the address
 * when there is no name. */
static char *
sender_name (const char *sender)
{
  const char *open = strchr (sender, '<');
  g_autofree char *name = NULL;

  if (open == NULL || open == sender)
    return g_strdup (sender);
  name = g_strstrip (g_strndup (sender, open - sender));
  if (*name == '"' && strlen (name) > 1 && name[strlen (name) - 1] == '"')
    {
      name[strlen (name) - 1] = '\0';
      memmove (name, name + 1, strlen (name));
    }
  return *name ? g_steal_pointer (&name) : g_strdup (sender);
}

static void
add_section (GMenu      *menu,
             GMenu      *section)
{
  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             gint64      id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  g_menu_append_item (menu, item);
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_launched_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GtkWidget) from = data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("No application could open the document: %s"), error->message);

      show_message (from, message);
    }
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       Chooser         *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file)
        tandem_document_actions_export_to (chooser->from, chooser->store, chooser->document_id, chooser->version,
                                           file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_version_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  Chooser *chooser = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *mime = NULL;
  gsize length = 0;
  guint number;

  info = g_file_query_info (G_FILE (source), G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  name = info ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (G_FILE (source));
  if (info && g_file_info_get_content_type (info))
    mime = g_content_type_get_mime_type (g_file_info_get_content_type (info));

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read “%s”: %s"), name, error->message);

      show_message (chooser->from, message);
    }
  else
    {
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      number = tandem_store_add_document_version (chooser->store, chooser->document_id, name, mime, bytes, NULL,
                                                  &error);
      if (number == 0)
        show_message (chooser->from, error->message);
      else
        {
          g_autofree char *title = document_title (chooser->store, chooser->document_id);
          /* Translators: "Version 2 of “offer.pdf” added" */
          g_autofree char *message = g_strdup_printf (_("Version %u of “%s” added"), number, title);

          show_message (chooser->from, message);
        }
    }
  chooser_free (chooser);
}

static void
on_version_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        Chooser         *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file)
    {
      g_file_load_contents_async (file, NULL, on_version_loaded_cb, chooser);
    }
  else
    chooser_free (chooser);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_files_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      Chooser         *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      GSList *list = NULL;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      tandem_document_actions_add_files (chooser->from, chooser->store, chooser->parent_kind, chooser->parent_id,
                                         list);
      g_slist_free_full (list, g_object_unref);
    }
  chooser_free (chooser);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_file_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  FileLoad *load = data;
  AddBatch *batch = load->batch;
  const char *name = g_ptr_array_index (batch->names, load->index);
  const char *mime = g_ptr_array_index (batch->content_types, load->index);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read “%s”: %s"), name, error->message);

      show_message (batch->from, message);
    }
  else
    {
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      if (tandem_store_add_document (batch->store, batch->parent_kind, batch->parent_id, name, mime, bytes, NULL,
                                     batch->visibility, (const gint64 *) batch->group_ids->data,
                                     batch->group_ids->len, &error) == 0)
        {
          g_autofree char *message = g_strdup_printf (_("Cannot add “%s”: %s"), name, error->message);

          show_message (batch->from, message);
        }
    }
  add_batch_release (batch);
  g_free (load);
}

static void
on_add_response_cb (TandemDocumentVisibilityDialog *dialog,
                    const char                     *response,
                    AddBatch                       *batch)
{
  if (!g_str_equal (response, "apply"))
    return;

  batch->visibility = tandem_document_visibility_dialog_get_visibility (dialog);
  g_clear_pointer (&batch->group_ids, g_array_unref);
  batch->group_ids = tandem_document_visibility_dialog_get_group_ids (dialog);
  if (batch->visibility != TANDEM_VISIBILITY_GROUPS)
    g_array_set_size (batch->group_ids, 0);

  for (guint i = 0; i < batch->files->len; i++)
    {
      FileLoad *load = g_new0 (FileLoad, 1);

      load->batch = g_rc_box_acquire (batch);
      load->index = i;
      g_file_load_contents_async (g_ptr_array_index (batch->files, i), NULL, on_file_loaded_cb, load);
    }
}

static void
on_visibility_response_cb (TandemDocumentVisibilityDialog *dialog,
                           const char                     *response,
                           TandemStore                    *store)
{
  TandemDocument *document = g_object_get_data (G_OBJECT (dialog), "document");
  GtkWidget *from = g_object_get_data (G_OBJECT (dialog), "from");
  g_autoptr(TandemDocument) copy = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  TandemVisibility visibility;

  if (!g_str_equal (response, "apply"))
    return;

  visibility = tandem_document_visibility_dialog_get_visibility (dialog);
  groups = tandem_document_visibility_dialog_get_group_ids (dialog);
  if (visibility != TANDEM_VISIBILITY_GROUPS)
    g_array_set_size (groups, 0);

  copy = tandem_document_copy (document);
  tandem_document_set_visibility (copy, visibility);
  tandem_document_set_group_ids (copy, (const gint64 *) groups->data, groups->len);
  if (!tandem_store_update_document (store, copy, &error))
    show_message (from, error->message);
}

static void
on_undo_clicked_cb (AdwToast    *toast,
                    TandemStore *store)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (toast), "document-id");
  g_autoptr(GError) error = NULL;

  if (!tandem_store_restore (store, TANDEM_KIND_DOCUMENT, id, &error))
    g_warning ("Cannot restore the document: %s", error->message);
}

static void
activate_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  g_object_get (widget, "store", &store, NULL);
  if (store == NULL)
    return;

  if (g_str_equal (action_name, "documents.open"))
    {
      tandem_document_actions_open (widget, store, id, 0);
      return;
    }
  if (g_str_equal (action_name, "documents.export"))
    {
      tandem_document_actions_export (widget, store, id, 0);
      return;
    }

  document = tandem_store_get_document (store, id, &error);
  if (document == NULL)
    {
      show_message (widget, error->message);
      return;
    }

  if (g_str_equal (action_name, "documents.add-version"))
    {
      Chooser *chooser = chooser_new (widget, store);
      GtkFileChooserNative *dialog;
      g_autofree char *title = g_strdup_printf (_("New Version of “%s”"), tandem_document_get_title (document));

      chooser->document_id = id;
      dialog = gtk_file_chooser_native_new (title, window_of (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                                            _("_Add"), _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
      g_signal_connect (dialog, "response", G_CALLBACK (on_version_response_cb), chooser);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
    }
  else if (g_str_equal (action_name, "documents.history"))
    {
      TandemDocumentHistoryWindow *history;

      history = tandem_document_history_window_new (window_of (widget), store, id, &error);
      if (history == NULL)
        show_message (widget, error->message);
      else
        gtk_window_present (GTK_WINDOW (history));
    }
  else if (g_str_equal (action_name, "documents.visibility"))
    {
      TandemDocumentVisibilityDialog *dialog;
      const gint64 *groups;
      guint n_groups;

      if (!tandem_document_actions_may_manage (store, document))
        {
          show_message (widget, _("Only the author or an administrator can change who sees this document"));
          return;
        }
      groups = tandem_document_get_group_ids (document, &n_groups);
      dialog = tandem_document_visibility_dialog_new (window_of (widget), store,
                                                      tandem_document_get_parent_kind (document),
                                                      tandem_document_get_visibility (document),
                                                      groups, n_groups, _("_Save"));
      /* Translators: the heading of the dialog that changes who may see a document */
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Who May See “%s”?"),
                                         tandem_document_get_title (document));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("The change is recorded in the document’s history."));
      g_object_set_data_full (G_OBJECT (dialog), "document", g_object_ref (document), g_object_unref);
      g_object_set_data_full (G_OBJECT (dialog), "from", g_object_ref (widget), g_object_unref);
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_visibility_response_cb), g_object_ref (store),
                             (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (g_str_equal (action_name, "documents.delete"))
    {
      AdwToastOverlay *overlay;
      g_autofree char *escaped = NULL;
      g_autofree char *text = NULL;
      AdwToast *toast;

      if (!tandem_store_delete (store, TANDEM_KIND_DOCUMENT, id, &error))
        {
          show_message (widget, error->message);
          return;
        }
      overlay = find_overlay (widget);
      if (overlay == NULL)
        return;
      escaped = g_markup_escape_text (tandem_document_get_title (document), -1);
      /* Translators: a message after deleting a document, with an Undo button */
      text = g_strdup_printf (_("“%s” deleted"), escaped);
      toast = adw_toast_new (text);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_object_set_data_full (G_OBJECT (toast), "document-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), g_object_ref (store),
                             (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      adw_toast_overlay_add_toast (overlay, toast);
    }
}

/* Public API --------------------------------------------------------------- */

void
tandem_document_actions_load_style (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();
      GdkDisplay *display = gdk_display_get_default ();

      (void) tandem_documents_get_resource ();
      gtk_css_provider_load_from_resource (provider, "/io/github/tandemcrm/Tandem/documents/tandem-documents.css");
      if (display)
        gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

GIcon *
tandem_document_actions_get_icon (const char *content_type)
{
  g_autofree char *type = g_content_type_from_mime_type (content_type && *content_type ? content_type
                                                                                     : "application/octet-stream");

  return g_content_type_get_symbolic_icon (type ? type : "application/octet-stream");
}

const char *
tandem_document_actions_get_visibility_icon (TandemVisibility visibility)
{
  switch (visibility)
    {
    case TANDEM_VISIBILITY_PRIVATE:
      return "changes-prevent-symbolic";
    case TANDEM_VISIBILITY_GROUPS:
      return "system-users-symbolic";
    case TANDEM_VISIBILITY_TEAM:
      return "emblem-shared-symbolic";
    case TANDEM_VISIBILITY_EVERYONE:
    default:
      return "view-reveal-symbolic";
    }
}

char *
tandem_document_actions_format_day (const char *iso8601)
{
  g_autoptr(GDateTime) moment = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;

  if (iso8601 == NULL || *iso8601 == '\0')
    return NULL;
  if (strlen (iso8601) == 10)
    return tandem_date_format (iso8601);
  moment = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (moment == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (moment);
  day = g_date_time_format (local, "%Y-%m-%d");
  return tandem_date_format (day);
}

char *
tandem_document_actions_describe (TandemDocument *document)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *file_name = tandem_document_get_file_name (document);
  guint n_versions = tandem_document_get_version_count (document);

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), NULL);

  if (tandem_document_get_is_email (document))
    {
      const char *subject = tandem_document_get_email_subject (document);
      const char *sender = tandem_document_get_email_sender (document);
      char *date = tandem_document_actions_format_day (tandem_document_get_email_date (document));

      if (subject && *subject && g_strcmp0 (subject, tandem_document_get_title (document)) != 0)
        g_ptr_array_add (parts, g_strdup (subject));
      if (sender && *sender)
        g_ptr_array_add (parts, sender_name (sender));
      if (date)
        g_ptr_array_add (parts, date);
      if (parts->len == 0 && file_name)
        g_ptr_array_add (parts, g_strdup (file_name));
    }
  else
    {
      char *day = tandem_document_actions_format_day (tandem_document_get_updated_at (document));
      const char *author = tandem_document_get_author_name (document);

      if (file_name && g_strcmp0 (file_name, tandem_document_get_title (document)) != 0)
        g_ptr_array_add (parts, g_strdup (file_name));
      g_ptr_array_add (parts, g_format_size (tandem_document_get_size (document)));
      if (day)
        g_ptr_array_add (parts, day);
      if (author)
        g_ptr_array_add (parts, g_strdup (author));
      if (n_versions > 1)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u version", "%u versions",
                                                              n_versions), n_versions));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

gboolean
tandem_document_actions_may_manage (TandemStore    *store,
                                    TandemDocument *document)
{
  TandemUser *user = tandem_store_get_user (store);

  return user != NULL &&
         (tandem_user_is_admin (user) || tandem_document_get_author_id (document) == tandem_user_get_id (user));
}

GMenuModel *
tandem_document_actions_menu (TandemStore    *store,
                              TandemDocument *document,
                              gboolean        with_parent)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) versions = g_menu_new ();
  g_autoptr(GMenu) manage = g_menu_new ();
  gint64 id;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), NULL);

  id = tandem_record_get_id (TANDEM_RECORD (document));
  append_item (open, _("_Open"), "documents.open", id);
  append_item (open, _("_Export…"), "documents.export", id);
  if (with_parent && tandem_document_get_parent_name (document))
    {
      /* Translators: a menu item that opens the record a document is on */
      g_autofree char *label = g_strdup_printf (_("Go to “%s”"), tandem_document_get_parent_name (document));
      g_autoptr(GMenuItem) item = g_menu_item_new (NULL, NULL);

      /* A record's name is not a mnemonic. */
      g_menu_item_set_attribute (item, "label", "s", label);
      g_menu_item_set_attribute (item, "use-markup", "b", FALSE);
      g_menu_item_set_action_and_target_value (item, "documents.show-parent", g_variant_new_int64 (id));
      g_menu_append_item (open, item);
    }
  append_item (versions, _("Add New _Version…"), "documents.add-version", id);
  append_item (versions, _("_History"), "documents.history", id);
  if (tandem_document_actions_may_manage (store, document))
    {
      append_item (manage, _("_Visibility…"), "documents.visibility", id);
      append_item (manage, _("_Delete"), "documents.delete", id);
    }
  add_section (menu, open);
  add_section (menu, versions);
  add_section (menu, manage);
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

void
tandem_document_actions_install (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    gtk_widget_class_install_action (widget_class, action_names[i], "x", activate_cb);
}

char *
tandem_document_actions_write_private_copy (TandemStore  *store,
                                            gint64        document_id,
                                            guint         version,
                                            GError      **error)
{
  g_autoptr(TandemDocumentVersion) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *version_folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *subfolder = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  bytes = tandem_store_read_document (store, document_id, version, &read, error);
  if (bytes == NULL)
    return NULL;

  watch_private_copies ();
  folder = private_folder ();
  /* A folder per version keeps the file's own name, which is what the
   * other application shows. */
  subfolder = g_strdup_printf ("%" G_GINT64_FORMAT "-%u", document_id,
                               read ? tandem_document_version_get_number (read) : version);
  version_folder = g_build_filename (folder, subfolder, NULL);
  if (g_mkdir_with_parents (version_folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder %s: %s"), version_folder, g_strerror (saved_errno));
      return NULL;
    }
  g_chmod (folder, 0700);
  g_chmod (version_folder, 0700);

  name = safe_file_name (read ? tandem_document_version_get_file_name (read) : NULL);
  path = g_build_filename (version_folder, name, NULL);
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  return g_steal_pointer (&path);
}

void
tandem_document_actions_open (GtkWidget   *from,
                              TandemStore *store,
                              gint64       document_id,
                              guint        version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (TANDEM_IS_STORE (store));

  path = tandem_document_actions_write_private_copy (store, document_id, version, &error);
  if (path == NULL)
    {
      g_autofree char *title = document_title (store, document_id);

      show_read_error (from, title, error);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (from));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, on_launched_cb,
                                           g_object_ref (from));
}

void
tandem_document_actions_export (GtkWidget   *from,
                                TandemStore *store,
                                gint64       document_id,
                                guint        version)
{
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  Chooser *chooser;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (TANDEM_IS_STORE (store));

  document = tandem_store_get_document (store, document_id, &error);
  if (document == NULL)
    {
      show_message (from, error->message);
      return;
    }
  if (version != 0)
    {
      g_autoptr(GPtrArray) versions = tandem_store_list_document_versions (store, document_id, NULL);

      for (guint i = 0; versions && i < versions->len; i++)
        if (tandem_document_version_get_number (g_ptr_array_index (versions, i)) == version)
          name = safe_file_name (tandem_document_version_get_file_name (g_ptr_array_index (versions, i)));
    }
  if (name == NULL)
    name = safe_file_name (tandem_document_get_file_name (document));

  chooser = chooser_new (from, store);
  chooser->document_id = document_id;
  chooser->version = version;
  dialog = gtk_file_chooser_native_new (_("Export Document"), window_of (from), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "chooser", chooser, chooser_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

gboolean
tandem_document_actions_export_to (GtkWidget   *from,
                                   TandemStore *store,
                                   gint64       document_id,
                                   guint        version,
                                   GFile       *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *where = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (from), FALSE);
  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  title = document_title (store, document_id);
  /* Read and checked before anything is written: a damaged document
   * leaves the file as it was. */
  bytes = tandem_store_read_document (store, document_id, version, NULL, &error);
  if (bytes == NULL)
    {
      show_read_error (from, title, error);
      return FALSE;
    }

  /* An export is in the audit trail before the content leaves. */
  if (!tandem_store_audit_export (store, TANDEM_KIND_DOCUMENT, document_id, "document", &error))
    {
      show_message (from, error->message);
      return FALSE;
    }

  where = g_file_get_parse_name (file);
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot export to %s: %s"), where, error->message);

      show_message (from, message);
      return FALSE;
    }
  {
    /* Translators: "Exported “offer.pdf”" */
    g_autofree char *message = g_strdup_printf (_("Exported “%s”"), title);

    show_message (from, message);
  }
  return TRUE;
}

void
tandem_document_actions_show_damaged (GtkWidget  *from,
                                      const char *title)
{
  g_autofree char *body = NULL;

  g_return_if_fail (GTK_IS_WIDGET (from));

  body = g_strdup_printf (_("The content of “%s” no longer matches the checksum saved with it, so Tandem will "
                            "not open or export it. Add a good copy as a new version, or restore a backup."),
                          title ? title : "");
  present_message (from, _("Document Is Damaged"), body);
}

void
tandem_document_actions_choose_files (GtkWidget   *from,
                                      TandemStore *store,
                                      TandemKind   parent_kind,
                                      gint64       parent_id)
{
  GtkFileChooserNative *dialog;
  Chooser *chooser;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (TANDEM_IS_STORE (store));

  if (parent_id == 0)
    return;
  chooser = chooser_new (from, store);
  chooser->parent_kind = parent_kind;
  chooser->parent_id = parent_id;
  dialog = gtk_file_chooser_native_new (_("Add Documents"), window_of (from), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_files_response_cb), chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
tandem_document_actions_add_files (GtkWidget   *from,
                                   TandemStore *store,
                                   TandemKind   parent_kind,
                                   gint64       parent_id,
                                   GSList      *files)
{
  TandemDocumentVisibilityDialog *dialog;
  AddBatch *batch;
  guint n;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (TANDEM_IS_STORE (store));

  if (parent_id == 0 || files == NULL)
    return;

  batch = g_rc_box_new0 (AddBatch);
  batch->from = g_object_ref (from);
  batch->store = g_object_ref (store);
  batch->parent_kind = parent_kind;
  batch->parent_id = parent_id;
  batch->files = g_ptr_array_new_with_free_func (g_object_unref);
  batch->names = g_ptr_array_new_with_free_func (g_free);
  batch->content_types = g_ptr_array_new_with_free_func (g_free);
  batch->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* What cannot be added is said at once, before anything is read. */
  for (GSList *l = files; l; l = l->next)
    {
      GFile *file = l->data;
      g_autoptr(GError) error = NULL;
      g_autoptr(GFileInfo) info = NULL;
      g_autofree char *name = NULL;
      char *mime = NULL;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                                G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                G_FILE_QUERY_INFO_NONE, NULL, &error);
      if (info == NULL)
        {
          g_autofree char *shown = g_file_get_parse_name (file);
          g_autofree char *message = g_strdup_printf (_("Cannot read “%s”: %s"), shown, error->message);

          show_message (from, message);
          continue;
        }
      name = g_strdup (g_file_info_get_display_name (info));
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is a folder; add the files in it instead"), name);

          show_message (from, message);
          continue;
        }
      if (g_file_info_get_size (info) > TANDEM_DOCUMENT_MAX_SIZE)
        {
          g_autofree char *limit = g_format_size_full (TANDEM_DOCUMENT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
          g_autofree char *message = g_strdup_printf (_("“%s” is larger than %s, the largest document Tandem keeps"),
                                                      name, limit);

          show_message (from, message);
          continue;
        }
      if (g_file_info_get_content_type (info))
        mime = g_content_type_get_mime_type (g_file_info_get_content_type (info));
      g_ptr_array_add (batch->files, g_object_ref (file));
      g_ptr_array_add (batch->names, g_steal_pointer (&name));
      g_ptr_array_add (batch->content_types, mime);
    }

  n = batch->files->len;
  if (n == 0)
    {
      add_batch_release (batch);
      return;
    }

  dialog = tandem_document_visibility_dialog_new (window_of (from), store, parent_kind,
                                                  TANDEM_VISIBILITY_EVERYONE, NULL, 0, _("_Add"));
  if (n == 1)
    /* Translators: the heading of the dialog that adds one document */
    adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Add “%s”?"),
                                       (const char *) g_ptr_array_index (batch->names, 0));
  else
    adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                       g_dngettext (GETTEXT_PACKAGE, "Add %u Document?", "Add %u Documents?", n), n);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "Choose who may see it. It keeps this visibility for its whole life, "
                                            "unless its author or an administrator changes it.",
                                            "Choose who may see them. They keep this visibility for their whole "
                                            "life, unless their author or an administrator changes it.", n));
  /* The dialog holds the batch; each file being read holds it too. */
  g_object_set_data_full (G_OBJECT (dialog), "batch", batch, add_batch_release);
  g_signal_connect (dialog, "response", G_CALLBACK (on_add_response_cb), batch);
  gtk_window_present (GTK_WINDOW (dialog));
}
