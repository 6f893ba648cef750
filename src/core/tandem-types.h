/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  TANDEM_KIND_NONE    = 0,
  TANDEM_KIND_COMPANY = 1,
  TANDEM_KIND_PERSON  = 2,
  TANDEM_KIND_NOTE    = 3,
  TANDEM_KIND_ACTIVITY = 4,
  TANDEM_KIND_PROJECT = 5,  /* a project or sales project (SPEC H) */
  TANDEM_KIND_TASK    = 6,  /* a project task (SPEC H3) */
  TANDEM_KIND_CAMPAIGN = 7, /* a campaign (SPEC I3) */
  TANDEM_KIND_DOCUMENT = 8, /* a document (SPEC G1) */
} TandemKind;

typedef enum
{
  TANDEM_ROLE_ADMIN   = 0,
  TANDEM_ROLE_MANAGER = 1,
  TANDEM_ROLE_USER    = 2,
} TandemRole;

/* SPEC E1. The numbers are stored in the database: never renumber. */
typedef enum
{
  TANDEM_VISIBILITY_EVERYONE = 0,  /* everyone who may see the customer */
  TANDEM_VISIBILITY_GROUPS   = 1,  /* members of the chosen groups */
  TANDEM_VISIBILITY_PRIVATE  = 2,  /* the author (and performers) only */
  TANDEM_VISIBILITY_TEAM     = 3,  /* the members of the record's project */
} TandemVisibility;

typedef enum
{
  TANDEM_FIELD_CLASSIFICATION = 0,
  TANDEM_FIELD_ADDITIONAL     = 1,
} TandemFieldKind;

typedef enum
{
  TANDEM_FIELD_TEXT   = 0,
  TANDEM_FIELD_NUMBER = 1,
  TANDEM_FIELD_DATE   = 2,
  TANDEM_FIELD_BOOL   = 3,
  TANDEM_FIELD_LINK   = 4,
  TANDEM_FIELD_CHOICE = 5,
} TandemFieldType;

/* SPEC D1, D9. The numbers are stored in the database: never renumber. */
typedef enum
{
  TANDEM_STATUS_PLANNED   = 0,
  TANDEM_STATUS_COMPLETED = 1,
  TANDEM_STATUS_CANCELLED = 2,
} TandemStatus;

typedef enum
{
  TANDEM_OUTCOME_NONE    = 0,
  TANDEM_OUTCOME_SUCCESS = 1,
  TANDEM_OUTCOME_FAILURE = 2,
} TandemOutcome;

typedef enum
{
  TANDEM_DIRECTION_NONE     = 0,
  TANDEM_DIRECTION_INBOUND  = 1,
  TANDEM_DIRECTION_OUTBOUND = 2,
} TandemDirection;

/* The administrator-kept lists of activities (SPEC D3, D9). */
typedef enum
{
  TANDEM_TERM_CATEGORY = 0,
  TANDEM_TERM_KIND     = 1,
  TANDEM_TERM_TYPE     = 2,
  TANDEM_TERM_PROPERTY = 3,
  TANDEM_TERM_GOAL     = 4,
  TANDEM_TERM_PRIORITY = 5,
} TandemTermSet;
#define TANDEM_N_TERM_SETS 6

/* SPEC D11 */
typedef enum
{
  TANDEM_CHANNEL_APP   = 0,  /* the notification list and the desktop */
  TANDEM_CHANNEL_EMAIL = 1,
  TANDEM_CHANNEL_SMS   = 2,
} TandemChannel;

/* SPEC D20 */
typedef enum
{
  TANDEM_PERIOD_WEEK  = 0,
  TANDEM_PERIOD_MONTH = 1,
} TandemPeriod;

/* SPEC H2: where a sale stands; a stage's outcome. Stored: never renumber. */
typedef enum
{
  TANDEM_SALE_OPEN = 0,
  TANDEM_SALE_WON  = 1,
  TANDEM_SALE_LOST = 2,
} TandemSaleState;

/* SPEC H3. Stored: never renumber. */
typedef enum
{
  TANDEM_TASK_OPEN        = 0,
  TANDEM_TASK_IN_PROGRESS = 1,
  TANDEM_TASK_DONE        = 2,
  TANDEM_TASK_CANCELLED   = 3,
} TandemTaskState;

const char *tandem_kind_to_string        (TandemKind        kind);
TandemKind  tandem_kind_from_string      (const char       *str);
const char *tandem_role_to_string        (TandemRole        role);
gboolean    tandem_role_from_string      (const char       *str,
                                          TandemRole       *role);
const char *tandem_role_get_label        (TandemRole        role);
const char *tandem_visibility_to_string  (TandemVisibility  visibility);
const char *tandem_visibility_get_label  (TandemVisibility  visibility);
const char *tandem_field_kind_to_string  (TandemFieldKind   kind);
gboolean    tandem_field_kind_from_string (const char      *str,
                                           TandemFieldKind *kind);
const char *tandem_field_type_to_string  (TandemFieldType   type);
gboolean    tandem_field_type_from_string (const char      *str,
                                           TandemFieldType *type);
const char *tandem_field_type_get_label  (TandemFieldType   type);
const char *tandem_status_to_string      (TandemStatus      status);
gboolean    tandem_status_from_string    (const char       *str,
                                          TandemStatus     *status);
const char *tandem_status_get_label      (TandemStatus      status);
const char *tandem_outcome_to_string     (TandemOutcome     outcome);
gboolean    tandem_outcome_from_string   (const char       *str,
                                          TandemOutcome    *outcome);
const char *tandem_outcome_get_label     (TandemOutcome     outcome);
const char *tandem_direction_to_string   (TandemDirection   direction);
gboolean    tandem_direction_from_string (const char       *str,
                                          TandemDirection  *direction);
const char *tandem_direction_get_label   (TandemDirection   direction);
const char *tandem_term_set_to_string    (TandemTermSet     set);
gboolean    tandem_term_set_from_string  (const char       *str,
                                          TandemTermSet    *set);
/* Plural heading of a list in Preferences: "Categories", "Kinds", … */
const char *tandem_term_set_get_label    (TandemTermSet     set);
const char *tandem_channel_get_label     (TandemChannel     channel);
const char *tandem_period_to_string      (TandemPeriod      period);
gboolean    tandem_period_from_string    (const char       *str,
                                          TandemPeriod     *period);
/* "open", "won", "lost" */
const char *tandem_sale_state_to_string  (TandemSaleState   state);
gboolean    tandem_sale_state_from_string (const char      *str,
                                           TandemSaleState *state);
const char *tandem_sale_state_get_label  (TandemSaleState   state);
/* "open", "in-progress", "done", "cancelled" */
const char *tandem_task_state_to_string  (TandemTaskState   state);
gboolean    tandem_task_state_from_string (const char      *str,
                                           TandemTaskState *state);
const char *tandem_task_state_get_label  (TandemTaskState   state);
/* Money in hundredths, for people: "12 500,00 €" in the user's locale
 * conventions for the decimal mark; @currency is an ISO 4217 code. */
char       *tandem_format_money          (gint64            cents,
                                          const char       *currency);
/* Parses "12500", "12 500,50", "12500.5"; FALSE for anything else, a
 * negative amount, or more than two decimals. */
gboolean    tandem_parse_money           (const char       *text,
                                          gint64           *cents);

G_END_DECLS
