/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTestPreferencesContactGroups"

#include "config.h"

#include "tandem-error.h"
#include "tandem-preferences-window-private.h"
#include "ui-admin-util.h"

/* The shipped groups (migrations/0006-contact-groups.sql) */
#define GROUP_MAILING        1
#define GROUP_CANDIDATES     2
#define GROUP_VISIT          3
#define GROUP_DO_NOT_CONTACT 4

static TandemPreferencesWindow *
open_preferences (Fixture *fixture)
{
  TandemPreferencesWindow *window = tandem_preferences_window_new (NULL, fixture->store);

  gtk_window_present (GTK_WINDOW (window));
  run_main_loop ();
  return window;
}

static void
sign_in_admin (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) admin = NULL;

  admin = tandem_store_create_first_admin (fixture->store, "boss", "Anna Virtanen", "correct horse", &error);
  g_assert_no_error (error);
}

static gboolean
is_shown (TandemPreferencesWindow *window,
          GtkWidget               *widget)
{
  return gtk_widget_get_root (widget) == GTK_ROOT (window) && gtk_widget_is_visible (widget);
}

static gint64
add_company (Fixture    *fixture,
             const char *name)
{
  g_autoptr(TandemCompany) company = tandem_company_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id = tandem_store_save_company (fixture->store, company, &error);

  g_assert_no_error (error);
  return id;
}

static void
put_in (Fixture    *fixture,
        gint64      group,
        TandemKind  kind,
        gint64      id)
{
  g_autoptr(GError) error = NULL;
  TandemContactRef ref = { kind, id };

  g_assert_cmpuint (tandem_store_add_to_group (fixture->store, group, &ref, 1, &error), ==, 1);
  g_assert_no_error (error);
}

/* The groups as the store has them, in order: names joined with ",", a
 * do-not-contact group marked with "!". */
static char *
groups_in_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = tandem_store_list_contact_groups (fixture->store, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < groups->len; i++)
    {
      TandemContactGroup *group = g_ptr_array_index (groups, i);

      g_string_append_printf (names, "%s%s%s", i ? "," : "", tandem_contact_group_get_name (group),
                              tandem_contact_group_get_do_not_contact (group) ? "!" : "");
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The titles of the rows on the page, in order, joined with ",". */
static char *
row_titles (TandemPreferencesWindow *window)
{
  g_autoptr(GString) titles = g_string_new (NULL);
  GtkWidget *row;

  for (guint i = 0; (row = tandem_preferences_window_get_nth_contact_group_row (window, i)) != NULL; i++)
    g_string_append_printf (titles, "%s%s", i ? "," : "",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
assert_groups (Fixture                 *fixture,
               TandemPreferencesWindow *window,
               const char              *in_store,
               const char              *titles)
{
  g_autofree char *stored = groups_in_store (fixture);
  g_autofree char *shown = row_titles (window);

  g_assert_cmpstr (stored, ==, in_store);
  g_assert_cmpstr (shown, ==, titles);
}

static GtkWidget *
part (TandemPreferencesWindow *window,
      const char              *title,
      const char              *name)
{
  GtkWidget *row = tandem_preferences_window_find_contact_group_row (window, title);
  GtkWidget *widget;

  g_assert_nonnull (row);
  widget = tandem_preferences_window_get_contact_group_row_part (row, name);
  g_assert_nonnull (widget);
  return widget;
}

static GAction *
action (TandemPreferencesWindow *window,
        const char              *title,
        const char              *name)
{
  GtkWidget *row = tandem_preferences_window_find_contact_group_row (window, title);
  GAction *found;

  g_assert_nonnull (row);
  found = tandem_preferences_window_get_contact_group_row_action (row, name);
  g_assert_nonnull (found);
  return found;
}

static void
activate (GAction *chosen)
{
  g_assert_true (g_action_get_enabled (chosen));
  g_action_activate (chosen, NULL);
  run_main_loop ();
}

static void
apply_text (GtkWidget  *entry_row,
            const char *text)
{
  type_text (entry_row, text);
  g_signal_emit_by_name (entry_row, "apply");
  run_main_loop ();
}

static const char *
toast_title (TandemPreferencesWindow *window)
{
  AdwToast *toast = tandem_preferences_window_get_contact_groups_toast (window);

  return toast ? adw_toast_get_title (toast) : NULL;
}

static const char *
subtitle_of (TandemPreferencesWindow *window,
             const char              *title)
{
  GtkWidget *row = tandem_preferences_window_find_contact_group_row (window, title);

  g_assert_nonnull (row);
  if (ADW_IS_EXPANDER_ROW (row))
    return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* As a click on one of the confirmation's buttons */
static void
answer (TandemPreferencesWindow *window,
        const char              *response)
{
  GtkWindow *dialog = tandem_preferences_window_get_contact_groups_dialog (window);

  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (dialog);
  run_main_loop ();
  g_assert_null (tandem_preferences_window_get_contact_groups_dialog (window));
}

/* SPEC I1, L1: an administrator adds a group, renames one, marks one
 * "Do not contact", moves one, and deletes one. Bad names are refused
 * with a message and lose nothing; shipped groups stay shipped (shown
 * translated) until renamed. */
static void
test_admin_keeps_groups (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemContactGroup) group = NULL;
  TandemPreferencesWindow *window;
  GtkWidget *new_row;
  GtkWidget *row;

  sign_in_admin (fixture);
  window = open_preferences (fixture);
  g_assert_true (is_shown (window, tandem_preferences_window_get_contact_groups_page (window)));
  assert_groups (fixture, window,
                 "Mailing list,Candidates,Visit,Do not contact!",
                 "Mailing list,Candidates,Visit,Do not contact");
  g_assert_cmpstr (subtitle_of (window, "Do not contact"), ==, "No members · Left out of label sheets");
  g_assert_cmpstr (subtitle_of (window, "Visit"), ==, "No members");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (part (window, "Do not contact", "do-not-contact"))));

  /* Added at the end */
  new_row = tandem_preferences_window_get_new_contact_group_row (window);
  g_assert_true (is_shown (window, new_row));
  apply_text (new_row, "Fair visitors");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_row)), ==, "");
  assert_groups (fixture, window,
                 "Mailing list,Candidates,Visit,Do not contact!,Fair visitors",
                 "Mailing list,Candidates,Visit,Do not contact,Fair visitors");

  /* An empty name and a name taken are refused, with a message; what
   * was typed stays and nothing is added. */
  apply_text (new_row, "  ");
  g_assert_true (gtk_widget_has_css_class (new_row, "error"));
  g_assert_cmpstr (toast_title (window), ==, "A contact group needs a name");
  apply_text (new_row, "fair VISITORS");
  g_assert_true (gtk_widget_has_css_class (new_row, "error"));
  g_assert_cmpstr (toast_title (window), ==, "There is already a contact group called “Fair visitors”");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_row)), ==, "fair VISITORS");
  type_text (new_row, "");
  g_assert_false (gtk_widget_has_css_class (new_row, "error"));
  assert_groups (fixture, window,
                 "Mailing list,Candidates,Visit,Do not contact!,Fair visitors",
                 "Mailing list,Candidates,Visit,Do not contact,Fair visitors");

  /* Renamed: the administrator's name is kept, the shipped one behind it. */
  row = tandem_preferences_window_find_contact_group_row (window, "Visit");
  apply_text (part (window, "Visit", "name"), "Visit at the fair");
  g_assert_true (tandem_preferences_window_find_contact_group_row (window, "Visit at the fair") == row);
  group = tandem_store_get_contact_group (fixture->store, GROUP_VISIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_contact_group_get_custom_name (group), ==, "Visit at the fair");
  g_assert_cmpstr (tandem_contact_group_get_builtin (group), ==, "Visit");
  g_clear_object (&group);

  /* An empty name or one taken is refused; the stored name stays and
   * what was typed stays to be corrected. */
  apply_text (part (window, "Visit at the fair", "name"), " ");
  g_assert_cmpstr (toast_title (window), ==, "A contact group needs a name");
  g_assert_true (gtk_widget_has_css_class (part (window, "Visit at the fair", "name"), "error"));
  apply_text (part (window, "Visit at the fair", "name"), "MAILING LIST");
  g_assert_cmpstr (toast_title (window), ==, "There is already a contact group called “Mailing list”");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (window, "Visit at the fair", "name"))), ==, "MAILING LIST");
  g_assert_true (gtk_widget_has_css_class (part (window, "Visit at the fair", "name"), "error"));
  assert_groups (fixture, window,
                 "Mailing list,Candidates,Visit at the fair,Do not contact!,Fair visitors",
                 "Mailing list,Candidates,Visit at the fair,Do not contact,Fair visitors");
  type_text (part (window, "Visit at the fair", "name"), "Visit at the fair");

  /* A shipped group applied with its own name, or marked, stays shipped:
   * it is still shown translated. */
  apply_text (part (window, "Candidates", "name"), "Candidates");
  gtk_switch_set_active (GTK_SWITCH (part (window, "Candidates", "do-not-contact")), TRUE);
  run_main_loop ();
  group = tandem_store_get_contact_group (fixture->store, GROUP_CANDIDATES, &error);
  g_assert_no_error (error);
  g_assert_null (tandem_contact_group_get_custom_name (group));
  g_assert_true (tandem_contact_group_get_do_not_contact (group));
  g_clear_object (&group);
  g_assert_cmpstr (subtitle_of (window, "Candidates"), ==, "No members · Left out of label sheets");
  gtk_switch_set_active (GTK_SWITCH (part (window, "Candidates", "do-not-contact")), FALSE);
  run_main_loop ();

  /* Do not contact, on a group of one's own */
  gtk_switch_set_active (GTK_SWITCH (part (window, "Fair visitors", "do-not-contact")), TRUE);
  run_main_loop ();
  assert_groups (fixture, window,
                 "Mailing list,Candidates,Visit at the fair,Do not contact!,Fair visitors!",
                 "Mailing list,Candidates,Visit at the fair,Do not contact,Fair visitors");
  g_assert_cmpstr (subtitle_of (window, "Fair visitors"), ==, "No members · Left out of label sheets");

  /* The order: the first cannot move up, the last not down. */
  g_assert_false (g_action_get_enabled (action (window, "Mailing list", "move-up")));
  g_assert_true (g_action_get_enabled (action (window, "Mailing list", "move-down")));
  g_assert_false (g_action_get_enabled (action (window, "Fair visitors", "move-down")));
  activate (action (window, "Fair visitors", "move-up"));
  activate (action (window, "Fair visitors", "move-up"));
  assert_groups (fixture, window,
                 "Mailing list,Candidates,Fair visitors!,Visit at the fair,Do not contact!",
                 "Mailing list,Candidates,Fair visitors,Visit at the fair,Do not contact");
  activate (action (window, "Mailing list", "move-down"));
  assert_groups (fixture, window,
                 "Candidates,Mailing list,Fair visitors!,Visit at the fair,Do not contact!",
                 "Candidates,Mailing list,Fair visitors,Visit at the fair,Do not contact");

  /* A group without members is deleted at once, and back in its place
   * with Undo. */
  activate (action (window, "Fair visitors", "delete"));
  g_assert_null (tandem_preferences_window_get_contact_groups_dialog (window));
  g_assert_cmpstr (toast_title (window), ==, "“Fair visitors” deleted");
  assert_groups (fixture, window,
                 "Candidates,Mailing list,Visit at the fair,Do not contact!",
                 "Candidates,Mailing list,Visit at the fair,Do not contact");
  g_signal_emit_by_name (tandem_preferences_window_get_contact_groups_toast (window), "button-clicked");
  run_main_loop ();
  assert_groups (fixture, window,
                 "Candidates,Mailing list,Fair visitors!,Visit at the fair,Do not contact!",
                 "Candidates,Mailing list,Fair visitors,Visit at the fair,Do not contact");

  /* Opened again, the page shows what was stored. */
  destroy_window (window);
  window = open_preferences (fixture);
  assert_groups (fixture, window,
                 "Candidates,Mailing list,Fair visitors!,Visit at the fair,Do not contact!",
                 "Candidates,Mailing list,Fair visitors,Visit at the fair,Do not contact");
  destroy_window (window);
}

/* SPEC I1, E1: deleting a group with members asks first, naming how many
 * leave it; a deleted company is no longer counted. The companies and
 * people stay, in their other groups. */
static void
test_delete_with_members (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCompany) acme = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(TandemPerson) liisa = NULL;
  TandemPreferencesWindow *window;
  GtkWindow *dialog;
  gint64 acme_id;
  gint64 gone_id;
  gint64 liisa_id;

  sign_in_admin (fixture);
  acme_id = add_company (fixture, "Acme Oy");
  gone_id = add_company (fixture, "Gone Oy");
  liisa = tandem_person_new ("Liisa Mäkinen");
  tandem_person_set_company_id (liisa, acme_id);
  liisa_id = tandem_store_save_person (fixture->store, liisa, &error);
  g_assert_no_error (error);
  put_in (fixture, GROUP_VISIT, TANDEM_KIND_COMPANY, acme_id);
  put_in (fixture, GROUP_VISIT, TANDEM_KIND_PERSON, liisa_id);
  put_in (fixture, GROUP_VISIT, TANDEM_KIND_COMPANY, gone_id);
  put_in (fixture, GROUP_MAILING, TANDEM_KIND_COMPANY, acme_id);
  g_assert_true (tandem_store_delete (fixture->store, TANDEM_KIND_COMPANY, gone_id, &error));
  g_assert_no_error (error);

  window = open_preferences (fixture);
  g_assert_cmpstr (subtitle_of (window, "Visit"), ==, "2 members");
  g_assert_cmpstr (subtitle_of (window, "Mailing list"), ==, "1 member");

  activate (action (window, "Visit", "delete"));
  dialog = tandem_preferences_window_get_contact_groups_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Delete Contact Group “Visit”?");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "2 members leave this group. The companies and people themselves are not deleted.");
  /* Cancel is the default: nothing changes. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "cancel");
  answer (window, "cancel");
  assert_groups (fixture, window,
                 "Mailing list,Candidates,Visit,Do not contact!",
                 "Mailing list,Candidates,Visit,Do not contact");

  activate (action (window, "Visit", "delete"));
  answer (window, "delete");
  assert_groups (fixture, window,
                 "Mailing list,Candidates,Do not contact!",
                 "Mailing list,Candidates,Do not contact");
  g_assert_cmpstr (toast_title (window), ==, "“Visit” deleted");

  /* The members stay, in their other groups. */
  acme = tandem_store_get_company (fixture->store, acme_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (acme);
  groups = tandem_store_list_groups_of (fixture->store, TANDEM_KIND_COMPANY, acme_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpint (tandem_contact_group_get_id (g_ptr_array_index (groups, 0)), ==, GROUP_MAILING);
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = tandem_store_list_groups_of (fixture->store, TANDEM_KIND_PERSON, liisa_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 0);
  destroy_window (window);
}

/* SPEC L1: everyone sees the contact groups the cards offer, read only;
 * only administrators change them, and the store refuses others. */
static void
test_plain_user (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) sam = NULL;
  g_autoptr(TandemContactGroup) group = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TandemPreferencesWindow *window;
  GtkWidget *row;

  sign_in_admin (fixture);
  sam = tandem_store_add_user (fixture->store, "sam", "Sam Seller", "sprzedaz 2024", TANDEM_ROLE_USER, NULL, &error);
  g_assert_no_error (error);
  tandem_store_sign_out (fixture->store);
  g_assert_true (tandem_store_sign_in (fixture->store, "sam", "sprzedaz 2024", &error));
  g_assert_no_error (error);
  before = groups_in_store (fixture);

  window = open_preferences (fixture);
  g_assert_true (is_shown (window, tandem_preferences_window_get_contact_groups_page (window)));
  g_assert_false (is_shown (window, tandem_preferences_window_get_new_contact_group_row (window)));
  assert_groups (fixture, window,
                 "Mailing list,Candidates,Visit,Do not contact!",
                 "Mailing list,Candidates,Visit,Do not contact");
  row = tandem_preferences_window_find_contact_group_row (window, "Do not contact");
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (subtitle_of (window, "Do not contact"), ==, "No members · Left out of label sheets");
  /* No control that the store would refuse */
  g_assert_null (tandem_preferences_window_get_contact_group_row_part (row, "menu"));
  g_assert_null (tandem_preferences_window_get_contact_group_row_part (row, "name"));
  g_assert_null (tandem_preferences_window_get_contact_group_row_part (row, "do-not-contact"));
  g_assert_null (tandem_preferences_window_get_contact_group_row_action (row, "delete"));

  /* The store refuses, whatever the UI shows. */
  group = tandem_contact_group_new ("Golf");
  g_assert_cmpint (tandem_store_save_contact_group (fixture->store, group, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (tandem_store_delete_contact_group (fixture->store, GROUP_VISIT, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  destroy_window (window);

  after = groups_in_store (fixture);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  if (!init_display (&argc, &argv))
    {
      g_printerr ("No display: skipped\n");
      return 77;
    }

  g_test_add ("/ui/preferences-contact-groups-I1-L1", Fixture, NULL, fixture_set_up, test_admin_keeps_groups, fixture_tear_down);
  g_test_add ("/ui/preferences-contact-groups-delete-I1-E1", Fixture, NULL, fixture_set_up, test_delete_with_members, fixture_tear_down);
  g_test_add ("/ui/preferences-contact-groups-plain-user-L1", Fixture, NULL, fixture_set_up, test_plain_user, fixture_tear_down);
  return g_test_run ();
}
