/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCampaignWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activity-window.h"
#include "tandem-campaign-window-private.h"
#include "tandem-campaigns-resources.h"
#include "tandem-date.h"
#include "tandem-error.h"
#include "tandem-project-window.h"
#include "tandem-search-dialog.h"
#include "tandem-store-campaigns.h"
#include "tandem-store-groups.h"
#include "tandem-store-projects.h"

/* Store changes come in bursts; one reload after the burst is enough. */
#define RELOAD_DELAY_MS 150

struct _TandemCampaignWindow
{
  AdwWindow              parent_instance;

  /* template widgets */
  AdwWindowTitle        *window_title;
  GtkWidget             *menu_button;
  GtkWidget             *save_button;
  GtkRevealer           *error_revealer;
  GtkLabel              *error_label;
  AdwToastOverlay       *toast_overlay;
  AdwEntryRow           *name_row;
  TandemDateTimeRow     *starts_row;
  TandemDateTimeRow     *ends_row;
  GtkTextView           *description_view;
  GtkWidget             *print_button;
  AdwComboRow           *search_row;
  GtkWidget             *edit_search_button;
  GtkLabel              *targets_label;
  TandemContactPager    *pager;
  TandemActivitiesGroup *activities_group;
  GtkWidget             *sales_group;
  GtkListBox            *sales_list;

  TandemStore           *store;
  gulong                 changed_id;
  TandemCampaign        *campaign;   /* as last saved or read */
  GPtrArray             *searches;   /* TandemSavedSearch, the search row's after "None" */
  GArray                *sale_ids;   /* gint64 per row of sales_list */
  guint                  reload_id;
  guint                  syncing;
  gboolean               close_confirmed;
};

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemCampaignWindow, tandem_campaign_window, ADW_TYPE_WINDOW)

/* Helpers ------------------------------------------------------------------ */

static void
show_error (TandemCampaignWindow *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
hide_error (TandemCampaignWindow *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static GtkWidget *
get_main_window (TandemCampaignWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  return parent ? GTK_WIDGET (parent) : NULL;
}

/* Whether @widget has the window action @name ("print-labels"), added to
 * its action map or installed by its class. */
static gboolean
has_window_action (GtkWidget  *widget,
                   const char *name)
{
  g_autofree char *full_name = g_strconcat ("win.", name, NULL);
  GtkWidgetClass *klass;
  const char *action_name;
  const GVariantType *parameter_type;
  const char *property_name;
  GType owner;

  if (widget == NULL)
    return FALSE;
  if (G_IS_ACTION_MAP (widget) && g_action_map_lookup_action (G_ACTION_MAP (widget), name) != NULL)
    return TRUE;

  klass = GTK_WIDGET_GET_CLASS (widget);
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type, &property_name);
       i++)
    if (g_str_equal (action_name, full_name))
      return TRUE;
  return FALSE;
}

static gint64
campaign_id (TandemCampaignWindow *self)
{
  return tandem_campaign_get_id (self->campaign);
}

static TandemSavedSearch *
selected_search (TandemCampaignWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->search_row);

  if (self->searches == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->searches->len)
    return NULL;
  return g_ptr_array_index (self->searches, selected - 1);
}

static gint64
selected_search_id (TandemCampaignWindow *self)
{
  TandemSavedSearch *search = selected_search (self);

  return search ? tandem_saved_search_get_id (search) : 0;
}

static void
update_print_button (TandemCampaignWindow *self)
{
  gboolean has_action = has_window_action (get_main_window (self), "print-labels");
  gboolean saved_target = campaign_id (self) != 0 && tandem_campaign_get_search_id (self->campaign) != 0 &&
                          tandem_campaign_get_search_id (self->campaign) == selected_search_id (self);

  gtk_widget_set_sensitive (self->print_button, has_action && saved_target);
  if (has_action && !saved_target)
    gtk_widget_set_tooltip_text (self->print_button, _("Save the campaign with a target list first"));
  else
    gtk_widget_set_tooltip_text (self->print_button, _("Print the target list on label sheets"));
}

static void
update_targets (TandemCampaignWindow *self)
{
  TandemSavedSearch *search = selected_search (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n;

  gtk_widget_set_sensitive (self->edit_search_button, search != NULL);
  update_print_button (self);

  if (search == NULL)
    {
      tandem_contact_pager_set_search (self->pager, self->store, NULL, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->pager), FALSE);
      gtk_label_set_text (self->targets_label, _("Choose a saved search, or make a new one, as the target list"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->targets_label), "heading");
      gtk_widget_add_css_class (GTK_WIDGET (self->targets_label), "dim-label");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->targets_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->targets_label), "heading");
  gtk_widget_set_visible (GTK_WIDGET (self->pager), TRUE);
  tandem_contact_pager_set_empty_text (self->pager,
                                       tandem_saved_search_get_entity (search) == TANDEM_KIND_PERSON
                                       ? _("The search finds no people") : _("The search finds no companies"));
  if (!tandem_contact_pager_set_search (self->pager, self->store, search, &error))
    {
      gtk_label_set_text (self->targets_label, error->message);
      return;
    }

  n = tandem_contact_pager_get_n_contacts (self->pager);
  if (tandem_saved_search_get_entity (search) == TANDEM_KIND_PERSON)
    /* Translators: the size of a campaign's target list */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);
  else
    /* Translators: the size of a campaign's target list */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u company", "%u companies", n), n);
  gtk_label_set_text (self->targets_label, text);
}

/* The search row: "None", then the saved searches by name; @keep_id is
 * chosen if it is still there. */
static void
fill_searches (TandemCampaignWindow *self,
               gint64                keep_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_clear_pointer (&self->searches, g_ptr_array_unref);
  self->searches = tandem_store_list_saved_searches (self->store, &error);
  if (self->searches == NULL)
    {
      g_debug ("Could not read the saved searches: %s", error->message);
      self->searches = g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* Translators: no saved search chosen as a campaign's target list */
  gtk_string_list_append (names, C_("target list", "None"));
  for (guint i = 0; i < self->searches->len; i++)
    {
      TandemSavedSearch *search = g_ptr_array_index (self->searches, i);

      gtk_string_list_append (names, tandem_saved_search_get_name (search));
      if (tandem_saved_search_get_id (search) == keep_id)
        selected = i + 1;
    }

  self->syncing++;
  adw_combo_row_set_model (self->search_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->search_row, selected);
  self->syncing--;
  update_targets (self);
}

static char *
describe_sale (TandemProject *project)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *company = tandem_project_get_company_name (project);

  if (company && *company)
    g_string_append (text, company);
  if (tandem_project_get_is_sale (project))
    {
      const char *stage = tandem_project_get_stage_name (project);

      if (stage && *stage)
        g_string_append_printf (text, "%s%s", text->len ? " · " : "", stage);
      if (tandem_project_get_value (project) > 0)
        {
          g_autofree char *value = tandem_format_money (tandem_project_get_value (project),
                                                        tandem_project_get_currency (project));

          g_string_append_printf (text, "%s%s", text->len ? " · " : "", value);
        }
    }
  else
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", _("Delivery project"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
reload_sales (TandemCampaignWindow *self)
{
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GError) error = NULL;
  TandemProjectQuery query = { 0, };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sales_list))))
    gtk_list_box_remove (self->sales_list, child);
  g_array_set_size (self->sale_ids, 0);

  if (campaign_id (self) == 0)
    return;

  query.campaign_id = campaign_id (self);
  query.sort = TANDEM_PROJECT_SORT_NAME;
  projects = tandem_store_list_projects (self->store, &query, &error);
  if (projects == NULL)
    g_debug ("Could not read the campaign's sales: %s", error->message);

  for (guint i = 0; projects && i < projects->len; i++)
    {
      TandemProject *project = g_ptr_array_index (projects, i);
      g_autofree char *subtitle = describe_sale (project);
      GtkWidget *row = adw_action_row_new ();
      gint64 id = tandem_record_get_id (TANDEM_RECORD (project));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_project_get_name (project));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->sales_list, row);
      g_array_append_val (self->sale_ids, id);
    }

  if (self->sale_ids->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No sales name this campaign yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->sales_list, row);
    }
}

static void
set_date_row (TandemDateTimeRow *row,
              const char        *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (text)
    g_date_set_parse (&date, text);
  tandem_date_time_row_set_date (row, g_date_valid (&date) ? &date : NULL);
}

static char *
dup_date_row (TandemDateTimeRow *row)
{
  GDate date;

  if (!tandem_date_time_row_get_date (row, &date))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static void
update_title (TandemCampaignWindow *self)
{
  g_autofree char *starts = tandem_date_format (tandem_campaign_get_starts_on (self->campaign));
  g_autofree char *ends = tandem_date_format (tandem_campaign_get_ends_on (self->campaign));
  g_autofree char *period = NULL;
  gboolean saved = campaign_id (self) != 0;

  if (starts && ends)
    /* Translators: a campaign's period, e.g. "1 Mar 2027 – 31 Mar 2027" */
    period = g_strdup_printf (_("%s – %s"), starts, ends);
  else if (starts)
    /* Translators: a campaign's period without an end */
    period = g_strdup_printf (_("From %s"), starts);
  else if (ends)
    /* Translators: a campaign's period without a start */
    period = g_strdup_printf (_("Until %s"), ends);

  adw_window_title_set_title (self->window_title, saved ? tandem_campaign_get_name (self->campaign)
                                                        : _("New Campaign"));
  adw_window_title_set_subtitle (self->window_title, saved ? period : NULL);
  gtk_button_set_label (GTK_BUTTON (self->save_button), saved ? _("_Save") : _("_Add"));
  gtk_widget_set_visible (self->menu_button, saved);
  gtk_widget_set_visible (GTK_WIDGET (self->activities_group), saved);
  gtk_widget_set_visible (self->sales_group, saved);
}

static void
load_campaign (TandemCampaignWindow *self)
{
  TandemCampaign *campaign = self->campaign;
  const char *description = tandem_campaign_get_description (campaign);
  const char *name = tandem_campaign_get_name (campaign);

  self->syncing++;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  set_date_row (self->starts_row, tandem_campaign_get_starts_on (campaign));
  set_date_row (self->ends_row, tandem_campaign_get_ends_on (campaign));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view), description ? description : "", -1);
  self->syncing--;

  fill_searches (self, tandem_campaign_get_search_id (campaign));
  update_title (self);
  if (campaign_id (self) != 0)
    tandem_activities_group_set_parent (self->activities_group, self->store, TANDEM_KIND_CAMPAIGN,
                                        campaign_id (self));
  reload_sales (self);
}

static TandemCampaign *
collect (TandemCampaignWindow *self)
{
  g_autoptr(TandemCampaign) campaign = tandem_campaign_copy (self->campaign);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *starts = dup_date_row (self->starts_row);
  g_autofree char *ends = dup_date_row (self->ends_row);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  g_autofree char *description = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  tandem_campaign_set_name (campaign, name);
  tandem_campaign_set_starts_on (campaign, starts);
  tandem_campaign_set_ends_on (campaign, ends);
  tandem_campaign_set_description (campaign, *description ? description : NULL);
  tandem_campaign_set_search_id (campaign, selected_search_id (self));
  return g_steal_pointer (&campaign);
}

/* Whether the form holds something not saved yet */
static gboolean
is_changed (TandemCampaignWindow *self)
{
  g_autoptr(TandemCampaign) edited = collect (self);
  TandemCampaign *saved = self->campaign;
  const char *description = tandem_campaign_get_description (saved);

  return g_strcmp0 (tandem_campaign_get_name (edited) ? tandem_campaign_get_name (edited) : "",
                    tandem_campaign_get_name (saved) ? tandem_campaign_get_name (saved) : "") != 0 ||
         g_strcmp0 (tandem_campaign_get_starts_on (edited), tandem_campaign_get_starts_on (saved)) != 0 ||
         g_strcmp0 (tandem_campaign_get_ends_on (edited), tandem_campaign_get_ends_on (saved)) != 0 ||
         g_strcmp0 (tandem_campaign_get_description (edited), description && *description ? description : NULL) != 0 ||
         tandem_campaign_get_search_id (edited) != tandem_campaign_get_search_id (saved);
}

static gboolean
save (TandemCampaignWindow *self)
{
  g_autoptr(TandemCampaign) campaign = collect (self);
  g_autoptr(TandemCampaign) saved = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_new = campaign_id (self) == 0;
  gint64 id;

  id = tandem_store_save_campaign (self->store, campaign, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  hide_error (self);

  saved = tandem_store_get_campaign (self->store, id, NULL);
  if (saved == NULL)
    {
      tandem_campaign_set_id (campaign, id);
      saved = g_object_ref (campaign);
    }
  g_set_object (&self->campaign, saved);

  update_title (self);
  update_print_button (self);
  if (was_new)
    {
      tandem_activities_group_set_parent (self->activities_group, self->store, TANDEM_KIND_CAMPAIGN, id);
      reload_sales (self);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (was_new ? _("Campaign added")
                                                                           : _("Campaign saved")));
  g_signal_emit (self, signals[SAVED], 0, id);
  return TRUE;
}

static void
open_search_dialog (TandemCampaignWindow *self,
                    TandemSavedSearch    *search);

/* Callbacks ---------------------------------------------------------------- */

static void
on_entry_activated_cb (TandemCampaignWindow *self)
{
  save (self);
}

static void
on_error_close_clicked_cb (TandemCampaignWindow *self)
{
  hide_error (self);
}

static void
on_search_selected_cb (TandemCampaignWindow *self)
{
  if (self->syncing)
    return;
  update_targets (self);
}

static void
on_search_saved_cb (TandemCampaignWindow *self,
                    gint64                id)
{
  /* The new or changed search becomes the target list. */
  fill_searches (self, id);
}

static void
open_search_dialog (TandemCampaignWindow *self,
                    TandemSavedSearch    *search)
{
  TandemSearchDialog *dialog = tandem_search_dialog_new (GTK_WINDOW (self), self->store, search);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_search_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_edit_search_clicked_cb (TandemCampaignWindow *self)
{
  TandemSavedSearch *search = selected_search (self);

  if (search)
    open_search_dialog (self, search);
}

static void
on_new_search_clicked_cb (TandemCampaignWindow *self)
{
  open_search_dialog (self, NULL);
}

static void
on_print_clicked_cb (TandemCampaignWindow *self)
{
  GtkWidget *main_window = get_main_window (self);

  if (campaign_id (self) == 0 || !has_window_action (main_window, "print-labels"))
    return;
  gtk_widget_activate_action (main_window, "win.print-labels", "x", campaign_id (self));
}

static void
on_sale_activated_cb (TandemCampaignWindow *self,
                      GtkListBoxRow        *row)
{
  int index = gtk_list_box_row_get_index (row);
  GtkWidget *main_window = get_main_window (self);
  TandemProjectWindow *window;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (index < 0 || (guint) index >= self->sale_ids->len)
    return;
  id = g_array_index (self->sale_ids, gint64, index);

  /* The main window opens it as it does everywhere (with its Undo). */
  if (has_window_action (main_window, "open-project") &&
      gtk_widget_activate_action (main_window, "win.open-project", "x", id))
    return;

  window = tandem_project_window_new (GTK_WINDOW (self), self->store, id, &error);
  if (window == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_open_activity_cb (TandemCampaignWindow  *self,
                     gint64                 activity_id,
                     gint64                 recurrence_id,
                     TandemActivitiesGroup *group)
{
  GtkWidget *main_window = get_main_window (self);

  if (has_window_action (main_window, "open-activity") &&
      gtk_widget_activate_action (main_window, "win.open-activity", "(xx)", activity_id, recurrence_id))
    g_signal_stop_emission_by_name (group, "open-activity");
}

static void
on_plan_activity_cb (TandemCampaignWindow  *self,
                     int                    kind,
                     gint64                 id,
                     GDateTime             *start,
                     TandemActivitiesGroup *group)
{
  TandemActivityWindow *window;

  /* A new activity of this campaign, linked to nothing else yet. */
  g_signal_stop_emission_by_name (group, "plan-activity");
  window = tandem_activity_window_new_planned (GTK_WINDOW (self), self->store, TANDEM_KIND_NONE, 0, start,
                                               G_TIME_SPAN_HOUR);
  tandem_activity_window_set_campaign (window, tandem_campaign_get_name (self->campaign));
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
on_reload_timeout_cb (gpointer data)
{
  TandemCampaignWindow *self = data;
  g_autoptr(TandemCampaign) fresh = NULL;

  self->reload_id = 0;
  if (campaign_id (self) != 0)
    {
      fresh = tandem_store_get_campaign (self->store, campaign_id (self), NULL);
      if (fresh == NULL)
        {
          /* Deleted elsewhere: nothing left to show. */
          self->close_confirmed = TRUE;
          gtk_window_close (GTK_WINDOW (self));
          return G_SOURCE_REMOVE;
        }
      g_set_object (&self->campaign, fresh);
      reload_sales (self);
    }
  /* What is being typed stays; the lists follow the store. */
  fill_searches (self, selected_search_id (self));
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (TandemCampaignWindow *self,
                     int                   kind,
                     gint64                id,
                     TandemStore          *store)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
}

static gboolean
on_close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_delete_response_cb (AdwMessageDialog     *dialog,
                       const char           *response,
                       TandemCampaignWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = campaign_id (self);

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!tandem_store_delete_campaign (self->store, id, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, id);
  self->close_confirmed = TRUE;
  /* Once the question, which belongs to this window, has gone */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
on_close_response_cb (AdwMessageDialog     *dialog,
                      const char           *response,
                      TandemCampaignWindow *self)
{
  if (g_strcmp0 (response, "save") == 0 && !save (self))
    return;
  if (g_strcmp0 (response, "save") != 0 && g_strcmp0 (response, "discard") != 0)
    return;
  self->close_confirmed = TRUE;
  /* Once the question, which belongs to this window, has gone */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
on_map_cb (TandemCampaignWindow *self)
{
  /* The main window may have gained its label sheets meanwhile. */
  update_print_button (self);
  tandem_contact_pager_set_activatable (self->pager, has_window_action (get_main_window (self), "open-record"));
}

static void
on_open_contact_cb (TandemCampaignWindow *self,
                    int                   kind,
                    gint64                id)
{
  GtkWidget *main_window = get_main_window (self);

  /* The card opens in the main window, which comes to the front. */
  if (has_window_action (main_window, "open-record") &&
      gtk_widget_activate_action (main_window, "win.open-record", "(ix)", kind, id))
    gtk_window_present (GTK_WINDOW (main_window));
}

/* Actions ------------------------------------------------------------------ */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (TANDEM_CAMPAIGN_WINDOW (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemCampaignWindow *self = TANDEM_CAMPAIGN_WINDOW (widget);
  GtkWidget *dialog;

  if (campaign_id (self) == 0)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                   _("Its activities and sales stay, without a campaign. The saved search of its "
                                     "target list stays too."));
  /* Translators: %s is a campaign's name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"),
                                     tandem_campaign_get_name (self->campaign));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides ---------------------------------------------------------------- */

static gboolean
tandem_campaign_window_close_request (GtkWindow *window)
{
  TandemCampaignWindow *self = TANDEM_CAMPAIGN_WINDOW (window);
  GtkWidget *dialog;

  /* Nothing typed is lost without asking. */
  if (self->close_confirmed || self->store == NULL || !is_changed (self))
    return GTK_WINDOW_CLASS (tandem_campaign_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                   _("The campaign has changes that are not saved yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
tandem_campaign_window_dispose (GObject *object)
{
  TandemCampaignWindow *self = TANDEM_CAMPAIGN_WINDOW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_CAMPAIGN_WINDOW);

  G_OBJECT_CLASS (tandem_campaign_window_parent_class)->dispose (object);
}

static void
tandem_campaign_window_finalize (GObject *object)
{
  TandemCampaignWindow *self = TANDEM_CAMPAIGN_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->campaign);
  g_clear_pointer (&self->searches, g_ptr_array_unref);
  g_clear_pointer (&self->sale_ids, g_array_unref);

  G_OBJECT_CLASS (tandem_campaign_window_parent_class)->finalize (object);
}

static void
tandem_campaign_window_class_init (TandemCampaignWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_campaign_window_dispose;
  object_class->finalize = tandem_campaign_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = tandem_campaign_window_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TANDEM_TYPE_ACTIVITIES_GROUP);
  g_type_ensure (TANDEM_TYPE_CONTACT_PAGER);
  g_type_ensure (TANDEM_TYPE_DATE_TIME_ROW);

  (void) tandem_campaigns_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tandemcrm/Tandem/campaigns/tandem-campaign-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, starts_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, ends_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, description_view);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, search_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, edit_search_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, targets_label);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, pager);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, activities_group);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, sales_group);
  gtk_widget_class_bind_template_child (widget_class, TandemCampaignWindow, sales_list);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_error_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_search_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_search_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sale_activated_cb);

  gtk_widget_class_install_action (widget_class, "campaign.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "campaign.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "campaign.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
tandem_campaign_window_init (TandemCampaignWindow *self)
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

  self->sale_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_object (self->search_row, "notify::selected", G_CALLBACK (on_search_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->activities_group, "open-activity", G_CALLBACK (on_open_activity_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->activities_group, "plan-activity", G_CALLBACK (on_plan_activity_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pager, "open-contact", G_CALLBACK (on_open_contact_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

static TandemCampaignWindow *
new_window (GtkWindow      *parent,
            TandemStore    *store,
            TandemCampaign *campaign)
{
  TandemCampaignWindow *self = g_object_new (TANDEM_TYPE_CAMPAIGN_WINDOW, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->campaign = campaign;
  self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  load_campaign (self);
  /* A new campaign is named first; a saved one opens to be read. */
  if (campaign_id (self) == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

/* Public API --------------------------------------------------------------- */

TandemCampaignWindow *
tandem_campaign_window_new (GtkWindow   *parent,
                            TandemStore *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  return new_window (parent, store, tandem_campaign_new (""));
}

TandemCampaignWindow *
tandem_campaign_window_new_for_id (GtkWindow    *parent,
                                   TandemStore  *store,
                                   gint64        campaign_id,
                                   GError      **error)
{
  TandemCampaign *campaign;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  campaign = tandem_store_get_campaign (store, campaign_id, error);
  if (campaign == NULL)
    return NULL;
  return new_window (parent, store, campaign);
}

gint64
tandem_campaign_window_get_id (TandemCampaignWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN_WINDOW (self), 0);
  return campaign_id (self);
}

/* Private API -------------------------------------------------------------- */

AdwEntryRow *
tandem_campaign_window_get_name_row (TandemCampaignWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN_WINDOW (self), NULL);
  return self->name_row;
}

TandemDateTimeRow *
tandem_campaign_window_get_starts_row (TandemCampaignWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN_WINDOW (self), NULL);
  return self->starts_row;
}

TandemDateTimeRow *
tandem_campaign_window_get_ends_row (TandemCampaignWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN_WINDOW (self), NULL);
  return self->ends_row;
}

GtkTextView *
tandem_campaign_window_get_description_view (TandemCampaignWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN_WINDOW (self), NULL);
  return self->description_view;
}

AdwComboRow *
tandem_campaign_window_get_search_row (TandemCampaignWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN_WINDOW (self), NULL);
  return self->search_row;
}

void
tandem_campaign_window_choose_search (TandemCampaignWindow *self,
                                      gint64                search_id)
{
  g_return_if_fail (TANDEM_IS_CAMPAIGN_WINDOW (self));

  for (guint i = 0; self->searches && i < self->searches->len; i++)
    if (tandem_saved_search_get_id (g_ptr_array_index (self->searches, i)) == search_id)
      adw_combo_row_set_selected (self->search_row, i + 1);
}

TandemContactPager *
tandem_campaign_window_get_pager (TandemCampaignWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN_WINDOW (self), NULL);
  return self->pager;
}

const char *
tandem_campaign_window_get_targets_text (TandemCampaignWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN_WINDOW (self), NULL);
  return gtk_label_get_text (self->targets_label);
}

TandemActivitiesGroup *
tandem_campaign_window_get_activities_group (TandemCampaignWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN_WINDOW (self), NULL);
  return self->activities_group;
}

GtkListBox *
tandem_campaign_window_get_sales_list (TandemCampaignWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN_WINDOW (self), NULL);
  return self->sales_list;
}

GtkWidget *
tandem_campaign_window_get_print_button (TandemCampaignWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN_WINDOW (self), NULL);
  return self->print_button;
}

const char *
tandem_campaign_window_get_error (TandemCampaignWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_CAMPAIGN_WINDOW (self), NULL);
  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

void
tandem_campaign_window_save (TandemCampaignWindow *self)
{
  g_return_if_fail (TANDEM_IS_CAMPAIGN_WINDOW (self));
  save (self);
}
