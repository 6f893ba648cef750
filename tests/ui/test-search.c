/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC K1: the one search field finds companies, people and notes as the
 * user types, shows the matching part in bold, and opens what is chosen. */

#include "tandem-note-editor.h"
#include "tandem-window-private.h"
#include "ui-test-util.h"

static gboolean
has_results (gpointer data)
{
  return g_list_model_get_n_items (tandem_window_get_search_results (data)) > 0;
}

static gboolean
shows_no_results (gpointer data)
{
  TandemWindow *window = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (window->list_stack), "no-results") == 0;
}

static gboolean
bold_snippet_shown (gpointer data)
{
  return ui_find_label (tandem_window_get_results_view (data), "<b>") != NULL;
}

static gboolean
editor_shown (gpointer data)
{
  return ui_find_toplevel (TANDEM_TYPE_NOTE_EDITOR) != NULL;
}

static void
test_search (UiFixture     *fixture,
             gconstpointer  data)
{
  g_autoptr(TandemCompany) company = tandem_company_new ("Borealis Sp. z o.o.");
  g_autoptr(TandemNote) note = NULL;
  g_autoptr(GError) error = NULL;
  TandemWindow *window;
  GListModel *results;
  gint64 company_id, note_id;
  gboolean found = FALSE;
  GtkLabel *label;

  tandem_company_set_text (company, "visit-city", "Kraków");
  company_id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);
  note = tandem_note_new (TANDEM_KIND_COMPANY, company_id, "Pricing <for> spring campaign & rebates");
  note_id = tandem_store_save_note (fixture->store, note, &error);
  g_assert_no_error (error);

  window = tandem_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  ui_iterate ();
  g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));

  /* Part of the name, as typed so far. */
  gtk_editable_set_text (tandem_window_get_search_entry (window), "Borea");
  g_assert_true (ui_wait_for (has_results, window, 3000));
  results = tandem_window_get_search_results (window);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(TandemSearchHit) hit = g_list_model_get_item (results, i);

      if (tandem_search_hit_get_kind (hit) == TANDEM_KIND_COMPANY && tandem_search_hit_get_id (hit) == company_id)
        found = TRUE;
    }
  g_assert_true (found);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "results");
  g_assert_true (ui_wait_for (bold_snippet_shown, window, 2000));
  label = ui_find_label (tandem_window_get_results_view (window), "<b>");
  g_assert_true (gtk_label_get_use_markup (label));

  /* Words of a note; the note's own < and & are shown, not taken as markup. */
  gtk_editable_set_text (tandem_window_get_search_entry (window), "rebates");
  g_assert_true (ui_wait_for (bold_snippet_shown, window, 3000));
  g_assert_nonnull (ui_find_label (tandem_window_get_results_view (window), "&lt;for&gt;"));
  g_assert_nonnull (ui_find_label (tandem_window_get_results_view (window), "<b>rebates</b>"));

  /* Query syntax is just text. */
  gtk_editable_set_text (tandem_window_get_search_entry (window), "\"NEAR( OR *");
  g_assert_true (ui_wait_for (shows_no_results, window, 3000));

  /* A note hit opens the card it is on and the note itself. */
  gtk_editable_set_text (tandem_window_get_search_entry (window), "rebates");
  g_assert_true (ui_wait_for (has_results, window, 3000));
  g_signal_emit_by_name (window->results_view, "activate", 0);
  g_assert_true (ui_wait_for (editor_shown, NULL, 2000));
  g_assert_nonnull (tandem_window_get_card (window));
  g_assert_cmpint (tandem_card_get_id (tandem_window_get_card (window)), ==, company_id);
  gtk_window_destroy (GTK_WINDOW (ui_find_toplevel (TANDEM_TYPE_NOTE_EDITOR)));
  ui_iterate ();
  (void) note_id;

  /* Closing the search bar brings the register back. */
  gtk_search_bar_set_search_mode (window->search_bar, FALSE);
  ui_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "register");
  g_assert_cmpstr (gtk_editable_get_text (tandem_window_get_search_entry (window)), ==, "");
}

static void
test_snippet_markup (void)
{
  g_autofree char *plain = tandem_window_snippet_markup ("a < b & c");
  g_autofree char *marked = tandem_window_snippet_markup ("x \x01<Acme>\x02 y");

  g_assert_cmpstr (plain, ==, "a &lt; b &amp; c");
  g_assert_cmpstr (marked, ==, "x <b>&lt;Acme&gt;</b> y");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/search/as-you-type-K1", UiFixture, NULL, ui_fixture_set_up, test_search, ui_fixture_tear_down);
  g_test_add_func ("/ui/search/snippet-markup-K1", test_snippet_markup);
  return g_test_run ();
}
