/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemGroupsPage"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-call-dialog.h"
#include "tandem-group-contact-list.h"
#include "tandem-groups-page-private.h"
#include "tandem-groups-resources.h"
#include "tandem-label-dialog.h"

#define RELOAD_DELAY_MS 100

/* Below this width the page shows names and phone numbers only. */
#define NARROW_WIDTH 780

/* Selections up to this size are selected again after the list is read
 * again; rows are looked for this far around where they were. */
#define MAX_KEPT_SELECTION 500
#define KEEP_SLACK 100

typedef enum
{
  COLUMN_NAME,
  COLUMN_COMPANY,
  COLUMN_PHONE,
  COLUMN_MOBILE,
  COLUMN_EMAIL,
  COLUMN_GROUPS,
  N_COLUMNS
} Column;

typedef enum
{
  KIND_ALL,
  KIND_COMPANIES,
  KIND_PEOPLE,
} KindFilter;

G_STATIC_ASSERT (N_COLUMNS == TANDEM_GROUPS_N_COLUMNS);

G_DEFINE_FINAL_TYPE (TandemGroupsPage, tandem_groups_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The group screen is split over two files: this one has the filter, the
 * list and the calls; tandem-groups-page-actions.c adds, removes and
 * moves the selected contacts. */

/* Helpers ------------------------------------------------------------------ */

TandemContactGroup *
tandem_groups_page_find_group (TandemGroupsPage *self,
            gint64            id)
{
  for (guint i = 0; self->groups && i < self->groups->len; i++)
    if (tandem_contact_group_get_id (g_ptr_array_index (self->groups, i)) == id)
      return g_ptr_array_index (self->groups, i);
  return NULL;
}

const char *
tandem_groups_page_group_name (TandemGroupsPage *self,
            gint64            id)
{
  TandemContactGroup *group = tandem_groups_page_find_group (self, id);

  return group ? tandem_contact_group_get_name (group) : "";
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

gboolean
tandem_groups_page_is_included (TandemGroupsPage *self,
                                gint64            id)
{
  return has_id (self->include, id);
}

static void
remove_id (GArray *ids,
           gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        g_array_remove_index (ids, i);
        return;
      }
}

void
tandem_groups_page_show_toast (TandemGroupsPage *self,
            AdwToast         *toast)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
tandem_groups_page_show_message (TandemGroupsPage *self,
              const char       *message)
{
  tandem_groups_page_show_toast (self, adw_toast_new (message));
}

static const char *
current_text (TandemGroupsPage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

static gboolean
has_filter (TandemGroupsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (current_text (self)));

  return self->include->len > 0 || self->exclude->len > 0 || *text != '\0' ||
         gtk_drop_down_get_selected (self->kind_dropdown) != KIND_ALL;
}

static TandemContact *
contact_at (TandemGroupsPage *self,
            guint             position)
{
  TandemContact *contact = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  /* A row of a list that is being read again */
  if (contact && tandem_contact_get_id (contact) == 0)
    g_clear_object (&contact);
  return contact;
}

static GtkWidget *
inner_list_view (TandemGroupsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* The row widget of the list around @widget, or NULL */
static GtkWidget *
row_of (TandemGroupsPage *self,
        GtkWidget        *widget)
{
  GtkWidget *list = inner_list_view (self);

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (gtk_widget_get_parent (widget) == list)
      return widget;
  return NULL;
}

/* The GtkListItem a row shows, found on its cells' children */
static GtkListItem *
item_of_row (GtkWidget *widget)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (widget), "tandem-list-item");

  if (item)
    return item;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if ((item = item_of_row (child)))
      return item;
  return NULL;
}

static GtkWidget *
row_at (TandemGroupsPage *self,
        guint             position)
{
  GtkWidget *list = inner_list_view (self);

  for (GtkWidget *row = list ? gtk_widget_get_first_child (list) : NULL; row; row = gtk_widget_get_next_sibling (row))
    {
      GtkListItem *item = item_of_row (row);

      if (item && gtk_list_item_get_item (item) && gtk_list_item_get_position (item) == position)
        return row;
    }
  return NULL;
}

static guint
focus_position (TandemGroupsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? row_of (self, focus) : NULL;
  GtkListItem *item = row ? item_of_row (row) : NULL;

  if (item == NULL || gtk_list_item_get_item (item) == NULL)
    return GTK_INVALID_LIST_POSITION;
  return gtk_list_item_get_position (item);
}

static guint
first_selected (TandemGroupsPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  if (gtk_bitset_is_empty (selected))
    return GTK_INVALID_LIST_POSITION;
  return gtk_bitset_get_minimum (selected);
}

/* The contact a call or a copy is for: the focused row, else the first
 * selected one. */
static guint
current_position (TandemGroupsPage *self)
{
  guint position = focus_position (self);

  if (position == GTK_INVALID_LIST_POSITION)
    position = first_selected (self);
  if (position != GTK_INVALID_LIST_POSITION && position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    position = GTK_INVALID_LIST_POSITION;
  return position;
}

static void
move_focus (TandemGroupsPage *self,
            guint             position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  GtkWidget *list = inner_list_view (self);
  GtkWidget *row;

  if (n == 0 || list == NULL)
    return;
  position = MIN (position, n - 1);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  /* Scrolling there makes the view keep a row for it. */
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  row = row_at (self, position);
  if (row)
    gtk_widget_grab_focus (row);
}

/* A long run of selected rows is read from the store in one go rather
 * than a page at a time. */
#define LONG_RUN 200

static void
append_run (TandemGroupsPage *self,
            GArray           *contacts,
            guint             first,
            guint             n)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (n >= LONG_RUN)
    rows = tandem_group_contact_list_read (self->list, first, n, &error);
  if (rows != NULL)
    {
      for (guint i = 0; i < rows->len; i++)
        {
          TandemContact *contact = g_object_ref (g_ptr_array_index (rows, i));

          g_array_append_val (contacts, contact);
        }
      return;
    }
  if (error)
    g_debug ("Reading %u rows at once failed, a page at a time: %s", n, error->message);
  for (guint position = first; position < first + n; position++)
    {
      TandemContact *contact = contact_at (self, position);

      if (contact)
        g_array_append_val (contacts, contact);
    }
}

GArray *
tandem_groups_page_get_selected_contacts (TandemGroupsPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *contacts = g_array_new (FALSE, FALSE, sizeof (TandemContact *));
  guint first = 0, n = 0;
  GtkBitsetIter iter;
  guint position;

  g_array_set_clear_func (contacts, (GDestroyNotify) g_clear_object);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      if (n > 0 && position == first + n)
        {
          n++;
          continue;
        }
      if (n > 0)
        append_run (self, contacts, first, n);
      first = position;
      n = 1;
    }
  if (n > 0)
    append_run (self, contacts, first, n);
  return contacts;
}

static void
update_actions (TandemGroupsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean any = !gtk_bitset_is_empty (selected) && self->groups && self->groups->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "groups.add-to-group", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "groups.remove-from-group", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "groups.move-to-group", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "groups.record-call", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "groups.copy-phone", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "groups.open", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "groups.print-labels", n > 0);
}

static void
update_count (TandemGroupsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n_selected = gtk_bitset_get_size (selected);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts", n), n);

  if (n_selected > 0)
    {
      g_autofree char *chosen = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected",
                                                              n_selected), n_selected);
      /* Translators: "42 contacts · 3 selected" */
      g_autofree char *both = g_strdup_printf (C_("contact count", "%s · %s"), count, chosen);

      gtk_label_set_text (self->count_label, both);
    }
  else
    gtk_label_set_text (self->count_label, count);
  update_actions (self);
}

static void
update_view (TandemGroupsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  update_count (self);
  /* Nothing listed, nothing to act on */
  gtk_action_bar_set_revealed (self->action_bar, n > 0);
  if (n > 0 && has_filter (self))
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (!has_filter (self))
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("Choose Groups to Include"));
      adw_status_page_set_description (self->empty_page,
                                       _("See the companies and people in some groups and not in others, "
                                         "for example those who visited a fair and have not been contacted"));
      gtk_widget_set_visible (self->empty_button, TRUE);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Contacts Match"));
      adw_status_page_set_description (self->empty_page, _("Try other groups or another search"));
      gtk_widget_set_visible (self->empty_button, FALSE);
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The filter the page shows; @text keeps the search text it points to. */
static TandemGroupFilter
current_filter (TandemGroupsPage  *self,
                char             **text)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  TandemGroupFilter filter = {
    .include = (const gint64 *) (gpointer) self->include->data,
    .n_include = self->include->len,
    .include_all = gtk_check_button_get_active (self->all_check),
    .exclude = (const gint64 *) (gpointer) self->exclude->data,
    .n_exclude = self->exclude->len,
    .kind = kind == KIND_COMPANIES ? TANDEM_KIND_COMPANY : kind == KIND_PEOPLE ? TANDEM_KIND_PERSON
                                                                                : TANDEM_KIND_NONE,
  };

  *text = g_strstrip (g_strdup (current_text (self)));
  filter.text = **text ? *text : NULL;
  return filter;
}

/* Labels (SPEC I4) for the contacts chosen in the list when there are
 * several, else for every contact the filter shows. */
static void
print_labels_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemGroupsPage *self = TANDEM_GROUPS_PAGE (widget);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkRoot *root = gtk_widget_get_root (widget);
  TandemRecipientQuery query = { 0, };
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GArray) refs = NULL;
  TandemGroupFilter filter;
  GtkWidget *dialog;

  if (gtk_bitset_get_size (selected) > 1)
    {
      g_autoptr(GArray) contacts = tandem_groups_page_get_selected_contacts (self);

      refs = g_array_new (FALSE, FALSE, sizeof (TandemContactRef));
      for (guint i = 0; i < contacts->len; i++)
        {
          TandemContactRef ref = tandem_contact_get_ref (g_array_index (contacts, TandemContact *, i));

          g_array_append_val (refs, ref);
        }
      query.refs = (const TandemContactRef *) (gpointer) refs->data;
      query.n_refs = refs->len;
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected contact", "%u selected contacts",
                                            refs->len), refs->len);
    }
  else
    {
      filter = current_filter (self, &text);
      query.groups = &filter;
      title = g_strdup (_("The contacts listed"));
    }

  dialog = tandem_label_dialog_new_for_query (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              self->store, &query, title);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
apply_filter (TandemGroupsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) key = NULL;
  TandemGroupFilter filter = current_filter (self, &text);

  /* The search entry says it changed also when it did not. */
  key = g_string_new (NULL);
  for (guint i = 0; i < filter.n_include; i++)
    g_string_append_printf (key, "+%" G_GINT64_FORMAT, filter.include[i]);
  for (guint i = 0; i < filter.n_exclude; i++)
    g_string_append_printf (key, "-%" G_GINT64_FORMAT, filter.exclude[i]);
  g_string_append_printf (key, " %d %d %s", filter.include_all, filter.kind, text);
  if (g_strcmp0 (key->str, self->applied) == 0)
    return;
  g_free (self->applied);
  self->applied = g_string_free (g_steal_pointer (&key), FALSE);

  /* With no filter at all the page asks for groups rather than list
   * every company and person. */
  if (!tandem_group_contact_list_set_filter (self->list, has_filter (self) ? &filter : NULL, &error))
    tandem_groups_page_show_message (self, error->message);
  update_view (self);
}

static void on_chip_remove_clicked_cb (GtkButton        *button,
                                       TandemGroupsPage *self);

static GtkWidget *
new_chip (TandemGroupsPage *self,
          gint64            id,
          gboolean          include)
{
  const char *name = tandem_groups_page_group_name (self, id);
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *what = NULL;

  gtk_widget_add_css_class (chip, "group-chip");
  gtk_widget_add_css_class (chip, include ? "include" : "exclude");
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");

  /* Translators: a button on a group in the filter; "Include" is
   * "Sisällytä" in Finnish, "Uwzględnij" in Polish */
  what = include ? g_strdup_printf (_("Stop including “%s”"), name)
  /* Translators: "Exclude" is "Ei mukana" in Finnish, "Wyklucz" in Polish */
                 : g_strdup_printf (_("Stop excluding “%s”"), name);
  gtk_widget_set_tooltip_text (remove, what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
  g_object_set_data_full (G_OBJECT (remove), "tandem-group-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data (G_OBJECT (remove), "tandem-include", GINT_TO_POINTER (include));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_chip_remove_clicked_cb), self, 0);

  gtk_box_append (GTK_BOX (chip), label);
  gtk_box_append (GTK_BOX (chip), remove);
  return chip;
}

/* Removes the children of a box or list box, but @keep */
static void
clear_box (GtkWidget *box,
           GtkWidget *keep)
{
  GtkWidget *child = gtk_widget_get_first_child (box);

  while (child)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != keep)
        {
          if (GTK_IS_LIST_BOX (box))
            gtk_list_box_remove (GTK_LIST_BOX (box), child);
          else
            gtk_box_remove (GTK_BOX (box), child);
        }
      child = next;
    }
}

/* The chosen groups as chips, included ones joined by "or" or "and". */
static void
show_chips (TandemGroupsPage *self)
{
  gboolean all = gtk_check_button_get_active (self->all_check);

  clear_box (GTK_WIDGET (self->include_chips), self->all_label);
  clear_box (GTK_WIDGET (self->exclude_chips), NULL);
  gtk_widget_set_visible (self->all_label, self->include->len == 0);

  for (guint i = 0; i < self->include->len; i++)
    {
      if (i > 0)
        {
          /* Translators: between the included groups: in any of them
           * ("or") or in all of them ("and") */
          GtkWidget *join = gtk_label_new (all ? C_("group filter", "and") : C_("group filter", "or"));

          gtk_widget_add_css_class (join, "dim-label");
          gtk_box_append (self->include_chips, join);
        }
      gtk_box_append (self->include_chips, new_chip (self, g_array_index (self->include, gint64, i), TRUE));
    }
  for (guint i = 0; i < self->exclude->len; i++)
    gtk_box_append (self->exclude_chips, new_chip (self, g_array_index (self->exclude, gint64, i), FALSE));

  gtk_widget_set_sensitive (GTK_WIDGET (self->any_check), self->include->len > 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->all_check), self->include->len > 1);
}

static void
sync_checks (TandemGroupsPage *self)
{
  GHashTableIter iter;
  gpointer key, value;

  self->syncing++;
  g_hash_table_iter_init (&iter, self->include_checks_by_id);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_check_button_set_active (value, has_id (self->include, *(gint64 *) key));
  g_hash_table_iter_init (&iter, self->exclude_checks_by_id);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_check_button_set_active (value, has_id (self->exclude, *(gint64 *) key));
  self->syncing--;
}

static void on_group_check_toggled_cb (GtkCheckButton   *check,
                                       TandemGroupsPage *self);

/* A row of the Include or Exclude menu: a check box, the group's name and
 * how many are in it; Enter or Space on the row ticks it. */
static GtkWidget *
new_group_row_check (TandemGroupsPage   *self,
                     TandemContactGroup *group,
                     gboolean            include)
{
  gint64 id = tandem_contact_group_get_id (group);
  g_autofree char *count = g_strdup_printf ("%u", tandem_contact_group_get_n_members (group));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (tandem_contact_group_get_name (group));
  GtkWidget *number = gtk_label_new (count);

  gtk_widget_set_focusable (check, FALSE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 32);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), number);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tandem_contact_group_get_name (group), -1);

  g_object_set_data_full (G_OBJECT (check), "tandem-group-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data (G_OBJECT (check), "tandem-include", GINT_TO_POINTER (include));
  g_object_set_data (G_OBJECT (row), "tandem-check", check);
  g_object_set_data (G_OBJECT (check), "tandem-count", number);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_group_check_toggled_cb), self, 0);
  g_hash_table_insert (include ? self->include_checks_by_id : self->exclude_checks_by_id,
                       g_memdup2 (&id, sizeof id), check);
  return row;
}

static gboolean
same_groups (GPtrArray *a,
             GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      TandemContactGroup *x = g_ptr_array_index (a, i);
      TandemContactGroup *y = g_ptr_array_index (b, i);

      if (tandem_contact_group_get_id (x) != tandem_contact_group_get_id (y) ||
          g_strcmp0 (tandem_contact_group_get_name (x), tandem_contact_group_get_name (y)) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Reads the groups again: names, member counts, new and deleted ones. */
static void
load_groups (TandemGroupsPage *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *groups = tandem_store_list_contact_groups (self->store, &error);

  if (groups == NULL)
    {
      tandem_groups_page_show_message (self, error->message);
      return;
    }
  /* The same groups: only their counts change, and an open menu stays as
   * it is. */
  if (same_groups (self->groups, groups))
    {
      for (guint i = 0; i < groups->len; i++)
        {
          TandemContactGroup *group = g_ptr_array_index (groups, i);
          gint64 id = tandem_contact_group_get_id (group);
          g_autofree char *count = g_strdup_printf ("%u", tandem_contact_group_get_n_members (group));

          for (guint j = 0; j < 2; j++)
            {
              GtkWidget *check = g_hash_table_lookup (j == 0 ? self->include_checks_by_id
                                                             : self->exclude_checks_by_id, &id);

              if (check)
                gtk_label_set_text (g_object_get_data (G_OBJECT (check), "tandem-count"), count);
            }
        }
      g_ptr_array_unref (self->groups);
      self->groups = groups;
      return;
    }

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  self->groups = groups;

  /* A deleted group leaves the filter. */
  for (guint i = self->include->len; i > 0; i--)
    if (tandem_groups_page_find_group (self, g_array_index (self->include, gint64, i - 1)) == NULL)
      g_array_remove_index (self->include, i - 1);
  for (guint i = self->exclude->len; i > 0; i--)
    if (tandem_groups_page_find_group (self, g_array_index (self->exclude, gint64, i - 1)) == NULL)
      g_array_remove_index (self->exclude, i - 1);

  g_hash_table_remove_all (self->include_checks_by_id);
  g_hash_table_remove_all (self->exclude_checks_by_id);
  clear_box (GTK_WIDGET (self->include_checks), NULL);
  clear_box (GTK_WIDGET (self->exclude_checks), NULL);
  for (guint i = 0; i < groups->len; i++)
    {
      TandemContactGroup *group = g_ptr_array_index (groups, i);

      gtk_list_box_append (self->include_checks, new_group_row_check (self, group, TRUE));
      gtk_list_box_append (self->exclude_checks, new_group_row_check (self, group, FALSE));
    }
  sync_checks (self);
  show_chips (self);
}

typedef struct
{
  guint   focus;
  guint   first;
  guint   last;
  GArray *selected;  /* TandemContactRef */
} Kept;

static gboolean
same_ref (TandemContactRef a,
          TandemContactRef b)
{
  return a.kind == b.kind && a.id == b.id;
}

/* What the user had chosen, before the list is read again */
static void
keep_selection (TandemGroupsPage *self,
                Kept             *kept)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  kept->focus = focus_position (self);
  kept->selected = g_array_new (FALSE, FALSE, sizeof (TandemContactRef));
  kept->first = gtk_bitset_is_empty (selected) ? 0 : gtk_bitset_get_minimum (selected);
  kept->last = gtk_bitset_is_empty (selected) ? 0 : gtk_bitset_get_maximum (selected);
  if (gtk_bitset_get_size (selected) > MAX_KEPT_SELECTION)
    return;
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(TandemContact) contact = contact_at (self, position);

      if (contact)
        {
          TandemContactRef ref = tandem_contact_get_ref (contact);

          g_array_append_val (kept->selected, ref);
        }
    }
}

static void
restore_selection (TandemGroupsPage *self,
                   Kept             *kept)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  guint from = kept->first > KEEP_SLACK ? kept->first - KEEP_SLACK : 0;
  guint to = MIN (n, kept->last + KEEP_SLACK + 1);

  if (kept->focus != GTK_INVALID_LIST_POSITION && n > 0)
    move_focus (self, kept->focus);

  if (kept->selected->len > 0)
    {
      for (guint position = from; position < to; position++)
        {
          g_autoptr(TandemContact) contact = contact_at (self, position);

          for (guint i = 0; contact && i < kept->selected->len; i++)
            if (same_ref (tandem_contact_get_ref (contact), g_array_index (kept->selected, TandemContactRef, i)))
              gtk_bitset_add (selected, position);
        }
      mask = gtk_bitset_new_range (0, n);
      gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
    }
  g_array_unref (kept->selected);
}

static void
refresh_list (TandemGroupsPage *self)
{
  g_autoptr(GError) error = NULL;
  Kept kept = { 0, };

  keep_selection (self, &kept);
  if (!tandem_group_contact_list_refresh (self->list, &error))
    tandem_groups_page_show_message (self, error->message);
  restore_selection (self, &kept);
  update_view (self);
}

static GtkWindow *
parent_window (TandemGroupsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* The row keeps the focus: Enter opens the card, not a link, and
   * Ctrl+C copies the number, not the link's address. */
  gtk_widget_set_focusable (label, FALSE);
  g_object_set_data (G_OBJECT (label), "tandem-list-item", item);

  if (column == COLUMN_NAME)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon = gtk_image_new ();

      gtk_widget_add_css_class (icon, "dim-label");
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
      return;
    }
  if (column == COLUMN_PHONE || column == COLUMN_MOBILE)
    {
      gtk_widget_add_css_class (label, "numeric");
      /* A number is never cut short. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
    }
  if (column == COLUMN_GROUPS)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

/* A phone number as a tel: link, or an address as a mailto: link */
static void
set_link (GtkLabel   *label,
          const char *scheme,
          const char *text)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(GString) target = NULL;

  if (text == NULL || *text == '\0')
    {
      gtk_label_set_text (label, "");
      return;
    }
  target = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p) && (g_str_equal (scheme, "mailto") || *p != '-'))
      g_string_append_c (target, *p);
  escaped = g_uri_escape_string (target->str, "+@", FALSE);
  uri = g_markup_printf_escaped ("%s:%s", scheme, escaped);
  markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, text);
  gtk_label_set_markup (label, markup);
  /* A link makes a label take the focus; the row keeps it. */
  gtk_widget_set_focusable (GTK_WIDGET (label), FALSE);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            TandemGroupsPage         *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  TandemContact *contact = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  const char *phone = tandem_contact_get_phone (contact);
  const char *mobile = tandem_contact_get_mobile (contact);
  gboolean has_phone = phone && *phone;

  switch (column)
    {
    case COLUMN_NAME:
      {
        GtkWidget *icon = gtk_widget_get_first_child (child);
        GtkWidget *label = gtk_widget_get_last_child (child);
        gboolean company = tandem_contact_get_kind (contact) == TANDEM_KIND_COMPANY;

        gtk_image_set_from_icon_name (GTK_IMAGE (icon), company ? "network-workgroup-symbolic"
                                                                : "avatar-default-symbolic");
        gtk_widget_set_tooltip_text (icon, company ? _("Company") : _("Person"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        company ? _("Company") : _("Person"), -1);
        gtk_label_set_text (GTK_LABEL (label), tandem_contact_get_name (contact));
      }
      break;
    case COLUMN_COMPANY:
      gtk_label_set_text (GTK_LABEL (child), tandem_contact_get_company_name (contact)
                                             ? tandem_contact_get_company_name (contact) : "");
      break;
    case COLUMN_PHONE:
      /* The mobile number stands in for a missing phone number, so that a
       * narrow window shows one of them. */
      set_link (GTK_LABEL (child), "tel", has_phone ? phone : mobile);
      break;
    case COLUMN_MOBILE:
      set_link (GTK_LABEL (child), "tel", has_phone ? mobile : NULL);
      break;
    case COLUMN_EMAIL:
      set_link (GTK_LABEL (child), "mailto", tandem_contact_get_email (contact));
      break;
    case COLUMN_GROUPS:
      gtk_label_set_text (GTK_LABEL (child), tandem_contact_get_groups (contact)
                                             ? tandem_contact_get_groups (contact) : "");
      gtk_widget_set_tooltip_text (child, tandem_contact_get_groups (contact));
      break;
    case N_COLUMNS:
    default:
      break;
    }
}

static void
open_contact (TandemGroupsPage *self,
              guint             position)
{
  g_autoptr(TandemContact) contact = contact_at (self, position);

  if (contact == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "(ix)",
                              (int) tandem_contact_get_kind (contact), tandem_contact_get_id (contact));
}

static void
on_column_view_activate_cb (TandemGroupsPage *self,
                            guint             position)
{
  open_contact (self, position);
}

static void
on_selection_changed_cb (TandemGroupsPage *self)
{
  update_count (self);
}

static gboolean
on_reload_timeout_cb (gpointer data)
{
  TandemGroupsPage *self = data;

  self->reload_id = 0;
  tandem_groups_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (TandemGroupsPage *self,
                     int               kind,
                     gint64            id,
                     TandemStore      *store)
{
  /* Notes, activities and projects change nothing listed here. */
  if (kind != TANDEM_KIND_NONE && kind != TANDEM_KIND_COMPANY && kind != TANDEM_KIND_PERSON)
    return;
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
}

static void
on_filter_changed_cb (TandemGroupsPage *self)
{
  if (self->syncing)
    return;
  show_chips (self);
  apply_filter (self);
}

static void
on_group_check_toggled_cb (GtkCheckButton   *check,
                           TandemGroupsPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "tandem-group-id");
  gboolean include = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "tandem-include"));
  GArray *mine = include ? self->include : self->exclude;
  GArray *other = include ? self->exclude : self->include;

  if (self->syncing)
    return;
  if (gtk_check_button_get_active (check))
    {
      if (!has_id (mine, id))
        g_array_append_val (mine, id);
      /* A group is included or excluded, never both. */
      remove_id (other, id);
    }
  else
    remove_id (mine, id);

  sync_checks (self);
  show_chips (self);
  apply_filter (self);
}

static void
on_group_row_activated_cb (TandemGroupsPage *self,
                           GtkListBoxRow    *row)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "tandem-check");

  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

/* Space ticks a group as Enter does, as on a check box. */
static gboolean
on_group_list_space_cb (GtkWidget *list,
                        GVariant  *args,
                        gpointer   data)
{
  GtkWidget *row = gtk_widget_get_focus_child (list);

  if (!GTK_IS_LIST_BOX_ROW (row))
    return FALSE;
  on_group_row_activated_cb (data, GTK_LIST_BOX_ROW (row));
  return TRUE;
}

static void
on_chip_remove_clicked_cb (GtkButton        *button,
                           TandemGroupsPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "tandem-group-id");
  gboolean include = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "tandem-include"));

  remove_id (include ? self->include : self->exclude, id);
  sync_checks (self);
  show_chips (self);
  apply_filter (self);
  /* The chip is gone: the focus goes to its menu. */
  gtk_widget_grab_focus (GTK_WIDGET (include ? self->include_button : self->exclude_button));
}

static void
on_call_recorded_cb (TandemCallDialog *dialog,
                     gint64            activity_id,
                     gint64            category_id,
                     gint64            to_group,
                     TandemGroupsPage *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "tandem-position"));
  TandemContact *called = g_object_get_data (G_OBJECT (dialog), "tandem-contact");
  TandemContact *next = g_object_get_data (G_OBJECT (dialog), "tandem-next");
  guint n, target = position;
  g_autofree char *title = NULL;
  gboolean found = FALSE;

  self->last_category = category_id;
  self->last_to_group = to_group;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  load_groups (self);
  if (!tandem_group_contact_list_refresh (self->list, NULL))
    g_debug ("The list could not be read again");
  update_view (self);

  /* On down the list: the contact after the one called, wherever the
   * call left that one. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  for (guint i = position > 0 ? position - 1 : 0; next && i < MIN (n, position + 2); i++)
    {
      g_autoptr(TandemContact) contact = contact_at (self, i);

      if (contact && same_ref (tandem_contact_get_ref (contact), tandem_contact_get_ref (next)))
        {
          target = i;
          found = TRUE;
          break;
        }
    }
  if (!found && next == NULL)
    {
      g_autoptr(TandemContact) contact = contact_at (self, position);

      /* The last one: stay on it when it is still there. */
      target = position;
      if (contact == NULL || !same_ref (tandem_contact_get_ref (contact), tandem_contact_get_ref (called)))
        target = n > 0 ? n - 1 : 0;
    }
  move_focus (self, target);

  if (to_group != 0)
    /* Translators: "Call recorded; Anna Nowak moved to “Contacted”" */
    title = g_strdup_printf (_("Call recorded; %s moved to “%s”"), tandem_contact_get_name (called),
                             tandem_groups_page_group_name (self, to_group));
  else
    title = g_strdup_printf (_("Call to %s recorded"), tandem_contact_get_name (called));
  tandem_groups_page_show_toast (self, adw_toast_new (title));
}

static gboolean
on_narrow_idle_cb (gpointer data)
{
  TandemGroupsPage *self = data;
  gboolean narrow = self->width < NARROW_WIDTH;

  self->narrow_id = 0;
  if (self->narrow == narrow)
    return G_SOURCE_REMOVE;
  self->narrow = narrow;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->groups_bar),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (self->groups_bar, narrow ? 6 : 12);
  gtk_widget_set_visible (self->group_buttons, !narrow);
  gtk_widget_set_visible (self->more_button, narrow);
  for (guint i = 0; i < N_COLUMNS; i++)
    if (i != COLUMN_NAME && i != COLUMN_PHONE)
      gtk_column_view_column_set_visible (self->columns[i], !narrow);
  return G_SOURCE_REMOVE;
}

/* Actions ------------------------------------------------------------------ */

static void
record_call_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TandemGroupsPage *self = TANDEM_GROUPS_PAGE (widget);
  guint position = current_position (self);
  g_autoptr(TandemContact) contact = NULL;
  TandemCallDialog *dialog;

  if (position == GTK_INVALID_LIST_POSITION || (contact = contact_at (self, position)) == NULL)
    {
      tandem_groups_page_show_message (self, _("Choose a contact in the list first"));
      return;
    }

  dialog = tandem_call_dialog_new (parent_window (self), self->store, contact,
                                   (const gint64 *) (gpointer) self->include->data, self->include->len,
                                   self->last_category, self->last_to_group);
  g_object_set_data (G_OBJECT (dialog), "tandem-position", GUINT_TO_POINTER (position));
  g_object_set_data_full (G_OBJECT (dialog), "tandem-contact", g_object_ref (contact), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "tandem-next", contact_at (self, position + 1), g_object_unref);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_call_recorded_cb), self, 0);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_phone_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemGroupsPage *self = TANDEM_GROUPS_PAGE (widget);
  guint position = current_position (self);
  g_autoptr(TandemContact) contact = NULL;
  g_autofree char *title = NULL;
  const char *number;

  if (position == GTK_INVALID_LIST_POSITION || (contact = contact_at (self, position)) == NULL)
    {
      tandem_groups_page_show_message (self, _("Choose a contact in the list first"));
      return;
    }
  number = tandem_contact_get_phone (contact);
  if (number == NULL || *number == '\0')
    number = tandem_contact_get_mobile (contact);
  if (number == NULL || *number == '\0')
    {
      title = g_strdup_printf (_("%s has no phone number"), tandem_contact_get_name (contact));
      tandem_groups_page_show_message (self, title);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), number);
  title = g_strdup_printf (_("Copied %s"), number);
  tandem_groups_page_show_message (self, title);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemGroupsPage *self = TANDEM_GROUPS_PAGE (widget);
  guint position = current_position (self);

  if (position != GTK_INVALID_LIST_POSITION)
    open_contact (self, position);
}

static void
choose_include_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gtk_menu_button_popup (TANDEM_GROUPS_PAGE (widget)->include_button);
}

/* Overrides ---------------------------------------------------------------- */

static GtkSizeRequestMode
tandem_groups_page_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  return child ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

/* The page lays its child out itself, rather than through AdwBin's
 * layout manager, to learn its width. */
static void
tandem_groups_page_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
tandem_groups_page_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  TandemGroupsPage *self = TANDEM_GROUPS_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  self->width = width;
  if ((width < NARROW_WIDTH) != self->narrow && self->narrow_id == 0)
    self->narrow_id = g_idle_add (on_narrow_idle_cb, self);

  if (child && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
tandem_groups_page_constructed (GObject *object)
{
  TandemGroupsPage *self = TANDEM_GROUPS_PAGE (object);

  G_OBJECT_CLASS (tandem_groups_page_parent_class)->constructed (object);

  self->list = tandem_group_contact_list_new (self->store);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (on_selection_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  load_groups (self);
  apply_filter (self);
}

static void
tandem_groups_page_dispose (GObject *object)
{
  TandemGroupsPage *self = TANDEM_GROUPS_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->narrow_id, g_source_remove);
  if (self->dialog)
    gtk_window_destroy (self->dialog);
  g_clear_weak_pointer (&self->dialog);
  memset (self->columns, 0, sizeof self->columns);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_GROUPS_PAGE);

  G_OBJECT_CLASS (tandem_groups_page_parent_class)->dispose (object);
}

static void
tandem_groups_page_finalize (GObject *object)
{
  TandemGroupsPage *self = TANDEM_GROUPS_PAGE (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->include, g_array_unref);
  g_clear_pointer (&self->exclude, g_array_unref);
  g_clear_pointer (&self->include_checks_by_id, g_hash_table_unref);
  g_clear_pointer (&self->exclude_checks_by_id, g_hash_table_unref);
  g_clear_pointer (&self->undo, tandem_groups_page_undo_free);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->applied, g_free);

  G_OBJECT_CLASS (tandem_groups_page_parent_class)->finalize (object);
}

static void
tandem_groups_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TandemGroupsPage *self = TANDEM_GROUPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_groups_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TandemGroupsPage *self = TANDEM_GROUPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_groups_page_class_init (TandemGroupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_groups_page_constructed;
  object_class->dispose = tandem_groups_page_dispose;
  object_class->finalize = tandem_groups_page_finalize;
  object_class->get_property = tandem_groups_page_get_property;
  object_class->set_property = tandem_groups_page_set_property;
  widget_class->get_request_mode = tandem_groups_page_get_request_mode;
  widget_class->measure = tandem_groups_page_measure;
  widget_class->size_allocate = tandem_groups_page_size_allocate;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  (void) tandem_groups_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/groups/tandem-groups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, groups_bar);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, include_button);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, include_checks);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, any_check);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, all_check);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, include_chips);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, all_label);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, exclude_button);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, exclude_checks);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, exclude_chips);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, action_bar);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, call_button);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, TandemGroupsPage, group_buttons);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_group_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "groups.record-call", NULL, record_call_action);
  gtk_widget_class_install_action (widget_class, "groups.copy-phone", NULL, copy_phone_action);
  gtk_widget_class_install_action (widget_class, "groups.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "groups.print-labels", NULL, print_labels_action);
  gtk_widget_class_install_action (widget_class, "groups.choose-include", NULL, choose_include_action);
  tandem_groups_page_actions_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "groups.record-call", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "groups.record-call", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "groups.copy-phone", NULL);
}

/* @wide_only: a narrow window leaves it out. */
static void
add_column (TandemGroupsPage *self,
            Column            column,
            const char       *title,
            gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_cb), self, 0);

  view_column = gtk_column_view_column_new (title, factory);
  self->columns[column] = view_column;
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
tandem_groups_page_init (TandemGroupsPage *self)
{
  static gsize css_loaded = 0;

  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_once_init_enter (&css_loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/tandemcrm/Tandem/groups/tandem-groups.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }

  self->include = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->exclude = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->include_checks_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->exclude_checks_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  add_column (self, COLUMN_NAME, _("Name"), TRUE);
  add_column (self, COLUMN_COMPANY, _("Company"), TRUE);
  add_column (self, COLUMN_PHONE, _("Phone"), FALSE);
  add_column (self, COLUMN_MOBILE, _("Mobile"), FALSE);
  add_column (self, COLUMN_EMAIL, _("E-mail"), TRUE);
  /* Translators: a column: the contact groups a company or person is in */
  add_column (self, COLUMN_GROUPS, _("Groups"), TRUE);

  for (guint i = 0; i < 2; i++)
    {
      GtkEventController *space = gtk_shortcut_controller_new ();

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (space),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                                                              gtk_callback_action_new (on_group_list_space_cb,
                                                                                       self, NULL)));
      gtk_widget_add_controller (GTK_WIDGET (i == 0 ? self->include_checks : self->exclude_checks), space);
    }

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->all_check, "toggled", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the contacts"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Companies, People or Both"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Contacts"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Group Actions"), -1);
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
tandem_groups_page_new (TandemStore *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  return g_object_new (TANDEM_TYPE_GROUPS_PAGE, "store", store, NULL);
}

void
tandem_groups_page_reload (TandemGroupsPage *self)
{
  g_return_if_fail (TANDEM_IS_GROUPS_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (tandem_store_get_user (self->store) == NULL)
    return;
  load_groups (self);
  refresh_list (self);
}

GtkColumnView *
tandem_groups_page_get_column_view (TandemGroupsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_GROUPS_PAGE (self), NULL);
  return self->column_view;
}

GListModel *
tandem_groups_page_get_model (TandemGroupsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_GROUPS_PAGE (self), NULL);
  return G_LIST_MODEL (self->list);
}

GtkSelectionModel *
tandem_groups_page_get_selection (TandemGroupsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_GROUPS_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

GtkEditable *
tandem_groups_page_get_search_entry (TandemGroupsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_GROUPS_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkLabel *
tandem_groups_page_get_count_label (TandemGroupsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_GROUPS_PAGE (self), NULL);
  return self->count_label;
}

AdwStatusPage *
tandem_groups_page_get_empty_page (TandemGroupsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_GROUPS_PAGE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->empty_page)) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0 ? self->empty_page : NULL;
}

GtkCheckButton *
tandem_groups_page_get_group_check (TandemGroupsPage *self,
                                    gboolean          include,
                                    gint64            group_id)
{
  g_return_val_if_fail (TANDEM_IS_GROUPS_PAGE (self), NULL);
  return g_hash_table_lookup (include ? self->include_checks_by_id : self->exclude_checks_by_id, &group_id);
}

void
tandem_groups_page_set_include_all (TandemGroupsPage *self,
                                    gboolean          include_all)
{
  g_return_if_fail (TANDEM_IS_GROUPS_PAGE (self));
  gtk_check_button_set_active (include_all ? self->all_check : self->any_check, TRUE);
}

GtkDropDown *
tandem_groups_page_get_kind_dropdown (TandemGroupsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_GROUPS_PAGE (self), NULL);
  return self->kind_dropdown;
}

void
tandem_groups_page_apply_search (TandemGroupsPage *self)
{
  g_return_if_fail (TANDEM_IS_GROUPS_PAGE (self));
  show_chips (self);
  apply_filter (self);
}

guint
tandem_groups_page_get_focus_position (TandemGroupsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_GROUPS_PAGE (self), GTK_INVALID_LIST_POSITION);
  return focus_position (self);
}

void
tandem_groups_page_focus_position (TandemGroupsPage *self,
                                   guint             position)
{
  g_return_if_fail (TANDEM_IS_GROUPS_PAGE (self));
  move_focus (self, position);
}

GtkWindow *
tandem_groups_page_get_dialog (TandemGroupsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_GROUPS_PAGE (self), NULL);
  return self->dialog;
}

const char *
tandem_groups_page_get_last_toast (TandemGroupsPage *self)
{
  g_return_val_if_fail (TANDEM_IS_GROUPS_PAGE (self), NULL);
  return self->last_toast;
}
