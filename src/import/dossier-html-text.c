/* dossier-html-text.c — the text of the page's nodes: its length and
 * commas, the text with white space collapsed, how alike two texts are,
 * and the final clean-up of the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-html-extract"

#include "config.h"

#include <string.h>

#include "dossier-html-private.h"

/* Characters */

static inline gboolean
is_space_char (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return c == 0xFEFF || g_unichar_isspace (c);
}

static inline gboolean
is_comma_char (gunichar c)
{
  return c == 0x002C || c == 0x060C || c == 0xFE50 || c == 0xFE10
         || c == 0xFE11 || c == 0x2E41 || c == 0x2E34 || c == 0x2E32
         || c == 0xFF0C;
}

/* Decodes the character at @p (not NUL) into @c and returns the next
 * position; a malformed sequence is one byte long and decodes to -1.
 * Never reads past a NUL. */
static inline const char *
utf8_step (const char *p,
           gunichar   *c)
{
  guchar b = (guchar) *p;
  int n, i;
  gunichar v;

  if (b < 0x80)
    {
      *c = b;
      return p + 1;
    }
  if (b >= 0xC2 && b <= 0xDF)
    n = 1, v = b & 0x1F;
  else if (b >= 0xE0 && b <= 0xEF)
    n = 2, v = b & 0x0F;
  else if (b >= 0xF0 && b <= 0xF4)
    n = 3, v = b & 0x07;
  else
    {
      *c = (gunichar) -1;
      return p + 1;
    }
  for (i = 1; i <= n; i++)
    {
      guchar cb = (guchar) p[i];

      if ((cb & 0xC0) != 0x80)
        {
          *c = (gunichar) -1;
          return p + 1;
        }
      v = (v << 6) | (cb & 0x3F);
    }
  if ((n == 2 && v < 0x800) || (n == 3 && (v < 0x10000 || v > 0x10FFFF))
      || (v >= 0xD800 && v <= 0xDFFF))
    {
      *c = (gunichar) -1;
      return p + 1;
    }
  *c = v;
  return p + n + 1;
}

/* Length, commas, blank text */

typedef struct
{
  gsize    length;       /* characters, trimmed, runs of white space as one */
  guint    commas;
  gboolean started;
  gboolean pending_space;
} TextCounter;

static void
count_text (TextCounter *tc,
            const char  *s)
{
  const guchar *p = (const guchar *) s;

  while (*p)
    {
      gunichar c;

      if (*p < 0x80)
        c = *p++;
      else
        p = (const guchar *) utf8_step ((const char *) p, &c);
      if (c == (gunichar) -1)
        continue;
      if (is_space_char (c))
        {
          if (tc->started)
            tc->pending_space = TRUE;
          continue;
        }
      if (tc->pending_space)
        {
          tc->length++;
          tc->pending_space = FALSE;
        }
      tc->started = TRUE;
      tc->length++;
      if (c == ',' || (c > 0x7f && is_comma_char (c)))
        tc->commas++;
    }
}

/* Length of the trimmed text content with runs of white space counted as
 * one character; @commas gets the number of commas. */
gsize
_dossier_html_inner_text_length (xmlNode *root,
                                 guint   *commas)
{
  TextCounter tc = { 0, 0, FALSE, FALSE };
  xmlNode *node;

  if (_dossier_html_is_text (root))
    count_text (&tc, (const char *) root->content);
  else
    for (node = root->children; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
      if (_dossier_html_is_text (node) && node->content != NULL)
        count_text (&tc, (const char *) node->content);
  if (commas != NULL)
    *commas = tc.commas;
  return tc.length;
}

gboolean
_dossier_html_has_text (xmlNode *root)
{
  xmlNode *node;

  for (node = root->children; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    {
      if (_dossier_html_is_text (node) && node->content != NULL)
        {
          TextCounter tc = { 0, 0, FALSE, FALSE };

          count_text (&tc, (const char *) node->content);
          if (tc.length > 0)
            return TRUE;
        }
    }
  return FALSE;
}

gboolean
_dossier_html_text_is_blank (const char *s)
{
  for (; s != NULL && *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

gboolean
_dossier_html_is_whitespace_node (const xmlNode *node)
{
  const char *p;

  if (_dossier_html_has_tag (node, "br"))
    return TRUE;
  if (!_dossier_html_is_text (node))
    return FALSE;
  for (p = (const char *) node->content; p != NULL && *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* White space collapsed */

/* Appends @s to @out with runs of white space as one space (none at the
 * start of @out); drops zero-width spaces, soft hyphens and bad bytes. */
void
_dossier_html_append_collapsed (GString    *out,
                                const char *s,
                                gboolean   *pending_space)
{
  const char *p = s;
  const char *run = NULL;   /* start of a run of ordinary characters */

  while (*p)
    {
      const char *q;
      gunichar c;
      gboolean ordinary;

      if ((guchar) *p < 0x80)
        {
          c = (guchar) *p;
          q = p + 1;
          ordinary = !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v');
        }
      else
        {
          q = utf8_step (p, &c);
          ordinary = !(c == (gunichar) -1 || c == 0x200B || c == 0x00AD || is_space_char (c));
        }
      if (ordinary)
        {
          if (run == NULL)
            {
              if (*pending_space && out->len > 0)
                g_string_append_c (out, ' ');
              *pending_space = FALSE;
              run = p;
            }
        }
      else
        {
          if (run != NULL)
            g_string_append_len (out, run, p - run);
          run = NULL;
          if (c != 0x200B && c != 0x00AD && c != (gunichar) -1)
            *pending_space = TRUE;
        }
      p = q;
    }
  if (run != NULL)
    g_string_append_len (out, run, p - run);
}

/* The text content, trimmed, white space collapsed. */
char *
_dossier_html_inner_text (xmlNode *root)
{
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE;
  xmlNode *node;

  if (root == NULL)
    return g_string_free (out, FALSE);
  if (_dossier_html_is_text (root))
    _dossier_html_append_collapsed (out, (const char *) root->content, &pending);
  else
    for (node = root->children; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
      if (_dossier_html_is_text (node) && node->content != NULL)
        _dossier_html_append_collapsed (out, (const char *) node->content, &pending);
  return g_string_free (out, FALSE);
}

char *
_dossier_html_collapse_string (const char *s)
{
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE;

  if (s != NULL)
    _dossier_html_append_collapsed (out, s, &pending);
  return g_string_free (out, FALSE);
}

/* Strings and words */

char *
_dossier_html_strip_dup (const char *s)
{
  return s ? g_strstrip (g_strdup (s)) : NULL;
}

gboolean
_dossier_html_contains_any (const char         *haystack,
                            const char * const *needles)
{
  for (; *needles != NULL; needles++)
    if (strstr (haystack, *needles) != NULL)
      return TRUE;
  return FALSE;
}

/* Title similarity: the share of @b's words (ASCII word characters) that
 * also appear in @a, measured in characters. */
static GPtrArray *
tokenize_words (const char *s)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = s;

  while (*p)
    {
      const char *start;

      while (*p && !(g_ascii_isalnum (*p) || *p == '_'))
        p++;
      start = p;
      while (*p && (g_ascii_isalnum (*p) || *p == '_'))
        p++;
      if (p > start)
        g_ptr_array_add (tokens, g_ascii_strdown (start, p - start));
    }
  return tokens;
}

double
_dossier_html_text_similarity (const char *a,
                               const char *b)
{
  g_autoptr(GPtrArray) ta = tokenize_words (a);
  g_autoptr(GPtrArray) tb = tokenize_words (b);
  gsize uniq_len = 0, total_len = 0;
  guint i, j, n_uniq = 0;

  if (ta->len == 0 || tb->len == 0)
    return 0;
  for (i = 0; i < tb->len; i++)
    {
      gboolean found = FALSE;

      for (j = 0; j < ta->len && !found; j++)
        found = strcmp (tb->pdata[i], ta->pdata[j]) == 0;
      total_len += strlen (tb->pdata[i]);
      if (!found)
        {
          uniq_len += strlen (tb->pdata[i]);
          n_uniq++;
        }
    }
  total_len += tb->len - 1;
  if (n_uniq > 0)
    uniq_len += n_uniq - 1;
  return 1.0 - (double) uniq_len / (double) total_len;
}

/* Final text clean-up: NFC, valid UTF-8 */

char *
_dossier_html_finish_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  const guchar *p;
  char *nfc;

  /* text below U+0300 (no byte from 0xCC up) is already in NFC */
  for (p = (const guchar *) valid; *p && *p < 0xCC; p++)
    ;
  if (*p == '\0')
    return g_steal_pointer (&valid);
  nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  return nfc ? nfc : g_steal_pointer (&valid);
}
