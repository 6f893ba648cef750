/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PROJECT_LIST_MODEL (tandem_project_list_model_get_type ())

/* The projects of one or more store queries, one after another, as a
 * GListModel of TandemProject that reads a page at a time when a view
 * asks for an item and keeps only a few pages; however many projects
 * there are, only the visible ones are read. */
G_DECLARE_FINAL_TYPE (TandemProjectListModel, tandem_project_list_model, TANDEM, PROJECT_LIST_MODEL, GObject)

TandemProjectListModel *tandem_project_list_model_new         (TandemStore              *store);
/* Counts each query again and shows them; offset and limit are ignored.
 * FALSE with @error set when the store refuses (the model is then empty). */
gboolean                tandem_project_list_model_set_queries (TandemProjectListModel   *self,
                                                               const TandemProjectQuery *queries,
                                                               guint                     n_queries,
                                                               GError                  **error);
/* Reads the same queries again. */
gboolean                tandem_project_list_model_refresh     (TandemProjectListModel   *self,
                                                               GError                  **error);

G_END_DECLS
