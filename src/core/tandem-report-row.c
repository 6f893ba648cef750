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
};

enum {
  PROP_0,
  PROP_KEY_ID,
  PROP_KEY,
  PROP_LABEL,
  PROP_VALUE,
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_report_row_init (TandemReportRow *self)
{
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
