/* dossier-window-team.c — the team library in the window: Share Library…,
 * Leave Team…, the sync status in the header bar and the Conflicts page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shared library's window keeps a DossierTeamWatch, which pulls what
 * other members change; this library's own changes are pushed by asking
 * the watch for a sync whenever more are queued than after the last one.
 * The member's password comes from the desktop's secret store.  When the
 * server is out of reach the window says so, keeps the changes queued and
 * tries again every little while.  Nothing here blocks the window: every
 * call is asynchronous.
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"
#include "dossier-team-account.h"
#include "dossier-team-watch.h"
#include "dossier-share-dialog.h"
#include "dossier-conflicts-view.h"
#include "dossier-notes-pane.h"

#define TEAM_KEY "dossier-window-team"
#define RETRY_SECONDS 30

typedef struct
{
  DossierWindow    *window;          /* owns this */
  DossierLibrary   *library;
  gboolean          closed;          /* the window is going: nothing more happens */
  GCancellable     *cancellable;     /* the watch being started, the password read */
  DossierTeamWatch *watch;
  DossierTeamLink  *link;            /* as last read; NULL: a library of one's own */
  char             *password;        /* from the keyring, for restarts */
  gboolean          password_read;
  gboolean          starting;
  gboolean          offline;
  gboolean          just_synced;     /* the next read of the link is the baseline */
  guint             queued_after_sync;
  guint             reading;
  guint             retry_id;
  char             *problem;         /* why the window is not in step, for the tooltip */
  const char       *state;

  GtkWidget        *button;
  GtkWidget        *spinner;
  GtkWidget        *icon;
  GtkWidget        *label;
  GtkWidget        *conflicts_view;
  GHashTable       *known_notes;     /* the UUIDs of the open article's notes */
  gint64            known_article;
  char             *last_live;       /* the last toast about another member's note */
  char            **authors;         /* the members who wrote notes, as last read */
  guint             n_details;       /* the open article's details updated from the team */
  guint             percent;         /* the sync's progress, as last shown */
  GArray           *percents;        /* every progress shown (guint), for tests */
} Team;

static Team *
get_team (DossierWindow *self)
{
  return g_object_get_data (G_OBJECT (self), TEAM_KEY);
}

static void
stop_watch (Team *team)
{
  if (team->watch != NULL)
    g_signal_handlers_disconnect_by_data (team->watch, team);
  g_clear_object (&team->watch);
}

/* everything that could still call back into the window stops */
static void
close_team (Team *team)
{
  team->closed = TRUE;
  g_cancellable_cancel (team->cancellable);
  stop_watch (team);
  g_clear_handle_id (&team->retry_id, g_source_remove);
  if (team->library != NULL)
    g_signal_handlers_disconnect_by_data (team->library, team);
  if (team->window->notes != NULL)
    g_signal_handlers_disconnect_by_data (team->window->notes, team);
  g_clear_object (&team->library);
}

static void
team_free (Team *team)
{
  close_team (team);
  g_clear_object (&team->cancellable);
  g_clear_pointer (&team->link, dossier_team_link_free);
  dossier_team_password_free (team->password);
  g_free (team->problem);
  g_free (team->last_live);
  g_strfreev (team->authors);
  g_clear_pointer (&team->percents, g_array_unref);
  g_clear_pointer (&team->known_notes, g_hash_table_unref);
  g_free (team);
}

/* The team's address in words: "the database “news” on db.example.org
 * as ana" for postgresql://db.example.org/news, and the socket's folder
 * for a server on this computer (postgresql:///news?host=%2Frun%2F…). */
static char *
describe_server (const DossierTeamLink *link)
{
  g_autoptr(GUri) uri = g_uri_parse (link->server, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *database = NULL;
  g_autofree char *server = NULL;
  const char *host = NULL;

  if (uri == NULL)
    /* TRANSLATORS: the team's server as it was typed, and the member */
    return g_strdup_printf (_("%s as %s"), link->server, link->member);
  if (g_uri_get_query (uri) != NULL)
    params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  host = g_uri_get_host (uri);
  if ((host == NULL || *host == '\0') && params != NULL)
    host = g_hash_table_lookup (params, "host");
  database = g_strdup (g_uri_get_path (uri) && g_uri_get_path (uri)[0] == '/' && g_uri_get_path (uri)[1]
                       ? g_uri_get_path (uri) + 1 : params ? g_hash_table_lookup (params, "dbname") : NULL);
  if (host == NULL || *host == '\0')
    server = g_strdup (_("this computer"));
  else if (host[0] == '/')
    /* TRANSLATORS: a server on a Unix socket, as in "this computer (/run/postgresql)" */
    server = g_strdup_printf (_("this computer (%s)"), host);
  else if (g_uri_get_port (uri) > 0)
    server = g_strdup_printf ("%s:%d", host, g_uri_get_port (uri));
  else
    server = g_strdup (host);
  /* TRANSLATORS: "the database “news” on db.example.org as ana" */
  return g_strdup_printf (_("the database “%s” on %s as %s"), database ? database : "", server, link->member);
}

static void
update_status (Team *team)
{
  DossierWindow *self = team->window;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  const char *icon = NULL;
  gboolean spinning = FALSE;
  guint n_queued = team->link ? team->link->n_queued : 0;
  guint n_conflicts = team->link ? team->link->n_conflicts : 0;

  if (team->closed)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.share-library", team->link == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-team", team->link != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.team-sync", team->watch != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-conflicts", team->link != NULL);
  gtk_widget_set_visible (team->button, team->link != NULL);
  if (team->link == NULL)
    {
      team->state = NULL;
      return;
    }
  if (n_conflicts > 0)
    {
      team->state = "conflicts";
      icon = "dialog-warning-symbolic";
      text = g_strdup_printf (g_dngettext (NULL, "%u Conflict", "%u Conflicts", n_conflicts), n_conflicts);
      tooltip = g_strdup (_("Some changes clash with the team’s: choose which to keep"));
    }
  else if (team->watch != NULL && dossier_team_watch_get_syncing (team->watch))
    {
      guint done = 0, total = 0;

      team->state = "syncing";
      spinning = TRUE;
      if (dossier_team_watch_get_progress (team->watch, &done, &total))
        {
          guint percent = (guint) MIN (100, (guint64) done * 100 / total);

          /* TRANSLATORS: the sync's progress in the header bar, as in "Syncing… 40%" */
          text = g_strdup_printf (_("Syncing… %u%%"), percent);
          tooltip = g_strdup_printf (g_dngettext (NULL, "Syncing with the team: %u of %u change",
                                                  "Syncing with the team: %u of %u changes", total), done, total);
          team->percent = percent;
        }
      else if (n_queued > 0)
        text = g_strdup_printf (g_dngettext (NULL, "Sending %u change…", "Sending %u changes…", n_queued), n_queued);
      else
        text = g_strdup (_("Syncing…"));
    }
  else if (team->starting)
    {
      team->state = "connecting";
      spinning = TRUE;
      text = g_strdup (_("Connecting…"));
    }
  else if (team->watch == NULL || team->offline)
    {
      team->state = "offline";
      icon = "network-offline-symbolic";
      if (n_queued > 0)
        text = g_strdup_printf (g_dngettext (NULL, "Offline · %u queued", "Offline · %u queued", n_queued), n_queued);
      else
        text = g_strdup (_("Offline"));
      /* the header's words are short; the tooltip and the accessible
       * description say it all */
      {
        g_autofree char *waiting = g_strdup_printf (g_dngettext (NULL, "Offline, %u change waiting",
                                                                 "Offline, %u changes waiting", n_queued), n_queued);

        tooltip = g_strdup_printf ("%s\n%s\n%s", waiting,
                                   team->problem ? team->problem : _("The team server is out of reach."),
                                   _("Changes are kept and sent once the server is back."));
      }
    }
  else
    {
      g_autofree char *where = describe_server (team->link);

      team->state = "synced";
      icon = "emblem-ok-symbolic";
      text = g_strdup (_("Synced"));
      /* TRANSLATORS: "Shared with the team in the database “news” on db.example.org as ana" */
      tooltip = g_strdup_printf (_("Shared with the team in %s"), where);
    }
  gtk_spinner_set_spinning (GTK_SPINNER (team->spinner), spinning);
  gtk_widget_set_visible (team->spinner, spinning);
  gtk_widget_set_visible (team->icon, icon != NULL);
  if (icon != NULL)
    gtk_image_set_from_icon_name (GTK_IMAGE (team->icon), icon);
  gtk_label_set_text (GTK_LABEL (team->label), text);
  gtk_widget_set_tooltip_text (team->button, tooltip ? tooltip : text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (team->button), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip ? tooltip : text, -1);
  if (g_strcmp0 (team->state, "conflicts") == 0)
    gtk_widget_add_css_class (team->button, "warning");
  else
    gtk_widget_remove_css_class (team->button, "warning");
}

static void read_link (Team *team);
static void start_watch (Team *team);
static void update_pane_team (Team *team);
static void on_authors_read_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static gboolean
on_retry_cb (gpointer user_data)
{
  Team *team = user_data;

  team->retry_id = 0;
  if (team->watch == NULL && team->link != NULL)
    start_watch (team);
  return G_SOURCE_REMOVE;
}

static void
go_offline (Team         *team,
            const GError *error)
{
  team->offline = TRUE;
  g_free (team->problem);
  team->problem = g_strdup (error ? error->message : NULL);
  if (team->retry_id == 0)
    team->retry_id = g_timeout_add_seconds (RETRY_SECONDS, on_retry_cb, team);
  update_status (team);
}

/* Another member changed the open article's details (title, date, tags,
 * read…): the reader's header and the window's title follow while it is
 * open; its text and where it is scrolled stay.  (The list's rows follow
 * the library's ::changed by themselves.) */
static void
on_open_article_read_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) article = dossier_library_get_article_finish (DOSSIER_LIBRARY (source), result, &error);
  Team *team = get_team (self);

  if (article == NULL || team == NULL || team->closed || self->article == NULL ||
      dossier_article_get_id (self->article) != dossier_article_get_id (article))
    return;
  if (g_strcmp0 (dossier_article_get_body (self->article), dossier_article_get_body (article)) != 0)
    {
      /* a new text: opened again, its notes placed anew */
      dossier_window_open_article (self, dossier_article_get_id (article));
      return;
    }
  g_set_object (&self->article, article);
  dossier_reader_view_update_details (self->reader, article);
  adw_window_title_set_title (self->content_title, dossier_article_get_title (article));
  adw_window_title_set_subtitle (self->content_title, dossier_article_get_source (article));
  team->n_details++;
}

static void
reread_open_article (Team *team)
{
  DossierWindow *self = team->window;

  if (self->article == NULL || team->closed)
    return;
  dossier_library_get_article_async (self->library, dossier_article_get_id (self->article), team->cancellable,
                                     on_open_article_read_cb, g_object_ref (self));
}

static void
on_watch_synced_cb (DossierTeamWatch *watch,
                    guint             pulled,
                    guint             conflicts,
                    Team             *team)
{
  team->offline = FALSE;
  g_clear_pointer (&team->problem, g_free);
  team->just_synced = TRUE;
  read_link (team);
  if (pulled > 0)
    reread_open_article (team);
  if (conflicts > 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (NULL, "%u new conflict with the team’s changes",
                                                               "%u new conflicts with the team’s changes",
                                                               conflicts), conflicts);
      _dossier_window_toast (team->window, message);
    }
}

static void
on_watch_failed_cb (DossierTeamWatch *watch,
                    GError           *error,
                    Team             *team)
{
  /* the listening connection is gone: start over later */
  if (!dossier_team_watch_is_listening (watch))
    stop_watch (team);
  team->just_synced = TRUE;
  go_offline (team, error);
  read_link (team);
}

static void
on_watch_syncing_cb (DossierTeamWatch *watch,
                     GParamSpec       *pspec,
                     Team             *team)
{
  update_status (team);
}

static void
on_watch_progress_cb (DossierTeamWatch *watch,
                      guint             done,
                      guint             total,
                      Team             *team)
{
  update_status (team);
  if (g_strcmp0 (team->state, "syncing") == 0 && total > 0)
    g_array_append_val (team->percents, team->percent);
}

static void
on_watch_started_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  DossierTeamWatch *watch = dossier_team_watch_new_finish (result, &error);
  Team *team = get_team (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || team == NULL || team->closed)
    {
      g_clear_object (&watch);
      return;
    }
  team->starting = FALSE;
  if (watch == NULL)
    {
      g_debug ("no team changes heard: %s", error->message);
      go_offline (team, error);
      return;
    }
  stop_watch (team);
  team->watch = watch;
  team->offline = FALSE;
  g_clear_pointer (&team->problem, g_free);
  g_signal_connect (watch, "synced", G_CALLBACK (on_watch_synced_cb), team);
  g_signal_connect (watch, "failed", G_CALLBACK (on_watch_failed_cb), team);
  g_signal_connect (watch, "notify::syncing", G_CALLBACK (on_watch_syncing_cb), team);
  g_signal_connect (watch, "progress", G_CALLBACK (on_watch_progress_cb), team);
  update_status (team);
}

static void
on_password_read_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password = dossier_team_password_lookup_finish (result, &error);
  Team *team;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || (team = get_team (self)) == NULL ||
      team->closed)
    {
      dossier_team_password_free (password);
      return;
    }
  /* no keyring: libpq's own sources (~/.pgpass) are asked */
  if (error != NULL)
    g_debug ("no team password from the keyring: %s", error->message);
  dossier_team_password_free (team->password);
  team->password = password;
  team->password_read = TRUE;
  team->starting = FALSE;
  start_watch (team);
}

static void
start_watch (Team *team)
{
  DossierWindow *self = team->window;

  if (team->starting || team->link == NULL || team->closed)
    return;
  g_clear_handle_id (&team->retry_id, g_source_remove);
  team->starting = TRUE;
  update_status (team);
  if (!team->password_read)
    dossier_team_password_lookup_async (team->link->server, team->link->member, team->cancellable,
                                        on_password_read_cb, g_object_ref (self));
  else
    dossier_team_watch_new_async (team->library, team->password, team->cancellable,
                                  on_watch_started_cb, g_object_ref (self));
}

static void
on_link_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  DossierTeamLink *link = dossier_team_get_link_finish (DOSSIER_LIBRARY (source), result, &error);
  Team *team = get_team (self);
  gboolean was_shared;

  if (team == NULL || team->closed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_pointer (&link, dossier_team_link_free);
      return;
    }
  team->reading--;
  was_shared = team->link != NULL;
  if (was_shared != (link != NULL) ||
      (link != NULL && g_strcmp0 (link->member, team->link->member) != 0))
    {
      g_clear_pointer (&team->link, dossier_team_link_free);
      team->link = link;
      update_pane_team (team);
    }
  else
    {
      g_clear_pointer (&team->link, dossier_team_link_free);
      team->link = link;
    }
  if (link == NULL)
    {
      stop_watch (team);
      update_status (team);
      return;
    }
  dossier_team_list_authors_async (team->library, team->cancellable, on_authors_read_cb, g_object_ref (self));
  if (team->just_synced)
    {
      team->just_synced = FALSE;
      team->queued_after_sync = link->n_queued;
    }
  else if (team->watch != NULL && link->n_queued > team->queued_after_sync)
    {
      /* this library's own changes: nobody else tells the watch */
      team->queued_after_sync = link->n_queued;
      dossier_team_watch_sync (team->watch);
    }
  if (link->n_conflicts > 0 || team->conflicts_view != NULL)
    dossier_conflicts_view_set_member (DOSSIER_CONFLICTS_VIEW (team->conflicts_view), link->member);
  if (g_strcmp0 (_dossier_window_get_page (self), "conflicts") == 0)
    dossier_conflicts_view_reload (DOSSIER_CONFLICTS_VIEW (team->conflicts_view));
  if (!was_shared && team->watch == NULL)
    start_watch (team);
  update_status (team);
}

/* the notes pane's author filter offers the members who wrote notes */
static void
update_pane_team (Team *team)
{
  dossier_notes_pane_set_team (DOSSIER_NOTES_PANE (team->window->notes_view),
                               team->link ? team->link->member : NULL,
                               (const char * const *) team->authors);
}

static void
on_authors_read_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  char **authors = dossier_team_list_authors_finish (DOSSIER_LIBRARY (source), result, &error);
  Team *team = get_team (self);

  if (team == NULL || team->closed || authors == NULL)
    {
      if (authors == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("could not list the notes' authors: %s", error->message);
      g_strfreev (authors);
      return;
    }
  if (team->authors != NULL && g_strv_equal ((const char * const *) team->authors, (const char * const *) authors))
    {
      g_strfreev (authors);
      return;
    }
  g_strfreev (team->authors);
  team->authors = authors;
  update_pane_team (team);
}

static void
read_link (Team *team)
{
  DossierWindow *self = team->window;

  team->reading++;
  if (team->closed)
    return;
  dossier_team_get_link_async (team->library, team->cancellable, on_link_read_cb, g_object_ref (self));
}

static void
on_library_changed_cb (DossierLibrary *library,
                       Team           *team)
{
  read_link (team);
}

static void
show_conflicts (DossierWindow *self)
{
  Team *team = get_team (self);
  g_autofree char *where = team->link ? describe_server (team->link) : NULL;
  g_autofree char *subtitle = NULL;

  if (where != NULL)
    {
      /* the first letter up, as a subtitle starts */
      gunichar first = g_unichar_toupper (g_utf8_get_char (where));
      char head[8] = { 0 };

      g_unichar_to_utf8 (first, head);
      subtitle = g_strconcat (head, g_utf8_next_char (where), NULL);
    }
  dossier_conflicts_view_reload (DOSSIER_CONFLICTS_VIEW (team->conflicts_view));
  _dossier_window_show_page (self, "conflicts", _("Conflicts"), subtitle);
}

static void
on_status_clicked_cb (GtkButton     *button,
                      DossierWindow *self)
{
  Team *team = get_team (self);

  if (g_strcmp0 (team->state, "conflicts") == 0)
    show_conflicts (self);
  else if (team->watch != NULL)
    dossier_team_watch_sync (team->watch);
  else
    start_watch (team);
}

/* Another member's new note in the open article: a toast names them.
 * Notes seen in the article before, and this member's own, say nothing. */
static void
on_notes_changed_cb (DossierArticleNotes *notes,
                     GParamSpec          *pspec,
                     Team                *team)
{
  DossierWindow *self = team->window;
  GPtrArray *annotations = dossier_article_notes_get_annotations (notes);
  gint64 article = self->article ? dossier_article_get_id (self->article) : 0;
  g_autoptr(GPtrArray) authors = g_ptr_array_new ();
  guint n_new = 0;

  if (annotations == NULL || team->closed)
    return;
  if (article == team->known_article && team->link != NULL)
    for (guint i = 0; i < annotations->len; i++)
      {
        DossierAnnotation *a = annotations->pdata[i];
        const char *author = dossier_annotation_get_author (a);

        if (dossier_annotation_get_uuid (a) == NULL ||
            g_hash_table_contains (team->known_notes, dossier_annotation_get_uuid (a)) ||
            author == NULL || g_strcmp0 (author, team->link->member) == 0)
          continue;
        n_new++;
        if (!g_ptr_array_find_with_equal_func (authors, author, g_str_equal, NULL))
          g_ptr_array_add (authors, (gpointer) author);
      }
  if (n_new > 0)
    {
      g_free (team->last_live);
      if (authors->len == 1)
        /* TRANSLATORS: another member's new notes appeared in the open article: "ben added a note" */
        team->last_live = g_strdup_printf (g_dngettext (NULL, "%s added a note", "%s added %u notes", n_new),
                                           (const char *) authors->pdata[0], n_new);
      else
        team->last_live = g_strdup_printf (g_dngettext (NULL, "%u new note from the team", "%u new notes from the team",
                                                        n_new), n_new);
      _dossier_window_toast (self, team->last_live);
    }
  team->known_article = article;
  g_hash_table_remove_all (team->known_notes);
  for (guint i = 0; i < annotations->len; i++)
    if (dossier_annotation_get_uuid (annotations->pdata[i]) != NULL)
      g_hash_table_add (team->known_notes, g_strdup (dossier_annotation_get_uuid (annotations->pdata[i])));
}

/* --- actions --- */

static void
on_shared_cb (DossierShareDialog *dialog,
              const char         *url,
              const char         *member,
              DossierWindow      *self)
{
  Team *team = get_team (self);

  /* the password is read back from the keyring, as at the next start */
  team->password_read = FALSE;
  stop_watch (team);
  _dossier_window_toast (self, _("The library is shared with the team"));
  read_link (team);
}

static void
share_library_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *dialog = dossier_share_dialog_new (GTK_WINDOW (self), self->library);

  g_signal_connect_object (dialog, "shared", G_CALLBACK (on_shared_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_password_cleared_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!dossier_team_password_clear_finish (result, &error))
    g_debug ("could not forget the team password: %s", error->message);
}

static void
on_left_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_team_leave_finish (DOSSIER_LIBRARY (source), result, &error))
    {
      _dossier_window_toast_error (self, error, _("Could not leave the team: %s"), error->message);
      return;
    }
  _dossier_window_toast (self, _("Left the team. Everything stays in this library."));
}

static void
leave_now (DossierWindow *self)
{
  Team *team = get_team (self);

  if (team->link == NULL)
    return;
  stop_watch (team);
  g_clear_handle_id (&team->retry_id, g_source_remove);
  dossier_team_password_clear_async (team->link->server, team->link->member, NULL,
                                     on_password_cleared_cb, NULL);
  dossier_team_password_free (team->password);
  team->password = NULL;
  team->password_read = FALSE;
  if (g_strcmp0 (_dossier_window_get_page (self), "conflicts") == 0)
    dossier_window_open_article (self, 0);
  dossier_team_leave_async (self->library, self->cancellable, on_left_cb, g_object_ref (self));
}

static void
on_leave_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      DossierWindow    *self)
{
  if (g_str_equal (response, "leave"))
    leave_now (self);
}

static void
leave_team_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  Team *team = get_team (self);
  g_autofree char *where = NULL;
  GtkWidget *dialog;

  if (team->link == NULL)
    return;
  where = describe_server (team->link);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Leave the Team?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("This library stops syncing with %s. Everything in it stays on this computer; "
                                    "changes not yet sent are not sent."),
                                  where);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "leave", _("_Leave Team"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "leave", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
team_sync_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  Team *team = get_team (DOSSIER_WINDOW (widget));

  if (team->watch != NULL)
    dossier_team_watch_sync (team->watch);
}

static void
show_conflicts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  show_conflicts (DOSSIER_WINDOW (widget));
}

void
_dossier_window_team_class_init (DossierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.share-library", NULL, share_library_action);
  gtk_widget_class_install_action (widget_class, "win.leave-team", NULL, leave_team_action);
  gtk_widget_class_install_action (widget_class, "win.team-sync", NULL, team_sync_action);
  gtk_widget_class_install_action (widget_class, "win.show-conflicts", NULL, show_conflicts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.team-sync", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.show-conflicts", NULL);
}

void
_dossier_window_team_setup (DossierWindow *self)
{
  Team *team = g_new0 (Team, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  team->window = self;
  team->cancellable = g_cancellable_new ();
  team->button = gtk_button_new ();
  team->spinner = gtk_spinner_new ();
  team->icon = gtk_image_new ();
  team->label = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (box), team->spinner);
  gtk_box_append (GTK_BOX (box), team->icon);
  gtk_box_append (GTK_BOX (box), team->label);
  gtk_button_set_child (GTK_BUTTON (team->button), box);
  gtk_widget_add_css_class (team->button, "flat");
  gtk_widget_add_css_class (team->button, "team-status");
  gtk_widget_set_visible (team->button, FALSE);
  g_signal_connect (team->button, "clicked", G_CALLBACK (on_status_clicked_cb), self);
  adw_header_bar_pack_start (self->list_header, team->button);

  team->conflicts_view = dossier_conflicts_view_new (self->library);
  _dossier_window_add_page (self, "conflicts", team->conflicts_view);

  g_object_set_data_full (G_OBJECT (self), TEAM_KEY, team, (GDestroyNotify) team_free);
  team->library = g_object_ref (self->library);
  g_signal_connect (team->library, "changed", G_CALLBACK (on_library_changed_cb), team);
  g_signal_connect_swapped (self, "destroy", G_CALLBACK (close_team), team);
  team->known_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  team->percents = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (self->notes, "notify::annotations", G_CALLBACK (on_notes_changed_cb), team);
  g_settings_bind (self->settings, "notes-author", self->notes_view, "author-filter", G_SETTINGS_BIND_DEFAULT);
  update_status (team);
  read_link (team);
}

const char *
_dossier_window_team_get_state (DossierWindow *self)
{
  Team *team = get_team (self);

  return team != NULL ? team->state : NULL;
}

const char *
_dossier_window_team_get_status_text (DossierWindow *self)
{
  Team *team = get_team (self);

  return team != NULL && team->link != NULL ? gtk_label_get_text (GTK_LABEL (team->label)) : NULL;
}

const char *
_dossier_window_team_get_last_live (DossierWindow *self)
{
  Team *team = get_team (self);

  return team != NULL ? team->last_live : NULL;
}

GArray *
_dossier_window_team_get_percents (DossierWindow *self)
{
  Team *team = get_team (self);

  return team != NULL ? team->percents : NULL;
}

guint
_dossier_window_team_get_n_details (DossierWindow *self)
{
  Team *team = get_team (self);

  return team != NULL ? team->n_details : 0;
}

GtkWidget *
_dossier_window_team_get_conflicts_view (DossierWindow *self)
{
  Team *team = get_team (self);

  return team != NULL ? team->conflicts_view : NULL;
}
