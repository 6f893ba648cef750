/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <libical/ical.h>

#include "tandem-error.h"
#include "tandem-recurrence.h"

/* Occurrences are compared as text in the zone they are meant for, with
 * the UTC offset, so that a wrong hour and a wrong daylight-saving side
 * both show in the failure. */
static char *
format_all (GArray    *starts,
            GTimeZone *tz)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < starts->len; i++)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (g_array_index (starts, gint64, i));
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
      g_autofree char *line = g_date_time_format (local, "%F %R %z");

      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Expands the short notation used below into the lines format_all()
 * writes: "-0400" sets the offset, "@09:30" the time, "1997-09-02" is a
 * day, "1997-09-02..11" the days 2 to 11 of that month and
 * "1997-09-02..30/2" every second one of them. */
static char *
expected_lines (const char *spec)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) tokens = g_strsplit (spec, " ", -1);
  const char *offset = "+0000";
  const char *time = "09:00";

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *token = tokens[i];
      int y, m, first, last, step = 1;

      if (*token == '\0')
        continue;
      if (*token == '-' || *token == '+')
        {
          offset = token;
          continue;
        }
      if (*token == '@')
        {
          time = token + 1;
          continue;
        }
      if (sscanf (token, "%d-%d-%d..%d/%d", &y, &m, &first, &last, &step) < 4)
        {
          g_assert_cmpint (sscanf (token, "%d-%d-%d", &y, &m, &first), ==, 3);
          last = first;
        }
      for (int d = first; d <= last; d += step)
        g_string_append_printf (text, "%04d-%02d-%02d %s %s\n", y, m, d, time, offset);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GDateTime *
local_time (GTimeZone  *tz,
            const char *text)
{
  int y, mo, d, h = 0, mi = 0;

  g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), >=, 3);
  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}

static gint64
local_unix (GTimeZone  *tz,
            const char *text)
{
  g_autoptr(GDateTime) dt = local_time (tz, text);

  return g_date_time_to_unix (dt);
}

static GArray *
expand_ok (const char *rrule,
           GTimeZone  *tz,
           GDateTime  *start,
           GDateTime  *end,
           gint64      from,
           gint64      to,
           guint       max)
{
  g_autoptr(GError) error = NULL;
  GArray *starts = tandem_recurrence_expand (rrule, tz, start, end, from, to, max, &error);

  g_assert_no_error (error);
  g_assert_nonnull (starts);
  return starts;
}

/* RFC 5545 §3.8.5.3: the examples with their DTSTART in New York and the
 * occurrences the RFC lists, including the move from EDT to EST. */
typedef struct
{
  const char *path;
  const char *rrule;
  const char *dtstart;
  const char *to;       /* local, NULL: no end (the rule has one) */
  guint       max;
  const char *expected;
} RfcCase;

static const RfcCase rfc_cases[] = {
  { "daily-10", "FREQ=DAILY;COUNT=10", "1997-09-02 09:00", NULL, 0,
    "-0400 1997-09-02..11" },
  { "daily-until", "FREQ=DAILY;UNTIL=19971224T000000Z", "1997-09-02 09:00", NULL, 0,
    "-0400 1997-09-02..30 1997-10-01..25 -0500 1997-10-26..31 1997-11-01..30 1997-12-01..23" },
  { "every-other-day", "FREQ=DAILY;INTERVAL=2", "1997-09-02 09:00", "1997-12-04", 0,
    "-0400 1997-09-02..30/2 1997-10-02..24/2 -0500 1997-10-26..30/2 1997-11-01..29/2 1997-12-01..3/2" },
  { "every-10-days-5", "FREQ=DAILY;INTERVAL=10;COUNT=5", "1997-09-02 09:00", NULL, 0,
    "-0400 1997-09-02 1997-09-12 1997-09-22 1997-10-02 1997-10-12" },
  { "january-yearly", "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
    "1998-01-01 09:00", NULL, 0,
    "-0500 1998-01-01..31 1999-01-01..31 2000-01-01..31" },
  { "january-daily", "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", "1998-01-01 09:00", NULL, 0,
    "-0500 1998-01-01..31 1999-01-01..31 2000-01-01..31" },
  { "weekly-10", "FREQ=WEEKLY;COUNT=10", "1997-09-02 09:00", NULL, 0,
    "-0400 1997-09-02..30/7 1997-10-07..21/7 -0500 1997-10-28 1997-11-04" },
  { "weekly-until", "FREQ=WEEKLY;UNTIL=19971224T000000Z", "1997-09-02 09:00", NULL, 0,
    "-0400 1997-09-02..30/7 1997-10-07..21/7 -0500 1997-10-28 1997-11-04..25/7 1997-12-02..23/7" },
  { "every-other-week", "FREQ=WEEKLY;INTERVAL=2;WKST=SU", "1997-09-02 09:00", "1998-02-18", 0,
    "-0400 1997-09-02 1997-09-16 1997-09-30 1997-10-14 -0500 1997-10-28 1997-11-11 1997-11-25 "
    "1997-12-09 1997-12-23 1998-01-06 1998-01-20 1998-02-03 1998-02-17" },
  { "tu-th-five-weeks-until", "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH",
    "1997-09-02 09:00", NULL, 0,
    "-0400 1997-09-02 1997-09-04 1997-09-09 1997-09-11 1997-09-16 1997-09-18 1997-09-23 "
    "1997-09-25 1997-09-30 1997-10-02" },
  { "tu-th-five-weeks-count", "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH", "1997-09-02 09:00", NULL, 0,
    "-0400 1997-09-02 1997-09-04 1997-09-09 1997-09-11 1997-09-16 1997-09-18 1997-09-23 "
    "1997-09-25 1997-09-30 1997-10-02" },
  { "every-other-week-mo-we-fr", "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
    "1997-09-01 09:00", NULL, 0,
    "-0400 1997-09-01 1997-09-03 1997-09-05 1997-09-15 1997-09-17 1997-09-19 1997-09-29 "
    "1997-10-01 1997-10-03 1997-10-13 1997-10-15 1997-10-17 -0500 1997-10-27 1997-10-29 "
    "1997-10-31 1997-11-10 1997-11-12 1997-11-14 1997-11-24 1997-11-26 1997-11-28 1997-12-08 "
    "1997-12-10 1997-12-12 1997-12-22" },
  { "every-other-week-tu-th-8", "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
    "1997-09-02 09:00", NULL, 0,
    "-0400 1997-09-02 1997-09-04 1997-09-16 1997-09-18 1997-09-30 1997-10-02 1997-10-14 1997-10-16" },
  { "monthly-first-friday-10", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR", "1997-09-05 09:00", NULL, 0,
    "-0400 1997-09-05 1997-10-03 -0500 1997-11-07 1997-12-05 1998-01-02 1998-02-06 1998-03-06 "
    "1998-04-03 -0400 1998-05-01 1998-06-05" },
  { "monthly-first-friday-until", "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", "1997-09-05 09:00", NULL, 0,
    "-0400 1997-09-05 1997-10-03 -0500 1997-11-07 1997-12-05" },
  { "every-other-month-first-last-sunday", "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
    "1997-09-07 09:00", NULL, 0,
    "-0400 1997-09-07 1997-09-28 -0500 1997-11-02 1997-11-30 1998-01-04 1998-01-25 1998-03-01 "
    "1998-03-29 -0400 1998-05-03 1998-05-31" },
  { "monthly-second-to-last-monday", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", "1997-09-22 09:00", NULL, 0,
    "-0400 1997-09-22 1997-10-20 -0500 1997-11-17 1997-12-22 1998-01-19 1998-02-16" },
  { "monthly-third-to-last-day", "FREQ=MONTHLY;BYMONTHDAY=-3", "1997-09-28 09:00", "1998-03-01", 0,
    "-0400 1997-09-28 -0500 1997-10-29 1997-11-28 1997-12-29 1998-01-29 1998-02-26" },
  { "monthly-2nd-and-15th", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", "1997-09-02 09:00", NULL, 0,
    "-0400 1997-09-02 1997-09-15 1997-10-02 1997-10-15 -0500 1997-11-02 1997-11-15 1997-12-02 "
    "1997-12-15 1998-01-02 1998-01-15" },
  { "monthly-first-and-last-day", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", "1997-09-30 09:00", NULL, 0,
    "-0400 1997-09-30 1997-10-01 -0500 1997-10-31 1997-11-01 1997-11-30 1997-12-01 1997-12-31 "
    "1998-01-01 1998-01-31 1998-02-01" },
  { "every-18-months", "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15",
    "1997-09-10 09:00", NULL, 0,
    "-0400 1997-09-10..15 -0500 1999-03-10..13" },
  { "every-tuesday-every-other-month", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", "1997-09-02 09:00", "1998-04-01", 0,
    "-0400 1997-09-02..30/7 -0500 1997-11-04..25/7 1998-01-06..27/7 1998-03-03..31/7" },
  { "yearly-june-july", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7", "1997-06-10 09:00", NULL, 0,
    "-0400 1997-06-10 1997-07-10 1998-06-10 1998-07-10 1999-06-10 1999-07-10 2000-06-10 "
    "2000-07-10 2001-06-10 2001-07-10" },
  { "every-other-year-jan-feb-mar", "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", "1997-03-10 09:00", NULL, 0,
    "-0500 1997-03-10 1999-01-10 1999-02-10 1999-03-10 2001-01-10 2001-02-10 2001-03-10 "
    "2003-01-10 2003-02-10 2003-03-10" },
  { "every-third-year-year-days", "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200",
    "1997-01-01 09:00", NULL, 0,
    "-0500 1997-01-01 -0400 1997-04-10 1997-07-19 -0500 2000-01-01 -0400 2000-04-09 2000-07-18 "
    "-0500 2003-01-01 -0400 2003-04-10 2003-07-19 -0500 2006-01-01" },
  { "twentieth-monday", "FREQ=YEARLY;BYDAY=20MO", "1997-05-19 09:00", "2000-01-01", 0,
    "-0400 1997-05-19 1998-05-18 1999-05-17" },
  { "monday-of-week-20", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "1997-05-12 09:00", "2000-01-01", 0,
    "-0400 1997-05-12 1998-05-11 1999-05-17" },
  { "thursdays-in-march", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "1997-03-13 09:00", "2000-01-01", 0,
    "-0500 1997-03-13..27/7 1998-03-05..26/7 1999-03-04..25/7" },
  { "thursdays-in-summer", "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", "1997-06-05 09:00", "2000-01-01", 0,
    "-0400 1997-06-05..26/7 1997-07-03..31/7 1997-08-07..28/7 1998-06-04..25/7 1998-07-02..30/7 "
    "1998-08-06..27/7 1999-06-03..24/7 1999-07-01..29/7 1999-08-05..26/7" },
  { "first-saturday-after-first-sunday", "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13",
    "1997-09-13 09:00", NULL, 10,
    "-0400 1997-09-13 1997-10-11 -0500 1997-11-08 1997-12-13 1998-01-10 1998-02-07 1998-03-07 "
    "-0400 1998-04-11 1998-05-09 1998-06-13" },
  { "election-day", "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
    "1996-11-05 09:00", "2005-01-01", 0,
    "-0500 1996-11-05 2000-11-07 2004-11-02" },
  { "third-tu-we-th", "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", "1997-09-04 09:00", NULL, 0,
    "-0400 1997-09-04 1997-10-07 -0500 1997-11-06" },
  { "second-to-last-weekday", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", "1997-09-29 09:00", NULL, 7,
    "-0400 1997-09-29 -0500 1997-10-30 1997-11-27 1997-12-30 1998-01-29 1998-02-26 1998-03-30" },
  { "every-15-minutes-6", "FREQ=MINUTELY;INTERVAL=15;COUNT=6", "1997-09-02 09:00", NULL, 0,
    "-0400 @09:00 1997-09-02 @09:15 1997-09-02 @09:30 1997-09-02 @09:45 1997-09-02 "
    "@10:00 1997-09-02 @10:15 1997-09-02" },
  { "every-90-minutes-4", "FREQ=MINUTELY;INTERVAL=90;COUNT=4", "1997-09-02 09:00", NULL, 0,
    "-0400 @09:00 1997-09-02 @10:30 1997-09-02 @12:00 1997-09-02 @13:30 1997-09-02" },
  { "wkst-monday", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "1997-08-05 09:00", NULL, 0,
    "-0400 1997-08-05 1997-08-10 1997-08-19 1997-08-24" },
  { "wkst-sunday", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "1997-08-05 09:00", NULL, 0,
    "-0400 1997-08-05 1997-08-17 1997-08-19 1997-08-31" },
  { "february-30-ignored", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", "2007-01-15 09:00", NULL, 0,
    "-0500 2007-01-15 2007-01-30 2007-02-15 -0400 2007-03-15 2007-03-30" },
};

static void
test_rfc_case (gconstpointer data)
{
  const RfcCase *c = data;
  g_autoptr(GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  gint64 to;

  g_assert_nonnull (ny);
  start = local_time (ny, c->dtstart);
  end = g_date_time_add_minutes (start, 30);
  to = c->to != NULL ? local_unix (ny, c->to) : G_MAXINT64;
  starts = expand_ok (c->rrule, ny, start, end, g_date_time_to_unix (start), to, c->max);
  got = format_all (starts, ny);
  want = expected_lines (c->expected);
  g_assert_cmpstr (got, ==, want);
}

/* The RFC's Friday-the-13th example excludes DTSTART with EXDATE because
 * DTSTART always counts as the first occurrence; expansion keeps it. */
static void
test_rfc_friday_13th (void)
{
  g_autoptr(GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) start = local_time (ny, "1997-09-02 09:00");
  g_autoptr(GArray) starts = NULL;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;

  starts = expand_ok ("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", ny, start, NULL,
                      g_date_time_to_unix (start), local_unix (ny, "2001-01-01"), 0);
  got = format_all (starts, ny);
  want = expected_lines ("-0400 1997-09-02 -0500 1998-02-13 1998-03-13 1998-11-13 -0400 1999-08-13 2000-10-13");
  g_assert_cmpstr (got, ==, want);
}

/* Every 20 minutes from 9:00 to 16:40, every day. */
static void
test_rfc_every_20_minutes (void)
{
  g_autoptr(GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) start = local_time (ny, "1997-09-02 09:00");
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GString) want = g_string_new (NULL);
  g_autofree char *got = NULL;

  starts = expand_ok ("FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40", ny, start, NULL,
                      g_date_time_to_unix (start), local_unix (ny, "1997-09-03 10:00"), 0);
  for (int day = 2; day <= 3; day++)
    for (int h = 9; h <= (day == 2 ? 16 : 9); h++)
      for (int m = 0; m < 60; m += 20)
        g_string_append_printf (want, "1997-09-%02d %02d:%02d -0400\n", day, h, m);
  got = format_all (starts, ny);
  g_assert_cmpstr (got, ==, want->str);
}

/* A daily 09:00 meeting stays at 09:00 local time on both sides of the
 * spring and autumn changes; its UTC hour moves instead. */
static void
check_daily_across_dst (const char *zone,
                        const char *spring,
                        const char *autumn)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) start = local_time (tz, "2026-03-27 09:00");
  g_autoptr(GDateTime) end = local_time (tz, "2026-03-27 10:00");
  g_autoptr(GArray) march = NULL;
  g_autoptr(GArray) october = NULL;
  g_autofree char *got_spring = NULL;
  g_autofree char *got_autumn = NULL;
  g_autofree char *want_spring = expected_lines (spring);
  g_autofree char *want_autumn = expected_lines (autumn);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  march = expand_ok ("FREQ=DAILY", tz, start, end, g_date_time_to_unix (start),
                     local_unix (tz, "2026-03-31"), 0);
  october = expand_ok ("FREQ=DAILY", tz, start, end, local_unix (tz, "2026-10-23"),
                       local_unix (tz, "2026-10-27"), 0);
  got_spring = format_all (march, utc);
  got_autumn = format_all (october, utc);
  g_assert_cmpstr (got_spring, ==, want_spring);
  g_assert_cmpstr (got_autumn, ==, want_autumn);

  /* …and at 09:00 in the zone itself. */
  for (guint i = 0; i < march->len; i++)
    {
      g_autoptr(GDateTime) occ = g_date_time_new_from_unix_utc (g_array_index (march, gint64, i));
      g_autoptr(GDateTime) local = g_date_time_to_timezone (occ, tz);

      g_assert_cmpint (g_date_time_get_hour (local), ==, 9);
      g_assert_cmpint (g_date_time_get_minute (local), ==, 0);
    }
}

static void
test_dst_daily_helsinki (void)
{
  check_daily_across_dst ("Europe/Helsinki",
                          "+0000 @07:00 2026-03-27..28 @06:00 2026-03-29..30",
                          "+0000 @06:00 2026-10-23..24 @07:00 2026-10-25..26");
}

static void
test_dst_daily_warsaw (void)
{
  check_daily_across_dst ("Europe/Warsaw",
                          "+0000 @08:00 2026-03-27..28 @07:00 2026-03-29..30",
                          "+0000 @07:00 2026-10-23..24 @08:00 2026-10-25..26");
}

/* 02:30 does not exist in Warsaw on 29 March 2026 (02:00 → 03:00): that
 * day's occurrence moves forward by the gap, to 03:30. On 25 October
 * 02:30 happens twice: the first, still in summer time, is taken. */
static void
test_dst_gap_and_overlap_warsaw (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Warsaw");
  g_autoptr(GDateTime) start = local_time (tz, "2026-03-27 02:30");
  g_autoptr(GArray) spring = NULL;
  g_autoptr(GArray) autumn = NULL;
  g_autofree char *got_spring = NULL;
  g_autofree char *got_autumn = NULL;
  g_autofree char *want_spring = NULL;
  g_autofree char *want_autumn = NULL;

  spring = expand_ok ("FREQ=DAILY", tz, start, NULL, g_date_time_to_unix (start),
                      local_unix (tz, "2026-03-31"), 0);
  got_spring = format_all (spring, tz);
  want_spring = expected_lines ("@02:30 +0100 2026-03-27..28 @03:30 +0200 2026-03-29 @02:30 2026-03-30");
  g_assert_cmpstr (got_spring, ==, want_spring);

  autumn = expand_ok ("FREQ=DAILY", tz, start, NULL, local_unix (tz, "2026-10-24"),
                      local_unix (tz, "2026-10-27"), 0);
  got_autumn = format_all (autumn, tz);
  want_autumn = expected_lines ("@02:30 +0200 2026-10-24..25 +0100 2026-10-26");
  g_assert_cmpstr (got_autumn, ==, want_autumn);
}

/* Monthly on the last Sunday at 03:30 in Helsinki meets both changes,
 * which happen on last Sundays at 03:00 and 04:00 local time. */
static void
test_dst_monthly_last_sunday_helsinki (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Helsinki");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) start = local_time (tz, "2026-01-25 03:30");
  g_autoptr(GArray) starts = NULL;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;

  starts = expand_ok ("FREQ=MONTHLY;BYDAY=-1SU", tz, start, NULL, g_date_time_to_unix (start),
                      local_unix (tz, "2026-12-01"), 0);
  got = format_all (starts, utc);
  want = expected_lines ("+0000 @01:30 2026-01-25 2026-02-22 "
                         "@01:30 2026-03-29 "        /* 04:30 EEST */
                         "@00:30 2026-04-26 2026-05-31 2026-06-28 2026-07-26 2026-08-30 2026-09-27 "
                         "@00:30 2026-10-25 "        /* the first 03:30, EEST */
                         "@01:30 2026-11-29");
  g_assert_cmpstr (got, ==, want);
}

/* Weekly and yearly patterns keep their local time too, also past 2037
 * where the zone data gives only the rule, not the transitions. */
static void
test_dst_weekly_yearly (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Helsinki");
  g_autoptr(GDateTime) start = local_time (tz, "2026-03-22 09:00");
  g_autoptr(GDateTime) leap = local_time (tz, "2024-02-29 09:00");
  g_autoptr(GArray) weekly = NULL;
  g_autoptr(GArray) far = NULL;
  g_autoptr(GArray) yearly = NULL;
  g_autofree char *got_weekly = NULL;
  g_autofree char *got_far = NULL;
  g_autofree char *got_yearly = NULL;
  g_autofree char *want_weekly = NULL;
  g_autofree char *want_far = NULL;
  g_autofree char *want_yearly = NULL;

  weekly = expand_ok ("FREQ=WEEKLY;BYDAY=SU", tz, start, NULL, g_date_time_to_unix (start),
                      local_unix (tz, "2026-04-06"), 0);
  got_weekly = format_all (weekly, tz);
  want_weekly = expected_lines ("+0200 2026-03-22 +0300 2026-03-29 2026-04-05");
  g_assert_cmpstr (got_weekly, ==, want_weekly);

  far = expand_ok ("FREQ=WEEKLY;BYDAY=SU", tz, start, NULL, local_unix (tz, "2050-03-20"),
                   local_unix (tz, "2050-04-04"), 0);
  got_far = format_all (far, tz);
  want_far = expected_lines ("+0200 2050-03-20 +0300 2050-03-27 2050-04-03");
  g_assert_cmpstr (got_far, ==, want_far);

  /* 29 February comes back in leap years only. */
  yearly = expand_ok ("FREQ=YEARLY;COUNT=3", tz, leap, NULL, g_date_time_to_unix (leap), G_MAXINT64, 0);
  got_yearly = format_all (yearly, tz);
  want_yearly = expected_lines ("+0200 2024-02-29 2028-02-29 2032-02-29");
  g_assert_cmpstr (got_yearly, ==, want_yearly);
}

static TandemRecurrence *
parse_ok (const char *rrule,
          GDateTime  *start)
{
  g_autoptr(GError) error = NULL;
  TandemRecurrence *r = start != NULL ? tandem_recurrence_parse_at (rrule, start, &error)
                                      : tandem_recurrence_parse (rrule, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

/* Every pattern written as a rule reads back as the same pattern. */
static void
test_round_trip (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Helsinki");
  g_autoptr(GTimeZone) la = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr(GDateTime) start = local_time (tz, "2026-03-10 09:00");  /* the second Tuesday */
  g_autoptr(GDateTime) la_start = local_time (la, "2026-03-10 09:00");
  struct {
    TandemRepeat repeat;
    guint interval;
    guint weekdays;
    int month_day;
    int week;
    GDateWeekday weekday;
    const char *until;
    guint count;
    const char *rrule;
  } cases[] = {
    { TANDEM_REPEAT_DAILY, 1, 0, 0, 0, 0, NULL, 0, "FREQ=DAILY" },
    { TANDEM_REPEAT_DAILY, 3, 0, 0, 0, 0, NULL, 5, "FREQ=DAILY;INTERVAL=3;COUNT=5" },
    { TANDEM_REPEAT_WEEKDAYS, 1, 0, 0, 0, 0, NULL, 0, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" },
    { TANDEM_REPEAT_WEEKENDS, 1, 0, 0, 0, 0, "2026-06-30", 0,
      "FREQ=WEEKLY;BYDAY=SA,SU;UNTIL=20260630T205959Z" },
    { TANDEM_REPEAT_WEEKLY, 2, TANDEM_WEEKDAY_BIT (G_DATE_TUESDAY) | TANDEM_WEEKDAY_BIT (G_DATE_THURSDAY),
      0, 0, 0, "2026-12-31", 0, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20261231T215959Z" },
    { TANDEM_REPEAT_WEEKLY, 1, TANDEM_WEEKDAY_BIT (G_DATE_MONDAY) | TANDEM_WEEKDAY_BIT (G_DATE_SUNDAY),
      0, 0, 0, NULL, 0, "FREQ=WEEKLY;BYDAY=MO,SU" },
    { TANDEM_REPEAT_WEEKLY, 3, 0x1f, 0, 0, 0, NULL, 0, "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR" },
    { TANDEM_REPEAT_MONTHLY_BY_DAY, 1, 0, 15, 0, 0, NULL, 0, "FREQ=MONTHLY;BYMONTHDAY=15" },
    { TANDEM_REPEAT_MONTHLY_BY_DAY, 2, 0, -1, 0, 0, NULL, 12, "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1;COUNT=12" },
    { TANDEM_REPEAT_MONTHLY_BY_WEEKDAY, 1, 0, 0, 2, G_DATE_TUESDAY, NULL, 0, "FREQ=MONTHLY;BYDAY=2TU" },
    { TANDEM_REPEAT_MONTHLY_BY_WEEKDAY, 3, 0, 0, -1, G_DATE_FRIDAY, "2027-01-01", 0,
      "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR;UNTIL=20270101T215959Z" },
    { TANDEM_REPEAT_YEARLY, 1, 0, 0, 0, 0, NULL, 0, "FREQ=YEARLY" },
    { TANDEM_REPEAT_YEARLY, 2, 0, 0, 0, 0, NULL, 3, "FREQ=YEARLY;INTERVAL=2;COUNT=3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TandemRecurrence) r = tandem_recurrence_new (cases[i].repeat, start);
      g_autoptr(TandemRecurrence) back = NULL;
      g_autoptr(TandemRecurrence) copy = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *rrule = NULL;

      r->interval = cases[i].interval;
      if (cases[i].weekdays != 0)
        r->weekdays = cases[i].weekdays;
      if (cases[i].month_day != 0)
        r->month_day = cases[i].month_day;
      if (cases[i].week != 0)
        {
          r->week_of_month = cases[i].week;
          r->weekday = cases[i].weekday;
        }
      if (cases[i].until != NULL)
        {
          int y, m, d;

          g_assert_cmpint (sscanf (cases[i].until, "%d-%d-%d", &y, &m, &d), ==, 3);
          g_date_set_dmy (&r->until, d, m, y);
        }
      r->count = cases[i].count;

      g_assert_true (tandem_recurrence_validate (r, start, &error));
      g_assert_no_error (error);
      rrule = tandem_recurrence_to_rrule (r, tz);
      g_assert_cmpstr (rrule, ==, cases[i].rrule);

      back = parse_ok (rrule, start);
      g_assert_cmpint (back->repeat, ==, cases[i].repeat);
      g_assert_true (tandem_recurrence_equal (r, back));

      copy = g_boxed_copy (TANDEM_TYPE_RECURRENCE, back);
      g_assert_true (tandem_recurrence_equal (copy, back));

      /* Without a zone, both ways use the local one. */
      {
        g_autofree char *local_rrule = tandem_recurrence_to_rrule (r, NULL);
        g_autoptr(TandemRecurrence) local_back = parse_ok (local_rrule, NULL);

        g_assert_true (tandem_recurrence_equal (r, local_back));
      }
    }

  /* The until date is the activity's day, also where that day ends on
   * the next day in UTC. */
  {
    g_autoptr(TandemRecurrence) r = tandem_recurrence_new (TANDEM_REPEAT_DAILY, la_start);
    g_autoptr(TandemRecurrence) back = NULL;
    g_autofree char *rrule = NULL;

    g_date_set_dmy (&r->until, 31, 12, 2026);
    rrule = tandem_recurrence_to_rrule (r, la);
    g_assert_cmpstr (rrule, ==, "FREQ=DAILY;UNTIL=20270101T075959Z");
    back = parse_ok (rrule, la_start);
    g_assert_cmpint (g_date_get_day (&back->until), ==, 31);
    g_assert_cmpint (g_date_get_month (&back->until), ==, 12);
    g_assert_true (tandem_recurrence_equal (r, back));
  }

  /* The last occurrence of a rule ending on a day is that day's. */
  {
    g_autoptr(TandemRecurrence) r = tandem_recurrence_new (TANDEM_REPEAT_DAILY, start);
    g_autoptr(GArray) starts = NULL;
    g_autoptr(GDateTime) last = NULL;
    g_autofree char *rrule = NULL;

    g_date_set_dmy (&r->until, 20, 3, 2026);
    rrule = tandem_recurrence_to_rrule (r, tz);
    starts = expand_ok (rrule, tz, start, NULL, g_date_time_to_unix (start), G_MAXINT64, 0);
    g_assert_cmpuint (starts->len, ==, 11);
    last = g_date_time_new_from_unix_utc (g_array_index (starts, gint64, starts->len - 1));
    g_assert_cmpint (g_date_time_get_day_of_month (last), ==, 20);
  }

  g_assert_null (tandem_recurrence_to_rrule (&(TandemRecurrence) { .repeat = TANDEM_REPEAT_NONE }, tz));
}

/* Rules from elsewhere: the ones that fit a pattern become it, the rest
 * are CUSTOM and keep their text. */
static void
test_parse (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Warsaw");
  g_autoptr(GDateTime) start = local_time (tz, "2026-05-14 10:00");   /* a Thursday */
  const char *custom[] = {
    "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1",
    "FREQ=DAILY;BYHOUR=9,17",
    "FREQ=HOURLY;INTERVAL=4",
    "FREQ=YEARLY;BYMONTH=6,7",
    "FREQ=MONTHLY;BYDAY=5MO",
    "FREQ=MONTHLY;BYMONTHDAY=1,15",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;WKST=SU",
  };

  for (guint i = 0; i < G_N_ELEMENTS (custom); i++)
    {
      g_autoptr(TandemRecurrence) r = parse_ok (custom[i], start);
      g_autofree char *again = tandem_recurrence_to_rrule (r, tz);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (r->repeat, ==, TANDEM_REPEAT_CUSTOM);
      g_assert_cmpstr (r->rrule, ==, custom[i]);
      g_assert_cmpstr (again, ==, custom[i]);
      g_assert_true (tandem_recurrence_validate (r, start, &error));
      g_assert_no_error (error);
    }

  {
    g_autoptr(TandemRecurrence) none = parse_ok (NULL, NULL);
    g_autoptr(TandemRecurrence) empty = parse_ok ("  ", NULL);
    g_autoptr(TandemRecurrence) prefixed = parse_ok ("RRULE:FREQ=DAILY;INTERVAL=2", NULL);
    g_autoptr(TandemRecurrence) daily_weekdays = parse_ok ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", NULL);
    g_autoptr(TandemRecurrence) plain_weekly = parse_ok ("FREQ=WEEKLY", NULL);
    g_autoptr(TandemRecurrence) plain_weekly_at = parse_ok ("FREQ=WEEKLY", start);
    g_autoptr(TandemRecurrence) plain_monthly_at = parse_ok ("FREQ=MONTHLY;COUNT=4", start);
    g_autoptr(TandemRecurrence) yearly_at = parse_ok ("FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14", start);

    g_assert_cmpint (none->repeat, ==, TANDEM_REPEAT_NONE);
    g_assert_cmpint (empty->repeat, ==, TANDEM_REPEAT_NONE);
    g_assert_cmpint (prefixed->repeat, ==, TANDEM_REPEAT_DAILY);
    g_assert_cmpuint (prefixed->interval, ==, 2);
    g_assert_cmpint (daily_weekdays->repeat, ==, TANDEM_REPEAT_WEEKDAYS);
    g_assert_cmpint (plain_weekly->repeat, ==, TANDEM_REPEAT_CUSTOM);
    g_assert_cmpint (plain_weekly_at->repeat, ==, TANDEM_REPEAT_WEEKLY);
    g_assert_cmpuint (plain_weekly_at->weekdays, ==, TANDEM_WEEKDAY_BIT (G_DATE_THURSDAY));
    g_assert_cmpint (plain_monthly_at->repeat, ==, TANDEM_REPEAT_MONTHLY_BY_DAY);
    g_assert_cmpint (plain_monthly_at->month_day, ==, 14);
    g_assert_cmpuint (plain_monthly_at->count, ==, 4);
    g_assert_cmpint (yearly_at->repeat, ==, TANDEM_REPEAT_YEARLY);
  }

  /* The pattern tandem_recurrence_new() takes from the start. */
  {
    g_autoptr(GDateTime) fifth = local_time (tz, "2026-05-29 10:00");  /* the fifth Friday */
    g_autoptr(TandemRecurrence) weekly = tandem_recurrence_new (TANDEM_REPEAT_WEEKLY, start);
    g_autoptr(TandemRecurrence) monthly = tandem_recurrence_new (TANDEM_REPEAT_MONTHLY_BY_WEEKDAY, fifth);
    g_autofree char *weekly_rule = tandem_recurrence_to_rrule (weekly, tz);
    g_autofree char *monthly_rule = tandem_recurrence_to_rrule (monthly, tz);

    g_assert_cmpuint (weekly->interval, ==, 1);
    g_assert_cmpstr (weekly_rule, ==, "FREQ=WEEKLY;BYDAY=TH");
    g_assert_cmpstr (monthly_rule, ==, "FREQ=MONTHLY;BYDAY=-1FR");
  }
}

static void
assert_invalid (TandemRecurrence *r,
                GDateTime        *start,
                const char       *message_part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (tandem_recurrence_validate (r, start, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_validate (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Helsinki");
  g_autoptr(GDateTime) start = local_time (tz, "2026-05-14 10:00");
  g_autoptr(TandemRecurrence) r = NULL;
  g_autoptr(GError) error = NULL;

  r = tandem_recurrence_new (TANDEM_REPEAT_DAILY, start);
  r->interval = 0;
  assert_invalid (r, start, "at least 1");
  r->interval = 1;
  g_assert_true (tandem_recurrence_validate (r, start, &error));
  g_assert_no_error (error);

  /* The start's own day is a fine last day; the day before is not. */
  g_date_set_dmy (&r->until, 14, 5, 2026);
  g_assert_true (tandem_recurrence_validate (r, start, &error));
  g_assert_no_error (error);
  g_date_set_dmy (&r->until, 13, 5, 2026);
  assert_invalid (r, start, "before the first start");

  g_date_set_dmy (&r->until, 1, 6, 2026);
  r->count = 3;
  assert_invalid (r, start, "not both");
  g_date_clear (&r->until, 1);
  g_assert_true (tandem_recurrence_validate (r, start, &error));
  g_assert_no_error (error);
  g_clear_pointer (&r, tandem_recurrence_free);

  r = tandem_recurrence_new (TANDEM_REPEAT_WEEKLY, start);
  r->weekdays = 0;
  assert_invalid (r, start, "weekday");
  g_clear_pointer (&r, tandem_recurrence_free);

  r = tandem_recurrence_new (TANDEM_REPEAT_MONTHLY_BY_DAY, start);
  r->month_day = 32;
  assert_invalid (r, start, "1 to 31");
  r->month_day = 0;
  assert_invalid (r, start, "1 to 31");
  r->month_day = -2;
  assert_invalid (r, start, "1 to 31");
  r->month_day = -1;
  g_assert_true (tandem_recurrence_validate (r, start, &error));
  g_assert_no_error (error);
  g_clear_pointer (&r, tandem_recurrence_free);

  r = tandem_recurrence_new (TANDEM_REPEAT_MONTHLY_BY_WEEKDAY, start);
  r->week_of_month = 5;
  assert_invalid (r, start, "fourth");
  r->week_of_month = 0;
  assert_invalid (r, start, "fourth");
  r->week_of_month = -1;
  g_assert_true (tandem_recurrence_validate (r, start, &error));
  g_assert_no_error (error);
  g_clear_pointer (&r, tandem_recurrence_free);

  r = tandem_recurrence_new (TANDEM_REPEAT_CUSTOM, start);
  r->rrule = g_strdup ("FREQ=SOMETIMES");
  assert_invalid (r, start, "FREQ=SOMETIMES");
}

/* Bad rules are errors everywhere, and leave libical ready for the next. */
static void
test_malformed (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Helsinki");
  g_autoptr(GDateTime) start = local_time (tz, "2026-05-14 10:00");
  const char *bad[] = {
    "FREQ=SOMETIMES",
    "INTERVAL=0",
    "FREQ=DAILY;INTERVAL=0",
    "FREQ=DAILY;INTERVAL=-2",
    "garbage",
    "FREQ=DAILY;COUNT=2;UNTIL=20260601T000000Z",
    "FREQ=WEEKLY;BYDAY=XX",
    "FREQ=MONTHLY;BYMONTHDAY=40",
    "FREQ=DAILY;UNTIL=tomorrow",
    "FREQ=DAILY;NOSUCHPART=1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemRecurrence) r = tandem_recurrence_parse (bad[i], &error);
      g_autoptr(GArray) starts = NULL;
      g_autofree char *cut = NULL;

      g_assert_null (r);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_assert_cmpint (icalerrno, ==, ICAL_NO_ERROR);
      g_clear_error (&error);

      starts = tandem_recurrence_expand (bad[i], tz, start, NULL, 0, G_MAXINT64, 0, &error);
      g_assert_null (starts);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
      g_clear_error (&error);

      g_assert_cmpint (tandem_recurrence_get_series_end (bad[i], tz, start, NULL, &error), ==, 0);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
      g_clear_error (&error);

      cut = tandem_recurrence_end_before (bad[i], g_date_time_to_unix (start), &error);
      g_assert_null (cut);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
    }

  /* A good rule right after a bad one. */
  {
    g_autoptr(TandemRecurrence) r = parse_ok ("FREQ=DAILY", NULL);

    g_assert_cmpint (r->repeat, ==, TANDEM_REPEAT_DAILY);
  }
}

/* Only what overlaps [from, to): an occurrence that began before @from
 * and still runs is in, one that starts at @to is not. */
static void
test_range_and_max (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Helsinki");
  g_autoptr(GDateTime) start = local_time (tz, "2026-05-01 09:00");
  g_autoptr(GDateTime) end = local_time (tz, "2026-05-01 10:00");
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GArray) limited = NULL;
  g_autoptr(GArray) instant = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) single = NULL;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;

  starts = expand_ok ("FREQ=DAILY", tz, start, end, local_unix (tz, "2026-05-03 09:30"),
                      local_unix (tz, "2026-05-05 09:00"), 0);
  got = format_all (starts, tz);
  want = expected_lines ("+0300 2026-05-03..04");
  g_assert_cmpstr (got, ==, want);

  /* An occurrence that ends exactly at @from is not in. */
  g_clear_pointer (&starts, g_array_unref);
  starts = expand_ok ("FREQ=DAILY", tz, start, end, local_unix (tz, "2026-05-03 10:00"),
                      local_unix (tz, "2026-05-04 12:00"), 0);
  g_assert_cmpuint (starts->len, ==, 1);
  g_assert_cmpint (g_array_index (starts, gint64, 0), ==, local_unix (tz, "2026-05-04 09:00"));

  limited = expand_ok ("FREQ=DAILY", tz, start, end, local_unix (tz, "2026-05-03 00:00"),
                       local_unix (tz, "2027-01-01"), 3);
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&want, g_free);
  got = format_all (limited, tz);
  want = expected_lines ("+0300 2026-05-03..05");
  g_assert_cmpstr (got, ==, want);

  /* Without an end, an occurrence at @from is in. */
  instant = expand_ok ("FREQ=WEEKLY", tz, start, NULL, local_unix (tz, "2026-05-08 09:00"),
                       local_unix (tz, "2026-05-15 09:00"), 0);
  g_assert_cmpuint (instant->len, ==, 1);
  g_assert_cmpint (g_array_index (instant, gint64, 0), ==, local_unix (tz, "2026-05-08 09:00"));

  /* Nothing before the first start. */
  before = expand_ok ("FREQ=DAILY", tz, start, end, local_unix (tz, "2026-01-01"),
                      local_unix (tz, "2026-05-01 08:00"), 0);
  g_assert_cmpuint (before->len, ==, 0);

  /* No rule: the activity itself. */
  single = expand_ok (NULL, tz, start, end, local_unix (tz, "2026-05-01 09:30"),
                      local_unix (tz, "2026-05-02"), 0);
  g_assert_cmpuint (single->len, ==, 1);
}

/* Starting the walk at the range gives what walking from the first start
 * gives, for rules whose steps depend on the first start. */
static void
test_far_range (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Warsaw");
  g_autoptr(GDateTime) start = local_time (tz, "2026-01-13 09:00");   /* a Tuesday */
  g_autoptr(GDateTime) end = local_time (tz, "2026-01-13 11:00");
  const char *rules[] = {
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
    "FREQ=WEEKLY;INTERVAL=5;BYDAY=MO,SU",
    "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR",
    "FREQ=MONTHLY;INTERVAL=7;BYMONTHDAY=13",
    "FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
    "FREQ=YEARLY;INTERVAL=13",
    "FREQ=DAILY;INTERVAL=5;UNTIL=20400101T000000Z",
  };
  gint64 from = local_unix (tz, "2039-01-10 10:00");
  gint64 to = local_unix (tz, "2039-12-31");

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GArray) all = expand_ok (rules[i], tz, start, end, g_date_time_to_unix (start), to, 0);
      g_autoptr(GArray) part = expand_ok (rules[i], tz, start, end, from, to, 0);
      g_autoptr(GArray) want = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *got_text = NULL;
      g_autofree char *want_text = NULL;

      for (guint j = 0; j < all->len; j++)
        if (g_array_index (all, gint64, j) + 7200 > from)
          g_array_append_val (want, g_array_index (all, gint64, j));
      g_assert_cmpuint (want->len, >, 0);
      got_text = format_all (part, tz);
      want_text = format_all (want, tz);
      g_assert_cmpstr (got_text, ==, want_text);
    }
}

/* Rules that never match end quickly with nothing after the first start. */
static void
test_never_matches (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Helsinki");
  g_autoptr(GDateTime) start = local_time (tz, "2026-01-31 09:00");
  const char *rules[] = {
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31",
    "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31",
    "FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=YEARLY;BYDAY=5FR;BYMONTHDAY=1",
    "FREQ=HOURLY;BYMONTHDAY=31;BYYEARDAY=1",
  };

  g_test_timer_start ();
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GArray) starts = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *counted = g_strconcat (rules[i], ";COUNT=3", NULL);

      starts = expand_ok (rules[i], tz, start, NULL, local_unix (tz, "2026-02-01"),
                          local_unix (tz, "2027-02-01"), 0);
      g_assert_cmpuint (starts->len, ==, 0);

      /* With a count, the series ends with the first start. */
      g_assert_cmpint (tandem_recurrence_get_series_end (counted, tz, start, NULL, &error),
                       ==, g_date_time_to_unix (start));
      g_assert_no_error (error);
    }
  g_assert_cmpfloat (g_test_timer_elapsed (), <, 20.0);
}

static void
test_series_end (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Warsaw");
  g_autoptr(GDateTime) start = local_time (tz, "2026-03-25 09:00");
  g_autoptr(GDateTime) end = local_time (tz, "2026-03-25 10:30");
  g_autoptr(GError) error = NULL;
  gint64 series_end;

  /* Ten days at 09:00 across the spring change: the last one ends on
   * 3 April at 10:30 summer time. */
  series_end = tandem_recurrence_get_series_end ("FREQ=DAILY;COUNT=10", tz, start, end, &error);
  g_assert_no_error (error);
  g_assert_cmpint (series_end, ==, local_unix (tz, "2026-04-03 10:30"));

  series_end = tandem_recurrence_get_series_end ("FREQ=WEEKLY;BYDAY=WE;UNTIL=20260415T215959Z",
                                                 tz, start, end, &error);
  g_assert_no_error (error);
  g_assert_cmpint (series_end, ==, local_unix (tz, "2026-04-15 10:30"));

  series_end = tandem_recurrence_get_series_end ("FREQ=WEEKLY;BYDAY=WE", tz, start, end, &error);
  g_assert_no_error (error);
  g_assert_cmpint (series_end, ==, 0);

  series_end = tandem_recurrence_get_series_end (NULL, tz, start, end, &error);
  g_assert_no_error (error);
  g_assert_cmpint (series_end, ==, g_date_time_to_unix (end));
}

/* "This and following": the old series stops before the chosen one. */
static void
test_end_before (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Helsinki");
  g_autoptr(GDateTime) start = local_time (tz, "2026-05-05 09:00");   /* a Tuesday */
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autoptr(TandemRecurrence) r = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  gint64 split = local_unix (tz, "2026-05-19 09:00");

  cut = tandem_recurrence_end_before ("FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;COUNT=20", split, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cut);
  g_assert_null (strstr (cut, "COUNT"));
  g_assert_null (strstr (cut, "RRULE:"));
  g_assert_nonnull (strstr (cut, "UNTIL=20260519T055959Z"));
  g_assert_nonnull (strstr (cut, "BYDAY=TU,TH"));

  starts = expand_ok (cut, tz, start, NULL, g_date_time_to_unix (start), G_MAXINT64, 0);
  got = format_all (starts, tz);
  want = expected_lines ("+0300 2026-05-05 2026-05-07 2026-05-12 2026-05-14");
  g_assert_cmpstr (got, ==, want);

  r = parse_ok (cut, start);
  g_assert_cmpint (r->repeat, ==, TANDEM_REPEAT_WEEKLY);
  g_assert_cmpint (g_date_get_day (&r->until), ==, 19);

  /* An earlier end stays. */
  kept = tandem_recurrence_end_before ("FREQ=DAILY;UNTIL=20260510T000000Z", split, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (kept, "UNTIL=20260510T000000Z"));
}

static char *
describe (TandemRecurrence *r)
{
  return tandem_recurrence_describe (r);
}

static void
assert_describes (TandemRecurrence *r,
                  const char       *text)
{
  g_autofree char *got = describe (r);

  g_assert_cmpstr (got, ==, text);
}

static void
test_describe (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Helsinki");
  g_autoptr(GDateTime) start = local_time (tz, "2026-03-10 09:00");   /* the second Tuesday */
  g_autoptr(TandemRecurrence) r = NULL;

  r = tandem_recurrence_new (TANDEM_REPEAT_NONE, start);
  assert_describes (r, "Does not repeat");

  r->repeat = TANDEM_REPEAT_DAILY;
  assert_describes (r, "Every day");
  r->interval = 3;
  assert_describes (r, "Every 3 days");
  r->interval = 1;

  r->repeat = TANDEM_REPEAT_WEEKDAYS;
  assert_describes (r, "Every weekday");
  r->repeat = TANDEM_REPEAT_WEEKENDS;
  assert_describes (r, "Every weekend");

  r->repeat = TANDEM_REPEAT_WEEKLY;
  r->weekdays = TANDEM_WEEKDAY_BIT (G_DATE_TUESDAY);
  assert_describes (r, "Weekly on Tuesday");
  r->weekdays |= TANDEM_WEEKDAY_BIT (G_DATE_THURSDAY);
  assert_describes (r, "Weekly on Tuesday and Thursday");
  r->interval = 2;
  assert_describes (r, "Every 2 weeks on Tuesday and Thursday");
  r->weekdays = TANDEM_WEEKDAY_BIT (G_DATE_MONDAY) | TANDEM_WEEKDAY_BIT (G_DATE_WEDNESDAY)
                | TANDEM_WEEKDAY_BIT (G_DATE_FRIDAY) | TANDEM_WEEKDAY_BIT (G_DATE_SUNDAY);
  assert_describes (r, "Every 2 weeks on Monday, Wednesday, Friday and Sunday");
  r->interval = 1;

  r->repeat = TANDEM_REPEAT_MONTHLY_BY_DAY;
  assert_describes (r, "Monthly on day 10");
  r->month_day = 15;
  assert_describes (r, "Monthly on day 15");
  r->month_day = -1;
  assert_describes (r, "Monthly on the last day");
  r->interval = 3;
  assert_describes (r, "Every 3 months on the last day");
  r->interval = 1;

  r->repeat = TANDEM_REPEAT_MONTHLY_BY_WEEKDAY;
  assert_describes (r, "Monthly on the second Tuesday");
  r->week_of_month = -1;
  r->weekday = G_DATE_FRIDAY;
  assert_describes (r, "Monthly on the last Friday");
  r->interval = 2;
  assert_describes (r, "Every 2 months on the last Friday");
  r->interval = 1;

  r->repeat = TANDEM_REPEAT_YEARLY;
  assert_describes (r, "Every year");
  r->interval = 2;
  assert_describes (r, "Every 2 years");
  r->interval = 1;

  r->repeat = TANDEM_REPEAT_WEEKLY;
  r->interval = 2;
  r->weekdays = TANDEM_WEEKDAY_BIT (G_DATE_TUESDAY) | TANDEM_WEEKDAY_BIT (G_DATE_THURSDAY);
  g_date_set_dmy (&r->until, 31, 12, 2026);
  assert_describes (r, "Every 2 weeks on Tuesday and Thursday, until 31 December 2026");
  g_date_clear (&r->until, 1);
  r->repeat = TANDEM_REPEAT_DAILY;
  r->interval = 1;
  r->count = 10;
  assert_describes (r, "Every day, 10 times");
  r->count = 1;
  assert_describes (r, "Every day, 1 time");
  g_clear_pointer (&r, tandem_recurrence_free);

  r = parse_ok ("FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU;BYSETPOS=-1", NULL);
  assert_describes (r, "Every 2 months, by a custom rule");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rfc_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/recurrence/D6/rfc5545/%s", rfc_cases[i].path);

      g_test_add_data_func (path, &rfc_cases[i], test_rfc_case);
    }
  g_test_add_func ("/recurrence/D6/rfc5545/friday-13th", test_rfc_friday_13th);
  g_test_add_func ("/recurrence/D6/rfc5545/every-20-minutes", test_rfc_every_20_minutes);
  g_test_add_func ("/recurrence/D6/dst/daily-helsinki", test_dst_daily_helsinki);
  g_test_add_func ("/recurrence/D6/dst/daily-warsaw", test_dst_daily_warsaw);
  g_test_add_func ("/recurrence/D6/dst/gap-and-overlap-warsaw", test_dst_gap_and_overlap_warsaw);
  g_test_add_func ("/recurrence/D6/dst/monthly-last-sunday-helsinki", test_dst_monthly_last_sunday_helsinki);
  g_test_add_func ("/recurrence/D6/dst/weekly-yearly", test_dst_weekly_yearly);
  g_test_add_func ("/recurrence/D6/round-trip", test_round_trip);
  g_test_add_func ("/recurrence/D6/parse", test_parse);
  g_test_add_func ("/recurrence/D6/validate", test_validate);
  g_test_add_func ("/recurrence/D6/malformed", test_malformed);
  g_test_add_func ("/recurrence/D6/range-and-max", test_range_and_max);
  g_test_add_func ("/recurrence/D6/far-range", test_far_range);
  g_test_add_func ("/recurrence/D6/never-matches", test_never_matches);
  g_test_add_func ("/recurrence/D6/series-end", test_series_end);
  g_test_add_func ("/recurrence/D6/end-before", test_end_before);
  g_test_add_func ("/recurrence/D6/describe", test_describe);

  return g_test_run ();
}
