/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <sqlite3.h>

#include "tandem-recurrence.h"
#include "tandem-test-db.h"

/* "anna" and "bea" sell (group Sales), "carl" is a user outside it and
 * "mike" a manager; the administrator "admin" is there too. Two companies
 * whose activities everyone may see unless they are made private. */
typedef struct
{
  TestDb  db;
  gint64  anna;
  gint64  bea;
  gint64  carl;
  gint64  mike;
  gint64  sales;
  gint64  virtanen;
  gint64  nowak;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) anna = NULL;
  g_autoptr(TandemUser) bea = NULL;
  g_autoptr(TandemUser) carl = NULL;
  g_autoptr(TandemUser) mike = NULL;

  test_db_setup (&f->db, data);
  f->sales = tandem_store_add_group (f->db.store, "Sales", &error);
  g_assert_no_error (error);
  anna = test_add_user (&f->db, "anna", TANDEM_ROLE_USER, "Sales");
  bea = test_add_user (&f->db, "bea", TANDEM_ROLE_USER, "Sales");
  carl = test_add_user (&f->db, "carl", TANDEM_ROLE_USER, NULL);
  mike = test_add_user (&f->db, "mike", TANDEM_ROLE_MANAGER, "Sales");
  f->anna = tandem_user_get_id (anna);
  f->bea = tandem_user_get_id (bea);
  f->carl = tandem_user_get_id (carl);
  f->mike = tandem_user_get_id (mike);

  f->virtanen = test_add_company (&f->db, "Rautakauppa Virtanen Oy");
  f->nowak = test_add_company (&f->db, "Hurtownia Nowak sp. z o.o.");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  test_db_teardown (&f->db, data);
}

/* Writes to the file with a connection of its own, as another program (or
 * a damaged disk) would. */
static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *conn = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &conn, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (conn, 5000);
  rc = sqlite3_exec (conn, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (conn);
}

static char *
utc_text (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static gint64
local_unix (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

/* A whole hour a few days ahead: a time in the future whatever the clock
 * says, so that nothing about it is "in the past". */
static gint64
future_hour (int days)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  return now - now % 3600 + days * 24 * 3600;
}

typedef struct
{
  const char       *title;
  gint64            company;
  gint64            start;      /* Unix; 0: open-ended */
  gint64            minutes;    /* length */
  TandemVisibility  visibility;
  gint64            performers[3];
  gint64            category;
  TandemStatus      status;
  const char       *rrule;
  int               reminder;   /* minutes before; -1: none */
} Plan;

/* Saves an activity as the signed-in user. */
static gint64
add_activity (Fixture    *f,
              const Plan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) activity = tandem_activity_new (plan->title);
  guint n_performers = 0;
  gint64 id;

  while (n_performers < G_N_ELEMENTS (plan->performers) && plan->performers[n_performers] != 0)
    n_performers++;

  tandem_activity_set_company_id (activity, plan->company);
  if (plan->start != 0)
    {
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (plan->start);
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, plan->minutes ? plan->minutes : 60);

      tandem_activity_set_times (activity, start, end);
    }
  else
    tandem_activity_set_open_ended (activity, TRUE);
  tandem_activity_set_visibility (activity, plan->visibility);
  if (plan->visibility == TANDEM_VISIBILITY_GROUPS)
    tandem_activity_set_group_ids (activity, &f->sales, 1);
  tandem_activity_set_performer_ids (activity, plan->performers, n_performers);
  tandem_activity_set_category_id (activity, plan->category);
  tandem_activity_set_status (activity, plan->status);
  tandem_activity_set_rrule (activity, plan->rrule);
  if (plan->reminder >= 0)
    {
      TandemReminder reminder = { plan->reminder, TANDEM_CHANNEL_APP };

      tandem_activity_set_reminders (activity, &reminder, 1);
    }

  id = tandem_store_save_activity (f->db.store, activity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* D10 */

static void
test_discussion (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 open, hidden, first, second;
  TandemMessage *message;

  test_sign_in (&f->db, "anna");
  open = add_activity (f, &(Plan) { "Offer follow-up", f->virtanen, future_hour (2), 30,
                                    TANDEM_VISIBILITY_EVERYONE, { f->anna, f->bea }, .reminder = -1 });
  hidden = add_activity (f, &(Plan) { "Salary talk", f->virtanen, future_hour (3), 30,
                                      TANDEM_VISIBILITY_PRIVATE, { f->anna }, .reminder = -1 });

  first = tandem_store_add_message (f->db.store, open, "  Shall we send the offer today?  ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);

  /* An empty message is refused. */
  g_assert_cmpint (tandem_store_add_message (f->db.store, open, " \n ", &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);

  test_sign_in (&f->db, "bea");
  second = tandem_store_add_message (f->db.store, open, "Yes, I will call them at ten.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, first);

  /* Carl sees the activity and reads the discussion, oldest first, each
   * message with its author and time ... */
  test_sign_in (&f->db, "carl");
  messages = tandem_store_list_messages (f->db.store, open, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 2);
  message = g_ptr_array_index (messages, 0);
  g_assert_cmpint (tandem_message_get_id (message), ==, first);
  g_assert_cmpstr (tandem_message_get_body (message), ==, "Shall we send the offer today?");
  g_assert_cmpint (tandem_message_get_author_id (message), ==, f->anna);
  g_assert_cmpstr (tandem_message_get_author_name (message), ==, "anna");
  message = g_ptr_array_index (messages, 1);
  g_assert_cmpstr (tandem_message_get_body (message), ==, "Yes, I will call them at ten.");
  g_assert_cmpstr (tandem_message_get_author_name (message), ==, "bea");
  for (guint i = 0; i < messages->len; i++)
    {
      const char *stamp = tandem_message_get_created_at (g_ptr_array_index (messages, i));
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (stamp, NULL);

      g_assert_nonnull (at);
      g_assert_true (g_str_has_suffix (stamp, "Z"));
      g_assert_cmpint (g_date_time_to_unix (at), >=, before);
      g_assert_cmpint (g_date_time_to_unix (at), <=, before + 60);
    }

  /* ... but he neither assigned nor performs it: he cannot write. */
  g_assert_cmpint (tandem_store_add_message (f->db.store, open, "Me too", &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);

  /* Anna's private activity does not exist for him. */
  g_assert_null (tandem_store_list_messages (f->db.store, hidden, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_add_message (f->db.store, hidden, "Hello?", &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing was stored by the refused attempts. */
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count(*) FROM activity_messages"), ==, 2);
}

/* D8 */

static void
set_last_session (Fixture *f,
                  gint64   started,
                  gint64   seconds)
{
  g_autofree char *from = utc_text (started);
  g_autofree char *until = utc_text (started + seconds);
  g_autofree char *sql = g_strdup_printf ("UPDATE activity_timers SET started_at = '%s', stopped_at = '%s'"
                                          " WHERE id = (SELECT max (id) FROM activity_timers)",
                                          from, until);

  sql_exec (f->db.path, sql);
}

/* One stopwatch session of @login on @activity: started and stopped
 * through the store, then dated. */
static void
add_session (Fixture    *f,
             const char *login,
             gint64      activity,
             gint64      started,
             gint64      seconds)
{
  g_autoptr(GError) error = NULL;

  test_sign_in (&f->db, login);
  g_assert_true (tandem_store_start_timer (f->db.store, activity, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_store_stop_timer (f->db.store, &error));
  g_assert_no_error (error);
  set_last_session (f, started, seconds);
}

static void
test_timers (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) started = NULL;
  gint64 visit, call, tracked, now;

  test_sign_in (&f->db, "anna");
  visit = add_activity (f, &(Plan) { "Customer visit", f->virtanen, future_hour (2), 120,
                                     TANDEM_VISIBILITY_EVERYONE, { f->anna, f->bea }, .reminder = -1 });
  call = add_activity (f, &(Plan) { "Call back", f->nowak, future_hour (3), 15,
                                    TANDEM_VISIBILITY_EVERYONE, { f->anna }, .reminder = -1 });

  g_assert_cmpint (tandem_store_get_running_timer (f->db.store, NULL, &error), ==, 0);
  g_assert_no_error (error);

  /* Nothing to stop yet. */
  g_assert_false (tandem_store_stop_timer (f->db.store, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);

  /* Starting on another activity stops the first one. */
  g_assert_true (tandem_store_start_timer (f->db.store, visit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_store_get_running_timer (f->db.store, NULL, &error), ==, visit);
  g_assert_true (tandem_store_start_timer (f->db.store, call, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_store_get_running_timer (f->db.store, NULL, &error), ==, call);
  g_assert_cmpint (test_sql_int (f->db.path,
                                 "SELECT count(*) FROM activity_timers WHERE stopped_at IS NULL"), ==, 1);
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count(*) FROM activity_timers"), ==, 2);
  g_assert_true (tandem_store_stop_timer (f->db.store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_store_get_running_timer (f->db.store, NULL, &error), ==, 0);

  /* Sessions add up across sessions and performers. */
  sql_exec (f->db.path, "DELETE FROM activity_timers");
  add_session (f, "anna", visit, local_unix (2026, 11, 2, 9, 0), 25 * 60);
  add_session (f, "anna", visit, local_unix (2026, 11, 3, 14, 0), 50 * 60);
  add_session (f, "bea", visit, local_unix (2026, 11, 3, 14, 5), 40 * 60);
  add_session (f, "anna", call, local_unix (2026, 11, 4, 8, 0), 7 * 60);
  tracked = tandem_store_get_tracked_seconds (f->db.store, visit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tracked, ==, (25 + 50 + 40) * 60);
  g_assert_cmpint (tandem_store_get_tracked_seconds (f->db.store, call, &error), ==, 7 * 60);

  /* Only performers time an activity. */
  test_sign_in (&f->db, "carl");
  g_assert_false (tandem_store_start_timer (f->db.store, visit, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_get_running_timer (f->db.store, NULL, &error), ==, 0);

  /* A running timer is kept in the database: it survives closing the
   * app, and counts up to now. */
  test_sign_in (&f->db, "bea");
  g_assert_true (tandem_store_start_timer (f->db.store, visit, &error));
  g_assert_no_error (error);
  now = g_get_real_time () / G_USEC_PER_SEC;
  {
    g_autofree char *hour_ago = utc_text (now - 3600);
    g_autofree char *sql = g_strdup_printf ("UPDATE activity_timers SET started_at = '%s'"
                                            " WHERE stopped_at IS NULL", hour_ago);

    sql_exec (f->db.path, sql);
  }
  test_db_reopen (&f->db);
  test_sign_in (&f->db, "bea");
  g_assert_cmpint (tandem_store_get_running_timer (f->db.store, &started, &error), ==, visit);
  g_assert_no_error (error);
  g_assert_nonnull (started);
  g_assert_cmpint (g_date_time_to_unix (started), ==, now - 3600);
  tracked = tandem_store_get_tracked_seconds (f->db.store, visit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tracked, >=, (25 + 50 + 40) * 60 + 3600);
  g_assert_cmpint (tracked, <, (25 + 50 + 40) * 60 + 3600 + 120);

  /* Anna's timer is hers: she has none running. */
  test_sign_in (&f->db, "anna");
  g_assert_cmpint (tandem_store_get_running_timer (f->db.store, NULL, &error), ==, 0);
  g_assert_false (tandem_store_stop_timer (f->db.store, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
}

typedef struct
{
  const char *login;
  int         activity;   /* index into the fixture's activities */
  int         month;
  int         day;
  int         hour;
  gint64      seconds;
} Session;

static void
assert_report (GPtrArray  *rows,
               GHashTable *expected)
{
  g_assert_cmpuint (rows->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      TandemReportRow *row = g_ptr_array_index (rows, i);
      gpointer value;

      g_assert_true (g_hash_table_lookup_extended (expected, tandem_report_row_get_key (row), NULL, &value));
      g_assert_cmpint (tandem_report_row_get_value (row), ==, GPOINTER_TO_SIZE (value));
    }
}

static void
add_expected (GHashTable *expected,
              char       *key,
              gint64      seconds)
{
  gsize sum = GPOINTER_TO_SIZE (g_hash_table_lookup (expected, key));

  g_hash_table_insert (expected, key, GSIZE_TO_POINTER (sum + seconds));
}

static GPtrArray *
time_report (Fixture      *f,
             TandemTimeBy  by)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_local (2026, 10, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_local (2026, 12, 1, 0, 0, 0);
  GPtrArray *rows = tandem_store_time_report (f->db.store, by, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
test_time_report (Fixture       *f,
                  gconstpointer  data)
{
  /* 0 Virtanen, 1 Nowak, 2 no company, 3 Carl's private one with Bea */
  gint64 activities[4];
  const Session sessions[] = {
    { "anna", 0, 10, 30, 10, 3600 },
    { "anna", 1, 11, 2, 9, 1800 },
    { "bea", 1, 11, 2, 12, 900 },
    { "bea", 2, 11, 20, 8, 2700 },
    { "anna", 0, 11, 26, 15, 1200 },
    { "carl", 3, 11, 10, 10, 7200 },
    { "bea", 3, 11, 11, 10, 600 },
    { "anna", 0, 12, 3, 10, 600 },    /* after the report's range */
    { "bea", 2, 9, 28, 10, 500 },     /* before it */
  };
  const char *readers[] = { "anna", "bea", "admin" };
  TandemTimeBy bys[] = { TANDEM_TIME_BY_USER, TANDEM_TIME_BY_COMPANY, TANDEM_TIME_BY_MONTH,
                         TANDEM_TIME_BY_WEEK, TANDEM_TIME_BY_PROJECT };

  test_sign_in (&f->db, "anna");
  activities[0] = add_activity (f, &(Plan) { "Stock count", f->virtanen, future_hour (2), 60,
                                             TANDEM_VISIBILITY_EVERYONE, { f->anna }, .reminder = -1 });
  activities[1] = add_activity (f, &(Plan) { "Price talks", f->nowak, future_hour (3), 60,
                                             TANDEM_VISIBILITY_EVERYONE, { f->anna, f->bea }, .reminder = -1 });
  test_sign_in (&f->db, "bea");
  activities[2] = add_activity (f, &(Plan) { "Catalogue", 0, future_hour (4), 60,
                                             TANDEM_VISIBILITY_EVERYONE, { f->bea }, .reminder = -1 });
  test_sign_in (&f->db, "carl");
  activities[3] = add_activity (f, &(Plan) { "Secret bid", f->virtanen, future_hour (5), 60,
                                             TANDEM_VISIBILITY_PRIVATE, { f->carl, f->bea }, .reminder = -1 });

  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    add_session (f, sessions[i].login, activities[sessions[i].activity],
                 local_unix (2026, sessions[i].month, sessions[i].day, sessions[i].hour, 0),
                 sessions[i].seconds);

  for (guint r = 0; r < G_N_ELEMENTS (readers); r++)
    {
      test_sign_in (&f->db, readers[r]);

      for (guint b = 0; b < G_N_ELEMENTS (bys); b++)
        {
          g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_autoptr(GPtrArray) rows = time_report (f, bys[b]);

          for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
            {
              const Session *s = &sessions[i];
              gint64 start = local_unix (2026, s->month, s->day, s->hour, 0);
              g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (start);
              g_autoptr(GError) error = NULL;
              g_autoptr(TandemActivity) activity = NULL;
              char *key = NULL;

              if (s->month < 10 || s->month > 11)
                continue;
              /* Counted only when the reader may see the activity. */
              activity = tandem_store_get_activity (f->db.store, activities[s->activity], &error);
              if (activity == NULL)
                {
                  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
                  continue;
                }

              switch (bys[b])
                {
                case TANDEM_TIME_BY_USER:
                  key = g_strdup (s->login);
                  break;
                case TANDEM_TIME_BY_COMPANY:
                  key = s->activity == 2 ? g_strdup ("")
                        : g_strdup_printf ("%" G_GINT64_FORMAT, s->activity == 1 ? f->nowak : f->virtanen);
                  break;
                case TANDEM_TIME_BY_MONTH:
                  key = g_strdup_printf ("2026-%02d", s->month);
                  break;
                case TANDEM_TIME_BY_WEEK:
                  key = g_strdup_printf ("2026-W%02d", g_date_time_get_week_of_year (local));
                  break;
                case TANDEM_TIME_BY_PROJECT:
                default:
                  key = g_strdup ("");
                  break;
                }
              add_expected (expected, key, s->seconds);
            }
          assert_report (rows, expected);

          /* Sorted by key. */
          for (guint i = 1; i < rows->len; i++)
            if (bys[b] != TANDEM_TIME_BY_COMPANY)
              g_assert_cmpstr (tandem_report_row_get_key (g_ptr_array_index (rows, i - 1)), <,
                               tandem_report_row_get_key (g_ptr_array_index (rows, i)));
            else
              g_assert_cmpint (tandem_report_row_get_key_id (g_ptr_array_index (rows, i - 1)), <,
                               tandem_report_row_get_key_id (g_ptr_array_index (rows, i)));
        }
    }

  /* What Anna reads: Carl's private bid leaves no trace, not even in
   * Bea's total or Virtanen's. */
  test_sign_in (&f->db, "anna");
  {
    g_autoptr(GPtrArray) by_user = time_report (f, TANDEM_TIME_BY_USER);
    g_autoptr(GPtrArray) by_company = time_report (f, TANDEM_TIME_BY_COMPANY);
    g_autoptr(GPtrArray) by_month = time_report (f, TANDEM_TIME_BY_MONTH);
    TandemReportRow *row;

    g_assert_cmpuint (by_user->len, ==, 2);
    row = g_ptr_array_index (by_user, 0);
    g_assert_cmpstr (tandem_report_row_get_key (row), ==, "anna");
    g_assert_cmpstr (tandem_report_row_get_label (row), ==, "anna");
    g_assert_cmpint (tandem_report_row_get_key_id (row), ==, f->anna);
    g_assert_cmpint (tandem_report_row_get_value (row), ==, 3600 + 1800 + 1200);
    row = g_ptr_array_index (by_user, 1);
    g_assert_cmpstr (tandem_report_row_get_key (row), ==, "bea");
    g_assert_cmpint (tandem_report_row_get_value (row), ==, 900 + 2700);

    g_assert_cmpuint (by_company->len, ==, 3);
    row = g_ptr_array_index (by_company, 0);
    g_assert_cmpstr (tandem_report_row_get_key (row), ==, "");
    g_assert_cmpstr (tandem_report_row_get_label (row), ==, "No company");
    g_assert_cmpint (tandem_report_row_get_value (row), ==, 2700);
    row = g_ptr_array_index (by_company, 1);
    g_assert_cmpstr (tandem_report_row_get_label (row), ==, "Rautakauppa Virtanen Oy");
    g_assert_cmpint (tandem_report_row_get_value (row), ==, 3600 + 1200);
    row = g_ptr_array_index (by_company, 2);
    g_assert_cmpstr (tandem_report_row_get_label (row), ==, "Hurtownia Nowak sp. z o.o.");
    g_assert_cmpint (tandem_report_row_get_value (row), ==, 1800 + 900);

    g_assert_cmpuint (by_month->len, ==, 2);
    row = g_ptr_array_index (by_month, 0);
    g_assert_cmpstr (tandem_report_row_get_key (row), ==, "2026-10");
    g_assert_cmpstr (tandem_report_row_get_label (row), ==, "October 2026");
    g_assert_cmpint (tandem_report_row_get_value (row), ==, 3600);
    row = g_ptr_array_index (by_month, 1);
    g_assert_cmpint (tandem_report_row_get_value (row), ==, 1800 + 900 + 2700 + 1200);
  }
  {
    g_autoptr(GPtrArray) by_week = time_report (f, TANDEM_TIME_BY_WEEK);
    TandemReportRow *row = g_ptr_array_index (by_week, 0);

    /* Friday 30 October 2026 is in ISO week 44. */
    g_assert_cmpstr (tandem_report_row_get_key (row), ==, "2026-W44");
    g_assert_cmpstr (tandem_report_row_get_label (row), ==, "Week 44, 2026");
  }

  /* Bea performs the bid: in her report, her time on it counts. */
  test_sign_in (&f->db, "bea");
  {
    g_autoptr(GPtrArray) by_user = time_report (f, TANDEM_TIME_BY_USER);

    g_assert_cmpuint (by_user->len, ==, 3);
    g_assert_cmpint (tandem_report_row_get_value (g_ptr_array_index (by_user, 1)), ==, 900 + 2700 + 600);
    g_assert_cmpstr (tandem_report_row_get_key (g_ptr_array_index (by_user, 2)), ==, "carl");
    g_assert_cmpint (tandem_report_row_get_value (g_ptr_array_index (by_user, 2)), ==, 7200);
  }
}

/* D11 */

static GPtrArray *
collect_at (Fixture *f,
            gint64   now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (now);
  GPtrArray *created = tandem_store_collect_notifications (f->db.store, dt, &error);

  g_assert_no_error (error);
  g_assert_nonnull (created);
  return created;
}

static guint
count_unread (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  guint count = tandem_store_count_unread_notifications (f->db.store, &error);

  g_assert_no_error (error);
  return count;
}

static void
test_reminder_fires_once (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 start = future_hour (2);
  gint64 call, other;
  TandemNotification *notification;

  test_sign_in (&f->db, "anna");
  call = add_activity (f, &(Plan) { "Call Virtanen", f->virtanen, start, 30,
                                    TANDEM_VISIBILITY_EVERYONE, { f->anna }, .reminder = 15 });
  /* Bea's: a reminder for her, not for Anna. */
  other = add_activity (f, &(Plan) { "Bea's call", f->nowak, start, 30,
                                     TANDEM_VISIBILITY_EVERYONE, { f->bea }, .reminder = 15 });
  g_assert_cmpint (other, >, 0);

  /* Not before its time ... */
  {
    g_autoptr(GPtrArray) created = collect_at (f, start - 16 * 60);

    g_assert_cmpuint (created->len, ==, 0);
    g_assert_cmpuint (count_unread (f), ==, 0);
  }
  /* ... at 15 minutes before the start ... */
  {
    g_autoptr(GPtrArray) created = collect_at (f, start - 15 * 60);

    g_assert_cmpuint (created->len, ==, 1);
    notification = g_ptr_array_index (created, 0);
    g_assert_cmpint (tandem_notification_get_activity_id (notification), ==, call);
    g_assert_cmpstr (tandem_notification_get_title (notification), ==, "Call Virtanen");
    g_assert_cmpint (tandem_notification_get_occurrence_start (notification), ==, start);
    g_assert_cmpint (tandem_notification_get_fire_at (notification), ==, start - 15 * 60);
    g_assert_false (tandem_notification_get_is_read (notification));
  }
  /* ... and once. */
  {
    g_autoptr(GPtrArray) again = collect_at (f, start - 10 * 60);
    g_autoptr(GPtrArray) later = collect_at (f, start + 3600);

    g_assert_cmpuint (again->len, ==, 0);
    g_assert_cmpuint (later->len, ==, 0);
  }

  list = tandem_store_list_notifications (f->db.store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  notification = g_ptr_array_index (list, 0);
  g_assert_cmpstr (tandem_notification_get_title (notification), ==, "Call Virtanen");
  g_assert_cmpuint (count_unread (f), ==, 1);

  g_assert_true (tandem_store_mark_notifications_read (f->db.store, tandem_notification_get_id (notification),
                                                       &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_unread (f), ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tandem_store_list_notifications (f->db.store, 0, &error);
  g_assert_true (tandem_notification_get_is_read (g_ptr_array_index (list, 0)));

  /* Bea gets hers, and marking all read marks only hers. */
  test_sign_in (&f->db, "bea");
  {
    g_autoptr(GPtrArray) created = collect_at (f, start - 5 * 60);

    g_assert_cmpuint (created->len, ==, 1);
    g_assert_cmpint (tandem_notification_get_activity_id (g_ptr_array_index (created, 0)), ==, other);
  }
  g_assert_cmpuint (count_unread (f), ==, 1);

  /* Another one of Anna's, at its start, to see "mark all". */
  test_sign_in (&f->db, "anna");
  add_activity (f, &(Plan) { "Stand-up", 0, start + 3600, 15,
                             TANDEM_VISIBILITY_EVERYONE, { f->anna }, .reminder = 0 });
  {
    g_autoptr(GPtrArray) created = collect_at (f, start + 3600 - 1);

    g_assert_cmpuint (created->len, ==, 0);
  }
  {
    g_autoptr(GPtrArray) created = collect_at (f, start + 3600);

    g_assert_cmpuint (created->len, ==, 1);
  }
  g_assert_cmpuint (count_unread (f), ==, 1);
  g_assert_true (tandem_store_mark_notifications_read (f->db.store, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_unread (f), ==, 0);
  test_sign_in (&f->db, "bea");
  g_assert_cmpuint (count_unread (f), ==, 1);

  /* Newest first, and a limit. */
  test_sign_in (&f->db, "anna");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tandem_store_list_notifications (f->db.store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (tandem_notification_get_title (g_ptr_array_index (list, 0)), ==, "Stand-up");
}

static void
test_reminder_recurring (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start = future_hour (2);
  const gint64 day = 24 * 3600;
  gint64 daily;

  test_sign_in (&f->db, "anna");
  daily = add_activity (f, &(Plan) { "Morning call", 0, start, 15, TANDEM_VISIBILITY_EVERYONE,
                                     { f->anna }, .rrule = "FREQ=DAILY;COUNT=5", .reminder = 15 });

  {
    g_autoptr(GPtrArray) created = collect_at (f, start - 15 * 60);

    g_assert_cmpuint (created->len, ==, 1);
    g_assert_cmpint (tandem_notification_get_activity_id (g_ptr_array_index (created, 0)), ==, daily);
    g_assert_cmpint (tandem_notification_get_occurrence_start (g_ptr_array_index (created, 0)), ==, start);
  }
  /* The next day's occurrence has its own reminder, at its own time. */
  {
    g_autoptr(GPtrArray) early = collect_at (f, start + day - 16 * 60);
    g_autoptr(GPtrArray) created = collect_at (f, start + day - 15 * 60);

    g_assert_cmpuint (early->len, ==, 0);
    g_assert_cmpuint (created->len, ==, 1);
    g_assert_cmpint (tandem_notification_get_occurrence_start (g_ptr_array_index (created, 0)), ==,
                     start + day);
    g_assert_cmpstr (tandem_notification_get_title (g_ptr_array_index (created, 0)), ==, "Morning call");
  }
  /* Away for the third day: it is caught up with the fourth, in order. */
  {
    g_autoptr(GPtrArray) created = collect_at (f, start + 3 * day - 10 * 60);

    g_assert_cmpuint (created->len, ==, 2);
    g_assert_cmpint (tandem_notification_get_occurrence_start (g_ptr_array_index (created, 0)), ==,
                     start + 2 * day);
    g_assert_cmpint (tandem_notification_get_occurrence_start (g_ptr_array_index (created, 1)), ==,
                     start + 3 * day);
  }
  /* The series ends after five. */
  {
    g_autoptr(GPtrArray) fifth = collect_at (f, start + 4 * day);
    g_autoptr(GPtrArray) sixth = collect_at (f, start + 5 * day);

    g_assert_cmpuint (fifth->len, ==, 1);
    g_assert_cmpuint (sixth->len, ==, 0);
  }
  g_assert_cmpuint (count_unread (f), ==, 5);
}

static gboolean
has_notification (GPtrArray  *notifications,
                  const char *title)
{
  for (guint i = 0; i < notifications->len; i++)
    if (g_str_equal (tandem_notification_get_title (g_ptr_array_index (notifications, i)), title))
      return TRUE;
  return FALSE;
}

static void
test_reminder_hidden (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) fair = NULL;
  g_autoptr(TandemActivity) seen_by_carl = NULL;
  gint64 start = future_hour (2);
  gint64 shared, group_only;
  gboolean carl_sees_group;

  /* A private activity of Bea's that nobody else performs: hers alone. */
  test_sign_in (&f->db, "bea");
  add_activity (f, &(Plan) { "Dentist", 0, start, 60, TANDEM_VISIBILITY_PRIVATE, { 0 }, .reminder = 15 });

  test_sign_in (&f->db, "anna");
  shared = add_activity (f, &(Plan) { "Trade fair", f->virtanen, start, 60, TANDEM_VISIBILITY_EVERYONE,
                                      { f->anna, f->carl }, .reminder = 15 });
  /* Restricted to Sales, which Carl is not in, though he performs it:
   * whether he is reminded follows whether he may see it. */
  group_only = add_activity (f, &(Plan) { "Sales meeting", 0, start, 60, TANDEM_VISIBILITY_GROUPS,
                                          { f->anna, f->carl }, .reminder = 15 });

  test_sign_in (&f->db, "carl");
  seen_by_carl = tandem_store_get_activity (f->db.store, group_only, &error);
  carl_sees_group = seen_by_carl != NULL;
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) created = collect_at (f, start - 15 * 60);

    g_assert_true (has_notification (created, "Trade fair"));
    g_assert_cmpint (has_notification (created, "Sales meeting"), ==, carl_sees_group);
    g_assert_false (has_notification (created, "Dentist"));
    g_assert_cmpuint (created->len, ==, carl_sees_group ? 2 : 1);
  }
  g_assert_cmpuint (count_unread (f), ==, carl_sees_group ? 2 : 1);

  /* Bea is reminded of her own; she does not perform Anna's. */
  test_sign_in (&f->db, "bea");
  {
    g_autoptr(GPtrArray) created = collect_at (f, start - 15 * 60);

    g_assert_cmpuint (created->len, ==, 1);
    g_assert_true (has_notification (created, "Dentist"));
  }

  /* Anna takes the fair over and makes it private: Carl's notification
   * of it goes with it, from the list and from the count. */
  test_sign_in (&f->db, "anna");
  fair = tandem_store_get_activity (f->db.store, shared, &error);
  g_assert_no_error (error);
  tandem_activity_set_performer_ids (fair, &f->anna, 1);
  tandem_activity_set_visibility (fair, TANDEM_VISIBILITY_PRIVATE);
  tandem_store_save_activity (f->db.store, fair, &error);
  g_assert_no_error (error);

  test_sign_in (&f->db, "carl");
  {
    g_autoptr(GPtrArray) list = tandem_store_list_notifications (f->db.store, 0, &error);
    g_autoptr(GPtrArray) created = collect_at (f, start - 5 * 60);

    g_assert_no_error (error);
    g_assert_false (has_notification (list, "Trade fair"));
    g_assert_cmpuint (list->len, ==, carl_sees_group ? 1 : 0);
    g_assert_cmpuint (created->len, ==, 0);
  }
  g_assert_cmpuint (count_unread (f), ==, carl_sees_group ? 1 : 0);

  /* A deleted activity takes its notifications out of sight too, and
   * Undo brings them back. */
  if (carl_sees_group)
    {
      test_sign_in (&f->db, "anna");
      g_assert_true (tandem_store_delete (f->db.store, TANDEM_KIND_ACTIVITY, group_only, &error));
      g_assert_no_error (error);
      test_sign_in (&f->db, "carl");
      g_assert_cmpuint (count_unread (f), ==, 0);
      {
        g_autoptr(GPtrArray) list = tandem_store_list_notifications (f->db.store, 0, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (list->len, ==, 0);
      }
      test_sign_in (&f->db, "anna");
      g_assert_true (tandem_store_restore (f->db.store, TANDEM_KIND_ACTIVITY, group_only, &error));
      g_assert_no_error (error);
      test_sign_in (&f->db, "carl");
      g_assert_cmpuint (count_unread (f), ==, 1);
    }

  /* Marking it read by its id is as if it did not exist. */
  {
    gint64 hidden_id = test_sql_int (f->db.path,
                                     "SELECT n.id FROM notifications n JOIN activities a ON a.id = n.activity_id"
                                     " WHERE a.title = 'Trade fair'");

    g_assert_false (tandem_store_mark_notifications_read (f->db.store, hidden_id, &error));
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
}

/* D12: links on an activity; its files are documents on it (G1) */

static void
test_attachments (Fixture       *f,
                  gconstpointer  data)
{
  static const char content[] = "Dear customer,\nplease find our offer below.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (content, strlen (content));
  g_autoptr(GBytes) empty_bytes = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) read_back = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *expected_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
  gint64 open, hidden, link, bare, file, empty, secret;
  TandemAttachment *attachment;
  TandemDocument *document;

  test_sign_in (&f->db, "anna");
  open = add_activity (f, &(Plan) { "Offer", f->virtanen, future_hour (2), 60,
                                    TANDEM_VISIBILITY_EVERYONE, { f->anna, f->bea }, .reminder = -1 });
  hidden = add_activity (f, &(Plan) { "Private offer", f->virtanen, future_hour (3), 60,
                                      TANDEM_VISIBILITY_PRIVATE, { f->anna }, .reminder = -1 });

  link = tandem_store_add_activity_link (f->db.store, open, "Price list",
                                         " https://example.com/prices.pdf ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (link, >, 0);
  /* An address as people type it; no title: the address is the title. */
  bare = tandem_store_add_activity_link (f->db.store, open, "  ", "www.example.com/catalogue", &error);
  g_assert_no_error (error);
  file = tandem_store_add_document (f->db.store, TANDEM_KIND_ACTIVITY, open, "/home/anna/offer.txt", "text/plain",
                                    bytes, NULL, TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error);
  g_assert_no_error (error);
  empty = tandem_store_add_document (f->db.store, TANDEM_KIND_ACTIVITY, open, "empty.txt", NULL,
                                     empty_bytes, NULL, TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (empty, >, 0);

  /* Refused, with nothing stored. */
  g_assert_cmpint (tandem_store_add_activity_link (f->db.store, open, "Nothing", " ", &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_add_activity_link (f->db.store, open, "Trap", "javascript:alert(1)", &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_add_activity_link (f->db.store, open, "Words", "see the folder", &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_add_document (f->db.store, TANDEM_KIND_ACTIVITY, open, " ", NULL, bytes, NULL,
                                              TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  /* Only on saved activities. */
  g_assert_cmpint (tandem_store_add_activity_link (f->db.store, 0, "x", "https://example.com", &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count(*) FROM activity_attachments"), ==, 2);
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count(*) FROM documents"), ==, 2);

  list = tandem_store_list_attachments (f->db.store, open, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  attachment = g_ptr_array_index (list, 0);
  g_assert_cmpint (tandem_attachment_get_id (attachment), ==, link);
  g_assert_false (tandem_attachment_get_is_file (attachment));
  g_assert_cmpstr (tandem_attachment_get_title (attachment), ==, "Price list");
  g_assert_cmpstr (tandem_attachment_get_url (attachment), ==, "https://example.com/prices.pdf");
  attachment = g_ptr_array_index (list, 1);
  g_assert_cmpint (tandem_attachment_get_id (attachment), ==, bare);
  g_assert_cmpstr (tandem_attachment_get_url (attachment), ==, "https://www.example.com/catalogue");
  g_assert_cmpstr (tandem_attachment_get_title (attachment), ==, "https://www.example.com/catalogue");

  g_clear_pointer (&list, g_ptr_array_unref);
  list = tandem_store_list_documents_of (f->db.store, TANDEM_KIND_ACTIVITY, open, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  document = g_ptr_array_index (list, 1);
  g_assert_cmpint (tandem_record_get_id (TANDEM_RECORD (document)), ==, file);
  g_assert_cmpstr (tandem_document_get_title (document), ==, "offer.txt");
  g_assert_cmpstr (tandem_document_get_content_type (document), ==, "text/plain");
  g_assert_cmpint (tandem_document_get_size (document), ==, strlen (content));
  g_assert_cmpstr (tandem_document_get_sha256 (document), ==, expected_sha);
  g_assert_cmpstr (tandem_document_get_parent_name (document), ==, "Offer");
  document = g_ptr_array_index (list, 0);
  g_assert_cmpint (tandem_document_get_size (document), ==, 0);
  g_assert_nonnull (tandem_document_get_content_type (document));

  read_back = tandem_store_read_document (f->db.store, file, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read_back, bytes));
  g_clear_pointer (&read_back, g_bytes_unref);
  read_back = tandem_store_read_document (f->db.store, empty, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (read_back), ==, 0);
  g_clear_pointer (&read_back, g_bytes_unref);

  secret = tandem_store_add_document (f->db.store, TANDEM_KIND_ACTIVITY, hidden, "bid.txt", NULL, bytes, NULL,
                                      TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error);
  g_assert_no_error (error);

  /* Carl sees the open activity's links and files, and nothing of the
   * private one's. */
  test_sign_in (&f->db, "carl");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tandem_store_list_attachments (f->db.store, open, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tandem_store_list_documents_of (f->db.store, TANDEM_KIND_ACTIVITY, open, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_null (tandem_store_list_attachments (f->db.store, hidden, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tandem_store_list_documents_of (f->db.store, TANDEM_KIND_ACTIVITY, hidden, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_null (tandem_store_read_document (f->db.store, secret, 0, NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tandem_store_delete_attachment (f->db.store, link + 1000, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_add_activity_link (f->db.store, hidden, "x", "https://example.com", &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Only who attached it, the assigner or an administrator removes one. */
  g_assert_false (tandem_store_delete_attachment (f->db.store, link, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  test_sign_in (&f->db, "bea");
  g_assert_false (tandem_store_delete_attachment (f->db.store, link, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  test_sign_in (&f->db, TEST_ADMIN_LOGIN);
  g_assert_true (tandem_store_delete_attachment (f->db.store, bare, &error));
  g_assert_no_error (error);

  test_sign_in (&f->db, "anna");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tandem_store_list_attachments (f->db.store, open, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (tandem_attachment_get_id (g_ptr_array_index (list, 0)), ==, link);
}

/* D20 */

#define CATEGORY_LEAD           32
#define CATEGORY_CUSTOMER_VISIT 34
#define CATEGORY_PHONE_CALL     35
#define GOAL_MAKE_AN_OFFER      42
#define PRIORITY_HIGH           53

static gint64
add_done (Fixture          *f,
          const char       *title,
          gint64            category,
          gint64            start,
          TandemStatus      status,
          TandemVisibility  visibility,
          gint64            performer1,
          gint64            performer2)
{
  return add_activity (f, &(Plan) { title, f->virtanen, start, 60, visibility,
                                    { performer1, performer2 }, category, status, .reminder = -1 });
}

static TandemTargetProgress *
find_progress (GPtrArray *progress,
               gint64     category)
{
  for (guint i = 0; i < progress->len; i++)
    if (tandem_target_progress_get_category_id (g_ptr_array_index (progress, i)) == category)
      return g_ptr_array_index (progress, i);
  return NULL;
}

static GPtrArray *
progress_of (Fixture   *f,
             gint64     user,
             GDateTime *now)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *progress = tandem_store_list_target_progress (f->db.store, user, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (progress);
  return progress;
}

static void
test_sales_targets (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* Wednesday; its week is Monday 16 to Sunday 22 November. */
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 18, 12, 0, 0);
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(TandemActivity) private_seen = NULL;
  gint64 private_visit;
  TandemTargetProgress *visits, *leads;
  guint mike_sees_private;

  test_sign_in (&f->db, "anna");
  add_done (f, "Visit Monday", CATEGORY_CUSTOMER_VISIT, local_unix (2026, 11, 16, 10, 0),
            TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_EVERYONE, f->anna, 0);
  add_done (f, "Visit Sunday evening", CATEGORY_CUSTOMER_VISIT, local_unix (2026, 11, 22, 20, 0),
            TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_EVERYONE, f->anna, f->bea);
  private_visit = add_done (f, "Visit Thursday", CATEGORY_CUSTOMER_VISIT, local_unix (2026, 11, 19, 10, 0),
                            TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_PRIVATE, f->anna, 0);
  /* Not counted for Anna: the week before, still planned, Bea's alone, a
   * phone call. */
  add_done (f, "Visit last Sunday", CATEGORY_CUSTOMER_VISIT, local_unix (2026, 11, 15, 20, 0),
            TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_EVERYONE, f->anna, 0);
  add_done (f, "Visit planned", CATEGORY_CUSTOMER_VISIT, local_unix (2026, 11, 17, 10, 0),
            TANDEM_STATUS_PLANNED, TANDEM_VISIBILITY_EVERYONE, f->anna, 0);
  add_done (f, "Visit by Bea", CATEGORY_CUSTOMER_VISIT, local_unix (2026, 11, 17, 13, 0),
            TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_EVERYONE, f->bea, 0);
  add_done (f, "Call", CATEGORY_PHONE_CALL, local_unix (2026, 11, 17, 15, 0),
            TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_EVERYONE, f->anna, 0);
  /* Leads of the month (November) and of October. */
  add_done (f, "Lead in November", CATEGORY_LEAD, local_unix (2026, 11, 2, 10, 0),
            TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_EVERYONE, f->anna, 0);
  add_done (f, "Lead in October", CATEGORY_LEAD, local_unix (2026, 10, 30, 10, 0),
            TANDEM_STATUS_COMPLETED, TANDEM_VISIBILITY_EVERYONE, f->anna, 0);

  /* A seller does not set targets, not even her own. */
  g_assert_false (tandem_store_set_sales_target (f->db.store, f->anna, CATEGORY_CUSTOMER_VISIT,
                                                 TANDEM_PERIOD_WEEK, 3, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);

  test_sign_in (&f->db, "mike");
  g_assert_true (tandem_store_set_sales_target (f->db.store, f->anna, CATEGORY_CUSTOMER_VISIT,
                                                TANDEM_PERIOD_WEEK, 3, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_store_set_sales_target (f->db.store, f->anna, CATEGORY_LEAD,
                                                TANDEM_PERIOD_MONTH, 5, &error));
  g_assert_no_error (error);
  /* Phone calls are not marked as a sales target, a goal is no category,
   * and there is no such user. */
  g_assert_false (tandem_store_set_sales_target (f->db.store, f->anna, CATEGORY_PHONE_CALL,
                                                 TANDEM_PERIOD_WEEK, 2, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_store_set_sales_target (f->db.store, f->anna, GOAL_MAKE_AN_OFFER,
                                                 TANDEM_PERIOD_WEEK, 2, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_store_set_sales_target (f->db.store, 424242, CATEGORY_LEAD,
                                                 TANDEM_PERIOD_WEEK, 2, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count(*) FROM sales_targets"), ==, 2);

  /* Anna's own progress, in category order: leads, then visits. */
  test_sign_in (&f->db, "anna");
  progress = progress_of (f, f->anna, now);
  g_assert_cmpuint (progress->len, ==, 2);
  leads = g_ptr_array_index (progress, 0);
  g_assert_cmpint (tandem_target_progress_get_category_id (leads), ==, CATEGORY_LEAD);
  g_assert_cmpint (tandem_target_progress_get_period (leads), ==, TANDEM_PERIOD_MONTH);
  g_assert_cmpuint (tandem_target_progress_get_target (leads), ==, 5);
  g_assert_cmpuint (tandem_target_progress_get_done (leads), ==, 1);
  g_assert_cmpstr (tandem_target_progress_get_period_start (leads), ==, "2026-11-01");
  g_assert_cmpstr (tandem_target_progress_get_period_end (leads), ==, "2026-11-30");
  visits = g_ptr_array_index (progress, 1);
  g_assert_cmpint (tandem_target_progress_get_category_id (visits), ==, CATEGORY_CUSTOMER_VISIT);
  g_assert_cmpstr (tandem_target_progress_get_category_name (visits), ==, "Customer visit");
  g_assert_cmpint (tandem_target_progress_get_user_id (visits), ==, f->anna);
  g_assert_cmpint (tandem_target_progress_get_period (visits), ==, TANDEM_PERIOD_WEEK);
  g_assert_cmpuint (tandem_target_progress_get_target (visits), ==, 3);
  g_assert_cmpuint (tandem_target_progress_get_done (visits), ==, 3);
  g_assert_cmpstr (tandem_target_progress_get_period_start (visits), ==, "2026-11-16");
  g_assert_cmpstr (tandem_target_progress_get_period_end (visits), ==, "2026-11-22");

  /* Another seller may not read Anna's. */
  test_sign_in (&f->db, "carl");
  g_assert_null (tandem_store_list_target_progress (f->db.store, f->anna, now, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_pointer (&progress, g_ptr_array_unref);
  progress = progress_of (f, f->carl, now);
  g_assert_cmpuint (progress->len, ==, 0);

  /* Her manager may; what he may not see does not count there (E5). */
  test_sign_in (&f->db, "mike");
  private_seen = tandem_store_get_activity (f->db.store, private_visit, &error);
  mike_sees_private = private_seen != NULL ? 1 : 0;
  g_clear_error (&error);
  g_clear_pointer (&progress, g_ptr_array_unref);
  progress = progress_of (f, f->anna, now);
  visits = find_progress (progress, CATEGORY_CUSTOMER_VISIT);
  g_assert_nonnull (visits);
  g_assert_cmpuint (tandem_target_progress_get_done (visits), ==, 2 + mike_sees_private);

  /* Bea's Sunday visit with Anna and her own count for her. */
  g_assert_true (tandem_store_set_sales_target (f->db.store, f->bea, CATEGORY_CUSTOMER_VISIT,
                                                TANDEM_PERIOD_WEEK, 1, &error));
  g_assert_no_error (error);
  test_sign_in (&f->db, "bea");
  g_clear_pointer (&progress, g_ptr_array_unref);
  progress = progress_of (f, f->bea, now);
  g_assert_cmpuint (progress->len, ==, 1);
  g_assert_cmpuint (tandem_target_progress_get_done (g_ptr_array_index (progress, 0)), ==, 2);

  /* An open-ended visit counts in the period it was completed in. */
  {
    g_autoptr(GDateTime) today = g_date_time_new_now_local ();
    g_autoptr(GPtrArray) before = NULL;
    g_autoptr(GPtrArray) after = NULL;
    gint64 open_ended;

    test_sign_in (&f->db, "anna");
    open_ended = add_done (f, "Visit when passing by", CATEGORY_CUSTOMER_VISIT, 0,
                           TANDEM_STATUS_PLANNED, TANDEM_VISIBILITY_EVERYONE, f->anna, 0);
    before = progress_of (f, f->anna, today);
    g_assert_true (tandem_store_set_activity_status (f->db.store, open_ended, TANDEM_STATUS_COMPLETED,
                                                     TANDEM_OUTCOME_NONE, &error));
    g_assert_no_error (error);
    after = progress_of (f, f->anna, today);
    g_assert_cmpuint (tandem_target_progress_get_done (find_progress (after, CATEGORY_CUSTOMER_VISIT)), ==,
                      tandem_target_progress_get_done (find_progress (before, CATEGORY_CUSTOMER_VISIT)) + 1);
  }

  /* A target of 0 removes it. */
  test_sign_in (&f->db, "mike");
  g_assert_true (tandem_store_set_sales_target (f->db.store, f->anna, CATEGORY_LEAD,
                                                TANDEM_PERIOD_MONTH, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&progress, g_ptr_array_unref);
  progress = progress_of (f, f->anna, now);
  g_assert_cmpuint (progress->len, ==, 1);
  g_assert_null (find_progress (progress, CATEGORY_LEAD));
}

/* D15 */

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) activity = tandem_activity_new ("Call about the offer");
  g_autoptr(TandemActivity) saved = NULL;
  g_autoptr(TandemPerson) person = tandem_person_new ("Jan Virtanen");
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 12, 7, 9, 30, 0);
  g_autoptr(GDateTime) end = g_date_time_new_local (2026, 12, 7, 10, 0, 0);
  g_autoptr(TandemRecurrence) recurrence = NULL;
  g_autofree char *repeats = NULL;
  g_autofree char *report = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *expected_subject = NULL;
  gint64 performers[2] = { f->anna, f->bea };
  gint64 person_id, id, open_ended, hidden;
  /* The weekday comes from the start, Monday 7 December. */
  const char *rrule = "FREQ=WEEKLY;COUNT=3";

  test_sign_in (&f->db, "anna");
  tandem_person_set_company_id (person, f->virtanen);
  person_id = tandem_store_save_person (f->db.store, person, &error);
  g_assert_no_error (error);

  tandem_activity_set_company_id (activity, f->virtanen);
  tandem_activity_set_person_ids (activity, &person_id, 1);
  tandem_activity_set_performer_ids (activity, performers, 2);
  tandem_activity_set_responsible_id (activity, f->bea);
  tandem_activity_set_category_id (activity, CATEGORY_PHONE_CALL);
  tandem_activity_set_goal_id (activity, GOAL_MAKE_AN_OFFER);
  tandem_activity_set_priority_id (activity, PRIORITY_HIGH);
  tandem_activity_set_times (activity, start, end);
  tandem_activity_set_rrule (activity, rrule);
  tandem_activity_set_description (activity, "Spring offer for the hardware store");
  tandem_activity_set_details (activity, "Bring the price list and the samples.");
  tandem_activity_set_internal_notes (activity, "Customer is slow to pay");
  tandem_activity_set_follow_up (activity, "2026-12-14");
  id = tandem_store_save_activity (f->db.store, activity, &error);
  g_assert_no_error (error);

  test_sign_in (&f->db, "bea");
  tandem_store_add_message (f->db.store, id, "I will bring the samples.", &error);
  g_assert_no_error (error);

  test_sign_in (&f->db, "anna");
  saved = tandem_store_get_activity (f->db.store, id, &error);
  g_assert_no_error (error);
  report = tandem_store_format_activity_report (f->db.store, id, &subject, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  expected_subject = g_strdup_printf ("Activity %s: Call about the offer", tandem_activity_get_tracking (saved));
  g_assert_cmpstr (subject, ==, expected_subject);

  recurrence = tandem_recurrence_parse_at (rrule, tandem_activity_get_start (saved), &error);
  g_assert_no_error (error);
  repeats = tandem_recurrence_describe (recurrence);
  {
    const char *expected[] = {
      "Call about the offer", tandem_activity_get_tracking (saved), "Phone call",
      "Rautakauppa Virtanen Oy", "Jan Virtanen", "anna, bea", "Make an offer", "High",
      "Spring offer for the hardware store", "Bring the price list and the samples.",
      "I will bring the samples.", "Planned", repeats, "Monday", "09:30", "10:00",
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      if (strstr (report, expected[i]) == NULL)
        g_error ("“%s” is not in the report:\n%s", expected[i], report);
  }
  /* The discussion names its author; internal notes stay inside. */
  g_assert_nonnull (strstr (report, "bea, "));
  g_assert_null (strstr (report, "slow to pay"));

  open_ended = add_activity (f, &(Plan) { "Think about pricing", 0, 0, 0, TANDEM_VISIBILITY_EVERYONE,
                                          { f->anna }, .reminder = -1 });
  g_clear_pointer (&report, g_free);
  report = tandem_store_format_activity_report (f->db.store, open_ended, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report, "Open-ended"));

  hidden = add_activity (f, &(Plan) { "Secret plan", f->virtanen, future_hour (2), 30,
                                      TANDEM_VISIBILITY_PRIVATE, { f->anna }, .reminder = -1 });
  test_sign_in (&f->db, "carl");
  g_clear_pointer (&report, g_free);
  g_clear_pointer (&subject, g_free);
  report = tandem_store_format_activity_report (f->db.store, hidden, &subject, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_assert_null (report);
  g_assert_null (subject);
}

/* Saves a project of @company as the signed-in user. */
static gint64
add_project (Fixture          *f,
             gint64            company,
             const char       *name,
             TandemVisibility  visibility)
{
  g_autoptr(TandemProject) project = tandem_project_new (company, name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  tandem_project_set_visibility (project, visibility);
  id = tandem_store_save_project (f->db.store, project, &error);
  g_assert_no_error (error);
  return id;
}

static void
set_activity_project (Fixture *f,
                      gint64   activity_id,
                      gint64   project_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) activity = tandem_store_get_activity (f->db.store, activity_id, &error);

  g_assert_no_error (error);
  tandem_activity_set_project_id (activity, project_id);
  tandem_store_save_activity (f->db.store, activity, &error);
  g_assert_no_error (error);
}

/* By project (D8, E1, E3): a project is named when the reader may see it;
 * time on an activity the reader works on, in a project kept to a team
 * they are not in, counts without the project's name or number. */
static void
test_time_report_projects (Fixture       *f,
                           gconstpointer  data)
{
  gint64 stock_project, secret_project, stock, bid;

  test_sign_in (&f->db, "anna");
  stock_project = add_project (f, f->virtanen, "Warehouse renewal", TANDEM_VISIBILITY_EVERYONE);
  stock = add_activity (f, &(Plan) { "Stock count", f->virtanen, future_hour (2), 60,
                                     TANDEM_VISIBILITY_EVERYONE, { f->anna }, .reminder = -1 });
  set_activity_project (f, stock, stock_project);
  test_sign_in (&f->db, "carl");
  secret_project = add_project (f, f->virtanen, "Takeover of Virtanen", TANDEM_VISIBILITY_TEAM);
  bid = add_activity (f, &(Plan) { "Secret bid", f->virtanen, future_hour (5), 60,
                                   TANDEM_VISIBILITY_PRIVATE, { f->carl, f->bea }, .reminder = -1 });
  set_activity_project (f, bid, secret_project);

  add_session (f, "anna", stock, local_unix (2026, 11, 2, 9, 0), 1200);
  add_session (f, "bea", bid, local_unix (2026, 11, 3, 9, 0), 600);
  add_session (f, "carl", bid, local_unix (2026, 11, 4, 9, 0), 300);

  /* Carl is in his project's team: both projects by name. */
  test_sign_in (&f->db, "carl");
  {
    g_autoptr(GPtrArray) rows = time_report (f, TANDEM_TIME_BY_PROJECT);
    g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    add_expected (expected, g_strdup_printf ("%" G_GINT64_FORMAT, stock_project), 1200);
    add_expected (expected, g_strdup_printf ("%" G_GINT64_FORMAT, secret_project), 900);
    assert_report (rows, expected);
    for (guint i = 0; i < rows->len; i++)
      {
        TandemReportRow *row = g_ptr_array_index (rows, i);

        g_assert_cmpstr (tandem_report_row_get_label (row), ==,
                         tandem_report_row_get_key_id (row) == stock_project ? "Warehouse renewal"
                                                                             : "Takeover of Virtanen");
      }
  }

  /* Bea performs the bid but is not in the team: its time is hers to see,
   * the project is not. */
  test_sign_in (&f->db, "bea");
  {
    g_autoptr(GPtrArray) rows = time_report (f, TANDEM_TIME_BY_PROJECT);
    g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    add_expected (expected, g_strdup_printf ("%" G_GINT64_FORMAT, stock_project), 1200);
    add_expected (expected, g_strdup (""), 900);
    assert_report (rows, expected);
    for (guint i = 0; i < rows->len; i++)
      {
        TandemReportRow *row = g_ptr_array_index (rows, i);

        g_assert_null (strstr (tandem_report_row_get_label (row), "Takeover"));
        g_assert_cmpint (tandem_report_row_get_key_id (row), !=, secret_project);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Weeks, months and the report's times are read in the local zone. */
  g_setenv ("TZ", "Europe/Helsinki", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/activity-extras/D10/discussion", test_discussion);
  ADD ("/activity-extras/D8/timers", test_timers);
  ADD ("/activity-extras/D8/time-report", test_time_report);
  ADD ("/activity-extras/D8/time-report-projects", test_time_report_projects);
  ADD ("/activity-extras/D11/reminder-fires-once", test_reminder_fires_once);
  ADD ("/activity-extras/D11/reminder-recurring", test_reminder_recurring);
  ADD ("/activity-extras/D11/reminder-hidden", test_reminder_hidden);
  ADD ("/activity-extras/D12/attachments", test_attachments);
  ADD ("/activity-extras/D20/sales-targets", test_sales_targets);
  ADD ("/activity-extras/D15/report", test_report);

  return g_test_run ();
}
