/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemSaleDialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-checklist-row.h"
#include "tandem-date-time-row.h"
#include "tandem-error.h"
#include "tandem-pipeline-resources.h"
#include "tandem-record-picker.h"
#include "tandem-sale-dialog-private.h"
#include "tandem-store-campaigns.h"

/* Offered before any other: the currencies Tandem's users trade in most. */
static const char * const default_currencies[] = { "EUR", "PLN", "SEK", "USD", "GBP" };

/* The visibility row's entries, in order (SPEC E1; a project is never
 * private). */
static const TandemVisibility visibilities[] = {
  TANDEM_VISIBILITY_EVERYONE,
  TANDEM_VISIBILITY_GROUPS,
  TANDEM_VISIBILITY_TEAM,
};

struct _TandemSaleDialog
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkWidget          *save_button;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  AdwEntryRow        *name_row;
  TandemRecordPicker *company_row;
  GtkWidget          *sale_group;
  GtkWidget          *forecast_group;
  AdwComboRow        *stage_row;
  AdwEntryRow        *value_row;
  AdwComboRow        *currency_row;
  GtkLabel           *value_error;
  GtkSpinButton      *probability_spin;
  TandemDateTimeRow  *close_row;
  AdwComboRow        *seller_row;
  AdwComboRow        *product_row;
  AdwEntryRow        *campaign_row;
  GtkWidget          *campaign_button;
  GtkLabel           *campaign_hint;
  GtkTextView        *description_view;
  AdwPreferencesGroup *visibility_group;
  AdwComboRow        *visibility_row;
  TandemChecklistRow *groups_row;

  TandemStore        *store;
  TandemProject      *project;       /* the copy being edited */
  GPtrArray          *stages;        /* the stage row's stages */
  GArray             *seller_ids;    /* the seller row's users; 0 is "none" */
  GArray             *product_ids;   /* the product row's products; 0 is "none" */
  GPtrArray          *currencies;    /* the currency row's codes */
  GPtrArray          *campaigns;     /* the names the campaign menu offers */
  gboolean            may_change_visibility;
  gboolean            probability_edited;
  guint               syncing;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemSaleDialog, tandem_sale_dialog, ADW_TYPE_WINDOW)

/* Helpers ------------------------------------------------------------------ */

static void
show_error (TandemSaleDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
hide_error (TandemSaleDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static guint
index_of_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; ids && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static gint64
id_at (GArray *ids,
       guint   position)
{
  if (ids == NULL || position == GTK_INVALID_LIST_POSITION || position >= ids->len)
    return 0;
  return g_array_index (ids, gint64, position);
}

static TandemStage *
selected_stage (TandemSaleDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->stage_row);

  if (self->stages == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->stages->len)
    return NULL;
  return g_ptr_array_index (self->stages, selected);
}

static void
add_currency (TandemSaleDialog *self,
              const char       *code)
{
  if (code == NULL || *code == '\0')
    return;
  for (guint i = 0; i < self->currencies->len; i++)
    if (g_str_equal (g_ptr_array_index (self->currencies, i), code))
      return;
  g_ptr_array_add (self->currencies, g_strdup (code));
}

/* The value as typed: TRUE with @cents set, or FALSE when it is not an
 * amount (the row then says so). Empty is no value. */
static gboolean
check_value (TandemSaleDialog *self,
             gint64           *cents)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_row))));
  gint64 value = 0;
  gboolean ok = *text == '\0' || tandem_parse_money (text, &value);

  if (ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_row), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->value_error), FALSE);
    }
  else
    {
      /* Translators: %s is what the user typed as a sale's value */
      g_autofree char *message = g_strdup_printf (_("“%s” is not an amount. Write it like 12 500,50 or 12500.50."),
                                                  text);

      gtk_widget_add_css_class (GTK_WIDGET (self->value_row), "error");
      gtk_label_set_text (self->value_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->value_error), TRUE);
    }
  if (cents)
    *cents = value;
  return ok;
}

static void
update_visibility_rows (TandemSaleDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->visibility_row);

  gtk_widget_set_visible (GTK_WIDGET (self->groups_row),
                          selected < G_N_ELEMENTS (visibilities) &&
                          visibilities[selected] == TANDEM_VISIBILITY_GROUPS);
}

static void
fill_string_row (AdwComboRow   *row,
                 GtkStringList *names)
{
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
}

/* The campaigns the campaign row offers, in a menu; a name typed that is
 * not among them adds a campaign when the sale is saved (SPEC I3). */
static void
fill_campaigns (TandemSaleDialog *self)
{
  g_autoptr(GPtrArray) campaigns = tandem_store_list_campaigns (self->store, NULL);
  g_autoptr(GMenu) menu = g_menu_new ();

  self->campaigns = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; campaigns && i < campaigns->len; i++)
    {
      const char *name = tandem_campaign_get_name (g_ptr_array_index (campaigns, i));
      g_autoptr(GMenuItem) item = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;

      if (name == NULL || *name == '\0')
        continue;
      /* An underscore in a name is not a mnemonic. */
      parts = g_strsplit (name, "_", -1);
      label = g_strjoinv ("__", parts);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "dialog.choose-campaign", "s", name);
      g_menu_append_item (menu, item);
      g_ptr_array_add (self->campaigns, g_strdup (name));
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->campaign_button), G_MENU_MODEL (menu));
  gtk_widget_set_visible (self->campaign_button, self->campaigns->len > 0);
}

/* Says when the name typed will add a campaign. */
static void
update_campaign_hint (TandemSaleDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->campaign_row))));
  g_autofree char *key = g_utf8_casefold (text, -1);
  gboolean known = *text == '\0';

  for (guint i = 0; !known && self->campaigns && i < self->campaigns->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (self->campaigns, i), -1);

      known = g_str_equal (key, other);
    }

  if (!known)
    {
      /* Translators: %s is a campaign name typed in the sale dialog */
      g_autofree char *hint = g_strdup_printf (_("“%s” is a new campaign: saving the sale adds it"), text);

      gtk_label_set_text (self->campaign_hint, hint);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_hint), !known);
}

/* Sets up the choices: stages, currencies, users, products, groups. */
static void
fill_choices (TandemSaleDialog *self)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_auto(GStrv) used = NULL;
  g_autoptr(GtkStringList) stage_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) currency_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) user_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) product_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) visibility_names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean is_new = tandem_record_get_id (TANDEM_RECORD (self->project)) == 0;
  gint64 none = 0;

  /* A new sale starts open; a saved one may stand at any stage. */
  stages = tandem_store_list_stages (self->store, &error);
  if (stages == NULL)
    {
      show_error (self, error->message);
      g_clear_error (&error);
    }
  self->stages = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; stages && i < stages->len; i++)
    {
      TandemStage *stage = g_ptr_array_index (stages, i);

      if (is_new && tandem_stage_get_outcome (stage) != TANDEM_SALE_OPEN)
        continue;
      g_ptr_array_add (self->stages, g_object_ref (stage));
      gtk_string_list_append (stage_names, tandem_stage_get_name (stage));
    }
  fill_string_row (self->stage_row, stage_names);

  /* Currencies: the usual ones and those sales already use */
  self->currencies = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (default_currencies); i++)
    add_currency (self, default_currencies[i]);
  used = tandem_store_list_sale_currencies (self->store, NULL);
  for (guint i = 0; used && used[i]; i++)
    add_currency (self, used[i]);
  add_currency (self, tandem_project_get_currency (self->project));
  for (guint i = 0; i < self->currencies->len; i++)
    gtk_string_list_append (currency_names, g_ptr_array_index (self->currencies, i));
  fill_string_row (self->currency_row, currency_names);

  self->seller_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->seller_ids, none);
  /* Translators: no seller chosen for a sale */
  gtk_string_list_append (user_names, C_("seller", "None"));
  users = tandem_store_list_users (self->store, NULL);
  for (guint i = 0; users && i < users->len; i++)
    {
      TandemUser *user = g_ptr_array_index (users, i);
      gint64 id = tandem_user_get_id (user);

      if (!tandem_user_get_active (user) && id != tandem_project_get_seller_id (self->project))
        continue;
      g_array_append_val (self->seller_ids, id);
      gtk_string_list_append (user_names, tandem_user_get_name (user));
    }
  fill_string_row (self->seller_row, user_names);

  self->product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->product_ids, none);
  /* Translators: no product chosen for a sale */
  gtk_string_list_append (product_names, C_("product", "None"));
  products = tandem_store_list_products (self->store, TRUE, NULL);
  for (guint i = 0; products && i < products->len; i++)
    {
      TandemProduct *product = g_ptr_array_index (products, i);
      gint64 id = tandem_product_get_id (product);

      if (!tandem_product_get_active (product) && id != tandem_project_get_product_id (self->project))
        continue;
      g_array_append_val (self->product_ids, id);
      gtk_string_list_append (product_names, tandem_product_get_name (product));
    }
  fill_string_row (self->product_row, product_names);

  fill_campaigns (self);

  gtk_string_list_append (visibility_names, _("Everyone who may see the customer"));
  gtk_string_list_append (visibility_names, _("Chosen groups and the project team"));
  gtk_string_list_append (visibility_names, _("Project team only"));
  fill_string_row (self->visibility_row, visibility_names);

  groups = tandem_store_list_groups (self->store, NULL);
  for (guint i = 0; groups && i < groups->len; i++)
    {
      TandemChoice *group = g_ptr_array_index (groups, i);

      tandem_checklist_row_add (self->groups_row, tandem_choice_get_id (group), tandem_choice_get_name (group),
                                NULL, FALSE);
    }
}

static void
load_project (TandemSaleDialog *self)
{
  TandemProject *project = self->project;
  TandemUser *user = tandem_store_get_user (self->store);
  gboolean is_new = tandem_record_get_id (TANDEM_RECORD (project)) == 0;
  gboolean sale = tandem_project_get_is_sale (project);
  const char *description = tandem_project_get_description (project);
  const char *close_date = tandem_project_get_close_date (project);
  const gint64 *group_ids;
  guint n_groups, position;
  TandemStage *stage;

  self->syncing++;

  if (is_new)
    adw_window_title_set_title (self->window_title, sale ? _("New Sale") : _("New Project"));
  else
    adw_window_title_set_title (self->window_title, sale ? _("Edit Sale") : _("Edit Project"));
  gtk_button_set_label (GTK_BUTTON (self->save_button), is_new ? _("_Add") : _("_Save"));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), tandem_project_get_name (project));
  tandem_record_picker_set_record (self->company_row, TANDEM_KIND_COMPANY, tandem_project_get_company_id (project),
                                   tandem_project_get_company_name (project));

  gtk_widget_set_visible (self->sale_group, sale);
  gtk_widget_set_visible (self->forecast_group, sale);

  for (guint i = 0; i < self->stages->len; i++)
    if (tandem_stage_get_id (g_ptr_array_index (self->stages, i)) == tandem_project_get_stage_id (project))
      adw_combo_row_set_selected (self->stage_row, i);
  stage = selected_stage (self);

  if (tandem_project_get_value (project) > 0 || !is_new)
    {
      g_autofree char *value = tandem_format_money (tandem_project_get_value (project), NULL);

      gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
    }
  for (guint i = 0; i < self->currencies->len; i++)
    if (g_str_equal (g_ptr_array_index (self->currencies, i), tandem_project_get_currency (project)))
      adw_combo_row_set_selected (self->currency_row, i);

  if (tandem_project_get_probability (project) >= 0)
    {
      gtk_spin_button_set_value (self->probability_spin, tandem_project_get_probability (project));
      self->probability_edited = !is_new;
    }
  else if (stage)
    gtk_spin_button_set_value (self->probability_spin, tandem_stage_get_probability (stage));

  if (close_date)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_parse (&date, close_date);
      tandem_date_time_row_set_date (self->close_row, g_date_valid (&date) ? &date : NULL);
    }
  else
    tandem_date_time_row_set_date (self->close_row, NULL);

  position = index_of_id (self->seller_ids, tandem_project_get_seller_id (project));
  adw_combo_row_set_selected (self->seller_row, position == GTK_INVALID_LIST_POSITION ? 0 : position);
  position = index_of_id (self->product_ids, tandem_project_get_product_id (project));
  adw_combo_row_set_selected (self->product_row, position == GTK_INVALID_LIST_POSITION ? 0 : position);
  gtk_editable_set_text (GTK_EDITABLE (self->campaign_row),
                         tandem_project_get_campaign (project) ? tandem_project_get_campaign (project) : "");
  update_campaign_hint (self);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view), description ? description : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (visibilities); i++)
    if (visibilities[i] == tandem_project_get_visibility (project))
      adw_combo_row_set_selected (self->visibility_row, i);
  group_ids = tandem_project_get_group_ids (project, &n_groups);
  tandem_checklist_row_set_selected (self->groups_row, group_ids, n_groups);

  /* E2: once saved, only the author or an administrator changes it. */
  self->may_change_visibility = is_new || (user && (tandem_user_is_admin (user) ||
                                                    tandem_user_get_id (user) == tandem_project_get_author_id (project)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->visibility_row), self->may_change_visibility);
  gtk_widget_set_sensitive (GTK_WIDGET (self->groups_row), self->may_change_visibility);
  if (!self->may_change_visibility)
    adw_preferences_group_set_description (self->visibility_group,
                                           _("Only the author or an administrator can change who may see it"));
  update_visibility_rows (self);

  self->syncing--;
}

/* The edited copy with what the dialog shows; NULL with @error set when
 * something typed cannot be saved as it is. */
static TandemProject *
collect (TandemSaleDialog  *self,
         GError           **error)
{
  g_autoptr(TandemProject) project = tandem_project_copy (self->project);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *campaign = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->campaign_row))));
  g_autofree char *description = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  tandem_project_set_name (project, name);
  tandem_project_set_company_id (project, tandem_record_picker_get_kind (self->company_row) == TANDEM_KIND_COMPANY
                                          ? tandem_record_picker_get_id (self->company_row) : 0);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  tandem_project_set_description (project, *description ? description : NULL);

  if (tandem_project_get_is_sale (project))
    {
      TandemStage *stage = selected_stage (self);
      guint currency = adw_combo_row_get_selected (self->currency_row);
      gint64 value = 0;
      GDate date;

      if (!check_value (self, &value))
        {
          g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                               gtk_label_get_text (self->value_error));
          return NULL;
        }
      if (stage)
        tandem_project_set_stage_id (project, tandem_stage_get_id (stage));
      tandem_project_set_value (project, value);
      if (currency < self->currencies->len)
        tandem_project_set_currency (project, g_ptr_array_index (self->currencies, currency));
      tandem_project_set_probability (project, gtk_spin_button_get_value_as_int (self->probability_spin));
      if (tandem_date_time_row_get_date (self->close_row, &date))
        {
          char text[16];

          g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                      g_date_get_day (&date));
          tandem_project_set_close_date (project, text);
        }
      else
        tandem_project_set_close_date (project, NULL);
      tandem_project_set_seller_id (project, id_at (self->seller_ids, adw_combo_row_get_selected (self->seller_row)));
      tandem_project_set_product_id (project,
                                     id_at (self->product_ids, adw_combo_row_get_selected (self->product_row)));
      tandem_project_set_campaign (project, *campaign ? campaign : NULL);
    }

  if (self->may_change_visibility)
    {
      guint selected = adw_combo_row_get_selected (self->visibility_row);
      TandemVisibility visibility = selected < G_N_ELEMENTS (visibilities) ? visibilities[selected]
                                                                          : TANDEM_VISIBILITY_EVERYONE;

      tandem_project_set_visibility (project, visibility);
      if (visibility == TANDEM_VISIBILITY_GROUPS)
        {
          g_autoptr(GArray) groups = tandem_checklist_row_get_selected (self->groups_row);

          tandem_project_set_group_ids (project, (const gint64 *) groups->data, groups->len);
        }
      else
        tandem_project_set_group_ids (project, NULL, 0);
    }
  return g_steal_pointer (&project);
}

static void
save (TandemSaleDialog *self)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* The value's own message says what is wrong with it. */
  project = collect (self, &error);
  if (project == NULL)
    {
      hide_error (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->value_row));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  id = tandem_store_save_project (self->store, project, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  hide_error (self);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_entry_activated_cb (TandemSaleDialog *self)
{
  save (self);
}

static void
on_error_close_clicked_cb (TandemSaleDialog *self)
{
  hide_error (self);
}

static void
on_value_changed_cb (TandemSaleDialog *self)
{
  if (self->syncing)
    return;
  check_value (self, NULL);
}

static void
on_stage_selected_cb (TandemSaleDialog *self)
{
  TandemStage *stage = selected_stage (self);

  /* The stage's probability, unless the user chose one. */
  if (self->syncing || stage == NULL || self->probability_edited)
    return;
  self->syncing++;
  gtk_spin_button_set_value (self->probability_spin, tandem_stage_get_probability (stage));
  self->syncing--;
}

static void
on_probability_changed_cb (TandemSaleDialog *self)
{
  if (!self->syncing)
    self->probability_edited = TRUE;
}

static void
on_visibility_selected_cb (TandemSaleDialog *self)
{
  update_visibility_rows (self);
}

static void
on_campaign_changed_cb (TandemSaleDialog *self)
{
  update_campaign_hint (self);
}

static void
on_company_changed_cb (TandemSaleDialog *self)
{
  g_autoptr(TandemPerson) person = NULL;
  const char *company;

  /* A sale is the company's; a person found by the search stands for
   * the company they work at. */
  if (tandem_record_picker_get_kind (self->company_row) != TANDEM_KIND_PERSON)
    return;

  person = tandem_store_get_person (self->store, tandem_record_picker_get_id (self->company_row), NULL);
  company = person ? tandem_person_get_company_name (person) : NULL;
  if (person && tandem_person_get_company_id (person) != 0)
    tandem_record_picker_set_record (self->company_row, TANDEM_KIND_COMPANY, tandem_person_get_company_id (person),
                                     company);
  else
    {
      tandem_record_picker_set_record (self->company_row, TANDEM_KIND_NONE, 0, NULL);
      show_error (self, _("That person works at no company: choose the customer company"));
    }
}

/* Actions ------------------------------------------------------------------ */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (TANDEM_SALE_DIALOG (widget));
}

static void
choose_campaign_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TandemSaleDialog *self = TANDEM_SALE_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->campaign_row), g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->campaign_row));
  gtk_editable_set_position (GTK_EDITABLE (self->campaign_row), -1);
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_sale_dialog_dispose (GObject *object)
{
  TandemSaleDialog *self = TANDEM_SALE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_SALE_DIALOG);

  G_OBJECT_CLASS (tandem_sale_dialog_parent_class)->dispose (object);
}

static void
tandem_sale_dialog_finalize (GObject *object)
{
  TandemSaleDialog *self = TANDEM_SALE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->project);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->seller_ids, g_array_unref);
  g_clear_pointer (&self->product_ids, g_array_unref);
  g_clear_pointer (&self->currencies, g_ptr_array_unref);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_sale_dialog_parent_class)->finalize (object);
}

static void
tandem_sale_dialog_class_init (TandemSaleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_sale_dialog_dispose;
  object_class->finalize = tandem_sale_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TANDEM_TYPE_CHECKLIST_ROW);
  g_type_ensure (TANDEM_TYPE_DATE_TIME_ROW);
  g_type_ensure (TANDEM_TYPE_RECORD_PICKER);

  (void) tandem_pipeline_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/pipeline/tandem-sale-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, company_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, sale_group);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, forecast_group);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, value_error);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, probability_spin);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, close_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, seller_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, product_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, campaign_button);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, campaign_hint);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, visibility_group);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, visibility_row);
  gtk_widget_class_bind_template_child (widget_class, TandemSaleDialog, groups_row);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_error_close_clicked_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.choose-campaign", "s", choose_campaign_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_sale_dialog_init (TandemSaleDialog *self)
{
  static gsize css_loaded = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_once_init_enter (&css_loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/tandemcrm/Tandem/pipeline/tandem-pipeline.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }

  tandem_checklist_row_set_placeholder (self->groups_row, _("No group chosen: only the project team"));
  tandem_checklist_row_set_empty_text (self->groups_row, _("No groups yet"),
                                       _("An administrator creates groups in Preferences"));

  g_signal_connect_object (self->value_row, "changed", G_CALLBACK (on_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stage_row, "notify::selected", G_CALLBACK (on_stage_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->probability_spin, "value-changed", G_CALLBACK (on_probability_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->visibility_row, "notify::selected", G_CALLBACK (on_visibility_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->company_row, "changed", G_CALLBACK (on_company_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->campaign_row, "changed", G_CALLBACK (on_campaign_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->probability_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Probability in percent"), -1);
}

static TandemSaleDialog *
new_dialog (GtkWindow     *parent,
            TandemStore   *store,
            TandemProject *project)
{
  TandemSaleDialog *self = g_object_new (TANDEM_TYPE_SALE_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->project = project;
  fill_choices (self);
  load_project (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

/* A new sale or project of @company_id (when the user may see it), at the
 * first open stage, sold by the signed-in user. */
static TandemSaleDialog *
new_unsaved (GtkWindow   *parent,
             TandemStore *store,
             gint64       company_id,
             gboolean     sale)
{
  g_autoptr(GPtrArray) stages = tandem_store_list_stages (store, NULL);
  g_autoptr(TandemCompany) company = company_id ? tandem_store_get_company (store, company_id, NULL) : NULL;
  TandemUser *user = tandem_store_get_user (store);
  TandemSaleDialog *self;
  TandemProject *project;
  gint64 stage_id = 0;

  for (guint i = 0; stages && i < stages->len && stage_id == 0; i++)
    if (tandem_stage_get_outcome (g_ptr_array_index (stages, i)) == TANDEM_SALE_OPEN)
      stage_id = tandem_stage_get_id (g_ptr_array_index (stages, i));

  company_id = company ? company_id : 0;
  project = sale ? tandem_project_new_sale (company_id, "", stage_id) : tandem_project_new (company_id, "");
  if (sale && user)
    tandem_project_set_seller_id (project, tandem_user_get_id (user));

  self = new_dialog (parent, store, project);
  if (company)
    tandem_record_picker_set_record (self->company_row, TANDEM_KIND_COMPANY, company_id,
                                     tandem_company_get_name (company));
  return self;
}

/* Public API --------------------------------------------------------------- */

TandemSaleDialog *
tandem_sale_dialog_new_sale (GtkWindow   *parent,
                             TandemStore *store,
                             gint64       company_id)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  return new_unsaved (parent, store, company_id, TRUE);
}

TandemSaleDialog *
tandem_sale_dialog_new_project (GtkWindow   *parent,
                                TandemStore *store,
                                gint64       company_id)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  return new_unsaved (parent, store, company_id, FALSE);
}

TandemSaleDialog *
tandem_sale_dialog_new_for_project (GtkWindow     *parent,
                                    TandemStore   *store,
                                    TandemProject *project)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  return new_dialog (parent, store, tandem_project_copy (project));
}

/* Private API -------------------------------------------------------------- */

AdwEntryRow *
tandem_sale_dialog_get_name_row (TandemSaleDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_DIALOG (self), NULL);
  return self->name_row;
}

AdwEntryRow *
tandem_sale_dialog_get_value_row (TandemSaleDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_DIALOG (self), NULL);
  return self->value_row;
}

GtkLabel *
tandem_sale_dialog_get_value_error (TandemSaleDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_DIALOG (self), NULL);
  return self->value_error;
}

const char *
tandem_sale_dialog_get_error (TandemSaleDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_DIALOG (self), NULL);
  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

AdwComboRow *
tandem_sale_dialog_get_stage_row (TandemSaleDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_DIALOG (self), NULL);
  return self->stage_row;
}

GtkSpinButton *
tandem_sale_dialog_get_probability_spin (TandemSaleDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_DIALOG (self), NULL);
  return self->probability_spin;
}

AdwEntryRow *
tandem_sale_dialog_get_campaign_row (TandemSaleDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_DIALOG (self), NULL);
  return self->campaign_row;
}

const char *
tandem_sale_dialog_get_campaign_hint (TandemSaleDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->campaign_hint)))
    return NULL;
  return gtk_label_get_text (self->campaign_hint);
}

AdwComboRow *
tandem_sale_dialog_get_visibility_row (TandemSaleDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_SALE_DIALOG (self), NULL);
  return self->visibility_row;
}

void
tandem_sale_dialog_choose_company (TandemSaleDialog *self,
                                   gint64            company_id,
                                   const char       *name)
{
  g_return_if_fail (TANDEM_IS_SALE_DIALOG (self));
  tandem_record_picker_choose (self->company_row, TANDEM_KIND_COMPANY, company_id, name);
}
