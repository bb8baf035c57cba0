/* bench-web.c — adding links and refreshing feeds, against a server of
 * its own on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-web LIBRARY.db [LINKS] [FEEDS]
 *
 * Adds LINKS (default 200) distinct article pages by link, follows FEEDS
 * (default 50) feeds whose entries are those pages, then times a refresh
 * of every feed with nothing new (each answers 304 to its ETag).  Prints
 * one JSON object: {"links", "imported", "add_seconds", "feeds",
 * "refresh_seconds", "refresh_new", "refresh_errors"}.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libsoup/soup.h>

#include "dossier-library.h"
#include "dossier-fetcher.h"
#include "dossier-feeds.h"

typedef struct
{
  GMainContext *context;
  GMainLoop    *loop;
  GMutex        lock;
  GCond         ready;
  char         *base;
  guint         n_links;
} Server;

static const char *words[] = {
  "harbour", "council", "ferry", "island", "storm", "tide", "pier", "keeper", "channel", "dredging",
  "market", "school", "bridge", "river", "station", "festival", "library", "museum", "fishing", "quay",
};

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  Server *s = data;
  SoupMessageHeaders *rq = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *rs = soup_server_message_get_response_headers (msg);
  g_autoptr(GString) body = g_string_new (NULL);
  const char *type = "text/html; charset=utf-8";
  guint n;

  if (sscanf (path, "/a/%u", &n) == 1)
    {
      g_string_append_printf (body, "<!DOCTYPE html><html><head><title>Report %u</title></head><body>"
                                    "<article><h1>Report %u</h1>", n, n);
      for (guint p = 0; p < 8; p++)
        {
          g_string_append (body, "<p>");
          for (guint w = 0; w < 40; w++)
            g_string_append_printf (body, "%s ", words[(n * 7 + p * 13 + w * (n % 5 + 1)) % G_N_ELEMENTS (words)]);
          g_string_append_printf (body, "number %u paragraph %u.</p>", n, p);
        }
      g_string_append (body, "</article></body></html>");
    }
  else if (sscanf (path, "/f/%u", &n) == 1)
    {
      if (g_strcmp0 (soup_message_headers_get_one (rq, "If-None-Match"), "\"1\"") == 0)
        {
          soup_server_message_set_status (msg, 304, NULL);
          return;
        }
      soup_message_headers_replace (rs, "ETag", "\"1\"");
      type = "application/rss+xml";
      g_string_append_printf (body, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed %u</title>", n);
      for (guint i = 0; i < 4; i++)
        g_string_append_printf (body, "<item><title>Report</title><link>%s/a/%u</link></item>",
                                s->base, (n * 4 + i) % MAX (s->n_links, 1));
      g_string_append (body, "</channel></rss>");
    }
  else
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body->str, body->len);
}

static gpointer
server_thread (gpointer data)
{
  Server *s = data;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (s->context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, handler, s, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("bench-web: %s", error->message);
  uris = soup_server_get_uris (server);
  g_mutex_lock (&s->lock);
  s->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_cond_signal (&s->ready);
  g_mutex_unlock (&s->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_main_loop_run (s->loop);
  soup_server_disconnect (server);
  g_main_context_pop_thread_default (s->context);
  return NULL;
}

int
main (int argc, char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierFetcher) fetcher = NULL;
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) refreshed = NULL;
  g_autoptr(GError) error = NULL;
  Server s = { 0 };
  GThread *thread;
  guint n_links = argc > 2 ? (guint) atoi (argv[2]) : 200;
  guint n_feeds = argc > 3 ? (guint) atoi (argv[3]) : 50;
  guint imported = 0, fresh = 0, errors = 0;
  gint64 t0;
  double add_s, refresh_s;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-web LIBRARY.db [LINKS] [FEEDS]\n");
      return 2;
    }
  s.context = g_main_context_new ();
  s.loop = g_main_loop_new (s.context, FALSE);
  s.n_links = n_links;
  g_mutex_init (&s.lock);
  g_cond_init (&s.ready);
  thread = g_thread_new ("bench-server", server_thread, &s);
  g_mutex_lock (&s.lock);
  while (s.base == NULL)
    g_cond_wait (&s.ready, &s.lock);
  g_mutex_unlock (&s.lock);

  library = dossier_library_new (argv[1]);
  if (!dossier_library_open_sync (library, TRUE, &error))
    g_error ("bench-web: %s", error->message);
  fetcher = dossier_fetcher_new (library);

  for (guint i = 0; i < n_links; i++)
    g_ptr_array_add (urls, g_strdup_printf ("%s/a/%u", s.base, i));
  g_ptr_array_add (urls, NULL);
  t0 = g_get_monotonic_time ();
  results = dossier_fetcher_add_links_sync (fetcher, (const char * const *) urls->pdata, NULL, NULL, NULL, &error);
  add_s = (g_get_monotonic_time () - t0) / 1e6;
  if (results == NULL)
    g_error ("bench-web: %s", error->message);
  for (guint i = 0; i < results->len; i++)
    if (((DossierLinkResult *) results->pdata[i])->status == DOSSIER_IMPORT_IMPORTED)
      imported++;

  for (guint i = 0; i < n_feeds; i++)
    {
      g_autofree char *feed = g_strdup_printf ("%s/f/%u", s.base, i);

      if (dossier_feeds_subscribe_sync (fetcher, feed, NULL, NULL, &error) <= 0)
        g_error ("bench-web: %s", error->message);
    }
  t0 = g_get_monotonic_time ();
  refreshed = dossier_feeds_refresh_sync (fetcher, 0, NULL, &error);
  refresh_s = (g_get_monotonic_time () - t0) / 1e6;
  if (refreshed == NULL)
    g_error ("bench-web: %s", error->message);
  for (guint i = 0; i < refreshed->len; i++)
    {
      DossierFeedRefresh *r = g_ptr_array_index (refreshed, i);

      fresh += r->n_new;
      errors += r->errors->len;
    }

  printf ("{\"links\": %u, \"imported\": %u, \"add_seconds\": %.3f, \"feeds\": %u,"
          " \"refresh_seconds\": %.3f, \"refresh_new\": %u, \"refresh_errors\": %u}\n",
          n_links, imported, add_s, refreshed->len, refresh_s, fresh, errors);

  dossier_library_close (library);
  g_main_loop_quit (s.loop);
  g_thread_join (thread);
  g_main_loop_unref (s.loop);
  g_main_context_unref (s.context);
  g_free (s.base);
  return 0;
}
