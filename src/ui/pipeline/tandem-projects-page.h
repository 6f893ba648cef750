/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PROJECTS_PAGE (tandem_projects_page_get_type ())

/* The list of projects and sales (SPEC H1, H2, J1) the user may see:
 * all, sales or delivery projects, filtered by state, stage, seller,
 * product, membership and text, read a page at a time however many there
 * are, with their number in the footer. It follows the store's "changed"
 * signal.
 *
 * Actions: "projects.new-sale" and "projects.new-project" open the dialog.
 *
 * Signals:
 *  "open-project" (gint64 id): a row was activated. */
G_DECLARE_FINAL_TYPE (TandemProjectsPage, tandem_projects_page, TANDEM, PROJECTS_PAGE, AdwBin)

GtkWidget   *tandem_projects_page_new       (TandemStore        *store);
TandemStore *tandem_projects_page_get_store (TandemProjectsPage *self);
void         tandem_projects_page_reload    (TandemProjectsPage *self);

G_END_DECLS
