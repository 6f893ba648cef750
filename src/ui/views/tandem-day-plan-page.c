/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemDayPlanPage"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-day-plan-page-private.h"
#include "tandem-views-resources.h"

/* Store changes come in bursts (a save touches several tables); one
 * reload after the burst is enough. */
#define RELOAD_DELAY_MS 100

struct _TandemDayPlanPage
{
  AdwBin parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkMenuButton   *date_button;
  GtkPopover      *date_popover;
  GtkCalendar     *calendar;
  GtkLabel        *date_label;
  GtkWidget       *today_button;
  GtkWidget       *overdue_heading;
  GtkListBox      *overdue_list;
  GtkWidget       *open_heading;
  GtkListBox      *open_list;
  GtkLabel        *day_heading;
  GtkListBox      *day_list;

  TandemStore     *store;
  GDateTime       *date;        /* midnight, local */
  guint            reload_id;
  guint            syncing;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_DATE,
  N_PROPS
};

enum {
  OPEN_ACTIVITY,
  PLAN_ACTIVITY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemDayPlanPage, tandem_day_plan_page, ADW_TYPE_BIN)

static GDateTime *
start_of_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  return g_date_time_new (tz, g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local), 0, 0, 0);
}

static gboolean
is_today (GDateTime *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = start_of_day (now);

  return g_date_time_equal (today, date);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)))
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static TandemOccurrence *
row_get_occurrence (TandemActivityRow *row)
{
  return g_object_get_data (G_OBJECT (row), "occurrence");
}

static gboolean
on_reload_timeout_cb (gpointer data)
{
  TandemDayPlanPage *self = data;

  self->reload_id = 0;
  tandem_day_plan_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (TandemDayPlanPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
}

static void
set_check (TandemDayPlanPage *self,
           TandemActivityRow *row,
           gboolean           active)
{
  self->syncing++;
  gtk_check_button_set_active (tandem_day_plan_page_get_row_check (row), active);
  self->syncing--;
}

static void
show_error (TandemDayPlanPage *self,
            const GError      *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static gboolean
save_status (TandemDayPlanPage *self,
             TandemActivityRow *row,
             TandemStatus       status,
             TandemOutcome      outcome)
{
  TandemOccurrence *occurrence = row_get_occurrence (row);
  gint64 activity_id = tandem_activity_row_get_activity_id (row);
  gint64 recurrence_id = tandem_activity_row_get_recurrence_id (row);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* An occurrence of a recurring activity is completed on its own (D6);
   * the series goes on. */
  if (recurrence_id != 0 || (occurrence && tandem_occurrence_is_recurring (occurrence)))
    ok = tandem_store_update_occurrence (self->store, activity_id, recurrence_id, NULL, NULL,
                                         status, outcome, &error);
  else
    ok = tandem_store_set_activity_status (self->store, activity_id, status, outcome, &error);

  if (!ok)
    {
      show_error (self, error);
      set_check (self, row, !gtk_check_button_get_active (tandem_day_plan_page_get_row_check (row)));
      return FALSE;
    }
  /* Not at once: the check button that asked is inside the row. */
  queue_reload (self);
  return TRUE;
}

static void
on_outcome_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        TandemDayPlanPage *self)
{
  TandemActivityRow *row = g_object_get_data (G_OBJECT (dialog), "row");

  if (g_str_equal (response, "success"))
    save_status (self, row, TANDEM_STATUS_COMPLETED, TANDEM_OUTCOME_SUCCESS);
  else if (g_str_equal (response, "failure"))
    save_status (self, row, TANDEM_STATUS_COMPLETED, TANDEM_OUTCOME_FAILURE);
  else
    set_check (self, row, FALSE);
}

static void
ask_outcome (TandemDayPlanPage *self,
             TandemActivityRow *row,
             gint64             goal_id)
{
  TandemOccurrence *occurrence = row_get_occurrence (row);
  g_autoptr(TandemTerm) goal = tandem_store_get_term (self->store, goal_id, NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("How Did It Go?"), NULL);
  if (goal)
    /* Translators: %1$s is the activity's title, %2$s its goal, e.g. "Arrange a meeting" */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("“%1$s” has the goal “%2$s”. Completing it records whether the goal was reached."),
                                    tandem_occurrence_get_title (occurrence), tandem_term_get_name (goal));
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("“%s” has a goal. Completing it records whether the goal was reached."),
                                    tandem_occurrence_get_title (occurrence));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "failure", C_("outcome", "_Failure"),
                                    "success", C_("outcome", "_Success"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "failure", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "success", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "success");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "row", g_object_ref (row), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_outcome_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_check_toggled_cb (GtkCheckButton    *check,
                     TandemDayPlanPage *self)
{
  TandemActivityRow *row;
  TandemOccurrence *occurrence;

  if (self->syncing)
    return;

  row = TANDEM_ACTIVITY_ROW (gtk_widget_get_ancestor (GTK_WIDGET (check), TANDEM_TYPE_ACTIVITY_ROW));
  occurrence = row_get_occurrence (row);

  if (!gtk_check_button_get_active (check))
    save_status (self, row, TANDEM_STATUS_PLANNED, TANDEM_OUTCOME_NONE);
  else if (tandem_occurrence_get_goal_id (occurrence) != 0)
    ask_outcome (self, row, tandem_occurrence_get_goal_id (occurrence));
  else
    save_status (self, row, TANDEM_STATUS_COMPLETED, TANDEM_OUTCOME_NONE);
}

static void
on_timer_clicked_cb (GtkButton         *button,
                     TandemDayPlanPage *self)
{
  TandemActivityRow *row = TANDEM_ACTIVITY_ROW (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                         TANDEM_TYPE_ACTIVITY_ROW));
  gint64 activity_id = tandem_activity_row_get_activity_id (row);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (tandem_store_get_running_timer (self->store, NULL, NULL) == activity_id)
    ok = tandem_store_stop_timer (self->store, &error);
  else
    ok = tandem_store_start_timer (self->store, activity_id, &error);
  if (!ok)
    show_error (self, error);
  queue_reload (self);
}

static char *
format_subtitle (TandemOccurrence *occurrence,
                 GDateTime        *day)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *company = tandem_occurrence_get_company_name (occurrence);
  const char *category = tandem_occurrence_get_category_name (occurrence);

  if (!tandem_occurrence_get_open_ended (occurrence))
    {
      g_autoptr(GDateTime) start = tandem_occurrence_dup_start_local (occurrence);
      g_autoptr(GDateTime) end = tandem_occurrence_dup_end_local (occurrence);
      g_autofree char *range = tandem_activity_row_format_range (start, end, tandem_occurrence_get_all_day (occurrence));

      if (tandem_occurrence_get_overdue (occurrence))
        {
          /* Overdue ones are from other days: say which. */
          g_autofree char *when = tandem_activity_row_format_when (start, FALSE, day);

          g_string_append_printf (subtitle, "%s %s", when, range);
        }
      else
        g_string_append (subtitle, range);
    }
  if (company && *company)
    g_string_append_printf (subtitle, subtitle->len ? " · %s" : "%s", company);
  if (category && *category)
    g_string_append_printf (subtitle, subtitle->len ? " · %s" : "%s", category);
  return g_string_free (g_steal_pointer (&subtitle), FALSE);
}

static GtkWidget *
create_row (TandemDayPlanPage *self,
            TandemOccurrence  *occurrence,
            gint64             running_id,
            GDateTime         *day)
{
  GtkWidget *row;
  GtkWidget *check;
  g_autofree char *subtitle = NULL;
  TandemStatus status = tandem_occurrence_get_status (occurrence);
  TandemUser *user = tandem_store_get_user (self->store);
  gint64 activity_id = tandem_occurrence_get_activity_id (occurrence);

  row = tandem_activity_row_new (activity_id, tandem_occurrence_get_recurrence_id (occurrence),
                                 tandem_occurrence_get_title (occurrence));
  g_object_set_data_full (G_OBJECT (row), "occurrence", g_object_ref (occurrence), g_object_unref);
  subtitle = format_subtitle (occurrence, day);
  if (*subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Another user's private activity: its time only (E3). */
  if (tandem_occurrence_is_masked (occurrence))
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      return row;
    }

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Completed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Completed"), -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), status == TANDEM_STATUS_COMPLETED);
  gtk_widget_set_sensitive (check, status != TANDEM_STATUS_CANCELLED);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);

  if (status == TANDEM_STATUS_CANCELLED)
    tandem_activity_row_add_tag (TANDEM_ACTIVITY_ROW (row), tandem_status_get_label (status), NULL);
  else if (status == TANDEM_STATUS_COMPLETED && tandem_occurrence_get_outcome (occurrence) != TANDEM_OUTCOME_NONE)
    tandem_activity_row_add_tag (TANDEM_ACTIVITY_ROW (row),
                                 tandem_outcome_get_label (tandem_occurrence_get_outcome (occurrence)),
                                 tandem_occurrence_get_outcome (occurrence) == TANDEM_OUTCOME_SUCCESS ? "success" : "error");

  /* The stopwatch belongs to the people who perform the activity (D8). */
  if (user != NULL && status == TANDEM_STATUS_PLANNED)
    {
      g_autoptr(TandemActivity) activity = tandem_store_get_activity (self->store, activity_id, NULL);

      if (activity && tandem_activity_has_performer (activity, tandem_user_get_id (user)))
        {
          gboolean running = running_id == activity_id;
          GtkWidget *button = gtk_button_new_from_icon_name (running ? "media-playback-stop-symbolic"
                                                                     : "media-playback-start-symbolic");
          const char *label = running ? _("Stop Stopwatch") : _("Start Stopwatch");

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          if (running)
            gtk_widget_add_css_class (button, "accent");
          gtk_widget_set_tooltip_text (button, label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_timer_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          g_object_set_data (G_OBJECT (row), "timer", button);
        }
    }
  return row;
}

static void
update_navigator (TandemDayPlanPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *short_date = tandem_activity_row_format_when (self->date, FALSE, now);
  /* Translators: the day shown in the day plan, as strftime() */
  g_autofree char *long_date = g_date_time_format (self->date, _("%A %-d %B %Y"));

  gtk_label_set_text (self->date_label, short_date);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button), long_date);
  gtk_widget_set_sensitive (self->today_button, !is_today (self->date));
  if (is_today (self->date))
    {
      /* Translators: the heading of today's activities in the day plan, %s is the date */
      g_autofree char *heading = g_strdup_printf (_("Today, %s"), long_date);

      gtk_label_set_text (self->day_heading, heading);
    }
  else
    gtk_label_set_text (self->day_heading, long_date);

  self->syncing++;
  gtk_calendar_select_day (self->calendar, self->date);
  self->syncing--;
}

static void
on_store_changed_cb (TandemDayPlanPage *self,
                     int                kind,
                     gint64             id,
                     TandemStore       *store)
{
  queue_reload (self);
}

static void
on_row_activated_cb (TandemDayPlanPage *self,
                     GtkListBoxRow     *row,
                     GtkListBox        *list)
{
  if (!TANDEM_IS_ACTIVITY_ROW (row) || tandem_activity_row_get_activity_id (TANDEM_ACTIVITY_ROW (row)) == 0)
    return;
  g_signal_emit (self, signals[OPEN_ACTIVITY], 0,
                 tandem_activity_row_get_activity_id (TANDEM_ACTIVITY_ROW (row)),
                 tandem_activity_row_get_recurrence_id (TANDEM_ACTIVITY_ROW (row)));
}

static void
move_days (TandemDayPlanPage *self,
           int                days)
{
  g_autoptr(GDateTime) noon = g_date_time_add_hours (self->date, 12);
  g_autoptr(GDateTime) moved = g_date_time_add_days (noon, days);

  /* From noon, so that a daylight saving change does not skip a day. */
  tandem_day_plan_page_set_date (self, moved);
}

static void
on_previous_clicked_cb (TandemDayPlanPage *self)
{
  move_days (self, -1);
}

static void
on_next_clicked_cb (TandemDayPlanPage *self)
{
  move_days (self, 1);
}

static void
on_today_clicked_cb (TandemDayPlanPage *self)
{
  tandem_day_plan_page_set_date (self, NULL);
}

static void
on_calendar_day_selected_cb (TandemDayPlanPage *self)
{
  g_autoptr(GDateTime) date = NULL;

  if (self->syncing)
    return;
  date = gtk_calendar_get_date (self->calendar);
  tandem_day_plan_page_set_date (self, date);
  gtk_popover_popdown (self->date_popover);
}

static void
on_plan_clicked_cb (TandemDayPlanPage *self)
{
  g_autoptr(GDateTime) start = NULL;

  if (!is_today (self->date))
    start = g_date_time_add_hours (self->date, 9);
  g_signal_emit (self, signals[PLAN_ACTIVITY], 0, (int) TANDEM_KIND_NONE, (gint64) 0, start);
}

static void
tandem_day_plan_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tandem_day_plan_page_parent_class)->map (widget);
  /* What is overdue moves on while the page is hidden. */
  tandem_day_plan_page_reload (TANDEM_DAY_PLAN_PAGE (widget));
}

static void
tandem_day_plan_page_constructed (GObject *object)
{
  TandemDayPlanPage *self = TANDEM_DAY_PLAN_PAGE (object);

  G_OBJECT_CLASS (tandem_day_plan_page_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  tandem_day_plan_page_reload (self);
}

static void
tandem_day_plan_page_dispose (GObject *object)
{
  TandemDayPlanPage *self = TANDEM_DAY_PLAN_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  /* The bound toast overlay is the bin's own child: the bin lets go of
   * it first, or disposing the template would unparent it behind the
   * bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_DAY_PLAN_PAGE);

  G_OBJECT_CLASS (tandem_day_plan_page_parent_class)->dispose (object);
}

static void
tandem_day_plan_page_finalize (GObject *object)
{
  TandemDayPlanPage *self = TANDEM_DAY_PLAN_PAGE (object);

  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_day_plan_page_parent_class)->finalize (object);
}

static void
tandem_day_plan_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TandemDayPlanPage *self = TANDEM_DAY_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_day_plan_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TandemDayPlanPage *self = TANDEM_DAY_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DATE:
      tandem_day_plan_page_set_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_day_plan_page_class_init (TandemDayPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_day_plan_page_constructed;
  object_class->dispose = tandem_day_plan_page_dispose;
  object_class->finalize = tandem_day_plan_page_finalize;
  object_class->get_property = tandem_day_plan_page_get_property;
  object_class->set_property = tandem_day_plan_page_set_property;
  widget_class->map = tandem_day_plan_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_ACTIVITY] =
    g_signal_new ("open-activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[PLAN_ACTIVITY] =
    g_signal_new ("plan-activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT64, G_TYPE_DATE_TIME);

  /* Links the templates in, also from the static library. */
  (void) tandem_views_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/views/tandem-day-plan-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemDayPlanPage, name)
  CHILD (toast_overlay);
  CHILD (date_button);
  CHILD (date_popover);
  CHILD (calendar);
  CHILD (date_label);
  CHILD (today_button);
  CHILD (overdue_heading);
  CHILD (overdue_list);
  CHILD (open_heading);
  CHILD (open_list);
  CHILD (day_heading);
  CHILD (day_list);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_clicked_cb);
}

static void
tandem_day_plan_page_init (TandemDayPlanPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->date = start_of_day (now);

  placeholder = gtk_label_new (_("Nothing planned for this day"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (self->day_list, placeholder);
  update_navigator (self);
}

GtkWidget *
tandem_day_plan_page_new (TandemStore *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  return g_object_new (TANDEM_TYPE_DAY_PLAN_PAGE, "store", store, NULL);
}

TandemStore *
tandem_day_plan_page_get_store (TandemDayPlanPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DAY_PLAN_PAGE (self), NULL);
  return self->store;
}

GDateTime *
tandem_day_plan_page_get_date (TandemDayPlanPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DAY_PLAN_PAGE (self), NULL);
  return self->date;
}

void
tandem_day_plan_page_set_date (TandemDayPlanPage *self,
                               GDateTime         *date)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (TANDEM_IS_DAY_PLAN_PAGE (self));

  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  day = start_of_day (date);
  if (self->date && g_date_time_equal (day, self->date))
    return;

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = g_steal_pointer (&day);
  update_navigator (self);
  if (self->store)
    tandem_day_plan_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

void
tandem_day_plan_page_reload (TandemDayPlanPage *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 running_id = 0;
  guint n_overdue = 0, n_open = 0;

  g_return_if_fail (TANDEM_IS_DAY_PLAN_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  clear_list (self->overdue_list);
  clear_list (self->open_list);
  clear_list (self->day_list);
  update_navigator (self);

  if (tandem_store_get_user (self->store) != NULL)
    {
      items = tandem_store_list_day_plan (self->store, self->date, &error);
      if (items == NULL)
        show_error (self, error);
      running_id = tandem_store_get_running_timer (self->store, NULL, NULL);
    }

  for (guint i = 0; items && i < items->len; i++)
    {
      TandemOccurrence *occurrence = g_ptr_array_index (items, i);
      GtkWidget *row = create_row (self, occurrence, running_id, self->date);

      if (tandem_occurrence_get_overdue (occurrence))
        {
          gtk_list_box_append (self->overdue_list, row);
          n_overdue++;
        }
      else if (tandem_occurrence_get_open_ended (occurrence))
        {
          gtk_list_box_append (self->open_list, row);
          n_open++;
        }
      else
        gtk_list_box_append (self->day_list, row);
    }

  gtk_widget_set_visible (self->overdue_heading, n_overdue > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_list), n_overdue > 0);
  gtk_widget_set_visible (self->open_heading, n_open > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->open_list), n_open > 0);
}

GtkListBox *
tandem_day_plan_page_get_list (TandemDayPlanPage    *self,
                               TandemDayPlanSection  section)
{
  g_return_val_if_fail (TANDEM_IS_DAY_PLAN_PAGE (self), NULL);

  switch (section)
    {
    case TANDEM_DAY_PLAN_OVERDUE:
      return self->overdue_list;
    case TANDEM_DAY_PLAN_OPEN_ENDED:
      return self->open_list;
    case TANDEM_DAY_PLAN_DAY:
    default:
      return self->day_list;
    }
}

TandemActivityRow *
tandem_day_plan_page_find_row (TandemDayPlanPage *self,
                               gint64             activity_id)
{
  GtkListBox *lists[] = { self->overdue_list, self->open_list, self->day_list };

  g_return_val_if_fail (TANDEM_IS_DAY_PLAN_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (lists[i])); child;
         child = gtk_widget_get_next_sibling (child))
      if (TANDEM_IS_ACTIVITY_ROW (child) &&
          tandem_activity_row_get_activity_id (TANDEM_ACTIVITY_ROW (child)) == activity_id)
        return TANDEM_ACTIVITY_ROW (child);
  return NULL;
}

GtkCheckButton *
tandem_day_plan_page_get_row_check (TandemActivityRow *row)
{
  return g_object_get_data (G_OBJECT (row), "check");
}

GtkButton *
tandem_day_plan_page_get_row_timer (TandemActivityRow *row)
{
  return g_object_get_data (G_OBJECT (row), "timer");
}
