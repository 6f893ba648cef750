/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemRecurrence"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <string.h>

#include "tandem-error.h"
#include "tandem-recurrence.h"

/* The rule is expanded in floating wall-clock time (DTSTART without a
 * TZID), and each wall-clock occurrence is placed in the activity's zone
 * afterwards. libical then never needs the zone, and GLib's zone data
 * decides the gaps and overlaps. UNTIL and COUNT are applied here rather
 * than by libical: UNTIL is in UTC and has to be compared after the zone
 * is applied, and COUNT includes DTSTART even when the rule would not
 * produce it (RFC 5545 §3.8.5.3, "The DTSTART property value always
 * counts as the first occurrence"). */

#define SECONDS_PER_DAY 86400

/* Seconds of 0001-01-01 and 9999-12-31T23:59:59 from the Unix epoch: the
 * range GDateTime and the formatting of rules can express. */
#define WALL_MIN G_GINT64_CONSTANT (-62135596800)
#define WALL_MAX G_GINT64_CONSTANT (253402300799)

/* How many steps of the rule's frequency libical may scan from where the
 * expansion starts. A rule whose parts never match makes libical walk
 * step by step inside one call until the UNTIL it is given; this keeps
 * every call short (for a daily rule it is more than five centuries). */
#define HORIZON_STEPS 200000

/* Occurrences looked at in one expansion at most. */
#define MAX_STEPS 1000000

#define MAX_INTERVAL 999
#define MAX_COUNT 99999

#define ALL_WEEKDAYS 0x7fu
#define MONDAY_TO_FRIDAY 0x1fu
#define SATURDAY_SUNDAY 0x60u

G_DEFINE_BOXED_TYPE (TandemRecurrence, tandem_recurrence,
                     tandem_recurrence_copy, tandem_recurrence_free)

/* Calendar arithmetic on plain numbers (H. Hinnant's days_from_civil),
 * so that wall-clock times before 1970 or after 2038 need no time zone
 * and no allocation. */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static void
civil_from_days (gint64  z,
                 int    *year,
                 guint  *month,
                 guint  *day)
{
  gint64 era, y;
  guint doe, yoe, doy, mp, d, m;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (guint) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = (gint64) yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  *year = (int) (y + (m <= 2));
  *month = m;
  *day = d;
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

static gint64
wall_from_icaltime (struct icaltimetype t)
{
  gint64 wall = days_from_civil (t.year, t.month, t.day) * SECONDS_PER_DAY;

  if (!t.is_date)
    wall += t.hour * 3600 + t.minute * 60 + t.second;
  return wall;
}

static struct icaltimetype
icaltime_from_wall (gint64 wall)
{
  struct icaltimetype t = icaltime_null_time ();
  gint64 days, secs;
  int year;
  guint month, day;

  wall = CLAMP (wall, WALL_MIN, WALL_MAX);
  days = floor_div (wall, SECONDS_PER_DAY);
  secs = wall - days * SECONDS_PER_DAY;
  civil_from_days (days, &year, &month, &day);
  t.year = year;
  t.month = (int) month;
  t.day = (int) day;
  t.hour = (int) (secs / 3600);
  t.minute = (int) (secs % 3600 / 60);
  t.second = (int) (secs % 60);
  t.is_date = 0;
  t.is_daylight = 0;
  t.zone = NULL;
  return t;
}

static gint64
wall_from_date_time (GDateTime *dt)
{
  int y, m, d;

  g_date_time_get_ymd (dt, &y, &m, &d);
  return days_from_civil (y, m, d) * SECONDS_PER_DAY
         + g_date_time_get_hour (dt) * 3600
         + g_date_time_get_minute (dt) * 60
         + g_date_time_get_second (dt);
}

static gint64
utc_to_wall (GTimeZone *tz,
             gint64     utc)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);

  if (interval < 0)
    return utc;
  return utc + g_time_zone_get_offset (tz, interval);
}

/* A wall-clock time that happens twice (the autumn overlap) is the first
 * of the two, the daylight one; one that does not happen (the spring gap)
 * is moved forward by the length of the gap, so 02:30 on the day clocks
 * go from 02:00 to 03:00 is 03:30 (RFC 5545 §3.3.5). GLib's own
 * g_date_time_new() would take the standard time and 03:00 instead. */
static gint64
wall_to_utc (GTimeZone *tz,
             gint64     wall)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_DAYLIGHT, wall);
  gint64 adjusted = wall;

  if (interval >= 0)
    return wall - g_time_zone_get_offset (tz, interval);

  /* In the gap: the offset in force before it. */
  interval = g_time_zone_adjust_time (tz, G_TIME_TYPE_DAYLIGHT, &adjusted);
  if (interval > 0)
    interval--;
  return wall - g_time_zone_get_offset (tz, interval);
}

static const char *
skip_rrule_prefix (const char *rrule)
{
  while (g_ascii_isspace (*rrule))
    rrule++;
  if (g_ascii_strncasecmp (rrule, "RRULE:", 6) == 0)
    rrule += 6;
  return rrule;
}

static gboolean
rrule_is_empty (const char *rrule)
{
  if (rrule == NULL)
    return TRUE;
  for (const char *p = skip_rrule_prefix (rrule); *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Reads @rrule with libical. libical reports a bad rule through its
 * global icalerrno (and a rule of NO_RECURRENCE), which is cleared again
 * so that it does not leak into the next caller. */
static gboolean
read_rule (const char                *rrule,
           struct icalrecurrencetype *out,
           GError                   **error)
{
  g_autofree char *text = NULL;
  gboolean ok;

  text = g_strstrip (g_strdup (skip_rrule_prefix (rrule)));
  icalerror_clear_errno ();
  *out = icalrecurrencetype_from_string (text);
  ok = (icalerrno == ICAL_NO_ERROR
        && out->freq != ICAL_NO_RECURRENCE
        && out->interval >= 1
        && out->count >= 0
        && !(out->count > 0 && !icaltime_is_null_time (out->until)));
  icalerror_clear_errno ();

  if (!ok)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The repeat rule “%s” is not valid"), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
by_is_empty (const short *array)
{
  return array[0] == ICAL_RECURRENCE_ARRAY_MAX;
}

static guint
by_length (const short *array,
           guint        size)
{
  guint n = 0;

  while (n < size && array[n] != ICAL_RECURRENCE_ARRAY_MAX)
    n++;
  return n;
}

/* libical numbers weekdays from Sunday = 1; GDateWeekday from Monday = 1. */
static GDateWeekday
weekday_from_ical (icalrecurrencetype_weekday day)
{
  return day == ICAL_SUNDAY_WEEKDAY ? G_DATE_SUNDAY : (GDateWeekday) (day - 1);
}

static const char *
weekday_code (GDateWeekday weekday)
{
  static const char * const codes[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

  g_return_val_if_fail (g_date_valid_weekday (weekday), "MO");
  return codes[weekday - 1];
}

static gint64
frequency_seconds (icalrecurrencetype_frequency freq)
{
  switch (freq)
    {
    case ICAL_SECONDLY_RECURRENCE:
      return 1;
    case ICAL_MINUTELY_RECURRENCE:
      return 60;
    case ICAL_HOURLY_RECURRENCE:
      return 3600;
    case ICAL_DAILY_RECURRENCE:
      return SECONDS_PER_DAY;
    case ICAL_WEEKLY_RECURRENCE:
      return 7 * SECONDS_PER_DAY;
    case ICAL_MONTHLY_RECURRENCE:
      return 31 * SECONDS_PER_DAY;
    case ICAL_YEARLY_RECURRENCE:
    case ICAL_NO_RECURRENCE:
    default:
      return 366 * SECONDS_PER_DAY;
    }
}

/* FALSE when the days of the month asked for exist in none of the
 * months asked for (February 30th, April 31st). libical would look for
 * them month after month until its last year, inside a single call. */
static gboolean
rule_can_match (const struct icalrecurrencetype *rule)
{
  static const int longest[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  guint n_months = by_length (rule->by_month, ICAL_BY_MONTH_SIZE);
  guint n_days = by_length (rule->by_month_day, ICAL_BY_MONTHDAY_SIZE);

  if (n_months == 0 || n_days == 0 || rule->rscale != NULL)
    return TRUE;

  for (guint i = 0; i < n_months; i++)
    {
      int month = icalrecurrencetype_month_month (rule->by_month[i]);

      if (month < 1 || month > 12)
        return TRUE;
      for (guint j = 0; j < n_days; j++)
        if (ABS (rule->by_month_day[j]) <= longest[month - 1])
          return TRUE;
    }
  return FALSE;
}

static gint64
saturating_add (gint64 a,
                gint64 b)
{
  if (b > 0 && a > G_MAXINT64 - b)
    return G_MAXINT64;
  if (b < 0 && a < G_MININT64 - b)
    return G_MININT64;
  return a + b;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The occurrences of @rule from @start (in @tz) lasting @duration seconds
 * that overlap [@from, @to), sorted, at most @max (0: all). */
static GArray *
expand_rule (struct icalrecurrencetype  rule,
             GTimeZone                 *tz,
             GDateTime                 *start,
             gint64                     duration,
             gint64                     from,
             gint64                     to,
             guint                      max)
{
  g_autoptr(GDateTime) local_start = g_date_time_to_timezone (start, tz);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  struct icaltimetype until = rule.until;
  icalrecur_iterator *iter = NULL;
  gint64 start_utc = g_date_time_to_unix (start);
  gint64 start_wall = wall_from_date_time (local_start);
  gint64 iter_wall = start_wall;
  gint64 bound_wall;
  gint64 until_utc = G_MAXINT64;
  gint64 until_wall = G_MAXINT64;
  gint64 stop_wall = G_MAXINT64;
  guint count = (guint) rule.count;
  guint seen = 0;
  gboolean skipped = FALSE;

  if (!icaltime_is_null_time (until))
    {
      if (until.is_date)
        until_wall = wall_from_icaltime (until) + SECONDS_PER_DAY - 1;
      else if (icaltime_is_utc (until))
        until_utc = wall_from_icaltime (until);
      else
        until_wall = wall_from_icaltime (until);
    }

  /* A series without COUNT can start at the range: libical keeps the
   * phase of the interval from DTSTART. Two days of margin cover the
   * difference between wall-clock and UTC. */
  if (count == 0 && from != G_MININT64)
    {
      gint64 skip_utc = saturating_add (saturating_add (from, -duration), -2 * SECONDS_PER_DAY);

      if (skip_utc > saturating_add (start_utc, SECONDS_PER_DAY))
        {
          iter_wall = utc_to_wall (tz, CLAMP (skip_utc, WALL_MIN, WALL_MAX));
          skipped = TRUE;
        }
    }

  /* The UNTIL libical sees bounds its work: the end of the range, the
   * rule's own end and the horizon, all in wall-clock time. */
  bound_wall = saturating_add (iter_wall, HORIZON_STEPS * frequency_seconds (rule.freq) * MAX (1, rule.interval));
  if (to != G_MAXINT64)
    bound_wall = MIN (bound_wall, saturating_add (utc_to_wall (tz, CLAMP (to, WALL_MIN, WALL_MAX)), SECONDS_PER_DAY));
  if (until_utc != G_MAXINT64)
    bound_wall = MIN (bound_wall, saturating_add (utc_to_wall (tz, CLAMP (until_utc, WALL_MIN, WALL_MAX)), SECONDS_PER_DAY));
  bound_wall = MIN (bound_wall, until_wall);
  bound_wall = MIN (bound_wall, WALL_MAX);

  /* DTSTART is the first occurrence whatever the rule says. */
  if (!skipped)
    {
      seen = 1;
      if (start_utc <= until_utc && start_wall <= until_wall
          && start_utc < to && (saturating_add (start_utc, duration) > from || start_utc >= from))
        g_array_append_val (found, start_utc);
    }

  rule.count = 0;
  rule.until = icaltime_from_wall (bound_wall);

  if (bound_wall >= iter_wall && (count == 0 || seen < count) && rule_can_match (&rule))
    {
      icalerror_clear_errno ();
      iter = icalrecur_iterator_new (rule, icaltime_from_wall (start_wall));
      if (iter != NULL && skipped && !icalrecur_iterator_set_start (iter, icaltime_from_wall (iter_wall)))
        {
          /* Walk from DTSTART after all. */
          icalrecur_iterator_free (iter);
          iter = icalrecur_iterator_new (rule, icaltime_from_wall (start_wall));
          skipped = FALSE;
          seen = 1;
        }
      /* A NULL iterator is a rule libical sees can never match
       * (February 31st): only DTSTART then. */
      icalerror_clear_errno ();
    }

  for (guint steps = 0; iter != NULL && steps < MAX_STEPS; steps++)
    {
      struct icaltimetype next = icalrecur_iterator_next (iter);
      gint64 wall, utc;

      if (icaltime_is_null_time (next))
        break;
      wall = wall_from_icaltime (next);
      if (wall > bound_wall || wall > stop_wall)
        break;
      if (!skipped && wall <= start_wall)
        continue;

      seen++;
      if (count > 0 && seen > count)
        break;
      if (wall > until_wall)
        break;

      utc = wall_to_utc (tz, wall);
      if (utc > until_utc)
        continue;
      if (utc < to && (saturating_add (utc, duration) > from || utc >= from))
        {
          g_array_append_val (found, utc);
          /* Placing wall-clock times in the zone can swap two that are
           * less than a gap apart: look one day further, then sort. */
          if (max > 0 && found->len == max)
            stop_wall = saturating_add (wall, SECONDS_PER_DAY);
        }
    }

  g_clear_pointer (&iter, icalrecur_iterator_free);
  icalerror_clear_errno ();

  g_array_sort (found, compare_gint64);
  for (guint i = 1; i < found->len;)
    {
      if (g_array_index (found, gint64, i) == g_array_index (found, gint64, i - 1))
        g_array_remove_index (found, i);
      else
        i++;
    }
  if (max > 0 && found->len > max)
    g_array_set_size (found, max);

  return g_steal_pointer (&found);
}

static gint64
occurrence_duration (GDateTime *start,
                     GDateTime *end)
{
  GTimeSpan span;

  if (end == NULL)
    return 0;
  span = g_date_time_difference (end, start);
  return span > 0 ? span / G_TIME_SPAN_SECOND : 0;
}

static const char *
weekday_name (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY:
      return _("Monday");
    case G_DATE_TUESDAY:
      return _("Tuesday");
    case G_DATE_WEDNESDAY:
      return _("Wednesday");
    case G_DATE_THURSDAY:
      return _("Thursday");
    case G_DATE_FRIDAY:
      return _("Friday");
    case G_DATE_SATURDAY:
      return _("Saturday");
    case G_DATE_SUNDAY:
      return _("Sunday");
    case G_DATE_BAD_WEEKDAY:
    default:
      return "";
    }
}

/* "Monday", "Tuesday and Thursday", "Monday, Wednesday and Friday". */
static char *
weekday_list (guint mask)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *text = NULL;

  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    if (mask & TANDEM_WEEKDAY_BIT (day))
      g_ptr_array_add (names, (gpointer) weekday_name (day));

  if (names->len == 0)
    return g_strdup ("");

  text = g_strdup (g_ptr_array_index (names, 0));
  for (guint i = 1; i < names->len; i++)
    {
      char *joined;

      if (i + 1 < names->len)
        /* Translators: joins weekdays in a list, as in "Monday, Wednesday and Friday" */
        joined = g_strdup_printf (C_("weekday list", "%s, %s"), text, (const char *) g_ptr_array_index (names, i));
      else
        /* Translators: joins the last two weekdays in a list, as in "Tuesday and Thursday" */
        joined = g_strdup_printf (C_("weekday list", "%s and %s"), text, (const char *) g_ptr_array_index (names, i));
      g_free (text);
      text = joined;
    }
  return g_steal_pointer (&text);
}

/* "the second Tuesday", "the last Friday". */
static char *
nth_weekday (int          week,
             GDateWeekday weekday)
{
  const char *format;

  switch (week)
    {
    case 1:
      /* Translators: %s is a weekday, as in "Monthly on the first Monday" */
      format = _("the first %s");
      break;
    case 2:
      /* Translators: %s is a weekday, as in "Monthly on the second Monday" */
      format = _("the second %s");
      break;
    case 3:
      /* Translators: %s is a weekday, as in "Monthly on the third Monday" */
      format = _("the third %s");
      break;
    case 4:
      /* Translators: %s is a weekday, as in "Monthly on the fourth Monday" */
      format = _("the fourth %s");
      break;
    default:
      /* Translators: %s is a weekday, as in "Monthly on the last Monday" */
      format = _("the last %s");
      break;
    }
  return g_strdup_printf (format, weekday_name (weekday));
}

/* The frequency in words, for a rule this editor has no pattern for. */
static char *
describe_frequency (icalrecurrencetype_frequency freq,
                    guint                        n)
{
  switch (freq)
    {
    case ICAL_SECONDLY_RECURRENCE:
      return g_strdup_printf (ngettext ("Every second", "Every %u seconds", n), n);
    case ICAL_MINUTELY_RECURRENCE:
      return g_strdup_printf (ngettext ("Every minute", "Every %u minutes", n), n);
    case ICAL_HOURLY_RECURRENCE:
      return g_strdup_printf (ngettext ("Every hour", "Every %u hours", n), n);
    case ICAL_DAILY_RECURRENCE:
      return g_strdup_printf (ngettext ("Every day", "Every %u days", n), n);
    case ICAL_WEEKLY_RECURRENCE:
      return g_strdup_printf (ngettext ("Every week", "Every %u weeks", n), n);
    case ICAL_MONTHLY_RECURRENCE:
      return g_strdup_printf (ngettext ("Every month", "Every %u months", n), n);
    case ICAL_YEARLY_RECURRENCE:
      return g_strdup_printf (ngettext ("Every year", "Every %u years", n), n);
    case ICAL_NO_RECURRENCE:
    default:
      return g_strdup (_("Repeats"));
    }
}

static void
until_from_rule (TandemRecurrence          *self,
                 struct icaltimetype        until,
                 GTimeZone                 *tz)
{
  gint64 wall;
  int year;
  guint month, day;

  g_date_clear (&self->until, 1);
  if (icaltime_is_null_time (until))
    return;

  wall = wall_from_icaltime (until);
  if (!until.is_date && icaltime_is_utc (until))
    wall = utc_to_wall (tz, wall);
  civil_from_days (floor_div (wall, SECONDS_PER_DAY), &year, &month, &day);
  if (g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    g_date_set_dmy (&self->until, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* The pattern for @rule, or CUSTOM. @start, when given, supplies what a
 * rule leaves to DTSTART (the weekday of a plain weekly rule). */
static void
pattern_from_rule (TandemRecurrence                *self,
                   const struct icalrecurrencetype *rule,
                   GDateTime                       *start)
{
  guint n_days = by_length (rule->by_day, ICAL_BY_DAY_SIZE);
  guint n_month_days = by_length (rule->by_month_day, ICAL_BY_MONTHDAY_SIZE);
  guint n_months = by_length (rule->by_month, ICAL_BY_MONTH_SIZE);
  guint mask = 0;
  gboolean positions = FALSE;

  self->repeat = TANDEM_REPEAT_CUSTOM;
  self->interval = (guint) rule->interval;

  if (!by_is_empty (rule->by_second) || !by_is_empty (rule->by_minute)
      || !by_is_empty (rule->by_hour) || !by_is_empty (rule->by_year_day)
      || !by_is_empty (rule->by_week_no) || !by_is_empty (rule->by_set_pos)
      || rule->rscale != NULL)
    return;

  for (guint i = 0; i < n_days; i++)
    {
      icalrecurrencetype_weekday day = icalrecurrencetype_day_day_of_week (rule->by_day[i]);

      if (day == ICAL_NO_WEEKDAY)
        return;
      if (icalrecurrencetype_day_position (rule->by_day[i]) != 0)
        positions = TRUE;
      mask |= TANDEM_WEEKDAY_BIT (weekday_from_ical (day));
    }

  switch (rule->freq)
    {
    case ICAL_DAILY_RECURRENCE:
      if (n_months > 0 || n_month_days > 0 || positions)
        return;
      if (n_days == 0)
        self->repeat = TANDEM_REPEAT_DAILY;
      else if (rule->interval == 1)
        {
          /* FREQ=DAILY;BYDAY=… is the same as weekly on those days. */
          self->repeat = TANDEM_REPEAT_WEEKLY;
          self->weekdays = mask;
        }
      break;

    case ICAL_WEEKLY_RECURRENCE:
      if (n_months > 0 || n_month_days > 0 || positions)
        return;
      /* The week start changes which weeks count when skipping some. */
      if (rule->interval > 1 && rule->week_start != ICAL_MONDAY_WEEKDAY)
        return;
      if (n_days == 0)
        {
          if (start == NULL)
            return;
          mask = TANDEM_WEEKDAY_BIT (g_date_time_get_day_of_week (start));
        }
      self->repeat = TANDEM_REPEAT_WEEKLY;
      self->weekdays = mask;
      break;

    case ICAL_MONTHLY_RECURRENCE:
      if (n_months > 0)
        return;
      if (n_days == 0 && n_month_days == 1)
        {
          int d = rule->by_month_day[0];

          if (d != -1 && (d < 1 || d > 31))
            return;
          self->repeat = TANDEM_REPEAT_MONTHLY_BY_DAY;
          self->month_day = d;
        }
      else if (n_days == 1 && n_month_days == 0)
        {
          int week = icalrecurrencetype_day_position (rule->by_day[0]);

          if (week != -1 && (week < 1 || week > 4))
            return;
          self->repeat = TANDEM_REPEAT_MONTHLY_BY_WEEKDAY;
          self->week_of_month = week;
          self->weekday = weekday_from_ical (icalrecurrencetype_day_day_of_week (rule->by_day[0]));
        }
      else if (n_days == 0 && n_month_days == 0 && start != NULL)
        {
          self->repeat = TANDEM_REPEAT_MONTHLY_BY_DAY;
          self->month_day = g_date_time_get_day_of_month (start);
        }
      break;

    case ICAL_YEARLY_RECURRENCE:
      if (n_days > 0)
        return;
      if (n_months == 0 && n_month_days == 0)
        self->repeat = TANDEM_REPEAT_YEARLY;
      else if (n_months == 1 && n_month_days == 1 && start != NULL
               && icalrecurrencetype_month_month (rule->by_month[0]) == g_date_time_get_month (start)
               && !icalrecurrencetype_month_is_leap (rule->by_month[0])
               && rule->by_month_day[0] == g_date_time_get_day_of_month (start))
        self->repeat = TANDEM_REPEAT_YEARLY;
      break;

    case ICAL_SECONDLY_RECURRENCE:
    case ICAL_MINUTELY_RECURRENCE:
    case ICAL_HOURLY_RECURRENCE:
    case ICAL_NO_RECURRENCE:
    default:
      return;
    }

  if (self->repeat == TANDEM_REPEAT_WEEKLY && self->interval == 1)
    {
      if (self->weekdays == MONDAY_TO_FRIDAY)
        self->repeat = TANDEM_REPEAT_WEEKDAYS;
      else if (self->weekdays == SATURDAY_SUNDAY)
        self->repeat = TANDEM_REPEAT_WEEKENDS;
    }
}

TandemRecurrence *
tandem_recurrence_new (TandemRepeat  repeat,
                       GDateTime    *start)
{
  TandemRecurrence *self = g_new0 (TandemRecurrence, 1);

  g_return_val_if_fail (repeat <= TANDEM_REPEAT_CUSTOM, self);

  self->repeat = repeat;
  self->interval = 1;
  self->month_day = 1;
  self->week_of_month = 1;
  self->weekday = G_DATE_MONDAY;
  g_date_clear (&self->until, 1);

  if (start != NULL)
    {
      int day = g_date_time_get_day_of_month (start);

      self->weekday = (GDateWeekday) g_date_time_get_day_of_week (start);
      self->weekdays = TANDEM_WEEKDAY_BIT (self->weekday);
      self->month_day = day;
      /* A fifth week is always the last one. */
      self->week_of_month = (day - 1) / 7 + 1;
      if (self->week_of_month > 4)
        self->week_of_month = -1;
    }

  if (repeat == TANDEM_REPEAT_WEEKDAYS)
    self->weekdays = MONDAY_TO_FRIDAY;
  else if (repeat == TANDEM_REPEAT_WEEKENDS)
    self->weekdays = SATURDAY_SUNDAY;

  return self;
}

TandemRecurrence *
tandem_recurrence_copy (const TandemRecurrence *self)
{
  TandemRecurrence *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->rrule = g_strdup (self->rrule);
  return copy;
}

void
tandem_recurrence_free (TandemRecurrence *self)
{
  if (self == NULL)
    return;
  g_free (self->rrule);
  g_free (self);
}

/* Two patterns are equal when they repeat the same way: fields a pattern
 * does not use (the weekdays of a monthly one) do not count. */
gboolean
tandem_recurrence_equal (const TandemRecurrence *a,
                         const TandemRecurrence *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->repeat != b->repeat)
    return FALSE;

  switch (a->repeat)
    {
    case TANDEM_REPEAT_NONE:
      return TRUE;
    case TANDEM_REPEAT_CUSTOM:
      return g_strcmp0 (a->rrule, b->rrule) == 0;
    case TANDEM_REPEAT_WEEKLY:
      if ((a->weekdays & ALL_WEEKDAYS) != (b->weekdays & ALL_WEEKDAYS))
        return FALSE;
      break;
    case TANDEM_REPEAT_MONTHLY_BY_DAY:
      if (a->month_day != b->month_day)
        return FALSE;
      break;
    case TANDEM_REPEAT_MONTHLY_BY_WEEKDAY:
      if (a->week_of_month != b->week_of_month || a->weekday != b->weekday)
        return FALSE;
      break;
    case TANDEM_REPEAT_DAILY:
    case TANDEM_REPEAT_WEEKDAYS:
    case TANDEM_REPEAT_WEEKENDS:
    case TANDEM_REPEAT_YEARLY:
    default:
      break;
    }

  /* Weekdays and weekends have no interval of their own. */
  if (a->repeat != TANDEM_REPEAT_WEEKDAYS && a->repeat != TANDEM_REPEAT_WEEKENDS
      && a->interval != b->interval)
    return FALSE;
  if (a->count != b->count)
    return FALSE;
  if (g_date_valid (&a->until) != g_date_valid (&b->until))
    return FALSE;
  if (g_date_valid (&a->until) && g_date_compare (&a->until, &b->until) != 0)
    return FALSE;
  return TRUE;
}

/**
 * tandem_recurrence_parse_at:
 * @rrule: (nullable): an RRULE value
 * @start: (nullable): the first start, in the activity's zone
 *
 * As tandem_recurrence_parse(); with @start, the until date is read in
 * @start's zone, and a rule that leaves the weekday or the day of the
 * month to DTSTART ("FREQ=WEEKLY", "FREQ=MONTHLY") takes it from @start.
 */
TandemRecurrence *
tandem_recurrence_parse_at (const char  *rrule,
                            GDateTime   *start,
                            GError     **error)
{
  g_autoptr(TandemRecurrence) self = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  struct icalrecurrencetype rule;

  self = tandem_recurrence_new (TANDEM_REPEAT_NONE, start);
  if (rrule_is_empty (rrule))
    return g_steal_pointer (&self);

  if (!read_rule (rrule, &rule, error))
    return NULL;

  tz = start != NULL ? g_time_zone_ref (g_date_time_get_timezone (start)) : g_time_zone_new_local ();
  until_from_rule (self, rule.until, tz);
  self->count = (guint) rule.count;
  pattern_from_rule (self, &rule, start);

  if (self->repeat == TANDEM_REPEAT_CUSTOM)
    self->rrule = g_strstrip (g_strdup (skip_rrule_prefix (rrule)));
  else if (self->repeat == TANDEM_REPEAT_WEEKDAYS || self->repeat == TANDEM_REPEAT_WEEKENDS)
    self->interval = 1;

  return g_steal_pointer (&self);
}

TandemRecurrence *
tandem_recurrence_parse (const char  *rrule,
                         GError     **error)
{
  return tandem_recurrence_parse_at (rrule, NULL, error);
}

char *
tandem_recurrence_to_rrule (const TandemRecurrence *self,
                            GTimeZone              *tz)
{
  g_autoptr(GString) rule = NULL;
  g_autoptr(GTimeZone) local = NULL;
  guint interval;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->repeat == TANDEM_REPEAT_NONE)
    return NULL;
  if (self->repeat == TANDEM_REPEAT_CUSTOM)
    return rrule_is_empty (self->rrule) ? NULL : g_strstrip (g_strdup (skip_rrule_prefix (self->rrule)));

  interval = MAX (self->interval, 1);
  rule = g_string_new ("FREQ=");

  switch (self->repeat)
    {
    case TANDEM_REPEAT_DAILY:
      g_string_append (rule, "DAILY");
      break;
    case TANDEM_REPEAT_WEEKDAYS:
    case TANDEM_REPEAT_WEEKENDS:
    case TANDEM_REPEAT_WEEKLY:
      g_string_append (rule, "WEEKLY");
      break;
    case TANDEM_REPEAT_MONTHLY_BY_DAY:
    case TANDEM_REPEAT_MONTHLY_BY_WEEKDAY:
      g_string_append (rule, "MONTHLY");
      break;
    case TANDEM_REPEAT_YEARLY:
      g_string_append (rule, "YEARLY");
      break;
    case TANDEM_REPEAT_NONE:
    case TANDEM_REPEAT_CUSTOM:
    default:
      g_return_val_if_reached (NULL);
    }

  if (self->repeat == TANDEM_REPEAT_WEEKDAYS || self->repeat == TANDEM_REPEAT_WEEKENDS)
    interval = 1;
  if (interval > 1)
    g_string_append_printf (rule, ";INTERVAL=%u", interval);

  switch (self->repeat)
    {
    case TANDEM_REPEAT_WEEKDAYS:
      g_string_append (rule, ";BYDAY=MO,TU,WE,TH,FR");
      break;
    case TANDEM_REPEAT_WEEKENDS:
      g_string_append (rule, ";BYDAY=SA,SU");
      break;
    case TANDEM_REPEAT_WEEKLY:
      if ((self->weekdays & ALL_WEEKDAYS) != 0)
        {
          const char *sep = ";BYDAY=";

          for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
            if (self->weekdays & TANDEM_WEEKDAY_BIT (day))
              {
                g_string_append_printf (rule, "%s%s", sep, weekday_code (day));
                sep = ",";
              }
        }
      break;
    case TANDEM_REPEAT_MONTHLY_BY_DAY:
      g_string_append_printf (rule, ";BYMONTHDAY=%d", self->month_day);
      break;
    case TANDEM_REPEAT_MONTHLY_BY_WEEKDAY:
      g_string_append_printf (rule, ";BYDAY=%d%s", self->week_of_month,
                              weekday_code (g_date_valid_weekday (self->weekday) ? self->weekday : G_DATE_MONDAY));
      break;
    case TANDEM_REPEAT_DAILY:
    case TANDEM_REPEAT_YEARLY:
    case TANDEM_REPEAT_NONE:
    case TANDEM_REPEAT_CUSTOM:
    default:
      break;
    }

  if (g_date_valid (&self->until))
    {
      g_autoptr(GDateTime) until = NULL;
      gint64 wall;

      if (tz == NULL)
        tz = local = g_time_zone_new_local ();
      /* The last second of the day in the activity's zone. */
      wall = days_from_civil (g_date_get_year (&self->until),
                              g_date_get_month (&self->until),
                              g_date_get_day (&self->until)) * SECONDS_PER_DAY
             + SECONDS_PER_DAY - 1;
      until = g_date_time_new_from_unix_utc (wall_to_utc (tz, wall));
      if (until != NULL)
        {
          g_autofree char *text = g_date_time_format (until, "%Y%m%dT%H%M%SZ");

          g_string_append_printf (rule, ";UNTIL=%s", text);
        }
    }
  else if (self->count > 0)
    g_string_append_printf (rule, ";COUNT=%u", self->count);

  return g_string_free (g_steal_pointer (&rule), FALSE);
}

gboolean
tandem_recurrence_validate (const TandemRecurrence  *self,
                            GDateTime               *start,
                            GError                 **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  switch (self->repeat)
    {
    case TANDEM_REPEAT_NONE:
      return TRUE;

    case TANDEM_REPEAT_CUSTOM:
      {
        struct icalrecurrencetype rule;

        if (rrule_is_empty (self->rrule))
          {
            g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                                 _("The custom repeat rule is empty"));
            return FALSE;
          }
        return read_rule (self->rrule, &rule, error);
      }

    case TANDEM_REPEAT_WEEKLY:
      if ((self->weekdays & ALL_WEEKDAYS) == 0)
        {
          g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                               _("Choose at least one weekday to repeat on"));
          return FALSE;
        }
      break;

    case TANDEM_REPEAT_MONTHLY_BY_DAY:
      if (self->month_day != -1 && (self->month_day < 1 || self->month_day > 31))
        {
          g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                               _("The day of the month must be from 1 to 31, or the last day"));
          return FALSE;
        }
      break;

    case TANDEM_REPEAT_MONTHLY_BY_WEEKDAY:
      if (self->week_of_month != -1 && (self->week_of_month < 1 || self->week_of_month > 4))
        {
          g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                               _("The week of the month must be the first to the fourth, or the last"));
          return FALSE;
        }
      if (!g_date_valid_weekday (self->weekday))
        {
          g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                               _("Choose the weekday to repeat on"));
          return FALSE;
        }
      break;

    case TANDEM_REPEAT_DAILY:
    case TANDEM_REPEAT_WEEKDAYS:
    case TANDEM_REPEAT_WEEKENDS:
    case TANDEM_REPEAT_YEARLY:
      break;

    default:
      g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                           _("Unknown repeat pattern"));
      return FALSE;
    }

  if (self->interval < 1)
    {
      g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                           _("The repeat interval must be at least 1"));
      return FALSE;
    }
  if (self->interval > MAX_INTERVAL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The repeat interval can be at most %u"), MAX_INTERVAL);
      return FALSE;
    }
  if (g_date_valid (&self->until) && self->count > 0)
    {
      g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                           _("A repeat ends either on a date or after a number of times, not both"));
      return FALSE;
    }
  if (self->count > MAX_COUNT)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("A repeat can happen at most %u times"), MAX_COUNT);
      return FALSE;
    }
  if (g_date_valid (&self->until) && start != NULL)
    {
      GDate first;
      int y, m, d;

      g_date_time_get_ymd (start, &y, &m, &d);
      g_date_clear (&first, 1);
      g_date_set_dmy (&first, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
      if (g_date_compare (&self->until, &first) < 0)
        {
          g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                               _("The repeat cannot end before the first start"));
          return FALSE;
        }
    }

  return TRUE;
}

char *
tandem_recurrence_describe (const TandemRecurrence *self)
{
  g_autofree char *text = NULL;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);

  n = MAX (self->interval, 1);

  switch (self->repeat)
    {
    case TANDEM_REPEAT_NONE:
      return g_strdup (_("Does not repeat"));

    case TANDEM_REPEAT_DAILY:
      text = g_strdup_printf (ngettext ("Every day", "Every %u days", n), n);
      break;

    case TANDEM_REPEAT_WEEKDAYS:
      text = g_strdup (_("Every weekday"));
      break;

    case TANDEM_REPEAT_WEEKENDS:
      text = g_strdup (_("Every weekend"));
      break;

    case TANDEM_REPEAT_WEEKLY:
      {
        g_autofree char *days = weekday_list (self->weekdays);

        if (n == 1)
          /* Translators: %s is a list of weekdays, as in "Weekly on Tuesday and Thursday" */
          text = g_strdup_printf (_("Weekly on %s"), days);
        else
          /* Translators: %u is a number of weeks, %s a list of weekdays */
          text = g_strdup_printf (ngettext ("Every %u week on %s", "Every %u weeks on %s", n), n, days);
      }
      break;

    case TANDEM_REPEAT_MONTHLY_BY_DAY:
      if (self->month_day == -1)
        {
          if (n == 1)
            text = g_strdup (_("Monthly on the last day"));
          else
            text = g_strdup_printf (ngettext ("Every %u month on the last day",
                                              "Every %u months on the last day", n), n);
        }
      else
        {
          if (n == 1)
            /* Translators: %d is a day of the month */
            text = g_strdup_printf (_("Monthly on day %d"), self->month_day);
          else
            /* Translators: %u is a number of months, %d a day of the month */
            text = g_strdup_printf (ngettext ("Every %u month on day %d",
                                              "Every %u months on day %d", n), n, self->month_day);
        }
      break;

    case TANDEM_REPEAT_MONTHLY_BY_WEEKDAY:
      {
        g_autofree char *day = nth_weekday (self->week_of_month, self->weekday);

        if (n == 1)
          /* Translators: %s is as in "the second Tuesday" */
          text = g_strdup_printf (_("Monthly on %s"), day);
        else
          /* Translators: %u is a number of months, %s as in "the second Tuesday" */
          text = g_strdup_printf (ngettext ("Every %u month on %s", "Every %u months on %s", n), n, day);
      }
      break;

    case TANDEM_REPEAT_YEARLY:
      text = g_strdup_printf (ngettext ("Every year", "Every %u years", n), n);
      break;

    case TANDEM_REPEAT_CUSTOM:
      {
        struct icalrecurrencetype rule;
        g_autofree char *frequency = NULL;

        if (rrule_is_empty (self->rrule) || !read_rule (self->rrule, &rule, NULL))
          return g_strdup (_("Custom repeat"));
        frequency = describe_frequency (rule.freq, (guint) rule.interval);
        /* Translators: %s is as in "Every 2 weeks", for a rule with more
         * parts than the repeat editor shows */
        text = g_strdup_printf (_("%s, by a custom rule"), frequency);
      }
      break;

    default:
      return g_strdup (_("Custom repeat"));
    }

  if (g_date_valid (&self->until))
    {
      g_autoptr(GDateTime) until = g_date_time_new_utc (g_date_get_year (&self->until),
                                                        g_date_get_month (&self->until),
                                                        g_date_get_day (&self->until),
                                                        0, 0, 0);
      /* Translators: the date in "Every day, until 31 December 2026";
       * see g_date_time_format() for the codes */
      g_autofree char *date = g_date_time_format (until, C_("repeat until date", "%-d %B %Y"));
      char *with_until;

      /* Translators: %s are as in "Every day" and "31 December 2026" */
      with_until = g_strdup_printf (_("%s, until %s"), text, date);
      g_free (text);
      text = with_until;
    }
  else if (self->count > 0)
    {
      char *with_count;

      /* Translators: %s is as in "Every day", %u a number of times */
      with_count = g_strdup_printf (ngettext ("%s, %u time", "%s, %u times", self->count), text, self->count);
      g_free (text);
      text = with_count;
    }

  return g_steal_pointer (&text);
}

GArray *
tandem_recurrence_expand (const char  *rrule,
                          GTimeZone   *tz,
                          GDateTime   *start,
                          GDateTime   *end,
                          gint64       from,
                          gint64       to,
                          guint        max,
                          GError     **error)
{
  struct icalrecurrencetype rule;
  gint64 duration;

  g_return_val_if_fail (start != NULL, NULL);

  if (tz == NULL)
    tz = g_date_time_get_timezone (start);
  duration = occurrence_duration (start, end);

  if (rrule_is_empty (rrule))
    {
      GArray *once = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 start_utc = g_date_time_to_unix (start);

      if (start_utc < to && (saturating_add (start_utc, duration) > from || start_utc >= from))
        g_array_append_val (once, start_utc);
      return once;
    }

  if (!read_rule (rrule, &rule, error))
    return NULL;
  if (from >= to)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  return expand_rule (rule, tz, start, duration, from, to, max);
}

gint64
tandem_recurrence_get_series_end (const char  *rrule,
                                  GTimeZone   *tz,
                                  GDateTime   *start,
                                  GDateTime   *end,
                                  GError     **error)
{
  struct icalrecurrencetype rule;
  g_autoptr(GArray) all = NULL;
  gint64 duration;

  g_return_val_if_fail (start != NULL, 0);

  if (tz == NULL)
    tz = g_date_time_get_timezone (start);
  duration = occurrence_duration (start, end);

  if (rrule_is_empty (rrule))
    return g_date_time_to_unix (start) + duration;
  if (!read_rule (rrule, &rule, error))
    return 0;
  if (rule.count == 0 && icaltime_is_null_time (rule.until))
    return 0;

  all = expand_rule (rule, tz, start, duration, G_MININT64, G_MAXINT64, 0);
  /* A rule that ends before it starts still has its first start. */
  if (all->len == 0)
    return g_date_time_to_unix (start) + duration;
  return g_array_index (all, gint64, all->len - 1) + duration;
}

char *
tandem_recurrence_end_before (const char  *rrule,
                              gint64       before,
                              GError     **error)
{
  struct icalrecurrencetype rule;
  struct icaltimetype until;
  char *buffer;
  char *text;

  g_return_val_if_fail (rrule != NULL, NULL);

  if (!read_rule (rrule, &rule, error))
    return NULL;

  until = icaltime_from_timet_with_zone ((time_t) (before - 1), 0, icaltimezone_get_utc_timezone ());

  /* An end that is already earlier stays. */
  if (!icaltime_is_null_time (rule.until))
    {
      gint64 old_until = wall_from_icaltime (rule.until);

      if (rule.until.is_date)
        old_until += SECONDS_PER_DAY - 1;
      if (old_until < before)
        until = rule.until;
    }

  rule.count = 0;
  rule.until = until;

  icalerror_clear_errno ();
  buffer = icalrecurrencetype_as_string_r (&rule);
  icalerror_clear_errno ();
  if (buffer == NULL)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The repeat rule “%s” is not valid"), rrule);
      return NULL;
    }
  text = g_strdup (skip_rrule_prefix (buffer));
  icalmemory_free_buffer (buffer);
  return text;
}
