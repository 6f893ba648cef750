/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemLabelTemplateDialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-label-preview.h"
#include "tandem-label-template-dialog-private.h"
#include "tandem-labels-resources.h"
#include "tandem-store-labels.h"

/* The preview fills at most this many labels with the sample address */
#define MAX_SAMPLES 400

typedef enum
{
  PAPER_A4,
  PAPER_LETTER,
  PAPER_A5,
  PAPER_CUSTOM,
} Paper;

static const struct
{
  double width;
  double height;
} papers[] = {
  [PAPER_A4] = { 210, 297 },
  [PAPER_LETTER] = { 215.9, 279.4 },
  [PAPER_A5] = { 148, 210 },
};

struct _TandemLabelTemplateDialog
{
  AdwWindow            parent_instance;

  TandemStore         *store;
  TandemLabelTemplate *template;   /* what the fields say */
  TandemLabelSheet    *sheet;
  GPtrArray           *samples;
  char                *message;
  gboolean             filling;

  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  TandemLabelPreview  *preview;
  GtkLabel            *message_label;
  AdwEntryRow         *name_row;
  AdwComboRow         *paper_row;
  GtkWidget           *page_width_row;
  GtkSpinButton       *page_width_spin;
  GtkWidget           *page_height_row;
  GtkSpinButton       *page_height_spin;
  GtkSpinButton       *columns_spin;
  GtkSpinButton       *rows_spin;
  GtkSpinButton       *label_width_spin;
  GtkSpinButton       *label_height_spin;
  GtkSpinButton       *radius_spin;
  GtkSpinButton       *margin_top_spin;
  GtkSpinButton       *margin_left_spin;
  GtkSpinButton       *gap_x_spin;
  GtkSpinButton       *gap_y_spin;
};

G_DEFINE_FINAL_TYPE (TandemLabelTemplateDialog, tandem_label_template_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static Paper
paper_of (double width,
          double height)
{
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (fabs (papers[i].width - width) < 0.05 && fabs (papers[i].height - height) < 0.05)
      return i;
  return PAPER_CUSTOM;
}

static void
set_message (TandemLabelTemplateDialog *self,
             const char                *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* Reads the fields into the template and shows whether it makes a sheet */
static void
update (TandemLabelTemplateDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  Paper paper = adw_combo_row_get_selected (self->paper_row);
  TandemLabelTemplate *t = self->template;
  guint n;

  if (paper < PAPER_CUSTOM)
    {
      self->filling = TRUE;
      gtk_spin_button_set_value (self->page_width_spin, papers[paper].width);
      gtk_spin_button_set_value (self->page_height_spin, papers[paper].height);
      self->filling = FALSE;
    }
  gtk_widget_set_visible (self->page_width_row, paper == PAPER_CUSTOM);
  gtk_widget_set_visible (self->page_height_row, paper == PAPER_CUSTOM);

  tandem_label_template_set_name (t, name);
  tandem_label_template_set_page_size (t, gtk_spin_button_get_value (self->page_width_spin),
                                       gtk_spin_button_get_value (self->page_height_spin));
  tandem_label_template_set_grid (t, gtk_spin_button_get_value_as_int (self->columns_spin),
                                  gtk_spin_button_get_value_as_int (self->rows_spin));
  tandem_label_template_set_label_size (t, gtk_spin_button_get_value (self->label_width_spin),
                                        gtk_spin_button_get_value (self->label_height_spin));
  tandem_label_template_set_margins (t, gtk_spin_button_get_value (self->margin_top_spin),
                                     gtk_spin_button_get_value (self->margin_left_spin));
  tandem_label_template_set_gaps (t, gtk_spin_button_get_value (self->gap_x_spin),
                                  gtk_spin_button_get_value (self->gap_y_spin));
  tandem_label_template_set_corner_radius (t, gtk_spin_button_get_value (self->radius_spin));

  if (!tandem_label_template_validate (t, &error))
    set_message (self, error->message);
  else
    set_message (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.save", error == NULL);

  /* A sample address on each label shows how much room the text has. */
  n = MIN (tandem_label_template_get_labels_per_sheet (t), MAX_SAMPLES);
  while (self->samples->len < n)
    g_ptr_array_add (self->samples, g_ptr_array_index (self->samples, 0));
  g_ptr_array_set_size (self->samples, MAX (n, 1));
  tandem_label_preview_set_sheet (self->preview, self->sheet);
  tandem_label_preview_set_page (self->preview, 0, self->samples);
}

static void
fill (TandemLabelTemplateDialog *self)
{
  TandemLabelTemplate *t = self->template;
  double width = tandem_label_template_get_page_width (t);
  double height = tandem_label_template_get_page_height (t);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), tandem_label_template_get_name (t) ?: "");
  adw_combo_row_set_selected (self->paper_row, paper_of (width, height));
  gtk_spin_button_set_value (self->page_width_spin, width);
  gtk_spin_button_set_value (self->page_height_spin, height);
  gtk_spin_button_set_value (self->columns_spin, tandem_label_template_get_columns (t));
  gtk_spin_button_set_value (self->rows_spin, tandem_label_template_get_rows (t));
  gtk_spin_button_set_value (self->label_width_spin, tandem_label_template_get_label_width (t));
  gtk_spin_button_set_value (self->label_height_spin, tandem_label_template_get_label_height (t));
  gtk_spin_button_set_value (self->radius_spin, tandem_label_template_get_corner_radius (t));
  gtk_spin_button_set_value (self->margin_top_spin, tandem_label_template_get_margin_top (t));
  gtk_spin_button_set_value (self->margin_left_spin, tandem_label_template_get_margin_left (t));
  gtk_spin_button_set_value (self->gap_x_spin, tandem_label_template_get_gap_x (t));
  gtk_spin_button_set_value (self->gap_y_spin, tandem_label_template_get_gap_y (t));
  self->filling = FALSE;
  update (self);
}

/* Callbacks */

static void
on_changed_cb (TandemLabelTemplateDialog *self)
{
  if (!self->filling)
    update (self);
}

static void
on_name_activated_cb (TandemLabelTemplateDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "template.save", NULL);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemLabelTemplateDialog *self = TANDEM_LABEL_TEMPLATE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  update (self);
  if (self->message != NULL)
    return;
  id = tandem_store_save_label_template (self->store, self->template, &error);
  if (id == 0)
    {
      const char *name = tandem_label_template_get_name (self->template);

      /* Nothing is saved; the fields stay as typed. */
      set_message (self, error->message);
      if (name == NULL || *name == '\0')
        gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static void
tandem_label_template_dialog_dispose (GObject *object)
{
  TandemLabelTemplateDialog *self = TANDEM_LABEL_TEMPLATE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_LABEL_TEMPLATE_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->sheet);
  g_clear_object (&self->template);
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (tandem_label_template_dialog_parent_class)->dispose (object);
}

static void
tandem_label_template_dialog_class_init (TandemLabelTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_label_template_dialog_dispose;

  /**
   * TandemLabelTemplateDialog::saved:
   * @id: the custom template's id
   *
   * The template was saved; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  /* Links the template in, also from the static library. */
  (void) tandem_labels_get_resource ();
  g_type_ensure (TANDEM_TYPE_LABEL_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tandemcrm/Tandem/labels/tandem-label-template-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemLabelTemplateDialog, name)
  CHILD (window_title);
  CHILD (save_button);
  CHILD (preview);
  CHILD (message_label);
  CHILD (name_row);
  CHILD (paper_row);
  CHILD (page_width_row);
  CHILD (page_width_spin);
  CHILD (page_height_row);
  CHILD (page_height_spin);
  CHILD (columns_spin);
  CHILD (rows_spin);
  CHILD (label_width_spin);
  CHILD (label_height_spin);
  CHILD (radius_spin);
  CHILD (margin_top_spin);
  CHILD (margin_left_spin);
  CHILD (gap_x_spin);
  CHILD (gap_y_spin);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activated_cb);

  gtk_widget_class_install_action (widget_class, "template.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "template.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "template.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_label_template_dialog_init (TandemLabelTemplateDialog *self)
{
  TandemPostalAddress *sample = tandem_postal_address_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: the sample address on the labels of a sheet's preview */
  sample->name = g_strdup (_("Company Name"));
  sample->contact = g_strdup (_("Contact Person"));
  sample->street = g_strdup (_("Street Address 1"));
  sample->postcode = g_strdup ("00100");
  sample->city = g_strdup (_("City"));
  self->samples = g_ptr_array_new ();
  g_ptr_array_add (self->samples, sample);
  g_object_set_data_full (G_OBJECT (self), "tandem-sample-address", sample,
                          (GDestroyNotify) tandem_postal_address_free);

  g_signal_connect_object (self->paper_row, "notify::selected", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
tandem_label_template_dialog_new (GtkWindow           *parent,
                                  TandemStore         *store,
                                  TandemLabelTemplate *template)
{
  TandemLabelTemplateDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (template == NULL || TANDEM_IS_LABEL_TEMPLATE (template), NULL);

  self = g_object_new (TANDEM_TYPE_LABEL_TEMPLATE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (template != NULL)
    self->template = tandem_label_template_copy (template);
  else
    {
      /* A sheet like the most common one, to start from */
      self->template = tandem_label_template_new (NULL, 210, 297, 3, 7, 63.5, 38.1);
      tandem_label_template_set_margins (self->template, 15.15, 7.25);
      tandem_label_template_set_gaps (self->template, 2.54, 0);
      tandem_label_template_set_corner_radius (self->template, 1.8);
    }
  self->sheet = tandem_label_sheet_new (self->template);
  tandem_label_sheet_set_home_country (self->sheet, "FI");

  adw_window_title_set_title (self->window_title,
                              template != NULL ? _("Edit Label Sheet") : _("New Label Sheet"));
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  fill (self);
  return GTK_WIDGET (self);
}

GtkSpinButton *
tandem_label_template_dialog_get_spin (TandemLabelTemplateDialog *self,
                                       const char                *name)
{
  const struct
  {
    const char     *name;
    GtkSpinButton **spin;
  } spins[] = {
    { "page-width", &self->page_width_spin },
    { "page-height", &self->page_height_spin },
    { "columns", &self->columns_spin },
    { "rows", &self->rows_spin },
    { "label-width", &self->label_width_spin },
    { "label-height", &self->label_height_spin },
    { "radius", &self->radius_spin },
    { "margin-top", &self->margin_top_spin },
    { "margin-left", &self->margin_left_spin },
    { "gap-x", &self->gap_x_spin },
    { "gap-y", &self->gap_y_spin },
  };

  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    if (g_str_equal (spins[i].name, name))
      return *spins[i].spin;
  g_return_val_if_reached (NULL);
}

AdwEntryRow *
tandem_label_template_dialog_get_name_row (TandemLabelTemplateDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE_DIALOG (self), NULL);
  return self->name_row;
}

AdwComboRow *
tandem_label_template_dialog_get_paper_row (TandemLabelTemplateDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE_DIALOG (self), NULL);
  return self->paper_row;
}

const char *
tandem_label_template_dialog_get_message (TandemLabelTemplateDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE_DIALOG (self), NULL);
  return self->message;
}

GtkWidget *
tandem_label_template_dialog_get_preview (TandemLabelTemplateDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE_DIALOG (self), NULL);
  return GTK_WIDGET (self->preview);
}
