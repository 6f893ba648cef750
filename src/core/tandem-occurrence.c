/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemOccurrence"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-occurrence.h"

struct _TandemOccurrence
{
  GObject parent_instance;

  gboolean       masked;
  gint64         activity_id;
  gint64         recurrence_id;
  gint64         start;
  gint64         end;
  char          *title;

  gboolean       open_ended;
  gboolean       all_day;
  gboolean       busy;
  gboolean       overdue;
  TandemStatus   status;
  TandemOutcome  outcome;
  gint64         category_id;
  char          *category_name;
  char          *company_name;
  char          *description;
  gint64         goal_id;
  gint64         priority_id;
  char          *priority_name;
  gint64         user_id;
};

G_DEFINE_FINAL_TYPE (TandemOccurrence, tandem_occurrence, G_TYPE_OBJECT)

static void
tandem_occurrence_finalize (GObject *object)
{
  TandemOccurrence *self = TANDEM_OCCURRENCE (object);

  g_free (self->title);
  g_free (self->category_name);
  g_free (self->company_name);
  g_free (self->description);
  g_free (self->priority_name);

  G_OBJECT_CLASS (tandem_occurrence_parent_class)->finalize (object);
}

static void
tandem_occurrence_class_init (TandemOccurrenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_occurrence_finalize;
}

static void
tandem_occurrence_init (TandemOccurrence *self)
{
}

/* SPEC E3: a masked occurrence carries its time and nothing else. */
TandemOccurrence *
tandem_occurrence_new_masked (gint64 start,
                              gint64 end)
{
  TandemOccurrence *self = g_object_new (TANDEM_TYPE_OCCURRENCE, NULL);

  self->masked = TRUE;
  self->start = start;
  self->end = end;
  self->busy = TRUE;
  self->title = g_strdup (_("Busy"));
  return self;
}

TandemOccurrence *
tandem_occurrence_new (gint64      activity_id,
                       gint64      recurrence_id,
                       gint64      start,
                       gint64      end,
                       const char *title)
{
  TandemOccurrence *self = g_object_new (TANDEM_TYPE_OCCURRENCE, NULL);

  self->activity_id = activity_id;
  self->recurrence_id = recurrence_id;
  self->start = start;
  self->end = end;
  self->title = g_strdup (title);
  return self;
}

gboolean
tandem_occurrence_is_masked (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), FALSE);
  return self->masked;
}

gint64
tandem_occurrence_get_activity_id (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), 0);
  return self->activity_id;
}

gint64
tandem_occurrence_get_recurrence_id (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), 0);
  return self->recurrence_id;
}

gboolean
tandem_occurrence_is_recurring (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), FALSE);
  return self->recurrence_id != 0;
}

gint64
tandem_occurrence_get_start (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), 0);
  return self->start;
}

gint64
tandem_occurrence_get_end (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), 0);
  return self->end;
}

GDateTime *
tandem_occurrence_dup_start_local (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), NULL);
  return g_date_time_new_from_unix_local (self->start);
}

GDateTime *
tandem_occurrence_dup_end_local (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), NULL);
  return g_date_time_new_from_unix_local (self->end);
}

const char *
tandem_occurrence_get_title (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), NULL);
  return self->title;
}

gboolean
tandem_occurrence_get_open_ended (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), FALSE);
  return self->open_ended;
}

gboolean
tandem_occurrence_get_all_day (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), FALSE);
  return self->all_day;
}

gboolean
tandem_occurrence_get_busy (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), FALSE);
  return self->busy;
}

gboolean
tandem_occurrence_get_overdue (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), FALSE);
  return self->overdue;
}

TandemStatus
tandem_occurrence_get_status (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), TANDEM_STATUS_PLANNED);
  return self->status;
}

TandemOutcome
tandem_occurrence_get_outcome (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), TANDEM_OUTCOME_NONE);
  return self->outcome;
}

gint64
tandem_occurrence_get_category_id (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), 0);
  return self->category_id;
}

const char *
tandem_occurrence_get_category_name (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), NULL);
  return self->category_name;
}

const char *
tandem_occurrence_get_company_name (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), NULL);
  return self->company_name;
}

const char *
tandem_occurrence_get_description (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), NULL);
  return self->description;
}

gint64
tandem_occurrence_get_goal_id (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), 0);
  return self->goal_id;
}

gint64
tandem_occurrence_get_priority_id (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), 0);
  return self->priority_id;
}

const char *
tandem_occurrence_get_priority_name (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), NULL);
  return self->priority_name;
}

gint64
tandem_occurrence_get_user_id (TandemOccurrence *self)
{
  g_return_val_if_fail (TANDEM_IS_OCCURRENCE (self), 0);
  return self->user_id;
}

/* Ignored for a masked occurrence: the store cannot hand it anything the
 * reader may not see, even by mistake. */
void
tandem_occurrence_set_details (TandemOccurrence *self,
                               gboolean          open_ended,
                               gboolean          all_day,
                               gboolean          busy,
                               gboolean          overdue,
                               TandemStatus      status,
                               TandemOutcome     outcome,
                               gint64            category_id,
                               const char       *category_name,
                               const char       *company_name,
                               const char       *description,
                               gint64            goal_id,
                               gint64            priority_id,
                               const char       *priority_name)
{
  g_return_if_fail (TANDEM_IS_OCCURRENCE (self));

  if (self->masked)
    return;

  self->open_ended = open_ended;
  self->all_day = all_day;
  self->busy = busy;
  self->overdue = overdue;
  self->status = status;
  self->outcome = outcome;
  self->category_id = category_id;
  g_free (self->category_name);
  self->category_name = g_strdup (category_name);
  g_free (self->company_name);
  self->company_name = g_strdup (company_name);
  g_free (self->description);
  self->description = g_strdup (description);
  self->goal_id = goal_id;
  self->priority_id = priority_id;
  g_free (self->priority_name);
  self->priority_name = g_strdup (priority_name);
}

void
tandem_occurrence_set_user_id (TandemOccurrence *self,
                               gint64            user_id)
{
  g_return_if_fail (TANDEM_IS_OCCURRENCE (self));
  self->user_id = user_id;
}
