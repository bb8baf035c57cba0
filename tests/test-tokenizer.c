/* test-tokenizer.c — the search tokenizer: stems, exact forms, names,
 * and what it makes of bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference vocabularies test uses ../shared/corpora/stemming and is
 * skipped without it (a user's clone has none).
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "dossier-library.h"
#include "dossier-search-index.h"
#include "dossier-store.h"
#include "dossier-test-util.h"

typedef DossierTestLibrary Fixture;

/* {{{ Stems */

static GHashTable *
read_known_differences (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "stemming", "english-known-differences.tsv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (f), ==, 3);
      g_hash_table_insert (known, g_strdup (f[0]), g_strdup (f[1]));
    }
  return known;
}

/* Every word of Snowball's list gets the reference stem; English may
 * differ on the words listed in tests/data as known, and on no other. */
static void
check_vocabulary (const char *language,
                  GHashTable *known)
{
  const char *shared = g_getenv ("DOSSIER_SHARED_DIR");
  g_autofree char *dir = shared ? g_build_filename (shared, "corpora", "stemming", language, NULL) : NULL;
  g_autofree char *voc_path = dir ? g_build_filename (dir, "voc.txt", NULL) : NULL;
  g_autofree char *out_path = dir ? g_build_filename (dir, "output.txt", NULL) : NULL;
  g_autofree char *voc_text = NULL, *out_text = NULL;
  g_auto(GStrv) voc = NULL, out = NULL;
  guint differ = 0, n = 0, known_seen = 0;

  if (voc_path == NULL || !g_file_get_contents (voc_path, &voc_text, NULL, NULL) ||
      !g_file_get_contents (out_path, &out_text, NULL, NULL))
    {
      g_test_skip ("shared/corpora/stemming is not here (a user's clone has none)");
      return;
    }
  voc = g_strsplit (voc_text, "\n", -1);
  out = g_strsplit (out_text, "\n", -1);
  g_assert_cmpuint (g_strv_length (voc), ==, g_strv_length (out));
  for (guint i = 0; voc[i] != NULL; i++)
    {
      g_autofree char *stem = NULL;
      const char *expected = out[i];

      if (voc[i][0] == '\0')
        continue;
      n++;
      stem = dossier_store_stem (voc[i], -1);
      if (known != NULL && g_hash_table_contains (known, voc[i]))
        {
          known_seen++;
          expected = g_hash_table_lookup (known, voc[i]);
        }
      if (g_strcmp0 (stem, expected) != 0)
        {
          if (differ < 10)
            g_test_message ("%s: %s → %s, expected %s", language, voc[i], stem, expected);
          differ++;
        }
    }
  g_test_message ("%s: %u words, %u differ", language, n, differ);
  g_assert_cmpuint (n, >, 40000);
  g_assert_cmpuint (differ, ==, 0);
  if (known != NULL)
    g_assert_cmpuint (known_seen, ==, g_hash_table_size (known));
}

static void
test_reference_vocabularies (void)
{
  g_autoptr(GHashTable) known = read_known_differences ();

  g_assert_cmpuint (g_hash_table_size (known), ==, 57);
  check_vocabulary ("russian", NULL);
  check_vocabulary ("english", known);
}

static void
test_stem_and_keys (void)
{
  static const struct { const char *word, *stem; } stems[] = {
    { "sanctions", "sanction" },
    { "Negotiations", "negoti" },
    { "санкциями", "санкц" },
    { "САНКЦИЙ", "санкц" },
    { "ещё", "ещ" },
    { "2014", "2014" },
    { "Пutin", "пutin" },        /* mixed scripts: lower cased, not stemmed */
  };
  static const struct { const char *a, *b; } same_key[] = {
    { "Navalnyy", "Navalny" },
    { "Sergey", "Sergei" },
    { "Tchaikovsky", "Chaikovsky" },
    { "Dmitriy", "Dmitri" },
    { "Yevgeny", "Evgeny" },
    { "Alexei", "Aleksey" },
    { "Fyodor", "Fedor" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
    {
      g_autofree char *stem = dossier_store_stem (stems[i].word, -1);
      g_assert_cmpstr (stem, ==, stems[i].stem);
    }
  for (guint i = 0; i < G_N_ELEMENTS (same_key); i++)
    {
      g_autofree char *a = dossier_store_name_key (same_key[i].a, -1);
      g_autofree char *b = dossier_store_name_key (same_key[i].b, -1);
      g_assert_nonnull (a);
      g_assert_cmpstr (a, ==, b);
    }
  {
    g_autofree char *lavrov = dossier_store_name_key ("Lavrov", -1);
    g_autofree char *putin = dossier_store_name_key ("Putin", -1);
    g_assert_cmpstr (lavrov, !=, putin);
    g_assert_null (dossier_store_name_key ("2014 ...", -1));
  }
  g_assert_nonnull (strstr (dossier_store_tokenizer_version (), "snowball-2.2.0"));
}

/* }}} */

/* {{{ Bad input, straight through FTS5 */

static guint
count_matches (sqlite3    *db,
               const char *expr)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM t WHERE t MATCH ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, expr, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  sqlite3_finalize (stmt);
  return n;
}

static void
insert_bytes (sqlite3    *db,
              const char *bytes,
              int         len)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO t (body) VALUES (?1)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, bytes, len, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
test_bad_input (void)
{
  static const char invalid[] = "Лавр\xd0 \xff\xfe sanctions \xc3\x28 Пutin s\xcc\x81\xcc\x81\xcc\x81nctions";
  g_autoptr(GString) long_word = g_string_new ("Д");
  g_autoptr(GString) marks = g_string_new ("Sanctions");
  sqlite3 *db = NULL;
  gint64 t0;

  for (guint i = 0; i < 10000; i++)
    g_string_append (long_word, i % 2 ? "a" : "ж");
  for (guint i = 0; i < 5000; i++)
    g_string_append (marks, "\xcc\x81");

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (dossier_store_register_tokenizer (db));
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='dossier')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  t0 = g_get_monotonic_time ();
  insert_bytes (db, invalid, sizeof invalid - 1);
  insert_bytes (db, long_word->str, (int) long_word->len);
  insert_bytes (db, marks->str, (int) marks->len);
  insert_bytes (db, "", 0);
  g_assert_cmpuint (count_matches (db, "\"sanction\""), ==, 2);
  g_assert_cmpuint (count_matches (db, "\"=sanctions\""), ==, 2);
  g_assert_cmpuint (count_matches (db, "\"\xff\""), ==, 0);
  g_assert_cmpuint (count_matches (db, "\"Пutin\""), ==, 1);
  g_assert_cmpuint (count_matches (db, "\"=\""), ==, 0);
  /* bounded time: far below a second even under sanitizers */
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 2 * G_USEC_PER_SEC * dossier_test_slowdown ());
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO t(t) VALUES ('integrity-check')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* an in-memory table "t" indexed by the dossier tokenizer, with its
 * vocabulary as "v" */
static sqlite3 *
vocabulary_db (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (dossier_store_register_tokenizer (db));
  g_assert_true (dossier_store_add_name_vocabulary (db, "main"));
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='dossier');"
                                     "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

/* the first column of the rows @select (SQL ending in WHERE) gives for
 * @where */
static GPtrArray *
column_where (sqlite3    *db,
              const char *select,
              const char *where)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = g_strconcat (select, where, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (terms, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return terms;
}

/* the name terms of @db's search_names that @where picks, each once */
static GPtrArray *
name_terms (sqlite3    *db,
            const char *where)
{
  return column_where (db, "SELECT DISTINCT term FROM search_names WHERE ", where);
}

/* the spellings of @db's search_names under @term, in byte order,
 * joined by commas */
static char *
spellings_of (sqlite3    *db,
              const char *term)
{
  sqlite3_stmt *stmt = NULL;
  char *joined;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT coalesce(group_concat(spelling, ','), '') FROM"
                                       " (SELECT spelling FROM search_names WHERE term = ?1 ORDER BY spelling)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, term, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  joined = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return joined;
}

/* the terms of @db's vocabulary that @where picks */
static GPtrArray *
vocabulary_terms (sqlite3    *db,
                  const char *where)
{
  return column_where (db, "SELECT term FROM v WHERE ", where);
}

/* A function word that opens a sentence is no name: only names get a
 * name key, which keeps the index (and every import) smaller. */
static void
test_function_words (void)
{
  sqlite3 *db = vocabulary_db ();
  g_autoptr(GPtrArray) keys = NULL;

  insert_bytes (db, "The court met. But Navalny spoke. Это решение Навального. When Sergei left, He wrote.", -1);
  keys = name_terms (db, "term LIKE '~%'");
  /* the names have theirs; The, But, He, When and Это none */
  g_assert_true (g_ptr_array_find_with_equal_func (keys, "~navalni", g_str_equal, NULL));
  for (guint i = 0; i < keys->len; i++)
    {
      static const char * const not_names[] = { "~te", "~the", "~but", "~ke", "~he", "~vken", "~when", "~eto" };

      g_assert_false (g_strv_contains (not_names, g_ptr_array_index (keys, i)));
    }
  /* and names are still found in any spelling */
  g_assert_cmpuint (count_matches (db, "\"Navalnyy\""), ==, 1);
  g_assert_cmpuint (count_matches (db, "\"Sergey\""), ==, 1);
  sqlite3_close (db);
}

/* A capitalised word also written in lower case in the same text opens
 * a sentence or a title and gets no name keys; a name does, and a word
 * written only with a capital too */
static void
test_lower_case_words (void)
{
  sqlite3 *db = vocabulary_db ();
  g_autoptr(GPtrArray) keys = NULL;

  insert_bytes (db, "Officials met Navalny. Санкции обсуждали. The officials, and new санкции; Pressure grew.", -1);
  /* a word inside another is not the word: "ally" in "really" */
  insert_bytes (db, "Ally spoke. It really did.", -1);
  keys = name_terms (db, "substr(term, 1, 1) IN ('~', '^', '%')");
  g_assert_true (g_ptr_array_find_with_equal_func (keys, "~navalni", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (keys, "%prisur", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (keys, "%ili", g_str_equal, NULL));
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      g_assert_false (g_str_has_prefix (key, "~ofikial") || g_str_has_prefix (key, "%ufikil") ||
                      g_str_has_prefix (key, "~sankts") || g_str_has_prefix (key, "~sankz") ||
                      g_str_has_prefix (key, "%sinkz"));
    }
  /* the words are found as words, and the names in any spelling */
  g_assert_cmpuint (count_matches (db, "\"official\""), ==, 1);
  g_assert_cmpuint (count_matches (db, "\"санкций\""), ==, 1);
  g_assert_cmpuint (count_matches (db, "\"Навальный\""), ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO t(t) VALUES ('integrity-check')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A name's spellings are found at query time: the index holds no name
 * terms, search_names a row per spelling and term (not per place), and a
 * query word is any spelling recorded under its keys.  Rows of deleted
 * texts stay, and find nothing; a rollback loses none for later texts. */
static void
test_names_at_query_time (void)
{
  sqlite3 *db = vocabulary_db ();
  g_autofree char *navalny = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) marked = NULL;
  sqlite3_stmt *stmt = NULL;

  insert_bytes (db, "Navalny spoke. Navalny left. Навальный, Навальный и Навального.", -1);
  insert_bytes (db, "Navalny again, in another text.", -1);
  marked = vocabulary_terms (db, "substr(term, 1, 1) IN ('~', '^', '%')");
  g_assert_cmpuint (marked->len, ==, 0);
  navalny = spellings_of (db, "~navalni");
  g_assert_cmpstr (navalny, ==, "navalny,навальный");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM search_names WHERE spelling = 'navalny'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  /* its key, its key without the final vowel and its shape */
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 3);
  sqlite3_finalize (stmt);
  /* every spelling finds both texts, the exact form only its own */
  g_assert_cmpuint (count_matches (db, "\"Навальный\""), ==, 2);
  g_assert_cmpuint (count_matches (db, "\"Navalnyy\""), ==, 2);
  g_assert_cmpuint (count_matches (db, "\"=navalnyy\""), ==, 0);
  g_assert_cmpuint (count_matches (db, "\"=навального\""), ==, 1);

  /* a text indexed in a transaction rolled back records nothing that
   * stays, and the same spelling is recorded by the next */
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  insert_bytes (db, "Zelensky met Lavrov.", -1);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  insert_bytes (db, "Zelensky met Lavrov.", -1);
  g_assert_cmpuint (count_matches (db, "\"Зеленский\""), ==, 1);
  g_assert_cmpuint (count_matches (db, "\"Лавровым\""), ==, 1);

  /* deleted, the texts leave their rows, which find nothing */
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM t", NULL, NULL, NULL), ==, SQLITE_OK);
  after = spellings_of (db, "~navalni");
  g_assert_cmpstr (after, ==, navalny);
  g_assert_cmpuint (count_matches (db, "\"Navalnyy\""), ==, 0);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO t(t) VALUES ('integrity-check')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* }}} */

/* {{{ Search through the library */

static gint64
add_article (DossierLibrary *library,
             const char     *title,
             const char     *body)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  dossier_article_set_title (a, title);
  dossier_article_set_body (a, body);
  id = dossier_library_add_article_sync (library, a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GPtrArray *
search (DossierLibrary *library,
        const char     *text,
        gboolean        prefix_last)
{
  g_autoptr(DossierQuery) query = dossier_query_parse (text, prefix_last);
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = dossier_library_search_sync (library, query, 0, &error);

  g_assert_no_error (error);
  return hits;
}

/* Which of @ids (0-terminated) the search for @text finds, as a
 * string of their positions: "02" */
static char *
found (DossierLibrary *library,
       const char     *text,
       const gint64   *ids)
{
  g_autoptr(GPtrArray) hits = search (library, text, FALSE);
  GString *out = g_string_new (NULL);

  for (guint i = 0; ids[i] != 0; i++)
    for (guint j = 0; j < hits->len; j++)
      if (dossier_article_get_id (g_ptr_array_index (hits, j)) == ids[i])
        {
          g_string_append_printf (out, "%u", i);
          break;
        }
  return g_string_free (out, FALSE);
}

static void
add_corpus (DossierLibrary *library,
            gint64         *ids)
{
  ids[0] = add_article (library, "Sanctions widened",
                        "The new sanctions were announced as negotiations on missile defense stalled. "
                        "Sergei Lavrov said little.");
  ids[1] = add_article (library, "One sanction",
                        "A single sanction was named; the negotiator said the missile was old and defense was weak.");
  ids[2] = add_article (library, "Санкции",
                        "Министр Лавров говорил о санкциях. Новые санкции против компаний.");
  ids[3] = add_article (library, "Другое",
                        "Список санкций расширен. Сергей Навальный и Чайковский.");
  ids[4] = add_article (library, "Unrelated",
                        "Navalnyy spoke with Sergey about Tchaikovsky in the hall.");
  ids[5] = add_article (library, "Irregular",
                        "The people went home. Люди шёл мимо, и через пять лет.");
  ids[6] = 0;
}

static void
test_word_forms (Fixture       *f,
                 gconstpointer  data)
{
  gint64 ids[7];
  static const struct { const char *query, *found; } cases[] = {
    { "sanction", "01" },
    { "sanctions", "01" },
    { "=sanctions", "0" },              /* the exact form alone */
    { "=sanction", "1" },
    { "negotiate", "01" },              /* negotiations, negotiator */
    { "negot*", "01" },                 /* a prefix of the words as written */
    { "\"missile defense\"", "0" },     /* a phrase, word by word */
    { "\"missiles defenses\"", "0" },   /* a phrase of any forms of its words */
    { "санкции", "23" },
    { "санкциями", "23" },
    { "=санкциях", "2" },
    { "Лавров", "02" },                 /* across scripts */
    { "Lavrov", "02" },
    { "Navalny", "34" },
    { "Навальный", "34" },
    { "Sergey", "034" },
    { "Tchaikovsky", "34" },
    { "Chaikovsky", "34" },
    { "say", "01" },                    /* irregular forms meet their lemma */
    { "person", "5" },
    { "going", "5" },
    { "человек", "5" },
    { "идти", "5" },
    { "год", "5" },
    { "=people", "5" },
  };
  g_autoptr(GPtrArray) hits = NULL;
  const char *snippet;

  add_corpus (f->library, ids);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = found (f->library, cases[i].query, ids);

      g_test_message ("%s → %s", cases[i].query, got);
      g_assert_cmpstr (got, ==, cases[i].found);
    }

  /* the snippet marks the words as written */
  hits = search (f->library, "sanction", FALSE);
  g_assert_cmpuint (hits->len, ==, 2);
  snippet = dossier_article_get_snippet (g_ptr_array_index (hits, 0));
  g_assert_nonnull (snippet);
  g_assert_true (strstr (snippet, "\001sanctions\002") != NULL || strstr (snippet, "\001Sanctions\002") != NULL ||
                 strstr (snippet, "\001sanction\002") != NULL);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f->library, "Лавров", FALSE);
  g_assert_cmpuint (hits->len, ==, 2);
  for (guint i = 0; i < hits->len; i++)
    {
      snippet = dossier_article_get_snippet (g_ptr_array_index (hits, i));
      g_assert_true (strstr (snippet, "\001Lavrov\002") != NULL || strstr (snippet, "\001Лавров\002") != NULL);
    }
}

/* The first @n_first hits of a search for @text, and the others, as
 * positions in @ids (0-terminated), each part in order of position:
 * "12|03"; '?' for an article not among @ids */
static char *
tiers (DossierLibrary *library,
       const char     *text,
       guint           n_first,
       const gint64   *ids)
{
  g_autoptr(GPtrArray) hits = search (library, text, FALSE);
  GString *out = g_string_new (NULL);

  for (int part = 0; part < 2; part++)
    {
      GString *places = g_string_new (NULL);

      for (guint j = part ? n_first : 0; j < (part ? hits->len : MIN (n_first, hits->len)); j++)
        {
          gint64 id = dossier_article_get_id (g_ptr_array_index (hits, j));
          char place = '?';

          for (guint i = 0; ids[i] != 0; i++)
            if (ids[i] == id)
              place = (char) ('0' + i);
          g_string_append_c (places, place);
        }
      /* in order of position */
      for (gsize a = 1; a < places->len; a++)
        for (gsize b = a; b > 0 && places->str[b - 1] > places->str[b]; b--)
          {
            char tmp = places->str[b];

            places->str[b] = places->str[b - 1];
            places->str[b - 1] = tmp;
          }
      if (part)
        g_string_append_c (out, '|');
      g_string_append_len (out, places->str, places->len);
      g_string_free (places, TRUE);
    }
  return g_string_free (out, FALSE);
}

/* Ranked by relevance, the articles that hold the words as typed come
 * first, however often or prominently others hold another form or
 * spelling (the order within each tier is bm25's: test-store's
 * /Dossier/Store/ranked) */
static void
test_exact_first (Fixture       *f,
                  gconstpointer  data)
{
  gint64 ids[9];
  static const struct { const char *query, *tiers; } cases[] = {
    { "sanctions", "125|03" },          /* 0 says "sanction" most, in its title too */
    { "sanction", "03|125" },
    { "sanctioned", "3|0125" },
    { "=sanctions", "125|" },           /* the exact form alone */
    { "Lavrov", "5|4" },                /* a spelling as typed before another script's */
    { "Лавров", "4|5" },
    { "санкциями", "7|6" },             /* a case as typed before the others */
    { "санкции", "6|7" },
    { "sanctions Lavrov", "5|" },
    { "sanction OR Lavrov", "035|124" },  /* either word as typed, then the others */
  };

  /* the other forms said more often, and in the title, which weighs most */
  ids[0] = add_article (f->library, "Sanction after sanction",
                        "The sanction was a sanction like any sanction.");
  ids[1] = add_article (f->library, "A long report",
                        "Officials met for hours and talked about trade, farming, fishing, roads, "
                        "schools and the weather; the sanctions came up once, near the end.");
  ids[2] = add_article (f->library, "Short",
                        "New sanctions, and sanctions again.");
  ids[3] = add_article (f->library, "Sanctioned",
                        "They sanctioned the firm; the sanction stands.");
  ids[4] = add_article (f->library, "Лавров и Лавров",
                        "Министр Лавров сказал, что Лавров не уедет.");
  ids[5] = add_article (f->library, "Talks",
                        "Sergei Lavrov spoke at length; sanctions were mentioned in passing by the many "
                        "officials who listened to the long speech that afternoon.");
  ids[6] = add_article (f->library, "Санкции, санкции",
                        "Новые санкции и старые санкции. Список санкций.");
  ids[7] = add_article (f->library, "Отчёт",
                        "Долгий отчёт о торговле, дорогах и школах; под конец — о санкциями.");
  ids[8] = 0;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *bar = strchr (cases[i].tiers, '|');
      g_autofree char *got = tiers (f->library, cases[i].query, bar - cases[i].tiers, ids);

      g_test_message ("%s → %s", cases[i].query, got);
      g_assert_cmpstr (got, ==, cases[i].tiers);
    }
}

/* With a limit, the articles that hold the words as typed still come
 * first: looked for among the best rows when enough of those hold them,
 * in the whole index when not (a form typed that few articles use) */
static void
test_exact_first_limited (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const queries[] = {
    "sanctions", "sanction", "sanctioned", "sanctions OR talks", "sanction talks", "=sanction",
  };

  /* many short articles saying "sanction" outrank the long one that
   * says "sanctions" once */
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *title = g_strdup_printf ("Note %u", i);
      g_autofree char *body = g_strdup_printf (i % 3 ? "The sanction holds, a sanction indeed (%u)." :
                                                       "Sanction talks: the sanction was sanctioned (%u).", i);

      add_article (f->library, title, body);
    }
  add_article (f->library, "A long report",
               "Officials met for hours and talked about trade, farming, fishing, roads, schools, "
               "rivers, ports and the weather; the sanctions came up once, near the end, in talks.");

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) all = search (f->library, queries[q], FALSE);

      g_assert_cmpuint (all->len, >, 1);
      for (guint limit = 1; limit <= all->len + 1; limit++)
        {
          g_autoptr(DossierQuery) query = dossier_query_parse (queries[q], FALSE);
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) hits = dossier_library_search_sync (f->library, query, limit, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (hits->len, ==, MIN (limit, all->len));
          for (guint i = 0; i < hits->len; i++)
            g_assert_cmpint (dossier_article_get_id (g_ptr_array_index (hits, i)), ==,
                             dossier_article_get_id (g_ptr_array_index (all, i)));
        }
    }
  /* the one article that says "sanctions" comes first, at any limit */
  {
    g_autoptr(DossierQuery) query = dossier_query_parse ("sanctions", FALSE);
    g_autoptr(GPtrArray) hits = dossier_library_search_sync (f->library, query, 1, NULL);

    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpstr (dossier_article_get_title (g_ptr_array_index (hits, 0)), ==, "A long report");
  }
}

/* The cases of a Russian name meet its Latin spellings through the key
 * of the name's stem, and no other name */
static void
test_name_cases (Fixture       *f,
                 gconstpointer  data)
{
  gint64 ids[6];
  static const struct { const char *query, *found; } cases[] = {
    { "Lavrov", "03" },
    { "Лавров", "03" },
    { "Лаврову", "03" },
    { "Navalny", "14" },
    { "Навальный", "14" },
    { "Навального", "14" },
    { "Tchaikovsky", "24" },
    { "Чайковского", "24" },
    { "Fyodor", "24" },                 /* ё written yo */
    { "Лаврентьев", "" },
  };

  ids[0] = add_article (f->library, "Встреча", "Министр встретился с Лавровым в пятницу.");
  ids[1] = add_article (f->library, "Суд", "Адвокаты Навального подали жалобу.");
  ids[2] = add_article (f->library, "Музыка", "Концерт Фёдора и музыка Чайковского.");
  ids[3] = add_article (f->library, "Talks", "Sergei Lavrov met his counterpart.");
  ids[4] = add_article (f->library, "Music", "Fyodor Gorbachev spoke of Navalny and played Tchaikovsky.");
  ids[5] = 0;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = found (f->library, cases[i].query, ids);

      g_test_message ("%s → %s", cases[i].query, got);
      g_assert_cmpstr (got, ==, cases[i].found);
    }
}

/* A batch whose index waits for its end: its articles are indexed by
 * its last statement, and then change and go as any other. */
static gint64
insert_titled (DossierStore  *store,
               const char    *title,
               const char    *body,
               GError       **error)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();

  dossier_article_set_title (a, title);
  dossier_article_set_body (a, body);
  return dossier_store_insert_article (store, a, NULL, error);
}

static gpointer
deferred_batch_op (DossierStore  *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gint64 *ids = data;

  (void) cancellable;
  if ((ids[0] = insert_titled (store, "Before", "The ministers debated tariffs.", error)) <= 0 ||
      !dossier_store_begin (store, error))
    return NULL;
  if (!dossier_store_defer_search_index (store, error) ||
      (ids[1] = insert_titled (store, "First", "New sanctions were imposed on exporters.", error)) <= 0 ||
      (ids[2] = insert_titled (store, "Second", "The negotiations went on all night.", error)) <= 0 ||
      (ids[3] = insert_titled (store, "Third", "Sergey Lavrov arrived in Geneva.", error)) <= 0 ||
      !dossier_store_index_deferred (store, error))
    {
      dossier_store_rollback (store);
      return NULL;
    }
  if (!dossier_store_commit (store, error))
    return NULL;
  /* after it, the articles it indexed change as any other */
  if (!dossier_store_set_article_body (store, ids[2], "Talks about shipping resumed.", NULL, error) ||
      !dossier_store_set_article_body (store, ids[0], "The ministers argued about quotas.", NULL, error) ||
      !dossier_store_delete_article (store, ids[3], error))
    return NULL;
  return GINT_TO_POINTER (1);
}

static guint
count_library_matches (sqlite3    *db,
                       const char *expr,
                       gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, expr, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, id);
      n++;
    }
  sqlite3_finalize (stmt);
  return n;
}

static void
test_deferred_batch (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  gint64 ids[4] = { 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  (void) data;
  g_assert_nonnull (dossier_store_run (dossier_library_get_store (f->library), deferred_batch_op,
                                       ids, NULL, &error));
  g_assert_no_error (error);
  dossier_test_assert_library_sound (f->library);
  dossier_library_close (f->library);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (dossier_store_register_tokenizer (db));
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM search_deferred", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  /* word forms, as the batch left the articles */
  g_assert_cmpuint (count_library_matches (db, "sanction", ids[1]), ==, 1);
  g_assert_cmpuint (count_library_matches (db, "talk", ids[2]), ==, 1);
  g_assert_cmpuint (count_library_matches (db, "negotiation", 0), ==, 0);
  g_assert_cmpuint (count_library_matches (db, "lavrov", 0), ==, 0);
  g_assert_cmpuint (count_library_matches (db, "quota", ids[0]), ==, 1);
  g_assert_cmpuint (count_library_matches (db, "tariff", 0), ==, 0);
  sqlite3_close (db);
}

/* A library indexed by another tokenizer version is indexed again when
 * it opens, and keeps its articles and notes. */
static void
test_version_rebuild (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  DossierLibrary *library;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 ids[7];

  library = dossier_library_new (path);
  g_assert_true (dossier_library_open_sync (library, TRUE, &error));
  g_assert_no_error (error);
  add_corpus (library, ids);
  dossier_library_close (library);
  g_object_unref (library);

  /* another version's index: the stems gone, the version another */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (dossier_store_register_tokenizer (db));
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles_fts(articles_fts) VALUES ('delete-all');"
                                     "UPDATE search_tokenizer SET version = 'dossier-0'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  library = dossier_library_new (path);
  g_assert_true (dossier_library_open_sync (library, FALSE, &error));
  g_assert_no_error (error);
  /* the articles wait to be indexed again, in batches */
  g_assert_cmpint (dossier_search_index_remaining_sync (library, NULL, &error), ==, 6);
  g_assert_true (dossier_search_index_rebuild_sync (library, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *got = found (library, "санкции", ids);
    g_assert_cmpstr (got, ==, "23");
  }
  dossier_library_close (library);
  g_object_unref (library);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT version FROM search_tokenizer", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, dossier_store_tokenizer_version ());
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  dossier_test_remove_tree (dir);
}

/* The upgrade's rebuild goes in batches, each saved: stopped after the
 * first (the app quit), the library opens with the rest still waiting,
 * finds what was indexed meanwhile, notes and changes made half-way
 * included, and the rest goes on from there; at the end every article is
 * found by any word form, and the index is sound. */
static void
on_batch (gint64   done,
          gint64   total,
          gpointer user_data)
{
  GArray *steps = user_data;

  g_assert_cmpint (done, <=, total);
  g_array_append_val (steps, done);
}

static void
stop_after_batch (gint64   done,
                  gint64   total,
                  gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_rebuild_half_way (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(DossierAnnotation) note = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  DossierLibrary *library;
  sqlite3 *db = NULL;
  gint64 ids[7], total = 0;

  library = dossier_library_new (path);
  g_assert_true (dossier_library_open_sync (library, TRUE, &error));
  g_assert_no_error (error);
  add_corpus (library, ids);
  dossier_library_close (library);
  g_object_unref (library);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE search_tokenizer SET version = 'dossier-0'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  /* opened: nothing indexed yet, every article waits */
  library = dossier_library_new (path);
  g_assert_true (dossier_library_open_sync (library, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_search_index_remaining_sync (library, &total, &error), ==, 6);
  g_assert_cmpint (total, ==, 6);
  {
    g_autofree char *got = found (library, "sanction", ids);
    g_assert_cmpstr (got, ==, "");
  }
  /* one batch of two, then the app quits */
  g_assert_false (dossier_search_index_rebuild_sync (library, 2, stop_after_batch, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (dossier_search_index_remaining_sync (library, NULL, &error), ==, 4);
  {
    g_autofree char *got = found (library, "sanction", ids);
    g_assert_cmpstr (got, ==, "01");
  }
  /* changes half-way: an article indexed, one waiting, one deleted */
  note = dossier_test_add_note (library, ids[0], "The new", "*zeppelin* note");
  note = (g_object_unref (note), dossier_test_add_note (library, ids[3], "Список", "about a *blimp*"));
  g_assert_true (dossier_library_delete_article_sync (library, ids[4], &error));
  g_assert_no_error (error);
  dossier_library_close (library);
  g_object_unref (library);

  /* the next start goes on from there */
  library = dossier_library_new (path);
  g_assert_true (dossier_library_open_sync (library, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_search_index_remaining_sync (library, NULL, &error), ==, 3);
  g_assert_true (dossier_search_index_rebuild_sync (library, 1, on_batch, steps, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 3);
  g_assert_cmpint (g_array_index (steps, gint64, 2), ==, 5);
  g_assert_cmpint (dossier_search_index_remaining_sync (library, NULL, &error), ==, 0);
  {
    g_autofree char *sanction = found (library, "sanction", ids);
    g_autofree char *sanctions = found (library, "санкции", ids);
    g_autofree char *zeppelin = found (library, "zeppelin", ids);
    g_autofree char *blimp = found (library, "blimp", ids);
    g_autofree char *person = found (library, "person", ids);

    g_assert_cmpstr (sanction, ==, "01");
    g_assert_cmpstr (sanctions, ==, "23");
    g_assert_cmpstr (zeppelin, ==, "0");
    g_assert_cmpstr (blimp, ==, "3");
    g_assert_cmpstr (person, ==, "5");
  }
  dossier_test_assert_library_sound (library);
  dossier_library_close (library);
  g_object_unref (library);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (dossier_store_register_tokenizer (db));
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  dossier_test_remove_tree (dir);
}

/* A version-4 library (made from the version-3 fixture and the steps
 * to 4) upgrades: its articles are kept and found by any word form. */
static void
test_upgrade_from_v4 (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *fixture = g_build_filename (TEST_DATA_DIR, "schema-v3.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(DossierQuery) everything = dossier_query_parse ("", FALSE);
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  /* the step to 4, as version 4 made it */
  g_assert_cmpint (sqlite3_exec (db,
    "CREATE TABLE date_suggestions ("
    "  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
    "  published   TEXT, precision INTEGER NOT NULL DEFAULT 0, confidence REAL NOT NULL DEFAULT 0,"
    "  evidence TEXT NOT NULL DEFAULT '', state INTEGER NOT NULL DEFAULT 0, computed_at INTEGER NOT NULL);"
    "CREATE INDEX date_suggestions_open ON date_suggestions(state, confidence);"
    "PRAGMA user_version = 4;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  library = dossier_library_new (path);
  g_assert_true (dossier_library_open_sync (library, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_search_index_rebuild_sync (library, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  all = dossier_library_search_sync (library, everything, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 0);
  /* other forms of their words find them: "Talks Open", "Deal Signed" */
  {
    gint64 ids[] = { 1, 2, 0 };
    g_autofree char *talk = found (library, "talk", ids);
    g_autofree char *signing = found (library, "signing", ids);
    g_autofree char *exact = found (library, "=talk", ids);

    g_assert_cmpstr (talk, ==, "01");
    g_assert_cmpstr (signing, ==, "1");
    g_assert_cmpstr (exact, ==, "");
  }
  dossier_library_close (library);
  dossier_test_remove_tree (dir);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/Tokenizer/reference-vocabularies", test_reference_vocabularies);
  g_test_add_func ("/Dossier/Tokenizer/stems-and-keys", test_stem_and_keys);
  g_test_add_func ("/Dossier/Tokenizer/bad-input", test_bad_input);
  g_test_add_func ("/Dossier/Tokenizer/function-words", test_function_words);
  g_test_add_func ("/Dossier/Tokenizer/names-at-query-time", test_names_at_query_time);
  g_test_add_func ("/Dossier/Tokenizer/lower-case-words", test_lower_case_words);
  g_test_add ("/Dossier/Tokenizer/word-forms", Fixture, NULL,
              dossier_test_library_setup, test_word_forms, dossier_test_library_teardown);
  g_test_add ("/Dossier/Tokenizer/exact-first", Fixture, NULL,
              dossier_test_library_setup, test_exact_first, dossier_test_library_teardown);
  g_test_add ("/Dossier/Tokenizer/exact-first-limited", Fixture, NULL,
              dossier_test_library_setup, test_exact_first_limited, dossier_test_library_teardown);
  g_test_add ("/Dossier/Tokenizer/name-cases", Fixture, NULL,
              dossier_test_library_setup, test_name_cases, dossier_test_library_teardown);
  g_test_add ("/Dossier/Tokenizer/deferred-batch", Fixture, NULL,
              dossier_test_library_setup, test_deferred_batch, dossier_test_library_teardown);
  g_test_add_func ("/Dossier/Tokenizer/version-rebuild", test_version_rebuild);
  g_test_add_func ("/Dossier/Tokenizer/upgrade-from-v4", test_upgrade_from_v4);
  g_test_add_func ("/Dossier/Tokenizer/rebuild-half-way", test_rebuild_half_way);

  return g_test_run ();
}
