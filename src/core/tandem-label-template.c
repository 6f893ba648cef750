/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemLabelTemplate"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tandem-error.h"
#include "tandem-label-template.h"

#define MAX_PAGE_MM   1000.0
#define MAX_CELLS     100
/* Lengths are compared to a hundredth of a millimetre: manufacturers give
 * them to 0.05 mm and sums of such numbers are not exact in binary. */
#define SLACK_MM      0.01

struct _TandemLabelTemplate
{
  GObject parent_instance;

  char    *id;
  gint64   custom_id;
  char    *name;
  char    *product;
  double   page_width;
  double   page_height;
  guint    columns;
  guint    rows;
  double   label_width;
  double   label_height;
  double   margin_top;
  double   margin_left;
  double   gap_x;
  double   gap_y;
  double   corner_radius;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PRODUCT,
  PROP_PAGE_WIDTH,
  PROP_PAGE_HEIGHT,
  PROP_COLUMNS,
  PROP_ROWS,
  PROP_LABEL_WIDTH,
  PROP_LABEL_HEIGHT,
  PROP_MARGIN_TOP,
  PROP_MARGIN_LEFT,
  PROP_GAP_X,
  PROP_GAP_Y,
  PROP_CORNER_RADIUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemLabelTemplate, tandem_label_template, G_TYPE_OBJECT)

#define INCH 25.4

/* The shipped sheets. Each one's pitch and margins are the manufacturer's
 * published specification for the product named beside it (Avery UK and
 * Avery Zweckform template data): margin-left is the side margin, the gap
 * is the horizontal pitch less the label width, and the top margin is the
 * published one; the sheet is then symmetric, which checks the numbers. */
typedef struct
{
  const char *product;
  const char *paper;        /* for the id: "a4" or "letter" */
  double      page_width;
  double      page_height;
  guint       columns;
  guint       rows;
  double      label_width;
  double      label_height;
  double      margin_top;
  double      margin_left;
  double      gap_x;
  double      gap_y;
  double      corner_radius;
} Builtin;

static const Builtin builtins[] = {
  /* Avery L7160 / J8160: 21 per sheet, 63.5 × 38.1 mm; top margin 15.15,
   * side margin 7.25, horizontal pitch 66.04, vertical pitch 38.1 mm. */
  { "Avery L7160", "a4", 210, 297, 3, 7, 63.5, 38.1, 15.15, 7.25, 2.54, 0, 1.8 },
  /* Avery Zweckform 3474: 24 per sheet, 70 × 37 mm, cut to the edges;
   * top margin 0.5 mm, no side margin, no gaps. */
  { "Avery Zweckform 3474", "a4", 210, 297, 3, 8, 70, 37, 0.5, 0, 0, 0, 0 },
  /* Avery L7163 / J8163: 14 per sheet, 99.1 × 38.1 mm; top margin 15.15,
   * side margin 4.65, horizontal pitch 101.6, vertical pitch 38.1 mm. */
  { "Avery L7163", "a4", 210, 297, 2, 7, 99.1, 38.1, 15.15, 4.65, 2.5, 0, 1.8 },
  /* Avery L7162 / J8162: 16 per sheet, 99.1 × 33.9 mm; top margin 12.9,
   * side margin 4.65, horizontal pitch 101.6, vertical pitch 33.9 mm. */
  { "Avery L7162", "a4", 210, 297, 2, 8, 99.1, 33.9, 12.9, 4.65, 2.5, 0, 1.8 },
  /* Avery Zweckform 3652: 21 per sheet, 70 × 42.3 mm, cut to the edges;
   * the 296.1 mm of labels centred, 0.45 mm from the top. */
  { "Avery Zweckform 3652", "a4", 210, 297, 3, 7, 70, 42.3, 0.45, 0, 0, 0, 0 },
  /* Avery L7165 / J8165: 8 per sheet, 99.1 × 67.7 mm; top margin 13.1,
   * side margin 4.65, horizontal pitch 101.6, vertical pitch 67.7 mm. */
  { "Avery L7165", "a4", 210, 297, 2, 4, 99.1, 67.7, 13.1, 4.65, 2.5, 0, 1.8 },
  /* Avery L7161 / J8161: 18 per sheet, 63.5 × 46.6 mm; top margin 8.7,
   * side margin 7.25, horizontal pitch 66.04, vertical pitch 46.6 mm. */
  { "Avery L7161", "a4", 210, 297, 3, 6, 63.5, 46.6, 8.7, 7.25, 2.54, 0, 1.8 },
  /* Avery L7173 / J8173: 10 per sheet, 99.1 × 57 mm; top margin 6,
   * side margin 4.65, horizontal pitch 101.6, vertical pitch 57 mm. */
  { "Avery L7173", "a4", 210, 297, 2, 5, 99.1, 57, 6, 4.65, 2.5, 0, 1.8 },
  /* Avery 5160 (US Letter): 30 per sheet, 2 5/8 × 1 in; top margin 1/2,
   * side margin 3/16, horizontal pitch 2 3/4, vertical pitch 1 in. */
  { "Avery 5160", "letter", 8.5 * INCH, 11 * INCH, 3, 10, 2.625 * INCH, 1 * INCH,
    0.5 * INCH, 0.1875 * INCH, 0.125 * INCH, 0, 0.0625 * INCH },
  /* Avery 5163 (US Letter): 10 per sheet, 4 × 2 in; top margin 1/2,
   * side margin 5/32, horizontal pitch 4 3/16, vertical pitch 2 in. */
  { "Avery 5163", "letter", 8.5 * INCH, 11 * INCH, 2, 5, 4 * INCH, 2 * INCH,
    0.5 * INCH, 0.15625 * INCH, 0.1875 * INCH, 0, 0.0625 * INCH },
};

/* A length for an id, in the C locale, to a tenth: "63.5", "70". */
static char *
id_length (double mm)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.1f", mm);
  if (g_str_has_suffix (buffer, ".0"))
    buffer[strlen (buffer) - 2] = '\0';
  return g_strdup (buffer);
}

/* A length for people, in their locale, to a tenth: "63,5" in Finnish;
 * in messages to a hundredth ("7,25"), as manufacturers give them. */
static char *
shown_length (double mm)
{
  return g_strdup_printf ("%g", round (mm * 10) / 10);
}

static char *
exact_length (double mm)
{
  return g_strdup_printf ("%g", round (mm * 100) / 100);
}

static char *
builtin_name (const Builtin *b)
{
  g_autofree char *w = shown_length (b->label_width);
  g_autofree char *h = shown_length (b->label_height);

  /* Translators: a label sheet: its product code, the number of labels
   * across and down, and the size of one label, e.g.
   * "Avery L7160: 3 × 7 labels, 63.5 × 38.1 mm" */
  return g_strdup_printf (_("%s: %u × %u labels, %s × %s mm"), b->product, b->columns, b->rows, w, h);
}

static TandemLabelTemplate *
template_from_builtin (const Builtin *b)
{
  TandemLabelTemplate *self = g_object_new (TANDEM_TYPE_LABEL_TEMPLATE, NULL);
  g_autofree char *w = id_length (b->label_width);
  g_autofree char *h = id_length (b->label_height);

  self->id = g_strdup_printf ("%s-%ux%u-%sx%s", b->paper, b->columns, b->rows, w, h);
  self->name = builtin_name (b);
  self->product = g_strdup (b->product);
  self->page_width = b->page_width;
  self->page_height = b->page_height;
  self->columns = b->columns;
  self->rows = b->rows;
  self->label_width = b->label_width;
  self->label_height = b->label_height;
  self->margin_top = b->margin_top;
  self->margin_left = b->margin_left;
  self->gap_x = b->gap_x;
  self->gap_y = b->gap_y;
  self->corner_radius = b->corner_radius;
  return self;
}

static void
set_length (TandemLabelTemplate *self,
            double              *field,
            double               value,
            guint                prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_count (TandemLabelTemplate *self,
           guint               *field,
           guint                value,
           guint                prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
tandem_label_template_finalize (GObject *object)
{
  TandemLabelTemplate *self = TANDEM_LABEL_TEMPLATE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->product);

  G_OBJECT_CLASS (tandem_label_template_parent_class)->finalize (object);
}

static void
tandem_label_template_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TandemLabelTemplate *self = TANDEM_LABEL_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PRODUCT:
      g_value_set_string (value, self->product);
      break;
    case PROP_PAGE_WIDTH:
      g_value_set_double (value, self->page_width);
      break;
    case PROP_PAGE_HEIGHT:
      g_value_set_double (value, self->page_height);
      break;
    case PROP_COLUMNS:
      g_value_set_uint (value, self->columns);
      break;
    case PROP_ROWS:
      g_value_set_uint (value, self->rows);
      break;
    case PROP_LABEL_WIDTH:
      g_value_set_double (value, self->label_width);
      break;
    case PROP_LABEL_HEIGHT:
      g_value_set_double (value, self->label_height);
      break;
    case PROP_MARGIN_TOP:
      g_value_set_double (value, self->margin_top);
      break;
    case PROP_MARGIN_LEFT:
      g_value_set_double (value, self->margin_left);
      break;
    case PROP_GAP_X:
      g_value_set_double (value, self->gap_x);
      break;
    case PROP_GAP_Y:
      g_value_set_double (value, self->gap_y);
      break;
    case PROP_CORNER_RADIUS:
      g_value_set_double (value, self->corner_radius);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_label_template_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TandemLabelTemplate *self = TANDEM_LABEL_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      tandem_label_template_set_name (self, g_value_get_string (value));
      break;
    case PROP_PAGE_WIDTH:
      set_length (self, &self->page_width, g_value_get_double (value), PROP_PAGE_WIDTH);
      break;
    case PROP_PAGE_HEIGHT:
      set_length (self, &self->page_height, g_value_get_double (value), PROP_PAGE_HEIGHT);
      break;
    case PROP_COLUMNS:
      set_count (self, &self->columns, g_value_get_uint (value), PROP_COLUMNS);
      break;
    case PROP_ROWS:
      set_count (self, &self->rows, g_value_get_uint (value), PROP_ROWS);
      break;
    case PROP_LABEL_WIDTH:
      set_length (self, &self->label_width, g_value_get_double (value), PROP_LABEL_WIDTH);
      break;
    case PROP_LABEL_HEIGHT:
      set_length (self, &self->label_height, g_value_get_double (value), PROP_LABEL_HEIGHT);
      break;
    case PROP_MARGIN_TOP:
      set_length (self, &self->margin_top, g_value_get_double (value), PROP_MARGIN_TOP);
      break;
    case PROP_MARGIN_LEFT:
      set_length (self, &self->margin_left, g_value_get_double (value), PROP_MARGIN_LEFT);
      break;
    case PROP_GAP_X:
      set_length (self, &self->gap_x, g_value_get_double (value), PROP_GAP_X);
      break;
    case PROP_GAP_Y:
      set_length (self, &self->gap_y, g_value_get_double (value), PROP_GAP_Y);
      break;
    case PROP_CORNER_RADIUS:
      set_length (self, &self->corner_radius, g_value_get_double (value), PROP_CORNER_RADIUS);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
length_pspec (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, 0, MAX_PAGE_MM, 0,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
tandem_label_template_class_init (TandemLabelTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_label_template_finalize;
  object_class->get_property = tandem_label_template_get_property;
  object_class->set_property = tandem_label_template_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRODUCT] =
    g_param_spec_string ("product", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE_WIDTH] = length_pspec ("page-width");
  properties[PROP_PAGE_HEIGHT] = length_pspec ("page-height");
  properties[PROP_COLUMNS] =
    g_param_spec_uint ("columns", NULL, NULL, 0, MAX_CELLS, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROWS] =
    g_param_spec_uint ("rows", NULL, NULL, 0, MAX_CELLS, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_WIDTH] = length_pspec ("label-width");
  properties[PROP_LABEL_HEIGHT] = length_pspec ("label-height");
  properties[PROP_MARGIN_TOP] = length_pspec ("margin-top");
  properties[PROP_MARGIN_LEFT] = length_pspec ("margin-left");
  properties[PROP_GAP_X] = length_pspec ("gap-x");
  properties[PROP_GAP_Y] = length_pspec ("gap-y");
  properties[PROP_CORNER_RADIUS] = length_pspec ("corner-radius");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_label_template_init (TandemLabelTemplate *self)
{
  self->page_width = 210;
  self->page_height = 297;
  self->columns = 1;
  self->rows = 1;
}

TandemLabelTemplate *
tandem_label_template_new (const char *name,
                           double      page_width,
                           double      page_height,
                           guint       columns,
                           guint       rows,
                           double      label_width,
                           double      label_height)
{
  TandemLabelTemplate *self = g_object_new (TANDEM_TYPE_LABEL_TEMPLATE, NULL);

  self->name = g_strdup (name);
  self->page_width = page_width;
  self->page_height = page_height;
  self->columns = columns;
  self->rows = rows;
  self->label_width = label_width;
  self->label_height = label_height;
  return self;
}

TandemLabelTemplate *
tandem_label_template_copy (TandemLabelTemplate *self)
{
  TandemLabelTemplate *copy;

  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), NULL);

  copy = tandem_label_template_new (self->name, self->page_width, self->page_height,
                                    self->columns, self->rows, self->label_width, self->label_height);
  copy->id = g_strdup (self->id);
  copy->custom_id = self->custom_id;
  copy->product = g_strdup (self->product);
  copy->margin_top = self->margin_top;
  copy->margin_left = self->margin_left;
  copy->gap_x = self->gap_x;
  copy->gap_y = self->gap_y;
  copy->corner_radius = self->corner_radius;
  return copy;
}

GPtrArray *
tandem_label_template_list_builtin (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    g_ptr_array_add (list, template_from_builtin (&builtins[i]));
  return list;
}

TandemLabelTemplate *
tandem_label_template_find_builtin (const char *id_or_product)
{
  g_autoptr(GPtrArray) list = NULL;

  if (id_or_product == NULL)
    return NULL;

  list = tandem_label_template_list_builtin ();
  for (guint i = 0; i < list->len; i++)
    {
      TandemLabelTemplate *template = g_ptr_array_index (list, i);
      const char *product = template->product;
      const char *code = strrchr (product, ' ');

      if (g_ascii_strcasecmp (template->id, id_or_product) == 0 ||
          g_ascii_strcasecmp (product, id_or_product) == 0 ||
          (code != NULL && g_ascii_strcasecmp (code + 1, id_or_product) == 0))
        return g_object_ref (template);
    }
  return NULL;
}

const char *
tandem_label_template_get_id (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), NULL);
  return self->id;
}

gboolean
tandem_label_template_is_builtin (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), FALSE);
  return self->product != NULL;
}

gint64
tandem_label_template_get_custom_id (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), 0);
  return self->custom_id;
}

void
tandem_label_template_set_custom_id (TandemLabelTemplate *self,
                                     gint64               id)
{
  g_return_if_fail (TANDEM_IS_LABEL_TEMPLATE (self));
  g_return_if_fail (self->product == NULL);

  if (self->custom_id == id)
    return;
  self->custom_id = id;
  g_clear_pointer (&self->id, g_free);
  if (id > 0)
    self->id = g_strdup_printf ("custom-%" G_GINT64_FORMAT, id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
tandem_label_template_get_name (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), NULL);
  return self->name;
}

void
tandem_label_template_set_name (TandemLabelTemplate *self,
                                const char          *name)
{
  g_return_if_fail (TANDEM_IS_LABEL_TEMPLATE (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
tandem_label_template_get_product (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), NULL);
  return self->product;
}

double
tandem_label_template_get_page_width (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), 0);
  return self->page_width;
}

double
tandem_label_template_get_page_height (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), 0);
  return self->page_height;
}

void
tandem_label_template_set_page_size (TandemLabelTemplate *self,
                                     double               width,
                                     double               height)
{
  g_return_if_fail (TANDEM_IS_LABEL_TEMPLATE (self));
  set_length (self, &self->page_width, width, PROP_PAGE_WIDTH);
  set_length (self, &self->page_height, height, PROP_PAGE_HEIGHT);
}

guint
tandem_label_template_get_columns (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), 0);
  return self->columns;
}

guint
tandem_label_template_get_rows (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), 0);
  return self->rows;
}

void
tandem_label_template_set_grid (TandemLabelTemplate *self,
                                guint                columns,
                                guint                rows)
{
  g_return_if_fail (TANDEM_IS_LABEL_TEMPLATE (self));
  set_count (self, &self->columns, columns, PROP_COLUMNS);
  set_count (self, &self->rows, rows, PROP_ROWS);
}

double
tandem_label_template_get_label_width (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), 0);
  return self->label_width;
}

double
tandem_label_template_get_label_height (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), 0);
  return self->label_height;
}

void
tandem_label_template_set_label_size (TandemLabelTemplate *self,
                                      double               width,
                                      double               height)
{
  g_return_if_fail (TANDEM_IS_LABEL_TEMPLATE (self));
  set_length (self, &self->label_width, width, PROP_LABEL_WIDTH);
  set_length (self, &self->label_height, height, PROP_LABEL_HEIGHT);
}

double
tandem_label_template_get_margin_top (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), 0);
  return self->margin_top;
}

double
tandem_label_template_get_margin_left (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), 0);
  return self->margin_left;
}

void
tandem_label_template_set_margins (TandemLabelTemplate *self,
                                   double               top,
                                   double               left)
{
  g_return_if_fail (TANDEM_IS_LABEL_TEMPLATE (self));
  set_length (self, &self->margin_top, top, PROP_MARGIN_TOP);
  set_length (self, &self->margin_left, left, PROP_MARGIN_LEFT);
}

double
tandem_label_template_get_gap_x (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), 0);
  return self->gap_x;
}

double
tandem_label_template_get_gap_y (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), 0);
  return self->gap_y;
}

void
tandem_label_template_set_gaps (TandemLabelTemplate *self,
                                double               gap_x,
                                double               gap_y)
{
  g_return_if_fail (TANDEM_IS_LABEL_TEMPLATE (self));
  set_length (self, &self->gap_x, gap_x, PROP_GAP_X);
  set_length (self, &self->gap_y, gap_y, PROP_GAP_Y);
}

double
tandem_label_template_get_corner_radius (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), 0);
  return self->corner_radius;
}

void
tandem_label_template_set_corner_radius (TandemLabelTemplate *self,
                                         double               radius)
{
  g_return_if_fail (TANDEM_IS_LABEL_TEMPLATE (self));
  set_length (self, &self->corner_radius, radius, PROP_CORNER_RADIUS);
}

guint
tandem_label_template_get_labels_per_sheet (TandemLabelTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), 0);
  return self->columns * self->rows;
}

void
tandem_label_template_get_label_origin (TandemLabelTemplate *self,
                                        guint                index,
                                        double              *x,
                                        double              *y)
{
  guint column, row;

  g_return_if_fail (TANDEM_IS_LABEL_TEMPLATE (self));
  g_return_if_fail (self->columns > 0);

  column = index % self->columns;
  row = index / self->columns;
  if (x != NULL)
    *x = self->margin_left + column * (self->label_width + self->gap_x);
  if (y != NULL)
    *y = self->margin_top + row * (self->label_height + self->gap_y);
}

static gboolean
check_range (double       value,
             double       min,
             gboolean     min_included,
             double       max,
             const char  *message,
             GError     **error)
{
  gboolean ok = isfinite (value) && (min_included ? value >= min : value > min) && value <= max;

  if (!ok)
    g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, message);
  return ok;
}

gboolean
tandem_label_template_validate (TandemLabelTemplate  *self,
                                GError              **error)
{
  double across, down;

  g_return_val_if_fail (TANDEM_IS_LABEL_TEMPLATE (self), FALSE);

  if (!check_range (self->page_width, 0, FALSE, MAX_PAGE_MM,
                    _("The page width must be more than 0 and at most 1000 mm"), error) ||
      !check_range (self->page_height, 0, FALSE, MAX_PAGE_MM,
                    _("The page height must be more than 0 and at most 1000 mm"), error) ||
      !check_range (self->columns, 1, TRUE, MAX_CELLS,
                    _("A sheet has from 1 to 100 labels across"), error) ||
      !check_range (self->rows, 1, TRUE, MAX_CELLS,
                    _("A sheet has from 1 to 100 labels down"), error) ||
      !check_range (self->label_width, 0, FALSE, MAX_PAGE_MM,
                    _("The label width must be more than 0 mm"), error) ||
      !check_range (self->label_height, 0, FALSE, MAX_PAGE_MM,
                    _("The label height must be more than 0 mm"), error) ||
      !check_range (self->margin_top, 0, TRUE, MAX_PAGE_MM,
                    _("The top margin cannot be negative"), error) ||
      !check_range (self->margin_left, 0, TRUE, MAX_PAGE_MM,
                    _("The left margin cannot be negative"), error) ||
      !check_range (self->gap_x, 0, TRUE, MAX_PAGE_MM,
                    _("The gap between columns cannot be negative"), error) ||
      !check_range (self->gap_y, 0, TRUE, MAX_PAGE_MM,
                    _("The gap between rows cannot be negative"), error) ||
      !check_range (self->corner_radius, 0, TRUE, MAX_PAGE_MM,
                    _("The corner radius cannot be negative"), error))
    return FALSE;

  across = self->margin_left + self->columns * self->label_width + (self->columns - 1) * self->gap_x;
  if (across > self->page_width + SLACK_MM)
    {
      g_autofree char *width = exact_length (self->label_width);
      g_autofree char *gap = exact_length (self->gap_x);
      g_autofree char *margin = exact_length (self->margin_left);
      g_autofree char *need = exact_length (across);
      g_autofree char *page = exact_length (self->page_width);

      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The labels do not fit across the page: %u label of %s mm, gaps of %s mm and "
                                "a left margin of %s mm take %s mm, but the page is %s mm wide",
                                "The labels do not fit across the page: %u labels of %s mm, gaps of %s mm and "
                                "a left margin of %s mm take %s mm, but the page is %s mm wide",
                                self->columns),
                   self->columns, width, gap, margin, need, page);
      return FALSE;
    }

  down = self->margin_top + self->rows * self->label_height + (self->rows - 1) * self->gap_y;
  if (down > self->page_height + SLACK_MM)
    {
      g_autofree char *height = exact_length (self->label_height);
      g_autofree char *gap = exact_length (self->gap_y);
      g_autofree char *margin = exact_length (self->margin_top);
      g_autofree char *need = exact_length (down);
      g_autofree char *page = exact_length (self->page_height);

      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The labels do not fit down the page: %u row of %s mm, gaps of %s mm and "
                                "a top margin of %s mm take %s mm, but the page is %s mm high",
                                "The labels do not fit down the page: %u rows of %s mm, gaps of %s mm and "
                                "a top margin of %s mm take %s mm, but the page is %s mm high",
                                self->rows),
                   self->rows, height, gap, margin, need, page);
      return FALSE;
    }

  if (self->corner_radius > MIN (self->label_width, self->label_height) / 2 + SLACK_MM)
    {
      g_autofree char *radius = exact_length (self->corner_radius);

      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("A corner radius of %s mm is more than half the label’s width or height"), radius);
      return FALSE;
    }
  return TRUE;
}
