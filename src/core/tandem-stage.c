/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemStage"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-stage.h"

struct _TandemStage
{
  GObject parent_instance;

  gint64           id;
  char            *custom_name;  /* the administrator's name, or NULL */
  char            *builtin;      /* the shipped English name, or NULL */
  int              probability;
  TandemSaleState  outcome;
  int              position;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PROBABILITY,
  PROP_OUTCOME,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemStage, tandem_stage, G_TYPE_OBJECT)

/* The stages shipped in the schema (migrations/0004-projects.sql), here so
 * that xgettext puts them in the translation template; each user reads
 * them in their own language until an administrator renames one. */
static const char * const builtin_names[] G_GNUC_UNUSED = {
  NC_("sales stage", "Lead"),
  NC_("sales stage", "Offer"),
  NC_("sales stage", "Negotiation"),
  NC_("sales stage", "Won"),
  NC_("sales stage", "Lost"),
};

static void
tandem_stage_finalize (GObject *object)
{
  TandemStage *self = TANDEM_STAGE (object);

  g_free (self->custom_name);
  g_free (self->builtin);

  G_OBJECT_CLASS (tandem_stage_parent_class)->finalize (object);
}

static void
tandem_stage_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TandemStage *self = TANDEM_STAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, tandem_stage_get_name (self));
      break;
    case PROP_PROBABILITY:
      g_value_set_int (value, self->probability);
      break;
    case PROP_OUTCOME:
      g_value_set_int (value, self->outcome);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_stage_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TandemStage *self = TANDEM_STAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      tandem_stage_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      tandem_stage_set_name (self, g_value_get_string (value));
      break;
    case PROP_PROBABILITY:
      tandem_stage_set_probability (self, g_value_get_int (value));
      break;
    case PROP_OUTCOME:
      tandem_stage_set_outcome (self, g_value_get_int (value));
      break;
    case PROP_POSITION:
      tandem_stage_set_position (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_stage_class_init (TandemStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_stage_finalize;
  object_class->get_property = tandem_stage_get_property;
  object_class->set_property = tandem_stage_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_PROBABILITY] =
    g_param_spec_int ("probability", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_OUTCOME] =
    g_param_spec_int ("outcome", NULL, NULL, TANDEM_SALE_OPEN, TANDEM_SALE_LOST, TANDEM_SALE_OPEN, rw);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_stage_init (TandemStage *self)
{
}

TandemStage *
tandem_stage_new (const char      *name,
                  int              probability,
                  TandemSaleState  outcome)
{
  return g_object_new (TANDEM_TYPE_STAGE,
                       "name", name,
                       "probability", probability,
                       "outcome", outcome,
                       NULL);
}

TandemStage *
tandem_stage_copy (TandemStage *self)
{
  TandemStage *copy;

  g_return_val_if_fail (TANDEM_IS_STAGE (self), NULL);

  copy = g_object_new (TANDEM_TYPE_STAGE, NULL);
  copy->id = self->id;
  copy->custom_name = g_strdup (self->custom_name);
  copy->builtin = g_strdup (self->builtin);
  copy->probability = self->probability;
  copy->outcome = self->outcome;
  copy->position = self->position;
  return copy;
}

gint64
tandem_stage_get_id (TandemStage *self)
{
  g_return_val_if_fail (TANDEM_IS_STAGE (self), 0);
  return self->id;
}

void
tandem_stage_set_id (TandemStage *self,
                     gint64       id)
{
  g_return_if_fail (TANDEM_IS_STAGE (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
tandem_stage_get_name (TandemStage *self)
{
  g_return_val_if_fail (TANDEM_IS_STAGE (self), NULL);

  if (self->custom_name != NULL)
    return self->custom_name;
  if (self->builtin != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, "sales stage", self->builtin);
  return NULL;
}

void
tandem_stage_set_name (TandemStage *self,
                       const char  *name)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (TANDEM_IS_STAGE (self));

  clean = g_strstrip (g_strdup (name ? name : ""));
  if (clean[0] == '\0')
    g_clear_pointer (&clean, g_free);
  if (g_strcmp0 (self->custom_name, clean) == 0)
    return;
  g_free (self->custom_name);
  self->custom_name = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
tandem_stage_get_custom_name (TandemStage *self)
{
  g_return_val_if_fail (TANDEM_IS_STAGE (self), NULL);
  return self->custom_name;
}

const char *
tandem_stage_get_builtin (TandemStage *self)
{
  g_return_val_if_fail (TANDEM_IS_STAGE (self), NULL);
  return self->builtin;
}

int
tandem_stage_get_probability (TandemStage *self)
{
  g_return_val_if_fail (TANDEM_IS_STAGE (self), 0);
  return self->probability;
}

/* Out-of-range values are kept, so that the store can refuse them with a
 * message rather than have them clamped silently. */
void
tandem_stage_set_probability (TandemStage *self,
                              int          probability)
{
  g_return_if_fail (TANDEM_IS_STAGE (self));

  if (self->probability != probability)
    {
      self->probability = probability;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBABILITY]);
    }
}

TandemSaleState
tandem_stage_get_outcome (TandemStage *self)
{
  g_return_val_if_fail (TANDEM_IS_STAGE (self), TANDEM_SALE_OPEN);
  return self->outcome;
}

void
tandem_stage_set_outcome (TandemStage     *self,
                          TandemSaleState  outcome)
{
  g_return_if_fail (TANDEM_IS_STAGE (self));

  if (self->outcome != outcome)
    {
      self->outcome = outcome;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
    }
}

int
tandem_stage_get_position (TandemStage *self)
{
  g_return_val_if_fail (TANDEM_IS_STAGE (self), 0);
  return self->position;
}

void
tandem_stage_set_position (TandemStage *self,
                           int          position)
{
  g_return_if_fail (TANDEM_IS_STAGE (self));

  if (self->position != position)
    {
      self->position = position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
}

void
tandem_stage_set_loaded (TandemStage *self,
                         gint64       id,
                         const char  *custom_name,
                         const char  *builtin)
{
  g_autofree char *name = NULL;

  g_return_if_fail (TANDEM_IS_STAGE (self));

  tandem_stage_set_id (self, id);
  g_free (self->builtin);
  self->builtin = g_strdup (builtin);
  /* @custom_name may be the stage's own name, freed below. */
  name = g_strdup (custom_name);
  g_clear_pointer (&self->custom_name, g_free);
  tandem_stage_set_name (self, name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}
