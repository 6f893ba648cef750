/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tandem-cli-private.h"

/* What tandem-cli prints. JSON is built with json-glib; property names of
 * the records are the keys, so that scripts and the GObject properties
 * speak the same words. */

typedef struct
{
  const char *property;
  const char *label;
} TandemCliLabel;

static const TandemCliLabel company_labels[] = {
  { "phone", N_("Phone") },
  { "fax", N_("Fax") },
  { "email", N_("E-mail") },
  { "website", N_("Website") },
  { "business-id", N_("Business ID") },
  { "vat-number", N_("VAT number") },
};

static const TandemCliLabel person_labels[] = {
  { "job-title", N_("Title") },
  { "email", N_("E-mail") },
  { "phone", N_("Phone") },
  { "mobile", N_("Mobile phone") },
};

/* Plain output */

void
tandem_cli_print (const char *format,
                  ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  fputs (text, stdout);
}

/* Tabs and line breaks inside a value would break the line-per-record
 * output scripts cut into columns. */
char *
tandem_cli_dup_one_line (const char *text)
{
  char *line = g_strdup (text ? text : "");

  g_strdelimit (line, "\t\r\n", ' ');
  return line;
}

void
tandem_cli_print_value (const char *label,
                        const char *value)
{
  g_autofree char *line = NULL;

  if (value == NULL || value[0] == '\0')
    return;
  line = tandem_cli_dup_one_line (value);
  /* Translators: a label and its value in the output of tandem-cli show,
   * e.g. "Phone: +358 40 123 4567". */
  tandem_cli_print (C_("label and value", "%s: %s"), label, line);
  tandem_cli_print ("\n");
}

static char *
format_address (GObject    *object,
                const char *prefix)
{
  g_autofree char *street = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *city = NULL;
  g_autofree char *country = NULL;
  g_autofree char *town = NULL;
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *key = NULL;

#define GET(part, var) \
  g_free (key); key = g_strconcat (prefix, part, NULL); \
  g_object_get (object, key, &var, NULL);
  GET ("street", street);
  GET ("postcode", postcode);
  GET ("city", city);
  GET ("country", country);
#undef GET

  town = g_strstrip (g_strjoin (" ", postcode ? postcode : "", city ? city : "", NULL));
  if (street && street[0])
    g_strv_builder_add (parts, street);
  if (town[0])
    g_strv_builder_add (parts, town);
  if (country && country[0])
    g_strv_builder_add (parts, country);
  strv = g_strv_builder_end (parts);
  return g_strjoinv (", ", strv);
}

static const char *
display_field_value (TandemField *field,
                     const char  *value)
{
  if (value != NULL && tandem_field_get_field_type (field) == TANDEM_FIELD_BOOL)
    return g_str_equal (value, "1") ? _("Yes") : _("No");
  return value;
}

static void
print_field_values (TandemRecord *record,
                    GPtrArray    *fields)
{
  for (guint i = 0; fields && i < fields->len; i++)
    {
      TandemField *field = g_ptr_array_index (fields, i);
      const char *value = tandem_record_get_field_value (record, tandem_field_get_id (field));

      tandem_cli_print_value (tandem_field_get_name (field), display_field_value (field, value));
    }
}

static void
print_id (gint64 id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  tandem_cli_print_value (_("Id"), text);
}

void
tandem_cli_print_company (TandemCompany *company,
                          GPtrArray     *fields)
{
  static const struct { const char *prefix; const char *label; } addresses[] = {
    { "visit-", N_("Visiting address") },
    { "postal-", N_("Postal address") },
    { "billing-", N_("Billing address") },
  };
  const char * const *roles = tandem_company_get_roles (company);

  print_id (tandem_record_get_id (TANDEM_RECORD (company)));
  tandem_cli_print_value (_("Name"), tandem_company_get_name (company));
  for (guint i = 0; i < G_N_ELEMENTS (company_labels); i++)
    tandem_cli_print_value (_(company_labels[i].label), tandem_company_get_text (company, company_labels[i].property));
  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    {
      g_autofree char *address = format_address (G_OBJECT (company), addresses[i].prefix);

      tandem_cli_print_value (_(addresses[i].label), address);
    }
  if (roles != NULL && roles[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) roles);

      tandem_cli_print_value (_("Partner roles"), joined);
    }
  print_field_values (TANDEM_RECORD (company), fields);
}

void
tandem_cli_print_person (TandemPerson *person,
                         GPtrArray    *fields)
{
  g_autofree char *address = format_address (G_OBJECT (person), "");

  print_id (tandem_record_get_id (TANDEM_RECORD (person)));
  tandem_cli_print_value (_("Name"), tandem_person_get_name (person));
  if (tandem_person_get_company_id (person) != 0)
    {
      g_autofree char *company = NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tandem_person_get_company_id (person));

      /* Translators: a company's name and id, e.g. "Acme Oy (id 4)". */
      company = g_strdup_printf (_("%s (id %s)"), tandem_person_get_company_name (person), id);
      tandem_cli_print_value (_("Company"), company);
    }
  for (guint i = 0; i < G_N_ELEMENTS (person_labels); i++)
    tandem_cli_print_value (_(person_labels[i].label), tandem_person_get_text (person, person_labels[i].property));
  tandem_cli_print_value (_("Address"), address);
  print_field_values (TANDEM_RECORD (person), fields);
}

void
tandem_cli_print_company_line (TandemCompany *company)
{
  g_autofree char *name = tandem_cli_dup_one_line (tandem_company_get_name (company));
  g_autofree char *city = tandem_cli_dup_one_line (tandem_company_get_text (company, "visit-city"));
  g_autofree char *phone = tandem_cli_dup_one_line (tandem_company_get_text (company, "phone"));

  tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n",
                    tandem_record_get_id (TANDEM_RECORD (company)), name, city, phone);
}

void
tandem_cli_print_person_line (TandemPerson *person)
{
  g_autofree char *name = tandem_cli_dup_one_line (tandem_person_get_name (person));
  g_autofree char *title = tandem_cli_dup_one_line (tandem_person_get_text (person, "job-title"));
  g_autofree char *company = tandem_cli_dup_one_line (tandem_person_get_company_name (person));
  g_autofree char *email = tandem_cli_dup_one_line (tandem_person_get_text (person, "email"));

  tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n",
                    tandem_record_get_id (TANDEM_RECORD (person)), name, title, company, email);
}

GStrv
tandem_cli_group_names (GPtrArray    *groups,
                        const gint64 *ids,
                        guint         n_ids)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < n_ids; i++)
    for (guint j = 0; groups && j < groups->len; j++)
      if (tandem_choice_get_id (g_ptr_array_index (groups, j)) == ids[i])
        g_strv_builder_add (names, tandem_choice_get_name (g_ptr_array_index (groups, j)));
  return g_strv_builder_end (names);
}

static GStrv
note_group_names (TandemNote *note,
                  GPtrArray  *groups)
{
  const gint64 *ids;
  guint n_ids;

  ids = tandem_note_get_group_ids (note, &n_ids);
  return tandem_cli_group_names (groups, ids, n_ids);
}

void
tandem_cli_print_note_line (TandemNote *note,
                            GPtrArray  *groups)
{
  g_autofree char *who = NULL;
  g_autofree char *text = tandem_cli_dup_one_line (tandem_note_get_body (note));
  g_autofree char *author = tandem_cli_dup_one_line (tandem_note_get_author_name (note));
  const char *due = tandem_note_get_due (note);

  if (tandem_note_get_visibility (note) == TANDEM_VISIBILITY_GROUPS)
    {
      g_auto(GStrv) names = note_group_names (note, groups);

      who = g_strjoinv (", ", names);
    }
  else
    who = g_strdup (tandem_visibility_get_label (tandem_note_get_visibility (note)));

  tandem_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n",
                    tandem_record_get_id (TANDEM_RECORD (note)),
                    due ? due : "", author, who, text);
}

void
tandem_cli_print_search_hit (TandemSearchHit *hit)
{
  g_autofree char *plain = tandem_search_hit_dup_plain_snippet (hit);
  g_autofree char *snippet = tandem_cli_dup_one_line (plain);
  g_autofree char *title = tandem_cli_dup_one_line (tandem_search_hit_get_title (hit));
  g_autofree char *parent = tandem_cli_dup_one_line (tandem_search_hit_get_parent_name (hit));

  tandem_cli_print ("%s\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n",
                    tandem_kind_to_string (tandem_search_hit_get_kind (hit)),
                    tandem_search_hit_get_id (hit), title, snippet, parent);
}

/* CSV (RFC 4180): a field is quoted when it holds a comma, a quote or a
 * line break, and lines end in CR LF. */
void
tandem_cli_print_csv_field (const char *text,
                            gboolean    last)
{
  if (text != NULL && strpbrk (text, ",\"\r\n") != NULL)
    {
      g_autoptr(GString) quoted = g_string_new ("\"");

      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (quoted, '"');
          g_string_append_c (quoted, *p);
        }
      g_string_append_c (quoted, '"');
      fputs (quoted->str, stdout);
    }
  else
    fputs (text ? text : "", stdout);
  fputs (last ? "\r\n" : ",", stdout);
}

/* JSON */

static void
set_string_or_null (JsonObject *object,
                    const char *key,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, key, value);
  else
    json_object_set_null_member (object, key);
}

static JsonArray *
strv_to_json (const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv && strv[i]; i++)
    json_array_add_string_element (array, strv[i]);
  return array;
}

static JsonObject *
new_record_object (const char *type,
                   gint64      id)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", id);
  json_object_set_string_member (object, "type", type);
  return object;
}

static JsonObject *
new_reference (TandemKind  kind,
               gint64      id,
               const char *name)
{
  JsonObject *object = new_record_object (tandem_kind_to_string (kind), id);

  set_string_or_null (object, "name", name);
  return object;
}

/* A stored value as the JSON type of its field: numbers as numbers, yes/no
 * as true/false, everything else as the text stored. */
static JsonNode *
field_value_to_json (TandemField *field,
                     const char  *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (value == NULL)
    {
      json_node_init_null (node);
      return node;
    }

  switch (tandem_field_get_field_type (field))
    {
    case TANDEM_FIELD_BOOL:
      json_node_set_boolean (node, g_str_equal (value, "1"));
      break;

    case TANDEM_FIELD_NUMBER:
      {
        gint64 integer;
        char *end = NULL;
        double number;

        if (g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &integer, NULL))
          {
            json_node_set_int (node, integer);
            break;
          }
        number = g_ascii_strtod (value, &end);
        if (end != value && *end == '\0')
          json_node_set_double (node, number);
        else
          json_node_set_string (node, value);
      }
      break;

    case TANDEM_FIELD_TEXT:
    case TANDEM_FIELD_DATE:
    case TANDEM_FIELD_LINK:
    case TANDEM_FIELD_CHOICE:
    default:
      json_node_set_string (node, value);
      break;
    }
  return node;
}

/* Each defined field under its own name, and all of them again under
 * "fields", where a field named like a built-in key ("name") is kept too. */
static void
add_field_values (JsonObject   *object,
                  TandemRecord *record,
                  GPtrArray    *fields)
{
  JsonObject *all;

  if (fields == NULL)
    return;

  all = json_object_new ();
  for (guint i = 0; i < fields->len; i++)
    {
      TandemField *field = g_ptr_array_index (fields, i);
      const char *name = tandem_field_get_name (field);
      const char *value = tandem_record_get_field_value (record, tandem_field_get_id (field));

      if (!json_object_has_member (object, name))
        json_object_set_member (object, name, field_value_to_json (field, value));
      json_object_set_member (all, name, field_value_to_json (field, value));
    }
  if (!json_object_has_member (object, "fields"))
    json_object_set_object_member (object, "fields", all);
  else
    json_object_unref (all);
}

JsonObject *
tandem_cli_company_to_json (TandemCompany *company,
                            GPtrArray     *fields)
{
  JsonObject *object = new_record_object ("company", tandem_record_get_id (TANDEM_RECORD (company)));
  const char * const *roles = tandem_company_get_roles (company);

  for (guint i = 0; tandem_company_text_fields[i]; i++)
    set_string_or_null (object, tandem_company_text_fields[i],
                        tandem_company_get_text (company, tandem_company_text_fields[i]));
  /* Registers are walked without roles and field values; "show" has all. */
  if (fields != NULL)
    json_object_set_array_member (object, "roles", strv_to_json (roles));
  add_field_values (object, TANDEM_RECORD (company), fields);
  return object;
}

JsonObject *
tandem_cli_person_to_json (TandemPerson *person,
                           GPtrArray    *fields)
{
  JsonObject *object = new_record_object ("person", tandem_record_get_id (TANDEM_RECORD (person)));
  gint64 company_id = tandem_person_get_company_id (person);

  for (guint i = 0; tandem_person_text_fields[i]; i++)
    set_string_or_null (object, tandem_person_text_fields[i],
                        tandem_person_get_text (person, tandem_person_text_fields[i]));
  if (company_id != 0)
    json_object_set_object_member (object, "company",
                                   new_reference (TANDEM_KIND_COMPANY, company_id,
                                                  tandem_person_get_company_name (person)));
  else
    json_object_set_null_member (object, "company");
  add_field_values (object, TANDEM_RECORD (person), fields);
  return object;
}

JsonObject *
tandem_cli_note_to_json (TandemNote *note,
                         GPtrArray  *groups)
{
  JsonObject *object = new_record_object ("note", tandem_record_get_id (TANDEM_RECORD (note)));
  g_auto(GStrv) group_names = note_group_names (note, groups);

  json_object_set_string_member (object, "text", tandem_note_get_body (note));
  set_string_or_null (object, "due", tandem_note_get_due (note));
  json_object_set_string_member (object, "visibility",
                                 tandem_visibility_to_string (tandem_note_get_visibility (note)));
  json_object_set_array_member (object, "groups", strv_to_json ((const char * const *) group_names));
  set_string_or_null (object, "author", tandem_note_get_author_name (note));
  json_object_set_int_member (object, "author-id", tandem_note_get_author_id (note));
  set_string_or_null (object, "updated", tandem_note_get_updated_at (note));
  json_object_set_object_member (object, "parent",
                                 new_reference (tandem_note_get_parent_kind (note),
                                                tandem_note_get_parent_id (note),
                                                tandem_note_get_parent_name (note)));
  return object;
}

JsonObject *
tandem_cli_user_to_json (TandemUser *user)
{
  JsonObject *object = new_record_object ("user", tandem_user_get_id (user));

  json_object_set_string_member (object, "login", tandem_user_get_login (user));
  json_object_set_string_member (object, "name", tandem_user_get_name (user));
  json_object_set_string_member (object, "role", tandem_role_to_string (tandem_user_get_role (user)));
  json_object_set_boolean_member (object, "active", tandem_user_get_active (user));
  json_object_set_array_member (object, "groups", strv_to_json (tandem_user_get_groups (user)));
  return object;
}

JsonObject *
tandem_cli_choice_to_json (TandemChoice *choice,
                           const char   *type)
{
  JsonObject *object = new_record_object (type, tandem_choice_get_id (choice));

  json_object_set_string_member (object, "name", tandem_choice_get_name (choice));
  return object;
}

JsonObject *
tandem_cli_field_to_json (TandemField *field)
{
  JsonObject *object = new_record_object ("field", tandem_field_get_id (field));

  json_object_set_string_member (object, "entity", tandem_kind_to_string (tandem_field_get_entity (field)));
  json_object_set_string_member (object, "kind", tandem_field_kind_to_string (tandem_field_get_kind (field)));
  json_object_set_string_member (object, "name", tandem_field_get_name (field));
  json_object_set_string_member (object, "field-type",
                                 tandem_field_type_to_string (tandem_field_get_field_type (field)));
  json_object_set_array_member (object, "choices", strv_to_json (tandem_field_get_choices (field)));
  return object;
}

JsonObject *
tandem_cli_search_hit_to_json (TandemSearchHit *hit)
{
  JsonObject *object = new_record_object (tandem_kind_to_string (tandem_search_hit_get_kind (hit)),
                                          tandem_search_hit_get_id (hit));
  g_autofree char *snippet = tandem_search_hit_dup_plain_snippet (hit);

  set_string_or_null (object, "title", tandem_search_hit_get_title (hit));
  set_string_or_null (object, "snippet", snippet);
  if (tandem_search_hit_get_kind (hit) == TANDEM_KIND_NOTE)
    json_object_set_object_member (object, "parent",
                                   new_reference (tandem_search_hit_get_parent_kind (hit),
                                                  tandem_search_hit_get_parent_id (hit),
                                                  tandem_search_hit_get_parent_name (hit)));
  return object;
}

static char *
object_to_data (JsonObject *object,
                gboolean    pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (root, object);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Takes @object. */
void
tandem_cli_print_json (JsonObject *object)
{
  g_autofree char *data = object_to_data (object, TRUE);

  json_object_unref (object);
  fputs (data, stdout);
  fputs ("\n", stdout);
}

/* Streamed lists: one compact object per line inside the brackets, so a
 * register of any size goes out as it is read. */
void
tandem_cli_list_begin (TandemCliList *list,
                       gboolean       json)
{
  list->json = json;
  list->n_items = 0;
  if (json)
    fputs ("[", stdout);
}

/* Takes @object. */
void
tandem_cli_list_add_json (TandemCliList *list,
                          JsonObject    *object)
{
  g_autofree char *data = object_to_data (object, FALSE);

  json_object_unref (object);
  fputs (list->n_items == 0 ? "\n" : ",\n", stdout);
  fputs (data, stdout);
  list->n_items++;
}

void
tandem_cli_list_end (TandemCliList *list)
{
  if (list->json)
    fputs (list->n_items == 0 ? "]\n" : "\n]\n", stdout);
  fflush (stdout);
}
