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
 * resolves the verb's subject (dossier-quotes-speakers.c): a name, a
 * role given to a person, an organisation, or a pronoun (the nearest
 * person or organisation before it).  A quote with no speaker of its own continues the quote before it
 * in the same paragraph; otherwise it stays unattributed.
 */
#define G_LOG_DOMAIN "dossier-quotes"

#include "config.h"

#include <string.h>

#include "dossier-quotes.h"
#include "dossier-quotes-private.h"

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



static gboolean verb_before (Ctx  *ctx,
                             Span *sp);

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
      !_dossier_quotes_is_verb (ctx, i) && !_dossier_quotes_in_list (determiners, _dossier_quotes_tok_at (ctx, i)->lower) &&
      _dossier_quotes_pronoun_gender (_dossier_quotes_tok_at (ctx, i)->lower) == 0 &&
      strcmp (_dossier_quotes_tok_at (ctx, i)->lower, "it") != 0 &&
      _dossier_quotes_person_after_words (ctx, i) == NULL)
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
      if (!_dossier_quotes_is_verb (ctx, j))
        continue;
      /* 'Marmorato called it "heartbreaking," according to the Bronx
       * Times': the paper reports, the subject spoke */
      if (strcmp (t->lower, "according") == 0 && verb_before (ctx, sp))
        return none;
      if (j == i)
        return _dossier_quotes_subject_after (ctx, j);
      if (ends_sentence)
        {
          Tok *next = j + 1 < n ? _dossier_quotes_tok_at (ctx, j + 1) : NULL;

          if (next != NULL && next->kind == T_WORD && !_dossier_quotes_in_list (after_verb_ok, next->lower))
            return none;
        }
      return _dossier_quotes_subject_before (ctx, i, j);
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
        return _dossier_quotes_speaker_named (ctx, seq);
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
      /* not past another quote: 'Bell asked "…?" Cueto responded that "…"',
       * but past a few quoted words ('rather than a "vulnerable" man') */
      if (t->in_quote && lo < hi)
        {
          guint k = lo - 1, quoted = 0, steps = 0;

          while (k > 0 && _dossier_quotes_tok_at (ctx, k)->in_quote && quoted <= 3 && steps++ < 12)
            {
              if (_dossier_quotes_tok_at (ctx, k)->kind == T_WORD)
                quoted++;
              else if (_dossier_quotes_tok_at (ctx, k)->kind == T_STOP)
                quoted = G_MAXUINT - 1;
              k--;
            }
          if (quoted > 3 || steps > 12 || k == 0)
            break;
          lo = k + 1;
          continue;
        }
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

      if (!_dossier_quotes_is_verb (ctx, j) || _dossier_quotes_tok_at (ctx, j)->in_quote)
        continue;
      if (_dossier_quotes_is_participle (ctx, j))
        {
          s = _dossier_quotes_clause_subject (ctx, lo, j);
          if (s.named >= 0)
            return s;
          continue;
        }
      s = _dossier_quotes_subject_before (ctx, lo, j);
      if (s.named < 0 && !s.decided && j + 1 < hi)
        {
          Speaker a = _dossier_quotes_subject_after (ctx, j);

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
      if (!_dossier_quotes_is_verb (ctx, j))
        continue;
      if (j == comma + 1)
        return _dossier_quotes_subject_after (ctx, j);
      return _dossier_quotes_subject_before (ctx, comma + 1, j);
    }
  return none;
}

/* A clause later in the quote's sentence: 'None of the "potentially
 * hundreds" of buyers were charged, Levy said, but …', 'Outlining the
 * "unimaginable scale" of the crisis, he insisted …'. */
static Speaker
attribute_clause_after (Ctx  *ctx,
                        Span *sp)
{
  Speaker none = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, FALSE };
  guint n = ctx->toks->len;

  for (guint i = sp->tok_after; i + 2 < n && i - sp->tok_after < 40; i++)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, i), *w;
      guint v;

      if (t->kind == T_STOP || t->kind == T_PARA || t->in_quote)
        break;
      if (t->kind != T_COMMA)
        continue;
      w = _dossier_quotes_tok_at (ctx, i + 1);
      if (w->kind != T_WORD || w->in_quote)
        continue;
      if (w->cap && w->seq >= 0)
        v = g_array_index (ctx->seqs, Seq, w->seq).last + 1;
      else if (_dossier_quotes_pronoun_gender (w->lower) != 0)
        v = i + 2;
      else
        continue;
      if (v < n && _dossier_quotes_is_verb (ctx, v) && !_dossier_quotes_is_participle (ctx, v) &&
          strcmp (_dossier_quotes_tok_at (ctx, v)->lower, "according") != 0)
        return _dossier_quotes_subject_before (ctx, i + 1, v);
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

      if (!_dossier_quotes_is_verb (ctx, j) || _dossier_quotes_is_participle (ctx, j))
        continue;
      s = _dossier_quotes_subject_before (ctx, lo, j);
      /* "…, says Schrems." */
      if (s.named < 0 && j + 1 < hi)
        s = _dossier_quotes_subject_after (ctx, j);
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
      if (_dossier_quotes_is_verb (ctx, i))
        return TRUE;
      if (i == 0)
        break;
    }
  for (guint i = sp->tok_after, k = 0; i < n && k < 12; i++, k++)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, i);

      if (t->kind == T_STOP || t->kind == T_PARA || t->kind == T_QUOTE)
        break;
      if (_dossier_quotes_is_verb (ctx, i))
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
      if (!t->in_quote && _dossier_quotes_is_verb (ctx, i))
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
 * and @to.  The rest of the sentence at @from is the attribution of the
 * quote before it: people named there without acting ("said King, who
 * left Meadows' office") are not counted. */
static gboolean
only_named_since (Ctx  *ctx,
                  int   named,
                  guint from,
                  guint to)
{
  gsize a = from < ctx->toks->len ? _dossier_quotes_tok_at (ctx, from)->start : ctx->len;
  gsize b = to < ctx->toks->len ? _dossier_quotes_tok_at (ctx, to)->start : ctx->len;
  gsize aside_end = a;

  for (guint i = from; i < ctx->toks->len && i < to; i++)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, i);

      if (t->kind == T_STOP || t->kind == T_PARA || t->kind == T_QUOTE)
        break;
      aside_end = t->end;
    }
  for (guint i = _dossier_quotes_mentions_before (ctx, b); i > 0; i--)
    {
      Mention *m = &g_array_index (ctx->mentions, Mention, i - 1);

      if (m->pos < a)
        break;
      if (m->pos < aside_end && !m->subject)
        continue;
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
                                            _dossier_quotes_is_time_word (t->lower))))
        {
          k--;
          skipped++;
          continue;
        }
      break;
    }
  return _dossier_quotes_is_verb (ctx, k) && !_dossier_quotes_is_participle (ctx, k) && !_dossier_quotes_tok_at (ctx, k)->in_quote;
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
          Speaker role = _dossier_quotes_speaker_role (ctx, p, _dossier_quotes_tok_at (ctx, para_start)->start);

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
  static const char *const male_nouns[] = {
    "son", "father", "husband", "brother", "boyfriend", "actor", "man",
    "uncle", "nephew", "grandfather", "widower", "businessman", "chairman",
    "spokesman", "congressman", NULL
  };
  static const char *const female_nouns[] = {
    "daughter", "mother", "wife", "sister", "girlfriend", "actress", "woman",
    "aunt", "niece", "grandmother", "widow", "businesswoman", "chairwoman",
    "spokeswoman", "congresswoman", NULL
  };
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
      /* "her daughter Soon-Yi Previn", "actor Albert Brooks" */
      if (_dossier_quotes_tok_at (ctx, t)->seq >= 0)
        {
          guint run = g_array_index (ctx->seqs, Seq, _dossier_quotes_tok_at (ctx, t)->seq).run_start;
          Tok *noun = run > 0 ? _dossier_quotes_tok_at (ctx, run - 1) : NULL;

          if (noun != NULL && noun->kind == T_WORD && !noun->cap && !noun->in_quote)
            {
              if (_dossier_quotes_in_list (male_nouns, noun->lower))
                g_array_index (votes, guint, 2 * m->named) += 2;
              else if (_dossier_quotes_in_list (female_nouns, noun->lower))
                g_array_index (votes, guint, 2 * m->named + 1) += 2;
            }
        }
      for (guint c = 0; k < n && c < 25; k++, c++)
        {
          Tok *w = _dossier_quotes_tok_at (ctx, k);

          if (w->start >= limit || w->kind == T_STOP || w->kind == T_PARA)
            break;
          if (w->in_quote || w->kind != T_WORD || w->cap)
            continue;
          /* "Previn, whom he married", "younger than him": someone else */
          if (k > 0 && (_dossier_quotes_tok_is_word (ctx, k - 1, "whom") ||
                        _dossier_quotes_tok_is_word (ctx, k - 1, "than")))
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
  _dossier_quotes_sync_genders (ctx);
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
        who = attribute_clause_after (&ctx, sp);
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
      /* 'A Sussex Police spokesman said "…". He said: "…"': the
       * organisation the spokesman spoke for */
      if (who.pronoun && prev != NULL && prev->speaker >= 0 &&
          prev->attribution == DOSSIER_ATTRIBUTION_ORGANISATION && sp->tok_before != G_MAXUINT &&
          sp->tok_before >= prev_tok_after && sp->tok_before - prev_tok_after <= 40 &&
          only_named_since (&ctx, prev->speaker, prev_tok_after, sp->tok_after))
        {
          who.named = prev->speaker;
          who.attribution = DOSSIER_ATTRIBUTION_ORGANISATION;
        }
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
