/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tandem-store.h"
#include "tandem-store-groups.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_LABEL_DIALOG (tandem_label_dialog_get_type ())

/* Print Labels (SPEC I4): the addresses of a campaign's target list, a
 * saved search, a group screen's filter or a selection on a sheet of
 * labels, with a live preview of the sheet; printed through the GTK print
 * dialog with the printer's offset, or exported as a PDF. "Do not
 * contact" is left out unless the user includes it.
 *
 * The main window opens it with the action win.print-labels, whose
 * parameter is a campaign's id ("x"). */
G_DECLARE_FINAL_TYPE (TandemLabelDialog, tandem_label_dialog, TANDEM, LABEL_DIALOG, AdwWindow)

/* Labels for whom @query names (exactly one source: a group filter, a
 * saved search, a campaign or a selection of contacts). The dialog keeps
 * its own copy of @query, so the caller's may go right after the call;
 * its include_do_not_contact is the switch's first state. @title says
 * whom the labels are for, under the dialog's title ("Fair visitors",
 * "5 selected contacts"); NULL for none. Present it with
 * gtk_window_present(). */
GtkWidget *tandem_label_dialog_new_for_query    (GtkWindow                  *parent,
                                                 TandemStore                *store,
                                                 const TandemRecipientQuery *query,
                                                 const char                 *title);
/* Labels for a campaign's target list, under the campaign's name; NULL
 * with @error set when there is no such campaign the user may see. */
GtkWidget *tandem_label_dialog_new_for_campaign (GtkWindow                  *parent,
                                                 TandemStore                *store,
                                                 gint64                      campaign_id,
                                                 GError                    **error);

G_END_DECLS
