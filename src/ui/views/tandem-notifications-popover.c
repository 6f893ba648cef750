/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemNotificationsPopover"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activity-row.h"
#include "tandem-notifications-popover-private.h"
#include "tandem-views-resources.h"

/* Store changes come in bursts (a save touches several tables); one
 * reload after the burst is enough. */
#define RELOAD_DELAY_MS 100
/* The newest ones; older reminders have done their work. */
#define LIST_LIMIT 50

struct _TandemNotificationsPopover
{
  GtkPopover parent_instance;

  /* template widgets */
  GtkWidget   *mark_all_button;
  GtkStack    *stack;
  GtkListBox  *list_box;

  TandemStore *store;
  guint        reload_id;
  guint        n_unread;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_UNREAD,
  N_PROPS
};

enum {
  OPEN_ACTIVITY,
  PLAN_ACTIVITY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemNotificationsPopover, tandem_notifications_popover, GTK_TYPE_POPOVER)

static void
set_n_unread (TandemNotificationsPopover *self,
              guint                       n_unread)
{
  if (self->n_unread == n_unread)
    return;
  self->n_unread = n_unread;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNREAD]);
}

static GtkWidget *
create_row (TandemNotification *notification,
            GDateTime          *now)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (tandem_notification_get_occurrence_start (notification));
  g_autofree char *when = start ? tandem_activity_row_format_when (start, TRUE, now) : NULL;
  gboolean unread = !tandem_notification_get_is_read (notification);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_notification_get_title (notification));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (when)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_add_css_class (icon, unread ? "accent" : "dim-label");
  if (unread)
    {
      gtk_widget_set_tooltip_text (icon, _("Unread"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unread"), -1);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data_full (G_OBJECT (row), "notification", g_object_ref (notification), g_object_unref);
  return row;
}

static gboolean
on_reload_timeout_cb (gpointer data)
{
  TandemNotificationsPopover *self = data;

  self->reload_id = 0;
  tandem_notifications_popover_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (TandemNotificationsPopover *self,
                     int                         kind,
                     gint64                      id,
                     TandemStore                *store)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
}

static void
on_row_activated_cb (TandemNotificationsPopover *self,
                     GtkListBoxRow              *row,
                     GtkListBox                 *list_box)
{
  TandemNotification *notification = g_object_get_data (G_OBJECT (row), "notification");
  g_autoptr(TandemActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  gint64 activity_id, recurrence_id = 0;

  if (notification == NULL)
    return;
  g_object_ref (notification);
  activity_id = tandem_notification_get_activity_id (notification);

  if (!tandem_notification_get_is_read (notification) &&
      !tandem_store_mark_notifications_read (self->store, tandem_notification_get_id (notification), &error))
    g_warning ("Could not mark the notification read: %s", error->message);

  /* A reminder of a recurring activity is about one occurrence. */
  activity = tandem_store_get_activity (self->store, activity_id, NULL);
  if (activity && tandem_activity_get_rrule (activity) != NULL)
    recurrence_id = tandem_notification_get_occurrence_start (notification);

  gtk_popover_popdown (GTK_POPOVER (self));
  tandem_notifications_popover_reload (self);
  if (activity != NULL)
    g_signal_emit (self, signals[OPEN_ACTIVITY], 0, activity_id, recurrence_id);
  g_object_unref (notification);
}

static void
on_mark_all_clicked_cb (TandemNotificationsPopover *self)
{
  g_autoptr(GError) error = NULL;

  if (!tandem_store_mark_notifications_read (self->store, 0, &error))
    g_warning ("Could not mark the notifications read: %s", error->message);
  tandem_notifications_popover_reload (self);
}

static void
tandem_notifications_popover_show (GtkWidget *widget)
{
  tandem_notifications_popover_reload (TANDEM_NOTIFICATIONS_POPOVER (widget));
  GTK_WIDGET_CLASS (tandem_notifications_popover_parent_class)->show (widget);
}

static void
tandem_notifications_popover_constructed (GObject *object)
{
  TandemNotificationsPopover *self = TANDEM_NOTIFICATIONS_POPOVER (object);

  G_OBJECT_CLASS (tandem_notifications_popover_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  tandem_notifications_popover_reload (self);
}

static void
tandem_notifications_popover_dispose (GObject *object)
{
  TandemNotificationsPopover *self = TANDEM_NOTIFICATIONS_POPOVER (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_NOTIFICATIONS_POPOVER);

  G_OBJECT_CLASS (tandem_notifications_popover_parent_class)->dispose (object);
}

static void
tandem_notifications_popover_finalize (GObject *object)
{
  TandemNotificationsPopover *self = TANDEM_NOTIFICATIONS_POPOVER (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_notifications_popover_parent_class)->finalize (object);
}

static void
tandem_notifications_popover_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  TandemNotificationsPopover *self = TANDEM_NOTIFICATIONS_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_UNREAD:
      g_value_set_uint (value, self->n_unread);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_notifications_popover_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  TandemNotificationsPopover *self = TANDEM_NOTIFICATIONS_POPOVER (object);

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
tandem_notifications_popover_class_init (TandemNotificationsPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_notifications_popover_constructed;
  object_class->dispose = tandem_notifications_popover_dispose;
  object_class->finalize = tandem_notifications_popover_finalize;
  object_class->get_property = tandem_notifications_popover_get_property;
  object_class->set_property = tandem_notifications_popover_set_property;
  widget_class->show = tandem_notifications_popover_show;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_UNREAD] =
    g_param_spec_uint ("n-unread", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_ACTIVITY] =
    g_signal_new ("open-activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[PLAN_ACTIVITY] =
    g_signal_new ("plan-activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT64, G_TYPE_DATE_TIME);

  /* Links the templates in, also from the static library. */
  (void) tandem_views_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tandemcrm/Tandem/views/tandem-notifications-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemNotificationsPopover, mark_all_button);
  gtk_widget_class_bind_template_child (widget_class, TandemNotificationsPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemNotificationsPopover, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mark_all_clicked_cb);
}

static void
tandem_notifications_popover_init (TandemNotificationsPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tandem_notifications_popover_new (TandemStore *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  return g_object_new (TANDEM_TYPE_NOTIFICATIONS_POPOVER, "store", store, NULL);
}

void
tandem_notifications_popover_reload (TandemNotificationsPopover *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) notifications = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *old;
  guint n_unread = 0;

  g_return_if_fail (TANDEM_IS_NOTIFICATIONS_POPOVER (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  while ((old = gtk_list_box_get_row_at_index (self->list_box, 0)))
    gtk_list_box_remove (self->list_box, GTK_WIDGET (old));

  if (tandem_store_get_user (self->store) != NULL)
    {
      notifications = tandem_store_list_notifications (self->store, LIST_LIMIT, &error);
      if (notifications == NULL)
        g_warning ("Could not read the notifications: %s", error->message);
      else
        n_unread = tandem_store_count_unread_notifications (self->store, NULL);
    }

  for (guint i = 0; notifications && i < notifications->len; i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (notifications, i), now));

  gtk_widget_set_sensitive (self->mark_all_button, n_unread > 0);
  gtk_stack_set_visible_child_name (self->stack, notifications && notifications->len > 0 ? "list" : "empty");
  set_n_unread (self, n_unread);
}

guint
tandem_notifications_popover_get_n_unread (TandemNotificationsPopover *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTIFICATIONS_POPOVER (self), 0);
  return self->n_unread;
}

GtkListBox *
tandem_notifications_popover_get_list_box (TandemNotificationsPopover *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTIFICATIONS_POPOVER (self), NULL);
  return self->list_box;
}
