/* dossier-search-index.h — the search index rebuilt in the background
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A library whose index was made by another version of the tokenizer (an
 * upgrade, a new stemmer) opens at once with its articles' index empty
 * and every article waiting to be indexed again; batches of them are
 * indexed one after another, each saved on its own, so a rebuild stopped
 * half-way goes on at the next start.  Meanwhile a search finds the
 * articles indexed so far.  DossierSearchIndex does the batches in the
 * background for a window and reports its progress; the command line
 * finishes the rebuild before its command with
 * dossier_search_index_rebuild_sync().
 */
#pragma once

#include "dossier-library.h"

G_BEGIN_DECLS

/* How many articles wait to be indexed again (0: none), and in @total,
 * if not NULL, how many articles there are; -1 with @error set */
gint64        dossier_search_index_remaining_sync (DossierLibrary  *library,
                                                   gint64          *total,
                                                   GError         **error);

typedef void (*DossierSearchIndexProgress) (gint64   done,
                                            gint64   total,
                                            gpointer user_data);

/* Indexes every waiting article, in batches of @batch (0: the default),
 * calling @progress (may be NULL) after each batch.  FALSE with @error
 * set on failure; what was indexed stays. */
gboolean      dossier_search_index_rebuild_sync   (DossierLibrary              *library,
                                                   guint                        batch,
                                                   DossierSearchIndexProgress   progress,
                                                   gpointer                     user_data,
                                                   GCancellable                *cancellable,
                                                   GError                     **error);

/* How many b-trees (segments) the articles' index is made of; -1 with
 * @error set */
gint64        dossier_search_index_segments_sync  (DossierLibrary  *library,
                                                   GError         **error);
/* When the index is made of more segments than a few (after a big
 * import, or as older versions left it), merges them into one, slice
 * after slice, each saved on its own: stopped half-way, nothing is lost
 * and the next merge goes on.  The _sync form waits for it (the command
 * line); the other runs in the background, the library's other calls
 * going between the slices, and once at a time (asked again meanwhile,
 * it counts the segments again at the end). */
gboolean      dossier_search_index_merge_sync     (DossierLibrary  *library,
                                                   GCancellable    *cancellable,
                                                   GError         **error);
void          dossier_search_index_merge_in_background (DossierLibrary *library);
/* TRUE while that background merge runs; the slices it has run so far
 * and the longest of them (either may be NULL) */
gboolean      dossier_search_index_get_merging    (DossierLibrary  *library,
                                                   guint           *slices,
                                                   double          *longest_slice_ms);

#define DOSSIER_TYPE_SEARCH_INDEX (dossier_search_index_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchIndex, dossier_search_index, DOSSIER, SEARCH_INDEX, GObject)

/* Starts indexing what waits (if anything) at once, a batch at a time,
 * the library's other calls going between the batches; the library
 * emits ::changed after each batch, as its search finds more.  With
 * nothing to index, it merges the index's segments in the background if
 * there are many (dossier_search_index_merge_in_background()). */
DossierSearchIndex *dossier_search_index_new          (DossierLibrary     *library);
gboolean            dossier_search_index_get_running  (DossierSearchIndex *self);
/* 0..1 while running */
double              dossier_search_index_get_progress (DossierSearchIndex *self);

G_END_DECLS
