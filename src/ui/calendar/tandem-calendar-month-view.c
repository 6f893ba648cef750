/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCalendarMonthView"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-calendar-month-cell.h"
#include "tandem-calendar-month-view.h"
#include "tandem-calendar-user.h"

#define N_WEEKS 6

typedef struct
{
  TandemOccurrence *occurrence;
  guint             user_index;
} Entry;

struct _TandemCalendarMonthView
{
  GtkWidget parent_instance;

  GtkWidget *weekday_labels[7];
  GtkWidget *cells[TANDEM_CALENDAR_MONTH_DAYS];
};

G_DEFINE_FINAL_TYPE (TandemCalendarMonthView, tandem_calendar_month_view, GTK_TYPE_WIDGET)

static gboolean
long_entry (const Entry *entry)
{
  return tandem_occurrence_get_all_day (entry->occurrence) ||
         tandem_occurrence_get_end (entry->occurrence) - tandem_occurrence_get_start (entry->occurrence) >= 24 * 60 * 60;
}

/* All-day and longer ones first (as the week's strip), then by start, then
 * in the order of the users. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;
  gint64 x_start = tandem_occurrence_get_start (x->occurrence);
  gint64 y_start = tandem_occurrence_get_start (y->occurrence);

  if (long_entry (x) != long_entry (y))
    return long_entry (x) ? -1 : 1;
  if (x_start != y_start)
    return x_start < y_start ? -1 : 1;
  return (int) x->user_index - (int) y->user_index;
}

static int
edge (int   size,
      guint index,
      guint count)
{
  return (int) ((double) size * index / count + 0.5);
}

static void
tandem_calendar_month_view_measure (GtkWidget      *widget,
                                    GtkOrientation  orientation,
                                    int             for_size,
                                    int            *minimum,
                                    int            *natural,
                                    int            *minimum_baseline,
                                    int            *natural_baseline)
{
  TandemCalendarMonthView *self = TANDEM_CALENDAR_MONTH_VIEW (widget);
  int header_min = 0, header_nat = 0, cell_min = 0, cell_nat = 0;

  for (guint i = 0; i < 7; i++)
    {
      int min, nat;

      gtk_widget_measure (self->weekday_labels[i], orientation, -1, &min, &nat, NULL, NULL);
      header_min = MAX (header_min, min);
      header_nat = MAX (header_nat, nat);
    }
  for (guint i = 0; i < TANDEM_CALENDAR_MONTH_DAYS; i++)
    {
      int min, nat;

      gtk_widget_measure (self->cells[i], orientation, -1, &min, &nat, NULL, NULL);
      cell_min = MAX (cell_min, min);
      cell_nat = MAX (cell_nat, nat);
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 7 * MAX (header_min, cell_min);
      *natural = 7 * MAX (header_nat, cell_nat);
    }
  else
    {
      *minimum = header_nat + N_WEEKS * cell_min;
      *natural = header_nat + N_WEEKS * cell_nat;
    }
}

static void
allocate_child (GtkWidget *child,
                int        x,
                int        y,
                int        width,
                int        height)
{
  int min_width, min_height;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
  gtk_widget_size_allocate (child,
                            &(GtkAllocation) { x, y, MAX (width, min_width), MAX (height, min_height) },
                            -1);
}

static void
tandem_calendar_month_view_size_allocate (GtkWidget *widget,
                                          int        width,
                                          int        height,
                                          int        baseline)
{
  TandemCalendarMonthView *self = TANDEM_CALENDAR_MONTH_VIEW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int header = 0;

  for (guint i = 0; i < 7; i++)
    {
      int natural;

      gtk_widget_measure (self->weekday_labels[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
      header = MAX (header, natural);
    }

  for (guint col = 0; col < 7; col++)
    {
      guint pos = rtl ? 6 - col : col;
      int x = edge (width, pos, 7);
      int x_end = edge (width, pos + 1, 7);

      allocate_child (self->weekday_labels[col], x, 0, x_end - x, header);
      for (guint row = 0; row < N_WEEKS; row++)
        {
          int y = header + edge (height - header, row, N_WEEKS);
          int y_end = header + edge (height - header, row + 1, N_WEEKS);

          allocate_child (self->cells[row * 7 + col], x, y, x_end - x, y_end - y);
        }
    }
}

static void
tandem_calendar_month_view_dispose (GObject *object)
{
  TandemCalendarMonthView *self = TANDEM_CALENDAR_MONTH_VIEW (object);

  for (guint i = 0; i < 7; i++)
    g_clear_pointer (&self->weekday_labels[i], gtk_widget_unparent);
  for (guint i = 0; i < TANDEM_CALENDAR_MONTH_DAYS; i++)
    g_clear_pointer (&self->cells[i], gtk_widget_unparent);

  G_OBJECT_CLASS (tandem_calendar_month_view_parent_class)->dispose (object);
}

static void
tandem_calendar_month_view_class_init (TandemCalendarMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_calendar_month_view_dispose;
  widget_class->measure = tandem_calendar_month_view_measure;
  widget_class->size_allocate = tandem_calendar_month_view_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "calendar-month-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tandem_calendar_month_view_init (TandemCalendarMonthView *self)
{
  for (guint i = 0; i < 7; i++)
    {
      self->weekday_labels[i] = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (self->weekday_labels[i]), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (self->weekday_labels[i], "weekday-label");
      gtk_widget_set_parent (self->weekday_labels[i], GTK_WIDGET (self));
    }
  for (guint i = 0; i < TANDEM_CALENDAR_MONTH_DAYS; i++)
    {
      self->cells[i] = tandem_calendar_month_cell_new ();
      gtk_widget_set_parent (self->cells[i], GTK_WIDGET (self));
    }
}

GtkWidget *
tandem_calendar_month_view_new (void)
{
  return g_object_new (TANDEM_TYPE_CALENDAR_MONTH_VIEW, NULL);
}

void
tandem_calendar_month_view_set_data (TandemCalendarMonthView *self,
                                     GDateTime               *first_day,
                                     int                      month,
                                     GPtrArray               *users,
                                     GPtrArray               *models)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GArray *entries[TANDEM_CALENDAR_MONTH_DAYS] = { NULL };
  gint64 day_starts[TANDEM_CALENDAR_MONTH_DAYS + 1];
  gint64 plan_user_id = 0;

  g_return_if_fail (TANDEM_IS_CALENDAR_MONTH_VIEW (self));
  g_return_if_fail (first_day != NULL);
  g_return_if_fail (users != NULL && models != NULL && users->len == models->len);

  if (users->len > 0)
    plan_user_id = ((TandemCalendarUser *) g_ptr_array_index (users, 0))->id;

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first_day, i);
      /* Translators: a weekday above the month view, see g_date_time_format(). */
      g_autofree char *name = g_date_time_format (day, C_("calendar month header", "%a"));
      g_autofree char *full = g_date_time_format (day, "%A");

      gtk_label_set_label (GTK_LABEL (self->weekday_labels[i]), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->weekday_labels[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
    }

  for (guint i = 0; i <= TANDEM_CALENDAR_MONTH_DAYS; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first_day, i);

      day_starts[i] = g_date_time_to_unix (day);
      if (i == TANDEM_CALENDAR_MONTH_DAYS)
        break;
      tandem_calendar_month_cell_set_day (TANDEM_CALENDAR_MONTH_CELL (self->cells[i]), day,
                                          g_date_time_get_month (day) != month,
                                          g_date_time_get_year (day) == g_date_time_get_year (now) &&
                                          g_date_time_get_day_of_year (day) == g_date_time_get_day_of_year (now),
                                          plan_user_id);
      entries[i] = g_array_new (FALSE, FALSE, sizeof (Entry));
    }

  for (guint u = 0; u < users->len; u++)
    {
      GListModel *model = g_ptr_array_index (models, u);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(TandemOccurrence) occurrence = g_list_model_get_item (model, i);
          gint64 start = tandem_occurrence_get_start (occurrence);
          gint64 end = tandem_occurrence_get_end (occurrence);

          if (tandem_occurrence_get_open_ended (occurrence))
            continue;
          for (guint d = 0; d < TANDEM_CALENDAR_MONTH_DAYS; d++)
            {
              gboolean in_day = end > start
                                ? start < day_starts[d + 1] && end > day_starts[d]
                                : start >= day_starts[d] && start < day_starts[d + 1];

              if (in_day)
                g_array_append_val (entries[d], ((Entry) { occurrence, u }));
            }
        }
    }

  for (guint d = 0; d < TANDEM_CALENDAR_MONTH_DAYS; d++)
    {
      g_array_sort (entries[d], compare_entries);
      for (guint i = 0; i < entries[d]->len; i++)
        {
          Entry *entry = &g_array_index (entries[d], Entry, i);

          tandem_calendar_month_cell_add (TANDEM_CALENDAR_MONTH_CELL (self->cells[d]),
                                          entry->occurrence,
                                          g_ptr_array_index (users, entry->user_index),
                                          users->len > 1);
        }
      g_array_unref (entries[d]);
    }
}
