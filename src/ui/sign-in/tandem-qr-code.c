/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemQrCode"

#include "config.h"

#include <glib/gi18n.h>
#include <qrencode.h>
#include <string.h>

#include "tandem-qr-code.h"

/* The quiet zone the QR code standard asks for on every side, in modules */
#define QUIET_ZONE      4
/* Pixels a module takes at least, and at its natural size */
#define MIN_MODULE_PX   2
#define NATURAL_MODULE_PX 5

struct _TandemQrCode
{
  GtkWidget  parent_instance;

  char      *text;
  QRcode    *code;
};

G_DEFINE_FINAL_TYPE (TandemQrCode, tandem_qr_code, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
side_in_modules (TandemQrCode *self)
{
  return self->code != NULL ? (guint) self->code->width + 2 * QUIET_ZONE : 0;
}

/* Overrides */

static void
tandem_qr_code_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  TandemQrCode *self = TANDEM_QR_CODE (widget);
  guint side = side_in_modules (self);

  *minimum = side * MIN_MODULE_PX;
  *natural = side * NATURAL_MODULE_PX;

  /* Square: as tall as it is wide, in whole modules, so that a narrow
   * window leaves no empty band above and below it. */
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0 && side > 0)
    *minimum = *natural = CLAMP (for_size - for_size % (int) side, *minimum, *natural);
}

static GtkSizeRequestMode
tandem_qr_code_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tandem_qr_code_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TandemQrCode *self = TANDEM_QR_CODE (widget);
  /* Always dark on white: readers expect it, whatever the style. */
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA black = { 0, 0, 0, 1 };
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint side = side_in_modules (self);
  guint n;
  int module, total, x0, y0;

  if (side == 0)
    return;

  module = MAX (1, MIN (width, height) / (int) side);
  total = module * side;
  x0 = (width - total) / 2;
  y0 = (height - total) / 2;

  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (x0, y0, total, total));

  n = self->code->width;
  for (guint y = 0; y < n; y++)
    {
      guint x = 0;

      /* One rectangle per run of dark modules in a row */
      while (x < n)
        {
          guint start;

          if (!(self->code->data[y * n + x] & 1))
            {
              x++;
              continue;
            }
          start = x;
          while (x < n && (self->code->data[y * n + x] & 1))
            x++;
          gtk_snapshot_append_color (snapshot, &black,
                                     &GRAPHENE_RECT_INIT (x0 + (int) (QUIET_ZONE + start) * module,
                                                          y0 + (int) (QUIET_ZONE + y) * module,
                                                          (int) (x - start) * module,
                                                          module));
        }
    }
}

static void
tandem_qr_code_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TandemQrCode *self = TANDEM_QR_CODE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_qr_code_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TandemQrCode *self = TANDEM_QR_CODE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      tandem_qr_code_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_qr_code_finalize (GObject *object)
{
  TandemQrCode *self = TANDEM_QR_CODE (object);

  g_clear_pointer (&self->code, QRcode_free);
  g_free (self->text);

  G_OBJECT_CLASS (tandem_qr_code_parent_class)->finalize (object);
}

static void
tandem_qr_code_class_init (TandemQrCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tandem_qr_code_get_property;
  object_class->set_property = tandem_qr_code_set_property;
  object_class->finalize = tandem_qr_code_finalize;
  widget_class->measure = tandem_qr_code_measure;
  widget_class->get_request_mode = tandem_qr_code_get_request_mode;
  widget_class->snapshot = tandem_qr_code_snapshot;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "qrcode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tandem_qr_code_init (TandemQrCode *self)
{
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

/* Public API */

GtkWidget *
tandem_qr_code_new (void)
{
  return g_object_new (TANDEM_TYPE_QR_CODE, NULL);
}

const char *
tandem_qr_code_get_text (TandemQrCode *self)
{
  g_return_val_if_fail (TANDEM_IS_QR_CODE (self), NULL);
  return self->text;
}

void
tandem_qr_code_set_text (TandemQrCode *self,
                         const char   *text)
{
  g_return_if_fail (TANDEM_IS_QR_CODE (self));

  if (g_strcmp0 (text, self->text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_pointer (&self->code, QRcode_free);
  if (text != NULL && *text != '\0')
    {
      /* Level M: a phone camera reads it from a screen with some glare. */
      self->code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
      if (self->code == NULL)
        g_debug ("Could not make a QR code of %zu bytes", strlen (text));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("QR code of the key, for an authenticator app"), -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

guint
tandem_qr_code_get_size (TandemQrCode *self)
{
  g_return_val_if_fail (TANDEM_IS_QR_CODE (self), 0);
  return self->code != NULL ? (guint) self->code->width : 0;
}

gboolean
tandem_qr_code_is_dark (TandemQrCode *self,
                        guint         x,
                        guint         y)
{
  g_return_val_if_fail (TANDEM_IS_QR_CODE (self), FALSE);

  if (self->code == NULL || x >= (guint) self->code->width || y >= (guint) self->code->width)
    return FALSE;
  return self->code->data[y * self->code->width + x] & 1;
}
