/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemProject"

#include "tandem-project.h"

struct _TandemProject
{
  TandemRecord parent_instance;

  char             *name;
  gint64            company_id;
  char             *company_name;
  gboolean          is_sale;
  gboolean          is_delivery;
  char             *description;

  gint64            stage_id;
  char             *stage_name;
  TandemSaleState   state;
  gint64            seller_id;
  char             *seller_name;
  gint64            value;        /* hundredths */
  char             *currency;     /* ISO 4217 */
  char             *close_date;   /* YYYY-MM-DD or NULL */
  int               probability;  /* -1: the stage's default */
  gint64            product_id;
  char             *product_name;
  char             *campaign;

  TandemVisibility  visibility;
  GArray           *group_ids;    /* gint64 */
  gint64            author_id;
  char             *author_name;
  char             *closed_at;
  char             *created_at;
  char             *updated_at;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_COMPANY_ID,
  PROP_COMPANY_NAME,
  PROP_IS_SALE,
  PROP_IS_DELIVERY,
  PROP_DESCRIPTION,
  PROP_STAGE_ID,
  PROP_STAGE_NAME,
  PROP_STATE,
  PROP_SELLER_ID,
  PROP_SELLER_NAME,
  PROP_VALUE,
  PROP_CURRENCY,
  PROP_CLOSE_DATE,
  PROP_PROBABILITY,
  PROP_WEIGHTED_VALUE,
  PROP_PRODUCT_ID,
  PROP_PRODUCT_NAME,
  PROP_CAMPAIGN,
  PROP_VISIBILITY,
  PROP_AUTHOR_ID,
  PROP_AUTHOR_NAME,
  PROP_CLOSED_AT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemProject, tandem_project, TANDEM_TYPE_RECORD)

static void
set_int64 (TandemProject *self,
           gint64        *slot,
           gint64         value,
           guint          prop)
{
  if (*slot == value)
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
replace_string (char       **slot,
                const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static const char *
tandem_project_get_title (TandemRecord *record)
{
  return TANDEM_PROJECT (record)->name;
}

static void
tandem_project_finalize (GObject *object)
{
  TandemProject *self = TANDEM_PROJECT (object);

  g_free (self->name);
  g_free (self->company_name);
  g_free (self->description);
  g_free (self->stage_name);
  g_free (self->seller_name);
  g_free (self->currency);
  g_free (self->close_date);
  g_free (self->product_name);
  g_free (self->campaign);
  g_array_unref (self->group_ids);
  g_free (self->author_name);
  g_free (self->closed_at);
  g_free (self->created_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (tandem_project_parent_class)->finalize (object);
}

static void
tandem_project_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TandemProject *self = TANDEM_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COMPANY_ID:
      g_value_set_int64 (value, self->company_id);
      break;
    case PROP_COMPANY_NAME:
      g_value_set_string (value, self->company_name);
      break;
    case PROP_IS_SALE:
      g_value_set_boolean (value, self->is_sale);
      break;
    case PROP_IS_DELIVERY:
      g_value_set_boolean (value, self->is_delivery);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_STAGE_ID:
      g_value_set_int64 (value, self->stage_id);
      break;
    case PROP_STAGE_NAME:
      g_value_set_string (value, self->stage_name);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_SELLER_ID:
      g_value_set_int64 (value, self->seller_id);
      break;
    case PROP_SELLER_NAME:
      g_value_set_string (value, self->seller_name);
      break;
    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_CLOSE_DATE:
      g_value_set_string (value, self->close_date);
      break;
    case PROP_PROBABILITY:
      g_value_set_int (value, self->probability);
      break;
    case PROP_WEIGHTED_VALUE:
      g_value_set_int64 (value, tandem_project_get_weighted_value (self));
      break;
    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;
    case PROP_PRODUCT_NAME:
      g_value_set_string (value, self->product_name);
      break;
    case PROP_CAMPAIGN:
      g_value_set_string (value, self->campaign);
      break;
    case PROP_VISIBILITY:
      g_value_set_int (value, self->visibility);
      break;
    case PROP_AUTHOR_ID:
      g_value_set_int64 (value, self->author_id);
      break;
    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;
    case PROP_CLOSED_AT:
      g_value_set_string (value, self->closed_at);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_project_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TandemProject *self = TANDEM_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      tandem_project_set_name (self, g_value_get_string (value));
      break;
    case PROP_COMPANY_ID:
      tandem_project_set_company_id (self, g_value_get_int64 (value));
      break;
    case PROP_IS_DELIVERY:
      tandem_project_set_is_delivery (self, g_value_get_boolean (value));
      break;
    case PROP_DESCRIPTION:
      tandem_project_set_description (self, g_value_get_string (value));
      break;
    case PROP_STAGE_ID:
      tandem_project_set_stage_id (self, g_value_get_int64 (value));
      break;
    case PROP_SELLER_ID:
      tandem_project_set_seller_id (self, g_value_get_int64 (value));
      break;
    case PROP_VALUE:
      tandem_project_set_value (self, g_value_get_int64 (value));
      break;
    case PROP_CURRENCY:
      tandem_project_set_currency (self, g_value_get_string (value));
      break;
    case PROP_CLOSE_DATE:
      tandem_project_set_close_date (self, g_value_get_string (value));
      break;
    case PROP_PROBABILITY:
      tandem_project_set_probability (self, g_value_get_int (value));
      break;
    case PROP_PRODUCT_ID:
      tandem_project_set_product_id (self, g_value_get_int64 (value));
      break;
    case PROP_CAMPAIGN:
      tandem_project_set_campaign (self, g_value_get_string (value));
      break;
    case PROP_VISIBILITY:
      tandem_project_set_visibility (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_project_class_init (TandemProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TandemRecordClass *record_class = TANDEM_RECORD_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_project_finalize;
  object_class->get_property = tandem_project_get_property;
  object_class->set_property = tandem_project_set_property;

  record_class->kind = TANDEM_KIND_PROJECT;
  record_class->get_title = tandem_project_get_title;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_COMPANY_ID] = g_param_spec_int64 ("company-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_COMPANY_NAME] = g_param_spec_string ("company-name", NULL, NULL, NULL, ro);
  properties[PROP_IS_SALE] = g_param_spec_boolean ("is-sale", NULL, NULL, FALSE, ro);
  properties[PROP_IS_DELIVERY] = g_param_spec_boolean ("is-delivery", NULL, NULL, FALSE, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_STAGE_ID] = g_param_spec_int64 ("stage-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_STAGE_NAME] = g_param_spec_string ("stage-name", NULL, NULL, NULL, ro);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, TANDEM_SALE_OPEN, TANDEM_SALE_LOST, TANDEM_SALE_OPEN, ro);
  properties[PROP_SELLER_ID] = g_param_spec_int64 ("seller-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SELLER_NAME] = g_param_spec_string ("seller-name", NULL, NULL, NULL, ro);
  /* Out-of-range values are kept for the store to refuse with a message. */
  properties[PROP_VALUE] = g_param_spec_int64 ("value", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, "EUR", rw);
  properties[PROP_CLOSE_DATE] = g_param_spec_string ("close-date", NULL, NULL, NULL, rw);
  properties[PROP_PROBABILITY] = g_param_spec_int ("probability", NULL, NULL, G_MININT, G_MAXINT, -1, rw);
  properties[PROP_WEIGHTED_VALUE] =
    g_param_spec_int64 ("weighted-value", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_PRODUCT_ID] = g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PRODUCT_NAME] = g_param_spec_string ("product-name", NULL, NULL, NULL, ro);
  properties[PROP_CAMPAIGN] = g_param_spec_string ("campaign", NULL, NULL, NULL, rw);
  properties[PROP_VISIBILITY] =
    g_param_spec_int ("visibility", NULL, NULL, TANDEM_VISIBILITY_EVERYONE, TANDEM_VISIBILITY_TEAM,
                      TANDEM_VISIBILITY_EVERYONE, rw);
  properties[PROP_AUTHOR_ID] = g_param_spec_int64 ("author-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_AUTHOR_NAME] = g_param_spec_string ("author-name", NULL, NULL, NULL, ro);
  properties[PROP_CLOSED_AT] = g_param_spec_string ("closed-at", NULL, NULL, NULL, ro);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_project_init (TandemProject *self)
{
  self->currency = g_strdup ("EUR");
  self->probability = -1;
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

TandemProject *
tandem_project_new (gint64      company_id,
                    const char *name)
{
  TandemProject *self = g_object_new (TANDEM_TYPE_PROJECT,
                                      "company-id", company_id,
                                      "name", name,
                                      NULL);

  self->is_delivery = TRUE;
  self->probability = 0;
  return self;
}

TandemProject *
tandem_project_new_sale (gint64      company_id,
                         const char *name,
                         gint64      stage_id)
{
  TandemProject *self = g_object_new (TANDEM_TYPE_PROJECT,
                                      "company-id", company_id,
                                      "name", name,
                                      "stage-id", stage_id,
                                      NULL);

  self->is_sale = TRUE;
  return self;
}

TandemProject *
tandem_project_copy (TandemProject *self)
{
  TandemProject *copy;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);

  copy = g_object_new (TANDEM_TYPE_PROJECT, NULL);
  tandem_record_copy_into (TANDEM_RECORD (self), TANDEM_RECORD (copy));
  tandem_project_set_group_ids (copy, (const gint64 *) (gpointer) self->group_ids->data, self->group_ids->len);
  tandem_project_set_loaded (copy, self->is_sale, self->state, self->company_name, self->stage_name,
                             self->seller_name, self->product_name, self->author_id, self->author_name,
                             self->closed_at, self->created_at, self->updated_at);
  return copy;
}

const char *
tandem_project_get_name (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->name;
}

void
tandem_project_set_name (TandemProject *self,
                         const char    *name)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  replace_string (&self->name, name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_object_notify (G_OBJECT (self), "title");
}

gint64
tandem_project_get_company_id (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), 0);
  return self->company_id;
}

void
tandem_project_set_company_id (TandemProject *self,
                               gint64         company_id)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));
  set_int64 (self, &self->company_id, company_id, PROP_COMPANY_ID);
}

const char *
tandem_project_get_company_name (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->company_name;
}

gboolean
tandem_project_get_is_sale (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  return self->is_sale;
}

gboolean
tandem_project_get_is_delivery (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  return self->is_delivery;
}

void
tandem_project_set_is_delivery (TandemProject *self,
                                gboolean       is_delivery)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));

  is_delivery = !!is_delivery;
  if (self->is_delivery != is_delivery)
    {
      self->is_delivery = is_delivery;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_DELIVERY]);
    }
}

const char *
tandem_project_get_description (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->description;
}

void
tandem_project_set_description (TandemProject *self,
                                const char    *description)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));
  tandem_record_string_set (G_OBJECT (self), &self->description, description, properties[PROP_DESCRIPTION]);
}

gint64
tandem_project_get_stage_id (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), 0);
  return self->stage_id;
}

void
tandem_project_set_stage_id (TandemProject *self,
                             gint64         stage_id)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));
  set_int64 (self, &self->stage_id, stage_id, PROP_STAGE_ID);
}

const char *
tandem_project_get_stage_name (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->stage_name;
}

TandemSaleState
tandem_project_get_state (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), TANDEM_SALE_OPEN);
  return self->state;
}

gint64
tandem_project_get_seller_id (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), 0);
  return self->seller_id;
}

void
tandem_project_set_seller_id (TandemProject *self,
                              gint64         seller_id)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));
  set_int64 (self, &self->seller_id, seller_id, PROP_SELLER_ID);
}

const char *
tandem_project_get_seller_name (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->seller_name;
}

gint64
tandem_project_get_value (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), 0);
  return self->value;
}

void
tandem_project_set_value (TandemProject *self,
                          gint64         cents)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));

  if (self->value == cents)
    return;
  self->value = cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHTED_VALUE]);
}

const char *
tandem_project_get_currency (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->currency;
}

void
tandem_project_set_currency (TandemProject *self,
                             const char    *currency)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));

  if (currency == NULL || currency[0] == '\0')
    currency = "EUR";
  if (g_strcmp0 (self->currency, currency) == 0)
    return;
  replace_string (&self->currency, currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

const char *
tandem_project_get_close_date (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->close_date;
}

void
tandem_project_set_close_date (TandemProject *self,
                               const char    *date)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));
  tandem_record_string_set (G_OBJECT (self), &self->close_date, date, properties[PROP_CLOSE_DATE]);
}

int
tandem_project_get_probability (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), 0);
  return self->probability;
}

void
tandem_project_set_probability (TandemProject *self,
                                int            percent)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));

  if (self->probability == percent)
    return;
  self->probability = percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBABILITY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHTED_VALUE]);
}

gint64
tandem_project_get_weighted_value (TandemProject *self)
{
  int percent;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), 0);

  percent = CLAMP (self->probability, 0, 100);
  if (self->value <= 0)
    return 0;
  /* Half up, without overflowing on the largest values. */
  return (self->value / 100) * percent + ((self->value % 100) * percent + 50) / 100;
}

gint64
tandem_project_get_product_id (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), 0);
  return self->product_id;
}

void
tandem_project_set_product_id (TandemProject *self,
                               gint64         product_id)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));
  set_int64 (self, &self->product_id, product_id, PROP_PRODUCT_ID);
}

const char *
tandem_project_get_product_name (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->product_name;
}

const char *
tandem_project_get_campaign (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->campaign;
}

void
tandem_project_set_campaign (TandemProject *self,
                             const char    *campaign)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));
  tandem_record_string_set (G_OBJECT (self), &self->campaign, campaign, properties[PROP_CAMPAIGN]);
}

TandemVisibility
tandem_project_get_visibility (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), TANDEM_VISIBILITY_TEAM);
  return self->visibility;
}

void
tandem_project_set_visibility (TandemProject    *self,
                               TandemVisibility  visibility)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));

  if (self->visibility != visibility)
    {
      self->visibility = visibility;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBILITY]);
    }
}

const gint64 *
tandem_project_get_group_ids (TandemProject *self,
                              guint         *n_groups)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  *n_groups = self->group_ids->len;
  return (const gint64 *) (gpointer) self->group_ids->data;
}

void
tandem_project_set_group_ids (TandemProject *self,
                              const gint64  *group_ids,
                              guint          n_groups)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));
  g_array_set_size (self->group_ids, 0);
  if (n_groups > 0)
    g_array_append_vals (self->group_ids, group_ids, n_groups);
}

gint64
tandem_project_get_author_id (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), 0);
  return self->author_id;
}

const char *
tandem_project_get_author_name (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->author_name;
}

const char *
tandem_project_get_closed_at (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->closed_at;
}

const char *
tandem_project_get_created_at (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->created_at;
}

const char *
tandem_project_get_updated_at (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->updated_at;
}

void
tandem_project_set_loaded (TandemProject   *self,
                           gboolean         is_sale,
                           TandemSaleState  state,
                           const char      *company_name,
                           const char      *stage_name,
                           const char      *seller_name,
                           const char      *product_name,
                           gint64           author_id,
                           const char      *author_name,
                           const char      *closed_at,
                           const char      *created_at,
                           const char      *updated_at)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));

  self->is_sale = !!is_sale;
  self->state = state;
  replace_string (&self->company_name, company_name);
  replace_string (&self->stage_name, stage_name);
  replace_string (&self->seller_name, seller_name);
  replace_string (&self->product_name, product_name);
  self->author_id = author_id;
  replace_string (&self->author_name, author_name);
  replace_string (&self->closed_at, closed_at);
  replace_string (&self->created_at, created_at);
  replace_string (&self->updated_at, updated_at);
}
