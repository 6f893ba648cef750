/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TANDEM_ERROR (tandem_error_quark ())

typedef enum
{
  TANDEM_ERROR_INVALID,        /* the input is not acceptable */
  TANDEM_ERROR_NOT_FOUND,      /* no such record, or not visible */
  TANDEM_ERROR_PERMISSION,     /* the signed-in user may not do this */
  TANDEM_ERROR_AUTH,           /* wrong login or password */
  TANDEM_ERROR_EXISTS,         /* a unique name is taken */
  TANDEM_ERROR_DATABASE,       /* SQLite failed */
  TANDEM_ERROR_TOO_NEW,        /* database written by a newer Tandem */
  TANDEM_ERROR_NOT_SIGNED_IN,  /* a read or write without a user */
  TANDEM_ERROR_CONFLICT,       /* overlaps a busy activity (SPEC D5) */
  TANDEM_ERROR_CODE_NEEDED,    /* the password was right; the user signs in
                                * with an authenticator code too (SPEC A2) */
  TANDEM_ERROR_DAMAGED,        /* stored content fails its hash (SPEC G2) */
} TandemError;

GQuark tandem_error_quark (void);

G_END_DECLS
