/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTypes"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "tandem-types.h"

static const char * const kind_names[] = { "none", "company", "person", "note", "activity", "project", "task",
                                                   "campaign", "document" };
static const char * const role_names[] = { "admin", "manager", "user" };
static const char * const visibility_names[] = { "everyone", "groups", "private", "team" };
static const char * const field_kind_names[] = { "classification", "additional" };
static const char * const field_type_names[] = { "text", "number", "date", "bool", "link", "choice" };
static const char * const status_names[] = { "planned", "completed", "cancelled" };
static const char * const outcome_names[] = { "none", "success", "failure" };
static const char * const direction_names[] = { "none", "inbound", "outbound" };
static const char * const term_set_names[] = { "category", "kind", "type", "property", "goal", "priority" };
static const char * const period_names[] = { "week", "month" };
static const char * const sale_state_names[] = { "open", "won", "lost" };
static const char * const task_state_names[] = { "open", "in-progress", "done", "cancelled" };

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
  g_return_val_if_fail (kind <= TANDEM_KIND_DOCUMENT, "none");
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
  g_return_val_if_fail (visibility <= TANDEM_VISIBILITY_TEAM, "private");
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
    case TANDEM_VISIBILITY_TEAM:
      return _("Project team");
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
NAMED_ENUM (tandem_sale_state, TandemSaleState, sale_state_names)
NAMED_ENUM (tandem_task_state, TandemTaskState, task_state_names)

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

const char *
tandem_sale_state_get_label (TandemSaleState state)
{
  switch (state)
    {
    case TANDEM_SALE_WON:
      return C_("sale state", "Won");
    case TANDEM_SALE_LOST:
      return C_("sale state", "Lost");
    case TANDEM_SALE_OPEN:
    default:
      return C_("sale state", "Open");
    }
}

const char *
tandem_task_state_get_label (TandemTaskState state)
{
  switch (state)
    {
    case TANDEM_TASK_IN_PROGRESS:
      return C_("task state", "In progress");
    case TANDEM_TASK_DONE:
      return C_("task state", "Done");
    case TANDEM_TASK_CANCELLED:
      return C_("task state", "Cancelled");
    case TANDEM_TASK_OPEN:
    default:
      return C_("task state", "Open");
    }
}

#define NARROW_NBSP "\u202f"

/* The locale's decimal mark and digit grouping for money. Spaces of any
 * kind group with a narrow no-break space, so that an amount never
 * breaks across lines; a locale without grouping (C) groups with a comma
 * when its decimal mark is a point, else with a narrow no-break space. */
static void
money_marks (const char **decimal,
             const char **grouping)
{
  const struct lconv *lc = localeconv ();
  const char *d = lc->mon_decimal_point && lc->mon_decimal_point[0] ? lc->mon_decimal_point : lc->decimal_point;
  const char *g = lc->mon_decimal_point && lc->mon_decimal_point[0] ? lc->mon_thousands_sep : lc->thousands_sep;

  if (d == NULL || d[0] == '\0')
    d = ".";
  if (g == NULL || g[0] == '\0')
    g = g_str_equal (d, ".") ? "," : NARROW_NBSP;
  else if (g_str_equal (g, " ") || g_str_equal (g, "\u00a0") || g_str_equal (g, "\u2009") ||
           g_str_equal (g, NARROW_NBSP))
    g = NARROW_NBSP;
  *decimal = d;
  *grouping = g;
}

char *
tandem_format_money (gint64      cents,
                     const char *currency)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *digits = NULL;
  const char *decimal, *grouping;
  guint64 magnitude;
  gsize len;

  money_marks (&decimal, &grouping);

  magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  len = strlen (digits);

  if (cents < 0)
    g_string_append_c (text, '-');
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (text, grouping);
      g_string_append_c (text, digits[i]);
    }
  g_string_append (text, decimal);
  g_string_append_printf (text, "%02u", (guint) (magnitude % 100));
  if (currency != NULL && currency[0] != '\0')
    {
      g_string_append_c (text, ' ');
      g_string_append (text, currency);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A space that may group digits: ASCII, no-break, thin or narrow no-break. */
static gsize
space_length (const char *p)
{
  if (*p == ' ')
    return 1;
  if (g_str_has_prefix (p, "\u00a0"))
    return strlen ("\u00a0");
  if (g_str_has_prefix (p, "\u2009") || g_str_has_prefix (p, NARROW_NBSP))
    return strlen (NARROW_NBSP);
  return 0;
}

/* Strict: digits in groups of three after the first when grouped (by
 * spaces, or by the one of "," and "." that is not the decimal mark),
 * then an optional decimal mark with one or two digits. A lone "," or "."
 * is the decimal mark; one that repeats, or comes before the other, groups. */
gboolean
tandem_parse_money (const char *text,
                    gint64     *cents)
{
  g_autofree char *clean = NULL;
  const char *last_point, *last_comma, *p;
  char mark = 0, group_char = 0;
  const char *mark_at = NULL;
  guint64 whole = 0;
  guint n_digits = 0, group_len = 0, n_groups = 0;
  guint fraction = 0, n_fraction = 0;

  g_return_val_if_fail (cents != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  clean = g_strstrip (g_strdup (text));
  if (clean[0] == '\0' || !g_utf8_validate (clean, -1, NULL))
    return FALSE;

  last_point = strrchr (clean, '.');
  last_comma = strrchr (clean, ',');
  if (last_point != NULL && last_comma != NULL)
    {
      mark_at = MAX (last_point, last_comma);
      mark = *mark_at;
      group_char = mark == '.' ? ',' : '.';
    }
  else if (last_point != NULL || last_comma != NULL)
    {
      const char *only = last_point ? last_point : last_comma;

      if (strchr (clean, *only) == only)
        {
          mark_at = only;
          mark = *only;
        }
      else
        group_char = *only;
    }

  for (p = clean; *p && p != mark_at;)
    {
      gsize space = space_length (p);

      if (g_ascii_isdigit (*p))
        {
          if (n_digits >= 15)
            return FALSE;
          whole = whole * 10 + (guint64) (*p - '0');
          n_digits++;
          group_len++;
          p++;
        }
      else if (space > 0 || (group_char != 0 && *p == group_char))
        {
          /* The first group has 1–3 digits, the others exactly 3. */
          if (group_len == 0 || group_len > 3 || (n_groups > 0 && group_len != 3))
            return FALSE;
          n_groups++;
          group_len = 0;
          p += space > 0 ? space : 1;
        }
      else
        return FALSE;
    }
  if (n_digits == 0 || group_len == 0 || (n_groups > 0 && group_len != 3))
    return FALSE;

  if (mark_at != NULL)
    {
      for (p = mark_at + 1; *p; p++)
        {
          if (!g_ascii_isdigit (*p) || n_fraction == 2)
            return FALSE;
          fraction = fraction * 10 + (guint) (*p - '0');
          n_fraction++;
        }
      if (n_fraction == 0)
        return FALSE;
      if (n_fraction == 1)
        fraction *= 10;
    }

  *cents = (gint64) (whole * 100 + fraction);
  return TRUE;
}
