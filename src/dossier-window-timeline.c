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

static void
on_points_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) points = NULL;

  points = dossier_library_timeline_points_finish (DOSSIER_LIBRARY (source), result, &error);
  if (points == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dossier_window_toast (self, error->message);
      return;
    }
  dossier_timeline_set_points (DOSSIER_TIMELINE (self->timeline), points);
  /* new articles (an import) may fall outside the view: show them all */
  if (points->len != self->timeline_n_points)
    dossier_timeline_fit (DOSSIER_TIMELINE (self->timeline));
  self->timeline_n_points = points->len;
  if (self->article != NULL)
    dossier_timeline_set_selected_id (DOSSIER_TIMELINE (self->timeline), dossier_article_get_id (self->article));
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
_dossier_window_timeline_clear_range (DossierWindow *self)
{
  if (self->timeline != NULL)
    dossier_timeline_clear_selected_range (DOSSIER_TIMELINE (self->timeline));
}

static void
on_article_activated_cb (DossierTimeline *timeline,
                         gint64           id,
                         DossierWindow   *self)
{
  int pos = dossier_article_list_find (self->articles, id);

  if (pos >= 0)
    gtk_single_selection_set_selected (self->selection, pos);
  else
    dossier_window_open_article (self, id);
}

static void
on_range_selected_cb (DossierTimeline *timeline,
                      gint64           from,
                      gint64           to,
                      DossierWindow   *self)
{
  self->range_from = from;
  self->range_to = to;
  _dossier_window_refresh_query (self);
}

static void
on_range_cleared_cb (DossierTimeline *timeline,
                     DossierWindow   *self)
{
  if (self->range_from < 0 && self->range_to < 0)
    return;
  self->range_from = self->range_to = -1;
  _dossier_window_refresh_query (self);
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
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dossier_window_toast (self, error->message);
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
  gtk_box_append (GTK_BOX (self->timeline_box), self->timeline);

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
  _dossier_window_timeline_reload (self);
}
