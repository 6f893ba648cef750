/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC J1, J2, J3 and E1/E5 on the reports page: each report's table
 * holds the sums of the records the test made, a sale the user may not
 * see leaves no trace in the page or in the chart read aloud, the report
 * exports as CSV and PDF, and the chart follows the dark style. */

#include "tandem-chart-view-private.h"
#include "tandem-reports-page-private.h"
#include "ui-test-util.h"

/* Ids shipped in the schema (0003-activities.sql, 0004-projects.sql) */
#define CATEGORY_VISIT 34
#define CATEGORY_CALL  35
#define STAGE_LEAD     1
#define STAGE_OFFER    2

/* A name only the hidden records carry */
#define SECRET "Zanzibar"

typedef struct
{
  gint64  sam;
  gint64  hugo;
  char   *first;        /* the custom period, both days included */
  char   *last;
  char   *this_month;   /* "2026-11" */
  char   *next_month;
  gint64  visit_time;   /* seconds the admin tracked on the visit */
} Seed;

static void
seed_clear (Seed *seed)
{
  g_free (seed->first);
  g_free (seed->last);
  g_free (seed->this_month);
  g_free (seed->next_month);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Seed, seed_clear)

static gint64
add_user (UiFixture  *fixture,
          const char *login,
          const char *name,
          TandemRole  role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) user = tandem_store_add_user (fixture->store, login, name, "user-password-1", role, NULL, &error);

  g_assert_no_error (error);
  return tandem_user_get_id (user);
}

static void
sign_in (UiFixture  *fixture,
         const char *login)
{
  g_autoptr(GError) error = NULL;

  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, login,
                        g_str_equal (login, "admin") ? "admin-password-1" : "user-password-1", &error);
  g_assert_no_error (error);
}

static gint64
add_company (UiFixture  *fixture,
             const char *name)
{
  g_autoptr(TandemCompany) company = tandem_company_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id = tandem_store_save_company (fixture->store, company, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
add_sale (UiFixture        *fixture,
          gint64            company_id,
          const char       *name,
          gint64            stage_id,
          gint64            seller_id,
          gint64            product_id,
          gint64            cents,
          int               probability,
          const char       *close_date,
          TandemVisibility  visibility)
{
  g_autoptr(TandemProject) sale = tandem_project_new_sale (company_id, name, stage_id);
  g_autoptr(GError) error = NULL;
  gint64 id;

  tandem_project_set_seller_id (sale, seller_id);
  tandem_project_set_product_id (sale, product_id);
  tandem_project_set_value (sale, cents);
  tandem_project_set_currency (sale, "EUR");
  tandem_project_set_probability (sale, probability);
  tandem_project_set_close_date (sale, close_date);
  tandem_project_set_visibility (sale, visibility);
  id = tandem_store_save_project (fixture->store, sale, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_activity (UiFixture        *fixture,
              const char       *title,
              gint64            category_id,
              TandemVisibility  visibility,
              gboolean          completed)
{
  g_autoptr(GDateTime) start = g_date_time_new_now_local ();
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 1);
  g_autoptr(TandemActivity) activity = tandem_activity_new (title);
  g_autoptr(GError) error = NULL;
  gint64 id;

  tandem_activity_set_times (activity, start, end);
  tandem_activity_set_category_id (activity, category_id);
  tandem_activity_set_visibility (activity, visibility);
  id = tandem_store_save_activity (fixture->store, activity, &error);
  g_assert_no_error (error);
  if (completed)
    {
      tandem_store_set_activity_status (fixture->store, id, TANDEM_STATUS_COMPLETED, TANDEM_OUTCOME_NONE, &error);
      g_assert_no_error (error);
    }
  return id;
}

static char *
iso_day (GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* Sales and activities around this month and the next, as Sam and the
 * administrator see them, and Hugo's, which only Hugo's team sees. */
static void
seed_records (UiFixture *fixture,
              Seed      *seed)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(TandemProduct) boiler = tandem_product_new ("Boiler", NULL);
  g_autoptr(TandemProduct) secret = tandem_product_new (SECRET " Turbine", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *close_this = NULL;
  g_autofree char *close_next = NULL;
  gint64 company, boiler_id, won_id, visit_id;
  GDate first, last, next;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_time_get_month (now), g_date_time_get_year (now));
  next = first;
  g_date_add_months (&next, 1);
  last = next;
  g_date_add_months (&last, 1);
  g_date_subtract_days (&last, 1);
  seed->first = iso_day (&first);
  seed->last = iso_day (&last);
  seed->this_month = g_strndup (seed->first, 7);
  seed->next_month = g_strdup_printf ("%04u-%02u", g_date_get_year (&next), g_date_get_month (&next));
  close_this = g_strdup_printf ("%s-10", seed->this_month);
  close_next = g_strdup_printf ("%s-10", seed->next_month);

  seed->sam = add_user (fixture, "sam", "Sam Seller", TANDEM_ROLE_USER);
  seed->hugo = add_user (fixture, "hugo", SECRET " Hugo", TANDEM_ROLE_USER);
  boiler_id = tandem_store_save_product (fixture->store, boiler, &error);
  g_assert_no_error (error);
  tandem_store_save_product (fixture->store, secret, &error);
  g_assert_no_error (error);
  company = add_company (fixture, "Lämpö Oy");

  /* The administrator's sales, seen by everyone who sees the customer */
  add_sale (fixture, company, "Boiler retrofit", STAGE_LEAD, seed->sam, boiler_id, 120000, 50, close_this,
            TANDEM_VISIBILITY_EVERYONE);
  add_sale (fixture, company, "Roof repair", STAGE_OFFER, seed->sam, 0, 300050, 20, close_next,
            TANDEM_VISIBILITY_EVERYONE);
  add_sale (fixture, company, "Window deal", STAGE_LEAD, tandem_user_get_id (tandem_store_get_user (fixture->store)),
            0, 50000, 10, close_this, TANDEM_VISIBILITY_EVERYONE);
  won_id = add_sale (fixture, company, "Sauna stove", STAGE_OFFER, seed->sam, boiler_id, 70000, 40, close_this,
                     TANDEM_VISIBILITY_EVERYONE);
  tandem_store_close_sale (fixture->store, won_id, TANDEM_SALE_WON, &error);
  g_assert_no_error (error);

  /* The administrator's activities: two visits (one done, with time
   * tracked) and a call. */
  visit_id = add_activity (fixture, "Visit Lämpö", CATEGORY_VISIT, TANDEM_VISIBILITY_EVERYONE, TRUE);
  add_activity (fixture, "Second visit", CATEGORY_VISIT, TANDEM_VISIBILITY_EVERYONE, FALSE);
  add_activity (fixture, "Call Lämpö", CATEGORY_CALL, TANDEM_VISIBILITY_EVERYONE, FALSE);
  tandem_store_start_timer (fixture->store, visit_id, &error);
  g_assert_no_error (error);
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
  tandem_store_stop_timer (fixture->store, &error);
  g_assert_no_error (error);
  seed->visit_time = tandem_store_get_tracked_seconds (fixture->store, visit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seed->visit_time, >=, 1);

  /* D20: a monthly target of three visits for the administrator */
  tandem_store_set_sales_target (fixture->store, tandem_user_get_id (tandem_store_get_user (fixture->store)),
                                 CATEGORY_VISIT, TANDEM_PERIOD_MONTH, 3, &error);
  g_assert_no_error (error);

  /* Hugo's sale for his team only, his private call with time on it:
   * none of it may reach the administrator's reports (E1, E5). */
  sign_in (fixture, "hugo");
  {
    g_autoptr(TandemProduct) product = tandem_store_find_product (fixture->store, SECRET " Turbine", &error);
    gint64 call_id;

    g_assert_no_error (error);
    add_sale (fixture, company, SECRET " deal", STAGE_LEAD, seed->hugo, tandem_product_get_id (product),
              99999900, 90, close_this, TANDEM_VISIBILITY_TEAM);
    call_id = add_activity (fixture, SECRET " call", CATEGORY_CALL, TANDEM_VISIBILITY_PRIVATE, TRUE);
    tandem_store_start_timer (fixture->store, call_id, &error);
    g_assert_no_error (error);
    g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
    tandem_store_stop_timer (fixture->store, &error);
    g_assert_no_error (error);
  }
  sign_in (fixture, "admin");
}

static gboolean
page_ready (gpointer data)
{
  TandemReportsPage *page = data;

  return !tandem_reports_page_get_busy (page) && tandem_reports_page_get_report (page) != NULL;
}

static TandemReportsPage *
show_page_sized (UiFixture *fixture,
                 Seed      *seed,
                 int        width)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = tandem_reports_page_new (fixture->store);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 900);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  tandem_reports_page_set_custom_range (TANDEM_REPORTS_PAGE (page), seed->first, seed->last);
  g_assert_true (ui_wait_for (page_ready, page, 5000));
  return TANDEM_REPORTS_PAGE (page);
}

static TandemReportsPage *
show_page (UiFixture *fixture,
           Seed      *seed)
{
  return show_page_sized (fixture, seed, 1000);
}

/* Chooses @type in the page's report list, as a user would. */
static void
choose_report (TandemReportsPage *page,
               TandemReportType   type,
               int                by)
{
  gboolean changed = tandem_reports_page_get_report_type (page) != type ||
                     (by >= 0 && (int) tandem_reports_page_get_by (page) != by);

  gtk_drop_down_set_selected (tandem_reports_page_get_type_dropdown (page), type);
  g_assert_cmpint (tandem_reports_page_get_report_type (page), ==, type);
  if (by >= 0)
    {
      const TandemReportBy *bys = tandem_report_type_get_bys (type);

      for (guint i = 0; (int) bys[i] != -1; i++)
        if ((int) bys[i] == by)
          gtk_drop_down_set_selected (tandem_reports_page_get_by_dropdown (page), i);
      g_assert_cmpint (tandem_reports_page_get_by (page), ==, by);
    }
  /* A new choice starts a new build. */
  if (changed)
    g_assert_true (tandem_reports_page_get_busy (page));
  g_assert_true (ui_wait_for (page_ready, page, 5000));
  g_assert_cmpstr (tandem_report_get_title (tandem_reports_page_get_report (page)), ==,
                   tandem_report_type_get_label (type));
}

/* The table's row whose first cell is @label, or -1 */
static int
find_row (TandemReportsPage *page,
          const char        *label)
{
  for (guint r = 0;; r++)
    {
      g_autofree char *text = tandem_reports_page_get_cell_text (page, r, 0);

      if (text == NULL)
        return -1;
      if (g_str_equal (text, label))
        return r;
    }
}

/* The table's column whose heading is @title, or -1 */
static int
find_column (TandemReportsPage *page,
             const char        *title)
{
  GListModel *columns = gtk_column_view_get_columns (tandem_reports_page_get_table (page));

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return c;
    }
  return -1;
}

/* The cell in the row of @label and the column of @title shows @value in
 * the report's unit; a -1 column is the only value column. */
static void
assert_cell (TandemReportsPage *page,
             const char        *label,
             const char        *title,
             gint64             value)
{
  TandemReport *report = tandem_reports_page_get_report (page);
  int row = find_row (page, label);
  int column = title ? find_column (page, title) : 1;
  g_autofree char *text = NULL;
  g_autofree char *expected = tandem_report_format_value (report, value);

  if (row < 0)
    g_error ("No row “%s” in the %s report", label, tandem_report_get_title (report));
  if (column < 0)
    g_error ("No column “%s” in the %s report", title, tandem_report_get_title (report));
  text = tandem_reports_page_get_cell_text (page, row, column);
  g_assert_cmpstr (text, ==, expected);
}

/* Is @needle in any label, tooltip or accessible text under @widget? */
static gboolean
widget_tree_contains (GtkWidget  *widget,
                      const char *needle)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle))
    return TRUE;
  if (tooltip && strstr (tooltip, needle))
    return TRUE;
  if (GTK_IS_DROP_DOWN (widget))
    {
      GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));

      for (guint i = 0; GTK_IS_STRING_LIST (model) && i < g_list_model_get_n_items (model); i++)
        if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), needle))
          return TRUE;
    }
  if (GTK_IS_COLUMN_VIEW (widget))
    {
      GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (widget));

      for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
          const char *title = gtk_column_view_column_get_title (column);

          if (title && strstr (title, needle))
            return TRUE;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (widget_tree_contains (child, needle))
      return TRUE;
  return FALSE;
}

/* Nothing of the hidden records anywhere on the page (E1, E5) */
static void
assert_no_trace (TandemReportsPage *page)
{
  TandemReport *report = tandem_reports_page_get_report (page);
  const char *summary = tandem_chart_view_get_summary (tandem_reports_page_get_chart (page));
  g_autofree char *csv = tandem_report_to_csv (report);

  ui_iterate ();
  g_assert_false (widget_tree_contains (GTK_WIDGET (page), SECRET));
  g_assert_nonnull (summary);
  g_assert_null (strstr (summary, SECRET));
  g_assert_null (strstr (csv, SECRET));
  /* The hidden sale's value shows nowhere either. */
  g_assert_false (widget_tree_contains (GTK_WIDGET (page), "999"));
}

static const char *
stage_name (UiFixture *fixture,
            gint64     id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStage) stage = tandem_store_get_stage (fixture->store, id, &error);
  static char name[256];

  g_assert_no_error (error);
  g_strlcpy (name, tandem_stage_get_name (stage), sizeof name);
  return name;
}

static char *
term_name (UiFixture *fixture,
           gint64     id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) terms = tandem_store_list_terms (fixture->store, TANDEM_TERM_CATEGORY, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < terms->len; i++)
    if (tandem_term_get_id (g_ptr_array_index (terms, i)) == id)
      return g_strdup (tandem_term_get_name (g_ptr_array_index (terms, i)));
  g_assert_not_reached ();
}

/* The label the page gives a month: the report's own category label */
static const char *
month_label (TandemReportsPage *page,
             const char        *key)
{
  TandemReport *report = tandem_reports_page_get_report (page);

  for (guint c = 0; c < tandem_report_get_n_categories (report); c++)
    if (g_str_equal (tandem_report_get_category_key (report, c), key))
      return tandem_report_get_category_label (report, c);
  g_error ("No month %s in the report", key);
}

static void
test_reports_sums (UiFixture     *fixture,
                   gconstpointer  data)
{
  g_auto(Seed) seed = { 0, };
  TandemReportsPage *page;
  TandemReport *report;
  g_autofree char *visit = NULL;
  g_autofree char *call = NULL;
  g_autofree char *visit_pair = NULL;
  const char *admin_name;
  int last;

  seed_records (fixture, &seed);
  admin_name = tandem_user_get_name (tandem_store_get_user (fixture->store));
  page = show_page (fixture, &seed);

  /* J1 pipeline by stage: open sales closing in the period */
  g_assert_cmpint (tandem_reports_page_get_report_type (page), ==, TANDEM_REPORT_PIPELINE);
  g_assert_cmpint (tandem_reports_page_get_by (page), ==, TANDEM_REPORT_BY_STAGE);
  assert_cell (page, stage_name (fixture, STAGE_LEAD), NULL, 120000 + 50000);
  assert_cell (page, stage_name (fixture, STAGE_OFFER), NULL, 300050);
  g_assert_cmpint (find_row (page, stage_name (fixture, 4)), ==, -1);
  assert_no_trace (page);
  /* What the table shows is on screen. */
  {
    g_autofree char *lead = tandem_report_format_value (tandem_reports_page_get_report (page), 170000);

    g_assert_nonnull (ui_find_label (GTK_WIDGET (tandem_reports_page_get_table (page)), lead));
  }

  /* By seller and by product */
  choose_report (page, TANDEM_REPORT_PIPELINE, TANDEM_REPORT_BY_SELLER);
  assert_cell (page, "Sam Seller", NULL, 120000 + 300050);
  assert_cell (page, admin_name, NULL, 50000);
  assert_no_trace (page);
  choose_report (page, TANDEM_REPORT_PIPELINE, TANDEM_REPORT_BY_PRODUCT);
  assert_cell (page, "Boiler", NULL, 120000);
  assert_no_trace (page);

  /* J1 forecast by month: won this month, open weighted by closing month */
  choose_report (page, TANDEM_REPORT_FORECAST, TANDEM_REPORT_BY_MONTH);
  report = tandem_reports_page_get_report (page);
  g_assert_cmpuint (tandem_report_get_n_series (report), ==, 2);
  assert_cell (page, month_label (page, seed.this_month), tandem_report_get_series_label (report, 0), 70000);
  assert_cell (page, month_label (page, seed.this_month), tandem_report_get_series_label (report, 1),
               120000 / 2 + 50000 / 10);
  assert_cell (page, month_label (page, seed.next_month), tandem_report_get_series_label (report, 1),
               300050 / 5);
  assert_no_trace (page);

  /* J1 development: at the end of the period, the open sales per seller */
  choose_report (page, TANDEM_REPORT_DEVELOPMENT, -1);
  report = tandem_reports_page_get_report (page);
  last = tandem_report_get_n_categories (report) - 1;
  g_assert_cmpint (last, >=, 1);
  g_assert_cmpint (find_column (page, "Sam Seller"), >, 0);
  {
    g_autofree char *text = tandem_reports_page_get_cell_text (page, last, find_column (page, "Sam Seller"));
    g_autofree char *expected = tandem_report_format_value (report, 120000 + 300050);

    g_assert_cmpstr (text, ==, expected);
  }
  assert_no_trace (page);

  /* J2 activities by category: planned and completed per category */
  visit = term_name (fixture, CATEGORY_VISIT);
  call = term_name (fixture, CATEGORY_CALL);
  choose_report (page, TANDEM_REPORT_ACTIVITIES, TANDEM_REPORT_BY_CATEGORY);
  report = tandem_reports_page_get_report (page);
  assert_cell (page, visit, tandem_report_get_series_label (report, 0), 1);
  assert_cell (page, visit, tandem_report_get_series_label (report, 1), 1);
  /* Hugo's private completed call counts nowhere. */
  assert_cell (page, call, tandem_report_get_series_label (report, 0), 1);
  assert_cell (page, call, tandem_report_get_series_label (report, 1), 0);
  assert_no_trace (page);

  /* J2 tracked time by user */
  choose_report (page, TANDEM_REPORT_TIME, TANDEM_REPORT_BY_USER);
  assert_cell (page, admin_name, NULL, seed.visit_time);
  assert_no_trace (page);

  /* J2 sales targets: three visits a month over two months, one done */
  choose_report (page, TANDEM_REPORT_TARGETS, -1);
  report = tandem_reports_page_get_report (page);
  visit_pair = g_strdup_printf ("%s: %s", admin_name, visit);
  assert_cell (page, visit_pair, tandem_report_get_series_label (report, 0), 6);
  assert_cell (page, visit_pair, tandem_report_get_series_label (report, 1), 1);
  assert_no_trace (page);
}

/* Splits CSV text into lines of fields; the test's data has no quotes or
 * commas inside fields other than the ones csv_unquote handles. */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) rows = g_strsplit (csv, "\n", -1);

  for (guint i = 0; rows[i]; i++)
    {
      g_strchomp (rows[i]);
      if (*rows[i])
        g_ptr_array_add (lines, g_strsplit (rows[i], ",", -1));
    }
  return lines;
}

static char *
plain_value (TandemReport *report,
             gint64        value)
{
  if (tandem_report_get_unit (report) == TANDEM_UNIT_MONEY)
    return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", value / 100, (int) (value % 100));
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static gboolean
toast_shown (gpointer data)
{
  return ui_find_label (data, "Saved pipeline.csv") != NULL;
}

static void
test_reports_export (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_auto(Seed) seed = { 0, };
  g_autofree char *csv_path = g_build_filename (fixture->dir, "pipeline.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "pipeline.pdf", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  TandemReportsPage *page;
  TandemReport *report;
  gsize length;

  seed_records (fixture, &seed);
  page = show_page (fixture, &seed);
  report = tandem_reports_page_get_report (page);

  /* The file name offered names the report and its period. */
  name = tandem_reports_page_get_file_name (page, TANDEM_REPORT_FORMAT_CSV);
  g_assert_true (g_str_has_prefix (name, "pipeline-"));
  g_assert_true (g_str_has_suffix (name, ".csv"));
  g_clear_pointer (&name, g_free);
  tandem_reports_page_set_range (page, TANDEM_REPORT_RANGE_THIS_MONTH);
  g_assert_true (ui_wait_for (page_ready, page, 5000));
  name = tandem_reports_page_get_file_name (page, TANDEM_REPORT_FORMAT_PDF);
  {
    g_autofree char *expected = g_strdup_printf ("pipeline-%s.pdf", seed.this_month);

    g_assert_cmpstr (name, ==, expected);
  }
  tandem_reports_page_set_custom_range (page, seed.first, seed.last);
  g_assert_true (ui_wait_for (page_ready, page, 5000));
  report = tandem_reports_page_get_report (page);

  /* J3: the CSV holds the table's rows */
  g_assert_true (tandem_reports_page_export_to_file (page, csv_file, TANDEM_REPORT_FORMAT_CSV, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, &length, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (csv, SECRET));
  lines = parse_csv (csv);
  g_assert_cmpuint (lines->len, >=, 1 + tandem_report_get_n_categories (report));
  for (guint r = 0; r < tandem_report_get_n_categories (report); r++)
    {
      GStrv fields = g_ptr_array_index (lines, r + 1);
      g_autofree char *label = tandem_reports_page_get_cell_text (page, r, 0);
      g_autofree char *value = plain_value (report, tandem_report_get_value (report, r, 0));

      g_assert_cmpstr (fields[0], ==, label);
      g_assert_cmpstr (fields[1], ==, value);
    }
  /* A toast tells where it went. */
  g_assert_true (ui_wait_for (toast_shown, page, 2000));

  /* J3: a PDF */
  g_assert_true (tandem_reports_page_export_to_file (page, pdf_file, TANDEM_REPORT_FORMAT_PDF, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));

  /* A place that cannot be written says so and keeps what was there. */
  {
    g_autofree char *bad_path = g_build_filename (fixture->dir, "no-such-folder", "x.csv", NULL);
    g_autoptr(GFile) bad = g_file_new_for_path (bad_path);

    g_assert_false (tandem_reports_page_export_to_file (page, bad, TANDEM_REPORT_FORMAT_CSV, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  g_unlink (csv_path);
  g_unlink (pdf_path);
}

static gboolean
chart_drawn_dark (gpointer data)
{
  return tandem_chart_view_get_drawn_dark (data);
}

static gboolean
chart_drawn (gpointer data)
{
  return tandem_chart_view_get_n_draws (data) > 0;
}

static void
test_reports_dark (UiFixture     *fixture,
                   gconstpointer  data)
{
  g_auto(Seed) seed = { 0, };
  AdwStyleManager *manager = adw_style_manager_get_default ();
  TandemReportsPage *page;
  TandemChartView *chart;

  seed_records (fixture, &seed);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  page = show_page (fixture, &seed);
  chart = tandem_reports_page_get_chart (page);
  g_assert_true (ui_wait_for (chart_drawn, chart, 3000));
  g_assert_false (tandem_chart_view_get_drawn_dark (chart));

  /* Warnings are fatal in tests: a redraw in the dark style without any. */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (ui_wait_for (chart_drawn_dark, chart, 3000));

  /* Every report draws in the dark, the empty ones too. */
  for (guint type = 0; type < TANDEM_N_REPORT_TYPES; type++)
    {
      guint n_draws;

      choose_report (page, type, -1);
      n_draws = tandem_chart_view_get_n_draws (chart);
      gtk_widget_queue_draw (GTK_WIDGET (chart));
      g_assert_true (ui_wait_for (chart_drawn, chart, 3000));
      g_assert_cmpuint (tandem_chart_view_get_n_draws (chart), >=, n_draws);
    }

  /* A period without sales: the chart says so, the table is empty. */
  choose_report (page, TANDEM_REPORT_PIPELINE, TANDEM_REPORT_BY_STAGE);
  tandem_reports_page_set_custom_range (page, "2001-01-01", "2001-01-31");
  g_assert_true (ui_wait_for (page_ready, page, 5000));
  g_assert_true (g_str_has_suffix (tandem_chart_view_get_summary (chart), "No data in this range"));
  g_assert_null (tandem_reports_page_get_cell_text (page, 0, 0));
  gtk_widget_queue_draw (GTK_WIDGET (chart));
  ui_iterate ();
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
chart_drawn_at (gpointer data)
{
  TandemChartView *chart = data;
  guint *n_draws = g_object_get_data (G_OBJECT (chart), "test-n-draws");

  return tandem_chart_view_get_n_draws (chart) > *n_draws && gtk_widget_get_width (GTK_WIDGET (chart)) > 0;
}

/* SPEC J3: the months under the forecast stand straight and short, apart
 * from each other, in a phone-sized window and a wide one; the money axis
 * groups thousands as the table does, and a sale the user may not see
 * does not raise it (E1). */
static void
test_reports_axis_labels (UiFixture     *fixture,
                          gconstpointer  data)
{
  g_auto(Seed) seed = { 0, };
  const int widths[] = { 360, 1200 };

  seed_records (fixture, &seed);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      TandemReportsPage *page = show_page_sized (fixture, &seed, widths[w]);
      TandemChartView *chart = tandem_reports_page_get_chart (page);
      g_autoptr(GArray) labels = NULL;
      g_auto(GStrv) ticks = NULL;
      g_autofree char *table = NULL;
      g_autofree char *whole = NULL;
      TandemReport *report;
      guint n_draws;
      int chart_width;

      choose_report (page, TANDEM_REPORT_PIPELINE, TANDEM_REPORT_BY_STAGE);
      {
        int minimum, natural;

        /* The page fits a phone's 360 px, whichever report it shows */
        for (guint type = 0; type < TANDEM_N_REPORT_TYPES; type++)
          {
            choose_report (page, type, -1);
            gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
            g_test_message ("type %u: minimum width %d", type, minimum);
            g_assert_cmpint (minimum, <=, 360);
          }
        choose_report (page, TANDEM_REPORT_PIPELINE, TANDEM_REPORT_BY_STAGE);
      }
      report = tandem_reports_page_get_report (page);
      ticks = tandem_report_get_tick_labels (report);
      /* Roof repair, 3 000,50, is the highest; the hidden sale is not there */
      table = tandem_report_format_value (report, 400000);
      whole = g_strndup (table, strlen (table) - strlen (".00 EUR"));
      g_assert_true (g_str_has_prefix (ticks[g_strv_length (ticks) - 1], whole));
      g_assert_cmpstr (ticks[g_strv_length (ticks) - 1] + strlen (whole), ==, " €");
      g_assert_true (g_utf8_strlen (whole, -1) == 5);  /* "4,000": grouped */

      tandem_reports_page_set_range (page, TANDEM_REPORT_RANGE_THIS_YEAR);
      g_assert_true (ui_wait_for (page_ready, page, 5000));
      n_draws = tandem_chart_view_get_n_draws (chart);
      g_object_set_data (G_OBJECT (chart), "test-n-draws", &n_draws);
      choose_report (page, TANDEM_REPORT_FORECAST, TANDEM_REPORT_BY_MONTH);
      gtk_widget_queue_draw (GTK_WIDGET (chart));
      g_assert_true (ui_wait_for (chart_drawn_at, chart, 3000));
      report = tandem_reports_page_get_report (page);
      g_assert_cmpuint (tandem_report_get_n_categories (report), ==, 12);

      chart_width = gtk_widget_get_width (GTK_WIDGET (chart));
      g_assert_cmpint (chart_width, <=, widths[w]);
      labels = tandem_chart_view_get_label_boxes (chart);
      g_assert_cmpuint (labels->len, >=, widths[w] < 500 ? 3 : 6);
      for (guint i = 0; i < labels->len; i++)
        {
          TandemChartLabel *label = &g_array_index (labels, TandemChartLabel, i);
          const char *text = tandem_report_get_category_axis_label (report, label->category);

          /* Short: "Jan 2026", not "January 2026" */
          g_assert_cmpuint (strlen (text), <=, strlen (tandem_report_get_category_label (report, label->category)));
          if (label->category == 0)
            g_assert_cmpuint (strlen (text), <, strlen (tandem_report_get_category_label (report, 0)));
          g_assert_cmpfloat (label->angle, ==, 0);
          g_assert_cmpfloat (label->x, >=, 0);
          g_assert_cmpfloat (label->x + label->width, <=, chart_width);
          if (i > 0)
            {
              TandemChartLabel *before = &g_array_index (labels, TandemChartLabel, i - 1);

              g_assert_cmpfloat (before->x + before->width, <, label->x);
            }
        }
      g_object_set_data (G_OBJECT (chart), "test-n-draws", NULL);
      gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/reports/J1-J2-E1/sums-and-hidden-sales", UiFixture, NULL,
              ui_fixture_set_up, test_reports_sums, ui_fixture_tear_down);
  g_test_add ("/reports/J3/export-csv-and-pdf", UiFixture, NULL,
              ui_fixture_set_up, test_reports_export, ui_fixture_tear_down);
  g_test_add ("/reports/J3/dark-style", UiFixture, NULL,
              ui_fixture_set_up, test_reports_dark, ui_fixture_tear_down);
  g_test_add ("/reports/J3-E1/axis-labels-narrow-and-wide", UiFixture, NULL,
              ui_fixture_set_up, test_reports_axis_labels, ui_fixture_tear_down);

  return g_test_run ();
}
