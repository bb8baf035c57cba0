/* test-feeds.c — the feed parser, and following feeds against a server
 * of the test's own on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server runs on a thread of its own: the feeds' calls block.
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "dossier-feeds.h"
#include "dossier-article-state.h"
#include "dossier-feed-parse.h"
#include "dossier-opml.h"
#include "dossier-extracted.h"
#include "dossier-test-util.h"

#define LONG_TEXT \
  "<p>The ferry company has ordered two new boats for the crossing to the island, the first " \
  "new ships on the route in thirty years, and says they will run on electricity in summer.</p>" \
  "<p>The boats are being built at the yard across the estuary and should be ready in two years. " \
  "The old ferries will be sold, one of them possibly to a museum of the coast.</p>" \
  "<p>Islanders welcomed the news but asked for more crossings in winter, when the single " \
  "boat leaves them without a way to the mainland for most of the day and night.</p>" \
  "<p>The company said the timetable would be discussed at a meeting in the village hall " \
  "next month, and that every household on the island would get a letter about it.</p>"

/* {{{ the server */

typedef struct
{
  DossierTestLibrary  t;
  GThread            *thread;
  GMainContext       *context;
  GMainLoop          *loop;
  GMutex              lock;
  GCond               ready;
  char               *base;
  /* under the lock */
  guint               version;       /* of the RSS feed: 1 adds an item */
  guint               rss_requests;
  guint               not_modified;
  guint               limited_requests;
  gboolean            limit;          /* the RSS feed answers 429 */
} Fixture;

static char *
rss (Fixture *f)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_append_printf (s,
    "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
    " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
    "<title>Harbour News</title><link>%s/</link>"
    "<item><title>Pier repairs</title><link>%s/post/pier</link><guid>pier-1</guid>"
    "<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><dc:creator>Ada Quay</dc:creator>"
    "<category>council</category><description>The pier…</description></item>"
    "<item><title>Lighthouse</title><link>%s/post/lighthouse</link><guid>light-1</guid>"
    "<description>The keeper…</description></item>"
    "<item><title>New ferries</title><link>%s/post/ferries</link><guid>ferries-1</guid>"
    "<content:encoded><![CDATA[" LONG_TEXT "]]></content:encoded></item>",
    f->base, f->base, f->base, f->base);
  if (f->version > 0)
    g_string_append_printf (s, "<item><title>Tides</title><link>%s/post/tides</link><guid>tides-1</guid>"
                               "<description>Tides…</description></item>", f->base);
  g_string_append (s, "</channel></rss>");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *type,
         const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  Fixture *f = data;
  SoupMessageHeaders *rq = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *rs = soup_server_message_get_response_headers (msg);

  g_mutex_lock (&f->lock);
  if (strcmp (path, "/rss.xml") == 0)
    {
      g_autofree char *etag = g_strdup_printf ("\"v%u\"", f->version);
      g_autofree char *body = rss (f);

      f->rss_requests++;
      if (f->limit)
        {
          f->limited_requests++;
          soup_message_headers_replace (rs, "Retry-After", "3600");
          respond (msg, 429, "text/plain", "slow down");
        }
      else if (g_strcmp0 (soup_message_headers_get_one (rq, "If-None-Match"), etag) == 0)
        {
          f->not_modified++;
          soup_server_message_set_status (msg, 304, NULL);
        }
      else
        {
          soup_message_headers_replace (rs, "ETag", etag);
          respond (msg, 200, "application/rss+xml", body);
        }
    }
  else if (g_str_has_prefix (path, "/post/"))
    {
      g_autofree char *html = g_strdup_printf (
        "<!DOCTYPE html><html><head><title>%s</title></head><body><article><h1>%s</h1>"
        "<p>Story %s from the harbour.</p>" LONG_TEXT "</article></body></html>",
        path + 6, path + 6, path + 6);

      respond (msg, 200, "text/html; charset=utf-8", html);
    }
  else if (strcmp (path, "/atom.xml") == 0)
    {
      g_autofree char *atom = g_strdup_printf (
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Quay Notes</title>"
        "<link href=\"%s/\"/><id>urn:quay</id>"
        "<entry><title>Storm</title><link href=\"/post/storm\"/><id>urn:storm</id>"
        "<published>2021-11-02T08:00:00Z</published><author><name>B. Tide</name></author>"
        "<category term=\"weather\"/><summary>Storm…</summary></entry></feed>", f->base);

      respond (msg, 200, "application/atom+xml", atom);
    }
  else if (strcmp (path, "/rdf.xml") == 0)
    respond (msg, 200, "application/rdf+xml",
             "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
             " xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
             "<channel rdf:about=\"/\"><title>Old Wire</title><link>/</link></channel>"
             "<item rdf:about=\"/post/wire\"><title>Wire</title><link>/post/wire</link>"
             "<dc:date>1999-05-04</dc:date></item></rdf:RDF>");
  else if (strcmp (path, "/page.html") == 0)
    respond (msg, 200, "text/html",
             "<!DOCTYPE html><html><head><title>Quay</title>"
             "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/atom.xml\"></head>"
             "<body><p>Welcome</p></body></html>");
  else if (strcmp (path, "/plain.html") == 0)
    respond (msg, 200, "text/html", "<!DOCTYPE html><html><body><p>No feed here</p></body></html>");
  else if (strcmp (path, "/broken.xml") == 0)
    respond (msg, 200, "application/rss+xml", "<?xml version=\"1.0\"?><rss><chan<<<&&&");
  else
    respond (msg, 404, "text/plain", "no");
  g_mutex_unlock (&f->lock);
}

static gpointer
server_thread (gpointer data)
{
  Fixture *f = data;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (f->context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, handler, f, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_mutex_lock (&f->lock);
  f->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_cond_signal (&f->ready);
  g_mutex_unlock (&f->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (f->loop);
  soup_server_disconnect (server);
  g_main_context_pop_thread_default (f->context);
  return NULL;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  dossier_test_library_setup (&f->t, data);
  f->context = g_main_context_new ();
  f->loop = g_main_loop_new (f->context, FALSE);
  g_mutex_init (&f->lock);
  g_cond_init (&f->ready);
  f->thread = g_thread_new ("test-server", server_thread, f);
  g_mutex_lock (&f->lock);
  while (f->base == NULL)
    g_cond_wait (&f->ready, &f->lock);
  g_mutex_unlock (&f->lock);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_main_loop_quit (f->loop);
  g_thread_join (f->thread);
  g_main_loop_unref (f->loop);
  g_main_context_unref (f->context);
  g_mutex_clear (&f->lock);
  g_cond_clear (&f->ready);
  g_free (f->base);
  dossier_test_library_teardown (&f->t, data);
}

/* }}} */

static char *
link_to (Fixture    *f,
         const char *path)
{
  return g_strconcat (f->base, path, NULL);
}

static guint
count (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  guint n = dossier_library_count_sync (f->t.library, &error);

  g_assert_no_error (error);
  return n;
}

static DossierArticle *
article_by_url (Fixture    *f,
                const char *path)
{
  g_autofree char *url = link_to (f, path);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierQuery) query = dossier_query_new ();

  all = dossier_library_search_sync (f->t.library, query, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (dossier_article_get_url (g_ptr_array_index (all, i)), url) == 0)
      return g_object_ref (g_ptr_array_index (all, i));
  return NULL;
}

/* How many articles @text finds. */
static guint
n_found (Fixture    *f,
         const char *text)
{
  g_autoptr(DossierQuery) query = dossier_query_parse (text, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = dossier_library_search_sync (f->t.library, query, 0, &error);

  g_assert_no_error (error);
  return found->len;
}

static void
test_follow_and_refresh (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(DossierFetcher) fetcher = dossier_fetcher_new (f->t.library);
  g_autoptr(DossierFeedRefresh) first = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) pier = NULL;
  g_autofree char *url = link_to (f, "/rss.xml");
  g_autofree char *published = NULL;
  DossierFeedRefresh *r;
  gint64 id, again;

  id = dossier_feeds_subscribe_sync (fetcher, url, &first, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (first->title, ==, "Harbour News");
  g_assert_cmpuint (first->n_new, ==, 3);
  g_assert_cmpuint (first->errors->len, ==, 0);
  g_assert_cmpuint (count (f), ==, 3);

  /* the feed fills the date and author the page lacks */
  pier = article_by_url (f, "/post/pier");
  g_assert_nonnull (pier);
  published = dossier_article_dup_published_string (pier);
  g_assert_cmpstr (published, ==, "2003-06-10");
  g_assert_cmpstr (dossier_article_get_byline (pier), ==, "Ada Quay");
  /* and its categories become the article's tags */
  {
    g_auto(GStrv) tags = dossier_article_state_get_tags_sync (f->t.library, dossier_article_get_id (pier), &error);
    g_auto(GStrv) all = NULL;
    g_autofree char *feed_query = g_strdup_printf ("feed:%" G_GINT64_FORMAT, id);

    g_assert_no_error (error);
    g_assert_cmpstrv (tags, ((const char * const[]) { "council", NULL }));
    g_assert_cmpuint (n_found (f, "tag:council"), ==, 1);
    g_assert_cmpuint (n_found (f, "tag:COUNCIL"), ==, 1);
    g_assert_cmpuint (n_found (f, "tag:weather"), ==, 0);
    /* the filter lists it */
    all = dossier_library_list_tags_sync (f->t.library, &error);
    g_assert_no_error (error);
    g_assert_true (g_strv_contains ((const char * const *) all, "council"));
    /* articles from feeds start unread */
    g_assert_false (dossier_article_get_read (pier));
    g_assert_cmpuint (n_found (f, "is:unread"), ==, 3);
    g_assert_cmpuint (n_found (f, "is:read"), ==, 0);
    g_assert_cmpuint (n_found (f, feed_query), ==, 3);
    g_assert_cmpuint (n_found (f, "feed:999"), ==, 0);
  }

  /* following it again is the same feed */
  again = dossier_feeds_subscribe_sync (fetcher, url, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpuint (count (f), ==, 3);

  /* nothing new: a conditional request, answered 304 */
  results = dossier_feeds_refresh_sync (fetcher, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  r = g_ptr_array_index (results, 0);
  g_assert_cmpuint (r->n_new, ==, 0);
  g_assert_cmpuint (r->errors->len, ==, 0);
  g_assert_cmpuint (f->not_modified, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* a new entry comes; a deleted article's entry does not come back */
  g_assert_true (dossier_library_delete_article_sync (f->t.library, dossier_article_get_id (pier), &error));
  g_assert_no_error (error);
  g_mutex_lock (&f->lock);
  f->version = 1;
  g_mutex_unlock (&f->lock);
  results = dossier_feeds_refresh_sync (fetcher, id, NULL, &error);
  g_assert_no_error (error);
  r = g_ptr_array_index (results, 0);
  g_assert_cmpuint (r->n_new, ==, 1);
  g_assert_cmpuint (count (f), ==, 3);
  g_assert_null (article_by_url (f, "/post/pier"));
  g_clear_pointer (&results, g_ptr_array_unref);

  feeds = dossier_feeds_list_sync (f->t.library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 1);
  g_assert_cmpint (((DossierFeedInfo *) feeds->pdata[0])->last_refresh, >, 0);
  g_assert_null (((DossierFeedInfo *) feeds->pdata[0])->last_error);
  g_assert_cmpuint (((DossierFeedInfo *) feeds->pdata[0])->n_articles, ==, 3);
  g_assert_cmpuint (((DossierFeedInfo *) feeds->pdata[0])->n_unread, ==, 3);
  g_clear_pointer (&feeds, g_ptr_array_unref);

  /* opening one marks it read: one unread less */
  {
    g_autoptr(DossierArticle) tides = article_by_url (f, "/post/tides");

    g_assert_true (dossier_article_state_set_read_sync (f->t.library, dossier_article_get_id (tides), TRUE, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_found (f, "is:unread"), ==, 2);
    g_assert_cmpuint (n_found (f, "is:read"), ==, 1);
    feeds = dossier_feeds_list_sync (f->t.library, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (((DossierFeedInfo *) feeds->pdata[0])->n_unread, ==, 2);
    g_assert_cmpuint (((DossierFeedInfo *) feeds->pdata[0])->n_articles, ==, 3);
  }
}

/* Tags the user adds and removes in the reader; tag: finds an article by
 * its own tags and by its notes' tags. */
static void
test_article_tags (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) article = dossier_article_new ();
  g_autoptr(DossierAnnotation) note = NULL;
  g_auto(GStrv) tags = NULL;
  gint64 id;

  dossier_article_set_title (article, "Harbour budget");
  dossier_article_set_body (article, "The harbour budget grew by a third this year.");
  id = dossier_library_add_article_sync (f->t.library, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  g_assert_true (dossier_article_state_tag_sync (f->t.library, id, "  #Budget ", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_article_state_tag_sync (f->t.library, id, "harbour", TRUE, &error));
  g_assert_no_error (error);
  /* the same tag in another case is the same tag */
  g_assert_true (dossier_article_state_tag_sync (f->t.library, id, "budget", TRUE, &error));
  g_assert_no_error (error);
  tags = dossier_article_state_get_tags_sync (f->t.library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (tags, ((const char * const[]) { "Budget", "harbour", NULL }));
  g_clear_pointer (&tags, g_strfreev);
  g_assert_cmpuint (n_found (f, "tag:budget"), ==, 1);
  g_assert_cmpuint (n_found (f, "tag:budget tag:harbour"), ==, 1);

  /* an empty tag is refused, a missing one says so */
  g_assert_false (dossier_article_state_tag_sync (f->t.library, id, " # ", TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (dossier_article_state_tag_sync (f->t.library, id, "weather", FALSE, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dossier_article_state_tag_sync (f->t.library, id + 100, "x", TRUE, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (dossier_article_state_tag_sync (f->t.library, id, "harbour", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_found (f, "tag:harbour"), ==, 0);

  /* a note's tag finds it too, and both kinds together */
  note = dossier_annotation_new ();
  dossier_annotation_set_article_id (note, id);
  dossier_annotation_set_quote (note, "budget");
  dossier_annotation_set_start (note, 12);
  dossier_annotation_set_end (note, 18);
  dossier_annotation_set_tags (note, (const char * const[]) { "money", NULL });
  dossier_library_add_annotation_sync (f->t.library, note, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_found (f, "tag:money"), ==, 1);
  g_assert_cmpuint (n_found (f, "tag:money tag:budget"), ==, 1);
  g_assert_cmpuint (n_found (f, "tag:money tag:harbour"), ==, 0);

  /* articles added by hand start unread; the state goes both ways */
  g_assert_cmpuint (n_found (f, "is:unread"), ==, 1);
  g_assert_true (dossier_article_state_set_read_sync (f->t.library, id, TRUE, &error));
  g_assert_cmpuint (n_found (f, "is:unread"), ==, 0);
  g_assert_true (dossier_article_state_set_read_sync (f->t.library, id, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_found (f, "is:unread"), ==, 1);
}

static void
test_kinds (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(DossierFetcher) fetcher = dossier_fetcher_new (f->t.library);
  g_autoptr(DossierFeedRefresh) atom = NULL;
  g_autoptr(DossierFeedRefresh) rdf = NULL;
  g_autoptr(DossierArticle) storm = NULL;
  g_autoptr(DossierArticle) wire = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = link_to (f, "/page.html");
  g_autofree char *rdf_url = link_to (f, "/rdf.xml");
  g_autofree char *atom_url = link_to (f, "/atom.xml");
  g_autofree char *published = NULL;

  /* a page that names its feed */
  g_assert_cmpint (dossier_feeds_subscribe_sync (fetcher, page, &atom, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (atom->title, ==, "Quay Notes");
  g_assert_cmpuint (atom->n_new, ==, 1);
  storm = article_by_url (f, "/post/storm");
  g_assert_cmpstr (dossier_article_get_byline (storm), ==, "B. Tide");
  published = dossier_article_dup_published_string (storm);
  g_assert_cmpstr (published, ==, "2021-11-02");

  g_assert_cmpint (dossier_feeds_subscribe_sync (fetcher, rdf_url, &rdf, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (rdf->n_new, ==, 1);
  wire = article_by_url (f, "/post/wire");
  g_assert_nonnull (wire);

  /* the feed is stored by its own link */
  feeds = dossier_feeds_list_sync (f->t.library, &error);
  g_assert_cmpuint (feeds->len, ==, 2);
  g_assert_cmpstr (((DossierFeedInfo *) feeds->pdata[1])->url, ==, atom_url);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DossierFetcher) fetcher = dossier_fetcher_new (f->t.library);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autofree char *broken = link_to (f, "/broken.xml");
  g_autofree char *plain = link_to (f, "/plain.html");
  g_autofree char *missing = link_to (f, "/missing.xml");
  g_autofree char *rss_url = link_to (f, "/rss.xml");
  DossierFeedRefresh *r;
  gint64 rss_id;

  g_assert_cmpint (dossier_feeds_subscribe_sync (fetcher, broken, NULL, NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, broken));
  g_clear_error (&error);
  g_assert_cmpint (dossier_feeds_subscribe_sync (fetcher, plain, NULL, NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, plain));
  g_clear_error (&error);
  g_assert_cmpint (dossier_feeds_subscribe_sync (fetcher, missing, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count (f), ==, 0);

  /* a server that says "not now" (429, Retry-After): remembered, and not
   * asked again before then */
  rss_id = dossier_feeds_subscribe_sync (fetcher, rss_url, NULL, NULL, &error);
  g_assert_no_error (error);
  g_mutex_lock (&f->lock);
  f->limit = TRUE;
  g_mutex_unlock (&f->lock);
  for (guint i = 0; i < 2; i++)
    {
      results = dossier_feeds_refresh_sync (fetcher, rss_id, NULL, &error);
      g_assert_no_error (error);
      r = g_ptr_array_index (results, 0);
      g_assert_cmpuint (r->errors->len, ==, 1);
      g_assert_nonnull (strstr (g_ptr_array_index (r->errors, 0), rss_url));
      g_clear_pointer (&results, g_ptr_array_unref);
    }
  g_assert_cmpuint (f->limited_requests, ==, 1);
  feeds = dossier_feeds_list_sync (f->t.library, &error);
  g_assert_nonnull (((DossierFeedInfo *) feeds->pdata[0])->last_error);
  g_clear_pointer (&feeds, g_ptr_array_unref);

  g_assert_true (dossier_feeds_update_sync (f->t.library, rss_id, "Renamed", 1, &error));
  g_assert_no_error (error);

  /* paused feeds are left out of a refresh of all */
  results = dossier_feeds_refresh_sync (fetcher, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = dossier_feeds_refresh_sync (fetcher, rss_id, NULL, &error);
  g_assert_no_error (error);
  r = g_ptr_array_index (results, 0);
  g_assert_cmpstr (r->title, ==, "Renamed");

  feeds = dossier_feeds_list_sync (f->t.library, &error);
  g_assert_cmpuint (feeds->len, ==, 1);
  g_assert_true (((DossierFeedInfo *) feeds->pdata[0])->paused);
  g_assert_cmpstr (((DossierFeedInfo *) feeds->pdata[0])->title, ==, "Renamed");

  /* removed, its articles stay */
  g_assert_true (dossier_feeds_remove_sync (f->t.library, rss_id, &error));
  g_assert_false (dossier_feeds_remove_sync (f->t.library, rss_id, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count (f), ==, 3);
}

/* {{{ the parser alone */

static void
test_parse_rss (void)
{
  const char *xml =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>https://a.example/</link>"
    "<item><title>One</title><link>/one</link><pubDate>Sun, 6 Sep 2009 16:20:00 +0000</pubDate>"
    "<category>x</category><category>y</category></item>"
    "<item><title>No link, no guid</title></item>"
    "<item><guid>g2</guid><link>javascript:alert(1)</link></item>"
    "</channel></rss>";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierFeedDoc) doc = dossier_feed_parse (xml, strlen (xml), "https://a.example/feed", &error);
  DossierFeedEntry *e;

  g_assert_no_error (error);
  g_assert_cmpstr (doc->title, ==, "T");
  g_assert_cmpuint (doc->entries->len, ==, 2);
  e = g_ptr_array_index (doc->entries, 0);
  g_assert_cmpstr (e->link, ==, "https://a.example/one");
  g_assert_cmpstr (e->guid, ==, "https://a.example/one");
  g_assert_cmpint (e->published.year, ==, 2009);
  g_assert_cmpint (e->published.month, ==, 9);
  g_assert_cmpint (e->published.day, ==, 6);
  g_assert_cmpuint (g_strv_length (e->categories), ==, 2);
  /* a script link is no link */
  e = g_ptr_array_index (doc->entries, 1);
  g_assert_null (e->link);
  g_assert_false (dossier_feed_entry_is_full (e));
}

static void
test_parse_bad (void)
{
  const char *inputs[] = {
    "", "not xml at all", "<html><body>page</body></html>", "<?xml version=\"1.0\"?><rss><chan<<<&&&",
    "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><rss><channel><title>&c;</title></channel></rss>",
    "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><title>&x;</title></channel></rss>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierFeedDoc) doc = dossier_feed_parse (inputs[i], strlen (inputs[i]), NULL, &error);

      if (doc == NULL)
        g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE);
      else
        g_assert_null (strstr (doc->title, "root:"));
    }
}

static void
test_parse_many (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Big</title>");
  g_autoptr(DossierFeedDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (xml, "<entry><id>e%u</id><title>Entry %u</title>"
                                 "<link href=\"https://a.example/%u\"/></entry>", i, i, i);
  g_string_append (xml, "</feed>");
  start = g_get_monotonic_time ();
  doc = dossier_feed_parse (xml->str, xml->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->entries->len, ==, 10000);
  /* a gross slowdown guard; the budget is the benchmark's */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC * dossier_test_slowdown ());
}

static void
test_find_in_page (void)
{
  const char *html =
    "<html><head><link rel=\"stylesheet\" href=\"/s.css\">"
    "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed.xml\"></head>"
    "<body><link rel=\"alternate\" type=\"application/atom+xml\" href=\"/body.xml\"></body></html>";
  g_autofree char *found = dossier_feed_find_in_page (html, strlen (html), "https://a.example/news/");

  g_assert_cmpstr (found, ==, "https://a.example/news/feed.xml");
  g_assert_null (dossier_feed_find_in_page ("<p>nothing</p>", 14, "https://a.example/"));
}

/* }}} */

/* OPML: nested outlines, links twice or missing, titles; a round trip */
static void
test_opml_parse (void)
{
  g_autofree char *path = dossier_test_data_path ("feeds.opml", NULL);
  g_autofree char *data = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char * const urls[] = { "https://harbour.example/feed.xml", "http://coast.example/rss",
                                "https://untitled.example/atom", "https://zhurnal.example/feed" };
  const char * const titles[] = { "Harbour News", "Coast & Quay Wire", NULL, "Журнал" };

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  feeds = dossier_opml_parse (data, len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, G_N_ELEMENTS (urls));
  for (guint i = 0; i < feeds->len; i++)
    {
      DossierOpmlFeed *f = g_ptr_array_index (feeds, i);

      g_assert_cmpstr (f->url, ==, urls[i]);
      g_assert_cmpstr (f->title, ==, titles[i]);
    }

  /* written as OPML 2.0 and read back: the same feeds */
  written = dossier_opml_write (feeds, G_GINT64_CONSTANT (1764900000) * G_USEC_PER_SEC);
  g_assert_nonnull (strstr (written, "<opml version=\"2.0\">"));
  g_assert_nonnull (strstr (written, "<dateCreated>"));
  g_assert_nonnull (strstr (written, "Coast &amp; Quay Wire"));
  again = dossier_opml_parse (written, strlen (written), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, feeds->len);
  for (guint i = 0; i < again->len; i++)
    g_assert_cmpstr (((DossierOpmlFeed *) again->pdata[i])->url, ==, urls[i]);

  /* not OPML */
  g_assert_null (dossier_opml_parse ("", 0, &error));
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_null (dossier_opml_parse ("<rss version=\"2.0\"/>", 20, &error));
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE);
  g_clear_error (&error);
}

/* Import and export of a library's feeds; bad files name themselves */
static void
test_opml_files (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = dossier_test_data_path ("feeds.opml", NULL);
  g_autofree char *broken = dossier_test_data_path ("broken.opml", NULL);
  g_autofree char *not_opml = dossier_test_data_path ("not-opml.opml", NULL);
  g_autofree char *out = g_build_filename (f->t.dir, "out.opml", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GPtrArray) written = NULL;
  guint added = 99, known = 99, n = 0;

  g_assert_true (dossier_feeds_import_opml_sync (f->t.library, path, &added, &known, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 4);
  g_assert_cmpuint (known, ==, 0);
  /* again: nothing twice */
  g_assert_true (dossier_feeds_import_opml_sync (f->t.library, path, &added, &known, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (known, ==, 4);
  /* nothing was fetched */
  g_assert_cmpuint (f->rss_requests, ==, 0);
  feeds = dossier_feeds_list_sync (f->t.library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 4);

  g_assert_false (dossier_feeds_import_opml_sync (f->t.library, broken, NULL, NULL, &error));
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, broken));
  g_clear_error (&error);
  g_assert_false (dossier_feeds_import_opml_sync (f->t.library, not_opml, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "not-opml.opml"));
  g_clear_error (&error);
  g_assert_false (dossier_feeds_import_opml_sync (f->t.library, "/no/such/list.opml", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "/no/such/list.opml"));
  g_clear_error (&error);

  g_assert_true (dossier_feeds_export_opml_sync (f->t.library, out, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_true (g_file_get_contents (out, &text, NULL, &error));
  written = dossier_opml_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 4);
  for (guint i = 0; i < written->len; i++)
    g_assert_cmpstr (((DossierOpmlFeed *) written->pdata[i])->url, ==, ((DossierFeedInfo *) feeds->pdata[i])->url);
  g_assert_false (dossier_feeds_export_opml_sync (f->t.library, "/no/such/folder/out.opml", NULL, &error));
  g_assert_nonnull (strstr (error->message, "/no/such/folder/out.opml"));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feeds/parse/rss", test_parse_rss);
  g_test_add_func ("/feeds/parse/bad", test_parse_bad);
  g_test_add_func ("/feeds/parse/many", test_parse_many);
  g_test_add_func ("/feeds/parse/find-in-page", test_find_in_page);
  g_test_add ("/feeds/follow-and-refresh", Fixture, NULL, setup, test_follow_and_refresh, teardown);
  g_test_add ("/feeds/article-tags", Fixture, NULL, setup, test_article_tags, teardown);
  g_test_add_func ("/feeds/opml/parse", test_opml_parse);
  g_test_add ("/feeds/opml/files", Fixture, NULL, setup, test_opml_files, teardown);
  g_test_add ("/feeds/kinds", Fixture, NULL, setup, test_kinds, teardown);
  g_test_add ("/feeds/errors", Fixture, NULL, setup, test_errors, teardown);

  status = g_test_run ();
  /* LeakSanitizer checks at exit: the name lookups' threads leave first */
  dossier_test_settle_threads ();
  return status;
}
