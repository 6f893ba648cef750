/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The headers of an e-mail kept as a document (SPEC G1): Subject, From and
 * Date of an RFC 5322 message, unfolded and with RFC 2047 encoded words
 * (=?UTF-8?B?…?=, =?ISO-8859-1?Q?…?=, …) decoded to UTF-8. */
typedef struct
{
  char *subject;  /* NULL when missing */
  char *sender;   /* the From header as written, decoded; NULL when missing */
  char *date;     /* ISO 8601 UTC "2026-11-23T08:15:00Z"; NULL when missing or unreadable */
} TandemEmailHeader;

/* TRUE for message/rfc822 or a file name ending in .eml (any case). */
gboolean           tandem_email_is_message       (const char        *file_name,
                                                  const char        *content_type);
/* Reads the header of @data (the message's bytes). Never fails: what
 * cannot be read is left NULL, text in an unknown charset or broken
 * encoding is kept as valid UTF-8 with replacement characters. */
TandemEmailHeader *tandem_email_header_parse     (const char        *data,
                                                  gsize              length);
void               tandem_email_header_free      (TandemEmailHeader *header);
/* One header value's RFC 2047 encoded words decoded, the rest kept;
 * the result is valid UTF-8. */
char              *tandem_email_decode_words     (const char        *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemEmailHeader, tandem_email_header_free)

G_END_DECLS
