/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-document-actions.h"
#include "tandem-window-private.h"

/* One search field for companies, people and notes (SPEC K1). */

#define SEARCH_LIMIT 50

char *
tandem_window_snippet_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *flat = NULL;
  const char *p;

  if (snippet == NULL)
    return g_strdup ("");

  /* A snippet is a glimpse of the text, shown on one flowing line. */
  flat = g_strdelimit (g_strdup (snippet), "\n\r\t", ' ');
  p = flat;

  while (*p)
    {
      const char *start = strstr (p, TANDEM_SEARCH_HIT_MARK_START);
      const char *end;
      g_autofree char *before = NULL;
      g_autofree char *match = NULL;

      if (start == NULL)
        {
          g_autofree char *rest = g_markup_escape_text (p, -1);

          g_string_append (markup, rest);
          break;
        }
      before = g_markup_escape_text (p, start - p);
      g_string_append (markup, before);
      start += strlen (TANDEM_SEARCH_HIT_MARK_START);
      end = strstr (start, TANDEM_SEARCH_HIT_MARK_END);
      match = g_markup_escape_text (start, end ? end - start : -1);
      g_string_append_printf (markup, "<b>%s</b>", match);
      if (end == NULL)
        break;
      p = end + strlen (TANDEM_SEARCH_HIT_MARK_END);
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
setup_hit_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  TandemWindow             *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 2);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_label_set_use_markup (GTK_LABEL (snippet), TRUE);
  gtk_widget_add_css_class (snippet, "caption");
  gtk_widget_set_hexpand (box, TRUE);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), box);
  gtk_list_item_set_child (item, row);
}

static void
bind_hit_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 TandemWindow             *self)
{
  TandemSearchHit *hit = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (row);
  GtkWidget *box = gtk_widget_get_next_sibling (icon);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *snippet = gtk_widget_get_next_sibling (subtitle);
  g_autofree char *markup = tandem_window_snippet_markup (tandem_search_hit_get_snippet (hit));
  g_autofree char *note_on = NULL;
  g_autofree char *document_on = NULL;

  switch (tandem_search_hit_get_kind (hit))
    {
    case TANDEM_KIND_COMPANY:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "network-workgroup-symbolic");
      gtk_label_set_text (GTK_LABEL (subtitle), _("Company"));
      break;
    case TANDEM_KIND_PERSON:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "avatar-default-symbolic");
      gtk_label_set_text (GTK_LABEL (subtitle), _("Person"));
      break;
    case TANDEM_KIND_ACTIVITY:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "x-office-calendar-symbolic");
      if (tandem_search_hit_get_parent_name (hit) != NULL)
        gtk_label_set_text (GTK_LABEL (subtitle), tandem_search_hit_get_parent_name (hit));
      else
        gtk_label_set_text (GTK_LABEL (subtitle), _("Activity"));
      break;
    case TANDEM_KIND_PROJECT:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "folder-symbolic");
      if (tandem_search_hit_get_parent_name (hit) != NULL)
        gtk_label_set_text (GTK_LABEL (subtitle), tandem_search_hit_get_parent_name (hit));
      else
        gtk_label_set_text (GTK_LABEL (subtitle), _("Project"));
      break;
    case TANDEM_KIND_TASK:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "object-select-symbolic");
      if (tandem_search_hit_get_parent_name (hit) != NULL)
        gtk_label_set_text (GTK_LABEL (subtitle), tandem_search_hit_get_parent_name (hit));
      else
        gtk_label_set_text (GTK_LABEL (subtitle), _("Task"));
      break;
    case TANDEM_KIND_DOCUMENT:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "folder-documents-symbolic");
      if (tandem_search_hit_get_parent_name (hit) != NULL)
        {
          /* Translators: a search result: a document on a company, person, project or activity */
          document_on = g_strdup_printf (_("Document on %s"), tandem_search_hit_get_parent_name (hit));
          gtk_label_set_text (GTK_LABEL (subtitle), document_on);
        }
      else
        gtk_label_set_text (GTK_LABEL (subtitle), _("Document"));
      break;
    case TANDEM_KIND_NOTE:
    case TANDEM_KIND_NONE:
    default:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "text-editor-symbolic");
      note_on = g_strdup_printf (_("Note on %s"), tandem_search_hit_get_parent_name (hit)
                                                  ? tandem_search_hit_get_parent_name (hit) : "");
      gtk_label_set_text (GTK_LABEL (subtitle), note_on);
      break;
    }
  gtk_label_set_text (GTK_LABEL (title), tandem_search_hit_get_title (hit));
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_widget_set_visible (snippet, *markup != '\0');
}

static void
on_search_changed_cb (TandemWindow *self)
{
  tandem_window_search_refresh (self);
}

static void
on_search_activate_cb (TandemWindow *self)
{
  /* Enter opens the first result. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0 &&
      g_str_equal (gtk_stack_get_visible_child_name (self->list_stack), "results"))
    g_signal_emit_by_name (self->results_view, "activate", 0);
}

static void
on_search_stop_cb (TandemWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode_changed_cb (TandemWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      tandem_window_search_refresh (self);
    }
}

static void
on_result_activated_cb (TandemWindow *self,
                        guint         position)
{
  g_autoptr(TandemSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (hit == NULL)
    return;
  if (tandem_search_hit_get_kind (hit) == TANDEM_KIND_PROJECT)
    tandem_window_open_project (self, tandem_search_hit_get_id (hit));
  else if (tandem_search_hit_get_kind (hit) == TANDEM_KIND_TASK ||
           (tandem_search_hit_get_kind (hit) == TANDEM_KIND_NOTE &&
            tandem_search_hit_get_parent_kind (hit) == TANDEM_KIND_PROJECT))
    tandem_window_open_project (self, tandem_search_hit_get_parent_id (hit));
  else if (tandem_search_hit_get_kind (hit) == TANDEM_KIND_NOTE)
    tandem_window_open_record (self, tandem_search_hit_get_parent_kind (hit),
                               tandem_search_hit_get_parent_id (hit), tandem_search_hit_get_id (hit));
  else if (tandem_search_hit_get_kind (hit) == TANDEM_KIND_ACTIVITY)
    tandem_window_open_activity (self, tandem_search_hit_get_id (hit), 0);
  else if (tandem_search_hit_get_kind (hit) == TANDEM_KIND_DOCUMENT)
    /* A document found is opened, checked, with its usual application. */
    tandem_document_actions_open (GTK_WIDGET (self), self->store, tandem_search_hit_get_id (hit), 0);
  else
    tandem_window_open_record (self, tandem_search_hit_get_kind (hit), tandem_search_hit_get_id (hit), 0);
}

static void
on_store_changed_cb (TandemWindow *self)
{
  /* Results stay true to what the store holds now. */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->list_stack), "results") ||
      g_str_equal (gtk_stack_get_visible_child_name (self->list_stack), "no-results"))
    tandem_window_search_refresh (self);
}

void
tandem_window_search_refresh (TandemWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (self->results == NULL)
    return;
  if (*stripped == '\0')
    {
      g_list_store_remove_all (self->results);
      gtk_stack_set_visible_child_name (self->list_stack,
                                        g_list_model_get_n_items (tandem_window_get_register_model (self)) == 0
                                        ? "empty" : "register");
      return;
    }

  hits = tandem_store_search (self->store, text, SEARCH_LIMIT, &error);
  if (hits == NULL)
    {
      g_list_store_remove_all (self->results);
      gtk_stack_set_visible_child_name (self->list_stack, "no-results");
      g_warning ("Search failed: %s", error->message);
      return;
    }

  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       hits->pdata, hits->len);
  gtk_stack_set_visible_child_name (self->list_stack, hits->len > 0 ? "results" : "no-results");
}

void
tandem_window_search_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated_cb);
}

void
tandem_window_search_init (TandemWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->results = g_list_store_new (TANDEM_TYPE_SEARCH_HIT);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->results)));

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_hit_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_hit_row_cb), self, 0);
  gtk_list_view_set_factory (self->results_view, factory);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (selection));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
}
