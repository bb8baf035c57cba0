/* dossier-sketch.h — near-duplicates and stories from compact sketches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An article's sketch is what the library keeps to find its copies and
 * its story without reading its text again:
 *
 *  - a MinHash signature (one permutation hashing, densified) over its
 *    three-word shingles: the share of equal slots of two signatures
 *    estimates the Jaccard similarity of their shingle sets, so copies
 *    with a new headline, a cut paragraph, a changed dateline or moved
 *    sentences are still near each other;
 *  - the words of its title and lead with how often they occur (words
 *    with a capital, mostly names and places, count double): weighted by
 *    how rare they are in the library, their cosine says whether two
 *    articles report the same event in other words.
 *
 * A DossierSimilarIndex holds the sketches of a whole library and finds,
 * for one article, the others that are near-duplicates, in the same story
 * or related, through locality-sensitive hashing of the signatures and an
 * inverted index of the rarer lead words.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOSSIER_SKETCH_SLOTS 64
#define DOSSIER_SKETCH_TERMS 64

typedef struct
{
  guint32 n_shingles;                       /* 0: too short to compare */
  guint32 minhash[DOSSIER_SKETCH_SLOTS];
  guint32 n_terms;
  guint32 term[DOSSIER_SKETCH_TERMS];       /* hashes of lead words */
  guint8  weight[DOSSIER_SKETCH_TERMS];     /* their counts, names double */
} DossierSketch;

typedef enum
{
  DOSSIER_RELATION_RELATED        = 0,
  DOSSIER_RELATION_SAME_STORY     = 1,
  DOSSIER_RELATION_NEAR_DUPLICATE = 2,
} DossierRelation;

/* Articles of one story lie this many days apart at most (when dated). */
#define DOSSIER_STORY_WINDOW_DAYS 14

void        dossier_sketch_compute        (DossierSketch       *out,
                                           const char          *title,
                                           const char          *body);
/* The estimated Jaccard similarity of the two shingle sets, 0..1. */
double      dossier_sketch_jaccard        (const DossierSketch *a,
                                           const DossierSketch *b);
/* Whether two texts with these sketches and estimated Jaccard similarity
 * are copies of one text apart from small edits. */
gboolean    dossier_sketch_near_duplicate (const DossierSketch *a,
                                           const DossierSketch *b,
                                           double               jaccard);

/* The stored forms: a signature and a list of words. */
GBytes     *dossier_sketch_minhash_bytes  (const DossierSketch *sketch);
GBytes     *dossier_sketch_terms_bytes    (const DossierSketch *sketch);
/* FALSE when the stored forms are damaged (the sketch is then remade). */
gboolean    dossier_sketch_from_bytes     (DossierSketch       *out,
                                           guint32              n_shingles,
                                           const void          *minhash,
                                           gsize                minhash_len,
                                           const void          *terms,
                                           gsize                terms_len);

const char *dossier_relation_to_string    (DossierRelation      relation);

typedef struct
{
  gint64          id;
  double          similarity;   /* 0..1 */
  DossierRelation relation;
} DossierSimilarHit;

typedef struct _DossierSimilarIndex DossierSimilarIndex;

DossierSimilarIndex *dossier_similar_index_new   (void);
void                 dossier_similar_index_free  (DossierSimilarIndex *self);
/* @jd: the article's day (julian, as dossier_date_to_julian()), -1 when
 * it has no full date. */
void                 dossier_similar_index_add   (DossierSimilarIndex *self,
                                                  gint64               id,
                                                  gint64               jd,
                                                  const DossierSketch *sketch);
/* Call after the last add and before the first query. */
void                 dossier_similar_index_seal  (DossierSimilarIndex *self);
guint                dossier_similar_index_size  (DossierSimilarIndex *self);
/* The articles most like @id (not @id itself), best first: near-duplicates,
 * then the same story, then related ones; at most @max.  An empty array
 * when @id was not added. */
GArray              *dossier_similar_index_query (DossierSimilarIndex *self,
                                                  gint64               id,
                                                  guint                max);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSimilarIndex, dossier_similar_index_free)

G_END_DECLS
