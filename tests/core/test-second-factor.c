/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <sqlite3.h>

#include "tandem-test-db.h"
#include "tandem-totp.h"

/* The second factor in the store (SPEC A2): set-up with a first code,
 * sign-in in two steps, codes that work once, recovery codes, the limit
 * on wrong codes, and the administrators' requirement. The code values
 * themselves are checked against RFC 6238 in test-totp. */

#define ADD_DB_TEST(path, func) \
  g_test_add (path, TestDb, NULL, test_db_setup, func, test_db_teardown)

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The code an authenticator app with @secret shows @offset steps from now */
static char *
code_at (const char *secret,
         int         offset)
{
  g_autoptr(GError) error = NULL;
  char *code = tandem_totp_code (secret, now_unix () + offset * TANDEM_TOTP_PERIOD, &error);

  g_assert_no_error (error);
  return code;
}

static void
sql_write (const char *path,
           const char *sql)
{
  sqlite3 *conn = NULL;

  g_assert_cmpint (sqlite3_open (path, &conn), ==, SQLITE_OK);
  sqlite3_busy_timeout (conn, 5000);
  g_assert_cmpint (sqlite3_exec (conn, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (conn);
}

/* Sets up the second factor for the signed-in user as the app would and
 * returns the key; @codes gets the recovery codes. */
static char *
enrol (TestDb  *db,
       GStrv   *codes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *first = NULL;
  char *secret;

  secret = tandem_store_second_factor_begin (db->store, NULL, &uri, &error);
  g_assert_no_error (error);
  g_assert_nonnull (secret);
  g_assert_true (g_str_has_prefix (uri, "otpauth://totp/Tandem:"));

  first = code_at (secret, 0);
  *codes = tandem_store_second_factor_confirm (db->store, NULL, first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*codes);
  return secret;
}

static void
assert_signed_out_with (TestDb     *db,
                        GError     *error,
                        int         code,
                        const char *message)
{
  g_assert_error (error, TANDEM_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  g_assert_null (tandem_store_get_user (db->store));
}

/* A2: set-up needs a first right code; the key is kept only once it is
 * confirmed, and ten recovery codes come out, stored as hashes only. */
static void
test_enrol_A2 (TestDb        *db,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *right = NULL;
  g_auto(GStrv) codes = NULL;
  TandemSecondFactorStatus status;

  g_assert_true (tandem_store_get_second_factor_status (db->store, NULL, &status, &error));
  g_assert_false (status.enrolled);
  g_assert_false (status.pending);

  secret = tandem_store_second_factor_begin (db->store, NULL, &uri, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (uri, secret));
  g_assert_true (tandem_store_get_second_factor_status (db->store, NULL, &status, &error));
  g_assert_false (status.enrolled);
  g_assert_true (status.pending);
  g_assert_null (test_sql_text (db->path, "SELECT secret FROM user_totp"));

  /* Until it is confirmed, signing in needs the password only. */
  tandem_store_sign_out (db->store);
  g_assert_true (tandem_store_sign_in (db->store, TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD, &error));
  g_assert_no_error (error);

  /* A wrong first code and a malformed one say so and change nothing. */
  right = code_at (secret, 0);
  wrong = g_strdup_printf ("%06d", (atoi (right) + 500000) % 1000000);
  g_assert_null (tandem_store_second_factor_confirm (db->store, NULL, wrong, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH);
  g_clear_error (&error);
  g_assert_null (tandem_store_second_factor_confirm (db->store, NULL, "12345", &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tandem_store_get_second_factor_status (db->store, NULL, &status, &error));
  g_assert_false (status.enrolled);

  codes = tandem_store_second_factor_confirm (db->store, NULL, right, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (codes), ==, TANDEM_TOTP_RECOVERY_COUNT);
  g_assert_true (tandem_store_get_second_factor_status (db->store, NULL, &status, &error));
  g_assert_true (status.enrolled);
  g_assert_false (status.pending);
  g_assert_cmpuint (status.recovery_codes_left, ==, TANDEM_TOTP_RECOVERY_COUNT);

  /* Recovery codes are kept only as salted hashes. */
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM user_recovery_codes"), ==, TANDEM_TOTP_RECOVERY_COUNT);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM user_recovery_codes"
                                              " WHERE instr (hash, CAST ('%s' AS BLOB)) OR instr (salt, CAST ('%s' AS BLOB))",
                                              codes[i], codes[i]);

      g_assert_cmpint (test_sql_int (db->path, sql), ==, 0);
    }
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(DISTINCT salt) FROM user_recovery_codes"), ==,
                   TANDEM_TOTP_RECOVERY_COUNT);

  /* Confirmed once: nothing waits for a code any more. */
  g_assert_null (tandem_store_second_factor_confirm (db->store, NULL, right, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
}

/* A2: a user with a second factor is never signed in with the password
 * alone; the right code signs in, a wrong one and a used one do not,
 * and both say the same. */
static void
test_sign_in_with_code_A2 (TestDb        *db,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) wrong_error = NULL;
  g_autoptr(GError) reused_error = NULL;
  g_autoptr(TandemUser) ben = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *next = NULL;
  g_autofree char *wrong = NULL;
  g_auto(GStrv) codes = NULL;

  ben = test_add_user (db, "ben", TANDEM_ROLE_USER, NULL);
  test_sign_in (db, "ben");
  secret = enrol (db, &codes);
  tandem_store_sign_out (db->store);

  /* The password alone is refused in a way the app and CLI recognise. */
  g_assert_false (tandem_store_sign_in (db->store, "ben", TEST_PASSWORD, &error));
  assert_signed_out_with (db, error, TANDEM_ERROR_CODE_NEEDED, NULL);
  g_clear_error (&error);
  g_assert_false (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, "  ", &error));
  assert_signed_out_with (db, error, TANDEM_ERROR_CODE_NEEDED, NULL);
  g_clear_error (&error);

  /* A right code with a wrong password is still a wrong password. */
  next = code_at (secret, 1);
  g_assert_false (tandem_store_sign_in_with_code (db->store, "ben", "not-the-password", next, &error));
  assert_signed_out_with (db, error, TANDEM_ERROR_AUTH, "Wrong login or password");
  g_clear_error (&error);

  /* A wrong code */
  wrong = g_strdup_printf ("%06d", (atoi (next) + 1) % 1000000);
  g_assert_false (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, wrong, &wrong_error));
  assert_signed_out_with (db, wrong_error, TANDEM_ERROR_AUTH, "Wrong code");

  /* The code of the set-up's step was used by the set-up: refused. */
  {
    g_autofree char *used = code_at (secret, 0);
    g_autofree char *before = code_at (secret, -1);

    g_assert_false (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, used, &reused_error));
    assert_signed_out_with (db, reused_error, TANDEM_ERROR_AUTH, wrong_error->message);
    g_clear_error (&reused_error);
    g_assert_false (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, before, &reused_error));
    assert_signed_out_with (db, reused_error, TANDEM_ERROR_AUTH, wrong_error->message);
  }

  /* The next step's code (the app's clock a little ahead) signs in, with
   * the spaces apps show in it. */
  {
    g_autofree char *spaced = g_strdup_printf ("%.3s %s", next, next + 3);

    g_assert_true (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, spaced, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (tandem_user_get_login (tandem_store_get_user (db->store)), ==, "ben");
  }

  /* … once. */
  tandem_store_sign_out (db->store);
  g_assert_false (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, next, &error));
  assert_signed_out_with (db, error, TANDEM_ERROR_AUTH, "Wrong code");
  g_clear_error (&error);

  /* Users without a second factor sign in as before, code or not. */
  g_assert_true (tandem_store_sign_in (db->store, TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD, &error));
  g_assert_no_error (error);
  tandem_store_sign_out (db->store);
  g_assert_true (tandem_store_sign_in_with_code (db->store, TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD, NULL, &error));
  g_assert_no_error (error);
}

/* A2: a recovery code signs in once, in any case and with or without its
 * dash; an unknown one says just what a wrong code says. */
static void
test_recovery_code_A2 (TestDb        *db,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) ben = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *typed = NULL;
  g_auto(GStrv) codes = NULL;
  TandemSecondFactorStatus status;

  ben = test_add_user (db, "ben", TANDEM_ROLE_USER, NULL);
  test_sign_in (db, "ben");
  secret = enrol (db, &codes);
  tandem_store_sign_out (db->store);

  g_assert_false (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, "abcde-fghjk", &error));
  assert_signed_out_with (db, error, TANDEM_ERROR_AUTH, "Wrong code");
  g_clear_error (&error);
  g_assert_false (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, "not a code at all", &error));
  assert_signed_out_with (db, error, TANDEM_ERROR_AUTH, "Wrong code");
  g_clear_error (&error);

  typed = g_ascii_strup (codes[3], -1);
  typed[5] = ' ';
  g_assert_true (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, typed, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_store_get_second_factor_status (db->store, NULL, &status, &error));
  g_assert_cmpuint (status.recovery_codes_left, ==, TANDEM_TOTP_RECOVERY_COUNT - 1);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM user_recovery_codes WHERE used_at IS NOT NULL"), ==, 1);

  tandem_store_sign_out (db->store);
  g_assert_false (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, codes[3], &error));
  assert_signed_out_with (db, error, TANDEM_ERROR_AUTH, "Wrong code");
  g_clear_error (&error);

  /* Another one still works; new codes replace the old ones. */
  g_assert_true (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, codes[7], &error));
  g_assert_no_error (error);
  {
    g_auto(GStrv) fresh = tandem_store_second_factor_new_recovery_codes (db->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (fresh), ==, TANDEM_TOTP_RECOVERY_COUNT);
    tandem_store_sign_out (db->store);
    g_assert_false (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, codes[0], &error));
    assert_signed_out_with (db, error, TANDEM_ERROR_AUTH, "Wrong code");
    g_clear_error (&error);
    g_assert_true (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, fresh[0], &error));
    g_assert_no_error (error);
  }
}

/* A2: after five wrong codes in a row codes are refused for 30 seconds,
 * even the right one, with a message that says so; then they work. */
static void
test_rate_limit_A2 (TestDb        *db,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) ben = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *next = NULL;
  g_auto(GStrv) codes = NULL;

  ben = test_add_user (db, "ben", TANDEM_ROLE_USER, NULL);
  test_sign_in (db, "ben");
  secret = enrol (db, &codes);
  tandem_store_sign_out (db->store);
  next = code_at (secret, 1);

  for (guint i = 1; i <= TANDEM_SECOND_FACTOR_MAX_FAILURES; i++)
    {
      g_assert_false (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, "zzzzz-zzzzz", &error));
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH);
      if (i < TANDEM_SECOND_FACTOR_MAX_FAILURES)
        g_assert_cmpstr (error->message, ==, "Wrong code");
      else
        g_assert_cmpstr (error->message, ==, "Wrong code. After 5 wrong codes, codes are refused for 30 seconds.");
      g_clear_error (&error);
    }

  /* Now even the right code waits. */
  g_assert_false (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, next, &error));
  assert_signed_out_with (db, error, TANDEM_ERROR_AUTH, NULL);
  g_assert_true (g_str_has_prefix (error->message, "Too many wrong codes. Try again in "));
  g_assert_true (g_str_has_suffix (error->message, " seconds.") || g_str_has_suffix (error->message, " second."));
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (db->path, "SELECT locked_until FROM user_totp"), >, now_unix ());
  g_assert_cmpint (test_sql_int (db->path, "SELECT locked_until FROM user_totp"), <=,
                   now_unix () + TANDEM_SECOND_FACTOR_LOCK_SECONDS);

  /* The password alone is still only asked for a code. */
  g_assert_false (tandem_store_sign_in (db->store, "ben", TEST_PASSWORD, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_CODE_NEEDED);
  g_clear_error (&error);

  /* 30 seconds later */
  sql_write (db->path, "UPDATE user_totp SET locked_until = strftime ('%s', 'now') - 1");
  g_assert_true (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, next, &error));
  g_assert_no_error (error);

  /* A right code starts the count again: four wrong ones do not lock. */
  tandem_store_sign_out (db->store);
  for (guint i = 1; i < TANDEM_SECOND_FACTOR_MAX_FAILURES; i++)
    {
      g_assert_false (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, "000000x", &error));
      g_assert_cmpstr (error->message, ==, "Wrong code");
      g_clear_error (&error);
    }
  g_assert_true (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, codes[0], &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (db->path, "SELECT failed_codes FROM user_totp"), ==, 0);
}

/* A2: administrators require the second factor of a user or a group; a
 * required user who has none must set it up after signing in, and cannot
 * switch it off again. Others cannot require anything. */
static void
test_required_by_group_A2 (TestDb        *db,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) ben = NULL;
  g_autoptr(TandemUser) cleo = NULL;
  g_autoptr(GArray) required = NULL;
  g_autofree char *secret = NULL;
  g_auto(GStrv) codes = NULL;
  TandemSecondFactorStatus status;
  gint64 sales;

  sales = tandem_store_add_group (db->store, "Sales team", &error);
  g_assert_no_error (error);
  ben = test_add_user (db, "ben", TANDEM_ROLE_USER, "Sales team");
  cleo = test_add_user (db, "cleo", TANDEM_ROLE_MANAGER, NULL);

  g_assert_true (tandem_store_set_group_requires_second_factor (db->store, sales, TRUE, &error));
  g_assert_no_error (error);
  required = tandem_store_list_groups_requiring_second_factor (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (required->len, ==, 1);
  g_assert_cmpint (g_array_index (required, gint64, 0), ==, sales);

  g_assert_true (tandem_store_get_second_factor_status (db->store, "ben", &status, &error));
  g_assert_true (status.required_by_group);
  g_assert_false (status.required);
  g_assert_false (status.enrolled);
  g_assert_false (tandem_store_second_factor_needs_setup (db->store));

  /* Ben signs in with his password (he has no key yet) and must set up. */
  test_sign_in (db, "ben");
  g_assert_true (tandem_store_second_factor_needs_setup (db->store));
  secret = enrol (db, &codes);
  g_assert_false (tandem_store_second_factor_needs_setup (db->store));
  g_assert_false (tandem_store_second_factor_disable (db->store, NULL, TEST_PASSWORD, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);

  /* Only administrators require it, or look at others. */
  g_assert_false (tandem_store_set_user_requires_second_factor (db->store, tandem_user_get_id (cleo), TRUE, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (tandem_store_get_second_factor_status (db->store, "cleo", &status, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (tandem_store_second_factor_begin (db->store, "cleo", NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);

  /* Cleo is not in the group: only a requirement of her own applies. */
  test_sign_in (db, "cleo");
  g_assert_false (tandem_store_second_factor_needs_setup (db->store));
  test_sign_in (db, TEST_ADMIN_LOGIN);
  g_assert_true (tandem_store_set_user_requires_second_factor (db->store, tandem_user_get_id (cleo), TRUE, &error));
  g_assert_no_error (error);
  test_sign_in (db, "cleo");
  g_assert_true (tandem_store_second_factor_needs_setup (db->store));

  /* An administrator switches off Ben's (a lost phone): his password
   * alone signs him in again, and he must set up anew. */
  test_sign_in (db, TEST_ADMIN_LOGIN);
  g_assert_true (tandem_store_set_user_requires_second_factor (db->store, tandem_user_get_id (cleo), FALSE, &error));
  g_assert_true (tandem_store_second_factor_disable (db->store, "ben", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (db->path, "SELECT count(*) FROM user_recovery_codes"), ==, 0);
  test_sign_in (db, "ben");
  g_assert_true (tandem_store_second_factor_needs_setup (db->store));

  /* Without the group's requirement nobody needs it. */
  test_sign_in (db, TEST_ADMIN_LOGIN);
  g_assert_true (tandem_store_set_group_requires_second_factor (db->store, sales, FALSE, &error));
  test_sign_in (db, "ben");
  g_assert_false (tandem_store_second_factor_needs_setup (db->store));
  test_sign_in (db, "cleo");
  g_assert_false (tandem_store_second_factor_needs_setup (db->store));
}

/* A2: users switch their own off with their current password only; an
 * administrator switches anyone's on for the CLI, which prints the key. */
static void
test_disable_and_enable_A2 (TestDb        *db,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) ben = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *code = NULL;
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) enabled = NULL;
  TandemSecondFactorStatus status;
  const char *start;

  ben = test_add_user (db, "ben", TANDEM_ROLE_USER, NULL);
  test_sign_in (db, "ben");
  secret = enrol (db, &codes);

  g_assert_false (tandem_store_second_factor_disable (db->store, NULL, "not-the-password", &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH);
  g_clear_error (&error);
  g_assert_false (tandem_store_second_factor_disable (db->store, "admin", NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (tandem_store_second_factor_disable (db->store, NULL, TEST_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_store_get_second_factor_status (db->store, NULL, &status, &error));
  g_assert_false (status.enrolled);
  test_sign_in (db, "ben");

  /* The administrator switches it on for Ben at once. */
  test_sign_in (db, TEST_ADMIN_LOGIN);
  enabled = tandem_store_second_factor_enable (db->store, "BEN", &uri, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (enabled), ==, TANDEM_TOTP_RECOVERY_COUNT);
  g_assert_true (g_str_has_prefix (uri, "otpauth://totp/Tandem:ben?secret="));
  start = uri + strlen ("otpauth://totp/Tandem:ben?secret=");
  g_free (secret);
  secret = g_strndup (start, strcspn (start, "&"));
  g_assert_null (tandem_store_second_factor_enable (db->store, "nobody", NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  tandem_store_sign_out (db->store);
  g_assert_false (tandem_store_sign_in (db->store, "ben", TEST_PASSWORD, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_CODE_NEEDED);
  g_clear_error (&error);
  code = code_at (secret, 0);
  g_assert_true (tandem_store_sign_in_with_code (db->store, "ben", TEST_PASSWORD, code, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_DB_TEST ("/second-factor/enrol-A2", test_enrol_A2);
  ADD_DB_TEST ("/second-factor/sign-in-with-code-A2", test_sign_in_with_code_A2);
  ADD_DB_TEST ("/second-factor/recovery-code-A2", test_recovery_code_A2);
  ADD_DB_TEST ("/second-factor/rate-limit-A2", test_rate_limit_A2);
  ADD_DB_TEST ("/second-factor/required-by-group-A2", test_required_by_group_A2);
  ADD_DB_TEST ("/second-factor/disable-and-enable-A2", test_disable_and_enable_A2);

  return g_test_run ();
}
