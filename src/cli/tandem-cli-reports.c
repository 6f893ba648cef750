/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-error.h"
#include "tandem-cli-private.h"
#include "tandem-report.h"

/* The sales and activity reports (SPEC J1, J2) as rows for scripts: JSON
 * (an array of row objects), CSV (one line per row, the same columns) or
 * tab-separated lines. The store sums only what the signed-in user may
 * see (SPEC E5), so a hidden sale or activity changes no figure.
 *
 * Every row has "key", "key_id" (the id of the stage, user or product,
 * or null) and "label"; then, where the report has them, "series" and
 * "series_label", "currency", "count", "value", "weighted" and "target".
 * Money is a decimal string in currency units with two decimals,
 * "12500.50", never a float and never summed across currencies. */

typedef enum
{
  COLUMN_SERIES   = 1 << 0,
  COLUMN_CURRENCY = 1 << 1,  /* value and weighted are money */
  COLUMN_COUNT    = 1 << 2,
  COLUMN_WEIGHTED = 1 << 3,
  COLUMN_TARGET   = 1 << 4,
} Columns;

typedef enum
{
  REPORT_PIPELINE,
  REPORT_FORECAST,
  REPORT_DEVELOPMENT,
  REPORT_ACTIVITIES,
  REPORT_TARGETS,
} Report;

/* The report of each, as the audit trail names it */
static const TandemReportType report_types[] = {
  [REPORT_PIPELINE] = TANDEM_REPORT_PIPELINE,
  [REPORT_FORECAST] = TANDEM_REPORT_FORECAST,
  [REPORT_DEVELOPMENT] = TANDEM_REPORT_DEVELOPMENT,
  [REPORT_ACTIVITIES] = TANDEM_REPORT_ACTIVITIES,
  [REPORT_TARGETS] = TANDEM_REPORT_TARGETS,
};

#define BY_END ((TandemReportBy) -1)

typedef struct
{
  const char           *command;
  const char           *summary;
  const TandemReportBy *bys;      /* the first is the default */
  Columns               columns;
  gboolean              needs_range;
  gboolean              key_is_day;  /* text output shows the key, not the label */
} ReportInfo;

static const TandemReportBy pipeline_bys[] = {
  TANDEM_REPORT_BY_STAGE, TANDEM_REPORT_BY_SELLER, TANDEM_REPORT_BY_PRODUCT, TANDEM_REPORT_BY_MONTH, BY_END
};
static const TandemReportBy forecast_bys[] = { TANDEM_REPORT_BY_MONTH, TANDEM_REPORT_BY_SELLER, BY_END };
static const TandemReportBy development_bys[] = { TANDEM_REPORT_BY_MONTH, BY_END };
static const TandemReportBy activity_bys[] = {
  TANDEM_REPORT_BY_CATEGORY, TANDEM_REPORT_BY_KIND, TANDEM_REPORT_BY_TYPE, TANDEM_REPORT_BY_USER,
  TANDEM_REPORT_BY_MONTH, TANDEM_REPORT_BY_WEEK, BY_END
};
static const TandemReportBy target_bys[] = { TANDEM_REPORT_BY_SELLER, BY_END };

static const ReportInfo reports[] = {
  [REPORT_PIPELINE] = {
    "pipeline",
    N_("The open sales expected to close between two days, by stage, seller, product or closing month: "
       "how many, their value and their weighted value (value × probability). "
       "Without --from and --to, every open sale."),
    pipeline_bys, COLUMN_CURRENCY | COLUMN_COUNT | COLUMN_WEIGHTED, FALSE },
  [REPORT_FORECAST] = {
    "forecast",
    N_("The weighted forecast per closing month (or per seller) between two days: "
       "the open sales (series “open”) and those won (series “won”)."),
    forecast_bys, COLUMN_SERIES | COLUMN_CURRENCY | COLUMN_COUNT | COLUMN_WEIGHTED, TRUE },
  [REPORT_DEVELOPMENT] = {
    "development",
    N_("How the pipeline developed: the open sales per seller (series) as they stood at the end of "
       "each month between two days."),
    development_bys, COLUMN_SERIES | COLUMN_CURRENCY | COLUMN_COUNT | COLUMN_WEIGHTED, TRUE, TRUE },
  [REPORT_ACTIVITIES] = {
    "activities",
    N_("Count the activities starting between two days by category, kind, type, user or period, "
       "split into planned, completed and cancelled (series)."),
    activity_bys, COLUMN_SERIES | COLUMN_COUNT, TRUE },
  [REPORT_TARGETS] = {
    "targets",
    N_("Sales targets against results between two days: per seller and category (series), "
       "the target and the completed activities."),
    target_bys, COLUMN_SERIES | COLUMN_TARGET, TRUE },
};

/* "stage, seller and month" (@last_joiner " and ") */
static char *
describe_bys (const TandemReportBy *bys,
              const char           *last_joiner)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; bys[i] != BY_END; i++)
    {
      if (i > 0)
        g_string_append (text, bys[i + 1] == BY_END ? last_joiner : ", ");
      g_string_append (text, tandem_report_by_to_string (bys[i]));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
parse_by (const ReportInfo  *info,
          const char        *text,
          TandemReportBy    *by,
          GError           **error)
{
  TandemReportBy parsed;
  g_autofree char *valid = NULL;

  if (text == NULL)
    {
      *by = info->bys[0];
      return TRUE;
    }
  if (tandem_report_by_from_string (text, &parsed))
    for (guint i = 0; info->bys[i] != BY_END; i++)
      if (info->bys[i] == parsed)
        {
          *by = parsed;
          return TRUE;
        }

  /* Translators: joins the last two of a list, "stage, seller and month". */
  valid = describe_bys (info->bys, _(" and "));
  if (info->bys[1] == BY_END)
    g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                 _("“report %s” is only --by %s, not “%s”"), info->command, valid, text);
  else
    g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE,
                 _("--by of “report %s” is one of %s, not “%s”"), info->command, valid, text);
  return FALSE;
}

/* --seller LOGIN of the pipeline report */
static gboolean
find_seller_id (TandemCli   *cli,
                const char  *login,
                gint64      *id,
                GError     **error)
{
  g_autoptr(GPtrArray) users = tandem_store_list_users (cli->store, error);

  if (users == NULL)
    return FALSE;
  for (guint i = 0; i < users->len; i++)
    if (g_str_equal (tandem_user_get_login (g_ptr_array_index (users, i)), login))
      {
        *id = tandem_user_get_id (g_ptr_array_index (users, i));
        return TRUE;
      }
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("There is no user with the login “%s”"), login);
  return FALSE;
}

/* --product PRODUCT of the pipeline report, by name */
static gboolean
find_product_id (TandemCli   *cli,
                 const char  *name,
                 gint64      *id,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TandemProduct) product = tandem_store_find_product (cli->store, name, &local_error);

  if (product != NULL)
    {
      *id = tandem_product_get_id (product);
      return TRUE;
    }
  if (g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND) ||
      g_error_matches (local_error, TANDEM_ERROR, TANDEM_ERROR_INVALID))
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                 _("There is no product “%s”; see “tandem-cli product list”"), name);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static GPtrArray *
read_rows (TandemCli       *cli,
           Report           report,
           TandemReportBy   by,
           const char      *from,
           const char      *to,
           gint64           seller_id,
           gint64           product_id,
           GError         **error)
{
  switch (report)
    {
    case REPORT_PIPELINE:
      return tandem_store_pipeline_report_filtered (cli->store, by, from, to, seller_id, product_id, error);
    case REPORT_FORECAST:
      return tandem_store_forecast_report (cli->store, by, from, to, error);
    case REPORT_DEVELOPMENT:
      {
        /* Its points are days: the last one is the last day of the range. */
        g_autoptr(GDate) last = g_date_new ();
        char last_day[16];

        g_date_set_parse (last, to);
        g_date_subtract_days (last, 1);
        g_date_strftime (last_day, sizeof last_day, "%Y-%m-%d", last);
        return tandem_store_pipeline_history (cli->store, from, last_day, error);
      }
    case REPORT_ACTIVITIES:
      return tandem_store_activity_report (cli->store, by, from, to, error);
    case REPORT_TARGETS:
      return tandem_store_target_report (cli->store, from, to, error);
    default:
      g_assert_not_reached ();
    }
}

/* Output */

static void
set_string_or_null (JsonObject *object,
                    const char *key,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, key, value);
  else
    json_object_set_null_member (object, key);
}

static void
set_money (JsonObject *object,
           const char *key,
           gint64      cents)
{
  g_autofree char *text = tandem_cli_format_money (cents);

  json_object_set_string_member (object, key, text);
}

static JsonObject *
row_to_json (TandemReportRow *row,
             Columns          columns)
{
  JsonObject *object = json_object_new ();
  gint64 key_id = tandem_report_row_get_key_id (row);

  json_object_set_string_member (object, "key", tandem_report_row_get_key (row));
  if (key_id != 0)
    json_object_set_int_member (object, "key_id", key_id);
  else
    json_object_set_null_member (object, "key_id");
  set_string_or_null (object, "label", tandem_report_row_get_label (row));
  if (columns & COLUMN_SERIES)
    {
      set_string_or_null (object, "series", tandem_report_row_get_series_key (row));
      set_string_or_null (object, "series_label", tandem_report_row_get_series_label (row));
    }
  if (columns & COLUMN_CURRENCY)
    {
      set_string_or_null (object, "currency", tandem_report_row_get_currency (row));
      json_object_set_int_member (object, "count", tandem_report_row_get_count (row));
      set_money (object, "value", tandem_report_row_get_value (row));
      if (columns & COLUMN_WEIGHTED)
        set_money (object, "weighted", tandem_report_row_get_weighted (row));
    }
  else
    {
      /* Counted reports: the value is a number of activities. */
      if (columns & COLUMN_COUNT)
        json_object_set_int_member (object, "count", tandem_report_row_get_value (row));
      json_object_set_int_member (object, "value", tandem_report_row_get_value (row));
    }
  if (columns & COLUMN_TARGET)
    {
      if (tandem_report_row_get_target (row) >= 0)
        json_object_set_int_member (object, "target", tandem_report_row_get_target (row));
      else
        json_object_set_null_member (object, "target");
    }
  return object;
}

/* The CSV has the JSON's columns, in the same order. */
static void
print_csv_header (Columns columns)
{
  tandem_cli_print_csv_field ("key", FALSE);
  tandem_cli_print_csv_field ("key_id", FALSE);
  tandem_cli_print_csv_field ("label", FALSE);
  if (columns & COLUMN_SERIES)
    {
      tandem_cli_print_csv_field ("series", FALSE);
      tandem_cli_print_csv_field ("series_label", FALSE);
    }
  if (columns & COLUMN_CURRENCY)
    {
      tandem_cli_print_csv_field ("currency", FALSE);
      tandem_cli_print_csv_field ("count", FALSE);
      tandem_cli_print_csv_field ("value", !(columns & COLUMN_WEIGHTED));
      if (columns & COLUMN_WEIGHTED)
        tandem_cli_print_csv_field ("weighted", TRUE);
    }
  else
    {
      if (columns & COLUMN_COUNT)
        tandem_cli_print_csv_field ("count", FALSE);
      tandem_cli_print_csv_field ("value", !(columns & COLUMN_TARGET));
      if (columns & COLUMN_TARGET)
        tandem_cli_print_csv_field ("target", TRUE);
    }
}

static void
print_csv_row (TandemReportRow *row,
               Columns          columns)
{
  g_autofree char *key_id = NULL;
  g_autofree char *count = NULL;
  g_autofree char *value = NULL;
  g_autofree char *weighted = NULL;
  g_autofree char *target = NULL;

  if (tandem_report_row_get_key_id (row) != 0)
    key_id = g_strdup_printf ("%" G_GINT64_FORMAT, tandem_report_row_get_key_id (row));
  tandem_cli_print_csv_field (tandem_report_row_get_key (row), FALSE);
  tandem_cli_print_csv_field (key_id, FALSE);
  tandem_cli_print_csv_field (tandem_report_row_get_label (row), FALSE);
  if (columns & COLUMN_SERIES)
    {
      tandem_cli_print_csv_field (tandem_report_row_get_series_key (row), FALSE);
      tandem_cli_print_csv_field (tandem_report_row_get_series_label (row), FALSE);
    }
  if (columns & COLUMN_CURRENCY)
    {
      count = g_strdup_printf ("%" G_GINT64_FORMAT, tandem_report_row_get_count (row));
      value = tandem_cli_format_money (tandem_report_row_get_value (row));
      tandem_cli_print_csv_field (tandem_report_row_get_currency (row), FALSE);
      tandem_cli_print_csv_field (count, FALSE);
      tandem_cli_print_csv_field (value, !(columns & COLUMN_WEIGHTED));
      if (columns & COLUMN_WEIGHTED)
        {
          weighted = tandem_cli_format_money (tandem_report_row_get_weighted (row));
          tandem_cli_print_csv_field (weighted, TRUE);
        }
    }
  else
    {
      value = g_strdup_printf ("%" G_GINT64_FORMAT, tandem_report_row_get_value (row));
      if (columns & COLUMN_COUNT)
        tandem_cli_print_csv_field (value, FALSE);
      tandem_cli_print_csv_field (value, !(columns & COLUMN_TARGET));
      if (columns & COLUMN_TARGET)
        {
          if (tandem_report_row_get_target (row) >= 0)
            target = g_strdup_printf ("%" G_GINT64_FORMAT, tandem_report_row_get_target (row));
          tandem_cli_print_csv_field (target, TRUE);
        }
    }
}

/* Tab-separated for people and cut(1): label, series, then the figures. */
static void
print_text_row (const ReportInfo *info,
                TandemReportRow  *row)
{
  Columns columns = info->columns;
  g_autofree char *label = tandem_cli_dup_one_line (info->key_is_day ? tandem_report_row_get_key (row)
                                                                      : tandem_report_row_get_label (row));
  g_autoptr(GString) line = g_string_new (label[0] ? label : _("(none)"));

  if (columns & COLUMN_SERIES)
    {
      g_autofree char *series = tandem_cli_dup_one_line (tandem_report_row_get_series_label (row));

      g_string_append_printf (line, "\t%s", series);
    }
  if (columns & COLUMN_CURRENCY)
    {
      g_autofree char *value = tandem_cli_format_money (tandem_report_row_get_value (row));
      const char *currency = tandem_report_row_get_currency (row);

      g_string_append_printf (line, "\t%" G_GINT64_FORMAT "\t%s %s", tandem_report_row_get_count (row),
                              value, currency ? currency : "");
      if (columns & COLUMN_WEIGHTED)
        {
          g_autofree char *weighted = tandem_cli_format_money (tandem_report_row_get_weighted (row));

          g_string_append_printf (line, "\t%s %s", weighted, currency ? currency : "");
        }
    }
  else
    {
      g_string_append_printf (line, "\t%" G_GINT64_FORMAT, tandem_report_row_get_value (row));
      if ((columns & COLUMN_TARGET) && tandem_report_row_get_target (row) >= 0)
        g_string_append_printf (line, "\t%" G_GINT64_FORMAT, tandem_report_row_get_target (row));
    }
  tandem_cli_print ("%s\n", line->str);
}

static gboolean
run_report (TandemCli  *cli,
            Report      report,
            GError    **error)
{
  const ReportInfo *info = &reports[report];
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *by_text = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *seller = NULL;
  g_autofree char *product = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *by_help = NULL;
  g_autofree char *valid_bys = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  TandemReportBy by;
  gint64 seller_id = 0;
  gint64 product_id = 0;
  gboolean csv = FALSE;
  TandemCliList list;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from_text, N_("The first day"), C_("metavariable", "DATE") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to_text, N_("The last day"), C_("metavariable", "DATE") },
    { "by", 0, 0, G_OPTION_ARG_FILENAME, &by_text, NULL, C_("metavariable", "WHAT") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV"), NULL },
    /* Translators: stands for a currency code such as EUR in "--currency=CODE" */
    { "currency", 0, 0, G_OPTION_ARG_FILENAME, &currency, N_("Only the rows in this currency"),
      C_("currency metavariable", "CODE") },
    { "seller", 0, 0, G_OPTION_ARG_FILENAME, &seller, N_("Only the sales of this seller"),
      C_("metavariable", "LOGIN") },
    { "product", 0, 0, G_OPTION_ARG_FILENAME, &product, N_("Only the sales of this product"),
      C_("metavariable", "PRODUCT") },
    { NULL }
  };

  /* Translators: joins the last two of a list, "stage, seller or month". */
  valid_bys = describe_bys (info->bys, _(" or "));
  /* Translators: %s lists the groupings, "stage, seller or month". */
  by_help = g_strdup_printf (_("Sum by %s (default: %s)"), valid_bys, tandem_report_by_to_string (info->bys[0]));
  entries[2].description = by_help;
  if (!(info->columns & COLUMN_CURRENCY))
    entries[4] = (GOptionEntry) { NULL };
  /* Only the pipeline is read for one seller or product. */
  if (report != REPORT_PIPELINE)
    entries[5] = (GOptionEntry) { NULL };

  if (!tandem_cli_parse (cli, "", _(info->summary), entries, TRUE, 0, 0, error))
    return FALSE;
  if (!parse_by (info, by_text, &by, error))
    return FALSE;
  if (csv && cli->json)
    {
      g_set_error (error, TANDEM_CLI_ERROR, TANDEM_CLI_ERROR_USAGE, _("Give either --csv or --json, not both"));
      return FALSE;
    }
  if ((info->needs_range || from_text != NULL || to_text != NULL) &&
      !tandem_cli_parse_day_range (from_text, to_text, &from, &to, error))
    return FALSE;
  if (!tandem_cli_sign_in (cli, error))
    return FALSE;
  if (seller != NULL && !find_seller_id (cli, seller, &seller_id, error))
    return FALSE;
  if (product != NULL && !find_product_id (cli, product, &product_id, error))
    return FALSE;

  rows = read_rows (cli, report, by, from, to, seller_id, product_id, error);
  if (rows == NULL)
    return FALSE;
  /* A report for a file or another program is an export (the audit
   * trail); one for the eyes is not. */
  if ((csv || cli->json) &&
      !tandem_store_audit_export (cli->store, TANDEM_AUDIT_KIND_REPORT, report_types[report], csv ? "CSV" : "JSON",
                                  error))
    return FALSE;

  if (csv)
    print_csv_header (info->columns);
  else
    tandem_cli_list_begin (&list, cli->json);
  for (guint i = 0; i < rows->len; i++)
    {
      TandemReportRow *row = g_ptr_array_index (rows, i);

      if (currency != NULL &&
          g_ascii_strcasecmp (currency, tandem_report_row_get_currency (row) ? tandem_report_row_get_currency (row) : "") != 0)
        continue;
      if (csv)
        print_csv_row (row, info->columns);
      else if (cli->json)
        tandem_cli_list_add_json (&list, row_to_json (row, info->columns));
      else
        print_text_row (info, row);
    }
  if (!csv)
    tandem_cli_list_end (&list);
  return TRUE;
}

gboolean
tandem_cli_report_pipeline (TandemCli  *cli,
                            GError    **error)
{
  return run_report (cli, REPORT_PIPELINE, error);
}

gboolean
tandem_cli_report_forecast (TandemCli  *cli,
                            GError    **error)
{
  return run_report (cli, REPORT_FORECAST, error);
}

gboolean
tandem_cli_report_development (TandemCli  *cli,
                               GError    **error)
{
  return run_report (cli, REPORT_DEVELOPMENT, error);
}

gboolean
tandem_cli_report_activities (TandemCli  *cli,
                              GError    **error)
{
  return run_report (cli, REPORT_ACTIVITIES, error);
}

gboolean
tandem_cli_report_targets (TandemCli  *cli,
                           GError    **error)
{
  return run_report (cli, REPORT_TARGETS, error);
}
