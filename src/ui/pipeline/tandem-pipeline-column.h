/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-sale-card.h"
#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PIPELINE_COLUMN (tandem_pipeline_column_get_type ())

/* One open stage of the pipeline board (SPEC J1): a header with the
 * stage's name, the number of sales and their total and weighted value
 * (one line per currency), and the first sales by closing date, a page at
 * a time, with a row that shows more. A sale dropped on the column, or
 * chosen from a card's menu, goes through the actions of the page it is
 * in: "pipeline.open" (x), "pipeline.move" ((xx): sale, stage),
 * "pipeline.won" and "pipeline.lost" (x). */
G_DECLARE_FINAL_TYPE (TandemPipelineColumn, tandem_pipeline_column, TANDEM, PIPELINE_COLUMN, GtkBox)

/* How many sales a column shows at first, and how many more each time. */
#define TANDEM_PIPELINE_PAGE_SIZE 50
#define TANDEM_PIPELINE_MORE_SIZE 200

/* The sales a column shows beyond its stage; the strings are copied. */
typedef struct
{
  gint64      seller_id;
  gint64      product_id;
  const char *close_from;
  const char *close_to;
} TandemPipelineFilter;

GtkWidget      *tandem_pipeline_column_new          (TandemStore                *store,
                                                     TandemStage                *stage);
TandemStage    *tandem_pipeline_column_get_stage    (TandemPipelineColumn       *self);
gint64          tandem_pipeline_column_get_stage_id (TandemPipelineColumn       *self);
/* The open stages a card's "Move To" menu offers. */
void            tandem_pipeline_column_set_stages   (TandemPipelineColumn       *self,
                                                     GPtrArray                  *stages);
/* A new filter shows the first page again. */
void            tandem_pipeline_column_set_filter   (TandemPipelineColumn       *self,
                                                     const TandemPipelineFilter *filter);
/* Reads the sales again. @totals: the pipeline report by stage for the
 * same filter; NULL: the column counts its sales and shows no sums.
 * @today is "YYYY-MM-DD". */
gboolean        tandem_pipeline_column_reload       (TandemPipelineColumn       *self,
                                                     GPtrArray                  *totals,
                                                     const char                 *today,
                                                     GError                    **error);
/* All sales of the column, shown or not */
guint           tandem_pipeline_column_get_n_sales  (TandemPipelineColumn       *self);
guint           tandem_pipeline_column_get_n_shown  (TandemPipelineColumn       *self);
void            tandem_pipeline_column_show_more    (TandemPipelineColumn       *self);
/* The header's sums for @currency; FALSE when it shows none. */
gboolean        tandem_pipeline_column_get_total    (TandemPipelineColumn       *self,
                                                     const char                 *currency,
                                                     gint64                     *value,
                                                     gint64                     *weighted);
TandemSaleCard *tandem_pipeline_column_find_card    (TandemPipelineColumn       *self,
                                                     gint64                      project_id);
GtkListBox     *tandem_pipeline_column_get_list     (TandemPipelineColumn       *self);

G_END_DECLS
