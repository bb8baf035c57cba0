/* dossier-quotes.c — direct quotations in an article and who said them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three passes over the body.  Quote marks are paired paragraph by
 * paragraph (a quote left open continues when the next paragraph opens
 * with a mark again).  The text is read into tokens, and runs of
 * capitalised words become names: titles before a name ("Foreign Minister
 * Sergei Lavrov") and roles beside it (", Russia's foreign minister,")
 * are recorded, organisation and place words sort out what is not a
 * person, and a surname alone joins the person of the article with that
 * surname.  Each quote then looks for a speech verb in the words after
 * its closing mark, then in its sentence before the opening mark, and
 * resolves the verb's subject: a name, a role given to a person, an
 * organisation, or a pronoun (the nearest person or organisation before
 * it).  A quote with no speaker of its own continues the quote before it
 * in the same paragraph; otherwise it stays unattributed.
 */
#define G_LOG_DOMAIN "dossier-quotes"

#include "config.h"

#include <string.h>

#include "dossier-quotes.h"
#include "dossier-quotes-private.h"

static const char *const aux_words[] = {
  "also", "later", "earlier", "then", "again", "has", "had", "have", "was",
  "were", "is", "are", "would", "will", "once", "previously", "recently",
  "just", "repeatedly", "reportedly", "further", "finally", "first",
  "often", "never", "has", "openly", "publicly", "privately", "simply",
  "quickly", "last", "clearly", "flatly", "told", "reporters", NULL
};

static const char *const after_verb_ok[] = {
  "on", "in", "at", "after", "during", "to", "from", "late", "earlier",
  "later", "yesterday", "today", "last", "this", "monday", "tuesday",
  "wednesday", "thursday", "friday", "saturday", "sunday", "recently",
  "by", "while", "when", "before", "as", "with", "afterward", "afterwards",
  "then", "again", "of", "about", "through", "via", NULL
};

static const char *const not_quote_before[] = {
  "so-called", "word", "words", "term", "dubbed", "titled", "entitled",
  "headlined", "named", "book", "film", "movie", "song", "album", "novel",
  "documentary", "series", "play", "slogan", "hashtag", "phrase", "motto",
  "label", "labeling", "labelling", NULL
};

/* nouns for those who speak for an organisation ("a Sussex Police
 * spokesman", "a spokesperson said") */
static const char *const org_voices[] = {
  "spokesman", "spokeswoman", "spokesperson", "spokespeople", "statement",
  "representative", "press", NULL
};

/* nouns after an organisation's name that speak for it or for somebody
 * in it ("said a Kremlin spokesman", "said one GOP operative") */
static const char *const voices_after[] = {
  "spokesman", "spokeswoman", "spokesperson", "operative", "official",
  "officials", "source", "sources", "member", "members", "aide", "aides",
  "representative", "insider", "staffer", NULL
};

/* "last week", "this month" between a speaker and the verb */
static const char *const time_nouns[] = {
  "week", "month", "year", "night", "morning", "evening", "afternoon",
  "weekend", NULL
};
static const char *const time_before[] = {
  "last", "this", "that", "next", "on", NULL
};

/* a word set apart by commas between a speaker and the verb */
static const char *const discourse_words[] = {
  "though", "however", "meanwhile", "too", "also", "then", "instead",
  "nonetheless", "nevertheless", "moreover", NULL
};

/* before a time or place between a speaker and the verb ("Biden on
 * Wednesday called …") */
static const char *const prepositions[] = {
  "on", "in", "at", "from", "last", "this", "late", "early", NULL
};

/* how far back (in bytes) "the union" looks for an organisation that
 * acted, and "he" or "she" for a person who did */
#define ORG_ROLE_REACH        1500
#define PRONOUN_SUBJECT_REACH 300

/* words of an apposition after the speaker's name */
#define APPOSITION_WORDS      12

static const char *const determiners[] = {
  "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "one",
  NULL
};

static const char *const work_before[] = {
  "titled", "entitled", "headlined", "book", "film", "movie", "song",
  "album", "novel", "documentary", "series", "play", "slogan", "hashtag",
  "poem", "painting", "column", "editorial", "op-ed", NULL
};

static const char *const small_words[] = {
  "a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by",
  "with", "from", "is", "vs", "vs.", NULL
};

/* Attribution */

gboolean
_dossier_quotes_is_determiner (const char *lower)
{
  return _dossier_quotes_in_list (determiners, lower);
}

typedef struct
{
  int                named;
  DossierAttribution attribution;
  gboolean           decided;   /* a subject was read, even if unresolved */
} Speaker;

static int
speaker_from_seq (Ctx *ctx,
                  Seq *seq)
{
  g_autofree char *name = NULL;
  gsize pos = _dossier_quotes_tok_at (ctx, seq->first)->start;

  if (seq->named >= 0)
    return seq->named;
  name = _dossier_quotes_tok_text (ctx, seq->first, seq->last);
  if (seq->kind == SEQ_PLACE || (seq->kind == SEQ_SINGLE && _dossier_quotes_all_caps (ctx, seq->first)))
    seq->named = _dossier_quotes_find_org (ctx, name, pos);
  else if (seq->kind == SEQ_SINGLE)
    seq->named = _dossier_quotes_find_person (ctx, name, pos, TRUE);
  while (ctx->named_gender->len < ctx->named->len)
    {
      int zero = 0;
      g_array_append_val (ctx->named_gender, zero);
    }
  return seq->named;
}

static Speaker
speaker_named (Ctx *ctx,
               Seq *seq)
{
  Speaker sp = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, TRUE };
  DossierNamed *n;

  if (seq->kind == SEQ_ROLE)
    return sp;
  sp.named = speaker_from_seq (ctx, seq);
  if (sp.named < 0)
    return sp;
  n = g_ptr_array_index (ctx->named, sp.named);
  sp.attribution = n->kind == DOSSIER_SPEAKER_PERSON ? DOSSIER_ATTRIBUTION_NAMED
                                                     : DOSSIER_ATTRIBUTION_ORGANISATION;
  return sp;
}

static Speaker
speaker_pronoun (Ctx        *ctx,
                 const char *lower,
                 gsize       pos)
{
  Speaker sp = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, TRUE };
  gboolean org = strcmp (lower, "it") == 0;
  int gender = _dossier_quotes_pronoun_gender (lower);

  if (!org && gender == 0)
    return sp;
  /* an organisation or person that did something first ("Regev told
   * Collins …, he said": Regev), for "he" and "she" only nearby; then
   * any */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = _dossier_quotes_mentions_before (ctx, pos), steps = 0; i > 0 && steps < PRONOUN_LOOKBACK; i--, steps++)
      {
        Mention *m = &g_array_index (ctx->mentions, Mention, i - 1);
        DossierNamed *n;
        int g;

        if (m->pos >= pos)
          continue;
        n = g_ptr_array_index (ctx->named, m->named);
        if (org != (n->kind == DOSSIER_SPEAKER_ORGANISATION) || (pass == 0 && !m->subject))
          continue;
        if (pass == 0 && !org && pos - m->pos > PRONOUN_SUBJECT_REACH)
          break;
        g = m->named < (int) ctx->named_gender->len ? g_array_index (ctx->named_gender, int, m->named) : 0;
        if (!org && g != 0 && g != gender)
          continue;
        sp.named = m->named;
        sp.attribution = org ? DOSSIER_ATTRIBUTION_ORGANISATION : DOSSIER_ATTRIBUTION_PRONOUN;
        return sp;
      }
  return sp;
}

/* "the foreign minister": the person mentioned last before @pos whose
 * titles hold the phrase. */
static Speaker
speaker_role (Ctx        *ctx,
              const char *phrase,
              gsize       pos)
{
  Speaker sp = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, TRUE };

  for (guint i = _dossier_quotes_mentions_before (ctx, pos), steps = 0; i > 0 && steps < PRONOUN_LOOKBACK; i--, steps++)
    {
      Mention *m = &g_array_index (ctx->mentions, Mention, i - 1);
      DossierNamed *n = g_ptr_array_index (ctx->named, m->named);

      if (m->pos >= pos || n->kind != DOSSIER_SPEAKER_PERSON)
        continue;
      for (guint t = 0; t < n->titles->len; t++)
        {
          const char *title = g_ptr_array_index (n->titles, t);

          if (strcmp (title, phrase) == 0 ||
              (g_str_has_suffix (title, phrase) && strstr (phrase, " ") != NULL))
            {
              sp.named = m->named;
              sp.attribution = DOSSIER_ATTRIBUTION_TITLE;
              return sp;
            }
        }
    }
  return sp;
}

/* "the union said": the organisation mentioned last whose name holds the
 * word, else the last one that acted nearby. */
static Speaker
speaker_org_role (Ctx        *ctx,
                  const char *word,
                  gsize       pos)
{
  Speaker sp = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, TRUE };

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = _dossier_quotes_mentions_before (ctx, pos), steps = 0; i > 0 && steps < PRONOUN_LOOKBACK; i--, steps++)
      {
        Mention *m = &g_array_index (ctx->mentions, Mention, i - 1);
        DossierNamed *n = g_ptr_array_index (ctx->named, m->named);

        if (m->pos >= pos || n->kind != DOSSIER_SPEAKER_ORGANISATION)
          continue;
        if (pass == 1 && pos - m->pos > ORG_ROLE_REACH)
          break;
        if (pass == 0)
          {
            g_autofree char *lower = g_utf8_strdown (n->name, -1);
            const char *hit = strstr (lower, word);
            gsize len = strlen (word);

            if (hit == NULL || (hit > lower && g_ascii_isalpha (hit[-1])) || g_ascii_isalpha (hit[len]))
              continue;
          }
        else if (!m->subject)
          continue;
        sp.named = m->named;
        sp.attribution = DOSSIER_ATTRIBUTION_ORGANISATION;
        return sp;
      }
  return sp;
}

/* "a Sussex Police spokesman said": an organisation speaking through
 * its spokesperson; "one GOP operative said": somebody unnamed. */
static Speaker
org_member (Ctx        *ctx,
            Seq        *seq,
            const char *noun)
{
  Speaker sp = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, TRUE };

  if (!_dossier_quotes_in_list (org_voices, noun))
    return sp;
  if (seq->kind == SEQ_ORG)
    return speaker_named (ctx, seq);
  return sp;
}

/* Whether the token at @i is the closing parenthesis of a short aside
 * ("Rep. Gerald E. Connolly (D-Va.)"); its opening one goes to @open. */
static gboolean
aside_before (Ctx   *ctx,
              guint  i,
              guint  lo,
              guint *open)
{
  Tok *t = _dossier_quotes_tok_at (ctx, i);

  if (t->kind != T_OTHER || ctx->text[t->start] != ')')
    return FALSE;
  for (guint k = i; k > lo && i - k < 8; k--)
    {
      Tok *o = _dossier_quotes_tok_at (ctx, k - 1);

      if (o->kind == T_OTHER && ctx->text[o->start] == '(')
        {
          *open = k - 1;
          return TRUE;
        }
      if (o->kind == T_PARA || o->kind == T_QUOTE)
        return FALSE;
    }
  return FALSE;
}

/* A person's name after at most three lowercase words from @i ("said
 * head coach Dwayne Killings", "actor-director Albert Brooks said"). */
static Seq *
person_after_words (Ctx  *ctx,
                    guint i)
{
  for (guint k = i; k < ctx->toks->len && k < i + 4; k++)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, k);

      if (t->kind != T_WORD)
        return NULL;
      if (t->cap)
        {
          Seq *seq = t->seq >= 0 ? &g_array_index (ctx->seqs, Seq, t->seq) : NULL;

          return k > i && seq != NULL && seq->kind == SEQ_PERSON && !_dossier_quotes_tok_at (ctx, seq->last)->possessive
                 ? seq : NULL;
        }
      if (_dossier_quotes_in_list (determiners, t->lower) || _dossier_quotes_pronoun_gender (t->lower) != 0 ||
          _dossier_quotes_is_speech_verb (t->lower))
        return NULL;
    }
  return NULL;
}

gboolean
_dossier_quotes_is_aux (Ctx  *ctx,
        guint i)
{
  Tok *t = _dossier_quotes_tok_at (ctx, i);

  return t->kind == T_WORD && !t->cap && _dossier_quotes_in_list (aux_words, t->lower);
}

/* The subject of a speech verb at @v, read backwards to @lo. */
static Speaker
subject_before (Ctx  *ctx,
                guint lo,
                guint v)
{
  Speaker none = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, FALSE };
  Speaker role;
  guint j = v, open;
  Tok *t;

  while (j > lo && _dossier_quotes_is_aux (ctx, j - 1))
    j--;
  if (j <= lo)
    return none;
  j--;
  t = _dossier_quotes_tok_at (ctx, j);
  /* "Ruano last week said", "Simon, policy director, though, testified" */
  if (t->kind == T_WORD && !t->cap && j > lo && _dossier_quotes_in_list (time_nouns, t->lower) &&
      _dossier_quotes_in_list (time_before, _dossier_quotes_tok_at (ctx, j - 1)->lower))
    return subject_before (ctx, lo, j - 1);
  if (t->kind == T_COMMA && j > lo + 1 && _dossier_quotes_tok_at (ctx, j - 2)->kind == T_COMMA &&
      _dossier_quotes_in_list (discourse_words, _dossier_quotes_tok_at (ctx, j - 1)->lower))
    return subject_before (ctx, lo, j - 1);
  if (j > lo && t->kind == T_COMMA && aside_before (ctx, j - 1, lo, &open))
    return subject_before (ctx, lo, open);
  if (aside_before (ctx, j, lo, &open))
    return subject_before (ctx, lo, open);
  /* "Biden on Wednesday called": past the time or place */
  if (t->kind == T_WORD && t->cap && t->seq >= 0)
    {
      Seq *seq = &g_array_index (ctx->seqs, Seq, t->seq);

      if (seq->kind == SEQ_PLACE && seq->run_start > lo &&
          _dossier_quotes_in_list (prepositions, _dossier_quotes_tok_at (ctx, seq->run_start - 1)->lower))
        return subject_before (ctx, lo, seq->run_start - 1);
    }
  if (t->kind == T_COMMA)
    {
      /* "X, appositive, said": the appositive if it is a name, else X */
      guint k = j;

      while (k > lo && _dossier_quotes_tok_at (ctx, k - 1)->kind == T_WORD)
        k--;
      if (k < j && _dossier_quotes_tok_at (ctx, k)->seq >= 0)
        {
          Seq *seq = &g_array_index (ctx->seqs, Seq, _dossier_quotes_tok_at (ctx, k)->seq);

          if (seq->run_start == k && seq->last + 1 == j && !_dossier_quotes_tok_at (ctx, seq->last)->possessive &&
              seq->kind != SEQ_ROLE)
            {
              Speaker a = speaker_named (ctx, seq);

              /* "Sen. Kamala Harris, D-Calif., called": no one by that
               * name, so the name before it */
              if (a.named >= 0 || seq->kind != SEQ_SINGLE)
                return a;
            }
        }
      if (k > lo && _dossier_quotes_tok_at (ctx, k - 1)->kind == T_COMMA)
        return subject_before (ctx, lo, k - 1);
      return none;
    }
  if (t->kind != T_WORD)
    return none;
  if (t->cap && !t->possessive && t->seq >= 0)
    {
      Seq *seq = &g_array_index (ctx->seqs, Seq, t->seq);

      if (seq->kind == SEQ_ROLE)
        {
          g_autofree char *phrase = _dossier_quotes_tok_text (ctx, seq->first, seq->last);
          g_autofree char *lower = g_utf8_strdown (phrase, -1);

          return speaker_role (ctx, lower, t->start);
        }
      return speaker_named (ctx, seq);
    }
  if (!t->cap || j == lo || _dossier_quotes_tok_at (ctx, j - 1)->kind != T_WORD)
    {
      if (_dossier_quotes_pronoun_gender (t->lower) != 0 || strcmp (t->lower, "it") == 0)
        return speaker_pronoun (ctx, t->lower, t->start);
    }
  if (!t->cap && j > lo && _dossier_quotes_is_org_word (t->lower) &&
      _dossier_quotes_tok_is_word (ctx, j - 1, "the"))
    return speaker_org_role (ctx, t->lower, t->start);
  if (!t->cap && j > lo && _dossier_quotes_tok_at (ctx, j - 1)->cap && _dossier_quotes_tok_at (ctx, j - 1)->seq >= 0)
    {
      Seq *seq = &g_array_index (ctx->seqs, Seq, _dossier_quotes_tok_at (ctx, j - 1)->seq);

      if (seq->kind == SEQ_ORG || seq->kind == SEQ_PLACE)
        return org_member (ctx, seq, t->lower);
    }
  if (!t->cap && _dossier_quotes_is_role_noun (t->lower))
    {
      GString *phrase = g_string_new (t->lower);
      g_autofree char *p = NULL;

      for (guint i = j; i > lo && i + 3 > j; i--)
        {
          Tok *w = _dossier_quotes_tok_at (ctx, i - 1);

          if (w->kind != T_WORD || w->cap || _dossier_quotes_in_list (determiners, w->lower))
            break;
          g_string_prepend_c (phrase, ' ');
          g_string_prepend (phrase, w->lower);
        }
      p = g_string_free (phrase, FALSE);
      /* "a spokesperson said": a person with that title, else the
       * organisation that acted just before */
      role = speaker_role (ctx, p, t->start);
      if (role.named < 0 && _dossier_quotes_in_list (org_voices, t->lower))
        role = speaker_org_role (ctx, t->lower, t->start);
      return role;
    }
  none.decided = TRUE;
  return none;
}

/* Whether one of the two words after @i is a role ("chief [press]
 * inspector"). */
static gboolean
role_follows (Ctx  *ctx,
              guint i)
{
  for (guint k = i + 1; k < ctx->toks->len && k <= i + 2; k++)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, k);

      if (t->kind != T_WORD || t->cap)
        return FALSE;
      if (_dossier_quotes_is_role_noun (t->lower))
        return TRUE;
    }
  return FALSE;
}

/* "said head coach of the men's team, Dwayne Killings.": a role, what
 * it is of, a comma and the name. */
static Seq *
role_then_name (Ctx  *ctx,
                guint v)
{
  gboolean role = FALSE;

  for (guint i = v + 1; i < ctx->toks->len && i <= v + 12; i++)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, i);

      if (t->kind == T_COMMA)
        {
          Tok *name = i + 1 < ctx->toks->len ? _dossier_quotes_tok_at (ctx, i + 1) : NULL;
          Seq *seq;
          Tok *after;

          if (!role || name == NULL || name->kind != T_WORD || !name->cap || name->seq < 0)
            return NULL;
          seq = &g_array_index (ctx->seqs, Seq, name->seq);
          after = seq->last + 1 < ctx->toks->len ? _dossier_quotes_tok_at (ctx, seq->last + 1) : NULL;
          if (seq->kind != SEQ_PERSON || seq->title_first != i + 1 ||
              (after != NULL && after->kind != T_STOP && after->kind != T_COMMA && after->kind != T_PARA))
            return NULL;
          return seq;
        }
      if (t->kind != T_WORD || t->in_quote)
        return NULL;
      if (!t->cap && _dossier_quotes_is_role_noun (t->lower))
        role = TRUE;
    }
  return NULL;
}

/* The subject after a speech verb at @v ("said Sergei Lavrov, …",
 * "according to Putin's adviser, Yuri Ushakov"). */
static Speaker
subject_after (Ctx  *ctx,
               guint v)
{
  Speaker none = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, FALSE };
  guint n = ctx->toks->len, i = v + 1, words = 0;
  GString *role = NULL;

  if (strcmp (_dossier_quotes_tok_at (ctx, v)->lower, "according") == 0)
    {
      if (!_dossier_quotes_tok_is_word (ctx, i, "to"))
        return none;
      i++;
    }
  for (; i < n && words < 10; i++)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, i);

      if (t->kind == T_COMMA)
        continue;
      if (t->kind != T_WORD)
        break;
      words++;
      if (t->cap && t->seq >= 0)
        {
          Seq *seq = &g_array_index (ctx->seqs, Seq, t->seq);

          Tok *after = seq->last + 1 < n ? _dossier_quotes_tok_at (ctx, seq->last + 1) : NULL;

          if (seq->kind == SEQ_ROLE || _dossier_quotes_tok_at (ctx, seq->last)->possessive ||
              ((seq->kind == SEQ_PLACE || seq->kind == SEQ_ORG) && after != NULL && after->kind == T_WORD &&
               after->cap && after->seq >= 0 && after->seq != t->seq))
            {
              i = seq->last;
              continue;
            }
          if ((seq->kind == SEQ_PLACE || seq->kind == SEQ_ORG) && after != NULL && after->kind == T_WORD &&
              !after->cap && (_dossier_quotes_is_role_noun (after->lower) || _dossier_quotes_in_list (voices_after, after->lower)))
            {
              Speaker who = person_after_words (ctx, seq->last + 1) != NULL
                            ? speaker_named (ctx, person_after_words (ctx, seq->last + 1))
                            : org_member (ctx, seq, after->lower);

              if (role != NULL)
                g_string_free (role, TRUE);
              return who;
            }
          if (role != NULL)
            g_string_free (role, TRUE);
          return speaker_named (ctx, seq);
        }
      if (words == 1 && (_dossier_quotes_pronoun_gender (t->lower) != 0 || strcmp (t->lower, "it") == 0))
        return speaker_pronoun (ctx, t->lower, t->start);
      if (t->cap)
        break;
      if (role == NULL && person_after_words (ctx, i) != NULL)
        return speaker_named (ctx, person_after_words (ctx, i));
      if (_dossier_quotes_is_role_noun (t->lower) || role_follows (ctx, i))
        {
          if (role == NULL)
            role = g_string_new (NULL);
          g_string_append_printf (role, "%s%s", role->len ? " " : "", t->lower);
          continue;
        }
      if (_dossier_quotes_is_org_word (t->lower) && i > 0 && _dossier_quotes_tok_is_word (ctx, i - 1, "the"))
        {
          if (role != NULL)
            g_string_free (role, TRUE);
          return speaker_org_role (ctx, t->lower, _dossier_quotes_tok_at (ctx, v)->start);
        }
      if (!_dossier_quotes_in_list (determiners, t->lower) || role != NULL)
        break;
    }
  if (role_then_name (ctx, v) != NULL)
    {
      if (role != NULL)
        g_string_free (role, TRUE);
      return speaker_named (ctx, role_then_name (ctx, v));
    }
  if (role != NULL)
    {
      g_autofree char *p = g_string_free (role, FALSE);

      return speaker_role (ctx, p, _dossier_quotes_tok_at (ctx, v)->start);
    }
  return none;
}

static gboolean
is_verb (Ctx  *ctx,
         guint i)
{
  Tok *t = _dossier_quotes_tok_at (ctx, i);

  return t->kind == T_WORD && _dossier_quotes_is_speech_verb (t->lower);
}

/* The words after the closing mark: '," Clinton said.' */
static Speaker
attribute_after (Ctx  *ctx,
                 Span *sp,
                 gboolean ends_sentence)
{
  Speaker none = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, FALSE };
  guint n = ctx->toks->len, i = sp->tok_after, words = 0, aside = 0, commas = 0;

  if (i < n && _dossier_quotes_tok_at (ctx, i)->kind == T_COMMA)
    i++;
  if (i < n && _dossier_quotes_tok_at (ctx, i)->kind == T_WORD && !_dossier_quotes_tok_at (ctx, i)->cap &&
      !is_verb (ctx, i) && !_dossier_quotes_in_list (determiners, _dossier_quotes_tok_at (ctx, i)->lower) &&
      _dossier_quotes_pronoun_gender (_dossier_quotes_tok_at (ctx, i)->lower) == 0 &&
      strcmp (_dossier_quotes_tok_at (ctx, i)->lower, "it") != 0 &&
      person_after_words (ctx, i) == NULL)
    return none;
  for (guint j = i; j < n && words < AFTER_WORDS; j++)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, j);

      if (t->kind == T_OTHER && ctx->text[t->start] == '(')
        {
          guint close = j + 1;

          while (close < n && close < j + 8 && _dossier_quotes_tok_at (ctx, close)->kind != T_OTHER)
            close++;
          if (close < n && ctx->text[_dossier_quotes_tok_at (ctx, close)->start] == ')')
            {
              j = close;
              continue;
            }
        }
      if (t->kind != T_WORD && t->kind != T_COMMA)
        break;
      /* an apposition between two commas ("Connolly, chairman of the
       * House subcommittee, said") has a budget of its own */
      if (t->kind == T_COMMA && words > 0)
        commas++;
      if (t->kind == T_WORD && commas == 1 && aside < APPOSITION_WORDS)
        aside++;
      else if (t->kind == T_WORD)
        words++;
      if (!is_verb (ctx, j))
        continue;
      if (j == i)
        return subject_after (ctx, j);
      if (ends_sentence)
        {
          Tok *next = j + 1 < n ? _dossier_quotes_tok_at (ctx, j + 1) : NULL;

          if (next != NULL && next->kind == T_WORD && !_dossier_quotes_in_list (after_verb_ok, next->lower))
            return none;
        }
      return subject_before (ctx, i, j);
    }
  /* no verb: '"…," Thomas Lenard, senior fellow at the institute.' */
  if (((sp->tok_after < n && _dossier_quotes_tok_at (ctx, sp->tok_after)->kind == T_COMMA) ||
       (sp->ce > sp->cs && ctx->text[sp->ce - 1] == ',')) && i < n &&
      _dossier_quotes_tok_at (ctx, i)->kind == T_WORD && _dossier_quotes_tok_at (ctx, i)->cap &&
      _dossier_quotes_tok_at (ctx, i)->seq >= 0)
    {
      Seq *seq = &g_array_index (ctx->seqs, Seq, _dossier_quotes_tok_at (ctx, i)->seq);

      if (seq->kind == SEQ_PERSON && seq->title_first == i && seq->last + 1 < n &&
          !_dossier_quotes_tok_at (ctx, seq->last)->possessive &&
          (_dossier_quotes_tok_at (ctx, seq->last + 1)->kind == T_COMMA ||
           _dossier_quotes_tok_at (ctx, seq->last + 1)->kind == T_STOP))
        return speaker_named (ctx, seq);
    }
  return none;
}

static gboolean
is_participle (Ctx  *ctx,
               guint i)
{
  const char *w = _dossier_quotes_tok_at (ctx, i)->lower;

  return strcmp (w, "saying") == 0 || strcmp (w, "calling") == 0 || strcmp (w, "describing") == 0 ||
         strcmp (w, "writing") == 0 || strcmp (w, "adding") == 0;
}

/* The subject of the clause holding a participle ("Emery retweeted the
 * story, saying, …"): the last name that acts before it ("Hachette
 * cancelled it, although Stephen King was among …, writing"), else its
 * first name. */
static Speaker
clause_subject (Ctx  *ctx,
                guint lo,
                guint v)
{
  Speaker none = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, FALSE };
  gsize from = _dossier_quotes_tok_at (ctx, lo)->start;

  for (guint i = _dossier_quotes_mentions_before (ctx, _dossier_quotes_tok_at (ctx, v)->start); i > 0; i--)
    {
      Mention *m = &g_array_index (ctx->mentions, Mention, i - 1);
      DossierNamed *n = g_ptr_array_index (ctx->named, m->named);

      if (m->pos < from)
        break;
      if (!m->subject)
        continue;
      none.named = m->named;
      none.attribution = n->kind == DOSSIER_SPEAKER_PERSON ? DOSSIER_ATTRIBUTION_NAMED
                                                           : DOSSIER_ATTRIBUTION_ORGANISATION;
      return none;
    }
  for (guint i = lo; i < v; i++)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, i);

      if (t->in_quote || t->kind != T_WORD)
        continue;
      if (t->cap && t->seq >= 0 && !t->possessive)
        {
          Seq *seq = &g_array_index (ctx->seqs, Seq, t->seq);

          /* not "the leader of Vanta" */
          if (seq->kind != SEQ_ROLE && !_dossier_quotes_tok_at (ctx, seq->last)->possessive &&
              seq->kind != SEQ_PLACE && !(i > lo && _dossier_quotes_in_list (prepositions, _dossier_quotes_tok_at (ctx, i - 1)->lower)) &&
              !_dossier_quotes_tok_is_word (ctx, i - 1, "of"))
            return speaker_named (ctx, seq);
          i = seq->last;
        }
      else if (_dossier_quotes_pronoun_gender (t->lower) != 0)
        return speaker_pronoun (ctx, t->lower, t->start);
    }
  return none;
}

/* The sentence before the opening mark: 'Lavrov said the ties were "…"'. */
static Speaker
attribute_before (Ctx  *ctx,
                  Span *sp)
{
  Speaker none = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, FALSE };
  guint lo, hi;

  if (sp->tok_before == G_MAXUINT)
    return none;
  hi = sp->tok_before + 1;
  lo = hi;
  while (lo > 0)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, lo - 1);

      if (t->kind == T_STOP && !t->in_quote)
        break;
      /* not past another quote: 'Bell asked "…?" Cueto responded that "…"' */
      if (t->in_quote && lo < hi)
        break;
      if (t->kind == T_PARA && !(lo < ctx->toks->len && lo == hi))
        break;
      if (t->kind == T_PARA && (lo < 2 || _dossier_quotes_tok_at (ctx, lo - 2)->kind != T_COLON))
        break;
      if (hi - lo > 60)
        break;
      lo--;
    }
  for (guint j = lo; j < hi; j++)
    {
      Speaker s;

      if (!is_verb (ctx, j) || _dossier_quotes_tok_at (ctx, j)->in_quote)
        continue;
      if (is_participle (ctx, j))
        {
          s = clause_subject (ctx, lo, j);
          if (s.named >= 0)
            return s;
          continue;
        }
      s = subject_before (ctx, lo, j);
      if (s.named < 0 && !s.decided && j + 1 < hi)
        {
          Speaker a = subject_after (ctx, j);

          if (a.named >= 0)
            return a;
        }
      if (s.named >= 0 || s.decided)
        return s;
    }
  return none;
}

/* The end of the quote's sentence: '… the "positive signals" coming
 * from Washington, Ushakov said.' */
static Speaker
attribute_sentence_end (Ctx  *ctx,
                        Span *sp)
{
  Speaker none = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, FALSE };
  guint n = ctx->toks->len, stop = sp->tok_after, comma = G_MAXUINT;

  while (stop < n && stop - sp->tok_after < 60 &&
         _dossier_quotes_tok_at (ctx, stop)->kind != T_STOP && _dossier_quotes_tok_at (ctx, stop)->kind != T_PARA)
    stop++;
  if (stop == sp->tok_after || stop - sp->tok_after >= 60)
    return none;
  for (guint i = stop; i > sp->tok_after && stop - i < 12; i--)
    if (_dossier_quotes_tok_at (ctx, i - 1)->kind == T_COMMA)
      {
        comma = i - 1;
        break;
      }
    else if (_dossier_quotes_tok_at (ctx, i - 1)->kind != T_WORD)
      break;
  if (comma == G_MAXUINT)
    return none;
  for (guint j = comma + 1; j < stop; j++)
    {
      if (!is_verb (ctx, j))
        continue;
      if (j == comma + 1)
        return subject_after (ctx, j);
      return subject_before (ctx, comma + 1, j);
    }
  return none;
}

/* The sentence before, in the same paragraph, when it reports speech:
 * 'Schrems says Europe would let the rich buy privacy. "…"'. */
static Speaker
attribute_sentence_before (Ctx  *ctx,
                           Span *sp)
{
  Speaker none = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, FALSE };
  guint hi = sp->tok_before, lo;

  if (hi == G_MAXUINT || _dossier_quotes_tok_at (ctx, hi)->kind != T_STOP || _dossier_quotes_tok_at (ctx, hi)->in_quote)
    return none;
  lo = hi;
  while (lo > 0 && hi - lo < 60)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, lo - 1);

      if (t->kind == T_PARA || t->kind == T_QUOTE || (t->kind == T_STOP && !t->in_quote))
        break;
      lo--;
    }
  if (hi - lo >= 60)
    return none;
  for (guint j = lo; j < hi; j++)
    {
      Speaker s;

      if (!is_verb (ctx, j) || is_participle (ctx, j))
        continue;
      s = subject_before (ctx, lo, j);
      /* "…, says Schrems." */
      if (s.named < 0 && j + 1 < hi)
        s = subject_after (ctx, j);
      if (s.named >= 0)
        return s;
      return none;
    }
  return none;
}

static gboolean
has_verb_near (Ctx  *ctx,
               Span *sp)
{
  guint n = ctx->toks->len;

  for (guint i = sp->tok_before, k = 0; i != G_MAXUINT && k < 40; i--, k++)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, i);

      if (t->kind == T_STOP || t->kind == T_PARA)
        break;
      if (is_verb (ctx, i))
        return TRUE;
      if (i == 0)
        break;
    }
  for (guint i = sp->tok_after, k = 0; i < n && k < 12; i++, k++)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, i);

      if (t->kind == T_STOP || t->kind == T_PARA || t->kind == T_QUOTE)
        break;
      if (is_verb (ctx, i))
        return TRUE;
    }
  return FALSE;
}

/* A speech verb earlier in the quote's sentence. */
static gboolean
verb_before (Ctx  *ctx,
             Span *sp)
{
  for (guint i = sp->tok_before, k = 0; i != G_MAXUINT && k < 14; i--, k++)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, i);

      if (t->kind == T_STOP || t->kind == T_PARA)
        break;
      if (!t->in_quote && is_verb (ctx, i))
        return TRUE;
      if (i == 0)
        break;
    }
  return FALSE;
}

/* Not a quotation: scare quotes, titles of works, single words. */
static gboolean
is_quotation (Ctx  *ctx,
              Span *sp,
              guint words,
              guint cap_words,
              guint small,
              gboolean starts_sentence,
              gboolean ends_punct)
{
  Tok *before = sp->tok_before != G_MAXUINT ? _dossier_quotes_tok_at (ctx, sp->tok_before) : NULL;
  Tok *before2 = sp->tok_before != G_MAXUINT && sp->tok_before > 0 ? _dossier_quotes_tok_at (ctx, sp->tok_before - 1) : NULL;

  if (words == 0)
    return FALSE;
  if (words == 1)
    return before != NULL && !_dossier_quotes_in_list (determiners, before->lower) && verb_before (ctx, sp);
  if (before != NULL && before->kind == T_WORD &&
      (_dossier_quotes_in_list (work_before, before->lower) ||
       (before2 != NULL && before2->kind == T_WORD && _dossier_quotes_in_list (work_before, before2->lower))))
    return FALSE;
  if (words <= 3 && before != NULL && before->kind == T_WORD && _dossier_quotes_in_list (not_quote_before, before->lower))
    return FALSE;
  if ((!starts_sentence || words <= 4) && !ends_punct && words <= 10 &&
      cap_words + small == words && cap_words > 0)
    return FALSE;
  if (!starts_sentence && words <= 3 && !has_verb_near (ctx, sp))
    return FALSE;
  return TRUE;
}

/* Whether a quote that fills a paragraph continues the speech of the
 * quote that ended the paragraph before (news print a speaker's
 * further words as paragraphs of their own): between the two lies one
 * paragraph break and at most a short attribution. */
static gboolean
continues_speech (Ctx  *ctx,
                  guint prev_after,
                  guint before)
{
  guint breaks = 0;

  if (before == G_MAXUINT || before < prev_after || before - prev_after > 16)
    return FALSE;
  for (guint i = prev_after; i <= before; i++)
    if (_dossier_quotes_tok_at (ctx, i)->kind == T_PARA)
      breaks++;
  return breaks == 1 && _dossier_quotes_tok_at (ctx, before)->kind == T_PARA;
}

/* Whether a pronoun that fits @b also fits @a: both people, and @a not
 * known to be of the other sex. */
static gboolean
same_sex (Ctx *ctx,
          int  a,
          int  b)
{
  int ga = a < (int) ctx->named_gender->len ? g_array_index (ctx->named_gender, int, a) : 0;
  int gb = b < (int) ctx->named_gender->len ? g_array_index (ctx->named_gender, int, b) : 0;

  return ((DossierNamed *) g_ptr_array_index (ctx->named, a))->kind == DOSSIER_SPEAKER_PERSON &&
         ((DossierNamed *) g_ptr_array_index (ctx->named, b))->kind == DOSSIER_SPEAKER_PERSON &&
         (ga == 0 || gb == 0 || ga == gb);
}

/* Whether no person but @named is mentioned between the tokens @from
 * and @to. */
static gboolean
only_named_since (Ctx  *ctx,
                  int   named,
                  guint from,
                  guint to)
{
  gsize a = from < ctx->toks->len ? _dossier_quotes_tok_at (ctx, from)->start : ctx->len;
  gsize b = to < ctx->toks->len ? _dossier_quotes_tok_at (ctx, to)->start : ctx->len;

  for (guint i = _dossier_quotes_mentions_before (ctx, b); i > 0; i--)
    {
      Mention *m = &g_array_index (ctx->mentions, Mention, i - 1);

      if (m->pos < a)
        break;
      if (m->named != named &&
          ((DossierNamed *) g_ptr_array_index (ctx->named, m->named))->kind == DOSSIER_SPEAKER_PERSON)
        return FALSE;
    }
  return TRUE;
}

/* Whether a speech verb stands right before the opening mark ("asked
 * last week", "said:", "told reporters that"). */
static gboolean
verb_just_before (Ctx  *ctx,
                  Span *sp)
{
  guint k = sp->tok_before, skipped = 0;

  if (k == G_MAXUINT)
    return FALSE;
  while (k > 0 && skipped < 3)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, k);

      if (t->kind == T_COMMA || t->kind == T_COLON ||
          (t->kind == T_WORD && !t->cap && (strcmp (t->lower, "that") == 0 ||
                                            _dossier_quotes_in_list (time_nouns, t->lower) ||
                                            _dossier_quotes_in_list (time_before, t->lower))))
        {
          k--;
          skipped++;
          continue;
        }
      break;
    }
  return is_verb (ctx, k) && !is_participle (ctx, k) && !_dossier_quotes_tok_at (ctx, k)->in_quote;
}

/* Whether @named spoke one of the quotes found so far. */
static gboolean
quoted_before (DossierQuoteResult *result,
               int                 named)
{
  for (guint i = 0; i < result->quotes->len; i++)
    if (g_array_index (result->quotes, DossierQuote, i).speaker == named)
      return TRUE;
  return FALSE;
}

/* The speaker of a quote that fills a paragraph of its own with no
 * attribution, from the paragraphs just before it (news introduce a
 * speaker's further words with a paragraph about them, or set them
 * apart from the last quote by a caption): the last quote's speaker
 * when nobody else is named since, or the person whose title opens the
 * paragraph before ("The president also admitted …") first; else the
 * one person or organisation named in the paragraph before, when they
 * spoke earlier in the article or are its subject. */
static Speaker
paragraph_speaker (Ctx                *ctx,
                   DossierQuoteResult *result,
                   Span               *sp,
                   const DossierQuote *prev,
                   guint               prev_tok_after)
{
  Speaker none = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, FALSE };
  guint hi = sp->tok_before, lo = hi, paras = 0, para_start = hi;
  gboolean reached_prev = FALSE, several = FALSE, subject = FALSE;
  int named = -1;
  gsize from, to;

  if (hi == G_MAXUINT || _dossier_quotes_tok_at (ctx, hi)->kind != T_PARA ||
      (sp->tok_after < ctx->toks->len && _dossier_quotes_tok_at (ctx, sp->tok_after)->kind != T_PARA))
    return none;
  while (lo > 0)
    {
      if (prev != NULL && lo <= prev_tok_after)
        {
          reached_prev = TRUE;
          break;
        }
      if (_dossier_quotes_tok_at (ctx, lo - 1)->kind == T_PARA)
        {
          if (++paras == 2)
            break;
        }
      if (hi - lo >= 150)
        return none;
      lo--;
    }
  while (para_start > 0 && _dossier_quotes_tok_at (ctx, para_start - 1)->kind != T_PARA)
    para_start--;
  from = lo < ctx->toks->len ? _dossier_quotes_tok_at (ctx, lo)->start : ctx->len;
  to = _dossier_quotes_tok_at (ctx, hi)->start;
  for (guint i = _dossier_quotes_mentions_before (ctx, to); i > 0; i--)
    {
      Mention *m = &g_array_index (ctx->mentions, Mention, i - 1);

      if (m->pos < from)
        break;
      if (!m->subject &&
          ((DossierNamed *) g_ptr_array_index (ctx->named, m->named))->kind != DOSSIER_SPEAKER_PERSON)
        continue;
      if (named >= 0 && m->named != named)
        several = TRUE;
      named = m->named;
      subject |= m->subject;
    }
  if (several)
    return none;
  if (named < 0 && para_start + 2 < hi && _dossier_quotes_tok_at (ctx, para_start)->kind == T_WORD &&
      strcmp (_dossier_quotes_tok_at (ctx, para_start)->lower, "the") == 0)
    {
      GString *phrase = g_string_new (NULL);
      g_autofree char *p = NULL;
      guint j = para_start + 1;

      for (; j < hi && j < para_start + 4; j++)
        {
          Tok *w = _dossier_quotes_tok_at (ctx, j);

          if (w->kind != T_WORD)
            break;
          if (phrase->len > 0)
            g_string_append_c (phrase, ' ');
          g_string_append (phrase, w->lower);
          if (_dossier_quotes_is_role_noun (w->lower))
            break;
        }
      p = g_string_free (phrase, FALSE);
      if (j < hi && _dossier_quotes_is_role_noun (_dossier_quotes_tok_at (ctx, j)->lower))
        {
          Speaker role = speaker_role (ctx, p, _dossier_quotes_tok_at (ctx, para_start)->start);

          if (role.named >= 0)
            return role;
        }
    }
  if (reached_prev && prev->speaker >= 0 && (named < 0 || named == prev->speaker))
    {
      none.named = prev->speaker;
      none.attribution = prev->attribution;
      return none;
    }
  if (named >= 0 && (subject || quoted_before (result, named)))
    {
      DossierNamed *n = g_ptr_array_index (ctx->named, named);

      none.named = named;
      none.attribution = n->kind == DOSSIER_SPEAKER_PERSON ? DOSSIER_ATTRIBUTION_NAMED
                                                           : DOSSIER_ATTRIBUTION_ORGANISATION;
      return none;
    }
  return none;
}

/* The gender of people the article gives none by title, from the
 * pronoun that follows their name in the same sentence before anyone
 * else is named ("Allen writes that he …": a man). */
static void
learn_genders (Ctx *ctx)
{
  static const char *const male[] = { "he", "his", "him", "himself", NULL };
  static const char *const female[] = { "she", "her", "hers", "herself", NULL };
  g_autoptr(GArray) votes = g_array_new (FALSE, TRUE, sizeof (guint));
  guint t = 0, n = ctx->toks->len;

  g_array_set_size (votes, 2 * ctx->named->len);
  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *m = &g_array_index (ctx->mentions, Mention, i);
      gsize limit = i + 1 < ctx->mentions->len ? g_array_index (ctx->mentions, Mention, i + 1).pos : G_MAXSIZE;
      guint k;

      if (((DossierNamed *) g_ptr_array_index (ctx->named, m->named))->kind != DOSSIER_SPEAKER_PERSON)
        continue;
      while (t < n && _dossier_quotes_tok_at (ctx, t)->start < m->pos)
        t++;
      if (t >= n)
        break;
      k = _dossier_quotes_tok_at (ctx, t)->seq >= 0
          ? g_array_index (ctx->seqs, Seq, _dossier_quotes_tok_at (ctx, t)->seq).last + 1 : t + 1;
      for (guint c = 0; k < n && c < 25; k++, c++)
        {
          Tok *w = _dossier_quotes_tok_at (ctx, k);

          if (w->start >= limit || w->kind == T_STOP || w->kind == T_PARA)
            break;
          if (w->in_quote || w->kind != T_WORD || w->cap)
            continue;
          if (_dossier_quotes_in_list (male, w->lower))
            {
              g_array_index (votes, guint, 2 * m->named)++;
              break;
            }
          if (_dossier_quotes_in_list (female, w->lower))
            {
              g_array_index (votes, guint, 2 * m->named + 1)++;
              break;
            }
        }
    }
  while (ctx->named_gender->len < ctx->named->len)
    {
      int zero = 0;
      g_array_append_val (ctx->named_gender, zero);
    }
  for (guint i = 0; i < ctx->named->len; i++)
    {
      guint he = g_array_index (votes, guint, 2 * i), she = g_array_index (votes, guint, 2 * i + 1);

      if (g_array_index (ctx->named_gender, int, i) != 0)
        continue;
      if (he > 2 * she)
        g_array_index (ctx->named_gender, int, i) = 1;
      else if (she > 2 * he)
        g_array_index (ctx->named_gender, int, i) = 2;
    }
}

static void
map_spans (Ctx    *ctx,
           GArray *spans)
{
  guint t = 0, n = ctx->toks->len;

  for (guint s = 0; s < spans->len; s++)
    {
      Span *sp = &g_array_index (spans, Span, s);

      while (t < n && _dossier_quotes_tok_at (ctx, t)->end <= sp->open)
        t++;
      sp->tok_before = t > 0 ? t - 1 : G_MAXUINT;
      while (t < n && _dossier_quotes_tok_at (ctx, t)->start < sp->close_end)
        _dossier_quotes_tok_at (ctx, t++)->in_quote = 1;
      sp->tok_after = t;
    }
}

DossierQuoteResult *
dossier_quotes_find (const char *body)
{
  DossierQuoteResult *result = g_new0 (DossierQuoteResult, 1);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  Ctx ctx = { 0 };
  DossierQuote *prev = NULL;
  gsize prev_para = 0;
  guint prev_tok_after = 0;

  result->quotes = g_array_new (FALSE, FALSE, sizeof (DossierQuote));
  result->named = g_ptr_array_new_with_free_func (_dossier_quotes_named_free);
  if (body == NULL)
    return result;

  ctx.text = body;
  ctx.len = strnlen (body, MAX_BODY_BYTES);
  ctx.toks = g_array_new (FALSE, FALSE, sizeof (Tok));
  ctx.words = g_string_chunk_new (4096);
  ctx.seqs = g_array_new (FALSE, FALSE, sizeof (Seq));
  ctx.mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  ctx.named = result->named;
  ctx.named_gender = g_array_new (FALSE, TRUE, sizeof (int));
  ctx.name_keys = _dossier_quotes_name_keys_new ();
  ctx.by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_array_unref);

  _dossier_quotes_find_spans (&ctx, spans);
  _dossier_quotes_tokenize (&ctx);
  map_spans (&ctx, spans);
  _dossier_quotes_find_names (&ctx);
  _dossier_quotes_count_mentions (&ctx);
  learn_genders (&ctx);

  for (guint s = 0; s < spans->len; s++)
    {
      Span *sp = &g_array_index (spans, Span, s);
      DossierQuote q = { sp->cs, sp->ce, -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED };
      guint words = 0, cap_words = 0, small = 0;
      gboolean starts_sentence, ends_punct;
      Tok *before;
      Speaker who;
      char last;
      gsize para;

      while (q.start < q.end && g_ascii_isspace (body[q.start]))
        q.start++;
      while (q.end > q.start && (g_ascii_isspace (body[q.end - 1]) || body[q.end - 1] == ','))
        q.end--;
      if (q.end <= q.start)
        continue;
      for (guint i = sp->tok_before == G_MAXUINT ? 0 : sp->tok_before + 1; i < sp->tok_after; i++)
        {
          Tok *t = _dossier_quotes_tok_at (&ctx, i);

          if (t->kind != T_WORD)
            continue;
          words++;
          if (t->cap)
            cap_words++;
          else if (_dossier_quotes_in_list (small_words, t->lower))
            small++;
        }
      last = body[sp->ce > sp->cs ? sp->ce - 1 : sp->cs];
      ends_punct = strchr (".!?", body[q.end - 1]) != NULL ||
                   (q.end >= q.start + 3 && memcmp (body + q.end - 3, "…", 3) == 0);
      before = sp->tok_before != G_MAXUINT ? _dossier_quotes_tok_at (&ctx, sp->tok_before) : NULL;
      starts_sentence = before == NULL || before->kind == T_PARA || before->kind == T_STOP ||
                        before->kind == T_COLON || before->kind == T_QUOTE;
      if (!is_quotation (&ctx, sp, words, cap_words, small, starts_sentence, ends_punct))
        continue;

      /* 'Bell asked last week "…?" Cueto responded': the verb right
       * before the quote first */
      if (verb_just_before (&ctx, sp))
        {
          who = attribute_before (&ctx, sp);
          if (who.named < 0)
            who = attribute_after (&ctx, sp, last == '.');
        }
      else
        who = attribute_after (&ctx, sp, last == '.');
      if (who.named < 0 && !who.decided)
        who = attribute_before (&ctx, sp);
      if (who.named < 0 && !who.decided)
        who = attribute_sentence_end (&ctx, sp);
      if (who.named < 0 && !who.decided)
        who = attribute_sentence_before (&ctx, sp);
      para = _dossier_quotes_paragraph_end (&ctx, sp->open);
      /* '"…," quipped Pitt. "…," he said': the speaker just quoted, when
       * "he" or "she" fits them */
      if (who.named >= 0 && who.attribution == DOSSIER_ATTRIBUTION_PRONOUN && prev != NULL &&
          prev->speaker >= 0 && prev->speaker != who.named && sp->tok_before != G_MAXUINT &&
          sp->tok_before >= prev_tok_after && sp->tok_before - prev_tok_after <= 40 &&
          same_sex (&ctx, prev->speaker, who.named) &&
          only_named_since (&ctx, prev->speaker, prev_tok_after, sp->tok_after))
        who.named = prev->speaker;
      if (who.named < 0 && !who.decided && prev != NULL && prev_para == para && prev->speaker >= 0)
        {
          who.named = prev->speaker;
          who.attribution = prev->attribution;
        }
      if (who.named < 0 && !who.decided && prev != NULL && prev->speaker >= 0 &&
          (before == NULL || before->kind == T_PARA) &&
          continues_speech (&ctx, prev_tok_after, sp->tok_before))
        {
          who.named = prev->speaker;
          who.attribution = prev->attribution;
        }
      if (who.named < 0 && !who.decided && (before == NULL || before->kind == T_PARA))
        who = paragraph_speaker (&ctx, result, sp, prev, prev_tok_after);
      if (who.named >= 0)
        {
          q.speaker = who.named;
          q.attribution = who.attribution;
        }
      g_array_append_val (result->quotes, q);
      prev = &g_array_index (result->quotes, DossierQuote, result->quotes->len - 1);
      prev_para = _dossier_quotes_paragraph_end (&ctx, sp->close_end > 0 ? sp->close_end - 1 : 0);
      prev_tok_after = sp->tok_after;
    }

  /* speakers named only in attributions are people too */
  _dossier_quotes_count_mentions (&ctx);

  for (guint i = 0; i < ctx.seqs->len; i++)
    g_free (g_array_index (ctx.seqs, Seq, i).title);
  g_array_unref (ctx.toks);
  g_string_chunk_free (ctx.words);
  g_array_unref (ctx.seqs);
  g_array_unref (ctx.mentions);
  g_array_unref (ctx.named_gender);
  g_hash_table_unref (ctx.by_key);
  g_hash_table_unref (ctx.name_keys);
  return result;
}

void
dossier_quote_result_free (DossierQuoteResult *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->quotes);
  g_ptr_array_unref (self->named);
  g_free (self);
}

const char *
dossier_attribution_to_string (DossierAttribution attribution)
{
  switch (attribution)
    {
    case DOSSIER_ATTRIBUTION_NAMED: return "named";
    case DOSSIER_ATTRIBUTION_TITLE: return "title";
    case DOSSIER_ATTRIBUTION_PRONOUN: return "pronoun";
    case DOSSIER_ATTRIBUTION_ORGANISATION: return "organisation";
    case DOSSIER_ATTRIBUTION_UNATTRIBUTED:
    default: return "unattributed";
    }
}
