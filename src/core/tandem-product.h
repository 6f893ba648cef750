/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_PRODUCT (tandem_product_get_type ())

/* A product of the simple list administrators keep (SPEC H1), with an
 * optional product group. An inactive product stays on the sales that
 * name it but is not offered for new ones. */
G_DECLARE_FINAL_TYPE (TandemProduct, tandem_product, TANDEM, PRODUCT, GObject)

TandemProduct   *tandem_product_new               (const char       *name,
                                                   const char       *group);
gint64           tandem_product_get_id            (TandemProduct    *self);
void             tandem_product_set_id            (TandemProduct    *self,
                                                   gint64            id);
const char      *tandem_product_get_name          (TandemProduct    *self);
void             tandem_product_set_name          (TandemProduct    *self,
                                                   const char       *name);
/* NULL when the product is in no group */
const char      *tandem_product_get_group         (TandemProduct    *self);
void             tandem_product_set_group         (TandemProduct    *self,
                                                   const char       *group);
gboolean         tandem_product_get_active        (TandemProduct    *self);
void             tandem_product_set_active        (TandemProduct    *self,
                                                   gboolean          active);

G_END_DECLS
