/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemContactPager"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-contact-pager.h"

#define DEFAULT_PAGE_SIZE 25

struct _TandemContactPager
{
  GtkBox             parent_instance;

  GtkWidget         *list;
  GtkWidget         *footer;
  GtkWidget         *range_label;
  GtkWidget         *previous_button;
  GtkWidget         *next_button;

  TandemStore       *store;
  TandemSavedSearch *search;       /* a copy, or NULL */
  gint64             campaign_id;  /* when there is no search */
  GListStore        *page;         /* TandemContact */
  char              *empty_text;
  guint              n_contacts;
  guint              offset;
  guint              page_size;
  gboolean           activatable;
};

enum {
  OPEN_CONTACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemContactPager, tandem_contact_pager, GTK_TYPE_BOX)

/* Helpers ------------------------------------------------------------------ */

static char *
describe_contact (TandemContact *contact)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *parts[] = {
    tandem_contact_get_company_name (contact),
    tandem_contact_get_phone (contact),
    tandem_contact_get_email (contact),
  };

  /* A person without a phone number of their own may still have a mobile. */
  if (parts[1] == NULL || *parts[1] == '\0')
    parts[1] = tandem_contact_get_mobile (contact);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (text->len)
        g_string_append (text, " · ");
      g_string_append (text, parts[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TandemContactPager *self = user_data;
  TandemContact *contact = item;
  g_autofree char *subtitle = describe_contact (contact);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_contact_get_name (contact));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  icon = gtk_image_new_from_icon_name (tandem_contact_get_kind (contact) == TANDEM_KIND_PERSON
                                       ? "avatar-default-symbolic" : "network-workgroup-symbolic");
  gtk_widget_add_css_class (icon, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (self->activatable)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), self->activatable);
  return row;
}

static GtkWidget *
create_placeholder (TandemContactPager *self)
{
  GtkWidget *label = gtk_label_new (self->empty_text ? self->empty_text : _("Nothing found"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

static void
update_footer (TandemContactPager *self)
{
  g_autofree char *range = NULL;
  guint last = MIN (self->offset + self->page_size, self->n_contacts);

  gtk_widget_set_visible (self->footer, self->n_contacts > self->page_size);
  /* Translators: the rows of a paged list shown, e.g. "26–50 of 230" */
  range = g_strdup_printf (_("%u–%u of %u"), self->offset + 1, last, self->n_contacts);
  gtk_label_set_text (GTK_LABEL (self->range_label), range);
  gtk_widget_set_sensitive (self->previous_button, self->offset > 0);
  gtk_widget_set_sensitive (self->next_button, last < self->n_contacts);
}

/* Reads the page at self->offset. */
static gboolean
load_page (TandemContactPager  *self,
           GError             **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_list_store_remove_all (self->page);
  if (self->store == NULL || (self->search == NULL && self->campaign_id == 0))
    rows = g_ptr_array_new ();
  else if (self->search != NULL)
    rows = tandem_store_run_saved_search (self->store, self->search, self->offset, self->page_size, error);
  else
    rows = tandem_store_list_campaign_targets (self->store, self->campaign_id, self->offset, self->page_size,
                                               error);
  if (rows == NULL)
    {
      self->n_contacts = 0;
      update_footer (self);
      return FALSE;
    }
  g_list_store_splice (self->page, 0, 0, rows->pdata, rows->len);
  update_footer (self);
  return TRUE;
}

static gboolean
reload (TandemContactPager  *self,
        GError             **error)
{
  GError *local_error = NULL;

  self->offset = 0;
  self->n_contacts = 0;
  if (self->store != NULL && self->search != NULL)
    self->n_contacts = tandem_store_count_search_matches (self->store, self->search, &local_error);
  else if (self->store != NULL && self->campaign_id != 0)
    self->n_contacts = tandem_store_count_campaign_targets (self->store, self->campaign_id, &local_error);
  if (local_error != NULL)
    {
      g_list_store_remove_all (self->page);
      update_footer (self);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return load_page (self, error);
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_row_activated_cb (TandemContactPager *self,
                     GtkListBoxRow      *row)
{
  g_autoptr(TandemContact) contact = g_list_model_get_item (G_LIST_MODEL (self->page),
                                                            gtk_list_box_row_get_index (row));

  if (contact != NULL)
    g_signal_emit (self, signals[OPEN_CONTACT], 0, (int) tandem_contact_get_kind (contact),
                   tandem_contact_get_id (contact));
}

static void
on_previous_clicked_cb (TandemContactPager *self)
{
  tandem_contact_pager_previous_page (self);
}

static void
on_next_clicked_cb (TandemContactPager *self)
{
  tandem_contact_pager_next_page (self);
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_contact_pager_dispose (GObject *object)
{
  TandemContactPager *self = TANDEM_CONTACT_PAGER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->search);
  g_clear_object (&self->page);

  G_OBJECT_CLASS (tandem_contact_pager_parent_class)->dispose (object);
}

static void
tandem_contact_pager_finalize (GObject *object)
{
  TandemContactPager *self = TANDEM_CONTACT_PAGER (object);

  g_free (self->empty_text);

  G_OBJECT_CLASS (tandem_contact_pager_parent_class)->finalize (object);
}

static void
tandem_contact_pager_class_init (TandemContactPagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_contact_pager_dispose;
  object_class->finalize = tandem_contact_pager_finalize;

  signals[OPEN_CONTACT] = g_signal_new ("open-contact", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);
}

static void
tandem_contact_pager_init (TandemContactPager *self)
{
  GtkWidget *box;

  self->page_size = DEFAULT_PAGE_SIZE;
  self->page = g_list_store_new (TANDEM_TYPE_CONTACT);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->page), create_row, self, NULL);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list), create_placeholder (self));
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self), self->list);

  self->footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (self->footer, GTK_ALIGN_END);
  gtk_widget_set_visible (self->footer, FALSE);

  self->range_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->range_label, "dim-label");
  gtk_widget_add_css_class (self->range_label, "numeric");
  gtk_box_append (GTK_BOX (self->footer), self->range_label);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (box, "linked");
  self->previous_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->previous_button, _("Previous Page"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Previous Page"), -1);
  g_signal_connect_object (self->previous_button, "clicked", G_CALLBACK (on_previous_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->previous_button);
  self->next_button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (self->next_button, _("Next Page"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Next Page"), -1);
  g_signal_connect_object (self->next_button, "clicked", G_CALLBACK (on_next_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->next_button);
  gtk_box_append (GTK_BOX (self->footer), box);
  gtk_box_append (GTK_BOX (self), self->footer);
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
tandem_contact_pager_new (void)
{
  return g_object_new (TANDEM_TYPE_CONTACT_PAGER, NULL);
}

gboolean
tandem_contact_pager_set_search (TandemContactPager  *self,
                                 TandemStore         *store,
                                 TandemSavedSearch   *search,
                                 GError             **error)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT_PAGER (self), FALSE);
  g_return_val_if_fail (store == NULL || TANDEM_IS_STORE (store), FALSE);

  g_set_object (&self->store, store);
  g_clear_object (&self->search);
  if (search != NULL)
    self->search = tandem_saved_search_copy (search);
  self->campaign_id = 0;
  return reload (self, error);
}

gboolean
tandem_contact_pager_set_campaign (TandemContactPager  *self,
                                   TandemStore         *store,
                                   gint64               campaign_id,
                                   GError             **error)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT_PAGER (self), FALSE);
  g_return_val_if_fail (store == NULL || TANDEM_IS_STORE (store), FALSE);

  g_set_object (&self->store, store);
  g_clear_object (&self->search);
  self->campaign_id = campaign_id;
  return reload (self, error);
}

guint
tandem_contact_pager_get_n_contacts (TandemContactPager *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT_PAGER (self), 0);
  return self->n_contacts;
}

GListModel *
tandem_contact_pager_get_page (TandemContactPager *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT_PAGER (self), NULL);
  return G_LIST_MODEL (self->page);
}

guint
tandem_contact_pager_get_offset (TandemContactPager *self)
{
  g_return_val_if_fail (TANDEM_IS_CONTACT_PAGER (self), 0);
  return self->offset;
}

void
tandem_contact_pager_set_page_size (TandemContactPager *self,
                                    guint               page_size)
{
  g_return_if_fail (TANDEM_IS_CONTACT_PAGER (self));
  g_return_if_fail (page_size > 0);

  if (self->page_size == page_size)
    return;
  self->page_size = page_size;
  self->offset = 0;
  load_page (self, NULL);
}

void
tandem_contact_pager_next_page (TandemContactPager *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TANDEM_IS_CONTACT_PAGER (self));

  if (self->offset + self->page_size >= self->n_contacts)
    return;
  self->offset += self->page_size;
  if (!load_page (self, &error))
    g_debug ("Could not read the next page: %s", error->message);
}

void
tandem_contact_pager_previous_page (TandemContactPager *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TANDEM_IS_CONTACT_PAGER (self));

  if (self->offset == 0)
    return;
  self->offset = self->offset > self->page_size ? self->offset - self->page_size : 0;
  if (!load_page (self, &error))
    g_debug ("Could not read the previous page: %s", error->message);
}

void
tandem_contact_pager_set_activatable (TandemContactPager *self,
                                      gboolean            activatable)
{
  g_return_if_fail (TANDEM_IS_CONTACT_PAGER (self));

  activatable = !!activatable;
  if (self->activatable == activatable)
    return;
  self->activatable = activatable;
  /* The rows are made again with or without it. */
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->page), create_row, self, NULL);
}

void
tandem_contact_pager_set_empty_text (TandemContactPager *self,
                                     const char         *text)
{
  g_return_if_fail (TANDEM_IS_CONTACT_PAGER (self));

  if (g_strcmp0 (self->empty_text, text) == 0)
    return;
  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list), create_placeholder (self));
}
