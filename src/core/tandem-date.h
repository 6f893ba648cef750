/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses a calendar date as people type it (2026-12-31, 31.12.2026) and
 * returns it as YYYY-MM-DD, or NULL for anything that is not a real date. */
char *tandem_date_parse       (const char *text);

/* A calendar date (as tandem_date_parse() reads it) in the medium form
 * used wherever a date stands on its own: "15 Dec 2026", as the
 * translation orders it. NULL for NULL or ""; the text unchanged if it is
 * not a date. */
char *tandem_date_format      (const char *date);

/* A moment in ISO 8601 (2026-12-15T12:05:00Z) in local time, with the
 * date in the same medium form: "15 Dec 2026, 14:05". The text unchanged
 * if it cannot be read. */
char *tandem_date_format_time (const char *iso8601);

G_END_DECLS
