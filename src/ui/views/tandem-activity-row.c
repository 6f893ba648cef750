/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemActivityRow"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tandem-activity-row.h"

struct _TandemActivityRow
{
  AdwActionRow parent_instance;

  gint64     activity_id;
  gint64     recurrence_id;
  GtkWidget *category_icon;
};

G_DEFINE_FINAL_TYPE (TandemActivityRow, tandem_activity_row, ADW_TYPE_ACTION_ROW)

/* Calendar days from @from's day to @to's day, both taken in the local
 * zone. */
static int
days_between (GDateTime *from,
              GDateTime *to)
{
  g_autoptr(GDateTime) a = g_date_time_to_local (from);
  g_autoptr(GDateTime) b = g_date_time_to_local (to);
  int ya, ma, da, yb, mb, db;
  GDate date_a, date_b;

  g_date_time_get_ymd (a, &ya, &ma, &da);
  g_date_time_get_ymd (b, &yb, &mb, &db);
  g_date_clear (&date_a, 1);
  g_date_clear (&date_b, 1);
  g_date_set_dmy (&date_a, da, ma, ya);
  g_date_set_dmy (&date_b, db, mb, yb);
  return g_date_days_between (&date_a, &date_b);
}

static char *
format_time (GDateTime *local)
{
  /* Translators: a time of day, as strftime(); e.g. "%H.%M" in Finnish. */
  return g_date_time_format (local, C_("time", "%H:%M"));
}

static void
tandem_activity_row_class_init (TandemActivityRowClass *klass)
{
}

static void
tandem_activity_row_init (TandemActivityRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
}

GtkWidget *
tandem_activity_row_new (gint64      activity_id,
                         gint64      recurrence_id,
                         const char *title)
{
  TandemActivityRow *self = g_object_new (TANDEM_TYPE_ACTIVITY_ROW, NULL);

  self->activity_id = activity_id;
  self->recurrence_id = recurrence_id;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title ? title : "");
  return GTK_WIDGET (self);
}

GtkWidget *
tandem_activity_row_new_for_activity (TandemActivity *activity,
                                      GHashTable     *categories,
                                      GDateTime      *now)
{
  gint64 category_id;
  GtkWidget *row;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *when = NULL;
  const char *category = tandem_activity_get_category_name (activity);
  const char *company = tandem_activity_get_company_name (activity);

  g_return_val_if_fail (TANDEM_IS_ACTIVITY (activity), NULL);

  row = tandem_activity_row_new (tandem_record_get_id (TANDEM_RECORD (activity)), 0,
                                 tandem_activity_get_title (activity));
  category_id = tandem_activity_get_category_id (activity);
  tandem_activity_row_set_category (TANDEM_ACTIVITY_ROW (row),
                                    categories ? g_hash_table_lookup (categories, &category_id) : NULL);
  when = tandem_activity_row_describe_when (activity, now);
  if (when)
    g_string_append (subtitle, when);
  if (category && *category)
    g_string_append_printf (subtitle, subtitle->len ? " · %s" : "%s", category);
  if (company && *company)
    g_string_append_printf (subtitle, subtitle->len ? " · %s" : "%s", company);
  if (subtitle->len)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  return row;
}

gint64
tandem_activity_row_get_activity_id (TandemActivityRow *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY_ROW (self), 0);
  return self->activity_id;
}

gint64
tandem_activity_row_get_recurrence_id (TandemActivityRow *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY_ROW (self), 0);
  return self->recurrence_id;
}

void
tandem_activity_row_set_category (TandemActivityRow *self,
                                  TandemTerm        *category)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY_ROW (self));

  if (self->category_icon == NULL)
    {
      self->category_icon = gtk_image_new ();
      adw_action_row_add_prefix (ADW_ACTION_ROW (self), self->category_icon);
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (self->category_icon), tandem_activity_row_get_category_icon (category));
  gtk_widget_set_tooltip_text (self->category_icon, category ? tandem_term_get_name (category) : NULL);
  if (category)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->category_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    tandem_term_get_name (category), -1);
}

GtkWidget *
tandem_activity_row_add_tag (TandemActivityRow *self,
                             const char        *text,
                             const char        *style_class)
{
  GtkWidget *label;

  g_return_val_if_fail (TANDEM_IS_ACTIVITY_ROW (self), NULL);

  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "caption-heading");
  if (style_class)
    gtk_widget_add_css_class (label, style_class);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), label);
  return label;
}

GHashTable *
tandem_activity_row_load_categories (TandemStore *store)
{
  g_autoptr(GPtrArray) categories = tandem_store_list_terms (store, TANDEM_TERM_CATEGORY, NULL);
  GHashTable *by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  for (guint i = 0; categories && i < categories->len; i++)
    {
      TandemTerm *term = g_ptr_array_index (categories, i);

      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { tandem_term_get_id (term) }, sizeof (gint64)),
                           g_object_ref (term));
    }
  return by_id;
}

const char *
tandem_activity_row_get_category_icon (TandemTerm *category)
{
  static const struct { const char *builtin; const char *icon; } icons[] = {
    { "CRM event", "x-office-calendar-symbolic" },
    { "Lead", "starred-symbolic" },
    { "Sales action", "task-due-symbolic" },
    { "Customer visit", "find-location-symbolic" },
    { "Phone call", "call-start-symbolic" },
    { "E-mail", "mail-unread-symbolic" },
    { "Meeting", "system-users-symbolic" },
  };
  const char *builtin = category ? tandem_term_get_builtin (category) : NULL;

  for (guint i = 0; builtin && i < G_N_ELEMENTS (icons); i++)
    if (g_str_equal (builtin, icons[i].builtin))
      return icons[i].icon;
  return "appointment-soon-symbolic";
}

char *
tandem_activity_row_format_when (GDateTime *when,
                                 gboolean   with_time,
                                 GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;
  g_autofree char *date = NULL;
  int days;

  g_return_val_if_fail (when != NULL && now != NULL, NULL);

  local = g_date_time_to_local (when);
  days = days_between (now, local);
  if (with_time)
    time = format_time (local);

  switch (days)
    {
    case 0:
      /* Translators: %s is a time of day, "Today 14:00" */
      return time ? g_strdup_printf (C_("when", "Today %s"), time) : g_strdup (C_("when", "Today"));
    case 1:
      /* Translators: %s is a time of day, "Tomorrow 14:00" */
      return time ? g_strdup_printf (C_("when", "Tomorrow %s"), time) : g_strdup (C_("when", "Tomorrow"));
    case -1:
      /* Translators: %s is a time of day, "Yesterday 14:00" */
      return time ? g_strdup_printf (C_("when", "Yesterday %s"), time) : g_strdup (C_("when", "Yesterday"));
    default:
      break;
    }

  if (g_date_time_get_year (local) == g_date_time_get_year (now) || ABS (days) < 180)
    /* Translators: a date in the near future or past, as strftime(): "Mon 30 Nov" */
    date = g_date_time_format (local, C_("when", "%a %-d %b"));
  else
    /* Translators: a date in another year, as strftime(): "Mon 30 Nov 2027" */
    date = g_date_time_format (local, C_("when", "%a %-d %b %Y"));
  if (time == NULL)
    return g_steal_pointer (&date);
  /* Translators: a date and a time of day, "Mon 30 Nov 14:00" */
  return g_strdup_printf (C_("when", "%s %s"), date, time);
}

char *
tandem_activity_row_describe_when (TandemActivity *activity,
                                   GDateTime      *now)
{
  GDateTime *start = tandem_activity_get_start (activity);
  g_autoptr(GDateTime) follow_up = NULL;

  if (!tandem_activity_get_open_ended (activity) && start != NULL)
    return tandem_activity_row_format_when (start, !tandem_activity_get_all_day (activity), now);

  follow_up = tandem_activity_row_parse_date (tandem_activity_get_follow_up (activity));
  if (follow_up)
    {
      g_autofree char *date = tandem_activity_row_format_when (follow_up, FALSE, now);

      /* Translators: an activity without times that is to be followed up on a date */
      return g_strdup_printf (_("Follow up %s"), date);
    }
  return g_strdup (_("Open-ended"));
}

char *
tandem_activity_row_format_range (GDateTime *start,
                                  GDateTime *end,
                                  gboolean   all_day)
{
  g_autoptr(GDateTime) s = NULL;
  g_autoptr(GDateTime) e = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (start == NULL)
    return g_strdup (_("Open-ended"));

  s = g_date_time_to_local (start);
  e = end ? g_date_time_to_local (end) : g_date_time_ref (s);

  if (all_day)
    {
      /* An all-day activity ends at 00:00 after its last day. */
      g_autoptr(GDateTime) last = g_date_time_add_seconds (e, -1);

      if (days_between (s, last) <= 0)
        return g_strdup (_("All day"));
      from = g_date_time_format (s, C_("when", "%a %-d %b"));
      to = g_date_time_format (last, C_("when", "%a %-d %b"));
      /* Translators: a range of dates, "Mon 30 Nov – Wed 2 Dec" */
      return g_strdup_printf (C_("range", "%s – %s"), from, to);
    }

  from = format_time (s);
  to = format_time (e);
  if (days_between (s, e) == 0)
    /* Translators: a range of times on one day, "14:00–15:00" */
    return g_strdup_printf (C_("range", "%s–%s"), from, to);

  {
    g_autofree char *from_day = g_date_time_format (s, C_("when", "%a %-d %b"));
    g_autofree char *to_day = g_date_time_format (e, C_("when", "%a %-d %b"));
    g_autofree char *a = g_strdup_printf (C_("when", "%s %s"), from_day, from);
    g_autofree char *b = g_strdup_printf (C_("when", "%s %s"), to_day, to);

    return g_strdup_printf (C_("range", "%s – %s"), a, b);
  }
}

char *
tandem_activity_row_format_overdue (GDateTime *due,
                                    GDateTime *now)
{
  int days;

  g_return_val_if_fail (due != NULL && now != NULL, NULL);

  days = days_between (due, now);
  if (days <= 0)
    return NULL;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", days), days);
}

GDateTime *
tandem_activity_row_parse_date (const char *date)
{
  g_autoptr(GTimeZone) tz = NULL;
  int y, m, d;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return NULL;
  y = atoi (date);
  m = atoi (date + 5);
  d = atoi (date + 8);
  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  tz = g_time_zone_new_local ();
  return g_date_time_new (tz, y, m, d, 0, 0, 0);
}
