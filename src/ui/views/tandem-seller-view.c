/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemSellerView"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-activity-row.h"
#include "tandem-seller-view-private.h"
#include "tandem-views-resources.h"

/* Store changes come in bursts (a save touches several tables); one
 * reload after the burst is enough. */
#define RELOAD_DELAY_MS 100
/* Activities on a card before "Show All". */
#define CARD_LIMIT 5

struct _TandemSellerView
{
  AdwBin parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkWidget       *seller_bar;
  GtkDropDown     *seller_dropdown;
  GtkStack        *stack;
  GtkFlowBox      *flow_box;
  AdwStatusPage   *empty_page;
  GtkWidget       *plan_button;

  TandemStore     *store;
  gint64           seller_id;      /* 0: the signed-in user */
  GArray          *seller_ids;     /* the dropdown's users, in order */
  GHashTable      *expanded;       /* category ids whose card shows all */
  guint            reload_id;
  guint            syncing;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELLER_ID,
  N_PROPS
};

enum {
  OPEN_ACTIVITY,
  PLAN_ACTIVITY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemSellerView, tandem_seller_view, ADW_TYPE_BIN)

static gint64
get_my_id (TandemSellerView *self)
{
  TandemUser *user = tandem_store_get_user (self->store);

  return user ? tandem_user_get_id (user) : 0;
}

static gboolean
can_choose_seller (TandemSellerView *self)
{
  TandemUser *user = tandem_store_get_user (self->store);

  return user != NULL && (tandem_user_get_role (user) == TANDEM_ROLE_ADMIN ||
                          tandem_user_get_role (user) == TANDEM_ROLE_MANAGER);
}

static gint64
shown_seller_id (TandemSellerView *self)
{
  if (self->seller_id != 0 && can_choose_seller (self))
    return self->seller_id;
  return get_my_id (self);
}

static char *
format_progress (TandemTargetProgress *progress)
{
  guint done = tandem_target_progress_get_done (progress);
  guint target = tandem_target_progress_get_target (progress);

  if (tandem_target_progress_get_period (progress) == TANDEM_PERIOD_MONTH)
    /* Translators: progress against a sales target, "3 of 5 this month" */
    return g_strdup_printf (_("%u of %u this month"), done, target);
  /* Translators: progress against a sales target, "3 of 5 this week" */
  return g_strdup_printf (_("%u of %u this week"), done, target);
}

static void
on_card_row_activated_cb (TandemSellerView *self,
                          GtkListBoxRow    *row,
                          GtkListBox       *list)
{
  if (!TANDEM_IS_ACTIVITY_ROW (row))
    return;
  g_signal_emit (self, signals[OPEN_ACTIVITY], 0,
                 tandem_activity_row_get_activity_id (TANDEM_ACTIVITY_ROW (row)),
                 tandem_activity_row_get_recurrence_id (TANDEM_ACTIVITY_ROW (row)));
}

static void
on_show_all_clicked_cb (GtkButton        *button,
                        TandemSellerView *self)
{
  gint64 category_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "category-id");

  if (!g_hash_table_remove (self->expanded, &category_id))
    g_hash_table_add (self->expanded, g_memdup2 (&category_id, sizeof category_id));
  tandem_seller_view_reload (self);
}

static GtkWidget *
create_progress (TandemTargetProgress *progress,
                 GtkWidget            *card)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
  guint target = tandem_target_progress_get_target (progress);
  guint done = tandem_target_progress_get_done (progress);
  g_autofree char *text = format_progress (progress);
  GtkWidget *label = gtk_label_new (text);

  /* A start is not a warning: only "reached" gets its own colour. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), target ? MIN (1.0, (double) done / target) : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  if (done >= target)
    gtk_widget_add_css_class (label, "success");
  else
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data_full (G_OBJECT (card), "progress-text", g_steal_pointer (&text), g_free);
  return box;
}

static GtkWidget *
create_card (TandemSellerView     *self,
             TandemTerm           *category,
             TandemTargetProgress *progress,
             GPtrArray            *activities,
             gboolean              has_more,
             gboolean              expanded,
             GHashTable           *categories,
             GDateTime            *now)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (tandem_term_get_name (category));
  gint64 category_id = tandem_term_get_id (category);

  gtk_widget_set_valign (card, GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (card), "category-id", g_memdup2 (&category_id, sizeof category_id), g_free);

  gtk_box_append (GTK_BOX (header), gtk_image_new_from_icon_name (tandem_activity_row_get_category_icon (category)));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (header), name);
  if (has_more || expanded)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (expanded ? _("Show _Fewer") : _("Show _All"));

      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "category-id", g_memdup2 (&category_id, sizeof category_id), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_show_all_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (header), button);
    }
  gtk_widget_set_size_request (header, -1, 34);
  gtk_box_append (GTK_BOX (card), header);

  if (progress)
    gtk_box_append (GTK_BOX (card), create_progress (progress, card));

  if (activities)
    {
      GtkWidget *list = gtk_list_box_new ();
      guint n = expanded ? activities->len : MIN (activities->len, CARD_LIMIT);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      g_signal_connect_object (list, "row-activated", G_CALLBACK (on_card_row_activated_cb),
                               self, G_CONNECT_SWAPPED);
      for (guint i = 0; i < n; i++)
        {
          TandemActivity *activity = g_ptr_array_index (activities, i);
          GtkWidget *row = tandem_activity_row_new_for_activity (activity, categories, now);
          TandemStatus status = tandem_activity_get_status (activity);
          TandemOutcome outcome = tandem_activity_get_outcome (activity);

          g_autofree char *when = tandem_activity_row_describe_when (activity, now);
          const char *company = tandem_activity_get_company_name (activity);
          g_autofree char *subtitle = company && *company ? g_strdup_printf ("%s · %s", when, company)
                                                          : g_steal_pointer (&when);

          /* The card's heading names the category already. */
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          if (outcome != TANDEM_OUTCOME_NONE)
            tandem_activity_row_add_tag (TANDEM_ACTIVITY_ROW (row), tandem_outcome_get_label (outcome),
                                         outcome == TANDEM_OUTCOME_SUCCESS ? "success" : "error");
          else if (status != TANDEM_STATUS_PLANNED)
            tandem_activity_row_add_tag (TANDEM_ACTIVITY_ROW (row), tandem_status_get_label (status), NULL);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      if (n == 0)
        {
          GtkWidget *placeholder = gtk_label_new (_("None yet"));

          gtk_widget_add_css_class (placeholder, "dim-label");
          gtk_widget_set_margin_top (placeholder, 12);
          gtk_widget_set_margin_bottom (placeholder, 12);
          gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
        }
      g_object_set_data (G_OBJECT (card), "list", list);
      gtk_box_append (GTK_BOX (card), list);
    }
  return card;
}

static void
fill_seller_dropdown (TandemSellerView *self)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 shown = shown_seller_id (self);
  guint selected = 0;
  gboolean same;

  gtk_widget_set_visible (self->seller_bar, can_choose_seller (self));
  if (!can_choose_seller (self))
    return;

  users = tandem_store_list_users (self->store, NULL);
  names = gtk_string_list_new (NULL);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; users && i < users->len; i++)
    {
      TandemUser *user = g_ptr_array_index (users, i);
      gint64 id = tandem_user_get_id (user);

      if (!tandem_user_get_active (user) && id != shown)
        continue;
      if (id == shown)
        selected = ids->len;
      g_array_append_val (ids, id);
      gtk_string_list_append (names, tandem_user_get_name (user));
    }

  /* The model stays while the same people are in it: replacing it would
   * also close the list the user may be choosing from. */
  same = ids->len == self->seller_ids->len &&
         memcmp (ids->data, self->seller_ids->data, ids->len * sizeof (gint64)) == 0;
  self->syncing++;
  if (!same)
    {
      g_array_unref (self->seller_ids);
      self->seller_ids = g_steal_pointer (&ids);
      gtk_drop_down_set_model (self->seller_dropdown, G_LIST_MODEL (names));
    }
  if (gtk_drop_down_get_selected (self->seller_dropdown) != selected)
    gtk_drop_down_set_selected (self->seller_dropdown, selected);
  self->syncing--;
}

static gboolean
on_reload_timeout_cb (gpointer data)
{
  TandemSellerView *self = data;

  self->reload_id = 0;
  tandem_seller_view_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (TandemSellerView *self,
                     int               kind,
                     gint64            id,
                     TandemStore      *store)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
}

static void
on_seller_selected_cb (TandemSellerView *self)
{
  guint selected = gtk_drop_down_get_selected (self->seller_dropdown);

  if (self->syncing || selected >= self->seller_ids->len)
    return;
  tandem_seller_view_set_seller_id (self, g_array_index (self->seller_ids, gint64, selected));
}

static void
on_plan_clicked_cb (TandemSellerView *self)
{
  g_signal_emit (self, signals[PLAN_ACTIVITY], 0, (int) TANDEM_KIND_NONE, (gint64) 0, NULL);
}

static void
tandem_seller_view_constructed (GObject *object)
{
  TandemSellerView *self = TANDEM_SELLER_VIEW (object);

  G_OBJECT_CLASS (tandem_seller_view_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  tandem_seller_view_reload (self);
}

static void
tandem_seller_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tandem_seller_view_parent_class)->map (widget);
  /* A new week or month may have begun while the view was hidden. */
  tandem_seller_view_reload (TANDEM_SELLER_VIEW (widget));
}

static void
tandem_seller_view_dispose (GObject *object)
{
  TandemSellerView *self = TANDEM_SELLER_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  /* The bound toast overlay is the bin's own child: the bin lets go of
   * it first, or disposing the template would unparent it behind the
   * bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_SELLER_VIEW);

  G_OBJECT_CLASS (tandem_seller_view_parent_class)->dispose (object);
}

static void
tandem_seller_view_finalize (GObject *object)
{
  TandemSellerView *self = TANDEM_SELLER_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->seller_ids, g_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (tandem_seller_view_parent_class)->finalize (object);
}

static void
tandem_seller_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TandemSellerView *self = TANDEM_SELLER_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELLER_ID:
      g_value_set_int64 (value, self->seller_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_seller_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TandemSellerView *self = TANDEM_SELLER_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SELLER_ID:
      tandem_seller_view_set_seller_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_seller_view_class_init (TandemSellerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_seller_view_constructed;
  object_class->dispose = tandem_seller_view_dispose;
  object_class->finalize = tandem_seller_view_finalize;
  object_class->get_property = tandem_seller_view_get_property;
  object_class->set_property = tandem_seller_view_set_property;
  widget_class->map = tandem_seller_view_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELLER_ID] =
    g_param_spec_int64 ("seller-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_ACTIVITY] =
    g_signal_new ("open-activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[PLAN_ACTIVITY] =
    g_signal_new ("plan-activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT64, G_TYPE_DATE_TIME);

  /* Links the templates in, also from the static library. */
  (void) tandem_views_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/views/tandem-seller-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemSellerView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemSellerView, seller_bar);
  gtk_widget_class_bind_template_child (widget_class, TandemSellerView, seller_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemSellerView, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemSellerView, flow_box);
  gtk_widget_class_bind_template_child (widget_class, TandemSellerView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TandemSellerView, plan_button);
  gtk_widget_class_bind_template_callback (widget_class, on_seller_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_clicked_cb);
}

static void
tandem_seller_view_init (TandemSellerView *self)
{
  self->seller_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tandem_seller_view_new (TandemStore *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  return g_object_new (TANDEM_TYPE_SELLER_VIEW, "store", store, NULL);
}

TandemStore *
tandem_seller_view_get_store (TandemSellerView *self)
{
  g_return_val_if_fail (TANDEM_IS_SELLER_VIEW (self), NULL);
  return self->store;
}

gint64
tandem_seller_view_get_seller_id (TandemSellerView *self)
{
  g_return_val_if_fail (TANDEM_IS_SELLER_VIEW (self), 0);
  return self->seller_id;
}

void
tandem_seller_view_set_seller_id (TandemSellerView *self,
                                  gint64            user_id)
{
  g_return_if_fail (TANDEM_IS_SELLER_VIEW (self));

  if (self->store && user_id == get_my_id (self))
    user_id = 0;
  if (self->seller_id == user_id)
    return;
  self->seller_id = user_id;
  if (self->store)
    tandem_seller_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELLER_ID]);
}

void
tandem_seller_view_reload (TandemSellerView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GError) error = NULL;
  GtkFlowBoxChild *old;
  gint64 seller;
  gboolean own;
  guint n_cards = 0;

  g_return_if_fail (TANDEM_IS_SELLER_VIEW (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  while ((old = gtk_flow_box_get_child_at_index (self->flow_box, 0)))
    gtk_flow_box_remove (self->flow_box, GTK_WIDGET (old));

  fill_seller_dropdown (self);
  seller = shown_seller_id (self);
  if (seller == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  /* The store lists only the signed-in user's own activities; for
   * another seller the cards show the progress. */
  own = seller == get_my_id (self);

  terms = tandem_store_list_terms (self->store, TANDEM_TERM_CATEGORY, &error);
  if (terms == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      g_clear_error (&error);
    }
  targets = tandem_store_list_target_progress (self->store, seller, now, &error);
  if (targets == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      g_clear_error (&error);
    }
  categories = tandem_activity_row_load_categories (self->store);

  for (guint i = 0; terms && i < terms->len; i++)
    {
      TandemTerm *category = g_ptr_array_index (terms, i);
      gint64 category_id = tandem_term_get_id (category);
      gboolean expanded = g_hash_table_contains (self->expanded, &category_id);
      TandemTargetProgress *progress = NULL;
      g_autoptr(GPtrArray) activities = NULL;
      gboolean has_more = FALSE;

      for (guint j = 0; targets && j < targets->len; j++)
        if (tandem_target_progress_get_category_id (g_ptr_array_index (targets, j)) == category_id)
          progress = g_ptr_array_index (targets, j);

      if (own)
        {
          /* One more than shown tells whether there are more. */
          activities = tandem_store_list_category_activities (self->store, category_id,
                                                              expanded ? G_MAXINT : CARD_LIMIT + 1, &error);
          if (activities == NULL)
            {
              g_debug ("Could not read the activities of a category: %s", error->message);
              g_clear_error (&error);
            }
          has_more = activities && activities->len > CARD_LIMIT;
        }

      if (progress == NULL && (activities == NULL || activities->len == 0))
        continue;

      gtk_flow_box_append (self->flow_box, create_card (self, category, progress, activities,
                                                        has_more, expanded, categories, now));
      n_cards++;
    }

  if (n_cards == 0)
    {
      adw_status_page_set_description (self->empty_page,
                                       own ? _("Your activities show here by category, with your sales targets")
                                           : _("This seller has no sales targets yet"));
      gtk_widget_set_visible (self->plan_button, own);
    }
  gtk_stack_set_visible_child_name (self->stack, n_cards > 0 ? "cards" : "empty");
}

GtkWidget *
tandem_seller_view_find_card (TandemSellerView *self,
                              gint64            category_id)
{
  GtkFlowBoxChild *child;

  g_return_val_if_fail (TANDEM_IS_SELLER_VIEW (self), NULL);

  for (int i = 0; (child = gtk_flow_box_get_child_at_index (self->flow_box, i)); i++)
    {
      GtkWidget *card = gtk_flow_box_child_get_child (child);
      gint64 *id = g_object_get_data (G_OBJECT (card), "category-id");

      if (id && *id == category_id)
        return card;
    }
  return NULL;
}

const char *
tandem_seller_view_card_get_progress (GtkWidget *card)
{
  return g_object_get_data (G_OBJECT (card), "progress-text");
}

GtkListBox *
tandem_seller_view_card_get_list (GtkWidget *card)
{
  return g_object_get_data (G_OBJECT (card), "list");
}

GtkDropDown *
tandem_seller_view_get_seller_dropdown (TandemSellerView *self)
{
  g_return_val_if_fail (TANDEM_IS_SELLER_VIEW (self), NULL);
  return self->seller_dropdown;
}
