/* dossier-quotes-text.c — quote marks paired, and the text read into tokens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Quote marks are paired paragraph by paragraph: a quote left open
 * continues when the next paragraph opens with a mark again, and an
 * opening mark without its closing one in reach is skipped, remembered
 * for the rest of its paragraph so that the work stays linear.
 */
#define G_LOG_DOMAIN "dossier-quotes"

#include "config.h"

#include <string.h>

#include "dossier-quotes-private.h"

/* Quote marks */

static gunichar
char_at (Ctx   *ctx,
         gsize  pos,
         gsize *next)
{
  gunichar c = g_utf8_get_char_validated (ctx->text + pos, ctx->len - pos);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *next = pos + 1;
      return 0xFFFD;
    }
  *next = pos + g_unichar_to_utf8 (c, NULL);
  return c;
}

static int
opener_style (gunichar c)
{
  switch (c)
    {
    case '"': return 0;
    case 0x201C: return 1;
    case 0x201E: return 2;
    case 0x00AB: return 3;
    default: return -1;
    }
}

static gboolean
closes (int      style,
        gunichar c)
{
  switch (style)
    {
    case 0: return c == '"' || c == 0x201D;
    case 1: return c == 0x201D || c == '"';
    case 2: return c == 0x201C || c == 0x201D;
    case 3: return c == 0x00BB;
    default: return FALSE;
    }
}

static gboolean
continues_style (int      style,
                 gunichar c)
{
  int other = opener_style (c);

  return other == style || (other >= 0 && style <= 1 && other <= 1);
}

/* Where the paragraph holding @pos ends. */
gsize
_dossier_quotes_paragraph_end (Ctx  *ctx,
               gsize pos)
{
  const char *nl = memchr (ctx->text + pos, '\n', ctx->len - pos);

  return nl != NULL ? (gsize) (nl - ctx->text) : ctx->len;
}

static gboolean
straight_may_open (Ctx  *ctx,
                   gsize pos)
{
  const char *prev;
  gunichar c;

  if (pos == 0)
    return TRUE;
  prev = g_utf8_find_prev_char (ctx->text, ctx->text + pos);
  if (prev == NULL)
    return TRUE;
  c = g_utf8_get_char_validated (prev, pos - (prev - ctx->text));
  return c == (gunichar) -1 || c == (gunichar) -2 || g_unichar_isspace (c) ||
         strchr ("([{/-", (int) c) != NULL || c == 0x2014 || c == 0x2013 ||
         c == 0x00A0 || opener_style (c) >= 0;
}

/* An opening mark typed where a closing one belongs ('the “very
 * beautiful“ actress'): right after a word, before a space or the end. */
static gboolean
typed_as_opener (Ctx  *ctx,
                 gsize pos,
                 gsize next)
{
  char before = pos > 0 ? ctx->text[pos - 1] : ' ';
  char after = next < ctx->len ? ctx->text[next] : ' ';

  return (g_ascii_isalnum (before) || strchr (".,!?", before) != NULL) &&
         (g_ascii_isspace (after) || strchr (".,;:", after) != NULL);
}

void
_dossier_quotes_find_spans (Ctx    *ctx,
            GArray *spans)
{
  gsize failed_until[4] = { 0, 0, 0, 0 };
  gboolean failed[4] = { FALSE, FALSE, FALSE, FALSE };
  gsize pos = 0;

  while (pos < ctx->len && spans->len < MAX_QUOTES)
    {
      gsize next, q;
      gunichar c = char_at (ctx, pos, &next);
      int style = opener_style (c);
      gboolean found = FALSE;

      if (style < 0 || (style == 0 && !straight_may_open (ctx, pos)) ||
          (failed[style] && pos < failed_until[style]))
        {
          pos = next;
          continue;
        }
      q = next;
      while (q < ctx->len && q - pos < MAX_QUOTE_BYTES)
        {
          gsize qn;
          gunichar d = char_at (ctx, q, &qn);

          if (d == '\n')
            {
              gsize r = qn, rn;
              gunichar e = 0;

              while (r < ctx->len)
                {
                  e = char_at (ctx, r, &rn);
                  if (!g_unichar_isspace (e))
                    break;
                  r = rn;
                }
              if (r < ctx->len && continues_style (style, e))
                {
                  q = rn;
                  continue;
                }
              break;
            }
          if (closes (style, d) || (style == 1 && d == 0x201C && typed_as_opener (ctx, q, qn)))
            {
              Span s = { pos, next, q, qn, G_MAXUINT, 0 };

              g_array_append_val (spans, s);
              pos = qn;
              found = TRUE;
              break;
            }
          q = qn;
        }
      if (!found)
        {
          failed[style] = TRUE;
          failed_until[style] = _dossier_quotes_paragraph_end (ctx, pos);
          pos = next;
        }
    }
}

/* Tokens */

gboolean
dossier_quotes_is_abbreviation (const char *word,
                                gsize       len)
{
  static const char *const abbrevs[] = {
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov",
    "Lt", "Col", "Capt", "Prof", "Rev", "Adm", "Sgt", "Corp", "Inc", "No",
    "Vs", "vs", "Mt", "Ft", "Messrs", NULL
  };

  if (len == 1 && g_ascii_isupper (word[0]))
    return TRUE;
  if (memchr (word, '.', len) != NULL)
    return TRUE;
  for (guint i = 0; abbrevs[i] != NULL; i++)
    if (strlen (abbrevs[i]) == len && memcmp (abbrevs[i], word, len) == 0)
      return TRUE;
  return FALSE;
}

/* "Oct. 29": a month's short name before a day ends no sentence. */
static gboolean
is_month_before_day (Ctx  *ctx,
                     gsize pos,
                     gsize end)
{
  static const char *const months[] = {
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", NULL
  };

  if (end + 2 >= ctx->len || ctx->text[end + 1] != ' ' || !g_ascii_isdigit (ctx->text[end + 2]))
    return FALSE;
  for (guint i = 0; months[i] != NULL; i++)
    if (strlen (months[i]) == end - pos && memcmp (months[i], ctx->text + pos, end - pos) == 0)
      return TRUE;
  return FALSE;
}

static void
add_tok (Ctx    *ctx,
         TokKind kind,
         gsize   start,
         gsize   end)
{
  Tok t = { (guint32) start, (guint32) end, kind, 0, 0, 0, NULL, -1 };

  if (ctx->toks->len >= MAX_TOKENS)
    return;
  if (kind == T_WORD)
    {
      gsize wlen = end - start;
      g_autofree char *lower = NULL;
      gunichar first = g_utf8_get_char_validated (ctx->text + start, wlen);

      t.cap = first != (gunichar) -1 && first != (gunichar) -2 && g_unichar_isupper (first);
      if (wlen > 2 && ctx->text[end - 1] == 's' && ctx->text[end - 2] == '\'')
        {
          t.possessive = 1;
          wlen -= 2;
        }
      else if (wlen > 4 && ctx->text[end - 1] == 's' &&
               memcmp (ctx->text + end - 4, "’", 3) == 0)
        {
          t.possessive = 1;
          wlen -= 4;
        }
      /* "Employers’ Association": kept inside the name */
      else if (wlen > 3 && memcmp (ctx->text + end - 3, "’", 3) == 0)
        {
          t.possessive = 2;
          wlen -= 3;
        }
      else if (wlen > 2 && ctx->text[end - 1] == '\'')
        {
          t.possessive = 2;
          wlen -= 1;
        }
      lower = g_utf8_strdown (ctx->text + start, wlen);
      t.lower = g_string_chunk_insert_const (ctx->words, lower);
    }
  else if (ctx->toks->len > 0 && kind == T_PARA &&
           _dossier_quotes_tok_at (ctx, ctx->toks->len - 1)->kind == T_PARA)
    return;
  g_array_append_val (ctx->toks, t);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The mark of a plural's possessive inside an organisation's name
 * ("Colleges Employers’ Association") at @end, after a word ending in
 * s: its length in bytes, else 0. */
static gsize
plural_possessive (Ctx  *ctx,
                   gsize end)
{
  gsize mark, after, word_end;
  gunichar c;
  g_autofree char *word = NULL;

  if (end < 2 || end >= ctx->len || ctx->text[end - 1] != 's')
    return 0;
  c = char_at (ctx, end, &mark);
  if ((c != '\'' && c != 0x2019) || mark >= ctx->len || ctx->text[mark] != ' ')
    return 0;
  after = mark + 1;
  if (after >= ctx->len || !g_ascii_isupper (ctx->text[after]))
    return 0;
  for (word_end = after; word_end < ctx->len && word_end - after < 32 && g_ascii_isalpha (ctx->text[word_end]); word_end++)
    ;
  word = g_ascii_strdown (ctx->text + after, word_end - after);
  return _dossier_quotes_is_org_word (word) ? mark - end : 0;
}

void
_dossier_quotes_tokenize (Ctx *ctx)
{
  gsize pos = 0;

  while (pos < ctx->len && ctx->toks->len < MAX_TOKENS)
    {
      gsize next;
      gunichar c = char_at (ctx, pos, &next);

      if (c == '\n')
        add_tok (ctx, T_PARA, pos, next);
      else if (g_unichar_isspace (c) || c == 0x00A0)
        ;
      else if (opener_style (c) >= 0 || closes (0, c) || closes (1, c) ||
               closes (2, c) || closes (3, c))
        add_tok (ctx, T_QUOTE, pos, next);
      else if (is_word_char (c))
        {
          gsize end = next;

          for (;;)
            {
              gsize n1, n2;
              gunichar d, e;

              if (end >= ctx->len)
                break;
              d = char_at (ctx, end, &n1);
              if (is_word_char (d))
                {
                  end = n1;
                  continue;
                }
              if ((d == '-' || d == '\'' || d == 0x2019 || d == '.') && n1 < ctx->len)
                {
                  e = char_at (ctx, n1, &n2);
                  if (is_word_char (e))
                    {
                      end = n2;
                      continue;
                    }
                }
              break;
            }
          if (end < ctx->len && ctx->text[end] == '.' &&
              (dossier_quotes_is_abbreviation (ctx->text + pos, end - pos) ||
               is_month_before_day (ctx, pos, end) ||
               (end + 1 < ctx->len && ctx->text[end + 1] == ',')))
            end++;
          end += plural_possessive (ctx, end);
          add_tok (ctx, T_WORD, pos, end);
          next = end;
        }
      else if (c == ',' || c == ';')
        add_tok (ctx, T_COMMA, pos, next);
      else if (c == ':')
        add_tok (ctx, T_COLON, pos, next);
      else if (c == '.' || c == '!' || c == '?' || c == 0x2026)
        add_tok (ctx, T_STOP, pos, next);
      else
        add_tok (ctx, T_OTHER, pos, next);
      pos = next;
    }
}
