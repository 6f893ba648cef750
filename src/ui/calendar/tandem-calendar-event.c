/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCalendarEvent"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-calendar-event.h"

struct _TandemCalendarEvent
{
  GtkWidget parent_instance;

  TandemOccurrence          *occurrence;
  TandemCalendarEventLayout  layout;
  GtkWidget                 *box;
  char                      *label;
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemCalendarEvent, tandem_calendar_event, GTK_TYPE_WIDGET)

/* The desktop's clock format, read once: people who set a 12-hour clock
 * expect the calendar to follow it, as GNOME Calendar does. */
static gboolean
use_12_hours (void)
{
  static gsize once = 0;
  static gboolean twelve = FALSE;

  if (g_once_init_enter (&once))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source)
        schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
      if (schema && g_settings_schema_has_key (schema, "clock-format"))
        {
          g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
          g_autofree char *format = g_settings_get_string (settings, "clock-format");

          twelve = g_strcmp0 (format, "12h") == 0;
        }
      g_once_init_leave (&once, 1);
    }
  return twelve;
}

char *
tandem_calendar_format_time (GDateTime *time)
{
  /* Translators: a time of day in the calendar with a 12-hour clock, see
   * g_date_time_format(). */
  return g_date_time_format (time, use_12_hours () ? C_("calendar time", "%-l:%M %p")
                                                   /* Translators: a time of day in the calendar with a 24-hour clock. */
                                                   : C_("calendar time", "%H:%M"));
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* "10:00–11:00", "All day", "23 Nov – 25 Nov" or
 * "23 Nov 22:00 – 24 Nov 02:00". */
static char *
format_range (TandemOccurrence *occurrence)
{
  g_autoptr(GDateTime) start = tandem_occurrence_dup_start_local (occurrence);
  g_autoptr(GDateTime) end = tandem_occurrence_dup_end_local (occurrence);
  g_autofree char *start_time = NULL;
  g_autofree char *end_time = NULL;
  g_autofree char *start_day = NULL;
  g_autofree char *end_day = NULL;

  if (start == NULL || end == NULL)
    return g_strdup ("");

  if (tandem_occurrence_get_all_day (occurrence) && !tandem_occurrence_is_masked (occurrence))
    {
      g_autoptr(GDateTime) last = g_date_time_add_days (end, -1);

      if (g_date_time_compare (last, start) <= 0 || same_day (start, last))
        return g_strdup (_("All day"));
      /* Translators: a short day in a date range, see g_date_time_format(). */
      start_day = g_date_time_format (start, C_("calendar range day", "%-d %b"));
      end_day = g_date_time_format (last, C_("calendar range day", "%-d %b"));
      /* Translators: a range of days or times: first, last. */
      return g_strdup_printf (C_("calendar range", "%s – %s"), start_day, end_day);
    }

  start_time = tandem_calendar_format_time (start);
  end_time = tandem_calendar_format_time (end);
  if (same_day (start, end) ||
      (g_date_time_get_hour (end) == 0 && g_date_time_get_minute (end) == 0 &&
       g_date_time_difference (end, start) <= G_TIME_SPAN_DAY))
    /* Translators: start and end time of an activity on one day. */
    return g_strdup_printf (C_("calendar time range", "%s–%s"), start_time, end_time);

  start_day = g_date_time_format (start, C_("calendar range day", "%-d %b"));
  end_day = g_date_time_format (end, C_("calendar range day", "%-d %b"));
  /* Translators: an activity over several days: start day and time, end
   * day and time. */
  return g_strdup_printf (C_("calendar range over days", "%s %s – %s %s"),
                          start_day, start_time, end_day, end_time);
}

static char *
format_tooltip (TandemOccurrence *occurrence,
                const char       *range)
{
  GString *text = g_string_new (tandem_occurrence_get_title (occurrence));
  const char *company = tandem_occurrence_get_company_name (occurrence);
  const char *category = tandem_occurrence_get_category_name (occurrence);

  g_string_append_printf (text, "\n%s", range);
  if (company && *company)
    g_string_append_printf (text, "\n%s", company);
  if (category && *category)
    g_string_append_printf (text, "\n%s", category);
  if (tandem_occurrence_get_status (occurrence) == TANDEM_STATUS_COMPLETED)
    g_string_append_printf (text, "\n%s", _("Completed"));
  return g_string_free (text, FALSE);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  /* The event itself carries the accessible label; its parts would only
   * repeat it. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return label;
}

static void
build (TandemCalendarEvent      *self,
       const TandemCalendarUser *user,
       const char               *range)
{
  TandemOccurrence *occurrence = self->occurrence;
  gboolean masked = tandem_occurrence_is_masked (occurrence);
  const char *title = masked ? _("Busy") : tandem_occurrence_get_title (occurrence);
  GtkWidget *line;
  GtkWidget *title_label;
  g_autofree char *start_text = NULL;

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  /* In the day and week views each user has a column under their name;
   * the month mixes everyone's in one day. */
  if (user && self->layout == TANDEM_CALENDAR_EVENT_MONTH)
    {
      g_autofree char *color = g_strdup_printf ("color-%u", user->color);
      GtkWidget *initials = new_label (user->initials, "initials");

      gtk_label_set_xalign (GTK_LABEL (initials), 0.5);
      gtk_label_set_ellipsize (GTK_LABEL (initials), PANGO_ELLIPSIZE_NONE);
      gtk_widget_add_css_class (initials, color);
      gtk_widget_set_valign (initials, self->layout == TANDEM_CALENDAR_EVENT_GRID ? GTK_ALIGN_START : GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (line), initials);
    }

  if (!masked && tandem_occurrence_get_status (occurrence) == TANDEM_STATUS_COMPLETED)
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_add_css_class (check, "status-icon");
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (line), check);
    }

  if (self->layout == TANDEM_CALENDAR_EVENT_MONTH &&
      (masked || !tandem_occurrence_get_all_day (occurrence)))
    {
      g_autoptr(GDateTime) start = tandem_occurrence_dup_start_local (occurrence);

      if (start)
        {
          start_text = tandem_calendar_format_time (start);
          gtk_box_append (GTK_BOX (line), new_label (start_text, "time"));
        }
    }

  title_label = new_label (title, "title");
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_box_append (GTK_BOX (line), title_label);

  if (self->layout == TANDEM_CALENDAR_EVENT_SHORT)
    gtk_box_append (GTK_BOX (line), new_label (range, "time"));

  if (self->layout != TANDEM_CALENDAR_EVENT_GRID)
    {
      self->box = line;
      gtk_widget_set_parent (self->box, GTK_WIDGET (self));
      return;
    }

  /* In the time grid the title may take two lines, the time goes below. */
  gtk_label_set_single_line_mode (GTK_LABEL (title_label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title_label), 2);
  {
    /* A word broken for a narrow column reads better without a hyphen
     * that is not in the title. */
    PangoAttrList *attributes = pango_attr_list_new ();

    pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
    gtk_label_set_attributes (GTK_LABEL (title_label), attributes);
    pango_attr_list_unref (attributes);
  }
  gtk_widget_set_valign (title_label, GTK_ALIGN_START);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), line);
  gtk_box_append (GTK_BOX (self->box), new_label (range, "time"));
  if (!masked)
    {
      const char *company = tandem_occurrence_get_company_name (occurrence);

      if (company && *company)
        gtk_box_append (GTK_BOX (self->box), new_label (company, "company"));
    }
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

static void
on_click_pressed_cb (GtkGestureClick     *gesture,
                     int                  n_press,
                     double               x,
                     double               y,
                     TandemCalendarEvent *self)
{
  /* The click is the event's: the grid or the day below must not plan a
   * new activity from it. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_click_released_cb (GtkGestureClick     *gesture,
                      int                  n_press,
                      double               x,
                      double               y,
                      TandemCalendarEvent *self)
{
  if (n_press == 1 && gtk_widget_contains (GTK_WIDGET (self), x, y))
    gtk_widget_activate (GTK_WIDGET (self));
}

static void
tandem_calendar_event_real_activate (TandemCalendarEvent *self)
{
  if (tandem_occurrence_is_masked (self->occurrence))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.open-occurrence", "(xx)",
                              tandem_occurrence_get_activity_id (self->occurrence),
                              tandem_occurrence_get_recurrence_id (self->occurrence));
}

static void
tandem_calendar_event_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  TandemCalendarEvent *self = TANDEM_CALENDAR_EVENT (widget);
  int child_min, child_nat;

  /* An event may be given less room than its text needs (a short
   * meeting, a narrow column); it then shows what fits. */
  gtk_widget_measure (self->box, orientation, for_size, &child_min, &child_nat, NULL, NULL);
  *minimum = 0;
  *natural = child_nat;
}

static void
tandem_calendar_event_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  TandemCalendarEvent *self = TANDEM_CALENDAR_EVENT (widget);
  int min_width, min_height;

  gtk_widget_measure (self->box, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  width = MAX (width, min_width);
  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  gtk_widget_allocate (self->box, width, MAX (height, min_height), -1, NULL);
}

static void
tandem_calendar_event_dispose (GObject *object)
{
  TandemCalendarEvent *self = TANDEM_CALENDAR_EVENT (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (tandem_calendar_event_parent_class)->dispose (object);
}

static void
tandem_calendar_event_finalize (GObject *object)
{
  TandemCalendarEvent *self = TANDEM_CALENDAR_EVENT (object);

  g_clear_object (&self->occurrence);
  g_free (self->label);

  G_OBJECT_CLASS (tandem_calendar_event_parent_class)->finalize (object);
}

static void
tandem_calendar_event_class_init (TandemCalendarEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_calendar_event_dispose;
  object_class->finalize = tandem_calendar_event_finalize;
  widget_class->measure = tandem_calendar_event_measure;
  widget_class->size_allocate = tandem_calendar_event_size_allocate;

  /**
   * TandemCalendarEvent::activate:
   *
   * Opens the occurrence (click, Enter, Space); nothing for a masked one.
   */
  signals[ACTIVATE] =
    g_signal_new_class_handler ("activate", G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                G_CALLBACK (tandem_calendar_event_real_activate),
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);
  gtk_widget_class_set_css_name (widget_class, "calendar-event");
}

static void
tandem_calendar_event_init (TandemCalendarEvent *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
tandem_calendar_event_new (TandemOccurrence          *occurrence,
                           TandemCalendarEventLayout  layout,
                           const TandemCalendarUser  *user,
                           gboolean                   show_user)
{
  gboolean masked;
  guint color;
  TandemCalendarEvent *self;
  g_autofree char *range = NULL;
  g_autofree char *color_class = NULL;
  g_autofree char *tooltip = NULL;
  const char *layout_class[] = { "month", "grid", "all-day", "grid" };

  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (occurrence), NULL);

  masked = tandem_occurrence_is_masked (occurrence);
  self = g_object_new (TANDEM_TYPE_CALENDAR_EVENT,
                       "accessible-role", masked ? GTK_ACCESSIBLE_ROLE_LABEL : GTK_ACCESSIBLE_ROLE_BUTTON,
                       NULL);
  self->occurrence = g_object_ref (occurrence);
  self->layout = layout;

  range = format_range (occurrence);
  /* Translators: the accessible label of an activity in the calendar:
   * its title (or "Busy") and its time. */
  self->label = g_strdup_printf (C_("calendar event", "%s, %s"),
                                 masked ? _("Busy") : tandem_occurrence_get_title (occurrence),
                                 range);
  build (self, show_user ? user : NULL, range);

  if (show_user && user)
    color = user->color;
  else
    color = (guint) (tandem_occurrence_get_category_id (occurrence) % TANDEM_CALENDAR_N_COLORS);
  color_class = g_strdup_printf ("color-%u", color);
  gtk_widget_add_css_class (GTK_WIDGET (self), layout_class[layout]);
  if (!masked)
    gtk_widget_add_css_class (GTK_WIDGET (self), color_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                  -1);

  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
    g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
    g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  }

  if (masked)
    {
      /* Someone else's private time (SPEC E3): nothing to open, nothing
       * more to tell. */
      gtk_widget_add_css_class (GTK_WIDGET (self), "masked");
      return GTK_WIDGET (self);
    }

  if (tandem_occurrence_get_status (occurrence) == TANDEM_STATUS_COMPLETED)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "completed");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Completed"),
                                      -1);
    }

  tooltip = format_tooltip (occurrence, range);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  return GTK_WIDGET (self);
}

TandemOccurrence *
tandem_calendar_event_get_occurrence (TandemCalendarEvent *self)
{
  g_return_val_if_fail (TANDEM_IS_CALENDAR_EVENT (self), NULL);

  return self->occurrence;
}

const char *
tandem_calendar_event_get_label (TandemCalendarEvent *self)
{
  g_return_val_if_fail (TANDEM_IS_CALENDAR_EVENT (self), NULL);

  return self->label;
}
