/* dossier-quotes-speakers.c — who a speech verb's subject is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The subject of a speech verb, read before it ("Lavrov said", "the
 * foreign minister said", "he said") or after it ("said Sergei Lavrov,
 * Russia's foreign minister"), resolved to a person or organisation of
 * the article: a name, a title given to somebody, an organisation's
 * common noun, a spokesperson, or a pronoun.
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

/* A word of a time phrase ("last", "week") */
gboolean
_dossier_quotes_is_time_word (const char *lower)
{
  return _dossier_quotes_in_list (time_nouns, lower) || _dossier_quotes_in_list (time_before, lower);
}

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
  _dossier_quotes_sync_genders (ctx);
  return seq->named;
}

/* "said King": a title alone that is the surname of someone named
 * before ("Wayne King"), else -1. */
static int
role_as_surname (Ctx *ctx,
                 Seq *seq)
{
  Tok *t = _dossier_quotes_tok_at (ctx, seq->first);

  if (seq->kind != SEQ_ROLE || seq->first != seq->last || !_dossier_quotes_is_surname_title (t->lower))
    return -1;
  if (seq->named < 0)
    {
      g_autofree char *name = _dossier_quotes_tok_text (ctx, seq->first, seq->last);

      seq->named = _dossier_quotes_find_person (ctx, name, t->start, FALSE);
    }
  return seq->named;
}

Speaker
_dossier_quotes_speaker_named (Ctx *ctx,
               Seq *seq)
{
  Speaker sp = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, TRUE };
  DossierNamed *n;

  if (seq->kind == SEQ_ROLE && role_as_surname (ctx, seq) < 0)
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
speaker_pronoun_except (Ctx        *ctx,
                        const char *lower,
                        gsize       pos,
                        int         except)
{
  Speaker sp = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, TRUE };
  gboolean org = strcmp (lower, "it") == 0;
  int gender = _dossier_quotes_pronoun_gender (lower);

  if (!org && gender == 0)
    return sp;
  sp.pronoun = !org;
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
        if (org != (n->kind == DOSSIER_SPEAKER_ORGANISATION) || (pass == 0 && !m->subject) ||
            m->named == except)
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

static Speaker
speaker_pronoun (Ctx        *ctx,
                 const char *lower,
                 gsize       pos)
{
  return speaker_pronoun_except (ctx, lower, pos, -1);
}

/* "the foreign minister": the person mentioned last before @pos whose
 * titles hold the phrase. */
Speaker
_dossier_quotes_speaker_role (Ctx        *ctx,
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

          gsize tl = strlen (title), pl = strlen (phrase);

          /* "the city councilor" is "Councilor Ed Peñaredondo" */
          if (strcmp (title, phrase) == 0 ||
              (g_str_has_suffix (title, phrase) && strstr (phrase, " ") != NULL) ||
              (strchr (title, ' ') == NULL && pl > tl && phrase[pl - tl - 1] == ' ' &&
               strcmp (phrase + pl - tl, title) == 0))
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
    return _dossier_quotes_speaker_named (ctx, seq);
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
Seq *
_dossier_quotes_person_after_words (Ctx  *ctx,
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
      if (_dossier_quotes_is_determiner (t->lower) || _dossier_quotes_pronoun_gender (t->lower) != 0 ||
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

static gboolean
military_noun (const char *lower)
{
  return strcmp (lower, "military") == 0 || strcmp (lower, "army") == 0 || strcmp (lower, "navy") == 0 ||
         strcmp (lower, "police") == 0;
}

/* A lower-case word ending in -ly ("forthrightly", "frequently"). */
static gboolean
is_adverb (Ctx  *ctx,
           guint i)
{
  Tok *t = _dossier_quotes_tok_at (ctx, i);

  return t->kind == T_WORD && !t->cap && !t->in_quote && strlen (t->lower) > 4 &&
         g_str_has_suffix (t->lower, "ly") && strcmp (t->lower, "only") != 0;
}

/* The subject of a speech verb at @v, read backwards to @lo. */
Speaker
_dossier_quotes_subject_before (Ctx  *ctx,
                guint lo,
                guint v)
{
  Speaker none = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, FALSE };
  Speaker role;
  guint j = v, open;
  Tok *t;

  /* "Treñas forthrightly told", "Wilson frequently criticized" */
  while (j > lo && (_dossier_quotes_is_aux (ctx, j - 1) || is_adverb (ctx, j - 1)))
    j--;
  if (j <= lo)
    return none;
  j--;
  t = _dossier_quotes_tok_at (ctx, j);
  /* "… and said": the subject of the clause the verb joins */
  if (t->kind == T_WORD && strcmp (t->lower, "and") == 0 && j > lo)
    return _dossier_quotes_clause_subject (ctx, lo, j);
  /* "Ruano last week said", "Simon, policy director, though, testified" */
  if (t->kind == T_WORD && !t->cap && j > lo && _dossier_quotes_in_list (time_nouns, t->lower) &&
      _dossier_quotes_in_list (time_before, _dossier_quotes_tok_at (ctx, j - 1)->lower))
    return _dossier_quotes_subject_before (ctx, lo, j - 1);
  if (t->kind == T_COMMA && j > lo + 1 && _dossier_quotes_tok_at (ctx, j - 2)->kind == T_COMMA &&
      _dossier_quotes_in_list (discourse_words, _dossier_quotes_tok_at (ctx, j - 1)->lower))
    return _dossier_quotes_subject_before (ctx, lo, j - 1);
  if (j > lo && t->kind == T_COMMA && aside_before (ctx, j - 1, lo, &open))
    return _dossier_quotes_subject_before (ctx, lo, open);
  if (aside_before (ctx, j, lo, &open))
    return _dossier_quotes_subject_before (ctx, lo, open);
  /* "Biden on Wednesday called": past the time or place */
  if (t->kind == T_WORD && t->cap && t->seq >= 0)
    {
      Seq *seq = &g_array_index (ctx->seqs, Seq, t->seq);

      if (seq->kind == SEQ_PLACE && seq->run_start > lo &&
          _dossier_quotes_in_list (prepositions, _dossier_quotes_tok_at (ctx, seq->run_start - 1)->lower))
        return _dossier_quotes_subject_before (ctx, lo, seq->run_start - 1);
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
              Speaker a = _dossier_quotes_speaker_named (ctx, seq);

              /* "Sen. Kamala Harris, D-Calif., called": no one by that
               * name, so the name before it */
              if (a.named >= 0 || seq->kind != SEQ_SINGLE)
                return a;
            }
        }
      if (k > lo && _dossier_quotes_tok_at (ctx, k - 1)->kind == T_COMMA)
        return _dossier_quotes_subject_before (ctx, lo, k - 1);
      return none;
    }
  if (t->kind != T_WORD)
    return none;
  if (t->cap && !t->possessive && t->seq >= 0)
    {
      Seq *seq = &g_array_index (ctx->seqs, Seq, t->seq);

      if (seq->kind == SEQ_ROLE && role_as_surname (ctx, seq) < 0)
        {
          g_autofree char *phrase = _dossier_quotes_tok_text (ctx, seq->first, seq->last);
          g_autofree char *lower = g_utf8_strdown (phrase, -1);

          return _dossier_quotes_speaker_role (ctx, lower, t->start);
        }
      return _dossier_quotes_speaker_named (ctx, seq);
    }
  if (!t->cap || j == lo || _dossier_quotes_tok_at (ctx, j - 1)->kind != T_WORD)
    {
      /* "Biden, he said, also …": he is not Biden */
      if (j > lo + 1 && _dossier_quotes_tok_at (ctx, j - 1)->kind == T_COMMA &&
          _dossier_quotes_tok_at (ctx, j - 2)->seq >= 0 && _dossier_quotes_pronoun_gender (t->lower) != 0)
        {
          Seq *topic = &g_array_index (ctx->seqs, Seq, _dossier_quotes_tok_at (ctx, j - 2)->seq);

          if (topic->last == j - 2)
            return speaker_pronoun_except (ctx, t->lower, t->start, topic->named);
        }
      if (_dossier_quotes_pronoun_gender (t->lower) != 0 || strcmp (t->lower, "it") == 0)
        return speaker_pronoun (ctx, t->lower, t->start);
    }
  if (!t->cap && j > lo && _dossier_quotes_is_org_word (t->lower) &&
      _dossier_quotes_tok_is_word (ctx, j - 1, "the"))
    return speaker_org_role (ctx, t->lower, t->start);
  if (!t->cap && j > lo && _dossier_quotes_tok_at (ctx, j - 1)->cap && _dossier_quotes_tok_at (ctx, j - 1)->seq >= 0)
    {
      Seq *seq = &g_array_index (ctx->seqs, Seq, _dossier_quotes_tok_at (ctx, j - 1)->seq);

      /* "the Israeli military said": the body of a country, by that name */
      if ((seq->kind == SEQ_PLACE || seq->kind == SEQ_SINGLE) && seq->first == seq->last && seq->last == j - 1 &&
          (military_noun (t->lower) || strcmp (t->lower, "government") == 0) &&
          !_dossier_quotes_tok_at (ctx, j - 1)->possessive)
        {
          g_autofree char *name = _dossier_quotes_tok_text (ctx, j - 1, j);
          Speaker org = { -1, DOSSIER_ATTRIBUTION_ORGANISATION, TRUE, FALSE };

          org.named = _dossier_quotes_find_org (ctx, name, _dossier_quotes_tok_at (ctx, j - 1)->start);
          _dossier_quotes_sync_genders (ctx);
          return org;
        }

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

          if (w->kind != T_WORD || w->cap || _dossier_quotes_is_determiner (w->lower))
            break;
          g_string_prepend_c (phrase, ' ');
          g_string_prepend (phrase, w->lower);
        }
      p = g_string_free (phrase, FALSE);
      /* "a spokesperson said": a person with that title, else the
       * organisation that acted just before */
      role = _dossier_quotes_speaker_role (ctx, p, t->start);
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
Speaker
_dossier_quotes_subject_after (Ctx  *ctx,
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

          if ((seq->kind == SEQ_ROLE && role_as_surname (ctx, seq) < 0) ||
              _dossier_quotes_tok_at (ctx, seq->last)->possessive ||
              ((seq->kind == SEQ_PLACE || seq->kind == SEQ_ORG) && after != NULL && after->kind == T_WORD &&
               after->cap && after->seq >= 0 && after->seq != t->seq))
            {
              i = seq->last;
              continue;
            }
          if ((seq->kind == SEQ_PLACE || seq->kind == SEQ_ORG) && after != NULL && after->kind == T_WORD &&
              !after->cap && (_dossier_quotes_is_role_noun (after->lower) || _dossier_quotes_in_list (voices_after, after->lower)))
            {
              Speaker who = _dossier_quotes_person_after_words (ctx, seq->last + 1) != NULL
                            ? _dossier_quotes_speaker_named (ctx, _dossier_quotes_person_after_words (ctx, seq->last + 1))
                            : org_member (ctx, seq, after->lower);

              if (role != NULL)
                g_string_free (role, TRUE);
              return who;
            }
          if (role != NULL)
            g_string_free (role, TRUE);
          return _dossier_quotes_speaker_named (ctx, seq);
        }
      if (words == 1 && (_dossier_quotes_pronoun_gender (t->lower) != 0 || strcmp (t->lower, "it") == 0))
        return speaker_pronoun (ctx, t->lower, t->start);
      if (t->cap)
        break;
      if (role == NULL && _dossier_quotes_person_after_words (ctx, i) != NULL)
        return _dossier_quotes_speaker_named (ctx, _dossier_quotes_person_after_words (ctx, i));
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
      if (!_dossier_quotes_is_determiner (t->lower) || role != NULL)
        break;
    }
  if (role_then_name (ctx, v) != NULL)
    {
      if (role != NULL)
        g_string_free (role, TRUE);
      return _dossier_quotes_speaker_named (ctx, role_then_name (ctx, v));
    }
  if (role != NULL)
    {
      g_autofree char *p = g_string_free (role, FALSE);

      return _dossier_quotes_speaker_role (ctx, p, _dossier_quotes_tok_at (ctx, v)->start);
    }
  return none;
}

gboolean
_dossier_quotes_is_verb (Ctx  *ctx,
         guint i)
{
  Tok *t = _dossier_quotes_tok_at (ctx, i);

  if (t->kind != T_WORD)
    return FALSE;
  /* "the city councilor pointed out" */
  if ((strcmp (t->lower, "pointed") == 0 || strcmp (t->lower, "points") == 0) &&
      _dossier_quotes_tok_is_word (ctx, i + 1, "out"))
    return TRUE;
  return _dossier_quotes_is_speech_verb (t->lower);
}

gboolean
_dossier_quotes_is_participle (Ctx  *ctx,
               guint i)
{
  const char *w = _dossier_quotes_tok_at (ctx, i)->lower;

  return _dossier_quotes_is_speech_verb (w) && g_str_has_suffix (w, "ing") && strcmp (w, "according") != 0;
}

/* The subject of the clause holding a participle ("Emery retweeted the
 * story, saying, …"): the last name that acts before it ("Hachette
 * cancelled it, although Stephen King was among …, writing"), else its
 * first name. */
Speaker
_dossier_quotes_clause_subject (Ctx  *ctx,
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
            return _dossier_quotes_speaker_named (ctx, seq);
          i = seq->last;
        }
      else if (_dossier_quotes_pronoun_gender (t->lower) != 0)
        return speaker_pronoun (ctx, t->lower, t->start);
    }
  return none;
}
