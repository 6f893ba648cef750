/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <stdlib.h>
#include <time.h>

#include "tandem-test-db.h"

/* Calendars, the day plan, single occurrences and the busy rule (SPEC
 * D4, D5, D6, D18, E3). Times are in Europe/Helsinki, which is also the
 * local zone of the test, unless a test says otherwise; Finland and
 * Poland leave summer time on Sunday 25 October 2026. */

static GTimeZone *helsinki;
static GTimeZone *warsaw;

/* "anna" (in group Sales) and "bea" (in no group); anna is signed in. */
typedef struct
{
  TestDb      db;
  TandemUser *anna;
  TandemUser *bea;
  gint64      company;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_db_setup (&f->db, data);
  tandem_store_add_group (f->db.store, "Sales", &error);
  g_assert_no_error (error);
  f->anna = test_add_user (&f->db, "anna", TANDEM_ROLE_USER, "Sales");
  f->bea = test_add_user (&f->db, "bea", TANDEM_ROLE_USER, NULL);
  f->company = test_add_company (&f->db, "Rautakauppa Virtanen Oy");
  test_sign_in (&f->db, "anna");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->anna);
  g_clear_object (&f->bea);
  test_db_teardown (&f->db, data);
}

static GDateTime *
hel (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  return g_date_time_new (helsinki, year, month, day, hour, minute, 0);
}

static gint64
hel_unix (int year,
          int month,
          int day,
          int hour,
          int minute)
{
  g_autoptr(GDateTime) dt = hel (year, month, day, hour, minute);

  return g_date_time_to_unix (dt);
}

/* A timed activity of @minutes from @start (taken). */
static TandemActivity *
new_timed (const char *title,
           GDateTime  *start,
           int         minutes,
           const char *rrule,
           gboolean    busy)
{
  g_autoptr(GDateTime) owned_start = start;
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, minutes);
  TandemActivity *activity = tandem_activity_new (title);

  tandem_activity_set_times (activity, owned_start, end);
  if (rrule != NULL)
    tandem_activity_set_rrule (activity, rrule);
  tandem_activity_set_busy (activity, busy);
  return activity;
}

static gint64
save (Fixture        *f,
      TandemActivity *activity)
{
  g_autoptr(GError) error = NULL;
  gint64 id = tandem_store_save_activity (f->db.store, activity, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_timed (Fixture    *f,
           const char *title,
           GDateTime  *start,
           int         minutes,
           const char *rrule,
           gboolean    busy)
{
  g_autoptr(TandemActivity) activity = new_timed (title, start, minutes, rrule, busy);

  return save (f, activity);
}

/* Saving @activity is refused as a busy conflict; returns the message. */
static char *
save_conflict (Fixture        *f,
               TandemActivity *activity)
{
  g_autoptr(GError) error = NULL;
  gint64 id = tandem_store_save_activity (f->db.store, activity, &error);

  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_CONFLICT);
  g_assert_cmpint (id, ==, 0);
  return g_strdup (error->message);
}

static GPtrArray *
list_range (Fixture   *f,
            gint64     user_id,
            GDateTime *from,
            GDateTime *to,
            gboolean   with_cancelled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) owned_from = from;
  g_autoptr(GDateTime) owned_to = to;
  GPtrArray *occurrences;

  occurrences = tandem_store_list_occurrences (f->db.store, user_id, from, to,
                                               with_cancelled, &error);
  g_assert_no_error (error);
  g_assert_nonnull (occurrences);
  return occurrences;
}

/* The occurrences as a user reads them in a Helsinki calendar:
 * "Tue 20 15:00–17:00 Training; …", with the status when not planned,
 * "overdue" and "open" where they apply. */
static char *
describe (GPtrArray *occurrences)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < occurrences->len; i++)
    {
      TandemOccurrence *occ = g_ptr_array_index (occurrences, i);

      if (i > 0)
        g_string_append (text, "; ");
      if (tandem_occurrence_get_overdue (occ))
        g_string_append (text, "overdue ");
      if (tandem_occurrence_get_open_ended (occ))
        g_string_append (text, "open ");
      else
        {
          g_autoptr(GDateTime) start_utc = g_date_time_new_from_unix_utc (tandem_occurrence_get_start (occ));
          g_autoptr(GDateTime) end_utc = g_date_time_new_from_unix_utc (tandem_occurrence_get_end (occ));
          g_autoptr(GDateTime) start = g_date_time_to_timezone (start_utc, helsinki);
          g_autoptr(GDateTime) end = g_date_time_to_timezone (end_utc, helsinki);
          g_autofree char *s = g_date_time_format (start, "%a %d %H:%M");
          g_autofree char *e = g_date_time_format (end, "%H:%M");

          g_string_append_printf (text, "%s–%s ", s, e);
        }
      g_string_append (text, tandem_occurrence_get_title (occ));
      if (tandem_occurrence_get_status (occ) != TANDEM_STATUS_PLANNED)
        g_string_append_printf (text, " [%s]", tandem_status_to_string (tandem_occurrence_get_status (occ)));
    }
  return g_string_free (text, FALSE);
}

static TandemOccurrence *
find_titled (GPtrArray  *occurrences,
             const char *title)
{
  for (guint i = 0; i < occurrences->len; i++)
    {
      TandemOccurrence *occ = g_ptr_array_index (occurrences, i);

      if (g_str_equal (tandem_occurrence_get_title (occ), title))
        return occ;
    }
  return NULL;
}

static void
update_occurrence (Fixture      *f,
                   gint64        id,
                   gint64        recurrence_id,
                   GDateTime    *start,
                   GDateTime    *end,
                   TandemStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) owned_start = start;
  g_autoptr(GDateTime) owned_end = end;
  gboolean ok;

  ok = tandem_store_update_occurrence (f->db.store, id, recurrence_id, start, end, status,
                                       TANDEM_OUTCOME_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* D18, D6: a week shows single activities and the occurrences of
 * recurring ones in that week only, at the same wall-clock time on both
 * sides of the daylight-saving change, in the zone of each activity. */
static void
test_calendar_week (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) week1 = NULL;
  g_autoptr(GPtrArray) week2 = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *text1 = NULL;
  g_autofree char *text2 = NULL;
  g_autoptr(TandemActivity) standup = NULL;
  g_autoptr(TandemActivity) other = NULL;
  TandemOccurrence *occ;
  gint64 kickoff, training, standup_id;
  gint64 bea_id = tandem_user_get_id (f->bea);

  kickoff = add_timed (f, "Kickoff", hel (2026, 10, 19, 10, 0), 60, NULL, FALSE);
  training = add_timed (f, "Training", hel (2026, 10, 6, 15, 0), 120, "FREQ=WEEKLY;BYDAY=TU,TH", FALSE);
  standup = new_timed ("Standup", g_date_time_new (warsaw, 2026, 10, 19, 9, 0, 0), 15,
                       "FREQ=WEEKLY;BYDAY=MO", FALSE);
  g_assert_cmpstr (tandem_activity_get_tzid (standup), ==, "Europe/Warsaw");
  standup_id = save (f, standup);
  /* bea performs this one; it is not public, so not in anna's calendar */
  other = new_timed ("Bea's call", hel (2026, 10, 20, 12, 0), 30, NULL, FALSE);
  tandem_activity_set_performer_ids (other, &bea_id, 1);
  save (f, other);

  week1 = list_range (f, tandem_user_get_id (f->anna), hel (2026, 10, 19, 0, 0),
                      hel (2026, 10, 26, 0, 0), FALSE);
  text1 = describe (week1);
  g_assert_cmpstr (text1, ==,
                   "Mon 19 10:00–11:00 Kickoff; Mon 19 10:00–10:15 Standup; "
                   "Tue 20 15:00–17:00 Training; Thu 22 15:00–17:00 Training");
  occ = g_ptr_array_index (week1, 0);
  g_assert_cmpint (tandem_occurrence_get_activity_id (occ), ==, kickoff);
  g_assert_cmpint (tandem_occurrence_get_recurrence_id (occ), ==, 0);
  g_assert_cmpint (tandem_occurrence_get_user_id (occ), ==, tandem_user_get_id (f->anna));
  occ = g_ptr_array_index (week1, 2);
  g_assert_cmpint (tandem_occurrence_get_activity_id (occ), ==, training);
  g_assert_cmpint (tandem_occurrence_get_recurrence_id (occ), ==, hel_unix (2026, 10, 20, 15, 0));
  g_assert_false (tandem_occurrence_is_masked (occ));
  /* 15:00 summer time is 12:00 UTC */
  g_assert_cmpint (tandem_occurrence_get_start (occ) % 86400, ==, 12 * 3600);

  /* After the change the wall-clock times stay: 15:00 in Helsinki is now
   * 13:00 UTC, 09:00 in Warsaw 08:00 UTC (it was 07:00). */
  week2 = list_range (f, tandem_user_get_id (f->anna), hel (2026, 10, 26, 0, 0),
                      hel (2026, 11, 2, 0, 0), FALSE);
  text2 = describe (week2);
  g_assert_cmpstr (text2, ==,
                   "Mon 26 10:00–10:15 Standup; "
                   "Tue 27 15:00–17:00 Training; Thu 29 15:00–17:00 Training");
  occ = g_ptr_array_index (week2, 0);
  g_assert_cmpint (tandem_occurrence_get_activity_id (occ), ==, standup_id);
  g_assert_cmpint (tandem_occurrence_get_start (occ) % 86400, ==, 8 * 3600);
  occ = find_titled (week1, "Standup");
  g_assert_cmpint (tandem_occurrence_get_start (occ) % 86400, ==, 7 * 3600);
  occ = g_ptr_array_index (week2, 1);
  g_assert_cmpint (tandem_occurrence_get_start (occ) % 86400, ==, 13 * 3600);

  /* Before the first occurrence there is nothing. */
  before = list_range (f, tandem_user_get_id (f->anna), hel (2026, 9, 28, 0, 0),
                       hel (2026, 10, 5, 0, 0), FALSE);
  g_assert_cmpuint (before->len, ==, 0);
}

/* D6 "this": one occurrence moved (into or out of a range), one
 * cancelled, one completed; the rest of the series stays. */
static void
test_occurrence_exceptions (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) week1 = NULL;
  g_autoptr(GPtrArray) week1_all = NULL;
  g_autoptr(GPtrArray) week2 = NULL;
  g_autoptr(TandemActivity) moved = NULL;
  g_autoptr(TandemActivity) cancelled = NULL;
  g_autoptr(TandemActivity) demo = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) moved_start = hel (2026, 10, 21, 9, 0);
  TandemOccurrence *occ;
  gint64 training, demo_id;
  gboolean ok;

  training = add_timed (f, "Training", hel (2026, 10, 6, 15, 0), 120, "FREQ=WEEKLY;BYDAY=TU,TH", FALSE);

  /* Tue 20 to Wed 21 09:00–11:00; Thu 22 cancelled; Tue 27 moved back
   * into the first week (keeping its two hours); Thu 29 completed. */
  update_occurrence (f, training, hel_unix (2026, 10, 20, 15, 0),
                     hel (2026, 10, 21, 9, 0), hel (2026, 10, 21, 11, 0), TANDEM_STATUS_PLANNED);
  update_occurrence (f, training, hel_unix (2026, 10, 22, 15, 0), NULL, NULL, TANDEM_STATUS_CANCELLED);
  update_occurrence (f, training, hel_unix (2026, 10, 27, 15, 0),
                     hel (2026, 10, 23, 12, 0), NULL, TANDEM_STATUS_PLANNED);
  update_occurrence (f, training, hel_unix (2026, 10, 29, 15, 0), NULL, NULL, TANDEM_STATUS_COMPLETED);

  week1 = list_range (f, tandem_user_get_id (f->anna), hel (2026, 10, 19, 0, 0),
                      hel (2026, 10, 26, 0, 0), FALSE);
  text = describe (week1);
  g_assert_cmpstr (text, ==, "Wed 21 09:00–11:00 Training; Fri 23 12:00–14:00 Training");
  occ = g_ptr_array_index (week1, 0);
  g_assert_cmpint (tandem_occurrence_get_recurrence_id (occ), ==, hel_unix (2026, 10, 20, 15, 0));
  occ = g_ptr_array_index (week1, 1);
  g_assert_cmpint (tandem_occurrence_get_recurrence_id (occ), ==, hel_unix (2026, 10, 27, 15, 0));
  g_clear_pointer (&text, g_free);

  week1_all = list_range (f, tandem_user_get_id (f->anna), hel (2026, 10, 19, 0, 0),
                          hel (2026, 10, 26, 0, 0), TRUE);
  text = describe (week1_all);
  g_assert_cmpstr (text, ==,
                   "Wed 21 09:00–11:00 Training; Thu 22 15:00–17:00 Training [cancelled]; "
                   "Fri 23 12:00–14:00 Training");
  g_clear_pointer (&text, g_free);

  week2 = list_range (f, tandem_user_get_id (f->anna), hel (2026, 10, 26, 0, 0),
                      hel (2026, 11, 2, 0, 0), FALSE);
  text = describe (week2);
  g_assert_cmpstr (text, ==, "Thu 29 15:00–17:00 Training [completed]");

  /* The card of one occurrence shows its own time and status. */
  moved = tandem_store_get_occurrence_activity (f->db.store, training,
                                                hel_unix (2026, 10, 20, 15, 0), &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (tandem_activity_get_start (moved), moved_start));
  g_assert_cmpint (tandem_activity_get_status (moved), ==, TANDEM_STATUS_PLANNED);
  g_assert_cmpstr (tandem_activity_get_rrule (moved), ==, "FREQ=WEEKLY;BYDAY=TU,TH");
  cancelled = tandem_store_get_occurrence_activity (f->db.store, training,
                                                    hel_unix (2026, 10, 22, 15, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_activity_get_status (cancelled), ==, TANDEM_STATUS_CANCELLED);

  /* A time the rule does not give is no occurrence; nor is "0" of a
   * recurring activity. */
  ok = tandem_store_update_occurrence (f->db.store, training, hel_unix (2026, 10, 21, 15, 0),
                                       NULL, NULL, TANDEM_STATUS_CANCELLED, TANDEM_OUTCOME_NONE, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_false (ok);
  g_clear_error (&error);
  ok = tandem_store_update_occurrence (f->db.store, training, 0, NULL, NULL,
                                       TANDEM_STATUS_CANCELLED, TANDEM_OUTCOME_NONE, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_false (ok);
  g_clear_error (&error);

  /* D9: an occurrence of an activity with a goal needs an outcome. */
  demo = new_timed ("Demo", hel (2026, 11, 2, 10, 0), 60, "FREQ=WEEKLY;BYDAY=MO", FALSE);
  tandem_activity_set_goal_id (demo, 41);
  demo_id = save (f, demo);
  ok = tandem_store_update_occurrence (f->db.store, demo_id, hel_unix (2026, 11, 9, 10, 0), NULL, NULL,
                                       TANDEM_STATUS_COMPLETED, TANDEM_OUTCOME_NONE, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_false (ok);
  g_clear_error (&error);
  ok = tandem_store_update_occurrence (f->db.store, demo_id, hel_unix (2026, 11, 9, 10, 0), NULL, NULL,
                                       TANDEM_STATUS_COMPLETED, TANDEM_OUTCOME_SUCCESS, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_clear_pointer (&week2, g_ptr_array_unref);
  week2 = list_range (f, tandem_user_get_id (f->anna), hel (2026, 11, 9, 0, 0),
                      hel (2026, 11, 10, 0, 0), FALSE);
  g_assert_cmpuint (week2->len, ==, 1);
  occ = g_ptr_array_index (week2, 0);
  g_assert_cmpint (tandem_occurrence_get_status (occ), ==, TANDEM_STATUS_COMPLETED);
  g_assert_cmpint (tandem_occurrence_get_outcome (occ), ==, TANDEM_OUTCOME_SUCCESS);
}

static void
on_changed_cb (TandemStore *store,
               int          kind,
               gint64       id,
               gpointer     user_data)
{
  GArray *seen = user_data;

  if (kind == TANDEM_KIND_ACTIVITY)
    g_array_append_val (seen, id);
}

/* D6 "this": a non-recurring activity is changed itself, and every
 * change is announced. */
static void
test_update_single (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) day = NULL;
  g_autofree char *text = NULL;
  gint64 visit, training;

  visit = add_timed (f, "Visit", hel (2026, 11, 24, 12, 0), 60, NULL, FALSE);
  training = add_timed (f, "Training", hel (2026, 10, 6, 15, 0), 120, "FREQ=WEEKLY;BYDAY=TU,TH", FALSE);
  g_signal_connect (f->db.store, "changed", G_CALLBACK (on_changed_cb), seen);

  update_occurrence (f, visit, 0, hel (2026, 11, 24, 14, 0), NULL, TANDEM_STATUS_COMPLETED);
  update_occurrence (f, training, hel_unix (2026, 11, 24, 15, 0), NULL, NULL, TANDEM_STATUS_COMPLETED);
  g_signal_handlers_disconnect_by_func (f->db.store, on_changed_cb, seen);
  g_assert_cmpuint (seen->len, >=, 2);
  g_assert_cmpint (g_array_index (seen, gint64, seen->len - 1), ==, training);

  day = list_range (f, tandem_user_get_id (f->anna), hel (2026, 11, 24, 0, 0),
                    hel (2026, 11, 25, 0, 0), FALSE);
  text = describe (day);
  g_assert_cmpstr (text, ==,
                   "Tue 24 14:00–15:00 Visit [completed]; Tue 24 15:00–17:00 Training [completed]");
}

/* D6 "this and following": the series ends before the occurrence, a copy
 * with the same data carries on from it (a count counts what is left),
 * and the later exceptions go with the copy. */
static void
test_split (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) copy = NULL;
  g_autoptr(TandemActivity) original = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) with_cancelled = NULL;
  g_autoptr(GDateTime) copy_start = hel (2026, 10, 22, 15, 0);
  g_autoptr(GDateTime) copy_end = hel (2026, 10, 22, 17, 0);
  g_autofree char *text = NULL;
  TandemActivity *proto;
  TandemOccurrence *occ;
  guint n_performers;
  gint64 training, copy_id;
  gint64 anna = tandem_user_get_id (f->anna);
  gint64 bea = tandem_user_get_id (f->bea);
  gint64 both[] = { anna, bea };

  /* Oct 6, 8, 13, 15, 20, 22, 27, 29, Nov 3, 5 */
  proto = new_timed ("Training", hel (2026, 10, 6, 15, 0), 120, "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10", FALSE);
  tandem_activity_set_performer_ids (proto, both, 2);
  tandem_activity_set_company_id (proto, f->company);
  training = save (f, proto);
  g_object_unref (proto);
  update_occurrence (f, training, hel_unix (2026, 10, 15, 15, 0),
                     hel (2026, 10, 16, 10, 0), NULL, TANDEM_STATUS_PLANNED);
  update_occurrence (f, training, hel_unix (2026, 10, 29, 15, 0), NULL, NULL, TANDEM_STATUS_CANCELLED);

  /* Not an occurrence */
  copy_id = tandem_store_split_activity (f->db.store, training, hel_unix (2026, 10, 21, 15, 0), &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_cmpint (copy_id, ==, 0);
  g_clear_error (&error);

  copy_id = tandem_store_split_activity (f->db.store, training, hel_unix (2026, 10, 22, 15, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy_id, >, 0);
  g_assert_cmpint (copy_id, !=, training);

  copy = tandem_store_get_activity (f->db.store, copy_id, &error);
  g_assert_no_error (error);
  original = tandem_store_get_activity (f->db.store, training, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (tandem_activity_get_start (copy), copy_start));
  g_assert_true (g_date_time_equal (tandem_activity_get_end (copy), copy_end));
  g_assert_cmpstr (tandem_activity_get_tzid (copy), ==, "Europe/Helsinki");
  g_assert_cmpstr (tandem_activity_get_rrule (copy), ==, "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=5");
  g_assert_cmpstr (tandem_activity_get_title (copy), ==, "Training");
  g_assert_cmpint (tandem_activity_get_company_id (copy), ==, f->company);
  g_assert_cmpint (tandem_activity_get_assigner_id (copy), ==, tandem_activity_get_assigner_id (original));
  g_assert_cmpstr (tandem_activity_get_tracking (copy), !=, tandem_activity_get_tracking (original));
  tandem_activity_get_performer_ids (copy, &n_performers);
  g_assert_cmpuint (n_performers, ==, 2);
  g_assert_true (tandem_activity_has_performer (copy, anna));
  g_assert_true (tandem_activity_has_performer (copy, bea));
  g_assert_null (strstr (tandem_activity_get_rrule (original), "COUNT"));
  g_assert_nonnull (strstr (tandem_activity_get_rrule (original), "UNTIL"));

  /* The copy is edited and saved: the later occurrences follow it. */
  tandem_activity_set_title (copy, "Training in room 2");
  save (f, copy);

  all = list_range (f, anna, hel (2026, 10, 1, 0, 0), hel (2027, 1, 1, 0, 0), FALSE);
  text = describe (all);
  g_assert_cmpstr (text, ==,
                   "Tue 06 15:00–17:00 Training; Thu 08 15:00–17:00 Training; "
                   "Tue 13 15:00–17:00 Training; Fri 16 10:00–12:00 Training; "
                   "Tue 20 15:00–17:00 Training; "
                   "Thu 22 15:00–17:00 Training in room 2; Tue 27 15:00–17:00 Training in room 2; "
                   "Tue 03 15:00–17:00 Training in room 2; Thu 05 15:00–17:00 Training in room 2");
  for (guint i = 0; i < all->len; i++)
    {
      occ = g_ptr_array_index (all, i);
      g_assert_cmpint (tandem_occurrence_get_activity_id (occ), ==, i < 5 ? training : copy_id);
    }

  /* bea performs both halves too */
  g_clear_pointer (&all, g_ptr_array_unref);
  all = list_range (f, bea, hel (2026, 10, 1, 0, 0), hel (2027, 1, 1, 0, 0), FALSE);
  g_assert_cmpuint (all->len, ==, 9);

  /* The cancelled Oct 29 went with the copy. */
  with_cancelled = list_range (f, anna, hel (2026, 10, 29, 0, 0), hel (2026, 10, 30, 0, 0), TRUE);
  g_assert_cmpuint (with_cancelled->len, ==, 1);
  occ = g_ptr_array_index (with_cancelled, 0);
  g_assert_cmpint (tandem_occurrence_get_activity_id (occ), ==, copy_id);
  g_assert_cmpint (tandem_occurrence_get_status (occ), ==, TANDEM_STATUS_CANCELLED);
}

/* D5: busy activities of the same performer may not overlap, be they
 * single ones or occurrences; the message names the time and the other
 * activity. */
static void
test_busy_conflicts (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) clash = NULL;
  g_autoptr(TandemActivity) touching = NULL;
  g_autoptr(TandemActivity) free_time = NULL;
  g_autoptr(TandemActivity) beas = NULL;
  g_autoptr(TandemActivity) cancelled = NULL;
  g_autoptr(TandemActivity) after_cancelled = NULL;
  g_autoptr(TandemActivity) on_review = NULL;
  g_autoptr(TandemActivity) before_review = NULL;
  g_autoptr(TandemActivity) on_moved = NULL;
  g_autoptr(TandemActivity) where_moved_from = NULL;
  g_autoptr(TandemActivity) daily = NULL;
  g_autoptr(TandemActivity) meeting = NULL;
  g_autoptr(GPtrArray) day = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GDateTime) moved_start = hel (2026, 11, 23, 10, 30);
  g_autoptr(GDateTime) moved_end = hel (2026, 11, 23, 11, 0);
  g_autoptr(GDateTime) after_christmas = hel (2026, 12, 28, 14, 30);
  gint64 bea = tandem_user_get_id (f->bea);
  gint64 sales_meeting, review;
  gboolean ok;

  sales_meeting = add_timed (f, "Sales meeting", hel (2026, 11, 23, 10, 0), 60, NULL, TRUE);

  clash = new_timed ("Call", hel (2026, 11, 23, 10, 30), 60, NULL, TRUE);
  message = save_conflict (f, clash);
  g_assert_nonnull (strstr (message, "Mon 23 Nov 10:00–11:00"));
  g_assert_nonnull (strstr (message, "“Sales meeting”"));
  g_assert_nonnull (strstr (message, "anna"));
  g_clear_pointer (&message, g_free);
  day = list_range (f, tandem_user_get_id (f->anna), hel (2026, 11, 23, 0, 0),
                    hel (2026, 11, 24, 0, 0), TRUE);
  g_assert_cmpuint (day->len, ==, 1);

  /* Touching ends, not busy, another performer: no conflict. */
  touching = new_timed ("Lunch", hel (2026, 11, 23, 11, 0), 60, NULL, TRUE);
  save (f, touching);
  free_time = new_timed ("Reading", hel (2026, 11, 23, 10, 30), 60, NULL, FALSE);
  save (f, free_time);
  beas = new_timed ("Bea's call", hel (2026, 11, 23, 10, 30), 60, NULL, TRUE);
  tandem_activity_set_performer_ids (beas, &bea, 1);
  save (f, beas);

  /* Touching an occurrence of a recurring one is no conflict either. */
  review = add_timed (f, "Weekly review", hel (2026, 11, 2, 14, 0), 60, "FREQ=WEEKLY;BYDAY=MO", TRUE);
  before_review = new_timed ("Preparation", hel (2026, 11, 16, 13, 0), 60, NULL, TRUE);
  save (f, before_review);

  /* A cancelled activity blocks nothing. */
  cancelled = new_timed ("Cancelled call", hel (2026, 11, 24, 9, 0), 60, NULL, TRUE);
  tandem_activity_set_status (cancelled, TANDEM_STATUS_CANCELLED);
  save (f, cancelled);
  after_cancelled = new_timed ("Real call", hel (2026, 11, 24, 9, 30), 30, NULL, TRUE);
  save (f, after_cancelled);

  /* An occurrence of a recurring one blocks; cancelled, it does not;
   * moved, it blocks at its new time only. */
  on_review = new_timed ("Customer call", hel (2026, 11, 30, 14, 30), 30, NULL, TRUE);
  message = save_conflict (f, on_review);
  g_assert_nonnull (strstr (message, "Mon 30 Nov 14:00–15:00"));
  g_assert_nonnull (strstr (message, "Weekly review"));
  g_clear_pointer (&message, g_free);
  update_occurrence (f, review, hel_unix (2026, 11, 30, 14, 0), NULL, NULL, TANDEM_STATUS_CANCELLED);
  save (f, on_review);

  update_occurrence (f, review, hel_unix (2026, 12, 7, 14, 0),
                     hel (2026, 12, 8, 16, 0), hel (2026, 12, 8, 17, 0), TANDEM_STATUS_PLANNED);
  where_moved_from = new_timed ("Planning", hel (2026, 12, 7, 14, 0), 60, NULL, TRUE);
  save (f, where_moved_from);
  on_moved = new_timed ("Offer review", hel (2026, 12, 8, 16, 30), 60, NULL, TRUE);
  message = save_conflict (f, on_moved);
  g_assert_nonnull (strstr (message, "Tue 8 Dec 16:00–17:00"));
  g_assert_nonnull (strstr (message, "Weekly review"));
  g_clear_pointer (&message, g_free);

  /* A new recurring activity against an existing single one */
  daily = new_timed ("Morning check", hel (2026, 11, 19, 10, 0), 30, "FREQ=DAILY;COUNT=5", TRUE);
  message = save_conflict (f, daily);
  g_assert_nonnull (strstr (message, "Mon 23 Nov 10:00–11:00"));
  g_assert_nonnull (strstr (message, "Sales meeting"));
  g_clear_pointer (&message, g_free);
  /* … and one without an end against an occurrence a year later */
  g_clear_object (&daily);
  daily = new_timed ("Yearly audit", hel (2026, 12, 15, 13, 0), 120, "FREQ=YEARLY", TRUE);
  save (f, daily);
  g_clear_object (&daily);
  daily = new_timed ("Audit preparation", hel (2027, 6, 15, 13, 0), 30, "FREQ=MONTHLY;BYMONTHDAY=15", TRUE);
  message = save_conflict (f, daily);
  g_assert_nonnull (strstr (message, "Wed 15 Dec 13:00–15:00"));
  g_assert_nonnull (strstr (message, "Yearly audit"));
  g_clear_pointer (&message, g_free);

  /* Moving an occurrence onto a busy activity is refused too. */
  ok = tandem_store_update_occurrence (f->db.store, review, hel_unix (2026, 12, 14, 14, 0),
                                       moved_start, moved_end, TANDEM_STATUS_PLANNED,
                                       TANDEM_OUTCOME_NONE, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Sales meeting"));
  g_assert_false (ok);
  g_clear_error (&error);

  /* … or onto another occurrence of its own series. */
  ok = tandem_store_update_occurrence (f->db.store, review, hel_unix (2026, 12, 21, 14, 0),
                                       after_christmas, NULL, TANDEM_STATUS_PLANNED,
                                       TANDEM_OUTCOME_NONE, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Mon 28 Dec 14:00–15:00"));
  g_assert_nonnull (strstr (error->message, "Weekly review"));
  g_assert_false (ok);
  g_clear_error (&error);

  /* An activity never conflicts with itself, nor an occurrence moved a
   * little with the time it had. */
  update_occurrence (f, review, hel_unix (2026, 12, 21, 14, 0),
                     hel (2026, 12, 21, 14, 30), NULL, TANDEM_STATUS_PLANNED);
  meeting = tandem_store_get_activity (f->db.store, sales_meeting, &error);
  g_assert_no_error (error);
  tandem_activity_set_title (meeting, "Sales meeting with Virtanen");
  save (f, meeting);
}

/* E3: another user's private activity shows only as "Busy" with its
 * time, and only when busy; the busy message leaves out its title.
 * D7: public activities are in the calendars of those who may see them. */
static void
test_masked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TandemActivity) secret = NULL;
  g_autoptr(TandemActivity) dentist = NULL;
  g_autoptr(TandemActivity) lunch = NULL;
  g_autoptr(TandemActivity) party = NULL;
  g_autoptr(TandemActivity) workshop = NULL;
  g_autoptr(TandemActivity) on_secret = NULL;
  g_autoptr(TandemActivity) on_workshop = NULL;
  g_autoptr(GPtrArray) annas = NULL;
  g_autoptr(GPtrArray) seen_by_bea = NULL;
  g_autoptr(GPtrArray) beas = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  TandemOccurrence *occ;
  gint64 anna = tandem_user_get_id (f->anna);
  gint64 bea = tandem_user_get_id (f->bea);

  secret = new_timed ("Secret merger talk", hel (2026, 11, 24, 13, 0), 60, NULL, TRUE);
  tandem_activity_set_visibility (secret, TANDEM_VISIBILITY_PRIVATE);
  tandem_activity_set_company_id (secret, f->company);
  tandem_activity_set_category_id (secret, 37);
  tandem_activity_set_description (secret, "Secret numbers");
  save (f, secret);
  dentist = new_timed ("Secret dentist", hel (2026, 11, 25, 8, 0), 60, NULL, FALSE);
  tandem_activity_set_visibility (dentist, TANDEM_VISIBILITY_PRIVATE);
  save (f, dentist);
  lunch = new_timed ("Team lunch", hel (2026, 11, 26, 12, 0), 60, NULL, FALSE);
  tandem_activity_set_public (lunch, TRUE);
  save (f, lunch);
  party = new_timed ("Secret party", hel (2026, 11, 27, 18, 0), 120, NULL, FALSE);
  tandem_activity_set_public (party, TRUE);
  tandem_activity_set_visibility (party, TANDEM_VISIBILITY_PRIVATE);
  save (f, party);
  workshop = new_timed ("Open workshop", hel (2026, 11, 27, 9, 0), 60, NULL, TRUE);
  tandem_activity_set_company_id (workshop, f->company);
  save (f, workshop);

  /* anna sees all of her own */
  annas = list_range (f, anna, hel (2026, 11, 23, 0, 0), hel (2026, 11, 30, 0, 0), FALSE);
  text = describe (annas);
  g_assert_cmpstr (text, ==,
                   "Tue 24 13:00–14:00 Secret merger talk; Wed 25 08:00–09:00 Secret dentist; "
                   "Thu 26 12:00–13:00 Team lunch; Fri 27 09:00–10:00 Open workshop; "
                   "Fri 27 18:00–20:00 Secret party");
  g_clear_pointer (&text, g_free);

  /* Public activities join the calendar of the one who reads it, not
   * the calendars of others that one looks at. */
  beas = list_range (f, bea, hel (2026, 11, 23, 0, 0), hel (2026, 11, 30, 0, 0), TRUE);
  g_assert_cmpuint (beas->len, ==, 0);
  g_clear_pointer (&beas, g_ptr_array_unref);

  test_sign_in (&f->db, "bea");
  seen_by_bea = list_range (f, anna, hel (2026, 11, 23, 0, 0), hel (2026, 11, 30, 0, 0), TRUE);
  text = describe (seen_by_bea);
  g_assert_cmpstr (text, ==,
                   "Tue 24 13:00–14:00 Busy; Thu 26 12:00–13:00 Team lunch; "
                   "Fri 27 09:00–10:00 Open workshop");
  g_clear_pointer (&text, g_free);
  occ = g_ptr_array_index (seen_by_bea, 0);
  g_assert_true (tandem_occurrence_is_masked (occ));
  g_assert_cmpint (tandem_occurrence_get_activity_id (occ), ==, 0);
  g_assert_cmpint (tandem_occurrence_get_recurrence_id (occ), ==, 0);
  g_assert_cmpint (tandem_occurrence_get_category_id (occ), ==, 0);
  g_assert_null (tandem_occurrence_get_category_name (occ));
  g_assert_null (tandem_occurrence_get_company_name (occ));
  g_assert_null (tandem_occurrence_get_description (occ));
  g_assert_true (tandem_occurrence_get_busy (occ));
  occ = find_titled (seen_by_bea, "Open workshop");
  g_assert_false (tandem_occurrence_is_masked (occ));
  g_assert_cmpstr (tandem_occurrence_get_company_name (occ), ==, "Rautakauppa Virtanen Oy");

  /* bea's own calendar has the public activity she may see, not the
   * private one. */
  beas = list_range (f, bea, hel (2026, 11, 23, 0, 0), hel (2026, 11, 30, 0, 0), TRUE);
  text = describe (beas);
  g_assert_cmpstr (text, ==, "Thu 26 12:00–13:00 Team lunch");
  g_clear_pointer (&text, g_free);

  /* bea plans a busy activity for anna over the secret one: refused,
   * with the time but not the title. */
  on_secret = new_timed ("Customer call", hel (2026, 11, 24, 13, 30), 30, NULL, TRUE);
  tandem_activity_set_performer_ids (on_secret, &anna, 1);
  message = save_conflict (f, on_secret);
  g_assert_nonnull (strstr (message, "Tue 24 Nov 13:00–14:00"));
  g_assert_nonnull (strstr (message, "anna"));
  g_assert_null (strstr (message, "Secret"));
  g_assert_null (strstr (message, "merger"));
  g_assert_null (strstr (message, "Virtanen"));
  g_clear_pointer (&message, g_free);

  on_workshop = new_timed ("Customer visit", hel (2026, 11, 27, 9, 30), 30, NULL, TRUE);
  tandem_activity_set_performer_ids (on_workshop, &anna, 1);
  message = save_conflict (f, on_workshop);
  g_assert_nonnull (strstr (message, "Fri 27 Nov 09:00–10:00"));
  g_assert_nonnull (strstr (message, "Open workshop"));
}

/* D4: the day plan has the day's occurrences (local midnight to
 * midnight, also on the 25-hour day), every open activity until it is
 * completed, and overdue ones first. */
static void
test_day_plan (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) old = NULL;
  g_autoptr(TandemActivity) open = NULL;
  g_autoptr(TandemActivity) beas_open = NULL;
  g_autoptr(TandemActivity) late = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GDateTime) tuesday = hel (2026, 11, 24, 15, 0);
  g_autoptr(GDateTime) thursday = hel (2026, 11, 26, 7, 0);
  g_autoptr(GDateTime) dst_day = hel (2026, 10, 25, 12, 0);
  g_autofree char *text = NULL;
  gint64 bea = tandem_user_get_id (f->bea);
  gint64 open_id;
  gboolean ok;

  add_timed (f, "Send offer", hel (2026, 11, 20, 10, 0), 60, NULL, FALSE);
  old = new_timed ("Old call", hel (2026, 11, 19, 10, 0), 30, NULL, FALSE);
  tandem_activity_set_status (old, TANDEM_STATUS_COMPLETED);
  save (f, old);
  open = tandem_activity_new ("Call back Virtanen");
  tandem_activity_set_open_ended (open, TRUE);
  open_id = save (f, open);
  beas_open = tandem_activity_new ("Bea's task");
  tandem_activity_set_open_ended (beas_open, TRUE);
  tandem_activity_set_performer_ids (beas_open, &bea, 1);
  save (f, beas_open);
  add_timed (f, "Visit", hel (2026, 11, 24, 12, 0), 60, NULL, FALSE);
  add_timed (f, "Morning check", hel (2026, 11, 2, 8, 0), 15, "FREQ=DAILY", FALSE);
  late = new_timed ("Late shift", hel (2026, 10, 25, 23, 30), 15, NULL, FALSE);
  tandem_activity_set_status (late, TANDEM_STATUS_COMPLETED);
  save (f, late);

  plan = tandem_store_list_day_plan (f->db.store, tuesday, &error);
  g_assert_no_error (error);
  text = describe (plan);
  g_assert_cmpstr (text, ==,
                   "overdue Fri 20 10:00–11:00 Send offer; open Call back Virtanen; "
                   "Tue 24 08:00–08:15 Morning check; Tue 24 12:00–13:00 Visit");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&plan, g_ptr_array_unref);

  plan = tandem_store_list_day_plan (f->db.store, thursday, &error);
  g_assert_no_error (error);
  text = describe (plan);
  g_assert_cmpstr (text, ==,
                   "overdue Fri 20 10:00–11:00 Send offer; overdue Tue 24 12:00–13:00 Visit; "
                   "open Call back Virtanen; Thu 26 08:00–08:15 Morning check");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&plan, g_ptr_array_unref);

  plan = tandem_store_list_day_plan (f->db.store, dst_day, &error);
  g_assert_no_error (error);
  text = describe (plan);
  g_assert_cmpstr (text, ==, "open Call back Virtanen; Sun 25 23:30–23:45 Late shift [completed]");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&plan, g_ptr_array_unref);

  /* Completed, the open activity leaves the plan. */
  ok = tandem_store_set_activity_status (f->db.store, open_id, TANDEM_STATUS_COMPLETED,
                                         TANDEM_OUTCOME_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  plan = tandem_store_list_day_plan (f->db.store, thursday, &error);
  g_assert_no_error (error);
  text = describe (plan);
  g_assert_cmpstr (text, ==,
                   "overdue Fri 20 10:00–11:00 Send offer; overdue Tue 24 12:00–13:00 Visit; "
                   "Thu 26 08:00–08:15 Morning check");
}

/* E5: nothing is read or changed without a signed-in user. */
static void
test_signed_out (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = hel (2026, 10, 19, 0, 0);
  g_autoptr(GDateTime) to = hel (2026, 10, 26, 0, 0);
  g_autoptr(TandemActivity) occurrence = NULL;
  GPtrArray *list;
  gint64 training;
  gboolean ok;

  training = add_timed (f, "Training", hel (2026, 10, 6, 15, 0), 120, "FREQ=WEEKLY;BYDAY=TU,TH", TRUE);
  tandem_store_sign_out (f->db.store);

  list = tandem_store_list_occurrences (f->db.store, tandem_user_get_id (f->anna), from, to, TRUE, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
  g_assert_null (list);
  g_clear_error (&error);
  list = tandem_store_list_day_plan (f->db.store, from, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
  g_assert_null (list);
  g_clear_error (&error);
  ok = tandem_store_update_occurrence (f->db.store, training, hel_unix (2026, 10, 20, 15, 0), NULL, NULL,
                                       TANDEM_STATUS_CANCELLED, TANDEM_OUTCOME_NONE, &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
  g_assert_false (ok);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_split_activity (f->db.store, training, hel_unix (2026, 10, 20, 15, 0),
                                                &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);
  occurrence = tandem_store_get_occurrence_activity (f->db.store, training,
                                                     hel_unix (2026, 10, 20, 15, 0), &error);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_SIGNED_IN);
  g_assert_null (occurrence);
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count(*) FROM activity_exceptions"), ==, 0);
}

/* D6: occurrences changed on their own follow the series when all of it
 * moves; those the new rule does not give are dropped. */
static void
test_series_moves (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) series = NULL;
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GDateTime) new_start = NULL;
  g_autoptr(GDateTime) new_end = NULL;
  g_autoptr(GDateTime) moved_start = NULL;
  g_autoptr(GDateTime) moved_end = NULL;
  gint64 id;
  TandemOccurrence *first, *second;

  /* Mondays 10:00–11:00 from 2 November 2026, across the clocks' change
   * of 25 October already behind it. */
  id = add_timed (f, "Pricing review", hel (2026, 11, 2, 10, 0), 60, "FREQ=WEEKLY;BYDAY=MO", FALSE);
  g_assert_true (tandem_store_update_occurrence (f->db.store, id, hel_unix (2026, 11, 9, 10, 0), NULL, NULL,
                                                 TANDEM_STATUS_COMPLETED, TANDEM_OUTCOME_NONE, &error));
  g_assert_no_error (error);
  moved_start = hel (2026, 11, 16, 15, 0);
  moved_end = hel (2026, 11, 16, 16, 0);
  g_assert_true (tandem_store_update_occurrence (f->db.store, id, hel_unix (2026, 11, 16, 10, 0), moved_start,
                                                 moved_end, TANDEM_STATUS_PLANNED, TANDEM_OUTCOME_NONE, &error));
  g_assert_no_error (error);

  /* All of it an hour later. */
  series = tandem_store_get_activity (f->db.store, id, &error);
  g_assert_no_error (error);
  new_start = hel (2026, 11, 2, 11, 0);
  new_end = hel (2026, 11, 2, 12, 30);
  tandem_activity_set_times (series, new_start, new_end);
  save (f, series);

  week = list_range (f, tandem_user_get_id (f->anna), hel (2026, 11, 9, 0, 0), hel (2026, 11, 23, 0, 0), TRUE);
  g_assert_cmpuint (week->len, ==, 2);
  first = g_ptr_array_index (week, 0);
  second = g_ptr_array_index (week, 1);
  /* The completed one keeps its status at the new time and length … */
  g_assert_cmpint (tandem_occurrence_get_start (first), ==, hel_unix (2026, 11, 9, 11, 0));
  g_assert_cmpint (tandem_occurrence_get_end (first), ==, hel_unix (2026, 11, 9, 12, 30));
  g_assert_cmpint (tandem_occurrence_get_status (first), ==, TANDEM_STATUS_COMPLETED);
  g_assert_cmpint (tandem_occurrence_get_recurrence_id (first), ==, hel_unix (2026, 11, 9, 11, 0));
  /* … and the one moved on its own stays where it was moved. */
  g_assert_cmpint (tandem_occurrence_get_start (second), ==, hel_unix (2026, 11, 16, 15, 0));
  g_assert_cmpint (tandem_occurrence_get_recurrence_id (second), ==, hel_unix (2026, 11, 16, 11, 0));

  /* On Tuesdays instead, the Monday exceptions have nothing to belong to. */
  g_clear_object (&series);
  series = tandem_store_get_activity (f->db.store, id, &error);
  g_assert_no_error (error);
  tandem_activity_set_rrule (series, "FREQ=WEEKLY;BYDAY=TU");
  save (f, series);
  g_assert_cmpint (test_sql_int (f->db.path, "SELECT count(*) FROM activity_exceptions"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Before GLib reads the local zone: messages and day boundaries are in
   * the local zone. */
  g_setenv ("TZ", "Europe/Helsinki", TRUE);
  tzset ();

  g_test_init (&argc, &argv, NULL);

  helsinki = g_time_zone_new_identifier ("Europe/Helsinki");
  warsaw = g_time_zone_new_identifier ("Europe/Warsaw");
  g_assert_nonnull (helsinki);
  g_assert_nonnull (warsaw);

  g_test_add ("/activity-views/calendar-week-D18-D6", Fixture, NULL,
              fixture_setup, test_calendar_week, fixture_teardown);
  g_test_add ("/activity-views/occurrence-exceptions-D6-D9", Fixture, NULL,
              fixture_setup, test_occurrence_exceptions, fixture_teardown);
  g_test_add ("/activity-views/update-single-D6", Fixture, NULL,
              fixture_setup, test_update_single, fixture_teardown);
  g_test_add ("/activity-views/series-moves-with-exceptions-D6", Fixture, NULL,
              fixture_setup, test_series_moves, fixture_teardown);
  g_test_add ("/activity-views/split-this-and-following-D6", Fixture, NULL,
              fixture_setup, test_split, fixture_teardown);
  g_test_add ("/activity-views/busy-conflicts-D5", Fixture, NULL,
              fixture_setup, test_busy_conflicts, fixture_teardown);
  g_test_add ("/activity-views/masked-busy-E3-D7", Fixture, NULL,
              fixture_setup, test_masked, fixture_teardown);
  g_test_add ("/activity-views/day-plan-D4", Fixture, NULL,
              fixture_setup, test_day_plan, fixture_teardown);
  g_test_add ("/activity-views/signed-out-E5", Fixture, NULL,
              fixture_setup, test_signed_out, fixture_teardown);

  return g_test_run ();
}
