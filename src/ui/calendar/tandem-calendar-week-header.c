/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCalendarWeekHeader"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-calendar-event.h"
#include "tandem-calendar-time-grid.h"
#include "tandem-calendar-user.h"
#include "tandem-calendar-week-header.h"

#define MIN_COLUMN_WIDTH 20
#define NAT_COLUMN_WIDTH 110
#define ROW_SPACING      2
#define MAX_ROWS         64

typedef struct
{
  GtkWidget *widget;
  guint      first;   /* columns */
  guint      last;
  guint      row;
} Item;

struct _TandemCalendarWeekHeader
{
  GtkWidget parent_instance;

  GDateTime *first_day;
  guint      n_days;
  guint      n_users;
  GPtrArray *day_labels;    /* GtkWidget, one per day */
  GPtrArray *user_labels;   /* GtkWidget, one per column when several users */
  GtkWidget *all_day_label;
  GArray    *items;         /* Item */
  guint      n_rows;
};

G_DEFINE_FINAL_TYPE (TandemCalendarWeekHeader, tandem_calendar_week_header, GTK_TYPE_WIDGET)

static guint
n_columns (TandemCalendarWeekHeader *self)
{
  return self->n_days * self->n_users;
}

static void
clear (TandemCalendarWeekHeader *self)
{
  for (guint i = 0; i < self->items->len; i++)
    gtk_widget_unparent (g_array_index (self->items, Item, i).widget);
  g_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->day_labels, 0);
  g_ptr_array_set_size (self->user_labels, 0);
  self->n_rows = 0;
}

static void
on_day_released_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkWidget       *label)
{
  GDateTime *day = g_object_get_data (G_OBJECT (label), "day");

  gtk_widget_activate_action (label, "calendar.show-day", "x", g_date_time_to_unix (day));
}

static GtkWidget *
new_day_label (TandemCalendarWeekHeader *self,
               GDateTime                *day,
               gboolean                  today)
{
  /* Translators: a day above the week's columns, see g_date_time_format(). */
  g_autofree char *text = g_date_time_format (day, C_("calendar week header", "%a %-d"));
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "day-label");
  if (today)
    gtk_widget_add_css_class (label, "today");

  if (self->n_days > 1)
    {
      GtkGesture *click = gtk_gesture_click_new ();
      g_autofree char *tooltip = NULL;

      g_object_set_data_full (G_OBJECT (label), "day", g_date_time_ref (day),
                              (GDestroyNotify) g_date_time_unref);
      g_signal_connect (click, "released", G_CALLBACK (on_day_released_cb), label);
      gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
      gtk_widget_set_cursor_from_name (label, "pointer");
      /* Translators: tooltip of a day in the week view, see g_date_time_format(). */
      tooltip = g_date_time_format (day, C_("calendar week header tooltip", "Show %A, %-d %B"));
      gtk_widget_set_tooltip_text (label, tooltip);
    }
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return label;
}

static GtkWidget *
new_user_label (TandemCalendarWeekHeader *self,
                const TandemCalendarUser *user)
{
  g_autofree char *color = g_strdup_printf ("color-%u", user->color);
  /* A day holds one narrow column per user in the week: initials there,
   * the whole name when the day has the width. */
  GtkWidget *label = gtk_label_new (self->n_days > 1 ? user->initials : user->name);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "user-label");
  gtk_widget_add_css_class (label, color);
  gtk_widget_set_tooltip_text (label, user->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, user->name, -1);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return label;
}

static void
add_item (TandemCalendarWeekHeader *self,
          TandemOccurrence         *occurrence,
          const TandemCalendarUser *user,
          guint                     first,
          guint                     last)
{
  Item item = { 0 };

  item.first = first;
  item.last = last;
  item.widget = tandem_calendar_event_new (occurrence, TANDEM_CALENDAR_EVENT_ALL_DAY,
                                           user, self->n_users > 1);
  gtk_widget_set_parent (item.widget, GTK_WIDGET (self));
  g_array_append_val (self->items, item);
}

static void
add_occurrence (TandemCalendarWeekHeader *self,
                TandemOccurrence         *occurrence,
                guint                     user_index,
                const TandemCalendarUser *user)
{
  gint64 start = tandem_occurrence_get_start (occurrence);
  gint64 end = MAX (tandem_occurrence_get_end (occurrence), start + 1);
  int first = -1, last = -1;

  for (guint day = 0; day < self->n_days; day++)
    {
      g_autoptr(GDateTime) day_start = g_date_time_add_days (self->first_day, day);
      g_autoptr(GDateTime) day_end = g_date_time_add_days (day_start, 1);

      if (start >= g_date_time_to_unix (day_end) || end <= g_date_time_to_unix (day_start))
        continue;
      if (first < 0)
        first = day;
      last = day;
      /* With several users a day's columns are not side by side with the
       * next day's of the same user: one piece per day. */
      if (self->n_users > 1)
        {
          guint column = day * self->n_users + user_index;

          add_item (self, occurrence, user, column, column);
        }
    }
  if (self->n_users == 1 && first >= 0)
    add_item (self, occurrence, user, first, last);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return (int) (y->last - y->first) - (int) (x->last - x->first);
}

/* Each item takes the first row free in all the columns it spans. */
static void
assign_rows (TandemCalendarWeekHeader *self)
{
  g_autofree guint64 *used = g_new0 (guint64, MAX (n_columns (self), 1));

  g_array_sort (self->items, compare_items);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      guint row;

      for (row = 0; row < MAX_ROWS - 1; row++)
        {
          gboolean free = TRUE;

          for (guint c = item->first; c <= item->last && free; c++)
            free = (used[c] & (G_GUINT64_CONSTANT (1) << row)) == 0;
          if (free)
            break;
        }
      for (guint c = item->first; c <= item->last; c++)
        used[c] |= G_GUINT64_CONSTANT (1) << row;
      item->row = row;
      self->n_rows = MAX (self->n_rows, row + 1);
    }
}

static int
natural_height (GtkWidget *widget)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static int
max_natural_height (GPtrArray *widgets)
{
  int height = 0;

  for (guint i = 0; i < widgets->len; i++)
    height = MAX (height, natural_height (g_ptr_array_index (widgets, i)));
  return height;
}

static int
row_height (TandemCalendarWeekHeader *self)
{
  int height = 0;

  for (guint i = 0; i < self->items->len; i++)
    height = MAX (height, natural_height (g_array_index (self->items, Item, i).widget));
  return height + ROW_SPACING;
}

static void
allocate_child (GtkWidget *child,
                int        x,
                int        y,
                int        width,
                int        height)
{
  int min_width;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, MAX (width, min_width), height }, -1);
}

static void
tandem_calendar_week_header_measure (GtkWidget      *widget,
                                     GtkOrientation  orientation,
                                     int             for_size,
                                     int            *minimum,
                                     int            *natural,
                                     int            *minimum_baseline,
                                     int            *natural_baseline)
{
  TandemCalendarWeekHeader *self = TANDEM_CALENDAR_WEEK_HEADER (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = TANDEM_CALENDAR_GUTTER_WIDTH + n_columns (self) * MIN_COLUMN_WIDTH;
      *natural = TANDEM_CALENDAR_GUTTER_WIDTH + n_columns (self) * NAT_COLUMN_WIDTH;
      return;
    }

  *minimum = max_natural_height (self->day_labels) + max_natural_height (self->user_labels);
  if (self->n_rows > 0)
    *minimum += self->n_rows * row_height (self) + ROW_SPACING;
  *natural = *minimum;
}

static void
tandem_calendar_week_header_size_allocate (GtkWidget *widget,
                                           int        width,
                                           int        height,
                                           int        baseline)
{
  TandemCalendarWeekHeader *self = TANDEM_CALENDAR_WEEK_HEADER (widget);
  guint columns = n_columns (self);
  int day_height = max_natural_height (self->day_labels);
  int user_height = max_natural_height (self->user_labels);
  int rows_top = day_height + user_height + ROW_SPACING;
  int row_h = row_height (self);

  for (guint day = 0; day < self->day_labels->len; day++)
    {
      int x = tandem_calendar_column_x (width, day * self->n_users, columns);
      int x_end = tandem_calendar_column_x (width, (day + 1) * self->n_users, columns);

      allocate_child (g_ptr_array_index (self->day_labels, day), x, 0, x_end - x, day_height);
    }

  for (guint c = 0; c < self->user_labels->len; c++)
    {
      int x = tandem_calendar_column_x (width, c, columns);
      int x_end = tandem_calendar_column_x (width, c + 1, columns);

      allocate_child (g_ptr_array_index (self->user_labels, c), x + 1, day_height, x_end - x - 2, user_height);
    }

  gtk_widget_set_child_visible (self->all_day_label, self->n_rows > 0);
  if (self->n_rows > 0)
    {
      int label_width;

      gtk_widget_measure (self->all_day_label, GTK_ORIENTATION_HORIZONTAL, -1, &label_width, NULL, NULL, NULL);
      allocate_child (self->all_day_label, 0, rows_top,
                      MAX (TANDEM_CALENDAR_GUTTER_WIDTH - 6, label_width), row_h - ROW_SPACING);
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      int x = tandem_calendar_column_x (width, item->first, columns);
      int x_end = tandem_calendar_column_x (width, item->last + 1, columns);

      allocate_child (item->widget, x + 1, rows_top + item->row * row_h,
                      MAX (x_end - x - 2, 1), row_h - ROW_SPACING);
    }
}

static void
tandem_calendar_week_header_dispose (GObject *object)
{
  TandemCalendarWeekHeader *self = TANDEM_CALENDAR_WEEK_HEADER (object);

  if (self->items)
    clear (self);
  g_clear_pointer (&self->all_day_label, gtk_widget_unparent);

  G_OBJECT_CLASS (tandem_calendar_week_header_parent_class)->dispose (object);
}

static void
tandem_calendar_week_header_finalize (GObject *object)
{
  TandemCalendarWeekHeader *self = TANDEM_CALENDAR_WEEK_HEADER (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->day_labels, g_ptr_array_unref);
  g_clear_pointer (&self->user_labels, g_ptr_array_unref);
  g_clear_pointer (&self->first_day, g_date_time_unref);

  G_OBJECT_CLASS (tandem_calendar_week_header_parent_class)->finalize (object);
}

static void
tandem_calendar_week_header_class_init (TandemCalendarWeekHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_calendar_week_header_dispose;
  object_class->finalize = tandem_calendar_week_header_finalize;
  widget_class->measure = tandem_calendar_week_header_measure;
  widget_class->size_allocate = tandem_calendar_week_header_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "calendar-week-header");
}

static void
tandem_calendar_week_header_init (TandemCalendarWeekHeader *self)
{
  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  self->day_labels = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_widget_unparent);
  self->user_labels = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_widget_unparent);
  self->n_users = 1;

  self->all_day_label = gtk_label_new (_("All day"));
  gtk_label_set_xalign (GTK_LABEL (self->all_day_label), 1.0);
  gtk_label_set_wrap (GTK_LABEL (self->all_day_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->all_day_label), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (self->all_day_label, "all-day-label");
  gtk_widget_set_parent (self->all_day_label, GTK_WIDGET (self));
}

GtkWidget *
tandem_calendar_week_header_new (void)
{
  return g_object_new (TANDEM_TYPE_CALENDAR_WEEK_HEADER, NULL);
}

void
tandem_calendar_week_header_set_data (TandemCalendarWeekHeader *self,
                                      GDateTime                *first_day,
                                      guint                     n_days,
                                      GPtrArray                *users,
                                      GPtrArray                *models)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (TANDEM_IS_CALENDAR_WEEK_HEADER (self));
  g_return_if_fail (first_day != NULL);
  g_return_if_fail (users != NULL && models != NULL && users->len == models->len);

  clear (self);
  g_clear_pointer (&self->first_day, g_date_time_unref);
  self->first_day = g_date_time_ref (first_day);
  self->n_days = MAX (n_days, 1);
  self->n_users = MAX (users->len, 1);

  for (guint day = 0; day < self->n_days; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (first_day, day);
      gboolean today = g_date_time_get_year (date) == g_date_time_get_year (now) &&
                       g_date_time_get_day_of_year (date) == g_date_time_get_day_of_year (now);

      g_ptr_array_add (self->day_labels, new_day_label (self, date, today));
      for (guint u = 0; users->len > 1 && u < users->len; u++)
        g_ptr_array_add (self->user_labels, new_user_label (self, g_ptr_array_index (users, u)));
    }

  for (guint u = 0; u < users->len; u++)
    {
      GListModel *model = g_ptr_array_index (models, u);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(TandemOccurrence) occurrence = g_list_model_get_item (model, i);

          if (!tandem_calendar_time_grid_shows (occurrence) &&
              !tandem_occurrence_get_open_ended (occurrence))
            add_occurrence (self, occurrence, u, g_ptr_array_index (users, u));
        }
    }
  assign_rows (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
