/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_FIELDS_GROUP (tandem_fields_group_get_type ())

/* The administrator-defined fields of one kind (classification or
 * additional, SPEC B4, B5, C2) for a record, a row per field by its type.
 * Edits go into the record; "changed" tells the card. Hidden while the
 * administrator has defined no such fields. */
G_DECLARE_FINAL_TYPE (TandemFieldsGroup, tandem_fields_group, TANDEM, FIELDS_GROUP, AdwPreferencesGroup)

void tandem_fields_group_setup      (TandemFieldsGroup *self,
                                     TandemStore       *store,
                                     TandemKind         entity,
                                     TandemFieldKind    field_kind);
/* Reads the field definitions again and rebuilds the rows. */
void tandem_fields_group_reload     (TandemFieldsGroup *self);
/* Shows the values of @record, and edits them from now on. */
void tandem_fields_group_set_record (TandemFieldsGroup *self,
                                     TandemRecord      *record);

G_END_DECLS
