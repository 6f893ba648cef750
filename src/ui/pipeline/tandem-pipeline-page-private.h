/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-pipeline-column.h"
#include "tandem-pipeline-page.h"

G_BEGIN_DECLS

/* Parts of the board the UI tests look at. */
typedef enum
{
  TANDEM_PIPELINE_PERIOD_ANY     = 0,
  TANDEM_PIPELINE_PERIOD_MONTH   = 1,
  TANDEM_PIPELINE_PERIOD_QUARTER = 2,
  TANDEM_PIPELINE_PERIOD_YEAR    = 3,
} TandemPipelinePeriod;

guint                 tandem_pipeline_page_get_n_columns     (TandemPipelinePage *self);
TandemPipelineColumn *tandem_pipeline_page_get_column        (TandemPipelinePage *self,
                                                              guint               index);
TandemPipelineColumn *tandem_pipeline_page_find_column       (TandemPipelinePage *self,
                                                              gint64              stage_id);
TandemSaleCard       *tandem_pipeline_page_find_card         (TandemPipelinePage *self,
                                                              gint64              project_id);
GtkDropDown          *tandem_pipeline_page_get_seller_dropdown (TandemPipelinePage *self);
GtkDropDown          *tandem_pipeline_page_get_product_dropdown (TandemPipelinePage *self);
GtkDropDown          *tandem_pipeline_page_get_period_dropdown (TandemPipelinePage *self);
gboolean              tandem_pipeline_page_get_narrow        (TandemPipelinePage *self);
/* "board" or "empty" */
const char           *tandem_pipeline_page_get_visible_view  (TandemPipelinePage *self);
AdwToastOverlay      *tandem_pipeline_page_get_toast_overlay (TandemPipelinePage *self);

G_END_DECLS
