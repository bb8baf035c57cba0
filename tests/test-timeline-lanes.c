/* test-timeline-lanes.c — the timeline's lanes by person and by story: the
 * marks read for the list's articles, the lanes they make, and a quote's
 * mark activated from the keyboard; colours by story, lane names cut short,
 * the axis's labels clear of the people button, and a person's page's
 * Show on Timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <math.h>

#include "dossier-people.h"
#include "dossier-search.h"
#include "dossier-search-bar.h"
#include "dossier-stories.h"
#include "dossier-timeline.h"
#include "dossier-timeline-marks.h"
#include "dossier-timeline-private.h"
#include "dossier-window-private.h"
#include "dossier-test-util.h"

static gint64
add (DossierLibrary *library,
     const char     *title,
     const char     *source,
     const char     *date,
     const char     *body)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  DossierDate d = DOSSIER_DATE_INIT;
  gint64 id;

  dossier_article_set_title (a, title);
  dossier_article_set_source (a, source);
  dossier_article_set_body (a, body);
  if (date != NULL && dossier_date_from_iso (date, &d))
    dossier_article_set_published (a, &d);
  id = dossier_library_add_article_sync (library, a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

typedef struct
{
  DossierTestLibrary lib;
  gint64             first, second, third, undated;
} Fixture;

/* Lavrov quoted three times (twice in one article), Kerry twice, Peskov
 * once; an undated article quotes Lavrov too. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  dossier_test_library_setup (&f->lib, data);
  f->first = add (f->lib.library, "Talks open", "Wire", "2013-03-01",
                  "\"We are ready to talk,\" said Sergei Lavrov, Russia's foreign minister.\n\n"
                  "\"So are we,\" said John Kerry, the U.S. secretary of state.\n\n"
                  "\"Nothing is agreed yet,\" Lavrov told reporters.");
  f->second = add (f->lib.library, "Talks go on", "Herald", "2013-06-15",
                   "\"The talks go on,\" said John Kerry, the U.S. secretary of state.\n\n"
                   "\"We see progress,\" said Sergei Lavrov, Russia's foreign minister.");
  f->third = add (f->lib.library, "Kremlin view", "Herald", "2014-01-10",
                  "\"The president has no plans to travel,\" said Dmitry Peskov, the Kremlin spokesman.");
  f->undated = add (f->lib.library, "Undated remarks", "Wire", NULL,
                    "\"Undated words,\" said Sergei Lavrov, Russia's foreign minister.");
  g_assert_cmpint (dossier_people_find_quotes_sync (f->lib.library, G_MAXUINT, NULL, &error), ==, 4);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dossier_test_library_teardown (&f->lib, data);
}

static gint64
person (DossierLibrary *library,
        const char     *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_people_find_sync (library, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static guint
count_key (GArray     *points,
           const char *key)
{
  guint n = 0;

  for (guint i = 0; i < points->len; i++)
    if (g_strcmp0 (g_array_index (points, DossierTimelinePoint, i).key, key) == 0)
      n++;
  return n;
}

/* The default: the most quoted of the list, a point per dated quote */
static void
test_people_default (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierTimelinePeople) people = NULL;
  DossierPersonSummary *top;

  people = dossier_timeline_people_sync (f->lib.library, NULL, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->offered->len, ==, 3);
  top = g_ptr_array_index (people->offered, 0);
  g_assert_cmpstr (top->name, ==, "Sergei Lavrov");
  g_assert_cmpint (top->quotes, ==, 4);
  g_assert_cmpuint (people->shown->len, ==, 3);
  /* Lavrov's undated quote has no place in time */
  g_assert_cmpuint (people->points->len, ==, 6);
  g_assert_cmpuint (count_key (people->points, "Sergei Lavrov"), ==, 3);
  g_assert_cmpuint (count_key (people->points, "John Kerry"), ==, 2);
  g_assert_cmpuint (count_key (people->points, "Dmitry Peskov"), ==, 1);
  for (guint i = 0; i < people->points->len; i++)
    {
      DossierTimelinePoint *p = &g_array_index (people->points, DossierTimelinePoint, i);

      g_assert_cmpint (p->item, >, 0);
      g_assert_cmpint (p->julian, >, 0);
      g_assert_true (p->id == f->first || p->id == f->second || p->id == f->third);
    }
}

/* A choice, and the list's search narrowing both the marks and the offer */
static void
test_people_chosen (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierTimelinePeople) people = NULL;
  g_autoptr(DossierTimelinePeople) herald = NULL;
  g_autoptr(DossierQuery) query = dossier_query_parse ("source:Herald", FALSE);
  gint64 kerry = person (f->lib.library, "John Kerry");

  people = dossier_timeline_people_sync (f->lib.library, NULL, &kerry, 1, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->points->len, ==, 2);
  g_assert_cmpuint (count_key (people->points, "John Kerry"), ==, 2);

  herald = dossier_timeline_people_sync (f->lib.library, query, NULL, 0, 10, &error);
  g_assert_no_error (error);
  /* in the Herald: Kerry, Lavrov and Peskov once each */
  g_assert_cmpuint (herald->offered->len, ==, 3);
  g_assert_cmpuint (herald->points->len, ==, 3);
  for (guint i = 0; i < herald->points->len; i++)
    g_assert_true (g_array_index (herald->points, DossierTimelinePoint, i).id != f->first);
}

/* The person filter of the list goes through the one filter builder: the
 * lanes then hold only the articles that quote or mention them */
static void
test_person_filter (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierSearch) search = dossier_search_new ();
  g_autoptr(DossierQuery) query = NULL;
  g_autoptr(DossierTimelinePeople) people = NULL;

  dossier_search_set_person (search, "Kerry");
  query = dossier_search_dup_query (search);
  people = dossier_timeline_people_sync (f->lib.library, query, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->offered->len, ==, 2);
  g_assert_cmpuint (count_key (people->points, "Dmitry Peskov"), ==, 0);
  g_assert_cmpuint (count_key (people->points, "John Kerry"), ==, 2);
  g_assert_cmpuint (count_key (people->points, "Sergei Lavrov"), ==, 3);
}

static void
test_stories (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) points = NULL;
  gint64 story;

  story = dossier_stories_move_sync (f->lib.library, f->first, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_stories_move_sync (f->lib.library, f->second, story, &error), ==, story);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_stories_move_sync (f->lib.library, f->third, 0, &error), >, 0);
  g_assert_no_error (error);

  points = dossier_timeline_stories_sync (f->lib.library, NULL, &error);
  g_assert_no_error (error);
  /* the undated article is in no story: only the three */
  g_assert_cmpuint (points->len, ==, 3);
  /* a story's title is its earliest article's */
  g_assert_cmpuint (count_key (points, "Talks open"), ==, 2);
  g_assert_cmpuint (count_key (points, "Kremlin view"), ==, 1);
}

/* The model's lanes by person: one per key, most marks first, and each
 * mark keeps its item */
static void
test_model_lanes (void)
{
  g_autoptr(DossierTimelineModel) model = dossier_timeline_model_new ();
  const char *a = g_intern_static_string ("Anna"), *b = g_intern_static_string ("Boris");
  DossierTimelinePoint points[] = {
    { 1, 2456000, 3, 0, NULL, -1, NULL, b, 11 },
    { 1, 2456000, 3, 0, NULL, -1, NULL, a, 12 },
    { 2, 2456100, 3, 0, NULL, -1, NULL, a, 13 },
    { 3, 2456200, 3, 0, NULL, -1, NULL, a, 14 },
  };
  const DossierTimelineLayout *layout;
  DossierTimelineEntry e;

  dossier_timeline_model_set_points (model, points, G_N_ELEMENTS (points));
  dossier_timeline_model_set_lane_mode (model, DOSSIER_TIMELINE_LANES_PERSON);
  dossier_timeline_model_set_range (model, 2455990, 2456210);
  layout = dossier_timeline_model_layout (model, 800, 400);
  g_assert_cmpuint (layout->lanes->len, ==, 2);
  g_assert_cmpstr (g_array_index (layout->lanes, DossierTimelineLane, 0).label, ==, "Anna");
  g_assert_cmpuint (g_array_index (layout->lanes, DossierTimelineLane, 0).n_entries, ==, 3);
  g_assert_cmpstr (g_array_index (layout->lanes, DossierTimelineLane, 1).label, ==, "Boris");
  g_assert_cmpuint (dossier_timeline_model_get_n_entries (model), ==, 4);
  g_assert_true (dossier_timeline_model_get_entry (model, 3, &e));
  g_assert_cmpint (e.item, ==, 11);
  g_assert_cmpstr (e.key, ==, "Boris");

  /* by story, the articles in no story come last, however many */
  {
    DossierTimelinePoint more[] = {
      { 4, 2456000, 3, 0, NULL, -1, NULL, NULL, 0 },
      { 5, 2456001, 3, 0, NULL, -1, NULL, NULL, 0 },
      { 6, 2456002, 3, 0, NULL, -1, NULL, NULL, 0 },
      { 7, 2456003, 3, 0, NULL, -1, NULL, NULL, 0 },
      { 8, 2456004, 3, 0, NULL, -1, NULL, b, 0 },
    };

    dossier_timeline_model_set_points (model, more, G_N_ELEMENTS (more));
    dossier_timeline_model_set_lane_mode (model, DOSSIER_TIMELINE_LANES_STORY);
    layout = dossier_timeline_model_layout (model, 800, 400);
    g_assert_cmpuint (layout->lanes->len, ==, 2);
    g_assert_cmpstr (g_array_index (layout->lanes, DossierTimelineLane, 0).label, ==, "Boris");
    g_assert_cmpstr (g_array_index (layout->lanes, DossierTimelineLane, 1).label, ==, "Not in a story");
  }
}

static void
on_activated (DossierTimeline *timeline,
              gint64           id,
              gint64          *out)
{
  out[0] = id;
  out[1] = dossier_timeline_get_cursor_item (timeline);
}

/* In the widget: Down reaches the second lane, Enter activates its mark
 * with the quote as the cursor's item, and the accessible description
 * names the speaker */
static void
test_widget_keyboard (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierTimelinePeople) people = NULL;
  GtkWidget *window = gtk_window_new ();
  DossierTimeline *timeline = dossier_timeline_new ();
  gint64 activated[2] = { 0, 0 };
  DossierTimelineEntry e;
  DossierTimelineModel *model;
  g_autofree char *description = NULL;

  people = dossier_timeline_people_sync (f->lib.library, NULL, NULL, 0, 10, &error);
  g_assert_no_error (error);
  gtk_widget_set_size_request (GTK_WIDGET (timeline), 800, 300);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (timeline));
  dossier_timeline_set_lane_mode (timeline, DOSSIER_TIMELINE_LANES_PERSON);
  dossier_timeline_set_points (timeline, people->points);
  g_signal_connect (timeline, "article-activated", G_CALLBACK (on_activated), activated);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_poll_until (gtk_widget_get_height (GTK_WIDGET (timeline)) == 300);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (timeline)), ==, 300);

  model = _dossier_timeline_get_model (timeline);
  g_assert_true (_dossier_timeline_key (timeline, GDK_KEY_Right, 0));
  g_assert_true (dossier_timeline_model_get_entry (model, dossier_timeline_model_get_cursor (model), &e));
  g_assert_cmpuint (e.lane, ==, 0);
  g_assert_true (_dossier_timeline_key (timeline, GDK_KEY_Down, 0));
  g_assert_true (dossier_timeline_model_get_entry (model, dossier_timeline_model_get_cursor (model), &e));
  g_assert_cmpuint (e.lane, ==, 1);
  g_assert_true (_dossier_timeline_key (timeline, GDK_KEY_Return, 0));
  g_assert_cmpint (activated[0], ==, e.id);
  g_assert_cmpint (activated[1], ==, e.item);
  g_assert_cmpint (activated[1], >, 0);

  description = _dossier_timeline_describe_entry (timeline, dossier_timeline_model_get_cursor (model), FALSE);
  g_assert_nonnull (strstr (description, e.key));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* first + second in one story, third in another; the undated in none */
static gint64
make_stories (Fixture *f,
              gint64  *other)
{
  g_autoptr(GError) error = NULL;
  gint64 story = dossier_stories_move_sync (f->lib.library, f->first, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpint (dossier_stories_move_sync (f->lib.library, f->second, story, &error), ==, story);
  g_assert_no_error (error);
  *other = dossier_stories_move_sync (f->lib.library, f->third, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (*other, >, 0);
  return story;
}

static gboolean
same_color (const GdkRGBA *a,
            const GdkRGBA *b)
{
  return gdk_rgba_equal (a, b);
}

static double
luminance (const GdkRGBA *c)
{
  double v[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* the box of article @id in the last layout; FALSE if none */
static gboolean
box_of (DossierTimeline    *timeline,
        gint64              id,
        DossierTimelineBox *out)
{
  const DossierTimelineLayout *layout = dossier_timeline_model_layout (_dossier_timeline_get_model (timeline),
                                                                       gtk_widget_get_width (GTK_WIDGET (timeline)),
                                                                       gtk_widget_get_height (GTK_WIDGET (timeline)));

  for (guint i = 0; i < layout->boxes->len; i++)
    if (g_array_index (layout->boxes, DossierTimelineBox, i).id == id)
      {
        *out = g_array_index (layout->boxes, DossierTimelineBox, i);
        return TRUE;
      }
  return FALSE;
}

/* Colour by Story on the plain timeline: a story's articles share a
 * colour, another story has another, an article in none is grey; the
 * tooltip and the screen reader name the story; every colour stands out
 * from the view in light and in dark */
static void
test_story_colors (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GArray) stories = NULL;
  GtkWidget *window = gtk_window_new ();
  DossierTimeline *timeline = dossier_timeline_new ();
  GdkRGBA first, second, third, undated;
  gint64 other, story = make_stories (f, &other);
  DossierTimelineBox box = { 0 };
  g_autofree char *tooltip = NULL;
  g_autofree char *plain = NULL;
  const DossierTimelineDrawn *drawn;
  GdkRGBA white = { 1, 1, 1, 1 }, dark_bg;

  g_assert_cmpint (story % _dossier_timeline_n_story_colors (), !=, other % _dossier_timeline_n_story_colors ());
  points = dossier_library_timeline_points_sync (f->lib.library, NULL, &error);
  g_assert_no_error (error);
  stories = dossier_timeline_stories_sync (f->lib.library, NULL, &error);
  g_assert_no_error (error);
  gtk_widget_set_size_request (GTK_WIDGET (timeline), 900, 200);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (timeline));
  dossier_timeline_set_points (timeline, points);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_poll_until (gtk_widget_get_width (GTK_WIDGET (timeline)) == 900);

  /* off: the accent for all, no story named */
  g_assert_false (dossier_timeline_get_story_colors (timeline));
  g_assert_false (_dossier_timeline_story_color (timeline, f->first, FALSE, &first));
  g_assert_cmpuint (_dossier_timeline_draw_for_test (timeline)->n_story_marks, ==, 0);

  dossier_timeline_set_story_colors (timeline, stories);
  g_assert_true (dossier_timeline_get_story_colors (timeline));
  for (guint dark = 0; dark < 2; dark++)
    {
      g_assert_true (_dossier_timeline_story_color (timeline, f->first, dark, &first));
      g_assert_true (_dossier_timeline_story_color (timeline, f->second, dark, &second));
      g_assert_true (_dossier_timeline_story_color (timeline, f->third, dark, &third));
      g_assert_true (_dossier_timeline_story_color (timeline, f->undated, dark, &undated));
      g_assert_true (same_color (&first, &second));
      g_assert_false (same_color (&first, &third));
      g_assert_false (same_color (&first, &undated));
      g_assert_cmpfloat (first.alpha, ==, 1.0);
      g_assert_cmpfloat (undated.alpha, <, 0.6);
    }
  /* each colour at least 3:1 against the view, light and dark */
  gdk_rgba_parse (&dark_bg, "#1e1e1e");
  for (guint i = 0; i < _dossier_timeline_n_story_colors (); i++)
    {
      GdkRGBA c;

      _dossier_timeline_nth_story_color (i, FALSE, &c);
      g_assert_cmpfloat (contrast (&c, &white), >=, 3.0);
      _dossier_timeline_nth_story_color (i, TRUE, &c);
      g_assert_cmpfloat (contrast (&c, &dark_bg), >=, 3.0);
    }

  /* the three marks of stories are drawn in their colours */
  drawn = _dossier_timeline_draw_for_test (timeline);
  g_assert_cmpuint (drawn->n_story_marks, ==, 3);
  g_assert_true (box_of (timeline, f->first, &box));
  tooltip = _dossier_timeline_tooltip (timeline, box.x + box.width / 2, box.y + box.height / 2);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "Talks open"));
  g_assert_nonnull (strstr (tooltip, "Story: Talks open"));
  dossier_timeline_set_selected_id (timeline, f->third);
  plain = _dossier_timeline_describe_entry (timeline, dossier_timeline_model_get_cursor (_dossier_timeline_get_model (timeline)), FALSE);
  g_assert_nonnull (strstr (plain, "in the story Kremlin view"));

  /* the legend: the stories in view, the most marks first, each with
   * its marks' colour; those in no story last */
  {
    g_autoptr(GArray) legend = NULL;
    const DossierTimelineLegendItem *item;

    dossier_timeline_fit (timeline);
    legend = dossier_timeline_get_story_legend (timeline);
    g_assert_nonnull (legend);
    g_assert_cmpuint (legend->len, ==, 3);
    item = &g_array_index (legend, DossierTimelineLegendItem, 0);
    g_assert_cmpstr (item->title, ==, "Talks open");
    g_assert_cmpint (item->story, ==, story);
    g_assert_cmpuint (item->n_marks, ==, 2);
    g_assert_cmpuint (item->slot, ==, _dossier_timeline_story_slot (timeline, f->first));
    item = &g_array_index (legend, DossierTimelineLegendItem, 1);
    g_assert_cmpstr (item->title, ==, "Kremlin view");
    g_assert_cmpuint (item->n_marks, ==, 1);
    g_assert_cmpuint (item->slot, ==, _dossier_timeline_story_slot (timeline, f->third));
    item = &g_array_index (legend, DossierTimelineLegendItem, 2);
    g_assert_cmpint (item->story, ==, 0);
    g_assert_null (item->title);
    g_assert_cmpuint (item->slot, ==, DOSSIER_TIMELINE_NO_STORY_SLOT);
    g_clear_pointer (&legend, g_array_unref);

    /* panned to 2014: only the Kremlin's story is in view (and the
     * undated lane, which always shows) */
    {
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_dmy (&d, 1, G_DATE_JANUARY, 2014);
      dossier_timeline_set_visible_range (timeline, g_date_get_julian (&d), g_date_get_julian (&d) + 30);
    }
    legend = dossier_timeline_get_story_legend (timeline);
    g_assert_cmpuint (legend->len, ==, 2);
    g_assert_cmpstr (g_array_index (legend, DossierTimelineLegendItem, 0).title, ==, "Kremlin view");
    g_assert_cmpint (g_array_index (legend, DossierTimelineLegendItem, 1).story, ==, 0);
  }

  /* and off again */
  dossier_timeline_set_story_colors (timeline, NULL);
  g_assert_cmpuint (_dossier_timeline_draw_for_test (timeline)->n_story_marks, ==, 0);
  g_assert_null (dossier_timeline_get_story_legend (timeline));
  gtk_window_destroy (GTK_WINDOW (window));
}

static DossierTimelinePoint
point (gint64      id,
       gint64      julian,
       const char *key,
       gint64      item)
{
  DossierTimelinePoint p = { 0 };

  p.id = id;
  p.julian = julian;
  p.precision = julian > 0 ? 3 : 0;
  p.key = key != NULL ? g_intern_string (key) : NULL;
  p.item = item;
  return p;
}

/* Histogram bars and "+N" badges with colours by story: a bar is split
 * in the colours of the stories of its articles, grey for those in none;
 * a badge's strip has the colours of the articles it stands for */
static void
test_story_bars_and_badges (void)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  g_autoptr(GArray) stories = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  GtkWidget *window = gtk_window_new ();
  DossierTimeline *timeline = dossier_timeline_new ();
  DossierTimelineModel *model;
  const DossierTimelineLayout *layout;
  const DossierTimelineDrawn *drawn;
  guint counts[DOSSIER_TIMELINE_N_STORY_SLOTS];
  guint dated_lane = G_MAXUINT, undated_lane = G_MAXUINT, bin = G_MAXUINT;
  const DossierTimelineBox *badge = NULL;
  GDate d;
  gint64 day;
  /* stories 9 and 10: colour slots 1 and 2 */
  const gint64 story_a = 9, story_b = 10;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 10, G_DATE_MARCH, 2015);
  day = g_date_get_julian (&d);
  /* 300 articles in two days: 1..200 of story A, 201..240 of B, the rest in none */
  for (gint64 id = 1; id <= 300; id++)
    {
      DossierTimelinePoint p = point (id, day + (id > 150), NULL, 0);

      g_array_append_val (points, p);
      if (id <= 240)
        {
          DossierTimelinePoint s = point (id, 0, id <= 200 ? "Story A" : "Story B", id <= 200 ? story_a : story_b);

          g_array_append_val (stories, s);
        }
    }
  /* 100 undated: the last ten (the highest ids, packed last) of story B */
  for (gint64 id = 1001; id <= 1100; id++)
    {
      DossierTimelinePoint p = point (id, -1, NULL, 0);

      g_array_append_val (points, p);
      if (id > 1090)
        {
          DossierTimelinePoint s = point (id, 0, "Story B", story_b);

          g_array_append_val (stories, s);
        }
    }
  gtk_widget_set_size_request (GTK_WIDGET (timeline), 300, 220);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (timeline));
  dossier_timeline_set_points (timeline, points);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_poll_until (gtk_widget_get_width (GTK_WIDGET (timeline)) >= 300);
  dossier_timeline_set_visible_range (timeline, day - 400, day + 400);
  model = _dossier_timeline_get_model (timeline);
  layout = dossier_timeline_model_layout (model, gtk_widget_get_width (GTK_WIDGET (timeline)),
                                          gtk_widget_get_height (GTK_WIDGET (timeline)));
  for (guint i = 0; i < layout->lanes->len; i++)
    if (g_array_index (layout->lanes, DossierTimelineLane, i).undated)
      undated_lane = i;
    else
      dated_lane = i;
  g_assert_cmpuint (dated_lane, !=, G_MAXUINT);
  g_assert_cmpuint (undated_lane, !=, G_MAXUINT);
  g_assert_true (g_array_index (layout->lanes, DossierTimelineLane, dated_lane).histogram);
  for (guint b = 0; b < layout->bins->len; b++)
    if (layout->counts[(gsize) dated_lane * layout->bins->len + b] > 0)
      bin = b;
  g_assert_cmpuint (bin, !=, G_MAXUINT);
  for (guint i = 0; i < layout->boxes->len; i++)
    if (g_array_index (layout->boxes, DossierTimelineBox, i).lane == undated_lane
        && g_array_index (layout->boxes, DossierTimelineBox, i).overflow > 0)
      badge = &g_array_index (layout->boxes, DossierTimelineBox, i);
  g_assert_nonnull (badge);
  g_assert_cmpuint (badge->overflow, >, 10);

  /* off: plain bars and badges */
  g_assert_false (_dossier_timeline_bin_split (timeline, dated_lane, bin, counts));
  g_assert_false (_dossier_timeline_badge_split (timeline, layout, badge, counts));
  drawn = _dossier_timeline_draw_for_test (timeline);
  g_assert_cmpuint (drawn->n_story_bars, ==, 0);
  g_assert_cmpuint (drawn->n_story_badges, ==, 0);

  dossier_timeline_set_story_colors (timeline, stories);
  layout = dossier_timeline_model_layout (model, gtk_widget_get_width (GTK_WIDGET (timeline)),
                                          gtk_widget_get_height (GTK_WIDGET (timeline)));
  g_assert_true (_dossier_timeline_bin_split (timeline, dated_lane, bin, counts));
  g_assert_cmpuint (counts[story_a % 8], ==, 200);
  g_assert_cmpuint (counts[story_b % 8], ==, 40);
  g_assert_cmpuint (counts[DOSSIER_TIMELINE_NO_STORY_SLOT], ==, 60);
  for (guint s = 0; s < DOSSIER_TIMELINE_NO_STORY_SLOT; s++)
    if (s != story_a % 8 && s != story_b % 8)
      g_assert_cmpuint (counts[s], ==, 0);
  for (guint i = 0; i < layout->boxes->len; i++)
    if (g_array_index (layout->boxes, DossierTimelineBox, i).lane == undated_lane
        && g_array_index (layout->boxes, DossierTimelineBox, i).overflow > 0)
      badge = &g_array_index (layout->boxes, DossierTimelineBox, i);
  g_assert_true (_dossier_timeline_badge_split (timeline, layout, badge, counts));
  g_assert_cmpuint (counts[story_b % 8], ==, 10);
  g_assert_cmpuint (counts[DOSSIER_TIMELINE_NO_STORY_SLOT], ==, badge->overflow - 10);
  drawn = _dossier_timeline_draw_for_test (timeline);
  g_assert_cmpuint (drawn->n_story_bars, >=, 1);
  g_assert_cmpuint (drawn->n_story_badges, ==, 1);

  /* the legend counts what the bar and the badge stand for */
  {
    g_autoptr(GArray) legend = dossier_timeline_get_story_legend (timeline);

    g_assert_cmpuint (legend->len, ==, 3);
    g_assert_cmpstr (g_array_index (legend, DossierTimelineLegendItem, 0).title, ==, "Story A");
    g_assert_cmpuint (g_array_index (legend, DossierTimelineLegendItem, 0).n_marks, ==, 200);
    g_assert_cmpstr (g_array_index (legend, DossierTimelineLegendItem, 1).title, ==, "Story B");
    g_assert_cmpuint (g_array_index (legend, DossierTimelineLegendItem, 1).n_marks, ==, 50);
    g_assert_cmpuint (g_array_index (legend, DossierTimelineLegendItem, 1).slot, ==, story_b % 8);
    g_assert_cmpint (g_array_index (legend, DossierTimelineLegendItem, 2).story, ==, 0);
    g_assert_cmpuint (g_array_index (legend, DossierTimelineLegendItem, 2).n_marks, ==, 60 + 90);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A story's long title is cut short with "…" in its lane's name, wide or
 * narrow, and the tooltip over the name has it whole */
static void
test_long_lane_names (void)
{
  const char *names[] = {
    g_intern_static_string ("Short"),
    g_intern_static_string ("Ferry crews walk out over night shifts as the court weighs the owners' appeal "
                            "and the union calls a second strike for the whole of the estuary's routes"),
  };
  DossierTimelinePoint points[] = {
    { 1, 2456000, 3, 0, NULL, -1, NULL, names[0], 1 },
    { 2, 2456010, 3, 0, NULL, -1, NULL, names[1], 2 },
    { 3, 2456020, 3, 0, NULL, -1, NULL, names[1], 2 },
  };
  const int widths[] = { 1200, 360 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      GtkWidget *window = gtk_window_new ();
      DossierTimeline *timeline = dossier_timeline_new ();
      g_autoptr(GArray) array = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
      const DossierTimelineDrawn *drawn;
      const DossierTimelineLayout *layout;
      DossierTimelineLane lane = { 0 };
      gboolean found = FALSE;
      g_autofree char *tooltip = NULL;

      g_array_append_vals (array, points, G_N_ELEMENTS (points));
      gtk_widget_set_size_request (GTK_WIDGET (timeline), widths[w], 300);
      gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 300);
      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (timeline));
      dossier_timeline_set_lane_mode (timeline, DOSSIER_TIMELINE_LANES_STORY);
      dossier_timeline_set_points (timeline, array);
      gtk_window_present (GTK_WINDOW (window));
      dossier_test_poll_until (gtk_widget_get_width (GTK_WIDGET (timeline)) == widths[w]);

      drawn = _dossier_timeline_draw_for_test (timeline);
      g_assert_cmpuint (drawn->n_lane_labels, ==, 2);
      g_assert_cmpuint (drawn->n_ellipsized, ==, 1);
      /* at most 40% of a wide view (and its count), inside a narrow one */
      g_assert_cmpfloat (drawn->lane_labels_right, <=, MAX (widths[w] * 0.4, 120) + 60);
      g_assert_cmpfloat (drawn->lane_labels_right, <=, widths[w]);

      layout = dossier_timeline_model_layout (_dossier_timeline_get_model (timeline), widths[w], 300);
      for (guint i = 0; i < layout->lanes->len; i++)
        if (g_strcmp0 (g_array_index (layout->lanes, DossierTimelineLane, i).label, names[1]) == 0)
          {
            lane = g_array_index (layout->lanes, DossierTimelineLane, i);
            found = TRUE;
          }
      g_assert_true (found);
      tooltip = _dossier_timeline_tooltip (timeline, 20, lane.y + (lane.content_y - lane.y) / 2);
      g_assert_nonnull (tooltip);
      g_assert_nonnull (strstr (tooltip, "for the whole of the estuary"));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* With the end inset of a button over the axis band's right, no label of
 * the axis reaches under it, however the view is panned; without it,
 * some do (so the check can fail) */
static void
test_axis_end_inset (void)
{
  DossierTimelinePoint points[] = {
    { 1, 2451545, 3, 0, NULL, -1, NULL, NULL, 0 },   /* 2000 */
    { 2, 2458850, 3, 0, NULL, -1, NULL, NULL, 0 },   /* 2020 */
  };
  const int widths[] = { 1200, 420 };
  const int inset = 46;

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      GtkWidget *window = gtk_window_new ();
      DossierTimeline *timeline = dossier_timeline_new ();
      g_autoptr(GArray) array = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
      guint under = 0;

      g_array_append_vals (array, points, G_N_ELEMENTS (points));
      gtk_widget_set_size_request (GTK_WIDGET (timeline), widths[w], 200);
      gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 200);
      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (timeline));
      dossier_timeline_set_points (timeline, array);
      gtk_window_present (GTK_WINDOW (window));
      dossier_test_poll_until (gtk_widget_get_width (GTK_WIDGET (timeline)) == widths[w]);

      /* spans of years and of months, panned a little at a time */
      for (double span = 3650; span >= 60; span /= 5)
        for (double start = 2452000; start < 2452000 + span; start += span / 23)
          {
            dossier_timeline_set_visible_range (timeline, start, start + span);
            dossier_timeline_set_end_inset (timeline, 0);
            if (_dossier_timeline_draw_for_test (timeline)->axis_labels_right > widths[w] - inset)
              under++;
            dossier_timeline_set_end_inset (timeline, inset);
            g_assert_cmpfloat (_dossier_timeline_draw_for_test (timeline)->axis_labels_right, <=, widths[w] - inset);
            g_assert_cmpfloat (_dossier_timeline_draw_for_test (timeline)->axis_labels_right, >, 0);
          }
      g_assert_cmpuint (under, >, 0);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
chosen_are (GSettings    *settings,
            const gint64 *ids,
            guint         n)
{
  g_autoptr(GVariant) value = g_settings_get_value (settings, "timeline-people");
  gsize len = 0;
  const gint64 *chosen = g_variant_get_fixed_array (value, &len, sizeof (gint64));

  if (len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (chosen[i] != ids[i])
      return FALSE;
  return TRUE;
}

static gboolean
has_lane (DossierTimeline *timeline,
          const char      *label)
{
  const DossierTimelineLayout *layout = dossier_timeline_model_layout (_dossier_timeline_get_model (timeline),
                                                                       gtk_widget_get_width (GTK_WIDGET (timeline)),
                                                                       gtk_widget_get_height (GTK_WIDGET (timeline)));

  for (guint i = 0; i < layout->lanes->len; i++)
    if (g_strcmp0 (g_array_index (layout->lanes, DossierTimelineLane, i).label, label) == 0)
      return TRUE;
  return FALSE;
}

/* what typing in the search entry does, without its pause */
static void
type_search (DossierWindow *self,
             const char    *text)
{
  GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (self->search_bar, DOSSIER_TYPE_SEARCH_BAR,
                                                                "search_entry"));

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  dossier_search_set_text (self->search, text);
}


/* the label below @widget that says @text */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* a label below @widget says @text */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  return find_label (widget, text) != NULL;
}

/* the relative luminance of the colour @widget's text is drawn in */
static double
text_luminance (GtkWidget *widget)
{
  GdkRGBA c;

  g_assert_nonnull (widget);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &c);
  return 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue;
}

/* In the window: a person's page's Show on Timeline turns the timeline
 * on, to lanes by person, with the person added after the people shown
 * so far; the people button's room is kept free of the axis's labels.
 * Colour by Story reads the stories and colours the marks. */
static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.dossierapp.Dossier");
  DossierWindow *self;
  DossierTimeline *timeline;
  GtkWidget *people, *person_view, *button;
  gint64 lavrov = person (f->lib.library, "Sergei Lavrov");
  gint64 kerry = person (f->lib.library, "John Kerry");
  gint64 peskov = person (f->lib.library, "Dmitry Peskov");
  const gint64 after[] = { lavrov, kerry, peskov };
  gint64 other, story = make_stories (f, &other);
  GdkRGBA a, b;

  g_settings_reset (settings, "timeline-people");
  g_settings_reset (settings, "timeline-lanes");
  g_settings_reset (settings, "timeline-story-colors");
  g_settings_set_boolean (settings, "show-timeline", FALSE);
  self = dossier_window_new (NULL, f->lib.library);
  timeline = DOSSIER_TIMELINE (self->timeline);
  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 800);
  gtk_window_present (GTK_WINDOW (self));
  dossier_test_poll_until (dossier_timeline_get_n_points (timeline) == 4);

  /* Peskov's page, then Show on Timeline */
  people = g_object_get_data (G_OBJECT (self), "dossier-people-view");
  person_view = g_object_get_data (G_OBJECT (self), "dossier-person-view");
  g_signal_emit_by_name (people, "person-activated", peskov, "Dmitry Peskov");
  g_assert_cmpstr (_dossier_window_get_page (self), ==, "person");
  button = find_button (person_view, "win.show-person-on-timeline");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  /* the three most quoted were shown by default: Peskov is kept, last */
  dossier_test_poll_until (chosen_are (settings, after, 3) && g_settings_get_enum (settings, "timeline-lanes") == 3
                           && dossier_timeline_get_lane_mode (timeline) == DOSSIER_TIMELINE_LANES_PERSON
                           && dossier_timeline_get_n_points (timeline) == 6);
  g_assert_true (chosen_are (settings, after, 3));
  g_assert_true (g_settings_get_boolean (settings, "show-timeline"));
  dossier_test_poll_until (gtk_widget_get_height (GTK_WIDGET (timeline)) >= 250);
  g_assert_true (has_lane (timeline, "Dmitry Peskov"));

  /* the people button is over the axis band's right: no label under it */
  {
    GtkWidget *chooser = gtk_widget_get_next_sibling (GTK_WIDGET (timeline));
    graphene_rect_t bounds;

    for (; chooser != NULL && !GTK_IS_MENU_BUTTON (chooser); chooser = gtk_widget_get_next_sibling (chooser))
      ;
    g_assert_nonnull (chooser);
    dossier_test_poll_until (gtk_widget_get_mapped (chooser) && gtk_widget_get_width (chooser) > 0);
    g_assert_true (gtk_widget_compute_bounds (chooser, GTK_WIDGET (timeline), &bounds));
    g_assert_cmpfloat (_dossier_timeline_draw_for_test (timeline)->axis_labels_right, <=, bounds.origin.x);
  }

  /* again with Kerry, already chosen: nothing added */
  g_signal_emit_by_name (people, "person-activated", kerry, "John Kerry");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (chosen_are (settings, after, 3));

  /* Colour by Story, from the menu's action */
  g_assert_false (dossier_timeline_get_story_colors (timeline));
  g_action_group_activate_action (G_ACTION_GROUP (self), "timeline-story-colors", NULL);
  g_assert_true (g_settings_get_boolean (settings, "timeline-story-colors"));
  dossier_test_poll_until (dossier_timeline_get_story_colors (timeline));
  g_assert_true (_dossier_timeline_story_color (timeline, f->first, FALSE, &a));
  g_assert_true (_dossier_timeline_story_color (timeline, f->second, FALSE, &b));
  g_assert_true (gdk_rgba_equal (&a, &b));
  g_assert_true (_dossier_timeline_story_color (timeline, f->third, FALSE, &b));
  g_assert_false (gdk_rgba_equal (&a, &b));
  g_assert_cmpstr (_dossier_timeline_story_title (timeline, f->first), ==, "Talks open");
  /* the legend's button, left of the people's, and its popover naming
   * the stories in view */
  {
    GtkWidget *legend = gtk_widget_get_next_sibling (GTK_WIDGET (timeline)), *chooser = NULL;
    GtkPopover *popover;
    graphene_rect_t lb, cb;

    for (; legend != NULL; legend = gtk_widget_get_next_sibling (legend))
      if (GTK_IS_MENU_BUTTON (legend))
        {
          if (g_strcmp0 (gtk_widget_get_tooltip_text (legend), "Story Colours") == 0)
            break;
          chooser = legend;
        }
    g_assert_nonnull (legend);
    g_assert_nonnull (chooser);
    dossier_test_poll_until (gtk_widget_get_mapped (legend) && gtk_widget_get_width (legend) > 0);
    g_assert_true (gtk_widget_compute_bounds (legend, GTK_WIDGET (timeline), &lb));
    g_assert_true (gtk_widget_compute_bounds (chooser, GTK_WIDGET (timeline), &cb));
    g_assert_cmpfloat (lb.origin.x + lb.size.width, <=, cb.origin.x);
    g_assert_cmpfloat (_dossier_timeline_draw_for_test (timeline)->axis_labels_right, <=, lb.origin.x);
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (legend));
    gtk_menu_button_popup (GTK_MENU_BUTTON (legend));
    dossier_test_poll_until (gtk_widget_get_visible (GTK_WIDGET (popover)));
    g_assert_true (has_label (GTK_WIDGET (popover), "Stories in View"));
    g_assert_true (has_label (GTK_WIDGET (popover), "Talks open"));
    g_assert_true (has_label (GTK_WIDGET (popover), "Kremlin view"));
    /* in light, the legend reads as the window's other popovers do:
     * dark text, not the on-screen controls' light text */
    g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));
    g_assert_cmpfloat (text_luminance (find_label (GTK_WIDGET (popover), "Stories in View")), <, 0.5);
    /* while the round button itself stays an on-screen control */
    g_assert_cmpfloat (text_luminance (gtk_widget_get_first_child (legend)), >, 0.5);
    gtk_popover_popdown (popover);
  }
  g_action_group_activate_action (G_ACTION_GROUP (self), "timeline-story-colors", NULL);
  dossier_test_poll_until (!dossier_timeline_get_story_colors (timeline));
  (void) story;

  /* a search that keeps a quote of Peskov's stays; one that leaves none
   * is cleared, so that his lane is not empty */
  type_search (self, "Kremlin");
  g_action_group_activate_action (G_ACTION_GROUP (self), "show-person-on-timeline", g_variant_new_int64 (peskov));
  dossier_test_poll_until (dossier_timeline_get_n_points (timeline) == 1 && has_lane (timeline, "Dmitry Peskov"));
  g_assert_cmpstr (dossier_search_get_text (self->search), ==, "Kremlin");
  type_search (self, "Talks");
  dossier_test_poll_until (dossier_timeline_get_n_points (timeline) != 1);
  g_action_group_activate_action (G_ACTION_GROUP (self), "show-person-on-timeline", g_variant_new_int64 (peskov));
  dossier_test_poll_until (dossier_search_get_text (self->search) == NULL || *dossier_search_get_text (self->search) == '\0');
  dossier_test_poll_until (dossier_timeline_get_n_points (timeline) == 6 && has_lane (timeline, "Dmitry Peskov"));

  /* settings back while the window lives: a window destroyed and not yet
   * finalized would hear the change */
  g_settings_reset (settings, "timeline-people");
  g_settings_reset (settings, "timeline-lanes");
  g_settings_reset (settings, "show-timeline");
  gtk_window_destroy (GTK_WINDOW (self));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/timeline-lanes/people/default", Fixture, NULL, fixture_setup, test_people_default, fixture_teardown);
  g_test_add ("/timeline-lanes/people/chosen", Fixture, NULL, fixture_setup, test_people_chosen, fixture_teardown);
  g_test_add ("/timeline-lanes/people/person-filter", Fixture, NULL, fixture_setup, test_person_filter, fixture_teardown);
  g_test_add ("/timeline-lanes/stories", Fixture, NULL, fixture_setup, test_stories, fixture_teardown);
  g_test_add_func ("/timeline-lanes/model", test_model_lanes);
  g_test_add ("/timeline-lanes/widget/keyboard", Fixture, NULL, fixture_setup, test_widget_keyboard, fixture_teardown);
  g_test_add ("/timeline-lanes/widget/story-colors", Fixture, NULL, fixture_setup, test_story_colors, fixture_teardown);
  g_test_add_func ("/timeline-lanes/widget/story-bars-and-badges", test_story_bars_and_badges);
  g_test_add_func ("/timeline-lanes/widget/long-lane-names", test_long_lane_names);
  g_test_add_func ("/timeline-lanes/widget/axis-end-inset", test_axis_end_inset);
  g_test_add ("/timeline-lanes/window", Fixture, NULL, fixture_setup, test_window, fixture_teardown);
  return g_test_run ();
}
