/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-date.h"
#include "tandem-error.h"
#include "tandem-cli-private.h"

/* The audit trail, for administrators: who created, changed, changed the
 * visibility of, exported, deleted, restored or purged what, and when. */

/* The trail is read this many entries at a time, so memory stays flat. */
#define PAGE_SIZE 500

/* Reading the command line */

/* Local midnight at the start of @text's day, as Unix time; the day after
 * with @next_day. */
static gboolean
parse_day (const char  *text,
           const char  *option,
           gboolean     next_day,
           gint64      *unix_time,
           GError     **error)
{
  g_autofree char *date = tandem_date_parse (text);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) day = NULL;
  int year, month, mday;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &mday) != 3)
    return tandem_cli_usage_error (error, _("%s: “%s” is not a date; write it like “2026-03-01”"), option, text);

  tz = g_time_zone_new_local ();
  day = g_date_time_new (tz, year, month, mday, 0, 0, 0);
  if (day == NULL)
    return tandem_cli_usage_error (error, _("%s: “%s” is not a date; write it like “2026-03-01”"), option, text);
  if (next_day)
    {
      GDateTime *after = g_date_time_add_days (day, 1);

      g_date_time_unref (day);
      day = after;
    }
  *unix_time = g_date_time_to_unix (day);
  return TRUE;
}

static gboolean
find_user_id (TandemCli   *cli,
              const char  *login,
              gint64      *id,
              GError     **error)
{
  g_autoptr(GPtrArray) users = tandem_store_list_users (cli->store, error);

  if (users == NULL)
    return FALSE;
  for (guint i = 0; i < users->len; i++)
    {
      TandemUser *user = g_ptr_array_index (users, i);

      if (g_ascii_strcasecmp (tandem_user_get_login (user), login) == 0)
        {
          *id = tandem_user_get_id (user);
          return TRUE;
        }
    }
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
               _("There is no user with the login “%s”"), login);
  return FALSE;
}

static gboolean
parse_kind (const char  *text,
            int         *kind,
            GError     **error)
{
  static const int kinds[] = {
    TANDEM_KIND_COMPANY, TANDEM_KIND_PERSON, TANDEM_KIND_NOTE, TANDEM_KIND_ACTIVITY, TANDEM_KIND_PROJECT,
    TANDEM_KIND_TASK, TANDEM_KIND_CAMPAIGN, TANDEM_KIND_DOCUMENT, TANDEM_AUDIT_KIND_USER,
    TANDEM_AUDIT_KIND_GROUP, TANDEM_AUDIT_KIND_CONTACT_GROUP, TANDEM_AUDIT_KIND_REPORT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strcasecmp (text, tandem_audit_kind_to_string (kinds[i])) == 0)
      {
        *kind = kinds[i];
        return TRUE;
      }
  return tandem_cli_usage_error (error,
                                 _("--kind is one of company, person, note, activity, project, task, campaign, "
                                   "document, user, group, contact-group and report, not “%s”"),
                                 text);
}

/* Printing */

static JsonObject *
entry_to_json (TandemAuditEntry *entry)
{
  JsonObject *object = json_object_new ();
  const char *user_name = tandem_audit_entry_get_user_name (entry);
  const char *title = tandem_audit_entry_get_title (entry);
  const char *detail = tandem_audit_entry_get_detail (entry);
  int kind = tandem_audit_entry_get_kind (entry);

  json_object_set_int_member (object, "id", tandem_audit_entry_get_id (entry));
  json_object_set_string_member (object, "at", tandem_audit_entry_get_at (entry));
  if (user_name != NULL)
    json_object_set_string_member (object, "user", user_name);
  else
    json_object_set_null_member (object, "user");
  json_object_set_string_member (object, "action", tandem_audit_action_to_string (tandem_audit_entry_get_action (entry)));
  json_object_set_string_member (object, "kind", tandem_audit_kind_to_string (kind));
  if (tandem_audit_entry_get_record_id (entry) != 0 || kind == TANDEM_AUDIT_KIND_REPORT)
    json_object_set_int_member (object, "record_id", tandem_audit_entry_get_record_id (entry));
  else
    json_object_set_null_member (object, "record_id");
  if (title != NULL)
    json_object_set_string_member (object, "title", title);
  else
    json_object_set_null_member (object, "title");
  if (detail != NULL)
    json_object_set_string_member (object, "detail", detail);
  else
    json_object_set_null_member (object, "detail");
  return object;
}

/* id, local time, who, what was done, to what, and the detail */
static void
print_entry_line (TandemAuditEntry *entry)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (tandem_audit_entry_get_at (entry), NULL);
  g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;
  g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S")
                                        : g_strdup (tandem_audit_entry_get_at (entry));
  g_autofree char *title = tandem_audit_entry_dup_title_label (entry);
  g_autofree char *title_line = tandem_cli_dup_one_line (title);
  g_autofree char *detail = tandem_audit_entry_dup_detail_label (entry);
  const char *user_name = tandem_audit_entry_get_user_name (entry);
  g_autofree char *user_line = tandem_cli_dup_one_line (user_name != NULL ? user_name : "—");
  int kind = tandem_audit_entry_get_kind (entry);
  g_autofree char *record = NULL;

  if (tandem_audit_entry_get_record_id (entry) != 0)
    record = g_strdup_printf ("%s %" G_GINT64_FORMAT, tandem_audit_kind_get_label (kind),
                              tandem_audit_entry_get_record_id (entry));
  else
    record = g_strdup (tandem_audit_kind_get_label (kind));

  tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\n",
                    tandem_audit_entry_get_id (entry), when, user_line,
                    tandem_audit_action_get_label (tandem_audit_entry_get_action (entry)),
                    record, title_line, detail != NULL ? detail : "");
}

/* Commands */

gboolean
tandem_cli_audit (TandemCli  *cli,
                  GError    **error)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *login = NULL;
  g_autofree char *action_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autoptr(TandemAuditEntry) last = NULL;
  TandemAuditFilter filter = { 0, 0, 0, TANDEM_AUDIT_ANY, 0 };
  TandemCliList list;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from_text, N_("The first day to list"), C_("metavariable", "DATE") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to_text, N_("The last day to list (default: today)"),
      C_("metavariable", "DATE") },
    { "user", 0, 0, G_OPTION_ARG_FILENAME, &login, N_("Only what this user did"), C_("metavariable", "LOGIN") },
    { "action", 0, 0, G_OPTION_ARG_FILENAME, &action_text,
      N_("Only this action: created, changed, visibility, exported, deleted, restored or purged"),
      C_("metavariable", "ACTION") },
    { "kind", 0, 0, G_OPTION_ARG_FILENAME, &kind_text,
      N_("Only this kind of record: company, person, note, activity, project, task, campaign, document, "
         "user, group, contact-group or report"),
      C_("metavariable", "KIND") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("List the audit trail, newest first: who created, changed, changed the visibility "
                           "of, exported, deleted, restored or purged what, and when. Administrators only. "
                           "A record you may not see is listed without its title. The global option --user "
                           "(who signs in) goes before “audit”; after it, --user chooses whose actions to list."),
                         entries, TRUE, 0, 0, error))
    return FALSE;

  if (from_text == NULL)
    return tandem_cli_usage_error (error, _("“audit” needs --from DATE, like “2026-03-01”"));
  if (!parse_day (from_text, "--from", FALSE, &filter.from, error))
    return FALSE;
  if (to_text != NULL)
    {
      if (!parse_day (to_text, "--to", TRUE, &filter.until, error))
        return FALSE;
      if (filter.until <= filter.from)
        return tandem_cli_usage_error (error, _("--to (%s) comes before --from (%s)"), to_text, from_text);
    }
  if (action_text != NULL && !tandem_audit_action_from_string (action_text, &filter.action))
    return tandem_cli_usage_error (error,
                                   _("--action is one of created, changed, visibility, exported, deleted, "
                                     "restored and purged, not “%s”"),
                                   action_text);
  if (kind_text != NULL && !parse_kind (kind_text, &filter.kind, error))
    return FALSE;

  if (!tandem_cli_sign_in (cli, error))
    return FALSE;
  /* Someone else is told they may not read the trail before anything
   * about its users. */
  {
    g_autoptr(GPtrArray) probe = tandem_store_list_audit (cli->store, &filter, NULL, 1, error);

    if (probe == NULL)
      return FALSE;
  }
  if (login != NULL && !find_user_id (cli, login, &filter.user_id, error))
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  while (TRUE)
    {
      g_autoptr(GPtrArray) page = tandem_store_list_audit (cli->store, &filter, last, PAGE_SIZE, error);

      if (page == NULL)
        return FALSE;
      for (guint i = 0; i < page->len; i++)
        {
          TandemAuditEntry *entry = g_ptr_array_index (page, i);

          if (cli->json)
            tandem_cli_list_add_json (&list, entry_to_json (entry));
          else
            print_entry_line (entry);
        }
      if (page->len < PAGE_SIZE)
        break;
      g_set_object (&last, g_ptr_array_index (page, page->len - 1));
    }
  tandem_cli_list_end (&list);
  return TRUE;
}
