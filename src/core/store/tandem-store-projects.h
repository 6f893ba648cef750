/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Included by tandem-store.h: projects, sales projects, their teams and
 * tasks, the visibility history and the reports (SPEC H1–H4, E1, E2, E4,
 * J1–J3). Every function reads through the one visibility rule for the
 * signed-in user (tandem-store-visibility.c):
 *  - a project is seen when its visibility is "everyone who may see the
 *    customer", or the user is its author, seller or a member, or it is
 *    restricted to chosen groups and the user is in one;
 *  - a task is seen by the project's members only (E4), and among them by
 *    all, by the chosen groups, or by its author and responsible person;
 *  - a note or activity restricted to the project team is seen by the
 *    members of its project at the time of reading; one restricted to
 *    chosen groups stays with those groups whoever joins the team (E2). */

#include "tandem-product.h"
#include "tandem-project.h"
#include "tandem-project-member.h"
#include "tandem-stage.h"
#include "tandem-task.h"
#include "tandem-visibility-change.h"

G_BEGIN_DECLS

/* Sales stages (H1), in board order. Anyone signed in reads them; changes
 * need an administrator. A stage that sales use cannot be deleted
 * (TANDEM_ERROR_CONFLICT names how many); there is always at least one
 * open, one won and one lost stage. */
GPtrArray      *tandem_store_list_stages          (TandemStore      *self,
                                                   GError          **error);
TandemStage    *tandem_store_get_stage            (TandemStore      *self,
                                                   gint64            id,
                                                   GError          **error);
/* By its id, its shown name or its builtin English name, case-insensitive */
TandemStage    *tandem_store_find_stage           (TandemStore      *self,
                                                   const char       *name,
                                                   GError          **error);
gint64          tandem_store_save_stage           (TandemStore      *self,
                                                   TandemStage      *stage,
                                                   GError          **error);
gboolean        tandem_store_delete_stage         (TandemStore      *self,
                                                   gint64            id,
                                                   GError          **error);

/* Products (H1). Deleting one leaves its sales without a product. */
GPtrArray      *tandem_store_list_products        (TandemStore      *self,
                                                   gboolean          include_inactive,
                                                   GError          **error);
TandemProduct  *tandem_store_find_product         (TandemStore      *self,
                                                   const char       *name,
                                                   GError          **error);
gint64          tandem_store_save_product         (TandemStore      *self,
                                                   TandemProduct    *product,
                                                   GError          **error);
gboolean        tandem_store_delete_product       (TandemStore      *self,
                                                   gint64            id,
                                                   GError          **error);

/* Save: inserts when the id is 0 (the signed-in user becomes the author;
 * the creator of a project that has no members yet becomes its first
 * member), else updates. A sale's state follows its stage's outcome; a
 * sale at a won stage is a delivery project (and a sale again when moved
 * back to an open stage); a probability of -1
 * takes the stage's default. Every change of stage, state, value,
 * currency, probability, closing date or seller adds to the sale's
 * history (J1). Refused, nothing changed:
 *  - TANDEM_ERROR_INVALID: no name, no or unknown company, unknown stage,
 *    seller or product, a malformed date or currency, a probability out
 *    of 0–100, "chosen groups" without groups, a private visibility;
 *  - TANDEM_ERROR_PERMISSION: the user may not see it, or changes its
 *    visibility without being its author or an administrator (E2).
 * A visibility change is recorded (who, when, from, to). */
gint64          tandem_store_save_project         (TandemStore      *self,
                                                   TandemProject    *project,
                                                   GError          **error);
TandemProject  *tandem_store_get_project          (TandemStore      *self,
                                                   gint64            id,
                                                   GError          **error);
/* Moves a sale to another stage, with that stage's probability (H2). */
gboolean        tandem_store_move_sale            (TandemStore      *self,
                                                   gint64            id,
                                                   gint64            stage_id,
                                                   GError          **error);
/* Moves a sale to the first won (or lost) stage. */
gboolean        tandem_store_close_sale           (TandemStore      *self,
                                                   gint64            id,
                                                   TandemSaleState   state,
                                                   GError          **error);

typedef enum
{
  TANDEM_PROJECTS_ALL       = 0,
  TANDEM_PROJECTS_SALES     = 1,  /* is-sale */
  TANDEM_PROJECTS_DELIVERY  = 2,  /* is-delivery */
} TandemProjectsOf;

/* The order of a project list. DEFAULT: sales by closing date then
 * name, other lists by name. STAGE is board order, projects that were
 * never a sale last; CLOSE_DATE puts sales without a date last; UPDATED
 * is the last change. Ties go by name, then id. */
typedef enum
{
  TANDEM_PROJECT_SORT_DEFAULT    = 0,
  TANDEM_PROJECT_SORT_NAME       = 1,
  TANDEM_PROJECT_SORT_COMPANY    = 2,
  TANDEM_PROJECT_SORT_STAGE      = 3,
  TANDEM_PROJECT_SORT_VALUE      = 4,
  TANDEM_PROJECT_SORT_CLOSE_DATE = 5,
  TANDEM_PROJECT_SORT_UPDATED    = 6,
} TandemProjectSort;

/* What a project list shows; zero/NULL fields do not filter. */
typedef struct
{
  TandemProjectsOf  of;
  gint64            company_id;
  gint64            stage_id;
  gint64            seller_id;
  gint64            product_id;
  gint64            member_id;     /* projects the user is a member of */
  gboolean          open_only;     /* sales still open */
  const char       *close_from;    /* closing date >= "YYYY-MM-DD" */
  const char       *close_to;      /* closing date <  "YYYY-MM-DD" */
  const char       *text;          /* in the name, company or campaign */
  guint             offset;
  guint             limit;         /* 0: all */
  gboolean          mine;          /* the signed-in user is a member or the seller */
  gboolean          won_only;      /* sales won */
  gboolean          lost_only;     /* sales lost */
  TandemProjectSort sort;
  gboolean          descending;    /* @sort reversed (ties still by name) */
  gint64            campaign_id;   /* of this campaign (SPEC I3) */
} TandemProjectQuery;

/* In the query's order; offset and limit page through it. */
GPtrArray      *tandem_store_list_projects        (TandemStore              *self,
                                                   const TandemProjectQuery *query,
                                                   GError                  **error);
/* Counts of the same query, without offset and limit. */
guint           tandem_store_count_projects       (TandemStore              *self,
                                                   const TandemProjectQuery *query,
                                                   GError                  **error);

/* The team (H2, H4). Changes by the project's author, seller, members,
 * managers and administrators; TANDEM_ERROR_PERMISSION otherwise. Adding
 * a member gives them what is shared with the team, never what is
 * restricted to groups they are not in (E2). */
GPtrArray      *tandem_store_list_project_members (TandemStore      *self,
                                                   gint64            project_id,
                                                   GError          **error);
gboolean        tandem_store_add_project_member   (TandemStore      *self,
                                                   gint64            project_id,
                                                   gint64            user_id,
                                                   const char       *role,
                                                   GError          **error);
gboolean        tandem_store_remove_project_member (TandemStore     *self,
                                                   gint64            project_id,
                                                   gint64            user_id,
                                                   GError          **error);
gboolean        tandem_store_is_project_member    (TandemStore      *self,
                                                   gint64            project_id,
                                                   gint64            user_id);

/* Tasks (H3, E4). Only members add or change them; the responsible person
 * must be a member. */
gint64          tandem_store_save_task            (TandemStore      *self,
                                                   TandemTask       *task,
                                                   GError          **error);
TandemTask     *tandem_store_get_task             (TandemStore      *self,
                                                   gint64            id,
                                                   GError          **error);
gboolean        tandem_store_set_task_state       (TandemStore      *self,
                                                   gint64            id,
                                                   TandemTaskState   state,
                                                   GError          **error);
/* Open tasks first (by due date), then done and cancelled. */
GPtrArray      *tandem_store_list_tasks           (TandemStore      *self,
                                                   gint64            project_id,
                                                   GError          **error);
/* The user's open tasks in every project, by due date. */
GPtrArray      *tandem_store_list_my_tasks        (TandemStore      *self,
                                                   GError          **error);

/* Every recorded visibility change of a note, activity, project or task
 * the user may see (E2), oldest first. */
GPtrArray      *tandem_store_list_visibility_changes (TandemStore   *self,
                                                   TandemKind        kind,
                                                   gint64            id,
                                                   GError          **error);

/* Reports (J1–J3), over what the user may see only. Each returns
 * TandemReportRow objects; money is in hundredths and never summed
 * across currencies: a row has one currency. */
typedef enum
{
  TANDEM_REPORT_BY_STAGE    = 0,
  TANDEM_REPORT_BY_SELLER   = 1,
  TANDEM_REPORT_BY_PRODUCT  = 2,
  TANDEM_REPORT_BY_MONTH    = 3,
  TANDEM_REPORT_BY_WEEK     = 4,
  TANDEM_REPORT_BY_CATEGORY = 5,
  TANDEM_REPORT_BY_KIND     = 6,
  TANDEM_REPORT_BY_TYPE     = 7,
  TANDEM_REPORT_BY_USER     = 8,
} TandemReportBy;

const char     *tandem_report_by_to_string        (TandemReportBy   by);
gboolean        tandem_report_by_from_string      (const char      *str,
                                                   TandemReportBy  *by);

/* Open sales closing in [@from, @to) (either may be NULL: no bound), by
 * stage (board order), seller, product or closing month ("2026-11").
 * Row: key, label, currency, count, value, weighted. A sale without a
 * closing date has month key ""; one without seller or product has key "". */
GPtrArray      *tandem_store_pipeline_report      (TandemStore      *self,
                                                   TandemReportBy    by,
                                                   const char       *from,
                                                   const char       *to,
                                                   GError          **error);
/* The same, of one seller's or one product's sales only (0: any). */
GPtrArray      *tandem_store_pipeline_report_filtered (TandemStore  *self,
                                                   TandemReportBy    by,
                                                   const char       *from,
                                                   const char       *to,
                                                   gint64            seller_id,
                                                   gint64            product_id,
                                                   GError          **error);
/* The weighted forecast per closing month in [@from, @to) (by MONTH), or
 * per seller over the range (by SELLER). Two series: "open" (count,
 * value and weighted of open sales) and "won" (count and value of sales
 * won, weighted = value). */
GPtrArray      *tandem_store_forecast_report      (TandemStore      *self,
                                                   TandemReportBy    by,
                                                   const char       *from,
                                                   const char       *to,
                                                   GError          **error);
/* How the pipeline developed (J1): for the end of each month from @from
 * to @to (the last point is @to itself when it is not a month end), the
 * open sales as they stood then, per seller: key "2026-11-30", series the
 * seller's login, label their name, currency, count, value, weighted.
 * A point is how the sales stood at the end of that day (local time). */
GPtrArray      *tandem_store_pipeline_history     (TandemStore      *self,
                                                   const char       *from,
                                                   const char       *to,
                                                   GError          **error);
/* Activities starting in [@from, @to) (open-ended ones by when they were
 * added) by category, kind, type, user (each performer), month or week.
 * Series: "planned", "completed", "cancelled"; value = count. */
GPtrArray      *tandem_store_activity_report      (TandemStore      *self,
                                                   TandemReportBy    by,
                                                   const char       *from,
                                                   const char       *to,
                                                   GError          **error);
/* Sales targets against results (D20, J2) in [@from, @to): per seller
 * (key login) and category (series), target = the weekly or monthly count
 * times the weeks or months the range covers (partly covered ones pro
 * rata, rounded up), value = completed activities of the category the
 * seller performed in the range. */
GPtrArray      *tandem_store_target_report        (TandemStore      *self,
                                                   const char       *from,
                                                   const char       *to,
                                                   GError          **error);
/* The currencies of the sales the user may see, most used first (the
 * money reports' choice of currency). */
GStrv           tandem_store_list_sale_currencies (TandemStore      *self,
                                                   GError          **error);

G_END_DECLS
