/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemAuditWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-audit-window-private.h"
#include "tandem-date.h"
#include "tandem-window.h"

/* Entries read at a time; "Show More" reads the next ones. */
#define PAGE_SIZE 100

struct _TandemAuditWindow
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkMenuButton *from_button;
  GtkMenuButton *to_button;
  GtkCalendar   *from_calendar;
  GtkCalendar   *to_calendar;
  GtkDropDown   *user_dropdown;
  GtkDropDown   *action_dropdown;
  GtkStack      *stack;
  GtkListBox    *list;
  GtkButton     *more_button;
  AdwStatusPage *empty_page;

  TandemStore      *store;
  GPtrArray        *users;     /* TandemUser, after "Anyone" in the dropdown */
  GDateTime        *first_day; /* local midnight, or NULL */
  GDateTime        *last_day;
  TandemAuditEntry *last;      /* the last entry shown, for the next page */
  guint             n_shown;
  guint             filling;
};

G_DEFINE_FINAL_TYPE (TandemAuditWindow, tandem_audit_window, ADW_TYPE_WINDOW)

#define ACTION_KEY "tandem-audit-window"

/* Static helpers */

static const char *
action_icon (TandemAuditAction action)
{
  switch (action)
    {
    case TANDEM_AUDIT_CREATED:
      return "list-add-symbolic";
    case TANDEM_AUDIT_CHANGED:
      return "document-edit-symbolic";
    case TANDEM_AUDIT_VISIBILITY:
      return "changes-prevent-symbolic";
    case TANDEM_AUDIT_EXPORTED:
      return "document-save-symbolic";
    case TANDEM_AUDIT_DELETED:
      return "user-trash-symbolic";
    case TANDEM_AUDIT_RESTORED:
      return "edit-undo-symbolic";
    case TANDEM_AUDIT_PURGED:
    default:
      return "edit-delete-symbolic";
    }
}

static GtkWidget *
create_row (TandemAuditEntry *entry)
{
  g_autofree char *title = tandem_audit_entry_dup_title_label (entry);
  g_autofree char *detail = tandem_audit_entry_dup_detail_label (entry);
  g_autofree char *when = tandem_date_format_time (tandem_audit_entry_get_at (entry));
  g_autofree char *what = NULL;
  g_autofree char *who = NULL;
  g_autofree char *subtitle = NULL;
  const char *user_name = tandem_audit_entry_get_user_name (entry);
  TandemAuditAction action = tandem_audit_entry_get_action (entry);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (action_icon (action));

  if (detail != NULL)
    /* Translators: in the audit trail: "Changed · Activity · Completed" */
    what = g_strdup_printf (C_("audit row", "%s · %s · %s"), tandem_audit_action_get_label (action),
                            tandem_audit_kind_get_label (tandem_audit_entry_get_kind (entry)), detail);
  else
    /* Translators: in the audit trail: "Created · Company" */
    what = g_strdup_printf (C_("audit row", "%s · %s"), tandem_audit_action_get_label (action),
                            tandem_audit_kind_get_label (tandem_audit_entry_get_kind (entry)));
  /* Translators: in the audit trail: who and when, "Anna Virtanen, 15 Dec 2026, 14:05" */
  who = g_strdup_printf (C_("audit row", "%s, %s"),
                         user_name != NULL ? user_name : C_("audit row", "Nobody signed in"), when);
  subtitle = g_strdup_printf ("%s\n%s", what, who);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (icon, tandem_audit_action_get_label (action));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (entry), g_object_unref);
  return row;
}

static void
update_day_buttons (TandemAuditWindow *self)
{
  struct { GtkMenuButton *button; GDateTime *day; const char *any; } buttons[] = {
    /* Translators: the first day of the audit trail's filter: no limit */
    { self->from_button, self->first_day, C_("audit filter", "From any day") },
    /* Translators: the last day of the audit trail's filter: no limit */
    { self->to_button, self->last_day, C_("audit filter", "To any day") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      g_autofree char *label = NULL;

      if (buttons[i].day != NULL)
        {
          g_autofree char *iso = g_date_time_format (buttons[i].day, "%Y-%m-%d");
          g_autofree char *date = tandem_date_format (iso);

          label = g_strdup_printf (i == 0 ? C_("audit filter", "From %s") : C_("audit filter", "To %s"), date);
        }
      gtk_menu_button_set_label (buttons[i].button, label != NULL ? label : buttons[i].any);
    }
}

static TandemAuditFilter
current_filter (TandemAuditWindow *self)
{
  TandemAuditFilter filter = { 0, 0, 0, TANDEM_AUDIT_ANY, 0 };
  guint user = gtk_drop_down_get_selected (self->user_dropdown);
  guint action = gtk_drop_down_get_selected (self->action_dropdown);
  GDateTime *first = self->first_day;
  GDateTime *last = self->last_day;

  /* Days chosen the wrong way round mean the days between them. */
  if (first != NULL && last != NULL && g_date_time_compare (last, first) < 0)
    {
      first = self->last_day;
      last = self->first_day;
    }
  if (first != NULL)
    filter.from = g_date_time_to_unix (first);
  if (last != NULL)
    {
      g_autoptr(GDateTime) after = g_date_time_add_days (last, 1);

      filter.until = g_date_time_to_unix (after);
    }
  if (self->users != NULL && user != GTK_INVALID_LIST_POSITION && user > 0 && user <= self->users->len)
    filter.user_id = tandem_user_get_id (g_ptr_array_index (self->users, user - 1));
  if (action != GTK_INVALID_LIST_POSITION && action > 0 && action <= TANDEM_N_AUDIT_ACTIONS)
    filter.action = (TandemAuditAction) (action - 1);
  return filter;
}

static gboolean
filtered (TandemAuditWindow *self)
{
  return self->first_day != NULL || self->last_day != NULL ||
         gtk_drop_down_get_selected (self->user_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->action_dropdown) > 0;
}

static void
show_empty (TandemAuditWindow *self,
            const char        *title,
            const char        *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Reads the next page (the first with @restart) and adds its rows. */
static void
load_page (TandemAuditWindow *self,
           gboolean           restart)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  TandemAuditFilter filter = current_filter (self);
  GtkWidget *child;

  if (restart)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
        gtk_list_box_remove (self->list, child);
      g_clear_object (&self->last);
      self->n_shown = 0;
    }

  entries = tandem_store_list_audit (self->store, &filter, self->last, PAGE_SIZE, &error);
  if (entries == NULL)
    {
      show_empty (self, _("The Audit Trail Cannot Be Read"), error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->list, create_row (g_ptr_array_index (entries, i)));
  self->n_shown += entries->len;
  if (entries->len > 0)
    g_set_object (&self->last, g_ptr_array_index (entries, entries->len - 1));
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), entries->len == PAGE_SIZE);

  if (self->n_shown > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (filtered (self))
    show_empty (self, _("Nothing Found"),
                _("Nothing in the audit trail matches these days, user and action."));
  else
    show_empty (self, _("Nothing Here Yet"),
                _("Who creates, changes, exports or deletes what is listed here as it happens."));
}

static void
fill_dropdowns (TandemAuditWindow *self)
{
  g_autoptr(GtkStringList) users = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) actions = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  self->filling++;
  gtk_string_list_append (users, C_("audit filter", "Anyone"));
  g_clear_pointer (&self->users, g_ptr_array_unref);
  self->users = tandem_store_list_users (self->store, &error);
  if (self->users == NULL)
    g_debug ("No users for the filter: %s", error->message);
  for (guint i = 0; self->users != NULL && i < self->users->len; i++)
    gtk_string_list_append (users, tandem_user_get_name (g_ptr_array_index (self->users, i)));
  gtk_drop_down_set_model (self->user_dropdown, G_LIST_MODEL (users));

  gtk_string_list_append (actions, tandem_audit_action_get_label (TANDEM_AUDIT_ANY));
  for (int i = 0; i < TANDEM_N_AUDIT_ACTIONS; i++)
    gtk_string_list_append (actions, tandem_audit_action_get_label ((TandemAuditAction) i));
  gtk_drop_down_set_model (self->action_dropdown, G_LIST_MODEL (actions));
  self->filling--;
}

static GDateTime *
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  return g_date_time_new (tz, g_date_time_get_year (date), g_date_time_get_month (date),
                          g_date_time_get_day_of_month (date), 0, 0, 0);
}

static void
set_day (TandemAuditWindow  *self,
         GDateTime         **day,
         GDateTime          *value)
{
  g_clear_pointer (day, g_date_time_unref);
  if (value != NULL)
    *day = g_date_time_ref (value);
  update_day_buttons (self);
  load_page (self, TRUE);
}

static TandemWindow *
find_main_window (GtkApplication *application)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (TANDEM_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
update_action (GtkApplication *application)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (application), "audit");
  TandemStore *store = g_object_get_data (G_OBJECT (application), ACTION_KEY);
  TandemUser *user = store != NULL ? tandem_store_get_user (store) : NULL;

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                                 find_main_window (application) != NULL && user != NULL &&
                                 tandem_user_is_admin (user));
}

/* Callbacks */

static void
on_filter_changed_cb (TandemAuditWindow *self)
{
  if (self->filling == 0 && self->store != NULL)
    load_page (self, TRUE);
}

static void
on_from_day_selected_cb (TandemAuditWindow *self)
{
  g_autoptr(GDateTime) day = calendar_day (self->from_calendar);

  set_day (self, &self->first_day, day);
}

static void
on_to_day_selected_cb (TandemAuditWindow *self)
{
  g_autoptr(GDateTime) day = calendar_day (self->to_calendar);

  set_day (self, &self->last_day, day);
}

static void
on_from_clear_clicked_cb (TandemAuditWindow *self)
{
  gtk_menu_button_popdown (self->from_button);
  set_day (self, &self->first_day, NULL);
}

static void
on_to_clear_clicked_cb (TandemAuditWindow *self)
{
  gtk_menu_button_popdown (self->to_button);
  set_day (self, &self->last_day, NULL);
}

static void
on_more_clicked_cb (TandemAuditWindow *self)
{
  load_page (self, FALSE);
}

static void
on_application_windows_changed_cb (GtkApplication *application)
{
  update_action (application);
}

static void
on_store_changed_cb (GtkApplication *application)
{
  update_action (application);
}

static void
audit_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = user_data;
  TandemStore *store = g_object_get_data (G_OBJECT (application), ACTION_KEY);
  TandemUser *user = store != NULL ? tandem_store_get_user (store) : NULL;
  TandemAuditWindow *window;

  if (user == NULL || !tandem_user_is_admin (user))
    return;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (TANDEM_IS_AUDIT_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }

  window = tandem_audit_window_new (GTK_WINDOW (find_main_window (application)), store);
  gtk_window_set_application (GTK_WINDOW (window), application);
  gtk_window_present (GTK_WINDOW (window));
}

/* Overrides */

static void
tandem_audit_window_dispose (GObject *object)
{
  TandemAuditWindow *self = TANDEM_AUDIT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_AUDIT_WINDOW);
  g_clear_object (&self->last);
  g_clear_pointer (&self->users, g_ptr_array_unref);
  g_clear_pointer (&self->first_day, g_date_time_unref);
  g_clear_pointer (&self->last_day, g_date_time_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_audit_window_parent_class)->dispose (object);
}

static void
tandem_audit_window_class_init (TandemAuditWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_audit_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/audit/tandem-audit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemAuditWindow, from_button);
  gtk_widget_class_bind_template_child (widget_class, TandemAuditWindow, to_button);
  gtk_widget_class_bind_template_child (widget_class, TandemAuditWindow, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, TandemAuditWindow, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, TandemAuditWindow, user_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemAuditWindow, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemAuditWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemAuditWindow, list);
  gtk_widget_class_bind_template_child (widget_class, TandemAuditWindow, more_button);
  gtk_widget_class_bind_template_child (widget_class, TandemAuditWindow, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_from_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_to_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_from_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_to_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_audit_window_init (TandemAuditWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_day_buttons (self);
}

/* Public API */

TandemAuditWindow *
tandem_audit_window_new (GtkWindow   *parent,
                         TandemStore *store)
{
  TandemAuditWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_AUDIT_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  fill_dropdowns (self);
  load_page (self, TRUE);
  return self;
}

void
tandem_audit_window_install_action (GtkApplication *application,
                                    TandemStore    *store)
{
  static const GActionEntry actions[] = {
    { "audit", audit_action },
  };

  g_return_if_fail (GTK_IS_APPLICATION (application));
  g_return_if_fail (TANDEM_IS_STORE (store));

  g_object_set_data_full (G_OBJECT (application), ACTION_KEY, g_object_ref (store), g_object_unref);
  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), application);
  g_signal_connect (application, "window-added", G_CALLBACK (on_application_windows_changed_cb), NULL);
  g_signal_connect (application, "window-removed", G_CALLBACK (on_application_windows_changed_cb), NULL);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), application, G_CONNECT_SWAPPED);
  update_action (application);
}

GtkListBox *
tandem_audit_window_get_list (TandemAuditWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_WINDOW (self), NULL);
  return self->list;
}

GtkStack *
tandem_audit_window_get_stack (TandemAuditWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_WINDOW (self), NULL);
  return self->stack;
}

AdwStatusPage *
tandem_audit_window_get_empty_page (TandemAuditWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_WINDOW (self), NULL);
  return self->empty_page;
}

GtkButton *
tandem_audit_window_get_more_button (TandemAuditWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_WINDOW (self), NULL);
  return self->more_button;
}

GtkDropDown *
tandem_audit_window_get_user_dropdown (TandemAuditWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_WINDOW (self), NULL);
  return self->user_dropdown;
}

GtkDropDown *
tandem_audit_window_get_action_dropdown (TandemAuditWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_WINDOW (self), NULL);
  return self->action_dropdown;
}

void
tandem_audit_window_set_days (TandemAuditWindow *self,
                              GDateTime         *first,
                              GDateTime         *last)
{
  g_return_if_fail (TANDEM_IS_AUDIT_WINDOW (self));

  g_clear_pointer (&self->first_day, g_date_time_unref);
  g_clear_pointer (&self->last_day, g_date_time_unref);
  if (first != NULL)
    self->first_day = g_date_time_ref (first);
  if (last != NULL)
    self->last_day = g_date_time_ref (last);
  update_day_buttons (self);
  load_page (self, TRUE);
}
