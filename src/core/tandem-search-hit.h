/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SEARCH_HIT (tandem_search_hit_get_type ())

/* One search result. The snippet marks the matching parts between
 * TANDEM_SEARCH_HIT_MARK_START and TANDEM_SEARCH_HIT_MARK_END. */
G_DECLARE_FINAL_TYPE (TandemSearchHit, tandem_search_hit, TANDEM, SEARCH_HIT, GObject)

#define TANDEM_SEARCH_HIT_MARK_START "\x01"
#define TANDEM_SEARCH_HIT_MARK_END   "\x02"

TandemSearchHit *tandem_search_hit_new             (TandemKind       kind,
                                                    gint64           id,
                                                    const char      *title,
                                                    const char      *snippet,
                                                    TandemKind       parent_kind,
                                                    gint64           parent_id,
                                                    const char      *parent_name);
TandemKind       tandem_search_hit_get_kind        (TandemSearchHit *self);
gint64           tandem_search_hit_get_id          (TandemSearchHit *self);
const char      *tandem_search_hit_get_title       (TandemSearchHit *self);
const char      *tandem_search_hit_get_snippet     (TandemSearchHit *self);
/* The snippet with the marks removed. */
char            *tandem_search_hit_dup_plain_snippet (TandemSearchHit *self);
/* For a note: the company, person or project it is on; for an activity or
 * project: its company; for a task: its project. */
TandemKind       tandem_search_hit_get_parent_kind (TandemSearchHit *self);
gint64           tandem_search_hit_get_parent_id   (TandemSearchHit *self);
const char      *tandem_search_hit_get_parent_name (TandemSearchHit *self);

G_END_DECLS
