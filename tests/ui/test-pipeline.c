/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC H1, H2, J1 and E1/E5 on the sales pipeline board, the list of
 * projects and sales, and the dialog that adds a sale: the real widgets
 * on a fresh database, checked against the store. */

#include "tandem-pipeline-page-private.h"
#include "tandem-projects-page-private.h"
#include "tandem-sale-dialog-private.h"
#include "ui-test-util.h"

/* Stages shipped in the schema (0004-projects.sql) */
#define STAGE_LEAD        1
#define STAGE_OFFER       2
#define STAGE_NEGOTIATION 3

typedef struct
{
  gint64 company;
  gint64 lead_a;      /* 1 000,00 EUR, Lead */
  gint64 lead_b;      /* 2 500,50 EUR, Lead */
  gint64 lead_sek;    /* 30 000,00 SEK, Lead */
  gint64 offer;       /* 10 000,00 EUR, Offer, Bob's */
  gint64 negotiation; /* 4 000,00 EUR, Negotiation */
  gint64 won;
  gint64 lost;
  gint64 delivery;    /* a project added as one */
  gint64 bob;
} Seed;

static gint64
add_user (UiFixture  *fixture,
          const char *login,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) user = tandem_store_add_user (fixture->store, login, name, "user-password-1",
                                                      TANDEM_ROLE_USER, NULL, &error);

  g_assert_no_error (error);
  return tandem_user_get_id (user);
}

static void
sign_in (UiFixture  *fixture,
         const char *login)
{
  g_autoptr(GError) error = NULL;

  tandem_store_sign_out (fixture->store);
  tandem_store_sign_in (fixture->store, login,
                        g_str_equal (login, "admin") ? "admin-password-1" : "user-password-1", &error);
  g_assert_no_error (error);
}

static gint64
add_company (UiFixture  *fixture,
             const char *name)
{
  g_autoptr(TandemCompany) company = tandem_company_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id = tandem_store_save_company (fixture->store, company, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
add_sale (UiFixture  *fixture,
          gint64      company,
          const char *name,
          gint64      stage,
          gint64      cents,
          const char *currency,
          const char *close_date,
          gint64      seller)
{
  g_autoptr(TandemProject) sale = tandem_project_new_sale (company, name, stage);
  g_autoptr(GError) error = NULL;
  gint64 id;

  tandem_project_set_value (sale, cents);
  if (currency)
    tandem_project_set_currency (sale, currency);
  tandem_project_set_close_date (sale, close_date);
  tandem_project_set_seller_id (sale, seller);
  id = tandem_store_save_project (fixture->store, sale, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
seed (UiFixture *fixture,
      Seed      *s)
{
  g_autoptr(TandemProject) delivery = NULL;
  g_autoptr(GError) error = NULL;
  gint64 admin = tandem_user_get_id (tandem_store_get_user (fixture->store));

  s->bob = add_user (fixture, "bob", "Bob Seller");
  s->company = add_company (fixture, "Rautakauppa Virtanen Oy");
  s->lead_a = add_sale (fixture, s->company, "Shelving for the new shop", STAGE_LEAD, 100000, "EUR",
                        "2030-03-01", admin);
  s->lead_b = add_sale (fixture, s->company, "Paint counter", STAGE_LEAD, 250050, "EUR", "2030-01-15", admin);
  s->lead_sek = add_sale (fixture, s->company, "Stockholm branch tools", STAGE_LEAD, 3000000, "SEK", NULL, admin);
  s->offer = add_sale (fixture, s->company, "Forklift service contract", STAGE_OFFER, 1000000, "EUR",
                       "2020-05-01", s->bob);
  s->negotiation = add_sale (fixture, s->company, "Checkout renewal", STAGE_NEGOTIATION, 400000, "EUR",
                             "2030-06-30", admin);
  s->won = add_sale (fixture, s->company, "Last year's lighting", STAGE_LEAD, 50000, "EUR", NULL, admin);
  tandem_store_close_sale (fixture->store, s->won, TANDEM_SALE_WON, &error);
  g_assert_no_error (error);
  s->lost = add_sale (fixture, s->company, "Garden furniture", STAGE_LEAD, 70000, "EUR", NULL, admin);
  tandem_store_close_sale (fixture->store, s->lost, TANDEM_SALE_LOST, &error);
  g_assert_no_error (error);

  delivery = tandem_project_new (s->company, "Shop opening");
  s->delivery = tandem_store_save_project (fixture->store, delivery, &error);
  g_assert_no_error (error);
}

/* Chooses @name in @dropdown as a user would. */
static void
choose (GtkDropDown *dropdown,
        const char  *name)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name))
      {
        gtk_drop_down_set_selected (dropdown, i);
        ui_iterate ();
        return;
      }
  g_assert_not_reached ();
}

static GtkWidget *
show_in_window (GtkWidget *child,
                int        width)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();
  return window;
}

/* The project ids of a column's cards, in order. */
static GArray *
card_ids (TandemPipelineColumn *column)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkListBox *list = tandem_pipeline_column_get_list (column);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    if (TANDEM_IS_SALE_CARD (row))
      {
        gint64 id = tandem_sale_card_get_project_id (TANDEM_SALE_CARD (row));

        g_array_append_val (ids, id);
      }
  return ids;
}

static gboolean
has_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The header's sums of every currency equal those of the column's cards,
 * and the header shows them. */
static void
assert_totals_match_cards (TandemPipelineColumn *column)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) weighted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GtkListBox *list = tandem_pipeline_column_get_list (column);
  GtkListBoxRow *row;
  GHashTableIter iter;
  gpointer key, value;
  guint n_cards = 0;

  g_assert_cmpuint (tandem_pipeline_column_get_n_shown (column), ==, tandem_pipeline_column_get_n_sales (column));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    if (TANDEM_IS_SALE_CARD (row))
      {
        TandemSaleCard *card = TANDEM_SALE_CARD (row);
        const char *currency = tandem_sale_card_get_currency (card);
        gint64 *v = g_hash_table_lookup (values, currency);
        gint64 *w = g_hash_table_lookup (weighted, currency);

        if (v == NULL)
          {
            v = g_new0 (gint64, 1);
            w = g_new0 (gint64, 1);
            g_hash_table_insert (values, g_strdup (currency), v);
            g_hash_table_insert (weighted, g_strdup (currency), w);
          }
        *v += tandem_sale_card_get_value (card);
        *w += tandem_sale_card_get_weighted (card);
        n_cards++;
      }
  g_assert_cmpuint (n_cards, ==, tandem_pipeline_column_get_n_sales (column));

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *text = tandem_format_money (*(gint64 *) value, key);
      gint64 total = -1, total_weighted = -1;

      g_assert_true (tandem_pipeline_column_get_total (column, key, &total, &total_weighted));
      g_assert_cmpint (total, ==, *(gint64 *) value);
      g_assert_cmpint (total_weighted, ==, *(gint64 *) g_hash_table_lookup (weighted, key));
      g_assert_nonnull (ui_find_label (GTK_WIDGET (column), text));
    }
  /* No total of a currency without cards */
  g_assert_false (tandem_pipeline_column_get_total (column, "GBP", NULL, NULL));
}

static void
test_board_columns (UiFixture     *fixture,
                    gconstpointer  data)
{
  g_autoptr(GArray) lead = NULL;
  g_autoptr(GArray) offer = NULL;
  g_autoptr(GArray) negotiation = NULL;
  TandemPipelinePage *page;
  TandemPipelineColumn *column;
  Seed s;

  seed (fixture, &s);
  page = TANDEM_PIPELINE_PAGE (tandem_pipeline_page_new (fixture->store));
  show_in_window (GTK_WIDGET (page), 1200);
  g_assert_cmpstr (tandem_pipeline_page_get_visible_view (page), ==, "board");
  g_assert_false (tandem_pipeline_page_get_narrow (page));

  /* One column per open stage, in board order: no Won or Lost column. */
  g_assert_cmpuint (tandem_pipeline_page_get_n_columns (page), ==, 3);
  g_assert_cmpint (tandem_pipeline_column_get_stage_id (tandem_pipeline_page_get_column (page, 0)), ==, STAGE_LEAD);
  g_assert_cmpint (tandem_pipeline_column_get_stage_id (tandem_pipeline_page_get_column (page, 1)), ==, STAGE_OFFER);
  g_assert_cmpint (tandem_pipeline_column_get_stage_id (tandem_pipeline_page_get_column (page, 2)), ==,
                   STAGE_NEGOTIATION);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (tandem_pipeline_page_get_column (page, 0)), "Lead"));

  /* The right sales in each column, by closing date (none last). */
  lead = card_ids (tandem_pipeline_page_get_column (page, 0));
  offer = card_ids (tandem_pipeline_page_get_column (page, 1));
  negotiation = card_ids (tandem_pipeline_page_get_column (page, 2));
  g_assert_cmpuint (lead->len, ==, 3);
  g_assert_cmpint (g_array_index (lead, gint64, 0), ==, s.lead_b);
  g_assert_cmpint (g_array_index (lead, gint64, 1), ==, s.lead_a);
  g_assert_true (has_id (lead, s.lead_sek));
  g_assert_cmpuint (offer->len, ==, 1);
  g_assert_cmpint (g_array_index (offer, gint64, 0), ==, s.offer);
  g_assert_cmpuint (negotiation->len, ==, 1);
  g_assert_cmpint (g_array_index (negotiation, gint64, 0), ==, s.negotiation);
  g_assert_null (tandem_pipeline_page_find_card (page, s.won));
  g_assert_null (tandem_pipeline_page_find_card (page, s.lost));
  g_assert_null (tandem_pipeline_page_find_card (page, s.delivery));

  /* Headers: one line per currency, equal to the cards' sums. */
  for (guint i = 0; i < 3; i++)
    assert_totals_match_cards (tandem_pipeline_page_get_column (page, i));
  column = tandem_pipeline_page_get_column (page, 0);
  g_assert_true (tandem_pipeline_column_get_total (column, "SEK", NULL, NULL));
  g_assert_true (tandem_pipeline_column_get_total (column, "EUR", NULL, NULL));

  /* The card says what a seller looks for; a passed closing date warns. */
  g_assert_nonnull (ui_find_label (GTK_WIDGET (tandem_pipeline_page_find_card (page, s.offer)), "Bob Seller"));
  g_assert_true (tandem_sale_card_get_overdue (tandem_pipeline_page_find_card (page, s.offer)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ui_find_label (GTK_WIDGET (tandem_pipeline_page_find_card (page, s.offer)),
                                                                      "Overdue")), "warning"));
  g_assert_false (tandem_sale_card_get_overdue (tandem_pipeline_page_find_card (page, s.negotiation)));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (tandem_pipeline_page_find_card (page, s.offer)), "40 %"));

  /* J1 by seller: Bob's only, and the sums follow the filter. */
  choose (tandem_pipeline_page_get_seller_dropdown (page), "Bob Seller");
  g_assert_nonnull (tandem_pipeline_page_find_card (page, s.offer));
  g_assert_null (tandem_pipeline_page_find_card (page, s.lead_a));
  for (guint i = 0; i < 3; i++)
    assert_totals_match_cards (tandem_pipeline_page_get_column (page, i));
  g_assert_false (tandem_pipeline_column_get_total (tandem_pipeline_page_get_column (page, 0), "EUR", NULL, NULL));

  /* "Me": the signed-in administrator's. */
  choose (tandem_pipeline_page_get_seller_dropdown (page), "Me");
  g_assert_null (tandem_pipeline_page_find_card (page, s.offer));
  g_assert_nonnull (tandem_pipeline_page_find_card (page, s.lead_a));

  /* J1 by closing period: this year's only; none of these close now. */
  gtk_drop_down_set_selected (tandem_pipeline_page_get_seller_dropdown (page), 0);
  gtk_drop_down_set_selected (tandem_pipeline_page_get_period_dropdown (page), TANDEM_PIPELINE_PERIOD_YEAR);
  ui_iterate ();
  g_assert_null (tandem_pipeline_page_find_card (page, s.lead_a));
  g_assert_cmpuint (tandem_pipeline_column_get_n_sales (tandem_pipeline_page_get_column (page, 0)), ==, 0);
  g_assert_cmpstr (tandem_pipeline_page_get_visible_view (page), ==, "board");
  for (guint i = 0; i < 3; i++)
    assert_totals_match_cards (tandem_pipeline_page_get_column (page, i));
}

static void
test_board_empty (UiFixture     *fixture,
                  gconstpointer  data)
{
  TandemPipelinePage *page = TANDEM_PIPELINE_PAGE (tandem_pipeline_page_new (fixture->store));

  show_in_window (GTK_WIDGET (page), 1200);
  g_assert_cmpstr (tandem_pipeline_page_get_visible_view (page), ==, "empty");
  g_assert_nonnull (ui_find_label (GTK_WIDGET (page), "No Open Sales"));

  /* Its button opens the New Sale dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pipeline.new-sale", NULL));
  ui_iterate ();
  g_assert_nonnull (ui_find_toplevel (TANDEM_TYPE_SALE_DIALOG));
}

static gboolean
card_in_column (gpointer data)
{
  gpointer *args = data;
  TandemPipelineColumn *column = tandem_pipeline_page_find_column (args[0], GPOINTER_TO_SIZE (args[1]));
  gint64 id = *(gint64 *) args[2];

  return column && tandem_pipeline_column_find_card (column, id) != NULL;
}

static void
test_keyboard_move (UiFixture     *fixture,
                    gconstpointer  data)
{
  g_autoptr(TandemProject) moved = NULL;
  g_autoptr(GError) error = NULL;
  TandemPipelinePage *page;
  TandemPipelineColumn *lead, *offer;
  TandemSaleCard *card;
  GtkWidget *window;
  Seed s;

  seed (fixture, &s);
  page = TANDEM_PIPELINE_PAGE (tandem_pipeline_page_new (fixture->store));
  window = show_in_window (GTK_WIDGET (page), 1200);
  lead = tandem_pipeline_page_find_column (page, STAGE_LEAD);
  offer = tandem_pipeline_page_find_column (page, STAGE_OFFER);
  g_assert_cmpuint (tandem_pipeline_column_get_n_sales (lead), ==, 3);
  g_assert_cmpuint (tandem_pipeline_column_get_n_sales (offer), ==, 1);

  /* H2: the focused card moves one stage right with Alt+Right. */
  card = tandem_pipeline_page_find_card (page, s.lead_a);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (card)));
  gtk_widget_grab_focus (GTK_WIDGET (card));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (card)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "pipeline.move-right", NULL));
  ui_iterate ();

  moved = tandem_store_get_project (fixture->store, s.lead_a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_get_stage_id (moved), ==, STAGE_OFFER);
  g_assert_cmpint (tandem_project_get_probability (moved), ==, 40);
  g_assert_true (card_in_column ((gpointer[]) { page, GSIZE_TO_POINTER (STAGE_OFFER), &s.lead_a }));
  g_assert_false (card_in_column ((gpointer[]) { page, GSIZE_TO_POINTER (STAGE_LEAD), &s.lead_a }));
  lead = tandem_pipeline_page_find_column (page, STAGE_LEAD);
  offer = tandem_pipeline_page_find_column (page, STAGE_OFFER);
  g_assert_cmpuint (tandem_pipeline_column_get_n_sales (lead), ==, 2);
  g_assert_cmpuint (tandem_pipeline_column_get_n_sales (offer), ==, 2);
  assert_totals_match_cards (lead);
  assert_totals_match_cards (offer);

  /* The keyboard stays with the card in its new column. */
  card = tandem_pipeline_page_find_card (page, s.lead_a);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == GTK_WIDGET (card));

  /* Alt+Left takes it back; the Move To menu's action moves it too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "pipeline.move-left", NULL));
  ui_iterate ();
  g_assert_true (card_in_column ((gpointer[]) { page, GSIZE_TO_POINTER (STAGE_LEAD), &s.lead_a }));
  card = tandem_pipeline_page_find_card (page, s.lead_a);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "pipeline.move", "(xx)", s.lead_a,
                                             (gint64) STAGE_NEGOTIATION));
  ui_iterate ();
  g_assert_true (card_in_column ((gpointer[]) { page, GSIZE_TO_POINTER (STAGE_NEGOTIATION), &s.lead_a }));
  g_clear_object (&moved);
  moved = tandem_store_get_project (fixture->store, s.lead_a, &error);
  g_assert_cmpint (tandem_project_get_stage_id (moved), ==, STAGE_NEGOTIATION);

  /* The last open stage has nothing to its right: nothing moves. */
  card = tandem_pipeline_page_find_card (page, s.lead_a);
  gtk_widget_grab_focus (GTK_WIDGET (card));
  gtk_widget_activate_action (GTK_WIDGET (card), "pipeline.move-right", NULL);
  ui_iterate ();
  g_clear_object (&moved);
  moved = tandem_store_get_project (fixture->store, s.lead_a, &error);
  g_assert_cmpint (tandem_project_get_stage_id (moved), ==, STAGE_NEGOTIATION);
  g_assert_cmpint (tandem_project_get_state (moved), ==, TANDEM_SALE_OPEN);

  /* The store's change from elsewhere reaches the board too. */
  tandem_store_move_sale (fixture->store, s.lead_b, STAGE_OFFER, &error);
  g_assert_no_error (error);
  g_assert_true (ui_wait_for (card_in_column, (gpointer[]) { page, GSIZE_TO_POINTER (STAGE_OFFER), &s.lead_b }, 2000));
}

static void
on_open_project_cb (GtkWidget *page,
                    gint64     id,
                    gint64    *opened)
{
  *opened = id;
}

static void
test_mark_won (UiFixture     *fixture,
               gconstpointer  data)
{
  g_autoptr(TandemProject) won = NULL;
  g_autoptr(TandemProject) lost = NULL;
  g_autoptr(GError) error = NULL;
  TandemPipelinePage *page;
  TandemSaleCard *card;
  gint64 opened = 0;
  Seed s;

  seed (fixture, &s);
  page = TANDEM_PIPELINE_PAGE (tandem_pipeline_page_new (fixture->store));
  show_in_window (GTK_WIDGET (page), 1200);

  /* Enter on a card opens it. */
  g_signal_connect (page, "open-project", G_CALLBACK (on_open_project_cb), &opened);
  card = tandem_pipeline_page_find_card (page, s.negotiation);
  g_signal_emit_by_name (card, "activate");
  g_assert_cmpint (opened, ==, s.negotiation);

  /* H2: won, it leaves the board and becomes a delivery project. */
  gtk_widget_grab_focus (GTK_WIDGET (card));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "pipeline.won", "x", s.negotiation));
  ui_iterate ();
  g_assert_null (tandem_pipeline_page_find_card (page, s.negotiation));
  g_assert_cmpuint (tandem_pipeline_column_get_n_sales (tandem_pipeline_page_find_column (page, STAGE_NEGOTIATION)),
                    ==, 0);
  assert_totals_match_cards (tandem_pipeline_page_find_column (page, STAGE_NEGOTIATION));
  won = tandem_store_get_project (fixture->store, s.negotiation, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_get_state (won), ==, TANDEM_SALE_WON);
  g_assert_true (tandem_project_get_is_delivery (won));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (page), "marked as won"));

  /* The toast's Undo puts it back where it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pipeline.reopen", "(xx)", s.negotiation,
                                             (gint64) STAGE_NEGOTIATION));
  ui_iterate ();
  g_assert_true (card_in_column ((gpointer[]) { page, GSIZE_TO_POINTER (STAGE_NEGOTIATION), &s.negotiation }));
  g_clear_object (&won);
  won = tandem_store_get_project (fixture->store, s.negotiation, &error);
  g_assert_cmpint (tandem_project_get_state (won), ==, TANDEM_SALE_OPEN);

  /* Lost, from the card's menu action. */
  card = tandem_pipeline_page_find_card (page, s.offer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "pipeline.lost", "x", s.offer));
  ui_iterate ();
  g_assert_null (tandem_pipeline_page_find_card (page, s.offer));
  lost = tandem_store_get_project (fixture->store, s.offer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_get_state (lost), ==, TANDEM_SALE_LOST);
  g_assert_false (tandem_project_get_is_delivery (lost));
}

static gboolean
card_shown (gpointer data)
{
  gpointer *args = data;

  return tandem_pipeline_page_find_card (args[0], *(gint64 *) args[1]) != NULL;
}

static void
on_saved_cb (TandemSaleDialog *dialog,
             gint64            id,
             gint64           *saved)
{
  *saved = id;
}

static void
test_dialog_value (UiFixture     *fixture,
                   gconstpointer  data)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  TandemProjectQuery all = { 0, };
  TandemPipelinePage *page;
  TandemSaleDialog *dialog;
  GtkWidget *window;
  GtkLabel *message;
  gint64 company, saved = 0;
  guint before;

  company = add_company (fixture, "Lehtonen Rakennus Oy");
  page = TANDEM_PIPELINE_PAGE (tandem_pipeline_page_new (fixture->store));
  window = show_in_window (GTK_WIDGET (page), 1200);
  before = tandem_store_count_projects (fixture->store, &all, &error);
  g_assert_no_error (error);

  dialog = tandem_sale_dialog_new_sale (GTK_WINDOW (window), fixture->store, company);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_iterate ();

  /* A new sale starts at the first open stage with its probability. */
  g_assert_cmpuint (adw_combo_row_get_selected (tandem_sale_dialog_get_stage_row (dialog)), ==, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (tandem_sale_dialog_get_probability_spin (dialog)), ==, 10);
  adw_combo_row_set_selected (tandem_sale_dialog_get_stage_row (dialog), 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (tandem_sale_dialog_get_probability_spin (dialog)), ==, 40);

  gtk_editable_set_text (GTK_EDITABLE (tandem_sale_dialog_get_name_row (dialog)), "Warehouse roof");
  gtk_editable_set_text (GTK_EDITABLE (tandem_sale_dialog_get_value_row (dialog)), "12,5,0");
  ui_iterate ();

  /* Not an amount: said at once, under the value. */
  message = tandem_sale_dialog_get_value_error (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "12,5,0"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (tandem_sale_dialog_get_value_row (dialog)), "error"));

  /* Saving is refused with the message; nothing is saved or lost. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  ui_iterate ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (message)));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "12,5,0"));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         GTK_WIDGET (tandem_sale_dialog_get_value_row (dialog))));
  g_assert_cmpint (saved, ==, 0);
  g_assert_cmpuint (tandem_store_count_projects (fixture->store, &all, NULL), ==, before);
  g_assert_nonnull (ui_find_toplevel (TANDEM_TYPE_SALE_DIALOG));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tandem_sale_dialog_get_value_row (dialog))), ==, "12,5,0");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tandem_sale_dialog_get_name_row (dialog))), ==,
                   "Warehouse roof");

  /* Corrected, it saves and appears on the board in its stage. */
  gtk_editable_set_text (GTK_EDITABLE (tandem_sale_dialog_get_value_row (dialog)), "12 500,50");
  ui_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  ui_iterate ();
  g_assert_cmpint (saved, >, 0);
  g_assert_null (ui_find_toplevel (TANDEM_TYPE_SALE_DIALOG));

  project = tandem_store_get_project (fixture->store, saved, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_project_get_name (project), ==, "Warehouse roof");
  g_assert_cmpint (tandem_project_get_company_id (project), ==, company);
  g_assert_cmpint (tandem_project_get_value (project), ==, 1250050);
  g_assert_cmpint (tandem_project_get_stage_id (project), ==, STAGE_OFFER);
  g_assert_cmpint (tandem_project_get_probability (project), ==, 40);
  g_assert_cmpint (tandem_project_get_seller_id (project), ==,
                   tandem_user_get_id (tandem_store_get_user (fixture->store)));
  g_assert_true (tandem_project_get_is_sale (project));

  g_assert_true (ui_wait_for (card_shown, (gpointer[]) { page, &saved }, 2000));
  g_assert_true (card_in_column ((gpointer[]) { page, GSIZE_TO_POINTER (STAGE_OFFER), &saved }));
  g_assert_cmpstr (tandem_pipeline_page_get_visible_view (page), ==, "board");
}

static void
test_dialog_store_refusal (UiFixture     *fixture,
                           gconstpointer  data)
{
  TandemProjectQuery all = { 0, };
  TandemSaleDialog *dialog;
  gint64 saved = 0;

  /* No customer: the store refuses and the dialog says why. */
  dialog = tandem_sale_dialog_new_project (NULL, fixture->store, 0);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (GTK_EDITABLE (tandem_sale_dialog_get_name_row (dialog)), "Shop opening");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  ui_iterate ();
  g_assert_cmpint (saved, ==, 0);
  g_assert_nonnull (tandem_sale_dialog_get_error (dialog));
  g_assert_cmpuint (tandem_store_count_projects (fixture->store, &all, NULL), ==, 0);

  /* With one, a delivery project is saved. */
  tandem_sale_dialog_choose_company (dialog, add_company (fixture, "Virtanen Oy"), "Virtanen Oy");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  ui_iterate ();
  g_assert_cmpint (saved, >, 0);
  all.of = TANDEM_PROJECTS_DELIVERY;
  g_assert_cmpuint (tandem_store_count_projects (fixture->store, &all, NULL), ==, 1);
}

static void
test_dialog_edit_visibility (UiFixture     *fixture,
                             gconstpointer  data)
{
  g_autoptr(TandemProject) sale = NULL;
  g_autoptr(TandemProject) saved_sale = NULL;
  g_autoptr(GError) error = NULL;
  TandemSaleDialog *dialog;
  gint64 company, id, saved = 0;

  company = add_company (fixture, "Rautakauppa Virtanen Oy");
  add_user (fixture, "bob", "Bob Seller");
  add_user (fixture, "carol", "Carol Colleague");
  sign_in (fixture, "bob");
  id = add_sale (fixture, company, "Paint counter", STAGE_OFFER, 250000, "EUR", "2030-01-15", 0);

  /* E2: Carol may edit the sale but not who may see it. */
  sign_in (fixture, "carol");
  sale = tandem_store_get_project (fixture->store, id, &error);
  g_assert_no_error (error);
  dialog = tandem_sale_dialog_new_for_project (NULL, fixture->store, sale);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_iterate ();
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (tandem_sale_dialog_get_visibility_row (dialog))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tandem_sale_dialog_get_name_row (dialog))), ==,
                   "Paint counter");
  g_assert_cmpuint (adw_combo_row_get_selected (tandem_sale_dialog_get_stage_row (dialog)), ==, 1);

  /* The probability she chose stays when she changes the stage. */
  gtk_spin_button_set_value (tandem_sale_dialog_get_probability_spin (dialog), 55);
  adw_combo_row_set_selected (tandem_sale_dialog_get_stage_row (dialog), 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (tandem_sale_dialog_get_probability_spin (dialog)), ==, 55);
  gtk_editable_set_text (GTK_EDITABLE (tandem_sale_dialog_get_value_row (dialog)), "3 000,25");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  ui_iterate ();
  g_assert_cmpint (saved, ==, id);

  saved_sale = tandem_store_get_project (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_get_value (saved_sale), ==, 300025);
  g_assert_cmpint (tandem_project_get_stage_id (saved_sale), ==, STAGE_NEGOTIATION);
  g_assert_cmpint (tandem_project_get_probability (saved_sale), ==, 55);
  g_assert_cmpint (tandem_project_get_visibility (saved_sale), ==, TANDEM_VISIBILITY_EVERYONE);
  g_assert_cmpstr (tandem_project_get_close_date (saved_sale), ==, "2030-01-15");
}

static void
test_hidden_sale (UiFixture     *fixture,
                  gconstpointer  data)
{
  g_autoptr(TandemProject) secret = NULL;
  g_autoptr(GError) error = NULL;
  TandemPipelinePage *board;
  TandemProjectsPage *list;
  TandemPipelineColumn *lead;
  GListModel *model;
  gint64 company, carol, secret_id, open_id;
  gint64 total = 0;

  company = add_company (fixture, "Rautakauppa Virtanen Oy");
  add_user (fixture, "bob", "Bob Seller");
  carol = add_user (fixture, "carol", "Carol Colleague");

  /* Bob's sale for his team only (E1): Carol is not in it. */
  sign_in (fixture, "bob");
  secret = tandem_project_new_sale (company, "Confidential takeover offer", STAGE_LEAD);
  tandem_project_set_value (secret, 99900000);
  tandem_project_set_visibility (secret, TANDEM_VISIBILITY_TEAM);
  secret_id = tandem_store_save_project (fixture->store, secret, &error);
  g_assert_no_error (error);
  open_id = add_sale (fixture, company, "Paint counter", STAGE_LEAD, 250000, "EUR", NULL, carol);

  sign_in (fixture, "carol");
  board = TANDEM_PIPELINE_PAGE (tandem_pipeline_page_new (fixture->store));
  show_in_window (GTK_WIDGET (board), 1200);

  /* Not on the board, not in a count, not in a header's sum (E5). */
  g_assert_null (tandem_pipeline_page_find_card (board, secret_id));
  g_assert_nonnull (tandem_pipeline_page_find_card (board, open_id));
  lead = tandem_pipeline_page_find_column (board, STAGE_LEAD);
  g_assert_cmpuint (tandem_pipeline_column_get_n_sales (lead), ==, 1);
  g_assert_true (tandem_pipeline_column_get_total (lead, "EUR", &total, NULL));
  g_assert_cmpint (total, ==, 250000);
  for (guint i = 0; i < tandem_pipeline_page_get_n_columns (board); i++)
    assert_totals_match_cards (tandem_pipeline_page_get_column (board, i));
  g_assert_null (ui_find_label (GTK_WIDGET (board), "Confidential"));

  /* Filtered by Bob as seller: still nothing of it. */
  choose (tandem_pipeline_page_get_seller_dropdown (board), "Bob Seller");
  g_assert_null (tandem_pipeline_page_find_card (board, secret_id));
  for (guint i = 0; i < tandem_pipeline_page_get_n_columns (board); i++)
    {
      g_assert_cmpuint (tandem_pipeline_column_get_n_sales (tandem_pipeline_page_get_column (board, i)), ==, 0);
      g_assert_false (tandem_pipeline_column_get_total (tandem_pipeline_page_get_column (board, i), "EUR",
                                                        NULL, NULL));
    }
  g_assert_null (ui_find_label (GTK_WIDGET (board), "999"));

  /* Nor in the list, its count, or a search for its name. */
  list = TANDEM_PROJECTS_PAGE (tandem_projects_page_new (fixture->store));
  show_in_window (GTK_WIDGET (list), 1200);
  model = tandem_projects_page_get_model (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (tandem_projects_page_get_count_label (list)), ==, "1 project or sale");
  gtk_editable_set_text (tandem_projects_page_get_search_entry (list), "Confidential");
  tandem_projects_page_apply_search (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (tandem_projects_page_get_count_label (list)), ==, "0 projects and sales");

  /* Bob sees his own: it was hidden, not missing. */
  ui_destroy_toplevels ();
  sign_in (fixture, "bob");
  board = TANDEM_PIPELINE_PAGE (tandem_pipeline_page_new (fixture->store));
  show_in_window (GTK_WIDGET (board), 1200);
  g_assert_nonnull (tandem_pipeline_page_find_card (board, secret_id));
}

static void
test_projects_list (UiFixture     *fixture,
                    gconstpointer  data)
{
  TandemProjectsPage *page;
  GListModel *model;
  gint64 opened = 0;
  Seed s;

  seed (fixture, &s);
  page = TANDEM_PROJECTS_PAGE (tandem_projects_page_new (fixture->store));
  show_in_window (GTK_WIDGET (page), 1200);
  model = tandem_projects_page_get_model (page);

  /* Every sale, open or closed, and the delivery project */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);
  g_assert_cmpstr (gtk_label_get_text (tandem_projects_page_get_count_label (page)), ==, "8 projects and sales");

  tandem_projects_page_set_view (page, TANDEM_PROJECTS_VIEW_SALES);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 7);
  g_assert_cmpstr (gtk_label_get_text (tandem_projects_page_get_count_label (page)), ==, "7 sales");

  /* Won sales are delivery projects too (H2). */
  tandem_projects_page_set_view (page, TANDEM_PROJECTS_VIEW_PROJECTS);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  tandem_projects_page_set_view (page, TANDEM_PROJECTS_VIEW_SALES);
  gtk_drop_down_set_selected (tandem_projects_page_get_state_dropdown (page), 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  gtk_drop_down_set_selected (tandem_projects_page_get_state_dropdown (page), 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(TandemProject) first = g_list_model_get_item (model, 0);

    g_assert_cmpint (tandem_record_get_id (TANDEM_RECORD (first)), ==, s.won);
  }
  gtk_drop_down_set_selected (tandem_projects_page_get_state_dropdown (page), 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_drop_down_set_selected (tandem_projects_page_get_state_dropdown (page), 0);

  /* Seller and text filters */
  choose (tandem_projects_page_get_seller_dropdown (page), "Bob Seller");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_drop_down_set_selected (tandem_projects_page_get_seller_dropdown (page), 0);
  gtk_editable_set_text (tandem_projects_page_get_search_entry (page), "counter");
  tandem_projects_page_apply_search (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (tandem_projects_page_get_count_label (page)), ==, "1 sale");

  /* Activating the row opens the sale. */
  g_signal_connect (page, "open-project", G_CALLBACK (on_open_project_cb), &opened);
  g_signal_emit_by_name (tandem_projects_page_get_column_view (page), "activate", 0);
  g_assert_cmpint (opened, ==, s.lead_b);
}

static void
test_projects_paged (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TandemPipelinePage *board;
  TandemProjectsPage *page;
  TandemPipelineColumn *lead;
  GListModel *model;
  g_autoptr(TandemProduct) racking = tandem_product_new ("Pallet racking", NULL);
  gint64 company = add_company (fixture, "Suuri Asiakas Oy");
  gint64 bob = add_user (fixture, "bob", "Bob Seller");
  gint64 product, bob_value = 0, bob_racking_value = 0, total = 0;

  product = tandem_store_save_product (fixture->store, racking, &error);
  g_assert_no_error (error);

  /* More sales than a column shows at first: every other one Bob's,
   * every third one racking */
  tandem_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 260; i++)
    {
      g_autofree char *name = g_strdup_printf ("Sale %03u", i);
      gint64 id = add_sale (fixture, company, name, STAGE_LEAD, 1000 + i, "EUR", NULL, i % 2 ? bob : 0);

      if (i % 3 == 0)
        {
          g_autoptr(TandemProject) sale = tandem_store_get_project (fixture->store, id, &error);

          tandem_project_set_product_id (sale, product);
          tandem_store_save_project (fixture->store, sale, &error);
          g_assert_no_error (error);
        }
      if (i % 2)
        bob_value += 1000 + i;
      if (i % 2 && i % 3 == 0)
        bob_racking_value += 1000 + i;
    }
  tandem_store_commit (fixture->store, &error);
  g_assert_no_error (error);

  board = TANDEM_PIPELINE_PAGE (tandem_pipeline_page_new (fixture->store));
  show_in_window (GTK_WIDGET (board), 1200);
  lead = tandem_pipeline_page_find_column (board, STAGE_LEAD);
  g_assert_cmpuint (tandem_pipeline_column_get_n_sales (lead), ==, 260);
  g_assert_cmpuint (tandem_pipeline_column_get_n_shown (lead), ==, TANDEM_PIPELINE_PAGE_SIZE);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (lead), "50 of 260 shown"));
  tandem_pipeline_column_show_more (lead);
  g_assert_cmpuint (tandem_pipeline_column_get_n_shown (lead), ==, 250);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (lead), "Show All 260"));
  tandem_pipeline_column_show_more (lead);
  g_assert_cmpuint (tandem_pipeline_column_get_n_shown (lead), ==, 260);
  assert_totals_match_cards (lead);

  /* J1: filtered by seller and product, the header sums every sale of
   * the filter, not only the cards shown. */
  choose (tandem_pipeline_page_get_seller_dropdown (board), "Bob Seller");
  lead = tandem_pipeline_page_find_column (board, STAGE_LEAD);
  g_assert_cmpuint (tandem_pipeline_column_get_n_sales (lead), ==, 130);
  g_assert_cmpuint (tandem_pipeline_column_get_n_shown (lead), ==, TANDEM_PIPELINE_PAGE_SIZE);
  g_assert_true (tandem_pipeline_column_get_total (lead, "EUR", &total, NULL));
  g_assert_cmpint (total, ==, bob_value);
  choose (tandem_pipeline_page_get_product_dropdown (board), "Pallet racking");
  g_assert_cmpuint (tandem_pipeline_column_get_n_sales (lead), ==, 43);
  g_assert_true (tandem_pipeline_column_get_total (lead, "EUR", &total, NULL));
  g_assert_cmpint (total, ==, bob_racking_value);
  tandem_pipeline_column_show_more (lead);
  assert_totals_match_cards (lead);

  page = TANDEM_PROJECTS_PAGE (tandem_projects_page_new (fixture->store));
  show_in_window (GTK_WIDGET (page), 1200);
  model = tandem_projects_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 260);
  {
    g_autoptr(TandemProject) last = g_list_model_get_item (model, 259);

    g_assert_cmpstr (tandem_project_get_name (last), ==, "Sale 259");
  }
}

/* The names of the listed projects, in the list's order */
static char *
listed_names (GListModel *model)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TandemProject) project = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i ? ", " : "", tandem_project_get_name (project));
    }
  return g_string_free (names, FALSE);
}

static GtkColumnViewColumn *
view_column (TandemProjectsPage *page,
             const char         *title)
{
  GListModel *columns = gtk_column_view_get_columns (tandem_projects_page_get_column_view (page));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        return column;
    }
  g_assert_not_reached ();
}

static void
assert_sorted_by (TandemProjectsPage *page,
                  const char         *sort_by,
                  const char         *sort_order)
{
  g_autofree char *by = NULL;
  g_autofree char *order = NULL;

  g_object_get (page, "sort-by", &by, "sort-order", &order, NULL);
  g_assert_cmpstr (by, ==, sort_by);
  g_assert_cmpstr (order, ==, sort_order);
}

/* H1: "Only Mine" lists what the user sells or is a member of, and no
 * project hidden from him; the sort menu's actions and the column
 * headers order the list, which the store sorts a page at a time. */
static void
test_projects_mine_and_sort (UiFixture     *fixture,
                             gconstpointer  data)
{
  g_autoptr(TandemProject) delivery = NULL;
  g_autoptr(TandemProject) secret = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  TandemProjectsPage *page;
  GListModel *model;
  gint64 company, other, bob, carol, installation;

  bob = add_user (fixture, "bob", "Bob Seller");
  carol = add_user (fixture, "carol", "Carol Colleague");
  company = add_company (fixture, "Rautakauppa Virtanen Oy");
  other = add_company (fixture, "Hurtownia Nowak");

  /* As the administrator: a sale Bob sells, a project he works in, a
   * sale of nobody's, and Carol's sale for her team only. */
  add_sale (fixture, company, "Paint counter", STAGE_OFFER, 250000, "EUR", "2030-05-01", bob);
  delivery = tandem_project_new (other, "Shop opening");
  installation = tandem_store_save_project (fixture->store, delivery, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_store_add_project_member (fixture->store, installation, bob, NULL, &error));
  add_sale (fixture, other, "Forklift service", STAGE_LEAD, 900000, "EUR", "2030-02-01", 0);
  add_sale (fixture, company, "Checkout renewal", STAGE_NEGOTIATION, 10000, "EUR", NULL, 0);
  secret = tandem_project_new_sale (company, "Aardvark takeover", STAGE_LEAD);
  tandem_project_set_seller_id (secret, carol);
  tandem_project_set_value (secret, 1);
  tandem_project_set_close_date (secret, "2001-01-01");
  tandem_project_set_visibility (secret, TANDEM_VISIBILITY_TEAM);
  tandem_store_save_project (fixture->store, secret, &error);
  g_assert_no_error (error);
  /* The administrator added it, so he is in its team: out of it */
  g_assert_true (tandem_store_remove_project_member (fixture->store, tandem_record_get_id (TANDEM_RECORD (secret)),
                                                     tandem_user_get_id (tandem_store_get_user (fixture->store)),
                                                     &error));
  g_assert_true (tandem_store_add_project_member (fixture->store, tandem_record_get_id (TANDEM_RECORD (secret)),
                                                  carol, NULL, &error));
  g_assert_no_error (error);

  sign_in (fixture, "bob");
  page = TANDEM_PROJECTS_PAGE (tandem_projects_page_new (fixture->store));
  show_in_window (GTK_WIDGET (page), 1200);
  model = tandem_projects_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  assert_sorted_by (page, "name", "ascending");
  names = listed_names (model);
  g_assert_cmpstr (names, ==, "Checkout renewal, Forklift service, Paint counter, Shop opening");
  g_clear_pointer (&names, g_free);

  /* Only mine: the sale he sells and the project he is a member of */
  gtk_check_button_set_active (tandem_projects_page_get_mine_check (page), TRUE);
  ui_iterate ();
  names = listed_names (model);
  g_assert_cmpstr (names, ==, "Paint counter, Shop opening");
  g_clear_pointer (&names, g_free);
  g_assert_cmpstr (gtk_label_get_text (tandem_projects_page_get_count_label (page)), ==, "2 projects and sales");
  gtk_check_button_set_active (tandem_projects_page_get_mine_check (page), FALSE);
  ui_iterate ();

  /* The sales view goes by closing date until the user sorts. */
  tandem_projects_page_set_view (page, TANDEM_PROJECTS_VIEW_SALES);
  assert_sorted_by (page, "close-date", "ascending");
  names = listed_names (model);
  g_assert_cmpstr (names, ==, "Forklift service, Paint counter, Checkout renewal");
  g_clear_pointer (&names, g_free);

  /* The sort menu, as the keyboard reaches it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "projects.sort-by", "s", "value"));
  ui_iterate ();
  names = listed_names (model);
  g_assert_cmpstr (names, ==, "Checkout renewal, Paint counter, Forklift service");
  g_clear_pointer (&names, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "projects.sort-order", "s", "descending"));
  ui_iterate ();
  names = listed_names (model);
  g_assert_cmpstr (names, ==, "Forklift service, Paint counter, Checkout renewal");
  g_clear_pointer (&names, g_free);

  /* The choice stays when the view changes. */
  tandem_projects_page_set_view (page, TANDEM_PROJECTS_VIEW_ALL);
  assert_sorted_by (page, "value", "descending");
  names = listed_names (model);
  g_assert_cmpstr (names, ==, "Forklift service, Paint counter, Checkout renewal, Shop opening");
  g_clear_pointer (&names, g_free);

  /* A column header, as a click sorts by it */
  gtk_column_view_sort_by_column (tandem_projects_page_get_column_view (page), view_column (page, "Company"),
                                  GTK_SORT_ASCENDING);
  ui_iterate ();
  assert_sorted_by (page, "company", "ascending");
  names = listed_names (model);
  g_assert_cmpstr (names, ==, "Forklift service, Shop opening, Checkout renewal, Paint counter");
  g_clear_pointer (&names, g_free);
  gtk_column_view_sort_by_column (tandem_projects_page_get_column_view (page), view_column (page, "Stage"),
                                  GTK_SORT_DESCENDING);
  ui_iterate ();
  assert_sorted_by (page, "stage", "descending");
  names = listed_names (model);
  g_assert_cmpstr (names, ==, "Checkout renewal, Paint counter, Forklift service, Shop opening");
  g_clear_pointer (&names, g_free);

  /* Closed sales in any order: one query, not one per stage */
  gtk_drop_down_set_selected (tandem_projects_page_get_state_dropdown (page), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "projects.sort-by", "s", "name"));
  ui_iterate ();
  assert_sorted_by (page, "name", "descending");
  names = listed_names (model);
  g_assert_cmpstr (names, ==, "Paint counter, Forklift service, Checkout renewal");
  g_clear_pointer (&names, g_free);

  /* Carol's own sale is hers: it tops her list by closing date. */
  ui_destroy_toplevels ();
  sign_in (fixture, "carol");
  page = TANDEM_PROJECTS_PAGE (tandem_projects_page_new (fixture->store));
  show_in_window (GTK_WIDGET (page), 1200);
  model = tandem_projects_page_get_model (page);
  gtk_check_button_set_active (tandem_projects_page_get_mine_check (page), TRUE);
  ui_iterate ();
  names = listed_names (model);
  g_assert_cmpstr (names, ==, "Aardvark takeover");
}

static gboolean
is_narrow (gpointer data)
{
  return tandem_pipeline_page_get_narrow (data);
}

static void
test_board_narrow (UiFixture     *fixture,
                   gconstpointer  data)
{
  TandemPipelinePage *page;
  guint n_visible = 0;
  Seed s;

  seed (fixture, &s);
  page = TANDEM_PIPELINE_PAGE (tandem_pipeline_page_new (fixture->store));
  show_in_window (GTK_WIDGET (page), 360);
  g_assert_true (ui_wait_for (is_narrow, page, 2000));
  for (guint i = 0; i < tandem_pipeline_page_get_n_columns (page); i++)
    if (gtk_widget_get_visible (GTK_WIDGET (tandem_pipeline_page_get_column (page, i))))
      n_visible++;
  g_assert_cmpuint (n_visible, ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_pipeline_page_get_column (page, 0))));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <=, 360);

  /* A sale moved by keyboard is followed to its stage. */
  gtk_widget_grab_focus (GTK_WIDGET (tandem_pipeline_page_find_card (page, s.lead_a)));
  gtk_widget_activate_action (GTK_WIDGET (page), "pipeline.move-right", NULL);
  ui_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tandem_pipeline_page_find_column (page, STAGE_OFFER))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tandem_pipeline_page_find_column (page, STAGE_LEAD))));
}

/* The Company column of the projects list, shown only in a wide window. */
static GtkColumnViewColumn *
company_column (TandemProjectsPage *page)
{
  GListModel *columns = gtk_column_view_get_columns (tandem_projects_page_get_column_view (page));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Company") == 0)
        return column;
    }
  g_assert_not_reached ();
}

static gboolean
company_hidden (gpointer data)
{
  return !gtk_column_view_column_get_visible (company_column (data));
}

static gboolean
company_shown (gpointer data)
{
  return gtk_column_view_column_get_visible (company_column (data));
}

/* H1: in a phone-sized window the projects list keeps to its name,
 * stage and value, and gets its other columns back when widened. */
static void
test_projects_narrow (UiFixture     *fixture,
                      gconstpointer  data)
{
  TandemProjectsPage *page;
  GtkWidget *window;
  Seed s;

  seed (fixture, &s);
  page = TANDEM_PROJECTS_PAGE (tandem_projects_page_new (fixture->store));
  window = show_in_window (GTK_WIDGET (page), 1000);
  ui_wait_for (company_hidden, page, 300);
  g_assert_true (company_shown (page));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
  g_assert_true (ui_wait_for (company_hidden, page, 2000));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <=, 360);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  g_assert_true (ui_wait_for (company_shown, page, 2000));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/pipeline/H1-J1/board-columns", UiFixture, NULL, ui_fixture_set_up, test_board_columns,
              ui_fixture_tear_down);
  g_test_add ("/pipeline/H1/board-empty", UiFixture, NULL, ui_fixture_set_up, test_board_empty,
              ui_fixture_tear_down);
  g_test_add ("/pipeline/H2/keyboard-move", UiFixture, NULL, ui_fixture_set_up, test_keyboard_move,
              ui_fixture_tear_down);
  g_test_add ("/pipeline/H2/mark-won", UiFixture, NULL, ui_fixture_set_up, test_mark_won, ui_fixture_tear_down);
  g_test_add ("/pipeline/H1/dialog-bad-value", UiFixture, NULL, ui_fixture_set_up, test_dialog_value,
              ui_fixture_tear_down);
  g_test_add ("/pipeline/H1/dialog-store-refusal", UiFixture, NULL, ui_fixture_set_up, test_dialog_store_refusal,
              ui_fixture_tear_down);
  g_test_add ("/pipeline/H1-E2/dialog-edit", UiFixture, NULL, ui_fixture_set_up, test_dialog_edit_visibility,
              ui_fixture_tear_down);
  g_test_add ("/pipeline/E1-E5/hidden-sale", UiFixture, NULL, ui_fixture_set_up, test_hidden_sale,
              ui_fixture_tear_down);
  g_test_add ("/pipeline/H1-H2/projects-list", UiFixture, NULL, ui_fixture_set_up, test_projects_list,
              ui_fixture_tear_down);
  g_test_add ("/pipeline/J1/paged", UiFixture, NULL, ui_fixture_set_up, test_projects_paged,
              ui_fixture_tear_down);
  g_test_add ("/pipeline/H1-E1/projects-mine-and-sort", UiFixture, NULL, ui_fixture_set_up,
              test_projects_mine_and_sort, ui_fixture_tear_down);
  g_test_add ("/pipeline/J1/narrow", UiFixture, NULL, ui_fixture_set_up, test_board_narrow,
              ui_fixture_tear_down);
  g_test_add ("/pipeline/H1/projects-narrow", UiFixture, NULL, ui_fixture_set_up, test_projects_narrow,
              ui_fixture_tear_down);

  return g_test_run ();
}
