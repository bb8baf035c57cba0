/* dossier-store-tokenizer.c — the library's FTS5 tokenizer: words with
 * their stems, their exact forms and, for names, a key shared across
 * spellings and scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Words are split and folded (case, diacritics) by SQLite's unicode61.
 * Every word is indexed as its folded form; at the same position
 * (FTS5_TOKEN_COLOCATED) comes
 *   "#stem"  its Snowball stem (Russian for Cyrillic, English for Latin),
 *            when it differs from the folded form, or the lemma an
 *            irregular form (said, люди) belongs to.
 * Names are found at query time, not indexed: a word written with a
 * capital letter has its spelling (the folded word) recorded once in the
 * table search_names, under each of
 *   "~key"   its name key: the word in Latin letters (ICU's
 *            Russian-Latin/BGN for Cyrillic) with the spellings that differ
 *            between transliterations folded together
 *            (dossier_store_name_key()), unless the key is the folded word
 *            itself (and not short);
 *   "^key"   the name key of its stem (the Russian Snowball stem for
 *            Cyrillic, the word for Latin) without its final vowels, so
 *            that the cases of a Russian name meet its Latin spellings
 *            (Лаврова, Навального; Lavrov, Navalny), unless it is the name
 *            key itself;
 *   "%skel"  the coarse shape of its key: h left out, vowels in two
 *            classes, z as s (name_skeleton()), so that spellings that
 *            follow the sound rather than the letters meet (Eastmond,
 *            Истмонд; Sauerbruch, Зауэрбрух).
 * The table has a row per spelling and term, not per occurrence, and is
 * filled as texts are indexed (a spelling already recorded by this
 * connection is not written again).  A capitalised word that opens a
 * sentence and that the same text also writes in lower case ("Officials
 * said ... the officials") is no name: it is not recorded.
 * '#', '~', '^' and '%' never occur in a folded word, so no text can make them.
 *
 * A query word asks for any of its stem ("stem" or "#stem"), its name
 * key as a word (when that is not short), and, colocated, every recorded
 * spelling (at most MAX_SPELLINGS) under its name key ("~key"), the key
 * of its stem ("^key", "~key" and the key as a word) and its shape
 * ("%skel").  The expression FTS5 matches and ranks is then the same
 * everywhere the tokenizer serves.  A spelling whose articles were all
 * deleted stays in the table until the index is made again: a term with
 * no rows, which finds nothing.  A word written "=word" asks for the
 * folded form alone, and a prefix ("negot*") for folded forms that start
 * with it, so phrases, prefixes and exact forms keep working on the words
 * as written.
 * Snippets mark the words at the offsets unicode61 reports: as written.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libstemmer.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mman.h>
#include <unicode/utrans.h>

#include "dossier-store-private.h"
#include "dossier-store-irregular.h"

/* Bump when what is indexed for a word changes: a library indexed with
 * another version has its index rebuilt when it opens. */
#define TOKENIZER_REVISION "10"

/* Set to 1, the tokenizer leaves the irregular forms out (Snowball
 * alone), for build-aux/score-search to compare; the recorded version
 * says so, so an index is never read the other way. */
#define SNOWBALL_ONLY_ENV "DOSSIER_SEARCH_SNOWBALL_ONLY"

/* A key of a stem keeps at least this many letters when its final
 * vowels are taken away */
#define MIN_STEM_KEY 3

/* A name key this long that is the folded word itself is not indexed
 * beside it; a query asks for the key as a word as well. */
#define MIN_PLAIN_KEY 4

/* In a longer text, a capitalised word is not looked for in lower case
 * (written_in_lower_case()) */
#define MAX_LOWER_CASE_TEXT (64 * 1024)

/* A shape this short is neither recorded nor looked up: it is the shape
 * of too many words ("see": Sea, So, Sue) */
#define MIN_SHAPE 3

/* A query word asks for at most this many spellings of names */
#define MAX_SPELLINGS 32

/* A connection remembers at most this many spellings it recorded
 * (then forgets them all and records them again, which is harmless) */
#define MAX_RECORDED (1 << 20)

/* Longer words are indexed as folded only: no stem, no key. */
#define MAX_STEMMED_BYTES 128

/* Stems and name keys of recent words, by a hash of the word: most
 * words of a text are a few common ones (and a few names), whose stem
 * and key are then not made again */
#define STEM_CACHE_SIZE 4096
#define STEM_CACHE_WORD 32

/* The cache's memory comes straight from the system, as zeroed pages
 * that are only given (a page fault each) where an entry is first
 * written: a search tokenizes a few words, which touch a few of its 176
 * pages, where clearing all 704 KiB at the tokenizer's creation took a
 * few milliseconds of a `dossier-cli search` */
#define STEM_CACHE_BYTES (STEM_CACHE_SIZE * sizeof (StemCacheEntry))

/* key_len when the word's name key has not been made yet (or is too
 * long to keep), and when the word has none */
#define KEY_UNKNOWN 0xFF
#define KEY_NONE    0xFE

typedef struct
{
  guint8 word_len;               /* 0: empty */
  guint8 stem_len;
  guint8 key_len;                /* KEY_UNKNOWN, KEY_NONE or the length */
  guint8 function_word;
  guint8 stem_key_len;           /* 0: none */
  guint8 skeleton_len;           /* 0: none */
  guint32 keyed_in;              /* the text whose name keys were emitted
                                  * for the word, or 0 */
  guint32 recorded_in;           /* the generation + 1 in which the
                                  * word's name terms were recorded */
  char   word[STEM_CACHE_WORD];
  char   stem[STEM_CACHE_WORD];
  char   key[STEM_CACHE_WORD];
  char   stem_key[STEM_CACHE_WORD];
  char   skeleton[STEM_CACHE_WORD];
} StemCacheEntry;

/* What the tokenizers of one connection share: the connection, for
 * search_names, and a generation bumped by a rollback or when the table
 * is emptied, after which what each tokenizer recorded is forgotten */
typedef struct
{
  fts5_api            *api;
  sqlite3             *db;
  guint                generation;
} NamesShared;

typedef struct
{
  fts5_tokenizer       base;      /* unicode61 */
  Fts5Tokenizer       *base_tok;
  struct sb_stemmer   *english;
  struct sb_stemmer   *russian;
  UTransliterator     *to_latin;
  StemCacheEntry      *stem_cache;
  guint32              n_texts;   /* texts tokenized, for keyed_in */
  gboolean             snowball_only;
  NamesShared         *shared;
  char                *names;     /* "schema".search_names */
  gboolean             record;    /* does indexing a text record names? */
  GHashTable          *recorded;  /* "term\tspelling" written */
  guint                generation;
} DossierTokenizer;

typedef struct
{
  DossierTokenizer *tok;
  void             *ctx;
  int             (*emit) (void *, int, const char *, int, int, int);
  int               flags;
  const char       *text;
  int               n_text;
  gboolean          exact;
  GPtrArray        *pending;      /* "term\tspelling" to record */
  sqlite3_stmt     *lookup;       /* the spellings of a term */
  gboolean          no_lookup;    /* no search_names to look in */
} TokenizeCall;

typedef enum { SCRIPT_OTHER, SCRIPT_LATIN, SCRIPT_CYRILLIC } Script;

static Script
script_of (const char *word,
           int         len)
{
  gboolean latin = FALSE, cyrillic = FALSE;

  for (int i = 0; i < len; i++)
    {
      guchar b = (guchar) word[i];

      /* (an apostrophe, which English stemming knows, never reaches
       * here from unicode61, but does from dossier_store_stem()) */
      if ((b >= 'a' && b <= 'z') || b == '\'')
        latin = TRUE;
      else if (b == 0xD0 || b == 0xD1)
        {
          /* U+0400–U+047F; the folded lower case letters live here */
          cyrillic = TRUE;
          i++;
        }
      else
        return SCRIPT_OTHER;   /* digits, other scripts, other letters */
    }
  if (latin == cyrillic)
    return SCRIPT_OTHER;       /* mixed scripts in one word ("пutin") */
  return latin ? SCRIPT_LATIN : SCRIPT_CYRILLIC;
}

/* Lower case, composed, with combining marks and ё folded away, as
 * Snowball's Russian stemmer expects (й stays) */
static char *
cyrillic_lower (const char *text,
                gssize      len)
{
  g_autofree char *nfc = g_utf8_normalize (text, len, G_NORMALIZE_NFC);
  g_autofree char *down = NULL;
  GString *out;

  if (nfc == NULL)
    return NULL;
  down = g_utf8_strdown (nfc, -1);
  out = g_string_sized_new (strlen (down));
  for (const char *p = down; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x0451)          /* ё */
        c = 0x0435;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
stem_with (struct sb_stemmer *stemmer,
           const char        *word,
           int                len)
{
  const sb_symbol *stem = sb_stemmer_stem (stemmer, (const sb_symbol *) word, len);

  if (stem == NULL)
    return g_strndup (word, len);
  return g_strndup ((const char *) stem, sb_stemmer_length (stemmer));
}

/* The stem of @word (folded, or for Cyrillic as cyrillic_lower() makes
 * it), with irregular forms taken to their lemma: the stemmer's own
 * buffer, valid until its next word, *stem_len bytes */
static const char *
stem_word (DossierTokenizer *tok,
           Script            script,
           const char       *word,
           int               len,
           int              *stem_len)
{
  struct sb_stemmer *stemmer = script == SCRIPT_LATIN ? tok->english : tok->russian;
  const char *lemma = tok->snowball_only ? NULL : _dossier_irregular_lemma (word, len);
  const sb_symbol *stem;

  if (lemma != NULL)
    word = lemma, len = (int) strlen (lemma);
  stem = sb_stemmer_stem (stemmer, (const sb_symbol *) word, len);
  if (stem == NULL)
    {
      *stem_len = len;
      return word;
    }
  *stem_len = sb_stemmer_length (stemmer);
  return (const char *) stem;
}

/* Cyrillic letters in Latin ones, lower case, or NULL */
static char *
to_latin (DossierTokenizer *tok,
          const char       *word)
{
  glong n16 = 0;
  g_autofree gunichar2 *u16 = g_utf8_to_utf16 (word, -1, NULL, &n16, NULL);
  UChar buf[4 * MAX_STEMMED_BYTES];
  int32_t len, limit;
  UErrorCode status = U_ZERO_ERROR;

  if (u16 == NULL || n16 >= (glong) G_N_ELEMENTS (buf) / 4)
    return NULL;
  if (tok->to_latin == NULL)
    {
      /* opened at the first Cyrillic name: it costs milliseconds */
      static const UChar rules[] = u"Russian-Latin/BGN; Latin-ASCII; Lower";

      tok->to_latin = utrans_openU (rules, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
      if (U_FAILURE (status))
        {
          tok->to_latin = NULL;
          return NULL;
        }
    }
  memcpy (buf, u16, n16 * sizeof (UChar));
  len = limit = (int32_t) n16;
  utrans_transUChars (tok->to_latin, buf, &len, G_N_ELEMENTS (buf), 0, &limit, &status);
  if (U_FAILURE (status))
    return NULL;
  return g_utf16_to_utf8 ((const gunichar2 *) buf, len, NULL, NULL, NULL);
}

static int
emit (TokenizeCall *call,
      gboolean      colocated,
      const char   *token,
      int           len,
      int           start,
      int           end)
{
  return call->emit (call->ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, token, len, start, end);
}

static int
emit_marked (TokenizeCall *call,
             char          mark,
             const char   *token,
             int           len,
             int           start,
             int           end)
{
  char marked[1 + 4 * MAX_STEMMED_BYTES];

  if (len < 0)
    len = (int) strlen (token);
  if (len + 1 > (int) sizeof marked)
    return SQLITE_OK;
  marked[0] = mark;
  memcpy (marked + 1, token, len);
  return emit (call, TRUE, marked, len + 1, start, end);
}

/* A text's name term @mark @key (@len bytes) for the spelling @token:
 * kept to be recorded after the text, unless this connection has
 * recorded it already */
static void
record_name (TokenizeCall *call,
             char          mark,
             const char   *key,
             int           len,
             const char   *token,
             int           token_len)
{
  DossierTokenizer *tok = call->tok;
  char *row;

  if (len < 0)
    len = (int) strlen (key);
  if (!tok->record || !(call->flags & FTS5_TOKENIZE_DOCUMENT) || len <= 0 ||
      len > 4 * MAX_STEMMED_BYTES)
    return;
  row = g_strdup_printf ("%c%.*s\t%.*s", mark, len, key, token_len, token);
  if (g_hash_table_contains (tok->recorded, row))
    {
      g_free (row);
      return;
    }
  if (call->pending == NULL)
    call->pending = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (call->pending, row);
}

/* Writes the rows record_name() kept into search_names (a connection
 * without the table, or that cannot write, records nothing) */
static void
flush_names (TokenizeCall *call)
{
  DossierTokenizer *tok = call->tok;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  if (call->pending == NULL)
    return;
  if (g_hash_table_size (tok->recorded) > MAX_RECORDED)
    g_hash_table_remove_all (tok->recorded);
  sql = g_strdup_printf ("INSERT OR IGNORE INTO %s (term, spelling) VALUES (?1, ?2)", tok->names);
  if (sqlite3_prepare_v2 (tok->shared->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    for (guint i = 0; i < call->pending->len; i++)
      {
        char *row = g_ptr_array_index (call->pending, i);
        const char *tab = strchr (row, '\t');

        sqlite3_bind_text (stmt, 1, row, (int) (tab - row), SQLITE_STATIC);
        sqlite3_bind_text (stmt, 2, tab + 1, -1, SQLITE_STATIC);
        if (sqlite3_step (stmt) != SQLITE_DONE)
          {
            sqlite3_reset (stmt);
            break;
          }
        sqlite3_reset (stmt);
        g_hash_table_add (tok->recorded, g_steal_pointer (&g_ptr_array_index (call->pending, i)));
      }
  sqlite3_finalize (stmt);
  g_clear_pointer (&call->pending, g_ptr_array_unref);
}

/* Emits, colocated, the spellings recorded under the name term @mark
 * @key that @seen (the word's tokens so far) lacks, while it holds fewer
 * than MAX_SPELLINGS of them.  A spelling whose stem is @stem, the query
 * word's, is left out: the stem finds it already, and asking for it
 * again costs a pass over its rows ("officials" is listed, as a word
 * that opened a sentence, under the key of Officials). */
static int
emit_spellings (TokenizeCall *call,
                char          mark,
                const char   *key,
                int           len,
                GHashTable   *seen,
                const char   *stem,
                int           start,
                int           end)
{
  char term[1 + 4 * MAX_STEMMED_BYTES];
  int rc = SQLITE_OK;

  if (len < 0)
    len = (int) strlen (key);
  if (len <= 0 || len + 1 > (int) sizeof term || call->no_lookup)
    return SQLITE_OK;
  if (call->lookup == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT spelling FROM %s WHERE term = ?1 LIMIT %d",
                                              call->tok->names, MAX_SPELLINGS);

      if (sqlite3_prepare_v2 (call->tok->shared->db, sql, -1, &call->lookup, NULL) != SQLITE_OK)
        {
          call->no_lookup = TRUE;
          return SQLITE_OK;
        }
    }
  term[0] = mark;
  memcpy (term + 1, key, len);
  sqlite3_bind_text (call->lookup, 1, term, len + 1, SQLITE_STATIC);
  while (rc == SQLITE_OK && g_hash_table_size (seen) < MAX_SPELLINGS + 2 &&
         sqlite3_step (call->lookup) == SQLITE_ROW)
    {
      const char *spelling = (const char *) sqlite3_column_text (call->lookup, 0);
      int n = sqlite3_column_bytes (call->lookup, 0);

      Script script;

      if (spelling == NULL || n <= 0 || g_hash_table_contains (seen, spelling))
        continue;
      g_hash_table_add (seen, g_strndup (spelling, n));
      script = script_of (spelling, n);
      if (script != SCRIPT_OTHER && n <= MAX_STEMMED_BYTES)
        {
          int own_len;
          const char *own = stem_word (call->tok, script, spelling, n, &own_len);

          if (own_len == (int) strlen (stem) && memcmp (own, stem, own_len) == 0)
            continue;
        }
      rc = emit (call, TRUE, spelling, n, start, end);
    }
  sqlite3_reset (call->lookup);
  return rc;
}

/* Function words, which open sentences with a capital but are no names:
 * they get no name key (in byte order, for bsearch). */
static const char * const function_words[] = {
  "a", "about", "after", "all", "also", "an", "and", "another", "any", "are", "as", "at",
  "because", "before", "both", "but", "by", "can", "could", "did", "do", "does", "during", "each",
  "either", "even", "every", "few", "for", "from", "had", "has", "have", "he", "her", "here",
  "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just",
  "last", "least", "less", "many", "me", "meanwhile", "might", "more", "most", "much",
  "must", "my", "neither", "next", "no", "nor", "not", "now", "of", "off", "on", "once", "one",
  "only", "or", "other", "our", "out", "over", "per", "perhaps", "she", "since", "so", "some", "still",
  "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
  "those", "though", "through", "thus", "to", "too", "two", "under", "unless", "until", "up",
  "upon", "us", "was", "we", "were", "what", "whatever", "when", "where", "whether", "which",
  "while", "who", "whom", "whose", "why", "with", "within", "without", "would", "yet",
  "you", "your", "а", "без", "более", "бы", "был", "была", "были", "было", "в", "во", "вот", "все",
  "всё", "вы", "где", "да", "для", "до", "его", "ее", "если", "есть", "еще", "ещё", "её", "же",
  "за", "и", "из", "или", "им", "их", "к", "как", "когда", "кто", "ли", "либо", "между", "мы",
  "на", "над", "не", "него", "нет", "ни", "но", "о", "об", "однако", "он", "она", "они", "оно",
  "от", "по", "под", "после", "при", "про", "с", "со", "так", "также", "там", "то", "тогда",
  "того", "тоже", "только", "том", "тот", "у", "уже", "хотя", "чем", "что", "чтобы", "эта", "эти",
  "это", "этот", "я",
};

static int
compare_word (const void *a,
              const void *b)
{
  return strcmp (a, *(const char * const *) b);
}

/* @word (ASCII letters in any case, other letters in lower case) is a
 * function word of English or Russian */
static gboolean
is_function_word (const char *word,
                  int         len)
{
  char lower[32];

  if (len <= 0 || len >= (int) sizeof lower)
    return FALSE;
  for (int i = 0; i < len; i++)
    lower[i] = g_ascii_tolower (word[i]);
  lower[len] = '\0';
  return bsearch (lower, function_words, G_N_ELEMENTS (function_words), sizeof function_words[0],
                  compare_word) != NULL;
}

/* Is the character before @p (in @text) a letter or a digit?  And the
 * one at @p (before @end)? */
static gboolean
alnum_before (const char *text,
              const char *p)
{
  const char *prev = g_utf8_find_prev_char (text, p);
  gunichar c;

  if (prev == NULL)
    return FALSE;
  c = g_utf8_get_char_validated (prev, p - prev);
  return c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isalnum (c);
}

static gboolean
alnum_at (const char *p,
          const char *end)
{
  gunichar c;

  if (p >= end)
    return FALSE;
  c = g_utf8_get_char_validated (p, end - p);
  return c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isalnum (c);
}

/* Does the word at @start of @text open a sentence (or the text)? */
static gboolean
opens_sentence (const char *text,
                int         start)
{
  int i = start;

  /* spaces, quotes and brackets before it ("«“" are two and three bytes) */
  while (i > 0)
    {
      guchar b = (guchar) text[i - 1];

      if (b == ' ' || b == '\t' || b == '"' || b == '\'' || b == '(')
        i--;
      else if (i >= 2 && (guchar) text[i - 2] == 0xC2 && b == 0xAB)
        i -= 2;
      else if (i >= 3 && (guchar) text[i - 3] == 0xE2 && (guchar) text[i - 2] == 0x80 &&
               (b == 0x9C || b == 0x98))
        i -= 3;
      else
        break;
    }
  return i == 0 || strchr (".!?:\n\r", text[i - 1]) != NULL;
}

/* Is @word (@len bytes, folded) written in @text as a word of its own,
 * in lower case?  (A word that folding changes, with diacritics or й, is
 * never found so, and keeps its keys.) */
static gboolean
written_in_lower_case (const char *text,
                       int         n_text,
                       const char *word,
                       int         len)
{
  const char *end = text + n_text;

  if (len <= 0 || n_text > MAX_LOWER_CASE_TEXT)
    return FALSE;
  for (const char *p = text; p < end;)
    {
      const char *at = memmem (p, end - p, word, len);

      if (at == NULL)
        return FALSE;
      if (!alnum_before (text, at) && !alnum_at (at + len, end))
        return TRUE;
      p = at + 1;
    }
  return FALSE;
}

/* The cache entry for @word (@len bytes), or NULL when it is too long
 * to be cached; *hit tells whether it already holds the word */
static StemCacheEntry *
cache_entry (DossierTokenizer *tok,
             const char       *word,
             int               len,
             gboolean         *hit)
{
  guint32 h = 2166136261u;
  StemCacheEntry *e;

  *hit = FALSE;
  if (len >= STEM_CACHE_WORD)
    return NULL;
  for (int i = 0; i < len; i++)
    h = (h ^ (guchar) word[i]) * 16777619u;
  e = &tok->stem_cache[h % STEM_CACHE_SIZE];
  *hit = e->word_len == len && memcmp (e->word, word, len) == 0;
  return e;
}

/* The name key of @word (Latin, folded; or Cyrillic, as cyrillic_lower()
 * makes it), or NULL */
static char *
make_name_key (DossierTokenizer *tok,
               Script            script,
               const char       *word,
               int               len)
{
  if (script == SCRIPT_CYRILLIC)
    {
      g_autofree char *latin = to_latin (tok, word);

      return latin != NULL ? dossier_store_name_key (latin, -1) : NULL;
    }
  return dossier_store_name_key (word, len);
}

static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static char *name_skeleton (const char *latin);

/* The length of @key (@len bytes) without its final vowels */
static int
without_final_vowels (const char *key,
                      int         len)
{
  while (len > MIN_STEM_KEY && is_vowel (key[len - 1]))
    len--;
  return len;
}

/* The key of @word's stem without its final vowels (see the top), or
 * NULL */
static char *
make_stem_key (DossierTokenizer *tok,
               Script            script,
               const char       *word,
               int               len,
               const char       *key,
               int               key_len)
{
  char *stem_key;
  gsize n;

  if (script == SCRIPT_CYRILLIC)
    {
      g_autofree char *stem = stem_with (tok->russian, word, len);
      g_autofree char *latin = to_latin (tok, stem);

      stem_key = latin != NULL ? dossier_store_name_key (latin, -1) : NULL;
    }
  else
    stem_key = g_strndup (key, key_len);
  if (stem_key == NULL)
    return NULL;
  n = without_final_vowels (stem_key, strlen (stem_key));
  stem_key[n] = '\0';
  if (n == 0)
    g_clear_pointer (&stem_key, g_free);
  return stem_key;
}

static int
on_base_token_cb (void       *data,
                  int         tflags,
                  const char *token,
                  int         len,
                  int         start,
                  int         end)
{
  TokenizeCall *call = data;
  DossierTokenizer *tok = call->tok;
  g_autofree char *lower = NULL;
  g_autofree char *made_key = NULL;
  g_autofree char *made_stem_key = NULL;
  g_autofree char *own_stem = NULL;
  StemCacheEntry *e;
  const char *stem;
  const char *key = NULL;
  const char *stem_key = NULL;
  const char *skeleton = NULL;
  g_autofree char *made_skeleton = NULL;
  const char *word = token;
  int word_len = len;
  int stem_len;
  int key_len = 0;
  int stem_key_len = 0;
  int skeleton_len = 0;
  int n_plain;
  gboolean query = (call->flags & FTS5_TOKENIZE_QUERY) != 0;
  gboolean hit;
  gboolean function_word;
  gboolean capital;
  gboolean same;
  gboolean plain_key;
  Script script;
  int rc;

  (void) tflags;
  script = script_of (token, len);
  if (call->exact || (call->flags & FTS5_TOKENIZE_PREFIX) || script == SCRIPT_OTHER ||
      len > MAX_STEMMED_BYTES || start < 0 || end > call->n_text || start >= end)
    return emit (call, FALSE, token, len, start, end);

  /* a Latin word is known by its folded form; a Cyrillic one by its
   * letters as written, from which cyrillic_lower() makes the word */
  if (script == SCRIPT_CYRILLIC)
    e = cache_entry (tok, call->text + start, end - start, &hit);
  else
    e = cache_entry (tok, token, len, &hit);

  if (!hit && script == SCRIPT_CYRILLIC)
    {
      lower = cyrillic_lower (call->text + start, end - start);
      if (lower == NULL || script_of (lower, (int) strlen (lower)) != SCRIPT_CYRILLIC)
        return emit (call, FALSE, token, len, start, end);
      word = lower;
      word_len = (int) strlen (lower);
    }
  if (hit)
    {
      stem = e->stem;
      stem_len = e->stem_len;
      function_word = e->function_word;
    }
  else
    {
      stem = stem_word (tok, script, word, word_len, &stem_len);
      function_word = is_function_word (word, word_len);
      if (e != NULL && stem_len < STEM_CACHE_WORD)
        {
          if (script == SCRIPT_CYRILLIC)
            memcpy (e->word, call->text + start, end - start);
          else
            memcpy (e->word, token, len);
          e->word_len = (guint8) (script == SCRIPT_CYRILLIC ? end - start : len);
          e->stem_len = (guint8) stem_len;
          memcpy (e->stem, stem, stem_len);
          e->key_len = KEY_UNKNOWN;
          e->keyed_in = 0;
          e->recorded_in = 0;
          e->function_word = (guint8) function_word;
          stem = e->stem;
        }
      else
        e = NULL;
    }

  same = stem_len == len && memcmp (stem, token, len) == 0;
  if (query)
    {
      /* any word whose stem this is: the folded form that is its own
       * stem carries no mark, the others are marked */
      rc = emit (call, FALSE, stem, stem_len, start, end);
      if (rc == SQLITE_OK)
        rc = emit_marked (call, '#', stem, stem_len, start, end);
    }
  else
    {
      rc = emit (call, FALSE, token, len, start, end);
      if (rc == SQLITE_OK && !same)
        rc = emit_marked (call, '#', stem, stem_len, start, end);
    }
  if (rc != SQLITE_OK)
    return rc;

  /* names: a word written with a capital (any word of a query) */
  capital = g_unichar_isupper (g_utf8_get_char_validated (call->text + start, end - start));
  if (!query && (!capital || function_word))
    return rc;
  /* a text is read for names only when it is indexed (not for the
   * snippets and highlights of one) */
  if (!query && (!tok->record || !(call->flags & FTS5_TOKENIZE_DOCUMENT)))
    return rc;
  /* a text indexes the keys of a spelling once, at its first place: a
   * name found by its key is found once its article is, and the article
   * is ranked by the times its spelling occurs as any word is */
  if (!query && e != NULL)
    {
      if (e->keyed_in == tok->n_texts || e->recorded_in == tok->generation + 1)
        return rc;
      e->keyed_in = tok->n_texts;
    }
  if (e != NULL && e->key_len == KEY_NONE)
    return rc;
  /* a word that opens a sentence here and is written in lower case
   * elsewhere in the text is no name (once a text, as above) */
  if (!query && opens_sentence (call->text, start) &&
      written_in_lower_case (call->text, call->n_text, token, len))
    return rc;
  if (e != NULL && e->key_len != KEY_UNKNOWN)
    {
      key = e->key;
      key_len = e->key_len;
      stem_key = e->stem_key;
      stem_key_len = e->stem_key_len;
      skeleton = e->skeleton;
      skeleton_len = e->skeleton_len;
    }
  else
    {
      /* the stemmer's buffer, which the stem may be, serves the key's
       * stem next */
      if (e == NULL)
        stem = own_stem = g_strndup (stem, stem_len);
      if (script == SCRIPT_CYRILLIC && lower == NULL)
        {
          lower = cyrillic_lower (call->text + start, end - start);
          if (lower == NULL)
            return rc;
          word = lower;
          word_len = (int) strlen (lower);
        }
      made_key = make_name_key (tok, script, word, word_len);
      key = made_key;
      key_len = key != NULL ? (int) strlen (key) : 0;
      if (key_len > 0)
        {
          made_stem_key = make_stem_key (tok, script, word, word_len, key, key_len);
          if (script == SCRIPT_CYRILLIC)
            {
              g_autofree char *latin = to_latin (tok, word);

              made_skeleton = latin != NULL ? name_skeleton (latin) : NULL;
            }
          else
            {
              g_autofree char *latin = g_strndup (word, word_len);

              made_skeleton = name_skeleton (latin);
            }
        }
      skeleton = made_skeleton;
      skeleton_len = skeleton != NULL ? (int) strlen (skeleton) : 0;
      stem_key = made_stem_key;
      stem_key_len = stem_key != NULL ? (int) strlen (stem_key) : 0;
      if (e != NULL && key_len == 0)
        e->key_len = KEY_NONE;
      else if (e != NULL && key_len < STEM_CACHE_WORD && stem_key_len < STEM_CACHE_WORD &&
               skeleton_len < STEM_CACHE_WORD)
        {
          if (skeleton_len > 0)
            memcpy (e->skeleton, skeleton, skeleton_len);
          e->skeleton_len = (guint8) skeleton_len;
          memcpy (e->key, key, key_len);
          e->key_len = (guint8) key_len;
          if (stem_key_len > 0)
            memcpy (e->stem_key, stem_key, stem_key_len);
          e->stem_key_len = (guint8) stem_key_len;
        }
    }
  if (key_len == 0)
    return rc;
  /* a key of four letters or more that is the word itself is not
   * recorded: a query asks for it as a word too */
  plain_key = key_len >= MIN_PLAIN_KEY;
  if (query)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *query_stem = g_strndup (stem, stem_len);

      g_hash_table_add (seen, g_strndup (stem, stem_len));
      if (plain_key && (key_len != stem_len || memcmp (key, stem, stem_len) != 0))
        {
          g_hash_table_add (seen, g_strndup (key, key_len));
          rc = emit (call, TRUE, key, key_len, start, end);
        }
      /* the key of the stem as a word (Лаврова finds "Lavrov", Navalny
       * "Навального") */
      if (rc == SQLITE_OK && stem_key_len >= MIN_PLAIN_KEY &&
          (stem_key_len != key_len || memcmp (stem_key, key, key_len) != 0) &&
          (stem_key_len != stem_len || memcmp (stem_key, stem, stem_len) != 0))
        {
          g_hash_table_add (seen, g_strndup (stem_key, stem_key_len));
          rc = emit (call, TRUE, stem_key, stem_key_len, start, end);
        }
      /* the spellings of names recorded under the key, the key of the
       * stem (as a stem's key and as a name's key), the key without its
       * final vowels, which a case of the name may have as its stem's
       * key (Лавров; Лаврова: "lavrov", where Snowball's stem of Лавров
       * is лавр), and the shape, closest first */
      if (rc == SQLITE_OK)
        rc = emit_spellings (call, '~', key, key_len, seen, query_stem, start, end);
      if (rc == SQLITE_OK && stem_key_len > 0)
        {
          rc = emit_spellings (call, '^', stem_key, stem_key_len, seen, query_stem, start, end);
          if (rc == SQLITE_OK && (stem_key_len != key_len || memcmp (stem_key, key, key_len) != 0))
            rc = emit_spellings (call, '~', stem_key, stem_key_len, seen, query_stem, start, end);
        }
      n_plain = without_final_vowels (key, key_len);
      if (rc == SQLITE_OK && script == SCRIPT_CYRILLIC &&
          (n_plain != stem_key_len || memcmp (key, stem_key, n_plain) != 0))
        rc = emit_spellings (call, '^', key, n_plain, seen, query_stem, start, end);
      if (rc == SQLITE_OK && skeleton_len >= MIN_SHAPE)
        rc = emit_spellings (call, '%', skeleton, skeleton_len, seen, query_stem, start, end);
      return rc;
    }
  if (e != NULL)
    e->recorded_in = tok->generation + 1;
  if (skeleton_len >= MIN_SHAPE)
    record_name (call, '%', skeleton, skeleton_len, token, len);
  if (!plain_key || key_len != len || memcmp (key, token, len) != 0)
    record_name (call, '~', key, key_len, token, len);
  /* (a query asks for the key too, so a stem key that is the key itself
   * is not recorded again) */
  if (stem_key_len > 0 && (stem_key_len != key_len || memcmp (stem_key, key, key_len) != 0))
    record_name (call, '^', stem_key, stem_key_len, token, len);
  return rc;
}

static void
tokenizer_delete (Fts5Tokenizer *p)
{
  DossierTokenizer *tok = (DossierTokenizer *) p;

  if (tok == NULL)
    return;
  if (tok->base_tok != NULL)
    tok->base.xDelete (tok->base_tok);
  if (tok->english != NULL)
    sb_stemmer_delete (tok->english);
  if (tok->russian != NULL)
    sb_stemmer_delete (tok->russian);
  if (tok->to_latin != NULL)
    utrans_close (tok->to_latin);
  if (tok->stem_cache != NULL)
    munmap (tok->stem_cache, STEM_CACHE_BYTES);
  g_free (tok->names);
  g_clear_pointer (&tok->recorded, g_hash_table_unref);
  g_free (tok);
}

static int
tokenizer_create (void           *user_data,
                  const char    **args,
                  int             n_args,
                  Fts5Tokenizer **out)
{
  static const char * const base_args[] = { "remove_diacritics", "2" };
  NamesShared *shared = user_data;
  fts5_api *api = shared->api;
  DossierTokenizer *tok = g_new0 (DossierTokenizer, 1);
  const char *schema = "main";
  void *base_data = NULL;

  *out = NULL;
  tok->shared = shared;
  tok->record = TRUE;
  tok->recorded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* "names SCHEMA": the search_names of another database; "readonly":
   * the tokenizer of a table of the connection's own (snippets), whose
   * texts are the library's and record nothing */
  for (int i = 0; i < n_args; i++)
    {
      if (g_str_equal (args[i], "names") && i + 1 < n_args)
        schema = args[++i];
      else if (g_str_equal (args[i], "readonly"))
        tok->record = FALSE;
      else
        {
          tokenizer_delete ((Fts5Tokenizer *) tok);
          return SQLITE_ERROR;
        }
    }
  if (strchr (schema, '"') != NULL)
    {
      tokenizer_delete ((Fts5Tokenizer *) tok);
      return SQLITE_ERROR;
    }
  tok->names = g_strdup_printf ("\"%s\".search_names", schema);
  tok->generation = shared->generation;
  if (api->xFindTokenizer (api, "unicode61", &base_data, &tok->base) != SQLITE_OK ||
      tok->base.xCreate (base_data, (const char **) base_args, G_N_ELEMENTS (base_args),
                         &tok->base_tok) != SQLITE_OK)
    {
      tokenizer_delete ((Fts5Tokenizer *) tok);
      return SQLITE_ERROR;
    }
  tok->english = sb_stemmer_new ("english", "UTF_8");
  tok->russian = sb_stemmer_new ("russian", "UTF_8");
  tok->stem_cache = mmap (NULL, STEM_CACHE_BYTES, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (tok->stem_cache == MAP_FAILED)
    tok->stem_cache = NULL;
  tok->snowball_only = g_strcmp0 (g_getenv (SNOWBALL_ONLY_ENV), "1") == 0;
  if (tok->english == NULL || tok->russian == NULL || tok->stem_cache == NULL)
    {
      tokenizer_delete ((Fts5Tokenizer *) tok);
      return SQLITE_ERROR;
    }
  *out = (Fts5Tokenizer *) tok;
  return SQLITE_OK;
}

static int
tokenizer_tokenize (Fts5Tokenizer *p,
                    void          *ctx,
                    int            flags,
                    const char    *text,
                    int            n_text,
                    int          (*emit_cb) (void *, int, const char *, int, int, int))
{
  DossierTokenizer *tok = (DossierTokenizer *) p;
  TokenizeCall call = { tok, ctx, emit_cb, flags, text, n_text, FALSE, NULL, NULL, FALSE };
  int rc;

  if (text == NULL || n_text <= 0)
    return SQLITE_OK;
  /* after a rollback, or once the table was emptied, what was recorded
   * may be gone */
  if (tok->generation != tok->shared->generation)
    {
      g_hash_table_remove_all (tok->recorded);
      tok->generation = tok->shared->generation;
    }
  /* the exact-form operator: "=word" in a query */
  if ((flags & FTS5_TOKENIZE_QUERY) && text[0] == '=')
    call.exact = TRUE;
  /* a new text: no word's keys emitted in it yet (at the wrap, every
   * mark of an earlier text is cleared, so none can be taken for this) */
  if (++tok->n_texts == 0)
    {
      for (guint i = 0; i < STEM_CACHE_SIZE; i++)
        tok->stem_cache[i].keyed_in = 0;
      tok->n_texts = 1;
    }
  rc = tok->base.xTokenize (tok->base_tok, &call, flags, text, n_text, on_base_token_cb);
  if (call.lookup != NULL)
    sqlite3_finalize (call.lookup);
  if (rc == SQLITE_OK)
    flush_names (&call);
  g_clear_pointer (&call.pending, g_ptr_array_unref);
  return rc;
}

static void
on_rollback (void *data)
{
  NamesShared *shared = data;

  shared->generation++;
}

/* dossier_names_forget(): search_names was emptied */
static void
names_forget (sqlite3_context *ctx,
              int              n_args,
              sqlite3_value  **args)
{
  NamesShared *shared = sqlite3_user_data (ctx);

  (void) n_args;
  (void) args;
  shared->generation++;
  sqlite3_result_null (ctx);
}

gboolean
dossier_store_register_tokenizer (struct sqlite3 *db)
{
  static fts5_tokenizer tokenizer = { tokenizer_create, tokenizer_delete, tokenizer_tokenize };
  fts5_api *api = NULL;
  sqlite3_stmt *stmt;
  NamesShared *shared;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (api == NULL || api->iVersion < 2)
    return FALSE;
  shared = g_new0 (NamesShared, 1);
  shared->api = api;
  shared->db = db;
  /* (the function holds no reference: it lives while the tokenizer does,
   * which frees the struct) */
  if (sqlite3_create_function (db, "dossier_names_forget", 0, SQLITE_UTF8, shared, names_forget,
                               NULL, NULL) != SQLITE_OK ||
      api->xCreateTokenizer (api, "dossier", shared, &tokenizer, g_free) != SQLITE_OK)
    return FALSE;
  sqlite3_rollback_hook (db, on_rollback, shared);
  return TRUE;
}

gboolean
dossier_store_add_name_vocabulary (struct sqlite3 *db,
                                   const char     *schema)
{
  char *sql = sqlite3_mprintf ("CREATE TABLE IF NOT EXISTS \"%w\".search_names"
                               " (term TEXT NOT NULL, spelling TEXT NOT NULL,"
                               " PRIMARY KEY (term, spelling)) WITHOUT ROWID", schema);
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  sqlite3_free (sql);
  return rc == SQLITE_OK;
}

gboolean
_dossier_store_add_tokenizer (DossierStore  *self,
                              GError       **error)
{
  if (!dossier_store_register_tokenizer (self->db))
    return _dossier_store_fail (self, error, _("Could not open the library"));
  return TRUE;
}

/* The letters of a name as they sound, roughly, in the letters both
 * scripts' transliterations agree on */
static GString *
name_letters (const char *latin,
              gssize      len)
{
  GString *letters = g_string_sized_new (len + 4);

  for (gssize i = 0; i < len; i++)
    {
      char c = g_ascii_tolower (latin[i]);
      char prev = letters->len > 0 ? letters->str[letters->len - 1] : '\0';

      if (c < 'a' || c > 'z')
        continue;
      switch (c)
        {
        case 'x':
          g_string_append (letters, "ks");
          continue;
        case 'w':
          c = 'v';
          break;
        case 'q':
        case 'c':
          c = 'k';
          break;
        case 'y':
        case 'j':
          c = 'i';
          break;
        case 'h':
          /* Х is h, kh or ch, Ч is ch, tch or c, a German ch is Х: each
           * is k (c already is), and the h of sh, zh, th is left out;
           * ph is f */
          if (prev == 'p')
            letters->str[letters->len - 1] = 'f';
          else if (prev == 'k' && letters->len >= 2 && letters->str[letters->len - 2] == 's')
            g_string_truncate (letters, letters->len - 1);    /* sch */
          else if (prev != 's' && prev != 'z' && prev != 't' && prev != 'k')
            g_string_append_c (letters, 'k');
          continue;
        case 'z':
          /* ts, tz, dz and z (Ц, Z; Nozaki, Нодзаки) */
          if (prev == 't' || prev == 'd')
            {
              letters->str[letters->len - 1] = 'z';
              continue;
            }
          break;
        case 's':
          if (prev == 't')
            {
              letters->str[letters->len - 1] = 'z';
              continue;
            }
          break;
        case 'u':
          /* ou and u (Homayoun, Хомаюн) */
          if (prev == 'o')
            {
              letters->str[letters->len - 1] = 'u';
              continue;
            }
          break;
        case 'e':
          /* oe, ae and e (Roemer, Рёмер) */
          if (prev == 'o' || prev == 'a')
            {
              letters->str[letters->len - 1] = 'e';
              continue;
            }
          break;
        default:
          break;
        }
      g_string_append_c (letters, c);
    }
  /* tk: the t of tch */
  for (char *p = strstr (letters->str, "tk"); p != NULL; p = strstr (p, "tk"))
    memmove (p, p + 1, strlen (p + 1) + 1);
  g_string_set_size (letters, strlen (letters->str));
  /* a final e after a consonant is silent (Chute, Lefevre) */
  if (letters->len > 2 && letters->str[letters->len - 1] == 'e' &&
      !is_vowel (letters->str[letters->len - 2]) && letters->str[letters->len - 2] != 'i')
    g_string_truncate (letters, letters->len - 1);
  return letters;
}

char *
dossier_store_name_key (const char *latin,
                        gssize      len)
{
  g_autoptr(GString) letters = NULL;
  GString *key;

  g_return_val_if_fail (latin != NULL, NULL);

  if (len < 0)
    len = strlen (latin);
  letters = name_letters (latin, len);
  if (letters->len == 0)
    return NULL;

  /* a doubled letter is one; "ie" after a vowel or at the start is "e"
   * (Yevgeny, Evgeny; Dostoyevsky, Dostoevsky), and "io" after a
   * consonant too (below) */
  key = g_string_sized_new (letters->len);
  for (gsize i = 0; i < letters->len; i++)
    {
      char c = letters->str[i];

      if (key->len > 0 && key->str[key->len - 1] == c)
        continue;
      if (c == 'i' && i + 1 < letters->len && letters->str[i + 1] == 'e' &&
          (key->len == 0 || is_vowel (key->str[key->len - 1])))
        continue;
      /* "io" after a consonant is "e": ё, folded to е before Cyrillic is
       * transliterated, and written yo, io or e in Latin (Fyodor, Fedor,
       * Фёдор; Gorbachov, Горбачёв) */
      if (c == 'i' && i + 1 < letters->len && letters->str[i + 1] == 'o' &&
          key->len > 0 && !is_vowel (key->str[key->len - 1]))
        {
          if (key->str[key->len - 1] != 'e')
            g_string_append_c (key, 'e');
          i++;
          continue;
        }
      g_string_append_c (key, c);
    }
  return g_string_free (key, FALSE);
}

/* The coarse shape of a name (Latin letters, lower case): its key made
 * without h (kh, sh, ch, zh and h alone are spelt or heard without it as
 * often as with it), an i between a consonant and a vowel left out (я, ю
 * and ь before a vowel: Ludendorff, Людендорф), a, e and i as one vowel
 * and o and u as another, z as s, and a run of vowels as its first.
 * Many spellings that follow the sound meet here, and few other names. */
static char *
name_skeleton (const char *latin)
{
  g_autofree char *key = NULL;
  GString *without_h = g_string_sized_new (strlen (latin));
  GString *skel;

  for (const char *p = latin; *p; p++)
    if (*p != 'h' && *p != 'H')
      g_string_append_c (without_h, *p);
  key = dossier_store_name_key (without_h->str, without_h->len);
  g_string_free (without_h, TRUE);
  if (key == NULL)
    return NULL;
  skel = g_string_sized_new (strlen (key));
  for (gsize i = 0; key[i] != '\0'; i++)
    {
      char c = key[i];
      char last = skel->len > 0 ? skel->str[skel->len - 1] : '\0';

      if (c == 'i' && i > 0 && !is_vowel (key[i - 1]) && key[i + 1] != '\0' &&
          key[i + 1] != 'i' && is_vowel (key[i + 1]))
        continue;
      if (c == 'a' || c == 'e')
        c = 'i';
      else if (c == 'o')
        c = 'u';
      else if (c == 'z')
        c = 's';
      if (c == last || (is_vowel (c) && is_vowel (last)))
        continue;
      g_string_append_c (skel, c);
    }
  return g_string_free (skel, FALSE);
}

const char *
dossier_store_tokenizer_version (void)
{
  /* libstemmer names no version of its own; Debian 12 ships 2.2.0, and
   * the irregular forms table is part of the revision */
  if (g_strcmp0 (g_getenv (SNOWBALL_ONLY_ENV), "1") == 0)
    return "dossier-" TOKENIZER_REVISION " snowball-" DOSSIER_SNOWBALL_VERSION " alone";
  return "dossier-" TOKENIZER_REVISION " snowball-" DOSSIER_SNOWBALL_VERSION
         " irregular-" DOSSIER_IRREGULAR_REVISION;
}

char *
dossier_store_stem (const char *word,
                    gssize      len)
{
  static struct sb_stemmer *english, *russian;
  static GMutex lock;
  g_autofree char *lower = NULL;
  char *stem;
  Script script;

  g_return_val_if_fail (word != NULL, NULL);

  lower = cyrillic_lower (word, len);
  if (lower == NULL)
    return NULL;
  script = script_of (lower, (int) strlen (lower));
  if (script == SCRIPT_OTHER)
    return g_steal_pointer (&lower);
  g_mutex_lock (&lock);
  if (english == NULL)
    {
      english = sb_stemmer_new ("english", "UTF_8");
      russian = sb_stemmer_new ("russian", "UTF_8");
    }
  stem = stem_with (script == SCRIPT_LATIN ? english : russian, lower, (int) strlen (lower));
  g_mutex_unlock (&lock);
  return stem;
}

gboolean
_dossier_store_check_index (DossierStore  *self,
                            GError       **error)
{
  const char *version = dossier_store_tokenizer_version ();
  g_autofree char *indexed = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT version FROM search_tokenizer WHERE id = 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not open the library"));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    indexed = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (g_strcmp0 (indexed, version) == 0 || sqlite3_db_readonly (self->db, "main") == 1)
    return TRUE;

  /* made by another version: the notes are indexed again at once, the
   * articles in the background, in batches (dossier-store-reindex.c) */
  if (!dossier_store_begin (self, error))
    return FALSE;
  if (!_dossier_store_start_reindex (self, error) ||
      !_dossier_store_exec (self, "INSERT INTO annotations_fts(annotations_fts) VALUES ('rebuild');", error))
    {
      dossier_store_rollback (self);
      return FALSE;
    }
  if (sqlite3_prepare_v2 (self->db, "UPDATE search_tokenizer SET version = ?1 WHERE id = 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not open the library"));
      dossier_store_rollback (self);
      return FALSE;
    }
  _dossier_store_bind_text (stmt, 1, version);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      _dossier_store_fail (self, error, _("Could not open the library"));
      dossier_store_rollback (self);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return dossier_store_commit (self, error);
}
