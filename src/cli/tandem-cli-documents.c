/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tandem-error.h"
#include "tandem-cli-private.h"

/* Documents (SPEC G1, G2): files kept in the database on a company,
 * person, project, sales project or activity, with their versions. What
 * the signed-in user may not see is "not found" here as everywhere. */

/* The record a document is on, from one of --company, --person,
 * --project, --sale or --activity. --project takes any project, a sales
 * project too; --sale only a sales project. */
typedef struct
{
  char *company;
  char *person;
  char *project;
  char *sale;
  char *activity;
} ParentOptions;

static void
parent_options_clear (ParentOptions *options)
{
  g_clear_pointer (&options->company, g_free);
  g_clear_pointer (&options->person, g_free);
  g_clear_pointer (&options->project, g_free);
  g_clear_pointer (&options->sale, g_free);
  g_clear_pointer (&options->activity, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ParentOptions, parent_options_clear)

static guint
parent_options_count (const ParentOptions *options)
{
  return (options->company != NULL) + (options->person != NULL) + (options->project != NULL) +
         (options->sale != NULL) + (options->activity != NULL);
}

/* Reads the option given into a kind and id (syntax only, before
 * signing in); @is_sale tells --sale. */
static gboolean
parse_parent (const ParentOptions  *options,
              TandemKind           *kind,
              gint64               *id,
              gboolean             *is_sale,
              GError              **error)
{
  struct { const char *text; TandemKind kind; const char *option; gboolean sale; } choices[] = {
    { options->company, TANDEM_KIND_COMPANY, "--company", FALSE },
    { options->person, TANDEM_KIND_PERSON, "--person", FALSE },
    { options->project, TANDEM_KIND_PROJECT, "--project", FALSE },
    { options->sale, TANDEM_KIND_PROJECT, "--sale", TRUE },
    { options->activity, TANDEM_KIND_ACTIVITY, "--activity", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (choices[i].text != NULL)
      {
        *kind = choices[i].kind;
        *is_sale = choices[i].sale;
        return tandem_cli_parse_id (choices[i].text, choices[i].option, id, error);
      }
  g_return_val_if_reached (FALSE);
}

/* --sale must name a sales project the user may see. */
static gboolean
check_sale (TandemCli  *cli,
            gint64      id,
            GError    **error)
{
  g_autoptr(TandemProject) project = tandem_store_get_project (cli->store, id, error);

  if (project == NULL)
    return FALSE;
  if (!tandem_project_get_is_sale (project))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("Project %lld is not a sales project; use --project %lld"), (long long) id, (long long) id);
      return FALSE;
    }
  return TRUE;
}

/* Reads a whole file, refusing one larger than a document may be before
 * reading it. */
static GBytes *
read_file (const char  *path,
           char       **basename,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_file_get_parse_name (file);
  char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("Cannot read “%s”: %s"), display, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("Cannot read “%s”: it is not a file"), display);
      return NULL;
    }
  if (g_file_info_get_size (info) > TANDEM_DOCUMENT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size_full (TANDEM_DOCUMENT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("“%s” is too large to keep (%s); documents up to %s can be added"), display, size, limit);
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("Cannot read “%s”: %s"), display, local_error->message);
      return NULL;
    }
  *basename = g_strdup (g_file_info_get_display_name (info));
  return g_bytes_new_take (contents, length);
}

static void
set_string_or_null (JsonObject *object,
                    const char *key,
                    const char *value)
{
  if (value != NULL && value[0] != '\0')
    json_object_set_string_member (object, key, value);
  else
    json_object_set_null_member (object, key);
}

static JsonObject *
version_to_json (TandemDocumentVersion *version)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "number", tandem_document_version_get_number (version));
  json_object_set_string_member (object, "file_name", tandem_document_version_get_file_name (version));
  set_string_or_null (object, "content_type", tandem_document_version_get_content_type (version));
  json_object_set_int_member (object, "size", tandem_document_version_get_size (version));
  json_object_set_string_member (object, "sha256", tandem_document_version_get_sha256 (version));
  set_string_or_null (object, "added_by", tandem_document_version_get_added_by_name (version));
  json_object_set_string_member (object, "added_at", tandem_document_version_get_added_at (version));
  set_string_or_null (object, "comment", tandem_document_version_get_comment (version));
  return object;
}

static JsonObject *
document_to_json (TandemDocument *document,
                  GPtrArray      *groups,
                  GPtrArray      *versions)
{
  JsonObject *object = json_object_new ();
  JsonObject *parent = json_object_new ();
  JsonArray *names = json_array_new ();
  g_auto(GStrv) group_names = NULL;
  const gint64 *ids;
  guint n_ids;
  TandemKind parent_kind = tandem_document_get_parent_kind (document);
  gboolean is_sale = tandem_document_get_parent_is_sale (document);

  json_object_set_int_member (object, "id", tandem_record_get_id (TANDEM_RECORD (document)));
  json_object_set_string_member (object, "type", "document");
  json_object_set_string_member (object, "title", tandem_document_get_title (document));
  json_object_set_string_member (object, "file_name", tandem_document_get_file_name (document));
  set_string_or_null (object, "content_type", tandem_document_get_content_type (document));
  json_object_set_int_member (object, "size", tandem_document_get_size (document));
  json_object_set_string_member (object, "sha256", tandem_document_get_sha256 (document));
  json_object_set_int_member (object, "version", tandem_document_get_version_count (document));
  json_object_set_string_member (object, "visibility",
                                 tandem_visibility_to_string (tandem_document_get_visibility (document)));
  ids = tandem_document_get_group_ids (document, &n_ids);
  group_names = tandem_cli_group_names (groups, ids, n_ids);
  for (guint i = 0; group_names != NULL && group_names[i] != NULL; i++)
    json_array_add_string_element (names, group_names[i]);
  json_object_set_array_member (object, "groups", names);
  set_string_or_null (object, "author", tandem_document_get_author_name (document));
  json_object_set_int_member (object, "author_id", tandem_document_get_author_id (document));
  json_object_set_string_member (object, "created", tandem_document_get_created_at (document));
  json_object_set_string_member (object, "updated", tandem_document_get_updated_at (document));

  json_object_set_int_member (parent, "id", tandem_document_get_parent_id (document));
  json_object_set_string_member (parent, "type", parent_kind == TANDEM_KIND_PROJECT && is_sale ? "sale"
                                                 : tandem_kind_to_string (parent_kind));
  set_string_or_null (parent, "name", tandem_document_get_parent_name (document));
  json_object_set_object_member (object, "parent", parent);

  if (tandem_document_get_is_email (document))
    {
      JsonObject *email = json_object_new ();

      set_string_or_null (email, "subject", tandem_document_get_email_subject (document));
      set_string_or_null (email, "from", tandem_document_get_email_sender (document));
      set_string_or_null (email, "date", tandem_document_get_email_date (document));
      json_object_set_object_member (object, "email", email);
    }
  else
    json_object_set_null_member (object, "email");

  if (versions != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < versions->len; i++)
        json_array_add_object_element (array, version_to_json (g_ptr_array_index (versions, i)));
      json_object_set_array_member (object, "versions", array);
    }
  return object;
}

/* id, title, file name, size in bytes, version, the record it is on and
 * when it last changed, tab-separated */
static void
print_document_line (TandemDocument *document)
{
  g_autofree char *title = tandem_cli_dup_one_line (tandem_document_get_title (document));
  g_autofree char *file_name = tandem_cli_dup_one_line (tandem_document_get_file_name (document));
  g_autofree char *parent = tandem_cli_dup_one_line (tandem_document_get_parent_name (document)
                                                     ? tandem_document_get_parent_name (document) : "");
  TandemKind parent_kind = tandem_document_get_parent_kind (document);

  tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%" G_GINT64_FORMAT "\t%u\t%s %" G_GINT64_FORMAT "\t%s\t%s\n",
                    tandem_record_get_id (TANDEM_RECORD (document)), title, file_name,
                    tandem_document_get_size (document), tandem_document_get_version_count (document),
                    parent_kind == TANDEM_KIND_PROJECT && tandem_document_get_parent_is_sale (document)
                    ? "sale" : tandem_kind_to_string (parent_kind),
                    tandem_document_get_parent_id (document), parent,
                    tandem_document_get_updated_at (document));
}

gboolean
tandem_cli_doc_add (TandemCli  *cli,
                    GError    **error)
{
  g_auto(ParentOptions) parent = { 0 };
  g_autoptr(GArray) group_ids = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(TandemDocument) document = NULL;
  g_autofree char *title = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *file_name = NULL;
  g_auto(GStrv) visible_to = NULL;
  gboolean private = FALSE;
  gboolean team = FALSE;
  gboolean is_sale = FALSE;
  TandemVisibility visibility;
  TandemKind parent_kind = TANDEM_KIND_NONE;
  gint64 parent_id = 0;
  gint64 id;
  const GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_FILENAME, &parent.company, N_("Add it to the company with this id"),
      C_("metavariable", "ID") },
    { "person", 0, 0, G_OPTION_ARG_FILENAME, &parent.person, N_("Add it to the person with this id"),
      C_("metavariable", "ID") },
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &parent.project,
      N_("Add it to the project with this id, a delivery or a sales project"), C_("metavariable", "ID") },
    { "sale", 0, 0, G_OPTION_ARG_FILENAME, &parent.sale,
      N_("Add it to the sales project with this id; refused for a delivery project"), C_("metavariable", "ID") },
    { "activity", 0, 0, G_OPTION_ARG_FILENAME, &parent.activity, N_("Add it to the activity with this id"),
      C_("metavariable", "ID") },
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title, N_("A title to show instead of the file name"),
      C_("metavariable", "TEXT") },
    { "type", 0, 0, G_OPTION_ARG_FILENAME, &content_type,
      N_("The MIME type of the file; guessed from its name and content when left out"),
      C_("metavariable", "TYPE") },
    { "visible-to", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &visible_to,
      N_("Only members of GROUP may see the document; repeat for several groups. "
         "“team”: only the project’s team; “everyone”: the default"), C_("metavariable", "GROUP") },
    { "private", 0, 0, G_OPTION_ARG_NONE, &private, N_("Only you may see the document"), NULL },
    { "team", 0, 0, G_OPTION_ARG_NONE, &team, N_("Only the project’s team may see the document"), NULL },
    { NULL }
  };

  if (!tandem_cli_parse (cli, C_("metavariable", "FILE"),
                         _("Add a file as a document to a company, person, project, sales project or activity "
                           "and print its id. Without --visible-to, --private or --team, everyone who may see "
                           "the record may see the document. An e-mail (.eml) shows its subject, sender and date."),
                         entries, TRUE, 1, 1, error))
    return FALSE;

  if (parent_options_count (&parent) != 1)
    return tandem_cli_usage_error (error, _("“doc add” needs one of --company ID, --person ID, --project ID, "
                                            "--sale ID or --activity ID"));
  if (private + team + (visible_to != NULL) > 1)
    return tandem_cli_usage_error (error, _("A document is either --private, --team or --visible-to groups, "
                                            "one of them"));
  if (!parse_parent (&parent, &parent_kind, &parent_id, &is_sale, error))
    return FALSE;
  if (team && parent_kind != TANDEM_KIND_PROJECT)
    return tandem_cli_usage_error (error, _("Only a document on a project can be visible to the project team; "
                                            "use --project ID or --sale ID"));

  /* The file is read before anything is asked or written. */
  data = read_file (cli->args[1], &file_name, error);
  if (data == NULL)
    return FALSE;

  if (!tandem_cli_sign_in (cli, error))
    return FALSE;
  if (is_sale && !check_sale (cli, parent_id, error))
    return FALSE;
  if (team)
    {
      visibility = TANDEM_VISIBILITY_TEAM;
      group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  else if (!tandem_cli_resolve_visibility (cli, visible_to, NULL, private,
                                           (1u << TANDEM_VISIBILITY_EVERYONE) | (1u << TANDEM_VISIBILITY_GROUPS) |
                                           (1u << TANDEM_VISIBILITY_PRIVATE) | (1u << TANDEM_VISIBILITY_TEAM),
                                           parent_kind == TANDEM_KIND_PROJECT, TANDEM_VISIBILITY_EVERYONE,
                                           &visibility, &group_ids, error))
    return FALSE;

  id = tandem_store_add_document (cli->store, parent_kind, parent_id, file_name, content_type, data, title,
                                  visibility, (const gint64 *) (gpointer) group_ids->data, group_ids->len, error);
  if (id == 0)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(GPtrArray) groups = tandem_store_list_groups (cli->store, error);
      g_autoptr(JsonObject) object = NULL;

      document = tandem_store_get_document (cli->store, id, error);
      if (document == NULL || groups == NULL)
        return FALSE;
      object = document_to_json (document, groups, NULL);
      tandem_cli_print_json (g_steal_pointer (&object));
    }
  else
    tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

gboolean
tandem_cli_doc_version_add (TandemCli  *cli,
                            GError    **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *file_name = NULL;
  gint64 id;
  guint number;
  const GOptionEntry entries[] = {
    { "comment", 0, 0, G_OPTION_ARG_FILENAME, &comment, N_("What changed in this version"),
      C_("metavariable", "TEXT") },
    { "type", 0, 0, G_OPTION_ARG_FILENAME, &content_type,
      N_("The MIME type of the file; guessed from its name and content when left out"),
      C_("metavariable", "TYPE") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, _("ID FILE"),
                         _("Add FILE as the new version of document ID and print the version’s number. "
                           "The earlier versions are kept."),
                         entries, FALSE, 2, 2, error))
    return FALSE;
  if (!tandem_cli_parse_id (cli->args[1], "doc version add", &id, error))
    return FALSE;
  data = read_file (cli->args[2], &file_name, error);
  if (data == NULL)
    return FALSE;
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  number = tandem_store_add_document_version (cli->store, id, file_name, content_type, data, comment, error);
  if (number == 0)
    return FALSE;
  tandem_cli_print ("%u\n", number);
  return TRUE;
}

gboolean
tandem_cli_doc_list (TandemCli  *cli,
                     GError    **error)
{
  g_auto(ParentOptions) parent = { 0 };
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *text = NULL;
  g_autofree char *on = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean mine = FALSE;
  gboolean email = FALSE;
  gint limit = 0;
  TandemCliList list;
  TandemDocumentFilter filter = { 0 };
  const GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_FILENAME, &parent.company, N_("Only the documents on this company"),
      C_("metavariable", "ID") },
    { "person", 0, 0, G_OPTION_ARG_FILENAME, &parent.person, N_("Only the documents on this person"),
      C_("metavariable", "ID") },
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &parent.project,
      N_("Only the documents on this project or sales project"), C_("metavariable", "ID") },
    { "sale", 0, 0, G_OPTION_ARG_FILENAME, &parent.sale, N_("Only the documents on this sales project"),
      C_("metavariable", "ID") },
    { "activity", 0, 0, G_OPTION_ARG_FILENAME, &parent.activity, N_("Only the documents on this activity"),
      C_("metavariable", "ID") },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text,
      N_("Only documents with these words in the title, file name, e-mail subject or sender"),
      C_("metavariable", "TEXT") },
    { "on", 0, 0, G_OPTION_ARG_FILENAME, &on,
      N_("Only documents on companies, people, projects, sales or activities"), C_("metavariable", "KIND") },
    { "mine", 0, 0, G_OPTION_ARG_NONE, &mine, N_("Only the documents you added"), NULL },
    { "email", 0, 0, G_OPTION_ARG_NONE, &email, N_("Only e-mails"), NULL },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("Only documents added on or after this day"),
      C_("metavariable", "YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, N_("Only documents added on or before this day"),
      C_("metavariable", "YYYY-MM-DD") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N documents"), C_("metavariable", "N") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("List the documents you may see, newest first: all of them, or those on one record. "
                           "Lines hold id, title, file name, size in bytes, version, the record it is on "
                           "and when it last changed, separated by tabs."),
                         entries, TRUE, 0, 0, error))
    return FALSE;
  if (parent_options_count (&parent) > 1)
    return tandem_cli_usage_error (error, _("Give at most one of --company, --person, --project, --sale "
                                            "and --activity"));
  if (limit < 0)
    return tandem_cli_usage_error (error, _("--limit needs a number of documents, 1 or more"));
  if (on != NULL)
    {
      if (g_str_equal (on, "company") || g_str_equal (on, "companies"))
        filter.parent_kind = TANDEM_KIND_COMPANY;
      else if (g_str_equal (on, "person") || g_str_equal (on, "people"))
        filter.parent_kind = TANDEM_KIND_PERSON;
      else if (g_str_equal (on, "project") || g_str_equal (on, "projects"))
        filter.parent_kind = TANDEM_KIND_PROJECT;
      else if (g_str_equal (on, "sale") || g_str_equal (on, "sales"))
        filter.parent_kind = TANDEM_KIND_PROJECT, filter.only_sales = TRUE;
      else if (g_str_equal (on, "activity") || g_str_equal (on, "activities"))
        filter.parent_kind = TANDEM_KIND_ACTIVITY;
      else
        return tandem_cli_usage_error (error, _("--on takes company, person, project, sale or activity, "
                                                "not “%s”"), on);
    }
  filter.text = text;
  filter.only_mine = mine;
  filter.only_email = email;
  filter.added_from = from;
  filter.added_to = to;
  filter.limit = limit;

  if (parent_options_count (&parent) == 1)
    {
      TandemKind kind = TANDEM_KIND_NONE;
      gint64 id = 0;
      gboolean is_sale = FALSE;

      if (text != NULL || on != NULL || mine || email || from != NULL || to != NULL || limit != 0)
        return tandem_cli_usage_error (error, _("The documents of one record are listed whole; leave out "
                                                "--text, --on, --mine, --email, --from, --to and --limit"));
      if (!parse_parent (&parent, &kind, &id, &is_sale, error) ||
          !tandem_cli_sign_in (cli, error))
        return FALSE;
      if (is_sale && !check_sale (cli, id, error))
        return FALSE;
      documents = tandem_store_list_documents_of (cli->store, kind, id, error);
      /* A record the user may not see has no documents to list, and says
       * so as the record's own commands do. */
      if (documents != NULL && documents->len == 0)
        {
          gboolean exists = TRUE;

          if (kind == TANDEM_KIND_COMPANY)
            {
              g_autoptr(TandemCompany) company = tandem_store_get_company (cli->store, id, error);
              exists = company != NULL;
            }
          else if (kind == TANDEM_KIND_PERSON)
            {
              g_autoptr(TandemPerson) person = tandem_store_get_person (cli->store, id, error);
              exists = person != NULL;
            }
          else if (kind == TANDEM_KIND_PROJECT)
            {
              g_autoptr(TandemProject) project = tandem_store_get_project (cli->store, id, error);
              exists = project != NULL;
            }
          else
            {
              g_autoptr(TandemActivity) activity = tandem_store_get_activity (cli->store, id, error);
              exists = activity != NULL;
            }
          if (!exists)
            return FALSE;
        }
    }
  else
    {
      if (!tandem_cli_sign_in (cli, error))
        return FALSE;
      documents = tandem_store_list_documents (cli->store, &filter, error);
    }
  if (documents == NULL)
    return FALSE;
  groups = tandem_store_list_groups (cli->store, error);
  if (groups == NULL)
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint i = 0; i < documents->len; i++)
    {
      TandemDocument *document = g_ptr_array_index (documents, i);

      if (cli->json)
        tandem_cli_list_add_json (&list, document_to_json (document, groups, NULL));
      else
        print_document_line (document);
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

gboolean
tandem_cli_doc_show (TandemCli  *cli,
                     GError    **error)
{
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(JsonObject) object = NULL;
  gint64 id;

  if (!tandem_cli_parse (cli, C_("metavariable", "ID"),
                         _("Show a document with its versions, newest first."), NULL, TRUE, 1, 1, error))
    return FALSE;
  if (!tandem_cli_parse_id (cli->args[1], "doc show", &id, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  document = tandem_store_get_document (cli->store, id, error);
  if (document == NULL)
    return FALSE;
  versions = tandem_store_list_document_versions (cli->store, id, error);
  if (versions == NULL)
    return FALSE;
  groups = tandem_store_list_groups (cli->store, error);
  if (groups == NULL)
    return FALSE;

  if (cli->json)
    {
      object = document_to_json (document, groups, versions);
      tandem_cli_print_json (g_steal_pointer (&object));
      return TRUE;
    }

  tandem_cli_print_value (_("Title"), tandem_document_get_title (document));
  tandem_cli_print_value (_("File"), tandem_document_get_file_name (document));
  tandem_cli_print_value (_("Type"), tandem_document_get_content_type (document));
  tandem_cli_print_value (_("On"), tandem_document_get_parent_name (document));
  tandem_cli_print_value (_("Visible to"), tandem_visibility_get_label (tandem_document_get_visibility (document)));
  tandem_cli_print_value (_("Added by"), tandem_document_get_author_name (document));
  if (tandem_document_get_is_email (document))
    {
      tandem_cli_print_value (_("Subject"), tandem_document_get_email_subject (document));
      tandem_cli_print_value (_("From"), tandem_document_get_email_sender (document));
      tandem_cli_print_value (_("Sent"), tandem_document_get_email_date (document));
    }
  for (guint i = 0; i < versions->len; i++)
    {
      TandemDocumentVersion *version = g_ptr_array_index (versions, i);
      g_autofree char *file_name = tandem_cli_dup_one_line (tandem_document_version_get_file_name (version));
      g_autofree char *comment = tandem_cli_dup_one_line (tandem_document_version_get_comment (version)
                                                          ? tandem_document_version_get_comment (version) : "");

      tandem_cli_print ("%u\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n",
                        tandem_document_version_get_number (version), file_name,
                        tandem_document_version_get_size (version),
                        tandem_document_version_get_added_at (version),
                        tandem_document_version_get_added_by_name (version)
                        ? tandem_document_version_get_added_by_name (version) : "",
                        comment);
    }
  return TRUE;
}

gboolean
tandem_cli_doc_get (TandemCli  *cli,
                    GError    **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(TandemDocumentVersion) version = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *display = NULL;
  gboolean force = FALSE;
  gint number = 0;
  gint64 id;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write the document to FILE; “-” for the standard output"),
      C_("metavariable", "FILE") },
    { "version", 0, 0, G_OPTION_ARG_INT, &number, N_("Write version N instead of the newest"),
      C_("metavariable", "N") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { NULL }
  };

  if (!tandem_cli_parse (cli, C_("metavariable", "ID"),
                         _("Write a document’s content to a file. The content is checked against the SHA-256 it "
                           "was stored with; a damaged document is not written, and FILE is left as it was."),
                         entries, FALSE, 1, 1, error))
    return FALSE;
  if (!tandem_cli_parse_id (cli->args[1], "doc get", &id, error))
    return FALSE;
  if (out == NULL || out[0] == '\0')
    return tandem_cli_usage_error (error, _("“doc get” needs --out FILE; see “tandem-cli doc get --help”"));
  if (number < 0)
    return tandem_cli_usage_error (error, _("--version needs a version number, 1 or more"));

  if (!g_str_equal (out, "-"))
    {
      file = g_file_new_for_commandline_arg (out);
      display = g_file_get_parse_name (file);
      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        {
          g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                       _("Cannot write to “%s”: it is a folder"), display);
          return FALSE;
        }
      if (!force && g_file_query_exists (file, NULL))
        {
          g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                       _("“%s” already exists; it was left as it was (use --force to replace it)"), display);
          return FALSE;
        }
    }

  if (!tandem_cli_sign_in (cli, error))
    return FALSE;
  data = tandem_store_read_document (cli->store, id, number, &version, error);
  if (data == NULL)
    return FALSE;
  /* Only a document the user may read gets this far; it is in the audit
   * trail before it leaves. */
  if (!tandem_store_audit_export (cli->store, TANDEM_KIND_DOCUMENT, id, "document", error))
    return FALSE;

  if (file == NULL)
    {
      gsize size;
      const char *bytes = g_bytes_get_data (data, &size);

      if (size > 0 && fwrite (bytes, 1, size, stdout) != size)
        {
          g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                       _("Could not write the document: %s"), g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }

  /* Written beside it and moved into place, so that a failure leaves
   * whatever was there before. */
  if (!g_file_replace_contents (file, g_bytes_get_data (data, NULL), g_bytes_get_size (data), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}
