/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCampaignsPage"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-campaigns-page-private.h"
#include "tandem-campaigns-resources.h"
#include "tandem-date.h"
#include "tandem-narrow-bin.h"
#include "tandem-store-campaigns.h"
#include "tandem-store-groups.h"

/* Store changes come in bursts; one reload after the burst is enough. */
#define RELOAD_DELAY_MS 150

struct _TandemCampaignsPage
{
  AdwBin             parent_instance;

  /* template widgets */
  TandemNarrowBin   *narrow_bin;
  AdwToastOverlay   *toast_overlay;
  GtkToggleButton   *campaigns_button;
  GtkToggleButton   *searches_button;
  GtkWidget         *new_button;
  GtkWidget         *new_icon_button;
  AdwButtonContent  *new_button_content;
  GtkStack          *stack;
  GtkListBox        *campaigns_list;
  GtkListBox        *searches_list;

  TandemStore       *store;
  gulong             changed_id;
  guint              reload_id;
  gboolean           stale;            /* the store changed while hidden */
  GPtrArray         *campaigns;        /* TandemCampaign, a row each */
  GPtrArray         *searches;         /* TandemSavedSearch, a row each */

  /* What the last Undo of a deleted search brings back */
  TandemSavedSearch *deleted_search;
  GArray            *deleted_users;    /* gint64 ids of the campaigns that used it */
};

G_DEFINE_FINAL_TYPE (TandemCampaignsPage, tandem_campaigns_page, ADW_TYPE_BIN)

/* Helpers ------------------------------------------------------------------ */

static gboolean
showing_searches (TandemCampaignsPage *self)
{
  return gtk_toggle_button_get_active (self->searches_button);
}

static GtkWindow *
get_window (TandemCampaignsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A count and its noun stay on one line when a subtitle wraps. */
static void
append_unbroken (GString    *text,
                 const char *part)
{
  g_autoptr(GString) unbroken = g_string_new (part);

  g_string_replace (unbroken, " ", "\u00a0", 0);
  g_string_append (text, unbroken->str);
}

/* The number of contacts a search finds, e.g. "23 companies" */
static char *
count_contacts (TandemKind entity,
                guint      n)
{
  if (entity == TANDEM_KIND_PERSON)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u company", "%u companies", n), n);
}

static char *
describe_period (TandemCampaign *campaign)
{
  g_autofree char *starts = tandem_date_format (tandem_campaign_get_starts_on (campaign));
  g_autofree char *ends = tandem_date_format (tandem_campaign_get_ends_on (campaign));

  if (starts && ends)
    /* Translators: a campaign's period, e.g. "1 Mar 2027 – 31 Mar 2027" */
    return g_strdup_printf (_("%s – %s"), starts, ends);
  if (starts)
    /* Translators: a campaign's period without an end */
    return g_strdup_printf (_("From %s"), starts);
  if (ends)
    /* Translators: a campaign's period without a start */
    return g_strdup_printf (_("Until %s"), ends);
  return g_strdup (_("No period set"));
}

static TandemSavedSearch *
find_search (TandemCampaignsPage *self,
             gint64               id)
{
  for (guint i = 0; self->searches && i < self->searches->len; i++)
    if (tandem_saved_search_get_id (g_ptr_array_index (self->searches, i)) == id)
      return g_ptr_array_index (self->searches, i);
  return NULL;
}

static GtkWidget *
create_campaign_row (TandemCampaignsPage *self,
                     TandemCampaign      *campaign)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *period = describe_period (campaign);
  g_autoptr(GString) subtitle = g_string_new (period);
  guint n_activities = tandem_campaign_get_n_activities (campaign);
  guint n_sales = tandem_campaign_get_n_sales (campaign);
  g_autofree char *activities = NULL;
  g_autofree char *sales = NULL;

  if (tandem_campaign_get_search_id (campaign) != 0)
    {
      TandemSavedSearch *search = find_search (self, tandem_campaign_get_search_id (campaign));
      g_autoptr(GError) error = NULL;
      guint n = tandem_store_count_campaign_targets (self->store, tandem_campaign_get_id (campaign), &error);

      g_string_append (subtitle, " · ");
      if (error == NULL && search != NULL)
        {
          g_autoptr(GString) count = g_string_new (NULL);
          g_autofree char *found = count_contacts (tandem_saved_search_get_entity (search), n);

          append_unbroken (count, found);
          /* Translators: a campaign's target list and its size, e.g.
           * "In Helsinki: 23 companies" */
          g_string_append_printf (subtitle, _("%s: %s"), tandem_campaign_get_search_name (campaign), count->str);
        }
      else
        g_string_append (subtitle, tandem_campaign_get_search_name (campaign));
    }
  else
    g_string_append_printf (subtitle, " · %s", _("No target list"));

  activities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities", n_activities),
                                n_activities);
  sales = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sale", "%u sales", n_sales), n_sales);
  g_string_append (subtitle, " · ");
  append_unbroken (subtitle, activities);
  g_string_append (subtitle, " · ");
  append_unbroken (subtitle, sales);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_campaign_get_name (campaign));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static gboolean
may_delete_search (TandemCampaignsPage *self,
                   TandemSavedSearch   *search)
{
  TandemUser *user = tandem_store_get_user (self->store);

  return user != NULL && (tandem_user_is_admin (user) ||
                          tandem_saved_search_get_owner_id (search) == tandem_user_get_id (user));
}

static GtkWidget *
create_search_row (TandemCampaignsPage *self,
                   TandemSavedSearch   *search)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  TandemKind entity = tandem_saved_search_get_entity (search);
  guint n_criteria = tandem_saved_search_get_criteria (search)->len;
  g_autofree char *conditions = NULL;
  guint n = tandem_store_count_search_matches (self->store, search, &error);

  if (error == NULL)
    {
      g_autofree char *found = count_contacts (entity, n);

      append_unbroken (subtitle, found);
    }
  else
    g_string_append (subtitle, entity == TANDEM_KIND_PERSON ? _("People") : _("Companies"));
  conditions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u condition", "%u conditions", n_criteria),
                                n_criteria);
  g_string_append (subtitle, " · ");
  append_unbroken (subtitle, conditions);
  /* Translators: in a saved search's summary, e.g. "3 conditions · all
   * must match · shared" */
  if (n_criteria > 1)
    g_string_append_printf (subtitle, " · %s", tandem_saved_search_get_match_all (search)
                                               ? _("all must match") : _("any may match"));
  /* Translators: who sees a saved search: everyone, or only its owner */
  g_string_append_printf (subtitle, " · %s", tandem_saved_search_get_shared (search)
                                             ? C_("saved search", "shared") : C_("saved search", "only you"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_saved_search_get_name (search));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  if (may_delete_search (self, search))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Delete Saved Search"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Delete Saved Search"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "campaigns.delete-search");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", tandem_saved_search_get_id (search));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
update_view (TandemCampaignsPage *self)
{
  gboolean narrow = tandem_narrow_bin_get_narrow (self->narrow_bin);
  const char *label, *tooltip;

  if (showing_searches (self))
    {
      gtk_stack_set_visible_child_name (self->stack, self->searches->len ? "searches" : "no-searches");
      label = _("New _Saved Search");
      tooltip = _("New Saved Search");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, self->campaigns->len ? "campaigns" : "no-campaigns");
      label = _("_New Campaign");
      tooltip = _("New Campaign");
    }

  /* A narrow window has room for the button's icon only. */
  adw_button_content_set_label (self->new_button_content, label);
  gtk_widget_set_tooltip_text (self->new_icon_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_icon_button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_visible (self->new_button, !narrow);
  gtk_widget_set_visible (self->new_icon_button, narrow);
}

static void
reload (TandemCampaignsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->stale = FALSE;
  clear_list (self->campaigns_list);
  clear_list (self->searches_list);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->searches, g_ptr_array_unref);

  if (tandem_store_get_user (self->store) != NULL)
    {
      self->searches = tandem_store_list_saved_searches (self->store, &error);
      if (self->searches == NULL)
        {
          g_debug ("Could not read the saved searches: %s", error->message);
          g_clear_error (&error);
        }
      self->campaigns = tandem_store_list_campaigns (self->store, &error);
      if (self->campaigns == NULL)
        g_debug ("Could not read the campaigns: %s", error->message);
    }
  if (self->searches == NULL)
    self->searches = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->campaigns == NULL)
    self->campaigns = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->campaigns->len; i++)
    gtk_list_box_append (self->campaigns_list, create_campaign_row (self, g_ptr_array_index (self->campaigns, i)));
  for (guint i = 0; i < self->searches->len; i++)
    gtk_list_box_append (self->searches_list, create_search_row (self, g_ptr_array_index (self->searches, i)));
  update_view (self);
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_view_toggled_cb (TandemCampaignsPage *self,
                    GtkToggleButton     *button)
{
  if (gtk_toggle_button_get_active (button) && self->campaigns != NULL)
    update_view (self);
}

static void
on_narrow_changed_cb (TandemCampaignsPage *self)
{
  if (self->campaigns != NULL)
    update_view (self);
}

static void
on_campaign_activated_cb (TandemCampaignsPage *self,
                          GtkListBoxRow       *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->campaigns->len)
    tandem_campaigns_page_open_campaign (self,
                                        tandem_campaign_get_id (g_ptr_array_index (self->campaigns, index)));
}

static void
on_search_activated_cb (TandemCampaignsPage *self,
                        GtkListBoxRow       *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->searches->len)
    tandem_campaigns_page_open_search (self,
                                       tandem_saved_search_get_id (g_ptr_array_index (self->searches, index)));
}

static gboolean
on_reload_timeout_cb (gpointer data)
{
  TandemCampaignsPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (TandemCampaignsPage *self,
                     int                  kind,
                     gint64               id,
                     TandemStore         *store)
{
  /* Counting what each search finds is not for a page nobody sees. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
}

static void
on_map_cb (TandemCampaignsPage *self)
{
  if (self->stale)
    reload (self);
}

/* Actions ------------------------------------------------------------------ */

static void
new_campaign_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemCampaignsPage *self = TANDEM_CAMPAIGNS_PAGE (widget);

  gtk_window_present (GTK_WINDOW (tandem_campaign_window_new (get_window (self), self->store)));
}

static void
new_search_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemCampaignsPage *self = TANDEM_CAMPAIGNS_PAGE (widget);

  gtk_window_present (GTK_WINDOW (tandem_search_dialog_new (get_window (self), self->store, NULL)));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TandemCampaignsPage *self = TANDEM_CAMPAIGNS_PAGE (widget);

  if (showing_searches (self))
    new_search_action (widget, NULL, NULL);
  else
    new_campaign_action (widget, NULL, NULL);
}

static void
delete_search_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TandemCampaignsPage *self = TANDEM_CAMPAIGNS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  TandemSavedSearch *search = find_search (self, id);
  g_autoptr(TandemSavedSearch) copy = NULL;
  g_autoptr(GArray) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (search == NULL)
    return;

  /* Kept for Undo: the search and the campaigns whose target list it is */
  copy = tandem_saved_search_copy (search);
  users = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; self->campaigns && i < self->campaigns->len; i++)
    {
      TandemCampaign *campaign = g_ptr_array_index (self->campaigns, i);
      gint64 campaign_id = tandem_campaign_get_id (campaign);

      if (tandem_campaign_get_search_id (campaign) == id)
        g_array_append_val (users, campaign_id);
    }

  if (!tandem_store_delete_saved_search (self->store, id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  g_set_object (&self->deleted_search, copy);
  g_clear_pointer (&self->deleted_users, g_array_unref);
  self->deleted_users = g_steal_pointer (&users);

  /* Translators: %s is the name of a saved search */
  title = g_strdup_printf (_("“%s” deleted"), tandem_saved_search_get_name (copy));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "campaigns.undo-delete-search");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  reload (self);
}

static void
undo_delete_search_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TandemCampaignsPage *self = TANDEM_CAMPAIGNS_PAGE (widget);
  g_autoptr(TandemSavedSearch) search = g_steal_pointer (&self->deleted_search);
  g_autoptr(GArray) users = g_steal_pointer (&self->deleted_users);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (search == NULL)
    return;

  tandem_saved_search_set_id (search, 0);
  id = tandem_store_save_saved_search (self->store, search, &error);
  if (id == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* The campaigns get their target list back. */
  for (guint i = 0; users && i < users->len; i++)
    {
      g_autoptr(TandemCampaign) campaign = tandem_store_get_campaign (self->store,
                                                                      g_array_index (users, gint64, i), NULL);

      if (campaign == NULL || tandem_campaign_get_search_id (campaign) != 0)
        continue;
      tandem_campaign_set_search_id (campaign, id);
      if (tandem_store_save_campaign (self->store, campaign, &error) == 0)
        {
          g_debug ("Could not give a campaign its target list back: %s", error->message);
          g_clear_error (&error);
        }
    }
  reload (self);
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_campaigns_page_dispose (GObject *object)
{
  TandemCampaignsPage *self = TANDEM_CAMPAIGNS_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_CAMPAIGNS_PAGE);

  G_OBJECT_CLASS (tandem_campaigns_page_parent_class)->dispose (object);
}

static void
tandem_campaigns_page_finalize (GObject *object)
{
  TandemCampaignsPage *self = TANDEM_CAMPAIGNS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->deleted_search);
  g_clear_pointer (&self->deleted_users, g_array_unref);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->searches, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_campaigns_page_parent_class)->finalize (object);
}

static void
tandem_campaigns_page_class_init (TandemCampaignsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_campaigns_page_dispose;
  object_class->finalize = tandem_campaigns_page_finalize;

  g_type_ensure (TANDEM_TYPE_NARROW_BIN);
  (void) tandem_campaigns_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tandemcrm/Tandem/campaigns/tandem-campaigns-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignsPage, narrow_bin);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignsPage, campaigns_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignsPage, searches_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignsPage, new_icon_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignsPage, new_button_content);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignsPage, campaigns_list);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignsPage, searches_list);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_narrow_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_campaign_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activated_cb);

  gtk_widget_class_install_action (widget_class, "campaigns.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "campaigns.new-campaign", NULL, new_campaign_action);
  gtk_widget_class_install_action (widget_class, "campaigns.new-search", NULL, new_search_action);
  gtk_widget_class_install_action (widget_class, "campaigns.delete-search", "x", delete_search_action);
  gtk_widget_class_install_action (widget_class, "campaigns.undo-delete-search", NULL, undo_delete_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "campaigns.new", NULL);
}

static void
tandem_campaigns_page_init (TandemCampaignsPage *self)
{
  static gsize css_loaded = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_once_init_enter (&css_loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/tandemcrm/Tandem/campaigns/tandem-campaigns.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
tandem_campaigns_page_new (TandemStore *store)
{
  TandemCampaignsPage *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_CAMPAIGNS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  reload (self);
  return GTK_WIDGET (self);
}

/* Private API -------------------------------------------------------------- */

GtkListBox *
tandem_campaigns_page_get_campaigns_list (TandemCampaignsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGNS_PAGE (self), NULL);
  return self->campaigns_list;
}

GtkListBox *
tandem_campaigns_page_get_searches_list (TandemCampaignsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGNS_PAGE (self), NULL);
  return self->searches_list;
}

void
tandem_campaigns_page_show_view (TandemCampaignsPage *self,
                                 const char          *view)
{
  g_return_if_fail (TANDEM_IS_CAMPAIGNS_PAGE (self));

  if (g_strcmp0 (view, "searches") == 0)
    gtk_toggle_button_set_active (self->searches_button, TRUE);
  else
    gtk_toggle_button_set_active (self->campaigns_button, TRUE);
}

const char *
tandem_campaigns_page_get_visible_view (TandemCampaignsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGNS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
tandem_campaigns_page_reload (TandemCampaignsPage *self)
{
  g_return_if_fail (TANDEM_IS_CAMPAIGNS_PAGE (self));
  reload (self);
}

TandemCampaignWindow *
tandem_campaigns_page_open_campaign (TandemCampaignsPage *self,
                                     gint64               campaign_id)
{
  TandemCampaignWindow *window;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TANDEM_IS_CAMPAIGNS_PAGE (self), NULL);

  window = tandem_campaign_window_new_for_id (get_window (self), self->store, campaign_id, &error);
  if (window == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      reload (self);
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

TandemSearchDialog *
tandem_campaigns_page_open_search (TandemCampaignsPage *self,
                                   gint64               search_id)
{
  TandemSavedSearch *search;
  TandemSearchDialog *dialog;

  g_return_val_if_fail (TANDEM_IS_CAMPAIGNS_PAGE (self), NULL);

  search = find_search (self, search_id);
  if (search == NULL)
    return NULL;
  dialog = tandem_search_dialog_new (get_window (self), self->store, search);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
