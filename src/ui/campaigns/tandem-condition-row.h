/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CONDITION_ROW (tandem_condition_row_get_type ())

/* One condition of the filter builder (SPEC K2): a field (the fixed ones
 * and the classification and additional fields of companies or people),
 * an operator valid for the field, and a value: text, a date (2026-12-31
 * or 31.12.2026), a number of days, or a contact group or partner role
 * chosen from a list; none for "is empty" and "is not empty". On one line
 * where there is room, on two in a narrow window.
 *
 * Signals:
 *  "changed": the field, the operator or the value changed.
 *  "remove": the user asked to remove the condition. */
G_DECLARE_FINAL_TYPE (TandemConditionRow, tandem_condition_row, TANDEM, CONDITION_ROW, GtkWidget)

GtkWidget       *tandem_condition_row_new           (TandemStore        *store,
                                                     TandemKind          entity);
/* Offers the fields of @entity, keeping the chosen one if it has it. */
void             tandem_condition_row_set_entity    (TandemConditionRow *self,
                                                     TandemKind          entity);
void             tandem_condition_row_set_criterion (TandemConditionRow *self,
                                                     const TandemCriterion *criterion);
/* As chosen and typed, unchecked */
TandemCriterion *tandem_condition_row_dup_criterion (TandemConditionRow *self);
/* A value is still to be typed */
gboolean         tandem_condition_row_is_incomplete (TandemConditionRow *self);
/* Checks the condition and shows what is wrong under it (or nothing). */
gboolean         tandem_condition_row_check         (TandemConditionRow *self,
                                                     gboolean            strict,
                                                     GError            **error);

G_END_DECLS
