/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCalendarTimeGrid"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-calendar-event.h"
#include "tandem-calendar-time-grid.h"
#include "tandem-calendar-user.h"

#define MINUTES_PER_DAY   (24 * 60)
#define SLOT_MINUTES      30
#define PLAN_MINUTES      60
/* An event never looks shorter than this, so its title stays readable;
 * overlaps are judged on what is drawn. */
#define MIN_EVENT_MINUTES 30
#define MIN_COLUMN_WIDTH  20
#define NAT_COLUMN_WIDTH  110
/* Room left free at the right of each column to click for a new
 * activity beside existing ones. */
#define COLUMN_GAP        6

typedef struct
{
  GtkWidget *widget;
  guint      column;
  int        start;   /* minutes from midnight */
  int        end;
  guint      lane;
  guint      span;    /* lanes taken from @lane: free ones to the right */
  guint      n_lanes;
} Item;

struct _TandemCalendarTimeGrid
{
  GtkWidget parent_instance;

  GDateTime *first_day;
  guint      n_days;
  GPtrArray *users;        /* TandemCalendarUser */
  GArray    *items;        /* Item, sorted by column and start */

  GtkWidget *now_line;
  GtkWidget *hover_slot;   /* the "+" under the pointer */
  GtkWidget *focus_slot;   /* the slot Enter plans in */

  guint      slot_column;
  int        slot_minute;
  gboolean   hover_valid;
  guint      hover_column;
  int        hover_minute;
};

G_DEFINE_FINAL_TYPE (TandemCalendarTimeGrid, tandem_calendar_time_grid, GTK_TYPE_WIDGET)

static guint
n_users (TandemCalendarTimeGrid *self)
{
  return self->users ? MAX (self->users->len, 1) : 1;
}

static guint
n_columns (TandemCalendarTimeGrid *self)
{
  return self->n_days * n_users (self);
}

int
tandem_calendar_column_x (int   width,
                          guint column,
                          guint n_columns)
{
  double inner = MAX (width - TANDEM_CALENDAR_GUTTER_WIDTH, 0);

  if (n_columns == 0)
    return TANDEM_CALENDAR_GUTTER_WIDTH;
  return TANDEM_CALENDAR_GUTTER_WIDTH + (int) (inner * column / n_columns + 0.5);
}

gboolean
tandem_calendar_time_grid_shows (TandemOccurrence *occurrence)
{
  gint64 start = tandem_occurrence_get_start (occurrence);
  gint64 end = tandem_occurrence_get_end (occurrence);

  if (tandem_occurrence_get_open_ended (occurrence))
    return FALSE;
  if (tandem_occurrence_get_all_day (occurrence) && !tandem_occurrence_is_masked (occurrence))
    return FALSE;
  return end - start < 24 * 60 * 60;
}

static GDateTime *
dup_day (TandemCalendarTimeGrid *self,
         guint                   day)
{
  return g_date_time_add_days (self->first_day, day);
}

static int
minute_of_day (GDateTime *time)
{
  return g_date_time_get_hour (time) * 60 + g_date_time_get_minute (time);
}

static int
minute_y (int minute)
{
  return minute * TANDEM_CALENDAR_HOUR_HEIGHT / 60;
}

/* The columns of today, or FALSE when today is not shown. */
static gboolean
get_today_columns (TandemCalendarTimeGrid *self,
                   guint                  *first,
                   guint                  *last)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (self->first_day == NULL)
    return FALSE;
  for (guint day = 0; day < self->n_days; day++)
    {
      g_autoptr(GDateTime) date = dup_day (self, day);

      if (g_date_time_get_year (date) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (date) == g_date_time_get_day_of_year (now))
        {
          *first = day * n_users (self);
          *last = *first + n_users (self) - 1;
          return TRUE;
        }
    }
  return FALSE;
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
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, MAX (width, min_width), &min_height, NULL, NULL, NULL);
  gtk_widget_size_allocate (child,
                            &(GtkAllocation) { x, y, MAX (width, min_width), MAX (height, min_height) },
                            -1);
}

static gboolean
slot_to_time (TandemCalendarTimeGrid  *self,
              guint                    column,
              int                      minute,
              GDateTime              **start,
              gint64                  *user_id)
{
  g_autoptr(GDateTime) day = NULL;
  const TandemCalendarUser *user = NULL;

  if (self->first_day == NULL || column >= n_columns (self))
    return FALSE;
  day = dup_day (self, column / n_users (self));
  *start = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                  g_date_time_get_day_of_month (day),
                                  minute / 60, minute % 60, 0);
  if (self->users && self->users->len > 0)
    user = g_ptr_array_index (self->users, column % n_users (self));
  *user_id = user ? user->id : 0;
  return *start != NULL;
}

static void
plan_slot (TandemCalendarTimeGrid *self,
           guint                   column,
           int                     minute)
{
  g_autoptr(GDateTime) start = NULL;
  gint64 user_id;

  if (!slot_to_time (self, column, minute, &start, &user_id))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.plan", "(xxx)",
                              g_date_time_to_unix (start),
                              (gint64) PLAN_MINUTES * 60,
                              user_id);
}

/* The "+" and the focused slot say what activating them does; the
 * focused slot also tells screen readers where it is. */
static void
update_slot_text (TandemCalendarTimeGrid *self,
                  GtkWidget              *slot,
                  guint                   column,
                  int                     minute)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;
  g_autofree char *where = NULL;
  gint64 user_id;

  if (!slot_to_time (self, column, minute, &start, &user_id))
    return;
  time = tandem_calendar_format_time (start);
  /* In the past an activity can only be recorded (SPEC D16). */
  if (g_date_time_compare (start, now) < 0)
    /* Translators: tooltip of an empty slot in the past; %s is a time. */
    text = g_strdup_printf (_("Record an activity at %s"), time);
  else
    /* Translators: tooltip of an empty slot; %s is a time. */
    text = g_strdup_printf (_("Plan an activity at %s"), time);
  gtk_widget_set_tooltip_text (slot, text);

  if (slot != self->focus_slot)
    return;
  /* Translators: the day of the focused slot for screen readers, see
   * g_date_time_format(). */
  day = g_date_time_format (start, C_("calendar slot day", "%A, %-d %B"));
  if (self->users && self->users->len > 1)
    {
      const TandemCalendarUser *user = g_ptr_array_index (self->users, column % n_users (self));

      /* Translators: where the focused slot is: the tooltip text, the
       * day and whose calendar. */
      where = g_strdup_printf (C_("calendar slot with user", "%s, %s, %s"), text, day, user->name);
    }
  else
    /* Translators: where the focused slot is: the tooltip text and the day. */
    where = g_strdup_printf (C_("calendar slot", "%s, %s"), text, day);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, where, -1);
}

static gboolean
point_to_slot (TandemCalendarTimeGrid *self,
               double                  x,
               double                  y,
               guint                  *column,
               int                    *minute)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  guint columns = n_columns (self);
  int m;

  if (self->first_day == NULL || x < TANDEM_CALENDAR_GUTTER_WIDTH || y < 0 || columns == 0)
    return FALSE;
  for (guint c = 0; c < columns; c++)
    if (x < tandem_calendar_column_x (width, c + 1, columns))
      {
        *column = c;
        m = (int) (y * 60 / TANDEM_CALENDAR_HOUR_HEIGHT);
        m = m / SLOT_MINUTES * SLOT_MINUTES;
        *minute = CLAMP (m, 0, MINUTES_PER_DAY - PLAN_MINUTES);
        return TRUE;
      }
  return FALSE;
}

static GtkScrolledWindow *
get_scroller (TandemCalendarTimeGrid *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);

  return scroller ? GTK_SCROLLED_WINDOW (scroller) : NULL;
}

static void
scroll_to_show (TandemCalendarTimeGrid *self,
                double                  top,
                double                  bottom)
{
  GtkScrolledWindow *scroller = get_scroller (self);
  GtkAdjustment *adjustment;
  double value, page;

  if (scroller == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, MIN (top, bottom - page));
}

static void
scroll_to_slot (TandemCalendarTimeGrid *self)
{
  scroll_to_show (self, minute_y (self->slot_minute), minute_y (self->slot_minute + PLAN_MINUTES));
}

static void
clear_items (TandemCalendarTimeGrid *self)
{
  for (guint i = 0; i < self->items->len; i++)
    gtk_widget_unparent (g_array_index (self->items, Item, i).widget);
  g_array_set_size (self->items, 0);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* Longer first, so it takes the leftmost lane. */
  return y->end - x->end;
}

static int
visible_end (const Item *item)
{
  return MAX (item->end, item->start + MIN_EVENT_MINUTES);
}

/* Overlapping events share their column: each group of events that
 * overlap one another, directly or through others, is split into as many
 * lanes as it needs at most at once. */
static void
assign_lanes (TandemCalendarTimeGrid *self)
{
  guint i = 0;

  while (i < self->items->len)
    {
      Item *first = &g_array_index (self->items, Item, i);
      g_autoptr(GArray) lane_ends = g_array_new (FALSE, FALSE, sizeof (int));
      int group_end = visible_end (first);
      guint j = i;

      while (j < self->items->len)
        {
          Item *item = &g_array_index (self->items, Item, j);
          guint lane;

          if (item->column != first->column || (j > i && item->start >= group_end))
            break;
          for (lane = 0; lane < lane_ends->len; lane++)
            if (g_array_index (lane_ends, int, lane) <= item->start)
              break;
          if (lane == lane_ends->len)
            g_array_append_val (lane_ends, (int) { 0 });
          g_array_index (lane_ends, int, lane) = visible_end (item);
          item->lane = lane;
          group_end = MAX (group_end, visible_end (item));
          j++;
        }
      for (guint k = i; k < j; k++)
        {
          Item *item = &g_array_index (self->items, Item, k);
          guint end_lane = lane_ends->len;

          /* An event widens into the lanes to its right that nothing
           * uses during its time. */
          for (guint l = i; l < j; l++)
            {
              Item *other = &g_array_index (self->items, Item, l);

              if (other->lane > item->lane && other->lane < end_lane &&
                  other->start < visible_end (item) && item->start < visible_end (other))
                end_lane = other->lane;
            }
          item->n_lanes = lane_ends->len;
          item->span = end_lane - item->lane;
        }
      i = j;
    }
}

static void
add_occurrence (TandemCalendarTimeGrid   *self,
                TandemOccurrence         *occurrence,
                guint                     user_index,
                const TandemCalendarUser *user)
{
  gint64 start = tandem_occurrence_get_start (occurrence);
  gint64 end = MAX (tandem_occurrence_get_end (occurrence), start);

  for (guint day = 0; day < self->n_days; day++)
    {
      g_autoptr(GDateTime) day_start = dup_day (self, day);
      g_autoptr(GDateTime) day_end = g_date_time_add_days (day_start, 1);
      gint64 from = g_date_time_to_unix (day_start);
      gint64 to = g_date_time_to_unix (day_end);
      g_autoptr(GDateTime) piece_start = NULL;
      g_autoptr(GDateTime) piece_end = NULL;
      Item item = { 0 };

      if (start == end ? (start < from || start >= to) : (start >= to || end <= from))
        continue;

      piece_start = g_date_time_new_from_unix_local (MAX (start, from));
      piece_end = g_date_time_new_from_unix_local (MIN (end, to));
      item.start = start <= from ? 0 : minute_of_day (piece_start);
      item.end = end >= to ? MINUTES_PER_DAY : minute_of_day (piece_end);
      item.end = CLAMP (item.end, item.start, MINUTES_PER_DAY);
      item.start = MIN (item.start, MINUTES_PER_DAY - MIN_EVENT_MINUTES);
      item.column = day * n_users (self) + user_index;
      /* Under three quarters of an hour there is room for one line. */
      item.widget = tandem_calendar_event_new (occurrence,
                                               item.end - item.start < 45 ? TANDEM_CALENDAR_EVENT_SHORT
                                                                          : TANDEM_CALENDAR_EVENT_GRID,
                                               user, n_users (self) > 1);
      g_array_append_val (self->items, item);
    }
}

static gboolean
move_slot (TandemCalendarTimeGrid *self,
           int                     columns,
           int                     minutes)
{
  int column = (int) self->slot_column + columns;
  int minute = self->slot_minute + minutes;

  column = CLAMP (column, 0, (int) n_columns (self) - 1);
  minute = CLAMP (minute, 0, MINUTES_PER_DAY - PLAN_MINUTES);
  tandem_calendar_time_grid_set_slot (self, column, minute);
  scroll_to_slot (self);
  return TRUE;
}

static gboolean
on_arrow_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  TandemCalendarTimeGrid *self = TANDEM_CALENDAR_TIME_GRID (widget);
  int columns, minutes;

  /* Arrows move the slot only while the grid itself has the focus; from
   * an event they move the focus as usual. */
  if (!gtk_widget_has_focus (widget))
    return FALSE;
  g_variant_get (args, "(ii)", &columns, &minutes);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    columns = -columns;
  return move_slot (self, columns, minutes);
}

static gboolean
on_enter_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  if (!gtk_widget_has_focus (widget))
    return FALSE;
  gtk_widget_activate_action (widget, "time-grid.plan", NULL);
  return TRUE;
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemCalendarTimeGrid *self = TANDEM_CALENDAR_TIME_GRID (widget);

  plan_slot (self, self->slot_column, self->slot_minute);
}

static void
move_slot_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  int columns, minutes;

  g_variant_get (parameter, "(ii)", &columns, &minutes);
  move_slot (TANDEM_CALENDAR_TIME_GRID (widget), columns, minutes);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              TandemCalendarTimeGrid   *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  gboolean valid;
  guint column = 0;
  int minute = 0;

  /* Over an event the "+" would hide what the pointer is on. */
  valid = (picked == GTK_WIDGET (self) || picked == self->hover_slot ||
           (picked && gtk_widget_is_ancestor (picked, self->hover_slot))) &&
          point_to_slot (self, x, y, &column, &minute);

  if (valid == self->hover_valid && column == self->hover_column && minute == self->hover_minute)
    return;
  self->hover_valid = valid;
  self->hover_column = column;
  self->hover_minute = minute;
  if (valid)
    update_slot_text (self, self->hover_slot, column, minute);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             TandemCalendarTimeGrid   *self)
{
  if (!self->hover_valid)
    return;
  self->hover_valid = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_hover_slot_released_cb (GtkGestureClick        *gesture,
                           int                     n_press,
                           double                  x,
                           double                  y,
                           TandemCalendarTimeGrid *self)
{
  if (n_press != 1 || !self->hover_valid)
    return;
  tandem_calendar_time_grid_set_slot (self, self->hover_column, self->hover_minute);
  plan_slot (self, self->hover_column, self->hover_minute);
}

static void
on_grid_pressed_cb (GtkGestureClick        *gesture,
                    int                     n_press,
                    double                  x,
                    double                  y,
                    TandemCalendarTimeGrid *self)
{
  guint column;
  int minute;

  if (gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT) != GTK_WIDGET (self) ||
      !point_to_slot (self, x, y, &column, &minute))
    return;

  /* Touch has no "+" under a pointer: a tap chooses the slot, a double
   * tap plans in it. */
  tandem_calendar_time_grid_set_slot (self, column, minute);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 2)
    plan_slot (self, column, minute);
}

static void
on_has_focus_changed_cb (TandemCalendarTimeGrid *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      update_slot_text (self, self->focus_slot, self->slot_column, self->slot_minute);
      scroll_to_slot (self);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
tandem_calendar_time_grid_set_focus_child (GtkWidget *widget,
                                           GtkWidget *child)
{
  TandemCalendarTimeGrid *self = TANDEM_CALENDAR_TIME_GRID (widget);

  GTK_WIDGET_CLASS (tandem_calendar_time_grid_parent_class)->set_focus_child (widget, child);

  /* An event reached with Tab comes into view. */
  for (guint i = 0; child && i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->widget == child)
        {
          scroll_to_show (self, minute_y (item->start),
                          minute_y (MAX (item->end, item->start + MIN_EVENT_MINUTES)));
          break;
        }
    }
}

static void
tandem_calendar_time_grid_measure (GtkWidget      *widget,
                                   GtkOrientation  orientation,
                                   int             for_size,
                                   int            *minimum,
                                   int            *natural,
                                   int            *minimum_baseline,
                                   int            *natural_baseline)
{
  TandemCalendarTimeGrid *self = TANDEM_CALENDAR_TIME_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = TANDEM_CALENDAR_GUTTER_WIDTH + n_columns (self) * MIN_COLUMN_WIDTH;
      *natural = TANDEM_CALENDAR_GUTTER_WIDTH + n_columns (self) * NAT_COLUMN_WIDTH;
    }
  else
    {
      *minimum = *natural = 24 * TANDEM_CALENDAR_HOUR_HEIGHT + 1;
    }
}

static void
allocate_slot (TandemCalendarTimeGrid *self,
               GtkWidget              *slot,
               gboolean                shown,
               guint                   column,
               int                     minute,
               int                     width)
{
  int x, next;

  gtk_widget_set_child_visible (slot, shown && column < n_columns (self));
  if (!gtk_widget_get_child_visible (slot))
    return;
  x = tandem_calendar_column_x (width, column, n_columns (self));
  next = tandem_calendar_column_x (width, column + 1, n_columns (self));
  allocate_child (slot, x + 1, minute_y (minute) + 1, next - x - 2, minute_y (PLAN_MINUTES) - 2);
}

static void
tandem_calendar_time_grid_size_allocate (GtkWidget *widget,
                                         int        width,
                                         int        height,
                                         int        baseline)
{
  TandemCalendarTimeGrid *self = TANDEM_CALENDAR_TIME_GRID (widget);
  guint columns = n_columns (self);
  guint first, last;

  if (get_today_columns (self, &first, &last))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      int x = tandem_calendar_column_x (width, first, columns);
      int x_end = tandem_calendar_column_x (width, last + 1, columns);

      gtk_widget_set_child_visible (self->now_line, TRUE);
      allocate_child (self->now_line, x, minute_y (minute_of_day (now)) - 1, x_end - x, 2);
    }
  else
    gtk_widget_set_child_visible (self->now_line, FALSE);

  allocate_slot (self, self->hover_slot, self->hover_valid,
                 self->hover_column, self->hover_minute, width);
  allocate_slot (self, self->focus_slot, gtk_widget_has_focus (widget),
                 self->slot_column, self->slot_minute, width);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      int x = tandem_calendar_column_x (width, item->column, columns);
      int x_end = tandem_calendar_column_x (width, item->column + 1, columns);
      int lane_width = MAX (x_end - x - COLUMN_GAP, 2) / MAX (item->n_lanes, 1);
      int top = minute_y (item->start);
      int bottom = minute_y (MAX (item->end, item->start + MIN_EVENT_MINUTES));

      allocate_child (item->widget,
                      x + 1 + item->lane * lane_width, top + 1,
                      MAX (lane_width * MAX (item->span, 1) - 2, 1), MAX (bottom - top - 2, 1));
    }
}

static void
tandem_calendar_time_grid_snapshot (GtkWidget   *widget,
                                    GtkSnapshot *snapshot)
{
  TandemCalendarTimeGrid *self = TANDEM_CALENDAR_TIME_GRID (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint columns = n_columns (self);
  GdkRGBA fg, line, faint, dim, accent;
  guint first, last;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };
  G_GNUC_END_IGNORE_DEPRECATIONS
  line = faint = dim = fg;
  line.alpha *= 0.15;
  faint.alpha *= 0.06;
  dim.alpha *= 0.55;
  accent.alpha = 0.06;

  if (get_today_columns (self, &first, &last))
    {
      int x = tandem_calendar_column_x (width, first, columns);
      int x_end = tandem_calendar_column_x (width, last + 1, columns);

      gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x, 0, x_end - x, height));
    }

  for (int hour = 0; hour < 24; hour++)
    {
      int y = minute_y (hour * 60);

      if (hour > 0)
        gtk_snapshot_append_color (snapshot, &line,
                                   &GRAPHENE_RECT_INIT (TANDEM_CALENDAR_GUTTER_WIDTH - 6, y, width, 1));
      gtk_snapshot_append_color (snapshot, &faint,
                                 &GRAPHENE_RECT_INIT (TANDEM_CALENDAR_GUTTER_WIDTH, y + TANDEM_CALENDAR_HOUR_HEIGHT / 2,
                                                      width, 1));
      if (hour > 0)
        {
          g_autoptr(GDateTime) time = g_date_time_new_utc (2000, 1, 1, hour, 0, 0);
          g_autofree char *text = tandem_calendar_format_time (time);
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
          int text_width, text_height;

          pango_layout_get_pixel_size (layout, &text_width, &text_height);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (TANDEM_CALENDAR_GUTTER_WIDTH - 10 - text_width,
                                                        y - text_height / 2));
          gtk_snapshot_append_layout (snapshot, layout, &dim);
          gtk_snapshot_restore (snapshot);
        }
    }

  for (guint c = 0; c <= columns; c++)
    {
      int x = tandem_calendar_column_x (width, c, columns);
      gboolean day_edge = c % n_users (self) == 0;

      gtk_snapshot_append_color (snapshot, day_edge ? &line : &faint,
                                 &GRAPHENE_RECT_INIT (x, 0, 1, height));
    }

  GTK_WIDGET_CLASS (tandem_calendar_time_grid_parent_class)->snapshot (widget, snapshot);
}

static void
tandem_calendar_time_grid_dispose (GObject *object)
{
  TandemCalendarTimeGrid *self = TANDEM_CALENDAR_TIME_GRID (object);

  if (self->items)
    clear_items (self);
  g_clear_pointer (&self->now_line, gtk_widget_unparent);
  g_clear_pointer (&self->hover_slot, gtk_widget_unparent);
  g_clear_pointer (&self->focus_slot, gtk_widget_unparent);

  G_OBJECT_CLASS (tandem_calendar_time_grid_parent_class)->dispose (object);
}

static void
tandem_calendar_time_grid_finalize (GObject *object)
{
  TandemCalendarTimeGrid *self = TANDEM_CALENDAR_TIME_GRID (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->users, g_ptr_array_unref);
  g_clear_pointer (&self->first_day, g_date_time_unref);

  G_OBJECT_CLASS (tandem_calendar_time_grid_parent_class)->finalize (object);
}

static void
tandem_calendar_time_grid_class_init (TandemCalendarTimeGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  struct { guint key; int columns; int minutes; } arrows[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, 1, 0 }, { GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, 0, -SLOT_MINUTES }, { GDK_KEY_KP_Up, 0, -SLOT_MINUTES },
    { GDK_KEY_Down, 0, SLOT_MINUTES }, { GDK_KEY_KP_Down, 0, SLOT_MINUTES },
  };

  object_class->dispose = tandem_calendar_time_grid_dispose;
  object_class->finalize = tandem_calendar_time_grid_finalize;
  widget_class->measure = tandem_calendar_time_grid_measure;
  widget_class->size_allocate = tandem_calendar_time_grid_size_allocate;
  widget_class->snapshot = tandem_calendar_time_grid_snapshot;
  widget_class->set_focus_child = tandem_calendar_time_grid_set_focus_child;

  /* What Enter and the arrow keys do on the focused slot. */
  gtk_widget_class_install_action (widget_class, "time-grid.plan", NULL, plan_action);
  gtk_widget_class_install_action (widget_class, "time-grid.move-slot", "(ii)", move_slot_action);

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    gtk_widget_class_add_binding (widget_class, arrows[i].key, 0, on_arrow_cb,
                                  "(ii)", arrows[i].columns, arrows[i].minutes);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, on_enter_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, on_enter_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Enter, 0, on_enter_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, on_enter_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "calendar-time-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tandem_calendar_time_grid_init (TandemCalendarTimeGrid *self)
{
  GtkEventController *motion;
  GtkGesture *click;

  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  self->slot_minute = 9 * 60;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys choose a time, Enter plans an activity there"),
                                  -1);

  /* The slots lie below the events so that events stay clickable. */
  self->focus_slot = g_object_new (GTK_TYPE_BOX, "css-name", "calendar-slot", NULL);
  gtk_widget_add_css_class (self->focus_slot, "focus");
  gtk_widget_set_can_target (self->focus_slot, FALSE);
  gtk_widget_set_parent (self->focus_slot, GTK_WIDGET (self));

  self->hover_slot = g_object_new (GTK_TYPE_BOX, "css-name", "calendar-slot", NULL);
  gtk_widget_add_css_class (self->hover_slot, "hover");
  {
    GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

    gtk_widget_set_hexpand (icon, TRUE);
    gtk_widget_set_halign (icon, GTK_ALIGN_CENTER);
    gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (self->hover_slot), icon);
  }
  gtk_widget_set_cursor_from_name (self->hover_slot, "pointer");
  gtk_widget_set_parent (self->hover_slot, GTK_WIDGET (self));
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_hover_slot_released_cb), self);
  gtk_widget_add_controller (self->hover_slot, GTK_EVENT_CONTROLLER (click));

  self->now_line = g_object_new (GTK_TYPE_BOX, "css-name", "calendar-now-line", NULL);
  gtk_widget_set_can_target (self->now_line, FALSE);
  gtk_widget_set_parent (self->now_line, GTK_WIDGET (self));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_grid_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (self, "notify::has-focus", G_CALLBACK (on_has_focus_changed_cb), NULL);
}

GtkWidget *
tandem_calendar_time_grid_new (void)
{
  return g_object_new (TANDEM_TYPE_CALENDAR_TIME_GRID, NULL);
}

void
tandem_calendar_time_grid_set_data (TandemCalendarTimeGrid *self,
                                    GDateTime              *first_day,
                                    guint                   n_days,
                                    GPtrArray              *users,
                                    GPtrArray              *models)
{
  g_return_if_fail (TANDEM_IS_CALENDAR_TIME_GRID (self));
  g_return_if_fail (first_day != NULL);
  g_return_if_fail (users != NULL && models != NULL && users->len == models->len);

  clear_items (self);
  g_clear_pointer (&self->first_day, g_date_time_unref);
  self->first_day = g_date_time_ref (first_day);
  self->n_days = MAX (n_days, 1);
  g_clear_pointer (&self->users, g_ptr_array_unref);
  self->users = g_ptr_array_ref (users);

  for (guint u = 0; u < users->len; u++)
    {
      GListModel *model = g_ptr_array_index (models, u);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(TandemOccurrence) occurrence = g_list_model_get_item (model, i);

          if (tandem_calendar_time_grid_shows (occurrence))
            add_occurrence (self, occurrence, u, g_ptr_array_index (users, u));
        }
    }
  g_array_sort (self->items, compare_items);
  assign_lanes (self);
  /* Children in time order, so that Tab goes through the day in order. */
  for (guint i = 0; i < self->items->len; i++)
    gtk_widget_set_parent (g_array_index (self->items, Item, i).widget, GTK_WIDGET (self));

  self->slot_column = MIN (self->slot_column, n_columns (self) - 1);
  self->hover_valid = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
tandem_calendar_time_grid_set_slot (TandemCalendarTimeGrid *self,
                                    guint                   column,
                                    int                     minute)
{
  g_return_if_fail (TANDEM_IS_CALENDAR_TIME_GRID (self));

  self->slot_column = MIN (column, n_columns (self) - 1);
  self->slot_minute = CLAMP (minute / SLOT_MINUTES * SLOT_MINUTES, 0, MINUTES_PER_DAY - PLAN_MINUTES);
  update_slot_text (self, self->focus_slot, self->slot_column, self->slot_minute);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
tandem_calendar_time_grid_get_slot (TandemCalendarTimeGrid *self,
                                    guint                  *column,
                                    int                    *minute)
{
  g_return_if_fail (TANDEM_IS_CALENDAR_TIME_GRID (self));

  if (column)
    *column = self->slot_column;
  if (minute)
    *minute = self->slot_minute;
}
