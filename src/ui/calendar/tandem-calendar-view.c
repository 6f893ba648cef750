/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCalendarView"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <langinfo.h>
#endif

#include "tandem-calendar-month-view.h"
#include "tandem-calendar-time-grid.h"
#include "tandem-calendar-user.h"
#include "tandem-calendar-view.h"
#include "tandem-calendar-week-header.h"

/* Below this width the week shows as a day (SPEC D18 on a phone). */
#define NARROW_WIDTH     560
#define RELOAD_DELAY_MS  150
#define FIRST_HOUR_SHOWN 7

struct _TandemCalendarView
{
  GtkWidget parent_instance;

  TandemStore        *store;
  gulong              changed_id;
  guint               reload_id;
  guint               tick_id;

  TandemCalendarMode  mode;
  GDateTime          *date;          /* local midnight */
  GDateTime          *today;         /* local midnight, when last shown */
  GDateTime          *from;          /* the range shown */
  GDateTime          *to;
  GArray             *user_ids;      /* gint64, the users shown */
  GPtrArray          *users;         /* TandemCalendarUser, the same */
  GPtrArray          *all_users;     /* TandemUser, from the store */
  GHashTable         *models;        /* user id → GListStore of TandemOccurrence */
  char               *title;
  gboolean            narrow;
  gboolean            scroll_pending;
  guint               updating_people : 1;

  GtkWidget          *nav_box;
  GtkWidget          *switch_box;
  GtkWidget          *title_squeezer;
  GtkWidget          *today_button;
  GtkWidget          *previous_button;
  GtkWidget          *next_button;
  GtkWidget          *title_label;
  GtkWidget          *short_title_label;
  GtkWidget          *mode_box;
  GtkWidget          *people_button;
  GtkWidget          *people_popover;
  GtkWidget          *people_list;
  GtkWidget          *error_revealer;
  GtkWidget          *error_label;
  GtkWidget          *stack;
  GtkWidget          *month_view;
  GtkWidget          *week_header;
  GtkWidget          *grid_scroller;
  GtkWidget          *time_grid;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODE,
  PROP_DATE,
  PROP_TITLE,
  N_PROPS
};

enum {
  OPEN_OCCURRENCE,
  PLAN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_ENUM_TYPE (TandemCalendarMode, tandem_calendar_mode,
                    G_DEFINE_ENUM_VALUE (TANDEM_CALENDAR_DAY, "day"),
                    G_DEFINE_ENUM_VALUE (TANDEM_CALENDAR_WEEK, "week"),
                    G_DEFINE_ENUM_VALUE (TANDEM_CALENDAR_MONTH, "month"))

G_DEFINE_FINAL_TYPE (TandemCalendarView, tandem_calendar_view, GTK_TYPE_WIDGET)

static void reload (TandemCalendarView *self);

/* The first day of the week: the locale's where the C library tells it
 * (as GtkCalendar reads it), else Monday (ISO 8601). 1 = Monday … 7 =
 * Sunday, as g_date_time_get_day_of_week(). */
static int
get_first_weekday (void)
{
#ifdef __GLIBC__
  union { unsigned int word; char *string; } langinfo;
  int week_1stday = 0;
  int first_weekday;
  guint week_origin;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;
  if (week_origin == 19971130)       /* a Sunday */
    week_1stday = 0;
  else if (week_origin == 19971201)  /* a Monday */
    week_1stday = 1;
  else
    return 1;
  /* 0 = Sunday … 6 = Saturday */
  first_weekday = (week_1stday + first_weekday - 1) % 7;
  return first_weekday == 0 ? 7 : first_weekday;
#else
  return 1;
#endif
}

static GDateTime *
local_midnight (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  return g_date_time_new_local (g_date_time_get_year (local),
                                g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local),
                                0, 0, 0);
}

static GDateTime *
today_midnight (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return local_midnight (now);
}

static GDateTime *
week_start (GDateTime *date)
{
  int offset = (g_date_time_get_day_of_week (date) - get_first_weekday () + 7) % 7;

  return g_date_time_add_days (date, -offset);
}

static TandemCalendarMode
get_effective_mode (TandemCalendarView *self)
{
  if (self->mode == TANDEM_CALENDAR_WEEK && self->narrow)
    return TANDEM_CALENDAR_DAY;
  return self->mode;
}

static guint
get_n_days (TandemCalendarView *self)
{
  switch (get_effective_mode (self))
    {
    case TANDEM_CALENDAR_DAY:
      return 1;
    case TANDEM_CALENDAR_WEEK:
      return 7;
    case TANDEM_CALENDAR_MONTH:
    default:
      return TANDEM_CALENDAR_MONTH_DAYS;
    }
}

static GDateTime *
compute_from (TandemCalendarView *self)
{
  switch (get_effective_mode (self))
    {
    case TANDEM_CALENDAR_DAY:
      return g_date_time_ref (self->date);
    case TANDEM_CALENDAR_WEEK:
      return week_start (self->date);
    case TANDEM_CALENDAR_MONTH:
    default:
      {
        g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (self->date),
                                                            g_date_time_get_month (self->date),
                                                            1, 0, 0, 0);
        return week_start (first);
      }
    }
}

static char *
format_week_range (GDateTime *first,
                   GDateTime *last)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  /* Translators: the last day of a week in the calendar's title, see
   * g_date_time_format(). */
  end = g_date_time_format (last, C_("calendar week range end", "%-d %B %Y"));
  if (g_date_time_get_year (first) != g_date_time_get_year (last))
    {
      /* Translators: the first day of a week that ends in another year. */
      start = g_date_time_format (first, C_("calendar week range start, other year", "%-d %B %Y"));
      /* Translators: a range of days across months: first – last. */
      return g_strdup_printf (C_("calendar week range across months", "%s – %s"), start, end);
    }
  if (g_date_time_get_month (first) != g_date_time_get_month (last))
    {
      /* Translators: the first day of a week that ends in another month. */
      start = g_date_time_format (first, C_("calendar week range start, other month", "%-d %B"));
      return g_strdup_printf (C_("calendar week range across months", "%s – %s"), start, end);
    }
  /* Translators: the first day of a week within one month. */
  start = g_date_time_format (first, C_("calendar week range start", "%-d"));
  /* Translators: a range of days in one month: first–last (no spaces). */
  return g_strdup_printf (C_("calendar week range in a month", "%s–%s"), start, end);
}

static void
update_title (TandemCalendarView *self)
{
  g_autofree char *title = NULL;
  g_autofree char *short_title = NULL;

  switch (get_effective_mode (self))
    {
    case TANDEM_CALENDAR_DAY:
      /* Translators: the calendar's title in the day view, see
       * g_date_time_format(). */
      title = g_date_time_format (self->date, C_("calendar day title", "%A, %-d %B %Y"));
      /* Translators: the short title of the day view. */
      short_title = g_date_time_format (self->date, C_("calendar day short title", "%a %-d %b"));
      break;

    case TANDEM_CALENDAR_WEEK:
      {
        g_autoptr(GDateTime) last = g_date_time_add_days (self->from, 6);
        /* The ISO week of the range's Thursday (or Wednesday when weeks
         * start on Sunday): the week most of the days belong to. */
        g_autoptr(GDateTime) middle = g_date_time_add_days (self->from, 3);
        g_autofree char *range = format_week_range (self->from, last);
        g_autofree char *start = g_date_time_format (self->from, "%-d");
        g_autofree char *end = g_date_time_format (last, C_("calendar week short title end", "%-d %b"));
        int week = g_date_time_get_week_of_year (middle);

        /* Translators: the calendar's title in the week view: the week
         * number and its days, e.g. "Week 48, 23–29 November 2026". */
        title = g_strdup_printf (C_("calendar week title", "Week %d, %s"), week, range);
        /* Translators: the short title of the week view, e.g. "W48 · 23–29 Nov". */
        short_title = g_strdup_printf (C_("calendar week short title", "W%d · %s–%s"), week, start, end);
      }
      break;

    case TANDEM_CALENDAR_MONTH:
    default:
      /* Translators: the calendar's title in the month view, with the
       * month in the nominative (%OB), see g_date_time_format(). */
      title = g_date_time_format (self->date, C_("calendar month title", "%OB %Y"));
      /* Translators: the short title of the month view. */
      short_title = g_date_time_format (self->date, C_("calendar month short title", "%b %Y"));
      break;
    }

  gtk_label_set_label (GTK_LABEL (self->title_label), title);
  gtk_label_set_label (GTK_LABEL (self->short_title_label), short_title);
  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

static void
update_navigation (TandemCalendarView *self)
{
  const char *previous, *next;

  switch (get_effective_mode (self))
    {
    case TANDEM_CALENDAR_DAY:
      previous = _("Previous Day");
      next = _("Next Day");
      break;
    case TANDEM_CALENDAR_WEEK:
      previous = _("Previous Week");
      next = _("Next Week");
      break;
    case TANDEM_CALENDAR_MONTH:
    default:
      previous = _("Previous Month");
      next = _("Next Month");
      break;
    }
  gtk_widget_set_tooltip_text (self->previous_button, previous);
  gtk_widget_set_tooltip_text (self->next_button, next);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, previous, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, next, -1);
}

static const char *
find_user_name (TandemCalendarView *self,
                gint64              id)
{
  TandemUser *me = tandem_store_get_user (self->store);

  for (guint i = 0; self->all_users && i < self->all_users->len; i++)
    {
      TandemUser *user = g_ptr_array_index (self->all_users, i);

      if (tandem_user_get_id (user) == id)
        return tandem_user_get_name (user);
    }
  if (me && tandem_user_get_id (me) == id)
    return tandem_user_get_name (me);
  return NULL;
}

static void
rebuild_users (TandemCalendarView *self)
{
  g_ptr_array_set_size (self->users, 0);
  for (guint i = 0; i < self->user_ids->len; i++)
    {
      gint64 id = g_array_index (self->user_ids, gint64, i);
      const char *name = find_user_name (self, id);
      g_autofree char *fallback = NULL;

      if (name == NULL)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          /* Translators: a user whose name the calendar cannot read; %s
           * is the user's number. */
          name = fallback = g_strdup_printf (_("User %s"), number);
        }
      g_ptr_array_add (self->users, tandem_calendar_user_new (id, name, i));
    }
}

static GListStore *
get_model (TandemCalendarView *self,
           gint64              user_id)
{
  GListStore *model = g_hash_table_lookup (self->models, &user_id);

  if (model == NULL)
    {
      model = g_list_store_new (TANDEM_TYPE_OCCURRENCE);
      g_hash_table_insert (self->models, g_memdup2 (&user_id, sizeof user_id), model);
    }
  return model;
}

static void
show_error (TandemCalendarView *self,
            const char         *message)
{
  if (message)
    {
      /* Translators: shown above the calendar when it cannot be read;
       * %s is the reason. */
      g_autofree char *text = g_strdup_printf (_("The calendar could not be read: %s"), message);

      gtk_label_set_label (GTK_LABEL (self->error_label), text);
    }
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->error_revealer), message != NULL);
}

static void
show_data (TandemCalendarView *self)
{
  g_autoptr(GPtrArray) models = g_ptr_array_new ();
  g_autoptr(GPtrArray) empty_models = g_ptr_array_new ();
  g_autoptr(GListStore) empty = g_list_store_new (TANDEM_TYPE_OCCURRENCE);

  for (guint i = 0; i < self->users->len; i++)
    {
      TandemCalendarUser *user = g_ptr_array_index (self->users, i);

      g_ptr_array_add (models, get_model (self, user->id));
      g_ptr_array_add (empty_models, empty);
    }

  /* The hidden page keeps nothing of what it showed before. */
  if (get_effective_mode (self) == TANDEM_CALENDAR_MONTH)
    {
      tandem_calendar_week_header_set_data (TANDEM_CALENDAR_WEEK_HEADER (self->week_header),
                                            self->from, 1, self->users, empty_models);
      tandem_calendar_time_grid_set_data (TANDEM_CALENDAR_TIME_GRID (self->time_grid),
                                          self->from, 1, self->users, empty_models);
      tandem_calendar_month_view_set_data (TANDEM_CALENDAR_MONTH_VIEW (self->month_view),
                                           self->from, g_date_time_get_month (self->date),
                                           self->users, models);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "month");
    }
  else
    {
      guint n_days = get_n_days (self);
      guint day = (guint) (g_date_time_difference (self->date, self->from) / G_TIME_SPAN_DAY);
      int minute;

      tandem_calendar_month_view_set_data (TANDEM_CALENDAR_MONTH_VIEW (self->month_view),
                                           self->from, g_date_time_get_month (self->date),
                                           self->users, empty_models);
      tandem_calendar_week_header_set_data (TANDEM_CALENDAR_WEEK_HEADER (self->week_header),
                                            self->from, n_days, self->users, models);
      tandem_calendar_time_grid_set_data (TANDEM_CALENDAR_TIME_GRID (self->time_grid),
                                          self->from, n_days, self->users, models);
      tandem_calendar_time_grid_get_slot (TANDEM_CALENDAR_TIME_GRID (self->time_grid), NULL, &minute);
      tandem_calendar_time_grid_set_slot (TANDEM_CALENDAR_TIME_GRID (self->time_grid),
                                          MIN (day, n_days - 1) * MAX (self->users->len, 1), minute);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "grid");
    }
}

/* Reads the shown range from the store: one query per user shown. */
static void
reload (TandemCalendarView *self)
{
  g_autoptr(GError) first_error = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);

  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);
  self->from = compute_from (self);
  self->to = g_date_time_add_days (self->from, get_n_days (self));
  g_clear_pointer (&self->today, g_date_time_unref);
  self->today = today_midnight ();

  for (guint i = 0; i < self->users->len; i++)
    {
      TandemCalendarUser *user = g_ptr_array_index (self->users, i);
      GListStore *model = get_model (self, user->id);
      g_autoptr(GPtrArray) occurrences = NULL;
      g_autoptr(GError) error = NULL;

      occurrences = tandem_store_list_occurrences (self->store, user->id, self->from, self->to,
                                                   FALSE, &error);
      if (occurrences == NULL)
        {
          g_list_store_remove_all (model);
          if (first_error == NULL)
            first_error = g_steal_pointer (&error);
          continue;
        }
      g_list_store_splice (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                           occurrences->pdata, occurrences->len);
    }

  show_error (self, first_error ? first_error->message : NULL);
  update_title (self);
  update_navigation (self);
  show_data (self);
}

static gboolean
on_reload_timeout_cb (gpointer data)
{
  TandemCalendarView *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (TandemCalendarView *self)
{
  /* A save often emits "changed" several times; read once after. */
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
}

static void
load_users (TandemCalendarView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->all_users, g_ptr_array_unref);
  self->all_users = tandem_store_list_users (self->store, &error);
  if (self->all_users == NULL)
    g_debug ("Users not listed: %s", error->message);
  rebuild_users (self);
}

static void
on_store_changed_cb (TandemStore        *store,
                     int                 kind,
                     gint64              id,
                     TandemCalendarView *self)
{
  /* Users and settings change with kind "none": names may have changed. */
  if (kind == TANDEM_KIND_NONE)
    load_users (self);
  queue_reload (self);
}

static void
on_person_toggled_cb (GtkCheckButton     *button,
                      TandemCalendarView *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "user-id");
  g_autoptr(GArray) ids = NULL;

  if (self->updating_people)
    return;

  ids = g_array_copy (self->user_ids);
  if (gtk_check_button_get_active (button))
    g_array_append_val (ids, id);
  else
    for (guint i = 0; i < ids->len; i++)
      if (g_array_index (ids, gint64, i) == id)
        {
          g_array_remove_index (ids, i);
          break;
        }
  tandem_calendar_view_set_users (self, (const gint64 *) ids->data, ids->len);
}

static gboolean
shows_user (TandemCalendarView *self,
            gint64              id)
{
  for (guint i = 0; i < self->user_ids->len; i++)
    if (g_array_index (self->user_ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Marks who is shown without rebuilding the list, so that the focus
 * stays on the check button just toggled. */
static void
update_people_checks (TandemCalendarView *self)
{
  self->updating_people = TRUE;
  for (GtkWidget *check = gtk_widget_get_first_child (self->people_list);
       check;
       check = gtk_widget_get_next_sibling (check))
    {
      gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "user-id");
      gboolean shown = shows_user (self, id);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), shown);
      /* At least one calendar stays shown. */
      gtk_widget_set_sensitive (check, !(shown && self->user_ids->len == 1));
    }
  self->updating_people = FALSE;
}

static void
update_people_list (TandemCalendarView *self)
{
  GtkWidget *child;

  self->updating_people = TRUE;
  while ((child = gtk_widget_get_first_child (self->people_list)))
    gtk_box_remove (GTK_BOX (self->people_list), child);

  for (guint i = 0; self->all_users && i < self->all_users->len; i++)
    {
      TandemUser *user = g_ptr_array_index (self->all_users, i);
      gint64 id = tandem_user_get_id (user);
      gboolean shown = shows_user (self, id);
      GtkWidget *check;

      if (!tandem_user_get_active (user) && !shown)
        continue;
      check = gtk_check_button_new_with_label (tandem_user_get_name (user));
      g_object_set_data_full (G_OBJECT (check), "user-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_person_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->people_list), check);
    }
  self->updating_people = FALSE;
  update_people_checks (self);
}

static void
on_people_popover_show_cb (TandemCalendarView *self)
{
  update_people_list (self);
}

static gboolean
scroll_to_first_hour_cb (gpointer data)
{
  TandemCalendarView *self = data;
  GtkAdjustment *adjustment;

  if (self->grid_scroller)
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->grid_scroller));
      gtk_adjustment_set_value (adjustment, FIRST_HOUR_SHOWN * TANDEM_CALENDAR_HOUR_HEIGHT);
    }
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
on_vadjustment_changed_cb (GtkAdjustment      *adjustment,
                           TandemCalendarView *self)
{
  /* Start the day at 07:00 the first time the grid has its size; the
   * viewport sets the value itself while it is being allocated, so
   * after that. */
  if (!self->scroll_pending || gtk_adjustment_get_page_size (adjustment) <= 0 ||
      gtk_adjustment_get_upper (adjustment) < FIRST_HOUR_SHOWN * TANDEM_CALENDAR_HOUR_HEIGHT)
    return;
  self->scroll_pending = FALSE;
  g_idle_add (scroll_to_first_hour_cb, g_object_ref (self));
}

static gboolean
on_tick_cb (gpointer data)
{
  TandemCalendarView *self = data;
  g_autoptr(GDateTime) today = today_midnight ();

  /* After midnight "today" moves: read and mark again. */
  if (self->today == NULL || !g_date_time_equal (today, self->today))
    reload (self);
  else
    gtk_widget_queue_allocate (self->time_grid);
  return G_SOURCE_CONTINUE;
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GDateTime) today = today_midnight ();

  tandem_calendar_view_set_date (TANDEM_CALENDAR_VIEW (widget), today);
}

static void
step (TandemCalendarView *self,
      int                 direction)
{
  g_autoptr(GDateTime) date = NULL;

  switch (get_effective_mode (self))
    {
    case TANDEM_CALENDAR_DAY:
      date = g_date_time_add_days (self->date, direction);
      break;
    case TANDEM_CALENDAR_WEEK:
      date = g_date_time_add_weeks (self->date, direction);
      break;
    case TANDEM_CALENDAR_MONTH:
    default:
      date = g_date_time_add_months (self->date, direction);
      break;
    }
  tandem_calendar_view_set_date (self, date);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step (TANDEM_CALENDAR_VIEW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step (TANDEM_CALENDAR_VIEW (widget), 1);
}

static void
open_occurrence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gint64 activity_id, recurrence_id;

  g_variant_get (parameter, "(xx)", &activity_id, &recurrence_id);
  if (activity_id > 0)
    g_signal_emit (widget, signals[OPEN_OCCURRENCE], 0, activity_id, recurrence_id);
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gint64 start_unix, duration, user_id;
  g_autoptr(GDateTime) start = NULL;

  g_variant_get (parameter, "(xxx)", &start_unix, &duration, &user_id);
  start = g_date_time_new_from_unix_local (start_unix);
  if (start)
    g_signal_emit (widget, signals[PLAN], 0, start, duration, user_id);
}

static void
show_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TandemCalendarView *self = TANDEM_CALENDAR_VIEW (widget);
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_local (g_variant_get_int64 (parameter));

  if (day == NULL)
    return;
  /* One reading for both changes. */
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = local_midnight (day);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  if (self->mode != TANDEM_CALENDAR_DAY)
    {
      self->mode = TANDEM_CALENDAR_DAY;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
    }
  reload (self);
}

static int
natural_width (GtkWidget *widget)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static int
natural_height (GtkWidget *widget,
                int        width)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  return natural;
}

/* Do the navigation (with at least the short title) and the view
 * switcher fit side by side, or does the switcher go below? */
static gboolean
top_bar_fits_one_row (TandemCalendarView *self,
                      int                 width)
{
  int needed = natural_width (self->nav_box) - natural_width (self->title_squeezer) +
               natural_width (self->short_title_label) + natural_width (self->switch_box);

  return width < 0 || width >= needed;
}

static int
top_bar_height (TandemCalendarView *self,
                int                 width)
{
  if (top_bar_fits_one_row (self, width))
    return MAX (natural_height (self->nav_box, -1), natural_height (self->switch_box, -1));
  return natural_height (self->nav_box, width) + natural_height (self->switch_box, width);
}

static GtkSizeRequestMode
tandem_calendar_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tandem_calendar_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  TandemCalendarView *self = TANDEM_CALENDAR_VIEW (widget);
  GtkWidget *below[] = { self->error_revealer, self->stack };

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int nav_min, nav_nat, switch_min, switch_nat;

      gtk_widget_measure (self->nav_box, orientation, -1, &nav_min, &nav_nat, NULL, NULL);
      gtk_widget_measure (self->switch_box, orientation, -1, &switch_min, &switch_nat, NULL, NULL);
      *minimum = MAX (nav_min, switch_min);
      *natural = nav_nat + switch_nat;
    }
  else
    {
      *minimum = *natural = top_bar_height (self, for_size);
    }

  for (guint i = 0; i < G_N_ELEMENTS (below); i++)
    {
      int min, nat;

      gtk_widget_measure (below[i], orientation, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &min, &nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
      else
        {
          *minimum += min;
          *natural += nat;
        }
    }
}

static gboolean
on_narrow_changed_cb (gpointer data)
{
  TandemCalendarView *self = data;

  /* Not when the view went away meanwhile. */
  if (self->stack && self->mode == TANDEM_CALENDAR_WEEK)
    reload (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
tandem_calendar_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  TandemCalendarView *self = TANDEM_CALENDAR_VIEW (widget);
  gboolean narrow = width < NARROW_WIDTH;
  int y, revealer_height;

  /* On a phone the view switcher goes below the navigation. */
  if (top_bar_fits_one_row (self, width))
    {
      int switch_width = natural_width (self->switch_box);

      y = top_bar_height (self, width);
      gtk_widget_size_allocate (self->nav_box, &(GtkAllocation) { 0, 0, width - switch_width, y }, -1);
      gtk_widget_size_allocate (self->switch_box, &(GtkAllocation) { width - switch_width, 0, switch_width, y }, -1);
    }
  else
    {
      int nav_height = natural_height (self->nav_box, width);
      int switch_height = natural_height (self->switch_box, width);

      gtk_widget_size_allocate (self->nav_box, &(GtkAllocation) { 0, 0, width, nav_height }, -1);
      gtk_widget_size_allocate (self->switch_box, &(GtkAllocation) { 0, nav_height, width, switch_height }, -1);
      y = nav_height + switch_height;
    }

  revealer_height = natural_height (self->error_revealer, width);
  gtk_widget_size_allocate (self->error_revealer, &(GtkAllocation) { 0, y, width, revealer_height }, -1);
  y += revealer_height;
  gtk_widget_measure (self->stack, GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->stack, &(GtkAllocation) { 0, y, width, MAX (height - y, 0) }, -1);

  /* The week gives way to the day on narrow screens; the change of
   * children waits until this allocation is over. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_narrow_changed_cb, g_object_ref (self), NULL);
    }
}

static void
tandem_calendar_view_map (GtkWidget *widget)
{
  TandemCalendarView *self = TANDEM_CALENDAR_VIEW (widget);

  GTK_WIDGET_CLASS (tandem_calendar_view_parent_class)->map (widget);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (60, on_tick_cb, self);
  on_tick_cb (self);
}

static void
tandem_calendar_view_unmap (GtkWidget *widget)
{
  TandemCalendarView *self = TANDEM_CALENDAR_VIEW (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  GTK_WIDGET_CLASS (tandem_calendar_view_parent_class)->unmap (widget);
}

static void
tandem_calendar_view_constructed (GObject *object)
{
  TandemCalendarView *self = TANDEM_CALENDAR_VIEW (object);
  TandemUser *me;

  G_OBJECT_CLASS (tandem_calendar_view_parent_class)->constructed (object);

  g_return_if_fail (TANDEM_IS_STORE (self->store));

  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  me = tandem_store_get_user (self->store);
  if (me)
    {
      gint64 id = tandem_user_get_id (me);

      g_array_append_val (self->user_ids, id);
    }
  load_users (self);
  reload (self);
}

static void
tandem_calendar_view_dispose (GObject *object)
{
  TandemCalendarView *self = TANDEM_CALENDAR_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_CALENDAR_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tandem_calendar_view_parent_class)->dispose (object);
}

static void
tandem_calendar_view_finalize (GObject *object)
{
  TandemCalendarView *self = TANDEM_CALENDAR_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->today, g_date_time_unref);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);
  g_clear_pointer (&self->user_ids, g_array_unref);
  g_clear_pointer (&self->users, g_ptr_array_unref);
  g_clear_pointer (&self->all_users, g_ptr_array_unref);
  g_clear_pointer (&self->models, g_hash_table_unref);
  g_free (self->title);

  G_OBJECT_CLASS (tandem_calendar_view_parent_class)->finalize (object);
}

static void
tandem_calendar_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TandemCalendarView *self = TANDEM_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_calendar_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TandemCalendarView *self = TANDEM_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MODE:
      tandem_calendar_view_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_DATE:
      if (g_value_get_boxed (value))
        tandem_calendar_view_set_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
load_style (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "tandem-calendar-css"))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/tandemcrm/Tandem/calendar/tandem-calendar.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data (G_OBJECT (display), "tandem-calendar-css", GINT_TO_POINTER (1));
}

static void
tandem_calendar_view_class_init (TandemCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  struct { guint key; GdkModifierType mods; const char *action; const char *mode; } keys[] = {
    { GDK_KEY_Page_Up, 0, "calendar.previous", NULL },
    { GDK_KEY_KP_Page_Up, 0, "calendar.previous", NULL },
    { GDK_KEY_Page_Down, 0, "calendar.next", NULL },
    { GDK_KEY_KP_Page_Down, 0, "calendar.next", NULL },
    { GDK_KEY_Left, GDK_ALT_MASK, "calendar.previous", NULL },
    { GDK_KEY_Right, GDK_ALT_MASK, "calendar.next", NULL },
    { GDK_KEY_t, GDK_CONTROL_MASK, "calendar.today", NULL },
    { GDK_KEY_1, GDK_CONTROL_MASK, "calendar.mode", "day" },
    { GDK_KEY_2, GDK_CONTROL_MASK, "calendar.mode", "week" },
    { GDK_KEY_3, GDK_CONTROL_MASK, "calendar.mode", "month" },
  };

  object_class->constructed = tandem_calendar_view_constructed;
  object_class->dispose = tandem_calendar_view_dispose;
  object_class->finalize = tandem_calendar_view_finalize;
  object_class->get_property = tandem_calendar_view_get_property;
  object_class->set_property = tandem_calendar_view_set_property;
  widget_class->get_request_mode = tandem_calendar_view_get_request_mode;
  widget_class->measure = tandem_calendar_view_measure;
  widget_class->size_allocate = tandem_calendar_view_size_allocate;
  widget_class->map = tandem_calendar_view_map;
  widget_class->unmap = tandem_calendar_view_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, TANDEM_TYPE_CALENDAR_MODE, TANDEM_CALENDAR_MONTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemCalendarView::open-occurrence:
   * @activity_id: the activity
   * @recurrence_id: the occurrence of a recurring one, or 0
   */
  signals[OPEN_OCCURRENCE] =
    g_signal_new ("open-occurrence", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  /**
   * TandemCalendarView::plan:
   * @start: the slot's start, local time
   * @duration: seconds
   * @user_id: whose calendar the slot is in
   */
  signals[PLAN] =
    g_signal_new ("plan", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_DATE_TIME, G_TYPE_INT64, G_TYPE_INT64);

  g_type_ensure (TANDEM_TYPE_CALENDAR_MONTH_VIEW);
  g_type_ensure (TANDEM_TYPE_CALENDAR_WEEK_HEADER);
  g_type_ensure (TANDEM_TYPE_CALENDAR_TIME_GRID);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/calendar/tandem-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, nav_box);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, switch_box);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, today_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, next_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, title_label);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, short_title_label);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, mode_box);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, people_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, people_popover);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, people_list);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, month_view);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, week_header);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, grid_scroller);
  gtk_widget_class_bind_template_child (widget_class, TandemCalendarView, time_grid);

  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_action);
  gtk_widget_class_install_property_action (widget_class, "calendar.mode", "mode");
  gtk_widget_class_install_action (widget_class, "calendar.open-occurrence", "(xx)", open_occurrence_action);
  gtk_widget_class_install_action (widget_class, "calendar.plan", "(xxx)", plan_action);
  gtk_widget_class_install_action (widget_class, "calendar.show-day", "x", show_day_action);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (keys[i].mode)
        gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods,
                                             keys[i].action, "s", keys[i].mode);
      else
        gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods,
                                             keys[i].action, NULL);
    }

  gtk_widget_class_set_css_name (widget_class, "calendar-view");
}

static void
tandem_calendar_view_init (TandemCalendarView *self)
{
  GtkAdjustment *vadjustment;
  GtkWidget *viewport;
  struct { GtkWidget *widget; const char *keys; } shortcuts[3];

  load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->mode = TANDEM_CALENDAR_MONTH;
  self->date = today_midnight ();
  self->user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->users = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_calendar_user_free);
  self->models = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->scroll_pending = TRUE;

  g_signal_connect_swapped (self->people_popover, "show", G_CALLBACK (on_people_popover_show_cb), self);
  /* The grid scrolls to what gets the focus itself: the viewport would
   * show the grid's top whenever the grid takes the focus. */
  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->grid_scroller));
  if (GTK_IS_VIEWPORT (viewport))
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->grid_scroller));
  g_signal_connect (vadjustment, "changed", G_CALLBACK (on_vadjustment_changed_cb), self);

  shortcuts[0].widget = self->today_button;
  shortcuts[0].keys = "Control+t";
  shortcuts[1].widget = self->previous_button;
  shortcuts[1].keys = "Page_Up";
  shortcuts[2].widget = self->next_button;
  shortcuts[2].keys = "Page_Down";
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (shortcuts[i].widget),
                                    GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, shortcuts[i].keys,
                                    -1);
  update_navigation (self);
}

GtkWidget *
tandem_calendar_view_new (TandemStore *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  return g_object_new (TANDEM_TYPE_CALENDAR_VIEW, "store", store, NULL);
}

TandemCalendarMode
tandem_calendar_view_get_mode (TandemCalendarView *self)
{
  g_return_val_if_fail (TANDEM_IS_CALENDAR_VIEW (self), TANDEM_CALENDAR_MONTH);

  return self->mode;
}

void
tandem_calendar_view_set_mode (TandemCalendarView *self,
                               TandemCalendarMode  mode)
{
  g_return_if_fail (TANDEM_IS_CALENDAR_VIEW (self));
  g_return_if_fail (mode <= TANDEM_CALENDAR_MONTH);

  if (self->mode == mode)
    return;
  self->mode = mode;
  if (self->store)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

GDateTime *
tandem_calendar_view_get_date (TandemCalendarView *self)
{
  g_return_val_if_fail (TANDEM_IS_CALENDAR_VIEW (self), NULL);

  return self->date;
}

void
tandem_calendar_view_set_date (TandemCalendarView *self,
                               GDateTime          *date)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (TANDEM_IS_CALENDAR_VIEW (self));
  g_return_if_fail (date != NULL);

  day = local_midnight (date);
  if (self->date && g_date_time_equal (day, self->date))
    return;
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = g_steal_pointer (&day);
  if (self->store)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const gint64 *
tandem_calendar_view_get_users (TandemCalendarView *self,
                                guint              *n_users)
{
  g_return_val_if_fail (TANDEM_IS_CALENDAR_VIEW (self), NULL);

  if (n_users)
    *n_users = self->user_ids->len;
  return (const gint64 *) self->user_ids->data;
}

void
tandem_calendar_view_set_users (TandemCalendarView *self,
                                const gint64       *user_ids,
                                guint               n_users)
{
  g_return_if_fail (TANDEM_IS_CALENDAR_VIEW (self));
  g_return_if_fail (user_ids != NULL || n_users == 0);

  g_array_set_size (self->user_ids, 0);
  for (guint i = 0; i < n_users; i++)
    if (!shows_user (self, user_ids[i]))
      g_array_append_val (self->user_ids, user_ids[i]);

  /* Drop what was read for users no longer shown. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->models);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!shows_user (self, *(gint64 *) key))
        g_hash_table_iter_remove (&iter);
  }

  rebuild_users (self);
  update_people_checks (self);
  if (self->store)
    reload (self);
}

GListModel *
tandem_calendar_view_get_occurrences (TandemCalendarView *self,
                                      gint64              user_id)
{
  g_return_val_if_fail (TANDEM_IS_CALENDAR_VIEW (self), NULL);

  if (!shows_user (self, user_id))
    return NULL;
  return G_LIST_MODEL (get_model (self, user_id));
}

const char *
tandem_calendar_view_get_title (TandemCalendarView *self)
{
  g_return_val_if_fail (TANDEM_IS_CALENDAR_VIEW (self), NULL);

  return self->title;
}

void
tandem_calendar_view_get_range (TandemCalendarView  *self,
                                GDateTime          **from,
                                GDateTime          **to)
{
  g_return_if_fail (TANDEM_IS_CALENDAR_VIEW (self));

  if (from)
    *from = self->from ? g_date_time_ref (self->from) : NULL;
  if (to)
    *to = self->to ? g_date_time_ref (self->to) : NULL;
}
