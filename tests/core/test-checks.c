/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <string.h>

#include "tandem-business-id.h"
#include "tandem-date.h"
#include "tandem-error.h"
#include "tandem-password.h"

/* B2: Y-tunnus and NIP check digits, and the forms they are stored in. */
static void
test_business_id (void)
{
  struct {
    const char           *text;
    TandemBusinessIdKind  kind;
    const char           *normalized;   /* NULL: refused */
  } cases[] = {
    /* Y-tunnus */
    { "0112038-9", TANDEM_BUSINESS_ID_FI, "0112038-9" },
    { "FI01120389", TANDEM_BUSINESS_ID_FI, "0112038-9" },
    { "fi 0112038-9", TANDEM_BUSINESS_ID_FI, "0112038-9" },
    { "01120389", TANDEM_BUSINESS_ID_FI, "0112038-9" },
    { " 1572860-0 ", TANDEM_BUSINESS_ID_FI, "1572860-0" },   /* remainder 0: check digit 0 */
    { "0000000-0", TANDEM_BUSINESS_ID_FI, "0000000-0" },
    { "0112038-8", 0, NULL },                              /* wrong check digit */
    { "0000006-0", 0, NULL },                              /* remainder 1: never valid */
    { "0000006-1", 0, NULL },
    { "0000006-9", 0, NULL },
    { "112038-9", 0, NULL },                               /* too short */
    { "FI0112038", 0, NULL },
    /* NIP */
    { "1234563218", TANDEM_BUSINESS_ID_PL, "1234563218" },
    { "123-456-32-18", TANDEM_BUSINESS_ID_PL, "1234563218" },
    { "PL1234563218", TANDEM_BUSINESS_ID_PL, "1234563218" },
    { "pl 123 456 32 18", TANDEM_BUSINESS_ID_PL, "1234563218" },
    { "1234563219", 0, NULL },                             /* wrong check digit */
    { "1234567890", 0, NULL },                             /* sum mod 11 = 10: never valid */
    { "PL 12345", 0, NULL },
    /* Other countries: stored as typed. */
    { "DE123456789", TANDEM_BUSINESS_ID_UNKNOWN, "DE123456789" },
    { "GB 123 4567 89", TANDEM_BUSINESS_ID_UNKNOWN, "GB 123 4567 89" },
    { " SE556677889901 ", TANDEM_BUSINESS_ID_UNKNOWN, "SE556677889901" },
    { "CHE-123.456.788", TANDEM_BUSINESS_ID_UNKNOWN, "CHE-123.456.788" },
    /* Nothing to check. */
    { "", 0, NULL },
    { "   ", 0, NULL },
    { "no digits", 0, NULL },
    { "12\x01" "34", 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      TandemBusinessIdKind kind = -1;
      gboolean ok;

      ok = tandem_business_id_check (cases[i].text, &kind, &normalized, &error);
      if (cases[i].normalized != NULL)
        {
          if (!ok)
            g_error ("“%s” was refused: %s", cases[i].text, error->message);
          g_assert_cmpint (kind, ==, cases[i].kind);
          g_assert_cmpstr (normalized, ==, cases[i].normalized);
        }
      else
        {
          if (ok)
            g_error ("“%s” was accepted as “%s”", cases[i].text, normalized);
          g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
          g_assert_null (normalized);
        }
    }
}

/* B5, F1: dates as people type them. */
static void
test_date_parse (void)
{
  struct { const char *text; const char *iso; } cases[] = {
    { "2026-12-31", "2026-12-31" },
    { "31.12.2026", "2026-12-31" },
    { "1.2.2026", "2026-02-01" },
    { " 2026-1-5 ", "2026-01-05" },
    { "2028-02-29", "2028-02-29" },
    { "29.2.2028", "2028-02-29" },
    { "2000-02-29", "2000-02-29" },
    { "2026-02-29", NULL },
    { "1900-02-29", NULL },
    { "2026-13-01", NULL },
    { "2026-00-10", NULL },
    { "2026-04-31", NULL },
    { "32.1.2026", NULL },
    { "2026-12-31 and more", NULL },
    { "2026-12-31x", NULL },
    { "31.12.2026.", NULL },
    { "tomorrow", NULL },
    { "", NULL },
    { "12/31/2026", NULL },
    { "-999-01-01", NULL },
    { "2026--1-01", NULL },
    { "+2026-01-01", NULL },
    { "2026-+1-01", NULL },
    { "0999-01-01", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = tandem_date_parse (cases[i].text);

      if (g_strcmp0 (iso, cases[i].iso) != 0)
        g_error ("“%s” parsed as “%s”, expected “%s”", cases[i].text, iso, cases[i].iso);
    }
}

/* H2, H4: dates on project and task cards read "15 Dec 2026", never the
 * locale's short 12/15/26; what is not a date is shown as it was typed. */
static void
test_date_format (void)
{
  struct { const char *text; const char *shown; } cases[] = {
    { "2026-12-15", "15 Dec 2026" },
    { "2026-01-05", "5 Jan 2026" },
    { "29.2.2028", "29 Feb 2028" },
    { "someday", "someday" },
    { "", NULL },
    { NULL, NULL },
  };
  g_autofree char *moment = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = tandem_date_format (cases[i].text);

      if (g_strcmp0 (shown, cases[i].shown) != 0)
        g_error ("“%s” shown as “%s”, expected “%s”", cases[i].text, shown, cases[i].shown);
    }

  /* In local time: main() runs the tests in Helsinki. */
  moment = tandem_date_format_time ("2026-12-15T12:05:00Z");
  g_assert_cmpstr (moment, ==, "15 Dec 2026, 14:05");
  g_clear_pointer (&moment, g_free);
  moment = tandem_date_format_time ("not a time");
  g_assert_cmpstr (moment, ==, "not a time");
}

/* A3: hash, verify, quality. */
static void
test_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *again = NULL;

  hash = tandem_password_hash ("correct horse battery", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "correct horse"));
  g_assert_true (tandem_password_verify (hash, "correct horse battery"));
  g_assert_false (tandem_password_verify (hash, "correct horse batterY"));
  g_assert_false (tandem_password_verify (hash, ""));
  g_assert_false (tandem_password_verify ("not a hash", "correct horse battery"));
  g_assert_false (tandem_password_verify (NULL, "correct horse battery"));

  again = tandem_password_hash ("correct horse battery", &error);
  g_assert_cmpstr (hash, !=, again);   /* salted */
  g_assert_true (tandem_password_verify (again, "correct horse battery"));

  g_assert_false (tandem_password_check_quality ("short", &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "8"));
  g_clear_error (&error);
  g_assert_false (tandem_password_check_quality ("", &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_password_check_quality (NULL, &error));
  g_clear_error (&error);
  /* Characters, not bytes. */
  g_assert_false (tandem_password_check_quality ("äöåäöå", &error));
  g_clear_error (&error);
  g_assert_true (tandem_password_check_quality ("äöåäöåäö", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Helsinki", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks/business-id-B2", test_business_id);
  g_test_add_func ("/checks/date-parse-B5-F1", test_date_parse);
  g_test_add_func ("/checks/date-format-H2-H4", test_date_format);
  g_test_add_func ("/checks/password-A3", test_password);

  return g_test_run ();
}
