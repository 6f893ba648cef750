/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemRecordPicker"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-record-picker.h"

#define MAX_RESULTS 20

struct _TandemRecordPicker
{
  AdwActionRow    parent_instance;

  GtkMenuButton  *choose_button;
  GtkButton      *clear_button;
  GtkSearchEntry *search_entry;
  GtkListBox     *results;
  GtkLabel       *status_label;

  TandemStore    *store;
  TandemKind      kind;
  gint64          id;
  guint           n_results;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemRecordPicker, tandem_record_picker, ADW_TYPE_ACTION_ROW)

static void
add_result (TandemRecordPicker *self,
            TandemKind          kind,
            gint64              id,
            const char         *name,
            const char         *detail)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (kind == TANDEM_KIND_COMPANY ? "network-workgroup-symbolic"
                                                                              : "avatar-default-symbolic");
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *subtitle = gtk_label_new (detail);
  g_autofree char *accessible = g_strdup_printf ("%s, %s", name, detail);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data_full (G_OBJECT (row), "name", g_strdup (name), g_free);
  gtk_list_box_append (self->results, row);
  self->n_results++;
}

static void
clear_results (TandemRecordPicker *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))))
    gtk_list_box_remove (self->results, child);
  self->n_results = 0;
}

static void
show_status (TandemRecordPicker *self,
             const char         *text)
{
  gtk_label_set_text (self->status_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

static void
refresh_results (TandemRecordPicker *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  clear_results (self);
  if (self->store == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  if (*text == '\0')
    {
      /* Before anything is typed: the first companies, as a start. */
      g_autoptr(GPtrArray) companies = tandem_store_list_page (self->store, TANDEM_KIND_COMPANY, NULL, 0, 0,
                                                               MAX_RESULTS, &error);

      if (companies == NULL)
        {
          show_status (self, error->message);
          return;
        }
      for (guint i = 0; i < companies->len; i++)
        {
          TandemRecord *record = g_ptr_array_index (companies, i);

          add_result (self, TANDEM_KIND_COMPANY, tandem_record_get_id (record),
                      tandem_record_get_title (record), _("Company"));
        }
      show_status (self, companies->len == 0 ? _("No companies yet") : NULL);
    }
  else
    {
      /* Notes match too; ask for more than are shown. */
      g_autoptr(GPtrArray) hits = tandem_store_search (self->store, text, MAX_RESULTS * 3, &error);

      if (hits == NULL)
        {
          show_status (self, error->message);
          return;
        }
      for (guint i = 0; i < hits->len && self->n_results < MAX_RESULTS; i++)
        {
          TandemSearchHit *hit = g_ptr_array_index (hits, i);
          TandemKind kind = tandem_search_hit_get_kind (hit);
          gint64 id = tandem_search_hit_get_id (hit);

          if (kind == TANDEM_KIND_COMPANY)
            add_result (self, kind, id, tandem_search_hit_get_title (hit), _("Company"));
          else if (kind == TANDEM_KIND_PERSON)
            {
              g_autoptr(TandemPerson) person = tandem_store_get_person (self->store, id, NULL);
              const char *company = person ? tandem_person_get_company_name (person) : NULL;
              g_autofree char *detail = NULL;

              if (company && *company)
                /* Translators: a person in the search results of "Linked to"; %s is the company */
                detail = g_strdup_printf (_("Person at %s"), company);
              else
                detail = g_strdup (_("Person"));
              add_result (self, kind, id, tandem_search_hit_get_title (hit), detail);
            }
        }
      show_status (self, self->n_results == 0 ? _("No company or person found") : NULL);
    }
}

static void
update_display (TandemRecordPicker *self,
                const char         *name)
{
  gboolean linked = self->kind != TANDEM_KIND_NONE && self->id != 0;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), linked && name ? name : _("Nothing"));
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), linked);
  gtk_menu_button_set_label (self->choose_button, linked ? _("_Change…") : _("_Choose…"));
}

static void
on_search_changed_cb (GtkSearchEntry     *entry,
                      TandemRecordPicker *self)
{
  refresh_results (self);
}

static void
on_row_activated_cb (GtkListBox         *box,
                     GtkListBoxRow      *row,
                     TandemRecordPicker *self)
{
  TandemKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "id");
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (row), "name"));

  gtk_menu_button_popdown (self->choose_button);
  tandem_record_picker_choose (self, kind, id, name);
}

static void
on_search_activate_cb (GtkSearchEntry     *entry,
                       TandemRecordPicker *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);

  if (first)
    on_row_activated_cb (self->results, first, self);
}

static void
on_stop_search_cb (GtkSearchEntry     *entry,
                   TandemRecordPicker *self)
{
  gtk_menu_button_popdown (self->choose_button);
}

static void
on_popover_show_cb (GtkPopover         *popover,
                    TandemRecordPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  refresh_results (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_clear_clicked_cb (GtkButton          *button,
                     TandemRecordPicker *self)
{
  tandem_record_picker_choose (self, TANDEM_KIND_NONE, 0, NULL);
}

static void
tandem_record_picker_dispose (GObject *object)
{
  TandemRecordPicker *self = TANDEM_RECORD_PICKER (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_record_picker_parent_class)->dispose (object);
}

static void
tandem_record_picker_class_init (TandemRecordPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_record_picker_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tandem_record_picker_init (TandemRecordPicker *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  g_object_set (self->search_entry, "placeholder-text", _("Search companies and people"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search companies and people"), -1);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self, 0);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self, 0);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (on_stop_search_cb), self, 0);

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->results, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Companies and people found"), -1);
  g_signal_connect_object (self->results, "row-activated", G_CALLBACK (on_row_activated_cb), self, 0);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->results));

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->status_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->status_label), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);

  gtk_widget_set_size_request (box, 260, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show_cb), self, 0);

  self->choose_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_use_underline (self->choose_button, TRUE);
  gtk_menu_button_set_popover (self->choose_button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->choose_button), GTK_ALIGN_CENTER);

  self->clear_button = GTK_BUTTON (gtk_button_new_from_icon_name ("edit-clear-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->clear_button), "flat");
  gtk_widget_set_valign (GTK_WIDGET (self->clear_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->clear_button), _("Remove the link"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the link"), -1);
  g_signal_connect_object (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked_cb), self, 0);

  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (self->clear_button));
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (self->choose_button));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->choose_button));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  update_display (self, NULL);
}

GtkWidget *
tandem_record_picker_new (void)
{
  return g_object_new (TANDEM_TYPE_RECORD_PICKER, NULL);
}

void
tandem_record_picker_set_store (TandemRecordPicker *self,
                                TandemStore        *store)
{
  g_return_if_fail (TANDEM_IS_RECORD_PICKER (self));
  g_set_object (&self->store, store);
}

void
tandem_record_picker_set_record (TandemRecordPicker *self,
                                 TandemKind          kind,
                                 gint64              id,
                                 const char         *name)
{
  g_return_if_fail (TANDEM_IS_RECORD_PICKER (self));

  self->kind = id ? kind : TANDEM_KIND_NONE;
  self->id = self->kind == TANDEM_KIND_NONE ? 0 : id;
  update_display (self, name);
}

void
tandem_record_picker_choose (TandemRecordPicker *self,
                             TandemKind          kind,
                             gint64              id,
                             const char         *name)
{
  g_return_if_fail (TANDEM_IS_RECORD_PICKER (self));

  tandem_record_picker_set_record (self, kind, id, name);
  g_signal_emit (self, signals[CHANGED], 0);
}

TandemKind
tandem_record_picker_get_kind (TandemRecordPicker *self)
{
  g_return_val_if_fail (TANDEM_IS_RECORD_PICKER (self), TANDEM_KIND_NONE);
  return self->kind;
}

gint64
tandem_record_picker_get_id (TandemRecordPicker *self)
{
  g_return_val_if_fail (TANDEM_IS_RECORD_PICKER (self), 0);
  return self->id;
}

GtkEditable *
tandem_record_picker_get_search_entry (TandemRecordPicker *self)
{
  g_return_val_if_fail (TANDEM_IS_RECORD_PICKER (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

guint
tandem_record_picker_get_n_results (TandemRecordPicker *self)
{
  g_return_val_if_fail (TANDEM_IS_RECORD_PICKER (self), 0);
  return self->n_results;
}
