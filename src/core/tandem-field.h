/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_FIELD (tandem_field_get_type ())

/* An administrator-defined classification or additional field (SPEC B4, B5). */
G_DECLARE_FINAL_TYPE (TandemField, tandem_field, TANDEM, FIELD, GObject)

TandemField        *tandem_field_new            (TandemKind          entity,
                                                 TandemFieldKind     kind,
                                                 const char         *name,
                                                 TandemFieldType     type);
gint64              tandem_field_get_id         (TandemField        *self);
void                tandem_field_set_id         (TandemField        *self,
                                                 gint64              id);
TandemKind          tandem_field_get_entity     (TandemField        *self);
TandemFieldKind     tandem_field_get_kind       (TandemField        *self);
const char         *tandem_field_get_name       (TandemField        *self);
void                tandem_field_set_name       (TandemField        *self,
                                                 const char         *name);
TandemFieldType     tandem_field_get_field_type (TandemField        *self);
void                tandem_field_set_field_type (TandemField        *self,
                                                 TandemFieldType     type);
const char * const *tandem_field_get_choices    (TandemField        *self);
void                tandem_field_set_choices    (TandemField        *self,
                                                 const char * const *choices);
/* Checks a value against the field's type; on success *normalized holds the
 * form stored (dates as YYYY-MM-DD, yes/no as "1"/"0"). */
gboolean            tandem_field_check_value    (TandemField        *self,
                                                 const char         *value,
                                                 char              **normalized,
                                                 GError            **error);

G_END_DECLS
