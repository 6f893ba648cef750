/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemEmailHeader"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tandem-email-header.h"

/* No header section is this long; a file without a blank line early on is
 * read only this far. */
#define MAX_HEADER_LENGTH (256 * 1024)

/* Bytes that may not be UTF-8: as UTF-8 when they are, else as Windows-1252
 * (the usual superset of ISO-8859-1 that mail programs write). */
static char *
bytes_to_utf8 (const char *bytes,
               gsize       length,
               const char *charset)
{
  char *converted = NULL;

  if (charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") != 0 &&
      g_ascii_strcasecmp (charset, "US-ASCII") != 0)
    {
      converted = g_convert (bytes, length, "UTF-8", charset, NULL, NULL, NULL);
      /* ISO-8859-1 mail is, in practice, often Windows-1252. */
      if (converted == NULL && g_ascii_strcasecmp (charset, "ISO-8859-1") == 0)
        converted = g_convert (bytes, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      if (converted != NULL)
        return converted;
    }

  if (g_utf8_validate (bytes, length, NULL))
    return g_strndup (bytes, length);
  if (charset == NULL)
    {
      converted = g_convert (bytes, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      if (converted == NULL)
        converted = g_convert (bytes, length, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
      if (converted != NULL)
        return converted;
    }
  return g_utf8_make_valid (bytes, length);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

/* Decodes the text of one encoded word into @out; FALSE when the
 * encoding is neither B nor Q. */
static gboolean
decode_word_text (char        encoding,
                  const char *text,
                  gsize       length,
                  GString    *out)
{
  if (encoding == 'B' || encoding == 'b')
    {
      g_autofree char *copy = g_strndup (text, length);
      gint state = 0;
      guint save = 0;
      gsize n;
      g_autofree guchar *decoded = g_malloc (length * 3 / 4 + 4);

      n = g_base64_decode_step (copy, length, decoded, &state, &save);
      g_string_append_len (out, (const char *) decoded, n);
      return TRUE;
    }
  if (encoding == 'Q' || encoding == 'q')
    {
      for (gsize i = 0; i < length; i++)
        {
          if (text[i] == '_')
            g_string_append_c (out, ' ');
          else if (text[i] == '=' && i + 2 < length &&
                   hex_value (text[i + 1]) >= 0 && hex_value (text[i + 2]) >= 0)
            {
              g_string_append_c (out, (char) (hex_value (text[i + 1]) * 16 + hex_value (text[i + 2])));
              i += 2;
            }
          else
            g_string_append_c (out, text[i]);
        }
      return TRUE;
    }
  return FALSE;
}

/* Finds an encoded word "=?charset?X?text?=" at @p. On success sets its
 * parts and returns the position after it. */
static const char *
match_encoded_word (const char  *p,
                    char       **charset,
                    char        *encoding,
                    const char **text,
                    gsize       *text_length)
{
  const char *cs, *q, *end;

  if (p[0] != '=' || p[1] != '?')
    return NULL;
  cs = p + 2;
  q = strchr (cs, '?');
  if (q == NULL || q == cs || q[1] == '\0' || q[2] != '?')
    return NULL;
  for (const char *c = cs; c < q; c++)
    if (*c == ' ' || *c == '\t')
      return NULL;
  end = strstr (q + 3, "?=");
  if (end == NULL)
    return NULL;
  for (const char *c = q + 3; c < end; c++)
    if (*c == ' ' || *c == '\t')
      return NULL;

  *charset = g_strndup (cs, q - cs);
  /* RFC 2231: "UTF-8*fi" names a language too. */
  if (strchr (*charset, '*') != NULL)
    *strchr (*charset, '*') = '\0';
  *encoding = q[1];
  *text = q + 3;
  *text_length = end - (q + 3);
  return end + 2;
}

char *
tandem_email_decode_words (const char *value)
{
  g_autoptr(GString) result = g_string_new (NULL);
  g_autoptr(GString) pending = g_string_new (NULL);  /* decoded bytes of adjacent words */
  g_autofree char *pending_charset = NULL;
  const char *p;

  if (value == NULL)
    return NULL;

  p = value;
  while (*p != '\0')
    {
      g_autofree char *charset = NULL;
      const char *text = NULL;
      gsize text_length = 0;
      char encoding = 0;
      const char *after = match_encoded_word (p, &charset, &encoding, &text, &text_length);

      if (after != NULL)
        {
          g_autoptr(GString) decoded = g_string_new (NULL);

          if (decode_word_text (encoding, text, text_length, decoded))
            {
              /* Adjacent words in one charset are decoded together, so
               * that a character split between two words survives. */
              if (pending->len > 0 && g_ascii_strcasecmp (pending_charset, charset) != 0)
                {
                  g_autofree char *utf8 = bytes_to_utf8 (pending->str, pending->len, pending_charset);

                  g_string_append (result, utf8);
                  g_string_truncate (pending, 0);
                }
              g_free (pending_charset);
              pending_charset = g_steal_pointer (&charset);
              g_string_append_len (pending, decoded->str, decoded->len);

              /* White space between two encoded words is not text. */
              {
                const char *next = after;

                while (*next == ' ' || *next == '\t')
                  next++;
                if (next != after && next[0] == '=' && next[1] == '?')
                  {
                    g_autofree char *cs2 = NULL;
                    const char *t2;
                    gsize l2;
                    char e2;

                    if (match_encoded_word (next, &cs2, &e2, &t2, &l2) != NULL)
                      after = next;
                  }
              }
              p = after;
              continue;
            }
        }

      if (pending->len > 0)
        {
          g_autofree char *utf8 = bytes_to_utf8 (pending->str, pending->len, pending_charset);

          g_string_append (result, utf8);
          g_string_truncate (pending, 0);
        }
      g_string_append_c (result, *p);
      p++;
    }

  if (pending->len > 0)
    {
      g_autofree char *utf8 = bytes_to_utf8 (pending->str, pending->len, pending_charset);

      g_string_append (result, utf8);
    }

  if (!g_utf8_validate (result->str, result->len, NULL))
    return g_utf8_make_valid (result->str, result->len);
  return g_string_free (g_steal_pointer (&result), FALSE);
}

gboolean
tandem_email_is_message (const char *file_name,
                         const char *content_type)
{
  if (content_type != NULL && g_ascii_strcasecmp (content_type, "message/rfc822") == 0)
    return TRUE;
  return file_name != NULL && strlen (file_name) > 4 &&
         g_ascii_strcasecmp (file_name + strlen (file_name) - 4, ".eml") == 0;
}

/* RFC 5322 date-time (with the obsolete forms still in use):
 * "[Mon,] 23 Nov 2026 10:15[:00] +0200 (EET)"; zones also as GMT, UT, EST
 * and the like. */
static char *
parse_date (const char *value)
{
  static const char * const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec" };
  static const struct { const char *name; int minutes; } zones[] = {
    { "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 },
    { "EST", -300 }, { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 },
    { "MST", -420 }, { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 },
  };
  g_autofree char *copy = NULL;
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  int day, month = -1, year, hour, minute, second = 0;
  int offset = 0;
  guint i = 0;
  char *comment;

  if (value == NULL)
    return NULL;
  copy = g_strdup (value);
  /* Drop comments "(EET)" and the day of the week. */
  while ((comment = strchr (copy, '(')) != NULL)
    {
      char *close = strchr (comment, ')');

      if (close == NULL)
        *comment = '\0';
      else
        memmove (comment, close + 1, strlen (close + 1) + 1);
    }
  if (strchr (copy, ',') != NULL)
    {
      char *after = strchr (copy, ',') + 1;

      memmove (copy, after, strlen (after) + 1);
    }
  tokens = g_strsplit_set (copy, " \t", -1);
  for (guint j = 0; tokens[j] != NULL; j++)
    if (tokens[j][0] != '\0')
      g_ptr_array_add (words, tokens[j]);
  if (words->len < 4)
    return NULL;

  day = atoi (g_ptr_array_index (words, i));
  if (day < 1 || day > 31)
    return NULL;
  i++;
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    if (g_ascii_strncasecmp (g_ptr_array_index (words, i), months[m], 3) == 0)
      month = m + 1;
  if (month < 0)
    return NULL;
  i++;
  year = atoi (g_ptr_array_index (words, i));
  /* Two- and three-digit years (RFC 5322 4.3) */
  if (year < 50 && strlen (g_ptr_array_index (words, i)) <= 2)
    year += 2000;
  else if (year < 1000)
    year += 1900;
  i++;
  if (sscanf (g_ptr_array_index (words, i), "%d:%d:%d", &hour, &minute, &second) < 2)
    return NULL;
  i++;
  if (i < words->len)
    {
      const char *zone = g_ptr_array_index (words, i);

      if ((zone[0] == '+' || zone[0] == '-') && strlen (zone) == 5 &&
          g_ascii_isdigit (zone[1]) && g_ascii_isdigit (zone[2]) &&
          g_ascii_isdigit (zone[3]) && g_ascii_isdigit (zone[4]))
        {
          int hh = (zone[1] - '0') * 10 + (zone[2] - '0');
          int mm = (zone[3] - '0') * 10 + (zone[4] - '0');

          offset = (hh * 60 + mm) * (zone[0] == '-' ? -1 : 1);
        }
      else
        for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
          if (g_ascii_strcasecmp (zone, zones[z].name) == 0)
            offset = zones[z].minutes;
    }

  if (!g_date_valid_dmy (day, month, year) || hour > 23 || minute > 59 || second > 60)
    return NULL;
  if (second == 60)
    second = 59;
  tz = g_time_zone_new_offset (offset * 60);
  local = g_date_time_new (tz, year, month, day, hour, minute, second);
  if (local == NULL)
    return NULL;
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
clean_value (GString *raw)
{
  g_autofree char *text = NULL;
  char *decoded;

  /* Header bytes outside ASCII are UTF-8 (RFC 6532) or, in older mail,
   * Latin-1. */
  text = bytes_to_utf8 (raw->str, raw->len, NULL);
  decoded = tandem_email_decode_words (text);
  g_strstrip (decoded);
  if (decoded[0] == '\0')
    {
      g_free (decoded);
      return NULL;
    }
  return decoded;
}

TandemEmailHeader *
tandem_email_header_parse (const char *data,
                           gsize       length)
{
  TandemEmailHeader *header = g_new0 (TandemEmailHeader, 1);
  g_autoptr(GString) subject = NULL;
  g_autoptr(GString) from = NULL;
  g_autoptr(GString) date = NULL;
  GString *current = NULL;
  gsize pos = 0;

  if (data == NULL)
    return header;
  length = MIN (length, MAX_HEADER_LENGTH);

  /* Skip a leading "From " line of an mbox export. */
  if (length >= 5 && memcmp (data, "From ", 5) == 0)
    {
      while (pos < length && data[pos] != '\n')
        pos++;
      pos++;
    }

  while (pos < length)
    {
      gsize start = pos, end;

      while (pos < length && data[pos] != '\n')
        pos++;
      end = pos;
      pos++;
      if (end > start && data[end - 1] == '\r')
        end--;
      /* A blank line ends the header section. */
      if (end == start)
        break;

      if (data[start] == ' ' || data[start] == '\t')
        {
          /* Folded: the line continues the field before it. */
          if (current != NULL)
            {
              g_string_append_c (current, ' ');
              while (start < end && (data[start] == ' ' || data[start] == '\t'))
                start++;
              g_string_append_len (current, data + start, end - start);
            }
          continue;
        }

      current = NULL;
      {
        const char *line = data + start;
        gsize line_length = end - start;
        const char *colon = memchr (line, ':', line_length);
        gsize name_length, value_start;
        GString **slot = NULL;

        if (colon == NULL)
          continue;
        name_length = colon - line;
        while (name_length > 0 && (line[name_length - 1] == ' ' || line[name_length - 1] == '\t'))
          name_length--;
        if (name_length == 7 && g_ascii_strncasecmp (line, "subject", 7) == 0)
          slot = &subject;
        else if (name_length == 4 && g_ascii_strncasecmp (line, "from", 4) == 0)
          slot = &from;
        else if (name_length == 4 && g_ascii_strncasecmp (line, "date", 4) == 0)
          slot = &date;
        if (slot == NULL || *slot != NULL)
          continue;
        value_start = colon - line + 1;
        *slot = g_string_new_len (line + value_start, line_length - value_start);
        current = *slot;
      }
    }

  /* Embedded NUL bytes end a value rather than break it. */
  if (subject != NULL)
    header->subject = clean_value (subject);
  if (from != NULL)
    header->sender = clean_value (from);
  if (date != NULL)
    {
      g_autofree char *text = clean_value (date);

      header->date = parse_date (text);
    }
  return header;
}

void
tandem_email_header_free (TandemEmailHeader *header)
{
  if (header == NULL)
    return;
  g_free (header->subject);
  g_free (header->sender);
  g_free (header->date);
  g_free (header);
}
