/* score-similar.c — same-story pairs and near-duplicates, scored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * score-similar PAIRS.jsonl
 *   Every text of the pairs (lines with pair_id, text1, text2, Overall)
 *   goes into one library, undated; a pair counts as found when the
 *   articles similar to the first list the second as a near-duplicate or
 *   the same story.  Pairs judged <= 1.5 are the same story, >= 3.5
 *   different; precision, recall and F1 over them.
 *
 * score-similar --near-duplicates DIR
 *   The text of each page DIR/NAME/source.html goes into one library with
 *   a copy made by the edits wire copies get (a new headline, the last
 *   paragraph cut, a dateline, two paragraphs swapped, site clutter); a
 *   copy counts as found when the original lists it as a near-duplicate.
 *   Against them, pairs of different pages: wrongly found when listed as
 *   near-duplicates.  Pages of filler text (the extractor's own test
 *   cases) and exact duplicates are left out.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "dossier-library.h"
#include "dossier-extract.h"
#include "dossier-stories.h"

static DossierLibrary *
temp_library (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  DossierLibrary *library;

  *dir = g_dir_make_tmp ("score-similar-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (*dir, "library.db", NULL);
  library = dossier_library_new (db);
  if (!dossier_library_open_sync (library, TRUE, &error))
    g_error ("%s", error->message);
  return library;
}

static void
remove_library (DossierLibrary *library,
                const char     *dir)
{
  const char *names[] = { "library.db", "library.db-wal", "library.db-shm" };

  dossier_library_close (library);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static gint64
add (DossierLibrary *library,
     const char     *title,
     const char     *body)
{
  g_autoptr(DossierArticle) article = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  gint64 duplicate = 0;
  gint64 id;

  dossier_article_set_title (article, title);
  dossier_article_set_body (article, body);
  id = dossier_library_add_article_sync (library, article, &duplicate, &error);
  return id > 0 ? id : duplicate;
}

/* the first words of a text as its title, the rest its body */
static gint64
add_text (DossierLibrary *library,
          const char     *text)
{
  const char *p = text;
  g_autofree char *title = NULL;

  while (g_ascii_isspace (*p))
    p++;
  for (guint words = 0; *p && words < 8; words++)
    {
      while (*p && !g_ascii_isspace (*p))
        p++;
      while (g_ascii_isspace (*p))
        p++;
    }
  title = g_strstrip (g_strndup (text, p - text));
  return add (library, title, *p ? p : text);
}

/* the relation of @b to @a, -1 when not listed */
static int
relation_of (DossierLibrary *library,
             gint64          a,
             gint64          b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = dossier_stories_similar_sync (library, a, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      DossierStoredSimilar *s = g_ptr_array_index (list, i);

      if (dossier_article_get_id (s->article) == b)
        return (int) s->relation;
    }
  return -1;
}

static void
print_scores (const char *what, guint tp, guint fp, guint fn, guint n_pos, guint n_neg)
{
  double p = tp + fp ? (double) tp / (tp + fp) : 0;
  double r = tp + fn ? (double) tp / (tp + fn) : 0;

  g_print ("%s: %u same, %u different pairs; found %u of the same, %u of the different\n"
           "  precision %.3f  recall %.3f  F1 %.3f\n",
           what, n_pos, n_neg, tp, fp, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
}

static int
score_pairs (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(DossierLibrary) library = temp_library (&dir);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_auto(GStrv) lines = NULL;
  guint tp = 0, fp = 0, fn = 0, n_pos = 0, n_neg = 0;
  gint64 t0, t1;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      g_printerr ("score-similar: %s\n", error->message);
      return 1;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *o;
      const char *keys[] = { "text1", "text2" };

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (!json_parser_load_from_data (parser, lines[i], -1, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        continue;
      o = json_node_get_object (json_parser_get_root (parser));
      if (!json_object_has_member (o, "text1") || !json_object_has_member (o, "text2") ||
          !json_object_has_member (o, "Overall"))
        continue;
      for (guint k = 0; k < 2; k++)
        {
          const char *text = json_object_get_string_member (o, keys[k]);

          if (text != NULL && !g_hash_table_contains (ids, text))
            {
              gint64 id = add_text (library, text);

              g_hash_table_insert (ids, g_strdup (text), g_memdup2 (&id, sizeof id));
            }
        }
      g_ptr_array_add (pairs, json_object_ref (o));
    }
  t0 = g_get_monotonic_time ();
  if (dossier_stories_update_sync (library, FALSE, NULL, &error) < 0)
    g_error ("%s", error->message);
  t1 = g_get_monotonic_time ();

  for (guint i = 0; i < pairs->len; i++)
    {
      JsonObject *o = g_ptr_array_index (pairs, i);
      JsonNode *overall_node = json_object_get_member (o, "Overall");
      double overall = JSON_NODE_TYPE (overall_node) == JSON_NODE_VALUE &&
                       json_node_get_value_type (overall_node) == G_TYPE_STRING
                       ? g_ascii_strtod (json_node_get_string (overall_node), NULL)
                       : json_node_get_double (overall_node);
      gint64 *a = g_hash_table_lookup (ids, json_object_get_string_member (o, "text1"));
      gint64 *b = g_hash_table_lookup (ids, json_object_get_string_member (o, "text2"));
      gboolean found;

      if (overall > 1.5 && overall < 3.5)
        continue;
      found = *a > 0 && *b > 0 && (*a == *b || relation_of (library, *a, *b) >= (int) DOSSIER_RELATION_SAME_STORY);
      if (overall <= 1.5)
        {
          n_pos++;
          found ? tp++ : fn++;
        }
      else
        {
          n_neg++;
          fp += found;
        }
    }
  print_scores ("same-story pairs", tp, fp, fn, n_pos, n_neg);
  g_print ("  %u articles; sketches, links and stories in %.0f ms\n",
           g_hash_table_size (ids), (t1 - t0) / 1000.0);
  remove_library (library, dir);
  return 0;
}

/* The edits a wire copy gets, chosen by @k. */
static char *
make_copy (const char *body,
           guint       k)
{
  g_auto(GStrv) paras = g_strsplit (body, "\n\n", -1);
  guint n = g_strv_length (paras);
  g_autoptr(GString) out = g_string_new (NULL);

  /* a dateline */
  if (k % 2 == 0)
    g_string_append (out, "LONDON, March 3 (Wire Service) — ");
  /* two paragraphs swapped */
  if (k % 3 != 2 && n > 3)
    {
      char *t = paras[1];

      paras[1] = paras[2];
      paras[2] = t;
    }
  for (guint i = 0; i < n; i++)
    {
      /* the last paragraph cut */
      if (i == n - 1 && n > 3 && k % 3 != 1)
        break;
      g_string_append (out, paras[i]);
      g_string_append (out, "\n\n");
    }
  /* site clutter */
  if (k % 4 != 3)
    g_string_append (out, "Sign up for our daily newsletter.\n\nShare this article on Facebook, Twitter or by email.\n\n"
                          "Read more: the latest news from our correspondents around the world.\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
score_near_duplicates (const char *root)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (root, 0, &error);
  g_autofree char *dir = NULL;
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GArray) originals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) copies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint tp = 0, fp = 0, fn = 0, n_neg = 0;
  gint64 last_id = 0;
  const char *name;

  if (d == NULL)
    {
      g_printerr ("score-similar: %s\n", error->message);
      return 1;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  library = temp_library (&dir);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (root, names->pdata[i], "source.html", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(DossierExtracted) x = NULL;
      g_autofree char *copy = NULL;
      g_autofree char *headline = NULL;
      gint64 a, b;

      if (!g_file_test (path, G_FILE_TEST_EXISTS) ||
          (x = dossier_extract_file (file, NULL, NULL)) == NULL ||
          x->body == NULL || g_utf8_strlen (x->body, -1) < 600 ||
          /* the extractor's test pages made of the same filler text */
          strstr (x->body, "Lorem ipsum") != NULL)
        continue;
      copy = make_copy (x->body, originals->len);
      headline = g_strdup_printf ("UPDATE: %s", x->title ? x->title : "");
      a = add (library, x->title ? x->title : "", x->body);
      b = add (library, headline, copy);
      /* a page seen before (an exact duplicate) is no new pair */
      if (a <= 0 || b <= 0 || a == b || a < last_id)
        continue;
      last_id = b;
      g_array_append_val (originals, a);
      g_array_append_val (copies, b);
      if (g_getenv ("SCORE_VERBOSE") != NULL)
        g_print ("  article %" G_GINT64_FORMAT ": %s\n", a, (char *) names->pdata[i]);
    }
  if (dossier_stories_update_sync (library, FALSE, NULL, &error) < 0)
    g_error ("%s", error->message);
  for (guint i = 0; i < originals->len; i++)
    {
      gint64 a = g_array_index (originals, gint64, i);
      gint64 b = g_array_index (copies, gint64, i);

      if (relation_of (library, a, b) == (int) DOSSIER_RELATION_NEAR_DUPLICATE)
        tp++;
      else
        fn++;
      /* a different page, and a different page's copy */
      for (guint off = 1; off <= 2 && originals->len > 2; off++)
        {
          gint64 c = off == 1 ? g_array_index (originals, gint64, (i + 1) % originals->len)
                              : g_array_index (copies, gint64, (i + 2) % originals->len);

          n_neg++;
          if (relation_of (library, a, c) == (int) DOSSIER_RELATION_NEAR_DUPLICATE)
            {
              fp++;
              if (g_getenv ("SCORE_VERBOSE") != NULL)
                g_print ("  wrongly a copy: articles %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT "\n", a, c);
            }
        }
    }
  print_scores ("near-duplicates", tp, fp, fn, originals->len, n_neg);
  remove_library (library, dir);
  return 0;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  if (argc == 3 && g_strcmp0 (argv[1], "--near-duplicates") == 0)
    return score_near_duplicates (argv[2]);
  if (argc != 2)
    {
      g_printerr ("usage: score-similar PAIRS.jsonl | --near-duplicates DIR\n");
      return 2;
    }
  return score_pairs (argv[1]);
}
