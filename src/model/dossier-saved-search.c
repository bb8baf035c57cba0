/* dossier-saved-search.c — a search kept by name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-saved-search"

#include "config.h"

#include "dossier-saved-search.h"

void
dossier_saved_search_free (DossierSavedSearch *search)
{
  if (search == NULL)
    return;
  g_free (search->name);
  g_free (search->query);
  g_free (search);
}
