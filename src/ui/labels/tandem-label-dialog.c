/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemLabelDialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tandem-error.h"
#include "tandem-label-dialog-private.h"
#include "tandem-label-sheet.h"
#include "tandem-labels-resources.h"
#include "tandem-narrow-bin.h"
#include "tandem-store-campaigns.h"
#include "tandem-store-labels.h"

/* Sheets with more labels than this choose their start label with the
 * spin button only: a grid of them would not fit a popover. */
#define MAX_GRID_LABELS   120
/* How often the progress of an export is shown, in milliseconds */
#define PROGRESS_INTERVAL 100

/* Whom the labels are for: a copy of a TandemRecipientQuery that owns
 * what it points to, so that a worker thread can have one of its own. */
typedef struct
{
  gboolean           has_filter;
  TandemGroupFilter  filter;
  TandemSavedSearch *search;
  gint64             campaign_id;
  TandemContactRef  *refs;
  guint              n_refs;
} Recipients;

/* A print run: the sheet as printed (with the printer's offset and no
 * outlines), the addresses read page by page as GTK asks for them. */
typedef struct
{
  TandemLabelDialog     *self;        /* weak */
  TandemLabelSheet      *sheet;
  Recipients            *recipients;
  gboolean               include_do_not_contact;
  gboolean               test_sheet;
  guint                  n_labels;
  TandemRecipientCursor *cursor;
  guint                  read;        /* addresses the cursor has given */
} PrintJob;

/* A PDF written on a worker thread */
typedef struct
{
  TandemStore      *worker;
  Recipients       *recipients;
  gboolean          include_do_not_contact;
  TandemLabelSheet *sheet;
  char             *path;
  char             *display_name;
  guint             total;
  gint              written;           /* atomic */
  GCancellable     *cancellable;
  TandemRecipientCursor *cursor;
  guint             n_labels;
  guint             n_pages;
} ExportJob;

struct _TandemLabelDialog
{
  AdwWindow           parent_instance;

  TandemStore        *store;
  GSettings          *settings;
  Recipients         *recipients;

  GListStore         *templates;
  TandemLabelSheet   *sheet;          /* the preview's */
  char               *home_country;
  guint               n_labels;
  guint               n_left_out;
  char               *count_error;
  guint               page;
  guint               n_pages;
  guint               refresh_id;
  gboolean            recount;
  gboolean            filling;
  GtkPrintSettings   *print_settings;

  GTask              *export_task;
  ExportJob          *export_job;     /* owned by the task */
  guint               progress_id;
  char               *toast_title;
  char               *error_text;

  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkWidget          *export_button;
  GtkWidget          *print_button;
  GtkRevealer        *progress_revealer;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  TandemNarrowBin    *narrow_bin;
  GtkBox             *content_box;
  GtkWidget          *preview_box;
  TandemLabelPreview *preview;
  GtkLabel           *page_label;
  GtkWidget          *settings_scroll;
  GtkBox             *settings_box;
  AdwActionRow       *count_row;
  AdwActionRow       *dnc_row;
  GtkSwitch          *dnc_switch;
  AdwComboRow        *template_row;
  GtkSpinButton      *start_spin;
  GtkWidget          *start_menu_button;
  GtkPopover         *start_popover;
  GtkGrid            *start_grid;
  GtkSpinButton      *offset_x_spin;
  GtkSpinButton      *offset_y_spin;
};

G_DEFINE_FINAL_TYPE (TandemLabelDialog, tandem_label_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void queue_refresh (TandemLabelDialog *self,
                           gboolean           recount);

/* Recipients */

static Recipients *
recipients_new (const TandemRecipientQuery *query)
{
  Recipients *r = g_new0 (Recipients, 1);

  if (query->groups != NULL)
    {
      r->has_filter = TRUE;
      r->filter = *query->groups;
      r->filter.include = g_memdup2 (query->groups->include, sizeof (gint64) * query->groups->n_include);
      r->filter.exclude = g_memdup2 (query->groups->exclude, sizeof (gint64) * query->groups->n_exclude);
      r->filter.text = g_strdup (query->groups->text);
    }
  if (query->search != NULL)
    r->search = tandem_saved_search_copy (query->search);
  r->campaign_id = query->campaign_id;
  r->refs = g_memdup2 (query->refs, sizeof (TandemContactRef) * query->n_refs);
  r->n_refs = query->n_refs;
  return r;
}

static void
recipients_get_query (Recipients           *r,
                      gboolean              include_do_not_contact,
                      TandemRecipientQuery *query)
{
  *query = (TandemRecipientQuery) {
    .groups = r->has_filter ? &r->filter : NULL,
    .search = r->search,
    .campaign_id = r->campaign_id,
    .refs = r->refs,
    .n_refs = r->n_refs,
    .include_do_not_contact = include_do_not_contact,
  };
}

static Recipients *
recipients_copy (Recipients *r)
{
  TandemRecipientQuery query;

  recipients_get_query (r, FALSE, &query);
  return recipients_new (&query);
}

static void
recipients_free (Recipients *r)
{
  if (r == NULL)
    return;
  g_free ((gint64 *) r->filter.include);
  g_free ((gint64 *) r->filter.exclude);
  g_free ((char *) r->filter.text);
  g_clear_object (&r->search);
  g_free (r->refs);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recipients, recipients_free)

/* Reads the addresses of page @page of @n_labels into a new array, from
 * @cursor that has given @read addresses so far. */
static GPtrArray *
read_page (TandemLabelSheet       *sheet,
           TandemRecipientCursor  *cursor,
           guint                  *read,
           guint                   page,
           guint                   n_labels,
           GError                **error)
{
  g_autoptr(GPtrArray) addresses = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_postal_address_free);
  guint first, n_on_page;

  tandem_label_sheet_get_page_range (sheet, page, n_labels, &first, &n_on_page);
  if (*read > first)
    {
      tandem_recipient_cursor_rewind (cursor);
      *read = 0;
    }
  while (*read < first + n_on_page)
    {
      TandemPostalAddress *address = tandem_recipient_cursor_next (cursor, error);

      if (address == NULL)
        {
          if (error != NULL && *error != NULL)
            return NULL;
          break;
        }
      (*read)++;
      if (*read > first)
        g_ptr_array_add (addresses, address);
      else
        tandem_postal_address_free (address);
    }
  return g_steal_pointer (&addresses);
}

/* Helpers */

static gboolean
include_do_not_contact (TandemLabelDialog *self)
{
  return gtk_switch_get_active (self->dnc_switch);
}

static TandemLabelTemplate *
selected_template (TandemLabelDialog *self)
{
  return adw_combo_row_get_selected_item (self->template_row);
}

static void
set_toast (TandemLabelDialog *self,
           const char        *title,
           const char        *button,
           const char        *action,
           GVariant          *target)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  g_free (self->toast_title);
  self->toast_title = g_strdup (title);
  if (button != NULL)
    {
      adw_toast_set_button_label (toast, button);
      adw_toast_set_action_name (toast, action);
      adw_toast_set_action_target_value (toast, target);
    }
  else if (target != NULL)
    g_variant_unref (g_variant_ref_sink (target));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* An error the user has to read: a dialog, not a toast that goes by. */
static void
show_error (TandemLabelDialog *self,
            const char        *heading,
            const char        *text)
{
  GtkWidget *dialog;

  g_free (self->error_text);
  self->error_text = g_strdup (text);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, text);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A length for people, to a tenth of a millimetre: "63.5", "70" */
static char *
format_mm (double mm)
{
  return g_strdup_printf ("%g", round (mm * 10) / 10);
}

static char *
template_display_name (TandemLabelTemplate *template)
{
  g_autofree char *width = NULL;
  g_autofree char *height = NULL;

  if (template == NULL)
    return g_strdup ("");
  if (tandem_label_template_is_builtin (template))
    return g_strdup (tandem_label_template_get_name (template));

  width = format_mm (tandem_label_template_get_label_width (template));
  height = format_mm (tandem_label_template_get_label_height (template));
  /* Translators: a custom label sheet in a list: its name, labels across
   * and down, and their size, e.g. "Shop labels: 3 × 8 labels, 70 × 37 mm" */
  return g_strdup_printf (_("%s: %u × %u labels, %s × %s mm"), tandem_label_template_get_name (template),
                          tandem_label_template_get_columns (template), tandem_label_template_get_rows (template),
                          width, height);
}

static GtkPageSetup *
page_setup_for (TandemLabelTemplate *template)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  double width = tandem_label_template_get_page_width (template);
  double height = tandem_label_template_get_page_height (template);
  GtkPaperSize *paper;

  if (fabs (width - 210) < 0.5 && fabs (height - 297) < 0.5)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  else if (fabs (width - 215.9) < 0.5 && fabs (height - 279.4) < 0.5)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  else if (fabs (width - 148) < 0.5 && fabs (height - 210) < 0.5)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_A5);
  else if (fabs (width - 215.9) < 0.5 && fabs (height - 355.6) < 0.5)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_LEGAL);
  else
    paper = gtk_paper_size_new_custom ("tandem-label-sheet", tandem_label_template_get_name (template),
                                       width, height, GTK_UNIT_MM);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_MM);
  gtk_paper_size_free (paper);
  return setup;
}

/* A sheet as it goes to the printer or into a PDF */
static TandemLabelSheet *
new_output_sheet (TandemLabelDialog *self,
                  gboolean           with_offset)
{
  g_autoptr(TandemLabelTemplate) template = tandem_label_template_copy (selected_template (self));
  TandemLabelSheet *sheet = tandem_label_sheet_new (template);

  tandem_label_sheet_set_start_at (sheet, tandem_label_sheet_get_start_at (self->sheet), NULL);
  tandem_label_sheet_set_home_country (sheet, self->home_country);
  if (with_offset)
    tandem_label_sheet_set_offset (sheet, gtk_spin_button_get_value (self->offset_x_spin),
                                   gtk_spin_button_get_value (self->offset_y_spin));
  return sheet;
}

/* The test sheet: each label's outline where the printer puts it, a
 * cross on its top-left corner and its number, so that laid on a sheet of
 * labels against the light it shows how far off the printer is. */
static void
draw_test_sheet (TandemLabelSheet *sheet,
                 cairo_t          *cr)
{
  TandemLabelTemplate *template = tandem_label_sheet_get_template (sheet);
  g_autoptr(GObject) context = G_OBJECT (pango_cairo_create_context (cr));
  g_autoptr(PangoLayout) layout = NULL;
  cairo_font_options_t *options = cairo_font_options_create ();
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  g_autofree char *x_text = NULL;
  g_autofree char *y_text = NULL;
  g_autofree char *caption = NULL;
  double offset_x, offset_y;
  guint n = tandem_label_template_get_labels_per_sheet (template);

  /* Unhinted, so that the text is set alike at any scale */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (PANGO_CONTEXT (context), options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (PANGO_CONTEXT (context), FALSE);
  layout = pango_layout_new (PANGO_CONTEXT (context));

  tandem_label_sheet_get_offset (sheet, &offset_x, &offset_y);
  x_text = g_strdup_printf ("%.1f", offset_x);
  y_text = g_strdup_printf ("%.1f", offset_y);

  cairo_save (cr);
  cairo_translate (cr, offset_x, offset_y);
  cairo_set_line_width (cr, 0.2);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      double x, y, w, h, cross = 4;
      int text_w, text_h;

      tandem_label_sheet_get_label_rect (sheet, i, &x, &y, &w, &h);
      cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
      cairo_rectangle (cr, x, y, w, h);
      cairo_stroke (cr);

      cross = MIN (cross, MIN (w, h) / 3);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, x - cross, y);
      cairo_line_to (cr, x + cross, y);
      cairo_move_to (cr, x, y - cross);
      cairo_line_to (cr, x, y + cross);
      cairo_stroke (cr);

      pango_font_description_set_absolute_size (font, MIN (h / 4, 5.0) * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, number, -1);
      pango_layout_get_size (layout, &text_w, &text_h);
      cairo_move_to (cr, x + (w - text_w / (double) PANGO_SCALE) / 2, y + (h - text_h / (double) PANGO_SCALE) / 2);
      pango_cairo_show_layout (cr, layout);

      if (i == 0)
        {
          /* Translators: printed in the first label of a printer test
           * sheet; %s are millimetres, e.g. "0.5" and "-1.0" */
          caption = g_strdup_printf (_("Test sheet. Offset %s mm right, %s mm down."), x_text, y_text);
          pango_font_description_set_absolute_size (font, MIN (h / 10, 2.5) * PANGO_SCALE);
          pango_layout_set_font_description (layout, font);
          pango_layout_set_width (layout, (int) ((w - 4) * PANGO_SCALE));
          pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
          pango_layout_set_text (layout, caption, -1);
          pango_layout_get_size (layout, &text_w, &text_h);
          cairo_move_to (cr, x + 2, y + h - 1.5 - text_h / (double) PANGO_SCALE);
          pango_cairo_show_layout (cr, layout);
          pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
        }
    }
  cairo_restore (cr);
}

/* Showing what will be printed */

static void
update_count_rows (TandemLabelDialog *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *dnc = NULL;
  gboolean can_print = self->count_error == NULL && self->n_labels > 0 && selected_template (self) != NULL;

  if (self->count_error != NULL)
    {
      title = g_strdup (_("No labels to print"));
      subtitle = g_strdup (self->count_error);
    }
  else if (self->n_labels == 0)
    {
      title = g_strdup (_("No labels to print"));
      subtitle = g_strdup (self->n_left_out > 0 && !include_do_not_contact (self)
                           ? _("Everyone on the list is in Do not contact")
                           : _("Nobody you may see is on the list"));
    }
  else
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u label", "%u labels", self->n_labels),
                               self->n_labels);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sheet", "%u sheets", self->n_pages),
                                  self->n_pages);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->count_row), title);
  adw_action_row_set_subtitle (self->count_row, subtitle);

  if (self->n_left_out == 0)
    dnc = g_strdup (_("Nobody on the list is in Do not contact"));
  else if (include_do_not_contact (self))
    dnc = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u contact in Do not contact is included",
                                        "%u contacts in Do not contact are included",
                                        self->n_left_out),
                           self->n_left_out);
  else
    dnc = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u contact in Do not contact is left out",
                                        "%u contacts in Do not contact are left out",
                                        self->n_left_out),
                           self->n_left_out);
  adw_action_row_set_subtitle (self->dnc_row, dnc);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "labels.print", can_print);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "labels.export-pdf", can_print && self->export_task == NULL);
}

static void
update_pager (TandemLabelDialog *self)
{
  g_autofree char *text = NULL;
  guint shown = MAX (self->n_pages, 1);

  /* Translators: under the preview of a label sheet, e.g. "Sheet 1 of 3" */
  text = g_strdup_printf (_("Sheet %u of %u"), self->page + 1, shown);
  gtk_label_set_text (self->page_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "labels.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "labels.next-page", self->page + 1 < self->n_pages);
}

static void
count (TandemLabelDialog *self)
{
  g_autoptr(GError) error = NULL;
  TandemRecipientQuery query;
  guint left_out = 0;

  g_clear_pointer (&self->count_error, g_free);
  recipients_get_query (self->recipients, FALSE, &query);
  self->n_labels = tandem_store_count_recipients (self->store, &query, &left_out, &error);
  if (error == NULL && include_do_not_contact (self))
    {
      query.include_do_not_contact = TRUE;
      self->n_labels = tandem_store_count_recipients (self->store, &query, NULL, &error);
    }
  if (error != NULL)
    {
      self->count_error = g_strdup (error->message);
      self->n_labels = 0;
      left_out = 0;
    }
  self->n_left_out = left_out;
}

/* The preview's page, read again */
static void
load_page (TandemLabelDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) addresses = NULL;
  g_autoptr(TandemRecipientCursor) cursor = NULL;
  TandemRecipientQuery query;
  guint read = 0;

  if (self->n_labels > 0)
    {
      recipients_get_query (self->recipients, include_do_not_contact (self), &query);
      cursor = tandem_store_open_recipients (self->store, &query, &error);
      if (cursor != NULL)
        addresses = read_page (self->sheet, cursor, &read, self->page, self->n_labels, &error);
      if (error != NULL)
        {
          g_free (self->count_error);
          self->count_error = g_strdup (error->message);
        }
    }
  tandem_label_preview_set_page (self->preview, self->page, addresses);
}

static void
rebuild_start_grid (TandemLabelDialog *self)
{
  TandemLabelTemplate *template = selected_template (self);
  guint columns = template ? tandem_label_template_get_columns (template) : 0;
  guint n = template ? tandem_label_template_get_labels_per_sheet (template) : 0;
  guint start = tandem_label_sheet_get_start_at (self->sheet);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->start_grid))) != NULL)
    gtk_grid_remove (self->start_grid, child);

  gtk_widget_set_visible (self->start_menu_button, n > 0 && n <= MAX_GRID_LABELS);
  if (n == 0 || n > MAX_GRID_LABELS)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = NULL;
      GtkWidget *button = gtk_button_new_with_label (number);

      gtk_widget_add_css_class (button, "numeric");
      if (i + 1 == start)
        gtk_widget_add_css_class (button, "suggested-action");
      else if (i + 1 < start)
        gtk_widget_add_css_class (button, "dim-label");
      else
        gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "labels.start-at");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i + 1);
      /* Translators: a button in the grid of a label sheet's labels */
      name = g_strdup_printf (_("Start at label %u"), i + 1);
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_grid_attach (self->start_grid, button, i % columns, i / columns, 1, 1);
    }
}

/* Makes the preview's sheet follow the chosen template and start label */
static void
update_sheet (TandemLabelDialog *self)
{
  TandemLabelTemplate *template = selected_template (self);
  guint per_sheet, start;

  if (template == NULL)
    return;
  per_sheet = tandem_label_template_get_labels_per_sheet (template);
  start = CLAMP ((guint) gtk_spin_button_get_value_as_int (self->start_spin), 1, MAX (per_sheet, 1));

  if (self->sheet == NULL || tandem_label_sheet_get_template (self->sheet) != template)
    {
      g_clear_object (&self->sheet);
      self->sheet = tandem_label_sheet_new (template);
    }
  tandem_label_sheet_set_start_at (self->sheet, start, NULL);
  tandem_label_sheet_set_home_country (self->sheet, self->home_country);

  self->filling = TRUE;
  gtk_spin_button_set_range (self->start_spin, 1, MAX (per_sheet, 1));
  gtk_spin_button_set_value (self->start_spin, start);
  self->filling = FALSE;

  tandem_label_preview_set_sheet (self->preview, self->sheet);
  rebuild_start_grid (self);
}

static void
refresh (TandemLabelDialog *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* Not until it knows whom the labels are for */
  if (self->recipients == NULL)
    return;

  update_sheet (self);
  if (self->recount)
    count (self);
  self->recount = FALSE;
  self->n_pages = self->sheet ? tandem_label_sheet_count_pages (self->sheet, self->n_labels) : 0;
  self->page = MIN (self->page, MAX (self->n_pages, 1) - 1);
  if (self->sheet != NULL)
    load_page (self);
  update_count_rows (self);
  update_pager (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  TandemLabelDialog *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (TandemLabelDialog *self,
               gboolean           recount)
{
  self->recount |= recount;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static void
load_templates (TandemLabelDialog *self)
{
  g_autoptr(GPtrArray) builtin = tandem_label_template_list_builtin ();
  g_autoptr(GPtrArray) custom = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wanted = NULL;
  TandemLabelTemplate *selected = selected_template (self);
  guint position = GTK_INVALID_LIST_POSITION;
  guint n;

  if (selected != NULL)
    wanted = g_strdup (tandem_label_template_get_id (selected));
  else if (self->settings != NULL)
    wanted = g_settings_get_string (self->settings, "last-label-template");

  custom = tandem_store_list_label_templates (self->store, &error);
  if (custom == NULL)
    {
      g_warning ("Could not read the custom label sheets: %s", error->message);
      custom = g_ptr_array_new ();
    }

  self->filling = TRUE;
  g_list_store_remove_all (self->templates);
  g_list_store_splice (self->templates, 0, 0, builtin->pdata, builtin->len);
  g_list_store_splice (self->templates, builtin->len, 0, custom->pdata, custom->len);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->templates));
  for (guint i = 0; i < n && position == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(TandemLabelTemplate) template = g_list_model_get_item (G_LIST_MODEL (self->templates), i);

      if (g_strcmp0 (tandem_label_template_get_id (template), wanted) == 0)
        position = i;
    }
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* Where Letter is the usual paper, a Letter sheet comes first. */
      g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);
      gboolean letter = g_str_equal (gtk_paper_size_get_name (paper), GTK_PAPER_NAME_LETTER);

      position = 0;
      for (guint i = 0; letter && i < builtin->len; i++)
        if (g_str_has_prefix (tandem_label_template_get_id (g_ptr_array_index (builtin, i)), "letter"))
          {
            position = i;
            break;
          }
    }
  adw_combo_row_set_selected (self->template_row, position);
  self->filling = FALSE;
}

static void
load_home_country (TandemLabelDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_free (self->home_country);
  self->home_country = tandem_store_get_home_country (self->store, &error);
  if (self->home_country == NULL)
    g_warning ("Could not read the home country: %s", error->message);
}

static void
set_narrow (TandemLabelDialog *self,
            gboolean           narrow)
{
  GtkWidget *parent = gtk_widget_get_parent (self->preview_box);

  /* Narrow, the preview goes on top of the settings and scrolls with
   * them; wide, it takes the room beside them. */
  g_object_ref (self->preview_box);
  if (narrow && parent != GTK_WIDGET (self->settings_box))
    {
      gtk_box_remove (GTK_BOX (parent), self->preview_box);
      gtk_box_prepend (self->settings_box, self->preview_box);
      gtk_widget_set_size_request (GTK_WIDGET (self->preview), -1, 400);
      gtk_widget_set_hexpand (self->settings_scroll, TRUE);
      gtk_widget_set_size_request (self->settings_scroll, -1, -1);
      gtk_widget_add_css_class (self->preview_box, "card");
    }
  else if (!narrow && parent != GTK_WIDGET (self->content_box))
    {
      gtk_box_remove (GTK_BOX (parent), self->preview_box);
      gtk_box_prepend (self->content_box, self->preview_box);
      gtk_widget_set_size_request (GTK_WIDGET (self->preview), -1, -1);
      gtk_widget_set_hexpand (self->settings_scroll, FALSE);
      gtk_widget_set_size_request (self->settings_scroll, 420, -1);
      gtk_widget_remove_css_class (self->preview_box, "card");
    }
  g_object_unref (self->preview_box);

  /* The header bar keeps room for the title. */
  if (narrow)
    {
      gtk_button_set_icon_name (GTK_BUTTON (self->export_button), "document-save-as-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->export_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Export PDF"), -1);
    }
  else
    {
      gtk_button_set_label (GTK_BUTTON (self->export_button), _("_Export PDF…"));
      gtk_button_set_use_underline (GTK_BUTTON (self->export_button), TRUE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->export_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

/* Callbacks */

static void
on_store_changed_cb (TandemLabelDialog *self)
{
  load_templates (self);
  load_home_country (self);
  queue_refresh (self, TRUE);
}

static void
on_narrow_changed_cb (TandemLabelDialog *self)
{
  set_narrow (self, tandem_narrow_bin_get_narrow (self->narrow_bin));
}

static void
on_template_selected_cb (TandemLabelDialog *self)
{
  TandemLabelTemplate *template = selected_template (self);

  if (template == NULL)
    return;
  if (!self->filling)
    {
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-label-template", tandem_label_template_get_id (template));
      self->page = 0;
    }
  refresh (self);
}

static void
on_start_changed_cb (TandemLabelDialog *self)
{
  if (self->filling)
    return;
  self->page = 0;
  refresh (self);
}

static void
on_dnc_changed_cb (TandemLabelDialog *self)
{
  self->recount = TRUE;
  refresh (self);
}

static void
on_preview_label_activated_cb (TandemLabelDialog *self,
                               guint              position)
{
  gtk_spin_button_set_value (self->start_spin, position + 1);
}

static void
on_print_begin_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  g_autoptr(GError) error = NULL;
  TandemRecipientQuery query;
  guint n_pages = 1;

  if (!job->test_sheet && job->self != NULL)
    {
      recipients_get_query (job->recipients, job->include_do_not_contact, &query);
      job->cursor = tandem_store_open_recipients (job->self->store, &query, &error);
      n_pages = tandem_label_sheet_count_pages (job->sheet, job->n_labels);
      if (job->cursor == NULL)
        {
          g_warning ("Could not read the addresses to print: %s", error->message);
          gtk_print_operation_cancel (operation);
        }
    }
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_print_draw_page_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page,
                       PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(GPtrArray) addresses = NULL;
  g_autoptr(GError) error = NULL;

  if (job->test_sheet)
    {
      draw_test_sheet (job->sheet, cr);
      return;
    }
  if (job->cursor == NULL)
    return;
  addresses = read_page (job->sheet, job->cursor, &job->read, page, job->n_labels, &error);
  if (addresses == NULL)
    {
      g_warning ("Could not read the addresses of page %d: %s", page + 1, error->message);
      return;
    }
  tandem_label_sheet_draw_page (job->sheet, cr, page, (TandemPostalAddress * const *) addresses->pdata,
                                addresses->len);
}

/* Labels leaving, in the audit trail: a campaign's, or a list's */
static gboolean
audit_labels (TandemLabelDialog  *self,
              Recipients         *recipients,
              GError            **error)
{
  return tandem_store_audit_export (self->store, recipients->campaign_id != 0 ? TANDEM_KIND_CAMPAIGN : 0,
                                    recipients->campaign_id, "labels", error);
}

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_weak_pointer (&job->self);
  g_clear_object (&job->sheet);
  g_clear_pointer (&job->recipients, recipients_free);
  g_clear_pointer (&job->cursor, tandem_recipient_cursor_free);
  g_free (job);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  PrintJob                *job)
{
  TandemLabelDialog *self = job->self;

  g_clear_pointer (&job->cursor, tandem_recipient_cursor_free);
  if (self == NULL)
    return;
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
      if (!job->test_sheet)
        {
          g_autoptr(GError) error = NULL;

          g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "%u label sent to the printer",
                                                                 "%u labels sent to the printer",
                                                                 job->n_labels),
                                                    job->n_labels);

          if (!audit_labels (self, job->recipients, &error))
            g_warning ("The printed labels are not in the audit trail: %s", error->message);
          set_toast (self, title, NULL, NULL, NULL);
        }
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("Could Not Print"), error ? error->message : _("The printer reported an error"));
    }
}

static GtkPrintOperation *
new_print_operation (TandemLabelDialog *self,
                     gboolean           test_sheet)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup_for (selected_template (self));
  g_autoptr(GtkPrintSettings) settings = NULL;
  PrintJob *job = g_new0 (PrintJob, 1);

  g_set_weak_pointer (&job->self, self);
  job->sheet = new_output_sheet (self, TRUE);
  job->test_sheet = test_sheet;
  job->recipients = recipients_copy (self->recipients);
  job->include_do_not_contact = include_do_not_contact (self);
  job->n_labels = self->n_labels;

  gtk_print_operation_set_job_name (operation, test_sheet ? _("Label printer test sheet") : _("Address labels"));
  /* Positions are absolute on the sheet, in millimetres from its corner */
  gtk_print_operation_set_unit (operation, GTK_UNIT_MM);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  settings = self->print_settings ? gtk_print_settings_copy (self->print_settings) : gtk_print_settings_new ();
  gtk_print_settings_set_paper_size (settings, gtk_page_setup_get_paper_size (setup));
  gtk_print_settings_set_orientation (settings, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_settings_set_scale (settings, 100);
  gtk_print_operation_set_print_settings (operation, settings);

  g_object_set_data_full (G_OBJECT (operation), "tandem-print-job", job, print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_print_begin_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_print_draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), job);
  return operation;
}

static void
run_print (TandemLabelDialog *self,
           gboolean           test_sheet)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (selected_template (self) == NULL)
    return;
  operation = new_print_operation (self, test_sheet);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Could Not Print"), error->message);
}

/* Exporting */

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->worker);
  g_clear_pointer (&job->recipients, recipients_free);
  g_clear_object (&job->sheet);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->cursor, tandem_recipient_cursor_free);
  g_free (job->path);
  g_free (job->display_name);
  g_free (job);
}

static TandemPostalAddress *
export_next (gpointer   data,
             GError   **error)
{
  ExportJob *job = data;
  TandemPostalAddress *address;

  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return NULL;
  address = tandem_recipient_cursor_next (job->cursor, error);
  if (address != NULL)
    g_atomic_int_inc (&job->written);
  return address;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  TandemRecipientQuery query;

  recipients_get_query (job->recipients, job->include_do_not_contact, &query);
  job->cursor = tandem_store_open_recipients (job->worker, &query, &error);
  if (job->cursor == NULL ||
      !tandem_label_sheet_write_pdf (job->sheet, job->path, export_next, job, &job->n_labels, &job->n_pages,
                                     &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
on_export_progress_cb (gpointer data)
{
  TandemLabelDialog *self = data;
  g_autofree char *text = NULL;
  guint written;

  if (self->export_job == NULL)
    return G_SOURCE_CONTINUE;
  written = (guint) g_atomic_int_get (&self->export_job->written);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 self->export_job->total > 0 ? MIN (1.0, written / (double) self->export_job->total)
                                                             : 0);
  /* Translators: while a PDF of labels is written, e.g. "Writing labels:
   * 1200 of 10000" */
  text = g_strdup_printf (_("Writing labels: %u of %u"), written, self->export_job->total);
  gtk_label_set_text (self->progress_label, text);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  return G_SOURCE_CONTINUE;
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(GTask) outer = data;
  TandemLabelDialog *self = g_task_get_source_object (outer);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* A window closed meanwhile has nothing to show it in. */
  if (self->toast_overlay == NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("The window was closed"));
      return;
    }
  g_clear_object (&self->export_task);
  self->export_job = NULL;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  update_count_rows (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Export the Labels"), error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  else
    {
      g_autofree char *labels = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u label", "%u labels",
                                                              job->n_labels),
                                                 job->n_labels);
      g_autofree char *title = NULL;
      g_autofree char *uri = g_filename_to_uri (job->path, NULL, NULL);

      /* Translators: a toast after the labels were exported; the first
       * %s is e.g. "42 labels", the second the file's name */
      title = g_strdup_printf (_("%s saved as “%s”"), labels, job->display_name);
      set_toast (self, title, uri ? _("_Open") : NULL, "labels.open-file", uri ? g_variant_new_string (uri) : NULL);
    }
  g_task_return_boolean (outer, TRUE);
}

static void
on_export_response_cb (GtkNativeDialog   *chooser,
                       int                response,
                       TandemLabelDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        tandem_label_dialog_export_pdf (self, file, NULL, NULL);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Actions */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  run_print (TANDEM_LABEL_DIALOG (widget), FALSE);
}

static void
print_test_sheet_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  run_print (TANDEM_LABEL_DIALOG (widget), TRUE);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemLabelDialog *self = TANDEM_LABEL_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *title = adw_window_title_get_subtitle (self->window_title);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Labels as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  if (title != NULL && *title != '\0')
    {
      g_autofree char *clean = g_strdelimit (g_strdup (title), "/\\:*?\"<>|", '-');

      /* Translators: the suggested file name of exported labels; %s is
       * whom they are for, e.g. "Spring mailing labels.pdf" */
      name = g_strdup_printf (_("%s labels.pdf"), clean);
    }
  else
    /* Translators: the suggested file name of exported labels */
    name = g_strdup (_("Labels.pdf"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  /* GtkFileLauncher is newer than GTK 4.8. */
  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), NULL, NULL, NULL, NULL);
}

static void
start_at_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TandemLabelDialog *self = TANDEM_LABEL_DIALOG (widget);

  gtk_spin_button_set_value (self->start_spin, g_variant_get_uint32 (parameter));
  gtk_popover_popdown (self->start_popover);
}

static void
change_page (TandemLabelDialog *self,
             int                delta)
{
  if ((delta < 0 && self->page == 0) || (delta > 0 && self->page + 1 >= self->n_pages))
    return;
  self->page += delta;
  refresh (self);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  change_page (TANDEM_LABEL_DIALOG (widget), -1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  change_page (TANDEM_LABEL_DIALOG (widget), 1);
}

/* Overrides */

static void
tandem_label_dialog_constructed (GObject *object)
{
  TandemLabelDialog *self = TANDEM_LABEL_DIALOG (object);

  G_OBJECT_CLASS (tandem_label_dialog_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  load_home_country (self);
  load_templates (self);
}

static void
tandem_label_dialog_dispose (GObject *object)
{
  TandemLabelDialog *self = TANDEM_LABEL_DIALOG (object);

  /* A PDF still being written is abandoned: its partial file goes and
   * nothing at its path changes. */
  if (self->export_job != NULL)
    g_cancellable_cancel (self->export_job->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_LABEL_DIALOG);

  G_OBJECT_CLASS (tandem_label_dialog_parent_class)->dispose (object);
}

static void
tandem_label_dialog_finalize (GObject *object)
{
  TandemLabelDialog *self = TANDEM_LABEL_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->templates);
  g_clear_object (&self->sheet);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->export_task);
  g_clear_pointer (&self->recipients, recipients_free);
  g_free (self->home_country);
  g_free (self->count_error);
  g_free (self->toast_title);
  g_free (self->error_text);

  G_OBJECT_CLASS (tandem_label_dialog_parent_class)->finalize (object);
}

static void
tandem_label_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TandemLabelDialog *self = TANDEM_LABEL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_label_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TandemLabelDialog *self = TANDEM_LABEL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_label_dialog_class_init (TandemLabelDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_label_dialog_constructed;
  object_class->dispose = tandem_label_dialog_dispose;
  object_class->finalize = tandem_label_dialog_finalize;
  object_class->get_property = tandem_label_dialog_get_property;
  object_class->set_property = tandem_label_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Links the template in, also from the static library. */
  (void) tandem_labels_get_resource ();
  g_type_ensure (TANDEM_TYPE_LABEL_PREVIEW);
  g_type_ensure (TANDEM_TYPE_NARROW_BIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tandemcrm/Tandem/labels/tandem-label-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemLabelDialog, name)
  CHILD (toast_overlay);
  CHILD (window_title);
  CHILD (export_button);
  CHILD (print_button);
  CHILD (progress_revealer);
  CHILD (progress_label);
  CHILD (progress_bar);
  CHILD (narrow_bin);
  CHILD (content_box);
  CHILD (preview_box);
  CHILD (preview);
  CHILD (page_label);
  CHILD (settings_scroll);
  CHILD (settings_box);
  CHILD (count_row);
  CHILD (dnc_row);
  CHILD (dnc_switch);
  CHILD (template_row);
  CHILD (start_spin);
  CHILD (start_menu_button);
  CHILD (start_popover);
  CHILD (start_grid);
  CHILD (offset_x_spin);
  CHILD (offset_y_spin);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_preview_label_activated_cb);

  gtk_widget_class_install_action (widget_class, "labels.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "labels.print-test-sheet", NULL, print_test_sheet_action);
  gtk_widget_class_install_action (widget_class, "labels.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "labels.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "labels.start-at", "u", start_at_action);
  gtk_widget_class_install_action (widget_class, "labels.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "labels.next-page", NULL, next_page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "labels.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "labels.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "labels.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "labels.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from the build folder without the schema, the offset is not kept. */
  if (source)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "label-offset-x"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
tandem_label_dialog_init (TandemLabelDialog *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->templates = g_list_store_new (TANDEM_TYPE_LABEL_TEMPLATE);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (template_display_name), NULL, NULL);
  adw_combo_row_set_expression (self->template_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (self->templates));

  self->settings = lookup_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "label-offset-x", self->offset_x_spin, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "label-offset-y", self->offset_y_spin, "value", G_SETTINGS_BIND_DEFAULT);
    }

  g_signal_connect_object (self->template_row, "notify::selected-item", G_CALLBACK (on_template_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start_spin, "value-changed", G_CALLBACK (on_start_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dnc_switch, "notify::active", G_CALLBACK (on_dnc_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->narrow_bin, "notify::narrow", G_CALLBACK (on_narrow_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_pager (self);
}

/* Public API */

GtkWidget *
tandem_label_dialog_new_for_query (GtkWindow                  *parent,
                                   TandemStore                *store,
                                   const TandemRecipientQuery *query,
                                   const char                 *title)
{
  TandemLabelDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (TANDEM_TYPE_LABEL_DIALOG, "store", store, "transient-for", parent, NULL);
  self->recipients = recipients_new (query);
  adw_window_title_set_subtitle (self->window_title, title ? title : "");
  gtk_switch_set_active (self->dnc_switch, query->include_do_not_contact);
  self->recount = TRUE;
  refresh (self);
  /* The sheet is the first choice; Enter elsewhere prints. */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->print_button);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->template_row));
  return GTK_WIDGET (self);
}

GtkWidget *
tandem_label_dialog_new_for_campaign (GtkWindow    *parent,
                                      TandemStore  *store,
                                      gint64        campaign_id,
                                      GError      **error)
{
  g_autoptr(TandemCampaign) campaign = NULL;
  TandemRecipientQuery query = { .campaign_id = campaign_id };

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  campaign = tandem_store_get_campaign (store, campaign_id, error);
  if (campaign == NULL)
    return NULL;
  return tandem_label_dialog_new_for_query (parent, store, &query, tandem_campaign_get_name (campaign));
}

void
tandem_label_dialog_export_pdf (TandemLabelDialog   *self,
                                GFile               *file,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  g_return_if_fail (TANDEM_IS_LABEL_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (outer, tandem_label_dialog_export_pdf);

  if (self->export_task != NULL || selected_template (self) == NULL)
    {
      g_task_return_new_error (outer, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The labels are being exported already"));
      return;
    }

  if (!audit_labels (self, self->recipients, &error))
    {
      show_error (self, _("Could Not Export the Labels"), error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->path = g_file_get_path (file);
  job->display_name = g_file_get_basename (file);
  job->worker = tandem_store_open_worker (self->store, &error);
  if (job->path == NULL || job->worker == NULL)
    {
      if (error == NULL)
        g_set_error (&error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                     _("Labels can only be saved in a local folder, not in “%s”"), job->display_name);
      show_error (self, _("Could Not Export the Labels"), error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
      export_job_free (job);
      return;
    }
  job->recipients = recipients_copy (self->recipients);
  job->include_do_not_contact = include_do_not_contact (self);
  /* The PDF is the sheet as it is: the printer's offset is for printing
   * from here, where the printer is known. */
  job->sheet = new_output_sheet (self, FALSE);
  job->total = self->n_labels;
  job->cancellable = g_cancellable_new ();

  self->export_job = job;
  task = g_task_new (self, job->cancellable, on_export_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (task, tandem_label_dialog_export_pdf);
  g_task_set_task_data (task, job, export_job_free);
  self->export_task = g_object_ref (task);
  update_count_rows (self);
  self->progress_id = g_timeout_add (PROGRESS_INTERVAL, on_export_progress_cb, self);
  g_task_run_in_thread (task, export_thread);
}

gboolean
tandem_label_dialog_export_pdf_finish (TandemLabelDialog  *self,
                                       GAsyncResult       *result,
                                       GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
tandem_label_dialog_print_to_file (TandemLabelDialog  *self,
                                   gboolean            test_sheet,
                                   const char         *path,
                                   GError            **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (TANDEM_IS_LABEL_DIALOG (self), FALSE);

  operation = new_print_operation (self, test_sheet);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

TandemLabelPreview *
tandem_label_dialog_get_preview (TandemLabelDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_DIALOG (self), NULL);
  return self->preview;
}

AdwActionRow *
tandem_label_dialog_get_count_row (TandemLabelDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_DIALOG (self), NULL);
  return self->count_row;
}

AdwActionRow *
tandem_label_dialog_get_dnc_row (TandemLabelDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_DIALOG (self), NULL);
  return self->dnc_row;
}

GtkSwitch *
tandem_label_dialog_get_dnc_switch (TandemLabelDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_DIALOG (self), NULL);
  return self->dnc_switch;
}

AdwComboRow *
tandem_label_dialog_get_template_row (TandemLabelDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_DIALOG (self), NULL);
  return self->template_row;
}

GtkSpinButton *
tandem_label_dialog_get_start_spin (TandemLabelDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_DIALOG (self), NULL);
  return self->start_spin;
}

GtkWidget *
tandem_label_dialog_get_start_button (TandemLabelDialog *self,
                                      guint              position)
{
  TandemLabelTemplate *template;
  guint columns;

  g_return_val_if_fail (TANDEM_IS_LABEL_DIALOG (self), NULL);

  template = selected_template (self);
  if (template == NULL)
    return NULL;
  columns = MAX (1, tandem_label_template_get_columns (template));
  return gtk_grid_get_child_at (self->start_grid, position % columns, position / columns);
}

GtkSpinButton *
tandem_label_dialog_get_offset_spin (TandemLabelDialog *self,
                                     gboolean           vertical)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_DIALOG (self), NULL);
  return vertical ? self->offset_y_spin : self->offset_x_spin;
}

gboolean
tandem_label_dialog_select_template (TandemLabelDialog *self,
                                     const char        *id)
{
  guint n;

  g_return_val_if_fail (TANDEM_IS_LABEL_DIALOG (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->templates));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemLabelTemplate) template = g_list_model_get_item (G_LIST_MODEL (self->templates), i);

      if (g_strcmp0 (tandem_label_template_get_id (template), id) == 0)
        {
          adw_combo_row_set_selected (self->template_row, i);
          return TRUE;
        }
    }
  return FALSE;
}

guint
tandem_label_dialog_get_n_labels (TandemLabelDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_DIALOG (self), 0);
  return self->n_labels;
}

guint
tandem_label_dialog_get_n_pages (TandemLabelDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_DIALOG (self), 0);
  return self->n_pages;
}

const char *
tandem_label_dialog_get_toast_title (TandemLabelDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_DIALOG (self), NULL);
  return self->toast_title;
}

const char *
tandem_label_dialog_get_error_text (TandemLabelDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_DIALOG (self), NULL);
  return self->error_text;
}
