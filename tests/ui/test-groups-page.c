/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SPEC I2 on the group screen: include and exclude groups, move many
 * between groups, and call down the list with the keyboard, recording
 * each call and moving the contact in one step; the real widgets in the
 * main window on a fresh database, checked against the store. A deleted
 * company is never listed or counted (E5). */

#include "tandem-call-dialog-private.h"
#include "tandem-groups-page-private.h"
#include "tandem-label-dialog-private.h"
#include "tandem-window-private.h"
#include "ui-test-util.h"

/* The shipped "Visit" group (migrations/0006-contact-groups.sql) */
#define GROUP_VISIT_ID 3

typedef struct
{
  gint64 fair;
  gint64 contacted;
  gint64 acme;       /* Fair visitors */
  gint64 birch;      /* Fair visitors, Contacted */
  gint64 lodz;       /* Fair visitors */
  gint64 gone;       /* Fair visitors, then deleted */
  gint64 pekka;      /* at Acme; Fair visitors */
  gint64 anna;       /* at Łódź; Fair visitors */
  gint64 erik;       /* at Birch; in no group */
} Seed;

/* Helpers ------------------------------------------------------------------ */

static gint64
add_group (UiFixture  *fixture,
           const char *name)
{
  g_autoptr(TandemContactGroup) group = tandem_contact_group_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id = tandem_store_save_contact_group (fixture->store, group, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
add_company (UiFixture  *fixture,
             const char *name,
             const char *phone)
{
  g_autoptr(TandemCompany) company = tandem_company_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (company, "phone", phone, NULL);
  id = tandem_store_save_company (fixture->store, company, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_person (UiFixture  *fixture,
            const char *name,
            gint64      company,
            const char *phone)
{
  g_autoptr(TandemPerson) person = tandem_person_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  tandem_person_set_company_id (person, company);
  g_object_set (person, "phone", phone, NULL);
  id = tandem_store_save_person (fixture->store, person, &error);
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

  tandem_store_add_to_group (fixture->store, group, &ref, 1, &error);
  g_assert_no_error (error);
}

static gboolean
is_in (UiFixture  *fixture,
       gint64      group,
       TandemKind  kind,
       gint64      id)
{
  g_autoptr(GPtrArray) groups = tandem_store_list_groups_of (fixture->store, kind, id, NULL);

  for (guint i = 0; groups && i < groups->len; i++)
    if (tandem_contact_group_get_id (g_ptr_array_index (groups, i)) == group)
      return TRUE;
  return FALSE;
}

static void
seed (UiFixture *fixture,
      Seed      *s)
{
  g_autoptr(GError) error = NULL;

  s->fair = add_group (fixture, "Fair visitors");
  s->contacted = add_group (fixture, "Contacted");
  s->acme = add_company (fixture, "Acme Oy", "+358 9 123 4567");
  s->birch = add_company (fixture, "Birch Ab", "+46 8 555 0123");
  s->lodz = add_company (fixture, "Łódź Narzędzia", "+48 42 555 0101");
  s->gone = add_company (fixture, "Gone Gmbh", "+49 30 555 0000");
  s->pekka = add_person (fixture, "Pekka Virtanen", s->acme, "+358 40 555 0101");
  s->anna = add_person (fixture, "Anna Nowak", s->lodz, "+48 601 555 222");
  s->erik = add_person (fixture, "Erik Lund", s->birch, "+46 70 555 0404");

  put_in (fixture, s->fair, TANDEM_KIND_COMPANY, s->acme);
  put_in (fixture, s->fair, TANDEM_KIND_COMPANY, s->birch);
  put_in (fixture, s->fair, TANDEM_KIND_COMPANY, s->lodz);
  put_in (fixture, s->fair, TANDEM_KIND_COMPANY, s->gone);
  put_in (fixture, s->fair, TANDEM_KIND_PERSON, s->pekka);
  put_in (fixture, s->fair, TANDEM_KIND_PERSON, s->anna);
  put_in (fixture, s->contacted, TANDEM_KIND_COMPANY, s->birch);

  g_assert_true (tandem_store_delete (fixture->store, TANDEM_KIND_COMPANY, s->gone, &error));
  g_assert_no_error (error);
}

static TandemGroupsPage *
open_page (UiFixture     *fixture,
           TandemWindow **out_window)
{
  TandemWindow *window = tandem_window_new (NULL, fixture->store);
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (window));
  ui_iterate ();

  /* The sidebar's "Contact Groups" row shows the page. */
  gtk_list_box_select_row (window->sidebar_list, window->groups_row);
  ui_iterate ();
  g_assert_cmpstr (tandem_window_get_visible_page (window), ==, "groups");
  page = tandem_window_get_page (window, "groups");
  g_assert_true (TANDEM_IS_GROUPS_PAGE (page));
  *out_window = window;
  return TANDEM_GROUPS_PAGE (page);
}

static void
tick (TandemGroupsPage *page,
      gboolean          include,
      gint64            group)
{
  GtkCheckButton *check = tandem_groups_page_get_group_check (page, include, group);

  g_assert_nonnull (check);
  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
  ui_iterate ();
}

/* The listed names, joined with "|" */
static char *
listed (TandemGroupsPage *page)
{
  GListModel *model = tandem_groups_page_get_model (page);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TandemContact) contact = g_list_model_get_item (model, i);

      g_strv_builder_add (names, tandem_contact_get_name (contact));
    }
  strv = g_strv_builder_end (names);
  return g_strjoinv ("|", strv);
}

static guint
position_of (TandemGroupsPage *page,
             const char       *name)
{
  GListModel *model = tandem_groups_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TandemContact) contact = g_list_model_get_item (model, i);

      if (g_str_equal (tandem_contact_get_name (contact), name))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static char *
focused_name (TandemGroupsPage *page)
{
  guint position = tandem_groups_page_get_focus_position (page);
  g_autoptr(TandemContact) contact = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  contact = g_list_model_get_item (tandem_groups_page_get_model (page), position);
  return g_strdup (tandem_contact_get_name (contact));
}

/* Presses a key as the keyboard would: the shortcuts of the focused widget
 * and then of each widget around it, capture ones first, until one
 * handles it. */
static gboolean
press_in (GtkWidget      *widget,
          guint           keyval,
          GdkModifierType modifiers,
          GtkPropagationPhase phase)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            widget, gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
press (GtkWindow       *window,
       guint            keyval,
       GdkModifierType  modifiers)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  gboolean done = FALSE;

  g_assert_nonnull (focus);
  for (GtkWidget *widget = focus; widget; widget = gtk_widget_get_parent (widget))
    g_ptr_array_add (chain, widget);
  for (guint i = chain->len; !done && i > 0; i--)
    done = press_in (g_ptr_array_index (chain, i - 1), keyval, modifiers, GTK_PHASE_CAPTURE);
  for (guint i = 0; !done && i < chain->len; i++)
    done = press_in (g_ptr_array_index (chain, i), keyval, modifiers, GTK_PHASE_BUBBLE);
  ui_iterate ();
  return done;
}

static gboolean
dialog_shown (gpointer data)
{
  return tandem_groups_page_get_dialog (data) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (tandem_groups_page_get_dialog (data)));
}

static gboolean
dialog_gone (gpointer data)
{
  return tandem_groups_page_get_dialog (data) == NULL;
}

/* The number the Include menu shows after a group's name */
static const char *
menu_count (TandemGroupsPage *page,
            gint64            group)
{
  GtkWidget *row = gtk_check_button_get_child (tandem_groups_page_get_group_check (page, TRUE, group));

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (row)));
}

static gboolean
call_refused (gpointer data)
{
  return tandem_call_dialog_get_error (data) != NULL;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found)
        return found;
    }
  return NULL;
}

static void
choose_group (GtkWindow  *dialog,
              const char *row_name,
              const char *group)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_named (GTK_WIDGET (dialog), row_name));
  GListModel *model;

  g_assert_nonnull (row);
  model = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), group))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_assert_not_reached ();
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

/* Clicks a response button of a message dialog. */
static void
respond (GtkWindow  *dialog,
         const char *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_iterate ();
}

static const char *
chosen_group (GtkWindow  *dialog,
              const char *row_name)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_named (GTK_WIDGET (dialog), row_name));

  return gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                     adw_combo_row_get_selected (row));
}

static guint
count_activities (UiFixture  *fixture,
                  TandemKind  kind,
                  gint64      id,
                  const char *title)
{
  g_autoptr(GPtrArray) activities = tandem_store_list_activities_of (fixture->store, kind, id, NULL);
  guint n = 0;

  for (guint i = 0; activities && i < activities->len; i++)
    if (g_strcmp0 (tandem_activity_get_title (g_ptr_array_index (activities, i)), title) == 0)
      n++;
  return n;
}

/* Tests -------------------------------------------------------------------- */

/* The seed's example: visited the fair and not contacted; a deleted
 * company is neither listed nor counted. */
static void
test_include_exclude_I2 (UiFixture     *fixture,
                         gconstpointer  data)
{
  TandemGroupsPage *page;
  TandemWindow *window;
  AdwStatusPage *empty;
  g_autofree char *names = NULL;
  Seed s;

  seed (fixture, &s);
  page = open_page (fixture, &window);

  /* Nothing chosen yet: the page asks for groups. */
  empty = tandem_groups_page_get_empty_page (page);
  g_assert_nonnull (empty);
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Choose Groups to Include");

  /* The Include menu counts the members one may see. */
  {
    GtkWidget *row = gtk_check_button_get_child (tandem_groups_page_get_group_check (page, TRUE, s.fair));

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (row))), ==, "Fair visitors");
    g_assert_cmpstr (menu_count (page, s.fair), ==, "5");
  }
  tick (page, TRUE, s.fair);
  names = listed (page);
  g_assert_cmpstr (names, ==, "Acme Oy|Anna Nowak|Birch Ab|Pekka Virtanen|Łódź Narzędzia");
  g_assert_cmpstr (gtk_label_get_text (tandem_groups_page_get_count_label (page)), ==, "5 contacts");
  g_clear_pointer (&names, g_free);

  tick (page, FALSE, s.contacted);
  names = listed (page);
  g_assert_cmpstr (names, ==, "Acme Oy|Anna Nowak|Pekka Virtanen|Łódź Narzędzia");
  g_assert_cmpstr (gtk_label_get_text (tandem_groups_page_get_count_label (page)), ==, "4 contacts");
  g_assert_null (tandem_groups_page_get_empty_page (page));
  g_clear_pointer (&names, g_free);

  /* Excluding an included group takes it out of Include. */
  tick (page, FALSE, s.fair);
  g_assert_false (gtk_check_button_get_active (tandem_groups_page_get_group_check (page, TRUE, s.fair)));
  /* Only excluded groups: everyone else */
  names = listed (page);
  g_assert_cmpstr (names, ==, "Erik Lund");
  g_clear_pointer (&names, g_free);
  tick (page, TRUE, s.fair);
  g_assert_false (gtk_check_button_get_active (tandem_groups_page_get_group_check (page, FALSE, s.fair)));

  /* In all of two groups */
  tick (page, FALSE, s.contacted);
  tick (page, TRUE, s.contacted);
  tandem_groups_page_set_include_all (page, TRUE);
  ui_iterate ();
  names = listed (page);
  g_assert_cmpstr (names, ==, "Birch Ab");
  g_clear_pointer (&names, g_free);
  tandem_groups_page_set_include_all (page, FALSE);
  tick (page, TRUE, s.contacted);

  /* People only, and a search by company, phone or name */
  gtk_drop_down_set_selected (tandem_groups_page_get_kind_dropdown (page), 2);
  ui_iterate ();
  names = listed (page);
  g_assert_cmpstr (names, ==, "Anna Nowak|Pekka Virtanen");
  g_clear_pointer (&names, g_free);
  gtk_drop_down_set_selected (tandem_groups_page_get_kind_dropdown (page), 0);
  gtk_editable_set_text (tandem_groups_page_get_search_entry (page), "ŁÓDŹ");
  tandem_groups_page_apply_search (page);
  names = listed (page);
  g_assert_cmpstr (names, ==, "Anna Nowak|Łódź Narzędzia");
  g_clear_pointer (&names, g_free);
  gtk_editable_set_text (tandem_groups_page_get_search_entry (page), "Gone");
  tandem_groups_page_apply_search (page);
  g_assert_cmpuint (g_list_model_get_n_items (tandem_groups_page_get_model (page)), ==, 0);
  empty = tandem_groups_page_get_empty_page (page);
  g_assert_nonnull (empty);
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Contacts Match");
  g_assert_null (ui_find_label (GTK_WIDGET (window), "Gone Gmbh"));
  g_assert_null (ui_find_label (GTK_WIDGET (window), "+49 30"));
}

/* Two selected rows move from one group to another, with Undo. */
static void
test_move_selected_I2 (UiFixture     *fixture,
                       gconstpointer  data)
{
  GtkSelectionModel *selection;
  TandemGroupsPage *page;
  TandemWindow *window;
  GtkWindow *dialog;
  g_autofree char *names = NULL;
  Seed s;

  seed (fixture, &s);
  page = open_page (fixture, &window);
  tick (page, TRUE, s.fair);
  tick (page, FALSE, s.contacted);

  /* Ctrl-click on two rows */
  selection = tandem_groups_page_get_selection (page);
  gtk_selection_model_select_item (selection, position_of (page, "Acme Oy"), TRUE);
  gtk_selection_model_select_item (selection, position_of (page, "Anna Nowak"), FALSE);
  ui_iterate ();
  g_assert_cmpstr (gtk_label_get_text (tandem_groups_page_get_count_label (page)), ==, "4 contacts · 2 selected");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "groups.move-to-group", NULL));
  g_assert_true (ui_wait_for (dialog_shown, page, 2000));
  dialog = tandem_groups_page_get_dialog (page);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  /* From the included group, to the one the screen leaves out */
  g_assert_cmpstr (chosen_group (dialog, "from-group"), ==, "Fair visitors");
  g_assert_cmpstr (chosen_group (dialog, "to-group"), ==, "Mailing list");
  choose_group (dialog, "to-group", "Contacted");
  respond (dialog, "_Move");
  g_assert_true (ui_wait_for (dialog_gone, page, 2000));

  g_assert_true (is_in (fixture, s.contacted, TANDEM_KIND_COMPANY, s.acme));
  g_assert_false (is_in (fixture, s.fair, TANDEM_KIND_COMPANY, s.acme));
  g_assert_true (is_in (fixture, s.contacted, TANDEM_KIND_PERSON, s.anna));
  g_assert_false (is_in (fixture, s.fair, TANDEM_KIND_PERSON, s.anna));
  g_assert_cmpstr (tandem_groups_page_get_last_toast (page), ==, "2 contacts moved to “Contacted”");
  g_assert_cmpstr (menu_count (page, s.fair), ==, "3");
  g_assert_cmpstr (menu_count (page, s.contacted), ==, "3");
  names = listed (page);
  g_assert_cmpstr (names, ==, "Pekka Virtanen|Łódź Narzędzia");
  g_clear_pointer (&names, g_free);

  /* Undo puts them back where they were. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "groups.undo", NULL));
  ui_iterate ();
  g_assert_true (is_in (fixture, s.fair, TANDEM_KIND_COMPANY, s.acme));
  g_assert_false (is_in (fixture, s.contacted, TANDEM_KIND_COMPANY, s.acme));
  g_assert_true (is_in (fixture, s.fair, TANDEM_KIND_PERSON, s.anna));
  names = listed (page);
  g_assert_cmpstr (names, ==, "Acme Oy|Anna Nowak|Pekka Virtanen|Łódź Narzędzia");
  g_clear_pointer (&names, g_free);

  /* Add to a group, then remove from it */
  gtk_selection_model_select_item (selection, position_of (page, "Pekka Virtanen"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "groups.add-to-group", NULL));
  g_assert_true (ui_wait_for (dialog_shown, page, 2000));
  dialog = tandem_groups_page_get_dialog (page);
  choose_group (dialog, "group", "Visit");
  respond (dialog, "_Add");
  g_assert_true (ui_wait_for (dialog_gone, page, 2000));
  g_assert_cmpstr (tandem_groups_page_get_last_toast (page), ==, "1 contact added to “Visit”");
  g_assert_true (is_in (fixture, s.fair, TANDEM_KIND_PERSON, s.pekka));

  gtk_selection_model_select_item (selection, position_of (page, "Pekka Virtanen"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "groups.remove-from-group", NULL));
  g_assert_true (ui_wait_for (dialog_shown, page, 2000));
  dialog = tandem_groups_page_get_dialog (page);
  g_assert_cmpstr (chosen_group (dialog, "group"), ==, "Fair visitors");
  choose_group (dialog, "group", "Visit");
  respond (dialog, "_Remove");
  g_assert_true (ui_wait_for (dialog_gone, page, 2000));
  g_assert_cmpstr (tandem_groups_page_get_last_toast (page), ==, "1 contact removed from “Visit”");
  g_assert_false (is_in (fixture, GROUP_VISIT_ID, TANDEM_KIND_PERSON, s.pekka));
}

/* Calling down the list with the keyboard only: Ctrl+Enter on the focused
 * row, a title, Enter; the call is on the contact, the contact has moved
 * out of the list, and the focus is on the next one. */
static void
test_call_down_the_list_I2 (UiFixture     *fixture,
                            gconstpointer  data)
{
  GdkContentProvider *content;
  TandemGroupsPage *page;
  TandemWindow *window;
  GtkWindow *dialog;
  GtkWidget *focus;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *names = NULL;
  g_autofree char *name = NULL;
  Seed s;

  seed (fixture, &s);
  page = open_page (fixture, &window);
  tick (page, TRUE, s.fair);
  tick (page, FALSE, s.contacted);

  /* Into the list and down to its second row */
  gtk_widget_grab_focus (GTK_WIDGET (tandem_groups_page_get_column_view (page)));
  ui_iterate ();
  name = focused_name (page);
  g_assert_cmpstr (name, ==, "Acme Oy");
  g_clear_pointer (&name, g_free);
  g_assert_true (press (GTK_WINDOW (window), GDK_KEY_Down, 0));
  name = focused_name (page);
  g_assert_cmpstr (name, ==, "Anna Nowak");
  g_clear_pointer (&name, g_free);

  /* Ctrl+C copies the phone number. */
  g_assert_true (press (GTK_WINDOW (window), GDK_KEY_c, GDK_CONTROL_MASK));
  content = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (window)));
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, "+48 601 555 222");

  /* The first call: the dialog starts as a call from the included group,
   * and the move is chosen once. */
  g_assert_true (press (GTK_WINDOW (window), GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_true (ui_wait_for (dialog_shown, page, 2000));
  dialog = tandem_groups_page_get_dialog (page);
  g_assert_true (TANDEM_IS_CALL_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (tandem_call_dialog_get_title_entry (TANDEM_CALL_DIALOG (dialog))),
                   ==, "Call");
  g_assert_cmpint (tandem_call_dialog_get_from_group (TANDEM_CALL_DIALOG (dialog)), ==, s.fair);
  g_assert_cmpint (tandem_call_dialog_get_to_group (TANDEM_CALL_DIALOG (dialog)), ==, 0);
  g_assert_cmpint (tandem_call_dialog_get_category_id (TANDEM_CALL_DIALOG (dialog)), ==, 35);  /* Phone call */
  tandem_call_dialog_set_to_group (TANDEM_CALL_DIALOG (dialog), s.contacted);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), "Wants a catalogue");
  g_assert_true (press (dialog, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_true (ui_wait_for (dialog_gone, page, 2000));

  g_assert_cmpuint (count_activities (fixture, TANDEM_KIND_PERSON, s.anna, "Wants a catalogue"), ==, 1);
  g_assert_true (is_in (fixture, s.contacted, TANDEM_KIND_PERSON, s.anna));
  g_assert_false (is_in (fixture, s.fair, TANDEM_KIND_PERSON, s.anna));
  names = listed (page);
  g_assert_cmpstr (names, ==, "Acme Oy|Pekka Virtanen|Łódź Narzędzia");
  g_clear_pointer (&names, g_free);
  name = focused_name (page);
  g_assert_cmpstr (name, ==, "Pekka Virtanen");
  g_clear_pointer (&name, g_free);

  /* The next call keeps the move and needs nothing but keys. */
  g_assert_true (press (GTK_WINDOW (window), GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_true (ui_wait_for (dialog_shown, page, 2000));
  dialog = tandem_groups_page_get_dialog (page);
  g_assert_cmpint (tandem_call_dialog_get_to_group (TANDEM_CALL_DIALOG (dialog)), ==, s.contacted);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  gtk_editable_set_text (GTK_EDITABLE (focus), "No answer");
  g_assert_true (press (dialog, GDK_KEY_Return, 0));
  g_assert_true (ui_wait_for (dialog_gone, page, 2000));

  g_assert_cmpuint (count_activities (fixture, TANDEM_KIND_PERSON, s.pekka, "No answer"), ==, 1);
  /* The person's company sees the call too. */
  g_assert_cmpuint (count_activities (fixture, TANDEM_KIND_COMPANY, s.acme, "No answer"), ==, 1);
  g_assert_true (is_in (fixture, s.contacted, TANDEM_KIND_PERSON, s.pekka));
  names = listed (page);
  g_assert_cmpstr (names, ==, "Acme Oy|Łódź Narzędzia");
  g_clear_pointer (&names, g_free);
  name = focused_name (page);
  g_assert_cmpstr (name, ==, "Łódź Narzędzia");
  g_clear_pointer (&name, g_free);

  /* Escape leaves without saving; an empty title is refused in the
   * dialog. */
  g_assert_true (press (GTK_WINDOW (window), GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_true (ui_wait_for (dialog_shown, page, 2000));
  dialog = tandem_groups_page_get_dialog (page);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  gtk_editable_set_text (GTK_EDITABLE (focus), "  ");
  g_assert_true (press (dialog, GDK_KEY_Return, 0));
  /* The default button takes a moment to look pressed. */
  g_assert_true (ui_wait_for (call_refused, dialog, 2000));
  g_assert_true (press (dialog, GDK_KEY_Escape, 0));
  g_assert_true (ui_wait_for (dialog_gone, page, 2000));
  g_assert_true (is_in (fixture, s.fair, TANDEM_KIND_COMPANY, s.lodz));
  name = focused_name (page);
  g_assert_cmpstr (name, ==, "Łódź Narzędzia");
  g_clear_pointer (&name, g_free);

  /* Enter opens the card of the focused row. */
  g_assert_true (press (GTK_WINDOW (window), GDK_KEY_Return, 0));
  g_assert_cmpstr (tandem_window_get_visible_page (window), ==, "records");
  g_assert_nonnull (tandem_window_get_card (window));
  g_assert_cmpint (tandem_card_get_id (tandem_window_get_card (window)), ==, s.lodz);
}

/* Ctrl+A selects every row, also those not read yet, and all of them
 * move. */
static void
test_select_all_move_I2 (UiFixture     *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TandemGroupsPage *page;
  TandemWindow *window;
  GtkWindow *dialog;
  gint64 fair = add_group (fixture, "Fair visitors");
  gint64 contacted = add_group (fixture, "Contacted");
  TandemGroupFilter in_contacted = { .include = &contacted, .n_include = 1 };
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (TandemContactRef));

  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *name = g_strdup_printf ("Visitor %03u Oy", i);
      TandemContactRef ref = { TANDEM_KIND_COMPANY, add_company (fixture, name, NULL) };

      g_array_append_val (refs, ref);
    }
  tandem_store_add_to_group (fixture->store, fair, (TandemContactRef *) (gpointer) refs->data, refs->len, &error);
  g_assert_no_error (error);

  page = open_page (fixture, &window);
  tick (page, TRUE, fair);
  g_assert_cmpstr (gtk_label_get_text (tandem_groups_page_get_count_label (page)), ==, "250 contacts");
  gtk_widget_grab_focus (GTK_WIDGET (tandem_groups_page_get_column_view (page)));
  ui_iterate ();
  g_assert_true (press (GTK_WINDOW (window), GDK_KEY_a, GDK_CONTROL_MASK));
  g_assert_cmpstr (gtk_label_get_text (tandem_groups_page_get_count_label (page)), ==,
                   "250 contacts · 250 selected");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "groups.move-to-group", NULL));
  g_assert_true (ui_wait_for (dialog_shown, page, 2000));
  dialog = tandem_groups_page_get_dialog (page);
  choose_group (dialog, "to-group", "Contacted");
  respond (dialog, "_Move");
  g_assert_true (ui_wait_for (dialog_gone, page, 2000));

  g_assert_cmpuint (tandem_store_count_group_contacts (fixture->store, &in_contacted, &error), ==, 250);
  g_assert_cmpuint (g_list_model_get_n_items (tandem_groups_page_get_model (page)), ==, 0);
  g_assert_cmpstr (tandem_groups_page_get_last_toast (page), ==, "250 contacts moved to “Contacted”");
}

/* A change made elsewhere reads the rows again and keeps the focus. */
static void
test_follows_store_I2 (UiFixture     *fixture,
                       gconstpointer  data)
{
  TandemGroupsPage *page;
  TandemWindow *window;
  g_autofree char *name = NULL;
  g_autofree char *names = NULL;
  gint64 aalto;
  Seed s;

  seed (fixture, &s);
  page = open_page (fixture, &window);
  tick (page, TRUE, s.fair);
  tandem_groups_page_focus_position (page, position_of (page, "Birch Ab"));
  ui_iterate ();

  aalto = add_company (fixture, "Aalto Kahvila", "+358 40 555 0199");
  put_in (fixture, s.fair, TANDEM_KIND_COMPANY, aalto);
  tandem_groups_page_reload (page);
  names = listed (page);
  g_assert_cmpstr (names, ==, "Aalto Kahvila|Acme Oy|Anna Nowak|Birch Ab|Pekka Virtanen|Łódź Narzędzia");
  name = focused_name (page);
  /* The same position: the row that is now there */
  g_assert_cmpstr (name, ==, "Anna Nowak");
}

/* A narrow window shows names and phone numbers only. */
static void
test_narrow_I2 (UiFixture     *fixture,
                gconstpointer  data)
{
  TandemGroupsPage *page;
  TandemWindow *window;
  GListModel *columns;
  guint visible = 0;
  Seed s;

  seed (fixture, &s);
  page = open_page (fixture, &window);
  tick (page, TRUE, s.fair);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  for (int i = 0; i < 20; i++)
    {
      ui_iterate ();
      g_usleep (10000);
    }

  columns = gtk_column_view_get_columns (tandem_groups_page_get_column_view (page));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        {
          visible++;
          g_assert_true (g_str_equal (gtk_column_view_column_get_title (column), "Name") ||
                         g_str_equal (gtk_column_view_column_get_title (column), "Phone"));
        }
    }
  g_assert_cmpuint (visible, ==, 2);
}

/* Print Labels from the group screen (I4): the contacts listed, or the
 * ones chosen when there are several; the deleted company never. */
static TandemLabelDialog *
find_label_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (TANDEM_IS_LABEL_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TANDEM_LABEL_DIALOG (window);
    }
  return NULL;
}

static void
test_print_labels_I4 (UiFixture     *fixture,
                      gconstpointer  data)
{
  GtkSelectionModel *selection;
  TandemLabelDialog *dialog;
  TandemGroupsPage *page;
  TandemWindow *window;
  Seed s;

  seed (fixture, &s);
  page = open_page (fixture, &window);
  tick (page, TRUE, s.fair);
  tick (page, FALSE, s.contacted);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "groups.print-labels", NULL));
  ui_iterate ();
  dialog = find_label_dialog ();
  g_assert_nonnull (dialog);
  /* Acme Oy, Anna Nowak, Pekka Virtanen and Łódź Narzędzia */
  g_assert_cmpuint (tandem_label_dialog_get_n_labels (dialog), ==, 4);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_iterate ();

  selection = tandem_groups_page_get_selection (page);
  gtk_selection_model_select_item (selection, position_of (page, "Acme Oy"), TRUE);
  gtk_selection_model_select_item (selection, position_of (page, "Anna Nowak"), FALSE);
  ui_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "groups.print-labels", NULL));
  ui_iterate ();
  dialog = find_label_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (tandem_label_dialog_get_n_labels (dialog), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/groups/include-exclude-I2-E5", UiFixture, NULL,
              ui_fixture_set_up, test_include_exclude_I2, ui_fixture_tear_down);
  g_test_add ("/ui/groups/move-selected-I2", UiFixture, NULL,
              ui_fixture_set_up, test_move_selected_I2, ui_fixture_tear_down);
  g_test_add ("/ui/groups/call-down-the-list-I2", UiFixture, NULL,
              ui_fixture_set_up, test_call_down_the_list_I2, ui_fixture_tear_down);
  g_test_add ("/ui/groups/select-all-move-I2", UiFixture, NULL,
              ui_fixture_set_up, test_select_all_move_I2, ui_fixture_tear_down);
  g_test_add ("/ui/groups/follows-store-I2", UiFixture, NULL,
              ui_fixture_set_up, test_follows_store_I2, ui_fixture_tear_down);
  g_test_add ("/ui/groups/print-labels-I4", UiFixture, NULL,
              ui_fixture_set_up, test_print_labels_I4, ui_fixture_tear_down);
  g_test_add ("/ui/groups/narrow-I2", UiFixture, NULL,
              ui_fixture_set_up, test_narrow_I2, ui_fixture_tear_down);
  return g_test_run ();
}
