/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_FIELD_DIALOG (tandem_field_dialog_get_type ())

/* Adds a classification or additional field (SPEC B4, B5, C2), or edits
 * one: its name, kind and choices; what it is for and its type stay as
 * they were created, since values are already stored in that type. */
G_DECLARE_FINAL_TYPE (TandemFieldDialog, tandem_field_dialog, TANDEM, FIELD_DIALOG, AdwWindow)

/* @field: the field to edit, or %NULL to add one for @entity */
TandemFieldDialog *tandem_field_dialog_new (GtkWindow   *parent,
                                            TandemStore *store,
                                            TandemField *field,
                                            TandemKind   entity);

/* "Classification · Choice from a list: A, B, C", as the lists show it */
char              *tandem_field_dialog_describe (TandemField *field);

G_END_DECLS
