/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "tandem-error.h"
#include "tandem-cli-private.h"

/* The terminal while a password is typed with echo off, so that an
 * interrupt leaves the terminal as it was. */
static int tty_fd = -1;
static struct termios tty_saved;
static struct sigaction saved_actions[3];
static const int restore_signals[] = { SIGINT, SIGTERM, SIGHUP };

static void
restore_tty_on_signal (int signum)
{
  if (tty_fd >= 0)
    tcsetattr (tty_fd, TCSAFLUSH, &tty_saved);
  signal (signum, SIG_DFL);
  raise (signum);
}

static void
set_echo (gboolean echo)
{
  if (!echo)
    {
      struct termios quiet = tty_saved;
      struct sigaction action = { 0 };

      action.sa_handler = restore_tty_on_signal;
      sigemptyset (&action.sa_mask);
      for (guint i = 0; i < G_N_ELEMENTS (restore_signals); i++)
        sigaction (restore_signals[i], &action, &saved_actions[i]);

      quiet.c_lflag &= ~ECHO;
      quiet.c_lflag |= ECHONL;
      tcsetattr (tty_fd, TCSANOW, &quiet);
    }
  else
    {
      tcsetattr (tty_fd, TCSANOW, &tty_saved);
      for (guint i = 0; i < G_N_ELEMENTS (restore_signals); i++)
        sigaction (restore_signals[i], &saved_actions[i], NULL);
    }
}

static void
write_all (int         fd,
           const char *text)
{
  gsize len = strlen (text);

  while (len > 0)
    {
      gssize n = write (fd, text, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      text += n;
      len -= n;
    }
}

/* Reads one line from the terminal without showing it; NULL at the end of
 * input. */
static TandemCliPassword *
read_hidden_line (const char *prompt)
{
  GString *line = g_string_new (NULL);
  gboolean has_tty_settings;
  gboolean got_any = FALSE;
  char c;

  /* Echo goes off before the prompt shows, so nothing typed as soon as
   * the prompt appears is ever displayed. */
  has_tty_settings = tcgetattr (tty_fd, &tty_saved) == 0;
  if (has_tty_settings)
    set_echo (FALSE);
  write_all (tty_fd, prompt);

  for (;;)
    {
      gssize n = read (tty_fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got_any = TRUE;
      if (c == '\n' || c == '\r')
        break;
      g_string_append_c (line, c);
    }

  if (has_tty_settings)
    set_echo (TRUE);

  if (!got_any)
    {
      tandem_cli_free_password (g_string_free (line, FALSE));
      return NULL;
    }
  return g_string_free (line, FALSE);
}

void
tandem_cli_free_password (TandemCliPassword *password)
{
  if (password == NULL)
    return;
  memset (password, 0, strlen (password));
  g_free (password);
}

/* The password from @variable if it is set, else typed at the terminal
 * (twice when @repeat_prompt is given). With neither a variable nor a
 * terminal there is no way to ask, and that is an error. */
TandemCliPassword *
tandem_cli_read_password (const char  *variable,
                          const char  *prompt,
                          const char  *repeat_prompt,
                          GError     **error)
{
  g_autoptr(TandemCliPassword) password = NULL;
  const char *from_env = g_getenv (variable);

  if (from_env != NULL)
    return g_strdup (from_env);

  tty_fd = g_open ("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY, 0);
  if (tty_fd < 0)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("No password: set %s, or run tandem-cli in a terminal to type it"), variable);
      return NULL;
    }

  password = read_hidden_line (prompt);
  if (password != NULL && repeat_prompt != NULL)
    {
      g_autoptr(TandemCliPassword) repeated = read_hidden_line (repeat_prompt);

      if (repeated != NULL && !g_str_equal (password, repeated))
        {
          g_close (tty_fd, NULL);
          tty_fd = -1;
          g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                       _("The passwords do not match; nothing was changed"));
          return NULL;
        }
      if (repeated == NULL)
        g_clear_pointer (&password, tandem_cli_free_password);
    }

  g_close (tty_fd, NULL);
  tty_fd = -1;

  if (password == NULL)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("No password was typed; nothing was changed"));
      return NULL;
    }
  return g_steal_pointer (&password);
}

/* The current code of @login's authenticator app from TANDEM_TOTP, else
 * typed at the terminal. A recovery code may be given instead. */
static TandemCliPassword *
read_code (const char  *login,
           GError     **error)
{
  g_autoptr(TandemCliPassword) code = NULL;
  g_autofree char *prompt = NULL;
  const char *from_env = g_getenv ("TANDEM_TOTP");

  if (from_env != NULL && from_env[0] != '\0')
    return g_strdup (from_env);

  tty_fd = g_open ("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY, 0);
  if (tty_fd < 0)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("%s signs in with a code from an authenticator app: set TANDEM_TOTP to the current code, "
                     "or run tandem-cli in a terminal to type it"), login);
      return NULL;
    }
  /* Translators: %s is a login name */
  prompt = g_strdup_printf (_("Authenticator code for %s: "), login);
  code = read_hidden_line (prompt);
  g_close (tty_fd, NULL);
  tty_fd = -1;

  if (code == NULL || code[0] == '\0')
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("No code was typed; nothing was changed"));
      return NULL;
    }
  return g_steal_pointer (&code);
}

const char *
tandem_cli_get_db_path (TandemCli *cli)
{
  if (cli->db_path == NULL)
    cli->db_path = tandem_store_get_default_path ();
  return cli->db_path;
}

/* Opens the database. Only `init` may @create one: for every other
 * command a missing file is a mistake (a typo in --db), not a wish. */
gboolean
tandem_cli_open (TandemCli  *cli,
                 gboolean    create,
                 GError    **error)
{
  const char *path = tandem_cli_get_db_path (cli);

  if (cli->store != NULL)
    return TRUE;

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("There is no database at “%s”; create one with “tandem-cli init”"), path);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("“%s” is a folder, not a database file"), path);
      return FALSE;
    }

  cli->store = tandem_store_open (path, error);
  return cli->store != NULL;
}

/* Opens the database and signs in as --user, $TANDEM_USER or the login
 * name of the account running the command (SPEC A1). */
gboolean
tandem_cli_sign_in (TandemCli  *cli,
                    GError    **error)
{
  g_autoptr(TandemCliPassword) password = NULL;
  g_autoptr(TandemCliPassword) code = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *prompt = NULL;
  const char *login = cli->login;

  if (!tandem_cli_open (cli, FALSE, error))
    return FALSE;

  if (tandem_store_needs_first_admin (cli->store))
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_FAILED,
                   _("The database has no users yet; create the first administrator with “tandem-cli init”"));
      return FALSE;
    }

  if (login == NULL)
    login = g_getenv ("TANDEM_USER");
  if (login == NULL || login[0] == '\0')
    login = g_get_user_name ();

  prompt = g_strdup_printf (_("Password for %s: "), login);
  password = tandem_cli_read_password ("TANDEM_PASSWORD", prompt, NULL, error);
  if (password == NULL)
    return FALSE;

  if (tandem_store_sign_in (cli->store, login, password, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_CODE_NEEDED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The second step for a user with an authenticator app (SPEC A2) */
  code = read_code (login, error);
  if (code == NULL)
    return FALSE;
  return tandem_store_sign_in_with_code (cli->store, login, password, code, error);
}
