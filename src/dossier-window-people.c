/* dossier-window-people.c — the People section, a person's page, and
 * opening a quote's passage in the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"
#include "dossier-people-view.h"
#include "dossier-person-view.h"

#define PASSAGE_KEY "dossier-pending-passage"

typedef struct
{
  gint64 article;
  int    start;
  int    end;
} Passage;

void
_dossier_window_open_passage (DossierWindow *self,
                              gint64         article,
                              int            start,
                              int            end)
{
  Passage *p = g_new0 (Passage, 1);

  p->article = article;
  p->start = start;
  p->end = end;
  g_object_set_data_full (G_OBJECT (self), PASSAGE_KEY, p, g_free);
  dossier_window_open_article (self, article);
}

void
_dossier_window_people_article_loaded (DossierWindow *self)
{
  Passage *p = g_object_get_data (G_OBJECT (self), PASSAGE_KEY);

  if (p == NULL || self->article == NULL)
    return;
  if (p->article == dossier_article_get_id (self->article))
    dossier_reader_view_mark_passage (self->reader, p->start, p->end);
  g_object_set_data (G_OBJECT (self), PASSAGE_KEY, NULL);
}

static void
show_person (DossierWindow *self,
             gint64         id,
             const char    *name)
{
  GtkWidget *page = g_object_get_data (G_OBJECT (self), "dossier-person-view");

  dossier_person_view_set_person (DOSSIER_PERSON_VIEW (page), id, name);
  _dossier_window_show_page (self, "person", name, _("Quotes"));
}

static void
on_person_activated_cb (GtkWidget     *view,
                        gint64         id,
                        const char    *name,
                        DossierWindow *self)
{
  show_person (self, id, name);
}

static void
on_quote_activated_cb (DossierPersonView *view,
                       gint64             article,
                       gint64             start,
                       gint64             end,
                       DossierWindow     *self)
{
  _dossier_window_open_passage (self, article, (int) start, (int) end);
}

void
_dossier_window_people_setup (DossierWindow *self)
{
  GtkWidget *people = dossier_people_view_new (self->library);
  GtkWidget *person = dossier_person_view_new (self->library);
  AdwViewStackPage *page;

  page = _dossier_window_add_section (self, "people", _("People"), "avatar-default-symbolic", people);
  gtk_accessible_update_property (GTK_ACCESSIBLE (people), GTK_ACCESSIBLE_PROPERTY_LABEL, _("People"), -1);
  (void) page;
  g_signal_connect_object (people, "person-activated", G_CALLBACK (on_person_activated_cb), self, 0);
  _dossier_window_add_page (self, "person", person);
  g_object_set_data (G_OBJECT (self), "dossier-people-view", people);
  g_object_set_data (G_OBJECT (self), "dossier-person-view", person);
  g_signal_connect_object (person, "person-activated", G_CALLBACK (on_person_activated_cb), self, 0);
  g_signal_connect_object (person, "quote-activated", G_CALLBACK (on_quote_activated_cb), self, 0);
}
