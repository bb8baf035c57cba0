/* dossier-text-lines.c — lines of plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Splits text into lines folded to single spaces, and the small tests on
 * a line the other rules build on: word counts, sentence ends, keys for
 * the marker tables.
 */
#define G_LOG_DOMAIN "dossier-text-extract"

#include "config.h"

#include <string.h>

#include "dossier-text-extract-private.h"

/* ------------------------------------------------------------------ */
/* Characters and words                                               */

static inline gboolean
is_odd_space (gunichar c)
{
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F
         || c == 0x205F || c == 0x3000 || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static inline gboolean
is_invisible (gunichar c)
{
  /* zero-width space, word joiner, BOM, soft hyphen */
  return c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0xAD;
}

/* Copies a line with every run of white space (ASCII or Unicode) made one
 * space, control and invisible characters dropped, trimmed. */
char *
_dossier_text_fold_line (const char *p,
                         gsize       len,
                         gsize      *out_len)
{
  char *out = g_malloc (len + 1);
  const char *end = p + len;
  gsize o = 0;
  gboolean pending = FALSE;

  while (p < end)
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          if (c <= ' ' || c == 0x7F)
            pending = c == ' ' || c == '\t' || c == '\v' || c == '\f' || pending;
          else
            {
              if (pending && o > 0)
                out[o++] = ' ';
              pending = FALSE;
              out[o++] = (char) c;
            }
          p++;
        }
      else
        {
          gunichar u = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);

          if (next > end)
            break;
          if (is_odd_space (u))
            pending = TRUE;
          else if (!is_invisible (u) && !(u >= 0x80 && u < 0xA0))
            {
              if (pending && o > 0)
                out[o++] = ' ';
              pending = FALSE;
              memcpy (out + o, p, next - p);
              o += next - p;
            }
          p = next;
        }
    }
  out[o] = '\0';
  *out_len = o;
  return out;
}

/* The last character of @s, skipping closing quotes and brackets. */
gunichar
_dossier_text_last_significant_char (const char *s,
                                     gsize       len)
{
  const char *p = s + len;

  while (p > s)
    {
      gunichar c;

      p = g_utf8_find_prev_char (s, p);
      if (p == NULL)
        return 0;
      c = g_utf8_get_char (p);
      if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019
          || c == 0xBB || c == '*' || c == '_')
        continue;
      return c;
    }
  return 0;
}

/* The final word ends in '.', but is it an abbreviation such as "U.S."? */
static gboolean
ends_with_abbreviation (const char *s,
                        gsize       len)
{
  const char *word;
  const char *dot;

  if (len < 2 || s[len - 1] != '.')
    return FALSE;
  word = g_strrstr_len (s, len, " ");
  word = word ? word + 1 : s;
  dot = memchr (word, '.', (s + len - 1) - word);
  if (dot != NULL)
    return TRUE;                              /* U.S. / a.m. */
  if ((s + len - 1) - word == 1 && g_ascii_isupper (word[0]))
    return TRUE;                              /* an initial: "George W." */
  return FALSE;
}

gboolean
_dossier_text_ends_like_sentence (const Line *l)
{
  gunichar c = _dossier_text_last_significant_char (l->text, l->len);

  if (!_dossier_text_is_terminal (c))
    return FALSE;
  if (c == '.' && l->text[l->len - 1] == '.' && ends_with_abbreviation (l->text, l->len))
    return FALSE;
  return TRUE;
}

/* More than one sentence: ". X" where the word before the stop is an
 * ordinary word (not "U.S", not an initial). */
gboolean
_dossier_text_has_two_sentences (const char *s)
{
  const char *p;

  for (p = strchr (s, ' '); p != NULL; p = strchr (p + 1, ' '))
    {
      const char *w;
      gsize wl;

      if (p - s < 3 || !(p[-1] == '.' || p[-1] == '!' || p[-1] == '?'))
        continue;
      if (!(g_ascii_isupper (p[1]) || p[1] == '"' || (guchar) p[1] >= 0x80))
        continue;
      w = p - 1;
      while (w > s && w[-1] != ' ')
        w--;
      wl = (p - 1) - w;
      if (wl >= 3 && memchr (w, '.', wl) == NULL && g_ascii_islower (p[-2]))
        return TRUE;
    }
  return FALSE;
}

/* A short lower-case key of a line without trailing punctuation, for
 * comparing with the marker tables.  Empty when the line is long. */
void
_dossier_text_line_key (const Line *l,
                        char       *buf,
                        gsize       size)
{
  gsize n = l->len;
  gsize i;

  buf[0] = '\0';
  while (n > 0 && strchr (" :.!?,;…", l->text[n - 1]) != NULL)
    n--;
  /* "…" is three bytes ending in 0xA6 */
  while (n >= 3 && memcmp (l->text + n - 3, "…", 3) == 0)
    n -= 3;
  if (n == 0 || n >= size)
    return;
  for (i = 0; i < n; i++)
    if ((guchar) l->text[i] >= 0x80)
      break;
  if (i == n)
    {
      for (i = 0; i < n; i++)
        buf[i] = g_ascii_tolower (l->text[i]);
      buf[n] = '\0';
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (l->text, n);

      g_strlcpy (buf, folded, size);
    }
}

/* ------------------------------------------------------------------ */
/* Lines                                                              */

static void
clear_line (gpointer data)
{
  Line *l = data;

  g_free (l->text);
}

void
_dossier_text_append_line (GArray     *lines,
                           const char *p,
                           gsize       len,
                           gboolean   *blank,
                           guint       heading,
                           gboolean    list_item,
                           gboolean    markdown)
{
  Line l = { 0, };
  g_autofree char *unlinked = NULL;

  l.text = _dossier_text_fold_line (p, len, &l.len);
  if (l.len == 0)
    {
      g_free (l.text);
      *blank = TRUE;
      return;
    }
  if (!markdown && (unlinked = _dossier_text_strip_links (l.text)) != NULL)
    {
      g_free (l.text);
      l.text = _dossier_text_fold_line (unlinked, strlen (unlinked), &l.len);
      if (l.len == 0)
        {
          g_free (l.text);
          return;
        }
    }
  if (!markdown && (l.text[0] == '-' || l.text[0] == '*' || strncmp (l.text, "•", 3) == 0)
      && l.text[l.len > 1 ? (l.text[0] == '-' || l.text[0] == '*' ? 1 : 3) : 0] == ' ')
    list_item = TRUE;
  l.words = _dossier_text_count_words (l.text);
  l.heading = heading;
  l.list_item = list_item;
  l.blank_before = *blank || lines->len == 0;
  l.keep = TRUE;
  *blank = FALSE;
  g_array_append_val (lines, l);
}

GArray *
_dossier_text_split_lines (const char *text,
                           gsize       len)
{
  GArray *lines = g_array_sized_new (FALSE, TRUE, sizeof (Line), 64);
  const char *p = text;
  const char *end = text + len;
  gboolean blank = TRUE;

  g_array_set_clear_func (lines, clear_line);
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl ? nl : end;
      const char *cr = memchr (p, '\r', stop - p);

      /* old Mac line ends */
      if (cr != NULL && cr + 1 < stop)
        stop = cr;
      _dossier_text_append_line (lines, p, stop - p, &blank, 0, FALSE, FALSE);
      p = stop + 1;
    }
  return lines;
}

/* ------------------------------------------------------------------ */
/* For other front ends (Markdown)                                    */

GArray *
_dossier_text_lines_new (void)
{
  GArray *lines = g_array_sized_new (FALSE, TRUE, sizeof (Line), 64);

  g_array_set_clear_func (lines, clear_line);
  return lines;
}

gboolean
_dossier_text_lines_append (GArray     *lines,
                            const char *text,
                            gsize       len,
                            gboolean   *blank,
                            guint       heading,
                            gboolean    list_item,
                            gboolean    soft_break)
{
  guint before = lines->len;
  gboolean after_blank = *blank;

  _dossier_text_append_line (lines, text, len, blank, heading, list_item, TRUE);
  if (lines->len == before)
    return FALSE;
  _dossier_text_line_at (lines, before)->soft_break = soft_break && !after_blank;
  return TRUE;
}
