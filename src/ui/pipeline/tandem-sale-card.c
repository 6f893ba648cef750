/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemSaleCard"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-sale-card.h"

struct _TandemSaleCard
{
  GtkListBoxRow  parent_instance;

  GtkWidget     *menu_button;
  GMenuModel    *menu;

  gint64         project_id;
  gint64         stage_id;
  char          *name;
  gint64         value;
  gint64         weighted;
  char          *currency;
  gboolean       overdue;
};

G_DEFINE_FINAL_TYPE (TandemSaleCard, tandem_sale_card, GTK_TYPE_LIST_BOX_ROW)

/* Helpers ------------------------------------------------------------------ */

static GtkWidget *
new_label (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (style)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* Callbacks ---------------------------------------------------------------- */

/* The popover is made when it is first needed: a board has hundreds of
 * cards and most menus are never opened. */
static void
on_create_popup_cb (GtkMenuButton *button,
                    gpointer       data)
{
  TandemSaleCard *self = data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->menu);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource  *source,
                    double          x,
                    double          y,
                    TandemSaleCard *self)
{
  return gdk_content_provider_new_typed (G_TYPE_INT64, self->project_id);
}

static void
on_drag_begin_cb (GtkDragSource  *source,
                  GdkDrag        *drag,
                  TandemSaleCard *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, 24, 24);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_drag_end_cb (GtkDragSource  *source,
                GdkDrag        *drag,
                gboolean        delete_data,
                TandemSaleCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_secondary_pressed_cb (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         TandemSaleCard  *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  tandem_sale_card_popup_menu (self);
}

static gboolean
on_menu_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   data)
{
  tandem_sale_card_popup_menu (TANDEM_SALE_CARD (widget));
  return TRUE;
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_sale_card_dispose (GObject *object)
{
  TandemSaleCard *self = TANDEM_SALE_CARD (object);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), NULL);

  G_OBJECT_CLASS (tandem_sale_card_parent_class)->dispose (object);
}

static void
tandem_sale_card_finalize (GObject *object)
{
  TandemSaleCard *self = TANDEM_SALE_CARD (object);

  g_free (self->name);
  g_free (self->currency);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (tandem_sale_card_parent_class)->finalize (object);
}

static void
tandem_sale_card_class_init (TandemSaleCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_sale_card_dispose;
  object_class->finalize = tandem_sale_card_finalize;

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, on_menu_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, on_menu_shortcut_cb, NULL);
}

static void
tandem_sale_card_init (TandemSaleCard *self)
{
  GtkDragSource *drag;
  GtkGesture *click;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "sale-card");

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), self, 0);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_secondary_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
tandem_sale_card_new (TandemProject *project,
                      GMenuModel    *menu,
                      const char    *today)
{
  TandemSaleCard *self;
  GtkWidget *box, *top, *texts, *middle, *bottom, *label, *value_label, *close_label;
  g_autofree char *value = NULL;
  g_autofree char *probability = NULL;
  g_autofree char *date = NULL;
  g_autofree char *when = NULL;
  g_autofree char *accessible = NULL;
  const char *close_date, *company, *seller;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  self = g_object_new (TANDEM_TYPE_SALE_CARD, NULL);
  self->project_id = tandem_record_get_id (TANDEM_RECORD (project));
  self->stage_id = tandem_project_get_stage_id (project);
  self->name = g_strdup (tandem_project_get_name (project));
  self->value = tandem_project_get_value (project);
  self->weighted = tandem_project_get_weighted_value (project);
  self->currency = g_strdup (tandem_project_get_currency (project));

  close_date = tandem_project_get_close_date (project);
  company = tandem_project_get_company_name (project);
  seller = tandem_project_get_seller_name (project);
  self->overdue = close_date && today && strcmp (close_date, today) < 0;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  /* Name and company beside the menu button */
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_margin_top (texts, 4);
  label = new_label (self->name, "heading");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_box_append (GTK_BOX (texts), label);
  gtk_box_append (GTK_BOX (texts), new_label (company ? company : "", "dim-label"));
  gtk_box_append (GTK_BOX (top), texts);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  self->menu = menu ? g_object_ref (menu) : NULL;
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), on_create_popup_cb, self, NULL);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_START);
  gtk_widget_set_focus_on_click (self->menu_button, FALSE);
  gtk_widget_set_tooltip_text (self->menu_button, _("Sale Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sale Menu"), -1);
  gtk_box_append (GTK_BOX (top), self->menu_button);
  gtk_box_append (GTK_BOX (box), top);

  middle = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (middle, 3);
  gtk_widget_set_margin_end (middle, 6);
  value = tandem_format_money (self->value, self->currency);
  value_label = new_label (value, "numeric");
  gtk_widget_add_css_class (value_label, "sale-value");
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_box_append (GTK_BOX (middle), value_label);
  /* Translators: a sale's probability in percent */
  probability = g_strdup_printf (C_("probability", "%d %%"), tandem_project_get_probability (project));
  label = new_label (probability, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_tooltip_text (label, _("Probability"));
  gtk_box_append (GTK_BOX (middle), label);
  gtk_box_append (GTK_BOX (box), middle);

  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_end (bottom, 6);
  date = tandem_sale_card_format_date (close_date);
  if (date == NULL)
    when = g_strdup (_("No closing date"));
  else if (self->overdue)
    /* Translators: %s is the expected closing date, which has passed */
    when = g_strdup_printf (_("Overdue since %s"), date);
  else
    /* Translators: %s is the expected closing date */
    when = g_strdup_printf (_("Closes %s"), date);
  close_label = new_label (when, "caption");
  if (self->overdue)
    gtk_widget_add_css_class (close_label, "warning");
  else
    gtk_widget_add_css_class (close_label, "dim-label");
  gtk_widget_set_hexpand (close_label, TRUE);
  gtk_box_append (GTK_BOX (bottom), close_label);
  label = new_label (seller ? seller : "", "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_tooltip_text (label, _("Seller"));
  gtk_box_append (GTK_BOX (bottom), label);
  gtk_box_append (GTK_BOX (box), bottom);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  /* Translators: how a screen reader reads a sale card: name, company,
   * value, closing date, probability, seller */
  accessible = g_strdup_printf (_("%s, %s, %s, %s, probability %s, seller %s"), self->name, company ? company : "",
                                value, when, probability, seller ? seller : C_("seller", "none"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return GTK_WIDGET (self);
}

gint64
tandem_sale_card_get_project_id (TandemSaleCard *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_CARD (self), 0);
  return self->project_id;
}

gint64
tandem_sale_card_get_stage_id (TandemSaleCard *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_CARD (self), 0);
  return self->stage_id;
}

const char *
tandem_sale_card_get_name (TandemSaleCard *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_CARD (self), NULL);
  return self->name;
}

gint64
tandem_sale_card_get_value (TandemSaleCard *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_CARD (self), 0);
  return self->value;
}

gint64
tandem_sale_card_get_weighted (TandemSaleCard *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_CARD (self), 0);
  return self->weighted;
}

const char *
tandem_sale_card_get_currency (TandemSaleCard *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_CARD (self), NULL);
  return self->currency;
}

gboolean
tandem_sale_card_get_overdue (TandemSaleCard *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_CARD (self), FALSE);
  return self->overdue;
}

void
tandem_sale_card_popup_menu (TandemSaleCard *self)
{
  g_return_if_fail (TANDEM_IS_SALE_CARD (self));
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->menu_button));
}

char *
tandem_sale_card_format_date (const char *date)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (dt == NULL)
    return NULL;
  /* Translators: a sale's expected closing date, as g_date_time_format() */
  return g_date_time_format (dt, C_("closing date", "%-d %b %Y"));
}
