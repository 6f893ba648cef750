/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemActivitiesGroup"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activities-group.h"
#include "tandem-activity-row.h"
#include "tandem-activity-window.h"

/* Store changes come in bursts (a save touches several tables); one
 * reload after the burst is enough. */
#define RELOAD_DELAY_MS 100
/* Rows before "Show all": a card is read top to bottom. */
#define GROUP_LIMIT 10

struct _TandemActivitiesGroup
{
  AdwPreferencesGroup parent_instance;

  TandemStore *store;
  gulong       changed_id;
  TandemKind   parent_kind;
  gint64       parent_id;
  GPtrArray   *rows;
  GtkWidget   *filter_row;
  GtkWidget   *completed_switch;
  guint        reload_id;
  guint        n_activities;
  gboolean     show_completed;
  gboolean     show_all;
};

enum {
  PROP_0,
  PROP_SHOW_COMPLETED,
  N_PROPS
};

enum {
  OPEN_ACTIVITY,
  PLAN_ACTIVITY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemActivitiesGroup, tandem_activities_group, ADW_TYPE_PREFERENCES_GROUP)

static char *
join_performers (TandemActivity *activity,
                 GHashTable     *user_names)
{
  g_autoptr(GString) names = g_string_new (NULL);
  const gint64 *ids;
  guint n_ids;

  ids = tandem_activity_get_performer_ids (activity, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      const char *name = g_hash_table_lookup (user_names, &ids[i]);

      if (name == NULL)
        continue;
      if (names->len)
        /* Translators: between the names of an activity's performers */
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }
  return names->len ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static GtkWidget *
create_row (TandemActivity *activity,
            GHashTable     *categories,
            GHashTable     *user_names,
            GDateTime      *now)
{
  GtkWidget *row = tandem_activity_row_new_for_activity (activity, categories, now);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *performers = join_performers (activity, user_names);
  g_autofree char *when = tandem_activity_row_describe_when (activity, now);
  const char *category = tandem_activity_get_category_name (activity);
  const char *company = tandem_activity_get_company_name (activity);
  TandemStatus status = tandem_activity_get_status (activity);
  TandemOutcome outcome = tandem_activity_get_outcome (activity);

  g_string_append (subtitle, when);
  if (category && *category)
    g_string_append_printf (subtitle, " · %s", category);
  /* On a company's card, an activity of one of its people may be linked
   * to another company as well. */
  if (company && *company)
    g_string_append_printf (subtitle, " · %s", company);
  if (performers)
    g_string_append_printf (subtitle, " · %s", performers);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  if (outcome != TANDEM_OUTCOME_NONE)
    tandem_activity_row_add_tag (TANDEM_ACTIVITY_ROW (row), tandem_outcome_get_label (outcome),
                                 outcome == TANDEM_OUTCOME_SUCCESS ? "success" : "error");
  else if (status != TANDEM_STATUS_PLANNED)
    tandem_activity_row_add_tag (TANDEM_ACTIVITY_ROW (row), tandem_status_get_label (status), NULL);
  return row;
}

static void
add_row (TandemActivitiesGroup *self,
         GtkWidget             *row)
{
  g_ptr_array_add (self->rows, row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

static void
on_row_activated_cb (AdwActionRow          *row,
                     TandemActivitiesGroup *self)
{
  g_signal_emit (self, signals[OPEN_ACTIVITY], 0,
                 tandem_activity_row_get_activity_id (TANDEM_ACTIVITY_ROW (row)),
                 tandem_activity_row_get_recurrence_id (TANDEM_ACTIVITY_ROW (row)));
}

static void
on_show_all_activated_cb (TandemActivitiesGroup *self)
{
  self->show_all = TRUE;
  tandem_activities_group_reload (self);
}

static void
on_plan_clicked_cb (TandemActivitiesGroup *self)
{
  g_signal_emit (self, signals[PLAN_ACTIVITY], 0, (int) self->parent_kind, self->parent_id, NULL);
}

static void
on_completed_switch_cb (TandemActivitiesGroup *self)
{
  tandem_activities_group_set_show_completed (self, gtk_switch_get_active (GTK_SWITCH (self->completed_switch)));
}

static gboolean
on_reload_timeout_cb (gpointer data)
{
  TandemActivitiesGroup *self = data;

  self->reload_id = 0;
  tandem_activities_group_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (TandemActivitiesGroup *self,
                     int                    kind,
                     gint64                 id,
                     TandemStore           *store)
{
  /* Activities, their companies' and people's names, settings. */
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
}

static GtkWindow *
get_window (TandemActivitiesGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_activity_default (TandemActivitiesGroup *self,
                       gint64                 activity_id,
                       gint64                 recurrence_id)
{
  TandemActivityWindow *window;
  g_autoptr(GError) error = NULL;

  window = tandem_activity_window_new_for_activity (get_window (self), self->store, activity_id,
                                                    recurrence_id, &error);
  if (window == NULL)
    {
      /* Deleted or hidden meanwhile: the list was out of date. */
      g_debug ("Could not open the activity: %s", error->message);
      tandem_activities_group_reload (self);
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
plan_activity_default (TandemActivitiesGroup *self,
                       int                    kind,
                       gint64                 id,
                       GDateTime             *start)
{
  TandemActivityWindow *window;

  window = tandem_activity_window_new_planned (get_window (self), self->store, kind, id, start, G_TIME_SPAN_HOUR);
  gtk_window_present (GTK_WINDOW (window));
}

static void
tandem_activities_group_dispose (GObject *object)
{
  TandemActivitiesGroup *self = TANDEM_ACTIVITIES_GROUP (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_activities_group_parent_class)->dispose (object);
}

static void
tandem_activities_group_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TandemActivitiesGroup *self = TANDEM_ACTIVITIES_GROUP (object);

  switch (prop_id)
    {
    case PROP_SHOW_COMPLETED:
      g_value_set_boolean (value, self->show_completed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_activities_group_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TandemActivitiesGroup *self = TANDEM_ACTIVITIES_GROUP (object);

  switch (prop_id)
    {
    case PROP_SHOW_COMPLETED:
      tandem_activities_group_set_show_completed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_activities_group_class_init (TandemActivitiesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_activities_group_dispose;
  object_class->get_property = tandem_activities_group_get_property;
  object_class->set_property = tandem_activities_group_set_property;

  properties[PROP_SHOW_COMPLETED] =
    g_param_spec_boolean ("show-completed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_ACTIVITY] =
    g_signal_new_class_handler ("open-activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (open_activity_default), NULL, NULL, NULL,
                                G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[PLAN_ACTIVITY] =
    g_signal_new_class_handler ("plan-activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (plan_activity_default), NULL, NULL, NULL,
                                G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT64, G_TYPE_DATE_TIME);
}

static void
tandem_activities_group_init (TandemActivitiesGroup *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Activities"));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Plan Activity…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_plan_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), button);

  /* The filter comes first: it stays (and keeps the focus) while the
   * activities below it are read again. */
  self->filter_row = adw_action_row_new ();
  self->completed_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->completed_switch, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->filter_row), _("Show _Completed"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->filter_row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->filter_row), self->completed_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->filter_row), self->completed_switch);
  g_signal_connect_object (self->completed_switch, "notify::active", G_CALLBACK (on_completed_switch_cb),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->filter_row);
}

void
tandem_activities_group_set_parent (TandemActivitiesGroup *self,
                                    TandemStore           *store,
                                    TandemKind             parent_kind,
                                    gint64                 parent_id)
{
  g_return_if_fail (TANDEM_IS_ACTIVITIES_GROUP (self));

  if (self->store != store)
    {
      if (self->store)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store)
        self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb),
                                                    self, G_CONNECT_SWAPPED);
    }
  if (self->parent_kind != parent_kind || self->parent_id != parent_id)
    self->show_all = FALSE;
  self->parent_kind = parent_kind;
  self->parent_id = parent_id;
  tandem_activities_group_reload (self);
}

void
tandem_activities_group_reload (TandemActivitiesGroup *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GHashTable) user_names = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  guint shown = 0;

  g_return_if_fail (TANDEM_IS_ACTIVITIES_GROUP (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  self->n_activities = 0;

  if (self->store != NULL && self->parent_id != 0 && tandem_store_get_user (self->store) != NULL)
    {
      activities = tandem_store_list_activities_of (self->store, self->parent_kind, self->parent_id, &error);
      if (activities == NULL)
        /* The parent may just have been deleted; the card is going away. */
        g_debug ("Could not read the activities: %s", error->message);
    }

  if (activities)
    {
      categories = tandem_activity_row_load_categories (self->store);
      user_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      users = tandem_store_list_users (self->store, NULL);
      for (guint i = 0; users && i < users->len; i++)
        {
          TandemUser *user = g_ptr_array_index (users, i);

          g_hash_table_insert (user_names, g_memdup2 (&(gint64) { tandem_user_get_id (user) }, sizeof (gint64)),
                               g_strdup (tandem_user_get_name (user)));
        }
    }

  for (guint i = 0; activities && i < activities->len; i++)
    {
      TandemActivity *activity = g_ptr_array_index (activities, i);
      GtkWidget *row;

      if (!self->show_completed && tandem_activity_get_status (activity) != TANDEM_STATUS_PLANNED)
        continue;
      self->n_activities++;
      if (!self->show_all && shown >= GROUP_LIMIT)
        continue;

      row = create_row (activity, categories, user_names, now);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, 0);
      add_row (self, row);
      shown++;
    }

  if (self->n_activities == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     self->show_completed ? _("No activities yet") : _("No planned activities"));
      gtk_widget_add_css_class (row, "dim-label");
      add_row (self, row);
    }
  else if (shown < self->n_activities)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All (%u Activity)",
                                                             "Show All (%u Activities)", self->n_activities),
                                                self->n_activities);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-down-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_show_all_activated_cb), self, G_CONNECT_SWAPPED);
      add_row (self, row);
    }
}

gboolean
tandem_activities_group_get_show_completed (TandemActivitiesGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITIES_GROUP (self), FALSE);
  return self->show_completed;
}

void
tandem_activities_group_set_show_completed (TandemActivitiesGroup *self,
                                            gboolean               show_completed)
{
  g_return_if_fail (TANDEM_IS_ACTIVITIES_GROUP (self));

  show_completed = !!show_completed;
  if (self->show_completed == show_completed)
    return;
  self->show_completed = show_completed;
  gtk_switch_set_active (GTK_SWITCH (self->completed_switch), show_completed);
  tandem_activities_group_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_COMPLETED]);
}

guint
tandem_activities_group_get_n_activities (TandemActivitiesGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITIES_GROUP (self), 0);
  return self->n_activities;
}
