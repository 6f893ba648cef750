/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-activities-group.h"
#include "tandem-documents-group.h"
#include "tandem-notes-group.h"
#include "tandem-project-window.h"

G_BEGIN_DECLS

/* Parts of the project window the UI tests drive or look at. */
AdwComboRow           *tandem_project_window_get_stage_row          (TandemProjectWindow *self);
AdwComboRow           *tandem_project_window_get_visibility_row     (TandemProjectWindow *self);
AdwPreferencesGroup   *tandem_project_window_get_team_group         (TandemProjectWindow *self);
AdwPreferencesGroup   *tandem_project_window_get_tasks_group        (TandemProjectWindow *self);
TandemActivitiesGroup *tandem_project_window_get_activities_group   (TandemProjectWindow *self);
TandemNotesGroup      *tandem_project_window_get_notes_group        (TandemProjectWindow *self);
TandemDocumentsGroup  *tandem_project_window_get_documents_group    (TandemProjectWindow *self);
guint                  tandem_project_window_get_n_members          (TandemProjectWindow *self);
/* The tasks listed; 0 for someone outside the team. */
guint                  tandem_project_window_get_n_tasks            (TandemProjectWindow *self);
/* The "Add Member" dialog while it is open, and its two fields. */
AdwMessageDialog      *tandem_project_window_get_member_dialog      (TandemProjectWindow *self);
AdwComboRow           *tandem_project_window_get_member_user_row    (TandemProjectWindow *self);
GtkEditable           *tandem_project_window_get_member_role_row    (TandemProjectWindow *self);
/* Reads the project again at once, as a store change does a moment later. */
void                   tandem_project_window_reload                 (TandemProjectWindow *self);

G_END_DECLS
