/* dossier-saved-search.h — a search kept by name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *name;
  char   *query;   /* the text as typed in the search entry */
} DossierSavedSearch;

void dossier_saved_search_free (DossierSavedSearch *search);

G_END_DECLS
