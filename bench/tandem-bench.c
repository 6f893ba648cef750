/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemBench"

/*
 * tandem-bench: builds a synthetic register through the store API and
 * measures what a user waits for: opening to the first page of the
 * company list, search as you type, scrolling the whole list, the start
 * page, calendars, the day plan and a company's activities, the sales
 * reports, and memory.
 * Not part of the test run.
 */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "tandem-business-id.h"
#include "tandem-error.h"
#include "tandem-label-sheet.h"
#include "tandem-record-list.h"
#include "tandem-recurrence.h"
#include "tandem-store.h"
#include "tandem-store-synthetic.h"

#define ADMIN_PASSWORD "bench-admin-password"
#define USER_PASSWORD  "bench-user-password"
#define FIRST_PAGE     50
#define SEARCH_LIMIT   50

/* Activities fill two years in Helsinki; "today" for their statuses and
 * the start page is a Monday in the middle, day TODAY of the range. */
#define ZONE           "Europe/Helsinki"
#define FIRST_YEAR     2026
#define N_DAYS         730
#define TODAY          368
#define CHUNK          500    /* activities saved per signed-in assigner */
/* Busy single activities take half-hour slots from 08:00, so that those of
 * one performer never overlap; busy series start between 07:00 and 08:00. */
#define SLOT_START     (8 * 60)
#define N_SLOTS        24
/* Every KEY_ACCOUNT-th company (by id) is a big customer that gets a share
 * of the activities, so that some cards have long lists. */
#define KEY_ACCOUNT    1000
#define N_PERFORMERS   6      /* the administrator and the five users */

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

static const char * const customer_titles[] = {
  "Asiakaskäynti", "Tarjouspalaveri", "Seurantasoitto", "Tuote-esittely", "Sopimusneuvottelu",
  "Spotkanie handlowe", "Prezentacja oferty", "Negocjacje umowy", "Rozmowa telefoniczna",
  "Product demo", "Quarterly review", "Follow-up call", "Onboarding", "Price negotiation",
};

static const char * const internal_titles[] = {
  "Viikkopalaveri", "Myyntikokous", "Raportointi", "Spotkanie zespołu", "Szkolenie",
  "Team meeting", "Pipeline review", "Training", "Budjetti", "Planowanie",
};

static const char * const series_titles[] = {
  "Viikkopalaveri", "Spotkanie zespołu", "Weekly sales meeting", "Kuukausiraportti",
  "Pipeline review", "Daily stand-up", "Asiakaskäynti", "Quarterly review",
};

static const char * const public_titles[] = { "Henkilöstöinfo", "Company meeting", "Messut" };

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

/* Words from activity titles, typed the same way. */
static const char * const typed_activity_words[] = {
  "asiakaskäynti", "tarjouspalaveri", "seurantasoitto", "prezentacja", "negocjacje",
  "onboarding", "quarterly", "viikkopalaveri",
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

/* Label sheets (I4): a campaign's addresses written to a PDF, pulled one
 * at a time as the store hands them out, on the sheet people use most. */
#define LABEL_TEMPLATE "L7160"

typedef struct
{
  GRand *rand;
  guint  left;
} LabelSource;

static TandemPostalAddress *
next_label_address (gpointer   user_data,
                    GError   **error)
{
  LabelSource *source = user_data;
  TandemPostalAddress *address;
  guint city;

  if (source->left == 0)
    return NULL;
  source->left--;

  city = g_rand_int_range (source->rand, 0, G_N_ELEMENTS (cities));
  address = tandem_postal_address_new ();
  address->name = g_strdup_printf ("%s %s %s",
                                   surnames[g_rand_int_range (source->rand, 0, G_N_ELEMENTS (surnames))],
                                   trades[g_rand_int_range (source->rand, 0, G_N_ELEMENTS (trades))],
                                   forms[g_rand_int_range (source->rand, 0, G_N_ELEMENTS (forms))]);
  if (g_rand_int_range (source->rand, 0, 3) > 0)
    address->contact = g_strdup_printf ("%s %s",
                                        first_names[g_rand_int_range (source->rand, 0, G_N_ELEMENTS (first_names))],
                                        surnames[g_rand_int_range (source->rand, 0, G_N_ELEMENTS (surnames))]);
  address->street = g_strdup_printf ("%s %d", streets[g_rand_int_range (source->rand, 0, G_N_ELEMENTS (streets))],
                                     g_rand_int_range (source->rand, 1, 200));
  address->postcode = g_strdup (cities[city].postcode);
  address->city = g_strdup (cities[city].city);
  address->country = g_strdup (cities[city].country);
  return address;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

typedef struct
{
  guint  n_labels;
  guint  n_pages;
  double seconds;
  double cpu_seconds;     /* user and system time of the process */
  double rss_growth_mb;   /* peak RSS during the run less RSS before it */
  double file_mb;
} LabelRun;

static void
write_label_pdf (const char *dir,
                 guint       n_labels,
                 LabelRun   *run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270105);
  g_autoptr(TandemLabelTemplate) template = tandem_label_template_find_builtin (LABEL_TEMPLATE);
  g_autoptr(TandemLabelSheet) sheet = tandem_label_sheet_new (template);
  g_autofree char *path = g_build_filename (dir, "labels.pdf", NULL);
  LabelSource source = { rand, n_labels };
  GStatBuf info;
  long before;
  gint64 start;
  double cpu;

  tandem_label_sheet_set_home_country (sheet, "FI");
  reset_peak_rss ();
  before = current_rss_kib ();
  cpu = cpu_seconds ();
  start = now_us ();
  if (!tandem_label_sheet_write_pdf (sheet, path, next_label_address, &source,
                                     &run->n_labels, &run->n_pages, &error))
    die_on_error (error, "writing the label sheets");
  run->seconds = ms_since (start) / 1000.0;
  run->cpu_seconds = cpu_seconds () - cpu;
  run->rss_growth_mb = (peak_rss_kib () - before) / 1024.0;
  run->file_mb = g_stat (path, &info) == 0 ? info.st_size / (1024.0 * 1024.0) : 0;
  g_unlink (path);
}

/* Writes @n_labels labels, after runs of a tenth and a hundredth as many,
 * and prints the time and how much the memory grew for each: flat memory
 * means the three grow alike. */
static void
measure_label_sheets (guint n_labels)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-bench-labels-XXXXXX", &error);
  guint sizes[] = { MAX (1, n_labels / 100), MAX (1, n_labels / 10), MAX (1, n_labels) };
  LabelRun runs[G_N_ELEMENTS (sizes)];

  die_on_error (error, "creating a folder");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    write_label_pdf (dir, sizes[i], &runs[i]);
  g_rmdir (dir);

  g_print ("\n");
  g_print ("| Label sheets (Avery %s, 21 a sheet) | Result | Target |\n", LABEL_TEMPLATE);
  g_print ("|---|---:|---:|\n");
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      const char *bold = i + 1 == G_N_ELEMENTS (runs) ? "**" : "";

      g_print ("| %sPDF of %u labels%s (%u pages, %.1f MB), wall / CPU time | %s%.2f / %.2f s%s | %s |\n",
               bold, runs[i].n_labels, bold, runs[i].n_pages, runs[i].file_mb,
               bold, runs[i].seconds, runs[i].cpu_seconds, bold, *bold != '\0' ? "< 5 s" : "");
    }
  g_print ("| **Peak RSS growth while writing %u / %u / %u labels** | **%.1f / %.1f / %.1f MB** | flat |\n",
           runs[0].n_labels, runs[1].n_labels, runs[2].n_labels,
           runs[0].rss_growth_mb, runs[1].rss_growth_mb, runs[2].rss_growth_mb);
  g_print ("| Peak RSS of the process | %.1f MB | |\n", peak_rss_kib () / 1024.0);
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

/* What the activity generator needs of the register made before it. */
typedef struct
{
  TandemStore *store;
  GRand       *rand;
  GTimeZone   *tz;
  GArray      *company_ids;       /* gint64 */
  GArray      *company_contacts;  /* gint64 per company: a person of it, or 0 */
  GArray      *key_accounts;      /* indexes into company_ids */
  gint64       performer_ids[N_PERFORMERS];   /* [0] the administrator */
  const char  *logins[N_PERFORMERS];         /* [0] unused */
  gint64       group_ids[G_N_ELEMENTS (groups)];
  gint64      *categories;
  guint        n_categories;
  gint64      *priorities;
  guint        n_priorities;
  gint64      *goals;
  guint        n_goals;
  guint32     *busy_slots;        /* [performer * N_DAYS + day]: taken half-hours */
  guint        n_saved;
  guint        n_made_free;       /* busy ones refused as conflicts and saved as free */
  guint        n_recurring;
  guint        n_timed_sessions;
  guint        n_history;         /* sales' history rows */
  guint        n_members;
} Register;

static GDateTime *
day_time (GTimeZone *tz,
          int        day,
          int        minutes)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, FIRST_YEAR);
  if (day >= 0)
    g_date_add_days (&date, day);
  else
    g_date_subtract_days (&date, -day);
  return g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), minutes / 60, minutes % 60, 0);
}

static GDateWeekday
day_weekday (int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, FIRST_YEAR);
  g_date_add_days (&date, day);
  return g_date_get_weekday (&date);
}

/* Mostly working days, as in an office. */
static int
pick_day (GRand *rand,
          int    first,
          int    n_days)
{
  int day;

  do
    day = first + g_rand_int_range (rand, 0, n_days);
  while (day_weekday (day) >= G_DATE_SATURDAY && g_rand_int_range (rand, 0, 10) != 0);
  return day;
}

static gint64 *
term_ids (TandemStore    *store,
          TandemTermSet   set,
          guint          *n_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) terms = tandem_store_list_terms (store, set, &error);
  gint64 *ids;

  die_on_error (error, "reading the activity lists");
  ids = g_new0 (gint64, MAX (terms->len, 1));
  for (guint i = 0; i < terms->len; i++)
    ids[i] = tandem_term_get_id (g_ptr_array_index (terms, i));
  *n_ids = terms->len;
  return ids;
}

/* Who does activity @index: usually the assigner (@chunk_user), else
 * another user; the administrator one time in twenty, now and then with a
 * user. Indexes into performer_ids; returns how many. */
static guint
pick_performers (Register *reg,
                 guint     index,
                 guint     chunk_user,
                 guint     performers[2])
{
  guint n = 1;

  if (index % 20 == 0)
    {
      performers[0] = 0;
      if (g_rand_int_range (reg->rand, 0, 10) < 3)
        performers[n++] = chunk_user;
      return n;
    }
  performers[0] = g_rand_int_range (reg->rand, 0, 10) < 7
                  ? chunk_user : (guint) g_rand_int_range (reg->rand, 1, N_PERFORMERS);
  if (g_rand_int_range (reg->rand, 0, 10) == 0)
    {
      performers[1] = g_rand_int_range (reg->rand, 1, N_PERFORMERS);
      if (performers[1] != performers[0])
        n++;
    }
  return n;
}

/* Half-hour slots @len long that are free for all @performers on @day;
 * the first slot, or -1. Marks them taken. */
static int
take_busy_slots (Register    *reg,
                 const guint *performers,
                 guint        n_performers,
                 int          day,
                 int          len)
{
  guint32 mask = (1u << len) - 1;
  int offset = g_rand_int_range (reg->rand, 0, N_SLOTS);

  for (int k = 0; k < N_SLOTS; k++)
    {
      int slot = (offset + k) % N_SLOTS;
      guint32 want = mask << slot;
      gboolean free = TRUE;

      if (slot + len > N_SLOTS)
        continue;
      for (guint p = 0; p < n_performers && free; p++)
        free = (reg->busy_slots[performers[p] * N_DAYS + day] & want) == 0;
      if (!free)
        continue;
      for (guint p = 0; p < n_performers; p++)
        reg->busy_slots[performers[p] * N_DAYS + day] |= want;
      return slot;
    }
  return -1;
}

static void
link_company (Register       *reg,
              TandemActivity *activity)
{
  guint index;
  gint64 contact;

  if (reg->company_ids->len == 0)
    return;
  /* A fifth of the customer activities go to the big customers. */
  if (reg->key_accounts->len > 0 && g_rand_int_range (reg->rand, 0, 5) == 0)
    index = g_array_index (reg->key_accounts, guint, g_rand_int_range (reg->rand, 0, reg->key_accounts->len));
  else
    index = g_rand_int_range (reg->rand, 0, reg->company_ids->len);
  tandem_activity_set_company_id (activity, g_array_index (reg->company_ids, gint64, index));
  contact = g_array_index (reg->company_contacts, gint64, index);
  if (contact != 0)
    tandem_activity_set_person_ids (activity, &contact, 1);
}

static char *
make_description (GRand *rand)
{
  GString *text = g_string_new (NULL);
  guint n_words = g_rand_int_range (rand, 3, 9);

  for (guint w = 0; w < n_words; w++)
    {
      if (w > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, PICK (rand, note_words));
    }
  return g_string_free (text, FALSE);
}

/* Saves @activity; a busy one refused as a conflict (with a series the
 * slots above do not know of) is saved as free time instead. */
static gint64
save_activity (Register       *reg,
               TandemActivity *activity)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = tandem_store_save_activity (reg->store, activity, &error);
  if (id == 0 && g_error_matches (error, TANDEM_ERROR, TANDEM_ERROR_CONFLICT))
    {
      g_clear_error (&error);
      tandem_activity_set_busy (activity, FALSE);
      reg->n_made_free++;
      id = tandem_store_save_activity (reg->store, activity, &error);
    }
  die_on_error (error, "saving an activity");
  reg->n_saved++;
  return id;
}

/* What every activity has: performers, classification, visibility,
 * description. */
static void
fill_common (Register       *reg,
             TandemActivity *activity,
             const guint    *performers,
             guint           n_performers,
             guint           chunk_user)
{
  gint64 ids[2];
  guint kind = g_rand_int_range (reg->rand, 0, 100);
  g_autofree char *description = make_description (reg->rand);

  for (guint p = 0; p < n_performers; p++)
    ids[p] = reg->performer_ids[performers[p]];
  tandem_activity_set_performer_ids (activity, ids, n_performers);
  tandem_activity_set_tzid (activity, ZONE);
  tandem_activity_set_description (activity, description);
  if (reg->n_categories > 0)
    tandem_activity_set_category_id (activity, reg->categories[g_rand_int_range (reg->rand, 0, reg->n_categories)]);
  if (reg->n_priorities > 0 && g_rand_int_range (reg->rand, 0, 5) == 0)
    tandem_activity_set_priority_id (activity, reg->priorities[g_rand_int_range (reg->rand, 0, reg->n_priorities)]);
  if (g_rand_int_range (reg->rand, 0, 10) == 0)
    tandem_activity_set_responsible_id (activity,
                                        reg->performer_ids[1 + g_rand_int_range (reg->rand, 0, N_PERFORMERS - 1)]);

  if (kind < 15)
    tandem_activity_set_visibility (activity, TANDEM_VISIBILITY_PRIVATE);
  else if (kind < 25)
    {
      /* The assigner's own group: user k is in groups[(k - 1) % 3]. */
      tandem_activity_set_visibility (activity, TANDEM_VISIBILITY_GROUPS);
      tandem_activity_set_group_ids (activity, &reg->group_ids[(chunk_user - 1) % G_N_ELEMENTS (groups)], 1);
    }
}

static void
add_series (Register *reg,
            guint     index,
            guint     chunk_user)
{
  g_autoptr(TandemActivity) activity = NULL;
  g_autoptr(TandemRecurrence) recurrence = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *rrule = NULL;
  guint performers[2], n_performers;
  gboolean busy = g_rand_int_range (reg->rand, 0, 12) == 0;
  guint pattern = g_rand_int_range (reg->rand, 0, 100);
  guint ending = g_rand_int_range (reg->rand, 0, 100);
  int day = pick_day (reg->rand, 0, N_DAYS - 60);
  gboolean endless;
  int minutes;

  while (day_weekday (day) >= G_DATE_SATURDAY)
    day++;
  n_performers = pick_performers (reg, index, chunk_user, performers);
  activity = tandem_activity_new (PICK (reg->rand, series_titles));
  fill_common (reg, activity, performers, n_performers, chunk_user);
  if (g_rand_int_range (reg->rand, 0, 10) < 3)
    link_company (reg, activity);

  minutes = busy ? 7 * 60 + 30 * g_rand_int_range (reg->rand, 0, 2)
                 : 8 * 60 + 30 * g_rand_int_range (reg->rand, 0, 18);
  start = day_time (reg->tz, day, minutes);
  end = g_date_time_add_minutes (start, busy ? 30 : 30 * g_rand_int_range (reg->rand, 1, 3));
  tandem_activity_set_times (activity, start, end);
  tandem_activity_set_busy (activity, busy);

  if (pattern < 45)
    {
      /* Weekly on one or two weekdays, the start's among them. */
      recurrence = tandem_recurrence_new (TANDEM_REPEAT_WEEKLY, start);
      if (g_rand_int_range (reg->rand, 0, 2))
        recurrence->weekdays |= TANDEM_WEEKDAY_BIT (1 + g_rand_int_range (reg->rand, 0, 5));
    }
  else if (pattern < 75)
    recurrence = tandem_recurrence_new (TANDEM_REPEAT_WEEKDAYS, start);
  else
    recurrence = tandem_recurrence_new (TANDEM_REPEAT_MONTHLY_BY_WEEKDAY, start);

  /* Daily series always end; of the others some never do. */
  endless = ending < 15 && recurrence->repeat != TANDEM_REPEAT_WEEKDAYS;
  if (!endless && ending < 65)
    {
      int weeks = recurrence->repeat == TANDEM_REPEAT_WEEKDAYS ? g_rand_int_range (reg->rand, 2, 9)
                                                               : g_rand_int_range (reg->rand, 6, 40);
      g_autoptr(GDateTime) until = g_date_time_add_weeks (start, weeks);

      g_date_set_dmy (&recurrence->until, g_date_time_get_day_of_month (until),
                      g_date_time_get_month (until), g_date_time_get_year (until));
    }
  else if (!endless)
    recurrence->count = recurrence->repeat == TANDEM_REPEAT_WEEKDAYS ? g_rand_int_range (reg->rand, 5, 30)
                                                                     : g_rand_int_range (reg->rand, 4, 20);
  rrule = tandem_recurrence_to_rrule (recurrence, reg->tz);
  tandem_activity_set_rrule (activity, rrule);

  save_activity (reg, activity);
  reg->n_recurring++;
}

/* One activity that does not repeat: timed (busy or free), all-day or
 * open-ended, with the status that its place before or after TODAY
 * suggests. @timed_id gets its id when the assigner performs it. */
static void
add_single (Register *reg,
            guint     index,
            guint     chunk_user,
            gint64   *timed_id)
{
  g_autoptr(TandemActivity) activity = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  guint performers[2], n_performers;
  guint shape = g_rand_int_range (reg->rand, 0, 100);
  guint roll = g_rand_int_range (reg->rand, 0, 100);
  gboolean customer = g_rand_int_range (reg->rand, 0, 10) < 4;
  gboolean is_public = FALSE;
  gboolean past;
  int day = pick_day (reg->rand, 0, N_DAYS);
  TandemStatus status;
  gint64 id;

  n_performers = pick_performers (reg, index, chunk_user, performers);
  if (!customer && g_rand_int_range (reg->rand, 0, 200) == 0)
    {
      is_public = TRUE;
      activity = tandem_activity_new (PICK (reg->rand, public_titles));
    }
  else
    activity = tandem_activity_new (customer ? PICK (reg->rand, customer_titles) : PICK (reg->rand, internal_titles));
  fill_common (reg, activity, performers, n_performers, chunk_user);
  if (is_public)
    {
      tandem_activity_set_visibility (activity, TANDEM_VISIBILITY_EVERYONE);
      tandem_activity_set_public (activity, TRUE);
    }
  if (customer)
    {
      link_company (reg, activity);
      if (g_rand_int_range (reg->rand, 0, 2))
        tandem_activity_set_direction (activity, g_rand_int_range (reg->rand, 0, 2)
                                                 ? TANDEM_DIRECTION_OUTBOUND : TANDEM_DIRECTION_INBOUND);
    }
  if (reg->n_goals > 0 && g_rand_int_range (reg->rand, 0, 10) < (customer ? 5 : 1))
    tandem_activity_set_goal_id (activity, reg->goals[g_rand_int_range (reg->rand, 0, reg->n_goals)]);

  if (shape < 5)
    {
      /* Open-ended: most have been done; a few wait on the day plan. */
      tandem_activity_set_open_ended (activity, TRUE);
      past = roll >= 10;
    }
  else if (shape < 6 || (is_public && shape < 50))
    {
      start = day_time (reg->tz, day, 0);
      end = day_time (reg->tz, day + 1, 0);
      tandem_activity_set_all_day (activity, TRUE);
      tandem_activity_set_times (activity, start, end);
      past = day < TODAY;
    }
  else
    {
      int slot = -1;
      int len = g_rand_int_range (reg->rand, 1, 3);

      if (shape < 36 && !is_public)
        slot = take_busy_slots (reg, performers, n_performers, day, len);
      if (slot >= 0)
        {
          start = day_time (reg->tz, day, SLOT_START + 30 * slot);
          end = g_date_time_add_minutes (start, 30 * len);
          tandem_activity_set_busy (activity, TRUE);
        }
      else
        {
          static const int lengths[] = { 15, 30, 45, 60, 90, 120 };

          start = day_time (reg->tz, day, 7 * 60 + 15 * g_rand_int_range (reg->rand, 0, 44));
          end = g_date_time_add_minutes (start, PICK (reg->rand, lengths));
        }
      tandem_activity_set_times (activity, start, end);
      past = day < TODAY;
    }

  /* Before today: done, now and then cancelled, rarely still planned
   * (overdue); after: planned, a few cancelled. */
  roll = g_rand_int_range (reg->rand, 0, 100);
  if (past)
    status = roll < 88 ? TANDEM_STATUS_COMPLETED : roll < 97 ? TANDEM_STATUS_CANCELLED : TANDEM_STATUS_PLANNED;
  else
    status = roll < 97 ? TANDEM_STATUS_PLANNED : TANDEM_STATUS_CANCELLED;
  tandem_activity_set_status (activity, status);
  if (customer && g_rand_int_range (reg->rand, 0, 20) == 0)
    {
      g_autoptr(GDateTime) later = day_time (reg->tz, day + 14, 0);
      g_autofree char *follow_up = g_date_time_format (later, "%Y-%m-%d");

      tandem_activity_set_follow_up (activity, follow_up);
    }
  if (status == TANDEM_STATUS_COMPLETED)
    {
      if (tandem_activity_get_goal_id (activity) != 0)
        tandem_activity_set_outcome (activity, g_rand_int_range (reg->rand, 0, 10) < 6
                                               ? TANDEM_OUTCOME_SUCCESS : TANDEM_OUTCOME_FAILURE);
      if (g_rand_int_range (reg->rand, 0, 25) == 0)
        tandem_activity_set_needs_completing (activity, TRUE);
    }
  else if (status == TANDEM_STATUS_PLANNED && start != NULL && g_rand_int_range (reg->rand, 0, 5) == 0)
    {
      TandemReminder reminders[] = { { 15, TANDEM_CHANNEL_APP }, { 24 * 60, TANDEM_CHANNEL_EMAIL } };

      tandem_activity_set_reminders (activity, reminders, g_rand_int_range (reg->rand, 0, 4) == 0 ? 2 : 1);
    }

  id = save_activity (reg, activity);
  if (tandem_activity_has_performer (activity, reg->performer_ids[chunk_user]))
    *timed_id = id;
}

/* Activities (SPEC D), assigned by the five users in turns of CHUNK. The
 * series come first, so that the busy ones among them are checked for
 * conflicts against each other only, not against every busy activity. */
static void
generate_activities (Register *reg,
                     guint     n_activities,
                     gint64    start)
{
  guint n_series = n_activities * 3 / 100;
  gint64 timed_id = 0;

  reg->busy_slots = g_new0 (guint32, N_PERFORMERS * N_DAYS);
  reg->categories = term_ids (reg->store, TANDEM_TERM_CATEGORY, &reg->n_categories);
  reg->priorities = term_ids (reg->store, TANDEM_TERM_PRIORITY, &reg->n_priorities);
  reg->goals = term_ids (reg->store, TANDEM_TERM_GOAL, &reg->n_goals);

  for (guint i = 0; i < n_activities; i++)
    {
      guint chunk_user = 1 + (i / CHUNK) % (N_PERFORMERS - 1);

      if (i % CHUNK == 0)
        {
          /* A few stopwatch sessions: the last assigner times one of
           * the activities they perform. */
          if (timed_id > 0)
            {
              g_autoptr(GError) error = NULL;

              tandem_store_start_timer (reg->store, timed_id, &error);
              die_on_error (error, "starting a stopwatch");
              tandem_store_stop_timer (reg->store, &error);
              die_on_error (error, "stopping a stopwatch");
              reg->n_timed_sessions++;
              timed_id = 0;
            }
          sign_in (reg->store, reg->logins[chunk_user], USER_PASSWORD);
        }

      if (i < n_series)
        add_series (reg, i, chunk_user);
      else
        add_single (reg, i, chunk_user, &timed_id);
      if ((i + 1) % 25000 == 0 && i + 1 < n_activities)
        g_print ("  %'9u activities %6.1f s\n", i + 1, ms_since (start) / 1000.0);
    }
  g_print ("  %'9u activities %6.1f s  (%u series, %u stopwatch sessions; %u busy ones saved as free"
           " after a conflict)\n", reg->n_saved, ms_since (start) / 1000.0, reg->n_recurring,
           reg->n_timed_sessions, reg->n_made_free);

  g_clear_pointer (&reg->busy_slots, g_free);
  g_clear_pointer (&reg->categories, g_free);
  g_clear_pointer (&reg->priorities, g_free);
  g_clear_pointer (&reg->goals, g_free);
}

/* Sales projects (SPEC H1, H2, J1) */

static const char * const product_names[] = {
  "Hyllyjärjestelmä", "Trukki", "Lavahylly", "Huoltosopimus", "Varastojärjestelmä", "Kuljetin",
  "Regał paletowy", "Wózek widłowy", "Serwis roczny", "System magazynowy", "Przenośnik", "Szkolenie",
  "Racking", "Forklift", "Maintenance", "Warehouse software", "Conveyor", "Training", "Consulting",
  "Spare parts",
};

static const char * const sale_titles[] = {
  "Tarjous", "Laajennus", "Uusinta", "Kilpailutus", "Oferta", "Rozbudowa", "Przetarg", "Odnowienie",
  "Offer", "Expansion", "Renewal", "Tender", "Pilot",
};

static const char * const delivery_titles[] = {
  "Toimitus", "Asennus", "Käyttöönotto", "Wdrożenie", "Dostawa", "Montaż", "Delivery", "Installation",
  "Rollout",
};

static const char * const member_roles[] = { "Project manager", "Installer", "Consultant", "Sales", NULL };

/* Open sales stages in board order, then the won and the lost one */
typedef struct
{
  gint64 open[8];
  guint  n_open;
  gint64 won;
  gint64 lost;
} Stages;

static void
read_stages (TandemStore *store,
             Stages      *stages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = tandem_store_list_stages (store, &error);

  die_on_error (error, "reading the sales stages");
  memset (stages, 0, sizeof *stages);
  for (guint i = 0; i < list->len; i++)
    {
      TandemStage *stage = g_ptr_array_index (list, i);

      if (tandem_stage_get_outcome (stage) == TANDEM_SALE_WON && stages->won == 0)
        stages->won = tandem_stage_get_id (stage);
      else if (tandem_stage_get_outcome (stage) == TANDEM_SALE_LOST && stages->lost == 0)
        stages->lost = tandem_stage_get_id (stage);
      else if (tandem_stage_get_outcome (stage) == TANDEM_SALE_OPEN && stages->n_open < G_N_ELEMENTS (stages->open))
        stages->open[stages->n_open++] = tandem_stage_get_id (stage);
    }
  if (stages->n_open < 3 || stages->won == 0 || stages->lost == 0)
    {
      g_printerr ("tandem-bench: the shipped sales stages are missing\n");
      exit (1);
    }
}

static char *
day_text (GTimeZone  *tz,
          int         day,
          const char *format)
{
  g_autoptr(GDateTime) time = day_time (tz, day, 12 * 60);

  return g_date_time_format (time, format);
}

/* One sale: where it ends (35 % at the first stage, 25 % the second, 15 %
 * the third, 15 % won, 10 % lost), reached in one to three steps, each
 * a few days to ten weeks after the one before, all before TODAY. */
static void
add_sale (Register     *reg,
          const Stages *stages,
          const gint64 *products,
          guint         index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) sale = NULL;
  g_autofree char *name = NULL;
  g_autofree char *close = NULL;
  gint64 path[3];
  int days[3];
  char *times[3] = { NULL, };
  guint n_steps = 0;
  guint roll = g_rand_int_range (reg->rand, 0, 100);
  guint seller = g_rand_int_range (reg->rand, 0, 50);
  guint kind = g_rand_int_range (reg->rand, 0, 100);
  gboolean two = g_rand_boolean (reg->rand);
  double units;
  int gap = 0;
  gint64 id;

  if (roll < 35)
    path[n_steps++] = stages->open[0];
  else if (roll < 60)
    {
      if (two)
        path[n_steps++] = stages->open[0];
      path[n_steps++] = stages->open[1];
    }
  else if (roll < 75)
    {
      if (two)
        path[n_steps++] = stages->open[0];
      path[n_steps++] = stages->open[1];
      path[n_steps++] = stages->open[2];
    }
  else if (roll < 90)
    {
      if (two)
        path[n_steps++] = stages->open[0];
      path[n_steps++] = stages->open[1];
      path[n_steps++] = stages->won;
    }
  else
    {
      path[n_steps++] = stages->open[two ? 0 : 1];
      path[n_steps++] = stages->lost;
    }

  for (guint i = 1; i < n_steps; i++)
    gap += g_rand_int_range (reg->rand, 3, 71);
  days[0] = g_rand_int_range (reg->rand, -180, TODAY - gap);
  for (guint i = 1; i < n_steps; i++)
    days[i] = days[i - 1] + g_rand_int_range (reg->rand, 3, 71);
  days[n_steps - 1] = MIN (days[n_steps - 1], TODAY - 1);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(GDateTime) local = day_time (reg->tz, days[i], 8 * 60 + g_rand_int_range (reg->rand, 0, 9 * 60));
      g_autoptr(GDateTime) utc = g_date_time_to_utc (local);

      times[i] = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }

  name = g_strdup_printf ("%s %u", PICK (reg->rand, sale_titles), index + 1);
  sale = tandem_project_new_sale (g_array_index (reg->company_ids, gint64,
                                                 g_rand_int_range (reg->rand, 0, reg->company_ids->len)),
                                  name, path[n_steps - 1]);
  /* Mostly the five users, the administrator now and then, a few nobody */
  if (seller > 0)
    tandem_project_set_seller_id (sale, reg->performer_ids[seller < 5 ? 0 : 1 + seller % (N_PERFORMERS - 1)]);
  if (g_rand_int_range (reg->rand, 0, 10) > 0)
    tandem_project_set_product_id (sale, products[g_rand_int_range (reg->rand, 0, G_N_ELEMENTS (product_names))]);
  roll = g_rand_int_range (reg->rand, 0, 100);
  tandem_project_set_currency (sale, roll < 70 ? "EUR" : roll < 95 ? "PLN" : "SEK");
  /* From 500 to 500 000 in whole units, as many small sales as big */
  units = 500 * exp (g_rand_double_range (reg->rand, 0, log (1000)));
  tandem_project_set_value (sale, (gint64) units * 100);
  if (g_rand_int_range (reg->rand, 0, 5) == 0)
    tandem_project_set_probability (sale, 5 * g_rand_int_range (reg->rand, 1, 20));
  /* Closing dates: open sales from a month before the last step up to
   * eight months after it, a few without; closed ones when they closed */
  if (path[n_steps - 1] == stages->won || path[n_steps - 1] == stages->lost)
    close = day_text (reg->tz, days[n_steps - 1], "%Y-%m-%d");
  else if (g_rand_int_range (reg->rand, 0, 33) > 0)
    close = day_text (reg->tz, days[n_steps - 1] + g_rand_int_range (reg->rand, -30, 240), "%Y-%m-%d");
  tandem_project_set_close_date (sale, close);
  if (kind < 15)
    {
      guint user = seller > 0 && seller >= 5 ? 1 + seller % (N_PERFORMERS - 1) : 1 + index % (N_PERFORMERS - 1);

      tandem_project_set_visibility (sale, TANDEM_VISIBILITY_GROUPS);
      tandem_project_set_group_ids (sale, &reg->group_ids[(user - 1) % G_N_ELEMENTS (groups)], 1);
    }
  else if (kind < 20)
    tandem_project_set_visibility (sale, TANDEM_VISIBILITY_TEAM);

  /* Saved where it ended up; the steps before are history (the store's
   * moves stamp the current time, and the history must span months) */
  id = tandem_store_save_project (reg->store, sale, &error);
  die_on_error (error, "saving a sale");
  tandem_store_synthetic_set_sale_path (reg->store, id, path, (const char * const *) times, n_steps, &error);
  die_on_error (error, "giving a sale its history");
  reg->n_history += n_steps;
  for (guint i = 0; i < n_steps; i++)
    g_free (times[i]);
}

/* A delivery project with a team of one to four besides its author */
static void
add_delivery (Register     *reg,
              const gint64 *products,
              guint         index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autofree char *name = g_strdup_printf ("%s %u", PICK (reg->rand, delivery_titles), index + 1);
  guint n_members = g_rand_int_range (reg->rand, 1, 5);
  guint first = g_rand_int_range (reg->rand, 1, N_PERFORMERS);
  gint64 id;

  project = tandem_project_new (g_array_index (reg->company_ids, gint64,
                                               g_rand_int_range (reg->rand, 0, reg->company_ids->len)),
                                name);
  if (g_rand_int_range (reg->rand, 0, 100) < 15)
    tandem_project_set_visibility (project, TANDEM_VISIBILITY_TEAM);
  id = tandem_store_save_project (reg->store, project, &error);
  die_on_error (error, "saving a project");
  for (guint m = 0; m < n_members; m++)
    {
      guint user = 1 + (first - 1 + m) % (N_PERFORMERS - 1);

      tandem_store_add_project_member (reg->store, id, reg->performer_ids[user], member_roles[m], &error);
      die_on_error (error, "adding a team member");
      reg->n_members++;
    }
}

static void
generate_sales (Register *reg,
                guint     n_sales,
                guint     n_projects,
                gint64    start)
{
  gint64 products[G_N_ELEMENTS (product_names)];
  Stages stages;

  if (reg->company_ids->len == 0)
    return;

  /* The administrator keeps the products and adds the sales, so that
   * they see every one; the sellers are the users. */
  sign_in (reg->store, "admin", ADMIN_PASSWORD);
  read_stages (reg->store, &stages);
  for (guint i = 0; i < G_N_ELEMENTS (product_names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemProduct) product = tandem_product_new (product_names[i], i % 2 ? "Hardware" : "Services");

      products[i] = tandem_store_save_product (reg->store, product, &error);
      die_on_error (error, "adding a product");
    }

  for (guint i = 0; i < n_sales; i++)
    {
      add_sale (reg, &stages, products, i);
      if ((i + 1) % 10000 == 0 && i + 1 < n_sales)
        g_print ("  %'9u sales      %6.1f s\n", i + 1, ms_since (start) / 1000.0);
    }
  g_print ("  %'9u sales      %6.1f s  (%u history rows)\n", n_sales, ms_since (start) / 1000.0, reg->n_history);

  for (guint i = 0; i < n_projects; i++)
    add_delivery (reg, products, i);
  g_print ("  %'9u projects   %6.1f s  (%u team members besides their authors)\n", n_projects,
           ms_since (start) / 1000.0, reg->n_members);
}

static void
generate (const char *path,
          guint       n_companies,
          guint       n_people,
          guint       n_notes,
          guint       n_activities,
          guint       n_sales,
          guint       n_projects)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemUser) admin = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(GArray) company_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_companies);
  g_autoptr(GArray) person_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_people);
  g_autoptr(GArray) company_contacts = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n_companies);
  g_autoptr(GArray) key_accounts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  gint64 group_ids[G_N_ELEMENTS (groups)];
  gint64 user_ids[N_PERFORMERS - 1];
  gint64 industry, size, klass, start;
  const char *logins[] = { "anna", "piotr", "matti", "ewa", "juha" };

  G_STATIC_ASSERT (G_N_ELEMENTS (logins) == N_PERFORMERS - 1);

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
      user_ids[i] = tandem_user_get_id (user);
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
      if (id % KEY_ACCOUNT == 0)
        g_array_append_val (key_accounts, i);
    }
  g_array_set_size (company_contacts, n_companies);
  g_print ("  %'9u companies  %6.1f s\n", n_companies, ms_since (start) / 1000.0);

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(TandemPerson) person = NULL;
      g_autofree char *name = NULL;
      g_autofree char *email = NULL;
      g_autofree char *phone = NULL;
      int company = -1;
      gint64 id;

      name = g_strdup_printf ("%s %s", PICK (rand, first_names), PICK (rand, surnames));
      person = tandem_person_new (name);
      email = g_strdup_printf ("person%u@example.com", i);
      phone = make_phone (rand, NULL);
      g_object_set (person, "job-title", PICK (rand, titles), "email", email, "mobile", phone, NULL);
      if (n_companies > 0 && g_rand_int_range (rand, 0, 10) < 9)
        {
          company = g_rand_int_range (rand, 0, n_companies);
          tandem_person_set_company_id (person, g_array_index (company_ids, gint64, company));
        }
      id = tandem_store_save_person (store, person, &error);
      die_on_error (error, "saving a person");
      g_array_append_val (person_ids, id);
      if (company >= 0 && g_array_index (company_contacts, gint64, company) == 0)
        g_array_index (company_contacts, gint64, company) = id;
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

  {
    Register reg = {
      .store = store,
      .rand = rand,
      .tz = zone,
      .company_ids = company_ids,
      .company_contacts = company_contacts,
      .key_accounts = key_accounts,
    };

    reg.performer_ids[0] = tandem_user_get_id (admin);
    for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
      {
        reg.performer_ids[i + 1] = user_ids[i];
        reg.logins[i + 1] = logins[i];
      }
    memcpy (reg.group_ids, group_ids, sizeof group_ids);
    if (n_activities > 0)
      generate_activities (&reg, n_activities, start);
    if (n_sales > 0 || n_projects > 0)
      generate_sales (&reg, n_sales, n_projects, start);
  }

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

/* Latencies of one kind of view, with what it showed. */
typedef struct
{
  GArray *ms;       /* double, sorted when reported */
  guint   n_items;  /* rows or occurrences shown, summed */
} Series;

static void
series_init (Series *series)
{
  series->ms = g_array_new (FALSE, FALSE, sizeof (double));
  series->n_items = 0;
}

static void
series_add (Series    *series,
            gint64     started,
            GPtrArray *shown)
{
  double ms = ms_since (started);

  g_array_append_val (series->ms, ms);
  series->n_items += shown->len;
}

static double
series_p50 (Series *series)
{
  g_array_sort (series->ms, compare_doubles);
  return percentile (series->ms, 0.50);
}

static double
series_worst (Series *series)
{
  g_array_sort (series->ms, compare_doubles);
  return series->ms->len > 0 ? g_array_index (series->ms, double, series->ms->len - 1) : 0;
}

static guint
series_mean_items (Series *series)
{
  return series->ms->len > 0 ? (series->n_items + series->ms->len / 2) / series->ms->len : 0;
}

static void
series_clear (Series *series)
{
  g_clear_pointer (&series->ms, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Series, series_clear)

/* Types each of @words one letter at a time, searching after each. */
static guint
type_words (TandemStore        *store,
            const char * const *words,
            guint               n_words,
            GArray             *latencies,
            double             *worst,
            const char        **worst_word)
{
  guint n_searches = 0;

  for (guint w = 0; w < n_words; w++)
    {
      const char *word = words[w];

      for (const char *end = g_utf8_next_char (word); ; end = g_utf8_next_char (end))
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *prefix = g_strndup (word, end - word);
          g_autoptr(GPtrArray) hits = NULL;
          gint64 start = now_us ();
          double ms;

          hits = tandem_store_search (store, prefix, SEARCH_LIMIT, &error);
          ms = ms_since (start);
          die_on_error (error, "searching");
          g_array_append_val (latencies, ms);
          n_searches++;
          if (ms > *worst)
            {
              *worst = ms;
              *worst_word = word;
            }
          if (*end == '\0')
            break;
        }
    }
  g_array_sort (latencies, compare_doubles);
  return n_searches;
}

/* The sales reports (J1) over a year around TODAY, the pipeline's
 * development at the twelve month ends of 2026, and the activity report
 * (J2) of 2026. */
#define REPORT_RUNS 7

typedef struct
{
  const char     *what;
  guint           which;      /* 0 pipeline, 1 forecast, 2 development, 3 activities */
  TandemReportBy  by;
  Series          runs[2];    /* the administrator, a user */
  GArray         *cpu[2];     /* double: the CPU time of each run, ms */
  guint           counted[2]; /* activities: how many the rows count */
} SalesReport;

/* The CPU time the calling thread has used: unlike the time on the
 * clock, it does not grow while other work keeps the cores busy. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static GPtrArray *
sales_report (TandemStore    *store,
              guint           which,
              TandemReportBy  by,
              GError        **error)
{
  switch (which)
    {
    case 0:
      return tandem_store_pipeline_report (store, by, "2026-07-01", "2027-07-01", error);
    case 1:
      return tandem_store_forecast_report (store, by, "2026-07-01", "2027-07-01", error);
    case 2:
      return tandem_store_pipeline_history (store, "2026-01-01", "2026-12-31", error);
    default:
      return tandem_store_activity_report (store, by, "2026-01-01", "2027-01-01", error);
    }
}

static guint
count_open_sales (TandemStore *store)
{
  g_autoptr(GError) error = NULL;
  TandemProjectQuery query = { .of = TANDEM_PROJECTS_SALES, .open_only = TRUE };
  guint n = tandem_store_count_projects (store, &query, &error);

  die_on_error (error, "counting the open sales");
  return n;
}

static void
measure_sales_reports (TandemStore *store,
                       SalesReport *reports,
                       guint        n_reports,
                       guint        user,
                       guint       *n_open)
{
  *n_open = count_open_sales (store);
  for (guint r = 0; r < n_reports; r++)
    {
      series_init (&reports[r].runs[user]);
      reports[r].cpu[user] = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint run = 0; run < REPORT_RUNS; run++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(TandemStore) worker = NULL;
          g_autoptr(GPtrArray) rows = NULL;
          gint64 start = now_us ();
          double cpu_start = thread_cpu_ms (), cpu;

          /* On a connection of its own, as the Reports page makes them */
          worker = tandem_store_open_worker (store, &error);
          die_on_error (error, "opening a connection for a report");
          rows = sales_report (worker, reports[r].which, reports[r].by, &error);
          die_on_error (error, "making a report");
          series_add (&reports[r].runs[user], start, rows);
          cpu = thread_cpu_ms () - cpu_start;
          g_array_append_val (reports[r].cpu[user], cpu);
          reports[r].counted[user] = 0;
          for (guint i = 0; i < rows->len; i++)
            reports[r].counted[user] += tandem_report_row_get_count (g_ptr_array_index (rows, i));
        }
    }
}

static double
cpu_p50 (GArray *ms)
{
  g_array_sort (ms, compare_doubles);
  return percentile (ms, 0.50);
}

static gint64
user_id_of (TandemStore *store,
            const char  *login)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = tandem_store_list_users (store, &error);

  die_on_error (error, "listing the users");
  for (guint i = 0; i < users->len; i++)
    if (g_strcmp0 (tandem_user_get_login (g_ptr_array_index (users, i)), login) == 0)
      return tandem_user_get_id (g_ptr_array_index (users, i));
  return 0;
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
  g_autoptr(GArray) activity_latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) other_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270104);
  g_autoptr(GPtrArray) start_page = NULL;
  g_autoptr(GPtrArray) to_complete = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_auto(Series) weeks = { NULL, };
  g_auto(Series) months = { NULL, };
  g_auto(Series) side_by_side = { NULL, };
  g_auto(Series) day_plans = { NULL, };
  g_auto(Series) cards = { NULL, };
  g_autofree char *db_path = NULL;
  g_autofree char *tmp_dir = NULL;
  gint n_companies = 100000, n_people = 300000, n_notes = 200000, n_activities = 100000;
  gint n_sales = 50000, n_projects = 5000;
  gboolean keep = FALSE;
  gint n_labels = 10000;
  gboolean labels_only = FALSE;
  double open_ms, list_ms, sign_in_ms, walk_ms, worst = 0, activity_worst = 0;
  double start_page_ms = 0, start_page_again_ms = 0, to_complete_ms = 0, report_ms = 0;
  const char *worst_query = "";
  const char *activity_worst_query = "";
  const char *side_logins[] = { "anna", "piotr", "matti", "ewa", "juha" };
  gint64 side_ids[G_N_ELEMENTS (side_logins)];
  SalesReport sales_reports[] = {
    { "Pipeline by stage", 0, TANDEM_REPORT_BY_STAGE },
    { "Pipeline by seller", 0, TANDEM_REPORT_BY_SELLER },
    { "Pipeline by product", 0, TANDEM_REPORT_BY_PRODUCT },
    { "Pipeline by closing month", 0, TANDEM_REPORT_BY_MONTH },
    { "Forecast by month", 1, TANDEM_REPORT_BY_MONTH },
    { "Pipeline development, 12 month ends", 2, TANDEM_REPORT_BY_SELLER },
    { "Activities of 2026 by category", 3, TANDEM_REPORT_BY_CATEGORY },
    { "Activities of 2026 by user", 3, TANDEM_REPORT_BY_USER },
    { "Activities of 2026 by month", 3, TANDEM_REPORT_BY_MONTH },
  };
  guint n_sales_seen = 0, n_sales_user = 0;
  gint64 admin_id;
  guint n_items, n_searches, n_activity_searches;
  long session_peak;
  gboolean peak_reset;
  gint64 start;
  GOptionEntry entries[] = {
    { "companies", 0, 0, G_OPTION_ARG_INT, &n_companies, "Companies to generate", "N" },
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people, "People to generate", "N" },
    { "notes", 0, 0, G_OPTION_ARG_INT, &n_notes, "Notes to generate", "N" },
    { "activities", 0, 0, G_OPTION_ARG_INT, &n_activities, "Activities to generate", "N" },
    { "sales", 0, 0, G_OPTION_ARG_INT, &n_sales, "Sales projects to generate", "N" },
    { "projects", 0, 0, G_OPTION_ARG_INT, &n_projects, "Delivery projects to generate", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Database file; generated unless it exists", "FILE" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated database", NULL },
    { "labels", 0, 0, G_OPTION_ARG_INT, &n_labels, "Labels to write to a PDF", "N" },
    { "labels-only", 0, 0, G_OPTION_ARG_NONE, &labels_only, "Measure only the label sheets", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* The synthetic company works in Helsinki: the day plan and the start
   * page read days in the local zone. */
  g_setenv ("TZ", ZONE, TRUE);
  zone = g_time_zone_new_identifier (ZONE);
  if (zone == NULL)
    {
      g_printerr ("tandem-bench: the time zone %s is not installed\n", ZONE);
      return 1;
    }

  context = g_option_context_new ("— measure Tandem on a synthetic register");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tandem-bench: %s\n", error->message);
      return 2;
    }
  if (n_companies < 0 || n_people < 0 || n_notes < 0 || n_activities < 0 || n_sales < 0 || n_projects < 0)
    {
      g_printerr ("tandem-bench: the numbers of records cannot be negative\n");
      return 2;
    }

  if (n_labels < 1)
    {
      g_printerr ("tandem-bench: give at least one label\n");
      return 2;
    }
  if (labels_only)
    {
      measure_label_sheets (n_labels);
      return 0;
    }

  if (db_path == NULL)
    {
      tmp_dir = g_dir_make_tmp ("tandem-bench-XXXXXX", &error);
      die_on_error (error, "creating a folder");
      db_path = g_build_filename (tmp_dir, "bench.db", NULL);
    }

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_print ("Generating %d companies, %d people, %d notes, %d activities, %d sales and %d projects\n"
               "in %s (the synthetic users get TANDEM_PWHASH_FAST password hashes; the\n"
               "administrator who signs in below has a normal Argon2id hash)\n",
               n_companies, n_people, n_notes, n_activities, n_sales, n_projects, db_path);
      generate (db_path, n_companies, n_people, n_notes, n_activities, n_sales, n_projects);
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
  admin_id = tandem_user_get_id (tandem_store_get_user (store));

  start = now_us ();
  list = tandem_record_list_new (store, TANDEM_KIND_COMPANY);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n_items, FIRST_PAGE); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  list_ms = ms_since (start);

  /* What the window shows next to the list after sign-in (D17), read
   * from the disk as the first activities of the session. */
  {
    g_autoptr(GDateTime) now = day_time (zone, TODAY, 9 * 60);

    start = now_us ();
    start_page = tandem_store_list_start_page (store, now, &error);
    start_page_ms = ms_since (start);
    die_on_error (error, "reading the start page");
  }

  n_searches = type_words (store, typed_words, G_N_ELEMENTS (typed_words), latencies,
                           &worst, &worst_query);
  n_activity_searches = type_words (store, typed_activity_words, G_N_ELEMENTS (typed_activity_words),
                                    activity_latencies, &activity_worst, &activity_worst_query);

  start = now_us ();
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = tandem_record_get_id (TANDEM_RECORD (item));

      if (id % KEY_ACCOUNT == 0)
        g_array_append_val (key_ids, id);
    }
  walk_ms = ms_since (start);

  /* Calendars (D18) around TODAY: twenty weeks from ten weeks before it,
   * twelve months, the five users side by side, and the day plan (D4)
   * of twenty days. */
  series_init (&weeks);
  series_init (&side_by_side);
  for (guint w = 0; w < G_N_ELEMENTS (side_logins); w++)
    side_ids[w] = user_id_of (store, side_logins[w]);
  for (int w = 0; w < 20; w++)
    {
      g_autoptr(GDateTime) from = day_time (zone, TODAY + 7 * (w - 10), 0);
      g_autoptr(GDateTime) to = day_time (zone, TODAY + 7 * (w - 9), 0);
      g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) occurrences = NULL;

      start = now_us ();
      occurrences = tandem_store_list_occurrences (store, admin_id, from, to, FALSE, &error);
      die_on_error (error, "reading the week calendar");
      series_add (&weeks, start, occurrences);

      start = now_us ();
      for (guint u = 0; u < G_N_ELEMENTS (side_ids); u++)
        {
          g_autoptr(GPtrArray) column = tandem_store_list_occurrences (store, side_ids[u], from, to,
                                                                       FALSE, &error);

          die_on_error (error, "reading a user's week");
          g_ptr_array_extend_and_steal (shown, g_steal_pointer (&column));
        }
      series_add (&side_by_side, start, shown);
    }

  series_init (&months);
  for (int m = 0; m < 12; m++)
    {
      g_autoptr(GDateTime) from = g_date_time_new (zone, FIRST_YEAR + (m + 6) / 12, 1 + (m + 6) % 12, 1, 0, 0, 0);
      g_autoptr(GDateTime) to = g_date_time_add_months (from, 1);
      g_autoptr(GPtrArray) occurrences = NULL;

      start = now_us ();
      occurrences = tandem_store_list_occurrences (store, admin_id, from, to, FALSE, &error);
      die_on_error (error, "reading the month calendar");
      series_add (&months, start, occurrences);
    }

  series_init (&day_plans);
  for (int d = TODAY - 14, n = 0; n < 20; d++)
    {
      g_autoptr(GDateTime) day = day_time (zone, d, 12 * 60);
      g_autoptr(GPtrArray) plan = NULL;

      if (day_weekday (d) >= G_DATE_SATURDAY)
        continue;
      start = now_us ();
      plan = tandem_store_list_day_plan (store, day, &error);
      die_on_error (error, "reading the day plan");
      series_add (&day_plans, start, plan);
      n++;
    }

  /* A company card's activities (B6): ten big customers and ten others. */
  for (guint i = 0; i < 10 && n_items > 0; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list),
                                                       g_rand_int_range (rand, 0, n_items));
      gint64 id = tandem_record_get_id (TANDEM_RECORD (item));

      g_array_append_val (other_ids, id);
    }
  for (guint i = 0; i < 10 && key_ids->len > 0; i++)
    g_array_append_val (other_ids, g_array_index (key_ids, gint64, i * key_ids->len / 10));
  series_init (&cards);
  for (guint i = 0; i < other_ids->len; i++)
    {
      g_autoptr(GPtrArray) activities = NULL;

      start = now_us ();
      activities = tandem_store_list_activities_of (store, TANDEM_KIND_COMPANY,
                                                    g_array_index (other_ids, gint64, i), &error);
      die_on_error (error, "reading a company's activities");
      series_add (&cards, start, activities);
    }

  /* The start page again, now that the pages are in memory. */
  {
    g_autoptr(GDateTime) now = day_time (zone, TODAY, 9 * 60);
    g_autoptr(GPtrArray) again = NULL;

    start = now_us ();
    again = tandem_store_list_start_page (store, now, &error);
    start_page_again_ms = ms_since (start);
    die_on_error (error, "reading the start page");
  }

  start = now_us ();
  to_complete = tandem_store_list_to_complete (store, &error);
  to_complete_ms = ms_since (start);
  die_on_error (error, "reading the To complete list");

  /* The stopwatch sessions were timed when the register was made: the
   * report covers the year up to now. */
  {
    g_autoptr(GDateTime) to = g_date_time_new_now (zone);
    g_autoptr(GDateTime) from = g_date_time_add_years (to, -1);

    start = now_us ();
    report = tandem_store_time_report (store, TANDEM_TIME_BY_USER, from, to, &error);
    report_ms = ms_since (start);
    die_on_error (error, "making the time report");
  }

  /* The reports, as the administrator who added every sale and sees
   * them all, then as a user who sees those open to everyone, to his
   * group or sold by him. */
  measure_sales_reports (store, sales_reports, G_N_ELEMENTS (sales_reports), 0, &n_sales_seen);
  sign_in (store, "juha", USER_PASSWORD);
  measure_sales_reports (store, sales_reports, G_N_ELEMENTS (sales_reports), 1, &n_sales_user);

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
  g_print ("| Search words of activity titles, p50 / p95 (%u prefixes of %u words) | %.1f / %.1f ms | < 30 ms |\n",
           n_activity_searches, (guint) G_N_ELEMENTS (typed_activity_words),
           percentile (activity_latencies, 0.50), percentile (activity_latencies, 0.95));
  g_print ("| Search words of activity titles, slowest (a prefix of “%s”) | %.1f ms | |\n",
           activity_worst_query, activity_worst);
  g_print ("| Walk all %u companies through the model | %.0f ms | |\n", n_items, walk_ms);
  g_print ("| Start page after sign-in (%u activities), cold / again | %.0f / %.0f ms | |\n",
           start_page->len, start_page_ms, start_page_again_ms);
  g_print ("| Week calendar of the administrator, p50 (20 weeks, %u occurrences a week) | %.1f ms | |\n",
           series_mean_items (&weeks), series_p50 (&weeks));
  g_print ("| **Week calendar, slowest of 20** | **%.1f ms** | < 50 ms |\n", series_worst (&weeks));
  g_print ("| Month calendar of the administrator, p50 (12 months, %u occurrences a month) | %.1f ms | |\n",
           series_mean_items (&months), series_p50 (&months));
  g_print ("| **Month calendar, slowest of 12** | **%.1f ms** | < 100 ms |\n", series_worst (&months));
  g_print ("| Week of 5 users side by side, p50 / slowest of 20 (%u occurrences) | %.1f / %.1f ms | |\n",
           series_mean_items (&side_by_side), series_p50 (&side_by_side), series_worst (&side_by_side));
  g_print ("| Day plan, p50 (20 days, %u entries a day) | %.1f ms | |\n",
           series_mean_items (&day_plans), series_p50 (&day_plans));
  g_print ("| **Day plan, slowest of 20** | **%.1f ms** | < 50 ms |\n", series_worst (&day_plans));
  g_print ("| Company card's activities, p50 (%u companies, %u activities on average) | %.1f ms | |\n",
           cards.ms->len, series_mean_items (&cards), series_p50 (&cards));
  g_print ("| **Company card's activities, slowest** | **%.1f ms** | < 50 ms |\n", series_worst (&cards));
  g_print ("| To complete list (%u activities) | %.1f ms | |\n", to_complete->len, to_complete_ms);
  g_print ("| Time report of a year by user (%u rows) | %.1f ms | |\n", report->len, report_ms);
  for (guint r = 0; r < G_N_ELEMENTS (sales_reports); r++)
    if (sales_reports[r].which == 3)
      /* An activity with two performers counts twice by user. */
      g_print ("| **%s**, p50 / slowest of %d: admin (%u counted, %u rows); juha (%u, %u rows) |"
               " **%.1f / %.1f ms; %.1f / %.1f ms** (CPU p50 %.1f; %.1f ms) | |\n",
               sales_reports[r].what, REPORT_RUNS,
               sales_reports[r].counted[0], series_mean_items (&sales_reports[r].runs[0]),
               sales_reports[r].counted[1], series_mean_items (&sales_reports[r].runs[1]),
               series_p50 (&sales_reports[r].runs[0]), series_worst (&sales_reports[r].runs[0]),
               series_p50 (&sales_reports[r].runs[1]), series_worst (&sales_reports[r].runs[1]),
               cpu_p50 (sales_reports[r].cpu[0]), cpu_p50 (sales_reports[r].cpu[1]));
    else
      g_print ("| **%s**, p50 / slowest of %d: admin (%u open sales, %u rows); juha (%u, %u rows) |"
               " **%.1f / %.1f ms; %.1f / %.1f ms** (CPU p50 %.1f; %.1f ms) | < 200 ms |\n",
               sales_reports[r].what, REPORT_RUNS, n_sales_seen, series_mean_items (&sales_reports[r].runs[0]),
               n_sales_user, series_mean_items (&sales_reports[r].runs[1]),
               series_p50 (&sales_reports[r].runs[0]), series_worst (&sales_reports[r].runs[0]),
               series_p50 (&sales_reports[r].runs[1]), series_worst (&sales_reports[r].runs[1]),
               cpu_p50 (sales_reports[r].cpu[0]), cpu_p50 (sales_reports[r].cpu[1]));
  g_print ("| **Peak RSS of the session**%s | **%.1f MB** | < 150 MB |\n",
           peak_reset ? "" : " (whole process)", session_peak / 1024.0);
  g_print ("| RSS at the end | %.1f MB | |\n", current_rss_kib () / 1024.0);
  measure_label_sheets (n_labels);

  for (guint r = 0; r < G_N_ELEMENTS (sales_reports); r++)
    {
      series_clear (&sales_reports[r].runs[0]);
      series_clear (&sales_reports[r].runs[1]);
      g_clear_pointer (&sales_reports[r].cpu[0], g_array_unref);
      g_clear_pointer (&sales_reports[r].cpu[1], g_array_unref);
    }
  g_clear_pointer (&start_page, g_ptr_array_unref);
  g_clear_pointer (&to_complete, g_ptr_array_unref);
  g_clear_pointer (&report, g_ptr_array_unref);
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
