/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <string.h>

#include "tandem-error.h"
#include "tandem-totp.h"

/* "12345678901234567890", the key of RFC 4226 Appendix D and RFC 6238
 * Appendix B, in base32. */
#define RFC_SECRET "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

/* A2: RFC 4226 Appendix D, counters 0 to 9. */
static void
test_hotp_rfc4226 (void)
{
  const char *key = "12345678901234567890";
  const guint32 expected[] = {
    755224, 287082, 359152, 969429, 338314,
    254676, 287922, 162583, 399871, 520489,
  };

  for (guint64 i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (tandem_hotp ((const guint8 *) key, strlen (key), i), ==, expected[i]);
}

/* A2: RFC 6238 Appendix B, SHA-1 rows: the 6-digit code is the last six
 * digits of the 8-digit value. */
static void
test_totp_rfc6238 (void)
{
  struct {
    gint64      time;
    gint64      step;
    const char *eight_digits;
  } cases[] = {
    { 59, 0x1, "94287082" },
    { 1111111109, 0x23523EC, "07081804" },
    { 1111111111, 0x23523ED, "14050471" },
    { 1234567890, 0x273EF07, "89005924" },
    { 2000000000, 0x3F940AA, "69279037" },
    { G_GINT64_CONSTANT (20000000000), 0x27BC86AA, "65353130" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = NULL;
      gint64 matched = -1;

      g_assert_cmpint (tandem_totp_step (cases[i].time), ==, cases[i].step);
      code = tandem_totp_code (RFC_SECRET, cases[i].time, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (code, ==, cases[i].eight_digits + 2);

      g_assert_true (tandem_totp_verify (RFC_SECRET, code, cases[i].time,
                                         TANDEM_TOTP_NO_STEP, &matched, &error));
      g_assert_no_error (error);
      g_assert_cmpint (matched, ==, cases[i].step);
    }

  /* The key as an app shows it: lower case, in groups, padded. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *code = tandem_totp_code ("gezd gnbv gy3t qojq gezd gnbv gy3t qojq====", 59, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (code, ==, "287082");
  }
}

/* A2: the step before and after the current one are accepted (clocks a
 * little apart), two steps away are not; a used step cannot be used again. */
static void
test_totp_window (void)
{
  const gint64 now = 1234567890;   /* step 0x273EF07, 0 s into it */
  const gint64 step = tandem_totp_step (now);
  struct {
    gint64   delta;
    gboolean accepted;
  } cases[] = {
    { -2, FALSE }, { -1, TRUE }, { 0, TRUE }, { 1, TRUE }, { 2, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = NULL;
      gint64 matched = -1;
      gboolean ok;

      code = tandem_totp_code (RFC_SECRET, now + cases[i].delta * TANDEM_TOTP_PERIOD, &error);
      g_assert_no_error (error);
      ok = tandem_totp_verify (RFC_SECRET, code, now, TANDEM_TOTP_NO_STEP, &matched, &error);
      g_assert_cmpint (ok, ==, cases[i].accepted);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (matched, ==, step + cases[i].delta);
        }
      else
        {
          g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH);
          g_assert_cmpint (matched, ==, -1);
        }
    }

  /* The last second of a step still accepts the code of the next step. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *code = tandem_totp_code (RFC_SECRET, 1111111111, &error);

    g_assert_true (tandem_totp_verify (RFC_SECRET, code, 1111111109, TANDEM_TOTP_NO_STEP, NULL, &error));
    g_assert_no_error (error);
  }

  /* Typed as shown in the app, with a space; a wrong code is refused. */
  {
    g_autoptr(GError) error = NULL;
    gint64 matched = -1;

    g_assert_true (tandem_totp_verify (RFC_SECRET, " 005 924 ", now, TANDEM_TOTP_NO_STEP, &matched, &error));
    g_assert_no_error (error);
    g_assert_cmpint (matched, ==, step);

    g_assert_false (tandem_totp_verify (RFC_SECRET, "005925", now, TANDEM_TOTP_NO_STEP, &matched, &error));
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH);
    g_clear_error (&error);
  }

  /* Reuse: once step was used, its code and the one before it are refused,
   * the next step's code still works. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *same = tandem_totp_code (RFC_SECRET, now, NULL);
    g_autofree char *before = tandem_totp_code (RFC_SECRET, now - TANDEM_TOTP_PERIOD, NULL);
    g_autofree char *next = tandem_totp_code (RFC_SECRET, now + TANDEM_TOTP_PERIOD, NULL);
    gint64 matched = -1;

    g_assert_false (tandem_totp_verify (RFC_SECRET, same, now, step, &matched, &error));
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH);
    g_assert_nonnull (strstr (error->message, "already been used"));
    g_clear_error (&error);
    g_assert_false (tandem_totp_verify (RFC_SECRET, before, now, step, &matched, &error));
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_AUTH);
    g_clear_error (&error);
    g_assert_true (tandem_totp_verify (RFC_SECRET, next, now, step, &matched, &error));
    g_assert_no_error (error);
    g_assert_cmpint (matched, ==, step + 1);
  }

  /* Not a code at all: said so, not "wrong code". */
  {
    const char *bad[] = { "", "12345", "1234567", "12a456", "12-34-56", "１２３４５６", NULL };
    g_autoptr(GError) error = NULL;

    for (guint i = 0; bad[i] != NULL; i++)
      {
        g_assert_false (tandem_totp_verify (RFC_SECRET, bad[i], now, TANDEM_TOTP_NO_STEP, NULL, &error));
        g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, "6"));
        g_clear_error (&error);
      }
    g_assert_false (tandem_totp_verify (RFC_SECRET, NULL, now, TANDEM_TOTP_NO_STEP, NULL, &error));
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  }
}

/* A2: RFC 4648 section 10 vectors and round trips. */
static void
test_base32 (void)
{
  struct {
    const char *plain;
    const char *encoded;
  } vectors[] = {
    { "", "" },
    { "f", "MY======" },
    { "fo", "MZXQ====" },
    { "foo", "MZXW6===" },
    { "foob", "MZXW6YQ=" },
    { "fooba", "MZXW6YTB" },
    { "foobar", "MZXW6YTBOI======" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *encoded = NULL;
      g_autofree char *lower = NULL;
      g_autofree char *unpadded = NULL;
      g_autoptr(GBytes) decoded = NULL;
      g_autoptr(GBytes) again = NULL;
      g_autoptr(GBytes) plain = g_bytes_new_static (vectors[i].plain, strlen (vectors[i].plain));

      encoded = tandem_base32_encode ((const guint8 *) vectors[i].plain, strlen (vectors[i].plain));
      g_assert_cmpstr (encoded, ==, vectors[i].encoded);

      decoded = tandem_base32_decode (vectors[i].encoded, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (decoded, plain));

      /* Any case, without padding. */
      lower = g_ascii_strdown (vectors[i].encoded, -1);
      unpadded = g_strndup (lower, strcspn (lower, "="));
      again = tandem_base32_decode (unpadded, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (again, plain));
    }

  /* Every byte value survives the round trip, at every length. */
  {
    guint8 data[64];

    for (guint i = 0; i < sizeof data; i++)
      data[i] = (guint8) (i * 37 + 11);
    data[0] = 0x00;
    data[1] = 0xff;
    for (gsize len = 0; len <= sizeof data; len++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *encoded = tandem_base32_encode (data, len);
        g_autoptr(GBytes) decoded = tandem_base32_decode (encoded, &error);
        gsize decoded_len = 0;
        const guint8 *decoded_data;

        g_assert_no_error (error);
        g_assert_cmpuint (strlen (encoded) % 8, ==, 0);
        decoded_data = g_bytes_get_data (decoded, &decoded_len);
        g_assert_cmpmem (decoded_data, decoded_len, data, len);
      }
  }

  /* Spaces as keys are often shown. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) decoded = tandem_base32_decode ("  mzxw 6ytb\toi  ", &error);

    g_assert_no_error (error);
    g_assert_cmpmem (g_bytes_get_data (decoded, NULL), g_bytes_get_size (decoded), "foobar", 6);
  }
}

/* A2: a mistyped key is refused with a clear message, never read as
 * something else. */
static void
test_base32_refused (void)
{
  struct {
    const char *text;
    const char *in_message;
  } cases[] = {
    { "MZXW6YT1", "“1”" },         /* 0, 1, 8, 9 are not base32 */
    { "MZXW0YTB", "“0”" },
    { "MZXW8YTB", "“8”" },
    { "MZXW-YTB", "“-”" },
    { "MZXWäYTB", "“ä”" },
    { "MZ=XW6YTB", "=" },          /* padding in the middle */
    { "M", "incomplete" },          /* no whole number of bytes */
    { "MZX", "incomplete" },
    { "MZXW6Y", "incomplete" },
    { "\xff\xfe", "A–Z" },         /* not UTF-8 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) decoded = tandem_base32_decode (cases[i].text, &error);

      g_assert_null (decoded);
      g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
      if (strstr (error->message, cases[i].in_message) == NULL)
        g_error ("“%s”: message “%s” lacks “%s”", cases[i].text, error->message, cases[i].in_message);
    }

  /* A bad or empty key cannot make or check codes. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *code = tandem_totp_code ("GEZDGNBV1", 59, &error);

    g_assert_null (code);
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (tandem_totp_verify ("", "123456", 59, TANDEM_TOTP_NO_STEP, NULL, &error));
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (tandem_totp_uri ("  ", "ada", &error));
    g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  }
}

/* A2: a new key is 20 random bytes and works with the codes. */
static void
test_secret (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = tandem_totp_generate_secret (&error);
  g_autofree char *other = tandem_totp_generate_secret (&error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *code = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (secret), ==, 32);
  g_assert_cmpuint (strspn (secret, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), ==, 32);
  g_assert_cmpstr (secret, !=, other);
  bytes = tandem_base32_decode (secret, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, TANDEM_TOTP_SECRET_BYTES);

  code = tandem_totp_code (secret, 1700000000, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_totp_verify (secret, code, 1700000000, TANDEM_TOTP_NO_STEP, NULL, &error));
  g_assert_no_error (error);
}

/* A2: the enrolment link for the authenticator app, with the login name
 * escaped so that spaces, letters like ä, ':' and '&' arrive intact. */
static void
test_uri (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *spaced = NULL;
  g_autofree char *tricky = NULL;
  g_autoptr(GUri) parsed = NULL;
  g_autofree char *label = NULL;

  plain = tandem_totp_uri (RFC_SECRET, "ada", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plain, ==,
                   "otpauth://totp/Tandem:ada?secret=" RFC_SECRET
                   "&issuer=Tandem&algorithm=SHA1&digits=6&period=30");

  /* The key is given to the app in its plain form. */
  spaced = tandem_totp_uri ("mzxw 6ytb oi======", "Mäkinen Päivi", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spaced, ==,
                   "otpauth://totp/Tandem:M%C3%A4kinen%20P%C3%A4ivi?secret=MZXW6YTBOI"
                   "&issuer=Tandem&algorithm=SHA1&digits=6&period=30");

  tricky = tandem_totp_uri (RFC_SECRET, "a:b&c=d?e/f#g", &error);
  g_assert_no_error (error);
  parsed = g_uri_parse (tricky, G_URI_FLAGS_ENCODED, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (parsed), ==, "otpauth");
  g_assert_cmpstr (g_uri_get_host (parsed), ==, "totp");
  label = g_uri_unescape_string (g_uri_get_path (parsed), NULL);
  g_assert_cmpstr (label, ==, "/Tandem:a:b&c=d?e/f#g");
  g_assert_null (strchr (g_uri_get_path (parsed), '&'));
  g_assert_true (g_str_has_prefix (g_uri_get_query (parsed), "secret=" RFC_SECRET "&"));

  g_assert_null (tandem_totp_uri (RFC_SECRET, "", &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
}

/* A2: one-time recovery codes, easy to copy from paper. */
static void
test_recovery_codes (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = tandem_totp_recovery_codes_generate (TANDEM_TOTP_RECOVERY_COUNT, &error);
  g_autofree char *normalized = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (codes), ==, TANDEM_TOTP_RECOVERY_COUNT);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *again = NULL;

      g_assert_cmpuint (strlen (codes[i]), ==, 11);
      g_assert_cmpint (codes[i][5], ==, '-');
      /* No characters that look alike: 0 o, 1 i l. */
      g_assert_cmpuint (strcspn (codes[i], "01ilo"), ==, 11);
      for (guint j = 0; j < 11; j++)
        if (j != 5)
          g_assert_true (g_ascii_isdigit (codes[i][j]) || g_ascii_islower (codes[i][j]));
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (codes[i], !=, codes[j]);

      again = tandem_totp_recovery_code_normalize (codes[i], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (again, ==, codes[i]);
    }

  normalized = tandem_totp_recovery_code_normalize (" ABCDE 23456 ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, "abcde-23456");

  {
    const char *bad[] = { "", "abcde-2345", "abcde-234567", "abcdo-23456", "abcde-23451", "äbcde-23456", NULL };

    for (guint i = 0; bad[i] != NULL; i++)
      {
        g_assert_null (tandem_totp_recovery_code_normalize (bad[i], &error));
        g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
        g_clear_error (&error);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/totp/hotp-rfc4226-A2", test_hotp_rfc4226);
  g_test_add_func ("/totp/totp-rfc6238-A2", test_totp_rfc6238);
  g_test_add_func ("/totp/window-and-reuse-A2", test_totp_window);
  g_test_add_func ("/totp/base32-rfc4648-A2", test_base32);
  g_test_add_func ("/totp/base32-refused-A2", test_base32_refused);
  g_test_add_func ("/totp/secret-A2", test_secret);
  g_test_add_func ("/totp/uri-A2", test_uri);
  g_test_add_func ("/totp/recovery-codes-A2", test_recovery_codes);

  return g_test_run ();
}
