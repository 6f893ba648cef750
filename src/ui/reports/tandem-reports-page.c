/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemReportsPage"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "tandem-chart-view.h"
#include "tandem-error.h"
#include "tandem-reports-page-private.h"
#include "tandem-reports-resources.h"

/* Store changes come in bursts (a save touches several tables); one
 * build after the burst is enough. */
#define RELOAD_DELAY_MS 250
/* Choosing a report also chooses its grouping: one build for both. */
#define BUILD_DELAY_MS  20

typedef struct
{
  TandemStore      *worker;
  TandemReportType  type;
  TandemReportBy    by;
  char             *from;
  char             *to;
  char             *currency;
} BuildData;

typedef struct
{
  TandemReport *report;
  GStrv         currencies;
} BuildResult;

struct _TandemReportsPage
{
  AdwBin parent_instance;

  /* template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkFlowBox       *controls;
  GtkDropDown      *type_dropdown;
  GtkDropDown      *by_dropdown;
  GtkDropDown      *range_dropdown;
  GtkMenuButton    *from_button;
  GtkMenuButton    *to_button;
  GtkCalendar      *from_calendar;
  GtkCalendar      *to_calendar;
  GtkDropDown      *currency_dropdown;
  GtkSpinner       *spinner;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  TandemChartView  *chart;
  GtkColumnView    *table;

  TandemStore      *store;
  TandemReportType  type;
  TandemReportBy    by;
  int               by_dropdown_type;  /* the type whose groupings it lists */
  TandemReportRange range;
  GDate             custom_first;
  GDate             custom_last;
  char             *currency;      /* chosen by the user; NULL: the most used */
  GStrv             currencies;    /* the currency dropdown's items */

  TandemReport     *report;        /* shown */
  char             *report_from;   /* its period, [from, to) */
  char             *report_to;
  TandemReportRange report_range;

  GCancellable     *cancellable;   /* of the build under way or done last */
  gboolean          busy;
  guint             build_id;
  guint             syncing;
  GtkPrintSettings *print_settings;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemReportsPage, tandem_reports_page, ADW_TYPE_BIN)

/* Build data and results ----------------------------------------------------- */

static void
build_data_free (gpointer data)
{
  BuildData *build = data;

  g_clear_object (&build->worker);
  g_free (build->from);
  g_free (build->to);
  g_free (build->currency);
  g_free (build);
}

static void
build_result_free (gpointer data)
{
  BuildResult *result = data;

  g_clear_object (&result->report);
  g_strfreev (result->currencies);
  g_free (result);
}

/* Runs on a worker thread with its own connection. */
static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *build = task_data;
  BuildResult *result;
  g_auto(GStrv) currencies = NULL;
  g_autoptr(TandemReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *currency = NULL;

  currencies = tandem_report_list_currencies (build->worker, &error);
  if (currencies == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* A currency no longer among the sales falls back to the most used. */
  if (build->currency && g_strv_contains ((const char * const *) currencies, build->currency))
    currency = build->currency;

  if (g_task_return_error_if_cancelled (task))
    return;

  report = tandem_report_build (build->worker, build->type, build->by, build->from, build->to, currency, &error);
  if (report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (BuildResult, 1);
  result->report = g_steal_pointer (&report);
  result->currencies = g_steal_pointer (&currencies);
  g_task_return_pointer (task, result, build_result_free);
}

/* Periods -------------------------------------------------------------------- */

static void
get_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* The days of @range: [first, end). */
static void
range_dates (TandemReportsPage *self,
             TandemReportRange  range,
             GDate             *first,
             GDate             *end)
{
  GDate today;
  guint month;

  get_today (&today);
  g_date_clear (first, 1);
  g_date_clear (end, 1);
  month = g_date_get_month (&today);

  switch (range)
    {
    case TANDEM_REPORT_RANGE_THIS_MONTH:
      g_date_set_dmy (first, 1, month, g_date_get_year (&today));
      *end = *first;
      g_date_add_months (end, 1);
      break;
    case TANDEM_REPORT_RANGE_LAST_MONTH:
      g_date_set_dmy (end, 1, month, g_date_get_year (&today));
      *first = *end;
      g_date_subtract_months (first, 1);
      break;
    case TANDEM_REPORT_RANGE_THIS_QUARTER:
      g_date_set_dmy (first, 1, (month - 1) / 3 * 3 + 1, g_date_get_year (&today));
      *end = *first;
      g_date_add_months (end, 3);
      break;
    case TANDEM_REPORT_RANGE_THIS_YEAR:
      g_date_set_dmy (first, 1, G_DATE_JANUARY, g_date_get_year (&today));
      *end = *first;
      g_date_add_years (end, 1);
      break;
    case TANDEM_REPORT_RANGE_LAST_12_MONTHS:
      g_date_set_dmy (end, 1, month, g_date_get_year (&today));
      g_date_add_months (end, 1);
      *first = *end;
      g_date_subtract_months (first, 12);
      break;
    case TANDEM_REPORT_RANGE_CUSTOM:
    default:
      *first = self->custom_first;
      *end = self->custom_last;
      g_date_add_days (end, 1);
      break;
    }
}

static char *
date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static gboolean
date_from_iso (const char *text,
               GDate      *date)
{
  guint year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static GDateTime *
date_to_date_time (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
}

static char *
format_day (const GDate *date)
{
  g_autoptr(GDateTime) time = date_to_date_time (date);

  /* Translators: a day in a report's period, see g_date_time_format () */
  return g_date_time_format (time, _("%-d %b %Y"));
}

/* "1 Nov 2026 – 30 Nov 2026" */
static char *
describe_period (const char *from,
                 const char *to)
{
  GDate first, end;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;

  if (!date_from_iso (from, &first) || !date_from_iso (to, &end))
    return g_strdup ("");
  g_date_subtract_days (&end, 1);
  first_text = format_day (&first);
  last_text = format_day (&end);
  /* Translators: a report's period, first and last day included */
  return g_strdup_printf (_("%s – %s"), first_text, last_text);
}

/* Helpers -------------------------------------------------------------------- */

static guint
n_bys (TandemReportType type)
{
  const TandemReportBy *bys = tandem_report_type_get_bys (type);
  guint n = 0;

  while (bys && (int) bys[n] != -1)
    n++;
  return n;
}

static gboolean
type_offers_by (TandemReportType type,
                TandemReportBy   by)
{
  const TandemReportBy *bys = tandem_report_type_get_bys (type);

  for (guint i = 0; i < n_bys (type); i++)
    if (bys[i] == by)
      return TRUE;
  return FALSE;
}

/* A column of totals when a category has several parts that add up (not
 * a target beside its result). */
static gboolean
has_total_column (TandemReport *report)
{
  return tandem_report_get_n_series (report) > 1 && tandem_report_sums_series (report);
}

/* A row of totals where adding the categories up means something, as in
 * the printed table: bars, not points in time or pairs to compare. */
static gboolean
has_total_row (TandemReport *report)
{
  TandemChartKind kind = tandem_report_get_chart_kind (report);

  return tandem_report_get_n_categories (report) > 1 &&
         (kind == TANDEM_CHART_BARS || kind == TANDEM_CHART_STACKED_BARS);
}

static gint64
series_total (TandemReport *report,
              guint         series)
{
  gint64 total = 0;

  for (guint c = 0; c < tandem_report_get_n_categories (report); c++)
    total += tandem_report_get_value (report, c, series);
  return total;
}

static guint
n_table_columns (TandemReport *report)
{
  return 1 + tandem_report_get_n_series (report) + (has_total_column (report) ? 1 : 0);
}

static guint
n_table_rows (TandemReport *report)
{
  return tandem_report_get_n_categories (report) + (has_total_row (report) ? 1 : 0);
}

static char *
cell_text (TandemReport *report,
           guint         row,
           guint         column)
{
  guint n_categories = tandem_report_get_n_categories (report);
  guint n_series = tandem_report_get_n_series (report);
  gboolean total_row = row == n_categories;
  gint64 value;

  if (row >= n_table_rows (report) || column >= n_table_columns (report))
    return NULL;

  if (column == 0)
    return g_strdup (total_row ? C_("report row", "Total") : tandem_report_get_category_label (report, row));

  if (column <= n_series)
    value = total_row ? series_total (report, column - 1) : tandem_report_get_value (report, row, column - 1);
  else
    value = total_row ? tandem_report_get_total (report) : tandem_report_get_category_total (report, row);
  return tandem_report_format_value (report, value);
}

/* A hidden control gives up its place in the flow box too. */
static void
set_control_visible (GtkWidget *control,
                     gboolean   visible)
{
  GtkWidget *slot = gtk_widget_get_parent (control);

  gtk_widget_set_visible (control, visible);
  if (GTK_IS_FLOW_BOX_CHILD (slot))
    gtk_widget_set_visible (slot, visible);
}

static void
set_busy (TandemReportsPage *self,
          gboolean           busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_actions (TandemReportsPage *self)
{
  gboolean has_report = self->report != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-csv", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-pdf", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", has_report);
}

static void
fill_by_dropdown (TandemReportsPage *self)
{
  const TandemReportBy *bys = tandem_report_type_get_bys (self->type);
  guint selected = 0;

  for (guint i = 0; i < n_bys (self->type); i++)
    if (bys[i] == self->by)
      selected = i;

  self->syncing++;
  /* The list changes with the report only: replacing it while the user
   * chooses from it would pull it from under the choice. */
  if (self->by_dropdown_type != (int) self->type)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      for (guint i = 0; i < n_bys (self->type); i++)
        gtk_string_list_append (labels, tandem_report_by_get_label (bys[i]));
      gtk_drop_down_set_model (self->by_dropdown, G_LIST_MODEL (labels));
      self->by_dropdown_type = self->type;
    }
  if (gtk_drop_down_get_selected (self->by_dropdown) != selected)
    gtk_drop_down_set_selected (self->by_dropdown, selected);
  /* One grouping only: nothing to choose. */
  set_control_visible (GTK_WIDGET (self->by_dropdown), n_bys (self->type) > 1);
  self->syncing--;
}

static gboolean
same_strings (GStrv a,
              GStrv b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static void
fill_currency_dropdown (TandemReportsPage *self,
                        GStrv              currencies)
{
  const char *shown = self->report ? tandem_report_get_currency (self->report) : NULL;
  gboolean money = self->report && tandem_report_get_unit (self->report) == TANDEM_UNIT_MONEY;
  guint n = currencies ? g_strv_length (currencies) : 0;
  guint selected = 0;

  self->syncing++;
  if (!same_strings (self->currencies, currencies))
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) currencies);

      g_strfreev (self->currencies);
      self->currencies = g_strdupv (currencies);
      gtk_drop_down_set_model (self->currency_dropdown, G_LIST_MODEL (model));
    }
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (currencies[i], shown) == 0)
      selected = i;
  if (n > 0 && gtk_drop_down_get_selected (self->currency_dropdown) != selected)
    gtk_drop_down_set_selected (self->currency_dropdown, selected);
  set_control_visible (GTK_WIDGET (self->currency_dropdown), money && n > 1);
  self->syncing--;
}

static void
update_date_buttons (TandemReportsPage *self)
{
  gboolean custom = self->range == TANDEM_REPORT_RANGE_CUSTOM;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GDateTime) first_time = NULL;
  g_autoptr(GDateTime) last_time = NULL;

  set_control_visible (GTK_WIDGET (self->from_button), custom);
  set_control_visible (GTK_WIDGET (self->to_button), custom);
  if (!custom)
    return;

  first = format_day (&self->custom_first);
  last = format_day (&self->custom_last);
  gtk_menu_button_set_label (self->from_button, first);
  gtk_menu_button_set_label (self->to_button, last);

  first_time = date_to_date_time (&self->custom_first);
  last_time = date_to_date_time (&self->custom_last);
  self->syncing++;
  gtk_calendar_select_day (self->from_calendar, first_time);
  gtk_calendar_select_day (self->to_calendar, last_time);
  self->syncing--;
}

static GtkWidget *
table_cell_new (gboolean numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  TandemReportsPage        *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));

  gtk_list_item_set_child (item, table_cell_new (column > 0));
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 TandemReportsPage        *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_list_item_get_child (item);
  guint row = gtk_list_item_get_position (item);
  g_autofree char *text = NULL;

  if (self->report == NULL)
    return;
  text = cell_text (self->report, row, column);
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  /* The totals row in bold, in the same size as the rest */
  if (row == tandem_report_get_n_categories (self->report))
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
    }
  else
    gtk_label_set_attributes (GTK_LABEL (label), NULL);
}

static void
add_table_column (TandemReportsPage *self,
                  guint              index,
                  const char        *title,
                  gboolean           expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (index));
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_cell_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_cell_bind_cb), self, 0);
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->table, column);
}

static void
fill_table (TandemReportsPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table);
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_column_view_set_model (self->table, NULL);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->table, column);
    }
  if (self->report == NULL)
    return;

  add_table_column (self, 0, tandem_report_get_category_title (self->report), TRUE);
  for (guint s = 0; s < tandem_report_get_n_series (self->report); s++)
    add_table_column (self, s + 1, tandem_report_get_series_label (self->report, s), FALSE);
  if (has_total_column (self->report))
    add_table_column (self, tandem_report_get_n_series (self->report) + 1, C_("report column", "Total"), FALSE);

  /* Rows are numbered: the cells read the report. */
  for (guint r = 0; r < n_table_rows (self->report); r++)
    {
      g_autofree char *key = g_strdup_printf ("%u", r);

      gtk_string_list_append (rows, key);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
}

static void
show_report (TandemReportsPage *self,
             BuildResult       *result,
             BuildData         *build)
{
  const char *subtitle;
  g_autofree char *period = NULL;
  g_autofree char *text = NULL;

  g_set_object (&self->report, result->report);
  g_free (self->report_from);
  self->report_from = g_strdup (build->from);
  g_free (self->report_to);
  self->report_to = g_strdup (build->to);
  self->report_range = self->range;

  subtitle = tandem_report_get_subtitle (self->report);
  period = describe_period (build->from, build->to);
  if (subtitle && *subtitle)
    text = g_strdup (subtitle);
  else if (n_bys (build->type) > 1)
    /* Translators: a report's grouping and period, "By stage · 1 Nov 2026 – 30 Nov 2026" */
    text = g_strdup_printf (_("%s · %s"), tandem_report_by_get_label (build->by), period);
  else
    text = g_steal_pointer (&period);
  gtk_label_set_text (self->title_label, tandem_report_get_title (self->report));
  gtk_label_set_text (self->subtitle_label, text);

  tandem_chart_view_set_report (self->chart, self->report);
  fill_table (self);
  fill_currency_dropdown (self, result->currencies);
  update_actions (self);
}

/* The dropdowns' buttons shorten a long choice with "…", so that the page
 * fits a narrow window in any language; their lists show it whole, with
 * a check mark beside the chosen one. */
static void
on_choice_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_choice_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  data)
{
  GtkStringObject *choice = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (choice));
}

static void
update_check (GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_widget_set_opacity (gtk_widget_get_last_child (box), gtk_list_item_get_selected (item) ? 1 : 0);
}

static void
on_list_choice_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
  g_signal_connect (item, "notify::selected", G_CALLBACK (update_check), NULL);
}

static void
on_list_choice_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  data)
{
  GtkStringObject *choice = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), gtk_string_object_get_string (choice));
  update_check (item);
}

static void
set_choice_factories (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_choice_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_choice_bind_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (on_list_choice_setup_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (on_list_choice_bind_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
}

/* Callbacks ------------------------------------------------------------------ */

static void
on_build_done_cb (GObject      *source,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  GTask *task = G_TASK (res);
  TandemReportsPage *self = user_data;
  BuildResult *result;
  g_autoptr(GError) error = NULL;

  /* A newer choice took over, or the page is gone. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;

  set_busy (self, FALSE);
  result = g_task_propagate_pointer (task, &error);
  if (result == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  show_report (self, result, g_task_get_task_data (task));
  build_result_free (result);
}

static void
start_build (TandemReportsPage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) worker = NULL;
  BuildData *build;

  g_clear_handle_id (&self->build_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  worker = tandem_store_open_worker (self->store, &error);
  if (worker == NULL)
    {
      set_busy (self, FALSE);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  build = g_new0 (BuildData, 1);
  build->worker = g_steal_pointer (&worker);
  build->type = self->type;
  build->by = self->by;
  tandem_reports_page_get_dates (self, &build->from, &build->to);
  build->currency = g_strdup (self->currency);

  self->cancellable = g_cancellable_new ();
  /* No source object: the page may go away while the thread runs. */
  task = g_task_new (NULL, self->cancellable, on_build_done_cb, self);
  g_task_set_source_tag (task, start_build);
  g_task_set_task_data (task, build, build_data_free);
  g_task_run_in_thread (task, build_thread);
  set_busy (self, TRUE);
}

static gboolean
on_build_timeout_cb (gpointer data)
{
  TandemReportsPage *self = data;

  self->build_id = 0;
  start_build (self);
  return G_SOURCE_REMOVE;
}

static void
queue_build (TandemReportsPage *self,
             guint              delay_ms)
{
  if (self->store == NULL || self->build_id != 0)
    return;
  set_busy (self, TRUE);
  self->build_id = g_timeout_add (delay_ms, on_build_timeout_cb, self);
}

static void
on_store_changed_cb (TandemReportsPage *self)
{
  queue_build (self, RELOAD_DELAY_MS);
}

static void
on_type_selected_cb (TandemReportsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->type_dropdown);

  if (self->syncing || selected >= TANDEM_N_REPORT_TYPES)
    return;
  tandem_reports_page_set_report_type (self, (TandemReportType) selected);
}

static void
on_by_selected_cb (TandemReportsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->by_dropdown);

  if (self->syncing || selected >= n_bys (self->type))
    return;
  tandem_reports_page_set_by (self, tandem_report_type_get_bys (self->type)[selected]);
}

static void
on_range_selected_cb (TandemReportsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->range_dropdown);

  if (self->syncing || selected > TANDEM_REPORT_RANGE_CUSTOM)
    return;
  tandem_reports_page_set_range (self, (TandemReportRange) selected);
}

static void
on_currency_selected_cb (TandemReportsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->currency_dropdown);

  if (self->syncing || self->currencies == NULL || selected >= g_strv_length (self->currencies))
    return;
  if (g_strcmp0 (self->currency, self->currencies[selected]) == 0)
    return;
  g_free (self->currency);
  self->currency = g_strdup (self->currencies[selected]);
  queue_build (self, BUILD_DELAY_MS);
}

static void
read_calendar (GtkCalendar *calendar,
               GDate       *date)
{
  g_autoptr(GDateTime) time = gtk_calendar_get_date (calendar);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
}

static void
on_from_day_selected_cb (TandemReportsPage *self)
{
  if (self->syncing)
    return;
  read_calendar (self->from_calendar, &self->custom_first);
  /* A period ends where it begins at the earliest. */
  if (g_date_compare (&self->custom_last, &self->custom_first) < 0)
    self->custom_last = self->custom_first;
  gtk_menu_button_popdown (self->from_button);
  update_date_buttons (self);
  queue_build (self, BUILD_DELAY_MS);
}

static void
on_to_day_selected_cb (TandemReportsPage *self)
{
  if (self->syncing)
    return;
  read_calendar (self->to_calendar, &self->custom_last);
  if (g_date_compare (&self->custom_last, &self->custom_first) < 0)
    self->custom_first = self->custom_last;
  gtk_menu_button_popdown (self->to_button);
  update_date_buttons (self);
  queue_build (self, BUILD_DELAY_MS);
}

static void
on_export_response_cb (GtkNativeDialog   *chooser,
                       int                response,
                       TandemReportsPage *self)
{
  TandemReportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!tandem_reports_page_export_to_file (self, file, format, &error))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   TandemReport      *report)
{
  guint n_pages = tandem_report_get_n_pages (report, gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (1, n_pages));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 TandemReport      *report)
{
  tandem_report_draw_page (report, gtk_print_context_get_cairo_context (context), page,
                           gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  TandemReportsPage       *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_autoptr(GError) error = NULL;

      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
      if (!tandem_store_audit_export (self->store, TANDEM_AUDIT_KIND_REPORT, self->type, "print", &error))
        g_warning ("The printed report is not in the audit trail: %s", error->message);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (error ? error->message : _("The report could not be printed")));
    }
}

/* Actions -------------------------------------------------------------------- */

static void
choose_export_file (TandemReportsPage  *self,
                    TandemReportFormat  format)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->report == NULL)
    return;

  chooser = gtk_file_chooser_native_new (format == TANDEM_REPORT_FORMAT_CSV ? _("Export as CSV")
                                                                           : _("Export as PDF"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = tandem_reports_page_get_file_name (self, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (format == TANDEM_REPORT_FORMAT_CSV)
    {
      gtk_file_filter_set_name (filter, _("CSV Files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_export_file (TANDEM_REPORTS_PAGE (widget), TANDEM_REPORT_FORMAT_CSV);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_export_file (TANDEM_REPORTS_PAGE (widget), TANDEM_REPORT_FORMAT_PDF);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TandemReportsPage *self = TANDEM_REPORTS_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkPrintOperationResult result;

  if (self->report == NULL)
    return;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, tandem_report_get_title (self->report));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (self->print_settings)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  /* The report printed is the one shown when Print was chosen. */
  g_object_set_data_full (G_OBJECT (operation), "report", g_object_ref (self->report), g_object_unref);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self->report, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self->report, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  /* GtkFileLauncher is newer than GTK 4.8. */
  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), NULL, NULL, NULL, NULL);
}

/* Overrides ------------------------------------------------------------------ */

static void
tandem_reports_page_constructed (GObject *object)
{
  TandemReportsPage *self = TANDEM_REPORTS_PAGE (object);

  G_OBJECT_CLASS (tandem_reports_page_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  start_build (self);
}

static void
tandem_reports_page_dispose (GObject *object)
{
  TandemReportsPage *self = TANDEM_REPORTS_PAGE (object);

  g_clear_handle_id (&self->build_id, g_source_remove);
  /* A build still running returns to nobody. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The toast overlay is the bin's own child: the bin lets go of it
   * first, or disposing the template would unparent it behind the bin's
   * back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_REPORTS_PAGE);

  G_OBJECT_CLASS (tandem_reports_page_parent_class)->dispose (object);
}

static void
tandem_reports_page_finalize (GObject *object)
{
  TandemReportsPage *self = TANDEM_REPORTS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->report);
  g_clear_object (&self->print_settings);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->currencies, g_strfreev);
  g_clear_pointer (&self->report_from, g_free);
  g_clear_pointer (&self->report_to, g_free);

  G_OBJECT_CLASS (tandem_reports_page_parent_class)->finalize (object);
}

static void
tandem_reports_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TandemReportsPage *self = TANDEM_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_reports_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TandemReportsPage *self = TANDEM_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_reports_page_class_init (TandemReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_reports_page_constructed;
  object_class->dispose = tandem_reports_page_dispose;
  object_class->finalize = tandem_reports_page_finalize;
  object_class->get_property = tandem_reports_page_get_property;
  object_class->set_property = tandem_reports_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "reports.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "reports.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.open-file", "s", open_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "reports.export-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reports.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "reports.print", NULL);

  g_type_ensure (TANDEM_TYPE_CHART_VIEW);
  /* Links the template in, also from the static library. */
  (void) tandem_reports_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/reports/tandem-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, controls);
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, by_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, from_button);
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, to_button);
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, currency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, TandemReportsPage, table);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_by_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_range_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_currency_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_from_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_to_day_selected_cb);
}

static void
tandem_reports_page_init (TandemReportsPage *self)
{
  static gsize css_loaded = 0;
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  GtkWidget *child;

  if (g_once_init_enter (&css_loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/tandemcrm/Tandem/reports/tandem-reports.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }

  self->type = TANDEM_REPORT_PIPELINE;
  self->by_dropdown_type = -1;
  self->by = tandem_report_type_get_bys (self->type)[0];
  self->range = TANDEM_REPORT_RANGE_THIS_YEAR;
  range_dates (self, TANDEM_REPORT_RANGE_THIS_MONTH, &self->custom_first, &self->custom_last);
  g_date_subtract_days (&self->custom_last, 1);

  self->syncing++;
  gtk_widget_init_template (GTK_WIDGET (self));
  set_choice_factories (self->type_dropdown);
  set_choice_factories (self->by_dropdown);
  set_choice_factories (self->range_dropdown);
  set_choice_factories (self->currency_dropdown);

  for (guint i = 0; i < TANDEM_N_REPORT_TYPES; i++)
    gtk_string_list_append (types, tandem_report_type_get_label (i));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));
  gtk_drop_down_set_selected (self->type_dropdown, self->type);
  gtk_drop_down_set_selected (self->range_dropdown, self->range);
  self->syncing--;
  fill_by_dropdown (self);
  update_date_buttons (self);
  set_control_visible (GTK_WIDGET (self->currency_dropdown), FALSE);

  /* Tab goes from control to control, not to the boxes that wrap them. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->controls)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  update_actions (self);
}

/* Public API ----------------------------------------------------------------- */

GtkWidget *
tandem_reports_page_new (TandemStore *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  return g_object_new (TANDEM_TYPE_REPORTS_PAGE, "store", store, NULL);
}

TandemStore *
tandem_reports_page_get_store (TandemReportsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), NULL);
  return self->store;
}

TandemReportType
tandem_reports_page_get_report_type (TandemReportsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), TANDEM_REPORT_PIPELINE);
  return self->type;
}

void
tandem_reports_page_set_report_type (TandemReportsPage *self,
                                     TandemReportType   type)
{
  g_return_if_fail (TANDEM_IS_REPORTS_PAGE (self));
  g_return_if_fail ((guint) type < TANDEM_N_REPORT_TYPES);

  if (self->type == type)
    return;
  self->type = type;
  /* The grouping stays when the new report offers it. */
  if (!type_offers_by (type, self->by))
    self->by = tandem_report_type_get_bys (type)[0];

  self->syncing++;
  if (gtk_drop_down_get_selected (self->type_dropdown) != type)
    gtk_drop_down_set_selected (self->type_dropdown, type);
  self->syncing--;
  fill_by_dropdown (self);
  queue_build (self, BUILD_DELAY_MS);
}

TandemReportBy
tandem_reports_page_get_by (TandemReportsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), TANDEM_REPORT_BY_STAGE);
  return self->by;
}

void
tandem_reports_page_set_by (TandemReportsPage *self,
                            TandemReportBy     by)
{
  g_return_if_fail (TANDEM_IS_REPORTS_PAGE (self));

  if (self->by == by || !type_offers_by (self->type, by))
    return;
  self->by = by;
  fill_by_dropdown (self);
  queue_build (self, BUILD_DELAY_MS);
}

TandemReportRange
tandem_reports_page_get_range (TandemReportsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), TANDEM_REPORT_RANGE_THIS_YEAR);
  return self->range;
}

void
tandem_reports_page_set_range (TandemReportsPage *self,
                               TandemReportRange  range)
{
  g_return_if_fail (TANDEM_IS_REPORTS_PAGE (self));
  g_return_if_fail (range <= TANDEM_REPORT_RANGE_CUSTOM);

  if (self->range == range)
    return;
  /* A custom period starts from the one shown. */
  if (range == TANDEM_REPORT_RANGE_CUSTOM)
    {
      range_dates (self, self->range, &self->custom_first, &self->custom_last);
      g_date_subtract_days (&self->custom_last, 1);
    }
  self->range = range;

  self->syncing++;
  if (gtk_drop_down_get_selected (self->range_dropdown) != range)
    gtk_drop_down_set_selected (self->range_dropdown, range);
  self->syncing--;
  update_date_buttons (self);
  queue_build (self, BUILD_DELAY_MS);
}

void
tandem_reports_page_set_custom_range (TandemReportsPage *self,
                                      const char        *first,
                                      const char        *last)
{
  GDate first_date, last_date;

  g_return_if_fail (TANDEM_IS_REPORTS_PAGE (self));
  g_return_if_fail (date_from_iso (first, &first_date));
  g_return_if_fail (date_from_iso (last, &last_date));

  if (g_date_compare (&last_date, &first_date) < 0)
    last_date = first_date;
  self->custom_first = first_date;
  self->custom_last = last_date;
  self->range = TANDEM_REPORT_RANGE_CUSTOM;

  self->syncing++;
  gtk_drop_down_set_selected (self->range_dropdown, TANDEM_REPORT_RANGE_CUSTOM);
  self->syncing--;
  update_date_buttons (self);
  queue_build (self, BUILD_DELAY_MS);
}

void
tandem_reports_page_get_dates (TandemReportsPage  *self,
                               char              **from,
                               char              **to)
{
  GDate first, end;

  g_return_if_fail (TANDEM_IS_REPORTS_PAGE (self));

  range_dates (self, self->range, &first, &end);
  if (from)
    *from = date_to_iso (&first);
  if (to)
    *to = date_to_iso (&end);
}

void
tandem_reports_page_reload (TandemReportsPage *self)
{
  g_return_if_fail (TANDEM_IS_REPORTS_PAGE (self));
  start_build (self);
}

TandemReport *
tandem_reports_page_get_report (TandemReportsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), NULL);
  return self->report;
}

gboolean
tandem_reports_page_get_busy (TandemReportsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), FALSE);
  return self->busy;
}

char *
tandem_reports_page_get_file_name (TandemReportsPage  *self,
                                   TandemReportFormat  format)
{
  const char *suffix = format == TANDEM_REPORT_FORMAT_PDF ? "pdf" : "csv";
  g_autofree char *period = NULL;
  GDate first, last;

  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), NULL);

  if (self->report_from == NULL || !date_from_iso (self->report_from, &first) ||
      !date_from_iso (self->report_to, &last))
    return g_strdup_printf ("%s.%s", tandem_report_type_to_string (self->type), suffix);
  g_date_subtract_days (&last, 1);

  /* File names stay the same in every language. */
  switch (self->report_range)
    {
    case TANDEM_REPORT_RANGE_THIS_MONTH:
    case TANDEM_REPORT_RANGE_LAST_MONTH:
      period = g_strdup_printf ("%04u-%02u", g_date_get_year (&first), g_date_get_month (&first));
      break;
    case TANDEM_REPORT_RANGE_THIS_QUARTER:
      period = g_strdup_printf ("%04u-Q%u", g_date_get_year (&first), (g_date_get_month (&first) + 2) / 3);
      break;
    case TANDEM_REPORT_RANGE_THIS_YEAR:
      period = g_strdup_printf ("%04u", g_date_get_year (&first));
      break;
    case TANDEM_REPORT_RANGE_LAST_12_MONTHS:
    case TANDEM_REPORT_RANGE_CUSTOM:
    default:
      {
        g_autofree char *first_text = date_to_iso (&first);
        g_autofree char *last_text = date_to_iso (&last);

        period = g_strdup_printf ("%s_%s", first_text, last_text);
      }
      break;
    }
  return g_strdup_printf ("%s-%s.%s", tandem_report_type_to_string (self->type), period, suffix);
}

gboolean
tandem_reports_page_export_to_file (TandemReportsPage  *self,
                                    GFile              *file,
                                    TandemReportFormat  format,
                                    GError            **error)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->report == NULL)
    {
      g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The report is not ready yet"));
      return FALSE;
    }

  /* In the audit trail before anything leaves */
  if (!tandem_store_audit_export (self->store, TANDEM_AUDIT_KIND_REPORT, self->type,
                                  format == TANDEM_REPORT_FORMAT_CSV ? "CSV" : "PDF", error))
    return FALSE;

  if (format == TANDEM_REPORT_FORMAT_CSV)
    {
      g_autofree char *csv = tandem_report_to_csv (self->report);

      if (!g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                    NULL, NULL, error))
        return FALSE;
    }
  else if ((path = g_file_get_path (file)))
    {
      if (!tandem_report_write_pdf (self->report, path, error))
        return FALSE;
    }
  else
    {
      /* Not a local file: written here first, then copied there. */
      g_autofree char *tmp_path = NULL;
      g_autoptr(GFile) tmp = NULL;
      gboolean copied;
      int fd;

      fd = g_file_open_tmp ("tandem-report-XXXXXX.pdf", &tmp_path, error);
      if (fd < 0)
        return FALSE;
      g_close (fd, NULL);
      tmp = g_file_new_for_path (tmp_path);
      copied = tandem_report_write_pdf (self->report, tmp_path, error) &&
               g_file_copy (tmp, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
      g_unlink (tmp_path);
      if (!copied)
        return FALSE;
    }

  name = g_file_get_basename (file);
  uri = g_file_get_uri (file);
  /* Translators: a toast after exporting a report, "Saved pipeline-2026-11.pdf" */
  message = g_strdup_printf (_("Saved %s"), name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "reports.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

GtkDropDown *
tandem_reports_page_get_type_dropdown (TandemReportsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), NULL);
  return self->type_dropdown;
}

GtkDropDown *
tandem_reports_page_get_by_dropdown (TandemReportsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), NULL);
  return self->by_dropdown;
}

GtkDropDown *
tandem_reports_page_get_range_dropdown (TandemReportsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), NULL);
  return self->range_dropdown;
}

GtkDropDown *
tandem_reports_page_get_currency_dropdown (TandemReportsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), NULL);
  return self->currency_dropdown;
}

TandemChartView *
tandem_reports_page_get_chart (TandemReportsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), NULL);
  return self->chart;
}

GtkColumnView *
tandem_reports_page_get_table (TandemReportsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), NULL);
  return self->table;
}

char *
tandem_reports_page_get_cell_text (TandemReportsPage *self,
                                   guint              row,
                                   guint              column)
{
  g_return_val_if_fail (TANDEM_IS_REPORTS_PAGE (self), NULL);

  if (self->report == NULL)
    return NULL;
  return cell_text (self->report, row, column);
}
