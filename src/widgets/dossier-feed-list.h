/* dossier-feed-list.h — the feeds followed, for the window's Feeds section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_FEED_LIST (dossier_feed_list_get_type ())
G_DECLARE_FINAL_TYPE (DossierFeedList, dossier_feed_list, DOSSIER, FEED_LIST, GtkWidget)

/* Lists @library's feeds, again whenever the library changes.
 * ::feed-activated (gint64 id, const char *title): a feed was chosen.
 * The "n-unread" property: the unread articles of all feeds. */
GtkWidget  *dossier_feed_list_new         (DossierLibrary  *library);
guint       dossier_feed_list_get_n_unread (DossierFeedList *self);
guint       dossier_feed_list_get_n_feeds  (DossierFeedList *self);
/* Reads the feeds again. */
void        dossier_feed_list_reload       (DossierFeedList *self);

G_END_DECLS
