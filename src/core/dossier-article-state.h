/* dossier-article-state.h — an article's read state and its own tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An article is unread until it is opened in the reader; its tags are
 * its own, beside the tags on its notes (feed categories arrive as these).
 * Changes emit the library's ::changed when made asynchronously.
 */
#pragma once

#include "dossier-library.h"

G_BEGIN_DECLS

gboolean   dossier_article_state_set_read_sync    (DossierLibrary       *library,
                                                   gint64                id,
                                                   gboolean              read,
                                                   GError              **error);
void       dossier_article_state_set_read_async   (DossierLibrary       *library,
                                                   gint64                id,
                                                   gboolean              read,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean   dossier_article_state_set_read_finish  (DossierLibrary       *library,
                                                   GAsyncResult         *result,
                                                   GError              **error);
/* 1 read, 0 unread, -1 with @error set. */
int        dossier_article_state_get_read_sync    (DossierLibrary       *library,
                                                   gint64                id,
                                                   GError              **error);

/* Sorted; NULL with @error set. */
char     **dossier_article_state_get_tags_sync    (DossierLibrary       *library,
                                                   gint64                id,
                                                   GError              **error);
void       dossier_article_state_get_tags_async   (DossierLibrary       *library,
                                                   gint64                id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
char     **dossier_article_state_get_tags_finish  (DossierLibrary       *library,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* Adds @tag (@add) or removes it; a tag is trimmed, a leading '#' dropped,
 * and an empty one refused (G_IO_ERROR_INVALID_ARGUMENT). */
gboolean   dossier_article_state_tag_sync         (DossierLibrary       *library,
                                                   gint64                id,
                                                   const char           *tag,
                                                   gboolean              add,
                                                   GError              **error);
void       dossier_article_state_tag_async        (DossierLibrary       *library,
                                                   gint64                id,
                                                   const char           *tag,
                                                   gboolean              add,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean   dossier_article_state_tag_finish       (DossierLibrary       *library,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* The link the user gave for an article added by link (NULL: none, or
 * NULL with @error set). */
char      *dossier_library_get_given_link         (DossierLibrary       *library,
                                                   gint64                article_id,
                                                   GError              **error);

G_END_DECLS
