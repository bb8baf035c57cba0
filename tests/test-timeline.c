/* test-timeline.c — DossierTimeline in a window: clicks, zoom, ranges, keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include "dossier-timeline.h"
#include "dossier-timeline-private.h"
#include "dossier-window-private.h"
#include "dossier-test-util.h"

#define WIDTH  1000
#define HEIGHT 300

typedef struct
{
  GtkWidget       *window;
  DossierTimeline *timeline;
  guint            n_activated;
  gint64           activated;
  guint            n_ranges;
  gint64           from, to;
  guint            n_cleared;
} Fixture;

static gint64
jd (int year,
    int month,
    int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&d);
}

static void
on_activated (DossierTimeline *timeline,
              gint64           id,
              Fixture         *f)
{
  f->n_activated++;
  f->activated = id;
}

static void
on_range (DossierTimeline *timeline,
          gint64           from,
          gint64           to,
          Fixture         *f)
{
  f->n_ranges++;
  f->from = from;
  f->to = to;
}

static void
on_cleared (DossierTimeline *timeline,
            Fixture         *f)
{
  f->n_cleared++;
}

static char *
title_for (gint64   id,
           gpointer data)
{
  return g_strdup_printf ("Article <%" G_GINT64_FORMAT ">", id);
}

static GArray *
make_points (void)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  const char *sources[] = { "Reuters", "TASS" };

  /* one a fortnight through 2012, alternating sources, and two undated */
  for (guint i = 0; i < 26; i++)
    {
      DossierTimelinePoint p = { i + 1, jd (2012, 1, 1) + 14 * i, 3, i % 3,
                                 g_intern_string (sources[i % 2]) };
      g_array_append_val (points, p);
    }
  for (guint i = 0; i < 2; i++)
    {
      DossierTimelinePoint p = { 100 + i, -1, 0, 0, g_intern_string ("Reuters") };
      g_array_append_val (points, p);
    }
  return points;
}

static void
wait_for_size (GtkWidget *widget)
{
  dossier_test_poll_until (gtk_widget_get_width (widget) == WIDTH && gtk_widget_get_height (widget) == HEIGHT);
  g_assert_cmpint (gtk_widget_get_width (widget), ==, WIDTH);
  g_assert_cmpint (gtk_widget_get_height (widget), ==, HEIGHT);
}

static void
fixture_setup (Fixture *f)
{
  g_autoptr(GArray) points = make_points ();

  memset (f, 0, sizeof *f);
  f->window = gtk_window_new ();
  f->timeline = dossier_timeline_new ();
  gtk_widget_set_size_request (GTK_WIDGET (f->timeline), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->timeline));
  gtk_window_set_resizable (GTK_WINDOW (f->window), FALSE);
  dossier_timeline_set_title_func (f->timeline, title_for, NULL, NULL);
  dossier_timeline_set_points (f->timeline, points);
  g_signal_connect (f->timeline, "article-activated", G_CALLBACK (on_activated), f);
  g_signal_connect (f->timeline, "range-selected", G_CALLBACK (on_range), f);
  g_signal_connect (f->timeline, "range-cleared", G_CALLBACK (on_cleared), f);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_size (GTK_WIDGET (f->timeline));
}

static void
fixture_teardown (Fixture *f)
{
  g_object_ref (f->timeline);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->timeline);
}

static const DossierTimelineLayout *
layout_of (Fixture *f)
{
  return dossier_timeline_model_layout (_dossier_timeline_get_model (f->timeline), WIDTH, HEIGHT);
}

static gboolean
find_box (Fixture            *f,
          gint64              id,
          DossierTimelineBox *out)
{
  const DossierTimelineLayout *l = layout_of (f);

  for (guint i = 0; i < l->boxes->len; i++)
    {
      const DossierTimelineBox *b = &g_array_index (l->boxes, DossierTimelineBox, i);

      if (b->overflow == 0 && b->id == id)
        {
          *out = *b;
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_click (void)
{
  Fixture f;
  DossierTimelineBox box;
  g_autofree char *tip = NULL;

  fixture_setup (&f);
  g_assert_cmpint (dossier_timeline_get_selected_id (f.timeline), ==, -1);

  /* the whole year fits: every article is a box */
  g_assert_true (find_box (&f, 5, &box));
  _dossier_timeline_click (f.timeline, box.x + box.width / 2, box.y + box.height / 2);
  g_assert_cmpuint (f.n_activated, ==, 1);
  g_assert_cmpint (f.activated, ==, 5);
  g_assert_cmpint (dossier_timeline_get_selected_id (f.timeline), ==, 5);

  /* the tooltip names it, with its date */
  tip = _dossier_timeline_tooltip (f.timeline, box.x + 2, box.y + 2);
  g_assert_nonnull (strstr (tip, "Article &lt;5&gt;"));
  g_assert_nonnull (strstr (tip, "26 February 2012"));
  g_assert_nonnull (strstr (tip, "1 note"));

  /* an undated one too */
  g_assert_true (find_box (&f, 101, &box));
  _dossier_timeline_click (f.timeline, box.x + 2, box.y + 2);
  g_assert_cmpuint (f.n_activated, ==, 2);
  g_assert_cmpint (f.activated, ==, 101);

  /* empty space and the axis band open nothing */
  _dossier_timeline_click (f.timeline, 3, HEIGHT / 2.0);
  _dossier_timeline_click (f.timeline, WIDTH / 2.0, 5);
  g_assert_cmpuint (f.n_activated, ==, 2);
  g_assert_cmpuint (f.n_ranges, ==, 0);

  fixture_teardown (&f);
}

static void
test_zoom (void)
{
  Fixture f;
  DossierTimelineModel *model;
  double start, end, start2, end2, anchor;
  DossierTimelineUnit unit, last_unit;
  guint changes = 0;

  fixture_setup (&f);
  model = _dossier_timeline_get_model (f.timeline);
  dossier_timeline_get_visible_range (f.timeline, &start, &end);
  unit = layout_of (&f)->tick_unit;

  dossier_timeline_zoom (f.timeline, 2);
  dossier_timeline_get_visible_range (f.timeline, &start2, &end2);
  g_assert_cmpfloat_with_epsilon (end2 - start2, (end - start) / 2, 1e-6);

  /* zooming in all the way goes down to days, out again to years */
  last_unit = unit;
  for (guint i = 0; i < 20; i++)
    {
      g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_plus, 0));
      if (layout_of (&f)->tick_unit != last_unit)
        {
          g_assert_cmpint (layout_of (&f)->tick_unit, <, last_unit);
          last_unit = layout_of (&f)->tick_unit;
          changes++;
        }
    }
  g_assert_cmpint (last_unit, ==, DOSSIER_TIMELINE_UNIT_DAY);
  g_assert_cmpuint (changes, >=, 2);
  dossier_timeline_get_visible_range (f.timeline, &start2, &end2);
  g_assert_cmpfloat_with_epsilon (end2 - start2, DOSSIER_TIMELINE_MIN_SPAN, 1e-6);
  for (guint i = 0; i < 20; i++)
    g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_minus, 0));
  g_assert_cmpint (layout_of (&f)->tick_unit, >=, DOSSIER_TIMELINE_UNIT_YEAR);

  /* Ctrl+wheel zooms about the pointer */
  dossier_timeline_set_visible_range (f.timeline, jd (2012, 1, 1), jd (2013, 1, 1));
  anchor = dossier_timeline_model_julian_at_x (model, WIDTH, 300);
  _dossier_timeline_scroll (f.timeline, 300, 0, -1, GDK_CONTROL_MASK);
  dossier_timeline_get_visible_range (f.timeline, &start2, &end2);
  g_assert_cmpfloat (end2 - start2, <, jd (2013, 1, 1) - jd (2012, 1, 1));
  g_assert_cmpfloat_with_epsilon (dossier_timeline_model_x_at_julian (model, WIDTH, anchor), 300, 1e-6);
  _dossier_timeline_scroll (f.timeline, 300, 0, 1, GDK_CONTROL_MASK);
  dossier_timeline_get_visible_range (f.timeline, &start2, &end2);
  g_assert_cmpfloat_with_epsilon (start2, jd (2012, 1, 1), 1e-6);
  g_assert_cmpfloat_with_epsilon (end2, jd (2013, 1, 1), 1e-6);

  /* the wheel alone pans, later for down/right */
  _dossier_timeline_scroll (f.timeline, 300, 0, 1, 0);
  dossier_timeline_get_visible_range (f.timeline, &start2, &end2);
  g_assert_cmpfloat (start2, >, jd (2012, 1, 1));
  g_assert_cmpfloat_with_epsilon (end2 - start2, jd (2013, 1, 1) - jd (2012, 1, 1), 1e-6);

  /* Home fits everything again */
  g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Home, 0));
  dossier_timeline_get_visible_range (f.timeline, &start2, &end2);
  g_assert_cmpfloat (start2, <=, jd (2012, 1, 1));
  g_assert_cmpfloat (end2, >, jd (2012, 1, 1) + 14 * 25);
  g_assert_cmpfloat (end2 - start2, <, 400);

  fixture_teardown (&f);
}

static void
test_range (void)
{
  Fixture f;
  DossierTimelineModel *model;
  gint64 from, to;
  double start, end, start2, end2;
  double axis;

  fixture_setup (&f);
  model = _dossier_timeline_get_model (f.timeline);
  axis = dossier_timeline_model_get_metrics (model)->axis_height;
  dossier_timeline_set_visible_range (f.timeline, jd (2012, 1, 1), jd (2012, 1, 1) + 100);

  /* Shift+drag over the lanes selects days */
  _dossier_timeline_drag (f.timeline, 200, HEIGHT - 40, 605, HEIGHT - 40, GDK_SHIFT_MASK);
  g_assert_cmpuint (f.n_ranges, ==, 1);
  g_assert_cmpint (f.from, ==, jd (2012, 1, 1) + 20);
  g_assert_cmpint (f.to, ==, jd (2012, 1, 1) + 60);
  g_assert_true (dossier_timeline_get_selected_range (f.timeline, &from, &to));
  g_assert_cmpint (from, ==, f.from);
  g_assert_cmpint (to, ==, f.to);

  /* so does a plain drag in the date band, right to left too */
  _dossier_timeline_drag (f.timeline, 905, axis / 2, 305, axis / 2, 0);
  g_assert_cmpuint (f.n_ranges, ==, 2);
  g_assert_cmpint (f.from, ==, jd (2012, 1, 1) + 30);
  g_assert_cmpint (f.to, ==, jd (2012, 1, 1) + 90);

  /* a plain drag over the lanes pans and selects nothing */
  dossier_timeline_get_visible_range (f.timeline, &start, &end);
  _dossier_timeline_drag (f.timeline, 500, HEIGHT - 40, 300, HEIGHT - 40, 0);
  g_assert_cmpuint (f.n_ranges, ==, 2);
  dossier_timeline_get_visible_range (f.timeline, &start2, &end2);
  g_assert_cmpfloat_with_epsilon (start2 - start, 20, 1e-6);
  g_assert_cmpfloat_with_epsilon (end2 - end, 20, 1e-6);

  /* Escape clears it */
  g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Escape, 0));
  g_assert_cmpuint (f.n_cleared, ==, 1);
  g_assert_false (dossier_timeline_get_selected_range (f.timeline, NULL, NULL));
  g_assert_false (_dossier_timeline_key (f.timeline, GDK_KEY_Escape, 0));

  /* set from code: shown, no signal */
  dossier_timeline_set_selected_range (f.timeline, jd (2012, 3, 1), jd (2012, 2, 1));
  g_assert_true (dossier_timeline_get_selected_range (f.timeline, &from, &to));
  g_assert_cmpint (from, ==, jd (2012, 2, 1));
  g_assert_cmpuint (f.n_ranges, ==, 2);
  dossier_timeline_clear_selected_range (f.timeline);
  g_assert_cmpuint (f.n_cleared, ==, 1);

  fixture_teardown (&f);
}

static void
test_keyboard (void)
{
  Fixture f;

  fixture_setup (&f);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f.timeline)));
  dossier_timeline_set_lane_mode (f.timeline, DOSSIER_TIMELINE_LANES_SOURCE);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (f.timeline)));

  /* Reuters has ids 1, 3, 5 …, TASS 2, 4, 6 … */
  dossier_timeline_set_selected_id (f.timeline, 1);
  for (gint64 id = 3; id <= 25; id += 2)
    {
      g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Right, 0));
      g_assert_cmpint (dossier_timeline_get_selected_id (f.timeline), ==, id);
    }
  /* the last of the lane stays */
  g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Right, 0));
  g_assert_cmpint (dossier_timeline_get_selected_id (f.timeline), ==, 25);
  g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Left, 0));
  g_assert_cmpint (dossier_timeline_get_selected_id (f.timeline), ==, 23);

  /* down: TASS, nearest in time (22 and 24 are as near; the later wins) */
  g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Down, 0));
  g_assert_cmpint (dossier_timeline_get_selected_id (f.timeline), ==, 24);
  g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Down, 0));
  g_assert_cmpint (dossier_timeline_get_selected_id (f.timeline), ==, 100);
  /* from the undated lane, up lands in TASS by the middle of the view */
  g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Up, 0));
  g_assert_cmpint (dossier_timeline_get_selected_id (f.timeline) % 2, ==, 0);
  g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Up, 0));
  g_assert_cmpint (dossier_timeline_get_selected_id (f.timeline) % 2, ==, 1);
  g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Home, 0));
  g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Down, 0));
  dossier_timeline_set_selected_id (f.timeline, 2);

  /* Enter opens it */
  g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Return, 0));
  g_assert_cmpuint (f.n_activated, ==, 1);
  g_assert_cmpint (f.activated, ==, 2);

  /* one lane: Right walks every dated article in time */
  g_object_set (f.timeline, "lane-mode", DOSSIER_TIMELINE_LANES_NONE, NULL);
  g_assert_cmpint (dossier_timeline_get_lane_mode (f.timeline), ==, DOSSIER_TIMELINE_LANES_NONE);
  for (gint64 id = 3; id <= 6; id++)
    {
      g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Right, 0));
      g_assert_cmpint (dossier_timeline_get_selected_id (f.timeline), ==, id);
    }

  /* the cursor is kept in view */
  dossier_timeline_set_visible_range (f.timeline, jd (2011, 1, 1), jd (2011, 3, 1));
  g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Right, 0));
  {
    double start, end;
    gint64 day = jd (2012, 1, 1) + 14 * 6;

    dossier_timeline_get_visible_range (f.timeline, &start, &end);
    g_assert_cmpfloat (start, <, day);
    g_assert_cmpfloat (end, >, day + 1);
  }

  /* Ctrl+Right pans without moving the cursor */
  {
    double start, end, start2, end2;

    dossier_timeline_get_visible_range (f.timeline, &start, &end);
    g_assert_true (_dossier_timeline_key (f.timeline, GDK_KEY_Right, GDK_CONTROL_MASK));
    dossier_timeline_get_visible_range (f.timeline, &start2, &end2);
    g_assert_cmpfloat_with_epsilon (start2 - start, (end - start) / 4, 1e-6);
    g_assert_cmpint (dossier_timeline_get_selected_id (f.timeline), ==, 7);
  }

  fixture_teardown (&f);
}

static void
test_frame_time (void)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  const char *sources[] = { "BBC", "Reuters", "RT", "TASS", "CNN" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  Fixture f;
  struct { const char *name; DossierTimelineLanes lanes; double span; } views[] = {
    { "fit, one lane", DOSSIER_TIMELINE_LANES_NONE, 0 },
    { "fit, by source", DOSSIER_TIMELINE_LANES_SOURCE, 0 },
    { "1 month, by source", DOSSIER_TIMELINE_LANES_SOURCE, 30 },
    { "3 days, one lane", DOSSIER_TIMELINE_LANES_NONE, 3 },
  };
  gint64 worst_snapshot = 0;
  gboolean can_render;

  fixture_setup (&f);
  for (guint i = 0; i < 100000; i++)
    {
      DossierTimelinePoint p = { i + 1, g_rand_int_range (rand, 0, 40) == 0
                                        ? -1 : jd (2009, 1, 1) + g_rand_int_range (rand, 0, 6 * 365),
                                 3, g_rand_int_range (rand, 0, 3),
                                 g_intern_string (sources[g_rand_int_range (rand, 0, 5)]) };
      g_array_append_val (points, p);
    }
  dossier_timeline_set_points (f.timeline, points);
  can_render = gsk_renderer_realize (renderer, NULL, &error);
  if (!can_render)
    g_test_message ("no renderer to time drawing with: %s", error->message);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      gint64 snap_worst = 0, render_worst = 0, snap_total = 0;

      dossier_timeline_set_lane_mode (f.timeline, views[v].lanes);
      dossier_timeline_fit (f.timeline);
      if (views[v].span > 0)
        dossier_timeline_set_visible_range (f.timeline, jd (2012, 3, 1), jd (2012, 3, 1) + views[v].span);
      {
        /* the first frame after a change of lanes regroups the articles */
        GtkSnapshot *snapshot = gtk_snapshot_new ();
        gint64 t0 = g_get_monotonic_time ();

        GTK_WIDGET_GET_CLASS (f.timeline)->snapshot (GTK_WIDGET (f.timeline), snapshot);
        gsk_render_node_unref (gtk_snapshot_free_to_node (snapshot));
        g_test_message ("first frame after setting lanes (%s): %.2f ms", views[v].name,
                        (g_get_monotonic_time () - t0) / 1000.0);
      }
      for (guint i = 0; i < 10; i++)
        {
          GtkSnapshot *snapshot = gtk_snapshot_new ();
          g_autoptr(GskRenderNode) node = NULL;
          gint64 t0, t1;

          /* each frame a new range, as when zooming */
          dossier_timeline_zoom (f.timeline, i % 2 ? 1.1 : 1 / 1.1);
          t0 = g_get_monotonic_time ();
          GTK_WIDGET_GET_CLASS (f.timeline)->snapshot (GTK_WIDGET (f.timeline), snapshot);
          node = gtk_snapshot_free_to_node (snapshot);
          t1 = g_get_monotonic_time ();
          snap_worst = MAX (snap_worst, t1 - t0);
          snap_total += t1 - t0;
          if (can_render && node != NULL)
            {
              g_autoptr(GdkTexture) texture = gsk_renderer_render_texture (renderer, node,
                                                                            &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));

              render_worst = MAX (render_worst, g_get_monotonic_time () - t1);
            }
        }
      worst_snapshot = MAX (worst_snapshot, snap_worst);
      g_test_message ("frame %dx%d, 100000 articles, %s: snapshot mean %.2f ms, worst %.2f ms;"
                      " cairo render worst %.2f ms",
                      WIDTH, HEIGHT, views[v].name, snap_total / 10000.0, snap_worst / 1000.0,
                      render_worst / 1000.0);
    }
  if (can_render)
    gsk_renderer_unrealize (renderer);
  /* the budget is 8 ms; this only catches a gross regression on a busy
   * machine under Xvfb (AddressSanitizer makes every frame several times
   * slower: there it only catches a hang) */
#ifdef __SANITIZE_ADDRESS__
  g_assert_cmpint (worst_snapshot, <, 500000);
#else
  g_assert_cmpint (worst_snapshot, <, 50000);
#endif

  fixture_teardown (&f);
}

/* The window draws its first frame before it builds the list's rows and
 * bins the timeline's points (on 100,000 articles they cost more than the
 * frame), showing the list as loading, never as an empty library; then
 * both fill in. */
typedef struct
{
  DossierWindow *window;
  gboolean       painted;
  guint          items;
  char          *page;
  guint          points;
  gboolean       timeline_loading;
} FirstFrameProbe;

static void
on_probe_after_paint_cb (GdkFrameClock   *clock,
                         FirstFrameProbe *probe)
{
  if (probe->painted)
    return;
  probe->painted = TRUE;
  probe->items = g_list_model_get_n_items (G_LIST_MODEL (probe->window->articles));
  probe->page = g_strdup (gtk_stack_get_visible_child_name (probe->window->list_stack));
  probe->points = dossier_timeline_get_n_points (DOSSIER_TIMELINE (probe->window->timeline));
  probe->timeline_loading = dossier_timeline_get_loading (DOSSIER_TIMELINE (probe->window->timeline));
}

static void
on_probe_realize_cb (GtkWidget       *widget,
                     FirstFrameProbe *probe)
{
  g_signal_connect_after (gtk_widget_get_frame_clock (widget), "after-paint",
                          G_CALLBACK (on_probe_after_paint_cb), probe);
}

static gboolean
probe_filled (FirstFrameProbe *probe)
{
  return g_list_model_get_n_items (G_LIST_MODEL (probe->window->articles)) == 3 &&
         dossier_timeline_get_n_points (DOSSIER_TIMELINE (probe->window->timeline)) == 3;
}

static void
test_window_first_frame (void)
{
  g_autoptr(DossierTestLibrary) t = dossier_test_library_new ();
  DossierLibrary *library = t->library;
  g_autoptr(GError) error = NULL;
  FirstFrameProbe probe = { 0 };
  const char *titles[] = { "Harbour talks open", "Dredging deal signed", "Ferry crews walk out" };
  const char *dates[] = { "2010-03-18", "2012-04-02", "2013-07-09" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(DossierArticle) a = dossier_article_new ();
      DossierDate date = DOSSIER_DATE_INIT;

      dossier_article_set_title (a, titles[i]);
      dossier_article_set_source (a, "Test Wire");
      dossier_article_set_body (a, titles[i]);
      g_assert_true (dossier_date_from_iso (dates[i], &date));
      dossier_article_set_published (a, &date);
      g_assert_cmpint (dossier_library_add_article_sync (library, a, NULL, &error), >, 0);
    }

  probe.window = dossier_window_new (NULL, library);
  g_signal_connect_after (probe.window, "realize", G_CALLBACK (on_probe_realize_cb), &probe);
  gtk_window_present (GTK_WINDOW (probe.window));
  dossier_test_poll_until (probe.painted);
  g_assert_cmpuint (probe.items, ==, 0);
  g_assert_cmpstr (probe.page, ==, "loading");
  g_assert_cmpuint (probe.points, ==, 0);
  g_assert_true (probe.timeline_loading);

  dossier_test_poll_until (probe_filled (&probe));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (probe.window->list_stack), ==, "list");
  g_assert_false (dossier_timeline_get_loading (DOSSIER_TIMELINE (probe.window->timeline)));
  g_assert_cmpuint (dossier_timeline_model_get_n_points (_dossier_timeline_get_model (DOSSIER_TIMELINE (probe.window->timeline))), ==, 3);

  gtk_window_destroy (GTK_WINDOW (probe.window));
  g_free (probe.page);
}

/* A first load that is quick shows nothing until its points (no flicker
 * of words); one that takes longer says that the timeline is being read,
 * and stops saying so when it ends. */
static void
test_loading_notice (void)
{
  GtkWidget *window = gtk_window_new ();
  DossierTimeline *timeline = DOSSIER_TIMELINE (dossier_timeline_new ());
  gint64 start;

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 200);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (timeline));
  gtk_window_present (GTK_WINDOW (window));
  start = g_get_monotonic_time ();
  dossier_timeline_set_loading (timeline, TRUE);
  g_assert_false (timeline->loading_long);
  dossier_test_poll_until (timeline->loading_long);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 500 * G_TIME_SPAN_MILLISECOND);
  dossier_timeline_set_loading (timeline, FALSE);
  g_assert_false (timeline->loading_long);
  g_assert_cmpuint (timeline->loading_id, ==, 0);
  /* loading again, then done at once: the notice never comes */
  dossier_timeline_set_loading (timeline, TRUE);
  dossier_timeline_set_loading (timeline, FALSE);
  g_assert_cmpuint (timeline->loading_id, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/Dossier/Timeline/click", test_click);
  g_test_add_func ("/Dossier/Timeline/zoom", test_zoom);
  g_test_add_func ("/Dossier/Timeline/range", test_range);
  g_test_add_func ("/Dossier/Timeline/keyboard", test_keyboard);
  g_test_add_func ("/Dossier/Timeline/frame-time", test_frame_time);
  g_test_add_func ("/Dossier/Timeline/loading-notice", test_loading_notice);
  g_test_add_func ("/Dossier/Timeline/window-first-frame", test_window_first_frame);

  return g_test_run ();
}
