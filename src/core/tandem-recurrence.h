/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Recurrence (SPEC D6): the repeat patterns a user picks in the activity
 * card, written as and read from RFC 5545 RRULE values, and the expansion
 * of a rule with libical within a range. No SQL and no GTK here.
 *
 * An occurrence repeats the wall-clock time of the first start in the
 * activity's time zone, so a meeting at 09:00 in Europe/Helsinki stays at
 * 09:00 across daylight-saving changes. A wall-clock time that does not
 * exist on a day (the spring-forward gap) moves forward by the gap, as
 * RFC 5545 §3.3.5 says. */

typedef enum
{
  TANDEM_REPEAT_NONE = 0,
  TANDEM_REPEAT_DAILY,           /* every N days */
  TANDEM_REPEAT_WEEKDAYS,        /* Monday to Friday */
  TANDEM_REPEAT_WEEKENDS,        /* Saturday and Sunday */
  TANDEM_REPEAT_WEEKLY,          /* every N weeks on the chosen weekdays */
  TANDEM_REPEAT_MONTHLY_BY_DAY,  /* every N months on day D of the month */
  TANDEM_REPEAT_MONTHLY_BY_WEEKDAY, /* every N months on the Nth weekday */
  TANDEM_REPEAT_YEARLY,          /* every N years on the start's date */
  TANDEM_REPEAT_CUSTOM,          /* a rule this editor cannot show */
} TandemRepeat;

/* Weekday bits, Monday first as GDateWeekday - 1: 1 << 0 Monday … 1 << 6 Sunday. */
#define TANDEM_WEEKDAY_BIT(gdate_weekday) (1u << ((gdate_weekday) - 1))

typedef struct
{
  TandemRepeat repeat;
  guint        interval;       /* ≥ 1 */
  guint        weekdays;       /* WEEKLY: TANDEM_WEEKDAY_BIT mask */
  int          month_day;      /* MONTHLY_BY_DAY: 1…31, or -1 the last day */
  int          week_of_month;  /* MONTHLY_BY_WEEKDAY: 1…4, or -1 the last */
  GDateWeekday weekday;        /* MONTHLY_BY_WEEKDAY */
  GDate        until;          /* an invalid (cleared) GDate: no end date */
  guint        count;          /* 0: no count */
  char        *rrule;          /* CUSTOM: the rule as read */
} TandemRecurrence;

#define TANDEM_TYPE_RECURRENCE (tandem_recurrence_get_type ())
GType             tandem_recurrence_get_type      (void) G_GNUC_CONST;

/* A pattern of @repeat with interval 1 and the weekday, day of month and
 * week of month taken from @start (a date-time in the activity's zone). */
TandemRecurrence *tandem_recurrence_new           (TandemRepeat            repeat,
                                                   GDateTime              *start);
TandemRecurrence *tandem_recurrence_copy          (const TandemRecurrence *self);
void              tandem_recurrence_free          (TandemRecurrence       *self);
gboolean          tandem_recurrence_equal         (const TandemRecurrence *a,
                                                   const TandemRecurrence *b);

/* Reads an RRULE value ("FREQ=WEEKLY;BYDAY=TU,TH"); a valid rule this
 * editor has no pattern for comes back as CUSTOM. A NULL or empty rule
 * is NONE. */
TandemRecurrence *tandem_recurrence_parse         (const char             *rrule,
                                                   GError                **error);
/* As tandem_recurrence_parse(), for an activity whose first start is
 * @start (in its zone): the until date is read in that zone (parse()
 * reads it in the local zone), and a rule that leaves the weekday or the
 * day of the month to the start ("FREQ=WEEKLY", "FREQ=MONTHLY") gets them
 * from @start instead of coming back as CUSTOM. */
TandemRecurrence *tandem_recurrence_parse_at      (const char             *rrule,
                                                   GDateTime              *start,
                                                   GError                **error);
/* The RRULE value, or NULL for NONE. An until date is written as the end
 * of that day in @tz (UNTIL is inclusive and in UTC, RFC 5545 §3.3.10). */
char             *tandem_recurrence_to_rrule      (const TandemRecurrence *self,
                                                   GTimeZone              *tz);
/* Checks a pattern (interval ≥ 1, a weekday for WEEKLY, until after
 * @start, count and until not both, …) with a message for the user. */
gboolean          tandem_recurrence_validate      (const TandemRecurrence *self,
                                                   GDateTime              *start,
                                                   GError                **error);
/* A sentence for the card and lists: "Every 2 weeks on Tuesday and
 * Thursday, until 31 December 2026". Translated. */
char             *tandem_recurrence_describe      (const TandemRecurrence *self);

/* Expansion. @start and @end are the first occurrence, in the activity's
 * zone (@tz). Returns the start times (Unix, UTC) of the occurrences that
 * overlap [@from, @to), in order, at most @max of them (0: no limit). A
 * malformed rule is an error. */
GArray           *tandem_recurrence_expand        (const char             *rrule,
                                                   GTimeZone              *tz,
                                                   GDateTime              *start,
                                                   GDateTime              *end,
                                                   gint64                  from,
                                                   gint64                  to,
                                                   guint                   max,
                                                   GError                **error);
/* The end (Unix, UTC) of the last occurrence, or 0 when the rule has no
 * end (no UNTIL and no COUNT). */
gint64            tandem_recurrence_get_series_end (const char            *rrule,
                                                    GTimeZone             *tz,
                                                    GDateTime             *start,
                                                    GDateTime             *end,
                                                    GError               **error);
/* The rule cut so that its last occurrence starts before @before (Unix,
 * UTC): UNTIL set to one second before, COUNT removed ("this and
 * following", D6). */
char             *tandem_recurrence_end_before    (const char             *rrule,
                                                   gint64                  before,
                                                   GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemRecurrence, tandem_recurrence_free)

G_END_DECLS
