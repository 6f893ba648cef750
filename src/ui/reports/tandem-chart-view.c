/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemChartView"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-chart-view-private.h"

/* Room a chart needs to stay readable: axis labels, a legend and bars. */
#define MIN_WIDTH   240
#define MIN_HEIGHT  280
#define NAT_WIDTH   640
#define NAT_HEIGHT  360

struct _TandemChartView
{
  GtkWidget     parent_instance;

  TandemReport *report;
  char         *summary;
  guint         n_draws;
  gboolean      drawn_dark;
  char         *drawn_font;
};

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemChartView, tandem_chart_view, GTK_TYPE_WIDGET)

static void
append_values (GString      *text,
               TandemReport *report,
               guint         category)
{
  guint n_series = tandem_report_get_n_series (report);

  if (n_series == 1)
    {
      g_autofree char *value = tandem_report_format_value (report, tandem_report_get_value (report, category, 0));

      g_string_append_printf (text, " %s", value);
      return;
    }

  g_string_append_c (text, ':');
  for (guint s = 0; s < n_series; s++)
    {
      g_autofree char *value = tandem_report_format_value (report, tandem_report_get_value (report, category, s));

      g_string_append_printf (text, s == 0 ? " %s %s" : ", %s %s",
                              tandem_report_get_series_label (report, s), value);
    }
}

/* Nothing but zeros draws as "No data" too. */
static gboolean
is_empty (TandemReport *report)
{
  for (guint c = 0; c < tandem_report_get_n_categories (report); c++)
    for (guint s = 0; s < tandem_report_get_n_series (report); s++)
      if (tandem_report_get_value (report, c, s) != 0)
        return FALSE;
  return TRUE;
}

/* The chart read out: "Pipeline, by stage: Lead 12 500,00 EUR; Offer …" */
static char *
describe_report (TandemReport *report)
{
  GString *text = g_string_new (NULL);
  const char *subtitle = tandem_report_get_subtitle (report);
  guint n_categories = tandem_report_get_n_categories (report);

  g_string_append (text, tandem_report_get_title (report));
  if (subtitle && *subtitle)
    g_string_append_printf (text, ", %s", subtitle);
  g_string_append (text, ": ");

  if (is_empty (report))
    {
      g_string_append (text, _("No data in this range"));
      return g_string_free (text, FALSE);
    }

  for (guint c = 0; c < n_categories; c++)
    {
      if (c > 0)
        g_string_append (text, "; ");
      g_string_append (text, tandem_report_get_category_label (report, c));
      append_values (text, report, c);
    }
  return g_string_free (text, FALSE);
}

static void
update_accessible (TandemChartView *self)
{
  g_clear_pointer (&self->summary, g_free);
  if (self->report == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart"), -1);
      return;
    }

  self->summary = describe_report (self->report);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tandem_report_get_title (self->report),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
on_dark_changed_cb (TandemChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tandem_chart_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NAT_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NAT_HEIGHT;
    }
}

static void
tandem_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  TandemChartView *self = TANDEM_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoFontDescription *font;
  g_autofree char *font_name = NULL;
  TandemChartStyle style = { 0 };
  GdkRGBA fg;
  cairo_t *cr;

  if (self->report == NULL || width <= 0 || height <= 0)
    return;

  /* gtk_widget_get_color () is newer than GTK 4.8. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  font_name = font ? pango_font_description_to_string (font) : NULL;

  style.foreground[0] = style.grid[0] = fg.red;
  style.foreground[1] = style.grid[1] = fg.green;
  style.foreground[2] = style.grid[2] = fg.blue;
  style.foreground[3] = fg.alpha;
  style.grid[3] = fg.alpha * 0.15;
  style.font = font_name ? font_name : tandem_chart_style_default ()->font;
  style.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tandem_report_draw_chart (self->report, cr, width, height, &style);
  cairo_destroy (cr);

  self->n_draws++;
  self->drawn_dark = style.dark;
  g_free (self->drawn_font);
  self->drawn_font = g_strdup (style.font);
}

static void
tandem_chart_view_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tandem_chart_view_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
tandem_chart_view_finalize (GObject *object)
{
  TandemChartView *self = TANDEM_CHART_VIEW (object);

  g_clear_object (&self->report);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->drawn_font, g_free);

  G_OBJECT_CLASS (tandem_chart_view_parent_class)->finalize (object);
}

static void
tandem_chart_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TandemChartView *self = TANDEM_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_chart_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TandemChartView *self = TANDEM_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      tandem_chart_view_set_report (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_chart_view_class_init (TandemChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tandem_chart_view_finalize;
  object_class->get_property = tandem_chart_view_get_property;
  object_class->set_property = tandem_chart_view_set_property;
  widget_class->measure = tandem_chart_view_measure;
  widget_class->snapshot = tandem_chart_view_snapshot;
  widget_class->css_changed = tandem_chart_view_css_changed;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, TANDEM_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tandem_chart_view_init (TandemChartView *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
  update_accessible (self);
}

GtkWidget *
tandem_chart_view_new (void)
{
  return g_object_new (TANDEM_TYPE_CHART_VIEW, NULL);
}

TandemReport *
tandem_chart_view_get_report (TandemChartView *self)
{
  g_return_val_if_fail (TANDEM_IS_CHART_VIEW (self), NULL);
  return self->report;
}

void
tandem_chart_view_set_report (TandemChartView *self,
                              TandemReport    *report)
{
  g_return_if_fail (TANDEM_IS_CHART_VIEW (self));
  g_return_if_fail (report == NULL || TANDEM_IS_REPORT (report));

  if (!g_set_object (&self->report, report))
    return;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

const char *
tandem_chart_view_get_summary (TandemChartView *self)
{
  g_return_val_if_fail (TANDEM_IS_CHART_VIEW (self), NULL);
  return self->summary;
}

guint
tandem_chart_view_get_n_draws (TandemChartView *self)
{
  g_return_val_if_fail (TANDEM_IS_CHART_VIEW (self), 0);
  return self->n_draws;
}

gboolean
tandem_chart_view_get_drawn_dark (TandemChartView *self)
{
  g_return_val_if_fail (TANDEM_IS_CHART_VIEW (self), FALSE);
  return self->drawn_dark;
}

GArray *
tandem_chart_view_get_label_boxes (TandemChartView *self)
{
  TandemChartStyle style = *tandem_chart_style_default ();

  g_return_val_if_fail (TANDEM_IS_CHART_VIEW (self), NULL);

  if (self->report == NULL || self->n_draws == 0)
    return g_array_new (FALSE, TRUE, sizeof (TandemChartLabel));
  if (self->drawn_font != NULL)
    style.font = self->drawn_font;
  return tandem_report_get_category_label_boxes (self->report, gtk_widget_get_width (GTK_WIDGET (self)),
                                                 gtk_widget_get_height (GTK_WIDGET (self)), &style);
}
