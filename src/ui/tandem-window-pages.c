/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activity-window.h"
#include "tandem-calendar-view.h"
#include "tandem-campaigns-page.h"
#include "tandem-day-plan-page.h"
#include "tandem-documents-page.h"
#include "tandem-groups-page.h"
#include "tandem-notifications-popover.h"
#include "tandem-pipeline-page.h"
#include "tandem-project-window.h"
#include "tandem-projects-page.h"
#include "tandem-reports-page.h"
#include "tandem-seller-view.h"
#include "tandem-start-page.h"
#include "tandem-to-complete-page.h"
#include "tandem-window-private.h"

/*
 * The activity pages of the main window (SPEC D4, D13, D16–D19): Start,
 * Day Plan, Calendar, To Complete and Seller's View, beside the registers
 * of companies and people; and the sales pages (SPEC H, J): Pipeline,
 * Projects and Reports; and every document (SPEC G1). Each page has its own header bar; activity and
 * project cards open in windows of their own.
 */

typedef GtkWidget *(*PageNew) (TandemStore *store);

typedef struct
{
  const char *name;
  const char *title;
  PageNew     create;
  /* The sales pages have their own "New Sale" and "New Project" buttons
   * instead of the header's "Plan Activity". */
  gboolean    sales;
} PageInfo;

static GtkWidget *
new_calendar (TandemStore *store)
{
  return tandem_calendar_view_new (store);
}

static const PageInfo pages[] = {
  { "start",       N_("Start"),          (PageNew) tandem_start_page_new },
  { "day-plan",    N_("Day Plan"),       (PageNew) tandem_day_plan_page_new },
  { "calendar",    N_("Calendar"),       new_calendar },
  { "to-complete", N_("To Complete"),    (PageNew) tandem_to_complete_page_new },
  { "seller",      N_("Seller’s View"),  (PageNew) tandem_seller_view_new },
  { "groups",      N_("Contact Groups"), (PageNew) tandem_groups_page_new, TRUE },
  { "campaigns",   N_("Campaigns"),      (PageNew) tandem_campaigns_page_new, TRUE },
  { "pipeline",    N_("Pipeline"),       (PageNew) tandem_pipeline_page_new, TRUE },
  { "projects",    N_("Projects"),       (PageNew) tandem_projects_page_new, TRUE },
  { "documents",   N_("Documents"),      (PageNew) tandem_documents_page_new, TRUE },
  { "reports",     N_("Reports"),        (PageNew) tandem_reports_page_new, TRUE },
};

static const PageInfo *
find_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return &pages[i];
  return NULL;
}

static GtkListBoxRow *
row_of_page (TandemWindow *self,
             const char   *name)
{
  if (g_strcmp0 (name, "start") == 0)
    return self->start_row;
  if (g_strcmp0 (name, "day-plan") == 0)
    return self->day_plan_row;
  if (g_strcmp0 (name, "calendar") == 0)
    return self->calendar_row;
  if (g_strcmp0 (name, "to-complete") == 0)
    return self->to_complete_row;
  if (g_strcmp0 (name, "seller") == 0)
    return self->seller_row;
  if (g_strcmp0 (name, "groups") == 0)
    return self->groups_row;
  if (g_strcmp0 (name, "campaigns") == 0)
    return self->campaigns_row;
  if (g_strcmp0 (name, "pipeline") == 0)
    return self->pipeline_row;
  if (g_strcmp0 (name, "projects") == 0)
    return self->projects_row;
  if (g_strcmp0 (name, "documents") == 0)
    return self->documents_row;
  if (g_strcmp0 (name, "reports") == 0)
    return self->reports_row;
  return NULL;
}

/* Callbacks ------------------------------------------------------------------ */

static void
on_page_back_clicked_cb (TandemWindow *self)
{
  adw_leaflet_set_visible_child (self->outer_leaflet, self->sidebar_pane);
}

static void
on_activity_deleted_cb (TandemWindow *self,
                        gint64        id)
{
  AdwToast *toast;

  toast = adw_toast_new (_("Activity deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ix)", TANDEM_KIND_ACTIVITY, id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  tandem_window_add_toast (self, toast);
}

static void
on_open_occurrence_cb (TandemWindow *self,
                       gint64        activity_id,
                       gint64        recurrence_id)
{
  tandem_window_open_activity (self, activity_id, recurrence_id);
}

static void
on_calendar_plan_cb (TandemWindow *self,
                     GDateTime    *start,
                     gint64        duration,
                     gint64        user_id)
{
  TandemActivityWindow *card;

  /* Planning in a colleague's column makes them the performer. */
  card = tandem_activity_window_new_planned_for (GTK_WINDOW (self), self->store, TANDEM_KIND_NONE, 0,
                                                 start, duration * G_TIME_SPAN_SECOND, user_id);
  g_signal_connect_object (card, "deleted", G_CALLBACK (on_activity_deleted_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (card));
}

static void
on_plan_activity_cb (TandemWindow *self,
                     int           kind,
                     gint64        id,
                     GDateTime    *start)
{
  tandem_window_plan_activity (self, kind, id, start);
}

static void
on_open_project_cb (TandemWindow *self,
                    gint64        id)
{
  tandem_window_open_project (self, id);
}

static void
on_open_parent_cb (TandemWindow *self,
                   int           kind,
                   gint64        id)
{
  switch (kind)
    {
    case TANDEM_KIND_COMPANY:
    case TANDEM_KIND_PERSON:
      tandem_window_open_record (self, kind, id, 0);
      break;
    case TANDEM_KIND_PROJECT:
      tandem_window_open_project (self, id);
      break;
    case TANDEM_KIND_ACTIVITY:
      tandem_window_open_activity (self, id, 0);
      break;
    default:
      break;
    }
}

static void
on_show_notifications_cb (TandemWindow *self)
{
  /* The bell is in the sidebar: a folded window shows it first. */
  adw_leaflet_set_visible_child (self->outer_leaflet, self->sidebar_pane);
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->notifications_button));
}

/* Pages ---------------------------------------------------------------------- */

static GtkWidget *
build_page (TandemWindow   *self,
            const PageInfo *info)
{
  GtkWidget *box, *header, *back, *plan, *title, *content;

  content = info->create (self->store);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  g_object_bind_property (self->outer_leaflet, "folded", header, "show-start-title-buttons", G_BINDING_SYNC_CREATE);

  back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (back, _("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
  g_object_bind_property (self->outer_leaflet, "folded", back, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (back, "clicked", G_CALLBACK (on_page_back_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);

  if (!info->sales)
    {
      plan = gtk_button_new_from_icon_name ("list-add-symbolic");
      gtk_widget_set_tooltip_text (plan, _("Plan Activity"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (plan), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Plan Activity"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (plan), "win.plan-activity");
      adw_header_bar_pack_start (ADW_HEADER_BAR (header), plan);
    }

  title = adw_window_title_new (_(info->title), NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);

  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);

  if (TANDEM_IS_PIPELINE_PAGE (content) || TANDEM_IS_PROJECTS_PAGE (content))
    g_signal_connect_object (content, "open-project", G_CALLBACK (on_open_project_cb), self, G_CONNECT_SWAPPED);
  else if (TANDEM_IS_DOCUMENTS_PAGE (content))
    g_signal_connect_object (content, "open-parent", G_CALLBACK (on_open_parent_cb), self, G_CONNECT_SWAPPED);
  else if (TANDEM_IS_CALENDAR_VIEW (content))
    {
      g_signal_connect_object (content, "open-occurrence", G_CALLBACK (on_open_occurrence_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (content, "plan", G_CALLBACK (on_calendar_plan_cb), self, G_CONNECT_SWAPPED);
    }
  else if (!TANDEM_IS_REPORTS_PAGE (content) && !TANDEM_IS_GROUPS_PAGE (content) &&
           !TANDEM_IS_CAMPAIGNS_PAGE (content))
    {
      if (TANDEM_IS_START_PAGE (content))
        g_signal_connect_object (content, "show-notifications", G_CALLBACK (on_show_notifications_cb),
                                 self, G_CONNECT_SWAPPED);
      g_signal_connect_object (content, "open-activity", G_CALLBACK (on_open_occurrence_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (content, "plan-activity", G_CALLBACK (on_plan_activity_cb), self, G_CONNECT_SWAPPED);
    }

  g_object_set_data (G_OBJECT (box), "tandem-page-content", content);
  return box;
}

/* Actions -------------------------------------------------------------------- */

static void
plan_activity_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  tandem_window_plan_activity (TANDEM_WINDOW (widget), TANDEM_KIND_NONE, 0, NULL);
}

static void
open_activity_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gint64 id, recurrence_id;

  g_variant_get (parameter, "(xx)", &id, &recurrence_id);
  tandem_window_open_activity (TANDEM_WINDOW (widget), id, recurrence_id);
}

static void
open_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  tandem_window_open_project (TANDEM_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  tandem_window_show_page (TANDEM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Notifications -------------------------------------------------------------- */

static void
update_notifications_button (TandemWindow *self)
{
  guint n_unread = tandem_notifications_popover_get_n_unread (TANDEM_NOTIFICATIONS_POPOVER (self->notifications_popover));
  g_autofree char *count = g_strdup_printf ("%u", n_unread);
  g_autofree char *tooltip = NULL;

  if (n_unread > 0)
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Notifications, %u unread", "Notifications, %u unread", n_unread), n_unread);
  else
    tooltip = g_strdup (_("Notifications"));

  gtk_label_set_text (GTK_LABEL (self->notifications_label), count);
  gtk_widget_set_visible (self->notifications_label, n_unread > 0);
  gtk_widget_set_tooltip_text (self->notifications_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notifications_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

/* Private API ---------------------------------------------------------------- */

void
tandem_window_pages_init (TandemWindow *self)
{
  GtkWidget *box, *icon;

  self->notifications_popover = tandem_notifications_popover_new (self->store);
  g_signal_connect_object (self->notifications_popover, "open-activity",
                           G_CALLBACK (on_open_occurrence_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notifications_popover, "notify::n-unread",
                           G_CALLBACK (update_notifications_button), self, G_CONNECT_SWAPPED);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  icon = gtk_image_new_from_icon_name ("preferences-system-notifications-symbolic");
  self->notifications_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->notifications_label, "notification-count");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), self->notifications_label);

  self->notifications_button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->notifications_button), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->notifications_button), self->notifications_popover);
  adw_header_bar_pack_end (self->sidebar_header, self->notifications_button);

  tandem_notifications_popover_reload (TANDEM_NOTIFICATIONS_POPOVER (self->notifications_popover));
  update_notifications_button (self);
}

void
tandem_window_pages_class_init (GtkWidgetClass *widget_class)
{
  /* Alt+1 … Alt+9, Alt+0 in the sidebar's order */
  static const char * const shortcuts[] = { "start", "day-plan", "calendar", "to-complete", "seller",
                                            "companies", "people", "pipeline", "projects", "reports" };

  gtk_widget_class_install_action (widget_class, "win.plan-activity", NULL, plan_activity_action);
  gtk_widget_class_install_action (widget_class, "win.open-activity", "(xx)", open_activity_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", "x", open_project_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.plan-activity", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_widget_class_add_binding_action (widget_class, i < 9 ? GDK_KEY_1 + i : GDK_KEY_0, GDK_ALT_MASK,
                                         "win.show-page", "s", shortcuts[i]);
}

/* Returns the name of the page @row stands for, or NULL for a register. */
const char *
tandem_window_page_of_row (TandemWindow  *self,
                           GtkListBoxRow *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (row_of_page (self, pages[i].name) == row)
      return pages[i].name;
  return NULL;
}

GtkWidget *
tandem_window_get_page (TandemWindow *self,
                        const char   *name)
{
  const PageInfo *info = find_page (name);
  GtkWidget *page;

  if (info == NULL || self->store == NULL)
    return NULL;

  page = gtk_stack_get_child_by_name (self->content_stack, name);
  if (page == NULL)
    {
      page = build_page (self, info);
      gtk_stack_add_named (self->content_stack, page, name);
    }
  return g_object_get_data (G_OBJECT (page), "tandem-page-content");
}

/* Public API ----------------------------------------------------------------- */

void
tandem_window_show_page (TandemWindow *self,
                         const char   *name)
{
  GtkListBoxRow *row;

  g_return_if_fail (TANDEM_IS_WINDOW (self));

  if (g_strcmp0 (name, "companies") == 0 || g_strcmp0 (name, "people") == 0)
    {
      tandem_window_show_register (self, g_str_equal (name, "people") ? TANDEM_KIND_PERSON : TANDEM_KIND_COMPANY);
      adw_leaflet_set_visible_child (self->outer_leaflet, GTK_WIDGET (self->content_stack));
      return;
    }
  if (tandem_window_get_page (self, name) == NULL)
    return;

  row = row_of_page (self, name);
  self->selecting++;
  if (gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
  self->selecting--;

  gtk_stack_set_visible_child_name (self->content_stack, name);
  adw_leaflet_set_visible_child (self->outer_leaflet, GTK_WIDGET (self->content_stack));
}

const char *
tandem_window_get_visible_page (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

void
tandem_window_reload_notifications (TandemWindow *self)
{
  g_return_if_fail (TANDEM_IS_WINDOW (self));

  tandem_notifications_popover_reload (TANDEM_NOTIFICATIONS_POPOVER (self->notifications_popover));
  update_notifications_button (self);
}

void
tandem_window_open_activity (TandemWindow *self,
                             gint64        activity_id,
                             gint64        recurrence_id)
{
  TandemActivityWindow *card;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TANDEM_IS_WINDOW (self));

  card = tandem_activity_window_new_for_activity (GTK_WINDOW (self), self->store, activity_id,
                                                  recurrence_id, &error);
  if (card == NULL)
    {
      tandem_window_add_toast (self, adw_toast_new (error->message));
      return;
    }
  g_signal_connect_object (card, "deleted", G_CALLBACK (on_activity_deleted_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (card));
}

void
tandem_window_plan_activity (TandemWindow *self,
                             TandemKind    kind,
                             gint64        id,
                             GDateTime    *start)
{
  TandemActivityWindow *card;

  g_return_if_fail (TANDEM_IS_WINDOW (self));

  card = tandem_activity_window_new_planned (GTK_WINDOW (self), self->store, kind, id, start, G_TIME_SPAN_HOUR);
  g_signal_connect_object (card, "deleted", G_CALLBACK (on_activity_deleted_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (card));
}

void
tandem_window_open_project (TandemWindow *self,
                            gint64        project_id)
{
  TandemProjectWindow *card;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TANDEM_IS_WINDOW (self));

  card = tandem_project_window_new (GTK_WINDOW (self), self->store, project_id, &error);
  if (card == NULL)
    {
      tandem_window_add_toast (self, adw_toast_new (error->message));
      return;
    }
  gtk_window_present (GTK_WINDOW (card));
}
