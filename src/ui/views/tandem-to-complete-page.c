/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemToCompletePage"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activity-row.h"
#include "tandem-to-complete-page-private.h"
#include "tandem-views-resources.h"

/* Store changes come in bursts (a save touches several tables); one
 * reload after the burst is enough. */
#define RELOAD_DELAY_MS 100

struct _TandemToCompletePage
{
  AdwBin parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *list_box;

  TandemStore     *store;
  guint            reload_id;
  guint            n_items;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  OPEN_ACTIVITY,
  PLAN_ACTIVITY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemToCompletePage, tandem_to_complete_page, ADW_TYPE_BIN)

static gboolean
on_reload_timeout_cb (gpointer data)
{
  TandemToCompletePage *self = data;

  self->reload_id = 0;
  tandem_to_complete_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (TandemToCompletePage *self,
                     int                   kind,
                     gint64                id,
                     TandemStore          *store)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
}

static void
on_row_activated_cb (TandemToCompletePage *self,
                     GtkListBoxRow        *row,
                     GtkListBox           *list_box)
{
  if (!TANDEM_IS_ACTIVITY_ROW (row))
    return;
  g_signal_emit (self, signals[OPEN_ACTIVITY], 0,
                 tandem_activity_row_get_activity_id (TANDEM_ACTIVITY_ROW (row)),
                 tandem_activity_row_get_recurrence_id (TANDEM_ACTIVITY_ROW (row)));
}

static void
tandem_to_complete_page_constructed (GObject *object)
{
  TandemToCompletePage *self = TANDEM_TO_COMPLETE_PAGE (object);

  G_OBJECT_CLASS (tandem_to_complete_page_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  tandem_to_complete_page_reload (self);
}

static void
tandem_to_complete_page_dispose (GObject *object)
{
  TandemToCompletePage *self = TANDEM_TO_COMPLETE_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  /* The bound toast overlay is the bin's own child: the bin lets go of
   * it first, or disposing the template would unparent it behind the
   * bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_TO_COMPLETE_PAGE);

  G_OBJECT_CLASS (tandem_to_complete_page_parent_class)->dispose (object);
}

static void
tandem_to_complete_page_finalize (GObject *object)
{
  TandemToCompletePage *self = TANDEM_TO_COMPLETE_PAGE (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_to_complete_page_parent_class)->finalize (object);
}

static void
tandem_to_complete_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TandemToCompletePage *self = TANDEM_TO_COMPLETE_PAGE (object);

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
tandem_to_complete_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TandemToCompletePage *self = TANDEM_TO_COMPLETE_PAGE (object);

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
tandem_to_complete_page_class_init (TandemToCompletePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_to_complete_page_constructed;
  object_class->dispose = tandem_to_complete_page_dispose;
  object_class->finalize = tandem_to_complete_page_finalize;
  object_class->get_property = tandem_to_complete_page_get_property;
  object_class->set_property = tandem_to_complete_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_ACTIVITY] =
    g_signal_new ("open-activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[PLAN_ACTIVITY] =
    g_signal_new ("plan-activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT64, G_TYPE_DATE_TIME);

  /* Links the templates in, also from the static library. */
  (void) tandem_views_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/views/tandem-to-complete-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemToCompletePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemToCompletePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemToCompletePage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
tandem_to_complete_page_init (TandemToCompletePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tandem_to_complete_page_new (TandemStore *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  return g_object_new (TANDEM_TYPE_TO_COMPLETE_PAGE, "store", store, NULL);
}

TandemStore *
tandem_to_complete_page_get_store (TandemToCompletePage *self)
{
  g_return_val_if_fail (TANDEM_IS_TO_COMPLETE_PAGE (self), NULL);
  return self->store;
}

void
tandem_to_complete_page_reload (TandemToCompletePage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *old;

  g_return_if_fail (TANDEM_IS_TO_COMPLETE_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  while ((old = gtk_list_box_get_row_at_index (self->list_box, 0)))
    gtk_list_box_remove (self->list_box, GTK_WIDGET (old));
  self->n_items = 0;

  if (tandem_store_get_user (self->store) != NULL)
    {
      activities = tandem_store_list_to_complete (self->store, &error);
      if (activities == NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }

  categories = tandem_activity_row_load_categories (self->store);
  for (guint i = 0; activities && i < activities->len; i++)
    {
      TandemActivity *activity = g_ptr_array_index (activities, i);
      GtkWidget *row = tandem_activity_row_new_for_activity (activity, categories, now);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->list_box, row);
      self->n_items++;
    }
  gtk_stack_set_visible_child_name (self->stack, self->n_items > 0 ? "list" : "empty");
}

guint
tandem_to_complete_page_get_n_items (TandemToCompletePage *self)
{
  g_return_val_if_fail (TANDEM_IS_TO_COMPLETE_PAGE (self), 0);
  return self->n_items;
}

GtkListBox *
tandem_to_complete_page_get_list_box (TandemToCompletePage *self)
{
  g_return_val_if_fail (TANDEM_IS_TO_COMPLETE_PAGE (self), NULL);
  return self->list_box;
}
