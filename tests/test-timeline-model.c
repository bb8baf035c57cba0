/* test-timeline-model.c — the timeline's range, ticks, lanes, bins and hits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include "dossier-timeline-model.h"

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

static DossierTimelinePoint
point (gint64      id,
       gint64      julian,
       const char *source)
{
  DossierTimelinePoint p = { id, julian, julian >= 0 ? 3 : 0, 0,
                             source ? g_intern_string (source) : NULL };
  return p;
}

static const DossierTimelineLane *
lane_at (const DossierTimelineLayout *l,
         guint                        i)
{
  g_assert_cmpuint (i, <, l->lanes->len);
  return &g_array_index (l->lanes, DossierTimelineLane, i);
}

static guint
count_boxes (const DossierTimelineLayout *l,
             guint                        lane,
             guint                       *n_badges,
             guint                       *hidden)
{
  guint n = 0;

  if (n_badges)
    *n_badges = 0;
  if (hidden)
    *hidden = 0;
  for (guint i = 0; i < l->boxes->len; i++)
    {
      const DossierTimelineBox *b = &g_array_index (l->boxes, DossierTimelineBox, i);

      if (b->lane != lane)
        continue;
      if (b->overflow > 0)
        {
          if (n_badges)
            (*n_badges)++;
          if (hidden)
            *hidden += b->overflow;
        }
      else
        n++;
    }
  return n;
}

static const DossierTimelineBox *
find_box (const DossierTimelineLayout *l,
          gint64                       id)
{
  for (guint i = 0; i < l->boxes->len; i++)
    {
      const DossierTimelineBox *b = &g_array_index (l->boxes, DossierTimelineBox, i);

      if (b->overflow == 0 && b->id == id)
        return b;
    }
  g_error ("no box for article %" G_GINT64_FORMAT, id);
}

static void
test_ticks (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  double start = jd (2012, 1, 1);
  const DossierTimelineLayout *l;
  struct { double span; DossierTimelineUnit unit; } cases[] = {
    { 10, DOSSIER_TIMELINE_UNIT_DAY },
    { 100, DOSSIER_TIMELINE_UNIT_WEEK },
    { 2 * 365, DOSSIER_TIMELINE_UNIT_MONTH },
    { 5 * 365, DOSSIER_TIMELINE_UNIT_QUARTER },
    { 20 * 365, DOSSIER_TIMELINE_UNIT_YEAR },
    { 150 * 365, DOSSIER_TIMELINE_UNIT_DECADE },
  };
  guint n_major = 0, n_minor = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      dossier_timeline_model_set_range (model, start, start + cases[i].span);
      g_assert_cmpint (dossier_timeline_model_choose_unit (model, 1600), ==, cases[i].unit);
      l = dossier_timeline_model_layout (model, 1600, 300);
      g_assert_cmpint (l->tick_unit, ==, cases[i].unit);
    }

  /* the same range on a narrow view gets coarser ticks */
  dossier_timeline_model_set_range (model, start, start + 100);
  g_assert_cmpint (dossier_timeline_model_choose_unit (model, 1600), ==, DOSSIER_TIMELINE_UNIT_WEEK);
  g_assert_cmpint (dossier_timeline_model_choose_unit (model, 200), ==, DOSSIER_TIMELINE_UNIT_MONTH);

  /* months: minor ticks on the 1st with the month's name, years as majors */
  dossier_timeline_model_set_range (model, jd (2012, 2, 10), jd (2013, 11, 20));
  l = dossier_timeline_model_layout (model, 1600, 300);
  g_assert_cmpint (l->tick_unit, ==, DOSSIER_TIMELINE_UNIT_MONTH);
  g_assert_cmpint (l->major_unit, ==, DOSSIER_TIMELINE_UNIT_YEAR);
  for (guint i = 0; i < l->ticks->len; i++)
    {
      const DossierTimelineTick *t = &g_array_index (l->ticks, DossierTimelineTick, i);
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, (guint32) t->julian);
      g_assert_cmpint (g_date_get_day (&d), ==, 1);
      g_assert_cmpfloat_with_epsilon (t->x, dossier_timeline_model_x_at_julian (model, 1600, t->julian), 1e-6);
      if (i > 0)
        g_assert_cmpfloat (t->x, >=, g_array_index (l->ticks, DossierTimelineTick, i - 1).x);
      if (t->major)
        {
          n_major++;
          g_assert_cmpint (g_date_get_month (&d), ==, 1);
          g_assert_cmpstr (t->label, ==, g_date_get_year (&d) == 2012 ? "2012" : "2013");
        }
      else
        {
          n_minor++;
          if (t->julian == jd (2012, 3, 1))
            g_assert_cmpstr (t->label, ==, "Mar");
        }
    }
  g_assert_cmpuint (n_major, ==, 2);  /* 2012 (sticky, starts off screen) and 2013 */
  g_assert_cmpuint (n_minor, ==, 22); /* Feb 2012 … Nov 2013 */

  /* days: the major row names the month */
  dossier_timeline_model_set_range (model, jd (2013, 4, 10), jd (2013, 4, 20));
  l = dossier_timeline_model_layout (model, 1600, 300);
  g_assert_cmpint (l->tick_unit, ==, DOSSIER_TIMELINE_UNIT_DAY);
  g_assert_cmpstr (g_array_index (l->ticks, DossierTimelineTick, 0).label, ==, "April 2013");
  g_assert_true (g_array_index (l->ticks, DossierTimelineTick, 0).major);
  g_assert_cmpstr (g_array_index (l->ticks, DossierTimelineTick, 1).label, ==, "10");

  /* weeks start on Monday */
  dossier_timeline_model_set_range (model, jd (2013, 4, 1), jd (2013, 7, 1));
  l = dossier_timeline_model_layout (model, 1600, 300);
  g_assert_cmpint (l->tick_unit, ==, DOSSIER_TIMELINE_UNIT_WEEK);
  for (guint i = 0; i < l->ticks->len; i++)
    {
      const DossierTimelineTick *t = &g_array_index (l->ticks, DossierTimelineTick, i);
      GDate d;

      if (t->major)
        continue;
      g_date_clear (&d, 1);
      g_date_set_julian (&d, (guint32) t->julian);
      g_assert_cmpint (g_date_get_weekday (&d), ==, G_DATE_MONDAY);
    }
}

static void
test_bins (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  g_autoptr(GArray) pts = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  const DossierTimelineLayout *l;
  DossierTimelineMetrics metrics = *dossier_timeline_model_get_metrics (model);
  guint total = 0;
  gint64 id = 1;

  /* month m of 2012 has m articles, 2013 none, and 7 in January 2014 */
  for (int m = 1; m <= 12; m++)
    for (int k = 0; k < m; k++)
      {
        DossierTimelinePoint p = point (id++, jd (2012, m, 1 + k * 2), "A");
        g_array_append_val (pts, p);
      }
  for (int k = 0; k < 7; k++)
    {
      DossierTimelinePoint p = point (id++, jd (2014, 1, 5), "A");
      g_array_append_val (pts, p);
    }
  dossier_timeline_model_set_points (model, (DossierTimelinePoint *) (gpointer) pts->data, pts->len);
  g_assert_cmpuint (dossier_timeline_model_get_n_points (model), ==, 78 + 7);

  /* 2012-01-01 .. 2014-02-01 on 250 px: month bins (10 px), weeks too small */
  metrics.max_rows = 4;
  dossier_timeline_model_set_metrics (model, &metrics);
  dossier_timeline_model_set_range (model, jd (2012, 1, 1), jd (2014, 2, 1));
  l = dossier_timeline_model_layout (model, 250, 300);
  g_assert_cmpint (l->bin_unit, ==, DOSSIER_TIMELINE_UNIT_MONTH);
  g_assert_cmpuint (l->bins->len, ==, 25);
  g_assert_cmpuint (l->lanes->len, ==, 1);
  for (guint b = 0; b < l->bins->len; b++)
    {
      const DossierTimelineBin *bin = &g_array_index (l->bins, DossierTimelineBin, b);
      guint expect = b < 12 ? b + 1 : b == 24 ? 7 : 0;

      g_assert_cmpuint (l->counts[b], ==, expect);
      g_assert_cmpfloat_with_epsilon (bin->x, dossier_timeline_model_x_at_julian (model, 250, bin->from_julian), 1e-6);
      total += l->counts[b];
    }
  g_assert_cmpuint (total, ==, 85);
  g_assert_cmpuint (lane_at (l, 0)->max_count, ==, 12);
  g_assert_cmpuint (lane_at (l, 0)->n_visible, ==, 85);
  /* 85 items on 250 px in 4 rows cannot be boxes */
  g_assert_true (lane_at (l, 0)->histogram);

  /* only what is in view is counted */
  dossier_timeline_model_set_range (model, jd (2012, 6, 1), jd (2012, 8, 1));
  l = dossier_timeline_model_layout (model, 1600, 300);
  g_assert_cmpuint (lane_at (l, 0)->n_visible, ==, 6 + 7);
  g_assert_false (lane_at (l, 0)->histogram);
  /* boxes: those 13, and those just past the edges that show partly */
  {
    guint inside = 0;

    for (guint i = 0; i < l->boxes->len; i++)
      {
        const DossierTimelineBox *b = &g_array_index (l->boxes, DossierTimelineBox, i);

        g_assert_cmpuint (b->overflow, ==, 0);
        g_assert_cmpfloat (b->x + b->width, >, -b->width);
        g_assert_cmpfloat (b->x, <, 1600 + b->width);
        if (b->from_julian >= jd (2012, 6, 1) && b->from_julian < jd (2012, 8, 1))
          inside++;
      }
    g_assert_cmpuint (inside, ==, 13);
  }
}

static void
test_stacking (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  DossierTimelineMetrics metrics = *dossier_timeline_model_get_metrics (model);
  DossierTimelinePoint pts[8];
  const DossierTimelineLayout *l;
  const DossierTimelineLane *lane;
  guint badges, hidden, n;
  gint64 day = jd (2013, 4, 15);

  metrics.max_rows = 3;
  dossier_timeline_model_set_metrics (model, &metrics);
  /* five on one day, two the next week, one far away */
  for (guint i = 0; i < 5; i++)
    pts[i] = point (i + 1, day, "A");
  pts[5] = point (6, day + 7, "A");
  pts[6] = point (7, day + 7, "A");
  pts[7] = point (8, day + 300, "A");
  dossier_timeline_model_set_points (model, pts, G_N_ELEMENTS (pts));

  /* a year on 800 px: a day is 2 px, so the five overlap and stack */
  dossier_timeline_model_set_range (model, day - 30, day + 335);
  l = dossier_timeline_model_layout (model, 800, 300);
  lane = lane_at (l, 0);
  g_assert_cmpuint (lane->n_rows, ==, 3);
  g_assert_false (lane->histogram);
  n = count_boxes (l, 0, &badges, &hidden);
  /* rows 0 and 1 keep an item each, the third row becomes "+3" */
  g_assert_cmpuint (badges, ==, 1);
  g_assert_cmpuint (hidden, ==, 3);
  g_assert_cmpuint (n + hidden, ==, 8);
  for (guint i = 0; i < l->boxes->len; i++)
    {
      const DossierTimelineBox *b = &g_array_index (l->boxes, DossierTimelineBox, i);

      if (b->overflow > 0)
        {
          g_assert_cmpint (b->from_julian, ==, day);
          g_assert_cmpint (b->to_julian, ==, day);
          /* in the top row */
          g_assert_cmpfloat (b->y, <, lane->content_y + lane->content_height - 2 * metrics.row_height);
        }
    }
  /* boxes in one row never overlap */
  for (guint i = 0; i < l->boxes->len; i++)
    for (guint j = i + 1; j < l->boxes->len; j++)
      {
        const DossierTimelineBox *a = &g_array_index (l->boxes, DossierTimelineBox, i);
        const DossierTimelineBox *b = &g_array_index (l->boxes, DossierTimelineBox, j);

        if (a->y == b->y)
          g_assert_true (a->x + a->width <= b->x || b->x + b->width <= a->x);
      }
  /* the two of day + 7 stack on top of each other */
  g_assert_nonnull (find_box (l, 6));
  g_assert_nonnull (find_box (l, 7));
  g_assert_cmpfloat (find_box (l, 6)->y, !=, find_box (l, 7)->y);

  /* zoomed in to a few days, one day is wide enough for all five in a row */
  dossier_timeline_model_set_range (model, day - 1, day + 2);
  l = dossier_timeline_model_layout (model, 800, 300);
  n = count_boxes (l, 0, &badges, NULL);
  g_assert_cmpuint (badges, ==, 0);
  g_assert_cmpuint (n, ==, 5);
  for (gint64 id = 1; id <= 5; id++)
    {
      const DossierTimelineBox *b = find_box (l, id);

      g_assert_nonnull (b);
      g_assert_cmpfloat (b->y, ==, find_box (l, 1)->y);
      g_assert_cmpfloat (b->x, >=, dossier_timeline_model_x_at_julian (model, 800, day));
      g_assert_cmpfloat (b->x + b->width, <=, dossier_timeline_model_x_at_julian (model, 800, day + 1));
      if (id > 1)
        g_assert_cmpfloat (b->x, >, find_box (l, id - 1)->x);
    }
}

/* take_points shares the caller's array (no 3 MB copy at 100,000) but
 * sorts and fixes it like set_points does; a later set_points copies
 * again and leaves the taken array alone. */
static void
test_take_points (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  DossierTimelinePoint pts[] = {
    point (3, jd (2011, 1, 1), "B"),
    point (1, jd (2010, 1, 1), "A"),
    point (2, 0, "A"),             /* not a day: undated */
  };
  DossierTimelinePoint other = point (9, jd (2012, 6, 1), "C");
  const DossierTimelineLayout *l;

  g_array_append_vals (taken, pts, G_N_ELEMENTS (pts));
  dossier_timeline_model_take_points (model, taken);
  g_assert_cmpuint (dossier_timeline_model_get_n_points (model), ==, 3);
  /* in place: undated first, then by date */
  g_assert_cmpint (g_array_index (taken, DossierTimelinePoint, 0).id, ==, 2);
  g_assert_cmpint (g_array_index (taken, DossierTimelinePoint, 0).julian, ==, -1);
  g_assert_cmpint (g_array_index (taken, DossierTimelinePoint, 1).id, ==, 1);
  g_assert_cmpint (g_array_index (taken, DossierTimelinePoint, 2).id, ==, 3);
  l = dossier_timeline_model_layout (model, 800, 300);
  g_assert_cmpuint (l->lanes->len, ==, 2);
  g_assert_nonnull (find_box (l, 2));

  dossier_timeline_model_set_points (model, &other, 1);
  g_assert_cmpuint (dossier_timeline_model_get_n_points (model), ==, 1);
  g_assert_cmpuint (taken->len, ==, 3);
  g_assert_cmpint (g_array_index (taken, DossierTimelinePoint, 2).id, ==, 3);
  l = dossier_timeline_model_layout (model, 800, 300);
  g_assert_cmpuint (l->lanes->len, ==, 1);
}

/* A delete takes its articles' points out: the others keep their order,
 * the undated lane goes with its last article, and an id not shown
 * changes nothing. */
static void
test_remove_ids (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  DossierTimelinePoint pts[] = {
    point (1, jd (2010, 1, 1), "A"),
    point (2, -1, "A"),
    point (3, jd (2011, 1, 1), "B"),
    point (4, jd (2012, 1, 1), "B"),
  };
  const gint64 gone[] = { 2, 3 }, unknown[] = { 99 };
  const DossierTimelineLayout *l;
  double start, end, s2, e2;

  g_array_append_vals (taken, pts, G_N_ELEMENTS (pts));
  dossier_timeline_model_take_points (model, taken);
  l = dossier_timeline_model_layout (model, 800, 300);
  g_assert_cmpuint (l->lanes->len, ==, 2);
  dossier_timeline_model_fit (model);
  dossier_timeline_model_get_range (model, &start, &end);

  g_assert_cmpuint (dossier_timeline_model_remove_ids (model, gone, G_N_ELEMENTS (gone)), ==, 2);
  g_assert_cmpuint (dossier_timeline_model_get_n_points (model), ==, 2);
  l = dossier_timeline_model_layout (model, 800, 300);
  g_assert_cmpuint (l->lanes->len, ==, 1);
  g_assert_nonnull (find_box (l, 1));
  g_assert_nonnull (find_box (l, 4));
  g_assert_cmpuint (count_boxes (l, 0, NULL, NULL), ==, 2);
  /* the view is where it was */
  dossier_timeline_model_get_range (model, &s2, &e2);
  g_assert_cmpfloat (s2, ==, start);
  g_assert_cmpfloat (e2, ==, end);

  g_assert_cmpuint (dossier_timeline_model_remove_ids (model, unknown, 1), ==, 0);
  g_assert_cmpuint (dossier_timeline_model_get_n_points (model), ==, 2);
}

static void
test_undated (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  DossierTimelinePoint pts[] = {
    point (1, jd (2010, 1, 1), "A"),
    point (2, -1, "A"),
    point (3, jd (2011, 1, 1), "B"),
    point (4, -1, NULL),
    point (5, 0, "B"),          /* not a GDate day either */
  };
  const DossierTimelineLayout *l;
  const DossierTimelineLane *lane;
  DossierTimelineHit hit;
  const DossierTimelineBox *b;
  double fs, fe;

  dossier_timeline_model_set_points (model, pts, G_N_ELEMENTS (pts));
  l = dossier_timeline_model_layout (model, 800, 300);
  g_assert_cmpuint (l->lanes->len, ==, 2);
  g_assert_null (lane_at (l, 0)->label);
  lane = lane_at (l, 1);
  g_assert_true (lane->undated);
  g_assert_cmpstr (lane->label, ==, "Undated");
  g_assert_cmpuint (lane->n_entries, ==, 3);
  g_assert_cmpfloat (lane->y + lane->height, <=, 300);
  g_assert_cmpuint (count_boxes (l, 1, NULL, NULL), ==, 3);

  /* undated items can be hit like any other */
  b = find_box (l, 4);
  g_assert_nonnull (b);
  g_assert_cmpuint (b->lane, ==, 1);
  g_assert_cmpint (b->from_julian, ==, -1);
  g_assert_cmpint (dossier_timeline_model_hit_test (model, b->x + 2, b->y + 2, &hit), ==,
                   DOSSIER_TIMELINE_HIT_ITEM);
  g_assert_cmpint (hit.id, ==, 4);

  /* fit-all ignores them */
  dossier_timeline_model_fit (model);
  dossier_timeline_model_get_range (model, &fs, &fe);
  g_assert_cmpfloat (fs, <, jd (2010, 1, 1));
  g_assert_cmpfloat (fe, >, jd (2011, 1, 2));
  g_assert_cmpfloat (fe - fs, <, 400);

  /* lanes by source: the undated lane stays one lane, last */
  dossier_timeline_model_set_lane_mode (model, DOSSIER_TIMELINE_LANES_SOURCE);
  l = dossier_timeline_model_layout (model, 800, 300);
  g_assert_cmpuint (l->lanes->len, ==, 3);
  g_assert_true (lane_at (l, 2)->undated);
  g_assert_cmpuint (lane_at (l, 2)->n_entries, ==, 3);

  /* many undated articles end in a "+N" badge */
  {
    g_autoptr(GArray) many = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
    guint badges, hidden, n;

    for (guint i = 0; i < 1000; i++)
      {
        DossierTimelinePoint p = point (i + 1, -1, "A");
        g_array_append_val (many, p);
      }
    dossier_timeline_model_set_points (model, (DossierTimelinePoint *) (gpointer) many->data, many->len);
    l = dossier_timeline_model_layout (model, 800, 300);
    g_assert_cmpuint (l->lanes->len, ==, 1);
    n = count_boxes (l, 0, &badges, &hidden);
    g_assert_cmpuint (badges, ==, 1);
    g_assert_cmpuint (n + hidden, ==, 1000);
  }
}

/* An undated article with a suggested day: a hollow mark at that day in
 * the lane it would have, besides its box in the undated lane; a click on
 * the mark hits the article. */
static void
test_suggested (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  DossierTimelinePoint pts[] = {
    point (1, jd (2010, 1, 1), "A"),
    point (2, -1, "B"),
    point (3, -1, "A"),
    point (4, jd (2010, 1, 20), "A"),
  };
  const DossierTimelineLayout *l;
  const DossierTimelineBox *mark = NULL;
  DossierTimelineEntry e;
  DossierTimelineHit hit;
  guint n_marks = 0;

  pts[1].suggested = jd (2010, 1, 10);
  dossier_timeline_model_set_points (model, pts, G_N_ELEMENTS (pts));
  dossier_timeline_model_set_range (model, jd (2009, 12, 25), jd (2010, 1, 25));
  l = dossier_timeline_model_layout (model, 800, 300);
  g_assert_cmpuint (l->lanes->len, ==, 2);
  g_assert_true (lane_at (l, 1)->undated);
  g_assert_cmpuint (lane_at (l, 1)->n_entries, ==, 2);
  g_assert_cmpuint (lane_at (l, 0)->n_entries, ==, 3);
  for (guint i = 0; i < l->boxes->len; i++)
    {
      const DossierTimelineBox *b = &g_array_index (l->boxes, DossierTimelineBox, i);

      if (b->suggested)
        {
          mark = b;
          n_marks++;
        }
    }
  g_assert_cmpuint (n_marks, ==, 1);
  g_assert_cmpint (mark->id, ==, 2);
  g_assert_cmpuint (mark->lane, ==, 0);
  g_assert_cmpint (mark->from_julian, ==, jd (2010, 1, 10));
  /* between the dated ones, in day order */
  g_assert_cmpfloat (mark->x, >, find_box (l, 1)->x);
  g_assert_cmpfloat (mark->x, <, find_box (l, 4)->x);
  g_assert_true (dossier_timeline_model_get_entry (model, mark->entry, &e));
  g_assert_true (e.suggested);
  g_assert_cmpint (e.julian, ==, jd (2010, 1, 10));
  g_assert_cmpint (dossier_timeline_model_hit_test (model, mark->x + mark->width / 2, mark->y + mark->height / 2,
                                                    &hit), ==, DOSSIER_TIMELINE_HIT_ITEM);
  g_assert_cmpint (hit.id, ==, 2);

  /* by source: in the lane of its source, which has no dated article */
  dossier_timeline_model_set_lane_mode (model, DOSSIER_TIMELINE_LANES_SOURCE);
  l = dossier_timeline_model_layout (model, 800, 300);
  g_assert_cmpuint (l->lanes->len, ==, 3);
  for (guint i = 0; i < l->boxes->len; i++)
    {
      const DossierTimelineBox *b = &g_array_index (l->boxes, DossierTimelineBox, i);

      if (b->suggested)
        g_assert_cmpstr (lane_at (l, b->lane)->label, ==, "B");
    }
  /* a dated article's suggestion is never drawn */
  pts[0].suggested = jd (2010, 1, 5);
  pts[1].suggested = 0;
  dossier_timeline_model_set_points (model, pts, G_N_ELEMENTS (pts));
  l = dossier_timeline_model_layout (model, 800, 300);
  for (guint i = 0; i < l->boxes->len; i++)
    g_assert_false (g_array_index (l->boxes, DossierTimelineBox, i).suggested);
}

static void
test_lanes (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  g_autoptr(GArray) pts = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_strfreev);
  const char *sources[] = { "BBC", "Reuters", "RT", "TASS", "CNN", "Guardian" };
  const DossierTimelineLayout *l;
  gint64 id = 1;

  /* source i has 12 - 2i articles */
  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    for (guint k = 0; k < 12 - 2 * s; k++)
      {
        DossierTimelinePoint p = point (id, jd (2012, 1 + k, 1 + s), sources[s]);
        gint64 *key = g_new (gint64, 1);

        *key = id++;
        g_array_append_val (pts, p);
        if (k % 2 == 0)
          g_hash_table_insert (tags, key, g_strdupv ((char *[]) { "sanctions", "ukraine", NULL }));
        else if (k % 3 == 0)
          g_hash_table_insert (tags, key, g_strdupv ((char *[]) { "ukraine", NULL }));
        else
          g_free (key);
      }
  {
    DossierTimelinePoint p = point (id++, jd (2012, 5, 5), NULL);
    g_array_append_val (pts, p);
  }
  dossier_timeline_model_set_points (model, (DossierTimelinePoint *) (gpointer) pts->data, pts->len);
  dossier_timeline_model_set_range (model, jd (2011, 12, 1), jd (2013, 1, 1));
  dossier_timeline_model_set_lane_mode (model, DOSSIER_TIMELINE_LANES_SOURCE);
  g_assert_cmpint (dossier_timeline_model_get_lane_mode (model), ==, DOSSIER_TIMELINE_LANES_SOURCE);

  /* tall enough for all: by frequency, the unknown source last */
  l = dossier_timeline_model_layout (model, 1000, 44 + 7 * 60);
  g_assert_cmpuint (l->lanes->len, ==, 7);
  g_assert_cmpstr (lane_at (l, 0)->label, ==, "BBC");
  g_assert_cmpuint (lane_at (l, 0)->n_entries, ==, 12);
  g_assert_cmpstr (lane_at (l, 1)->label, ==, "Reuters");
  g_assert_cmpstr (lane_at (l, 4)->label, ==, "CNN");
  g_assert_cmpstr (lane_at (l, 5)->label, ==, "Guardian");
  g_assert_cmpstr (lane_at (l, 6)->label, ==, "Unknown source");
  for (guint i = 1; i < l->lanes->len; i++)
    g_assert_cmpfloat_with_epsilon (lane_at (l, i)->y, lane_at (l, i - 1)->y + lane_at (l, i - 1)->height, 1e-6);

  /* too short: the least frequent share "Other sources" */
  l = dossier_timeline_model_layout (model, 1000, 44 + 3 * 60);
  g_assert_cmpuint (l->lanes->len, ==, 3);
  g_assert_cmpstr (lane_at (l, 0)->label, ==, "BBC");
  g_assert_cmpstr (lane_at (l, 1)->label, ==, "Reuters");
  g_assert_cmpstr (lane_at (l, 2)->label, ==, "Other sources");
  g_assert_cmpuint (lane_at (l, 2)->n_entries, ==, 8 + 6 + 4 + 2 + 1);

  /* by tag: one item per tag, untagged in a lane of their own */
  dossier_timeline_model_set_tags (model, tags);
  dossier_timeline_model_set_lane_mode (model, DOSSIER_TIMELINE_LANES_TAG);
  l = dossier_timeline_model_layout (model, 1000, 44 + 7 * 60);
  g_assert_cmpuint (l->lanes->len, ==, 3);
  g_assert_cmpstr (lane_at (l, 0)->label, ==, "ukraine");
  g_assert_cmpstr (lane_at (l, 1)->label, ==, "sanctions");
  g_assert_cmpstr (lane_at (l, 2)->label, ==, "Untagged");
  g_assert_cmpuint (lane_at (l, 0)->n_entries, >, lane_at (l, 1)->n_entries);
  g_assert_cmpuint (dossier_timeline_model_get_n_entries (model), ==,
                    lane_at (l, 0)->n_entries + lane_at (l, 1)->n_entries + lane_at (l, 2)->n_entries);
  g_assert_cmpuint (dossier_timeline_model_get_n_entries (model), >, pts->len);

  /* and back to one lane */
  dossier_timeline_model_set_lane_mode (model, DOSSIER_TIMELINE_LANES_NONE);
  l = dossier_timeline_model_layout (model, 1000, 300);
  g_assert_cmpuint (l->lanes->len, ==, 1);
  g_assert_cmpuint (dossier_timeline_model_get_n_entries (model), ==, pts->len);
}

static void
test_hit (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  g_autoptr(GArray) pts = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  const DossierTimelineLayout *l;
  const DossierTimelineBox *b;
  DossierTimelineHit hit;
  DossierTimelineMetrics metrics = *dossier_timeline_model_get_metrics (model);
  gint64 day = jd (2013, 4, 15);

  for (guint i = 0; i < 10; i++)
    {
      DossierTimelinePoint p = point (100 + i, day + 3 * i, "A");
      g_array_append_val (pts, p);
    }
  dossier_timeline_model_set_points (model, (DossierTimelinePoint *) (gpointer) pts->data, pts->len);
  dossier_timeline_model_set_range (model, day - 5, day + 35);
  l = dossier_timeline_model_layout (model, 800, 200);

  b = find_box (l, 104);
  g_assert_nonnull (b);
  /* centred on its day */
  g_assert_cmpfloat_with_epsilon (b->x + b->width / 2,
                                  dossier_timeline_model_x_at_julian (model, 800, day + 12 + 0.5), 1e-6);
  g_assert_cmpint (dossier_timeline_model_hit_test (model, b->x + b->width / 2, b->y + b->height / 2, &hit),
                   ==, DOSSIER_TIMELINE_HIT_ITEM);
  g_assert_cmpint (hit.id, ==, 104);
  g_assert_cmpint (hit.from_julian, ==, day + 12);
  g_assert_cmpuint (hit.lane, ==, 0);

  /* between two boxes, and above them */
  g_assert_cmpint (dossier_timeline_model_hit_test (model, dossier_timeline_model_x_at_julian (model, 800, day + 14),
                                                    b->y + 2, &hit), ==, DOSSIER_TIMELINE_HIT_LANE);
  g_assert_cmpint (dossier_timeline_model_hit_test (model, b->x + 2, b->y - 30, &hit), ==,
                   DOSSIER_TIMELINE_HIT_LANE);
  g_assert_cmpint (dossier_timeline_model_hit_test (model, b->x + 2, 10, &hit), ==, DOSSIER_TIMELINE_HIT_AXIS);
  g_assert_cmpfloat_with_epsilon (hit.julian, dossier_timeline_model_julian_at_x (model, 800, b->x + 2), 1e-9);
  g_assert_cmpint (dossier_timeline_model_hit_test (model, -1, 100, &hit), ==, DOSSIER_TIMELINE_HIT_NONE);
  g_assert_cmpint (dossier_timeline_model_hit_test (model, 100, 500, &hit), ==, DOSSIER_TIMELINE_HIT_NONE);

  /* zoomed out to decades with two rows, a histogram: a hit gives the bin
   * and its count */
  metrics.max_rows = 2;
  dossier_timeline_model_set_metrics (model, &metrics);
  dossier_timeline_model_set_range (model, jd (1950, 1, 1), jd (2050, 1, 1));
  l = dossier_timeline_model_layout (model, 40, 200);
  g_assert_true (lane_at (l, 0)->histogram);
  g_assert_cmpuint (l->boxes->len, ==, 0);
  g_assert_cmpint (dossier_timeline_model_hit_test (model, dossier_timeline_model_x_at_julian (model, 40, day),
                                                    190, &hit), ==, DOSSIER_TIMELINE_HIT_BIN);
  g_assert_cmpuint (hit.count, ==, 10);
  g_assert_cmpint (hit.from_julian, <=, day);
  g_assert_cmpint (hit.to_julian, >=, day + 27);
  g_assert_cmpint (dossier_timeline_model_hit_test (model, 1, 190, &hit), ==, DOSSIER_TIMELINE_HIT_LANE);
}

static void
test_range_selection (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  gint64 day = jd (2013, 1, 1), from, to;

  dossier_timeline_model_set_range (model, day, day + 100);
  dossier_timeline_model_layout (model, 1000, 200);
  dossier_timeline_model_range_for_x (model, 100, 505, &from, &to);
  g_assert_cmpint (from, ==, day + 10);
  g_assert_cmpint (to, ==, day + 50);
  /* either direction */
  dossier_timeline_model_range_for_x (model, 505, 100, &from, &to);
  g_assert_cmpint (from, ==, day + 10);
  g_assert_cmpint (to, ==, day + 50);
  /* a click is one day */
  dossier_timeline_model_range_for_x (model, 333, 333, &from, &to);
  g_assert_cmpint (from, ==, day + 33);
  g_assert_cmpint (to, ==, day + 33);
}

static void
test_zoom (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  double start, end, anchor, x;
  gint64 day = jd (2013, 1, 1);

  dossier_timeline_model_set_range (model, day, day + 1000);
  anchor = dossier_timeline_model_julian_at_x (model, 1600, 400);
  dossier_timeline_model_zoom (model, 2, anchor);
  dossier_timeline_model_get_range (model, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, 500, 1e-6);
  x = dossier_timeline_model_x_at_julian (model, 1600, anchor);
  g_assert_cmpfloat_with_epsilon (x, 400, 1e-6);

  dossier_timeline_model_zoom (model, 1 / 8.0, anchor);
  dossier_timeline_model_get_range (model, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, 4000, 1e-6);
  g_assert_cmpfloat_with_epsilon (dossier_timeline_model_x_at_julian (model, 1600, anchor), 400, 1e-6);

  /* never narrower than the least span */
  dossier_timeline_model_zoom (model, 1e6, anchor);
  dossier_timeline_model_get_range (model, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, DOSSIER_TIMELINE_MIN_SPAN, 1e-6);
  g_assert_cmpfloat_with_epsilon (dossier_timeline_model_x_at_julian (model, 1600, anchor), 400, 1e-3);
  /* nor wider than the most */
  dossier_timeline_model_zoom (model, 1e-9, anchor);
  dossier_timeline_model_get_range (model, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, DOSSIER_TIMELINE_MAX_SPAN, 1e-6);
  g_assert_cmpfloat (start, >=, 1);
  /* nonsense is ignored */
  dossier_timeline_model_zoom (model, NAN, anchor);
  dossier_timeline_model_zoom (model, -2, anchor);
  dossier_timeline_model_zoom (model, 0, anchor);
  dossier_timeline_model_get_range (model, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, DOSSIER_TIMELINE_MAX_SPAN, 1e-6);

  /* pan */
  dossier_timeline_model_set_range (model, day, day + 100);
  dossier_timeline_model_pan (model, 30);
  dossier_timeline_model_get_range (model, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, day + 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (end, day + 130, 1e-9);
  /* reveal pans only as far as needed */
  dossier_timeline_model_reveal (model, day + 150, 0.1);
  dossier_timeline_model_get_range (model, &start, &end);
  g_assert_cmpfloat_with_epsilon (end, day + 160, 1e-9);
  dossier_timeline_model_reveal (model, day + 100, 0.1);
  dossier_timeline_model_get_range (model, &start, &end);
  g_assert_cmpfloat_with_epsilon (end, day + 160, 1e-9);
}

static void
test_fit (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  DossierTimelinePoint pts[] = {
    point (1, jd (2011, 3, 1), "A"),
    point (2, jd (2009, 6, 1), "A"),
    point (3, jd (2014, 12, 31), "B"),
  };
  double start, end;

  /* empty: a year around now */
  dossier_timeline_model_fit (model);
  dossier_timeline_model_get_range (model, &start, &end);
  g_assert_cmpfloat (end - start, >, 365);
  g_assert_cmpfloat (end - start, <, 400);

  dossier_timeline_model_set_points (model, pts, G_N_ELEMENTS (pts));
  dossier_timeline_model_set_range (model, 1000, 1100);
  dossier_timeline_model_fit (model);
  dossier_timeline_model_get_range (model, &start, &end);
  g_assert_cmpfloat (start, <, jd (2009, 6, 1));
  g_assert_cmpfloat (start, >, jd (2009, 1, 1));
  g_assert_cmpfloat (end, >, jd (2015, 1, 1));
  g_assert_cmpfloat (end, <, jd (2015, 6, 1));

  /* a single day gets a couple of weeks around it */
  dossier_timeline_model_set_points (model, pts, 1);
  dossier_timeline_model_fit (model);
  dossier_timeline_model_get_range (model, &start, &end);
  g_assert_cmpfloat (start, <, jd (2011, 3, 1));
  g_assert_cmpfloat (end, >, jd (2011, 3, 2));
  g_assert_cmpfloat (end - start, >=, 14);
  g_assert_cmpfloat (end - start, <, 20);
}

static void
test_cursor (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  DossierTimelinePoint pts[] = {
    point (30, jd (2012, 3, 1), "A"),
    point (10, jd (2012, 1, 1), "A"),
    point (20, jd (2012, 2, 1), "A"),
    point (40, jd (2012, 2, 3), "B"),
    point (50, jd (2012, 6, 1), "B"),
    point (60, -1, "A"),
  };
  DossierTimelineEntry e;
  gint64 order[] = { 10, 20, 30 };

  dossier_timeline_model_set_points (model, pts, G_N_ELEMENTS (pts));
  dossier_timeline_model_set_range (model, jd (2011, 12, 1), jd (2012, 7, 1));
  g_assert_cmpuint (dossier_timeline_model_get_cursor (model), ==, G_MAXUINT);

  /* lanes by source: A (3 dated), B (2), Undated */
  dossier_timeline_model_set_lane_mode (model, DOSSIER_TIMELINE_LANES_SOURCE);
  dossier_timeline_model_set_cursor (model, dossier_timeline_model_find_entry (model, 10));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_assert_true (dossier_timeline_model_get_entry (model, dossier_timeline_model_get_cursor (model), &e));
      g_assert_cmpint (e.id, ==, order[i]);
      if (i + 1 < G_N_ELEMENTS (order))
        g_assert_true (dossier_timeline_model_move_cursor (model, DOSSIER_TIMELINE_NEXT));
    }
  /* the end of the lane */
  g_assert_false (dossier_timeline_model_move_cursor (model, DOSSIER_TIMELINE_NEXT));
  g_assert_true (dossier_timeline_model_move_cursor (model, DOSSIER_TIMELINE_PREVIOUS));
  dossier_timeline_model_get_entry (model, dossier_timeline_model_get_cursor (model), &e);
  g_assert_cmpint (e.id, ==, 20);

  /* down: the nearest in time in the next lane (2 Feb → 3 Feb) */
  g_assert_true (dossier_timeline_model_move_cursor (model, DOSSIER_TIMELINE_DOWN));
  dossier_timeline_model_get_entry (model, dossier_timeline_model_get_cursor (model), &e);
  g_assert_cmpint (e.id, ==, 40);
  g_assert_true (dossier_timeline_model_move_cursor (model, DOSSIER_TIMELINE_DOWN));
  dossier_timeline_model_get_entry (model, dossier_timeline_model_get_cursor (model), &e);
  g_assert_cmpint (e.id, ==, 60);
  g_assert_cmpint (e.julian, ==, -1);
  g_assert_false (dossier_timeline_model_move_cursor (model, DOSSIER_TIMELINE_DOWN));
  g_assert_true (dossier_timeline_model_move_cursor (model, DOSSIER_TIMELINE_UP));
  g_assert_true (dossier_timeline_model_move_cursor (model, DOSSIER_TIMELINE_LAST));
  dossier_timeline_model_get_entry (model, dossier_timeline_model_get_cursor (model), &e);
  g_assert_cmpint (e.id, ==, 50);

  /* the cursor follows its article across a change of lanes */
  dossier_timeline_model_set_lane_mode (model, DOSSIER_TIMELINE_LANES_NONE);
  dossier_timeline_model_get_entry (model, dossier_timeline_model_get_cursor (model), &e);
  g_assert_cmpint (e.id, ==, 50);
  /* in one lane, previous/next walk all dated items in time */
  g_assert_true (dossier_timeline_model_move_cursor (model, DOSSIER_TIMELINE_PREVIOUS));
  dossier_timeline_model_get_entry (model, dossier_timeline_model_get_cursor (model), &e);
  g_assert_cmpint (e.id, ==, 30);
  g_assert_true (dossier_timeline_model_move_cursor (model, DOSSIER_TIMELINE_PREVIOUS));
  dossier_timeline_model_get_entry (model, dossier_timeline_model_get_cursor (model), &e);
  g_assert_cmpint (e.id, ==, 40);

  /* no cursor: the first move lands near the middle of the view */
  dossier_timeline_model_set_cursor (model, G_MAXUINT);
  dossier_timeline_model_set_range (model, jd (2012, 5, 1), jd (2012, 7, 1));
  g_assert_true (dossier_timeline_model_move_cursor (model, DOSSIER_TIMELINE_NEXT));
  dossier_timeline_model_get_entry (model, dossier_timeline_model_get_cursor (model), &e);
  g_assert_cmpint (e.id, ==, 50);

  /* the cursor's article gone: no cursor */
  dossier_timeline_model_set_points (model, pts, 3);
  g_assert_cmpuint (dossier_timeline_model_get_cursor (model), ==, G_MAXUINT);
}

static void
test_format (void)
{
  g_autofree char *day = dossier_timeline_format_date (jd (2013, 4, 15), 3);
  g_autofree char *month = dossier_timeline_format_date (jd (2013, 4, 1), 2);
  g_autofree char *year = dossier_timeline_format_date (jd (2013, 1, 1), 1);
  g_autofree char *none = dossier_timeline_format_date (-1, 0);

  g_assert_cmpstr (day, ==, "15 April 2013");
  g_assert_cmpstr (month, ==, "April 2013");
  g_assert_cmpstr (year, ==, "2013");
  g_assert_cmpstr (none, ==, "Undated");
}

static GArray *
make_points (guint n)
{
  GArray *pts = g_array_sized_new (FALSE, FALSE, sizeof (DossierTimelinePoint), n);
  const char *sources[] = { "BBC", "Reuters", "RT", "TASS", "CNN", "Guardian", "NYT" };
  GRand *rand = g_rand_new_with_seed (42);
  gint64 first = jd (2009, 1, 1), span = jd (2014, 12, 31) - first;

  for (guint i = 0; i < n; i++)
    {
      gint64 day = g_rand_int_range (rand, 0, 50) == 0
                   ? -1 : first + g_rand_int_range (rand, 0, (gint32) span);
      DossierTimelinePoint p = point (i + 1, day, sources[g_rand_int_range (rand, 0, G_N_ELEMENTS (sources))]);

      g_array_append_val (pts, p);
    }
  g_rand_free (rand);
  return pts;
}

static int
compare_points_by_date (gconstpointer a,
                        gconstpointer b)
{
  const DossierTimelinePoint *pa = a, *pb = b;

  if (pa->julian != pb->julian)
    return pa->julian < pb->julian ? -1 : 1;
  return pa->id < pb->id ? -1 : pa->id > pb->id;
}

static void
test_performance (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  g_autoptr(GArray) pts = make_points (100000);
  gint64 t0, t_set, worst = 0, total = 0;
  const DossierTimelineLanes modes[] = { DOSSIER_TIMELINE_LANES_NONE, DOSSIER_TIMELINE_LANES_SOURCE };
  const double spans[] = { 2200, 365, 60, 7 };
  guint runs = 0;

  /* shuffled: a full sort */
  t0 = g_get_monotonic_time ();
  dossier_timeline_model_set_points (model, (DossierTimelinePoint *) (gpointer) pts->data, pts->len);
  t_set = g_get_monotonic_time () - t0;
  g_test_message ("set_points, 100000 shuffled points (sort + lanes): %.2f ms", t_set / 1000.0);
  g_assert_cmpint (t_set, <, 1000000);

  /* in the store's order (by date, then id) */
  g_array_sort (pts, compare_points_by_date);
  t0 = g_get_monotonic_time ();
  dossier_timeline_model_set_points (model, (DossierTimelinePoint *) (gpointer) pts->data, pts->len);
  t_set = g_get_monotonic_time () - t0;
  g_test_message ("set_points, 100000 points in the store's order: %.2f ms", t_set / 1000.0);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      t0 = g_get_monotonic_time ();
      dossier_timeline_model_set_lane_mode (model, modes[m]);
      /* the first layout folds the lanes to what fits the height */
      dossier_timeline_model_layout (model, 1600, 400);
      g_test_message ("switch to lanes %s (regroup 100000 points): %.2f ms",
                      m == 0 ? "none" : "by source", (g_get_monotonic_time () - t0) / 1000.0);
      for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
        {
          gint64 lane_worst = 0;

          dossier_timeline_model_set_range (model, jd (2009, 1, 1), jd (2009, 1, 1) + spans[s]);
          for (guint i = 0; i < 20; i++)
            {
              gint64 dt;

              dossier_timeline_model_pan (model, spans[s] / 97.0);
              t0 = g_get_monotonic_time ();
              dossier_timeline_model_layout (model, 1600, 400);
              dt = g_get_monotonic_time () - t0;
              lane_worst = MAX (lane_worst, dt);
              total += dt;
              runs++;
            }
          worst = MAX (worst, lane_worst);
          g_test_message ("layout 1600x400, 100000 points, lanes %s, %5.0f days in view: worst %.3f ms",
                          m == 0 ? "none  " : "source", spans[s], lane_worst / 1000.0);
        }
    }
  g_test_message ("layout: mean %.3f ms, worst %.3f ms over %u runs",
                  total / 1000.0 / runs, worst / 1000.0, runs);
  /* the frame budget is 8 ms for everything; this bound only catches a
   * real regression on a slow, loaded machine */
  g_assert_cmpint (worst, <, 50000);
  g_assert_cmpint (t_set, <, 100000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/TimelineModel/ticks", test_ticks);
  g_test_add_func ("/Dossier/TimelineModel/bins", test_bins);
  g_test_add_func ("/Dossier/TimelineModel/stacking", test_stacking);
  g_test_add_func ("/Dossier/TimelineModel/undated", test_undated);
  g_test_add_func ("/Dossier/TimelineModel/take-points", test_take_points);
  g_test_add_func ("/Dossier/TimelineModel/remove-ids", test_remove_ids);
  g_test_add_func ("/Dossier/TimelineModel/suggested", test_suggested);
  g_test_add_func ("/Dossier/TimelineModel/lanes", test_lanes);
  g_test_add_func ("/Dossier/TimelineModel/hit", test_hit);
  g_test_add_func ("/Dossier/TimelineModel/range-selection", test_range_selection);
  g_test_add_func ("/Dossier/TimelineModel/zoom", test_zoom);
  g_test_add_func ("/Dossier/TimelineModel/fit", test_fit);
  g_test_add_func ("/Dossier/TimelineModel/cursor", test_cursor);
  g_test_add_func ("/Dossier/TimelineModel/format", test_format);
  g_test_add_func ("/Dossier/TimelineModel/performance", test_performance);

  return g_test_run ();
}
