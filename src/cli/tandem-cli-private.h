/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "tandem-store.h"

G_BEGIN_DECLS

/* Exit statuses scripts can rely on (SPEC M5). */
#define TANDEM_CLI_EXIT_OK     0
#define TANDEM_CLI_EXIT_FAILED 1
#define TANDEM_CLI_EXIT_USAGE  2

#define TANDEM_CLI_ERROR (tandem_cli_error_quark ())

typedef enum
{
  TANDEM_CLI_ERROR_USAGE,     /* the command line itself is wrong */
  TANDEM_CLI_ERROR_FAILED,    /* the command could not be carried out */
} TandemCliError;

GQuark tandem_cli_error_quark (void);

/* Sets a TANDEM_CLI_ERROR_USAGE error and returns FALSE. */
gboolean tandem_cli_usage_error (GError     **error,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (2, 3);

/* One run of tandem-cli: the global options, the command being run with
 * its remaining arguments, and the store once it is open. */
typedef struct
{
  char         *db_path;   /* --db, or the database the app uses */
  char         *login;     /* --user */
  gboolean      json;      /* --json */
  const char   *command;   /* "company add", for messages and --help */
  char         *description; /* its subcommands, for --help of "search" */
  char        **args;      /* args[0] is the program, then the arguments */
  TandemStore  *store;
} TandemCli;

typedef gboolean (*TandemCliCommandFunc) (TandemCli  *cli,
                                          GError    **error);

/* tandem-cli.c: parsing the options of the running command. @entries may
 * be NULL. The positional arguments left in cli->args must number between
 * @min_args and @max_args. */
gboolean     tandem_cli_parse                (TandemCli           *cli,
                                              const char          *parameters,
                                              const char          *summary,
                                              const GOptionEntry  *entries,
                                              gboolean             with_json,
                                              guint                min_args,
                                              guint                max_args,
                                              GError             **error);
gboolean     tandem_cli_parse_id             (const char          *text,
                                              const char          *option,
                                              gint64              *id,
                                              GError             **error);

/* tandem-cli-session.c: the database and who is asking. A password is
 * wiped from memory when freed. */
typedef char TandemCliPassword;

const char        *tandem_cli_get_db_path    (TandemCli           *cli);
gboolean           tandem_cli_open           (TandemCli           *cli,
                                              gboolean             create,
                                              GError             **error);
gboolean           tandem_cli_sign_in        (TandemCli           *cli,
                                              GError             **error);
TandemCliPassword *tandem_cli_read_password  (const char          *variable,
                                              const char          *prompt,
                                              const char          *repeat_prompt,
                                              GError             **error);
void               tandem_cli_free_password  (TandemCliPassword   *password);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemCliPassword, tandem_cli_free_password)

/* tandem-cli-users.c (SPEC A1, A4, A5) */
gboolean     tandem_cli_init                 (TandemCli *cli, GError **error);
gboolean     tandem_cli_user_add             (TandemCli *cli, GError **error);
gboolean     tandem_cli_user_passwd          (TandemCli *cli, GError **error);
gboolean     tandem_cli_user_list            (TandemCli *cli, GError **error);
gboolean     tandem_cli_user_totp_enable     (TandemCli *cli, GError **error);
gboolean     tandem_cli_user_totp_disable    (TandemCli *cli, GError **error);
gboolean     tandem_cli_group_add            (TandemCli *cli, GError **error);
gboolean     tandem_cli_group_list           (TandemCli *cli, GError **error);

/* tandem-cli-settings.c (SPEC B3, B4, B5, L1) */
gboolean     tandem_cli_role_add             (TandemCli *cli, GError **error);
gboolean     tandem_cli_role_list            (TandemCli *cli, GError **error);
gboolean     tandem_cli_field_add            (TandemCli *cli, GError **error);
gboolean     tandem_cli_field_list           (TandemCli *cli, GError **error);
gboolean     tandem_cli_parse_entity         (const char          *text,
                                              TandemKind          *entity,
                                              GError             **error);

/* tandem-cli-records.c (SPEC B, C, F) */
gboolean     tandem_cli_company_add          (TandemCli *cli, GError **error);
gboolean     tandem_cli_company_show         (TandemCli *cli, GError **error);
gboolean     tandem_cli_company_list         (TandemCli *cli, GError **error);
gboolean     tandem_cli_person_add           (TandemCli *cli, GError **error);
gboolean     tandem_cli_person_show          (TandemCli *cli, GError **error);
gboolean     tandem_cli_person_list          (TandemCli *cli, GError **error);
gboolean     tandem_cli_note_add             (TandemCli *cli, GError **error);

/* Who may see a new note, activity, project or task (SPEC E1), from
 * --visible-to (repeatable: "everyone", "groups", "team", "private" or a
 * group's name), the groups of --team/--group and --private. @allowed is
 * a mask of (1 << TandemVisibility) the record may take; the project team
 * also needs @has_project. Sets @group_ids (never NULL) on success. */
gboolean     tandem_cli_resolve_visibility   (TandemCli           *cli,
                                              char               **visible_to,
                                              char               **groups,
                                              gboolean             is_private,
                                              guint                allowed,
                                              gboolean             has_project,
                                              TandemVisibility     fallback,
                                              TandemVisibility    *visibility,
                                              GArray             **group_ids,
                                              GError             **error);
/* The names of @ids among @groups (from tandem_store_list_groups) */
GStrv        tandem_cli_group_names          (GPtrArray           *groups,
                                              const gint64        *ids,
                                              guint                n_ids);

/* tandem-cli-search.c (SPEC K1) */
gboolean     tandem_cli_search               (TandemCli *cli, GError **error);

/* tandem-cli-activities.c (SPEC D, J2) */
gboolean     tandem_cli_activity_add         (TandemCli *cli, GError **error);
gboolean     tandem_cli_activity_show        (TandemCli *cli, GError **error);
gboolean     tandem_cli_activity_list        (TandemCli *cli, GError **error);
gboolean     tandem_cli_activity_complete    (TandemCli *cli, GError **error);
gboolean     tandem_cli_activity_cancel      (TandemCli *cli, GError **error);
gboolean     tandem_cli_activity_delete      (TandemCli *cli, GError **error);
gboolean     tandem_cli_activity_message     (TandemCli *cli, GError **error);
gboolean     tandem_cli_timer_start          (TandemCli *cli, GError **error);
gboolean     tandem_cli_timer_stop           (TandemCli *cli, GError **error);
gboolean     tandem_cli_timer_status         (TandemCli *cli, GError **error);
gboolean     tandem_cli_report_time          (TandemCli *cli, GError **error);
gboolean     tandem_cli_term_list            (TandemCli *cli, GError **error);
gboolean     tandem_cli_term_add             (TandemCli *cli, GError **error);
gboolean     tandem_cli_term_rename          (TandemCli *cli, GError **error);
gboolean     tandem_cli_term_delete          (TandemCli *cli, GError **error);
gboolean     tandem_cli_target_set           (TandemCli *cli, GError **error);
gboolean     tandem_cli_target_list          (TandemCli *cli, GError **error);
/* --from DATE --to DATE of the reports as store days: @from the first
 * day, @to the day after the last ("YYYY-MM-DD", [from, to)). */
gboolean     tandem_cli_parse_day_range      (const char          *from_text,
                                              const char          *to_text,
                                              char               **from,
                                              char               **to,
                                              GError             **error);
/* The activities of a project the user may see (SPEC H4): added to
 * @object as "activities", or printed as lines when @object is NULL. */
gboolean     tandem_cli_show_project_activities (TandemCli        *cli,
                                              gint64               project_id,
                                              JsonObject          *object,
                                              GError             **error);
/* The same for the activities of a campaign (SPEC I3), or of whatever
 * @kind tandem_store_list_activities_of takes */
gboolean     tandem_cli_show_activities_of   (TandemCli           *cli,
                                              TandemKind           kind,
                                              gint64               id,
                                              JsonObject          *object,
                                              GError             **error);

/* tandem-cli-projects.c (SPEC H1–H4, E1, E2, E4) */
gboolean     tandem_cli_project_add          (TandemCli *cli, GError **error);
gboolean     tandem_cli_project_show         (TandemCli *cli, GError **error);
gboolean     tandem_cli_project_list         (TandemCli *cli, GError **error);
gboolean     tandem_cli_project_member_add   (TandemCli *cli, GError **error);
gboolean     tandem_cli_project_member_remove (TandemCli *cli, GError **error);
gboolean     tandem_cli_sale_add             (TandemCli *cli, GError **error);
gboolean     tandem_cli_sale_show            (TandemCli *cli, GError **error);
gboolean     tandem_cli_sale_list            (TandemCli *cli, GError **error);
gboolean     tandem_cli_sale_move            (TandemCli *cli, GError **error);
gboolean     tandem_cli_sale_win             (TandemCli *cli, GError **error);
gboolean     tandem_cli_sale_lose            (TandemCli *cli, GError **error);
gboolean     tandem_cli_task_add             (TandemCli *cli, GError **error);
gboolean     tandem_cli_task_list            (TandemCli *cli, GError **error);
gboolean     tandem_cli_task_done            (TandemCli *cli, GError **error);
gboolean     tandem_cli_task_cancel          (TandemCli *cli, GError **error);
gboolean     tandem_cli_stage_list           (TandemCli *cli, GError **error);
gboolean     tandem_cli_product_add          (TandemCli *cli, GError **error);
gboolean     tandem_cli_product_list         (TandemCli *cli, GError **error);
/* The sales projects of a campaign the user may see (SPEC I3): added to
 * @object as "sales", or printed as lines when @object is NULL. */
gboolean     tandem_cli_show_campaign_sales  (TandemCli           *cli,
                                              gint64               campaign_id,
                                              JsonObject          *object,
                                              GError             **error);
/* Money in hundredths as scripts read it: "12500.50" (SPEC M5) */
char        *tandem_cli_format_money         (gint64               cents);

/* tandem-cli-groups.c (SPEC I1–I3, K2): "group add" and "group list"
 * are for groups of users, or with --contact for contact groups. */
gboolean     tandem_cli_group_add_any        (TandemCli *cli, GError **error);
gboolean     tandem_cli_group_list_any       (TandemCli *cli, GError **error);
gboolean     tandem_cli_group_members_add    (TandemCli *cli, GError **error);
gboolean     tandem_cli_group_members_remove (TandemCli *cli, GError **error);
gboolean     tandem_cli_group_move           (TandemCli *cli, GError **error);
gboolean     tandem_cli_group_list_members   (TandemCli *cli, GError **error);
gboolean     tandem_cli_search_save          (TandemCli *cli, GError **error);
gboolean     tandem_cli_search_run           (TandemCli *cli, GError **error);
gboolean     tandem_cli_search_list          (TandemCli *cli, GError **error);
gboolean     tandem_cli_campaign_add         (TandemCli *cli, GError **error);
gboolean     tandem_cli_campaign_list        (TandemCli *cli, GError **error);
gboolean     tandem_cli_campaign_show        (TandemCli *cli, GError **error);

/* tandem-cli-labels.c (SPEC I4) */
gboolean     tandem_cli_labels               (TandemCli *cli, GError **error);
gboolean     tandem_cli_labels_templates     (TandemCli *cli, GError **error);

/* tandem-cli-reports.c (SPEC J1, J2) */
gboolean     tandem_cli_report_pipeline      (TandemCli *cli, GError **error);
gboolean     tandem_cli_report_forecast      (TandemCli *cli, GError **error);
gboolean     tandem_cli_report_development   (TandemCli *cli, GError **error);
gboolean     tandem_cli_report_activities    (TandemCli *cli, GError **error);
gboolean     tandem_cli_report_targets       (TandemCli *cli, GError **error);

/* tandem-cli-documents.c (SPEC G1, G2) */
gboolean     tandem_cli_doc_add              (TandemCli *cli, GError **error);
gboolean     tandem_cli_doc_list             (TandemCli *cli, GError **error);
gboolean     tandem_cli_doc_show             (TandemCli *cli, GError **error);
gboolean     tandem_cli_doc_get              (TandemCli *cli, GError **error);
gboolean     tandem_cli_doc_version_add      (TandemCli *cli, GError **error);

/* tandem-cli-backup.c (SPEC M2) */
gboolean     tandem_cli_backup               (TandemCli *cli, GError **error);
gboolean     tandem_cli_restore              (TandemCli *cli, GError **error);

/* tandem-cli-audit.c: the audit trail, for administrators */
gboolean     tandem_cli_audit                (TandemCli *cli, GError **error);

/* tandem-cli-output.c: what goes to stdout, as text or JSON. Output is
 * UTF-8 whatever the locale, so that scripts read the same bytes. */
void         tandem_cli_print                (const char          *format,
                                              ...) G_GNUC_PRINTF (1, 2);
void         tandem_cli_print_json           (JsonObject          *object);
/* "Label: value" on a line of its own; nothing for an empty value */
void         tandem_cli_print_value          (const char          *label,
                                              const char          *value);
/* @text with tabs and line breaks as spaces, for line-per-record output */
char        *tandem_cli_dup_one_line         (const char          *text);
/* One field of an RFC 4180 line, quoted when it needs to be */
void         tandem_cli_print_csv_field      (const char          *text,
                                              gboolean             last);

/* A list printed while it is walked, as lines or as a JSON array. */
typedef struct
{
  gboolean json;
  guint    n_items;
} TandemCliList;

void         tandem_cli_list_begin           (TandemCliList       *list,
                                              gboolean             json);
void         tandem_cli_list_add_json        (TandemCliList       *list,
                                              JsonObject          *object);
void         tandem_cli_list_end             (TandemCliList       *list);

JsonObject  *tandem_cli_company_to_json      (TandemCompany       *company,
                                              GPtrArray           *fields);
JsonObject  *tandem_cli_person_to_json       (TandemPerson        *person,
                                              GPtrArray           *fields);
JsonObject  *tandem_cli_note_to_json         (TandemNote          *note,
                                              GPtrArray           *groups);
JsonObject  *tandem_cli_user_to_json         (TandemUser          *user);
JsonObject  *tandem_cli_choice_to_json       (TandemChoice        *choice,
                                              const char          *type);
JsonObject  *tandem_cli_field_to_json        (TandemField         *field);
JsonObject  *tandem_cli_search_hit_to_json   (TandemSearchHit     *hit);

void         tandem_cli_print_company        (TandemCompany       *company,
                                              GPtrArray           *fields);
void         tandem_cli_print_person         (TandemPerson        *person,
                                              GPtrArray           *fields);
void         tandem_cli_print_company_line   (TandemCompany       *company);
void         tandem_cli_print_person_line    (TandemPerson        *person);
void         tandem_cli_print_note_line      (TandemNote          *note,
                                              GPtrArray           *groups);
void         tandem_cli_print_search_hit     (TandemSearchHit     *hit);

G_END_DECLS
