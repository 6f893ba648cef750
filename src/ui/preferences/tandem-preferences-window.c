/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPreferencesWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-backup-page.h"
#include "tandem-category-dialog.h"
#include "tandem-error.h"
#include "tandem-field-dialog.h"
#include "tandem-password-dialog.h"
#include "tandem-preferences-window-private.h"
#include "tandem-user-dialog.h"

typedef struct _NamedList NamedList;

/* Groups and partner roles are both plain lists of names that an
 * administrator adds to, renames and deletes from. */
struct _NamedList
{
  TandemPreferencesWindow *self;
  AdwPreferencesGroup     *group;
  AdwEntryRow             *new_row;
  GtkWidget               *new_group;
  GPtrArray               *rows;

  GPtrArray *(*list)   (TandemStore *store, GError **error);
  gint64     (*add)    (TandemStore *store, const char *name, GError **error);
  gboolean   (*rename) (TandemStore *store, gint64 id, const char *name, GError **error);
  gboolean   (*remove) (TandemStore *store, gint64 id, GError **error);

  const char *rename_heading;
  const char *delete_heading;   /* a format with the name */
  const char *delete_body;
  const char *cannot_delete_heading;
  const char *none_text;
};

typedef struct _TermList TermList;

/* One of the activity lists of SPEC D3 and D9 on the Activities page:
 * categories are edited in a dialog, the others by name only. */
struct _TermList
{
  TandemPreferencesWindow *self;
  TandemTermSet            set;
  AdwPreferencesGroup     *group;
  GtkWidget               *new_group;   /* NULL for categories */
  AdwEntryRow             *new_row;     /* NULL for categories */
  GPtrArray               *rows;
};

struct _TandemPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  TandemStore          *store;
  gboolean              is_admin;
  gboolean              can_set_targets;
  guint                 own_target_change;
  guint                 refresh_id;
  GtkWindow            *dialog;

  NamedList             groups;
  NamedList             roles;
  GPtrArray            *user_rows;
  GPtrArray            *company_field_rows;
  GPtrArray            *person_field_rows;
  TermList              terms[TANDEM_N_TERM_SETS];
  GPtrArray            *target_rows;
  GArray               *seller_ids;
  gboolean              filling_sellers;
  /* The button to give the focus back to once the list it is in has
   * been rebuilt after a move */
  gint64                focus_term_id;
  const char           *focus_key;

  AdwPreferencesPage   *users_page;
  AdwPreferencesGroup  *users_group;
  GtkWidget            *add_user_button;
  AdwPreferencesGroup  *groups_group;
  GtkWidget            *new_group_group;
  AdwEntryRow          *new_group_row;
  AdwPreferencesGroup  *roles_group;
  GtkWidget            *new_role_group;
  AdwEntryRow          *new_role_row;
  AdwPreferencesPage   *contact_groups_page;
  AdwPreferencesPage   *labels_page;
  AdwPreferencesGroup  *company_fields_group;
  AdwPreferencesGroup  *person_fields_group;
  GtkWidget            *add_company_field_button;
  GtkWidget            *add_person_field_button;
  GtkLabel             *account_name_label;
  GtkLabel             *account_login_label;
  GtkLabel             *account_role_label;
  GtkLabel             *account_groups_label;
  GtkWidget            *change_password_row;
  AdwPreferencesPage   *activities_page;
  AdwPreferencesGroup  *categories_group;
  GtkWidget            *add_category_button;
  AdwPreferencesPage   *targets_page;
  AdwComboRow          *seller_row;
  AdwPreferencesGroup  *targets_group;
  AdwPreferencesPage   *sales_page;
};

G_DEFINE_FINAL_TYPE (TandemPreferencesWindow, tandem_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (TandemPreferencesWindow *self);

/* Dialogs */

static void
present_dialog (TandemPreferencesWindow *self,
                GtkWindow               *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (dialog);
}

static void
toast (TandemPreferencesWindow *self,
       const char              *title)
{
  /* Toast titles are markup; names and messages are plain text. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static void
show_message (TandemPreferencesWindow *self,
              const char              *heading,
              const char              *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  present_dialog (self, GTK_WINDOW (dialog));
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names come from users: show them as typed, never as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
add_row_button (GtkWidget  *row,
                const char *icon_name,
                const char *tooltip,
                const char *key)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), key, button);
  return button;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_to_group (AdwPreferencesGroup *group,
              GPtrArray           *rows,
              GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static void
add_empty_row (AdwPreferencesGroup *group,
                 GPtrArray           *rows,
                 const char          *text)
{
  GtkWidget *row = new_row (text, NULL);

  gtk_widget_add_css_class (row, "dim-label");
  add_to_group (group, rows, row);
}

/* Renaming an entry of a list: groups, partner roles, activity terms */

typedef gboolean (*RenameFunc) (TandemStore *store, gint64 id, const char *name, GError **error);

typedef struct
{
  TandemPreferencesWindow *self;
  RenameFunc               rename;
  const char              *heading;
  gint64                   id;
} PendingRename;

static void
on_rename_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PendingRename    *pending);

static void
show_rename_dialog (TandemPreferencesWindow *self,
                    const char              *heading,
                    RenameFunc               rename,
                    gint64                   id,
                    const char              *text,
                    const char              *error_message)
{
  PendingRename *pending = g_new0 (PendingRename, 1);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error_message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  if (error_message != NULL)
    gtk_widget_add_css_class (entry, "error");

  pending->self = self;
  pending->rename = rename;
  pending->heading = heading;
  pending->id = id;
  g_object_set_data (G_OBJECT (dialog), "tandem-entry", entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_rename_response_cb),
                         pending, (GClosureNotify) (void (*) (void)) g_free, 0);

  present_dialog (self, GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_rename_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PendingRename    *pending)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "tandem-entry");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "rename") != 0)
    return;

  text = g_strdup (gtk_editable_get_text (entry));
  if (!pending->rename (pending->self->store, pending->id, text, &error))
    /* Ask again with what was typed, so that nothing is lost. */
    show_rename_dialog (pending->self, pending->heading, pending->rename,
                        pending->id, text, error->message);
}

/* Named lists: groups and partner roles */

static void
on_named_rename_clicked_cb (GtkButton *button,
                            NamedList *list)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "tandem-item-id");

  show_rename_dialog (list->self, list->rename_heading, list->rename, id,
                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), NULL);
}

typedef gboolean (*RemoveFunc) (TandemStore *store, gint64 id, GError **error);

/* What a delete confirmation does once the user agrees. */
typedef struct
{
  TandemPreferencesWindow *self;
  RemoveFunc               remove;
  gint64                   id;
  char                    *name;
  const char              *cannot_heading;
  const char              *done_format;
} PendingDelete;

static void
pending_delete_free (gpointer data)
{
  PendingDelete *pending = data;

  g_free (pending->name);
  g_free (pending);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PendingDelete    *pending)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!pending->remove (pending->self->store, pending->id, &error))
    {
      show_message (pending->self, pending->cannot_heading, error->message);
      return;
    }
  done = g_strdup_printf (pending->done_format, pending->name);
  toast (pending->self, done);
}

/* Asks before deleting @name; @done_format is the toast shown after. */
static void
confirm_delete (TandemPreferencesWindow *self,
                const char              *heading_format,
                const char              *name,
                const char              *body,
                gint64                   id,
                RemoveFunc               remove,
                const char              *cannot_heading,
                const char              *done_format)
{
  g_autofree char *heading = g_strdup_printf (heading_format, name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  PendingDelete *pending = g_new0 (PendingDelete, 1);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  pending->self = self;
  pending->remove = remove;
  pending->id = id;
  pending->name = g_strdup (name);
  pending->cannot_heading = cannot_heading;
  pending->done_format = done_format;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response_cb),
                         pending, (GClosureNotify) (void (*) (void)) pending_delete_free, 0);
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
on_named_delete_clicked_cb (GtkButton *button,
                            NamedList *list)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "tandem-item-id");

  confirm_delete (list->self, list->delete_heading,
                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                  list->delete_body, id, list->remove,
                  list->cannot_delete_heading,
                  /* Translators: %s is the name of a group or partner role that was deleted */
                  _("“%s” deleted"));
}

static void
on_named_new_row_apply_cb (AdwEntryRow *row,
                           NamedList   *list)
{
  g_autoptr(GError) error = NULL;

  if (list->add (list->self->store, gtk_editable_get_text (GTK_EDITABLE (row)), &error) == 0)
    {
      /* Keep what was typed, so that it can be corrected. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      toast (list->self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
on_new_row_changed_cb (AdwEntryRow *row)
{
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
refresh_named (NamedList *list)
{
  TandemPreferencesWindow *self = list->self;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (list->group, list->rows);
  gtk_widget_set_visible (list->new_group, self->is_admin);

  items = list->list (self->store, &error);
  if (items == NULL)
    {
      add_empty_row (list->group, list->rows, error->message);
      return;
    }
  if (items->len == 0)
    add_empty_row (list->group, list->rows, list->none_text);

  for (guint i = 0; i < items->len; i++)
    {
      TandemChoice *item = g_ptr_array_index (items, i);
      gint64 id = tandem_choice_get_id (item);
      GtkWidget *row = new_row (tandem_choice_get_name (item), NULL);

      g_object_set_data_full (G_OBJECT (row), "tandem-item-id", g_memdup2 (&id, sizeof id), g_free);
      if (self->is_admin)
        {
          GtkWidget *button;

          button = add_row_button (row, "document-edit-symbolic", _("Rename"), "tandem-rename-button");
          g_signal_connect (button, "clicked", G_CALLBACK (on_named_rename_clicked_cb), list);
          button = add_row_button (row, "user-trash-symbolic", _("Delete"), "tandem-delete-button");
          g_signal_connect (button, "clicked", G_CALLBACK (on_named_delete_clicked_cb), list);
        }
      add_to_group (list->group, list->rows, row);
    }
}

static void
setup_named (TandemPreferencesWindow *self,
             NamedList               *list,
             AdwPreferencesGroup     *group,
             GtkWidget               *new_group,
             AdwEntryRow             *new_entry_row)
{
  list->self = self;
  list->group = group;
  list->new_group = new_group;
  list->new_row = new_entry_row;
  list->rows = g_ptr_array_new ();
  g_signal_connect (new_entry_row, "apply", G_CALLBACK (on_named_new_row_apply_cb), list);
  g_signal_connect (new_entry_row, "changed", G_CALLBACK (on_new_row_changed_cb), NULL);
}

/* Users */

static void
on_user_row_activated_cb (AdwActionRow            *row,
                          TandemPreferencesWindow *self)
{
  TandemUser *user = g_object_get_data (G_OBJECT (row), "tandem-user");
  TandemUserDialog *dialog = tandem_user_dialog_new (GTK_WINDOW (self), self->store, user);

  present_dialog (self, GTK_WINDOW (dialog));
}

static char *
describe_user (TandemUser *user)
{
  const char * const *groups = tandem_user_get_groups (user);
  const char *role = tandem_role_get_label (tandem_user_get_role (user));

  if (groups != NULL && groups[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (C_("list separator", ", "), (char **) groups);

      /* Translators: login · role · groups, e.g. "anna · Manager · Owners, Sales team" */
      return g_strdup_printf (_("%s · %s · %s"), tandem_user_get_login (user), role, list);
    }
  /* Translators: login · role, e.g. "anna · Administrator" */
  return g_strdup_printf (_("%s · %s"), tandem_user_get_login (user), role);
}

static void
refresh_users (TandemPreferencesWindow *self)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (self->users_group, self->user_rows);
  if (!self->is_admin)
    return;

  users = tandem_store_list_users (self->store, &error);
  if (users == NULL)
    {
      add_empty_row (self->users_group, self->user_rows, error->message);
      return;
    }

  for (guint i = 0; i < users->len; i++)
    {
      TandemUser *user = g_ptr_array_index (users, i);
      g_autofree char *subtitle = describe_user (user);
      GtkWidget *row = new_row (tandem_user_get_name (user), subtitle);

      if (!tandem_user_get_active (user))
        {
          GtkWidget *tag = gtk_label_new (_("Disabled"));

          gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (tag, "caption-heading");
          gtk_widget_add_css_class (tag, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "tandem-user", g_object_ref (user), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (on_user_row_activated_cb), self);
      add_to_group (self->users_group, self->user_rows, row);
    }
}

/* Fields */

static void
on_field_row_activated_cb (AdwActionRow            *row,
                           TandemPreferencesWindow *self)
{
  TandemField *field = g_object_get_data (G_OBJECT (row), "tandem-field");
  TandemFieldDialog *dialog;

  dialog = tandem_field_dialog_new (GTK_WINDOW (self), self->store, field, tandem_field_get_entity (field));
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
on_field_delete_clicked_cb (GtkButton               *button,
                            TandemPreferencesWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  TandemField *field = g_object_get_data (G_OBJECT (row), "tandem-field");

  confirm_delete (self, _("Delete Field “%s”?"), tandem_field_get_name (field),
                  tandem_field_get_entity (field) == TANDEM_KIND_PERSON
                    ? _("The values of this field are deleted from every person too. This cannot be undone.")
                    : _("The values of this field are deleted from every company too. This cannot be undone."),
                  tandem_field_get_id (field), tandem_store_delete_field,
                  _("Cannot Delete Field"),
                  /* Translators: %s is the name of a field that was deleted */
                  _("Field “%s” deleted"));
}

static void
refresh_fields (TandemPreferencesWindow *self,
                TandemKind               entity,
                AdwPreferencesGroup     *group,
                GPtrArray               *rows)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (group, rows);

  fields = tandem_store_list_fields (self->store, entity, &error);
  if (fields == NULL)
    {
      add_empty_row (group, rows, error->message);
      return;
    }
  if (fields->len == 0)
    add_empty_row (group, rows, _("No fields yet"));

  for (guint i = 0; i < fields->len; i++)
    {
      TandemField *field = g_ptr_array_index (fields, i);
      g_autofree char *subtitle = tandem_field_dialog_describe (field);
      GtkWidget *row = new_row (tandem_field_get_name (field), subtitle);

      g_object_set_data_full (G_OBJECT (row), "tandem-field", g_object_ref (field), g_object_unref);
      if (self->is_admin)
        {
          GtkWidget *button;

          button = add_row_button (row, "user-trash-symbolic", _("Delete"), "tandem-delete-button");
          g_signal_connect (button, "clicked", G_CALLBACK (on_field_delete_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect (row, "activated", G_CALLBACK (on_field_row_activated_cb), self);
        }
      add_to_group (group, rows, row);
    }
}

/* Activity lists (SPEC D3, D9, L1) */

/* What the page says about each list; the position is the TandemTermSet. */
static const struct
{
  const char *new_title;
  const char *rename_heading;
  const char *delete_heading;   /* a format with the name */
  const char *delete_body;
  const char *cannot_delete_heading;
} term_texts[TANDEM_N_TERM_SETS] = {
  { NULL,
    N_("Rename Category"),
    /* Translators: %s is the name of an activity category, such as Phone call */
    N_("Delete Category “%s”?"),
    N_("Activities of this category lose it, and its sales targets are removed; the activities themselves stay."),
    N_("Cannot Delete Category") },
  { N_("New kind"),
    N_("Rename Kind"),
    /* Translators: %s is the name of a kind of activity, such as Sales */
    N_("Delete Kind “%s”?"),
    N_("Activities and categories with this kind lose it; the activities themselves stay."),
    N_("Cannot Delete Kind") },
  { N_("New type"),
    N_("Rename Type"),
    /* Translators: %s is the name of a type of activity, such as Leads */
    N_("Delete Type “%s”?"),
    N_("Activities and categories with this type lose it; the activities themselves stay."),
    N_("Cannot Delete Type") },
  { N_("New property"),
    N_("Rename Property"),
    /* Translators: %s is the name of an activity property, such as Commercial */
    N_("Delete Property “%s”?"),
    N_("Activities with this property lose it; the activities themselves stay."),
    N_("Cannot Delete Property") },
  { N_("New goal"),
    N_("Rename Goal"),
    /* Translators: %s is the name of an activity goal, such as Arrange a meeting */
    N_("Delete Goal “%s”?"),
    N_("Activities with this goal lose it; the activities themselves stay."),
    N_("Cannot Delete Goal") },
  { N_("New priority"),
    N_("Rename Priority"),
    /* Translators: %s is the name of a priority, such as High */
    N_("Delete Priority “%s”?"),
    N_("Activities with this priority lose it; the activities themselves stay."),
    N_("Cannot Delete Priority") },
};

static gint64
row_item_id (GtkWidget *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "tandem-item-id");

  return id ? *id : 0;
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *format,
                      const char *name)
{
  g_autofree char *label = g_strdup_printf (format, name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A rename stores the administrator's name; the shipped one is then no
 * longer shown translated (the contract of TandemTerm). */
static gboolean
rename_term (TandemStore  *store,
             gint64        id,
             const char   *name,
             GError      **error)
{
  g_autoptr(TandemTerm) term = tandem_store_get_term (store, id, error);

  if (term == NULL)
    return FALSE;
  /* Keeping the name as shown keeps a shipped entry translated. */
  if (g_strcmp0 (name, tandem_term_get_name (term)) == 0)
    return TRUE;
  tandem_term_set_name (term, name);
  return tandem_store_save_term (store, term, error) != 0;
}

static void
on_term_rename_clicked_cb (GtkButton *button,
                           TermList  *list)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  show_rename_dialog (list->self, _(term_texts[list->set].rename_heading), rename_term,
                      row_item_id (row), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), NULL);
}

static void
on_term_delete_clicked_cb (GtkButton *button,
                           TermList  *list)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  confirm_delete (list->self, _(term_texts[list->set].delete_heading),
                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                  _(term_texts[list->set].delete_body), row_item_id (row),
                  tandem_store_delete_term,
                  _(term_texts[list->set].cannot_delete_heading),
                  /* Translators: %s is the name of a group, partner role or
                   * entry of an activity list that was deleted */
                  _("“%s” deleted"));
}

static void
on_category_row_activated_cb (AdwActionRow            *row,
                              TandemPreferencesWindow *self)
{
  TandemTerm *category = g_object_get_data (G_OBJECT (row), "tandem-term");
  TandemCategoryDialog *dialog = tandem_category_dialog_new (GTK_WINDOW (self), self->store, category);

  present_dialog (self, GTK_WINDOW (dialog));
}

/* Moves the entry one place up (@delta -1) or down (+1) and numbers the
 * whole list again, so that the order holds whatever positions the
 * entries had before. */
static gboolean
move_term (TandemPreferencesWindow  *self,
           TandemTermSet             set,
           gint64                    id,
           int                       delta,
           GError                  **error)
{
  g_autoptr(GPtrArray) terms = tandem_store_list_terms (self->store, set, error);
  guint from = G_MAXUINT;
  guint to;
  gpointer moved;

  if (terms == NULL)
    return FALSE;
  for (guint i = 0; i < terms->len && from == G_MAXUINT; i++)
    if (tandem_term_get_id (g_ptr_array_index (terms, i)) == id)
      from = i;
  if (from == G_MAXUINT)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("The entry was deleted meanwhile"));
      return FALSE;
    }
  if ((delta < 0 && from == 0) || (delta > 0 && from + 1 >= terms->len))
    return TRUE;
  to = from + delta;

  moved = terms->pdata[from];
  terms->pdata[from] = terms->pdata[to];
  terms->pdata[to] = moved;

  if (!tandem_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < terms->len; i++)
    {
      TandemTerm *term = g_ptr_array_index (terms, i);

      if (tandem_term_get_position (term) == (int) i)
        continue;
      tandem_term_set_position (term, i);
      if (tandem_store_save_term (self->store, term, error) == 0)
        {
          tandem_store_rollback (self->store);
          return FALSE;
        }
    }
  return tandem_store_commit (self->store, error);
}

static void
on_term_move_clicked_cb (GtkButton *button,
                         TermList  *list)
{
  TandemPreferencesWindow *self = list->self;
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "tandem-move"));
  g_autoptr(GError) error = NULL;

  self->focus_term_id = row_item_id (row);
  self->focus_key = delta < 0 ? "tandem-up-button" : "tandem-down-button";
  if (!move_term (self, list->set, self->focus_term_id, delta, &error))
    {
      self->focus_term_id = 0;
      show_message (self, _("Cannot Change the Order"), error->message);
    }
}

static void
on_term_new_row_apply_cb (AdwEntryRow *row,
                          TermList    *list)
{
  g_autoptr(TandemTerm) term = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  int position = 0;

  /* New entries go to the end of the list. */
  terms = tandem_store_list_terms (list->self->store, list->set, NULL);
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    position = MAX (position, tandem_term_get_position (g_ptr_array_index (terms, i)) + 1);

  term = tandem_term_new (list->set, gtk_editable_get_text (GTK_EDITABLE (row)));
  tandem_term_set_position (term, position);
  if (tandem_store_save_term (list->self->store, term, &error) == 0)
    {
      /* Keep what was typed, so that it can be corrected. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      toast (list->self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static GtkWidget *
add_move_button (GtkWidget  *row,
                 TermList   *list,
                 const char *name,
                 int         delta,
                 gboolean    possible)
{
  GtkWidget *button;

  if (delta < 0)
    {
      button = add_row_button (row, "go-up-symbolic", _("Move Up"), "tandem-up-button");
      /* Translators: the accessible name of a button; %s is an entry of an activity list */
      set_accessible_label (button, _("Move “%s” up"), name);
    }
  else
    {
      button = add_row_button (row, "go-down-symbolic", _("Move Down"), "tandem-down-button");
      /* Translators: the accessible name of a button; %s is an entry of an activity list */
      set_accessible_label (button, _("Move “%s” down"), name);
    }
  g_object_set_data (G_OBJECT (button), "tandem-move", GINT_TO_POINTER (delta));
  gtk_widget_set_sensitive (button, possible);
  g_signal_connect (button, "clicked", G_CALLBACK (on_term_move_clicked_cb), list);
  return button;
}

static void
refresh_terms (TermList *list)
{
  TandemPreferencesWindow *self = list->self;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) kinds = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (list->group, list->rows);
  if (!self->is_admin)
    return;

  items = tandem_store_list_terms (self->store, list->set, &error);
  if (items == NULL)
    {
      add_empty_row (list->group, list->rows, error->message);
      return;
    }
  if (items->len == 0)
    add_empty_row (list->group, list->rows, _("Nothing in this list yet"));
  if (list->set == TANDEM_TERM_CATEGORY)
    {
      kinds = tandem_store_list_terms (self->store, TANDEM_TERM_KIND, NULL);
      types = tandem_store_list_terms (self->store, TANDEM_TERM_TYPE, NULL);
    }

  for (guint i = 0; i < items->len; i++)
    {
      TandemTerm *term = g_ptr_array_index (items, i);
      const char *name = tandem_term_get_name (term);
      gint64 id = tandem_term_get_id (term);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *button;

      if (list->set == TANDEM_TERM_CATEGORY)
        subtitle = tandem_category_dialog_describe (term, kinds, types);
      row = new_row (name, subtitle);
      g_object_set_data_full (G_OBJECT (row), "tandem-item-id", g_memdup2 (&id, sizeof id), g_free);
      g_object_set_data_full (G_OBJECT (row), "tandem-term", g_object_ref (term), g_object_unref);

      add_move_button (row, list, name, -1, i > 0);
      add_move_button (row, list, name, +1, i + 1 < items->len);
      if (list->set != TANDEM_TERM_CATEGORY)
        {
          button = add_row_button (row, "document-edit-symbolic", _("Rename"), "tandem-rename-button");
          /* Translators: the accessible name of a button; %s is an entry of an activity list */
          set_accessible_label (button, _("Rename “%s”"), name);
          g_signal_connect (button, "clicked", G_CALLBACK (on_term_rename_clicked_cb), list);
        }
      button = add_row_button (row, "user-trash-symbolic", _("Delete"), "tandem-delete-button");
      /* Translators: the accessible name of a button; %s is an entry of an activity list */
      set_accessible_label (button, _("Delete “%s”"), name);
      g_signal_connect (button, "clicked", G_CALLBACK (on_term_delete_clicked_cb), list);
      if (list->set == TANDEM_TERM_CATEGORY)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect (row, "activated", G_CALLBACK (on_category_row_activated_cb), self);
        }
      add_to_group (list->group, list->rows, row);

      /* After a move the focus stays on the button that moved the entry,
       * or on the other one when the entry reached the end. */
      if (id == self->focus_term_id)
        {
          GtkWidget *focus = g_object_get_data (G_OBJECT (row), self->focus_key);

          if (!gtk_widget_get_sensitive (focus))
            focus = g_object_get_data (G_OBJECT (row), g_str_equal (self->focus_key, "tandem-up-button")
                                                       ? "tandem-down-button" : "tandem-up-button");
          gtk_widget_grab_focus (focus);
          self->focus_term_id = 0;
        }
    }
}

static void
setup_terms (TandemPreferencesWindow *self)
{
  for (guint set = 0; set < TANDEM_N_TERM_SETS; set++)
    {
      TermList *list = &self->terms[set];

      list->self = self;
      list->set = set;
      list->rows = g_ptr_array_new ();
      if (set == TANDEM_TERM_CATEGORY)
        {
          list->group = self->categories_group;
          adw_preferences_group_set_title (list->group, tandem_term_set_get_label (set));
          continue;
        }

      list->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (list->group, tandem_term_set_get_label (set));
      adw_preferences_page_add (self->activities_page, list->group);

      list->new_group = adw_preferences_group_new ();
      list->new_row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list->new_row), _(term_texts[set].new_title));
      adw_entry_row_set_show_apply_button (list->new_row, TRUE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (list->new_group), GTK_WIDGET (list->new_row));
      adw_preferences_page_add (self->activities_page, ADW_PREFERENCES_GROUP (list->new_group));
      g_signal_connect (list->new_row, "apply", G_CALLBACK (on_term_new_row_apply_cb), list);
      g_signal_connect (list->new_row, "changed", G_CALLBACK (on_new_row_changed_cb), NULL);
    }
}

/* Sales targets (SPEC D20) */

static gint64
selected_seller (TandemPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->seller_row);

  if (self->seller_ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->seller_ids->len)
    return 0;
  return g_array_index (self->seller_ids, gint64, selected);
}

static char *
describe_progress (TandemTargetProgress *progress)
{
  guint done = tandem_target_progress_get_done (progress);
  guint target = tandem_target_progress_get_target (progress);

  if (tandem_target_progress_get_period (progress) == TANDEM_PERIOD_MONTH)
    /* Translators: progress against a monthly sales target, e.g. "3 of 10 done this month" */
    return g_strdup_printf (_("%u of %u done this month"), done, target);
  /* Translators: progress against a weekly sales target, e.g. "3 of 10 done this week" */
  return g_strdup_printf (_("%u of %u done this week"), done, target);
}

/* The seller's targets and progress, by category id. */
static GHashTable *
load_progress (TandemPreferencesWindow  *self,
               gint64                    seller_id,
               GError                  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) items = tandem_store_list_target_progress (self->store, seller_id, now, error);
  GHashTable *by_category;

  if (items == NULL)
    return NULL;
  by_category = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    {
      TandemTargetProgress *progress = g_ptr_array_index (items, i);
      gint64 id = tandem_target_progress_get_category_id (progress);

      g_hash_table_insert (by_category, g_memdup2 (&id, sizeof id), g_object_ref (progress));
    }
  return by_category;
}

static void
update_target_subtitle (AdwActionRow         *row,
                        TandemTargetProgress *progress)
{
  g_autofree char *text = progress ? describe_progress (progress) : NULL;

  adw_action_row_set_subtitle (row, text ? text : "");
}

static void
on_target_changed_cb (AdwActionRow *row)
{
  TandemPreferencesWindow *self = g_object_get_data (G_OBJECT (row), "tandem-window");
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (row), "tandem-target-spin");
  GtkDropDown *period = g_object_get_data (G_OBJECT (row), "tandem-target-period");
  g_autoptr(GHashTable) progress = NULL;
  g_autoptr(GError) error = NULL;
  gint64 category_id = row_item_id (GTK_WIDGET (row));
  gint64 seller_id = selected_seller (self);
  gboolean ok;

  if (seller_id == 0)
    return;

  /* The row the person is working in stays as it is: no rebuild of the
   * page for a change made here. */
  self->own_target_change++;
  ok = tandem_store_set_sales_target (self->store, seller_id, category_id,
                                      gtk_drop_down_get_selected (period) == TANDEM_PERIOD_MONTH
                                        ? TANDEM_PERIOD_MONTH : TANDEM_PERIOD_WEEK,
                                      gtk_spin_button_get_value_as_int (spin), &error);
  self->own_target_change--;
  if (!ok)
    {
      toast (self, error->message);
      return;
    }

  progress = load_progress (self, seller_id, NULL);
  update_target_subtitle (row, progress ? g_hash_table_lookup (progress, &category_id) : NULL);
}

static void
refresh_target_rows (TandemPreferencesWindow *self)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GHashTable) progress = NULL;
  g_autoptr(GError) error = NULL;
  gint64 seller_id = selected_seller (self);
  guint n_rows = 0;

  clear_rows (self->targets_group, self->target_rows);
  if (!self->can_set_targets || seller_id == 0)
    return;

  categories = tandem_store_list_terms (self->store, TANDEM_TERM_CATEGORY, &error);
  if (categories != NULL)
    progress = load_progress (self, seller_id, &error);
  if (categories == NULL || progress == NULL)
    {
      add_empty_row (self->targets_group, self->target_rows, error->message);
      return;
    }

  for (guint i = 0; i < categories->len; i++)
    {
      TandemTerm *category = g_ptr_array_index (categories, i);
      const char *name = tandem_term_get_name (category);
      gint64 id = tandem_term_get_id (category);
      TandemTargetProgress *current = g_hash_table_lookup (progress, &id);
      const char *periods[] = {
        C_("sales target", "per week"),
        C_("sales target", "per month"),
        NULL
      };
      GtkWidget *row;
      GtkWidget *spin;
      GtkWidget *period;

      if (!tandem_term_get_sales_target (category))
        continue;

      row = new_row (name, NULL);
      g_object_set_data_full (G_OBJECT (row), "tandem-item-id", g_memdup2 (&id, sizeof id), g_free);
      g_object_set_data (G_OBJECT (row), "tandem-window", self);

      spin = gtk_spin_button_new_with_range (0, 9999, 1);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      /* Translators: the accessible name of the number of a sales target; %s is a category */
      set_accessible_label (spin, _("Target for “%s”"), name);
      period = gtk_drop_down_new_from_strings (periods);
      gtk_widget_set_valign (period, GTK_ALIGN_CENTER);
      /* Translators: the accessible name of the period of a sales target; %s is a category */
      set_accessible_label (period, _("Period of the target for “%s”"), name);
      if (current != NULL)
        {
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), tandem_target_progress_get_target (current));
          gtk_drop_down_set_selected (GTK_DROP_DOWN (period), tandem_target_progress_get_period (current));
        }
      update_target_subtitle (ADW_ACTION_ROW (row), current);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), period);
      g_object_set_data (G_OBJECT (row), "tandem-target-spin", spin);
      g_object_set_data (G_OBJECT (row), "tandem-target-period", period);
      g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_target_changed_cb), row);
      g_signal_connect_swapped (period, "notify::selected", G_CALLBACK (on_target_changed_cb), row);
      add_to_group (self->targets_group, self->target_rows, row);
      n_rows++;
    }

  if (n_rows == 0)
    add_empty_row (self->targets_group, self->target_rows,
                   self->is_admin ? _("No category is a sales target yet; mark one on the Activities page")
                                  : _("No category is a sales target yet"));
}

static void
refresh_targets (TandemPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  gint64 previous = selected_seller (self);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->seller_ids, 0);
  if (self->can_set_targets)
    users = tandem_store_list_users (self->store, &error);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->seller_row), error ? error->message : "");

  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      TandemUser *user = g_ptr_array_index (users, i);
      gint64 id = tandem_user_get_id (user);

      if (!tandem_user_get_active (user))
        continue;
      gtk_string_list_append (names, tandem_user_get_name (user));
      g_array_append_val (self->seller_ids, id);
      if (id == previous || selected == GTK_INVALID_LIST_POSITION)
        selected = self->seller_ids->len - 1;
    }

  /* Filling the list moves the selection; the rows follow once, below. */
  self->filling_sellers = TRUE;
  adw_combo_row_set_model (self->seller_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->seller_row, selected);
  self->filling_sellers = FALSE;

  refresh_target_rows (self);
}

/* Account */

static void
refresh_account (TandemPreferencesWindow *self)
{
  TandemUser *user = tandem_store_get_user (self->store);
  const char * const *groups;

  gtk_widget_set_sensitive (self->change_password_row, user != NULL);
  if (user == NULL)
    return;

  groups = tandem_user_get_groups (user);
  gtk_label_set_text (self->account_name_label, tandem_user_get_name (user));
  gtk_label_set_text (self->account_login_label, tandem_user_get_login (user));
  gtk_label_set_text (self->account_role_label, tandem_role_get_label (tandem_user_get_role (user)));
  if (groups != NULL && groups[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (C_("list separator", ", "), (char **) groups);

      gtk_label_set_text (self->account_groups_label, list);
    }
  else
    gtk_label_set_text (self->account_groups_label, C_("groups", "None"));
}

/* Refreshing */

static void
refresh (TandemPreferencesWindow *self)
{
  TandemUser *user = tandem_store_get_user (self->store);

  self->is_admin = user != NULL && tandem_user_is_admin (user);
  self->can_set_targets = self->is_admin ||
                          (user != NULL && tandem_user_get_role (user) == TANDEM_ROLE_MANAGER);

  /* Only administrators manage users and the activity lists, and only
   * they and managers set sales targets; others never see controls that
   * the store would then refuse (SPEC A4, D20). */
  if (!self->is_admin && gtk_widget_get_parent (GTK_WIDGET (self->users_page)) != NULL)
    adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->users_page);
  if (!self->is_admin && gtk_widget_get_parent (GTK_WIDGET (self->activities_page)) != NULL)
    adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->activities_page);
  if (!self->can_set_targets && gtk_widget_get_parent (GTK_WIDGET (self->targets_page)) != NULL)
    adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->targets_page);
  gtk_widget_set_visible (self->add_user_button, self->is_admin);
  gtk_widget_set_visible (self->add_company_field_button, self->is_admin);
  gtk_widget_set_visible (self->add_person_field_button, self->is_admin);

  refresh_users (self);
  refresh_named (&self->groups);
  refresh_named (&self->roles);
  tandem_preferences_window_refresh_contact_groups (self, self->is_admin);
  refresh_fields (self, TANDEM_KIND_COMPANY, self->company_fields_group, self->company_field_rows);
  refresh_fields (self, TANDEM_KIND_PERSON, self->person_fields_group, self->person_field_rows);
  for (guint set = 0; set < TANDEM_N_TERM_SETS; set++)
    refresh_terms (&self->terms[set]);
  refresh_targets (self);
  tandem_preferences_window_refresh_sales (self, self->is_admin);
  tandem_preferences_window_refresh_labels (self, self->is_admin);
  tandem_preferences_window_refresh_second_factor (self, self->is_admin);
  refresh_account (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  TandemPreferencesWindow *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (TandemPreferencesWindow *self,
                     int                      kind,
                     gint64                   id)
{
  /* Rebuild once after a burst of changes, and never under the feet of
   * the row whose button caused the change. */
  if (self->own_target_change > 0)
    return;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

/* Template callbacks */

static void
on_add_user_button_clicked_cb (TandemPreferencesWindow *self)
{
  TandemUserDialog *dialog = tandem_user_dialog_new (GTK_WINDOW (self), self->store, NULL);

  present_dialog (self, GTK_WINDOW (dialog));
}

static void
on_add_company_field_button_clicked_cb (TandemPreferencesWindow *self)
{
  TandemFieldDialog *dialog = tandem_field_dialog_new (GTK_WINDOW (self), self->store, NULL, TANDEM_KIND_COMPANY);

  present_dialog (self, GTK_WINDOW (dialog));
}

static void
on_add_person_field_button_clicked_cb (TandemPreferencesWindow *self)
{
  TandemFieldDialog *dialog = tandem_field_dialog_new (GTK_WINDOW (self), self->store, NULL, TANDEM_KIND_PERSON);

  present_dialog (self, GTK_WINDOW (dialog));
}

static void
on_add_category_button_clicked_cb (TandemPreferencesWindow *self)
{
  TandemCategoryDialog *dialog = tandem_category_dialog_new (GTK_WINDOW (self), self->store, NULL);

  present_dialog (self, GTK_WINDOW (dialog));
}

static void
on_seller_row_selected_cb (TandemPreferencesWindow *self)
{
  if (!self->filling_sellers)
    refresh_target_rows (self);
}

static void
on_change_password_row_activated_cb (TandemPreferencesWindow *self)
{
  TandemPasswordDialog *dialog = tandem_password_dialog_new (GTK_WINDOW (self), self->store, NULL);

  present_dialog (self, GTK_WINDOW (dialog));
}

/* Overrides */

static void
tandem_preferences_window_constructed (GObject *object)
{
  TandemPreferencesWindow *self = TANDEM_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (tandem_preferences_window_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  tandem_preferences_window_setup_contact_groups (self, self->store, self->contact_groups_page);
  tandem_preferences_window_setup_sales (self, self->store, self->sales_page);
  tandem_preferences_window_setup_labels (self, self->store, self->labels_page);
  tandem_preferences_window_setup_second_factor (self, self->store);
  tandem_backup_page_add_to (ADW_PREFERENCES_WINDOW (self), self->store);
  refresh (self);
  if (self->is_admin)
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), self->users_page);
  else if (self->can_set_targets)
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), self->targets_page);
  else
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                             ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (self->change_password_row,
                                                                                            ADW_TYPE_PREFERENCES_PAGE)));
}

static void
tandem_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TandemPreferencesWindow *self = TANDEM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TandemPreferencesWindow *self = TANDEM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_preferences_window_dispose (GObject *object)
{
  TandemPreferencesWindow *self = TANDEM_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_weak_pointer (&self->dialog);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_preferences_window_parent_class)->dispose (object);
}

static void
tandem_preferences_window_finalize (GObject *object)
{
  TandemPreferencesWindow *self = TANDEM_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->groups.rows, g_ptr_array_unref);
  g_clear_pointer (&self->roles.rows, g_ptr_array_unref);
  g_clear_pointer (&self->user_rows, g_ptr_array_unref);
  g_clear_pointer (&self->company_field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->person_field_rows, g_ptr_array_unref);
  for (guint set = 0; set < TANDEM_N_TERM_SETS; set++)
    g_clear_pointer (&self->terms[set].rows, g_ptr_array_unref);
  g_clear_pointer (&self->target_rows, g_ptr_array_unref);
  g_clear_pointer (&self->seller_ids, g_array_unref);
  g_clear_object (&self->users_page);
  g_clear_object (&self->activities_page);
  g_clear_object (&self->targets_page);

  G_OBJECT_CLASS (tandem_preferences_window_parent_class)->finalize (object);
}

static void
tandem_preferences_window_class_init (TandemPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_preferences_window_constructed;
  object_class->get_property = tandem_preferences_window_get_property;
  object_class->set_property = tandem_preferences_window_set_property;
  object_class->dispose = tandem_preferences_window_dispose;
  object_class->finalize = tandem_preferences_window_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/preferences/tandem-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, users_page);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, users_group);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, add_user_button);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, groups_group);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, new_group_group);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, new_group_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, roles_group);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, new_role_group);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, new_role_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, contact_groups_page);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, labels_page);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, company_fields_group);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, person_fields_group);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, add_company_field_button);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, add_person_field_button);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, account_name_label);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, account_login_label);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, account_role_label);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, account_groups_label);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, change_password_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, activities_page);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, categories_group);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, add_category_button);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, targets_page);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, seller_row);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, targets_group);
  gtk_widget_class_bind_template_child (widget_class, TandemPreferencesWindow, sales_page);
  gtk_widget_class_bind_template_callback (widget_class, on_add_user_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_company_field_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_person_field_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_change_password_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_category_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_seller_row_selected_cb);
}

static void
tandem_preferences_window_init (TandemPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Held so that the pages outlive their removal for those who may not
   * use them. */
  g_object_ref (self->users_page);
  g_object_ref (self->activities_page);
  g_object_ref (self->targets_page);

  self->user_rows = g_ptr_array_new ();
  self->target_rows = g_ptr_array_new ();
  self->seller_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  setup_terms (self);
  self->company_field_rows = g_ptr_array_new ();
  self->person_field_rows = g_ptr_array_new ();

  setup_named (self, &self->groups, self->groups_group, self->new_group_group, self->new_group_row);
  self->groups.list = tandem_store_list_groups;
  self->groups.add = tandem_store_add_group;
  self->groups.rename = tandem_store_rename_group;
  self->groups.remove = tandem_store_delete_group;
  self->groups.rename_heading = _("Rename Group");
  /* Translators: %s is the name of a group of users */
  self->groups.delete_heading = _("Delete Group “%s”?");
  self->groups.delete_body = _("Its members leave the group; the users themselves stay.");
  self->groups.cannot_delete_heading = _("Cannot Delete Group");
  self->groups.none_text = _("No groups yet");

  setup_named (self, &self->roles, self->roles_group, self->new_role_group, self->new_role_row);
  self->roles.list = tandem_store_list_partner_roles;
  self->roles.add = tandem_store_add_partner_role;
  self->roles.rename = tandem_store_rename_partner_role;
  self->roles.remove = tandem_store_delete_partner_role;
  self->roles.rename_heading = _("Rename Partner Role");
  /* Translators: %s is the name of a partner role, such as Customer */
  self->roles.delete_heading = _("Delete Partner Role “%s”?");
  self->roles.delete_body = _("Companies with this role lose it; the companies themselves stay.");
  self->roles.cannot_delete_heading = _("Cannot Delete Partner Role");
  self->roles.none_text = _("No partner roles yet");
}

/* Public API */

TandemPreferencesWindow *
tandem_preferences_window_new (GtkWindow   *parent,
                               TandemStore *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  return g_object_new (TANDEM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "store", store,
                       NULL);
}

GtkWidget *
tandem_preferences_window_get_users_page (TandemPreferencesWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return GTK_WIDGET (self->users_page);
}

GtkWidget *
tandem_preferences_window_get_add_user_button (TandemPreferencesWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return self->add_user_button;
}

GtkWidget *
tandem_preferences_window_get_new_group_row (TandemPreferencesWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return GTK_WIDGET (self->new_group_row);
}

GtkWidget *
tandem_preferences_window_get_new_role_row (TandemPreferencesWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return GTK_WIDGET (self->new_role_row);
}

GtkWidget *
tandem_preferences_window_get_add_field_button (TandemPreferencesWindow *self,
                                                TandemKind               entity)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return entity == TANDEM_KIND_PERSON ? self->add_person_field_button : self->add_company_field_button;
}

GtkWidget *
tandem_preferences_window_get_change_password_row (TandemPreferencesWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return self->change_password_row;
}

GtkWindow *
tandem_preferences_window_get_dialog (TandemPreferencesWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return self->dialog;
}

GtkWidget *
tandem_preferences_window_get_activities_page (TandemPreferencesWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return GTK_WIDGET (self->activities_page);
}

GtkWidget *
tandem_preferences_window_get_targets_page (TandemPreferencesWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return GTK_WIDGET (self->targets_page);
}

GtkWidget *
tandem_preferences_window_get_add_category_button (TandemPreferencesWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return self->add_category_button;
}

GtkWidget *
tandem_preferences_window_get_new_term_row (TandemPreferencesWindow *self,
                                            TandemTermSet            set)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (set < TANDEM_N_TERM_SETS, NULL);
  return self->terms[set].new_row ? GTK_WIDGET (self->terms[set].new_row) : NULL;
}

AdwComboRow *
tandem_preferences_window_get_seller_row (TandemPreferencesWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return self->seller_row;
}

gboolean
tandem_preferences_window_select_seller (TandemPreferencesWindow *self,
                                         const char              *name)
{
  GListModel *model;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), FALSE);

  model = adw_combo_row_get_model (self->seller_row);
  for (guint i = 0; model && i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name) == 0)
      {
        adw_combo_row_set_selected (self->seller_row, i);
        return TRUE;
      }
  return FALSE;
}

static GPtrArray *
rows_of (TandemPreferencesWindow *self,
         const char              *list)
{
  TandemTermSet set;

  if (g_strcmp0 (list, "users") == 0)
    return self->user_rows;
  if (g_strcmp0 (list, "groups") == 0)
    return self->groups.rows;
  if (g_strcmp0 (list, "roles") == 0)
    return self->roles.rows;
  if (g_strcmp0 (list, "company-fields") == 0)
    return self->company_field_rows;
  if (g_strcmp0 (list, "person-fields") == 0)
    return self->person_field_rows;
  if (g_strcmp0 (list, "targets") == 0)
    return self->target_rows;
  if (tandem_term_set_from_string (list, &set))
    return self->terms[set].rows;
  g_return_val_if_reached (NULL);
}

AdwActionRow *
tandem_preferences_window_find_row (TandemPreferencesWindow *self,
                                    const char              *list,
                                    const char              *title)
{
  GPtrArray *rows;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  rows = rows_of (self, list);
  for (guint i = 0; rows && i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

guint
tandem_preferences_window_count_rows (TandemPreferencesWindow *self,
                                      const char              *list)
{
  GPtrArray *rows;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), 0);

  rows = rows_of (self, list);
  return rows ? rows->len : 0;
}

AdwActionRow *
tandem_preferences_window_get_nth_row (TandemPreferencesWindow *self,
                                       const char              *list,
                                       guint                    n)
{
  GPtrArray *rows;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  rows = rows_of (self, list);
  return rows && n < rows->len ? g_ptr_array_index (rows, n) : NULL;
}

GtkButton *
tandem_preferences_window_get_row_delete_button (AdwActionRow *row)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);
  return g_object_get_data (G_OBJECT (row), "tandem-delete-button");
}

GtkButton *
tandem_preferences_window_get_row_rename_button (AdwActionRow *row)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);
  return g_object_get_data (G_OBJECT (row), "tandem-rename-button");
}

GtkButton *
tandem_preferences_window_get_row_move_button (AdwActionRow *row,
                                               int           delta)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);
  return g_object_get_data (G_OBJECT (row), delta < 0 ? "tandem-up-button" : "tandem-down-button");
}

GtkSpinButton *
tandem_preferences_window_get_row_target_spin (AdwActionRow *row)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);
  return g_object_get_data (G_OBJECT (row), "tandem-target-spin");
}

GtkDropDown *
tandem_preferences_window_get_row_target_period (AdwActionRow *row)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);
  return g_object_get_data (G_OBJECT (row), "tandem-target-period");
}
