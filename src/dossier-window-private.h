/* dossier-window-private.h — what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-window.h"
#include "dossier-article-list.h"
#include "dossier-reader-view.h"
#include "dossier-search.h"
#include "dossier-article-notes.h"
#include "dossier-stories.h"

G_BEGIN_DECLS

struct _DossierWindow
{
  AdwApplicationWindow  parent_instance;

  DossierLibrary       *library;
  DossierArticleList   *articles;
  GSettings            *settings;
  GCancellable         *cancellable;       /* cancelled when the window closes */
  GCancellable         *open_cancellable;  /* the article being opened */
  DossierArticle       *article;           /* open in the reader, with body */
  DossierSearch        *search;            /* what the list shows */
  DossierArticleNotes  *notes;             /* the open article's notes */
  DossierStories       *stories;           /* keeps copies and stories current */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *list_title;
  GtkWidget            *list_pane;
  AdwViewStack         *sections;          /* Articles, and the sections beside it */
  AdwViewSwitcherBar   *section_bar;
  GtkWidget            *search_bar;
  GtkStack             *list_stack;
  GtkListView          *article_list;
  GtkLabel             *count_label;
  GtkWidget            *import_bar;
  AdwWindowTitle       *content_title;
  GtkPaned             *content_paned;
  AdwFlap              *notes_flap;
  GtkStack             *reader_stack;
  DossierReaderView    *reader;

  /* made in code */
  GtkWidget            *notes_view;          /* DossierNotesPane, the notes flap's */
  GtkWidget            *annotation_popover;  /* a ref; parented to the reader */
  GtkWidget            *timeline;            /* DossierTimeline, below the reader */
  GtkWidget            *similar;             /* DossierSimilarList, below the text */
  guint                 feeds_timer;         /* the periodic refresh, when on */
  GtkWidget            *stories_view;        /* DossierStoriesView, the Stories section */
  GtkWidget            *story_page;          /* DossierStoryPage, the page "story" */
  gboolean              stories_stale;       /* to read again when the section shows */
  gboolean              stories_corrected;   /* the library's next ::changed is a correction's, read already */
  GtkWidget            *compare_view;        /* DossierCompareView, the page "compare" */
  GCancellable         *compare_cancellable; /* the two versions being read */
  GtkWidget            *tags_button;         /* the reader's Article Tags */
  GtkWidget            *tags_list;           /* its popover's tags */
  GtkWidget            *tags_entry;          /* and the entry that adds one */
  AdwHeaderBar         *list_header;         /* the list pane's (the team's sync status) */
};

void _dossier_window_toast          (DossierWindow *self,
                                     const char    *message);
/* A failed call's error as a toast, but nothing for a cancelled call.
 * @format: a printf format, usually with the error's message as an
 * argument ("%s", error->message). */
void _dossier_window_toast_error    (DossierWindow *self,
                                     const GError  *error,
                                     const char    *format,
                                     ...) G_GNUC_PRINTF (3, 4);
void _dossier_window_update_actions (DossierWindow *self);
/* the list's selection, which opens what it selects */
GtkSingleSelection *_dossier_window_get_selection (DossierWindow *self);
/* selects @id in the list as soon as the list shows it */
void _dossier_window_select_when_listed (DossierWindow *self,
                                         gint64         id);
/* on a folded window, slides to the list or to the reader */
void _dossier_window_show_list      (DossierWindow *self);
void _dossier_window_show_content   (DossierWindow *self);
void _dossier_window_reload_annotations (DossierWindow *self);

/* Sections of the list's pane, beside Articles, chosen with the switcher
 * at its foot (shown once there is more than one).  Returns the page,
 * owned by the stack, for a badge or an attention mark. */
AdwViewStackPage *_dossier_window_add_section (DossierWindow *self,
                                               const char    *name,
                                               const char    *title,
                                               const char    *icon_name,
                                               GtkWidget     *child);
/* Pages shown in the content pane in place of the reader (a person, a
 * story, two versions side by side), above the timeline.  Opening an
 * article brings the reader back. */
void        _dossier_window_add_page  (DossierWindow *self,
                                       const char    *name,
                                       GtkWidget     *page);
void        _dossier_window_show_page (DossierWindow *self,
                                       const char    *name,
                                       const char    *title,
                                       const char    *subtitle);
/* the name of the page shown in place of the reader, or NULL */
const char *_dossier_window_get_page  (DossierWindow *self);

/* dossier-window-timeline.c */
void _dossier_window_timeline_setup       (DossierWindow *self);
void _dossier_window_timeline_reload      (DossierWindow *self);
void _dossier_window_timeline_select      (DossierWindow *self,
                                           gint64         id);
/* shades the search's range, or none */
void _dossier_window_timeline_show_range  (DossierWindow *self);

/* dossier-window-notes.c */
void _dossier_window_notes_class_init (DossierWindowClass *klass);
/* dossier-window-feeds.c */
void _dossier_window_feeds_class_init (DossierWindowClass *klass);
void _dossier_window_feeds_setup      (DossierWindow      *self);
/* dossier-window-reading.c: read state and the article's own tags */
void _dossier_window_reading_class_init (DossierWindowClass *klass);
void _dossier_window_reading_setup      (DossierWindow      *self);
/* an article was opened in the reader (self->article): it is read now */
void _dossier_window_reading_opened     (DossierWindow      *self);
/* dossier-window-apps.c: Import from Another App… */
void     _dossier_window_apps_class_init  (DossierWindowClass *klass);
/* Asks to import @file as another app's export; with @only_if_detected,
 * only when its contents look like one (FALSE: not offered). */
gboolean _dossier_window_offer_app_import (DossierWindow      *self,
                                           GFile              *file,
                                           gboolean            only_if_detected);
void _dossier_window_notes_setup      (DossierWindow      *self);
/* the open article's annotations changed (self->notes) */
void _dossier_window_notes_update     (DossierWindow      *self);

/* dossier-window-compare.c: two versions side by side, from Versions */
void _dossier_window_compare_setup      (DossierWindow *self);
/* compares the open article with @other_id on the page "compare" */
void _dossier_window_compare_show       (DossierWindow *self,
                                         gint64         other_id);

/* dossier-window-stories.c: the Stories section and a story's page */
void _dossier_window_stories_setup      (DossierWindow *self);
/* after a correction: reads again the stories of @touched (gint64 ids) */
void _dossier_window_stories_corrected  (DossierWindow *self,
                                         GArray        *touched);
void _dossier_window_search_index_setup (DossierWindow *self);
void _dossier_window_stories_show_story (DossierWindow *self,
                                         gint64         story_id);
/* the story shown as a printable dossier into @dest: Markdown for a name
 * ending in .md, else HTML (Export… asks for @dest) */
void _dossier_window_stories_export     (DossierWindow *self,
                                         GFile         *dest);

/* dossier-window-team.c: Share Library…, Leave Team…, the sync status
 * and the Conflicts page */
void        _dossier_window_team_class_init (DossierWindowClass *klass);
void        _dossier_window_team_setup      (DossierWindow      *self);
/* what the header shows: "connecting", "syncing", "synced", "offline",
 * "conflicts", or NULL for a library of one's own; and its words */
const char *_dossier_window_team_get_state       (DossierWindow *self);
const char *_dossier_window_team_get_status_text (DossierWindow *self);
GtkWidget  *_dossier_window_team_get_conflicts_view (DossierWindow *self);
/* the last toast about another member's new note in the open article */
const char *_dossier_window_team_get_last_live (DossierWindow *self);
/* how often another member's change to the open article's details was
 * shown while it was open */
guint       _dossier_window_team_get_n_details (DossierWindow *self);
/* every sync progress the header showed, in percent (guint), in order */
GArray     *_dossier_window_team_get_percents  (DossierWindow *self);
/* dossier-window-dates.c */
void _dossier_window_dates_class_init (DossierWindowClass *klass);
void _dossier_window_dates_setup      (DossierWindow      *self);
/* shows the open article's suggestion in the reader, if it has one */
void _dossier_window_dates_update     (DossierWindow      *self);

/* dossier-window-people.c */
void _dossier_window_people_class_init (DossierWindowClass *klass);
void _dossier_window_people_setup     (DossierWindow      *self);
/* saves the quotes of the listed articles to @file (NULL: asks where) */
void _dossier_window_export_search_quotes (DossierWindow *self,
                                           GFile         *file);
/* saves all the quotes of the person's page shown to @file (NULL: asks
 * where, as @format "markdown" or "csv") */
void _dossier_window_export_person_quotes (DossierWindow *self,
                                           const char    *format,
                                           GFile         *file);
/* opens @article in the reader with [@start, @end) of its body marked */
void _dossier_window_open_passage     (DossierWindow      *self,
                                       gint64              article,
                                       int                 start,
                                       int                 end);
/* the reader shows self->article: marks a passage waiting for it */
void _dossier_window_people_article_loaded (DossierWindow *self);

G_END_DECLS
