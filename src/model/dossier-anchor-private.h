/* dossier-anchor-private.h — what the anchor's files share: the prepared
 * body, Myers' match tables, the scorer and the search steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-anchor.h"

G_BEGIN_DECLS

#define CONTEXT_LEN     DOSSIER_ANCHOR_CONTEXT_LENGTH
/* a quote of this many folded characters is specific enough on its own */
#define LONG_QUOTE      24
/* below this similarity of prefix+suffix, a short quote is not trusted */
#define GOOD_CONTEXT    0.5

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
  int    start;   /* original characters */
  int    end;
  double quote;   /* similarity of the quote, 0..1 */
  double context; /* of prefix and suffix, 0..1 */
  double rank;
} Candidate;

static inline void
pattern_clear (Pattern *p)
{
  g_clear_pointer (&p->peq, g_free);
  p->m = 0;
}

/* {{{ Characters */

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return g_unichar_isspace (c);
}

/* }}} */

/* dossier-anchor-myers.c */
void     _dossier_anchor_pattern_init      (Pattern                  *p,
                                            const guint32            *ids,
                                            int                       m,
                                            guint32                   n_ids,
                                            gboolean                  reversed);
int      _dossier_anchor_myers_run         (const Pattern            *p,
                                            const guint32            *text,
                                            int                       n,
                                            int                       step,
                                            gboolean                  anchored,
                                            int                      *scores);

/* dossier-anchor-text.c */
int      _dossier_anchor_text_fold_ids     (const DossierAnchorText  *t,
                                            const char               *s,
                                            gboolean                  trim,
                                            guint32                 **out_ids);

/* dossier-anchor-match.c */
void     _dossier_anchor_context_init      (Context                  *c,
                                            const DossierAnchorText  *t,
                                            const char               *s,
                                            gboolean                  is_prefix);
void     _dossier_anchor_scorer_init       (Scorer                   *sc,
                                            const DossierAnchorText  *t,
                                            const char               *prefix,
                                            const char               *suffix,
                                            int                       old_start);
void     _dossier_anchor_scorer_clear      (Scorer                   *sc);
double   _dossier_anchor_scorer_context    (const Scorer             *sc,
                                            int                       fs,
                                            int                       fe);
void     _dossier_anchor_search_raw        (const Scorer             *sc,
                                            const char               *quote,
                                            Candidate                *best);
void     _dossier_anchor_search_folded     (const Scorer             *sc,
                                            const guint32            *q,
                                            int                       m,
                                            Candidate                *best);
gboolean _dossier_anchor_search_fuzzy      (const Scorer             *sc,
                                            const guint32            *q,
                                            int                       m,
                                            Candidate                *best);

G_END_DECLS
