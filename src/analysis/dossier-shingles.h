/* dossier-shingles.h — dated articles that tell the same story in the same words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shingle is a run of five words.  Articles that report the same event
 * in the same words (the same quotes, figures and rare phrases) share many
 * of them; a shingle found in articles far apart in time is boilerplate
 * or a stock phrase and counts for nothing.  Only a fixed quarter of all
 * shingles (by hash) is kept, the same quarter in every article.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A 64-bit mix of @h (the finaliser of MurmurHash3). */
static inline guint64
dossier_shingles_mix (guint64 h)
{
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;
  return h;
}

/* Reads the next word (a run of letters and digits) of [*@pos, @end),
 * moving *@pos past it: its case-folded FNV-1a hash, whether it starts
 * with a capital and its length in characters.  FALSE when no word is
 * left. */
gboolean dossier_shingles_next_word (const char **pos,
                                     const char  *end,
                                     guint64     *hash,
                                     gboolean    *capital,
                                     guint       *n_chars);

/* A dated article of the library that reports the same story. */
typedef struct
{
  gint64  article_id;   /* 0: no match */
  gint64  jd;           /* its day (julian, as dossier_date_to_julian()) */
  guint   shared;       /* rare word sequences it shares (sampled) */
  guint   n_agreeing;   /* other matches within a week of it */
  guint   n_matches;    /* all matches */
  /* from the library's stories: its title and outlet (NULL: a match of
   * shared passages), and whether it is a copy or the same story */
  const char *title;
  const char *source;
  gboolean    copy;
} DossierCorpusMatch;

/* Finds dated articles that share rare word sequences with undated ones.
 * Add every undated article as a target, then scan every dated one, then
 * look up each target's best match. */
typedef struct _DossierShingleIndex DossierShingleIndex;

DossierShingleIndex *dossier_shingle_index_new        (void);
void                 dossier_shingle_index_free       (DossierShingleIndex *self);
void                 dossier_shingle_index_add_target (DossierShingleIndex *self,
                                                       gint64               article_id,
                                                       const char          *text);
/* Optional, between batches of targets: sorts the entries added since the
 * last call, so that sealing has only a few sorted runs left to merge. */
void                 dossier_shingle_index_sort_added (DossierShingleIndex *self);
/* Call after the last target and before the first scan. */
void                 dossier_shingle_index_seal       (DossierShingleIndex *self);
void                 dossier_shingle_index_scan       (DossierShingleIndex *self,
                                                       gint64               article_id,
                                                       gint64               jd,
                                                       const char          *text);
/* FALSE when @article_id has no match (or was no target). */
gboolean             dossier_shingle_index_lookup     (DossierShingleIndex *self,
                                                       gint64               article_id,
                                                       DossierCorpusMatch  *out);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierShingleIndex, dossier_shingle_index_free)

G_END_DECLS
