/* dossier-window-people.c — the People section, a person's page, and
 * opening a quote's passage in the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-window-private.h"
#include "dossier-people-view.h"
#include "dossier-person-view.h"
#include "dossier-people-overview.h"
#include "dossier-people.h"
#include "dossier-export-quotes.h"

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

/* --- quotes in the reader --- */

static void
on_reader_quotes_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = dossier_people_overview_article_quotes_finish (DOSSIER_LIBRARY (source), result, &error);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), "dossier-quotes-article"));
  g_autoptr(GVariant) state = g_action_get_state (g_action_map_lookup_action (G_ACTION_MAP (self), "show-quotes"));

  if (quotes == NULL)
    {
      _dossier_window_toast_error (self, error, "%s", error->message);
      return;
    }
  /* only for the article still open, while the toggle is still on */
  if (self->article == NULL || dossier_article_get_id (self->article) != id || !g_variant_get_boolean (state))
    return;
  dossier_reader_view_set_quotes (self->reader, quotes);
}

static void
update_reader_quotes (DossierWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-quotes");
  g_autoptr(GVariant) state = action != NULL ? g_action_get_state (action) : NULL;
  gint64 id;

  if (self->article == NULL || state == NULL || !g_variant_get_boolean (state))
    {
      dossier_reader_view_set_quotes (self->reader, NULL);
      return;
    }
  id = dossier_article_get_id (self->article);
  g_object_set_data (G_OBJECT (self), "dossier-quotes-article", GSIZE_TO_POINTER ((gsize) id));
  dossier_people_overview_article_quotes_async (self->library, &id, 1, self->open_cancellable,
                                                on_reader_quotes_cb, g_object_ref (self));
}

static void
on_show_quotes_changed_cb (GSimpleAction *action,
                           GVariant      *state,
                           DossierWindow *self)
{
  g_simple_action_set_state (action, state);
  update_reader_quotes (self);
}

void
_dossier_window_people_article_loaded (DossierWindow *self)
{
  Passage *p = g_object_get_data (G_OBJECT (self), PASSAGE_KEY);

  update_reader_quotes (self);
  if (p == NULL || self->article == NULL)
    return;
  /* kept while the same article loads again (as choosing it in the list
   * or the timeline does), dropped once another one opens */
  if (p->article == dossier_article_get_id (self->article))
    dossier_reader_view_mark_passage (self->reader, p->start, p->end);
  else
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

/* --- export --- */

typedef struct
{
  DossierWindow *window;
  char          *title;
  GPtrArray     *quotes;  /* DossierPersonQuote */
  char          *name;    /* the file's, for the toast */
} Export;

static void
export_free (Export *e)
{
  g_object_unref (e->window);
  g_free (e->title);
  g_ptr_array_unref (e->quotes);
  g_free (e->name);
  g_free (e);
}

static void
on_written_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Export *e = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    _dossier_window_toast_error (e->window, error, _("Could not save the quotes: %s"), error->message);
  else
    {
      message = g_strdup_printf (g_dngettext (NULL, "%u quote saved to %s", "%u quotes saved to %s", e->quotes->len),
                                 e->quotes->len, e->name);
      _dossier_window_toast (e->window, message);
    }
  g_object_set_data (G_OBJECT (e->window), "dossier-quotes-written", GINT_TO_POINTER (1));
  export_free (e);
}

/* Writes @e's quotes to @file, as CSV when its name ends in .csv and
 * as Markdown otherwise; takes @e. */
static void
write_quotes (Export *e,
              GFile  *file)
{
  g_autofree char *base = g_file_get_basename (file);
  char *data;
  GBytes *bytes;

  if (g_str_has_suffix (base, ".csv") || g_str_has_suffix (base, ".CSV"))
    data = dossier_export_quotes_csv (e->quotes);
  else
    data = dossier_export_quotes_markdown (e->title, e->quotes);
  e->name = g_steal_pointer (&base);
  bytes = g_bytes_new_take (data, strlen (data));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       e->window->cancellable, on_written_cb, e);
  g_bytes_unref (bytes);
}

static void
on_export_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     Export          *e)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    {
      export_free (e);
      return;
    }
  write_quotes (e, file);
}

/* Asks where to save @quotes (a ref is taken); @format "csv" or
 * "markdown" picks the suggested name's extension. */
static void
choose_export (DossierWindow *self,
               const char    *title,
               GPtrArray     *quotes,
               const char    *format)
{
  Export *e = g_new0 (Export, 1);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;
  g_autofree char *stem = g_strdelimit (g_strdup (title), "/\\:", '-');
  g_autofree char *name = g_strconcat (stem, g_strcmp0 (format, "csv") == 0 ? ".csv" : ".md", NULL);

  e->window = g_object_ref (self);
  e->title = g_strdup (title);
  e->quotes = g_ptr_array_ref (quotes);
  chooser = gtk_file_chooser_native_new (_("Export Quotes"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, g_strcmp0 (format, "csv") == 0 ? "CSV" : "Markdown");
  gtk_file_filter_add_suffix (filter, g_strcmp0 (format, "csv") == 0 ? "csv" : "md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen_cb), e);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct
{
  DossierWindow *window;
  char          *title;
  char          *format;
  GFile         *file;   /* NULL: ask */
} PersonExport;

static void
on_person_quotes_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  PersonExport *pe = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = NULL;

  quotes = dossier_people_overview_quotes_finish (DOSSIER_LIBRARY (source), result, &error);
  if (quotes == NULL)
    _dossier_window_toast_error (pe->window, error, _("Could not save the quotes: %s"), error->message);
  else if (pe->file != NULL)
    {
      Export *e = g_new0 (Export, 1);

      e->window = g_object_ref (pe->window);
      e->title = g_strdup (pe->title);
      e->quotes = g_ptr_array_ref (quotes);
      write_quotes (e, pe->file);
    }
  else
    choose_export (pe->window, pe->title, quotes, pe->format);
  g_object_unref (pe->window);
  g_clear_object (&pe->file);
  g_free (pe->title);
  g_free (pe->format);
  g_free (pe);
}

/* The page reads its rows a page at a time; all the person's quotes are
 * read for the file. */
void
_dossier_window_export_person_quotes (DossierWindow *self,
                                      const char    *format,
                                      GFile         *file)
{
  DossierPersonView *view = g_object_get_data (G_OBJECT (self), "dossier-person-view");
  GArray *ids = dossier_person_view_get_quote_ids (view);
  PersonExport *pe;

  if (ids == NULL)
    return;
  pe = g_new0 (PersonExport, 1);
  pe->window = g_object_ref (self);
  pe->title = g_strdup_printf (_("Quotes of %s"), dossier_person_view_get_name (view));
  pe->format = g_strdup (format);
  pe->file = file != NULL ? g_object_ref (file) : NULL;
  dossier_people_overview_quotes_async (self->library, (const gint64 *) ids->data, ids->len, self->cancellable,
                                        on_person_quotes_cb, pe);
}

static void
on_person_export_cb (DossierPersonView *view,
                     const char        *format,
                     DossierWindow     *self)
{
  _dossier_window_export_person_quotes (self, format, NULL);
}

typedef struct
{
  DossierWindow *window;
  GFile         *file;   /* NULL: ask */
} SearchExport;

static void
on_search_quotes_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SearchExport *se = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  const char *text = dossier_search_get_text (se->window->search);
  g_autofree char *title = NULL;

  quotes = dossier_people_overview_article_quotes_finish (DOSSIER_LIBRARY (source), result, &error);
  if (quotes == NULL)
    _dossier_window_toast_error (se->window, error, _("Could not save the quotes: %s"), error->message);
  else
    {
      title = text != NULL && *text != '\0' ? g_strdup_printf (_("Quotes of the search “%s”"), text)
                                            : g_strdup (_("Quotes of the search"));
      if (se->file != NULL)
        {
          Export *e = g_new0 (Export, 1);

          e->window = g_object_ref (se->window);
          e->title = g_steal_pointer (&title);
          e->quotes = g_ptr_array_ref (quotes);
          write_quotes (e, se->file);
        }
      else
        choose_export (se->window, title, quotes, "markdown");
    }
  g_object_unref (se->window);
  g_clear_object (&se->file);
  g_free (se);
}

void
_dossier_window_export_search_quotes (DossierWindow *self,
                                      GFile         *file)
{
  GListModel *list = G_LIST_MODEL (self->articles);
  guint n = g_list_model_get_n_items (list);
  g_autofree gint64 *ids = g_new (gint64, MAX (n, 1));
  SearchExport *se = g_new0 (SearchExport, 1);

  for (guint i = 0; i < n; i++)
    ids[i] = dossier_article_list_get_id (self->articles, i);
  se->window = g_object_ref (self);
  se->file = file != NULL ? g_object_ref (file) : NULL;
  dossier_people_overview_article_quotes_async (self->library, ids, n, self->cancellable,
                                                on_search_quotes_cb, se);
}

static void
export_search_quotes_action (GtkWidget  *widget,
                             const char *name,
                             GVariant   *param)
{
  _dossier_window_export_search_quotes (DOSSIER_WINDOW (widget), NULL);
}

void
_dossier_window_people_class_init (DossierWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.export-search-quotes", NULL,
                                   export_search_quotes_action);
}

/* --- quotes being found in the background --- */

static void
on_quotes_progress_cb (DossierQuotesProgress *progress,
                       GParamSpec            *pspec,
                       GtkProgressBar        *bar)
{
  double fraction = dossier_quotes_progress_get_fraction (progress);
  g_autofree char *text = NULL;

  /* TRANSLATORS: shown above the article list while the quotes of many
   * articles are found (after an upgrade or a large import); %d is a
   * percentage */
  text = g_strdup_printf (_("Finding quotes and people (%d%%): People shows the articles done so far"),
                          (int) (fraction * 100));
  gtk_progress_bar_set_fraction (bar, fraction);
  gtk_progress_bar_set_text (bar, text);
  gtk_widget_set_visible (GTK_WIDGET (bar), dossier_quotes_progress_get_running (progress));
}

/* A bar above the list's count while the catch-up has more than a batch
 * to do, as for the search index's rebuild */
static void
quotes_progress_setup (DossierWindow *self)
{
  DossierQuotesProgress *progress = dossier_people_get_progress (self->library);
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  gtk_progress_bar_set_ellipsize (GTK_PROGRESS_BAR (bar), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_add_css_class (bar, "caption");
  gtk_widget_set_name (bar, "quotes-progress");
  gtk_widget_insert_before (bar, gtk_widget_get_parent (GTK_WIDGET (self->count_label)),
                            GTK_WIDGET (self->count_label));
  g_signal_connect_object (progress, "notify::fraction", G_CALLBACK (on_quotes_progress_cb), bar, 0);
  g_signal_connect_object (progress, "notify::running", G_CALLBACK (on_quotes_progress_cb), bar, 0);
  on_quotes_progress_cb (progress, NULL, GTK_PROGRESS_BAR (bar));
}

void
_dossier_window_people_setup (DossierWindow *self)
{
  GtkWidget *people = dossier_people_view_new (self->library);
  GtkWidget *person = dossier_person_view_new (self->library);
  AdwViewStackPage *page;
  g_autoptr(GSimpleAction) show_quotes = NULL;
  GtkEventController *controller;

  page = _dossier_window_add_section (self, "people", _("People"), "avatar-default-symbolic", people);
  gtk_accessible_update_property (GTK_ACCESSIBLE (people), GTK_ACCESSIBLE_PROPERTY_LABEL, _("People"), -1);
  (void) page;
  g_signal_connect_object (people, "person-activated", G_CALLBACK (on_person_activated_cb), self, 0);
  _dossier_window_add_page (self, "person", person);
  g_object_set_data (G_OBJECT (self), "dossier-people-view", people);
  g_object_set_data (G_OBJECT (self), "dossier-person-view", person);
  g_signal_connect_object (person, "person-activated", G_CALLBACK (on_person_activated_cb), self, 0);
  g_signal_connect_object (person, "quote-activated", G_CALLBACK (on_quote_activated_cb), self, 0);
  g_signal_connect_object (person, "export", G_CALLBACK (on_person_export_cb), self, 0);

  /* View → Show Quotes: a toggle of the reader, off at start */
  show_quotes = g_simple_action_new_stateful ("show-quotes", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (show_quotes, "change-state", G_CALLBACK (on_show_quotes_changed_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_quotes));
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Alt>q"),
                                                          gtk_named_action_new ("win.show-quotes")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  quotes_progress_setup (self);
}
