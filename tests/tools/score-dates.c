/* score-dates.c — how right are found and suggested dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * score-dates DIR, where DIR holds truth.json ({url: {"file", "date"}})
 * and the pages it names (shared/corpora/html-dates is one):
 *  (a) every page is extracted as it is, and its date compared with the
 *      true one (exact day);
 *  (b) a library is built in which every other page (by file name) keeps
 *      its true date and the others keep only their title and text (no
 *      date, metadata nor address); suggestions are worked out from the
 *      text alone, then with the corpus, and the share of undated
 *      articles with a suggestion of confidence >= 0.5 is printed, and of
 *      those the share within three days of the truth and on the day.
 * build-aux/score-dates runs it.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "dossier-library.h"
#include "dossier-extract.h"
#include "dossier-dates.h"

static const char * const origin_names[] = { "none", "text", "metadata", "url", "user", "inferred" };

typedef struct
{
  char        *file;
  DossierDate  truth;
} Page;

static void
page_free (gpointer p)
{
  Page *page = p;

  g_free (page->file);
  g_free (page);
}

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 ((*(Page **) a)->file, (*(Page **) b)->file);
}

static void
score_suggestions (DossierLibrary *library,
                   GHashTable     *truth_of,
                   gboolean        use_corpus,
                   gboolean        verbose)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  guint n = 0, covered = 0, near = 0, exact = 0, any = 0, any_near = 0;
  gint64 t0 = g_get_monotonic_time ();

  if (dossier_dates_suggest_sync (library, use_corpus, NULL, &error) < 0 ||
      (list = dossier_dates_list_sync (library, &error)) == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < list->len; i++)
    {
      DossierStoredSuggestion *s = g_ptr_array_index (list, i);
      const DossierDate *truth = g_hash_table_lookup (truth_of, &s->article_id);
      gint64 diff;

      if (truth == NULL)
        continue;
      n++;
      if (s->date.precision != DOSSIER_DATE_PRECISION_DAY)
        continue;
      diff = ABS (dossier_date_to_julian (&s->date) - dossier_date_to_julian (truth));
      any++;
      any_near += diff <= 3;
      if (verbose)
        {
          g_autofree char *got = dossier_date_to_string (&s->date);
          g_autofree char *want = dossier_date_to_string (truth);

          g_print ("  %s %-10s want %s  %.2f  %s\n", diff <= 3 ? "ok " : "BAD", got, want,
                   s->confidence, s->evidence[0] ? s->evidence[0] : "");
        }
      if (s->confidence < 0.5)
        continue;
      covered++;
      near += diff <= 3;
      exact += diff == 0;
    }
  g_print ("(b) %s: %u undated; %u (%.0f%%) with confidence >= 0.5, of those %u (%.0f%%) within ±3 days, "
           "%u (%.0f%%) on the day; any confidence: %u suggested, %u within ±3 days (%.1f s)\n",
           use_corpus ? "text and corpus" : "text only", n, covered, n ? 100.0 * covered / n : 0,
           near, covered ? 100.0 * near / covered : 0, exact, covered ? 100.0 * exact / covered : 0,
           any, any_near, (g_get_monotonic_time () - t0) / 1e6);
}

int
main (int argc, char **argv)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (page_free);
  g_autoptr(GHashTable) truth_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(DossierLibrary) library = NULL;
  g_autofree char *truth_path = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *db = NULL;
  gboolean verbose = argc > 2 && g_strcmp0 (argv[2], "--verbose") == 0;
  JsonObject *root;
  GList *members;
  guint found = 0, right = 0;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: score-dates DIR [--verbose]\n");
      return 2;
    }
  truth_path = g_build_filename (argv[1], "truth.json", NULL);
  if (!json_parser_load_from_file (parser, truth_path, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_printerr ("score-dates: %s: %s\n", truth_path, error ? error->message : "not an object");
      return 1;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (root);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonObject *o = json_object_get_object_member (root, l->data);
      Page *page;

      if (o == NULL || !json_object_has_member (o, "file") || !json_object_has_member (o, "date"))
        continue;
      page = g_new0 (Page, 1);
      page->file = g_build_filename (argv[1], json_object_get_string_member (o, "file"), NULL);
      if (!dossier_date_from_iso (json_object_get_string_member (o, "date"), &page->truth))
        {
          page_free (page);
          continue;
        }
      g_ptr_array_add (pages, page);
    }
  g_list_free (members);
  g_ptr_array_sort (pages, compare_pages);

  tmp = g_dir_make_tmp ("score-dates-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (tmp, "library.db", NULL);
  library = dossier_library_new (db);
  if (!dossier_library_open_sync (library, TRUE, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < pages->len; i++)
    {
      Page *page = g_ptr_array_index (pages, i);
      g_autoptr(GFile) file = g_file_new_for_path (page->file);
      g_autoptr(DossierExtracted) x = dossier_extract_file (file, NULL, NULL);
      g_autoptr(DossierArticle) article = NULL;
      gint64 id;

      if (x == NULL)
        continue;
      /* (a) the date the importer finds */
      if (x->published.precision == DOSSIER_DATE_PRECISION_DAY)
        {
          found++;
          right += dossier_date_compare (&x->published, &page->truth) == 0;
        }
      if (verbose && (x->published.precision != DOSSIER_DATE_PRECISION_DAY
                      || dossier_date_compare (&x->published, &page->truth) != 0))
        {
          g_autofree char *got = dossier_date_to_string (&x->published);
          g_autofree char *want = dossier_date_to_string (&page->truth);
          g_autofree char *base = g_path_get_basename (page->file);

          g_print ("  (a) BAD %-10s want %s  %-8s %s\n", got ? got : "none", want,
                   origin_names[x->date_origin % 6], base);
        }
      /* (b) every other page keeps its true date; the rest only its text */
      article = dossier_article_new ();
      dossier_article_set_title (article, x->title);
      dossier_article_set_body (article, x->body);
      if (i % 2 == 0)
        {
          dossier_article_set_published (article, &page->truth);
          dossier_article_set_date_origin (article, DOSSIER_DATE_ORIGIN_METADATA);
          dossier_article_set_url (article, x->url);
          dossier_article_set_source (article, x->source);
        }
      id = dossier_library_add_article_sync (library, article, NULL, &error);
      if (id <= 0)
        {
          g_clear_error (&error);
          continue;
        }
      if (i % 2 == 1)
        g_hash_table_insert (truth_of, g_memdup2 (&id, sizeof id), g_memdup2 (&page->truth, sizeof page->truth));
    }
  g_print ("(a) dates in pages: %u pages, %u with a day, %u (%.1f%%) on the right day\n",
           pages->len, found, right, pages->len ? 100.0 * right / pages->len : 0);
  score_suggestions (library, truth_of, FALSE, verbose);
  score_suggestions (library, truth_of, TRUE, verbose);

  dossier_library_close (library);
  g_remove (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (tmp);
  return 0;
}
