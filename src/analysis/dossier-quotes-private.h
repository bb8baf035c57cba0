/* dossier-quotes-private.h — what the quote finder's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <string.h>

#include "dossier-quotes.h"

G_BEGIN_DECLS

/* Each takes a case-folded word. */
gboolean _dossier_quotes_is_speech_verb (const char *lower);
gboolean _dossier_quotes_is_title_word  (const char *lower);
gboolean _dossier_quotes_is_role_noun   (const char *lower);
gboolean _dossier_quotes_is_surname_title (const char *lower);
gboolean _dossier_quotes_is_demonym     (const char *lower);
void     _dossier_quotes_name_keys       (const char  *name,
                                          char       **surname,
                                          char       **given);
gboolean _dossier_quotes_is_org_word    (const char *lower);
gboolean _dossier_quotes_is_place_word  (const char *lower);
gboolean _dossier_quotes_is_stop_cap    (const char *lower);
/* 1 for "he", 2 for "she", 0 otherwise. */
int      _dossier_quotes_pronoun_gender (const char *lower);

/* What the quote finder's files share: the text read into tokens, runs
 * of capitalised words (names), and the people and organisations named. */

#define MAX_BODY_BYTES   (1024 * 1024)
#define MAX_QUOTE_BYTES  (16 * 1024)
#define MAX_TOKENS       400000
#define MAX_QUOTES       20000
#define MAX_NAMED        5000
#define AFTER_WORDS      8
#define PRONOUN_LOOKBACK 400

typedef enum
{
  T_WORD,
  T_COMMA,
  T_STOP,
  T_COLON,
  T_PARA,
  T_QUOTE,
  T_OTHER,
} TokKind;

typedef struct
{
  guint32     start;
  guint32     end;
  guint8      kind;
  guint8      cap;
  guint8      possessive;
  guint8      in_quote;
  const char *lower;   /* words: case folded, without a possessive 's */
  int         seq;     /* index of the name run holding it, or -1 */
} Tok;

typedef enum
{
  SEQ_NONE,
  SEQ_PERSON,
  SEQ_ORG,
  SEQ_PLACE,
  SEQ_SINGLE,
  SEQ_ROLE,
} SeqKind;

typedef struct
{
  guint   first;      /* token range of the name itself */
  guint   last;
  guint   run_start;  /* the whole capitalised run */
  SeqKind kind;
  int     named;      /* -1 until resolved */
  int     gender;     /* 1 male, 2 female, 0 unknown */
  char   *title;
  guint   title_first; /* where a title before the name starts, or first */
} Seq;

typedef struct
{
  gsize  open;
  gsize  cs;
  gsize  ce;
  gsize  close_end;
  guint  tok_before;  /* G_MAXUINT: none */
  guint  tok_after;   /* n_tokens: none */
} Span;

typedef struct
{
  guint32  pos;
  int      named;
  gboolean subject;  /* followed by a verb: "the agency warned" */
} Mention;

typedef struct
{
  const char   *text;
  gsize         len;
  GArray       *toks;
  GStringChunk *words;
  GArray       *seqs;
  GArray       *mentions;
  GPtrArray    *named;
  GArray       *named_gender;
  GHashTable   *by_key;      /* surname key or org name → GArray of int */
  GHashTable   *name_keys;   /* a name as written → its NameKeys, worked out once */
} Ctx;

/* For Ctx.name_keys: a name's surname and given-name keys, each worked
 * out once however often the article names the person. */
GHashTable *_dossier_quotes_name_keys_new (void);

/* @word is one of the NULL-terminated @list (a static list: its words
 * are looked up in a set made at the first call, not one by one) */
gboolean _dossier_quotes_in_list (const char *const *list,
                                  const char         *word);

static inline Tok *
_dossier_quotes_tok_at (Ctx  *ctx,
        guint i)
{
  return &g_array_index (ctx->toks, Tok, i);
}

static inline gboolean
_dossier_quotes_tok_is_word (Ctx        *ctx,
             guint       i,
             const char *lower)
{
  Tok *t;

  if (i >= ctx->toks->len)
    return FALSE;
  t = _dossier_quotes_tok_at (ctx, i);
  return t->kind == T_WORD && strcmp (t->lower, lower) == 0;
}


/* dossier-quotes-text.c: quote marks paired, the text read into tokens */
void      _dossier_quotes_find_spans      (Ctx        *ctx,
                                           GArray     *spans);
void      _dossier_quotes_tokenize        (Ctx        *ctx);
/* Where the paragraph holding @pos ends. */
gsize     _dossier_quotes_paragraph_end   (Ctx        *ctx,
                                           gsize       pos);

/* dossier-quotes-people.c: names, people and organisations */
char     *_dossier_quotes_tok_text        (Ctx        *ctx,
                                           guint       first,
                                           guint       last);
int       _dossier_quotes_find_person     (Ctx        *ctx,
                                           const char *name,
                                           gsize       pos,
                                           gboolean    create);
int       _dossier_quotes_find_org        (Ctx        *ctx,
                                           const char *name,
                                           gsize       pos);
gboolean  _dossier_quotes_all_caps        (Ctx        *ctx,
                                           guint       i);
void      _dossier_quotes_named_free      (gpointer    data);
/* A speech verb's subject, resolved */
typedef struct
{
  int                named;
  DossierAttribution attribution;
  gboolean           decided;   /* a subject was read, even if unresolved */
  gboolean           pronoun;   /* that subject was "he" or "she" */
} Speaker;

gboolean _dossier_quotes_is_time_word    (const char *lower);
gboolean _dossier_quotes_is_verb         (Ctx        *ctx,
                                          guint       i);
gboolean _dossier_quotes_is_participle   (Ctx        *ctx,
                                          guint       i);
Speaker  _dossier_quotes_speaker_named   (Ctx        *ctx,
                                          Seq        *seq);
Speaker  _dossier_quotes_speaker_role    (Ctx        *ctx,
                                          const char *phrase,
                                          gsize       pos);
Seq     *_dossier_quotes_person_after_words (Ctx     *ctx,
                                          guint       i);
Speaker  _dossier_quotes_subject_before  (Ctx        *ctx,
                                          guint       lo,
                                          guint       v);
Speaker  _dossier_quotes_subject_after   (Ctx        *ctx,
                                          guint       v);
Speaker  _dossier_quotes_clause_subject  (Ctx        *ctx,
                                          guint       lo,
                                          guint       v);
void      _dossier_quotes_find_names      (Ctx        *ctx);
void      _dossier_quotes_sync_genders    (Ctx        *ctx);
void      _dossier_quotes_count_mentions  (Ctx        *ctx);
/* How many mentions lie before @pos (they are sorted by position). */
guint     _dossier_quotes_mentions_before (Ctx        *ctx,
                                           gsize       pos);

/* dossier-quotes.c */
gboolean  _dossier_quotes_is_aux          (Ctx        *ctx,
                                           guint       i);
gboolean  _dossier_quotes_is_determiner   (const char *lower);

G_END_DECLS
