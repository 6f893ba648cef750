/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <locale.h>

#include "tandem-test-db.h"

/* The shipped stages (migrations/0004-projects.sql) */
#define STAGE_LEAD        1
#define STAGE_OFFER       2
#define STAGE_NEGOTIATION 3
#define STAGE_WON         4
#define STAGE_LOST        5

/* Helpers */

static gint64
add_sale (TestDb     *db,
          gint64      company,
          const char *name,
          gint64      stage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) sale = tandem_project_new_sale (company, name, stage);
  gint64 id;

  id = tandem_store_save_project (db->store, sale, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_project (TestDb           *db,
             gint64            company,
             const char       *name,
             TandemVisibility  visibility)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = tandem_project_new (company, name);
  gint64 id;

  tandem_project_set_visibility (project, visibility);
  id = tandem_store_save_project (db->store, project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_task (TestDb     *db,
          gint64      project,
          const char *title,
          gint64      responsible)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTask) task = tandem_task_new (project, title);
  gint64 id;

  tandem_task_set_responsible_id (task, responsible);
  id = tandem_store_save_task (db->store, task, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_project_note (TestDb           *db,
                  gint64            project,
                  const char       *body,
                  TandemVisibility  visibility,
                  gint64            group)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemNote) note = tandem_note_new (TANDEM_KIND_PROJECT, project, body);
  gint64 id;

  tandem_note_set_visibility (note, visibility);
  if (group != 0)
    tandem_note_set_group_ids (note, &group, 1);
  id = tandem_store_save_note (db->store, note, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
add_member (TestDb *db,
            gint64  project,
            gint64  user)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_store_add_project_member (db->store, project, user, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
listed (GPtrArray *records,
        gint64     id)
{
  for (guint i = 0; i < records->len; i++)
    if (tandem_record_get_id (g_ptr_array_index (records, i)) == id)
      return TRUE;
  return FALSE;
}

static guint
count_hits (TestDb     *db,
            const char *text,
            TandemKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = tandem_store_search (db->store, text, 500, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    if (tandem_search_hit_get_kind (g_ptr_array_index (hits, i)) == kind)
      n++;
  return n;
}

static gboolean
hit_found (TestDb     *db,
           const char *text,
           TandemKind  kind,
           gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = tandem_store_search (db->store, text, 500, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      TandemSearchHit *hit = g_ptr_array_index (hits, i);

      if (tandem_search_hit_get_kind (hit) == kind && tandem_search_hit_get_id (hit) == id)
        return TRUE;
    }
  return FALSE;
}

static gint64
count_rows (TestDb     *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return test_sql_int (db->path, sql);
}

/* Money (H1): the locale's decimal mark, narrow no-break spaces between
 * thousands, and strict parsing. */
static void
test_money (void)
{
  g_autofree char *c_text = NULL;
  g_autofree char *fi_text = NULL;
  g_autofree char *pl_text = NULL;
  g_autofree char *small = NULL;
  gint64 cents = -1;

  setlocale (LC_ALL, "C.UTF-8");
  c_text = tandem_format_money (1250000, "EUR");
  g_assert_cmpstr (c_text, ==, "12,500.00 EUR");
  small = tandem_format_money (5, "PLN");
  g_assert_cmpstr (small, ==, "0.05 PLN");

  if (setlocale (LC_ALL, "fi_FI.UTF-8") != NULL)
    {
      fi_text = tandem_format_money (1250000, "EUR");
      g_assert_cmpstr (fi_text, ==, "12\u202f500,00 EUR");
    }
  if (setlocale (LC_ALL, "pl_PL.UTF-8") != NULL)
    {
      pl_text = tandem_format_money (123456789, "PLN");
      g_assert_cmpstr (pl_text, ==, "1\u202f234\u202f567,89 PLN");
    }
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_true (tandem_parse_money ("12500", &cents));
  g_assert_cmpint (cents, ==, 1250000);
  g_assert_true (tandem_parse_money ("12 500,50", &cents));
  g_assert_cmpint (cents, ==, 1250050);
  g_assert_true (tandem_parse_money ("12500.5", &cents));
  g_assert_cmpint (cents, ==, 1250050);
  g_assert_true (tandem_parse_money ("12\u202f500,00", &cents));
  g_assert_cmpint (cents, ==, 1250000);
  g_assert_true (tandem_parse_money ("12,500.00", &cents));
  g_assert_cmpint (cents, ==, 1250000);
  g_assert_true (tandem_parse_money (" 0,05 ", &cents));
  g_assert_cmpint (cents, ==, 5);

  cents = 42;
  g_assert_false (tandem_parse_money ("-5", &cents));
  g_assert_false (tandem_parse_money ("12.345", &cents));
  g_assert_false (tandem_parse_money ("12,5 EUR", &cents));
  g_assert_false (tandem_parse_money ("1 23", &cents));
  g_assert_false (tandem_parse_money ("", &cents));
  g_assert_false (tandem_parse_money ("12.", &cents));
  g_assert_false (tandem_parse_money ("abc", &cents));
  g_assert_false (tandem_parse_money ("99999999999999999999", &cents));
  g_assert_cmpint (cents, ==, 42);

  g_assert_cmpstr (tandem_visibility_to_string (TANDEM_VISIBILITY_TEAM), ==, "team");
  g_assert_cmpstr (tandem_visibility_get_label (TANDEM_VISIBILITY_TEAM), ==, "Project team");
  g_assert_cmpstr (tandem_task_state_to_string (TANDEM_TASK_IN_PROGRESS), ==, "in-progress");
  g_assert_cmpstr (tandem_sale_state_to_string (TANDEM_SALE_WON), ==, "won");
  g_assert_cmpstr (tandem_kind_to_string (TANDEM_KIND_TASK), ==, "task");
}

/* SPEC E2 with seed 000: a sale's notes restricted to the Sales team stay
 * with the Sales team when the sale is won and a delivery person joins
 * the team; the delivery person sees the tasks and what is shared with
 * the team or everyone, cannot change who sees a note, and the author's
 * change is recorded. */
static void
test_sale_lifecycle_E2 (TestDb        *db,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) sam = NULL;
  g_autoptr(TandemUser) dave = NULL;
  g_autoptr(TandemProject) sale = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(TandemNote) hidden = NULL;
  g_autoptr(TandemNote) team_note = NULL;
  g_autoptr(TandemNote) edited = NULL;
  g_autoptr(TandemProject) widened = NULL;
  gint64 sales_team, company, id, group_note, group_note2, team_note_id, everyone_note, task1, task2;
  TandemVisibilityChange *change;

  sales_team = tandem_store_add_group (db->store, "Sales team", &error);
  g_assert_no_error (error);
  sam = test_add_user (db, "sam", TANDEM_ROLE_USER, "Sales team");
  dave = test_add_user (db, "dave", TANDEM_ROLE_USER, NULL);

  test_sign_in (db, "sam");
  company = test_add_company (db, "Rautakauppa Virtanen Oy");
  id = add_sale (db, company, "Warehouse shelving", STAGE_LEAD);
  group_note = add_project_note (db, id, "Our margin is 12 percent, discount at most 5", TANDEM_VISIBILITY_GROUPS,
                                 sales_team);
  group_note2 = add_project_note (db, id, "Competitor pricing from the fair", TANDEM_VISIBILITY_GROUPS,
                                  sales_team);
  team_note_id = add_project_note (db, id, "Kickoff checklist for the installation", TANDEM_VISIBILITY_TEAM, 0);
  everyone_note = add_project_note (db, id, "Customer prefers deliveries in the morning",
                                    TANDEM_VISIBILITY_EVERYONE, 0);

  /* H2: lead → offer → won */
  g_assert_true (tandem_store_move_sale (db->store, id, STAGE_OFFER, &error));
  g_assert_no_error (error);
  sale = tandem_store_get_project (db->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_get_stage_id (sale), ==, STAGE_OFFER);
  g_assert_cmpint (tandem_project_get_probability (sale), ==, 40);
  g_assert_cmpint (tandem_project_get_state (sale), ==, TANDEM_SALE_OPEN);
  g_assert_false (tandem_project_get_is_delivery (sale));
  g_clear_object (&sale);

  g_assert_true (tandem_store_close_sale (db->store, id, TANDEM_SALE_WON, &error));
  g_assert_no_error (error);
  sale = tandem_store_get_project (db->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_get_stage_id (sale), ==, STAGE_WON);
  g_assert_cmpint (tandem_project_get_state (sale), ==, TANDEM_SALE_WON);
  g_assert_true (tandem_project_get_is_sale (sale));
  g_assert_true (tandem_project_get_is_delivery (sale));
  g_assert_nonnull (tandem_project_get_closed_at (sale));
  g_assert_cmpstr (tandem_project_get_stage_name (sale), ==, "Won");

  task1 = add_task (db, id, "Install the shelving", 0);
  task2 = add_task (db, id, "Train the warehouse staff", 0);

  /* Before joining, dave sees the project (it is everyone's) but none of
   * its tasks or team notes (E4). */
  test_sign_in (db, "dave");
  tasks = tandem_store_list_tasks (db->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 0);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  team_note = tandem_store_get_note (db->store, team_note_id, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (team_note);

  /* The delivery person joins the team after the sale was won. */
  test_sign_in (db, "sam");
  add_member (db, id, tandem_user_get_id (dave));
  g_assert_true (tandem_store_is_project_member (db->store, id, tandem_user_get_id (dave)));

  test_sign_in (db, "dave");
  tasks = tandem_store_list_tasks (db->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 2);
  g_assert_true (listed (tasks, task1));
  g_assert_true (listed (tasks, task2));

  notes = tandem_store_list_notes (db->store, TANDEM_KIND_PROJECT, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_true (listed (notes, team_note_id));
  g_assert_true (listed (notes, everyone_note));
  g_assert_false (listed (notes, group_note));
  g_assert_false (listed (notes, group_note2));

  hidden = tandem_store_get_note (db->store, group_note, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (hidden);
  g_assert_cmpuint (count_hits (db, "margin", TANDEM_KIND_NOTE), ==, 0);
  g_assert_cmpuint (count_hits (db, "competitor", TANDEM_KIND_NOTE), ==, 0);
  g_assert_true (hit_found (db, "kickoff", TANDEM_KIND_NOTE, team_note_id));
  g_assert_true (hit_found (db, "shelving", TANDEM_KIND_TASK, task1));
  /* Nor the history of a note they may not see. */
  changes = tandem_store_list_visibility_changes (db->store, TANDEM_KIND_NOTE, group_note, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (changes);

  /* E2: dave may not change who sees a note or the project. */
  team_note = tandem_store_get_note (db->store, team_note_id, &error);
  g_assert_no_error (error);
  tandem_note_set_visibility (team_note, TANDEM_VISIBILITY_EVERYONE);
  g_assert_cmpint (tandem_store_save_note (db->store, team_note, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_object (&team_note);

  widened = tandem_store_get_project (db->store, id, &error);
  g_assert_no_error (error);
  tandem_project_set_visibility (widened, TANDEM_VISIBILITY_TEAM);
  g_assert_cmpint (tandem_store_save_project (db->store, widened, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);

  test_sign_in (db, "sam");
  changes = tandem_store_list_visibility_changes (db->store, TANDEM_KIND_NOTE, team_note_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM visibility_changes"), ==, 0);

  /* The author restricts the team note to the Sales team; it is recorded
   * with who, from and to, the group by its name. */
  edited = tandem_store_get_note (db->store, team_note_id, &error);
  g_assert_no_error (error);
  tandem_note_set_visibility (edited, TANDEM_VISIBILITY_GROUPS);
  tandem_note_set_group_ids (edited, &sales_team, 1);
  g_assert_cmpint (tandem_store_save_note (db->store, edited, &error), ==, team_note_id);
  g_assert_no_error (error);

  changes = tandem_store_list_visibility_changes (db->store, TANDEM_KIND_NOTE, team_note_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (tandem_visibility_change_get_user_name (change), ==, "sam");
  g_assert_nonnull (tandem_visibility_change_get_changed_at (change));
  g_assert_cmpint (tandem_visibility_change_get_old_visibility (change), ==, TANDEM_VISIBILITY_TEAM);
  g_assert_cmpint (tandem_visibility_change_get_new_visibility (change), ==, TANDEM_VISIBILITY_GROUPS);
  g_assert_cmpstr (tandem_visibility_change_get_new_groups (change)[0], ==, "Sales team");
  g_assert_null (tandem_visibility_change_get_new_groups (change)[1]);
  g_assert_null (tandem_visibility_change_get_old_groups (change)[0]);
  {
    g_autofree char *described = tandem_visibility_describe (tandem_visibility_change_get_new_visibility (change),
                                                             tandem_visibility_change_get_new_groups (change));
    g_assert_cmpstr (described, ==, "Chosen groups: Sales team");
  }

  /* The group's later name does not rewrite the history. */
  g_clear_pointer (&changes, g_ptr_array_unref);
  test_sign_in (db, TEST_ADMIN_LOGIN);
  g_assert_true (tandem_store_rename_group (db->store, sales_team, "Sellers", &error));
  g_assert_no_error (error);
  test_sign_in (db, "sam");
  changes = tandem_store_list_visibility_changes (db->store, TANDEM_KIND_NOTE, team_note_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_visibility_change_get_new_groups (g_ptr_array_index (changes, 0))[0], ==, "Sales team");

  /* Now dave no longer sees it. */
  test_sign_in (db, "dave");
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = tandem_store_list_notes (db->store, TANDEM_KIND_PROJECT, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_true (listed (notes, everyone_note));
  g_assert_cmpuint (count_hits (db, "kickoff", TANDEM_KIND_NOTE), ==, 0);
}

/* Seed 000: one customer with 26 projects of two tasks each. A member of
 * one project sees exactly that project's tasks; an administrator who may
 * see the customer but is in no team sees none (E4). */
static void
test_tasks_members_only_E4 (TestDb        *db,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) pm = NULL;
  g_autoptr(TandemUser) mia = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  gint64 company, projects[26], tasks[26][2], mia_id;
  const guint chosen = 12;

  pm = test_add_user (db, "pm", TANDEM_ROLE_MANAGER, NULL);
  mia = test_add_user (db, "mia", TANDEM_ROLE_USER, NULL);
  mia_id = tandem_user_get_id (mia);

  test_sign_in (db, "pm");
  company = test_add_company (db, "Kowalski i Synowie sp. z o.o.");
  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      g_autofree char *name = g_strdup_printf ("Store %c fit-out", 'A' + i);

      projects[i] = add_project (db, company, name, TANDEM_VISIBILITY_EVERYONE);
      if (i == chosen)
        add_member (db, projects[i], mia_id);
      for (guint j = 0; j < 2; j++)
        {
          g_autofree char *title = g_strdup_printf ("Rollout step %u of store %c", j + 1, 'A' + i);

          tasks[i][j] = add_task (db, projects[i], title, i == chosen ? mia_id : 0);
        }
    }

  test_sign_in (db, "mia");
  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      g_autoptr(GPtrArray) list = tandem_store_list_tasks (db->store, projects[i], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, i == chosen ? 2 : 0);
      for (guint j = 0; j < 2; j++)
        {
          g_autoptr(TandemTask) task = tandem_store_get_task (db->store, tasks[i][j], &error);

          if (i == chosen)
            {
              g_assert_no_error (error);
              g_assert_cmpint (tandem_task_get_project_id (task), ==, projects[i]);
              g_assert_cmpstr (tandem_task_get_project_name (task), ==, "Store M fit-out");
            }
          else
            {
              g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
              g_clear_error (&error);
              g_assert_null (task);
            }
        }
    }
  mine = tandem_store_list_my_tasks (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 2);
  g_assert_true (listed (mine, tasks[chosen][0]));
  g_assert_true (listed (mine, tasks[chosen][1]));
  g_assert_cmpuint (count_hits (db, "rollout", TANDEM_KIND_TASK), ==, 2);
  g_assert_true (hit_found (db, "rollout", TANDEM_KIND_TASK, tasks[chosen][0]));
  g_assert_true (hit_found (db, "rollout", TANDEM_KIND_TASK, tasks[chosen][1]));
  {
    g_autoptr(GPtrArray) hits = tandem_store_search (db->store, "rollout", 50, &error);
    TandemSearchHit *hit = g_ptr_array_index (hits, 0);

    g_assert_cmpint (tandem_search_hit_get_parent_kind (hit), ==, TANDEM_KIND_PROJECT);
    g_assert_cmpint (tandem_search_hit_get_parent_id (hit), ==, projects[chosen]);
    g_assert_cmpstr (tandem_search_hit_get_parent_name (hit), ==, "Store M fit-out");
  }
  /* mia sees every project of the customer, but is a member of one. */
  {
    TandemProjectQuery query = { .company_id = company };
    TandemProjectQuery member = { .member_id = mia_id };

    g_assert_cmpuint (tandem_store_count_projects (db->store, &query, &error), ==, 26);
    g_assert_cmpuint (tandem_store_count_projects (db->store, &member, &error), ==, 1);
    g_assert_no_error (error);
  }

  /* A task of a project she is not in is not hers to add either. */
  {
    g_autoptr(TandemTask) task = tandem_task_new (projects[0], "Sneak a task in");

    g_assert_cmpint (tandem_store_save_task (db->store, task, &error), ==, 0);
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
    g_clear_error (&error);
  }

  test_sign_in (db, TEST_ADMIN_LOGIN);
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = tandem_store_list_my_tasks (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      g_autoptr(GPtrArray) list = tandem_store_list_tasks (db->store, projects[i], &error);
      g_autoptr(TandemTask) task = NULL;
      g_autoptr(TandemProject) project = tandem_store_get_project (db->store, projects[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (project);
      g_assert_cmpuint (list->len, ==, 0);
      task = tandem_store_get_task (db->store, tasks[i][0], &error);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
      g_clear_error (&error);
      g_assert_null (task);
    }
  g_assert_cmpuint (count_hits (db, "rollout", TANDEM_KIND_TASK), ==, 0);
  g_assert_cmpuint (tandem_store_count (db->store, TANDEM_KIND_TASK, &error), ==, 0);
  g_assert_no_error (error);
}

/* E1: a project restricted to its team leaves no trace for others, not
 * even administrators: no card, no name in an error, no count, no list
 * row, no search hit; nor do its notes, tasks or activities. */
static void
test_team_project_hidden_E1 (TestDb        *db,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) pm = NULL;
  g_autoptr(TandemUser) olli = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GPtrArray) list = NULL;
  TandemProjectQuery query = { 0, };
  gint64 company, secret, open_project, note;
  const char *logins[] = { "olli", TEST_ADMIN_LOGIN };

  pm = test_add_user (db, "pm", TANDEM_ROLE_USER, NULL);
  olli = test_add_user (db, "olli", TANDEM_ROLE_USER, NULL);

  test_sign_in (db, "pm");
  company = test_add_company (db, "Rautakauppa Virtanen Oy");
  secret = add_project (db, company, "Secret merger talks", TANDEM_VISIBILITY_TEAM);
  open_project = add_project (db, company, "Shop renovation", TANDEM_VISIBILITY_EVERYONE);
  note = add_project_note (db, secret, "Valuation memo", TANDEM_VISIBILITY_EVERYONE, 0);
  add_task (db, secret, "Draft the letter of intent", 0);
  query.company_id = company;
  g_assert_cmpuint (tandem_store_count_projects (db->store, &query, &error), ==, 2);
  g_assert_true (hit_found (db, "merger", TANDEM_KIND_PROJECT, secret));

  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      g_autoptr(GPtrArray) notes = NULL;
      g_autoptr(GPtrArray) members = NULL;
      g_autoptr(TandemNote) hidden_note = NULL;

      test_sign_in (db, logins[i]);
      project = tandem_store_get_project (db->store, secret, &error);
      g_assert_null (project);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
      g_assert_null (strstr (error->message, "Secret"));
      g_assert_null (strstr (error->message, "merger"));
      g_clear_error (&error);

      g_assert_cmpuint (tandem_store_count_projects (db->store, &query, &error), ==, 1);
      g_assert_cmpuint (tandem_store_count_projects (db->store, NULL, &error), ==, 1);
      g_assert_cmpuint (tandem_store_count (db->store, TANDEM_KIND_PROJECT, &error), ==, 1);
      g_assert_no_error (error);
      list = tandem_store_list_projects (db->store, &query, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, 1);
      g_assert_true (listed (list, open_project));
      g_clear_pointer (&list, g_ptr_array_unref);
      g_assert_cmpuint (count_hits (db, "merger", TANDEM_KIND_PROJECT), ==, 0);
      g_assert_cmpuint (count_hits (db, "valuation", TANDEM_KIND_NOTE), ==, 0);
      g_assert_cmpuint (count_hits (db, "letter", TANDEM_KIND_TASK), ==, 0);
      g_assert_false (tandem_store_is_project_member (db->store, secret, tandem_user_get_id (pm)));

      notes = tandem_store_list_notes (db->store, TANDEM_KIND_PROJECT, secret, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (notes->len, ==, 0);
      hidden_note = tandem_store_get_note (db->store, note, &error);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
      g_clear_error (&error);
      members = tandem_store_list_project_members (db->store, secret, &error);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
      g_clear_error (&error);
      g_assert_null (members);

      /* Changing it is refused in the words used for a project that
       * does not exist. */
      {
        g_autoptr(TandemProject) guess = tandem_project_new (company, "Guess");
        g_autofree char *missing_message = NULL;

        g_assert_false (tandem_store_move_sale (db->store, 999999, STAGE_WON, &error));
        missing_message = g_strdup (error->message);
        g_clear_error (&error);
        g_assert_false (tandem_store_add_project_member (db->store, secret, tandem_user_get_id (olli), NULL,
                                                         &error));
        g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
        g_clear_error (&error);
        tandem_record_set_id (TANDEM_RECORD (guess), secret);
        g_assert_cmpint (tandem_store_save_project (db->store, guess, &error), ==, 0);
        g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
        g_assert_null (strstr (error->message, "Secret"));
        g_clear_error (&error);
        g_assert_cmpint (strlen (missing_message), >, 0);
      }
    }

  /* Joining the team shows it. */
  test_sign_in (db, "pm");
  add_member (db, secret, tandem_user_get_id (olli));
  test_sign_in (db, "olli");
  project = tandem_store_get_project (db->store, secret, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_project_get_name (project), ==, "Secret merger talks");
  g_assert_cmpstr (tandem_project_get_company_name (project), ==, "Rautakauppa Virtanen Oy");
  g_assert_true (hit_found (db, "merger", TANDEM_KIND_PROJECT, secret));
}

/* J1: every change of the sale part adds a history row, and each row's
 * valid_to is the next one's valid_from. */
static void
test_stage_history_J1 (TestDb        *db,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) sale = NULL;
  gint64 company, id;
  g_autofree char *sql = NULL;
  g_autofree char *broken = NULL;

  company = test_add_company (db, "Rautakauppa Virtanen Oy");
  id = add_sale (db, company, "Warehouse shelving", STAGE_LEAD);
  g_assert_cmpint (count_rows (db, "sale_history"), ==, 1);

  g_assert_true (tandem_store_move_sale (db->store, id, STAGE_OFFER, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "sale_history"), ==, 2);

  /* A save that changes nothing of the sale part adds nothing. */
  sale = tandem_store_get_project (db->store, id, &error);
  g_assert_no_error (error);
  tandem_project_set_description (sale, "Two aisles, four metres high");
  g_assert_cmpint (tandem_store_save_project (db->store, sale, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "sale_history"), ==, 2);

  tandem_project_set_value (sale, 1250000);
  tandem_project_set_close_date (sale, "2026-11-30");
  g_assert_cmpint (tandem_store_save_project (db->store, sale, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "sale_history"), ==, 3);
  g_assert_cmpint (tandem_project_get_weighted_value (sale), ==, 500000);

  g_assert_true (tandem_store_close_sale (db->store, id, TANDEM_SALE_LOST, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "sale_history"), ==, 4);

  /* Back to an open stage: open again, still not a delivery project. */
  g_assert_true (tandem_store_move_sale (db->store, id, STAGE_NEGOTIATION, &error));
  g_assert_no_error (error);
  g_clear_object (&sale);
  sale = tandem_store_get_project (db->store, id, &error);
  g_assert_cmpint (tandem_project_get_state (sale), ==, TANDEM_SALE_OPEN);
  g_assert_null (tandem_project_get_closed_at (sale));
  g_assert_false (tandem_project_get_is_delivery (sale));
  g_assert_cmpint (count_rows (db, "sale_history"), ==, 5);

  /* Won, then back (the Undo of "Mark as Won"): a sale again, not a
   * delivery project (H2); closed_at goes. */
  g_assert_true (tandem_store_move_sale (db->store, id, STAGE_WON, &error));
  g_clear_object (&sale);
  sale = tandem_store_get_project (db->store, id, &error);
  g_assert_true (tandem_project_get_is_delivery (sale));
  g_assert_true (tandem_store_move_sale (db->store, id, STAGE_OFFER, &error));
  g_assert_no_error (error);
  g_clear_object (&sale);
  sale = tandem_store_get_project (db->store, id, &error);
  g_assert_false (tandem_project_get_is_delivery (sale));
  g_assert_null (tandem_project_get_closed_at (sale));
  g_assert_cmpint (tandem_project_get_state (sale), ==, TANDEM_SALE_OPEN);

  g_assert_cmpint (count_rows (db, "sale_history"), ==, 7);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM sale_history WHERE valid_to IS NULL"), ==, 1);
  g_assert_cmpint (test_sql_int (db->path, "SELECT stage_id FROM sale_history WHERE valid_to IS NULL"), ==,
                   STAGE_OFFER);
  g_assert_cmpint (test_sql_int (db->path, "SELECT max (id) FROM sale_history WHERE valid_to IS NULL"), ==,
                   test_sql_int (db->path, "SELECT max (id) FROM sale_history"));
  /* Each row ends when the next begins. */
  broken = test_sql_text (db->path,
                          "SELECT count(*) FROM sale_history h JOIN sale_history n"
                          " ON n.project_id = h.project_id"
                          " AND n.id = (SELECT min (id) FROM sale_history x WHERE x.project_id = h.project_id"
                          "             AND x.id > h.id)"
                          " WHERE h.valid_to IS NOT n.valid_from");
  g_assert_cmpstr (broken, ==, "0");
  g_assert_cmpint (test_sql_int (db->path,
                                 "SELECT count(*) FROM sale_history WHERE valid_to < valid_from"), ==, 0);
  sql = g_strdup_printf ("SELECT value_cents FROM sale_history WHERE project_id = %" G_GINT64_FORMAT
                         " AND valid_to IS NULL", id);
  g_assert_cmpint (test_sql_int (db->path, sql), ==, 1250000);
}

/* H1: a stage that sales use cannot be deleted, and each outcome keeps a
 * stage; stages are the administrators'. */
static void
test_stage_delete_H1 (TestDb        *db,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) sam = NULL;
  g_autoptr(TandemStage) stage = NULL;
  g_autoptr(TandemStage) found = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  gint64 company, new_id;

  sam = test_add_user (db, "sam", TANDEM_ROLE_USER, NULL);
  company = test_add_company (db, "Rautakauppa Virtanen Oy");
  add_sale (db, company, "Warehouse shelving", STAGE_OFFER);

  g_assert_false (tandem_store_delete_stage (db->store, STAGE_OFFER, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "1 sale"));
  g_clear_error (&error);

  g_assert_false (tandem_store_delete_stage (db->store, STAGE_WON, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (tandem_store_delete_stage (db->store, STAGE_NEGOTIATION, &error));
  g_assert_no_error (error);
  stages = tandem_store_list_stages (db->store, &error);
  g_assert_cmpuint (stages->len, ==, 4);

  found = tandem_store_find_stage (db->store, "offer", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_stage_get_id (found), ==, STAGE_OFFER);
  g_clear_object (&found);
  found = tandem_store_find_stage (db->store, "Negotiation", &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  stage = tandem_stage_new ("Proposal sent", 55, TANDEM_SALE_OPEN);
  new_id = tandem_store_save_stage (db->store, stage, &error);
  g_assert_no_error (error);
  g_assert_cmpint (new_id, >, 0);
  g_assert_cmpint (tandem_stage_get_position (stage), >, 4);
  /* The saved stage keeps its name, and saving it again keeps it too. */
  g_assert_cmpstr (tandem_stage_get_name (stage), ==, "Proposal sent");
  tandem_stage_set_probability (stage, 60);
  g_assert_cmpint (tandem_store_save_stage (db->store, stage, &error), ==, new_id);
  g_assert_no_error (error);
  g_clear_object (&found);
  found = tandem_store_get_stage (db->store, new_id, &error);
  g_assert_cmpstr (tandem_stage_get_name (found), ==, "Proposal sent");
  g_assert_cmpint (tandem_stage_get_probability (found), ==, 60);

  /* The outcome of a stage in use stays. */
  g_clear_object (&stage);
  stage = tandem_store_get_stage (db->store, STAGE_OFFER, &error);
  tandem_stage_set_outcome (stage, TANDEM_SALE_LOST);
  g_assert_cmpint (tandem_store_save_stage (db->store, stage, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_CONFLICT);
  g_clear_error (&error);

  g_clear_object (&stage);
  stage = tandem_stage_new ("Probable", 101, TANDEM_SALE_OPEN);
  g_assert_cmpint (tandem_store_save_stage (db->store, stage, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);

  test_sign_in (db, "sam");
  g_assert_false (tandem_store_delete_stage (db->store, new_id, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_object (&stage);
  stage = tandem_stage_new ("Sam's stage", 10, TANDEM_SALE_OPEN);
  g_assert_cmpint (tandem_store_save_stage (db->store, stage, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
}

/* H1: a probability of -1 takes the stage's default; a given one stays. */
static void
test_probability_default_H1 (TestDb        *db,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) sale = NULL;
  g_autoptr(TandemProject) loaded = NULL;
  g_autoptr(TandemProject) given = NULL;
  gint64 company, id;

  company = test_add_company (db, "Rautakauppa Virtanen Oy");
  sale = tandem_project_new_sale (company, "Warehouse shelving", STAGE_LEAD);
  g_assert_cmpint (tandem_project_get_probability (sale), ==, -1);
  id = tandem_store_save_project (db->store, sale, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_get_probability (sale), ==, 10);
  loaded = tandem_store_get_project (db->store, id, &error);
  g_assert_cmpint (tandem_project_get_probability (loaded), ==, 10);
  g_assert_cmpstr (tandem_project_get_currency (loaded), ==, "EUR");
  g_assert_cmpstr (tandem_project_get_stage_name (loaded), ==, "Lead");
  g_assert_cmpstr (tandem_project_get_author_name (loaded), ==, "Ada Admin");

  tandem_project_set_stage_id (loaded, STAGE_NEGOTIATION);
  tandem_project_set_probability (loaded, -1);
  g_assert_cmpint (tandem_store_save_project (db->store, loaded, &error), ==, id);
  g_assert_cmpint (tandem_project_get_probability (loaded), ==, 70);

  given = tandem_project_new_sale (company, "Shop counters", STAGE_LEAD);
  tandem_project_set_probability (given, 55);
  tandem_project_set_currency (given, "pln");
  tandem_project_set_value (given, 1001);
  g_assert_cmpint (tandem_store_save_project (db->store, given, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_get_probability (given), ==, 55);
  g_assert_cmpstr (tandem_project_get_currency (given), ==, "PLN");
  /* 10.01 × 55 % = 5.5055, half up to 5.51 */
  g_assert_cmpint (tandem_project_get_weighted_value (given), ==, 551);
}

/* Bad input is refused with a message, and nothing is saved or changed. */
static void
test_invalid_input_H1 (TestDb        *db,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) kept = NULL;
  gint64 company, id, before, history;
  struct
  {
    const char *what;
    const char *currency;
    int         probability;
    const char *close_date;
    gint64      company;
    const char *name;
    gint64      stage;
    gint64      value;
    TandemVisibility visibility;
  } cases[] = {
    { "currency", "eu", -1, NULL, 0, "Shelving", STAGE_LEAD, 0, TANDEM_VISIBILITY_EVERYONE },
    { "currency", "EURO", -1, NULL, 0, "Shelving", STAGE_LEAD, 0, TANDEM_VISIBILITY_EVERYONE },
    { "probability", "EUR", 101, NULL, 0, "Shelving", STAGE_LEAD, 0, TANDEM_VISIBILITY_EVERYONE },
    { "probability", "EUR", -2, NULL, 0, "Shelving", STAGE_LEAD, 0, TANDEM_VISIBILITY_EVERYONE },
    { "date", "EUR", -1, "2026-02-30", 0, "Shelving", STAGE_LEAD, 0, TANDEM_VISIBILITY_EVERYONE },
    { "company", "EUR", -1, NULL, 9999, "Shelving", STAGE_LEAD, 0, TANDEM_VISIBILITY_EVERYONE },
    { "name", "EUR", -1, NULL, 0, "   ", STAGE_LEAD, 0, TANDEM_VISIBILITY_EVERYONE },
    { "stage", "EUR", -1, NULL, 0, "Shelving", 77, 0, TANDEM_VISIBILITY_EVERYONE },
    { "value", "EUR", -1, NULL, 0, "Shelving", STAGE_LEAD, -100, TANDEM_VISIBILITY_EVERYONE },
    { "private", "EUR", -1, NULL, 0, "Shelving", STAGE_LEAD, 0, TANDEM_VISIBILITY_PRIVATE },
    { "groups", "EUR", -1, NULL, 0, "Shelving", STAGE_LEAD, 0, TANDEM_VISIBILITY_GROUPS },
  };

  company = test_add_company (db, "Rautakauppa Virtanen Oy");
  id = add_sale (db, company, "Warehouse shelving", STAGE_LEAD);
  before = count_rows (db, "projects");
  history = count_rows (db, "sale_history");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TandemProject) sale = NULL;
      g_autoptr(TandemProject) update = NULL;

      sale = tandem_project_new_sale (cases[i].company ? cases[i].company : company, cases[i].name,
                                      cases[i].stage);
      tandem_project_set_currency (sale, cases[i].currency);
      tandem_project_set_probability (sale, cases[i].probability);
      tandem_project_set_close_date (sale, cases[i].close_date);
      tandem_project_set_value (sale, cases[i].value);
      tandem_project_set_visibility (sale, cases[i].visibility);
      g_test_message ("new sale with a bad %s", cases[i].what);
      g_assert_cmpint (tandem_store_save_project (db->store, sale, &error), ==, 0);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
      g_assert_cmpuint (strlen (error->message), >, 0);
      g_clear_error (&error);
      g_assert_cmpint (tandem_record_get_id (TANDEM_RECORD (sale)), ==, 0);

      /* The same on the saved sale leaves it as it was. */
      update = tandem_store_get_project (db->store, id, &error);
      g_assert_no_error (error);
      if (cases[i].company)
        tandem_project_set_company_id (update, cases[i].company);
      tandem_project_set_name (update, cases[i].name);
      tandem_project_set_stage_id (update, cases[i].stage);
      tandem_project_set_currency (update, cases[i].currency);
      tandem_project_set_probability (update, cases[i].probability);
      tandem_project_set_close_date (update, cases[i].close_date);
      tandem_project_set_value (update, cases[i].value);
      tandem_project_set_visibility (update, cases[i].visibility);
      g_assert_cmpint (tandem_store_save_project (db->store, update, &error), ==, 0);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
      g_clear_error (&error);
    }

  g_assert_cmpint (count_rows (db, "projects"), ==, before);
  g_assert_cmpint (count_rows (db, "sale_history"), ==, history);
  kept = tandem_store_get_project (db->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_project_get_name (kept), ==, "Warehouse shelving");
  g_assert_cmpstr (tandem_project_get_currency (kept), ==, "EUR");
  g_assert_cmpint (tandem_project_get_probability (kept), ==, 10);
  g_assert_null (tandem_project_get_close_date (kept));
  g_assert_cmpint (tandem_project_get_stage_id (kept), ==, STAGE_LEAD);

  /* A task with a bad date, or a responsible person outside the team. */
  {
    g_autoptr(TandemUser) outsider = test_add_user (db, "outsider", TANDEM_ROLE_USER, NULL);
    g_autoptr(TandemTask) task = tandem_task_new (id, "Measure the aisles");

    tandem_task_set_due (task, "2026-02-30");
    g_assert_cmpint (tandem_store_save_task (db->store, task, &error), ==, 0);
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
    g_clear_error (&error);
    tandem_task_set_due (task, "2026-03-02");
    tandem_task_set_responsible_id (task, tandem_user_get_id (outsider));
    g_assert_cmpint (tandem_store_save_task (db->store, task, &error), ==, 0);
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (count_rows (db, "project_tasks"), ==, 0);
  }
}

/* Delete moves a project out of sight with its notes and tasks; restore
 * brings it back; purge removes it for good. */
static void
test_delete_restore (TestDb        *db,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  gint64 company, id, note, task;
  g_autofree char *index_sql = NULL;

  company = test_add_company (db, "Rautakauppa Virtanen Oy");
  id = add_project (db, company, "Shop renovation", TANDEM_VISIBILITY_EVERYONE);
  note = add_project_note (db, id, "Paint samples arrive on Monday", TANDEM_VISIBILITY_EVERYONE, 0);
  task = add_task (db, id, "Choose the floor tiles", 0);

  g_assert_true (tandem_store_delete (db->store, TANDEM_KIND_PROJECT, id, &error));
  g_assert_no_error (error);
  project = tandem_store_get_project (db->store, id, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (project);
  list = tandem_store_list_projects (db->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_cmpuint (count_hits (db, "renovation", TANDEM_KIND_PROJECT), ==, 0);
  g_assert_cmpuint (count_hits (db, "paint", TANDEM_KIND_NOTE), ==, 0);
  g_assert_cmpuint (count_hits (db, "tiles", TANDEM_KIND_TASK), ==, 0);
  notes = tandem_store_list_notes (db->store, TANDEM_KIND_PROJECT, id, &error);
  g_assert_cmpuint (notes->len, ==, 0);
  g_clear_pointer (&notes, g_ptr_array_unref);

  g_assert_true (tandem_store_restore (db->store, TANDEM_KIND_PROJECT, id, &error));
  g_assert_no_error (error);
  project = tandem_store_get_project (db->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_project_get_name (project), ==, "Shop renovation");
  g_assert_true (hit_found (db, "renovation", TANDEM_KIND_PROJECT, id));
  g_assert_true (hit_found (db, "paint", TANDEM_KIND_NOTE, note));
  g_assert_true (hit_found (db, "tiles", TANDEM_KIND_TASK, task));

  /* A task on its own. */
  g_assert_true (tandem_store_delete (db->store, TANDEM_KIND_TASK, task, &error));
  g_assert_no_error (error);
  list = tandem_store_list_tasks (db->store, id, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (tandem_store_restore (db->store, TANDEM_KIND_TASK, task, &error));
  g_assert_no_error (error);
  list = tandem_store_list_tasks (db->store, id, &error);
  g_assert_cmpuint (list->len, ==, 1);

  /* Purged, with what hangs on it. */
  g_assert_true (tandem_store_delete (db->store, TANDEM_KIND_PROJECT, id, &error));
  g_assert_true (tandem_store_purge_deleted (db->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "projects"), ==, 0);
  g_assert_cmpint (count_rows (db, "project_tasks"), ==, 0);
  g_assert_cmpint (count_rows (db, "notes"), ==, 0);
  g_assert_cmpint (count_rows (db, "project_members"), ==, 0);
  index_sql = g_strdup_printf ("SELECT count(*) FROM search_index WHERE rowid IN (%" G_GINT64_FORMAT ", %"
                               G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                               id * 16 + 5, note * 16 + 3, task * 16 + 6);
  g_assert_cmpint (test_sql_int (db->path, index_sql), ==, 0);
}

/* F1: notes on a project; the project team only exists on a project. */
static void
test_project_notes_F1 (TestDb        *db,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemNote) note = NULL;
  g_autoptr(TandemNote) loaded = NULL;
  g_autoptr(TandemNote) moved = NULL;
  g_autoptr(TandemProject) project = NULL;
  gint64 company, id, note_id;

  company = test_add_company (db, "Rautakauppa Virtanen Oy");
  id = add_project (db, company, "Shop renovation", TANDEM_VISIBILITY_EVERYONE);

  note = tandem_note_new (TANDEM_KIND_COMPANY, company, "Team only, but which team?");
  tandem_note_set_visibility (note, TANDEM_VISIBILITY_TEAM);
  g_assert_cmpint (tandem_store_save_note (db->store, note, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "project"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (db, "notes"), ==, 0);

  note_id = add_project_note (db, id, "# Handover\nKeys at the front desk", TANDEM_VISIBILITY_TEAM, 0);
  loaded = tandem_store_get_note (db->store, note_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_note_get_parent_kind (loaded), ==, TANDEM_KIND_PROJECT);
  g_assert_cmpint (tandem_note_get_parent_id (loaded), ==, id);
  g_assert_cmpstr (tandem_note_get_parent_name (loaded), ==, "Shop renovation");
  g_assert_cmpint (tandem_note_get_visibility (loaded), ==, TANDEM_VISIBILITY_TEAM);
  g_assert_cmpstr (tandem_record_get_title (TANDEM_RECORD (loaded)), ==, "Handover");

  /* A copy of a team note keeps its visibility (the property allows it). */
  moved = tandem_note_copy (loaded);
  g_assert_cmpint (tandem_note_get_visibility (moved), ==, TANDEM_VISIBILITY_TEAM);

  {
    g_autoptr(GPtrArray) hits = tandem_store_search (db->store, "handover", 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpint (tandem_search_hit_get_parent_kind (g_ptr_array_index (hits, 0)), ==, TANDEM_KIND_PROJECT);
    g_assert_cmpstr (tandem_search_hit_get_parent_name (g_ptr_array_index (hits, 0)), ==, "Shop renovation");
  }
  {
    g_autoptr(GPtrArray) hits = tandem_store_search (db->store, "renovation", 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpint (tandem_search_hit_get_kind (g_ptr_array_index (hits, 0)), ==, TANDEM_KIND_PROJECT);
    g_assert_cmpint (tandem_search_hit_get_parent_kind (g_ptr_array_index (hits, 0)), ==, TANDEM_KIND_COMPANY);
    g_assert_cmpstr (tandem_search_hit_get_parent_name (g_ptr_array_index (hits, 0)), ==,
                     "Rautakauppa Virtanen Oy");
  }

  /* Projects are found by their company's name, also after a rename. */
  {
    g_autoptr(TandemCompany) renamed = tandem_store_get_company (db->store, company, &error);

    tandem_company_set_text (renamed, "name", "Rautakesko Oy");
    g_assert_cmpint (tandem_store_save_company (db->store, renamed, &error), ==, company);
    g_assert_no_error (error);
    g_assert_true (hit_found (db, "rautakesko", TANDEM_KIND_PROJECT, id));
    g_assert_false (hit_found (db, "virtanen", TANDEM_KIND_PROJECT, id));
  }
  project = tandem_store_get_project (db->store, id, &error);
  g_assert_cmpstr (tandem_project_get_company_name (project), ==, "Rautakesko Oy");
}

/* D2, H4: activities on a project; the project must be one the user may
 * see; team visibility needs a project; the project's name shows only to
 * who may see the project. */
static void
test_project_activities_D2 (TestDb        *db,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) pm = NULL;
  g_autoptr(TandemUser) olli = NULL;
  g_autoptr(TandemActivity) activity = NULL;
  g_autoptr(TandemActivity) seen = NULL;
  g_autoptr(TandemActivity) hidden_project = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 company, secret, open_project, id, olli_id;

  pm = test_add_user (db, "pm", TANDEM_ROLE_USER, NULL);
  olli = test_add_user (db, "olli", TANDEM_ROLE_USER, NULL);
  olli_id = tandem_user_get_id (olli);

  test_sign_in (db, "pm");
  company = test_add_company (db, "Rautakauppa Virtanen Oy");
  secret = add_project (db, company, "Secret merger talks", TANDEM_VISIBILITY_TEAM);
  open_project = add_project (db, company, "Shop renovation", TANDEM_VISIBILITY_EVERYONE);

  /* Team visibility without a project is refused. */
  activity = tandem_activity_new ("Walk through the shop");
  tandem_activity_set_open_ended (activity, TRUE);
  tandem_activity_set_company_id (activity, company);
  tandem_activity_set_visibility (activity, TANDEM_VISIBILITY_TEAM);
  g_assert_cmpint (tandem_store_save_activity (db->store, activity, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);

  /* With a project and a company, for the team; olli performs it. */
  tandem_activity_set_project_id (activity, secret);
  tandem_activity_set_performer_ids (activity, &olli_id, 1);
  id = tandem_store_save_activity (db->store, activity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (tandem_activity_get_project_name (activity), ==, "Secret merger talks");
  list = tandem_store_list_activities_of (db->store, TANDEM_KIND_PROJECT, secret, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (tandem_activity_get_project_name (g_ptr_array_index (list, 0)), ==, "Secret merger talks");
  g_assert_cmpstr (tandem_activity_get_company_name (g_ptr_array_index (list, 0)), ==, "Rautakauppa Virtanen Oy");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The author widens it to everyone: recorded. */
  tandem_activity_set_visibility (activity, TANDEM_VISIBILITY_EVERYONE);
  g_assert_cmpint (tandem_store_save_activity (db->store, activity, &error), ==, id);
  g_assert_no_error (error);
  changes = tandem_store_list_visibility_changes (db->store, TANDEM_KIND_ACTIVITY, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpint (tandem_visibility_change_get_old_visibility (g_ptr_array_index (changes, 0)), ==,
                   TANDEM_VISIBILITY_TEAM);

  /* olli performs it and sees it, but not the project it is on. */
  test_sign_in (db, "olli");
  seen = tandem_store_get_activity (db->store, id, &error);
  g_assert_no_error (error);
  g_assert_null (tandem_activity_get_project_name (seen));
  g_assert_cmpstr (tandem_activity_get_company_name (seen), ==, "Rautakauppa Virtanen Oy");
  list = tandem_store_list_activities_of (db->store, TANDEM_KIND_PROJECT, secret, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* He may not move it elsewhere while it is for the team. */
  test_sign_in (db, "pm");
  tandem_activity_set_visibility (activity, TANDEM_VISIBILITY_TEAM);
  g_assert_cmpint (tandem_store_save_activity (db->store, activity, &error), ==, id);
  g_assert_no_error (error);
  test_sign_in (db, "olli");
  g_clear_object (&seen);
  seen = tandem_store_get_activity (db->store, id, &error);
  g_assert_no_error (error);
  tandem_activity_set_project_id (seen, open_project);
  g_assert_cmpint (tandem_store_save_activity (db->store, seen, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  tandem_activity_set_project_id (seen, secret);

  /* He may still change what he performs, and the project stays. */
  tandem_activity_set_description (seen, "Bring the floor plan");
  g_assert_cmpint (tandem_store_save_activity (db->store, seen, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (db->path, "SELECT project_id FROM activities"), ==, secret);

  /* But he cannot put a new activity on a project he may not see. */
  hidden_project = tandem_activity_new ("Guess the project");
  tandem_activity_set_open_ended (hidden_project, TRUE);
  tandem_activity_set_project_id (hidden_project, secret);
  g_assert_cmpint (tandem_store_save_activity (db->store, hidden_project, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_null (strstr (error->message, "Secret"));
  g_clear_error (&error);

  /* On a project he sees, without a company, it is fine. */
  tandem_activity_set_project_id (hidden_project, open_project);
  g_assert_cmpint (tandem_store_save_activity (db->store, hidden_project, &error), >, 0);
  g_assert_no_error (error);
  list = tandem_store_list_activities_of (db->store, TANDEM_KIND_PROJECT, open_project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (tandem_activity_get_project_name (g_ptr_array_index (list, 0)), ==, "Shop renovation");
}

/* H2, H4: the team is changed by its members, seller, managers and
 * administrators; others are refused. */
static void
test_team_members_H2 (TestDb        *db,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) pm = NULL;
  g_autoptr(TandemUser) olli = NULL;
  g_autoptr(TandemUser) mia = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gint64 company, id;

  pm = test_add_user (db, "pm", TANDEM_ROLE_USER, NULL);
  olli = test_add_user (db, "olli", TANDEM_ROLE_USER, NULL);
  mia = test_add_user (db, "mia", TANDEM_ROLE_USER, NULL);

  test_sign_in (db, "pm");
  company = test_add_company (db, "Rautakauppa Virtanen Oy");
  id = add_project (db, company, "Shop renovation", TANDEM_VISIBILITY_EVERYONE);
  members = tandem_store_list_project_members (db->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (tandem_project_member_get_login (g_ptr_array_index (members, 0)), ==, "pm");
  g_clear_pointer (&members, g_ptr_array_unref);

  g_assert_true (tandem_store_add_project_member (db->store, id, tandem_user_get_id (mia), "Site manager",
                                                  &error));
  g_assert_no_error (error);
  members = tandem_store_list_project_members (db->store, id, &error);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpstr (tandem_project_member_get_role (g_ptr_array_index (members, 0)), ==, "Site manager");
  g_assert_nonnull (tandem_project_member_get_added_at (g_ptr_array_index (members, 0)));

  test_sign_in (db, "olli");
  g_assert_false (tandem_store_add_project_member (db->store, id, tandem_user_get_id (olli), NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (tandem_store_remove_project_member (db->store, id, tandem_user_get_id (mia), &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);

  test_sign_in (db, TEST_ADMIN_LOGIN);
  g_assert_true (tandem_store_remove_project_member (db->store, id, tandem_user_get_id (mia), &error));
  g_assert_no_error (error);
  g_assert_false (tandem_store_is_project_member (db->store, id, tandem_user_get_id (mia)));
  g_assert_false (tandem_store_add_project_member (db->store, id, 4242, NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);

  /* A group that decides who sees a project stays (E2). */
  {
    g_autoptr(TandemProject) project = tandem_store_get_project (db->store, id, &error);
    gint64 owners = tandem_store_add_group (db->store, "Owners", &error);

    g_assert_no_error (error);
    tandem_project_set_visibility (project, TANDEM_VISIBILITY_GROUPS);
    tandem_project_set_group_ids (project, &owners, 1);
    g_assert_cmpint (tandem_store_save_project (db->store, project, &error), ==, id);
    g_assert_no_error (error);
    g_assert_false (tandem_store_delete_group (db->store, owners, &error));
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
    g_clear_error (&error);
  }
}

/* Products (H1): the administrators' list; a deleted one leaves its
 * sales without it. */
static void
test_products_H1 (TestDb        *db,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProduct) shelving = tandem_product_new ("Pallet racking", "Storage");
  g_autoptr(TandemProduct) twin = tandem_product_new ("pallet racking", NULL);
  g_autoptr(TandemProduct) found = NULL;
  g_autoptr(TandemProject) sale = NULL;
  g_autoptr(GPtrArray) products = NULL;
  gint64 company, product, id;

  product = tandem_store_save_product (db->store, shelving, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_store_save_product (db->store, twin, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS);
  g_clear_error (&error);
  found = tandem_store_find_product (db->store, "PALLET RACKING", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_product_get_id (found), ==, product);
  g_assert_cmpstr (tandem_product_get_group (found), ==, "Storage");

  company = test_add_company (db, "Rautakauppa Virtanen Oy");
  sale = tandem_project_new_sale (company, "Warehouse", STAGE_LEAD);
  tandem_project_set_product_id (sale, product);
  tandem_project_set_campaign (sale, "Spring fair 2026");
  id = tandem_store_save_project (db->store, sale, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_project_get_product_name (sale), ==, "Pallet racking");
  g_assert_true (hit_found (db, "racking", TANDEM_KIND_PROJECT, id));
  g_assert_true (hit_found (db, "fair", TANDEM_KIND_PROJECT, id));

  tandem_product_set_active (shelving, FALSE);
  g_assert_cmpint (tandem_store_save_product (db->store, shelving, &error), ==, product);
  products = tandem_store_list_products (db->store, FALSE, &error);
  g_assert_cmpuint (products->len, ==, 0);
  g_clear_pointer (&products, g_ptr_array_unref);
  products = tandem_store_list_products (db->store, TRUE, &error);
  g_assert_cmpuint (products->len, ==, 1);

  g_assert_true (tandem_store_delete_product (db->store, product, &error));
  g_assert_no_error (error);
  g_clear_object (&sale);
  sale = tandem_store_get_project (db->store, id, &error);
  g_assert_cmpint (tandem_project_get_product_id (sale), ==, 0);
  g_assert_false (hit_found (db, "racking", TANDEM_KIND_PROJECT, id));

  /* Lists: sales by closing date, with filters. */
  {
    g_autoptr(TandemProject) later = tandem_project_new_sale (company, "A later sale", STAGE_OFFER);
    g_autoptr(GPtrArray) list = NULL;
    TandemProjectQuery query = { .of = TANDEM_PROJECTS_SALES };

    tandem_project_set_close_date (later, "2027-01-15");
    g_assert_cmpint (tandem_store_save_project (db->store, later, &error), >, 0);
    tandem_project_set_close_date (sale, "2026-12-01");
    g_assert_cmpint (tandem_store_save_project (db->store, sale, &error), ==, id);
    list = tandem_store_list_projects (db->store, &query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 2);
    g_assert_cmpint (tandem_record_get_id (g_ptr_array_index (list, 0)), ==, id);
    g_clear_pointer (&list, g_ptr_array_unref);

    query.close_from = "2027-01-01";
    g_assert_cmpuint (tandem_store_count_projects (db->store, &query, &error), ==, 1);
    query.close_from = NULL;
    query.stage_id = STAGE_OFFER;
    g_assert_cmpuint (tandem_store_count_projects (db->store, &query, &error), ==, 1);
    query.stage_id = 0;
    query.text = "WAREHOUSE";
    g_assert_cmpuint (tandem_store_count_projects (db->store, &query, &error), ==, 1);
    query.text = "virtanen";
    g_assert_cmpuint (tandem_store_count_projects (db->store, &query, &error), ==, 2);
    query.text = "100%";
    g_assert_cmpuint (tandem_store_count_projects (db->store, &query, &error), ==, 0);
    query.text = NULL;
    query.limit = 1;
    query.offset = 1;
    list = tandem_store_list_projects (db->store, &query, &error);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpstr (tandem_project_get_name (g_ptr_array_index (list, 0)), ==, "A later sale");
    query.close_to = "2026-13-01";
    g_assert_cmpuint (tandem_store_count_projects (db->store, &query, &error), ==, 0);
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
    g_clear_error (&error);
  }
}

/* H1: "mine" is every project the user is a member or the seller of, and
 * nothing the visibility rule hides from him: another seller's team
 * project stays out, and so does his own sale once its customer is
 * deleted. */
static void
test_mine_member_or_seller_H1 (TestDb        *db,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) anna = NULL;
  g_autoptr(TandemUser) olli = NULL;
  g_autoptr(GPtrArray) list = NULL;
  TandemProjectQuery mine = { .mine = TRUE };
  gint64 alfa, beta, gamma, sold, member_of, team_sold, others, others_team, gone;

  anna = test_add_user (db, "anna", TANDEM_ROLE_USER, NULL);
  olli = test_add_user (db, "olli", TANDEM_ROLE_USER, NULL);

  test_sign_in (db, "olli");
  alfa = test_add_company (db, "Alfa Oy");
  beta = test_add_company (db, "Beta Oy");
  gamma = test_add_company (db, "Gamma Oy");
  {
    g_autoptr(TandemProject) sale = tandem_project_new_sale (alfa, "Conveyor line", STAGE_LEAD);
    g_autoptr(TandemProject) team_sale = tandem_project_new_sale (beta, "Dock doors", STAGE_OFFER);
    g_autoptr(TandemProject) lost_customer = tandem_project_new_sale (gamma, "Forklifts", STAGE_OFFER);

    /* Sold by anna, added by olli, who is its only member */
    tandem_project_set_seller_id (sale, tandem_user_get_id (anna));
    sold = tandem_store_save_project (db->store, sale, &error);
    g_assert_no_error (error);
    /* Restricted to the team, sold by anna: the seller always sees it */
    tandem_project_set_seller_id (team_sale, tandem_user_get_id (anna));
    tandem_project_set_visibility (team_sale, TANDEM_VISIBILITY_TEAM);
    team_sold = tandem_store_save_project (db->store, team_sale, &error);
    g_assert_no_error (error);
    tandem_project_set_seller_id (lost_customer, tandem_user_get_id (anna));
    gone = tandem_store_save_project (db->store, lost_customer, &error);
    g_assert_no_error (error);
  }
  member_of = add_project (db, beta, "Warehouse move", TANDEM_VISIBILITY_EVERYONE);
  add_member (db, member_of, tandem_user_get_id (anna));
  others = add_project (db, alfa, "Shop renovation", TANDEM_VISIBILITY_EVERYONE);
  others_team = add_project (db, alfa, "Secret merger talks", TANDEM_VISIBILITY_TEAM);
  {
    g_autoptr(TandemProject) sale = tandem_project_new_sale (beta, "Olli's own offer", STAGE_OFFER);

    tandem_project_set_seller_id (sale, tandem_user_get_id (olli));
    tandem_project_set_visibility (sale, TANDEM_VISIBILITY_TEAM);
    g_assert_cmpint (tandem_store_save_project (db->store, sale, &error), >, 0);
    g_assert_no_error (error);
  }

  test_sign_in (db, TEST_ADMIN_LOGIN);
  g_assert_true (tandem_store_delete (db->store, TANDEM_KIND_COMPANY, gamma, &error));
  g_assert_no_error (error);

  test_sign_in (db, "anna");
  list = tandem_store_list_projects (db->store, &mine, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_true (listed (list, sold));
  g_assert_true (listed (list, team_sold));
  g_assert_true (listed (list, member_of));
  g_assert_false (listed (list, others));
  g_assert_false (listed (list, others_team));
  g_assert_false (listed (list, gone));
  g_assert_cmpuint (tandem_store_count_projects (db->store, &mine, &error), ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The other filters still apply: mine and sales, mine and open. */
  mine.of = TANDEM_PROJECTS_SALES;
  g_assert_cmpuint (tandem_store_count_projects (db->store, &mine, &error), ==, 2);
  mine.of = TANDEM_PROJECTS_DELIVERY;
  g_assert_cmpuint (tandem_store_count_projects (db->store, &mine, &error), ==, 1);
  mine.of = TANDEM_PROJECTS_ALL;
  mine.company_id = alfa;
  g_assert_cmpuint (tandem_store_count_projects (db->store, &mine, &error), ==, 1);
  g_assert_no_error (error);

  /* Member only still means member only. */
  {
    TandemProjectQuery member = { .member_id = tandem_user_get_id (anna) };

    list = tandem_store_list_projects (db->store, &member, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_true (listed (list, member_of));
    g_clear_pointer (&list, g_ptr_array_unref);
  }

  /* olli added all of them and is in each one's team, but sells none
   * of anna's: his own are the ones he is a member or the seller of. */
  test_sign_in (db, "olli");
  mine.company_id = 0;
  g_assert_cmpuint (tandem_store_count_projects (db->store, &mine, &error), ==, 6);
  g_assert_no_error (error);
}

static int sort_by;
static gboolean sort_descending;

static int
compare_text_nocase (const char *a,
                     const char *b)
{
  return g_ascii_strcasecmp (a ? a : "", b ? b : "");
}

/* The order a list should have, decided from each project's own fields */
static int
compare_projects (gconstpointer pa,
                  gconstpointer pb)
{
  TandemProject *a = *(TandemProject **) pa;
  TandemProject *b = *(TandemProject **) pb;
  int sign = sort_descending ? -1 : 1;
  int cmp = 0;

  switch (sort_by)
    {
    case TANDEM_PROJECT_SORT_COMPANY:
      cmp = sign * compare_text_nocase (tandem_project_get_company_name (a), tandem_project_get_company_name (b));
      break;
    case TANDEM_PROJECT_SORT_STAGE:
      /* The shipped stages' ids are in board order. */
      cmp = (tandem_project_get_stage_id (a) == 0) - (tandem_project_get_stage_id (b) == 0);
      if (cmp == 0)
        cmp = sign * ((tandem_project_get_stage_id (a) > tandem_project_get_stage_id (b)) -
                      (tandem_project_get_stage_id (a) < tandem_project_get_stage_id (b)));
      break;
    case TANDEM_PROJECT_SORT_VALUE:
      cmp = !tandem_project_get_is_sale (a) - !tandem_project_get_is_sale (b);
      if (cmp == 0)
        cmp = sign * ((tandem_project_get_value (a) > tandem_project_get_value (b)) -
                      (tandem_project_get_value (a) < tandem_project_get_value (b)));
      break;
    case TANDEM_PROJECT_SORT_CLOSE_DATE:
      cmp = (tandem_project_get_close_date (a) == NULL) - (tandem_project_get_close_date (b) == NULL);
      if (cmp == 0)
        cmp = sign * g_strcmp0 (tandem_project_get_close_date (a), tandem_project_get_close_date (b));
      break;
    case TANDEM_PROJECT_SORT_UPDATED:
      cmp = sign * g_strcmp0 (tandem_project_get_updated_at (a), tandem_project_get_updated_at (b));
      break;
    case TANDEM_PROJECT_SORT_NAME:
    default:
      cmp = sign * compare_text_nocase (tandem_project_get_name (a), tandem_project_get_name (b));
      if (cmp == 0)
        cmp = sign * ((tandem_record_get_id (TANDEM_RECORD (a)) > tandem_record_get_id (TANDEM_RECORD (b))) -
                      (tandem_record_get_id (TANDEM_RECORD (a)) < tandem_record_get_id (TANDEM_RECORD (b))));
      return cmp;
    }
  if (cmp == 0)
    cmp = compare_text_nocase (tandem_project_get_name (a), tandem_project_get_name (b));
  if (cmp == 0)
    cmp = (tandem_record_get_id (TANDEM_RECORD (a)) > tandem_record_get_id (TANDEM_RECORD (b))) -
          (tandem_record_get_id (TANDEM_RECORD (a)) < tandem_record_get_id (TANDEM_RECORD (b)));
  return cmp;
}

/* H1: each sort order, both ways, equals the order worked out from the
 * projects themselves, page by page; a project hidden from the reader
 * takes no place in it. */
static void
test_sort_orders_H1 (TestDb        *db,
                     gconstpointer  data)
{
  static const struct { const char *company, *name; gint64 stage; gint64 value; const char *close; } sales[] = {
    { "Beta Oy", "conveyor line", STAGE_LEAD, 1200000, "2026-12-01" },
    { "Alfa Oy", "Dock doors", STAGE_NEGOTIATION, 5000, NULL },
    { "Gamma Oy", "Anchors", STAGE_OFFER, 99900, "2026-10-15" },
    { "alfa ab", "Boilers", STAGE_WON, 250000, "2026-09-01" },
    { "Beta Oy", "Elevators", STAGE_LOST, 5000, "2027-01-31" },
    { "Gamma Oy", "Dock doors", STAGE_OFFER, 700000, "2026-10-15" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GHashTable) companies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TandemUser) olli = NULL;
  TandemProjectQuery query = { 0, };
  gint64 first_sale = 0, hidden;

  olli = test_add_user (db, "olli", TANDEM_ROLE_USER, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sales); i++)
    {
      g_autoptr(TandemProject) sale = NULL;
      gint64 company = GPOINTER_TO_SIZE (g_hash_table_lookup (companies, sales[i].company));
      gint64 id;

      if (company == 0)
        {
          company = test_add_company (db, sales[i].company);
          g_hash_table_insert (companies, g_strdup (sales[i].company), GSIZE_TO_POINTER (company));
        }
      sale = tandem_project_new_sale (company, sales[i].name, sales[i].stage);
      tandem_project_set_value (sale, sales[i].value);
      tandem_project_set_close_date (sale, sales[i].close);
      id = tandem_store_save_project (db->store, sale, &error);
      g_assert_no_error (error);
      if (first_sale == 0)
        first_sale = id;
    }
  add_project (db, GPOINTER_TO_SIZE (g_hash_table_lookup (companies, "Beta Oy")), "Installation",
               TANDEM_VISIBILITY_EVERYONE);
  add_project (db, GPOINTER_TO_SIZE (g_hash_table_lookup (companies, "alfa ab")), "commissioning",
               TANDEM_VISIBILITY_EVERYONE);

  /* A project olli may not see, first or last in every order */
  test_sign_in (db, "olli");
  {
    g_autoptr(TandemProject) secret = tandem_project_new_sale (test_add_company (db, "AAA Oy"), "AAA secret",
                                                              STAGE_LEAD);

    tandem_project_set_value (secret, 1);
    tandem_project_set_close_date (secret, "2020-01-01");
    tandem_project_set_visibility (secret, TANDEM_VISIBILITY_TEAM);
    hidden = tandem_store_save_project (db->store, secret, &error);
    g_assert_no_error (error);
  }

  /* One change a second later, for the order of updates */
  test_sign_in (db, TEST_ADMIN_LOGIN);
  g_usleep (1100 * 1000);
  {
    g_autoptr(TandemProject) sale = tandem_store_get_project (db->store, first_sale, &error);

    g_assert_no_error (error);
    tandem_project_set_probability (sale, 55);
    g_assert_cmpint (tandem_store_save_project (db->store, sale, &error), ==, first_sale);
  }

  expected = tandem_store_list_projects (db->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, ==, G_N_ELEMENTS (sales) + 2);
  g_assert_false (listed (expected, hidden));

  for (sort_by = TANDEM_PROJECT_SORT_NAME; sort_by <= TANDEM_PROJECT_SORT_UPDATED; sort_by++)
    for (sort_descending = FALSE; sort_descending <= TRUE; sort_descending++)
      {
        g_autoptr(GPtrArray) whole = NULL;

        g_ptr_array_sort (expected, compare_projects);
        query.sort = sort_by;
        query.descending = sort_descending;
        query.limit = 0;
        query.offset = 0;
        whole = tandem_store_list_projects (db->store, &query, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (whole->len, ==, expected->len);
        for (guint i = 0; i < expected->len; i++)
          {
            g_test_message ("sort %d%s, row %u", sort_by, sort_descending ? " descending" : "", i);
            g_assert_cmpint (tandem_record_get_id (g_ptr_array_index (whole, i)), ==,
                             tandem_record_get_id (g_ptr_array_index (expected, i)));
          }

        /* Page by page, as the list reads it */
        query.limit = 3;
        for (query.offset = 0; query.offset < expected->len; query.offset += query.limit)
          {
            g_autoptr(GPtrArray) page = tandem_store_list_projects (db->store, &query, &error);

            g_assert_no_error (error);
            for (guint i = 0; i < page->len; i++)
              g_assert_cmpint (tandem_record_get_id (g_ptr_array_index (page, i)), ==,
                               tandem_record_get_id (g_ptr_array_index (expected, query.offset + i)));
          }
      }

  /* The stage order is the board's, not the stages' names */
  {
    g_autoptr(GPtrArray) list = NULL;

    query = (TandemProjectQuery) { .sort = TANDEM_PROJECT_SORT_STAGE };
    list = tandem_store_list_projects (db->store, &query, &error);
    g_assert_cmpstr (tandem_project_get_name (g_ptr_array_index (list, 0)), ==, "conveyor line");
    g_assert_cmpint (tandem_project_get_stage_id (g_ptr_array_index (list, 5)), ==, STAGE_LOST);
    g_assert_cmpstr (tandem_project_get_name (g_ptr_array_index (list, 6)), ==, "commissioning");
  }

  /* Won and lost sales, in any order */
  query = (TandemProjectQuery) { .won_only = TRUE, .sort = TANDEM_PROJECT_SORT_VALUE };
  g_assert_cmpuint (tandem_store_count_projects (db->store, &query, &error), ==, 1);
  query = (TandemProjectQuery) { .lost_only = TRUE };
  g_assert_cmpuint (tandem_store_count_projects (db->store, &query, &error), ==, 1);
  query = (TandemProjectQuery) { .open_only = TRUE };
  g_assert_cmpuint (tandem_store_count_projects (db->store, &query, &error), ==, 4);
  g_assert_no_error (error);

  /* The reader who may see it finds it first by closing date */
  test_sign_in (db, "olli");
  {
    g_autoptr(GPtrArray) list = NULL;

    query = (TandemProjectQuery) { .sort = TANDEM_PROJECT_SORT_CLOSE_DATE, .limit = 1 };
    list = tandem_store_list_projects (db->store, &query, &error);
    g_assert_no_error (error);
    g_assert_true (listed (list, hidden));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/projects/money-and-states-H1", test_money);
  g_test_add ("/projects/sale-lifecycle-sales-team-notes-stay-E2", TestDb, NULL,
              test_db_setup, test_sale_lifecycle_E2, test_db_teardown);
  g_test_add ("/projects/tasks-members-only-seed-000-E4", TestDb, NULL,
              test_db_setup, test_tasks_members_only_E4, test_db_teardown);
  g_test_add ("/projects/team-project-leaves-no-trace-E1", TestDb, NULL,
              test_db_setup, test_team_project_hidden_E1, test_db_teardown);
  g_test_add ("/projects/stage-history-chains-J1", TestDb, NULL,
              test_db_setup, test_stage_history_J1, test_db_teardown);
  g_test_add ("/projects/stage-delete-refused-while-used-H1", TestDb, NULL,
              test_db_setup, test_stage_delete_H1, test_db_teardown);
  g_test_add ("/projects/probability-takes-stage-default-H1", TestDb, NULL,
              test_db_setup, test_probability_default_H1, test_db_teardown);
  g_test_add ("/projects/invalid-input-saves-nothing-H1", TestDb, NULL,
              test_db_setup, test_invalid_input_H1, test_db_teardown);
  g_test_add ("/projects/delete-restore-purge", TestDb, NULL,
              test_db_setup, test_delete_restore, test_db_teardown);
  g_test_add ("/projects/notes-on-projects-F1", TestDb, NULL,
              test_db_setup, test_project_notes_F1, test_db_teardown);
  g_test_add ("/projects/activities-on-projects-D2-H4", TestDb, NULL,
              test_db_setup, test_project_activities_D2, test_db_teardown);
  g_test_add ("/projects/team-changed-by-team-H2", TestDb, NULL,
              test_db_setup, test_team_members_H2, test_db_teardown);
  g_test_add ("/projects/products-and-lists-H1", TestDb, NULL,
              test_db_setup, test_products_H1, test_db_teardown);
  g_test_add ("/projects/mine-is-member-or-seller-H1-E1", TestDb, NULL,
              test_db_setup, test_mine_member_or_seller_H1, test_db_teardown);
  g_test_add ("/projects/sort-orders-H1", TestDb, NULL,
              test_db_setup, test_sort_orders_H1, test_db_teardown);

  return g_test_run ();
}
