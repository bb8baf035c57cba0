/* dossier-opml.h — lists of feeds in OPML, in and out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *url;      /* the feed's own link (xmlUrl), http or https */
  char *title;    /* its title or text, or NULL */
} DossierOpmlFeed;

void        dossier_opml_feed_free  (DossierOpmlFeed *feed);

/* The feeds of an OPML file, outlines nested in any depth, in document
 * order; an outline without an http(s) xmlUrl is skipped, and a link that
 * came before counts once.  Nothing is fetched and no entity expanded.
 * NULL with DOSSIER_IMPORT_ERROR_PARSE when @data is no OPML.
 * (element-type DossierOpmlFeed) */
GPtrArray  *dossier_opml_parse      (const char       *data,
                                     gsize             len,
                                     GError          **error);
/* An OPML 2.0 document of @feeds ((element-type DossierOpmlFeed)), dated
 * @created (µs since the epoch, UTC). */
char       *dossier_opml_write      (GPtrArray        *feeds,
                                     gint64            created);

G_END_DECLS
