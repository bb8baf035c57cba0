/* dossier-anchor.h — placing annotations in an article body, and keeping
 * them placed when the body changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How many characters of context an anchor keeps on each side. */
#define DOSSIER_ANCHOR_CONTEXT_LENGTH 32

#define DOSSIER_ANCHOR_ERROR (dossier_anchor_error_quark ())

typedef enum
{
  DOSSIER_ANCHOR_ERROR_EMPTY_QUOTE,   /* the quote is empty or only white space */
  DOSSIER_ANCHOR_ERROR_INVALID_TEXT,  /* the quote is not UTF-8 */
  DOSSIER_ANCHOR_ERROR_NOT_FOUND,     /* the quote is not in the body */
} DossierAnchorError;

/* What dossier_anchor_reanchor() did, from best to worst. */
typedef enum
{
  DOSSIER_ANCHOR_EXACT_POSITION,  /* the quote is still at start..end */
  DOSSIER_ANCHOR_EXACT_QUOTE,     /* the quote (equal up to white space,
                                   * typographic quotes and dashes,
                                   * invisible format characters and Unicode
                                   * normalisation) moved elsewhere */
  DOSSIER_ANCHOR_FUZZY,           /* an approximate match of quote+context */
  DOSSIER_ANCHOR_ORPHAN,          /* cannot be placed: keep it, list it */
} DossierAnchorResult;

/* The W3C TextQuoteSelector (quote, prefix, suffix) and
 * TextPositionSelector (start, end) of one annotation.  Offsets count
 * Unicode code points (characters, not bytes) of the UTF-8 body, as
 * GtkTextIter offsets do; quote is body[start..end), prefix the (up to) 32
 * characters before it and suffix the (up to) 32 after it.  A plain struct:
 * read and write the fields directly; strings are owned (g_free). */
typedef struct
{
  char *quote;
  char *prefix;
  char *suffix;
  int   start;
  int   end;
} DossierAnchor;

#define DOSSIER_TYPE_ANCHOR (dossier_anchor_get_type ())

GType               dossier_anchor_get_type          (void) G_GNUC_CONST;
GQuark              dossier_anchor_error_quark       (void);

/* Copies the strings; NULL strings become "". */
DossierAnchor      *dossier_anchor_new               (const char           *quote,
                                                      const char           *prefix,
                                                      const char           *suffix,
                                                      int                   start,
                                                      int                   end);
/* The anchor of body[start..end) (character offsets), with its context.
 * Returns NULL unless 0 <= start < end <= the body's length. */
DossierAnchor      *dossier_anchor_new_from_range    (const char           *body,
                                                      int                   start,
                                                      int                   end);
/* Finds @quote in @body, for `dossier-cli annotate ID --quote TEXT`: first
 * exactly, then with white space folded (runs of spaces, tabs, newlines and
 * no-break spaces compare equal, leading and trailing white space is
 * ignored; curly and straight quotes, dashes, invisible format characters
 * and composed/decomposed accents also compare equal).  When the quote
 * occurs several times, the occurrence whose preceding text best matches
 * @prefix_hint wins, or the first one when @prefix_hint is NULL.  The
 * returned quote is the body's own text.  Errors: EMPTY_QUOTE,
 * INVALID_TEXT, NOT_FOUND ("The quote “…” is not in the article"; callers
 * may g_prefix_error() the article). */
DossierAnchor      *dossier_anchor_new_from_quote    (const char           *body,
                                                      const char           *quote,
                                                      const char           *prefix_hint,
                                                      GError              **error);
DossierAnchor      *dossier_anchor_copy              (const DossierAnchor  *anchor);
void                dossier_anchor_free              (DossierAnchor        *anchor);

/* Places @old in @new_body: the old position if the quote is still there
 * (and its context agrees), else the exact quote (best context, then
 * nearest to the old position), else a fuzzy match of the quote scored on
 * quote, prefix, suffix and distance.  On success *out_new (if not NULL)
 * gets a new anchor whose quote, prefix and suffix are @new_body's text;
 * on ORPHAN *out_new is NULL and the caller keeps @old as an orphan.
 * Never fails otherwise: an empty quote or body gives ORPHAN. */
DossierAnchorResult dossier_anchor_reanchor          (const DossierAnchor  *old,
                                                      const char           *new_body,
                                                      DossierAnchor       **out_new);
/* "exact-position", "exact-quote", "fuzzy", "orphan" */
const char         *dossier_anchor_result_to_string  (DossierAnchorResult   result);

/* A body prepared once for placing many anchors in it (re-anchoring every
 * annotation of an article after an edit).  Immutable once built: one
 * DossierAnchorText may be used from several threads. */
typedef struct _DossierAnchorText DossierAnchorText;

/* Invalid UTF-8 in @body is replaced (U+FFFD) first; offsets count the
 * replaced text.  NULL is the empty body. */
DossierAnchorText  *dossier_anchor_text_new          (const char           *body);
void                dossier_anchor_text_free         (DossierAnchorText    *text);
/* in characters */
int                 dossier_anchor_text_get_length   (const DossierAnchorText *text);
DossierAnchor      *dossier_anchor_text_new_anchor   (const DossierAnchorText *text,
                                                      int                   start,
                                                      int                   end);
DossierAnchorResult dossier_anchor_text_reanchor     (const DossierAnchorText *text,
                                                      const DossierAnchor  *old,
                                                      DossierAnchor       **out_new);
/* dossier_anchor_new_from_quote() in a prepared body: many quotes placed
 * in one article (an import's highlights) fold the body once. */
DossierAnchor      *dossier_anchor_text_find_quote   (const DossierAnchorText *text,
                                                      const char           *quote,
                                                      const char           *prefix_hint,
                                                      GError              **error);

/* Character (code point) offsets and UTF-8 byte offsets.  All clamp to the
 * string: an offset past the end gives the end, never a read past the NUL.
 * A byte offset inside a multi-byte character counts that character. */
gsize               dossier_utf8_offset_to_byte      (const char           *s,
                                                      int                   char_offset);
int                 dossier_utf8_byte_to_offset      (const char           *s,
                                                      gsize                 byte_offset);
/* s[start..end) in characters, clamped; never NULL */
char               *dossier_utf8_slice               (const char           *s,
                                                      int                   start,
                                                      int                   end);
/* Levenshtein distance in code points */
int                 dossier_utf8_edit_distance       (const char           *a,
                                                      const char           *b);
/* TRUE when @a and @b are equal after the folding that
 * dossier_anchor_new_from_quote() uses (white space, quotes, dashes,
 * invisible characters, normalisation; outer white space ignored). */
gboolean            dossier_utf8_fold_equal          (const char           *a,
                                                      const char           *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierAnchor, dossier_anchor_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierAnchorText, dossier_anchor_text_free)

G_END_DECLS
