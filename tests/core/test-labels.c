/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTest"

#include <locale.h>
#include <math.h>
#include <glib/gstdio.h>

#include "tandem-address-format.h"
#include "tandem-label-sheet.h"
#include "tandem-label-template.h"
#include "tandem-postal-address.h"
#include "tandem-test-db.h"

#define PT_PER_MM (72.0 / 25.4)

/* Helpers */

static TandemPostalAddress *
address (const char *name,
         const char *contact,
         const char *street,
         const char *postcode,
         const char *city,
         const char *country)
{
  TandemPostalAddress *a = tandem_postal_address_new ();

  a->name = g_strdup (name);
  a->contact = g_strdup (contact);
  a->street = g_strdup (street);
  a->postcode = g_strdup (postcode);
  a->city = g_strdup (city);
  a->country = g_strdup (country);
  return a;
}

/* The lines of an address joined with "|" */
static char *
lines_of (const TandemPostalAddress *a,
          const char                *home)
{
  g_auto(GStrv) lines = tandem_address_format_lines (a, home);

  return g_strjoinv ("|", lines);
}

static void
assert_lines (const TandemPostalAddress *a,
              const char                *home,
              const char                *expected)
{
  g_autofree char *got = lines_of (a, home);

  g_assert_cmpstr (got, ==, expected);
}

/* A word of `pdftotext -bbox`, in PDF points from the page's top left */
typedef struct
{
  guint   page;   /* 0-based */
  double  x_min, y_min, x_max, y_max;
  char   *text;
} Word;

static void
word_free (gpointer data)
{
  Word *word = data;

  g_free (word->text);
  g_free (word);
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static GPtrArray *
pdf_words (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "pdftotext", "-bbox", pdf, "-", NULL };
  GPtrArray *words = g_ptr_array_new_with_free_func (word_free);
  int status;
  int page = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  regex = g_regex_new ("<page |<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                       0, 0, &error);
  g_assert_no_error (error);
  g_regex_match (regex, out, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *all = g_match_info_fetch (match, 0);

      if (g_str_has_prefix (all, "<page"))
        page++;
      else
        {
          Word *word = g_new0 (Word, 1);
          g_autofree char *x0 = g_match_info_fetch (match, 1);
          g_autofree char *y0 = g_match_info_fetch (match, 2);
          g_autofree char *x1 = g_match_info_fetch (match, 3);
          g_autofree char *y1 = g_match_info_fetch (match, 4);

          word->page = page;
          word->x_min = g_ascii_strtod (x0, NULL);
          word->y_min = g_ascii_strtod (y0, NULL);
          word->x_max = g_ascii_strtod (x1, NULL);
          word->y_max = g_ascii_strtod (y1, NULL);
          word->text = g_match_info_fetch (match, 5);
          g_ptr_array_add (words, word);
        }
      g_match_info_next (match, NULL);
    }
  return words;
}

static guint
count_pdf_pages (GPtrArray *words)
{
  guint pages = 0;

  for (guint i = 0; i < words->len; i++)
    pages = MAX (pages, ((Word *) g_ptr_array_index (words, i))->page + 1);
  return pages;
}

static Word *
find_word (GPtrArray  *words,
           const char *text)
{
  for (guint i = 0; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);

      if (g_str_equal (word->text, text))
        return word;
    }
  return NULL;
}

/* Whether @word lies in the rectangle (in mm), allowing @slack points
 * for the glyphs' side bearings as pdftotext measures them. */
static gboolean
word_inside (const Word *word,
             double      x,
             double      y,
             double      width,
             double      height,
             double      slack)
{
  return word->x_min >= x * PT_PER_MM - slack &&
         word->y_min >= y * PT_PER_MM - slack &&
         word->x_max <= (x + width) * PT_PER_MM + slack &&
         word->y_max <= (y + height) * PT_PER_MM + slack;
}

/* A source over an array of addresses, which it hands out one by one */
typedef struct
{
  GPtrArray *addresses;
  guint      next;
  guint      fail_at;     /* 1-based; 0 never */
} Source;

static TandemPostalAddress *
next_address (gpointer   user_data,
              GError   **error)
{
  Source *source = user_data;

  if (source->fail_at != 0 && source->next + 1 == source->fail_at)
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE, "The database went away");
      return NULL;
    }
  if (source->next >= source->addresses->len)
    return NULL;
  return tandem_postal_address_copy (g_ptr_array_index (source->addresses, source->next++));
}

static GPtrArray *
numbered_addresses (guint n)
{
  GPtrArray *addresses = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_postal_address_free);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Asiakas%03u Oy", i);
      g_autofree char *street = g_strdup_printf ("Katu%03u 1 A", i);

      g_ptr_array_add (addresses, address (name, NULL, street, "00100", "Helsinki", NULL));
    }
  return addresses;
}

static char *
write_sheet (TandemLabelSheet *sheet,
             GPtrArray        *addresses,
             const char       *dir,
             const char       *file,
             guint            *n_labels,
             guint            *n_pages)
{
  g_autoptr(GError) error = NULL;
  Source source = { addresses, 0, 0 };
  char *path = g_build_filename (dir, file, NULL);

  g_assert_true (tandem_label_sheet_write_pdf (sheet, path, next_address, &source, n_labels, n_pages, &error));
  g_assert_no_error (error);
  return path;
}

/* Address layouts (SPEC I4) */

static void
test_address_finland_I4 (void)
{
  g_autoptr(TandemPostalAddress) company = address ("Kone Oy", "Matti Meikäläinen", "Mannerheimintie 1 A 2",
                                                    "00100", "Helsinki", NULL);
  g_autoptr(TandemPostalAddress) suomi = address ("Kone Oy", NULL, "Mannerheimintie 1", "FI-00100", "helsinki",
                                                  "Suomi");

  /* Posti: addressee, person, street, "00100 HELSINKI"; no country at home */
  assert_lines (company, "FI", "Kone Oy|Matti Meikäläinen|Mannerheimintie 1 A 2|00100 HELSINKI");
  assert_lines (suomi, "FI", "Kone Oy|Mannerheimintie 1|00100 HELSINKI");
  /* From Poland, the same address ends with the country */
  assert_lines (suomi, "PL", "Kone Oy|Mannerheimintie 1|00100 HELSINKI|FINLAND");
}

static void
test_address_poland_I4 (void)
{
  g_autoptr(TandemPostalAddress) a = address ("Firma Sp. z o.o.", "Jan Kowalski", "ul. Marszałkowska 1 m. 16",
                                              "00950", "Warszawa", "Polska");

  assert_lines (a, "PL", "Firma Sp. z o.o.|Jan Kowalski|ul. Marszałkowska 1 m. 16|00-950 Warszawa");
  assert_lines (a, "FI", "Firma Sp. z o.o.|Jan Kowalski|ul. Marszałkowska 1 m. 16|00-950 Warszawa|POLAND");
}

static void
test_address_sweden_I4 (void)
{
  g_autoptr(TandemPostalAddress) a = address ("Företaget AB", "Anna Andersson", "Storgatan 1", "SE-12345",
                                              "Stockholm", "Sverige");

  assert_lines (a, "FI", "Företaget AB|Anna Andersson|Storgatan 1|123 45 STOCKHOLM|SWEDEN");
  assert_lines (a, "SE", "Företaget AB|Anna Andersson|Storgatan 1|123 45 STOCKHOLM");
}

static void
test_address_germany_I4 (void)
{
  g_autoptr(TandemPostalAddress) a = address ("Muster GmbH", "Max Mustermann", "Hauptstraße 5", "D-10115",
                                              "Berlin", "Deutschland");

  assert_lines (a, "FI", "Muster GmbH|Max Mustermann|Hauptstraße 5|10115 Berlin|GERMANY");
  assert_lines (a, "DE", "Muster GmbH|Max Mustermann|Hauptstraße 5|10115 Berlin");
}

static void
test_address_britain_I4 (void)
{
  g_autoptr(TandemPostalAddress) a = address ("Acme Ltd", "John Smith", "1 High Street", "sw1a1aa", "London", "UK");

  /* Royal Mail: the person above the company; POST TOWN and POSTCODE in
   * capitals, each on its own line */
  assert_lines (a, "FI", "John Smith|Acme Ltd|1 High Street|LONDON|SW1A 1AA|UNITED KINGDOM");
  assert_lines (a, "GB", "John Smith|Acme Ltd|1 High Street|LONDON|SW1A 1AA");
}

static void
test_address_united_states_I4 (void)
{
  g_autoptr(TandemPostalAddress) a = address ("ABC Company", "John Doe", "123 Main St Apt 4", "62701",
                                              "Springfield, IL", "USA");
  g_autoptr(TandemPostalAddress) b = address ("ABC Company", NULL, "123 Main St", "IL 62701-1234",
                                              "Springfield", "United States");

  /* USPS: attention line above the firm; "City ST 12345" */
  assert_lines (a, "FI", "John Doe|ABC Company|123 Main St Apt 4|Springfield IL 62701|USA");
  assert_lines (a, "US", "John Doe|ABC Company|123 Main St Apt 4|Springfield IL 62701");
  assert_lines (b, "US", "ABC Company|123 Main St|Springfield IL 62701-1234");
}

static void
test_address_no_blank_lines_I4 (void)
{
  g_autoptr(TandemPostalAddress) bare = address ("Kone Oy", "  ", NULL, NULL, "Tampere", NULL);
  g_autoptr(TandemPostalAddress) lines = address ("Kone Oy", NULL, "c/o Virtanen\n\nPL 55\n", "33101",
                                                  "Tampere", "  ");
  g_autoptr(TandemPostalAddress) nothing = address ("Kone Oy", NULL, NULL, NULL, NULL, NULL);
  g_autoptr(TandemPostalAddress) unknown = address ("Kone Oy", NULL, "Main Road 5", "AB-12", "Atlantis City",
                                                    "Atlantis");

  assert_lines (bare, "FI", "Kone Oy|TAMPERE");
  assert_lines (lines, "FI", "Kone Oy|c/o Virtanen|PL 55|33101 TAMPERE");
  assert_lines (nothing, "FI", "Kone Oy");
  /* A country Tandem does not know: the common layout, the country as typed */
  assert_lines (unknown, "FI", "Kone Oy|Main Road 5|AB-12 Atlantis City|ATLANTIS");
}

static void
test_country_recognition_I4 (void)
{
  static const struct { const char *text; const char *code; } cases[] = {
    { "FI", "FI" }, { "fi", "FI" }, { "FIN", "FI" }, { "Finland", "FI" }, { "SUOMI", "FI" },
    { "Finnland", "FI" }, { "Finlandia", "FI" },
    { "PL", "PL" }, { "Polska", "PL" }, { "Poland", "PL" }, { "Puola", "PL" }, { "Polen", "PL" },
    { "SE", "SE" }, { "Sverige", "SE" }, { "Ruotsi", "SE" }, { "Szwecja", "SE" }, { "Schweden", "SE" },
    { "DE", "DE" }, { "Deutschland", "DE" }, { "Saksa", "DE" }, { "Niemcy", "DE" }, { "Tyskland", "DE" },
    { "Germany", "DE" },
    { "UK", "GB" }, { "U.K.", "GB" }, { "GB", "GB" }, { "Great Britain", "GB" }, { "United Kingdom", "GB" },
    { "Iso-Britannia", "GB" }, { "Iso Britannia", "GB" }, { "Wielka Brytania", "GB" },
    { "Storbritannien", "GB" }, { "Großbritannien", "GB" }, { "grossbritannien", "GB" },
    { "USA", "US" }, { "U.S.A.", "US" }, { "United States", "US" }, { "the United States of America", "US" },
    { "Yhdysvallat", "US" }, { "Stany Zjednoczone", "US" }, { "Vereinigte Staaten", "US" },
    { "Österreich", "AT" }, { "osterreich", "AT" }, { "Itävalta", "AT" }, { " Viro ", "EE" }, { "Eesti", "EE" },
    { "Norge", "NO" }, { "Łotwa", "LV" }, { "Alankomaat", "NL" }, { "Česko", "CZ" },
  };
  static const char *unknown[] = { "", "   ", "Atlantis", "XX", "Fin land land" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = tandem_country_code_from_text (cases[i].text);

      g_assert_cmpstr (code, ==, cases[i].code);
    }
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_assert_null (tandem_country_code_from_text (unknown[i]));
  g_assert_null (tandem_country_code_from_text (NULL));
}

/* Templates (SPEC I4) */

static void
test_builtin_templates_I4 (void)
{
  static const char *required[] = {
    "a4-3x7-63.5x38.1", "a4-3x8-70x37", "a4-2x7-99.1x38.1", "a4-2x8-99.1x33.9", "a4-3x7-70x42.3",
    "a4-2x4-99.1x67.7",
  };
  g_autoptr(GPtrArray) list = tandem_label_template_list_builtin ();
  g_autoptr(TandemLabelTemplate) l7160 = tandem_label_template_find_builtin ("L7160");
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < list->len; i++)
    {
      TandemLabelTemplate *t = g_ptr_array_index (list, i);
      g_autoptr(GError) error = NULL;
      double right, bottom;

      g_assert_true (tandem_label_template_validate (t, &error));
      g_assert_no_error (error);
      g_assert_true (tandem_label_template_is_builtin (t));
      g_assert_nonnull (tandem_label_template_get_product (t));
      g_assert_true (g_hash_table_add (ids, (gpointer) tandem_label_template_get_id (t)));

      /* The manufacturers' sheets are symmetric: what is left on the right
       * and at the bottom equals the left and top margins. */
      tandem_label_template_get_label_origin (t, tandem_label_template_get_labels_per_sheet (t) - 1,
                                              &right, &bottom);
      right = tandem_label_template_get_page_width (t) - right - tandem_label_template_get_label_width (t);
      bottom = tandem_label_template_get_page_height (t) - bottom - tandem_label_template_get_label_height (t);
      g_assert_cmpfloat_with_epsilon (right, tandem_label_template_get_margin_left (t), 0.1);
      g_assert_cmpfloat_with_epsilon (bottom, tandem_label_template_get_margin_top (t), 0.1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autoptr(TandemLabelTemplate) t = tandem_label_template_find_builtin (required[i]);

      g_assert_nonnull (t);
      g_assert_true (g_hash_table_contains (ids, required[i]));
      g_assert_cmpfloat (tandem_label_template_get_page_width (t), ==, 210);
      g_assert_cmpfloat (tandem_label_template_get_page_height (t), ==, 297);
    }

  /* Avery L7160: 3 × 7 of 63.5 × 38.1 mm, pitch 66.04 × 38.1 mm from 7.25, 15.15 */
  g_assert_nonnull (l7160);
  g_assert_cmpstr (tandem_label_template_get_id (l7160), ==, "a4-3x7-63.5x38.1");
  g_assert_cmpuint (tandem_label_template_get_labels_per_sheet (l7160), ==, 21);
  {
    double x, y;

    tandem_label_template_get_label_origin (l7160, 4, &x, &y);
    g_assert_cmpfloat_with_epsilon (x, 7.25 + 66.04, 1e-9);
    g_assert_cmpfloat_with_epsilon (y, 15.15 + 38.1, 1e-9);
  }
  g_assert_nonnull (strstr (tandem_label_template_get_name (l7160), "63.5 × 38.1 mm"));
  g_assert_null (tandem_label_template_find_builtin ("no-such-sheet"));
}

static void
assert_refused (TandemLabelTemplate *t,
                const char          *message_part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (tandem_label_template_validate (t, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
}

static void
test_template_validation_I4 (void)
{
  g_autoptr(TandemLabelTemplate) t = tandem_label_template_new ("Our sheet", 210, 297, 3, 8, 70, 37);
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_label_template_validate (t, &error));
  g_assert_no_error (error);
  g_assert_null (tandem_label_template_get_id (t));
  g_assert_false (tandem_label_template_is_builtin (t));

  /* 10 mm more to the left and the third column falls off the page */
  tandem_label_template_set_margins (t, 0.5, 10);
  assert_refused (t, "do not fit across the page: 3 labels of 70 mm, gaps of 0 mm and a left margin of 10 mm "
                     "take 220 mm, but the page is 210 mm wide");
  tandem_label_template_set_margins (t, 0.5, 0);
  tandem_label_template_set_gaps (t, 0, 1);
  assert_refused (t, "do not fit down the page: 8 rows of 37 mm, gaps of 1 mm and a top margin of 0.5 mm "
                     "take 303.5 mm, but the page is 297 mm high");
  tandem_label_template_set_gaps (t, 0, 0);
  g_assert_true (tandem_label_template_validate (t, NULL));

  tandem_label_template_set_gaps (t, -1, 0);
  assert_refused (t, "gap between columns");
  tandem_label_template_set_gaps (t, 0, 0);
  tandem_label_template_set_grid (t, 0, 8);
  assert_refused (t, "labels across");
  tandem_label_template_set_grid (t, 3, 8);
  tandem_label_template_set_corner_radius (t, 20);
  assert_refused (t, "corner radius");
  tandem_label_template_set_corner_radius (t, 2);
  tandem_label_template_set_page_size (t, 0, 297);
  assert_refused (t, "page width");
  tandem_label_template_set_page_size (t, 210, 297);
  tandem_label_template_set_label_size (t, NAN, 37);
  assert_refused (t, "label width");
  tandem_label_template_set_label_size (t, 70, 37);
  /* A sheet to print once needs no name; one to keep does (below) */
  tandem_label_template_set_name (t, NULL);
  g_assert_true (tandem_label_template_validate (t, NULL));
}

static void
test_start_at_pages_I4 (void)
{
  g_autoptr(TandemLabelTemplate) t = tandem_label_template_find_builtin ("L7160");
  g_autoptr(TandemLabelSheet) sheet = tandem_label_sheet_new (t);
  g_autoptr(GError) error = NULL;
  guint first, n;

  g_assert_false (tandem_label_sheet_set_start_at (sheet, 0, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_label_sheet_set_start_at (sheet, 22, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "from 1 to 21"));
  g_clear_error (&error);
  g_assert_cmpuint (tandem_label_sheet_get_start_at (sheet), ==, 1);

  g_assert_cmpuint (tandem_label_sheet_count_pages (sheet, 0), ==, 0);
  g_assert_cmpuint (tandem_label_sheet_count_pages (sheet, 21), ==, 1);
  g_assert_cmpuint (tandem_label_sheet_count_pages (sheet, 22), ==, 2);

  /* Four labels of the first sheet are used: 17 fit on it */
  g_assert_true (tandem_label_sheet_set_start_at (sheet, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_label_sheet_count_pages (sheet, 17), ==, 1);
  g_assert_cmpuint (tandem_label_sheet_count_pages (sheet, 18), ==, 2);
  g_assert_cmpuint (tandem_label_sheet_count_pages (sheet, 17 + 21 + 1), ==, 3);
  tandem_label_sheet_get_page_range (sheet, 0, 30, &first, &n);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (n, ==, 17);
  tandem_label_sheet_get_page_range (sheet, 1, 30, &first, &n);
  g_assert_cmpuint (first, ==, 17);
  g_assert_cmpuint (n, ==, 13);
  tandem_label_sheet_get_page_range (sheet, 2, 30, &first, &n);
  g_assert_cmpuint (n, ==, 0);

  g_assert_true (tandem_label_sheet_set_start_at (sheet, 21, NULL));
  g_assert_cmpuint (tandem_label_sheet_count_pages (sheet, 2), ==, 2);
}

/* The PDF (SPEC I4) */

/* Each label's text lies inside its label's text area, at the template's
 * place on the right page, from the start label on; the first line of
 * each label starts at the area's left edge. */
static void
test_pdf_geometry_I4 (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(GPtrArray) addresses = numbered_addresses (40);
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *path = NULL;
  const char *ids[] = { "L7160", "L7163", "3474" };

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      g_autoptr(TandemLabelTemplate) t = tandem_label_template_find_builtin (ids[k]);
      g_autoptr(TandemLabelSheet) sheet = tandem_label_sheet_new (t);
      g_autofree char *file = g_strdup_printf ("%s.pdf", ids[k]);
      guint per = tandem_label_template_get_labels_per_sheet (t);
      guint n_labels = 0, n_pages = 0;
      guint start = 4;

      g_assert_true (tandem_label_sheet_set_start_at (sheet, start, NULL));
      g_clear_pointer (&path, g_free);
      path = write_sheet (sheet, addresses, dir, file, &n_labels, &n_pages);
      g_assert_cmpuint (n_labels, ==, 40);
      g_assert_cmpuint (n_pages, ==, tandem_label_sheet_count_pages (sheet, 40));
      g_assert_cmpuint (n_pages, ==, 1 + (40 - (per - start + 1) + per - 1) / per);

      g_clear_pointer (&words, g_ptr_array_unref);
      words = pdf_words (path);
      g_assert_cmpuint (count_pdf_pages (words), ==, n_pages);
      for (guint i = 0; i < 40; i++)
        {
          g_autofree char *name = g_strdup_printf ("Asiakas%03u", i);
          g_autofree char *street = g_strdup_printf ("Katu%03u", i);
          Word *first = find_word (words, name);
          Word *line = find_word (words, street);
          Word *city = NULL;
          guint page = i < per - start + 1 ? 0 : 1 + (i - (per - start + 1)) / per;
          guint position = page == 0 ? start - 1 + i : (i - (per - start + 1)) % per;
          double x, y, w, h;

          g_assert_nonnull (first);
          g_assert_nonnull (line);
          g_assert_cmpuint (first->page, ==, page);
          g_assert_cmpuint (line->page, ==, page);
          tandem_label_sheet_get_text_rect (sheet, position, &x, &y, &w, &h);
          g_assert_true (word_inside (first, x, y, w, h, 1.0));
          g_assert_true (word_inside (line, x, y, w, h, 1.0));
          /* Left-aligned at the padding, lines in order */
          g_assert_cmpfloat (fabs (first->x_min - x * PT_PER_MM), <, 1.5);
          g_assert_cmpfloat (line->y_min, >, first->y_max - 1);

          for (guint j = 0; j < words->len; j++)
            {
              Word *word = g_ptr_array_index (words, j);

              if (word->page == page && g_str_equal (word->text, "HELSINKI") &&
                  word_inside (word, x, y, w, h, 1.0))
                city = word;
            }
          g_assert_nonnull (city);
        }

      /* Nothing at all in the used labels of the first sheet */
      for (guint j = 0; j < words->len; j++)
        {
          Word *word = g_ptr_array_index (words, j);

          for (guint p = 0; word->page == 0 && p < start - 1; p++)
            {
              double x, y, w, h;

              tandem_label_sheet_get_label_rect (sheet, p, &x, &y, &w, &h);
              g_assert_false (word_inside (word, x, y, w, h, 0));
            }
        }
    }

  test_remove_tree (dir);
}

/* The printer offset moves every line by exactly its amount. */
static void
test_pdf_printer_offset_I4 (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(GPtrArray) addresses = numbered_addresses (3);
  g_autoptr(TandemLabelTemplate) t = tandem_label_template_find_builtin ("L7163");
  g_autoptr(TandemLabelSheet) sheet = tandem_label_sheet_new (t);
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  a = write_sheet (sheet, addresses, dir, "plain.pdf", NULL, NULL);
  tandem_label_sheet_set_offset (sheet, 2.0, -1.5);
  b = write_sheet (sheet, addresses, dir, "moved.pdf", NULL, NULL);
  plain = pdf_words (a);
  moved = pdf_words (b);
  g_assert_cmpuint (plain->len, ==, moved->len);
  for (guint i = 0; i < plain->len; i++)
    {
      Word *p = g_ptr_array_index (plain, i);
      Word *m = g_ptr_array_index (moved, i);

      g_assert_cmpstr (p->text, ==, m->text);
      g_assert_cmpfloat_with_epsilon (m->x_min - p->x_min, 2.0 * PT_PER_MM, 0.05);
      g_assert_cmpfloat_with_epsilon (m->y_min - p->y_min, -1.5 * PT_PER_MM, 0.05);
    }
  test_remove_tree (dir);
}

/* Long lines shrink, then wrap or end in "…"; they never reach the next
 * label, and the labels around them are as they would be anyway. */
static void
test_pdf_long_lines_stay_inside_I4 (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(GPtrArray) addresses = numbered_addresses (9);
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(TandemLabelTemplate) t = tandem_label_template_find_builtin ("L7160");
  g_autoptr(TandemLabelSheet) sheet = tandem_label_sheet_new (t);
  g_autofree char *path = NULL;
  TandemPostalAddress *a;
  gboolean shrunk_found = FALSE;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  /* Label 2 (middle column): a somewhat long name, which shrinks and stays whole */
  a = g_ptr_array_index (addresses, 1);
  g_free (a->name);
  a->name = g_strdup ("Asiakas001 Rakennus ja Kiinteistöpalvelu Oy");
  /* Label 5: a name far too long for any size, and a street that goes on */
  a = g_ptr_array_index (addresses, 4);
  g_free (a->name);
  a->name = g_strdup ("Asiakas004 Pohjois-Pohjanmaan Rakennus-, Metalli- ja Kuljetuspalvelujen "
                      "Yhteistoimintaosuuskunta ja Tytäryhtiöt Oy Ab Kansainvälinen Konserni");
  g_free (a->street);
  a->street = g_strdup ("Katu004 Teollisuuskatu 123 A 45, toimitukset lastauslaiturille numero seitsemän");
  /* Label 8: many lines, which fit at a smaller size */
  a = g_ptr_array_index (addresses, 7);
  g_free (a->street);
  a->street = g_strdup ("Katu007 1\nRakennus B\nPorras C\nKerros 4\nHuone 12\nPL 55\nc/o Virtanen");
  /* Label 7: more lines than fit at any size */
  a = g_ptr_array_index (addresses, 6);
  g_free (a->street);
  a->street = g_strdup ("Katu006\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\nViimeinen");

  path = write_sheet (sheet, addresses, dir, "long.pdf", NULL, NULL);
  words = pdf_words (path);
  for (guint j = 0; j < words->len; j++)
    {
      Word *word = g_ptr_array_index (words, j);
      gboolean inside_one = FALSE;

      /* Every word is in the label of its address */
      for (guint p = 0; p < 9; p++)
        {
          double x, y, w, h;

          tandem_label_sheet_get_text_rect (sheet, p, &x, &y, &w, &h);
          if (word_inside (word, x, y, w, h, 1.0))
            inside_one = TRUE;
        }
      if (!inside_one)
        g_error ("“%s” at %.1f, %.1f–%.1f, %.1f is outside every label",
                 word->text, word->x_min, word->y_min, word->x_max, word->y_max);
    }

  /* The somewhat long name is all there, wrapped onto a second line at
   * the size of the other lines rather than set in smaller print */
  {
    const char *parts[] = { "Asiakas001", "Rakennus", "ja", "Kiinteistöpalvelu", "Oy" };
    double first_y = -1, last_y = -1, x, y, w, h;

    tandem_label_sheet_get_text_rect (sheet, 1, &x, &y, &w, &h);
    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      for (guint j = 0; j < words->len; j++)
        {
          Word *word = g_ptr_array_index (words, j);

          if (g_str_equal (word->text, parts[i]) && word_inside (word, x, y, w, h, 1.0))
            {
              g_assert_cmpfloat (word->y_max - word->y_min, >=, 10.0 * 0.95);
              g_assert_cmpfloat (word->y_max - word->y_min, <, 10.0 * 1.25);
              if (i == 0)
                first_y = word->y_min;
              if (i == G_N_ELEMENTS (parts) - 1)
                last_y = word->y_min;
              shrunk_found = i == 0 ? TRUE : shrunk_found;
            }
        }
    g_assert_cmpfloat (first_y, >=, 0);
    g_assert_cmpfloat (last_y, >, first_y + 5.0);
  }
  g_assert_true (shrunk_found);

  /* Too many lines: the first ones and the last two are kept, those
   * between share a line; the postcode and city are never lost */
  {
    const char *kept[] = { "Asiakas006", "Katu006", "Viimeinen", "00100", "HELSINKI" };
    double x, y, w, h;

    tandem_label_sheet_get_text_rect (sheet, 6, &x, &y, &w, &h);
    for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
      {
        gboolean found = FALSE;

        for (guint j = 0; j < words->len; j++)
          {
            Word *word = g_ptr_array_index (words, j);

            if (g_str_equal (word->text, kept[i]) && word_inside (word, x, y, w, h, 1.0))
              found = TRUE;
          }
        if (!found)
          g_error ("“%s” is not on the label with too many lines", kept[i]);
      }
  }

  /* The labels next to the long ones are as they would be anyway: the
   * same size as the first label's, at their own padding */
  {
    Word *first = find_word (words, "Asiakas000");
    Word *next = find_word (words, "Asiakas005");
    Word *below = find_word (words, "Asiakas003");
    double x;

    g_assert_nonnull (first);
    g_assert_nonnull (next);
    g_assert_nonnull (below);
    g_assert_cmpfloat_with_epsilon (next->y_max - next->y_min, first->y_max - first->y_min, 0.01);
    g_assert_cmpfloat_with_epsilon (below->y_max - below->y_min, first->y_max - first->y_min, 0.01);
    tandem_label_sheet_get_text_rect (sheet, 3, &x, NULL, NULL, NULL);
    g_assert_cmpfloat (fabs (below->x_min - x * PT_PER_MM), <, 1.5);
  }

  test_remove_tree (dir);
}

static void
test_pdf_fonts_embedded_I4 (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr(GPtrArray) addresses = numbered_addresses (5);
  g_autoptr(TandemLabelTemplate) t = tandem_label_template_find_builtin ("L7165");
  g_autoptr(TandemLabelSheet) sheet = tandem_label_sheet_new (t);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { "pdffonts", NULL, NULL };
  guint fonts = 0;
  int status;

  if (!have_program ("pdffonts"))
    {
      g_test_skip ("pdffonts (poppler-utils) is not installed");
      return;
    }

  path = write_sheet (sheet, addresses, dir, "fonts.pdf", NULL, NULL);
  argv[1] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* name type encoding emb sub uni object ID; two header lines */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      columns = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      n = g_strv_length (columns);
      g_assert_cmpuint (n, >=, 7);
      /* emb is the fifth column from the end */
      g_assert_cmpstr (columns[n - 5], ==, "yes");
      fonts++;
    }
  g_assert_cmpuint (fonts, >, 0);
  test_remove_tree (dir);
}

/* Writing fails cleanly: no addresses, or the source failing half way,
 * leave what was at the path as it was and no partial file beside it. */
static void
test_pdf_failures_keep_old_file_I4 (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "labels.pdf", NULL);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) some = numbered_addresses (50);
  g_autoptr(TandemLabelTemplate) t = tandem_label_template_find_builtin ("L7160");
  g_autoptr(TandemLabelSheet) sheet = tandem_label_sheet_new (t);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *kept = NULL;
  Source empty = { none, 0, 0 };
  Source failing = { some, 0, 30 };
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "the old labels", -1, NULL));

  g_assert_false (tandem_label_sheet_write_pdf (sheet, path, next_address, &empty, NULL, NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_label_sheet_write_pdf (sheet, path, next_address, &failing, NULL, NULL, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_DATABASE);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "the old labels");
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  test_remove_tree (dir);
}

/* Custom templates in the store (SPEC I4) */

static TandemLabelTemplate *
our_template (const char *name)
{
  TandemLabelTemplate *t = tandem_label_template_new (name, 210, 297, 2, 6, 105, 48);

  tandem_label_template_set_margins (t, 4.5, 0);
  tandem_label_template_set_corner_radius (t, 2);
  return t;
}

static void
test_custom_templates_I4 (TestDb        *db,
                          gconstpointer  data)
{
  g_autoptr(TandemLabelTemplate) ours = our_template ("Office sheet 2×6");
  g_autoptr(TandemLabelTemplate) twin = our_template ("OFFICE SHEET 2×6");
  g_autoptr(TandemLabelTemplate) too_wide = our_template ("Too wide");
  g_autoptr(TandemLabelTemplate) builtin = tandem_label_template_find_builtin ("L7160");
  g_autoptr(TandemLabelTemplate) found = NULL;
  g_autoptr(TandemLabelTemplate) again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *custom_id = NULL;
  gint64 id;

  id = tandem_store_save_label_template (db->store, ours, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  custom_id = g_strdup_printf ("custom-%" G_GINT64_FORMAT, id);
  g_assert_cmpstr (tandem_label_template_get_id (ours), ==, custom_id);

  /* The same name in other letters is refused; nothing is added */
  g_assert_cmpint (tandem_store_save_label_template (db->store, twin, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_EXISTS);
  g_clear_error (&error);
  /* Labels that do not fit are refused, with what does not fit */
  tandem_label_template_set_label_size (too_wide, 110, 48);
  g_assert_cmpint (tandem_store_save_label_template (db->store, too_wide, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "do not fit across"));
  g_clear_error (&error);
  /* A template to keep needs a name */
  tandem_label_template_set_name (too_wide, " ");
  tandem_label_template_set_label_size (too_wide, 105, 48);
  g_assert_cmpint (tandem_store_save_label_template (db->store, too_wide, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "needs a name"));
  g_clear_error (&error);
  /* The shipped sheets cannot be changed */
  g_assert_cmpint (tandem_store_save_label_template (db->store, builtin, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_clear_error (&error);

  list = tandem_store_list_label_templates (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (tandem_label_template_get_name (g_ptr_array_index (list, 0)), ==, "Office sheet 2×6");

  /* Found by its id and by its name; the shipped ones by id or product */
  found = tandem_store_find_label_template (db->store, custom_id, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (tandem_label_template_get_label_width (found), ==, 105);
  g_assert_cmpfloat (tandem_label_template_get_margin_top (found), ==, 4.5);
  g_assert_cmpfloat (tandem_label_template_get_corner_radius (found), ==, 2);
  g_assert_cmpuint (tandem_label_template_get_rows (found), ==, 6);
  g_clear_object (&found);
  found = tandem_store_find_label_template (db->store, "office SHEET 2×6", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_label_template_get_custom_id (found), ==, id);
  g_clear_object (&found);
  found = tandem_store_find_label_template (db->store, "a4-2x7-99.1x38.1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_label_template_get_product (found), ==, "Avery L7163");
  g_clear_object (&found);
  g_assert_null (tandem_store_find_label_template (db->store, "custom-999", &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A bad update is refused and the saved one is as it was */
  tandem_label_template_set_grid (ours, 2, 7);
  g_assert_cmpint (tandem_store_save_label_template (db->store, ours, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "do not fit down"));
  g_clear_error (&error);
  again = tandem_store_get_label_template (db->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_label_template_get_rows (again), ==, 6);
  g_clear_object (&again);

  /* A good update is kept */
  tandem_label_template_set_grid (ours, 2, 5);
  g_assert_cmpint (tandem_store_save_label_template (db->store, ours, &error), ==, id);
  g_assert_no_error (error);
  again = tandem_store_get_label_template (db->store, id, &error);
  g_assert_cmpuint (tandem_label_template_get_rows (again), ==, 5);

  /* Another user may use it but not change or delete it */
  test_add_user (db, "sam", TANDEM_ROLE_USER, NULL);
  test_sign_in (db, "sam");
  g_assert_false (tandem_store_delete_label_template (db->store, id, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (tandem_store_save_label_template (db->store, again, &error), ==, 0);
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tandem_store_list_label_templates (db->store, &error);
  g_assert_cmpuint (list->len, ==, 1);

  test_sign_in (db, TEST_ADMIN_LOGIN);
  g_assert_true (tandem_store_delete_label_template (db->store, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tandem_store_list_label_templates (db->store, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_false (tandem_store_delete_label_template (db->store, id, &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_NOT_FOUND);
}

static void
test_home_country_I4 (TestDb        *db,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  /* Nothing saved, and the tests' locale (C) names no country */
  code = tandem_store_get_home_country (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, "FI");
  g_clear_pointer (&code, g_free);

  g_assert_true (tandem_store_set_home_country (db->store, "Polska", &error));
  g_assert_no_error (error);
  code = tandem_store_get_home_country (db->store, &error);
  g_assert_cmpstr (code, ==, "PL");
  g_clear_pointer (&code, g_free);

  g_assert_false (tandem_store_set_home_country (db->store, "Atlantis", &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Atlantis"));
  g_clear_error (&error);

  test_add_user (db, "sam", TANDEM_ROLE_USER, NULL);
  test_sign_in (db, "sam");
  g_assert_false (tandem_store_set_home_country (db->store, "SE", &error));
  g_assert_error (error, TANDEM_ERROR, TANDEM_ERROR_PERMISSION);
  g_clear_error (&error);
  code = tandem_store_get_home_country (db->store, &error);
  g_assert_cmpstr (code, ==, "PL");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/labels/address/finland-I4", test_address_finland_I4);
  g_test_add_func ("/labels/address/poland-I4", test_address_poland_I4);
  g_test_add_func ("/labels/address/sweden-I4", test_address_sweden_I4);
  g_test_add_func ("/labels/address/germany-I4", test_address_germany_I4);
  g_test_add_func ("/labels/address/britain-I4", test_address_britain_I4);
  g_test_add_func ("/labels/address/united-states-I4", test_address_united_states_I4);
  g_test_add_func ("/labels/address/no-blank-lines-I4", test_address_no_blank_lines_I4);
  g_test_add_func ("/labels/address/country-recognition-I4", test_country_recognition_I4);
  g_test_add_func ("/labels/template/builtin-sheets-I4", test_builtin_templates_I4);
  g_test_add_func ("/labels/template/validation-I4", test_template_validation_I4);
  g_test_add_func ("/labels/sheet/start-at-I4", test_start_at_pages_I4);
  g_test_add_func ("/labels/pdf/geometry-I4", test_pdf_geometry_I4);
  g_test_add_func ("/labels/pdf/printer-offset-I4", test_pdf_printer_offset_I4);
  g_test_add_func ("/labels/pdf/long-lines-stay-inside-I4", test_pdf_long_lines_stay_inside_I4);
  g_test_add_func ("/labels/pdf/fonts-embedded-I4", test_pdf_fonts_embedded_I4);
  g_test_add_func ("/labels/pdf/failures-keep-old-file-I4", test_pdf_failures_keep_old_file_I4);
  g_test_add ("/labels/store/custom-templates-I4", TestDb, NULL,
              test_db_setup, test_custom_templates_I4, test_db_teardown);
  g_test_add ("/labels/store/home-country-I4", TestDb, NULL,
              test_db_setup, test_home_country_I4, test_db_teardown);

  return g_test_run ();
}
