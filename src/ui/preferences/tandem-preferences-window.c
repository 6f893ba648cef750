/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPreferencesWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-preferences-window.h"

struct _TandemPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  TandemStore *store;
};

G_DEFINE_FINAL_TYPE (TandemPreferencesWindow, tandem_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
tandem_preferences_window_dispose (GObject *object)
{
  g_clear_object (&TANDEM_PREFERENCES_WINDOW (object)->store);
  G_OBJECT_CLASS (tandem_preferences_window_parent_class)->dispose (object);
}

static void
tandem_preferences_window_class_init (TandemPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_preferences_window_dispose;
}

static void
tandem_preferences_window_init (TandemPreferencesWindow *self)
{
}

TandemPreferencesWindow *
tandem_preferences_window_new (GtkWindow   *parent,
                               TandemStore *store)
{
  TandemPreferencesWindow *self = g_object_new (TANDEM_TYPE_PREFERENCES_WINDOW,
                                                "transient-for", parent,
                                                "modal", TRUE,
                                                NULL);

  self->store = g_object_ref (store);
  return self;
}
