/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTerm"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-term.h"

struct _TandemTerm
{
  GObject parent_instance;

  gint64         id;
  TandemTermSet  set;
  char          *custom_name;  /* the administrator's name, or NULL */
  char          *builtin;      /* the shipped English name, or NULL */
  int            position;
  gint64         kind_id;
  gint64         type_id;
  gboolean       allow_choice;
  gboolean       sales_target;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_SET,
  PROP_NAME,
  PROP_POSITION,
  PROP_KIND_ID,
  PROP_TYPE_ID,
  PROP_ALLOW_CHOICE,
  PROP_SALES_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemTerm, tandem_term, G_TYPE_OBJECT)

/* The names shipped in the schema (migrations/0003-activities.sql), here
 * so that xgettext puts them in the translation template. The store keeps
 * the English text in activity_terms.builtin and each user reads it in
 * their own language. */
static const char * const builtin_names[] G_GNUC_UNUSED = {
  /* Kinds */
  NC_("activity term", "Events"),
  NC_("activity term", "Sales"),
  NC_("activity term", "Marketing"),
  /* Types */
  NC_("activity term", "CRM events"),
  NC_("activity term", "Leads"),
  NC_("activity term", "Sales actions"),
  NC_("activity term", "Customer visits"),
  /* Properties */
  NC_("activity term", "Customer feedback"),
  NC_("activity term", "Commercial"),
  NC_("activity term", "Advice"),
  /* Categories */
  NC_("activity term", "CRM event"),
  NC_("activity term", "Lead"),
  NC_("activity term", "Sales action"),
  NC_("activity term", "Customer visit"),
  NC_("activity term", "Phone call"),
  NC_("activity term", "E-mail"),
  NC_("activity term", "Meeting"),
  /* Goals */
  NC_("activity term", "Arrange a meeting"),
  NC_("activity term", "Make an offer"),
  NC_("activity term", "Close the sale"),
  NC_("activity term", "Get feedback"),
  /* Priorities */
  NC_("activity term", "Low"),
  NC_("activity term", "Normal"),
  NC_("activity term", "High"),
};

static void
tandem_term_finalize (GObject *object)
{
  TandemTerm *self = TANDEM_TERM (object);

  g_free (self->custom_name);
  g_free (self->builtin);

  G_OBJECT_CLASS (tandem_term_parent_class)->finalize (object);
}

static void
tandem_term_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TandemTerm *self = TANDEM_TERM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SET:
      g_value_set_int (value, self->set);
      break;
    case PROP_NAME:
      g_value_set_string (value, tandem_term_get_name (self));
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_KIND_ID:
      g_value_set_int64 (value, self->kind_id);
      break;
    case PROP_TYPE_ID:
      g_value_set_int64 (value, self->type_id);
      break;
    case PROP_ALLOW_CHOICE:
      g_value_set_boolean (value, self->allow_choice);
      break;
    case PROP_SALES_TARGET:
      g_value_set_boolean (value, self->sales_target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_term_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TandemTerm *self = TANDEM_TERM (object);

  switch (prop_id)
    {
    case PROP_ID:
      tandem_term_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_SET:
      self->set = g_value_get_int (value);
      break;
    case PROP_NAME:
      tandem_term_set_name (self, g_value_get_string (value));
      break;
    case PROP_POSITION:
      tandem_term_set_position (self, g_value_get_int (value));
      break;
    case PROP_KIND_ID:
      tandem_term_set_kind_id (self, g_value_get_int64 (value));
      break;
    case PROP_TYPE_ID:
      tandem_term_set_type_id (self, g_value_get_int64 (value));
      break;
    case PROP_ALLOW_CHOICE:
      tandem_term_set_allow_choice (self, g_value_get_boolean (value));
      break;
    case PROP_SALES_TARGET:
      tandem_term_set_sales_target (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_term_class_init (TandemTermClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_term_finalize;
  object_class->get_property = tandem_term_get_property;
  object_class->set_property = tandem_term_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SET] =
    g_param_spec_int ("set", NULL, NULL, TANDEM_TERM_CATEGORY, TANDEM_N_TERM_SETS - 1, TANDEM_TERM_CATEGORY,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_KIND_ID] =
    g_param_spec_int64 ("kind-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TYPE_ID] =
    g_param_spec_int64 ("type-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ALLOW_CHOICE] =
    g_param_spec_boolean ("allow-choice", NULL, NULL, FALSE, rw);
  properties[PROP_SALES_TARGET] =
    g_param_spec_boolean ("sales-target", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_term_init (TandemTerm *self)
{
}

TandemTerm *
tandem_term_new (TandemTermSet  set,
                 const char    *name)
{
  return g_object_new (TANDEM_TYPE_TERM, "set", set, "name", name, NULL);
}

TandemTerm *
tandem_term_copy (TandemTerm *self)
{
  TandemTerm *copy;

  g_return_val_if_fail (TANDEM_IS_TERM (self), NULL);

  copy = g_object_new (TANDEM_TYPE_TERM, "set", self->set, NULL);
  copy->id = self->id;
  copy->custom_name = g_strdup (self->custom_name);
  copy->builtin = g_strdup (self->builtin);
  copy->position = self->position;
  copy->kind_id = self->kind_id;
  copy->type_id = self->type_id;
  copy->allow_choice = self->allow_choice;
  copy->sales_target = self->sales_target;
  return copy;
}

gint64
tandem_term_get_id (TandemTerm *self)
{
  g_return_val_if_fail (TANDEM_IS_TERM (self), 0);
  return self->id;
}

void
tandem_term_set_id (TandemTerm *self,
                    gint64      id)
{
  g_return_if_fail (TANDEM_IS_TERM (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

TandemTermSet
tandem_term_get_set (TandemTerm *self)
{
  g_return_val_if_fail (TANDEM_IS_TERM (self), TANDEM_TERM_CATEGORY);
  return self->set;
}

const char *
tandem_term_get_name (TandemTerm *self)
{
  g_return_val_if_fail (TANDEM_IS_TERM (self), NULL);

  if (self->custom_name != NULL)
    return self->custom_name;
  if (self->builtin != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, "activity term", self->builtin);
  return NULL;
}

void
tandem_term_set_name (TandemTerm *self,
                      const char *name)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (TANDEM_IS_TERM (self));

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
tandem_term_get_custom_name (TandemTerm *self)
{
  g_return_val_if_fail (TANDEM_IS_TERM (self), NULL);
  return self->custom_name;
}

const char *
tandem_term_get_builtin (TandemTerm *self)
{
  g_return_val_if_fail (TANDEM_IS_TERM (self), NULL);
  return self->builtin;
}

int
tandem_term_get_position (TandemTerm *self)
{
  g_return_val_if_fail (TANDEM_IS_TERM (self), 0);
  return self->position;
}

void
tandem_term_set_position (TandemTerm *self,
                          int         position)
{
  g_return_if_fail (TANDEM_IS_TERM (self));

  if (self->position != position)
    {
      self->position = position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
}

gint64
tandem_term_get_kind_id (TandemTerm *self)
{
  g_return_val_if_fail (TANDEM_IS_TERM (self), 0);
  return self->kind_id;
}

void
tandem_term_set_kind_id (TandemTerm *self,
                         gint64      kind_id)
{
  g_return_if_fail (TANDEM_IS_TERM (self));

  if (self->kind_id != kind_id)
    {
      self->kind_id = kind_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_ID]);
    }
}

gint64
tandem_term_get_type_id (TandemTerm *self)
{
  g_return_val_if_fail (TANDEM_IS_TERM (self), 0);
  return self->type_id;
}

void
tandem_term_set_type_id (TandemTerm *self,
                         gint64      type_id)
{
  g_return_if_fail (TANDEM_IS_TERM (self));

  if (self->type_id != type_id)
    {
      self->type_id = type_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE_ID]);
    }
}

gboolean
tandem_term_get_allow_choice (TandemTerm *self)
{
  g_return_val_if_fail (TANDEM_IS_TERM (self), FALSE);
  return self->allow_choice;
}

void
tandem_term_set_allow_choice (TandemTerm *self,
                              gboolean    allow_choice)
{
  g_return_if_fail (TANDEM_IS_TERM (self));

  allow_choice = !!allow_choice;
  if (self->allow_choice != allow_choice)
    {
      self->allow_choice = allow_choice;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_CHOICE]);
    }
}

gboolean
tandem_term_get_sales_target (TandemTerm *self)
{
  g_return_val_if_fail (TANDEM_IS_TERM (self), FALSE);
  return self->sales_target;
}

void
tandem_term_set_sales_target (TandemTerm *self,
                              gboolean    sales_target)
{
  g_return_if_fail (TANDEM_IS_TERM (self));

  sales_target = !!sales_target;
  if (self->sales_target != sales_target)
    {
      self->sales_target = sales_target;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SALES_TARGET]);
    }
}

void
tandem_term_set_loaded (TandemTerm *self,
                        gint64      id,
                        const char *custom_name,
                        const char *builtin)
{
  g_autofree char *name = NULL;

  g_return_if_fail (TANDEM_IS_TERM (self));

  tandem_term_set_id (self, id);
  g_free (self->builtin);
  self->builtin = g_strdup (builtin);
  /* @custom_name may be the term's own name, freed below. */
  name = g_strdup (custom_name);
  g_clear_pointer (&self->custom_name, g_free);
  tandem_term_set_name (self, name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}
