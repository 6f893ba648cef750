/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTypes"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-types.h"

static const char * const kind_names[] = { "none", "company", "person", "note", "activity" };
static const char * const role_names[] = { "admin", "manager", "user" };
static const char * const visibility_names[] = { "everyone", "groups", "private" };
static const char * const field_kind_names[] = { "classification", "additional" };
static const char * const field_type_names[] = { "text", "number", "date", "bool", "link", "choice" };
static const char * const status_names[] = { "planned", "completed", "cancelled" };
static const char * const outcome_names[] = { "none", "success", "failure" };
static const char * const direction_names[] = { "none", "inbound", "outbound" };
static const char * const term_set_names[] = { "category", "kind", "type", "property", "goal", "priority" };
static const char * const period_names[] = { "week", "month" };

static int
index_of (const char * const *names,
          guint               n_names,
          const char         *str)
{
  if (str == NULL)
    return -1;
  for (guint i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp (names[i], str) == 0)
      return i;
  return -1;
}

const char *
tandem_kind_to_string (TandemKind kind)
{
  g_return_val_if_fail (kind <= TANDEM_KIND_ACTIVITY, "none");
  return kind_names[kind];
}

TandemKind
tandem_kind_from_string (const char *str)
{
  int i = index_of (kind_names, G_N_ELEMENTS (kind_names), str);
  return i < 0 ? TANDEM_KIND_NONE : (TandemKind) i;
}

const char *
tandem_role_to_string (TandemRole role)
{
  g_return_val_if_fail (role <= TANDEM_ROLE_USER, "user");
  return role_names[role];
}

gboolean
tandem_role_from_string (const char *str,
                         TandemRole *role)
{
  int i = index_of (role_names, G_N_ELEMENTS (role_names), str);

  if (i < 0 && g_ascii_strcasecmp (str ? str : "", "administrator") == 0)
    i = TANDEM_ROLE_ADMIN;
  if (i < 0)
    return FALSE;
  *role = (TandemRole) i;
  return TRUE;
}

const char *
tandem_role_get_label (TandemRole role)
{
  switch (role)
    {
    case TANDEM_ROLE_ADMIN:
      return _("Administrator");
    case TANDEM_ROLE_MANAGER:
      return _("Manager");
    case TANDEM_ROLE_USER:
    default:
      return _("User");
    }
}

const char *
tandem_visibility_to_string (TandemVisibility visibility)
{
  g_return_val_if_fail (visibility <= TANDEM_VISIBILITY_PRIVATE, "private");
  return visibility_names[visibility];
}

const char *
tandem_visibility_get_label (TandemVisibility visibility)
{
  switch (visibility)
    {
    case TANDEM_VISIBILITY_EVERYONE:
      return _("Everyone who may see the record");
    case TANDEM_VISIBILITY_GROUPS:
      return _("Chosen groups");
    case TANDEM_VISIBILITY_PRIVATE:
    default:
      return _("Private");
    }
}

const char *
tandem_field_kind_to_string (TandemFieldKind kind)
{
  g_return_val_if_fail (kind <= TANDEM_FIELD_ADDITIONAL, "additional");
  return field_kind_names[kind];
}

gboolean
tandem_field_kind_from_string (const char      *str,
                               TandemFieldKind *kind)
{
  int i = index_of (field_kind_names, G_N_ELEMENTS (field_kind_names), str);
  if (i < 0)
    return FALSE;
  *kind = (TandemFieldKind) i;
  return TRUE;
}

const char *
tandem_field_type_to_string (TandemFieldType type)
{
  g_return_val_if_fail (type <= TANDEM_FIELD_CHOICE, "text");
  return field_type_names[type];
}

gboolean
tandem_field_type_from_string (const char      *str,
                               TandemFieldType *type)
{
  int i = index_of (field_type_names, G_N_ELEMENTS (field_type_names), str);
  if (i < 0)
    return FALSE;
  *type = (TandemFieldType) i;
  return TRUE;
}

const char *
tandem_field_type_get_label (TandemFieldType type)
{
  switch (type)
    {
    case TANDEM_FIELD_NUMBER:
      return _("Number");
    case TANDEM_FIELD_DATE:
      return _("Date");
    case TANDEM_FIELD_BOOL:
      return _("Yes/no");
    case TANDEM_FIELD_LINK:
      return _("Link");
    case TANDEM_FIELD_CHOICE:
      return _("Choice from a list");
    case TANDEM_FIELD_TEXT:
    default:
      return _("Text");
    }
}

#define NAMED_ENUM(prefix, Type, names)                                  \
  const char *                                                         \
  prefix##_to_string (Type value)                                      \
  {                                                                    \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (names), names[0]); \
    return names[value];                                               \
  }                                                                    \
                                                                       \
  gboolean                                                             \
  prefix##_from_string (const char *str,                               \
                        Type       *value)                             \
  {                                                                    \
    int i = index_of (names, G_N_ELEMENTS (names), str);               \
    if (i < 0)                                                         \
      return FALSE;                                                    \
    *value = (Type) i;                                                 \
    return TRUE;                                                       \
  }

NAMED_ENUM (tandem_status, TandemStatus, status_names)
NAMED_ENUM (tandem_outcome, TandemOutcome, outcome_names)
NAMED_ENUM (tandem_direction, TandemDirection, direction_names)
NAMED_ENUM (tandem_term_set, TandemTermSet, term_set_names)
NAMED_ENUM (tandem_period, TandemPeriod, period_names)

const char *
tandem_status_get_label (TandemStatus status)
{
  switch (status)
    {
    case TANDEM_STATUS_COMPLETED:
      return C_("activity status", "Completed");
    case TANDEM_STATUS_CANCELLED:
      return C_("activity status", "Cancelled");
    case TANDEM_STATUS_PLANNED:
    default:
      return C_("activity status", "Planned");
    }
}

const char *
tandem_outcome_get_label (TandemOutcome outcome)
{
  switch (outcome)
    {
    case TANDEM_OUTCOME_SUCCESS:
      return C_("activity outcome", "Success");
    case TANDEM_OUTCOME_FAILURE:
      return C_("activity outcome", "Failure");
    case TANDEM_OUTCOME_NONE:
    default:
      return C_("activity outcome", "None");
    }
}

const char *
tandem_direction_get_label (TandemDirection direction)
{
  switch (direction)
    {
    case TANDEM_DIRECTION_INBOUND:
      return C_("activity direction", "Inbound");
    case TANDEM_DIRECTION_OUTBOUND:
      return C_("activity direction", "Outbound");
    case TANDEM_DIRECTION_NONE:
    default:
      return C_("activity direction", "Not set");
    }
}

const char *
tandem_term_set_get_label (TandemTermSet set)
{
  switch (set)
    {
    case TANDEM_TERM_CATEGORY:
      return _("Categories");
    case TANDEM_TERM_KIND:
      return _("Kinds");
    case TANDEM_TERM_TYPE:
      return _("Types");
    case TANDEM_TERM_PROPERTY:
      return _("Properties");
    case TANDEM_TERM_GOAL:
      return _("Goals");
    case TANDEM_TERM_PRIORITY:
    default:
      return _("Priorities");
    }
}

const char *
tandem_channel_get_label (TandemChannel channel)
{
  switch (channel)
    {
    case TANDEM_CHANNEL_EMAIL:
      return _("E-mail");
    case TANDEM_CHANNEL_SMS:
      return _("SMS");
    case TANDEM_CHANNEL_APP:
    default:
      return _("Notification");
    }
}
