/* dossier-reader-view.h — the article, in readable typography
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "dossier-article.h"
#include "dossier-annotation.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_READER_VIEW (dossier_reader_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierReaderView, dossier_reader_view, DOSSIER, READER_VIEW, GtkWidget)

GtkWidget      *dossier_reader_view_new             (void);
DossierArticle *dossier_reader_view_get_article     (DossierReaderView *self);
/* @article must have its body loaded */
/* The same article with other details (title, source, date, byline):
 * the header follows, the text and where it is scrolled stay. */
void            dossier_reader_view_update_details  (DossierReaderView *self,
                                                     DossierArticle    *article);
void            dossier_reader_view_set_article     (DossierReaderView *self,
                                                     DossierArticle    *article);
/* (element-type DossierAnnotation): drawn as highlights */
void            dossier_reader_view_set_annotations (DossierReaderView *self,
                                                     GPtrArray         *annotations);
/* Applies font size (points), line width (characters) and typeface. */
void            dossier_reader_view_set_typography  (DossierReaderView *self,
                                                     int                font_size,
                                                     int                line_width,
                                                     gboolean           serif);
/* The selection in characters; FALSE when nothing is selected. */
gboolean        dossier_reader_view_get_selection   (DossierReaderView *self,
                                                     int               *start,
                                                     int               *end);
void            dossier_reader_view_scroll_to       (DossierReaderView *self,
                                                     int                start,
                                                     int                end,
                                                     gboolean           flash);
/* Marks the characters [@start, @end) of the body until another article
 * is set (or @start -1: none), and scrolls to them. */
void            dossier_reader_view_mark_passage    (DossierReaderView *self,
                                                     int                start,
                                                     int                end);
/* The marked passage; FALSE when none. */
gboolean        dossier_reader_view_get_passage     (DossierReaderView *self,
                                                     int               *start,
                                                     int               *end);
/* (element-type DossierPersonQuote): underlined, the speaker in a
 * tooltip, until another article is set; NULL: none. */
void            dossier_reader_view_set_quotes      (DossierReaderView *self,
                                                     GPtrArray         *quotes);
guint           dossier_reader_view_get_n_quotes    (DossierReaderView *self);
/* Whether a shown quote covers @offset; @speaker gets its speaker's
 * name, NULL when unattributed. */
gboolean        dossier_reader_view_get_quote_at    (DossierReaderView  *self,
                                                     int                 offset,
                                                     const char        **speaker);
GtkTextView    *dossier_reader_view_get_text_view   (DossierReaderView *self);
void            dossier_reader_view_show_find       (DossierReaderView *self);
/* find: how many matches of the current find text (for tests) */
guint           dossier_reader_view_get_n_matches   (DossierReaderView *self);
void            dossier_reader_view_find            (DossierReaderView *self,
                                                     const char        *text);
void            dossier_reader_view_find_next       (DossierReaderView *self,
                                                     gboolean           backwards);
/* The banner "Undated · suggested Fri 4 Jul 2014 · Why?" with Accept and
 * Dismiss (which emit ::accept-date and ::dismiss-date); @date NULL or
 * of precision UNKNOWN hides it.  Setting an article hides it too. */
void            dossier_reader_view_set_suggestion  (DossierReaderView  *self,
                                                     const DossierDate  *date,
                                                     double              confidence,
                                                     const char * const *evidence);
gboolean        dossier_reader_view_get_suggestion_shown (DossierReaderView *self);

/* A widget below the text (the article's versions and similar ones). */
void            dossier_reader_view_set_footer    (DossierReaderView *self,
                                                   GtkWidget         *footer);

G_END_DECLS
