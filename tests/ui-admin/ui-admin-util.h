/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tandem-store.h"

/* Each test gets a new database in its own temporary folder. */
typedef struct
{
  char        *dir;
  TandemStore *store;
} Fixture;

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("tandem-ui-admin-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "tandem.db", NULL);
  fixture->store = tandem_store_open (path, &error);
  g_assert_no_error (error);
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Lets GTK and the store's idle handlers run, as between two clicks. */
static inline void
run_main_loop (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

static inline void
click (gpointer button)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  run_main_loop ();
}

static inline void
type_text (gpointer    editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  run_main_loop ();
}

static inline void
destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  run_main_loop ();
}

/* GTK needs a display; without one (no Xvfb) the tests are skipped. */
static inline gboolean
init_display (int    *argc,
              char ***argv)
{
  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    return FALSE;
  adw_init ();
  return TRUE;
}
