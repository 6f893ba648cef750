/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCalendarMonthCell"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-calendar-event.h"
#include "tandem-calendar-month-cell.h"

/* Below this width a cell shows dots instead of titles. */
#define COMPACT_WIDTH 80
#define MAX_DOTS      4
#define SPACING       1
#define PLAN_HOUR     9

struct _TandemCalendarMonthCell
{
  GtkWidget parent_instance;

  GDateTime *day;
  gint64     plan_user_id;
  gboolean   compact;

  GtkWidget *day_label;
  GPtrArray *events;       /* TandemCalendarEvent */
  GtkWidget *more_button;
  GtkWidget *dots;
  guint      n_hidden;
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemCalendarMonthCell, tandem_calendar_month_cell, GTK_TYPE_WIDGET)

static void
show_day (TandemCalendarMonthCell *self)
{
  if (self->day)
    gtk_widget_activate_action (GTK_WIDGET (self), "calendar.show-day", "x",
                                g_date_time_to_unix (self->day));
}

static void
plan (TandemCalendarMonthCell *self)
{
  g_autoptr(GDateTime) start = NULL;

  if (self->day == NULL)
    return;
  start = g_date_time_new_local (g_date_time_get_year (self->day),
                                 g_date_time_get_month (self->day),
                                 g_date_time_get_day_of_month (self->day),
                                 PLAN_HOUR, 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.plan", "(xxx)",
                              g_date_time_to_unix (start), (gint64) 60 * 60,
                              self->plan_user_id);
}

static void
update_accessible_label (TandemCalendarMonthCell *self)
{
  /* Translators: a day of the month view for screen readers, see
   * g_date_time_format(). */
  g_autofree char *date = g_date_time_format (self->day, C_("calendar month cell", "%A, %-d %B"));
  g_autofree char *label = NULL;
  guint n = self->events->len;

  if (n == 0)
    label = g_strdup (date);
  else
    /* Translators: a day and how many activities it has. */
    label = g_strdup_printf (ngettext ("%s, %u activity", "%s, %u activities", n),
                             date, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
tandem_calendar_month_cell_real_activate (TandemCalendarMonthCell *self)
{
  if (self->compact)
    show_day (self);
  else
    plan (self);
}

static void
on_click_released_cb (GtkGestureClick         *gesture,
                      int                      n_press,
                      double                   x,
                      double                   y,
                      TandemCalendarMonthCell *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (n_press != 1)
    return;
  if (picked == self->day_label)
    show_day (self);
  else if (picked == GTK_WIDGET (self) || picked == self->dots ||
           (picked && gtk_widget_get_parent (picked) == self->dots))
    gtk_widget_activate (GTK_WIDGET (self));
}

static void
on_more_clicked_cb (TandemCalendarMonthCell *self)
{
  show_day (self);
}

static int
natural_height (GtkWidget *widget)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  return natural;
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
tandem_calendar_month_cell_measure (GtkWidget      *widget,
                                    GtkOrientation  orientation,
                                    int             for_size,
                                    int            *minimum,
                                    int            *natural,
                                    int            *minimum_baseline,
                                    int            *natural_baseline)
{
  TandemCalendarMonthCell *self = TANDEM_CALENDAR_MONTH_CELL (widget);
  int day_min, day_nat;

  gtk_widget_measure (self->day_label, orientation, -1, &day_min, &day_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = day_min;
      *natural = MAX (day_nat, 110);
    }
  else
    {
      int dots = natural_height (self->dots);

      *minimum = day_nat + dots;
      *natural = day_nat + 4 * 22;
    }
}

static void
tandem_calendar_month_cell_size_allocate (GtkWidget *widget,
                                          int        width,
                                          int        height,
                                          int        baseline)
{
  TandemCalendarMonthCell *self = TANDEM_CALENDAR_MONTH_CELL (widget);
  int day_height = natural_height (self->day_label);
  int y = day_height;
  int row_height = 0;
  guint n = self->events->len;
  guint shown;
  gboolean compact = width < COMPACT_WIDTH;

  allocate_child (self->day_label, 0, 0, width, day_height);
  self->compact = compact;

  gtk_widget_set_child_visible (self->dots, compact && n > 0);
  if (compact)
    {
      for (guint i = 0; i < n; i++)
        gtk_widget_set_child_visible (g_ptr_array_index (self->events, i), FALSE);
      gtk_widget_set_child_visible (self->more_button, FALSE);
      if (n > 0)
        allocate_child (self->dots, 0, y + 2, width, natural_height (self->dots));
      return;
    }

  for (guint i = 0; i < n; i++)
    row_height = MAX (row_height, natural_height (g_ptr_array_index (self->events, i)));
  row_height = MAX (row_height, natural_height (self->more_button)) + SPACING;

  shown = n;
  if (row_height > 0 && (guint) ((height - y) / row_height) < n)
    shown = MAX ((height - y) / row_height - 1, 0);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *event = g_ptr_array_index (self->events, i);

      gtk_widget_set_child_visible (event, i < shown);
      if (i < shown)
        allocate_child (event, 0, y + i * row_height, width, row_height - SPACING);
    }

  gtk_widget_set_child_visible (self->more_button, shown < n);
  if (shown < n)
    {
      if (self->n_hidden != n - shown)
        {
          g_autofree char *text = NULL;

          self->n_hidden = n - shown;
          /* Translators: the activities of a day that do not fit in the
           * month view. */
          text = g_strdup_printf (ngettext ("+%u more", "+%u more", self->n_hidden),
                                  self->n_hidden);
          gtk_button_set_label (GTK_BUTTON (self->more_button), text);
        }
      allocate_child (self->more_button, 0, y + shown * row_height, width, row_height - SPACING);
    }
}

static void
tandem_calendar_month_cell_dispose (GObject *object)
{
  TandemCalendarMonthCell *self = TANDEM_CALENDAR_MONTH_CELL (object);

  if (self->events)
    g_ptr_array_set_size (self->events, 0);
  g_clear_pointer (&self->day_label, gtk_widget_unparent);
  g_clear_pointer (&self->more_button, gtk_widget_unparent);
  g_clear_pointer (&self->dots, gtk_widget_unparent);

  G_OBJECT_CLASS (tandem_calendar_month_cell_parent_class)->dispose (object);
}

static void
tandem_calendar_month_cell_finalize (GObject *object)
{
  TandemCalendarMonthCell *self = TANDEM_CALENDAR_MONTH_CELL (object);

  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->day, g_date_time_unref);

  G_OBJECT_CLASS (tandem_calendar_month_cell_parent_class)->finalize (object);
}

static void
tandem_calendar_month_cell_class_init (TandemCalendarMonthCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_calendar_month_cell_dispose;
  object_class->finalize = tandem_calendar_month_cell_finalize;
  widget_class->measure = tandem_calendar_month_cell_measure;
  widget_class->size_allocate = tandem_calendar_month_cell_size_allocate;

  /**
   * TandemCalendarMonthCell::activate:
   *
   * Plans an activity at 09:00 on the day (Enter, Space, a click on the
   * empty area); shows the day when the cell is too narrow for titles.
   */
  signals[ACTIVATE] =
    g_signal_new_class_handler ("activate", G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                G_CALLBACK (tandem_calendar_month_cell_real_activate),
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);
  gtk_widget_class_set_css_name (widget_class, "calendar-month-cell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
tandem_calendar_month_cell_init (TandemCalendarMonthCell *self)
{
  GtkGesture *click;

  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_widget_unparent);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->day_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->day_label), 0.0);
  gtk_widget_add_css_class (self->day_label, "day-number");
  gtk_widget_set_cursor_from_name (self->day_label, "pointer");
  gtk_widget_set_tooltip_text (self->day_label, _("Show this day"));
  gtk_widget_set_parent (self->day_label, GTK_WIDGET (self));

  self->dots = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
  gtk_widget_set_halign (self->dots, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->dots, "dots");
  gtk_widget_set_parent (self->dots, GTK_WIDGET (self));

  self->more_button = gtk_button_new_with_label ("");
  gtk_widget_add_css_class (self->more_button, "flat");
  gtk_widget_add_css_class (self->more_button, "more");
  gtk_widget_set_focus_on_click (self->more_button, FALSE);
  gtk_widget_set_child_visible (self->more_button, FALSE);
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (self->more_button))), 0.0);
  g_signal_connect_swapped (self->more_button, "clicked", G_CALLBACK (on_more_clicked_cb), self);
  gtk_widget_set_parent (self->more_button, GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
tandem_calendar_month_cell_new (void)
{
  return g_object_new (TANDEM_TYPE_CALENDAR_MONTH_CELL, NULL);
}

void
tandem_calendar_month_cell_set_day (TandemCalendarMonthCell *self,
                                    GDateTime               *day,
                                    gboolean                 other_month,
                                    gboolean                 today,
                                    gint64                   plan_user_id)
{
  g_autofree char *number = NULL;
  GtkWidget *child;

  g_return_if_fail (TANDEM_IS_CALENDAR_MONTH_CELL (self));
  g_return_if_fail (day != NULL);

  g_ptr_array_set_size (self->events, 0);
  while ((child = gtk_widget_get_first_child (self->dots)))
    gtk_box_remove (GTK_BOX (self->dots), child);
  self->n_hidden = 0;
  gtk_widget_set_child_visible (self->more_button, FALSE);

  g_clear_pointer (&self->day, g_date_time_unref);
  self->day = g_date_time_ref (day);
  self->plan_user_id = plan_user_id;

  number = g_date_time_format (day, "%-d");
  gtk_label_set_label (GTK_LABEL (self->day_label), number);

  if (other_month)
    gtk_widget_add_css_class (GTK_WIDGET (self), "other-month");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "other-month");
  if (today)
    gtk_widget_add_css_class (GTK_WIDGET (self), "today");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "today");

  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GDateTime *
tandem_calendar_month_cell_get_day (TandemCalendarMonthCell *self)
{
  g_return_val_if_fail (TANDEM_IS_CALENDAR_MONTH_CELL (self), NULL);

  return self->day;
}

void
tandem_calendar_month_cell_add (TandemCalendarMonthCell  *self,
                                TandemOccurrence         *occurrence,
                                const TandemCalendarUser *user,
                                gboolean                  show_user)
{
  GtkWidget *event;

  g_return_if_fail (TANDEM_IS_CALENDAR_MONTH_CELL (self));
  g_return_if_fail (TANDEM_IS_OCCURRENCE (occurrence));

  event = tandem_calendar_event_new (occurrence, TANDEM_CALENDAR_EVENT_MONTH, user, show_user);
  /* Below the "+N more" button in the focus chain: it comes last. */
  gtk_widget_insert_before (event, GTK_WIDGET (self), self->more_button);
  g_ptr_array_add (self->events, event);

  if (self->events->len <= MAX_DOTS)
    {
      GtkWidget *dot = g_object_new (GTK_TYPE_BOX, "css-name", "calendar-dot", NULL);
      const char * const *classes = NULL;
      g_auto(GStrv) event_classes = gtk_widget_get_css_classes (event);

      /* The dot takes the event's colour and style. */
      classes = (const char * const *) event_classes;
      for (guint i = 0; classes[i]; i++)
        if (g_str_has_prefix (classes[i], "color-") || g_str_equal (classes[i], "masked") ||
            g_str_equal (classes[i], "completed"))
          gtk_widget_add_css_class (dot, classes[i]);
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (self->dots), dot);
    }

  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
tandem_calendar_month_cell_get_n_occurrences (TandemCalendarMonthCell *self)
{
  g_return_val_if_fail (TANDEM_IS_CALENDAR_MONTH_CELL (self), 0);

  return self->events->len;
}
