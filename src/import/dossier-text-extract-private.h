/* dossier-text-extract-private.h — the plain-text pipeline for other front ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A front end (Markdown) turns its input into lines, each marked as a
 * heading or a list item, and hands them to the same title, header and
 * clean-up rules as plain text.
 */
#pragma once

#include <string.h>

#include "dossier-text-extract.h"

G_BEGIN_DECLS

/* What a front end knows before the lines are read (front matter). */
typedef struct
{
  char             *title;
  char             *byline;
  char             *source;
  char             *url;
  DossierDate       date;
  DossierDateOrigin date_origin;
} DossierTextHints;

#define DOSSIER_TEXT_HINTS_INIT { NULL, NULL, NULL, NULL, DOSSIER_DATE_INIT, DOSSIER_DATE_ORIGIN_NONE }

void              _dossier_text_hints_clear     (DossierTextHints  *hints);

/* A GArray of lines for _dossier_text_lines_append(). */
GArray           *_dossier_text_lines_new       (void);
/* Appends @text (folded to single spaces) as one line; @blank says a blank
 * line comes before it and is cleared when the line is added, set when
 * @text is empty.  @heading: 1–6 for a heading, else 0.  @soft_break: the
 * line goes on the paragraph of the line before (a Markdown soft line
 * break), so the two are joined in the body.  TRUE when a line was added. */
gboolean          _dossier_text_lines_append    (GArray            *lines,
                                                 const char        *text,
                                                 gsize              len,
                                                 gboolean          *blank,
                                                 guint              heading,
                                                 gboolean           list_item,
                                                 gboolean           soft_break);
/* Runs the plain-text rules over @lines.  @title_index is the title line
 * when the front end knows it (-1: find one); a title in @hints is looked
 * for among the first lines instead.  Takes the strings of @hints. */
DossierExtracted *_dossier_text_extract_lines   (GArray            *lines,
                                                 DossierTextHints  *hints,
                                                 int                title_index,
                                                 const char        *filename,
                                                 GError           **error);

/* Markdown links left in text ("[text](url)"): their text, or NULL when
 * there are none; a javascript:, vbscript: or data: one never closed
 * loses everything up to the next space. */
char             *_dossier_text_strip_links     (const char        *text);
/* An http(s) URL at the start of @text ("<…>", "(…)", "www." too), or NULL. */
char             *_dossier_text_extract_url     (const char        *text);
gboolean          _dossier_text_looks_like_url  (const char        *text);

/* The plain-text pipeline inside (dossier-text-*.c) */

/* One line of the text. */
typedef struct
{
  char     *text;          /* folded: one space between words, trimmed */
  gsize     len;
  guint     words;
  guint     heading;       /* Markdown heading level, 0 otherwise */
  gboolean  blank_before;  /* a blank line (or the start) precedes it */
  gboolean  list_item;     /* Markdown list item / "- " line */
  gboolean  soft_break;    /* goes on the Markdown paragraph of the line before */
  gboolean  keep;
} Line;

/* What the header, banners and trailers tell. */
typedef struct
{
  char             *title;
  char             *byline;
  char             *source;        /* from the header: strongest */
  char             *source_hint;   /* from appeals, banners, © lines */
  char             *agency;        /* from a "MOSCOW (AP) —" dateline */
  char             *url;
  DossierDate       date;
  DossierDateOrigin date_origin;
} Meta;

typedef enum
{
  MARKER_NONE,
  MARKER_RELATED,     /* "See also:", "Related articles:", "Read more" */
  MARKER_URL,         /* "Original url:" */
  MARKER_APPEAL,      /* the start of a donation appeal: cut to the end */
  MARKER_DROP,        /* a line of chrome: "Advertisement", "Share this article" */
} Marker;

/* Lines and the small tests on them (dossier-text-lines.c) */

/* @p (@len bytes) with white space runs made one space, control and
 * invisible characters dropped, trimmed; its length in @out_len. */
char *            _dossier_text_fold_line         (const char *p,
                                                   gsize       len,
                                                   gsize      *out_len);
/* The last character of @s, skipping closing quotes and brackets. */
gunichar          _dossier_text_last_significant_char (const char *s,
                                                       gsize       len);
gboolean          _dossier_text_ends_like_sentence (const Line *l);
/* More than one sentence: ". X" after an ordinary word. */
gboolean          _dossier_text_has_two_sentences (const char *s);
/* A short lower-case key of @l without trailing punctuation, for the
 * marker tables; empty when the line is long. */
void              _dossier_text_line_key          (const Line *l,
                                                   char       *buf,
                                                   gsize       size);
/* Folds and appends one line; @markdown: the front end marked list items
 * and kept links itself. */
void              _dossier_text_append_line       (GArray     *lines,
                                                   const char *p,
                                                   gsize       len,
                                                   gboolean   *blank,
                                                   guint       heading,
                                                   gboolean    list_item,
                                                   gboolean    markdown);
GArray *          _dossier_text_split_lines       (const char *text,
                                                   gsize       len);

/* Header and chrome lines (dossier-text-header.c) */

gboolean          _dossier_text_looks_like_org    (const char *name);
gboolean          _dossier_text_looks_like_name   (const char *s,
                                                   guint       max_words);
char *            _dossier_text_clean_name        (const char *s);
gboolean          _dossier_text_parse_agency_dateline (const char  *s,
                                                       char       **agency);
gboolean          _dossier_text_parse_byline      (const Line *l,
                                                   Meta       *meta);
gboolean          _dossier_text_parse_date_line   (const Line  *l,
                                                   DossierDate *out);
gboolean          _dossier_text_is_banner         (const Line *l,
                                                   Meta       *meta);
/* A line that starts trailers or appeals, or is chrome; may note a source. */
Marker            _dossier_text_classify_marker   (const Line *l,
                                                   Meta       *meta);
gboolean          _dossier_text_is_link_line      (const Line *l);
gboolean          _dossier_text_is_credit_caption (const Line *l);

/* Small helpers used on every line, kept inline. */

static inline guint
_dossier_text_count_words (const char *s)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (; *s; s++)
    {
      if (*s == ' ')
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          n++;
        }
    }
  return n;
}

static inline gboolean
_dossier_text_has_letters (const char *s)
{
  const char *p;

  for (p = s; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static inline gboolean
_dossier_text_is_terminal (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ';';
}

static inline gboolean
_dossier_text_has_prefix_ci (const char *s,
                             const char *prefix)
{
  return g_ascii_strncasecmp (s, prefix, strlen (prefix)) == 0;
}

static inline gboolean
_dossier_text_key_in (const char        *key,
                      const char *const *table)
{
  for (; *table; table++)
    if (strcmp (key, *table) == 0)
      return TRUE;
  return FALSE;
}

static inline Line *
_dossier_text_line_at (GArray *lines,
                       guint   i)
{
  return &g_array_index (lines, Line, i);
}

static inline void
_dossier_text_set_string (char      **field,
                          const char *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = g_strdup (value);
}

static inline void
_dossier_text_take_string (char **field,
                           char  *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = value;
  else
    g_free (value);
}

G_END_DECLS
