/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tandem-error.h"
#include "tandem-cli-private.h"

/* tandem-cli: the administrators' and scripts' front door (SPEC M5).
 * `tandem-cli [--db FILE] [--user LOGIN] COMMAND [SUBCOMMAND] …`; each
 * command parses its own options, so global options may also follow it. */

typedef struct
{
  const char           *name;
  const char           *subcommand;   /* NULL for a command without one */
  TandemCliCommandFunc  func;
  const char           *summary;
} TandemCliCommand;

static const TandemCliCommand commands[] = {
  { "init",    NULL,     tandem_cli_init,         N_("Create the database and its first administrator") },
  { "user",    "add",    tandem_cli_user_add,     N_("Add a user") },
  { "user",    "passwd", tandem_cli_user_passwd,  N_("Set a user’s password") },
  { "user",    "list",   tandem_cli_user_list,    N_("List the users") },
  { "user",    "totp enable", tandem_cli_user_totp_enable, N_("Switch on two-step sign-in and print the authenticator key") },
  { "user",    "totp disable", tandem_cli_user_totp_disable, N_("Switch off two-step sign-in") },
  { "group",   "add",    tandem_cli_group_add_any, N_("Add a group of users, or with --contact a contact group") },
  { "group",   "list",   tandem_cli_group_list_any, N_("List the groups of users, or with --contact the contact groups") },
  { "group",   "members add", tandem_cli_group_members_add, N_("Add companies and people to a contact group") },
  { "group",   "members remove", tandem_cli_group_members_remove, N_("Remove companies and people from a contact group") },
  { "group",   "move",   tandem_cli_group_move,   N_("Move companies and people from one contact group to another") },
  { "group",   "list-members", tandem_cli_group_list_members, N_("List who is in some contact groups and not in others") },
  { "role",    "add",    tandem_cli_role_add,     N_("Add a partner role") },
  { "role",    "list",   tandem_cli_role_list,    N_("List the partner roles") },
  { "field",   "add",    tandem_cli_field_add,    N_("Add a classification or additional field") },
  { "field",   "list",   tandem_cli_field_list,   N_("List the fields of companies or people") },
  { "company", "add",    tandem_cli_company_add,  N_("Add a company and print its id") },
  { "company", "show",   tandem_cli_company_show, N_("Show a company with its people and notes") },
  { "company", "list",   tandem_cli_company_list, N_("List the companies") },
  { "person",  "add",    tandem_cli_person_add,   N_("Add a person and print the id") },
  { "person",  "show",   tandem_cli_person_show,  N_("Show a person with their notes") },
  { "person",  "list",   tandem_cli_person_list,  N_("List the people") },
  { "note",    "add",    tandem_cli_note_add,     N_("Add a note to a company, person or project and print its id") },
  /* Before plain "search": "search save" is the subcommand, "search -- save" a text search. */
  { "search",  "save",   tandem_cli_search_save,  N_("Save a search for companies or people") },
  { "search",  "run",    tandem_cli_search_run,   N_("List what a saved search finds") },
  { "search",  "list",   tandem_cli_search_list,  N_("List the saved searches") },
  { "search",  NULL,     tandem_cli_search,       N_("Search companies, people, notes, activities and projects") },
  { "campaign", "add",   tandem_cli_campaign_add, N_("Add a campaign with a saved search as its target list") },
  { "campaign", "list",  tandem_cli_campaign_list, N_("List the campaigns") },
  { "campaign", "show",  tandem_cli_campaign_show, N_("Show a campaign with its activities and sales projects") },
  { "labels",  "templates", tandem_cli_labels_templates, N_("List the label sheet templates") },
  { "labels",  NULL,     tandem_cli_labels,       N_("Write address labels to a PDF for a label sheet") },
  { "project", "add",    tandem_cli_project_add,  N_("Add a delivery project and print its id") },
  { "project", "show",   tandem_cli_project_show, N_("Show a project with its team, tasks, notes and activities") },
  { "project", "list",   tandem_cli_project_list, N_("List the projects and sales projects") },
  { "project", "member add", tandem_cli_project_member_add, N_("Add a user to a project’s team") },
  { "project", "member remove", tandem_cli_project_member_remove, N_("Remove a user from a project’s team") },
  { "sale",    "add",    tandem_cli_sale_add,     N_("Add a sales project and print its id") },
  { "sale",    "show",   tandem_cli_sale_show,    N_("Show a sales project with its team, tasks, notes and activities") },
  { "sale",    "list",   tandem_cli_sale_list,    N_("List the sales projects") },
  { "sale",    "move",   tandem_cli_sale_move,    N_("Move a sale to another stage") },
  { "sale",    "win",    tandem_cli_sale_win,     N_("Mark a sale won; it becomes a delivery project") },
  { "sale",    "lose",   tandem_cli_sale_lose,    N_("Mark a sale lost") },
  { "task",    "add",    tandem_cli_task_add,     N_("Add a task to a project and print its id") },
  { "task",    "list",   tandem_cli_task_list,    N_("List project tasks") },
  { "task",    "done",   tandem_cli_task_done,    N_("Mark a project task done") },
  { "task",    "cancel", tandem_cli_task_cancel,  N_("Mark a project task cancelled") },
  { "stage",   "list",   tandem_cli_stage_list,   N_("List the sales stages") },
  { "product", "add",    tandem_cli_product_add,  N_("Add a product and print its id") },
  { "product", "list",   tandem_cli_product_list, N_("List the products") },
  { "activity", "add",   tandem_cli_activity_add,      N_("Plan an activity and print its id") },
  { "activity", "show",  tandem_cli_activity_show,     N_("Show an activity with its discussion") },
  { "activity", "list",  tandem_cli_activity_list,     N_("List activities, or a calendar between two days") },
  { "activity", "complete", tandem_cli_activity_complete, N_("Mark an activity or one occurrence completed") },
  { "activity", "cancel", tandem_cli_activity_cancel,  N_("Mark an activity cancelled") },
  { "activity", "delete", tandem_cli_activity_delete,  N_("Delete an activity") },
  { "activity", "message", tandem_cli_activity_message, N_("Write in the discussion of an activity") },
  { "timer",   "start",  tandem_cli_timer_start,      N_("Start the stopwatch on an activity") },
  { "timer",   "stop",   tandem_cli_timer_stop,       N_("Stop the stopwatch") },
  { "timer",   "status", tandem_cli_timer_status,     N_("Show the running stopwatch") },
  { "report",  "time",   tandem_cli_report_time,      N_("Sum the tracked time by user, company, project or period") },
  { "report",  "pipeline", tandem_cli_report_pipeline, N_("Open sales by stage, seller, product or closing month") },
  { "report",  "forecast", tandem_cli_report_forecast, N_("Weighted forecast per closing month or seller") },
  { "report",  "development", tandem_cli_report_development, N_("How the pipeline developed, per seller") },
  { "report",  "activities", tandem_cli_report_activities, N_("Count activities by category, kind, type, user or period") },
  { "report",  "targets", tandem_cli_report_targets,   N_("Sales targets against results") },
  { "term",    "list",   tandem_cli_term_list,        N_("List the categories, kinds, types, properties, goals and priorities") },
  { "term",    "add",    tandem_cli_term_add,         N_("Add an entry to an activity list") },
  { "term",    "rename", tandem_cli_term_rename,      N_("Rename an entry of an activity list") },
  { "term",    "delete", tandem_cli_term_delete,      N_("Delete an entry of an activity list") },
  { "target",  "set",    tandem_cli_target_set,       N_("Set a seller’s weekly or monthly sales target") },
  { "target",  "list",   tandem_cli_target_list,      N_("List sales targets and progress") },
  { "doc",     "add",    tandem_cli_doc_add,          N_("Add a file as a document to a record and print its id") },
  { "doc",     "list",   tandem_cli_doc_list,         N_("List the documents, or those of one record") },
  { "doc",     "show",   tandem_cli_doc_show,         N_("Show a document with its versions") },
  { "doc",     "get",    tandem_cli_doc_get,          N_("Write a document’s content to a file") },
  { "doc",     "version add", tandem_cli_doc_version_add, N_("Add a new version of a document") },
  { "audit",   NULL,     tandem_cli_audit,            N_("List who created, changed, exported or deleted what, and when") },
  { "backup",  NULL,     tandem_cli_backup,           N_("Back up the whole database to a file") },
  { "restore", NULL,     tandem_cli_restore,          N_("Replace the whole database with a backup") },
};

G_DEFINE_QUARK (tandem-cli-error-quark, tandem_cli_error)

gboolean
tandem_cli_usage_error (GError     **error,
                        const char  *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE, message);
  return FALSE;
}

static char *
describe_commands (const char *only)
{
  GString *text = g_string_new (only ? _("Subcommands:") : _("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = NULL;

      if (only != NULL && !g_str_equal (commands[i].name, only))
        continue;
      name = commands[i].subcommand
             ? g_strdup_printf ("%s %s", commands[i].name, commands[i].subcommand)
             : g_strdup (commands[i].name);
      g_string_append_printf (text, "\n  %-22s %s", name, _(commands[i].summary));
    }
  /* "search save" shadows a search for the word "save" */
  if (only != NULL && g_str_equal (only, "search"))
    g_string_append_printf (text, "\n\n%s",
                            _("To search for a word that names a subcommand, such as “save”, put “--” before "
                              "it: “tandem-cli search -- save”."));
  if (only == NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, "\n%s",
                              _("Run “tandem-cli COMMAND --help” for the options of a command."));
      g_string_append_printf (text, "\n%s",
                              _("The password of --user is read from TANDEM_PASSWORD, or asked for."));
    }
  return g_string_free (text, FALSE);
}

/* Option descriptions are marked N_() and translated when --help prints
 * them. Metavariables, all capitals, come translated in their context
 * (C_("metavariable", "TITLE")): looking them up again without it could
 * give another meaning of the same word. */
static const char *
translate_option (const char *text,
                  gpointer    data)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return g_dgettext (GETTEXT_PACKAGE, text);
  return text;
}

static gboolean
has_entry (const GOptionEntry *entries,
           const char         *long_name)
{
  for (guint i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    if (g_str_equal (entries[i].long_name, long_name))
      return TRUE;
  return FALSE;
}

/* The options every command takes, except those the command itself
 * gives another meaning (after "activity list", --user names whose
 * calendar to show; before the command it is who signs in). */
static void
add_global_entries (GOptionContext     *context,
                    TandemCli          *cli,
                    gboolean            with_json,
                    const GOptionEntry *command_entries)
{
  const GOptionEntry global_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli->db_path,
      N_("The database file (default: the one Tandem uses)"), C_("metavariable", "FILE") },
    { "user", 0, 0, G_OPTION_ARG_FILENAME, &cli->login,
      N_("Sign in as LOGIN (default: $TANDEM_USER, or your login name)"), C_("metavariable", "LOGIN") },
    { NULL }
  };
  const GOptionEntry json_entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    { NULL }
  };

  for (guint i = 0; global_entries[i].long_name != NULL; i++)
    if (!has_entry (command_entries, global_entries[i].long_name))
      {
        const GOptionEntry one[] = { global_entries[i], { NULL } };

        g_option_context_add_main_entries (context, one, GETTEXT_PACKAGE);
      }
  if (with_json)
    g_option_context_add_main_entries (context, json_entries, GETTEXT_PACKAGE);
}

gboolean
tandem_cli_parse (TandemCli           *cli,
                  const char          *parameters,
                  const char          *summary,
                  const GOptionEntry  *entries,
                  gboolean             with_json,
                  guint                min_args,
                  guint                max_args,
                  GError             **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *prgname = g_strdup_printf ("tandem-cli %s", cli->command);
  guint n_args;

  /* --help then reads "Usage: tandem-cli company add [OPTION…] NAME". */
  g_set_prgname (prgname);
  context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (cli->description != NULL)
    g_option_context_set_description (context, cli->description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_global_entries (context, cli, with_json, entries);
  g_option_context_set_translate_func (context, translate_option, NULL, NULL);

  if (!g_option_context_parse_strv (context, &cli->args, error))
    return FALSE;
  g_set_prgname ("tandem-cli");

  n_args = g_strv_length (cli->args) - 1;
  if (n_args < min_args)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("“%s” needs %s; see “tandem-cli %s --help”"),
                   cli->command, parameters, cli->command);
      return FALSE;
    }
  if (n_args > max_args)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("Unexpected argument “%s”; see “tandem-cli %s --help”"),
                   cli->args[max_args + 1], cli->command);
      return FALSE;
    }
  return TRUE;
}

gboolean
tandem_cli_parse_id (const char  *text,
                     const char  *option,
                     gint64      *id,
                     GError     **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("%s needs the id of a record (a number), not “%s”"), option, text);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

/* Arguments are text for the store: bring them to UTF-8 once, here, so
 * that every option can be read without a conversion of its own. */
static char **
arguments_to_utf8 (int      argc,
                   char   **argv,
                   GError **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (int i = 0; i < argc; i++)
    {
      g_autofree char *utf8 = NULL;

      if (g_utf8_validate (argv[i], -1, NULL))
        utf8 = g_strdup (argv[i]);
      else
        utf8 = g_locale_to_utf8 (argv[i], -1, NULL, NULL, NULL);
      if (utf8 == NULL)
        {
          g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                       _("Argument %d is not text in the encoding of this system"), i);
          return NULL;
        }
      g_strv_builder_add (builder, utf8);
    }
  return g_strv_builder_end (builder);
}

/* How many of @args name @command's subcommand ("member add" is two), or
 * 0 when they do not. */
static guint
match_subcommand (const TandemCliCommand  *command,
                  char                   **args)
{
  g_auto(GStrv) words = g_strsplit (command->subcommand, " ", -1);
  guint n = 0;

  for (; words[n] != NULL; n++)
    if (args[n] == NULL || !g_str_equal (words[n], args[n]))
      return 0;
  return n;
}

static const TandemCliCommand *
find_command (char   **args,
              guint   *n_words,
              GError **error)
{
  gboolean known_name = FALSE;
  gboolean known_group = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      guint n_sub;

      if (!g_str_equal (commands[i].name, args[0]))
        continue;
      known_name = TRUE;
      if (commands[i].subcommand == NULL)
        {
          *n_words = 1;
          return &commands[i];
        }
      n_sub = match_subcommand (&commands[i], args + 1);
      if (n_sub > 0)
        {
          *n_words = 1 + n_sub;
          return &commands[i];
        }
      /* "project member" alone names a group of subcommands */
      if (args[1] != NULL && g_str_has_prefix (commands[i].subcommand, args[1]) &&
          commands[i].subcommand[strlen (args[1])] == ' ')
        known_group = TRUE;
    }

  if (!known_name)
    g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                 _("Unknown command “%s”; see “tandem-cli --help”"), args[0]);
  else if (args[1] == NULL)
    g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                 _("“%s” needs a subcommand; see “tandem-cli %s --help”"), args[0], args[0]);
  else if (known_group && args[2] == NULL)
    g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                 _("“%s %s” needs a subcommand; see “tandem-cli %s --help”"), args[0], args[1], args[0]);
  else if (known_group)
    g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                 _("Unknown command “%s %s %s”; see “tandem-cli %s --help”"), args[0], args[1], args[2], args[0]);
  else
    g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                 _("Unknown command “%s %s”; see “tandem-cli %s --help”"), args[0], args[1], args[0]);
  return NULL;
}

/* Whether "NAME" alone is a command too ("search TEXT" beside "search save") */
static gboolean
runs_alone (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name) && commands[i].subcommand == NULL)
      return TRUE;
  return FALSE;
}

/* Whether "NAME WORD" begins subcommands of two words ("project member") */
static gboolean
is_subcommand_group (const char *name,
                     const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name) && commands[i].subcommand != NULL &&
        g_str_has_prefix (commands[i].subcommand, word) && commands[i].subcommand[strlen (word)] == ' ')
      return TRUE;
  return FALSE;
}

static gboolean
is_help (const char *arg)
{
  return arg != NULL && (g_str_equal (arg, "--help") || g_str_equal (arg, "-h") ||
                         g_str_equal (arg, "-?"));
}

static int
exit_status_for (const GError *error)
{
  if (error->domain == G_OPTION_ERROR ||
      g_error_matches (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE))
    return TANDEM_CLI_EXIT_USAGE;
  return TANDEM_CLI_EXIT_FAILED;
}

/* One line on stderr, whatever the message holds. */
static void
print_error (const GError *error)
{
  g_autofree char *line = g_strdup (error->message);

  g_strdelimit (line, "\r\n", ' ');
  g_strstrip (line);
  fprintf (stderr, "tandem-cli: %s\n", line);
}

static gboolean
run (TandemCli  *cli,
     int         argc,
     char      **argv,
     GError    **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  g_autofree char *command = NULL;
  g_auto(GStrv) args = NULL;
  const TandemCliCommand *found;
  gboolean version = FALSE;
  guint n_words = 0;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };

  args = arguments_to_utf8 (argc, argv, error);
  if (args == NULL)
    return FALSE;

  context = g_option_context_new (C_("metavariable", "COMMAND …"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Manage a Tandem database from a terminal or a script."));
  description = describe_commands (NULL);
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_global_entries (context, cli, FALSE, NULL);
  g_option_context_set_translate_func (context, translate_option, NULL, NULL);
  /* Stop at the command: what follows belongs to it. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse_strv (context, &args, error))
    return FALSE;

  if (version)
    {
      tandem_cli_print ("tandem-cli %s\n", PACKAGE_VERSION);
      return TRUE;
    }

  if (args[1] == NULL)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("No command given; see “tandem-cli --help”"));
      return FALSE;
    }

  /* "tandem-cli user --help" lists what "user" can do; so does
   * "tandem-cli project member --help". A command that also runs alone
   * ("search", "labels") shows its own options, then its subcommands. */
  if ((is_help (args[2]) && !runs_alone (args[1])) ||
      (args[2] != NULL && is_help (args[3]) && is_subcommand_group (args[1], args[2])))
    {
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        if (g_str_equal (commands[i].name, args[1]) && commands[i].subcommand != NULL)
          {
            g_autofree char *subcommands = describe_commands (args[1]);

            tandem_cli_print (_("Usage: tandem-cli %s SUBCOMMAND [OPTION…]"), args[1]);
            tandem_cli_print ("\n\n%s\n", subcommands);
            return TRUE;
          }
    }

  found = find_command (args + 1, &n_words, error);
  if (found == NULL)
    return FALSE;

  command = found->subcommand
            ? g_strdup_printf ("%s %s", found->name, found->subcommand)
            : g_strdup (found->name);
  cli->command = command;
  if (found->subcommand == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (commands) && cli->description == NULL; i++)
      if (g_str_equal (commands[i].name, found->name) && commands[i].subcommand != NULL)
        cli->description = describe_commands (found->name);

  /* The command sees "tandem-cli" and its own arguments. */
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

    g_strv_builder_add (builder, args[0]);
    g_strv_builder_addv (builder, (const char **) args + 1 + n_words);
    cli->args = g_strv_builder_end (builder);
  }

  return found->func (cli, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  TandemCli cli = { 0 };
  int status = TANDEM_CLI_EXIT_OK;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("tandem-cli");

  if (!run (&cli, argc, argv, &error))
    {
      print_error (error);
      status = exit_status_for (error);
    }

  fflush (stdout);
  if (ferror (stdout) && status == TANDEM_CLI_EXIT_OK)
    {
      fprintf (stderr, "tandem-cli: %s\n", _("Could not write the output"));
      status = TANDEM_CLI_EXIT_FAILED;
    }

  g_clear_object (&cli.store);
  g_strfreev (cli.args);
  g_free (cli.db_path);
  g_free (cli.login);
  g_free (cli.description);
  return status;
}
