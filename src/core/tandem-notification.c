/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemNotification"

#include "tandem-notification.h"

struct _TandemNotification
{
  GObject parent_instance;

  gint64    id;
  gint64    activity_id;
  char     *title;
  gint64    occurrence_start;
  gint64    fire_at;
  gboolean  is_read;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_ACTIVITY_ID,
  PROP_TITLE,
  PROP_OCCURRENCE_START,
  PROP_FIRE_AT,
  PROP_IS_READ,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemNotification, tandem_notification, G_TYPE_OBJECT)

static void
tandem_notification_finalize (GObject *object)
{
  TandemNotification *self = TANDEM_NOTIFICATION (object);

  g_free (self->title);

  G_OBJECT_CLASS (tandem_notification_parent_class)->finalize (object);
}

static void
tandem_notification_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TandemNotification *self = TANDEM_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ACTIVITY_ID:
      g_value_set_int64 (value, self->activity_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OCCURRENCE_START:
      g_value_set_int64 (value, self->occurrence_start);
      break;
    case PROP_FIRE_AT:
      g_value_set_int64 (value, self->fire_at);
      break;
    case PROP_IS_READ:
      g_value_set_boolean (value, self->is_read);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_notification_class_init (TandemNotificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_notification_finalize;
  object_class->get_property = tandem_notification_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACTIVITY_ID] = g_param_spec_int64 ("activity-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_OCCURRENCE_START] = g_param_spec_int64 ("occurrence-start", NULL, NULL,
                                                           G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_FIRE_AT] = g_param_spec_int64 ("fire-at", NULL, NULL,
                                                  G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_IS_READ] = g_param_spec_boolean ("is-read", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_notification_init (TandemNotification *self)
{
}

TandemNotification *
tandem_notification_new (gint64      id,
                         gint64      activity_id,
                         const char *title,
                         gint64      occurrence_start,
                         gint64      fire_at,
                         gboolean    is_read)
{
  TandemNotification *self = g_object_new (TANDEM_TYPE_NOTIFICATION, NULL);

  self->id = id;
  self->activity_id = activity_id;
  self->title = g_strdup (title);
  self->occurrence_start = occurrence_start;
  self->fire_at = fire_at;
  self->is_read = !!is_read;
  return self;
}

gint64
tandem_notification_get_id (TandemNotification *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTIFICATION (self), 0);
  return self->id;
}

gint64
tandem_notification_get_activity_id (TandemNotification *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTIFICATION (self), 0);
  return self->activity_id;
}

const char *
tandem_notification_get_title (TandemNotification *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTIFICATION (self), NULL);
  return self->title;
}

gint64
tandem_notification_get_occurrence_start (TandemNotification *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTIFICATION (self), 0);
  return self->occurrence_start;
}

gint64
tandem_notification_get_fire_at (TandemNotification *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTIFICATION (self), 0);
  return self->fire_at;
}

gboolean
tandem_notification_get_is_read (TandemNotification *self)
{
  g_return_val_if_fail (TANDEM_IS_NOTIFICATION (self), FALSE);
  return self->is_read;
}
