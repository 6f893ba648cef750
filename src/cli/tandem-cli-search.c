/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-cli-private.h"

/* Search (SPEC K1): what is typed is text, never query syntax; the store
 * sees to that and to visibility, snippets included (SPEC E5). */

#define DEFAULT_LIMIT 50

gboolean
tandem_cli_search (TandemCli  *cli,
                   GError    **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *query = NULL;
  TandemCliList list;
  int limit = DEFAULT_LIMIT;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N results (default: 50)"), C_("metavariable", "N") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, C_("metavariable", "QUERY…"),
                         _("Search companies, people, notes, activities, projects and tasks as the search field of Tandem does. "
                           "Several words are joined with spaces."),
                         entries, TRUE, 1, G_MAXUINT, error))
    return FALSE;
  if (limit < 1)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                   _("--limit needs a number of at least 1"));
      return FALSE;
    }
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  query = g_strjoinv (" ", cli->args + 1);
  hits = tandem_store_search (cli->store, query, limit, error);
  if (hits == NULL)
    return FALSE;

  tandem_cli_list_begin (&list, cli->json);
  for (guint i = 0; i < hits->len; i++)
    {
      TandemSearchHit *hit = g_ptr_array_index (hits, i);

      if (cli->json)
        tandem_cli_list_add_json (&list, tandem_cli_search_hit_to_json (hit));
      else
        tandem_cli_print_search_hit (hit);
    }
  tandem_cli_list_end (&list);
  return TRUE;
}
