/* dossier-window-timeline.c — the window's timeline: points, titles, ranges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"
#include "dossier-timeline.h"

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

  dossier_timeline_set_loading (timeline, FALSE);
  dossier_timeline_set_points (timeline, points);
  /* new articles (an import) may fall outside the view: show them all */
  if (dossier_timeline_get_n_points (timeline) != before)
    dossier_timeline_fit (timeline);
  if (self->article != NULL)
    dossier_timeline_set_selected_id (DOSSIER_TIMELINE (self->timeline), dossier_article_get_id (self->article));
}

static void
on_points_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) points = NULL;
  FirstFrame *ff;

  points = dossier_library_timeline_points_finish (DOSSIER_LIBRARY (source), result, &error);
  if (points == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          dossier_timeline_set_loading (DOSSIER_TIMELINE (self->timeline), FALSE);
          _dossier_window_toast (self, error->message);
        }
      return;
    }
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

void
_dossier_window_timeline_reload (DossierWindow *self)
{
  dossier_library_timeline_points_async (self->library, NULL, self->cancellable,
                                         on_points_loaded_cb, self);
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
  int pos = dossier_article_list_find (self->articles, id);

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
  if (g_settings_get_enum (self->settings, "timeline-lanes") != 2)
    return;
  dossier_timeline_set_tags (DOSSIER_TIMELINE (self->timeline), tags);
  dossier_timeline_set_lane_mode (DOSSIER_TIMELINE (self->timeline), DOSSIER_TIMELINE_LANES_TAG);
}

/* Lanes by tag need every article's tags: read on the worker, and again
 * whenever notes change while that mode is on. */
static void
apply_lanes (DossierWindow *self)
{
  int mode = g_settings_get_enum (self->settings, "timeline-lanes");

  if (mode == 2)
    {
      dossier_library_article_tags_async (self->library, self->cancellable, on_article_tags_cb, self);
      return;
    }
  dossier_timeline_set_lane_mode (DOSSIER_TIMELINE (self->timeline),
                                  mode == 1 ? DOSSIER_TIMELINE_LANES_SOURCE : DOSSIER_TIMELINE_LANES_NONE);
}

static void
on_library_changed_cb (DossierWindow *self)
{
  if (g_settings_get_enum (self->settings, "timeline-lanes") == 2)
    apply_lanes (self);
}

static void
on_lanes_changed_cb (GSettings     *settings,
                     const char    *key,
                     DossierWindow *self)
{
  apply_lanes (self);
}

void
_dossier_window_timeline_setup (DossierWindow *self)
{
  TitleCache *cache = g_new0 (TitleCache, 1);

  self->timeline = GTK_WIDGET (dossier_timeline_new ());
  gtk_widget_set_vexpand (self->timeline, TRUE);
  gtk_box_append (GTK_BOX (gtk_paned_get_end_child (self->content_paned)), self->timeline);

  cache->window = self;
  cache->titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &cache->window);
  dossier_timeline_set_title_func (DOSSIER_TIMELINE (self->timeline), title_for_id, cache, title_cache_free);

  g_signal_connect (self->timeline, "article-activated", G_CALLBACK (on_article_activated_cb), self);
  g_signal_connect (self->timeline, "range-selected", G_CALLBACK (on_range_selected_cb), self);
  g_signal_connect (self->timeline, "range-cleared", G_CALLBACK (on_range_cleared_cb), self);
  g_signal_connect (self->settings, "changed::timeline-lanes", G_CALLBACK (on_lanes_changed_cb), self);
  g_signal_connect_swapped (self->library, "changed", G_CALLBACK (_dossier_window_timeline_reload), self);
  g_signal_connect_swapped (self->library, "changed", G_CALLBACK (on_library_changed_cb), self);
  apply_lanes (self);
  dossier_timeline_set_loading (DOSSIER_TIMELINE (self->timeline), TRUE);
  first_frame_setup (self);
  g_idle_add_full (G_PRIORITY_DEFAULT, first_reload_cb, g_object_ref (self), g_object_unref);
}
