/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemSearchHit"

#include "tandem-search-hit.h"

struct _TandemSearchHit
{
  GObject parent_instance;

  TandemKind  kind;
  gint64      id;
  char       *title;
  char       *snippet;
  TandemKind  parent_kind;
  gint64      parent_id;
  char       *parent_name;
};

G_DEFINE_FINAL_TYPE (TandemSearchHit, tandem_search_hit, G_TYPE_OBJECT)

static void
tandem_search_hit_finalize (GObject *object)
{
  TandemSearchHit *self = TANDEM_SEARCH_HIT (object);

  g_free (self->title);
  g_free (self->snippet);
  g_free (self->parent_name);

  G_OBJECT_CLASS (tandem_search_hit_parent_class)->finalize (object);
}

static void
tandem_search_hit_class_init (TandemSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tandem_search_hit_finalize;
}

static void
tandem_search_hit_init (TandemSearchHit *self)
{
}

TandemSearchHit *
tandem_search_hit_new (TandemKind  kind,
                       gint64      id,
                       const char *title,
                       const char *snippet,
                       TandemKind  parent_kind,
                       gint64      parent_id,
                       const char *parent_name)
{
  TandemSearchHit *self = g_object_new (TANDEM_TYPE_SEARCH_HIT, NULL);

  self->kind = kind;
  self->id = id;
  self->title = g_strdup (title);
  self->snippet = g_strdup (snippet);
  self->parent_kind = parent_kind;
  self->parent_id = parent_id;
  self->parent_name = g_strdup (parent_name);
  return self;
}

TandemKind
tandem_search_hit_get_kind (TandemSearchHit *self)
{
  return self->kind;
}

gint64
tandem_search_hit_get_id (TandemSearchHit *self)
{
  return self->id;
}

const char *
tandem_search_hit_get_title (TandemSearchHit *self)
{
  return self->title;
}

const char *
tandem_search_hit_get_snippet (TandemSearchHit *self)
{
  return self->snippet;
}

char *
tandem_search_hit_dup_plain_snippet (TandemSearchHit *self)
{
  GString *s = g_string_new (NULL);

  for (const char *p = self->snippet ? self->snippet : ""; *p; p++)
    if (*p != TANDEM_SEARCH_HIT_MARK_START[0] && *p != TANDEM_SEARCH_HIT_MARK_END[0])
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

TandemKind
tandem_search_hit_get_parent_kind (TandemSearchHit *self)
{
  return self->parent_kind;
}

gint64
tandem_search_hit_get_parent_id (TandemSearchHit *self)
{
  return self->parent_id;
}

const char *
tandem_search_hit_get_parent_name (TandemSearchHit *self)
{
  return self->parent_name;
}
