/* dossier-anchor-match.c — finding a quote in a prepared body: Myers'
 * bit-parallel edit distance, the scoring of candidates on their context
 * and position, the exact and the fuzzy searches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-anchor"

#include "config.h"

#include "dossier-anchor-private.h"

#include <string.h>

/* folded context characters compared; one Myers block */
#define CONTEXT_MAX     64
/* the fuzzy search allows this share of the quote's length in edits */
#define MAX_ERROR_RATIO 0.25
/* probe length for long quotes */
#define PROBE_LEN       64
/* at most this many regions are aligned for one long quote */
#define MAX_REGIONS     64
/* the fuzzy search looks this far around the old position first */
#define NEAR_WINDOW     2048

typedef struct
{
  int from;
  int to;
  int dist;
} Region;

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
/* {{{ Scoring */

void
_dossier_anchor_context_init (Context                 *c,
                              const DossierAnchorText *t,
                              const char              *s,
                              gboolean                 is_prefix)
{
  g_autofree guint32 *ids = NULL;
  int len;

  memset (c, 0, sizeof *c);
  if (s == NULL || *s == '\0')
    return;

  len = _dossier_anchor_text_fold_ids (t, s, FALSE, &ids);
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
  _dossier_anchor_pattern_init (&c->pat, ids, len, t->n_ids, FALSE);
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
  d = _dossier_anchor_myers_run (&c->pat, t->fold + fs - wlen, wlen, 1, TRUE, NULL);
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
  d = _dossier_anchor_myers_run (&c->pat, t->fold + fe, wlen, 1, TRUE, NULL);
  return 1.0 - (double) d / c->len;
}

void
_dossier_anchor_scorer_init (Scorer                  *sc,
                             const DossierAnchorText *t,
                             const char              *prefix,
                             const char              *suffix,
                             int                      old_start)
{
  sc->text = t;
  _dossier_anchor_context_init (&sc->prefix, t, prefix, TRUE);
  _dossier_anchor_context_init (&sc->suffix, t, suffix, FALSE);
  sc->expected = t->raw_to_fold[CLAMP (old_start, 0, t->n_chars)];
}

void
_dossier_anchor_scorer_clear (Scorer *sc)
{
  context_clear (&sc->prefix);
  context_clear (&sc->suffix);
}

/* How well the text around folded fs..fe matches the old context, 0..1 */
double
_dossier_anchor_scorer_context (const Scorer *sc,
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
      context = _dossier_anchor_scorer_context (sc, fs, fe);
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

/* Every byte-exact occurrence of @quote that does not cut a cluster. */
void
_dossier_anchor_search_raw (const Scorer *sc,
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
void
_dossier_anchor_search_folded (const Scorer  *sc,
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

      _dossier_anchor_myers_run (p, t->fold + from, n, 1, FALSE, scores);
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

  _dossier_anchor_myers_run (&fz->rev, t->fold + fe - 1, window, -1, TRUE, fz->rscores);
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
      _dossier_anchor_pattern_init (&probes[i], q + offsets[i], PROBE_LEN, t->n_ids, FALSE);
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

gboolean
_dossier_anchor_search_fuzzy (const Scorer  *sc,
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

  _dossier_anchor_pattern_init (&fz.fwd, q, m, t->n_ids, FALSE);
  _dossier_anchor_pattern_init (&fz.rev, q, m, t->n_ids, TRUE);
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
