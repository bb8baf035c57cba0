/* test-fetcher.c — adding articles by link, against a server of the
 * test's own on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#include "dossier-article-state.h"
#include "dossier-fetcher.h"
#include "dossier-test-util.h"

#define ARTICLE_TEXT \
  "<p>The harbour council met on Tuesday to decide the future of the old pier, which has " \
  "stood since the town was founded and has been closed to walkers for three winters.</p>" \
  "<p>Engineers told the council that repairs would cost less than a new pier, and that the " \
  "work could be finished before the summer season if the money is found this spring.</p>" \
  "<p>Fishermen who still moor at the pier asked for a promise that their boats could stay " \
  "during the works, and the council agreed to find them a temporary berth nearby.</p>"

typedef struct
{
  DossierTestLibrary  t;
  SoupServer         *server;
  SoupServer         *tls_server;
  char               *base;
  char               *tls_base;
  guint               requests;
  GPtrArray          *paused;       /* answers that never come */
  char               *last_agent;
  gboolean            sent_cookie;
} Fixture;

static char *
page (const char *title,
      const char *meta,
      const char *body)
{
  return g_strdup_printf ("<!DOCTYPE html><html><head>%s<title>%s</title></head><body>"
                          "<article><h1>%s</h1>%s</article></body></html>",
                          meta, title, title, body);
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *type,
         const char        *data,
         gsize              len)
{
  soup_server_message_set_status (msg, status, NULL);
  if (type != NULL)
    soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, data, len);
}

static GBytes *
gzip_zeros (gsize n)
{
  g_autoptr(GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autofree char *zeros = g_malloc0 (n);
  gsize out_size = n / 100 + 4096;
  char *out = g_malloc (out_size);
  gsize read = 0, written = 0;
  GConverterResult r;

  r = g_converter_convert (G_CONVERTER (z), zeros, n, out, out_size, G_CONVERTER_INPUT_AT_END,
                           &read, &written, NULL);
  g_assert_cmpint (r, ==, G_CONVERTER_FINISHED);
  return g_bytes_new_take (out, written);
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
  g_autofree char *html = NULL;

  f->requests++;
  g_free (f->last_agent);
  f->last_agent = g_strdup (soup_message_headers_get_one (rq, "User-Agent"));
  if (soup_message_headers_get_one (rq, "Cookie") != NULL)
    f->sent_cookie = TRUE;

  if (g_str_has_prefix (path, "/article"))
    {
      g_autofree char *title = g_strdup_printf ("Pier %s", path + strlen ("/article"));
      g_autofree char *text = g_strdup_printf ("<p>Report %s.</p>" ARTICLE_TEXT, path);

      html = page (title, "", text);
      /* a cookie is offered; it must never come back */
      soup_message_headers_append (rs, "Set-Cookie", "session=1; Path=/");
      respond (msg, 200, "text/html; charset=utf-8", html, strlen (html));
    }
  else if (g_str_has_prefix (path, "/redirect/"))
    {
      int n = atoi (path + strlen ("/redirect/"));
      g_autofree char *next = n > 0 ? g_strdup_printf ("/redirect/%d", n - 1) : g_strdup ("/article-moved");

      soup_server_message_set_redirect (msg, 302, next);
    }
  else if (strcmp (path, "/loop") == 0)
    soup_server_message_set_redirect (msg, 301, "/loop");
  else if (strcmp (path, "/to-ftp") == 0)
    soup_server_message_set_redirect (msg, 302, "file:///etc/passwd");
  else if (strcmp (path, "/cp1251") == 0)
    {
      g_autofree char *utf8 = page ("Новости порта",
                                    "", "<p>Городской совет обсудил судьбу старого причала. "
                                    "Инженеры сказали, что ремонт обойдётся дешевле нового причала, "
                                    "а работы можно закончить до лета.</p>" ARTICLE_TEXT);
      gsize len = 0;
      g_autofree char *cp = g_convert (utf8, -1, "WINDOWS-1251", "UTF-8", NULL, &len, NULL);

      respond (msg, 200, "text/html; charset=windows-1251", cp, len);
    }
  else if (strcmp (path, "/koi8") == 0)
    {
      g_autofree char *utf8 = page ("Причал",
                                    "<meta charset=\"koi8-r\">",
                                    "<p>Рыбаки попросили оставить их лодки у причала на время работ, "
                                    "и совет согласился найти им временную стоянку.</p>" ARTICLE_TEXT);
      gsize len = 0;
      g_autofree char *koi = g_convert (utf8, -1, "KOI8-R", "UTF-8", NULL, &len, NULL);

      respond (msg, 200, "text/html", koi, len);
    }
  else if (strcmp (path, "/big") == 0 || strcmp (path, "/big-chunked") == 0)
    {
      gsize n = 1024 * 1024;
      char *big = g_malloc (n);

      memset (big, 'a', n);
      if (strcmp (path, "/big-chunked") == 0)
        soup_message_headers_set_encoding (rs, SOUP_ENCODING_CHUNKED);
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_TAKE, big, n);
    }
  else if (strcmp (path, "/gzip-bomb") == 0)
    {
      g_autoptr(GBytes) gz = gzip_zeros (16 * 1024 * 1024);

      soup_message_headers_append (rs, "Content-Encoding", "gzip");
      respond (msg, 200, "text/html", g_bytes_get_data (gz, NULL), g_bytes_get_size (gz));
    }
  else if (strcmp (path, "/slow") == 0)
    {
      g_ptr_array_add (f->paused, g_object_ref (msg));
      soup_server_message_pause (msg);
    }
  else if (strcmp (path, "/404") == 0)
    respond (msg, 404, "text/html", "gone", 4);
  else if (strcmp (path, "/500") == 0)
    respond (msg, 500, "text/html", "oops", 4);
  else if (strcmp (path, "/paper.pdf") == 0)
    respond (msg, 200, "application/pdf", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", 15);
  else if (strcmp (path, "/photo.png") == 0)
    respond (msg, 200, "image/png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  else if (strcmp (path, "/wrong-type") == 0)
    /* an image that says it is a page */
    respond (msg, 200, "text/html", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\0", 20);
  else if (strcmp (path, "/empty") == 0)
    {
      html = page ("", "", "");
      respond (msg, 200, "text/html", html, strlen (html));
    }
  else
    respond (msg, 404, "text/plain", "no", 2);
}

static char *
server_base (SoupServer *server,
             const char *scheme)
{
  GSList *uris = soup_server_get_uris (server);
  char *base = NULL;

  for (GSList *l = uris; l != NULL; l = l->next)
    if (g_strcmp0 (g_uri_get_scheme (l->data), scheme) == 0)
      base = g_strdup_printf ("%s://127.0.0.1:%d", scheme, g_uri_get_port (l->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_assert_nonnull (base);
  return base;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) cert = NULL;

  dossier_test_library_setup (&f->t, data);
  f->paused = g_ptr_array_new_with_free_func (g_object_unref);

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  f->base = server_base (f->server, "http");

  cert = g_tls_certificate_new_from_files (TEST_DATA_DIR "/web/test-cert.pem",
                                           TEST_DATA_DIR "/web/test-key.pem", &error);
  g_assert_no_error (error);
  f->tls_server = soup_server_new ("tls-certificate", cert, NULL);
  soup_server_add_handler (f->tls_server, NULL, handler, f, NULL);
  g_assert_true (soup_server_listen_local (f->tls_server, 0,
                                           SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                                           &error));
  g_assert_no_error (error);
  f->tls_base = server_base (f->tls_server, "https");
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  soup_server_disconnect (f->server);
  soup_server_disconnect (f->tls_server);
  g_clear_object (&f->server);
  g_clear_object (&f->tls_server);
  g_ptr_array_unref (f->paused);
  g_free (f->base);
  g_free (f->tls_base);
  g_free (f->last_agent);
  dossier_test_library_teardown (&f->t, data);
}

typedef struct
{
  GPtrArray *results;
  GError    *error;
  gboolean   done;
  guint      reported;
  GCancellable *cancel_after_first;
} Outcome;

static void
on_progress (const DossierLinkResult *result,
             guint                    done,
             guint                    total,
             gpointer                 data)
{
  Outcome *o = data;

  o->reported++;
  g_assert_cmpuint (done, <=, total);
  if (o->cancel_after_first != NULL && result->status == DOSSIER_IMPORT_IMPORTED)
    g_cancellable_cancel (o->cancel_after_first);
}

static void
on_done (GObject      *source,
         GAsyncResult *res,
         gpointer      data)
{
  Outcome *o = data;

  o->results = dossier_fetcher_add_links_finish (DOSSIER_FETCHER (source), res, &o->error);
  o->done = TRUE;
}

/* Adds @urls (paths on the server, or whole links) with @fetcher and
 * waits for the batch to end. */
static void
add_links (Fixture            *f,
           DossierFetcher     *fetcher,
           const char * const *paths,
           GCancellable       *cancellable,
           Outcome            *o)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) urls = NULL;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (paths[i][0] == '/')
        {
          g_autofree char *url = g_strconcat (f->base, paths[i], NULL);

          g_strv_builder_add (b, url);
        }
      else
        g_strv_builder_add (b, paths[i]);
    }
  urls = g_strv_builder_end (b);
  memset (o, 0, sizeof *o);
  o->cancel_after_first = cancellable;
  dossier_fetcher_add_links_async (fetcher, (const char * const *) urls, on_progress, o, NULL,
                                   cancellable, on_done, o);
  dossier_test_wait_until (o->done);
}

static DossierFetcher *
test_fetcher (Fixture *f)
{
  return g_object_new (DOSSIER_TYPE_FETCHER, "library", f->t.library,
                       "timeout", 1500 * dossier_test_slowdown (),
                       "max-size", (guint64) 256 * 1024, NULL);
}

static const DossierLinkResult *
result_at (Outcome *o,
           guint    i)
{
  g_assert_no_error (o->error);
  g_assert_nonnull (o->results);
  g_assert_cmpuint (i, <, o->results->len);
  return g_ptr_array_index (o->results, i);
}

static void
assert_failed (const DossierLinkResult *r,
               const char              *reason)
{
  g_assert_cmpint (r->status, ==, DOSSIER_IMPORT_FAILED);
  g_assert_cmpstr (r->reason, ==, reason);
  g_assert_nonnull (r->error);
  /* the message names the link */
  g_assert_nonnull (strstr (r->error, r->url));
}

static guint
count (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  guint n = dossier_library_count_sync (f->t.library, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_add_and_duplicate (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(DossierFetcher) fetcher = test_fetcher (f);
  const char * const first[] = { "/article-one", "/redirect/3", NULL };
  const char * const again[] = { "/article-one", "/redirect/3", "/article-moved", NULL };
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *given = NULL;
  g_autofree char *moved = g_strconcat (f->base, "/article-moved", NULL);
  const DossierLinkResult *r;
  Outcome o;
  guint requests;

  add_links (f, fetcher, first, NULL, &o);
  g_assert_cmpuint (o.reported, ==, 2);
  r = result_at (&o, 0);
  g_assert_cmpint (r->status, ==, DOSSIER_IMPORT_IMPORTED);
  g_assert_null (r->reason);
  article = dossier_library_get_article_sync (f->t.library, r->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_title (article), ==, "Pier -one");
  g_assert_cmpstr (dossier_article_get_url (article), ==, r->url);
  g_clear_object (&article);

  /* the final link is the article's, the given one is kept */
  r = result_at (&o, 1);
  g_assert_cmpint (r->status, ==, DOSSIER_IMPORT_IMPORTED);
  g_assert_cmpstr (r->final_url, ==, moved);
  article = dossier_library_get_article_sync (f->t.library, r->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_url (article), ==, moved);
  given = dossier_library_get_given_link (f->t.library, r->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (given, ==, r->url);
  g_assert_cmpuint (count (f), ==, 2);

  /* the User-Agent names Dossier; the offered cookie never came back */
  g_assert_true (g_str_has_prefix (f->last_agent, "Dossier/"));
  g_assert_false (f->sent_cookie);
  g_ptr_array_unref (o.results);

  /* known links are duplicates without a request */
  requests = f->requests;
  add_links (f, fetcher, again, NULL, &o);
  for (guint i = 0; i < 3; i++)
    {
      r = result_at (&o, i);
      g_assert_cmpint (r->status, ==, DOSSIER_IMPORT_DUPLICATE);
      g_assert_cmpint (r->id, >, 0);
    }
  g_assert_cmpuint (f->requests, ==, requests);
  g_assert_cmpuint (count (f), ==, 2);
  g_ptr_array_unref (o.results);
}

static void
test_charsets (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DossierFetcher) fetcher = test_fetcher (f);
  const char * const links[] = { "/cp1251", "/koi8", NULL };
  const char *expect[] = { "Городской совет обсудил", "Рыбаки попросили" };
  Outcome o;

  add_links (f, fetcher, links, NULL, &o);
  for (guint i = 0; i < 2; i++)
    {
      const DossierLinkResult *r = result_at (&o, i);
      g_autoptr(DossierArticle) a = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (r->status, ==, DOSSIER_IMPORT_IMPORTED);
      a = dossier_library_get_article_sync (f->t.library, r->id, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (dossier_article_get_body (a), expect[i]));
    }
  g_ptr_array_unref (o.results);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DossierFetcher) fetcher = test_fetcher (f);
  const char * const links[] = {
    "/404", "/500", "/loop", "/big", "/big-chunked", "/gzip-bomb", "/paper.pdf", "/photo.png",
    "/wrong-type", "/empty", "/slow", "ftp://127.0.0.1/file", "http://127.0.0.1:1/", "/to-ftp",
    "/article-fine", NULL
  };
  const char *reasons[] = {
    "not-found", "server-error", "server-error", "too-large", "too-large", "too-large", "not-a-page",
    "not-a-page", "not-a-page", "no-article", "timeout", "no-host", "no-host", "not-a-page", NULL
  };
  Outcome o;

  add_links (f, fetcher, links, NULL, &o);
  g_assert_cmpuint (o.reported, ==, G_N_ELEMENTS (links) - 1);
  for (guint i = 0; reasons[i] != NULL; i++)
    {
      g_test_message ("%s: %s", links[i], result_at (&o, i)->error);
      assert_failed (result_at (&o, i), reasons[i]);
    }
  /* the rest of the batch goes on; nothing else was saved */
  g_assert_cmpint (result_at (&o, G_N_ELEMENTS (links) - 2)->status, ==, DOSSIER_IMPORT_IMPORTED);
  g_assert_cmpuint (count (f), ==, 1);
  g_ptr_array_unref (o.results);
}

static void
test_tls (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(DossierFetcher) fetcher = test_fetcher (f);
  g_autoptr(DossierFetcher) trusting = NULL;
  g_autoptr(GTlsDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (f->tls_base, "/article-secure", NULL);
  const char * const links[] = { url, NULL };
  Outcome o;

  /* a certificate no authority signed is refused */
  add_links (f, fetcher, links, NULL, &o);
  assert_failed (result_at (&o, 0), "tls");
  g_assert_cmpuint (count (f), ==, 0);
  g_ptr_array_unref (o.results);

  /* and taken when its authority is trusted */
  db = g_tls_file_database_new (TEST_DATA_DIR "/web/test-cert.pem", &error);
  g_assert_no_error (error);
  trusting = test_fetcher (f);
  g_object_set (trusting, "tls-database", db, NULL);
  add_links (f, trusting, links, NULL, &o);
  g_assert_cmpint (result_at (&o, 0)->status, ==, DOSSIER_IMPORT_IMPORTED);
  g_assert_cmpuint (count (f), ==, 1);
  g_ptr_array_unref (o.results);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DossierFetcher) fetcher = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  const char * const links[] = { "/slow", "/slow", "/article-before", "/article-a", "/article-b",
                                 "/article-c", "/article-d", NULL };
  Outcome o;

  /* a long limit: only the cancel ends the slow ones */
  fetcher = g_object_new (DOSSIER_TYPE_FETCHER, "library", f->t.library, "timeout", 600 * 1000,
                          "max-parallel", 3, NULL);
  add_links (f, fetcher, links, cancellable, &o);
  g_assert_error (o.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (o.results);
  g_clear_error (&o.error);
  /* what was saved before the cancel stays, whole; nothing after it */
  g_assert_cmpuint (count (f), ==, 1);
}

static void
count_change (guint *changed)
{
  (*changed)++;
}

static void
keep_result (GObject      *source,
             GAsyncResult *res,
             gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (res);
}

static void
test_library_call (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *a = g_strconcat (f->base, "/article-lib", NULL);
  g_autofree char *b = g_strconcat (f->base, "/404", NULL);
  char *urls[] = { a, b, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) res = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint changed = 0;

  g_signal_connect_swapped (f->t.library, "changed", G_CALLBACK (count_change), &changed);
  dossier_library_add_links_async (f->t.library, urls, NULL, NULL, NULL, NULL, keep_result, &res);
  dossier_test_wait_until (res != NULL);
  results = dossier_library_add_links_finish (f->t.library, res, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpint (((DossierLinkResult *) results->pdata[0])->status, ==, DOSSIER_IMPORT_IMPORTED);
  g_assert_cmpstr (((DossierLinkResult *) results->pdata[1])->reason, ==, "not-found");
  /* the window learns of the new article */
  g_assert_cmpuint (changed, >=, 1);
}

static int
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* A library of the schema before links were kept (made from the v3
 * fixture and the v4 step as it was written) upgrades, keeps its
 * articles, and knows their links. */
static void
test_upgrade (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->t.dir, "old.db", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *extra = NULL;
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierFetcher) fetcher = NULL;
  g_autoptr(GError) error = NULL;
  const char * const links[] = { "/article-old", "/article-new", NULL };
  sqlite3 *db = NULL;
  guint requests;
  Outcome o;

  g_file_get_contents (TEST_DATA_DIR "/schema-v3.sql", &sql, NULL, &error);
  g_assert_no_error (error);
  extra = g_strdup_printf ("UPDATE articles SET url = '%s/article-old' WHERE id = 1;"
                           "CREATE TABLE date_suggestions ("
                           "  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
                           "  published TEXT, precision INTEGER NOT NULL DEFAULT 0,"
                           "  confidence REAL NOT NULL DEFAULT 0, evidence TEXT NOT NULL DEFAULT '',"
                           "  state INTEGER NOT NULL DEFAULT 0, computed_at INTEGER NOT NULL);"
                           "CREATE INDEX date_suggestions_open ON date_suggestions(state, confidence);"
                           "PRAGMA user_version = 4;", f->base);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, extra, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (user_version (path), ==, 4);

  library = dossier_library_new (path);
  dossier_library_open_sync (library, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (user_version (path), ==, DOSSIER_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (dossier_library_count_sync (library, &error), ==, 3);

  fetcher = g_object_new (DOSSIER_TYPE_FETCHER, "library", library, NULL);
  requests = f->requests;
  add_links (f, fetcher, links, NULL, &o);
  g_assert_cmpint (result_at (&o, 0)->status, ==, DOSSIER_IMPORT_DUPLICATE);
  g_assert_cmpint (result_at (&o, 0)->id, ==, 1);
  g_assert_cmpint (result_at (&o, 1)->status, ==, DOSSIER_IMPORT_IMPORTED);
  g_assert_cmpuint (f->requests, ==, requests + 1);
  g_assert_cmpuint (dossier_library_count_sync (library, &error), ==, 4);
  g_ptr_array_unref (o.results);
  dossier_library_close (library);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/fetcher/add-and-duplicate", Fixture, NULL, setup, test_add_and_duplicate, teardown);
  g_test_add ("/fetcher/charsets", Fixture, NULL, setup, test_charsets, teardown);
  g_test_add ("/fetcher/errors", Fixture, NULL, setup, test_errors, teardown);
  g_test_add ("/fetcher/tls", Fixture, NULL, setup, test_tls, teardown);
  g_test_add ("/fetcher/cancel", Fixture, NULL, setup, test_cancel, teardown);
  g_test_add ("/fetcher/upgrade", Fixture, NULL, setup, test_upgrade, teardown);
  g_test_add ("/fetcher/library-call", Fixture, NULL, setup, test_library_call, teardown);

  status = g_test_run ();
  /* LeakSanitizer checks at exit: the name lookups' threads leave first */
  dossier_test_settle_threads ();
  return status;
}
