/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CARD (tandem_card_get_type ())

/* The part every record card shares: it edits a copy of the record and
 * saves it through the store. When the store reports that the record was
 * changed elsewhere, fields the user has not touched take the new values
 * and the user's own edits stay. */
G_DECLARE_DERIVABLE_TYPE (TandemCard, tandem_card, TANDEM, CARD, AdwBin)

struct _TandemCardClass
{
  AdwBinClass parent_class;

  TandemKind kind;

  TandemRecord * (*fetch)         (TandemCard    *self,
                                   gint64         id,
                                   GError       **error);
  gint64         (*save)          (TandemCard    *self,
                                   TandemRecord  *record,
                                   GError       **error);
  /* Shows the edited record in the widgets that are not simple entries. */
  void           (*sync)          (TandemCard    *self);
  /* Any change in the store, for lists shown on the card. */
  void           (*store_changed) (TandemCard    *self,
                                   TandemKind     kind,
                                   gint64         id);
};

TandemStore  *tandem_card_get_store      (TandemCard    *self);
TandemKind    tandem_card_get_kind       (TandemCard    *self);
gint64        tandem_card_get_id         (TandemCard    *self);
/* The copy being edited, or NULL when the card shows nothing. */
TandemRecord *tandem_card_get_record     (TandemCard    *self);
/* The title as saved. */
const char   *tandem_card_get_title      (TandemCard    *self);
gboolean      tandem_card_get_modified   (TandemCard    *self);
gboolean      tandem_card_load           (TandemCard    *self,
                                          gint64         id,
                                          GError       **error);
void          tandem_card_clear          (TandemCard    *self);
gboolean      tandem_card_save           (TandemCard    *self,
                                          GError       **error);

/* For subclasses. */
void          tandem_card_bind_entry     (TandemCard    *self,
                                          AdwEntryRow   *row,
                                          const char    *property);
void          tandem_card_set_modified   (TandemCard    *self);
gboolean      tandem_card_is_syncing     (TandemCard    *self);

G_END_DECLS
