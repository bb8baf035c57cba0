/* dossier-window-stories.c — the Stories section and a story's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-window-private.h"
#include "dossier-stories-view.h"
#include "dossier-story-page.h"
#include "dossier-exporter.h"

/* the list is read when the section shows, and again when it changed */
static gboolean
section_shown (DossierWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->sections), "stories") == 0;
}

static void
refresh (DossierWindow *self)
{
  if (section_shown (self))
    {
      self->stories_stale = FALSE;
      dossier_stories_view_reload (DOSSIER_STORIES_VIEW (self->stories_view));
    }
  else
    self->stories_stale = TRUE;
}

/* The list is read once in the background after the window's start, so
 * that the section's first opening shows it at once: reading 9,000
 * stories takes 50-100 ms of processor time, a few times that on a busy
 * machine.  Later, a change of the library reads it again when the
 * section shows (its rows kept until then). */
#define PREFETCH_DELAY_MS 1000

static gboolean
prefetch_cb (gpointer data)
{
  g_autoptr(DossierWindow) self = g_weak_ref_get (data);

  if (self != NULL && self->stories_view != NULL && self->stories_stale && !section_shown (self))
    {
      self->stories_stale = FALSE;
      dossier_stories_view_reload (DOSSIER_STORIES_VIEW (self->stories_view));
    }
  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* the first frame's update: the list is read a while after it is drawn,
 * when the window's own start (the list, the timeline) has gone by */
static gboolean
first_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, widget);
  g_timeout_add_full (G_PRIORITY_LOW, PREFETCH_DELAY_MS, prefetch_cb, ref, weak_ref_free);
  return G_SOURCE_REMOVE;
}

static void
on_section_changed_cb (DossierWindow *self)
{
  if (section_shown (self) && self->stories_stale)
    refresh (self);
}

static void
title_page (DossierWindow *self)
{
  const DossierStory *story = dossier_story_page_get_story (DOSSIER_STORY_PAGE (self->story_page));
  g_autofree char *subtitle = NULL;

  if (g_strcmp0 (_dossier_window_get_page (self), "story") != 0 || story == NULL)
    return;
  subtitle = g_strdup_printf (g_dngettext (NULL, "%u article", "%u articles", story->articles->len),
                              story->articles->len);
  /* the page shows already: only its title changes (showing it again
   * would stop an article being opened from it) */
  adw_window_title_set_title (self->content_title, story->title);
  adw_window_title_set_subtitle (self->content_title, subtitle);
}

void
_dossier_window_stories_show_story (DossierWindow *self,
                                    gint64         story_id)
{
  const DossierStory *known = dossier_stories_view_find (DOSSIER_STORIES_VIEW (self->stories_view), story_id);

  dossier_story_page_set_story (DOSSIER_STORY_PAGE (self->story_page), self->library, story_id);
  _dossier_window_show_page (self, "story", known != NULL ? known->title : _("Story"), NULL);
}

static void
on_story_activated_cb (DossierWindow *self,
                       gint64         story_id)
{
  _dossier_window_stories_show_story (self, story_id);
}

static void
on_article_activated_cb (DossierWindow *self,
                         gint64         id)
{
  dossier_window_open_article (self, id);
  _dossier_window_select_when_listed (self, id);
}

static void
on_failed_cb (DossierWindow *self,
              const char    *message)
{
  _dossier_window_toast (self, message);
}

static gboolean
corrected_done_cb (gpointer data)
{
  g_autoptr(DossierWindow) self = g_weak_ref_get (data);

  if (self != NULL)
    self->stories_corrected = FALSE;
  return G_SOURCE_REMOVE;
}

/* Only the stories @ids are read again, in place, the rows around them
 * (their scroll position) kept; a list to be read anyway reads them too. */
static void
reload_touched (DossierWindow *self,
                const gint64  *ids,
                guint          n_ids)
{
  if (self->stories_stale)
    {
      if (section_shown (self))
        refresh (self);
      return;
    }
  if (n_ids > 0)
    dossier_stories_view_reload_some (DOSSIER_STORIES_VIEW (self->stories_view), ids, n_ids);
}

/* A change of the library: articles added change no story until the
 * grouping that follows runs (on_stories_updated_cb); notes, tags and
 * the like none at all; a delete, the story its article was in.  Any
 * other change reads the whole list again. */
static void
on_library_changed_cb (DossierWindow              *self,
                       const DossierLibraryChange *change)
{
  if (self->stories_corrected)
    {
      self->stories_corrected = FALSE;
      return;
    }
  switch (change->kind)
    {
    case DOSSIER_LIBRARY_CHANGE_ADDED:
    case DOSSIER_LIBRARY_CHANGE_NO_STORIES:
      break;
    case DOSSIER_LIBRARY_CHANGE_STORIES:
      reload_touched (self, change->stories, change->n_stories);
      break;
    case DOSSIER_LIBRARY_CHANGE_OTHER:
    default:
      refresh (self);
      break;
    }
}

/* A correction changed two stories (or made one): only they are read
 * again, in place; the library's ::changed that follows it is not read
 * as another change. */
void
_dossier_window_stories_corrected (DossierWindow *self,
                                   GArray        *touched)
{
  GWeakRef *ref;

  if (self->stories_stale)
    {
      refresh (self);
      return;
    }
  dossier_stories_view_reload_some (DOSSIER_STORIES_VIEW (self->stories_view),
                                    (const gint64 *) touched->data, touched->len);
  self->stories_corrected = TRUE;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  g_idle_add_full (G_PRIORITY_DEFAULT, corrected_done_cb, ref, weak_ref_free);
}

/* a run of the grouping that found nothing waiting (after any change of
 * the library, a correction too) changed no story; one that grouped new
 * articles tells the stories it made, changed or emptied */
static void
on_stories_updated_cb (DossierWindow *self)
{
  const GArray *touched = dossier_stories_get_touched (self->stories);

  if (!dossier_stories_get_grouped (self->stories))
    return;
  if (touched == NULL)
    refresh (self);
  else
    reload_touched (self, (const gint64 *) touched->data, touched->len);
}

static void
on_corrected_cb (DossierWindow *self)
{
  _dossier_window_toast (self, _("Story corrected"));
  _dossier_window_stories_corrected (self,
                                     dossier_story_page_get_touched (DOSSIER_STORY_PAGE (self->story_page)));
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!dossier_export_story_finish (DOSSIER_LIBRARY (source), result, &error))
    {
      /* TRANSLATORS: the reason the story could not be exported */
      _dossier_window_toast_error (self, error, _("Could not export the story: %s"), error->message);
      return;
    }
  _dossier_window_toast (self, _("Story exported"));
}

void
_dossier_window_stories_export (DossierWindow *self,
                                GFile         *dest)
{
  const DossierStory *story = dossier_story_page_get_story (DOSSIER_STORY_PAGE (self->story_page));
  g_autofree char *name = g_file_get_basename (dest);
  g_autofree char *span = NULL;
  DossierExportFormat format = DOSSIER_EXPORT_HTML;

  if (story == NULL)
    return;
  if (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".markdown"))
    format = DOSSIER_EXPORT_MARKDOWN;
  span = dossier_story_describe_span (story);
  dossier_export_story_async (self->library, story->id, format, span, dest, self->cancellable,
                              on_exported_cb, g_object_ref (self));
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       DossierWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) dest = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (dest != NULL)
        _dossier_window_stories_export (self, dest);
    }
  g_object_unref (dialog);
}

static void
on_export_cb (DossierWindow *self)
{
  const DossierStory *story = dossier_story_page_get_story (DOSSIER_STORY_PAGE (self->story_page));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) html = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();
  g_autofree char *safe = NULL;
  g_autofree char *name = NULL;

  if (story == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export Story"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (html, _("Printable page (HTML)"));
  gtk_file_filter_add_suffix (html, "html");
  gtk_file_filter_set_name (markdown, _("Markdown"));
  gtk_file_filter_add_suffix (markdown, "md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), html);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), markdown);
  safe = dossier_export_safe_file_name (story->title);
  name = g_strconcat (safe, ".html", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_grouping_cb (DossierWindow *self)
{
  dossier_stories_view_set_grouping (DOSSIER_STORIES_VIEW (self->stories_view),
                                     dossier_stories_get_running (self->stories),
                                     dossier_stories_get_progress (self->stories));
}

void
_dossier_window_stories_setup (DossierWindow *self)
{
  self->stories_stale = TRUE;
  self->stories_view = dossier_stories_view_new ();
  dossier_stories_view_set_library (DOSSIER_STORIES_VIEW (self->stories_view), self->library);
  _dossier_window_add_section (self, "stories", _("Stories"), "emblem-documents-symbolic", self->stories_view);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stories_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stories: articles about the same event, grouped"), -1);
  self->story_page = dossier_story_page_new ();
  dossier_story_page_set_stories (DOSSIER_STORY_PAGE (self->story_page),
                                  dossier_stories_view_get_model (DOSSIER_STORIES_VIEW (self->stories_view)));
  _dossier_window_add_page (self, "story", self->story_page);

  g_signal_connect_swapped (self->stories_view, "story-activated", G_CALLBACK (on_story_activated_cb), self);
  g_signal_connect_swapped (self->story_page, "article-activated", G_CALLBACK (on_article_activated_cb), self);
  g_signal_connect_swapped (self->story_page, "loaded", G_CALLBACK (title_page), self);
  g_signal_connect_swapped (self->story_page, "export", G_CALLBACK (on_export_cb), self);
  g_signal_connect_swapped (self->story_page, "failed", G_CALLBACK (on_failed_cb), self);
  g_signal_connect_swapped (self->story_page, "changed", G_CALLBACK (on_corrected_cb), self);
  g_signal_connect_swapped (self->sections, "notify::visible-child-name", G_CALLBACK (on_section_changed_cb), self);
  g_signal_connect_object (self->stories, "updated", G_CALLBACK (on_stories_updated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stories, "notify::running", G_CALLBACK (on_grouping_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stories, "notify::progress", G_CALLBACK (on_grouping_cb), self, G_CONNECT_SWAPPED);
  on_grouping_cb (self);
  g_signal_connect_object (self->library, "changed-in-detail", G_CALLBACK (on_library_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), first_tick_cb, NULL, NULL);
}
