/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPrivacy"

#include <locale.h>
#include <json-glib/json-glib.h>

#include "privacy-org.h"

/*
 * Writes the privacy suite's organisation for the command-line check
 * (test-privacy-cli.py) into FOLDER:
 *   org.db              the organisation
 *   twin-LOGIN.db       each user's twin, without what they may not see
 *   manifest.json       the users and their passwords, every record with
 *                       its marker and who may see it, and the days and
 *                       ids the commands start from
 */

static void
add_id (JsonBuilder *builder,
        const char  *name,
        gint64       id)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, id);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PrivacyOrg) org = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *week = NULL;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s FOLDER\n", argv[0]);
      return 2;
    }

  org = privacy_org_build (argv[1]);
  g_clear_object (&org->store);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "users");
  json_builder_begin_array (builder);
  for (int u = 0; u < PRIVACY_N_USERS; u++)
    {
      g_autofree char *name = g_strdup_printf ("twin-%s.db", org->users[u].login);
      g_autofree char *twin = g_build_filename (org->dir, name, NULL);

      privacy_org_write_twin (org, u, twin);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "login");
      json_builder_add_string_value (builder, org->users[u].login);
      json_builder_set_member_name (builder, "password");
      json_builder_add_string_value (builder, org->users[u].password);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, tandem_role_to_string (org->users[u].role));
      json_builder_set_member_name (builder, "twin");
      json_builder_add_string_value (builder, name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (guint i = 0; i < org->records->len; i++)
    {
      PrivacyRecord *record = g_ptr_array_index (org->records, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, privacy_kind_to_string (record->kind));
      add_id (builder, "id", record->id);
      json_builder_set_member_name (builder, "marker");
      json_builder_add_string_value (builder, record->marker);
      json_builder_set_member_name (builder, "seen-by");
      json_builder_begin_array (builder);
      for (int u = 0; u < PRIVACY_N_USERS; u++)
        if (privacy_org_sees (org, u, record))
          json_builder_add_string_value (builder, org->users[u].login);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  week = g_date_time_format (org->week, "%Y-%m-%d");
  json_builder_set_member_name (builder, "week");
  json_builder_add_string_value (builder, week);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, org->from_day);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, org->to_day);
  add_id (builder, "acme", org->acme->id);
  add_id (builder, "borealis", org->borealis->id);
  add_id (builder, "sales-search", org->sales_search);
  add_id (builder, "private-search", org->private_search);
  add_id (builder, "campaign-shared", org->campaign_shared);
  add_id (builder, "campaign-private", org->campaign_private);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  manifest = g_build_filename (org->dir, "manifest.json", NULL);
  if (!json_generator_to_file (generator, manifest, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
