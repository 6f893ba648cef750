/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-error.h"
#include "tandem-cli-private.h"

/* Lists the administrator keeps: partner roles (SPEC B3) and the
 * classification and additional fields of companies and people (SPEC B4,
 * B5, C2, L1). */

gboolean
tandem_cli_parse_entity (const char  *text,
                         TandemKind  *entity,
                         GError     **error)
{
  TandemKind kind = tandem_kind_from_string (text);

  if (kind != TANDEM_KIND_COMPANY && kind != TANDEM_KIND_PERSON)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("Fields belong to “company” or “person”, not “%s”"), text);
      return FALSE;
    }
  *entity = kind;
  return TRUE;
}

gboolean
tandem_cli_role_add (TandemCli  *cli,
                     GError    **error)
{
  gint64 id;

  if (!tandem_cli_parse (cli, C_("metavariable", "NAME"),
                         _("Add a partner role (customer, prospect, supplier, …) and print its id."),
                         NULL, FALSE, 1, 1, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  id = tandem_store_add_partner_role (cli->store, cli->args[1], error);
  if (id == 0)
    return FALSE;
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

gboolean
tandem_cli_role_list (TandemCli  *cli,
                      GError    **error)
{
  g_autoptr(GPtrArray) roles = NULL;
  TandemCliList list;

  if (!tandem_cli_parse (cli, "", _("List the partner roles."), NULL, TRUE, 0, 0, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  roles = tandem_store_list_partner_roles (cli->store, error);
  if (roles == NULL)
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint i = 0; i < roles->len; i++)
    {
      TandemChoice *role = g_ptr_array_index (roles, i);

      if (cli->json)
        tandem_cli_list_add_json (&list, tandem_cli_choice_to_json (role, "role"));
      else
        tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\n",
                          tandem_choice_get_id (role), tandem_choice_get_name (role));
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

gboolean
tandem_cli_field_add (TandemCli  *cli,
                      GError    **error)
{
  g_autoptr(TandemField) field = NULL;
  g_autofree char *type_text = NULL;
  g_autofree char *choices_text = NULL;
  g_auto(GStrv) choices = NULL;
  TandemFieldType type = TANDEM_FIELD_TEXT;
  TandemFieldKind kind;
  TandemKind entity;
  gint64 id;
  const GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_FILENAME, &type_text,
      N_("text, number, date, bool, link or choice (default: text, or choice with --choices)"),
      C_("metavariable", "TYPE") },
    { "choices", 0, 0, G_OPTION_ARG_FILENAME, &choices_text,
      N_("The values of a choice field, separated by commas"), C_("metavariable", "A,B,C") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, _("company|person classification|additional NAME"),
                         _("Add a classification or additional field to companies or people and print its id."),
                         entries, FALSE, 3, 3, error))
    return FALSE;

  if (!tandem_cli_parse_entity (cli->args[1], &entity, error))
    return FALSE;
  if (!tandem_field_kind_from_string (cli->args[2], &kind))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("A field is “classification” or “additional”, not “%s”"), cli->args[2]);
      return FALSE;
    }
  if (type_text != NULL && !tandem_field_type_from_string (type_text, &type))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("Unknown field type “%s”; use text, number, date, bool, link or choice"), type_text);
      return FALSE;
    }
  if (type_text == NULL && choices_text != NULL)
    type = TANDEM_FIELD_CHOICE;
  if (choices_text != NULL && type != TANDEM_FIELD_CHOICE)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("--choices is only for fields of the type “choice”"));
      return FALSE;
    }

  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  field = tandem_field_new (entity, kind, cli->args[3], type);
  if (choices_text != NULL)
    {
      choices = g_strsplit (choices_text, ",", -1);
      for (guint i = 0; choices[i]; i++)
        g_strstrip (choices[i]);
      tandem_field_set_choices (field, (const char * const *) choices);
    }

  id = tandem_store_add_field (cli->store, field, error);
  if (id == 0)
    return FALSE;
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

gboolean
tandem_cli_field_list (TandemCli  *cli,
                       GError    **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  TandemCliList list;
  TandemKind entity;

  if (!tandem_cli_parse (cli, _("company|person"),
                         _("List the classification and additional fields of companies or people."),
                         NULL, TRUE, 1, 1, error) ||
      !tandem_cli_parse_entity (cli->args[1], &entity, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  fields = tandem_store_list_fields (cli->store, entity, error);
  if (fields == NULL)
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint i = 0; i < fields->len; i++)
    {
      TandemField *field = g_ptr_array_index (fields, i);

      if (cli->json)
        tandem_cli_list_add_json (&list, tandem_cli_field_to_json (field));
      else
        {
          g_autofree char *choices = g_strjoinv (",", (char **) tandem_field_get_choices (field));

          tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n",
                            tandem_field_get_id (field), tandem_field_get_name (field),
                            tandem_field_kind_to_string (tandem_field_get_kind (field)),
                            tandem_field_type_to_string (tandem_field_get_field_type (field)),
                            choices);
        }
    }
  tandem_cli_list_end (&list);
  return TRUE;
}
