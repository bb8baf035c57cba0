/* dossier-text-extract.c — articles from plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A saved news page as plain text is a column of lines: banners and
 * appeals, the headline, a header (byline, dateline, source, a photo
 * caption), the article's paragraphs, then trailers (related links, the
 * original URL, a donation appeal, "Read more").  The extractor classifies
 * lines with small, general rules rather than per-site patterns.
 */
#define G_LOG_DOMAIN "dossier-text-extract"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dossier-text-extract.h"
#include "dossier-text-extract-private.h"
#include "dossier-extract.h"

/* How far down the title may be, in lines. */
#define TITLE_SEARCH_LINES 40
/* How many lines after the title may still be header (byline, date …). */
#define HEADER_MAX_LINES   12
/* A paragraph with at least this many words is article text. */
#define BODY_MIN_WORDS     20

/* ------------------------------------------------------------------ */
/* Title and header                                                   */

static gboolean
is_body_paragraph (const Line *l)
{
  return l->words >= BODY_MIN_WORDS || (l->words >= 8 && _dossier_text_has_two_sentences (l->text));
}

static gboolean
is_title_candidate (const Line *l)
{
  gunichar last;

  if (l->words == 0 || l->words > 30 || l->len > 300)
    return FALSE;
  if (!_dossier_text_has_letters (l->text) || _dossier_text_looks_like_url (l->text)
      || l->list_item)
    return FALSE;
  if (_dossier_text_has_prefix_ci (l->text, "by ") || g_str_has_prefix (l->text, "©"))
    return FALSE;
  last = _dossier_text_last_significant_char (l->text, l->len);
  if (last == ':' || last == ',' || last == ';')
    return FALSE;
  if (_dossier_text_ends_like_sentence (l) && last != '?' && last != '!')
    return FALSE;
  if (_dossier_text_has_two_sentences (l->text))
    return FALSE;
  return TRUE;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (g_ascii_strcasecmp (a, b) == 0)
    return TRUE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return strcmp (fa, fb) == 0;
}

/* "Title | Site": a browser-style title keeps its site after a bar. */
static void
split_site_suffix (Meta *meta)
{
  char *bar;

  if (meta->title == NULL)
    return;
  bar = g_strrstr (meta->title, " | ");
  if (bar != NULL && bar != meta->title)
    {
      g_autofree char *site = _dossier_text_clean_name (bar + 3);

      if (_dossier_text_looks_like_name (site, 5) && _dossier_text_looks_like_org (site))
        {
          _dossier_text_set_string (&meta->source_hint, site);
          *bar = '\0';
        }
    }
}

/* Finds the title line.  Blocks (lines between blank lines) that hold a
 * banner are skipped whole; the title is the first headline-like line
 * after them.  Returns the index or -1. */
static int
find_title (GArray *lines,
            Meta   *meta,
            int     hint_heading)
{
  guint i;
  guint limit = MIN (lines->len, TITLE_SEARCH_LINES);
  gboolean banner_block = FALSE;

  if (hint_heading >= 0)
    return hint_heading;

  for (i = 0; i < limit; i++)
    {
      Line *l = _dossier_text_line_at (lines, i);
      DossierDate d = DOSSIER_DATE_INIT;
      Marker m;

      if (l->blank_before)
        {
          guint j;

          /* does this block contain a banner line? */
          banner_block = FALSE;
          for (j = i;
               j < lines->len && (j == i || !_dossier_text_line_at (lines, j)->blank_before);
               j++)
            if (_dossier_text_is_banner (_dossier_text_line_at (lines, j), meta))
              banner_block = TRUE;
        }
      if (banner_block)
        {
          l->keep = FALSE;
          continue;
        }
      m = _dossier_text_classify_marker (l, meta);
      if (m == MARKER_DROP || m == MARKER_URL)
        {
          if (m == MARKER_URL && i + 1 < lines->len)
            {
              _dossier_text_take_string (&meta->url,
                                         _dossier_text_extract_url (_dossier_text_line_at (lines, i + 1)->text));
              if (meta->url)
                _dossier_text_line_at (lines, ++i)->keep = FALSE;
            }
          l->keep = FALSE;
          continue;
        }
      if (_dossier_text_parse_date_line (l, &d))
        {
          if (meta->date.precision == DOSSIER_DATE_PRECISION_UNKNOWN)
            {
              meta->date = d;
              meta->date_origin = DOSSIER_DATE_ORIGIN_TEXT;
            }
          l->keep = FALSE;
          continue;
        }
      if (is_body_paragraph (l))
        return -1;
      if (is_title_candidate (l))
        return (int) i;
      /* something else before the title: an unknown banner line */
      l->keep = FALSE;
    }
  return -1;
}

/* The lines between the title and the article text. Returns the index of
 * the first body line. */
static guint
read_header (GArray *lines,
             guint   start,
             Meta   *meta)
{
  guint i;
  guint seen = 0;

  for (i = start; i < lines->len && seen < HEADER_MAX_LINES; i++, seen++)
    {
      Line *l = _dossier_text_line_at (lines, i);
      DossierDate d = DOSSIER_DATE_INIT;
      g_autofree char *agency = NULL;
      Marker m;

      if (meta->title != NULL && same_text (l->text, meta->title))
        {
          l->keep = FALSE;
          continue;
        }
      if (_dossier_text_parse_agency_dateline (l->text, &agency))
        {
          _dossier_text_set_string (&meta->agency, agency);
          return i;
        }
      if (_dossier_text_parse_byline (l, meta))
        {
          l->keep = FALSE;
          continue;
        }
      if (_dossier_text_parse_date_line (l, &d))
        {
          if (meta->date.precision == DOSSIER_DATE_PRECISION_UNKNOWN)
            {
              meta->date = d;
              meta->date_origin = DOSSIER_DATE_ORIGIN_TEXT;
            }
          l->keep = FALSE;
          continue;
        }
      m = _dossier_text_classify_marker (l, meta);
      if (m == MARKER_DROP || _dossier_text_is_banner (l, meta))
        {
          l->keep = FALSE;
          continue;
        }
      if (m != MARKER_NONE)
        return i;
      if (_dossier_text_is_credit_caption (l))
        {
          l->keep = FALSE;
          continue;
        }
      if (is_body_paragraph (l))
        return i;
      /* a short line without a full stop: a source or a name */
      if (l->words <= 6 && !_dossier_text_ends_like_sentence (l)
          && _dossier_text_looks_like_name (l->text, 6))
        {
          g_autofree char *name = _dossier_text_clean_name (l->text);

          if (_dossier_text_looks_like_org (name))
            _dossier_text_set_string (&meta->source, name);
          else
            _dossier_text_set_string (&meta->byline, name);
          l->keep = FALSE;
          continue;
        }
      /* a one-sentence dek or caption right before a long paragraph */
      if (l->words < BODY_MIN_WORDS && !_dossier_text_has_two_sentences (l->text)
          && i + 1 < lines->len && is_body_paragraph (_dossier_text_line_at (lines, i + 1))
          && !_dossier_text_line_at (lines, i + 1)->list_item && !l->list_item && l->heading == 0)
        {
          l->keep = FALSE;
          continue;
        }
      return i;
    }
  /* nothing looked like article text: keep what follows the title */
  for (i = start; i < lines->len; i++)
    if (_dossier_text_line_at (lines, i)->keep)
      return i;
  return lines->len;
}

/* Marks trailers, captions and chrome in the body as not kept. */
static void
clean_body (GArray *lines,
            guint   start,
            Meta   *meta)
{
  guint i;
  guint kept_paragraphs = 0;

  for (i = start; i < lines->len; i++)
    {
      Line *l = _dossier_text_line_at (lines, i);
      Marker m;

      if (!l->keep)
        continue;
      m = _dossier_text_classify_marker (l, meta);
      switch (m)
        {
        case MARKER_APPEAL:
          if (kept_paragraphs > 0)
            {
              guint j;

              for (j = i; j < lines->len; j++)
                _dossier_text_line_at (lines, j)->keep = FALSE;
              return;
            }
          l->keep = FALSE;
          continue;

        case MARKER_URL:
          l->keep = FALSE;
          if (i + 1 < lines->len
              && _dossier_text_looks_like_url (_dossier_text_line_at (lines, i + 1)->text))
            {
              _dossier_text_take_string (&meta->url,
                                         _dossier_text_extract_url (_dossier_text_line_at (lines, i + 1)->text));
              _dossier_text_line_at (lines, ++i)->keep = FALSE;
            }
          continue;

        case MARKER_DROP:
          l->keep = FALSE;
          continue;

        case MARKER_RELATED:
          l->keep = FALSE;
          /* the headlines that follow, up to the next real paragraph */
          while (i + 1 < lines->len)
            {
              Line *next = _dossier_text_line_at (lines, i + 1);

              if (_dossier_text_classify_marker (next, meta) != MARKER_NONE
                  || !_dossier_text_is_link_line (next))
                break;
              next->keep = FALSE;
              i++;
            }
          continue;

        case MARKER_NONE:
        default:
          break;
        }

      if (_dossier_text_looks_like_url (l->text) && l->words == 1)
        {
          _dossier_text_take_string (&meta->url, _dossier_text_extract_url (l->text));
          l->keep = FALSE;
          continue;
        }
      if (_dossier_text_is_credit_caption (l) || _dossier_text_is_banner (l, NULL))
        {
          l->keep = FALSE;
          continue;
        }
      kept_paragraphs++;
    }

  /* trailing chrome: short lines without a full stop at the very end */
  for (i = lines->len; i > start; i--)
    {
      Line *l = _dossier_text_line_at (lines, i - 1);

      if (!l->keep)
        continue;
      if (l->words <= 3 && !_dossier_text_ends_like_sentence (l) && l->heading == 0
          && kept_paragraphs > 1)
        {
          l->keep = FALSE;
          kept_paragraphs--;
          continue;
        }
      break;
    }
}

/* A block of lines of similar width, most of them long: a hard-wrapped
 * paragraph whose lines should be joined. */
static gboolean
block_is_wrapped (GArray *lines,
                  guint   first,
                  guint   last)
{
  guint i;
  gsize max = 0, min = G_MAXSIZE;

  if (last == first)
    return FALSE;
  /* the lines of one Markdown paragraph are one paragraph */
  for (i = first + 1; i <= last && _dossier_text_line_at (lines, i)->soft_break; i++)
    ;
  if (i > last && !_dossier_text_line_at (lines, first)->heading)
    return TRUE;
  for (i = first; i < last; i++)     /* the last line may be short */
    {
      Line *l = _dossier_text_line_at (lines, i);

      if (l->list_item || l->heading)
        return FALSE;
      max = MAX (max, l->len);
      min = MIN (min, l->len);
    }
  if (_dossier_text_line_at (lines, last)->list_item
      || _dossier_text_line_at (lines, last)->heading)
    return FALSE;
  max = MAX (max, _dossier_text_line_at (lines, last)->len);
  return max <= 110 && min >= 35;
}

static char *
assemble_body (GArray *lines,
               guint   start)
{
  GString *out = g_string_sized_new (4096);
  guint i = start;

  while (i < lines->len)
    {
      guint j, k;
      gboolean wrapped;

      if (!_dossier_text_line_at (lines, i)->keep)
        {
          i++;
          continue;
        }
      /* the run of kept lines with no blank line between them */
      for (j = i; j + 1 < lines->len && _dossier_text_line_at (lines, j + 1)->keep
                  && !_dossier_text_line_at (lines, j + 1)->blank_before; j++)
        ;
      wrapped = block_is_wrapped (lines, i, j);
      for (k = i; k <= j; k++)
        {
          Line *l = _dossier_text_line_at (lines, k);

          if (k > i && wrapped)
            {
              /* "Wash-" + "ington" */
              if (out->len > 1 && out->str[out->len - 1] == '-'
                  && g_ascii_isalpha (out->str[out->len - 2]) && g_ascii_islower (l->text[0]))
                g_string_truncate (out, out->len - 1);
              else
                g_string_append_c (out, ' ');
            }
          else if (out->len > 0)
            g_string_append (out, "\n\n");
          g_string_append_len (out, l->text, l->len);
        }
      i = j + 1;
    }
  return g_string_free (out, FALSE);
}

static char *
fallback_title (const char *filename)
{
  g_autofree char *base = NULL;
  char *dot;
  char *p;

  if (filename == NULL)
    return g_strdup ("Untitled");
  base = g_path_get_basename (filename);
  dot = strrchr (base, '.');
  if (dot && dot != base)
    *dot = '\0';
  for (p = base; *p; p++)
    if (*p == '_' || *p == '-')
      *p = ' ';
  g_strstrip (base);
  if (*base == '\0' || !g_utf8_validate (base, -1, NULL))
    return g_strdup ("Untitled");
  return g_steal_pointer (&base);
}

static void
meta_clear (Meta *meta)
{
  g_free (meta->title);
  g_free (meta->byline);
  g_free (meta->source);
  g_free (meta->source_hint);
  g_free (meta->agency);
  g_free (meta->url);
}

/* Builds the result from the kept lines and the metadata found. */
static DossierExtracted *
finish (GArray      *lines,
        guint        body_start,
        int          title_index,
        Meta        *meta,
        const char  *filename,
        GError     **error)
{
  DossierExtracted *result;
  g_autofree char *raw = NULL;

  raw = assemble_body (lines, body_start);

  /* a title but nothing after it: the text was all one block */
  if (*raw == '\0' && title_index >= 0)
    {
      guint i;

      for (i = 0; i < lines->len; i++)
        _dossier_text_line_at (lines, i)->keep = i != (guint) title_index;
      g_free (raw);
      raw = assemble_body (lines, 0);
    }

  result = dossier_extracted_new ();
  result->body = dossier_text_normalize (raw, -1);
  if (result->body[0] == '\0')
    {
      dossier_extracted_free (result);
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                   _("“%s” has no article text"), filename ? filename : "(text)");
      return NULL;
    }

  if (meta->title == NULL)
    {
      /* no headline: a short first line will do, else the file name */
      const char *nl = strchr (result->body, '\n');
      gsize first = nl ? (gsize) (nl - result->body) : strlen (result->body);

      if (first <= 120 && first > 0)
        meta->title = g_strndup (result->body, first);
      else
        meta->title = fallback_title (filename);
    }

  result->title = dossier_text_normalize (meta->title, -1);
  result->byline = g_steal_pointer (&meta->byline);
  result->source = meta->source ? g_steal_pointer (&meta->source)
                 : meta->source_hint ? g_steal_pointer (&meta->source_hint)
                 : g_steal_pointer (&meta->agency);
  result->url = g_steal_pointer (&meta->url);
  result->published = meta->date;
  result->date_origin = meta->date_origin;
  if (result->published.precision == DOSSIER_DATE_PRECISION_UNKNOWN && result->url != NULL
      && dossier_date_from_url (result->url, &result->published))
    result->date_origin = DOSSIER_DATE_ORIGIN_URL;
  if (result->published.precision == DOSSIER_DATE_PRECISION_UNKNOWN)
    result->date_origin = DOSSIER_DATE_ORIGIN_NONE;
  result->language = g_strdup (dossier_text_guess_language (result->body, -1));
  return result;
}

/* The shared pipeline over lines.  @meta may hold hints from front
 * matter; @title_index is the title line when the caller knows it. */
static DossierExtracted *
extract_lines (GArray      *lines,
               Meta        *meta,
               int          title_index,
               const char  *filename,
               GError     **error)
{
  guint body_start;
  int t;

  t = find_title (lines, meta, title_index);
  if (t >= 0 && meta->title == NULL)
    {
      meta->title = g_strdup (_dossier_text_line_at (lines, t)->text);
      split_site_suffix (meta);
    }
  if (t >= 0)
    _dossier_text_line_at (lines, t)->keep = FALSE;

  body_start = read_header (lines, t >= 0 ? (guint) t + 1 : 0, meta);
  clean_body (lines, body_start, meta);
  return finish (lines, body_start, t, meta, filename, error);
}

DossierExtracted *
dossier_text_extract (const char  *utf8,
                      gsize        len,
                      const char  *filename,
                      GError     **error)
{
  g_autoptr(GArray) lines = NULL;
  Meta meta = { 0, };
  DossierExtracted *result;

  g_return_val_if_fail (utf8 != NULL || len == 0, NULL);

  meta.date = (DossierDate) DOSSIER_DATE_INIT;
  lines = _dossier_text_split_lines (utf8, len);
  result = extract_lines (lines, &meta, -1, filename, error);
  meta_clear (&meta);
  return result;
}

/* ------------------------------------------------------------------ */
/* For other front ends (Markdown)                                    */

void
_dossier_text_hints_clear (DossierTextHints *hints)
{
  g_clear_pointer (&hints->title, g_free);
  g_clear_pointer (&hints->byline, g_free);
  g_clear_pointer (&hints->source, g_free);
  g_clear_pointer (&hints->url, g_free);
  hints->date = (DossierDate) DOSSIER_DATE_INIT;
  hints->date_origin = DOSSIER_DATE_ORIGIN_NONE;
}

DossierExtracted *
_dossier_text_extract_lines (GArray            *lines,
                             DossierTextHints  *hints,
                             int                title_index,
                             const char        *filename,
                             GError           **error)
{
  Meta meta = { 0, };
  DossierExtracted *result;

  meta.title = g_steal_pointer (&hints->title);
  meta.byline = g_steal_pointer (&hints->byline);
  meta.source = g_steal_pointer (&hints->source);
  meta.url = g_steal_pointer (&hints->url);
  meta.date = hints->date;
  meta.date_origin = hints->date_origin;

  if (meta.title != NULL)
    {
      guint i;

      /* the known title repeated as one of the first lines */
      title_index = -1;
      for (i = 0; i < MIN (lines->len, 8u); i++)
        if (same_text (_dossier_text_line_at (lines, i)->text, meta.title))
          {
            title_index = (int) i;
            break;
          }
      if (title_index < 0)
        {
          /* no title line in the text: the header starts at the top */
          guint body_start = read_header (lines, 0, &meta);

          clean_body (lines, body_start, &meta);
          result = finish (lines, body_start, -1, &meta, filename, error);
          meta_clear (&meta);
          return result;
        }
    }

  result = extract_lines (lines, &meta, title_index, filename, error);
  meta_clear (&meta);
  return result;
}

/* ------------------------------------------------------------------ */
/* Language                                                           */

static inline gboolean
is_stop_word (const char        *word,
              gsize              len,
              const char *const *table)
{
  for (; *table; table++)
    if ((*table)[0] == word[0] && strncmp (*table, word, len + 1) == 0)
      return TRUE;
  return FALSE;
}

const char *
dossier_text_guess_language (const char *utf8,
                             gssize      len)
{
  static const char *const en[] = { "the", "and", "of", "to", "in", "is", "that", "was", "for", "with", NULL };
  static const char *const de[] = { "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", NULL };
  static const char *const fr[] = { "le", "la", "les", "et", "des", "est", "une", "du", "dans", "que", NULL };
  static const char *const es[] = { "el", "los", "las", "y", "del", "que", "una", "por", "con", "para", NULL };
  const char *p, *end;
  guint cyrillic = 0, latin = 0;
  guint n_en = 0, n_de = 0, n_fr = 0, n_es = 0;
  char word[16];
  guint wl = 0;

  if (utf8 == NULL)
    return NULL;
  if (len < 0)
    len = strlen (utf8);
  end = utf8 + MIN (len, 2048);

  for (p = utf8; p < end; )
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          if (g_ascii_isalpha (c))
            {
              latin++;
              if (wl < sizeof word - 1)
                word[wl++] = g_ascii_tolower (c);
              else
                wl = sizeof word;
            }
          else
            {
              if (wl > 0 && wl < sizeof word)
                {
                  word[wl] = '\0';
                  if (wl <= 5)
                    {
                      n_en += is_stop_word (word, wl, en);
                      n_de += is_stop_word (word, wl, de);
                      n_fr += is_stop_word (word, wl, fr);
                      n_es += is_stop_word (word, wl, es);
                    }
                }
              wl = 0;
            }
          p++;
        }
      else
        {
          gunichar u = g_utf8_get_char_validated (p, end - p);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            break;
          if (u >= 0x400 && u <= 0x4FF)
            cyrillic++;
          else if (g_unichar_isalpha (u))
            latin++;
          wl = sizeof word;        /* a word with accents is not a stop word */
          p = g_utf8_next_char (p);
        }
    }

  if (cyrillic + latin < 40)
    return NULL;
  if (cyrillic > latin)
    {
      /* Ukrainian letters і ї є ґ */
      if (strstr (utf8, "ї") || strstr (utf8, "є") || strstr (utf8, "ґ"))
        return "uk";
      return "ru";
    }
  if (n_en >= n_de && n_en >= n_fr && n_en >= n_es && n_en >= 3)
    return "en";
  if (n_de >= n_fr && n_de >= n_es && n_de >= 3)
    return "de";
  if (n_fr >= n_es && n_fr >= 3)
    return "fr";
  if (n_es >= 3)
    return "es";
  return NULL;
}
