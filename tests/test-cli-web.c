/* test-cli-web.c — dossier-cli add, delete and show for articles from
 * the web, against a server of the test's own on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server runs on a thread of its own: the test blocks while the
 * built dossier-cli (DOSSIER_CLI) runs.
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "dossier-test-util.h"

#define ARTICLE_TEXT \
  "<p>The lighthouse keeper retired this week after forty years of climbing the same 212 steps " \
  "twice a night, in every weather the coast could throw at him.</p>" \
  "<p>The light itself was automated a decade ago, but the keeper stayed on to look after the " \
  "building, the foghorn and the small museum in the old oil store.</p>" \
  "<p>The town plans a walk along the cliffs in his honour on the first Sunday of next month.</p>"

typedef struct
{
  char         *dir;
  char         *library;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  char         *base;
  GMutex        lock;
  GCond         ready;
} Fixture;

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  if (g_str_has_prefix (path, "/story"))
    {
      g_autofree char *html = g_strdup_printf ("<!DOCTYPE html><html><head><title>Keeper %s</title></head>"
                                               "<body><article><h1>Keeper %s</h1><p>Story %s.</p>%s</article></body></html>",
                                               path + 6, path + 6, path, ARTICLE_TEXT);

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY,
                                        html, strlen (html));
    }
  else if (strcmp (path, "/feed.xml") == 0)
    {
      g_autofree char *base = g_strdup_printf ("http://%s:%d", g_uri_get_host (soup_server_message_get_uri (msg)),
                                               g_uri_get_port (soup_server_message_get_uri (msg)));
      g_autofree char *rss = g_strdup_printf (
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Coast Wire</title>"
        "<item><title>A</title><link>%s/story-feed-a</link></item>"
        "<item><title>B</title><link>%s/story-feed-b</link></item>"
        "<item><title>Gone</title><link>%s/gone</link></item></channel></rss>", base, base, base);

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY, rss, strlen (rss));
    }
  else if (strcmp (path, "/old") == 0)
    soup_server_message_set_redirect (msg, 301, "/story-new");
  else
    {
      soup_server_message_set_status (msg, 404, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "no", 2);
    }
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
  f->dir = dossier_test_make_tmp_dir ();
  f->library = g_build_filename (f->dir, "library.db", NULL);
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
  dossier_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->library);
  g_free (f->base);
}

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run                *r,
         Fixture            *f,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("DOSSIER_CLI");
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) args[0]);
  g_ptr_array_add (argv, "--library");
  g_ptr_array_add (argv, f->library);
  for (guint i = 1; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
}

static JsonObject *
parse_line (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The line of @url: lines come as the links finish. */
static JsonObject *
line_of (GStrv       lines,
         const char *url)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      JsonObject *o = parse_line (lines[i]);

      if (g_strcmp0 (json_object_get_string_member (o, "url"), url) == 0)
        return o;
      json_object_unref (o);
    }
  g_assert_not_reached ();
}

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *story = g_strconcat (f->base, "/story-one", NULL);
  g_autofree char *old = g_strconcat (f->base, "/old", NULL);
  g_autofree char *missing = g_strconcat (f->base, "/missing", NULL);
  g_autofree char *id_text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonObject) o = NULL;
  g_auto(Run) r = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) del = { 0 };
  g_auto(Run) human = { 0 };
  gint64 old_id;

  {
    const char * const args[] = { "add", "--json", story, old, missing, NULL };

    run_cli (&r, f, args);
  }
  /* one failed link: exit 1, the others were added */
  g_assert_cmpint (r.status, ==, 1);
  lines = g_strsplit (g_strstrip (r.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  o = line_of (lines, story);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "imported");
  g_assert_cmpint (json_object_get_int_member (o, "id"), >, 0);
  g_assert_true (json_object_get_null_member (o, "reason"));
  g_clear_pointer (&o, json_object_unref);

  o = line_of (lines, old);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "imported");
  old_id = json_object_get_int_member (o, "id");
  g_clear_pointer (&o, json_object_unref);

  o = line_of (lines, missing);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (o, "reason"), ==, "not-found");
  g_assert_nonnull (strstr (json_object_get_string_member (o, "error"), missing));
  g_assert_true (json_object_get_null_member (o, "id"));
  g_clear_pointer (&o, json_object_unref);

  /* show --json: the final link is the article's, the given one kept */
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, old_id);
  {
    const char * const args[] = { "show", "--json", id_text, NULL };
    g_autoptr(JsonObject) a = NULL;
    g_autofree char *moved = g_strconcat (f->base, "/story-new", NULL);

    run_cli (&show, f, args);
    g_assert_cmpint (show.status, ==, 0);
    a = parse_line (show.out);
    g_assert_cmpstr (json_object_get_string_member (a, "url"), ==, moved);
    g_assert_cmpstr (json_object_get_string_member (a, "original_url"), ==, old);
  }

  /* the same link again is a duplicate */
  {
    const char * const args[] = { "add", "--json", old, NULL };

    run_cli (&again, f, args);
    g_assert_cmpint (again.status, ==, 0);
    o = parse_line (again.out);
    g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "duplicate");
    g_assert_cmpint (json_object_get_int_member (o, "id"), ==, old_id);
    g_clear_pointer (&o, json_object_unref);
  }

  /* deleted, the link can be added anew */
  {
    const char * const args[] = { "delete", id_text, NULL };
    const char * const add[] = { "add", old, NULL };

    run_cli (&del, f, args);
    g_assert_cmpint (del.status, ==, 0);
    run_cli (&human, f, add);
    g_assert_cmpint (human.status, ==, 0);
    g_assert_true (g_str_has_prefix (human.out, "imported"));
    g_assert_nonnull (strstr (human.err, "1 imported, 0 duplicates, 0 failed"));
  }
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) bad = { 0 };
  const char * const none[] = { "add", NULL };
  const char * const not_web[] = { "add", "--json", "mailto:someone@example.org", NULL };
  g_autoptr(JsonObject) o = NULL;

  run_cli (&r, f, none);
  g_assert_cmpint (r.status, ==, 2);
  run_cli (&bad, f, not_web);
  g_assert_cmpint (bad.status, ==, 1);
  o = parse_line (bad.out);
  g_assert_cmpstr (json_object_get_string_member (o, "reason"), ==, "no-host");
}

static void
test_feeds (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *feed = g_strconcat (f->base, "/feed.xml", NULL);
  g_autoptr(JsonObject) o = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) add = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) refresh = { 0 };
  g_auto(Run) rename = { 0 };
  g_auto(Run) pause = { 0 };
  g_auto(Run) list2 = { 0 };
  g_auto(Run) remove = { 0 };
  g_auto(Run) bad = { 0 };
  JsonArray *feeds;
  JsonObject *one;

  {
    const char * const args[] = { "feeds", "--json", "add", feed, NULL };

    run_cli (&add, f, args);
  }
  /* one entry's link is gone: exit 1, and it says which */
  g_assert_cmpint (add.status, ==, 1);
  o = parse_line (add.out);
  g_assert_cmpint (json_object_get_int_member (o, "new"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "errors")), ==, 1);
  g_clear_pointer (&o, json_object_unref);

  {
    const char * const args[] = { "feeds", "list", "--json", NULL };

    run_cli (&list, f, args);
  }
  g_assert_cmpint (list.status, ==, 0);
  json_parser_load_from_data (parser, list.out, -1, &error);
  g_assert_no_error (error);
  feeds = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (feeds), ==, 1);
  one = json_array_get_object_element (feeds, 0);
  g_assert_cmpint (json_object_get_int_member (one, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (one, "title"), ==, "Coast Wire");
  g_assert_cmpstr (json_object_get_string_member (one, "url"), ==, feed);
  g_assert_false (json_object_get_boolean_member (one, "paused"));
  g_assert_false (json_object_get_null_member (one, "last_refresh"));
  /* the two new articles, neither opened yet */
  g_assert_cmpint (json_object_get_int_member (one, "articles"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (one, "unread"), ==, 2);

  /* the entry that failed for good is not tried again */
  {
    const char * const args[] = { "feeds", "refresh", "1", "--json", NULL };

    run_cli (&refresh, f, args);
  }
  g_assert_cmpint (refresh.status, ==, 0);
  o = parse_line (refresh.out);
  g_assert_cmpint (json_object_get_int_member (o, "feed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "new"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "errors")), ==, 0);

  {
    const char * const ren[] = { "feeds", "rename", "1", "Wire of the Coast", NULL };
    const char * const pau[] = { "feeds", "pause", "1", NULL };
    const char * const lst[] = { "feeds", "list", NULL };
    const char * const rem[] = { "feeds", "remove", "1", NULL };
    const char * const none[] = { "feeds", "remove", "1", NULL };

    run_cli (&rename, f, ren);
    g_assert_cmpint (rename.status, ==, 0);
    run_cli (&pause, f, pau);
    g_assert_cmpint (pause.status, ==, 0);
    run_cli (&list2, f, lst);
    g_assert_nonnull (strstr (list2.out, "Wire of the Coast"));
    g_assert_nonnull (strstr (list2.out, "(paused)"));
    g_assert_nonnull (strstr (list2.out, "2 articles, 2 unread"));
    run_cli (&remove, f, rem);
    g_assert_cmpint (remove.status, ==, 0);
    run_cli (&bad, f, none);
    g_assert_cmpint (bad.status, ==, 1);
  }
}

/* feeds import-opml and export-opml: counts, a message naming a bad
 * file, and a file that reads back */
static void
test_opml (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *opml = dossier_test_data_path ("feeds.opml", NULL);
  g_autofree char *broken = dossier_test_data_path ("broken.opml", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.opml", NULL);
  g_autofree char *text = NULL;
  g_auto(Run) imp = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) exp = { 0 };
  g_auto(Run) usage = { 0 };

  {
    const char * const args[] = { "feeds", "import-opml", opml, NULL };

    run_cli (&imp, f, args);
    run_cli (&again, f, args);
  }
  g_assert_cmpint (imp.status, ==, 0);
  g_assert_nonnull (strstr (imp.out, "4 feeds followed, 0 already followed"));
  g_assert_nonnull (strstr (again.out, "0 feeds followed, 4 already followed"));
  {
    const char * const args[] = { "feeds", "import-opml", broken, NULL };

    run_cli (&bad, f, args);
  }
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "broken.opml: not an OPML file"));
  {
    const char * const args[] = { "feeds", "export-opml", out, NULL };

    run_cli (&exp, f, args);
  }
  g_assert_cmpint (exp.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<opml version=\"2.0\">"));
  g_assert_nonnull (strstr (text, "xmlUrl=\"https://zhurnal.example/feed\""));
  {
    const char * const args[] = { "feeds", "import-opml", NULL };

    run_cli (&usage, f, args);
  }
  g_assert_cmpint (usage.status, ==, 2);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-web/add", Fixture, NULL, setup, test_add, teardown);
  g_test_add ("/cli-web/usage", Fixture, NULL, setup, test_usage, teardown);
  g_test_add ("/cli-web/feeds", Fixture, NULL, setup, test_feeds, teardown);
  g_test_add ("/cli-web/opml", Fixture, NULL, setup, test_opml, teardown);

  status = g_test_run ();
  /* LeakSanitizer checks at exit: the name lookups' threads leave first */
  dossier_test_settle_threads ();
  return status;
}
