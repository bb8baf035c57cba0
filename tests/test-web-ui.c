/* test-web-ui.c — adding links from the window, and fetching the links
 * other apps' exports kept, under Xvfb, against a server of the test's
 * own on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <libsoup/soup.h>

#include "dossier-window-private.h"
#include "dossier-import-bar.h"
#include "dossier-fetcher.h"
#include "dossier-app-import.h"
#include "dossier-annotation.h"
#include "dossier-window.h"
#include "dossier-article-state.h"
#include "dossier-feed-list.h"
#include "dossier-feeds.h"
#include "dossier-stories-view.h"
#include "dossier-test-util.h"

typedef struct
{
  DossierTestLibrary  t;
  SoupServer         *server;
  char               *base;
  GPtrArray          *paths;      /* every path asked for */
  guint               n_held;     /* requests under /held/ left unanswered */
  gboolean            release;    /* /held/ pages are answered */
} Fixture;

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  Fixture *f = data;

  g_ptr_array_add (f->paths, g_strdup (path));
  if (strcmp (path, "/story") == 0)
    {
      g_autofree char *html = g_strdup_printf (
        "<!DOCTYPE html><html><head><title>Tide tables</title>"
        "<link rel=\"stylesheet\" href=\"%s/style.css\"></head><body><article><h1>Tide tables</h1>"
        "<p>The harbour office printed new tide tables this week, the first since the channel was "
        "dredged, and the pilots say the old ones were wrong by up to forty minutes.</p>"
        "<img src=\"%s/tracker.png\" alt=\"\"><iframe src=\"%s/frame.html\"></iframe>"
        "<p>Copies are free at the office on the quay and at the library, and the tables are "
        "printed on the back of the ferry timetable from the first of the month.</p>"
        "</article></body></html>", f->base, f->base, f->base);

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY,
                                        html, strlen (html));
    }
  else if (strcmp (path, "/harbour") == 0 || (g_str_has_prefix (path, "/held/") && f->release))
    {
      g_autofree char *html = g_strdup_printf (
        "<!DOCTYPE html><html><head><title>Harbour %s</title></head><body><article><h1>Harbour</h1>"
        "<p>The harbour reopened on Monday after three weeks of repairs to the north quay, and "
        "the first ferry left at dawn with a full deck (page %s).</p><p>Fishermen said the repairs "
        "came late but were welcome, and the harbour master thanked the crews who worked through "
        "the storms.</p></article></body></html>", path, path);

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY,
                                        html, strlen (html));
    }
  else if (g_str_has_prefix (path, "/held/"))
    {
      /* answered never: the batch is stopped while these are in flight */
      f->n_held++;
      soup_server_message_pause (msg);
    }
  else if (strcmp (path, "/feed.xml") == 0)
    {
      g_autofree char *rss = g_strdup_printf ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                              "<title>Tides</title><item><title>Tide tables</title>"
                                              "<link>%s/story</link></item></channel></rss>", f->base);

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY, rss, strlen (rss));
    }
  else
    {
      soup_server_message_set_status (msg, 404, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "no", 2);
    }
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  dossier_test_library_setup (&f->t, data);
  f->paths = g_ptr_array_new_with_free_func (g_free);
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_ptr_array_unref (f->paths);
  g_free (f->base);
  dossier_test_library_teardown (&f->t, data);
}

static char *
reader_text (DossierWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_reader_view_get_text_view (self->reader));
  GtkTextIter s, e;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  return gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
}

static gboolean
busy (DossierWindow *self)
{
  return dossier_import_bar_get_busy (DOSSIER_IMPORT_BAR (self->import_bar));
}

static void
test_add_links (Fixture       *f,
                gconstpointer  data)
{
  DossierWindow *self = dossier_window_new (NULL, f->t.library);
  g_autofree char *story = g_strconcat (f->base, "/story", NULL);
  g_autofree char *missing = g_strconcat (f->base, "/missing", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pasted = NULL;
  g_auto(GStrv) urls = NULL;
  guint asked;

  gtk_window_present (GTK_WINDOW (self));

  /* what the dialog takes from pasted text: every line that is not blank */
  pasted = g_strdup_printf ("  %s \n\n%s\n%s\n", story, missing, story);
  urls = dossier_links_from_text (pasted, FALSE);
  g_assert_cmpuint (g_strv_length (urls), ==, 2);
  g_assert_cmpstr (urls[0], ==, story);

  dossier_window_add_links (self, (const char * const *) urls);
  g_assert_true (busy (self));
  dossier_test_poll_until (!busy (self));
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 1);

  /* the reader shows the text and asks the web for nothing */
  asked = f->paths->len;
  gtk_single_selection_set_selected (_dossier_window_get_selection (self), 0);
  dossier_test_poll_until (self->article != NULL);
  text = reader_text (self);
  g_assert_nonnull (strstr (text, "tide tables this week"));
  /* let the reader draw and settle */
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (f->paths->len, ==, asked);
  for (guint i = 0; i < f->paths->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (f->paths, i), !=, "/tracker.png");
      g_assert_cmpstr (g_ptr_array_index (f->paths, i), !=, "/style.css");
      g_assert_cmpstr (g_ptr_array_index (f->paths, i), !=, "/frame.html");
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  DossierWindow *self = dossier_window_new (NULL, f->t.library);
  GtkWidget *dialog = NULL;
  g_autoptr(GListModel) toplevels = NULL;

  gtk_window_present (GTK_WINDOW (self));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self), "win.add-link", NULL));
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w))
        dialog = GTK_WIDGET (w);
    }
  g_assert_nonnull (dialog);
  /* Add is off until there is a link */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  {
    GtkWidget *scroller = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    GtkWidget *view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
    g_autofree char *story = g_strconcat (f->base, "/story", NULL);

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), story, -1);
  }
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 1);
  dossier_test_poll_until (!busy (self));

  gtk_window_destroy (GTK_WINDOW (self));
}

static guint
n_asked (Fixture    *f,
         const char *path)
{
  guint n = 0;

  for (guint i = 0; i < f->paths->len; i++)
    if (g_strcmp0 (g_ptr_array_index (f->paths, i), path) == 0)
      n++;
  return n;
}

static void
test_feeds (Fixture       *f,
            gconstpointer  data)
{
  DossierWindow *self = dossier_window_new (NULL, f->t.library);
  g_autofree char *feed = g_strconcat (f->base, "/feed.xml", NULL);

  gtk_window_present (GTK_WINDOW (self));
  /* nothing is fetched on its own: the periodic refresh is off */
  g_assert_cmpuint (self->feeds_timer, ==, 0);
  g_settings_set_boolean (self->settings, "refresh-feeds", TRUE);
  g_assert_cmpuint (self->feeds_timer, !=, 0);
  g_settings_set_boolean (self->settings, "refresh-feeds", FALSE);
  g_assert_cmpuint (self->feeds_timer, ==, 0);

  dossier_window_follow_feed (self, feed);
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 1);
  g_assert_cmpuint (n_asked (f, "/feed.xml"), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self), "win.refresh-feeds", NULL));
  dossier_test_poll_until (n_asked (f, "/feed.xml") == 2);
  /* the entry was seen: its page is not asked for again */
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));
  g_assert_cmpuint (n_asked (f, "/story"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (self->articles)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWindow *
find_toplevel (const char *name)
{
  g_autoptr(GList) list = gtk_window_list_toplevels ();

  for (GList *l = list; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), name) == 0 && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Drops @file on the window, as a file manager does. */
static void
drop_file (DossierWindow *self,
           GFile         *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (self));
  GSList files = { file, NULL };
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  guint n = 0;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (&files));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (c))
        {
          g_signal_emit_by_name (c, "drop", &value, 10.0, 10.0, &accepted);
          n++;
        }
    }
  g_value_unset (&value);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (accepted);
}

/* Imports @path through the window (chosen, or dropped when @drop; the
 * kind confirmed), then answers the summary with Fetch Links. */
static void
import_and_fetch (DossierWindow *self,
                  const char    *path,
                  gboolean       drop)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *confirm, *summary;

  if (drop)
    drop_file (self, file);
  else
    g_assert_true (_dossier_window_offer_app_import (self, file, FALSE));
  confirm = find_toplevel ("app-import-confirm");
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "import");
  /* (a response given in code leaves the dialog open) */
  gtk_window_destroy (confirm);
  dossier_test_poll_until (find_toplevel ("app-import-summary") != NULL);
  summary = find_toplevel ("app-import-summary");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (summary), "fetch"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (summary), "fetch");
  gtk_window_destroy (summary);
  /* the window's bar shows the links' progress */
  g_assert_true (busy (self));
}

static gpointer
bar_child (DossierWindow *self,
           const char    *name)
{
  return gtk_widget_get_template_child (self->import_bar, DOSSIER_TYPE_IMPORT_BAR, name);
}

static GPtrArray *
kept_links (DossierWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *kept = dossier_app_import_list_pending (self->library, &error);

  g_assert_no_error (error);
  return kept;
}

/* An Instapaper export of links only: fetched from the summary with the
 * import bar's progress, stopped mid-batch with its Stop button.  The
 * link fetched before the stop is a whole article with the export's tag
 * and highlight and is kept no longer; the links in flight stay kept,
 * with no article; fetching again brings them in. */
static void
test_app_links (Fixture       *f,
                gconstpointer  data)
{
  DossierWindow *self = dossier_window_new (NULL, f->t.library);
  g_autofree char *path = g_build_filename (f->t.dir, "instapaper-export.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_auto(GStrv) tags = NULL;
  GtkProgressBar *progress;
  gint64 id = 0;

  csv = g_strdup_printf ("URL,Title,Selection,Folder,Timestamp\n"
                         "%s/harbour,Harbour Reopens,\"the first ferry left at dawn\",Coast,1400000000\n"
                         "%s/held/1,Held One,,Coast,1400000100\n"
                         "%s/held/2,Held Two,,Coast,1400000200\n"
                         "%s/held/3,Held Three,,Coast,1400000300\n", f->base, f->base, f->base, f->base);
  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (self));

  import_and_fetch (self, path, FALSE);
  progress = bar_child (self, "import_progress");
  /* one of four done, three in flight: the bar says so */
  dossier_test_poll_until (f->n_held == 3 && gtk_progress_bar_get_fraction (progress) > 0.2);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (progress), 0.25, 0.001);
  g_assert_nonnull (strstr (gtk_label_get_label (bar_child (self, "import_label")), "1 of 4"));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (progress)));

  /* Stop, as its button does */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self), "win.cancel-import", NULL));
  dossier_test_poll_until (!busy (self));
  g_assert_false (gtk_revealer_get_reveal_child (bar_child (self, "import_revealer")));

  kept = kept_links (self);
  g_assert_cmpuint (kept->len, ==, 3);
  for (guint i = 0; i < kept->len; i++)
    g_assert_nonnull (strstr (((DossierPendingLink *) g_ptr_array_index (kept, i))->url, "/held/"));
  g_assert_cmpuint (dossier_library_count_sync (self->library, &error), ==, 1);
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 1);
  article = g_list_model_get_item (G_LIST_MODEL (self->articles), 0);
  id = dossier_article_get_id (article);
  tags = dossier_article_state_get_tags_sync (self->library, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) tags, "Coast"));
  notes = dossier_library_list_annotations_sync (self->library, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_false (dossier_annotation_get_orphan (g_ptr_array_index (notes, 0)));

  /* the export again: the links kept before are offered, and come in */
  f->release = TRUE;
  import_and_fetch (self, path, FALSE);
  dossier_test_poll_until (!busy (self));
  g_clear_pointer (&kept, g_ptr_array_unref);
  kept = kept_links (self);
  g_assert_cmpuint (kept->len, ==, 0);
  g_assert_cmpuint (dossier_library_count_sync (self->library, &error), ==, 4);
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 4);

  gtk_window_destroy (GTK_WINDOW (self));
}

/* A Pocket export dropped on the window: a failed link is listed by its
 * link and why (the details of the bar's summary name it), and it stays
 * kept. */
static void
test_app_links_failed (Fixture       *f,
                       gconstpointer  data)
{
  DossierWindow *self = dossier_window_new (NULL, f->t.library);
  g_autofree char *path = g_build_filename (f->t.dir, "pocket.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *gone = g_strconcat (f->base, "/gone", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  GPtrArray *failures;
  DossierImportResult *failure;

  csv = g_strdup_printf ("title,url,time_added,tags,status\n"
                         "Harbour Reopens,%s/harbour,1400000000,coast|ferries,unread\n"
                         "Gone,%s,1400000100,,archive\n", f->base, gone);
  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  gtk_window_present (GTK_WINDOW (self));

  /* dropped on the window, the export takes the same way */
  import_and_fetch (self, path, TRUE);
  dossier_test_poll_until (!busy (self));
  failures = dossier_import_bar_get_failures (DOSSIER_IMPORT_BAR (self->import_bar));
  g_assert_nonnull (failures);
  g_assert_cmpuint (failures->len, ==, 1);
  failure = g_ptr_array_index (failures, 0);
  g_assert_cmpstr (failure->file, ==, gone);
  g_assert_true (g_str_has_prefix (failure->error, gone));
  g_assert_nonnull (strstr (failure->error, "404"));
  kept = kept_links (self);
  g_assert_cmpuint (kept->len, ==, 1);
  g_assert_cmpstr (((DossierPendingLink *) g_ptr_array_index (kept, 0))->url, ==, gone);
  g_assert_cmpuint (dossier_library_count_sync (self->library, &error), ==, 1);

  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
listed_read (DossierWindow *self)
{
  g_autoptr(DossierArticle) a = g_list_model_get_item (G_LIST_MODEL (self->articles), 0);

  return a != NULL && dossier_article_get_title (a) != NULL && dossier_article_get_read (a);
}

static guint
n_tag_rows (DossierWindow *self)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (self->tags_list); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

/* An article from a feed is unread until opened; Mark as Unread undoes
 * it; the Unread filter shows only those; its tags are added and removed
 * in the reader's header. */
static void
test_unread_and_tags (Fixture       *f,
                      gconstpointer  data)
{
  DossierWindow *self;
  g_autofree char *feed = g_strconcat (f->base, "/feed.xml", NULL);
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID_SCHEMA);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  gint64 id;

  /* no article of an earlier test is reopened (and so read) */
  g_settings_set_int64 (settings, "last-article", 0);
  self = dossier_window_new (NULL, f->t.library);
  gtk_window_present (GTK_WINDOW (self));
  dossier_window_follow_feed (self, feed);
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 1);
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));
  article = g_list_model_get_item (G_LIST_MODEL (self->articles), 0);
  dossier_test_poll_until (dossier_article_get_title (article) != NULL);
  g_assert_false (dossier_article_get_read (article));
  id = dossier_article_get_id (article);
  g_assert_false (gtk_widget_get_sensitive (self->tags_button));

  /* only unread: it is there */
  dossier_search_set_unread (self->search, TRUE);
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (self->articles)), ==, 1);
  dossier_search_set_unread (self->search, FALSE);
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));

  /* opening it marks it read, in the library and in the list */
  dossier_window_open_article (self, id);
  dossier_test_poll_until (self->article != NULL && dossier_article_get_id (self->article) == id);
  dossier_test_poll_until (listed_read (self));
  g_assert_true (gtk_widget_get_sensitive (self->tags_button));
  dossier_search_set_unread (self->search, TRUE);
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles) &&
                           g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 0);
  dossier_search_set_unread (self->search, FALSE);
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 1);

  /* Mark as Unread */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self), "win.mark-unread", NULL));
  dossier_test_poll_until (!listed_read (self) && !dossier_article_list_get_loading (self->articles));
  {
    g_autoptr(DossierArticle) stored = dossier_library_get_article_sync (f->t.library, id, &error);

    g_assert_no_error (error);
    g_assert_false (dossier_article_get_read (stored));
  }

  /* a tag typed in the popover, then removed with its button */
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), "#tides");
  g_signal_emit_by_name (self->tags_entry, "activate");
  dossier_test_poll_until (n_tag_rows (self) == 1);
  tags = dossier_article_state_get_tags_sync (f->t.library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (tags, ((const char * const[]) { "tides", NULL }));
  {
    GtkWidget *row_box = gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->tags_list), 0));
    GtkWidget *remove = gtk_widget_get_last_child (row_box);

    g_signal_emit_by_name (remove, "clicked");
  }
  dossier_test_poll_until (n_tag_rows (self) == 0);
  g_clear_pointer (&tags, g_strfreev);
  tags = dossier_article_state_get_tags_sync (f->t.library, id, &error);
  g_assert_no_error (error);
  g_assert_null (tags[0]);

  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
feed_paused (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = dossier_feeds_list_sync (f->t.library, &error);

  g_assert_no_error (error);
  return feeds->len == 1 && ((DossierFeedInfo *) feeds->pdata[0])->paused;
}

/* The Feeds section: its badge counts the unread articles, a feed opens
 * its articles in the list, and its menu pauses it. */
static void
test_feeds_section (Fixture       *f,
                    gconstpointer  data)
{
  DossierWindow *self;
  g_autofree char *feed = g_strconcat (f->base, "/feed.xml", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID_SCHEMA);
  DossierFeedList *list;
  AdwViewStackPage *page;
  GtkWidget *row;
  g_autoptr(DossierQuery) query = NULL;

  g_settings_set_int64 (settings, "last-article", 0);
  self = dossier_window_new (NULL, f->t.library);
  gtk_window_present (GTK_WINDOW (self));
  list = DOSSIER_FEED_LIST (adw_view_stack_get_child_by_name (self->sections, "feeds"));
  g_assert_nonnull (list);
  page = adw_view_stack_get_page (self->sections, GTK_WIDGET (list));
  g_assert_cmpstr (adw_view_stack_page_get_icon_name (page), ==, "application-rss+xml-symbolic");
  dossier_test_poll_until (dossier_feed_list_get_n_feeds (list) == 0);

  dossier_window_follow_feed (self, feed);
  dossier_test_poll_until (dossier_feed_list_get_n_feeds (list) == 1 && dossier_feed_list_get_n_unread (list) == 1);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, 1);

  adw_view_stack_set_visible_child_name (self->sections, "feeds");
  {
    /* the row of the one feed, down the template's box, stack and scroller */
    GtkListBox *box = NULL;

    for (GtkWidget *w = GTK_WIDGET (list); w != NULL && box == NULL; )
      {
        if (GTK_IS_LIST_BOX (w))
          box = GTK_LIST_BOX (w);
        else if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = w ? gtk_widget_get_next_sibling (w) : NULL;
          }
      }
    g_assert_nonnull (box);
    row = GTK_WIDGET (gtk_list_box_get_row_at_index (box, 0));
    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Tides");
    g_signal_emit_by_name (box, "row-activated", row);
  }
  /* its articles, through the search */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (self->sections), ==, "articles");
  query = dossier_search_dup_query (self->search);
  g_assert_cmpint (query->feed, >, 0);
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles) &&
                           g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 1);

  /* the row's menu pauses it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "feed.pause", "x", query->feed));
  dossier_test_poll_until (feed_paused (f));

  /* opening the article takes it off the badge */
  dossier_window_open_article (self, dossier_article_list_get_id (self->articles, 0));
  dossier_test_poll_until (dossier_feed_list_get_n_unread (list) == 0);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, 0);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_opml_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  guint *counts = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_feeds_opml_finish (DOSSIER_LIBRARY (source), result, &counts[0], &counts[1], &error));
  g_assert_no_error (error);
  counts[2] = 1;
}

/* Import Feeds from OPML: the section lists them once the import ends;
 * Export writes them back. */
static void
test_opml_window (Fixture       *f,
                  gconstpointer  data)
{
  DossierWindow *self = dossier_window_new (NULL, f->t.library);
  g_autofree char *path = dossier_test_data_path ("feeds.opml", NULL);
  g_autofree char *out_path = g_build_filename (f->t.dir, "out.opml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  DossierFeedList *list = DOSSIER_FEED_LIST (adw_view_stack_get_child_by_name (self->sections, "feeds"));
  guint counts[3] = { 0 };
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (self));
  dossier_feeds_opml_async (f->t.library, file, FALSE, NULL, on_opml_cb, counts);
  dossier_test_poll_until (counts[2] == 1);
  g_assert_cmpuint (counts[0], ==, 4);
  g_assert_cmpuint (counts[1], ==, 0);
  dossier_test_poll_until (dossier_feed_list_get_n_feeds (list) == 4);
  /* nothing was fetched */
  g_assert_cmpuint (f->paths->len, ==, 0);

  counts[2] = 0;
  dossier_feeds_opml_async (f->t.library, out, TRUE, NULL, on_opml_cb, counts);
  dossier_test_poll_until (counts[2] == 1);
  g_assert_cmpuint (counts[0], ==, 4);
  g_assert_true (g_file_get_contents (out_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "https://harbour.example/feed.xml"));

  gtk_window_destroy (GTK_WINDOW (self));
}

/* The message dialog the feed list presented, or NULL. */
static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */
  guint i;

  for (i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The title the first row of the Feeds section shows. */
static const char *
first_row_title (DossierFeedList *list)
{
  GtkWidget *w = GTK_WIDGET (list);
  GtkListBoxRow *row;

  while (w != NULL && !GTK_IS_LIST_BOX (w))
    {
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (w);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (w), 0);
  return row && ADW_IS_PREFERENCES_ROW (row) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

static char *
only_feed_title (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = dossier_feeds_list_sync (f->t.library, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 1);
  return g_strdup (((DossierFeedInfo *) feeds->pdata[0])->title);
}

static gboolean
feed_titled (Fixture    *f,
             const char *title)
{
  g_autofree char *got = only_feed_title (f);

  return g_strcmp0 (got, title) == 0;
}

static guint
n_feeds (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = dossier_feeds_list_sync (f->t.library, &error);

  g_assert_no_error (error);
  return feeds->len;
}

/* Answers the dialog the feed list shows and closes it, as a click on one
 * of its buttons does. */
static void
answer_dialog (AdwMessageDialog *dialog,
               const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  dossier_test_poll_until (find_message_dialog () == NULL);
}

/* A feed's menu renames it (the name trimmed; Cancel and an empty name
 * change nothing) and removes it after asking, leaving its articles. */
static void
test_feed_rename_remove (Fixture       *f,
                         gconstpointer  data)
{
  DossierWindow *self;
  g_autofree char *feed = g_strconcat (f->base, "/feed.xml", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID_SCHEMA);
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  DossierFeedList *list;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  gint64 id;

  g_settings_set_int64 (settings, "last-article", 0);
  self = dossier_window_new (NULL, f->t.library);
  gtk_window_present (GTK_WINDOW (self));
  list = DOSSIER_FEED_LIST (adw_view_stack_get_child_by_name (self->sections, "feeds"));
  adw_view_stack_set_visible_child_name (self->sections, "feeds");
  dossier_window_follow_feed (self, feed);
  dossier_test_poll_until (dossier_feed_list_get_n_feeds (list) == 1 && dossier_feed_list_get_n_unread (list) == 1);
  feeds = dossier_feeds_list_sync (f->t.library, &error);
  g_assert_no_error (error);
  id = ((DossierFeedInfo *) feeds->pdata[0])->id;
  g_assert_true (feed_titled (f, "Tides"));

  /* Rename: the entry starts with the name; Cancel keeps it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "feed.rename", "x", id));
  dossier_test_poll_until ((dialog = find_message_dialog ()) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Rename Feed");
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Tides");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "rename");
  gtk_editable_set_text (entry, "Not this");
  answer_dialog (dialog, "cancel");

  /* a name of spaces only is no name */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "feed.rename", "x", id));
  dossier_test_poll_until ((dialog = find_message_dialog ()) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "   ");
  answer_dialog (dialog, "rename");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "feed.rename", "x", id));
  dossier_test_poll_until ((dialog = find_message_dialog ()) != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog))), ==, "Tides");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "  Harbour Tides ");
  answer_dialog (dialog, "rename");
  /* the edits run in order, so the first one seen is the last one made */
  dossier_test_poll_until (!feed_titled (f, "Tides"));
  g_assert_true (feed_titled (f, "Harbour Tides"));
  /* and the section shows the new name */
  dossier_test_poll_until (g_strcmp0 (first_row_title (list), "Harbour Tides") == 0);

  /* Remove: the dialog names the feed; Cancel keeps it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "feed.remove", "x", id));
  dossier_test_poll_until ((dialog = find_message_dialog ()) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Stop Following “Harbour Tides”?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "remove"), ==, ADW_RESPONSE_DESTRUCTIVE);
  answer_dialog (dialog, "cancel");
  g_assert_cmpuint (n_feeds (f), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "feed.remove", "x", id));
  dossier_test_poll_until ((dialog = find_message_dialog ()) != NULL);
  answer_dialog (dialog, "remove");
  dossier_test_poll_until (n_feeds (f) == 0 && dossier_feed_list_get_n_feeds (list) == 0);
  /* the article the feed brought stays */
  g_assert_cmpuint (dossier_library_count_sync (f->t.library, &error), ==, 1);
  g_assert_no_error (error);
  dossier_test_assert_library_sound (f->t.library);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_count_cb (gpointer  instance,
             guint    *count)
{
  (*count)++;
}

/* Links fetched, a feed's new entry and another app's export only add
 * articles: with the Stories section shown, none of them makes it read
 * its whole list again (the grouping that follows reads the stories it
 * touched, if any). */
static void
test_imports_keep_stories (Fixture       *f,
                           gconstpointer  data)
{
  DossierWindow *self = dossier_window_new (NULL, f->t.library);
  DossierStoriesView *view = DOSSIER_STORIES_VIEW (self->stories_view);
  g_autofree char *harbour = g_strconcat (f->base, "/harbour", NULL);
  g_autofree char *feed = g_strconcat (f->base, "/feed.xml", NULL);
  const char *links[] = { harbour, NULL };
  g_autofree char *zip = dossier_test_data_path ("apps", "omnivore.zip", NULL);
  guint loaded = 0, full;

  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 800);
  gtk_window_present (GTK_WINDOW (self));
  g_signal_connect (view, "loaded", G_CALLBACK (on_count_cb), &loaded);
  adw_view_stack_set_visible_child_name (self->sections, "stories");
  dossier_test_poll_until (loaded > 0 && !dossier_stories_get_running (self->stories));
  full = dossier_stories_view_get_n_full_reads (view);
  g_assert_cmpuint (full, >, 0);

  dossier_window_add_links (self, links);
  dossier_test_poll_until (!busy (self) && g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 1);
  dossier_window_follow_feed (self, feed);
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 2);
  g_assert_cmpuint (dossier_test_import_app_export (f->t.library, DOSSIER_APP_OMNIVORE, zip), ==, 2);
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 4);
  dossier_test_poll_until (!dossier_stories_get_running (self->stories) &&
                           !dossier_article_list_get_loading (self->articles));
  g_assert_cmpuint (dossier_stories_view_get_n_full_reads (view), ==, full);
  gtk_window_destroy (GTK_WINDOW (self));
}

int
main (int argc, char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/web-ui/add-links", Fixture, NULL, setup, test_add_links, teardown);
  g_test_add ("/web-ui/dialog", Fixture, NULL, setup, test_dialog, teardown);
  g_test_add ("/web-ui/feeds", Fixture, NULL, setup, test_feeds, teardown);
  g_test_add ("/web-ui/app-links", Fixture, NULL, setup, test_app_links, teardown);
  g_test_add ("/web-ui/app-links-failed", Fixture, NULL, setup, test_app_links_failed, teardown);
  g_test_add ("/web-ui/feeds-section", Fixture, NULL, setup, test_feeds_section, teardown);
  g_test_add ("/web-ui/feed-rename-remove", Fixture, NULL, setup, test_feed_rename_remove, teardown);
  g_test_add ("/web-ui/opml", Fixture, NULL, setup, test_opml_window, teardown);
  g_test_add ("/web-ui/unread-and-tags", Fixture, NULL, setup, test_unread_and_tags, teardown);
  g_test_add ("/web-ui/imports-keep-stories", Fixture, NULL, setup, test_imports_keep_stories, teardown);
  status = g_test_run ();
  /* LeakSanitizer checks at exit: the name lookups' threads leave first */
  dossier_test_settle_threads ();
  return status;
}
