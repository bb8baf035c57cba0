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
} Ctx;

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

static gboolean
in_list (const char *const *list,
         const char         *word)
{
  if (word == NULL)
    return FALSE;
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], word) == 0)
      return TRUE;
  return FALSE;
}

static inline Tok *
tok_at (Ctx  *ctx,
        guint i)
{
  return &g_array_index (ctx->toks, Tok, i);
}

static inline gboolean
tok_is_word (Ctx        *ctx,
             guint       i,
             const char *lower)
{
  Tok *t;

  if (i >= ctx->toks->len)
    return FALSE;
  t = tok_at (ctx, i);
  return t->kind == T_WORD && strcmp (t->lower, lower) == 0;
}

/* Quote marks */

static gunichar
char_at (Ctx   *ctx,
         gsize  pos,
         gsize *next)
{
  gunichar c = g_utf8_get_char_validated (ctx->text + pos, ctx->len - pos);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *next = pos + 1;
      return 0xFFFD;
    }
  *next = pos + g_unichar_to_utf8 (c, NULL);
  return c;
}

static int
opener_style (gunichar c)
{
  switch (c)
    {
    case '"': return 0;
    case 0x201C: return 1;
    case 0x201E: return 2;
    case 0x00AB: return 3;
    default: return -1;
    }
}

static gboolean
closes (int      style,
        gunichar c)
{
  switch (style)
    {
    case 0: return c == '"' || c == 0x201D;
    case 1: return c == 0x201D || c == '"';
    case 2: return c == 0x201C || c == 0x201D;
    case 3: return c == 0x00BB;
    default: return FALSE;
    }
}

static gboolean
continues_style (int      style,
                 gunichar c)
{
  int other = opener_style (c);

  return other == style || (other >= 0 && style <= 1 && other <= 1);
}

/* Where the paragraph holding @pos ends. */
static gsize
paragraph_end (Ctx  *ctx,
               gsize pos)
{
  const char *nl = memchr (ctx->text + pos, '\n', ctx->len - pos);

  return nl != NULL ? (gsize) (nl - ctx->text) : ctx->len;
}

static gboolean
straight_may_open (Ctx  *ctx,
                   gsize pos)
{
  const char *prev;
  gunichar c;

  if (pos == 0)
    return TRUE;
  prev = g_utf8_find_prev_char (ctx->text, ctx->text + pos);
  if (prev == NULL)
    return TRUE;
  c = g_utf8_get_char_validated (prev, pos - (prev - ctx->text));
  return c == (gunichar) -1 || c == (gunichar) -2 || g_unichar_isspace (c) ||
         strchr ("([{/-", (int) c) != NULL || c == 0x2014 || c == 0x2013 ||
         c == 0x00A0 || opener_style (c) >= 0;
}

static void
find_spans (Ctx    *ctx,
            GArray *spans)
{
  gsize failed_until[4] = { 0, 0, 0, 0 };
  gboolean failed[4] = { FALSE, FALSE, FALSE, FALSE };
  gsize pos = 0;

  while (pos < ctx->len && spans->len < MAX_QUOTES)
    {
      gsize next, q;
      gunichar c = char_at (ctx, pos, &next);
      int style = opener_style (c);
      gboolean found = FALSE;

      if (style < 0 || (style == 0 && !straight_may_open (ctx, pos)) ||
          (failed[style] && pos < failed_until[style]))
        {
          pos = next;
          continue;
        }
      q = next;
      while (q < ctx->len && q - pos < MAX_QUOTE_BYTES)
        {
          gsize qn;
          gunichar d = char_at (ctx, q, &qn);

          if (d == '\n')
            {
              gsize r = qn, rn;
              gunichar e = 0;

              while (r < ctx->len)
                {
                  e = char_at (ctx, r, &rn);
                  if (!g_unichar_isspace (e))
                    break;
                  r = rn;
                }
              if (r < ctx->len && continues_style (style, e))
                {
                  q = rn;
                  continue;
                }
              break;
            }
          if (closes (style, d))
            {
              Span s = { pos, next, q, qn, G_MAXUINT, 0 };

              g_array_append_val (spans, s);
              pos = qn;
              found = TRUE;
              break;
            }
          q = qn;
        }
      if (!found)
        {
          failed[style] = TRUE;
          failed_until[style] = paragraph_end (ctx, pos);
          pos = next;
        }
    }
}

/* Tokens */

static gboolean
is_abbreviation (const char *word,
                 gsize       len)
{
  static const char *const abbrevs[] = {
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov",
    "Lt", "Col", "Capt", "Prof", "Rev", "Adm", "Sgt", "Corp", "Inc", "No",
    "Vs", "vs", "Mt", "Ft", "Messrs", NULL
  };

  if (len == 1 && g_ascii_isupper (word[0]))
    return TRUE;
  if (memchr (word, '.', len) != NULL)
    return TRUE;
  for (guint i = 0; abbrevs[i] != NULL; i++)
    if (strlen (abbrevs[i]) == len && memcmp (abbrevs[i], word, len) == 0)
      return TRUE;
  return FALSE;
}

static void
add_tok (Ctx    *ctx,
         TokKind kind,
         gsize   start,
         gsize   end)
{
  Tok t = { (guint32) start, (guint32) end, kind, 0, 0, 0, NULL, -1 };

  if (ctx->toks->len >= MAX_TOKENS)
    return;
  if (kind == T_WORD)
    {
      gsize wlen = end - start;
      g_autofree char *lower = NULL;
      gunichar first = g_utf8_get_char_validated (ctx->text + start, wlen);

      t.cap = first != (gunichar) -1 && first != (gunichar) -2 && g_unichar_isupper (first);
      if (wlen > 2 && ctx->text[end - 1] == 's' && ctx->text[end - 2] == '\'')
        {
          t.possessive = 1;
          wlen -= 2;
        }
      else if (wlen > 4 && ctx->text[end - 1] == 's' &&
               memcmp (ctx->text + end - 4, "’", 3) == 0)
        {
          t.possessive = 1;
          wlen -= 4;
        }
      lower = g_utf8_strdown (ctx->text + start, wlen);
      t.lower = g_string_chunk_insert_const (ctx->words, lower);
    }
  else if (ctx->toks->len > 0 && kind == T_PARA &&
           tok_at (ctx, ctx->toks->len - 1)->kind == T_PARA)
    return;
  g_array_append_val (ctx->toks, t);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static void
tokenize (Ctx *ctx)
{
  gsize pos = 0;

  while (pos < ctx->len && ctx->toks->len < MAX_TOKENS)
    {
      gsize next;
      gunichar c = char_at (ctx, pos, &next);

      if (c == '\n')
        add_tok (ctx, T_PARA, pos, next);
      else if (g_unichar_isspace (c) || c == 0x00A0)
        ;
      else if (opener_style (c) >= 0 || closes (0, c) || closes (1, c) ||
               closes (2, c) || closes (3, c))
        add_tok (ctx, T_QUOTE, pos, next);
      else if (is_word_char (c))
        {
          gsize end = next;

          for (;;)
            {
              gsize n1, n2;
              gunichar d, e;

              if (end >= ctx->len)
                break;
              d = char_at (ctx, end, &n1);
              if (is_word_char (d))
                {
                  end = n1;
                  continue;
                }
              if ((d == '-' || d == '\'' || d == 0x2019 || d == '.') && n1 < ctx->len)
                {
                  e = char_at (ctx, n1, &n2);
                  if (is_word_char (e))
                    {
                      end = n2;
                      continue;
                    }
                }
              break;
            }
          if (end < ctx->len && ctx->text[end] == '.' &&
              is_abbreviation (ctx->text + pos, end - pos))
            end++;
          add_tok (ctx, T_WORD, pos, end);
          next = end;
        }
      else if (c == ',' || c == ';')
        add_tok (ctx, T_COMMA, pos, next);
      else if (c == ':')
        add_tok (ctx, T_COLON, pos, next);
      else if (c == '.' || c == '!' || c == '?' || c == 0x2026)
        add_tok (ctx, T_STOP, pos, next);
      else
        add_tok (ctx, T_OTHER, pos, next);
      pos = next;
    }
}

/* Named people and organisations */

static char *
tok_text (Ctx  *ctx,
          guint first,
          guint last)
{
  GString *s = g_string_new (NULL);

  for (guint i = first; i <= last; i++)
    {
      Tok *t = tok_at (ctx, i);
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

static void
named_free (gpointer data)
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

static int
find_person (Ctx        *ctx,
             const char *name,
             gsize       pos,
             gboolean    create)
{
  g_autofree char *key = dossier_name_surname_key (name);
  g_autofree char *given = dossier_name_given_key (name);
  GArray *list;
  int best = -1;

  if (*key == '\0')
    return -1;
  list = g_hash_table_lookup (ctx->by_key, key);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      int idx = g_array_index (list, int, i);
      DossierNamed *n = g_ptr_array_index (ctx->named, idx);
      g_autofree char *ngiven = NULL;

      if (n->kind != DOSSIER_SPEAKER_PERSON)
        continue;
      ngiven = dossier_name_given_key (n->name);
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

static int
find_org (Ctx        *ctx,
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
  surface = tok_text (ctx, tok_first, tok_last);
  add_unique (n->variants, surface);
  if (seq != NULL && seq->title_first < tok_first)
    {
      g_autofree char *titled = tok_text (ctx, seq->title_first, tok_last);

      add_unique (n->variants, titled);
    }
  if (seq != NULL && seq->title != NULL)
    add_unique (n->titles, seq->title);
  if (seq != NULL && seq->gender != 0 && named < (int) ctx->named_gender->len)
    g_array_index (ctx->named_gender, int, named) = seq->gender;
  if (!tok_at (ctx, tok_first)->in_quote)
    {
      Tok *next = tok_last + 1 < ctx->toks->len ? tok_at (ctx, tok_last + 1) : NULL;

      m.pos = tok_at (ctx, tok_first)->start;
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

  if (e + 2 < n && tok_at (ctx, e + 1)->kind == T_COMMA)
    {
      guint i = e + 2, words = 0;
      gboolean has_role = FALSE;

      for (; i < n && words < 8 && tok_at (ctx, i)->kind == T_WORD; i++, words++)
        if (_dossier_quotes_is_role_noun (tok_at (ctx, i)->lower))
          has_role = TRUE;
      if (has_role && (i >= n || tok_at (ctx, i)->kind != T_WORD))
        {
          guint j = e + 2;

          if (tok_at (ctx, j)->possessive || in_list (determiners, tok_at (ctx, j)->lower))
            j++;
          role = g_string_new (NULL);
          for (; j < i; j++)
            g_string_append_printf (role, "%s%s", role->len ? " " : "", tok_at (ctx, j)->lower);
        }
    }
  if (role == NULL && s > 0 && tok_at (ctx, s - 1)->kind == T_WORD &&
      !tok_at (ctx, s - 1)->cap && _dossier_quotes_is_role_noun (tok_at (ctx, s - 1)->lower))
    role = g_string_new (tok_at (ctx, s - 1)->lower);
  else if (role == NULL && s > 1 && tok_at (ctx, s - 1)->kind == T_COMMA &&
           tok_at (ctx, s - 2)->kind == T_WORD &&
           _dossier_quotes_is_role_noun (tok_at (ctx, s - 2)->lower))
    role = g_string_new (tok_at (ctx, s - 2)->lower);
  return role != NULL ? g_string_free (role, FALSE) : NULL;
}

static gboolean
all_caps (Ctx  *ctx,
          guint i)
{
  Tok *t = tok_at (ctx, i);
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

static void
classify_run (Ctx  *ctx,
              guint s,
              guint e)
{
  Seq seq = { 0 };
  guint run_start = s, title_end = G_MAXUINT, title_start;
  gboolean has_org = FALSE, has_place = FALSE;
  int idx;

  while (s <= e && _dossier_quotes_is_stop_cap (tok_at (ctx, s)->lower))
    s++;
  if (s > e)
    return;
  for (guint i = s; i <= e; i++)
    if (_dossier_quotes_is_org_word (tok_at (ctx, i)->lower))
      has_org = TRUE;
  for (guint i = s; i < e; i++)
    if (_dossier_quotes_is_title_word (tok_at (ctx, i)->lower) &&
        !_dossier_quotes_is_title_word (tok_at (ctx, i + 1)->lower))
      title_end = i;
  if (_dossier_quotes_is_title_word (tok_at (ctx, e)->lower) && title_end == G_MAXUINT)
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
          if (_dossier_quotes_is_org_word (tok_at (ctx, i)->lower))
            name_has_org = TRUE;
      if (title_end != G_MAXUINT && !name_has_org)
        {
          GString *title = g_string_new (NULL);

          title_start = title_end;
          while (title_start > s && _dossier_quotes_is_title_word (tok_at (ctx, title_start - 1)->lower))
            title_start--;
          for (guint i = title_start; i <= title_end; i++)
            g_string_append_printf (title, "%s%s", title->len ? " " : "", tok_at (ctx, i)->lower);
          seq.title = g_string_free (title, FALSE);
          if (title_start > s)
            classify_run (ctx, s, title_start - 1);
          if (strcmp (tok_at (ctx, title_end)->lower, "mr.") == 0 ||
              strcmp (tok_at (ctx, title_end)->lower, "mr") == 0)
            seq.gender = 1;
          else if (g_str_has_prefix (tok_at (ctx, title_end)->lower, "mrs") ||
                   g_str_has_prefix (tok_at (ctx, title_end)->lower, "ms"))
            seq.gender = 2;
          seq.title_first = title_start;
          s = title_end + 1;
          has_org = FALSE;
        }
      for (guint i = s; i <= e; i++)
        {
          if (_dossier_quotes_is_org_word (tok_at (ctx, i)->lower))
            has_org = TRUE;
          if (_dossier_quotes_is_place_word (tok_at (ctx, i)->lower))
            has_place = TRUE;
        }
      seq.first = s;
      seq.last = e;
      if (seq.title == NULL)
        seq.title_first = s;
      if (has_org || (s == e && all_caps (ctx, s) && seq.title == NULL))
        seq.kind = SEQ_ORG;
      else if (has_place && seq.title == NULL)
        seq.kind = SEQ_PLACE;
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
    if (tok_at (ctx, i)->seq < 0 || i >= seq.first)
      tok_at (ctx, i)->seq = idx;
}

static gboolean is_aux (Ctx *ctx, guint i);

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

  if (tok_at (ctx, seq->last)->possessive)
    return FALSE;
  while (i < ctx->toks->len && is_aux (ctx, i) && i - seq->last < 3)
    i++;
  if (i >= ctx->toks->len || tok_at (ctx, i)->kind != T_WORD || tok_at (ctx, i)->cap)
    return FALSE;
  return _dossier_quotes_is_speech_verb (tok_at (ctx, i)->lower) || in_list (acts, tok_at (ctx, i)->lower);
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
  w = tok_at (ctx, e + 1);
  next = tok_at (ctx, e + 2);
  if (w->kind != T_WORD || w->cap || next->kind != T_WORD || !next->cap ||
      (strcmp (w->lower, "of") != 0 && strcmp (w->lower, "on") != 0 &&
       strcmp (w->lower, "for") != 0 && strcmp (w->lower, "and") != 0))
    return FALSE;
  for (guint i = s; i <= e && !org; i++)
    org = _dossier_quotes_is_org_word (tok_at (ctx, i)->lower);
  return org;
}

static void
find_names (Ctx *ctx)
{
  guint n = ctx->toks->len;

  for (guint i = 0; i < n; i++)
    {
      guint e = i;

      if (tok_at (ctx, i)->kind != T_WORD || !tok_at (ctx, i)->cap)
        continue;
      for (;;)
        {
          if (tok_at (ctx, e)->possessive || e + 1 >= n || e - i >= 8)
            break;
          if (tok_at (ctx, e + 1)->kind == T_WORD && tok_at (ctx, e + 1)->cap)
            e++;
          else if (joins_org (ctx, i, e))
            e += 2;
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
        name = tok_text (ctx, seq->first, seq->last);
        pos = tok_at (ctx, seq->first)->start;
        if (seq->kind == SEQ_PERSON)
          seq->named = find_person (ctx, name, pos, TRUE);
        else if (seq->kind == SEQ_ORG)
          seq->named = find_org (ctx, name, pos);
        else
          seq->named = find_person (ctx, name, pos, acts_as_person (ctx, seq));
        while (ctx->named_gender->len < ctx->named->len)
          {
            int zero = 0;
            g_array_append_val (ctx->named_gender, zero);
          }
      }
}

/* How many mentions lie before @pos (they are sorted by position). */
static guint
mentions_before (Ctx  *ctx,
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

static void
count_mentions (Ctx *ctx)
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

/* Attribution */

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
  gsize pos = tok_at (ctx, seq->first)->start;

  if (seq->named >= 0)
    return seq->named;
  name = tok_text (ctx, seq->first, seq->last);
  if (seq->kind == SEQ_PLACE || (seq->kind == SEQ_SINGLE && all_caps (ctx, seq->first)))
    seq->named = find_org (ctx, name, pos);
  else if (seq->kind == SEQ_SINGLE)
    seq->named = find_person (ctx, name, pos, TRUE);
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
  /* "it": an organisation that did something first, then any */
  for (guint pass = org ? 0 : 1; pass < 2; pass++)
    for (guint i = mentions_before (ctx, pos), steps = 0; i > 0 && steps < PRONOUN_LOOKBACK; i--, steps++)
      {
        Mention *m = &g_array_index (ctx->mentions, Mention, i - 1);
        DossierNamed *n;
        int g;

        if (m->pos >= pos)
          continue;
        n = g_ptr_array_index (ctx->named, m->named);
        if (org != (n->kind == DOSSIER_SPEAKER_ORGANISATION) || (pass == 0 && !m->subject))
          continue;
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

  for (guint i = mentions_before (ctx, pos), steps = 0; i > 0 && steps < PRONOUN_LOOKBACK; i--, steps++)
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

static gboolean
is_aux (Ctx  *ctx,
        guint i)
{
  Tok *t = tok_at (ctx, i);

  return t->kind == T_WORD && !t->cap && in_list (aux_words, t->lower);
}

/* The subject of a speech verb at @v, read backwards to @lo. */
static Speaker
subject_before (Ctx  *ctx,
                guint lo,
                guint v)
{
  Speaker none = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, FALSE };
  guint j = v;
  Tok *t;

  while (j > lo && is_aux (ctx, j - 1))
    j--;
  if (j <= lo)
    return none;
  j--;
  t = tok_at (ctx, j);
  if (t->kind == T_COMMA)
    {
      /* "X, appositive, said": the appositive if it is a name, else X */
      guint k = j;

      while (k > lo && tok_at (ctx, k - 1)->kind == T_WORD)
        k--;
      if (k < j && tok_at (ctx, k)->seq >= 0)
        {
          Seq *seq = &g_array_index (ctx->seqs, Seq, tok_at (ctx, k)->seq);

          if (seq->run_start == k && seq->last + 1 == j && !tok_at (ctx, seq->last)->possessive &&
              seq->kind != SEQ_ROLE)
            return speaker_named (ctx, seq);
        }
      if (k > lo && tok_at (ctx, k - 1)->kind == T_COMMA)
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
          g_autofree char *phrase = tok_text (ctx, seq->first, seq->last);
          g_autofree char *lower = g_utf8_strdown (phrase, -1);

          return speaker_role (ctx, lower, t->start);
        }
      return speaker_named (ctx, seq);
    }
  if (!t->cap || j == lo || tok_at (ctx, j - 1)->kind != T_WORD)
    {
      if (_dossier_quotes_pronoun_gender (t->lower) != 0 || strcmp (t->lower, "it") == 0)
        return speaker_pronoun (ctx, t->lower, t->start);
    }
  if (!t->cap && _dossier_quotes_is_role_noun (t->lower))
    {
      GString *phrase = g_string_new (t->lower);
      g_autofree char *p = NULL;

      for (guint i = j; i > lo && i + 3 > j; i--)
        {
          Tok *w = tok_at (ctx, i - 1);

          if (w->kind != T_WORD || w->cap || in_list (determiners, w->lower))
            break;
          g_string_prepend_c (phrase, ' ');
          g_string_prepend (phrase, w->lower);
        }
      p = g_string_free (phrase, FALSE);
      return speaker_role (ctx, p, t->start);
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
      Tok *t = tok_at (ctx, k);

      if (t->kind != T_WORD || t->cap)
        return FALSE;
      if (_dossier_quotes_is_role_noun (t->lower))
        return TRUE;
    }
  return FALSE;
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

  if (strcmp (tok_at (ctx, v)->lower, "according") == 0)
    {
      if (!tok_is_word (ctx, i, "to"))
        return none;
      i++;
    }
  for (; i < n && words < 10; i++)
    {
      Tok *t = tok_at (ctx, i);

      if (t->kind == T_COMMA)
        continue;
      if (t->kind != T_WORD)
        break;
      words++;
      if (t->cap && t->seq >= 0)
        {
          Seq *seq = &g_array_index (ctx->seqs, Seq, t->seq);

          if (seq->kind == SEQ_ROLE || tok_at (ctx, seq->last)->possessive)
            {
              i = seq->last;
              continue;
            }
          if (role != NULL)
            g_string_free (role, TRUE);
          return speaker_named (ctx, seq);
        }
      if (words == 1 && (_dossier_quotes_pronoun_gender (t->lower) != 0 || strcmp (t->lower, "it") == 0))
        return speaker_pronoun (ctx, t->lower, t->start);
      if (t->cap)
        break;
      if (_dossier_quotes_is_role_noun (t->lower) || role_follows (ctx, i))
        {
          if (role == NULL)
            role = g_string_new (NULL);
          g_string_append_printf (role, "%s%s", role->len ? " " : "", t->lower);
          continue;
        }
      if (!in_list (determiners, t->lower) || role != NULL)
        break;
    }
  if (role != NULL)
    {
      g_autofree char *p = g_string_free (role, FALSE);

      return speaker_role (ctx, p, tok_at (ctx, v)->start);
    }
  return none;
}

static gboolean
is_verb (Ctx  *ctx,
         guint i)
{
  Tok *t = tok_at (ctx, i);

  return t->kind == T_WORD && _dossier_quotes_is_speech_verb (t->lower);
}

/* The words after the closing mark: '," Clinton said.' */
static Speaker
attribute_after (Ctx  *ctx,
                 Span *sp,
                 gboolean ends_sentence)
{
  Speaker none = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, FALSE };
  guint n = ctx->toks->len, i = sp->tok_after, words = 0;

  if (i < n && tok_at (ctx, i)->kind == T_COMMA)
    i++;
  if (i < n && tok_at (ctx, i)->kind == T_WORD && !tok_at (ctx, i)->cap &&
      !is_verb (ctx, i) && !in_list (determiners, tok_at (ctx, i)->lower) &&
      _dossier_quotes_pronoun_gender (tok_at (ctx, i)->lower) == 0 &&
      strcmp (tok_at (ctx, i)->lower, "it") != 0)
    return none;
  for (guint j = i; j < n && words < AFTER_WORDS; j++)
    {
      Tok *t = tok_at (ctx, j);

      if (t->kind != T_WORD && t->kind != T_COMMA)
        break;
      if (t->kind == T_WORD)
        words++;
      if (!is_verb (ctx, j))
        continue;
      if (j == i)
        return subject_after (ctx, j);
      if (ends_sentence)
        {
          Tok *next = j + 1 < n ? tok_at (ctx, j + 1) : NULL;

          if (next != NULL && next->kind == T_WORD && !in_list (after_verb_ok, next->lower))
            return none;
        }
      return subject_before (ctx, i, j);
    }
  return none;
}

static gboolean
is_participle (Ctx  *ctx,
               guint i)
{
  const char *w = tok_at (ctx, i)->lower;

  return strcmp (w, "saying") == 0 || strcmp (w, "calling") == 0 || strcmp (w, "describing") == 0;
}

/* The subject of the clause holding a participle ("Emery retweeted the
 * story, saying, …"): its first name. */
static Speaker
clause_subject (Ctx  *ctx,
                guint lo,
                guint v)
{
  Speaker none = { -1, DOSSIER_ATTRIBUTION_UNATTRIBUTED, FALSE };

  for (guint i = lo; i < v; i++)
    {
      Tok *t = tok_at (ctx, i);

      if (t->in_quote || t->kind != T_WORD)
        continue;
      if (t->cap && t->seq >= 0 && !t->possessive)
        {
          Seq *seq = &g_array_index (ctx->seqs, Seq, t->seq);

          if (seq->kind != SEQ_ROLE && !tok_at (ctx, seq->last)->possessive &&
              seq->kind != SEQ_PLACE)
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
      Tok *t = tok_at (ctx, lo - 1);

      if (t->kind == T_STOP && !t->in_quote)
        break;
      if (t->kind == T_PARA && !(lo < ctx->toks->len && lo == hi))
        break;
      if (t->kind == T_PARA && (lo < 2 || tok_at (ctx, lo - 2)->kind != T_COLON))
        break;
      if (hi - lo > 60)
        break;
      lo--;
    }
  for (guint j = lo; j < hi; j++)
    {
      Speaker s;

      if (!is_verb (ctx, j) || tok_at (ctx, j)->in_quote)
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
         tok_at (ctx, stop)->kind != T_STOP && tok_at (ctx, stop)->kind != T_PARA)
    stop++;
  if (stop == sp->tok_after || stop - sp->tok_after >= 60)
    return none;
  for (guint i = stop; i > sp->tok_after && stop - i < 12; i--)
    if (tok_at (ctx, i - 1)->kind == T_COMMA)
      {
        comma = i - 1;
        break;
      }
    else if (tok_at (ctx, i - 1)->kind != T_WORD)
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

static gboolean
has_verb_near (Ctx  *ctx,
               Span *sp)
{
  guint n = ctx->toks->len;

  for (guint i = sp->tok_before, k = 0; i != G_MAXUINT && k < 40; i--, k++)
    {
      Tok *t = tok_at (ctx, i);

      if (t->kind == T_STOP || t->kind == T_PARA)
        break;
      if (is_verb (ctx, i))
        return TRUE;
      if (i == 0)
        break;
    }
  for (guint i = sp->tok_after, k = 0; i < n && k < 12; i++, k++)
    {
      Tok *t = tok_at (ctx, i);

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
      Tok *t = tok_at (ctx, i);

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
  Tok *before = sp->tok_before != G_MAXUINT ? tok_at (ctx, sp->tok_before) : NULL;
  Tok *before2 = sp->tok_before != G_MAXUINT && sp->tok_before > 0 ? tok_at (ctx, sp->tok_before - 1) : NULL;

  if (words == 0)
    return FALSE;
  if (words == 1)
    return before != NULL && !in_list (determiners, before->lower) && verb_before (ctx, sp);
  if (before != NULL && before->kind == T_WORD &&
      (in_list (work_before, before->lower) ||
       (before2 != NULL && before2->kind == T_WORD && in_list (work_before, before2->lower))))
    return FALSE;
  if (words <= 3 && before != NULL && before->kind == T_WORD && in_list (not_quote_before, before->lower))
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
    if (tok_at (ctx, i)->kind == T_PARA)
      breaks++;
  return breaks == 1 && tok_at (ctx, before)->kind == T_PARA;
}

static void
map_spans (Ctx    *ctx,
           GArray *spans)
{
  guint t = 0, n = ctx->toks->len;

  for (guint s = 0; s < spans->len; s++)
    {
      Span *sp = &g_array_index (spans, Span, s);

      while (t < n && tok_at (ctx, t)->end <= sp->open)
        t++;
      sp->tok_before = t > 0 ? t - 1 : G_MAXUINT;
      while (t < n && tok_at (ctx, t)->start < sp->close_end)
        tok_at (ctx, t++)->in_quote = 1;
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
  result->named = g_ptr_array_new_with_free_func (named_free);
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
  ctx.by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_array_unref);

  find_spans (&ctx, spans);
  tokenize (&ctx);
  map_spans (&ctx, spans);
  find_names (&ctx);
  count_mentions (&ctx);

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
          Tok *t = tok_at (&ctx, i);

          if (t->kind != T_WORD)
            continue;
          words++;
          if (t->cap)
            cap_words++;
          else if (in_list (small_words, t->lower))
            small++;
        }
      last = body[sp->ce > sp->cs ? sp->ce - 1 : sp->cs];
      ends_punct = strchr (".!?", body[q.end - 1]) != NULL ||
                   (q.end >= q.start + 3 && memcmp (body + q.end - 3, "…", 3) == 0);
      before = sp->tok_before != G_MAXUINT ? tok_at (&ctx, sp->tok_before) : NULL;
      starts_sentence = before == NULL || before->kind == T_PARA || before->kind == T_STOP ||
                        before->kind == T_COLON || before->kind == T_QUOTE;
      if (!is_quotation (&ctx, sp, words, cap_words, small, starts_sentence, ends_punct))
        continue;

      who = attribute_after (&ctx, sp, last == '.');
      if (who.named < 0 && !who.decided)
        who = attribute_before (&ctx, sp);
      if (who.named < 0 && !who.decided)
        who = attribute_sentence_end (&ctx, sp);
      para = paragraph_end (&ctx, sp->open);
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
      if (who.named >= 0)
        {
          q.speaker = who.named;
          q.attribution = who.attribution;
        }
      g_array_append_val (result->quotes, q);
      prev = &g_array_index (result->quotes, DossierQuote, result->quotes->len - 1);
      prev_para = paragraph_end (&ctx, sp->close_end > 0 ? sp->close_end - 1 : 0);
      prev_tok_after = sp->tok_after;
    }

  /* speakers named only in attributions are people too */
  count_mentions (&ctx);

  for (guint i = 0; i < ctx.seqs->len; i++)
    g_free (g_array_index (ctx.seqs, Seq, i).title);
  g_array_unref (ctx.toks);
  g_string_chunk_free (ctx.words);
  g_array_unref (ctx.seqs);
  g_array_unref (ctx.mentions);
  g_array_unref (ctx.named_gender);
  g_hash_table_unref (ctx.by_key);
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
