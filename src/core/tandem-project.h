/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-record.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PROJECT (tandem_project_get_type ())

/* A project or a sales project (SPEC H1, H2): one record all its life. A
 * sales project ("sale") has a stage, seller, value, closing date,
 * probability, product and campaign; when it is won it also becomes a
 * delivery project, keeping its id, notes, activities, team and the
 * visibility of each (E2). A project added as one is a delivery project
 * without the sale part. Properties carry the same names as the getters. */
G_DECLARE_FINAL_TYPE (TandemProject, tandem_project, TANDEM, PROJECT, TandemRecord)

/* A new delivery project of @company_id. */
TandemProject   *tandem_project_new               (gint64            company_id,
                                                   const char       *name);
/* A new sales project of @company_id, at stage @stage_id. */
TandemProject   *tandem_project_new_sale          (gint64            company_id,
                                                   const char       *name,
                                                   gint64            stage_id);
TandemProject   *tandem_project_copy              (TandemProject    *self);

const char      *tandem_project_get_name          (TandemProject    *self);
void             tandem_project_set_name          (TandemProject    *self,
                                                   const char       *name);
gint64           tandem_project_get_company_id    (TandemProject    *self);
void             tandem_project_set_company_id    (TandemProject    *self,
                                                   gint64            company_id);
const char      *tandem_project_get_company_name  (TandemProject    *self);
gboolean         tandem_project_get_is_sale       (TandemProject    *self);
gboolean         tandem_project_get_is_delivery   (TandemProject    *self);
/* Set by the store: a won sale is a delivery project. */
void             tandem_project_set_is_delivery   (TandemProject    *self,
                                                   gboolean          is_delivery);
const char      *tandem_project_get_description   (TandemProject    *self);
void             tandem_project_set_description   (TandemProject    *self,
                                                   const char       *description);

/* The sale part (meaningless unless is-sale) */
gint64           tandem_project_get_stage_id      (TandemProject    *self);
void             tandem_project_set_stage_id      (TandemProject    *self,
                                                   gint64            stage_id);
const char      *tandem_project_get_stage_name    (TandemProject    *self);
/* The stage's outcome, kept by the store. */
TandemSaleState  tandem_project_get_state         (TandemProject    *self);
gint64           tandem_project_get_seller_id     (TandemProject    *self);
void             tandem_project_set_seller_id     (TandemProject    *self,
                                                   gint64            seller_id);
const char      *tandem_project_get_seller_name   (TandemProject    *self);
/* Hundredths of the currency */
gint64           tandem_project_get_value         (TandemProject    *self);
void             tandem_project_set_value         (TandemProject    *self,
                                                   gint64            cents);
/* ISO 4217, "EUR" unless set */
const char      *tandem_project_get_currency      (TandemProject    *self);
void             tandem_project_set_currency      (TandemProject    *self,
                                                   const char       *currency);
/* Expected closing date, "YYYY-MM-DD" or NULL */
const char      *tandem_project_get_close_date    (TandemProject    *self);
void             tandem_project_set_close_date    (TandemProject    *self,
                                                   const char       *date);
/* Percent, 0–100. -1 (the default of a new sale) lets the store take the
 * stage's default probability. */
int              tandem_project_get_probability   (TandemProject    *self);
void             tandem_project_set_probability   (TandemProject    *self,
                                                   int               percent);
/* value × probability / 100, rounded half up, in hundredths */
gint64           tandem_project_get_weighted_value (TandemProject   *self);
gint64           tandem_project_get_product_id    (TandemProject    *self);
void             tandem_project_set_product_id    (TandemProject    *self,
                                                   gint64            product_id);
const char      *tandem_project_get_product_name  (TandemProject    *self);
const char      *tandem_project_get_campaign      (TandemProject    *self);
void             tandem_project_set_campaign      (TandemProject    *self,
                                                   const char       *campaign);

/* Visibility of the project itself: everyone who may see the customer,
 * chosen groups, or the team (E1). The author, seller and members always
 * see it. */
TandemVisibility tandem_project_get_visibility    (TandemProject    *self);
void             tandem_project_set_visibility    (TandemProject    *self,
                                                   TandemVisibility  visibility);
const gint64    *tandem_project_get_group_ids     (TandemProject    *self,
                                                   guint            *n_groups);
void             tandem_project_set_group_ids     (TandemProject    *self,
                                                   const gint64     *group_ids,
                                                   guint             n_groups);

gint64           tandem_project_get_author_id     (TandemProject    *self);
const char      *tandem_project_get_author_name   (TandemProject    *self);
/* "YYYY-MM-DDTHH:MM:SSZ"; closed-at is when it was won or lost */
const char      *tandem_project_get_closed_at     (TandemProject    *self);
const char      *tandem_project_get_created_at    (TandemProject    *self);
const char      *tandem_project_get_updated_at    (TandemProject    *self);

/* Used by the store when it loads a project. */
void             tandem_project_set_loaded        (TandemProject    *self,
                                                   gboolean          is_sale,
                                                   TandemSaleState   state,
                                                   const char       *company_name,
                                                   const char       *stage_name,
                                                   const char       *seller_name,
                                                   const char       *product_name,
                                                   gint64            author_id,
                                                   const char       *author_name,
                                                   const char       *closed_at,
                                                   const char       *created_at,
                                                   const char       *updated_at);

G_END_DECLS
