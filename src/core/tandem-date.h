/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses a calendar date as people type it (2026-12-31, 31.12.2026) and
 * returns it as YYYY-MM-DD, or NULL for anything that is not a real date. */
char *tandem_date_parse (const char *text);

G_END_DECLS
