/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "privacy-org.h"

G_BEGIN_DECLS

/* Every way data leaves the store (SPEC E5), as a read path: a function
 * that reads as the signed-in user and writes what it got, as text, to
 * @out. The suite runs each one for every user on the organisation and on
 * the user's twin; the two texts must be the same, and hold no marker of
 * a record the user may not see.
 *
 * A new read function in a store header joins the table in
 * privacy-paths.c: a name, the store functions it calls ("covers"), and a
 * function of a few lines. A store function that reads nothing (a write,
 * a setting of the session) goes to privacy_not_read_paths with the
 * reason. The suite fails while a public store function is in neither. */

typedef struct
{
  PrivacyOrg  *org;
  TandemStore *store;
  int          user;
  const char  *scratch;   /* a folder for files the path writes */
} PrivacyCtx;

typedef void (*PrivacyReadFunc) (PrivacyCtx *ctx,
                                 GString    *out);

typedef struct
{
  const char      *name;
  const char      *covers;   /* store functions it calls, space-separated */
  PrivacyReadFunc  run;
  /* Why the path's output may differ on the twin (it is still searched
   * for markers); NULL for every path but the administrators' audit trail */
  const char      *not_compared;
} PrivacyReadPath;

typedef struct
{
  const char *function;
  const char *reason;
} PrivacyNotReadPath;

extern const PrivacyReadPath    privacy_read_paths[];
extern const guint              privacy_n_read_paths;
extern const PrivacyNotReadPath privacy_not_read_paths[];
extern const guint              privacy_n_not_read_paths;

/* Copies the organisation's database as it is (privacy-twin.c). */
void privacy_org_write_copy (PrivacyOrg *org,
                             const char *path);

G_END_DECLS
