/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC B2: the Business ID is checked as it is typed; a wrong check digit
 * marks the row, and Save keeps both the stored company and the typing. */

#include "tandem-company-card-private.h"
#include "tandem-window-private.h"
#include "ui-test-util.h"

static void
test_business_id (UiFixture     *fixture,
                  gconstpointer  data)
{
  g_autoptr(TandemCompany) company = tandem_company_new ("Acme Oy");
  g_autoptr(TandemCompany) stored = NULL;
  g_autoptr(GError) error = NULL;
  TandemCompanyCard *card;
  TandemWindow *window;
  AdwEntryRow *row;
  gint64 id;

  id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);

  window = tandem_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  tandem_window_open_record (window, TANDEM_KIND_COMPANY, id, 0);
  ui_iterate ();
  card = TANDEM_COMPANY_CARD (tandem_window_get_card (window));
  row = tandem_company_card_get_business_id_row (card);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  /* Wrong check digit (the right one is 9). */
  gtk_editable_set_text (GTK_EDITABLE (row), "0112038-8");
  ui_iterate ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_company_card_get_business_id_error (card))));
  g_assert_cmpstr (gtk_label_get_text (tandem_company_card_get_business_id_error (card)), !=, "");
  g_assert_true (tandem_card_get_modified (TANDEM_CARD (card)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  ui_iterate ();
  stored = tandem_store_get_company (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_null (tandem_company_get_text (stored, "business-id"));
  /* Nothing the user typed is lost. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "0112038-8");
  g_assert_true (tandem_card_get_modified (TANDEM_CARD (card)));
  g_clear_object (&stored);

  /* A Polish NIP with a wrong check digit, then a right Y-tunnus. */
  gtk_editable_set_text (GTK_EDITABLE (row), "5260250275");
  ui_iterate ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  gtk_editable_set_text (GTK_EDITABLE (row), "0112038-9");
  ui_iterate ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tandem_company_card_get_business_id_error (card))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  ui_iterate ();
  stored = tandem_store_get_company (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_company_get_text (stored, "business-id"), ==, "0112038-9");
  g_assert_false (tandem_card_get_modified (TANDEM_CARD (card)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/business-id/inline-check-B2", UiFixture, NULL, ui_fixture_set_up, test_business_id, ui_fixture_tear_down);
  return g_test_run ();
}
