/* test-team-ui.c — the team library in the real window under Xvfb: the
 * Share Library dialog and its words for each failure, the sync status in
 * the header bar, the Conflicts page and Leave Team, against a PostgreSQL
 * server the test starts and a real secret service (run-with-keyring.sh);
 * and no password in the library, the settings or the logs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <stdlib.h>
#include <string.h>
#include <adwaita.h>

#include "dossier-window-private.h"
#include "dossier-conflicts-view.h"
#include "dossier-notes-pane.h"
#include "dossier-people.h"
#include "dossier-member-color.h"
#include "dossier-annotations-window.h"
#include "dossier-share-dialog.h"
#include "dossier-team-account.h"
#include "dossier-test-postgres.h"
#include "dossier-test-util.h"

/* found nowhere but where it belongs: the server and the keyring */
#define ANA_PASSWORD "Pw-ana-3f91c2e7-quay"
#define BEN_PASSWORD "Pw-ben-8d02aa51-dock"

static DossierTestPostgres *pg;
static char *pg_missing;
static GString *log_text;

#define NEED_SERVER() \
  G_STMT_START { if (pg == NULL) { g_test_skip (pg_missing); return; } } G_STMT_END

/* every message, debug ones too, is kept to be searched */
static GLogWriterOutput
record_log (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      {
        g_string_append (log_text, fields[i].value);
        g_string_append_c (log_text, '\n');
      }
  /* the default writer puts debug messages on stdout, which is TAP's */
  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* a screenshot for looking at, when DOSSIER_TEST_SHOTS names a folder */
static void
shot (const char *name)
{
  const char *dir = g_getenv ("DOSSIER_TEST_SHOTS");
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  command = g_strdup_printf ("import -window root %s/%s.png", dir, name);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* the window's width: DOSSIER_TEST_WIDTH to look at it narrow or wide */
static int
window_width (void)
{
  const char *width = g_getenv ("DOSSIER_TEST_WIDTH");

  return width != NULL ? CLAMP (atoi (width), 360, 2000) : 1200;
}

static char *
new_team (const char *name)
{
  g_autofree char *admin = NULL;
  g_autoptr(GError) error = NULL;
  char *url = dossier_test_postgres_new_db (pg, name);
  guint n = 0;

  admin = dossier_test_postgres_admin_url (pg, name);
  g_assert_true (dossier_team_init_server_sync (admin, &n, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_team_add_member_sync (admin, "ana", "editor", ANA_PASSWORD, &error));
  g_assert_true (dossier_team_add_member_sync (admin, "ben", "editor", BEN_PASSWORD, &error));
  g_assert_no_error (error);
  return url;
}

static guint
count_notes (DossierLibrary *library,
             gint64          article_id)
{
  g_autoptr(GPtrArray) notes = dossier_library_list_annotations_sync (library, article_id, NULL, NULL);

  return notes != NULL ? notes->len : 0;
}

static DossierAnnotation *
find_note (GPtrArray  *notes,
           const char *text)
{
  for (guint i = 0; i < notes->len; i++)
    if (g_strcmp0 (dossier_annotation_get_note (notes->pdata[i]), text) == 0)
      return notes->pdata[i];
  g_assert_not_reached ();
}

/* the author line of the notes pane's cards, one after another; each
 * name comes with a chip of that member's colour */
static char *
pane_authors (DossierWindow *window)
{
  GtkListBox *list = dossier_notes_pane_get_list (DOSSIER_NOTES_PANE (window->notes_view));
  GString *out = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *body = card ? gtk_widget_get_next_sibling (gtk_widget_get_first_child (card)) : NULL;
      GtkWidget *line = body ? gtk_widget_get_first_child (body) : NULL;

      if (line != NULL && gtk_widget_has_css_class (line, "note-author-line"))
        {
          GtkWidget *chip = gtk_widget_get_first_child (line);
          const char *name = gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (line)));

          g_assert_true (gtk_widget_has_css_class (chip, "member-chip"));
          g_assert_true (gtk_widget_has_css_class (chip, dossier_member_color_class (name)));
          g_string_append_printf (out, "%s%s", out->len ? " " : "", name);
        }
    }
  return g_string_free (out, FALSE);
}

/* the title of article @id as the article list holds it, or NULL while
 * it is not loaded */
static const char *
list_title (DossierWindow *window,
            gint64         id)
{
  int pos = dossier_article_list_find (window->articles, id);
  g_autoptr(DossierArticle) article = NULL;

  if (pos < 0)
    return NULL;
  article = g_list_model_get_item (G_LIST_MODEL (window->articles), pos);
  /* the list keeps its item; the title lives as long */
  return article != NULL ? dossier_article_get_title (article) : NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *list = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (list, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static DossierShareDialog *
open_share_dialog (DossierWindow *window)
{
  DossierShareDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.share-library", NULL));
  dossier_test_wait_until (find_toplevel (DOSSIER_TYPE_SHARE_DIALOG) != NULL);
  dialog = DOSSIER_SHARE_DIALOG (find_toplevel (DOSSIER_TYPE_SHARE_DIALOG));
  return dialog;
}

static const char *
try_connection (DossierShareDialog *dialog,
                const char         *server,
                const char         *database,
                const char         *user,
                const char         *password)
{
  dossier_share_dialog_fill (dialog, server, database, user, password);
  dossier_share_dialog_test (dialog);
  g_assert_true (dossier_share_dialog_get_busy (dialog));
  dossier_test_wait_until (!dossier_share_dialog_get_busy (dialog));
  return dossier_share_dialog_get_status (dialog);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static char *
keyring_password (const char *server,
                  const char *member)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  dossier_team_password_lookup_async (server, member, NULL, on_done, &result);
  dossier_test_wait_until (result != NULL);
  password = dossier_team_password_lookup_finish (result, &error);
  g_assert_no_error (error);
  return password;
}

/* whether @needle is in any file under @dir */
static gboolean
found_in_tree (const char *dir,
               const char *needle)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (found_in_tree (path, needle))
            return TRUE;
        }
      else if (g_file_get_contents (path, &contents, &length, NULL) &&
               /* binary files: a search that does not stop at a NUL */
               memmem (contents, length, needle, strlen (needle)) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_share_dialog_explains (DossierTestLibrary *f,
                            gconstpointer       data)
{
  g_autofree char *url = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  DossierWindow *window;
  DossierShareDialog *dialog;

  NEED_SERVER ();
  url = new_team ("words");
  admin = dossier_test_postgres_admin_url (pg, "words");
  {
    g_autoptr(DossierTeamServer) su = dossier_team_server_connect (admin, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (dossier_team_server_exec (su, "CREATE ROLE stranger LOGIN PASSWORD 'stranger'", &error));
  }
  window = dossier_window_new (NULL, f->library);
  gtk_window_present (GTK_WINDOW (window));
  dialog = open_share_dialog (window);

  /* nothing to try until there is a server and a database */
  g_assert_null (dossier_share_dialog_get_url (dialog));
  dossier_share_dialog_fill (dialog, "team.example.org:6543", "news", NULL, NULL);
  shown = dossier_share_dialog_get_url (dialog);
  g_assert_cmpstr (shown, ==, "postgresql://team.example.org:6543/news");

  g_assert_nonnull (strstr (try_connection (dialog, pg->dir, "words", "ana", "not-the-password"),
                            "did not accept this user name and password"));
  shot ("share-dialog-wrong-password");
  g_assert_nonnull (strstr (try_connection (dialog, pg->dir, "nosuch", "ana", ANA_PASSWORD),
                            "no database named “nosuch”"));
  g_assert_nonnull (strstr (try_connection (dialog, pg->dir, "words", "stranger", "stranger"),
                            "“stranger” may log in to the server but is not a member of this team"));
  g_assert_nonnull (strstr (try_connection (dialog, "/nonexistent/dossier-test", "words", "ana", ANA_PASSWORD),
                            "Could not reach the server"));
  g_assert_cmpstr (try_connection (dialog, pg->dir, "words", "ana", ANA_PASSWORD), ==,
                   "Connected. You are a member of this team.");
  shot ("share-dialog-connected");
  /* testing shares nothing */
  g_assert_null (dossier_team_get_link_sync (f->library, &error));
  g_clear_error (&error);
  g_assert_null (_dossier_window_team_get_state (window));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_share_sync_and_conflicts (DossierTestLibrary *f,
                               gconstpointer       data)
{
  g_autofree char *url = NULL;
  g_autofree char *password = NULL;
  g_autoptr(DossierTestLibrary) other = NULL;
  g_autoptr(DossierAnnotation) note = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) bens = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mine_text = NULL;
  g_autofree char *theirs_text = NULL;
  DossierTeamSyncStats stats;
  DossierConflictsView *view;
  DossierWindow *window;
  DossierShareDialog *dialog;
  AdwMessageDialog *leave;
  gint64 article_ben, article_ana;

  NEED_SERVER ();
  url = new_team ("news");

  /* ben shares first: an article with a note */
  other = dossier_test_library_new ();
  article_ben = dossier_test_add_article (other->library, "Harbour talks",
                                         "Delegates met on Thursday in the customs house.\n\n"
                                         "\"We came to listen before we came to bargain,\" said Otto Brenn.");
  note = dossier_test_add_note (other->library, article_ben, "Delegates", "ben's first note");
  g_assert_true (dossier_team_share_sync (other->library, url, "ben", BEN_PASSWORD, &error));
  g_assert_true (dossier_team_sync_sync (other->library, BEN_PASSWORD, &stats, NULL, &error));
  g_assert_no_error (error);

  /* ana shares from the window */
  dossier_test_add_article (f->library, "Quay closed", "The quay stays closed for repairs.");
  window = dossier_window_new (NULL, f->library);
  gtk_window_set_default_size (GTK_WINDOW (window), window_width (), 800);
  gtk_window_present (GTK_WINDOW (window));
  dialog = open_share_dialog (window);
  dossier_share_dialog_fill (dialog, pg->dir, "news", "ana", ANA_PASSWORD);
  shot ("share-dialog");
  dossier_share_dialog_share (dialog);
  /* the dialog closes once shared; the window then syncs with the
   * password it reads back from the keyring */
  dossier_test_wait_until (find_toplevel (DOSSIER_TYPE_SHARE_DIALOG) == NULL);
  dossier_test_wait_until (g_strcmp0 (_dossier_window_team_get_state (window), "synced") == 0);
  g_assert_cmpstr (_dossier_window_team_get_status_text (window), ==, "Synced");
  shot ("status-synced");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window)) == FALSE);
  password = keyring_password (url, "ana");
  g_assert_cmpstr (password, ==, ANA_PASSWORD);
  article = dossier_library_get_article_sync (other->library, article_ben, &error);
  g_assert_no_error (error);
  article_ana = dossier_team_find_article_sync (f->library, dossier_article_get_uuid (article), &error);
  g_assert_no_error (error);
  g_assert_cmpint (article_ana, >, 0);
  dossier_test_wait_until (count_notes (f->library, article_ana) == 1);

  /* live: ben's new note appears in the open article, with his name */
  dossier_window_open_article (window, article_ana);
  dossier_test_wait_until (dossier_notes_pane_get_n_notes (DOSSIER_NOTES_PANE (window->notes_view)) == 1);
  {
    g_autoptr(DossierAnnotation) live = dossier_test_add_note (other->library, article_ben, "customs house", "ben, live");

    g_assert_true (dossier_team_sync_sync (other->library, BEN_PASSWORD, &stats, NULL, &error));
    g_assert_no_error (error);
  }
  dossier_test_wait_until (dossier_notes_pane_get_n_notes (DOSSIER_NOTES_PANE (window->notes_view)) == 2);
  g_assert_cmpstr (_dossier_window_team_get_last_live (window), ==, "ben added a note");
  {
    g_autofree char *authors = pane_authors (window);

    g_assert_cmpstr (authors, ==, "ben ben");
  }
  shot ("live-note");

  /* ben changes the open article's details: the reader, the window's
   * title and the list's row follow while it is open */
  {
    g_autoptr(DossierArticle) edited = dossier_library_get_article_sync (other->library, article_ben, &error);
    guint n_details = _dossier_window_team_get_n_details (window);

    g_assert_no_error (error);
    dossier_article_set_title (edited, "Harbour talks resume");
    g_assert_true (dossier_library_update_article_sync (other->library, edited, &error));
    g_assert_true (dossier_team_sync_sync (other->library, BEN_PASSWORD, &stats, NULL, &error));
    g_assert_no_error (error);
    /* an earlier sync's notice may count first: wait for the title itself */
    dossier_test_wait_until (_dossier_window_team_get_n_details (window) > n_details &&
                             g_strcmp0 (dossier_article_get_title (dossier_reader_view_get_article (window->reader)),
                                        "Harbour talks resume") == 0);
    g_assert_cmpstr (dossier_article_get_title (window->article), ==, "Harbour talks resume");
    g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "Harbour talks resume");
    /* the same article stays open: its notes did not go */
    g_assert_cmpint (dossier_article_get_id (window->article), ==, article_ana);
    g_assert_cmpuint (dossier_notes_pane_get_n_notes (DOSSIER_NOTES_PANE (window->notes_view)), ==, 2);
    dossier_test_wait_until (list_title (window, article_ana) != NULL &&
                             g_strcmp0 (list_title (window, article_ana), "Harbour talks resume") == 0);
  }

  /* ana's own note beside ben's two: whose notes the pane and All Notes show */
  {
    g_autoptr(DossierAnnotation) mine = dossier_annotation_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *authors = NULL;
    DossierAnnotationsWindow *all;

    dossier_annotation_set_article_id (mine, article_ana);
    dossier_annotation_set_quote (mine, "Thursday");
    dossier_annotation_set_start (mine, 17);
    dossier_annotation_set_end (mine, 25);
    dossier_annotation_set_note (mine, "ana checks the day");
    dossier_annotation_set_color (mine, "green");
    dossier_library_add_annotation_async (f->library, mine, NULL, on_done, &result);
    dossier_test_wait_until (result != NULL);
    g_assert_cmpint (dossier_library_add_annotation_finish (f->library, result, &error), >, 0);
    g_assert_no_error (error);
    dossier_test_wait_until (dossier_notes_pane_get_n_notes (DOSSIER_NOTES_PANE (window->notes_view)) == 3);
    /* in text order; ana's note, not yet given its author, is hers */
    authors = pane_authors (window);
    g_assert_cmpstr (authors, ==, "ben ben ana");
    g_assert_true (gtk_widget_activate_action (window->notes_view, "notes.author", "s", "mine"));
    g_assert_cmpuint (dossier_notes_pane_get_n_notes (DOSSIER_NOTES_PANE (window->notes_view)), ==, 1);
    {
      g_autofree char *only = pane_authors (window);
      g_autofree char *remembered = g_settings_get_string (window->settings, "notes-author");

      g_assert_cmpstr (only, ==, "ana");
      g_assert_cmpstr (remembered, ==, "mine");
    }
    g_assert_true (gtk_widget_activate_action (window->notes_view, "notes.author", "s", "ben"));
    g_assert_cmpuint (dossier_notes_pane_get_n_notes (DOSSIER_NOTES_PANE (window->notes_view)), ==, 2);
    shot ("notes-filter-ben");
    /* the timeline marks the article's notes in the colour of who wrote
     * the latest: ana */
    {
      g_autoptr(GArray) points = dossier_library_timeline_points_sync (f->library, NULL, &error);
      gboolean found = FALSE;

      g_assert_no_error (error);
      for (guint i = 0; i < points->len; i++)
        {
          const DossierTimelinePoint *p = &g_array_index (points, DossierTimelinePoint, i);

          if (p->id == article_ana)
            {
              g_assert_cmpstr (p->note_author, ==, "ana");
              found = TRUE;
            }
          else
            g_assert_null (p->note_author);
        }
      g_assert_true (found);
    }

    /* All Notes starts with the remembered filter, through author: */
    all = DOSSIER_ANNOTATIONS_WINDOW (dossier_annotations_window_new (GTK_WINDOW (window), f->library));
    gtk_window_present (GTK_WINDOW (all));
    dossier_test_wait_until (!dossier_annotations_window_get_loading (all) &&
                             dossier_annotations_window_get_n_results (all) == 2);
    dossier_annotations_window_set_author_filter (all, "mine");
    dossier_test_wait_until (!dossier_annotations_window_get_loading (all) &&
                             dossier_annotations_window_get_n_results (all) == 1);
    shot ("all-notes-mine");
    dossier_annotations_window_set_author_filter (all, "everyone");
    dossier_test_wait_until (!dossier_annotations_window_get_loading (all) &&
                             dossier_annotations_window_get_n_results (all) == 3);
    /* the pane follows the setting */
    g_assert_cmpstr (dossier_notes_pane_get_author_filter (DOSSIER_NOTES_PANE (window->notes_view)), ==, "everyone");
    g_assert_cmpuint (dossier_notes_pane_get_n_notes (DOSSIER_NOTES_PANE (window->notes_view)), ==, 3);
    gtk_window_destroy (GTK_WINDOW (all));
  }

  /* the server goes: the window says offline and counts what waits */
  g_assert_true (dossier_test_postgres_stop (pg));
  dossier_test_wait_until (g_strcmp0 (_dossier_window_team_get_state (window), "offline") == 0);
  notes = dossier_library_list_annotations_sync (f->library, article_ana, NULL, NULL);
  dossier_annotation_set_note (find_note (notes, "ben's first note"), "ana's words, written offline");
  {
    g_autoptr(GAsyncResult) result = NULL;

    /* as the window edits: the library tells its views (the sync calls don't) */
    dossier_library_update_annotation_async (f->library, find_note (notes, "ana's words, written offline"),
                                             NULL, on_done, &result);
    dossier_test_wait_until (result != NULL);
    g_assert_true (dossier_library_update_annotation_finish (f->library, result, &error));
    g_assert_no_error (error);
  }
  dossier_test_wait_until (g_str_has_prefix (_dossier_window_team_get_status_text (window), "Offline · "));
  g_assert_cmpstr (_dossier_window_team_get_status_text (window), ==, "Offline · 1 queued");
  shot ("status-offline");

  /* back: ben changes the same note first, so ana's becomes a conflict */
  g_assert_true (dossier_test_postgres_resume (pg));
  bens = dossier_library_list_annotations_sync (other->library, article_ben, NULL, &error);
  g_assert_no_error (error);
  dossier_annotation_set_note (find_note (bens, "ben's first note"), "ben's second thoughts");
  g_assert_true (dossier_library_update_annotation_sync (other->library, find_note (bens, "ben's second thoughts"),
                                                         &error));
  g_assert_true (dossier_team_sync_sync (other->library, BEN_PASSWORD, &stats, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.team-sync", NULL));
  dossier_test_wait_until (g_strcmp0 (_dossier_window_team_get_state (window), "conflicts") == 0);
  g_assert_cmpstr (_dossier_window_team_get_status_text (window), ==, "1 Conflict");
  shot ("status-conflicts");

  /* the Conflicts page: both versions, who made them, and Keep Both */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-conflicts", NULL));
  g_assert_cmpstr (_dossier_window_get_page (window), ==, "conflicts");
  /* the header names the team's database in words, not as an address */
  {
    const char *subtitle = adw_window_title_get_subtitle (window->content_title);

    g_assert_true (g_str_has_prefix (subtitle, "The database “news” on this computer (/"));
    g_assert_true (g_str_has_suffix (subtitle, ") as ana"));
    g_assert_null (strstr (subtitle, "%2F"));
  }
  view = DOSSIER_CONFLICTS_VIEW (_dossier_window_team_get_conflicts_view (window));
  dossier_test_wait_until (dossier_conflicts_view_get_n_conflicts (view) == 1);
  mine_text = dossier_conflicts_view_get_text (view, 0, "mine");
  theirs_text = dossier_conflicts_view_get_text (view, 0, "theirs");
  g_assert_nonnull (strstr (mine_text, "Mine (ana)"));
  g_assert_nonnull (strstr (mine_text, "ana's words, written offline"));
  g_assert_true (g_str_has_prefix (theirs_text, "Theirs (ben, "));
  g_assert_nonnull (strstr (theirs_text, "ben's second thoughts"));
  /* each version's author in their own colour, as beside their notes */
  {
    GtkWidget *mine_chip = dossier_conflicts_view_get_author_chip (view, 0, "mine");
    GtkWidget *theirs_chip = dossier_conflicts_view_get_author_chip (view, 0, "theirs");

    g_assert_nonnull (mine_chip);
    g_assert_nonnull (theirs_chip);
    g_assert_true (gtk_widget_has_css_class (mine_chip, dossier_member_color_class ("ana")));
    g_assert_true (gtk_widget_has_css_class (theirs_chip, dossier_member_color_class ("ben")));
  }
  shot ("conflicts-page");
  dossier_conflicts_view_resolve (view, 0, "both");
  dossier_test_wait_until (dossier_conflicts_view_get_n_conflicts (view) == 0);
  /* ana's copy goes to the team by itself, and ben gets it */
  dossier_test_wait_until (g_strcmp0 (_dossier_window_team_get_state (window), "synced") == 0 &&
                           g_strcmp0 (_dossier_window_team_get_status_text (window), "Synced") == 0);
  g_assert_cmpuint (count_notes (f->library, article_ana), ==, 4);
  dossier_test_wait_until ((dossier_team_sync_sync (other->library, BEN_PASSWORD, &stats, NULL, NULL),
                            count_notes (other->library, article_ben) == 4));

  /* a person ben and ana renamed differently: a card for each of the
   * person's names, all settled at once */
  g_assert_cmpint (dossier_people_find_quotes_sync (f->library, G_MAXUINT, NULL, &error), >=, 0);
  g_assert_cmpint (dossier_people_find_quotes_sync (other->library, G_MAXUINT, NULL, &error), >=, 0);
  g_assert_true (dossier_people_rename_sync (f->library, dossier_people_find_sync (f->library, "Otto Brenn", NULL),
                                             "Otto M. Brenn", &error));
  g_assert_true (dossier_people_rename_sync (other->library, dossier_people_find_sync (other->library, "Otto Brenn", NULL),
                                             "Otto Brenn, council chair", &error));
  g_assert_true (dossier_team_sync_sync (other->library, BEN_PASSWORD, &stats, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.team-sync", NULL));
  dossier_test_wait_until (g_strcmp0 (_dossier_window_team_get_state (window), "conflicts") == 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-conflicts", NULL));
  dossier_test_wait_until (dossier_conflicts_view_get_n_conflicts (view) == 1);
  g_clear_pointer (&mine_text, g_free);
  g_clear_pointer (&theirs_text, g_free);
  mine_text = dossier_conflicts_view_get_text (view, 0, "mine");
  theirs_text = dossier_conflicts_view_get_text (view, 0, "theirs");
  g_assert_nonnull (strstr (mine_text, "Otto M. Brenn"));
  g_assert_nonnull (strstr (theirs_text, "Otto Brenn, council chair"));
  shot ("conflicts-person");
  dossier_conflicts_view_resolve (view, 0, "theirs");
  dossier_test_wait_until (dossier_conflicts_view_get_n_conflicts (view) == 0);
  g_assert_cmpint (dossier_people_find_sync (f->library, "Otto Brenn, council chair", NULL), >, 0);

  /* Leave Team: unlinked, everything kept, the password forgotten */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-team", NULL));
  dossier_test_wait_until (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  leave = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  shot ("leave-team");
  adw_message_dialog_response (leave, "leave");
  dossier_test_wait_until (_dossier_window_team_get_state (window) == NULL);
  g_assert_null (dossier_team_get_link_sync (f->library, &error));
  g_assert_error (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_NOT_SHARED);
  g_clear_error (&error);
  g_assert_cmpuint (dossier_library_count_sync (f->library, NULL), ==, 2);
  g_assert_cmpuint (count_notes (f->library, article_ana), ==, 4);
  {
    g_autofree char *gone = NULL;

    dossier_test_wait_until ((g_free (gone), gone = keyring_password (url, "ana"), gone == NULL));
  }

  /* the password is nowhere else: not in the library (which does hold
   * the member's name, so the search reads it), the settings or the logs */
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (found_in_tree (f->dir, "Quay closed"));
  g_assert_false (found_in_tree (f->dir, ANA_PASSWORD));
  g_assert_false (found_in_tree (g_get_user_config_dir (), ANA_PASSWORD));
  g_assert_false (found_in_tree (g_get_user_cache_dir (), ANA_PASSWORD));
  g_assert_cmpuint (log_text->len, >, 0);
  g_assert_null (strstr (log_text->str, ANA_PASSWORD));
}

static double
luminance (const GdkRGBA *c)
{
  double v[3] = { c->red, c->green, c->blue };

  for (int i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double
contrast (const GdkRGBA *a,
          const char    *background)
{
  GdkRGBA b;
  double la = luminance (a), lb;

  g_assert_true (gdk_rgba_parse (&b, background));
  lb = luminance (&b);
  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* CIELAB of an sRGB colour (D65 white) */
static void
to_lab (const GdkRGBA *c,
        double         lab[3])
{
  const double white[3] = { 0.95047, 1.0, 1.08883 };
  double v[3] = { c->red, c->green, c->blue };
  double xyz[3], f[3];

  for (int i = 0; i < 3; i++)
    v[i] = v[i] <= 0.04045 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  xyz[0] = 0.4124 * v[0] + 0.3576 * v[1] + 0.1805 * v[2];
  xyz[1] = 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  xyz[2] = 0.0193 * v[0] + 0.1192 * v[1] + 0.9505 * v[2];
  for (int i = 0; i < 3; i++)
    {
      double t = xyz[i] / white[i];

      f[i] = t > 216.0 / 24389.0 ? cbrt (t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
    }
  lab[0] = 116.0 * f[1] - 16.0;
  lab[1] = 500.0 * (f[0] - f[1]);
  lab[2] = 200.0 * (f[1] - f[2]);
}

/* how far apart two colours look: CIE76 ΔE, the distance in CIELAB */
static double
delta_e (const GdkRGBA *a,
         const GdkRGBA *b)
{
  double x[3], y[3];

  to_lab (a, x);
  to_lab (b, y);
  return sqrt ((x[0] - y[0]) * (x[0] - y[0]) + (x[1] - y[1]) * (x[1] - y[1]) + (x[2] - y[2]) * (x[2] - y[2]));
}

/* Every member colour stands 3:1 against libadwaita's backgrounds of its
 * style: the light shade against the light view, card and popover
 * (white) and window (#fafafa), the dark shade against the dark view,
 * window, card and popover.  Within each style no two colours look
 * alike (CIELAB ΔE of 25 or more; the nearest stand 30 apart in light,
 * orange and red, and 37 in dark, yellow and orange), and the dots' CSS has the dark shades
 * when the style is dark, the light ones when light. */
static void
check_shades (void)
{
  const char *light_backgrounds[] = { "#ffffff", "#fafafa" };
  const char *dark_backgrounds[] = { "#1e1e1e", "#242424", "#363636", "#383838" };
  g_autofree char *dark_css = dossier_member_color_css (TRUE);
  g_autofree char *light_css = dossier_member_color_css (FALSE);
  GdkRGBA all_light[DOSSIER_MEMBER_N_COLORS], all_dark[DOSSIER_MEMBER_N_COLORS];
  guint seen = 0;

  for (guint n = 0; n < 1000 && seen != (1u << DOSSIER_MEMBER_N_COLORS) - 1; n++)
    {
      g_autofree char *name = g_strdup_printf ("member%u", n);
      guint i = dossier_member_color_index (name);
      GdkRGBA dark, light;
      g_autofree char *dark_hex = NULL;
      g_autofree char *light_hex = NULL;

      if (seen & (1u << i))
        continue;
      seen |= 1u << i;
      dossier_member_color_rgba (name, TRUE, &dark);
      dossier_member_color_rgba (name, FALSE, &light);
      all_dark[i] = dark;
      all_light[i] = light;
      for (guint k = 0; k < G_N_ELEMENTS (dark_backgrounds); k++)
        g_assert_cmpfloat (contrast (&dark, dark_backgrounds[k]), >=, 3.0);
      for (guint k = 0; k < G_N_ELEMENTS (light_backgrounds); k++)
        g_assert_cmpfloat (contrast (&light, light_backgrounds[k]), >=, 3.0);
      dark_hex = g_strdup_printf (".%s { background-color: #%02x%02x%02x; }", dossier_member_color_class (name),
                                  (int) (dark.red * 255 + 0.5), (int) (dark.green * 255 + 0.5),
                                  (int) (dark.blue * 255 + 0.5));
      light_hex = g_strdup_printf (".%s { background-color: #%02x%02x%02x; }", dossier_member_color_class (name),
                                   (int) (light.red * 255 + 0.5), (int) (light.green * 255 + 0.5),
                                   (int) (light.blue * 255 + 0.5));
      g_assert_nonnull (strstr (dark_css, dark_hex));
      g_assert_nonnull (strstr (light_css, light_hex));
    }
  g_assert_cmpuint (seen, ==, (1u << DOSSIER_MEMBER_N_COLORS) - 1);
  for (guint i = 0; i < DOSSIER_MEMBER_N_COLORS; i++)
    for (guint j = i + 1; j < DOSSIER_MEMBER_N_COLORS; j++)
      {
        g_assert_cmpfloat (delta_e (&all_light[i], &all_light[j]), >=, 25.0);
        g_assert_cmpfloat (delta_e (&all_dark[i], &all_dark[j]), >=, 25.0);
      }
}

/* A first sync that pulls a few hundred rows: the header shows its
 * progress, which only grows and ends at 100 %; and a member's colour is
 * the same for a name however it is written. */
static void
test_sync_progress (DossierTestLibrary *f,
                    gconstpointer       data)
{
  g_autofree char *url = NULL;
  g_autoptr(DossierTestLibrary) other = NULL;
  g_autoptr(GError) error = NULL;
  DossierTeamSyncStats stats;
  DossierShareDialog *dialog;
  DossierWindow *window;
  GArray *percents;
  gint64 article;

  g_assert_cmpuint (dossier_member_color_index ("Ben"), ==, dossier_member_color_index ("ben"));
  g_assert_cmpuint (dossier_member_color_index ("ana"), !=, dossier_member_color_index ("ben"));
  g_assert_cmpuint (dossier_member_color_index ("olga"), <, DOSSIER_MEMBER_N_COLORS);
  check_shades ();
  NEED_SERVER ();
  url = new_team ("progress");
  other = dossier_test_library_new ();
  article = dossier_test_add_article (other->library, "Harbour talks", "Delegates met on Thursday in the customs house.");
  for (int i = 0; i < 400; i++)
    {
      g_autofree char *text = g_strdup_printf ("ben's note %d", i);
      g_autoptr(DossierAnnotation) note = dossier_test_add_note (other->library, article, "Delegates", text);
    }
  g_assert_true (dossier_team_share_sync (other->library, url, "ben", BEN_PASSWORD, &error));
  g_assert_true (dossier_team_sync_sync (other->library, BEN_PASSWORD, &stats, NULL, &error));
  g_assert_no_error (error);

  window = dossier_window_new (NULL, f->library);
  gtk_window_set_default_size (GTK_WINDOW (window), window_width (), 800);
  gtk_window_present (GTK_WINDOW (window));
  dialog = open_share_dialog (window);
  dossier_share_dialog_fill (dialog, pg->dir, "progress", "ana", ANA_PASSWORD);
  dossier_share_dialog_share (dialog);
  dossier_test_wait_until (g_strcmp0 (_dossier_window_team_get_state (window), "syncing") == 0 ||
                           _dossier_window_team_get_percents (window)->len > 0);
  shot ("status-syncing");
  dossier_test_wait_until (g_strcmp0 (_dossier_window_team_get_state (window), "synced") == 0 &&
                           count_notes (f->library, 0) == 400);
  percents = _dossier_window_team_get_percents (window);
  g_assert_cmpuint (percents->len, >=, 2);
  for (guint i = 1; i < percents->len; i++)
    g_assert_cmpuint (g_array_index (percents, guint, i - 1), <=, g_array_index (percents, guint, i));
  g_assert_cmpuint (g_array_index (percents, guint, 0), <, 100);
  g_assert_cmpuint (g_array_index (percents, guint, percents->len - 1), ==, 100);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  int status;

  /* the debug messages too, so the search of the log sees everything */
  g_setenv ("G_MESSAGES_DEBUG", "dossier-team dossier-window dossier-share-dialog", TRUE);
  log_text = g_string_new (NULL);
  g_log_set_writer_func (record_log, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  if (g_strcmp0 (g_getenv ("DOSSIER_TEST_DARK"), "1") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    pg_missing = g_strdup ("no D-Bus session for a secret service (run through run-with-keyring.sh)");
  else
    pg = dossier_test_postgres_start (&pg_missing);

  g_test_add ("/team-ui/share-dialog-explains", DossierTestLibrary, NULL,
              dossier_test_library_setup, test_share_dialog_explains, dossier_test_library_teardown);
  g_test_add ("/team-ui/share-sync-and-conflicts", DossierTestLibrary, NULL,
              dossier_test_library_setup, test_share_sync_and_conflicts, dossier_test_library_teardown);
  g_test_add ("/team-ui/sync-progress", DossierTestLibrary, NULL,
              dossier_test_library_setup, test_sync_progress, dossier_test_library_teardown);
  status = g_test_run ();
  g_clear_pointer (&pg, dossier_test_postgres_free);
  g_free (pg_missing);
  g_string_free (log_text, TRUE);
  return status;
}
