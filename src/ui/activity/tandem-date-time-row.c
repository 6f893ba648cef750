/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemDateTimeRow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-date-time-row.h"
#include "tandem-error.h"

struct _TandemDateTimeRow
{
  AdwActionRow   parent_instance;

  GtkMenuButton *date_button;
  GtkCalendar   *calendar;
  GtkEntry      *time_entry;
  GtkButton     *clear_button;

  GDate          date;        /* cleared: no date */
  gboolean       show_time;
  gboolean       allow_empty;
  gboolean       updating;
};

enum {
  PROP_0,
  PROP_SHOW_TIME,
  PROP_ALLOW_EMPTY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemDateTimeRow, tandem_date_time_row, ADW_TYPE_ACTION_ROW)

gboolean
tandem_parse_time_of_day (const char *text,
                          int        *hour,
                          int        *minute)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  const char *p = copy;
  int digits[4];
  guint n = 0;
  gboolean separated = FALSE;
  int h, m;

  /* 9, 09, 9:30, 09.30, 0930: digits with at most one ':' or '.'. */
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n == 4)
            return FALSE;
          digits[n++] = *p - '0';
        }
      else if ((*p == ':' || *p == '.') && !separated && n > 0 && n <= 2)
        {
          separated = TRUE;
          if (n == 1)
            {
              digits[1] = digits[0];
              digits[0] = 0;
              n = 2;
            }
        }
      else
        return FALSE;
    }

  if (separated && n != 4)
    return FALSE;
  switch (n)
    {
    case 1:
      h = digits[0];
      m = 0;
      break;
    case 2:
      h = digits[0] * 10 + digits[1];
      m = 0;
      break;
    case 3:
      h = digits[0];
      m = digits[1] * 10 + digits[2];
      break;
    case 4:
      h = digits[0] * 10 + digits[1];
      m = digits[2] * 10 + digits[3];
      break;
    default:
      return FALSE;
    }
  if (h > 23 || m > 59)
    return FALSE;
  if (hour)
    *hour = h;
  if (minute)
    *minute = m;
  return TRUE;
}

static void
update_date_label (TandemDateTimeRow *self)
{
  if (g_date_valid (&self->date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&self->date),
                                                       g_date_get_month (&self->date),
                                                       g_date_get_day (&self->date), 12, 0, 0);
      /* Translators: the date on a date button, as g_date_time_format()
       * takes it: "Tue 24 Nov 2026". */
      g_autofree char *text = g_date_time_format (dt, C_("date button", "%a %-d %b %Y"));

      gtk_menu_button_set_label (self->date_button, text);
    }
  else
    gtk_menu_button_set_label (self->date_button, _("No date"));

  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->allow_empty && g_date_valid (&self->date));
}

static void
check_time (TandemDateTimeRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->time_entry));
  gboolean valid = tandem_parse_time_of_day (text, NULL, NULL);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->time_entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->time_entry), GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

static void
emit_changed (TandemDateTimeRow *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_day_selected_cb (GtkCalendar       *calendar,
                    TandemDateTimeRow *self)
{
  g_autoptr(GDateTime) dt = NULL;

  if (self->updating)
    return;
  dt = gtk_calendar_get_date (calendar);
  g_date_set_dmy (&self->date, g_date_time_get_day_of_month (dt),
                  g_date_time_get_month (dt), g_date_time_get_year (dt));
  update_date_label (self);
  gtk_menu_button_popdown (self->date_button);
  emit_changed (self);
}

static void
on_popover_show_cb (GtkPopover        *popover,
                    TandemDateTimeRow *self)
{
  g_autoptr(GDateTime) dt = NULL;

  /* Open on the chosen date, or today when there is none. */
  if (g_date_valid (&self->date))
    dt = g_date_time_new_local (g_date_get_year (&self->date), g_date_get_month (&self->date),
                                g_date_get_day (&self->date), 12, 0, 0);
  else
    dt = g_date_time_new_now_local ();
  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->updating = FALSE;
}

static void
on_time_changed_cb (GtkEditable       *editable,
                    TandemDateTimeRow *self)
{
  check_time (self);
  emit_changed (self);
}

static void
on_time_focus_leave_cb (GtkEventControllerFocus *controller,
                        TandemDateTimeRow       *self)
{
  int hour, minute;

  /* Writes what was understood in one form: "930" becomes "09:30". */
  if (tandem_parse_time_of_day (gtk_editable_get_text (GTK_EDITABLE (self->time_entry)), &hour, &minute))
    {
      g_autofree char *text = g_strdup_printf ("%02d:%02d", hour, minute);

      if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->time_entry))) != 0)
        {
          self->updating = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->time_entry), text);
          self->updating = FALSE;
        }
    }
}

static void
on_clear_clicked_cb (GtkButton         *button,
                     TandemDateTimeRow *self)
{
  g_date_clear (&self->date, 1);
  update_date_label (self);
  emit_changed (self);
}

static void
on_title_changed_cb (TandemDateTimeRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *plain = NULL;
  g_autofree char *date_name = NULL;
  g_autofree char *time_name = NULL;

  /* The title may carry a mnemonic underline; screen readers get it without. */
  plain = g_strdup (title ? title : "");
  if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (self)))
    {
      char *w = plain;

      for (const char *r = plain; *r; r++)
        if (*r != '_')
          *w++ = *r;
      *w = '\0';
    }
  /* Translators: accessible name of a date button, %s is the row's title ("Starts"). */
  date_name = g_strdup_printf (_("%s, date"), plain);
  /* Translators: accessible name of a time entry, %s is the row's title ("Starts"). */
  time_name = g_strdup_printf (_("%s, time"), plain);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button), GTK_ACCESSIBLE_PROPERTY_LABEL, date_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, time_name, -1);
}

static void
tandem_date_time_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TandemDateTimeRow *self = TANDEM_DATE_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_SHOW_TIME:
      g_value_set_boolean (value, self->show_time);
      break;
    case PROP_ALLOW_EMPTY:
      g_value_set_boolean (value, self->allow_empty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_date_time_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TandemDateTimeRow *self = TANDEM_DATE_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_SHOW_TIME:
      tandem_date_time_row_set_show_time (self, g_value_get_boolean (value));
      break;
    case PROP_ALLOW_EMPTY:
      tandem_date_time_row_set_allow_empty (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_date_time_row_class_init (TandemDateTimeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tandem_date_time_row_get_property;
  object_class->set_property = tandem_date_time_row_set_property;

  properties[PROP_SHOW_TIME] =
    g_param_spec_boolean ("show-time", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_EMPTY] =
    g_param_spec_boolean ("allow-empty", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tandem_date_time_row_init (TandemDateTimeRow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->show_time = TRUE;
  g_date_clear (&self->date, 1);

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_day_selected_cb), self, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show_cb), self, 0);

  self->date_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->date_button, popover);
  gtk_menu_button_set_always_show_arrow (self->date_button, FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->date_button), GTK_ALIGN_CENTER);

  self->time_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->time_entry), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->time_entry), 5);
  gtk_entry_set_max_length (self->time_entry, 5);
  gtk_entry_set_input_purpose (self->time_entry, GTK_INPUT_PURPOSE_DIGITS);
  /* Translators: placeholder of a time entry */
  gtk_entry_set_placeholder_text (self->time_entry, C_("time placeholder", "HH:MM"));
  gtk_editable_set_alignment (GTK_EDITABLE (self->time_entry), 0.5);
  gtk_widget_set_valign (GTK_WIDGET (self->time_entry), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_entry), _("A time such as 9:30 or 14.00"));
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), "09:00");
  g_signal_connect_object (self->time_entry, "changed", G_CALLBACK (on_time_changed_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_time_focus_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->time_entry), focus);

  self->clear_button = GTK_BUTTON (gtk_button_new_from_icon_name ("edit-clear-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->clear_button), "flat");
  gtk_widget_set_valign (GTK_WIDGET (self->clear_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->clear_button), _("Remove the date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the date"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), FALSE);
  g_signal_connect_object (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked_cb), self, 0);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->clear_button));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->date_button));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->time_entry));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->date_button));

  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed_cb), NULL);
  update_date_label (self);
}

GtkWidget *
tandem_date_time_row_new (void)
{
  return g_object_new (TANDEM_TYPE_DATE_TIME_ROW, NULL);
}

gboolean
tandem_date_time_row_get_show_time (TandemDateTimeRow *self)
{
  g_return_val_if_fail (TANDEM_IS_DATE_TIME_ROW (self), FALSE);
  return self->show_time;
}

void
tandem_date_time_row_set_show_time (TandemDateTimeRow *self,
                                    gboolean           show_time)
{
  g_return_if_fail (TANDEM_IS_DATE_TIME_ROW (self));

  show_time = !!show_time;
  if (self->show_time == show_time)
    return;
  self->show_time = show_time;
  gtk_widget_set_visible (GTK_WIDGET (self->time_entry), show_time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TIME]);
}

gboolean
tandem_date_time_row_get_allow_empty (TandemDateTimeRow *self)
{
  g_return_val_if_fail (TANDEM_IS_DATE_TIME_ROW (self), FALSE);
  return self->allow_empty;
}

void
tandem_date_time_row_set_allow_empty (TandemDateTimeRow *self,
                                      gboolean           allow_empty)
{
  g_return_if_fail (TANDEM_IS_DATE_TIME_ROW (self));

  allow_empty = !!allow_empty;
  if (self->allow_empty == allow_empty)
    return;
  self->allow_empty = allow_empty;
  update_date_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_EMPTY]);
}

void
tandem_date_time_row_set_date (TandemDateTimeRow *self,
                               const GDate       *date)
{
  g_return_if_fail (TANDEM_IS_DATE_TIME_ROW (self));

  if (date && g_date_valid (date))
    self->date = *date;
  else
    g_date_clear (&self->date, 1);
  update_date_label (self);
}

gboolean
tandem_date_time_row_get_date (TandemDateTimeRow *self,
                               GDate             *date)
{
  g_return_val_if_fail (TANDEM_IS_DATE_TIME_ROW (self), FALSE);

  if (!g_date_valid (&self->date))
    {
      if (date)
        g_date_clear (date, 1);
      return FALSE;
    }
  if (date)
    *date = self->date;
  return TRUE;
}

void
tandem_date_time_row_set_time (TandemDateTimeRow *self,
                               int                hour,
                               int                minute)
{
  g_autofree char *text = NULL;

  g_return_if_fail (TANDEM_IS_DATE_TIME_ROW (self));

  text = g_strdup_printf ("%02d:%02d", CLAMP (hour, 0, 23), CLAMP (minute, 0, 59));
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), text);
  self->updating = FALSE;
}

gboolean
tandem_date_time_row_get_time (TandemDateTimeRow *self,
                               int               *hour,
                               int               *minute,
                               GError           **error)
{
  g_autofree char *stripped = NULL;
  const char *text;
  const char *title;

  g_return_val_if_fail (TANDEM_IS_DATE_TIME_ROW (self), FALSE);

  text = gtk_editable_get_text (GTK_EDITABLE (self->time_entry));
  if (tandem_parse_time_of_day (text, hour, minute))
    return TRUE;

  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                 /* Translators: %s is the row's title, such as "Starts" */
                 _("%s: write a time such as 9:30"), title);
  else
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                 /* Translators: the first %s is the row's title ("Starts"), the second what was typed */
                 _("%s: “%s” is not a time of day; write it as 9:30 or 14.00"), title, text);
  return FALSE;
}

GDateTime *
tandem_date_time_row_dup_date_time (TandemDateTimeRow *self,
                                    GTimeZone         *tz,
                                    GError           **error)
{
  int hour = 0, minute = 0;

  g_return_val_if_fail (TANDEM_IS_DATE_TIME_ROW (self), NULL);

  if (!g_date_valid (&self->date))
    return NULL;
  if (self->show_time && !tandem_date_time_row_get_time (self, &hour, &minute, error))
    return NULL;
  return g_date_time_new (tz, g_date_get_year (&self->date), g_date_get_month (&self->date),
                          g_date_get_day (&self->date), hour, minute, 0);
}

void
tandem_date_time_row_set_date_time (TandemDateTimeRow *self,
                                    GDateTime         *date_time)
{
  GDate date;

  g_return_if_fail (TANDEM_IS_DATE_TIME_ROW (self));

  if (date_time == NULL)
    {
      tandem_date_time_row_set_date (self, NULL);
      return;
    }
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (date_time), g_date_time_get_month (date_time),
                  g_date_time_get_year (date_time));
  tandem_date_time_row_set_date (self, &date);
  tandem_date_time_row_set_time (self, g_date_time_get_hour (date_time), g_date_time_get_minute (date_time));
}

GtkEditable *
tandem_date_time_row_get_time_entry (TandemDateTimeRow *self)
{
  g_return_val_if_fail (TANDEM_IS_DATE_TIME_ROW (self), NULL);
  return GTK_EDITABLE (self->time_entry);
}
