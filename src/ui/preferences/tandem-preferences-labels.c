/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPreferencesWindow"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-address-format.h"
#include "tandem-error.h"
#include "tandem-label-template-dialog.h"
#include "tandem-preferences-window-private.h"
#include "tandem-store-labels.h"

/* The Label Sheets page of the preferences window (SPEC I4): the
 * organisation's home country, whose addresses get no country line on
 * labels (administrators choose it, others see it), and the custom label
 * sheets, which anyone may add and their author or an administrator
 * change or delete. */

/* Country names as people read them in their language come from the
 * ISO 3166 translations of the iso-codes package; without them, English. */
#define ISO_3166_DOMAIN "iso_3166-1"

typedef struct
{
  TandemPreferencesWindow *window;   /* owns this */
  TandemStore             *store;
  AdwPreferencesPage      *page;
  gboolean                 is_admin;
  gboolean                 filling;

  AdwComboRow             *country_row;
  GStrv                    country_codes;   /* in the order shown */
  AdwPreferencesGroup     *templates_group;
  GtkWidget               *add_button;
  GPtrArray               *rows;
  GtkWindow               *dialog;          /* weak */
  AdwToast                *toast;           /* the last one shown */
} LabelsPage;

typedef struct
{
  LabelsPage          *self;
  TandemLabelTemplate *template;
} PendingUndo;

#define LABELS_KEY   "tandem-preferences-labels"
#define TEMPLATE_KEY "tandem-label-template"
#define DELETE_KEY   "tandem-delete-button"

/* Helpers */

static LabelsPage *
get_labels (TandemPreferencesWindow *window)
{
  return g_object_get_data (G_OBJECT (window), LABELS_KEY);
}

static void
labels_page_free (gpointer data)
{
  LabelsPage *self = data;

  g_clear_weak_pointer (&self->dialog);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->country_codes, g_strfreev);
  g_clear_object (&self->toast);
  g_clear_object (&self->page);
  g_clear_object (&self->store);
  g_free (self);
}

static void
toast (LabelsPage *self,
       AdwToast   *shown)
{
  g_set_object (&self->toast, shown);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self->window), shown);
}

static AdwToast *
new_toast (const char *title)
{
  /* Toast titles are markup; names and messages are plain text. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  return adw_toast_new (escaped);
}

static const char *
country_name (const char *code)
{
  /* Where ISO 3166 names a country otherwise than people do, its
   * translations are under the ISO name. */
  static const struct
  {
    const char *code;
    const char *iso_name;
  } iso_names[] = {
    { "RU", "Russian Federation" },
    { "TR", "Türkiye" },
    { "TR", "Turkey" },
    { "KR", "Korea, Republic of" },
  };
  const char *english = tandem_country_english_name (code);
  const char *translated;

  if (english == NULL)
    return code;
  translated = g_dgettext (ISO_3166_DOMAIN, english);
  for (guint i = 0; translated == english && i < G_N_ELEMENTS (iso_names); i++)
    if (g_str_equal (iso_names[i].code, code))
      {
        const char *other = g_dgettext (ISO_3166_DOMAIN, iso_names[i].iso_name);

        if (other != iso_names[i].iso_name)
          translated = other;
      }
  return translated;
}

static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  return g_utf8_collate (country_name (*(const char * const *) a), country_name (*(const char * const *) b));
}

static char *
format_mm (double mm)
{
  return g_strdup_printf ("%g", round (mm * 10) / 10);
}

static char *
describe (TandemLabelTemplate *template)
{
  g_autofree char *width = format_mm (tandem_label_template_get_label_width (template));
  g_autofree char *height = format_mm (tandem_label_template_get_label_height (template));
  g_autofree char *page_width = format_mm (tandem_label_template_get_page_width (template));
  g_autofree char *page_height = format_mm (tandem_label_template_get_page_height (template));

  /* Translators: a custom label sheet, e.g. "3 × 8 labels, 70 × 37 mm,
   * on a 210 × 297 mm page" */
  return g_strdup_printf (_("%u × %u labels, %s × %s mm, on a %s × %s mm page"),
                          tandem_label_template_get_columns (template), tandem_label_template_get_rows (template),
                          width, height, page_width, page_height);
}

static void
open_editor (LabelsPage          *self,
             TandemLabelTemplate *template)
{
  GtkWidget *dialog = tandem_label_template_dialog_new (GTK_WINDOW (self->window), self->store, template);

  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Refreshing */

static void
refresh_country (LabelsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = tandem_store_get_home_country (self->store, &error);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; home != NULL && self->country_codes[i] != NULL; i++)
    if (g_str_equal (self->country_codes[i], home))
      selected = i;

  self->filling = TRUE;
  adw_combo_row_set_selected (self->country_row, selected);
  self->filling = FALSE;

  /* Only administrators choose it (SPEC L1); others see it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->country_row), self->is_admin);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->country_row),
                               self->is_admin ? _("Addresses there get no country line on labels")
                                              : _("Addresses there get no country line on labels. "
                                                  "An administrator chooses it."));
}

static void on_edit_clicked_cb   (GtkWidget *row,
                                  gpointer   data);
static void on_delete_clicked_cb (GtkButton *button,
                                  gpointer   data);

static void
refresh_templates (LabelsPage *self)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->templates_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  templates = tandem_store_list_label_templates (self->store, &error);
  if (templates == NULL)
    {
      g_warning ("Could not read the custom label sheets: %s", error->message);
      return;
    }

  if (templates->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No custom label sheets"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The common A4 and Letter sheets are always there"));
      adw_preferences_group_add (self->templates_group, row);
      g_ptr_array_add (self->rows, row);
      return;
    }

  for (guint i = 0; i < templates->len; i++)
    {
      TandemLabelTemplate *template = g_ptr_array_index (templates, i);
      const char *name = tandem_label_template_get_name (template);
      g_autofree char *subtitle = describe (template);
      g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), name);
      g_autofree char *edit_label = g_strdup_printf (_("Edit “%s”"), name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, edit_label);
      g_object_set_data_full (G_OBJECT (row), TEMPLATE_KEY, g_object_ref (template), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (on_edit_clicked_cb), self);

      gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete_button, "flat");
      gtk_widget_set_tooltip_text (delete_button, delete_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label,
                                      -1);
      g_object_set_data_full (G_OBJECT (delete_button), TEMPLATE_KEY, g_object_ref (template), g_object_unref);
      g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);
      g_object_set_data (G_OBJECT (row), DELETE_KEY, delete_button);
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

      adw_preferences_group_add (self->templates_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

/* Callbacks */

static void
on_country_selected_cb (LabelsPage *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->country_row);

  if (self->filling || selected == GTK_INVALID_LIST_POSITION || self->country_codes[selected] == NULL)
    return;
  if (!tandem_store_set_home_country (self->store, self->country_codes[selected], &error))
    {
      toast (self, new_toast (error->message));
      refresh_country (self);
    }
}

static void
on_add_clicked_cb (LabelsPage *self)
{
  open_editor (self, NULL);
}

static void
on_edit_clicked_cb (GtkWidget *row,
                    gpointer   data)
{
  open_editor (data, g_object_get_data (G_OBJECT (row), TEMPLATE_KEY));
}

static void
pending_undo_free (gpointer data,
                   GClosure *closure)
{
  PendingUndo *pending = data;

  g_clear_object (&pending->template);
  g_free (pending);
}

static void
on_undo_clicked_cb (AdwToast    *shown,
                    PendingUndo *pending)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemLabelTemplate) again = tandem_label_template_copy (pending->template);

  /* Back as a new custom sheet with the same numbers and name */
  tandem_label_template_set_custom_id (again, 0);
  if (tandem_store_save_label_template (pending->self->store, again, &error) == 0)
    toast (pending->self, new_toast (error->message));
}

static void
on_delete_clicked_cb (GtkButton *button,
                      gpointer   data)
{
  LabelsPage *self = data;
  TandemLabelTemplate *template = g_object_get_data (G_OBJECT (button), TEMPLATE_KEY);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemLabelTemplate) kept = tandem_label_template_copy (template);
  g_autofree char *title = NULL;
  PendingUndo *pending;
  AdwToast *deleted;

  if (!tandem_store_delete_label_template (self->store, tandem_label_template_get_custom_id (kept), &error))
    {
      toast (self, new_toast (error->message));
      return;
    }

  /* Translators: a toast after a custom label sheet was deleted */
  title = g_strdup_printf (_("“%s” deleted"), tandem_label_template_get_name (kept));
  deleted = new_toast (title);
  adw_toast_set_button_label (deleted, _("_Undo"));
  adw_toast_set_priority (deleted, ADW_TOAST_PRIORITY_HIGH);
  pending = g_new0 (PendingUndo, 1);
  pending->self = self;
  pending->template = g_steal_pointer (&kept);
  g_signal_connect_data (deleted, "button-clicked", G_CALLBACK (on_undo_clicked_cb), pending,
                         pending_undo_free, 0);
  toast (self, deleted);
}

/* Window API */

void
tandem_preferences_window_setup_labels (TandemPreferencesWindow *window,
                                        TandemStore             *store,
                                        AdwPreferencesPage      *page)
{
  LabelsPage *self = g_new0 (LabelsPage, 1);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *codes = tandem_country_list_codes ();
  GtkWidget *country_group = adw_preferences_group_new ();
  GtkWidget *content;

  self->window = window;
  self->store = g_object_ref (store);
  self->page = g_object_ref (page);
  self->rows = g_ptr_array_new ();

  bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");
  self->country_codes = g_strdupv ((char **) codes);
  qsort (self->country_codes, g_strv_length (self->country_codes), sizeof (char *), compare_countries);
  for (guint i = 0; self->country_codes[i] != NULL; i++)
    gtk_string_list_append (names, country_name (self->country_codes[i]));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (country_group), _("Organisation"));
  self->country_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->country_row), _("_Home country"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->country_row), TRUE);
  adw_combo_row_set_model (self->country_row, G_LIST_MODEL (names));
  g_signal_connect_swapped (self->country_row, "notify::selected", G_CALLBACK (on_country_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (country_group), GTK_WIDGET (self->country_row));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (country_group));

  self->templates_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->templates_group, _("Custom Label Sheets"));
  adw_preferences_group_set_description (self->templates_group,
                                         _("Sheets of labels that are not among the common ones, measured "
                                           "from the sheet or taken from its maker’s specification"));
  self->add_button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Sheet…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->add_button, "flat");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->templates_group, self->add_button);
  adw_preferences_page_add (page, self->templates_group);

  g_object_set_data_full (G_OBJECT (window), LABELS_KEY, self, labels_page_free);
}

void
tandem_preferences_window_refresh_labels (TandemPreferencesWindow *window,
                                          gboolean                 is_admin)
{
  LabelsPage *self = get_labels (window);

  g_return_if_fail (self != NULL);

  self->is_admin = is_admin;
  refresh_country (self);
  refresh_templates (self);
}

/* Public API */

GtkWidget *
tandem_preferences_window_get_labels_page (TandemPreferencesWindow *self)
{
  LabelsPage *labels;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  labels = get_labels (self);
  return labels ? GTK_WIDGET (labels->page) : NULL;
}

AdwComboRow *
tandem_preferences_window_get_home_country_row (TandemPreferencesWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return get_labels (self)->country_row;
}

gboolean
tandem_preferences_window_select_home_country (TandemPreferencesWindow *self,
                                               const char              *code)
{
  LabelsPage *labels;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), FALSE);

  labels = get_labels (self);
  for (guint i = 0; labels->country_codes[i] != NULL; i++)
    if (g_str_equal (labels->country_codes[i], code))
      {
        adw_combo_row_set_selected (labels->country_row, i);
        return TRUE;
      }
  return FALSE;
}

GtkWidget *
tandem_preferences_window_get_add_label_sheet_button (TandemPreferencesWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return get_labels (self)->add_button;
}

AdwActionRow *
tandem_preferences_window_find_label_sheet_row (TandemPreferencesWindow *self,
                                                const char              *title)
{
  LabelsPage *labels;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  labels = get_labels (self);
  for (guint i = 0; i < labels->rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (labels->rows, i);

      if (g_object_get_data (G_OBJECT (row), TEMPLATE_KEY) != NULL &&
          g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return ADW_ACTION_ROW (row);
    }
  return NULL;
}

GtkButton *
tandem_preferences_window_get_label_sheet_delete_button (AdwActionRow *row)
{
  return g_object_get_data (G_OBJECT (row), DELETE_KEY);
}

GtkWindow *
tandem_preferences_window_get_label_sheet_dialog (TandemPreferencesWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return get_labels (self)->dialog;
}

AdwToast *
tandem_preferences_window_get_labels_toast (TandemPreferencesWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);
  return get_labels (self)->toast;
}
