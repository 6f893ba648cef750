/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-date.h"
#include "tandem-error.h"
#include "tandem-cli-private.h"

/* Projects and sales projects (SPEC H1–H4): adding them, their team and
 * tasks, moving a sale through its stages, and showing a project with
 * what belongs to it. Every read goes through the store, so a project,
 * task, note or activity the signed-in user may not see (SPEC E1, E2, E4)
 * never reaches the output, not even as a count. */

#define PAGE_SIZE 500

#define PROJECT_VISIBILITIES ((1u << TANDEM_VISIBILITY_EVERYONE) | \
                              (1u << TANDEM_VISIBILITY_GROUPS) | \
                              (1u << TANDEM_VISIBILITY_TEAM))
#define TASK_VISIBILITIES ((1u << TANDEM_VISIBILITY_TEAM) | \
                           (1u << TANDEM_VISIBILITY_GROUPS) | \
                           (1u << TANDEM_VISIBILITY_PRIVATE))

/* The users and groups, read once per run when an option or the output
 * needs a login or a name. */
typedef struct
{
  GPtrArray *users;
  GPtrArray *groups;
} Names;

static void
names_clear (Names *names)
{
  g_clear_pointer (&names->users, g_ptr_array_unref);
  g_clear_pointer (&names->groups, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Names, names_clear)

static gboolean
load_names (TandemCli  *cli,
            Names      *names,
            GError    **error)
{
  if (names->users == NULL && (names->users = tandem_store_list_users (cli->store, error)) == NULL)
    return FALSE;
  if (names->groups == NULL && (names->groups = tandem_store_list_groups (cli->store, error)) == NULL)
    return FALSE;
  return TRUE;
}

static TandemUser *
user_by_id (Names  *names,
            gint64  id)
{
  for (guint i = 0; id != 0 && names->users && i < names->users->len; i++)
    if (tandem_user_get_id (g_ptr_array_index (names->users, i)) == id)
      return g_ptr_array_index (names->users, i);
  return NULL;
}

static const char *
user_login (Names  *names,
            gint64  id)
{
  TandemUser *user = user_by_id (names, id);

  return user ? tandem_user_get_login (user) : NULL;
}

static TandemUser *
find_user (TandemCli   *cli,
           Names       *names,
           const char  *login,
           GError     **error)
{
  if (!load_names (cli, names, error))
    return NULL;
  for (guint i = 0; i < names->users->len; i++)
    if (g_str_equal (tandem_user_get_login (g_ptr_array_index (names->users, i)), login))
      return g_ptr_array_index (names->users, i);
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
               _("There is no user with the login “%s”"), login);
  return NULL;
}

/* Reading the command line */

/* "12500", "12500.5", "12500.50" or with a decimal comma "12500,50":
 * digits, then at most one decimal mark and two decimals. Anything else
 * ("12,5,0", "1e5", "-3", "12 500") is refused rather than guessed at. */
static gboolean
parse_money (const char  *text,
             gint64      *cents,
             GError     **error)
{
  const char *p = text;
  gint64 units = 0;
  int decimals = 0;
  int n_decimals = 0;
  gboolean any_digit = FALSE;

  for (; g_ascii_isdigit (*p); p++)
    {
      if (units > (G_MAXINT64 / 100 - 9) / 10)
        goto bad;
      units = units * 10 + (*p - '0');
      any_digit = TRUE;
    }
  if (*p == '.' || *p == ',')
    {
      for (p++; g_ascii_isdigit (*p) && n_decimals < 2; p++, n_decimals++)
        decimals = decimals * 10 + (*p - '0');
      if (n_decimals == 0)
        goto bad;
      if (n_decimals == 1)
        decimals *= 10;
    }
  if (!any_digit || *p != '\0')
    goto bad;
  *cents = units * 100 + decimals;
  return TRUE;

bad:
  return tandem_cli_usage_error (error, _("--value: “%s” is not an amount; write it like “12500” or “12500.50”"), text);
}

static gboolean
parse_probability (const char  *text,
                   int         *percent,
                   GError     **error)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, 100, &value, NULL))
    return tandem_cli_usage_error (error, _("--probability is a percentage from 0 to 100, not “%s”"), text);
  *percent = (int) value;
  return TRUE;
}

static gboolean
parse_date (const char  *text,
            const char  *option,
            char       **date,
            GError     **error)
{
  *date = tandem_date_parse (text);
  if (*date == NULL)
    return tandem_cli_usage_error (error, _("%s: “%s” is not a real date; write it like “2026-03-02”"), option, text);
  return TRUE;
}

static gboolean
parse_currency (const char  *text,
                char       **code,
                GError     **error)
{
  if (strlen (text) != 3 || !g_ascii_isalpha (text[0]) || !g_ascii_isalpha (text[1]) ||
      !g_ascii_isalpha (text[2]))
    return tandem_cli_usage_error (error, _("--currency is a three-letter code such as EUR or PLN, not “%s”"), text);
  *code = g_ascii_strup (text, -1);
  return TRUE;
}

/* The store names what it could not find; the command line says where
 * to look for what there is. */
static TandemStage *
find_stage (TandemCli   *cli,
            const char  *text,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  TandemStage *stage = tandem_store_find_stage (cli->store, text, &local_error);

  if (stage != NULL)
    return stage;
  if (g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND) ||
      g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_INVALID))
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                 _("There is no sales stage “%s”; see “tandem-cli stage list”"), text);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static TandemProduct *
find_product (TandemCli   *cli,
              const char  *text,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  TandemProduct *product = tandem_store_find_product (cli->store, text, &local_error);

  if (product != NULL)
    return product;
  if (g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND) ||
      g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_INVALID))
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                 _("There is no product “%s”; see “tandem-cli product list”"), text);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* The ids of the users named by their logins, all of them checked before
 * anything is saved. */
static GArray *
resolve_logins (TandemCli   *cli,
                Names       *names,
                char       **logins,
                GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; logins && logins[i]; i++)
    {
      TandemUser *user = find_user (cli, names, logins[i], error);
      gint64 id;

      if (user == NULL)
        return NULL;
      id = tandem_user_get_id (user);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static gboolean
parse_project_id (TandemCli   *cli,
                  const char  *summary,
                  const GOptionEntry *entries,
                  gint64      *id,
                  GError     **error)
{
  return tandem_cli_parse (cli, C_("metavariable", "ID"), summary, entries, TRUE, 1, 1, error) &&
         tandem_cli_parse_id (cli->args[1], "ID", id, error);
}

/* Output */

char *
tandem_cli_format_money (gint64 cents)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", cents < 0 ? "-" : "",
                          ABS (cents) / 100, (int) (ABS (cents) % 100));
}

static char *
format_money_with_currency (gint64      cents,
                            const char *currency)
{
  g_autofree char *amount = tandem_cli_format_money (cents);

  /* Translators: an amount and its currency code, "12500.00 EUR". */
  return g_strdup_printf (C_("money", "%s %s"), amount, currency ? currency : "");
}

static void
set_string_or_null (JsonObject *object,
                    const char *key,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, key, value);
  else
    json_object_set_null_member (object, key);
}

static void
set_id_or_null (JsonObject *object,
                const char *key,
                gint64      id)
{
  if (id != 0)
    json_object_set_int_member (object, key, id);
  else
    json_object_set_null_member (object, key);
}

static void
set_money (JsonObject *object,
           const char *key,
           gint64      cents)
{
  g_autofree char *text = tandem_cli_format_money (cents);

  json_object_set_string_member (object, key, text);
}

static JsonArray *
group_names_to_json (Names        *names,
                     const gint64 *ids,
                     guint         n_ids)
{
  g_auto(GStrv) group_names = tandem_cli_group_names (names->groups, ids, n_ids);
  JsonArray *array = json_array_new ();

  for (guint i = 0; group_names[i]; i++)
    json_array_add_string_element (array, group_names[i]);
  return array;
}

static char *
describe_visibility (Names            *names,
                     TandemVisibility  visibility,
                     const gint64     *ids,
                     guint             n_ids)
{
  g_auto(GStrv) group_names = NULL;

  if (visibility != TANDEM_VISIBILITY_GROUPS)
    return g_strdup (tandem_visibility_get_label (visibility));
  group_names = tandem_cli_group_names (names->groups, ids, n_ids);
  return g_strjoinv (", ", group_names);
}

static JsonObject *
project_to_json (Names         *names,
                 TandemProject *project)
{
  JsonObject *object = json_object_new ();
  gboolean is_sale = tandem_project_get_is_sale (project);
  const gint64 *group_ids;
  guint n_groups;

  json_object_set_int_member (object, "id", tandem_record_get_id (TANDEM_RECORD (project)));
  json_object_set_string_member (object, "type", is_sale ? "sale" : "project");
  json_object_set_string_member (object, "name", tandem_project_get_name (project));
  set_string_or_null (object, "description", tandem_project_get_description (project));
  json_object_set_int_member (object, "company_id", tandem_project_get_company_id (project));
  set_string_or_null (object, "company", tandem_project_get_company_name (project));
  json_object_set_boolean_member (object, "is_sale", is_sale);
  json_object_set_boolean_member (object, "is_delivery", tandem_project_get_is_delivery (project));

  if (is_sale)
    {
      set_id_or_null (object, "stage_id", tandem_project_get_stage_id (project));
      set_string_or_null (object, "stage", tandem_project_get_stage_name (project));
      json_object_set_string_member (object, "state", tandem_sale_state_to_string (tandem_project_get_state (project)));
      set_string_or_null (object, "seller", user_login (names, tandem_project_get_seller_id (project)));
      set_id_or_null (object, "seller_id", tandem_project_get_seller_id (project));
      set_string_or_null (object, "seller_name", tandem_project_get_seller_name (project));
      set_money (object, "value", tandem_project_get_value (project));
      json_object_set_string_member (object, "currency", tandem_project_get_currency (project));
      json_object_set_int_member (object, "probability", tandem_project_get_probability (project));
      set_money (object, "weighted", tandem_project_get_weighted_value (project));
      set_string_or_null (object, "close_date", tandem_project_get_close_date (project));
      set_id_or_null (object, "product_id", tandem_project_get_product_id (project));
      set_string_or_null (object, "product", tandem_project_get_product_name (project));
      set_string_or_null (object, "campaign", tandem_project_get_campaign (project));
      set_string_or_null (object, "closed_at", tandem_project_get_closed_at (project));
    }
  else
    {
      static const char * const sale_keys[] = {
        "stage_id", "stage", "state", "seller", "seller_id", "seller_name", "value", "currency",
        "probability", "weighted", "close_date", "product_id", "product", "campaign", "closed_at",
      };

      for (guint i = 0; i < G_N_ELEMENTS (sale_keys); i++)
        json_object_set_null_member (object, sale_keys[i]);
    }

  json_object_set_string_member (object, "visibility",
                                 tandem_visibility_to_string (tandem_project_get_visibility (project)));
  group_ids = tandem_project_get_group_ids (project, &n_groups);
  json_object_set_array_member (object, "groups", group_names_to_json (names, group_ids, n_groups));
  set_string_or_null (object, "author", user_login (names, tandem_project_get_author_id (project)));
  set_string_or_null (object, "author_name", tandem_project_get_author_name (project));
  set_string_or_null (object, "created", tandem_project_get_created_at (project));
  set_string_or_null (object, "updated", tandem_project_get_updated_at (project));
  return object;
}

static JsonObject *
member_to_json (TandemProjectMember *member)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "user_id", tandem_project_member_get_user_id (member));
  json_object_set_string_member (object, "login", tandem_project_member_get_login (member));
  set_string_or_null (object, "name", tandem_project_member_get_name (member));
  set_string_or_null (object, "role", tandem_project_member_get_role (member));
  set_string_or_null (object, "added", tandem_project_member_get_added_at (member));
  return object;
}

static JsonObject *
task_to_json (Names      *names,
              TandemTask *task)
{
  JsonObject *object = json_object_new ();
  const gint64 *group_ids;
  guint n_groups;

  json_object_set_int_member (object, "id", tandem_record_get_id (TANDEM_RECORD (task)));
  json_object_set_string_member (object, "type", "task");
  json_object_set_int_member (object, "project_id", tandem_task_get_project_id (task));
  set_string_or_null (object, "project", tandem_task_get_project_name (task));
  json_object_set_string_member (object, "title", tandem_task_get_title (task));
  set_string_or_null (object, "description", tandem_task_get_description (task));
  set_string_or_null (object, "responsible", user_login (names, tandem_task_get_responsible_id (task)));
  set_string_or_null (object, "responsible_name", tandem_task_get_responsible_name (task));
  set_string_or_null (object, "due", tandem_task_get_due (task));
  json_object_set_string_member (object, "state", tandem_task_state_to_string (tandem_task_get_state (task)));
  json_object_set_string_member (object, "visibility",
                                 tandem_visibility_to_string (tandem_task_get_visibility (task)));
  group_ids = tandem_task_get_group_ids (task, &n_groups);
  json_object_set_array_member (object, "groups", group_names_to_json (names, group_ids, n_groups));
  set_string_or_null (object, "author", user_login (names, tandem_task_get_author_id (task)));
  set_string_or_null (object, "completed", tandem_task_get_completed_at (task));
  set_string_or_null (object, "updated", tandem_task_get_updated_at (task));
  return object;
}

static void
print_project (Names         *names,
               TandemProject *project)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tandem_record_get_id (TANDEM_RECORD (project)));
  g_autofree char *company_id = NULL;
  g_autofree char *company = NULL;
  g_autofree char *visible_to = NULL;
  const gint64 *group_ids;
  guint n_groups;

  company_id = g_strdup_printf ("%" G_GINT64_FORMAT, tandem_project_get_company_id (project));
  /* Translators: a company's name and id, e.g. "Acme Oy (id 4)". */
  company = g_strdup_printf (_("%s (id %s)"), tandem_project_get_company_name (project), company_id);
  group_ids = tandem_project_get_group_ids (project, &n_groups);
  visible_to = describe_visibility (names, tandem_project_get_visibility (project), group_ids, n_groups);

  tandem_cli_print_value (_("Id"), id);
  tandem_cli_print_value (_("Name"), tandem_project_get_name (project));
  tandem_cli_print_value (_("Company"), company);
  if (tandem_project_get_is_sale (project))
    {
      g_autofree char *value = format_money_with_currency (tandem_project_get_value (project),
                                                           tandem_project_get_currency (project));
      g_autofree char *weighted = format_money_with_currency (tandem_project_get_weighted_value (project),
                                                              tandem_project_get_currency (project));
      /* Translators: a probability, "40 %" */
      g_autofree char *probability = g_strdup_printf (_("%d %%"), tandem_project_get_probability (project));

      tandem_cli_print_value (_("Sales project"),
                              tandem_project_get_is_delivery (project) ? _("Won, now a delivery project") : _("Yes"));
      tandem_cli_print_value (_("Stage"), tandem_project_get_stage_name (project));
      tandem_cli_print_value (_("State"), tandem_sale_state_get_label (tandem_project_get_state (project)));
      tandem_cli_print_value (_("Seller"), tandem_project_get_seller_name (project));
      tandem_cli_print_value (_("Value"), value);
      tandem_cli_print_value (_("Probability"), probability);
      tandem_cli_print_value (_("Weighted value"), weighted);
      tandem_cli_print_value (_("Expected closing"), tandem_project_get_close_date (project));
      tandem_cli_print_value (_("Product"), tandem_project_get_product_name (project));
      tandem_cli_print_value (_("Campaign"), tandem_project_get_campaign (project));
    }
  tandem_cli_print_value (_("Visible to"), visible_to);
  tandem_cli_print_value (_("Description"), tandem_project_get_description (project));
}

static void
print_project_line (TandemProject *project)
{
  g_autofree char *name = tandem_cli_dup_one_line (tandem_project_get_name (project));
  g_autofree char *company = tandem_cli_dup_one_line (tandem_project_get_company_name (project));

  if (tandem_project_get_is_sale (project))
    {
      g_autofree char *stage = tandem_cli_dup_one_line (tandem_project_get_stage_name (project));
      g_autofree char *seller = tandem_cli_dup_one_line (tandem_project_get_seller_name (project));
      g_autofree char *value = format_money_with_currency (tandem_project_get_value (project),
                                                           tandem_project_get_currency (project));
      const char *close_date = tandem_project_get_close_date (project);

      tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n",
                        tandem_record_get_id (TANDEM_RECORD (project)), name, company, stage, seller,
                        value, tandem_project_get_probability (project), close_date ? close_date : "");
    }
  else
    tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\n",
                      tandem_record_get_id (TANDEM_RECORD (project)), name, company);
}

static void
print_task_line (TandemTask *task)
{
  g_autofree char *title = tandem_cli_dup_one_line (tandem_task_get_title (task));
  g_autofree char *project = tandem_cli_dup_one_line (tandem_task_get_project_name (task));
  g_autofree char *responsible = tandem_cli_dup_one_line (tandem_task_get_responsible_name (task));
  const char *due = tandem_task_get_due (task);

  tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n",
                    tandem_record_get_id (TANDEM_RECORD (task)),
                    tandem_task_state_to_string (tandem_task_get_state (task)),
                    due ? due : "", responsible, project, title);
}

/* project show, sale show (SPEC H4): the project with its team, tasks,
 * notes and activities, each as far as the user may see it. */
static gboolean
show_project (TandemCli  *cli,
              gint64      id,
              gboolean    only_sale,
              GError    **error)
{
  g_auto(Names) names = { 0 };
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(JsonObject) object = NULL;

  project = tandem_store_get_project (cli->store, id, error);
  if (project == NULL)
    return FALSE;
  if (only_sale && !tandem_project_get_is_sale (project))
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Project %s is not a sales project; see “tandem-cli project show %s”"), id_text, id_text);
      return FALSE;
    }
  if (!load_names (cli, &names, error))
    return FALSE;
  members = tandem_store_list_project_members (cli->store, id, error);
  if (members == NULL)
    return FALSE;
  tasks = tandem_store_list_tasks (cli->store, id, error);
  if (tasks == NULL)
    return FALSE;
  notes = tandem_store_list_notes (cli->store, TANDEM_KIND_PROJECT, id, error);
  if (notes == NULL)
    return FALSE;

  if (cli->json)
    {
      JsonArray *array;

      object = project_to_json (&names, project);
      array = json_array_new ();
      for (guint i = 0; i < members->len; i++)
        json_array_add_object_element (array, member_to_json (g_ptr_array_index (members, i)));
      json_object_set_array_member (object, "team", array);
      array = json_array_new ();
      for (guint i = 0; i < tasks->len; i++)
        json_array_add_object_element (array, task_to_json (&names, g_ptr_array_index (tasks, i)));
      json_object_set_array_member (object, "tasks", array);
      array = json_array_new ();
      for (guint i = 0; i < notes->len; i++)
        json_array_add_object_element (array, tandem_cli_note_to_json (g_ptr_array_index (notes, i), names.groups));
      json_object_set_array_member (object, "notes", array);
      if (!tandem_cli_show_project_activities (cli, id, object, error))
        return FALSE;
      tandem_cli_print_json (g_steal_pointer (&object));
      return TRUE;
    }

  print_project (&names, project);
  if (members->len > 0)
    {
      tandem_cli_print ("%s\n", _("Team:"));
      for (guint i = 0; i < members->len; i++)
        {
          TandemProjectMember *member = g_ptr_array_index (members, i);
          g_autofree char *name = tandem_cli_dup_one_line (tandem_project_member_get_name (member));
          g_autofree char *role = tandem_cli_dup_one_line (tandem_project_member_get_role (member));

          tandem_cli_print ("  %s\t%s\t%s\n", tandem_project_member_get_login (member), name, role);
        }
    }
  if (tasks->len > 0)
    {
      tandem_cli_print ("%s\n", _("Tasks:"));
      for (guint i = 0; i < tasks->len; i++)
        {
          tandem_cli_print ("  ");
          print_task_line (g_ptr_array_index (tasks, i));
        }
    }
  if (notes->len > 0)
    {
      tandem_cli_print ("%s\n", _("Notes:"));
      for (guint i = 0; i < notes->len; i++)
        {
          tandem_cli_print ("  ");
          tandem_cli_print_note_line (g_ptr_array_index (notes, i), names.groups);
        }
    }
  return tandem_cli_show_project_activities (cli, id, NULL, error);
}

/* Saves a new project with its first members, all or nothing. */
static gint64
save_new_project (TandemCli      *cli,
                  TandemProject  *project,
                  GArray         *member_ids,
                  GError        **error)
{
  gint64 id;

  if (!tandem_store_begin (cli->store, error))
    return 0;
  id = tandem_store_save_project (cli->store, project, error);
  if (id == 0)
    goto fail;
  for (guint i = 0; i < member_ids->len; i++)
    {
      gint64 user_id = g_array_index (member_ids, gint64, i);

      if (tandem_store_is_project_member (cli->store, id, user_id))
        continue;
      if (!tandem_store_add_project_member (cli->store, id, user_id, NULL, error))
        goto fail;
    }
  if (!tandem_store_commit (cli->store, error))
    return 0;
  return id;

fail:
  tandem_store_rollback (cli->store);
  return 0;
}

static gboolean
print_new_id (TandemCli  *cli,
              gint64      id,
              GError    **error)
{
  if (cli->json)
    return show_project (cli, id, FALSE, error);
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

/* project add */

gboolean
tandem_cli_project_add (TandemCli  *cli,
                        GError    **error)
{
  g_auto(Names) names = { 0 };
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GArray) member_ids = NULL;
  g_autoptr(GArray) group_ids = NULL;
  g_autofree char *company_text = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) members = NULL;
  g_auto(GStrv) visible_to = NULL;
  g_auto(GStrv) teams = NULL;
  TandemVisibility visibility;
  gint64 company_id;
  gint64 id;
  const GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_FILENAME, &company_text, N_("The id of the customer (needed)"),
      C_("metavariable", "ID") },
    { "member", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &members,
      N_("A member of the project’s team; repeat for several (you are one anyway)"), C_("metavariable", "LOGIN") },
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &description, N_("What the project is about"),
      C_("metavariable", "TEXT") },
    { "visible-to", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &visible_to,
      N_("Who may see the project: “everyone” who may see the customer (the default), "
         "“team”, or the name of a group; repeat for several groups"), C_("metavariable", "WHO") },
    { "team", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &teams,
      N_("A group that may see the project, as --visible-to GROUP; repeat for several"), C_("metavariable", "GROUP") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, C_("metavariable", "NAME"),
                         _("Add a delivery project of a customer and print its id. "
                           "You become a member of its team, with those named by --member."),
                         entries, TRUE, 1, 1, error))
    return FALSE;
  if (company_text == NULL)
    return tandem_cli_usage_error (error, _("“project add” needs --company ID"));
  if (!tandem_cli_parse_id (company_text, "--company", &company_id, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  member_ids = resolve_logins (cli, &names, members, error);
  if (member_ids == NULL ||
      !tandem_cli_resolve_visibility (cli, visible_to, teams, FALSE, PROJECT_VISIBILITIES, TRUE,
                                      TANDEM_VISIBILITY_EVERYONE, &visibility, &group_ids, error))
    return FALSE;

  project = tandem_project_new (company_id, cli->args[1]);
  if (description != NULL)
    tandem_project_set_description (project, description);
  tandem_project_set_visibility (project, visibility);
  tandem_project_set_group_ids (project, (const gint64 *) (gpointer) group_ids->data, group_ids->len);

  id = save_new_project (cli, project, member_ids, error);
  if (id == 0)
    return FALSE;
  return print_new_id (cli, id, error);
}

gboolean
tandem_cli_project_show (TandemCli  *cli,
                         GError    **error)
{
  gint64 id;

  if (!parse_project_id (cli, _("Show a project or sales project with its team, tasks, notes and activities, "
                                "as far as you may see them."), NULL, &id, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  return show_project (cli, id, FALSE, error);
}

gboolean
tandem_cli_sale_show (TandemCli  *cli,
                      GError    **error)
{
  gint64 id;

  if (!parse_project_id (cli, _("Show a sales project with its team, tasks, notes and activities, "
                                "as far as you may see them."), NULL, &id, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  return show_project (cli, id, TRUE, error);
}

/* project list, sale list: page by page, so that memory stays flat. */
static gboolean
list_projects (TandemCli          *cli,
               TandemProjectQuery *query,
               GError            **error)
{
  g_auto(Names) names = { 0 };
  TandemCliList list;

  if (cli->json && !load_names (cli, &names, error))
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  query->limit = PAGE_SIZE;
  for (query->offset = 0;; query->offset += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) page = tandem_store_list_projects (cli->store, query, error);

      if (page == NULL)
        {
          tandem_cli_list_end (&list);
          return FALSE;
        }
      for (guint i = 0; i < page->len; i++)
        {
          if (cli->json)
            tandem_cli_list_add_json (&list, project_to_json (&names, g_ptr_array_index (page, i)));
          else
            print_project_line (g_ptr_array_index (page, i));
        }
      fflush (stdout);
      if (page->len < PAGE_SIZE)
        break;
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

/* campaign show (SPEC I3): the campaign's sales projects */
gboolean
tandem_cli_show_campaign_sales (TandemCli   *cli,
                                gint64       campaign_id,
                                JsonObject  *object,
                                GError     **error)
{
  g_auto(Names) names = { 0 };
  TandemProjectQuery query = { 0 };
  JsonArray *array = NULL;
  gboolean printed_heading = FALSE;

  if (object != NULL && !load_names (cli, &names, error))
    return FALSE;

  query.of = TANDEM_PROJECTS_SALES;
  query.campaign_id = campaign_id;
  query.limit = PAGE_SIZE;
  if (object != NULL)
    array = json_array_new ();
  for (query.offset = 0;; query.offset += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) page = tandem_store_list_projects (cli->store, &query, error);

      if (page == NULL)
        {
          g_clear_pointer (&array, json_array_unref);
          return FALSE;
        }
      for (guint i = 0; i < page->len; i++)
        {
          if (array != NULL)
            json_array_add_object_element (array, project_to_json (&names, g_ptr_array_index (page, i)));
          else
            {
              if (!printed_heading)
                tandem_cli_print ("%s\n", _("Sales projects:"));
              printed_heading = TRUE;
              tandem_cli_print ("  ");
              print_project_line (g_ptr_array_index (page, i));
            }
        }
      if (page->len < PAGE_SIZE)
        break;
    }
  if (array != NULL)
    json_object_set_array_member (object, "sales", array);
  return TRUE;
}

gboolean
tandem_cli_project_list (TandemCli  *cli,
                         GError    **error)
{
  TandemProjectQuery query = { 0 };
  g_autofree char *company_text = NULL;
  g_autofree char *text = NULL;
  gboolean sales = FALSE;
  gboolean delivery = FALSE;
  gboolean mine = FALSE;
  const GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_FILENAME, &company_text, N_("The projects of one customer"),
      C_("metavariable", "ID") },
    { "sales", 0, 0, G_OPTION_ARG_NONE, &sales, N_("Sales projects only"), NULL },
    { "delivery", 0, 0, G_OPTION_ARG_NONE, &delivery, N_("Delivery projects only (won sales among them)"), NULL },
    { "mine", 0, 0, G_OPTION_ARG_NONE, &mine, N_("Projects whose team you are in"), NULL },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text, N_("Projects whose name, customer or campaign has TEXT"),
      C_("metavariable", "TEXT") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("List the projects you may see: id, name and customer, and for a sales project "
                           "its stage, seller, value, probability and expected closing date."),
                         entries, TRUE, 0, 0, error))
    return FALSE;
  if (sales && delivery)
    return tandem_cli_usage_error (error, _("Give either --sales or --delivery, not both"));
  if (company_text != NULL && !tandem_cli_parse_id (company_text, "--company", &query.company_id, error))
    return FALSE;
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  query.of = sales ? TANDEM_PROJECTS_SALES : delivery ? TANDEM_PROJECTS_DELIVERY : TANDEM_PROJECTS_ALL;
  query.text = text;
  if (mine)
    query.member_id = tandem_user_get_id (tandem_store_get_user (cli->store));
  return list_projects (cli, &query, error);
}

gboolean
tandem_cli_sale_list (TandemCli  *cli,
                      GError    **error)
{
  g_auto(Names) names = { 0 };
  g_autoptr(TandemStage) stage = NULL;
  g_autoptr(TandemProduct) product = NULL;
  TandemProjectQuery query = { 0 };
  g_autofree char *company_text = NULL;
  g_autofree char *stage_text = NULL;
  g_autofree char *seller_text = NULL;
  g_autofree char *product_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean open_only = FALSE;
  const GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_FILENAME, &company_text, N_("The sales of one customer"),
      C_("metavariable", "ID") },
    { "stage", 0, 0, G_OPTION_ARG_FILENAME, &stage_text, N_("The sales at a stage, by name or id"),
      C_("metavariable", "STAGE") },
    { "seller", 0, 0, G_OPTION_ARG_FILENAME, &seller_text, N_("The sales of a seller"), C_("metavariable", "LOGIN") },
    { "product", 0, 0, G_OPTION_ARG_FILENAME, &product_text, N_("The sales of a product"),
      C_("metavariable", "PRODUCT") },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, N_("Open sales only, neither won nor lost"), NULL },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from_text, N_("Expected to close on this day or later"),
      C_("metavariable", "DATE") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to_text, N_("Expected to close up to and including this day"),
      C_("metavariable", "DATE") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("List the sales projects you may see by expected closing date: id, name, customer, "
                           "stage, seller, value, probability and expected closing date."),
                         entries, TRUE, 0, 0, error))
    return FALSE;
  if (company_text != NULL && !tandem_cli_parse_id (company_text, "--company", &query.company_id, error))
    return FALSE;
  if ((from_text != NULL || to_text != NULL) &&
      !tandem_cli_parse_day_range (from_text, to_text, &from, &to, error))
    return FALSE;
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  if (stage_text != NULL)
    {
      stage = find_stage (cli, stage_text, error);
      if (stage == NULL)
        return FALSE;
      query.stage_id = tandem_stage_get_id (stage);
    }
  if (seller_text != NULL)
    {
      TandemUser *seller = find_user (cli, &names, seller_text, error);

      if (seller == NULL)
        return FALSE;
      query.seller_id = tandem_user_get_id (seller);
    }
  if (product_text != NULL)
    {
      product = find_product (cli, product_text, error);
      if (product == NULL)
        return FALSE;
      query.product_id = tandem_product_get_id (product);
    }
  query.of = TANDEM_PROJECTS_SALES;
  query.open_only = open_only;
  query.close_from = from;
  query.close_to = to;
  return list_projects (cli, &query, error);
}

/* project member add, project member remove (SPEC H2) */

static gboolean
parse_member (TandemCli           *cli,
              Names               *names,
              const char          *summary,
              const GOptionEntry  *entries,
              gint64              *project_id,
              gint64              *user_id,
              GError             **error)
{
  TandemUser *user;

  if (!tandem_cli_parse (cli, C_("metavariable", "ID LOGIN"), summary, entries, FALSE, 2, 2, error) ||
      !tandem_cli_parse_id (cli->args[1], "ID", project_id, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  user = find_user (cli, names, cli->args[2], error);
  if (user == NULL)
    return FALSE;
  *user_id = tandem_user_get_id (user);
  return TRUE;
}

gboolean
tandem_cli_project_member_add (TandemCli  *cli,
                               GError    **error)
{
  g_auto(Names) names = { 0 };
  g_autofree char *role = NULL;
  gint64 project_id;
  gint64 user_id;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_FILENAME, &role, N_("Their role in the project, e.g. “Project manager”"),
      C_("metavariable", "ROLE") },
    { NULL }
  };

  if (!parse_member (cli, &names,
                     _("Add a user to a project’s team. They see what is shared with the team, "
                       "never what is restricted to groups they are not in."),
                     entries, &project_id, &user_id, error))
    return FALSE;
  return tandem_store_add_project_member (cli->store, project_id, user_id, role, error);
}

gboolean
tandem_cli_project_member_remove (TandemCli  *cli,
                                  GError    **error)
{
  g_auto(Names) names = { 0 };
  gint64 project_id;
  gint64 user_id;

  if (!parse_member (cli, &names, _("Remove a user from a project’s team."), NULL, &project_id, &user_id, error))
    return FALSE;
  return tandem_store_remove_project_member (cli->store, project_id, user_id, error);
}

/* sale add, move, win, lose (SPEC H1, H2) */

typedef struct
{
  char  *company;
  char  *title;
  char  *value;
  char  *currency;
  char  *close;
  char  *probability;
  char  *stage;
  char  *seller;
  char  *product;
  char  *campaign;
  char  *description;
  char **members;
  char **visible_to;
  char **teams;
} SaleOptions;

static void
sale_options_clear (SaleOptions *o)
{
  g_free (o->company);
  g_free (o->title);
  g_free (o->value);
  g_free (o->currency);
  g_free (o->close);
  g_free (o->probability);
  g_free (o->stage);
  g_free (o->seller);
  g_free (o->product);
  g_free (o->campaign);
  g_free (o->description);
  g_strfreev (o->members);
  g_strfreev (o->visible_to);
  g_strfreev (o->teams);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaleOptions, sale_options_clear)

/* The first stage on the board that is still open: where a sale starts. */
static TandemStage *
first_open_stage (TandemCli  *cli,
                  GError    **error)
{
  g_autoptr(GPtrArray) stages = tandem_store_list_stages (cli->store, error);

  if (stages == NULL)
    return NULL;
  for (guint i = 0; i < stages->len; i++)
    if (tandem_stage_get_outcome (g_ptr_array_index (stages, i)) == TANDEM_SALE_OPEN)
      return g_object_ref (g_ptr_array_index (stages, i));
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("There is no open sales stage"));
  return NULL;
}

gboolean
tandem_cli_sale_add (TandemCli  *cli,
                     GError    **error)
{
  g_auto(SaleOptions) o = { 0 };
  g_auto(Names) names = { 0 };
  g_autoptr(TandemProject) sale = NULL;
  g_autoptr(TandemStage) stage = NULL;
  g_autoptr(TandemProduct) product = NULL;
  g_autoptr(GArray) member_ids = NULL;
  g_autoptr(GArray) group_ids = NULL;
  g_autofree char *close_date = NULL;
  g_autofree char *currency = NULL;
  TandemVisibility visibility;
  gint64 company_id;
  gint64 value = 0;
  gint64 seller_id;
  int probability = -1;
  gint64 id;
  const GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_FILENAME, &o.company, N_("The id of the customer (needed)"),
      C_("metavariable", "ID") },
    /* Translators: stands for the title of a sale in "--title=TITLE" */
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &o.title, N_("The name of the sale (needed)"),
      C_("metavariable", "TITLE") },
    { "value", 0, 0, G_OPTION_ARG_FILENAME, &o.value, N_("The value, like 12500 or 12500.50"),
      C_("metavariable", "AMOUNT") },
    { "currency", 0, 0, G_OPTION_ARG_FILENAME, &o.currency, N_("The currency of the value (default: EUR)"),
      /* Translators: stands for a currency code such as EUR in "--currency=CODE" */
      C_("currency metavariable", "CODE") },
    { "close", 0, 0, G_OPTION_ARG_FILENAME, &o.close, N_("The expected closing date"),
      C_("metavariable", "YYYY-MM-DD") },
    { "probability", 0, 0, G_OPTION_ARG_FILENAME, &o.probability,
      N_("The probability in percent (default: the stage’s)"), C_("metavariable", "0–100") },
    { "stage", 0, 0, G_OPTION_ARG_FILENAME, &o.stage,
      N_("The stage, by name or id (default: the first one, Lead)"), C_("metavariable", "STAGE") },
    { "seller", 0, 0, G_OPTION_ARG_FILENAME, &o.seller, N_("The responsible seller (default: you)"),
      C_("metavariable", "LOGIN") },
    { "product", 0, 0, G_OPTION_ARG_FILENAME, &o.product, N_("The product, by name"), C_("metavariable", "PRODUCT") },
    { "campaign", 0, 0, G_OPTION_ARG_FILENAME, &o.campaign, N_("The campaign the sale came from"),
      C_("metavariable", "CAMPAIGN") },
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &o.description, N_("What the sale is about"),
      C_("metavariable", "TEXT") },
    { "member", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.members,
      N_("A member of the sale’s team; repeat for several (you are one anyway)"), C_("metavariable", "LOGIN") },
    { "visible-to", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.visible_to,
      N_("Who may see the sale: “everyone” who may see the customer (the default), "
         "“team”, or the name of a group; repeat for several groups"), C_("metavariable", "WHO") },
    { "team", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.teams,
      N_("A group that may see the sale, as --visible-to GROUP; repeat for several"), C_("metavariable", "GROUP") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("Add a sales project and print its id. Only the customer and the title are needed."),
                         entries, TRUE, 0, 0, error))
    return FALSE;
  if (o.company == NULL)
    return tandem_cli_usage_error (error, _("“sale add” needs --company ID"));
  if (o.title == NULL)
    return tandem_cli_usage_error (error, _("“sale add” needs --title TITLE"));
  /* Everything the command line says is checked before signing in. */
  if (!tandem_cli_parse_id (o.company, "--company", &company_id, error) ||
      (o.value != NULL && !parse_money (o.value, &value, error)) ||
      (o.currency != NULL && !parse_currency (o.currency, &currency, error)) ||
      (o.close != NULL && !parse_date (o.close, "--close", &close_date, error)) ||
      (o.probability != NULL && !parse_probability (o.probability, &probability, error)))
    return FALSE;
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  stage = o.stage != NULL ? find_stage (cli, o.stage, error) : first_open_stage (cli, error);
  if (stage == NULL)
    return FALSE;
  if (o.seller != NULL)
    {
      TandemUser *seller = find_user (cli, &names, o.seller, error);

      if (seller == NULL)
        return FALSE;
      seller_id = tandem_user_get_id (seller);
    }
  else
    seller_id = tandem_user_get_id (tandem_store_get_user (cli->store));
  if (o.product != NULL)
    {
      product = find_product (cli, o.product, error);
      if (product == NULL)
        return FALSE;
    }
  member_ids = resolve_logins (cli, &names, o.members, error);
  if (member_ids == NULL ||
      !tandem_cli_resolve_visibility (cli, o.visible_to, o.teams, FALSE, PROJECT_VISIBILITIES, TRUE,
                                      TANDEM_VISIBILITY_EVERYONE, &visibility, &group_ids, error))
    return FALSE;

  sale = tandem_project_new_sale (company_id, o.title, tandem_stage_get_id (stage));
  tandem_project_set_value (sale, value);
  if (currency != NULL)
    tandem_project_set_currency (sale, currency);
  if (close_date != NULL)
    tandem_project_set_close_date (sale, close_date);
  tandem_project_set_probability (sale, probability);
  tandem_project_set_seller_id (sale, seller_id);
  if (product != NULL)
    tandem_project_set_product_id (sale, tandem_product_get_id (product));
  if (o.campaign != NULL)
    tandem_project_set_campaign (sale, o.campaign);
  if (o.description != NULL)
    tandem_project_set_description (sale, o.description);
  tandem_project_set_visibility (sale, visibility);
  tandem_project_set_group_ids (sale, (const gint64 *) (gpointer) group_ids->data, group_ids->len);

  id = save_new_project (cli, sale, member_ids, error);
  if (id == 0)
    return FALSE;
  return print_new_id (cli, id, error);
}

gboolean
tandem_cli_sale_move (TandemCli  *cli,
                      GError    **error)
{
  g_autoptr(TandemStage) stage = NULL;
  g_autofree char *stage_text = NULL;
  gint64 id;
  const GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_FILENAME, &stage_text, N_("The new stage, by name or id (needed)"),
      C_("metavariable", "STAGE") },
    { NULL }
  };

  if (!parse_project_id (cli, _("Move a sale to another stage; it takes that stage’s probability. "
                                "A sale moved to a won stage becomes a delivery project."),
                         entries, &id, error))
    return FALSE;
  if (stage_text == NULL)
    return tandem_cli_usage_error (error, _("“sale move” needs --stage STAGE"));
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;
  stage = find_stage (cli, stage_text, error);
  if (stage == NULL ||
      !tandem_store_move_sale (cli->store, id, tandem_stage_get_id (stage), error))
    return FALSE;
  return cli->json ? show_project (cli, id, TRUE, error) : TRUE;
}

static gboolean
close_sale (TandemCli        *cli,
            TandemSaleState   state,
            const char       *summary,
            GError          **error)
{
  gint64 id;

  if (!parse_project_id (cli, summary, NULL, &id, error) ||
      !tandem_cli_sign_in (cli, error) ||
      !tandem_store_close_sale (cli->store, id, state, error))
    return FALSE;
  return cli->json ? show_project (cli, id, TRUE, error) : TRUE;
}

gboolean
tandem_cli_sale_win (TandemCli  *cli,
                     GError    **error)
{
  return close_sale (cli, TANDEM_SALE_WON,
                     _("Mark a sale won: it moves to the won stage and becomes a delivery project, "
                       "keeping its team, notes and activities."), error);
}

gboolean
tandem_cli_sale_lose (TandemCli  *cli,
                      GError    **error)
{
  return close_sale (cli, TANDEM_SALE_LOST, _("Mark a sale lost: it moves to the lost stage."), error);
}

/* task add, list, done, cancel (SPEC H3, E4) */

gboolean
tandem_cli_task_add (TandemCli  *cli,
                     GError    **error)
{
  g_auto(Names) names = { 0 };
  g_autoptr(TandemTask) task = NULL;
  g_autoptr(GArray) group_ids = NULL;
  g_autofree char *project_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *due = NULL;
  g_autofree char *responsible = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) visible_to = NULL;
  g_auto(GStrv) teams = NULL;
  gboolean is_private = FALSE;
  TandemVisibility visibility;
  gint64 project_id;
  gint64 id;
  const GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &project_text, N_("The id of the project (needed)"),
      C_("metavariable", "ID") },
    /* Translators: stands for the title of a task in "--title=TITLE" */
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title, N_("What is to be done (needed)"),
      C_("metavariable", "TITLE") },
    { "due", 0, 0, G_OPTION_ARG_FILENAME, &due_text, N_("When it is due"), C_("metavariable", "YYYY-MM-DD") },
    { "responsible", 0, 0, G_OPTION_ARG_FILENAME, &responsible,
      N_("Who is responsible for it; a member of the team"), C_("metavariable", "LOGIN") },
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &description, N_("More about the task"), C_("metavariable", "TEXT") },
    { "visible-to", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &visible_to,
      N_("Which of the team may see it: “team” (the default), “private” (you and the responsible "
         "person) or the name of a group; repeat for several groups"), C_("metavariable", "WHO") },
    { "team", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &teams,
      N_("A group of the team that may see it, as --visible-to GROUP"), C_("metavariable", "GROUP") },
    { "private", 0, 0, G_OPTION_ARG_NONE, &is_private, N_("Only you and the responsible person may see it"),
      NULL },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("Add a task to a project and print its id. Only the project’s team sees its tasks."),
                         entries, FALSE, 0, 0, error))
    return FALSE;
  if (project_text == NULL)
    return tandem_cli_usage_error (error, _("“task add” needs --project ID"));
  if (title == NULL)
    return tandem_cli_usage_error (error, _("“task add” needs --title TITLE"));
  if (!tandem_cli_parse_id (project_text, "--project", &project_id, error) ||
      (due_text != NULL && !parse_date (due_text, "--due", &due, error)) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  if (!tandem_cli_resolve_visibility (cli, visible_to, teams, is_private, TASK_VISIBILITIES, TRUE,
                                      TANDEM_VISIBILITY_TEAM, &visibility, &group_ids, error))
    return FALSE;

  task = tandem_task_new (project_id, title);
  if (due != NULL)
    tandem_task_set_due (task, due);
  if (description != NULL)
    tandem_task_set_description (task, description);
  if (responsible != NULL)
    {
      TandemUser *user = find_user (cli, &names, responsible, error);

      if (user == NULL)
        return FALSE;
      tandem_task_set_responsible_id (task, tandem_user_get_id (user));
    }
  tandem_task_set_visibility (task, visibility);
  tandem_task_set_group_ids (task, (const gint64 *) (gpointer) group_ids->data, group_ids->len);

  id = tandem_store_save_task (cli->store, task, error);
  if (id == 0)
    return FALSE;
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

static void
add_tasks (TandemCliList *list,
           Names         *names,
           GPtrArray     *tasks,
           gboolean       json)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      if (json)
        tandem_cli_list_add_json (list, task_to_json (names, g_ptr_array_index (tasks, i)));
      else
        print_task_line (g_ptr_array_index (tasks, i));
    }
}

gboolean
tandem_cli_task_list (TandemCli  *cli,
                      GError    **error)
{
  g_auto(Names) names = { 0 };
  g_autofree char *project_text = NULL;
  gboolean mine = FALSE;
  gint64 project_id = 0;
  TandemCliList list;
  const GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &project_text, N_("The tasks of one project"), C_("metavariable", "ID") },
    { "mine", 0, 0, G_OPTION_ARG_NONE, &mine, N_("Your own open tasks in every project"), NULL },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("List the tasks you may see, open ones first: id, state, due date, responsible "
                           "person, project and title. Without --project, the tasks of every project "
                           "whose team you are in."),
                         entries, TRUE, 0, 0, error))
    return FALSE;
  if (project_text != NULL && mine)
    return tandem_cli_usage_error (error, _("Give either --project or --mine, not both"));
  if (project_text != NULL && !tandem_cli_parse_id (project_text, "--project", &project_id, error))
    return FALSE;
  if (!tandem_cli_sign_in (cli, error) ||
      (cli->json && !load_names (cli, &names, error)))
    return FALSE;

  if (project_id != 0 || mine)
    {
      g_autoptr(GPtrArray) tasks = NULL;

      /* A project the user may not see is "not found", as with show. */
      if (project_id != 0)
        {
          g_autoptr(TandemProject) project = tandem_store_get_project (cli->store, project_id, error);

          if (project == NULL)
            return FALSE;
          tasks = tandem_store_list_tasks (cli->store, project_id, error);
        }
      else
        tasks = tandem_store_list_my_tasks (cli->store, error);
      if (tasks == NULL)
        return FALSE;
      tandem_cli_list_begin (&list, cli->json);
      add_tasks (&list, &names, tasks, cli->json);
      tandem_cli_list_end (&list);
      return TRUE;
    }

  /* Tasks are seen by the team only (E4): walk the user's projects. */
  tandem_cli_list_begin (&list, cli->json);
  {
    TandemProjectQuery query = { 0 };

    query.member_id = tandem_user_get_id (tandem_store_get_user (cli->store));
    query.limit = PAGE_SIZE;
    for (query.offset = 0;; query.offset += PAGE_SIZE)
      {
        g_autoptr(GPtrArray) page = tandem_store_list_projects (cli->store, &query, error);

        if (page == NULL)
          {
            tandem_cli_list_end (&list);
            return FALSE;
          }
        for (guint i = 0; i < page->len; i++)
          {
            g_autoptr(GPtrArray) tasks = NULL;

            tasks = tandem_store_list_tasks (cli->store, tandem_record_get_id (g_ptr_array_index (page, i)), error);
            if (tasks == NULL)
              {
                tandem_cli_list_end (&list);
                return FALSE;
              }
            add_tasks (&list, &names, tasks, cli->json);
          }
        if (page->len < PAGE_SIZE)
          break;
      }
  }
  tandem_cli_list_end (&list);
  return TRUE;
}

static gboolean
set_task_state (TandemCli        *cli,
                TandemTaskState   state,
                const char       *summary,
                GError          **error)
{
  gint64 id;

  return tandem_cli_parse (cli, C_("metavariable", "ID"), summary, NULL, FALSE, 1, 1, error) &&
         tandem_cli_parse_id (cli->args[1], "ID", &id, error) &&
         tandem_cli_sign_in (cli, error) &&
         tandem_store_set_task_state (cli->store, id, state, error);
}

gboolean
tandem_cli_task_done (TandemCli  *cli,
                      GError    **error)
{
  return set_task_state (cli, TANDEM_TASK_DONE, _("Mark a project task done."), error);
}

gboolean
tandem_cli_task_cancel (TandemCli  *cli,
                        GError    **error)
{
  return set_task_state (cli, TANDEM_TASK_CANCELLED, _("Mark a project task cancelled."), error);
}

/* stage list, product add, product list (SPEC H1, L1) */

gboolean
tandem_cli_stage_list (TandemCli  *cli,
                       GError    **error)
{
  g_autoptr(GPtrArray) stages = NULL;
  TandemCliList list;

  if (!tandem_cli_parse (cli, "",
                         _("List the sales stages in board order: id, name, default probability and outcome."),
                         NULL, TRUE, 0, 0, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  stages = tandem_store_list_stages (cli->store, error);
  if (stages == NULL)
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint i = 0; i < stages->len; i++)
    {
      TandemStage *stage = g_ptr_array_index (stages, i);

      if (cli->json)
        {
          JsonObject *object = json_object_new ();

          json_object_set_int_member (object, "id", tandem_stage_get_id (stage));
          json_object_set_string_member (object, "name", tandem_stage_get_name (stage));
          set_string_or_null (object, "builtin", tandem_stage_get_builtin (stage));
          json_object_set_int_member (object, "probability", tandem_stage_get_probability (stage));
          json_object_set_string_member (object, "outcome",
                                         tandem_sale_state_to_string (tandem_stage_get_outcome (stage)));
          json_object_set_int_member (object, "position", tandem_stage_get_position (stage));
          tandem_cli_list_add_json (&list, object);
        }
      else
        {
          g_autofree char *name = tandem_cli_dup_one_line (tandem_stage_get_name (stage));

          tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%d\t%s\n", tandem_stage_get_id (stage), name,
                            tandem_stage_get_probability (stage),
                            tandem_sale_state_to_string (tandem_stage_get_outcome (stage)));
        }
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

gboolean
tandem_cli_product_add (TandemCli  *cli,
                        GError    **error)
{
  g_autoptr(TandemProduct) product = NULL;
  g_autofree char *group = NULL;
  gint64 id;
  const GOptionEntry entries[] = {
    { "group", 0, 0, G_OPTION_ARG_FILENAME, &group, N_("The product group"), C_("metavariable", "GROUP") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, C_("metavariable", "NAME"),
                         _("Add a product sales can name and print its id. "
                           "Only administrators can change the products."),
                         entries, FALSE, 1, 1, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  product = tandem_product_new (cli->args[1], group);
  id = tandem_store_save_product (cli->store, product, error);
  if (id == 0)
    return FALSE;
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

gboolean
tandem_cli_product_list (TandemCli  *cli,
                         GError    **error)
{
  g_autoptr(GPtrArray) products = NULL;
  gboolean all = FALSE;
  TandemCliList list;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Inactive products too"), NULL },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "", _("List the products: id, name and product group."),
                         entries, TRUE, 0, 0, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  products = tandem_store_list_products (cli->store, all, error);
  if (products == NULL)
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint i = 0; i < products->len; i++)
    {
      TandemProduct *product = g_ptr_array_index (products, i);

      if (cli->json)
        {
          JsonObject *object = json_object_new ();

          json_object_set_int_member (object, "id", tandem_product_get_id (product));
          json_object_set_string_member (object, "name", tandem_product_get_name (product));
          set_string_or_null (object, "group", tandem_product_get_group (product));
          json_object_set_boolean_member (object, "active", tandem_product_get_active (product));
          tandem_cli_list_add_json (&list, object);
        }
      else
        {
          g_autofree char *name = tandem_cli_dup_one_line (tandem_product_get_name (product));
          g_autofree char *group_name = tandem_cli_dup_one_line (tandem_product_get_group (product));

          tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", tandem_product_get_id (product), name, group_name);
        }
    }
  tandem_cli_list_end (&list);
  return TRUE;
}
