/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCrash"

#include <locale.h>
#include <stdio.h>

#include "tandem-error.h"
#include "tandem-store.h"

/*
 * The worker of the crash test (test-crash.py): it saves records through
 * the store as fast as it can until it is killed, and after each commit
 * returns it prints what is now promised to be in the database:
 *
 *   ACK <kind> <id> <marker> [<sha256>]
 *
 * kinds: company, person, note, activity, file (an activity's file,
 * SPEC D12), document (SPEC G1) and batch (50 companies in one
 * transaction, the stand-in for an import: the id is the first company's,
 * all 50 or none must be there).
 *
 *   crash-worker init DB      create the database and its administrator
 *   crash-worker run DB TAG   save until killed; markers start with TAG
 *   crash-worker check DB     open (and migrate) and read as the store does
 */

#define ADMIN    "crash"
#define PASSWORD "crash-password-1"
#define BATCH    50

static void
fail (GError *error)
{
  g_printerr ("crash-worker: %s\n", error->message);
  exit (1);
}

static void
ack (const char *kind,
     gint64      id,
     const char *marker,
     const char *sha256)
{
  if (sha256 != NULL)
    printf ("ACK %s %" G_GINT64_FORMAT " %s %s\n", kind, id, marker, sha256);
  else
    printf ("ACK %s %" G_GINT64_FORMAT " %s\n", kind, id, marker);
  fflush (stdout);
}

static TandemStore *
open_signed_in (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);

  if (store == NULL || !tandem_store_sign_in (store, ADMIN, PASSWORD, &error))
    fail (error);
  return g_steal_pointer (&store);
}

static GBytes *
file_content (const char *marker,
              guint       n,
              char      **sha256)
{
  GString *text = g_string_new (NULL);

  /* A few kilobytes, so that a kill can fall inside writing them */
  for (guint i = 0; i < 64 + n % 64; i++)
    g_string_append_printf (text, "%s line %u of a file kept safely\n", marker, i);
  *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, text->len);
  return g_string_free_to_bytes (text);
}

static void
run (const char *path,
     const char *tag)
{
  g_autoptr(TandemStore) store = open_signed_in (path);
  gint64 company_id = 0;
  gint64 activity_id = 0;

  for (guint n = 0;; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *marker = g_strdup_printf ("%s-%u", tag, n);
      gint64 id;

      switch (n % 7)
        {
        case 0:
          {
            g_autofree char *name = g_strdup_printf ("Crash Company %s", marker);
            g_autoptr(TandemCompany) company = tandem_company_new (name);

            id = tandem_store_save_company (store, company, &error);
            if (id == 0)
              fail (error);
            company_id = id;
            ack ("company", id, marker, NULL);
          }
          break;
        case 1:
          {
            g_autofree char *name = g_strdup_printf ("Crash Person %s", marker);
            g_autoptr(TandemPerson) person = tandem_person_new (name);

            tandem_person_set_company_id (person, company_id);
            id = tandem_store_save_person (store, person, &error);
            if (id == 0)
              fail (error);
            ack ("person", id, marker, NULL);
          }
          break;
        case 2:
          {
            g_autofree char *body = g_strdup_printf ("Crash note %s", marker);
            g_autoptr(TandemNote) note = tandem_note_new (TANDEM_KIND_COMPANY, company_id, body);

            id = tandem_store_save_note (store, note, &error);
            if (id == 0)
              fail (error);
            ack ("note", id, marker, NULL);
          }
          break;
        case 3:
          {
            g_autofree char *title = g_strdup_printf ("Crash activity %s", marker);
            g_autoptr(TandemActivity) activity = tandem_activity_new (title);
            g_autoptr(GDateTime) start = g_date_time_new_utc (2030, 1, 1 + n % 28, 8, 0, 0);
            g_autoptr(GDateTime) end = g_date_time_add_hours (start, 1);

            tandem_activity_set_company_id (activity, company_id);
            tandem_activity_set_tzid (activity, "UTC");
            tandem_activity_set_times (activity, start, end);
            id = tandem_store_save_activity (store, activity, &error);
            if (id == 0)
              fail (error);
            activity_id = id;
            ack ("activity", id, marker, NULL);
          }
          break;
        case 4:
          {
            gint64 first = 0;

            if (!tandem_store_begin (store, &error))
              fail (error);
            for (guint i = 0; i < BATCH; i++)
              {
                g_autofree char *name = g_strdup_printf ("Batch %s #%02u", marker, i);
                g_autoptr(TandemCompany) company = tandem_company_new (name);

                id = tandem_store_save_company (store, company, &error);
                if (id == 0)
                  fail (error);
                if (i == 0)
                  first = id;
              }
            if (!tandem_store_commit (store, &error))
              fail (error);
            ack ("batch", first, marker, NULL);
          }
          break;
        case 5:
          {
            g_autofree char *sha256 = NULL;
            g_autofree char *name = g_strdup_printf ("crash-%s.txt", marker);
            g_autoptr(GBytes) data = file_content (marker, n, &sha256);

            id = tandem_store_add_document (store, TANDEM_KIND_ACTIVITY, activity_id, name, "text/plain", data,
                                            NULL, TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error);
            if (id == 0)
              fail (error);
            ack ("file", id, marker, sha256);
          }
          break;
        case 6:
          {
            g_autofree char *sha256 = NULL;
            g_autofree char *name = g_strdup_printf ("crash-offer-%s.txt", marker);
            g_autoptr(GBytes) data = file_content (marker, n * 3, &sha256);

            id = tandem_store_add_document (store, TANDEM_KIND_COMPANY, company_id, name, "text/plain", data,
                                            NULL, TANDEM_VISIBILITY_EVERYONE, NULL, 0, &error);
            if (id == 0)
              fail (error);
            ack ("document", id, marker, sha256);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* What the app does first: open (migrating when needed), sign in, read. */
static void
check (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = open_signed_in (path);
  g_autoptr(GPtrArray) page = NULL;
  guint n;

  n = tandem_store_count (store, TANDEM_KIND_COMPANY, &error);
  if (error != NULL)
    fail (error);
  page = tandem_store_list_page (store, TANDEM_KIND_COMPANY, NULL, 0, 0, 10, &error);
  if (page == NULL)
    fail (error);
  printf ("OK %u companies, schema %u\n", n, tandem_store_get_schema_version ());
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  if (argc >= 3 && g_str_equal (argv[1], "init"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemStore) store = tandem_store_open (argv[2], &error);
      g_autoptr(TandemUser) admin = NULL;

      if (store == NULL)
        fail (error);
      admin = tandem_store_create_first_admin (store, ADMIN, "Crash Admin", PASSWORD, &error);
      if (admin == NULL)
        fail (error);
      return 0;
    }
  if (argc >= 4 && g_str_equal (argv[1], "run"))
    {
      run (argv[2], argv[3]);
      return 0;
    }
  if (argc >= 3 && g_str_equal (argv[1], "check"))
    {
      check (argv[2]);
      return 0;
    }
  g_printerr ("usage: crash-worker init|run|check DB [TAG]\n");
  return 2;
}
