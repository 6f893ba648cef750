/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemSignInWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-sign-in-window.h"

struct _TandemSignInWindow
{
  AdwApplicationWindow parent_instance;

  TandemStore *store;
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemSignInWindow, tandem_sign_in_window, ADW_TYPE_APPLICATION_WINDOW)

static void
tandem_sign_in_window_dispose (GObject *object)
{
  g_clear_object (&TANDEM_SIGN_IN_WINDOW (object)->store);
  G_OBJECT_CLASS (tandem_sign_in_window_parent_class)->dispose (object);
}

static void
tandem_sign_in_window_class_init (TandemSignInWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_sign_in_window_dispose;

  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tandem_sign_in_window_init (TandemSignInWindow *self)
{
}

TandemSignInWindow *
tandem_sign_in_window_new (GtkApplication *application,
                           TandemStore    *store)
{
  TandemSignInWindow *self = g_object_new (TANDEM_TYPE_SIGN_IN_WINDOW, "application", application, NULL);

  self->store = g_object_ref (store);
  return self;
}
