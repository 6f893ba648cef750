/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-error.h"
#include "tandem-cli-private.h"

/* Backup and restore of the whole database (SPEC M2), for administrators:
 * a backup holds everyone's data and a restore replaces it. */

static char *
absolute_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return g_file_get_path (file);
}

gboolean
tandem_cli_backup (TandemCli  *cli,
                   GError    **error)
{
  g_autofree char *out = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TandemBackupInfo) info = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write the backup to FILE"), C_("metavariable", "FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists"), NULL },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "", _("Back up the whole database, documents included, while Tandem may be running. "
                                    "Needs an administrator."),
                         entries, TRUE, 0, 0, error))
    return FALSE;
  if (out == NULL || out[0] == '\0')
    return tandem_cli_usage_error (error, _("“backup” needs --out FILE; see “tandem-cli backup --help”"));

  /* Refused at once, before a password is asked for */
  path = absolute_path (out);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("Cannot back up to “%s”: it is a folder"), path);
      return FALSE;
    }
  if (!force && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("“%s” already exists; it was left as it was (use --force to replace it)"), path);
      return FALSE;
    }

  if (!tandem_cli_sign_in (cli, error))
    return FALSE;
  info = tandem_store_backup (cli->store, path, force, NULL, NULL, NULL, error);
  if (info == NULL)
    return FALSE;

  if (cli->json)
    {
      JsonObject *object = json_object_new ();
      g_autofree char *made = g_date_time_format_iso8601 (info->made);

      json_object_set_string_member (object, "file", info->path);
      json_object_set_int_member (object, "bytes", info->bytes);
      json_object_set_int_member (object, "schema", info->schema);
      json_object_set_string_member (object, "made", made);
      tandem_cli_print_json (object);
    }
  else
    {
      g_autofree char *size = g_format_size (info->bytes);

      /* Translators: the file, its size ("1.2 MB") and schema version */
      tandem_cli_print (_("Backed up to %s (%s, schema %u)\n"), info->path, size, info->schema);
    }
  return TRUE;
}

gboolean
tandem_cli_restore (TandemCli  *cli,
                    GError    **error)
{
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;

  if (!tandem_cli_parse (cli, C_("metavariable", "FILE"),
                         _("Replace the whole database, for everyone, with a backup. The backup is checked "
                           "first, and the database as it was is kept beside it. Needs an administrator; "
                           "everyone signs in again afterwards."),
                         NULL, TRUE, 1, 1, error))
    return FALSE;

  path = absolute_path (cli->args[1]);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("There is no file “%s”"), path);
      return FALSE;
    }

  if (!tandem_cli_sign_in (cli, error))
    return FALSE;
  if (!tandem_store_restore_backup (cli->store, path, NULL, NULL, NULL, &kept, error))
    return FALSE;
  tandem_store_sign_out (cli->store);

  if (cli->json)
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "file", path);
      json_object_set_string_member (object, "kept", kept);
      json_object_set_int_member (object, "schema", tandem_store_get_schema_version ());
      tandem_cli_print_json (object);
    }
  else
    {
      tandem_cli_print (_("Restored %s\n"), path);
      tandem_cli_print (_("The database as it was is kept in %s\n"), kept);
    }
  return TRUE;
}
