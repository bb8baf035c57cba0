/* dossier-anchor.c — placing annotations in an article body, and keeping
 * them placed when the body changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An anchor is a quote with its context plus character offsets.  To place
 * an old anchor in a new body we try, in order:
 *
 *  1. the old position: the quote is still at start..end and its context
 *     agrees;
 *  2. the exact quote elsewhere: every occurrence, byte for byte, is scored
 *     on how well the text around it matches the old prefix and suffix,
 *     then on distance from the old position; if there is none, the same
 *     on the "folded" text (see below), so a body whose white space was
 *     normalised differently still matches exactly;
 *  3. a fuzzy match of the folded quote: Myers' bit-parallel approximate
 *     string matching (Myers 1999, with the block form for patterns longer
 *     than 64 characters) allowing up to a quarter of the quote's length
 *     in edits.  Quotes up to 64 characters are searched for directly;
 *     longer ones through three 64-character probes (head, middle, tail)
 *     whose hits give small regions in which the whole quote is then
 *     aligned.  The text near the old position is searched first, the
 *     whole body only when that finds no clearly good match.  Candidates
 *     are scored on quote similarity, prefix and suffix similarity and
 *     distance from the old position, and accepted above a threshold.
 *     A short quote (under 24 characters) needs its context to agree, in
 *     step 2 as here; a long one found exactly in other surroundings
 *     stands unless a fuzzy match in the old surroundings is clearly
 *     better (a repeated phrase must not pull a note away from its edited
 *     paragraph);
 *  4. otherwise the anchor is an orphan.
 *
 * Folding maps the text to a comparison form, keeping for every folded
 * character the range of original characters it came from: runs of white
 * space (including no-break spaces and line breaks) become one space,
 * invisible format characters (soft hyphen, zero-width space, word joiner,
 * BOM, bidi marks) disappear, curly quotes, primes and dashes become their
 * ASCII forms, "…" becomes "...", and characters are canonically
 * decomposed (so "é" and "e◌́" compare equal).  The folded text is turned
 * into small integer ids (the body's own alphabet), which keeps Myers'
 * match tables dense and the inner loop a table lookup.
 *
 * Offsets are code points throughout; results are widened to whole
 * grapheme clusters where a fuzzy match would cut one (a combining accent,
 * an emoji modifier, a ZWJ sequence).
 *
 * This file holds the steps above and DossierAnchor; the prepared body,
 * folding and the UTF-8 helpers are in dossier-anchor-text.c, the scoring
 * and the searches in dossier-anchor-match.c, Myers' algorithm itself in
 * dossier-anchor-myers.c.
 */

#define G_LOG_DOMAIN "dossier-anchor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-anchor-private.h"

#include <string.h>

G_DEFINE_QUARK (dossier-anchor-error-quark, dossier_anchor_error)

G_DEFINE_BOXED_TYPE (DossierAnchor, dossier_anchor, dossier_anchor_copy, dossier_anchor_free)

/* {{{ Re-anchoring */

DossierAnchorResult
dossier_anchor_text_reanchor (const DossierAnchorText  *text,
                              const DossierAnchor      *old,
                              DossierAnchor           **out_new)
{
  const DossierAnchorText *t = text;
  g_autofree char *valid_quote = NULL;
  g_autofree guint32 *q = NULL;
  const char *quote;
  DossierAnchorResult result = DOSSIER_ANCHOR_ORPHAN;
  Candidate best = { -1, -1, 0, 0, 0 };
  Scorer sc = { 0 };
  gboolean raw;
  gsize qbytes;
  int m;

  if (out_new != NULL)
    *out_new = NULL;
  g_return_val_if_fail (text != NULL, DOSSIER_ANCHOR_ORPHAN);
  g_return_val_if_fail (old != NULL, DOSSIER_ANCHOR_ORPHAN);

  quote = old->quote != NULL ? old->quote : "";
  if (!g_utf8_validate (quote, -1, NULL))
    quote = valid_quote = g_utf8_make_valid (quote, -1);
  qbytes = strlen (quote);
  if (qbytes == 0 || t->n_chars == 0)
    return DOSSIER_ANCHOR_ORPHAN;

  _dossier_anchor_scorer_init (&sc, t,
                               old->prefix != NULL && g_utf8_validate (old->prefix, -1, NULL) ? old->prefix : NULL,
                               old->suffix != NULL && g_utf8_validate (old->suffix, -1, NULL) ? old->suffix : NULL,
                               old->start);
  m = _dossier_anchor_text_fold_ids (t, quote, TRUE, &q);

  /* 1. still where it was */
  if (old->start >= 0 && old->start < old->end && old->end <= t->n_chars
      && t->byte_at[old->end] - t->byte_at[old->start] == qbytes
      && memcmp (t->body + t->byte_at[old->start], quote, qbytes) == 0
      && _dossier_anchor_scorer_context (&sc, t->raw_to_fold[old->start], t->raw_to_fold[old->end]) >= GOOD_CONTEXT)
    {
      best.start = old->start;
      best.end = old->end;
      result = DOSSIER_ANCHOR_EXACT_POSITION;
      goto out;
    }

  /* 2. the exact quote, best context first, then nearest; then the same
   *    with white space and the like folded */
  _dossier_anchor_search_raw (&sc, quote, &best);
  raw = best.start >= 0;
  if (!raw)
    _dossier_anchor_search_folded (&sc, q, m, &best);
  if (best.start >= 0 && best.context >= GOOD_CONTEXT)
    {
      if (raw && best.start == old->start && best.end == old->end)
        result = DOSSIER_ANCHOR_EXACT_POSITION;
      else
        result = DOSSIER_ANCHOR_EXACT_QUOTE;
      goto out;
    }

  /* 3. fuzzy.  A long quote found exactly, but in other surroundings,
   *    stands unless its old passage was merely edited: a repeated
   *    phrase must not pull the annotation away from its paragraph. */
  {
    Candidate exact = best;
    Candidate fuzzy = { -1, -1, 0, 0, 0 };
    gboolean have_exact = exact.start >= 0 && m >= LONG_QUOTE;
    gboolean have_fuzzy = _dossier_anchor_search_fuzzy (&sc, q, m, &fuzzy);

    if (have_fuzzy
        && (!have_exact
            || 0.6 * fuzzy.quote + 0.4 * fuzzy.context
               > 0.6 * exact.quote + 0.4 * exact.context + 0.05))
      {
        best = fuzzy;
        result = DOSSIER_ANCHOR_FUZZY;
      }
    else if (have_exact)
      {
        best = exact;
        result = (raw && best.start == old->start && best.end == old->end)
                 ? DOSSIER_ANCHOR_EXACT_POSITION : DOSSIER_ANCHOR_EXACT_QUOTE;
      }
  }

out:
  _dossier_anchor_scorer_clear (&sc);
  if (result != DOSSIER_ANCHOR_ORPHAN && out_new != NULL)
    *out_new = dossier_anchor_text_new_anchor (t, best.start, best.end);
  return result;
}

DossierAnchorResult
dossier_anchor_reanchor (const DossierAnchor  *old,
                         const char           *new_body,
                         DossierAnchor       **out_new)
{
  g_autoptr(DossierAnchorText) text = NULL;

  if (out_new != NULL)
    *out_new = NULL;
  g_return_val_if_fail (old != NULL, DOSSIER_ANCHOR_ORPHAN);

  text = dossier_anchor_text_new (new_body);
  return dossier_anchor_text_reanchor (text, old, out_new);
}

const char *
dossier_anchor_result_to_string (DossierAnchorResult result)
{
  switch (result)
    {
    case DOSSIER_ANCHOR_EXACT_POSITION:
      return "exact-position";
    case DOSSIER_ANCHOR_EXACT_QUOTE:
      return "exact-quote";
    case DOSSIER_ANCHOR_FUZZY:
      return "fuzzy";
    case DOSSIER_ANCHOR_ORPHAN:
    default:
      return "orphan";
    }
}

/* }}} */
/* {{{ DossierAnchor */

DossierAnchor *
dossier_anchor_new (const char *quote,
                    const char *prefix,
                    const char *suffix,
                    int         start,
                    int         end)
{
  DossierAnchor *anchor = g_new0 (DossierAnchor, 1);

  anchor->quote = g_strdup (quote != NULL ? quote : "");
  anchor->prefix = g_strdup (prefix != NULL ? prefix : "");
  anchor->suffix = g_strdup (suffix != NULL ? suffix : "");
  anchor->start = start;
  anchor->end = end;
  return anchor;
}

DossierAnchor *
dossier_anchor_new_from_range (const char *body,
                               int         start,
                               int         end)
{
  g_autoptr(DossierAnchorText) text = NULL;

  if (body == NULL || start < 0 || start >= end)
    return NULL;

  text = dossier_anchor_text_new (body);
  return dossier_anchor_text_new_anchor (text, start, end);
}

/* The quote as an error message shows it: one line, not too long. */
static char *
shorten_for_message (const char *s)
{
  char *shown;
  char *p;

  if (g_utf8_strlen (s, -1) <= 60)
    shown = g_strdup (s);
  else
    shown = g_strdup_printf ("%.*s…", (int) dossier_utf8_offset_to_byte (s, 57), s);
  for (p = shown; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return shown;
}

DossierAnchor *
dossier_anchor_text_find_quote (const DossierAnchorText  *t,
                                const char               *quote,
                                const char               *prefix_hint,
                                GError                  **error)
{
  g_autofree guint32 *q = NULL;
  g_autofree char *shown = NULL;
  Candidate best = { -1, -1, 0, 0, 0 };
  Scorer sc = { 0 };
  int m;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (quote == NULL || !g_utf8_validate (quote, -1, NULL))
    {
      g_set_error_literal (error, DOSSIER_ANCHOR_ERROR, DOSSIER_ANCHOR_ERROR_INVALID_TEXT,
                           _("The quote is not valid UTF-8 text"));
      return NULL;
    }

  m = _dossier_anchor_text_fold_ids (t, quote, TRUE, &q);
  if (m == 0)
    {
      g_set_error_literal (error, DOSSIER_ANCHOR_ERROR, DOSSIER_ANCHOR_ERROR_EMPTY_QUOTE,
                           _("The quote is empty"));
      return NULL;
    }

  /* Only the hint matters here: no suffix, no position preference (ties
   * keep the first occurrence). */
  sc.text = t;
  sc.lookup = TRUE;
  if (prefix_hint != NULL && g_utf8_validate (prefix_hint, -1, NULL))
    _dossier_anchor_context_init (&sc.prefix, t, prefix_hint, TRUE);

  _dossier_anchor_search_raw (&sc, quote, &best);
  if (best.start < 0)
    _dossier_anchor_search_folded (&sc, q, m, &best);
  _dossier_anchor_scorer_clear (&sc);

  if (best.start < 0)
    {
      shown = shorten_for_message (quote);
      g_set_error (error, DOSSIER_ANCHOR_ERROR, DOSSIER_ANCHOR_ERROR_NOT_FOUND,
                   _("The quote “%s” is not in the article"), shown);
      return NULL;
    }

  return dossier_anchor_text_new_anchor (t, best.start, best.end);
}

DossierAnchor *
dossier_anchor_new_from_quote (const char  *body,
                               const char  *quote,
                               const char  *prefix_hint,
                               GError     **error)
{
  g_autoptr(DossierAnchorText) t = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  t = dossier_anchor_text_new (body);
  return dossier_anchor_text_find_quote (t, quote, prefix_hint, error);
}

DossierAnchor *
dossier_anchor_copy (const DossierAnchor *anchor)
{
  if (anchor == NULL)
    return NULL;
  return dossier_anchor_new (anchor->quote, anchor->prefix, anchor->suffix,
                             anchor->start, anchor->end);
}

void
dossier_anchor_free (DossierAnchor *anchor)
{
  if (anchor == NULL)
    return;
  g_free (anchor->quote);
  g_free (anchor->prefix);
  g_free (anchor->suffix);
  g_free (anchor);
}

/* }}} */
