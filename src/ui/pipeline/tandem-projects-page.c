/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemProjectsPage"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-narrow-bin.h"
#include "tandem-pipeline-resources.h"
#include "tandem-project-list-model.h"
#include "tandem-projects-page-private.h"
#include "tandem-sale-card.h"
#include "tandem-sale-dialog.h"

#define RELOAD_DELAY_MS 100

typedef enum
{
  COLUMN_NAME,
  COLUMN_COMPANY,
  COLUMN_STAGE,
  COLUMN_VALUE,
  COLUMN_WEIGHTED,
  COLUMN_CLOSE,
  COLUMN_SELLER,
  N_COLUMNS
} Column;

/* The list's orders: the sort-by action's targets and the column that
 * shows each (-1: none) */
static const struct
{
  const char        *key;
  TandemProjectSort  sort;
  int                column;
} sort_orders[] = {
  { "name", TANDEM_PROJECT_SORT_NAME, COLUMN_NAME },
  { "company", TANDEM_PROJECT_SORT_COMPANY, COLUMN_COMPANY },
  { "stage", TANDEM_PROJECT_SORT_STAGE, COLUMN_STAGE },
  { "value", TANDEM_PROJECT_SORT_VALUE, COLUMN_VALUE },
  { "close-date", TANDEM_PROJECT_SORT_CLOSE_DATE, COLUMN_CLOSE },
  { "updated", TANDEM_PROJECT_SORT_UPDATED, -1 },
};

typedef enum
{
  STATE_ANY,
  STATE_OPEN,
  STATE_WON,
  STATE_LOST,
} StateFilter;

/* The first rows of the seller filter, before the users */
enum {
  SELLER_ALL,
  SELLER_ME,
  N_SELLER_FIXED
};

struct _TandemProjectsPage
{
  AdwBin                  parent_instance;

  /* template widgets */
  TandemNarrowBin        *narrow_bin;
  AdwToastOverlay        *toast_overlay;
  GtkWidget              *top_bar;
  GtkWidget              *view_box;
  GtkToggleButton        *all_button;
  GtkToggleButton        *sales_button;
  GtkToggleButton        *projects_button;
  GtkSearchEntry         *search_entry;
  GtkMenuButton          *sort_button;
  GtkWidget              *filter_button;
  GtkWidget              *popover_box;
  GtkWidget              *new_project_button;
  GtkWidget              *new_sale_button;
  GtkWidget              *new_menu_button;
  GtkWidget              *filter_bar;
  GtkWidget              *filters_box;
  GtkDropDown            *state_dropdown;
  GtkDropDown            *stage_dropdown;
  GtkDropDown            *seller_dropdown;
  GtkDropDown            *product_dropdown;
  GtkCheckButton         *mine_check;
  GtkStack               *stack;
  GtkColumnView          *column_view;
  AdwStatusPage          *empty_page;
  GtkLabel               *count_label;

  GPtrArray              *wide_columns; /* hidden in a narrow window */
  GtkColumnViewColumn    *columns[N_COLUMNS];

  TandemStore            *store;
  TandemProjectListModel *model;
  GPtrArray              *stages;       /* every stage, board order */
  GArray                 *stage_ids;    /* the stage filter's stages */
  GArray                 *seller_ids;   /* the seller filter's users */
  GArray                 *product_ids;  /* the product filter's products */
  char                   *today;
  guint                   reload_id;
  gboolean                narrow;
  guint                   syncing;
  TandemProjectSort       sort;
  gboolean                descending;
  gboolean                sort_chosen;  /* else the view's usual order */
  int                     probed_column;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SORT_BY,
  PROP_SORT_ORDER,
  N_PROPS
};

enum {
  OPEN_PROJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemProjectsPage, tandem_projects_page, ADW_TYPE_BIN)

/* Helpers ------------------------------------------------------------------ */

static TandemProjectsView
current_view (TandemProjectsPage *self)
{
  if (gtk_toggle_button_get_active (self->sales_button))
    return TANDEM_PROJECTS_VIEW_SALES;
  if (gtk_toggle_button_get_active (self->projects_button))
    return TANDEM_PROJECTS_VIEW_PROJECTS;
  return TANDEM_PROJECTS_VIEW_ALL;
}

static gint64
chosen_id (GtkDropDown *dropdown,
           GArray      *ids,
           guint        fixed)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (ids && selected != GTK_INVALID_LIST_POSITION && selected >= fixed && selected - fixed < ids->len)
    return g_array_index (ids, gint64, selected - fixed);
  return 0;
}

static gint64
my_id (TandemProjectsPage *self)
{
  TandemUser *user = tandem_store_get_user (self->store);

  return user ? tandem_user_get_id (user) : 0;
}

/* Sets the dropdown's choices, keeping what was chosen when it is still
 * there; the model stays when nothing changed, so that an open list does
 * not close. */
static void
set_choices (TandemProjectsPage *self,
             GtkDropDown        *dropdown,
             GArray            **current,
             GArray             *ids,
             GtkStringList      *names,
             guint               fixed)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 chosen = chosen_id (dropdown, *current, fixed);
  guint position = 0;

  if (*current && (*current)->len == ids->len &&
      memcmp ((*current)->data, ids->data, ids->len * sizeof (gint64)) == 0 &&
      gtk_drop_down_get_model (dropdown) != NULL)
    return;

  g_clear_pointer (current, g_array_unref);
  *current = g_array_ref (ids);

  if (selected != GTK_INVALID_LIST_POSITION && selected < fixed)
    position = selected;
  for (guint i = 0; chosen && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == chosen)
      position = i + fixed;

  self->syncing++;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, position);
  self->syncing--;
}

static void
fill_stage_choices (TandemProjectsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint state = gtk_drop_down_get_selected (self->state_dropdown);

  gtk_string_list_append (names, C_("stage filter", "Any Stage"));
  for (guint i = 0; self->stages && i < self->stages->len; i++)
    {
      TandemStage *stage = g_ptr_array_index (self->stages, i);
      TandemSaleState outcome = tandem_stage_get_outcome (stage);
      gint64 id = tandem_stage_get_id (stage);

      if ((state == STATE_OPEN && outcome != TANDEM_SALE_OPEN) ||
          (state == STATE_WON && outcome != TANDEM_SALE_WON) ||
          (state == STATE_LOST && outcome != TANDEM_SALE_LOST))
        continue;
      g_array_append_val (ids, id);
      gtk_string_list_append (names, tandem_stage_get_name (stage));
    }
  set_choices (self, self->stage_dropdown, &self->stage_ids, ids, names, 1);
}

static void
fill_choices (TandemProjectsPage *self)
{
  g_autoptr(GPtrArray) users = tandem_store_list_users (self->store, NULL);
  g_autoptr(GPtrArray) products = tandem_store_list_products (self->store, TRUE, NULL);
  g_autoptr(GtkStringList) user_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) product_names = gtk_string_list_new (NULL);
  g_autoptr(GArray) user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_clear_pointer (&self->stages, g_ptr_array_unref);
  self->stages = tandem_store_list_stages (self->store, NULL);
  fill_stage_choices (self);

  gtk_string_list_append (user_names, C_("seller filter", "Any Seller"));
  /* Translators: the seller filter: the signed-in user */
  gtk_string_list_append (user_names, C_("seller", "Me"));
  for (guint i = 0; users && i < users->len; i++)
    {
      TandemUser *user = g_ptr_array_index (users, i);
      gint64 id = tandem_user_get_id (user);

      g_array_append_val (user_ids, id);
      gtk_string_list_append (user_names, tandem_user_get_name (user));
    }
  set_choices (self, self->seller_dropdown, &self->seller_ids, user_ids, user_names, N_SELLER_FIXED);

  gtk_string_list_append (product_names, C_("product filter", "Any Product"));
  for (guint i = 0; products && i < products->len; i++)
    {
      TandemProduct *product = g_ptr_array_index (products, i);
      gint64 id = tandem_product_get_id (product);

      g_array_append_val (product_ids, id);
      gtk_string_list_append (product_names, tandem_product_get_name (product));
    }
  set_choices (self, self->product_dropdown, &self->product_ids, product_ids, product_names, 1);
  gtk_widget_set_visible (GTK_WIDGET (self->product_dropdown), product_ids->len > 0);
}

static const char *
sort_key (TandemProjectSort sort)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_orders); i++)
    if (sort_orders[i].sort == sort)
      return sort_orders[i].key;
  return "name";
}

/* The column headers and the sort button show the list's order. */
static void
show_sort (TandemProjectsPage *self)
{
  GtkColumnViewColumn *column = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sort_orders); i++)
    if (sort_orders[i].sort == self->sort && sort_orders[i].column >= 0)
      column = self->columns[sort_orders[i].column];
  self->syncing++;
  gtk_column_view_sort_by_column (self->column_view, column,
                                  self->descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->syncing--;
  gtk_menu_button_set_icon_name (self->sort_button, self->descending ? "view-sort-descending-symbolic"
                                                                     : "view-sort-ascending-symbolic");
}

static void apply_filters (TandemProjectsPage *self);

/* @chosen: the user chose it, and it stays whatever the view */
static void
set_sort (TandemProjectsPage *self,
          TandemProjectSort   sort,
          gboolean            descending,
          gboolean            chosen)
{
  gboolean changed = self->sort != sort || self->descending != descending;

  if (chosen)
    self->sort_chosen = TRUE;
  self->sort = sort;
  self->descending = descending;
  show_sort (self);
  if (!changed)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_BY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_ORDER]);
  if (chosen && tandem_store_get_user (self->store) != NULL)
    apply_filters (self);
}

static gboolean
has_filters (TandemProjectsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return gtk_drop_down_get_selected (self->state_dropdown) != STATE_ANY ||
         chosen_id (self->stage_dropdown, self->stage_ids, 1) != 0 ||
         gtk_drop_down_get_selected (self->seller_dropdown) != SELLER_ALL ||
         chosen_id (self->product_dropdown, self->product_ids, 1) != 0 ||
         gtk_check_button_get_active (self->mine_check) ||
         (text && *text);
}

static void
update_count (TandemProjectsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = NULL;
  gboolean filtered = has_filters (self);

  switch (current_view (self))
    {
    case TANDEM_PROJECTS_VIEW_SALES:
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sale", "%u sales", n), n);
      break;
    case TANDEM_PROJECTS_VIEW_PROJECTS:
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n), n);
      break;
    case TANDEM_PROJECTS_VIEW_ALL:
    default:
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project or sale", "%u projects and sales", n), n);
      break;
    }
  gtk_label_set_text (self->count_label, text);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    {
      if (filtered)
        {
          adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Results Found"));
          adw_status_page_set_description (self->empty_page, _("Try other filters or another search"));
        }
      else
        {
          adw_status_page_set_icon_name (self->empty_page, "folder-documents-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Projects or Sales"));
          adw_status_page_set_description (self->empty_page, _("Add a sale or a project with the buttons above"));
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
apply_filters (TandemProjectsPage *self)
{
  g_autoptr(GArray) queries = g_array_new (FALSE, TRUE, sizeof (TandemProjectQuery));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  TandemProjectsView view = current_view (self);
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  gint64 stage_id = chosen_id (self->stage_dropdown, self->stage_ids, 1);
  guint seller = gtk_drop_down_get_selected (self->seller_dropdown);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  TandemProjectQuery base = { 0, };

  /* What is overdue is decided as the rows are shown. */
  g_free (self->today);
  self->today = g_date_time_format (now, "%Y-%m-%d");

  base.of = view == TANDEM_PROJECTS_VIEW_SALES ? TANDEM_PROJECTS_SALES
          : view == TANDEM_PROJECTS_VIEW_PROJECTS ? TANDEM_PROJECTS_DELIVERY
          : TANDEM_PROJECTS_ALL;
  base.seller_id = seller == SELLER_ME ? my_id (self) : chosen_id (self->seller_dropdown, self->seller_ids,
                                                                   N_SELLER_FIXED);
  base.product_id = chosen_id (self->product_dropdown, self->product_ids, 1);
  base.mine = gtk_check_button_get_active (self->mine_check);
  base.text = *text ? text : NULL;

  /* Until the user sorts the list: sales by closing date, the rest by name */
  if (!self->sort_chosen)
    set_sort (self, view == TANDEM_PROJECTS_VIEW_SALES ? TANDEM_PROJECT_SORT_CLOSE_DATE : TANDEM_PROJECT_SORT_NAME,
              FALSE, FALSE);
  base.sort = self->sort;
  base.descending = self->descending;

  /* State and stage are a sale's; delivery projects have neither. */
  if (view != TANDEM_PROJECTS_VIEW_PROJECTS)
    {
      if (stage_id != 0 || state != STATE_ANY)
        base.of = TANDEM_PROJECTS_SALES;
      base.stage_id = stage_id;
      base.open_only = state == STATE_OPEN;
      base.won_only = state == STATE_WON;
      base.lost_only = state == STATE_LOST;
    }
  g_array_append_val (queries, base);

  if (!tandem_project_list_model_set_queries (self->model, (TandemProjectQuery *) queries->data, queries->len,
                                              &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  update_count (self);
}

static void
set_narrow (TandemProjectsPage *self,
            gboolean            narrow)
{
  if (self->narrow == narrow)
    return;
  self->narrow = narrow;

  g_object_ref (self->view_box);
  g_object_ref (self->filters_box);
  if (narrow)
    {
      gtk_box_remove (GTK_BOX (self->top_bar), self->view_box);
      gtk_box_remove (GTK_BOX (self->filter_bar), self->filters_box);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filters_box), GTK_ORIENTATION_VERTICAL);
      gtk_box_append (GTK_BOX (self->popover_box), self->view_box);
      gtk_box_append (GTK_BOX (self->popover_box), self->filters_box);
    }
  else
    {
      gtk_box_remove (GTK_BOX (self->popover_box), self->view_box);
      gtk_box_remove (GTK_BOX (self->popover_box), self->filters_box);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filters_box), GTK_ORIENTATION_HORIZONTAL);
      gtk_box_prepend (GTK_BOX (self->top_bar), self->view_box);
      gtk_box_append (GTK_BOX (self->filter_bar), self->filters_box);
    }
  g_object_unref (self->view_box);
  g_object_unref (self->filters_box);

  gtk_widget_set_visible (self->filter_bar, !narrow);
  gtk_widget_set_visible (self->filter_button, narrow);
  gtk_widget_set_visible (self->new_project_button, !narrow);
  gtk_widget_set_visible (self->new_sale_button, !narrow);
  gtk_widget_set_visible (self->new_menu_button, narrow);
  for (guint i = 0; i < self->wide_columns->len; i++)
    gtk_column_view_column_set_visible (g_ptr_array_index (self->wide_columns, i), !narrow);
}

static void
on_narrow_changed_cb (TandemProjectsPage *self)
{
  set_narrow (self, tandem_narrow_bin_get_narrow (self->narrow_bin));
}

static void
open_dialog (TandemProjectsPage *self,
             gboolean            sale)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  TandemSaleDialog *dialog;

  dialog = sale ? tandem_sale_dialog_new_sale (parent, self->store, 0)
                : tandem_sale_dialog_new_project (parent, self->store, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* An amount is never cut short. */
  if (column == COLUMN_VALUE || column == COLUMN_WEIGHTED)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_NAME)
    gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_list_item_set_child (item, label);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            TandemProjectsPage       *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  TandemProject *project = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *owned = NULL;
  const char *text = NULL;
  gboolean sale = tandem_project_get_is_sale (project);
  gboolean overdue = FALSE;

  switch (column)
    {
    case COLUMN_NAME:
      text = tandem_project_get_name (project);
      break;
    case COLUMN_COMPANY:
      text = tandem_project_get_company_name (project);
      break;
    case COLUMN_STAGE:
      if (sale)
        text = tandem_project_get_stage_name (project);
      else if (tandem_record_get_id (TANDEM_RECORD (project)) != 0)
        text = C_("project kind", "Delivery");
      break;
    case COLUMN_VALUE:
      if (sale)
        text = owned = tandem_format_money (tandem_project_get_value (project), tandem_project_get_currency (project));
      break;
    case COLUMN_WEIGHTED:
      if (sale && tandem_project_get_state (project) == TANDEM_SALE_OPEN)
        text = owned = tandem_format_money (tandem_project_get_weighted_value (project),
                                            tandem_project_get_currency (project));
      break;
    case COLUMN_CLOSE:
      if (sale)
        {
          const char *date = tandem_project_get_close_date (project);

          text = owned = tandem_sale_card_format_date (date);
          overdue = date && self->today && tandem_project_get_state (project) == TANDEM_SALE_OPEN &&
                    strcmp (date, self->today) < 0;
        }
      break;
    case COLUMN_SELLER:
      if (sale)
        text = tandem_project_get_seller_name (project);
      break;
    default:
      break;
    }

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  if (overdue)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

static void
on_column_view_activate_cb (TandemProjectsPage *self,
                            guint               position)
{
  g_autoptr(TandemProject) project = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  gint64 id = project ? tandem_record_get_id (TANDEM_RECORD (project)) : 0;

  if (id != 0)
    g_signal_emit (self, signals[OPEN_PROJECT], 0, id);
}

static gboolean
on_reload_timeout_cb (gpointer data)
{
  TandemProjectsPage *self = data;

  self->reload_id = 0;
  tandem_projects_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (TandemProjectsPage *self,
                     int                 kind,
                     gint64              id,
                     TandemStore        *store)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
}

static void
on_filter_changed_cb (TandemProjectsPage *self)
{
  if (self->syncing)
    return;
  apply_filters (self);
}

static void
on_state_changed_cb (TandemProjectsPage *self)
{
  if (self->syncing)
    return;
  fill_stage_choices (self);
  apply_filters (self);
}

static void
on_view_toggled_cb (GtkToggleButton    *button,
                    TandemProjectsPage *self)
{
  gboolean projects;

  /* The group's other button turning off says nothing new. */
  if (!gtk_toggle_button_get_active (button) || self->syncing)
    return;

  projects = current_view (self) == TANDEM_PROJECTS_VIEW_PROJECTS;
  gtk_widget_set_sensitive (GTK_WIDGET (self->state_dropdown), !projects);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stage_dropdown), !projects);
  apply_filters (self);
}

/* A column's sorter, asked by the view's sorter in on_sorter_changed_cb:
 * the first one asked is the primary column's. The list is sorted by the
 * store, never by these. */
static int
probe_sort_cb (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  TandemProjectsPage *self = (TandemProjectsPage *) a;

  if (self->probed_column < 0)
    self->probed_column = GPOINTER_TO_INT (data);
  return -1;
}

/* A click on a column header. GTK 4.8 does not tell which column the view
 * sorts by: its sorter compares by the primary column first, inverted
 * when it is descending, so one comparison tells both (of two different
 * items: the same one twice is equal without asking). */
static void
on_sorter_changed_cb (TandemProjectsPage *self,
                      GtkSorterChange     change,
                      GtkSorter          *sorter)
{
  GtkOrdering order;

  if (self->syncing)
    return;
  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, self, self->model);
  for (guint i = 0; i < G_N_ELEMENTS (sort_orders); i++)
    if (self->probed_column >= 0 && sort_orders[i].column == self->probed_column)
      {
        set_sort (self, sort_orders[i].sort, order == GTK_ORDERING_LARGER, TRUE);
        return;
      }
  /* No column: the list keeps its order, and its header shows it. */
  show_sort (self);
}

/* Actions ------------------------------------------------------------------ */

static void
new_sale_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_dialog (TANDEM_PROJECTS_PAGE (widget), TRUE);
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_dialog (TANDEM_PROJECTS_PAGE (widget), FALSE);
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_projects_page_constructed (GObject *object)
{
  TandemProjectsPage *self = TANDEM_PROJECTS_PAGE (object);
  g_autoptr(GtkSingleSelection) selection = NULL;

  G_OBJECT_CLASS (tandem_projects_page_parent_class)->constructed (object);

  self->model = tandem_project_list_model_new (self->store);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  tandem_projects_page_reload (self);
}

static void
tandem_projects_page_dispose (GObject *object)
{
  TandemProjectsPage *self = TANDEM_PROJECTS_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->narrow)
    set_narrow (self, FALSE);
  /* The view's sorter changes as its columns go: nothing to follow now. */
  self->syncing++;
  memset (self->columns, 0, sizeof self->columns);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_PROJECTS_PAGE);

  G_OBJECT_CLASS (tandem_projects_page_parent_class)->dispose (object);
}

static void
tandem_projects_page_finalize (GObject *object)
{
  TandemProjectsPage *self = TANDEM_PROJECTS_PAGE (object);

  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_pointer (&self->wide_columns, g_ptr_array_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->stage_ids, g_array_unref);
  g_clear_pointer (&self->seller_ids, g_array_unref);
  g_clear_pointer (&self->product_ids, g_array_unref);
  g_free (self->today);

  G_OBJECT_CLASS (tandem_projects_page_parent_class)->finalize (object);
}

static void
tandem_projects_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TandemProjectsPage *self = TANDEM_PROJECTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SORT_BY:
      g_value_set_string (value, sort_key (self->sort));
      break;
    case PROP_SORT_ORDER:
      g_value_set_string (value, self->descending ? "descending" : "ascending");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_projects_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TandemProjectsPage *self = TANDEM_PROJECTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SORT_BY:
      for (guint i = 0; i < G_N_ELEMENTS (sort_orders); i++)
        if (g_strcmp0 (g_value_get_string (value), sort_orders[i].key) == 0)
          set_sort (self, sort_orders[i].sort, self->descending, TRUE);
      break;
    case PROP_SORT_ORDER:
      set_sort (self, self->sort, g_strcmp0 (g_value_get_string (value), "descending") == 0, TRUE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_projects_page_class_init (TandemProjectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_projects_page_constructed;
  object_class->dispose = tandem_projects_page_dispose;
  object_class->finalize = tandem_projects_page_finalize;
  object_class->get_property = tandem_projects_page_get_property;
  object_class->set_property = tandem_projects_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The list's order: "name", "company", "stage", "value", "close-date"
   * or "updated"; "ascending" or "descending" */
  properties[PROP_SORT_BY] =
    g_param_spec_string ("sort-by", NULL, NULL, "name",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_ORDER] =
    g_param_spec_string ("sort-order", NULL, NULL, "ascending",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_PROJECT] =
    g_signal_new ("open-project", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  (void) tandem_pipeline_get_resource ();
  g_type_ensure (TANDEM_TYPE_NARROW_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/pipeline/tandem-projects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, narrow_bin);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, top_bar);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, view_box);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, all_button);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, sales_button);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, projects_button);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, sort_button);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, popover_box);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, new_project_button);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, new_sale_button);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, new_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, filters_box);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, seller_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, product_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, mine_check);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TandemProjectsPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "projects.new-sale", NULL, new_sale_action);
  gtk_widget_class_install_action (widget_class, "projects.new-project", NULL, new_project_action);
  gtk_widget_class_install_property_action (widget_class, "projects.sort-by", "sort-by");
  gtk_widget_class_install_property_action (widget_class, "projects.sort-order", "sort-order");
}

/* @wide_only: a narrow window leaves it out. */
static void
add_column (TandemProjectsPage *self,
            Column              column,
            const char         *title,
            gboolean            expand,
            gboolean            wide_only)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_cb), self, 0);

  view_column = gtk_column_view_column_new (title, factory);
  self->columns[column] = view_column;
  for (guint i = 0; i < G_N_ELEMENTS (sort_orders); i++)
    if (sort_orders[i].column == (int) column)
      {
        g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sort_cb, GINT_TO_POINTER (column),
                                                                         NULL));

        gtk_column_view_column_set_sorter (view_column, sorter);
      }
  if (wide_only)
    g_ptr_array_add (self->wide_columns, g_object_ref (view_column));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
tandem_projects_page_init (TandemProjectsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->narrow_bin, "notify::narrow", G_CALLBACK (on_narrow_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->wide_columns = g_ptr_array_new_with_free_func (g_object_unref);
  add_column (self, COLUMN_NAME, _("Name"), TRUE, FALSE);
  add_column (self, COLUMN_COMPANY, _("Company"), TRUE, TRUE);
  /* Translators: a column: the stage of a sale, or "Delivery" */
  add_column (self, COLUMN_STAGE, _("Stage"), FALSE, FALSE);
  add_column (self, COLUMN_VALUE, _("Value"), FALSE, FALSE);
  /* Translators: a column: value × probability */
  add_column (self, COLUMN_WEIGHTED, _("Weighted"), FALSE, TRUE);
  /* Translators: a column: the expected closing date */
  add_column (self, COLUMN_CLOSE, _("Closes"), FALSE, TRUE);
  add_column (self, COLUMN_SELLER, _("Seller"), FALSE, TRUE);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->all_button, "toggled", G_CALLBACK (on_view_toggled_cb), self, 0);
  g_signal_connect_object (self->sales_button, "toggled", G_CALLBACK (on_view_toggled_cb), self, 0);
  g_signal_connect_object (self->projects_button, "toggled", G_CALLBACK (on_view_toggled_cb), self, 0);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state_dropdown, "notify::selected", G_CALLBACK (on_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stage_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->seller_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->product_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mine_check, "toggled", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search projects and sales"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("State"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stage_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stage"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->seller_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Seller"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->product_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Product"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New Sale or Project"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sort_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sort the List"), -1);
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
tandem_projects_page_new (TandemStore *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  return g_object_new (TANDEM_TYPE_PROJECTS_PAGE, "store", store, NULL);
}

TandemStore *
tandem_projects_page_get_store (TandemProjectsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECTS_PAGE (self), NULL);
  return self->store;
}

void
tandem_projects_page_reload (TandemProjectsPage *self)
{
  g_return_if_fail (TANDEM_IS_PROJECTS_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (tandem_store_get_user (self->store) == NULL)
    {
      tandem_project_list_model_set_queries (self->model, NULL, 0, NULL);
      update_count (self);
      return;
    }
  fill_choices (self);
  apply_filters (self);
}

/* Private API -------------------------------------------------------------- */

GtkColumnView *
tandem_projects_page_get_column_view (TandemProjectsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECTS_PAGE (self), NULL);
  return self->column_view;
}

GListModel *
tandem_projects_page_get_model (TandemProjectsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->model);
}

GtkEditable *
tandem_projects_page_get_search_entry (TandemProjectsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECTS_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

void
tandem_projects_page_set_view (TandemProjectsPage *self,
                               TandemProjectsView  view)
{
  g_return_if_fail (TANDEM_IS_PROJECTS_PAGE (self));

  gtk_toggle_button_set_active (view == TANDEM_PROJECTS_VIEW_SALES ? self->sales_button
                                : view == TANDEM_PROJECTS_VIEW_PROJECTS ? self->projects_button
                                : self->all_button, TRUE);
}

GtkDropDown *
tandem_projects_page_get_state_dropdown (TandemProjectsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECTS_PAGE (self), NULL);
  return self->state_dropdown;
}

GtkDropDown *
tandem_projects_page_get_seller_dropdown (TandemProjectsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECTS_PAGE (self), NULL);
  return self->seller_dropdown;
}

GtkCheckButton *
tandem_projects_page_get_mine_check (TandemProjectsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECTS_PAGE (self), NULL);
  return self->mine_check;
}

GtkLabel *
tandem_projects_page_get_count_label (TandemProjectsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECTS_PAGE (self), NULL);
  return self->count_label;
}

void
tandem_projects_page_apply_search (TandemProjectsPage *self)
{
  g_return_if_fail (TANDEM_IS_PROJECTS_PAGE (self));
  apply_filters (self);
}
