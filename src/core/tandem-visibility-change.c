/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemVisibilityChange"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-visibility-change.h"

struct _TandemVisibilityChange
{
  GObject parent_instance;

  char             *user_name;
  char             *changed_at;
  TandemVisibility  old_visibility;
  char            **old_groups;
  TandemVisibility  new_visibility;
  char            **new_groups;
};

enum {
  PROP_0,
  PROP_USER_NAME,
  PROP_CHANGED_AT,
  PROP_OLD_VISIBILITY,
  PROP_NEW_VISIBILITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemVisibilityChange, tandem_visibility_change, G_TYPE_OBJECT)

static char **
dup_groups (const char * const *groups)
{
  return groups != NULL ? g_strdupv ((char **) groups) : g_new0 (char *, 1);
}

static void
tandem_visibility_change_finalize (GObject *object)
{
  TandemVisibilityChange *self = TANDEM_VISIBILITY_CHANGE (object);

  g_free (self->user_name);
  g_free (self->changed_at);
  g_strfreev (self->old_groups);
  g_strfreev (self->new_groups);

  G_OBJECT_CLASS (tandem_visibility_change_parent_class)->finalize (object);
}

static void
tandem_visibility_change_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TandemVisibilityChange *self = TANDEM_VISIBILITY_CHANGE (object);

  switch (prop_id)
    {
    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;
    case PROP_CHANGED_AT:
      g_value_set_string (value, self->changed_at);
      break;
    case PROP_OLD_VISIBILITY:
      g_value_set_int (value, self->old_visibility);
      break;
    case PROP_NEW_VISIBILITY:
      g_value_set_int (value, self->new_visibility);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_visibility_change_class_init (TandemVisibilityChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_visibility_change_finalize;
  object_class->get_property = tandem_visibility_change_get_property;

  properties[PROP_USER_NAME] = g_param_spec_string ("user-name", NULL, NULL, NULL, ro);
  properties[PROP_CHANGED_AT] = g_param_spec_string ("changed-at", NULL, NULL, NULL, ro);
  properties[PROP_OLD_VISIBILITY] =
    g_param_spec_int ("old-visibility", NULL, NULL, TANDEM_VISIBILITY_EVERYONE, TANDEM_VISIBILITY_TEAM,
                      TANDEM_VISIBILITY_EVERYONE, ro);
  properties[PROP_NEW_VISIBILITY] =
    g_param_spec_int ("new-visibility", NULL, NULL, TANDEM_VISIBILITY_EVERYONE, TANDEM_VISIBILITY_TEAM,
                      TANDEM_VISIBILITY_EVERYONE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_visibility_change_init (TandemVisibilityChange *self)
{
}

TandemVisibilityChange *
tandem_visibility_change_new (const char         *user_name,
                              const char         *changed_at,
                              TandemVisibility    old_visibility,
                              const char * const *old_groups,
                              TandemVisibility    new_visibility,
                              const char * const *new_groups)
{
  TandemVisibilityChange *self = g_object_new (TANDEM_TYPE_VISIBILITY_CHANGE, NULL);

  self->user_name = g_strdup (user_name);
  self->changed_at = g_strdup (changed_at);
  self->old_visibility = old_visibility;
  self->old_groups = dup_groups (old_groups);
  self->new_visibility = new_visibility;
  self->new_groups = dup_groups (new_groups);
  return self;
}

const char *
tandem_visibility_change_get_user_name (TandemVisibilityChange *self)
{
  g_return_val_if_fail (TANDEM_IS_VISIBILITY_CHANGE (self), NULL);
  return self->user_name;
}

const char *
tandem_visibility_change_get_changed_at (TandemVisibilityChange *self)
{
  g_return_val_if_fail (TANDEM_IS_VISIBILITY_CHANGE (self), NULL);
  return self->changed_at;
}

TandemVisibility
tandem_visibility_change_get_old_visibility (TandemVisibilityChange *self)
{
  g_return_val_if_fail (TANDEM_IS_VISIBILITY_CHANGE (self), TANDEM_VISIBILITY_PRIVATE);
  return self->old_visibility;
}

const char * const *
tandem_visibility_change_get_old_groups (TandemVisibilityChange *self)
{
  g_return_val_if_fail (TANDEM_IS_VISIBILITY_CHANGE (self), NULL);
  return (const char * const *) self->old_groups;
}

TandemVisibility
tandem_visibility_change_get_new_visibility (TandemVisibilityChange *self)
{
  g_return_val_if_fail (TANDEM_IS_VISIBILITY_CHANGE (self), TANDEM_VISIBILITY_PRIVATE);
  return self->new_visibility;
}

const char * const *
tandem_visibility_change_get_new_groups (TandemVisibilityChange *self)
{
  g_return_val_if_fail (TANDEM_IS_VISIBILITY_CHANGE (self), NULL);
  return (const char * const *) self->new_groups;
}

char *
tandem_visibility_describe (TandemVisibility    visibility,
                            const char * const *groups)
{
  g_autofree char *names = NULL;

  if (visibility != TANDEM_VISIBILITY_GROUPS || groups == NULL || groups[0] == NULL)
    return g_strdup (tandem_visibility_get_label (visibility));

  /* Translators: the list separator between group names in
   * "Chosen groups: Sales team, Owners" */
  names = g_strjoinv (_(", "), (char **) groups);
  /* Translators: %s is a list of group names, "Sales team, Owners" */
  return g_strdup_printf (_("Chosen groups: %s"), names);
}
