/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStore"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tandem-store-private.h"

/*
 * The reports of sales and activities (SPEC J1, J2): sums over what the
 * signed-in user may see. Sales are read from visible_projects (and their
 * history through it), activities from visible_activities, so that a sale
 * or activity the user may not see changes no figure (E5). Money is summed
 * per currency, never across currencies: every row has one currency.
 *
 * Dates are "YYYY-MM-DD" in the local time zone; activities and the sales'
 * history keep UTC times, so a day's bounds are converted to UTC text
 * ("2026-11-23T22:00:00Z"), which compares as the columns do. Months and
 * weeks are those of the local zone, as in the time report.
 */

/* value × probability / 100, rounded half up, per sale (as the project
 * card shows it), then summed */
#define WEIGHTED_SQL(p) "sum ((" p ".value_cents * " p ".probability + 50) / 100)"

typedef enum
{
  ORDER_POSITION,  /* the order the rows were made in (SQL's order) */
  ORDER_LABEL,     /* by label, "none" last */
  ORDER_KEY,       /* by key (periods), "none" last */
} SumOrder;

/* One row being summed before it becomes a TandemReportRow. */
typedef struct
{
  gint64  key_id;
  char   *key;
  char   *label;
  gint64  position;       /* a term's or stage's place in its list */
  char   *series_key;
  char   *series_label;
  int     series_position;
  char   *currency;
  gint64  count;
  gint64  value;
  gint64  weighted;
  gint64  target;
} Sum;

typedef struct
{
  GHashTable *by_id;   /* "key\x1fseries\x1fcurrency" → Sum */
  GPtrArray  *sums;    /* Sum, in the order they were first seen */
} Sums;

static const char * const report_bys[] = {
  "stage", "seller", "product", "month", "week", "category", "kind", "type", "user",
};

/* Activity statuses, in the order of TandemStatus */
static const char * const status_keys[] = { "planned", "completed", "cancelled" };

static void
sum_free (Sum *sum)
{
  g_free (sum->key);
  g_free (sum->label);
  g_free (sum->series_key);
  g_free (sum->series_label);
  g_free (sum->currency);
  g_free (sum);
}

static void
sums_init (Sums *sums)
{
  sums->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sums->sums = g_ptr_array_new_with_free_func ((GDestroyNotify) sum_free);
}

static void
sums_clear (Sums *sums)
{
  g_clear_pointer (&sums->by_id, g_hash_table_unref);
  g_clear_pointer (&sums->sums, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sums, sums_clear)

/* The row of @key, @series_key and @currency, made with the labels given
 * the first time it is asked for. */
static Sum *
sums_lookup (Sums       *sums,
             gint64      key_id,
             const char *key,
             const char *label,
             gint64      position,
             const char *series_key,
             const char *series_label,
             int         series_position,
             const char *currency)
{
  g_autofree char *id = g_strconcat (key, "\x1f", series_key ? series_key : "", "\x1f",
                                     currency ? currency : "", NULL);
  Sum *sum = g_hash_table_lookup (sums->by_id, id);

  if (sum != NULL)
    return sum;

  sum = g_new0 (Sum, 1);
  sum->key_id = key_id;
  sum->key = g_strdup (key);
  sum->label = g_strdup (label);
  sum->position = position;
  sum->series_key = g_strdup (series_key);
  sum->series_label = g_strdup (series_label);
  sum->series_position = series_position;
  sum->currency = g_strdup (currency);
  sum->target = -1;
  g_hash_table_insert (sums->by_id, g_steal_pointer (&id), sum);
  g_ptr_array_add (sums->sums, sum);
  return sum;
}

static int
compare_text (const char *a,
              const char *b)
{
  /* "none" (the empty key) after everything else */
  if ((a[0] == '\0') != (b[0] == '\0'))
    return a[0] == '\0' ? 1 : -1;
  return 0;
}

static int
compare_sums (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Sum *sa = *(Sum **) a;
  const Sum *sb = *(Sum **) b;
  SumOrder order = GPOINTER_TO_INT (user_data);
  int cmp = 0;

  switch (order)
    {
    case ORDER_POSITION:
      cmp = sa->position < sb->position ? -1 : sa->position > sb->position;
      break;
    case ORDER_LABEL:
      cmp = compare_text (sa->key, sb->key);
      if (cmp == 0)
        cmp = g_utf8_collate (sa->label, sb->label);
      break;
    case ORDER_KEY:
    default:
      break;
    }
  if (cmp == 0)
    cmp = compare_text (sa->key, sb->key);
  if (cmp == 0)
    cmp = strcmp (sa->key, sb->key);
  if (cmp == 0)
    cmp = sa->series_position < sb->series_position ? -1 : sa->series_position > sb->series_position;
  if (cmp == 0)
    cmp = g_strcmp0 (sa->series_key, sb->series_key);
  if (cmp == 0)
    cmp = g_strcmp0 (sa->currency, sb->currency);
  return cmp;
}

static GPtrArray *
sums_to_rows (Sums     *sums,
              SumOrder  order)
{
  GPtrArray *rows = g_ptr_array_new_full (sums->sums->len, g_object_unref);

  g_ptr_array_sort_with_data (sums->sums, compare_sums, GINT_TO_POINTER (order));
  for (guint i = 0; i < sums->sums->len; i++)
    {
      Sum *sum = g_ptr_array_index (sums->sums, i);
      TandemReportRow *row = tandem_report_row_new (sum->key_id, sum->key, sum->label, sum->value);

      if (sum->series_key != NULL)
        tandem_report_row_set_series (row, sum->series_key, sum->series_label);
      if (sum->currency != NULL)
        tandem_report_row_set_currency (row, sum->currency);
      tandem_report_row_set_count (row, sum->count);
      tandem_report_row_set_weighted (row, sum->weighted);
      tandem_report_row_set_target (row, sum->target);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* A date the caller gave: "YYYY-MM-DD", a real day. */
static gboolean
parse_day (const char  *text,
           GDate       *date,
           GError     **error)
{
  unsigned y, m, d;
  char end;

  g_date_clear (date, 1);
  if (text != NULL && strlen (text) == 10
      && sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) == 3
      && g_date_valid_dmy (d, m, y))
    {
      g_date_set_dmy (date, d, m, y);
      return TRUE;
    }
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
               _("“%s” is not a date; write it as YYYY-MM-DD"), text ? text : "");
  return FALSE;
}

/* Checks an optional range and gives its bounds as dates. */
static gboolean
parse_range (const char  *from,
             const char  *to,
             gboolean     required,
             GDate       *from_date,
             GDate       *to_date,
             GError     **error)
{
  g_date_clear (from_date, 1);
  g_date_clear (to_date, 1);
  if (required && (from == NULL || to == NULL))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The report needs a first and a last day"));
      return FALSE;
    }
  if (from != NULL && !parse_day (from, from_date, error))
    return FALSE;
  if (to != NULL && !parse_day (to, to_date, error))
    return FALSE;
  if (from != NULL && to != NULL && g_date_compare (from_date, to_date) > 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The report’s range ends before it starts"));
      return FALSE;
    }
  return TRUE;
}

/* The start of local day @date as UTC text, as the activity and history
 * columns keep times. */
static char *
day_start_utc (const GDate *date)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                      g_date_get_day (date), 0, 0, 0);

  return tandem_store_unix_to_utc (g_date_time_to_unix (local));
}

static char *
month_label (int year,
             int month)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (year, month, 1, 0, 0, 0);

  /* Translators: a month in a report, "November 2026"; %OB is the month's
   * name standing alone (nominative), %Y the year */
  return g_date_time_format (local, _("%OB %Y"));
}

/* The label of a closing month "2026-11", or of none. */
static char *
month_key_label (const char *key)
{
  int year, month;

  if (key == NULL || key[0] == '\0' || sscanf (key, "%d-%d", &year, &month) != 2)
    return g_strdup (_("No closing date"));
  return month_label (year, month);
}

/* The month and ISO week of a UTC time, in the local zone. */
/* The local month or week (by MONTH or WEEK) a UTC time falls in, and
 * its bounds; a run of times in the same period is placed by comparing
 * text alone. */
typedef struct
{
  char *from;   /* UTC "2026-10-31T22:00:00Z", included */
  char *to;     /* excluded */
  char *key;
  char *label;
} Period;

static void
period_clear (Period *period)
{
  g_clear_pointer (&period->from, g_free);
  g_clear_pointer (&period->to, g_free);
  g_clear_pointer (&period->key, g_free);
  g_clear_pointer (&period->label, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Period, period_clear)

static char *
utc_text (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
period_find (Period          *period,
             const char      *utc,
             TandemReportBy   by)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (period->key != NULL && strcmp (utc, period->from) >= 0 && strcmp (utc, period->to) < 0)
    return;
  period_clear (period);

  local = g_date_time_new_from_unix_local (tandem_store_utc_to_unix (utc));
  if (by == TANDEM_REPORT_BY_MONTH)
    {
      start = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local), 1, 0, 0, 0);
      end = g_date_time_add_months (start, 1);
      period->key = g_date_time_format (local, "%Y-%m");
      period->label = month_label (g_date_time_get_year (local), g_date_time_get_month (local));
    }
  else
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                                        g_date_time_get_day_of_month (local), 0, 0, 0);

      start = g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (day));
      end = g_date_time_add_weeks (start, 1);
      period->key = g_strdup_printf ("%04d-W%02d", g_date_time_get_week_numbering_year (local),
                                     g_date_time_get_week_of_year (local));
      /* Translators: an ISO week in a report: week number, year */
      period->label = g_strdup_printf (_("Week %d, %d"), g_date_time_get_week_of_year (local),
                                       g_date_time_get_week_numbering_year (local));
    }
  period->from = utc_text (start);
  period->to = utc_text (end);
}

/* A stage's or activity term's shown name: the administrator's, or the
 * shipped one in the user's language. */
static const char *
stage_name (const char *name,
            const char *builtin)
{
  if (name != NULL)
    return name;
  return builtin ? g_dpgettext2 (GETTEXT_PACKAGE, "sales stage", builtin) : "";
}

static const char *
term_name (const char *name,
           const char *builtin)
{
  if (name != NULL)
    return name;
  return builtin ? g_dpgettext2 (GETTEXT_PACKAGE, "activity term", builtin) : "";
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *text)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int i = sqlite3_bind_parameter_index (stmt, name);

  if (i > 0)
    sqlite3_bind_int64 (stmt, i, value);
}

static gboolean
finish_steps (TandemStore   *self,
              sqlite3_stmt  *stmt,
              int            rc,
              GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tandem_store_set_db_error (self, error);
  return TRUE;
}

static gboolean
is_manager (TandemUser *user)
{
  TandemRole role = tandem_user_get_role (user);

  return role == TANDEM_ROLE_ADMIN || role == TANDEM_ROLE_MANAGER;
}

const char *
tandem_report_by_to_string (TandemReportBy by)
{
  if ((guint) by >= G_N_ELEMENTS (report_bys))
    return NULL;
  return report_bys[by];
}

gboolean
tandem_report_by_from_string (const char     *str,
                              TandemReportBy *by)
{
  g_return_val_if_fail (by != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (report_bys); i++)
    if (g_ascii_strcasecmp (str, report_bys[i]) == 0)
      {
        *by = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
set_unknown_by (GError **error)
{
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The report cannot be grouped that way"));
  return FALSE;
}

/* Sales (J1) */

/* Key and label of the sales grouping columns 0–3 of the statements
 * below: id, name, builtin name (stages), login (sellers). */
static void
sale_group (TandemReportBy   by,
            sqlite3_stmt    *stmt,
            gint64          *key_id,
            char           **key,
            char           **label)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  const char *name = tandem_store_column_text (stmt, 1);
  const char *text = tandem_store_column_text (stmt, 2);

  *key_id = 0;
  switch (by)
    {
    case TANDEM_REPORT_BY_STAGE:
      *key_id = id;
      *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      *label = g_strdup (stage_name (name, text));
      return;

    case TANDEM_REPORT_BY_SELLER:
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        {
          *key = g_strdup ("");
          *label = g_strdup (_("No seller"));
          return;
        }
      *key_id = id;
      *key = g_strdup (tandem_store_column_text (stmt, 3));
      *label = g_strdup (name ? name : *key);
      return;

    case TANDEM_REPORT_BY_PRODUCT:
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        {
          *key = g_strdup ("");
          *label = g_strdup (_("No product"));
          return;
        }
      *key_id = id;
      *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      *label = g_strdup (name);
      return;

    case TANDEM_REPORT_BY_MONTH:
    default:
      *key = g_strdup (name ? name : "");
      *label = month_key_label (name);
      return;
    }
}

/* The columns 0–3 sale_group reads and the grouping, for sales "p" */
static gboolean
sale_group_sql (TandemReportBy   by,
                const char     **columns,
                const char     **joins,
                const char     **group)
{
  switch (by)
    {
    case TANDEM_REPORT_BY_STAGE:
      *columns = "s.id, s.name, s.builtin, NULL";
      *joins = " JOIN sale_stages s ON s.id = p.stage_id";
      *group = "p.stage_id";
      return TRUE;
    case TANDEM_REPORT_BY_SELLER:
      *columns = "u.id, u.name, NULL, u.login";
      *joins = " LEFT JOIN users u ON u.id = p.seller_id";
      *group = "p.seller_id";
      return TRUE;
    case TANDEM_REPORT_BY_PRODUCT:
      *columns = "pr.id, pr.name, NULL, NULL";
      *joins = " LEFT JOIN products pr ON pr.id = p.product_id";
      *group = "p.product_id";
      return TRUE;
    case TANDEM_REPORT_BY_MONTH:
      *columns = "NULL, substr (p.close_date, 1, 7), NULL, NULL";
      *joins = "";
      *group = "substr (p.close_date, 1, 7)";
      return TRUE;
    default:
      return FALSE;
    }
}

/* Adds the open sales closing in [@from, @to) of @seller_id and
 * @product_id (0: any) to @sums, by @by, as @series (NULL: no series). */
static gboolean
sum_open_sales (TandemStore     *self,
                TandemReportBy   by,
                const char      *from,
                const char      *to,
                gint64           seller_id,
                gint64           product_id,
                const char      *series_key,
                const char      *series_label,
                int              series_position,
                Sums            *sums,
                GError         **error)
{
  g_autofree char *sql = NULL;
  const char *columns, *joins, *group;
  sqlite3_stmt *stmt;
  gint64 position = sums->sums->len;
  int rc;

  if (!sale_group_sql (by, &columns, &joins, &group))
    return set_unknown_by (error);

  /* One statement per grouping and bound: each uses the index of open
   * sales by closing date when it has a bound. */
  sql = g_strdup_printf ("SELECT %s, p.currency, count(*), sum (p.value_cents), " WEIGHTED_SQL ("p")
                         " FROM visible_projects p%s"
                         " WHERE p.is_sale = 1 AND p.state = 0%s%s%s%s"
                         " GROUP BY %s, p.currency"
                         "%s",
                         columns, joins,
                         from ? " AND p.close_date >= :from" : "",
                         to ? " AND p.close_date < :to" : "",
                         seller_id ? " AND p.seller_id = :seller" : "",
                         product_id ? " AND p.product_id = :product" : "",
                         group,
                         by == TANDEM_REPORT_BY_STAGE ? " ORDER BY min (s.position), p.stage_id" : "");
  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_named_text (stmt, ":from", from);
  bind_named_text (stmt, ":to", to);
  bind_named_int64 (stmt, ":seller", seller_id);
  bind_named_int64 (stmt, ":product", product_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = NULL;
      g_autofree char *label = NULL;
      gint64 key_id;
      Sum *sum;

      sale_group (by, stmt, &key_id, &key, &label);
      sum = sums_lookup (sums, key_id, key, label, position++, series_key, series_label,
                         series_position, tandem_store_column_text (stmt, 4));
      sum->count += sqlite3_column_int64 (stmt, 5);
      sum->value += sqlite3_column_int64 (stmt, 6);
      sum->weighted += sqlite3_column_int64 (stmt, 7);
    }
  return finish_steps (self, stmt, rc, error);
}

static SumOrder
sale_order (TandemReportBy by)
{
  switch (by)
    {
    case TANDEM_REPORT_BY_STAGE:
      return ORDER_POSITION;
    case TANDEM_REPORT_BY_MONTH:
      return ORDER_KEY;
    default:
      return ORDER_LABEL;
    }
}

GPtrArray *
tandem_store_pipeline_report (TandemStore     *self,
                              TandemReportBy   by,
                              const char      *from,
                              const char      *to,
                              GError         **error)
{
  return tandem_store_pipeline_report_filtered (self, by, from, to, 0, 0, error);
}

GPtrArray *
tandem_store_pipeline_report_filtered (TandemStore     *self,
                                       TandemReportBy   by,
                                       const char      *from,
                                       const char      *to,
                                       gint64           seller_id,
                                       gint64           product_id,
                                       GError         **error)
{
  g_auto(Sums) sums = { NULL, };
  GDate from_date, to_date;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  if (!parse_range (from, to, FALSE, &from_date, &to_date, error))
    return NULL;

  sums_init (&sums);
  if (!sum_open_sales (self, by, from, to, seller_id, product_id, NULL, NULL, 0, &sums, error))
    return NULL;
  return sums_to_rows (&sums, sale_order (by));
}

GPtrArray *
tandem_store_forecast_report (TandemStore     *self,
                              TandemReportBy   by,
                              const char      *from,
                              const char      *to,
                              GError         **error)
{
  g_auto(Sums) sums = { NULL, };
  g_auto(Period) period = { NULL, };
  g_autofree char *from_utc = NULL;
  g_autofree char *to_utc = NULL;
  g_autofree char *sql = NULL;
  GDate from_date, to_date;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  if (by != TANDEM_REPORT_BY_MONTH && by != TANDEM_REPORT_BY_SELLER)
    {
      set_unknown_by (error);
      return NULL;
    }
  if (!parse_range (from, to, FALSE, &from_date, &to_date, error))
    return NULL;

  sums_init (&sums);
  /* Translators: a series of the sales forecast: sales still open */
  if (!sum_open_sales (self, by, from, to, 0, 0, "open", C_("forecast", "Open"), 0, &sums, error))
    return NULL;

  /* Sales won in the range, by the local day they were won on. */
  if (from != NULL)
    from_utc = day_start_utc (&from_date);
  if (to != NULL)
    to_utc = day_start_utc (&to_date);
  sql = g_strdup_printf ("SELECT u.id, u.name, NULL, u.login, p.currency, p.value_cents, p.closed_at"
                         " FROM visible_projects p LEFT JOIN users u ON u.id = p.seller_id"
                         " WHERE p.is_sale = 1 AND p.state = 1 AND p.closed_at IS NOT NULL%s%s",
                         from ? " AND p.closed_at >= :from" : "",
                         to ? " AND p.closed_at < :to" : "");
  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_named_text (stmt, ":from", from_utc);
  bind_named_text (stmt, ":to", to_utc);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = NULL;
      g_autofree char *label = NULL;
      gint64 key_id = 0;
      gint64 value = sqlite3_column_int64 (stmt, 5);
      Sum *sum;

      if (by == TANDEM_REPORT_BY_MONTH)
        {
          period_find (&period, tandem_store_column_text (stmt, 6), TANDEM_REPORT_BY_MONTH);
          key = g_strdup (period.key);
          label = g_strdup (period.label);
        }
      else
        sale_group (TANDEM_REPORT_BY_SELLER, stmt, &key_id, &key, &label);
      /* Translators: a series of the sales forecast: sales won */
      sum = sums_lookup (&sums, key_id, key, label, 0, "won", C_("forecast", "Won"), 1,
                         tandem_store_column_text (stmt, 4));
      sum->count++;
      sum->value += value;
      sum->weighted += value;
    }
  if (!finish_steps (self, stmt, rc, error))
    return NULL;

  return sums_to_rows (&sums, by == TANDEM_REPORT_BY_MONTH ? ORDER_KEY : ORDER_LABEL);
}

/* One seller's open sales in one currency at each point of the history */
typedef struct
{
  gint64  seller_id;
  char   *key;
  char   *label;
  char   *currency;
  gint64 *count;
  gint64 *value;
  gint64 *weighted;
} HistoryLine;

static void
history_line_free (HistoryLine *line)
{
  g_free (line->key);
  g_free (line->label);
  g_free (line->currency);
  g_free (line->count);
  g_free (line->value);
  g_free (line->weighted);
  g_free (line);
}

static int
compare_history_lines (gconstpointer a,
                       gconstpointer b)
{
  const HistoryLine *la = *(HistoryLine **) a;
  const HistoryLine *lb = *(HistoryLine **) b;
  int cmp = compare_text (la->key, lb->key);

  if (cmp == 0)
    cmp = g_utf8_collate (la->label, lb->label);
  if (cmp == 0)
    cmp = strcmp (la->key, lb->key);
  if (cmp == 0)
    cmp = strcmp (la->currency, lb->currency);
  return cmp;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return (ia > ib) - (ia < ib);
}

/* The first of the @n sorted times @ats later than @time */
static guint
first_point_after (char       **ats,
                   guint        n,
                   const char  *time)
{
  guint low = 0, high = n;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (strcmp (ats[middle], time) > 0)
        high = middle;
      else
        low = middle + 1;
    }
  return low;
}

GPtrArray *
tandem_store_pipeline_history (TandemStore  *self,
                               const char   *from,
                               const char   *to,
                               GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ats = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) history_line_free);
  g_autoptr(GPtrArray) sellers = g_ptr_array_new_with_free_func ((GDestroyNotify) history_line_free);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  GDate from_date, to_date, point;
  sqlite3_stmt *stmt;
  guint n_points;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  if (!parse_range (from, to, TRUE, &from_date, &to_date, error))
    return NULL;

  /* The points: each month's end, or @to when it comes first. A point
   * shows the sales as they stood when the next day began. */
  point = from_date;
  for (;;)
    {
      GDate next;

      g_date_set_day (&point, g_date_get_days_in_month (g_date_get_month (&point), g_date_get_year (&point)));
      if (g_date_compare (&point, &to_date) > 0)
        point = to_date;
      next = point;
      g_date_add_days (&next, 1);
      g_ptr_array_add (days, g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&point),
                                              g_date_get_month (&point), g_date_get_day (&point)));
      g_ptr_array_add (ats, day_start_utc (&next));
      if (g_date_compare (&point, &to_date) >= 0)
        break;
      point = next;
    }
  n_points = ats->len;

  /* The sellers' names, read once rather than joined to every row */
  stmt = tandem_store_prepare (self, "SELECT id, name, NULL, login FROM users", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HistoryLine *seller = g_new0 (HistoryLine, 1);

      sale_group (TANDEM_REPORT_BY_SELLER, stmt, &seller->seller_id, &seller->key, &seller->label);
      g_ptr_array_add (sellers, seller);
    }
  if (!finish_steps (self, stmt, rc, error))
    return NULL;

  /* The sales the user may see, each decided once, in the order of the
   * index that holds what the rule reads (by company) */
  stmt = tandem_store_prepare (self, "SELECT p.id FROM visible_projects p WHERE p.is_sale = 1", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (seen, id);
    }
  if (!finish_steps (self, stmt, rc, error))
    return NULL;
  g_array_sort (seen, compare_ids);

  /* One read of the history rows that hold at any of the points, rather
   * than one range read per point, along the history's covering index in
   * its own order ("+" keeps SQLite from the index by time, which would
   * read the table's rows too); a row counts when its sale is one of
   * those seen. Looking up each seen sale's rows instead jumps about that
   * index in company order, twice as slow with 50 000 sales. A row holds
   * from valid_from until valid_to. */
  stmt = tandem_store_prepare (self,
                               "SELECT h.seller_id, h.currency, h.value_cents, h.probability,"
                               "       h.valid_from, h.valid_to, h.project_id"
                               " FROM sale_history h"
                               " WHERE h.state = 0"
                               "   AND +h.valid_from < :last AND (h.valid_to IS NULL OR h.valid_to >= :first)",
                               error);
  if (stmt == NULL)
    return NULL;
  bind_named_text (stmt, ":first", g_ptr_array_index (ats, 0));
  bind_named_text (stmt, ":last", g_ptr_array_index (ats, n_points - 1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 project_id = sqlite3_column_int64 (stmt, 6);
      gint64 seller_id = sqlite3_column_int64 (stmt, 0);
      const char *currency = tandem_store_column_text (stmt, 1);
      const char *valid_to = tandem_store_column_text (stmt, 5);
      gint64 value = sqlite3_column_int64 (stmt, 2);
      gint64 weighted = (value * sqlite3_column_int64 (stmt, 3) + 50) / 100;
      guint i = first_point_after ((char **) ats->pdata, n_points, tandem_store_column_text (stmt, 4));
      HistoryLine *line = NULL;

      if (i >= n_points || (valid_to != NULL && strcmp (valid_to, g_ptr_array_index (ats, i)) < 0))
        continue;
      if (bsearch (&project_id, seen->data, seen->len, sizeof (gint64), compare_ids) == NULL)
        continue;
      if (currency == NULL)
        currency = "";

      /* A handful of sellers and currencies: a look along them is quickest */
      for (guint l = 0; l < lines->len && line == NULL; l++)
        {
          HistoryLine *candidate = g_ptr_array_index (lines, l);

          if (candidate->seller_id == seller_id && strcmp (candidate->currency, currency) == 0)
            line = candidate;
        }
      if (line == NULL)
        {
          HistoryLine *seller = NULL;

          for (guint u = 0; u < sellers->len && seller == NULL && seller_id != 0; u++)
            if (((HistoryLine *) g_ptr_array_index (sellers, u))->seller_id == seller_id)
              seller = g_ptr_array_index (sellers, u);
          line = g_new0 (HistoryLine, 1);
          line->seller_id = seller ? seller_id : 0;
          line->key = g_strdup (seller ? seller->key : "");
          line->label = g_strdup (seller ? seller->label : _("No seller"));
          line->currency = g_strdup (currency);
          line->count = g_new0 (gint64, n_points);
          line->value = g_new0 (gint64, n_points);
          line->weighted = g_new0 (gint64, n_points);
          g_ptr_array_add (lines, line);
        }
      for (; i < n_points && (valid_to == NULL || strcmp (valid_to, g_ptr_array_index (ats, i)) >= 0); i++)
        {
          line->count[i]++;
          line->value[i] += value;
          line->weighted[i] += weighted;
        }
    }
  if (!finish_steps (self, stmt, rc, error))
    return NULL;

  g_ptr_array_sort (lines, compare_history_lines);
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_points; i++)
    for (guint l = 0; l < lines->len; l++)
      {
        HistoryLine *line = g_ptr_array_index (lines, l);
        TandemReportRow *row;

        if (line->count[i] == 0)
          continue;
        row = tandem_report_row_new (line->seller_id, g_ptr_array_index (days, i), line->label, line->value[i]);
        tandem_report_row_set_series (row, line->key, line->label);
        tandem_report_row_set_currency (row, line->currency);
        tandem_report_row_set_count (row, line->count[i]);
        tandem_report_row_set_weighted (row, line->weighted[i]);
        g_ptr_array_add (rows, row);
      }
  return g_steal_pointer (&rows);
}

GStrv
tandem_store_list_sale_currencies (TandemStore  *self,
                                   GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  stmt = tandem_store_prepare (self,
                               "SELECT currency FROM visible_projects WHERE is_sale = 1"
                               " GROUP BY currency ORDER BY count(*) DESC, currency",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, tandem_store_column_text (stmt, 0));
  if (!finish_steps (self, stmt, rc, error))
    return NULL;
  return g_strv_builder_end (builder);
}

/* Activities (J2) */

/* Activities starting in the range: single ones by their start, a series
 * once by its first start, open-ended ones by when they were added
 * (@open_columns: the columns of those). Each branch can use its own
 * index. */
#define ACTIVITIES_IN_RANGE_AS(columns, open_columns, joins, range_from, range_to) \
  "SELECT " columns " FROM visible_activities a" joins \
  " WHERE a.rrule IS NULL AND a.open_ended = 0 AND a.start_utc >= " range_from " AND a.start_utc < " range_to \
  " UNION ALL SELECT " columns " FROM visible_activities a" joins \
  " WHERE a.rrule IS NOT NULL AND a.start_utc >= " range_from " AND a.start_utc < " range_to \
  " UNION ALL SELECT " open_columns " FROM visible_activities a" joins \
  " WHERE a.open_ended = 1 AND a.created_at >= " range_from " AND a.created_at < " range_to
#define ACTIVITIES_IN_RANGE(columns, joins, range_from, range_to) \
  ACTIVITIES_IN_RANGE_AS (columns, columns, joins, range_from, range_to)

static const char *
status_label (int status)
{
  switch (status)
    {
    case 1:
      /* Translators: activities in a report that were done */
      return C_("activities", "Completed");
    case 2:
      /* Translators: activities in a report that were called off */
      return C_("activities", "Cancelled");
    default:
      /* Translators: activities in a report still to be done */
      return C_("activities", "Planned");
    }
}

GPtrArray *
tandem_store_activity_report (TandemStore     *self,
                              TandemReportBy   by,
                              const char      *from,
                              const char      *to,
                              GError         **error)
{
  g_auto(Sums) sums = { NULL, };
  g_auto(Period) period = { NULL, };
  g_autofree char *from_utc = NULL;
  g_autofree char *to_utc = NULL;
  GDate from_date, to_date;
  const char *sql;
  sqlite3_stmt *stmt;
  SumOrder order = ORDER_LABEL;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  if (!parse_range (from, to, FALSE, &from_date, &to_date, error))
    return NULL;
  /* No bound is a bound beyond every time the columns hold. */
  from_utc = from ? day_start_utc (&from_date) : g_strdup ("");
  to_utc = to ? day_start_utc (&to_date) : g_strdup ("9");

  /* Columns: 0 key id, 1 name, 2 builtin name, 3 login or position,
   * 4 status, 5 start (the periods) */
  switch (by)
    {
    case TANDEM_REPORT_BY_CATEGORY:
      sql = "SELECT x.id, t.name, t.builtin, t.position, x.status, count(*) FROM ("
            ACTIVITIES_IN_RANGE ("a.category_id AS id, a.status", "", ":from", ":to")
            ") x LEFT JOIN activity_terms t ON t.id = x.id GROUP BY x.id, x.status";
      order = ORDER_POSITION;
      break;
    case TANDEM_REPORT_BY_KIND:
      sql = "SELECT x.id, t.name, t.builtin, t.position, x.status, count(*) FROM ("
            ACTIVITIES_IN_RANGE ("a.kind_id AS id, a.status", "", ":from", ":to")
            ") x LEFT JOIN activity_terms t ON t.id = x.id GROUP BY x.id, x.status";
      order = ORDER_POSITION;
      break;
    case TANDEM_REPORT_BY_TYPE:
      sql = "SELECT x.id, t.name, t.builtin, t.position, x.status, count(*) FROM ("
            ACTIVITIES_IN_RANGE ("a.type_id AS id, a.status", "", ":from", ":to")
            ") x LEFT JOIN activity_terms t ON t.id = x.id GROUP BY x.id, x.status";
      order = ORDER_POSITION;
      break;
    case TANDEM_REPORT_BY_USER:
      sql = "SELECT x.id, u.name, NULL, u.login, x.status, count(*) FROM ("
            ACTIVITIES_IN_RANGE ("ap.user_id AS id, a.status",
                                 " LEFT JOIN activity_performers ap ON ap.activity_id = a.id",
                                 ":from", ":to")
            ") x LEFT JOIN users u ON u.id = x.id GROUP BY x.id, x.status";
      break;
    case TANDEM_REPORT_BY_MONTH:
    case TANDEM_REPORT_BY_WEEK:
      /* Each branch names the one time it reads, so that the timed ones
       * need not read when an activity was added. */
      sql = "SELECT NULL, NULL, NULL, NULL, x.status, x.start FROM ("
            ACTIVITIES_IN_RANGE_AS ("a.status, a.start_utc AS start", "a.status, a.created_at AS start",
                                    "", ":from", ":to")
            ") x";
      order = ORDER_KEY;
      break;
    default:
      set_unknown_by (error);
      return NULL;
    }

  stmt = tandem_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_named_text (stmt, ":from", from_utc);
  bind_named_text (stmt, ":to", to_utc);
  sums_init (&sums);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = NULL;
      g_autofree char *label = NULL;
      gboolean none = sqlite3_column_type (stmt, 0) == SQLITE_NULL;
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int status = CLAMP (sqlite3_column_int (stmt, 4), 0, 2);
      gint64 position = 0;
      gint64 count = 1;
      Sum *sum;

      if (by == TANDEM_REPORT_BY_MONTH || by == TANDEM_REPORT_BY_WEEK)
        {
          period_find (&period, tandem_store_column_text (stmt, 5), by);
          key = g_strdup (period.key);
          label = g_strdup (period.label);
        }
      else
        {
          count = sqlite3_column_int64 (stmt, 5);
          if (none || (by != TANDEM_REPORT_BY_USER && sqlite3_column_type (stmt, 3) == SQLITE_NULL))
            {
              /* No such term (or user) any more counts as none. */
              none = TRUE;
              id = 0;
              key = g_strdup ("");
              label = g_strdup (by == TANDEM_REPORT_BY_USER ? _("No performer")
                                : by == TANDEM_REPORT_BY_CATEGORY ? _("No category")
                                : by == TANDEM_REPORT_BY_KIND ? _("No kind")
                                : _("No type"));
              position = G_MAXINT64;
            }
          else if (by == TANDEM_REPORT_BY_USER)
            {
              key = g_strdup (tandem_store_column_text (stmt, 3));
              label = g_strdup (tandem_store_column_text (stmt, 1));
            }
          else
            {
              key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
              label = g_strdup (term_name (tandem_store_column_text (stmt, 1),
                                           tandem_store_column_text (stmt, 2)));
              position = sqlite3_column_int64 (stmt, 3);
            }
        }
      sum = sums_lookup (&sums, none ? 0 : id, key, label, position, status_keys[status],
                         status_label (status), status, NULL);
      sum->count += count;
      sum->value += count;
    }
  if (!finish_steps (self, stmt, rc, error))
    return NULL;

  return sums_to_rows (&sums, order);
}

/* Sales targets (D20, J2) */

typedef struct
{
  gint64        user_id;
  char         *login;
  char         *name;
  gint64        category_id;
  char         *category;
  TandemPeriod  period;
  gint64        target;
} TargetRow;

static void
target_row_clear (TargetRow *row)
{
  g_free (row->login);
  g_free (row->name);
  g_free (row->category);
}

/* The target of the range [@from, @to): the count per week or month
 * times the weeks or months it covers, those partly covered pro rata,
 * rounded up. */
static gint64
target_for_range (TandemPeriod  period,
                  gint64        target,
                  const GDate  *from,
                  const GDate  *to)
{
  double months = 0;
  GDate day;

  if (period == TANDEM_PERIOD_WEEK)
    {
      gint64 days = g_date_days_between (from, to);

      return (target * days + 6) / 7;
    }

  day = *from;
  while (g_date_compare (&day, to) < 0)
    {
      int in_month = g_date_get_days_in_month (g_date_get_month (&day), g_date_get_year (&day));
      GDate next = day;
      int covered;

      g_date_set_day (&next, 1);
      g_date_add_months (&next, 1);
      if (g_date_compare (&next, to) > 0)
        next = *to;
      covered = g_date_days_between (&day, &next);
      months += (double) covered / in_month;
      day = next;
    }
  /* Whole months add up to whole numbers; the tolerance keeps them so. */
  return (gint64) ceil (target * months - 1e-9);
}

/* Completed activities of the target categories per performer, in the
 * range, as the seller's view counts them: a single one by its start (an
 * open-ended one by when it was completed), a series completed as a whole
 * once by its first start, and each occurrence completed on its own by its
 * start. */
static gboolean
count_done (TandemStore  *self,
            const char   *from_utc,
            const char   *to_utc,
            GHashTable   *done,
            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tandem_store_prepare (self,
                               "SELECT ap.user_id, a.category_id, count(*)"
                               " FROM visible_activities a"
                               " JOIN activity_performers ap ON ap.activity_id = a.id"
                               " JOIN activity_terms t ON t.id = a.category_id AND t.sales_target <> 0"
                               " WHERE a.status = 1"
                               "   AND ((a.open_ended = 0 AND a.start_utc >= :from AND a.start_utc < :to)"
                               "     OR (a.open_ended = 1 AND a.completed_at >= :from AND a.completed_at < :to))"
                               " GROUP BY ap.user_id, a.category_id"
                               " UNION ALL"
                               " SELECT ap.user_id, a.category_id, count(*)"
                               " FROM visible_activities a"
                               " JOIN activity_performers ap ON ap.activity_id = a.id"
                               " JOIN activity_terms t ON t.id = a.category_id AND t.sales_target <> 0"
                               " JOIN activity_exceptions e ON e.activity_id = a.id"
                               " WHERE a.status <> 1 AND a.rrule IS NOT NULL"
                               "   AND e.status = 1 AND e.start_utc >= :from AND e.start_utc < :to"
                               " GROUP BY ap.user_id, a.category_id",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_named_text (stmt, ":from", from_utc);
  bind_named_text (stmt, ":to", to_utc);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *id = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                  (gint64) sqlite3_column_int64 (stmt, 0),
                                  (gint64) sqlite3_column_int64 (stmt, 1));
      gint64 count = GPOINTER_TO_SIZE (g_hash_table_lookup (done, id));

      count += sqlite3_column_int64 (stmt, 2);
      g_hash_table_replace (done, id, GSIZE_TO_POINTER (count));
    }
  return finish_steps (self, stmt, rc, error);
}

GPtrArray *
tandem_store_target_report (TandemStore  *self,
                            const char   *from,
                            const char   *to,
                            GError      **error)
{
  g_autoptr(GArray) targets = g_array_new (FALSE, TRUE, sizeof (TargetRow));
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *from_utc = NULL;
  g_autofree char *to_utc = NULL;
  GDate from_date, to_date;
  sqlite3_stmt *stmt;
  gboolean everyone;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!tandem_store_require_user (self, error))
    return NULL;
  if (!parse_range (from, to, TRUE, &from_date, &to_date, error))
    return NULL;
  g_array_set_clear_func (targets, (GDestroyNotify) target_row_clear);

  /* Managers see everybody's targets, the others their own (D20). A
   * category no longer marked as a sales target keeps its targets out of
   * sight. */
  everyone = is_manager (self->user);
  stmt = tandem_store_prepare (self,
                               "SELECT s.user_id, u.login, u.name, s.category_id, t.name, t.builtin,"
                               "       s.period, s.target"
                               " FROM sales_targets s"
                               " JOIN activity_terms t ON t.id = s.category_id"
                               " JOIN users u ON u.id = s.user_id"
                               " WHERE t.term_set = 0 AND t.sales_target <> 0"
                               "   AND (:everyone OR s.user_id = :me)"
                               " ORDER BY u.name COLLATE NOCASE, u.id, t.position, t.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":everyone"), everyone);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":me"), tandem_user_get_id (self->user));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TargetRow row = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup (tandem_store_column_text (stmt, 1)),
        g_strdup (tandem_store_column_text (stmt, 2)),
        sqlite3_column_int64 (stmt, 3),
        g_strdup (term_name (tandem_store_column_text (stmt, 4), tandem_store_column_text (stmt, 5))),
        sqlite3_column_int (stmt, 6),
        sqlite3_column_int64 (stmt, 7),
      };

      g_array_append_val (targets, row);
    }
  if (!finish_steps (self, stmt, rc, error))
    return NULL;

  from_utc = day_start_utc (&from_date);
  to_utc = day_start_utc (&to_date);
  if (targets->len > 0 && !count_done (self, from_utc, to_utc, done, error))
    return NULL;

  rows = g_ptr_array_new_full (targets->len, g_object_unref);
  for (guint i = 0; i < targets->len; i++)
    {
      TargetRow *target = &g_array_index (targets, TargetRow, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                             target->user_id, target->category_id);
      g_autofree char *category_key = g_strdup_printf ("%" G_GINT64_FORMAT, target->category_id);
      gint64 count = GPOINTER_TO_SIZE (g_hash_table_lookup (done, id));
      TandemReportRow *row = tandem_report_row_new (target->user_id, target->login, target->name, count);

      tandem_report_row_set_series (row, category_key, target->category);
      tandem_report_row_set_count (row, count);
      tandem_report_row_set_target (row, target_for_range (target->period, target->target,
                                                           &from_date, &to_date));
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}
