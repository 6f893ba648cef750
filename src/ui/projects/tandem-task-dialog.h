/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_TASK_DIALOG (tandem_task_dialog_get_type ())

/* Adds or edits a project task (SPEC H3, E1, E2, E4): title, responsible
 * member, due date, state, who in the team sees it, and a description.
 * Edits a copy and saves through the store; only the task's author or an
 * administrator changes who sees it.
 *
 * Signals:
 *  - "saved" (gint64 id): saved; the dialog closes.
 *  - "deleted" (gint64 id): the user deleted the task; the dialog closes. */
G_DECLARE_FINAL_TYPE (TandemTaskDialog, tandem_task_dialog, TANDEM, TASK_DIALOG, AdwWindow)

/* A new task of @project_id when @task is NULL, else @task to edit. The
 * responsible person is one of @members (TandemProjectMember). */
TandemTaskDialog *tandem_task_dialog_new  (GtkWindow        *parent,
                                           TandemStore      *store,
                                           gint64            project_id,
                                           TandemTask       *task,
                                           GPtrArray        *members);

/* For the UI tests, which fill the dialog as a person would. */
GtkEditable      *tandem_task_dialog_get_title_row       (TandemTaskDialog *self);
AdwComboRow      *tandem_task_dialog_get_responsible_row (TandemTaskDialog *self);
AdwComboRow      *tandem_task_dialog_get_visibility_row  (TandemTaskDialog *self);
/* Who changed who may see the task; hidden while there is no change. */
AdwExpanderRow   *tandem_task_dialog_get_history_row     (TandemTaskDialog *self);
/* Saves as the Save button does; FALSE when the dialog stays open. */
gboolean          tandem_task_dialog_save                (TandemTaskDialog *self);

G_END_DECLS
