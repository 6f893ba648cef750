/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemProjectMember"

#include "tandem-project-member.h"

struct _TandemProjectMember
{
  GObject parent_instance;

  gint64  user_id;
  char   *login;
  char   *name;
  char   *role;
  char   *added_at;
};

enum {
  PROP_0,
  PROP_USER_ID,
  PROP_LOGIN,
  PROP_NAME,
  PROP_ROLE,
  PROP_ADDED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemProjectMember, tandem_project_member, G_TYPE_OBJECT)

static void
tandem_project_member_finalize (GObject *object)
{
  TandemProjectMember *self = TANDEM_PROJECT_MEMBER (object);

  g_free (self->login);
  g_free (self->name);
  g_free (self->role);
  g_free (self->added_at);

  G_OBJECT_CLASS (tandem_project_member_parent_class)->finalize (object);
}

static void
tandem_project_member_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TandemProjectMember *self = TANDEM_PROJECT_MEMBER (object);

  switch (prop_id)
    {
    case PROP_USER_ID:
      g_value_set_int64 (value, self->user_id);
      break;
    case PROP_LOGIN:
      g_value_set_string (value, self->login);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_ADDED_AT:
      g_value_set_string (value, self->added_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_project_member_class_init (TandemProjectMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_project_member_finalize;
  object_class->get_property = tandem_project_member_get_property;

  properties[PROP_USER_ID] = g_param_spec_int64 ("user-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_LOGIN] = g_param_spec_string ("login", NULL, NULL, NULL, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, ro);
  properties[PROP_ADDED_AT] = g_param_spec_string ("added-at", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_project_member_init (TandemProjectMember *self)
{
}

TandemProjectMember *
tandem_project_member_new (gint64      user_id,
                           const char *login,
                           const char *name,
                           const char *role,
                           const char *added_at)
{
  TandemProjectMember *self = g_object_new (TANDEM_TYPE_PROJECT_MEMBER, NULL);

  self->user_id = user_id;
  self->login = g_strdup (login);
  self->name = g_strdup (name);
  self->role = (role != NULL && role[0] != '\0') ? g_strdup (role) : NULL;
  self->added_at = g_strdup (added_at);
  return self;
}

gint64
tandem_project_member_get_user_id (TandemProjectMember *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT_MEMBER (self), 0);
  return self->user_id;
}

const char *
tandem_project_member_get_login (TandemProjectMember *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT_MEMBER (self), NULL);
  return self->login;
}

const char *
tandem_project_member_get_name (TandemProjectMember *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT_MEMBER (self), NULL);
  return self->name;
}

const char *
tandem_project_member_get_role (TandemProjectMember *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT_MEMBER (self), NULL);
  return self->role;
}

const char *
tandem_project_member_get_added_at (TandemProjectMember *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT_MEMBER (self), NULL);
  return self->added_at;
}
