/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include "tandem-test-db.h"

/* Users: "anna" and "bea" in group Sales, "carl" in no group, and the
 * administrator "admin", in no group either. One company, "Rautakauppa
 * Virtanen Oy", made by anna. The test starts signed in as anna. */
typedef struct
{
  TestDb  db;
  gint64  sales;
  gint64  anna;
  gint64  bea;
  gint64  carl;
  gint64  company;
} Fixture;

/* Term ids shipped in the schema (0003-activities.sql) */
#define KIND_EVENTS        1
#define KIND_SALES         2
#define KIND_MARKETING     3
#define TYPE_CRM_EVENTS    11
#define TYPE_LEADS         12
#define TYPE_VISITS        14
#define PROPERTY_FEEDBACK  21
#define PROPERTY_ADVICE    23
#define CATEGORY_CRM_EVENT 31
#define CATEGORY_LEAD      32
#define CATEGORY_VISIT     34
#define CATEGORY_CALL      35
#define GOAL_MEETING       41
#define PRIORITY_HIGH      53

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) anna = NULL;
  g_autoptr(TandemUser) bea = NULL;
  g_autoptr(TandemUser) carl = NULL;

  test_db_setup (&f->db, data);
  f->sales = tandem_store_add_group (f->db.store, "Sales", &error);
  g_assert_no_error (error);
  anna = test_add_user (&f->db, "anna", TANDEM_ROLE_USER, "Sales");
  bea = test_add_user (&f->db, "bea", TANDEM_ROLE_USER, "Sales");
  carl = test_add_user (&f->db, "carl", TANDEM_ROLE_USER, NULL);
  f->anna = tandem_user_get_id (anna);
  f->bea = tandem_user_get_id (bea);
  f->carl = tandem_user_get_id (carl);

  test_sign_in (&f->db, "anna");
  f->company = test_add_company (&f->db, "Rautakauppa Virtanen Oy");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  test_db_teardown (&f->db, data);
}

static gint64
save_ok (Fixture        *f,
         TandemActivity *activity)
{
  g_autoptr(GError) error = NULL;
  gint64 id = tandem_store_save_activity (f->db.store, activity, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (tandem_record_get_id (TANDEM_RECORD (activity)), ==, id);
  return id;
}

/* An open-ended activity of the company: nothing else needed. */
static gint64
add_activity (Fixture          *f,
              const char       *title,
              TandemVisibility  visibility)
{
  g_autoptr(TandemActivity) activity = tandem_activity_new (title);

  tandem_activity_set_open_ended (activity, TRUE);
  tandem_activity_set_company_id (activity, f->company);
  tandem_activity_set_visibility (activity, visibility);
  if (visibility == TANDEM_VISIBILITY_GROUPS)
    tandem_activity_set_group_ids (activity, &f->sales, 1);
  return save_ok (f, activity);
}

static TandemActivity *
get_ok (Fixture *f,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  TandemActivity *activity = tandem_store_get_activity (f->db.store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (activity);
  return activity;
}

static gboolean
listed (GPtrArray *activities,
        gint64     id)
{
  for (guint i = 0; i < activities->len; i++)
    if (tandem_record_get_id (g_ptr_array_index (activities, i)) == id)
      return TRUE;
  return FALSE;
}

static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  return test_sql_int (f->db.path, sql);
}

static GDateTime *
hours_from_now (double hours)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_add_seconds (now, hours * 3600);
}

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* D3: the shipped lists, in English under LANGUAGE=en. */
static void
test_default_terms (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const categories[] = {
    "CRM event", "Lead", "Sales action", "Customer visit", "Phone call", "E-mail", "Meeting", NULL
  };
  static const char * const kinds[] = { "Events", "Sales", "Marketing", NULL };
  static const char * const types[] = { "CRM events", "Leads", "Sales actions", "Customer visits", NULL };
  static const char * const props[] = { "Customer feedback", "Commercial", "Advice", NULL };
  static const struct { TandemTermSet set; const char * const *names; } lists[] = {
    { TANDEM_TERM_CATEGORY, categories },
    { TANDEM_TERM_KIND, kinds },
    { TANDEM_TERM_TYPE, types },
    { TANDEM_TERM_PROPERTY, props },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTerm) lead = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) priorities = NULL;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_autoptr(GPtrArray) terms = tandem_store_list_terms (f->db.store, lists[l].set, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (terms->len, ==, g_strv_length ((char **) lists[l].names));
      for (guint i = 0; i < terms->len; i++)
        {
          TandemTerm *term = g_ptr_array_index (terms, i);

          g_assert_cmpstr (tandem_term_get_name (term), ==, lists[l].names[i]);
          g_assert_null (tandem_term_get_custom_name (term));
          g_assert_cmpint (tandem_term_get_set (term), ==, lists[l].set);
        }
    }

  lead = tandem_store_get_term (f->db.store, CATEGORY_LEAD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_term_get_kind_id (lead), ==, KIND_SALES);
  g_assert_cmpint (tandem_term_get_type_id (lead), ==, TYPE_LEADS);
  g_assert_false (tandem_term_get_allow_choice (lead));
  g_assert_true (tandem_term_get_sales_target (lead));

  goals = tandem_store_list_terms (f->db.store, TANDEM_TERM_GOAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, ==, 4);
  priorities = tandem_store_list_terms (f->db.store, TANDEM_TERM_PRIORITY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (priorities->len, ==, 3);
  g_assert_cmpstr (tandem_term_get_name (g_ptr_array_index (priorities, 2)), ==, "High");
}

/* D3 "All editable": by an administrator, and by nobody else. */
static void
test_admin_edits_terms (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTerm) call = NULL;
  g_autoptr(TandemTerm) fresh = NULL;
  g_autoptr(TandemTerm) again = NULL;
  g_autoptr(TandemTerm) twin = NULL;
  g_autoptr(GPtrArray) props = NULL;
  g_autoptr(TandemActivity) activity = NULL;
  g_autoptr(TandemActivity) loaded = NULL;
  gint64 id, activity_id;

  /* A plain user is refused, and nothing changes. */
  call = tandem_store_get_term (f->db.store, CATEGORY_CALL, &error);
  g_assert_no_error (error);
  tandem_term_set_name (call, "Call");
  g_assert_cmpint (tandem_store_save_term (f->db.store, call, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (tandem_store_delete_term (f->db.store, CATEGORY_CALL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM activity_terms WHERE id = 35 AND name IS NULL"), ==, 1);

  /* An activity of the category, found by the category's name. */
  activity = tandem_activity_new ("Ring back about the delivery");
  tandem_activity_set_open_ended (activity, TRUE);
  tandem_activity_set_category_id (activity, CATEGORY_CALL);
  activity_id = save_ok (f, activity);

  test_sign_in (&f->db, TEST_ADMIN_LOGIN);
  g_assert_cmpint (tandem_store_save_term (f->db.store, call, &error), ==, CATEGORY_CALL);
  g_assert_no_error (error);
  again = tandem_store_get_term (f->db.store, CATEGORY_CALL, &error);
  g_assert_cmpstr (tandem_term_get_name (again), ==, "Call");
  g_assert_cmpstr (tandem_term_get_custom_name (again), ==, "Call");
  g_assert_cmpstr (tandem_term_get_builtin (again), ==, "Phone call");
  g_clear_object (&again);

  /* A new property goes to the end of its list. */
  fresh = tandem_term_new (TANDEM_TERM_PROPERTY, "Partner event");
  id = tandem_store_save_term (f->db.store, fresh, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  props = tandem_store_list_terms (f->db.store, TANDEM_TERM_PROPERTY, &error);
  g_assert_cmpuint (props->len, ==, 4);
  g_assert_cmpstr (tandem_term_get_name (g_ptr_array_index (props, 3)), ==, "Partner event");

  /* No two entries of a list with one name; no entry without one. */
  twin = tandem_term_new (TANDEM_TERM_PROPERTY, "advice");
  g_assert_cmpint (tandem_store_save_term (f->db.store, twin, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS);
  g_clear_error (&error);
  tandem_term_set_name (twin, "  ");
  g_assert_cmpint (tandem_store_save_term (f->db.store, twin, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (tandem_store_delete_term (f->db.store, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&props, g_ptr_array_unref);
  props = tandem_store_list_terms (f->db.store, TANDEM_TERM_PROPERTY, &error);
  g_assert_cmpuint (props->len, ==, 3);

  /* Deleting a category leaves its activities without one (and without
   * its name in the search index). */
  test_sign_in (&f->db, "anna");
  {
    g_autoptr(GPtrArray) hits = tandem_store_search (f->db.store, "Call", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }
  test_sign_in (&f->db, TEST_ADMIN_LOGIN);
  g_assert_true (tandem_store_delete_term (f->db.store, CATEGORY_CALL, &error));
  g_assert_no_error (error);
  test_sign_in (&f->db, "anna");
  loaded = get_ok (f, activity_id);
  g_assert_cmpint (tandem_activity_get_category_id (loaded), ==, 0);
  g_assert_null (tandem_activity_get_category_name (loaded));
  {
    g_autoptr(GPtrArray) hits = tandem_store_search (f->db.store, "Call", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 0);
  }
}

/* D14, D7: the first save gives a tracking number; the creator is the
 * assigner, performs it when nobody else does, and stays the assigner. */
static void
test_minimal_save (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) activity = tandem_activity_new ("Call Virtanen");
  g_autoptr(TandemActivity) second = tandem_activity_new ("Call Virtanen again");
  g_autoptr(TandemActivity) loaded = NULL;
  g_autoptr(TandemActivity) by_bea = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_date_time_format (now, "%Y");
  g_autofree char *first_number = g_strdup_printf ("%s-00001", year);
  g_autofree char *second_number = g_strdup_printf ("%s-00002", year);
  const gint64 *performers;
  guint n;
  gint64 id;

  tandem_activity_set_open_ended (activity, TRUE);
  id = save_ok (f, activity);
  g_assert_cmpstr (tandem_activity_get_tracking (activity), ==, first_number);
  g_assert_cmpint (tandem_activity_get_assigner_id (activity), ==, f->anna);

  loaded = get_ok (f, id);
  g_assert_cmpstr (tandem_activity_get_title (loaded), ==, "Call Virtanen");
  g_assert_cmpstr (tandem_activity_get_tracking (loaded), ==, first_number);
  g_assert_cmpint (tandem_activity_get_assigner_id (loaded), ==, f->anna);
  g_assert_cmpstr (tandem_activity_get_assigner_name (loaded), ==, "anna");
  g_assert_cmpint (tandem_activity_get_status (loaded), ==, TANDEM_STATUS_PLANNED);
  g_assert_true (tandem_activity_get_open_ended (loaded));
  g_assert_null (tandem_activity_get_start (loaded));
  performers = tandem_activity_get_performer_ids (loaded, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (performers[0], ==, f->anna);

  tandem_activity_set_open_ended (second, TRUE);
  save_ok (f, second);
  g_assert_cmpstr (tandem_activity_get_tracking (second), ==, second_number);

  /* Bea edits it: the assigner and the number stay. */
  test_sign_in (&f->db, "bea");
  by_bea = get_ok (f, id);
  tandem_activity_set_title (by_bea, "Call Virtanen about the order");
  g_assert_cmpint (tandem_store_save_activity (f->db.store, by_bea, &error), ==, id);
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = get_ok (f, id);
  g_assert_cmpstr (tandem_activity_get_title (loaded), ==, "Call Virtanen about the order");
  g_assert_cmpint (tandem_activity_get_assigner_id (loaded), ==, f->anna);
  g_assert_cmpstr (tandem_activity_get_tracking (loaded), ==, first_number);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM activities"), ==, 2);
}

/* D3: the category sets kind and type; the store holds to it where the
 * category allows no choice. */
static void
test_category_sets_kind (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TandemActivity) lead = tandem_activity_new ("New lead from the fair");
  g_autoptr(TandemActivity) event = tandem_activity_new ("Open house");
  g_autoptr(TandemActivity) loaded = NULL;
  gint64 lead_id, event_id;

  /* Lead allows no choice: what the form says is overruled. */
  tandem_activity_set_open_ended (lead, TRUE);
  tandem_activity_set_category_id (lead, CATEGORY_LEAD);
  tandem_activity_set_kind_id (lead, KIND_MARKETING);
  tandem_activity_set_type_id (lead, TYPE_VISITS);
  lead_id = save_ok (f, lead);
  g_assert_cmpint (tandem_activity_get_kind_id (lead), ==, KIND_SALES);
  loaded = get_ok (f, lead_id);
  g_assert_cmpint (tandem_activity_get_kind_id (loaded), ==, KIND_SALES);
  g_assert_cmpint (tandem_activity_get_type_id (loaded), ==, TYPE_LEADS);
  g_assert_cmpstr (tandem_activity_get_category_name (loaded), ==, "Lead");
  g_clear_object (&loaded);

  /* CRM event allows it: the category's own are the defaults. */
  tandem_activity_set_open_ended (event, TRUE);
  tandem_activity_set_category_id (event, CATEGORY_CRM_EVENT);
  event_id = save_ok (f, event);
  loaded = get_ok (f, event_id);
  g_assert_cmpint (tandem_activity_get_kind_id (loaded), ==, KIND_EVENTS);
  g_assert_cmpint (tandem_activity_get_type_id (loaded), ==, TYPE_CRM_EVENTS);
  tandem_activity_set_kind_id (loaded, KIND_MARKETING);
  save_ok (f, loaded);
  g_clear_object (&loaded);
  loaded = get_ok (f, event_id);
  g_assert_cmpint (tandem_activity_get_kind_id (loaded), ==, KIND_MARKETING);
  g_assert_cmpint (tandem_activity_get_type_id (loaded), ==, TYPE_CRM_EVENTS);
  g_assert_cmpint (count_rows (f, "SELECT kind_id FROM activities WHERE title = 'New lead from the fair'"), ==,
                   KIND_SALES);
}

/* D1, D3, D4, D6, D7, D11, D13, E1: every field comes back as saved. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) activity = tandem_activity_new ("Visit the Lahti shop");
  g_autoptr(TandemActivity) loaded = NULL;
  g_autoptr(TandemActivity) similar = NULL;
  g_autoptr(TandemPerson) pekka = tandem_person_new ("Pekka Virtanen");
  g_autoptr(TandemPerson) liisa = tandem_person_new ("Liisa Virtanen");
  g_autoptr(GTimeZone) helsinki = g_time_zone_new_identifier ("Europe/Helsinki");
  g_autoptr(GDateTime) start = g_date_time_new (helsinki, 2030, 3, 4, 9, 30, 0);
  g_autoptr(GDateTime) end = g_date_time_new (helsinki, 2030, 3, 4, 11, 0, 0);
  const TandemReminder reminders[] = { { 15, TANDEM_CHANNEL_APP }, { 1440, TANDEM_CHANNEL_EMAIL } };
  const gint64 properties[] = { PROPERTY_FEEDBACK, PROPERTY_ADVICE };
  gint64 people[2], performers[2];
  const gint64 *ids;
  const TandemReminder *got_reminders;
  const char * const *names;
  guint n;
  gint64 id;

  tandem_person_set_company_id (pekka, f->company);
  tandem_person_set_company_id (liisa, f->company);
  people[0] = tandem_store_save_person (f->db.store, pekka, &error);
  g_assert_no_error (error);
  people[1] = tandem_store_save_person (f->db.store, liisa, &error);
  g_assert_no_error (error);
  performers[0] = f->anna;
  performers[1] = f->bea;

  tandem_activity_set_description (activity, "Spring range");
  tandem_activity_set_details (activity, "Bring the new catalogue.\nAsk about the garden season.");
  tandem_activity_set_internal_notes (activity, "They pay late");
  tandem_activity_set_reference (activity, "Order 4411");
  tandem_activity_set_link (activity, "https://example.com/lahti");
  tandem_activity_set_follow_up (activity, "2030-03-11");
  tandem_activity_set_category_id (activity, CATEGORY_VISIT);
  tandem_activity_set_priority_id (activity, PRIORITY_HIGH);
  tandem_activity_set_goal_id (activity, GOAL_MEETING);
  tandem_activity_set_property_ids (activity, properties, G_N_ELEMENTS (properties));
  tandem_activity_set_direction (activity, TANDEM_DIRECTION_OUTBOUND);
  tandem_activity_set_company_id (activity, f->company);
  tandem_activity_set_person_ids (activity, people, 2);
  tandem_activity_set_project_id (activity, 0);
  tandem_activity_set_responsible_id (activity, f->carl);
  tandem_activity_set_performer_ids (activity, performers, 2);
  tandem_activity_set_public (activity, TRUE);
  tandem_activity_set_times (activity, start, end);
  tandem_activity_set_rrule (activity, "FREQ=WEEKLY;COUNT=3");
  tandem_activity_set_busy (activity, TRUE);
  tandem_activity_set_reminders (activity, reminders, G_N_ELEMENTS (reminders));
  tandem_activity_set_needs_completing (activity, TRUE);
  tandem_activity_set_visibility (activity, TANDEM_VISIBILITY_GROUPS);
  tandem_activity_set_group_ids (activity, &f->sales, 1);
  g_assert_cmpstr (tandem_activity_get_tzid (activity), ==, "Europe/Helsinki");
  id = save_ok (f, activity);

  loaded = get_ok (f, id);
  g_assert_cmpstr (tandem_activity_get_title (loaded), ==, "Visit the Lahti shop");
  g_assert_cmpstr (tandem_record_get_title (TANDEM_RECORD (loaded)), ==, "Visit the Lahti shop");
  g_assert_cmpint (tandem_record_get_kind (TANDEM_RECORD (loaded)), ==, TANDEM_KIND_ACTIVITY);
  g_assert_cmpstr (tandem_activity_get_description (loaded), ==, "Spring range");
  g_assert_cmpstr (tandem_activity_get_details (loaded), ==, "Bring the new catalogue.\nAsk about the garden season.");
  g_assert_cmpstr (tandem_activity_get_internal_notes (loaded), ==, "They pay late");
  g_assert_cmpstr (tandem_activity_get_reference (loaded), ==, "Order 4411");
  g_assert_cmpstr (tandem_activity_get_link (loaded), ==, "https://example.com/lahti");
  g_assert_cmpstr (tandem_activity_get_follow_up (loaded), ==, "2030-03-11");
  g_assert_cmpint (tandem_activity_get_category_id (loaded), ==, CATEGORY_VISIT);
  g_assert_cmpstr (tandem_activity_get_category_name (loaded), ==, "Customer visit");
  g_assert_cmpint (tandem_activity_get_kind_id (loaded), ==, KIND_SALES);
  g_assert_cmpint (tandem_activity_get_type_id (loaded), ==, TYPE_VISITS);
  g_assert_cmpint (tandem_activity_get_priority_id (loaded), ==, PRIORITY_HIGH);
  g_assert_cmpint (tandem_activity_get_goal_id (loaded), ==, GOAL_MEETING);
  ids = tandem_activity_get_property_ids (loaded, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (ids[0], ==, PROPERTY_FEEDBACK);
  g_assert_cmpint (ids[1], ==, PROPERTY_ADVICE);
  g_assert_cmpint (tandem_activity_get_status (loaded), ==, TANDEM_STATUS_PLANNED);
  g_assert_cmpint (tandem_activity_get_outcome (loaded), ==, TANDEM_OUTCOME_NONE);
  g_assert_cmpint (tandem_activity_get_direction (loaded), ==, TANDEM_DIRECTION_OUTBOUND);
  g_assert_cmpint (tandem_activity_get_company_id (loaded), ==, f->company);
  g_assert_cmpstr (tandem_activity_get_company_name (loaded), ==, "Rautakauppa Virtanen Oy");
  ids = tandem_activity_get_person_ids (loaded, &n);
  names = tandem_activity_get_person_names (loaded);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 2);
  /* In name order, each name with its id */
  g_assert_cmpint (ids[0], ==, people[1]);
  g_assert_cmpstr (names[0], ==, "Liisa Virtanen");
  g_assert_cmpint (ids[1], ==, people[0]);
  g_assert_cmpstr (names[1], ==, "Pekka Virtanen");
  g_assert_cmpint (tandem_activity_get_project_id (loaded), ==, 0);
  g_assert_cmpint (tandem_activity_get_assigner_id (loaded), ==, f->anna);
  g_assert_cmpstr (tandem_activity_get_assigner_name (loaded), ==, "anna");
  g_assert_cmpint (tandem_activity_get_responsible_id (loaded), ==, f->carl);
  ids = tandem_activity_get_performer_ids (loaded, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (tandem_activity_has_performer (loaded, f->anna));
  g_assert_true (tandem_activity_has_performer (loaded, f->bea));
  g_assert_false (tandem_activity_has_performer (loaded, f->carl));
  g_assert_true (tandem_activity_get_public (loaded));
  g_assert_false (tandem_activity_get_open_ended (loaded));
  g_assert_false (tandem_activity_get_all_day (loaded));
  g_assert_cmpstr (tandem_activity_get_tzid (loaded), ==, "Europe/Helsinki");
  g_assert_true (g_date_time_equal (tandem_activity_get_start (loaded), start));
  g_assert_true (g_date_time_equal (tandem_activity_get_end (loaded), end));
  g_assert_cmpint (g_date_time_get_hour (tandem_activity_get_start (loaded)), ==, 9);
  g_assert_cmpstr (tandem_activity_get_rrule (loaded), ==, "FREQ=WEEKLY;COUNT=3");
  g_assert_true (tandem_activity_get_busy (loaded));
  got_reminders = tandem_activity_get_reminders (loaded, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (got_reminders[0].minutes_before, ==, 15);
  g_assert_cmpint (got_reminders[0].channel, ==, TANDEM_CHANNEL_APP);
  g_assert_cmpint (got_reminders[1].minutes_before, ==, 1440);
  g_assert_cmpint (got_reminders[1].channel, ==, TANDEM_CHANNEL_EMAIL);
  g_assert_true (tandem_activity_get_needs_completing (loaded));
  g_assert_cmpint (tandem_activity_get_visibility (loaded), ==, TANDEM_VISIBILITY_GROUPS);
  ids = tandem_activity_get_group_ids (loaded, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, f->sales);
  g_assert_nonnull (tandem_activity_get_tracking (loaded));
  g_assert_nonnull (tandem_activity_get_created_at (loaded));
  g_assert_nonnull (tandem_activity_get_updated_at (loaded));
  g_assert_null (tandem_activity_get_completed_at (loaded));

  /* The file keeps wall-clock and UTC times, and the end of the series:
   * three weeks, in winter time (UTC+2). */
  {
    g_autofree char *local = test_sql_text (f->db.path, "SELECT start_local FROM activities");
    g_autofree char *utc = test_sql_text (f->db.path, "SELECT start_utc FROM activities");
    g_autofree char *series_end = test_sql_text (f->db.path, "SELECT series_end_utc FROM activities");

    g_assert_cmpstr (local, ==, "2030-03-04T09:30:00");
    g_assert_cmpstr (utc, ==, "2030-03-04T07:30:00Z");
    g_assert_cmpstr (series_end, ==, "2030-03-18T09:00:00Z");
  }

  /* D14 "Save and plan similar": the same data, not yet saved. */
  similar = tandem_activity_new_similar (loaded);
  g_assert_cmpint (tandem_record_get_id (TANDEM_RECORD (similar)), ==, 0);
  g_assert_null (tandem_activity_get_tracking (similar));
  g_assert_cmpstr (tandem_activity_get_title (similar), ==, "Visit the Lahti shop");
  g_assert_cmpint (tandem_activity_get_company_id (similar), ==, f->company);
  g_assert_true (g_date_time_equal (tandem_activity_get_start (similar), start));
  tandem_activity_get_person_ids (similar, &n);
  g_assert_cmpuint (n, ==, 2);

  /* Completing it with an outcome stamps the time. */
  g_assert_true (tandem_store_set_activity_status (f->db.store, id, TANDEM_STATUS_COMPLETED,
                                                   TANDEM_OUTCOME_SUCCESS, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = get_ok (f, id);
  g_assert_cmpint (tandem_activity_get_status (loaded), ==, TANDEM_STATUS_COMPLETED);
  g_assert_cmpint (tandem_activity_get_outcome (loaded), ==, TANDEM_OUTCOME_SUCCESS);
  g_assert_nonnull (tandem_activity_get_completed_at (loaded));
}

/* D4: bad times are refused with a message, and nothing is written. */
static void
test_bad_times (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) activity = tandem_activity_new ("Backwards meeting");
  g_autoptr(GDateTime) start = hours_from_now (2);
  g_autoptr(GDateTime) end = hours_from_now (1);

  tandem_activity_set_times (activity, start, end);
  g_assert_cmpint (tandem_store_save_activity (f->db.store, activity, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ends before it starts"));
  g_clear_error (&error);
  g_assert_cmpint (tandem_record_get_id (TANDEM_RECORD (activity)), ==, 0);
  g_assert_null (tandem_activity_get_tracking (activity));

  /* No times and not open-ended */
  tandem_activity_set_times (activity, NULL, NULL);
  g_assert_cmpint (tandem_store_save_activity (f->db.store, activity, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);

  /* Open-ended cannot repeat. */
  tandem_activity_set_open_ended (activity, TRUE);
  tandem_activity_set_rrule (activity, "FREQ=DAILY");
  g_assert_cmpint (tandem_store_save_activity (f->db.store, activity, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);

  /* Nor is a title of spaces a title. */
  tandem_activity_set_rrule (activity, NULL);
  tandem_activity_set_title (activity, "   ");
  g_assert_cmpint (tandem_store_save_activity (f->db.store, activity, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);

  /* Nor a company that is not there. */
  tandem_activity_set_title (activity, "Meeting");
  tandem_activity_set_company_id (activity, 9999);
  g_assert_cmpint (tandem_store_save_activity (f->db.store, activity, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM activities"), ==, 0);
  /* A refused save gives its tracking number back. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM counters"), ==, 0);

  /* An all-day activity takes whole days in its zone. */
  tandem_activity_set_company_id (activity, 0);
  tandem_activity_set_open_ended (activity, FALSE);
  tandem_activity_set_all_day (activity, TRUE);
  tandem_activity_set_tzid (activity, "Europe/Warsaw");
  tandem_activity_set_times (activity, end, end);
  save_ok (f, activity);
  {
    g_autofree char *s = test_sql_text (f->db.path, "SELECT substr (start_local, 12) || ' ' || substr (end_local, 12) FROM activities");
    g_autofree char *days = test_sql_text (f->db.path, "SELECT julianday (substr (end_local, 1, 10)) - julianday (substr (start_local, 1, 10)) FROM activities");

    g_assert_cmpstr (s, ==, "00:00:00 00:00:00");
    g_assert_cmpfloat (g_ascii_strtod (days, NULL), ==, 1.0);
  }
}

/* D9: with a goal, completed needs an outcome — saved or set. */
static void
test_goal_needs_outcome (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) activity = tandem_activity_new ("Propose a meeting");
  g_autoptr(TandemActivity) loaded = NULL;
  gint64 id;

  tandem_activity_set_open_ended (activity, TRUE);
  tandem_activity_set_goal_id (activity, GOAL_MEETING);
  tandem_activity_set_status (activity, TANDEM_STATUS_COMPLETED);
  g_assert_cmpint (tandem_store_save_activity (f->db.store, activity, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "outcome"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM activities"), ==, 0);

  tandem_activity_set_outcome (activity, TANDEM_OUTCOME_FAILURE);
  id = save_ok (f, activity);
  loaded = get_ok (f, id);
  g_assert_cmpint (tandem_activity_get_outcome (loaded), ==, TANDEM_OUTCOME_FAILURE);
  g_assert_nonnull (tandem_activity_get_completed_at (loaded));
  g_clear_object (&loaded);

  /* Planned again: no outcome, no completion time. */
  g_assert_true (tandem_store_set_activity_status (f->db.store, id, TANDEM_STATUS_PLANNED,
                                                   TANDEM_OUTCOME_SUCCESS, &error));
  g_assert_no_error (error);
  loaded = get_ok (f, id);
  g_assert_cmpint (tandem_activity_get_status (loaded), ==, TANDEM_STATUS_PLANNED);
  g_assert_cmpint (tandem_activity_get_outcome (loaded), ==, TANDEM_OUTCOME_NONE);
  g_assert_null (tandem_activity_get_completed_at (loaded));

  g_assert_false (tandem_store_set_activity_status (f->db.store, id, TANDEM_STATUS_COMPLETED,
                                                    TANDEM_OUTCOME_NONE, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "SELECT status FROM activities"), ==, TANDEM_STATUS_PLANNED);

  g_assert_true (tandem_store_set_activity_status (f->db.store, id, TANDEM_STATUS_COMPLETED,
                                                   TANDEM_OUTCOME_SUCCESS, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT outcome FROM activities"), ==, TANDEM_OUTCOME_SUCCESS);

  /* Cancelling needs no outcome. */
  g_assert_true (tandem_store_set_activity_status (f->db.store, id, TANDEM_STATUS_CANCELLED,
                                                   TANDEM_OUTCOME_NONE, &error));
  g_assert_no_error (error);
}

/* Every read path agrees on whether activity @id (whose title has @word)
 * is visible to the signed-in user. */
static void
assert_activity_seen (Fixture    *f,
                      gint64      id,
                      const char *word,
                      gboolean    seen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) activity = NULL;
  g_autoptr(GPtrArray) of_company = NULL;
  g_autoptr(GPtrArray) to_complete = NULL;
  g_autoptr(GPtrArray) start_page = NULL;
  g_autoptr(GPtrArray) category = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  activity = tandem_store_get_activity (f->db.store, id, &error);
  if (seen)
    {
      g_assert_no_error (error);
      g_assert_nonnull (activity);
    }
  else
    {
      g_assert_null (activity);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }

  of_company = tandem_store_list_activities_of (f->db.store, TANDEM_KIND_COMPANY, f->company, &error);
  g_assert_no_error (error);
  g_assert_cmpint (listed (of_company, id), ==, seen);

  hits = tandem_store_search (f->db.store, word, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, seen ? 1 : 0);

  /* The user's own lists never hold what the user may not see. */
  to_complete = tandem_store_list_to_complete (f->db.store, &error);
  g_assert_no_error (error);
  start_page = tandem_store_list_start_page (f->db.store, now, &error);
  g_assert_no_error (error);
  category = tandem_store_list_category_activities (f->db.store, CATEGORY_VISIT, 0, &error);
  g_assert_no_error (error);
  if (!seen)
    {
      g_assert_false (listed (to_complete, id));
      g_assert_false (listed (start_page, id));
      g_assert_false (listed (category, id));
    }
}

/* A busy activity of @f->company, due tomorrow, with a follow-up, to be
 * completed later: it belongs on every list of the people doing it. */
static gint64
add_full_activity (Fixture          *f,
                   const char       *title,
                   TandemVisibility  visibility,
                   const gint64     *performers,
                   guint             n_performers)
{
  g_autoptr(TandemActivity) activity = tandem_activity_new (title);
  g_autoptr(GDateTime) start = hours_from_now (24);
  g_autoptr(GDateTime) end = hours_from_now (25);
  g_autofree char *follow_up = date_from_today (3);

  tandem_activity_set_company_id (activity, f->company);
  tandem_activity_set_category_id (activity, CATEGORY_VISIT);
  tandem_activity_set_times (activity, start, end);
  tandem_activity_set_follow_up (activity, follow_up);
  tandem_activity_set_needs_completing (activity, TRUE);
  tandem_activity_set_visibility (activity, visibility);
  if (visibility == TANDEM_VISIBILITY_GROUPS)
    tandem_activity_set_group_ids (activity, &f->sales, 1);
  tandem_activity_set_performer_ids (activity, performers, n_performers);
  return save_ok (f, activity);
}

/* E1, E3, E5: a private activity is seen by its author and performers
 * only — on every read path, administrators included. */
static void
test_private (Fixture       *f,
              gconstpointer  data)
{
  gint64 performers[] = { 0, 0 };
  gint64 id;

  performers[0] = f->anna;
  performers[1] = f->carl;
  id = add_full_activity (f, "Secret zebra negotiation", TANDEM_VISIBILITY_PRIVATE, performers, 2);
  assert_activity_seen (f, id, "zebra", TRUE);

  test_sign_in (&f->db, "bea");
  assert_activity_seen (f, id, "zebra", FALSE);

  test_sign_in (&f->db, "carl");
  assert_activity_seen (f, id, "zebra", TRUE);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) to_complete = tandem_store_list_to_complete (f->db.store, &error);
    g_autoptr(GPtrArray) category = tandem_store_list_category_activities (f->db.store, CATEGORY_VISIT, 10, &error);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GPtrArray) start_page = tandem_store_list_start_page (f->db.store, now, &error);

    g_assert_no_error (error);
    g_assert_true (listed (to_complete, id));
    g_assert_true (listed (category, id));
    g_assert_true (listed (start_page, id));
  }

  test_sign_in (&f->db, TEST_ADMIN_LOGIN);
  assert_activity_seen (f, id, "zebra", FALSE);
}

/* E1: chosen groups see it; others, administrators included, do not. */
static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = add_activity (f, "Sales quokka review", TANDEM_VISIBILITY_GROUPS);
  gint64 open_id = add_activity (f, "Open wombat fair", TANDEM_VISIBILITY_EVERYONE);

  assert_activity_seen (f, id, "quokka", TRUE);
  test_sign_in (&f->db, "bea");
  assert_activity_seen (f, id, "quokka", TRUE);
  assert_activity_seen (f, open_id, "wombat", TRUE);
  test_sign_in (&f->db, "carl");
  assert_activity_seen (f, id, "quokka", FALSE);
  assert_activity_seen (f, open_id, "wombat", TRUE);
  test_sign_in (&f->db, TEST_ADMIN_LOGIN);
  assert_activity_seen (f, id, "quokka", FALSE);
  /* E5: no count gives it away either. */
  g_assert_cmpuint (tandem_store_count (f->db.store, TANDEM_KIND_ACTIVITY, NULL), ==, 1);
  test_sign_in (&f->db, "bea");
  g_assert_cmpuint (tandem_store_count (f->db.store, TANDEM_KIND_ACTIVITY, NULL), ==, 2);
}

/* E3: another user's private activity shows in the calendar as "Busy",
 * its time only, and only when it is busy; one the reader may see shows
 * in full. (The view masked_busy_activities is read by the calendar.) */
static void
test_masked_busy (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = hours_from_now (-1);
  g_autoptr(GDateTime) to = hours_from_now (48);
  g_autoptr(GPtrArray) seen_by_bea = NULL;
  g_autoptr(GPtrArray) seen_by_anna = NULL;
  const struct { const char *title; TandemVisibility visibility; gboolean busy; double hours; } plan[] = {
    { "Private busy jaguar", TANDEM_VISIBILITY_PRIVATE, TRUE, 2 },
    { "Private free jaguar", TANDEM_VISIBILITY_PRIVATE, FALSE, 5 },
    { "Open busy jaguar", TANDEM_VISIBILITY_EVERYONE, TRUE, 8 },
  };
  gint64 ids[G_N_ELEMENTS (plan)];
  TandemOccurrence *masked, *open;

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      g_autoptr(TandemActivity) activity = tandem_activity_new (plan[i].title);
      g_autoptr(GDateTime) start = hours_from_now (plan[i].hours);
      g_autoptr(GDateTime) end = hours_from_now (plan[i].hours + 1);

      tandem_activity_set_times (activity, start, end);
      tandem_activity_set_company_id (activity, f->company);
      tandem_activity_set_visibility (activity, plan[i].visibility);
      tandem_activity_set_busy (activity, plan[i].busy);
      ids[i] = save_ok (f, activity);
    }

  seen_by_anna = tandem_store_list_occurrences (f->db.store, f->anna, from, to, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen_by_anna->len, ==, 3);

  test_sign_in (&f->db, "bea");
  seen_by_bea = tandem_store_list_occurrences (f->db.store, f->anna, from, to, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen_by_bea->len, ==, 2);

  masked = g_ptr_array_index (seen_by_bea, 0);
  g_assert_true (tandem_occurrence_is_masked (masked));
  g_assert_cmpint (tandem_occurrence_get_activity_id (masked), ==, 0);
  g_assert_cmpstr (tandem_occurrence_get_title (masked), ==, "Busy");
  g_assert_null (tandem_occurrence_get_company_name (masked));
  g_assert_null (tandem_occurrence_get_description (masked));
  g_assert_cmpint (tandem_occurrence_get_start (masked), ==,
                   tandem_occurrence_get_start (g_ptr_array_index (seen_by_anna, 0)));

  open = g_ptr_array_index (seen_by_bea, 1);
  g_assert_false (tandem_occurrence_is_masked (open));
  g_assert_cmpint (tandem_occurrence_get_activity_id (open), ==, ids[2]);
  g_assert_cmpstr (tandem_occurrence_get_title (open), ==, "Open busy jaguar");

  /* Deleted, it is not busy for anyone any more. */
  test_sign_in (&f->db, "anna");
  g_assert_true (tandem_store_delete (f->db.store, TANDEM_KIND_ACTIVITY, ids[0], &error));
  g_assert_no_error (error);
  test_sign_in (&f->db, "bea");
  g_clear_pointer (&seen_by_bea, g_ptr_array_unref);
  seen_by_bea = tandem_store_list_occurrences (f->db.store, f->anna, from, to, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen_by_bea->len, ==, 1);
}

/* E2: who sees it is the author's or an administrator's to change. */
static void
test_change_visibility (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) activity = NULL;
  g_autoptr(TandemActivity) again = NULL;
  gint64 id = add_activity (f, "Group lynx call", TANDEM_VISIBILITY_GROUPS);

  test_sign_in (&f->db, "bea");
  activity = get_ok (f, id);
  tandem_activity_set_description (activity, "Bea adds a line");
  save_ok (f, activity);

  tandem_activity_set_visibility (activity, TANDEM_VISIBILITY_EVERYONE);
  g_assert_cmpint (tandem_store_save_activity (f->db.store, activity, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  tandem_activity_set_visibility (activity, TANDEM_VISIBILITY_PRIVATE);
  g_assert_cmpint (tandem_store_save_activity (f->db.store, activity, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "SELECT visibility FROM activities"), ==, TANDEM_VISIBILITY_GROUPS);

  /* Naming an outsider as performer or responsible would let them in. */
  tandem_activity_set_visibility (activity, TANDEM_VISIBILITY_GROUPS);
  tandem_activity_set_performer_ids (activity, &f->carl, 1);
  g_assert_cmpint (tandem_store_save_activity (f->db.store, activity, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_object (&activity);
  activity = get_ok (f, id);
  tandem_activity_set_responsible_id (activity, f->carl);
  g_assert_cmpint (tandem_store_save_activity (f->db.store, activity, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);

  test_sign_in (&f->db, "carl");
  assert_activity_seen (f, id, "lynx", FALSE);

  /* The author opens it to everyone. */
  test_sign_in (&f->db, "anna");
  again = get_ok (f, id);
  g_assert_cmpstr (tandem_activity_get_description (again), ==, "Bea adds a line");
  tandem_activity_set_visibility (again, TANDEM_VISIBILITY_EVERYONE);
  save_ok (f, again);
  test_sign_in (&f->db, "carl");
  assert_activity_seen (f, id, "lynx", TRUE);
}

/* E1: an activity of a deleted company goes with it, and comes back. */
static void
test_deleted_company (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_activity (f, "Ocelot delivery", TANDEM_VISIBILITY_EVERYONE);

  g_assert_true (tandem_store_delete (f->db.store, TANDEM_KIND_COMPANY, f->company, &error));
  g_assert_no_error (error);
  assert_activity_seen (f, id, "ocelot", FALSE);
  g_assert_true (tandem_store_restore (f->db.store, TANDEM_KIND_COMPANY, f->company, &error));
  g_assert_no_error (error);
  assert_activity_seen (f, id, "ocelot", TRUE);
}

/* Delete at once, Undo restores, purge removes for good. */
static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 hidden = add_activity (f, "Private ibis", TANDEM_VISIBILITY_PRIVATE);
  gint64 id = add_activity (f, "Heron inspection", TANDEM_VISIBILITY_EVERYONE);

  /* Nobody deletes what they cannot see. */
  test_sign_in (&f->db, "bea");
  g_assert_false (tandem_store_delete (f->db.store, TANDEM_KIND_ACTIVITY, hidden, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (tandem_store_delete (f->db.store, TANDEM_KIND_ACTIVITY, id, &error));
  g_assert_no_error (error);
  assert_activity_seen (f, id, "heron", FALSE);
  g_assert_true (tandem_store_restore (f->db.store, TANDEM_KIND_ACTIVITY, id, &error));
  g_assert_no_error (error);
  assert_activity_seen (f, id, "heron", TRUE);

  /* Restoring is no way around visibility either. */
  test_sign_in (&f->db, "anna");
  g_assert_true (tandem_store_delete (f->db.store, TANDEM_KIND_ACTIVITY, hidden, &error));
  g_assert_no_error (error);
  test_sign_in (&f->db, "bea");
  g_assert_false (tandem_store_restore (f->db.store, TANDEM_KIND_ACTIVITY, hidden, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "SELECT deleted FROM activities WHERE title = 'Private ibis'"), ==, 1);

  g_assert_true (tandem_store_delete (f->db.store, TANDEM_KIND_ACTIVITY, id, &error));
  g_assert_true (tandem_store_purge_deleted (f->db.store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM activities"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM search_index WHERE rowid & 7 = 4"), ==, 0);
}

/* D17: the user's open activities with a date; overdue ones first. */
static void
test_start_page (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) page = NULL;
  const char *expected[] = { "Follow-up two days ago", "Ended yesterday", "Ends tomorrow",
                             "Follow-up in five days" };
  struct
  {
    const char *title;
    double      end_hours;    /* 0: open-ended */
    int         follow_up;    /* days from today; 0: none */
    gboolean    completed;
  } plan[] = {
    { "Ends tomorrow", 24, 0, FALSE },
    { "Follow-up in five days", 0, 5, FALSE },
    { "Ended yesterday", -24, 0, FALSE },
    { "No date at all", 0, 0, FALSE },
    { "Follow-up two days ago", 0, -2, FALSE },
    { "Done long ago", -72, 0, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      g_autoptr(TandemActivity) activity = tandem_activity_new (plan[i].title);

      if (plan[i].end_hours != 0)
        {
          g_autoptr(GDateTime) start = hours_from_now (plan[i].end_hours - 1);
          g_autoptr(GDateTime) end = hours_from_now (plan[i].end_hours);

          tandem_activity_set_times (activity, start, end);
        }
      else
        tandem_activity_set_open_ended (activity, TRUE);
      if (plan[i].follow_up != 0)
        {
          g_autofree char *date = date_from_today (plan[i].follow_up);

          tandem_activity_set_follow_up (activity, date);
        }
      if (plan[i].completed)
        tandem_activity_set_status (activity, TANDEM_STATUS_COMPLETED);
      save_ok (f, activity);
    }

  page = tandem_store_list_start_page (f->db.store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < page->len; i++)
    g_assert_cmpstr (tandem_activity_get_title (g_ptr_array_index (page, i)), ==, expected[i]);

  /* Someone else's activities are not on anna's page. */
  test_sign_in (&f->db, "bea");
  g_clear_pointer (&page, g_ptr_array_unref);
  page = tandem_store_list_start_page (f->db.store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 0);
}

/* B6, C3: the company card lists activities linked through its people;
 * the person card lists the person's own. */
static void
test_company_and_person_lists (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemPerson) pekka = tandem_person_new ("Pekka Virtanen");
  g_autoptr(TandemActivity) via_person = tandem_activity_new ("Lunch with Pekka");
  g_autoptr(TandemActivity) elsewhere = tandem_activity_new ("Other company's visit");
  g_autoptr(GPtrArray) of_company = NULL;
  g_autoptr(GPtrArray) of_person = NULL;
  g_autoptr(GPtrArray) of_other = NULL;
  gint64 other = test_add_company (&f->db, "Kauppahalli Oy");
  gint64 direct, person_id, via_id, elsewhere_id;

  tandem_person_set_company_id (pekka, f->company);
  person_id = tandem_store_save_person (f->db.store, pekka, &error);
  g_assert_no_error (error);

  direct = add_activity (f, "Direct one", TANDEM_VISIBILITY_EVERYONE);
  /* Linked to the person at another company (he consults for them) */
  tandem_activity_set_open_ended (via_person, TRUE);
  tandem_activity_set_company_id (via_person, other);
  tandem_activity_set_person_ids (via_person, &person_id, 1);
  via_id = save_ok (f, via_person);
  tandem_activity_set_open_ended (elsewhere, TRUE);
  tandem_activity_set_company_id (elsewhere, other);
  elsewhere_id = save_ok (f, elsewhere);

  of_company = tandem_store_list_activities_of (f->db.store, TANDEM_KIND_COMPANY, f->company, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_company->len, ==, 2);
  g_assert_true (listed (of_company, direct));
  g_assert_true (listed (of_company, via_id));
  g_assert_false (listed (of_company, elsewhere_id));

  of_person = tandem_store_list_activities_of (f->db.store, TANDEM_KIND_PERSON, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_person->len, ==, 1);
  g_assert_true (listed (of_person, via_id));
  g_assert_cmpstr (tandem_activity_get_person_names (g_ptr_array_index (of_person, 0))[0], ==, "Pekka Virtanen");

  of_other = tandem_store_list_activities_of (f->db.store, TANDEM_KIND_COMPANY, other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_other->len, ==, 2);

  g_assert_null (tandem_store_list_activities_of (f->db.store, TANDEM_KIND_NOTE, 1, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
}

/* K1, D14: found by tracking number, description, company and contact. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemActivity) activity = tandem_activity_new ("Quarterly review");
  g_autoptr(TandemPerson) liisa = tandem_person_new ("Liisa Mäkinen");
  g_autoptr(TandemCompany) company = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 person_id, id;
  TandemSearchHit *hit;

  tandem_person_set_company_id (liisa, f->company);
  person_id = tandem_store_save_person (f->db.store, liisa, &error);
  g_assert_no_error (error);

  tandem_activity_set_open_ended (activity, TRUE);
  tandem_activity_set_description (activity, "Discuss the snowplough contract");
  tandem_activity_set_internal_notes (activity, "confidential margin figures");
  tandem_activity_set_company_id (activity, f->company);
  tandem_activity_set_person_ids (activity, &person_id, 1);
  id = save_ok (f, activity);

  hits = tandem_store_search (f->db.store, tandem_activity_get_tracking (activity), 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (tandem_search_hit_get_kind (hit), ==, TANDEM_KIND_ACTIVITY);
  g_assert_cmpint (tandem_search_hit_get_id (hit), ==, id);
  g_assert_cmpstr (tandem_search_hit_get_title (hit), ==, "Quarterly review");
  g_assert_cmpint (tandem_search_hit_get_parent_kind (hit), ==, TANDEM_KIND_COMPANY);
  g_assert_cmpint (tandem_search_hit_get_parent_id (hit), ==, f->company);
  g_assert_cmpstr (tandem_search_hit_get_parent_name (hit), ==, "Rautakauppa Virtanen Oy");
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = tandem_store_search (f->db.store, "snowplough", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Internal notes stay out of the index. */
  hits = tandem_store_search (f->db.store, "margin", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Renaming the company takes the activity's index row along. */
  company = tandem_store_get_company (f->db.store, f->company, &error);
  g_assert_no_error (error);
  tandem_company_set_name (company, "Rautakauppa Nieminen Oy");
  tandem_store_save_company (f->db.store, company, &error);
  g_assert_no_error (error);
  hits = tandem_store_search (f->db.store, "Nieminen review", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (tandem_search_hit_get_kind (g_ptr_array_index (hits, 0)), ==, TANDEM_KIND_ACTIVITY);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = tandem_store_search (f->db.store, "Mäkinen review", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
}

/* D13, D19: the To complete list and the seller's category card hold the
 * user's own activities. */
static void
test_own_lists (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) to_complete = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  gint64 anna_only[] = { 0 };
  gint64 bea_only[] = { 0 };
  gint64 mine, bea_does;

  anna_only[0] = f->anna;
  bea_only[0] = f->bea;
  mine = add_full_activity (f, "Anna's visit", TANDEM_VISIBILITY_EVERYONE, anna_only, 1);
  bea_does = add_full_activity (f, "Bea's visit", TANDEM_VISIBILITY_EVERYONE, bea_only, 1);

  /* Anna assigned both: both are hers to complete; only one hers to do. */
  to_complete = tandem_store_list_to_complete (f->db.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (to_complete->len, ==, 2);
  visits = tandem_store_list_category_activities (f->db.store, CATEGORY_VISIT, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 1);
  g_assert_true (listed (visits, mine));
  g_clear_pointer (&to_complete, g_ptr_array_unref);
  g_clear_pointer (&visits, g_ptr_array_unref);

  test_sign_in (&f->db, "bea");
  to_complete = tandem_store_list_to_complete (f->db.store, &error);
  g_assert_cmpuint (to_complete->len, ==, 1);
  g_assert_true (listed (to_complete, bea_does));
  visits = tandem_store_list_category_activities (f->db.store, CATEGORY_VISIT, 10, &error);
  g_assert_cmpuint (visits->len, ==, 1);
  g_assert_true (listed (visits, bea_does));
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = tandem_store_list_category_activities (f->db.store, CATEGORY_LEAD, 10, &error);
  g_assert_cmpuint (visits->len, ==, 0);
}

/* The copy a form edits is independent, and notifies only on change. */
static void
test_object (void)
{
  g_autoptr(TandemActivity) activity = tandem_activity_new ("Original");
  g_autoptr(TandemActivity) copy = NULL;
  g_autoptr(GTimeZone) warsaw = g_time_zone_new_identifier ("Europe/Warsaw");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) start = g_date_time_new (utc, 2031, 6, 1, 10, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (utc, 2031, 6, 1, 11, 0, 0);
  gint64 persons[] = { 7, 8 };
  guint n;

  tandem_activity_set_tzid (activity, "Europe/Warsaw");
  tandem_activity_set_times (activity, start, end);
  /* Kept in the activity's zone (summer time, UTC+2) */
  g_assert_cmpint (g_date_time_get_hour (tandem_activity_get_start (activity)), ==, 12);
  tandem_activity_set_person_ids (activity, persons, 2);

  copy = tandem_activity_copy (activity);
  tandem_activity_set_title (copy, "Changed");
  persons[0] = 9;
  tandem_activity_set_person_ids (copy, persons, 1);
  g_assert_cmpstr (tandem_activity_get_title (activity), ==, "Original");
  tandem_activity_get_person_ids (activity, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (tandem_activity_get_tzid (copy), ==, "Europe/Warsaw");
  g_assert_true (g_date_time_equal (tandem_activity_get_start (copy), start));
  g_assert_cmpint (g_date_time_get_hour (tandem_activity_get_end (copy)), ==, 13);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/activities/object-D14", test_object);
  ADD ("/activities/default-terms-D3", test_default_terms);
  ADD ("/activities/admin-edits-terms-D3", test_admin_edits_terms);
  ADD ("/activities/minimal-save-D14-D7", test_minimal_save);
  ADD ("/activities/category-sets-kind-D3", test_category_sets_kind);
  ADD ("/activities/round-trip-D1", test_round_trip);
  ADD ("/activities/bad-times-D4", test_bad_times);
  ADD ("/activities/goal-needs-outcome-D9", test_goal_needs_outcome);
  ADD ("/activities/private-E1-E3", test_private);
  ADD ("/activities/groups-E1", test_groups);
  ADD ("/activities/masked-busy-E3", test_masked_busy);
  ADD ("/activities/change-visibility-E2", test_change_visibility);
  ADD ("/activities/deleted-company-E1", test_deleted_company);
  ADD ("/activities/delete-restore", test_delete_restore);
  ADD ("/activities/start-page-D17", test_start_page);
  ADD ("/activities/company-and-person-B6-C3", test_company_and_person_lists);
  ADD ("/activities/search-K1", test_search);
  ADD ("/activities/own-lists-D13-D19", test_own_lists);

  return g_test_run ();
}
