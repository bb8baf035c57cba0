/* dossier-window-private.h — what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-window.h"
#include "dossier-article-list.h"
#include "dossier-reader-view.h"

G_BEGIN_DECLS

struct _DossierWindow
{
  AdwApplicationWindow  parent_instance;

  DossierLibrary       *library;
  DossierArticleList   *articles;
  GtkSingleSelection   *selection;
  GSettings            *settings;
  GCancellable         *cancellable;       /* cancelled when the window closes */
  GCancellable         *open_cancellable;  /* the article being opened */
  GCancellable         *import_cancellable;
  DossierArticle       *article;           /* open in the reader, with body */
  GPtrArray            *annotations;       /* of the open article */
  gint64                range_from;        /* julian day range from the timeline, -1 */
  gint64                range_to;
  gint64                pending_open;      /* open when the list shows it */
  char                 *pending_annotation;
  GPtrArray            *import_failures;   /* DossierImportResult of the last import */
  guint                 import_ok;
  guint                 import_dup;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  AdwWindowTitle       *list_title;
  GtkSearchEntry       *search_entry;
  GtkRevealer          *hint_revealer;
  GtkLabel             *hint_label;
  GtkRevealer          *saved_revealer;
  GtkFlowBox           *saved_box;
  guint                 n_saved_searches;
  GtkRevealer          *chips_revealer;
  GtkFlowBox           *chips_box;
  GtkStack             *list_stack;
  GtkListView          *article_list;
  AdwStatusPage        *no_results_page;
  GtkLabel             *count_label;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GtkWidget            *content_pane;
  AdwWindowTitle       *content_title;
  GtkWidget            *back_button;
  GtkPaned             *content_paned;
  AdwFlap              *notes_flap;
  GtkStack             *reader_stack;
  DossierReaderView    *reader;
  GtkWidget            *notes_pane;
  GtkWidget            *timeline_box;

  /* --- notes (annotations helper: add fields below this line only) --- */
  GtkWidget            *notes_view;          /* DossierNotesPane, in notes_pane */
  GtkWidget            *annotation_popover;  /* a ref; parented to the reader */
  GtkWidget            *all_notes_window;    /* weak */
  struct _DossierUndo  *notes_undo;
  char                 *notes_color;         /* the colour last chosen */
  int                   notes_start;         /* the selection a new note is for */
  int                   notes_end;
  /* --- end of notes --- */

  /* --- filters (lead) --- */
  GtkWidget            *filter_button;
  GtkWidget            *filter_popover;
  char                 *filter_source;     /* NULL: any */
  char                 *filter_tag;
  gboolean              filter_has_notes;
  /* --- end of filters --- */

  /* --- timeline (lead) --- */
  GtkWidget            *timeline;
  guint                 timeline_n_points;
  /* --- end of timeline --- */
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
void _dossier_window_refresh_query  (DossierWindow *self);
void _dossier_window_reload_annotations (DossierWindow *self);

/* dossier-window-searches.c */
void _dossier_window_searches_class_init (DossierWindowClass *klass);
void _dossier_window_searches_setup      (DossierWindow      *self);
void _dossier_window_searches_update     (DossierWindow      *self);

/* dossier-window-filters.c */
void      _dossier_window_filters_class_init   (DossierWindowClass *klass);
void      _dossier_window_filters_setup        (DossierWindow      *self);
/* merges the filters into @query and shows them on the filter button */
void      _dossier_window_filters_apply        (DossierWindow      *self,
                                                DossierQuery       *query);
void      _dossier_window_filters_update_chips (DossierWindow      *self);
gboolean  _dossier_window_filters_active       (DossierWindow      *self);
void      _dossier_window_filters_clear        (DossierWindow      *self);
/* @typed with the filters written in the search grammar */
char     *_dossier_window_filters_to_text      (DossierWindow      *self,
                                                const char         *typed);

/* dossier-window-timeline.c */
void _dossier_window_timeline_setup       (DossierWindow *self);
void _dossier_window_timeline_reload      (DossierWindow *self);
void _dossier_window_timeline_select      (DossierWindow *self,
                                           gint64         id);
/* shades the window's range (range_from, range_to), or none */
void _dossier_window_timeline_show_range  (DossierWindow *self);

/* dossier-window-notes.c (annotations helper) */
void _dossier_window_notes_class_init (DossierWindowClass *klass);
void _dossier_window_notes_setup      (DossierWindow      *self);
/* the open article's annotations changed (self->annotations) */
void _dossier_window_notes_update     (DossierWindow      *self);

G_END_DECLS
