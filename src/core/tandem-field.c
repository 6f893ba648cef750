/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemField"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "tandem-date.h"
#include "tandem-error.h"
#include "tandem-field.h"

struct _TandemField
{
  GObject parent_instance;

  gint64           id;
  TandemKind       entity;
  TandemFieldKind  kind;
  TandemFieldType  type;
  char            *name;
  char           **choices;
};

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemField, tandem_field, G_TYPE_OBJECT)

static void
tandem_field_finalize (GObject *object)
{
  TandemField *self = TANDEM_FIELD (object);

  g_free (self->name);
  g_strfreev (self->choices);

  G_OBJECT_CLASS (tandem_field_parent_class)->finalize (object);
}

static void
tandem_field_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, TANDEM_FIELD (object)->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_field_class_init (TandemFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_field_finalize;
  object_class->get_property = tandem_field_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_field_init (TandemField *self)
{
}

TandemField *
tandem_field_new (TandemKind       entity,
                  TandemFieldKind  kind,
                  const char      *name,
                  TandemFieldType  type)
{
  TandemField *self = g_object_new (TANDEM_TYPE_FIELD, NULL);

  self->entity = entity;
  self->kind = kind;
  self->name = g_strdup (name);
  self->type = type;
  return self;
}

gint64
tandem_field_get_id (TandemField *self)
{
  g_return_val_if_fail (TANDEM_IS_FIELD (self), 0);
  return self->id;
}

void
tandem_field_set_id (TandemField *self,
                     gint64       id)
{
  g_return_if_fail (TANDEM_IS_FIELD (self));
  self->id = id;
}

TandemKind
tandem_field_get_entity (TandemField *self)
{
  g_return_val_if_fail (TANDEM_IS_FIELD (self), TANDEM_KIND_NONE);
  return self->entity;
}

TandemFieldKind
tandem_field_get_kind (TandemField *self)
{
  g_return_val_if_fail (TANDEM_IS_FIELD (self), TANDEM_FIELD_ADDITIONAL);
  return self->kind;
}

const char *
tandem_field_get_name (TandemField *self)
{
  g_return_val_if_fail (TANDEM_IS_FIELD (self), NULL);
  return self->name;
}

void
tandem_field_set_name (TandemField *self,
                       const char  *name)
{
  g_return_if_fail (TANDEM_IS_FIELD (self));
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

TandemFieldType
tandem_field_get_field_type (TandemField *self)
{
  g_return_val_if_fail (TANDEM_IS_FIELD (self), TANDEM_FIELD_TEXT);
  return self->type;
}

void
tandem_field_set_field_type (TandemField     *self,
                             TandemFieldType  type)
{
  g_return_if_fail (TANDEM_IS_FIELD (self));
  self->type = type;
}

const char * const *
tandem_field_get_choices (TandemField *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (TANDEM_IS_FIELD (self), NULL);
  return self->choices ? (const char * const *) self->choices : none;
}

void
tandem_field_set_choices (TandemField        *self,
                          const char * const *choices)
{
  g_return_if_fail (TANDEM_IS_FIELD (self));
  g_strfreev (self->choices);
  self->choices = g_strdupv ((char **) choices);
}

gboolean
tandem_field_check_value (TandemField  *self,
                          const char   *value,
                          char        **normalized,
                          GError      **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (TANDEM_IS_FIELD (self), FALSE);

  stripped = g_strstrip (g_strdup (value ? value : ""));
  if (stripped[0] == '\0')
    {
      *normalized = NULL;
      return TRUE;
    }

  switch (self->type)
    {
    case TANDEM_FIELD_NUMBER:
      {
        g_autofree char *dotted = g_strdelimit (g_strdup (stripped), ",", '.');
        char *end = NULL;

        g_ascii_strtod (dotted, &end);
        if (end == dotted || *end != '\0')
          {
            g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                         _("“%s” needs a number, not “%s”"), self->name, stripped);
            return FALSE;
          }
        *normalized = g_steal_pointer (&dotted);
        return TRUE;
      }

    case TANDEM_FIELD_DATE:
      {
        char *iso = tandem_date_parse (stripped);

        if (iso == NULL)
          {
            g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                         _("“%s” needs a date such as 2026-12-31, not “%s”"), self->name, stripped);
            return FALSE;
          }
        *normalized = iso;
        return TRUE;
      }

    case TANDEM_FIELD_BOOL:
      {
        static const char * const yes[] = { "1", "yes", "true", "y", "on", NULL };
        static const char * const no[] = { "0", "no", "false", "n", "off", NULL };
        g_autofree char *lower = g_utf8_strdown (stripped, -1);

        if (g_strv_contains (yes, lower) || g_utf8_collate (lower, _("yes")) == 0)
          *normalized = g_strdup ("1");
        else if (g_strv_contains (no, lower) || g_utf8_collate (lower, _("no")) == 0)
          *normalized = g_strdup ("0");
        else
          {
            g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                         _("“%s” needs yes or no, not “%s”"), self->name, stripped);
            return FALSE;
          }
        return TRUE;
      }

    case TANDEM_FIELD_LINK:
      if (!g_uri_is_valid (stripped, G_URI_FLAGS_NONE, NULL))
        {
          /* A bare host name is what people type; make it a link. */
          g_autofree char *with_scheme = g_strconcat ("https://", stripped, NULL);

          if (strchr (stripped, ' ') != NULL || strchr (stripped, '.') == NULL ||
              !g_uri_is_valid (with_scheme, G_URI_FLAGS_NONE, NULL))
            {
              g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                           _("“%s” needs a link such as https://example.com, not “%s”"),
                           self->name, stripped);
              return FALSE;
            }
          *normalized = g_steal_pointer (&with_scheme);
          return TRUE;
        }
      *normalized = g_steal_pointer (&stripped);
      return TRUE;

    case TANDEM_FIELD_CHOICE:
      for (guint i = 0; self->choices && self->choices[i]; i++)
        if (g_utf8_collate (self->choices[i], stripped) == 0)
          {
            *normalized = g_strdup (self->choices[i]);
            return TRUE;
          }
      {
        g_autofree char *list = self->choices ? g_strjoinv (", ", self->choices) : g_strdup ("");
        g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                     _("“%s” is not one of the choices of “%s”: %s"), stripped, self->name, list);
      }
      return FALSE;

    case TANDEM_FIELD_TEXT:
    default:
      *normalized = g_steal_pointer (&stripped);
      return TRUE;
    }
}
