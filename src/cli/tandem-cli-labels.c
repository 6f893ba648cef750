/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "tandem-error.h"
#include "tandem-label-sheet.h"
#include "tandem-cli-private.h"

/* Address labels as a PDF for a sheet of labels (SPEC I4): for a contact
 * group, the group screen's include/exclude filter, a saved search or a
 * campaign's target list, only whom the user may see, and without those
 * not to be contacted unless asked for. */

/* The PDF is written beside @path and renamed; refuse at once what cannot
 * work, before a password is asked for or anything is read. */
static gboolean
check_output (const char  *path,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Cannot write the labels to “%s”: it is a folder"), path);
      return FALSE;
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Cannot write the labels to “%s”: there is no folder “%s”"), path, folder);
      return FALSE;
    }
  if (g_access (folder, W_OK) != 0 ||
      (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0))
    {
      int saved = errno;

      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Cannot write the labels to “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

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

static TandemPostalAddress *
next_recipient (gpointer   user_data,
                GError   **error)
{
  return tandem_recipient_cursor_next (user_data, error);
}

static JsonObject *
template_to_json (TandemLabelTemplate *template)
{
  JsonObject *object = json_object_new ();
  const char *product = tandem_label_template_get_product (template);

  json_object_set_string_member (object, "id", tandem_label_template_get_id (template));
  json_object_set_string_member (object, "name", tandem_label_template_get_name (template));
  if (product != NULL)
    json_object_set_string_member (object, "product", product);
  else
    json_object_set_null_member (object, "product");
  json_object_set_boolean_member (object, "builtin", tandem_label_template_is_builtin (template));
  json_object_set_double_member (object, "page_width", tandem_label_template_get_page_width (template));
  json_object_set_double_member (object, "page_height", tandem_label_template_get_page_height (template));
  json_object_set_int_member (object, "columns", tandem_label_template_get_columns (template));
  json_object_set_int_member (object, "rows", tandem_label_template_get_rows (template));
  json_object_set_int_member (object, "labels_per_sheet", tandem_label_template_get_labels_per_sheet (template));
  json_object_set_double_member (object, "label_width", tandem_label_template_get_label_width (template));
  json_object_set_double_member (object, "label_height", tandem_label_template_get_label_height (template));
  json_object_set_double_member (object, "margin_top", tandem_label_template_get_margin_top (template));
  json_object_set_double_member (object, "margin_left", tandem_label_template_get_margin_left (template));
  json_object_set_double_member (object, "gap_x", tandem_label_template_get_gap_x (template));
  json_object_set_double_member (object, "gap_y", tandem_label_template_get_gap_y (template));
  json_object_set_double_member (object, "corner_radius", tandem_label_template_get_corner_radius (template));
  return object;
}

static void
print_template_line (TandemLabelTemplate *template)
{
  g_autofree char *name = tandem_cli_dup_one_line (tandem_label_template_get_name (template));
  char width[G_ASCII_DTOSTR_BUF_SIZE];
  char height[G_ASCII_DTOSTR_BUF_SIZE];

  /* Millimetres as scripts read them, with a decimal point in any locale */
  g_ascii_formatd (width, sizeof width, "%.1f", tandem_label_template_get_label_width (template));
  g_ascii_formatd (height, sizeof height, "%.1f", tandem_label_template_get_label_height (template));
  tandem_cli_print ("%s\t%s\t%u×%u\t%s×%s\n", tandem_label_template_get_id (template), name,
                    tandem_label_template_get_columns (template), tandem_label_template_get_rows (template),
                    width, height);
}

gboolean
tandem_cli_labels_templates (TandemCli  *cli,
                             GError    **error)
{
  g_autoptr(GPtrArray) builtin = NULL;
  g_autoptr(GPtrArray) custom = NULL;
  TandemCliList list;

  if (!tandem_cli_parse (cli, "",
                         _("List the label sheet templates: id, name, columns × rows and the size of a label "
                           "in millimetres; the sheets that come with Tandem first, then your organisation’s own."),
                         NULL, TRUE, 0, 0, error) ||
      !tandem_cli_sign_in (cli, error))
    return FALSE;

  custom = tandem_store_list_label_templates (cli->store, error);
  if (custom == NULL)
    return FALSE;
  builtin = tandem_label_template_list_builtin ();

  tandem_cli_list_begin (&list, cli->json);
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *templates = pass == 0 ? builtin : custom;

      for (guint i = 0; i < templates->len; i++)
        {
          if (cli->json)
            tandem_cli_list_add_json (&list, template_to_json (g_ptr_array_index (templates, i)));
          else
            print_template_line (g_ptr_array_index (templates, i));
        }
    }
  tandem_cli_list_end (&list);
  return TRUE;
}

gboolean
tandem_cli_labels (TandemCli  *cli,
                   GError    **error)
{
  g_autoptr(TandemLabelTemplate) template = NULL;
  g_autoptr(TandemLabelSheet) sheet = NULL;
  g_autoptr(TandemRecipientCursor) cursor = NULL;
  g_autoptr(TandemCampaign) campaign = NULL;
  g_autoptr(TandemSavedSearch) search = NULL;
  g_autoptr(GArray) include_ids = NULL;
  g_autoptr(GArray) exclude_ids = NULL;
  g_autofree char *template_id = NULL;
  g_autofree char *group = NULL;
  g_autofree char *campaign_name = NULL;
  g_autofree char *search_name = NULL;
  g_autofree char *out = NULL;
  g_autofree char *home = NULL;
  g_auto(GStrv) include = NULL;
  g_auto(GStrv) exclude = NULL;
  TandemGroupFilter filter = { 0 };
  TandemRecipientQuery query = { 0 };
  gboolean include_do_not_contact = FALSE;
  int start_at = 1;
  guint n_sources;
  guint n_recipients;
  guint n_left_out = 0;
  guint n_labels = 0;
  guint n_pages = 0;
  const GOptionEntry entries[] = {
    { "template", 0, 0, G_OPTION_ARG_FILENAME, &template_id,
      N_("The label sheet, by id, product code or name (see “labels templates”)"), C_("metavariable", "ID") },
    { "group", 0, 0, G_OPTION_ARG_FILENAME, &group, N_("Labels for a contact group, by name or id"),
      C_("metavariable", "GROUP") },
    { "include", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &include,
      N_("Labels for those in this contact group; repeat for several"), C_("metavariable", "GROUP") },
    { "exclude", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &exclude,
      N_("But not for those in this contact group; repeat for several"), C_("metavariable", "GROUP") },
    { "campaign", 0, 0, G_OPTION_ARG_FILENAME, &campaign_name,
      N_("Labels for a campaign’s target list, by name or id"), C_("metavariable", "CAMPAIGN") },
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &search_name,
      N_("Labels for what a saved search finds, by name or id"), C_("metavariable", "NAME") },
    { "start-at", 0, 0, G_OPTION_ARG_INT, &start_at,
      N_("Start at this label of a partly used first sheet, counted across then down (default: 1)"),
      C_("metavariable", "N") },
    { "include-do-not-contact", 0, 0, G_OPTION_ARG_NONE, &include_do_not_contact,
      N_("Print labels for those not to be contacted too"), NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write"), C_("metavariable", "FILE") },
    { NULL }
  };

  if (!tandem_cli_parse (cli, "",
                         _("Write address labels to a PDF for a sheet of labels, each address laid out as its "
                           "country’s post wants it. Those in a “Do not contact” group are left out unless "
                           "--include-do-not-contact is given. How many labels and pages were written is "
                           "printed on standard error."),
                         entries, TRUE, 0, 0, error))
    return FALSE;

  if (template_id == NULL)
    return tandem_cli_usage_error (error, _("“labels” needs --template ID; see “tandem-cli labels templates”"));
  if (out == NULL)
    return tandem_cli_usage_error (error, _("“labels” needs --out FILE.pdf"));
  n_sources = (group != NULL) + (include != NULL) + (campaign_name != NULL) + (search_name != NULL);
  if (n_sources == 0)
    return tandem_cli_usage_error (error, _("“labels” needs whom they are for: --group, --include, --campaign or --search"));
  if (n_sources > 1)
    return tandem_cli_usage_error (error, _("Give only one of --group, --include, --campaign and --search"));
  if (exclude != NULL && group == NULL && include == NULL)
    return tandem_cli_usage_error (error, _("--exclude goes with --group or --include"));
  if (!check_output (out, error))
    return FALSE;
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;

  {
    g_autoptr(GError) local_error = NULL;

    template = tandem_store_find_label_template (cli->store, template_id, &local_error);
    if (template == NULL)
      {
        if (g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND))
          /* Translators: %s is a message such as "There is no label template “x”" */
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, _("%s; see “tandem-cli labels templates”"),
                       local_error->message);
        else
          g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
  }
  sheet = tandem_label_sheet_new (template);
  /* The sheet says which labels it has, for 0 and below too */
  if (!tandem_label_sheet_set_start_at (sheet, start_at > 0 ? (guint) start_at : 0, error))
    return FALSE;
  home = tandem_store_get_home_country (cli->store, error);
  if (home == NULL)
    return FALSE;
  tandem_label_sheet_set_home_country (sheet, home);

  if (group != NULL || include != NULL)
    {
      char *one[] = { group, NULL };

      include_ids = find_group_ids (cli, group != NULL ? one : include, error);
      if (include_ids == NULL)
        return FALSE;
      exclude_ids = find_group_ids (cli, exclude, error);
      if (exclude_ids == NULL)
        return FALSE;
      filter.include = (const gint64 *) (gpointer) include_ids->data;
      filter.n_include = include_ids->len;
      filter.exclude = (const gint64 *) (gpointer) exclude_ids->data;
      filter.n_exclude = exclude_ids->len;
      query.groups = &filter;
    }
  else if (campaign_name != NULL)
    {
      campaign = tandem_store_find_campaign (cli->store, campaign_name, error);
      if (campaign == NULL)
        return FALSE;
      query.campaign_id = tandem_campaign_get_id (campaign);
    }
  else
    {
      search = tandem_store_find_saved_search (cli->store, search_name, error);
      if (search == NULL)
        return FALSE;
      query.search = search;
    }
  query.include_do_not_contact = include_do_not_contact;

  /* Nobody to print for is said plainly, with who was left out. */
  {
    g_autoptr(GError) local_error = NULL;

    n_recipients = tandem_store_count_recipients (cli->store, &query, &n_left_out, &local_error);
    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
  }
  if (n_recipients == 0 && n_left_out > 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "No labels to print: the only one is not to be contacted; "
                                "add --include-do-not-contact to print it",
                                "No labels to print: all %u are not to be contacted; "
                                "add --include-do-not-contact to print them",
                                n_left_out),
                   n_left_out);
      return FALSE;
    }
  if (n_recipients == 0)
    {
      g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                           _("No labels to print: nobody you may see is on the list"));
      return FALSE;
    }

  if (!tandem_store_audit_export (cli->store, query.campaign_id != 0 ? TANDEM_KIND_CAMPAIGN : 0,
                                  query.campaign_id, "labels", error))
    return FALSE;
  cursor = tandem_store_open_recipients (cli->store, &query, error);
  if (cursor == NULL)
    return FALSE;
  if (!tandem_label_sheet_write_pdf (sheet, out, next_recipient, cursor, &n_labels, &n_pages, error))
    return FALSE;
  n_left_out = tandem_recipient_cursor_get_n_left_out (cursor);

  if (cli->json)
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "file", out);
      json_object_set_string_member (object, "template", tandem_label_template_get_id (template));
      json_object_set_int_member (object, "labels", n_labels);
      json_object_set_int_member (object, "pages", n_pages);
      json_object_set_int_member (object, "left_out", n_left_out);
      json_object_set_int_member (object, "start_at", start_at);
      tandem_cli_print_json (object);
    }

  {
    g_autofree char *labels = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u label", "Wrote %u labels",
                                                            n_labels), n_labels);
    g_autofree char *pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "on %u page", "on %u pages", n_pages),
                                              n_pages);
    g_autofree char *out_utf8 = g_filename_display_name (out);

    /* Translators: "Wrote 12 labels" "on 1 page" to "labels.pdf" */
    fprintf (stderr, _("%s %s to %s"), labels, pages, out_utf8);
    fputs ("\n", stderr);
    if (n_left_out > 0)
      {
        fprintf (stderr, g_dngettext (GETTEXT_PACKAGE,
                                      "%u left out for “Do not contact”; add --include-do-not-contact to print it",
                                      "%u left out for “Do not contact”; add --include-do-not-contact to print them",
                                      n_left_out),
                 n_left_out);
        fputs ("\n", stderr);
      }
  }
  return TRUE;
}
