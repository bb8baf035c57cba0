/* test-stories.c — near-duplicates, stories, similar articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real libraries in temporary folders with the articles of
 * tests/data/stories: a wire story, its copy in another outlet (a new
 * headline, a dateline, a cut paragraph, moved sentences, clutter), a
 * follow-up in other words two days later, the same event a year on, and
 * an unrelated article of the same outlet and week.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "dossier-test-util.h"
#include "dossier-importer.h"
#include "dossier-dates.h"
#include "dossier-stories.h"
#include "dossier-sketch.h"

typedef struct
{
  DossierTestLibrary t;
  gint64             wire, copy, court, bakery, anniversary;
} Fixture;

static gint64
add_file (DossierLibrary *library,
          const char     *name)
{
  g_autofree char *path = dossier_test_data_path ("stories", name, NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(DossierImporter) importer = dossier_importer_new (library);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = dossier_importer_run_sync (importer, paths, NULL, NULL, NULL, &error);
  DossierImportResult *r;

  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  r = g_ptr_array_index (results, 0);
  g_assert_cmpint (r->status, ==, DOSSIER_IMPORT_IMPORTED);
  return r->id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  dossier_test_library_setup (&f->t, data);
  f->wire = add_file (f->t.library, "ferry-wire.txt");
  f->copy = add_file (f->t.library, "ferry-copy.txt");
  f->court = add_file (f->t.library, "ferry-court.txt");
  f->bakery = add_file (f->t.library, "bakery.txt");
  f->anniversary = add_file (f->t.library, "ferry-anniversary.txt");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dossier_test_library_teardown (&f->t, data);
}

/* the relation of @b to @a, -1 when not listed */
static int
relation (DossierLibrary *library,
          gint64          a,
          gint64          b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = dossier_stories_similar_sync (library, a, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      DossierStoredSimilar *s = g_ptr_array_index (list, i);

      g_assert_cmpfloat (s->similarity, >=, 0);
      g_assert_cmpfloat (s->similarity, <=, 1);
      if (dossier_article_get_id (s->article) == b)
        return (int) s->relation;
    }
  return -1;
}

static gint64
story_of (DossierLibrary *library,
          gint64          id)
{
  g_autoptr(GError) error = NULL;
  gint64 story = dossier_stories_story_of_sync (library, id, &error);

  g_assert_no_error (error);
  return story;
}

static void
update (DossierLibrary *library,
        gboolean        full,
        gint64          expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (dossier_stories_update_sync (library, full, NULL, &error), ==, expected);
  g_assert_no_error (error);
}

static void
test_relations (Fixture       *f,
                gconstpointer  data)
{
  DossierLibrary *l = f->t.library;
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GError) error = NULL;
  DossierStory *story;

  update (l, FALSE, 5);
  /* nothing waits: nothing is done again */
  update (l, FALSE, 0);

  g_assert_cmpint (relation (l, f->wire, f->copy), ==, DOSSIER_RELATION_NEAR_DUPLICATE);
  g_assert_cmpint (relation (l, f->copy, f->wire), ==, DOSSIER_RELATION_NEAR_DUPLICATE);
  g_assert_cmpint (relation (l, f->wire, f->court), ==, DOSSIER_RELATION_SAME_STORY);
  g_assert_cmpint (relation (l, f->copy, f->court), ==, DOSSIER_RELATION_SAME_STORY);
  /* the same names a year later: related, not the same story */
  g_assert_cmpint (relation (l, f->wire, f->anniversary), ==, DOSSIER_RELATION_RELATED);
  g_assert_cmpint (relation (l, f->wire, f->bakery), <, (int) DOSSIER_RELATION_SAME_STORY);
  g_assert_cmpint (relation (l, f->bakery, f->copy), <, (int) DOSSIER_RELATION_SAME_STORY);

  stories = dossier_stories_list_sync (l, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stories->len, ==, 1);
  story = g_ptr_array_index (stories, 0);
  g_assert_cmpuint (story->articles->len, ==, 3);
  /* in time order; on one day by id */
  g_assert_cmpint (g_array_index (story->articles, gint64, 0), ==, f->wire);
  g_assert_cmpint (g_array_index (story->articles, gint64, 1), ==, f->copy);
  g_assert_cmpint (g_array_index (story->articles, gint64, 2), ==, f->court);
  g_assert_cmpstr (story->title, ==, "Ferry Crews Walk Out Over Night Shifts");
  g_assert_cmpstr (story->first, ==, "2014-06-03");
  g_assert_cmpstr (story->last, ==, "2014-06-05");
  g_assert_cmpstr (story->first_source, ==, "The Harbour Ledger");
  g_assert_cmpuint (g_strv_length (story->sources), ==, 3);
  g_assert_cmpint (story_of (l, f->bakery), ==, 0);
  g_assert_cmpint (story_of (l, f->court), ==, story->id);

  /* story:ID in the search grammar, alone and with words */
  {
    g_autofree char *text = g_strdup_printf ("story:%" G_GINT64_FORMAT, story->id);
    g_autofree char *words = g_strdup_printf ("Oskar story:%" G_GINT64_FORMAT, story->id);
    g_autoptr(DossierQuery) q = dossier_query_parse (text, FALSE);
    g_autoptr(DossierQuery) qw = dossier_query_parse (words, FALSE);
    g_autoptr(DossierQuery) bad = dossier_query_parse ("story:ferry", FALSE);
    g_autoptr(GPtrArray) found = dossier_library_search_sync (l, q, 0, &error);
    g_autoptr(GPtrArray) found_words = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 3);
    found_words = dossier_library_search_sync (l, qw, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found_words->len, ==, 1);
    g_assert_cmpint (dossier_article_get_id (g_ptr_array_index (found_words, 0)), ==, f->court);
    g_assert_nonnull (bad->hint);
    g_assert_cmpint (bad->story, ==, 0);
  }

  /* a deleted article leaves its story and lists */
  g_assert_true (dossier_library_delete_article_sync (l, f->copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (relation (l, f->wire, f->copy), ==, -1);
  g_assert_cmpint (relation (l, f->wire, f->court), ==, DOSSIER_RELATION_SAME_STORY);
  g_assert_null (dossier_stories_similar_sync (l, 9999, 0, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
}

/* What waits for the background work is found without counting every
 * article and sketch: a new article after a deletion of the newest one
 * (which takes that id again), after a deletion in the middle, and
 * nothing when nothing was added. */
static void
test_waiting (Fixture       *f,
              gconstpointer  data)
{
  DossierLibrary *l = f->t.library;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 again, court;
  gboolean found = FALSE;

  update (l, FALSE, 5);
  g_assert_cmpint (f->anniversary, >, f->bakery);
  g_assert_true (dossier_library_delete_article_sync (l, f->anniversary, &error));
  g_assert_no_error (error);
  update (l, FALSE, 0);
  again = add_file (l, "ferry-anniversary.txt");
  g_assert_cmpint (again, ==, f->anniversary);
  update (l, FALSE, 1);
  g_assert_cmpint (relation (l, f->wire, again), ==, DOSSIER_RELATION_RELATED);
  update (l, FALSE, 0);

  g_assert_true (dossier_library_delete_article_sync (l, f->court, &error));
  g_assert_no_error (error);
  update (l, FALSE, 0);
  g_assert_cmpint (relation (l, f->wire, f->court), ==, -1);
  court = add_file (l, "ferry-court.txt");
  g_assert_cmpint (court, >, again);
  update (l, FALSE, 1);
  g_assert_cmpint (relation (l, f->wire, court), ==, DOSSIER_RELATION_SAME_STORY);

  /* a listed article: its title, outlet and date */
  list = dossier_stories_similar_sync (l, f->wire, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      DossierStoredSimilar *s = g_ptr_array_index (list, i);
      g_autofree char *date = NULL;

      if (dossier_article_get_id (s->article) != f->copy)
        continue;
      found = TRUE;
      date = dossier_date_to_string (dossier_article_get_published (s->article));
      g_assert_cmpstr (dossier_article_get_title (s->article), ==, "Commuters Stranded as Lindqvist Ferries Stop");
      g_assert_cmpstr (dossier_article_get_source (s->article), ==, "The Estuary Courier");
      g_assert_cmpstr (date, ==, "2014-06-03");
    }
  g_assert_true (found);
}

/* The index alone, over 3,000 made-up articles that all share one word
 * (far past the postings any word may have to count) and draw the rest
 * from 20,000 words: with their bands and postings spread over the whole
 * range of keys, each of 40 copies with a new title and its last words
 * cut is found as a copy of its article, and as nothing else's. */
static void
test_index (void)
{
  enum { N = 3000, COPIES = 40, WORDS = 80 };
  g_autoptr(DossierSimilarIndex) index = dossier_similar_index_new ();
  g_autofree char **bodies = g_new0 (char *, N);
  GRand *rand = g_rand_new_with_seed (20261206);

  for (guint i = 0; i < N; i++)
    {
      GString *body = g_string_new ("Everywhere");
      g_autofree char *title = g_strdup_printf ("Title w%05u", g_rand_int_range (rand, 0, 20000));
      DossierSketch sketch;

      for (guint w = 0; w < WORDS; w++)
        g_string_append_printf (body, " w%05u", g_rand_int_range (rand, 0, 20000));
      bodies[i] = g_string_free (body, FALSE);
      dossier_sketch_compute (&sketch, title, bodies[i]);
      dossier_similar_index_add (index, i + 1, -1, &sketch);
    }
  for (guint c = 0; c < COPIES; c++)
    {
      guint of = c * (N / COPIES) + 7;
      /* the copy: the last ten words cut */
      g_autofree char *cut = g_strndup (bodies[of], strlen (bodies[of]) - 10 * 7);
      DossierSketch sketch;

      dossier_sketch_compute (&sketch, "Another headline entirely", cut);
      dossier_similar_index_add (index, N + 1 + c, -1, &sketch);
    }
  dossier_similar_index_seal (index);
  for (guint c = 0; c < COPIES; c++)
    {
      gint64 of = c * (N / COPIES) + 7 + 1;
      g_autoptr(GArray) hits = dossier_similar_index_query (index, N + 1 + c, 20);
      guint copies = 0;

      for (guint h = 0; h < hits->len; h++)
        {
          const DossierSimilarHit *hit = &g_array_index (hits, DossierSimilarHit, h);

          if (hit->relation != DOSSIER_RELATION_NEAR_DUPLICATE)
            continue;
          copies++;
          g_assert_cmpint (hit->id, ==, of);
          g_assert_cmpfloat (hit->similarity, >=, 0.5);
        }
      g_assert_cmpuint (copies, ==, 1);
    }
  for (guint i = 0; i < N; i++)
    g_free (bodies[i]);
  g_rand_free (rand);
}

/* The index against every pair compared in full, on articles made of
 * paragraphs from one shared pool: most pairs share some paragraphs,
 * so a query shares bands with many articles that are no copies (as in
 * real libraries with their boilerplate), and some of them reach the
 * Jaccard of copies without being one.  Every copy the index reports is
 * one when the two signatures are compared in full, with its Jaccard;
 * every close copy (a Jaccard of 0.75 or more, missed by the bands once
 * in 100,000) is reported. */
static void
test_index_reference (void)
{
  enum { N = 1200, POOL = 30, PARA_WORDS = 25, COPIES = 150 };
  g_autoptr(DossierSimilarIndex) index = dossier_similar_index_new ();
  g_autofree DossierSketch *sketches = g_new0 (DossierSketch, N + COPIES);
  g_autofree char **paras = g_new0 (char *, POOL);
  g_autofree char **bodies = g_new0 (char *, N + COPIES);
  GRand *rand = g_rand_new_with_seed (20261207);
  guint n_copies = 0, n_far = 0, n_reported = 0;

  for (guint p = 0; p < POOL; p++)
    {
      GString *para = g_string_new (NULL);

      for (guint w = 0; w < PARA_WORDS; w++)
        g_string_append_printf (para, " p%02uw%04u", p, g_rand_int_range (rand, 0, 3000));
      paras[p] = g_string_free (para, FALSE);
    }
  for (guint i = 0; i < N + COPIES; i++)
    {
      GString *body = g_string_new ("Report");

      if (i < N)
        {
          /* two to seven paragraphs of the pool, and words of its own */
          guint n_paras = g_rand_int_range (rand, 2, 8);

          for (guint k = 0; k < n_paras; k++)
            g_string_append (body, paras[g_rand_int_range (rand, 0, POOL)]);
          for (guint w = 0, n = g_rand_int_range (rand, 0, 40); w < n; w++)
            g_string_append_printf (body, " own%05u", g_rand_int_range (rand, 0, 60000));
        }
      else
        {
          /* a copy: an article cut short, or with some words changed */
          const char *of = bodies[g_rand_int_range (rand, 0, N)];
          g_auto(GStrv) words = g_strsplit (of, " ", -1);
          guint n = g_strv_length (words);
          guint keep = g_rand_boolean (rand) ? n : MAX (1, n * g_rand_int_range (rand, 50, 100) / 100);

          g_string_truncate (body, 0);
          for (guint w = 0; w < keep; w++)
            {
              if (w > 0)
                g_string_append_c (body, ' ');
              if (w > 0 && g_rand_int_range (rand, 0, 40) == 0)
                g_string_append_printf (body, "changed%u", w);
              else
                g_string_append (body, words[w]);
            }
        }
      bodies[i] = g_string_free (body, FALSE);
      dossier_sketch_compute (&sketches[i], i < N ? "Headline" : "Another headline", bodies[i]);
      /* dated within a few weeks, some undated */
      dossier_similar_index_add (index, i + 1, g_rand_int_range (rand, 0, 8) == 0 ? -1
                                 : 2461000 + g_rand_int_range (rand, 0, 40), &sketches[i]);
    }
  dossier_similar_index_seal (index);

  for (guint a = 0; a < N + COPIES; a++)
    {
      g_autoptr(GArray) hits = dossier_similar_index_query (index, a + 1, N + COPIES);
      g_autofree gboolean *reported = g_new0 (gboolean, N + COPIES);

      for (guint h = 0; h < hits->len; h++)
        {
          const DossierSimilarHit *hit = &g_array_index (hits, DossierSimilarHit, h);
          guint b = (guint) hit->id - 1;
          double jaccard;

          g_assert_cmpuint (b, <, N + COPIES);
          g_assert_cmpuint (b, !=, a);
          if (hit->relation != DOSSIER_RELATION_NEAR_DUPLICATE)
            continue;
          jaccard = dossier_sketch_jaccard (&sketches[a], &sketches[b]);
          g_assert_true (dossier_sketch_near_duplicate (&sketches[a], &sketches[b], jaccard));
          g_assert_cmpfloat (hit->similarity, >=, jaccard);
          reported[b] = TRUE;
          n_reported++;
        }
      for (guint b = 0; b < N + COPIES; b++)
        {
          double jaccard;

          if (b == a)
            continue;
          jaccard = dossier_sketch_jaccard (&sketches[a], &sketches[b]);
          if (dossier_sketch_near_duplicate (&sketches[a], &sketches[b], jaccard))
            {
              if (jaccard >= 0.75)
                {
                  g_assert_true (reported[b]);
                  n_copies++;
                }
            }
          else if (jaccard >= 0.2)
            n_far++;
        }
    }
  /* the fixture has what it is for: copies, and pairs as close as
   * copies that are none */
  g_assert_cmpuint (n_copies, >=, COPIES);
  g_assert_cmpuint (n_far, >=, 1000);
  g_assert_cmpuint (n_reported, >=, n_copies);
  for (guint i = 0; i < N + COPIES; i++)
    g_free (bodies[i]);
  for (guint p = 0; p < POOL; p++)
    g_free (paras[p]);
  g_rand_free (rand);
}

/* A copy reprinted two years later is still a version of the report,
 * but not part of its story: no link, however close, makes a story span
 * more than a month (a chain of such copies made stories of years) */
static void
test_reprint_years_later (Fixture       *f,
                          gconstpointer  data)
{
  DossierLibrary *l = f->t.library;
  gint64 reprint = add_file (l, "ferry-reprint.txt");
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GError) error = NULL;
  DossierStory *story;

  update (l, FALSE, 6);
  g_assert_cmpint (relation (l, f->wire, reprint), ==, DOSSIER_RELATION_NEAR_DUPLICATE);
  g_assert_cmpint (relation (l, reprint, f->copy), ==, DOSSIER_RELATION_NEAR_DUPLICATE);
  stories = dossier_stories_list_sync (l, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stories->len, ==, 1);
  story = g_ptr_array_index (stories, 0);
  g_assert_cmpuint (story->articles->len, ==, 3);
  g_assert_cmpstr (story->first, ==, "2014-06-03");
  g_assert_cmpstr (story->last, ==, "2014-06-05");
  g_assert_cmpint (story_of (l, f->wire), ==, story->id);
  g_assert_cmpint (story_of (l, reprint), !=, story->id);
  /* grouping everything again gives the same */
  update (l, TRUE, 6);
  g_assert_cmpint (story_of (l, reprint), !=, story_of (l, f->wire));
}

static void
test_corrections (Fixture       *f,
                  gconstpointer  data)
{
  DossierLibrary *l = f->t.library;
  g_autoptr(GError) error = NULL;
  gint64 story, own, joined;

  update (l, FALSE, 5);
  story = story_of (l, f->wire);
  g_assert_cmpint (story, >, 0);

  /* out of the story, into one of its own */
  own = dossier_stories_move_sync (l, f->court, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (own, >, 0);
  g_assert_cmpint (own, !=, story);
  g_assert_cmpint (story_of (l, f->court), ==, own);
  g_assert_cmpint (story_of (l, f->wire), ==, story);
  g_assert_cmpint (relation (l, f->wire, f->court), ==, DOSSIER_RELATION_RELATED);
  /* kept through a grouping of the whole library */
  update (l, TRUE, 5);
  g_assert_cmpint (story_of (l, f->court), ==, own);
  g_assert_cmpint (story_of (l, f->wire), ==, story);

  /* the bakery into the ferry story, and the two stories joined */
  g_assert_cmpint (dossier_stories_move_sync (l, f->bakery, story, &error), ==, story);
  joined = dossier_stories_join_sync (l, story, own, &error);
  g_assert_no_error (error);
  g_assert_cmpint (joined, >, 0);
  update (l, TRUE, 5);
  g_assert_cmpint (story_of (l, f->court), ==, story_of (l, f->wire));
  g_assert_cmpint (story_of (l, f->bakery), ==, story_of (l, f->wire));
  g_assert_cmpint (story_of (l, f->copy), ==, story_of (l, f->wire));
  g_assert_cmpint (story_of (l, f->anniversary), ==, 0);

  /* what does not exist is refused */
  g_assert_cmpint (dossier_stories_move_sync (l, f->wire, 4242, &error), ==, -1);
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (dossier_stories_move_sync (l, 4242, 0, &error), ==, -1);
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (dossier_stories_join_sync (l, story_of (l, f->wire), 4242, &error), ==, -1);
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
}

static void
on_progress (DossierStories *stories,
             GParamSpec     *pspec,
             double         *max)
{
  *max = MAX (*max, dossier_stories_get_progress (stories));
}

/* The service works in the background after an import and reports its
 * progress. */
static void
test_service (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(DossierStories) stories = dossier_stories_new (f->t.library);
  g_autoptr(GError) error = NULL;
  gboolean updated = FALSE;
  double max = 0;

  g_signal_connect (stories, "notify::progress", G_CALLBACK (on_progress), &max);
  g_signal_connect_swapped (stories, "updated", G_CALLBACK (dossier_test_set_flag), &updated);
  g_assert_true (dossier_stories_get_running (stories));
  dossier_test_wait_until (updated);
  g_assert_false (dossier_stories_get_running (stories));
  g_assert_cmpfloat (max, ==, 1.0);
  g_assert_cmpint (story_of (f->t.library, f->court), >, 0);
  g_signal_handlers_disconnect_by_data (stories, &updated);
  g_signal_handlers_disconnect_by_data (stories, &max);
}

/* The window's list of stories is read beside the store's thread: it
 * arrives while that thread is held busy (as by a batch of quotes), the
 * same as read there */
typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean busy;
  gboolean release;
} Hold;

static void
hold_job (DossierStore *store,
          GTask        *task,
          gpointer      data,
          GCancellable *cancellable)
{
  Hold *hold = data;

  g_mutex_lock (&hold->mutex);
  hold->busy = TRUE;
  g_cond_broadcast (&hold->cond);
  while (!hold->release)
    g_cond_wait (&hold->cond, &hold->mutex);
  g_mutex_unlock (&hold->mutex);
  g_task_return_boolean (task, TRUE);
}

static void
on_listed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = dossier_stories_list_finish (DOSSIER_LIBRARY (source), result, &error);
  g_assert_no_error (error);
}

static void
on_held_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(gboolean *) user_data = g_task_propagate_boolean (G_TASK (result), NULL);
}

static void
test_list_beside_store (Fixture       *f,
                        gconstpointer  data)
{
  DossierLibrary *l = f->t.library;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Hold hold = { 0 };
  gboolean held_done = FALSE;

  update (l, FALSE, 5);
  expected = dossier_stories_list_sync (l, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, ==, 1);

  g_mutex_init (&hold.mutex);
  g_cond_init (&hold.cond);
  task = g_task_new (NULL, NULL, on_held_cb, &held_done);
  dossier_store_submit (dossier_library_get_store (l), task, hold_job, &hold, NULL);
  g_mutex_lock (&hold.mutex);
  while (!hold.busy)
    g_cond_wait (&hold.cond, &hold.mutex);
  g_mutex_unlock (&hold.mutex);

  dossier_stories_list_async (l, NULL, on_listed_cb, &listed);
  dossier_test_wait_until (listed != NULL);
  g_assert_cmpuint (listed->len, ==, expected->len);
  for (guint i = 0; i < listed->len; i++)
    {
      DossierStory *a = g_ptr_array_index (listed, i), *b = g_ptr_array_index (expected, i);

      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpstr (a->first, ==, b->first);
      g_assert_cmpstr (a->last, ==, b->last);
      g_assert_cmpstr (a->first_source, ==, b->first_source);
      g_assert_cmpuint (a->articles->len, ==, b->articles->len);
      g_assert_cmpuint (g_strv_length (a->sources), ==, g_strv_length (b->sources));
    }
  /* the store's thread was busy all along */
  g_assert_false (held_done);

  g_mutex_lock (&hold.mutex);
  hold.release = TRUE;
  g_cond_broadcast (&hold.cond);
  g_mutex_unlock (&hold.mutex);
  dossier_test_wait_until (held_done);
  g_mutex_clear (&hold.mutex);
  g_cond_clear (&hold.cond);
}

static void
test_migrate (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *sql = dossier_test_data_read (NULL, "schema-v4.sql", NULL);
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierStories) stories = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean updated = FALSE;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  library = dossier_library_new (path);
  dossier_library_open_sync (library, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_library_count_sync (library, &error), ==, 3);
  /* the upgraded library is worked on in the background */
  stories = dossier_stories_new (library);
  g_signal_connect_swapped (stories, "updated", G_CALLBACK (dossier_test_set_flag), &updated);
  dossier_test_wait_until (updated);
  list = dossier_stories_similar_sync (library, 3, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >=, 1);
  g_clear_object (&stories);
  {
    g_autoptr(GPtrArray) dates = dossier_dates_list_sync (library, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (dates->len, ==, 1);
  }
  dossier_library_close (library);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "SELECT count(*) FROM sketches", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 3);
  sqlite3_finalize (stmt);
  /* what the library held before counts as read: nothing turns unread */
  sqlite3_prepare_v2 (db, "SELECT count(*) FROM articles WHERE read = 0", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (version, ==, DOSSIER_STORE_SCHEMA_VERSION);
  dossier_test_remove_tree (dir);
}

/* One-word articles, one of 10 MB and 1,000 copies of one text: handled
 * in bounded time, with bounded lists. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  DossierLibrary *l = f->t.library;
  g_autofree char *base = dossier_test_data_read (NULL, "stories", "ferry-wire.txt", NULL);
  g_autoptr(GString) huge = g_string_sized_new (10 * 1024 * 1024);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) stories = NULL;
  gint64 first = 0, big, word;
  gint64 start;

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(DossierArticle) a = dossier_article_new ();
      g_autofree char *body = g_strdup_printf ("%s\n\nCorrection number %u.", base, i);
      gint64 id;

      dossier_article_set_title (a, "Copy");
      dossier_article_set_body (a, body);
      id = dossier_library_add_article_sync (l, a, NULL, &error);
      g_assert_no_error (error);
      if (first == 0)
        first = id;
    }
  {
    g_autoptr(DossierArticle) a = dossier_article_new ();

    dossier_article_set_title (a, "Word");
    dossier_article_set_body (a, "ferry");
    word = dossier_library_add_article_sync (l, a, NULL, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(DossierArticle) a = dossier_article_new ();

    while (huge->len < 10 * 1024 * 1024)
      g_string_append_printf (huge, "word%u and another sentence of the long text. ", (guint) huge->len);
    dossier_article_set_title (a, "Huge");
    dossier_article_set_body (a, huge->str);
    big = dossier_library_add_article_sync (l, a, NULL, &error);
    g_assert_no_error (error);
  }

  start = g_get_monotonic_time ();
  update (l, FALSE, 1007);
  /* a gross slowdown only (the budgets are the benchmark's) */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC * (gint64) dossier_test_slowdown ());

  list = dossier_stories_similar_sync (l, first + 1, 25, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 25);
  g_assert_cmpint (((DossierStoredSimilar *) g_ptr_array_index (list, 0))->relation, ==,
                   DOSSIER_RELATION_NEAR_DUPLICATE);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = dossier_stories_similar_sync (l, word, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (((DossierStoredSimilar *) g_ptr_array_index (list, i))->relation, !=,
                     DOSSIER_RELATION_NEAR_DUPLICATE);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = dossier_stories_similar_sync (l, big, 0, &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  /* the copies are one story */
  stories = dossier_stories_list_sync (l, &error);
  g_assert_no_error (error);
  g_assert_cmpint (story_of (l, first), ==, story_of (l, first + 999));
}

/* An undated article of a story gets its dated neighbours as evidence
 * for its suggested date. */
static void
test_dates_evidence (Fixture       *f,
                     gconstpointer  data)
{
  DossierLibrary *l = f->t.library;
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id;
  gboolean seen = FALSE;

  dossier_article_set_title (a, "Ferry Crews Told to Return");
  /* in words of its own: no passage shared with the others */
  dossier_article_set_body (a, "Lindqvist ferry crews must go back to their boats, a Marrow judge ruled, "
                               "ending the walkout over night shifts at Kestrel Lines.\n\n"
                               "Petra Holm of the union accepted the order; Ilse Brandt, the mayor, praised it.");
  id = dossier_library_add_article_sync (l, a, NULL, &error);
  g_assert_no_error (error);
  update (l, FALSE, 6);
  g_assert_cmpint (story_of (l, id), ==, story_of (l, f->wire));

  g_assert_cmpint (dossier_dates_suggest_sync (l, TRUE, NULL, &error), >=, 1);
  g_assert_no_error (error);
  list = dossier_dates_list_sync (l, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      DossierStoredSuggestion *s = g_ptr_array_index (list, i);

      if (s->article_id != id)
        continue;
      seen = TRUE;
      g_assert_cmpint (s->date.year, ==, 2014);
      g_assert_cmpint (s->date.month, ==, 6);
      g_assert_nonnull (s->evidence[0]);
      g_test_message ("evidence: %s", s->evidence[0]);
      g_assert_true (g_str_has_prefix (s->evidence[0], "the same story as ‘") ||
                     g_str_has_prefix (s->evidence[0], "a copy of ‘"));
    }
  g_assert_true (seen);
}

/* the evidence of @id's open suggestion, NULL when it has none */
static char *
suggestion_evidence (DossierLibrary *library,
                     gint64          id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = dossier_dates_list_sync (library, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      DossierStoredSuggestion *s = g_ptr_array_index (list, i);

      if (s->article_id == id && s->evidence != NULL && s->evidence[0] != NULL)
        return g_strjoinv ("\n", s->evidence);
    }
  return NULL;
}

static gboolean
suggested_from_story (DossierLibrary *library,
                      gint64          id)
{
  g_autofree char *evidence = suggestion_evidence (library, id);

  return evidence != NULL && strstr (evidence, "the same story as ‘") != NULL;
}

/* An undated report imported with dated ones of the same event shares no
 * passage with them, so the suggestions made right after the import have
 * nothing from the library; once the background grouping puts it in their
 * story, the suggestions are worked out again and take its date from them. */
static void
test_dates_after_grouping (Fixture       *f,
                           gconstpointer  data)
{
  DossierLibrary *l = f->t.library;
  g_autoptr(DossierStories) stories = NULL;
  g_autofree char *evidence = NULL;
  gboolean updated = FALSE;
  gint64 id;

  id = add_file (l, "ferry-undated.txt");
  dossier_test_wait_until (!dossier_dates_get_suggesting (l));
  evidence = suggestion_evidence (l, id);
  g_assert_false (evidence != NULL && strstr (evidence, "the same story as") != NULL);
  g_assert_cmpint (story_of (l, id), ==, 0);

  stories = dossier_stories_new (l);
  g_signal_connect_swapped (stories, "updated", G_CALLBACK (dossier_test_set_flag), &updated);
  dossier_test_wait_until (updated);
  g_assert_cmpint (story_of (l, id), ==, story_of (l, f->wire));
  dossier_test_poll_until (!dossier_dates_get_suggesting (l) && suggested_from_story (l, id));
  g_clear_pointer (&evidence, g_free);
  evidence = suggestion_evidence (l, id);
  g_test_message ("evidence: %s", evidence);
  g_assert_nonnull (strstr (evidence, "3 Jun 2014"));
  /* a run the suggestions set off may outlive the test: it must not
   * reach this frame's flag */
  g_signal_handlers_disconnect_by_data (stories, &updated);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Dossier/Stories/relations", Fixture, NULL, fixture_setup, test_relations, fixture_teardown);
  g_test_add ("/Dossier/Stories/waiting", Fixture, NULL, fixture_setup, test_waiting, fixture_teardown);
  g_test_add ("/Dossier/Stories/reprint-years-later", Fixture, NULL, fixture_setup, test_reprint_years_later, fixture_teardown);
  g_test_add ("/Dossier/Stories/corrections", Fixture, NULL, fixture_setup, test_corrections, fixture_teardown);
  g_test_add ("/Dossier/Stories/service", Fixture, NULL, fixture_setup, test_service, fixture_teardown);
  g_test_add ("/Dossier/Stories/bad-input", Fixture, NULL, fixture_setup, test_bad_input, fixture_teardown);
  g_test_add ("/Dossier/Stories/dates-evidence", Fixture, NULL, fixture_setup, test_dates_evidence, fixture_teardown);
  g_test_add ("/Dossier/Stories/dates-after-grouping", Fixture, NULL, fixture_setup, test_dates_after_grouping, fixture_teardown);
  g_test_add ("/Dossier/Stories/list-beside-store", Fixture, NULL, fixture_setup, test_list_beside_store, fixture_teardown);
  g_test_add_func ("/Dossier/Stories/migrate", test_migrate);
  g_test_add_func ("/Dossier/Stories/index", test_index);
  g_test_add_func ("/Dossier/Stories/index-reference", test_index_reference);
  return g_test_run ();
}
