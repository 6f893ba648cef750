/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemRecurrenceEditor"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-date-time-row.h"
#include "tandem-recurrence-editor.h"

typedef enum
{
  ENDS_NEVER = 0,
  ENDS_ON_DATE,
  ENDS_AFTER_COUNT,
} Ends;

struct _TandemRecurrenceEditor
{
  AdwPreferencesGroup parent_instance;

  AdwComboRow       *repeat_row;
  GtkStringList     *repeat_model;
  AdwActionRow      *interval_row;
  GtkSpinButton     *interval_spin;
  GtkLabel          *interval_unit;
  AdwPreferencesRow *weekdays_row;
  GtkToggleButton   *weekday_buttons[7];  /* Monday first */
  AdwActionRow      *month_row;
  AdwComboRow       *ends_row;
  TandemDateTimeRow *until_row;
  AdwActionRow      *count_row;
  GtkSpinButton     *count_spin;

  GDateTime         *start;
  char              *custom_rrule;   /* the rule shown as "Custom" */
  gboolean           updating;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemRecurrenceEditor, tandem_recurrence_editor, ADW_TYPE_PREFERENCES_GROUP)

static GDateTime *
get_start (TandemRecurrenceEditor *self)
{
  if (self->start == NULL)
    self->start = g_date_time_new_now_local ();
  return self->start;
}

static TandemRepeat
get_selected_repeat (TandemRecurrenceEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->repeat_row);

  if (selected > TANDEM_REPEAT_CUSTOM)
    return TANDEM_REPEAT_NONE;
  return (TandemRepeat) selected;
}

static guint
get_weekday_mask (TandemRecurrenceEditor *self)
{
  guint mask = 0;

  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (self->weekday_buttons[i]))
      mask |= 1u << i;
  return mask;
}

static void
set_weekday_mask (TandemRecurrenceEditor *self,
                  guint                   mask)
{
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->weekday_buttons[i], (mask & (1u << i)) != 0);
}

static TandemRecurrence *
build (TandemRecurrenceEditor *self)
{
  TandemRepeat repeat = get_selected_repeat (self);
  TandemRecurrence *recurrence;
  GDate until;

  if (repeat == TANDEM_REPEAT_CUSTOM && self->custom_rrule)
    {
      recurrence = tandem_recurrence_parse (self->custom_rrule, NULL);
      if (recurrence)
        return recurrence;
      recurrence = tandem_recurrence_new (TANDEM_REPEAT_NONE, get_start (self));
      recurrence->repeat = TANDEM_REPEAT_CUSTOM;
      recurrence->rrule = g_strdup (self->custom_rrule);
      return recurrence;
    }
  if (repeat == TANDEM_REPEAT_CUSTOM)
    repeat = TANDEM_REPEAT_NONE;

  recurrence = tandem_recurrence_new (repeat, get_start (self));
  if (repeat == TANDEM_REPEAT_NONE)
    return recurrence;

  if (repeat != TANDEM_REPEAT_WEEKDAYS && repeat != TANDEM_REPEAT_WEEKENDS)
    recurrence->interval = MAX (1, gtk_spin_button_get_value_as_int (self->interval_spin));
  if (repeat == TANDEM_REPEAT_WEEKLY)
    recurrence->weekdays = get_weekday_mask (self);

  g_date_clear (&recurrence->until, 1);
  recurrence->count = 0;
  switch (adw_combo_row_get_selected (self->ends_row))
    {
    case ENDS_ON_DATE:
      if (tandem_date_time_row_get_date (self->until_row, &until))
        recurrence->until = until;
      break;
    case ENDS_AFTER_COUNT:
      recurrence->count = MAX (1, gtk_spin_button_get_value_as_int (self->count_spin));
      break;
    case ENDS_NEVER:
    default:
      break;
    }
  return recurrence;
}

static char *
describe_month_day (TandemRecurrenceEditor *self,
                    TandemRepeat            repeat)
{
  g_autoptr(TandemRecurrence) recurrence = tandem_recurrence_new (repeat, get_start (self));
  g_autofree char *weekday = g_date_time_format (get_start (self), "%A");

  if (repeat == TANDEM_REPEAT_MONTHLY_BY_DAY)
    {
      if (recurrence->month_day < 0)
        return g_strdup (_("The last day of the month"));
      /* Translators: %d is a day of the month, 1 to 31 */
      return g_strdup_printf (_("Day %d of the month"), recurrence->month_day);
    }

  switch (recurrence->week_of_month)
    {
    /* Translators: %s is a weekday ("Tuesday"); these follow the start date */
    case 1: return g_strdup_printf (_("The first %s of the month"), weekday);
    case 2: return g_strdup_printf (_("The second %s of the month"), weekday);
    case 3: return g_strdup_printf (_("The third %s of the month"), weekday);
    case 4: return g_strdup_printf (_("The fourth %s of the month"), weekday);
    default: return g_strdup_printf (_("The last %s of the month"), weekday);
    }
}

static void
update_unit (TandemRecurrenceEditor *self)
{
  int n = gtk_spin_button_get_value_as_int (self->interval_spin);
  const char *unit;

  switch (get_selected_repeat (self))
    {
    case TANDEM_REPEAT_WEEKLY:
      unit = ngettext ("week", "weeks", n);
      break;
    case TANDEM_REPEAT_MONTHLY_BY_DAY:
    case TANDEM_REPEAT_MONTHLY_BY_WEEKDAY:
      unit = ngettext ("month", "months", n);
      break;
    case TANDEM_REPEAT_YEARLY:
      unit = ngettext ("year", "years", n);
      break;
    case TANDEM_REPEAT_DAILY:
    default:
      unit = ngettext ("day", "days", n);
      break;
    }
  gtk_label_set_text (self->interval_unit, unit);
}

static void
update_rows (TandemRecurrenceEditor *self)
{
  TandemRepeat repeat = get_selected_repeat (self);
  gboolean repeats = repeat != TANDEM_REPEAT_NONE && repeat != TANDEM_REPEAT_CUSTOM;
  guint ends = adw_combo_row_get_selected (self->ends_row);
  g_autoptr(TandemRecurrence) recurrence = build (self);
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->interval_row),
                          repeats && repeat != TANDEM_REPEAT_WEEKDAYS && repeat != TANDEM_REPEAT_WEEKENDS);
  gtk_widget_set_visible (GTK_WIDGET (self->weekdays_row), repeat == TANDEM_REPEAT_WEEKLY);
  gtk_widget_set_visible (GTK_WIDGET (self->month_row),
                          repeat == TANDEM_REPEAT_MONTHLY_BY_DAY || repeat == TANDEM_REPEAT_MONTHLY_BY_WEEKDAY);
  gtk_widget_set_visible (GTK_WIDGET (self->ends_row), repeats);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), repeats && ends == ENDS_ON_DATE);
  gtk_widget_set_visible (GTK_WIDGET (self->count_row), repeats && ends == ENDS_AFTER_COUNT);

  if (repeat == TANDEM_REPEAT_MONTHLY_BY_DAY || repeat == TANDEM_REPEAT_MONTHLY_BY_WEEKDAY)
    {
      g_autofree char *day = describe_month_day (self, repeat);

      adw_action_row_set_subtitle (self->month_row, day);
    }
  update_unit (self);

  if (repeat != TANDEM_REPEAT_NONE)
    description = tandem_recurrence_describe (recurrence);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->repeat_row), description ? description : "");
}

static void
emit_changed (TandemRecurrenceEditor *self)
{
  update_rows (self);
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_repeat_selected_cb (TandemRecurrenceEditor *self)
{
  if (!self->updating && get_selected_repeat (self) == TANDEM_REPEAT_WEEKLY && get_weekday_mask (self) == 0)
    {
      /* A weekly repeat starts on the start's weekday. */
      self->updating = TRUE;
      set_weekday_mask (self, TANDEM_WEEKDAY_BIT (g_date_time_get_day_of_week (get_start (self))));
      self->updating = FALSE;
    }
  emit_changed (self);
}

static void
on_ends_selected_cb (TandemRecurrenceEditor *self)
{
  GDate until;

  if (!self->updating && adw_combo_row_get_selected (self->ends_row) == ENDS_ON_DATE &&
      !tandem_date_time_row_get_date (self->until_row, NULL))
    {
      /* A start for the end date: three months on. */
      g_autoptr(GDateTime) later = g_date_time_add_months (get_start (self), 3);

      g_date_clear (&until, 1);
      g_date_set_dmy (&until, g_date_time_get_day_of_month (later), g_date_time_get_month (later),
                      g_date_time_get_year (later));
      tandem_date_time_row_set_date (self->until_row, &until);
    }
  emit_changed (self);
}

static void
on_value_changed_cb (TandemRecurrenceEditor *self)
{
  emit_changed (self);
}

static void
fill_repeat_model (TandemRecurrenceEditor *self,
                   gboolean                with_custom)
{
  const char *labels[] = {
    C_("repeat", "Does not repeat"),
    C_("repeat", "Daily"),
    C_("repeat", "Every weekday (Monday to Friday)"),
    C_("repeat", "Weekends"),
    C_("repeat", "Weekly"),
    C_("repeat", "Monthly on the same day"),
    C_("repeat", "Monthly on the same weekday"),
    C_("repeat", "Yearly"),
    C_("repeat", "Custom"),
  };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->repeat_model));
  guint wanted = with_custom ? G_N_ELEMENTS (labels) : G_N_ELEMENTS (labels) - 1;

  if (n == wanted)
    return;
  if (n == 0)
    {
      for (guint i = 0; i < wanted; i++)
        gtk_string_list_append (self->repeat_model, labels[i]);
    }
  else if (with_custom)
    gtk_string_list_append (self->repeat_model, labels[TANDEM_REPEAT_CUSTOM]);
  else
    gtk_string_list_remove (self->repeat_model, TANDEM_REPEAT_CUSTOM);
}

static GtkWidget *
spin_row_suffix (GtkSpinButton **spin_out,
                 GtkLabel      **unit_out,
                 int             max)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spin = gtk_spin_button_new_with_range (1, max, 1);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_box_append (GTK_BOX (box), spin);
  if (unit_out)
    {
      GtkWidget *unit = gtk_label_new (NULL);

      gtk_label_set_width_chars (GTK_LABEL (unit), 6);
      gtk_label_set_xalign (GTK_LABEL (unit), 0);
      gtk_box_append (GTK_BOX (box), unit);
      *unit_out = GTK_LABEL (unit);
    }
  *spin_out = GTK_SPIN_BUTTON (spin);
  return box;
}

static void
tandem_recurrence_editor_dispose (GObject *object)
{
  TandemRecurrenceEditor *self = TANDEM_RECURRENCE_EDITOR (object);

  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->custom_rrule, g_free);

  G_OBJECT_CLASS (tandem_recurrence_editor_parent_class)->dispose (object);
}

static void
tandem_recurrence_editor_class_init (TandemRecurrenceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_recurrence_editor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tandem_recurrence_editor_init (TandemRecurrenceEditor *self)
{
  g_autoptr(GtkStringList) ends = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) monday = g_date_time_new_local (2024, 1, 1, 12, 0, 0);  /* a Monday */
  GtkWidget *weekdays_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label;

  self->updating = TRUE;

  /* Repeat */
  self->repeat_model = gtk_string_list_new (NULL);
  fill_repeat_model (self, FALSE);
  self->repeat_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->repeat_row), _("_Repeat"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->repeat_row), TRUE);
  adw_combo_row_set_model (self->repeat_row, G_LIST_MODEL (self->repeat_model));
  g_object_unref (self->repeat_model);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->repeat_row));

  /* Every N */
  self->interval_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->interval_row), C_("repeat", "Every"));
  adw_action_row_add_suffix (self->interval_row, spin_row_suffix (&self->interval_spin, &self->interval_unit, 99));
  adw_action_row_set_activatable_widget (self->interval_row, GTK_WIDGET (self->interval_spin));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->interval_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  C_("repeat", "Every"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->interval_row));

  /* Weekdays: a row of toggles, Monday first. */
  label = gtk_label_new (_("On these days"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (weekdays_box), label);
  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_add_css_class (buttons, "activity-weekdays");
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (monday, i);
      g_autofree char *short_name = g_date_time_format (day, "%a");
      g_autofree char *long_name = g_date_time_format (day, "%A");
      GtkWidget *toggle = gtk_toggle_button_new_with_label (short_name);

      gtk_widget_set_tooltip_text (toggle, long_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, long_name, -1);
      gtk_widget_set_hexpand (toggle, TRUE);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (on_value_changed_cb), self, G_CONNECT_SWAPPED);
      self->weekday_buttons[i] = GTK_TOGGLE_BUTTON (toggle);
      gtk_box_append (GTK_BOX (buttons), toggle);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (buttons), GTK_ACCESSIBLE_PROPERTY_LABEL, _("On these days"), -1);
  gtk_box_append (GTK_BOX (weekdays_box), buttons);
  gtk_widget_set_margin_top (weekdays_box, 8);
  gtk_widget_set_margin_bottom (weekdays_box, 8);
  gtk_widget_set_margin_start (weekdays_box, 12);
  gtk_widget_set_margin_end (weekdays_box, 12);
  self->weekdays_row = ADW_PREFERENCES_ROW (adw_preferences_row_new ());
  adw_preferences_row_set_title (self->weekdays_row, _("On these days"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->weekdays_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->weekdays_row), weekdays_box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->weekdays_row));

  /* Monthly: which day, from the start. */
  self->month_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->month_row), C_("repeat", "On"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->month_row));

  /* Ends */
  gtk_string_list_append (ends, C_("repeat ends", "Never"));
  gtk_string_list_append (ends, C_("repeat ends", "On a date"));
  gtk_string_list_append (ends, C_("repeat ends", "After a number of times"));
  self->ends_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ends_row), C_("repeat", "_Ends"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->ends_row), TRUE);
  adw_combo_row_set_model (self->ends_row, G_LIST_MODEL (ends));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->ends_row));

  self->until_row = TANDEM_DATE_TIME_ROW (tandem_date_time_row_new ());
  tandem_date_time_row_set_show_time (self->until_row, FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->until_row), C_("repeat", "Last day"));
  g_signal_connect_object (self->until_row, "changed", G_CALLBACK (on_value_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->until_row));

  self->count_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->count_row), C_("repeat", "Number of times"));
  adw_action_row_add_suffix (self->count_row, spin_row_suffix (&self->count_spin, NULL, 999));
  adw_action_row_set_activatable_widget (self->count_row, GTK_WIDGET (self->count_spin));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  C_("repeat", "Number of times"), -1);
  gtk_spin_button_set_value (self->count_spin, 10);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->count_row));

  g_signal_connect_object (self->repeat_row, "notify::selected", G_CALLBACK (on_repeat_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ends_row, "notify::selected", G_CALLBACK (on_ends_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->interval_spin, "value-changed", G_CALLBACK (on_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->count_spin, "value-changed", G_CALLBACK (on_value_changed_cb), self,
                           G_CONNECT_SWAPPED);

  update_rows (self);
  self->updating = FALSE;
}

GtkWidget *
tandem_recurrence_editor_new (void)
{
  return g_object_new (TANDEM_TYPE_RECURRENCE_EDITOR, NULL);
}

void
tandem_recurrence_editor_set_start (TandemRecurrenceEditor *self,
                                    GDateTime              *start)
{
  GDateWeekday old_weekday = 0;

  g_return_if_fail (TANDEM_IS_RECURRENCE_EDITOR (self));

  if (self->start)
    old_weekday = g_date_time_get_day_of_week (self->start);
  g_clear_pointer (&self->start, g_date_time_unref);
  self->start = start ? g_date_time_ref (start) : NULL;

  /* A weekly repeat on just the start's weekday follows the start. */
  self->updating = TRUE;
  if (start && old_weekday && get_weekday_mask (self) == TANDEM_WEEKDAY_BIT (old_weekday))
    set_weekday_mask (self, TANDEM_WEEKDAY_BIT (g_date_time_get_day_of_week (start)));
  update_rows (self);
  self->updating = FALSE;
}

void
tandem_recurrence_editor_set_rrule (TandemRecurrenceEditor *self,
                                    const char             *rrule)
{
  g_autoptr(TandemRecurrence) recurrence = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TANDEM_IS_RECURRENCE_EDITOR (self));

  self->updating = TRUE;
  g_clear_pointer (&self->custom_rrule, g_free);
  recurrence = tandem_recurrence_parse (rrule, &error);
  if (recurrence == NULL)
    {
      /* Kept as it is; the store says what is wrong with it on save. */
      g_warning ("Cannot read the repeat rule “%s”: %s", rrule, error->message);
      recurrence = tandem_recurrence_new (TANDEM_REPEAT_NONE, get_start (self));
      recurrence->repeat = TANDEM_REPEAT_CUSTOM;
    }

  fill_repeat_model (self, recurrence->repeat == TANDEM_REPEAT_CUSTOM);
  if (recurrence->repeat == TANDEM_REPEAT_CUSTOM)
    self->custom_rrule = g_strdup (rrule);

  set_weekday_mask (self, recurrence->repeat == TANDEM_REPEAT_WEEKLY ? recurrence->weekdays : 0);
  gtk_spin_button_set_value (self->interval_spin, MAX (1, recurrence->interval));
  if (g_date_valid (&recurrence->until))
    {
      adw_combo_row_set_selected (self->ends_row, ENDS_ON_DATE);
      tandem_date_time_row_set_date (self->until_row, &recurrence->until);
    }
  else if (recurrence->count > 0)
    {
      adw_combo_row_set_selected (self->ends_row, ENDS_AFTER_COUNT);
      gtk_spin_button_set_value (self->count_spin, recurrence->count);
    }
  else
    {
      adw_combo_row_set_selected (self->ends_row, ENDS_NEVER);
      tandem_date_time_row_set_date (self->until_row, NULL);
    }
  adw_combo_row_set_selected (self->repeat_row, recurrence->repeat);
  update_rows (self);
  self->updating = FALSE;
}

char *
tandem_recurrence_editor_get_rrule (TandemRecurrenceEditor *self,
                                    GTimeZone              *tz,
                                    GError                **error)
{
  g_autoptr(TandemRecurrence) recurrence = NULL;

  g_return_val_if_fail (TANDEM_IS_RECURRENCE_EDITOR (self), NULL);

  if (get_selected_repeat (self) == TANDEM_REPEAT_CUSTOM)
    return g_strdup (self->custom_rrule);

  recurrence = build (self);
  if (recurrence->repeat == TANDEM_REPEAT_NONE)
    return NULL;
  if (!tandem_recurrence_validate (recurrence, get_start (self), error))
    return NULL;
  return tandem_recurrence_to_rrule (recurrence, tz);
}

TandemRecurrence *
tandem_recurrence_editor_dup_recurrence (TandemRecurrenceEditor *self)
{
  g_return_val_if_fail (TANDEM_IS_RECURRENCE_EDITOR (self), NULL);
  return build (self);
}

void
tandem_recurrence_editor_set_repeat (TandemRecurrenceEditor *self,
                                     TandemRepeat            repeat)
{
  g_return_if_fail (TANDEM_IS_RECURRENCE_EDITOR (self));
  g_return_if_fail (repeat < TANDEM_REPEAT_CUSTOM);

  adw_combo_row_set_selected (self->repeat_row, repeat);
}

AdwComboRow *
tandem_recurrence_editor_get_repeat_row (TandemRecurrenceEditor *self)
{
  g_return_val_if_fail (TANDEM_IS_RECURRENCE_EDITOR (self), NULL);
  return self->repeat_row;
}

GtkToggleButton *
tandem_recurrence_editor_get_weekday_button (TandemRecurrenceEditor *self,
                                             GDateWeekday            weekday)
{
  g_return_val_if_fail (TANDEM_IS_RECURRENCE_EDITOR (self), NULL);
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, NULL);
  return self->weekday_buttons[weekday - 1];
}
