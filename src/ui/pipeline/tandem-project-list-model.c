/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemProjectListModel"

#include "config.h"

#include "tandem-project-list-model.h"

#define PAGE_SIZE 100
#define MAX_PAGES 20

/* One query and how many projects it has */
typedef struct
{
  TandemProjectQuery query;
  char              *close_from;
  char              *close_to;
  char              *text;
  guint              count;
} Segment;

struct _TandemProjectListModel
{
  GObject      parent_instance;

  TandemStore *store;
  GArray      *segments;   /* Segment */
  GHashTable  *pages;      /* page key → GPtrArray of TandemProject */
  guint        n_items;
};

static void tandem_project_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TandemProjectListModel, tandem_project_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, tandem_project_list_model_iface_init))

/* Helpers ------------------------------------------------------------------ */

static void
segment_clear (gpointer data)
{
  Segment *segment = data;

  g_free (segment->close_from);
  g_free (segment->close_to);
  g_free (segment->text);
}

static gboolean
count_all (TandemProjectListModel  *self,
           GError                 **error)
{
  self->n_items = 0;
  for (guint i = 0; i < self->segments->len; i++)
    {
      Segment *segment = &g_array_index (self->segments, Segment, i);
      g_autoptr(GError) local_error = NULL;

      segment->count = tandem_store_count_projects (self->store, &segment->query, &local_error);
      if (local_error)
        {
          for (guint j = 0; j < self->segments->len; j++)
            g_array_index (self->segments, Segment, j).count = 0;
          self->n_items = 0;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      self->n_items += segment->count;
    }
  return TRUE;
}

static GPtrArray *
get_page (TandemProjectListModel *self,
          guint                   segment_index,
          guint                   page)
{
  Segment *segment = &g_array_index (self->segments, Segment, segment_index);
  guint64 key = ((guint64) segment_index << 32) | page;
  g_autoptr(GError) error = NULL;
  TandemProjectQuery query;
  GPtrArray *projects;

  projects = g_hash_table_lookup (self->pages, &key);
  if (projects)
    return projects;

  /* A few pages are plenty for what a view shows at once. */
  if (g_hash_table_size (self->pages) >= MAX_PAGES)
    g_hash_table_remove_all (self->pages);

  query = segment->query;
  query.offset = page * PAGE_SIZE;
  query.limit = PAGE_SIZE;
  projects = tandem_store_list_projects (self->store, &query, &error);
  if (projects == NULL)
    {
      g_warning ("Could not read projects: %s", error->message);
      projects = g_ptr_array_new_with_free_func (g_object_unref);
    }
  g_hash_table_insert (self->pages, g_memdup2 (&key, sizeof key), projects);
  return projects;
}

/* GListModel --------------------------------------------------------------- */

static GType
tandem_project_list_model_get_item_type (GListModel *model)
{
  return TANDEM_TYPE_PROJECT;
}

static guint
tandem_project_list_model_get_n_items (GListModel *model)
{
  return TANDEM_PROJECT_LIST_MODEL (model)->n_items;
}

static gpointer
tandem_project_list_model_get_item (GListModel *model,
                                    guint       position)
{
  TandemProjectListModel *self = TANDEM_PROJECT_LIST_MODEL (model);

  if (position >= self->n_items)
    return NULL;

  for (guint i = 0; i < self->segments->len; i++)
    {
      Segment *segment = &g_array_index (self->segments, Segment, i);
      GPtrArray *projects;

      if (position >= segment->count)
        {
          position -= segment->count;
          continue;
        }
      projects = get_page (self, i, position / PAGE_SIZE);
      if (position % PAGE_SIZE < projects->len)
        return g_object_ref (g_ptr_array_index (projects, position % PAGE_SIZE));
      break;
    }

  /* The store changed since it was counted: an empty row until the
   * refresh that follows. */
  return tandem_project_new (0, "");
}

static void
tandem_project_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tandem_project_list_model_get_item_type;
  iface->get_n_items = tandem_project_list_model_get_n_items;
  iface->get_item = tandem_project_list_model_get_item;
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_project_list_model_finalize (GObject *object)
{
  TandemProjectListModel *self = TANDEM_PROJECT_LIST_MODEL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (tandem_project_list_model_parent_class)->finalize (object);
}

static void
tandem_project_list_model_class_init (TandemProjectListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_project_list_model_finalize;
}

static void
tandem_project_list_model_init (TandemProjectListModel *self)
{
  self->segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  g_array_set_clear_func (self->segments, segment_clear);
  self->pages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

/* Public API --------------------------------------------------------------- */

TandemProjectListModel *
tandem_project_list_model_new (TandemStore *store)
{
  TandemProjectListModel *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_PROJECT_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  return self;
}

gboolean
tandem_project_list_model_set_queries (TandemProjectListModel   *self,
                                       const TandemProjectQuery *queries,
                                       guint                     n_queries,
                                       GError                  **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (queries != NULL || n_queries == 0, FALSE);

  g_array_set_size (self->segments, 0);
  for (guint i = 0; i < n_queries; i++)
    {
      Segment segment = { 0, };

      segment.query = queries[i];
      segment.close_from = g_strdup (queries[i].close_from);
      segment.close_to = g_strdup (queries[i].close_to);
      segment.text = g_strdup (queries[i].text);
      segment.query.close_from = segment.close_from;
      segment.query.close_to = segment.close_to;
      segment.query.text = segment.text;
      segment.query.offset = 0;
      segment.query.limit = 0;
      g_array_append_val (self->segments, segment);
    }
  return tandem_project_list_model_refresh (self, error);
}

gboolean
tandem_project_list_model_refresh (TandemProjectListModel  *self,
                                   GError                 **error)
{
  guint old = 0;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT_LIST_MODEL (self), FALSE);

  old = self->n_items;
  g_hash_table_remove_all (self->pages);
  ok = count_all (self, error);
  if (old > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
  return ok;
}
