/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC I4 in the Print Labels dialog: the real widgets on a fresh
 * database, the preview drawn to an image and looked at pixel by pixel,
 * the PDF read back with pdftotext. */

#include <math.h>

#include "tandem-label-dialog-private.h"
#include "tandem-label-template-dialog-private.h"
#include "tandem-preferences-window-private.h"
#include "tandem-store-labels.h"
#include "tandem-store-campaigns.h"
#include "tandem-store-groups.h"
#include "tandem-window.h"
#include "ui-test-util.h"

#define PREVIEW_WIDTH  600
#define PREVIEW_HEIGHT 848

typedef struct
{
  gint64 mailing;        /* the shipped "Mailing list" group */
  gint64 do_not_contact; /* the shipped "Do not contact" group */
  gint64 acme;           /* Helsinki, mailing list */
  gint64 lodz;           /* Łódź, mailing list and do not contact */
  gint64 svensson;       /* Stockholm, mailing list */
  gint64 pekka;          /* at Acme, mailing list */
  gint64 gone;           /* mailing list, then deleted */
} Seed;

static gint64
find_group (UiFixture  *fixture,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemContactGroup) group = tandem_store_find_contact_group (fixture->store, name, &error);

  g_assert_no_error (error);
  return tandem_contact_group_get_id (group);
}

static gint64
add_company (UiFixture  *fixture,
             const char *name,
             const char *street,
             const char *postcode,
             const char *city,
             const char *country)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) company = tandem_company_new (name);
  gint64 id;

  g_object_set (company, "visit-street", street, "visit-postcode", postcode, "visit-city", city,
                "visit-country", country, NULL);
  id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);
  return id;
}

static void
put_in (UiFixture  *fixture,
        gint64      group,
        TandemKind  kind,
        gint64      id)
{
  g_autoptr(GError) error = NULL;
  TandemContactRef ref = { kind, id };

  g_assert_cmpuint (tandem_store_add_to_group (fixture->store, group, &ref, 1, &error), ==, 1);
  g_assert_no_error (error);
}

static void
seed (UiFixture *fixture,
      Seed      *s)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemPerson) pekka = tandem_person_new ("Pekka Virtanen");

  s->mailing = find_group (fixture, "Mailing list");
  s->do_not_contact = find_group (fixture, "Do not contact");
  s->acme = add_company (fixture, "Acme Oy", "Tehdaskatu 1", "33100", "Tampere", "FI");
  s->lodz = add_company (fixture, "Łódź Tools sp. z o.o.", "ul. Piotrkowska 1", "90-001", "Łódź", "PL");
  s->svensson = add_company (fixture, "Svensson AB", "Drottninggatan 5", "111 21", "Stockholm", "SE");
  s->gone = add_company (fixture, "Gone Oy", "Poistotie 1", "02100", "Espoo", "FI");
  g_object_set (pekka, "company-id", s->acme, NULL);
  s->pekka = tandem_store_save_person (fixture->store, pekka, &error);
  g_assert_no_error (error);

  put_in (fixture, s->mailing, TANDEM_KIND_COMPANY, s->acme);
  put_in (fixture, s->mailing, TANDEM_KIND_COMPANY, s->lodz);
  put_in (fixture, s->mailing, TANDEM_KIND_COMPANY, s->svensson);
  put_in (fixture, s->mailing, TANDEM_KIND_PERSON, s->pekka);
  put_in (fixture, s->mailing, TANDEM_KIND_COMPANY, s->gone);
  put_in (fixture, s->do_not_contact, TANDEM_KIND_COMPANY, s->lodz);
  /* A deleted company leaves no label and no trace */
  g_assert_true (tandem_store_delete (fixture->store, TANDEM_KIND_COMPANY, s->gone, &error));
  g_assert_no_error (error);
}

static gint64
add_campaign (UiFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemSavedSearch) search = tandem_saved_search_new ("On the mailing list", TANDEM_KIND_COMPANY);
  g_autoptr(TandemCampaign) campaign = tandem_campaign_new ("Spring mailing");
  gint64 search_id, campaign_id;

  tandem_saved_search_add_criterion (search, "group", "in", "Mailing list");
  tandem_saved_search_set_shared (search, TRUE);
  search_id = tandem_store_save_saved_search (fixture->store, search, &error);
  g_assert_no_error (error);
  tandem_campaign_set_search_id (campaign, search_id);
  campaign_id = tandem_store_save_campaign (fixture->store, campaign, &error);
  g_assert_no_error (error);
  return campaign_id;
}

static TandemLabelDialog *
open_for_campaign (UiFixture *fixture,
                   gint64     campaign_id)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = tandem_label_dialog_new_for_campaign (NULL, fixture->store, campaign_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_iterate ();
  g_assert_true (tandem_label_dialog_select_template (TANDEM_LABEL_DIALOG (dialog), "a4-3x7-63.5x38.1"));
  ui_iterate ();
  return TANDEM_LABEL_DIALOG (dialog);
}

/* The preview as an image */
static cairo_surface_t *
render_preview (TandemLabelDialog *dialog)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, PREVIEW_WIDTH, PREVIEW_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  /* The window's background, dark, to see that the paper is white */
  cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  cairo_paint (cr);
  tandem_label_preview_draw (tandem_label_dialog_get_preview (dialog), cr, PREVIEW_WIDTH, PREVIEW_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

typedef struct
{
  guint dark;    /* text */
  guint white;   /* paper */
  guint shaded;  /* a used label */
} Pixels;

/* What is inside label @position (0-based), its outline left out */
static Pixels
label_pixels (TandemLabelDialog *dialog,
              cairo_surface_t   *surface,
              guint              position)
{
  graphene_rect_t area;
  Pixels pixels = { 0, };
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_true (tandem_label_preview_get_label_area (tandem_label_dialog_get_preview (dialog), position,
                                                      PREVIEW_WIDTH, PREVIEW_HEIGHT, &area));
  for (int y = (int) ceil (area.origin.y) + 3; y < (int) (area.origin.y + area.size.height) - 3; y++)
    for (int x = (int) ceil (area.origin.x) + 3; x < (int) (area.origin.x + area.size.width) - 3; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + x * 4);
        guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;
        guint grey = (r + g + b) / 3;

        if (grey < 110)
          pixels.dark++;
        else if (grey >= 250)
          pixels.white++;
        else if (grey >= 220 && grey <= 240)
          pixels.shaded++;
      }
  return pixels;
}

static const char *
row_title (AdwActionRow *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/* From a campaign: the preview shows the addresses from the first label
 * on, in white paper in any style; a later start label shades the used
 * ones and moves the first address there (I4). */
static void
test_campaign_preview_start_at_I4 (UiFixture     *fixture,
                                   gconstpointer  data)
{
  Seed s;
  TandemLabelDialog *dialog;
  cairo_surface_t *surface;
  Pixels first, last, fifth;

  seed (fixture, &s);
  dialog = open_for_campaign (fixture, add_campaign (fixture));

  /* Acme, Svensson; Łódź is in Do not contact; Gone Oy is deleted. */
  g_assert_cmpuint (tandem_label_dialog_get_n_labels (dialog), ==, 2);
  g_assert_cmpstr (row_title (tandem_label_dialog_get_count_row (dialog)), ==, "2 labels");
  g_assert_cmpstr (adw_action_row_get_subtitle (tandem_label_dialog_get_count_row (dialog)), ==, "1 sheet");
  g_assert_cmpuint (tandem_label_dialog_get_n_pages (dialog), ==, 1);
  g_assert_null (ui_find_label (GTK_WIDGET (dialog), "Gone Oy"));

  surface = render_preview (dialog);
  first = label_pixels (dialog, surface, 0);
  last = label_pixels (dialog, surface, 20);
  g_assert_cmpuint (first.dark, >, 50);
  g_assert_cmpuint (last.dark, ==, 0);
  g_assert_cmpuint (last.white, >, 1000);
  cairo_surface_destroy (surface);

  /* Start at label 5: labels 1 to 4 are shaded as used, 5 has the
   * first address. */
  gtk_spin_button_set_value (tandem_label_dialog_get_start_spin (dialog), 5);
  ui_iterate ();
  surface = render_preview (dialog);
  first = label_pixels (dialog, surface, 0);
  fifth = label_pixels (dialog, surface, 4);
  g_assert_cmpuint (first.dark, ==, 0);
  g_assert_cmpuint (first.shaded, >, 1000);
  g_assert_cmpuint (fifth.dark, >, 50);
  cairo_surface_destroy (surface);

  /* The grid of the sheet's labels chooses the start label too. */
  g_signal_emit_by_name (tandem_label_dialog_get_start_button (dialog, 20), "clicked");
  ui_iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (tandem_label_dialog_get_start_spin (dialog)), ==, 21);
  g_assert_cmpuint (tandem_label_dialog_get_n_pages (dialog), ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (tandem_label_dialog_get_count_row (dialog)), ==, "2 sheets");

  /* And so does a click on a label in the preview. */
  g_signal_emit_by_name (tandem_label_dialog_get_preview (dialog), "label-activated", 2u);
  ui_iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (tandem_label_dialog_get_start_spin (dialog)), ==, 3);
}

/* Do not contact is left out by default and counted; the switch puts
 * them back (I4). */
static void
test_do_not_contact_switch_I4 (UiFixture     *fixture,
                               gconstpointer  data)
{
  Seed s;
  TandemLabelDialog *dialog;
  GtkSwitch *dnc;

  seed (fixture, &s);
  dialog = open_for_campaign (fixture, add_campaign (fixture));
  dnc = tandem_label_dialog_get_dnc_switch (dialog);

  g_assert_false (gtk_switch_get_active (dnc));
  g_assert_cmpstr (adw_action_row_get_subtitle (tandem_label_dialog_get_dnc_row (dialog)), ==,
                   "1 contact in Do not contact is left out");
  g_assert_cmpstr (row_title (tandem_label_dialog_get_count_row (dialog)), ==, "2 labels");

  gtk_switch_set_active (dnc, TRUE);
  ui_iterate ();
  g_assert_cmpstr (row_title (tandem_label_dialog_get_count_row (dialog)), ==, "3 labels");
  g_assert_cmpstr (adw_action_row_get_subtitle (tandem_label_dialog_get_dnc_row (dialog)), ==,
                   "1 contact in Do not contact is included");

  gtk_switch_set_active (dnc, FALSE);
  ui_iterate ();
  g_assert_cmpstr (row_title (tandem_label_dialog_get_count_row (dialog)), ==, "2 labels");
}

static char *
pdf_text (const char *path,
          gboolean    bbox)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", bbox ? "-bbox" : "-layout", path, "-", NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GError **error = data;

  tandem_label_dialog_export_pdf_finish (TANDEM_LABEL_DIALOG (source), result, error);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static gboolean
is_set (gpointer data)
{
  return *(GError **) data != NULL;
}

static gboolean
has_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext is not installed");
  return path != NULL;
}

/* A selection exported as a PDF through what Export PDF… runs: the names
 * are in it in order, a deleted company is not, and a toast names the
 * file (I4). */
static void
test_selection_export_pdf_I4 (UiFixture     *fixture,
                              gconstpointer  data)
{
  Seed s;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  TandemLabelDialog *dialog;
  TandemContactRef refs[3];

  if (!has_pdftotext ())
    return;
  seed (fixture, &s);
  refs[0] = (TandemContactRef) { TANDEM_KIND_COMPANY, s.svensson };
  refs[1] = (TandemContactRef) { TANDEM_KIND_PERSON, s.pekka };
  refs[2] = (TandemContactRef) { TANDEM_KIND_COMPANY, s.gone };
  {
    TandemRecipientQuery query = { .refs = refs, .n_refs = G_N_ELEMENTS (refs) };

    dialog = TANDEM_LABEL_DIALOG (tandem_label_dialog_new_for_query (NULL, fixture->store, &query,
                                                                     "3 selected contacts"));
  }
  /* The dialog has its own copy of the selection. */
  memset (refs, 0, sizeof refs);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_iterate ();
  g_assert_cmpuint (tandem_label_dialog_get_n_labels (dialog), ==, 2);

  path = g_build_filename (fixture->dir, "labels.pdf", NULL);
  file = g_file_new_for_path (path);
  tandem_label_dialog_export_pdf (dialog, file, on_exported_cb, &error);
  g_assert_true (ui_wait_for (is_set, &error, 10000));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpstr (tandem_label_dialog_get_toast_title (dialog), ==, "2 labels saved as “labels.pdf”");

  text = pdf_text (path, FALSE);
  g_assert_nonnull (strstr (text, "Svensson AB"));
  g_assert_nonnull (strstr (text, "SWEDEN"));
  g_assert_nonnull (strstr (text, "Pekka Virtanen"));
  g_assert_nonnull (strstr (text, "Acme Oy"));
  g_assert_true (strstr (text, "Svensson AB") < strstr (text, "Acme Oy"));
  g_assert_null (strstr (text, "Gone Oy"));
  g_assert_null (tandem_label_dialog_get_error_text (dialog));
}

/* A PDF that cannot be written says why, and what was at the path stays
 * as it was (I4). */
static void
test_export_error_keeps_file_I4 (UiFixture     *fixture,
                                 gconstpointer  data)
{
  Seed s;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  TandemLabelDialog *dialog;

  seed (fixture, &s);
  dialog = open_for_campaign (fixture, add_campaign (fixture));
  path = g_build_filename (fixture->dir, "no-such-folder", "labels.pdf", NULL);
  file = g_file_new_for_path (path);
  tandem_label_dialog_export_pdf (dialog, file, on_exported_cb, &error);
  g_assert_true (ui_wait_for (is_set, &error, 10000));
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS));
  g_assert_nonnull (tandem_label_dialog_get_error_text (dialog));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The x of the first word @word in pdftotext -bbox output, in points */
static double
word_x (const char *bbox,
        const char *word)
{
  g_autofree char *needle = g_strdup_printf (">%s</word>", word);
  const char *end = strstr (bbox, needle);
  const char *start;

  g_assert_nonnull (end);
  for (start = end; start > bbox && !g_str_has_prefix (start, "<word "); start--)
    ;
  start = strstr (start, "xMin=\"");
  g_assert_nonnull (start);
  return g_ascii_strtod (start + 6, NULL);
}

/* What goes to the printer is moved by the printer's offset; the test
 * sheet numbers the labels (I4). */
static void
test_print_offset_and_test_sheet_I4 (UiFixture     *fixture,
                                     gconstpointer  data)
{
  Seed s;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *test = NULL;
  g_autofree char *plain_text = NULL;
  g_autofree char *moved_text = NULL;
  g_autofree char *test_text = NULL;
  TandemLabelDialog *dialog;
  double shift;

  if (!has_pdftotext ())
    return;
  seed (fixture, &s);
  dialog = open_for_campaign (fixture, add_campaign (fixture));
  plain = g_build_filename (fixture->dir, "plain.pdf", NULL);
  moved = g_build_filename (fixture->dir, "moved.pdf", NULL);
  test = g_build_filename (fixture->dir, "test.pdf", NULL);

  g_assert_true (tandem_label_dialog_print_to_file (dialog, FALSE, plain, &error));
  g_assert_no_error (error);
  gtk_spin_button_set_value (tandem_label_dialog_get_offset_spin (dialog, FALSE), 2.0);
  gtk_spin_button_set_value (tandem_label_dialog_get_offset_spin (dialog, TRUE), -1.0);
  g_assert_true (tandem_label_dialog_print_to_file (dialog, FALSE, moved, &error));
  g_assert_no_error (error);

  plain_text = pdf_text (plain, TRUE);
  moved_text = pdf_text (moved, TRUE);
  /* 2 mm is 5.67 points */
  shift = word_x (moved_text, "Acme") - word_x (plain_text, "Acme");
  g_assert_cmpfloat_with_epsilon (shift, 2.0 / 25.4 * 72, 0.2);
  /* The first label starts 7.25 mm from the left: the text is on it */
  g_assert_cmpfloat (word_x (plain_text, "Acme"), >, 7.25 / 25.4 * 72);
  g_assert_cmpfloat (word_x (plain_text, "Acme"), <, (7.25 + 10) / 25.4 * 72);

  g_assert_true (tandem_label_dialog_print_to_file (dialog, TRUE, test, &error));
  g_assert_no_error (error);
  test_text = pdf_text (test, FALSE);
  g_assert_nonnull (strstr (test_text, "21"));
  g_assert_nonnull (strstr (test_text, "Offset 2.0 mm right, -1.0 mm down"));
}

/* The main window's action opens the dialog for a campaign, under its
 * name; a campaign that is not there opens nothing (I4). */
static void
test_window_action_I4 (UiFixture     *fixture,
                       gconstpointer  data)
{
  Seed s;
  TandemWindow *window;
  GtkWidget *dialog;
  gint64 campaign_id;

  seed (fixture, &s);
  campaign_id = add_campaign (fixture);
  window = tandem_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-labels", "x", campaign_id + 100));
  ui_iterate ();
  g_assert_null (ui_find_toplevel (TANDEM_TYPE_LABEL_DIALOG));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-labels", "x", campaign_id));
  ui_iterate ();
  dialog = ui_find_toplevel (TANDEM_TYPE_LABEL_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_nonnull (ui_find_label (dialog, "Spring mailing"));
  g_assert_cmpuint (tandem_label_dialog_get_n_labels (TANDEM_LABEL_DIALOG (dialog)), ==, 2);
}

static guint
count_custom_templates (UiFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = tandem_store_list_label_templates (fixture->store, &error);

  g_assert_no_error (error);
  return templates->len;
}

static TandemLabelTemplateDialog *
open_template_editor (TandemPreferencesWindow *window)
{
  g_signal_emit_by_name (tandem_preferences_window_get_add_label_sheet_button (window), "clicked");
  ui_iterate ();
  g_assert_nonnull (tandem_preferences_window_get_label_sheet_dialog (window));
  return TANDEM_LABEL_TEMPLATE_DIALOG (tandem_preferences_window_get_label_sheet_dialog (window));
}

static gboolean
editor_closed (gpointer data)
{
  return tandem_preferences_window_get_label_sheet_dialog (data) == NULL;
}

/* Custom label sheets in Preferences: labels that do not fit say so
 * inline and nothing is saved; a sheet that fits is saved, listed, offered
 * in Print Labels, deleted with Undo; a taken name is refused inline (I4). */
static void
test_custom_template_preferences_I4 (UiFixture     *fixture,
                                     gconstpointer  data)
{
  TandemPreferencesWindow *window = tandem_preferences_window_new (NULL, fixture->store);
  TandemLabelTemplateDialog *editor;
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *custom_id = NULL;
  AdwActionRow *row;
  Seed s;
  TandemLabelDialog *dialog;

  seed (fixture, &s);
  gtk_window_present (GTK_WINDOW (window));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "labels");
  ui_iterate ();
  g_assert_nonnull (tandem_preferences_window_get_labels_page (window));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), "No custom label sheets"));

  editor = open_template_editor (window);
  gtk_editable_set_text (GTK_EDITABLE (tandem_label_template_dialog_get_name_row (editor)), "Shop labels");
  gtk_spin_button_set_value (tandem_label_template_dialog_get_spin (editor, "columns"), 3);
  gtk_spin_button_set_value (tandem_label_template_dialog_get_spin (editor, "rows"), 9);
  ui_iterate ();
  g_assert_nonnull (tandem_label_template_dialog_get_message (editor));
  g_assert_nonnull (strstr (tandem_label_template_dialog_get_message (editor), "do not fit down the page"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (editor), "do not fit down the page"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.save", NULL);
  ui_iterate ();
  g_assert_true (tandem_preferences_window_get_label_sheet_dialog (window) == GTK_WINDOW (editor));
  g_assert_cmpuint (count_custom_templates (fixture), ==, 0);

  /* 8 rows of 37 mm on a page cut to the edges fit */
  gtk_spin_button_set_value (tandem_label_template_dialog_get_spin (editor, "rows"), 8);
  gtk_spin_button_set_value (tandem_label_template_dialog_get_spin (editor, "label-width"), 70);
  gtk_spin_button_set_value (tandem_label_template_dialog_get_spin (editor, "label-height"), 37);
  gtk_spin_button_set_value (tandem_label_template_dialog_get_spin (editor, "margin-top"), 0.5);
  gtk_spin_button_set_value (tandem_label_template_dialog_get_spin (editor, "margin-left"), 0);
  gtk_spin_button_set_value (tandem_label_template_dialog_get_spin (editor, "gap-x"), 0);
  ui_iterate ();
  g_assert_null (tandem_label_template_dialog_get_message (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.save", NULL);
  g_assert_true (ui_wait_for (editor_closed, window, 2000));
  g_assert_cmpuint (count_custom_templates (fixture), ==, 1);
  ui_iterate ();
  row = tandem_preferences_window_find_label_sheet_row (window, "Shop labels");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "3 × 8 labels, 70 × 37 mm, on a 210 × 297 mm page");

  /* Print Labels offers it, and its 24 labels a sheet */
  templates = tandem_store_list_label_templates (fixture->store, NULL);
  custom_id = g_strdup (tandem_label_template_get_id (g_ptr_array_index (templates, 0)));
  dialog = open_for_campaign (fixture, add_campaign (fixture));
  g_assert_true (tandem_label_dialog_select_template (dialog, custom_id));
  ui_iterate ();
  gtk_spin_button_set_value (tandem_label_dialog_get_start_spin (dialog), 24);
  ui_iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (tandem_label_dialog_get_start_spin (dialog)), ==, 24);
  g_assert_cmpuint (tandem_label_dialog_get_n_pages (dialog), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_iterate ();

  /* A second sheet of the same name is refused inline, nothing saved */
  editor = open_template_editor (window);
  gtk_editable_set_text (GTK_EDITABLE (tandem_label_template_dialog_get_name_row (editor)), "shop labels");
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.save", NULL);
  ui_iterate ();
  g_assert_nonnull (tandem_label_template_dialog_get_message (editor));
  g_assert_true (tandem_preferences_window_get_label_sheet_dialog (window) == GTK_WINDOW (editor));
  g_assert_cmpuint (count_custom_templates (fixture), ==, 1);
  gtk_window_destroy (GTK_WINDOW (editor));
  ui_iterate ();

  /* Deleted, with Undo */
  row = tandem_preferences_window_find_label_sheet_row (window, "Shop labels");
  g_signal_emit_by_name (tandem_preferences_window_get_label_sheet_delete_button (row), "clicked");
  ui_iterate ();
  g_assert_cmpuint (count_custom_templates (fixture), ==, 0);
  g_assert_cmpstr (adw_toast_get_title (tandem_preferences_window_get_labels_toast (window)), ==,
                   "“Shop labels” deleted");
  g_signal_emit_by_name (tandem_preferences_window_get_labels_toast (window), "button-clicked");
  ui_iterate ();
  g_assert_cmpuint (count_custom_templates (fixture), ==, 1);
  g_assert_nonnull (tandem_preferences_window_find_label_sheet_row (window, "Shop labels"));
}

/* The home country is the administrators' to choose; others see it (I4,
 * L1). */
static void
test_home_country_preferences_I4 (UiFixture     *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) user = NULL;
  g_autofree char *home = NULL;
  TandemPreferencesWindow *window = tandem_preferences_window_new (NULL, fixture->store);
  AdwComboRow *row;

  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  row = tandem_preferences_window_get_home_country_row (window);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  g_assert_true (tandem_preferences_window_select_home_country (window, "SE"));
  ui_iterate ();
  home = tandem_store_get_home_country (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (home, ==, "SE");
  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate ();

  user = tandem_store_add_user (fixture->store, "ulla", "Ulla User", "user-password-1", TANDEM_ROLE_USER, NULL,
                                &error);
  g_assert_no_error (error);
  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, "ulla", "user-password-1", &error);
  g_assert_no_error (error);
  window = tandem_preferences_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  row = tandem_preferences_window_get_home_country_row (window);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  g_assert_cmpuint (adw_combo_row_get_selected (row), !=, GTK_INVALID_LIST_POSITION);
  /* Sweden, in English as the tests run */
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (row)), ==, "Sweden");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/labels/campaign-preview-start-at-I4", UiFixture, NULL, ui_fixture_set_up,
              test_campaign_preview_start_at_I4, ui_fixture_tear_down);
  g_test_add ("/labels/do-not-contact-switch-I4", UiFixture, NULL, ui_fixture_set_up,
              test_do_not_contact_switch_I4, ui_fixture_tear_down);
  g_test_add ("/labels/selection-export-pdf-I4", UiFixture, NULL, ui_fixture_set_up,
              test_selection_export_pdf_I4, ui_fixture_tear_down);
  g_test_add ("/labels/export-error-keeps-file-I4", UiFixture, NULL, ui_fixture_set_up,
              test_export_error_keeps_file_I4, ui_fixture_tear_down);
  g_test_add ("/labels/print-offset-test-sheet-I4", UiFixture, NULL, ui_fixture_set_up,
              test_print_offset_and_test_sheet_I4, ui_fixture_tear_down);
  g_test_add ("/labels/custom-template-preferences-I4", UiFixture, NULL, ui_fixture_set_up,
              test_custom_template_preferences_I4, ui_fixture_tear_down);
  g_test_add ("/labels/home-country-preferences-I4-L1", UiFixture, NULL, ui_fixture_set_up,
              test_home_country_preferences_I4, ui_fixture_tear_down);
  g_test_add ("/labels/window-action-I4", UiFixture, NULL, ui_fixture_set_up,
              test_window_action_I4, ui_fixture_tear_down);

  return g_test_run ();
}
