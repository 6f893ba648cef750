/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-store.h"
#include "tandem-label-template.h"

G_BEGIN_DECLS

/* Custom label sheet templates (SPEC I4), shared by everyone, in name
 * order; the shipped sheets come from tandem_label_template_list_builtin. */
GPtrArray           *tandem_store_list_label_templates  (TandemStore          *self,
                                                         GError              **error);
TandemLabelTemplate *tandem_store_get_label_template    (TandemStore          *self,
                                                         gint64                id,
                                                         GError              **error);
/* A shipped or custom template by its id ("a4-3x7-63.5x38.1",
 * "custom-3"), a shipped sheet's product code ("L7160"), or a custom
 * template's name, without regard to case. */
TandemLabelTemplate *tandem_store_find_label_template   (TandemStore          *self,
                                                         const char           *id_or_name,
                                                         GError              **error);
/* Adds (custom id 0) or updates a custom template after checking that its
 * labels fit the page and that no other template has its name; any user
 * may add one, its author or an administrator change or delete it.
 * Returns the template's custom id, and sets it; 0 with @error set. */
gint64               tandem_store_save_label_template   (TandemStore          *self,
                                                         TandemLabelTemplate  *template,
                                                         GError              **error);
gboolean             tandem_store_delete_label_template (TandemStore          *self,
                                                         gint64                id,
                                                         GError              **error);

/* The organisation's own country (alpha-2), whose addresses need no
 * country line: the one saved, else the country of the user's locale,
 * else "FI". */
char                *tandem_store_get_home_country      (TandemStore          *self,
                                                         GError              **error);
/* Administrators only; @country as users type it ("PL", "Polska",
 * "Finland"), refused when it names no known country. */
gboolean             tandem_store_set_home_country      (TandemStore          *self,
                                                         const char           *country,
                                                         GError              **error);

G_END_DECLS
