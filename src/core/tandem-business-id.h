/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TANDEM_BUSINESS_ID_UNKNOWN,  /* some other country's number: stored as typed */
  TANDEM_BUSINESS_ID_FI,       /* Finnish Y-tunnus, 1234567-8 */
  TANDEM_BUSINESS_ID_PL,       /* Polish NIP, 10 digits */
} TandemBusinessIdKind;

/* Checks a business ID (SPEC B2). Finnish Y-tunnus and Polish NIP are
 * recognised by their shape and must have a correct check digit; on success
 * *normalized holds the canonical form (1234567-8, 1234567890). Anything
 * that looks like neither, but has at least one digit and no control
 * characters, is accepted as is. */
gboolean tandem_business_id_check (const char            *text,
                                   TandemBusinessIdKind  *kind,
                                   char                 **normalized,
                                   GError               **error);

G_END_DECLS
