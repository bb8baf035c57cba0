/* dossier-person-view.h — a person's page: their quotes in time order,
 * the people quoted beside them, and exporting the quotes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_PERSON_VIEW (dossier_person_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierPersonView, dossier_person_view, DOSSIER, PERSON_VIEW, GtkBox)

/* Signals: ::quote-activated (gint64 article, gint64 start, gint64 end),
 * ::person-activated (gint64 id, const char *name) for one quoted beside,
 * ::export (const char *format: "markdown" or "csv"). */
GtkWidget  *dossier_person_view_new        (DossierLibrary    *library);
/* Shows @id's quotes, read anew. */
void        dossier_person_view_set_person (DossierPersonView *self,
                                            gint64             id,
                                            const char        *name);
gint64      dossier_person_view_get_person (DossierPersonView *self);
const char *dossier_person_view_get_name   (DossierPersonView *self);
/* TRUE once the page shows the person set last */
gboolean    dossier_person_view_get_loaded (DossierPersonView *self);
/* (element-type DossierPersonQuote) (transfer none): the quotes of the
 * rows read so far (a page at a time, as the list scrolls), or NULL */
GPtrArray  *dossier_person_view_get_quotes (DossierPersonView *self);
/* (element-type gint64) (transfer none): the ids of all the person's
 * quotes in time order (for exporting them), or NULL before the page loads */
GArray     *dossier_person_view_get_quote_ids (DossierPersonView *self);
GtkListBox *dossier_person_view_get_list   (DossierPersonView *self);
/* the buttons of the people quoted beside */
GtkWidget  *dossier_person_view_get_beside (DossierPersonView *self);

G_END_DECLS
