/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_RECORD (tandem_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (TandemRecord, tandem_record, TANDEM, RECORD, GObject)

/* The common part of companies, people and notes: an id, and the values of
 * the administrator-defined fields (SPEC B4, B5, C2), keyed by field id. */
struct _TandemRecordClass
{
  GObjectClass parent_class;

  TandemKind kind;

  /* The text shown as the record's title in lists. */
  const char * (*get_title) (TandemRecord *self);
};

/* A string property stored at a fixed offset in the instance struct, so
 * records with many plain text fields share one getter and setter. */
typedef struct
{
  const char *name;
  gsize       offset;
} TandemStringProperty;

TandemKind   tandem_record_get_kind         (TandemRecord *self);
gint64       tandem_record_get_id           (TandemRecord *self);
void         tandem_record_set_id           (TandemRecord *self,
                                             gint64        id);
const char  *tandem_record_get_title        (TandemRecord *self);
const char  *tandem_record_get_field_value  (TandemRecord *self,
                                             gint64        field_id);
void         tandem_record_set_field_value  (TandemRecord *self,
                                             gint64        field_id,
                                             const char   *value);
GList       *tandem_record_get_field_ids    (TandemRecord *self);
void         tandem_record_copy_into        (TandemRecord *self,
                                             TandemRecord *copy);

/* Helpers for subclasses with TandemStringProperty tables. */
void         tandem_record_install_strings  (GObjectClass               *klass,
                                             guint                       first_prop_id,
                                             const TandemStringProperty *props,
                                             guint                       n_props,
                                             GParamSpec                **pspecs);
void         tandem_record_string_set       (GObject                    *object,
                                             char                      **slot,
                                             const char                 *value,
                                             GParamSpec                 *pspec);

G_END_DECLS
