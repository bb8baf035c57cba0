/* dossier-fetcher.c — articles from links on the web
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A batch of links runs in a main context of its own (on a thread of its
 * own for the async call) with one libsoup session: at most max-parallel
 * requests at once, redirects followed by hand so that they can be
 * counted and checked, each request cancelled when its time is up, each
 * body read in chunks up to the size limit.  No cookie jar is attached
 * and nothing but the page itself is requested.  A page goes through the
 * same extractor and the same saving as a file the importer reads, and is
 * saved with its links in one transaction: a link either gives a whole
 * article or nothing.
 */
#define G_LOG_DOMAIN "dossier-fetcher"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "dossier-fetcher.h"
#include "dossier-fetcher-private.h"
#include "dossier-extract.h"
#include "dossier-importer-private.h"
#include "dossier-library-private.h"

#define CHUNK (64 * 1024)

struct _DossierFetcher
{
  GObject         parent_instance;

  DossierLibrary *library;
  guint           timeout_ms;
  guint64         max_size;
  guint           max_redirects;
  guint           max_parallel;
  GTlsDatabase   *tls_database;
  char           *user_agent;
};

G_DEFINE_FINAL_TYPE (DossierFetcher, dossier_fetcher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_TIMEOUT,
  PROP_MAX_SIZE,
  PROP_MAX_REDIRECTS,
  PROP_MAX_PARALLEL,
  PROP_TLS_DATABASE,
  PROP_USER_AGENT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

void
dossier_link_result_free (DossierLinkResult *result)
{
  if (result == NULL)
    return;
  g_free (result->url);
  g_free (result->final_url);
  g_free (result->error);
  g_free (result);
}

/* --- one batch --- */

typedef struct
{
  DossierFetcher      *fetcher;
  SoupSession         *session;
  GMainContext        *context;
  GPtrArray           *results;
  char               **urls;
  guint                next;
  guint                active;
  guint                done;
  DossierLinkProgress  progress;
  gpointer             progress_data;
  GMainContext        *progress_context;   /* NULL: report in this thread */
  GCancellable        *cancellable;
  GError              *fatal;              /* the library could not be written */
  gboolean             starting;           /* in start_next(): no recursion */
  const DossierLinkHint *hints;            /* one per link, or NULL */
  DossierFetchReply   *reply;              /* one GET: the answer goes here */
} Batch;

typedef struct
{
  Batch             *batch;
  DossierLinkResult *result;
  const DossierLinkHint *hint;
  int                code;       /* DossierFetchError when it failed */
  GUri              *uri;
  guint              redirects;
  GCancellable      *cancellable;
  gulong             cancel_id;
  GSource           *timer;
  gboolean           timed_out;
  SoupMessage       *message;
  GInputStream      *stream;
  GByteArray        *body;
  char              *charset;
} Fetch;

typedef struct
{
  DossierLinkProgress  progress;
  gpointer             data;
  DossierLinkResult   *result;
  guint                done;
  guint                total;
} ProgressCall;

static gboolean
deliver_progress (gpointer p)
{
  ProgressCall *call = p;

  call->progress (call->result, call->done, call->total, call->data);
  dossier_link_result_free (call->result);
  g_free (call);
  return G_SOURCE_REMOVE;
}

static void
report (Batch                   *batch,
        const DossierLinkResult *result)
{
  ProgressCall *call;
  guint total = g_strv_length (batch->urls);

  batch->done++;
  if (batch->progress == NULL)
    return;
  if (batch->progress_context == NULL)
    {
      batch->progress (result, batch->done, total, batch->progress_data);
      return;
    }
  call = g_new0 (ProgressCall, 1);
  call->progress = batch->progress;
  call->data = batch->progress_data;
  call->result = g_new0 (DossierLinkResult, 1);
  *call->result = *result;
  call->result->url = g_strdup (result->url);
  call->result->final_url = g_strdup (result->final_url);
  call->result->error = g_strdup (result->error);
  call->done = batch->done;
  call->total = total;
  _dossier_library_post (batch->progress_context, deliver_progress, call, NULL);
}

static void start_next (Batch *batch);

/* Entries whose link will never give an article are not tried again. */
static gboolean
is_final (Fetch *f)
{
  if (f->result->status != DOSSIER_IMPORT_FAILED)
    return f->result->status == DOSSIER_IMPORT_DUPLICATE;
  return f->code == DOSSIER_FETCH_ERROR_NOT_FOUND || f->code == DOSSIER_FETCH_ERROR_NOT_A_PAGE ||
         f->code == DOSSIER_FETCH_ERROR_NO_ARTICLE || f->code == DOSSIER_FETCH_ERROR_TOO_LARGE;
}

static void
fetch_end (Fetch *f)
{
  Batch *batch = f->batch;

  if (f->hint != NULL && f->hint->feed_id > 0 && is_final (f))
    {
      g_autoptr(GError) error = NULL;

      if (!_dossier_feeds_mark_entry (batch->fetcher->library, f->hint->feed_id, f->hint->guid,
                                      f->result->id, &error) && batch->fatal == NULL)
        batch->fatal = g_steal_pointer (&error);
    }
  if (batch->reply != NULL && f->result->status == DOSSIER_IMPORT_FAILED)
    {
      batch->reply->code = f->code;
      batch->reply->error = g_strdup (f->result->error);
    }

  if (f->timer != NULL)
    {
      g_source_destroy (f->timer);
      g_source_unref (f->timer);
    }
  if (f->cancel_id != 0)
    g_cancellable_disconnect (batch->cancellable, f->cancel_id);
  g_clear_object (&f->cancellable);
  g_clear_object (&f->message);
  g_clear_object (&f->stream);
  g_clear_pointer (&f->uri, g_uri_unref);
  g_clear_pointer (&f->body, g_byte_array_unref);
  g_free (f->charset);

  report (batch, f->result);
  g_free (f);
  batch->active--;
  start_next (batch);
}

static void
fetch_fail (Fetch      *f,
            int         code,
            const char *format,
            ...) G_GNUC_PRINTF (3, 4);

/* @message names the link already */
static void
fetch_fail_message (Fetch      *f,
                    int         code,
                    const char *message)
{
  f->result->status = DOSSIER_IMPORT_FAILED;
  f->result->reason = dossier_fetch_error_reason (code);
  f->result->error = g_strdup (message);
  f->code = code;
  fetch_end (f);
}

static void
fetch_fail (Fetch      *f,
            int         code,
            const char *format,
            ...)
{
  g_autofree char *why = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: a link, then why no article came of it */
  message = g_strdup_printf (_("%s: %s"), f->result->url, why);
  fetch_fail_message (f, code, message);
}

/* The error of a failed request, in the fixed set of reasons. */
static void
fetch_fail_with (Fetch  *f,
                 GError *error)
{
  Batch *batch = f->batch;

  if (f->timed_out)
    {
      double seconds = batch->fetcher->timeout_ms / 1000.0;

      fetch_fail (f, DOSSIER_FETCH_ERROR_TIMEOUT,
                  _("no answer within %g seconds"), seconds);
    }
  else if (error->domain == G_TLS_ERROR)
    fetch_fail (f, DOSSIER_FETCH_ERROR_TLS,
                _("the site’s certificate could not be checked (%s)"), error->message);
  else if (error->domain == G_RESOLVER_ERROR)
    fetch_fail (f, DOSSIER_FETCH_ERROR_NO_HOST,
                _("no such host (%s)"), g_uri_get_host (f->uri));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    fetch_fail (f, DOSSIER_FETCH_ERROR_TIMEOUT, _("the connection timed out"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    fetch_fail (f, DOSSIER_FETCH_ERROR_NO_HOST,
                _("the host %s cannot be reached (%s)"), g_uri_get_host (f->uri), error->message);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fetch_fail (f, -1, _("cancelled"));
  else
    fetch_fail (f, DOSSIER_FETCH_ERROR_SERVER_ERROR,
                _("the server did not answer properly (%s)"), error->message);
}

static gboolean
on_timeout (gpointer data)
{
  Fetch *f = data;

  f->timed_out = TRUE;
  g_cancellable_cancel (f->cancellable);
  return G_SOURCE_REMOVE;
}

/* A stop asked for from another thread reaches a link's requests through
 * the batch's own context: cancelling their cancellable there, and not in
 * the asking thread, keeps it from racing the sockets' sources as they go. */
typedef struct
{
  GMainContext *context;
  GCancellable *cancellable;
} CancelRelay;

static void
cancel_relay_free (gpointer data)
{
  CancelRelay *relay = data;

  g_main_context_unref (relay->context);
  g_object_unref (relay->cancellable);
  g_free (relay);
}

static gboolean
cancel_in_batch (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
cancel_fetch (GCancellable *outer,
              gpointer      data)
{
  CancelRelay *relay = data;

  g_main_context_invoke_full (relay->context, G_PRIORITY_HIGH, cancel_in_batch,
                              g_object_ref (relay->cancellable), g_object_unref);
}

static gboolean
is_web_uri (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && *host != '\0';
}

/* Types that are never an article page. */
static gboolean
is_not_a_page (const char *type)
{
  static const char * const prefixes[] = {
    "image/", "audio/", "video/", "font/", "model/", "application/pdf", "application/zip",
    "application/gzip", "application/x-", "application/vnd.", "application/msword",
    "application/epub", "application/json", "application/javascript", "text/css",
    "text/javascript", "multipart/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (type, prefixes[i]))
      return TRUE;
  return FALSE;
}

static gint64
find_link (DossierLibrary *library,
           const char     *url,
           GError        **error);

/* --- saving --- */

static gboolean
has_bom (const guint8 *data,
         gsize         len)
{
  return (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0) ||
         (len >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0));
}

/* The charset the header names wins over the page's own declaration
 * (after a byte order mark): the page is handed on as UTF-8. */
static GBytes *
decode_with_header (GByteArray *body,
                    const char *charset)
{
  gsize len = body->len;
  char *utf8;

  if (charset != NULL && !has_bom (body->data, len) &&
      g_ascii_strcasecmp (charset, "utf-8") != 0 && g_ascii_strcasecmp (charset, "utf8") != 0 &&
      g_ascii_strcasecmp (charset, "us-ascii") != 0)
    {
      gsize written = 0;

      utf8 = g_convert_with_fallback ((const char *) body->data, len, "UTF-8", charset, "\xef\xbf\xbd",
                                      NULL, &written, NULL);
      if (utf8 != NULL)
        return g_bytes_new_take (utf8, written);
    }
  return g_bytes_new (body->data, len);
}

static void
save_page (Fetch *f)
{
  Batch *batch = f->batch;
  DossierLinkResult *result = f->result;
  g_autoptr(GBytes) bytes = decode_with_header (f->body, f->charset);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) x = NULL;
  g_autoptr(DossierArticle) article = NULL;
  gboolean duplicate = FALSE;
  gint64 id;

  x = dossier_extract_bytes (bytes, result->url, &error);
  if (x == NULL)
    {
      /* the extractor's message names the link */
      if (g_error_matches (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_BINARY))
        fetch_fail_message (f, DOSSIER_FETCH_ERROR_NOT_A_PAGE, error->message);
      else if (g_error_matches (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE))
        fetch_fail_message (f, DOSSIER_FETCH_ERROR_TOO_LARGE, error->message);
      else
        fetch_fail_message (f, DOSSIER_FETCH_ERROR_NO_ARTICLE, error->message);
      return;
    }

  article = _dossier_importer_article_new (x, result->url);
  dossier_article_set_file_name (article, NULL);
  dossier_article_set_url (article, result->final_url);
  /* the feed fills what the page lacks */
  if (f->hint != NULL)
    {
      const DossierDate *date = dossier_article_get_published (article);

      if (dossier_article_get_byline (article) == NULL && f->hint->author != NULL)
        dossier_article_set_byline (article, f->hint->author);
      if ((date == NULL || date->precision == DOSSIER_DATE_PRECISION_UNKNOWN) &&
          f->hint->published.precision != DOSSIER_DATE_PRECISION_UNKNOWN)
        dossier_article_set_published (article, &f->hint->published);
    }
  id = _dossier_importer_save_page (batch->fetcher->library, article, result->url,
                                    g_strcmp0 (result->final_url, result->url) != 0 ? result->final_url : NULL,
                                    f->hint != NULL ? f->hint->feed_id : 0,
                                    f->hint != NULL ? f->hint->guid : NULL,
                                    f->hint != NULL ? f->hint->tags : NULL,
                                    &duplicate, &error);
  if (id <= 0)
    {
      result->status = DOSSIER_IMPORT_FAILED;
      result->error = g_strdup_printf (_("%s: not saved: %s"), result->url, error->message);
      /* a library that cannot be written ends the batch */
      if (batch->fatal == NULL)
        batch->fatal = g_steal_pointer (&error);
    }
  else
    {
      result->status = duplicate ? DOSSIER_IMPORT_DUPLICATE : DOSSIER_IMPORT_IMPORTED;
      result->id = id;
    }
  fetch_end (f);
}

/* --- the request --- */

static void send_request (Fetch *f);

static void
on_read (GObject      *source,
         GAsyncResult *res,
         gpointer      data)
{
  Fetch *f = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), res, &error);

  if (chunk == NULL)
    {
      fetch_fail_with (f, error);
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      if (f->batch->reply != NULL)
        {
          f->batch->reply->status = SOUP_STATUS_OK;
          f->batch->reply->body = g_byte_array_free_to_bytes (g_steal_pointer (&f->body));
          f->batch->reply->final_url = g_strdup (f->result->final_url);
          fetch_end (f);
        }
      else
        save_page (f);
      return;
    }
  g_byte_array_append (f->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (f->body->len > f->batch->fetcher->max_size)
    {
      g_autofree char *limit = g_format_size (f->batch->fetcher->max_size);

      fetch_fail (f, DOSSIER_FETCH_ERROR_TOO_LARGE, _("the page is larger than %s"), limit);
      return;
    }
  g_input_stream_read_bytes_async (f->stream, CHUNK, G_PRIORITY_DEFAULT, f->cancellable, on_read, f);
}

static void
on_sent (GObject      *source,
         GAsyncResult *res,
         gpointer      data)
{
  Fetch *f = data;
  DossierFetcher *fetcher = f->batch->fetcher;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  GHashTable *params = NULL;
  const char *type;
  guint status;

  f->stream = soup_session_send_finish (SOUP_SESSION (source), res, &error);
  if (f->stream == NULL)
    {
      fetch_fail_with (f, error);
      return;
    }
  status = soup_message_get_status (f->message);
  headers = soup_message_get_response_headers (f->message);

  if (SOUP_STATUS_IS_REDIRECTION (status) && soup_message_headers_get_one (headers, "Location"))
    {
      const char *location = soup_message_headers_get_one (headers, "Location");
      GUri *next = g_uri_parse_relative (f->uri, location, SOUP_HTTP_URI_FLAGS, NULL);

      if (next == NULL || !is_web_uri (next))
        {
          g_clear_pointer (&next, g_uri_unref);
          fetch_fail (f, DOSSIER_FETCH_ERROR_NOT_A_PAGE,
                      _("the site sends it on to something that is not a web page (%s)"), location);
          return;
        }
      if (++f->redirects > fetcher->max_redirects)
        {
          g_uri_unref (next);
          fetch_fail (f, DOSSIER_FETCH_ERROR_SERVER_ERROR,
                      _("more than %u redirects"), fetcher->max_redirects);
          return;
        }
      g_uri_unref (f->uri);
      f->uri = next;
      g_clear_object (&f->stream);
      g_clear_object (&f->message);
      send_request (f);
      return;
    }
  if (f->batch->reply != NULL)
    {
      DossierFetchReply *reply = f->batch->reply;

      g_free (reply->retry_after);
      reply->retry_after = g_strdup (soup_message_headers_get_one (headers, "Retry-After"));
      if (status == SOUP_STATUS_NOT_MODIFIED)
        {
          reply->status = status;
          fetch_end (f);
          return;
        }
      g_free (reply->etag);
      g_free (reply->last_modified);
      reply->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
      reply->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
    }
  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    {
      fetch_fail (f, DOSSIER_FETCH_ERROR_NOT_FOUND, _("no such page (HTTP %u)"), status);
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      fetch_fail (f, DOSSIER_FETCH_ERROR_SERVER_ERROR, _("the server answered with an error (HTTP %u %s)"),
                  status, soup_message_get_reason_phrase (f->message) ?: "");
      return;
    }

  g_free (f->result->final_url);
  f->result->final_url = g_uri_to_string (f->uri);

  type = soup_message_headers_get_content_type (headers, &params);
  if (params != NULL)
    {
      f->charset = g_strdup (g_hash_table_lookup (params, "charset"));
      g_hash_table_unref (params);
    }
  if (type != NULL && f->batch->reply == NULL && is_not_a_page (type))
    {
      fetch_fail (f, DOSSIER_FETCH_ERROR_NOT_A_PAGE, _("not a web page but %s"), type);
      return;
    }
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      (guint64) soup_message_headers_get_content_length (headers) > fetcher->max_size)
    {
      g_autofree char *limit = g_format_size (fetcher->max_size);

      fetch_fail (f, DOSSIER_FETCH_ERROR_TOO_LARGE, _("the page is larger than %s"), limit);
      return;
    }

  f->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (f->stream, CHUNK, G_PRIORITY_DEFAULT, f->cancellable, on_read, f);
}

static void
send_request (Fetch *f)
{
  SoupMessageHeaders *headers;

  f->message = soup_message_new_from_uri (SOUP_METHOD_GET, f->uri);
  soup_message_add_flags (f->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (f->message);
  soup_message_headers_replace (headers, "Accept",
                                "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1");
  if (f->batch->reply != NULL && f->batch->reply->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", f->batch->reply->etag);
  if (f->batch->reply != NULL && f->batch->reply->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", f->batch->reply->last_modified);
  soup_session_send_async (f->batch->session, f->message, G_PRIORITY_DEFAULT, f->cancellable,
                           on_sent, f);
}

static void
start_fetch (Batch                 *batch,
             const char            *url,
             const DossierLinkHint *hint)
{
  Fetch *f = g_new0 (Fetch, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (url));
  gint64 known;
  CancelRelay *relay;

  f->batch = batch;
  f->hint = hint;
  f->code = -1;
  f->result = g_new0 (DossierLinkResult, 1);
  f->result->url = g_strdup (trimmed);
  g_ptr_array_add (batch->results, f->result);
  f->cancellable = g_cancellable_new ();
  batch->active++;

  f->uri = g_uri_parse (trimmed, SOUP_HTTP_URI_FLAGS, NULL);
  if (f->uri == NULL || !is_web_uri (f->uri))
    {
      fetch_fail (f, DOSSIER_FETCH_ERROR_NO_HOST, _("not a web link (http or https)"));
      return;
    }

  known = batch->reply != NULL ? 0 : find_link (batch->fetcher->library, trimmed, &error);
  if (known < 0)
    {
      fetch_fail (f, DOSSIER_FETCH_ERROR_SERVER_ERROR, _("the library cannot be read: %s"),
                  error->message);
      return;
    }
  if (known > 0)
    {
      f->result->status = DOSSIER_IMPORT_DUPLICATE;
      f->result->id = known;
      fetch_end (f);
      return;
    }

  /* the feed has the whole text: nothing to fetch */
  if (hint != NULL && hint->content != NULL)
    {
      g_autofree char *html = g_markup_printf_escaped ("<!DOCTYPE html><html><head><title>%s</title></head>"
                                                       "<body><article>", hint->title ? hint->title : "");
      f->body = g_byte_array_new ();
      g_byte_array_append (f->body, (const guint8 *) html, strlen (html));
      g_byte_array_append (f->body, (const guint8 *) hint->content, strlen (hint->content));
      g_byte_array_append (f->body, (const guint8 *) "</article></body></html>", 24);
      f->result->final_url = g_strdup (trimmed);
      save_page (f);
      return;
    }

  relay = g_new (CancelRelay, 1);
  relay->context = g_main_context_ref (batch->context);
  relay->cancellable = g_object_ref (f->cancellable);
  f->cancel_id = g_cancellable_connect (batch->cancellable, G_CALLBACK (cancel_fetch),
                                        relay, cancel_relay_free);
  f->timer = g_timeout_source_new (batch->fetcher->timeout_ms);
  g_source_set_callback (f->timer, on_timeout, f, NULL);
  g_source_attach (f->timer, batch->context);
  send_request (f);
}

static void
start_next (Batch *batch)
{
  /* links that end at once (duplicates, bad links) call back here */
  if (batch->starting)
    return;
  batch->starting = TRUE;
  while (batch->active < batch->fetcher->max_parallel && batch->urls[batch->next] != NULL &&
         batch->fatal == NULL && !g_cancellable_is_cancelled (batch->cancellable))
    {
      guint i = batch->next++;

      start_fetch (batch, batch->urls[i], batch->hints != NULL ? &batch->hints[i] : NULL);
    }
  batch->starting = FALSE;
}

/* --- the library's side --- */

static gpointer
find_link_op (DossierStore  *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  gint64 id = dossier_store_find_link (store, data, error);

  if (id < 0)
    return NULL;
  return g_memdup2 (&id, sizeof id);
}

static const DossierLibraryCall find_link_call = { find_link_op, g_free, DOSSIER_LIBRARY_EMITS_NOTHING };

static gint64
find_link (DossierLibrary *library,
           const char     *url,
           GError        **error)
{
  g_autofree gint64 *id = _dossier_library_run (library, &find_link_call, (gpointer) url, NULL, error);

  return id != NULL ? *id : -1;
}

/* wakes an iteration that waits for the session to go */
static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static GPtrArray *
run_batch (DossierFetcher          *self,
           const char * const      *urls,
           const DossierLinkHint   *hints,
           DossierFetchReply       *reply,
           DossierLinkProgress      progress,
           gpointer              progress_data,
           GMainContext         *progress_context,
           GCancellable         *cancellable,
           gboolean             *cancelled,
           GError              **error)
{
  g_autoptr(GCancellable) own_cancellable = NULL;
  Batch batch = { 0 };
  SoupSession *session_alive;
  gint64 deadline;

  if (cancellable == NULL)
    cancellable = own_cancellable = g_cancellable_new ();

  batch.fetcher = self;
  batch.context = g_main_context_new ();
  g_main_context_push_thread_default (batch.context);
  batch.session = soup_session_new_with_options ("user-agent", self->user_agent,
                                                 "max-conns", MAX (self->max_parallel, 1) * 2,
                                                 "max-conns-per-host", MAX (self->max_parallel, 1),
                                                 "timeout", (self->timeout_ms + 999) / 1000,
                                                 "idle-timeout", 10,
                                                 NULL);
  if (self->tls_database != NULL)
    soup_session_set_tls_database (batch.session, self->tls_database);
  batch.results = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_link_result_free);
  batch.urls = g_strdupv ((char **) urls);
  batch.progress = progress;
  batch.progress_data = progress_data;
  batch.progress_context = progress_context;
  batch.cancellable = cancellable;
  batch.hints = hints;
  batch.reply = reply;

  start_next (&batch);
  while (batch.active > 0)
    g_main_context_iteration (batch.context, TRUE);

  soup_session_abort (batch.session);
  /* A request stopped half-way closes its connection in this context:
   * iterate until the session is gone (for at most two seconds), or the
   * connection and its socket's source outlive the context unfreed. */
  session_alive = batch.session;
  g_object_add_weak_pointer (G_OBJECT (batch.session), (gpointer *) &session_alive);
  g_object_unref (batch.session);
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (session_alive != NULL && g_get_monotonic_time () < deadline)
    {
      GSource *tick = g_timeout_source_new (50);

      g_source_set_callback (tick, wake_cb, NULL, NULL);
      g_source_attach (tick, batch.context);
      g_main_context_iteration (batch.context, TRUE);
      g_source_destroy (tick);
      g_source_unref (tick);
    }
  if (session_alive != NULL)
    g_object_remove_weak_pointer (G_OBJECT (session_alive), (gpointer *) &session_alive);
  /* let the session's last sources run down */
  while (g_main_context_iteration (batch.context, FALSE))
    ;
  g_main_context_pop_thread_default (batch.context);
  g_main_context_unref (batch.context);
  g_strfreev (batch.urls);

  if (batch.fatal != NULL)
    {
      g_propagate_error (error, batch.fatal);
      g_ptr_array_unref (batch.results);
      return NULL;
    }
  if (cancelled != NULL)
    *cancelled = g_cancellable_is_cancelled (cancellable);
  else if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_ptr_array_unref (batch.results);
      return NULL;
    }
  return batch.results;
}

GPtrArray *
dossier_fetcher_add_links_sync (DossierFetcher       *self,
                                const char * const   *urls,
                                DossierLinkProgress   progress,
                                gpointer              user_data,
                                GCancellable         *cancellable,
                                GError              **error)
{
  g_return_val_if_fail (DOSSIER_IS_FETCHER (self), NULL);
  g_return_val_if_fail (urls != NULL, NULL);

  return run_batch (self, urls, NULL, NULL, progress, user_data, NULL, cancellable, NULL, error);
}

GPtrArray *
_dossier_fetcher_run (DossierFetcher         *self,
                      const char * const     *urls,
                      const DossierLinkHint  *hints,
                      DossierLinkProgress     progress,
                      gpointer                user_data,
                      GMainContext           *progress_context,
                      GCancellable           *cancellable,
                      GError                **error)
{
  return run_batch (self, urls, hints, NULL, progress, user_data, progress_context, cancellable, NULL, error);
}

GPtrArray *
_dossier_fetcher_run_partial (DossierFetcher         *self,
                              const char * const     *urls,
                              const DossierLinkHint  *hints,
                              DossierLinkProgress     progress,
                              gpointer                user_data,
                              GMainContext           *progress_context,
                              GCancellable           *cancellable,
                              gboolean               *cancelled,
                              GError                **error)
{
  g_return_val_if_fail (cancelled != NULL, NULL);

  return run_batch (self, urls, hints, NULL, progress, user_data, progress_context, cancellable,
                    cancelled, error);
}

void
_dossier_fetch_reply_clear (DossierFetchReply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->final_url, g_free);
  g_clear_pointer (&reply->etag, g_free);
  g_clear_pointer (&reply->last_modified, g_free);
  g_clear_pointer (&reply->retry_after, g_free);
  g_clear_pointer (&reply->error, g_free);
  reply->status = 0;
  reply->code = -1;
}

gboolean
_dossier_fetcher_get (DossierFetcher     *self,
                      const char         *url,
                      const char         *etag,
                      const char         *last_modified,
                      DossierFetchReply  *reply,
                      GCancellable       *cancellable)
{
  const char * const urls[] = { url, NULL };
  g_autoptr(GPtrArray) results = NULL;

  memset (reply, 0, sizeof *reply);
  reply->code = -1;
  reply->etag = g_strdup (etag);
  reply->last_modified = g_strdup (last_modified);
  results = run_batch (self, urls, NULL, reply, NULL, NULL, NULL, cancellable, NULL, NULL);
  return results != NULL && reply->status != 0;
}

static void
dossier_fetcher_dispose (GObject *object)
{
  DossierFetcher *self = DOSSIER_FETCHER (object);

  g_clear_object (&self->library);
  g_clear_object (&self->tls_database);

  G_OBJECT_CLASS (dossier_fetcher_parent_class)->dispose (object);
}

static void
dossier_fetcher_finalize (GObject *object)
{
  DossierFetcher *self = DOSSIER_FETCHER (object);

  g_free (self->user_agent);

  G_OBJECT_CLASS (dossier_fetcher_parent_class)->finalize (object);
}

static void
dossier_fetcher_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierFetcher *self = DOSSIER_FETCHER (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout_ms);
      break;
    case PROP_MAX_SIZE:
      g_value_set_uint64 (value, self->max_size);
      break;
    case PROP_MAX_REDIRECTS:
      g_value_set_uint (value, self->max_redirects);
      break;
    case PROP_MAX_PARALLEL:
      g_value_set_uint (value, self->max_parallel);
      break;
    case PROP_TLS_DATABASE:
      g_value_set_object (value, self->tls_database);
      break;
    case PROP_USER_AGENT:
      g_value_set_string (value, self->user_agent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_fetcher_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DossierFetcher *self = DOSSIER_FETCHER (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    case PROP_TIMEOUT:
      self->timeout_ms = g_value_get_uint (value);
      break;
    case PROP_MAX_SIZE:
      self->max_size = g_value_get_uint64 (value);
      break;
    case PROP_MAX_REDIRECTS:
      self->max_redirects = g_value_get_uint (value);
      break;
    case PROP_MAX_PARALLEL:
      self->max_parallel = g_value_get_uint (value);
      break;
    case PROP_TLS_DATABASE:
      g_set_object (&self->tls_database, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_fetcher_class_init (DossierFetcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_fetcher_dispose;
  object_class->finalize = dossier_fetcher_finalize;
  object_class->get_property = dossier_fetcher_get_property;
  object_class->set_property = dossier_fetcher_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, DOSSIER_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * DossierFetcher:timeout:
   *
   * The time a request may take, from sending it to the body's end, in
   * milliseconds.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, G_MAXUINT, 30 * 1000,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_SIZE] =
    g_param_spec_uint64 ("max-size", NULL, NULL, 1, DOSSIER_IMPORT_MAX_SIZE, 20 * 1000 * 1000,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_REDIRECTS] =
    g_param_spec_uint ("max-redirects", NULL, NULL, 0, 100, 10,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_PARALLEL] =
    g_param_spec_uint ("max-parallel", NULL, NULL, 1, 64, 4,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  /**
   * DossierFetcher:tls-database:
   *
   * The authorities certificates are checked against; NULL for the
   * system's.
   */
  properties[PROP_TLS_DATABASE] =
    g_param_spec_object ("tls-database", NULL, NULL, G_TYPE_TLS_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_AGENT] =
    g_param_spec_string ("user-agent", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_fetcher_init (DossierFetcher *self)
{
  self->user_agent = g_strdup ("Dossier/" PACKAGE_VERSION " (article reader; no scripts run)");
}

DossierFetcher *
dossier_fetcher_new (DossierLibrary *library)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  return g_object_new (DOSSIER_TYPE_FETCHER, "library", library, NULL);
}

DossierLibrary *
dossier_fetcher_get_library (DossierFetcher *self)
{
  g_return_val_if_fail (DOSSIER_IS_FETCHER (self), NULL);

  return self->library;
}

const char *
dossier_fetcher_get_user_agent (DossierFetcher *self)
{
  g_return_val_if_fail (DOSSIER_IS_FETCHER (self), NULL);

  return self->user_agent;
}
