/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemDocumentListModel"

#include "config.h"

#include <string.h>

#include "tandem-document-list-model.h"

#define PAGE_SIZE 100
#define MAX_PAGES 20

struct _TandemDocumentListModel
{
  GObject               parent_instance;

  TandemStore          *store;
  gboolean              active;
  TandemDocumentFilter  filter;
  char                 *text;
  char                 *added_from;
  char                 *added_to;
  GHashTable           *pages;  /* page number → GPtrArray of TandemDocument */
  guint                 n_items;
};

static void tandem_document_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TandemDocumentListModel, tandem_document_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, tandem_document_list_model_iface_init))

/* Helpers ------------------------------------------------------------------ */

static GPtrArray *
get_page (TandemDocumentListModel *self,
          guint                    page)
{
  g_autoptr(GError) error = NULL;
  TandemDocumentFilter filter;
  GPtrArray *documents;

  documents = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (documents)
    return documents;

  /* A few pages are plenty for what a view shows at once. */
  if (g_hash_table_size (self->pages) >= MAX_PAGES)
    g_hash_table_remove_all (self->pages);

  filter = self->filter;
  filter.offset = page * PAGE_SIZE;
  filter.limit = PAGE_SIZE;
  documents = tandem_store_list_documents (self->store, &filter, &error);
  if (documents == NULL)
    {
      g_warning ("Could not read documents: %s", error->message);
      documents = g_ptr_array_new_with_free_func (g_object_unref);
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), documents);
  return documents;
}

/* GListModel --------------------------------------------------------------- */

static GType
tandem_document_list_model_get_item_type (GListModel *model)
{
  return TANDEM_TYPE_DOCUMENT;
}

static guint
tandem_document_list_model_get_n_items (GListModel *model)
{
  return TANDEM_DOCUMENT_LIST_MODEL (model)->n_items;
}

static gpointer
tandem_document_list_model_get_item (GListModel *model,
                                     guint       position)
{
  TandemDocumentListModel *self = TANDEM_DOCUMENT_LIST_MODEL (model);
  GPtrArray *documents;

  if (position >= self->n_items)
    return NULL;

  documents = get_page (self, position / PAGE_SIZE);
  if (position % PAGE_SIZE < documents->len)
    return g_object_ref (g_ptr_array_index (documents, position % PAGE_SIZE));

  /* The store changed since it was counted: an empty row until the
   * refresh that follows. */
  return tandem_document_new (TANDEM_KIND_NONE, 0, "");
}

static void
tandem_document_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tandem_document_list_model_get_item_type;
  iface->get_n_items = tandem_document_list_model_get_n_items;
  iface->get_item = tandem_document_list_model_get_item;
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_document_list_model_finalize (GObject *object)
{
  TandemDocumentListModel *self = TANDEM_DOCUMENT_LIST_MODEL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_free (self->text);
  g_free (self->added_from);
  g_free (self->added_to);

  G_OBJECT_CLASS (tandem_document_list_model_parent_class)->finalize (object);
}

static void
tandem_document_list_model_class_init (TandemDocumentListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tandem_document_list_model_finalize;
}

static void
tandem_document_list_model_init (TandemDocumentListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/* Public API --------------------------------------------------------------- */

TandemDocumentListModel *
tandem_document_list_model_new (TandemStore *store)
{
  TandemDocumentListModel *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_DOCUMENT_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  return self;
}

gboolean
tandem_document_list_model_set_filter (TandemDocumentListModel    *self,
                                       const TandemDocumentFilter *filter,
                                       GError                    **error)
{
  g_autoptr(GError) local_error = NULL;
  guint old;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT_LIST_MODEL (self), FALSE);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->added_from, g_free);
  g_clear_pointer (&self->added_to, g_free);
  memset (&self->filter, 0, sizeof self->filter);
  self->active = filter != NULL;
  if (filter)
    {
      self->filter = *filter;
      self->filter.text = self->text = g_strdup (filter->text);
      self->filter.added_from = self->added_from = g_strdup (filter->added_from);
      self->filter.added_to = self->added_to = g_strdup (filter->added_to);
      self->filter.offset = 0;
      self->filter.limit = 0;
    }

  old = self->n_items;
  g_hash_table_remove_all (self->pages);
  self->n_items = self->active ? tandem_store_count_documents (self->store, &self->filter, &local_error) : 0;
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
