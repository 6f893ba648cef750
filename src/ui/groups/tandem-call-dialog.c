/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCallDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-call-dialog-private.h"
#include "tandem-groups-resources.h"

struct _TandemCallDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  GtkWidget      *save_button;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  AdwActionRow   *contact_row;
  GtkImage       *contact_icon;
  AdwEntryRow    *title_row;
  AdwComboRow    *category_row;
  GtkTextView    *notes_view;
  AdwComboRow    *to_row;
  AdwComboRow    *from_row;

  TandemStore    *store;
  TandemContact  *contact;
  GPtrArray      *categories;   /* TandemTerm, the category row's after "None" */
  GArray         *to_ids;       /* gint64, the "Move to" row's after "Don't Move" */
  GArray         *from_ids;     /* gint64, the "From" row's after "None" */
  char           *error;
};

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemCallDialog, tandem_call_dialog, ADW_TYPE_WINDOW)

/* Helpers ------------------------------------------------------------------ */

static gint64
chosen (AdwComboRow *row,
        GArray      *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected - 1 >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected - 1);
}

static void
select_id (AdwComboRow *row,
           GArray      *ids,
           gint64       id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        adw_combo_row_set_selected (row, i + 1);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

static void
show_error (TandemCallDialog *self,
            const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
fill_categories (TandemCallDialog *self,
                 gint64            category_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  self->categories = tandem_store_list_terms (self->store, TANDEM_TERM_CATEGORY, NULL);
  if (self->categories == NULL)
    self->categories = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_string_list_append (names, C_("activity category", "None"));
  for (guint i = 0; i < self->categories->len; i++)
    {
      TandemTerm *term = g_ptr_array_index (self->categories, i);

      gtk_string_list_append (names, tandem_term_get_name (term));
      /* What was chosen for the last call, else the shipped phone call. */
      if (category_id != 0 ? tandem_term_get_id (term) == category_id
                           : g_strcmp0 (tandem_term_get_builtin (term), "Phone call") == 0)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->category_row, selected);
}

static gboolean
is_included (const gint64 *included,
             guint         n_included,
             gint64        id)
{
  for (guint i = 0; i < n_included; i++)
    if (included[i] == id)
      return TRUE;
  return FALSE;
}

static void
fill_groups (TandemCallDialog *self,
             const gint64     *included,
             guint             n_included,
             gint64            to_group)
{
  g_autoptr(GPtrArray) groups = tandem_store_list_contact_groups (self->store, NULL);
  g_autoptr(GtkStringList) to_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) from_names = gtk_string_list_new (NULL);
  gint64 from_group = 0;

  /* Translators: "Move to Group" after a call: leave the contact where it is */
  gtk_string_list_append (to_names, C_("move to group", "Don’t Move"));
  /* Translators: "From Group" after a call: take it out of no group, only add */
  gtk_string_list_append (from_names, C_("move from group", "None, Only Add"));
  for (guint i = 0; groups && i < groups->len; i++)
    {
      TandemContactGroup *group = g_ptr_array_index (groups, i);
      gint64 id = tandem_contact_group_get_id (group);

      g_array_append_val (self->to_ids, id);
      gtk_string_list_append (to_names, tandem_contact_group_get_name (group));
      if (!tandem_contact_is_in_group (self->contact, id))
        continue;
      g_array_append_val (self->from_ids, id);
      gtk_string_list_append (from_names, tandem_contact_group_get_name (group));
      /* The first of the screen's groups the contact is in. */
      if (from_group == 0 && is_included (included, n_included, id))
        from_group = id;
    }
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (to_names));
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (from_names));
  select_id (self->to_row, self->to_ids, to_group);
  select_id (self->from_row, self->from_ids, from_group);
}

static void
show_contact (TandemCallDialog *self)
{
  TandemContact *contact = self->contact;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *parts[] = {
    tandem_contact_get_company_name (contact),
    tandem_contact_get_phone (contact),
    tandem_contact_get_mobile (contact),
  };
  gboolean company = tandem_contact_get_kind (contact) == TANDEM_KIND_COMPANY;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] && *parts[i])
      {
        if (subtitle->len > 0)
          g_string_append (subtitle, " · ");
        g_string_append (subtitle, parts[i]);
      }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->contact_row), tandem_contact_get_name (contact));
  adw_action_row_set_subtitle (self->contact_row, subtitle->str);
  gtk_image_set_from_icon_name (self->contact_icon, company ? "network-workgroup-symbolic"
                                                            : "avatar-default-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->contact_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  company ? _("Company") : _("Person"), -1);
}

static char *
notes_text (TandemCallDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static TandemActivity *
build_activity (TandemCallDialog *self,
                const char       *title)
{
  g_autoptr(TandemActivity) activity = tandem_activity_new (title);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) minute = NULL;
  g_autofree char *notes = notes_text (self);
  guint category = adw_combo_row_get_selected (self->category_row);
  TandemUser *user = tandem_store_get_user (self->store);
  gint64 id = tandem_contact_get_id (self->contact);

  /* The call has just happened: done, now, and it blocks nobody's time. */
  minute = g_date_time_add_seconds (now, -g_date_time_get_seconds (now));
  tandem_activity_set_times (activity, minute, minute);
  tandem_activity_set_busy (activity, FALSE);
  tandem_activity_set_status (activity, TANDEM_STATUS_COMPLETED);
  if (*notes)
    tandem_activity_set_description (activity, notes);

  if (category != GTK_INVALID_LIST_POSITION && category > 0 && category - 1 < self->categories->len)
    {
      TandemTerm *term = g_ptr_array_index (self->categories, category - 1);

      /* The category sets the kind and type (SPEC D3). */
      tandem_activity_set_category_id (activity, tandem_term_get_id (term));
      tandem_activity_set_kind_id (activity, tandem_term_get_kind_id (term));
      tandem_activity_set_type_id (activity, tandem_term_get_type_id (term));
    }

  if (user)
    {
      gint64 me = tandem_user_get_id (user);

      tandem_activity_set_performer_ids (activity, &me, 1);
    }

  if (tandem_contact_get_kind (self->contact) == TANDEM_KIND_COMPANY)
    tandem_activity_set_company_id (activity, id);
  else
    {
      /* A person of a company: the company, with the person as contact. */
      if (tandem_contact_get_company_id (self->contact) != 0)
        tandem_activity_set_company_id (activity, tandem_contact_get_company_id (self->contact));
      tandem_activity_set_person_ids (activity, &id, 1);
    }
  return g_steal_pointer (&activity);
}

static void
save (TandemCallDialog *self)
{
  g_autoptr(TandemActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  TandemContactRef ref = tandem_contact_get_ref (self->contact);
  gint64 to_group = chosen (self->to_row, self->to_ids);
  gint64 from_group = to_group != 0 ? chosen (self->from_row, self->from_ids) : 0;
  gint64 category_id;
  gint64 id;

  if (*title == '\0')
    {
      show_error (self, _("Write a title for the call, for example “Call” or “No answer”."));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return;
    }

  activity = build_activity (self, title);
  category_id = tandem_activity_get_category_id (activity);
  id = tandem_store_record_contact_call (self->store, &ref, activity, from_group, to_group, &error);
  if (id == 0)
    {
      show_error (self, error ? error->message : _("The call could not be saved."));
      return;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[RECORDED], 0, id, category_id, to_group);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_to_selected_cb (TandemCallDialog *self)
{
  /* Without a group to move to, it is taken out of none. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->from_row),
                            chosen (self->to_row, self->to_ids) != 0 && self->from_ids->len > 0);
}

/* Actions ------------------------------------------------------------------ */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (TANDEM_CALL_DIALOG (widget));
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_call_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TANDEM_TYPE_CALL_DIALOG);

  G_OBJECT_CLASS (tandem_call_dialog_parent_class)->dispose (object);
}

static void
tandem_call_dialog_finalize (GObject *object)
{
  TandemCallDialog *self = TANDEM_CALL_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->contact);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->to_ids, g_array_unref);
  g_clear_pointer (&self->from_ids, g_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (tandem_call_dialog_parent_class)->finalize (object);
}

static void
tandem_call_dialog_class_init (TandemCallDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_call_dialog_dispose;
  object_class->finalize = tandem_call_dialog_finalize;

  signals[RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);

  (void) tandem_groups_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/groups/tandem-call-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemCallDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCallDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TandemCallDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemCallDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCallDialog, contact_icon);
  gtk_widget_class_bind_template_child (widget_class, TandemCallDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCallDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCallDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, TandemCallDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCallDialog, from_row);

  gtk_widget_class_install_action (widget_class, "call.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "call.save", NULL);
}

static void
tandem_call_dialog_init (TandemCallDialog *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->to_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->from_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Ctrl+Enter saves from anywhere, the notes too, before the text view
   * takes Enter for a new line. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("call.save")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("call.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outcome and Notes"), -1);
  g_signal_connect_object (self->to_row, "notify::selected", G_CALLBACK (on_to_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API --------------------------------------------------------------- */

TandemCallDialog *
tandem_call_dialog_new (GtkWindow     *parent,
                        TandemStore   *store,
                        TandemContact *contact,
                        const gint64  *included,
                        guint          n_included,
                        gint64         category_id,
                        gint64         to_group)
{
  TandemCallDialog *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (TANDEM_IS_CONTACT (contact), NULL);

  self = g_object_new (TANDEM_TYPE_CALL_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->contact = g_object_ref (contact);

  show_contact (self);
  /* Translators: the title a recorded call starts with */
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), C_("activity title", "Call"));
  fill_categories (self, category_id);
  fill_groups (self, included, n_included, to_group);
  on_to_selected_cb (self);

  /* The title is typed over or kept with Enter. */
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
  return self;
}

GtkEditable *
tandem_call_dialog_get_title_entry (TandemCallDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_CALL_DIALOG (self), NULL);
  return GTK_EDITABLE (self->title_row);
}

GtkTextView *
tandem_call_dialog_get_notes_view (TandemCallDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_CALL_DIALOG (self), NULL);
  return self->notes_view;
}

gint64
tandem_call_dialog_get_category_id (TandemCallDialog *self)
{
  guint selected;

  g_return_val_if_fail (TANDEM_IS_CALL_DIALOG (self), 0);

  selected = adw_combo_row_get_selected (self->category_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected - 1 >= self->categories->len)
    return 0;
  return tandem_term_get_id (g_ptr_array_index (self->categories, selected - 1));
}

gint64
tandem_call_dialog_get_from_group (TandemCallDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_CALL_DIALOG (self), 0);
  return chosen (self->from_row, self->from_ids);
}

gint64
tandem_call_dialog_get_to_group (TandemCallDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_CALL_DIALOG (self), 0);
  return chosen (self->to_row, self->to_ids);
}

void
tandem_call_dialog_set_to_group (TandemCallDialog *self,
                                 gint64            to_group)
{
  g_return_if_fail (TANDEM_IS_CALL_DIALOG (self));
  select_id (self->to_row, self->to_ids, to_group);
}

const char *
tandem_call_dialog_get_error (TandemCallDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_CALL_DIALOG (self), NULL);
  return self->error;
}
