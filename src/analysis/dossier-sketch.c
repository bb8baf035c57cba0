/* dossier-sketch.c — near-duplicates and stories from compact sketches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-sketch"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-sketch.h"
#include "dossier-shingles.h"

#define SHINGLE_WORDS   3
#define MAX_TEXT_BYTES  (512 * 1024)  /* longer texts: their start only */
#define LEAD_WORDS      100           /* title and lead: the first words */
#define MIN_TERM_CHARS  3
#define MIN_SHINGLES    8             /* shorter texts are never copies */
#define VECTOR_TERMS    32            /* the rarest lead words compared */
#define POSTING_CAP     200           /* a word in more articles finds none */
#define BAND_ROWS       3
#define N_BANDS         (DOSSIER_SKETCH_SLOTS / BAND_ROWS)
#define BUCKET_CAP      64            /* articles looked at per band bucket */
#define STORY_COSINE    0.12
#define RELATED_COSINE  0.05
#define NEAR_MIN_JACCARD 0.2          /* below it, no pair is a copy */
#define EMPTY_SLOT      G_MAXUINT32
#define PREFETCH_AHEAD  6             /* candidates read ahead */

/* --- sketches --- */

void
dossier_sketch_compute (DossierSketch *out,
                        const char    *title,
                        const char    *body)
{
  guint64 ring[SHINGLE_WORDS] = { 0 };
  const char *texts[2] = { title, body };
  guint words = 0;
  guint lead = 0;

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < DOSSIER_SKETCH_SLOTS; i++)
    out->minhash[i] = EMPTY_SLOT;

  for (guint t = 0; t < 2; t++)
    {
      const char *p = texts[t];
      const char *end;
      guint64 h;
      gboolean capital;
      guint n_chars;

      if (p == NULL)
        continue;
      end = p + strnlen (p, MAX_TEXT_BYTES);
      while (dossier_shingles_next_word (&p, end, &h, &capital, &n_chars))
        {
          /* the lead's words: the title's and the body's first ones */
          if (lead < LEAD_WORDS)
            {
              guint32 term = (guint32) dossier_shingles_mix (h);
              guint k;

              lead++;
              if (n_chars >= MIN_TERM_CHARS)
                {
                  for (k = 0; k < out->n_terms && out->term[k] != term; k++)
                    ;
                  if (k == out->n_terms && k < DOSSIER_SKETCH_TERMS)
                    {
                      out->term[k] = term;
                      out->n_terms++;
                    }
                  if (k < out->n_terms)
                    out->weight[k] = (guint8) MIN (255, out->weight[k] + (capital ? 2 : 1));
                }
            }
          /* shingles of the body only: a new headline is no change */
          if (t == 0)
            continue;
          ring[words % SHINGLE_WORDS] = h;
          words++;
          if (words >= SHINGLE_WORDS)
            {
              guint64 s = 0;
              guint slot;
              guint32 v;

              for (guint k = 0; k < SHINGLE_WORDS; k++)
                s = dossier_shingles_mix (s ^ ring[(words + k) % SHINGLE_WORDS]);
              slot = (guint) (s >> 58);
              v = (guint32) (s >> 16);
              if (v == EMPTY_SLOT)
                v--;
              if (v < out->minhash[slot])
                out->minhash[slot] = v;
              out->n_shingles++;
            }
        }
    }

  if (out->n_shingles == 0)
    {
      memset (out->minhash, 0, sizeof out->minhash);
      return;
    }
  /* densify: an empty slot takes the value of the next full one to its
   * right, rehashed by the distance, the same way in every sketch */
  {
    guint32 full[DOSSIER_SKETCH_SLOTS];

    memcpy (full, out->minhash, sizeof full);
    for (guint i = 0; i < DOSSIER_SKETCH_SLOTS; i++)
      for (guint d = 1; full[i] == EMPTY_SLOT && d < DOSSIER_SKETCH_SLOTS; d++)
        {
          guint32 v = full[(i + d) % DOSSIER_SKETCH_SLOTS];

          if (v != EMPTY_SLOT)
            {
              out->minhash[i] = (guint32) dossier_shingles_mix (((guint64) d << 40) ^ v);
              break;
            }
        }
  }
}

double
dossier_sketch_jaccard (const DossierSketch *a,
                        const DossierSketch *b)
{
  guint same = 0;

  if (a->n_shingles == 0 || b->n_shingles == 0)
    return 0;
  for (guint i = 0; i < DOSSIER_SKETCH_SLOTS; i++)
    same += a->minhash[i] == b->minhash[i];
  return (double) same / DOSSIER_SKETCH_SLOTS;
}

/* the test of dossier_sketch_near_duplicate() on the two counts of
 * shingles, which are all it reads of the sketches */
static gboolean
near_duplicate_counts (double na,
                       double nb,
                       double jaccard)
{
  double lo = MIN (na, nb), hi = MAX (na, nb);
  double shared;

  if (lo < MIN_SHINGLES)
    return FALSE;
  if (jaccard >= 0.5)
    return TRUE;
  /* a cut or an addition: most of the shorter text is in the longer */
  shared = jaccard * (na + nb) / (1 + jaccard);
  return jaccard >= NEAR_MIN_JACCARD && lo / hi >= 0.4 && shared / lo >= 0.85;
}

gboolean
dossier_sketch_near_duplicate (const DossierSketch *a,
                               const DossierSketch *b,
                               double               jaccard)
{
  return near_duplicate_counts (a->n_shingles, b->n_shingles, jaccard);
}

GBytes *
dossier_sketch_minhash_bytes (const DossierSketch *sketch)
{
  guint32 le[DOSSIER_SKETCH_SLOTS];

  for (guint i = 0; i < DOSSIER_SKETCH_SLOTS; i++)
    le[i] = GUINT32_TO_LE (sketch->minhash[i]);
  return g_bytes_new (le, sizeof le);
}

GBytes *
dossier_sketch_terms_bytes (const DossierSketch *sketch)
{
  guint8 buf[DOSSIER_SKETCH_TERMS * 5];

  for (guint i = 0; i < sketch->n_terms; i++)
    {
      guint32 le = GUINT32_TO_LE (sketch->term[i]);

      memcpy (buf + 5 * i, &le, 4);
      buf[5 * i + 4] = sketch->weight[i];
    }
  return g_bytes_new (buf, 5 * sketch->n_terms);
}

gboolean
dossier_sketch_from_bytes (DossierSketch *out,
                           guint32        n_shingles,
                           const void    *minhash,
                           gsize          minhash_len,
                           const void    *terms,
                           gsize          terms_len)
{
  const guint8 *t = terms;

  memset (out, 0, sizeof *out);
  if (minhash_len != sizeof out->minhash || terms_len % 5 != 0 ||
      terms_len / 5 > DOSSIER_SKETCH_TERMS || (terms_len > 0 && terms == NULL))
    return FALSE;
  out->n_shingles = n_shingles;
  for (guint i = 0; i < DOSSIER_SKETCH_SLOTS; i++)
    {
      guint32 le;

      memcpy (&le, (const guint8 *) minhash + 4 * i, 4);
      out->minhash[i] = GUINT32_FROM_LE (le);
    }
  out->n_terms = (guint32) (terms_len / 5);
  for (guint i = 0; i < out->n_terms; i++)
    {
      guint32 le;

      memcpy (&le, t + 5 * i, 4);
      out->term[i] = GUINT32_FROM_LE (le);
      out->weight[i] = t[5 * i + 4];
    }
  return TRUE;
}

const char *
dossier_relation_to_string (DossierRelation relation)
{
  switch (relation)
    {
    case DOSSIER_RELATION_NEAR_DUPLICATE:
      return "near-duplicate";
    case DOSSIER_RELATION_SAME_STORY:
      return "same-story";
    case DOSSIER_RELATION_RELATED:
    default:
      return "related";
    }
}

/* --- the index --- */

typedef struct
{
  guint32 term;
  guint32 doc;
  float   w;
} Posting;

typedef struct
{
  guint64 key;
  guint32 doc;
} Band;

typedef struct
{
  gint64        id;
  gint64        jd;
  DossierSketch sketch;
  guint8        n_vec;
  guint32       vec_term[VECTOR_TERMS];
  float         vec_w[VECTOR_TERMS];
} Doc;

/* What the query reads of every candidate it keeps: its id and day, in
 * an array of their own (1.6 MB at 100,000 articles, where the Docs
 * take 85 MB: reading a candidate's line of its Doc was most of a full
 * re-grouping's time, waiting on memory) */
typedef struct
{
  gint64 id;
  gint64 jd;
} Key;

/* What a query writes and reads of each article it touches, in one line:
 * three arrays cost three misses for each of the thousands of articles a
 * query touches */
typedef struct
{
  guint32 mark;      /* the query that touched it */
  guint32 banded;    /* the query whose bands it shares */
  float   acc;       /* the cosine of the query so far */
  guint32 shingles;  /* its count of shingles */
} Scratch;

struct _DossierSimilarIndex
{
  GArray     *docs;      /* Doc */
  Key        *keys;      /* per doc, once sealed */
  guint32    *minhash;   /* per doc: its DOSSIER_SKETCH_SLOTS values */
  guint8     *low;       /* per doc: the low byte of each, a line */
  GHashTable *index_of;  /* id → doc index + 1 */
  GArray     *postings;  /* Posting, by term then doc */
  GArray     *bands;     /* Band, by key then doc */
  guint32    *postings_dir;  /* make_directory() of each */
  guint32    *bands_dir;
  Scratch    *scratch;   /* per doc */
  guint32     query;
  gboolean    sealed;
};

DossierSimilarIndex *
dossier_similar_index_new (void)
{
  DossierSimilarIndex *self = g_new0 (DossierSimilarIndex, 1);

  self->docs = g_array_new (FALSE, FALSE, sizeof (Doc));
  self->index_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return self;
}

void
dossier_similar_index_free (DossierSimilarIndex *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->docs);
  g_hash_table_unref (self->index_of);
  g_clear_pointer (&self->postings, g_array_unref);
  g_clear_pointer (&self->bands, g_array_unref);
  g_free (self->keys);
  g_free (self->minhash);
  g_aligned_free (self->low);
  g_free (self->postings_dir);
  g_free (self->bands_dir);
  g_free (self->scratch);
  g_free (self);
}

void
dossier_similar_index_add (DossierSimilarIndex *self,
                           gint64               id,
                           gint64               jd,
                           const DossierSketch *sketch)
{
  Doc doc = { 0 };

  g_return_if_fail (self != NULL && !self->sealed);

  if (g_hash_table_contains (self->index_of, &id) || self->docs->len >= G_MAXUINT32 - 1)
    return;
  doc.id = id;
  doc.jd = jd;
  doc.sketch = *sketch;
  g_array_append_val (self->docs, doc);
  g_hash_table_insert (self->index_of, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (self->docs->len));
}

guint
dossier_similar_index_size (DossierSimilarIndex *self)
{
  return self->docs->len;
}

static int
compare_u32 (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static int
compare_postings (gconstpointer a, gconstpointer b)
{
  const Posting *x = a, *y = b;

  if (x->term != y->term)
    return x->term < y->term ? -1 : 1;
  return x->doc < y->doc ? -1 : x->doc > y->doc;
}

static int
compare_bands (gconstpointer a, gconstpointer b)
{
  const Band *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->doc < y->doc ? -1 : x->doc > y->doc;
}

typedef struct
{
  guint32 term;
  float   w;
} Weighted;

static int
compare_weighted (gconstpointer a, gconstpointer b)
{
  const Weighted *x = a, *y = b;

  if (x->w != y->w)
    return x->w > y->w ? -1 : 1;
  return x->term < y->term ? -1 : x->term > y->term;
}

static guint64
band_key (const DossierSketch *s,
          guint                band)
{
  guint64 k = dossier_shingles_mix (band + 1);

  for (guint r = 0; r < BAND_ROWS; r++)
    k = dossier_shingles_mix (k ^ s->minhash[band * BAND_ROWS + r]);
  return k;
}

/* counts of each term in the whole library, as a sorted (term, n) list */
static GArray *
document_frequencies (DossierSimilarIndex *self)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *df = g_array_new (FALSE, FALSE, 2 * sizeof (guint32));

  for (guint d = 0; d < self->docs->len; d++)
    {
      const Doc *doc = &g_array_index (self->docs, Doc, d);

      g_array_append_vals (all, doc->sketch.term, doc->sketch.n_terms);
    }
  g_array_sort (all, compare_u32);
  for (guint i = 0; i < all->len;)
    {
      guint32 pair[2] = { g_array_index (all, guint32, i), 0 };

      while (i < all->len && g_array_index (all, guint32, i) == pair[0])
        {
          pair[1]++;
          i++;
        }
      g_array_append_val (df, pair);
    }
  return df;
}

static guint32
lookup_df (GArray  *df,
           guint32  term)
{
  guint lo = 0, hi = df->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const guint32 *p = (const guint32 *) df->data + 2 * mid;

      if (p[0] == term)
        return p[1];
      if (p[0] < term)
        lo = mid + 1;
      else
        hi = mid;
    }
  return 1;
}

/* The bits of a key that pick its range in a directory.  Keys and terms
 * are hashes, so each of the 2^DIR_BITS ranges holds a few records: a
 * look-up reads the directory and a line or two of records, where a
 * binary search over the 2 million bands read 21 lines scattered over
 * 25 MB (a third of a full re-grouping's time, with the postings'). */
#define DIR_BITS 18

static guint
prefix (guint64  key,
        gboolean wide)
{
  return (guint) (wide ? key >> (64 - DIR_BITS) : (guint32) key >> (32 - DIR_BITS));
}

/* For a sorted array of records starting with a key: the first index of
 * each prefix, and the length at the end */
static guint32 *
make_directory (GArray   *array,
                gsize     size,
                gboolean  wide)
{
  guint32 *dir = g_new (guint32, (1 << DIR_BITS) + 1);
  guint i = 0;

  for (guint p = 0; p < (1u << DIR_BITS); p++)
    {
      while (i < array->len)
        {
          const char *r = array->data + (gsize) i * size;

          if (prefix (wide ? *(const guint64 *) r : *(const guint32 *) r, wide) >= p)
            break;
          i++;
        }
      dir[p] = i;
    }
  dir[1 << DIR_BITS] = array->len;
  return dir;
}

/* The postings of a word in more than POSTING_CAP articles are never
 * walked (such a word finds none): out of the sorted postings, so the
 * others lie closer together */
static void
drop_common_terms (GArray *postings)
{
  Posting *p = (Posting *) postings->data;
  guint kept = 0;

  for (guint i = 0; i < postings->len;)
    {
      guint end = i;

      while (end < postings->len && p[end].term == p[i].term)
        end++;
      if (end - i <= POSTING_CAP)
        {
          memmove (p + kept, p + i, (end - i) * sizeof *p);
          kept += end - i;
        }
      i = end;
    }
  g_array_set_size (postings, kept);
}

void
dossier_similar_index_seal (DossierSimilarIndex *self)
{
  g_autoptr(GArray) df = NULL;
  guint n;

  g_return_if_fail (self != NULL);

  if (self->sealed)
    return;
  self->sealed = TRUE;
  n = self->docs->len;
  df = document_frequencies (self);
  self->postings = g_array_sized_new (FALSE, FALSE, sizeof (Posting), n * 16);
  self->bands = g_array_sized_new (FALSE, FALSE, sizeof (Band), n * N_BANDS);

  for (guint d = 0; d < n; d++)
    {
      Doc *doc = &g_array_index (self->docs, Doc, d);
      Weighted w[DOSSIER_SKETCH_TERMS];
      double norm = 0;

      /* the lead's words weighted by their rarity, the rarest kept */
      for (guint i = 0; i < doc->sketch.n_terms; i++)
        {
          w[i].term = doc->sketch.term[i];
          w[i].w = (float) ((1 + log (MAX (1, doc->sketch.weight[i]))) *
                            log (1.0 + (double) n / lookup_df (df, doc->sketch.term[i])));
        }
      qsort (w, doc->sketch.n_terms, sizeof *w, compare_weighted);
      doc->n_vec = (guint8) MIN (doc->sketch.n_terms, VECTOR_TERMS);
      for (guint i = 0; i < doc->n_vec; i++)
        norm += (double) w[i].w * w[i].w;
      norm = sqrt (norm);
      for (guint i = 0; i < doc->n_vec; i++)
        {
          Posting p = { w[i].term, d, norm > 0 ? (float) (w[i].w / norm) : 0 };

          doc->vec_term[i] = w[i].term;
          doc->vec_w[i] = p.w;
          if (p.w > 0)
            g_array_append_val (self->postings, p);
        }
      if (doc->sketch.n_shingles >= MIN_SHINGLES)
        for (guint b = 0; b < N_BANDS; b++)
          {
            Band band = { band_key (&doc->sketch, b), d };

            g_array_append_val (self->bands, band);
          }
    }
  g_array_sort (self->postings, compare_postings);
  drop_common_terms (self->postings);
  g_array_sort (self->bands, compare_bands);
  self->keys = g_new (Key, MAX (n, 1));
  self->scratch = g_new0 (Scratch, MAX (n, 1));
  self->minhash = g_new (guint32, (gsize) MAX (n, 1) * DOSSIER_SKETCH_SLOTS);
  self->low = g_aligned_alloc (MAX (n, 1), DOSSIER_SKETCH_SLOTS, 64);
  for (guint d = 0; d < n; d++)
    {
      const Doc *doc = &g_array_index (self->docs, Doc, d);

      self->keys[d].id = doc->id;
      self->keys[d].jd = doc->jd;
      self->scratch[d].shingles = doc->sketch.n_shingles;
      memcpy (self->minhash + (gsize) d * DOSSIER_SKETCH_SLOTS, doc->sketch.minhash, sizeof doc->sketch.minhash);
      for (guint k = 0; k < DOSSIER_SKETCH_SLOTS; k++)
        self->low[(gsize) d * DOSSIER_SKETCH_SLOTS + k] = (guint8) doc->sketch.minhash[k];
    }
  self->postings_dir = make_directory (self->postings, sizeof (Posting), FALSE);
  self->bands_dir = make_directory (self->bands, sizeof (Band), TRUE);
}

/* the first index of @key in a sorted array of records starting with it;
 * @dir: its directory */
static guint
lower_bound (GArray         *array,
             const guint32  *dir,
             gsize           size,
             guint64         key,
             gboolean        wide)
{
  guint lo = dir[prefix (key, wide)], hi = dir[prefix (key, wide) + 1];

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const char *p = array->data + mid * size;
      guint64 k = wide ? *(const guint64 *) p : *(const guint32 *) p;

      if (k < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
touch (DossierSimilarIndex *self,
       GArray              *touched,
       guint32              d)
{
  Scratch *s = &self->scratch[d];

  if (s->mark != self->query)
    {
      s->mark = self->query;
      s->acc = 0;
      g_array_append_val (touched, d);
    }
}

static int
compare_hits (gconstpointer a, gconstpointer b)
{
  const DossierSimilarHit *x = a, *y = b;

  if (x->relation != y->relation)
    return x->relation > y->relation ? -1 : 1;
  if (x->similarity != y->similarity)
    return x->similarity > y->similarity ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* The hit @d makes for the query @q, if any: a copy, of its story, or
 * related; @jaccard: of their signatures, 0 when they share no band or
 * are too far apart for copies */
static void
add_hit (DossierSimilarIndex *self,
         const Doc           *q,
         guint32              d,
         double               jaccard,
         GArray              *hits)
{
  const Scratch *s = &self->scratch[d];
  gboolean banded = s->banded == self->query;
  double cosine = MIN (1.0, s->acc);
  gint64 jd = self->keys[d].jd;
  gboolean in_window = q->jd < 0 || jd < 0 || ABS (q->jd - jd) <= DOSSIER_STORY_WINDOW_DAYS;
  DossierSimilarHit hit;

  hit.id = self->keys[d].id;
  if (banded && near_duplicate_counts (q->sketch.n_shingles, s->shingles, jaccard))
    {
      hit.relation = DOSSIER_RELATION_NEAR_DUPLICATE;
      hit.similarity = MAX (jaccard, cosine);
    }
  else if (cosine >= STORY_COSINE && in_window)
    {
      hit.relation = DOSSIER_RELATION_SAME_STORY;
      hit.similarity = cosine;
    }
  else if (cosine >= RELATED_COSINE)
    {
      hit.relation = DOSSIER_RELATION_RELATED;
      hit.similarity = cosine;
    }
  else
    return;
  g_array_append_val (hits, hit);
}

GArray *
dossier_similar_index_query (DossierSimilarIndex *self,
                             gint64               id,
                             guint                max)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (DossierSimilarHit));
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) close = g_array_new (FALSE, FALSE, sizeof (guint32));
  const Doc *q;
  const guint32 *qmin;
  const guint8 *qlow;
  guint64 keys[N_BANDS];
  guint n_keys;
  guint qi;

  g_return_val_if_fail (self != NULL, hits);

  if (!self->sealed)
    dossier_similar_index_seal (self);
  qi = GPOINTER_TO_UINT (g_hash_table_lookup (self->index_of, &id));
  if (qi == 0 || max == 0)
    return hits;
  qi--;
  q = &g_array_index (self->docs, Doc, qi);
  if (++self->query == 0)
    {
      for (guint d = 0; d < self->docs->len; d++)
        self->scratch[d].mark = self->scratch[d].banded = 0;
      self->query = 1;
    }

  /* where each of the lead's words and each band starts: first the
   * directory's entries, then the records they point to, read ahead of
   * the walks (each is a miss, 53 of them a query, a tenth of its time) */
  n_keys = q->sketch.n_shingles >= MIN_SHINGLES ? N_BANDS : 0;
  for (guint b = 0; b < n_keys; b++)
    {
      keys[b] = band_key (&q->sketch, b);
      __builtin_prefetch (&self->bands_dir[prefix (keys[b], TRUE)]);
    }
  for (guint i = 0; i < q->n_vec; i++)
    __builtin_prefetch (&self->postings_dir[prefix (q->vec_term[i], FALSE)]);
  for (guint b = 0; b < n_keys && self->bands->len > 0; b++)
    __builtin_prefetch (&g_array_index (self->bands, Band,
                                        MIN (self->bands_dir[prefix (keys[b], TRUE)], self->bands->len - 1)));
  for (guint i = 0; i < q->n_vec && self->postings->len > 0; i++)
    __builtin_prefetch (&g_array_index (self->postings, Posting,
                                        MIN (self->postings_dir[prefix (q->vec_term[i], FALSE)],
                                             self->postings->len - 1)));

  /* the lead's rarer words: a partial cosine per article; the scratch
   * of the articles a few postings on read ahead */
  for (guint i = 0; i < q->n_vec; i++)
    {
      guint first = lower_bound (self->postings, self->postings_dir, sizeof (Posting), q->vec_term[i], FALSE);
      guint last = first;

      /* a common word's postings are gone: seal() dropped them */
      while (last < self->postings->len &&
             g_array_index (self->postings, Posting, last).term == q->vec_term[i])
        last++;
      for (guint p = first; p < last; p++)
        {
          const Posting *post = &g_array_index (self->postings, Posting, p);

          if (p + PREFETCH_AHEAD < last)
            __builtin_prefetch (&self->scratch[(post + PREFETCH_AHEAD)->doc]);
          touch (self, touched, post->doc);
          self->scratch[post->doc].acc += q->vec_w[i] * post->w;
        }
    }
  /* the signature's bands: copies whatever their lead */
  for (guint b = 0; b < n_keys; b++)
    {
      guint first = lower_bound (self->bands, self->bands_dir, sizeof (Band), keys[b], TRUE);
      guint last = first;

      while (last < self->bands->len && last - first < BUCKET_CAP &&
             g_array_index (self->bands, Band, last).key == keys[b])
        last++;
      for (guint p = first; p < last; p++)
        {
          guint32 d = g_array_index (self->bands, Band, p).doc;

          if (p + PREFETCH_AHEAD < last)
            __builtin_prefetch (&self->scratch[g_array_index (self->bands, Band, p + PREFETCH_AHEAD).doc]);
          touch (self, touched, d);
          self->scratch[d].banded = self->query;
        }
    }

  qmin = self->minhash + (gsize) qi * DOSSIER_SKETCH_SLOTS;
  qlow = self->low + (gsize) qi * DOSSIER_SKETCH_SLOTS;
  for (guint i = 0; i < touched->len; i++)
    {
      guint32 d = g_array_index (touched, guint32, i);
      const Scratch *s = &self->scratch[d];
      gboolean banded = s->banded == self->query;

      /* the articles ahead, scattered over the index: their key, and
       * the line of low bytes of their signature when it is compared */
      if (i + PREFETCH_AHEAD < touched->len)
        {
          guint32 da = g_array_index (touched, guint32, i + PREFETCH_AHEAD);
          const Scratch *sa = &self->scratch[da];

          if (sa->banded == self->query)
            {
              __builtin_prefetch (self->low + (gsize) da * DOSSIER_SKETCH_SLOTS);
              __builtin_prefetch (&self->keys[da]);
            }
          else if (sa->acc >= RELATED_COSINE)
            __builtin_prefetch (&self->keys[da]);
        }

      if (d == qi || (s->acc < RELATED_COSINE && !banded))
        continue;
      /* copies share a band (all but one in 160 at a Jaccard of 0.5);
       * without a Jaccard, no test finds a copy.  Equal values have equal
       * low bytes, so the share of equal low bytes is at least the
       * Jaccard, and a pair the test of copies refuses at one Jaccard it
       * refuses at any smaller one: when the low bytes fail the test, so
       * do the full values, which are not read (four lines more), and the
       * Jaccard stays 0, which is all a pair that is no copy uses of it.  In the bench's library a
       * query shares a band with 570 articles, of which 0.02 are copies.
       * The others are compared below, their values read ahead */
      if (banded && q->sketch.n_shingles > 0 && s->shingles > 0)
        {
          const guint8 *ol = self->low + (gsize) d * DOSSIER_SKETCH_SLOTS;
          guint same = 0;

          for (guint k = 0; k < DOSSIER_SKETCH_SLOTS; k++)
            same += qlow[k] == ol[k];
          if (near_duplicate_counts (q->sketch.n_shingles, s->shingles, (double) same / DOSSIER_SKETCH_SLOTS))
            {
              g_array_append_val (close, d);
              continue;
            }
        }
      add_hit (self, q, d, 0, hits);
    }
  for (guint i = 0; i < close->len; i++)
    {
      guint32 d = g_array_index (close, guint32, i);
      const guint32 *om = self->minhash + (gsize) d * DOSSIER_SKETCH_SLOTS;
      guint same = 0;

      if (i + PREFETCH_AHEAD < close->len)
        {
          const char *m = (const char *) (self->minhash +
                                          (gsize) g_array_index (close, guint32, i + PREFETCH_AHEAD) * DOSSIER_SKETCH_SLOTS);

          for (gsize off = 0; off < DOSSIER_SKETCH_SLOTS * sizeof (guint32); off += 64)
            __builtin_prefetch (m + off);
        }
      for (guint k = 0; k < DOSSIER_SKETCH_SLOTS; k++)
        same += qmin[k] == om[k];
      add_hit (self, q, d, (double) same / DOSSIER_SKETCH_SLOTS, hits);
    }
  g_array_sort (hits, compare_hits);
  if (hits->len > max)
    g_array_set_size (hits, max);
  return hits;
}
