/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC B1, C1: a company or person is created from the name alone, through
 * the real "+" dialog, and its card opens. */

#include "tandem-window-private.h"
#include "ui-test-util.h"

static gboolean
dialog_shown (gpointer data)
{
  return tandem_window_get_quick_add_dialog (data) != NULL;
}

static void
quick_add (TandemWindow *window,
           const char   *name)
{
  AdwMessageDialog *dialog;

  g_assert_null (tandem_window_get_quick_add_dialog (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL));
  g_assert_true (ui_wait_for (dialog_shown, window, 2000));
  dialog = tandem_window_get_quick_add_dialog (window);

  /* Create stays off until there is a name. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (tandem_window_get_quick_add_entry (window), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (tandem_window_get_quick_add_entry (window), name);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));

  adw_message_dialog_response (dialog, "create");
  ui_iterate ();
}

static void
test_quick_add_company (UiFixture     *fixture,
                        gconstpointer  data)
{
  TandemWindow *window = tandem_window_new (NULL, fixture->store);
  g_autoptr(TandemRecord) first = NULL;
  GListModel *model;
  TandemCard *card;

  gtk_window_present (GTK_WINDOW (window));
  tandem_window_show_register (window, TANDEM_KIND_COMPANY);
  ui_iterate ();

  model = tandem_window_get_register_model (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "empty");

  quick_add (window, "Acme Oy");

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (tandem_record_get_title (first), ==, "Acme Oy");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "register");

  card = tandem_window_get_card (window);
  g_assert_nonnull (card);
  g_assert_cmpint (tandem_card_get_kind (card), ==, TANDEM_KIND_COMPANY);
  g_assert_cmpstr (tandem_card_get_title (card), ==, "Acme Oy");
  g_assert_false (tandem_card_get_modified (card));
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==, 0);
  g_assert_cmpstr (adw_window_title_get_title (window->card_title), ==, "Acme Oy");
}

static void
test_quick_add_person (UiFixture     *fixture,
                       gconstpointer  data)
{
  TandemWindow *window = tandem_window_new (NULL, fixture->store);
  g_autoptr(TandemRecord) first = NULL;
  GListModel *model;

  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-register", "s", "people"));
  ui_iterate ();
  quick_add (window, "Maija Meikäläinen");

  model = tandem_window_get_register_model (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  first = g_list_model_get_item (model, 0);
  g_assert_true (TANDEM_IS_PERSON (first));
  g_assert_cmpstr (tandem_record_get_title (first), ==, "Maija Meikäläinen");
  g_assert_cmpint (tandem_card_get_kind (tandem_window_get_card (window)), ==, TANDEM_KIND_PERSON);
  g_assert_cmpstr (tandem_card_get_title (tandem_window_get_card (window)), ==, "Maija Meikäläinen");
}

/* Editing, saving and deleting with Undo, as the card's menu does. */
static void
test_edit_delete_undo (UiFixture     *fixture,
                       gconstpointer  data)
{
  TandemWindow *window = tandem_window_new (NULL, fixture->store);
  g_autoptr(TandemCompany) saved = NULL;
  g_autoptr(GError) error = NULL;
  TandemCard *card;
  gint64 id;

  gtk_window_present (GTK_WINDOW (window));
  tandem_window_show_register (window, TANDEM_KIND_COMPANY);
  ui_iterate ();
  quick_add (window, "Acme Oy");
  card = tandem_window_get_card (window);
  g_assert_cmpint (tandem_card_get_kind (card), ==, TANDEM_KIND_COMPANY);
  id = tandem_card_get_id (card);

  g_object_set (tandem_card_get_record (card), "phone", "+358 9 123 4567", NULL);
  tandem_card_set_modified (card);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  ui_iterate ();
  saved = tandem_store_get_company (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_company_get_text (saved, "phone"), ==, "+358 9 123 4567");
  g_assert_false (tandem_card_get_modified (card));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-record", NULL));
  ui_iterate ();
  g_assert_null (tandem_window_get_card (window));
  g_assert_cmpuint (g_list_model_get_n_items (tandem_window_get_register_model (window)), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", "(ix)",
                                             (int) TANDEM_KIND_COMPANY, id));
  ui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (tandem_window_get_register_model (window)), ==, 1);
  g_assert_nonnull (tandem_window_get_card (window));
  g_assert_cmpint (tandem_card_get_id (tandem_window_get_card (window)), ==, id);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/quick-add/company-B1", UiFixture, NULL, ui_fixture_set_up, test_quick_add_company, ui_fixture_tear_down);
  g_test_add ("/ui/quick-add/person-C1", UiFixture, NULL, ui_fixture_set_up, test_quick_add_person, ui_fixture_tear_down);
  g_test_add ("/ui/quick-add/edit-delete-undo-B2", UiFixture, NULL, ui_fixture_set_up, test_edit_delete_undo, ui_fixture_tear_down);
  return g_test_run ();
}
