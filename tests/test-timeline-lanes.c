/* test-timeline-lanes.c — the timeline's lanes by person and by story: the
 * marks read for the list's articles, the lanes they make, and a quote's
 * mark activated from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "dossier-people.h"
#include "dossier-search.h"
#include "dossier-stories.h"
#include "dossier-timeline.h"
#include "dossier-timeline-marks.h"
#include "dossier-timeline-private.h"
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
  return g_test_run ();
}
