/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-error.h"
#include "tandem-cli-private.h"

/* Companies, people and notes: add, show and list (SPEC B, C, F). */

/* Registers are read this many records at a time. */
#define PAGE_SIZE 200

/* An option that fills one text property of the record. */
typedef struct
{
  const char *option;
  const char *property;
  const char *description;
  const char *arg_context;       /* the msgctxt of arg_description */
  const char *arg_description;
} TandemCliTextOption;

static const TandemCliTextOption company_options[] = {
  { "phone", "phone", N_("Phone number"), "metavariable", NC_("metavariable", "PHONE") },
  { "fax", "fax", N_("Fax number"), "metavariable", NC_("metavariable", "FAX") },
  { "email", "email", N_("E-mail address"), "metavariable", NC_("metavariable", "ADDRESS") },
  { "website", "website", N_("Web site"), "metavariable", NC_("metavariable", "URL") },
  { "business-id", "business-id", N_("Business ID: a Finnish Y-tunnus or Polish NIP is checked"),
    "metavariable", NC_("metavariable", "ID") },
  { "vat", "vat-number", N_("VAT number"), "metavariable", NC_("metavariable", "NUMBER") },
  { "street", "visit-street", N_("Street of the visiting address"), "metavariable", NC_("metavariable", "STREET") },
  /* Translators: stands for a postcode in "--postcode=CODE" */
  { "postcode", "visit-postcode", N_("Postcode of the visiting address"),
    "postcode metavariable", NC_("postcode metavariable", "CODE") },
  { "city", "visit-city", N_("City of the visiting address"), "metavariable", NC_("metavariable", "CITY") },
  /* Translators: stands for a two-letter country code in "--country=CC" */
  { "country", "visit-country", N_("Country of the visiting address, e.g. FI or PL"),
    "metavariable", NC_("metavariable", "CC") },
};

static const TandemCliTextOption person_options[] = {
  /* Translators: stands for a job title in "--title=TITLE" */
  { "title", "job-title", N_("Title at the company"),
    "job title metavariable", NC_("job title metavariable", "TITLE") },
  { "email", "email", N_("E-mail address"), "metavariable", NC_("metavariable", "ADDRESS") },
  { "phone", "phone", N_("Phone number"), "metavariable", NC_("metavariable", "PHONE") },
  { "mobile", "mobile", N_("Mobile phone number"), "metavariable", NC_("metavariable", "PHONE") },
};

/* The option entries for @options, writing into @values, followed by
 * @extra (terminated by a NULL entry). */
static GOptionEntry *
build_entries (const TandemCliTextOption *options,
               guint                      n_options,
               char                     **values,
               const GOptionEntry        *extra)
{
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  for (guint i = 0; i < n_options; i++)
    {
      GOptionEntry entry = {
        options[i].option, 0, 0, G_OPTION_ARG_FILENAME, &values[i],
        options[i].description,
        g_dpgettext2 (GETTEXT_PACKAGE, options[i].arg_context, options[i].arg_description)
      };
      g_array_append_val (entries, entry);
    }
  for (guint i = 0; extra[i].long_name != NULL; i++)
    g_array_append_val (entries, extra[i]);
  return (GOptionEntry *) g_array_free (g_steal_pointer (&entries), FALSE);
}

static void
free_values (char  **values,
             guint   n_values)
{
  for (guint i = 0; i < n_values; i++)
    g_free (values[i]);
}

/* --set FIELD=VALUE: the field is looked up by name; the store checks the
 * value against the field's type when the record is saved. */
static gboolean
apply_field_values (TandemCli     *cli,
                    TandemRecord  *record,
                    char         **assignments,
                    GError       **error)
{
  for (guint i = 0; assignments && assignments[i]; i++)
    {
      g_autoptr(TandemField) field = NULL;
      g_auto(GStrv) parts = g_strsplit (assignments[i], "=", 2);
      g_autofree char *name = NULL;

      if (parts[0] == NULL || parts[1] == NULL)
        {
          g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                       _("--set needs FIELD=VALUE, not “%s”"), assignments[i]);
          return FALSE;
        }
      name = g_strstrip (g_strdup (parts[0]));
      field = tandem_store_find_field (cli->store, tandem_record_get_kind (record), name, error);
      if (field == NULL)
        return FALSE;
      tandem_record_set_field_value (record, tandem_field_get_id (field), parts[1]);
    }
  return TRUE;
}

static gboolean
parse_show_id (TandemCli  *cli,
               const char *summary,
               gint64     *id,
               GError    **error)
{
  return tandem_cli_parse (cli, C_("metavariable", "ID"), summary, NULL, TRUE, 1, 1, error) &&
         tandem_cli_parse_id (cli->args[1], "ID", id, error) &&
         tandem_cli_sign_in (cli, error);
}

gboolean
tandem_cli_company_add (TandemCli  *cli,
                        GError    **error)
{
  char *values[G_N_ELEMENTS (company_options)] = { NULL };
  g_autoptr(TandemCompany) company = NULL;
  g_autofree GOptionEntry *entries = NULL;
  g_auto(GStrv) roles = NULL;
  g_auto(GStrv) assignments = NULL;
  gboolean ok = FALSE;
  gint64 id;
  const GOptionEntry extra[] = {
    { "role", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &roles,
      N_("A partner role of the company; repeat for several"), C_("metavariable", "ROLE") },
    { "set", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &assignments,
      N_("Set a classification or additional field; repeat for several"), C_("metavariable", "FIELD=VALUE") },
    { NULL }
  };

  entries = build_entries (company_options, G_N_ELEMENTS (company_options), values, extra);
  if (!tandem_cli_parse (cli, C_("metavariable", "NAME"), _("Add a company and print its id. Only the name is needed."),
                         entries, FALSE, 1, 1, error) ||
      !tandem_cli_sign_in (cli, error))
    goto out;

  company = tandem_company_new (cli->args[1]);
  for (guint i = 0; i < G_N_ELEMENTS (company_options); i++)
    if (values[i] != NULL)
      tandem_company_set_text (company, company_options[i].property, values[i]);
  if (roles != NULL)
    tandem_company_set_roles (company, (const char * const *) roles);
  if (!apply_field_values (cli, TANDEM_RECORD (company), assignments, error))
    goto out;

  id = tandem_store_save_company (cli->store, company, error);
  if (id == 0)
    goto out;
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  ok = TRUE;

out:
  free_values (values, G_N_ELEMENTS (values));
  return ok;
}

gboolean
tandem_cli_person_add (TandemCli  *cli,
                       GError    **error)
{
  char *values[G_N_ELEMENTS (person_options)] = { NULL };
  g_autoptr(TandemPerson) person = NULL;
  g_autofree GOptionEntry *entries = NULL;
  g_autofree char *company_text = NULL;
  g_auto(GStrv) assignments = NULL;
  gint64 company_id = 0;
  gboolean ok = FALSE;
  gint64 id;
  const GOptionEntry extra[] = {
    { "company", 0, 0, G_OPTION_ARG_FILENAME, &company_text,
      N_("The id of the person’s company"), C_("metavariable", "ID") },
    { "set", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &assignments,
      N_("Set a classification or additional field; repeat for several"), C_("metavariable", "FIELD=VALUE") },
    { NULL }
  };

  entries = build_entries (person_options, G_N_ELEMENTS (person_options), values, extra);
  if (!tandem_cli_parse (cli, C_("metavariable", "NAME"),
                         _("Add a person, at a company or on their own, and print the id. Only the name is needed."),
                         entries, FALSE, 1, 1, error))
    goto out;
  if (company_text != NULL && !tandem_cli_parse_id (company_text, "--company", &company_id, error))
    goto out;
  if (!tandem_cli_sign_in (cli, error))
    goto out;

  person = tandem_person_new (cli->args[1]);
  for (guint i = 0; i < G_N_ELEMENTS (person_options); i++)
    if (values[i] != NULL)
      g_object_set (person, person_options[i].property, values[i], NULL);
  tandem_person_set_company_id (person, company_id);
  if (!apply_field_values (cli, TANDEM_RECORD (person), assignments, error))
    goto out;

  id = tandem_store_save_person (cli->store, person, error);
  if (id == 0)
    goto out;
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  ok = TRUE;

out:
  free_values (values, G_N_ELEMENTS (values));
  return ok;
}

/* The ids of the named groups, or NULL with @error set. */
static GArray *
resolve_groups (TandemStore  *store,
                char        **names,
                GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) groups = tandem_store_list_groups (store, error);

  if (groups == NULL)
    return NULL;
  for (guint i = 0; names[i]; i++)
    {
      gint64 id = 0;

      for (guint j = 0; j < groups->len && id == 0; j++)
        if (g_str_equal (tandem_choice_get_name (g_ptr_array_index (groups, j)), names[i]))
          id = tandem_choice_get_id (g_ptr_array_index (groups, j));
      if (id == 0)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("There is no group called “%s”"), names[i]);
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static const char * const visibility_words[] = {
  [TANDEM_VISIBILITY_EVERYONE] = "everyone",
  [TANDEM_VISIBILITY_GROUPS] = "groups",
  [TANDEM_VISIBILITY_PRIVATE] = "private",
  [TANDEM_VISIBILITY_TEAM] = "team",
};

static gboolean
set_visibility_once (TandemVisibility  *visibility,
                     gboolean          *chosen,
                     TandemVisibility   value,
                     GError           **error)
{
  if (*chosen && *visibility != value)
    {
      /* Translators: the words in quotes are command-line values, keep them. */
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("Give one visibility: “%s” and “%s” (or --private) do not go together"),
                   visibility_words[*visibility], visibility_words[value]);
      return FALSE;
    }
  *visibility = value;
  *chosen = TRUE;
  return TRUE;
}

gboolean
tandem_cli_resolve_visibility (TandemCli         *cli,
                               char             **visible_to,
                               char             **groups,
                               gboolean           is_private,
                               guint              allowed,
                               gboolean           has_project,
                               TandemVisibility   fallback,
                               TandemVisibility  *visibility,
                               GArray           **group_ids,
                               GError           **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  TandemVisibility value = fallback;
  gboolean chosen = FALSE;

  for (guint i = 0; visible_to && visible_to[i]; i++)
    {
      gboolean is_word = FALSE;

      for (guint v = 0; v < G_N_ELEMENTS (visibility_words); v++)
        if (g_str_equal (visible_to[i], visibility_words[v]))
          {
            if (!set_visibility_once (&value, &chosen, v, error))
              return FALSE;
            is_word = TRUE;
          }
      if (!is_word)
        g_strv_builder_add (builder, visible_to[i]);
    }
  for (guint i = 0; groups && groups[i]; i++)
    g_strv_builder_add (builder, groups[i]);
  names = g_strv_builder_end (builder);

  if (is_private && !set_visibility_once (&value, &chosen, TANDEM_VISIBILITY_PRIVATE, error))
    return FALSE;
  if (names[0] != NULL && !set_visibility_once (&value, &chosen, TANDEM_VISIBILITY_GROUPS, error))
    return FALSE;
  if (value == TANDEM_VISIBILITY_GROUPS && names[0] == NULL)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("Name the groups that may see it with --team GROUP"));
      return FALSE;
    }
  if ((allowed & (1u << value)) == 0)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("“%s” is not a visibility for this record"), visibility_words[value]);
      return FALSE;
    }
  if (value == TANDEM_VISIBILITY_TEAM && !has_project)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("Only a record of a project can be visible to the project team; add --project ID"));
      return FALSE;
    }

  if (names[0] != NULL)
    {
      *group_ids = resolve_groups (cli->store, names, error);
      if (*group_ids == NULL)
        return FALSE;
    }
  else
    *group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  *visibility = value;
  return TRUE;
}

gboolean
tandem_cli_note_add (TandemCli  *cli,
                     GError    **error)
{
  g_autoptr(TandemNote) note = NULL;
  g_autoptr(GArray) group_ids = NULL;
  g_autofree char *company_text = NULL;
  g_autofree char *person_text = NULL;
  g_autofree char *project_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *due = NULL;
  g_auto(GStrv) visible_to = NULL;
  g_auto(GStrv) teams = NULL;
  gboolean private = FALSE;
  TandemVisibility visibility;
  TandemKind parent_kind;
  const char *parent_text;
  const char *parent_option;
  gint64 parent_id;
  gint64 id;
  const GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_FILENAME, &company_text, N_("The id of the company the note is on"),
      C_("metavariable", "ID") },
    { "person", 0, 0, G_OPTION_ARG_FILENAME, &person_text, N_("The id of the person the note is on"),
      C_("metavariable", "ID") },
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &project_text,
      N_("The id of the project or sales project the note is on"), C_("metavariable", "ID") },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text, N_("The text of the note"), C_("metavariable", "TEXT") },
    { "visible-to", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &visible_to,
      N_("Only members of GROUP may read the note; repeat for several groups. "
         "“team”: only the project’s team; “everyone”: the default"), C_("metavariable", "GROUP") },
    { "team", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &teams,
      N_("Only members of GROUP may read the note, as --visible-to GROUP"), C_("metavariable", "GROUP") },
    { "private", 0, 0, G_OPTION_ARG_NONE, &private, N_("Only you may read the note"), NULL },
    { "due", 0, 0, G_OPTION_ARG_FILENAME, &due, N_("Due date of the note"), C_("metavariable", "YYYY-MM-DD") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("Add a note to a company, a person or a project and print its id. "
                           "Without --visible-to or --private, everyone who may see the company, "
                           "person or project can read it."),
                         entries, FALSE, 0, 0, error))
    return FALSE;

  if ((company_text != NULL) + (person_text != NULL) + (project_text != NULL) != 1)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("“note add” needs one of --company ID, --person ID or --project ID"));
      return FALSE;
    }
  if (text == NULL)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("“note add” needs --text TEXT"));
      return FALSE;
    }
  if (private && (visible_to != NULL || teams != NULL))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("A note is either --private or --visible-to groups, not both"));
      return FALSE;
    }
  if (company_text != NULL)
    {
      parent_kind = TANDEM_KIND_COMPANY;
      parent_text = company_text;
      parent_option = "--company";
    }
  else if (person_text != NULL)
    {
      parent_kind = TANDEM_KIND_PERSON;
      parent_text = person_text;
      parent_option = "--person";
    }
  else
    {
      parent_kind = TANDEM_KIND_PROJECT;
      parent_text = project_text;
      parent_option = "--project";
    }
  if (!tandem_cli_parse_id (parent_text, parent_option, &parent_id, error))
    return FALSE;
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  if (!tandem_cli_resolve_visibility (cli, visible_to, teams, private,
                                      (1u << TANDEM_VISIBILITY_EVERYONE) | (1u << TANDEM_VISIBILITY_GROUPS) |
                                      (1u << TANDEM_VISIBILITY_PRIVATE) | (1u << TANDEM_VISIBILITY_TEAM),
                                      parent_kind == TANDEM_KIND_PROJECT, TANDEM_VISIBILITY_EVERYONE,
                                      &visibility, &group_ids, error))
    return FALSE;

  note = tandem_note_new (parent_kind, parent_id, text);
  if (due != NULL)
    tandem_note_set_due (note, due);
  tandem_note_set_visibility (note, visibility);
  tandem_note_set_group_ids (note, (const gint64 *) (gpointer) group_ids->data, group_ids->len);

  id = tandem_store_save_note (cli->store, note, error);
  if (id == 0)
    return FALSE;
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

/* The notes of a record as the signed-in user may see them (SPEC E5): the
 * store leaves out the rest without a trace. */
static gboolean
show_notes (TandemCli   *cli,
            JsonObject  *object,
            TandemKind   kind,
            gint64       id,
            GError     **error)
{
  g_autoptr(GPtrArray) notes = tandem_store_list_notes (cli->store, kind, id, error);
  g_autoptr(GPtrArray) groups = NULL;

  if (notes == NULL)
    return FALSE;
  groups = tandem_store_list_groups (cli->store, error);
  if (groups == NULL)
    return FALSE;

  if (object != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < notes->len; i++)
        json_array_add_object_element (array, tandem_cli_note_to_json (g_ptr_array_index (notes, i), groups));
      json_object_set_array_member (object, "notes", array);
    }
  else if (notes->len > 0)
    {
      tandem_cli_print ("%s\n", _("Notes:"));
      for (guint i = 0; i < notes->len; i++)
        {
          tandem_cli_print ("  ");
          tandem_cli_print_note_line (g_ptr_array_index (notes, i), groups);
        }
    }
  return TRUE;
}

gboolean
tandem_cli_company_show (TandemCli  *cli,
                         GError    **error)
{
  g_autoptr(TandemCompany) company = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(JsonObject) object = NULL;
  gint64 id;

  if (!parse_show_id (cli, _("Show a company with its people and the notes you may read."), &id, error))
    return FALSE;

  company = tandem_store_get_company (cli->store, id, error);
  if (company == NULL)
    return FALSE;
  fields = tandem_store_list_fields (cli->store, TANDEM_KIND_COMPANY, error);
  if (fields == NULL)
    return FALSE;
  people = tandem_store_list_people_of (cli->store, id, error);
  if (people == NULL)
    return FALSE;

  if (cli->json)
    {
      JsonArray *array = json_array_new ();

      object = tandem_cli_company_to_json (company, fields);
      for (guint i = 0; i < people->len; i++)
        json_array_add_object_element (array, tandem_cli_person_to_json (g_ptr_array_index (people, i), NULL));
      json_object_set_array_member (object, "people", array);
      if (!show_notes (cli, object, TANDEM_KIND_COMPANY, id, error))
        return FALSE;
      tandem_cli_print_json (g_steal_pointer (&object));
      return TRUE;
    }

  tandem_cli_print_company (company, fields);
  if (people->len > 0)
    {
      tandem_cli_print ("%s\n", _("People:"));
      for (guint i = 0; i < people->len; i++)
        {
          tandem_cli_print ("  ");
          tandem_cli_print_person_line (g_ptr_array_index (people, i));
        }
    }
  return show_notes (cli, NULL, TANDEM_KIND_COMPANY, id, error);
}

gboolean
tandem_cli_person_show (TandemCli  *cli,
                        GError    **error)
{
  g_autoptr(TandemPerson) person = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(JsonObject) object = NULL;
  gint64 id;

  if (!parse_show_id (cli, _("Show a person with the notes you may read."), &id, error))
    return FALSE;

  person = tandem_store_get_person (cli->store, id, error);
  if (person == NULL)
    return FALSE;
  fields = tandem_store_list_fields (cli->store, TANDEM_KIND_PERSON, error);
  if (fields == NULL)
    return FALSE;

  if (cli->json)
    {
      object = tandem_cli_person_to_json (person, fields);
      if (!show_notes (cli, object, TANDEM_KIND_PERSON, id, error))
        return FALSE;
      tandem_cli_print_json (g_steal_pointer (&object));
      return TRUE;
    }

  tandem_cli_print_person (person, fields);
  return show_notes (cli, NULL, TANDEM_KIND_PERSON, id, error);
}

/* Walks a register page by page, keyed by the last (name, id) seen, and
 * prints each page before the next is read: memory stays flat however
 * many records there are. */
static gboolean
list_register (TandemCli   *cli,
               TandemKind   kind,
               GError     **error)
{
  g_autofree char *after_name = NULL;
  gint64 after_id = 0;
  TandemCliList list;

  tandem_cli_list_begin (&list, cli->json);
  for (;;)
    {
      g_autoptr(GPtrArray) page = NULL;
      TandemRecord *last;

      /* The page starts at the last record printed, unless someone
       * deleted it meanwhile; it is skipped by its id, not by position. */
      page = tandem_store_list_page (cli->store, kind, after_name, after_id, 0, PAGE_SIZE, error);
      if (page == NULL)
        {
          tandem_cli_list_end (&list);
          return FALSE;
        }

      for (guint i = 0; i < page->len; i++)
        {
          gpointer record = g_ptr_array_index (page, i);

          if (i == 0 && after_name != NULL && tandem_record_get_id (record) == after_id)
            continue;
          if (kind == TANDEM_KIND_COMPANY && cli->json)
            tandem_cli_list_add_json (&list, tandem_cli_company_to_json (record, NULL));
          else if (kind == TANDEM_KIND_COMPANY)
            tandem_cli_print_company_line (record);
          else if (cli->json)
            tandem_cli_list_add_json (&list, tandem_cli_person_to_json (record, NULL));
          else
            tandem_cli_print_person_line (record);
        }
      fflush (stdout);

      if (page->len < PAGE_SIZE)
        break;
      last = g_ptr_array_index (page, page->len - 1);
      g_free (after_name);
      after_name = g_strdup (tandem_record_get_title (last));
      after_id = tandem_record_get_id (last);
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

gboolean
tandem_cli_company_list (TandemCli  *cli,
                         GError    **error)
{
  if (!tandem_cli_parse (cli, "", _("List the companies in name order: id, name, city and phone."),
                         NULL, TRUE, 0, 0, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  return list_register (cli, TANDEM_KIND_COMPANY, error);
}

gboolean
tandem_cli_person_list (TandemCli  *cli,
                        GError    **error)
{
  if (!tandem_cli_parse (cli, "", _("List the people in name order: id, name, title, company and e-mail."),
                         NULL, TRUE, 0, 0, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  return list_register (cli, TANDEM_KIND_PERSON, error);
}
