/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPipelinePage"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-narrow-bin.h"
#include "tandem-pipeline-page-private.h"
#include "tandem-pipeline-resources.h"
#include "tandem-sale-dialog.h"

/* Store changes come in bursts (a save touches several tables); one
 * reload after the burst is enough. */
#define RELOAD_DELAY_MS 100

#define COLUMN_WIDTH 300

/* The first rows of the seller filter, before the users */
enum {
  SELLER_ALL,
  SELLER_ME,
  N_SELLER_FIXED
};

struct _TandemPipelinePage
{
  AdwBin             parent_instance;

  /* template widgets */
  TandemNarrowBin   *narrow_bin;
  AdwToastOverlay   *toast_overlay;
  GtkWidget         *filter_bar;
  GtkDropDown       *stage_dropdown;
  GtkWidget         *filters_box;
  GtkDropDown       *seller_dropdown;
  GtkDropDown       *product_dropdown;
  GtkDropDown       *period_dropdown;
  GtkWidget         *filter_button;
  GtkPopover        *filter_popover;
  GtkWidget         *spacer;
  GtkWidget         *new_sale_button;
  GtkWidget         *new_sale_icon_button;
  GtkStack          *stack;
  GtkScrolledWindow *board_scroller;
  GtkWidget         *columns_box;
  GtkRevealer       *close_revealer;
  GtkWidget         *won_target;
  GtkWidget         *lost_target;

  TandemStore       *store;
  GPtrArray         *stages;        /* the open stages, in board order */
  GArray            *seller_ids;    /* the seller filter's users */
  GArray            *product_ids;   /* the product filter's products */
  guint              reload_id;
  gboolean           narrow;
  gboolean           filter_changed;
  guint              syncing;
  gint64             focus_id;      /* the card to focus after a reload */
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  OPEN_PROJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemPipelinePage, tandem_pipeline_page, ADW_TYPE_BIN)

/* Helpers ------------------------------------------------------------------ */

static void
show_toast (TandemPipelinePage *self,
            const char         *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
today_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The closing period the filter asks for, as [@from, @to). */
static void
period_range (TandemPipelinePeriod   period,
              char                 **from,
              char                 **to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  int month = g_date_time_get_month (now);
  int first = month, months = 1;

  *from = *to = NULL;
  switch (period)
    {
    case TANDEM_PIPELINE_PERIOD_MONTH:
      break;
    case TANDEM_PIPELINE_PERIOD_QUARTER:
      first = (month - 1) / 3 * 3 + 1;
      months = 3;
      break;
    case TANDEM_PIPELINE_PERIOD_YEAR:
      first = 1;
      months = 12;
      break;
    case TANDEM_PIPELINE_PERIOD_ANY:
    default:
      return;
    }
  *from = g_strdup_printf ("%04d-%02d-01", year, first);
  first += months;
  if (first > 12)
    {
      first -= 12;
      year++;
    }
  *to = g_strdup_printf ("%04d-%02d-01", year, first);
}

static gint64
selected_seller (TandemPipelinePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->seller_dropdown);
  TandemUser *user = tandem_store_get_user (self->store);

  if (selected == SELLER_ME)
    return user ? tandem_user_get_id (user) : 0;
  if (selected >= N_SELLER_FIXED && selected - N_SELLER_FIXED < self->seller_ids->len)
    return g_array_index (self->seller_ids, gint64, selected - N_SELLER_FIXED);
  return 0;
}

static gint64
selected_product (TandemPipelinePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->product_dropdown);

  if (selected >= 1 && selected - 1 < self->product_ids->len)
    return g_array_index (self->product_ids, gint64, selected - 1);
  return 0;
}

static gboolean
ids_equal (GArray *a,
           GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0;
}

/* Keeps the dropdown's model while the same choices are in it: replacing
 * it would reset the choice and close a list the user may be in. */
static void
set_choices (TandemPipelinePage *self,
             GtkDropDown        *dropdown,
             GArray            **current,
             GArray             *ids,
             GtkStringList      *names)
{
  gint64 chosen = 0;
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint fixed = dropdown == self->seller_dropdown ? N_SELLER_FIXED : 1;

  if (*current && ids_equal (*current, ids) && gtk_drop_down_get_model (dropdown) != NULL)
    return;

  if (*current && selected >= fixed && selected - fixed < (*current)->len)
    chosen = g_array_index (*current, gint64, selected - fixed);

  g_clear_pointer (current, g_array_unref);
  *current = g_array_ref (ids);
  self->syncing++;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  if (selected < fixed && selected != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (dropdown, selected);
  else
    {
      guint position = 0;

      for (guint i = 0; chosen && i < ids->len; i++)
        if (g_array_index (ids, gint64, i) == chosen)
          position = i + fixed;
      gtk_drop_down_set_selected (dropdown, position);
      /* A chosen user or product that is gone filters no more. */
      if (chosen && position == 0)
        self->filter_changed = TRUE;
    }
  self->syncing--;
}

static void
fill_filters (TandemPipelinePage *self)
{
  g_autoptr(GPtrArray) users = tandem_store_list_users (self->store, NULL);
  g_autoptr(GPtrArray) products = tandem_store_list_products (self->store, TRUE, NULL);
  g_autoptr(GtkStringList) user_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) product_names = gtk_string_list_new (NULL);
  g_autoptr(GArray) user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_string_list_append (user_names, _("All Sellers"));
  /* Translators: the seller filter of the pipeline: the signed-in user */
  gtk_string_list_append (user_names, C_("seller", "Me"));
  for (guint i = 0; users && i < users->len; i++)
    {
      TandemUser *user = g_ptr_array_index (users, i);
      gint64 id = tandem_user_get_id (user);

      g_array_append_val (user_ids, id);
      gtk_string_list_append (user_names, tandem_user_get_name (user));
    }
  set_choices (self, self->seller_dropdown, &self->seller_ids, user_ids, user_names);

  gtk_string_list_append (product_names, _("All Products"));
  for (guint i = 0; products && i < products->len; i++)
    {
      TandemProduct *product = g_ptr_array_index (products, i);
      gint64 id = tandem_product_get_id (product);

      g_array_append_val (product_ids, id);
      gtk_string_list_append (product_names, tandem_product_get_name (product));
    }
  set_choices (self, self->product_dropdown, &self->product_ids, product_ids, product_names);
  gtk_widget_set_visible (GTK_WIDGET (self->product_dropdown), product_ids->len > 0 || selected_product (self) != 0);
}

static gboolean
same_stages (TandemPipelinePage *self,
             GPtrArray          *stages)
{
  if (self->stages == NULL || self->stages->len != stages->len)
    return FALSE;
  for (guint i = 0; i < stages->len; i++)
    {
      TandemStage *a = g_ptr_array_index (self->stages, i);
      TandemStage *b = g_ptr_array_index (stages, i);

      if (tandem_stage_get_id (a) != tandem_stage_get_id (b) ||
          g_strcmp0 (tandem_stage_get_name (a), tandem_stage_get_name (b)) != 0 ||
          tandem_stage_get_probability (a) != tandem_stage_get_probability (b))
        return FALSE;
    }
  return TRUE;
}

static void
update_narrow_columns (TandemPipelinePage *self)
{
  guint shown = gtk_drop_down_get_selected (self->stage_dropdown);
  guint i = 0;

  for (GtkWidget *column = gtk_widget_get_first_child (self->columns_box);
       column;
       column = gtk_widget_get_next_sibling (column), i++)
    {
      gtk_widget_set_visible (column, !self->narrow || i == shown);
      gtk_widget_set_hexpand (column, self->narrow);
      gtk_widget_set_size_request (column, self->narrow ? -1 : COLUMN_WIDTH, -1);
    }
}

static void
rebuild_columns (TandemPipelinePage *self,
                 GPtrArray          *stages)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint shown = gtk_drop_down_get_selected (self->stage_dropdown);
  gint64 shown_id = 0;
  GtkWidget *child;

  if (self->stages && shown < self->stages->len)
    shown_id = tandem_stage_get_id (g_ptr_array_index (self->stages, shown));

  while ((child = gtk_widget_get_first_child (self->columns_box)))
    gtk_box_remove (GTK_BOX (self->columns_box), child);

  shown = 0;
  for (guint i = 0; i < stages->len; i++)
    {
      TandemStage *stage = g_ptr_array_index (stages, i);
      GtkWidget *column = tandem_pipeline_column_new (self->store, stage);

      tandem_pipeline_column_set_stages (TANDEM_PIPELINE_COLUMN (column), stages);
      gtk_box_append (GTK_BOX (self->columns_box), column);
      gtk_string_list_append (names, tandem_stage_get_name (stage));
      if (tandem_stage_get_id (stage) == shown_id)
        shown = i;
    }

  g_clear_pointer (&self->stages, g_ptr_array_unref);
  self->stages = g_ptr_array_ref (stages);

  self->syncing++;
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->stage_dropdown, shown);
  self->syncing--;

  self->filter_changed = TRUE;
  update_narrow_columns (self);
}

static TandemSaleCard *
focused_card (TandemPipelinePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *card;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  card = TANDEM_IS_SALE_CARD (focus) ? focus : gtk_widget_get_ancestor (focus, TANDEM_TYPE_SALE_CARD);
  return card ? TANDEM_SALE_CARD (card) : NULL;
}

static guint
stage_index (TandemPipelinePage *self,
             gint64              stage_id)
{
  for (guint i = 0; self->stages && i < self->stages->len; i++)
    if (tandem_stage_get_id (g_ptr_array_index (self->stages, i)) == stage_id)
      return i;
  return G_MAXUINT;
}

static void
focus_card (TandemPipelinePage *self,
            gint64              project_id)
{
  TandemSaleCard *card = tandem_pipeline_page_find_card (self, project_id);
  GtkWidget *column;

  if (card == NULL)
    return;
  column = gtk_widget_get_ancestor (GTK_WIDGET (card), TANDEM_TYPE_PIPELINE_COLUMN);
  if (self->narrow && column && !gtk_widget_get_visible (column))
    {
      guint index = stage_index (self, tandem_pipeline_column_get_stage_id (TANDEM_PIPELINE_COLUMN (column)));

      if (index != G_MAXUINT)
        gtk_drop_down_set_selected (self->stage_dropdown, index);
    }
  gtk_widget_grab_focus (GTK_WIDGET (card));
}

/* The card the keyboard goes to when @card leaves its column. */
static gint64
neighbour_of (TandemSaleCard *card)
{
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (card));
  GtkWidget *previous = gtk_widget_get_prev_sibling (GTK_WIDGET (card));

  if (next && TANDEM_IS_SALE_CARD (next))
    return tandem_sale_card_get_project_id (TANDEM_SALE_CARD (next));
  if (previous && TANDEM_IS_SALE_CARD (previous))
    return tandem_sale_card_get_project_id (TANDEM_SALE_CARD (previous));
  return 0;
}

static void
move_sale (TandemPipelinePage *self,
           gint64              id,
           gint64              stage_id)
{
  g_autoptr(GError) error = NULL;
  TandemSaleCard *card = focused_card (self);

  if (!tandem_store_move_sale (self->store, id, stage_id, &error))
    {
      show_toast (self, error->message);
      return;
    }
  if (card && tandem_sale_card_get_project_id (card) == id)
    self->focus_id = id;
  tandem_pipeline_page_reload (self);
}

static void
close_sale (TandemPipelinePage *self,
            gint64              id,
            TandemSaleState     state)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  TandemSaleCard *card = focused_card (self);
  AdwToast *toast;

  project = tandem_store_get_project (self->store, id, &error);
  if (project == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  if (card && tandem_sale_card_get_project_id (card) == id)
    self->focus_id = neighbour_of (card);
  if (!tandem_store_close_sale (self->store, id, state, &error))
    {
      self->focus_id = 0;
      show_toast (self, error->message);
      return;
    }

  if (state == TANDEM_SALE_WON)
    /* Translators: a toast; %s is the sale's name */
    title = g_strdup_printf (_("“%s” marked as won"), tandem_project_get_name (project));
  else
    /* Translators: a toast; %s is the sale's name */
    title = g_strdup_printf (_("“%s” marked as lost"), tandem_project_get_name (project));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "pipeline.reopen");
  adw_toast_set_action_target_value (toast, g_variant_new ("(xx)", id, tandem_project_get_stage_id (project)));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  tandem_pipeline_page_reload (self);
}

static void
move_focused (TandemPipelinePage *self,
              int                 delta)
{
  TandemSaleCard *card = focused_card (self);
  guint index;

  if (card == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  index = stage_index (self, tandem_sale_card_get_stage_id (card));
  if (index == G_MAXUINT || (delta < 0 && index == 0) || (delta > 0 && index + 1 >= self->stages->len))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  move_sale (self, tandem_sale_card_get_project_id (card),
             tandem_stage_get_id (g_ptr_array_index (self->stages, index + delta)));
}

static void
set_narrow (TandemPipelinePage *self,
            gboolean            narrow)
{
  if (self->narrow == narrow)
    return;
  self->narrow = narrow;

  /* The filters move into a popover where the row has no room. */
  g_object_ref (self->filters_box);
  if (narrow)
    {
      gtk_box_remove (GTK_BOX (self->filter_bar), self->filters_box);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filters_box), GTK_ORIENTATION_VERTICAL);
      gtk_popover_set_child (self->filter_popover, self->filters_box);
    }
  else
    {
      gtk_popover_set_child (self->filter_popover, NULL);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filters_box), GTK_ORIENTATION_HORIZONTAL);
      gtk_box_insert_child_after (GTK_BOX (self->filter_bar), self->filters_box, GTK_WIDGET (self->stage_dropdown));
    }
  g_object_unref (self->filters_box);

  gtk_widget_set_visible (GTK_WIDGET (self->stage_dropdown), narrow);
  gtk_widget_set_visible (self->filter_button, narrow);
  gtk_widget_set_visible (self->spacer, !narrow);
  gtk_widget_set_visible (self->new_sale_button, !narrow);
  gtk_widget_set_visible (self->new_sale_icon_button, narrow);
  gtk_scrolled_window_set_policy (self->board_scroller, narrow ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  update_narrow_columns (self);
}

static void
on_narrow_changed_cb (TandemPipelinePage *self)
{
  set_narrow (self, tandem_narrow_bin_get_narrow (self->narrow_bin));
}

/* Callbacks ---------------------------------------------------------------- */

static gboolean
on_reload_timeout_cb (gpointer data)
{
  TandemPipelinePage *self = data;

  self->reload_id = 0;
  tandem_pipeline_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (TandemPipelinePage *self,
                     int                 kind,
                     gint64              id,
                     TandemStore        *store)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
}

static void
on_filter_changed_cb (TandemPipelinePage *self)
{
  if (self->syncing)
    return;
  self->filter_changed = TRUE;
  tandem_pipeline_page_reload (self);
}

static void
on_stage_selected_cb (TandemPipelinePage *self)
{
  if (self->syncing)
    return;
  update_narrow_columns (self);
}

static void
on_saved_cb (TandemPipelinePage *self,
             gint64              id)
{
  self->focus_id = id;
}

static GdkDragAction
on_drag_enter_cb (GtkDropControllerMotion *motion,
                  double                   x,
                  double                   y,
                  TandemPipelinePage      *self)
{
  GdkDrop *drop = gtk_drop_controller_motion_get_drop (motion);

  if (drop && gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), G_TYPE_INT64))
    gtk_revealer_set_reveal_child (self->close_revealer, TRUE);
  return 0;
}

static void
on_drag_leave_cb (GtkDropControllerMotion *motion,
                  TandemPipelinePage      *self)
{
  gtk_revealer_set_reveal_child (self->close_revealer, FALSE);
}

static gboolean
on_won_drop_cb (GtkDropTarget      *target,
                const GValue       *value,
                double              x,
                double              y,
                TandemPipelinePage *self)
{
  gtk_revealer_set_reveal_child (self->close_revealer, FALSE);
  close_sale (self, g_value_get_int64 (value), TANDEM_SALE_WON);
  return TRUE;
}

static gboolean
on_lost_drop_cb (GtkDropTarget      *target,
                 const GValue       *value,
                 double              x,
                 double              y,
                 TandemPipelinePage *self)
{
  gtk_revealer_set_reveal_child (self->close_revealer, FALSE);
  close_sale (self, g_value_get_int64 (value), TANDEM_SALE_LOST);
  return TRUE;
}

/* Actions ------------------------------------------------------------------ */

static void
new_sale_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TandemPipelinePage *self = TANDEM_PIPELINE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  TandemSaleDialog *dialog;

  dialog = tandem_sale_dialog_new_sale (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_PROJECT], 0, g_variant_get_int64 (parameter));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gint64 id, stage_id;

  g_variant_get (parameter, "(xx)", &id, &stage_id);
  move_sale (TANDEM_PIPELINE_PAGE (widget), id, stage_id);
}

static void
move_side_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gboolean left = g_str_equal (action_name, "pipeline.move-left");

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    left = !left;
  move_focused (TANDEM_PIPELINE_PAGE (widget), left ? -1 : 1);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  close_sale (TANDEM_PIPELINE_PAGE (widget), g_variant_get_int64 (parameter),
              g_str_equal (action_name, "pipeline.won") ? TANDEM_SALE_WON : TANDEM_SALE_LOST);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemPipelinePage *self = TANDEM_PIPELINE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id, stage_id;

  g_variant_get (parameter, "(xx)", &id, &stage_id);
  if (!tandem_store_move_sale (self->store, id, stage_id, &error))
    {
      show_toast (self, error->message);
      return;
    }
  self->focus_id = id;
  tandem_pipeline_page_reload (self);
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_pipeline_page_constructed (GObject *object)
{
  TandemPipelinePage *self = TANDEM_PIPELINE_PAGE (object);

  G_OBJECT_CLASS (tandem_pipeline_page_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  self->filter_changed = TRUE;
  tandem_pipeline_page_reload (self);
}

static void
tandem_pipeline_page_dispose (GObject *object)
{
  TandemPipelinePage *self = TANDEM_PIPELINE_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  /* The filters may be in the popover rather than the bar. */
  if (self->narrow)
    set_narrow (self, FALSE);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_PIPELINE_PAGE);

  G_OBJECT_CLASS (tandem_pipeline_page_parent_class)->dispose (object);
}

static void
tandem_pipeline_page_finalize (GObject *object)
{
  TandemPipelinePage *self = TANDEM_PIPELINE_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->seller_ids, g_array_unref);
  g_clear_pointer (&self->product_ids, g_array_unref);

  G_OBJECT_CLASS (tandem_pipeline_page_parent_class)->finalize (object);
}

static void
tandem_pipeline_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TandemPipelinePage *self = TANDEM_PIPELINE_PAGE (object);

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
tandem_pipeline_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TandemPipelinePage *self = TANDEM_PIPELINE_PAGE (object);

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
tandem_pipeline_page_class_init (TandemPipelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_pipeline_page_constructed;
  object_class->dispose = tandem_pipeline_page_dispose;
  object_class->finalize = tandem_pipeline_page_finalize;
  object_class->get_property = tandem_pipeline_page_get_property;
  object_class->set_property = tandem_pipeline_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_PROJECT] =
    g_signal_new ("open-project", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  (void) tandem_pipeline_get_resource ();
  g_type_ensure (TANDEM_TYPE_NARROW_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/pipeline/tandem-pipeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, narrow_bin);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, filters_box);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, seller_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, product_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, spacer);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, new_sale_button);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, new_sale_icon_button);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, board_scroller);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, columns_box);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, close_revealer);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, won_target);
  gtk_widget_class_bind_template_child (widget_class, TandemPipelinePage, lost_target);

  gtk_widget_class_install_action (widget_class, "pipeline.new-sale", NULL, new_sale_action);
  gtk_widget_class_install_action (widget_class, "pipeline.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "pipeline.move", "(xx)", move_action);
  gtk_widget_class_install_action (widget_class, "pipeline.move-left", NULL, move_side_action);
  gtk_widget_class_install_action (widget_class, "pipeline.move-right", NULL, move_side_action);
  gtk_widget_class_install_action (widget_class, "pipeline.won", "x", close_action);
  gtk_widget_class_install_action (widget_class, "pipeline.lost", "x", close_action);
  gtk_widget_class_install_action (widget_class, "pipeline.reopen", "(xx)", reopen_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "pipeline.move-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "pipeline.move-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "pipeline.move-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_ALT_MASK, "pipeline.move-right", NULL);
}

static void
tandem_pipeline_page_init (TandemPipelinePage *self)
{
  static gsize css_loaded = 0;
  GtkEventController *motion;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->narrow_bin, "notify::narrow", G_CALLBACK (on_narrow_changed_cb), self,
                           G_CONNECT_SWAPPED);

  if (g_once_init_enter (&css_loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/tandemcrm/Tandem/pipeline/tandem-pipeline.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }

  self->seller_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_signal_connect_object (self->seller_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->product_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->period_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stage_dropdown, "notify::selected", G_CALLBACK (on_stage_selected_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->seller_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Seller"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->product_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Product"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->period_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Expected closing"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stage_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stage shown"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_sale_icon_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New Sale"), -1);

  motion = gtk_drop_controller_motion_new ();
  g_signal_connect_object (motion, "enter", G_CALLBACK (on_drag_enter_cb), self, 0);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_drag_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_won_drop_cb), self, 0);
  gtk_widget_add_controller (self->won_target, GTK_EVENT_CONTROLLER (drop));
  drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_lost_drop_cb), self, 0);
  gtk_widget_add_controller (self->lost_target, GTK_EVENT_CONTROLLER (drop));
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
tandem_pipeline_page_new (TandemStore *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  return g_object_new (TANDEM_TYPE_PIPELINE_PAGE, "store", store, NULL);
}

TandemStore *
tandem_pipeline_page_get_store (TandemPipelinePage *self)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_PAGE (self), NULL);
  return self->store;
}

void
tandem_pipeline_page_reload (TandemPipelinePage *self)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *today = today_string ();
  TandemPipelineFilter filter;
  TandemSaleCard *card;
  gboolean filtered;
  gint64 focus_id;
  guint n_sales = 0;

  g_return_if_fail (TANDEM_IS_PIPELINE_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->close_revealer, FALSE);

  card = focused_card (self);
  focus_id = self->focus_id ? self->focus_id : card ? tandem_sale_card_get_project_id (card) : 0;
  self->focus_id = 0;

  if (tandem_store_get_user (self->store) == NULL)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (self->columns_box)))
        gtk_box_remove (GTK_BOX (self->columns_box), child);
      g_clear_pointer (&self->stages, g_ptr_array_unref);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  stages = tandem_store_list_stages (self->store, &error);
  if (stages == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  open = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < stages->len; i++)
    if (tandem_stage_get_outcome (g_ptr_array_index (stages, i)) == TANDEM_SALE_OPEN)
      g_ptr_array_add (open, g_object_ref (g_ptr_array_index (stages, i)));
  if (!same_stages (self, open))
    rebuild_columns (self, open);

  fill_filters (self);
  period_range (gtk_drop_down_get_selected (self->period_dropdown), &from, &to);
  filter.seller_id = selected_seller (self);
  filter.product_id = selected_product (self);
  filter.close_from = from;
  filter.close_to = to;
  filtered = filter.seller_id || filter.product_id || from || to;

  /* The store's pipeline report sums each stage without reading its
   * sales, for the same filter as the cards. */
  totals = tandem_store_pipeline_report_filtered (self->store, TANDEM_REPORT_BY_STAGE, from, to,
                                                  filter.seller_id, filter.product_id, &error);
  if (totals == NULL)
    {
      show_toast (self, error->message);
      g_clear_error (&error);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child;
       child = gtk_widget_get_next_sibling (child))
    {
      TandemPipelineColumn *column = TANDEM_PIPELINE_COLUMN (child);

      if (self->filter_changed)
        tandem_pipeline_column_set_filter (column, &filter);
      if (!tandem_pipeline_column_reload (column, totals, today, error ? NULL : &error))
        continue;
      n_sales += tandem_pipeline_column_get_n_sales (column);
    }
  self->filter_changed = FALSE;
  if (error)
    show_toast (self, error->message);

  gtk_stack_set_visible_child_name (self->stack, n_sales == 0 && !filtered ? "empty" : "board");
  if (focus_id)
    focus_card (self, focus_id);
}

/* Private API -------------------------------------------------------------- */

guint
tandem_pipeline_page_get_n_columns (TandemPipelinePage *self)
{
  guint n = 0;

  g_return_val_if_fail (TANDEM_IS_PIPELINE_PAGE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

TandemPipelineColumn *
tandem_pipeline_page_get_column (TandemPipelinePage *self,
                                 guint               index)
{
  GtkWidget *child;

  g_return_val_if_fail (TANDEM_IS_PIPELINE_PAGE (self), NULL);

  for (child = gtk_widget_get_first_child (self->columns_box); child && index > 0; index--)
    child = gtk_widget_get_next_sibling (child);
  return child ? TANDEM_PIPELINE_COLUMN (child) : NULL;
}

TandemPipelineColumn *
tandem_pipeline_page_find_column (TandemPipelinePage *self,
                                  gint64              stage_id)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child;
       child = gtk_widget_get_next_sibling (child))
    if (tandem_pipeline_column_get_stage_id (TANDEM_PIPELINE_COLUMN (child)) == stage_id)
      return TANDEM_PIPELINE_COLUMN (child);
  return NULL;
}

TandemSaleCard *
tandem_pipeline_page_find_card (TandemPipelinePage *self,
                                gint64              project_id)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child;
       child = gtk_widget_get_next_sibling (child))
    {
      TandemSaleCard *card = tandem_pipeline_column_find_card (TANDEM_PIPELINE_COLUMN (child), project_id);

      if (card)
        return card;
    }
  return NULL;
}

GtkDropDown *
tandem_pipeline_page_get_seller_dropdown (TandemPipelinePage *self)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_PAGE (self), NULL);
  return self->seller_dropdown;
}

GtkDropDown *
tandem_pipeline_page_get_product_dropdown (TandemPipelinePage *self)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_PAGE (self), NULL);
  return self->product_dropdown;
}

GtkDropDown *
tandem_pipeline_page_get_period_dropdown (TandemPipelinePage *self)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_PAGE (self), NULL);
  return self->period_dropdown;
}

gboolean
tandem_pipeline_page_get_narrow (TandemPipelinePage *self)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_PAGE (self), FALSE);
  return self->narrow;
}

const char *
tandem_pipeline_page_get_visible_view (TandemPipelinePage *self)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

AdwToastOverlay *
tandem_pipeline_page_get_toast_overlay (TandemPipelinePage *self)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_PAGE (self), NULL);
  return self->toast_overlay;
}
