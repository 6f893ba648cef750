/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC G1, G2, E1, E5 in the UI: documents added through the store show
 * on the company card and on the Documents page, whose filters narrow
 * the list; a document the user may not see is neither listed nor
 * counted; export writes the exact bytes and is in the audit trail, and
 * a damaged document is refused with a message and nothing written; files dropped onto the
 * card's Documents section are added with the visibility chosen. */

#include <sqlite3.h>
#include <sys/stat.h>

#include "tandem-company-card-private.h"
#include "tandem-document-actions.h"
#include "tandem-document-history-window.h"
#include "tandem-document-visibility-dialog.h"
#include "tandem-documents-group-private.h"
#include "tandem-documents-page-private.h"
#include "tandem-error.h"
#include "tandem-project-window-private.h"
#include "tandem-window-private.h"
#include "ui-test-util.h"

#define EMAIL                                                   \
  "From: =?UTF-8?Q?Pekka_M=C3=A4kinen?= <pekka@acme.example>\r\n" \
  "To: sam@tandem.example\r\n"                                  \
  "Subject: Request for quotation: 40 desks\r\n"                \
  "Date: Tue, 10 Nov 2026 09:30:00 +0200\r\n"                   \
  "\r\n"                                                        \
  "Please send us an offer.\r\n"

typedef struct
{
  gint64 company_id;
  gint64 sales_team;
  gint64 owners;
  gint64 offer;      /* Sam's, everyone */
  gint64 margins;    /* Sam's, the sales team */
  gint64 email;      /* Sam's, everyone, an e-mail */
  gint64 board;      /* the administrator's, the owners */
  gint64 secret;     /* the administrator's, private */
} World;

/* Helpers ------------------------------------------------------------------ */

/* Does any label, editable or window title under @widget, shown or not,
 * hold @needle? */
static gboolean
tree_contains (GtkWidget  *widget,
               const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle))
    return TRUE;
  if (GTK_IS_EDITABLE (widget) && strstr (gtk_editable_get_text (GTK_EDITABLE (widget)), needle))
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), needle))
    return TRUE;
  if (ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) &&
      strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), needle))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (tree_contains (child, needle))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static gboolean
toplevel_shown (gpointer data)
{
  return ui_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static void
sign_in_as (TandemStore *store,
            const char  *login)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = g_strdup_printf ("%s-password-1", login);

  tandem_store_sign_out (store);
  tandem_store_sign_in (store, login, password, &error);
  g_assert_no_error (error);
}

static void
add_user (TandemStore *store,
          const char  *login,
          const char  *name,
          const char  *group)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) user = NULL;
  g_autofree char *password = g_strdup_printf ("%s-password-1", login);
  const char *groups[] = { group, NULL };

  user = tandem_store_add_user (store, login, name, password, TANDEM_ROLE_USER, group ? groups : NULL, &error);
  g_assert_no_error (error);
}

static gint64
add_document (TandemStore      *store,
              gint64            company_id,
              const char       *file_name,
              const char       *content,
              TandemVisibility  visibility,
              gint64            group_id)
{
  g_autoptr(GBytes) bytes = g_bytes_new (content, strlen (content));
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = tandem_store_add_document (store, TANDEM_KIND_COMPANY, company_id, file_name, NULL, bytes, NULL,
                                  visibility, &group_id, visibility == TANDEM_VISIBILITY_GROUPS ? 1 : 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A customer everyone may see; Sam in the sales team, Nora in no group;
 * three documents of Sam's and two of the administrator's that Sam may
 * not see. */
static void
make_world (UiFixture *fixture,
            World     *world)
{
  g_autoptr(TandemCompany) company = tandem_company_new ("Acme Oy");
  g_autoptr(GError) error = NULL;

  world->company_id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);
  world->sales_team = tandem_store_add_group (fixture->store, "Sales team", &error);
  g_assert_no_error (error);
  world->owners = tandem_store_add_group (fixture->store, "Owners", &error);
  g_assert_no_error (error);
  add_user (fixture->store, "sam", "Sam Seller", "Sales team");
  add_user (fixture->store, "nora", "Nora Outsider", NULL);

  world->board = add_document (fixture->store, world->company_id, "board-plan.odt", "Board plan walrus",
                               TANDEM_VISIBILITY_GROUPS, world->owners);
  world->secret = add_document (fixture->store, world->company_id, "admin-notes.txt", "Admin notes",
                                TANDEM_VISIBILITY_PRIVATE, 0);

  sign_in_as (fixture->store, "sam");
  world->offer = add_document (fixture->store, world->company_id, "offer.pdf", "%PDF-1.4 offer",
                               TANDEM_VISIBILITY_EVERYONE, 0);
  world->margins = add_document (fixture->store, world->company_id, "margins.csv", "desk;120;95\n",
                                 TANDEM_VISIBILITY_GROUPS, world->sales_team);
  world->email = add_document (fixture->store, world->company_id, "rfq.eml", EMAIL, TANDEM_VISIBILITY_EVERYONE, 0);
}

static GtkWidget *
show_company_card (UiFixture *fixture,
                   World     *world)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *card = tandem_company_card_new (fixture->store);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 900);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), card);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), scroller);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tandem_card_load (TANDEM_CARD (card), world->company_id, &error));
  g_assert_no_error (error);
  ui_iterate ();
  return card;
}

static TandemDocumentsPage *
show_page (UiFixture *fixture)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = tandem_documents_page_new (fixture->store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  ui_wait_for (never, NULL, 200);
  return TANDEM_DOCUMENTS_PAGE (page);
}

static guint
n_listed (TandemDocumentsPage *page)
{
  return g_list_model_get_n_items (tandem_documents_page_get_model (page));
}

static char *
db_path (UiFixture *fixture)
{
  return g_build_filename (fixture->dir, "test.db", NULL);
}

/* Flips the content of every stored version of @document_id behind the
 * store's back, as a broken disk would. */
static void
damage (UiFixture *fixture,
        gint64     document_id)
{
  g_autofree char *path = db_path (fixture);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE document_versions SET data = CAST('%%PDF-1.4 OFFER' AS BLOB) "
                         "WHERE document_id = %" G_GINT64_FORMAT, document_id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sqlite3_close (db);
}

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_documents (gpointer data)
{
  gpointer *args = data;

  return tandem_documents_group_get_n_documents (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static guint
n_exports (UiFixture *fixture,
           gint64     document_id)
{
  TandemAuditFilter filter = { 0, };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  filter.action = TANDEM_AUDIT_EXPORTED;
  filter.kind = TANDEM_KIND_DOCUMENT;
  entries = tandem_store_list_audit (fixture->store, &filter, NULL, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    n += tandem_audit_entry_get_record_id (g_ptr_array_index (entries, i)) == document_id;
  return n;
}

/* Tests -------------------------------------------------------------------- */

/* G1, E1, E5: the card and the page list what Sam may see, and nothing
 * of the rest, not even in a count. */
static void
test_card_and_page (UiFixture     *fixture,
                    gconstpointer  data)
{
  TandemDocumentsGroup *group;
  TandemDocumentsPage *page;
  GtkWidget *card;
  World world;

  make_world (fixture, &world);

  card = show_company_card (fixture, &world);
  group = tandem_company_card_get_documents_group (TANDEM_COMPANY_CARD (card));
  g_assert_cmpuint (tandem_documents_group_get_n_documents (group), ==, 3);
  g_assert_true (tree_contains (GTK_WIDGET (group), "offer.pdf"));
  g_assert_true (tree_contains (GTK_WIDGET (group), "margins.csv"));
  /* An e-mail shows its subject and sender. */
  g_assert_true (tree_contains (GTK_WIDGET (group), "Request for quotation: 40 desks"));
  g_assert_true (tree_contains (GTK_WIDGET (group), "Pekka Mäkinen"));
  g_assert_false (tree_contains (card, "board-plan"));
  g_assert_false (tree_contains (card, "admin-notes"));
  g_assert_nonnull (tandem_documents_group_get_row (group, world.offer));
  g_assert_null (tandem_documents_group_get_row (group, world.board));

  page = show_page (fixture);
  g_assert_cmpuint (n_listed (page), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (tandem_documents_page_get_count_label (page)), ==, "3 documents");
  g_assert_true (tree_contains (GTK_WIDGET (page), "offer.pdf"));
  g_assert_true (tree_contains (GTK_WIDGET (page), "Acme Oy"));
  g_assert_false (tree_contains (GTK_WIDGET (page), "board-plan"));
  g_assert_false (tree_contains (GTK_WIDGET (page), "admin-notes"));

  /* Filters narrow the list. */
  gtk_editable_set_text (tandem_documents_page_get_search_entry (page), "quotation");
  tandem_documents_page_apply_search (page);
  g_assert_cmpuint (n_listed (page), ==, 1);
  gtk_editable_set_text (tandem_documents_page_get_search_entry (page), "board");
  tandem_documents_page_apply_search (page);
  g_assert_cmpuint (n_listed (page), ==, 0);
  g_assert_cmpstr (adw_status_page_get_title (tandem_documents_page_get_empty_page (page)), ==, "No Results Found");
  gtk_editable_set_text (tandem_documents_page_get_search_entry (page), "");
  tandem_documents_page_apply_search (page);
  g_assert_cmpuint (n_listed (page), ==, 3);

  gtk_check_button_set_active (tandem_documents_page_get_email_check (page), TRUE);
  g_assert_cmpuint (n_listed (page), ==, 1);
  gtk_check_button_set_active (tandem_documents_page_get_email_check (page), FALSE);

  gtk_drop_down_set_selected (tandem_documents_page_get_parent_dropdown (page), TANDEM_DOCUMENTS_ON_PEOPLE);
  g_assert_cmpuint (n_listed (page), ==, 0);
  gtk_drop_down_set_selected (tandem_documents_page_get_parent_dropdown (page), TANDEM_DOCUMENTS_ON_COMPANIES);
  g_assert_cmpuint (n_listed (page), ==, 3);
  gtk_drop_down_set_selected (tandem_documents_page_get_parent_dropdown (page), TANDEM_DOCUMENTS_ON_ANY);

  gtk_drop_down_set_selected (tandem_documents_page_get_added_dropdown (page), TANDEM_DOCUMENTS_ADDED_TODAY);
  g_assert_cmpuint (n_listed (page), ==, 3);
  gtk_drop_down_set_selected (tandem_documents_page_get_added_dropdown (page), TANDEM_DOCUMENTS_ADDED_ANY_TIME);
  ui_destroy_toplevels ();

  /* The administrator, outside the sales team, sees the two he added
   * and the two for everyone; only mine shows his own. */
  sign_in_as (fixture->store, "admin");
  page = show_page (fixture);
  g_assert_cmpuint (n_listed (page), ==, 4);
  g_assert_false (tree_contains (GTK_WIDGET (page), "margins"));
  gtk_check_button_set_active (tandem_documents_page_get_mine_check (page), TRUE);
  g_assert_cmpuint (n_listed (page), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (tandem_documents_page_get_count_label (page)), ==, "2 documents");
  ui_destroy_toplevels ();

  /* E1: someone in no group sees the two for everyone only. */
  sign_in_as (fixture->store, "nora");
  card = show_company_card (fixture, &world);
  group = tandem_company_card_get_documents_group (TANDEM_COMPANY_CARD (card));
  g_assert_cmpuint (tandem_documents_group_get_n_documents (group), ==, 2);
  g_assert_false (tree_contains (card, "margins"));
  page = show_page (fixture);
  g_assert_cmpuint (n_listed (page), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (tandem_documents_page_get_count_label (page)), ==, "2 documents");
  g_assert_false (tree_contains (GTK_WIDGET (page), "margins"));
}

/* G2: export writes the exact bytes; a damaged document says so, is not
 * opened and writes nothing. */
static void
test_export_and_damage (UiFixture     *fixture,
                        gconstpointer  data)
{
  static const char content[] = "%PDF-1.4 offer\0\xff\x01 binary";
  g_autoptr(GBytes) bytes = g_bytes_new_static (content, sizeof content);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) kept = NULL;
  g_autofree char *target_path = NULL;
  g_autofree char *kept_path = NULL;
  g_autofree char *written = NULL;
  g_autofree char *private_copy = NULL;
  GtkWidget *card;
  gsize length = 0;
  struct stat info;
  World world;
  gint64 id;

  make_world (fixture, &world);
  id = tandem_store_add_document (fixture->store, TANDEM_KIND_COMPANY, world.company_id, "offer-2.pdf",
                                  "application/pdf", bytes, NULL, TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error);
  g_assert_no_error (error);
  card = show_company_card (fixture, &world);

  target_path = g_build_filename (fixture->dir, "exported.pdf", NULL);
  target = g_file_new_for_path (target_path);
  g_assert_true (tandem_document_actions_export_to (card, fixture->store, id, 0, target));
  g_assert_true (g_file_get_contents (target_path, &written, &length, NULL));
  g_assert_cmpmem (written, length, content, sizeof content);
  g_unlink (target_path);

  /* The copy opened in another application is the user's alone. */
  private_copy = tandem_document_actions_write_private_copy (fixture->store, id, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (private_copy);
  g_assert_true (g_str_has_suffix (private_copy, "offer-2.pdf"));
  g_assert_cmpint (g_stat (private_copy, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_clear_pointer (&written, g_free);
  g_assert_true (g_file_get_contents (private_copy, &written, &length, NULL));
  g_assert_cmpmem (written, length, content, sizeof content);
  g_unlink (private_copy);
  g_clear_pointer (&private_copy, g_free);

  /* Damaged: a message, and neither a new file nor a changed one. */
  damage (fixture, id);
  g_assert_false (tandem_document_actions_export_to (card, fixture->store, id, 0, target));
  g_assert_false (g_file_test (target_path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (find_message_dialog ("Document Is Damaged"));
  gtk_window_destroy (GTK_WINDOW (find_message_dialog ("Document Is Damaged")));

  kept_path = g_build_filename (fixture->dir, "kept.pdf", NULL);
  g_assert_true (g_file_set_contents (kept_path, "earlier", -1, NULL));
  kept = g_file_new_for_path (kept_path);
  g_assert_false (tandem_document_actions_export_to (card, fixture->store, id, 0, kept));
  g_clear_pointer (&written, g_free);
  g_assert_true (g_file_get_contents (kept_path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, "earlier");
  g_unlink (kept_path);

  private_copy = tandem_document_actions_write_private_copy (fixture->store, id, 0, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_DAMAGED);
  g_assert_null (private_copy);
  g_clear_error (&error);

  /* The export is in the audit trail; the refused ones are not. */
  sign_in_as (fixture->store, "admin");
  g_assert_cmpuint (n_exports (fixture, id), ==, 1);
  sign_in_as (fixture->store, "sam");

  /* Opening it shows the same message. */
  gtk_window_destroy (GTK_WINDOW (find_message_dialog ("Document Is Damaged")));
  tandem_document_actions_open (card, fixture->store, id, 0);
  g_assert_nonnull (find_message_dialog ("Document Is Damaged"));
}

/* G1, E1: a file dropped onto the section is added with who may see it. */
static void
test_drop (UiFixture     *fixture,
           gconstpointer  data)
{
  static const char content[] = "Sales letter\n\twith a tab and ä";
  g_autoptr(GFile) file = NULL;
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  TandemDocumentVisibilityDialog *dialog;
  TandemDocumentsGroup *group;
  const gint64 *group_ids;
  gpointer args[2];
  GSList *files;
  GtkWidget *card;
  gboolean handled = FALSE;
  guint n_groups;
  World world;
  gint64 id;

  make_world (fixture, &world);
  card = show_company_card (fixture, &world);
  group = tandem_company_card_get_documents_group (TANDEM_COMPANY_CARD (card));
  g_assert_cmpuint (tandem_documents_group_get_n_documents (group), ==, 3);

  path = g_build_filename (fixture->dir, "sales-letter.txt", NULL);
  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  file = g_file_new_for_path (path);
  files = g_slist_prepend (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (tandem_documents_group_get_drop_target (group), "drop", &value, 20.0, 20.0, &handled);
  g_assert_true (handled);

  /* Who may see it is asked first; everyone who may see the company is
   * the default. */
  g_assert_true (ui_wait_for (toplevel_shown, GSIZE_TO_POINTER (TANDEM_TYPE_DOCUMENT_VISIBILITY_DIALOG), 2000));
  dialog = TANDEM_DOCUMENT_VISIBILITY_DIALOG (ui_find_toplevel (TANDEM_TYPE_DOCUMENT_VISIBILITY_DIALOG));
  g_assert_cmpint (tandem_document_visibility_dialog_get_visibility (dialog), ==, TANDEM_VISIBILITY_EVERYONE);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Add “sales-letter.txt”?");
  tandem_document_visibility_dialog_set_visibility (dialog, TANDEM_VISIBILITY_GROUPS);
  /* No group chosen yet: nothing to add. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_true (tandem_document_visibility_dialog_set_group (dialog, world.sales_team, TRUE));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");

  args[0] = group;
  args[1] = GUINT_TO_POINTER (4);
  g_assert_true (ui_wait_for (has_documents, args, 5000));
  g_assert_true (tree_contains (GTK_WIDGET (group), "sales-letter.txt"));

  {
    g_autoptr(GPtrArray) documents = tandem_store_list_documents_of (fixture->store, TANDEM_KIND_COMPANY,
                                                                     world.company_id, &error);

    g_assert_no_error (error);
    document = g_object_ref (g_ptr_array_index (documents, 0));
  }
  id = tandem_record_get_id (TANDEM_RECORD (document));
  g_assert_cmpstr (tandem_document_get_file_name (document), ==, "sales-letter.txt");
  g_assert_cmpint (tandem_document_get_visibility (document), ==, TANDEM_VISIBILITY_GROUPS);
  group_ids = tandem_document_get_group_ids (document, &n_groups);
  g_assert_cmpuint (n_groups, ==, 1);
  g_assert_cmpint (group_ids[0], ==, world.sales_team);
  read = tandem_store_read_document (fixture->store, id, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (read, NULL), g_bytes_get_size (read), content, strlen (content));

  /* Nora, outside the sales team, never sees it. */
  ui_destroy_toplevels ();
  sign_in_as (fixture->store, "nora");
  card = show_company_card (fixture, &world);
  group = tandem_company_card_get_documents_group (TANDEM_COMPANY_CARD (card));
  g_assert_cmpuint (tandem_documents_group_get_n_documents (group), ==, 2);
  g_assert_false (tree_contains (card, "sales-letter"));
}

/* G1, G2, E2: versions are listed in the history; only the author or an
 * administrator changes who may see a document or deletes it, with an
 * Undo. */
static void
test_versions_visibility_delete (UiFixture     *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GBytes) second = g_bytes_new_static ("%PDF-1.4 offer v2", 17);
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  g_autoptr(GError) error = NULL;
  TandemDocumentHistoryWindow *history;
  TandemDocumentVisibilityDialog *dialog;
  TandemDocumentsGroup *group;
  GtkWidget *card, *overlay;
  gpointer args[2];
  World world;

  make_world (fixture, &world);
  g_assert_cmpuint (tandem_store_add_document_version (fixture->store, world.offer, "offer-v2.pdf", NULL, second,
                                                       "Prices for 2027", &error), ==, 2);
  g_assert_no_error (error);

  card = show_company_card (fixture, &world);
  group = tandem_company_card_get_documents_group (TANDEM_COMPANY_CARD (card));
  g_assert_true (tree_contains (GTK_WIDGET (group), "2 versions"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "documents.history", "x", world.offer));
  g_assert_true (ui_wait_for (toplevel_shown, GSIZE_TO_POINTER (TANDEM_TYPE_DOCUMENT_HISTORY_WINDOW), 2000));
  history = TANDEM_DOCUMENT_HISTORY_WINDOW (ui_find_toplevel (TANDEM_TYPE_DOCUMENT_HISTORY_WINDOW));
  g_assert_cmpuint (tandem_document_history_window_get_n_versions (history), ==, 2);
  g_assert_true (tree_contains (GTK_WIDGET (history), "Prices for 2027"));
  g_assert_true (tree_contains (GTK_WIDGET (history), "Version 2 (current)"));
  gtk_window_destroy (GTK_WINDOW (history));

  /* Sam, the author, makes his offer private. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "documents.visibility", "x", world.offer));
  g_assert_true (ui_wait_for (toplevel_shown, GSIZE_TO_POINTER (TANDEM_TYPE_DOCUMENT_VISIBILITY_DIALOG), 2000));
  dialog = TANDEM_DOCUMENT_VISIBILITY_DIALOG (ui_find_toplevel (TANDEM_TYPE_DOCUMENT_VISIBILITY_DIALOG));
  tandem_document_visibility_dialog_set_visibility (dialog, TANDEM_VISIBILITY_PRIVATE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  ui_iterate ();
  document = tandem_store_get_document (fixture->store, world.offer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_document_get_visibility (document), ==, TANDEM_VISIBILITY_PRIVATE);
  g_clear_object (&document);
  ui_destroy_toplevels ();

  /* Nora may not see it now; the e-mail she may, but not manage it. */
  sign_in_as (fixture->store, "nora");
  card = show_company_card (fixture, &world);
  group = tandem_company_card_get_documents_group (TANDEM_COMPANY_CARD (card));
  g_assert_cmpuint (tandem_documents_group_get_n_documents (group), ==, 1);
  document = tandem_store_get_document (fixture->store, world.email, &error);
  g_assert_no_error (error);
  menu = tandem_document_actions_menu (fixture->store, document, FALSE);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_clear_object (&document);
  ui_destroy_toplevels ();

  /* Sam deletes the e-mail, and takes it back with Undo. */
  sign_in_as (fixture->store, "sam");
  card = show_company_card (fixture, &world);
  group = tandem_company_card_get_documents_group (TANDEM_COMPANY_CARD (card));
  overlay = gtk_widget_get_ancestor (card, ADW_TYPE_TOAST_OVERLAY);
  g_assert_cmpuint (tandem_documents_group_get_n_documents (group), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "documents.delete", "x", world.email));
  args[0] = group;
  args[1] = GUINT_TO_POINTER (2);
  g_assert_true (ui_wait_for (has_documents, args, 2000));
  g_assert_null (tandem_store_get_document (fixture->store, world.email, NULL));
  /* As a person would: once the toast is there. */
  ui_wait_for (never, NULL, 600);
  g_assert_nonnull (find_button (overlay, "_Undo"));
  g_signal_emit_by_name (find_button (overlay, "_Undo"), "clicked");
  args[1] = GUINT_TO_POINTER (3);
  g_assert_true (ui_wait_for (has_documents, args, 2000));
  document = tandem_store_get_document (fixture->store, world.email, &error);
  g_assert_no_error (error);
}

/* G1: the Documents page is in the main window's sidebar, and a
 * document's record opens from it. */
static void
test_window_page (UiFixture     *fixture,
                  gconstpointer  data)
{
  TandemDocumentsPage *page;
  TandemWindow *window;
  World world;

  make_world (fixture, &world);
  window = tandem_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "documents"));
  g_assert_cmpstr (tandem_window_get_visible_page (window), ==, "documents");
  g_assert_true (gtk_list_box_get_selected_row (window->sidebar_list) == window->documents_row);
  page = TANDEM_DOCUMENTS_PAGE (tandem_window_get_page (window, "documents"));
  g_assert_cmpuint (n_listed (page), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "documents.show-parent", "x", world.offer));
  ui_iterate ();
  g_assert_nonnull (tandem_window_get_card (window));
  g_assert_cmpint (tandem_card_get_id (tandem_window_get_card (window)), ==, world.company_id);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/documents/card-and-page-list-only-the-visible-G1-E1-E5", UiFixture, NULL,
              ui_fixture_set_up, test_card_and_page, ui_fixture_tear_down);
  g_test_add ("/ui/documents/export-exact-bytes-damaged-writes-nothing-G2", UiFixture, NULL,
              ui_fixture_set_up, test_export_and_damage, ui_fixture_tear_down);
  g_test_add ("/ui/documents/drop-adds-with-visibility-G1-E1", UiFixture, NULL,
              ui_fixture_set_up, test_drop, ui_fixture_tear_down);
  g_test_add ("/ui/documents/versions-visibility-delete-undo-G2-E2", UiFixture, NULL,
              ui_fixture_set_up, test_versions_visibility_delete, ui_fixture_tear_down);
  g_test_add ("/ui/documents/window-page-opens-parent-G1", UiFixture, NULL,
              ui_fixture_set_up, test_window_page, ui_fixture_tear_down);
  return g_test_run ();
}
