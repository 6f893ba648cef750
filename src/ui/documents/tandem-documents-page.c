/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemDocumentsPage"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-document-actions.h"
#include "tandem-document-list-model.h"
#include "tandem-documents-page-private.h"
#include "tandem-documents-resources.h"
#include "tandem-narrow-bin.h"

#define RELOAD_DELAY_MS 100

typedef enum
{
  COLUMN_NAME,
  COLUMN_PARENT,
  COLUMN_SIZE,
  COLUMN_MODIFIED,
  COLUMN_AUTHOR,
  COLUMN_VERSIONS,
  COLUMN_VISIBILITY,
  COLUMN_MENU,
  N_COLUMNS
} Column;

struct _TandemDocumentsPage
{
  AdwBin                   parent_instance;

  /* template widgets */
  TandemNarrowBin         *narrow_bin;
  AdwToastOverlay         *toast_overlay;
  GtkWidget               *top_bar;
  GtkSearchEntry          *search_entry;
  GtkWidget               *filter_button;
  GtkWidget               *popover_box;
  GtkWidget               *filter_bar;
  GtkWidget               *filters_box;
  GtkDropDown             *parent_dropdown;
  GtkDropDown             *added_dropdown;
  GtkCheckButton          *mine_check;
  GtkCheckButton          *email_check;
  GtkStack                *stack;
  GtkColumnView           *column_view;
  AdwStatusPage           *empty_page;
  GtkLabel                *count_label;

  GPtrArray               *wide_columns; /* hidden in a narrow window */

  TandemStore             *store;
  TandemDocumentListModel *model;
  guint                    reload_id;
  gboolean                 narrow;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  OPEN_PARENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemDocumentsPage, tandem_documents_page, ADW_TYPE_BIN)

/* Helpers ------------------------------------------------------------------ */

static gboolean
has_filters (TandemDocumentsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return gtk_drop_down_get_selected (self->parent_dropdown) != TANDEM_DOCUMENTS_ON_ANY ||
         gtk_drop_down_get_selected (self->added_dropdown) != TANDEM_DOCUMENTS_ADDED_ANY_TIME ||
         gtk_check_button_get_active (self->mine_check) ||
         gtk_check_button_get_active (self->email_check) ||
         (text && *text);
}

static void
update_count (TandemDocumentsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n), n);

  gtk_label_set_text (self->count_label, text);
  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  if (has_filters (self))
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results Found"));
      adw_status_page_set_description (self->empty_page, _("Try other filters or another search"));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "folder-documents-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Documents"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add documents on the card of a company, person, project or activity, "
                                         "or drop files onto it"));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The first UTC day of the period, "YYYY-MM-DD": the store's days are
 * UTC ones, and the user's day starts at local midnight. */
static char *
added_from (TandemDocumentsAdded added)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) utc = NULL;

  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  switch (added)
    {
    case TANDEM_DOCUMENTS_ADDED_TODAY:
      from = g_date_time_ref (midnight);
      break;
    case TANDEM_DOCUMENTS_ADDED_LAST_WEEK:
      from = g_date_time_add_days (midnight, -6);
      break;
    case TANDEM_DOCUMENTS_ADDED_LAST_MONTH:
      from = g_date_time_add_days (midnight, -29);
      break;
    case TANDEM_DOCUMENTS_ADDED_LAST_YEAR:
      from = g_date_time_add_years (midnight, -1);
      break;
    case TANDEM_DOCUMENTS_ADDED_ANY_TIME:
    default:
      return NULL;
    }
  utc = g_date_time_to_utc (from);
  return g_date_time_format (utc, "%Y-%m-%d");
}

static void
apply_filters (TandemDocumentsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autofree char *from = added_from (gtk_drop_down_get_selected (self->added_dropdown));
  g_autoptr(GError) error = NULL;
  TandemDocumentFilter filter = { 0, };

  filter.text = *text ? text : NULL;
  switch (gtk_drop_down_get_selected (self->parent_dropdown))
    {
    case TANDEM_DOCUMENTS_ON_COMPANIES:
      filter.parent_kind = TANDEM_KIND_COMPANY;
      break;
    case TANDEM_DOCUMENTS_ON_PEOPLE:
      filter.parent_kind = TANDEM_KIND_PERSON;
      break;
    case TANDEM_DOCUMENTS_ON_PROJECTS:
      filter.parent_kind = TANDEM_KIND_PROJECT;
      break;
    case TANDEM_DOCUMENTS_ON_SALES:
      filter.parent_kind = TANDEM_KIND_PROJECT;
      filter.only_sales = TRUE;
      break;
    case TANDEM_DOCUMENTS_ON_ACTIVITIES:
      filter.parent_kind = TANDEM_KIND_ACTIVITY;
      break;
    case TANDEM_DOCUMENTS_ON_ANY:
    default:
      filter.parent_kind = TANDEM_KIND_NONE;
      break;
    }
  filter.only_mine = gtk_check_button_get_active (self->mine_check);
  filter.only_email = gtk_check_button_get_active (self->email_check);
  filter.added_from = from;

  if (!tandem_document_list_model_set_filter (self->model, &filter, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  update_count (self);
}

static void
set_narrow (TandemDocumentsPage *self,
            gboolean             narrow)
{
  if (self->narrow == narrow)
    return;
  self->narrow = narrow;

  g_object_ref (self->filters_box);
  if (narrow)
    {
      gtk_box_remove (GTK_BOX (self->filter_bar), self->filters_box);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filters_box), GTK_ORIENTATION_VERTICAL);
      gtk_box_append (GTK_BOX (self->popover_box), self->filters_box);
    }
  else
    {
      gtk_box_remove (GTK_BOX (self->popover_box), self->filters_box);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filters_box), GTK_ORIENTATION_HORIZONTAL);
      gtk_box_append (GTK_BOX (self->filter_bar), self->filters_box);
    }
  g_object_unref (self->filters_box);

  gtk_widget_set_visible (self->filter_bar, !narrow);
  gtk_widget_set_visible (self->filter_button, narrow);
  for (guint i = 0; i < self->wide_columns->len; i++)
    gtk_column_view_column_set_visible (g_ptr_array_index (self->wide_columns, i), !narrow);
}

static const char *
parent_tooltip (TandemDocument *document)
{
  switch (tandem_document_get_parent_kind (document))
    {
    case TANDEM_KIND_COMPANY:
      return _("Open the company’s card");
    case TANDEM_KIND_PERSON:
      return _("Open the person’s card");
    case TANDEM_KIND_PROJECT:
      return tandem_document_get_parent_is_sale (document) ? _("Open the sale") : _("Open the project");
    case TANDEM_KIND_ACTIVITY:
      return _("Open the activity");
    default:
      return NULL;
    }
}

/* The line under a document's name: an e-mail's subject, sender and
 * date, or the file's name or kind. */
static char *
describe_briefly (TandemDocument *document)
{
  const char *file_name = tandem_document_get_file_name (document);
  const char *content_type = tandem_document_get_content_type (document);
  g_autofree char *type = NULL;

  if (tandem_document_get_is_email (document))
    return tandem_document_actions_describe (document);
  if (file_name && g_strcmp0 (file_name, tandem_document_get_title (document)) != 0)
    return g_strdup (file_name);
  type = g_content_type_from_mime_type (content_type ? content_type : "application/octet-stream");
  return g_content_type_get_description (type ? type : "application/octet-stream");
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_parent_clicked_cb (GtkButton           *button,
                      TandemDocumentsPage *self)
{
  TandemDocument *document = g_object_get_data (G_OBJECT (button), "document");

  if (document && tandem_document_get_parent_id (document) != 0)
    g_signal_emit (self, signals[OPEN_PARENT], 0, (int) tandem_document_get_parent_kind (document),
                   tandem_document_get_parent_id (document));
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TandemDocumentsPage      *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *child = NULL;
  GtkWidget *label;

  switch (column)
    {
    case COLUMN_NAME:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
        GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
        GtkWidget *title = gtk_label_new (NULL);
        GtkWidget *detail = gtk_label_new (NULL);

        gtk_box_append (GTK_BOX (box), gtk_image_new ());
        gtk_label_set_xalign (GTK_LABEL (title), 0);
        gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
        gtk_label_set_width_chars (GTK_LABEL (title), 12);
        gtk_label_set_xalign (GTK_LABEL (detail), 0);
        gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
        gtk_label_set_width_chars (GTK_LABEL (detail), 12);
        gtk_widget_add_css_class (detail, "dim-label");
        gtk_widget_add_css_class (detail, "caption");
        gtk_box_append (GTK_BOX (texts), title);
        gtk_box_append (GTK_BOX (texts), detail);
        gtk_widget_set_hexpand (texts, TRUE);
        gtk_box_append (GTK_BOX (box), texts);
        child = box;
      }
      break;
    case COLUMN_PARENT:
      label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      child = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (child), label);
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (child, "flat");
      gtk_widget_add_css_class (child, "documents-parent");
      g_signal_connect_object (child, "clicked", G_CALLBACK (on_parent_clicked_cb), self, 0);
      break;
    case COLUMN_VISIBILITY:
      child = gtk_image_new ();
      gtk_widget_add_css_class (child, "dim-label");
      break;
    case COLUMN_MENU:
      child = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (child), "view-more-symbolic");
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (child, "flat");
      gtk_widget_set_tooltip_text (child, _("Document Menu"));
      break;
    case COLUMN_SIZE:
    case COLUMN_VERSIONS:
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 1);
      gtk_widget_add_css_class (child, "numeric");
      break;
    case COLUMN_MODIFIED:
    case COLUMN_AUTHOR:
    default:
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      break;
    }
  gtk_list_item_set_child (item, child);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            TandemDocumentsPage      *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  TandemDocument *document = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  gboolean shown = tandem_record_get_id (TANDEM_RECORD (document)) != 0;
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      {
        GtkWidget *image = gtk_widget_get_first_child (child);
        GtkWidget *texts = gtk_widget_get_next_sibling (image);
        GtkWidget *title = gtk_widget_get_first_child (texts);
        GtkWidget *detail = gtk_widget_get_next_sibling (title);
        g_autoptr(GIcon) icon = tandem_document_actions_get_icon (tandem_document_get_content_type (document));

        text = shown ? describe_briefly (document) : NULL;
        gtk_image_set_from_gicon (GTK_IMAGE (image), icon);
        gtk_widget_set_visible (image, shown);
        gtk_label_set_text (GTK_LABEL (title), tandem_document_get_title (document));
        gtk_label_set_text (GTK_LABEL (detail), text ? text : "");
        gtk_widget_set_tooltip_text (child, text);
      }
      return;
    case COLUMN_PARENT:
      gtk_label_set_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (child))),
                          tandem_document_get_parent_name (document) ? tandem_document_get_parent_name (document) : "");
      gtk_widget_set_tooltip_text (child, parent_tooltip (document));
      gtk_widget_set_visible (child, shown && tandem_document_get_parent_name (document) != NULL);
      g_object_set_data_full (G_OBJECT (child), "document", g_object_ref (document), g_object_unref);
      return;
    case COLUMN_VISIBILITY:
      {
        TandemVisibility visibility = tandem_document_get_visibility (document);

        gtk_image_set_from_icon_name (GTK_IMAGE (child), tandem_document_actions_get_visibility_icon (visibility));
        gtk_widget_set_visible (child, shown);
        gtk_widget_set_tooltip_text (child, tandem_visibility_get_label (visibility));
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        tandem_visibility_get_label (visibility), -1);
      }
      return;
    case COLUMN_MENU:
      {
        g_autoptr(GMenuModel) menu = shown ? tandem_document_actions_menu (self->store, document, TRUE) : NULL;
        /* Translators: the accessible name of a document's menu button */
        g_autofree char *name = g_strdup_printf (_("Menu of “%s”"), tandem_document_get_title (document));

        gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (child), menu);
        gtk_widget_set_visible (child, shown);
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      }
      return;
    case COLUMN_SIZE:
      if (shown)
        text = g_format_size (tandem_document_get_size (document));
      break;
    case COLUMN_MODIFIED:
      text = tandem_document_actions_format_day (tandem_document_get_updated_at (document));
      break;
    case COLUMN_AUTHOR:
      text = g_strdup (tandem_document_get_author_name (document));
      break;
    case COLUMN_VERSIONS:
      if (shown)
        text = g_strdup_printf ("%u", tandem_document_get_version_count (document));
      break;
    default:
      break;
    }
  gtk_label_set_text (GTK_LABEL (child), text ? text : "");
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TandemDocumentsPage      *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *child = gtk_list_item_get_child (item);

  if (column == COLUMN_PARENT)
    g_object_set_data (G_OBJECT (child), "document", NULL);
  else if (column == COLUMN_MENU)
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (child), NULL);
}

static void
on_column_view_activate_cb (TandemDocumentsPage *self,
                            guint                position)
{
  g_autoptr(TandemDocument) document = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  gint64 id = document ? tandem_record_get_id (TANDEM_RECORD (document)) : 0;

  if (id != 0)
    tandem_document_actions_open (GTK_WIDGET (self), self->store, id, 0);
}

static gboolean
on_reload_timeout_cb (gpointer data)
{
  TandemDocumentsPage *self = data;

  self->reload_id = 0;
  tandem_documents_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (TandemDocumentsPage *self,
                     int                  kind,
                     gint64               id,
                     TandemStore         *store)
{
  /* A record's name or who may see it changes what the list shows. */
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
}

static void
on_filter_changed_cb (TandemDocumentsPage *self)
{
  apply_filters (self);
}

static void
on_narrow_changed_cb (TandemDocumentsPage *self)
{
  set_narrow (self, tandem_narrow_bin_get_narrow (self->narrow_bin));
}

/* Actions ------------------------------------------------------------------ */

static void
show_parent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TandemDocumentsPage *self = TANDEM_DOCUMENTS_PAGE (widget);
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = tandem_store_get_document (self->store, g_variant_get_int64 (parameter), &error);
  if (document == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_signal_emit (self, signals[OPEN_PARENT], 0, (int) tandem_document_get_parent_kind (document),
                 tandem_document_get_parent_id (document));
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_documents_page_constructed (GObject *object)
{
  TandemDocumentsPage *self = TANDEM_DOCUMENTS_PAGE (object);
  g_autoptr(GtkSingleSelection) selection = NULL;

  G_OBJECT_CLASS (tandem_documents_page_parent_class)->constructed (object);

  self->model = tandem_document_list_model_new (self->store);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  tandem_documents_page_reload (self);
}

static void
tandem_documents_page_dispose (GObject *object)
{
  TandemDocumentsPage *self = TANDEM_DOCUMENTS_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->narrow)
    set_narrow (self, FALSE);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_DOCUMENTS_PAGE);

  G_OBJECT_CLASS (tandem_documents_page_parent_class)->dispose (object);
}

static void
tandem_documents_page_finalize (GObject *object)
{
  TandemDocumentsPage *self = TANDEM_DOCUMENTS_PAGE (object);

  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_pointer (&self->wide_columns, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_documents_page_parent_class)->finalize (object);
}

static void
tandem_documents_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TandemDocumentsPage *self = TANDEM_DOCUMENTS_PAGE (object);

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
tandem_documents_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TandemDocumentsPage *self = TANDEM_DOCUMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_documents_page_class_init (TandemDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_documents_page_constructed;
  object_class->dispose = tandem_documents_page_dispose;
  object_class->finalize = tandem_documents_page_finalize;
  object_class->get_property = tandem_documents_page_get_property;
  object_class->set_property = tandem_documents_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_PARENT] =
    g_signal_new ("open-parent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);

  (void) tandem_documents_get_resource ();
  g_type_ensure (TANDEM_TYPE_NARROW_BIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tandemcrm/Tandem/documents/tandem-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, narrow_bin);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, top_bar);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, popover_box);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, filters_box);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, parent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, added_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, mine_check);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, email_check);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TandemDocumentsPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  tandem_document_actions_install (widget_class);
  gtk_widget_class_install_action (widget_class, "documents.show-parent", "x", show_parent_action);
}

/* @wide_only: a narrow window leaves it out. */
static void
add_column (TandemDocumentsPage *self,
            Column               column,
            const char          *title,
            gboolean             expand,
            gboolean             wide_only)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_unbind_cb), self, 0);

  view_column = gtk_column_view_column_new (title, factory);
  if (wide_only)
    g_ptr_array_add (self->wide_columns, g_object_ref (view_column));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, column != COLUMN_VISIBILITY && column != COLUMN_MENU);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
tandem_documents_page_init (TandemDocumentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tandem_document_actions_load_style ();

  g_signal_connect_object (self->narrow_bin, "notify::narrow", G_CALLBACK (on_narrow_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->wide_columns = g_ptr_array_new_with_free_func (g_object_unref);
  add_column (self, COLUMN_NAME, _("Name"), TRUE, FALSE);
  /* Translators: a column: the company, person, project or activity a document is on */
  add_column (self, COLUMN_PARENT, _("Attached To"), TRUE, TRUE);
  add_column (self, COLUMN_SIZE, _("Size"), FALSE, TRUE);
  /* Translators: a column: when a document's newest version was added */
  add_column (self, COLUMN_MODIFIED, _("Modified"), FALSE, FALSE);
  /* Translators: a column: who added a document */
  add_column (self, COLUMN_AUTHOR, _("Added By"), FALSE, TRUE);
  /* Translators: a column: how many versions a document has */
  add_column (self, COLUMN_VERSIONS, _("Versions"), FALSE, TRUE);
  add_column (self, COLUMN_VISIBILITY, NULL, FALSE, FALSE);
  add_column (self, COLUMN_MENU, NULL, FALSE, FALSE);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->parent_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->added_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mine_check, "toggled", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->email_check, "toggled", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search documents"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->parent_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attached To"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->added_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Added"), -1);
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
tandem_documents_page_new (TandemStore *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  return g_object_new (TANDEM_TYPE_DOCUMENTS_PAGE, "store", store, NULL);
}

void
tandem_documents_page_reload (TandemDocumentsPage *self)
{
  g_return_if_fail (TANDEM_IS_DOCUMENTS_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (tandem_store_get_user (self->store) == NULL)
    {
      tandem_document_list_model_set_filter (self->model, NULL, NULL);
      update_count (self);
      return;
    }
  apply_filters (self);
}

/* Private API -------------------------------------------------------------- */

GListModel *
tandem_documents_page_get_model (TandemDocumentsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->model);
}

GtkColumnView *
tandem_documents_page_get_column_view (TandemDocumentsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENTS_PAGE (self), NULL);
  return self->column_view;
}

GtkEditable *
tandem_documents_page_get_search_entry (TandemDocumentsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENTS_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkDropDown *
tandem_documents_page_get_parent_dropdown (TandemDocumentsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENTS_PAGE (self), NULL);
  return self->parent_dropdown;
}

GtkDropDown *
tandem_documents_page_get_added_dropdown (TandemDocumentsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENTS_PAGE (self), NULL);
  return self->added_dropdown;
}

GtkCheckButton *
tandem_documents_page_get_mine_check (TandemDocumentsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENTS_PAGE (self), NULL);
  return self->mine_check;
}

GtkCheckButton *
tandem_documents_page_get_email_check (TandemDocumentsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENTS_PAGE (self), NULL);
  return self->email_check;
}

GtkLabel *
tandem_documents_page_get_count_label (TandemDocumentsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENTS_PAGE (self), NULL);
  return self->count_label;
}

AdwStatusPage *
tandem_documents_page_get_empty_page (TandemDocumentsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENTS_PAGE (self), NULL);
  return self->empty_page;
}

void
tandem_documents_page_apply_search (TandemDocumentsPage *self)
{
  g_return_if_fail (TANDEM_IS_DOCUMENTS_PAGE (self));
  apply_filters (self);
}
