/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_TERM (tandem_term_get_type ())

/* An entry of one of the activity lists (SPEC D3, D9): a category, kind,
 * type, property, goal or priority. A shipped entry keeps its English name
 * as "builtin" and is shown translated until an administrator renames it. */
G_DECLARE_FINAL_TYPE (TandemTerm, tandem_term, TANDEM, TERM, GObject)

TandemTerm    *tandem_term_new              (TandemTermSet  set,
                                             const char    *name);
TandemTerm    *tandem_term_copy             (TandemTerm    *self);
gint64         tandem_term_get_id           (TandemTerm    *self);
void           tandem_term_set_id           (TandemTerm    *self,
                                             gint64         id);
TandemTermSet  tandem_term_get_set          (TandemTerm    *self);
/* The name to show: the administrator's name, else the translated builtin. */
const char    *tandem_term_get_name         (TandemTerm    *self);
/* Setting a name replaces the builtin's translation for everyone. */
void           tandem_term_set_name         (TandemTerm    *self,
                                             const char    *name);
/* The administrator's own name, or NULL for an untouched builtin. */
const char    *tandem_term_get_custom_name  (TandemTerm    *self);
const char    *tandem_term_get_builtin      (TandemTerm    *self);
int            tandem_term_get_position     (TandemTerm    *self);
void           tandem_term_set_position     (TandemTerm    *self,
                                             int            position);
/* Categories only */
gint64         tandem_term_get_kind_id      (TandemTerm    *self);
void           tandem_term_set_kind_id      (TandemTerm    *self,
                                             gint64         kind_id);
gint64         tandem_term_get_type_id      (TandemTerm    *self);
void           tandem_term_set_type_id      (TandemTerm    *self,
                                             gint64         type_id);
gboolean       tandem_term_get_allow_choice (TandemTerm    *self);
void           tandem_term_set_allow_choice (TandemTerm    *self,
                                             gboolean       allow_choice);
gboolean       tandem_term_get_sales_target (TandemTerm    *self);
void           tandem_term_set_sales_target (TandemTerm    *self,
                                             gboolean       sales_target);

/* Used by the store when it loads a term. */
void           tandem_term_set_loaded       (TandemTerm    *self,
                                             gint64         id,
                                             const char    *custom_name,
                                             const char    *builtin);

G_END_DECLS
