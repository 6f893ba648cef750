/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemSavedSearch"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tandem-date.h"
#include "tandem-error.h"
#include "tandem-saved-search.h"

struct _TandemSavedSearch
{
  GObject parent_instance;

  gint64      id;
  char       *name;
  TandemKind  entity;
  gboolean    match_all;
  gboolean    shared;
  gint64      owner_id;
  GPtrArray  *criteria;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ENTITY,
  PROP_MATCH_ALL,
  PROP_SHARED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_BOXED_TYPE (TandemCriterion, tandem_criterion, tandem_criterion_copy, tandem_criterion_free)
G_DEFINE_FINAL_TYPE (TandemSavedSearch, tandem_saved_search, G_TYPE_OBJECT)

static const TandemCriterionField fields[] = {
  { "name", N_("Name"), TANDEM_CRITERION_TEXT, TRUE, TRUE },
  { "company", N_("Company"), TANDEM_CRITERION_TEXT, FALSE, TRUE },
  { "job-title", N_("Job title"), TANDEM_CRITERION_TEXT, FALSE, TRUE },
  { "email", N_("Email"), TANDEM_CRITERION_TEXT, TRUE, TRUE },
  { "phone", N_("Phone"), TANDEM_CRITERION_TEXT, TRUE, TRUE },
  { "mobile", N_("Mobile"), TANDEM_CRITERION_TEXT, FALSE, TRUE },
  { "fax", N_("Fax"), TANDEM_CRITERION_TEXT, TRUE, FALSE },
  { "website", N_("Website"), TANDEM_CRITERION_TEXT, TRUE, FALSE },
  { "business-id", N_("Business ID"), TANDEM_CRITERION_TEXT, TRUE, FALSE },
  { "vat", N_("VAT number"), TANDEM_CRITERION_TEXT, TRUE, FALSE },
  { "street", N_("Street"), TANDEM_CRITERION_TEXT, TRUE, TRUE },
  { "postcode", N_("Postcode"), TANDEM_CRITERION_TEXT, TRUE, TRUE },
  { "city", N_("City"), TANDEM_CRITERION_TEXT, TRUE, TRUE },
  { "country", N_("Country"), TANDEM_CRITERION_TEXT, TRUE, TRUE },
  { "group", N_("Contact group"), TANDEM_CRITERION_GROUP, TRUE, TRUE },
  { "role", N_("Partner role"), TANDEM_CRITERION_ROLE, TRUE, TRUE },
  { "last-activity", N_("Last activity"), TANDEM_CRITERION_DATE, TRUE, TRUE },
  { "created", N_("Added on"), TANDEM_CRITERION_DATE, TRUE, TRUE },
};

static const char * const text_ops[] = {
  "contains", "not-contains", "is", "is-not", "starts-with", "empty", "not-empty", NULL
};
static const char * const date_ops[] = {
  "before", "after", "on", "within-days", "older-than-days", "empty", "not-empty", NULL
};
static const char * const set_ops[] = { "in", "not-in", NULL };

/* criterion */

TandemCriterion *
tandem_criterion_new (const char *field,
                      const char *op,
                      const char *value)
{
  TandemCriterion *self = g_new0 (TandemCriterion, 1);

  self->field = g_strdup (field);
  self->op = g_strdup (op);
  self->value = g_strdup (value);
  return self;
}

TandemCriterion *
tandem_criterion_copy (const TandemCriterion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return tandem_criterion_new (self->field, self->op, self->value);
}

void
tandem_criterion_free (TandemCriterion *self)
{
  if (self == NULL)
    return;
  g_free (self->field);
  g_free (self->op);
  g_free (self->value);
  g_free (self);
}

const TandemCriterionField *
tandem_criterion_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

static const TandemCriterionField *
find_field (const char *field)
{
  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].field, field))
      return &fields[i];
  return NULL;
}

static gboolean
is_custom_field (const char *field,
                 gint64     *id)
{
  return field != NULL && g_str_has_prefix (field, "field:") &&
         g_ascii_string_to_signed (field + 6, 10, 1, G_MAXINT64, id, NULL);
}

TandemCriterionType
tandem_criterion_field_type (const char *field)
{
  const TandemCriterionField *known = find_field (field);

  return known != NULL ? known->type : TANDEM_CRITERION_TEXT;
}

const char * const *
tandem_criterion_operators (TandemCriterionType type)
{
  switch (type)
    {
    case TANDEM_CRITERION_DATE:
      return date_ops;
    case TANDEM_CRITERION_GROUP:
    case TANDEM_CRITERION_ROLE:
      return set_ops;
    case TANDEM_CRITERION_TEXT:
    default:
      return text_ops;
    }
}

const char *
tandem_criterion_operator_label (const char *op)
{
  static const struct { const char *op; const char *label; } labels[] = {
    { "contains", NC_("search operator", "contains") },
    { "not-contains", NC_("search operator", "does not contain") },
    { "is", NC_("search operator", "is") },
    { "is-not", NC_("search operator", "is not") },
    { "starts-with", NC_("search operator", "starts with") },
    { "empty", NC_("search operator", "is empty") },
    { "not-empty", NC_("search operator", "is not empty") },
    { "before", NC_("search operator", "is before") },
    { "after", NC_("search operator", "is after") },
    { "on", NC_("search operator", "is on") },
    { "within-days", NC_("search operator", "within the last days") },
    { "older-than-days", NC_("search operator", "more days ago than") },
    { "in", NC_("search operator", "includes") },
    { "not-in", NC_("search operator", "excludes") },
  };

  for (guint i = 0; op != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].op, op))
      return g_dpgettext2 (GETTEXT_PACKAGE, "search operator", labels[i].label);
  return op;
}

gboolean
tandem_criterion_operator_takes_value (const char *op)
{
  return g_strcmp0 (op, "empty") != 0 && g_strcmp0 (op, "not-empty") != 0;
}

TandemCriterion *
tandem_criterion_check (const TandemCriterion  *self,
                        TandemKind              entity,
                        GError                **error)
{
  const TandemCriterionField *known;
  TandemCriterionType type;
  g_autofree char *value = NULL;
  gint64 custom_id;

  g_return_val_if_fail (self != NULL, NULL);

  known = find_field (self->field);
  if (known == NULL && !is_custom_field (self->field, &custom_id))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("“%s” is not a field a search can use"), self->field ? self->field : "");
      return NULL;
    }
  if (known != NULL &&
      ((entity == TANDEM_KIND_COMPANY && !known->company) ||
       (entity == TANDEM_KIND_PERSON && !known->person)))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   entity == TANDEM_KIND_COMPANY
                   ? _("Companies have no field “%s”")
                   : _("People have no field “%s”"), self->field);
      return NULL;
    }

  type = tandem_criterion_field_type (self->field);
  if (self->op == NULL || !g_strv_contains (tandem_criterion_operators (type), self->op))
    {
      g_autofree char *allowed = g_strjoinv (", ", (char **) tandem_criterion_operators (type));

      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("“%s” cannot be used with the field “%s”; use one of: %s"),
                   self->op ? self->op : "", self->field, allowed);
      return NULL;
    }

  if (!tandem_criterion_operator_takes_value (self->op))
    return tandem_criterion_new (self->field, self->op, NULL);

  value = self->value != NULL ? g_strstrip (g_strdup (self->value)) : NULL;
  if (value == NULL || value[0] == '\0')
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The condition on “%s” needs a value"), self->field);
      return NULL;
    }

  if (g_str_equal (self->op, "within-days") || g_str_equal (self->op, "older-than-days"))
    {
      gint64 days;

      if (!g_ascii_string_to_signed (value, 10, 0, 36500, &days, NULL))
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("“%s” is not a number of days"), value);
          return NULL;
        }
    }
  else if (type == TANDEM_CRITERION_DATE)
    {
      g_autofree char *date = tandem_date_parse (value);

      if (date == NULL)
        {
          g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                       _("“%s” is not a date; write it as 2026-12-31 or 31.12.2026"), value);
          return NULL;
        }
      g_free (value);
      value = g_steal_pointer (&date);
    }
  return tandem_criterion_new (self->field, self->op, value);
}

TandemCriterion *
tandem_criterion_parse (const char  *text,
                        GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *clean = NULL;

  clean = text != NULL ? g_strstrip (g_strdup (text)) : g_strdup ("");
  parts = g_strsplit_set (clean, " \t", 3);
  if (g_strv_length (parts) < 2 || parts[0][0] == '\0' || parts[1][0] == '\0')
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("“%s” is not a condition; write FIELD OPERATOR VALUE, e.g. “city is Helsinki”"),
                   clean);
      return NULL;
    }
  return tandem_criterion_new (parts[0], parts[1], parts[2] != NULL ? g_strstrip (parts[2]) : NULL);
}

/* saved search */

static void
tandem_saved_search_finalize (GObject *object)
{
  TandemSavedSearch *self = TANDEM_SAVED_SEARCH (object);

  g_free (self->name);
  g_ptr_array_unref (self->criteria);

  G_OBJECT_CLASS (tandem_saved_search_parent_class)->finalize (object);
}

static void
tandem_saved_search_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TandemSavedSearch *self = TANDEM_SAVED_SEARCH (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ENTITY:
      g_value_set_int (value, self->entity);
      break;
    case PROP_MATCH_ALL:
      g_value_set_boolean (value, self->match_all);
      break;
    case PROP_SHARED:
      g_value_set_boolean (value, self->shared);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_saved_search_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TandemSavedSearch *self = TANDEM_SAVED_SEARCH (object);

  switch (prop_id)
    {
    case PROP_ID:
      tandem_saved_search_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      tandem_saved_search_set_name (self, g_value_get_string (value));
      break;
    case PROP_ENTITY:
      tandem_saved_search_set_entity (self, g_value_get_int (value));
      break;
    case PROP_MATCH_ALL:
      tandem_saved_search_set_match_all (self, g_value_get_boolean (value));
      break;
    case PROP_SHARED:
      tandem_saved_search_set_shared (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_saved_search_class_init (TandemSavedSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_saved_search_finalize;
  object_class->get_property = tandem_saved_search_get_property;
  object_class->set_property = tandem_saved_search_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_ENTITY] =
    g_param_spec_int ("entity", NULL, NULL, TANDEM_KIND_COMPANY, TANDEM_KIND_PERSON,
                      TANDEM_KIND_COMPANY, rw);
  properties[PROP_MATCH_ALL] =
    g_param_spec_boolean ("match-all", NULL, NULL, TRUE, rw);
  properties[PROP_SHARED] =
    g_param_spec_boolean ("shared", NULL, NULL, TRUE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_saved_search_init (TandemSavedSearch *self)
{
  self->entity = TANDEM_KIND_COMPANY;
  self->match_all = TRUE;
  self->shared = TRUE;
  self->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_criterion_free);
}

TandemSavedSearch *
tandem_saved_search_new (const char *name,
                         TandemKind  entity)
{
  return g_object_new (TANDEM_TYPE_SAVED_SEARCH, "name", name, "entity", entity, NULL);
}

TandemSavedSearch *
tandem_saved_search_copy (TandemSavedSearch *self)
{
  TandemSavedSearch *copy;

  g_return_val_if_fail (TANDEM_IS_SAVED_SEARCH (self), NULL);

  copy = tandem_saved_search_new (self->name, self->entity);
  copy->id = self->id;
  copy->match_all = self->match_all;
  copy->shared = self->shared;
  copy->owner_id = self->owner_id;
  for (guint i = 0; i < self->criteria->len; i++)
    g_ptr_array_add (copy->criteria, tandem_criterion_copy (g_ptr_array_index (self->criteria, i)));
  return copy;
}

gint64
tandem_saved_search_get_id (TandemSavedSearch *self)
{
  g_return_val_if_fail (TANDEM_IS_SAVED_SEARCH (self), 0);
  return self->id;
}

void
tandem_saved_search_set_id (TandemSavedSearch *self,
                            gint64             id)
{
  g_return_if_fail (TANDEM_IS_SAVED_SEARCH (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
tandem_saved_search_get_name (TandemSavedSearch *self)
{
  g_return_val_if_fail (TANDEM_IS_SAVED_SEARCH (self), NULL);
  return self->name;
}

void
tandem_saved_search_set_name (TandemSavedSearch *self,
                              const char        *name)
{
  g_return_if_fail (TANDEM_IS_SAVED_SEARCH (self));

  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
}

TandemKind
tandem_saved_search_get_entity (TandemSavedSearch *self)
{
  g_return_val_if_fail (TANDEM_IS_SAVED_SEARCH (self), TANDEM_KIND_COMPANY);
  return self->entity;
}

void
tandem_saved_search_set_entity (TandemSavedSearch *self,
                                TandemKind         entity)
{
  g_return_if_fail (TANDEM_IS_SAVED_SEARCH (self));
  g_return_if_fail (entity == TANDEM_KIND_COMPANY || entity == TANDEM_KIND_PERSON);

  if (self->entity != entity)
    {
      self->entity = entity;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY]);
    }
}

gboolean
tandem_saved_search_get_match_all (TandemSavedSearch *self)
{
  g_return_val_if_fail (TANDEM_IS_SAVED_SEARCH (self), TRUE);
  return self->match_all;
}

void
tandem_saved_search_set_match_all (TandemSavedSearch *self,
                                   gboolean           match_all)
{
  g_return_if_fail (TANDEM_IS_SAVED_SEARCH (self));

  match_all = !!match_all;
  if (self->match_all != match_all)
    {
      self->match_all = match_all;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCH_ALL]);
    }
}

gboolean
tandem_saved_search_get_shared (TandemSavedSearch *self)
{
  g_return_val_if_fail (TANDEM_IS_SAVED_SEARCH (self), TRUE);
  return self->shared;
}

void
tandem_saved_search_set_shared (TandemSavedSearch *self,
                                gboolean           shared)
{
  g_return_if_fail (TANDEM_IS_SAVED_SEARCH (self));

  shared = !!shared;
  if (self->shared != shared)
    {
      self->shared = shared;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARED]);
    }
}

gint64
tandem_saved_search_get_owner_id (TandemSavedSearch *self)
{
  g_return_val_if_fail (TANDEM_IS_SAVED_SEARCH (self), 0);
  return self->owner_id;
}

void
tandem_saved_search_set_owner_id (TandemSavedSearch *self,
                                  gint64             owner_id)
{
  g_return_if_fail (TANDEM_IS_SAVED_SEARCH (self));
  self->owner_id = owner_id;
}

GPtrArray *
tandem_saved_search_get_criteria (TandemSavedSearch *self)
{
  g_return_val_if_fail (TANDEM_IS_SAVED_SEARCH (self), NULL);
  return self->criteria;
}

void
tandem_saved_search_add_criterion (TandemSavedSearch *self,
                                   const char        *field,
                                   const char        *op,
                                   const char        *value)
{
  g_return_if_fail (TANDEM_IS_SAVED_SEARCH (self));
  g_ptr_array_add (self->criteria, tandem_criterion_new (field, op, value));
}

void
tandem_saved_search_clear_criteria (TandemSavedSearch *self)
{
  g_return_if_fail (TANDEM_IS_SAVED_SEARCH (self));
  g_ptr_array_set_size (self->criteria, 0);
}

char *
tandem_saved_search_criteria_to_json (TandemSavedSearch *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (TANDEM_IS_SAVED_SEARCH (self), NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->criteria->len; i++)
    {
      TandemCriterion *criterion = g_ptr_array_index (self->criteria, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, criterion->field);
      json_builder_set_member_name (builder, "op");
      json_builder_add_string_value (builder, criterion->op);
      if (criterion->value != NULL)
        {
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, criterion->value);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

gboolean
tandem_saved_search_criteria_from_json (TandemSavedSearch  *self,
                                        const char         *json,
                                        GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) criteria = NULL;
  JsonArray *array;
  JsonNode *root;

  g_return_val_if_fail (TANDEM_IS_SAVED_SEARCH (self), FALSE);

  if (!json_parser_load_from_data (parser, json != NULL ? json : "[]", -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("The conditions of the saved search “%s” cannot be read"),
                   self->name ? self->name : "");
      return FALSE;
    }

  criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_criterion_free);
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      g_ptr_array_add (criteria,
                       tandem_criterion_new (json_object_get_string_member_with_default (object, "field", NULL),
                                             json_object_get_string_member_with_default (object, "op", NULL),
                                             json_object_get_string_member_with_default (object, "value", NULL)));
    }

  g_ptr_array_unref (self->criteria);
  self->criteria = g_steal_pointer (&criteria);
  return TRUE;
}
