/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStartPage"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activity-row.h"
#include "tandem-recurrence.h"
#include "tandem-start-page-private.h"
#include "tandem-views-resources.h"

/* Store changes come in bursts (a save touches several tables); one
 * reload after the burst is enough. */
#define RELOAD_DELAY_MS 100

struct _TandemStartPage
{
  AdwBin parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkLabel            *date_label;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *status_group;
  AdwActionRow        *timer_row;
  AdwActionRow        *notifications_row;
  GtkStack            *stack;
  GtkListBox          *list_box;

  TandemStore         *store;
  guint                reload_id;
  guint                clock_id;
  gint64               timer_activity_id;
  GDateTime           *timer_started;
  guint                n_rows;
  guint                n_overdue;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  OPEN_ACTIVITY,
  PLAN_ACTIVITY,
  SHOW_NOTIFICATIONS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemStartPage, tandem_start_page, ADW_TYPE_BIN)

/* What a row shows of an activity. */
typedef struct
{
  gint64      activity_id;
  const char *title;
  const char *company;
  const char *category_name;
  gint64      category_id;
  gint64      priority_id;
  GDateTime  *when;       /* owned; start, or the follow-up date */
  gboolean    with_time;
  GDateTime  *due;        /* owned; when it counts as overdue */
  gboolean    overdue;
  gboolean    recurring;
} Entry;

static void
entry_clear (Entry *entry)
{
  g_clear_pointer (&entry->when, g_date_time_unref);
  g_clear_pointer (&entry->due, g_date_time_unref);
}

static void
entry_from_activity (Entry          *entry,
                     TandemActivity *activity,
                     GDateTime      *now)
{
  GDateTime *start = tandem_activity_get_start (activity);
  GDateTime *end = tandem_activity_get_end (activity);
  g_autoptr(GDateTime) follow_up = tandem_activity_row_parse_date (tandem_activity_get_follow_up (activity));

  entry->activity_id = tandem_record_get_id (TANDEM_RECORD (activity));
  entry->title = tandem_activity_get_title (activity);
  entry->company = tandem_activity_get_company_name (activity);
  entry->category_name = tandem_activity_get_category_name (activity);
  entry->category_id = tandem_activity_get_category_id (activity);
  entry->priority_id = tandem_activity_get_priority_id (activity);

  entry->recurring = tandem_activity_get_rrule (activity) != NULL;

  if (entry->recurring && start != NULL)
    {
      g_autoptr(TandemRecurrence) recurrence = tandem_recurrence_parse_at (tandem_activity_get_rrule (activity),
                                                                           start, NULL);

      /* A series is due when its last occurrence ends: here the end of
       * its until date; one that repeats for ever is never overdue. */
      if (recurrence && g_date_valid (&recurrence->until))
        {
          g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

          entry->due = g_date_time_new (tz, g_date_get_year (&recurrence->until),
                                        g_date_get_month (&recurrence->until),
                                        g_date_get_day (&recurrence->until), 23, 59, 59);
          entry->overdue = g_date_time_compare (entry->due, now) < 0;
        }
    }
  else if (start != NULL && end != NULL && !tandem_activity_get_open_ended (activity))
    {
      entry->when = g_date_time_ref (start);
      entry->with_time = !tandem_activity_get_all_day (activity);
      entry->due = g_date_time_ref (end);
      entry->overdue = g_date_time_compare (end, now) < 0;
    }

  if (follow_up != NULL)
    {
      g_autoptr(GDateTime) next_day = g_date_time_add_days (follow_up, 1);
      /* A follow-up date is due during its whole day. */
      gboolean follow_up_overdue = g_date_time_compare (next_day, now) <= 0;

      if (entry->when == NULL)
        entry->when = g_date_time_ref (follow_up);
      if (follow_up_overdue && !entry->overdue)
        {
          g_clear_pointer (&entry->due, g_date_time_unref);
          entry->due = g_date_time_ref (follow_up);
          entry->overdue = TRUE;
        }
    }
}

/* The highest priority of the list ("High" as shipped): only that one is
 * worth a tag on the start page. */
static gint64
find_top_priority (TandemStore *store)
{
  g_autoptr(GPtrArray) priorities = tandem_store_list_terms (store, TANDEM_TERM_PRIORITY, NULL);
  TandemTerm *top = NULL;

  for (guint i = 0; priorities && i < priorities->len; i++)
    {
      TandemTerm *term = g_ptr_array_index (priorities, i);

      if (top == NULL || tandem_term_get_position (term) >= tandem_term_get_position (top))
        top = term;
    }
  return top ? tandem_term_get_id (top) : 0;
}

static GtkWidget *
create_row (TandemStartPage *self,
            Entry           *entry,
            GHashTable      *categories,
            gint64           top_priority_id,
            GDateTime       *now)
{
  GtkWidget *row = tandem_activity_row_new (entry->activity_id, 0, entry->title);
  TandemActivityRow *arow = TANDEM_ACTIVITY_ROW (row);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *when = NULL;
  TandemTerm *category = g_hash_table_lookup (categories, &entry->category_id);

  tandem_activity_row_set_category (arow, category);

  /* When first: the page is about what is due. */
  if (entry->when)
    when = tandem_activity_row_format_when (entry->when, entry->with_time, now);
  else if (entry->recurring)
    when = g_strdup (_("Repeats"));
  if (when)
    g_string_append (subtitle, when);
  if (entry->category_name && *entry->category_name)
    g_string_append_printf (subtitle, subtitle->len ? " · %s" : "%s", entry->category_name);
  if (entry->company && *entry->company)
    g_string_append_printf (subtitle, subtitle->len ? " · %s" : "%s", entry->company);
  if (subtitle->len)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  if (entry->priority_id != 0 && entry->priority_id == top_priority_id)
    {
      g_autoptr(TandemTerm) priority = tandem_store_get_term (self->store, entry->priority_id, NULL);

      if (priority)
        tandem_activity_row_add_tag (arow, tandem_term_get_name (priority), "warning");
    }
  /* Overdue: how long, in the error colour. */
  if (entry->overdue)
    {
      g_autofree char *late = entry->due ? tandem_activity_row_format_overdue (entry->due, now) : NULL;

      tandem_activity_row_add_tag (arow, late ? late : C_("tag", "Overdue"), "error");
    }

  return row;
}

static void
clear_list (TandemStartPage *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list_box, 0)))
    gtk_list_box_remove (self->list_box, GTK_WIDGET (row));
  self->n_rows = 0;
  self->n_overdue = 0;
}

static void
update_timer_subtitle (TandemStartPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) started = NULL;
  g_autofree char *since = NULL;
  g_autofree char *subtitle = NULL;
  GTimeSpan elapsed;
  gint64 minutes;

  if (self->timer_started == NULL)
    return;

  started = g_date_time_to_local (self->timer_started);
  since = tandem_activity_row_format_when (started, TRUE, now);
  elapsed = MAX (0, g_date_time_difference (now, started));
  minutes = elapsed / G_TIME_SPAN_MINUTE;
  if (minutes < 60)
    /* Translators: the stopwatch: when it was started, and for how long it has run */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Started %s · %d minute", "Started %s · %d minutes", minutes),
                                since, (int) minutes);
  else
    /* Translators: the stopwatch: when it was started, and hours:minutes it has run */
    subtitle = g_strdup_printf (_("Started %s · %d:%02d"), since, (int) (minutes / 60), (int) (minutes % 60));
  adw_action_row_set_subtitle (self->timer_row, subtitle);
}

static gboolean
on_clock_tick_cb (gpointer data)
{
  update_timer_subtitle (data);
  return G_SOURCE_CONTINUE;
}

static void
reload_timer (TandemStartPage *self)
{
  g_autoptr(GDateTime) started = NULL;
  g_autoptr(GError) error = NULL;
  gint64 activity_id;

  activity_id = tandem_store_get_running_timer (self->store, &started, &error);
  if (error)
    g_debug ("Could not read the stopwatch: %s", error->message);

  self->timer_activity_id = activity_id;
  g_clear_pointer (&self->timer_started, g_date_time_unref);
  if (activity_id == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->timer_row), FALSE);
      g_clear_handle_id (&self->clock_id, g_source_remove);
      return;
    }

  {
    g_autoptr(TandemActivity) activity = tandem_store_get_activity (self->store, activity_id, NULL);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->timer_row),
                                   activity ? tandem_activity_get_title (activity) : _("Stopwatch running"));
  }
  self->timer_started = started ? g_date_time_ref (started) : g_date_time_new_now_local ();
  update_timer_subtitle (self);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_row), TRUE);
  if (self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (30, on_clock_tick_cb, self);
}

static void
reload_notifications (TandemStartPage *self)
{
  g_autoptr(GError) error = NULL;
  guint n = tandem_store_count_unread_notifications (self->store, &error);

  if (error)
    g_debug ("Could not count the notifications: %s", error->message);
  if (n > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unread notification",
                                                             "%u unread notifications", n), n);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notifications_row), title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notifications_row), n > 0);
}

static void
reload_header (TandemStartPage *self,
               GDateTime       *now)
{
  /* Translators: today's date at the top of the start page, as strftime() */
  g_autofree char *date = g_date_time_format (now, _("%A %-d %B %Y"));
  g_autoptr(GString) summary = g_string_new (NULL);

  gtk_label_set_text (self->date_label, date);

  /* Without activities the empty state below says it. */
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), self->n_rows > 0);
  if (self->n_rows > 0)
    g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u activity due", "%u activities due",
                                                  self->n_rows), self->n_rows);
  if (self->n_overdue > 0)
    {
      /* Translators: follows "3 activities due", e.g. "3 activities due, 1 overdue" */
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, ", %u overdue", ", %u overdue",
                                                    self->n_overdue), self->n_overdue);
    }
  gtk_label_set_text (self->summary_label, summary->str);
}

static gboolean
on_reload_timeout_cb (gpointer data)
{
  TandemStartPage *self = data;

  self->reload_id = 0;
  tandem_start_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (TandemStartPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
}

static void
on_store_changed_cb (TandemStartPage *self,
                     int              kind,
                     gint64           id,
                     TandemStore     *store)
{
  queue_reload (self);
}

static void
on_row_activated_cb (TandemStartPage *self,
                     GtkListBoxRow   *row,
                     GtkListBox      *list_box)
{
  if (!TANDEM_IS_ACTIVITY_ROW (row))
    return;
  g_signal_emit (self, signals[OPEN_ACTIVITY], 0,
                 tandem_activity_row_get_activity_id (TANDEM_ACTIVITY_ROW (row)),
                 tandem_activity_row_get_recurrence_id (TANDEM_ACTIVITY_ROW (row)));
}

static void
on_status_row_activated_cb (TandemStartPage *self,
                            GtkListBoxRow   *row)
{
  if (row == GTK_LIST_BOX_ROW (self->timer_row) && self->timer_activity_id != 0)
    g_signal_emit (self, signals[OPEN_ACTIVITY], 0, self->timer_activity_id, (gint64) 0);
  else if (row == GTK_LIST_BOX_ROW (self->notifications_row))
    g_signal_emit (self, signals[SHOW_NOTIFICATIONS], 0);
}

static void
on_plan_clicked_cb (TandemStartPage *self)
{
  g_signal_emit (self, signals[PLAN_ACTIVITY], 0, (int) TANDEM_KIND_NONE, (gint64) 0, NULL);
}

static void
on_stop_clicked_cb (TandemStartPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!tandem_store_stop_timer (self->store, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  tandem_start_page_reload (self);
}

static void
tandem_start_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tandem_start_page_parent_class)->map (widget);
  /* The date and what is overdue move on while the page is hidden. */
  tandem_start_page_reload (TANDEM_START_PAGE (widget));
}

static void
tandem_start_page_constructed (GObject *object)
{
  TandemStartPage *self = TANDEM_START_PAGE (object);

  G_OBJECT_CLASS (tandem_start_page_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  tandem_start_page_reload (self);
}

static void
tandem_start_page_dispose (GObject *object)
{
  TandemStartPage *self = TANDEM_START_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->clock_id, g_source_remove);
  /* The bound toast overlay is the bin's own child: the bin lets go of
   * it first, or disposing the template would unparent it behind the
   * bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_START_PAGE);

  G_OBJECT_CLASS (tandem_start_page_parent_class)->dispose (object);
}

static void
tandem_start_page_finalize (GObject *object)
{
  TandemStartPage *self = TANDEM_START_PAGE (object);

  g_clear_pointer (&self->timer_started, g_date_time_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_start_page_parent_class)->finalize (object);
}

static void
tandem_start_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TandemStartPage *self = TANDEM_START_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_start_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TandemStartPage *self = TANDEM_START_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_start_page_class_init (TandemStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_start_page_constructed;
  object_class->dispose = tandem_start_page_dispose;
  object_class->finalize = tandem_start_page_finalize;
  object_class->get_property = tandem_start_page_get_property;
  object_class->set_property = tandem_start_page_set_property;
  widget_class->map = tandem_start_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_ACTIVITY] =
    g_signal_new ("open-activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[PLAN_ACTIVITY] =
    g_signal_new ("plan-activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT64, G_TYPE_DATE_TIME);
  signals[SHOW_NOTIFICATIONS] =
    g_signal_new ("show-notifications", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Links the templates in, also from the static library. */
  (void) tandem_views_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/views/tandem-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemStartPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemStartPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStartPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TandemStartPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, TandemStartPage, timer_row);
  gtk_widget_class_bind_template_child (widget_class, TandemStartPage, notifications_row);
  gtk_widget_class_bind_template_child (widget_class, TandemStartPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemStartPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_clicked_cb);
}

static void
tandem_start_page_init (TandemStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->timer_row, "activated", G_CALLBACK (on_status_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notifications_row, "activated", G_CALLBACK (on_status_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
tandem_start_page_new (TandemStore *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  return g_object_new (TANDEM_TYPE_START_PAGE, "store", store, NULL);
}

TandemStore *
tandem_start_page_get_store (TandemStartPage *self)
{
  g_return_val_if_fail (TANDEM_IS_START_PAGE (self), NULL);
  return self->store;
}

void
tandem_start_page_reload (TandemStartPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 top_priority_id;

  g_return_if_fail (TANDEM_IS_START_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  clear_list (self);

  if (tandem_store_get_user (self->store) == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      reload_header (self, now);
      return;
    }

  reload_timer (self);
  reload_notifications (self);
  gtk_widget_set_visible (GTK_WIDGET (self->status_group),
                          gtk_widget_get_visible (GTK_WIDGET (self->timer_row)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->notifications_row)));

  items = tandem_store_list_start_page (self->store, now, &error);
  if (items == NULL)
    {
      g_warning ("Could not read the start page: %s", error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }

  categories = tandem_activity_row_load_categories (self->store);
  top_priority_id = find_top_priority (self->store);
  for (guint i = 0; items && i < items->len; i++)
    {
      TandemActivity *item = g_ptr_array_index (items, i);
      Entry entry = { 0 };

      entry_from_activity (&entry, item, now);

      gtk_list_box_append (self->list_box, create_row (self, &entry, categories, top_priority_id, now));
      self->n_rows++;
      if (entry.overdue)
        self->n_overdue++;
      entry_clear (&entry);
    }

  gtk_stack_set_visible_child_name (self->stack, self->n_rows > 0 ? "list" : "empty");
  reload_header (self, now);
}

GtkListBox *
tandem_start_page_get_list_box (TandemStartPage *self)
{
  g_return_val_if_fail (TANDEM_IS_START_PAGE (self), NULL);
  return self->list_box;
}
