/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPersonCard"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activities-group.h"
#include "tandem-contact-groups-group.h"
#include "tandem-fields-group.h"
#include "tandem-documents-group.h"
#include "tandem-notes-group.h"
#include "tandem-person-card-private.h"

#define N_COMPANY_CHOICES 50

struct _TandemPersonCard
{
  TandemCard parent_instance;

  AdwEntryRow       *name_row;
  AdwEntryRow       *job_title_row;
  AdwActionRow      *company_row;
  GtkMenuButton     *company_button;
  GtkPopover        *company_popover;
  GtkSearchEntry    *company_search;
  GtkListBox        *company_choices;
  AdwEntryRow       *email_row;
  AdwEntryRow       *phone_row;
  AdwEntryRow       *mobile_row;
  AdwEntryRow       *street_row;
  AdwEntryRow       *postcode_row;
  AdwEntryRow       *city_row;
  AdwEntryRow       *country_row;
  TandemContactGroupsGroup *contact_groups_group;
  TandemFieldsGroup *classification_group;
  TandemFieldsGroup *additional_group;
  TandemActivitiesGroup *activities_group;
  TandemNotesGroup  *notes_group;
  TandemDocumentsGroup *documents_group;

  gint64             shown_id;
};

G_DEFINE_FINAL_TYPE (TandemPersonCard, tandem_person_card, TANDEM_TYPE_CARD)

static void
add_choice (TandemPersonCard *self,
            gint64            id,
            const char       *name)
{
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  if (id == 0)
    gtk_widget_add_css_class (label, "dim-label");
  g_object_set_data_full (G_OBJECT (row), "company-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data_full (G_OBJECT (row), "company-name", g_strdup (id ? name : NULL), g_free);
  gtk_list_box_append (self->company_choices, row);
}

static void
fill_choices (TandemPersonCard *self)
{
  TandemStore *store = tandem_card_get_store (TANDEM_CARD (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->company_search));
  g_autoptr(GPtrArray) found = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->company_choices))))
    gtk_list_box_remove (self->company_choices, child);

  add_choice (self, 0, _("No company"));

  if (*text == '\0')
    {
      found = tandem_store_list_page (store, TANDEM_KIND_COMPANY, NULL, 0, 0, N_COMPANY_CHOICES, NULL);
      for (guint i = 0; found && i < found->len; i++)
        {
          TandemRecord *company = g_ptr_array_index (found, i);

          add_choice (self, tandem_record_get_id (company), tandem_record_get_title (company));
        }
    }
  else
    {
      found = tandem_store_search (store, text, N_COMPANY_CHOICES, NULL);
      for (guint i = 0; found && i < found->len; i++)
        {
          TandemSearchHit *hit = g_ptr_array_index (found, i);

          if (tandem_search_hit_get_kind (hit) == TANDEM_KIND_COMPANY)
            add_choice (self, tandem_search_hit_get_id (hit), tandem_search_hit_get_title (hit));
        }
    }
}

static void
sync_company (TandemPersonCard *self)
{
  TandemPerson *person = TANDEM_PERSON (tandem_card_get_record (TANDEM_CARD (self)));
  gint64 company_id = tandem_person_get_company_id (person);
  const char *name = tandem_person_get_company_name (person);

  adw_action_row_set_subtitle (self->company_row,
                               company_id != 0 && name ? name : _("No company"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->company_row), company_id != 0);
}

static void
on_company_row_activated_cb (TandemPersonCard *self)
{
  TandemPerson *person = TANDEM_PERSON (tandem_card_get_record (TANDEM_CARD (self)));

  if (person && tandem_person_get_company_id (person) != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "(ix)",
                                (int) TANDEM_KIND_COMPANY, tandem_person_get_company_id (person));
}

static void
on_company_popover_show_cb (TandemPersonCard *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->company_search), "");
  fill_choices (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->company_search));
}

static void
on_company_search_changed_cb (TandemPersonCard *self)
{
  fill_choices (self);
}

static void
on_company_choice_activated_cb (TandemPersonCard *self,
                                GtkListBoxRow    *row)
{
  TandemPerson *person = TANDEM_PERSON (tandem_card_get_record (TANDEM_CARD (self)));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "company-id");

  gtk_popover_popdown (self->company_popover);
  if (person == NULL || id == tandem_person_get_company_id (person))
    return;

  tandem_person_set_company_id (person, id);
  g_object_set (person, "company-name", g_object_get_data (G_OBJECT (row), "company-name"), NULL);
  sync_company (self);
  tandem_card_set_modified (TANDEM_CARD (self));
}

static void
on_company_search_activate_cb (TandemPersonCard *self)
{
  /* Enter takes the first company found, not "No company". */
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->company_choices, 1);

  if (row)
    on_company_choice_activated_cb (self, row);
}

static void
on_fields_changed_cb (TandemPersonCard *self)
{
  tandem_card_set_modified (TANDEM_CARD (self));
}

static TandemRecord *
tandem_person_card_fetch (TandemCard  *card,
                          gint64       id,
                          GError     **error)
{
  return TANDEM_RECORD (tandem_store_get_person (tandem_card_get_store (card), id, error));
}

static gint64
tandem_person_card_save (TandemCard    *card,
                         TandemRecord  *record,
                         GError       **error)
{
  return tandem_store_save_person (tandem_card_get_store (card), TANDEM_PERSON (record), error);
}

static void
tandem_person_card_sync (TandemCard *card)
{
  TandemPersonCard *self = TANDEM_PERSON_CARD (card);
  TandemRecord *record = tandem_card_get_record (card);
  gint64 id = tandem_card_get_id (card);

  sync_company (self);
  tandem_fields_group_set_record (self->classification_group, record);
  tandem_fields_group_set_record (self->additional_group, record);

  if (id != self->shown_id)
    {
      self->shown_id = id;
      tandem_contact_groups_group_set_contact (self->contact_groups_group, tandem_card_get_store (card),
                                               TANDEM_KIND_PERSON, id);
      tandem_activities_group_set_parent (self->activities_group, tandem_card_get_store (card), TANDEM_KIND_PERSON, id);
      tandem_notes_group_set_parent (self->notes_group, tandem_card_get_store (card), TANDEM_KIND_PERSON, id);
      tandem_documents_group_set_parent (self->documents_group, tandem_card_get_store (card),
                                         TANDEM_KIND_PERSON, id);
    }
}

static void
tandem_person_card_store_changed (TandemCard *card,
                                  TandemKind  kind,
                                  gint64      id)
{
  TandemPersonCard *self = TANDEM_PERSON_CARD (card);

  if (kind == TANDEM_KIND_NONE)
    {
      tandem_fields_group_reload (self->classification_group);
      tandem_fields_group_reload (self->additional_group);
    }
}

static void
tandem_person_card_constructed (GObject *object)
{
  TandemPersonCard *self = TANDEM_PERSON_CARD (object);
  TandemCard *card = TANDEM_CARD (object);
  TandemStore *store = tandem_card_get_store (card);
  const struct { AdwEntryRow *row; const char *property; } entries[] = {
    { self->name_row, "name" },
    { self->job_title_row, "job-title" },
    { self->email_row, "email" },
    { self->phone_row, "phone" },
    { self->mobile_row, "mobile" },
    { self->street_row, "street" },
    { self->postcode_row, "postcode" },
    { self->city_row, "city" },
    { self->country_row, "country" },
  };

  G_OBJECT_CLASS (tandem_person_card_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    tandem_card_bind_entry (card, entries[i].row, entries[i].property);

  tandem_fields_group_setup (self->classification_group, store, TANDEM_KIND_PERSON, TANDEM_FIELD_CLASSIFICATION);
  tandem_fields_group_setup (self->additional_group, store, TANDEM_KIND_PERSON, TANDEM_FIELD_ADDITIONAL);
  g_signal_connect_object (self->classification_group, "changed", G_CALLBACK (on_fields_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->additional_group, "changed", G_CALLBACK (on_fields_changed_cb),
                           self, G_CONNECT_SWAPPED);
  tandem_contact_groups_group_set_contact (self->contact_groups_group, store, TANDEM_KIND_PERSON, 0);
}

static void
tandem_person_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TANDEM_TYPE_PERSON_CARD);
  G_OBJECT_CLASS (tandem_person_card_parent_class)->dispose (object);
}

static void
tandem_person_card_class_init (TandemPersonCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TandemCardClass *card_class = TANDEM_CARD_CLASS (klass);

  object_class->constructed = tandem_person_card_constructed;
  object_class->dispose = tandem_person_card_dispose;

  card_class->kind = TANDEM_KIND_PERSON;
  card_class->fetch = tandem_person_card_fetch;
  card_class->save = tandem_person_card_save;
  card_class->sync = tandem_person_card_sync;
  card_class->store_changed = tandem_person_card_store_changed;

  g_type_ensure (TANDEM_TYPE_FIELDS_GROUP);
  g_type_ensure (TANDEM_TYPE_CONTACT_GROUPS_GROUP);
  g_type_ensure (TANDEM_TYPE_ACTIVITIES_GROUP);
  g_type_ensure (TANDEM_TYPE_NOTES_GROUP);
  g_type_ensure (TANDEM_TYPE_DOCUMENTS_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/tandem-person-card.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemPersonCard, name)
  CHILD (name_row);
  CHILD (job_title_row);
  CHILD (company_row);
  CHILD (company_button);
  CHILD (company_popover);
  CHILD (company_search);
  CHILD (company_choices);
  CHILD (email_row);
  CHILD (phone_row);
  CHILD (mobile_row);
  CHILD (street_row);
  CHILD (postcode_row);
  CHILD (city_row);
  CHILD (country_row);
  CHILD (contact_groups_group);
  CHILD (classification_group);
  CHILD (additional_group);
  CHILD (activities_group);
  CHILD (notes_group);
  CHILD (documents_group);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_company_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_company_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_company_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_company_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_company_choice_activated_cb);
}

static void
tandem_person_card_init (TandemPersonCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Files dropped anywhere on the card become its documents (G1). */
  tandem_documents_group_accept_drops_on (self->documents_group, GTK_WIDGET (self));
}

GtkWidget *
tandem_person_card_new (TandemStore *store)
{
  return g_object_new (TANDEM_TYPE_PERSON_CARD, "store", store, NULL);
}

TandemContactGroupsGroup *
tandem_person_card_get_contact_groups_group (TandemPersonCard *self)
{
  g_return_val_if_fail (TANDEM_IS_PERSON_CARD (self), NULL);
  return self->contact_groups_group;
}
