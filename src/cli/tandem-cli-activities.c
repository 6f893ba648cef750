/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-date.h"
#include "tandem-error.h"
#include "tandem-cli-private.h"
#include "tandem-report.h"

/* Activities (SPEC D1–D20): adding, showing, listing and completing them,
 * their discussion and timers, the time report, the administrator's
 * activity lists and the managers' sales targets. Everything is read
 * through the store, so what the signed-in user may not see (SPEC E)
 * never reaches the output. */

/* The longest reminder offered: a year before. */
#define MAX_REMINDER_MINUTES (366 * 24 * 60)
#define MAX_TARGET 100000

/* Users, groups and lists, read once per run when the output or an
 * option needs a name. */
typedef struct
{
  GPtrArray *users;
  GPtrArray *groups;
  GPtrArray *terms[TANDEM_N_TERM_SETS];
} Lookup;

static void
lookup_clear (Lookup *lookup)
{
  g_clear_pointer (&lookup->users, g_ptr_array_unref);
  g_clear_pointer (&lookup->groups, g_ptr_array_unref);
  for (guint i = 0; i < TANDEM_N_TERM_SETS; i++)
    g_clear_pointer (&lookup->terms[i], g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lookup, lookup_clear)

static GPtrArray *
lookup_users (TandemCli  *cli,
              Lookup     *lookup,
              GError    **error)
{
  if (lookup->users == NULL)
    lookup->users = tandem_store_list_users (cli->store, error);
  return lookup->users;
}

static GPtrArray *
lookup_terms (TandemCli      *cli,
              Lookup         *lookup,
              TandemTermSet   set,
              GError        **error)
{
  if (lookup->terms[set] == NULL)
    lookup->terms[set] = tandem_store_list_terms (cli->store, set, error);
  return lookup->terms[set];
}

static TandemUser *
user_by_id (Lookup *lookup,
            gint64  id)
{
  for (guint i = 0; id != 0 && lookup->users && i < lookup->users->len; i++)
    if (tandem_user_get_id (g_ptr_array_index (lookup->users, i)) == id)
      return g_ptr_array_index (lookup->users, i);
  return NULL;
}

static const char *
user_login (Lookup *lookup,
            gint64  id)
{
  TandemUser *user = user_by_id (lookup, id);

  return user ? tandem_user_get_login (user) : NULL;
}

static TandemUser *
find_user (TandemCli   *cli,
           Lookup      *lookup,
           const char  *login,
           GError     **error)
{
  GPtrArray *users = lookup_users (cli, lookup, error);

  if (users == NULL)
    return NULL;
  for (guint i = 0; i < users->len; i++)
    if (g_str_equal (tandem_user_get_login (g_ptr_array_index (users, i)), login))
      return g_ptr_array_index (users, i);
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
               _("There is no user with the login “%s”"), login);
  return NULL;
}

static TandemTerm *
term_by_id (Lookup        *lookup,
            TandemTermSet  set,
            gint64         id)
{
  GPtrArray *terms = lookup->terms[set];

  for (guint i = 0; id != 0 && terms && i < terms->len; i++)
    if (tandem_term_get_id (g_ptr_array_index (terms, i)) == id)
      return g_ptr_array_index (terms, i);
  return NULL;
}

static const char *
term_name (Lookup        *lookup,
           TandemTermSet  set,
           gint64         id)
{
  TandemTerm *term = term_by_id (lookup, set, id);

  return term ? tandem_term_get_name (term) : NULL;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_str_equal (fa, fb);
}

/* What the user named: an entry of the list by its id, its name as
 * shown, or the English name it was shipped with, so that scripts work
 * whatever the language. */
static TandemTerm *
find_term (TandemCli      *cli,
           Lookup         *lookup,
           TandemTermSet   set,
           const char     *text,
           GError        **error)
{
  static const char * const unknown[TANDEM_N_TERM_SETS] = {
    N_("There is no category “%s”; see “tandem-cli term list --set category”"),
    N_("There is no kind “%s”; see “tandem-cli term list --set kind”"),
    N_("There is no type “%s”; see “tandem-cli term list --set type”"),
    N_("There is no property “%s”; see “tandem-cli term list --set property”"),
    N_("There is no goal “%s”; see “tandem-cli term list --set goal”"),
    N_("There is no priority “%s”; see “tandem-cli term list --set priority”"),
  };
  GPtrArray *terms = lookup_terms (cli, lookup, set, error);
  guint64 id = 0;

  if (terms == NULL)
    return NULL;
  if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL) && term_by_id (lookup, set, id) != NULL)
    return term_by_id (lookup, set, id);
  for (guint i = 0; i < terms->len; i++)
    if (same_name (tandem_term_get_name (g_ptr_array_index (terms, i)), text))
      return g_ptr_array_index (terms, i);
  for (guint i = 0; i < terms->len; i++)
    if (same_name (tandem_term_get_builtin (g_ptr_array_index (terms, i)), text))
      return g_ptr_array_index (terms, i);
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _(unknown[set]), text);
  return NULL;
}

static const char *
group_name (Lookup *lookup,
            gint64  id)
{
  for (guint i = 0; lookup->groups && i < lookup->groups->len; i++)
    if (tandem_choice_get_id (g_ptr_array_index (lookup->groups, i)) == id)
      return tandem_choice_get_name (g_ptr_array_index (lookup->groups, i));
  return NULL;
}

/* Reading the command line */

static gboolean
parse_time_of_day (const char *text,
                   int        *hour,
                   int        *minute,
                   double     *second)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint n = g_strv_length (parts);
  guint64 values[3] = { 0, 0, 0 };
  const guint64 limits[3] = { 23, 59, 59 };

  if (n < 2 || n > 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (strlen (parts[i]) != 2 ||
        !g_ascii_string_to_unsigned (parts[i], 10, 0, limits[i], &values[i], NULL))
      return FALSE;
  *hour = values[0];
  *minute = values[1];
  *second = values[2];
  return TRUE;
}

/* "YYYY-MM-DD HH:MM" (or "YYYY-MM-DDTHH:MM", any date tandem_date_parse
 * reads, seconds optional) as a time in @tz. A date alone is accepted
 * when @had_time is given, and is then the start of that day. */
static GDateTime *
parse_date_time (const char  *text,
                 const char  *option,
                 GTimeZone   *tz,
                 gboolean    *had_time,
                 GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autofree char *date = NULL;
  char *time_part;
  int year, month, day;
  int hour = 0, minute = 0;
  double second = 0;
  GDateTime *result;

  time_part = strpbrk (copy, " T");
  if (time_part != NULL)
    {
      *time_part++ = '\0';
      while (*time_part == ' ')
        time_part++;
    }
  date = tandem_date_parse (copy);
  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3 ||
      (time_part != NULL && !parse_time_of_day (time_part, &hour, &minute, &second)))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("%s: “%s” is not a real date and time; write it like “2026-03-02 14:00”"),
                   option, text);
      return NULL;
    }
  if (time_part == NULL && had_time == NULL)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("%s needs a time as well as the date, like “%s 14:00”"), option, date);
      return NULL;
    }
  if (had_time != NULL)
    *had_time = time_part != NULL;

  result = g_date_time_new (tz, year, month, day, hour, minute, second);
  if (result == NULL)
    g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                 _("%s: “%s” is not a real date and time; write it like “2026-03-02 14:00”"),
                 option, text);
  return result;
}

/* --from and --to of listings and reports: a date covers the whole day,
 * so that "--from 2026-03-01 --to 2026-03-31" is all of March. */
static gboolean
parse_range (const char  *from_text,
             const char  *to_text,
             GDateTime  **from,
             GDateTime  **to,
             GError     **error)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  gboolean had_time = FALSE;

  if (from_text == NULL || to_text == NULL)
    return tandem_cli_usage_error (error, _("Give both --from DATE and --to DATE"));

  start = parse_date_time (from_text, "--from", tz, &had_time, error);
  if (start == NULL)
    return FALSE;
  end = parse_date_time (to_text, "--to", tz, &had_time, error);
  if (end == NULL)
    return FALSE;
  if (!had_time)
    {
      GDateTime *next_day = g_date_time_add_days (end, 1);

      g_date_time_unref (end);
      end = next_day;
    }
  if (g_date_time_compare (end, start) <= 0)
    return tandem_cli_usage_error (error, _("--to (%s) comes before --from (%s)"), to_text, from_text);

  *from = g_steal_pointer (&start);
  *to = g_steal_pointer (&end);
  return TRUE;
}

gboolean
tandem_cli_parse_day_range (const char  *from_text,
                            const char  *to_text,
                            char       **from,
                            char       **to,
                            GError     **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (!parse_range (from_text, to_text, &start, &end, error))
    return FALSE;
  /* The reports count whole days: a time of day would be silently lost. */
  if (g_date_time_get_hour (start) != 0 || g_date_time_get_minute (start) != 0 ||
      g_date_time_get_hour (end) != 0 || g_date_time_get_minute (end) != 0 ||
      g_date_time_get_second (start) != 0 || g_date_time_get_second (end) != 0)
    return tandem_cli_usage_error (error, _("This report takes days for --from and --to, like “2026-03-01”, without a time"));
  *from = g_date_time_format (start, "%Y-%m-%d");
  *to = g_date_time_format (end, "%Y-%m-%d");
  return TRUE;
}

static gboolean
parse_id_list (char        **texts,
               const char   *option,
               GArray       *ids,
               GError      **error)
{
  for (guint i = 0; texts && texts[i]; i++)
    {
      gint64 id;

      if (!tandem_cli_parse_id (texts[i], option, &id, error))
        return FALSE;
      g_array_append_val (ids, id);
    }
  return TRUE;
}

static gboolean
parse_term_set (const char     *text,
                TandemTermSet  *set,
                GError        **error)
{
  if (!tandem_term_set_from_string (text, set))
    return tandem_cli_usage_error (error,
                        _("--set is one of category, kind, type, property, goal and priority, not “%s”"),
                        text);
  return TRUE;
}

static gboolean
parse_period (const char    *text,
              TandemPeriod  *period,
              GError       **error)
{
  if (text == NULL || !tandem_period_from_string (text, period))
    return tandem_cli_usage_error (error, _("--per is “week” or “month”, not “%s”"), text ? text : "");
  return TRUE;
}

/* Printing */

static char *
dup_one_line (const char *text)
{
  char *line = g_strdup (text ? text : "");

  g_strdelimit (line, "\t\r\n", ' ');
  return line;
}

static void
print_value (const char *label,
             const char *value)
{
  g_autofree char *line = NULL;

  if (value == NULL || value[0] == '\0')
    return;
  line = dup_one_line (value);
  tandem_cli_print (C_("label and value", "%s: %s"), label, line);
  tandem_cli_print ("\n");
}

/* ISO 8601 with the offset, "2026-03-02T14:00:00+02:00". */
static char *
format_iso (GDateTime *time)
{
  return time ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

static char *
format_local (GDateTime *time)
{
  return time ? g_date_time_format (time, "%Y-%m-%d %H:%M %Z") : NULL;
}

static char *
format_duration (gint64 seconds)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                          (int) (seconds / 60 % 60), (int) (seconds % 60));
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
set_time (JsonObject *object,
          const char *key,
          GDateTime  *time)
{
  g_autofree char *text = format_iso (time);

  set_string_or_null (object, key, text);
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

static const char *
outcome_or_null (TandemOutcome outcome)
{
  return outcome == TANDEM_OUTCOME_NONE ? NULL : tandem_outcome_to_string (outcome);
}

/* Reads every list and the users, so that the names of an activity can
 * be printed. */
static gboolean
load_names (TandemCli  *cli,
            Lookup     *lookup,
            GError    **error)
{
  if (lookup_users (cli, lookup, error) == NULL)
    return FALSE;
  if (lookup->groups == NULL && (lookup->groups = tandem_store_list_groups (cli->store, error)) == NULL)
    return FALSE;
  for (guint set = 0; set < TANDEM_N_TERM_SETS; set++)
    if (lookup_terms (cli, lookup, set, error) == NULL)
      return FALSE;
  return TRUE;
}

static JsonObject *
activity_to_json (Lookup         *lookup,
                  TandemActivity *activity)
{
  JsonObject *object = json_object_new ();
  const char * const *person_names = tandem_activity_get_person_names (activity);
  const TandemReminder *reminders;
  const gint64 *ids;
  JsonArray *array;
  guint n;

  json_object_set_int_member (object, "id", tandem_record_get_id (TANDEM_RECORD (activity)));
  set_string_or_null (object, "tracking", tandem_activity_get_tracking (activity));
  json_object_set_string_member (object, "title", tandem_activity_get_title (activity));
  set_id_or_null (object, "category_id", tandem_activity_get_category_id (activity));
  set_string_or_null (object, "category",
                      term_name (lookup, TANDEM_TERM_CATEGORY, tandem_activity_get_category_id (activity))
                        ? term_name (lookup, TANDEM_TERM_CATEGORY, tandem_activity_get_category_id (activity))
                        : tandem_activity_get_category_name (activity));
  set_string_or_null (object, "kind", term_name (lookup, TANDEM_TERM_KIND, tandem_activity_get_kind_id (activity)));
  set_string_or_null (object, "type", term_name (lookup, TANDEM_TERM_TYPE, tandem_activity_get_type_id (activity)));
  array = json_array_new ();
  ids = tandem_activity_get_property_ids (activity, &n);
  for (guint i = 0; i < n; i++)
    if (term_name (lookup, TANDEM_TERM_PROPERTY, ids[i]) != NULL)
      json_array_add_string_element (array, term_name (lookup, TANDEM_TERM_PROPERTY, ids[i]));
  json_object_set_array_member (object, "properties", array);
  json_object_set_string_member (object, "status", tandem_status_to_string (tandem_activity_get_status (activity)));
  set_string_or_null (object, "outcome", outcome_or_null (tandem_activity_get_outcome (activity)));
  set_string_or_null (object, "direction",
                      tandem_activity_get_direction (activity) == TANDEM_DIRECTION_NONE
                        ? NULL : tandem_direction_to_string (tandem_activity_get_direction (activity)));

  set_time (object, "start", tandem_activity_get_start (activity));
  set_time (object, "end", tandem_activity_get_end (activity));
  set_string_or_null (object, "tz", tandem_activity_get_tzid (activity));
  json_object_set_boolean_member (object, "open_ended", tandem_activity_get_open_ended (activity));
  json_object_set_boolean_member (object, "all_day", tandem_activity_get_all_day (activity));
  set_string_or_null (object, "repeat", tandem_activity_get_rrule (activity));
  json_object_set_boolean_member (object, "busy", tandem_activity_get_busy (activity));
  json_object_set_boolean_member (object, "public", tandem_activity_get_public (activity));

  set_id_or_null (object, "company_id", tandem_activity_get_company_id (activity));
  set_string_or_null (object, "company", tandem_activity_get_company_name (activity));
  array = json_array_new ();
  ids = tandem_activity_get_person_ids (activity, &n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *person = json_object_new ();

      json_object_set_int_member (person, "id", ids[i]);
      set_string_or_null (person, "name",
                          person_names != NULL && i < g_strv_length ((char **) person_names) ? person_names[i] : NULL);
      json_array_add_object_element (array, person);
    }
  json_object_set_array_member (object, "people", array);
  set_id_or_null (object, "project_id", tandem_activity_get_project_id (activity));
  set_string_or_null (object, "campaign", tandem_activity_get_campaign (activity));

  set_string_or_null (object, "assigner", user_login (lookup, tandem_activity_get_assigner_id (activity)));
  array = json_array_new ();
  ids = tandem_activity_get_performer_ids (activity, &n);
  for (guint i = 0; i < n; i++)
    if (user_login (lookup, ids[i]) != NULL)
      json_array_add_string_element (array, user_login (lookup, ids[i]));
  json_object_set_array_member (object, "performers", array);
  set_string_or_null (object, "responsible", user_login (lookup, tandem_activity_get_responsible_id (activity)));

  set_string_or_null (object, "goal", term_name (lookup, TANDEM_TERM_GOAL, tandem_activity_get_goal_id (activity)));
  set_string_or_null (object, "priority",
                      term_name (lookup, TANDEM_TERM_PRIORITY, tandem_activity_get_priority_id (activity)));
  json_object_set_string_member (object, "visibility",
                                 tandem_visibility_to_string (tandem_activity_get_visibility (activity)));
  array = json_array_new ();
  ids = tandem_activity_get_group_ids (activity, &n);
  for (guint i = 0; i < n; i++)
    if (group_name (lookup, ids[i]) != NULL)
      json_array_add_string_element (array, group_name (lookup, ids[i]));
  json_object_set_array_member (object, "groups", array);

  set_string_or_null (object, "description", tandem_activity_get_description (activity));
  set_string_or_null (object, "details", tandem_activity_get_details (activity));
  set_string_or_null (object, "reference", tandem_activity_get_reference (activity));
  set_string_or_null (object, "link", tandem_activity_get_link (activity));
  set_string_or_null (object, "follow_up", tandem_activity_get_follow_up (activity));
  json_object_set_boolean_member (object, "needs_completing", tandem_activity_get_needs_completing (activity));
  array = json_array_new ();
  reminders = tandem_activity_get_reminders (activity, &n);
  for (guint i = 0; i < n; i++)
    json_array_add_int_element (array, reminders[i].minutes_before);
  json_object_set_array_member (object, "reminders", array);
  set_string_or_null (object, "created", tandem_activity_get_created_at (activity));
  set_string_or_null (object, "updated", tandem_activity_get_updated_at (activity));
  set_string_or_null (object, "completed", tandem_activity_get_completed_at (activity));
  return object;
}

static void
print_activity (Lookup         *lookup,
                TandemActivity *activity)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tandem_record_get_id (TANDEM_RECORD (activity)));
  g_autofree char *start = format_local (tandem_activity_get_start (activity));
  g_autofree char *end = format_local (tandem_activity_get_end (activity));
  g_autoptr(GStrvBuilder) performers = g_strv_builder_new ();
  g_auto(GStrv) performer_strv = NULL;
  g_autofree char *performer_text = NULL;
  g_autofree char *people = NULL;
  const char * const *person_names = tandem_activity_get_person_names (activity);
  TandemUser *responsible = user_by_id (lookup, tandem_activity_get_responsible_id (activity));
  TandemOutcome outcome = tandem_activity_get_outcome (activity);
  const gint64 *ids;
  guint n;

  ids = tandem_activity_get_performer_ids (activity, &n);
  for (guint i = 0; i < n; i++)
    if (user_by_id (lookup, ids[i]) != NULL)
      g_strv_builder_add (performers, tandem_user_get_name (user_by_id (lookup, ids[i])));
  performer_strv = g_strv_builder_end (performers);
  performer_text = g_strjoinv (", ", performer_strv);
  if (person_names != NULL)
    people = g_strjoinv (", ", (char **) person_names);

  print_value (_("Id"), id);
  print_value (_("Tracking number"), tandem_activity_get_tracking (activity));
  print_value (C_("activity", "Title"), tandem_activity_get_title (activity));
  print_value (_("Category"), term_name (lookup, TANDEM_TERM_CATEGORY, tandem_activity_get_category_id (activity)));
  print_value (C_("activity classification", "Kind"),
               term_name (lookup, TANDEM_TERM_KIND, tandem_activity_get_kind_id (activity)));
  print_value (C_("activity classification", "Type"),
               term_name (lookup, TANDEM_TERM_TYPE, tandem_activity_get_type_id (activity)));
  print_value (_("Status"), tandem_status_get_label (tandem_activity_get_status (activity)));
  if (outcome != TANDEM_OUTCOME_NONE)
    print_value (_("Outcome"), tandem_outcome_get_label (outcome));
  if (tandem_activity_get_open_ended (activity))
    print_value (_("When"), _("Open-ended"));
  print_value (_("Start"), start);
  print_value (_("End"), end);
  print_value (_("Repeats"), tandem_activity_get_rrule (activity));
  if (tandem_activity_get_busy (activity))
    print_value (_("Busy"), _("Yes"));
  if (tandem_activity_get_public (activity))
    print_value (_("Public"), _("Yes"));
  print_value (_("Company"), tandem_activity_get_company_name (activity));
  print_value (_("People"), people);
  print_value (_("Assigned by"), tandem_activity_get_assigner_name (activity));
  print_value (_("Performers"), performer_text);
  print_value (_("Responsible"), responsible ? tandem_user_get_name (responsible) : NULL);
  print_value (_("Goal"), term_name (lookup, TANDEM_TERM_GOAL, tandem_activity_get_goal_id (activity)));
  print_value (_("Priority"), term_name (lookup, TANDEM_TERM_PRIORITY, tandem_activity_get_priority_id (activity)));
  print_value (_("Visible to"), tandem_visibility_get_label (tandem_activity_get_visibility (activity)));
  print_value (_("Campaign"), tandem_activity_get_campaign (activity));
  print_value (_("Follow-up"), tandem_activity_get_follow_up (activity));
  if (tandem_activity_get_needs_completing (activity))
    print_value (_("Needs completing"), _("Yes"));
  print_value (_("Description"), tandem_activity_get_description (activity));
  print_value (_("Details"), tandem_activity_get_details (activity));
}

static void
print_activity_line (TandemActivity *activity)
{
  g_autofree char *start = format_local (tandem_activity_get_start (activity));
  g_autofree char *title = dup_one_line (tandem_activity_get_title (activity));
  g_autofree char *company = dup_one_line (tandem_activity_get_company_name (activity));

  tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n",
                    tandem_record_get_id (TANDEM_RECORD (activity)),
                    tandem_activity_get_tracking (activity) ? tandem_activity_get_tracking (activity) : "",
                    start ? start : "",
                    tandem_status_to_string (tandem_activity_get_status (activity)),
                    title, company);
}

/* A masked occurrence (SPEC E3) is its time and "busy", nothing else. */
static JsonObject *
occurrence_to_json (TandemOccurrence *occurrence)
{
  JsonObject *object = json_object_new ();
  g_autoptr(GDateTime) start = tandem_occurrence_dup_start_local (occurrence);
  g_autoptr(GDateTime) end = tandem_occurrence_dup_end_local (occurrence);

  if (tandem_occurrence_is_masked (occurrence))
    {
      json_object_set_boolean_member (object, "busy", TRUE);
      set_time (object, "start", start);
      set_time (object, "end", end);
      return object;
    }

  json_object_set_int_member (object, "id", tandem_occurrence_get_activity_id (occurrence));
  if (tandem_occurrence_is_recurring (occurrence))
    {
      g_autoptr(GDateTime) recurrence = g_date_time_new_from_unix_local (tandem_occurrence_get_recurrence_id (occurrence));

      set_time (object, "occurrence", recurrence);
    }
  else
    json_object_set_null_member (object, "occurrence");
  json_object_set_string_member (object, "title", tandem_occurrence_get_title (occurrence));
  set_time (object, "start", start);
  set_time (object, "end", end);
  json_object_set_boolean_member (object, "all_day", tandem_occurrence_get_all_day (occurrence));
  json_object_set_boolean_member (object, "busy", tandem_occurrence_get_busy (occurrence));
  json_object_set_string_member (object, "status", tandem_status_to_string (tandem_occurrence_get_status (occurrence)));
  set_string_or_null (object, "outcome", outcome_or_null (tandem_occurrence_get_outcome (occurrence)));
  set_string_or_null (object, "category", tandem_occurrence_get_category_name (occurrence));
  set_string_or_null (object, "company", tandem_occurrence_get_company_name (occurrence));
  set_string_or_null (object, "priority", tandem_occurrence_get_priority_name (occurrence));
  set_string_or_null (object, "description", tandem_occurrence_get_description (occurrence));
  return object;
}

static void
print_occurrence_line (TandemOccurrence *occurrence)
{
  g_autoptr(GDateTime) start_time = tandem_occurrence_dup_start_local (occurrence);
  g_autoptr(GDateTime) end_time = tandem_occurrence_dup_end_local (occurrence);
  g_autofree char *start = format_local (start_time);
  g_autofree char *end = format_local (end_time);
  g_autofree char *title = dup_one_line (tandem_occurrence_get_title (occurrence));
  g_autofree char *id = NULL;

  if (!tandem_occurrence_is_masked (occurrence))
    id = g_strdup_printf ("%" G_GINT64_FORMAT, tandem_occurrence_get_activity_id (occurrence));
  tandem_cli_print ("%s\t%s\t%s\t%s\t%s\n", id ? id : "", start ? start : "", end ? end : "",
                    tandem_occurrence_is_masked (occurrence)
                      ? "" : tandem_status_to_string (tandem_occurrence_get_status (occurrence)),
                    title);
}

/* activity add */

typedef struct
{
  char    *title;
  char    *category;
  char    *start;
  char    *end;
  gboolean open_ended;
  gboolean all_day;
  char    *tz;
  char    *company;
  char   **people;
  char   **performers;
  char    *responsible;
  gboolean busy;
  gboolean is_public;
  char    *repeat;
  char    *goal;
  char    *priority;
  char    *description;
  char    *details;
  gboolean is_private;
  char   **visible_to;
  char   **teams;
  char    *project;
  char    *campaign;
  gboolean needs_completing;
  char    *follow_up;
  char   **reminders;
} AddOptions;

static void
add_options_clear (AddOptions *o)
{
  g_free (o->title);
  g_free (o->category);
  g_free (o->start);
  g_free (o->end);
  g_free (o->tz);
  g_free (o->company);
  g_strfreev (o->people);
  g_strfreev (o->performers);
  g_free (o->responsible);
  g_free (o->repeat);
  g_free (o->goal);
  g_free (o->priority);
  g_free (o->description);
  g_free (o->details);
  g_strfreev (o->visible_to);
  g_strfreev (o->teams);
  g_free (o->project);
  g_free (o->campaign);
  g_free (o->follow_up);
  g_strfreev (o->reminders);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AddOptions, add_options_clear)

/* The times of SPEC D4: a start and an end in the zone of --tz or the
 * local one, a whole day or days, or none at all. */
static gboolean
apply_times (AddOptions      *o,
             TandemActivity  *activity,
             GError         **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  gboolean had_time = FALSE;

  if (o->tz != NULL)
    {
      tz = g_time_zone_new_identifier (o->tz);
      if (tz == NULL)
        return tandem_cli_usage_error (error, _("--tz: “%s” is not a time zone this system knows, such as Europe/Helsinki"),
                            o->tz);
      tandem_activity_set_tzid (activity, o->tz);
    }
  else
    tz = g_time_zone_new_local ();

  if (o->open_ended || (o->start == NULL && o->end == NULL && !o->all_day && o->repeat == NULL))
    {
      if (o->start != NULL || o->end != NULL || o->all_day || o->repeat != NULL)
        return tandem_cli_usage_error (error, _("An open-ended activity has no --start, --end, --all-day or --repeat"));
      tandem_activity_set_open_ended (activity, TRUE);
      return TRUE;
    }
  if (o->start == NULL)
    return tandem_cli_usage_error (error, _("Give the start with --start “YYYY-MM-DD HH:MM”, or make it --open-ended"));

  if (o->all_day)
    {
      start = parse_date_time (o->start, "--start", tz, &had_time, error);
      if (start == NULL)
        return FALSE;
      if (!had_time && o->end != NULL)
        {
          g_autoptr(GDateTime) last = parse_date_time (o->end, "--end", tz, &had_time, error);

          if (last == NULL)
            return FALSE;
          end = g_date_time_add_days (last, 1);
        }
      if (had_time)
        return tandem_cli_usage_error (error, _("An --all-day activity takes dates without a time"));
      if (end == NULL)
        end = g_date_time_add_days (start, 1);
      tandem_activity_set_all_day (activity, TRUE);
    }
  else
    {
      start = parse_date_time (o->start, "--start", tz, NULL, error);
      if (start == NULL)
        return FALSE;
      if (o->end != NULL)
        {
          end = parse_date_time (o->end, "--end", tz, NULL, error);
          if (end == NULL)
            return FALSE;
        }
      else
        end = g_date_time_add_hours (start, 1);
    }
  tandem_activity_set_times (activity, start, end);
  return TRUE;
}

static gboolean
apply_people (TandemCli       *cli,
              Lookup          *lookup,
              AddOptions      *o,
              TandemActivity  *activity,
              GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (o->company != NULL)
    {
      gint64 company_id;

      if (!tandem_cli_parse_id (o->company, "--company", &company_id, error))
        return FALSE;
      tandem_activity_set_company_id (activity, company_id);
    }
  if (!parse_id_list (o->people, "--person", ids, error))
    return FALSE;
  tandem_activity_set_person_ids (activity, (const gint64 *) (gpointer) ids->data, ids->len);

  /* Without --performer the one who plans it also does it. */
  g_array_set_size (ids, 0);
  for (guint i = 0; o->performers && o->performers[i]; i++)
    {
      TandemUser *user = find_user (cli, lookup, o->performers[i], error);
      gint64 id;

      if (user == NULL)
        return FALSE;
      id = tandem_user_get_id (user);
      g_array_append_val (ids, id);
    }
  if (ids->len == 0)
    {
      gint64 id = tandem_user_get_id (tandem_store_get_user (cli->store));

      g_array_append_val (ids, id);
    }
  tandem_activity_set_performer_ids (activity, (const gint64 *) (gpointer) ids->data, ids->len);

  if (o->responsible != NULL)
    {
      TandemUser *user = find_user (cli, lookup, o->responsible, error);

      if (user == NULL)
        return FALSE;
      tandem_activity_set_responsible_id (activity, tandem_user_get_id (user));
    }
  return TRUE;
}

static gboolean
apply_terms (TandemCli       *cli,
             Lookup          *lookup,
             AddOptions      *o,
             TandemActivity  *activity,
             GError         **error)
{
  if (o->category != NULL)
    {
      TandemTerm *category = find_term (cli, lookup, TANDEM_TERM_CATEGORY, o->category, error);

      if (category == NULL)
        return FALSE;
      /* The category sets the kind and type (SPEC D3). */
      tandem_activity_set_category_id (activity, tandem_term_get_id (category));
      tandem_activity_set_kind_id (activity, tandem_term_get_kind_id (category));
      tandem_activity_set_type_id (activity, tandem_term_get_type_id (category));
    }
  if (o->goal != NULL)
    {
      TandemTerm *goal = find_term (cli, lookup, TANDEM_TERM_GOAL, o->goal, error);

      if (goal == NULL)
        return FALSE;
      tandem_activity_set_goal_id (activity, tandem_term_get_id (goal));
    }
  if (o->priority != NULL)
    {
      TandemTerm *priority = find_term (cli, lookup, TANDEM_TERM_PRIORITY, o->priority, error);

      if (priority == NULL)
        return FALSE;
      tandem_activity_set_priority_id (activity, tandem_term_get_id (priority));
    }
  return TRUE;
}

static gboolean
apply_other (TandemCli       *cli,
             AddOptions      *o,
             TandemActivity  *activity,
             GError         **error)
{
  g_autoptr(GArray) reminders = g_array_new (FALSE, FALSE, sizeof (TandemReminder));

  if (o->follow_up != NULL)
    {
      g_autofree char *date = tandem_date_parse (o->follow_up);

      if (date == NULL)
        return tandem_cli_usage_error (error, _("--follow-up: “%s” is not a real date; write it like “2026-03-02”"),
                            o->follow_up);
      tandem_activity_set_follow_up (activity, date);
    }

  for (guint i = 0; o->reminders && o->reminders[i]; i++)
    {
      TandemReminder reminder = { 0, TANDEM_CHANNEL_APP };
      guint64 minutes;

      if (!g_ascii_string_to_unsigned (o->reminders[i], 10, 0, MAX_REMINDER_MINUTES, &minutes, NULL))
        return tandem_cli_usage_error (error, _("--reminder needs the minutes before the start (0 for at the start), not “%s”"),
                            o->reminders[i]);
      reminder.minutes_before = minutes;
      g_array_append_val (reminders, reminder);
    }
  tandem_activity_set_reminders (activity, (const TandemReminder *) (gpointer) reminders->data, reminders->len);

  if (o->project != NULL)
    {
      gint64 project_id;

      if (!tandem_cli_parse_id (o->project, "--project", &project_id, error))
        return FALSE;
      tandem_activity_set_project_id (activity, project_id);
    }
  {
    g_autoptr(GArray) ids = NULL;
    TandemVisibility visibility;

    if (!tandem_cli_resolve_visibility (cli, o->visible_to, o->teams, o->is_private,
                                        (1u << TANDEM_VISIBILITY_EVERYONE) | (1u << TANDEM_VISIBILITY_GROUPS) |
                                        (1u << TANDEM_VISIBILITY_PRIVATE) | (1u << TANDEM_VISIBILITY_TEAM),
                                        o->project != NULL, TANDEM_VISIBILITY_EVERYONE,
                                        &visibility, &ids, error))
      return FALSE;
    tandem_activity_set_visibility (activity, visibility);
    tandem_activity_set_group_ids (activity, (const gint64 *) (gpointer) ids->data, ids->len);
  }

  tandem_activity_set_busy (activity, o->busy);
  tandem_activity_set_public (activity, o->is_public);
  tandem_activity_set_needs_completing (activity, o->needs_completing);
  if (o->repeat != NULL)
    tandem_activity_set_rrule (activity, o->repeat);
  if (o->description != NULL)
    tandem_activity_set_description (activity, o->description);
  if (o->details != NULL)
    tandem_activity_set_details (activity, o->details);
  if (o->campaign != NULL)
    tandem_activity_set_campaign (activity, o->campaign);
  return TRUE;
}

static gboolean
show_activity (TandemCli  *cli,
               Lookup     *lookup,
               gint64      id,
               gboolean    with_thread,
               GError    **error)
{
  g_autoptr(TandemActivity) activity = tandem_store_get_activity (cli->store, id, error);
  g_autoptr(GPtrArray) messages = NULL;
  gint64 tracked;

  if (activity == NULL || !load_names (cli, lookup, error))
    return FALSE;
  tracked = tandem_store_get_tracked_seconds (cli->store, id, error);
  if (tracked < 0)
    return FALSE;
  if (with_thread)
    {
      messages = tandem_store_list_messages (cli->store, id, error);
      if (messages == NULL)
        return FALSE;
    }

  if (cli->json)
    {
      JsonObject *object = activity_to_json (lookup, activity);

      json_object_set_int_member (object, "tracked_seconds", tracked);
      if (messages != NULL)
        {
          JsonArray *array = json_array_new ();

          for (guint i = 0; i < messages->len; i++)
            {
              TandemMessage *message = g_ptr_array_index (messages, i);
              JsonObject *item = json_object_new ();

              json_object_set_int_member (item, "id", tandem_message_get_id (message));
              set_string_or_null (item, "author", user_login (lookup, tandem_message_get_author_id (message)));
              set_string_or_null (item, "author_name", tandem_message_get_author_name (message));
              json_object_set_string_member (item, "text", tandem_message_get_body (message));
              set_string_or_null (item, "created", tandem_message_get_created_at (message));
              json_array_add_object_element (array, item);
            }
          json_object_set_array_member (object, "messages", array);
        }
      tandem_cli_print_json (object);
      return TRUE;
    }

  print_activity (lookup, activity);
  if (tracked > 0)
    {
      g_autofree char *text = format_duration (tracked);

      print_value (_("Tracked time"), text);
    }
  if (messages != NULL && messages->len > 0)
    {
      tandem_cli_print ("%s\n", _("Discussion:"));
      for (guint i = 0; i < messages->len; i++)
        {
          TandemMessage *message = g_ptr_array_index (messages, i);
          g_autofree char *author = dup_one_line (tandem_message_get_author_name (message));
          g_autofree char *body = dup_one_line (tandem_message_get_body (message));

          tandem_cli_print ("  %s\t%s\t%s\n", tandem_message_get_created_at (message), author, body);
        }
    }
  return TRUE;
}

gboolean
tandem_cli_show_project_activities (TandemCli   *cli,
                                    gint64       project_id,
                                    JsonObject  *object,
                                    GError     **error)
{
  return tandem_cli_show_activities_of (cli, TANDEM_KIND_PROJECT, project_id, object, error);
}

gboolean
tandem_cli_show_activities_of (TandemCli   *cli,
                               TandemKind   kind,
                               gint64       id,
                               JsonObject  *object,
                               GError     **error)
{
  g_auto(Lookup) lookup = { 0 };
  g_autoptr(GPtrArray) activities = NULL;

  activities = tandem_store_list_activities_of (cli->store, kind, id, error);
  if (activities == NULL || !load_names (cli, &lookup, error))
    return FALSE;

  if (object != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < activities->len; i++)
        json_array_add_object_element (array, activity_to_json (&lookup, g_ptr_array_index (activities, i)));
      json_object_set_array_member (object, "activities", array);
    }
  else if (activities->len > 0)
    {
      tandem_cli_print ("%s\n", _("Activities:"));
      for (guint i = 0; i < activities->len; i++)
        {
          tandem_cli_print ("  ");
          print_activity_line (g_ptr_array_index (activities, i));
        }
    }
  return TRUE;
}

gboolean
tandem_cli_activity_add (TandemCli  *cli,
                         GError    **error)
{
  g_auto(AddOptions) o = { 0 };
  g_auto(Lookup) lookup = { 0 };
  g_autoptr(TandemActivity) activity = NULL;
  gint64 id;
  const GOptionEntry entries[] = {
    /* Translators: stands for the title of an activity in "--title=TITLE" */
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &o.title, N_("What is to be done (needed)"),
      C_("metavariable", "TITLE") },
    { "category", 0, 0, G_OPTION_ARG_FILENAME, &o.category,
      N_("The category, by name or id; it sets the kind and type"), C_("metavariable", "CATEGORY") },
    { "start", 0, 0, G_OPTION_ARG_FILENAME, &o.start, N_("When it starts"), N_("\"YYYY-MM-DD HH:MM\"") },
    { "end", 0, 0, G_OPTION_ARG_FILENAME, &o.end, N_("When it ends (default: an hour after the start)"),
      N_("\"YYYY-MM-DD HH:MM\"") },
    { "open-ended", 0, 0, G_OPTION_ARG_NONE, &o.open_ended,
      N_("No start or end: it stays in the day plan until done (the default without --start)"), NULL },
    { "all-day", 0, 0, G_OPTION_ARG_NONE, &o.all_day, N_("Whole days: --start and --end are dates"), NULL },
    { "tz", 0, 0, G_OPTION_ARG_FILENAME, &o.tz, N_("The time zone of the times (default: the local one)"),
      C_("metavariable", "ZONE") },
    { "company", 0, 0, G_OPTION_ARG_FILENAME, &o.company, N_("The id of the company"), C_("metavariable", "ID") },
    { "person", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.people, N_("The id of a contact person; repeat for several"),
      C_("metavariable", "ID") },
    { "performer", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.performers,
      N_("Who does it; repeat for several (default: you)"), C_("metavariable", "LOGIN") },
    { "responsible", 0, 0, G_OPTION_ARG_FILENAME, &o.responsible, N_("Who is responsible for it"),
      C_("metavariable", "LOGIN") },
    { "busy", 0, 0, G_OPTION_ARG_NONE, &o.busy, N_("The performers are busy: it may not overlap another busy activity"),
      NULL },
    { "public", 0, 0, G_OPTION_ARG_NONE, &o.is_public,
      N_("Show it in the calendars of everyone who may see it"), NULL },
    { "repeat", 0, 0, G_OPTION_ARG_FILENAME, &o.repeat, N_("Repeat it by an iCalendar rule, e.g. FREQ=WEEKLY;COUNT=4"),
      C_("metavariable", "RRULE") },
    { "goal", 0, 0, G_OPTION_ARG_FILENAME, &o.goal,
      N_("The goal; completing it then needs an outcome"), C_("metavariable", "GOAL") },
    { "priority", 0, 0, G_OPTION_ARG_FILENAME, &o.priority, N_("The priority"), C_("metavariable", "PRIORITY") },
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &o.description, N_("A short description shown in lists"),
      C_("metavariable", "TEXT") },
    { "details", 0, 0, G_OPTION_ARG_FILENAME, &o.details, N_("Additional information"), C_("metavariable", "TEXT") },
    { "private", 0, 0, G_OPTION_ARG_NONE, &o.is_private, N_("Only you and the performers may see it"), NULL },
    { "visible-to", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.visible_to,
      N_("Only members of GROUP may see it; repeat for several groups. "
         "“team”: only the team of its --project"), C_("metavariable", "GROUP") },
    { "team", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.teams,
      N_("Only members of GROUP may see it, as --visible-to GROUP"), C_("metavariable", "GROUP") },
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &o.project,
      N_("The id of the project or sales project it belongs to"), C_("metavariable", "ID") },
    { "campaign", 0, 0, G_OPTION_ARG_FILENAME, &o.campaign,
      N_("The campaign it belongs to, by name; a new name adds the campaign"), C_("metavariable", "CAMPAIGN") },
    { "needs-completing", 0, 0, G_OPTION_ARG_NONE, &o.needs_completing, N_("Put it on the To complete list"), NULL },
    { "follow-up", 0, 0, G_OPTION_ARG_FILENAME, &o.follow_up, N_("The follow-up date"),
      C_("metavariable", "YYYY-MM-DD") },
    { "reminder", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.reminders,
      N_("A reminder this many minutes before the start; repeat for several"), C_("metavariable", "MINUTES") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("Plan an activity and print its id, or the activity with --json. "
                           "Times are in the local time zone unless --tz is given. "
                           "Without --private or --visible-to, everyone who may see the company may see it."),
                         entries, TRUE, 0, 0, error))
    return FALSE;

  if (o.title == NULL)
    return tandem_cli_usage_error (error, _("“activity add” needs --title TITLE"));
  if (o.is_private && (o.visible_to != NULL || o.teams != NULL))
    return tandem_cli_usage_error (error, _("An activity is either --private or --visible-to groups, not both"));

  activity = tandem_activity_new (o.title);
  /* Everything the command line says is checked before signing in, so
   * that a typo costs no password prompt. */
  if (!apply_times (&o, activity, error))
    return FALSE;
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;
  if (!apply_terms (cli, &lookup, &o, activity, error) ||
      !apply_people (cli, &lookup, &o, activity, error) ||
      !apply_other (cli, &o, activity, error))
    return FALSE;

  id = tandem_store_save_activity (cli->store, activity, error);
  if (id == 0)
    return FALSE;
  if (cli->json)
    return show_activity (cli, &lookup, id, FALSE, error);
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

/* activity show, list, complete, cancel, delete, message */

static gboolean
parse_activity_id (TandemCli  *cli,
                   const char *parameters,
                   const char *summary,
                   const GOptionEntry *entries,
                   gboolean    with_json,
                   guint       n_args,
                   gint64     *id,
                   GError    **error)
{
  return tandem_cli_parse (cli, parameters, summary, entries, with_json, n_args, n_args, error) &&
         tandem_cli_parse_id (cli->args[1], "ID", id, error);
}

gboolean
tandem_cli_activity_show (TandemCli  *cli,
                          GError    **error)
{
  g_auto(Lookup) lookup = { 0 };
  gint64 id;

  if (!parse_activity_id (cli, C_("metavariable", "ID"), _("Show an activity with its discussion and tracked time."),
                          NULL, TRUE, 1, &id, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  return show_activity (cli, &lookup, id, TRUE, error);
}

static gboolean
list_occurrences (TandemCli   *cli,
                  Lookup      *lookup,
                  const char  *login,
                  GDateTime   *from,
                  GDateTime   *to,
                  GError     **error)
{
  g_autoptr(GPtrArray) occurrences = NULL;
  gint64 user_id = tandem_user_get_id (tandem_store_get_user (cli->store));
  TandemCliList list;

  if (login != NULL)
    {
      TandemUser *user = find_user (cli, lookup, login, error);

      if (user == NULL)
        return FALSE;
      user_id = tandem_user_get_id (user);
    }

  occurrences = tandem_store_list_occurrences (cli->store, user_id, from, to, FALSE, error);
  if (occurrences == NULL)
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint i = 0; i < occurrences->len; i++)
    {
      TandemOccurrence *occurrence = g_ptr_array_index (occurrences, i);

      if (cli->json)
        tandem_cli_list_add_json (&list, occurrence_to_json (occurrence));
      else
        print_occurrence_line (occurrence);
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

gboolean
tandem_cli_activity_list (TandemCli  *cli,
                          GError    **error)
{
  g_auto(Lookup) lookup = { 0 };
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *login = NULL;
  g_autofree char *company_text = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  gboolean to_complete = FALSE;
  gint64 company_id = 0;
  TandemCliList list;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from_text, N_("A calendar from this day"), C_("metavariable", "DATE") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to_text, N_("A calendar up to and including this day"),
      C_("metavariable", "DATE") },
    { "of", 0, 0, G_OPTION_ARG_FILENAME, &login,
      N_("Whose calendar (default: yours); what you may not see shows only as busy time"),
      C_("metavariable", "LOGIN") },
    { "company", 0, 0, G_OPTION_ARG_FILENAME, &company_text, N_("The activities of a company"),
      C_("metavariable", "ID") },
    { "to-complete", 0, 0, G_OPTION_ARG_NONE, &to_complete, N_("Your To complete list"), NULL },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("List activities: a calendar with --from and --to, a company’s with --company, "
                           "your To complete list with --to-complete, or else your open activities that are due."),
                         entries, TRUE, 0, 0, error))
    return FALSE;

  if ((from_text != NULL || to_text != NULL) + (company_text != NULL) + to_complete > 1)
    return tandem_cli_usage_error (error, _("Give one of --from/--to, --company and --to-complete"));
  if (login != NULL && from_text == NULL && to_text == NULL)
    return tandem_cli_usage_error (error, _("--of shows a user’s calendar: give --from and --to as well"));
  if (from_text != NULL || to_text != NULL)
    {
      if (!parse_range (from_text, to_text, &from, &to, error))
        return FALSE;
    }
  if (company_text != NULL && !tandem_cli_parse_id (company_text, "--company", &company_id, error))
    return FALSE;
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  if (from != NULL)
    return list_occurrences (cli, &lookup, login, from, to, error);

  if (company_id != 0)
    activities = tandem_store_list_activities_of (cli->store, TANDEM_KIND_COMPANY, company_id, error);
  else if (to_complete)
    activities = tandem_store_list_to_complete (cli->store, error);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      activities = tandem_store_list_start_page (cli->store, now, error);
    }
  if (activities == NULL || (cli->json && !load_names (cli, &lookup, error)))
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint i = 0; i < activities->len; i++)
    {
      TandemActivity *activity = g_ptr_array_index (activities, i);

      if (cli->json)
        tandem_cli_list_add_json (&list, activity_to_json (&lookup, activity));
      else
        print_activity_line (activity);
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

gboolean
tandem_cli_activity_complete (TandemCli  *cli,
                              GError    **error)
{
  g_autofree char *outcome_text = NULL;
  g_autofree char *occurrence_text = NULL;
  TandemOutcome outcome = TANDEM_OUTCOME_NONE;
  gint64 id;
  const GOptionEntry entries[] = {
    { "outcome", 0, 0, G_OPTION_ARG_FILENAME, &outcome_text,
      N_("success or failure; needed when the activity has a goal"), C_("metavariable", "OUTCOME") },
    { "occurrence", 0, 0, G_OPTION_ARG_FILENAME, &occurrence_text,
      N_("Only this occurrence of a repeating activity, by its planned start"), N_("\"YYYY-MM-DD HH:MM\"") },
    { NULL }
  };

  if (!parse_activity_id (cli, C_("metavariable", "ID"), _("Mark an activity, or one occurrence of it, completed."),
                          entries, FALSE, 1, &id, error))
    return FALSE;
  if (outcome_text != NULL &&
      (!tandem_outcome_from_string (outcome_text, &outcome) || outcome == TANDEM_OUTCOME_NONE))
    return tandem_cli_usage_error (error, _("--outcome is “success” or “failure”, not “%s”"), outcome_text);

  if (occurrence_text != NULL)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      g_autoptr(GDateTime) when = parse_date_time (occurrence_text, "--occurrence", tz, NULL, error);

      if (when == NULL || !tandem_cli_sign_in (cli, error))
        return FALSE;
      return tandem_store_update_occurrence (cli->store, id, g_date_time_to_unix (when), NULL, NULL,
                                             TANDEM_STATUS_COMPLETED, outcome, error);
    }

  if (!tandem_cli_sign_in (cli, error))
    return FALSE;
  return tandem_store_set_activity_status (cli->store, id, TANDEM_STATUS_COMPLETED, outcome, error);
}

gboolean
tandem_cli_activity_cancel (TandemCli  *cli,
                            GError    **error)
{
  gint64 id;

  if (!parse_activity_id (cli, C_("metavariable", "ID"), _("Mark an activity cancelled."), NULL, FALSE, 1, &id,
                          error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  return tandem_store_set_activity_status (cli->store, id, TANDEM_STATUS_CANCELLED, TANDEM_OUTCOME_NONE, error);
}

gboolean
tandem_cli_activity_delete (TandemCli  *cli,
                            GError    **error)
{
  gint64 id;

  if (!parse_activity_id (cli, C_("metavariable", "ID"), _("Delete an activity."), NULL, FALSE, 1, &id, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  return tandem_store_delete (cli->store, TANDEM_KIND_ACTIVITY, id, error);
}

gboolean
tandem_cli_activity_message (TandemCli  *cli,
                             GError    **error)
{
  gint64 id;
  gint64 message_id;

  if (!parse_activity_id (cli, C_("metavariable", "ID TEXT"),
                          _("Write a message in the discussion of an activity and print its id."),
                          NULL, FALSE, 2, &id, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  message_id = tandem_store_add_message (cli->store, id, cli->args[2], error);
  if (message_id == 0)
    return FALSE;
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", message_id);
  return TRUE;
}

/* timer (SPEC D8) */

gboolean
tandem_cli_timer_start (TandemCli  *cli,
                        GError    **error)
{
  gint64 id;

  if (!parse_activity_id (cli, C_("metavariable", "ID"), _("Start the stopwatch on an activity you perform; "
                                          "a timer running on another one stops."),
                          NULL, FALSE, 1, &id, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  return tandem_store_start_timer (cli->store, id, error);
}

gboolean
tandem_cli_timer_stop (TandemCli  *cli,
                       GError    **error)
{
  if (!tandem_cli_parse (cli, "", _("Stop your running stopwatch."), NULL, FALSE, 0, 0, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  return tandem_store_stop_timer (cli->store, error);
}

gboolean
tandem_cli_timer_status (TandemCli  *cli,
                         GError    **error)
{
  g_autoptr(GDateTime) started = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(TandemActivity) activity = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *elapsed_text = NULL;
  g_autofree char *started_text = NULL;
  JsonObject *object;
  gint64 elapsed;
  gint64 total;
  gint64 id;

  if (!tandem_cli_parse (cli, "", _("Show which activity your stopwatch runs on, and for how long."),
                         NULL, TRUE, 0, 0, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  id = tandem_store_get_running_timer (cli->store, &started, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (id == 0)
    {
      if (cli->json)
        {
          object = json_object_new ();
          json_object_set_boolean_member (object, "running", FALSE);
          tandem_cli_print_json (object);
        }
      else
        tandem_cli_print ("%s\n", _("No stopwatch is running"));
      return TRUE;
    }

  activity = tandem_store_get_activity (cli->store, id, error);
  if (activity == NULL)
    return FALSE;
  total = tandem_store_get_tracked_seconds (cli->store, id, error);
  if (total < 0)
    return FALSE;
  now = g_date_time_new_now_utc ();
  elapsed = started ? MAX (0, g_date_time_difference (now, started) / G_TIME_SPAN_SECOND) : 0;

  if (cli->json)
    {
      object = json_object_new ();
      json_object_set_boolean_member (object, "running", TRUE);
      json_object_set_int_member (object, "id", id);
      json_object_set_string_member (object, "title", tandem_activity_get_title (activity));
      set_time (object, "started", started);
      json_object_set_int_member (object, "seconds", elapsed);
      json_object_set_int_member (object, "tracked_seconds", total);
      tandem_cli_print_json (object);
      return TRUE;
    }

  elapsed_text = format_duration (elapsed);
  if (started != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (started);

      started_text = format_local (local);
    }
  tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", id, tandem_activity_get_title (activity),
                    started_text ? started_text : "", elapsed_text);
  return TRUE;
}

/* report time (SPEC D8, J2) */

gboolean
tandem_cli_report_time (TandemCli  *cli,
                        GError    **error)
{
  static const char * const by_names[] = { "user", "company", "project", "month", "week" };
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *by_text = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  TandemTimeBy by = TANDEM_TIME_BY_USER;
  gboolean csv = FALSE;
  gboolean found = FALSE;
  TandemCliList list;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from_text, N_("The first day"), C_("metavariable", "DATE") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to_text, N_("The last day"), C_("metavariable", "DATE") },
    { "by", 0, 0, G_OPTION_ARG_FILENAME, &by_text,
      N_("Sum by user, company, project, month or week (default: user)"), C_("metavariable", "WHAT") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV"), NULL },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("Sum the time tracked with the stopwatch between two days, "
                           "over the activities you may see."),
                         entries, TRUE, 0, 0, error))
    return FALSE;
  if (by_text != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (by_names) && !found; i++)
        if (g_ascii_strcasecmp (by_text, by_names[i]) == 0)
          {
            by = (TandemTimeBy) i;
            found = TRUE;
          }
      if (!found)
        return tandem_cli_usage_error (error, _("--by is one of user, company, project, month and week, not “%s”"), by_text);
    }
  if (csv && cli->json)
    return tandem_cli_usage_error (error, _("Give either --csv or --json, not both"));
  if (!parse_range (from_text, to_text, &from, &to, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  rows = tandem_store_time_report (cli->store, by, from, to, error);
  if (rows == NULL)
    return FALSE;
  if ((csv || cli->json) &&
      !tandem_store_audit_export (cli->store, TANDEM_AUDIT_KIND_REPORT, TANDEM_REPORT_TIME, csv ? "CSV" : "JSON",
                                  error))
    return FALSE;

  if (csv)
    {
      tandem_cli_print_csv_field ("key", FALSE);
      tandem_cli_print_csv_field ("label", FALSE);
      tandem_cli_print_csv_field ("seconds", FALSE);
      tandem_cli_print_csv_field ("hours", TRUE);
    }
  else
    tandem_cli_list_begin (&list, cli->json);

  for (guint i = 0; i < rows->len; i++)
    {
      TandemReportRow *row = g_ptr_array_index (rows, i);
      gint64 seconds = tandem_report_row_get_value (row);
      char hours[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (hours, sizeof hours, "%.2f", seconds / 3600.0);
      if (csv)
        {
          g_autofree char *seconds_text = g_strdup_printf ("%" G_GINT64_FORMAT, seconds);

          tandem_cli_print_csv_field (tandem_report_row_get_key (row), FALSE);
          tandem_cli_print_csv_field (tandem_report_row_get_label (row), FALSE);
          tandem_cli_print_csv_field (seconds_text, FALSE);
          tandem_cli_print_csv_field (hours, TRUE);
        }
      else if (cli->json)
        {
          JsonObject *object = json_object_new ();

          json_object_set_string_member (object, "key", tandem_report_row_get_key (row));
          set_id_or_null (object, "key_id", tandem_report_row_get_key_id (row));
          set_string_or_null (object, "label", tandem_report_row_get_label (row));
          json_object_set_int_member (object, "seconds", seconds);
          tandem_cli_list_add_json (&list, object);
        }
      else
        {
          g_autofree char *label = dup_one_line (tandem_report_row_get_label (row));
          g_autofree char *duration = format_duration (seconds);

          tandem_cli_print ("%s\t%s\t%s\n", label[0] ? label : _("(none)"), duration, hours);
        }
    }
  if (!csv)
    tandem_cli_list_end (&list);
  return TRUE;
}

/* term (SPEC D3, D9, L1) */

static JsonObject *
term_to_json (Lookup     *lookup,
              TandemTerm *term)
{
  JsonObject *object = json_object_new ();
  TandemTermSet set = tandem_term_get_set (term);

  json_object_set_int_member (object, "id", tandem_term_get_id (term));
  json_object_set_string_member (object, "set", tandem_term_set_to_string (set));
  json_object_set_string_member (object, "name", tandem_term_get_name (term));
  set_string_or_null (object, "builtin", tandem_term_get_builtin (term));
  json_object_set_boolean_member (object, "renamed", tandem_term_get_custom_name (term) != NULL &&
                                                     tandem_term_get_builtin (term) != NULL);
  json_object_set_int_member (object, "position", tandem_term_get_position (term));
  if (set == TANDEM_TERM_CATEGORY)
    {
      set_id_or_null (object, "kind_id", tandem_term_get_kind_id (term));
      set_string_or_null (object, "kind", term_name (lookup, TANDEM_TERM_KIND, tandem_term_get_kind_id (term)));
      set_id_or_null (object, "type_id", tandem_term_get_type_id (term));
      set_string_or_null (object, "type", term_name (lookup, TANDEM_TERM_TYPE, tandem_term_get_type_id (term)));
      json_object_set_boolean_member (object, "allow_choice", tandem_term_get_allow_choice (term));
      json_object_set_boolean_member (object, "sales_target", tandem_term_get_sales_target (term));
    }
  return object;
}

gboolean
tandem_cli_term_list (TandemCli  *cli,
                      GError    **error)
{
  g_auto(Lookup) lookup = { 0 };
  g_autofree char *set_text = NULL;
  TandemTermSet only = TANDEM_TERM_CATEGORY;
  TandemCliList list;
  const GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_FILENAME, &set_text,
      N_("Only this list: category, kind, type, property, goal or priority"), C_("metavariable", "LIST") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "", _("List the categories, kinds, types, properties, goals and priorities of activities."),
                         entries, TRUE, 0, 0, error))
    return FALSE;
  if (set_text != NULL && !parse_term_set (set_text, &only, error))
    return FALSE;
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;
  for (guint set = 0; set < TANDEM_N_TERM_SETS; set++)
    if (lookup_terms (cli, &lookup, set, error) == NULL)
      return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint set = 0; set < TANDEM_N_TERM_SETS; set++)
    {
      if (set_text != NULL && set != only)
        continue;
      for (guint i = 0; i < lookup.terms[set]->len; i++)
        {
          TandemTerm *term = g_ptr_array_index (lookup.terms[set], i);

          if (cli->json)
            tandem_cli_list_add_json (&list, term_to_json (&lookup, term));
          else
            {
              g_autofree char *name = dup_one_line (tandem_term_get_name (term));

              tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", tandem_term_get_id (term),
                                tandem_term_set_to_string (set), name);
            }
        }
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

gboolean
tandem_cli_term_add (TandemCli  *cli,
                     GError    **error)
{
  g_auto(Lookup) lookup = { 0 };
  g_autoptr(TandemTerm) term = NULL;
  g_autofree char *set_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *type_text = NULL;
  gboolean allow_choice = FALSE;
  gboolean sales_target = FALSE;
  TandemTermSet set;
  GPtrArray *terms;
  int position = 0;
  gint64 id;
  const GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_FILENAME, &set_text,
      N_("The list: category, kind, type, property, goal or priority (needed)"), C_("metavariable", "LIST") },
    { "kind", 0, 0, G_OPTION_ARG_FILENAME, &kind_text, N_("The kind a category sets"), C_("metavariable", "KIND") },
    { "type", 0, 0, G_OPTION_ARG_FILENAME, &type_text, N_("The type a category sets"), C_("metavariable", "TYPE") },
    { "allow-choice", 0, 0, G_OPTION_ARG_NONE, &allow_choice,
      N_("Users may change the kind and type of the category"), NULL },
    { "sales-target", 0, 0, G_OPTION_ARG_NONE, &sales_target,
      N_("The category counts towards sales targets"), NULL },
    { NULL }
  };

  if (!tandem_cli_parse (cli, C_("metavariable", "NAME"),
                         _("Add an entry at the end of an activity list and print its id."),
                         entries, FALSE, 1, 1, error))
    return FALSE;
  if (set_text == NULL)
    return tandem_cli_usage_error (error, _("“term add” needs --set LIST"));
  if (!parse_term_set (set_text, &set, error))
    return FALSE;
  if (set != TANDEM_TERM_CATEGORY && (kind_text || type_text || allow_choice || sales_target))
    return tandem_cli_usage_error (error, _("--kind, --type, --allow-choice and --sales-target are for categories only"));
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  terms = lookup_terms (cli, &lookup, set, error);
  if (terms == NULL)
    return FALSE;
  for (guint i = 0; i < terms->len; i++)
    position = MAX (position, tandem_term_get_position (g_ptr_array_index (terms, i)) + 1);

  term = tandem_term_new (set, cli->args[1]);
  tandem_term_set_position (term, position);
  if (set == TANDEM_TERM_CATEGORY)
    {
      if (kind_text != NULL)
        {
          TandemTerm *kind = find_term (cli, &lookup, TANDEM_TERM_KIND, kind_text, error);

          if (kind == NULL)
            return FALSE;
          tandem_term_set_kind_id (term, tandem_term_get_id (kind));
        }
      if (type_text != NULL)
        {
          TandemTerm *type = find_term (cli, &lookup, TANDEM_TERM_TYPE, type_text, error);

          if (type == NULL)
            return FALSE;
          tandem_term_set_type_id (term, tandem_term_get_id (type));
        }
      tandem_term_set_allow_choice (term, allow_choice);
      tandem_term_set_sales_target (term, sales_target);
    }

  id = tandem_store_save_term (cli->store, term, error);
  if (id == 0)
    return FALSE;
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

gboolean
tandem_cli_term_rename (TandemCli  *cli,
                        GError    **error)
{
  g_autoptr(TandemTerm) term = NULL;
  gint64 id;

  if (!tandem_cli_parse (cli, C_("metavariable", "ID NAME"),
                         _("Rename an entry of an activity list; a shipped entry is then no longer translated."),
                         NULL, FALSE, 2, 2, error) ||
      !tandem_cli_parse_id (cli->args[1], "ID", &id, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  term = tandem_store_get_term (cli->store, id, error);
  if (term == NULL)
    return FALSE;
  /* Keeping the name as shown keeps a shipped entry translated. */
  if (g_str_equal (cli->args[2], tandem_term_get_name (term)) &&
      tandem_user_is_admin (tandem_store_get_user (cli->store)))
    return TRUE;
  tandem_term_set_name (term, cli->args[2]);
  return tandem_store_save_term (cli->store, term, error) != 0;
}

gboolean
tandem_cli_term_delete (TandemCli  *cli,
                        GError    **error)
{
  gint64 id;

  if (!tandem_cli_parse (cli, C_("metavariable", "ID"),
                         _("Delete an entry of an activity list; the activities that use it lose it."),
                         NULL, FALSE, 1, 1, error) ||
      !tandem_cli_parse_id (cli->args[1], "ID", &id, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  return tandem_store_delete_term (cli->store, id, error);
}

/* target (SPEC D20) */

gboolean
tandem_cli_target_set (TandemCli  *cli,
                       GError    **error)
{
  g_auto(Lookup) lookup = { 0 };
  g_autofree char *login = NULL;
  g_autofree char *category_text = NULL;
  g_autofree char *per_text = NULL;
  TandemPeriod period;
  TandemTerm *category;
  TandemUser *user;
  guint64 target;
  const GOptionEntry entries[] = {
    { "seller", 0, 0, G_OPTION_ARG_FILENAME, &login,
      N_("The seller (needed)"), C_("metavariable", "LOGIN") },
    { "category", 0, 0, G_OPTION_ARG_FILENAME, &category_text,
      N_("A category marked as a sales target, by name or id (needed)"), C_("metavariable", "CATEGORY") },
    { "per", 0, 0, G_OPTION_ARG_FILENAME, &per_text, N_("week or month (needed)"), C_("metavariable", "PERIOD") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, C_("metavariable", "N"),
                         _("Set how many activities of a category a seller should complete a week or a month; "
                           "0 removes the target. For managers and administrators."),
                         entries, FALSE, 1, 1, error))
    return FALSE;

  if (login == NULL || category_text == NULL || per_text == NULL)
    return tandem_cli_usage_error (error, _("“target set” needs --seller LOGIN, --category CATEGORY and --per week|month"));
  if (!parse_period (per_text, &period, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (cli->args[1], 10, 0, MAX_TARGET, &target, NULL))
    return tandem_cli_usage_error (error, _("The target is a number of activities, not “%s”"), cli->args[1]);
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  user = find_user (cli, &lookup, login, error);
  if (user == NULL)
    return FALSE;
  category = find_term (cli, &lookup, TANDEM_TERM_CATEGORY, category_text, error);
  if (category == NULL)
    return FALSE;
  return tandem_store_set_sales_target (cli->store, tandem_user_get_id (user), tandem_term_get_id (category),
                                        period, target, error);
}

static gboolean
list_targets_of (TandemCli      *cli,
                 TandemUser     *user,
                 GDateTime      *now,
                 TandemCliList  *list,
                 GError        **error)
{
  g_autoptr(GPtrArray) items = tandem_store_list_target_progress (cli->store, tandem_user_get_id (user), now, error);

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      TandemTargetProgress *progress = g_ptr_array_index (items, i);

      if (cli->json)
        {
          JsonObject *object = json_object_new ();

          json_object_set_string_member (object, "user", tandem_user_get_login (user));
          json_object_set_int_member (object, "category_id", tandem_target_progress_get_category_id (progress));
          set_string_or_null (object, "category", tandem_target_progress_get_category_name (progress));
          json_object_set_string_member (object, "per",
                                         tandem_period_to_string (tandem_target_progress_get_period (progress)));
          json_object_set_int_member (object, "target", tandem_target_progress_get_target (progress));
          json_object_set_int_member (object, "done", tandem_target_progress_get_done (progress));
          set_string_or_null (object, "period_start", tandem_target_progress_get_period_start (progress));
          set_string_or_null (object, "period_end", tandem_target_progress_get_period_end (progress));
          tandem_cli_list_add_json (list, object);
        }
      else
        {
          g_autofree char *category = dup_one_line (tandem_target_progress_get_category_name (progress));

          tandem_cli_print ("%s\t%s\t%s\t%u/%u\t%s\t%s\n", tandem_user_get_login (user), category,
                            tandem_period_to_string (tandem_target_progress_get_period (progress)),
                            tandem_target_progress_get_done (progress),
                            tandem_target_progress_get_target (progress),
                            tandem_target_progress_get_period_start (progress),
                            tandem_target_progress_get_period_end (progress));
        }
    }
  return TRUE;
}

gboolean
tandem_cli_target_list (TandemCli  *cli,
                        GError    **error)
{
  g_auto(Lookup) lookup = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *login = NULL;
  TandemUser *me;
  TandemCliList list;
  gboolean ok = TRUE;
  const GOptionEntry entries[] = {
    { "seller", 0, 0, G_OPTION_ARG_FILENAME, &login,
      N_("Only this seller (default: you, or every seller for managers)"), C_("metavariable", "LOGIN") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("List sales targets with what is done in the current week or month."),
                         entries, TRUE, 0, 0, error))
    return FALSE;
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;
  me = tandem_store_get_user (cli->store);

  if (login != NULL)
    {
      TandemUser *user = find_user (cli, &lookup, login, error);

      if (user == NULL)
        return FALSE;
      tandem_cli_list_begin (&list, cli->json);
      ok = list_targets_of (cli, user, now, &list, error);
      tandem_cli_list_end (&list);
      return ok;
    }

  tandem_cli_list_begin (&list, cli->json);
  if (tandem_user_get_role (me) == TANDEM_ROLE_USER)
    ok = list_targets_of (cli, me, now, &list, error);
  else if (lookup_users (cli, &lookup, error) != NULL)
    {
      for (guint i = 0; ok && i < lookup.users->len; i++)
        if (tandem_user_get_active (g_ptr_array_index (lookup.users, i)))
          ok = list_targets_of (cli, g_ptr_array_index (lookup.users, i), now, &list, error);
    }
  else
    ok = FALSE;
  tandem_cli_list_end (&list);
  return ok;
}
