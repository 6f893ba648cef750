/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPrivacy"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "privacy-org.h"

/*
 * The organisation: an administrator (Management), an owner, a sales
 * manager and two sellers (Sales team), two delivery people (Delivery
 * team) and a user in no group. Customers with people, sales projects
 * (one won and become a delivery project whose new members must not
 * inherit what the sales team kept to itself, SPEC E2), a delivery
 * project, and on them notes, activities, tasks and documents of every
 * visibility, busy and recurring activities, reminders that became
 * notifications, discussions, files, timers, sales targets, campaigns,
 * saved searches, contact-group memberships, visibility changes and
 * deleted records.
 */

#define STAGE_LEAD   1
#define STAGE_OFFER  2
#define STAGE_WON    4
#define STAGE_LOST   5

#define CATEGORY_SALES_ACTION   33
#define CATEGORY_CUSTOMER_VISIT 34
#define CATEGORY_PHONE_CALL     35
#define CATEGORY_MEETING        37
#define GOAL_ARRANGE_MEETING    41

static const char * const group_names[PRIVACY_N_GROUPS] = {
  "Management", "Owners", "Sales team", "Delivery team",
};

static const PrivacyUser people[PRIVACY_N_USERS] = {
  { "ada",   "Ada Admin",      "ada-password-1",   TANDEM_ROLE_ADMIN,   PRIVACY_MANAGEMENT, 0 },
  { "olli",  "Olli Omistaja",  "olli-password-1",  TANDEM_ROLE_MANAGER, PRIVACY_OWNERS, 0 },
  { "mia",   "Mia Myyntijohtaja", "mia-password-1", TANDEM_ROLE_MANAGER, PRIVACY_SALES, 0 },
  { "sanna", "Sanna Seller",   "sanna-password-1", TANDEM_ROLE_USER,    PRIVACY_SALES, 0 },
  { "sami",  "Sami Seller",    "sami-password-1",  TANDEM_ROLE_USER,    PRIVACY_SALES, 0 },
  { "dora",  "Dora Delivery",  "dora-password-1",  TANDEM_ROLE_USER,    PRIVACY_DELIVERY, 0 },
  { "dan",   "Dan Delivery",   "dan-password-1",   TANDEM_ROLE_USER,    PRIVACY_DELIVERY, 0 },
  { "leo",   "Leo Lonely",     "leo-password-1",   TANDEM_ROLE_USER,    0, 0 },
};

/* An activity to add, in the terms of the model */
typedef struct
{
  const char       *title;
  int               assigner;
  guint             performers;
  int               responsible;      /* -1: none */
  PrivacyRecord    *company;
  PrivacyRecord    *person;
  PrivacyRecord    *project;
  TandemVisibility  visibility;
  guint             groups;
  int               day;              /* days after org->week */
  int               hour;             /* UTC */
  int               minutes;          /* length; 0: open-ended */
  gboolean          busy;
  gboolean          public;
  const char       *rrule;
  gint64            category;
  const char       *campaign;
  int               reminder;         /* minutes before; 0: none */
  gboolean          needs_completing;
  int               follow_up;        /* days after org->week; 0: none */
  TandemStatus      status;
} ActivitySpec;

/* Records and the model */

const char *
privacy_kind_to_string (PrivacyKind kind)
{
  static const char * const names[PRIVACY_N_KINDS] = {
    "company", "person", "note", "activity", "project", "task", "document",
    "message", "attachment", "saved-search", "campaign",
  };

  g_return_val_if_fail (kind < PRIVACY_N_KINDS, "?");
  return names[kind];
}

static void
privacy_record_free (PrivacyRecord *record)
{
  g_clear_pointer (&record->start, g_date_time_unref);
  g_clear_pointer (&record->end, g_date_time_unref);
  g_free (record);
}

static PrivacyRecord *
new_record (PrivacyOrg  *org,
            PrivacyKind  kind,
            int          author)
{
  PrivacyRecord *record = g_new0 (PrivacyRecord, 1);

  record->kind = kind;
  record->author = author;
  record->responsible = -1;
  record->seller = -1;
  g_snprintf (record->marker, sizeof record->marker, "SECRET%03u", ++org->next_marker);
  g_assert_cmpuint (org->next_marker, <, 1000);
  g_ptr_array_add (org->records, record);
  return record;
}

static gboolean
in_groups (PrivacyOrg    *org,
           int            user,
           PrivacyRecord *record)
{
  return (org->users[user].groups & record->groups) != 0;
}

static gboolean
is_member (PrivacyRecord *project,
           int            user)
{
  return project != NULL && (project->members & PRIVACY_USER_BIT (user)) != 0;
}

/* SPEC E1: what a record restricted to groups, to the project team or to
 * its author lets through, the parent aside. */
static gboolean
own_visibility_lets_see (PrivacyOrg    *org,
                         int            user,
                         PrivacyRecord *record,
                         PrivacyRecord *project)
{
  if (record->author == user)
    return TRUE;
  switch (record->visibility)
    {
    case TANDEM_VISIBILITY_EVERYONE:
      return TRUE;
    case TANDEM_VISIBILITY_GROUPS:
      return in_groups (org, user, record);
    case TANDEM_VISIBILITY_TEAM:
      return is_member (project, user);
    case TANDEM_VISIBILITY_PRIVATE:
    default:
      return FALSE;
    }
}

static PrivacyRecord *
project_of (PrivacyRecord *record)
{
  return record != NULL && record->kind == PRIVACY_PROJECT ? record : NULL;
}

/*
 * The model, from SPEC E and nothing else:
 *  - companies and people are seen by every user while not deleted;
 *  - a project by everyone who may see the customer, unless restricted to
 *    chosen groups or to its team; its author, seller and team members
 *    always see it;
 *  - a note or document by whoever may see the record it is on, as its
 *    visibility says (E1): everyone, the chosen groups, the project's team,
 *    or its author alone; administrators get no exception (E2);
 *  - an activity by the people who work on it (its author, performers and
 *    responsible person) whatever its visibility; by anyone else only as
 *    its visibility says, and only while they may see its project;
 *  - a project task by the project's members only (E4), and among them as
 *    its visibility says (the responsible person too);
 *  - the discussion and files of an activity with the activity;
 *  - a saved search by its owner, and by everyone when shared;
 *  - campaigns by everyone;
 *  - nothing deleted, nothing on a deleted record.
 */
gboolean
privacy_org_sees (PrivacyOrg    *org,
                  int            user,
                  PrivacyRecord *record)
{
  if (record->deleted)
    return FALSE;

  switch (record->kind)
    {
    case PRIVACY_COMPANY:
    case PRIVACY_PERSON:
    case PRIVACY_CAMPAIGN:
      return TRUE;

    case PRIVACY_SAVED_SEARCH:
      return record->shared || record->author == user;

    case PRIVACY_PROJECT:
      if (!privacy_org_sees (org, user, record->company))
        return FALSE;
      if (record->author == user || record->seller == user || is_member (record, user))
        return TRUE;
      if (record->visibility == TANDEM_VISIBILITY_EVERYONE)
        return TRUE;
      return record->visibility == TANDEM_VISIBILITY_GROUPS && in_groups (org, user, record);

    case PRIVACY_NOTE:
    case PRIVACY_DOCUMENT:
      if (!privacy_org_sees (org, user, record->parent))
        return FALSE;
      return own_visibility_lets_see (org, user, record, project_of (record->parent));

    case PRIVACY_ACTIVITY:
      if (record->company != NULL && !privacy_org_sees (org, user, record->company))
        return FALSE;
      if (record->author == user || record->responsible == user
          || (record->performers & PRIVACY_USER_BIT (user)))
        return TRUE;
      if (record->project != NULL && !privacy_org_sees (org, user, record->project))
        return FALSE;
      return own_visibility_lets_see (org, user, record, record->project);

    case PRIVACY_TASK:
      if (!privacy_org_sees (org, user, record->parent) || !is_member (record->parent, user))
        return FALSE;
      if (record->responsible == user)
        return TRUE;
      return own_visibility_lets_see (org, user, record, record->parent);

    case PRIVACY_MESSAGE:
    case PRIVACY_ATTACHMENT:
      return privacy_org_sees (org, user, record->parent);

    case PRIVACY_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* SPEC E3: a busy activity the user may not see shows as "Busy" with its
 * time, in the calendars of its performers; cancelled, open-ended and
 * deleted ones (or those of a deleted customer) not at all. */
gboolean
privacy_org_masked_busy (PrivacyOrg    *org,
                         int            user,
                         PrivacyRecord *record)
{
  return record->kind == PRIVACY_ACTIVITY
         && !privacy_org_sees (org, user, record)
         && record->busy && !record->open_ended && !record->deleted
         && record->status != TANDEM_STATUS_CANCELLED
         && (record->company == NULL || !record->company->deleted);
}

/* Building through the store */

static void
group_ids_of (PrivacyOrg *org,
              guint       groups,
              gint64     *ids,
              guint      *n_ids)
{
  *n_ids = 0;
  for (guint g = 0; g < PRIVACY_N_GROUPS; g++)
    if (groups & (1u << g))
      ids[(*n_ids)++] = org->group_ids[g];
}

static void
user_ids_of (PrivacyOrg *org,
             guint       users,
             gint64     *ids,
             guint      *n_ids)
{
  *n_ids = 0;
  for (guint u = 0; u < PRIVACY_N_USERS; u++)
    if (users & PRIVACY_USER_BIT (u))
      ids[(*n_ids)++] = org->users[u].id;
}

void
privacy_org_sign_in (PrivacyOrg  *org,
                     TandemStore *store,
                     int          user)
{
  g_autoptr(GError) error = NULL;

  tandem_store_sign_out (store);
  g_assert_true (tandem_store_sign_in (store, org->users[user].login, org->users[user].password, &error));
  g_assert_no_error (error);
}

static void
act_as (PrivacyOrg *org,
        int         user)
{
  if (org->signed_in == user)
    return;
  privacy_org_sign_in (org, org->store, user);
  org->signed_in = user;
}

static GDateTime *
at (PrivacyOrg *org,
    int         day,
    int         hour,
    int         minute)
{
  g_autoptr(GDateTime) d = g_date_time_add_days (org->week, day);

  return g_date_time_add_minutes (d, hour * 60 + minute);
}

static char *
day_string (PrivacyOrg *org,
            int         day)
{
  g_autoptr(GDateTime) d = g_date_time_add_days (org->week, day);

  return g_date_time_format (d, "%Y-%m-%d");
}

static PrivacyRecord *
add_company (PrivacyOrg *org,
             int         as,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  PrivacyRecord *record = new_record (org, PRIVACY_COMPANY, as);
  g_autofree char *full = g_strdup_printf ("%s %s", name, record->marker);
  g_autoptr(TandemCompany) company = tandem_company_new (full);

  act_as (org, as);
  tandem_company_set_text (company, "phone", "+358 9 1234 5678");
  tandem_company_set_text (company, "email", "office@example.com");
  tandem_company_set_text (company, "postal-street", "Mannerheimintie 1");
  tandem_company_set_text (company, "postal-postcode", "00100");
  tandem_company_set_text (company, "postal-city", "Helsinki");
  record->id = tandem_store_save_company (org->store, company, &error);
  g_assert_no_error (error);
  return record;
}

static PrivacyRecord *
add_person (PrivacyOrg    *org,
            int            as,
            const char    *name,
            PrivacyRecord *company)
{
  g_autoptr(GError) error = NULL;
  PrivacyRecord *record = new_record (org, PRIVACY_PERSON, as);
  g_autofree char *full = g_strdup_printf ("%s %s", name, record->marker);
  g_autoptr(TandemPerson) person = tandem_person_new (full);

  act_as (org, as);
  if (company != NULL)
    tandem_person_set_company_id (person, company->id);
  g_object_set (person, "job-title", "Buyer", "email", "buyer@example.com",
                "street", "Aleksanterinkatu 5", "postcode", "00170", "city", "Helsinki", NULL);
  record->id = tandem_store_save_person (org->store, person, &error);
  g_assert_no_error (error);
  return record;
}

static TandemKind
store_kind (PrivacyRecord *record)
{
  switch (record->kind)
    {
    case PRIVACY_COMPANY:
      return TANDEM_KIND_COMPANY;
    case PRIVACY_PERSON:
      return TANDEM_KIND_PERSON;
    case PRIVACY_NOTE:
      return TANDEM_KIND_NOTE;
    case PRIVACY_ACTIVITY:
      return TANDEM_KIND_ACTIVITY;
    case PRIVACY_PROJECT:
      return TANDEM_KIND_PROJECT;
    case PRIVACY_TASK:
      return TANDEM_KIND_TASK;
    case PRIVACY_CAMPAIGN:
      return TANDEM_KIND_CAMPAIGN;
    case PRIVACY_DOCUMENT:
    case PRIVACY_MESSAGE:
    case PRIVACY_ATTACHMENT:
    case PRIVACY_SAVED_SEARCH:
    case PRIVACY_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static PrivacyRecord *
add_note (PrivacyOrg       *org,
          int               as,
          PrivacyRecord    *parent,
          TandemVisibility  visibility,
          guint             groups,
          const char       *text)
{
  g_autoptr(GError) error = NULL;
  PrivacyRecord *record = new_record (org, PRIVACY_NOTE, as);
  g_autofree char *body = g_strdup_printf ("%s %s\n\nMore about it: %s, due soon.",
                                           text, record->marker, record->marker);
  g_autoptr(TandemNote) note = tandem_note_new (store_kind (parent), parent->id, body);
  g_autofree char *due = day_string (org, 8);
  gint64 ids[PRIVACY_N_GROUPS];
  guint n_ids;

  act_as (org, as);
  record->parent = parent;
  record->visibility = visibility;
  record->groups = groups;
  tandem_note_set_visibility (note, visibility);
  group_ids_of (org, groups, ids, &n_ids);
  if (n_ids > 0)
    tandem_note_set_group_ids (note, ids, n_ids);
  tandem_note_set_due (note, due);
  record->id = tandem_store_save_note (org->store, note, &error);
  g_assert_no_error (error);
  return record;
}

static PrivacyRecord *
add_project (PrivacyOrg       *org,
             int               as,
             PrivacyRecord    *company,
             const char       *name,
             gint64            stage,        /* 0: a delivery project */
             int               seller,
             gint64            value,
             const char       *currency,
             int               close_day,
             TandemVisibility  visibility,
             guint             groups,
             const char       *campaign)
{
  g_autoptr(GError) error = NULL;
  PrivacyRecord *record = new_record (org, PRIVACY_PROJECT, as);
  g_autofree char *full = g_strdup_printf ("%s %s", name, record->marker);
  g_autofree char *description = g_strdup_printf ("Scope of %s", record->marker);
  g_autoptr(TandemProject) project = NULL;
  gint64 ids[PRIVACY_N_GROUPS];
  guint n_ids;

  act_as (org, as);
  if (stage != 0)
    {
      g_autofree char *close = day_string (org, close_day);

      project = tandem_project_new_sale (company->id, full, stage);
      tandem_project_set_seller_id (project, org->users[seller].id);
      tandem_project_set_value (project, value);
      tandem_project_set_currency (project, currency);
      tandem_project_set_close_date (project, close);
      tandem_project_set_product_id (project, org->product_id);
      record->seller = seller;
    }
  else
    project = tandem_project_new (company->id, full);
  tandem_project_set_description (project, description);
  if (campaign != NULL)
    tandem_project_set_campaign (project, campaign);
  tandem_project_set_visibility (project, visibility);
  group_ids_of (org, groups, ids, &n_ids);
  if (n_ids > 0)
    tandem_project_set_group_ids (project, ids, n_ids);
  record->company = company;
  record->visibility = visibility;
  record->groups = groups;
  record->id = tandem_store_save_project (org->store, project, &error);
  g_assert_no_error (error);
  /* The one who adds a project with no team yet becomes its first member */
  record->members = PRIVACY_USER_BIT (as);
  return record;
}

static void
add_member (PrivacyOrg    *org,
            int            as,
            PrivacyRecord *project,
            int            user)
{
  g_autoptr(GError) error = NULL;

  act_as (org, as);
  g_assert_true (tandem_store_add_project_member (org->store, project->id, org->users[user].id,
                                                  "Consultant", &error));
  g_assert_no_error (error);
  project->members |= PRIVACY_USER_BIT (user);
}

static PrivacyRecord *
add_task (PrivacyOrg       *org,
          int               as,
          PrivacyRecord    *project,
          const char       *title,
          int               responsible,
          TandemVisibility  visibility,
          guint             groups)
{
  g_autoptr(GError) error = NULL;
  PrivacyRecord *record = new_record (org, PRIVACY_TASK, as);
  g_autofree char *full = g_strdup_printf ("%s %s", title, record->marker);
  g_autofree char *description = g_strdup_printf ("Steps of %s", record->marker);
  g_autofree char *due = day_string (org, 9);
  g_autoptr(TandemTask) task = tandem_task_new (project->id, full);
  gint64 ids[PRIVACY_N_GROUPS];
  guint n_ids;

  act_as (org, as);
  tandem_task_set_description (task, description);
  tandem_task_set_due (task, due);
  if (responsible >= 0)
    tandem_task_set_responsible_id (task, org->users[responsible].id);
  tandem_task_set_visibility (task, visibility);
  group_ids_of (org, groups, ids, &n_ids);
  if (n_ids > 0)
    tandem_task_set_group_ids (task, ids, n_ids);
  record->parent = project;
  record->responsible = responsible;
  record->visibility = visibility;
  record->groups = groups;
  record->id = tandem_store_save_task (org->store, task, &error);
  g_assert_no_error (error);
  return record;
}

static PrivacyRecord *
add_activity (PrivacyOrg         *org,
              const ActivitySpec *spec)
{
  g_autoptr(GError) error = NULL;
  PrivacyRecord *record = new_record (org, PRIVACY_ACTIVITY, spec->assigner);
  g_autofree char *title = g_strdup_printf ("%s %s", spec->title, record->marker);
  g_autofree char *text = g_strdup_printf ("Agenda of %s", record->marker);
  g_autoptr(TandemActivity) activity = tandem_activity_new (title);
  gint64 ids[PRIVACY_N_USERS];
  guint n_ids;

  act_as (org, spec->assigner);
  tandem_activity_set_description (activity, text);
  tandem_activity_set_details (activity, text);
  tandem_activity_set_internal_notes (activity, text);
  tandem_activity_set_reference (activity, text);
  if (spec->category != 0)
    tandem_activity_set_category_id (activity, spec->category);
  if (spec->company != NULL)
    tandem_activity_set_company_id (activity, spec->company->id);
  if (spec->person != NULL)
    tandem_activity_set_person_ids (activity, &spec->person->id, 1);
  if (spec->project != NULL)
    tandem_activity_set_project_id (activity, spec->project->id);
  if (spec->responsible >= 0)
    tandem_activity_set_responsible_id (activity, org->users[spec->responsible].id);
  user_ids_of (org, spec->performers, ids, &n_ids);
  tandem_activity_set_performer_ids (activity, ids, n_ids);
  tandem_activity_set_visibility (activity, spec->visibility);
  group_ids_of (org, spec->groups, ids, &n_ids);
  if (n_ids > 0)
    tandem_activity_set_group_ids (activity, ids, n_ids);
  if (spec->minutes == 0)
    tandem_activity_set_open_ended (activity, TRUE);
  else
    {
      record->start = at (org, spec->day, spec->hour, 0);
      record->end = g_date_time_add_minutes (record->start, spec->minutes);
      tandem_activity_set_tzid (activity, "UTC");
      tandem_activity_set_times (activity, record->start, record->end);
    }
  tandem_activity_set_busy (activity, spec->busy);
  tandem_activity_set_public (activity, spec->public);
  if (spec->rrule != NULL)
    tandem_activity_set_rrule (activity, spec->rrule);
  if (spec->campaign != NULL)
    tandem_activity_set_campaign (activity, spec->campaign);
  if (spec->reminder > 0)
    {
      TandemReminder reminder = { spec->reminder, TANDEM_CHANNEL_APP };

      tandem_activity_set_reminders (activity, &reminder, 1);
    }
  tandem_activity_set_needs_completing (activity, spec->needs_completing);
  if (spec->follow_up != 0)
    {
      g_autofree char *follow_up = day_string (org, spec->follow_up);

      tandem_activity_set_follow_up (activity, follow_up);
    }
  if (spec->status == TANDEM_STATUS_COMPLETED)
    {
      tandem_activity_set_status (activity, TANDEM_STATUS_COMPLETED);
      tandem_activity_set_outcome (activity, TANDEM_OUTCOME_SUCCESS);
    }
  else
    tandem_activity_set_status (activity, spec->status);

  record->company = spec->company;
  record->project = spec->project;
  record->performers = spec->performers;
  record->responsible = spec->responsible;
  record->visibility = spec->visibility;
  record->groups = spec->groups;
  record->busy = spec->busy;
  record->open_ended = spec->minutes == 0;
  record->status = spec->status;
  record->id = tandem_store_save_activity (org->store, activity, &error);
  g_assert_no_error (error);
  return record;
}

static PrivacyRecord *
add_message (PrivacyOrg    *org,
             int            as,
             PrivacyRecord *activity,
             const char    *text)
{
  g_autoptr(GError) error = NULL;
  PrivacyRecord *record = new_record (org, PRIVACY_MESSAGE, as);
  g_autofree char *body = g_strdup_printf ("%s %s", text, record->marker);

  act_as (org, as);
  record->parent = activity;
  record->id = tandem_store_add_message (org->store, activity->id, body, &error);
  g_assert_no_error (error);
  return record;
}

static PrivacyRecord *
add_attachment (PrivacyOrg    *org,
                int            as,
                PrivacyRecord *activity,
                gboolean       file)
{
  g_autoptr(GError) error = NULL;
  /* A file on an activity is a document on it, seen with the activity */
  PrivacyRecord *record = new_record (org, file ? PRIVACY_DOCUMENT : PRIVACY_ATTACHMENT, as);

  act_as (org, as);
  record->parent = activity;
  record->visibility = TANDEM_VISIBILITY_EVERYONE;
  if (file)
    {
      g_autofree char *name = g_strdup_printf ("offer-%s.txt", record->marker);
      g_autofree char *content = g_strdup_printf ("Offer text %s", record->marker);
      g_autoptr(GBytes) data = g_bytes_new (content, strlen (content));

      record->id = tandem_store_add_document (org->store, TANDEM_KIND_ACTIVITY, activity->id, name, "text/plain", data,
                                              NULL, TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error);
    }
  else
    {
      g_autofree char *title = g_strdup_printf ("Link %s", record->marker);
      g_autofree char *url = g_strdup_printf ("https://example.com/%s", record->marker);

      record->id = tandem_store_add_activity_link (org->store, activity->id, title, url, &error);
    }
  g_assert_no_error (error);
  return record;
}

static PrivacyRecord *
add_document (PrivacyOrg       *org,
              int               as,
              PrivacyRecord    *parent,
              TandemVisibility  visibility,
              guint             groups)
{
  g_autoptr(GError) error = NULL;
  PrivacyRecord *record = new_record (org, PRIVACY_DOCUMENT, as);
  g_autofree char *name = g_strdup_printf ("quote-%s.txt", record->marker);
  g_autofree char *title = g_strdup_printf ("Quotation %s", record->marker);
  g_autofree char *content = g_strdup_printf ("Price list of %s: 12 000 EUR", record->marker);
  g_autoptr(GBytes) data = g_bytes_new (content, strlen (content));
  gint64 ids[PRIVACY_N_GROUPS];
  guint n_ids;

  act_as (org, as);
  group_ids_of (org, groups, ids, &n_ids);
  record->parent = parent;
  record->visibility = visibility;
  record->groups = groups;
  record->id = tandem_store_add_document (org->store,
                                          parent->kind == PRIVACY_ACTIVITY ? TANDEM_KIND_ACTIVITY : store_kind (parent),
                                          parent->id, name, "text/plain", data, title,
                                          visibility, ids, n_ids, &error);
  g_assert_no_error (error);
  return record;
}

static PrivacyRecord *
add_email_document (PrivacyOrg       *org,
                    int               as,
                    PrivacyRecord    *parent,
                    TandemVisibility  visibility)
{
  g_autoptr(GError) error = NULL;
  PrivacyRecord *record = new_record (org, PRIVACY_DOCUMENT, as);
  g_autofree char *name = g_strdup_printf ("mail-%s.eml", record->marker);
  g_autofree char *content = g_strdup_printf ("From: Buyer %s <buyer@example.com>\r\n"
                                              "Subject: Request for quotation %s\r\n"
                                              "Date: Mon, 23 Nov 2026 08:15:00 +0000\r\n"
                                              "\r\n"
                                              "Please quote %s.\r\n",
                                              record->marker, record->marker, record->marker);
  g_autoptr(GBytes) data = g_bytes_new (content, strlen (content));

  act_as (org, as);
  record->parent = parent;
  record->visibility = visibility;
  record->id = tandem_store_add_document (org->store, store_kind (parent), parent->id, name,
                                          "message/rfc822", data, NULL, visibility, NULL, 0, &error);
  g_assert_no_error (error);
  return record;
}

static void
add_document_version (PrivacyOrg    *org,
                      int            as,
                      PrivacyRecord *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("quote-%s-v2.txt", document->marker);
  g_autofree char *content = g_strdup_printf ("Better price for %s: 11 000 EUR", document->marker);
  g_autofree char *comment = g_strdup_printf ("Discount for %s", document->marker);
  g_autoptr(GBytes) data = g_bytes_new (content, strlen (content));

  act_as (org, as);
  g_assert_cmpuint (tandem_store_add_document_version (org->store, document->id, name, "text/plain",
                                                       data, comment, &error), ==, 2);
  g_assert_no_error (error);
}

/* Documents of every visibility on each kind of record (SPEC G1, E1) */
static void
add_documents (PrivacyOrg    *org,
               PrivacyRecord *sale,
               PrivacyRecord *delivery,
               PrivacyRecord *private_busy,
               PrivacyRecord *public_visit)
{
  PrivacyRecord *parents[] = { org->acme, org->person_acme, sale, delivery, public_visit, private_busy };
  PrivacyRecord *first;

  for (guint i = 0; i < G_N_ELEMENTS (parents); i++)
    {
      PrivacyRecord *parent = parents[i];
      int as = parent->kind == PRIVACY_PROJECT || parent->kind == PRIVACY_ACTIVITY
               ? parent->author : PRIVACY_SANNA;

      first = add_document (org, as, parent, TANDEM_VISIBILITY_EVERYONE, 0);
      add_document (org, as, parent, TANDEM_VISIBILITY_GROUPS, PRIVACY_SALES);
      add_document (org, as, parent, TANDEM_VISIBILITY_GROUPS, PRIVACY_OWNERS);
      add_document (org, as, parent, TANDEM_VISIBILITY_PRIVATE, 0);
      if (parent->kind == PRIVACY_PROJECT)
        add_document (org, as, parent, TANDEM_VISIBILITY_TEAM, 0);
      if (i == 0)
        add_document_version (org, as, first);
    }
  add_email_document (org, PRIVACY_SANNA, sale, TANDEM_VISIBILITY_PRIVATE);
  add_email_document (org, PRIVACY_SAMI, org->borealis, TANDEM_VISIBILITY_EVERYONE);
}

static PrivacyRecord *
add_saved_search (PrivacyOrg *org,
                  int         as,
                  const char *name,
                  gboolean    shared)
{
  g_autoptr(GError) error = NULL;
  PrivacyRecord *record = new_record (org, PRIVACY_SAVED_SEARCH, as);
  g_autofree char *full = g_strdup_printf ("%s %s", name, record->marker);
  g_autoptr(TandemSavedSearch) search = tandem_saved_search_new (full, TANDEM_KIND_COMPANY);

  act_as (org, as);
  tandem_saved_search_add_criterion (search, "city", "is", "Helsinki");
  tandem_saved_search_set_shared (search, shared);
  record->shared = shared;
  record->id = tandem_store_save_saved_search (org->store, search, &error);
  g_assert_no_error (error);
  return record;
}

static PrivacyRecord *
add_campaign (PrivacyOrg *org,
              int         as,
              const char *name,
              gint64      search_id)
{
  g_autoptr(GError) error = NULL;
  PrivacyRecord *record = new_record (org, PRIVACY_CAMPAIGN, as);
  g_autofree char *full = g_strdup_printf ("%s %s", name, record->marker);
  g_autoptr(TandemCampaign) campaign = tandem_campaign_new (full);
  g_autofree char *starts = day_string (org, 0);
  g_autofree char *ends = day_string (org, 30);

  act_as (org, as);
  tandem_campaign_set_starts_on (campaign, starts);
  tandem_campaign_set_ends_on (campaign, ends);
  tandem_campaign_set_search_id (campaign, search_id);
  record->id = tandem_store_save_campaign (org->store, campaign, &error);
  g_assert_no_error (error);
  return record;
}

static const char *
campaign_name (PrivacyOrg *org,
               gint64      id)
{
  for (guint i = 0; i < org->records->len; i++)
    {
      PrivacyRecord *record = g_ptr_array_index (org->records, i);

      if (record->kind == PRIVACY_CAMPAIGN && record->id == id)
        {
          static char name[64];

          g_snprintf (name, sizeof name, "%s %s",
                      id == org->campaign_shared ? "Spring fair" : "Quiet outreach", record->marker);
          return name;
        }
    }
  g_assert_not_reached ();
}

static void
delete_record (PrivacyOrg    *org,
               int            as,
               PrivacyRecord *record)
{
  g_autoptr(GError) error = NULL;

  act_as (org, as);
  g_assert_true (tandem_store_delete (org->store, store_kind (record), record->id, &error));
  g_assert_no_error (error);
  record->deleted = TRUE;
}

static void
set_note_visibility (PrivacyOrg       *org,
                     int               as,
                     PrivacyRecord    *record,
                     TandemVisibility  visibility)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemNote) note = NULL;

  act_as (org, as);
  note = tandem_store_get_note (org->store, record->id, &error);
  g_assert_no_error (error);
  tandem_note_set_visibility (note, visibility);
  g_assert_cmpint (tandem_store_save_note (org->store, note, &error), ==, record->id);
  g_assert_no_error (error);
  record->visibility = visibility;
}

static void
set_activity_people (PrivacyOrg       *org,
                     int               as,
                     PrivacyRecord    *record,
                     guint             performers,
                     TandemVisibility  visibility)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) activity = NULL;
  gint64 ids[PRIVACY_N_USERS];
  guint n_ids;

  act_as (org, as);
  activity = tandem_store_get_activity (org->store, record->id, &error);
  g_assert_no_error (error);
  user_ids_of (org, performers, ids, &n_ids);
  tandem_activity_set_performer_ids (activity, ids, n_ids);
  tandem_activity_set_visibility (activity, visibility);
  g_assert_cmpint (tandem_store_save_activity (org->store, activity, &error), ==, record->id);
  g_assert_no_error (error);
  record->performers = performers;
  record->visibility = visibility;
}

static void
collect_notifications (PrivacyOrg *org,
                       int         user,
                       int         day,
                       int         hour)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = at (org, day, hour, 0);
  g_autoptr(GPtrArray) fired = NULL;

  act_as (org, user);
  fired = tandem_store_collect_notifications (org->store, when, &error);
  g_assert_no_error (error);
}

static void
build_people (PrivacyOrg *org)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) first = NULL;

  memcpy (org->users, people, sizeof people);
  first = tandem_store_create_first_admin (org->store, org->users[PRIVACY_ADA].login,
                                           org->users[PRIVACY_ADA].name,
                                           org->users[PRIVACY_ADA].password, &error);
  g_assert_no_error (error);
  org->users[PRIVACY_ADA].id = tandem_user_get_id (first);
  act_as (org, PRIVACY_ADA);

  for (guint g = 0; g < PRIVACY_N_GROUPS; g++)
    {
      org->group_ids[g] = tandem_store_add_group (org->store, group_names[g], &error);
      g_assert_no_error (error);
    }
  for (guint u = 0; u < PRIVACY_N_USERS; u++)
    {
      const char *groups[PRIVACY_N_GROUPS + 1] = { NULL, };
      guint n = 0;
      g_autoptr(TandemUser) user = NULL;

      if (u == PRIVACY_ADA)
        continue;
      for (guint g = 0; g < PRIVACY_N_GROUPS; g++)
        if (org->users[u].groups & (1u << g))
          groups[n++] = group_names[g];
      user = tandem_store_add_user (org->store, org->users[u].login, org->users[u].name,
                                    org->users[u].password, org->users[u].role, groups, &error);
      g_assert_no_error (error);
      org->users[u].id = tandem_user_get_id (user);
    }
  /* The administrator is in Management too */
  {
    g_autoptr(GPtrArray) users = tandem_store_list_users (org->store, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < users->len; i++)
      {
        TandemUser *user = g_ptr_array_index (users, i);

        if (tandem_user_get_id (user) == org->users[PRIVACY_ADA].id)
          {
            const char *groups[] = { group_names[0], NULL };

            tandem_user_set_groups (user, groups);
            g_assert_true (tandem_store_update_user (org->store, user, &error));
            g_assert_no_error (error);
          }
      }
  }
}

static void
build (PrivacyOrg *org)
{
  g_autoptr(GError) error = NULL;
  PrivacyRecord *gone, *vendor;
  PrivacyRecord *sale_won, *sale_open, *sale_team, *sale_lost, *delivery, *sale_gone;
  PrivacyRecord *busy_private, *busy_owners, *visit_public, *weekly, *open_private;
  PrivacyRecord *delivery_groups, *handover, *hidden_project_call, *dropped, *sales_only;
  PrivacyRecord *note_changed, *search_private, *search_shared, *deleted_note, *deleted_activity;
  PrivacyRecord *person_gone;

  build_people (org);

  /* Settings: a product, sales targets on customer visits */
  act_as (org, PRIVACY_ADA);
  {
    g_autoptr(TandemProduct) product = tandem_product_new ("Hydraulic press", "Machines");

    org->product_id = tandem_store_save_product (org->store, product, &error);
    g_assert_no_error (error);
  }
  org->category_visit = CATEGORY_CUSTOMER_VISIT;
  act_as (org, PRIVACY_MIA);
  g_assert_true (tandem_store_set_sales_target (org->store, org->users[PRIVACY_SANNA].id,
                                                CATEGORY_CUSTOMER_VISIT, TANDEM_PERIOD_WEEK, 3, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_store_set_sales_target (org->store, org->users[PRIVACY_SAMI].id,
                                                CATEGORY_CUSTOMER_VISIT, TANDEM_PERIOD_MONTH, 8, &error));
  g_assert_no_error (error);

  /* Customers and their people */
  org->acme = add_company (org, PRIVACY_SANNA, "Acme Teollisuus Oy");
  org->borealis = add_company (org, PRIVACY_SAMI, "Borealis Sp. z o.o.");
  vendor = add_company (org, PRIVACY_OLLI, "Vendor Tukku Oy");
  gone = add_company (org, PRIVACY_SAMI, "Gone Bankrupt Oy");
  org->person_acme = add_person (org, PRIVACY_SANNA, "Aino Ostaja", org->acme);
  add_person (org, PRIVACY_SAMI, "Bartosz Kupiec", org->borealis);
  org->person_alone = add_person (org, PRIVACY_LEO, "Ville Vapaa", NULL);
  person_gone = add_person (org, PRIVACY_SAMI, "Gustav Gone", gone);

  /* Contact groups (I1): Mailing list, Candidates, Visit, Do not contact */
  act_as (org, PRIVACY_SANNA);
  {
    gint64 mailing = 1, visit = 3, dnc = 4;

    g_assert_true (tandem_store_set_groups_of (org->store, TANDEM_KIND_COMPANY, org->acme->id, &mailing, 1, &error));
    g_assert_true (tandem_store_set_groups_of (org->store, TANDEM_KIND_COMPANY, org->borealis->id, &visit, 1, &error));
    g_assert_true (tandem_store_set_groups_of (org->store, TANDEM_KIND_PERSON, org->person_alone->id, &dnc, 1, &error));
    g_assert_true (tandem_store_set_groups_of (org->store, TANDEM_KIND_PERSON, org->person_acme->id, &mailing, 1, &error));
    g_assert_no_error (error);
  }

  /* Saved searches and campaigns (K2, I3) */
  search_shared = add_saved_search (org, PRIVACY_OLLI, "Helsinki customers", TRUE);
  search_private = add_saved_search (org, PRIVACY_SANNA, "Sanna's quiet list", FALSE);
  org->sales_search = search_shared->id;
  org->private_search = search_private->id;
  org->campaign_shared = add_campaign (org, PRIVACY_OLLI, "Spring fair", search_shared->id)->id;
  org->campaign_private = add_campaign (org, PRIVACY_SANNA, "Quiet outreach", search_private->id)->id;

  /* Sales projects and a delivery project (H1–H4) */
  sale_won = add_project (org, PRIVACY_SANNA, org->acme, "Press line upgrade", STAGE_OFFER, PRIVACY_SANNA,
                          1200000, "EUR", 10, TANDEM_VISIBILITY_GROUPS, PRIVACY_SALES,
                          campaign_name (org, org->campaign_shared));
  sale_open = add_project (org, PRIVACY_SAMI, org->borealis, "Warehouse robots", STAGE_LEAD, PRIVACY_SAMI,
                           4500000, "EUR", 12, TANDEM_VISIBILITY_EVERYONE, 0,
                           campaign_name (org, org->campaign_shared));
  sale_team = add_project (org, PRIVACY_OLLI, org->acme, "Board-level deal", STAGE_OFFER, PRIVACY_OLLI,
                           9900000, "PLN", 11, TANDEM_VISIBILITY_TEAM, 0,
                           campaign_name (org, org->campaign_private));
  sale_lost = add_project (org, PRIVACY_SAMI, org->acme, "Spare parts deal", STAGE_LEAD, PRIVACY_SAMI,
                           300000, "EUR", 9, TANDEM_VISIBILITY_GROUPS, PRIVACY_SALES, NULL);
  delivery = add_project (org, PRIVACY_DORA, org->borealis, "Installation", 0, -1, 0, NULL, 0,
                          TANDEM_VISIBILITY_TEAM, 0, NULL);
  sale_gone = add_project (org, PRIVACY_SAMI, gone, "Deal with the bankrupt", STAGE_OFFER, PRIVACY_SAMI,
                           700000, "USD", 10, TANDEM_VISIBILITY_EVERYONE, 0, NULL);
  add_member (org, PRIVACY_OLLI, sale_team, PRIVACY_MIA);
  add_member (org, PRIVACY_DORA, delivery, PRIVACY_DAN);
  act_as (org, PRIVACY_SAMI);
  g_assert_true (tandem_store_close_sale (org->store, sale_lost->id, TANDEM_SALE_LOST, &error));
  g_assert_no_error (error);
  (void) sale_gone;

  /* Notes of every visibility on every kind of record (F1, E1) */
  add_note (org, PRIVACY_SANNA, org->acme, TANDEM_VISIBILITY_EVERYONE, 0, "Acme buys in spring");
  add_note (org, PRIVACY_SANNA, org->acme, TANDEM_VISIBILITY_GROUPS, PRIVACY_SALES, "Acme margin floor is 12 %");
  add_note (org, PRIVACY_OLLI, org->acme, TANDEM_VISIBILITY_GROUPS, PRIVACY_OWNERS, "Acme credit limit");
  add_note (org, PRIVACY_SANNA, org->acme, TANDEM_VISIBILITY_PRIVATE, 0, "My own hunch about Acme");
  add_note (org, PRIVACY_LEO, org->acme, TANDEM_VISIBILITY_PRIVATE, 0, "Leo's reminder");
  add_note (org, PRIVACY_ADA, org->borealis, TANDEM_VISIBILITY_PRIVATE, 0, "Admin's private remark");
  add_note (org, PRIVACY_DAN, org->person_acme, TANDEM_VISIBILITY_PRIVATE, 0, "Aino prefers mornings");
  add_note (org, PRIVACY_DORA, org->person_acme, TANDEM_VISIBILITY_GROUPS, PRIVACY_DELIVERY, "Aino signs deliveries");
  add_note (org, PRIVACY_LEO, org->person_alone, TANDEM_VISIBILITY_EVERYONE, 0, "Ville is a freelancer");
  sales_only = add_note (org, PRIVACY_SANNA, sale_won, TANDEM_VISIBILITY_GROUPS, PRIVACY_SALES,
                         "Lowest price we can offer");
  add_note (org, PRIVACY_SANNA, sale_won, TANDEM_VISIBILITY_TEAM, 0, "Team note on the press line");
  add_note (org, PRIVACY_SANNA, sale_won, TANDEM_VISIBILITY_EVERYONE, 0, "Press line is on track");
  add_note (org, PRIVACY_OLLI, sale_team, TANDEM_VISIBILITY_TEAM, 0, "Board wants a discount");
  add_note (org, PRIVACY_OLLI, sale_team, TANDEM_VISIBILITY_EVERYONE, 0, "Board meets on Friday");
  add_note (org, PRIVACY_DORA, delivery, TANDEM_VISIBILITY_TEAM, 0, "Crane booked");
  add_note (org, PRIVACY_DORA, delivery, TANDEM_VISIBILITY_PRIVATE, 0, "Dora's checklist");
  add_note (org, PRIVACY_SAMI, sale_open, TANDEM_VISIBILITY_GROUPS, PRIVACY_OWNERS | PRIVACY_DELIVERY,
            "Robots need a site survey");
  add_note (org, PRIVACY_SAMI, gone, TANDEM_VISIBILITY_EVERYONE, 0, "They stopped paying");
  add_note (org, PRIVACY_SAMI, person_gone, TANDEM_VISIBILITY_EVERYONE, 0, "Gustav left");
  note_changed = add_note (org, PRIVACY_SAMI, org->borealis, TANDEM_VISIBILITY_EVERYONE, 0,
                           "Borealis pays late");
  deleted_note = add_note (org, PRIVACY_SAMI, org->borealis, TANDEM_VISIBILITY_EVERYONE, 0, "Written by mistake");

  /* Activities (D1–D20): busy and not, private and shared, recurring,
   * open-ended, on projects, with reminders, goals and sales targets */
  busy_private = add_activity (org, &(ActivitySpec) {
    .title = "Price negotiation", .assigner = PRIVACY_SANNA, .performers = PRIVACY_USER_BIT (PRIVACY_SANNA),
    .responsible = -1, .company = org->acme, .person = org->person_acme,
    .visibility = TANDEM_VISIBILITY_PRIVATE, .day = 8, .hour = 9, .minutes = 90, .busy = TRUE,
    .category = CATEGORY_MEETING, .reminder = 60, .follow_up = 10 });
  busy_owners = add_activity (org, &(ActivitySpec) {
    .title = "Owners' strategy day", .assigner = PRIVACY_OLLI,
    .performers = PRIVACY_USER_BIT (PRIVACY_OLLI) | PRIVACY_USER_BIT (PRIVACY_MIA),
    .responsible = -1, .visibility = TANDEM_VISIBILITY_GROUPS, .groups = PRIVACY_OWNERS,
    .day = 8, .hour = 12, .minutes = 240, .busy = TRUE, .category = CATEGORY_MEETING });
  visit_public = add_activity (org, &(ActivitySpec) {
    .title = "Visit at Borealis", .assigner = PRIVACY_SAMI, .performers = PRIVACY_USER_BIT (PRIVACY_SAMI),
    .responsible = PRIVACY_MIA, .company = org->borealis, .visibility = TANDEM_VISIBILITY_EVERYONE,
    .day = 9, .hour = 10, .minutes = 60, .busy = TRUE, .public = TRUE,
    .category = CATEGORY_CUSTOMER_VISIT, .campaign = campaign_name (org, org->campaign_shared), .reminder = 15 });
  weekly = add_activity (org, &(ActivitySpec) {
    .title = "Weekly site check", .assigner = PRIVACY_DORA, .performers = PRIVACY_USER_BIT (PRIVACY_DORA),
    .responsible = -1, .company = org->borealis, .project = delivery,
    .visibility = TANDEM_VISIBILITY_PRIVATE, .day = 7, .hour = 7, .minutes = 60, .busy = TRUE,
    .rrule = "FREQ=WEEKLY;COUNT=6", .category = CATEGORY_CUSTOMER_VISIT, .reminder = 15 });
  open_private = add_activity (org, &(ActivitySpec) {
    .title = "Think about pricing", .assigner = PRIVACY_LEO, .performers = PRIVACY_USER_BIT (PRIVACY_LEO),
    .responsible = -1, .company = org->acme, .visibility = TANDEM_VISIBILITY_PRIVATE,
    .minutes = 0, .needs_completing = TRUE, .follow_up = 9 });
  delivery_groups = add_activity (org, &(ActivitySpec) {
    .title = "Install the robots", .assigner = PRIVACY_DORA, .performers = PRIVACY_USER_BIT (PRIVACY_DORA),
    .responsible = PRIVACY_DAN, .company = org->borealis, .project = delivery,
    .visibility = TANDEM_VISIBILITY_GROUPS, .groups = PRIVACY_DELIVERY,
    .day = 10, .hour = 6, .minutes = 480, .busy = TRUE, .category = CATEGORY_SALES_ACTION });
  handover = add_activity (org, &(ActivitySpec) {
    .title = "Handover meeting", .assigner = PRIVACY_SANNA,
    .performers = PRIVACY_USER_BIT (PRIVACY_SANNA), .responsible = -1, .company = org->acme,
    .project = sale_won, .visibility = TANDEM_VISIBILITY_TEAM, .day = 9, .hour = 13, .minutes = 60,
    .busy = TRUE, .category = CATEGORY_MEETING, .needs_completing = TRUE });
  hidden_project_call = add_activity (org, &(ActivitySpec) {
    .title = "Call about the board deal", .assigner = PRIVACY_OLLI,
    .performers = PRIVACY_USER_BIT (PRIVACY_LEO), .responsible = -1, .company = org->acme,
    .project = sale_team, .visibility = TANDEM_VISIBILITY_EVERYONE, .day = 10, .hour = 8, .minutes = 30,
    .busy = FALSE, .category = CATEGORY_PHONE_CALL, .follow_up = 11 });
  add_activity (org, &(ActivitySpec) {
    .title = "Quiet outreach call", .assigner = PRIVACY_SANNA, .performers = PRIVACY_USER_BIT (PRIVACY_SANNA),
    .responsible = -1, .company = org->borealis, .visibility = TANDEM_VISIBILITY_PRIVATE,
    .day = 11, .hour = 9, .minutes = 30, .busy = FALSE, .category = CATEGORY_PHONE_CALL,
    .campaign = campaign_name (org, org->campaign_shared) });
  add_activity (org, &(ActivitySpec) {
    .title = "Team lunch", .assigner = PRIVACY_MIA,
    .performers = PRIVACY_USER_BIT (PRIVACY_MIA) | PRIVACY_USER_BIT (PRIVACY_SANNA) | PRIVACY_USER_BIT (PRIVACY_SAMI),
    .responsible = -1, .visibility = TANDEM_VISIBILITY_GROUPS, .groups = PRIVACY_SALES,
    .day = 9, .hour = 11, .minutes = 60, .busy = FALSE, .public = TRUE });
  /* Completed customer visits this week count towards sales targets (D20) */
  add_activity (org, &(ActivitySpec) {
    .title = "Secret visit at Acme", .assigner = PRIVACY_SAMI, .performers = PRIVACY_USER_BIT (PRIVACY_SAMI),
    .responsible = -1, .company = org->acme, .visibility = TANDEM_VISIBILITY_PRIVATE,
    .day = 0, .hour = 1, .minutes = 60, .busy = TRUE, .category = CATEGORY_CUSTOMER_VISIT,
    .status = TANDEM_STATUS_COMPLETED });
  add_activity (org, &(ActivitySpec) {
    .title = "Open visit at Borealis", .assigner = PRIVACY_SAMI, .performers = PRIVACY_USER_BIT (PRIVACY_SAMI),
    .responsible = -1, .company = org->borealis, .visibility = TANDEM_VISIBILITY_EVERYONE,
    .day = 0, .hour = 3, .minutes = 60, .busy = TRUE, .category = CATEGORY_CUSTOMER_VISIT,
    .status = TANDEM_STATUS_COMPLETED });
  add_activity (org, &(ActivitySpec) {
    .title = "Sales-team visit at Acme", .assigner = PRIVACY_SANNA,
    .performers = PRIVACY_USER_BIT (PRIVACY_SANNA), .responsible = -1, .company = org->acme,
    .visibility = TANDEM_VISIBILITY_GROUPS, .groups = PRIVACY_SALES,
    .day = 0, .hour = 5, .minutes = 60, .busy = TRUE, .category = CATEGORY_CUSTOMER_VISIT,
    .status = TANDEM_STATUS_COMPLETED });
  add_activity (org, &(ActivitySpec) {
    .title = "Cancelled private dinner", .assigner = PRIVACY_OLLI, .performers = PRIVACY_USER_BIT (PRIVACY_OLLI),
    .responsible = -1, .company = org->acme, .visibility = TANDEM_VISIBILITY_PRIVATE,
    .day = 8, .hour = 17, .minutes = 120, .busy = TRUE, .status = TANDEM_STATUS_CANCELLED });
  add_activity (org, &(ActivitySpec) {
    .title = "Admin's own appointment", .assigner = PRIVACY_ADA, .performers = PRIVACY_USER_BIT (PRIVACY_ADA),
    .responsible = -1, .person = org->person_alone, .visibility = TANDEM_VISIBILITY_PRIVATE,
    .day = 8, .hour = 9, .minutes = 60, .busy = TRUE, .reminder = 15 });
  add_activity (org, &(ActivitySpec) {
    .title = "Call the bankrupt", .assigner = PRIVACY_SAMI, .performers = PRIVACY_USER_BIT (PRIVACY_SAMI),
    .responsible = -1, .company = gone, .visibility = TANDEM_VISIBILITY_EVERYONE,
    .day = 8, .hour = 15, .minutes = 30, .busy = TRUE });
  deleted_activity = add_activity (org, &(ActivitySpec) {
    .title = "Planned by mistake", .assigner = PRIVACY_SAMI, .performers = PRIVACY_USER_BIT (PRIVACY_SAMI),
    .responsible = -1, .company = org->borealis, .visibility = TANDEM_VISIBILITY_EVERYONE,
    .day = 8, .hour = 7, .minutes = 30, .busy = TRUE });
  /* Dan is reminded of this one, then taken off it: the reminder he got
   * must not keep showing him what he no longer may see. */
  dropped = add_activity (org, &(ActivitySpec) {
    .title = "Crane inspection", .assigner = PRIVACY_DORA,
    .performers = PRIVACY_USER_BIT (PRIVACY_DORA) | PRIVACY_USER_BIT (PRIVACY_DAN),
    .responsible = -1, .company = org->borealis, .visibility = TANDEM_VISIBILITY_PRIVATE,
    .day = 9, .hour = 14, .minutes = 60, .busy = TRUE, .reminder = 1440 });

  /* Discussion, files and links (D10, D12) */
  add_message (org, PRIVACY_SANNA, busy_private, "Start at 9 sharp");
  add_message (org, PRIVACY_SAMI, visit_public, "Bring the brochure");
  add_message (org, PRIVACY_DORA, delivery_groups, "Forklift needed");
  add_attachment (org, PRIVACY_SANNA, busy_private, TRUE);
  add_attachment (org, PRIVACY_SANNA, busy_private, FALSE);
  add_attachment (org, PRIVACY_SAMI, visit_public, TRUE);
  add_attachment (org, PRIVACY_DORA, weekly, TRUE);

  /* Project tasks (H3, E4) */
  add_task (org, PRIVACY_SANNA, sale_won, "Prepare the offer", PRIVACY_SANNA, TANDEM_VISIBILITY_TEAM, 0);
  add_task (org, PRIVACY_SANNA, sale_won, "Check the margin", PRIVACY_SANNA, TANDEM_VISIBILITY_PRIVATE, 0);
  add_task (org, PRIVACY_SANNA, sale_won, "Sales-team pricing", -1, TANDEM_VISIBILITY_GROUPS, PRIVACY_SALES);
  add_task (org, PRIVACY_OLLI, sale_team, "Board paperwork", PRIVACY_MIA, TANDEM_VISIBILITY_TEAM, 0);
  add_task (org, PRIVACY_DORA, delivery, "Order the crane", PRIVACY_DAN, TANDEM_VISIBILITY_TEAM, 0);
  add_task (org, PRIVACY_DORA, delivery, "Dora's own task", PRIVACY_DORA, TANDEM_VISIBILITY_PRIVATE, 0);
  add_task (org, PRIVACY_DORA, delivery, "Delivery-team task", -1, TANDEM_VISIBILITY_GROUPS, PRIVACY_DELIVERY);
  add_task (org, PRIVACY_DORA, delivery, "Dan's private task", PRIVACY_DAN, TANDEM_VISIBILITY_PRIVATE, 0);

  add_documents (org, sale_won, delivery, busy_private, visit_public);

  /* Timers (D8): sessions on hidden activities must not show in others'
   * time reports */
  act_as (org, PRIVACY_SANNA);
  g_assert_true (tandem_store_start_timer (org->store, busy_private->id, &error));
  act_as (org, PRIVACY_SAMI);
  g_assert_true (tandem_store_start_timer (org->store, visit_public->id, &error));
  act_as (org, PRIVACY_DORA);
  g_assert_true (tandem_store_start_timer (org->store, weekly->id, &error));
  g_assert_no_error (error);
  g_usleep (1100 * 1000);
  for (int u = PRIVACY_SANNA; u <= PRIVACY_DORA; u++)
    if (u != PRIVACY_DAN)
      {
        act_as (org, u);
        g_assert_true (tandem_store_stop_timer (org->store, &error));
        g_assert_no_error (error);
      }

  /* Reminders become notifications (D11) */
  /* The app collects them as time goes by; each evening here */
  for (int day = 7; day <= 11; day++)
    for (int u = 0; u < PRIVACY_N_USERS; u++)
      collect_notifications (org, u, day, 20);
  set_activity_people (org, PRIVACY_DORA, dropped, PRIVACY_USER_BIT (PRIVACY_DORA), TANDEM_VISIBILITY_PRIVATE);

  /* The sale is won and becomes a delivery project; the delivery people
   * join its team but not what was kept to the sales team (E2) */
  act_as (org, PRIVACY_SANNA);
  g_assert_true (tandem_store_close_sale (org->store, sale_won->id, TANDEM_SALE_WON, &error));
  g_assert_no_error (error);
  add_member (org, PRIVACY_SANNA, sale_won, PRIVACY_DORA);
  add_member (org, PRIVACY_SANNA, sale_won, PRIVACY_DAN);
  add_task (org, PRIVACY_DORA, sale_won, "Deliver the press", PRIVACY_DORA, TANDEM_VISIBILITY_TEAM, 0);
  add_note (org, PRIVACY_DORA, sale_won, TANDEM_VISIBILITY_GROUPS, PRIVACY_DELIVERY, "Delivery plan for the press");
  (void) sales_only;

  /* Changes of who sees what are recorded (E2) */
  set_note_visibility (org, PRIVACY_SAMI, note_changed, TANDEM_VISIBILITY_PRIVATE);
  set_activity_people (org, PRIVACY_OLLI, busy_owners,
                       PRIVACY_USER_BIT (PRIVACY_OLLI) | PRIVACY_USER_BIT (PRIVACY_MIA), TANDEM_VISIBILITY_PRIVATE);

  /* Deleted records are out of everyone's sight */
  delete_record (org, PRIVACY_SAMI, deleted_note);
  delete_record (org, PRIVACY_SAMI, deleted_activity);
  delete_record (org, PRIVACY_ADA, gone);
  delete_record (org, PRIVACY_ADA, person_gone);

  (void) vendor;
  (void) open_private;
  (void) hidden_project_call;
  (void) sale_open;
  (void) handover;
  (void) search_private;

  act_as (org, PRIVACY_ADA);
  tandem_store_sign_out (org->store);
  org->signed_in = -1;
}

/* The records on a deleted company are deleted with it in the model. */
static void
propagate_deletion (PrivacyOrg *org)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < org->records->len; i++)
        {
          PrivacyRecord *record = g_ptr_array_index (org->records, i);

          if (record->deleted)
            continue;
          if ((record->parent != NULL && record->parent->deleted && record->kind != PRIVACY_TASK)
              || (record->company != NULL && record->company->deleted))
            {
              /* A project's activities outlive it; its notes and tasks do not */
              record->deleted = TRUE;
              changed = TRUE;
            }
          else if (record->kind == PRIVACY_TASK && record->parent->deleted)
            {
              record->deleted = TRUE;
              changed = TRUE;
            }
        }
    }
}

PrivacyOrg *
privacy_org_build (const char *dir)
{
  g_autoptr(GError) error = NULL;
  PrivacyOrg *org = g_new0 (PrivacyOrg, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) today = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                                    g_date_time_get_day_of_month (now), 0, 0, 0);

  if (dir != NULL)
    {
      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      org->dir = g_strdup (dir);
    }
  else
    {
      org->dir = g_dir_make_tmp ("tandem-privacy-XXXXXX", &error);
      g_assert_no_error (error);
    }
  org->path = g_build_filename (org->dir, "org.db", NULL);
  g_unlink (org->path);
  org->records = g_ptr_array_new_with_free_func ((GDestroyNotify) privacy_record_free);
  org->signed_in = -1;
  org->now = g_date_time_ref (now);
  org->week = g_date_time_add_days (today, 1 - g_date_time_get_day_of_week (today));
  org->from_day = day_string (org, -35);
  org->to_day = day_string (org, 63);

  org->store = tandem_store_open (org->path, &error);
  g_assert_no_error (error);
  build (org);
  propagate_deletion (org);
  return org;
}

void
privacy_org_free (PrivacyOrg *org)
{
  g_clear_object (&org->store);
  g_clear_pointer (&org->records, g_ptr_array_unref);
  g_clear_pointer (&org->now, g_date_time_unref);
  g_clear_pointer (&org->week, g_date_time_unref);
  g_free (org->from_day);
  g_free (org->to_day);
  g_free (org->path);
  g_free (org->dir);
  g_free (org);
}
