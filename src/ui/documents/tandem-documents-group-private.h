/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-documents-group.h"

G_BEGIN_DECLS

/* Parts of the section the UI tests drive. */
GtkDropTarget *tandem_documents_group_get_drop_target (TandemDocumentsGroup *self);
/* The row of a shown document, or NULL */
AdwActionRow  *tandem_documents_group_get_row         (TandemDocumentsGroup *self,
                                                       gint64                document_id);

G_END_DECLS
