/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-error.h"
#include "tandem-store.h"

G_BEGIN_DECLS

/* A realistic organisation for the privacy suite (SPEC E1–E5), built
 * through the store's API only, and beside it the suite's own model of who
 * may see each record. The model is written from the words of SPEC E, not
 * from the store's visibility rule, so that the two can be held against
 * each other: every record's texts carry a marker of its own
 * ("SECRET017") that must appear only where the model lets the reader see
 * the record. */

/* The people of the organisation, by index. */
typedef enum
{
  PRIVACY_ADA,    /* administrator, Management */
  PRIVACY_OLLI,   /* owner, manager, Owners */
  PRIVACY_MIA,    /* sales manager, Sales team */
  PRIVACY_SANNA,  /* seller, Sales team */
  PRIVACY_SAMI,   /* seller, Sales team */
  PRIVACY_DORA,   /* delivery, Delivery team */
  PRIVACY_DAN,    /* delivery, Delivery team */
  PRIVACY_LEO,    /* a user in no group */
  PRIVACY_N_USERS
} PrivacyUserIndex;

/* Groups, as bits */
#define PRIVACY_MANAGEMENT (1u << 0)
#define PRIVACY_OWNERS     (1u << 1)
#define PRIVACY_SALES      (1u << 2)
#define PRIVACY_DELIVERY   (1u << 3)
#define PRIVACY_N_GROUPS   4

#define PRIVACY_USER_BIT(u) (1u << (u))

typedef struct
{
  const char *login;
  const char *name;
  const char *password;
  TandemRole  role;
  guint       groups;
  gint64      id;
} PrivacyUser;

typedef enum
{
  PRIVACY_COMPANY,
  PRIVACY_PERSON,
  PRIVACY_NOTE,
  PRIVACY_ACTIVITY,
  PRIVACY_PROJECT,
  PRIVACY_TASK,
  PRIVACY_DOCUMENT,
  PRIVACY_MESSAGE,       /* in an activity's discussion */
  PRIVACY_ATTACHMENT,    /* a file or link on an activity */
  PRIVACY_SAVED_SEARCH,
  PRIVACY_CAMPAIGN,
  PRIVACY_N_KINDS
} PrivacyKind;

typedef struct _PrivacyRecord PrivacyRecord;

struct _PrivacyRecord
{
  PrivacyKind       kind;
  gint64            id;
  char              marker[16];   /* "SECRET017" */

  /* What the model decides by (SPEC E1) */
  TandemVisibility  visibility;
  guint             groups;       /* chosen groups, PRIVACY_SALES | … */
  int               author;       /* user index, -1 for none */
  int               responsible;  /* activity, task; -1 */
  int               seller;       /* sales project; -1 */
  guint             performers;   /* activity, user bits */
  guint             members;      /* project team, user bits */
  PrivacyRecord    *parent;       /* note, document, message, attachment:
                                   * the record it is on; task: project */
  PrivacyRecord    *company;      /* activity, project: the customer */
  PrivacyRecord    *project;      /* activity: its project */
  gboolean          shared;       /* saved search */
  gboolean          deleted;

  /* What places an activity in time (SPEC E3) */
  gboolean          busy;
  gboolean          open_ended;
  TandemStatus      status;
  GDateTime        *start;        /* UTC */
  GDateTime        *end;
};

typedef struct
{
  char        *dir;
  char        *path;
  TandemStore *store;
  int          signed_in;         /* user index, -1 */
  PrivacyUser  users[PRIVACY_N_USERS];
  gint64       group_ids[PRIVACY_N_GROUPS];
  GPtrArray   *records;           /* PrivacyRecord, in creation order */
  guint        next_marker;

  /* Times: "now" for the read paths, the first day of the calendar week
   * the activities are in (UTC midnight), and the range of the reports */
  GDateTime   *now;
  GDateTime   *week;
  char        *from_day;          /* "YYYY-MM-DD" */
  char        *to_day;

  /* Some records the read paths start from */
  PrivacyRecord *acme;            /* the main customer */
  PrivacyRecord *borealis;
  PrivacyRecord *person_acme;
  PrivacyRecord *person_alone;
  gint64       category_visit;    /* "Customer visit", a sales target */
  gint64       sales_search;      /* a shared saved search */
  gint64       private_search;    /* Sanna's own saved search */
  gint64       campaign_shared;
  gint64       campaign_private;  /* targets a saved search only Sanna sees */
  gint64       product_id;
} PrivacyOrg;

/* Builds the organisation in a new folder (or @dir when not NULL) as
 * "org.db"; the store stays open, signed out. */
PrivacyOrg    *privacy_org_build       (const char      *dir);
void           privacy_org_free        (PrivacyOrg      *org);

/* The model (SPEC E): whether @user may see @record, and whether a record
 * @user may not see still shows as "Busy" in calendars (E3). */
gboolean       privacy_org_sees        (PrivacyOrg      *org,
                                        int              user,
                                        PrivacyRecord   *record);
gboolean       privacy_org_masked_busy (PrivacyOrg      *org,
                                        int              user,
                                        PrivacyRecord   *record);

/* Writes a copy of the database at @twin_path from which every record
 * @user may not see is removed with plain SQL (the ids of the rest stay
 * as they are), except hidden busy activities, which stay with nothing
 * but their times and performers (E3). */
void           privacy_org_write_twin  (PrivacyOrg      *org,
                                        int              user,
                                        const char      *twin_path);

/* Signs the store (any store on an organisation's database) in as @user */
void           privacy_org_sign_in     (PrivacyOrg      *org,
                                        TandemStore     *store,
                                        int              user);

const char    *privacy_kind_to_string  (PrivacyKind      kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrivacyOrg, privacy_org_free)

G_END_DECLS
