/* dossier-feed-parse.h — RSS 2.0, RSS 1.0 and Atom feeds, and the feed a
 * page names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "dossier-date.h"

G_BEGIN_DECLS

typedef struct
{
  char         *guid;        /* the entry's id; its link when it has none */
  char         *link;        /* absolute, or NULL */
  char         *title;
  char         *author;
  char         *content;     /* HTML of the full text, or NULL */
  char         *summary;     /* HTML of the summary, or NULL */
  char        **categories;  /* never NULL */
  DossierDate   published;
} DossierFeedEntry;

typedef struct
{
  char       *title;
  char       *site_url;
  GPtrArray  *entries;       /* DossierFeedEntry, in the feed's order */
} DossierFeedDoc;

void            dossier_feed_entry_free     (DossierFeedEntry *entry);
void            dossier_feed_doc_free       (DossierFeedDoc   *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierFeedDoc, dossier_feed_doc_free)

/* Parses a feed (never fetches anything, never expands external
 * entities).  @base_url resolves relative links.  NULL with
 * DOSSIER_IMPORT_ERROR_PARSE when @data is no RSS or Atom feed. */
DossierFeedDoc *dossier_feed_parse          (const char       *data,
                                             gsize             len,
                                             const char       *base_url,
                                             GError          **error);
/* The feed an HTML page names with <link rel="alternate"
 * type="application/rss+xml|atom+xml" href=…>, made absolute against
 * @base_url; NULL when none. */
char           *dossier_feed_find_in_page   (const char       *html,
                                             gsize             len,
                                             const char       *base_url);
/* Whether the full text of @entry is in the feed: its content is there
 * and has at least a few paragraphs' worth of text. */
gboolean        dossier_feed_entry_is_full  (const DossierFeedEntry *entry);

G_END_DECLS
