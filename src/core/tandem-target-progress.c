/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTargetProgress"

#include "tandem-target-progress.h"

struct _TandemTargetProgress
{
  GObject parent_instance;

  gint64        user_id;
  gint64        category_id;
  char         *category_name;
  TandemPeriod  period;
  guint         target;
  guint         done;
  char         *period_start;
  char         *period_end;
};

enum {
  PROP_0,
  PROP_USER_ID,
  PROP_CATEGORY_ID,
  PROP_CATEGORY_NAME,
  PROP_PERIOD,
  PROP_TARGET,
  PROP_DONE,
  PROP_PERIOD_START,
  PROP_PERIOD_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemTargetProgress, tandem_target_progress, G_TYPE_OBJECT)

static void
tandem_target_progress_finalize (GObject *object)
{
  TandemTargetProgress *self = TANDEM_TARGET_PROGRESS (object);

  g_free (self->category_name);
  g_free (self->period_start);
  g_free (self->period_end);

  G_OBJECT_CLASS (tandem_target_progress_parent_class)->finalize (object);
}

static void
tandem_target_progress_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TandemTargetProgress *self = TANDEM_TARGET_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_USER_ID:
      g_value_set_int64 (value, self->user_id);
      break;
    case PROP_CATEGORY_ID:
      g_value_set_int64 (value, self->category_id);
      break;
    case PROP_CATEGORY_NAME:
      g_value_set_string (value, self->category_name);
      break;
    case PROP_PERIOD:
      g_value_set_int (value, self->period);
      break;
    case PROP_TARGET:
      g_value_set_uint (value, self->target);
      break;
    case PROP_DONE:
      g_value_set_uint (value, self->done);
      break;
    case PROP_PERIOD_START:
      g_value_set_string (value, self->period_start);
      break;
    case PROP_PERIOD_END:
      g_value_set_string (value, self->period_end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_target_progress_class_init (TandemTargetProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_target_progress_finalize;
  object_class->get_property = tandem_target_progress_get_property;

  properties[PROP_USER_ID] = g_param_spec_int64 ("user-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CATEGORY_ID] = g_param_spec_int64 ("category-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CATEGORY_NAME] = g_param_spec_string ("category-name", NULL, NULL, NULL, ro);
  properties[PROP_PERIOD] = g_param_spec_int ("period", NULL, NULL, TANDEM_PERIOD_WEEK, TANDEM_PERIOD_MONTH,
                                              TANDEM_PERIOD_WEEK, ro);
  properties[PROP_TARGET] = g_param_spec_uint ("target", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_DONE] = g_param_spec_uint ("done", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PERIOD_START] = g_param_spec_string ("period-start", NULL, NULL, NULL, ro);
  properties[PROP_PERIOD_END] = g_param_spec_string ("period-end", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_target_progress_init (TandemTargetProgress *self)
{
}

TandemTargetProgress *
tandem_target_progress_new (gint64        user_id,
                            gint64        category_id,
                            const char   *category_name,
                            TandemPeriod  period,
                            guint         target,
                            guint         done,
                            const char   *period_start,
                            const char   *period_end)
{
  TandemTargetProgress *self = g_object_new (TANDEM_TYPE_TARGET_PROGRESS, NULL);

  self->user_id = user_id;
  self->category_id = category_id;
  self->category_name = g_strdup (category_name);
  self->period = period;
  self->target = target;
  self->done = done;
  self->period_start = g_strdup (period_start);
  self->period_end = g_strdup (period_end);
  return self;
}

gint64
tandem_target_progress_get_user_id (TandemTargetProgress *self)
{
  g_return_val_if_fail (TANDEM_IS_TARGET_PROGRESS (self), 0);
  return self->user_id;
}

gint64
tandem_target_progress_get_category_id (TandemTargetProgress *self)
{
  g_return_val_if_fail (TANDEM_IS_TARGET_PROGRESS (self), 0);
  return self->category_id;
}

const char *
tandem_target_progress_get_category_name (TandemTargetProgress *self)
{
  g_return_val_if_fail (TANDEM_IS_TARGET_PROGRESS (self), NULL);
  return self->category_name;
}

TandemPeriod
tandem_target_progress_get_period (TandemTargetProgress *self)
{
  g_return_val_if_fail (TANDEM_IS_TARGET_PROGRESS (self), TANDEM_PERIOD_WEEK);
  return self->period;
}

guint
tandem_target_progress_get_target (TandemTargetProgress *self)
{
  g_return_val_if_fail (TANDEM_IS_TARGET_PROGRESS (self), 0);
  return self->target;
}

guint
tandem_target_progress_get_done (TandemTargetProgress *self)
{
  g_return_val_if_fail (TANDEM_IS_TARGET_PROGRESS (self), 0);
  return self->done;
}

const char *
tandem_target_progress_get_period_start (TandemTargetProgress *self)
{
  g_return_val_if_fail (TANDEM_IS_TARGET_PROGRESS (self), NULL);
  return self->period_start;
}

const char *
tandem_target_progress_get_period_end (TandemTargetProgress *self)
{
  g_return_val_if_fail (TANDEM_IS_TARGET_PROGRESS (self), NULL);
  return self->period_end;
}
