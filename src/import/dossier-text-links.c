/* dossier-text-links.c — Markdown links left in plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text copied from a page often keeps its links as "[text](url)"; they
 * are reduced to their text, within a fixed budget of bytes per line.
 */
#define G_LOG_DOMAIN "dossier-text-extract"

#include "config.h"

#include <string.h>

#include "dossier-text-extract-private.h"

/* ------------------------------------------------------------------ */
/* Links                                                              */

/* Looking ahead for the end of a link, a tag or a code span may fail; every
 * line gets a budget of bytes to look at, so that no line of brackets costs
 * more than a few passes over it. */
#define SCAN_BUDGET(len) ((gssize) (len) * 4 + 65536)

/* A javascript:, vbscript: or data: URL (after any spaces or "<"; the
 * control characters and spaces a browser skips inside a scheme are
 * skipped too). */
static gboolean
is_unsafe_url (const char *p,
               const char *end)
{
  static const char * const schemes[] = { "javascript", "vbscript", "data" };
  char scheme[16];
  guint n = 0;
  guint i;

  while (p < end && ((guchar) *p <= ' ' || *p == '<'))
    p++;
  for (; p < end && *p != ':' && n < sizeof scheme - 1; p++)
    {
      if ((guchar) *p <= ' ')
        continue;
      if (!g_ascii_isalpha (*p))
        return FALSE;
      scheme[n++] = g_ascii_tolower (*p);
    }
  if (p >= end || *p != ':')
    return FALSE;
  scheme[n] = '\0';
  for (i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (strcmp (scheme, schemes[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The "]" that closes the link text opened by the "[" at @p: brackets
 * nest, a backslash escapes.  NULL when there is none. */
static const char *
link_text_end (const char *p,
               const char *end,
               gssize     *budget)
{
  const char *limit = end - p > 4096 ? p + 4096 : end;
  const char *q;
  guint depth = 0;

  for (q = p + 1; q < limit && --*budget > 0; q++)
    {
      if (*q == '\\' && q + 1 < limit)
        q++;
      else if (*q == '[')
        depth++;
      else if (*q == ']')
        {
          if (depth == 0)
            return q;
          depth--;
        }
    }
  return NULL;
}

/* The ")" that ends the destination (and title) opened by the "(" at @p:
 * "(<url with spaces>)", "(url_(with)_balanced_parentheses)",
 * "(url \"title\")".  NULL when the destination is never closed. */
static const char *
link_destination_end (const char *p,
                      const char *end,
                      gssize     *budget)
{
  const char *q = p + 1;
  guint depth = 0;

  while (q < end && (*q == ' ' || *q == '\t'))
    q++;
  if (q < end && *q == '<')
    {
      for (q++; q < end && *q != '>' && --*budget > 0; q++)
        {
          if (*q == '<')
            return NULL;
          if (*q == '\\' && q + 1 < end)
            q++;
        }
      if (q >= end || *q != '>')
        return NULL;
      q++;
    }
  else
    {
      for (; q < end && --*budget > 0; q++)
        {
          if (*q == '\\' && q + 1 < end)
            q++;
          else if ((guchar) *q <= ' ')
            break;
          else if (*q == '(')
            {
              if (++depth > 32)
                return NULL;
            }
          else if (*q == ')')
            {
              if (depth == 0)
                break;
              depth--;
            }
        }
    }
  while (q < end && (*q == ' ' || *q == '\t'))
    q++;
  if (q < end && (*q == '"' || *q == '\'' || *q == '('))
    {
      char closing = *q == '(' ? ')' : *q;
      const char *limit = end - q > 4096 ? q + 4096 : end;

      for (q++; q < limit && *q != closing && --*budget > 0; q++)
        if (*q == '\\' && q + 1 < limit)
          q++;
      if (q >= limit || *q != closing)
        return NULL;
      q++;
      while (q < end && (*q == ' ' || *q == '\t'))
        q++;
    }
  if (q < end && *q == ')' && *budget > 0)
    return q;
  return NULL;
}

/* After a destination that was never closed: up to the next space. */
static const char *
skip_to_space (const char *p,
               const char *end)
{
  while (p < end && (guchar) *p > ' ')
    p++;
  return p;
}

/* Plain text copied from a page often keeps Markdown links: "[text](#)". */
char *
_dossier_text_strip_links (const char *s)
{
  GString *out;
  const char *p;
  const char *end;
  gssize budget;

  if (strstr (s, "](") == NULL)
    return NULL;
  end = s + strlen (s);
  budget = SCAN_BUDGET (end - s);
  out = g_string_sized_new (end - s);
  for (p = s; p < end; p++)
    {
      if (*p == '[')
        {
          const char *close = link_text_end (p, end, &budget);

          if (close && close + 1 < end && close[1] == '('
              && memchr (p + 1, '[', close - p - 1) == NULL)
            {
              const char *stop = link_destination_end (close + 1, end, &budget);
              gboolean image = p > s && p[-1] == '!';

              if (stop == NULL && is_unsafe_url (close + 2, end))
                stop = skip_to_space (close + 2, end) - 1;
              if (stop != NULL)
                {
                  if (image)
                    g_string_truncate (out, out->len - 1);
                  else
                    g_string_append_len (out, p + 1, close - p - 1);
                  p = stop;
                  continue;
                }
            }
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}
