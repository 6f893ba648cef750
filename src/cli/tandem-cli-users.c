/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tandem-error.h"
#include "tandem-password.h"
#include "tandem-cli-private.h"

/* The first administrator, users, passwords and groups (SPEC A1, A4, A5). */

static TandemCliPassword *
read_new_password (const char  *login,
                   GError     **error)
{
  g_autoptr(TandemCliPassword) password = NULL;
  g_autofree char *prompt = g_strdup_printf (_("New password for %s: "), login);

  password = tandem_cli_read_password ("TANDEM_NEW_PASSWORD", prompt,
                                       _("Type the new password again: "), error);
  if (password == NULL)
    return NULL;
  /* Checked before anything is written, so a weak password changes nothing. */
  if (!tandem_password_check_quality (password, error))
    return NULL;
  return g_steal_pointer (&password);
}

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

gboolean
tandem_cli_init (TandemCli  *cli,
                 GError    **error)
{
  g_autoptr(TandemCliPassword) password = NULL;
  g_autoptr(TandemUser) admin = NULL;
  g_autofree char *login = NULL;
  g_autofree char *name = NULL;
  gboolean existed;
  const char *path;
  const GOptionEntry entries[] = {
    { "admin", 0, 0, G_OPTION_ARG_FILENAME, &login, N_("Login name of the first administrator"),
      C_("metavariable", "LOGIN") },
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name, N_("Full name of the first administrator"),
      C_("metavariable", "NAME") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "", _("Create the database and its first administrator. "
                                    "The password is read from TANDEM_NEW_PASSWORD, or asked for twice."),
                         entries, FALSE, 0, 0, error))
    return FALSE;
  if (login == NULL || name == NULL)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("“init” needs --admin LOGIN and --name NAME"));
      return FALSE;
    }

  path = tandem_cli_get_db_path (cli);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  /* Refuse an existing database before asking for a password. */
  if (existed)
    {
      if (!tandem_cli_open (cli, FALSE, error))
        return FALSE;
      if (!tandem_store_needs_first_admin (cli->store))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                       _("This database already has an administrator"));
          return FALSE;
        }
    }

  password = read_new_password (login, error);
  if (password == NULL)
    return FALSE;

  if (!tandem_cli_open (cli, TRUE, error))
    {
      if (!existed)
        remove_database_files (path);
      return FALSE;
    }

  admin = tandem_store_create_first_admin (cli->store, login, name, password, error);
  if (admin == NULL)
    {
      /* A database this command created and could not finish is removed,
       * so that nothing is left behind. */
      if (!existed)
        {
          g_clear_object (&cli->store);
          remove_database_files (path);
        }
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_groups_exist (TandemStore         *store,
                    const char * const  *names,
                    GError             **error)
{
  g_autoptr(GPtrArray) groups = NULL;

  if (names == NULL)
    return TRUE;
  groups = tandem_store_list_groups (store, error);
  if (groups == NULL)
    return FALSE;
  for (guint i = 0; names[i]; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < groups->len && !found; j++)
        found = g_str_equal (tandem_choice_get_name (g_ptr_array_index (groups, j)), names[i]);
      if (!found)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("There is no group called “%s”"), names[i]);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
tandem_cli_user_add (TandemCli  *cli,
                     GError    **error)
{
  g_autoptr(TandemCliPassword) password = NULL;
  g_autoptr(TandemUser) user = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role_text = NULL;
  g_auto(GStrv) groups = NULL;
  TandemRole role = TANDEM_ROLE_USER;
  const char *login;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name, N_("Full name of the user"), C_("metavariable", "NAME") },
    { "role", 0, 0, G_OPTION_ARG_FILENAME, &role_text, N_("admin, manager or user (default: user)"),
      C_("metavariable", "ROLE") },
    { "group", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &groups, N_("Put the user in GROUP; repeat for several"),
      C_("metavariable", "GROUP") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, C_("metavariable", "LOGIN"),
                         _("Add a user. The password is read from TANDEM_NEW_PASSWORD, or asked for twice."),
                         entries, FALSE, 1, 1, error))
    return FALSE;
  login = cli->args[1];

  if (name == NULL)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("“user add” needs --name NAME"));
      return FALSE;
    }
  if (role_text != NULL && !tandem_role_from_string (role_text, &role))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("Unknown role “%s”; use admin, manager or user"), role_text);
      return FALSE;
    }

  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  /* Every check the store would make later is made before the new
   * password is asked for. */
  if (!tandem_user_is_admin (tandem_store_get_user (cli->store)))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("Only an administrator can add users"));
      return FALSE;
    }
  if (!check_groups_exist (cli->store, (const char * const *) groups, error))
    return FALSE;
  users = tandem_store_list_users (cli->store, error);
  if (users == NULL)
    return FALSE;
  for (guint i = 0; i < users->len; i++)
    if (g_str_equal (tandem_user_get_login (g_ptr_array_index (users, i)), login))
      {
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS,
                     _("The login name “%s” is already in use"), login);
        return FALSE;
      }

  password = read_new_password (login, error);
  if (password == NULL)
    return FALSE;

  user = tandem_store_add_user (cli->store, login, name, password, role,
                                (const char * const *) groups, error);
  return user != NULL;
}

gboolean
tandem_cli_user_passwd (TandemCli  *cli,
                        GError    **error)
{
  g_autoptr(TandemCliPassword) password = NULL;
  g_autoptr(GPtrArray) users = NULL;
  TandemUser *me;
  const char *login;
  gboolean found = FALSE;

  if (!tandem_cli_parse (cli, C_("metavariable", "LOGIN"),
                         _("Set a user’s password. The new password is read from TANDEM_NEW_PASSWORD, or asked for twice. "
                           "Administrators can set anyone’s password; others only their own."),
                         NULL, FALSE, 1, 1, error))
    return FALSE;
  login = cli->args[1];

  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  me = tandem_store_get_user (cli->store);
  if (!g_str_equal (tandem_user_get_login (me), login) && !tandem_user_is_admin (me))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION,
                   _("Only an administrator can set another user’s password"));
      return FALSE;
    }
  users = tandem_store_list_users (cli->store, error);
  if (users == NULL)
    return FALSE;
  for (guint i = 0; i < users->len && !found; i++)
    found = g_str_equal (tandem_user_get_login (g_ptr_array_index (users, i)), login);
  if (!found)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, _("There is no user “%s”"), login);
      return FALSE;
    }

  password = read_new_password (login, error);
  if (password == NULL)
    return FALSE;
  return tandem_store_set_password (cli->store, login, password, error);
}

gboolean
tandem_cli_user_list (TandemCli  *cli,
                      GError    **error)
{
  g_autoptr(GPtrArray) users = NULL;
  TandemCliList list;

  if (!tandem_cli_parse (cli, "", _("List the users: login, name, role and groups."),
                         NULL, TRUE, 0, 0, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  users = tandem_store_list_users (cli->store, error);
  if (users == NULL)
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint i = 0; i < users->len; i++)
    {
      TandemUser *user = g_ptr_array_index (users, i);

      if (cli->json)
        tandem_cli_list_add_json (&list, tandem_cli_user_to_json (user));
      else
        {
          g_autofree char *groups = g_strjoinv (", ", (char **) tandem_user_get_groups (user));

          tandem_cli_print ("%s\t%s\t%s\t%s",
                            tandem_user_get_login (user), tandem_user_get_name (user),
                            tandem_role_to_string (tandem_user_get_role (user)), groups);
          if (!tandem_user_get_active (user))
            tandem_cli_print ("\t%s", _("disabled"));
          tandem_cli_print ("\n");
        }
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

gboolean
tandem_cli_group_add (TandemCli  *cli,
                      GError    **error)
{
  gint64 id;

  if (!tandem_cli_parse (cli, C_("metavariable", "NAME"), _("Add a group of users and print its id."),
                         NULL, FALSE, 1, 1, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  id = tandem_store_add_group (cli->store, cli->args[1], error);
  if (id == 0)
    return FALSE;
  tandem_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

gboolean
tandem_cli_group_list (TandemCli  *cli,
                       GError    **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  TandemCliList list;

  if (!tandem_cli_parse (cli, "", _("List the groups of users."), NULL, TRUE, 0, 0, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  groups = tandem_store_list_groups (cli->store, error);
  if (groups == NULL)
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint i = 0; i < groups->len; i++)
    {
      TandemChoice *group = g_ptr_array_index (groups, i);

      if (cli->json)
        tandem_cli_list_add_json (&list, tandem_cli_choice_to_json (group, "group"));
      else
        tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\n",
                          tandem_choice_get_id (group), tandem_choice_get_name (group));
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

/* Two-step sign-in (SPEC A2). The CLI cannot show a QR code or wait for
 * a first code from the app, so "enable" switches it on at once and
 * prints the key as an otpauth:// link for the administrator to hand
 * over, with the recovery codes. */

static gboolean
is_own_login (TandemCli  *cli,
              const char *login)
{
  g_autofree char *clean = g_strstrip (g_strdup (login));

  return g_ascii_strcasecmp (tandem_user_get_login (tandem_store_get_user (cli->store)), clean) == 0;
}

gboolean
tandem_cli_user_totp_enable (TandemCli  *cli,
                             GError    **error)
{
  g_auto(GStrv) codes = NULL;
  g_autofree char *uri = NULL;
  const char *login;

  if (!tandem_cli_parse (cli, C_("metavariable", "LOGIN"),
                         _("Switch on two-step sign-in for a user and print the key as an otpauth:// link for "
                           "an authenticator app, and the recovery codes. Administrators can switch it on for "
                           "anyone, others only for themselves. From then on the user signs in with the "
                           "password and the current code of the app."),
                         NULL, TRUE, 1, 1, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  login = cli->args[1];

  codes = tandem_store_second_factor_enable (cli->store, login, &uri, error);
  if (codes == NULL)
    return FALSE;

  if (cli->json)
    {
      JsonObject *object = json_object_new ();
      JsonArray *array = json_array_new ();

      for (guint i = 0; codes[i] != NULL; i++)
        json_array_add_string_element (array, codes[i]);
      json_object_set_string_member (object, "login", login);
      json_object_set_string_member (object, "uri", uri);
      json_object_set_array_member (object, "recovery_codes", array);
      tandem_cli_print_json (object);
      return TRUE;
    }

  tandem_cli_print ("%s\n\n", uri);
  tandem_cli_print ("%s\n", _("Recovery codes; each signs in once instead of a code. Keep them safe: they are not shown again."));
  for (guint i = 0; codes[i] != NULL; i++)
    tandem_cli_print ("%s\n", codes[i]);
  return TRUE;
}

gboolean
tandem_cli_user_totp_disable (TandemCli  *cli,
                              GError    **error)
{
  g_autoptr(TandemCliPassword) password = NULL;
  const char *login;

  if (!tandem_cli_parse (cli, C_("metavariable", "LOGIN"),
                         _("Switch off two-step sign-in for a user. Your own needs your current password again "
                           "(from TANDEM_PASSWORD, or asked for); administrators can switch off anyone’s, "
                           "for example when a phone is lost."),
                         NULL, FALSE, 1, 1, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;
  login = cli->args[1];

  if (is_own_login (cli, login))
    {
      g_autofree char *prompt = g_strdup_printf (_("Current password for %s: "), login);

      password = tandem_cli_read_password ("TANDEM_PASSWORD", prompt, NULL, error);
      if (password == NULL)
        return FALSE;
    }
  return tandem_store_second_factor_disable (cli->store, login, password, error);
}
