/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"
#define _GNU_SOURCE

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "tandem-report.h"
#include "tandem-test-db.h"

/* Shipped stages (migrations/0004-projects.sql) and activity terms (0003) */
#define STAGE_LEAD        1
#define STAGE_OFFER       2
#define STAGE_NEGOTIATION 3
#define STAGE_WON         4
#define STAGE_LOST        5
#define CATEGORY_LEAD           32
#define CATEGORY_CUSTOMER_VISIT 34
#define CATEGORY_PHONE_CALL     35

/* "anna" and "bea" sell (group Sales), "carl" is a user outside it and
 * "mike" a manager in Sales; the administrator "admin" is there too. */
typedef struct
{
  TestDb  db;
  gint64  anna;
  gint64  bea;
  gint64  carl;
  gint64  mike;
  gint64  sales;
  gint64  virtanen;
  gint64  nowak;
  gint64  widget;
  gint64  service;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) anna = NULL;
  g_autoptr(TandemUser) bea = NULL;
  g_autoptr(TandemUser) carl = NULL;
  g_autoptr(TandemUser) mike = NULL;
  g_autoptr(TandemProduct) widget = tandem_product_new ("Widget", "Hardware");
  g_autoptr(TandemProduct) service = tandem_product_new ("Service", NULL);

  test_db_setup (&f->db, data);
  f->sales = tandem_store_add_group (f->db.store, "Sales", &error);
  g_assert_no_error (error);
  anna = test_add_user (&f->db, "anna", TANDEM_ROLE_USER, "Sales");
  bea = test_add_user (&f->db, "bea", TANDEM_ROLE_USER, "Sales");
  carl = test_add_user (&f->db, "carl", TANDEM_ROLE_USER, NULL);
  mike = test_add_user (&f->db, "mike", TANDEM_ROLE_MANAGER, "Sales");
  f->anna = tandem_user_get_id (anna);
  f->bea = tandem_user_get_id (bea);
  f->carl = tandem_user_get_id (carl);
  f->mike = tandem_user_get_id (mike);

  f->virtanen = test_add_company (&f->db, "Rautakauppa Virtanen Oy");
  f->nowak = test_add_company (&f->db, "Hurtownia Nowak sp. z o.o.");
  f->widget = tandem_store_save_product (f->db.store, widget, &error);
  g_assert_no_error (error);
  f->service = tandem_store_save_product (f->db.store, service, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  test_db_teardown (&f->db, data);
}

/* Writes to the file with a connection of its own, as another program
 * would: the tests use it to place history at chosen times. */
static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *conn = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &conn, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (conn, 5000);
  rc = sqlite3_exec (conn, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (conn);
}

static gint64
local_unix (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static char *
utc_text (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

/* "YYYY-MM-01" of the month @months from the current one */
static char *
month_from_now (int months,
                int day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now), 1, 12, 0, 0);
  g_autoptr(GDateTime) then = g_date_time_add_months (first, months);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (then), g_date_time_get_month (then), day);
}

/* Sales */

typedef struct
{
  const char       *name;
  const char       *author;        /* who adds it */
  gint64            stage;         /* STAGE_WON and STAGE_LOST: closed after adding */
  const char       *seller;        /* login, or NULL */
  int               product;       /* 0 none, 1 widget, 2 service */
  gint64            value;
  const char       *currency;
  const char       *close;         /* a date, or a month from now ("+N"), or NULL */
  int               probability;   /* -1: the stage's */
  TandemVisibility  visibility;    /* GROUPS: the Sales group */
} SaleSpec;

static gint64
user_id (Fixture    *f,
         const char *login)
{
  if (login == NULL)
    return 0;
  if (g_str_equal (login, "anna"))
    return f->anna;
  if (g_str_equal (login, "bea"))
    return f->bea;
  if (g_str_equal (login, "carl"))
    return f->carl;
  if (g_str_equal (login, "mike"))
    return f->mike;
  return tandem_user_get_id (f->db.admin);
}

static gint64
add_sale (Fixture        *f,
          const SaleSpec *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) sale = NULL;
  g_autofree char *close = NULL;
  gint64 id;

  test_sign_in (&f->db, spec->author);
  sale = tandem_project_new_sale (spec->product == 2 ? f->nowak : f->virtanen, spec->name,
                                  spec->stage == STAGE_WON || spec->stage == STAGE_LOST ? STAGE_OFFER
                                                                                         : spec->stage);
  tandem_project_set_seller_id (sale, user_id (f, spec->seller));
  tandem_project_set_product_id (sale, spec->product == 1 ? f->widget : spec->product == 2 ? f->service : 0);
  tandem_project_set_value (sale, spec->value);
  tandem_project_set_currency (sale, spec->currency);
  if (spec->close != NULL && spec->close[0] == '+')
    close = month_from_now (atoi (spec->close + 1), 15);
  else
    close = g_strdup (spec->close);
  tandem_project_set_close_date (sale, close);
  tandem_project_set_probability (sale, spec->probability);
  tandem_project_set_visibility (sale, spec->visibility);
  if (spec->visibility == TANDEM_VISIBILITY_GROUPS)
    tandem_project_set_group_ids (sale, &f->sales, 1);
  id = tandem_store_save_project (f->db.store, sale, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  if (spec->stage == STAGE_WON || spec->stage == STAGE_LOST)
    {
      g_assert_true (tandem_store_close_sale (f->db.store, id,
                                              spec->stage == STAGE_WON ? TANDEM_SALE_WON : TANDEM_SALE_LOST,
                                              &error));
      g_assert_no_error (error);
    }
  return id;
}

/* Two currencies, three sellers (one sale has none), two products (and
 * none), several closing months (and none), every open stage, won and
 * lost ones, and one restricted to the Sales group that Carl may not see.
 * Closing dates are fixed, in 2026–2027, for the pipeline; the forecast
 * test adds its own around today. */
static const SaleSpec pipeline_sales[] = {
  { "Shelving", "admin", STAGE_LEAD, "anna", 1, 1250000, "EUR", "2026-12-10", -1, TANDEM_VISIBILITY_EVERYONE },
  { "Racks", "admin", STAGE_OFFER, "anna", 1, 480050, "EUR", "2026-12-31", -1, TANDEM_VISIBILITY_EVERYONE },
  { "Maintenance", "admin", STAGE_NEGOTIATION, "bea", 2, 99999, "EUR", "2027-01-02", 65, TANDEM_VISIBILITY_EVERYONE },
  { "Warehouse", "admin", STAGE_OFFER, "bea", 0, 3300000, "PLN", "2027-01-20", -1, TANDEM_VISIBILITY_EVERYONE },
  { "Forklifts", "admin", STAGE_LEAD, NULL, 1, 2000000, "PLN", "2027-02-28", 15, TANDEM_VISIBILITY_EVERYONE },
  { "Cleaning", "admin", STAGE_NEGOTIATION, "admin", 2, 12345, "EUR", "2027-02-01", -1, TANDEM_VISIBILITY_EVERYONE },
  { "Someday", "admin", STAGE_LEAD, "bea", 0, 777700, "EUR", NULL, -1, TANDEM_VISIBILITY_EVERYONE },
  { "Too late", "admin", STAGE_OFFER, "anna", 1, 5000000, "EUR", "2027-03-01", -1, TANDEM_VISIBILITY_EVERYONE },
  { "Too early", "admin", STAGE_OFFER, "bea", 1, 600000, "EUR", "2026-11-30", -1, TANDEM_VISIBILITY_EVERYONE },
  { "Won deal", "admin", STAGE_WON, "anna", 1, 900000, "EUR", "2026-12-15", -1, TANDEM_VISIBILITY_EVERYONE },
  { "Lost deal", "admin", STAGE_LOST, "bea", 2, 800000, "EUR", "2026-12-15", -1, TANDEM_VISIBILITY_EVERYONE },
  { "Secret tender", "anna", STAGE_NEGOTIATION, "anna", 2, 4400000, "EUR", "2027-01-10", 80, TANDEM_VISIBILITY_GROUPS },
};

/* What a report row should hold, summed by the test from the records */
typedef struct
{
  gint64 count;
  gint64 value;
  gint64 weighted;
} Expected;

static void
expect (GHashTable *expected,
        const char *key,
        const char *series,
        const char *currency,
        gint64      value,
        gint64      weighted)
{
  g_autofree char *id = g_strdup_printf ("%s|%s|%s", key, series ? series : "", currency ? currency : "");
  Expected *e = g_hash_table_lookup (expected, id);

  if (e == NULL)
    {
      e = g_new0 (Expected, 1);
      g_hash_table_insert (expected, g_steal_pointer (&id), e);
    }
  e->count++;
  e->value += value;
  e->weighted += weighted;
}

static GHashTable *
expected_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Every row is expected with the same figures, and every expected row is there. */
static void
assert_rows (GPtrArray  *rows,
             GHashTable *expected,
             gboolean    check_weighted)
{
  for (guint i = 0; i < rows->len; i++)
    {
      TandemReportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *id = g_strdup_printf ("%s|%s|%s", tandem_report_row_get_key (row),
                                             tandem_report_row_get_series_key (row)
                                             ? tandem_report_row_get_series_key (row) : "",
                                             tandem_report_row_get_currency (row)
                                             ? tandem_report_row_get_currency (row) : "");
      Expected *e = g_hash_table_lookup (expected, id);

      if (e == NULL)
        g_error ("unexpected report row %s", id);
      g_assert_cmpint (tandem_report_row_get_count (row), ==, e->count);
      g_assert_cmpint (tandem_report_row_get_value (row), ==, e->value);
      if (check_weighted)
        g_assert_cmpint (tandem_report_row_get_weighted (row), ==, e->weighted);
    }
  g_assert_cmpuint (rows->len, ==, g_hash_table_size (expected));
}

static char *
login_of (Fixture *f,
          gint64   id)
{
  if (id == 0)
    return g_strdup ("");
  if (id == f->anna)
    return g_strdup ("anna");
  if (id == f->bea)
    return g_strdup ("bea");
  if (id == f->carl)
    return g_strdup ("carl");
  if (id == f->mike)
    return g_strdup ("mike");
  return g_strdup (TEST_ADMIN_LOGIN);
}

static char *
id_text (gint64 id)
{
  return id ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");
}

static char *
sale_key (Fixture        *f,
          TandemProject  *sale,
          TandemReportBy  by)
{
  const char *close = tandem_project_get_close_date (sale);

  switch (by)
    {
    case TANDEM_REPORT_BY_STAGE:
      return id_text (tandem_project_get_stage_id (sale));
    case TANDEM_REPORT_BY_SELLER:
      return login_of (f, tandem_project_get_seller_id (sale));
    case TANDEM_REPORT_BY_PRODUCT:
      return id_text (tandem_project_get_product_id (sale));
    case TANDEM_REPORT_BY_MONTH:
    default:
      return close ? g_strndup (close, 7) : g_strdup ("");
    }
}

static gint64
weighted (TandemProject *sale)
{
  return (tandem_project_get_value (sale) * tandem_project_get_probability (sale) + 50) / 100;
}

/* The sale as the signed-in user reads it, or NULL when they may not. */
static TandemProject *
read_sale (Fixture *f,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  TandemProject *sale = tandem_store_get_project (f->db.store, id, &error);

  if (sale == NULL)
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  return sale;
}

static gboolean
in_range (const char *date,
          const char *from,
          const char *to)
{
  if (from == NULL && to == NULL)
    return TRUE;
  return date != NULL && (from == NULL || strcmp (date, from) >= 0) && (to == NULL || strcmp (date, to) < 0);
}

/* The pipeline of the sales of @seller and @product (0: any) */
static void
check_pipeline_of (Fixture      *f,
                   const gint64 *ids,
                   guint         n_ids,
                   const char   *from,
                   const char   *to,
                   gint64        seller,
                   gint64        product)
{
  const TandemReportBy bys[] = {
    TANDEM_REPORT_BY_STAGE, TANDEM_REPORT_BY_SELLER, TANDEM_REPORT_BY_PRODUCT, TANDEM_REPORT_BY_MONTH,
  };

  for (guint b = 0; b < G_N_ELEMENTS (bys); b++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) expected = expected_new ();
      g_autoptr(GPtrArray) rows = NULL;

      if (seller == 0 && product == 0)
        rows = tandem_store_pipeline_report (f->db.store, bys[b], from, to, &error);
      else
        rows = tandem_store_pipeline_report_filtered (f->db.store, bys[b], from, to, seller, product, &error);
      g_assert_no_error (error);
      g_assert_nonnull (rows);
      for (guint i = 0; i < n_ids; i++)
        {
          g_autoptr(TandemProject) sale = read_sale (f, ids[i]);
          g_autofree char *key = NULL;

          if (sale == NULL || tandem_project_get_state (sale) != TANDEM_SALE_OPEN
              || !in_range (tandem_project_get_close_date (sale), from, to)
              || (seller != 0 && tandem_project_get_seller_id (sale) != seller)
              || (product != 0 && tandem_project_get_product_id (sale) != product))
            continue;
          key = sale_key (f, sale, bys[b]);
          expect (expected, key, NULL, tandem_project_get_currency (sale),
                  tandem_project_get_value (sale), weighted (sale));
        }
      assert_rows (rows, expected, TRUE);

      /* Stages in board order */
      if (bys[b] == TANDEM_REPORT_BY_STAGE)
        for (guint i = 1; i < rows->len; i++)
          g_assert_cmpint (tandem_report_row_get_key_id (g_ptr_array_index (rows, i - 1)), <=,
                           tandem_report_row_get_key_id (g_ptr_array_index (rows, i)));
    }
}

/* The whole pipeline, and the pipeline of each seller, each product and
 * some of both, as the Pipeline page's filters ask for them */
static void
check_pipeline (Fixture      *f,
                const gint64 *ids,
                guint         n_ids,
                const char   *from,
                const char   *to)
{
  const gint64 sellers[] = { 0, f->anna, f->bea, f->carl, tandem_user_get_id (f->db.admin) };
  const gint64 products[] = { 0, f->widget, f->service };

  for (guint s = 0; s < G_N_ELEMENTS (sellers); s++)
    for (guint p = 0; p < G_N_ELEMENTS (products); p++)
      check_pipeline_of (f, ids, n_ids, from, to, sellers[s], products[p]);
}

static gint64
sum_value (GPtrArray  *rows,
           const char *currency)
{
  gint64 sum = 0;

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (tandem_report_row_get_currency (g_ptr_array_index (rows, i)), currency) == 0)
      sum += tandem_report_row_get_value (g_ptr_array_index (rows, i));
  return sum;
}

static GPtrArray *
pipeline (Fixture        *f,
          TandemReportBy  by,
          const char     *from,
          const char     *to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = tandem_store_pipeline_report (f->db.store, by, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
test_pipeline (Fixture       *f,
               gconstpointer  data)
{
  gint64 ids[G_N_ELEMENTS (pipeline_sales)];
  const char *readers[] = { "admin", "anna", "bea", "carl" };
  g_autoptr(GPtrArray) seen = NULL;
  g_autoptr(GPtrArray) unseen = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) secret = NULL;
  TandemReportBy by;

  for (guint i = 0; i < G_N_ELEMENTS (pipeline_sales); i++)
    ids[i] = add_sale (f, &pipeline_sales[i]);

  for (guint r = 0; r < G_N_ELEMENTS (readers); r++)
    {
      test_sign_in (&f->db, readers[r]);
      check_pipeline (f, ids, G_N_ELEMENTS (ids), "2026-12-01", "2027-03-01");
      check_pipeline (f, ids, G_N_ELEMENTS (ids), NULL, NULL);
      check_pipeline (f, ids, G_N_ELEMENTS (ids), "2027-01-01", NULL);
    }

  /* The secret tender is in Bea's figures (she is in Sales) and in none
   * of Carl's: his totals are hers less exactly that sale. */
  test_sign_in (&f->db, "bea");
  secret = read_sale (f, ids[G_N_ELEMENTS (ids) - 1]);
  g_assert_nonnull (secret);
  seen = pipeline (f, TANDEM_REPORT_BY_STAGE, "2026-12-01", "2027-03-01");
  test_sign_in (&f->db, "carl");
  unseen = pipeline (f, TANDEM_REPORT_BY_STAGE, "2026-12-01", "2027-03-01");
  g_assert_cmpint (sum_value (seen, "EUR") - sum_value (unseen, "EUR"), ==, tandem_project_get_value (secret));
  g_assert_cmpint (sum_value (seen, "PLN"), ==, sum_value (unseen, "PLN"));

  /* Anna's only service sale is the secret tender: Carl's pipeline of
   * her services is empty, not a row of zeros; and her widgets are the
   * same for both. */
  {
    g_autoptr(GPtrArray) bea_services = NULL;
    g_autoptr(GPtrArray) carl_services = NULL;
    g_autoptr(GPtrArray) bea_widgets = NULL;
    g_autoptr(GPtrArray) carl_widgets = NULL;

    test_sign_in (&f->db, "bea");
    bea_services = tandem_store_pipeline_report_filtered (f->db.store, TANDEM_REPORT_BY_STAGE, NULL, NULL,
                                                          f->anna, f->service, &error);
    g_assert_no_error (error);
    bea_widgets = tandem_store_pipeline_report_filtered (f->db.store, TANDEM_REPORT_BY_SELLER, NULL, NULL,
                                                         f->anna, f->widget, &error);
    g_assert_no_error (error);
    test_sign_in (&f->db, "carl");
    carl_services = tandem_store_pipeline_report_filtered (f->db.store, TANDEM_REPORT_BY_STAGE, NULL, NULL,
                                                           f->anna, f->service, &error);
    g_assert_no_error (error);
    carl_widgets = tandem_store_pipeline_report_filtered (f->db.store, TANDEM_REPORT_BY_SELLER, NULL, NULL,
                                                          f->anna, f->widget, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (bea_services->len, ==, 1);
    g_assert_cmpint (sum_value (bea_services, "EUR"), ==, tandem_project_get_value (secret));
    g_assert_cmpuint (carl_services->len, ==, 0);
    g_assert_cmpuint (carl_widgets->len, ==, bea_widgets->len);
    g_assert_cmpint (sum_value (carl_widgets, "EUR"), ==, sum_value (bea_widgets, "EUR"));
    g_assert_cmpint (sum_value (carl_widgets, "EUR"), >, 0);
  }

  /* Labels: shipped stage names, the seller's name, "none" rows last */
  {
    g_autoptr(GPtrArray) by_stage = pipeline (f, TANDEM_REPORT_BY_STAGE, NULL, NULL);
    g_autoptr(GPtrArray) by_seller = pipeline (f, TANDEM_REPORT_BY_SELLER, NULL, NULL);
    g_autoptr(GPtrArray) by_month = pipeline (f, TANDEM_REPORT_BY_MONTH, NULL, NULL);
    TandemReportRow *row;

    row = g_ptr_array_index (by_stage, 0);
    g_assert_cmpstr (tandem_report_row_get_label (row), ==, "Lead");
    row = g_ptr_array_index (by_seller, by_seller->len - 1);
    g_assert_cmpstr (tandem_report_row_get_key (row), ==, "");
    g_assert_cmpstr (tandem_report_row_get_label (row), ==, "No seller");
    row = g_ptr_array_index (by_month, by_month->len - 1);
    g_assert_cmpstr (tandem_report_row_get_key (row), ==, "");
    row = g_ptr_array_index (by_month, 0);
    g_assert_cmpstr (tandem_report_row_get_key (row), ==, "2026-11");
  }

  /* Groupings have names both ways; a bad date or grouping is refused */
  for (by = TANDEM_REPORT_BY_STAGE; by <= TANDEM_REPORT_BY_USER; by++)
    {
      TandemReportBy back;

      g_assert_true (tandem_report_by_from_string (tandem_report_by_to_string (by), &back));
      g_assert_cmpint (back, ==, by);
    }
  g_assert_false (tandem_report_by_from_string ("colour", &by));
  g_assert_null (tandem_store_pipeline_report (f->db.store, TANDEM_REPORT_BY_STAGE, "2026-13-01", NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tandem_store_pipeline_report (f->db.store, TANDEM_REPORT_BY_WEEK, NULL, NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
}

/* The forecast: open sales by closing month, weighted, and sales won by
 * the month they were won in (today, as the test closes them). */
static void
check_forecast (Fixture        *f,
                const gint64   *ids,
                guint           n_ids,
                TandemReportBy  by,
                const char     *from,
                const char     *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) expected = expected_new ();
  g_autoptr(GPtrArray) rows = tandem_store_forecast_report (f->db.store, by, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(TandemProject) sale = read_sale (f, ids[i]);
      g_autofree char *key = NULL;

      if (sale == NULL)
        continue;
      if (tandem_project_get_state (sale) == TANDEM_SALE_OPEN)
        {
          if (!in_range (tandem_project_get_close_date (sale), from, to))
            continue;
          key = sale_key (f, sale, by);
          expect (expected, key, "open", tandem_project_get_currency (sale),
                  tandem_project_get_value (sale), weighted (sale));
        }
      else if (tandem_project_get_state (sale) == TANDEM_SALE_WON)
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          g_autoptr(GDateTime) closed = g_date_time_new_from_iso8601 (tandem_project_get_closed_at (sale), utc);
          g_autoptr(GDateTime) local = g_date_time_to_local (closed);
          g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");

          if (!in_range (day, from, to))
            continue;
          key = by == TANDEM_REPORT_BY_MONTH ? g_strndup (day, 7)
                                             : login_of (f, tandem_project_get_seller_id (sale));
          expect (expected, key, "won", tandem_project_get_currency (sale),
                  tandem_project_get_value (sale), tandem_project_get_value (sale));
        }
    }
  assert_rows (rows, expected, TRUE);
}

static void
test_forecast (Fixture       *f,
               gconstpointer  data)
{
  const SaleSpec sales[] = {
    { "This month", "admin", STAGE_OFFER, "anna", 1, 1000000, "EUR", "+0", -1, TANDEM_VISIBILITY_EVERYONE },
    { "Next month", "admin", STAGE_NEGOTIATION, "bea", 2, 2000001, "EUR", "+1", 33, TANDEM_VISIBILITY_EVERYONE },
    { "Next month too", "admin", STAGE_LEAD, "anna", 0, 150, "EUR", "+1", -1, TANDEM_VISIBILITY_EVERYONE },
    { "In zloty", "admin", STAGE_OFFER, "bea", 1, 5000000, "PLN", "+2", -1, TANDEM_VISIBILITY_EVERYONE },
    { "Won now", "admin", STAGE_WON, "anna", 1, 750000, "EUR", "+3", -1, TANDEM_VISIBILITY_EVERYONE },
    { "Won in zloty", "admin", STAGE_WON, "bea", 2, 250000, "PLN", "+0", -1, TANDEM_VISIBILITY_EVERYONE },
    { "Lost now", "admin", STAGE_LOST, "anna", 1, 990000, "EUR", "+0", -1, TANDEM_VISIBILITY_EVERYONE },
    { "Far away", "admin", STAGE_OFFER, "anna", 1, 123400, "EUR", "+14", -1, TANDEM_VISIBILITY_EVERYONE },
    { "Secret win", "anna", STAGE_WON, "anna", 2, 3000000, "EUR", "+1", -1, TANDEM_VISIBILITY_GROUPS },
    { "Secret open", "anna", STAGE_OFFER, "anna", 2, 4000000, "EUR", "+1", -1, TANDEM_VISIBILITY_GROUPS },
  };
  const char *readers[] = { "admin", "anna", "carl" };
  gint64 ids[G_N_ELEMENTS (sales)];
  g_autofree char *from = month_from_now (-1, 1);
  g_autofree char *to = month_from_now (6, 1);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sales); i++)
    ids[i] = add_sale (f, &sales[i]);

  for (guint r = 0; r < G_N_ELEMENTS (readers); r++)
    {
      test_sign_in (&f->db, readers[r]);
      check_forecast (f, ids, G_N_ELEMENTS (ids), TANDEM_REPORT_BY_MONTH, from, to);
      check_forecast (f, ids, G_N_ELEMENTS (ids), TANDEM_REPORT_BY_SELLER, from, to);
      check_forecast (f, ids, G_N_ELEMENTS (ids), TANDEM_REPORT_BY_MONTH, NULL, NULL);
    }

  /* Carl sees neither secret sale in any figure. */
  {
    g_autoptr(GPtrArray) anna_rows = NULL;
    g_autoptr(GPtrArray) carl_rows = NULL;

    test_sign_in (&f->db, "anna");
    anna_rows = tandem_store_forecast_report (f->db.store, TANDEM_REPORT_BY_SELLER, from, to, &error);
    g_assert_no_error (error);
    test_sign_in (&f->db, "carl");
    carl_rows = tandem_store_forecast_report (f->db.store, TANDEM_REPORT_BY_SELLER, from, to, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sum_value (anna_rows, "EUR") - sum_value (carl_rows, "EUR"), ==, 3000000 + 4000000);
  }

  g_assert_null (tandem_store_forecast_report (f->db.store, TANDEM_REPORT_BY_STAGE, from, to, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
}

/* How the pipeline developed (J1): history placed in January and
 * February 2026 shows each month end as it stood. */
static void
set_history (Fixture    *f,
             gint64      sale,
             guint       n_rows,
             const char *times[])
{
  /* The sale's history rows, oldest first, get the times given: each
   * row holds until the next one's. */
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *sql = NULL;

      sql = g_strdup_printf ("UPDATE sale_history SET valid_from = '%s', valid_to = %s%s%s"
                             " WHERE id = (SELECT id FROM sale_history WHERE project_id = %" G_GINT64_FORMAT
                             " ORDER BY id LIMIT 1 OFFSET %u)",
                             times[i], i + 1 < n_rows ? "'" : "", i + 1 < n_rows ? times[i + 1] : "NULL",
                             i + 1 < n_rows ? "'" : "", sale, i);
      sql_exec (f->db.path, sql);
    }
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *jan_10 = utc_text (local_unix (2026, 1, 10, 9, 0));
  g_autofree char *jan_20 = utc_text (local_unix (2026, 1, 20, 9, 0));
  g_autofree char *feb_15 = utc_text (local_unix (2026, 2, 15, 14, 0));
  /* Just before midnight of 28 February, local time: still February */
  g_autofree char *feb_28 = utc_text (local_unix (2026, 2, 28, 23, 59));
  g_autofree char *mar_01 = utc_text (local_unix (2026, 3, 1, 0, 0));
  gint64 moved, lost, secret, late;

  moved = add_sale (f, &(SaleSpec) { "Moved", "admin", STAGE_LEAD, "anna", 1, 1000000, "EUR", "2026-06-30", -1,
                                     TANDEM_VISIBILITY_EVERYONE });
  g_assert_true (tandem_store_move_sale (f->db.store, moved, STAGE_OFFER, &error));
  g_assert_no_error (error);
  lost = add_sale (f, &(SaleSpec) { "Lost later", "admin", STAGE_OFFER, "bea", 1, 300000, "EUR", "2026-06-30", -1,
                                    TANDEM_VISIBILITY_EVERYONE });
  g_assert_true (tandem_store_close_sale (f->db.store, lost, TANDEM_SALE_LOST, &error));
  g_assert_no_error (error);
  secret = add_sale (f, &(SaleSpec) { "Secret", "anna", STAGE_OFFER, "anna", 1, 7000000, "EUR", "2026-06-30", -1,
                                      TANDEM_VISIBILITY_GROUPS });
  late = add_sale (f, &(SaleSpec) { "Late", "admin", STAGE_NEGOTIATION, "anna", 1, 200000, "PLN", "2026-06-30", -1,
                                    TANDEM_VISIBILITY_EVERYONE });

  /* The lead became an offer on 15 February; the other sale was lost
   * then; the secret one was there all along; the zloty one came on the
   * last evening of February, and a move at local midnight belongs to
   * March. */
  set_history (f, moved, 2, (const char *[]) { jan_10, feb_15 });
  set_history (f, lost, 2, (const char *[]) { jan_20, feb_15 });
  set_history (f, secret, 1, (const char *[]) { jan_10 });
  set_history (f, late, 1, (const char *[]) { feb_28 });
  g_assert_true (tandem_store_move_sale (f->db.store, late, STAGE_LEAD, &error));
  g_assert_no_error (error);
  set_history (f, late, 2, (const char *[]) { feb_28, mar_01 });

  for (guint r = 0; r < 2; r++)
    {
      const char *reader = r == 0 ? "bea" : "carl";
      gboolean sees_secret = r == 0;
      /* points: Jan 31, Feb 28, and 10 March (the range's last day) */
      struct { const char *key; const char *seller; const char *currency; gint64 count, value, weighted; } want[] = {
        { "2026-01-31", "anna", "EUR", 1 + sees_secret, 1000000 + (sees_secret ? 7000000 : 0),
          100000 + (sees_secret ? 2800000 : 0) },
        { "2026-01-31", "bea", "EUR", 1, 300000, 120000 },
        { "2026-02-28", "anna", "EUR", 1 + sees_secret, 1000000 + (sees_secret ? 7000000 : 0),
          400000 + (sees_secret ? 2800000 : 0) },
        { "2026-02-28", "anna", "PLN", 1, 200000, 140000 },
        { "2026-03-10", "anna", "EUR", 1 + sees_secret, 1000000 + (sees_secret ? 7000000 : 0),
          400000 + (sees_secret ? 2800000 : 0) },
        { "2026-03-10", "anna", "PLN", 1, 200000, 20000 },
      };

      test_sign_in (&f->db, reader);
      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = tandem_store_pipeline_history (f->db.store, "2026-01-05", "2026-03-10", &error);
      g_assert_no_error (error);
      g_assert_nonnull (rows);
      g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (want));
      for (guint i = 0; i < G_N_ELEMENTS (want); i++)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < rows->len; j++)
            {
              TandemReportRow *row = g_ptr_array_index (rows, j);

              if (!g_str_equal (tandem_report_row_get_key (row), want[i].key)
                  || g_strcmp0 (tandem_report_row_get_series_key (row), want[i].seller) != 0
                  || g_strcmp0 (tandem_report_row_get_currency (row), want[i].currency) != 0)
                continue;
              found = TRUE;
              g_assert_cmpint (tandem_report_row_get_count (row), ==, want[i].count);
              g_assert_cmpint (tandem_report_row_get_value (row), ==, want[i].value);
              g_assert_cmpint (tandem_report_row_get_weighted (row), ==, want[i].weighted);
              g_assert_cmpstr (tandem_report_row_get_series_label (row), ==, want[i].seller);
            }
          g_assert_true (found);
        }
    }

  /* Points in order, a range needs both ends */
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpstr (tandem_report_row_get_key (g_ptr_array_index (rows, i - 1)), <=,
                     tandem_report_row_get_key (g_ptr_array_index (rows, i)));
  g_assert_null (tandem_store_pipeline_history (f->db.store, "2026-01-01", NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
}

/* Activities (J2) */

typedef struct
{
  const char       *author;
  gint64            category;
  int               month;       /* 2026; 0: open-ended */
  int               day;
  TandemStatus      status;
  TandemVisibility  visibility;
  const char       *performers[2];
} ActivitySpec;

static gint64
add_activity (Fixture            *f,
              const ActivitySpec *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) activity = tandem_activity_new ("Report test");
  gint64 performers[2];
  guint n = 0;
  gint64 id;

  test_sign_in (&f->db, spec->author);
  for (guint i = 0; i < 2 && spec->performers[i] != NULL; i++)
    performers[n++] = user_id (f, spec->performers[i]);
  tandem_activity_set_company_id (activity, f->virtanen);
  if (spec->month != 0)
    {
      g_autoptr(GDateTime) start = g_date_time_new_local (2026, spec->month, spec->day, 10, 0, 0);
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 45);

      tandem_activity_set_times (activity, start, end);
    }
  else
    tandem_activity_set_open_ended (activity, TRUE);
  tandem_activity_set_visibility (activity, spec->visibility);
  if (spec->visibility == TANDEM_VISIBILITY_GROUPS)
    tandem_activity_set_group_ids (activity, &f->sales, 1);
  tandem_activity_set_performer_ids (activity, performers, n);
  tandem_activity_set_category_id (activity, spec->category);
  tandem_activity_set_status (activity, spec->status);
  id = tandem_store_save_activity (f->db.store, activity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static const ActivitySpec report_activities[] = {
  { "anna", CATEGORY_CUSTOMER_VISIT, 10, 5, TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_EVERYONE, { "anna" } },
  { "anna", CATEGORY_CUSTOMER_VISIT, 10, 26, TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_EVERYONE, { "anna", "bea" } },
  { "anna", CATEGORY_LEAD, 11, 2, TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_EVERYONE, { "anna" } },
  { "anna", CATEGORY_LEAD, 11, 3, TANDEM_STATUS_CANCELLED, TANDEM_VISIBILITY_EVERYONE, { "anna" } },
  { "bea", CATEGORY_PHONE_CALL, 11, 16, TANDEM_STATUS_PLANNED, TANDEM_VISIBILITY_EVERYONE, { "bea" } },
  { "bea", CATEGORY_CUSTOMER_VISIT, 11, 29, TANDEM_STATUS_PLANNED, TANDEM_VISIBILITY_GROUPS, { "bea" } },
  { "bea", 0, 11, 30, TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_EVERYONE, { NULL } },
  { "anna", CATEGORY_CUSTOMER_VISIT, 11, 18, TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_PRIVATE, { "anna" } },
  { "carl", CATEGORY_LEAD, 11, 4, TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_PRIVATE, { "carl" } },
  { "anna", CATEGORY_LEAD, 12, 1, TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_EVERYONE, { "anna" } },  /* after */
  { "anna", CATEGORY_LEAD, 9, 30, TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_EVERYONE, { "anna" } },  /* before */
  { "anna", CATEGORY_PHONE_CALL, 0, 0, TANDEM_STATUS_PLANNED, TANDEM_VISIBILITY_EVERYONE, { "anna" } },
};

static const char * const status_keys[] = { "planned", "completed", "cancelled" };

static void
check_activities (Fixture        *f,
                  const gint64   *ids,
                  guint           n_ids,
                  TandemReportBy  by,
                  const char     *from,
                  const char     *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) expected = expected_new ();
  g_autoptr(GPtrArray) rows = tandem_store_activity_report (f->db.store, by, from, to, &error);
  g_autoptr(GDateTime) from_time = g_date_time_new_local (atoi (from), atoi (from + 5), atoi (from + 8), 0, 0, 0);
  g_autoptr(GDateTime) to_time = g_date_time_new_local (atoi (to), atoi (to + 5), atoi (to + 8), 0, 0, 0);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(TandemActivity) activity = tandem_store_get_activity (f->db.store, ids[i], NULL);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) local = NULL;
      const gint64 *performers;
      guint n_performers;
      const char *status;

      if (activity == NULL)
        continue;
      if (tandem_activity_get_open_ended (activity))
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

          start = g_date_time_new_from_iso8601 (tandem_activity_get_created_at (activity), utc);
        }
      else
        start = g_date_time_ref (tandem_activity_get_start (activity));
      if (g_date_time_compare (start, from_time) < 0 || g_date_time_compare (start, to_time) >= 0)
        continue;
      local = g_date_time_to_local (start);
      status = status_keys[tandem_activity_get_status (activity)];
      performers = tandem_activity_get_performer_ids (activity, &n_performers);

      switch (by)
        {
        case TANDEM_REPORT_BY_CATEGORY:
        case TANDEM_REPORT_BY_KIND:
        case TANDEM_REPORT_BY_TYPE:
          {
            gint64 term = by == TANDEM_REPORT_BY_CATEGORY ? tandem_activity_get_category_id (activity)
                          : by == TANDEM_REPORT_BY_KIND ? tandem_activity_get_kind_id (activity)
                          : tandem_activity_get_type_id (activity);
            g_autofree char *key = id_text (term);

            expect (expected, key, status, NULL, 1, 0);
          }
          break;
        case TANDEM_REPORT_BY_USER:
          if (n_performers == 0)
            expect (expected, "", status, NULL, 1, 0);
          for (guint p = 0; p < n_performers; p++)
            {
              g_autofree char *key = login_of (f, performers[p]);

              expect (expected, key, status, NULL, 1, 0);
            }
          break;
        case TANDEM_REPORT_BY_MONTH:
          {
            g_autofree char *key = g_date_time_format (local, "%Y-%m");

            expect (expected, key, status, NULL, 1, 0);
          }
          break;
        case TANDEM_REPORT_BY_WEEK:
        default:
          {
            g_autofree char *key = g_strdup_printf ("%04d-W%02d", g_date_time_get_week_numbering_year (local),
                                                    g_date_time_get_week_of_year (local));

            expect (expected, key, status, NULL, 1, 0);
          }
          break;
        }
    }
  assert_rows (rows, expected, FALSE);
}

static void
test_activities (Fixture       *f,
                 gconstpointer  data)
{
  const TandemReportBy bys[] = {
    TANDEM_REPORT_BY_CATEGORY, TANDEM_REPORT_BY_KIND, TANDEM_REPORT_BY_TYPE, TANDEM_REPORT_BY_USER,
    TANDEM_REPORT_BY_MONTH, TANDEM_REPORT_BY_WEEK,
  };
  const char *readers[] = { "anna", "bea", "carl", "admin" };
  gint64 ids[G_N_ELEMENTS (report_activities)];
  g_autofree char *next_year = month_from_now (12, 1);

  for (guint i = 0; i < G_N_ELEMENTS (report_activities); i++)
    ids[i] = add_activity (f, &report_activities[i]);

  for (guint r = 0; r < G_N_ELEMENTS (readers); r++)
    {
      test_sign_in (&f->db, readers[r]);
      for (guint b = 0; b < G_N_ELEMENTS (bys); b++)
        {
          check_activities (f, ids, G_N_ELEMENTS (ids), bys[b], "2026-10-01", "2026-12-01");
          /* A range up to next year holds the open-ended one, by when it was added */
          check_activities (f, ids, G_N_ELEMENTS (ids), bys[b], "2026-01-01", next_year);
        }
    }

  /* Carl's private lead is in his own figures only; Anna's private visit
   * in hers only. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) anna_rows = NULL;
    g_autoptr(GPtrArray) bea_rows = NULL;
    gint64 anna_total = 0, bea_total = 0;

    test_sign_in (&f->db, "anna");
    anna_rows = tandem_store_activity_report (f->db.store, TANDEM_REPORT_BY_CATEGORY, "2026-10-01", "2026-12-01",
                                              &error);
    g_assert_no_error (error);
    test_sign_in (&f->db, "bea");
    bea_rows = tandem_store_activity_report (f->db.store, TANDEM_REPORT_BY_CATEGORY, "2026-10-01", "2026-12-01",
                                             &error);
    g_assert_no_error (error);
    for (guint i = 0; i < anna_rows->len; i++)
      anna_total += tandem_report_row_get_value (g_ptr_array_index (anna_rows, i));
    for (guint i = 0; i < bea_rows->len; i++)
      bea_total += tandem_report_row_get_value (g_ptr_array_index (bea_rows, i));
    /* Both see the same open ones; Anna her private visit besides */
    g_assert_cmpint (anna_total - bea_total, ==, 1);
  }
}

/* Sales targets against results (D20, J2) */

/* Days of [@from, @to) counted in weeks or in months, as a whole month is
 * one and a partial one its share, then times @target, rounded up. */
static gint64
expected_target (TandemPeriod  period,
                 gint64        target,
                 const char   *from,
                 const char   *to)
{
  GDate day, end;
  double units = 0;

  g_date_clear (&day, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&day, atoi (from + 8), atoi (from + 5), atoi (from));
  g_date_set_dmy (&end, atoi (to + 8), atoi (to + 5), atoi (to));
  for (; g_date_compare (&day, &end) < 0; g_date_add_days (&day, 1))
    units += period == TANDEM_PERIOD_WEEK ? 1.0 / 7
                                          : 1.0 / g_date_get_days_in_month (g_date_get_month (&day),
                                                                            g_date_get_year (&day));
  return (gint64) ceil (units * target - 1e-6);
}

static void
test_targets (Fixture       *f,
              gconstpointer  data)
{
  const struct { const char *from, *to; } ranges[] = {
    { "2026-11-01", "2026-12-01" },
    { "2026-11-16", "2026-12-16" },
    { "2026-10-01", "2026-12-01" },
    { "2026-11-02", "2026-11-09" },
  };
  const struct { gint64 *user; gint64 category; TandemPeriod period; guint target; } targets[] = {
    { &f->anna, CATEGORY_CUSTOMER_VISIT, TANDEM_PERIOD_WEEK, 3 },
    { &f->anna, CATEGORY_LEAD, TANDEM_PERIOD_MONTH, 5 },
    { &f->bea, CATEGORY_CUSTOMER_VISIT, TANDEM_PERIOD_MONTH, 4 },
  };
  const char *readers[] = { "mike", "anna", "bea", "carl" };
  gint64 ids[G_N_ELEMENTS (report_activities)];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (report_activities); i++)
    ids[i] = add_activity (f, &report_activities[i]);
  test_sign_in (&f->db, "mike");
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      g_assert_true (tandem_store_set_sales_target (f->db.store, *targets[t].user, targets[t].category,
                                                    targets[t].period, targets[t].target, &error));
      g_assert_no_error (error);
    }

  for (guint r = 0; r < G_N_ELEMENTS (readers); r++)
    for (guint g = 0; g < G_N_ELEMENTS (ranges); g++)
      {
        g_autoptr(GPtrArray) rows = NULL;
        g_autoptr(GDateTime) from_time = NULL;
        g_autoptr(GDateTime) to_time = NULL;
        const char *from = ranges[g].from, *to = ranges[g].to;
        gboolean manager = g_str_equal (readers[r], "mike");
        guint n_rows = 0;

        test_sign_in (&f->db, readers[r]);
        rows = tandem_store_target_report (f->db.store, from, to, &error);
        g_assert_no_error (error);
        g_assert_nonnull (rows);
        from_time = g_date_time_new_local (atoi (from), atoi (from + 5), atoi (from + 8), 0, 0, 0);
        to_time = g_date_time_new_local (atoi (to), atoi (to + 5), atoi (to + 8), 0, 0, 0);

        for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
          {
            g_autofree char *login = login_of (f, *targets[t].user);
            g_autofree char *category = id_text (targets[t].category);
            TandemReportRow *row = NULL;
            gint64 done = 0;

            /* Managers see everybody's targets, a seller her own */
            if (!manager && !g_str_equal (login, readers[r]))
              continue;
            n_rows++;
            for (guint i = 0; i < rows->len; i++)
              if (g_str_equal (tandem_report_row_get_key (g_ptr_array_index (rows, i)), login)
                  && g_str_equal (tandem_report_row_get_series_key (g_ptr_array_index (rows, i)), category))
                row = g_ptr_array_index (rows, i);
            g_assert_nonnull (row);

            /* Completed activities of the category the seller performs,
             * that the reader may see */
            for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
              {
                g_autoptr(TandemActivity) activity = tandem_store_get_activity (f->db.store, ids[i], NULL);
                GDateTime *start;

                if (activity == NULL || tandem_activity_get_open_ended (activity)
                    || tandem_activity_get_category_id (activity) != targets[t].category
                    || tandem_activity_get_status (activity) != TANDEM_STATUS_COMPLETED
                    || !tandem_activity_has_performer (activity, *targets[t].user))
                  continue;
                start = tandem_activity_get_start (activity);
                if (g_date_time_compare (start, from_time) >= 0 && g_date_time_compare (start, to_time) < 0)
                  done++;
              }
            g_assert_cmpint (tandem_report_row_get_value (row), ==, done);
            g_assert_cmpint (tandem_report_row_get_target (row), ==,
                             expected_target (targets[t].period, targets[t].target, from, to));
          }
        g_assert_cmpuint (rows->len, ==, n_rows);
      }

  /* The figures by hand for November: three visits a week over 30 days
   * is 13; Anna's one visit in November is private: she counts it, Mike
   * (who sees her targets) does not see it. */
  for (guint r = 0; r < 2; r++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      guint found = 0;

      test_sign_in (&f->db, r == 0 ? "mike" : "anna");
      rows = tandem_store_target_report (f->db.store, "2026-11-01", "2026-12-01", &error);
      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        {
          TandemReportRow *row = g_ptr_array_index (rows, i);

          if (g_str_equal (tandem_report_row_get_key (row), "anna")
              && g_str_equal (tandem_report_row_get_series_key (row), "34"))
            {
              g_assert_cmpint (tandem_report_row_get_key_id (row), ==, f->anna);
              g_assert_cmpint (tandem_report_row_get_target (row), ==, 13);
              g_assert_cmpint (tandem_report_row_get_value (row), ==, r == 0 ? 0 : 1);
              g_assert_cmpstr (tandem_report_row_get_series_label (row), ==, "Customer visit");
              found++;
            }
        }
      g_assert_cmpuint (found, ==, 1);
    }
}

/* The report model (J3) */

static void
test_build (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemReport) report = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) currencies = NULL;
  gint64 eur = 0, pln = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pipeline_sales); i++)
    add_sale (f, &pipeline_sales[i]);
  for (guint i = 0; i < G_N_ELEMENTS (report_activities); i++)
    add_activity (f, &report_activities[i]);

  /* Every type has its groupings, and names both ways */
  for (TandemReportType type = 0; type < TANDEM_N_REPORT_TYPES; type++)
    {
      const TandemReportBy *bys = tandem_report_type_get_bys (type);
      TandemReportType back;

      g_assert_nonnull (tandem_report_type_get_label (type));
      g_assert_true (tandem_report_type_from_string (tandem_report_type_to_string (type), &back));
      g_assert_cmpint (back, ==, type);
      g_assert_cmpint (bys[0], !=, -1);
      test_sign_in (&f->db, "admin");
      for (; *bys != (TandemReportBy) -1; bys++)
        {
          g_autoptr(TandemReport) built = tandem_report_build (f->db.store, type, *bys, "2026-10-01",
                                                               "2027-03-01", NULL, &error);

          g_assert_no_error (error);
          g_assert_nonnull (built);
          g_assert_nonnull (tandem_report_by_get_label (*bys));
          g_assert_nonnull (tandem_report_get_subtitle (built));
        }
    }

  /* The pipeline by stage in the currency of most sales, euros */
  test_sign_in (&f->db, "carl");
  currencies = tandem_report_list_currencies (f->db.store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (currencies[0], ==, "EUR");
  g_assert_cmpstr (currencies[1], ==, "PLN");
  g_assert_null (currencies[2]);

  rows = pipeline (f, TANDEM_REPORT_BY_STAGE, "2026-12-01", "2027-03-01");
  report = tandem_report_build (f->db.store, TANDEM_REPORT_PIPELINE, TANDEM_REPORT_BY_STAGE,
                                "2026-12-01", "2027-03-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_report_get_currency (report), ==, "EUR");
  g_assert_cmpint (tandem_report_get_unit (report), ==, TANDEM_UNIT_MONEY);
  g_assert_cmpint (tandem_report_get_chart_kind (report), ==, TANDEM_CHART_BARS);
  for (guint i = 0; i < rows->len; i++)
    {
      TandemReportRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (tandem_report_row_get_currency (row), "EUR"))
        eur += tandem_report_row_get_value (row);
      else
        pln += tandem_report_row_get_value (row);
    }
  g_assert_cmpint (tandem_report_get_total (report), ==, eur);
  g_assert_cmpstr (tandem_report_get_category_label (report, 0), ==, "Lead");
  /* Stages have no shorter name for the axis */
  g_assert_cmpstr (tandem_report_get_category_axis_label (report, 0), ==, "Lead");
  g_clear_object (&report);

  report = tandem_report_build (f->db.store, TANDEM_REPORT_PIPELINE, TANDEM_REPORT_BY_STAGE,
                                "2026-12-01", "2027-03-01", "PLN", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_report_get_total (report), ==, pln);
  g_clear_object (&report);

  /* The months of the range all appear, empty ones too */
  report = tandem_report_build (f->db.store, TANDEM_REPORT_FORECAST, TANDEM_REPORT_BY_MONTH,
                                "2026-10-15", "2027-03-01", "EUR", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_report_get_n_categories (report), ==, 5);
  g_assert_cmpstr (tandem_report_get_category_key (report, 0), ==, "2026-10");
  g_assert_cmpstr (tandem_report_get_category_key (report, 4), ==, "2027-02");
  g_assert_cmpint (tandem_report_get_chart_kind (report), ==, TANDEM_CHART_STACKED_BARS);
  /* The table names the month in full, the chart's axis short */
  g_assert_cmpstr (tandem_report_get_category_label (report, 0), ==, "October 2026");
  g_assert_cmpstr (tandem_report_get_category_axis_label (report, 0), ==, "Oct 2026");
  g_assert_cmpstr (tandem_report_get_category_axis_label (report, 4), ==, "Feb 2027");
  g_clear_object (&report);

  /* The development has a point per month end, and the last day */
  report = tandem_report_build (f->db.store, TANDEM_REPORT_DEVELOPMENT, TANDEM_REPORT_BY_MONTH,
                                "2026-01-01", "2026-03-11", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_report_get_n_categories (report), ==, 3);
  g_assert_cmpstr (tandem_report_get_category_key (report, 0), ==, "2026-01-31");
  g_assert_cmpstr (tandem_report_get_category_key (report, 2), ==, "2026-03-10");
  g_clear_object (&report);
  report = tandem_report_build (f->db.store, TANDEM_REPORT_DEVELOPMENT, TANDEM_REPORT_BY_MONTH,
                                "2026-01-01", "2027-01-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_report_get_n_categories (report), ==, 12);
  g_clear_object (&report);

  /* Activities stack their statuses; the week keys as the time report's */
  test_sign_in (&f->db, "anna");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = tandem_store_activity_report (f->db.store, TANDEM_REPORT_BY_CATEGORY, "2026-11-01", "2026-12-01", &error);
  g_assert_no_error (error);
  report = tandem_report_build (f->db.store, TANDEM_REPORT_ACTIVITIES, TANDEM_REPORT_BY_WEEK,
                                "2026-11-01", "2026-12-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_report_get_n_series (report), ==, 3);
  g_assert_cmpuint (tandem_report_get_n_categories (report), ==, 6);
  g_assert_cmpstr (tandem_report_get_category_key (report, 0), ==, "2026-W44");
  g_assert_cmpstr (tandem_report_get_category_key (report, 5), ==, "2026-W49");
  g_assert_cmpstr (tandem_report_get_category_label (report, 0), ==, "Week 44, 2026");
  g_assert_cmpstr (tandem_report_get_category_axis_label (report, 0), ==, "W44");
  {
    gint64 total = 0;

    for (guint i = 0; i < rows->len; i++)
      total += tandem_report_row_get_value (g_ptr_array_index (rows, i));
    g_assert_cmpint (total, >=, 6);
    g_assert_cmpint (tandem_report_get_total (report), ==, total);
  }
  g_clear_object (&report);

  /* Targets compare, they do not add up */
  test_sign_in (&f->db, "mike");
  g_assert_true (tandem_store_set_sales_target (f->db.store, f->anna, CATEGORY_LEAD, TANDEM_PERIOD_MONTH, 5,
                                                &error));
  report = tandem_report_build (f->db.store, TANDEM_REPORT_TARGETS, TANDEM_REPORT_BY_USER,
                                "2026-11-01", "2026-12-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_report_get_chart_kind (report), ==, TANDEM_CHART_GROUPED_BARS);
  g_assert_false (tandem_report_sums_series (report));
  g_assert_cmpuint (tandem_report_get_n_categories (report), ==, 1);
  g_assert_cmpint (tandem_report_get_value (report, 0, 0), ==, 5);
  g_assert_cmpint (tandem_report_get_value (report, 0, 1), ==, 1);
  g_clear_object (&report);

  /* A grouping the type does not offer, or a range backwards */
  g_assert_null (tandem_report_build (f->db.store, TANDEM_REPORT_TIME, TANDEM_REPORT_BY_STAGE,
                                      "2026-11-01", "2026-12-01", NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tandem_report_build (f->db.store, TANDEM_REPORT_PIPELINE, TANDEM_REPORT_BY_STAGE,
                                      "2026-12-01", "2026-11-01", NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_time (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemReport) report = NULL;
  const ActivitySpec spec = { "anna", CATEGORY_PHONE_CALL, 11, 10, TANDEM_STATUS_COMPLETED,
                              TANDEM_VISIBILITY_EVERYONE, { "anna" } };
  gint64 id = add_activity (f, &spec);
  g_autofree char *start = utc_text (local_unix (2026, 11, 10, 10, 0));
  g_autofree char *stop = utc_text (local_unix (2026, 11, 10, 13, 20));
  g_autofree char *sql = g_strdup_printf ("INSERT INTO activity_timers (activity_id, user_id, started_at, stopped_at)"
                                          " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s', '%s')",
                                          id, f->anna, start, stop);
  g_autofree char *text = NULL;

  sql_exec (f->db.path, sql);
  report = tandem_report_build (f->db.store, TANDEM_REPORT_TIME, TANDEM_REPORT_BY_MONTH,
                                "2026-10-01", "2027-01-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_report_get_n_categories (report), ==, 3);
  g_assert_cmpstr (tandem_report_get_category_key (report, 1), ==, "2026-11");
  g_assert_cmpint (tandem_report_get_value (report, 1, 0), ==, 3 * 3600 + 20 * 60);
  g_assert_cmpint (tandem_report_get_unit (report), ==, TANDEM_UNIT_SECONDS);
  text = tandem_report_format_value (report, 3 * 3600 + 20 * 60);
  g_assert_cmpstr (text, ==, "3 h 20 min");
}

/* A report made by hand */
static TandemReport *
make_report (TandemChartKind kind,
             guint           n_categories,
             guint           n_series)
{
  TandemReport *report = tandem_report_new ("Test", kind, TANDEM_UNIT_MONEY, "EUR");

  for (guint s = 0; s < n_series; s++)
    {
      g_autofree char *key = g_strdup_printf ("s%u", s);

      tandem_report_add_series (report, key, key);
    }
  for (guint c = 0; c < n_categories; c++)
    {
      g_autofree char *key = g_strdup_printf ("c%u", c);
      g_autofree char *label = g_strdup_printf ("Category number %u", c);
      guint category = tandem_report_add_category (report, key, label);

      for (guint s = 0; s < n_series; s++)
        tandem_report_set_value (report, category, s, 100000 * (c % 7 + 1) + 12345 * s);
    }
  return report;
}

static void
test_csv (void)
{
  g_autoptr(TandemReport) report = tandem_report_new ("Pipeline", TANDEM_CHART_STACKED_BARS,
                                                      TANDEM_UNIT_MONEY, "EUR");
  g_autoptr(TandemReport) grouped = tandem_report_new ("Targets", TANDEM_CHART_GROUPED_BARS,
                                                       TANDEM_UNIT_COUNT, NULL);
  g_autofree char *csv = NULL;
  g_autofree char *grouped_csv = NULL;
  guint a, b, won, open;

  tandem_report_set_category_title (report, "Seller");
  won = tandem_report_add_series (report, "won", "Won");
  open = tandem_report_add_series (report, "open", "Open, weighted");
  a = tandem_report_add_category (report, "nowak", "Nowak, \"Hurtownia\"");
  b = tandem_report_add_category (report, "anna", "Anna\nVirtanen");
  g_assert_cmpuint (tandem_report_add_category (report, "nowak", "again"), ==, a);
  tandem_report_set_value (report, a, won, 123456);
  tandem_report_set_value (report, a, open, 5);
  tandem_report_set_value (report, b, open, 100000000);
  g_assert_cmpint (tandem_report_get_category_total (report, a), ==, 123461);
  g_assert_cmpint (tandem_report_get_total (report), ==, 100123461);

  csv = tandem_report_to_csv (report);
  g_assert_cmpstr (csv, ==,
                   "Seller,Won,\"Open, weighted\",Total\r\n"
                   "\"Nowak, \"\"Hurtownia\"\"\",1234.56,0.05,1234.61\r\n"
                   "\"Anna\nVirtanen\",0.00,1000000.00,1000000.00\r\n");

  tandem_report_add_series (grouped, "target", "Target");
  tandem_report_add_series (grouped, "done", "Done");
  a = tandem_report_add_category (grouped, "anna:34", "anna: Customer visit");
  tandem_report_set_value (grouped, a, 0, 13);
  tandem_report_set_value (grouped, a, 1, 2);
  grouped_csv = tandem_report_to_csv (grouped);
  g_assert_cmpstr (grouped_csv, ==, "Category,Target,Done\r\nanna: Customer visit,13,2\r\n");
}

static guint
count_pdf_pages (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* The file has binary streams: search it as bytes */
  for (const char *p = data; (p = memmem (p, len - (p - data), "/Type /Page", 11)) != NULL; p++)
    if (p[11] != 's')
      pages++;
  return pages;
}

static void
test_pdf (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  guint last_pages = 0;
  const guint sizes[] = { 3, 24, 60, 200 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(TandemReport) report = make_report (TANDEM_CHART_STACKED_BARS, sizes[i], 2);
      guint pages = tandem_report_get_n_pages (report, 595.2756, 841.8898);

      g_assert_true (tandem_report_write_pdf (report, path, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count_pdf_pages (path), ==, pages);
      g_assert_cmpuint (pages, >=, last_pages);
      last_pages = pages;
    }
  /* 200 rows and a total: the first page holds a chart, the others
   * tens of rows each, so a few pages but not one per row */
  g_assert_cmpuint (last_pages, >=, 4);
  g_assert_cmpuint (last_pages, <=, 10);
  {
    g_autoptr(TandemReport) small = make_report (TANDEM_CHART_BARS, 3, 1);

    g_assert_cmpuint (tandem_report_get_n_pages (small, 595.2756, 841.8898), ==, 1);
  }

  /* A folder that is not there: an error, no crash */
  {
    g_autoptr(TandemReport) report = make_report (TANDEM_CHART_BARS, 3, 1);
    g_autofree char *bad = g_build_filename (dir, "missing", "report.pdf", NULL);

    g_assert_false (tandem_report_write_pdf (report, bad, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  g_unlink (path);
  test_remove_tree (dir);
}

/* Pixels of @surface in the rectangle that are not the background white,
 * or (@coloured) that have a colour rather than a grey */
static guint
painted_pixels (cairo_surface_t *surface,
                gboolean         coloured,
                int              x0,
                int              y0,
                int              x1,
                int              y1)
{
  unsigned char *data;
  int stride;
  guint painted = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + x * 4);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (coloured ? MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 60 : (pixel & 0xffffff) != 0xffffff)
          painted++;
      }
  return painted;
}

static void
test_chart (void)
{
  const TandemChartKind kinds[] = {
    TANDEM_CHART_BARS, TANDEM_CHART_STACKED_BARS, TANDEM_CHART_GROUPED_BARS, TANDEM_CHART_LINES,
  };
  TandemChartStyle style = *tandem_chart_style_default ();

  style.background[0] = style.background[1] = style.background[2] = style.background[3] = 1.0;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint n = 1; n <= 60; n += 59)
      {
        g_autoptr(TandemReport) report = make_report (kinds[k], n, kinds[k] == TANDEM_CHART_BARS ? 1 : 3);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 320);
        cairo_t *cr = cairo_create (surface);

        tandem_report_draw_chart (report, cr, 480, 320, &style);
        /* The plot, below the legend and right of the axis, has data in it */
        g_assert_cmpuint (painted_pixels (surface, TRUE, 60, 30, 470, 280), >, 20);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }

  /* Nothing, or only zeros: a sentence, no crash; tiny and dark too */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TandemReport) report = tandem_report_new ("Empty", TANDEM_CHART_LINES, TANDEM_UNIT_SECONDS, NULL);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 320);
      cairo_t *cr = cairo_create (surface);

      if (i > 0)
        {
          tandem_report_add_series (report, "a", "A");
          tandem_report_add_category (report, "x", "X");
        }
      style.dark = i == 2;
      tandem_report_draw_chart (report, cr, 480, 320, &style);
      tandem_report_draw_chart (report, cr, 3, 2, &style);
      /* Words, and no data */
      g_assert_cmpuint (painted_pixels (surface, FALSE, 0, 0, 480, 320), >, 0);
      g_assert_cmpuint (painted_pixels (surface, TRUE, 0, 0, 480, 320), ==, 0);
      g_assert_cmpuint (tandem_report_get_n_pages (report, 595.2756, 841.8898), ==, 1);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_format (void)
{
  g_autoptr(TandemReport) money = tandem_report_new ("M", TANDEM_CHART_BARS, TANDEM_UNIT_MONEY, "EUR");
  g_autoptr(TandemReport) count = tandem_report_new ("C", TANDEM_CHART_BARS, TANDEM_UNIT_COUNT, NULL);
  g_autoptr(TandemReport) time = tandem_report_new ("T", TANDEM_CHART_BARS, TANDEM_UNIT_SECONDS, NULL);
  g_autofree char *euros = tandem_report_format_value (money, 1250000);
  g_autofree char *some = tandem_report_format_value (count, 42);
  g_autofree char *minutes = tandem_report_format_value (time, 45 * 60);
  g_autofree char *hours = tandem_report_format_value (time, 7200);

  g_assert_true (g_str_has_suffix (euros, "EUR"));
  g_assert_true (g_str_has_prefix (euros, "12"));
  g_assert_nonnull (strstr (euros, "500"));
  g_assert_cmpstr (some, ==, "42");
  g_assert_cmpstr (minutes, ==, "45 min");
  g_assert_cmpstr (hours, ==, "2 h");
}

/* Tick labels group thousands as the tables' money does (SPEC J3) */
static void
test_ticks (void)
{
  g_autoptr(TandemReport) money = tandem_report_new ("M", TANDEM_CHART_BARS, TANDEM_UNIT_MONEY, "EUR");
  g_autoptr(TandemReport) count = tandem_report_new ("C", TANDEM_CHART_BARS, TANDEM_UNIT_COUNT, NULL);
  g_autoptr(TandemReport) time = tandem_report_new ("T", TANDEM_CHART_BARS, TANDEM_UNIT_SECONDS, NULL);
  g_auto(GStrv) euros = NULL;
  g_auto(GStrv) counts = NULL;
  g_auto(GStrv) hours = NULL;
  const char * const expected[] = { "0 €", "2,000 €", "4,000 €", "6,000 €", NULL };
  const char *old_locale;

  tandem_report_add_series (money, "value", "Value");
  tandem_report_set_value (money, tandem_report_add_category (money, "a", "A"), 0, 600000);
  tandem_report_set_value (money, tandem_report_add_category (money, "b", "B"), 0, 550000);
  euros = tandem_report_get_tick_labels (money);
  g_assert_cmpstrv (euros, expected);

  tandem_report_add_series (count, "n", "N");
  tandem_report_set_value (count, tandem_report_add_category (count, "a", "A"), 0, 14000);
  counts = tandem_report_get_tick_labels (count);
  g_assert_cmpstr (counts[0], ==, "0");
  g_assert_cmpstr (counts[g_strv_length (counts) - 1], ==, "15\u00a0000");

  tandem_report_add_series (time, "t", "T");
  tandem_report_set_value (time, tandem_report_add_category (time, "a", "A"), 0, 7 * 3600);
  hours = tandem_report_get_tick_labels (time);
  g_assert_cmpstr (hours[0], ==, "0 h");
  g_assert_cmpstr (hours[g_strv_length (hours) - 1], ==, "8 h");

  /* In Finnish and Polish, spaces group, as in "6 000,00 EUR" */
  old_locale = setlocale (LC_ALL, NULL);
  {
    g_autofree char *saved = g_strdup (old_locale);
    const char *locales[] = { "fi_FI.UTF-8", "pl_PL.UTF-8" };

    for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
      {
        g_auto(GStrv) ticks = NULL;
        g_autofree char *table = NULL;
        g_autofree char *whole = NULL;

        if (setlocale (LC_ALL, locales[i]) == NULL)
          {
            g_test_message ("%s is not installed", locales[i]);
            continue;
          }
        ticks = tandem_report_get_tick_labels (money);
        table = tandem_report_format_value (money, 600000);
        /* The tick reads as the table's figure, without the cents */
        whole = g_strndup (table, strlen (table) - strlen (",00 EUR"));
        g_assert_true (g_str_has_prefix (ticks[3], whole));
        g_assert_cmpstr (ticks[3] + strlen (whole), ==, " €");
        g_assert_cmpstr (ticks[3], ==, "6\u202f000 €");
      }
    setlocale (LC_ALL, saved);
  }
}

/* Category names under the chart never overlap, in a narrow window or
 * a wide one; months stand straight (SPEC J3) */
static void
assert_labels_apart (GArray *labels,
                     double  width)
{
  for (guint i = 0; i < labels->len; i++)
    {
      TandemChartLabel *label = &g_array_index (labels, TandemChartLabel, i);

      g_assert_cmpfloat (label->angle, ==, 0);
      g_assert_cmpfloat (label->x, >=, 0);
      g_assert_cmpfloat (label->x + label->width, <=, width);
      if (i > 0)
        {
          TandemChartLabel *before = &g_array_index (labels, TandemChartLabel, i - 1);

          g_assert_cmpuint (label->category, >, before->category);
          g_assert_cmpfloat (before->x + before->width, <, label->x);
        }
    }
}

static void
test_axis_labels (void)
{
  const double widths[] = { 300, 600, 1100 };
  g_autoptr(TandemReport) months = tandem_report_new ("Forecast", TANDEM_CHART_STACKED_BARS,
                                                      TANDEM_UNIT_MONEY, "EUR");
  g_autoptr(TandemReport) pairs = tandem_report_new ("Targets", TANDEM_CHART_GROUPED_BARS,
                                                     TANDEM_UNIT_COUNT, NULL);
  const char *names[] = { "Ada Lindqvist: Customer visit", "Bo Nieminen: Sales action",
                          "Bo Nieminen: Customer visit", "Cyryl Nowak: Lead", "Cyryl Nowak: Customer visit" };

  tandem_report_add_series (months, "won", "Won");
  tandem_report_add_series (months, "open", "Open, weighted");
  for (guint m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (2026, m, 1, 12, 0, 0);
      g_autofree char *key = g_date_time_format (day, "%Y-%m");
      g_autofree char *label = g_date_time_format (day, "%B %Y");
      g_autofree char *short_label = g_date_time_format (day, "%b %Y");
      guint c = tandem_report_add_category (months, key, label);

      tandem_report_set_category_axis_label (months, c, short_label);
      tandem_report_set_value (months, c, m % 2, 1000000 * m);
    }
  tandem_report_add_series (pairs, "target", "Target");
  tandem_report_add_series (pairs, "done", "Done");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      guint c = tandem_report_add_category (pairs, names[i], names[i]);

      tandem_report_set_value (pairs, c, 0, 12);
      tandem_report_set_value (pairs, c, 1, i + 1);
    }

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autoptr(GArray) month_labels = tandem_report_get_category_label_boxes (months, widths[w], 320, NULL);
      g_autoptr(GArray) pair_labels = tandem_report_get_category_label_boxes (pairs, widths[w], 320, NULL);

      /* Short names straight, January's first, as many as fit apart */
      assert_labels_apart (month_labels, widths[w]);
      g_assert_cmpuint (month_labels->len, >=, widths[w] < 400 ? 3 : 6);
      g_assert_cmpuint (g_array_index (month_labels, TandemChartLabel, 0).category, ==, 0);
      for (guint i = 0; i < month_labels->len; i++)
        g_assert_cmpuint (g_array_index (month_labels, TandemChartLabel, i).n_lines, ==, 1);

      /* Long names stand straight where they fit, else wrap between
       * words; every one is shown */
      if (widths[w] > 1000)
        {
          assert_labels_apart (pair_labels, widths[w]);
          g_assert_cmpuint (pair_labels->len, ==, G_N_ELEMENTS (names));
          g_assert_cmpuint (g_array_index (pair_labels, TandemChartLabel, 0).n_lines, ==, 1);
        }
      else if (widths[w] > 500)
        {
          assert_labels_apart (pair_labels, widths[w]);
          g_assert_cmpuint (pair_labels->len, ==, G_N_ELEMENTS (names));
          g_assert_cmpuint (g_array_index (pair_labels, TandemChartLabel, 0).n_lines, ==, 2);
        }
      else
        {
          /* Too narrow for straight names: slanted, and none cut at the
           * chart's left edge */
          g_assert_cmpuint (pair_labels->len, >, 0);
          for (guint i = 0; i < pair_labels->len; i++)
            {
              TandemChartLabel *label = &g_array_index (pair_labels, TandemChartLabel, i);

              g_assert_cmpfloat (label->angle, !=, 0);
              g_assert_cmpfloat (label->x - (label->width + label->height / 2) / G_SQRT2, >=, 0);
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Months, weeks and days are read in the local zone. */
  g_setenv ("TZ", "Europe/Helsinki", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/reports/J1/pipeline", test_pipeline);
  ADD ("/reports/J1/forecast", test_forecast);
  ADD ("/reports/J1/history", test_history);
  ADD ("/reports/J2/activities", test_activities);
  ADD ("/reports/J2/targets", test_targets);
  ADD ("/reports/J2/time", test_time);
  ADD ("/reports/J3/build", test_build);
  g_test_add_func ("/reports/J3/csv", test_csv);
  g_test_add_func ("/reports/J3/pdf", test_pdf);
  g_test_add_func ("/reports/J3/chart", test_chart);
  g_test_add_func ("/reports/J3/format", test_format);
  g_test_add_func ("/reports/J3/ticks", test_ticks);
  g_test_add_func ("/reports/J3/axis-labels", test_axis_labels);

  return g_test_run ();
}
