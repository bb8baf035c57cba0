/* dossier-window-timeline.c — the window's timeline: points, titles, ranges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"
#include "dossier-people-chooser.h"
#include "dossier-people-overview.h"
#include "dossier-timeline.h"
#include "dossier-timeline-marks.h"

/* the lanes of timeline-lanes, as in the settings' enum */
enum { LANES_NONE, LANES_SOURCE, LANES_TAG, LANES_PERSON, LANES_STORY };
/* how many people the chooser offers */
#define OFFERED_PEOPLE 60
/* typing in the search waits this long before the lanes follow */
#define MARKS_DELAY_MS 200
/* the timeline's least height with lanes by person or story: room for
 * five lanes; and a lane's more for each person chosen beyond five, up to
 * MARKS_MAX_LANES, so a person added is not folded into "Other people" */
#define MARKS_MIN_HEIGHT 250
#define MARKS_LANE_HEIGHT 42
#define MARKS_MAX_LANES 8

/* what the people button over the axis band's right takes: a circular
 * button of 34 px, its margin of 4, and a gap */
#define PEOPLE_BUTTON_ROOM 46

#define MARKS_KEY "dossier-window-timeline-marks"

/* What lanes by person and by story keep: each reload of the timeline
 * takes a new generation, and an answer of an older one is dropped. */
typedef struct
{
  guint      generation;
  guint      delay_id;
  GtkWidget *people_button;   /* shown with lanes by person */
  GtkWidget *legend_button;   /* shown with colours by story */
  GtkWidget *legend_box;      /* its popover's rows */
  GtkWidget *overlay;         /* the timeline and the button */
  GtkWidget *chooser;
  gboolean   fit_next;        /* the next points are fitted into view */
  gboolean   reading;         /* a reload's answer is still to come */
  GArray    *gone;            /* gint64: articles deleted since it was asked */
  guint      colors_generation; /* of the colours by story */
} Marks;

static void place_buttons (DossierWindow *self);

typedef struct
{
  DossierWindow *window;      /* not referenced: the window's cancellable stops the call first */
  guint          generation;
} Load;

static Load *
load_new (DossierWindow *self,
          guint          generation)
{
  Load *load = g_new (Load, 1);

  load->window = self;
  load->generation = generation;
  return load;
}

static void
marks_free (gpointer data)
{
  Marks *marks = data;

  g_clear_handle_id (&marks->delay_id, g_source_remove);
  g_clear_pointer (&marks->gone, g_array_unref);
  g_free (marks);
}

static Marks *
marks_get (DossierWindow *self)
{
  return g_object_get_data (G_OBJECT (self), MARKS_KEY);
}

static int
lanes_setting (DossierWindow *self)
{
  return g_settings_get_enum (self->settings, "timeline-lanes");
}

typedef struct
{
  DossierWindow *window;   /* weak: the title cache dies with the window */
  GHashTable    *titles;   /* gint64* → char* (NULL while loading) */
} TitleCache;

static void
title_cache_free (gpointer data)
{
  TitleCache *cache = data;

  if (cache->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (cache->window), (gpointer *) &cache->window);
  g_hash_table_unref (cache->titles);
  g_free (cache);
}

static void
on_titles_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GHashTable *titles = user_data;
  g_autoptr(GPtrArray) articles = NULL;

  articles = dossier_library_load_articles_finish (DOSSIER_LIBRARY (source), result, NULL);
  for (guint i = 0; articles != NULL && i < articles->len; i++)
    {
      DossierArticle *a = g_ptr_array_index (articles, i);
      gint64 *key = g_new (gint64, 1);

      *key = dossier_article_get_id (a);
      if (dossier_article_get_title (a) != NULL)
        g_hash_table_replace (titles, key, g_strdup (dossier_article_get_title (a)));
      else
        g_free (key);
    }
  g_hash_table_unref (titles);
}

/* Titles come from a cache filled on the worker thread: the first hover
 * over an article asks for it, the next one shows it. */
static char *
title_for_id (gint64   id,
              gpointer user_data)
{
  TitleCache *cache = user_data;
  const char *title;

  if (g_hash_table_lookup_extended (cache->titles, &id, NULL, (gpointer *) &title))
    return g_strdup (title ? title : _("Loading…"));
  {
    gint64 *key = g_new (gint64, 1);

    *key = id;
    g_hash_table_insert (cache->titles, key, NULL);
  }
  if (cache->window != NULL)
    dossier_library_load_articles_async (cache->window->library, &id, 1, NULL, cache->window->cancellable,
                                         on_titles_loaded_cb, g_hash_table_ref (cache->titles));
  return g_strdup (_("Loading…"));
}

/* The first frame.  Until the window has drawn it, the timeline's points
 * and the list's ids wait: binning 100,000 points and building the list's
 * rows (a GtkListView makes up to 200 at once) would otherwise come
 * before it, since results from the worker arrive at a higher priority
 * than drawing.  The window shows its layout first, the list's spinner
 * and an empty axis, and fills in a moment later. */
typedef struct
{
  DossierWindow *window;        /* weak */
  GdkFrameClock *clock;
  gulong         after_paint_id;
  guint          tick_id;
  guint          fallback_id;
  guint          release_id;
  GArray        *pending;       /* points that came before the first frame */
  guint          fallbacks;     /* times the fallback found the window on screen */
  gboolean       painted;
} FirstFrame;

#define FIRST_FRAME_KEY "dossier-window-first-frame"
/* if the window never draws (hidden, or a headless test), show the data
 * anyway after this long */
#define FIRST_FRAME_FALLBACK_MS 2000
/* and if it is on screen but has not drawn, after this long */
#define FIRST_FRAME_MAPPED_MS 20000

static void apply_points (DossierWindow *self,
                          GArray        *points);

static void
first_frame_free (gpointer data)
{
  FirstFrame *ff = data;

  if (ff->clock != NULL)
    g_clear_signal_handler (&ff->after_paint_id, ff->clock);
  g_clear_object (&ff->clock);
  g_clear_handle_id (&ff->fallback_id, g_source_remove);
  g_clear_handle_id (&ff->release_id, g_source_remove);
  g_clear_pointer (&ff->pending, g_array_unref);
  g_free (ff);
}

static FirstFrame *
first_frame_get (DossierWindow *self)
{
  return g_object_get_data (G_OBJECT (self), FIRST_FRAME_KEY);
}

static gboolean
first_frame_release_cb (gpointer user_data)
{
  DossierWindow *self = user_data;
  FirstFrame *ff = first_frame_get (self);
  g_autoptr(GArray) pending = NULL;

  if (ff == NULL || ff->painted)
    return G_SOURCE_REMOVE;
  ff->release_id = 0;
  ff->painted = TRUE;
  g_clear_handle_id (&ff->fallback_id, g_source_remove);
  if (ff->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), ff->tick_id);
      ff->tick_id = 0;
    }
  if (ff->clock != NULL)
    g_clear_signal_handler (&ff->after_paint_id, ff->clock);
  g_clear_object (&ff->clock);

  pending = g_steal_pointer (&ff->pending);
  if (self->articles != NULL)
    dossier_article_list_release (self->articles);
  if (pending != NULL && self->timeline != NULL)
    apply_points (self, pending);
  return G_SOURCE_REMOVE;
}

static void
on_first_after_paint_cb (GdkFrameClock *clock,
                         gpointer       user_data)
{
  DossierWindow *self = user_data;
  FirstFrame *ff = first_frame_get (self);

  if (ff == NULL)
    return;
  g_clear_signal_handler (&ff->after_paint_id, clock);
  /* right after this frame, before the next one */
  if (ff->release_id == 0)
    ff->release_id = g_idle_add_full (G_PRIORITY_DEFAULT, first_frame_release_cb, self, NULL);
}

/* the first frame's update phase: its paint is yet to come */
static gboolean
first_frame_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  FirstFrame *ff = first_frame_get (self);

  if (ff == NULL)
    return G_SOURCE_REMOVE;
  ff->tick_id = 0;
  if (ff->clock == NULL)
    {
      ff->clock = g_object_ref (clock);
      ff->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_after_paint_cb), self);
    }
  return G_SOURCE_REMOVE;
}

static gboolean
first_frame_fallback_cb (gpointer user_data)
{
  DossierWindow *self = user_data;
  FirstFrame *ff = first_frame_get (self);

  if (ff == NULL)
    return G_SOURCE_REMOVE;
  /* a window on screen draws soon, however slow its first frame (a
   * loaded machine, a sanitizer's build): wait for it, up to a limit */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && ++ff->fallbacks * FIRST_FRAME_FALLBACK_MS < FIRST_FRAME_MAPPED_MS)
    return G_SOURCE_CONTINUE;
  ff->fallback_id = 0;
  first_frame_release_cb (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_setup (DossierWindow *self)
{
  FirstFrame *ff = g_new0 (FirstFrame, 1);

  g_object_set_data_full (G_OBJECT (self), FIRST_FRAME_KEY, ff, first_frame_free);
  dossier_article_list_hold (self->articles);
  ff->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), first_frame_tick_cb, NULL, NULL);
  ff->fallback_id = g_timeout_add (FIRST_FRAME_FALLBACK_MS, first_frame_fallback_cb, self);
}

static void
apply_points (DossierWindow *self,
              GArray        *points)
{
  DossierTimeline *timeline = DOSSIER_TIMELINE (self->timeline);
  guint before = dossier_timeline_get_n_points (timeline);

  Marks *marks = marks_get (self);

  dossier_timeline_set_loading (timeline, FALSE);
  dossier_timeline_set_points (timeline, points);
  if (marks != NULL && marks->gone != NULL)
    {
      dossier_timeline_remove_ids (timeline, (const gint64 *) (gpointer) marks->gone->data, marks->gone->len);
      g_clear_pointer (&marks->gone, g_array_unref);
    }
  /* new articles (an import) may fall outside the view: show them all;
   * and all of what Show on Timeline asked for */
  if (dossier_timeline_get_n_points (timeline) != before || (marks != NULL && marks->fit_next))
    dossier_timeline_fit (timeline);
  if (marks != NULL)
    marks->fit_next = FALSE;
  if (self->article != NULL)
    dossier_timeline_set_selected_id (DOSSIER_TIMELINE (self->timeline), dossier_article_get_id (self->article));
}

/* The answer of a reload, or NULL when it is stale or failed (a toast
 * says why).  Takes @user_data. */
static DossierWindow *
load_answered (gpointer      user_data,
               gboolean      failed,
               const GError *error)
{
  g_autofree Load *load = user_data;
  DossierWindow *self = load->window;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;
  if (marks_get (self) == NULL || load->generation != marks_get (self)->generation)
    return NULL;
  marks_get (self)->reading = FALSE;
  if (failed)
    {
      dossier_timeline_set_loading (DOSSIER_TIMELINE (self->timeline), FALSE);
      _dossier_window_toast (self, error->message);
      return NULL;
    }
  return self;
}

static void
on_points_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  DossierWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) points = NULL;
  FirstFrame *ff;

  points = dossier_library_timeline_points_finish (DOSSIER_LIBRARY (source), result, &error);
  self = load_answered (user_data, points == NULL, error);
  if (self == NULL)
    return;
  ff = first_frame_get (self);
  if (ff != NULL && !ff->painted)
    {
      g_clear_pointer (&ff->pending, g_array_unref);
      ff->pending = g_steal_pointer (&points);
      return;
    }
  apply_points (self, points);
}

/* after the list's first query, which the window makes next: the list's
 * rows matter more than the timeline */
static gboolean
first_reload_cb (gpointer user_data)
{
  DossierWindow *self = user_data;

  if (self->library != NULL && self->cancellable != NULL && !g_cancellable_is_cancelled (self->cancellable))
    _dossier_window_timeline_reload (self);
  return G_SOURCE_REMOVE;
}

/* The list's query, without the range chosen on the timeline: the lanes
 * show the list around it, not only inside it. */
static DossierQuery *
list_query (DossierWindow *self)
{
  DossierQuery *query = dossier_search_dup_query (self->search);

  if (dossier_search_get_range_from (self->search) >= 0 || dossier_search_get_range_to (self->search) >= 0)
    query->from_jd = query->to_jd = -1;
  return query;
}

static void
on_people_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  DossierWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierTimelinePeople) people = NULL;
  DossierTimeline *timeline;
  Marks *marks;

  people = dossier_timeline_people_finish (DOSSIER_LIBRARY (source), result, &error);
  self = load_answered (user_data, people == NULL, error);
  if (self == NULL)
    return;
  timeline = DOSSIER_TIMELINE (self->timeline);
  marks = marks_get (self);
  dossier_people_chooser_set_people (DOSSIER_PEOPLE_CHOOSER (marks->chooser), people->offered,
                                     (const gint64 *) (gpointer) people->shown->data, people->shown->len);
  dossier_timeline_set_loading (timeline, FALSE);
  dossier_timeline_set_lane_mode (timeline, DOSSIER_TIMELINE_LANES_PERSON);
  apply_points (self, people->points);
}

static void
on_stories_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  DossierWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) points = NULL;

  points = dossier_timeline_stories_finish (DOSSIER_LIBRARY (source), result, &error);
  self = load_answered (user_data, points == NULL, error);
  if (self == NULL)
    return;
  dossier_timeline_set_lane_mode (DOSSIER_TIMELINE (self->timeline), DOSSIER_TIMELINE_LANES_STORY);
  apply_points (self, points);
}

/* Lanes by person and by story show the marks of the list's articles:
 * read on the worker whenever the list or the library changes. */
void
_dossier_window_timeline_reload (DossierWindow *self)
{
  Marks *marks = marks_get (self);
  guint generation = ++marks->generation;
  int mode = lanes_setting (self);
  FirstFrame *ff = first_frame_get (self);

  /* points held for the first frame are an older reload's: they would
   * come after this one's and replace them */
  if (ff != NULL)
    g_clear_pointer (&ff->pending, g_array_unref);
  g_clear_handle_id (&marks->delay_id, g_source_remove);
  marks->reading = TRUE;
  /* read after them, the answer no longer has them */
  g_clear_pointer (&marks->gone, g_array_unref);
  gtk_widget_set_visible (marks->people_button, mode == LANES_PERSON);
  place_buttons (self);
  /* room for five lanes of people or stories */
  gtk_widget_set_size_request (marks->overlay, -1, mode == LANES_PERSON || mode == LANES_STORY ? MARKS_MIN_HEIGHT : -1);
  if (mode == LANES_PERSON)
    {
      g_autoptr(DossierQuery) query = list_query (self);
      g_autoptr(GVariant) chosen = g_settings_get_value (self->settings, "timeline-people");
      gsize n = 0;
      const gint64 *ids = g_variant_get_fixed_array (chosen, &n, sizeof (gint64));
      guint lanes = CLAMP ((guint) n, DOSSIER_TIMELINE_DEFAULT_PEOPLE, MARKS_MAX_LANES);

      gtk_widget_set_size_request (marks->overlay, -1,
                                   MARKS_MIN_HEIGHT + (int) (lanes - DOSSIER_TIMELINE_DEFAULT_PEOPLE) * MARKS_LANE_HEIGHT);

      dossier_timeline_people_async (self->library, query, n > 0 ? ids : NULL, (guint) n, OFFERED_PEOPLE,
                                     self->cancellable, on_people_loaded_cb, load_new (self, generation));
    }
  else if (mode == LANES_STORY)
    {
      g_autoptr(DossierQuery) query = list_query (self);

      dossier_timeline_stories_async (self->library, query, self->cancellable,
                                      on_stories_loaded_cb, load_new (self, generation));
    }
  else
    dossier_library_timeline_points_async (self->library, NULL, self->cancellable,
                                           on_points_loaded_cb, load_new (self, generation));
}

static gboolean
delayed_reload_cb (gpointer user_data)
{
  DossierWindow *self = user_data;

  marks_get (self)->delay_id = 0;
  if (self->library != NULL && self->cancellable != NULL && !g_cancellable_is_cancelled (self->cancellable))
    _dossier_window_timeline_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_search_changed_cb (DossierWindow *self)
{
  Marks *marks = marks_get (self);
  int mode = lanes_setting (self);

  if (mode != LANES_PERSON && mode != LANES_STORY)
    return;
  g_clear_handle_id (&marks->delay_id, g_source_remove);
  marks->delay_id = g_timeout_add (MARKS_DELAY_MS, delayed_reload_cb, self);
}

static void
on_chooser_changed_cb (DossierPeopleChooser *chooser,
                       DossierWindow        *self)
{
  g_autoptr(GArray) chosen = dossier_people_chooser_get_chosen (chooser);

  g_settings_set_value (self->settings, "timeline-people",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, chosen->data, chosen->len, sizeof (gint64)));
}

/* a quote's mark opens its article at the quote */
static void
on_quote_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  DossierPersonQuote *q;

  quotes = dossier_people_overview_quotes_finish (DOSSIER_LIBRARY (source), result, &error);
  if (quotes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dossier_window_toast_error (self, error, "%s", error->message);
      g_object_unref (self);
      return;
    }
  if (quotes->len > 0)
    {
      q = g_ptr_array_index (quotes, 0);
      _dossier_window_open_passage (self, q->article_id, (int) q->start, (int) q->end);
    }
  g_object_unref (self);
}

void
_dossier_window_timeline_select (DossierWindow *self,
                                 gint64         id)
{
  if (self->timeline != NULL)
    dossier_timeline_set_selected_id (DOSSIER_TIMELINE (self->timeline), id);
}

void
_dossier_window_timeline_show_range (DossierWindow *self)
{
  gint64 from = dossier_search_get_range_from (self->search);
  gint64 to = dossier_search_get_range_to (self->search);

  if (self->timeline == NULL)
    return;
  if (from >= 0 && to >= 0)
    dossier_timeline_set_selected_range (DOSSIER_TIMELINE (self->timeline), from, to);
  else
    dossier_timeline_clear_selected_range (DOSSIER_TIMELINE (self->timeline));
}

static void
on_article_activated_cb (DossierTimeline *timeline,
                         gint64           id,
                         DossierWindow   *self)
{
  int pos;
  gint64 quote = dossier_timeline_get_cursor_item (timeline);

  if (quote > 0 && dossier_timeline_get_lane_mode (timeline) == DOSSIER_TIMELINE_LANES_PERSON)
    {
      dossier_people_overview_quotes_async (self->library, &quote, 1, self->cancellable,
                                            on_quote_loaded_cb, g_object_ref (self));
      return;
    }
  pos = dossier_article_list_find (self->articles, id);

  if (pos >= 0)
    gtk_single_selection_set_selected (_dossier_window_get_selection (self), pos);
  else
    dossier_window_open_article (self, id);
}

static void
on_range_selected_cb (DossierTimeline *timeline,
                      gint64           from,
                      gint64           to,
                      DossierWindow   *self)
{
  dossier_search_set_range (self->search, from, to);
}

static void
on_range_cleared_cb (DossierTimeline *timeline,
                     DossierWindow   *self)
{
  dossier_search_set_range (self->search, -1, -1);
}

static void
on_article_tags_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) tags = NULL;

  tags = dossier_library_article_tags_finish (DOSSIER_LIBRARY (source), result, &error);
  if (tags == NULL)
    {
      _dossier_window_toast_error (self, error, "%s", error->message);
      return;
    }
  if (lanes_setting (self) != LANES_TAG)
    return;
  dossier_timeline_set_tags (DOSSIER_TIMELINE (self->timeline), tags);
  dossier_timeline_set_lane_mode (DOSSIER_TIMELINE (self->timeline), DOSSIER_TIMELINE_LANES_TAG);
}

/* Lanes by tag need every article's tags: read on the worker, and again
 * whenever notes change while that mode is on. */
static void
apply_lanes (DossierWindow *self)
{
  int mode = lanes_setting (self);

  if (mode == LANES_TAG)
    {
      dossier_library_article_tags_async (self->library, self->cancellable, on_article_tags_cb, self);
      return;
    }
  if (mode == LANES_SOURCE || mode == LANES_NONE)
    dossier_timeline_set_lane_mode (DOSSIER_TIMELINE (self->timeline),
                                    mode == LANES_SOURCE ? DOSSIER_TIMELINE_LANES_SOURCE : DOSSIER_TIMELINE_LANES_NONE);
}

/* A delete takes its article's marks out where they are (in every kind
 * of lanes a mark is of an article), and the view stays; an answer read
 * before the delete, still to come, loses them too.  Any other change
 * reads the timeline again. */
static void
on_library_changed_in_detail_cb (DossierWindow              *self,
                                 const DossierLibraryChange *change)
{
  Marks *marks = marks_get (self);
  FirstFrame *ff = first_frame_get (self);

  if (change->kind != DOSSIER_LIBRARY_CHANGE_STORIES || change->n_removed == 0)
    {
      _dossier_window_timeline_reload (self);
      return;
    }
  dossier_timeline_remove_ids (DOSSIER_TIMELINE (self->timeline), change->removed, change->n_removed);
  if (marks->reading || (ff != NULL && ff->pending != NULL))
    {
      if (marks->gone == NULL)
        marks->gone = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_vals (marks->gone, change->removed, change->n_removed);
    }
}

static void
on_library_changed_cb (DossierWindow *self)
{
  if (lanes_setting (self) == LANES_TAG)
    apply_lanes (self);
}

/* Lanes by person and by story show other points than the articles: a
 * change to or from them reads the timeline again. */
static void
on_lanes_changed_cb (GSettings     *settings,
                     const char    *key,
                     DossierWindow *self)
{
  int mode = lanes_setting (self);
  DossierTimelineLanes shown = dossier_timeline_get_lane_mode (DOSSIER_TIMELINE (self->timeline));
  gboolean marks_before = shown == DOSSIER_TIMELINE_LANES_PERSON || shown == DOSSIER_TIMELINE_LANES_STORY;

  if (mode == LANES_PERSON || mode == LANES_STORY || marks_before)
    {
      /* the marks of another mode are not the articles: none meanwhile */
      if (marks_before || mode == LANES_PERSON || mode == LANES_STORY)
        {
          dossier_timeline_set_loading (DOSSIER_TIMELINE (self->timeline), TRUE);
          dossier_timeline_set_points (DOSSIER_TIMELINE (self->timeline), NULL);
        }
      _dossier_window_timeline_reload (self);
    }
  apply_lanes (self);
}

static void
on_people_changed_cb (GSettings     *settings,
                      const char    *key,
                      DossierWindow *self)
{
  if (lanes_setting (self) == LANES_PERSON)
    _dossier_window_timeline_reload (self);
}

/* The legend of the colours by story: the stories with marks in view,
 * read from the timeline each time its popover opens */
#define LEGEND_MAX_ROWS 12

static void
on_legend_show_cb (GtkWidget     *popover,
                   DossierWindow *self)
{
  Marks *marks = marks_get (self);
  g_autoptr(GArray) items = dossier_timeline_get_story_legend (DOSSIER_TIMELINE (self->timeline));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkWidget *child;
  guint shown = 0, more = 0;

  while ((child = gtk_widget_get_first_child (marks->legend_box)) != NULL)
    gtk_box_remove (GTK_BOX (marks->legend_box), child);
  child = gtk_label_new (_("Stories in View"));
  gtk_widget_add_css_class (child, "heading");
  gtk_label_set_xalign (GTK_LABEL (child), 0);
  gtk_box_append (GTK_BOX (marks->legend_box), child);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const DossierTimelineLegendItem *item = &g_array_index (items, DossierTimelineLegendItem, i);
      GtkWidget *row, *swatch, *title, *count;
      GdkRGBA c;
      g_autofree char *markup = NULL;
      g_autofree char *n = NULL;

      /* the stories past the first rows are counted; those in no story
       * always get their row */
      if (shown >= LEGEND_MAX_ROWS && item->story != 0)
        {
          more++;
          continue;
        }
      dossier_timeline_story_slot_color (item->slot, dark, &c);
      markup = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\" fgalpha=\"%d%%\">\u25cf</span>",
                                (int) (c.red * 255 + 0.5), (int) (c.green * 255 + 0.5),
                                (int) (c.blue * 255 + 0.5), (int) (c.alpha * 100 + 0.5));
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      swatch = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (swatch), markup);
      gtk_accessible_update_state (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      title = gtk_label_new (item->title != NULL ? item->title : _("Not in a story"));
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_widget_set_tooltip_text (title, item->title);
      n = g_strdup_printf ("%u", item->n_marks);
      count = gtk_label_new (n);
      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, "numeric");
      gtk_box_append (GTK_BOX (row), swatch);
      gtk_box_append (GTK_BOX (row), title);
      gtk_box_append (GTK_BOX (row), count);
      gtk_box_append (GTK_BOX (marks->legend_box), row);
      if (item->story != 0)
        shown++;
    }
  if (more > 0)
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: below the legend's first stories */
      text = g_strdup_printf (g_dngettext (NULL, "and %u more story", "and %u more stories", more), more);
      child = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_widget_add_css_class (child, "dim-label");
      gtk_box_append (GTK_BOX (marks->legend_box), child);
    }
  if (items == NULL || items->len == 0)
    {
      child = gtk_label_new (_("No articles in view"));
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_widget_add_css_class (child, "dim-label");
      gtk_box_append (GTK_BOX (marks->legend_box), child);
    }
}

/* A round menu button over the timeline, dark as an on-screen control.
 * The "osd" class goes on the button inside it, not on the menu button:
 * the theme styles every popover under an "osd" widget as one too, and
 * the popover's list is to look like the window's other popovers */
static void
round_osd_button (GtkWidget *menu_button)
{
  GtkWidget *inner = gtk_widget_get_first_child (menu_button);

  gtk_widget_add_css_class (menu_button, "circular");
  if (GTK_IS_BUTTON (inner))
    gtk_widget_add_css_class (inner, "osd");
}

/* the round buttons over the axis band's right: the legend's when colours
 * by story are on, the people's (rightmost) with lanes by person; the
 * band's labels end before them */
static void
place_buttons (DossierWindow *self)
{
  Marks *marks = marks_get (self);
  gboolean people = gtk_widget_get_visible (marks->people_button);
  gboolean legend = g_settings_get_boolean (self->settings, "timeline-story-colors");

  gtk_widget_set_visible (marks->legend_button, legend);
  gtk_widget_set_margin_end (marks->legend_button, 4 + (people ? PEOPLE_BUTTON_ROOM - 4 : 0));
  dossier_timeline_set_end_inset (DOSSIER_TIMELINE (self->timeline),
                                  (people ? PEOPLE_BUTTON_ROOM : 0) + (legend ? PEOPLE_BUTTON_ROOM : 0));
}

/* Colour by Story: every article's story, read on the worker when the
 * setting is on and whenever the library changes meanwhile */
static void
on_story_colors_loaded_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autofree Load *load = user_data;
  DossierWindow *self = load->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) stories = NULL;
  Marks *marks;

  stories = dossier_timeline_stories_finish (DOSSIER_LIBRARY (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  marks = marks_get (self);
  if (marks == NULL || load->generation != marks->colors_generation
      || !g_settings_get_boolean (self->settings, "timeline-story-colors"))
    return;
  if (stories == NULL)
    {
      /* TRANSLATORS: the reason the timeline's colours by story could not be read */
      _dossier_window_toast_error (self, error, _("Could not colour the timeline by story: %s"), error->message);
      return;
    }
  dossier_timeline_set_story_colors (DOSSIER_TIMELINE (self->timeline), stories);
}

static void
reload_story_colors (DossierWindow *self)
{
  Marks *marks = marks_get (self);
  guint generation = ++marks->colors_generation;

  place_buttons (self);
  if (!g_settings_get_boolean (self->settings, "timeline-story-colors"))
    {
      dossier_timeline_set_story_colors (DOSSIER_TIMELINE (self->timeline), NULL);
      return;
    }
  dossier_timeline_stories_async (self->library, NULL, self->cancellable,
                                  on_story_colors_loaded_cb, load_new (self, generation));
}

static void
on_library_changed_colors_cb (DossierWindow *self)
{
  if (g_settings_get_boolean (self->settings, "timeline-story-colors"))
    reload_story_colors (self);
}

/* Show on Timeline, from a story's page: the list narrowed to the story
 * (story:ID), and the timeline by story, which follows the list, showing
 * its one lane fitted into view */
static void
show_story_action_cb (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  DossierWindow *self = user_data;
  gint64 story = g_variant_get_int64 (param);
  g_autofree char *text = NULL;

  if (story <= 0)
    return;
  text = g_strdup_printf ("story:%" G_GINT64_FORMAT, story);
  marks_get (self)->fit_next = TRUE;
  g_settings_set_boolean (self->settings, "show-timeline", TRUE);
  dossier_search_set_range (self->search, -1, -1);
  dossier_search_set_text (self->search, text);
  if (lanes_setting (self) != LANES_STORY)
    g_settings_set_enum (self->settings, "timeline-lanes", LANES_STORY);
  else
    _dossier_window_timeline_reload (self);
}

typedef struct
{
  DossierWindow *window;
  gint64         person;
} AddPerson;

/* the people shown by default, and @person after them */
static void
add_person_to (DossierWindow *self,
               const gint64  *shown,
               guint          n,
               gint64         person)
{
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    if (shown[i] != person)
      g_array_append_val (chosen, shown[i]);
  g_array_append_val (chosen, person);
  g_settings_set_value (self->settings, "timeline-people",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, chosen->data, chosen->len, sizeof (gint64)));
  if (lanes_setting (self) != LANES_PERSON)
    g_settings_set_enum (self->settings, "timeline-lanes", LANES_PERSON);
}

static void
on_default_people_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autofree AddPerson *add = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierTimelinePeople) people = NULL;

  people = dossier_timeline_people_finish (DOSSIER_LIBRARY (source), result, &error);
  if (people == NULL)
    {
      _dossier_window_toast_error (add->window, error, "%s", error->message);
      g_object_unref (add->window);
      return;
    }
  add_person_to (add->window, (const gint64 *) (gpointer) people->shown->data, people->shown->len, add->person);
  g_object_unref (add->window);
}

/* Show on Timeline, from a person's page: their lane among the lanes by
 * person (added to the people chosen, after those shown so far) */
static void
show_person (DossierWindow *self,
             gint64         person)
{
  g_autoptr(GVariant) chosen = g_settings_get_value (self->settings, "timeline-people");
  gsize n = 0;
  const gint64 *ids = g_variant_get_fixed_array (chosen, &n, sizeof (gint64));

  marks_get (self)->fit_next = TRUE;
  g_settings_set_boolean (self->settings, "show-timeline", TRUE);
  for (gsize i = 0; i < n; i++)
    if (ids[i] == person)
      {
        if (lanes_setting (self) != LANES_PERSON)
          g_settings_set_enum (self->settings, "timeline-lanes", LANES_PERSON);
        else
          _dossier_window_timeline_reload (self);
        return;
      }
  if (n > 0)
    {
      add_person_to (self, ids, (guint) n, person);
      return;
    }
  /* none chosen: the most quoted of the list are shown; keep them */
  {
    g_autoptr(DossierQuery) query = list_query (self);
    AddPerson *add = g_new (AddPerson, 1);

    add->window = g_object_ref (self);
    add->person = person;
    dossier_timeline_people_async (self->library, query, NULL, 0, 0, self->cancellable,
                                   on_default_people_cb, add);
  }
}

/* The lanes follow the search: a search that leaves none of the person's
 * quotes (one from an hour ago, a tag filter) would show their lane
 * empty.  Asked to show them, the search is cleared instead, and a toast
 * says so. */
static void
on_person_checked_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autofree AddPerson *add = user_data;
  g_autoptr(DossierWindow) self = add->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierTimelinePeople) people = NULL;

  people = dossier_timeline_people_finish (DOSSIER_LIBRARY (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (people != NULL && people->points->len == 0)
    {
      dossier_search_clear (self->search);
      dossier_search_set_text (self->search, "");
      _dossier_window_toast (self, _("Search cleared: it left out all of this person’s quotes"));
    }
  show_person (self, add->person);
}

static void
show_person_action_cb (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  DossierWindow *self = user_data;
  gint64 person = g_variant_get_int64 (param);
  g_autoptr(DossierQuery) query = NULL;
  AddPerson *add;

  if (person <= 0)
    return;
  query = list_query (self);
  if (dossier_query_is_empty (query))
    {
      show_person (self, person);
      return;
    }
  add = g_new (AddPerson, 1);
  add->window = g_object_ref (self);
  add->person = person;
  /* not the window's cancellable, which a change of the list cancels:
   * the answer is wanted whatever the list does meanwhile */
  dossier_timeline_people_async (self->library, query, &person, 1, 0, NULL, on_person_checked_cb, add);
}

void
_dossier_window_timeline_setup (DossierWindow *self)
{
  TitleCache *cache = g_new0 (TitleCache, 1);
  Marks *marks = g_new0 (Marks, 1);
  GtkWidget *overlay = gtk_overlay_new ();

  self->timeline = GTK_WIDGET (dossier_timeline_new ());
  gtk_widget_set_vexpand (overlay, TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->timeline);
  gtk_box_append (GTK_BOX (gtk_paned_get_end_child (self->content_paned)), overlay);

  /* lanes by person: who they are, chosen in a popover at the top right */
  g_object_set_data_full (G_OBJECT (self), MARKS_KEY, marks, marks_free);
  marks->overlay = overlay;
  marks->chooser = dossier_people_chooser_new ();
  marks->people_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (marks->people_button), "system-users-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (marks->people_button), marks->chooser);
  gtk_widget_set_tooltip_text (marks->people_button, _("Choose People"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (marks->people_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the people on the timeline"), -1);
  round_osd_button (marks->people_button);
  gtk_widget_set_halign (marks->people_button, GTK_ALIGN_END);
  gtk_widget_set_valign (marks->people_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (marks->people_button, 4);
  gtk_widget_set_margin_end (marks->people_button, 4);
  gtk_widget_set_visible (marks->people_button, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), marks->people_button);
  g_signal_connect (marks->chooser, "changed", G_CALLBACK (on_chooser_changed_cb), self);

  /* colours by story: their legend, in a popover left of the people's button */
  {
    GtkWidget *popover = gtk_popover_new ();

    marks->legend_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    gtk_widget_set_margin_top (marks->legend_box, 6);
    gtk_widget_set_margin_bottom (marks->legend_box, 6);
    gtk_widget_set_margin_start (marks->legend_box, 6);
    gtk_widget_set_margin_end (marks->legend_box, 6);
    gtk_popover_set_child (GTK_POPOVER (popover), marks->legend_box);
    g_signal_connect (popover, "show", G_CALLBACK (on_legend_show_cb), self);
    marks->legend_button = gtk_menu_button_new ();
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (marks->legend_button), "view-list-bullet-symbolic");
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (marks->legend_button), popover);
    gtk_widget_set_tooltip_text (marks->legend_button, _("Story Colours"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (marks->legend_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("The stories of the timeline's colours"), -1);
    round_osd_button (marks->legend_button);
    gtk_widget_set_halign (marks->legend_button, GTK_ALIGN_END);
    gtk_widget_set_valign (marks->legend_button, GTK_ALIGN_START);
    gtk_widget_set_margin_top (marks->legend_button, 4);
    gtk_widget_set_margin_end (marks->legend_button, 4);
    gtk_widget_set_visible (marks->legend_button, FALSE);
    gtk_overlay_add_overlay (GTK_OVERLAY (overlay), marks->legend_button);
  }

  cache->window = self;
  cache->titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &cache->window);
  dossier_timeline_set_title_func (DOSSIER_TIMELINE (self->timeline), title_for_id, cache, title_cache_free);

  g_signal_connect (self->timeline, "article-activated", G_CALLBACK (on_article_activated_cb), self);
  g_signal_connect (self->timeline, "range-selected", G_CALLBACK (on_range_selected_cb), self);
  g_signal_connect (self->timeline, "range-cleared", G_CALLBACK (on_range_cleared_cb), self);
  g_signal_connect (self->settings, "changed::timeline-lanes", G_CALLBACK (on_lanes_changed_cb), self);
  g_signal_connect (self->settings, "changed::timeline-people", G_CALLBACK (on_people_changed_cb), self);
  g_signal_connect_swapped (self->search, "changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->library, "changed-in-detail", G_CALLBACK (on_library_changed_in_detail_cb), self);
  g_signal_connect_swapped (self->library, "changed", G_CALLBACK (on_library_changed_cb), self);
  g_signal_connect_swapped (self->library, "changed", G_CALLBACK (on_library_changed_colors_cb), self);
  g_signal_connect_swapped (self->settings, "changed::timeline-story-colors", G_CALLBACK (reload_story_colors), self);
  {
    g_autoptr(GAction) colors = g_settings_create_action (self->settings, "timeline-story-colors");
    g_autoptr(GSimpleAction) show_story = g_simple_action_new ("show-story-on-timeline", G_VARIANT_TYPE_INT64);
    g_autoptr(GSimpleAction) show_person = g_simple_action_new ("show-person-on-timeline", G_VARIANT_TYPE_INT64);

    g_action_map_add_action (G_ACTION_MAP (self), colors);
    g_signal_connect_object (show_story, "activate", G_CALLBACK (show_story_action_cb), self, 0);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_story));
    g_signal_connect_object (show_person, "activate", G_CALLBACK (show_person_action_cb), self, 0);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_person));
  }
  reload_story_colors (self);
  apply_lanes (self);
  dossier_timeline_set_loading (DOSSIER_TIMELINE (self->timeline), TRUE);
  first_frame_setup (self);
  g_idle_add_full (G_PRIORITY_DEFAULT, first_reload_cb, g_object_ref (self), g_object_unref);
}
