/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemConditionRow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-campaigns-resources.h"
#include "tandem-condition-row-private.h"
#include "tandem-error.h"
#include "tandem-store-groups.h"

/* Narrower than this, the value goes on a line of its own. */
#define ONE_LINE_WIDTH 520
#define SPACING 6

typedef struct
{
  char                *key;    /* "city", "field:12" */
  TandemCriterionType  type;
} FieldEntry;

struct _TandemConditionRow
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkDropDown        *field_dropdown;
  GtkDropDown        *operator_dropdown;
  GtkStack           *value_stack;
  GtkEntry           *value_entry;
  GtkDropDown        *choice_dropdown;
  GtkWidget          *remove_button;
  GtkLabel           *error_label;

  TandemStore        *store;
  TandemKind          entity;
  GArray             *fields;        /* FieldEntry, in the field list's order */
  const char * const *operators;     /* of the chosen field's type */
  GArray             *group_ids;
  GArray             *role_ids;
  GtkStringList      *group_names;
  GtkStringList      *role_names;
  guint               syncing;
};

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemConditionRow, tandem_condition_row, GTK_TYPE_WIDGET)

/* Helpers ------------------------------------------------------------------ */

static void
clear_field_entry (gpointer data)
{
  FieldEntry *entry = data;

  g_free (entry->key);
}

static void
emit_changed (TandemConditionRow *self)
{
  if (self->syncing == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
show_error (TandemConditionRow *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_entry), "error");
}

static const FieldEntry *
selected_field (TandemConditionRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->field_dropdown);

  if (self->fields == NULL || selected >= self->fields->len)
    return NULL;
  return &g_array_index (self->fields, FieldEntry, selected);
}

static const char *
selected_operator (TandemConditionRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->operator_dropdown);

  if (self->operators == NULL || selected >= g_strv_length ((char **) self->operators))
    return NULL;
  return self->operators[selected];
}

/* Labels that shrink with an ellipsis in the buttons, whole in the lists */
static void
on_setup_label_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_bind_label_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkListItemFactory *
label_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_label_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_label_cb), NULL);
  return factory;
}

static void
set_up_dropdown (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = label_factory (TRUE);
  g_autoptr(GtkListItemFactory) list = label_factory (FALSE);

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

static void
load_choices (TandemConditionRow *self)
{
  g_autoptr(GPtrArray) groups = tandem_store_list_contact_groups (self->store, NULL);
  g_autoptr(GPtrArray) roles = tandem_store_list_partner_roles (self->store, NULL);

  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->group_names = gtk_string_list_new (NULL);
  for (guint i = 0; groups && i < groups->len; i++)
    {
      TandemContactGroup *group = g_ptr_array_index (groups, i);
      gint64 id = tandem_contact_group_get_id (group);

      g_array_append_val (self->group_ids, id);
      gtk_string_list_append (self->group_names, tandem_contact_group_get_name (group));
    }

  self->role_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->role_names = gtk_string_list_new (NULL);
  for (guint i = 0; roles && i < roles->len; i++)
    {
      TandemChoice *role = g_ptr_array_index (roles, i);
      gint64 id = tandem_choice_get_id (role);

      g_array_append_val (self->role_ids, id);
      gtk_string_list_append (self->role_names, tandem_choice_get_name (role));
    }
}

/* The fixed fields of @entity, then its classification and additional
 * fields by name. */
static void
load_fields (TandemConditionRow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) custom = NULL;
  const TandemCriterionField *fixed;
  guint n_fixed;

  g_clear_pointer (&self->fields, g_array_unref);
  self->fields = g_array_new (FALSE, TRUE, sizeof (FieldEntry));
  g_array_set_clear_func (self->fields, clear_field_entry);

  fixed = tandem_criterion_fields (&n_fixed);
  for (guint i = 0; i < n_fixed; i++)
    {
      FieldEntry entry;

      if ((self->entity == TANDEM_KIND_PERSON && !fixed[i].person) ||
          (self->entity != TANDEM_KIND_PERSON && !fixed[i].company))
        continue;
      entry.key = g_strdup (fixed[i].field);
      entry.type = fixed[i].type;
      g_array_append_val (self->fields, entry);
      gtk_string_list_append (labels, _(fixed[i].label));
    }

  custom = tandem_store_list_fields (self->store, self->entity, NULL);
  for (guint i = 0; custom && i < custom->len; i++)
    {
      TandemField *field = g_ptr_array_index (custom, i);
      FieldEntry entry;

      entry.key = g_strdup_printf ("field:%" G_GINT64_FORMAT, tandem_field_get_id (field));
      entry.type = TANDEM_CRITERION_TEXT;
      g_array_append_val (self->fields, entry);
      gtk_string_list_append (labels, tandem_field_get_name (field));
    }

  gtk_drop_down_set_model (self->field_dropdown, G_LIST_MODEL (labels));
}

static guint
field_position (TandemConditionRow *self,
                const char         *key)
{
  for (guint i = 0; key && self->fields && i < self->fields->len; i++)
    if (g_str_equal (g_array_index (self->fields, FieldEntry, i).key, key))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
update_value_widget (TandemConditionRow *self)
{
  const FieldEntry *field = selected_field (self);
  const char *op = selected_operator (self);
  TandemCriterionType type = field ? field->type : TANDEM_CRITERION_TEXT;

  self->syncing++;
  if (op != NULL && !tandem_criterion_operator_takes_value (op))
    gtk_stack_set_visible_child_name (self->value_stack, "none");
  else if (type == TANDEM_CRITERION_GROUP || type == TANDEM_CRITERION_ROLE)
    {
      GtkStringList *names = type == TANDEM_CRITERION_GROUP ? self->group_names : self->role_names;

      if (gtk_drop_down_get_model (self->choice_dropdown) != G_LIST_MODEL (names))
        gtk_drop_down_set_model (self->choice_dropdown, G_LIST_MODEL (names));
      gtk_stack_set_visible_child_name (self->value_stack, "choice");
    }
  else
    {
      gboolean days = g_strcmp0 (op, "within-days") == 0 || g_strcmp0 (op, "older-than-days") == 0;

      if (days)
        {
          gtk_entry_set_placeholder_text (self->value_entry, _("Days"));
          gtk_entry_set_input_purpose (self->value_entry, GTK_INPUT_PURPOSE_DIGITS);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->value_entry), _("A number of days before today"));
        }
      else if (type == TANDEM_CRITERION_DATE)
        {
          /* Translators: an example date in the filter builder; the
           * search reads dates as 2026-12-31 or 31.12.2026 */
          gtk_entry_set_placeholder_text (self->value_entry, _("31.12.2026"));
          gtk_entry_set_input_purpose (self->value_entry, GTK_INPUT_PURPOSE_FREE_FORM);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->value_entry),
                                       _("A date, written as 2026-12-31 or 31.12.2026"));
        }
      else
        {
          gtk_entry_set_placeholder_text (self->value_entry, NULL);
          gtk_entry_set_input_purpose (self->value_entry, GTK_INPUT_PURPOSE_FREE_FORM);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->value_entry), NULL);
        }
      gtk_stack_set_visible_child_name (self->value_stack, "entry");
    }
  self->syncing--;
}

/* Offers the operators of the chosen field's type, keeping the chosen
 * one if the new field has it too. */
static void
update_operators (TandemConditionRow *self)
{
  const FieldEntry *field = selected_field (self);
  const char * const *operators;
  g_autofree char *previous = g_strdup (selected_operator (self));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint keep = 0;

  operators = tandem_criterion_operators (field ? field->type : TANDEM_CRITERION_TEXT);
  if (operators == self->operators)
    {
      update_value_widget (self);
      return;
    }

  for (guint i = 0; operators[i]; i++)
    {
      gtk_string_list_append (labels, tandem_criterion_operator_label (operators[i]));
      if (g_strcmp0 (operators[i], previous) == 0)
        keep = i;
    }
  self->syncing++;
  self->operators = operators;
  gtk_drop_down_set_model (self->operator_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->operator_dropdown, keep);
  self->syncing--;
  update_value_widget (self);
}

/* Layout ------------------------------------------------------------------- */

static gboolean
fits_one_line (int width)
{
  return width < 0 || width >= ONE_LINE_WIDTH;
}

static void
measure_child (GtkWidget      *child,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural)
{
  *minimum = *natural = 0;
  if (gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
condition_row_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  TandemConditionRow *self = TANDEM_CONDITION_ROW (widget);
  GtkWidget *line[] = {
    GTK_WIDGET (self->field_dropdown), GTK_WIDGET (self->operator_dropdown),
    GTK_WIDGET (self->value_stack), self->remove_button,
  };
  int min[4], nat[4], error_min, error_nat;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (line); i++)
        measure_child (line[i], orientation, -1, &min[i], &nat[i]);
      measure_child (GTK_WIDGET (self->error_label), orientation, -1, &error_min, &error_nat);
      *minimum = MAX (MAX (min[0] + SPACING + min[1], min[2] + SPACING + min[3]), error_min);
      *natural = MAX (MAX (nat[0] + nat[1] + nat[2] + nat[3] + 3 * SPACING, *minimum), ONE_LINE_WIDTH);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (line); i++)
        measure_child (line[i], orientation, -1, &min[i], &nat[i]);
      if (fits_one_line (for_size))
        {
          *minimum = MAX (MAX (min[0], min[1]), MAX (min[2], min[3]));
          *natural = MAX (MAX (nat[0], nat[1]), MAX (nat[2], nat[3]));
        }
      else
        {
          *minimum = MAX (min[0], min[1]) + SPACING + MAX (min[2], min[3]);
          *natural = MAX (nat[0], nat[1]) + SPACING + MAX (nat[2], nat[3]);
        }
      if (gtk_widget_should_layout (GTK_WIDGET (self->error_label)))
        {
          measure_child (GTK_WIDGET (self->error_label), orientation, for_size, &error_min, &error_nat);
          *minimum += SPACING + error_min;
          *natural += SPACING + error_nat;
        }
    }
  *minimum_baseline = *natural_baseline = -1;
}

static void
place (GtkWidget *child,
       int        x,
       int        y,
       int        width,
       int        height)
{
  if (gtk_widget_should_layout (child))
    gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, MAX (width, 0), MAX (height, 0) }, -1);
}

static void
condition_row_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  TandemConditionRow *self = TANDEM_CONDITION_ROW (widget);
  GtkWidget *field = GTK_WIDGET (self->field_dropdown);
  GtkWidget *op = GTK_WIDGET (self->operator_dropdown);
  GtkWidget *value = GTK_WIDGET (self->value_stack);
  int min, nat, remove_width, line_height, second_height = 0, y;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  measure_child (self->remove_button, GTK_ORIENTATION_HORIZONTAL, -1, &min, &remove_width);
  measure_child (field, GTK_ORIENTATION_VERTICAL, -1, &min, &line_height);
  measure_child (op, GTK_ORIENTATION_VERTICAL, -1, &min, &nat);
  line_height = MAX (line_height, nat);

  if (fits_one_line (width))
    {
      int rest, field_width, op_width, value_width;

      measure_child (value, GTK_ORIENTATION_VERTICAL, -1, &min, &nat);
      line_height = MAX (line_height, nat);
      rest = width - remove_width - 3 * SPACING;
      field_width = rest * 3 / 10;
      op_width = rest * 3 / 10;
      value_width = rest - field_width - op_width;
      if (!rtl)
        {
          place (field, 0, 0, field_width, line_height);
          place (op, field_width + SPACING, 0, op_width, line_height);
          place (value, field_width + op_width + 2 * SPACING, 0, value_width, line_height);
          place (self->remove_button, width - remove_width, 0, remove_width, line_height);
        }
      else
        {
          place (field, width - field_width, 0, field_width, line_height);
          place (op, width - field_width - SPACING - op_width, 0, op_width, line_height);
          place (value, remove_width + SPACING, 0, value_width, line_height);
          place (self->remove_button, 0, 0, remove_width, line_height);
        }
      y = line_height;
    }
  else
    {
      int field_width = (width - SPACING) / 2;
      int op_width = width - SPACING - field_width;
      int value_width = width - SPACING - remove_width;

      measure_child (value, GTK_ORIENTATION_VERTICAL, -1, &min, &second_height);
      measure_child (self->remove_button, GTK_ORIENTATION_VERTICAL, -1, &min, &nat);
      second_height = MAX (second_height, nat);
      place (field, rtl ? op_width + SPACING : 0, 0, field_width, line_height);
      place (op, rtl ? 0 : field_width + SPACING, 0, op_width, line_height);
      y = line_height + SPACING;
      place (value, rtl ? remove_width + SPACING : 0, y, value_width, second_height);
      place (self->remove_button, rtl ? 0 : width - remove_width, y, remove_width, second_height);
      y += second_height;
    }

  if (gtk_widget_should_layout (GTK_WIDGET (self->error_label)))
    {
      measure_child (GTK_WIDGET (self->error_label), GTK_ORIENTATION_VERTICAL, width, &min, &nat);
      place (GTK_WIDGET (self->error_label), 0, y + SPACING, width, nat);
    }
}

static GtkSizeRequestMode
condition_row_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_field_selected_cb (TandemConditionRow *self)
{
  if (self->syncing)
    return;
  show_error (self, NULL);
  update_operators (self);
  emit_changed (self);
}

static void
on_operator_selected_cb (TandemConditionRow *self)
{
  if (self->syncing)
    return;
  show_error (self, NULL);
  update_value_widget (self);
  emit_changed (self);
}

static void
on_value_changed_cb (TandemConditionRow *self)
{
  if (self->syncing)
    return;
  /* A message stays only while it is still true. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    tandem_condition_row_check (self, FALSE, NULL);
  emit_changed (self);
}

static void
on_remove_clicked_cb (TandemConditionRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* Overrides ---------------------------------------------------------------- */

static void
tandem_condition_row_dispose (GObject *object)
{
  TandemConditionRow *self = TANDEM_CONDITION_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_CONDITION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->store);
  g_clear_object (&self->group_names);
  g_clear_object (&self->role_names);

  G_OBJECT_CLASS (tandem_condition_row_parent_class)->dispose (object);
}

static void
tandem_condition_row_finalize (GObject *object)
{
  TandemConditionRow *self = TANDEM_CONDITION_ROW (object);

  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->group_ids, g_array_unref);
  g_clear_pointer (&self->role_ids, g_array_unref);

  G_OBJECT_CLASS (tandem_condition_row_parent_class)->finalize (object);
}

static void
tandem_condition_row_class_init (TandemConditionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_condition_row_dispose;
  object_class->finalize = tandem_condition_row_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  (void) tandem_campaigns_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tandemcrm/Tandem/campaigns/tandem-condition-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemConditionRow, field_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemConditionRow, operator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemConditionRow, value_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemConditionRow, value_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemConditionRow, choice_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemConditionRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, TandemConditionRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "conditionrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tandem_condition_row_init (TandemConditionRow *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (condition_row_request_mode, condition_row_measure,
                                                        condition_row_allocate));

  set_up_dropdown (self->field_dropdown);
  set_up_dropdown (self->operator_dropdown);
  set_up_dropdown (self->choice_dropdown);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->field_dropdown, expression);

  g_signal_connect_object (self->field_dropdown, "notify::selected", G_CALLBACK (on_field_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->operator_dropdown, "notify::selected", G_CALLBACK (on_operator_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->choice_dropdown, "notify::selected", G_CALLBACK (on_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->value_entry, "changed", G_CALLBACK (on_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
tandem_condition_row_new (TandemStore *store,
                          TandemKind   entity)
{
  TandemConditionRow *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_CONDITION_ROW, NULL);
  self->store = g_object_ref (store);
  self->entity = entity == TANDEM_KIND_PERSON ? TANDEM_KIND_PERSON : TANDEM_KIND_COMPANY;
  load_choices (self);

  self->syncing++;
  load_fields (self);
  gtk_drop_down_set_selected (self->field_dropdown, 0);
  self->syncing--;
  update_operators (self);
  return GTK_WIDGET (self);
}

void
tandem_condition_row_set_entity (TandemConditionRow *self,
                                 TandemKind          entity)
{
  g_autofree char *previous = NULL;
  guint position;

  g_return_if_fail (TANDEM_IS_CONDITION_ROW (self));

  entity = entity == TANDEM_KIND_PERSON ? TANDEM_KIND_PERSON : TANDEM_KIND_COMPANY;
  if (entity == self->entity)
    return;

  previous = selected_field (self) ? g_strdup (selected_field (self)->key) : NULL;
  self->entity = entity;
  self->syncing++;
  load_fields (self);
  /* Custom fields belong to companies or to people: theirs do not carry over. */
  position = field_position (self, previous);
  gtk_drop_down_set_selected (self->field_dropdown, position != GTK_INVALID_LIST_POSITION ? position : 0);
  self->syncing--;
  show_error (self, NULL);
  update_operators (self);
  emit_changed (self);
}

void
tandem_condition_row_set_criterion (TandemConditionRow    *self,
                                    const TandemCriterion *criterion)
{
  guint position;

  g_return_if_fail (TANDEM_IS_CONDITION_ROW (self));
  g_return_if_fail (criterion != NULL);

  self->syncing++;
  position = field_position (self, criterion->field);
  if (position == GTK_INVALID_LIST_POSITION && criterion->field != NULL)
    {
      /* A field since deleted: shown by its key, so the condition is not
       * silently dropped. */
      FieldEntry entry = { g_strdup (criterion->field), tandem_criterion_field_type (criterion->field) };

      g_array_append_val (self->fields, entry);
      gtk_string_list_append (GTK_STRING_LIST (gtk_drop_down_get_model (self->field_dropdown)), criterion->field);
      position = self->fields->len - 1;
    }
  gtk_drop_down_set_selected (self->field_dropdown, position);
  self->syncing--;

  update_operators (self);

  self->syncing++;
  for (guint i = 0; self->operators && self->operators[i]; i++)
    if (g_strcmp0 (self->operators[i], criterion->op) == 0)
      gtk_drop_down_set_selected (self->operator_dropdown, i);
  self->syncing--;
  update_value_widget (self);

  self->syncing++;
  if (selected_field (self) && (selected_field (self)->type == TANDEM_CRITERION_GROUP ||
                                selected_field (self)->type == TANDEM_CRITERION_ROLE))
    {
      GArray *ids = selected_field (self)->type == TANDEM_CRITERION_GROUP ? self->group_ids : self->role_ids;
      gint64 id = 0;

      g_ascii_string_to_signed (criterion->value ? criterion->value : "", 10, 1, G_MAXINT64, &id, NULL);
      for (guint i = 0; i < ids->len; i++)
        if (g_array_index (ids, gint64, i) == id)
          gtk_drop_down_set_selected (self->choice_dropdown, i);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->value_entry), criterion->value ? criterion->value : "");
  self->syncing--;
  show_error (self, NULL);
}

TandemCriterion *
tandem_condition_row_dup_criterion (TandemConditionRow *self)
{
  const FieldEntry *field;
  const char *op;
  g_autofree char *value = NULL;

  g_return_val_if_fail (TANDEM_IS_CONDITION_ROW (self), NULL);

  field = selected_field (self);
  op = selected_operator (self);
  if (op != NULL && !tandem_criterion_operator_takes_value (op))
    value = NULL;
  else if (field && (field->type == TANDEM_CRITERION_GROUP || field->type == TANDEM_CRITERION_ROLE))
    {
      GArray *ids = field->type == TANDEM_CRITERION_GROUP ? self->group_ids : self->role_ids;
      guint selected = gtk_drop_down_get_selected (self->choice_dropdown);

      if (selected < ids->len)
        value = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, selected));
    }
  else
    value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_entry))));

  return tandem_criterion_new (field ? field->key : NULL, op, value);
}

gboolean
tandem_condition_row_is_incomplete (TandemConditionRow *self)
{
  g_autoptr(TandemCriterion) criterion = NULL;

  g_return_val_if_fail (TANDEM_IS_CONDITION_ROW (self), TRUE);

  criterion = tandem_condition_row_dup_criterion (self);
  return tandem_criterion_operator_takes_value (criterion->op) &&
         (criterion->value == NULL || criterion->value[0] == '\0');
}

gboolean
tandem_condition_row_check (TandemConditionRow  *self,
                            gboolean             strict,
                            GError             **error)
{
  g_autoptr(TandemCriterion) criterion = NULL;
  g_autoptr(TandemCriterion) checked = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TANDEM_IS_CONDITION_ROW (self), FALSE);

  if (!strict && tandem_condition_row_is_incomplete (self))
    {
      show_error (self, NULL);
      return TRUE;
    }

  if (tandem_condition_row_is_incomplete (self))
    {
      g_set_error_literal (&local_error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                           _("Give a value, or remove the condition"));
      show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  criterion = tandem_condition_row_dup_criterion (self);
  checked = tandem_criterion_check (criterion, self->entity, &local_error);
  if (checked == NULL)
    {
      show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  show_error (self, NULL);
  return TRUE;
}

/* Private API -------------------------------------------------------------- */

GtkDropDown *
tandem_condition_row_get_field_dropdown (TandemConditionRow *self)
{
  g_return_val_if_fail (TANDEM_IS_CONDITION_ROW (self), NULL);
  return self->field_dropdown;
}

GtkDropDown *
tandem_condition_row_get_operator_dropdown (TandemConditionRow *self)
{
  g_return_val_if_fail (TANDEM_IS_CONDITION_ROW (self), NULL);
  return self->operator_dropdown;
}

GtkEditable *
tandem_condition_row_get_value_entry (TandemConditionRow *self)
{
  g_return_val_if_fail (TANDEM_IS_CONDITION_ROW (self), NULL);
  return GTK_EDITABLE (self->value_entry);
}

GtkDropDown *
tandem_condition_row_get_choice_dropdown (TandemConditionRow *self)
{
  g_return_val_if_fail (TANDEM_IS_CONDITION_ROW (self), NULL);
  return self->choice_dropdown;
}

const char *
tandem_condition_row_get_error (TandemConditionRow *self)
{
  g_return_val_if_fail (TANDEM_IS_CONDITION_ROW (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
