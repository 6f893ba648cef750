/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemActivity"

#include <string.h>

#include "tandem-activity.h"

struct _TandemActivity
{
  TandemRecord parent_instance;

  /* Text (string_props) */
  char      *title;
  char      *description;
  char      *details;
  char      *internal_notes;
  char      *reference;
  char      *link;
  char      *follow_up;
  char      *rrule;
  char      *campaign;     /* the campaign's name (SPEC I3), or NULL */

  /* Links and terms (int64_props); 0 = none */
  gint64     category_id;
  gint64     kind_id;
  gint64     type_id;
  gint64     priority_id;
  gint64     goal_id;
  gint64     company_id;
  gint64     project_id;
  gint64     responsible_id;

  /* Flags (bool_props) */
  gboolean   is_public;
  gboolean   open_ended;
  gboolean   all_day;
  gboolean   busy;
  gboolean   needs_completing;

  /* Enumerations (int_props) */
  int        status;       /* TandemStatus */
  int        outcome;      /* TandemOutcome */
  int        direction;    /* TandemDirection */
  int        visibility;   /* TandemVisibility */

  char      *tzid;
  GDateTime *start;        /* in the zone of tzid */
  GDateTime *end;

  GArray    *property_ids;   /* gint64 */
  GArray    *person_ids;     /* gint64 */
  GArray    *performer_ids;  /* gint64 */
  GArray    *group_ids;      /* gint64 */
  GArray    *reminders;      /* TandemReminder */

  /* Filled in by the store */
  gint64     assigner_id;
  char      *tracking;
  char      *assigner_name;
  char      *category_name;
  char      *company_name;
  char      *project_name;
  char     **person_names;
  char      *created_at;
  char      *updated_at;
  char      *completed_at;
};

enum {
  PROP_0,
  /* strings, in the order of string_props */
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_DETAILS,
  PROP_INTERNAL_NOTES,
  PROP_REFERENCE,
  PROP_LINK,
  PROP_FOLLOW_UP,
  PROP_RRULE,
  PROP_CAMPAIGN,
  /* int64, in the order of int64_props */
  PROP_CATEGORY_ID,
  PROP_KIND_ID,
  PROP_TYPE_ID,
  PROP_PRIORITY_ID,
  PROP_GOAL_ID,
  PROP_COMPANY_ID,
  PROP_PROJECT_ID,
  PROP_RESPONSIBLE_ID,
  /* booleans, in the order of bool_props */
  PROP_PUBLIC,
  PROP_OPEN_ENDED,
  PROP_ALL_DAY,
  PROP_BUSY,
  PROP_NEEDS_COMPLETING,
  /* enumerations, in the order of int_props */
  PROP_STATUS,
  PROP_OUTCOME,
  PROP_DIRECTION,
  PROP_VISIBILITY,
  /* the rest */
  PROP_TZID,
  PROP_START,
  PROP_END,
  PROP_ASSIGNER_ID,
  PROP_TRACKING,
  PROP_ASSIGNER_NAME,
  PROP_CATEGORY_NAME,
  PROP_COMPANY_NAME,
  PROP_PROJECT_NAME,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_COMPLETED_AT,
  N_PROPS
};

typedef struct
{
  const char *name;
  gsize       offset;
  int         min;
  int         max;
} FieldProperty;

#define FIELD(field, prop) { prop, G_STRUCT_OFFSET (TandemActivity, field), 0, 0 }
#define ENUM(field, prop, min, max) { prop, G_STRUCT_OFFSET (TandemActivity, field), min, max }

static const TandemStringProperty string_props[] = {
  { "title", G_STRUCT_OFFSET (TandemActivity, title) },
  { "description", G_STRUCT_OFFSET (TandemActivity, description) },
  { "details", G_STRUCT_OFFSET (TandemActivity, details) },
  { "internal-notes", G_STRUCT_OFFSET (TandemActivity, internal_notes) },
  { "reference", G_STRUCT_OFFSET (TandemActivity, reference) },
  { "link", G_STRUCT_OFFSET (TandemActivity, link) },
  { "follow-up", G_STRUCT_OFFSET (TandemActivity, follow_up) },
  { "rrule", G_STRUCT_OFFSET (TandemActivity, rrule) },
  { "campaign", G_STRUCT_OFFSET (TandemActivity, campaign) },
};

static const FieldProperty int64_props[] = {
  FIELD (category_id, "category-id"),
  FIELD (kind_id, "kind-id"),
  FIELD (type_id, "type-id"),
  FIELD (priority_id, "priority-id"),
  FIELD (goal_id, "goal-id"),
  FIELD (company_id, "company-id"),
  FIELD (project_id, "project-id"),
  FIELD (responsible_id, "responsible-id"),
};

static const FieldProperty bool_props[] = {
  FIELD (is_public, "public"),
  FIELD (open_ended, "open-ended"),
  FIELD (all_day, "all-day"),
  FIELD (busy, "busy"),
  FIELD (needs_completing, "needs-completing"),
};

static const FieldProperty int_props[] = {
  ENUM (status, "status", TANDEM_STATUS_PLANNED, TANDEM_STATUS_CANCELLED),
  ENUM (outcome, "outcome", TANDEM_OUTCOME_NONE, TANDEM_OUTCOME_FAILURE),
  ENUM (direction, "direction", TANDEM_DIRECTION_NONE, TANDEM_DIRECTION_OUTBOUND),
  ENUM (visibility, "visibility", TANDEM_VISIBILITY_EVERYONE, TANDEM_VISIBILITY_TEAM),
};

#undef FIELD
#undef ENUM

#define FIRST_STRING PROP_TITLE
#define FIRST_INT64  PROP_CATEGORY_ID
#define FIRST_BOOL   PROP_PUBLIC
#define FIRST_INT    PROP_STATUS

G_STATIC_ASSERT (FIRST_INT64 == FIRST_STRING + G_N_ELEMENTS (string_props));
G_STATIC_ASSERT (FIRST_BOOL == FIRST_INT64 + G_N_ELEMENTS (int64_props));
G_STATIC_ASSERT (FIRST_INT == FIRST_BOOL + G_N_ELEMENTS (bool_props));
G_STATIC_ASSERT (PROP_TZID == FIRST_INT + G_N_ELEMENTS (int_props));

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemActivity, tandem_activity, TANDEM_TYPE_RECORD)

/* Helpers */

#define STRING_SLOT(self, prop) (&G_STRUCT_MEMBER (char *, (self), string_props[(prop) - FIRST_STRING].offset))
#define INT64_SLOT(self, prop)  (&G_STRUCT_MEMBER (gint64, (self), int64_props[(prop) - FIRST_INT64].offset))
#define BOOL_SLOT(self, prop)   (&G_STRUCT_MEMBER (gboolean, (self), bool_props[(prop) - FIRST_BOOL].offset))
#define INT_SLOT(self, prop)    (&G_STRUCT_MEMBER (int, (self), int_props[(prop) - FIRST_INT].offset))

static void
set_string (TandemActivity *self,
            guint           prop,
            const char     *value)
{
  tandem_record_string_set (G_OBJECT (self), STRING_SLOT (self, prop), value, properties[prop]);
}

static void
set_int64 (TandemActivity *self,
           guint           prop,
           gint64          value)
{
  gint64 *slot = INT64_SLOT (self, prop);

  if (value < 0)
    value = 0;
  if (*slot != value)
    {
      *slot = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
    }
}

static void
set_bool (TandemActivity *self,
          guint           prop,
          gboolean        value)
{
  gboolean *slot = BOOL_SLOT (self, prop);

  value = !!value;
  if (*slot != value)
    {
      *slot = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
    }
}

static void
set_int (TandemActivity *self,
         guint           prop,
         int             value)
{
  int *slot = INT_SLOT (self, prop);

  if (*slot != value)
    {
      *slot = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
    }
}

static void
set_ids (GArray       *array,
         const gint64 *ids,
         guint         n_ids)
{
  g_array_set_size (array, 0);
  if (ids != NULL && n_ids > 0)
    g_array_append_vals (array, ids, n_ids);
}

static void
replace_string (char       **slot,
                const char  *value)
{
  char *old = *slot;

  *slot = g_strdup (value);
  g_free (old);
}

/* The zone of the activity's tzid, or NULL when it has none or it is not
 * a zone this system knows (the store refuses to save such a one). */
static GTimeZone *
dup_zone (TandemActivity *self)
{
  if (self->tzid == NULL)
    return NULL;
  return g_time_zone_new_identifier (self->tzid);
}

static void
set_time_slot (TandemActivity  *self,
               GDateTime      **slot,
               GDateTime       *value,
               GTimeZone       *tz,
               guint            prop)
{
  g_autoptr(GDateTime) converted = NULL;

  if (value != NULL)
    converted = tz ? g_date_time_to_timezone (value, tz) : g_date_time_ref (value);

  if (*slot == NULL && converted == NULL)
    return;
  if (*slot != NULL && converted != NULL && g_date_time_equal (*slot, converted) &&
      g_strcmp0 (g_time_zone_get_identifier (g_date_time_get_timezone (*slot)),
                 g_time_zone_get_identifier (g_date_time_get_timezone (converted))) == 0)
    return;

  g_clear_pointer (slot, g_date_time_unref);
  *slot = g_steal_pointer (&converted);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* TandemRecord */

static const char *
tandem_activity_get_record_title (TandemRecord *record)
{
  return TANDEM_ACTIVITY (record)->title;
}

/* GObject */

static void
tandem_activity_finalize (GObject *object)
{
  TandemActivity *self = TANDEM_ACTIVITY (object);

  for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
    g_free (G_STRUCT_MEMBER (char *, self, string_props[i].offset));
  g_free (self->tzid);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_array_unref (self->property_ids);
  g_array_unref (self->person_ids);
  g_array_unref (self->performer_ids);
  g_array_unref (self->group_ids);
  g_array_unref (self->reminders);
  g_free (self->tracking);
  g_free (self->assigner_name);
  g_free (self->category_name);
  g_free (self->company_name);
  g_free (self->project_name);
  g_strfreev (self->person_names);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->completed_at);

  G_OBJECT_CLASS (tandem_activity_parent_class)->finalize (object);
}

static void
tandem_activity_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TandemActivity *self = TANDEM_ACTIVITY (object);

  if (prop_id >= FIRST_STRING && prop_id < FIRST_INT64)
    g_value_set_string (value, *STRING_SLOT (self, prop_id));
  else if (prop_id >= FIRST_INT64 && prop_id < FIRST_BOOL)
    g_value_set_int64 (value, *INT64_SLOT (self, prop_id));
  else if (prop_id >= FIRST_BOOL && prop_id < FIRST_INT)
    g_value_set_boolean (value, *BOOL_SLOT (self, prop_id));
  else if (prop_id >= FIRST_INT && prop_id < PROP_TZID)
    g_value_set_int (value, *INT_SLOT (self, prop_id));
  else
    switch (prop_id)
      {
      case PROP_TZID:
        g_value_set_string (value, self->tzid);
        break;
      case PROP_START:
        g_value_set_boxed (value, self->start);
        break;
      case PROP_END:
        g_value_set_boxed (value, self->end);
        break;
      case PROP_ASSIGNER_ID:
        g_value_set_int64 (value, self->assigner_id);
        break;
      case PROP_TRACKING:
        g_value_set_string (value, self->tracking);
        break;
      case PROP_ASSIGNER_NAME:
        g_value_set_string (value, self->assigner_name);
        break;
      case PROP_CATEGORY_NAME:
        g_value_set_string (value, self->category_name);
        break;
      case PROP_COMPANY_NAME:
        g_value_set_string (value, self->company_name);
        break;
      case PROP_PROJECT_NAME:
        g_value_set_string (value, self->project_name);
        break;
      case PROP_CREATED_AT:
        g_value_set_string (value, self->created_at);
        break;
      case PROP_UPDATED_AT:
        g_value_set_string (value, self->updated_at);
        break;
      case PROP_COMPLETED_AT:
        g_value_set_string (value, self->completed_at);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      }
}

static void
tandem_activity_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TandemActivity *self = TANDEM_ACTIVITY (object);

  if (prop_id >= FIRST_STRING && prop_id < FIRST_INT64)
    set_string (self, prop_id, g_value_get_string (value));
  else if (prop_id >= FIRST_INT64 && prop_id < FIRST_BOOL)
    set_int64 (self, prop_id, g_value_get_int64 (value));
  else if (prop_id >= FIRST_BOOL && prop_id < FIRST_INT)
    set_bool (self, prop_id, g_value_get_boolean (value));
  else if (prop_id >= FIRST_INT && prop_id < PROP_TZID)
    set_int (self, prop_id, g_value_get_int (value));
  else
    switch (prop_id)
      {
      case PROP_TZID:
        tandem_activity_set_tzid (self, g_value_get_string (value));
        break;
      case PROP_START:
        tandem_activity_set_times (self, g_value_get_boxed (value), self->end);
        break;
      case PROP_END:
        tandem_activity_set_times (self, self->start, g_value_get_boxed (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      }
}

static void
tandem_activity_class_init (TandemActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TandemRecordClass *record_class = TANDEM_RECORD_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_activity_finalize;
  object_class->get_property = tandem_activity_get_property;
  object_class->set_property = tandem_activity_set_property;

  record_class->kind = TANDEM_KIND_ACTIVITY;
  record_class->get_title = tandem_activity_get_record_title;

  /* "title" takes the place of TandemRecord's read-only one. */
  tandem_record_install_strings (object_class, FIRST_STRING, string_props,
                                 G_N_ELEMENTS (string_props), &properties[FIRST_STRING]);

  for (guint i = 0; i < G_N_ELEMENTS (int64_props); i++)
    properties[FIRST_INT64 + i] = g_param_spec_int64 (int64_props[i].name, NULL, NULL, 0, G_MAXINT64, 0, rw);
  for (guint i = 0; i < G_N_ELEMENTS (bool_props); i++)
    properties[FIRST_BOOL + i] = g_param_spec_boolean (bool_props[i].name, NULL, NULL, FALSE, rw);
  for (guint i = 0; i < G_N_ELEMENTS (int_props); i++)
    properties[FIRST_INT + i] = g_param_spec_int (int_props[i].name, NULL, NULL,
                                                  int_props[i].min, int_props[i].max, int_props[i].min, rw);

  properties[PROP_TZID] =
    g_param_spec_string ("tzid", NULL, NULL, NULL, rw);
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_ASSIGNER_ID] =
    g_param_spec_int64 ("assigner-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TRACKING] =
    g_param_spec_string ("tracking", NULL, NULL, NULL, ro);
  properties[PROP_ASSIGNER_NAME] =
    g_param_spec_string ("assigner-name", NULL, NULL, NULL, ro);
  properties[PROP_CATEGORY_NAME] =
    g_param_spec_string ("category-name", NULL, NULL, NULL, ro);
  properties[PROP_COMPANY_NAME] =
    g_param_spec_string ("company-name", NULL, NULL, NULL, ro);
  properties[PROP_PROJECT_NAME] =
    g_param_spec_string ("project-name", NULL, NULL, NULL, ro);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);
  properties[PROP_COMPLETED_AT] =
    g_param_spec_string ("completed-at", NULL, NULL, NULL, ro);

  for (guint i = FIRST_INT64; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, properties[i]);
}

static void
tandem_activity_init (TandemActivity *self)
{
  self->property_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->performer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->reminders = g_array_new (FALSE, FALSE, sizeof (TandemReminder));
}

/* Public API */

TandemActivity *
tandem_activity_new (const char *title)
{
  return g_object_new (TANDEM_TYPE_ACTIVITY, "title", title, NULL);
}

static void
copy_data (TandemActivity *self,
           TandemActivity *copy)
{
  /* The zone first, so that the times keep it. */
  tandem_activity_set_tzid (copy, self->tzid);
  tandem_record_copy_into (TANDEM_RECORD (self), TANDEM_RECORD (copy));
  tandem_activity_set_times (copy, self->start, self->end);
  set_ids (copy->property_ids, (const gint64 *) (gpointer) self->property_ids->data, self->property_ids->len);
  set_ids (copy->person_ids, (const gint64 *) (gpointer) self->person_ids->data, self->person_ids->len);
  set_ids (copy->performer_ids, (const gint64 *) (gpointer) self->performer_ids->data, self->performer_ids->len);
  set_ids (copy->group_ids, (const gint64 *) (gpointer) self->group_ids->data, self->group_ids->len);
  tandem_activity_set_reminders (copy, (const TandemReminder *) (gpointer) self->reminders->data,
                                 self->reminders->len);
}

TandemActivity *
tandem_activity_copy (TandemActivity *self)
{
  TandemActivity *copy;

  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);

  copy = g_object_new (TANDEM_TYPE_ACTIVITY, NULL);
  copy_data (self, copy);
  tandem_activity_set_loaded (copy, self->tracking, self->assigner_id, self->assigner_name,
                              self->category_name, self->company_name,
                              (const char * const *) self->person_names,
                              self->created_at, self->updated_at, self->completed_at);
  tandem_activity_set_project_name (copy, self->project_name);
  return copy;
}

TandemActivity *
tandem_activity_new_similar (TandemActivity *self)
{
  TandemActivity *similar;

  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);

  similar = g_object_new (TANDEM_TYPE_ACTIVITY, NULL);
  copy_data (self, similar);
  tandem_record_set_id (TANDEM_RECORD (similar), 0);
  tandem_activity_set_status (similar, TANDEM_STATUS_PLANNED);
  tandem_activity_set_outcome (similar, TANDEM_OUTCOME_NONE);
  /* The names still describe the same links; what belongs to the saved
   * activity alone does not come along. */
  tandem_activity_set_loaded (similar, NULL, 0, NULL,
                              self->category_name, self->company_name,
                              (const char * const *) self->person_names,
                              NULL, NULL, NULL);
  tandem_activity_set_project_name (similar, self->project_name);
  return similar;
}

#define STRING_ACCESSORS(name, prop) \
  const char * \
  tandem_activity_get_##name (TandemActivity *self) \
  { \
    g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL); \
    return *STRING_SLOT (self, prop); \
  }

#define INT64_ACCESSORS(name, prop) \
  gint64 \
  tandem_activity_get_##name (TandemActivity *self) \
  { \
    g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), 0); \
    return *INT64_SLOT (self, prop); \
  } \
  void \
  tandem_activity_set_##name (TandemActivity *self, \
                              gint64          id) \
  { \
    g_return_if_fail (TANDEM_IS_ACTIVITY (self)); \
    set_int64 (self, prop, id); \
  }

#define BOOL_ACCESSORS(name, prop) \
  gboolean \
  tandem_activity_get_##name (TandemActivity *self) \
  { \
    g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), FALSE); \
    return *BOOL_SLOT (self, prop); \
  } \
  void \
  tandem_activity_set_##name (TandemActivity *self, \
                              gboolean        value) \
  { \
    g_return_if_fail (TANDEM_IS_ACTIVITY (self)); \
    set_bool (self, prop, value); \
  }

#define ENUM_ACCESSORS(name, Type, prop) \
  Type \
  tandem_activity_get_##name (TandemActivity *self) \
  { \
    g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), 0); \
    return (Type) *INT_SLOT (self, prop); \
  } \
  void \
  tandem_activity_set_##name (TandemActivity *self, \
                              Type            value) \
  { \
    g_return_if_fail (TANDEM_IS_ACTIVITY (self)); \
    g_return_if_fail ((int) value >= int_props[prop - FIRST_INT].min && \
                      (int) value <= int_props[prop - FIRST_INT].max); \
    set_int (self, prop, value); \
  }

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (description, PROP_DESCRIPTION)
STRING_ACCESSORS (details, PROP_DETAILS)
STRING_ACCESSORS (internal_notes, PROP_INTERNAL_NOTES)
STRING_ACCESSORS (reference, PROP_REFERENCE)
STRING_ACCESSORS (link, PROP_LINK)
STRING_ACCESSORS (follow_up, PROP_FOLLOW_UP)
STRING_ACCESSORS (rrule, PROP_RRULE)
STRING_ACCESSORS (campaign, PROP_CAMPAIGN)

void
tandem_activity_set_campaign (TandemActivity *self,
                              const char     *campaign)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));
  set_string (self, PROP_CAMPAIGN, campaign);
}

void
tandem_activity_set_title (TandemActivity *self,
                           const char     *title)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));
  set_string (self, PROP_TITLE, title);
}

void
tandem_activity_set_description (TandemActivity *self,
                                 const char     *text)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));
  set_string (self, PROP_DESCRIPTION, text);
}

void
tandem_activity_set_details (TandemActivity *self,
                             const char     *text)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));
  set_string (self, PROP_DETAILS, text);
}

void
tandem_activity_set_internal_notes (TandemActivity *self,
                                    const char     *text)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));
  set_string (self, PROP_INTERNAL_NOTES, text);
}

void
tandem_activity_set_reference (TandemActivity *self,
                               const char     *text)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));
  set_string (self, PROP_REFERENCE, text);
}

void
tandem_activity_set_link (TandemActivity *self,
                          const char     *url)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));
  set_string (self, PROP_LINK, url);
}

void
tandem_activity_set_follow_up (TandemActivity *self,
                               const char     *date)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));
  set_string (self, PROP_FOLLOW_UP, date);
}

void
tandem_activity_set_rrule (TandemActivity *self,
                           const char     *rrule)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));

  /* Accept the content line as well as the value. */
  if (rrule != NULL && g_ascii_strncasecmp (rrule, "RRULE:", 6) == 0)
    rrule += 6;
  set_string (self, PROP_RRULE, rrule);
}

INT64_ACCESSORS (category_id, PROP_CATEGORY_ID)
INT64_ACCESSORS (kind_id, PROP_KIND_ID)
INT64_ACCESSORS (type_id, PROP_TYPE_ID)
INT64_ACCESSORS (priority_id, PROP_PRIORITY_ID)
INT64_ACCESSORS (goal_id, PROP_GOAL_ID)
INT64_ACCESSORS (company_id, PROP_COMPANY_ID)
INT64_ACCESSORS (project_id, PROP_PROJECT_ID)
INT64_ACCESSORS (responsible_id, PROP_RESPONSIBLE_ID)

BOOL_ACCESSORS (public, PROP_PUBLIC)
BOOL_ACCESSORS (open_ended, PROP_OPEN_ENDED)
BOOL_ACCESSORS (all_day, PROP_ALL_DAY)
BOOL_ACCESSORS (busy, PROP_BUSY)
BOOL_ACCESSORS (needs_completing, PROP_NEEDS_COMPLETING)

ENUM_ACCESSORS (status, TandemStatus, PROP_STATUS)
ENUM_ACCESSORS (outcome, TandemOutcome, PROP_OUTCOME)
ENUM_ACCESSORS (direction, TandemDirection, PROP_DIRECTION)
ENUM_ACCESSORS (visibility, TandemVisibility, PROP_VISIBILITY)

#undef STRING_ACCESSORS
#undef INT64_ACCESSORS
#undef BOOL_ACCESSORS
#undef ENUM_ACCESSORS

const gint64 *
tandem_activity_get_property_ids (TandemActivity *self,
                                  guint          *n_ids)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  *n_ids = self->property_ids->len;
  return (const gint64 *) (gpointer) self->property_ids->data;
}

void
tandem_activity_set_property_ids (TandemActivity *self,
                                  const gint64   *ids,
                                  guint           n_ids)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));
  set_ids (self->property_ids, ids, n_ids);
}

const gint64 *
tandem_activity_get_person_ids (TandemActivity *self,
                                guint          *n_ids)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  *n_ids = self->person_ids->len;
  return (const gint64 *) (gpointer) self->person_ids->data;
}

void
tandem_activity_set_person_ids (TandemActivity *self,
                                const gint64   *ids,
                                guint           n_ids)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));
  set_ids (self->person_ids, ids, n_ids);
}

gint64
tandem_activity_get_assigner_id (TandemActivity *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), 0);
  return self->assigner_id;
}

const gint64 *
tandem_activity_get_performer_ids (TandemActivity *self,
                                   guint          *n_ids)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  *n_ids = self->performer_ids->len;
  return (const gint64 *) (gpointer) self->performer_ids->data;
}

void
tandem_activity_set_performer_ids (TandemActivity *self,
                                   const gint64   *ids,
                                   guint           n_ids)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));
  set_ids (self->performer_ids, ids, n_ids);
}

gboolean
tandem_activity_has_performer (TandemActivity *self,
                               gint64          user_id)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), FALSE);

  for (guint i = 0; i < self->performer_ids->len; i++)
    if (g_array_index (self->performer_ids, gint64, i) == user_id)
      return TRUE;
  return FALSE;
}

const char *
tandem_activity_get_tzid (TandemActivity *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  return self->tzid;
}

/* The same instants, shown in the new zone. A name this system does not
 * know is kept as it is, for the store to refuse with a message. */
void
tandem_activity_set_tzid (TandemActivity *self,
                          const char     *tzid)
{
  g_autoptr(GTimeZone) tz = NULL;

  g_return_if_fail (TANDEM_IS_ACTIVITY (self));

  if (tzid != NULL && tzid[0] == '\0')
    tzid = NULL;
  if (g_strcmp0 (self->tzid, tzid) == 0)
    return;

  g_free (self->tzid);
  self->tzid = g_strdup (tzid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TZID]);

  tz = dup_zone (self);
  if (tz != NULL)
    {
      g_autoptr(GDateTime) start = self->start ? g_date_time_ref (self->start) : NULL;
      g_autoptr(GDateTime) end = self->end ? g_date_time_ref (self->end) : NULL;

      set_time_slot (self, &self->start, start, tz, PROP_START);
      set_time_slot (self, &self->end, end, tz, PROP_END);
    }
}

void
tandem_activity_set_times (TandemActivity *self,
                           GDateTime      *start,
                           GDateTime      *end)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) keep_start = NULL;
  g_autoptr(GDateTime) keep_end = NULL;

  g_return_if_fail (TANDEM_IS_ACTIVITY (self));

  /* The arguments may be this activity's own times. */
  keep_start = start ? g_date_time_ref (start) : NULL;
  keep_end = end ? g_date_time_ref (end) : NULL;

  tz = dup_zone (self);
  if (tz == NULL && (start != NULL || end != NULL))
    {
      GTimeZone *given = g_date_time_get_timezone (start ? start : end);
      const char *id = g_time_zone_get_identifier (given);
      g_autoptr(GTimeZone) known = id ? g_time_zone_new_identifier (id) : NULL;

      /* A zone without an IANA name (a bare offset) cannot repeat
       * wall-clock times across daylight-saving changes: use the local
       * zone's name then. */
      if (known == NULL)
        {
          g_autoptr(GTimeZone) local = g_time_zone_new_local ();

          id = g_time_zone_get_identifier (local);
        }
      tandem_activity_set_tzid (self, id);
      tz = dup_zone (self);
    }

  set_time_slot (self, &self->start, keep_start, tz, PROP_START);
  set_time_slot (self, &self->end, keep_end, tz, PROP_END);
}

GDateTime *
tandem_activity_get_start (TandemActivity *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  return self->start;
}

GDateTime *
tandem_activity_get_end (TandemActivity *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  return self->end;
}

const TandemReminder *
tandem_activity_get_reminders (TandemActivity *self,
                               guint          *n_reminders)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  *n_reminders = self->reminders->len;
  return (const TandemReminder *) (gpointer) self->reminders->data;
}

void
tandem_activity_set_reminders (TandemActivity       *self,
                               const TandemReminder *reminders,
                               guint                 n_reminders)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));

  g_array_set_size (self->reminders, 0);
  if (reminders != NULL && n_reminders > 0)
    g_array_append_vals (self->reminders, reminders, n_reminders);
}

const gint64 *
tandem_activity_get_group_ids (TandemActivity *self,
                               guint          *n_groups)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  *n_groups = self->group_ids->len;
  return (const gint64 *) (gpointer) self->group_ids->data;
}

void
tandem_activity_set_group_ids (TandemActivity *self,
                               const gint64   *group_ids,
                               guint           n_groups)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));
  set_ids (self->group_ids, group_ids, n_groups);
}

const char *
tandem_activity_get_tracking (TandemActivity *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  return self->tracking;
}

const char *
tandem_activity_get_category_name (TandemActivity *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  return self->category_name;
}

const char *
tandem_activity_get_company_name (TandemActivity *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  return self->company_name;
}

const char *
tandem_activity_get_project_name (TandemActivity *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  return self->project_name;
}

void
tandem_activity_set_project_name (TandemActivity *self,
                                  const char     *project_name)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));

  if (g_strcmp0 (self->project_name, project_name) == 0)
    return;
  replace_string (&self->project_name, project_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_NAME]);
}

const char * const *
tandem_activity_get_person_names (TandemActivity *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  return self->person_names ? (const char * const *) self->person_names : none;
}

const char *
tandem_activity_get_assigner_name (TandemActivity *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  return self->assigner_name;
}

const char *
tandem_activity_get_created_at (TandemActivity *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  return self->created_at;
}

const char *
tandem_activity_get_updated_at (TandemActivity *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  return self->updated_at;
}

const char *
tandem_activity_get_completed_at (TandemActivity *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), NULL);
  return self->completed_at;
}

void
tandem_activity_set_loaded (TandemActivity     *self,
                            const char         *tracking,
                            gint64              assigner_id,
                            const char         *assigner_name,
                            const char         *category_name,
                            const char         *company_name,
                            const char * const *person_names,
                            const char         *created_at,
                            const char         *updated_at,
                            const char         *completed_at)
{
  char **names;

  g_return_if_fail (TANDEM_IS_ACTIVITY (self));

  g_object_freeze_notify (G_OBJECT (self));

#define LOADED_STRING(field, prop) \
  if (g_strcmp0 (self->field, field) != 0) \
    { \
      replace_string (&self->field, field); \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
    }

  LOADED_STRING (tracking, PROP_TRACKING)
  LOADED_STRING (assigner_name, PROP_ASSIGNER_NAME)
  LOADED_STRING (category_name, PROP_CATEGORY_NAME)
  LOADED_STRING (company_name, PROP_COMPANY_NAME)
  LOADED_STRING (created_at, PROP_CREATED_AT)
  LOADED_STRING (updated_at, PROP_UPDATED_AT)
  LOADED_STRING (completed_at, PROP_COMPLETED_AT)

#undef LOADED_STRING

  if (self->assigner_id != assigner_id)
    {
      self->assigner_id = assigner_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNER_ID]);
    }

  names = g_strdupv ((char **) person_names);
  g_strfreev (self->person_names);
  self->person_names = names;

  g_object_thaw_notify (G_OBJECT (self));
}
