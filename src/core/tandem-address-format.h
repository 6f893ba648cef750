/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tandem-postal-address.h"

G_BEGIN_DECLS

/* The ISO 3166 alpha-2 code of a country as users type it: a code ("FI",
 * "FIN", "UK"), or its name in English, Finnish, Swedish, German, Polish
 * or its own language ("Suomi", "Polska", "Deutschland"), in any case and
 * with or without accents. NULL when the text names no known country. */
char       *tandem_country_code_from_text   (const char                *text);
/* The country's name for the last line of an address abroad, in English
 * capitals ("FINLAND", "UNITED KINGDOM"); NULL for an unknown code. */
const char *tandem_country_postal_name      (const char                *code);
/* The countries Tandem knows, as alpha-2 codes (NULL-terminated, owned by
 * Tandem), for a chooser; and a country's name in English as ISO 3166
 * gives it ("Finland", "United Kingdom"), NULL for an unknown code. */
const char * const *tandem_country_list_codes (void);
const char *tandem_country_english_name     (const char                *code);

/* The lines of @address as its country's post wants them on an envelope
 * or label (SPEC I4): the order of addressee and contact person, street,
 * the form of the postcode and where it goes, the city in capitals where
 * that is the rule, and a country line only when the address is abroad
 * relative to @home_country_code (an alpha-2 code; an address without a
 * country is taken to be at home). Empty parts leave no blank lines. */
GStrv       tandem_address_format_lines     (const TandemPostalAddress *address,
                                             const char                *home_country_code);

G_END_DECLS
