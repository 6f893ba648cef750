/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC E1, E5, F1, F2 in the UI: notes hidden from a user are not shown,
 * not counted and not found; notes are written in the editor with a due
 * date, and only the author or an administrator may change who sees them. */

#include "tandem-company-card-private.h"
#include <gtksourceview/gtksource.h>

#include "tandem-note-editor-private.h"
#include "tandem-window-private.h"
#include "ui-test-util.h"

static gboolean
shows_no_results (gpointer data)
{
  TandemWindow *window = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (window->list_stack), "no-results") == 0;
}

static gboolean
has_results (gpointer data)
{
  return g_list_model_get_n_items (tandem_window_get_search_results (data)) > 0;
}

static gboolean
editor_shown (gpointer data)
{
  return ui_find_toplevel (TANDEM_TYPE_NOTE_EDITOR) != NULL;
}

static gint64
add_note (TandemStore      *store,
          gint64            company_id,
          const char       *body,
          TandemVisibility  visibility,
          gint64            group_id)
{
  g_autoptr(TandemNote) note = tandem_note_new (TANDEM_KIND_COMPANY, company_id, body);
  g_autoptr(GError) error = NULL;
  gint64 id;

  tandem_note_set_visibility (note, visibility);
  if (visibility == TANDEM_VISIBILITY_GROUPS)
    tandem_note_set_group_ids (note, &group_id, 1);
  id = tandem_store_save_note (store, note, &error);
  g_assert_no_error (error);
  return id;
}

static void
search_for (TandemWindow *window,
            const char   *text)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (tandem_window_get_search_entry (window), text);
}

static void
test_hidden_notes (UiFixture     *fixture,
                   gconstpointer  data)
{
  g_autoptr(TandemCompany) company = tandem_company_new ("Acme Oy");
  g_autoptr(TandemUser) bob = NULL;
  g_autoptr(GError) error = NULL;
  const char *sales[] = { "Sales team", NULL };
  TandemCompanyCard *card;
  TandemWindow *window;
  gint64 company_id, owners;

  company_id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);
  owners = tandem_store_add_group (fixture->store, "Owners", &error);
  g_assert_no_error (error);
  tandem_store_add_group (fixture->store, "Sales team", &error);
  g_assert_no_error (error);
  bob = tandem_store_add_user (fixture->store, "bob", "Bob Seller", "bob-password-1", TANDEM_ROLE_USER, sales, &error);
  g_assert_no_error (error);

  add_note (fixture->store, company_id, "Margin plan zebra", TANDEM_VISIBILITY_PRIVATE, 0);
  add_note (fixture->store, company_id, "Owners pricing walrus", TANDEM_VISIBILITY_GROUPS, owners);
  add_note (fixture->store, company_id, "Called about the spring offer", TANDEM_VISIBILITY_EVERYONE, 0);

  /* The administrator who wrote them sees all three. */
  window = tandem_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  tandem_window_open_record (window, TANDEM_KIND_COMPANY, company_id, 0);
  ui_iterate ();
  card = TANDEM_COMPANY_CARD (tandem_window_get_card (window));
  g_assert_cmpuint (tandem_notes_group_get_n_notes (tandem_company_card_get_notes_group (card)), ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate ();

  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, "bob", "bob-password-1", &error);
  g_assert_no_error (error);

  window = tandem_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  tandem_window_open_record (window, TANDEM_KIND_COMPANY, company_id, 0);
  ui_iterate ();
  card = TANDEM_COMPANY_CARD (tandem_window_get_card (window));
  g_assert_nonnull (card);
  g_assert_cmpuint (tandem_notes_group_get_n_notes (tandem_company_card_get_notes_group (card)), ==, 1);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (card), "Called about the spring offer"));
  g_assert_null (ui_find_label (GTK_WIDGET (card), "zebra"));
  g_assert_null (ui_find_label (GTK_WIDGET (card), "walrus"));

  search_for (window, "zebra");
  g_assert_true (ui_wait_for (shows_no_results, window, 3000));
  g_assert_cmpuint (g_list_model_get_n_items (tandem_window_get_search_results (window)), ==, 0);
  search_for (window, "walrus");
  g_assert_true (ui_wait_for (shows_no_results, window, 3000));
  g_assert_cmpuint (g_list_model_get_n_items (tandem_window_get_search_results (window)), ==, 0);
  /* The visible note is found, so the search itself works for Bob. */
  search_for (window, "spring");
  g_assert_true (ui_wait_for (has_results, window, 3000));
  g_assert_cmpuint (g_list_model_get_n_items (tandem_window_get_search_results (window)), ==, 1);
}

static void
test_write_note (UiFixture     *fixture,
                 gconstpointer  data)
{
  g_autoptr(TandemCompany) company = tandem_company_new ("Acme Oy");
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  TandemNoteEditor *editor;
  TandemWindow *window;
  AdwEntryRow *due;
  gint64 company_id;

  company_id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);

  window = tandem_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  tandem_window_open_record (window, TANDEM_KIND_COMPANY, company_id, 0);
  ui_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tandem_window_get_card (window)), "win.add-note", "(ix)",
                                             (int) TANDEM_KIND_COMPANY, company_id));
  g_assert_true (ui_wait_for (editor_shown, NULL, 2000));
  editor = TANDEM_NOTE_EDITOR (ui_find_toplevel (TANDEM_TYPE_NOTE_EDITOR));
  g_object_ref (editor);

  /* F2: Markdown highlighting. */
  g_assert_cmpstr (gtk_source_language_get_id (gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (tandem_note_editor_get_buffer (editor)))),
                   ==, "markdown");

  gtk_text_buffer_set_text (tandem_note_editor_get_buffer (editor), "# Offer\n\nSend the **offer** by Friday", -1);
  due = tandem_note_editor_get_due_row (editor);
  gtk_editable_set_text (GTK_EDITABLE (due), "31.13.2026");
  ui_iterate ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (due), "error"));
  g_assert_false (tandem_note_editor_save (editor));
  notes = tandem_store_list_notes (fixture->store, TANDEM_KIND_COMPANY, company_id, &error);
  g_assert_cmpuint (notes->len, ==, 0);
  g_clear_pointer (&notes, g_ptr_array_unref);

  gtk_editable_set_text (GTK_EDITABLE (due), "31.12.2026");
  ui_iterate ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (due), "error"));
  adw_combo_row_set_selected (tandem_note_editor_get_visibility_row (editor), TANDEM_VISIBILITY_PRIVATE);
  g_assert_true (tandem_note_editor_save (editor));
  g_object_unref (editor);
  ui_iterate ();

  notes = tandem_store_list_notes (fixture->store, TANDEM_KIND_COMPANY, company_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (tandem_note_get_due (g_ptr_array_index (notes, 0)), ==, "2026-12-31");
  g_assert_cmpint (tandem_note_get_visibility (g_ptr_array_index (notes, 0)), ==, TANDEM_VISIBILITY_PRIVATE);
  g_assert_cmpstr (tandem_note_get_body (g_ptr_array_index (notes, 0)), ==, "# Offer\n\nSend the **offer** by Friday");

  /* The card shows it at once. */
  g_assert_cmpuint (tandem_notes_group_get_n_notes (
                      tandem_company_card_get_notes_group (TANDEM_COMPANY_CARD (tandem_window_get_card (window)))), ==, 1);
}

static void
test_visibility_locked_for_others (UiFixture     *fixture,
                                   gconstpointer  data)
{
  g_autoptr(TandemCompany) company = tandem_company_new ("Acme Oy");
  g_autoptr(TandemUser) bob = NULL;
  g_autoptr(TandemNote) note = NULL;
  g_autoptr(GError) error = NULL;
  TandemNoteEditor *editor;
  TandemWindow *window;
  gint64 company_id, note_id;

  company_id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);
  note_id = add_note (fixture->store, company_id, "Everyone may read this", TANDEM_VISIBILITY_EVERYONE, 0);
  bob = tandem_store_add_user (fixture->store, "bob", "Bob Seller", "bob-password-1", TANDEM_ROLE_USER, NULL, &error);
  g_assert_no_error (error);
  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, "bob", "bob-password-1", &error);
  g_assert_no_error (error);

  window = tandem_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  tandem_window_open_record (window, TANDEM_KIND_COMPANY, company_id, note_id);
  g_assert_true (ui_wait_for (editor_shown, NULL, 2000));
  editor = TANDEM_NOTE_EDITOR (ui_find_toplevel (TANDEM_TYPE_NOTE_EDITOR));

  /* E2: Bob may edit the text, not who sees it. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_note_editor_get_visibility_row (editor))));
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (tandem_note_editor_get_visibility_row (editor))));
  (void) note;
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/notes/hidden-not-shown-counted-or-found-E1-E5", UiFixture, NULL,
              ui_fixture_set_up, test_hidden_notes, ui_fixture_tear_down);
  g_test_add ("/ui/notes/write-with-due-date-F1-F2", UiFixture, NULL,
              ui_fixture_set_up, test_write_note, ui_fixture_tear_down);
  g_test_add ("/ui/notes/visibility-locked-for-others-E2", UiFixture, NULL,
              ui_fixture_set_up, test_visibility_locked_for_others, ui_fixture_tear_down);
  return g_test_run ();
}
