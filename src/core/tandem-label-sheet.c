/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemLabelSheet"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "tandem-address-format.h"
#include "tandem-error.h"
#include "tandem-label-sheet.h"

#define POINT_MM          (25.4 / 72.0)
/* Addresses are set at 10 pt where they fit and shrink to 7 pt at the
 * least, still above the 2 mm letter height posts ask for. */
#define NOMINAL_SIZE_MM   (10.0 * POINT_MM)
#define MIN_SIZE_MM       (7.0 * POINT_MM)
/* Room for the lines of a font size, as a multiple of it */
#define LINE_HEIGHT       1.2

struct _TandemLabelSheet
{
  GObject              parent_instance;

  TandemLabelTemplate *template;
  double               offset_x;
  double               offset_y;
  guint                start_at;        /* 1-based */
  char                *home_country;
  char                *font_family;
  gboolean             show_outlines;
  double               min_line_height; /* of the font at its least size; 0 unknown */
};

G_DEFINE_FINAL_TYPE (TandemLabelSheet, tandem_label_sheet, G_TYPE_OBJECT)

/* Helpers */

static guint
per_sheet (TandemLabelSheet *self)
{
  return MAX (1, tandem_label_template_get_labels_per_sheet (self->template));
}

static void
padding (TandemLabelSheet *self,
         double           *pad_x,
         double           *pad_y)
{
  double width = tandem_label_template_get_label_width (self->template);
  double height = tandem_label_template_get_label_height (self->template);

  *pad_x = CLAMP (width * 0.06, 2.0, 5.0);
  *pad_y = CLAMP (height * 0.08, 1.5, 4.0);
  /* A label too small for the padding keeps a third of each side for text */
  *pad_x = MIN (*pad_x, width / 3);
  *pad_y = MIN (*pad_y, height / 3);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  if (radius <= 0)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_outlines (TandemLabelSheet *self,
               cairo_t          *cr,
               guint             page)
{
  TandemLabelTemplate *t = self->template;
  double radius = tandem_label_template_get_corner_radius (t);
  guint used = page == 0 ? self->start_at - 1 : 0;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, tandem_label_template_get_page_width (t), tandem_label_template_get_page_height (t));
  cairo_fill (cr);

  cairo_set_line_width (cr, 0.25);
  for (guint i = 0; i < per_sheet (self); i++)
    {
      double x, y, w, h;

      tandem_label_sheet_get_label_rect (self, i, &x, &y, &w, &h);
      rounded_rectangle (cr, x, y, w, h, radius);
      if (i < used)
        {
          cairo_set_source_rgb (cr, 0.90, 0.90, 0.90);
          cairo_fill_preserve (cr);
        }
      cairo_set_source_rgb (cr, 0.62, 0.62, 0.62);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
set_size (PangoLayout *layout,
          const char  *family,
          double       size)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
}

static void
measure (PangoLayout *layout,
         double      *width,
         double      *height)
{
  PangoRectangle ink, logical;

  pango_layout_get_extents (layout, &ink, &logical);
  *width = MAX (logical.x + logical.width, ink.x + ink.width) / (double) PANGO_SCALE;
  *height = logical.height / (double) PANGO_SCALE;
}

/* Sets @lines into @layout to fit @width × @height: at the nominal size
 * if they fit; else a line too long wraps, at the nominal size when the
 * lines then fit; else the text gets as much smaller as needed down to
 * the minimum, still wrapping; and what is still too much ends in "…". */
static void
fit_text (PangoLayout *layout,
          const char  *family,
          const char  *text,
          guint        n_lines,
          double       width,
          double       height)
{
  double size, text_width, text_height;

  pango_layout_set_width (layout, -1);
  pango_layout_set_height (layout, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (layout, text, -1);

  size = MIN (NOMINAL_SIZE_MM, height / (MAX (n_lines, 1) * LINE_HEIGHT));
  size = MAX (size, MIN_SIZE_MM);
  set_size (layout, family, size);
  measure (layout, &text_width, &text_height);
  if (text_width <= width && text_height <= height)
    return;

  /* A long name reads better on two lines than in small print. */
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  measure (layout, &text_width, &text_height);

  /* Smaller, in a few steps since heights do not scale exactly with the
   * size once lines wrap differently. */
  for (guint step = 0; step < 6 && text_height > height && size > MIN_SIZE_MM; step++)
    {
      size = MAX (MIN_SIZE_MM, size * MAX (0.85, MIN (0.97, sqrt (height / text_height))));
      set_size (layout, family, size);
      measure (layout, &text_width, &text_height);
    }
  if (text_height <= height)
    return;

  /* No room to wrap: one line each, cut with "…", and no more lines than
   * there is room for (the last one shown ends in "…" too). */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, (int) (height * PANGO_SCALE));
}

/* The text of @lines in at most @max_lines lines: when there are more,
 * the first ones and the last two (the postcode and city, and the country
 * or the street) stay as they are and those between share one line. */
static char *
join_lines (char  **lines,
            guint   max_lines)
{
  guint n = g_strv_length (lines);
  guint head, tail;
  GString *text;

  if (n <= max_lines || max_lines < 2)
    return g_strjoinv ("\n", lines);

  tail = MIN (2, max_lines - 1);
  head = max_lines - tail - 1;
  text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (text, i <= head || i >= n - tail ? "\n" : ", ");
      g_string_append (text, lines[i]);
    }
  return g_string_free (text, FALSE);
}

static double
min_line_height (TandemLabelSheet *self,
                 PangoLayout      *layout)
{
  if (self->min_line_height <= 0)
    {
      double width;

      pango_layout_set_width (layout, -1);
      pango_layout_set_height (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_text (layout, "ÅÄg", -1);
      set_size (layout, self->font_family, MIN_SIZE_MM);
      measure (layout, &width, &self->min_line_height);
    }
  return self->min_line_height;
}

static void
draw_label (TandemLabelSheet          *self,
            cairo_t                   *cr,
            PangoLayout               *layout,
            guint                      position,
            const TandemPostalAddress *address)
{
  g_auto(GStrv) lines = tandem_address_format_lines (address, self->home_country);
  g_autofree char *text = NULL;
  double x, y, width, height, text_width, text_height;
  double lx, ly, lw, lh;
  guint n_lines;

  if (lines == NULL || lines[0] == NULL)
    return;

  tandem_label_sheet_get_text_rect (self, position, &x, &y, &width, &height);
  n_lines = MIN (g_strv_length (lines), (guint) MAX (1, floor (height / min_line_height (self, layout))));
  text = join_lines (lines, n_lines);
  fit_text (layout, self->font_family, text, n_lines, width, height);
  measure (layout, &text_width, &text_height);

  /* Whatever pango does, nothing leaves the label. */
  tandem_label_sheet_get_label_rect (self, position, &lx, &ly, &lw, &lh);
  cairo_save (cr);
  cairo_rectangle (cr, lx + self->offset_x, ly + self->offset_y, lw, lh);
  cairo_clip (cr);
  cairo_move_to (cr, x, y + MAX (0, (height - text_height) / 2));
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* Overrides */

static void
tandem_label_sheet_finalize (GObject *object)
{
  TandemLabelSheet *self = TANDEM_LABEL_SHEET (object);

  g_clear_object (&self->template);
  g_free (self->home_country);
  g_free (self->font_family);

  G_OBJECT_CLASS (tandem_label_sheet_parent_class)->finalize (object);
}

static void
tandem_label_sheet_class_init (TandemLabelSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_label_sheet_finalize;
}

static void
tandem_label_sheet_init (TandemLabelSheet *self)
{
  self->start_at = 1;
  self->home_country = g_strdup ("FI");
  self->font_family = g_strdup ("Sans");
}

/* Public API */

TandemLabelSheet *
tandem_label_sheet_new (TandemLabelTemplate *template)
{
  TandemLabelSheet *self;

  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (template), NULL);

  self = g_object_new (TANDEM_TYPE_LABEL_SHEET, NULL);
  self->template = g_object_ref (template);
  return self;
}

TandemLabelTemplate *
tandem_label_sheet_get_template (TandemLabelSheet *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_SHEET (self), NULL);
  return self->template;
}

void
tandem_label_sheet_set_offset (TandemLabelSheet *self,
                               double            x,
                               double            y)
{
  g_return_if_fail (TANDEM_IS_LABEL_SHEET (self));
  self->offset_x = x;
  self->offset_y = y;
}

void
tandem_label_sheet_get_offset (TandemLabelSheet *self,
                               double           *x,
                               double           *y)
{
  g_return_if_fail (TANDEM_IS_LABEL_SHEET (self));
  if (x != NULL)
    *x = self->offset_x;
  if (y != NULL)
    *y = self->offset_y;
}

gboolean
tandem_label_sheet_set_start_at (TandemLabelSheet  *self,
                                 guint              position,
                                 GError           **error)
{
  guint n;

  g_return_val_if_fail (TANDEM_IS_LABEL_SHEET (self), FALSE);

  n = per_sheet (self);
  if (position < 1 || position > n)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The sheet has %u label: start at label 1",
                                "The sheet has %u labels: start at a label from 1 to %u",
                                n),
                   n, n);
      return FALSE;
    }
  self->start_at = position;
  return TRUE;
}

guint
tandem_label_sheet_get_start_at (TandemLabelSheet *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_SHEET (self), 1);
  return self->start_at;
}

void
tandem_label_sheet_set_home_country (TandemLabelSheet *self,
                                     const char       *code)
{
  g_return_if_fail (TANDEM_IS_LABEL_SHEET (self));
  g_free (self->home_country);
  self->home_country = code != NULL ? g_ascii_strup (code, -1) : NULL;
}

const char *
tandem_label_sheet_get_home_country (TandemLabelSheet *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_SHEET (self), NULL);
  return self->home_country;
}

void
tandem_label_sheet_set_font_family (TandemLabelSheet *self,
                                    const char       *family)
{
  g_return_if_fail (TANDEM_IS_LABEL_SHEET (self));
  g_free (self->font_family);
  self->font_family = g_strdup (family != NULL && *family != '\0' ? family : "Sans");
  self->min_line_height = 0;
}

void
tandem_label_sheet_set_show_outlines (TandemLabelSheet *self,
                                      gboolean          show)
{
  g_return_if_fail (TANDEM_IS_LABEL_SHEET (self));
  self->show_outlines = !!show;
}

guint
tandem_label_sheet_count_pages (TandemLabelSheet *self,
                                guint             n_labels)
{
  guint first_page;

  g_return_val_if_fail (TANDEM_IS_LABEL_SHEET (self), 0);

  first_page = per_sheet (self) - (self->start_at - 1);
  if (n_labels == 0)
    return 0;
  if (n_labels <= first_page)
    return 1;
  return 1 + (n_labels - first_page + per_sheet (self) - 1) / per_sheet (self);
}

void
tandem_label_sheet_get_page_range (TandemLabelSheet *self,
                                   guint             page,
                                   guint             n_labels,
                                   guint            *first,
                                   guint            *n_on_page)
{
  guint first_page, start, count;

  g_return_if_fail (TANDEM_IS_LABEL_SHEET (self));

  first_page = per_sheet (self) - (self->start_at - 1);
  if (page == 0)
    {
      start = 0;
      count = first_page;
    }
  else
    {
      start = first_page + (page - 1) * per_sheet (self);
      count = per_sheet (self);
    }
  start = MIN (start, n_labels);
  count = MIN (count, n_labels - start);
  if (first != NULL)
    *first = start;
  if (n_on_page != NULL)
    *n_on_page = count;
}

void
tandem_label_sheet_get_label_rect (TandemLabelSheet *self,
                                   guint             position,
                                   double           *x,
                                   double           *y,
                                   double           *width,
                                   double           *height)
{
  g_return_if_fail (TANDEM_IS_LABEL_SHEET (self));

  tandem_label_template_get_label_origin (self->template, position, x, y);
  if (width != NULL)
    *width = tandem_label_template_get_label_width (self->template);
  if (height != NULL)
    *height = tandem_label_template_get_label_height (self->template);
}

void
tandem_label_sheet_get_text_rect (TandemLabelSheet *self,
                                  guint             position,
                                  double           *x,
                                  double           *y,
                                  double           *width,
                                  double           *height)
{
  double lx, ly, lw, lh, pad_x, pad_y;

  g_return_if_fail (TANDEM_IS_LABEL_SHEET (self));

  tandem_label_sheet_get_label_rect (self, position, &lx, &ly, &lw, &lh);
  padding (self, &pad_x, &pad_y);
  if (x != NULL)
    *x = lx + pad_x + self->offset_x;
  if (y != NULL)
    *y = ly + pad_y + self->offset_y;
  if (width != NULL)
    *width = lw - 2 * pad_x;
  if (height != NULL)
    *height = lh - 2 * pad_y;
}

void
tandem_label_sheet_draw_page (TandemLabelSheet           *self,
                              cairo_t                    *cr,
                              guint                       page,
                              TandemPostalAddress * const *addresses,
                              guint                       n_addresses)
{
  PangoContext *context;
  g_autoptr(PangoLayout) layout = NULL;
  cairo_font_options_t *options;
  guint first, n;

  g_return_if_fail (TANDEM_IS_LABEL_SHEET (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (addresses != NULL || n_addresses == 0);

  if (self->show_outlines)
    draw_outlines (self, cr, page);

  /* Unhinted metrics, so that the text takes the same room at any scale:
   * on paper, in the PDF and in a preview of any size. */
  context = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  layout = pango_layout_new (context);
  g_object_unref (context);

  first = page == 0 ? self->start_at - 1 : 0;
  n = MIN (n_addresses, per_sheet (self) - first);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < n; i++)
    if (addresses[i] != NULL)
      draw_label (self, cr, layout, first + i, addresses[i]);
  cairo_restore (cr);
}

static gboolean
set_cairo_error (cairo_status_t   status,
                 const char      *path,
                 GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
               _("Could not write the labels to “%s”: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
tandem_label_sheet_write_pdf (TandemLabelSheet       *self,
                              const char             *path,
                              TandemLabelSourceFunc   source,
                              gpointer                user_data,
                              guint                  *n_labels,
                              guint                  *n_pages,
                              GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) page_addresses = NULL;
  g_autofree char *partial = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width, height;
  guint labels = 0, pages = 0;
  gboolean ended = FALSE;

  g_return_val_if_fail (TANDEM_IS_LABEL_SHEET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  if (!tandem_label_template_validate (self->template, error))
    return FALSE;

  /* Written beside the target and renamed when complete */
  partial = g_strdup_printf ("%s.%d.part", path, (int) getpid ());

  width = tandem_label_template_get_page_width (self->template) / POINT_MM;
  height = tandem_label_template_get_page_height (self->template) / POINT_MM;
  surface = cairo_pdf_surface_create (partial, width, height);
  if (!set_cairo_error (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      g_unlink (partial);
      return FALSE;
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Address labels"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tandem");
  cr = cairo_create (surface);
  cairo_scale (cr, 1 / POINT_MM, 1 / POINT_MM);

  page_addresses = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_postal_address_free);
  while (!ended)
    {
      guint first, capacity;

      tandem_label_sheet_get_page_range (self, pages, G_MAXUINT, &first, &capacity);
      g_ptr_array_set_size (page_addresses, 0);
      while (page_addresses->len < capacity)
        {
          TandemPostalAddress *address = source (user_data, &local_error);

          if (address == NULL)
            {
              ended = TRUE;
              break;
            }
          g_ptr_array_add (page_addresses, address);
        }
      if (local_error != NULL || page_addresses->len == 0)
        break;

      tandem_label_sheet_draw_page (self, cr, pages,
                                    (TandemPostalAddress * const *) page_addresses->pdata,
                                    page_addresses->len);
      cairo_show_page (cr);
      labels += page_addresses->len;
      pages++;
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        break;
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (local_error != NULL || labels == 0 || !set_cairo_error (status, path, error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (labels == 0 && status == CAIRO_STATUS_SUCCESS)
        g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                             _("There are no addresses to print on labels"));
      g_unlink (partial);
      return FALSE;
    }

  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Could not write the labels to “%s”: %s"), path, g_strerror (saved));
      g_unlink (partial);
      return FALSE;
    }

  if (n_labels != NULL)
    *n_labels = labels;
  if (n_pages != NULL)
    *n_pages = pages;
  return TRUE;
}
