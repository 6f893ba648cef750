/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemBench"

/*
 * tandem-bench: builds a synthetic register through the store API and
 * measures what a user waits for: opening to the first page of the
 * company list, search as you type, scrolling the whole list, and memory.
 * Not part of the test run.
 */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "tandem-business-id.h"
#include "tandem-record-list.h"
#include "tandem-store.h"

#define ADMIN_PASSWORD "bench-admin-password"
#define USER_PASSWORD  "bench-user-password"
#define FIRST_PAGE     50
#define SEARCH_LIMIT   50

static const char * const surnames[] = {
  "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen",
  "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi",
  "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen",
  "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen",
  "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
  "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk",
  "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski", "Michalski", "Adamczyk", "Dudek", "Zając",
  "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Schmidt", "Müller",
};

static const char * const first_names[] = {
  "Anna", "Liisa", "Maria", "Aino", "Helmi", "Sanna", "Johanna", "Tiina", "Päivi", "Minna",
  "Juha", "Timo", "Matti", "Mikko", "Kari", "Antti", "Jukka", "Pekka", "Heikki", "Ville",
  "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna", "Magdalena", "Zofia",
  "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Grzegorz", "Łukasz",
};

static const char * const trades[] = {
  "Rakennus", "Metalli", "Kuljetus", "Sähkö", "Puutarha", "Konepaja", "Kiinteistö", "Logistiikka",
  "Budownictwo", "Transport", "Handel", "Usługi", "Elektro", "Meble", "Stal", "Drewno",
  "Consulting", "Trading", "Systems", "Foods", "", "", "", "",
};

static const char * const forms[] = {
  "Oy", "Oy", "Oy", "Ab", "Ky", "Tmi", "Oyj", "sp. z o.o.", "sp. z o.o.", "S.A.", "Sp. J.", "AB", "GmbH",
};

static const struct { const char *city; const char *postcode; const char *country; } cities[] = {
  { "Helsinki", "00100", "Finland" }, { "Espoo", "02100", "Finland" }, { "Tampere", "33100", "Finland" },
  { "Vantaa", "01300", "Finland" }, { "Oulu", "90100", "Finland" }, { "Turku", "20100", "Finland" },
  { "Jyväskylä", "40100", "Finland" }, { "Lahti", "15110", "Finland" }, { "Kuopio", "70100", "Finland" },
  { "Hämeenlinna", "13100", "Finland" }, { "Seinäjoki", "60100", "Finland" }, { "Vaasa", "65100", "Finland" },
  { "Warszawa", "00-001", "Poland" }, { "Kraków", "30-001", "Poland" }, { "Łódź", "90-001", "Poland" },
  { "Wrocław", "50-001", "Poland" }, { "Poznań", "60-001", "Poland" }, { "Gdańsk", "80-001", "Poland" },
  { "Szczecin", "70-001", "Poland" }, { "Lublin", "20-001", "Poland" }, { "Katowice", "40-001", "Poland" },
  { "Stockholm", "111 20", "Sweden" }, { "Tallinn", "10111", "Estonia" },
};

static const char * const streets[] = {
  "Mannerheimintie", "Hämeenkatu", "Aleksanterinkatu", "Teollisuustie", "Satamakatu", "Koulukatu",
  "ul. Marszałkowska", "ul. Długa", "ul. Piotrkowska", "ul. Przemysłowa", "ul. Kwiatowa", "Storgatan",
};

static const char * const titles[] = {
  "Toimitusjohtaja", "Myyntipäällikkö", "Ostopäällikkö", "Talouspäällikkö", "Asiakkuuspäällikkö",
  "Tuotantopäällikkö", "Prezes zarządu", "Dyrektor handlowy", "Kierownik zakupów", "Księgowa",
  "Specjalista ds. sprzedaży", "Purchasing manager", "CEO", "Sales director", "",
};

static const char * const note_words[] = {
  "tarjous", "soitto", "tapaaminen", "hinnasto", "toimitus", "reklamaatio", "sopimus", "messut",
  "oferta", "spotkanie", "zamówienie", "faktura", "dostawa", "cennik", "umowa", "targi",
  "offer", "meeting", "price", "delivery", "contract", "invoice", "visit", "follow-up",
  "asked", "about", "the", "new", "discount", "for", "next", "quarter", "budget", "decision",
  "ja", "että", "ensi", "viikolla", "i", "w", "przyszłym", "tygodniu", "kontakt", "demo",
};

static const char * const industries[] = { "Construction", "Manufacturing", "Retail", "Logistics", "IT", "Food", "Energy", "Services" };
static const char * const sizes[] = { "1–9", "10–49", "50–249", "250+" };
static const char * const abc[] = { "A", "B", "C" };
static const char * const partner_roles[] = { "Customer", "Prospect", "Supplier", "Manufacturer", "Partner" };
static const char * const groups[] = { "Sales", "Management", "Service" };

/* What a user types, one letter at a time. */
static const char * const typed_words[] = {
  "virtanen", "kowalski", "nieminen", "wiśniewski", "rakennus", "transport", "metalli", "handel",
  "tampere", "kraków", "helsinki", "poznań", "anna", "piotr", "matti", "małgorzata",
  "myyntipäällikkö", "dyrektor", "tarjous", "oferta", "delivery", "reklamaatio", "manufacturing",
  "customer", "supplier", "040", "mannerheimintie", "oy", "zając", "hämäläinen",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static gint64
now_us (void)
{
  return g_get_monotonic_time ();
}

static double
ms_since (gint64 start)
{
  return (now_us () - start) / 1000.0;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static long
current_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

/* Starts a new peak-memory measurement (Linux: clear_refs 5 resets the
 * high-water mark to the current size). */
static gboolean
reset_peak_rss (void)
{
  int fd = g_open ("/proc/self/clear_refs", O_WRONLY, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, "5", 1) == 1;
  close (fd);
  return ok;
}

/* Asks the kernel to drop the database from the page cache, so the open
 * reads from disk as after a reboot, as far as an unprivileged process can. */
static void
drop_file_cache (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      int fd = g_open (file, O_RDONLY, 0);

      if (fd < 0)
        continue;
      fdatasync (fd);
      posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED);
      close (fd);
    }
}

static char *
make_y_tunnus (GRand *rand)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2 };
  char digits[8];
  int sum, r;

  do
    {
      sum = 0;
      for (int i = 0; i < 7; i++)
        {
          digits[i] = '0' + g_rand_int_range (rand, 0, 10);
          sum += (digits[i] - '0') * weights[i];
        }
      r = sum % 11;
    }
  while (r == 1);
  digits[7] = '\0';
  return g_strdup_printf ("%s-%d", digits, r == 0 ? 0 : 11 - r);
}

static char *
make_nip (GRand *rand)
{
  static const int weights[] = { 6, 5, 7, 2, 3, 4, 5, 6, 7 };
  char digits[10];
  int sum;

  do
    {
      sum = 0;
      digits[0] = '1' + g_rand_int_range (rand, 0, 9);
      for (int i = 1; i < 9; i++)
        digits[i] = '0' + g_rand_int_range (rand, 0, 10);
      for (int i = 0; i < 9; i++)
        sum += (digits[i] - '0') * weights[i];
    }
  while (sum % 11 == 10);
  digits[9] = '\0';
  return g_strdup_printf ("%s%d", digits, sum % 11);
}

static char *
make_phone (GRand      *rand,
            const char *country)
{
  if (g_strcmp0 (country, "Poland") == 0)
    return g_strdup_printf ("+48 %d %03d %02d %02d", g_rand_int_range (rand, 12, 99),
                            g_rand_int_range (rand, 0, 1000), g_rand_int_range (rand, 0, 100),
                            g_rand_int_range (rand, 0, 100));
  return g_strdup_printf ("0%d %03d %04d", g_rand_int_range (rand, 0, 2) ? 40 : 9,
                          g_rand_int_range (rand, 0, 1000), g_rand_int_range (rand, 0, 10000));
}

static void
die_on_error (GError     *error,
              const char *what)
{
  if (error != NULL)
    {
      g_printerr ("tandem-bench: %s: %s\n", what, error->message);
      exit (1);
    }
}

static gint64
add_choice_field (TandemStore        *store,
                  const char         *name,
                  const char * const *choices,
                  guint               n_choices)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemField) field = tandem_field_new (TANDEM_KIND_COMPANY, TANDEM_FIELD_CLASSIFICATION,
                                                   name, TANDEM_FIELD_CHOICE);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  gint64 id;

  for (guint i = 0; i < n_choices; i++)
    g_ptr_array_add (list, (gpointer) choices[i]);
  g_ptr_array_add (list, NULL);
  tandem_field_set_choices (field, (const char * const *) list->pdata);
  id = tandem_store_add_field (store, field, &error);
  die_on_error (error, "adding a field");
  return id;
}

static void
sign_in (TandemStore *store,
         const char  *login,
         const char  *password)
{
  g_autoptr(GError) error = NULL;

  tandem_store_sign_out (store);
  tandem_store_sign_in (store, login, password, &error);
  die_on_error (error, "signing in");
}

static void
generate (const char *path,
          guint       n_companies,
          guint       n_people,
          guint       n_notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemUser) admin = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(GArray) company_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_companies);
  g_autoptr(GArray) person_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_people);
  gint64 group_ids[G_N_ELEMENTS (groups)];
  gint64 industry, size, klass, start;
  const char *logins[] = { "anna", "piotr", "matti", "ewa", "juha" };

  start = now_us ();
  store = tandem_store_open (path, &error);
  die_on_error (error, "creating the database");

  /* The administrator who signs in to measure has a hash made with the
   * real limits; only the synthetic authors of notes below are hashed with
   * TANDEM_PWHASH_FAST, so that creating them does not dominate. */
  g_unsetenv ("TANDEM_PWHASH_FAST");
  admin = tandem_store_create_first_admin (store, "admin", "Bench Admin", ADMIN_PASSWORD, &error);
  die_on_error (error, "creating the administrator");

  g_setenv ("TANDEM_PWHASH_FAST", "1", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      group_ids[i] = tandem_store_add_group (store, groups[i], &error);
      die_on_error (error, "adding a group");
    }
  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      const char *member_of[] = { groups[i % G_N_ELEMENTS (groups)], NULL };
      g_autoptr(TandemUser) user = tandem_store_add_user (store, logins[i], logins[i], USER_PASSWORD,
                                                          TANDEM_ROLE_USER, member_of, &error);
      die_on_error (error, "adding a user");
    }
  g_unsetenv ("TANDEM_PWHASH_FAST");

  for (guint i = 0; i < G_N_ELEMENTS (partner_roles); i++)
    {
      tandem_store_add_partner_role (store, partner_roles[i], &error);
      die_on_error (error, "adding a partner role");
    }
  industry = add_choice_field (store, "Industry", industries, G_N_ELEMENTS (industries));
  size = add_choice_field (store, "Size class", sizes, G_N_ELEMENTS (sizes));
  klass = add_choice_field (store, "ABC class", abc, G_N_ELEMENTS (abc));

  tandem_store_begin (store, &error);
  die_on_error (error, "starting the transaction");

  for (guint i = 0; i < n_companies; i++)
    {
      g_autoptr(TandemCompany) company = NULL;
      g_autofree char *name = NULL;
      g_autofree char *phone = NULL;
      g_autofree char *street = NULL;
      g_autofree char *email = NULL;
      g_autofree char *id_number = NULL;
      const char *surname = PICK (rand, surnames);
      const char *trade = PICK (rand, trades);
      guint city = g_rand_int_range (rand, 0, G_N_ELEMENTS (cities));
      gboolean polish = g_str_equal (cities[city].country, "Poland");
      const char *roles[3] = { NULL, NULL, NULL };
      gint64 id;

      name = g_strdup_printf ("%s%s%s %s", trade, trade[0] ? " " : "", surname,
                              polish ? forms[7 + g_rand_int_range (rand, 0, 3)] : PICK (rand, forms));
      company = tandem_company_new (name);
      phone = make_phone (rand, cities[city].country);
      street = g_strdup_printf ("%s %d", PICK (rand, streets), g_rand_int_range (rand, 1, 120));
      email = g_strdup_printf ("info%u@example.%s", i, polish ? "pl" : "fi");
      tandem_company_set_text (company, "phone", phone);
      tandem_company_set_text (company, "email", email);
      tandem_company_set_text (company, "visit-street", street);
      tandem_company_set_text (company, "visit-postcode", cities[city].postcode);
      tandem_company_set_text (company, "visit-city", cities[city].city);
      tandem_company_set_text (company, "visit-country", cities[city].country);
      if (g_rand_int_range (rand, 0, 10) < 4)
        {
          id_number = polish ? make_nip (rand) : make_y_tunnus (rand);
          tandem_company_set_text (company, "business-id", id_number);
        }
      roles[0] = PICK (rand, partner_roles);
      if (g_rand_int_range (rand, 0, 4) == 0)
        roles[1] = PICK (rand, partner_roles);
      if (roles[1] != NULL && g_str_equal (roles[0], roles[1]))
        roles[1] = NULL;
      tandem_company_set_roles (company, roles);
      tandem_record_set_field_value (TANDEM_RECORD (company), industry, PICK (rand, industries));
      if (g_rand_int_range (rand, 0, 2))
        tandem_record_set_field_value (TANDEM_RECORD (company), size, PICK (rand, sizes));
      if (g_rand_int_range (rand, 0, 3) == 0)
        tandem_record_set_field_value (TANDEM_RECORD (company), klass, PICK (rand, abc));

      id = tandem_store_save_company (store, company, &error);
      die_on_error (error, "saving a company");
      g_array_append_val (company_ids, id);
    }
  g_print ("  %'9u companies  %6.1f s\n", n_companies, ms_since (start) / 1000.0);

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(TandemPerson) person = NULL;
      g_autofree char *name = NULL;
      g_autofree char *email = NULL;
      g_autofree char *phone = NULL;
      gint64 id;

      name = g_strdup_printf ("%s %s", PICK (rand, first_names), PICK (rand, surnames));
      person = tandem_person_new (name);
      email = g_strdup_printf ("person%u@example.com", i);
      phone = make_phone (rand, NULL);
      g_object_set (person, "job-title", PICK (rand, titles), "email", email, "mobile", phone, NULL);
      if (n_companies > 0 && g_rand_int_range (rand, 0, 10) < 9)
        tandem_person_set_company_id (person, g_array_index (company_ids, gint64,
                                                             g_rand_int_range (rand, 0, n_companies)));
      id = tandem_store_save_person (store, person, &error);
      die_on_error (error, "saving a person");
      g_array_append_val (person_ids, id);
    }
  g_print ("  %'9u people     %6.1f s\n", n_people, ms_since (start) / 1000.0);

  for (guint i = 0; i < n_notes && (n_companies > 0 || n_people > 0); i++)
    {
      g_autoptr(TandemNote) note = NULL;
      g_autoptr(GString) body = g_string_new (NULL);
      guint n_words = g_rand_int_range (rand, 8, 40);
      guint kind = g_rand_int_range (rand, 0, 100);
      gboolean on_company = n_people == 0 || (n_companies > 0 && g_rand_int_range (rand, 0, 10) < 7);

      /* Authors take turns, a few hundred notes each. */
      if (i % 500 == 0)
        sign_in (store, logins[(i / 500) % G_N_ELEMENTS (logins)], USER_PASSWORD);

      for (guint w = 0; w < n_words; w++)
        {
          if (w > 0)
            g_string_append_c (body, ' ');
          g_string_append (body, PICK (rand, note_words));
        }
      note = on_company
        ? tandem_note_new (TANDEM_KIND_COMPANY, g_array_index (company_ids, gint64, g_rand_int_range (rand, 0, n_companies)), body->str)
        : tandem_note_new (TANDEM_KIND_PERSON, g_array_index (person_ids, gint64, g_rand_int_range (rand, 0, n_people)), body->str);
      if (kind < 15)
        tandem_note_set_visibility (note, TANDEM_VISIBILITY_PRIVATE);
      else if (kind < 40)
        {
          tandem_note_set_visibility (note, TANDEM_VISIBILITY_GROUPS);
          tandem_note_set_group_ids (note, &group_ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (groups))], 1);
        }
      if (kind % 5 == 0)
        tandem_note_set_due (note, "2026-06-30");
      tandem_store_save_note (store, note, &error);
      die_on_error (error, "saving a note");
    }
  g_print ("  %'9u notes      %6.1f s\n", n_notes, ms_since (start) / 1000.0);

  tandem_store_commit (store, &error);
  die_on_error (error, "committing");
  g_print ("  committed          %6.1f s\n", ms_since (start) / 1000.0);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint index;

  if (sorted->len == 0)
    return 0;
  index = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, index);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemRecordList) list = NULL;
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *db_path = NULL;
  g_autofree char *tmp_dir = NULL;
  gint n_companies = 100000, n_people = 300000, n_notes = 200000;
  gboolean keep = FALSE;
  double open_ms, list_ms, sign_in_ms, walk_ms, worst = 0;
  const char *worst_query = "";
  guint n_items, n_searches = 0;
  long session_peak;
  gboolean peak_reset;
  gint64 start;
  GOptionEntry entries[] = {
    { "companies", 0, 0, G_OPTION_ARG_INT, &n_companies, "Companies to generate", "N" },
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people, "People to generate", "N" },
    { "notes", 0, 0, G_OPTION_ARG_INT, &n_notes, "Notes to generate", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Database file; generated unless it exists", "FILE" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated database", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— measure Tandem on a synthetic register");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tandem-bench: %s\n", error->message);
      return 2;
    }
  if (n_companies < 0 || n_people < 0 || n_notes < 0)
    {
      g_printerr ("tandem-bench: the numbers of records cannot be negative\n");
      return 2;
    }

  if (db_path == NULL)
    {
      tmp_dir = g_dir_make_tmp ("tandem-bench-XXXXXX", &error);
      die_on_error (error, "creating a folder");
      db_path = g_build_filename (tmp_dir, "bench.db", NULL);
    }

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_print ("Generating %d companies, %d people and %d notes in %s\n"
               "(synthetic note authors get TANDEM_PWHASH_FAST password hashes; the\n"
               "administrator who signs in below has a normal Argon2id hash)\n",
               n_companies, n_people, n_notes, db_path);
      generate (db_path, n_companies, n_people, n_notes);
    }
  else
    g_print ("Using the existing database %s\n", db_path);

  /* Measure a new session, as when the app starts. */
  drop_file_cache (db_path);
  peak_reset = reset_peak_rss ();

  start = now_us ();
  store = tandem_store_open (db_path, &error);
  die_on_error (error, "opening the database");
  open_ms = ms_since (start);

  start = now_us ();
  sign_in (store, "admin", ADMIN_PASSWORD);
  sign_in_ms = ms_since (start);

  start = now_us ();
  list = tandem_record_list_new (store, TANDEM_KIND_COMPANY);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n_items, FIRST_PAGE); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  list_ms = ms_since (start);

  for (guint w = 0; w < G_N_ELEMENTS (typed_words); w++)
    {
      const char *word = typed_words[w];

      for (const char *end = g_utf8_next_char (word); ; end = g_utf8_next_char (end))
        {
          g_autofree char *prefix = g_strndup (word, end - word);
          g_autoptr(GPtrArray) hits = NULL;
          double ms;

          start = now_us ();
          hits = tandem_store_search (store, prefix, SEARCH_LIMIT, &error);
          ms = ms_since (start);
          die_on_error (error, "searching");
          g_array_append_val (latencies, ms);
          n_searches++;
          if (ms > worst)
            {
              worst = ms;
              worst_query = word;
            }
          if (*end == '\0')
            break;
        }
    }
  g_array_sort (latencies, compare_doubles);

  start = now_us ();
  for (guint i = 0; i < n_items; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  walk_ms = ms_since (start);

  session_peak = peak_rss_kib ();

  g_print ("\n");
  g_print ("| Measure | Result | Target |\n");
  g_print ("|---|---:|---:|\n");
  g_print ("| Open the database | %.1f ms | |\n", open_ms);
  g_print ("| Count and first %d companies | %.1f ms | |\n", FIRST_PAGE, list_ms);
  g_print ("| **Open to first list page** | **%.1f ms** | < 100 ms |\n", open_ms + list_ms);
  g_print ("| Sign-in (Argon2id, interactive limits) | %.1f ms | |\n", sign_in_ms);
  g_print ("| Search as you type, p50 (%u prefixes of %u words) | %.1f ms | |\n",
           n_searches, (guint) G_N_ELEMENTS (typed_words), percentile (latencies, 0.50));
  g_print ("| **Search as you type, p95** | **%.1f ms** | < 30 ms |\n", percentile (latencies, 0.95));
  g_print ("| Search, slowest (a prefix of “%s”) | %.1f ms | |\n", worst_query, worst);
  g_print ("| Walk all %u companies through the model | %.0f ms | |\n", n_items, walk_ms);
  g_print ("| **Peak RSS of the session**%s | **%.1f MB** | < 150 MB |\n",
           peak_reset ? "" : " (whole process)", session_peak / 1024.0);
  g_print ("| RSS at the end | %.1f MB | |\n", current_rss_kib () / 1024.0);

  g_clear_object (&list);
  g_clear_object (&store);
  if (tmp_dir != NULL && !keep)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (db_path, suffixes[i], NULL);
          g_unlink (file);
        }
      g_rmdir (tmp_dir);
    }
  else
    g_print ("\nThe database is kept in %s\n", db_path);

  return 0;
}
