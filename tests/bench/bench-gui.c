/* bench-gui.c — start-up, scrolling and timeline frame times of the real
 * window, for build-aux/bench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-gui LIBRARY [FRAMES] [--stories]
 *
 * Runs the application as `dossier --library LIBRARY` would (non-unique,
 * so no D-Bus is needed) and records, from the window's GdkFrameClock:
 *  - the first frame: the monotonic time of its "after-paint" (the driver
 *    subtracts the time it started the process) and the peak RSS then;
 *  - the first frame that shows rows of the list;
 *  - list scrolling: FRAMES frames, each moving the list's vertical
 *    adjustment on by 600 px, then FRAMES/4 jumps to random places;
 *  - the timeline: FRAMES frames zooming in by 6 % each, then out, then
 *    panning;
 * and prints one JSON object.  With --stories, only the Stories section:
 * FRAMES/10 times from choosing it to the first frame that draws rows
 * (stories_rows: the list the window read in the background after its
 * start, or kept from the last opening), and, as each opening also reads
 * the list anew (as after a change of the library), to the first frame
 * after that list is in (stories_open); the first opening's times are
 * also given alone.  A frame's time is from its "before-paint" to its
 * "after-paint": update,
 * layout, snapshot and render.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-application.h"
#include "dossier-window-private.h"
#include "dossier-timeline.h"
#include "dossier-stories-view.h"
#include "dossier-importer.h"
#include <glib/gstdio.h>

typedef enum
{
  PHASE_START,      /* waiting for the list and the timeline to fill */
  PHASE_SCROLL,
  PHASE_JUMP,
  PHASE_ZOOM_IN,
  PHASE_ZOOM_OUT,
  PHASE_PAN,
  PHASE_STORIES,    /* only with --stories */
  PHASE_STORIES_ROWS,
  PHASE_STORIES_FIX, /* only with --stories: after a correction */
  PHASE_STORIES_CHANGE, /* only with --stories: after a delete, then an import */
  PHASE_DONE,
} Phase;

static const char * const phase_names[] = {
  "start", "scroll", "jump", "zoom_in", "zoom_out", "pan", "stories_open", "stories_rows", "stories_corrected", "stories_deleted",
  "done"
};

typedef struct
{
  GtkApplication *app;
  DossierWindow  *window;
  GdkFrameClock  *clock;
  guint           frames;
  Phase           phase;
  guint           phase_frame;
  guint           settling;       /* quiet frames before a phase, not recorded */
  gint64          t_before;
  gint64          t_main;
  gint64          t_first_frame;
  gint64          t_first_rows;
  gint64          t_first_points;
  gint64          hwm_first_frame_kb;
  gint64          rss_first_frame_kb;
  guint           n_items;
  guint           settle;
  GArray         *times[PHASE_DONE];  /* ms per frame, per phase */
  GRand          *rand;
  gboolean        stories_mode;
  gboolean        stories_waiting;  /* the section was chosen, not shown yet */
  gboolean        stories_loaded;   /* the list read is in (its first rows at least) */
  gboolean        stories_drawn;    /* a frame drew rows since it was chosen */
  gint64          t_stories;
  double          stories_first_ms;
  double          stories_rows_first_ms;
  gboolean        fix_busy;         /* a correction is being made or read */
  gboolean        fix_read;         /* its stories are read again */
  gint64          t_fix;            /* when it was made */
  gint64          fix_story;        /* the story an article moves out of and back into */
  gint64          fix_article;
  gint64          fix_new;          /* the story of its own it was moved into */
  /* a delete, then the same text imported again */
  gboolean        chg_busy;
  gboolean        chg_import;       /* the step is the import */
  gboolean        chg_saved;        /* the delete or import is saved */
  gboolean        chg_loaded;       /* the section read stories since */
  gboolean        chg_grouped;      /* the grouping after the import ran */
  gint64          t_saved;
  gint64          t_grouped;
  guint           chg_next;         /* where the next story is looked for */
  char           *chg_dir;
  char           *chg_file;         /* the deleted article, as a file */
  GArray         *imported;         /* ms from the import saved to its rows drawn */
  GArray         *imported_grouped; /* ms from its grouping done to its rows drawn */
} Bench;

static Bench bench;

static gint64
proc_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, field);
  if (p == NULL)
    return -1;
  return g_ascii_strtoll (p + strlen (field) + 1, NULL, 10);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_stats (const char *name,
             GArray     *ms)
{
  double sum = 0;
  guint p95;

  g_array_sort (ms, compare_double);
  for (guint i = 0; i < ms->len; i++)
    sum += g_array_index (ms, double, i);
  p95 = ms->len ? MIN (ms->len - 1, (guint) (0.95 * (ms->len - 1) + 0.5)) : 0;
  printf ("\"%s\": {\"frames\": %u, \"mean_ms\": %.2f, \"p50_ms\": %.2f, \"p95_ms\": %.2f, \"max_ms\": %.2f}",
          name, ms->len, ms->len ? sum / ms->len : 0,
          ms->len ? g_array_index (ms, double, ms->len / 2) : 0,
          ms->len ? g_array_index (ms, double, p95) : 0,
          ms->len ? g_array_index (ms, double, ms->len - 1) : 0);
}

static void
finish (void)
{
  g_autoptr(GArray) scroll = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) timeline = g_array_new (FALSE, FALSE, sizeof (double));

  g_array_append_vals (scroll, bench.times[PHASE_SCROLL]->data, bench.times[PHASE_SCROLL]->len);
  g_array_append_vals (scroll, bench.times[PHASE_JUMP]->data, bench.times[PHASE_JUMP]->len);
  for (Phase p = PHASE_ZOOM_IN; p <= PHASE_PAN; p++)
    g_array_append_vals (timeline, bench.times[p]->data, bench.times[p]->len);

  printf ("{\"articles\": %u, \"t_main_us\": %" G_GINT64_FORMAT ", \"t_first_frame_us\": %" G_GINT64_FORMAT
          ", \"t_first_rows_us\": %" G_GINT64_FORMAT ", \"t_first_points_us\": %" G_GINT64_FORMAT
          ", \"main_to_first_frame_ms\": %.1f"
          ", \"hwm_first_frame_kb\": %" G_GINT64_FORMAT ", \"rss_first_frame_kb\": %" G_GINT64_FORMAT
          ", \"hwm_end_kb\": %" G_GINT64_FORMAT ", \"loaded_rows_end\": %u, ",
          bench.n_items, bench.t_main, bench.t_first_frame, bench.t_first_rows, bench.t_first_points,
          (bench.t_first_frame - bench.t_main) / 1000.0,
          bench.hwm_first_frame_kb, bench.rss_first_frame_kb, proc_status_kb ("VmHWM:"),
          dossier_article_list_get_n_loaded (bench.window->articles));
  for (Phase p = PHASE_SCROLL; p < PHASE_STORIES_ROWS; p++)
    {
      print_stats (phase_names[p], bench.times[p]);
      printf (", ");
    }
  print_stats ("list_scroll", scroll);
  printf (", ");
  print_stats ("timeline", timeline);
  printf (", ");
  print_stats (phase_names[PHASE_STORIES_ROWS], bench.times[PHASE_STORIES_ROWS]);
  printf (", ");
  print_stats (phase_names[PHASE_STORIES_FIX], bench.times[PHASE_STORIES_FIX]);
  printf (", ");
  print_stats (phase_names[PHASE_STORIES_CHANGE], bench.times[PHASE_STORIES_CHANGE]);
  printf (", ");
  print_stats ("stories_imported", bench.imported);
  printf (", ");
  print_stats ("stories_imported_after_grouping", bench.imported_grouped);
  printf (", \"stories_first_ms\": %.2f", bench.times[PHASE_STORIES]->len > 0 ? bench.stories_first_ms : 0);
  printf (", \"stories_rows_first_ms\": %.2f", bench.times[PHASE_STORIES_ROWS]->len > 0 ? bench.stories_rows_first_ms : 0);
  printf (", \"stories\": %u}\n", g_list_model_get_n_items (dossier_stories_view_get_model (DOSSIER_STORIES_VIEW (bench.window->stories_view))));
  fflush (stdout);
  g_application_quit (G_APPLICATION (bench.app));
}

static void
next_phase (void)
{
  if (bench.stories_mode && bench.phase == PHASE_START)
    bench.phase = PHASE_STORIES;
  else if (bench.phase == PHASE_STORIES)
    bench.phase = PHASE_STORIES_FIX;
  else if (bench.phase == PHASE_STORIES_FIX)
    bench.phase = PHASE_STORIES_CHANGE;
  else if (bench.phase == PHASE_STORIES_CHANGE)
    bench.phase = PHASE_DONE;
  else if (!bench.stories_mode && bench.phase == PHASE_PAN)
    bench.phase = PHASE_DONE;
  else
    bench.phase++;
  bench.phase_frame = 0;
  /* let the last phase's late work (rows whose page arrives after a
   * jump) land before this phase's frames are timed */
  bench.settling = 15;
  if (bench.phase == PHASE_DONE)
    finish ();
}

static guint
phase_length (Phase p)
{
  switch (p)
    {
    case PHASE_JUMP:
      return MAX (bench.frames / 4, 1);
    case PHASE_PAN:
      return MAX (bench.frames / 2, 1);
    case PHASE_STORIES:
    case PHASE_STORIES_FIX:
      return MAX (bench.frames / 10, 3);
    case PHASE_STORIES_CHANGE:
      return MAX (bench.frames / 40, 2);
    default:
      return bench.frames;
    }
}

static void
on_moved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean back = GPOINTER_TO_SIZE (user_data) != 0;
  gint64 from = back ? bench.fix_new : bench.fix_story;
  gint64 to = dossier_stories_move_finish (DOSSIER_LIBRARY (source), result, &error);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (to < 0)
    {
      fprintf (stderr, "bench-gui: %s\n", error->message);
      exit (1);
    }
  /* out: from the story to a new one; back: from that one (gone now
   * that it has no article) into the story */
  if (!back)
    bench.fix_new = to;
  g_array_append_val (touched, bench.fix_story);
  if (to != bench.fix_story)
    g_array_append_val (touched, to);
  if (from != 0 && from != bench.fix_story && from != to)
    g_array_append_val (touched, from);
  bench.t_fix = g_get_monotonic_time ();
  bench.fix_read = FALSE;
  _dossier_window_stories_corrected (bench.window, touched);
}

/* an article of the first story of three or more moves out of it, then
 * back (a story left with one article is no story) */
static void
correct (void)
{
  GListModel *model = dossier_stories_view_get_model (DOSSIER_STORIES_VIEW (bench.window->stories_view));
  gboolean back = bench.fix_story != 0 && bench.phase_frame % 2 == 1;

  if (bench.fix_story == 0)
    for (guint i = 0; i < g_list_model_get_n_items (model) && bench.fix_story == 0; i++)
      {
        g_autoptr(DossierStoryItem) item = g_list_model_get_item (model, i);
        const DossierStory *story = dossier_story_item_get_story (item);

        if (story->articles->len >= 3)
          {
            bench.fix_story = story->id;
            bench.fix_article = g_array_index (story->articles, gint64, story->articles->len - 1);
          }
      }
  bench.fix_busy = TRUE;
  bench.fix_read = FALSE;
  bench.t_fix = 0;
  dossier_stories_move_async (bench.window->library, bench.fix_article, back ? bench.fix_story : 0,
                              NULL, on_moved_cb, GSIZE_TO_POINTER (back));
}

static void
on_deleted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  DossierDeletedArticle *deleted = dossier_library_delete_article_finish (DOSSIER_LIBRARY (source), result, &error);
  DossierArticle *a;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (deleted == NULL)
    {
      fprintf (stderr, "bench-gui: %s\n", error->message);
      exit (1);
    }
  bench.t_saved = g_get_monotonic_time ();
  bench.chg_saved = TRUE;
  /* the article as a text file, for the import that follows */
  a = dossier_deleted_article_get_article (deleted);
  date = dossier_article_get_published (a) != NULL ? dossier_date_to_string (dossier_article_get_published (a)) : NULL;
  text = g_strdup_printf ("%s\n\n%s\n\n%s\n\n%s\n", dossier_article_get_title (a),
                          dossier_article_get_source (a) ? dossier_article_get_source (a) : "",
                          date ? date : "", dossier_article_get_body (a) ? dossier_article_get_body (a) : "");
  g_free (bench.chg_file);
  bench.chg_file = g_build_filename (bench.chg_dir, "article.txt", NULL);
  if (!g_file_set_contents (bench.chg_file, text, -1, &error))
    {
      fprintf (stderr, "bench-gui: %s\n", error->message);
      exit (1);
    }
  dossier_deleted_article_free (deleted);
  gtk_widget_queue_draw (GTK_WIDGET (bench.window));
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = dossier_importer_run_finish (DOSSIER_IMPORTER (source), result, &error);

  if (results == NULL)
    {
      fprintf (stderr, "bench-gui: %s\n", error->message);
      exit (1);
    }
  bench.t_saved = g_get_monotonic_time ();
  bench.chg_saved = TRUE;
  g_object_unref (source);
}

static void
on_grouped_cb (void)
{
  if (bench.phase == PHASE_STORIES_CHANGE && bench.chg_busy && bench.chg_import &&
      dossier_stories_get_grouped (bench.window->stories))
    {
      bench.t_grouped = g_get_monotonic_time ();
      bench.chg_grouped = TRUE;
      bench.chg_loaded = FALSE;
    }
}

/* the last article of a story of three or more is deleted (as the
 * window's Delete does), then its text imported again, which the
 * grouping after the import puts back into that story */
static void
change (void)
{
  GListModel *model = dossier_stories_view_get_model (DOSSIER_STORIES_VIEW (bench.window->stories_view));
  gint64 article = 0;

  bench.chg_busy = TRUE;
  bench.chg_saved = FALSE;
  bench.chg_loaded = FALSE;
  bench.chg_grouped = FALSE;
  if (bench.chg_import)
    {
      const char *paths[] = { bench.chg_file, NULL };
      DossierImporter *importer = dossier_importer_new (bench.window->library);

      dossier_importer_run_async (importer, paths, NULL, NULL, NULL, NULL, on_imported_cb, NULL);
      return;
    }
  for (guint i = bench.chg_next; i < g_list_model_get_n_items (model) && article == 0; i++)
    {
      g_autoptr(DossierStoryItem) item = g_list_model_get_item (model, i);
      const DossierStory *story = dossier_story_item_get_story (item);

      if (story->articles->len >= 3)
        {
          article = g_array_index (story->articles, gint64, story->articles->len - 1);
          bench.chg_next = i + 1;
        }
    }
  if (article == 0)
    {
      fprintf (stderr, "bench-gui: no story of three articles left\n");
      exit (1);
    }
  dossier_library_delete_article_async (bench.window->library, article, NULL, on_deleted_cb, NULL);
}

/* moves things on, in the frame's update phase */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  DossierTimeline *timeline = DOSSIER_TIMELINE (bench.window->timeline);
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (bench.window->article_list));
  double start, end, width;

  if (bench.phase == PHASE_START)
    return G_SOURCE_CONTINUE;
  if (bench.phase == PHASE_DONE)
    return G_SOURCE_REMOVE;
  if (bench.phase_frame >= phase_length (bench.phase))
    next_phase ();
  if (bench.settling > 0)
    return G_SOURCE_CONTINUE;

  switch (bench.phase)
    {
    case PHASE_SCROLL:
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + 600);
      break;
    case PHASE_JUMP:
      gtk_adjustment_set_value (adj, g_rand_double_range (bench.rand, 0,
                                                          gtk_adjustment_get_upper (adj) -
                                                          gtk_adjustment_get_page_size (adj)));
      break;
    case PHASE_ZOOM_IN:
      dossier_timeline_zoom (timeline, 1.06);
      break;
    case PHASE_ZOOM_OUT:
      dossier_timeline_zoom (timeline, 1 / 1.06);
      break;
    case PHASE_PAN:
      dossier_timeline_get_visible_range (timeline, &start, &end);
      width = end - start;
      if (bench.phase_frame == 0)
        {
          /* a year in view, panning through it */
          start = start + (width - 365) / 2;
          width = 365;
        }
      dossier_timeline_set_visible_range (timeline, start + width / 20, start + width / 20 + width);
      break;
    case PHASE_STORIES:
      if (!bench.stories_waiting)
        {
          /* from the articles to the stories, read anew each time */
          adw_view_stack_set_visible_child_name (bench.window->sections, "articles");
          bench.window->stories_stale = TRUE;
          bench.stories_waiting = TRUE;
          bench.stories_loaded = FALSE;
          bench.stories_drawn = FALSE;
          bench.t_stories = g_get_monotonic_time ();
          adw_view_stack_set_visible_child_name (bench.window->sections, "stories");
        }
      break;
    case PHASE_STORIES_FIX:
      if (!bench.fix_busy)
        correct ();
      break;
    case PHASE_STORIES_CHANGE:
      if (!bench.chg_busy)
        change ();
      break;
    case PHASE_START:
    case PHASE_DONE:
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

static void
on_before_paint_cb (GdkFrameClock *clock,
                    gpointer       user_data)
{
  bench.t_before = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();
  GListModel *model;

  if (bench.t_first_frame == 0)
    {
      bench.t_first_frame = now;
      bench.hwm_first_frame_kb = proc_status_kb ("VmHWM:");
      bench.rss_first_frame_kb = proc_status_kb ("VmRSS:");
    }
  model = G_LIST_MODEL (bench.window->articles);
  bench.n_items = g_list_model_get_n_items (model);
  if (bench.t_first_rows == 0 && bench.n_items > 0 && dossier_article_list_get_n_loaded (bench.window->articles) > 0)
    bench.t_first_rows = now;
  if (bench.t_first_points == 0 && dossier_timeline_get_n_points (DOSSIER_TIMELINE (bench.window->timeline)) > 0)
    bench.t_first_points = now;

  if (bench.phase == PHASE_START)
    {
      /* a few quiet frames after everything arrived */
      if (bench.t_first_rows != 0 && bench.t_first_points != 0 && ++bench.settle > 10)
        next_phase ();
      gtk_widget_queue_draw (GTK_WIDGET (bench.window));
      return;
    }
  if (bench.settling > 0)
    {
      bench.settling--;
      gtk_widget_queue_draw (GTK_WIDGET (bench.window));
      return;
    }
  if (bench.phase == PHASE_STORIES_FIX)
    {
      if (bench.fix_busy && bench.t_fix != 0 && bench.fix_read)
        {
          double ms = (now - bench.t_fix) / 1000.0;

          g_array_append_val (bench.times[PHASE_STORIES_FIX], ms);
          bench.fix_busy = FALSE;
          bench.phase_frame++;
        }
      gtk_widget_queue_draw (GTK_WIDGET (bench.window));
      return;
    }
  if (bench.phase == PHASE_STORIES_CHANGE)
    {
      if (bench.chg_busy && !bench.chg_import && bench.chg_saved && bench.chg_loaded)
        {
          double ms = (now - bench.t_saved) / 1000.0;

          g_array_append_val (bench.times[PHASE_STORIES_CHANGE], ms);
          bench.chg_busy = FALSE;
          bench.chg_import = TRUE;
          bench.settling = 30;
        }
      else if (bench.chg_busy && bench.chg_import && bench.chg_saved && bench.chg_grouped && bench.chg_loaded)
        {
          double ms = (now - bench.t_saved) / 1000.0;

          g_array_append_val (bench.imported, ms);
          ms = (now - bench.t_grouped) / 1000.0;
          g_array_append_val (bench.imported_grouped, ms);
          bench.chg_busy = FALSE;
          bench.chg_import = FALSE;
          bench.phase_frame++;
          bench.settling = 30;
        }
      gtk_widget_queue_draw (GTK_WIDGET (bench.window));
      return;
    }
  if (bench.phase == PHASE_STORIES)
    {
      if (bench.stories_waiting && !bench.stories_drawn &&
          dossier_stories_view_get_n_shown (DOSSIER_STORIES_VIEW (bench.window->stories_view)) > 0)
        {
          double ms = (now - bench.t_stories) / 1000.0;

          if (bench.times[PHASE_STORIES_ROWS]->len == 0)
            bench.stories_rows_first_ms = ms;
          g_array_append_val (bench.times[PHASE_STORIES_ROWS], ms);
          bench.stories_drawn = TRUE;
        }
      if (bench.stories_waiting && bench.stories_loaded)
        {
          double ms = (now - bench.t_stories) / 1000.0;

          if (bench.times[PHASE_STORIES]->len == 0)
            bench.stories_first_ms = ms;
          g_array_append_val (bench.times[PHASE_STORIES], ms);
          bench.stories_waiting = FALSE;
          bench.phase_frame++;
        }
      gtk_widget_queue_draw (GTK_WIDGET (bench.window));
      return;
    }
  if (bench.phase < PHASE_DONE && bench.t_before != 0)
    {
      double ms = (now - bench.t_before) / 1000.0;

      g_array_append_val (bench.times[bench.phase], ms);
      bench.phase_frame++;
    }
}

static void
on_stories_loaded_cb (void)
{
  bench.stories_loaded = TRUE;
  bench.fix_read = TRUE;
  bench.chg_loaded = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (bench.window));
}

static void
on_window_realize_cb (GtkWidget *widget,
                      gpointer   user_data)
{
  bench.clock = gtk_widget_get_frame_clock (widget);
  g_signal_connect (bench.clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect_after (bench.clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  gtk_widget_add_tick_callback (widget, tick_cb, NULL, NULL);
  g_signal_connect (bench.window->stories_view, "loaded", G_CALLBACK (on_stories_loaded_cb), NULL);
  g_signal_connect (bench.window->stories, "updated", G_CALLBACK (on_grouped_cb), NULL);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    gpointer        user_data)
{
  if (!DOSSIER_IS_WINDOW (window) || bench.window != NULL)
    return;
  bench.window = DOSSIER_WINDOW (window);
  gtk_window_set_default_size (window, 1280, 800);
  g_signal_connect_after (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  fprintf (stderr, "bench-gui: timed out in phase %s\n", phase_names[bench.phase]);
  exit (1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DossierApplication) app = NULL;
  char *app_argv[4];
  int status;

  bench.t_main = g_get_monotonic_time ();
  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-gui LIBRARY [FRAMES] [--stories]\n");
      return 2;
    }
  bench.frames = argc > 2 ? (guint) atoi (argv[2]) : 240;
  bench.stories_mode = argc > 3 && strcmp (argv[3], "--stories") == 0;
  bench.rand = g_rand_new_with_seed (42);
  for (Phase p = 0; p < PHASE_DONE; p++)
    bench.times[p] = g_array_new (FALSE, FALSE, sizeof (double));
  bench.imported = g_array_new (FALSE, FALSE, sizeof (double));
  bench.imported_grouped = g_array_new (FALSE, FALSE, sizeof (double));
  bench.chg_dir = g_dir_make_tmp ("bench-gui-XXXXXX", NULL);
  if (bench.chg_dir == NULL)
    return 1;

  app = dossier_application_new ();
  bench.app = GTK_APPLICATION (app);
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);
  /* an import at 100,000 articles waits for its grouping, seconds */
  g_timeout_add_seconds (bench.stories_mode ? 400 : 120, on_timeout_cb, NULL);

  app_argv[0] = argv[0];
  app_argv[1] = (char *) "--library";
  app_argv[2] = argv[1];
  app_argv[3] = NULL;
  status = g_application_run (G_APPLICATION (app), 3, app_argv);
  if (bench.chg_file != NULL)
    g_unlink (bench.chg_file);
  g_rmdir (bench.chg_dir);
  return bench.phase == PHASE_DONE ? status : 1;
}
