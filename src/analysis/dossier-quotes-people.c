/* dossier-quotes-people.c — the people and organisations an article names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs of capitalised words become names: titles before a name ("Foreign
 * Minister Sergei Lavrov") and roles beside it (", Russia's foreign
 * minister,") are recorded, organisation and place words sort out what is
 * not a person, and a surname alone joins the person of the article with
 * that surname (or a surname-first name by its first word).
 */
#define G_LOG_DOMAIN "dossier-quotes"

#include "config.h"

#include <string.h>

#include "dossier-quotes-private.h"

/* Named people and organisations */

char *
_dossier_quotes_tok_text (Ctx  *ctx,
          guint first,
          guint last)
{
  GString *s = g_string_new (NULL);

  for (guint i = first; i <= last; i++)
    {
      Tok *t = _dossier_quotes_tok_at (ctx, i);
      gsize len = t->end - t->start;

      if (i == last && t->possessive)
        len -= ctx->text[t->end - 2] == '\'' ? 2 : 4;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append_len (s, ctx->text + t->start, len);
    }
  return g_string_free (s, FALSE);
}

static DossierNamed *
named_new (const char        *name,
           DossierSpeakerKind kind,
           gsize              first)
{
  DossierNamed *n = g_new0 (DossierNamed, 1);

  n->name = g_strdup (name);
  n->variants = g_ptr_array_new_with_free_func (g_free);
  n->titles = g_ptr_array_new_with_free_func (g_free);
  n->kind = kind;
  n->first = first;
  return n;
}

void
_dossier_quotes_named_free (gpointer data)
{
  DossierNamed *n = data;

  g_free (n->name);
  g_ptr_array_unref (n->variants);
  g_ptr_array_unref (n->titles);
  g_free (n);
}

static void
add_unique (GPtrArray  *list,
            const char *s)
{
  if (s == NULL || *s == '\0' || list->len >= 32)
    return;
  for (guint i = 0; i < list->len; i++)
    if (strcmp (g_ptr_array_index (list, i), s) == 0)
      return;
  g_ptr_array_add (list, g_strdup (s));
}

static int
add_named (Ctx               *ctx,
           const char        *key,
           const char        *name,
           DossierSpeakerKind kind,
           gsize              first)
{
  GArray *list = g_hash_table_lookup (ctx->by_key, key);
  int idx;

  if (ctx->named->len >= MAX_NAMED)
    return -1;
  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (int));
      g_hash_table_insert (ctx->by_key, g_strdup (key), list);
    }
  idx = ctx->named->len;
  g_ptr_array_add (ctx->named, named_new (name, kind, first));
  g_array_append_val (list, idx);
  return idx;
}

static void
index_given (Ctx        *ctx,
             const char *given,
             int         idx)
{
  g_autofree char *gkey = g_strconcat ("given:", given, NULL);
  GArray *list = g_hash_table_lookup (ctx->by_key, gkey);

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (int));
      g_hash_table_insert (ctx->by_key, g_steal_pointer (&gkey), list);
    }
  for (guint i = 0; i < list->len; i++)
    if (g_array_index (list, int, i) == idx)
      return;
  if (list->len < 64)
    g_array_append_val (list, idx);
}

typedef struct
{
  char *surname;
  char *given;    /* NULL: none */
} NameKeys;

static void
name_keys_free (gpointer p)
{
  NameKeys *k = p;

  g_free (k->surname);
  g_free (k->given);
  g_free (k);
}

GHashTable *
_dossier_quotes_name_keys_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, name_keys_free);
}

static const NameKeys *
keys_of (Ctx        *ctx,
         const char *name)
{
  NameKeys *k = g_hash_table_lookup (ctx->name_keys, name);

  if (k == NULL)
    {
      k = g_new0 (NameKeys, 1);
      _dossier_quotes_name_keys (name, &k->surname, &k->given);
      g_hash_table_insert (ctx->name_keys, g_strdup (name), k);
    }
  return k;
}

int
_dossier_quotes_find_person (Ctx        *ctx,
             const char *name,
             gsize       pos,
             gboolean    create)
{
  const NameKeys *keys = keys_of (ctx, name);
  const char *key = keys->surname;
  const char *given = keys->given;
  GArray *list;
  int best = -1;

  if (*key == '\0')
    return -1;
  list = g_hash_table_lookup (ctx->by_key, key);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      int idx = g_array_index (list, int, i);
      DossierNamed *n = g_ptr_array_index (ctx->named, idx);
      const char *ngiven;

      if (n->kind != DOSSIER_SPEAKER_PERSON)
        continue;
      ngiven = keys_of (ctx, n->name)->given;
      if (given == NULL || ngiven == NULL || strcmp (given, ngiven) == 0)
        {
          if (given != NULL && ngiven == NULL)
            {
              g_free (n->name);
              n->name = g_strdup (name);
              index_given (ctx, given, idx);
            }
          /* the person mentioned last, when a surname alone fits several */
          if (best < 0 || n->first <= pos)
            best = idx;
        }
    }
  if (best < 0 && given == NULL)
    {
      /* a surname-first name given by its first word ("Ban" of "Ban Ki-moon") */
      g_autofree char *gkey = g_strconcat ("given:", key, NULL);
      GArray *by_given = g_hash_table_lookup (ctx->by_key, gkey);

      if (by_given != NULL && by_given->len == 1)
        best = g_array_index (by_given, int, 0);
    }
  if (best < 0 && create)
    {
      best = add_named (ctx, key, name, DOSSIER_SPEAKER_PERSON, pos);
      if (best >= 0 && given != NULL)
        index_given (ctx, given, best);
    }
  return best;
}

int
_dossier_quotes_find_org (Ctx        *ctx,
          const char *name,
          gsize       pos)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  g_autofree char *key = g_strconcat ("org:", lower, NULL);
  GArray *list = g_hash_table_lookup (ctx->by_key, key);

  if (list != NULL)
    return g_array_index (list, int, 0);
  return add_named (ctx, key, name, DOSSIER_SPEAKER_ORGANISATION, pos);
}

static void
note_mention (Ctx  *ctx,
              int   named,
              guint tok_first,
              guint tok_last,
              Seq  *seq)
{
  DossierNamed *n;
  g_autofree char *surface = NULL;
  Mention m;

  if (named < 0)
    return;
  n = g_ptr_array_index (ctx->named, named);
  n->mentions++;
  surface = _dossier_quotes_tok_text (ctx, tok_first, tok_last);
  add_unique (n->variants, surface);
  if (seq != NULL && seq->title_first < tok_first)
    {
      g_autofree char *titled = _dossier_quotes_tok_text (ctx, seq->title_first, tok_last);

      add_unique (n->variants, titled);
    }
  if (seq != NULL && seq->title != NULL)
    add_unique (n->titles, seq->title);
  if (seq != NULL && seq->gender != 0 && named < (int) ctx->named_gender->len)
    g_array_index (ctx->named_gender, int, named) = seq->gender;
  if (!_dossier_quotes_tok_at (ctx, tok_first)->in_quote)
    {
      Tok *next = tok_last + 1 < ctx->toks->len ? _dossier_quotes_tok_at (ctx, tok_last + 1) : NULL;

      m.pos = _dossier_quotes_tok_at (ctx, tok_first)->start;
      m.named = named;
      m.subject = next != NULL && next->kind == T_WORD && !next->cap &&
                  (_dossier_quotes_is_speech_verb (next->lower) ||
                   g_str_has_suffix (next->lower, "ed") || g_str_has_suffix (next->lower, "s"));
      g_array_append_val (ctx->mentions, m);
    }
}

/* A role noun phrase next to the name run starting at @s or ending at @e
 * (", Russia's foreign minister," / "Putin aide Yury Ushakov"). */
static char *
nearby_role (Ctx  *ctx,
             guint s,
             guint e)
{
  guint n = ctx->toks->len;
  GString *role = NULL;

  if (e + 2 < n && _dossier_quotes_tok_at (ctx, e + 1)->kind == T_COMMA)
    {
      guint i = e + 2, words = 0;
      gboolean has_role = FALSE;

      for (; i < n && words < 8 && _dossier_quotes_tok_at (ctx, i)->kind == T_WORD; i++, words++)
        if (_dossier_quotes_is_role_noun (_dossier_quotes_tok_at (ctx, i)->lower))
          has_role = TRUE;
      if (has_role && (i >= n || _dossier_quotes_tok_at (ctx, i)->kind != T_WORD))
        {
          guint j = e + 2;

          if (_dossier_quotes_tok_at (ctx, j)->possessive || _dossier_quotes_is_determiner (_dossier_quotes_tok_at (ctx, j)->lower))
            j++;
          role = g_string_new (NULL);
          for (; j < i; j++)
            g_string_append_printf (role, "%s%s", role->len ? " " : "", _dossier_quotes_tok_at (ctx, j)->lower);
        }
    }
  if (role == NULL && s > 0 && _dossier_quotes_tok_at (ctx, s - 1)->kind == T_WORD &&
      !_dossier_quotes_tok_at (ctx, s - 1)->cap && _dossier_quotes_is_role_noun (_dossier_quotes_tok_at (ctx, s - 1)->lower))
    role = g_string_new (_dossier_quotes_tok_at (ctx, s - 1)->lower);
  else if (role == NULL && s > 1 && _dossier_quotes_tok_at (ctx, s - 1)->kind == T_COMMA &&
           _dossier_quotes_tok_at (ctx, s - 2)->kind == T_WORD &&
           _dossier_quotes_is_role_noun (_dossier_quotes_tok_at (ctx, s - 2)->lower))
    role = g_string_new (_dossier_quotes_tok_at (ctx, s - 2)->lower);
  return role != NULL ? g_string_free (role, FALSE) : NULL;
}

gboolean
_dossier_quotes_all_caps (Ctx  *ctx,
          guint i)
{
  Tok *t = _dossier_quotes_tok_at (ctx, i);
  guint letters = 0;

  for (guint32 p = t->start; p < t->end; p++)
    {
      if (g_ascii_islower (ctx->text[p]))
        return FALSE;
      if (g_ascii_isupper (ctx->text[p]))
        letters++;
    }
  return letters >= 2;
}

/* "THE HAGUE — …", "MOSCOW, March 3 (Reuters) -": the place a report
 * was filed from, in capitals at the start of a paragraph. */
static gboolean
is_dateline (Ctx  *ctx,
             guint s,
             guint e)
{
  gsize p;

  if (s > 0 && _dossier_quotes_tok_at (ctx, s - 1)->kind != T_PARA)
    return FALSE;
  for (guint i = s; i <= e; i++)
    if (!_dossier_quotes_all_caps (ctx, i))
      return FALSE;
  p = _dossier_quotes_tok_at (ctx, e)->end;
  while (p < ctx->len && ctx->text[p] == ' ')
    p++;
  return p < ctx->len &&
         (ctx->text[p] == ',' || ctx->text[p] == '-' || ctx->text[p] == '(' ||
          (p + 3 <= ctx->len && (memcmp (ctx->text + p, "\xe2\x80\x94", 3) == 0 ||
                                 memcmp (ctx->text + p, "\xe2\x80\x93", 3) == 0)));
}

/* "granted to MORE Power": a name that opens with a word of three or
 * more capitals inside a sentence is a brand or a body (at a
 * paragraph's start, "LINDA Nolan has vowed", it is the house style). */
static gboolean
leads_in_capitals (Ctx  *ctx,
                   guint run_start,
                   guint s)
{
  Tok *first = _dossier_quotes_tok_at (ctx, s), *before;

  if (run_start == 0 || first->end - first->start < 3 || !_dossier_quotes_all_caps (ctx, s))
    return FALSE;
  before = _dossier_quotes_tok_at (ctx, run_start - 1);
  return before->kind == T_WORD || before->kind == T_COMMA;
}

/* "Wayne King": a given name before a title that is also a surname. */
static gboolean
surname_title_ends (Ctx  *ctx,
                    guint s,
                    guint e)
{
  Tok *before;

  if (e == s || !_dossier_quotes_is_surname_title (_dossier_quotes_tok_at (ctx, e)->lower))
    return FALSE;
  before = _dossier_quotes_tok_at (ctx, e - 1);
  return before->kind == T_WORD && before->cap && !before->possessive &&
         !_dossier_quotes_is_title_word (before->lower) && !_dossier_quotes_is_place_word (before->lower) &&
         !_dossier_quotes_is_demonym (before->lower) &&
         !_dossier_quotes_is_org_word (before->lower) && !_dossier_quotes_all_caps (ctx, e - 1);
}

static void
classify_run (Ctx  *ctx,
              guint s,
              guint e)
{
  Seq seq = { 0 };
  guint run_start = s, title_end = G_MAXUINT, title_start;
  gboolean has_org = FALSE, has_place = FALSE, all_place = TRUE;
  int idx;

  while (s <= e && _dossier_quotes_is_stop_cap (_dossier_quotes_tok_at (ctx, s)->lower))
    s++;
  if (s > e)
    return;
  /* a party and state ("D-Calif.", "R-Ky.") names nobody */
  if (s == e && _dossier_quotes_tok_at (ctx, s)->end - _dossier_quotes_tok_at (ctx, s)->start > 2 &&
      ctx->text[_dossier_quotes_tok_at (ctx, s)->start + 1] == '-' &&
      g_ascii_isupper (ctx->text[_dossier_quotes_tok_at (ctx, s)->start + 2]))
    return;
  for (guint i = s; i <= e; i++)
    if (_dossier_quotes_is_org_word (_dossier_quotes_tok_at (ctx, i)->lower))
      has_org = TRUE;
  for (guint i = s; i < e; i++)
    if (_dossier_quotes_is_title_word (_dossier_quotes_tok_at (ctx, i)->lower) &&
        !_dossier_quotes_is_title_word (_dossier_quotes_tok_at (ctx, i + 1)->lower))
      title_end = i;
  if (_dossier_quotes_is_title_word (_dossier_quotes_tok_at (ctx, e)->lower) && title_end == G_MAXUINT &&
      !surname_title_ends (ctx, s, e))
    {
      seq.kind = SEQ_ROLE;
      seq.first = s;
      seq.last = e;
      seq.title_first = s;
    }
  else
    {
      gboolean name_has_org = FALSE;

      if (title_end != G_MAXUINT)
        for (guint i = title_end + 1; i <= e; i++)
          if (_dossier_quotes_is_org_word (_dossier_quotes_tok_at (ctx, i)->lower))
            name_has_org = TRUE;
      if (title_end != G_MAXUINT && !name_has_org)
        {
          GString *title = g_string_new (NULL);

          title_start = title_end;
          while (title_start > s && _dossier_quotes_is_title_word (_dossier_quotes_tok_at (ctx, title_start - 1)->lower))
            title_start--;
          for (guint i = title_start; i <= title_end; i++)
            g_string_append_printf (title, "%s%s", title->len ? " " : "", _dossier_quotes_tok_at (ctx, i)->lower);
          seq.title = g_string_free (title, FALSE);
          if (title_start > s)
            {
              guint before = ctx->seqs->len;

              /* what comes before a title is where the person serves
               * ("Wilmington Mayor Bill Saffo"), not another person */
              classify_run (ctx, s, title_start - 1);
              for (guint i = before; i < ctx->seqs->len; i++)
                {
                  Seq *prefix = &g_array_index (ctx->seqs, Seq, i);

                  if (prefix->kind == SEQ_PERSON || prefix->kind == SEQ_SINGLE)
                    prefix->kind = SEQ_PLACE;
                }
            }
          if (strcmp (_dossier_quotes_tok_at (ctx, title_end)->lower, "mr.") == 0 ||
              strcmp (_dossier_quotes_tok_at (ctx, title_end)->lower, "mr") == 0)
            seq.gender = 1;
          else if (g_str_has_prefix (_dossier_quotes_tok_at (ctx, title_end)->lower, "mrs") ||
                   g_str_has_prefix (_dossier_quotes_tok_at (ctx, title_end)->lower, "ms"))
            seq.gender = 2;
          seq.title_first = title_start;
          s = title_end + 1;
          has_org = FALSE;
        }
      for (guint i = s; i <= e; i++)
        {
          if (_dossier_quotes_is_org_word (_dossier_quotes_tok_at (ctx, i)->lower))
            has_org = TRUE;
          if (_dossier_quotes_is_place_word (_dossier_quotes_tok_at (ctx, i)->lower))
            has_place = TRUE;
          else
            all_place = FALSE;
        }
      seq.first = s;
      seq.last = e;
      if (seq.title == NULL)
        seq.title_first = s;
      if (is_dateline (ctx, run_start, e))
        seq.kind = SEQ_PLACE;
      else if (has_org || (s == e && _dossier_quotes_all_caps (ctx, s) && seq.title == NULL))
        seq.kind = SEQ_ORG;
      else if (has_place && (seq.title == NULL || all_place))
        seq.kind = SEQ_PLACE;
      else if (s < e && seq.title == NULL && leads_in_capitals (ctx, run_start, s))
        seq.kind = SEQ_ORG;
      else if (s < e || seq.title != NULL)
        seq.kind = SEQ_PERSON;
      else
        seq.kind = SEQ_SINGLE;
    }
  if (seq.kind == SEQ_PERSON && seq.title == NULL)
    seq.title = nearby_role (ctx, run_start, e);
  seq.run_start = run_start;
  seq.named = -1;
  idx = ctx->seqs->len;
  g_array_append_val (ctx->seqs, seq);
  for (guint i = run_start; i <= e; i++)
    if (_dossier_quotes_tok_at (ctx, i)->seq < 0 || i >= seq.first)
      _dossier_quotes_tok_at (ctx, i)->seq = idx;
}

/* A lone capitalised word that speaks or acts ("Clinton spoke"). */
static gboolean
acts_as_person (Ctx *ctx,
                Seq *seq)
{
  static const char *const acts[] = {
    "spoke", "met", "visited", "arrived", "signed", "appeared", "smiled",
    "laughed", "tweeted", "nodded", NULL
  };
  guint i = seq->last + 1;

  if (_dossier_quotes_tok_at (ctx, seq->last)->possessive)
    return FALSE;
  while (i < ctx->toks->len && _dossier_quotes_is_aux (ctx, i) && i - seq->last < 3)
    i++;
  if (i >= ctx->toks->len || _dossier_quotes_tok_at (ctx, i)->kind != T_WORD || _dossier_quotes_tok_at (ctx, i)->cap)
    return FALSE;
  return _dossier_quotes_is_speech_verb (_dossier_quotes_tok_at (ctx, i)->lower) || _dossier_quotes_in_list (acts, _dossier_quotes_tok_at (ctx, i)->lower);
}

/* "Department of Conservation", "Committee on Intelligence and
 * Security": a small word inside an organisation's name. */
static gboolean
joins_org (Ctx  *ctx,
           guint s,
           guint e)
{
  gboolean org = FALSE;
  Tok *w, *next;

  if (e + 2 >= ctx->toks->len)
    return FALSE;
  w = _dossier_quotes_tok_at (ctx, e + 1);
  next = _dossier_quotes_tok_at (ctx, e + 2);
  if (w->kind != T_WORD || w->cap || next->kind != T_WORD || !next->cap ||
      (strcmp (w->lower, "of") != 0 && strcmp (w->lower, "on") != 0 &&
       strcmp (w->lower, "for") != 0 && strcmp (w->lower, "and") != 0))
    return FALSE;
  /* the name after a title is a person's ("Senate Leader Tomas Wren of
   * Ohio"), whatever the words before the title */
  for (guint i = s; i < e; i++)
    if (_dossier_quotes_is_title_word (_dossier_quotes_tok_at (ctx, i)->lower))
      s = i + 1;
  for (guint i = s; i <= e && !org; i++)
    org = _dossier_quotes_is_org_word (_dossier_quotes_tok_at (ctx, i)->lower);
  return org;
}

/* "Staffan de Mistura", "Ursula von der Leyen", "Mohammed bin Salman":
 * the small words inside a person's name, between capitalised words. */
static guint
joins_particles (Ctx  *ctx,
                 guint e)
{
  static const char *const particles[] = {
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "des", "di",
    "dos", "du", "ibn", "la", "le", "ter", "van", "von", "zu", NULL
  };
  guint k = e + 1;

  /* at most two in a row ("van der", "von der") */
  while (k < ctx->toks->len && k <= e + 2 &&
         _dossier_quotes_tok_at (ctx, k)->kind == T_WORD && !_dossier_quotes_tok_at (ctx, k)->cap &&
         _dossier_quotes_in_list (particles, _dossier_quotes_tok_at (ctx, k)->lower))
    k++;
  if (k == e + 1 || k >= ctx->toks->len ||
      _dossier_quotes_tok_at (ctx, k)->kind != T_WORD || !_dossier_quotes_tok_at (ctx, k)->cap ||
      _dossier_quotes_is_org_word (_dossier_quotes_tok_at (ctx, k)->lower))
    return 0;
  return k - e;
}

/* "the Universities and Colleges Employers’ Association (UCEA)": the
 * letters in brackets name the same organisation from then on. */
static void
alias_acronym (Ctx *ctx,
               Seq *seq)
{
  guint k = seq->last + 1;
  Tok *open, *word, *close;
  g_autofree char *key = NULL;

  if (seq->named < 0 || k + 2 >= ctx->toks->len)
    return;
  open = _dossier_quotes_tok_at (ctx, k);
  word = _dossier_quotes_tok_at (ctx, k + 1);
  close = _dossier_quotes_tok_at (ctx, k + 2);
  if (open->kind != T_OTHER || ctx->text[open->start] != '(' || word->kind != T_WORD ||
      !_dossier_quotes_all_caps (ctx, k + 1) || close->kind != T_OTHER || ctx->text[close->start] != ')')
    return;
  key = g_strconcat ("org:", word->lower, NULL);
  if (!g_hash_table_contains (ctx->by_key, key))
    {
      GArray *list = g_array_new (FALSE, FALSE, sizeof (int));

      g_array_append_val (list, seq->named);
      g_hash_table_insert (ctx->by_key, g_steal_pointer (&key), list);
    }
}

void
_dossier_quotes_find_names (Ctx *ctx)
{
  guint n = ctx->toks->len;

  for (guint i = 0; i < n; i++)
    {
      guint e = i, step;

      if (_dossier_quotes_tok_at (ctx, i)->kind != T_WORD || !_dossier_quotes_tok_at (ctx, i)->cap)
        continue;
      for (;;)
        {
          if (_dossier_quotes_tok_at (ctx, e)->possessive == 1 || e + 1 >= n || e - i >= 8)
            break;
          if (_dossier_quotes_tok_at (ctx, e + 1)->kind == T_WORD && _dossier_quotes_tok_at (ctx, e + 1)->cap)
            e++;
          else if (joins_org (ctx, i, e))
            e += 2;
          else if ((step = joins_particles (ctx, e)) > 0)
            e += step;
          else
            break;
        }
      classify_run (ctx, i, e);
      i = e;
    }

  /* people and organisations first, so that a surname alone finds them */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ctx->seqs->len; i++)
      {
        Seq *seq = &g_array_index (ctx->seqs, Seq, i);
        g_autofree char *name = NULL;
        gsize pos;

        if ((pass == 0) != (seq->kind == SEQ_PERSON || seq->kind == SEQ_ORG))
          continue;
        if (seq->kind != SEQ_PERSON && seq->kind != SEQ_ORG && seq->kind != SEQ_SINGLE)
          continue;
        name = _dossier_quotes_tok_text (ctx, seq->first, seq->last);
        pos = _dossier_quotes_tok_at (ctx, seq->first)->start;
        if (seq->kind == SEQ_PERSON)
          seq->named = _dossier_quotes_find_person (ctx, name, pos, TRUE);
        else if (seq->kind == SEQ_ORG)
          {
            seq->named = _dossier_quotes_find_org (ctx, name, pos);
            alias_acronym (ctx, seq);
          }
        else
          seq->named = _dossier_quotes_find_person (ctx, name, pos, acts_as_person (ctx, seq));
        _dossier_quotes_sync_genders (ctx);
      }
}

/* One gender slot for every person or organisation found so far. */
void
_dossier_quotes_sync_genders (Ctx *ctx)
{
  while (ctx->named_gender->len < ctx->named->len)
    {
      int zero = 0;

      g_array_append_val (ctx->named_gender, zero);
    }
}

/* How many mentions lie before @pos (they are sorted by position). */
guint
_dossier_quotes_mentions_before (Ctx  *ctx,
                 gsize pos)
{
  guint lo = 0, hi = ctx->mentions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (ctx->mentions, Mention, mid).pos < pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static int
mention_cmp (gconstpointer a,
             gconstpointer b)
{
  const Mention *ma = a, *mb = b;

  return ma->pos < mb->pos ? -1 : ma->pos > mb->pos;
}

void
_dossier_quotes_count_mentions (Ctx *ctx)
{
  g_array_set_size (ctx->mentions, 0);
  for (guint i = 0; i < ctx->named->len; i++)
    ((DossierNamed *) g_ptr_array_index (ctx->named, i))->mentions = 0;
  for (guint i = 0; i < ctx->seqs->len; i++)
    {
      Seq *seq = &g_array_index (ctx->seqs, Seq, i);

      note_mention (ctx, seq->named, seq->first, seq->last, seq);
    }
  g_array_sort (ctx->mentions, mention_cmp);
}
