/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bin the pipeline and projects pages use to fit a narrow window
 * (360 px): narrow below its threshold, wide again above it, and the
 * change told once the window has been laid out. */

#include "tandem-narrow-bin.h"
#include "ui-test-util.h"

static gboolean
is_narrow (gpointer data)
{
  return tandem_narrow_bin_get_narrow (data);
}

static gboolean
is_wide (gpointer data)
{
  return !tandem_narrow_bin_get_narrow (data);
}

static void
on_notify_narrow_cb (GObject    *object,
                     GParamSpec *pspec,
                     guint      *count)
{
  (*count)++;
}

static void
test_threshold (void)
{
  GtkWidget *window = gtk_window_new ();
  TandemNarrowBin *bin = TANDEM_NARROW_BIN (tandem_narrow_bin_new ());
  guint notified = 0;

  g_object_set (bin, "threshold", 600, NULL);
  g_assert_cmpint (tandem_narrow_bin_get_threshold (bin), ==, 600);
  adw_bin_set_child (ADW_BIN (bin), gtk_label_new ("Content"));
  g_signal_connect (bin, "notify::narrow", G_CALLBACK (on_notify_narrow_cb), &notified);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bin));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 400);
  gtk_window_present (GTK_WINDOW (window));

  /* Wide: nothing to tell. */
  ui_wait_for (is_narrow, bin, 500);
  g_assert_false (tandem_narrow_bin_get_narrow (bin));
  g_assert_cmpuint (notified, ==, 0);

  /* A phone-sized window. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 400);
  g_assert_true (ui_wait_for (is_narrow, bin, 2000));
  g_assert_cmpuint (notified, ==, 1);

  /* A lower threshold makes the same width wide. */
  tandem_narrow_bin_set_threshold (bin, 300);
  g_assert_true (ui_wait_for (is_wide, bin, 2000));
  g_assert_cmpuint (notified, ==, 2);

  /* And a higher one narrow again, without a new allocation. */
  tandem_narrow_bin_set_threshold (bin, 600);
  g_assert_true (ui_wait_for (is_narrow, bin, 2000));
  g_assert_cmpuint (notified, ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/narrow-bin/threshold", test_threshold);
  return g_test_run ();
}
