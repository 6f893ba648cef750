/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

/* One condition of a saved search (SPEC K2): a field, an operator and a
 * value, all as text so that they keep in JSON and on the command line.
 *
 * Fields: "name", "email", "phone", "street", "postcode", "city",
 * "country", "created", "last-activity", "group" (a contact group's id),
 * "role" (a partner role's id; a person matches by their company), and
 * "field:ID" (a classification or additional field); companies also
 * "business-id", "vat", "website", "fax"; people also "job-title",
 * "mobile", "company" (the company's name).
 *
 * Operators: text fields "contains", "not-contains", "is", "is-not",
 * "starts-with", "empty", "not-empty"; dates (YYYY-MM-DD) "before",
 * "after", "on", "empty" (never), "not-empty", and "within-days" /
 * "older-than-days" (a number of days before today); "group" and "role"
 * "in" and "not-in". Text compares without regard to case. */
typedef struct
{
  char *field;
  char *op;
  char *value;  /* NULL for "empty" and "not-empty" */
} TandemCriterion;

typedef enum
{
  TANDEM_CRITERION_TEXT,
  TANDEM_CRITERION_DATE,
  TANDEM_CRITERION_GROUP,
  TANDEM_CRITERION_ROLE,
} TandemCriterionType;

typedef struct
{
  const char          *field;
  const char          *label;    /* untranslated; show with _() */
  TandemCriterionType  type;
  gboolean             company;  /* offered for companies */
  gboolean             person;   /* offered for people */
} TandemCriterionField;

#define TANDEM_TYPE_CRITERION (tandem_criterion_get_type ())

GType             tandem_criterion_get_type  (void) G_GNUC_CONST;
TandemCriterion  *tandem_criterion_new       (const char             *field,
                                              const char             *op,
                                              const char             *value);
TandemCriterion  *tandem_criterion_copy      (const TandemCriterion  *self);
void              tandem_criterion_free      (TandemCriterion        *self);
/* Checks the field, the operator and the value for @entity and returns a
 * copy with the value in its stored form (dates as YYYY-MM-DD). */
TandemCriterion  *tandem_criterion_check     (const TandemCriterion  *self,
                                              TandemKind              entity,
                                              GError                **error);

/* The fixed fields, in the order a filter builder offers them. */
const TandemCriterionField *tandem_criterion_fields   (guint               *n_fields);
TandemCriterionType         tandem_criterion_field_type (const char        *field);
/* The operators of a type, NULL-terminated, and their labels (translated) */
const char * const         *tandem_criterion_operators (TandemCriterionType type);
const char                 *tandem_criterion_operator_label (const char    *op);
gboolean                    tandem_criterion_operator_takes_value (const char *op);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemCriterion, tandem_criterion_free)

#define TANDEM_TYPE_SAVED_SEARCH (tandem_saved_search_get_type ())

/* A saved search (SPEC K2, I3): companies or people matching all (or any)
 * of its criteria; re-run whenever it is used, and the target list of a
 * campaign. Shared searches are seen by every user, others by their owner
 * only; what they find is always only what the reader may see. */
G_DECLARE_FINAL_TYPE (TandemSavedSearch, tandem_saved_search, TANDEM, SAVED_SEARCH, GObject)

TandemSavedSearch *tandem_saved_search_new            (const char        *name,
                                                       TandemKind         entity);
TandemSavedSearch *tandem_saved_search_copy           (TandemSavedSearch *self);
gint64             tandem_saved_search_get_id         (TandemSavedSearch *self);
void               tandem_saved_search_set_id         (TandemSavedSearch *self,
                                                       gint64             id);
const char        *tandem_saved_search_get_name       (TandemSavedSearch *self);
void               tandem_saved_search_set_name       (TandemSavedSearch *self,
                                                       const char        *name);
/* TANDEM_KIND_COMPANY or TANDEM_KIND_PERSON */
TandemKind         tandem_saved_search_get_entity     (TandemSavedSearch *self);
void               tandem_saved_search_set_entity     (TandemSavedSearch *self,
                                                       TandemKind         entity);
gboolean           tandem_saved_search_get_match_all  (TandemSavedSearch *self);
void               tandem_saved_search_set_match_all  (TandemSavedSearch *self,
                                                       gboolean           match_all);
gboolean           tandem_saved_search_get_shared     (TandemSavedSearch *self);
void               tandem_saved_search_set_shared     (TandemSavedSearch *self,
                                                       gboolean           shared);
gint64             tandem_saved_search_get_owner_id   (TandemSavedSearch *self);
void               tandem_saved_search_set_owner_id   (TandemSavedSearch *self,
                                                       gint64             owner_id);
/* TandemCriterion, owned by the search */
GPtrArray         *tandem_saved_search_get_criteria   (TandemSavedSearch *self);
void               tandem_saved_search_add_criterion  (TandemSavedSearch *self,
                                                       const char        *field,
                                                       const char        *op,
                                                       const char        *value);
void               tandem_saved_search_clear_criteria (TandemSavedSearch *self);
/* The criteria as the JSON array the store keeps */
char              *tandem_saved_search_criteria_to_json   (TandemSavedSearch *self);
gboolean           tandem_saved_search_criteria_from_json (TandemSavedSearch *self,
                                                           const char        *json,
                                                           GError           **error);
/* Parses "city contains Helsinki", "group in 3", "email not-empty" (the
 * command line's --where) into a criterion. */
TandemCriterion   *tandem_criterion_parse             (const char        *text,
                                                       GError           **error);

G_END_DECLS
