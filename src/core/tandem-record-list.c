/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemRecordList"

#include "tandem-record-list.h"

#define PAGE_SIZE 100
#define MAX_PAGES 12

typedef struct
{
  char   *name;   /* NULL: from the start */
  gint64  id;
  guint   skip;
  gboolean known;
} Anchor;

struct _TandemRecordList
{
  GObject      parent_instance;

  TandemStore *store;
  TandemKind   kind;
  guint        n_items;
  GHashTable  *pages;    /* page index → GPtrArray of records */
  GQueue       lru;      /* page indices, most recent first */
  GArray      *anchors;  /* Anchor per page start */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TandemRecordList, tandem_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
anchor_clear (gpointer data)
{
  Anchor *anchor = data;

  g_clear_pointer (&anchor->name, g_free);
  anchor->known = FALSE;
}

static void
forget_pages (TandemRecordList *self)
{
  Anchor start = { NULL, 0, 0, TRUE };
  guint n_pages = (self->n_items + PAGE_SIZE - 1) / PAGE_SIZE;

  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  g_array_set_size (self->anchors, 0);
  g_array_set_size (self->anchors, MAX (n_pages, 1));
  g_array_index (self->anchors, Anchor, 0) = start;
}

static void
touch_page (TandemRecordList *self,
            guint             page)
{
  g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));

  while (g_queue_get_length (&self->lru) > MAX_PAGES)
    {
      guint old = GPOINTER_TO_UINT (g_queue_pop_tail (&self->lru));
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (old));
    }
}

static void
set_anchor (TandemRecordList *self,
            guint             page,
            const char       *name,
            gint64            id,
            guint             skip)
{
  Anchor *anchor;

  if (page >= self->anchors->len)
    return;
  anchor = &g_array_index (self->anchors, Anchor, page);
  if (anchor->known)
    return;
  anchor->name = g_strdup (name);
  anchor->id = id;
  anchor->skip = skip;
  anchor->known = TRUE;
}

static GPtrArray *
fetch_page (TandemRecordList *self,
            guint             page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records;
  const Anchor *anchor = NULL;
  guint from = page;

  /* Start from the nearest page whose first row we know, so that walking
   * the list is a series of index seeks rather than growing OFFSETs. */
  while (TRUE)
    {
      anchor = &g_array_index (self->anchors, Anchor, from);
      if (anchor->known || from == 0)
        break;
      from--;
    }

  records = tandem_store_list_page (self->store, self->kind,
                                    anchor->name, anchor->id,
                                    anchor->skip + (page - from) * PAGE_SIZE,
                                    PAGE_SIZE, &error);
  if (records == NULL)
    {
      g_warning ("Could not read the list: %s", error->message);
      return NULL;
    }

  if (records->len > 0)
    {
      TandemRecord *first = g_ptr_array_index (records, 0);
      TandemRecord *last = g_ptr_array_index (records, records->len - 1);

      set_anchor (self, page, tandem_record_get_title (first), tandem_record_get_id (first), 0);
      set_anchor (self, page + 1, tandem_record_get_title (last), tandem_record_get_id (last), 1);
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), records);
  return records;
}

static GType
tandem_record_list_get_item_type (GListModel *model)
{
  TandemRecordList *self = TANDEM_RECORD_LIST (model);

  return self->kind == TANDEM_KIND_PERSON ? TANDEM_TYPE_PERSON : TANDEM_TYPE_COMPANY;
}

static guint
tandem_record_list_get_n_items (GListModel *model)
{
  return TANDEM_RECORD_LIST (model)->n_items;
}

static gpointer
tandem_record_list_get_item (GListModel *model,
                             guint       position)
{
  TandemRecordList *self = TANDEM_RECORD_LIST (model);
  guint page = position / PAGE_SIZE;
  guint offset = position % PAGE_SIZE;
  GPtrArray *records;

  if (position >= self->n_items)
    return NULL;

  records = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (records == NULL)
    records = fetch_page (self, page);
  if (records == NULL)
    return NULL;
  touch_page (self, page);

  /* The page may have been evicted by touch_page only if it is the oldest,
   * which it is not: it was just made the most recent. */
  if (offset >= records->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (records, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tandem_record_list_get_item_type;
  iface->get_n_items = tandem_record_list_get_n_items;
  iface->get_item = tandem_record_list_get_item;
}

static void
on_store_changed_cb (TandemRecordList *self,
                     int               kind,
                     gint64            id,
                     TandemStore      *store)
{
  /* Renaming a company changes the company shown on its people. */
  if ((TandemKind) kind == self->kind ||
      (self->kind == TANDEM_KIND_PERSON && kind == TANDEM_KIND_COMPANY))
    tandem_record_list_reload (self);
}

static void
tandem_record_list_finalize (GObject *object)
{
  TandemRecordList *self = TANDEM_RECORD_LIST (object);

  g_hash_table_unref (self->pages);
  g_queue_clear (&self->lru);
  g_array_unref (self->anchors);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_record_list_parent_class)->finalize (object);
}

static void
tandem_record_list_class_init (TandemRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tandem_record_list_finalize;
}

static void
tandem_record_list_init (TandemRecordList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->anchors = g_array_new (FALSE, TRUE, sizeof (Anchor));
  g_array_set_clear_func (self->anchors, anchor_clear);
  g_queue_init (&self->lru);
}

TandemRecordList *
tandem_record_list_new (TandemStore *store,
                        TandemKind   kind)
{
  TandemRecordList *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == TANDEM_KIND_COMPANY || kind == TANDEM_KIND_PERSON, NULL);

  self = g_object_new (TANDEM_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->n_items = tandem_store_count (store, kind, &error);
  if (error != NULL)
    g_warning ("Could not count the records: %s", error->message);
  forget_pages (self);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

TandemKind
tandem_record_list_get_kind (TandemRecordList *self)
{
  g_return_val_if_fail (TANDEM_IS_RECORD_LIST (self), TANDEM_KIND_NONE);
  return self->kind;
}

void
tandem_record_list_reload (TandemRecordList *self)
{
  guint old_n;

  g_return_if_fail (TANDEM_IS_RECORD_LIST (self));

  old_n = self->n_items;
  self->n_items = tandem_store_count (self->store, self->kind, NULL);
  forget_pages (self);
  if (old_n > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
}

guint
tandem_record_list_find (TandemRecordList *self,
                         gint64            id)
{
  g_return_val_if_fail (TANDEM_IS_RECORD_LIST (self), G_MAXUINT);

  /* Only the cached pages are looked at: finding a record is for
   * selecting what was just added or opened, which is near. */
  for (GList *l = self->lru.head; l; l = l->next)
    {
      guint page = GPOINTER_TO_UINT (l->data);
      GPtrArray *records = g_hash_table_lookup (self->pages, l->data);

      for (guint i = 0; records && i < records->len; i++)
        if (tandem_record_get_id (g_ptr_array_index (records, i)) == id)
          return page * PAGE_SIZE + i;
    }
  return G_MAXUINT;
}
