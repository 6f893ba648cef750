/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-store.h"

G_BEGIN_DECLS

/* For the benchmark only (bench/tandem-bench.c), which builds a register
 * through the store API as if it had grown over time: the store stamps
 * every change with the current time, and how the pipeline developed
 * (SPEC J1) can only be measured over a history that spans months. Not
 * for the app. */

/* Gives sale @id, just saved at the last of @stage_ids and with one
 * history row, the history of a sale that went through @stage_ids in
 * turn, reaching each at the matching UTC time of @times
 * ("YYYY-MM-DDTHH:MM:SSZ", in order), with the stage's probability as a
 * move would give it (the last keeps the sale's own). Its creation follows
 * the first time and, when it is closed, its closing the last. */
gboolean        tandem_store_synthetic_set_sale_path (TandemStore        *self,
                                                      gint64              id,
                                                      const gint64       *stage_ids,
                                                      const char * const *times,
                                                      guint               n_steps,
                                                      GError            **error);

G_END_DECLS
