/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-error.h"
#include "tandem-cli-private.h"

/* Contact groups and their members, saved searches and campaigns (SPEC
 * I1–I3, K2). "group add" and "group list" keep meaning groups of users;
 * with --contact they mean contact groups. A contact group is named by
 * its name or its id wherever a command takes one. */

/* Registers are read this many rows at a time, so memory stays flat. */
#define PAGE_SIZE 500

/* Reading the command line */

/* Whether one of @options stands among the command's arguments before a
 * "--" (after which everything is an argument). */
static gboolean
has_option (TandemCli          *cli,
            const char * const *options)
{
  for (guint i = 1; cli->args[i] != NULL; i++)
    {
      if (g_str_equal (cli->args[i], "--"))
        return FALSE;
      if (g_strv_contains (options, cli->args[i]))
        return TRUE;
    }
  return FALSE;
}

/* The companies of --company and the people of --person, each once. */
static GArray *
parse_refs (char    **companies,
            char    **people,
            GError  **error)
{
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (TandemContactRef));
  struct { char **ids; TandemKind kind; const char *option; } sources[] = {
    { companies, TANDEM_KIND_COMPANY, "--company" },
    { people, TANDEM_KIND_PERSON, "--person" },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    for (guint i = 0; sources[s].ids != NULL && sources[s].ids[i] != NULL; i++)
      {
        TandemContactRef ref = { sources[s].kind, 0 };
        gboolean seen = FALSE;

        if (!tandem_cli_parse_id (sources[s].ids[i], sources[s].option, &ref.id, error))
          return NULL;
        for (guint j = 0; j < refs->len && !seen; j++)
          {
            TandemContactRef *other = &g_array_index (refs, TandemContactRef, j);

            seen = other->kind == ref.kind && other->id == ref.id;
          }
        if (!seen)
          g_array_append_val (refs, ref);
      }
  return g_steal_pointer (&refs);
}

/* The ids of the contact groups @names (by name or id), or NULL with
 * @error set. An empty list gives an empty array. */
static GArray *
find_group_ids (TandemCli  *cli,
                char      **names,
                GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(TandemContactGroup) group = tandem_store_find_contact_group (cli->store, names[i], error);
      gint64 id;

      if (group == NULL)
        return NULL;
      id = tandem_contact_group_get_id (group);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* Output */

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
group_name (GPtrArray *groups,
            gint64     id)
{
  for (guint i = 0; i < groups->len; i++)
    if (tandem_contact_group_get_id (g_ptr_array_index (groups, i)) == id)
      return tandem_contact_group_get_name (g_ptr_array_index (groups, i));
  return NULL;
}

static JsonObject *
contact_group_to_json (TandemContactGroup *group)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", tandem_contact_group_get_id (group));
  json_object_set_string_member (object, "type", "contact-group");
  json_object_set_string_member (object, "name", tandem_contact_group_get_name (group));
  json_object_set_int_member (object, "members", tandem_contact_group_get_n_members (group));
  json_object_set_boolean_member (object, "do_not_contact", tandem_contact_group_get_do_not_contact (group));
  set_string_or_null (object, "builtin", tandem_contact_group_get_builtin (group));
  return object;
}

/* A row of the group screen or of a saved search's results; @groups
 * (every contact group) names the groups it is in. */
static JsonObject *
contact_to_json (TandemContact *contact,
                 GPtrArray     *groups)
{
  JsonObject *object = json_object_new ();
  const char *kind = tandem_kind_to_string (tandem_contact_get_kind (contact));
  JsonArray *names = json_array_new ();
  JsonArray *ids = json_array_new ();
  const gint64 *group_ids;
  guint n_groups;

  json_object_set_int_member (object, "id", tandem_contact_get_id (contact));
  json_object_set_string_member (object, "type", kind);
  json_object_set_string_member (object, "kind", kind);
  json_object_set_string_member (object, "name", tandem_contact_get_name (contact));
  set_id_or_null (object, "company_id", tandem_contact_get_company_id (contact));
  set_string_or_null (object, "company", tandem_contact_get_company_name (contact));
  set_string_or_null (object, "phone", tandem_contact_get_phone (contact));
  set_string_or_null (object, "mobile", tandem_contact_get_mobile (contact));
  set_string_or_null (object, "email", tandem_contact_get_email (contact));
  set_string_or_null (object, "city", tandem_contact_get_city (contact));

  group_ids = tandem_contact_get_group_ids (contact, &n_groups);
  for (guint i = 0; i < n_groups; i++)
    {
      const char *name = group_name (groups, group_ids[i]);

      json_array_add_int_element (ids, group_ids[i]);
      if (name != NULL)
        json_array_add_string_element (names, name);
    }
  json_object_set_array_member (object, "groups", names);
  json_object_set_array_member (object, "group_ids", ids);
  return object;
}

/* kind, id, name, company, phone, mobile, e-mail and groups, tab-separated */
static void
print_contact_line (TandemContact *contact,
                    GPtrArray     *groups)
{
  const char *fields[] = {
    tandem_contact_get_name (contact),
    tandem_contact_get_company_name (contact),
    tandem_contact_get_phone (contact),
    tandem_contact_get_mobile (contact),
    tandem_contact_get_email (contact),
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *line = NULL;
  const gint64 *group_ids;
  guint n_groups;

  tandem_cli_print ("%s\t%" G_GINT64_FORMAT,
                    tandem_kind_to_string (tandem_contact_get_kind (contact)), tandem_contact_get_id (contact));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *field = tandem_cli_dup_one_line (fields[i] != NULL ? fields[i] : "");

      tandem_cli_print ("\t%s", field);
    }

  group_ids = tandem_contact_get_group_ids (contact, &n_groups);
  for (guint i = 0; i < n_groups; i++)
    {
      const char *name = group_name (groups, group_ids[i]);

      if (name != NULL)
        g_strv_builder_add (builder, name);
    }
  names = g_strv_builder_end (builder);
  joined = g_strjoinv (", ", names);
  line = tandem_cli_dup_one_line (joined);
  tandem_cli_print ("\t%s\n", line);
}

typedef GPtrArray *(*ContactPageFunc) (TandemCli  *cli,
                                       gpointer    data,
                                       guint       offset,
                                       guint       limit,
                                       GError    **error);

/* Prints contacts a page at a time, as lines or a JSON array. */
static gboolean
print_contacts (TandemCli        *cli,
                ContactPageFunc   page_func,
                gpointer          data,
                GError          **error)
{
  g_autoptr(GPtrArray) groups = tandem_store_list_contact_groups (cli->store, error);
  TandemCliList list;

  if (groups == NULL)
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint offset = 0;; offset += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) page = page_func (cli, data, offset, PAGE_SIZE, error);

      if (page == NULL)
        {
          tandem_cli_list_end (&list);
          return FALSE;
        }
      for (guint i = 0; i < page->len; i++)
        {
          if (cli->json)
            tandem_cli_list_add_json (&list, contact_to_json (g_ptr_array_index (page, i), groups));
          else
            print_contact_line (g_ptr_array_index (page, i), groups);
        }
      if (page->len < PAGE_SIZE)
        break;
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

/* group add --contact, group list --contact (SPEC I1) */

static const char * const contact_options[] = { "--contact", "--do-not-contact", NULL };

static gboolean
contact_group_add (TandemCli  *cli,
                   GError    **error)
{
  g_autoptr(TandemContactGroup) group = NULL;
  gboolean contact = FALSE;
  gboolean do_not_contact = FALSE;
  gint64 id;
  const GOptionEntry entries[] = {
    { "contact", 0, 0, G_OPTION_ARG_NONE, &contact, N_("Add a contact group, not a group of users"), NULL },
    { "do-not-contact", 0, 0, G_OPTION_ARG_NONE, &do_not_contact,
      N_("Its members are left out of label sheets unless asked for"), NULL },
    { NULL }
  };

  if (!tandem_cli_parse (cli, C_("metavariable", "NAME"),
                         _("Add a contact group (with --contact) and print its id. "
                           "Only administrators add contact groups."),
                         entries, FALSE, 1, 1, error))
    return FALSE;
  if (!contact)
    return tandem_cli_usage_error (error, _("--do-not-contact is for contact groups; add --contact"));
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  group = tandem_contact_group_new (cli->args[1]);
  tandem_contact_group_set_do_not_contact (group, do_not_contact);
  id = tandem_store_save_contact_group (cli->store, group, error);
  if (id == 0)
    return FALSE;
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

static gboolean
contact_group_list (TandemCli  *cli,
                    GError    **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  gboolean contact = FALSE;
  TandemCliList list;
  const GOptionEntry entries[] = {
    { "contact", 0, 0, G_OPTION_ARG_NONE, &contact, N_("List the contact groups, not the groups of users"), NULL },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("List the contact groups (with --contact): id, name, the number of members you may "
                           "see, and whether they are not to be contacted."),
                         entries, TRUE, 0, 0, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  groups = tandem_store_list_contact_groups (cli->store, error);
  if (groups == NULL)
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint i = 0; i < groups->len; i++)
    {
      TandemContactGroup *group = g_ptr_array_index (groups, i);

      if (cli->json)
        tandem_cli_list_add_json (&list, contact_group_to_json (group));
      else
        {
          g_autofree char *name = tandem_cli_dup_one_line (tandem_contact_group_get_name (group));

          tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%u", tandem_contact_group_get_id (group), name,
                            tandem_contact_group_get_n_members (group));
          if (tandem_contact_group_get_do_not_contact (group))
            tandem_cli_print ("\t%s", _("do not contact"));
          tandem_cli_print ("\n");
        }
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

gboolean
tandem_cli_group_add_any (TandemCli  *cli,
                          GError    **error)
{
  if (has_option (cli, contact_options))
    return contact_group_add (cli, error);
  return tandem_cli_group_add (cli, error);
}

gboolean
tandem_cli_group_list_any (TandemCli  *cli,
                           GError    **error)
{
  if (has_option (cli, contact_options))
    return contact_group_list (cli, error);
  return tandem_cli_group_list (cli, error);
}

/* group members add|remove, group move (SPEC I2) */

typedef enum
{
  MEMBERS_ADD,
  MEMBERS_REMOVE,
  MEMBERS_MOVE,
} MembersChange;

static void
print_group_count (JsonObject         *object,
                   const char         *prefix,
                   TandemContactGroup *group)
{
  g_autofree char *id_key = g_strconcat (prefix, "_id", NULL);
  g_autofree char *members_key = g_strconcat (prefix, "_members", NULL);

  json_object_set_int_member (object, id_key, tandem_contact_group_get_id (group));
  json_object_set_string_member (object, prefix, tandem_contact_group_get_name (group));
  json_object_set_int_member (object, members_key, tandem_contact_group_get_n_members (group));
}

static gboolean
change_members (TandemCli      *cli,
                MembersChange   change,
                GError        **error)
{
  g_autoptr(TandemContactGroup) from = NULL;
  g_autoptr(TandemContactGroup) to = NULL;
  g_autoptr(TandemContactGroup) from_after = NULL;
  g_autoptr(TandemContactGroup) to_after = NULL;
  g_autoptr(GArray) refs = NULL;
  g_auto(GStrv) companies = NULL;
  g_auto(GStrv) people = NULL;
  g_autoptr(GError) local_error = NULL;
  const TandemContactRef *data;
  guint changed;
  guint unchanged;
  const GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &companies, N_("A company, by id; repeat for several"),
      C_("metavariable", "ID") },
    { "person", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &people, N_("A person, by id; repeat for several"),
      C_("metavariable", "ID") },
    { NULL }
  };

  if (change == MEMBERS_MOVE)
    {
      if (!tandem_cli_parse (cli, C_("metavariable", "FROM TO"),
                             _("Move companies and people out of the contact group FROM into TO (by name or id) "
                               "and say how many moved."),
                             entries, TRUE, 2, 2, error))
        return FALSE;
    }
  else if (!tandem_cli_parse (cli, C_("metavariable", "GROUP"),
                              change == MEMBERS_ADD
                              ? _("Add companies and people to a contact group (by name or id) and say how many "
                                  "were added.")
                              : _("Remove companies and people from a contact group (by name or id) and say how "
                                  "many were removed."),
                              entries, TRUE, 1, 1, error))
    return FALSE;

  refs = parse_refs (companies, people, error);
  if (refs == NULL)
    return FALSE;
  if (refs->len == 0)
    return tandem_cli_usage_error (error, _("“%s” needs at least one --company ID or --person ID"), cli->command);
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  from = tandem_store_find_contact_group (cli->store, cli->args[1], error);
  if (from == NULL)
    return FALSE;
  if (change == MEMBERS_MOVE)
    {
      to = tandem_store_find_contact_group (cli->store, cli->args[2], error);
      if (to == NULL)
        return FALSE;
    }

  data = (const TandemContactRef *) (gpointer) refs->data;
  if (change == MEMBERS_ADD)
    changed = tandem_store_add_to_group (cli->store, tandem_contact_group_get_id (from), data, refs->len,
                                         &local_error);
  else if (change == MEMBERS_REMOVE)
    changed = tandem_store_remove_from_group (cli->store, tandem_contact_group_get_id (from), data, refs->len,
                                              &local_error);
  else
    changed = tandem_store_move_to_group (cli->store, tandem_contact_group_get_id (from),
                                          tandem_contact_group_get_id (to), data, refs->len, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  unchanged = refs->len - MIN (changed, refs->len);

  /* The counts after the change, as far as the user may see */
  from_after = tandem_store_get_contact_group (cli->store, tandem_contact_group_get_id (from), error);
  if (from_after == NULL)
    return FALSE;
  if (to != NULL)
    {
      to_after = tandem_store_get_contact_group (cli->store, tandem_contact_group_get_id (to), error);
      if (to_after == NULL)
        return FALSE;
    }

  if (cli->json)
    {
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "changed", changed);
      json_object_set_int_member (object, "unchanged", unchanged);
      if (change == MEMBERS_MOVE)
        {
          print_group_count (object, "from", from_after);
          print_group_count (object, "to", to_after);
        }
      else
        print_group_count (object, "group", from_after);
      tandem_cli_print_json (object);
      return TRUE;
    }

  switch (change)
    {
    case MEMBERS_ADD:
      tandem_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                     "Added %u to “%s”, which now has %u member",
                                     "Added %u to “%s”, which now has %u members",
                                     tandem_contact_group_get_n_members (from_after)),
                        changed, tandem_contact_group_get_name (from_after),
                        tandem_contact_group_get_n_members (from_after));
      tandem_cli_print ("\n");
      if (unchanged > 0)
        {
          tandem_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u was in it already", "%u were in it already",
                                         unchanged), unchanged);
          tandem_cli_print ("\n");
        }
      break;
    case MEMBERS_REMOVE:
      tandem_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                     "Removed %u from “%s”, which now has %u member",
                                     "Removed %u from “%s”, which now has %u members",
                                     tandem_contact_group_get_n_members (from_after)),
                        changed, tandem_contact_group_get_name (from_after),
                        tandem_contact_group_get_n_members (from_after));
      tandem_cli_print ("\n");
      if (unchanged > 0)
        {
          tandem_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u was not in it", "%u were not in it", unchanged),
                            unchanged);
          tandem_cli_print ("\n");
        }
      break;
    case MEMBERS_MOVE:
      tandem_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                     "Moved %u from “%s” to “%s”",
                                     "Moved %u from “%s” to “%s”", changed),
                        changed, tandem_contact_group_get_name (from_after),
                        tandem_contact_group_get_name (to_after));
      tandem_cli_print ("\n");
      /* Translators: after "Moved 2 from “Fair visitors” to “Contacted”" */
      tandem_cli_print (_("“%s” now has %u, “%s” %u"),
                        tandem_contact_group_get_name (from_after), tandem_contact_group_get_n_members (from_after),
                        tandem_contact_group_get_name (to_after), tandem_contact_group_get_n_members (to_after));
      tandem_cli_print ("\n");
      if (unchanged > 0)
        {
          tandem_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u was left as it was", "%u were left as they were",
                                         unchanged), unchanged);
          tandem_cli_print ("\n");
        }
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

gboolean
tandem_cli_group_members_add (TandemCli  *cli,
                              GError    **error)
{
  return change_members (cli, MEMBERS_ADD, error);
}

gboolean
tandem_cli_group_members_remove (TandemCli  *cli,
                                 GError    **error)
{
  return change_members (cli, MEMBERS_REMOVE, error);
}

gboolean
tandem_cli_group_move (TandemCli  *cli,
                       GError    **error)
{
  return change_members (cli, MEMBERS_MOVE, error);
}

/* group list-members (SPEC I2): the group screen's list */

static GPtrArray *
group_contacts_page (TandemCli  *cli,
                     gpointer    data,
                     guint       offset,
                     guint       limit,
                     GError    **error)
{
  return tandem_store_list_group_contacts (cli->store, data, offset, limit, error);
}

gboolean
tandem_cli_group_list_members (TandemCli  *cli,
                               GError    **error)
{
  g_auto(GStrv) include = NULL;
  g_auto(GStrv) exclude = NULL;
  g_autoptr(GArray) include_ids = NULL;
  g_autoptr(GArray) exclude_ids = NULL;
  TandemGroupFilter filter = { 0 };
  gboolean all = FALSE;
  gboolean companies = FALSE;
  gboolean people = FALSE;
  const GOptionEntry entries[] = {
    { "include", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &include,
      N_("Those in this contact group (by name or id); repeat for several"), C_("metavariable", "GROUP") },
    { "exclude", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &exclude,
      N_("But not those in this contact group; repeat for several"), C_("metavariable", "GROUP") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Only those in every --include group, not in any one of them"), NULL },
    { "companies", 0, 0, G_OPTION_ARG_NONE, &companies, N_("Companies only"), NULL },
    { "people", 0, 0, G_OPTION_ARG_NONE, &people, N_("People only"), NULL },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("List the companies and people in any of the --include contact groups (in all of them "
                           "with --all) and in none of the --exclude ones, by name: kind, id, name, company, phone, "
                           "mobile, e-mail and groups. Without --include, every company and person."),
                         entries, TRUE, 0, 0, error))
    return FALSE;
  if (companies && people)
    return tandem_cli_usage_error (error, _("Give either --companies or --people, not both"));
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  include_ids = find_group_ids (cli, include, error);
  if (include_ids == NULL)
    return FALSE;
  exclude_ids = find_group_ids (cli, exclude, error);
  if (exclude_ids == NULL)
    return FALSE;

  filter.include = (const gint64 *) (gpointer) include_ids->data;
  filter.n_include = include_ids->len;
  filter.include_all = all;
  filter.exclude = (const gint64 *) (gpointer) exclude_ids->data;
  filter.n_exclude = exclude_ids->len;
  filter.kind = companies ? TANDEM_KIND_COMPANY : people ? TANDEM_KIND_PERSON : TANDEM_KIND_NONE;
  return print_contacts (cli, group_contacts_page, &filter, error);
}

/* search save|run|list (SPEC K2) */

/* "search save" without a name may have been meant as a text search. */
static gboolean
check_search_arguments (TandemCli  *cli,
                        guint       n_wanted,
                        GError    **error)
{
  guint n_args = g_strv_length (cli->args) - 1;
  g_autofree char *words = NULL;

  if (n_args == n_wanted)
    return TRUE;
  words = n_args > n_wanted
          ? g_strjoinv (" ", cli->args + 1)
          : g_strdup ("");
  if (n_args < n_wanted)
    return tandem_cli_usage_error (error,
                        _("“%s” needs the NAME of a saved search; to search for the word “%s”, write "
                          "“tandem-cli search -- %s”"),
                        cli->command, cli->command + strlen ("search "), cli->command + strlen ("search "));
  return tandem_cli_usage_error (error,
                      _("Unexpected argument “%s”; to search for the text “%s %s”, write "
                        "“tandem-cli search -- %s %s”"),
                      cli->args[n_wanted + 1], cli->command + strlen ("search "), words,
                      cli->command + strlen ("search "), words);
}

static const char *
entity_to_string (TandemKind entity)
{
  return entity == TANDEM_KIND_PERSON ? "people" : "companies";
}

/* The criteria as typed: "city is Helsinki and group in Fair visitors" */
static char *
describe_criteria (TandemSavedSearch *search,
                   GPtrArray         *groups)
{
  GPtrArray *criteria = tandem_saved_search_get_criteria (search);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < criteria->len; i++)
    {
      TandemCriterion *criterion = g_ptr_array_index (criteria, i);
      const char *value = criterion->value;
      gint64 id;

      if (g_str_equal (criterion->field, "group") && value != NULL &&
          g_ascii_string_to_signed (value, 10, 1, G_MAXINT64, &id, NULL) && group_name (groups, id) != NULL)
        value = group_name (groups, id);
      if (i > 0)
        /* Translators: joins the conditions of a saved search, "city is Helsinki and email not-empty";
         * the conditions themselves are written as on the command line. */
        g_string_append (text, tandem_saved_search_get_match_all (search) ? _(" and ") : _(" or "));
      g_string_append_printf (text, "%s %s", criterion->field, criterion->op);
      if (value != NULL)
        g_string_append_printf (text, " %s", value);
    }
  return g_string_free (text, FALSE);
}

static JsonObject *
saved_search_to_json (TandemSavedSearch *search,
                      GPtrArray         *users)
{
  JsonObject *object = json_object_new ();
  GPtrArray *criteria = tandem_saved_search_get_criteria (search);
  JsonArray *array = json_array_new ();
  const char *owner = NULL;

  for (guint i = 0; i < users->len; i++)
    if (tandem_user_get_id (g_ptr_array_index (users, i)) == tandem_saved_search_get_owner_id (search))
      owner = tandem_user_get_login (g_ptr_array_index (users, i));

  json_object_set_int_member (object, "id", tandem_saved_search_get_id (search));
  json_object_set_string_member (object, "type", "saved-search");
  json_object_set_string_member (object, "name", tandem_saved_search_get_name (search));
  json_object_set_string_member (object, "entity", entity_to_string (tandem_saved_search_get_entity (search)));
  json_object_set_string_member (object, "match", tandem_saved_search_get_match_all (search) ? "all" : "any");
  json_object_set_boolean_member (object, "shared", tandem_saved_search_get_shared (search));
  set_string_or_null (object, "owner", owner);
  for (guint i = 0; i < criteria->len; i++)
    {
      TandemCriterion *criterion = g_ptr_array_index (criteria, i);
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "field", criterion->field);
      json_object_set_string_member (item, "op", criterion->op);
      if (criterion->value != NULL)
        json_object_set_string_member (item, "value", criterion->value);
      else
        json_object_set_null_member (item, "value");
      json_array_add_object_element (array, item);
    }
  json_object_set_array_member (object, "criteria", array);
  return object;
}

gboolean
tandem_cli_search_save (TandemCli  *cli,
                        GError    **error)
{
  g_autoptr(TandemSavedSearch) search = NULL;
  g_auto(GStrv) conditions = NULL;
  gboolean any = FALSE;
  gboolean people = FALSE;
  gboolean companies = FALSE;
  gboolean is_private = FALSE;
  gboolean replace = FALSE;
  gint64 id;
  const GOptionEntry entries[] = {
    { "where", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &conditions,
      N_("A condition “FIELD OPERATOR VALUE”, e.g. “city is Helsinki”; repeat for several"),
      C_("metavariable", "CONDITION") },
    { "any", 0, 0, G_OPTION_ARG_NONE, &any, N_("Match any of the conditions, not all of them"), NULL },
    { "companies", 0, 0, G_OPTION_ARG_NONE, &companies, N_("Search companies (the default)"), NULL },
    { "people", 0, 0, G_OPTION_ARG_NONE, &people, N_("Search people, not companies"), NULL },
    { "private", 0, 0, G_OPTION_ARG_NONE, &is_private, N_("Only you see the saved search"), NULL },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Replace the saved search of this name"), NULL },
    { NULL }
  };

  if (!tandem_cli_parse (cli, C_("metavariable", "NAME"),
                         _("Save a search for companies or people and print its id. Each --where is "
                           "FIELD OPERATOR VALUE; a contact group or partner role may be named. "
                           "Everything after the operator is the value, quotation marks included."),
                         entries, FALSE, 0, G_MAXUINT, error) ||
      !check_search_arguments (cli, 1, error))
    return FALSE;
  if (companies && people)
    return tandem_cli_usage_error (error, _("Give either --companies or --people, not both"));
  if (conditions == NULL)
    return tandem_cli_usage_error (error, _("“search save” needs at least one --where “FIELD OPERATOR VALUE”"));

  search = tandem_saved_search_new (cli->args[1], people ? TANDEM_KIND_PERSON : TANDEM_KIND_COMPANY);
  tandem_saved_search_set_match_all (search, !any);
  tandem_saved_search_set_shared (search, !is_private);
  for (guint i = 0; conditions[i] != NULL; i++)
    {
      g_autoptr(TandemCriterion) criterion = tandem_criterion_parse (conditions[i], error);

      if (criterion == NULL)
        return FALSE;
      tandem_saved_search_add_criterion (search, criterion->field, criterion->op, criterion->value);
    }

  if (!tandem_cli_sign_in (cli, error))
    return FALSE;
  if (replace)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(TandemSavedSearch) old = tandem_store_find_saved_search (cli->store, cli->args[1], &local_error);

      if (old == NULL && !g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (old != NULL)
        tandem_saved_search_set_id (search, tandem_saved_search_get_id (old));
    }

  id = tandem_store_save_saved_search (cli->store, search, error);
  if (id == 0)
    return FALSE;
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

static GPtrArray *
saved_search_page (TandemCli  *cli,
                   gpointer    data,
                   guint       offset,
                   guint       limit,
                   GError    **error)
{
  return tandem_store_run_saved_search (cli->store, data, offset, limit, error);
}

gboolean
tandem_cli_search_run (TandemCli  *cli,
                       GError    **error)
{
  g_autoptr(TandemSavedSearch) search = NULL;

  if (!tandem_cli_parse (cli, C_("metavariable", "NAME"),
                         _("Run a saved search (by name or id) and list what it finds among what you may see: "
                           "kind, id, name, company, phone, mobile, e-mail and groups."),
                         NULL, TRUE, 0, G_MAXUINT, error) ||
      !check_search_arguments (cli, 1, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  search = tandem_store_find_saved_search (cli->store, cli->args[1], error);
  if (search == NULL)
    return FALSE;
  return print_contacts (cli, saved_search_page, search, error);
}

gboolean
tandem_cli_search_list (TandemCli  *cli,
                        GError    **error)
{
  g_autoptr(GPtrArray) searches = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) users = NULL;
  TandemCliList list;

  if (!tandem_cli_parse (cli, "",
                         _("List your own and the shared saved searches: id, name, companies or people, "
                           "all or any, shared or private, and the conditions."),
                         NULL, TRUE, 0, G_MAXUINT, error) ||
      !check_search_arguments (cli, 0, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  searches = tandem_store_list_saved_searches (cli->store, error);
  if (searches == NULL)
    return FALSE;
  groups = tandem_store_list_contact_groups (cli->store, error);
  if (groups == NULL)
    return FALSE;
  if (cli->json && (users = tandem_store_list_users (cli->store, error)) == NULL)
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint i = 0; i < searches->len; i++)
    {
      TandemSavedSearch *search = g_ptr_array_index (searches, i);

      if (cli->json)
        tandem_cli_list_add_json (&list, saved_search_to_json (search, users));
      else
        {
          g_autofree char *name = tandem_cli_dup_one_line (tandem_saved_search_get_name (search));
          g_autofree char *criteria = describe_criteria (search, groups);
          g_autofree char *criteria_line = tandem_cli_dup_one_line (criteria);

          tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n",
                            tandem_saved_search_get_id (search), name,
                            entity_to_string (tandem_saved_search_get_entity (search)),
                            tandem_saved_search_get_match_all (search) ? "all" : "any",
                            tandem_saved_search_get_shared (search) ? "shared" : "private",
                            criteria_line);
        }
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

/* campaign add, list, show (SPEC I3) */

static JsonObject *
campaign_to_json (TandemCampaign *campaign)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", tandem_campaign_get_id (campaign));
  json_object_set_string_member (object, "type", "campaign");
  json_object_set_string_member (object, "name", tandem_campaign_get_name (campaign));
  set_string_or_null (object, "description", tandem_campaign_get_description (campaign));
  set_string_or_null (object, "starts_on", tandem_campaign_get_starts_on (campaign));
  set_string_or_null (object, "ends_on", tandem_campaign_get_ends_on (campaign));
  set_id_or_null (object, "search_id", tandem_campaign_get_search_id (campaign));
  set_string_or_null (object, "search", tandem_campaign_get_search_name (campaign));
  json_object_set_int_member (object, "n_activities", tandem_campaign_get_n_activities (campaign));
  json_object_set_int_member (object, "n_sales", tandem_campaign_get_n_sales (campaign));
  return object;
}

gboolean
tandem_cli_campaign_add (TandemCli  *cli,
                         GError    **error)
{
  g_autoptr(TandemCampaign) campaign = NULL;
  g_autofree char *search_name = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *description = NULL;
  gint64 id;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &search_name,
      N_("Its target list: a saved search, by name or id"), C_("metavariable", "NAME") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("The first day of the campaign"), C_("metavariable", "DATE") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, N_("The last day of the campaign"), C_("metavariable", "DATE") },
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &description, N_("What the campaign is about"),
      C_("metavariable", "TEXT") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, C_("metavariable", "NAME"),
                         _("Add a campaign and print its id. Its target list is a saved search, run again "
                           "whenever it is used."),
                         entries, FALSE, 1, 1, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  campaign = tandem_campaign_new (cli->args[1]);
  if (search_name != NULL)
    {
      g_autoptr(TandemSavedSearch) search = tandem_store_find_saved_search (cli->store, search_name, error);

      if (search == NULL)
        return FALSE;
      tandem_campaign_set_search_id (campaign, tandem_saved_search_get_id (search));
    }
  if (from != NULL)
    tandem_campaign_set_starts_on (campaign, from);
  if (to != NULL)
    tandem_campaign_set_ends_on (campaign, to);
  if (description != NULL)
    tandem_campaign_set_description (campaign, description);

  id = tandem_store_save_campaign (cli->store, campaign, error);
  if (id == 0)
    return FALSE;
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

gboolean
tandem_cli_campaign_list (TandemCli  *cli,
                          GError    **error)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  TandemCliList list;

  if (!tandem_cli_parse (cli, "",
                         _("List the campaigns: id, name, first and last day, target search, and the number "
                           "of their activities and sales projects you may see."),
                         NULL, TRUE, 0, 0, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  campaigns = tandem_store_list_campaigns (cli->store, error);
  if (campaigns == NULL)
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint i = 0; i < campaigns->len; i++)
    {
      TandemCampaign *campaign = g_ptr_array_index (campaigns, i);

      if (cli->json)
        tandem_cli_list_add_json (&list, campaign_to_json (campaign));
      else
        {
          g_autofree char *name = tandem_cli_dup_one_line (tandem_campaign_get_name (campaign));
          g_autofree char *search = tandem_cli_dup_one_line (tandem_campaign_get_search_name (campaign)
                                                             ? tandem_campaign_get_search_name (campaign) : "");
          const char *starts = tandem_campaign_get_starts_on (campaign);
          const char *ends = tandem_campaign_get_ends_on (campaign);

          tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%u\t%u\n",
                            tandem_campaign_get_id (campaign), name, starts ? starts : "", ends ? ends : "",
                            search, tandem_campaign_get_n_activities (campaign),
                            tandem_campaign_get_n_sales (campaign));
        }
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

gboolean
tandem_cli_campaign_show (TandemCli  *cli,
                          GError    **error)
{
  g_autoptr(TandemCampaign) campaign = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 id;
  guint n_targets = 0;
  gboolean has_targets;

  if (!tandem_cli_parse (cli, C_("metavariable", "NAME|ID"),
                         _("Show a campaign with the number of its targets, and its activities and sales "
                           "projects that you may see."),
                         NULL, TRUE, 1, 1, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  campaign = tandem_store_find_campaign (cli->store, cli->args[1], error);
  if (campaign == NULL)
    return FALSE;
  id = tandem_campaign_get_id (campaign);

  /* A campaign without a target search has no target count. */
  has_targets = tandem_campaign_get_search_id (campaign) != 0;
  if (has_targets)
    {
      n_targets = tandem_store_count_campaign_targets (cli->store, id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (cli->json)
    {
      JsonObject *object = campaign_to_json (campaign);

      if (has_targets)
        json_object_set_int_member (object, "targets", n_targets);
      else
        json_object_set_null_member (object, "targets");
      if (!tandem_cli_show_activities_of (cli, TANDEM_KIND_CAMPAIGN, id, object, error) ||
          !tandem_cli_show_campaign_sales (cli, id, object, error))
        {
          json_object_unref (object);
          return FALSE;
        }
      tandem_cli_print_json (object);
      return TRUE;
    }

  {
    g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    g_autofree char *targets = has_targets ? g_strdup_printf ("%u", n_targets) : NULL;

    tandem_cli_print_value (_("Id"), id_text);
    tandem_cli_print_value (_("Name"), tandem_campaign_get_name (campaign));
    tandem_cli_print_value (_("Starts"), tandem_campaign_get_starts_on (campaign));
    tandem_cli_print_value (_("Ends"), tandem_campaign_get_ends_on (campaign));
    tandem_cli_print_value (_("Target list"), tandem_campaign_get_search_name (campaign));
    tandem_cli_print_value (_("Targets"), targets);
    tandem_cli_print_value (_("Description"), tandem_campaign_get_description (campaign));
  }
  return tandem_cli_show_activities_of (cli, TANDEM_KIND_CAMPAIGN, id, NULL, error) &&
         tandem_cli_show_campaign_sales (cli, id, NULL, error);
}
