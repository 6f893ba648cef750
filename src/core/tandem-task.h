/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-record.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_TASK (tandem_task_get_type ())

/* A project task (SPEC H3): seen by the project's members only (E4), and
 * within the team by all of it, chosen groups of it, or its author and
 * responsible person. */
G_DECLARE_FINAL_TYPE (TandemTask, tandem_task, TANDEM, TASK, TandemRecord)

TandemTask      *tandem_task_new                  (gint64            project_id,
                                                   const char       *title);
TandemTask      *tandem_task_copy                 (TandemTask       *self);
gint64           tandem_task_get_project_id       (TandemTask       *self);
const char      *tandem_task_get_project_name     (TandemTask       *self);
const char      *tandem_task_get_title            (TandemTask       *self);
void             tandem_task_set_title            (TandemTask       *self,
                                                   const char       *title);
const char      *tandem_task_get_description      (TandemTask       *self);
void             tandem_task_set_description      (TandemTask       *self,
                                                   const char       *description);
gint64           tandem_task_get_responsible_id   (TandemTask       *self);
void             tandem_task_set_responsible_id   (TandemTask       *self,
                                                   gint64            user_id);
const char      *tandem_task_get_responsible_name (TandemTask       *self);
/* "YYYY-MM-DD" or NULL */
const char      *tandem_task_get_due              (TandemTask       *self);
void             tandem_task_set_due              (TandemTask       *self,
                                                   const char       *due);
TandemTaskState  tandem_task_get_state            (TandemTask       *self);
void             tandem_task_set_state            (TandemTask       *self,
                                                   TandemTaskState   state);
/* TEAM (default), GROUPS or PRIVATE */
TandemVisibility tandem_task_get_visibility       (TandemTask       *self);
void             tandem_task_set_visibility       (TandemTask       *self,
                                                   TandemVisibility  visibility);
const gint64    *tandem_task_get_group_ids        (TandemTask       *self,
                                                   guint            *n_groups);
void             tandem_task_set_group_ids        (TandemTask       *self,
                                                   const gint64     *group_ids,
                                                   guint             n_groups);
gint64           tandem_task_get_author_id        (TandemTask       *self);
const char      *tandem_task_get_author_name      (TandemTask       *self);
const char      *tandem_task_get_completed_at     (TandemTask       *self);
const char      *tandem_task_get_updated_at       (TandemTask       *self);

/* Used by the store when it loads a task. */
void             tandem_task_set_loaded           (TandemTask       *self,
                                                   const char       *project_name,
                                                   const char       *responsible_name,
                                                   gint64            author_id,
                                                   const char       *author_name,
                                                   const char       *completed_at,
                                                   const char       *updated_at);

G_END_DECLS
