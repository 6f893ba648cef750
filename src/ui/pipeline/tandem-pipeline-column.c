/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPipelineColumn"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-pipeline-column.h"
#include "tandem-report-row.h"

struct _TandemPipelineColumn
{
  GtkBox        parent_instance;

  GtkWidget    *title_label;
  GtkWidget    *count_label;
  GtkWidget    *totals_box;
  GtkWidget    *scroller;
  GtkListBox   *list;
  GtkWidget    *more_row;
  GtkWidget    *more_title;
  GtkWidget    *more_detail;

  TandemStore  *store;
  TandemStage  *stage;
  GPtrArray    *stages;     /* open stages, for the cards' menus */
  GPtrArray    *totals;     /* TandemReportRow per currency */
  gint64        seller_id;
  gint64        product_id;
  char         *close_from;
  char         *close_to;
  guint         limit;
  guint         n_sales;
  guint         n_shown;
};

G_DEFINE_FINAL_TYPE (TandemPipelineColumn, tandem_pipeline_column, GTK_TYPE_BOX)

/* Helpers ------------------------------------------------------------------ */

static void
fill_query (TandemPipelineColumn *self,
            TandemProjectQuery   *query)
{
  memset (query, 0, sizeof *query);
  query->of = TANDEM_PROJECTS_SALES;
  query->open_only = TRUE;
  query->stage_id = tandem_stage_get_id (self->stage);
  query->seller_id = self->seller_id;
  query->product_id = self->product_id;
  query->close_from = self->close_from;
  query->close_to = self->close_to;
}

static TandemReportRow *
find_total (GPtrArray  *totals,
            const char *currency)
{
  for (guint i = 0; totals && i < totals->len; i++)
    {
      TandemReportRow *row = g_ptr_array_index (totals, i);

      if (g_strcmp0 (tandem_report_row_get_currency (row), currency) == 0)
        return row;
    }
  return NULL;
}

static int
compare_currency (gconstpointer a,
                  gconstpointer b)
{
  TandemReportRow *ra = *(TandemReportRow **) a;
  TandemReportRow *rb = *(TandemReportRow **) b;

  return g_strcmp0 (tandem_report_row_get_currency (ra), tandem_report_row_get_currency (rb));
}

/* The report's rows of this column's stage. */
static GPtrArray *
pick_totals (TandemPipelineColumn *self,
             GPtrArray            *report)
{
  GPtrArray *totals = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 stage_id = tandem_stage_get_id (self->stage);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, stage_id);

  for (guint i = 0; i < report->len; i++)
    {
      TandemReportRow *row = g_ptr_array_index (report, i);

      if (tandem_report_row_get_key_id (row) == stage_id || g_strcmp0 (tandem_report_row_get_key (row), key) == 0)
        g_ptr_array_add (totals, g_object_ref (row));
    }
  return totals;
}

static void
update_header (TandemPipelineColumn *self)
{
  GtkWidget *child;
  g_autofree char *count = g_strdup_printf ("%u", self->n_sales);
  g_autofree char *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sale", "%u sales", self->n_sales),
                                              self->n_sales);
  g_autoptr(GString) accessible = g_string_new (tandem_stage_get_name (self->stage));

  gtk_label_set_text (GTK_LABEL (self->title_label), tandem_stage_get_name (self->stage));
  gtk_label_set_text (GTK_LABEL (self->count_label), count);
  gtk_widget_set_tooltip_text (self->count_label, tooltip);
  g_string_append_printf (accessible, ", %s", tooltip);

  while ((child = gtk_widget_get_first_child (self->totals_box)))
    gtk_box_remove (GTK_BOX (self->totals_box), child);

  g_ptr_array_sort (self->totals, compare_currency);
  for (guint i = 0; i < self->totals->len; i++)
    {
      TandemReportRow *row = g_ptr_array_index (self->totals, i);
      const char *currency = tandem_report_row_get_currency (row);
      g_autofree char *value = tandem_format_money (tandem_report_row_get_value (row), currency);
      g_autofree char *money = tandem_format_money (tandem_report_row_get_weighted (row), currency);
      /* Translators: the weighted value (value × probability) of the sales
       * in a pipeline column */
      g_autofree char *weighted = g_strdup_printf (_("weighted %s"), money);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label;

      label = gtk_label_new (value);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "column-total");
      gtk_widget_set_tooltip_text (label, _("Total value"));
      gtk_box_append (GTK_BOX (line), label);

      label = gtk_label_new (weighted);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_tooltip_text (label, _("Value × probability"));
      gtk_box_append (GTK_BOX (line), label);

      gtk_box_append (GTK_BOX (self->totals_box), line);
      g_string_append_printf (accessible, ", %s, %s", value, weighted);
    }
  gtk_widget_set_visible (self->totals_box, self->totals->len > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str, -1);
}

static GMenuModel *
build_menu (TandemPipelineColumn *self,
            gint64                project_id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) close = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  gint64 own = tandem_stage_get_id (self->stage);

  item = g_menu_item_new (_("_Open"), NULL);
  g_menu_item_set_action_and_target_value (item, "pipeline.open", g_variant_new_int64 (project_id));
  g_menu_append_item (open, item);
  g_clear_object (&item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));

  for (guint i = 0; self->stages && i < self->stages->len; i++)
    {
      TandemStage *stage = g_ptr_array_index (self->stages, i);

      if (tandem_stage_get_id (stage) == own)
        continue;
      item = g_menu_item_new (tandem_stage_get_name (stage), NULL);
      g_menu_item_set_action_and_target_value (item, "pipeline.move",
                                               g_variant_new ("(xx)", project_id, tandem_stage_get_id (stage)));
      g_menu_append_item (move, item);
      g_clear_object (&item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (move)) > 0)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      g_menu_append_submenu (section, _("_Move To"), G_MENU_MODEL (move));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }

  item = g_menu_item_new (_("Mark as _Won"), NULL);
  g_menu_item_set_action_and_target_value (item, "pipeline.won", g_variant_new_int64 (project_id));
  g_menu_append_item (close, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("Mark as _Lost"), NULL);
  g_menu_item_set_action_and_target_value (item, "pipeline.lost", g_variant_new_int64 (project_id));
  g_menu_append_item (close, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (close));

  return G_MENU_MODEL (menu);
}

static void
update_more_row (TandemPipelineColumn *self)
{
  guint hidden = self->n_sales - MIN (self->n_sales, self->n_shown);
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;

  gtk_widget_set_visible (self->more_row, hidden > 0);
  if (hidden == 0)
    return;

  if (hidden <= TANDEM_PIPELINE_MORE_SIZE)
    /* Translators: the last row of a pipeline column; %u is the number of
     * sales in the column */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u", "Show All %u", self->n_sales),
                             self->n_sales);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u More", "Show %u More",
                                          TANDEM_PIPELINE_MORE_SIZE),
                             TANDEM_PIPELINE_MORE_SIZE);
  /* Translators: under "Show All" in a pipeline column */
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u shown", "%u of %u shown", self->n_sales),
                            self->n_shown, self->n_sales);
  gtk_label_set_text (GTK_LABEL (self->more_title), title);
  gtk_label_set_text (GTK_LABEL (self->more_detail), detail);
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_row_activated_cb (GtkListBox           *list,
                     GtkListBoxRow        *row,
                     TandemPipelineColumn *self)
{
  if (GTK_WIDGET (row) == self->more_row)
    tandem_pipeline_column_show_more (self);
  else if (TANDEM_IS_SALE_CARD (row))
    gtk_widget_activate_action (GTK_WIDGET (self), "pipeline.open", "x",
                                tandem_sale_card_get_project_id (TANDEM_SALE_CARD (row)));
}

static gboolean
on_drop_cb (GtkDropTarget        *target,
            const GValue         *value,
            double                x,
            double                y,
            TandemPipelineColumn *self)
{
  gint64 id = g_value_get_int64 (value);
  TandemSaleCard *card = tandem_pipeline_column_find_card (self, id);

  /* Dropped where it came from: nothing to do. */
  if (card && tandem_sale_card_get_stage_id (card) == tandem_stage_get_id (self->stage))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), "pipeline.move", "(xx)", id,
                                     tandem_stage_get_id (self->stage));
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_pipeline_column_finalize (GObject *object)
{
  TandemPipelineColumn *self = TANDEM_PIPELINE_COLUMN (object);

  g_clear_object (&self->store);
  g_clear_object (&self->stage);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->totals, g_ptr_array_unref);
  g_free (self->close_from);
  g_free (self->close_to);

  G_OBJECT_CLASS (tandem_pipeline_column_parent_class)->finalize (object);
}

static void
tandem_pipeline_column_class_init (TandemPipelineColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_pipeline_column_finalize;
}

static void
tandem_pipeline_column_init (TandemPipelineColumn *self)
{
  GtkWidget *header, *top, *placeholder, *more_box;
  GtkDropTarget *drop;

  self->totals = g_ptr_array_new_with_free_func (g_object_unref);
  self->limit = TANDEM_PIPELINE_PAGE_SIZE;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "pipeline-column");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_ROLE_DESCRIPTION,
                                  _("Pipeline stage"), -1);

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (header, "pipeline-column-header");
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->title_label, TRUE);
  gtk_widget_add_css_class (self->title_label, "heading");
  gtk_box_append (GTK_BOX (top), self->title_label);
  self->count_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->count_label, "pipeline-count");
  gtk_widget_add_css_class (self->count_label, "numeric");
  gtk_widget_set_valign (self->count_label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), self->count_label);
  gtk_box_append (GTK_BOX (header), top);
  self->totals_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (header), self->totals_box);
  gtk_box_append (GTK_BOX (self), header);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "pipeline-cards");
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self, 0);
  placeholder = gtk_label_new (_("No sales"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->list, placeholder);

  self->more_row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (self->more_row, "pipeline-more");
  more_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->more_title = gtk_label_new (NULL);
  self->more_detail = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->more_detail, "caption");
  gtk_widget_add_css_class (self->more_detail, "dim-label");
  gtk_box_append (GTK_BOX (more_box), self->more_title);
  gtk_box_append (GTK_BOX (more_box), self->more_detail);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->more_row), more_box);
  gtk_widget_set_visible (self->more_row, FALSE);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_box_append (GTK_BOX (self), self->scroller);

  drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
tandem_pipeline_column_new (TandemStore *store,
                            TandemStage *stage)
{
  TandemPipelineColumn *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (TANDEM_IS_STAGE (stage), NULL);

  self = g_object_new (TANDEM_TYPE_PIPELINE_COLUMN, NULL);
  self->store = g_object_ref (store);
  self->stage = g_object_ref (stage);
  update_header (self);
  return GTK_WIDGET (self);
}

TandemStage *
tandem_pipeline_column_get_stage (TandemPipelineColumn *self)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_COLUMN (self), NULL);
  return self->stage;
}

gint64
tandem_pipeline_column_get_stage_id (TandemPipelineColumn *self)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_COLUMN (self), 0);
  return tandem_stage_get_id (self->stage);
}

void
tandem_pipeline_column_set_stages (TandemPipelineColumn *self,
                                   GPtrArray            *stages)
{
  g_return_if_fail (TANDEM_IS_PIPELINE_COLUMN (self));

  if (stages)
    g_ptr_array_ref (stages);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  self->stages = stages;
}

void
tandem_pipeline_column_set_filter (TandemPipelineColumn       *self,
                                   const TandemPipelineFilter *filter)
{
  g_return_if_fail (TANDEM_IS_PIPELINE_COLUMN (self));
  g_return_if_fail (filter != NULL);

  self->seller_id = filter->seller_id;
  self->product_id = filter->product_id;
  g_free (self->close_from);
  self->close_from = g_strdup (filter->close_from);
  g_free (self->close_to);
  self->close_to = g_strdup (filter->close_to);
  self->limit = TANDEM_PIPELINE_PAGE_SIZE;
}

gboolean
tandem_pipeline_column_reload (TandemPipelineColumn  *self,
                               GPtrArray             *totals,
                               const char            *today,
                               GError               **error)
{
  g_autoptr(GPtrArray) sales = NULL;
  g_autoptr(GPtrArray) sums = NULL;
  g_autoptr(GError) local_error = NULL;
  TandemProjectQuery query;
  GtkWidget *child;
  guint n_sales;

  g_return_val_if_fail (TANDEM_IS_PIPELINE_COLUMN (self), FALSE);

  fill_query (self, &query);
  if (totals)
    {
      /* The report counts the sales too: no second count. */
      sums = pick_totals (self, totals);
      n_sales = 0;
      for (guint i = 0; i < sums->len; i++)
        n_sales += tandem_report_row_get_count (g_ptr_array_index (sums, i));
    }
  else
    {
      n_sales = tandem_store_count_projects (self->store, &query, &local_error);
      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      sums = g_ptr_array_new_with_free_func (g_object_unref);
    }
  query.limit = self->limit;
  sales = tandem_store_list_projects (self->store, &query, error);
  if (sales == NULL)
    return FALSE;

  g_ptr_array_unref (self->totals);
  self->totals = g_steal_pointer (&sums);
  self->n_sales = n_sales;

  /* The more row stays; the cards go. */
  g_object_ref (self->more_row);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < sales->len; i++)
    {
      TandemProject *project = g_ptr_array_index (sales, i);
      g_autoptr(GMenuModel) menu = build_menu (self, tandem_record_get_id (TANDEM_RECORD (project)));

      gtk_list_box_append (self->list, tandem_sale_card_new (project, menu, today));
    }
  self->n_shown = sales->len;
  gtk_list_box_append (self->list, self->more_row);
  g_object_unref (self->more_row);

  update_header (self);
  update_more_row (self);
  return TRUE;
}

guint
tandem_pipeline_column_get_n_sales (TandemPipelineColumn *self)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_COLUMN (self), 0);
  return self->n_sales;
}

guint
tandem_pipeline_column_get_n_shown (TandemPipelineColumn *self)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_COLUMN (self), 0);
  return self->n_shown;
}

void
tandem_pipeline_column_show_more (TandemPipelineColumn *self)
{
  g_autoptr(GPtrArray) sales = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  TandemProjectQuery query;
  GtkListBoxRow *first_new = NULL;
  gboolean had_focus;

  g_return_if_fail (TANDEM_IS_PIPELINE_COLUMN (self));

  /* Only the next page is read; what is shown stays. */
  fill_query (self, &query);
  query.offset = self->n_shown;
  query.limit = TANDEM_PIPELINE_MORE_SIZE;
  sales = tandem_store_list_projects (self->store, &query, &error);
  if (sales == NULL)
    {
      g_warning ("Could not read more sales: %s", error->message);
      return;
    }

  had_focus = gtk_widget_has_focus (self->more_row);
  g_object_ref (self->more_row);
  gtk_list_box_remove (self->list, self->more_row);
  for (guint i = 0; i < sales->len; i++)
    {
      TandemProject *project = g_ptr_array_index (sales, i);
      g_autoptr(GMenuModel) menu = build_menu (self, tandem_record_get_id (TANDEM_RECORD (project)));
      GtkWidget *card = tandem_sale_card_new (project, menu, today);

      gtk_list_box_append (self->list, card);
      if (first_new == NULL)
        first_new = GTK_LIST_BOX_ROW (card);
    }
  self->n_shown += sales->len;
  self->limit = MAX (self->limit, self->n_shown);
  gtk_list_box_append (self->list, self->more_row);
  g_object_unref (self->more_row);
  update_more_row (self);

  /* The keyboard goes on where the new cards begin. */
  if (first_new && had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (first_new));
}

gboolean
tandem_pipeline_column_get_total (TandemPipelineColumn *self,
                                  const char           *currency,
                                  gint64               *value,
                                  gint64               *weighted)
{
  TandemReportRow *row;

  g_return_val_if_fail (TANDEM_IS_PIPELINE_COLUMN (self), FALSE);

  row = find_total (self->totals, currency);
  if (value)
    *value = row ? tandem_report_row_get_value (row) : 0;
  if (weighted)
    *weighted = row ? tandem_report_row_get_weighted (row) : 0;
  return row != NULL;
}

TandemSaleCard *
tandem_pipeline_column_find_card (TandemPipelineColumn *self,
                                  gint64                project_id)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_COLUMN (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child;
       child = gtk_widget_get_next_sibling (child))
    if (TANDEM_IS_SALE_CARD (child) && tandem_sale_card_get_project_id (TANDEM_SALE_CARD (child)) == project_id)
      return TANDEM_SALE_CARD (child);
  return NULL;
}

GtkListBox *
tandem_pipeline_column_get_list (TandemPipelineColumn *self)
{
  g_return_val_if_fail (TANDEM_IS_PIPELINE_COLUMN (self), NULL);
  return self->list;
}
