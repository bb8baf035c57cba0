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
 */

#define G_LOG_DOMAIN "dossier-anchor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-anchor.h"

#include <string.h>

#define CONTEXT_LEN     DOSSIER_ANCHOR_CONTEXT_LENGTH
/* folded context characters compared; one Myers block */
#define CONTEXT_MAX     64
/* a quote of this many folded characters is specific enough on its own */
#define LONG_QUOTE      24
/* below this similarity of prefix+suffix, a short quote is not trusted */
#define GOOD_CONTEXT    0.5
/* the fuzzy search allows this share of the quote's length in edits */
#define MAX_ERROR_RATIO 0.25
/* probe length for long quotes */
#define PROBE_LEN       64
/* at most this many regions are aligned for one long quote */
#define MAX_REGIONS     64
/* the fuzzy search looks this far around the old position first */
#define NEAR_WINDOW     2048

G_DEFINE_QUARK (dossier-anchor-error-quark, dossier_anchor_error)

G_DEFINE_BOXED_TYPE (DossierAnchor, dossier_anchor, dossier_anchor_copy, dossier_anchor_free)

struct _DossierAnchorText
{
  char       *body;         /* valid UTF-8 */
  gsize       body_len;     /* bytes */
  int         n_chars;
  gsize      *byte_at;      /* n_chars + 1: byte offset of each character */

  int         n_fold;
  guint32    *fold;         /* folded characters as alphabet ids */
  guint8     *fold8;        /* the same as bytes, when there are < 256 ids */
  int        *fold_start;   /* first original character of each */
  int        *fold_end;     /* original character after it */
  int        *raw_to_fold;  /* n_chars + 1: folded index where each starts */

  guint32     n_ids;        /* alphabet size; id 0 means "not in the body" */
  guint32    *bmp_ids[256]; /* code point < 0x10000 → id, in pages of 256 */
  GHashTable *astral_ids;   /* code point ≥ 0x10000 → id */
};

/* A folded string: characters and where each came from. */
typedef struct
{
  gunichar *chars;
  int      *src_start;
  int      *src_end;
  int       len;
  int       cap;
} Folded;

/* Myers' match table: for each alphabet id and 64-row block, the rows
 * (pattern positions) holding that character. */
typedef struct
{
  int      m;
  int      n_blocks;
  guint32  n_ids;
  guint64 *peq;             /* [id * n_blocks + block] */
} Pattern;

/* The old prefix or suffix, folded, ready to compare. */
typedef struct
{
  int     len;
  Pattern pat;
} Context;

typedef struct
{
  const DossierAnchorText *text;
  Context                  prefix;
  Context                  suffix;
  int                      expected;   /* folded position of the old start */
  gboolean                 lookup;     /* new_from_quote(): the hint only */
} Scorer;

typedef struct
{
  int from;
  int to;
  int dist;
} Region;

/* {{{ Folding */

static G_GNUC_NO_INLINE void
folded_grow (Folded *f)
{
  f->cap = MAX (16, f->cap * 2);
  f->chars = g_renew (gunichar, f->chars, f->cap);
  f->src_start = g_renew (int, f->src_start, f->cap);
  f->src_end = g_renew (int, f->src_end, f->cap);
}

static inline void
folded_push (Folded   *f,
             gunichar  c,
             int       start,
             int       end)
{
  if (G_UNLIKELY (f->len == f->cap))
    folded_grow (f);
  f->chars[f->len] = c;
  f->src_start[f->len] = start;
  f->src_end[f->len] = end;
  f->len++;
}

static void
folded_clear (Folded *f)
{
  g_clear_pointer (&f->chars, g_free);
  g_clear_pointer (&f->src_start, g_free);
  g_clear_pointer (&f->src_end, g_free);
  f->len = f->cap = 0;
}

static gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return g_unichar_isspace (c);
}

static gboolean
is_ignorable (gunichar c)
{
  return c == 0x00AD                     /* soft hyphen */
         || c == 0x200B                  /* zero-width space */
         || c == 0x200E || c == 0x200F   /* LRM, RLM */
         || (c >= 0x202A && c <= 0x202E) /* bidi embeddings */
         || c == 0x2060                  /* word joiner */
         || (c >= 0x2066 && c <= 0x2069) /* bidi isolates */
         || c == 0xFEFF;                 /* BOM, ZWNBSP */
}

static void
fold_char (Folded   *out,
           gunichar  c,
           int       i)
{
  gunichar buf[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n, k;

  if (c < 0xC0)
    {
      folded_push (out, c, i, i + 1);
      return;
    }

  switch (c)
    {
    case 0x02BC: case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x2032:
      folded_push (out, '\'', i, i + 1);
      return;

    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      folded_push (out, '"', i, i + 1);
      return;

    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
      folded_push (out, '-', i, i + 1);
      return;

    case 0x2026:
      for (k = 0; k < 3; k++)
        folded_push (out, '.', i, i + 1);
      return;

    default:
      break;
    }

  n = g_unichar_fully_decompose (c, FALSE, buf, G_N_ELEMENTS (buf));
  for (k = 0; k < n; k++)
    folded_push (out, buf[k], i, i + 1);
}

/* Folds @len bytes of valid UTF-8.  @raw_to_fold, if given, has room for
 * one entry per character plus one. */
static void
fold_utf8 (const char *s,
           gsize       len,
           Folded     *out,
           int        *raw_to_fold)
{
  const char *p = s;
  const char *end = s + len;
  gboolean in_space = FALSE;
  int i = 0;

  while (p < end)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          c = (guchar) *p++;
        }
      else
        {
          c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
      if (raw_to_fold != NULL)
        raw_to_fold[i] = out->len;

      if (is_space (c))
        {
          if (in_space)
            out->src_end[out->len - 1] = i + 1;
          else
            folded_push (out, ' ', i, i + 1);
          in_space = TRUE;
        }
      else if (!is_ignorable (c))
        {
          in_space = FALSE;
          fold_char (out, c, i);
        }
      i++;
    }

  if (raw_to_fold != NULL)
    raw_to_fold[i] = out->len;
}

/* Folds a string and drops its outer white space. */
static void
fold_trimmed (const char *s,
              Folded     *out)
{
  int skip = 0;

  fold_utf8 (s, strlen (s), out, NULL);
  if (out->len > 0 && out->chars[out->len - 1] == ' ')
    out->len--;
  if (out->len > 0 && out->chars[0] == ' ')
    skip = 1;
  if (skip)
    {
      memmove (out->chars, out->chars + 1, (out->len - 1) * sizeof (gunichar));
      memmove (out->src_start, out->src_start + 1, (out->len - 1) * sizeof (int));
      memmove (out->src_end, out->src_end + 1, (out->len - 1) * sizeof (int));
      out->len--;
    }
}

/* }}} */
/* {{{ Grapheme clusters */

static gboolean
is_cluster_extender (gunichar c)
{
  GUnicodeType type;

  if (c < 0x300)
    return FALSE;
  if (c == 0x200D                            /* ZWJ */
      || (c >= 0xFE00 && c <= 0xFE0F)        /* variation selectors */
      || (c >= 0x1F3FB && c <= 0x1F3FF)      /* emoji skin tones */
      || (c >= 0xE0020 && c <= 0xE007F)      /* tag characters */
      || (c >= 0xE0100 && c <= 0xE01EF))
    return TRUE;

  type = g_unichar_type (c);
  return type == G_UNICODE_NON_SPACING_MARK
         || type == G_UNICODE_SPACING_MARK
         || type == G_UNICODE_ENCLOSING_MARK;
}

static gunichar
text_char_at (const DossierAnchorText *t,
              int                      i)
{
  return g_utf8_get_char (t->body + t->byte_at[i]);
}

/* TRUE when a range boundary at character @i would cut a cluster */
static gboolean
text_splits_cluster (const DossierAnchorText *t,
                     int                      i)
{
  if (i <= 0 || i >= t->n_chars)
    return FALSE;
  return is_cluster_extender (text_char_at (t, i))
         || text_char_at (t, i - 1) == 0x200D;
}

/* Widens @start..@end to whole clusters, then drops outer white space. */
static void
text_snap_range (const DossierAnchorText *t,
                 int                     *start,
                 int                     *end)
{
  while (*start > 0 && text_splits_cluster (t, *start))
    (*start)--;
  while (*end < t->n_chars && text_splits_cluster (t, *end))
    (*end)++;
  while (*end - *start > 1 && is_space (text_char_at (t, *start)))
    (*start)++;
  while (*end - *start > 1 && is_space (text_char_at (t, *end - 1)))
    (*end)--;
}

/* }}} */
/* {{{ Alphabet */

static guint32
text_lookup_id (const DossierAnchorText *t,
                gunichar                 c)
{
  if (c < 0x10000)
    {
      const guint32 *page = t->bmp_ids[c >> 8];

      return page != NULL ? page[c & 0xFF] : 0;
    }
  if (t->astral_ids == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (t->astral_ids, GUINT_TO_POINTER (c)));
}

static guint32
text_intern_id (DossierAnchorText *t,
                gunichar           c)
{
  guint32 id = text_lookup_id (t, c);

  if (id != 0)
    return id;

  id = t->n_ids++;
  if (c < 0x10000)
    {
      if (t->bmp_ids[c >> 8] == NULL)
        t->bmp_ids[c >> 8] = g_new0 (guint32, 256);
      t->bmp_ids[c >> 8][c & 0xFF] = id;
    }
  else
    {
      if (t->astral_ids == NULL)
        t->astral_ids = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (t->astral_ids, GUINT_TO_POINTER (c), GUINT_TO_POINTER (id));
    }
  return id;
}

/* }}} */
/* {{{ Myers' bit-parallel edit distance */

static void
pattern_init (Pattern        *p,
              const guint32  *ids,
              int             m,
              guint32         n_ids,
              gboolean        reversed)
{
  int i;

  g_assert (m > 0);

  p->m = m;
  p->n_blocks = (m + 63) / 64;
  p->n_ids = n_ids;
  p->peq = g_new0 (guint64, (gsize) n_ids * p->n_blocks);

  for (i = 0; i < m; i++)
    {
      guint32 id = ids[reversed ? m - 1 - i : i];

      if (id != 0)
        p->peq[(gsize) id * p->n_blocks + i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
    }
}

static void
pattern_clear (Pattern *p)
{
  g_clear_pointer (&p->peq, g_free);
  p->m = 0;
}

/* Runs @p over @n text ids starting at @text and moving by @step (1 or
 * -1).  When @anchored, the match must start at the first text character
 * and scores[j] is the edit distance between the pattern and the first
 * j + 1 text characters; otherwise the match may start anywhere and
 * scores[j] is the best distance of a match ending at j.  Returns the last
 * score (p->m when @n is 0).  @scores may be NULL. */
static int
myers_run (const Pattern *p,
           const guint32 *text,
           int            n,
           int            step,
           gboolean       anchored,
           int           *scores)
{
  int score = p->m;
  int j;

  if (p->n_blocks == 1)
    {
      const guint64 *peq = p->peq;
      guint64 high = G_GUINT64_CONSTANT (1) << (p->m - 1);
      guint64 pv = ~G_GUINT64_CONSTANT (0);
      guint64 mv = 0;
      guint64 carry = anchored ? 1 : 0;

      for (j = 0; j < n; j++, text += step)
        {
          guint64 eq = peq[*text];
          guint64 xv = eq | mv;
          guint64 xh = (((eq & pv) + pv) ^ pv) | eq;
          guint64 ph = mv | ~(xh | pv);
          guint64 mh = pv & xh;

          if (ph & high)
            score++;
          else if (mh & high)
            score--;
          ph = (ph << 1) | carry;
          mh <<= 1;
          pv = mh | ~(xv | ph);
          mv = ph & xv;
          if (scores != NULL)
            scores[j] = score;
        }
      return score;
    }
  else
    {
      int nb = p->n_blocks;
      guint64 *pvs = g_new (guint64, nb);
      guint64 *mvs = g_new0 (guint64, nb);
      guint64 last_high = G_GUINT64_CONSTANT (1) << ((p->m - 1) % 64);
      int b;

      for (b = 0; b < nb; b++)
        pvs[b] = ~G_GUINT64_CONSTANT (0);

      for (j = 0; j < n; j++, text += step)
        {
          const guint64 *peq = p->peq + (gsize) *text * nb;
          int hin = anchored ? 1 : 0;

          for (b = 0; b < nb; b++)
            {
              guint64 eq = peq[b];
              guint64 pv = pvs[b];
              guint64 mv = mvs[b];
              guint64 high = (b == nb - 1) ? last_high : G_GUINT64_CONSTANT (1) << 63;
              guint64 xv, xh, ph, mh;
              int hout = 0;

              xv = eq | mv;
              if (hin < 0)
                eq |= 1;
              xh = (((eq & pv) + pv) ^ pv) | eq;
              ph = mv | ~(xh | pv);
              mh = pv & xh;
              if (ph & high)
                hout = 1;
              else if (mh & high)
                hout = -1;
              ph <<= 1;
              mh <<= 1;
              if (hin < 0)
                mh |= 1;
              else if (hin > 0)
                ph |= 1;
              pvs[b] = mh | ~(xv | ph);
              mvs[b] = ph & xv;
              hin = hout;
            }
          score += hin;
          if (scores != NULL)
            scores[j] = score;
        }

      g_free (pvs);
      g_free (mvs);
      return score;
    }
}

/* }}} */
/* {{{ DossierAnchorText */

DossierAnchorText *
dossier_anchor_text_new (const char *body)
{
  DossierAnchorText *t = g_new0 (DossierAnchorText, 1);
  Folded f = { 0 };
  const char *p;
  int i;

  if (body == NULL)
    body = "";
  if (g_utf8_validate (body, -1, NULL))
    t->body = g_strdup (body);
  else
    t->body = g_utf8_make_valid (body, -1);
  t->body_len = strlen (t->body);
  t->n_chars = (int) g_utf8_strlen (t->body, t->body_len);

  t->byte_at = g_new (gsize, t->n_chars + 1);
  for (p = t->body, i = 0; i < t->n_chars; i++, p = g_utf8_next_char (p))
    t->byte_at[i] = p - t->body;
  t->byte_at[t->n_chars] = t->body_len;

  t->raw_to_fold = g_new (int, t->n_chars + 1);
  /* nearly every character folds to one */
  f.cap = t->n_chars + 16;
  f.chars = g_new (gunichar, f.cap);
  f.src_start = g_new (int, f.cap);
  f.src_end = g_new (int, f.cap);
  fold_utf8 (t->body, t->body_len, &f, t->raw_to_fold);

  t->n_fold = f.len;
  t->fold_start = g_steal_pointer (&f.src_start);
  t->fold_end = g_steal_pointer (&f.src_end);
  t->fold = g_new (guint32, MAX (f.len, 1));
  t->n_ids = 1;
  for (i = 0; i < f.len; i++)
    t->fold[i] = text_intern_id (t, f.chars[i]);
  folded_clear (&f);

  if (t->n_ids <= 256)
    {
      t->fold8 = g_new (guint8, MAX (t->n_fold, 1));
      for (i = 0; i < t->n_fold; i++)
        t->fold8[i] = (guint8) t->fold[i];
    }

  return t;
}

void
dossier_anchor_text_free (DossierAnchorText *text)
{
  guint i;

  if (text == NULL)
    return;
  g_free (text->body);
  g_free (text->byte_at);
  g_free (text->fold);
  g_free (text->fold8);
  g_free (text->fold_start);
  g_free (text->fold_end);
  g_free (text->raw_to_fold);
  for (i = 0; i < G_N_ELEMENTS (text->bmp_ids); i++)
    g_free (text->bmp_ids[i]);
  g_clear_pointer (&text->astral_ids, g_hash_table_unref);
  g_free (text);
}

int
dossier_anchor_text_get_length (const DossierAnchorText *text)
{
  g_return_val_if_fail (text != NULL, 0);
  return text->n_chars;
}

static char *
text_slice (const DossierAnchorText *t,
            int                      start,
            int                      end)
{
  return g_strndup (t->body + t->byte_at[start], t->byte_at[end] - t->byte_at[start]);
}

DossierAnchor *
dossier_anchor_text_new_anchor (const DossierAnchorText *text,
                                int                      start,
                                int                      end)
{
  DossierAnchor *anchor;

  g_return_val_if_fail (text != NULL, NULL);

  if (start < 0 || end > text->n_chars || start >= end)
    return NULL;

  anchor = g_new0 (DossierAnchor, 1);
  anchor->quote = text_slice (text, start, end);
  anchor->prefix = text_slice (text, MAX (0, start - CONTEXT_LEN), start);
  anchor->suffix = text_slice (text, end, MIN (text->n_chars, end + CONTEXT_LEN));
  anchor->start = start;
  anchor->end = end;
  return anchor;
}

/* Folds @s (valid UTF-8) and maps it to the text's ids.  Returns the
 * length; ids not in the body are 0. */
static int
text_fold_ids (const DossierAnchorText  *t,
               const char               *s,
               gboolean                  trim,
               guint32                 **out_ids)
{
  Folded f = { 0 };
  guint32 *ids;
  int i;

  if (trim)
    fold_trimmed (s, &f);
  else
    fold_utf8 (s, strlen (s), &f, NULL);

  ids = g_new (guint32, MAX (f.len, 1));
  for (i = 0; i < f.len; i++)
    ids[i] = text_lookup_id (t, f.chars[i]);
  *out_ids = ids;
  i = f.len;
  folded_clear (&f);
  return i;
}

/* The character whose bytes start at @byte (binary search). */
static int
text_byte_to_char (const DossierAnchorText *t,
                   gsize                    byte)
{
  int lo = 0;
  int hi = t->n_chars;

  while (lo < hi)
    {
      int mid = lo + (hi - lo) / 2;

      if (t->byte_at[mid] < byte)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* }}} */
/* {{{ Scoring */

static void
context_init (Context                 *c,
              const DossierAnchorText *t,
              const char              *s,
              gboolean                 is_prefix)
{
  g_autofree guint32 *ids = NULL;
  int len;

  memset (c, 0, sizeof *c);
  if (s == NULL || *s == '\0')
    return;

  len = text_fold_ids (t, s, FALSE, &ids);
  if (len == 0)
    return;

  /* keep the characters nearest the quote */
  if (len > CONTEXT_MAX)
    {
      if (is_prefix)
        memmove (ids, ids + (len - CONTEXT_MAX), CONTEXT_MAX * sizeof (guint32));
      len = CONTEXT_MAX;
    }
  c->len = len;
  pattern_init (&c->pat, ids, len, t->n_ids, FALSE);
}

static void
context_clear (Context *c)
{
  pattern_clear (&c->pat);
  c->len = 0;
}

/* Similarity (0..1) of the old prefix with the text just before folded
 * position @fs. */
static double
context_prefix_similarity (const Context           *c,
                           const DossierAnchorText *t,
                           int                      fs)
{
  int wlen, d;

  if (c->len == 0)
    return fs == 0 ? 1.0 : 0.5;
  wlen = MIN (c->len, fs);
  if (wlen == 0)
    return 0.0;
  d = myers_run (&c->pat, t->fold + fs - wlen, wlen, 1, TRUE, NULL);
  return 1.0 - (double) d / c->len;
}

static double
context_suffix_similarity (const Context           *c,
                           const DossierAnchorText *t,
                           int                      fe)
{
  int wlen, d;

  if (c->len == 0)
    return fe == t->n_fold ? 1.0 : 0.5;
  wlen = MIN (c->len, t->n_fold - fe);
  if (wlen == 0)
    return 0.0;
  d = myers_run (&c->pat, t->fold + fe, wlen, 1, TRUE, NULL);
  return 1.0 - (double) d / c->len;
}

static void
scorer_init (Scorer                  *sc,
             const DossierAnchorText *t,
             const char              *prefix,
             const char              *suffix,
             int                      old_start)
{
  sc->text = t;
  context_init (&sc->prefix, t, prefix, TRUE);
  context_init (&sc->suffix, t, suffix, FALSE);
  sc->expected = t->raw_to_fold[CLAMP (old_start, 0, t->n_chars)];
}

static void
scorer_clear (Scorer *sc)
{
  context_clear (&sc->prefix);
  context_clear (&sc->suffix);
}

/* How well the text around folded fs..fe matches the old context, 0..1 */
static double
scorer_context (const Scorer *sc,
                int           fs,
                int           fe)
{
  return (context_prefix_similarity (&sc->prefix, sc->text, fs)
          + context_suffix_similarity (&sc->suffix, sc->text, fe)) / 2.0;
}

/* 1 at the old position, falling to 0 a body's length away */
static double
scorer_position (const Scorer *sc,
                 int           fs)
{
  double n = MAX (sc->text->n_fold, 1);

  return 1.0 - MIN (1.0, ABS (fs - sc->expected) / n);
}

/* Whether a fuzzy candidate is good enough to place the annotation. */
static gboolean
fuzzy_acceptable (int    m,
                  double quote_sim,
                  double context)
{
  if (quote_sim < 1.0 - MAX_ERROR_RATIO)
    return FALSE;
  /* a long quote that is nearly intact stands on its own */
  if (m >= 32 && quote_sim >= 0.9)
    return TRUE;
  /* a short one needs its surroundings */
  if (m < LONG_QUOTE && context < GOOD_CONTEXT)
    return FALSE;
  return 0.6 * quote_sim + 0.4 * context >= 0.7;
}

/* }}} */
/* {{{ Exact search */

typedef struct
{
  int    start;   /* original characters */
  int    end;
  double quote;   /* similarity of the quote, 0..1 */
  double context; /* of prefix and suffix, 0..1 */
  double rank;
} Candidate;

static void
consider_exact (const Scorer *sc,
                int           start,
                int           end,
                Candidate    *best)
{
  const DossierAnchorText *t = sc->text;
  int fs = t->raw_to_fold[start];
  int fe = t->raw_to_fold[end];
  double context, rank;

  if (sc->lookup)
    {
      /* the occurrence after the text most like the hint, else the first */
      context = sc->prefix.len > 0 ? context_prefix_similarity (&sc->prefix, t, fs) : 0.0;
      rank = context;
    }
  else
    {
      context = scorer_context (sc, fs, fe);
      rank = context + 0.1 * scorer_position (sc, fs);
    }

  if (best->start < 0 || rank > best->rank)
    {
      best->start = start;
      best->end = end;
      best->quote = 1.0;
      best->context = context;
      best->rank = rank;
    }
}

/* Every byte-exact occurrence of @quote that does not cut a cluster. */
static void
search_raw (const Scorer *sc,
            const char   *quote,
            Candidate    *best)
{
  const DossierAnchorText *t = sc->text;
  gsize qlen = strlen (quote);
  const char *hay = t->body;
  const char *end = t->body + t->body_len;
  const char *hit;

  if (qlen == 0)
    return;

  while (hay < end && (hit = memmem (hay, end - hay, quote, qlen)) != NULL)
    {
      int s = text_byte_to_char (t, hit - t->body);
      int e = text_byte_to_char (t, hit - t->body + qlen);

      if (t->byte_at[s] == (gsize) (hit - t->body) && !text_splits_cluster (t, e))
        consider_exact (sc, s, e, best);
      hay = hit + 1;
    }
}

/* Every occurrence of the folded quote @q (@m ids) in the folded text that
 * starts and ends on whole original characters. */
static void
consider_folded (const Scorer *sc,
                 int           fs,
                 int           m,
                 Candidate    *best)
{
  const DossierAnchorText *t = sc->text;
  int fe = fs + m;
  int s = t->fold_start[fs];
  int e = t->fold_end[fe - 1];

  /* whole original characters only */
  if ((fs == 0 || t->fold_start[fs - 1] != s)
      && (fe == t->n_fold || t->fold_start[fe] != t->fold_start[fe - 1])
      && !text_splits_cluster (t, e))
    consider_exact (sc, s, e, best);
}

/* Every occurrence of the folded quote @q (@m ids) in the folded text. */
static void
search_folded (const Scorer  *sc,
               const guint32 *q,
               int            m,
               Candidate     *best)
{
  const DossierAnchorText *t = sc->text;
  int i, fs;

  if (m <= 0 || m > t->n_fold)
    return;
  for (i = 0; i < m; i++)
    if (q[i] == 0)
      return;   /* a character the body does not have */

  if (t->fold8 != NULL)
    {
      g_autofree guint8 *q8 = g_new (guint8, m);
      const guint8 *hay = t->fold8;
      const guint8 *end = t->fold8 + t->n_fold;
      const guint8 *hit;

      for (i = 0; i < m; i++)
        q8[i] = (guint8) q[i];
      while (hay < end && (hit = memmem (hay, end - hay, q8, m)) != NULL)
        {
          consider_folded (sc, hit - t->fold8, m, best);
          hay = hit + 1;
        }
      return;
    }

  for (fs = 0; fs + m <= t->n_fold; fs++)
    {
      if (t->fold[fs] == q[0] && t->fold[fs + m - 1] == q[m - 1]
          && memcmp (t->fold + fs, q, m * sizeof (guint32)) == 0)
        consider_folded (sc, fs, m, best);
    }
}

/* }}} */
/* {{{ Fuzzy search */

typedef struct
{
  int end;    /* folded position after the match */
  int dist;
} Hit;

typedef struct
{
  const Scorer *sc;
  Pattern       fwd;
  Pattern       rev;
  int           m;
  int           k;
  int           slack;       /* extra edits tolerated to fit the context */
  int          *rscores;     /* m + k + 1 */
  Candidate     best;
} Fuzzy;

/* One step of Myers' algorithm for a single-block pattern, in search mode
 * (a match may start anywhere): @pv/@mv are the vertical deltas, @score the
 * edit distance of the best match ending at the current character. */
#define MYERS_STEP(peq, high, pv, mv, score, c)                            \
  G_STMT_START {                                                           \
    guint64 eq_ = (peq)[c];                                                \
    guint64 xv_ = eq_ | (mv);                                              \
    guint64 xh_ = (((eq_ & (pv)) + (pv)) ^ (pv)) | eq_;                    \
    guint64 ph_ = (mv) | ~(xh_ | (pv));                                    \
    guint64 mh_ = (pv) & xh_;                                              \
    (score) += (int) ((ph_ & (high)) != 0) - (int) ((mh_ & (high)) != 0);  \
    ph_ <<= 1;                                                             \
    mh_ <<= 1;                                                             \
    (pv) = mh_ | ~(xv_ | ph_);                                             \
    (mv) = ph_ & xv_;                                                      \
  } G_STMT_END

/* One single-block scan.  The scan is latency-bound (each step depends
 * on the last), so three independent lanes run interleaved go nearly three
 * times as fast as one: either three probes over the same text, or one
 * pattern over three overlapping slices of it. */
typedef struct
{
  const guint64 *peq;
  guint64        high;
  const guint32 *text;
  int            n;            /* steps to run */
  int            report_from;  /* first step whose hit counts */
  int            base;         /* folded position of text[0] */
  int            k;
  GArray        *hits;
  guint64        pv;
  guint64        mv;
  int            score;
  int            done;         /* steps run */
} Lane;

static void
lane_init (Lane                    *l,
           const Pattern           *p,
           const DossierAnchorText *t,
           int                      scan_from,
           int                      report_from,
           int                      to,
           int                      k,
           GArray                  *hits)
{
  g_assert (p->n_blocks == 1);

  l->peq = p->peq;
  l->high = G_GUINT64_CONSTANT (1) << (p->m - 1);
  l->text = t->fold + scan_from;
  l->n = MAX (0, to - scan_from);
  l->report_from = report_from - scan_from;
  l->base = scan_from;
  l->k = k;
  l->hits = hits;
  l->pv = ~G_GUINT64_CONSTANT (0);
  l->mv = 0;
  l->score = p->m;
  l->done = 0;
}

static G_GNUC_NO_INLINE void
lane_hit (Lane *l,
          int   j,
          int   score)
{
  if (j >= l->report_from)
    {
      Hit h = { l->base + j + 1, score };

      g_array_append_val (l->hits, h);
    }
}

static void
lane_finish (Lane *l)
{
  const guint64 *peq = l->peq;
  guint64 high = l->high;
  guint64 pv = l->pv;
  guint64 mv = l->mv;
  int score = l->score;
  int k = l->k;
  int j;

  for (j = l->done; j < l->n; j++)
    {
      MYERS_STEP (peq, high, pv, mv, score, l->text[j]);
      if (G_UNLIKELY (score <= k))
        lane_hit (l, j, score);
    }
  l->done = l->n;
}

static void
lanes_run3 (Lane *a,
            Lane *b,
            Lane *c)
{
  const guint64 *apeq = a->peq, *bpeq = b->peq, *cpeq = c->peq;
  const guint32 *at = a->text, *bt = b->text, *ct = c->text;
  guint64 ah = a->high, bh = b->high, ch = c->high;
  guint64 apv = a->pv, bpv = b->pv, cpv = c->pv;
  guint64 amv = a->mv, bmv = b->mv, cmv = c->mv;
  int as = a->score, bs = b->score, cs = c->score;
  int ak = a->k, bk = b->k, ck = c->k;
  int common = MIN (a->n, MIN (b->n, c->n));
  int j;

  for (j = 0; j < common; j++)
    {
      MYERS_STEP (apeq, ah, apv, amv, as, at[j]);
      MYERS_STEP (bpeq, bh, bpv, bmv, bs, bt[j]);
      MYERS_STEP (cpeq, ch, cpv, cmv, cs, ct[j]);
      if (G_UNLIKELY (as <= ak))
        lane_hit (a, j, as);
      if (G_UNLIKELY (bs <= bk))
        lane_hit (b, j, bs);
      if (G_UNLIKELY (cs <= ck))
        lane_hit (c, j, cs);
    }

  a->pv = apv; a->mv = amv; a->score = as; a->done = common;
  b->pv = bpv; b->mv = bmv; b->score = bs; b->done = common;
  c->pv = cpv; c->mv = cmv; c->score = cs; c->done = common;
  lane_finish (a);
  lane_finish (b);
  lane_finish (c);
}

/* Every end position in folded [from, to) where @p matches with at most
 * @k edits, in order. */
static void
myers_search (const Pattern           *p,
              const DossierAnchorText *t,
              int                      from,
              int                      to,
              int                      k,
              GArray                  *hits)
{
  int n = to - from;
  int j;

  if (n <= 0)
    return;

  if (p->n_blocks == 1)
    {
      int overlap = p->m + k;
      Lane lanes[3];

      if (n < 6 * overlap)
        {
          lane_init (&lanes[0], p, t, from, from, to, k, hits);
          lane_finish (&lanes[0]);
        }
      else
        {
          /* Three slices; each starts scanning early enough that every
           * match ending in its own part is seen whole. */
          GArray *part[3];
          int cut1 = from + n / 3;
          int cut2 = from + 2 * n / 3;

          part[0] = hits;
          part[1] = g_array_new (FALSE, FALSE, sizeof (Hit));
          part[2] = g_array_new (FALSE, FALSE, sizeof (Hit));
          lane_init (&lanes[0], p, t, from, from, cut1, k, part[0]);
          lane_init (&lanes[1], p, t, cut1 - overlap, cut1, cut2, k, part[1]);
          lane_init (&lanes[2], p, t, cut2 - overlap, cut2, to, k, part[2]);
          lanes_run3 (&lanes[0], &lanes[1], &lanes[2]);
          g_array_append_vals (hits, part[1]->data, part[1]->len);
          g_array_append_vals (hits, part[2]->data, part[2]->len);
          g_array_unref (part[1]);
          g_array_unref (part[2]);
        }
    }
  else
    {
      g_autofree int *scores = g_new (int, n);

      myers_run (p, t->fold + from, n, 1, FALSE, scores);
      for (j = 0; j < n; j++)
        if (scores[j] <= k)
          {
            Hit h = { from + j + 1, scores[j] };

            g_array_append_val (hits, h);
          }
    }
}

/* A match of the whole quote ends at folded @fe; find where it starts by
 * aligning the reversed quote backwards from there (among near-best
 * starts, the one whose prefix fits best), then score it. */
static void
fuzzy_consider_end (Fuzzy *fz,
                    int    fe)
{
  const DossierAnchorText *t = fz->sc->text;
  int window = MIN (fe, fz->m + fz->k);
  int rmin = G_MAXINT;
  int fs = -1;
  int start, end, j;
  double fit = -1, prefix_sim = 0, quote_sim = 0, context, rank;

  if (window <= 0)
    return;

  myers_run (&fz->rev, t->fold + fe - 1, window, -1, TRUE, fz->rscores);
  for (j = 0; j < window; j++)
    rmin = MIN (rmin, fz->rscores[j]);
  if (rmin > fz->k)
    return;

  for (j = 0; j < window; j++)
    {
      int d = fz->rscores[j];
      double q, p, f;

      if (d > rmin + fz->slack || d > fz->k)
        continue;
      q = 1.0 - (double) d / fz->m;
      p = context_prefix_similarity (&fz->sc->prefix, t, fe - (j + 1));
      f = 0.6 * q + 0.2 * p;
      if (f > fit + 1e-9)
        {
          fit = f;
          fs = fe - (j + 1);
          quote_sim = q;
          prefix_sim = p;
        }
    }

  context = (prefix_sim + context_suffix_similarity (&fz->sc->suffix, t, fe)) / 2.0;
  if (!fuzzy_acceptable (fz->m, quote_sim, context))
    return;

  rank = 0.6 * quote_sim + 0.4 * context + 0.05 * scorer_position (fz->sc, fs);
  if (fz->best.start >= 0 && rank <= fz->best.rank)
    return;

  start = t->fold_start[fs];
  end = t->fold_end[fe - 1];
  text_snap_range (t, &start, &end);
  if (end <= start)
    return;

  fz->best.start = start;
  fz->best.end = end;
  fz->best.quote = quote_sim;
  fz->best.context = context;
  fz->best.rank = rank;
}

/* Aligns the whole quote in folded [from, to).  For each run of adjacent
 * match ends, the end is chosen on the best distance of a match ending
 * there and on how well the suffix fits after it (so "…memorandum of
 * 1994." wins over a slightly closer "…memorandum" when the old suffix
 * follows "1994."); then its start. */
static void
fuzzy_align (Fuzzy *fz,
             int    from,
             int    to)
{
  const DossierAnchorText *t = fz->sc->text;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  guint i, j;

  myers_search (&fz->fwd, t, from, to, fz->k, hits);

  for (i = 0; i < hits->len; i = j)
    {
      int run_min = G_MAXINT;
      int best_end = -1;
      double best_fit = -1;
      guint r;

      for (j = i; j < hits->len; j++)
        {
          Hit *h = &g_array_index (hits, Hit, j);

          if (j > i && h->end != g_array_index (hits, Hit, j - 1).end + 1)
            break;
          run_min = MIN (run_min, h->dist);
        }
      for (r = i; r < j; r++)
        {
          Hit *h = &g_array_index (hits, Hit, r);
          double fit;

          if (h->dist > run_min + fz->slack)
            continue;
          fit = 0.6 * (1.0 - (double) h->dist / fz->m)
                + 0.2 * context_suffix_similarity (&fz->sc->suffix, t, h->end);
          if (fit > best_fit + 1e-9)
            {
              best_fit = fit;
              best_end = h->end;
            }
        }
      if (best_end > 0)
        fuzzy_consider_end (fz, best_end);
    }
}

static int
compare_region_dist (gconstpointer a,
                     gconstpointer b)
{
  const Region *ra = a;
  const Region *rb = b;

  if (ra->dist != rb->dist)
    return ra->dist < rb->dist ? -1 : 1;
  return ra->from < rb->from ? -1 : ra->from > rb->from;
}

static int
compare_region_from (gconstpointer a,
                     gconstpointer b)
{
  const Region *ra = a;
  const Region *rb = b;

  return ra->from < rb->from ? -1 : ra->from > rb->from;
}

/* Searches folded [from, to).  Short quotes directly; long ones through
 * 64-character probes from their head, middle and tail: the whole quote
 * is then aligned only in small regions around the probes' hits. */
static void
fuzzy_search_range (Fuzzy         *fz,
                    const guint32 *q,
                    int            from,
                    int            to)
{
  const DossierAnchorText *t = fz->sc->text;
  g_autoptr(GArray) regions = NULL;
  GArray *hits[3];
  Pattern probes[3];
  Lane lanes[3];
  int offsets[3];
  int i, pk;
  guint r;

  if (fz->m <= PROBE_LEN)
    {
      fuzzy_align (fz, from, to);
      return;
    }

  regions = g_array_new (FALSE, FALSE, sizeof (Region));
  offsets[0] = 0;
  offsets[1] = (fz->m - PROBE_LEN) / 2;
  offsets[2] = fz->m - PROBE_LEN;
  pk = (int) (PROBE_LEN * MAX_ERROR_RATIO);

  /* the three probes run side by side over the range */
  for (i = 0; i < 3; i++)
    {
      hits[i] = g_array_new (FALSE, FALSE, sizeof (Hit));
      pattern_init (&probes[i], q + offsets[i], PROBE_LEN, t->n_ids, FALSE);
      lane_init (&lanes[i], &probes[i], t, from, from, to, pk, hits[i]);
    }
  lanes_run3 (&lanes[0], &lanes[1], &lanes[2]);

  for (i = 0; i < 3; i++)
    {
      for (r = 0; r < hits[i]->len; r++)
        {
          Hit *h = &g_array_index (hits[i], Hit, r);
          int est_start = h->end - PROBE_LEN - offsets[i];
          Region reg;

          /* one region per run of adjacent ends is enough */
          if (r > 0 && g_array_index (hits[i], Hit, r - 1).end == h->end - 1
              && g_array_index (hits[i], Hit, r - 1).dist <= h->dist)
            continue;

          reg.from = MAX (0, est_start - fz->k - 16);
          reg.to = MIN (t->n_fold, est_start + fz->m + fz->k + 16);
          reg.dist = h->dist;
          if (reg.to > reg.from)
            g_array_append_val (regions, reg);
        }
      g_array_unref (hits[i]);
      pattern_clear (&probes[i]);
    }

  /* the best-matching probes first, a bounded number of them */
  g_array_sort (regions, compare_region_dist);
  if (regions->len > MAX_REGIONS)
    g_array_set_size (regions, MAX_REGIONS);
  g_array_sort (regions, compare_region_from);

  for (r = 0; r < regions->len; r++)
    {
      Region cur = g_array_index (regions, Region, r);

      while (r + 1 < regions->len && g_array_index (regions, Region, r + 1).from <= cur.to)
        {
          cur.to = MAX (cur.to, g_array_index (regions, Region, r + 1).to);
          r++;
        }
      fuzzy_align (fz, cur.from, cur.to);
    }
}

static gboolean
search_fuzzy (const Scorer  *sc,
              const guint32 *q,
              int            m,
              Candidate     *best)
{
  const DossierAnchorText *t = sc->text;
  Fuzzy fz = { 0 };
  int near = NEAR_WINDOW + 2 * m;

  fz.sc = sc;
  fz.m = m;
  fz.k = (int) (m * MAX_ERROR_RATIO);
  fz.slack = CLAMP (m / 10, 1, 12);
  fz.best.start = -1;
  if (fz.k < 1 || t->n_fold == 0)
    return FALSE;

  pattern_init (&fz.fwd, q, m, t->n_ids, FALSE);
  pattern_init (&fz.rev, q, m, t->n_ids, TRUE);
  fz.rscores = g_new (int, m + fz.k + 1);

  /* Most edits leave a passage near where it was: look there first and
   * settle for a clearly good match; otherwise search the whole body. */
  if (t->n_fold > 4 * near)
    fuzzy_search_range (&fz, q,
                        MAX (0, sc->expected - near),
                        MIN (t->n_fold, sc->expected + m + near));
  if (fz.best.start < 0 || fz.best.quote < 0.9 || fz.best.context < GOOD_CONTEXT)
    fuzzy_search_range (&fz, q, 0, t->n_fold);

  pattern_clear (&fz.fwd);
  pattern_clear (&fz.rev);
  g_free (fz.rscores);

  if (fz.best.start < 0)
    return FALSE;
  *best = fz.best;
  return TRUE;
}

/* }}} */
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

  scorer_init (&sc, t,
               old->prefix != NULL && g_utf8_validate (old->prefix, -1, NULL) ? old->prefix : NULL,
               old->suffix != NULL && g_utf8_validate (old->suffix, -1, NULL) ? old->suffix : NULL,
               old->start);
  m = text_fold_ids (t, quote, TRUE, &q);

  /* 1. still where it was */
  if (old->start >= 0 && old->start < old->end && old->end <= t->n_chars
      && t->byte_at[old->end] - t->byte_at[old->start] == qbytes
      && memcmp (t->body + t->byte_at[old->start], quote, qbytes) == 0
      && scorer_context (&sc, t->raw_to_fold[old->start], t->raw_to_fold[old->end]) >= GOOD_CONTEXT)
    {
      best.start = old->start;
      best.end = old->end;
      result = DOSSIER_ANCHOR_EXACT_POSITION;
      goto out;
    }

  /* 2. the exact quote, best context first, then nearest; then the same
   *    with white space and the like folded */
  search_raw (&sc, quote, &best);
  raw = best.start >= 0;
  if (!raw)
    search_folded (&sc, q, m, &best);
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
    gboolean have_fuzzy = search_fuzzy (&sc, q, m, &fuzzy);

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
  scorer_clear (&sc);
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
dossier_anchor_new_from_quote (const char  *body,
                               const char  *quote,
                               const char  *prefix_hint,
                               GError     **error)
{
  g_autoptr(DossierAnchorText) t = NULL;
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

  t = dossier_anchor_text_new (body);
  m = text_fold_ids (t, quote, TRUE, &q);
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
    context_init (&sc.prefix, t, prefix_hint, TRUE);

  search_raw (&sc, quote, &best);
  if (best.start < 0)
    search_folded (&sc, q, m, &best);
  scorer_clear (&sc);

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
/* {{{ UTF-8 helpers */

gsize
dossier_utf8_offset_to_byte (const char *s,
                             int         char_offset)
{
  const char *p = s;
  int i;

  if (s == NULL)
    return 0;
  for (i = 0; i < char_offset && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  return p - s;
}

int
dossier_utf8_byte_to_offset (const char *s,
                             gsize       byte_offset)
{
  const char *p = s;
  int n = 0;

  if (s == NULL)
    return 0;
  while (*p != '\0' && (gsize) (p - s) < byte_offset)
    {
      p = g_utf8_next_char (p);
      n++;
    }
  return n;
}

char *
dossier_utf8_slice (const char *s,
                    int         start,
                    int         end)
{
  gsize b0, b1;

  if (s == NULL || end <= start)
    return g_strdup ("");
  b0 = dossier_utf8_offset_to_byte (s, MAX (start, 0));
  b1 = b0 + dossier_utf8_offset_to_byte (s + b0, end - MAX (start, 0));
  return g_strndup (s + b0, b1 - b0);
}

int
dossier_utf8_edit_distance (const char *a,
                            const char *b)
{
  g_autoptr(GHashTable) alphabet = g_hash_table_new (NULL, NULL);
  g_autofree guint32 *ia = NULL;
  g_autofree guint32 *ib = NULL;
  const char *strs[2];
  guint32 *ids[2];
  int lens[2];
  Pattern p;
  int i, j, d;

  strs[0] = a != NULL ? a : "";
  strs[1] = b != NULL ? b : "";

  for (i = 0; i < 2; i++)
    {
      const char *s;

      lens[i] = (int) g_utf8_strlen (strs[i], -1);
      ids[i] = g_new (guint32, MAX (lens[i], 1));
      for (s = strs[i], j = 0; j < lens[i]; j++, s = g_utf8_next_char (s))
        {
          gpointer key = GUINT_TO_POINTER (g_utf8_get_char (s));
          guint32 id = GPOINTER_TO_UINT (g_hash_table_lookup (alphabet, key));

          if (id == 0)
            {
              id = g_hash_table_size (alphabet) + 1;
              g_hash_table_insert (alphabet, key, GUINT_TO_POINTER (id));
            }
          ids[i][j] = id;
        }
    }
  ia = ids[0];
  ib = ids[1];

  if (lens[0] == 0)
    return lens[1];
  if (lens[1] == 0)
    return lens[0];

  pattern_init (&p, ia, lens[0], g_hash_table_size (alphabet) + 1, FALSE);
  d = myers_run (&p, ib, lens[1], 1, TRUE, NULL);
  pattern_clear (&p);
  return d;
}

gboolean
dossier_utf8_fold_equal (const char *a,
                         const char *b)
{
  Folded fa = { 0 };
  Folded fb = { 0 };
  gboolean equal;

  if (a == NULL || b == NULL)
    return a == b;
  if (!g_utf8_validate (a, -1, NULL) || !g_utf8_validate (b, -1, NULL))
    return strcmp (a, b) == 0;

  fold_trimmed (a, &fa);
  fold_trimmed (b, &fb);
  equal = fa.len == fb.len
          && (fa.len == 0 || memcmp (fa.chars, fb.chars, fa.len * sizeof (gunichar)) == 0);
  folded_clear (&fa);
  folded_clear (&fb);
  return equal;
}

/* }}} */
