/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemReport"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "tandem-error.h"
#include "tandem-report.h"

/* A4 in points */
#define PAGE_WIDTH    595.2756
#define PAGE_HEIGHT   841.8898
#define PAGE_MARGIN   42.0
#define PAGE_FONT     "Cantarell, Cantarell, DejaVu Sans, Sans"
#define TITLE_HEIGHT  28.0
#define SUBTITLE_HEIGHT 20.0
#define FOOTER_HEIGHT 20.0
#define HEADER_HEIGHT 20.0
#define ROW_HEIGHT    15.0
#define CHART_SHARE   0.42   /* of the first page's height below the titles */
#define CHART_GAP     16.0

struct _TandemReport
{
  GObject parent_instance;

  char            *title;
  char            *subtitle;
  char            *category_title;
  TandemChartKind  kind;
  TandemUnit       unit;
  char            *currency;

  GPtrArray       *category_keys;    /* char* */
  GPtrArray       *category_labels;  /* char* */
  GPtrArray       *axis_labels;      /* char*, NULL: none */
  GHashTable      *category_index;   /* key → index + 1 */
  GPtrArray       *series_keys;
  GPtrArray       *series_labels;
  GHashTable      *series_index;
  GPtrArray       *values;           /* per category, a GArray of gint64 per series */
};

G_DEFINE_FINAL_TYPE (TandemReport, tandem_report, G_TYPE_OBJECT)

#define BY_END ((TandemReportBy) -1)

static const char * const type_names[TANDEM_N_REPORT_TYPES] = {
  "pipeline", "forecast", "development", "activities", "time", "targets",
};

static const TandemReportBy pipeline_bys[] = {
  TANDEM_REPORT_BY_STAGE, TANDEM_REPORT_BY_SELLER, TANDEM_REPORT_BY_PRODUCT, TANDEM_REPORT_BY_MONTH, BY_END,
};
static const TandemReportBy forecast_bys[] = { TANDEM_REPORT_BY_MONTH, TANDEM_REPORT_BY_SELLER, BY_END };
static const TandemReportBy development_bys[] = { TANDEM_REPORT_BY_MONTH, BY_END };
static const TandemReportBy activity_bys[] = {
  TANDEM_REPORT_BY_CATEGORY, TANDEM_REPORT_BY_KIND, TANDEM_REPORT_BY_TYPE, TANDEM_REPORT_BY_USER,
  TANDEM_REPORT_BY_MONTH, TANDEM_REPORT_BY_WEEK, BY_END,
};
static const TandemReportBy time_bys[] = {
  TANDEM_REPORT_BY_USER, TANDEM_REPORT_BY_MONTH, TANDEM_REPORT_BY_WEEK, BY_END,
};
static const TandemReportBy target_bys[] = { TANDEM_REPORT_BY_USER, BY_END };

/* The GNOME palette: a light background gets the deeper shades, a dark
 * one the lighter. Blue, green, yellow, orange, red, purple, brown. */
static const guint32 palette_light[] = {
  0x3584e4, 0x2ec27e, 0xe5a50a, 0xff7800, 0xe01b24, 0x9141ac, 0x986a44,
};
static const guint32 palette_dark[] = {
  0x62a0ea, 0x57e389, 0xf8e45c, 0xffa348, 0xf66151, 0xc061cb, 0xb5835a,
};

enum { BLUE, GREEN, YELLOW, ORANGE, RED, PURPLE, BROWN };

/* Series whose colour says what they are */
static const struct { const char *key; int colour; } series_colours[] = {
  { "open", BLUE }, { "won", GREEN },
  { "planned", BLUE }, { "completed", GREEN }, { "cancelled", BROWN },
  { "target", PURPLE }, { "done", GREEN },
};

typedef struct
{
  double left, top, width, height;
} Box;

/* The value axis: @n_ticks steps of @step axis units, an axis unit being
 * @scale of the report's own (hundredths, seconds, counts) */
typedef struct
{
  double scale;
  double step;
  guint  n_ticks;
  double top;  /* in the report's own unit */
} Axis;

/* Where a chart's parts go in its box */
typedef struct
{
  Axis    axis;
  double  line_height;
  double  legend_height;
  double  top, bottom, left, right, slot;
  GArray *labels;  /* TandemChartLabel, the category names shown */
} Plan;

/* Helpers */

static gint64 *
value_slot (TandemReport *self,
            guint         category,
            guint         series)
{
  GArray *row = g_ptr_array_index (self->values, category);

  if (row->len <= series)
    g_array_set_size (row, self->series_keys->len);
  return &g_array_index (row, gint64, series);
}

static gboolean
parse_day (const char  *text,
           GDate       *date)
{
  unsigned y, m, d;
  char end;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10
      || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
format_day (const GDate *date,
            const char  *format)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                      g_date_get_day (date), 12, 0, 0);

  return g_date_time_format (local, format);
}

static char *
iso_day (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Adds a category for every month or ISO week the range [@from, @to)
 * touches, in order, so that a time axis has no gaps. */
static void
add_periods (TandemReport   *self,
             TandemReportBy  by,
             const GDate    *from,
             const GDate    *to)
{
  GDate day = *from;

  while (g_date_compare (&day, to) < 0)
    {
      g_autoptr(GDateTime) local = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                                          g_date_get_day (&day), 12, 0, 0);
      g_autofree char *key = NULL;
      g_autofree char *label = NULL;
      g_autofree char *axis_label = NULL;

      if (by == TANDEM_REPORT_BY_MONTH)
        {
          key = g_date_time_format (local, "%Y-%m");
          /* Translators: a month in a report, "November 2026"; %OB is the
           * month's name standing alone (nominative), %Y the year */
          label = g_date_time_format (local, _("%OB %Y"));
          /* Translators: a month on a chart's axis, "Nov 2026"; see
           * strftime for the codes */
          axis_label = g_date_time_format (local, _("%b %Y"));
          g_date_set_day (&day, 1);
          g_date_add_months (&day, 1);
        }
      else
        {
          key = g_strdup_printf ("%04d-W%02d", g_date_time_get_week_numbering_year (local),
                                 g_date_time_get_week_of_year (local));
          /* Translators: an ISO week in a report: week number, year */
          label = g_strdup_printf (_("Week %d, %d"), g_date_time_get_week_of_year (local),
                                   g_date_time_get_week_numbering_year (local));
          /* Translators: an ISO week on a chart's axis, short, "W47" */
          axis_label = g_strdup_printf (C_("chart axis", "W%d"), g_date_time_get_week_of_year (local));
          g_date_add_days (&day, 8 - g_date_get_weekday (&day));
        }
      tandem_report_set_category_axis_label (self, tandem_report_add_category (self, key, label), axis_label);
    }
}

/* The points of the pipeline's development: month ends from @from, and
 * the last day of the range when it is not one. */
static void
add_month_ends (TandemReport *self,
                const GDate  *from,
                const GDate  *last)
{
  GDate point = *from;

  for (;;)
    {
      g_autofree char *key = NULL;
      g_autofree char *label = NULL;
      gboolean month_end;

      g_date_set_day (&point, g_date_get_days_in_month (g_date_get_month (&point), g_date_get_year (&point)));
      month_end = g_date_compare (&point, last) <= 0;
      if (!month_end)
        point = *last;
      key = iso_day (&point);
      if (month_end)
        /* Translators: a month's end in the pipeline's development,
         * "Nov 2026"; see strftime for the codes */
        label = format_day (&point, _("%b %Y"));
      else
        /* Translators: a day in a report, "23 Nov 2026"; see strftime */
        label = format_day (&point, _("%-d %b %Y"));
      tandem_report_set_category_axis_label (self, tandem_report_add_category (self, key, label), label);
      if (g_date_compare (&point, last) >= 0)
        break;
      g_date_add_days (&point, 1);
    }
}

/* The currency with the most sales among @rows. */
static char *
most_used_currency (GPtrArray *rows)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  gint64 best_count = -1;

  for (guint i = 0; i < rows->len; i++)
    {
      TandemReportRow *row = g_ptr_array_index (rows, i);
      const char *currency = tandem_report_row_get_currency (row);
      gint64 count;

      if (currency == NULL)
        continue;
      count = GPOINTER_TO_SIZE (g_hash_table_lookup (counts, currency));
      g_hash_table_insert (counts, (gpointer) currency,
                           GSIZE_TO_POINTER (count + tandem_report_row_get_count (row)));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 count = GPOINTER_TO_SIZE (value);

      if (count > best_count || (count == best_count && strcmp (key, best) < 0))
        {
          best = key;
          best_count = count;
        }
    }
  return g_strdup (best);
}

static gboolean
row_in_currency (TandemReportRow *row,
                 const char      *currency)
{
  return currency != NULL && g_strcmp0 (tandem_report_row_get_currency (row), currency) == 0;
}

static gboolean
is_time_by (TandemReportBy by)
{
  return by == TANDEM_REPORT_BY_MONTH || by == TANDEM_REPORT_BY_WEEK;
}

/* Adds the rows in the report's currency to its one series. */
static void
add_money_rows (TandemReport *self,
                GPtrArray    *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      TandemReportRow *row = g_ptr_array_index (rows, i);
      guint category;

      if (!row_in_currency (row, self->currency))
        continue;
      category = tandem_report_add_category (self, tandem_report_row_get_key (row),
                                             tandem_report_row_get_label (row));
      tandem_report_set_value (self, category, 0,
                               tandem_report_get_value (self, category, 0) + tandem_report_row_get_value (row));
    }
}

static TandemTimeBy
time_by (TandemReportBy by)
{
  switch (by)
    {
    case TANDEM_REPORT_BY_MONTH:
      return TANDEM_TIME_BY_MONTH;
    case TANDEM_REPORT_BY_WEEK:
      return TANDEM_TIME_BY_WEEK;
    default:
      return TANDEM_TIME_BY_USER;
    }
}

static const char *
category_title (TandemReportType type,
                TandemReportBy   by)
{
  switch (by)
    {
    case TANDEM_REPORT_BY_STAGE:
      return C_("report column", "Stage");
    case TANDEM_REPORT_BY_SELLER:
      return C_("report column", "Seller");
    case TANDEM_REPORT_BY_PRODUCT:
      return C_("report column", "Product");
    case TANDEM_REPORT_BY_MONTH:
      if (type == TANDEM_REPORT_DEVELOPMENT)
        return C_("report column", "Date");
      return C_("report column", "Month");
    case TANDEM_REPORT_BY_WEEK:
      return C_("report column", "Week");
    case TANDEM_REPORT_BY_CATEGORY:
      return C_("report column", "Category");
    case TANDEM_REPORT_BY_KIND:
      return C_("report column", "Kind");
    case TANDEM_REPORT_BY_TYPE:
      return C_("report column", "Type");
    case TANDEM_REPORT_BY_USER:
    default:
      if (type == TANDEM_REPORT_TARGETS)
        /* Translators: a column of the sales targets report: seller and
         * activity category */
        return C_("report column", "Seller and category");
      return C_("report column", "User");
    }
}

/* A count as people read it, grouped: "12 500" */
static char *
format_count (gint64 value)
{
  struct lconv *conv = localeconv ();
  /* A no-break space groups the thousands where the locale has no mark */
  const char *group = conv->thousands_sep && conv->thousands_sep[0] ? conv->thousands_sep : "\u00a0";
  g_autofree char *digits = NULL;
  GString *text = g_string_new (NULL);
  guint64 magnitude = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
  gsize len;

  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude);
  len = strlen (digits);
  if (value < 0)
    g_string_append_c (text, '-');
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (text, group);
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

static char *
format_duration (gint64 seconds)
{
  gint64 minutes = (MAX (seconds, 0) + 30) / 60;
  int hours = (int) MIN (minutes / 60, G_MAXINT);

  minutes %= 60;
  if (hours == 0)
    /* Translators: a tracked time in minutes */
    return g_strdup_printf (C_("duration", "%d min"), (int) minutes);
  if (minutes == 0)
    /* Translators: a tracked time in hours */
    return g_strdup_printf (C_("duration", "%d h"), hours);
  /* Translators: a tracked time in hours and minutes, "3 h 20 min" */
  return g_strdup_printf (C_("duration", "%d h %d min"), hours, (int) minutes);
}

/* A currency's sign for the chart's axis, or its code. */
static const char *
currency_sign (const char *currency)
{
  static const struct { const char *code; const char *sign; } signs[] = {
    { "EUR", "€" }, { "USD", "$" }, { "GBP", "£" }, { "PLN", "zł" }, { "SEK", "kr" },
    { "NOK", "kr" }, { "DKK", "kr" }, { "JPY", "¥" }, { "CHF", "CHF" },
  };

  for (guint i = 0; currency != NULL && i < G_N_ELEMENTS (signs); i++)
    if (strcmp (currency, signs[i].code) == 0)
      return signs[i].sign;
  return currency ? currency : "";
}

/* The axis works in a unit people count in: whole currency units, hours
 * or minutes, or the count. */
static double
axis_scale (TandemReport *self,
            gint64        max)
{
  switch (self->unit)
    {
    case TANDEM_UNIT_MONEY:
      return 100.0;
    case TANDEM_UNIT_SECONDS:
      return max >= 2 * 3600 ? 3600.0 : 60.0;
    case TANDEM_UNIT_COUNT:
    default:
      return 1.0;
    }
}

/* A round step for about @n ticks up to @max (in axis units): 1, 2 or 5
 * times a power of ten, and at least one whole unit. */
static double
nice_step (double max,
           int    n)
{
  double raw = max / n;
  double magnitude, fraction, step;

  if (raw <= 1)
    return 1;
  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;
  if (fraction <= 1)
    step = 1;
  else if (fraction <= 2)
    step = 2;
  else if (fraction <= 5)
    step = 5;
  else
    step = 10;
  return step * magnitude;
}

/* A tick's label, grouped as the tables group: "6 000 €", "4 h",
 * "30 min", "1 200" */
static char *
format_tick (TandemReport *self,
             const Axis   *axis,
             guint         tick)
{
  gint64 units = (gint64) llround (tick * axis->step);
  g_autofree char *number = NULL;

  switch (self->unit)
    {
    case TANDEM_UNIT_MONEY:
      {
        /* "0,00" tells how long the decimal mark and the cents are */
        g_autofree char *zero = tandem_format_money (0, NULL);
        const char *sign = currency_sign (self->currency);

        number = tandem_format_money (units * 100, NULL);
        number[strlen (number) - (strlen (zero) - 1)] = '\0';
        if (*sign == '\0')
          return g_steal_pointer (&number);
        /* Translators: a tick on a chart's money axis: the amount in whole
         * units, grouped, and the currency's sign, "6 000 €"; put the sign
         * first with "%2$s%1$s" */
        return g_strdup_printf (C_("axis", "%s %s"), number, sign);
      }
    case TANDEM_UNIT_SECONDS:
      number = format_count (units);
      if (axis->scale >= 3600)
        /* Translators: hours on a chart's axis */
        return g_strdup_printf (C_("axis", "%s h"), number);
      /* Translators: minutes on a chart's axis */
      return g_strdup_printf (C_("axis", "%s min"), number);
    case TANDEM_UNIT_COUNT:
    default:
      return format_count (units);
    }
}

static void
series_rgba (TandemReport           *self,
             guint                   series,
             const TandemChartStyle *style,
             double                  rgba[4])
{
  const guint32 *palette = style->dark ? palette_dark : palette_light;
  const char *key = g_ptr_array_index (self->series_keys, series);
  guint colour = series % G_N_ELEMENTS (palette_light);

  for (guint i = 0; i < G_N_ELEMENTS (series_colours); i++)
    if (g_strcmp0 (key, series_colours[i].key) == 0)
      colour = series_colours[i].colour;
  rgba[0] = ((palette[colour] >> 16) & 0xff) / 255.0;
  rgba[1] = ((palette[colour] >> 8) & 0xff) / 255.0;
  rgba[2] = (palette[colour] & 0xff) / 255.0;
  rgba[3] = 1.0;
}

static void
set_source (cairo_t      *cr,
            const double  rgba[4],
            double        alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *font,
             double      resolution,
             double      scale_size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font ? font : "Sans 10");

  if (pango_font_description_get_size (desc) == 0)
    pango_font_description_set_size (desc, 10 * PANGO_SCALE);
  if (scale_size != 1.0)
    {
      if (pango_font_description_get_size_is_absolute (desc))
        pango_font_description_set_absolute_size (desc, pango_font_description_get_size (desc) * scale_size);
      else
        pango_font_description_set_size (desc, (int) (pango_font_description_get_size (desc) * scale_size));
    }
  if (resolution > 0)
    pango_cairo_context_set_resolution (context, resolution);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, desc);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             const char  *text,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (width)
    *width = w;
  if (height)
    *height = h;
}

/* Shows @text with its left (@align 0), centre (0.5) or right (1) at @x
 * and its top at @y, cut with "…" to @max_width (0: no limit). */
static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       align,
           double       max_width)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_ellipsize (layout, max_width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_width (layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (max_width > 0)
    {
      /* A layout with a width aligns within it */
      pango_layout_set_alignment (layout, align >= 1 ? PANGO_ALIGN_RIGHT
                                          : align > 0 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
      cairo_move_to (cr, x - align * max_width, y);
    }
  else
    cairo_move_to (cr, x - align * w, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
}

static gboolean
is_empty (TandemReport *self)
{
  if (self->category_keys->len == 0 || self->series_keys->len == 0)
    return TRUE;
  for (guint c = 0; c < self->category_keys->len; c++)
    for (guint s = 0; s < self->series_keys->len; s++)
      if (tandem_report_get_value (self, c, s) != 0)
        return FALSE;
  return TRUE;
}

/* The highest point the chart must reach */
static gint64
chart_max (TandemReport *self)
{
  gint64 max = 0;

  for (guint c = 0; c < self->category_keys->len; c++)
    {
      gint64 stacked = 0;

      for (guint s = 0; s < self->series_keys->len; s++)
        {
          gint64 value = MAX (tandem_report_get_value (self, c, s), 0);

          if (self->kind == TANDEM_CHART_STACKED_BARS)
            stacked += value;
          else
            max = MAX (max, value);
        }
      max = MAX (max, stacked);
    }
  return max;
}

/* The legend, flowing over as many lines as it needs; returns its height.
 * Draws only when @draw. */
static double
legend (TandemReport           *self,
        cairo_t                *cr,
        PangoLayout            *layout,
        const Box              *box,
        const TandemChartStyle *style,
        gboolean                draw)
{
  double x = box->left, y = box->top;
  double line_height, swatch;

  layout_size (layout, "Ag", NULL, &line_height);
  swatch = round (line_height * 0.6);
  for (guint s = 0; s < self->series_keys->len; s++)
    {
      const char *label = g_ptr_array_index (self->series_labels, s);
      double w, item;
      double rgba[4];

      layout_size (layout, label, &w, NULL);
      w = MIN (w, box->width - swatch - 6);
      item = swatch + 6 + w + 16;
      if (x > box->left && x + item - 16 > box->left + box->width)
        {
          x = box->left;
          y += line_height + 4;
        }
      if (draw)
        {
          series_rgba (self, s, style, rgba);
          set_source (cr, rgba, 1);
          if (self->kind == TANDEM_CHART_LINES)
            cairo_rectangle (cr, x, y + (line_height - 3) / 2, swatch, 3);
          else
            cairo_rectangle (cr, x, y + (line_height - swatch) / 2, swatch, swatch);
          cairo_fill (cr);
          set_source (cr, style->foreground, 1);
          show_text (cr, layout, label, x + swatch + 6, y, 0, w + 1);
        }
      x += item;
    }
  return y - box->top + line_height;
}

/* The value axis: round steps in a unit people count in, up past the
 * highest point. */
static void
value_axis (TandemReport *self,
            Axis         *axis)
{
  gint64 max = chart_max (self);

  axis->scale = axis_scale (self, max);
  axis->step = nice_step (max / axis->scale, 5);
  axis->n_ticks = (guint) ceil (max / axis->scale / axis->step - 1e-9);
  axis->n_ticks = MAX (axis->n_ticks, 1);
  axis->top = axis->n_ticks * axis->step * axis->scale;
}

static gboolean
is_sequence (TandemReport *self)
{
  if (self->category_keys->len == 0)
    return FALSE;
  for (guint c = 0; c < self->category_keys->len; c++)
    if (g_ptr_array_index (self->axis_labels, c) == NULL)
      return FALSE;
  return TRUE;
}

/* The width of @text's widest word */
static double
widest_word (PangoLayout *layout,
             const char  *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      double w;

      layout_size (layout, words[i], &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

/* How many lines @text takes wrapped between words to @width */
static guint
wrapped_lines (PangoLayout *layout,
               const char  *text,
               double       width)
{
  guint lines;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  lines = pango_layout_get_line_count (layout);
  pango_layout_set_width (layout, -1);
  return lines;
}

/* Whether every category's name fits straight under its bar, reaching
 * into the room its neighbours' shorter names leave. */
static gboolean
straight_fits (TandemReport *self,
               PangoLayout  *layout,
               const Plan   *plan,
               double        box_left,
               double        box_right)
{
  guint n_categories = self->category_keys->len;
  double last = 0;

  for (guint c = 0; c < n_categories; c++)
    {
      double w, centre = plan->left + plan->slot * (c + 0.5);

      layout_size (layout, tandem_report_get_category_axis_label (self, c), &w, NULL);
      if (c == 0 && centre - w / 2 < box_left)
        return FALSE;
      if (c > 0 && (last + w) / 2 + 8 > plan->slot)
        return FALSE;
      if (c == n_categories - 1 && centre + w / 2 > box_right)
        return FALSE;
      last = w;
    }
  return TRUE;
}

/* Where everything goes: the legend on top, the value axis's labels at
 * the left, the category names under the plot. The names stand straight
 * when they fit their bars; a sequence in time shows every so many; other
 * names wrap between words onto up to three lines, or else slant. */
static gboolean
plan_chart (TandemReport *self,
            PangoLayout  *layout,
            const Box    *box,
            Plan         *plan)
{
  guint n_categories = self->category_keys->len;
  double lh, tick_width = 0, label_width = 0, word_width = 0, label_space;
  double box_right = box->left + box->width;
  gboolean sequence = is_sequence (self);
  guint max_lines = 1, stride = 1;
  enum { STRAIGHT, SEQUENCE, WRAPPED, SLANTED } mode;

  memset (plan, 0, sizeof *plan);
  plan->labels = g_array_new (FALSE, TRUE, sizeof (TandemChartLabel));
  layout_size (layout, "Ag", NULL, &lh);
  plan->line_height = lh;

  plan->top = box->top + 4;
  if (self->series_keys->len > 1)
    {
      Box legend_box = { box->left + 4, plan->top, box->width - 8, 0 };

      plan->legend_height = legend (self, NULL, layout, &legend_box, NULL, FALSE);
      plan->top += plan->legend_height + lh * 0.75;
    }
  plan->top += lh / 2;  /* room for the top tick's label */

  value_axis (self, &plan->axis);
  for (guint t = 0; t <= plan->axis.n_ticks; t++)
    {
      g_autofree char *tick = format_tick (self, &plan->axis, t);
      double w;

      layout_size (layout, tick, &w, NULL);
      tick_width = MAX (tick_width, w);
    }

  for (guint c = 0; c < n_categories; c++)
    {
      const char *label = tandem_report_get_category_axis_label (self, c);
      double w;

      layout_size (layout, label, &w, NULL);
      label_width = MAX (label_width, w);
      if (!sequence)
        word_width = MAX (word_width, widest_word (layout, label));
    }
  plan->left = box->left + tick_width + 10;
  plan->right = box_right - 8;
  plan->slot = (plan->right - plan->left) / n_categories;

  if (straight_fits (self, layout, plan, box->left, box_right))
    mode = STRAIGHT;
  else if (sequence)
    mode = SEQUENCE;
  else
    {
      mode = word_width + 6 <= plan->slot ? WRAPPED : SLANTED;
      for (guint c = 0; mode == WRAPPED && c < n_categories; c++)
        {
          max_lines = MAX (max_lines, wrapped_lines (layout, tandem_report_get_category_axis_label (self, c),
                                                     plan->slot - 6));
          if (max_lines > 3)
            mode = SLANTED;
        }
    }

  if (mode == SLANTED)
    {
      double limit = MIN (label_width, box->height * 0.3 / G_SQRT2 * 2);

      label_width = MIN (label_width, limit);
      stride = (guint) ceil (lh * 1.3 / plan->slot);
      /* The first slanted label reaches left of its bar, (width + half a
       * line) / √2: the plot moves right for it, up to a point, and past
       * that the names get shorter rather than cut at the chart's edge */
      plan->left = MAX (plan->left, box->left + (label_width + lh / 2) / G_SQRT2 - plan->slot / 2 + 2);
      plan->left = MIN (plan->left, box->left + box->width * 0.4);
      plan->slot = (plan->right - plan->left) / n_categories;
      label_width = MIN (label_width, (plan->left - box->left + plan->slot / 2 - 2) * G_SQRT2 - lh / 2);
      label_space = (label_width + lh) / G_SQRT2 + 6;
    }
  else
    /* Straight names start below the foot's tick label, and so may reach
     * left under it */
    label_space = lh / 2 + max_lines * lh + 6;
  if (mode == SEQUENCE)
    stride = (guint) ceil ((MIN (label_width, box->width) + 12) / plan->slot);
  stride = MAX (stride, 1);

  plan->bottom = box->top + box->height - label_space;
  if (plan->bottom - plan->top < lh || plan->right - plan->left < 10)
    return FALSE;

  for (guint c = 0; c < n_categories; c += stride)
    {
      const char *text = tandem_report_get_category_axis_label (self, c);
      double centre = plan->left + plan->slot * (c + 0.5);
      TandemChartLabel label = { c, 0, plan->bottom + (mode == SLANTED ? 4 : lh / 2 + 2), 0, lh, 0, 1 };
      double w;

      layout_size (layout, text, &w, NULL);
      switch (mode)
        {
        case STRAIGHT:
          label.width = w;
          label.x = centre - label.width / 2;
          break;
        case SEQUENCE:
          /* Within the chart, and apart from the name before it */
          label.width = MIN (w, box->width);
          label.x = CLAMP (centre - label.width / 2, box->left, box_right - label.width);
          if (plan->labels->len > 0)
            {
              TandemChartLabel *last = &g_array_index (plan->labels, TandemChartLabel, plan->labels->len - 1);

              if (label.x < last->x + last->width + 8)
                continue;
            }
          break;
        case WRAPPED:
          /* Lines of even length: "Ada Lindqvist:" over "Customer visit",
           * not "Ada Lindqvist: Customer" over "visit" */
          label.width = plan->slot - 6;
          label.n_lines = wrapped_lines (layout, text, label.width);
          if (label.n_lines > 1)
            {
              double narrow = MAX (widest_word (layout, text), w / label.n_lines);

              while (narrow < label.width && wrapped_lines (layout, text, narrow) > label.n_lines)
                narrow += 2;
              label.width = MIN (narrow, label.width);
            }
          else
            label.width = MIN (w, label.width);
          label.x = centre - label.width / 2;
          label.height = label.n_lines * lh;
          break;
        case SLANTED:
        default:
          /* Turned about (x, y): it ends under its bar, reading up to it */
          label.width = MIN (w, label_width);
          label.x = centre;
          label.angle = -G_PI / 4;
          break;
        }
      g_array_append_val (plan->labels, label);
    }
  return TRUE;
}

static void
draw_category_labels (TandemReport           *self,
                      cairo_t                *cr,
                      PangoLayout            *layout,
                      const Plan             *plan,
                      const TandemChartStyle *style)
{
  set_source (cr, style->foreground, 0.85);
  for (guint i = 0; i < plan->labels->len; i++)
    {
      const TandemChartLabel *label = &g_array_index (plan->labels, TandemChartLabel, i);
      const char *text = tandem_report_get_category_axis_label (self, label->category);

      if (label->angle != 0)
        {
          cairo_save (cr);
          cairo_translate (cr, label->x, label->y);
          cairo_rotate (cr, label->angle);
          show_text (cr, layout, text, -plan->line_height / 2, 0, 1, label->width + 1);
          cairo_restore (cr);
        }
      else if (label->n_lines > 1)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
          pango_layout_set_width (layout, (int) (label->width * PANGO_SCALE));
          pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
          pango_layout_set_text (layout, text, -1);
          cairo_move_to (cr, label->x, label->y);
          pango_cairo_show_layout (cr, layout);
          pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
          pango_layout_set_width (layout, -1);
        }
      else
        show_text (cr, layout, text, label->x + label->width / 2, label->y, 0.5, label->width + 1);
    }
}

static void
draw_chart_in_box (TandemReport           *self,
                   cairo_t                *cr,
                   const Box              *box,
                   const TandemChartStyle *style,
                   double                  resolution)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, style->font, resolution, 1.0);
  guint n_categories = self->category_keys->len;
  guint n_series = self->series_keys->len;
  double top, bottom, left, right, plot_height, slot, axis_top, line_height;
  Plan plan;

  cairo_save (cr);
  cairo_rectangle (cr, box->left, box->top, box->width, box->height);
  cairo_clip (cr);
  if (style->background[3] > 0)
    {
      set_source (cr, style->background, 1);
      cairo_paint (cr);
    }

  layout_size (layout, "Ag", NULL, &line_height);
  if (is_empty (self))
    {
      double w;

      layout_size (layout, _("No data in this range"), &w, NULL);
      set_source (cr, style->foreground, 0.6);
      show_text (cr, layout, _("No data in this range"), box->left + box->width / 2,
                 box->top + (box->height - line_height) / 2, 0.5, MIN (w + 1, box->width));
      cairo_restore (cr);
      return;
    }

  if (!plan_chart (self, layout, box, &plan))
    {
      g_array_unref (plan.labels);
      cairo_restore (cr);
      return;
    }
  top = plan.top;
  bottom = plan.bottom;
  left = plan.left;
  right = plan.right;
  slot = plan.slot;
  axis_top = plan.axis.top;
  plot_height = bottom - top;

  /* The legend on top when there is more than one series */
  if (n_series > 1)
    {
      Box legend_box = { box->left + 4, box->top + 4, box->width - 8, 0 };

      legend (self, cr, layout, &legend_box, style, TRUE);
    }

  /* Gridlines and ticks */
  cairo_set_line_width (cr, 1);
  for (guint t = 0; t <= plan.axis.n_ticks; t++)
    {
      g_autofree char *tick = format_tick (self, &plan.axis, t);
      double y = round (bottom - plot_height * t / plan.axis.n_ticks) + 0.5;

      set_source (cr, t == 0 ? style->foreground : style->grid, t == 0 ? 0.5 : 1);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      set_source (cr, style->foreground, 0.75);
      show_text (cr, layout, tick, left - 6, y - line_height / 2, 1, 0);
    }

  /* The data */
  if (self->kind == TANDEM_CHART_LINES)
    {
      for (guint s = 0; s < n_series; s++)
        {
          double rgba[4];

          series_rgba (self, s, style, rgba);
          set_source (cr, rgba, 1);
          cairo_set_line_width (cr, 2);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          for (guint c = 0; c < n_categories; c++)
            {
              double x = left + slot * (c + 0.5);
              double y = bottom - plot_height * tandem_report_get_value (self, c, s) / axis_top;

              if (c == 0)
                cairo_move_to (cr, x, y);
              else
                cairo_line_to (cr, x, y);
            }
          cairo_stroke (cr);
          if (slot >= 8 || n_categories == 1)
            for (guint c = 0; c < n_categories; c++)
              {
                double x = left + slot * (c + 0.5);
                double y = bottom - plot_height * tandem_report_get_value (self, c, s) / axis_top;

                cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
                cairo_fill (cr);
              }
        }
    }
  else
    {
      gboolean stacked = self->kind == TANDEM_CHART_STACKED_BARS;
      double group = slot * (n_series > 1 && !stacked ? 0.8 : 0.64);
      double bar = stacked || n_series == 1 ? group : group / n_series;

      group = MIN (group, stacked || n_series == 1 ? 64 : 28.0 * n_series);
      bar = stacked || n_series == 1 ? group : group / n_series;
      for (guint c = 0; c < n_categories; c++)
        {
          double base = bottom;
          double x = left + slot * c + (slot - group) / 2;

          for (guint s = 0; s < n_series; s++)
            {
              gint64 value = MAX (tandem_report_get_value (self, c, s), 0);
              double h = plot_height * value / axis_top;
              double rgba[4];
              double bx = stacked ? x : x + bar * s;

              if (value == 0)
                continue;
              series_rgba (self, s, style, rgba);
              set_source (cr, rgba, 1);
              cairo_rectangle (cr, bx + (bar > 4 && !stacked && n_series > 1 ? 0.5 : 0), base - h,
                               bar - (bar > 4 && !stacked && n_series > 1 ? 1 : 0), h);
              cairo_fill (cr);
              if (stacked)
                base -= h;
            }
        }
    }

  draw_category_labels (self, cr, layout, &plan, style);
  g_array_unref (plan.labels);
  cairo_restore (cr);
}

/* The table's rows: every category, then a total when the categories
 * add up (bars, not points in time). */
static gboolean
has_total_row (TandemReport *self)
{
  return self->category_keys->len > 1
         && (self->kind == TANDEM_CHART_BARS || self->kind == TANDEM_CHART_STACKED_BARS);
}

static guint
n_table_rows (TandemReport *self)
{
  return self->category_keys->len + (has_total_row (self) ? 1 : 0);
}

static double
chart_height (double page_height)
{
  return (page_height - 2 * PAGE_MARGIN - TITLE_HEIGHT - SUBTITLE_HEIGHT - FOOTER_HEIGHT) * CHART_SHARE;
}

/* How many table rows the first and the following pages hold */
static void
rows_per_page (double  page_height,
               guint  *first,
               guint  *others)
{
  double body = page_height - 2 * PAGE_MARGIN - FOOTER_HEIGHT;
  double first_space = body - TITLE_HEIGHT - SUBTITLE_HEIGHT - chart_height (page_height) - CHART_GAP
                       - HEADER_HEIGHT;
  double other_space = body - SUBTITLE_HEIGHT - HEADER_HEIGHT;

  *first = first_space > ROW_HEIGHT ? (guint) floor (first_space / ROW_HEIGHT) : 0;
  *others = other_space > ROW_HEIGHT ? (guint) floor (other_space / ROW_HEIGHT) : 1;
}

/* A table cell's text: the value in the report's unit, money without its
 * currency (the heading names it). */
static char *
cell_text (TandemReport *self,
           gint64        value)
{
  if (self->unit == TANDEM_UNIT_MONEY)
    return tandem_format_money (value, NULL);
  return tandem_report_format_value (self, value);
}

static void
draw_table (TandemReport           *self,
            cairo_t                *cr,
            const Box              *box,
            guint                   first_row,
            guint                   n_rows,
            const TandemChartStyle *style)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) bold = NULL;
  g_autoptr(PangoFontDescription) bold_desc = NULL;
  guint n_series = self->series_keys->len;
  /* A total beside the parts when there are parts that add up, as on the
   * page */
  gboolean total_column = n_series > 1 && tandem_report_sums_series (self);
  guint n_columns = n_series + (total_column ? 1 : 0);
  double label_width, column_width, widest = 0, widest_heading = 0, font_scale = 1.0;
  double y = box->top;

  /* Columns as wide as their headings and figures (the sums the widest),
   * the names getting at least a third; numbers keep their size as long
   * as they fit, then get smaller */
  layout = make_layout (cr, PAGE_FONT " 9", 72, 1.0);
  bold = make_layout (cr, PAGE_FONT " Bold 9", 72, 1.0);
  for (guint s = 0; s < n_columns; s++)
    {
      g_autofree char *text = NULL;
      gint64 sum = 0;
      double w;

      for (guint c = 0; c < self->category_keys->len; c++)
        sum += s < n_series ? MAX (tandem_report_get_value (self, c, s), 0)
                            : MAX (tandem_report_get_category_total (self, c), 0);
      text = cell_text (self, sum);
      layout_size (bold, text, &w, NULL);
      widest = MAX (widest, w);
      layout_size (bold, s < n_series ? g_ptr_array_index (self->series_labels, s) : _("Total"), &w, NULL);
      widest_heading = MAX (widest_heading, w);
    }
  if (n_series == 1 && self->unit == TANDEM_UNIT_MONEY)
    widest_heading += 40;  /* " (EUR)" */
  column_width = n_columns > 0 ? MAX (90, MAX (widest, widest_heading) + 12) : 0;
  column_width = MIN (column_width, n_columns > 0 ? box->width * 0.7 / n_columns : 0);
  label_width = box->width - n_columns * column_width;
  g_clear_object (&bold);
  if (widest + 6 > column_width && column_width > 0)
    {
      font_scale = MAX ((column_width - 6) / (widest + 6), 0.7);
      g_clear_object (&layout);
      layout = make_layout (cr, PAGE_FONT " 9", 72, font_scale);
    }
  bold = make_layout (cr, PAGE_FONT " Bold 9", 72, font_scale);

  /* The heading */
  set_source (cr, style->foreground, 1);
  show_text (cr, bold, self->category_title, box->left, y + 3, 0, label_width - 6);
  for (guint s = 0; s < n_columns; s++)
    {
      g_autofree char *heading = NULL;
      const char *label = s < n_series ? g_ptr_array_index (self->series_labels, s) : _("Total");

      if (self->unit == TANDEM_UNIT_MONEY && self->currency != NULL && n_series == 1 && s == 0)
        /* Translators: a column of a money report: what it shows, currency */
        label = heading = g_strdup_printf (_("%s (%s)"), label, self->currency);
      show_text (cr, bold, label, box->left + label_width + column_width * (s + 1) - 3, y + 3, 1,
                 column_width - 6);
    }
  y += HEADER_HEIGHT;
  set_source (cr, style->foreground, 0.6);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, box->left, y - 2);
  cairo_line_to (cr, box->left + box->width, y - 2);
  cairo_stroke (cr);

  for (guint r = first_row; r < first_row + n_rows && r < n_table_rows (self); r++)
    {
      gboolean total = r >= self->category_keys->len;
      PangoLayout *text_layout = total ? bold : layout;

      if (total)
        {
          set_source (cr, style->foreground, 0.6);
          cairo_move_to (cr, box->left, y);
          cairo_line_to (cr, box->left + box->width, y);
          cairo_stroke (cr);
        }
      else if ((r - first_row) % 2 == 1)
        {
          set_source (cr, style->grid, 0.5);
          cairo_rectangle (cr, box->left, y, box->width, ROW_HEIGHT);
          cairo_fill (cr);
        }
      set_source (cr, style->foreground, 1);
      show_text (cr, text_layout, total ? _("Total") : g_ptr_array_index (self->category_labels, r),
                 box->left + 2, y + 2, 0, label_width - 8);
      for (guint s = 0; s < n_columns; s++)
        {
          g_autofree char *text = NULL;
          gint64 value = 0;

          if (total)
            for (guint c = 0; c < self->category_keys->len; c++)
              value += s < n_series ? tandem_report_get_value (self, c, s)
                                    : tandem_report_get_category_total (self, c);
          else
            value = s < n_series ? tandem_report_get_value (self, r, s)
                                 : tandem_report_get_category_total (self, r);
          text = cell_text (self, value);
          show_text (cr, text_layout, text, box->left + label_width + column_width * (s + 1) - 3, y + 2, 1,
                     column_width - 4);
        }
      y += ROW_HEIGHT;
    }
}

static void
csv_field (GString    *csv,
           const char *text)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
csv_value (TandemReport *self,
           GString      *csv,
           gint64        value)
{
  if (self->unit == TANDEM_UNIT_MONEY)
    {
      guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

      g_string_append_printf (csv, "%s%" G_GUINT64_FORMAT ".%02u", value < 0 ? "-" : "",
                              magnitude / 100, (guint) (magnitude % 100));
    }
  else
    g_string_append_printf (csv, "%" G_GINT64_FORMAT, value);
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Overrides */

static void
tandem_report_finalize (GObject *object)
{
  TandemReport *self = TANDEM_REPORT (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->category_title);
  g_free (self->currency);
  g_ptr_array_unref (self->category_keys);
  g_ptr_array_unref (self->category_labels);
  g_ptr_array_unref (self->axis_labels);
  g_hash_table_unref (self->category_index);
  g_ptr_array_unref (self->series_keys);
  g_ptr_array_unref (self->series_labels);
  g_hash_table_unref (self->series_index);
  g_ptr_array_unref (self->values);

  G_OBJECT_CLASS (tandem_report_parent_class)->finalize (object);
}

static void
tandem_report_class_init (TandemReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_report_finalize;
}

static void
tandem_report_init (TandemReport *self)
{
  self->category_keys = g_ptr_array_new_with_free_func (g_free);
  self->category_labels = g_ptr_array_new_with_free_func (g_free);
  self->axis_labels = g_ptr_array_new_with_free_func (g_free);
  self->category_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->series_keys = g_ptr_array_new_with_free_func (g_free);
  self->series_labels = g_ptr_array_new_with_free_func (g_free);
  self->series_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

/* Public API */

const TandemChartStyle *
tandem_chart_style_default (void)
{
  static const TandemChartStyle style = {
    { 0.14, 0.12, 0.19, 1.0 },   /* GNOME's dark 4 */
    { 1.0, 1.0, 1.0, 0.0 },
    { 0.0, 0.0, 0.0, 0.12 },
    PAGE_FONT " 10",
    FALSE,
  };

  return &style;
}

const char *
tandem_report_type_to_string (TandemReportType type)
{
  if ((guint) type >= TANDEM_N_REPORT_TYPES)
    return NULL;
  return type_names[type];
}

gboolean
tandem_report_type_from_string (const char       *str,
                                TandemReportType *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  for (guint i = 0; str != NULL && i < TANDEM_N_REPORT_TYPES; i++)
    if (g_ascii_strcasecmp (str, type_names[i]) == 0)
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}

const char *
tandem_report_type_get_label (TandemReportType type)
{
  switch (type)
    {
    case TANDEM_REPORT_PIPELINE:
      /* Translators: the report of open sales */
      return _("Pipeline");
    case TANDEM_REPORT_FORECAST:
      /* Translators: the report of the weighted sales forecast */
      return _("Forecast");
    case TANDEM_REPORT_DEVELOPMENT:
      return _("Pipeline development");
    case TANDEM_REPORT_ACTIVITIES:
      return _("Activities");
    case TANDEM_REPORT_TIME:
      return _("Tracked time");
    case TANDEM_REPORT_TARGETS:
      return _("Sales targets");
    default:
      return NULL;
    }
}

const TandemReportBy *
tandem_report_type_get_bys (TandemReportType type)
{
  switch (type)
    {
    case TANDEM_REPORT_PIPELINE:
      return pipeline_bys;
    case TANDEM_REPORT_FORECAST:
      return forecast_bys;
    case TANDEM_REPORT_DEVELOPMENT:
      return development_bys;
    case TANDEM_REPORT_ACTIVITIES:
      return activity_bys;
    case TANDEM_REPORT_TIME:
      return time_bys;
    case TANDEM_REPORT_TARGETS:
      return target_bys;
    default:
      return target_bys + G_N_ELEMENTS (target_bys) - 1;
    }
}

const char *
tandem_report_by_get_label (TandemReportBy by)
{
  switch (by)
    {
    case TANDEM_REPORT_BY_STAGE:
      return _("By stage");
    case TANDEM_REPORT_BY_SELLER:
      return _("By seller");
    case TANDEM_REPORT_BY_PRODUCT:
      return _("By product");
    case TANDEM_REPORT_BY_MONTH:
      return _("By month");
    case TANDEM_REPORT_BY_WEEK:
      return _("By week");
    case TANDEM_REPORT_BY_CATEGORY:
      return _("By category");
    case TANDEM_REPORT_BY_KIND:
      return _("By kind");
    case TANDEM_REPORT_BY_TYPE:
      return _("By type");
    case TANDEM_REPORT_BY_USER:
      return _("By user");
    default:
      return NULL;
    }
}

GStrv
tandem_report_list_currencies (TandemStore  *store,
                               GError      **error)
{
  return tandem_store_list_sale_currencies (store, error);
}

TandemReport *
tandem_report_build (TandemStore       *store,
                     TandemReportType   type,
                     TandemReportBy     by,
                     const char        *from,
                     const char        *to,
                     const char        *currency,
                     GError           **error)
{
  g_autoptr(TandemReport) self = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *range = NULL;
  const TandemReportBy *bys;
  GDate from_date, to_date, last_date;
  gboolean offered = FALSE;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  if ((guint) type >= TANDEM_N_REPORT_TYPES)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("There is no such report"));
      return NULL;
    }
  for (bys = tandem_report_type_get_bys (type); *bys != BY_END; bys++)
    offered |= *bys == by;
  if (!offered)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   /* Translators: the report's name, the grouping asked for */
                   _("The report “%s” cannot be shown “%s”"), tandem_report_type_get_label (type),
                   tandem_report_by_get_label (by) ? tandem_report_by_get_label (by) : "?");
      return NULL;
    }
  if (!parse_day (from, &from_date) || !parse_day (to, &to_date))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("A report needs its first day and the day after its last as YYYY-MM-DD"));
      return NULL;
    }
  if (g_date_compare (&from_date, &to_date) >= 0)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The report’s range ends before it starts"));
      return NULL;
    }
  last_date = to_date;
  g_date_subtract_days (&last_date, 1);
  last_day = iso_day (&last_date);

  switch (type)
    {
    case TANDEM_REPORT_PIPELINE:
      rows = tandem_store_pipeline_report (store, by, from, to, error);
      if (rows == NULL)
        return NULL;
      self = tandem_report_new (tandem_report_type_get_label (type), TANDEM_CHART_BARS, TANDEM_UNIT_MONEY, NULL);
      self->currency = currency ? g_strdup (currency) : most_used_currency (rows);
      /* Translators: the series of the pipeline report: the open sales' value */
      tandem_report_add_series (self, "value", C_("pipeline", "Value"));
      if (by == TANDEM_REPORT_BY_MONTH)
        add_periods (self, by, &from_date, &to_date);
      add_money_rows (self, rows);
      break;

    case TANDEM_REPORT_FORECAST:
      rows = tandem_store_forecast_report (store, by, from, to, error);
      if (rows == NULL)
        return NULL;
      self = tandem_report_new (tandem_report_type_get_label (type), TANDEM_CHART_STACKED_BARS,
                                TANDEM_UNIT_MONEY, NULL);
      self->currency = currency ? g_strdup (currency) : most_used_currency (rows);
      /* Translators: a series of the forecast: sales won */
      tandem_report_add_series (self, "won", C_("forecast", "Won"));
      /* Translators: a series of the forecast: open sales, value × probability */
      tandem_report_add_series (self, "open", C_("forecast", "Open, weighted"));
      if (by == TANDEM_REPORT_BY_MONTH)
        add_periods (self, by, &from_date, &to_date);
      for (guint i = 0; i < rows->len; i++)
        {
          TandemReportRow *row = g_ptr_array_index (rows, i);
          gboolean won = g_strcmp0 (tandem_report_row_get_series_key (row), "won") == 0;
          guint category;

          if (!row_in_currency (row, self->currency))
            continue;
          category = tandem_report_add_category (self, tandem_report_row_get_key (row),
                                                 tandem_report_row_get_label (row));
          tandem_report_set_value (self, category, won ? 0 : 1,
                                   tandem_report_get_value (self, category, won ? 0 : 1)
                                   + (won ? tandem_report_row_get_value (row)
                                          : tandem_report_row_get_weighted (row)));
        }
      break;

    case TANDEM_REPORT_DEVELOPMENT:
      rows = tandem_store_pipeline_history (store, from, last_day, error);
      if (rows == NULL)
        return NULL;
      self = tandem_report_new (tandem_report_type_get_label (type), TANDEM_CHART_LINES,
                                TANDEM_UNIT_MONEY, NULL);
      self->currency = currency ? g_strdup (currency) : most_used_currency (rows);
      add_month_ends (self, &from_date, &last_date);
      for (guint i = 0; i < rows->len; i++)
        {
          TandemReportRow *row = g_ptr_array_index (rows, i);
          guint category, series;

          if (!row_in_currency (row, self->currency))
            continue;
          category = tandem_report_add_category (self, tandem_report_row_get_key (row), NULL);
          series = tandem_report_add_series (self, tandem_report_row_get_series_key (row),
                                             tandem_report_row_get_series_label (row));
          tandem_report_set_value (self, category, series,
                                   tandem_report_get_value (self, category, series)
                                   + tandem_report_row_get_value (row));
        }
      break;

    case TANDEM_REPORT_ACTIVITIES:
      rows = tandem_store_activity_report (store, by, from, to, error);
      if (rows == NULL)
        return NULL;
      self = tandem_report_new (tandem_report_type_get_label (type), TANDEM_CHART_STACKED_BARS,
                                TANDEM_UNIT_COUNT, NULL);
      tandem_report_add_series (self, "planned", C_("activities", "Planned"));
      tandem_report_add_series (self, "completed", C_("activities", "Completed"));
      tandem_report_add_series (self, "cancelled", C_("activities", "Cancelled"));
      if (is_time_by (by))
        add_periods (self, by, &from_date, &to_date);
      for (guint i = 0; i < rows->len; i++)
        {
          TandemReportRow *row = g_ptr_array_index (rows, i);
          guint category = tandem_report_add_category (self, tandem_report_row_get_key (row),
                                                       tandem_report_row_get_label (row));
          guint series = tandem_report_add_series (self, tandem_report_row_get_series_key (row),
                                                   tandem_report_row_get_series_label (row));

          tandem_report_set_value (self, category, series,
                                   tandem_report_get_value (self, category, series)
                                   + tandem_report_row_get_value (row));
        }
      break;

    case TANDEM_REPORT_TIME:
      {
        g_autoptr(GDateTime) start = g_date_time_new_local (g_date_get_year (&from_date),
                                                            g_date_get_month (&from_date),
                                                            g_date_get_day (&from_date), 0, 0, 0);
        g_autoptr(GDateTime) end = g_date_time_new_local (g_date_get_year (&to_date),
                                                          g_date_get_month (&to_date),
                                                          g_date_get_day (&to_date), 0, 0, 0);

        rows = tandem_store_time_report (store, time_by (by), start, end, error);
        if (rows == NULL)
          return NULL;
        self = tandem_report_new (tandem_report_type_get_label (type), TANDEM_CHART_BARS,
                                  TANDEM_UNIT_SECONDS, NULL);
        tandem_report_add_series (self, "time", _("Tracked time"));
        if (is_time_by (by))
          add_periods (self, by, &from_date, &to_date);
        for (guint i = 0; i < rows->len; i++)
          {
            TandemReportRow *row = g_ptr_array_index (rows, i);
            guint category = tandem_report_add_category (self, tandem_report_row_get_key (row),
                                                         tandem_report_row_get_label (row));

            tandem_report_set_value (self, category, 0,
                                     tandem_report_get_value (self, category, 0)
                                     + tandem_report_row_get_value (row));
          }
      }
      break;

    case TANDEM_REPORT_TARGETS:
    default:
      rows = tandem_store_target_report (store, from, to, error);
      if (rows == NULL)
        return NULL;
      self = tandem_report_new (tandem_report_type_get_label (type), TANDEM_CHART_GROUPED_BARS,
                                TANDEM_UNIT_COUNT, NULL);
      /* Translators: a series of the sales targets report */
      tandem_report_add_series (self, "target", C_("sales target", "Target"));
      /* Translators: a series of the sales targets report: completed activities */
      tandem_report_add_series (self, "done", C_("sales target", "Done"));
      for (guint i = 0; i < rows->len; i++)
        {
          TandemReportRow *row = g_ptr_array_index (rows, i);
          g_autofree char *key = g_strdup_printf ("%s:%s", tandem_report_row_get_key (row),
                                                  tandem_report_row_get_series_key (row));
          /* Translators: a bar pair of the sales targets report: seller, activity category */
          g_autofree char *label = g_strdup_printf (_("%s: %s"), tandem_report_row_get_label (row),
                                                    tandem_report_row_get_series_label (row));
          guint category = tandem_report_add_category (self, key, label);

          tandem_report_set_value (self, category, 0, MAX (tandem_report_row_get_target (row), 0));
          tandem_report_set_value (self, category, 1, tandem_report_row_get_value (row));
        }
      break;
    }

  self->category_title = g_strdup (category_title (type, by));
  /* Translators: a date in a report's range, "1 Nov 2026" */
  first = format_day (&from_date, _("%-d %b %Y"));
  last = format_day (&last_date, _("%-d %b %Y"));
  /* Translators: a report's range of days, first – last */
  range = g_strdup_printf (_("%s – %s"), first, last);
  if (self->unit == TANDEM_UNIT_MONEY && self->currency != NULL)
    /* Translators: a report's subtitle: its grouping, range and currency */
    self->subtitle = g_strdup_printf (_("%s · %s · %s"), tandem_report_by_get_label (by), range, self->currency);
  else
    /* Translators: a report's subtitle: its grouping and range */
    self->subtitle = g_strdup_printf (_("%s · %s"), tandem_report_by_get_label (by), range);
  return g_steal_pointer (&self);
}

TandemReport *
tandem_report_new (const char      *title,
                   TandemChartKind  kind,
                   TandemUnit       unit,
                   const char      *currency)
{
  TandemReport *self = g_object_new (TANDEM_TYPE_REPORT, NULL);

  self->title = g_strdup (title ? title : "");
  self->kind = kind;
  self->unit = unit;
  self->currency = g_strdup (currency);
  self->category_title = g_strdup (C_("report column", "Category"));
  return self;
}

void
tandem_report_set_subtitle (TandemReport *self,
                            const char   *subtitle)
{
  g_return_if_fail (TANDEM_IS_REPORT (self));

  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
}

void
tandem_report_set_category_axis_label (TandemReport *self,
                                       guint         category,
                                       const char   *label)
{
  g_return_if_fail (TANDEM_IS_REPORT (self));
  g_return_if_fail (category < self->category_keys->len);

  g_free (g_ptr_array_index (self->axis_labels, category));
  g_ptr_array_index (self->axis_labels, category) = g_strdup (label);
}

const char *
tandem_report_get_category_axis_label (TandemReport *self,
                                       guint         category)
{
  const char *label;

  g_return_val_if_fail (TANDEM_IS_REPORT (self), NULL);
  g_return_val_if_fail (category < self->category_keys->len, NULL);

  label = g_ptr_array_index (self->axis_labels, category);
  return label ? label : g_ptr_array_index (self->category_labels, category);
}

void
tandem_report_set_category_title (TandemReport *self,
                                  const char   *title)
{
  g_return_if_fail (TANDEM_IS_REPORT (self));

  g_free (self->category_title);
  self->category_title = g_strdup (title ? title : "");
}

const char *
tandem_report_get_category_title (TandemReport *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT (self), NULL);

  return self->category_title;
}

guint
tandem_report_add_category (TandemReport *self,
                            const char   *key,
                            const char   *label)
{
  gpointer index;
  GArray *row;

  g_return_val_if_fail (TANDEM_IS_REPORT (self), 0);

  if (key == NULL)
    key = "";
  index = g_hash_table_lookup (self->category_index, key);
  if (index != NULL)
    return GPOINTER_TO_UINT (index) - 1;

  g_ptr_array_add (self->category_keys, g_strdup (key));
  g_ptr_array_add (self->category_labels, g_strdup (label ? label : key));
  g_ptr_array_add (self->axis_labels, NULL);
  g_hash_table_insert (self->category_index, g_ptr_array_index (self->category_keys, self->category_keys->len - 1),
                       GUINT_TO_POINTER (self->category_keys->len));
  row = g_array_sized_new (FALSE, TRUE, sizeof (gint64), self->series_keys->len);
  g_array_set_size (row, self->series_keys->len);
  g_ptr_array_add (self->values, row);
  return self->category_keys->len - 1;
}

guint
tandem_report_add_series (TandemReport *self,
                          const char   *key,
                          const char   *label)
{
  gpointer index;

  g_return_val_if_fail (TANDEM_IS_REPORT (self), 0);

  if (key == NULL)
    key = "";
  index = g_hash_table_lookup (self->series_index, key);
  if (index != NULL)
    return GPOINTER_TO_UINT (index) - 1;

  g_ptr_array_add (self->series_keys, g_strdup (key));
  g_ptr_array_add (self->series_labels, g_strdup (label ? label : key));
  g_hash_table_insert (self->series_index, g_ptr_array_index (self->series_keys, self->series_keys->len - 1),
                       GUINT_TO_POINTER (self->series_keys->len));
  return self->series_keys->len - 1;
}

void
tandem_report_set_value (TandemReport *self,
                         guint         category,
                         guint         series,
                         gint64        value)
{
  g_return_if_fail (TANDEM_IS_REPORT (self));
  g_return_if_fail (category < self->category_keys->len);
  g_return_if_fail (series < self->series_keys->len);

  *value_slot (self, category, series) = value;
}

const char *
tandem_report_get_title (TandemReport *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT (self), NULL);

  return self->title;
}

const char *
tandem_report_get_subtitle (TandemReport *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT (self), NULL);

  return self->subtitle;
}

TandemChartKind
tandem_report_get_chart_kind (TandemReport *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT (self), TANDEM_CHART_BARS);

  return self->kind;
}

TandemUnit
tandem_report_get_unit (TandemReport *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT (self), TANDEM_UNIT_COUNT);

  return self->unit;
}

const char *
tandem_report_get_currency (TandemReport *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT (self), NULL);

  return self->currency;
}

guint
tandem_report_get_n_categories (TandemReport *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT (self), 0);

  return self->category_keys->len;
}

const char *
tandem_report_get_category_key (TandemReport *self,
                                guint         category)
{
  g_return_val_if_fail (TANDEM_IS_REPORT (self), NULL);
  g_return_val_if_fail (category < self->category_keys->len, NULL);

  return g_ptr_array_index (self->category_keys, category);
}

const char *
tandem_report_get_category_label (TandemReport *self,
                                  guint         category)
{
  g_return_val_if_fail (TANDEM_IS_REPORT (self), NULL);
  g_return_val_if_fail (category < self->category_keys->len, NULL);

  return g_ptr_array_index (self->category_labels, category);
}

guint
tandem_report_get_n_series (TandemReport *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT (self), 0);

  return self->series_keys->len;
}

const char *
tandem_report_get_series_key (TandemReport *self,
                              guint         series)
{
  g_return_val_if_fail (TANDEM_IS_REPORT (self), NULL);
  g_return_val_if_fail (series < self->series_keys->len, NULL);

  return g_ptr_array_index (self->series_keys, series);
}

const char *
tandem_report_get_series_label (TandemReport *self,
                                guint         series)
{
  g_return_val_if_fail (TANDEM_IS_REPORT (self), NULL);
  g_return_val_if_fail (series < self->series_keys->len, NULL);

  return g_ptr_array_index (self->series_labels, series);
}

gint64
tandem_report_get_value (TandemReport *self,
                         guint         category,
                         guint         series)
{
  GArray *row;

  g_return_val_if_fail (TANDEM_IS_REPORT (self), 0);
  g_return_val_if_fail (category < self->category_keys->len, 0);
  g_return_val_if_fail (series < self->series_keys->len, 0);

  row = g_ptr_array_index (self->values, category);
  return series < row->len ? g_array_index (row, gint64, series) : 0;
}

gint64
tandem_report_get_category_total (TandemReport *self,
                                  guint         category)
{
  gint64 total = 0;

  g_return_val_if_fail (TANDEM_IS_REPORT (self), 0);
  g_return_val_if_fail (category < self->category_keys->len, 0);

  for (guint s = 0; s < self->series_keys->len; s++)
    total += tandem_report_get_value (self, category, s);
  return total;
}

gint64
tandem_report_get_total (TandemReport *self)
{
  gint64 total = 0;

  g_return_val_if_fail (TANDEM_IS_REPORT (self), 0);

  for (guint c = 0; c < self->category_keys->len; c++)
    total += tandem_report_get_category_total (self, c);
  return total;
}

gboolean
tandem_report_sums_series (TandemReport *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT (self), FALSE);

  return self->kind != TANDEM_CHART_GROUPED_BARS;
}

char *
tandem_report_format_value (TandemReport *self,
                            gint64        value)
{
  g_return_val_if_fail (TANDEM_IS_REPORT (self), NULL);

  switch (self->unit)
    {
    case TANDEM_UNIT_MONEY:
      return tandem_format_money (value, self->currency);
    case TANDEM_UNIT_SECONDS:
      return format_duration (value);
    case TANDEM_UNIT_COUNT:
    default:
      return format_count (value);
    }
}

char *
tandem_report_to_csv (TandemReport *self)
{
  GString *csv = g_string_new (NULL);
  gboolean total = tandem_report_sums_series (self);

  g_return_val_if_fail (TANDEM_IS_REPORT (self), NULL);

  csv_field (csv, self->category_title);
  for (guint s = 0; s < self->series_keys->len; s++)
    {
      g_string_append_c (csv, ',');
      csv_field (csv, g_ptr_array_index (self->series_labels, s));
    }
  if (total)
    {
      g_string_append_c (csv, ',');
      csv_field (csv, _("Total"));
    }
  g_string_append (csv, "\r\n");

  for (guint c = 0; c < self->category_keys->len; c++)
    {
      csv_field (csv, g_ptr_array_index (self->category_labels, c));
      for (guint s = 0; s < self->series_keys->len; s++)
        {
          g_string_append_c (csv, ',');
          csv_value (self, csv, tandem_report_get_value (self, c, s));
        }
      if (total)
        {
          g_string_append_c (csv, ',');
          csv_value (self, csv, tandem_report_get_category_total (self, c));
        }
      g_string_append (csv, "\r\n");
    }
  return g_string_free (csv, FALSE);
}

void
tandem_report_draw_chart (TandemReport           *self,
                          cairo_t                *cr,
                          double                  width,
                          double                  height,
                          const TandemChartStyle *style)
{
  Box box = { 0, 0, width, height };

  g_return_if_fail (TANDEM_IS_REPORT (self));
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    style = tandem_chart_style_default ();
  if (width < 1 || height < 1)
    return;
  draw_chart_in_box (self, cr, &box, style, 0);
}

GStrv
tandem_report_get_tick_labels (TandemReport *self)
{
  g_autoptr(GStrvBuilder) ticks = g_strv_builder_new ();
  Axis axis;

  g_return_val_if_fail (TANDEM_IS_REPORT (self), NULL);

  value_axis (self, &axis);
  for (guint t = 0; t <= axis.n_ticks; t++)
    {
      g_autofree char *tick = format_tick (self, &axis, t);

      g_strv_builder_add (ticks, tick);
    }
  return g_strv_builder_end (ticks);
}

GArray *
tandem_report_get_category_label_boxes (TandemReport           *self,
                                        double                  width,
                                        double                  height,
                                        const TandemChartStyle *style)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoLayout *layout;
  Box box = { 0, 0, width, height };
  Plan plan;

  g_return_val_if_fail (TANDEM_IS_REPORT (self), NULL);

  if (style == NULL)
    style = tandem_chart_style_default ();
  if (is_empty (self) || width < 1 || height < 1)
    return g_array_new (FALSE, TRUE, sizeof (TandemChartLabel));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  layout = make_layout (cr, style->font, 0, 1.0);
  if (!plan_chart (self, layout, &box, &plan))
    g_array_set_size (plan.labels, 0);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return plan.labels;
}

guint
tandem_report_get_n_pages (TandemReport *self,
                           double        page_width,
                           double        page_height)
{
  guint first, others, rows;

  g_return_val_if_fail (TANDEM_IS_REPORT (self), 1);

  rows_per_page (page_height, &first, &others);
  rows = n_table_rows (self);
  if (rows <= first)
    return 1;
  return 1 + (rows - first + others - 1) / others;
}

void
tandem_report_draw_page (TandemReport *self,
                         cairo_t      *cr,
                         guint         page,
                         double        page_width,
                         double        page_height)
{
  const TandemChartStyle *style = tandem_chart_style_default ();
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) text = NULL;
  g_autofree char *footer = NULL;
  guint first, others, n_pages, first_row, n_rows;
  double width = page_width - 2 * PAGE_MARGIN;
  double y = PAGE_MARGIN;

  g_return_if_fail (TANDEM_IS_REPORT (self));
  g_return_if_fail (cr != NULL);

  rows_per_page (page_height, &first, &others);
  n_pages = tandem_report_get_n_pages (self, page_width, page_height);
  if (page >= n_pages)
    return;

  cairo_save (cr);
  title = make_layout (cr, PAGE_FONT " Bold 16", 72, 1.0);
  text = make_layout (cr, PAGE_FONT " 10", 72, 1.0);
  set_source (cr, style->foreground, 1);

  if (page == 0)
    {
      Box chart = { PAGE_MARGIN, 0, width, chart_height (page_height) };

      show_text (cr, title, self->title, PAGE_MARGIN, y, 0, width);
      y += TITLE_HEIGHT;
      set_source (cr, style->foreground, 0.7);
      show_text (cr, text, self->subtitle ? self->subtitle : "", PAGE_MARGIN, y, 0, width);
      y += SUBTITLE_HEIGHT;
      chart.top = y;
      draw_chart_in_box (self, cr, &chart, style, 72);
      y += chart.height + CHART_GAP;
      first_row = 0;
      n_rows = first;
    }
  else
    {
      g_autofree char *heading = NULL;

      /* Translators: the heading of a report's following pages */
      heading = g_strdup_printf (_("%s (continued)"), self->title);
      set_source (cr, style->foreground, 0.7);
      show_text (cr, text, heading, PAGE_MARGIN, y, 0, width);
      y += SUBTITLE_HEIGHT;
      first_row = first + (page - 1) * others;
      n_rows = others;
    }

  {
    Box table = { PAGE_MARGIN, y, width, page_height - PAGE_MARGIN - FOOTER_HEIGHT - y };

    draw_table (self, cr, &table, first_row, n_rows, style);
  }

  /* Translators: a report page's footer: page number, number of pages */
  footer = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  set_source (cr, style->foreground, 0.6);
  show_text (cr, text, footer, page_width - PAGE_MARGIN, page_height - PAGE_MARGIN - FOOTER_HEIGHT / 2,
             1, 0);
  cairo_restore (cr);
}

gboolean
tandem_report_write_pdf (TandemReport  *self,
                         const char    *path,
                         GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (TANDEM_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tandem");
  cr = cairo_create (surface);
  n_pages = tandem_report_get_n_pages (self, PAGE_WIDTH, PAGE_HEIGHT);
  for (guint page = 0; page < n_pages; page++)
    {
      tandem_report_draw_page (self, cr, page, PAGE_WIDTH, PAGE_HEIGHT);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF could not be made: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  /* Written whole or not at all: a failed export leaves an older file as
   * it was. */
  if (!g_file_set_contents (path, (const char *) bytes->data, bytes->len, error))
    return FALSE;
  return TRUE;
}
