/* score-html.c — scores the HTML importer against pages with known output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: score-html [--json FILE] [--worst N] [--all] [--show PAGE]
 *                   [--shared DIR] [--dump DIR] [DIR]
 *
 * DIR holds one folder per page with source.html, expected.html and
 * expected-metadata.json (the layout of Mozilla Readability's test pages,
 * shared/corpora/readability-pages).  For each page the body extracted from
 * source.html is compared with the text of expected.html over word 4-gram
 * shingles (lowercased words, counted as a multiset): precision and recall
 * per page, averaged over the pages, then the F1 of the two averages.
 * Titles are compared exactly after white space folding; bylines (folded,
 * lowercased, a leading "By" ignored) and dates (the YYYY-MM-DD part) where
 * the expected metadata gives them.
 *
 * A folder may hold source.link instead of source.html: one line naming the
 * page by its path inside the shared folder given with --shared (so labels
 * kept in tests/data can point at pages in shared/corpora without copying
 * them).  --dump DIR writes each page's extracted body to DIR/PAGE.txt.
 *
 * This is a measuring tool, not a test: it exits 0 whatever the scores.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "dossier-html-extract.h"

typedef struct
{
  char    *name;
  double   precision;
  double   recall;
  double   f1;
  gboolean error;
  int      title_ok;      /* -1: not scored */
  char    *title;
  char    *expected_title;
  int      byline_ok;     /* -1: not scored */
  int      date_ok;       /* -1: not scored */
} PageScore;

static void
page_score_free (gpointer data)
{
  PageScore *ps = data;

  g_free (ps->name);
  g_free (ps->title);
  g_free (ps->expected_title);
  g_free (ps);
}

static GPtrArray *
words_of (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *p = lower;

  while (*p)
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }
  return words;
}

static GHashTable *
shingles_of (GPtrArray *words,
             guint     *total)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 4, i;

  *total = 0;
  if (words->len == 0)
    return set;
  if (words->len < n)
    n = words->len;
  for (i = 0; i + n <= words->len; i++)
    {
      GString *key = g_string_new (words->pdata[i]);
      guint k;
      gpointer count;

      for (k = 1; k < n; k++)
        {
          g_string_append_c (key, '\x1f');
          g_string_append (key, words->pdata[i + k]);
        }
      count = g_hash_table_lookup (set, key->str);
      g_hash_table_replace (set, g_string_free (key, FALSE),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
      (*total)++;
    }
  return set;
}

static void
compare_texts (const char *got,
               const char *expected,
               double     *precision,
               double     *recall)
{
  g_autoptr(GPtrArray) got_words = words_of (got);
  g_autoptr(GPtrArray) exp_words = words_of (expected);
  guint got_total, exp_total;
  g_autoptr(GHashTable) got_set = shingles_of (got_words, &got_total);
  g_autoptr(GHashTable) exp_set = shingles_of (exp_words, &exp_total);
  GHashTableIter iter;
  gpointer key, value;
  guint matched = 0;

  if (got_total == 0 && exp_total == 0)
    {
      *precision = *recall = 1;
      return;
    }
  g_hash_table_iter_init (&iter, got_set);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint other = GPOINTER_TO_UINT (g_hash_table_lookup (exp_set, key));

      matched += MIN (GPOINTER_TO_UINT (value), other);
    }
  *precision = got_total ? (double) matched / got_total : 0;
  *recall = exp_total ? (double) matched / exp_total : 0;
}

static char *
fold_space (const char *s)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (; s != NULL && *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  {
    char *nfc = g_utf8_normalize (out->str, -1, G_NORMALIZE_NFC);

    g_string_free (out, TRUE);
    return nfc ? nfc : g_strdup ("");
  }
}

static char *
fold_byline (const char *s)
{
  g_autofree char *folded = fold_space (s);
  char *lower = g_utf8_strdown (folded, -1);
  char *p = lower;

  if (g_str_has_prefix (p, "by") && (p[2] == ' ' || p[2] == ':'))
    {
      p += 2;
      while (*p == ' ' || *p == ':')
        p++;
      memmove (lower, p, strlen (p) + 1);
    }
  return lower;
}

static const char *
json_string (JsonObject *object,
             const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The page's HTML: DIR/PAGE/source.html, or the file that DIR/PAGE/source.link
 * names inside SHARED. */
static char *
source_path (const char *dir,
             const char *name,
             const char *shared)
{
  g_autofree char *html = g_build_filename (dir, name, "source.html", NULL);
  g_autofree char *link = g_build_filename (dir, name, "source.link", NULL);
  g_autofree char *target = NULL;

  if (g_file_test (html, G_FILE_TEST_EXISTS) || shared == NULL)
    return g_steal_pointer (&html);
  if (!g_file_get_contents (link, &target, NULL, NULL))
    return NULL;
  g_strstrip (target);
  if (*target == '\0' || g_path_is_absolute (target) || strstr (target, "..") != NULL)
    return NULL;
  return g_build_filename (shared, target, NULL);
}

static int
compare_f1 (gconstpointer a,
            gconstpointer b)
{
  const PageScore *pa = *(PageScore * const *) a;
  const PageScore *pb = *(PageScore * const *) b;

  return pa->f1 < pb->f1 ? -1 : pa->f1 > pb->f1 ? 1 : strcmp (pa->name, pb->name);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *json_path = NULL;
  g_autofree char *show = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *dump = NULL;
  int worst = 15;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Write the totals as JSON to FILE", "FILE" },
    { "worst", 0, 0, G_OPTION_ARG_INT, &worst, "List the N worst pages (15)", "N" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, "List every page", NULL },
    { "show", 0, 0, G_OPTION_ARG_STRING, &show, "Print the extracted and expected text of PAGE", "PAGE" },
    { "shared", 0, 0, G_OPTION_ARG_FILENAME, &shared, "Resolve source.link files inside DIR", "DIR" },
    { "dump", 0, 0, G_OPTION_ARG_FILENAME, &dump, "Write each extracted body to DIR/PAGE.txt", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[DIR] — score the HTML importer");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (page_score_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *dir;
  GDir *d;
  const char *entry;
  double sum_p = 0, sum_r = 0, avg_p, avg_r, f1;
  double seconds = 0;
  guint64 bytes = 0;
  guint titles = 0, titles_ok = 0, bylines = 0, bylines_ok = 0, bylines_near = 0;
  guint dates = 0, dates_ok = 0, errors = 0;
  guint i;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("score-html: %s\n", error->message);
      return 2;
    }
  dir = argc > 1 ? argv[1] : "/work/shared/corpora/readability-pages";
  d = g_dir_open (dir, 0, &error);
  if (d == NULL)
    {
      g_printerr ("score-html: %s\n", error->message);
      return 2;
    }
  while ((entry = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (entry));
  g_dir_close (d);
  {
    guint a, b;

    for (a = 1; a < names->len; a++)
      for (b = a; b > 0 && strcmp (names->pdata[b - 1], names->pdata[b]) > 0; b--)
        {
          gpointer t = names->pdata[b];

          names->pdata[b] = names->pdata[b - 1];
          names->pdata[b - 1] = t;
        }
  }

  for (i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      g_autofree char *src_path = source_path (dir, name, shared);
      g_autofree char *exp_path = g_build_filename (dir, name, "expected.html", NULL);
      g_autofree char *meta_path = g_build_filename (dir, name, "expected-metadata.json", NULL);
      g_autofree char *source = NULL;
      g_autofree char *expected_html = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(DossierExtracted) result = NULL;
      g_autoptr(GError) local_error = NULL;
      JsonObject *meta = NULL;
      gsize source_len, expected_len;
      PageScore *ps;
      gint64 start;
      const char *exp_byline, *exp_date;

      if (src_path == NULL
          || !g_file_get_contents (src_path, &source, &source_len, NULL)
          || !g_file_get_contents (exp_path, &expected_html, &expected_len, NULL))
        continue;
      if (json_parser_load_from_file (parser, meta_path, NULL)
          && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        meta = json_node_get_object (json_parser_get_root (parser));

      start = g_get_monotonic_time ();
      result = dossier_html_extract (source, source_len, name, &local_error);
      seconds += (g_get_monotonic_time () - start) / 1e6;
      bytes += source_len;
      expected = dossier_html_to_text (expected_html, expected_len);

      ps = g_new0 (PageScore, 1);
      ps->name = g_strdup (name);
      ps->byline_ok = ps->date_ok = -1;
      g_ptr_array_add (pages, ps);

      if (result == NULL)
        {
          ps->error = TRUE;
          errors++;
          compare_texts ("", expected, &ps->precision, &ps->recall);
        }
      else
        compare_texts (result->body, expected, &ps->precision, &ps->recall);
      ps->f1 = ps->precision + ps->recall > 0
               ? 2 * ps->precision * ps->recall / (ps->precision + ps->recall) : 0;
      sum_p += ps->precision;
      sum_r += ps->recall;

      ps->expected_title = fold_space (json_string (meta, "title"));
      ps->title = fold_space (result ? result->title : "");
      ps->title_ok = -1;
      if (json_string (meta, "title") != NULL)
        {
          ps->title_ok = strcmp (ps->title, ps->expected_title) == 0;
          titles++;
          titles_ok += ps->title_ok;
        }

      exp_byline = json_string (meta, "byline");
      if (exp_byline != NULL)
        {
          g_autofree char *a = fold_byline (exp_byline);
          g_autofree char *b = fold_byline (result && result->byline ? result->byline : "");

          ps->byline_ok = strcmp (a, b) == 0;
          bylines++;
          bylines_ok += ps->byline_ok;
          /* "near": one contains the other, e.g. "Brenda Goodman, MA" in
           * "By Brenda Goodman, MA WebMD Health News" */
          if (*a && *b && (strstr (a, b) != NULL || strstr (b, a) != NULL))
            bylines_near++;
        }
      exp_date = json_string (meta, "publishedTime");
      if (exp_date != NULL && strlen (exp_date) >= 10)
        {
          g_autofree char *got = result ? dossier_date_to_string (&result->published) : NULL;

          ps->date_ok = got != NULL && strncmp (got, exp_date, 10) == 0;
          dates++;
          dates_ok += ps->date_ok;
        }

      if (dump != NULL)
        {
          g_autofree char *out = g_strconcat (dump, G_DIR_SEPARATOR_S, name, ".txt", NULL);
          g_autoptr(GError) dump_error = NULL;

          if (!g_file_set_contents (out, result ? result->body : "", -1, &dump_error))
            g_printerr ("score-html: %s\n", dump_error->message);
        }

      if (show != NULL && strcmp (show, name) == 0)
        {
          g_print ("=== %s: extracted (%s)\n%s\n", name,
                   result ? "ok" : local_error->message, result ? result->body : "");
          g_print ("=== expected\n%s\n===\n", expected);
          if (result)
            {
              g_autofree char *date = dossier_date_to_string (&result->published);

              g_print ("title: %s\nbyline: %s\nsource: %s\ndate: %s (origin %d)\nurl: %s\nlang: %s\n",
                       result->title, result->byline, result->source, date,
                       result->date_origin, result->url, result->language);
            }
          g_print ("expected title: %s\nexpected byline: %s\nexpected date: %s\n",
                   ps->expected_title, exp_byline, exp_date);
        }
    }

  if (pages->len == 0)
    {
      g_printerr ("score-html: no pages in %s\n", dir);
      return 2;
    }

  avg_p = sum_p / pages->len;
  avg_r = sum_r / pages->len;
  f1 = avg_p + avg_r > 0 ? 2 * avg_p * avg_r / (avg_p + avg_r) : 0;

  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_copy (pages, NULL, NULL);
    guint n;

    g_ptr_array_set_free_func (sorted, NULL);

    g_ptr_array_sort (sorted, compare_f1);
    n = all ? sorted->len : MIN ((guint) MAX (worst, 0), sorted->len);
    g_print ("%-40s %6s %6s %6s  %-5s %-6s %-4s\n", "page", "prec", "recall", "F1", "title", "byline", "date");
    for (i = 0; i < n; i++)
      {
        PageScore *ps = sorted->pdata[i];

        g_print ("%-40s %6.3f %6.3f %6.3f  %-5s %-6s %-4s%s\n", ps->name, ps->precision,
                 ps->recall, ps->f1, ps->title_ok < 0 ? "-" : ps->title_ok ? "ok" : "WRONG",
                 ps->byline_ok < 0 ? "-" : ps->byline_ok ? "ok" : "WRONG",
                 ps->date_ok < 0 ? "-" : ps->date_ok ? "ok" : "WRONG",
                 ps->error ? "  (error)" : "");
      }
    if (all)
      for (i = 0; i < pages->len; i++)
        {
          PageScore *ps = pages->pdata[i];

          if (ps->title_ok == 0)
            g_print ("title %s:\n  got      «%s»\n  expected «%s»\n", ps->name, ps->title, ps->expected_title);
        }
  }

  g_print ("\npages: %u  errors: %u\n", pages->len, errors);
  g_print ("body: precision %.4f  recall %.4f  F1 %.4f\n", avg_p, avg_r, f1);
  g_print ("title exact: %u/%u (%.1f%%)\n", titles_ok, titles, titles ? 100.0 * titles_ok / titles : 0);
  g_print ("byline: %u/%u exact (%.1f%%), %u/%u one containing the other (%.1f%%)\n",
           bylines_ok, bylines, bylines ? 100.0 * bylines_ok / bylines : 0,
           bylines_near, bylines, bylines ? 100.0 * bylines_near / bylines : 0);
  g_print ("date: %u/%u (%.1f%%)\n", dates_ok, dates, dates ? 100.0 * dates_ok / dates : 0);
  g_print ("speed: %.1f pages/s (%.1f MB/s, %.3f s for %u pages)\n",
           seconds > 0 ? pages->len / seconds : 0, seconds > 0 ? bytes / seconds / 1e6 : 0,
           seconds, pages->len);

  if (json_path != NULL)
    {
      g_autofree char *json = g_strdup_printf (
        "{\n  \"pages\": %u,\n  \"errors\": %u,\n  \"precision\": %.4f,\n  \"recall\": %.4f,\n"
        "  \"f1\": %.4f,\n  \"title_exact\": %.4f,\n  \"byline_accuracy\": %.4f,\n"
        "  \"byline_near_accuracy\": %.4f,\n  \"bylines_scored\": %u,\n  \"date_accuracy\": %.4f,\n  \"dates_scored\": %u,\n"
        "  \"pages_per_second\": %.1f\n}\n",
        pages->len, errors, avg_p, avg_r, f1, titles ? (double) titles_ok / titles : 0,
        bylines ? (double) bylines_ok / bylines : 0,
        bylines ? (double) bylines_near / bylines : 0, bylines,
        dates ? (double) dates_ok / dates : 0, dates,
        seconds > 0 ? pages->len / seconds : 0);

      if (!g_file_set_contents (json_path, json, -1, &error))
        {
          g_printerr ("score-html: %s\n", error->message);
          return 1;
        }
    }
  return 0;
}
