/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCompanyCard"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activities-group.h"
#include "tandem-business-id.h"
#include "tandem-company-card-private.h"
#include "tandem-contact-groups-group.h"
#include "tandem-documents-group.h"
#include "tandem-fields-group.h"
#include "tandem-notes-group.h"
#include "tandem-sale-dialog.h"

struct _TandemCompanyCard
{
  TandemCard parent_instance;

  AdwEntryRow         *name_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *fax_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *website_row;
  AdwEntryRow         *business_id_row;
  AdwEntryRow         *vat_row;
  GtkLabel            *business_id_error;
  AdwEntryRow         *visit_street_row;
  AdwEntryRow         *visit_postcode_row;
  AdwEntryRow         *visit_city_row;
  AdwEntryRow         *visit_country_row;
  AdwEntryRow         *postal_street_row;
  AdwEntryRow         *postal_postcode_row;
  AdwEntryRow         *postal_city_row;
  AdwEntryRow         *postal_country_row;
  AdwEntryRow         *billing_street_row;
  AdwEntryRow         *billing_postcode_row;
  AdwEntryRow         *billing_city_row;
  AdwEntryRow         *billing_country_row;
  AdwPreferencesGroup *roles_group;
  TandemContactGroupsGroup *contact_groups_group;
  TandemFieldsGroup   *classification_group;
  TandemFieldsGroup   *additional_group;
  AdwPreferencesGroup *people_group;
  AdwPreferencesGroup *projects_group;
  TandemActivitiesGroup *activities_group;
  TandemNotesGroup    *notes_group;
  TandemDocumentsGroup *documents_group;

  GPtrArray           *role_rows;
  GPtrArray           *people_rows;
  guint                n_people;
  GPtrArray           *project_rows;
  guint                n_projects;
  gint64               shown_id;
};

G_DEFINE_FINAL_TYPE (TandemCompanyCard, tandem_company_card, TANDEM_TYPE_CARD)

static void
check_business_id (TandemCompanyCard *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->business_id_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0' || tandem_business_id_check (stripped, NULL, NULL, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->business_id_row), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->business_id_error), FALSE);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->business_id_row), "error");
      gtk_label_set_text (self->business_id_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->business_id_error), TRUE);
    }
}

static void
on_role_toggled_cb (GtkCheckButton    *check,
                    TandemCompanyCard *self)
{
  TandemCompany *company = TANDEM_COMPANY (tandem_card_get_record (TANDEM_CARD (self)));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) roles = NULL;

  if (company == NULL || tandem_card_is_syncing (TANDEM_CARD (self)))
    return;

  for (guint i = 0; i < self->role_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->role_rows, i);
      GtkCheckButton *c = g_object_get_data (row, "check");

      if (c && gtk_check_button_get_active (c))
        g_strv_builder_add (builder, g_object_get_data (row, "role"));
    }
  roles = g_strv_builder_end (builder);
  tandem_company_set_roles (company, (const char * const *) roles);
  tandem_card_set_modified (TANDEM_CARD (self));
}

static void
rebuild_roles (TandemCompanyCard *self)
{
  TandemStore *store = tandem_card_get_store (TANDEM_CARD (self));
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->role_rows->len; i++)
    adw_preferences_group_remove (self->roles_group, g_ptr_array_index (self->role_rows, i));
  g_ptr_array_set_size (self->role_rows, 0);

  roles = tandem_store_list_partner_roles (store, &error);
  if (roles == NULL)
    g_warning ("Could not read the partner roles: %s", error->message);

  if (roles == NULL || roles->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No partner roles yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("An administrator defines roles such as customer or supplier in Preferences"));
      g_ptr_array_add (self->role_rows, row);
      adw_preferences_group_add (self->roles_group, row);
      return;
    }

  for (guint i = 0; i < roles->len; i++)
    {
      TandemChoice *role = g_ptr_array_index (roles, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_choice_get_name (role));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tandem_choice_get_name (role), -1);
      g_object_set_data_full (G_OBJECT (row), "role", g_strdup (tandem_choice_get_name (role)), g_free);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_role_toggled_cb), self, 0);
      g_ptr_array_add (self->role_rows, row);
      adw_preferences_group_add (self->roles_group, row);
    }
}

static void
sync_roles (TandemCompanyCard *self)
{
  TandemCompany *company = TANDEM_COMPANY (tandem_card_get_record (TANDEM_CARD (self)));
  const char * const *roles = tandem_company_get_roles (company);

  for (guint i = 0; i < self->role_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->role_rows, i);
      GtkCheckButton *check = g_object_get_data (row, "check");

      if (check == NULL)
        continue;
      gtk_check_button_set_active (check, roles && g_strv_contains (roles, g_object_get_data (row, "role")));
    }
}

static void
on_person_row_activated_cb (AdwActionRow      *row,
                            TandemCompanyCard *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "person-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "(ix)", (int) TANDEM_KIND_PERSON, id);
}

static void
reload_people (TandemCompanyCard *self)
{
  TandemStore *store = tandem_card_get_store (TANDEM_CARD (self));
  gint64 id = tandem_card_get_id (TANDEM_CARD (self));
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->people_rows->len; i++)
    adw_preferences_group_remove (self->people_group, g_ptr_array_index (self->people_rows, i));
  g_ptr_array_set_size (self->people_rows, 0);
  self->n_people = 0;

  if (id == 0)
    return;

  people = tandem_store_list_people_of (store, id, &error);
  if (people == NULL)
    {
      g_debug ("Could not read the people: %s", error->message);
      return;
    }

  for (guint i = 0; i < people->len; i++)
    {
      TandemPerson *person = g_ptr_array_index (people, i);
      GtkWidget *row = adw_action_row_new ();
      const char *job = tandem_person_get_text (person, "job-title");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_person_get_name (person));
      if (job)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), job);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("avatar-default-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "person-id",
                              g_memdup2 (&(gint64) { tandem_record_get_id (TANDEM_RECORD (person)) }, sizeof (gint64)),
                              g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_person_row_activated_cb), self, 0);
      g_ptr_array_add (self->people_rows, row);
      adw_preferences_group_add (self->people_group, row);
    }
  self->n_people = people->len;

  if (people->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No people yet"));
      gtk_widget_add_css_class (row, "dim-label");
      g_ptr_array_add (self->people_rows, row);
      adw_preferences_group_add (self->people_group, row);
    }
}

static void
on_project_row_activated_cb (AdwActionRow      *row,
                             TandemCompanyCard *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "project-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-project", "x", id);
}

/* "Offer · 12 500,00 € · closing 31/12/2026", "Won · 8 000,00 €" or
 * "Delivery project". */
static char *
describe_project (TandemProject *project)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *value = NULL;
  TandemSaleState state = tandem_project_get_state (project);
  const char *close_date = tandem_project_get_close_date (project);

  if (!tandem_project_get_is_sale (project))
    return g_strdup (_("Delivery project"));

  g_string_append (text, state == TANDEM_SALE_OPEN ? tandem_project_get_stage_name (project)
                                                   : tandem_sale_state_get_label (state));
  value = tandem_format_money (tandem_project_get_value (project), tandem_project_get_currency (project));
  g_string_append_printf (text, " · %s", value);
  if (state == TANDEM_SALE_OPEN && close_date)
    {
      GDate date;
      char formatted[64];

      g_date_clear (&date, 1);
      g_date_set_parse (&date, close_date);
      if (g_date_valid (&date) && g_date_strftime (formatted, sizeof formatted, "%x", &date) > 0)
        close_date = formatted;
      g_string_append (text, " · ");
      /* Translators: %s is the date a sale is expected to close */
      g_string_append_printf (text, _("closing %s"), close_date);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
reload_projects (TandemCompanyCard *self)
{
  TandemStore *store = tandem_card_get_store (TANDEM_CARD (self));
  gint64 id = tandem_card_get_id (TANDEM_CARD (self));
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GError) error = NULL;
  TandemProjectQuery query = { 0 };

  for (guint i = 0; i < self->project_rows->len; i++)
    adw_preferences_group_remove (self->projects_group, g_ptr_array_index (self->project_rows, i));
  g_ptr_array_set_size (self->project_rows, 0);
  self->n_projects = 0;

  if (id == 0)
    return;

  query.company_id = id;
  projects = tandem_store_list_projects (store, &query, &error);
  if (projects == NULL)
    {
      g_debug ("Could not read the projects: %s", error->message);
      return;
    }

  for (guint i = 0; i < projects->len; i++)
    {
      TandemProject *project = g_ptr_array_index (projects, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = describe_project (project);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_project_get_name (project));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "project-id",
                              g_memdup2 (&(gint64) { tandem_record_get_id (TANDEM_RECORD (project)) }, sizeof (gint64)),
                              g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_project_row_activated_cb), self, 0);
      g_ptr_array_add (self->project_rows, row);
      adw_preferences_group_add (self->projects_group, row);
    }
  self->n_projects = projects->len;

  if (projects->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No projects or sales yet"));
      gtk_widget_add_css_class (row, "dim-label");
      g_ptr_array_add (self->project_rows, row);
      adw_preferences_group_add (self->projects_group, row);
    }
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TandemCompanyCard *self = TANDEM_COMPANY_CARD (widget);
  TandemStore *store = tandem_card_get_store (TANDEM_CARD (self));
  gint64 id = tandem_card_get_id (TANDEM_CARD (self));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  TandemSaleDialog *dialog;

  if (id == 0)
    return;
  if (g_str_equal (action_name, "card.new-sale"))
    dialog = tandem_sale_dialog_new_sale (parent, store, id);
  else
    dialog = tandem_sale_dialog_new_project (parent, store, id);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_person_clicked_cb (TandemCompanyCard *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.new-person-at", "x",
                              tandem_card_get_id (TANDEM_CARD (self)));
}

static void
on_fields_changed_cb (TandemCompanyCard *self)
{
  tandem_card_set_modified (TANDEM_CARD (self));
}

static TandemRecord *
tandem_company_card_fetch (TandemCard  *card,
                           gint64       id,
                           GError     **error)
{
  return TANDEM_RECORD (tandem_store_get_company (tandem_card_get_store (card), id, error));
}

static gint64
tandem_company_card_save (TandemCard    *card,
                          TandemRecord  *record,
                          GError       **error)
{
  return tandem_store_save_company (tandem_card_get_store (card), TANDEM_COMPANY (record), error);
}

static void
tandem_company_card_sync (TandemCard *card)
{
  TandemCompanyCard *self = TANDEM_COMPANY_CARD (card);
  TandemRecord *record = tandem_card_get_record (card);
  gint64 id = tandem_card_get_id (card);

  check_business_id (self);
  sync_roles (self);
  tandem_fields_group_set_record (self->classification_group, record);
  tandem_fields_group_set_record (self->additional_group, record);

  if (id != self->shown_id)
    {
      self->shown_id = id;
      reload_people (self);
      reload_projects (self);
      tandem_contact_groups_group_set_contact (self->contact_groups_group, tandem_card_get_store (card),
                                               TANDEM_KIND_COMPANY, id);
      tandem_activities_group_set_parent (self->activities_group, tandem_card_get_store (card), TANDEM_KIND_COMPANY, id);
      tandem_notes_group_set_parent (self->notes_group, tandem_card_get_store (card), TANDEM_KIND_COMPANY, id);
      tandem_documents_group_set_parent (self->documents_group, tandem_card_get_store (card),
                                         TANDEM_KIND_COMPANY, id);
    }
}

static void
tandem_company_card_store_changed (TandemCard *card,
                                   TandemKind  kind,
                                   gint64      id)
{
  TandemCompanyCard *self = TANDEM_COMPANY_CARD (card);

  if (kind == TANDEM_KIND_NONE)
    {
      rebuild_roles (self);
      tandem_fields_group_reload (self->classification_group);
      tandem_fields_group_reload (self->additional_group);
    }
  if (kind == TANDEM_KIND_PERSON || kind == TANDEM_KIND_NONE)
    reload_people (self);
  if (kind == TANDEM_KIND_PROJECT || kind == TANDEM_KIND_NONE)
    reload_projects (self);
}

static void
tandem_company_card_constructed (GObject *object)
{
  TandemCompanyCard *self = TANDEM_COMPANY_CARD (object);
  TandemCard *card = TANDEM_CARD (object);
  TandemStore *store = tandem_card_get_store (card);
  const struct { AdwEntryRow *row; const char *property; } entries[] = {
    { self->name_row, "name" },
    { self->phone_row, "phone" },
    { self->fax_row, "fax" },
    { self->email_row, "email" },
    { self->website_row, "website" },
    { self->business_id_row, "business-id" },
    { self->vat_row, "vat-number" },
    { self->visit_street_row, "visit-street" },
    { self->visit_postcode_row, "visit-postcode" },
    { self->visit_city_row, "visit-city" },
    { self->visit_country_row, "visit-country" },
    { self->postal_street_row, "postal-street" },
    { self->postal_postcode_row, "postal-postcode" },
    { self->postal_city_row, "postal-city" },
    { self->postal_country_row, "postal-country" },
    { self->billing_street_row, "billing-street" },
    { self->billing_postcode_row, "billing-postcode" },
    { self->billing_city_row, "billing-city" },
    { self->billing_country_row, "billing-country" },
  };

  G_OBJECT_CLASS (tandem_company_card_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    tandem_card_bind_entry (card, entries[i].row, entries[i].property);
  g_signal_connect_object (self->business_id_row, "changed", G_CALLBACK (check_business_id),
                           self, G_CONNECT_SWAPPED);

  tandem_fields_group_setup (self->classification_group, store, TANDEM_KIND_COMPANY, TANDEM_FIELD_CLASSIFICATION);
  tandem_fields_group_setup (self->additional_group, store, TANDEM_KIND_COMPANY, TANDEM_FIELD_ADDITIONAL);
  g_signal_connect_object (self->classification_group, "changed", G_CALLBACK (on_fields_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->additional_group, "changed", G_CALLBACK (on_fields_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rebuild_roles (self);
  tandem_contact_groups_group_set_contact (self->contact_groups_group, store, TANDEM_KIND_COMPANY, 0);
}

static void
tandem_company_card_dispose (GObject *object)
{
  TandemCompanyCard *self = TANDEM_COMPANY_CARD (object);

  g_clear_pointer (&self->role_rows, g_ptr_array_unref);
  g_clear_pointer (&self->people_rows, g_ptr_array_unref);
  g_clear_pointer (&self->project_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_COMPANY_CARD);

  G_OBJECT_CLASS (tandem_company_card_parent_class)->dispose (object);
}

static void
tandem_company_card_class_init (TandemCompanyCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TandemCardClass *card_class = TANDEM_CARD_CLASS (klass);

  object_class->constructed = tandem_company_card_constructed;
  object_class->dispose = tandem_company_card_dispose;

  card_class->kind = TANDEM_KIND_COMPANY;
  card_class->fetch = tandem_company_card_fetch;
  card_class->save = tandem_company_card_save;
  card_class->sync = tandem_company_card_sync;
  card_class->store_changed = tandem_company_card_store_changed;

  g_type_ensure (TANDEM_TYPE_FIELDS_GROUP);
  g_type_ensure (TANDEM_TYPE_CONTACT_GROUPS_GROUP);
  g_type_ensure (TANDEM_TYPE_ACTIVITIES_GROUP);
  g_type_ensure (TANDEM_TYPE_NOTES_GROUP);
  g_type_ensure (TANDEM_TYPE_DOCUMENTS_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/tandem-company-card.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemCompanyCard, name)
  CHILD (name_row);
  CHILD (phone_row);
  CHILD (fax_row);
  CHILD (email_row);
  CHILD (website_row);
  CHILD (business_id_row);
  CHILD (vat_row);
  CHILD (business_id_error);
  CHILD (visit_street_row);
  CHILD (visit_postcode_row);
  CHILD (visit_city_row);
  CHILD (visit_country_row);
  CHILD (postal_street_row);
  CHILD (postal_postcode_row);
  CHILD (postal_city_row);
  CHILD (postal_country_row);
  CHILD (billing_street_row);
  CHILD (billing_postcode_row);
  CHILD (billing_city_row);
  CHILD (billing_country_row);
  CHILD (roles_group);
  CHILD (contact_groups_group);
  CHILD (classification_group);
  CHILD (additional_group);
  CHILD (people_group);
  CHILD (projects_group);
  CHILD (activities_group);
  CHILD (notes_group);
  CHILD (documents_group);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_add_person_clicked_cb);
  gtk_widget_class_install_action (widget_class, "card.new-sale", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "card.new-project", NULL, new_project_action);
}

static void
tandem_company_card_init (TandemCompanyCard *self)
{
  self->role_rows = g_ptr_array_new ();
  self->people_rows = g_ptr_array_new ();
  self->project_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Files dropped anywhere on the card become its documents (G1). */
  tandem_documents_group_accept_drops_on (self->documents_group, GTK_WIDGET (self));
}

GtkWidget *
tandem_company_card_new (TandemStore *store)
{
  return g_object_new (TANDEM_TYPE_COMPANY_CARD, "store", store, NULL);
}

AdwEntryRow *
tandem_company_card_get_business_id_row (TandemCompanyCard *self)
{
  g_return_val_if_fail (TANDEM_IS_COMPANY_CARD (self), NULL);
  return self->business_id_row;
}

GtkLabel *
tandem_company_card_get_business_id_error (TandemCompanyCard *self)
{
  g_return_val_if_fail (TANDEM_IS_COMPANY_CARD (self), NULL);
  return self->business_id_error;
}

TandemContactGroupsGroup *
tandem_company_card_get_contact_groups_group (TandemCompanyCard *self)
{
  g_return_val_if_fail (TANDEM_IS_COMPANY_CARD (self), NULL);
  return self->contact_groups_group;
}

TandemActivitiesGroup *
tandem_company_card_get_activities_group (TandemCompanyCard *self)
{
  g_return_val_if_fail (TANDEM_IS_COMPANY_CARD (self), NULL);
  return self->activities_group;
}

TandemNotesGroup *
tandem_company_card_get_notes_group (TandemCompanyCard *self)
{
  g_return_val_if_fail (TANDEM_IS_COMPANY_CARD (self), NULL);
  return self->notes_group;
}

TandemDocumentsGroup *
tandem_company_card_get_documents_group (TandemCompanyCard *self)
{
  g_return_val_if_fail (TANDEM_IS_COMPANY_CARD (self), NULL);
  return self->documents_group;
}

guint
tandem_company_card_get_n_people (TandemCompanyCard *self)
{
  g_return_val_if_fail (TANDEM_IS_COMPANY_CARD (self), 0);
  return self->n_people;
}

guint
tandem_company_card_get_n_projects (TandemCompanyCard *self)
{
  g_return_val_if_fail (TANDEM_IS_COMPANY_CARD (self), 0);
  return self->n_projects;
}
