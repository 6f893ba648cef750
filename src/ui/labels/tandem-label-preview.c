/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemLabelPreview"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-label-preview.h"
#include "tandem-labels-resources.h"

/* Room around the paper, in pixels, for its shadow */
#define PAPER_MARGIN 12.0

struct _TandemLabelPreview
{
  GtkDrawingArea    parent_instance;

  TandemLabelSheet *sheet;
  guint             page;
  GPtrArray        *addresses;
  gboolean          clickable;
  int               hover;      /* position under the pointer, -1 none */
  guint             focus;      /* position the arrow keys are on */
};

G_DEFINE_FINAL_TYPE (TandemLabelPreview, tandem_label_preview, GTK_TYPE_DRAWING_AREA)

enum {
  PROP_0,
  PROP_CLICKABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LABEL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static guint
n_labels (TandemLabelPreview *self)
{
  if (self->sheet == NULL)
    return 0;
  return tandem_label_template_get_labels_per_sheet (tandem_label_sheet_get_template (self->sheet));
}

static gboolean
choosing (TandemLabelPreview *self)
{
  return self->clickable && self->page == 0 && n_labels (self) > 0;
}

/* The paper's place in a @width × @height area: its top-left corner and
 * the pixels a millimetre takes; FALSE when there is no room. */
static gboolean
fit_paper (TandemLabelPreview *self,
           int                 width,
           int                 height,
           double             *x0,
           double             *y0,
           double             *scale)
{
  TandemLabelTemplate *template;
  double page_width, page_height;

  if (self->sheet == NULL)
    return FALSE;
  template = tandem_label_sheet_get_template (self->sheet);
  page_width = tandem_label_template_get_page_width (template);
  page_height = tandem_label_template_get_page_height (template);
  if (page_width <= 0 || page_height <= 0)
    return FALSE;

  *scale = MIN ((width - 2 * PAPER_MARGIN) / page_width, (height - 2 * PAPER_MARGIN) / page_height);
  if (*scale <= 0)
    return FALSE;
  *x0 = (width - page_width * *scale) / 2;
  *y0 = (height - page_height * *scale) / 2;
  return TRUE;
}

static int
label_at (TandemLabelPreview *self,
          double              x,
          double              y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  for (guint i = 0; i < n_labels (self); i++)
    {
      graphene_rect_t area;

      if (tandem_label_preview_get_label_area (self, i, width, height, &area) &&
          graphene_rect_contains_point (&area, &GRAPHENE_POINT_INIT (x, y)))
        return (int) i;
    }
  return -1;
}

static void
update_accessible (TandemLabelPreview *self)
{
  g_autofree char *description = NULL;

  if (choosing (self))
    /* Translators: the preview of a label sheet; %u is a label's number */
    description = g_strdup_printf (_("Label %u: press Enter to start printing there"), self->focus + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : "", -1);
}

static void
set_hover (TandemLabelPreview *self,
           int                 hover)
{
  if (self->hover == hover)
    return;
  self->hover = hover;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rounded_rectangle (cairo_t               *cr,
                   const graphene_rect_t *area,
                   double                 radius)
{
  double x = area->origin.x, y = area->origin.y, w = area->size.width, h = area->size.height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Callbacks */

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  tandem_label_preview_draw (TANDEM_LABEL_PREVIEW (area), cr, width, height);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              TandemLabelPreview       *self)
{
  set_hover (self, choosing (self) ? label_at (self, x, y) : -1);
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             TandemLabelPreview       *self)
{
  set_hover (self, -1);
}

static void
on_pressed_cb (GtkGestureClick    *gesture,
               int                 n_press,
               double              x,
               double              y,
               TandemLabelPreview *self)
{
  int position;

  if (!choosing (self))
    return;
  position = label_at (self, x, y);
  if (position < 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->focus = position;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[LABEL_ACTIVATED], 0, (guint) position);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   TandemLabelPreview    *self)
{
  TandemLabelTemplate *template;
  guint columns, n, focus;

  if (!choosing (self) || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  template = tandem_label_sheet_get_template (self->sheet);
  columns = MAX (1, tandem_label_template_get_columns (template));
  n = n_labels (self);
  focus = MIN (self->focus, n - 1);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (focus == 0)
        return FALSE;
      focus--;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (focus + 1 >= n)
        return FALSE;
      focus++;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (focus < columns)
        return FALSE;
      focus -= columns;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (focus + columns >= n)
        return FALSE;
      focus += columns;
      break;
    case GDK_KEY_Home:
      focus = 0;
      break;
    case GDK_KEY_End:
      focus = n - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      g_signal_emit (self, signals[LABEL_ACTIVATED], 0, focus);
      return TRUE;
    default:
      return FALSE;
    }

  self->focus = focus;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
on_focus_changed_cb (TandemLabelPreview *self)
{
  /* The arrow keys start from the first label to print. */
  if (self->sheet != NULL && gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      self->focus = tandem_label_sheet_get_start_at (self->sheet) - 1;
      update_accessible (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Overrides */

static void
tandem_label_preview_dispose (GObject *object)
{
  TandemLabelPreview *self = TANDEM_LABEL_PREVIEW (object);

  g_clear_object (&self->sheet);
  g_clear_pointer (&self->addresses, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_label_preview_parent_class)->dispose (object);
}

static void
tandem_label_preview_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TandemLabelPreview *self = TANDEM_LABEL_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_CLICKABLE:
      g_value_set_boolean (value, self->clickable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_label_preview_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TandemLabelPreview *self = TANDEM_LABEL_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_CLICKABLE:
      tandem_label_preview_set_clickable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_label_preview_class_init (TandemLabelPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_label_preview_dispose;
  object_class->get_property = tandem_label_preview_get_property;
  object_class->set_property = tandem_label_preview_set_property;

  properties[PROP_CLICKABLE] =
    g_param_spec_boolean ("clickable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemLabelPreview::label-activated:
   * @position: the label's position on the sheet, 0-based
   *
   * A label of the first page was clicked, or chosen with the keyboard.
   */
  signals[LABEL_ACTIVATED] = g_signal_new ("label-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /* The style sheet is in the resources, also from the static library. */
  (void) tandem_labels_get_resource ();
  gtk_widget_class_set_css_name (widget_class, "labelpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tandem_label_preview_init (TandemLabelPreview *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  static gsize css_loaded = 0;

  /* The shaded surface the paper lies on, where the preview is shown */
  if (g_once_init_enter (&css_loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/tandemcrm/Tandem/labels/tandem-labels.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }

  self->hover = -1;
  self->addresses = g_ptr_array_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (on_focus_changed_cb), NULL);
}

/* Public API */

GtkWidget *
tandem_label_preview_new (void)
{
  return g_object_new (TANDEM_TYPE_LABEL_PREVIEW, NULL);
}

void
tandem_label_preview_set_sheet (TandemLabelPreview *self,
                                TandemLabelSheet   *sheet)
{
  g_return_if_fail (TANDEM_IS_LABEL_PREVIEW (self));
  g_return_if_fail (sheet == NULL || TANDEM_IS_LABEL_SHEET (sheet));

  g_set_object (&self->sheet, sheet);
  if (sheet != NULL)
    self->focus = MIN (self->focus, MAX (n_labels (self), 1) - 1);
  gtk_widget_set_focusable (GTK_WIDGET (self), choosing (self));
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

TandemLabelSheet *
tandem_label_preview_get_sheet (TandemLabelPreview *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_PREVIEW (self), NULL);
  return self->sheet;
}

void
tandem_label_preview_set_page (TandemLabelPreview *self,
                               guint               page,
                               GPtrArray          *addresses)
{
  g_return_if_fail (TANDEM_IS_LABEL_PREVIEW (self));

  self->page = page;
  g_clear_pointer (&self->addresses, g_ptr_array_unref);
  self->addresses = addresses != NULL ? g_ptr_array_ref (addresses) : g_ptr_array_new ();
  gtk_widget_set_focusable (GTK_WIDGET (self), choosing (self));
  if (!choosing (self))
    set_hover (self, -1);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
tandem_label_preview_get_page (TandemLabelPreview *self)
{
  g_return_val_if_fail (TANDEM_IS_LABEL_PREVIEW (self), 0);
  return self->page;
}

void
tandem_label_preview_set_clickable (TandemLabelPreview *self,
                                    gboolean            clickable)
{
  g_return_if_fail (TANDEM_IS_LABEL_PREVIEW (self));

  if (self->clickable == !!clickable)
    return;
  self->clickable = !!clickable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLICKABLE]);
  gtk_widget_set_focusable (GTK_WIDGET (self), choosing (self));
  update_accessible (self);
}

gboolean
tandem_label_preview_get_label_area (TandemLabelPreview *self,
                                     guint               position,
                                     int                 width,
                                     int                 height,
                                     graphene_rect_t    *area)
{
  double x0, y0, scale, x, y, w, h;

  g_return_val_if_fail (TANDEM_IS_LABEL_PREVIEW (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (!fit_paper (self, width, height, &x0, &y0, &scale))
    return FALSE;
  tandem_label_sheet_get_label_rect (self->sheet, position, &x, &y, &w, &h);
  graphene_rect_init (area, x0 + x * scale, y0 + y * scale, w * scale, h * scale);
  return TRUE;
}

void
tandem_label_preview_draw (TandemLabelPreview *self,
                           cairo_t            *cr,
                           int                 width,
                           int                 height)
{
  TandemLabelTemplate *template;
  double x0, y0, scale, page_width, page_height, radius;

  g_return_if_fail (TANDEM_IS_LABEL_PREVIEW (self));

  if (!fit_paper (self, width, height, &x0, &y0, &scale))
    return;
  template = tandem_label_sheet_get_template (self->sheet);
  page_width = tandem_label_template_get_page_width (template) * scale;
  page_height = tandem_label_template_get_page_height (template) * scale;

  /* A soft shadow under the paper, which is white in dark style too:
   * the sheet is paper. */
  cairo_save (cr);
  for (int i = 3; i >= 1; i--)
    {
      cairo_rectangle (cr, x0 - i / 2.0, y0 - i / 2.0 + 1, page_width + i, page_height + i);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.06);
      cairo_fill (cr);
    }
  cairo_rectangle (cr, x0, y0, page_width, page_height);
  cairo_clip (cr);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, scale, scale);
  tandem_label_sheet_set_show_outlines (self->sheet, TRUE);
  tandem_label_sheet_draw_page (self->sheet, cr, self->page,
                                (TandemPostalAddress * const *) self->addresses->pdata, self->addresses->len);
  cairo_restore (cr);

  if (!choosing (self))
    return;

  /* The label under the pointer, and the one the keys are on */
  radius = tandem_label_template_get_corner_radius (template) * scale;
  if (self->hover >= 0)
    {
      graphene_rect_t area;

      tandem_label_preview_get_label_area (self, self->hover, width, height, &area);
      rounded_rectangle (cr, &area, radius);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.18);
      cairo_fill (cr);
    }
  if (gtk_widget_has_focus (GTK_WIDGET (self)) && gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    {
      graphene_rect_t area;

      tandem_label_preview_get_label_area (self, MIN (self->focus, n_labels (self) - 1), width, height, &area);
      rounded_rectangle (cr, &area, radius);
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}
