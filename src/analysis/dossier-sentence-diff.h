/* dossier-sentence-diff.h — what changed between two versions of a text, sentence by sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both texts are split into sentences (a line break always ends one and
 * starts a new paragraph).  Sentences compare equal when their words do,
 * regardless of case, whitespace and punctuation.  The two lists are
 * aligned by their longest common subsequence; what is left over is
 * removed (only in the old text) or added (only in the new one), and a
 * removed sentence followed by an added one that shares most of its
 * words is a changed sentence.
 *
 * Time and memory stay bounded: the common head and tail are taken off
 * first, the exact alignment runs only while the two remaining lists fit
 * a cap, and larger ones are aligned on sentences that occur once in each
 * text (marking what lies between as removed and added when that, too, is
 * too large).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize   start;       /* byte offsets in the text: [start, end) */
  gsize   end;
  guint   paragraph;   /* counts from 0 */
  guint   n_words;
  guint64 hash;        /* of its case-folded words; 0 when it has none */
} DossierSentence;

typedef enum
{
  DOSSIER_SENTENCE_SAME,
  DOSSIER_SENTENCE_ADDED,
  DOSSIER_SENTENCE_REMOVED,
  DOSSIER_SENTENCE_CHANGED,
} DossierSentenceOp;

typedef struct
{
  DossierSentenceOp op;
  int               old_index;  /* into old_sentences; -1 for ADDED */
  int               new_index;  /* into new_sentences; -1 for REMOVED */
} DossierSentenceEdit;

typedef struct
{
  GArray  *old_sentences;  /* DossierSentence */
  GArray  *new_sentences;
  GArray  *edits;          /* DossierSentenceEdit, in the order of both texts */
  guint    n_same;
  guint    n_added;
  guint    n_removed;
  guint    n_changed;
  gboolean approximate;    /* a part was too large to align exactly */
} DossierSentenceDiff;

/* The sentences of @text (@len bytes, or -1 for NUL-terminated). */
GArray              *dossier_sentence_split     (const char *text,
                                                 gssize      len);
DossierSentenceDiff *dossier_sentence_diff_new  (const char *old_text,
                                                 const char *new_text);
void                 dossier_sentence_diff_free (DossierSentenceDiff *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSentenceDiff, dossier_sentence_diff_free)

G_END_DECLS
