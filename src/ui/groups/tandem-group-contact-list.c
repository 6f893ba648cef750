/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemGroupContactList"

#include "config.h"

#include "tandem-group-contact-list.h"

#define PAGE_SIZE 100
#define MAX_PAGES 20

struct _TandemGroupContactList
{
  GObject      parent_instance;

  TandemStore *store;
  GArray      *include;  /* gint64 */
  GArray      *exclude;  /* gint64 */
  char        *text;
  gboolean     include_all;
  TandemKind   kind;
  gboolean     empty;    /* no filter: nothing to read */
  GHashTable  *pages;    /* page number → GPtrArray of TandemContact */
  guint        n_items;
};

static void tandem_group_contact_list_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TandemGroupContactList, tandem_group_contact_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, tandem_group_contact_list_iface_init))

/* Helpers ------------------------------------------------------------------ */

static TandemGroupFilter
current_filter (TandemGroupContactList *self)
{
  TandemGroupFilter filter = {
    .include = (const gint64 *) (gpointer) self->include->data,
    .n_include = self->include->len,
    .include_all = self->include_all,
    .exclude = (const gint64 *) (gpointer) self->exclude->data,
    .n_exclude = self->exclude->len,
    .text = self->text,
    .kind = self->kind,
  };

  return filter;
}

static GPtrArray *
get_page (TandemGroupContactList *self,
          guint                   page)
{
  g_autoptr(GError) error = NULL;
  TandemGroupFilter filter;
  GPtrArray *contacts;

  contacts = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (contacts)
    return contacts;

  /* A few pages are plenty for what a view shows at once. */
  if (g_hash_table_size (self->pages) >= MAX_PAGES)
    g_hash_table_remove_all (self->pages);

  filter = current_filter (self);
  contacts = tandem_store_list_group_contacts (self->store, &filter, page * PAGE_SIZE, PAGE_SIZE, &error);
  if (contacts == NULL)
    {
      g_warning ("Could not read contacts: %s", error->message);
      contacts = g_ptr_array_new_with_free_func (g_object_unref);
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), contacts);
  return contacts;
}

/* GListModel --------------------------------------------------------------- */

static GType
tandem_group_contact_list_get_item_type (GListModel *model)
{
  return TANDEM_TYPE_CONTACT;
}

static guint
tandem_group_contact_list_get_n_items (GListModel *model)
{
  return TANDEM_GROUP_CONTACT_LIST (model)->n_items;
}

static gpointer
tandem_group_contact_list_get_item (GListModel *model,
                                    guint       position)
{
  TandemGroupContactList *self = TANDEM_GROUP_CONTACT_LIST (model);
  GPtrArray *contacts;

  if (position >= self->n_items)
    return NULL;

  contacts = get_page (self, position / PAGE_SIZE);
  if (position % PAGE_SIZE < contacts->len)
    return g_object_ref (g_ptr_array_index (contacts, position % PAGE_SIZE));

  /* The store changed since it was counted: an empty row until the
   * refresh that follows. */
  return tandem_contact_new (TANDEM_KIND_NONE, 0, "");
}

static void
tandem_group_contact_list_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tandem_group_contact_list_get_item_type;
  iface->get_n_items = tandem_group_contact_list_get_n_items;
  iface->get_item = tandem_group_contact_list_get_item;
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_group_contact_list_finalize (GObject *object)
{
  TandemGroupContactList *self = TANDEM_GROUP_CONTACT_LIST (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->include, g_array_unref);
  g_clear_pointer (&self->exclude, g_array_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (tandem_group_contact_list_parent_class)->finalize (object);
}

static void
tandem_group_contact_list_class_init (TandemGroupContactListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_group_contact_list_finalize;
}

static void
tandem_group_contact_list_init (TandemGroupContactList *self)
{
  self->empty = TRUE;
  self->include = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->exclude = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/* Public API --------------------------------------------------------------- */

TandemGroupContactList *
tandem_group_contact_list_new (TandemStore *store)
{
  TandemGroupContactList *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_GROUP_CONTACT_LIST, NULL);
  self->store = g_object_ref (store);
  return self;
}

gboolean
tandem_group_contact_list_set_filter (TandemGroupContactList  *self,
                                      const TandemGroupFilter *filter,
                                      GError                 **error)
{
  g_return_val_if_fail (TANDEM_IS_GROUP_CONTACT_LIST (self), FALSE);

  self->empty = filter == NULL;
  g_array_set_size (self->include, 0);
  g_array_set_size (self->exclude, 0);
  g_clear_pointer (&self->text, g_free);
  if (filter == NULL)
    return tandem_group_contact_list_refresh (self, error);

  if (filter->n_include > 0)
    g_array_append_vals (self->include, filter->include, filter->n_include);
  if (filter->n_exclude > 0)
    g_array_append_vals (self->exclude, filter->exclude, filter->n_exclude);
  self->text = filter->text && *filter->text ? g_strdup (filter->text) : NULL;
  self->include_all = filter->include_all;
  self->kind = filter->kind;
  return tandem_group_contact_list_refresh (self, error);
}

GPtrArray *
tandem_group_contact_list_read (TandemGroupContactList  *self,
                                guint                    position,
                                guint                    n_items,
                                GError                 **error)
{
  TandemGroupFilter filter;

  g_return_val_if_fail (TANDEM_IS_GROUP_CONTACT_LIST (self), NULL);

  if (self->empty || n_items == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);
  filter = current_filter (self);
  return tandem_store_list_group_contacts (self->store, &filter, position, n_items, error);
}

gboolean
tandem_group_contact_list_refresh (TandemGroupContactList  *self,
                                   GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  TandemGroupFilter filter;
  guint old;

  g_return_val_if_fail (TANDEM_IS_GROUP_CONTACT_LIST (self), FALSE);

  old = self->n_items;
  g_hash_table_remove_all (self->pages);
  filter = current_filter (self);
  self->n_items = self->empty ? 0 : tandem_store_count_group_contacts (self->store, &filter, &local_error);
  if (local_error)
    self->n_items = 0;
  if (old > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
