/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemAddressFormat"

#include "config.h"

#include <string.h>

#include "tandem-address-format.h"

/* Countries: the alpha-2 code, the name for the country line (English
 * capitals, which every post reads, as UPU S42 allows), and the names and
 * codes users type, '|'-separated: English, Finnish, Swedish, German,
 * Polish and the country's own, plus the alpha-3 code. */
typedef struct
{
  const char *code;
  const char *postal_name;
  const char *names;
} Country;

static const Country countries[] = {
  { "FI", "FINLAND", "Finland|Suomi|Finnland|Finlandia|Suomen tasavalta|FIN" },
  { "SE", "SWEDEN", "Sweden|Ruotsi|Sverige|Schweden|Szwecja|SWE" },
  { "NO", "NORWAY", "Norway|Norja|Norge|Noreg|Norwegen|Norwegia|NOR" },
  { "DK", "DENMARK", "Denmark|Tanska|Danmark|Dänemark|Dania|DNK" },
  { "IS", "ICELAND", "Iceland|Islanti|Island|Ísland|Islandia|ISL" },
  { "EE", "ESTONIA", "Estonia|Viro|Eesti|Estland|EST" },
  { "LV", "LATVIA", "Latvia|Latvija|Lettland|Łotwa|LVA" },
  { "LT", "LITHUANIA", "Lithuania|Liettua|Lietuva|Litauen|Litwa|LTU" },
  { "PL", "POLAND", "Poland|Puola|Polen|Polska|Rzeczpospolita Polska|POL" },
  { "DE", "GERMANY", "Germany|Saksa|Tyskland|Deutschland|Niemcy|Bundesrepublik Deutschland|BRD|DEU|GER" },
  { "AT", "AUSTRIA", "Austria|Itävalta|Österrike|Österreich|AUT" },
  { "CH", "SWITZERLAND", "Switzerland|Sveitsi|Schweiz|Szwajcaria|Suisse|Svizzera|Svizra|CHE" },
  { "LI", "LIECHTENSTEIN", "Liechtenstein|LIE" },
  { "NL", "NETHERLANDS", "Netherlands|The Netherlands|Holland|Alankomaat|Hollanti|Nederländerna|Niederlande|"
                         "Holandia|Niderlandy|Nederland|NLD" },
  { "BE", "BELGIUM", "Belgium|Belgia|Belgien|België|Belgique|BEL" },
  { "LU", "LUXEMBOURG", "Luxembourg|Luxemburg|Luksemburg|Lëtzebuerg|LUX" },
  { "FR", "FRANCE", "France|Ranska|Frankrike|Frankreich|Francja|FRA" },
  { "ES", "SPAIN", "Spain|Espanja|Spanien|Hiszpania|España|ESP" },
  { "PT", "PORTUGAL", "Portugal|Portugali|Portugalia|PRT" },
  { "IT", "ITALY", "Italy|Italia|Italien|Włochy|ITA" },
  { "MT", "MALTA", "Malta|MLT" },
  { "IE", "IRELAND", "Ireland|Irlanti|Irland|Irlandia|Éire|IRL" },
  { "GB", "UNITED KINGDOM", "United Kingdom|UK|Great Britain|Britain|England|Scotland|Wales|Northern Ireland|"
                            "Iso-Britannia|Yhdistynyt kuningaskunta|Englanti|Skotlanti|Storbritannien|"
                            "Förenade kungariket|Großbritannien|Vereinigtes Königreich|"
                            "Wielka Brytania|Zjednoczone Królestwo|Anglia|GBR" },
  { "US", "USA", "United States|United States of America|USA|US|America|Yhdysvallat|Amerikan yhdysvallat|"
                 "Förenta staterna|Amerikas förenta stater|Vereinigte Staaten|Vereinigte Staaten von Amerika|"
                 "Stany Zjednoczone|Stany Zjednoczone Ameryki|Ameryka" },
  { "CA", "CANADA", "Canada|Kanada|CAN" },
  { "CZ", "CZECHIA", "Czechia|Czech Republic|Tšekki|Tsekki|Tjeckien|Tschechien|Czechy|Česko|Česká republika|CZE" },
  { "SK", "SLOVAKIA", "Slovakia|Slovakien|Slowakei|Słowacja|Slovensko|SVK" },
  { "HU", "HUNGARY", "Hungary|Unkari|Ungern|Ungarn|Węgry|Magyarország|HUN" },
  { "SI", "SLOVENIA", "Slovenia|Slovenien|Slowenien|Słowenia|Slovenija|SVN" },
  { "HR", "CROATIA", "Croatia|Kroatia|Kroatien|Chorwacja|Hrvatska|HRV" },
  { "RO", "ROMANIA", "Romania|Rumänien|Rumunia|România|ROU" },
  { "BG", "BULGARIA", "Bulgaria|Bulgarien|Bułgaria|България|BGR" },
  { "GR", "GREECE", "Greece|Kreikka|Grekland|Griechenland|Grecja|Ελλάδα|Hellas|EL|GRC" },
  { "CY", "CYPRUS", "Cyprus|Kypros|Cypern|Zypern|Cypr|Κύπρος|CYP" },
  { "UA", "UKRAINE", "Ukraine|Ukraina|Україна|UKR" },
  { "BY", "BELARUS", "Belarus|Valko-Venäjä|Vitryssland|Weißrussland|Białoruś|Беларусь|BLR" },
  { "RU", "RUSSIA", "Russia|Russian Federation|Venäjä|Ryssland|Russland|Rosja|Россия|RUS" },
  { "TR", "TURKEY", "Turkey|Türkiye|Turkki|Turkiet|Türkei|Turcja|TUR" },
  { "CN", "CHINA", "China|Kiina|Kina|Chiny|中国|CHN" },
  { "JP", "JAPAN", "Japan|Japani|Japonia|日本|JPN" },
  { "KR", "SOUTH KOREA", "South Korea|Korea|Republic of Korea|Etelä-Korea|Sydkorea|Südkorea|Korea Południowa|KOR" },
  { "IN", "INDIA", "India|Intia|Indien|Indie|IND" },
  { "SG", "SINGAPORE", "Singapore|Singapur|SGP" },
  { "IL", "ISRAEL", "Israel|Izrael|ISR" },
  { "AE", "UNITED ARAB EMIRATES", "United Arab Emirates|UAE|Arabiemiirikunnat|Yhdistyneet arabiemiirikunnat|"
                                  "Förenade Arabemiraten|Vereinigte Arabische Emirate|Zjednoczone Emiraty Arabskie|ARE" },
  { "AU", "AUSTRALIA", "Australia|Australien|AUS" },
  { "NZ", "NEW ZEALAND", "New Zealand|Uusi-Seelanti|Nya Zeeland|Neuseeland|Nowa Zelandia|Aotearoa|NZL" },
  { "BR", "BRAZIL", "Brazil|Brasilia|Brasilien|Brazylia|Brasil|BRA" },
  { "MX", "MEXICO", "Mexico|Meksiko|Mexiko|Meksyk|México|MEX" },
  { "ZA", "SOUTH AFRICA", "South Africa|Etelä-Afrikka|Sydafrika|Südafrika|Republika Południowej Afryki|RPA|ZAF" },
};

/* How a country's post wants the lines (UPU's addressing guides and the
 * posts' own): where the postcode and the city go, how the postcode is
 * written, and whether the city is in capitals. */
typedef enum
{
  PLACE_POSTCODE_CITY,      /* "00100 HELSINKI" on one line */
  PLACE_CITY_STATE_ZIP,     /* "Springfield IL 62701" */
  PLACE_TOWN_THEN_POSTCODE, /* post town, then the postcode on its own line */
} PlaceStyle;

typedef struct
{
  const char *code;
  PlaceStyle  place;
  gboolean    person_first;   /* contact person above the company */
  gboolean    city_upper;
  guint       digits;         /* postcode digits, 0 for free form */
  const char *pattern;        /* '#' a digit, other characters as they are */
} Layout;

static const Layout layouts[] = {
  /* Posti: addressee, then a person or unit; "00100 HELSINKI" */
  { "FI", PLACE_POSTCODE_CITY, FALSE, TRUE, 5, "#####" },
  /* PostNord: company, person; "123 45 STOCKHOLM" */
  { "SE", PLACE_POSTCODE_CITY, FALSE, TRUE, 5, "### ##" },
  /* Poczta Polska: company, person; "00-950 Warszawa" */
  { "PL", PLACE_POSTCODE_CITY, FALSE, FALSE, 5, "##-###" },
  /* Deutsche Post, DIN 5008: company, person; "10115 Berlin" */
  { "DE", PLACE_POSTCODE_CITY, FALSE, FALSE, 5, "#####" },
  /* Royal Mail: person, company, street, POST TOWN, POSTCODE */
  { "GB", PLACE_TOWN_THEN_POSTCODE, TRUE, TRUE, 0, NULL },
  /* An Post: the Eircode on its own last line */
  { "IE", PLACE_TOWN_THEN_POSTCODE, TRUE, FALSE, 0, NULL },
  /* USPS Publication 28: attention line above the firm; "City ST 12345" */
  { "US", PLACE_CITY_STATE_ZIP, TRUE, FALSE, 0, NULL },
  { "CA", PLACE_CITY_STATE_ZIP, TRUE, FALSE, 0, NULL },
  /* Australia Post: "SYDNEY NSW 2000" */
  { "AU", PLACE_CITY_STATE_ZIP, TRUE, TRUE, 0, NULL },
  { "NO", PLACE_POSTCODE_CITY, FALSE, FALSE, 4, "####" },
  { "DK", PLACE_POSTCODE_CITY, FALSE, FALSE, 4, "####" },
  { "IS", PLACE_POSTCODE_CITY, FALSE, FALSE, 3, "###" },
  { "EE", PLACE_POSTCODE_CITY, FALSE, FALSE, 5, "#####" },
  { "LV", PLACE_POSTCODE_CITY, FALSE, FALSE, 4, "LV-####" },
  { "LT", PLACE_POSTCODE_CITY, FALSE, FALSE, 5, "LT-#####" },
  { "AT", PLACE_POSTCODE_CITY, FALSE, FALSE, 4, "####" },
  { "CH", PLACE_POSTCODE_CITY, FALSE, FALSE, 4, "####" },
  { "BE", PLACE_POSTCODE_CITY, FALSE, FALSE, 4, "####" },
  { "LU", PLACE_POSTCODE_CITY, FALSE, FALSE, 4, "L-####" },
  { "FR", PLACE_POSTCODE_CITY, FALSE, TRUE, 5, "#####" },
  { "ES", PLACE_POSTCODE_CITY, FALSE, FALSE, 5, "#####" },
  { "IT", PLACE_POSTCODE_CITY, FALSE, FALSE, 5, "#####" },
  { "PT", PLACE_POSTCODE_CITY, FALSE, FALSE, 7, "####-###" },
  { "CZ", PLACE_POSTCODE_CITY, FALSE, FALSE, 5, "### ##" },
  { "SK", PLACE_POSTCODE_CITY, FALSE, FALSE, 5, "### ##" },
  { "GR", PLACE_POSTCODE_CITY, FALSE, FALSE, 5, "### ##" },
  { "HU", PLACE_POSTCODE_CITY, FALSE, FALSE, 4, "####" },
  { "NL", PLACE_POSTCODE_CITY, FALSE, TRUE, 0, NULL },
};

/* Any other country: addressee, person, street, "postcode city", which is
 * the most common form in the UPU's list. */
static const Layout default_layout = { NULL, PLACE_POSTCODE_CITY, FALSE, FALSE, 0, NULL };

/* Text folded for comparing names: case-folded, accents off, dots gone,
 * hyphens and runs of spaces as one space. */
static char *
fold_name (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (decomposed == NULL)
    return NULL;
  folded = g_utf8_casefold (decomposed, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK || c == '.')
        continue;
      if (g_unichar_isspace (c) || c == '-' || c == ',')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (g_str_has_prefix (out->str, "the "))
    g_string_erase (out, 0, 4);
  return g_string_free (out, FALSE);
}

static const Country *
find_country (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (countries); i++)
    if (g_ascii_strcasecmp (countries[i].code, code) == 0)
      return &countries[i];
  return NULL;
}

/* Every folded name and code → its country's code, made once. */
static GHashTable *
country_names (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
        {
          g_auto(GStrv) aliases = g_strsplit (countries[i].names, "|", -1);

          g_hash_table_insert (names, fold_name (countries[i].code), (gpointer) countries[i].code);
          for (guint n = 0; aliases[n] != NULL; n++)
            {
              char *name = fold_name (aliases[n]);

              if (name != NULL && !g_hash_table_contains (names, name))
                g_hash_table_insert (names, name, (gpointer) countries[i].code);
              else
                g_free (name);
            }
        }
      g_once_init_leave (&table, names);
    }
  return table;
}

char *
tandem_country_code_from_text (const char *text)
{
  g_autofree char *wanted = NULL;

  if (text == NULL)
    return NULL;
  wanted = fold_name (text);
  if (wanted == NULL || *wanted == '\0')
    return NULL;
  return g_strdup (g_hash_table_lookup (country_names (), wanted));
}

const char *
tandem_country_postal_name (const char *code)
{
  const Country *country = find_country (code);

  return country != NULL ? country->postal_name : NULL;
}

const char * const *
tandem_country_list_codes (void)
{
  static const char **codes;

  if (g_once_init_enter (&codes))
    {
      const char **list = g_new0 (const char *, G_N_ELEMENTS (countries) + 1);

      for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
        list[i] = countries[i].code;
      g_once_init_leave (&codes, list);
    }
  return codes;
}

const char *
tandem_country_english_name (const char *code)
{
  static GHashTable *table;
  const Country *country = find_country (code);

  if (country == NULL)
    return NULL;
  /* The first of a country's names is its English one. */
  if (g_once_init_enter (&table))
    {
      GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

      for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
        g_hash_table_insert (names, (gpointer) countries[i].code,
                             g_strndup (countries[i].names, strcspn (countries[i].names, "|")));
      g_once_init_leave (&table, names);
    }
  return g_hash_table_lookup (table, country->code);
}

static const Layout *
find_layout (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (layouts); i++)
    if (g_str_equal (layouts[i].code, code))
      return &layouts[i];
  return &default_layout;
}

/* A part as typed, trimmed; NULL when there is nothing in it. */
static char *
clean (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static void
add_line (GPtrArray  *lines,
          const char *text)
{
  char *line = clean (text);

  if (line != NULL)
    g_ptr_array_add (lines, line);
}

/* The street may hold several lines (a building, "c/o …", a PO box). */
static void
add_lines (GPtrArray  *lines,
           const char *text)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return;
  parts = g_strsplit (text, "\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    add_line (lines, parts[i]);
}

/* The postcode in the form the country's post writes it: digits grouped
 * by its pattern, with a country prefix typed before it ("FI-00100",
 * "D-10115") taken off where the post does not want it. Anything that
 * does not have the country's number of digits stays as typed. */
static char *
format_postcode (const Layout *layout,
                 const char   *typed)
{
  g_autofree char *postcode = clean (typed);
  GString *digits;
  GString *out;
  const char *p;

  if (postcode == NULL || layout->digits == 0 || layout->pattern == NULL)
    return g_steal_pointer (&postcode);

  /* Skip a prefix of letters and a hyphen or space ("FI-", "SE ") */
  p = postcode;
  while (g_ascii_isalpha (*p))
    p++;
  if (p != postcode && (*p == '-' || *p == ' ') && p - postcode <= 3)
    p++;
  else
    p = postcode;

  digits = g_string_new (NULL);
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '-')
        {
          g_string_free (digits, TRUE);
          return g_steal_pointer (&postcode);
        }
    }
  if (digits->len != layout->digits)
    {
      g_string_free (digits, TRUE);
      return g_steal_pointer (&postcode);
    }

  out = g_string_new (NULL);
  for (guint i = 0, d = 0; layout->pattern[i] != '\0'; i++)
    {
      if (layout->pattern[i] == '#')
        g_string_append_c (out, digits->str[d++]);
      else
        g_string_append_c (out, layout->pattern[i]);
    }
  g_string_free (digits, TRUE);
  return g_string_free (out, FALSE);
}

/* A British postcode: capitals, one space before the inward code. */
static char *
format_uk_postcode (const char *typed)
{
  g_autofree char *postcode = clean (typed);
  GString *out;

  if (postcode == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = postcode; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, g_ascii_toupper (*p));
  if (out->len >= 5 && out->len <= 7)
    g_string_insert_c (out, out->len - 3, ' ');
  return g_string_free (out, FALSE);
}

static char *
upper (const char *text)
{
  return text != NULL ? g_utf8_strup (text, -1) : NULL;
}

/* A state or province code: two letters ("IL", "on"), or three capitals
 * ("NSW"), so that the last word of "Fort Lee" is not taken for one. */
static gboolean
is_state (const char *word)
{
  gsize len = strlen (word);

  if (len == 2)
    return g_ascii_isalpha (word[0]) && g_ascii_isalpha (word[1]);
  return len == 3 && g_ascii_isupper (word[0]) && g_ascii_isupper (word[1]) && g_ascii_isupper (word[2]);
}

/* "Springfield, IL", "Springfield IL" or a postcode "IL 62701": the city,
 * the state (or province) and the ZIP (or postcode) apart. */
static void
split_city_state (const char  *city_text,
                  const char  *postcode_text,
                  char       **city,
                  char       **state,
                  char       **zip)
{
  g_autofree char *c = clean (city_text);
  g_autofree char *z = clean (postcode_text);
  char *last;

  *state = NULL;
  if (z != NULL && (last = strchr (z, ' ')) != NULL)
    {
      *last = '\0';
      if (is_state (z))
        {
          *state = g_ascii_strup (z, -1);
          memmove (z, last + 1, strlen (last + 1) + 1);
          g_strstrip (z);
        }
      else
        *last = ' ';
    }
  if (*state == NULL && c != NULL)
    {
      last = strrchr (c, ' ');
      if (last != NULL && is_state (last + 1))
        {
          *state = g_ascii_strup (last + 1, -1);
          *last = '\0';
          g_strchomp (c);
          if (g_str_has_suffix (c, ","))
            c[strlen (c) - 1] = '\0';
          g_strchomp (c);
        }
    }
  *city = g_steal_pointer (&c);
  *zip = g_steal_pointer (&z);
}

static char *
join_nonempty (const char *sep,
               const char *a,
               const char *b,
               const char *c)
{
  const char *parts[3] = { a, b, c };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < 3; i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, sep);
      g_string_append (out, parts[i]);
    }
  return g_string_free (out, FALSE);
}

GStrv
tandem_address_format_lines (const TandemPostalAddress *address,
                             const char                *home_country_code)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *country_text = NULL;
  g_autofree char *code = NULL;
  g_autofree char *city = NULL;
  const Layout *layout;
  gboolean abroad;

  g_return_val_if_fail (address != NULL, NULL);

  country_text = clean (address->country);
  code = country_text != NULL ? tandem_country_code_from_text (country_text) : NULL;
  if (country_text == NULL && home_country_code != NULL)
    code = g_ascii_strup (home_country_code, -1);
  abroad = country_text != NULL &&
           (code == NULL || home_country_code == NULL || g_ascii_strcasecmp (code, home_country_code) != 0);
  layout = find_layout (code);

  if (layout->person_first)
    {
      add_line (lines, address->contact);
      add_line (lines, address->name);
    }
  else
    {
      add_line (lines, address->name);
      add_line (lines, address->contact);
    }
  add_lines (lines, address->street);

  city = clean (address->city);
  switch (layout->place)
    {
    case PLACE_POSTCODE_CITY:
      {
        g_autofree char *postcode = format_postcode (layout, address->postcode);
        g_autofree char *town = layout->city_upper ? upper (city) : g_strdup (city);

        g_ptr_array_add (lines, join_nonempty (" ", postcode, town, NULL));
        break;
      }

    case PLACE_TOWN_THEN_POSTCODE:
      {
        g_autofree char *town = layout->city_upper ? upper (city) : g_strdup (city);

        add_line (lines, town);
        if (g_strcmp0 (code, "GB") == 0)
          {
            g_autofree char *postcode = format_uk_postcode (address->postcode);

            add_line (lines, postcode);
          }
        else
          {
            g_autofree char *postcode = upper (address->postcode);

            add_line (lines, postcode);
          }
        break;
      }

    case PLACE_CITY_STATE_ZIP:
    default:
      {
        g_autofree char *town = NULL;
        g_autofree char *state = NULL;
        g_autofree char *zip = NULL;
        g_autofree char *shown = NULL;

        split_city_state (city, address->postcode, &town, &state, &zip);
        shown = layout->city_upper ? upper (town) : g_strdup (town);
        if (zip != NULL && g_strcmp0 (code, "CA") == 0)
          {
            char *uk_style = format_uk_postcode (zip);

            g_free (zip);
            zip = uk_style;
          }
        g_ptr_array_add (lines, join_nonempty (" ", shown, state, zip));
        break;
      }
    }

  if (abroad)
    {
      const char *name = tandem_country_postal_name (code);

      if (name != NULL)
        add_line (lines, name);
      else
        {
          g_autofree char *typed = upper (country_text);

          add_line (lines, typed);
        }
    }

  /* The place line may have come out empty */
  for (guint i = lines->len; i > 0; i--)
    if (*(char *) g_ptr_array_index (lines, i - 1) == '\0')
      g_ptr_array_remove_index (lines, i - 1);

  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}
