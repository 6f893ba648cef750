/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemNarrowBin"

#include "config.h"

#include "tandem-narrow-bin.h"

struct _TandemNarrowBin
{
  AdwBin   parent_instance;

  int      threshold;
  int      width;       /* as last allocated; -1 before the first */
  gboolean narrow;
  guint    update_id;
};

G_DEFINE_FINAL_TYPE (TandemNarrowBin, tandem_narrow_bin, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_THRESHOLD,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_narrow (TandemNarrowBin *self)
{
  gboolean narrow = self->width >= 0 && self->width < self->threshold;

  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

static gboolean
on_update_idle_cb (gpointer data)
{
  TandemNarrowBin *self = data;

  self->update_id = 0;
  update_narrow (self);
  return G_SOURCE_REMOVE;
}

/* After the allocation under way, which must not see the change. */
static void
queue_update (TandemNarrowBin *self)
{
  gboolean narrow = self->width >= 0 && self->width < self->threshold;

  if (narrow != self->narrow && self->update_id == 0)
    self->update_id = g_idle_add (on_update_idle_cb, self);
}

static GtkSizeRequestMode
tandem_narrow_bin_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  return child ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

/* The bin lays its child out itself, rather than through AdwBin's layout
 * manager, to learn its width. */
static void
tandem_narrow_bin_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
tandem_narrow_bin_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  TandemNarrowBin *self = TANDEM_NARROW_BIN (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  self->width = width;
  queue_update (self);
  if (child && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
tandem_narrow_bin_dispose (GObject *object)
{
  TandemNarrowBin *self = TANDEM_NARROW_BIN (object);

  g_clear_handle_id (&self->update_id, g_source_remove);

  G_OBJECT_CLASS (tandem_narrow_bin_parent_class)->dispose (object);
}

static void
tandem_narrow_bin_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TandemNarrowBin *self = TANDEM_NARROW_BIN (object);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      g_value_set_int (value, self->threshold);
      break;
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_narrow_bin_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TandemNarrowBin *self = TANDEM_NARROW_BIN (object);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      tandem_narrow_bin_set_threshold (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_narrow_bin_class_init (TandemNarrowBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_narrow_bin_dispose;
  object_class->get_property = tandem_narrow_bin_get_property;
  object_class->set_property = tandem_narrow_bin_set_property;
  widget_class->get_request_mode = tandem_narrow_bin_get_request_mode;
  widget_class->measure = tandem_narrow_bin_measure;
  widget_class->size_allocate = tandem_narrow_bin_size_allocate;

  properties[PROP_THRESHOLD] =
    g_param_spec_int ("threshold", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_narrow_bin_init (TandemNarrowBin *self)
{
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  self->width = -1;
}

GtkWidget *
tandem_narrow_bin_new (void)
{
  return g_object_new (TANDEM_TYPE_NARROW_BIN, NULL);
}

int
tandem_narrow_bin_get_threshold (TandemNarrowBin *self)
{
  g_return_val_if_fail (TANDEM_IS_NARROW_BIN (self), 0);
  return self->threshold;
}

void
tandem_narrow_bin_set_threshold (TandemNarrowBin *self,
                                 int              threshold)
{
  g_return_if_fail (TANDEM_IS_NARROW_BIN (self));
  g_return_if_fail (threshold >= 0);

  if (self->threshold == threshold)
    return;
  self->threshold = threshold;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLD]);
  queue_update (self);
}

gboolean
tandem_narrow_bin_get_narrow (TandemNarrowBin *self)
{
  g_return_val_if_fail (TANDEM_IS_NARROW_BIN (self), FALSE);
  return self->narrow;
}
