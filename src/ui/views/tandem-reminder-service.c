/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemReminderService"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activity-row.h"
#include "tandem-reminder-service.h"

#define TICK_SECONDS 30

struct _TandemReminderService
{
  GObject       parent_instance;

  GApplication *application;   /* weak */
  TandemStore  *store;
  guint         tick_id;
};

enum {
  COLLECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemReminderService, tandem_reminder_service, G_TYPE_OBJECT)

static void
send_notification (TandemReminderService *self,
                   TandemNotification    *notification,
                   GDateTime             *now)
{
  g_autoptr(GNotification) desktop = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *id = NULL;
  g_autofree char *body = NULL;
  gint64 activity_id = tandem_notification_get_activity_id (notification);
  gint64 occurrence = tandem_notification_get_occurrence_start (notification);

  if (self->application == NULL || !g_application_get_is_registered (self->application))
    return;

  id = g_strdup_printf ("activity-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, activity_id, occurrence);
  start = g_date_time_new_from_unix_local (occurrence);
  body = start ? tandem_activity_row_format_when (start, TRUE, now) : NULL;

  desktop = g_notification_new (tandem_notification_get_title (notification));
  if (body)
    g_notification_set_body (desktop, body);
  g_notification_set_default_action_and_target_value (desktop, "app.open-activity",
                                                      g_variant_new_int64 (activity_id));
  g_application_send_notification (self->application, id, desktop);
}

static gboolean
on_tick_cb (gpointer data)
{
  tandem_reminder_service_tick (data, NULL);
  return G_SOURCE_CONTINUE;
}

static void
tandem_reminder_service_dispose (GObject *object)
{
  TandemReminderService *self = TANDEM_REMINDER_SERVICE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_reminder_service_parent_class)->dispose (object);
}

static void
tandem_reminder_service_class_init (TandemReminderServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_reminder_service_dispose;

  signals[COLLECTED] =
    g_signal_new ("collected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
tandem_reminder_service_init (TandemReminderService *self)
{
}

TandemReminderService *
tandem_reminder_service_new (GApplication *application,
                             TandemStore  *store)
{
  TandemReminderService *self;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_REMINDER_SERVICE, NULL);
  g_set_weak_pointer (&self->application, application);
  self->store = g_object_ref (store);
  return self;
}

void
tandem_reminder_service_start (TandemReminderService *self)
{
  g_return_if_fail (TANDEM_IS_REMINDER_SERVICE (self));

  if (self->tick_id != 0)
    return;
  tandem_reminder_service_tick (self, NULL);
  self->tick_id = g_timeout_add_seconds (TICK_SECONDS, on_tick_cb, self);
}

void
tandem_reminder_service_stop (TandemReminderService *self)
{
  g_return_if_fail (TANDEM_IS_REMINDER_SERVICE (self));

  g_clear_handle_id (&self->tick_id, g_source_remove);
}

gboolean
tandem_reminder_service_is_running (TandemReminderService *self)
{
  g_return_val_if_fail (TANDEM_IS_REMINDER_SERVICE (self), FALSE);
  return self->tick_id != 0;
}

guint
tandem_reminder_service_tick (TandemReminderService *self,
                              GDateTime             *now)
{
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TANDEM_IS_REMINDER_SERVICE (self), 0);

  /* Reminders belong to the signed-in user; nobody, nothing to remind. */
  if (tandem_store_get_user (self->store) == NULL)
    return 0;

  if (now == NULL)
    now = current = g_date_time_new_now_local ();

  fresh = tandem_store_collect_notifications (self->store, now, &error);
  if (fresh == NULL)
    {
      g_warning ("Could not collect the reminders: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < fresh->len; i++)
    send_notification (self, g_ptr_array_index (fresh, i), now);
  if (fresh->len > 0)
    g_signal_emit (self, signals[COLLECTED], 0, fresh->len);
  return fresh->len;
}
