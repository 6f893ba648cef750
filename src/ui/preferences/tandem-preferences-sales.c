/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPreferencesWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-error.h"
#include "tandem-preferences-window-private.h"

/* The Sales page of the preferences window (SPEC H1, L1): the stages of
 * the sales board with the probability a sale takes there and whether it
 * is open, won or lost, and the products sales name. Only administrators
 * keep them; the page is not shown to others, as the Activities page. */

typedef struct _SalesPage SalesPage;
typedef struct _SalesList SalesList;

/* The stages or the products: a group of expander rows, one a record,
 * and an entry row below that adds one. */
struct _SalesList
{
  SalesPage           *self;
  AdwPreferencesGroup *group;
  AdwEntryRow         *new_row;
  GPtrArray           *rows;
  /* What the rows show, so that a change made in a row, which updates
   * the row itself, does not rebuild the list under the pointer. */
  char                *shown;
};

struct _SalesPage
{
  TandemPreferencesWindow *window;   /* owns this */
  TandemStore             *store;
  AdwPreferencesPage      *page;
  gboolean                 is_admin;
  /* Set while a row's controls are filled in, not changed by the user */
  gboolean                 filling;
  /* A record just added, whose row opens once it is there */
  gint64                   expand_id;
  AdwToast                *toast;       /* the last one shown */

  SalesList                stages;
  SalesList                products;
};

/* Undo of a deletion: the record as it was, and its place in the list. */
typedef struct
{
  SalesPage *self;
  GObject   *record;
  guint      index;
} PendingUndo;

#define SALES_KEY "tandem-preferences-sales"

/* The parts of a row a test or the focus can ask for, by name. */
static const char * const row_parts[] = {
  "menu", "delete", "name", "probability", "outcome", "group", "active", NULL
};

static void refresh_stages   (SalesPage *self);
static void refresh_products (SalesPage *self);

/* Helpers */

static SalesPage *
get_sales (TandemPreferencesWindow *window)
{
  return g_object_get_data (G_OBJECT (window), SALES_KEY);
}

static void
sales_page_free (gpointer data)
{
  SalesPage *self = data;

  g_clear_pointer (&self->stages.rows, g_ptr_array_unref);
  g_clear_pointer (&self->products.rows, g_ptr_array_unref);
  g_clear_pointer (&self->stages.shown, g_free);
  g_clear_pointer (&self->products.shown, g_free);
  g_clear_object (&self->toast);
  g_clear_object (&self->page);
  g_clear_object (&self->store);
  g_free (self);
}

static SalesList *
list_by_name (SalesPage  *self,
              const char *list)
{
  if (self == NULL)
    return NULL;
  if (g_strcmp0 (list, "stages") == 0)
    return &self->stages;
  if (g_strcmp0 (list, "products") == 0)
    return &self->products;
  g_return_val_if_reached (NULL);
}

static AdwToast *
new_toast (const char *title)
{
  /* Toast titles are markup; names and messages are plain text. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  return adw_toast_new (escaped);
}

static void
show_toast (SalesPage *self,
            AdwToast  *shown)
{
  g_set_object (&self->toast, shown);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self->window), shown);
}

static void
toast (SalesPage  *self,
       const char *title)
{
  show_toast (self, new_toast (title));
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *format,
                      const char *name)
{
  g_autofree char *label = g_strdup_printf (format, name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static char *
format_probability (int probability)
{
  /* Translators: a probability in percent, e.g. "40%"; write it as your
   * language does, e.g. "40 %" */
  return g_strdup_printf (_("%d%%"), probability);
}

static gint64
row_id (GtkWidget *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "tandem-item-id");

  return id ? *id : 0;
}

static GtkWidget *
row_part (GtkWidget  *row,
          const char *part)
{
  g_autofree char *key = g_strconcat ("tandem-part-", part, NULL);

  return g_object_get_data (G_OBJECT (row), key);
}

static void
set_row_part (GtkWidget  *row,
              const char *part,
              GtkWidget  *widget)
{
  g_autofree char *key = g_strconcat ("tandem-part-", part, NULL);

  g_object_set_data (G_OBJECT (row), key, widget);
}

static GtkWidget *
find_row_by_id (SalesList *list,
                gint64     id)
{
  for (guint i = 0; i < list->rows->len; i++)
    if (row_id (g_ptr_array_index (list->rows, i)) == id)
      return g_ptr_array_index (list->rows, i);
  return NULL;
}

static GtkWidget *
new_expander_row (gint64      id,
                  const char *title)
{
  GtkWidget *row = adw_expander_row_new ();

  /* Names come from users: show them as typed, never as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data_full (G_OBJECT (row), "tandem-item-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

static GtkWidget *
add_header_button (GtkWidget  *row,
                   const char *part,
                   const char *icon_name,
                   const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
  set_row_part (row, part, button);
  return button;
}

static GtkWidget *
add_name_row (GtkWidget  *row,
              const char *title,
              const char *text,
              const char *part)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
  set_row_part (row, part, entry);
  return entry;
}

static void
on_entry_changed_cb (GtkWidget *entry)
{
  gtk_widget_remove_css_class (entry, "error");
}

static GtkWidget *
add_empty_row (SalesList  *list,
               const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (list->group, row);
  g_ptr_array_add (list->rows, row);
  return row;
}

static void
clear_rows (SalesList *list)
{
  for (guint i = 0; i < list->rows->len; i++)
    adw_preferences_group_remove (list->group, g_ptr_array_index (list->rows, i));
  g_ptr_array_set_size (list->rows, 0);
  g_clear_pointer (&list->shown, g_free);
}

/* Where the keyboard focus is among the rows of @list, to put it back on
 * the same control once the rows are built again. */
typedef struct
{
  gboolean    inside;
  gint64      id;
  guint       index;
  const char *part;
} FocusPlace;

static FocusPlace
find_focus (SalesList *list)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (list->self->window));
  FocusPlace place = { FALSE, 0, 0, NULL };

  for (guint i = 0; focus != NULL && i < list->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (list->rows, i);

      if (focus != row && !gtk_widget_is_ancestor (focus, row))
        continue;
      place.inside = TRUE;
      place.id = row_id (row);
      place.index = i;
      for (guint p = 0; row_parts[p] != NULL; p++)
        {
          GtkWidget *widget = row_part (row, row_parts[p]);

          if (widget != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
            place.part = row_parts[p];
        }
    }
  return place;
}

static void
focus_widget (GtkWidget *widget)
{
  /* An expander row takes the focus on its header. */
  if (!gtk_widget_grab_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
restore_focus (SalesList  *list,
               FocusPlace *place)
{
  GtkWidget *row;
  GtkWidget *widget = NULL;

  if (!place->inside || list->rows->len == 0)
    return;

  row = find_row_by_id (list, place->id);
  if (row == NULL)
    {
      /* The record is gone: the row that took its place. */
      focus_widget (g_ptr_array_index (list->rows, MIN (place->index, list->rows->len - 1)));
      return;
    }

  if (place->part != NULL)
    widget = row_part (row, place->part);
  if (widget == NULL || !gtk_widget_get_sensitive (widget))
    widget = row;
  focus_widget (widget);
}

/* Rows that were open stay open when the list is built again. */
static GHashTable *
find_expanded (SalesList *list)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < list->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (list->rows, i);
      gint64 id = row_id (row);

      if (ADW_IS_EXPANDER_ROW (row) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  return ids;
}

static void
add_built_row (SalesList  *list,
               GHashTable *expanded,
               GtkWidget  *row)
{
  gint64 id = row_id (row);

  if (g_hash_table_contains (expanded, &id) || (id != 0 && id == list->self->expand_id))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  adw_preferences_group_add (list->group, row);
  g_ptr_array_add (list->rows, row);
}

/* Undo */

static void
pending_undo_free (gpointer data)
{
  PendingUndo *pending = data;

  g_clear_object (&pending->record);
  g_free (pending);
}

/* Says "“@name” deleted" with an Undo button that calls @undo. */
static void
toast_deleted (SalesPage  *self,
               const char *name,
               GObject    *record,
               guint       index,
               GCallback   undo)
{
  /* Translators: %s is the name of a sales stage or product that was deleted */
  g_autofree char *title = g_strdup_printf (_("“%s” deleted"), name);
  AdwToast *deleted = new_toast (title);
  PendingUndo *pending = g_new0 (PendingUndo, 1);

  pending->self = self;
  pending->record = g_object_ref (record);
  pending->index = index;
  adw_toast_set_button_label (deleted, _("_Undo"));
  g_signal_connect_data (deleted, "button-clicked", undo, pending,
                         (GClosureNotify) (void (*) (void)) pending_undo_free, 0);
  show_toast (self, deleted);
}

/* Stages (SPEC H1) */

static char *
stages_shown (GPtrArray *stages)
{
  GString *shown = g_string_new (NULL);

  for (guint i = 0; i < stages->len; i++)
    {
      TandemStage *stage = g_ptr_array_index (stages, i);

      g_string_append_printf (shown, "%" G_GINT64_FORMAT "\x1f%s\x1f%d\x1f%d\x1e",
                              tandem_stage_get_id (stage), tandem_stage_get_name (stage),
                              tandem_stage_get_probability (stage), tandem_stage_get_outcome (stage));
    }
  return g_string_free (shown, FALSE);
}

/* After a change made in a row, which the row already shows */
static void
remember_stages (SalesPage *self)
{
  g_autoptr(GPtrArray) stages = tandem_store_list_stages (self->store, NULL);

  g_clear_pointer (&self->stages.shown, g_free);
  if (stages != NULL)
    self->stages.shown = stages_shown (stages);
}

static char *
describe_stage (TandemStage *stage)
{
  g_autofree char *probability = format_probability (tandem_stage_get_probability (stage));

  /* Translators: a sales stage's outcome and default probability, e.g. "Open · 40%" */
  return g_strdup_printf (_("%s · %s"), tandem_sale_state_get_label (tandem_stage_get_outcome (stage)),
                          probability);
}

/* Shows @stage as stored in the header of its row and in the labels
 * that name it. */
static void
label_stage_row (GtkWidget   *row,
                 TandemStage *stage)
{
  const char *name = tandem_stage_get_name (stage);
  g_autofree char *subtitle = describe_stage (stage);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  /* Translators: the accessible name of a menu button; %s is a sales stage */
  set_accessible_label (row_part (row, "menu"), _("Options for “%s”"), name);
  /* Translators: the accessible name of a field; %s is a sales stage */
  set_accessible_label (row_part (row, "probability"), _("Probability at “%s”"), name);
}

/* Saves @stages in their order, inserting those without an id, in one
 * transaction. */
static gboolean
save_stage_order (SalesPage  *self,
                  GPtrArray  *stages,
                  GError    **error)
{
  if (!tandem_store_begin (self->store, error))
    return FALSE;
  /* New stages first, wherever the store puts them; the numbering below
   * then gives them their place. */
  for (guint i = 0; i < stages->len; i++)
    {
      TandemStage *stage = g_ptr_array_index (stages, i);
      TandemStage *stored;
      gint64 id;

      if (tandem_stage_get_id (stage) != 0)
        continue;
      id = tandem_store_save_stage (self->store, stage, error);
      if (id == 0)
        goto fail;
      /* Numbered below as the store now has it */
      stored = tandem_store_get_stage (self->store, id, error);
      if (stored == NULL)
        goto fail;
      tandem_stage_set_position (stored, -1);
      g_object_unref (g_steal_pointer (&stages->pdata[i]));
      stages->pdata[i] = stored;
    }
  for (guint i = 0; i < stages->len; i++)
    {
      TandemStage *stage = g_ptr_array_index (stages, i);

      if (tandem_stage_get_position (stage) == (int) i)
        continue;
      tandem_stage_set_position (stage, i);
      if (tandem_store_save_stage (self->store, stage, error) == 0)
        goto fail;
    }
  return tandem_store_commit (self->store, error);

fail:
  tandem_store_rollback (self->store);
  return FALSE;
}

/* Puts @stage (without an id) at @index of the board; returns its id. */
static gint64
insert_stage (SalesPage    *self,
              TandemStage  *stage,
              guint         index,
              GError      **error)
{
  g_autoptr(GPtrArray) stages = tandem_store_list_stages (self->store, error);

  if (stages == NULL)
    return 0;
  index = MIN (index, stages->len);
  g_ptr_array_insert (stages, index, g_object_ref (stage));
  if (!save_stage_order (self, stages, error))
    return 0;
  return tandem_stage_get_id (g_ptr_array_index (stages, index));
}

static gboolean
move_stage (SalesPage  *self,
            gint64      id,
            int         delta,
            GError    **error)
{
  g_autoptr(GPtrArray) stages = tandem_store_list_stages (self->store, error);
  guint from = G_MAXUINT;
  gpointer moved;

  if (stages == NULL)
    return FALSE;
  for (guint i = 0; i < stages->len && from == G_MAXUINT; i++)
    if (tandem_stage_get_id (g_ptr_array_index (stages, i)) == id)
      from = i;
  if (from == G_MAXUINT)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND,
                   _("The entry was deleted meanwhile"));
      return FALSE;
    }
  if ((delta < 0 && from == 0) || (delta > 0 && from + 1 >= stages->len))
    return TRUE;

  moved = stages->pdata[from];
  stages->pdata[from] = stages->pdata[from + delta];
  stages->pdata[from + delta] = moved;
  return save_stage_order (self, stages, error);
}

/* Changes one thing of the stage of @row as stored now; @change returns
 * FALSE when there is nothing to save. */
static gboolean
change_stage (SalesPage   *self,
              GtkWidget   *row,
              gboolean   (*change) (TandemStage *stage, gpointer data),
              gpointer     data)
{
  g_autoptr(TandemStage) stage = NULL;
  g_autoptr(TandemStage) saved = NULL;
  g_autoptr(GError) error = NULL;

  stage = tandem_store_get_stage (self->store, row_id (row), &error);
  if (stage != NULL && !change (stage, data))
    return TRUE;
  if (stage == NULL || tandem_store_save_stage (self->store, stage, &error) == 0)
    {
      toast (self, error->message);
      return FALSE;
    }
  saved = tandem_store_get_stage (self->store, row_id (row), NULL);
  if (saved != NULL)
    label_stage_row (row, saved);
  remember_stages (self);
  return TRUE;
}

static gboolean
set_stage_name (TandemStage *stage,
                gpointer     data)
{
  /* Keeping the name as shown keeps a shipped stage translated. */
  if (g_strcmp0 (data, tandem_stage_get_name (stage)) == 0)
    return FALSE;
  tandem_stage_set_name (stage, data);
  return TRUE;
}

static gboolean
set_stage_probability (TandemStage *stage,
                       gpointer     data)
{
  int probability = GPOINTER_TO_INT (data);

  if (tandem_stage_get_probability (stage) == probability)
    return FALSE;
  tandem_stage_set_probability (stage, probability);
  return TRUE;
}

static gboolean
set_stage_outcome (TandemStage *stage,
                   gpointer     data)
{
  TandemSaleState outcome = GPOINTER_TO_INT (data);

  if (tandem_stage_get_outcome (stage) == outcome)
    return FALSE;
  tandem_stage_set_outcome (stage, outcome);
  return TRUE;
}

/* Puts the row's controls back to the stage as stored, after a change
 * the store refused. */
static void
reset_stage_row (SalesPage *self,
                 GtkWidget *row)
{
  g_autoptr(TandemStage) stage = tandem_store_get_stage (self->store, row_id (row), NULL);

  if (stage == NULL)
    return;
  self->filling = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row_part (row, "probability")), tandem_stage_get_probability (stage));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row_part (row, "outcome")), tandem_stage_get_outcome (stage));
  self->filling = FALSE;
}

static gboolean
on_probability_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = format_probability (gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* Reads "40", "40%" or "40 %" */
static int
on_probability_input_cb (GtkSpinButton *spin,
                         double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  gboolean digits = FALSE;
  int number = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          number = MIN (number * 10 + g_unichar_digit_value (c), 1000);
          digits = TRUE;
        }
      else if (c != '%' && c != 0x066A /* Arabic percent sign */ && !g_unichar_isspace (c) &&
               g_unichar_type (c) != G_UNICODE_SPACE_SEPARATOR)
        return GTK_INPUT_ERROR;
    }
  if (!digits)
    return GTK_INPUT_ERROR;
  *value = number;
  return TRUE;
}

static void
on_stage_probability_changed_cb (GtkSpinButton *spin,
                                 SalesPage     *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_EXPANDER_ROW);

  if (self->filling)
    return;
  if (!change_stage (self, row, set_stage_probability, GINT_TO_POINTER (gtk_spin_button_get_value_as_int (spin))))
    reset_stage_row (self, row);
}

static void
on_stage_outcome_selected_cb (AdwComboRow *combo,
                              GParamSpec  *pspec,
                              SalesPage   *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (combo), ADW_TYPE_EXPANDER_ROW);

  if (self->filling)
    return;
  if (!change_stage (self, row, set_stage_outcome, GINT_TO_POINTER (adw_combo_row_get_selected (combo))))
    reset_stage_row (self, row);
}

static void
on_stage_name_apply_cb (AdwEntryRow *entry,
                        SalesPage   *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entry), ADW_TYPE_EXPANDER_ROW);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  const char *shown;

  if (!change_stage (self, row, set_stage_name, text))
    {
      /* Keep what was typed, so that it can be corrected. */
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  /* A shipped stage whose name is cleared takes its shipped name again. */
  shown = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  if (g_strcmp0 (shown, text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), shown);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
on_stage_move_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       data)
{
  GtkWidget *row = data;
  SalesPage *self = g_object_get_data (G_OBJECT (row), "tandem-sales");
  int delta = g_str_equal (g_action_get_name (G_ACTION (action)), "move-up") ? -1 : +1;
  g_autoptr(GError) error = NULL;

  if (!move_stage (self, row_id (row), delta, &error))
    toast (self, error->message);
}

static void
on_stage_undo_clicked_cb (AdwToast    *undone,
                          PendingUndo *pending)
{
  g_autoptr(TandemStage) stage = tandem_stage_copy (TANDEM_STAGE (pending->record));
  g_autoptr(GError) error = NULL;

  tandem_stage_set_id (stage, 0);
  if (insert_stage (pending->self, stage, pending->index, &error) == 0)
    toast (pending->self, error->message);
}

static void
on_stage_delete_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       data)
{
  GtkWidget *row = data;
  SalesPage *self = g_object_get_data (G_OBJECT (row), "tandem-sales");
  g_autoptr(TandemStage) stage = NULL;
  g_autoptr(GError) error = NULL;
  guint index;

  stage = tandem_store_get_stage (self->store, row_id (row), &error);
  if (stage == NULL || !tandem_store_delete_stage (self->store, row_id (row), &error))
    {
      toast (self, error->message);
      return;
    }
  g_ptr_array_find (self->stages.rows, row, &index);
  toast_deleted (self, tandem_stage_get_name (stage), G_OBJECT (stage), index,
                 G_CALLBACK (on_stage_undo_clicked_cb));
}

/* A new stage is open and comes after the open ones, before the sale is
 * won or lost, with a probability halfway from the last open one to
 * certain. */
static void
on_new_stage_apply_cb (AdwEntryRow *entry,
                       SalesPage   *self)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(TandemStage) stage = NULL;
  g_autoptr(GError) error = NULL;
  guint index = 0;
  int probability = 50;
  gint64 id = 0;

  stages = tandem_store_list_stages (self->store, &error);
  for (guint i = 0; stages != NULL && i < stages->len; i++)
    {
      TandemStage *open = g_ptr_array_index (stages, i);

      if (tandem_stage_get_outcome (open) != TANDEM_SALE_OPEN)
        continue;
      index = i + 1;
      probability = (tandem_stage_get_probability (open) + 100 + 1) / 2;
    }

  if (stages != NULL)
    {
      stage = tandem_stage_new (gtk_editable_get_text (GTK_EDITABLE (entry)), probability, TANDEM_SALE_OPEN);
      id = insert_stage (self, stage, index, &error);
    }
  if (id == 0)
    {
      /* Keep what was typed, so that it can be corrected. */
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      toast (self, error->message);
      return;
    }
  self->expand_id = id;
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Moving and deleting are in a menu, as GNOME Settings has them for
 * input sources: arrow buttons would look like the row's own expander
 * arrow. */
static void
add_stage_menu (GtkWidget *row,
                SalesPage *self,
                gboolean   first,
                gboolean   last)
{
  static const GActionEntry entries[] = {
    { .name = "move-up", .activate = on_stage_move_action_cb },
    { .name = "move-down", .activate = on_stage_move_action_cb },
    { .name = "delete", .activate = on_stage_delete_action_cb },
  };
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) deletion = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_object_set_data (G_OBJECT (row), "tandem-sales", self);
  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries), row);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (actions), "move-up")),
                               !first);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (actions), "move-down")),
                               !last);
  gtk_widget_insert_action_group (row, "stage", G_ACTION_GROUP (actions));
  g_object_set_data_full (G_OBJECT (row), "tandem-actions", g_object_ref (actions), g_object_unref);

  g_menu_append (moves, _("Move _Up"), "stage.move-up");
  g_menu_append (moves, _("Move _Down"), "stage.move-down");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append (deletion, _("_Delete"), "stage.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (deletion));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("More Options"));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
  set_row_part (row, "menu", button);
}

static GtkWidget *
build_stage_row (SalesPage   *self,
                 TandemStage *stage,
                 gboolean     first,
                 gboolean     last)
{
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);
  GtkWidget *row = new_expander_row (tandem_stage_get_id (stage), tandem_stage_get_name (stage));
  GtkWidget *entry;
  GtkWidget *probability_row;
  GtkWidget *spin;
  GtkWidget *outcome;

  add_stage_menu (row, self, first, last);

  entry = add_name_row (row, _("Name"), tandem_stage_get_name (stage), "name");
  g_signal_connect (entry, "apply", G_CALLBACK (on_stage_name_apply_cb), self);
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed_cb), NULL);

  probability_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (probability_row), _("Probability"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (probability_row), _("Given to a sale moved to this stage"));
  spin = gtk_spin_button_new_with_range (0, 100, 5);
  /* Not numeric, so that it can show and read the percent sign. */
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 4);
  gtk_editable_set_alignment (GTK_EDITABLE (spin), 1.0);
  gtk_widget_add_css_class (spin, "numeric");
  g_signal_connect (spin, "output", G_CALLBACK (on_probability_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_probability_input_cb), NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), tandem_stage_get_probability (stage));
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_stage_probability_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (probability_row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (probability_row), spin);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), probability_row);
  set_row_part (row, "probability", spin);

  for (TandemSaleState state = TANDEM_SALE_OPEN; state <= TANDEM_SALE_LOST; state++)
    gtk_string_list_append (outcomes, tandem_sale_state_get_label (state));
  outcome = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (outcome), _("Outcome"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (outcome), _("A won or lost stage closes the sale"));
  adw_combo_row_set_model (ADW_COMBO_ROW (outcome), G_LIST_MODEL (outcomes));
  adw_combo_row_set_selected (ADW_COMBO_ROW (outcome), tandem_stage_get_outcome (stage));
  g_signal_connect (outcome, "notify::selected", G_CALLBACK (on_stage_outcome_selected_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), outcome);
  set_row_part (row, "outcome", outcome);

  label_stage_row (row, stage);
  return row;
}

static void
refresh_stages (SalesPage *self)
{
  SalesList *list = &self->stages;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GHashTable) expanded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  FocusPlace focus;

  if (!self->is_admin)
    {
      clear_rows (list);
      return;
    }

  stages = tandem_store_list_stages (self->store, &error);
  if (stages != NULL)
    shown = stages_shown (stages);
  if (shown != NULL && g_strcmp0 (shown, list->shown) == 0)
    return;

  focus = find_focus (list);
  expanded = find_expanded (list);
  clear_rows (list);
  if (stages == NULL)
    {
      add_empty_row (list, error->message);
      return;
    }

  for (guint i = 0; i < stages->len; i++)
    add_built_row (list, expanded, build_stage_row (self, g_ptr_array_index (stages, i), i == 0, i + 1 == stages->len));
  list->shown = g_steal_pointer (&shown);
  restore_focus (list, &focus);
}

/* Products (SPEC H1) */

static char *
products_shown (GPtrArray *products)
{
  GString *shown = g_string_new (NULL);

  for (guint i = 0; i < products->len; i++)
    {
      TandemProduct *product = g_ptr_array_index (products, i);
      const char *group = tandem_product_get_group (product);

      g_string_append_printf (shown, "%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%d\x1e",
                              tandem_product_get_id (product), tandem_product_get_name (product),
                              group ? group : "", tandem_product_get_active (product));
    }
  return g_string_free (shown, FALSE);
}

static void
remember_products (SalesPage *self)
{
  g_autoptr(GPtrArray) products = tandem_store_list_products (self->store, TRUE, NULL);

  g_clear_pointer (&self->products.shown, g_free);
  if (products != NULL)
    self->products.shown = products_shown (products);
}

static TandemProduct *
get_product (SalesPage  *self,
             gint64      id,
             GError    **error)
{
  g_autoptr(GPtrArray) products = tandem_store_list_products (self->store, TRUE, error);

  for (guint i = 0; products != NULL && i < products->len; i++)
    if (tandem_product_get_id (g_ptr_array_index (products, i)) == id)
      return g_object_ref (g_ptr_array_index (products, i));
  if (products != NULL)
    g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND, _("The entry was deleted meanwhile"));
  return NULL;
}

static void
label_product_row (SalesPage     *self,
                   GtkWidget     *row,
                   TandemProduct *product)
{
  const char *name = tandem_product_get_name (product);
  const char *group = tandem_product_get_group (product);
  g_autofree char *subtitle = NULL;

  if (group != NULL && !tandem_product_get_active (product))
    /* Translators: a product's group and that it is no longer offered, e.g. "Software · Inactive" */
    subtitle = g_strdup_printf (_("%s · Inactive"), group);
  else if (group != NULL)
    subtitle = g_strdup (group);
  else if (!tandem_product_get_active (product))
    subtitle = g_strdup (C_("product", "Inactive"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle ? subtitle : "");
  self->filling = TRUE;
  gtk_switch_set_active (GTK_SWITCH (row_part (row, "active")), tandem_product_get_active (product));
  self->filling = FALSE;
  /* Translators: the accessible name of a switch; %s is a product */
  set_accessible_label (row_part (row, "active"), _("Offer “%s” for new sales"), name);
  /* Translators: the accessible name of a button; %s is an entry of a list */
  set_accessible_label (row_part (row, "delete"), _("Delete “%s”"), name);
}

/* Changes the product of @row as stored now and shows the result, or
 * says why not and shows it as it was. */
static gboolean
change_product (SalesPage  *self,
                GtkWidget  *row,
                gboolean  (*change) (TandemProduct *product, gpointer data),
                gpointer    data)
{
  g_autoptr(TandemProduct) product = NULL;
  g_autoptr(TandemProduct) saved = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  product = get_product (self, row_id (row), &error);
  if (product != NULL && !change (product, data))
    return TRUE;
  ok = product != NULL && tandem_store_save_product (self->store, product, &error) != 0;
  if (!ok)
    toast (self, error->message);
  saved = get_product (self, row_id (row), NULL);
  if (saved != NULL)
    label_product_row (self, row, saved);
  remember_products (self);
  return ok;
}

static gboolean
set_product_name (TandemProduct *product,
                  gpointer       data)
{
  if (g_strcmp0 (data, tandem_product_get_name (product)) == 0)
    return FALSE;
  tandem_product_set_name (product, data);
  return TRUE;
}

static gboolean
set_product_group (TandemProduct *product,
                   gpointer       data)
{
  g_autofree char *group = g_strstrip (g_strdup (data));

  if (g_strcmp0 (group[0] ? group : NULL, tandem_product_get_group (product)) == 0)
    return FALSE;
  tandem_product_set_group (product, group[0] ? group : NULL);
  return TRUE;
}

static gboolean
set_product_active (TandemProduct *product,
                    gpointer       data)
{
  gboolean active = GPOINTER_TO_INT (data);

  if (tandem_product_get_active (product) == active)
    return FALSE;
  tandem_product_set_active (product, active);
  return TRUE;
}

static void
on_product_name_apply_cb (AdwEntryRow *entry,
                          SalesPage   *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entry), ADW_TYPE_EXPANDER_ROW);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  if (!change_product (self, row, set_product_name, text))
    {
      /* Keep what was typed, so that it can be corrected. */
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
    }
}

static void
on_product_group_apply_cb (AdwEntryRow *entry,
                           SalesPage   *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entry), ADW_TYPE_EXPANDER_ROW);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  if (!change_product (self, row, set_product_group, text))
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
    }
}

static void
on_product_active_cb (GtkSwitch  *toggle,
                      GParamSpec *pspec,
                      SalesPage  *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (toggle), ADW_TYPE_EXPANDER_ROW);

  if (!self->filling)
    change_product (self, row, set_product_active, GINT_TO_POINTER (gtk_switch_get_active (toggle)));
}

static gint64
readd_product (SalesPage      *self,
               TandemProduct  *product,
               GError        **error)
{
  g_autoptr(TandemProduct) copy = tandem_product_new (tandem_product_get_name (product),
                                                      tandem_product_get_group (product));

  tandem_product_set_active (copy, tandem_product_get_active (product));
  return tandem_store_save_product (self->store, copy, error);
}

static void
on_product_undo_clicked_cb (AdwToast    *undone,
                            PendingUndo *pending)
{
  g_autoptr(GError) error = NULL;

  if (readd_product (pending->self, TANDEM_PRODUCT (pending->record), &error) == 0)
    toast (pending->self, error->message);
}

static void
delete_product (SalesPage     *self,
                TandemProduct *product,
                gboolean       undoable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  GtkWidget *row = find_row_by_id (&self->products, tandem_product_get_id (product));
  guint index = 0;

  if (!tandem_store_delete_product (self->store, tandem_product_get_id (product), &error))
    {
      toast (self, error->message);
      return;
    }
  if (undoable)
    {
      if (row != NULL)
        g_ptr_array_find (self->products.rows, row, &index);
      toast_deleted (self, tandem_product_get_name (product), G_OBJECT (product), index,
                     G_CALLBACK (on_product_undo_clicked_cb));
      return;
    }
  /* Translators: %s is the name of a sales stage or product that was deleted */
  done = g_strdup_printf (_("“%s” deleted"), tandem_product_get_name (product));
  toast (self, done);
}

static void
on_product_delete_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               PendingUndo      *pending)
{
  if (g_strcmp0 (response, "delete") == 0)
    delete_product (pending->self, TANDEM_PRODUCT (pending->record), FALSE);
}

/* A product no sale names is deleted at once, with Undo; one that sales
 * name is asked about first, since Undo could not give it back to them. */
static void
on_product_delete_clicked_cb (GtkButton *button,
                              SalesPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  g_autoptr(TandemProduct) product = NULL;
  g_autoptr(GError) error = NULL;
  TandemProjectQuery query = { 0 };
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  PendingUndo *pending;
  GtkWidget *dialog;
  guint n_sales;

  product = get_product (self, row_id (row), &error);
  if (product == NULL)
    {
      toast (self, error->message);
      return;
    }
  query.of = TANDEM_PROJECTS_SALES;
  query.product_id = tandem_product_get_id (product);
  n_sales = tandem_store_count_projects (self->store, &query, &error);
  if (error != NULL)
    {
      toast (self, error->message);
      return;
    }
  if (n_sales == 0)
    {
      delete_product (self, product, TRUE);
      return;
    }

  /* Translators: %s is the name of a product */
  heading = g_strdup_printf (_("Delete Product “%s”?"), tandem_product_get_name (product));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u sale names this product and will be left without one. To stop offering the product for new sales only, turn it off instead.",
                                       "%u sales name this product and will be left without one. To stop offering the product for new sales only, turn it off instead.",
                                       n_sales),
                          n_sales);
  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading, body);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  pending = g_new0 (PendingUndo, 1);
  pending->self = self;
  pending->record = G_OBJECT (g_steal_pointer (&product));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_product_delete_response_cb),
                         pending, (GClosureNotify) (void (*) (void)) pending_undo_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_new_product_apply_cb (AdwEntryRow *entry,
                         SalesPage   *self)
{
  g_autoptr(TandemProduct) product = tandem_product_new (gtk_editable_get_text (GTK_EDITABLE (entry)), NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = tandem_store_save_product (self->store, product, &error);
  if (id == 0)
    {
      /* Keep what was typed, so that it can be corrected. */
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      toast (self, error->message);
      return;
    }
  /* Open, so that its group can be set right away. */
  self->expand_id = id;
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static GtkWidget *
build_product_row (SalesPage     *self,
                   TandemProduct *product)
{
  GtkWidget *row = new_expander_row (tandem_product_get_id (product), tandem_product_get_name (product));
  GtkWidget *toggle = gtk_switch_new ();
  GtkWidget *button;
  GtkWidget *entry;

  /* The row's actions are shown last added first. */
  button = add_header_button (row, "delete", "user-trash-symbolic", _("Delete"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_product_delete_clicked_cb), self);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (toggle, _("Offered for new sales"));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), toggle);
  set_row_part (row, "active", toggle);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_product_active_cb), self);

  entry = add_name_row (row, _("Name"), tandem_product_get_name (product), "name");
  g_signal_connect (entry, "apply", G_CALLBACK (on_product_name_apply_cb), self);
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed_cb), NULL);
  entry = add_name_row (row, _("Product group"), tandem_product_get_group (product), "group");
  g_signal_connect (entry, "apply", G_CALLBACK (on_product_group_apply_cb), self);
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed_cb), NULL);

  label_product_row (self, row, product);
  return row;
}

static void
refresh_products (SalesPage *self)
{
  SalesList *list = &self->products;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GHashTable) expanded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  FocusPlace focus;

  if (!self->is_admin)
    {
      clear_rows (list);
      return;
    }

  products = tandem_store_list_products (self->store, TRUE, &error);
  if (products != NULL)
    shown = products_shown (products);
  if (shown != NULL && g_strcmp0 (shown, list->shown) == 0)
    return;

  focus = find_focus (list);
  expanded = find_expanded (list);
  clear_rows (list);
  if (products == NULL)
    {
      add_empty_row (list, error->message);
      return;
    }
  if (products->len == 0)
    add_empty_row (list, _("No products yet"));

  for (guint i = 0; i < products->len; i++)
    add_built_row (list, expanded, build_product_row (self, g_ptr_array_index (products, i)));
  list->shown = g_steal_pointer (&shown);
  restore_focus (list, &focus);
}

/* Setting up */

static void
setup_list (SalesPage  *self,
            SalesList  *list,
            const char *title,
            const char *description,
            const char *new_title,
            GCallback   on_apply)
{
  GtkWidget *new_group;

  list->self = self;
  list->rows = g_ptr_array_new ();
  list->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (list->group, title);
  adw_preferences_group_set_description (list->group, description);
  adw_preferences_page_add (self->page, list->group);

  new_group = adw_preferences_group_new ();
  list->new_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list->new_row), new_title);
  adw_entry_row_set_show_apply_button (list->new_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (new_group), GTK_WIDGET (list->new_row));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (new_group));
  g_signal_connect (list->new_row, "apply", on_apply, self);
  g_signal_connect (list->new_row, "changed", G_CALLBACK (on_entry_changed_cb), NULL);
}

void
tandem_preferences_window_setup_sales (TandemPreferencesWindow *window,
                                       TandemStore             *store,
                                       AdwPreferencesPage      *page)
{
  SalesPage *self = g_new0 (SalesPage, 1);

  self->window = window;
  self->store = g_object_ref (store);
  /* Held so that the page outlives its removal for those who may not
   * use it. */
  self->page = g_object_ref (page);

  setup_list (self, &self->stages, _("Sales Stages"),
              _("The columns of the sales board, in order. A sale moved to a stage takes its probability. New stages come after the open ones."),
              _("New stage"), G_CALLBACK (on_new_stage_apply_cb));
  setup_list (self, &self->products, _("Products"),
              _("What sales are about. A product that is turned off stays on the sales that name it but is not offered for new ones."),
              _("New product"), G_CALLBACK (on_new_product_apply_cb));

  g_object_set_data_full (G_OBJECT (window), SALES_KEY, self, sales_page_free);
}

void
tandem_preferences_window_refresh_sales (TandemPreferencesWindow *window,
                                         gboolean                 is_admin)
{
  SalesPage *self = get_sales (window);

  g_return_if_fail (self != NULL);

  self->is_admin = is_admin;
  /* Only administrators keep the stages and products (SPEC L1); others
   * never see controls that the store would then refuse. */
  if (!is_admin && gtk_widget_get_parent (GTK_WIDGET (self->page)) != NULL)
    adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (window), self->page);

  refresh_stages (self);
  refresh_products (self);
  self->expand_id = 0;
}

/* Public API */

GtkWidget *
tandem_preferences_window_get_sales_page (TandemPreferencesWindow *self)
{
  SalesPage *sales;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  sales = get_sales (self);
  return sales ? GTK_WIDGET (sales->page) : NULL;
}

GtkWidget *
tandem_preferences_window_get_new_sales_row (TandemPreferencesWindow *self,
                                             const char              *list)
{
  SalesList *sales_list;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  sales_list = list_by_name (get_sales (self), list);
  return sales_list ? GTK_WIDGET (sales_list->new_row) : NULL;
}

GtkWidget *
tandem_preferences_window_find_sales_row (TandemPreferencesWindow *self,
                                          const char              *list,
                                          const char              *title)
{
  SalesList *sales_list;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  sales_list = list_by_name (get_sales (self), list);
  for (guint i = 0; sales_list && i < sales_list->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (sales_list->rows, i);

      if (ADW_IS_EXPANDER_ROW (row) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return row;
    }
  return NULL;
}

GtkWidget *
tandem_preferences_window_get_nth_sales_row (TandemPreferencesWindow *self,
                                             const char              *list,
                                             guint                    n)
{
  SalesList *sales_list;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  sales_list = list_by_name (get_sales (self), list);
  return sales_list && n < sales_list->rows->len ? g_ptr_array_index (sales_list->rows, n) : NULL;
}

guint
tandem_preferences_window_count_sales_rows (TandemPreferencesWindow *self,
                                            const char              *list)
{
  SalesList *sales_list;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), 0);

  sales_list = list_by_name (get_sales (self), list);
  return sales_list ? sales_list->rows->len : 0;
}

GtkWidget *
tandem_preferences_window_get_sales_row_part (GtkWidget  *row,
                                              const char *part)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);
  g_return_val_if_fail (part != NULL, NULL);

  return row_part (row, part);
}

AdwToast *
tandem_preferences_window_get_sales_toast (TandemPreferencesWindow *self)
{
  SalesPage *sales;

  g_return_val_if_fail (TANDEM_IS_PREFERENCES_WINDOW (self), NULL);

  sales = get_sales (self);
  return sales ? sales->toast : NULL;
}

GAction *
tandem_preferences_window_get_sales_row_action (GtkWidget  *row,
                                                const char *name)
{
  GActionMap *actions;

  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  actions = g_object_get_data (G_OBJECT (row), "tandem-actions");
  return actions ? g_action_map_lookup_action (actions, name) : NULL;
}
