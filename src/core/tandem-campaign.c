/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCampaign"

#include "tandem-campaign.h"

struct _TandemCampaign
{
  GObject parent_instance;

  gint64  id;
  char   *name;
  char   *starts_on;
  char   *ends_on;
  gint64  search_id;
  char   *search_name;
  char   *description;
  guint   n_activities;
  guint   n_sales;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_STARTS_ON,
  PROP_ENDS_ON,
  PROP_SEARCH_ID,
  PROP_SEARCH_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemCampaign, tandem_campaign, G_TYPE_OBJECT)

static void
tandem_campaign_finalize (GObject *object)
{
  TandemCampaign *self = TANDEM_CAMPAIGN (object);

  g_free (self->name);
  g_free (self->starts_on);
  g_free (self->ends_on);
  g_free (self->search_name);
  g_free (self->description);

  G_OBJECT_CLASS (tandem_campaign_parent_class)->finalize (object);
}

static void
tandem_campaign_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TandemCampaign *self = TANDEM_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STARTS_ON:
      g_value_set_string (value, self->starts_on);
      break;
    case PROP_ENDS_ON:
      g_value_set_string (value, self->ends_on);
      break;
    case PROP_SEARCH_ID:
      g_value_set_int64 (value, self->search_id);
      break;
    case PROP_SEARCH_NAME:
      g_value_set_string (value, self->search_name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_campaign_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TandemCampaign *self = TANDEM_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ID:
      tandem_campaign_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      tandem_campaign_set_name (self, g_value_get_string (value));
      break;
    case PROP_STARTS_ON:
      tandem_campaign_set_starts_on (self, g_value_get_string (value));
      break;
    case PROP_ENDS_ON:
      tandem_campaign_set_ends_on (self, g_value_get_string (value));
      break;
    case PROP_SEARCH_ID:
      tandem_campaign_set_search_id (self, g_value_get_int64 (value));
      break;
    case PROP_DESCRIPTION:
      tandem_campaign_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_campaign_class_init (TandemCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_campaign_finalize;
  object_class->get_property = tandem_campaign_get_property;
  object_class->set_property = tandem_campaign_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_STARTS_ON] = g_param_spec_string ("starts-on", NULL, NULL, NULL, rw);
  properties[PROP_ENDS_ON] = g_param_spec_string ("ends-on", NULL, NULL, NULL, rw);
  properties[PROP_SEARCH_ID] = g_param_spec_int64 ("search-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SEARCH_NAME] =
    g_param_spec_string ("search-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_campaign_init (TandemCampaign *self)
{
}

static void
set_string (TandemCampaign  *self,
            char           **field,
            const char      *value,
            int              prop)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

TandemCampaign *
tandem_campaign_new (const char *name)
{
  return g_object_new (TANDEM_TYPE_CAMPAIGN, "name", name, NULL);
}

TandemCampaign *
tandem_campaign_copy (TandemCampaign *self)
{
  TandemCampaign *copy;

  g_return_val_if_fail (TANDEM_IS_CAMPAIGN (self), NULL);

  copy = tandem_campaign_new (self->name);
  copy->id = self->id;
  copy->starts_on = g_strdup (self->starts_on);
  copy->ends_on = g_strdup (self->ends_on);
  copy->search_id = self->search_id;
  copy->search_name = g_strdup (self->search_name);
  copy->description = g_strdup (self->description);
  copy->n_activities = self->n_activities;
  copy->n_sales = self->n_sales;
  return copy;
}

gint64
tandem_campaign_get_id (TandemCampaign *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN (self), 0);
  return self->id;
}

void
tandem_campaign_set_id (TandemCampaign *self,
                        gint64          id)
{
  g_return_if_fail (TANDEM_IS_CAMPAIGN (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
tandem_campaign_get_name (TandemCampaign *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN (self), NULL);
  return self->name;
}

void
tandem_campaign_set_name (TandemCampaign *self,
                          const char     *name)
{
  g_return_if_fail (TANDEM_IS_CAMPAIGN (self));
  set_string (self, &self->name, name, PROP_NAME);
}

const char *
tandem_campaign_get_starts_on (TandemCampaign *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN (self), NULL);
  return self->starts_on;
}

void
tandem_campaign_set_starts_on (TandemCampaign *self,
                               const char     *date)
{
  g_return_if_fail (TANDEM_IS_CAMPAIGN (self));
  set_string (self, &self->starts_on, date, PROP_STARTS_ON);
}

const char *
tandem_campaign_get_ends_on (TandemCampaign *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN (self), NULL);
  return self->ends_on;
}

void
tandem_campaign_set_ends_on (TandemCampaign *self,
                             const char     *date)
{
  g_return_if_fail (TANDEM_IS_CAMPAIGN (self));
  set_string (self, &self->ends_on, date, PROP_ENDS_ON);
}

gint64
tandem_campaign_get_search_id (TandemCampaign *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN (self), 0);
  return self->search_id;
}

void
tandem_campaign_set_search_id (TandemCampaign *self,
                               gint64          search_id)
{
  g_return_if_fail (TANDEM_IS_CAMPAIGN (self));

  if (self->search_id != search_id)
    {
      self->search_id = search_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_ID]);
    }
}

const char *
tandem_campaign_get_search_name (TandemCampaign *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN (self), NULL);
  return self->search_name;
}

const char *
tandem_campaign_get_description (TandemCampaign *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN (self), NULL);
  return self->description;
}

void
tandem_campaign_set_description (TandemCampaign *self,
                                 const char     *description)
{
  g_return_if_fail (TANDEM_IS_CAMPAIGN (self));
  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

guint
tandem_campaign_get_n_activities (TandemCampaign *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN (self), 0);
  return self->n_activities;
}

guint
tandem_campaign_get_n_sales (TandemCampaign *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN (self), 0);
  return self->n_sales;
}

void
tandem_campaign_set_loaded (TandemCampaign *self,
                            const char     *search_name,
                            guint           n_activities,
                            guint           n_sales)
{
  g_return_if_fail (TANDEM_IS_CAMPAIGN (self));

  set_string (self, &self->search_name, search_name, PROP_SEARCH_NAME);
  self->n_activities = n_activities;
  self->n_sales = n_sales;
}
