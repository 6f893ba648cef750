/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the UI tests: a fresh database per test with a signed-in
 * administrator, and helpers that run the main loop until the UI has done
 * what a user would wait for. */

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tandem-store.h"

typedef struct
{
  char        *dir;
  TandemStore *store;
} UiFixture;

static inline void
ui_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until @done returns TRUE, for at most @ms. */
static inline gboolean
ui_wait_for (gboolean (*done) (gpointer),
             gpointer  data,
             guint     ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      ui_iterate ();
      if (done (data))
        return TRUE;
      g_usleep (5000);
    }
  ui_iterate ();
  return done (data);
}

static inline void
ui_fixture_set_up (UiFixture     *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemUser) admin = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("tandem-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = tandem_store_open (path, &error);
  g_assert_no_error (error);
  admin = tandem_store_create_first_admin (fixture->store, "admin", "Anna Admin", "admin-password-1", &error);
  g_assert_no_error (error);
  if (tandem_store_get_user (fixture->store) == NULL)
    {
      tandem_store_sign_in (fixture->store, "admin", "admin-password-1", &error);
      g_assert_no_error (error);
    }
}

static inline void
ui_destroy_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
      ui_iterate ();
    }
}

static inline void
ui_fixture_tear_down (UiFixture     *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  ui_destroy_toplevels ();
  g_clear_object (&fixture->store);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The first toplevel of @type, or NULL. */
static inline GtkWidget *
ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* Does any label under @widget show @needle in its text or markup? */
static inline GtkLabel *
ui_find_label (GtkWidget  *widget,
               const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), needle))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = ui_find_label (child, needle);

      if (found)
        return found;
    }
  return NULL;
}
