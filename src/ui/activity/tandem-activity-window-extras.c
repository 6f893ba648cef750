/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemActivityWindow"

/* The parts of the activity card that live beside the activity's own
 * fields: the discussion (D10), reminders (D11), the stopwatch (D8), and
 * documents (G1) and links (D12). All but the reminders need a saved
 * activity. */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activity-window-private.h"

static gboolean
is_saved (TandemActivityWindow *self)
{
  return tandem_activity_window_get_id (self) != 0;
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)))
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
placeholder_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static char *
format_local_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso ? iso : "");
  local = g_date_time_to_local (utc);
  /* Translators: when a message was written, as g_date_time_format() takes it */
  return g_date_time_format (local, C_("message time", "%-d %b %Y, %H:%M"));
}

static char *
format_seconds (gint64 seconds)
{
  seconds = MAX (seconds, 0);
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                          (int) (seconds / 60 % 60), (int) (seconds % 60));
}

/* Discussion (D10) ----------------------------------------------------------- */

static GtkWidget *
message_row_new (TandemMessage *message)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *author = gtk_label_new (tandem_message_get_author_name (message));
  g_autofree char *when_text = format_local_time (tandem_message_get_created_at (message));
  GtkWidget *when = gtk_label_new (when_text);
  GtkWidget *body = gtk_label_new (tandem_message_get_body (message));

  gtk_label_set_xalign (GTK_LABEL (author), 0);
  gtk_label_set_ellipsize (GTK_LABEL (author), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (author, TRUE);
  gtk_widget_add_css_class (author, "activity-message-author");
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "caption");
  gtk_box_append (GTK_BOX (header), author);
  gtk_box_append (GTK_BOX (header), when);

  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), body);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
refresh_messages (TandemActivityWindow *self)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = is_saved (self);

  clear_list (self->messages_list);
  gtk_widget_set_visible (GTK_WIDGET (self->messages_list), saved);
  gtk_widget_set_sensitive (GTK_WIDGET (self->message_row), saved);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->message_row)), saved);
  adw_preferences_group_set_description (self->discussion_group,
                                         saved ? _("Between the assigner and the performers")
                                               : _("The discussion opens once the activity is saved"));
  if (!saved)
    return;

  messages = tandem_store_list_messages (self->store, tandem_activity_window_get_id (self), &error);
  if (messages == NULL)
    {
      gtk_label_set_text (self->message_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_error), TRUE);
      return;
    }
  for (guint i = 0; i < messages->len; i++)
    gtk_list_box_append (self->messages_list, message_row_new (g_ptr_array_index (messages, i)));
}

static void
send_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemActivityWindow *self = TANDEM_ACTIVITY_WINDOW (widget);
  g_autofree char *body = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->message_row))));
  g_autoptr(GError) error = NULL;

  if (*body == '\0' || !is_saved (self))
    return;

  if (tandem_store_add_message (self->store, tandem_activity_window_get_id (self), body, &error) == 0)
    {
      /* The store says who may write; the reason shows under the entry. */
      gtk_label_set_text (self->message_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->message_error), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->message_row), "");
  refresh_messages (self);
}

static void
on_message_activated_cb (AdwEntryRow          *row,
                         TandemActivityWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "card.send-message", NULL);
}

/* Reminders (D11) ------------------------------------------------------------ */

static char *
describe_reminder (int minutes)
{
  int n;

  if (minutes <= 0)
    return g_strdup (_("At the start"));
  if (minutes % (24 * 60) == 0)
    {
      n = minutes / (24 * 60);
      return g_strdup_printf (ngettext ("%d day before", "%d days before", n), n);
    }
  if (minutes % 60 == 0)
    {
      n = minutes / 60;
      return g_strdup_printf (ngettext ("%d hour before", "%d hours before", n), n);
    }
  return g_strdup_printf (ngettext ("%d minute before", "%d minutes before", minutes), minutes);
}

static void
on_remove_reminder_clicked_cb (GtkButton            *button,
                               TandemActivityWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (index < self->reminders->len)
    g_array_remove_index (self->reminders, index);
  tandem_activity_window_refresh_reminders (self);
}

void
tandem_activity_window_refresh_reminders (TandemActivityWindow *self)
{
  clear_list (self->reminders_list);
  for (guint i = 0; i < self->reminders->len; i++)
    {
      const TandemReminder *reminder = &g_array_index (self->reminders, TandemReminder, i);
      g_autofree char *title = describe_reminder (reminder->minutes_before);
      g_autofree char *remove_name = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tandem_channel_get_label (reminder->channel));
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "alarm-symbolic");

      /* Translators: accessible name of a button; %s is a reminder such as "15 minutes before" */
      remove_name = g_strdup_printf (_("Remove the reminder “%s”"), title);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the reminder"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_reminder_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->reminders_list, row);
    }
}

static void
add_reminder (TandemActivityWindow *self,
              int                   minutes)
{
  /* Only the notification list and the desktop are set up: e-mail and
   * SMS cannot be chosen in the channel list. */
  TandemReminder reminder = { minutes, TANDEM_CHANNEL_APP };

  for (guint i = 0; i < self->reminders->len; i++)
    {
      const TandemReminder *other = &g_array_index (self->reminders, TandemReminder, i);

      if (other->minutes_before == reminder.minutes_before && other->channel == reminder.channel)
        {
          gtk_menu_button_popdown (self->add_reminder_button);
          return;
        }
    }
  g_array_append_val (self->reminders, reminder);
  tandem_activity_window_refresh_reminders (self);
  gtk_menu_button_popdown (self->add_reminder_button);
}

static void
add_reminder_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  add_reminder (TANDEM_ACTIVITY_WINDOW (widget), g_variant_get_int32 (parameter));
}

static void
add_custom_reminder_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  TandemActivityWindow *self = TANDEM_ACTIVITY_WINDOW (widget);

  gtk_spin_button_update (self->custom_minutes_spin);
  add_reminder (self, gtk_spin_button_get_value_as_int (self->custom_minutes_spin));
}

static void
on_channel_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
on_channel_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  gboolean available = gtk_list_item_get_position (item) == TANDEM_CHANNEL_APP;

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
  gtk_widget_set_sensitive (gtk_list_item_get_child (item), available);
  gtk_list_item_set_selectable (item, available);
  gtk_list_item_set_activatable (item, available);
}

static GtkWidget *
quick_reminder_button (const char *label,
                       int         minutes)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "card.add-reminder");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int32 (minutes));
  return button;
}

static void
build_reminder_popover (TandemActivityWindow *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *channel_label = gtk_label_new_with_mnemonic (_("_Remind by"));
  GtkWidget *custom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *custom_label = gtk_label_new (_("minutes before"));
  GtkWidget *custom_add = gtk_button_new_with_mnemonic (_("_Add"));
  g_autofree char *email = NULL;
  g_autofree char *sms = NULL;

  /* Translators: a reminder channel that nobody has set up; %s is "E-mail" or "SMS" */
  email = g_strdup_printf (_("%s (not configured)"), tandem_channel_get_label (TANDEM_CHANNEL_EMAIL));
  sms = g_strdup_printf (_("%s (not configured)"), tandem_channel_get_label (TANDEM_CHANNEL_SMS));
  gtk_string_list_append (channels, tandem_channel_get_label (TANDEM_CHANNEL_APP));
  gtk_string_list_append (channels, email);
  gtk_string_list_append (channels, sms);
  g_signal_connect (factory, "setup", G_CALLBACK (on_channel_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_channel_bind_cb), NULL);
  self->channel_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (channels)), NULL));
  gtk_drop_down_set_factory (self->channel_dropdown, factory);
  gtk_label_set_mnemonic_widget (GTK_LABEL (channel_label), GTK_WIDGET (self->channel_dropdown));
  gtk_label_set_xalign (GTK_LABEL (channel_label), 0);

  gtk_box_append (GTK_BOX (box), channel_label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->channel_dropdown));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), quick_reminder_button (_("At the start"), 0));
  gtk_box_append (GTK_BOX (box), quick_reminder_button (_("15 minutes before"), 15));
  gtk_box_append (GTK_BOX (box), quick_reminder_button (_("1 hour before"), 60));
  gtk_box_append (GTK_BOX (box), quick_reminder_button (_("1 day before"), 24 * 60));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->custom_minutes_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 60 * 24 * 28, 5));
  gtk_spin_button_set_value (self->custom_minutes_spin, 30);
  gtk_spin_button_set_numeric (self->custom_minutes_spin, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom_minutes_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Minutes before the start"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (custom_add), "card.add-custom-reminder");
  gtk_widget_set_hexpand (custom_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (custom_label), 0);
  gtk_box_append (GTK_BOX (custom), GTK_WIDGET (self->custom_minutes_spin));
  gtk_box_append (GTK_BOX (custom), custom_label);
  gtk_box_append (GTK_BOX (custom), custom_add);
  gtk_box_append (GTK_BOX (box), custom);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->add_reminder_button, popover);
}

/* Stopwatch (D8) ------------------------------------------------------------- */

static void update_stopwatch_labels (TandemActivityWindow *self);

static gboolean
on_tick_cb (gpointer data)
{
  TandemActivityWindow *self = data;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_stopwatch_labels (self);
  return G_SOURCE_CONTINUE;
}

static void
update_stopwatch_labels (TandemActivityWindow *self)
{
  gint64 since_read = (g_get_monotonic_time () - self->tracked_read_at) / G_USEC_PER_SEC;
  g_autofree char *total = format_seconds (self->tracked_seconds + (self->timer_running ? since_read : 0));

  adw_action_row_set_subtitle (self->tracked_row, total);
  if (self->timer_running && self->timer_started)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *running = format_seconds (g_date_time_difference (now, self->timer_started) / G_USEC_PER_SEC);
      /* Translators: %s is a time such as 0:12:05 */
      g_autofree char *subtitle = g_strdup_printf (_("Running for %s"), running);

      adw_action_row_set_subtitle (self->stopwatch_row, subtitle);
    }
}

static void
refresh_stopwatch (TandemActivityWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) started = NULL;
  gint64 id = tandem_activity_window_get_id (self);
  gint64 running;
  gboolean performer;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->timer_started, g_date_time_unref);
  self->timer_running = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->stopwatch_group), id != 0);
  if (id == 0)
    return;

  performer = self->user && tandem_activity_has_performer (self->activity, tandem_user_get_id (self->user));
  running = tandem_store_get_running_timer (self->store, &started, &error);
  if (error)
    {
      adw_action_row_set_subtitle (self->stopwatch_row, error->message);
      g_clear_error (&error);
    }
  self->timer_running = running == id;
  if (self->timer_running)
    self->timer_started = g_steal_pointer (&started);

  self->tracked_seconds = tandem_store_get_tracked_seconds (self->store, id, &error);
  self->tracked_read_at = g_get_monotonic_time ();
  if (error)
    adw_action_row_set_subtitle (self->tracked_row, error->message);

  gtk_button_set_label (self->stopwatch_button, self->timer_running ? _("_Stop") : _("_Start"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->stopwatch_button), performer);
  if (self->timer_running)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->stopwatch_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->stopwatch_button), "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->stopwatch_button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->stopwatch_button), "suggested-action");
    }

  if (!performer)
    adw_action_row_set_subtitle (self->stopwatch_row, _("Only the performers can use the stopwatch"));
  else if (!self->timer_running && running != 0)
    adw_action_row_set_subtitle (self->stopwatch_row, _("Your stopwatch runs on another activity; starting it here stops that one"));
  else if (!self->timer_running)
    adw_action_row_set_subtitle (self->stopwatch_row, _("Not running"));

  update_stopwatch_labels (self);
  if (self->timer_running)
    self->tick_id = g_timeout_add_seconds (1, on_tick_cb, self);
}

static void
toggle_timer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemActivityWindow *self = TANDEM_ACTIVITY_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!is_saved (self))
    return;
  if (self->timer_running)
    ok = tandem_store_stop_timer (self->store, &error);
  else
    ok = tandem_store_start_timer (self->store, tandem_activity_window_get_id (self), &error);
  if (!ok)
    tandem_activity_window_show_error (self, error->message);
  refresh_stopwatch (self);
}

/* Documents (G1) and links (D12) --------------------------------------------- */

static void refresh_attachments (TandemActivityWindow *self);

static void
open_link (TandemActivityWindow *self,
           TandemAttachment     *attachment)
{
  gtk_show_uri (GTK_WINDOW (self), tandem_attachment_get_url (attachment), GDK_CURRENT_TIME);
}

static void
on_open_attachment_clicked_cb (GtkButton            *button,
                               TandemActivityWindow *self)
{
  open_link (self, g_object_get_data (G_OBJECT (button), "attachment"));
}

static void
on_remove_attachment_response_cb (AdwMessageDialog     *dialog,
                                  const char           *response,
                                  TandemActivityWindow *self)
{
  TandemAttachment *attachment = g_object_get_data (G_OBJECT (dialog), "attachment");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove"))
    return;
  if (!tandem_store_delete_attachment (self->store, tandem_attachment_get_id (attachment), &error))
    tandem_activity_window_show_error (self, error->message);
  refresh_attachments (self);
}

static void
on_remove_attachment_clicked_cb (GtkButton            *button,
                                 TandemActivityWindow *self)
{
  TandemAttachment *attachment = g_object_get_data (G_OBJECT (button), "attachment");
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Remove “%s”?"), tandem_attachment_get_title (attachment));
  adw_message_dialog_set_body (dialog, _("The link is removed from the activity for good."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "attachment", g_object_ref (attachment), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_attachment_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
attachment_button (TandemActivityWindow *self,
                   TandemAttachment     *attachment,
                   const char           *icon,
                   const char           *tooltip,
                   const char           *accessible_format,
                   GCallback             callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  g_autofree char *accessible = g_strdup_printf (accessible_format, tandem_attachment_get_title (attachment));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "attachment", g_object_ref (attachment), g_object_unref);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

/* The links; files are documents, in the Documents section. */
static void
refresh_attachments (TandemActivityWindow *self)
{
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = is_saved (self);

  tandem_documents_group_set_parent (self->documents_group, self->store, TANDEM_KIND_ACTIVITY,
                                     tandem_activity_window_get_id (self));

  clear_list (self->attachments_list);
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_list), saved);
  gtk_widget_set_sensitive (self->attach_button, saved);
  adw_preferences_group_set_description (self->files_group,
                                         saved ? NULL : _("Links can be added once the activity is saved"));
  if (!saved)
    return;

  attachments = tandem_store_list_attachments (self->store, tandem_activity_window_get_id (self), &error);
  if (attachments == NULL)
    {
      adw_preferences_group_set_description (self->files_group, error->message);
      return;
    }
  for (guint i = 0; i < attachments->len; i++)
    {
      TandemAttachment *attachment = g_ptr_array_index (attachments, i);
      GtkWidget *row;

      if (tandem_attachment_get_is_file (attachment))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_attachment_get_title (attachment));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tandem_attachment_get_url (attachment));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "insert-link-symbolic");
      /* Translators: accessible names of buttons; %s is a link's title */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 attachment_button (self, attachment, "document-open-symbolic", _("Open"),
                                                    _("Open “%s”"), G_CALLBACK (on_open_attachment_clicked_cb)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 attachment_button (self, attachment, "user-trash-symbolic", _("Remove"),
                                                    _("Remove “%s”"), G_CALLBACK (on_remove_attachment_clicked_cb)));
      gtk_list_box_append (self->attachments_list, row);
    }
}

void
tandem_activity_window_choose_files (TandemActivityWindow *self)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY_WINDOW (self));

  if (!is_saved (self))
    return;
  tandem_documents_group_choose_files (self->documents_group);
}

static char *
normalize_url (const char *text)
{
  g_autofree char *url = g_strstrip (g_strdup (text));

  if (*url == '\0')
    return NULL;
  /* People write "example.com"; browsers need the scheme. */
  if (strstr (url, "://") == NULL && !g_str_has_prefix (url, "mailto:"))
    {
      char *with_scheme = g_strconcat ("https://", url, NULL);

      g_free (url);
      url = with_scheme;
    }
  if (!g_uri_is_valid (url, G_URI_FLAGS_PARSE_RELAXED, NULL) || strchr (url, ' '))
    return NULL;
  return g_steal_pointer (&url);
}

static void
on_link_url_changed_cb (GtkEditable      *url_row,
                        AdwMessageDialog *dialog)
{
  g_autofree char *url = normalize_url (gtk_editable_get_text (url_row));

  adw_message_dialog_set_response_enabled (dialog, "add", url != NULL);
}

static void
on_add_link_response_cb (AdwMessageDialog     *dialog,
                         const char           *response,
                         TandemActivityWindow *self)
{
  GtkEditable *title_row = g_object_get_data (G_OBJECT (dialog), "title-row");
  GtkEditable *url_row = g_object_get_data (G_OBJECT (dialog), "url-row");
  g_autofree char *url = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add"))
    return;
  url = normalize_url (gtk_editable_get_text (url_row));
  title = g_strstrip (g_strdup (gtk_editable_get_text (title_row)));
  if (url == NULL)
    return;
  if (tandem_store_add_activity_link (self->store, tandem_activity_window_get_id (self),
                                      *title ? title : url, url, &error) == 0)
    tandem_activity_window_show_error (self, error->message);
  refresh_attachments (self);
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TandemActivityWindow *self = TANDEM_ACTIVITY_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *title_row = adw_entry_row_new ();
  GtkWidget *url_row = adw_entry_row_new ();

  if (!is_saved (self))
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title_row), _("_Title"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (title_row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (url_row), _("_Web address"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (url_row), TRUE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (url_row), GTK_INPUT_PURPOSE_URL);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (url_row), TRUE);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), url_row);
  gtk_list_box_append (GTK_LIST_BOX (list), title_row);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Add a Link"),
                                                       _("A web page or document that belongs with the activity")));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "title-row", title_row);
  g_object_set_data (G_OBJECT (dialog), "url-row", url_row);
  g_signal_connect_object (url_row, "changed", G_CALLBACK (on_link_url_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_link_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (url_row);
}

/* Shared ------------------------------------------------------------------- */

void
tandem_activity_window_load_extras (TandemActivityWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->message_error), FALSE);
  refresh_messages (self);
  refresh_stopwatch (self);
  refresh_attachments (self);
}

void
tandem_activity_window_init_extras (TandemActivityWindow *self)
{
  gtk_list_box_set_placeholder (self->messages_list, placeholder_label (_("No messages yet")));
  gtk_list_box_set_placeholder (self->reminders_list, placeholder_label (_("No reminders")));
  gtk_list_box_set_placeholder (self->attachments_list, placeholder_label (_("No links yet")));
  /* Files dropped anywhere on the card become its documents (G1). */
  tandem_documents_group_accept_drops_on (self->documents_group, GTK_WIDGET (self->toast_overlay));
  g_signal_connect_object (self->message_row, "entry-activated", G_CALLBACK (on_message_activated_cb), self, 0);
  build_reminder_popover (self);
}

void
tandem_activity_window_class_init_extras (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "card.send-message", NULL, send_message_action);
  gtk_widget_class_install_action (widget_class, "card.add-reminder", "i", add_reminder_action);
  gtk_widget_class_install_action (widget_class, "card.add-custom-reminder", NULL, add_custom_reminder_action);
  gtk_widget_class_install_action (widget_class, "card.toggle-timer", NULL, toggle_timer_action);
  gtk_widget_class_install_action (widget_class, "card.add-link", NULL, add_link_action);
}

void
tandem_activity_window_dispose_extras (TandemActivityWindow *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->timer_started, g_date_time_unref);
}
