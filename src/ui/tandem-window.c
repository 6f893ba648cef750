/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemWindow"

#include "config.h"

#include "tandem-ui-resources.h"

#include <glib/gi18n.h>

#include "tandem-company-card.h"
#include "tandem-label-dialog.h"
#include "tandem-note-editor.h"
#include "tandem-person-card.h"
#include "tandem-window-private.h"

/* What to do once the user has answered about unsaved changes. */
typedef struct
{
  TandemKind kind;     /* TANDEM_KIND_NONE: close the window */
  gint64     id;
  gint64     note_id;
} PendingOpen;

G_DEFINE_FINAL_TYPE (TandemWindow, tandem_window, ADW_TYPE_APPLICATION_WINDOW)

static void really_open_record (TandemWindow *self,
                                TandemKind    kind,
                                gint64        id,
                                gint64        note_id);

static void
show_error_toast (TandemWindow *self,
                  const char   *message)
{
  /* Toast titles are markup; messages can quote what the user typed. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static const char *
join_parts (GString    *out,
            const char *a,
            const char *b)
{
  g_string_truncate (out, 0);
  if (a && *a)
    g_string_append (out, a);
  if (b && *b)
    g_string_append_printf (out, out->len ? " · %s" : "%s", b);
  return out->str;
}

static void
setup_record_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     TandemWindow             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_record_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    TandemWindow             *self)
{
  TandemRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autoptr(GString) text = g_string_new (NULL);

  if (record == NULL)
    return;

  gtk_label_set_text (GTK_LABEL (title), tandem_record_get_title (record));
  if (TANDEM_IS_COMPANY (record))
    join_parts (text, tandem_company_get_text (TANDEM_COMPANY (record), "visit-city"),
                tandem_company_get_text (TANDEM_COMPANY (record), "phone"));
  else if (TANDEM_IS_PERSON (record))
    join_parts (text, tandem_person_get_text (TANDEM_PERSON (record), "job-title"),
                tandem_person_get_company_name (TANDEM_PERSON (record)));
  gtk_label_set_text (GTK_LABEL (subtitle), text->str);
  gtk_widget_set_visible (subtitle, text->len > 0);
}

static TandemRecordList *
current_register (TandemWindow *self)
{
  return self->register_kind == TANDEM_KIND_PERSON ? self->people : self->companies;
}

static void
update_list_page (TandemWindow *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (current_register (self))) == 0;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (gtk_search_bar_get_search_mode (self->search_bar) && *search != '\0')
    return;
  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "register");
}

/* Shows the record on the card as selected in the list, without opening
 * anything. */
static void
select_current (TandemWindow *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->card && tandem_card_get_kind (self->card) == self->register_kind)
    position = tandem_record_list_find (current_register (self), tandem_card_get_id (self->card));

  self->selecting++;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting--;
}

static void
on_register_items_changed_cb (TandemWindow *self)
{
  update_list_page (self);
  select_current (self);
}

static void
update_card_actions (TandemWindow *self)
{
  gboolean shown = self->card != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 shown && tandem_card_get_modified (self->card));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-record", shown);
  adw_window_title_set_title (self->card_title, shown ? tandem_card_get_title (self->card) : "");
  /* With no card open there is nothing to save or delete. */
  gtk_widget_set_visible (self->save_button, shown);
  gtk_widget_set_visible (self->card_menu_button, shown);
}

static void
on_card_notify_cb (TandemWindow *self,
                   GParamSpec   *pspec,
                   TandemCard   *card)
{
  if (card == self->card)
    update_card_actions (self);
}

static void
update_register_texts (TandemWindow *self)
{
  gboolean companies = self->register_kind != TANDEM_KIND_PERSON;
  const char *new_label = companies ? _("New Company") : _("New Person");

  adw_window_title_set_title (self->list_title, companies ? _("Companies") : _("People"));
  gtk_widget_set_tooltip_text (self->add_button, new_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL, new_label, -1);
  adw_status_page_set_icon_name (self->empty_page, companies ? "network-workgroup-symbolic" : "avatar-default-symbolic");
  adw_status_page_set_title (self->empty_page, companies ? _("No Companies Yet") : _("No People Yet"));
  adw_status_page_set_description (self->empty_page, companies
                                   ? _("Only the name is needed to start a company card")
                                   : _("Only the name is needed to start a person card"));
  gtk_button_set_label (self->empty_button, companies ? _("_New Company") : _("_New Person"));
  adw_status_page_set_title (self->no_card_page, companies ? _("No Company Selected") : _("No Person Selected"));
  adw_status_page_set_description (self->no_card_page, companies
                                   ? _("Choose a company from the list or create a new one")
                                   : _("Choose a person from the list or create a new one"));
}

/* Unsaved changes ---------------------------------------------------------- */

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        TandemWindow     *self)
{
  PendingOpen *pending = g_object_get_data (G_OBJECT (dialog), "pending");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "save") && self->card && !tandem_card_save (self->card, &error))
    {
      show_error_toast (self, error->message);
      select_current (self);
      return;
    }
  if (!g_str_equal (response, "save") && !g_str_equal (response, "discard"))
    {
      select_current (self);
      return;
    }

  if (pending->kind == TANDEM_KIND_NONE)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  really_open_record (self, pending->kind, pending->id, pending->note_id);
}

static void
ask_about_unsaved (TandemWindow *self,
                   TandemKind    kind,
                   gint64        id,
                   gint64        note_id)
{
  PendingOpen *pending = g_new0 (PendingOpen, 1);
  AdwMessageDialog *dialog;

  pending->kind = kind;
  pending->id = id;
  pending->note_id = note_id;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog, _("“%s” has unsaved changes. Changes that are not saved are lost."),
                                  tandem_card_get_title (self->card));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pending", pending, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Cards -------------------------------------------------------------------- */

static void
on_note_deleted_cb (TandemNoteEditor *editor,
                    gint64            id,
                    TandemWindow     *self)
{
  AdwToast *toast = adw_toast_new (_("Note deleted"));

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ix)", (int) TANDEM_KIND_NOTE, id));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
present_note_editor (TandemWindow *self,
                     TandemNote   *note)
{
  TandemNoteEditor *editor = tandem_note_editor_new (GTK_WINDOW (self), self->store, note);

  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_note_deleted_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_note (TandemWindow *self,
           gint64        note_id)
{
  g_autoptr(TandemNote) note = NULL;
  g_autoptr(GError) error = NULL;

  note = tandem_store_get_note (self->store, note_id, &error);
  if (note == NULL)
    {
      show_error_toast (self, error->message);
      return;
    }
  present_note_editor (self, note);
}

/* Shows the registers (list and card) in place of an activity page. */
static void
show_records_page (TandemWindow *self)
{
  GtkListBoxRow *row = self->register_kind == TANDEM_KIND_PERSON ? self->people_row : self->companies_row;

  self->selecting++;
  if (gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
  self->selecting--;
  gtk_stack_set_visible_child_name (self->content_stack, "records");
  adw_leaflet_set_visible_child (self->outer_leaflet, GTK_WIDGET (self->content_stack));
}

static void
really_open_record (TandemWindow *self,
                    TandemKind    kind,
                    gint64        id,
                    gint64        note_id)
{
  TandemCard *card = kind == TANDEM_KIND_PERSON ? self->person_card : self->company_card;
  g_autoptr(GError) error = NULL;

  if (!tandem_card_load (card, id, &error))
    {
      show_error_toast (self, error->message);
      select_current (self);
      return;
    }

  if (self->card && self->card != card)
    tandem_card_clear (self->card);
  self->card = card;
  gtk_stack_set_visible_child (self->card_stack, GTK_WIDGET (card));
  update_card_actions (self);
  select_current (self);
  adw_leaflet_set_visible_child (self->inner_leaflet, self->card_pane);
  show_records_page (self);

  if (note_id != 0)
    edit_note (self, note_id);
}

static void
close_card (TandemWindow *self)
{
  if (self->card)
    tandem_card_clear (self->card);
  self->card = NULL;
  gtk_stack_set_visible_child_name (self->card_stack, "none");
  update_card_actions (self);
  select_current (self);
  adw_leaflet_set_visible_child (self->inner_leaflet, self->list_pane);
}

static void
on_selection_changed_cb (TandemWindow *self)
{
  TandemRecord *record;

  if (self->selecting)
    return;
  record = gtk_single_selection_get_selected_item (self->selection);
  if (record == NULL)
    return;
  tandem_window_open_record (self, tandem_record_get_kind (record), tandem_record_get_id (record), 0);
}

/* Quick add (SPEC B1, C1) -------------------------------------------------- */

static void quick_add (TandemWindow *self,
                       TandemKind    kind,
                       gint64        company_id,
                       const char   *name,
                       const char   *message);

static void
on_quick_add_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", *name != '\0');
}

static void
on_quick_add_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          TandemWindow     *self)
{
  TandemKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "kind"));
  gint64 company_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "company-id");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!g_str_equal (response, "create") || *name == '\0')
    return;

  if (kind == TANDEM_KIND_PERSON)
    {
      g_autoptr(TandemPerson) person = tandem_person_new (name);

      tandem_person_set_company_id (person, company_id);
      id = tandem_store_save_person (self->store, person, &error);
    }
  else
    {
      g_autoptr(TandemCompany) company = tandem_company_new (name);

      id = tandem_store_save_company (self->store, company, &error);
    }

  if (id == 0)
    {
      /* The dialog is closing: ask again with the name kept and the
       * reason shown, so nothing typed is lost. */
      quick_add (self, kind, company_id, name, error->message);
      return;
    }

  /* From a company card the new person opens where the user is. */
  if (company_id == 0)
    tandem_window_show_register (self, kind);
  tandem_window_open_record (self, kind, id, 0);
}

static void
quick_add (TandemWindow *self,
           TandemKind    kind,
           gint64        company_id,
           const char   *name,
           const char   *message)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       kind == TANDEM_KIND_PERSON ? _("New Person") : _("New Company"),
                                                       NULL));
  if (message != NULL)
    adw_message_dialog_set_body (dialog, message);
  else if (company_id != 0 && self->card)
    adw_message_dialog_format_body (dialog, _("The person is added to “%s”."), tandem_card_get_title (self->card));
  else
    adw_message_dialog_set_body (dialog, _("Only the name is needed; the rest can be filled in on the card."));

  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "create", FALSE);

  g_object_set_data (G_OBJECT (dialog), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (dialog), "company-id", g_memdup2 (&company_id, sizeof company_id), g_free);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_quick_add_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_quick_add_response_cb), self, 0);

  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), name);

  g_set_weak_pointer (&self->quick_add_dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Actions ------------------------------------------------------------------ */

static void
new_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  quick_add (self, self->register_kind, 0, NULL, NULL);
}

static void
new_person_at_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  quick_add (TANDEM_WINDOW (widget), TANDEM_KIND_PERSON, g_variant_get_int64 (parameter), NULL, NULL);
}

static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  int kind;
  gint64 id;

  g_variant_get (parameter, "(ix)", &kind, &id);
  tandem_window_open_record (TANDEM_WINDOW (widget), kind, id, 0);
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autoptr(TandemNote) note = NULL;
  int kind;
  gint64 id;

  g_variant_get (parameter, "(ix)", &kind, &id);
  note = tandem_note_new (kind, id, "");
  present_note_editor (self, note);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  edit_note (TANDEM_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->card == NULL || !tandem_card_get_modified (self->card))
    return;
  if (!tandem_card_save (self->card, &error))
    show_error_toast (self, error->message);
}

static void
delete_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  TandemKind kind;
  AdwToast *toast;
  gint64 id;

  if (self->card == NULL)
    return;

  kind = tandem_card_get_kind (self->card);
  id = tandem_card_get_id (self->card);
  name = g_markup_escape_text (tandem_card_get_title (self->card), -1);
  title = g_strdup_printf (_("“%s” deleted"), name);

  if (!tandem_store_delete (self->store, kind, id, &error))
    {
      show_error_toast (self, error->message);
      return;
    }
  close_card (self);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ix)", (int) kind, id));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  int kind;
  gint64 id;

  g_variant_get (parameter, "(ix)", &kind, &id);
  if (!tandem_store_restore (self->store, kind, id, &error))
    {
      show_error_toast (self, error->message);
      return;
    }
  if (kind == TANDEM_KIND_ACTIVITY)
    tandem_window_open_activity (self, id, 0);
  else if (kind != TANDEM_KIND_NOTE && self->card == NULL)
    tandem_window_open_record (self, kind, id, 0);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  show_records_page (self);
  adw_leaflet_set_visible_child (self->inner_leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_register_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  const char *page = g_variant_get_string (parameter, NULL);

  tandem_window_show_register (TANDEM_WINDOW (widget),
                               g_str_equal (page, "people") ? TANDEM_KIND_PERSON : TANDEM_KIND_COMPANY);
}

/* Labels for a campaign's target list (SPEC I4): the parameter is the
 * campaign's id. */
static void
print_labels_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  dialog = tandem_label_dialog_new_for_campaign (GTK_WINDOW (self), self->store, g_variant_get_int64 (parameter),
                                                 &error);
  if (dialog == NULL)
    {
      g_autofree char *title = g_markup_escape_text (error->message, -1);

      tandem_window_add_toast (self, adw_toast_new (title));
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks ------------------------------------------------------------------ */

static void
on_sidebar_row_selected_cb (TandemWindow  *self,
                            GtkListBoxRow *row)
{
  const char *page;

  if (row == NULL || self->store == NULL || self->selecting > 0)
    return;
  page = tandem_window_page_of_row (self, row);
  if (page != NULL)
    tandem_window_show_page (self, page);
  else
    tandem_window_show_register (self, row == self->people_row ? TANDEM_KIND_PERSON : TANDEM_KIND_COMPANY);
}

static void
on_sidebar_row_activated_cb (TandemWindow  *self,
                             GtkListBoxRow *row)
{
  adw_leaflet_set_visible_child (self->outer_leaflet, GTK_WIDGET (self->content_stack));
}

static void
on_list_back_clicked_cb (TandemWindow *self)
{
  adw_leaflet_set_visible_child (self->outer_leaflet, self->sidebar_pane);
}

static void
on_card_back_clicked_cb (TandemWindow *self)
{
  adw_leaflet_set_visible_child (self->inner_leaflet, self->list_pane);
}

static void
save_window_state (TandemWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
tandem_window_close_request (GtkWindow *window)
{
  TandemWindow *self = TANDEM_WINDOW (window);

  if (!self->close_confirmed && self->card && tandem_card_get_modified (self->card))
    {
      ask_about_unsaved (self, TANDEM_KIND_NONE, 0, 0);
      return TRUE;
    }
  save_window_state (self);
  return GTK_WINDOW_CLASS (tandem_window_parent_class)->close_request (window);
}

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from the build folder without the schema, the window simply does
   * not remember its size. */
  if (source)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static void
tandem_window_dispose (GObject *object)
{
  TandemWindow *self = TANDEM_WINDOW (object);

  g_clear_weak_pointer (&self->quick_add_dialog);
  if (self->company_card)
    g_signal_handlers_disconnect_by_data (self->company_card, self);
  if (self->person_card)
    g_signal_handlers_disconnect_by_data (self->person_card, self);
  self->card = self->company_card = self->person_card = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->companies);
  g_clear_object (&self->people);
  g_clear_object (&self->results);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_window_parent_class)->dispose (object);
}

static void
tandem_window_class_init (TandemWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tandem_window_dispose;
  /* Links the templates in, also from the static library. */
  (void) tandem_ui_get_resource ();
  window_class->close_request = tandem_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/tandem-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemWindow, name)
  CHILD (toast_overlay);
  CHILD (outer_leaflet);
  CHILD (inner_leaflet);
  CHILD (sidebar_pane);
  CHILD (list_pane);
  CHILD (card_pane);
  CHILD (sidebar_list);
  CHILD (sidebar_header);
  CHILD (start_row);
  CHILD (day_plan_row);
  CHILD (calendar_row);
  CHILD (to_complete_row);
  CHILD (seller_row);
  CHILD (content_stack);
  CHILD (companies_row);
  CHILD (people_row);
  CHILD (groups_row);
  CHILD (campaigns_row);
  CHILD (pipeline_row);
  CHILD (projects_row);
  CHILD (documents_row);
  CHILD (reports_row);
  CHILD (list_title);
  CHILD (add_button);
  CHILD (search_bar);
  CHILD (search_entry);
  CHILD (list_stack);
  CHILD (register_view);
  CHILD (empty_page);
  CHILD (empty_button);
  CHILD (results_view);
  CHILD (card_title);
  CHILD (save_button);
  CHILD (card_menu_button);
  CHILD (card_stack);
  CHILD (no_card_page);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_card_back_clicked_cb);
  tandem_window_search_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "win.new-record", NULL, new_record_action);
  gtk_widget_class_install_action (widget_class, "win.new-person-at", "x", new_person_at_action);
  gtk_widget_class_install_action (widget_class, "win.open-record", "(ix)", open_record_action);
  gtk_widget_class_install_action (widget_class, "win.add-note", "(ix)", add_note_action);
  gtk_widget_class_install_action (widget_class, "win.edit-note", "x", edit_note_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.delete-record", NULL, delete_record_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "(ix)", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-register", "s", show_register_action);
  gtk_widget_class_install_action (widget_class, "win.print-labels", "x", print_labels_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  tandem_window_pages_class_init (widget_class);
}

static void
tandem_window_init (TandemWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A narrow window opens on the page, as wide ones show it too. */
  adw_leaflet_set_visible_child (self->outer_leaflet, GTK_WIDGET (self->content_stack));
}

TandemWindow *
tandem_window_new (GtkApplication *application,
                   TandemStore    *store)
{
  TandemWindow *self;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autofree char *page = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (store);
  self->settings = lookup_settings ();

  if (self->settings)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      page = g_settings_get_string (self->settings, "sidebar-page");
    }

  self->companies = tandem_record_list_new (store, TANDEM_KIND_COMPANY);
  self->people = tandem_record_list_new (store, TANDEM_KIND_PERSON);
  self->register_kind = TANDEM_KIND_COMPANY;
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->companies)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->companies, "items-changed", G_CALLBACK (on_register_items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->people, "items-changed", G_CALLBACK (on_register_items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_record_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_record_row_cb), self, 0);
  gtk_list_view_set_factory (self->register_view, factory);
  gtk_list_view_set_model (self->register_view, GTK_SELECTION_MODEL (self->selection));

  self->company_card = TANDEM_CARD (tandem_company_card_new (store));
  self->person_card = TANDEM_CARD (tandem_person_card_new (store));
  gtk_stack_add_named (self->card_stack, GTK_WIDGET (self->company_card), "company");
  gtk_stack_add_named (self->card_stack, GTK_WIDGET (self->person_card), "person");
  for (guint i = 0; i < 2; i++)
    {
      TandemCard *card = i == 0 ? self->company_card : self->person_card;

      g_signal_connect_object (card, "notify::title", G_CALLBACK (on_card_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (card, "notify::modified", G_CALLBACK (on_card_notify_cb), self, G_CONNECT_SWAPPED);
    }

  tandem_window_search_init (self);
  tandem_window_pages_init (self);

  tandem_window_show_register (self, g_strcmp0 (page, "people") == 0 ? TANDEM_KIND_PERSON : TANDEM_KIND_COMPANY);
  update_register_texts (self);
  update_list_page (self);
  update_card_actions (self);

  /* After sign-in the user starts from their own open activities (D17). */
  tandem_window_show_page (self, "start");
  return self;
}

void
tandem_window_open_record (TandemWindow *self,
                           TandemKind    kind,
                           gint64        id,
                           gint64        note_id)
{
  g_return_if_fail (TANDEM_IS_WINDOW (self));
  g_return_if_fail (kind == TANDEM_KIND_COMPANY || kind == TANDEM_KIND_PERSON);

  if (self->card && tandem_card_get_modified (self->card) &&
      !(tandem_card_get_kind (self->card) == kind && tandem_card_get_id (self->card) == id))
    {
      ask_about_unsaved (self, kind, id, note_id);
      return;
    }
  if (self->card && tandem_card_get_kind (self->card) == kind && tandem_card_get_id (self->card) == id)
    {
      /* Already open: keep what the user typed. */
      adw_leaflet_set_visible_child (self->inner_leaflet, self->card_pane);
      select_current (self);
      if (note_id != 0)
        edit_note (self, note_id);
      return;
    }
  really_open_record (self, kind, id, note_id);
}

void
tandem_window_show_register (TandemWindow *self,
                             TandemKind    kind)
{
  GtkListBoxRow *row;

  g_return_if_fail (TANDEM_IS_WINDOW (self));

  row = kind == TANDEM_KIND_PERSON ? self->people_row : self->companies_row;
  self->selecting++;
  if (gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
  self->selecting--;
  gtk_stack_set_visible_child_name (self->content_stack, "records");

  if (kind == self->register_kind && gtk_single_selection_get_model (self->selection) == G_LIST_MODEL (current_register (self)))
    return;

  self->register_kind = kind;
  self->selecting++;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (current_register (self)));
  self->selecting--;
  if (self->settings)
    g_settings_set_string (self->settings, "sidebar-page", kind == TANDEM_KIND_PERSON ? "people" : "companies");

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  update_register_texts (self);
  update_list_page (self);
  select_current (self);
}

void
tandem_window_add_toast (TandemWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (TANDEM_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GListModel *
tandem_window_get_register_model (TandemWindow *self)
{
  return G_LIST_MODEL (current_register (self));
}

GListModel *
tandem_window_get_search_results (TandemWindow *self)
{
  return G_LIST_MODEL (self->results);
}

GtkWidget *
tandem_window_get_results_view (TandemWindow *self)
{
  return GTK_WIDGET (self->results_view);
}

GtkEditable *
tandem_window_get_search_entry (TandemWindow *self)
{
  return GTK_EDITABLE (self->search_entry);
}

TandemCard *
tandem_window_get_card (TandemWindow *self)
{
  return self->card;
}

AdwMessageDialog *
tandem_window_get_quick_add_dialog (TandemWindow *self)
{
  return self->quick_add_dialog ? ADW_MESSAGE_DIALOG (self->quick_add_dialog) : NULL;
}

GtkEditable *
tandem_window_get_quick_add_entry (TandemWindow *self)
{
  return self->quick_add_dialog
         ? GTK_EDITABLE (g_object_get_data (G_OBJECT (self->quick_add_dialog), "entry"))
         : NULL;
}
