/* dossier-pending-link.c — a link kept to be fetched later
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-pending-link.h"

G_DEFINE_BOXED_TYPE (DossierPendingLink, dossier_pending_link,
                     dossier_pending_link_copy, dossier_pending_link_free)

static void
highlight_free (gpointer p)
{
  DossierPendingHighlight *h = p;

  g_free (h->quote);
  g_free (h->note);
  g_free (h);
}

DossierPendingLink *
dossier_pending_link_new (void)
{
  DossierPendingLink *link = g_new0 (DossierPendingLink, 1);

  link->tags = g_new0 (char *, 1);
  link->highlights = g_ptr_array_new_with_free_func (highlight_free);
  return link;
}

void
dossier_pending_link_add_highlight (DossierPendingLink *link,
                                    const char         *quote,
                                    const char         *note,
                                    gint64              created)
{
  DossierPendingHighlight *h = g_new0 (DossierPendingHighlight, 1);

  h->quote = g_strdup (quote ? quote : "");
  h->note = g_strdup (note);
  h->created = created;
  g_ptr_array_add (link->highlights, h);
}

DossierPendingLink *
dossier_pending_link_copy (const DossierPendingLink *link)
{
  DossierPendingLink *copy = dossier_pending_link_new ();

  copy->id = link->id;
  copy->url = g_strdup (link->url);
  copy->title = g_strdup (link->title);
  copy->kind = g_strdup (link->kind);
  copy->source_id = g_strdup (link->source_id);
  g_strfreev (copy->tags);
  copy->tags = g_strdupv (link->tags);
  copy->saved_at = link->saved_at;
  copy->read = link->read;
  copy->added = link->added;
  for (guint i = 0; i < link->highlights->len; i++)
    {
      const DossierPendingHighlight *h = g_ptr_array_index (link->highlights, i);

      dossier_pending_link_add_highlight (copy, h->quote, h->note, h->created);
    }
  return copy;
}

void
dossier_pending_link_free (DossierPendingLink *link)
{
  if (link == NULL)
    return;
  g_free (link->url);
  g_free (link->title);
  g_free (link->kind);
  g_free (link->source_id);
  g_strfreev (link->tags);
  g_ptr_array_unref (link->highlights);
  g_free (link);
}
