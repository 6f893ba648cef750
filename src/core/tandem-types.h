/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  TANDEM_KIND_NONE    = 0,
  TANDEM_KIND_COMPANY = 1,
  TANDEM_KIND_PERSON  = 2,
  TANDEM_KIND_NOTE    = 3,
} TandemKind;

typedef enum
{
  TANDEM_ROLE_ADMIN   = 0,
  TANDEM_ROLE_MANAGER = 1,
  TANDEM_ROLE_USER    = 2,
} TandemRole;

/* SPEC E1. The numbers are stored in the database: never renumber. */
typedef enum
{
  TANDEM_VISIBILITY_EVERYONE = 0,  /* everyone who may see the customer */
  TANDEM_VISIBILITY_GROUPS   = 1,  /* members of the chosen groups */
  TANDEM_VISIBILITY_PRIVATE  = 2,  /* the author (and performers) only */
} TandemVisibility;

typedef enum
{
  TANDEM_FIELD_CLASSIFICATION = 0,
  TANDEM_FIELD_ADDITIONAL     = 1,
} TandemFieldKind;

typedef enum
{
  TANDEM_FIELD_TEXT   = 0,
  TANDEM_FIELD_NUMBER = 1,
  TANDEM_FIELD_DATE   = 2,
  TANDEM_FIELD_BOOL   = 3,
  TANDEM_FIELD_LINK   = 4,
  TANDEM_FIELD_CHOICE = 5,
} TandemFieldType;

const char *tandem_kind_to_string        (TandemKind        kind);
TandemKind  tandem_kind_from_string      (const char       *str);
const char *tandem_role_to_string        (TandemRole        role);
gboolean    tandem_role_from_string      (const char       *str,
                                          TandemRole       *role);
const char *tandem_role_get_label        (TandemRole        role);
const char *tandem_visibility_to_string  (TandemVisibility  visibility);
const char *tandem_visibility_get_label  (TandemVisibility  visibility);
const char *tandem_field_kind_to_string  (TandemFieldKind   kind);
gboolean    tandem_field_kind_from_string (const char      *str,
                                           TandemFieldKind *kind);
const char *tandem_field_type_to_string  (TandemFieldType   type);
gboolean    tandem_field_type_from_string (const char      *str,
                                           TandemFieldType *type);
const char *tandem_field_type_get_label  (TandemFieldType   type);

G_END_DECLS
