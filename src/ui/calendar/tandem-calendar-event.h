/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tandem-calendar-user.h"
#include "tandem-occurrence.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_CALENDAR_EVENT_MONTH   = 0,  /* one line: start time and title */
  TANDEM_CALENDAR_EVENT_GRID    = 1,  /* a box in the time grid */
  TANDEM_CALENDAR_EVENT_ALL_DAY = 2,  /* one line: title */
  TANDEM_CALENDAR_EVENT_SHORT   = 3,  /* a short box in the time grid: one
                                       * line of title and time */
} TandemCalendarEventLayout;

#define TANDEM_TYPE_CALENDAR_EVENT (tandem_calendar_event_get_type ())

/* One occurrence in the calendar: a focusable button-like box with the
 * title and the time. Activating it opens the occurrence through the
 * "calendar.open-occurrence" action of the calendar view. A masked
 * occurrence (SPEC E3) shows only "Busy" and its time, cannot be activated
 * and has no tooltip. */
G_DECLARE_FINAL_TYPE (TandemCalendarEvent, tandem_calendar_event, TANDEM, CALENDAR_EVENT, GtkWidget)

/* With @show_user (several users side by side) the event takes @user's
 * colour, and in the month layout shows the user's initials; otherwise it
 * takes its category's colour. */
GtkWidget        *tandem_calendar_event_new            (TandemOccurrence          *occurrence,
                                                        TandemCalendarEventLayout  layout,
                                                        const TandemCalendarUser  *user,
                                                        gboolean                   show_user);
TandemOccurrence *tandem_calendar_event_get_occurrence (TandemCalendarEvent       *self);
/* The accessible label: "Title, 10:00–11:00", or "Busy, 10:00–11:00". */
const char       *tandem_calendar_event_get_label      (TandemCalendarEvent       *self);

/* "10:00", in the calendar's time format. */
char             *tandem_calendar_format_time          (GDateTime                 *time);

G_END_DECLS
