/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_APPLICATION (tandem_application_get_type ())

/* Opens the database, signs the user in and keeps the session until sign-out
 * or quit (SPEC A1). `--db FILE` opens another database than the default. */
G_DECLARE_FINAL_TYPE (TandemApplication, tandem_application, TANDEM, APPLICATION, AdwApplication)

TandemApplication *tandem_application_new (void);

G_END_DECLS
