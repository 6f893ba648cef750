/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-label-dialog.h"
#include "tandem-label-preview.h"

G_BEGIN_DECLS

/* The dialog's parts, for the UI tests that drive it as a person would */
TandemLabelPreview *tandem_label_dialog_get_preview      (TandemLabelDialog *self);
AdwActionRow       *tandem_label_dialog_get_count_row    (TandemLabelDialog *self);
AdwActionRow       *tandem_label_dialog_get_dnc_row      (TandemLabelDialog *self);
GtkSwitch          *tandem_label_dialog_get_dnc_switch   (TandemLabelDialog *self);
AdwComboRow        *tandem_label_dialog_get_template_row (TandemLabelDialog *self);
GtkSpinButton      *tandem_label_dialog_get_start_spin   (TandemLabelDialog *self);
/* The buttons of the start label's grid, in order */
GtkWidget          *tandem_label_dialog_get_start_button (TandemLabelDialog *self,
                                                          guint              position);
GtkSpinButton      *tandem_label_dialog_get_offset_spin  (TandemLabelDialog *self,
                                                          gboolean           vertical);
/* Chooses a sheet by its id, as the user would in the list */
gboolean            tandem_label_dialog_select_template  (TandemLabelDialog *self,
                                                          const char        *id);
guint               tandem_label_dialog_get_n_labels     (TandemLabelDialog *self);
guint               tandem_label_dialog_get_n_pages      (TandemLabelDialog *self);
/* The title of the last toast shown, and the last error message */
const char         *tandem_label_dialog_get_toast_title  (TandemLabelDialog *self);
const char         *tandem_label_dialog_get_error_text   (TandemLabelDialog *self);

/* What Export PDF… does once a file is chosen: writes the labels on a
 * worker thread with progress shown, then says so in a toast (or shows
 * the error). */
void                tandem_label_dialog_export_pdf       (TandemLabelDialog   *self,
                                                          GFile               *file,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean            tandem_label_dialog_export_pdf_finish (TandemLabelDialog  *self,
                                                           GAsyncResult       *result,
                                                           GError            **error);
/* What Print… and Print Test Sheet… send to the printer, written to a PDF
 * at @path through the same GtkPrintOperation instead */
gboolean            tandem_label_dialog_print_to_file    (TandemLabelDialog  *self,
                                                          gboolean            test_sheet,
                                                          const char         *path,
                                                          GError            **error);

G_END_DECLS
