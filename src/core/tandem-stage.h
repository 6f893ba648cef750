/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_STAGE (tandem_stage_get_type ())

/* A sales stage (SPEC H1): lead, offer, … won, lost. A shipped stage keeps
 * its English name as "builtin" and is shown translated (context "sales
 * stage") until an administrator renames it. The outcome says whether a
 * sale at this stage is open, won or lost; the probability is the default
 * a sale takes when it moves here. */
G_DECLARE_FINAL_TYPE (TandemStage, tandem_stage, TANDEM, STAGE, GObject)

TandemStage     *tandem_stage_new                 (const char       *name,
                                                   int               probability,
                                                   TandemSaleState   outcome);
TandemStage     *tandem_stage_copy                (TandemStage      *self);
gint64           tandem_stage_get_id              (TandemStage      *self);
void             tandem_stage_set_id              (TandemStage      *self,
                                                   gint64            id);
const char      *tandem_stage_get_name            (TandemStage      *self);
void             tandem_stage_set_name            (TandemStage      *self,
                                                   const char       *name);
const char      *tandem_stage_get_custom_name     (TandemStage      *self);
const char      *tandem_stage_get_builtin         (TandemStage      *self);
int              tandem_stage_get_probability     (TandemStage      *self);
void             tandem_stage_set_probability     (TandemStage      *self,
                                                   int               probability);
TandemSaleState  tandem_stage_get_outcome         (TandemStage      *self);
void             tandem_stage_set_outcome         (TandemStage      *self,
                                                   TandemSaleState   outcome);
int              tandem_stage_get_position        (TandemStage      *self);
void             tandem_stage_set_position        (TandemStage      *self,
                                                   int               position);

/* Used by the store when it loads a stage. */
void             tandem_stage_set_loaded          (TandemStage      *self,
                                                   gint64            id,
                                                   const char       *custom_name,
                                                   const char       *builtin);

G_END_DECLS
