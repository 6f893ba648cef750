/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemReportRow"

#include "tandem-report-row.h"

struct _TandemReportRow
{
  GObject parent_instance;

  gint64  key_id;
  char   *key;
  char   *label;
  gint64  value;
  char   *series_key;
  char   *series_label;
  char   *currency;
  gint64  count;
  gint64  weighted;
  gint64  target;   /* -1: none */
};

enum {
  PROP_0,
  PROP_KEY_ID,
  PROP_KEY,
  PROP_LABEL,
  PROP_VALUE,
  PROP_SERIES_KEY,
  PROP_SERIES_LABEL,
  PROP_CURRENCY,
  PROP_COUNT,
  PROP_WEIGHTED,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemReportRow, tandem_report_row, G_TYPE_OBJECT)

static void
tandem_report_row_finalize (GObject *object)
{
  TandemReportRow *self = TANDEM_REPORT_ROW (object);

  g_free (self->key);
  g_free (self->label);
  g_free (self->series_key);
  g_free (self->series_label);
  g_free (self->currency);

  G_OBJECT_CLASS (tandem_report_row_parent_class)->finalize (object);
}

static void
tandem_report_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TandemReportRow *self = TANDEM_REPORT_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY_ID:
      g_value_set_int64 (value, self->key_id);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;
    case PROP_SERIES_KEY:
      g_value_set_string (value, self->series_key);
      break;
    case PROP_SERIES_LABEL:
      g_value_set_string (value, self->series_label);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;
    case PROP_WEIGHTED:
      g_value_set_int64 (value, self->weighted);
      break;
    case PROP_TARGET:
      g_value_set_int64 (value, self->target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_report_row_class_init (TandemReportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_report_row_finalize;
  object_class->get_property = tandem_report_row_get_property;

  properties[PROP_KEY_ID] = g_param_spec_int64 ("key-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, ro);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, ro);
  properties[PROP_VALUE] = g_param_spec_int64 ("value", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SERIES_KEY] = g_param_spec_string ("series-key", NULL, NULL, NULL, ro);
  properties[PROP_SERIES_LABEL] = g_param_spec_string ("series-label", NULL, NULL, NULL, ro);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, ro);
  properties[PROP_COUNT] = g_param_spec_int64 ("count", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_WEIGHTED] = g_param_spec_int64 ("weighted", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TARGET] = g_param_spec_int64 ("target", NULL, NULL, -1, G_MAXINT64, -1, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_report_row_init (TandemReportRow *self)
{
  self->target = -1;
}

TandemReportRow *
tandem_report_row_new (gint64      key_id,
                       const char *key,
                       const char *label,
                       gint64      value)
{
  TandemReportRow *self = g_object_new (TANDEM_TYPE_REPORT_ROW, NULL);

  self->key_id = key_id;
  self->key = g_strdup (key);
  self->label = g_strdup (label);
  self->value = value;
  return self;
}

gint64
tandem_report_row_get_key_id (TandemReportRow *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_ROW (self), 0);
  return self->key_id;
}

const char *
tandem_report_row_get_key (TandemReportRow *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_ROW (self), NULL);
  return self->key;
}

const char *
tandem_report_row_get_label (TandemReportRow *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_ROW (self), NULL);
  return self->label;
}

gint64
tandem_report_row_get_value (TandemReportRow *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_ROW (self), 0);
  return self->value;
}

const char *
tandem_report_row_get_series_key (TandemReportRow *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_ROW (self), NULL);
  return self->series_key;
}

const char *
tandem_report_row_get_series_label (TandemReportRow *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_ROW (self), NULL);
  return self->series_label;
}

void
tandem_report_row_set_series (TandemReportRow *self,
                              const char      *series_key,
                              const char      *series_label)
{
  g_return_if_fail (TANDEM_IS_REPORT_ROW (self));

  if (g_strcmp0 (self->series_key, series_key) != 0)
    {
      g_free (self->series_key);
      self->series_key = g_strdup (series_key);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES_KEY]);
    }
  if (g_strcmp0 (self->series_label, series_label) != 0)
    {
      g_free (self->series_label);
      self->series_label = g_strdup (series_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES_LABEL]);
    }
}

const char *
tandem_report_row_get_currency (TandemReportRow *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_ROW (self), NULL);
  return self->currency;
}

void
tandem_report_row_set_currency (TandemReportRow *self,
                                const char      *currency)
{
  g_return_if_fail (TANDEM_IS_REPORT_ROW (self));

  if (g_strcmp0 (self->currency, currency) != 0)
    {
      g_free (self->currency);
      self->currency = g_strdup (currency);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
    }
}

gint64
tandem_report_row_get_count (TandemReportRow *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_ROW (self), 0);
  return self->count;
}

void
tandem_report_row_set_count (TandemReportRow *self,
                             gint64           count)
{
  g_return_if_fail (TANDEM_IS_REPORT_ROW (self));

  if (self->count != count)
    {
      self->count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
}

gint64
tandem_report_row_get_weighted (TandemReportRow *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_ROW (self), 0);
  return self->weighted;
}

void
tandem_report_row_set_weighted (TandemReportRow *self,
                                gint64           weighted)
{
  g_return_if_fail (TANDEM_IS_REPORT_ROW (self));

  if (self->weighted != weighted)
    {
      self->weighted = weighted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHTED]);
    }
}

gint64
tandem_report_row_get_target (TandemReportRow *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_ROW (self), -1);
  return self->target;
}

void
tandem_report_row_set_target (TandemReportRow *self,
                              gint64           target)
{
  g_return_if_fail (TANDEM_IS_REPORT_ROW (self));

  if (self->target != target)
    {
      self->target = target;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
    }
}
