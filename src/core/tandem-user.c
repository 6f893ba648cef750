/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemUser"

#include "tandem-user.h"

struct _TandemUser
{
  GObject parent_instance;

  gint64      id;
  char       *login;
  char       *name;
  TandemRole  role;
  gboolean    active;
  char      **groups;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_LOGIN,
  PROP_NAME,
  PROP_ROLE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemUser, tandem_user, G_TYPE_OBJECT)

static void
tandem_user_finalize (GObject *object)
{
  TandemUser *self = TANDEM_USER (object);

  g_free (self->login);
  g_free (self->name);
  g_strfreev (self->groups);

  G_OBJECT_CLASS (tandem_user_parent_class)->finalize (object);
}

static void
tandem_user_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TandemUser *self = TANDEM_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_LOGIN:
      g_value_set_string (value, self->login);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_int (value, self->role);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_user_class_init (TandemUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_user_finalize;
  object_class->get_property = tandem_user_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_LOGIN] = g_param_spec_string ("login", NULL, NULL, NULL, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_ROLE] = g_param_spec_int ("role", NULL, NULL, TANDEM_ROLE_ADMIN, TANDEM_ROLE_USER,
                                            TANDEM_ROLE_USER, ro);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_user_init (TandemUser *self)
{
  self->active = TRUE;
  self->role = TANDEM_ROLE_USER;
}

TandemUser *
tandem_user_new (gint64      id,
                 const char *login,
                 const char *name,
                 TandemRole  role,
                 gboolean    active)
{
  TandemUser *self = g_object_new (TANDEM_TYPE_USER, NULL);

  self->id = id;
  self->login = g_strdup (login);
  self->name = g_strdup (name);
  self->role = role;
  self->active = active;
  return self;
}

gint64
tandem_user_get_id (TandemUser *self)
{
  g_return_val_if_fail (TANDEM_IS_USER (self), 0);
  return self->id;
}

const char *
tandem_user_get_login (TandemUser *self)
{
  g_return_val_if_fail (TANDEM_IS_USER (self), NULL);
  return self->login;
}

const char *
tandem_user_get_name (TandemUser *self)
{
  g_return_val_if_fail (TANDEM_IS_USER (self), NULL);
  return self->name;
}

void
tandem_user_set_name (TandemUser *self,
                      const char *name)
{
  g_return_if_fail (TANDEM_IS_USER (self));
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

TandemRole
tandem_user_get_role (TandemUser *self)
{
  g_return_val_if_fail (TANDEM_IS_USER (self), TANDEM_ROLE_USER);
  return self->role;
}

void
tandem_user_set_role (TandemUser *self,
                      TandemRole  role)
{
  g_return_if_fail (TANDEM_IS_USER (self));
  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

gboolean
tandem_user_get_active (TandemUser *self)
{
  g_return_val_if_fail (TANDEM_IS_USER (self), FALSE);
  return self->active;
}

void
tandem_user_set_active (TandemUser *self,
                        gboolean    active)
{
  g_return_if_fail (TANDEM_IS_USER (self));
  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

gboolean
tandem_user_is_admin (TandemUser *self)
{
  return self != NULL && self->role == TANDEM_ROLE_ADMIN;
}

const char * const *
tandem_user_get_groups (TandemUser *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (TANDEM_IS_USER (self), NULL);
  return self->groups ? (const char * const *) self->groups : none;
}

void
tandem_user_set_groups (TandemUser         *self,
                        const char * const *groups)
{
  g_return_if_fail (TANDEM_IS_USER (self));
  g_strfreev (self->groups);
  self->groups = g_strdupv ((char **) groups);
}
