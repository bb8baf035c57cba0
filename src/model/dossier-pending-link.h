/* dossier-pending-link.h — a link kept to be fetched later: an entry of
 * another app's export that came without the article's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A highlight waiting for its article's text. */
typedef struct
{
  char   *quote;
  char   *note;       /* NULL: none */
  gint64  created;    /* µs since the epoch, 0: unknown */
} DossierPendingHighlight;

/* A plain struct: read and write the fields directly; strings owned. */
typedef struct
{
  gint64      id;
  char       *url;
  char       *title;      /* NULL: none known */
  char       *kind;       /* the app it came from: "pocket", "instapaper", … */
  char       *source_id;  /* the app's id for it */
  char      **tags;       /* never NULL; "starred" among them when starred */
  gint64      saved_at;   /* µs since the epoch, 0: unknown */
  gboolean    read;
  GPtrArray  *highlights; /* (element-type DossierPendingHighlight) */
  gint64      added;      /* when it was kept, µs */
} DossierPendingLink;

#define DOSSIER_TYPE_PENDING_LINK (dossier_pending_link_get_type ())

GType               dossier_pending_link_get_type      (void) G_GNUC_CONST;
DossierPendingLink *dossier_pending_link_new           (void);
DossierPendingLink *dossier_pending_link_copy          (const DossierPendingLink *link);
void                dossier_pending_link_free          (DossierPendingLink       *link);
void                dossier_pending_link_add_highlight (DossierPendingLink       *link,
                                                        const char               *quote,
                                                        const char               *note,
                                                        gint64                    created);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierPendingLink, dossier_pending_link_free)

G_END_DECLS
