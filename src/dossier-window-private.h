/* dossier-window-private.h — what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-window.h"
#include "dossier-article-list.h"
#include "dossier-reader-view.h"
#include "dossier-search.h"

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
  DossierArticle       *article;           /* open in the reader, with body */
  GPtrArray            *annotations;       /* of the open article */
  DossierSearch        *search;            /* what the list shows */
  gint64                pending_open;      /* open when the list shows it */
  char                 *pending_annotation;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  AdwWindowTitle       *list_title;
  GtkWidget            *search_bar;
  GtkStack             *list_stack;
  GtkListView          *article_list;
  AdwStatusPage        *no_results_page;
  GtkLabel             *count_label;
  GtkWidget            *import_bar;
  GtkWidget            *content_pane;
  AdwWindowTitle       *content_title;
  GtkWidget            *back_button;
  GtkPaned             *content_paned;
  AdwFlap              *notes_flap;
  GtkStack             *reader_stack;
  DossierReaderView    *reader;
  GtkWidget            *notes_pane;
  GtkWidget            *timeline_box;

  /* the notes */
  GtkWidget            *notes_view;          /* DossierNotesPane, in notes_pane */
  GtkWidget            *annotation_popover;  /* a ref; parented to the reader */
  GtkWidget            *all_notes_window;    /* weak */
  struct _DossierUndo  *notes_undo;
  char                 *notes_color;         /* the colour last chosen */
  int                   notes_start;         /* the selection a new note is for */
  int                   notes_end;

  /* the timeline */
  GtkWidget            *timeline;
  guint                 timeline_n_points;
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
void _dossier_window_reload_annotations (DossierWindow *self);

/* dossier-window-timeline.c */
void _dossier_window_timeline_setup       (DossierWindow *self);
void _dossier_window_timeline_reload      (DossierWindow *self);
void _dossier_window_timeline_select      (DossierWindow *self,
                                           gint64         id);
/* shades the search's range, or none */
void _dossier_window_timeline_show_range  (DossierWindow *self);

/* dossier-window-notes.c */
void _dossier_window_notes_class_init (DossierWindowClass *klass);
void _dossier_window_notes_setup      (DossierWindow      *self);
/* the open article's annotations changed (self->annotations) */
void _dossier_window_notes_update     (DossierWindow      *self);

G_END_DECLS
