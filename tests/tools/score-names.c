/* score-names.c — names across scripts: does a Latin query find the
 * article that names the person in Cyrillic, and the reverse?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: score-names PAIRS.TSV [SAMPLE [misses]]
 *
 * PAIRS.TSV is shared/corpora/names-translit/pairs.tsv (latin, Cyrillic
 * letters separated by spaces, count).  Pairs are kept where a plain
 * transliteration of the Cyrillic (a fixed letter table, below) is within
 * a quarter of the Latin's letters of it (Levenshtein); many other pairs
 * are foreign names or noise.  Every Nth kept pair, for about SAMPLE
 * pairs (default 2,000), gets two articles in a new library: an English
 * sentence naming the person in Latin letters and a Russian one naming
 * them in Cyrillic.  Each Latin name is searched and must find its
 * Cyrillic article in the top 10, and each Cyrillic name its Latin one.
 * Precision: of all articles returned in those top 10s, the share that
 * names the same person (the same Cyrillic name) rather than another.
 * With a third argument, each name that missed is printed ("miss\tLatin →
 * Cyrillic").
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "dossier-library.h"

typedef struct
{
  char   *latin;      /* as in the file, capitalised */
  char   *cyrillic;   /* letters joined, capitalised */
  char   *key;        /* the Cyrillic in lower case: who it is */
  gint64  latin_id;
  gint64  cyrillic_id;
} Pair;

static const char * const plain_table[] = {
  /* а..я */
  "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
  "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
};

/* A plain transliteration: one fixed Latin spelling for each letter */
static char *
plain_translit (const char *cyrillic)
{
  GString *out = g_string_new (NULL);

  for (const char *p = cyrillic; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (c >= 0x0430 && c <= 0x044F)
        g_string_append (out, plain_table[c - 0x0430]);
      else if (c == 0x0451)
        g_string_append_c (out, 'e');
      else if (c < 0x80 && g_ascii_isalpha (c))
        g_string_append_c (out, g_ascii_tolower (c));
    }
  return g_string_free (out, FALSE);
}

static guint
levenshtein (const char *a,
             const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);

          row[j] = MIN (best, diag + (a[i - 1] != b[j - 1]));
          diag = up;
        }
    }
  return row[lb];
}

static char *
capitalise (const char *word)
{
  gunichar first = g_utf8_get_char (word);
  char buf[8];
  int n = g_unichar_to_utf8 (g_unichar_totitle (first), buf);

  buf[n] = '\0';
  return g_strconcat (buf, g_utf8_next_char (word), NULL);
}

/* "с е р г е й" → "сергей" */
static char *
join_letters (const char *spaced)
{
  g_auto(GStrv) letters = g_strsplit (spaced, " ", -1);

  return g_strjoinv ("", letters);
}

static gint64
add (DossierLibrary *library,
     const char     *title,
     const char     *body)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  dossier_article_set_title (a, title);
  dossier_article_set_body (a, body);
  id = dossier_library_add_article_sync (library, a, NULL, &error);
  if (id <= 0)
    {
      g_printerr ("score-names: %s\n", error ? error->message : "could not add an article");
      exit (1);
    }
  return id;
}

/* Searches @name; TRUE when @want is in the top 10.  Counts returned
 * articles and those about the same person (@key). */
static gboolean
search (DossierLibrary *library,
        GHashTable     *key_of_id,
        const char     *name,
        const char     *key,
        gint64          want,
        guint          *returned,
        guint          *related)
{
  g_autoptr(DossierQuery) query = dossier_query_parse (name, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = dossier_library_search_sync (library, query, 10, &error);
  gboolean found = FALSE;

  if (hits == NULL)
    {
      g_printerr ("score-names: %s: %s\n", name, error->message);
      exit (1);
    }
  for (guint i = 0; i < hits->len && i < 10; i++)
    {
      gint64 id = dossier_article_get_id (g_ptr_array_index (hits, i));

      found |= id == want;
      (*returned)++;
      if (g_strcmp0 (g_hash_table_lookup (key_of_id, &id), key) == 0)
        (*related)++;
    }
  return found;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) key_of_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(DossierLibrary) library = NULL;
  g_auto(GStrv) lines = NULL;
  guint sample = argc > 2 ? (guint) atoi (argv[2]) : 2000;
  guint total = 0, step, n = 0;
  guint l2c = 0, c2l = 0, returned = 0, related = 0;
  GArray *pairs = g_array_new (FALSE, TRUE, sizeof (Pair));

  setlocale (LC_ALL, "");

  if (argc < 2 || !g_file_get_contents (argv[1], &text, NULL, &error))
    {
      g_printerr ("usage: score-names PAIRS.TSV [SAMPLE]%s%s\n", error ? ": " : "", error ? error->message : "");
      return 2;
    }

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 3);
      g_autofree char *cyr = NULL;
      g_autofree char *plain = NULL;
      g_autofree char *both = NULL;

      if (g_strv_length (f) < 2 || f[0][0] == '\0')
        continue;
      total++;
      cyr = join_letters (f[1]);
      plain = plain_translit (cyr);
      if (levenshtein (plain, f[0]) * 4 > strlen (f[0]))
        continue;
      both = g_strconcat (f[0], "\t", cyr, NULL);
      if (!g_hash_table_add (seen, g_steal_pointer (&both)))
        continue;
      g_ptr_array_add (kept, g_strdup (lines[i]));
    }
  step = MAX (1, kept->len / sample);
  for (guint i = 0; i < kept->len; i += step)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (kept, i), "\t", 3);
      g_autofree char *cyr = join_letters (f[1]);
      Pair p = { capitalise (f[0]), capitalise (cyr), g_strdup (cyr), 0, 0 };

      g_array_append_val (pairs, p);
    }

  dir = g_dir_make_tmp ("score-names-XXXXXX", &error);
  path = g_build_filename (dir, "library.db", NULL);
  library = dossier_library_new (path);
  if (!dossier_library_open_sync (library, TRUE, &error))
    {
      g_printerr ("score-names: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);
      g_autofree char *en = g_strdup_printf ("%s spoke to reporters on Tuesday about the talks, report %u.", p->latin, i);
      g_autofree char *ru = g_strdup_printf ("%s выступил перед журналистами во вторник, сообщение %u.", p->cyrillic, i);
      g_autofree char *en_title = g_strdup_printf ("Report %u", i);
      g_autofree char *ru_title = g_strdup_printf ("Сообщение %u", i);

      p->latin_id = add (library, en_title, en);
      p->cyrillic_id = add (library, ru_title, ru);
      g_hash_table_insert (key_of_id, g_memdup2 (&p->latin_id, sizeof (gint64)), p->key);
      g_hash_table_insert (key_of_id, g_memdup2 (&p->cyrillic_id, sizeof (gint64)), p->key);
    }

  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);

      if (search (library, key_of_id, p->latin, p->key, p->cyrillic_id, &returned, &related))
        l2c++;
      else if (argc > 3)
        g_print ("miss\t%s → %s\n", p->latin, p->cyrillic);
      if (search (library, key_of_id, p->cyrillic, p->key, p->latin_id, &returned, &related))
        c2l++;
      else if (argc > 3)
        g_print ("miss\t%s → %s\n", p->cyrillic, p->latin);
      n++;
    }

  g_print ("pairs in the file: %u; kept (plain transliteration within a quarter): %u; scored: %u\n",
           total, kept->len, n);
  g_print ("Latin query finds the Cyrillic article in the top 10: %.3f\n", n ? (double) l2c / n : 0);
  g_print ("Cyrillic query finds the Latin article in the top 10: %.3f\n", n ? (double) c2l / n : 0);
  g_print ("both directions: %.3f\n", n ? (double) (l2c + c2l) / (2 * n) : 0);
  g_print ("precision (returned articles naming the same person): %.3f of %u\n",
           returned ? (double) related / returned : 0, returned);
  g_print ("{\"pairs\": %u, \"latin_to_cyrillic\": %.4f, \"cyrillic_to_latin\": %.4f, \"precision\": %.4f}\n",
           n, n ? (double) l2c / n : 0, n ? (double) c2l / n : 0,
           returned ? (double) related / returned : 0);

  dossier_library_close (library);
  g_remove (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
  return 0;
}
