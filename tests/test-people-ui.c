/* test-people-ui.c — the People section, a person's page and a quote's
 * passage in the reader, in the real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "dossier-window-private.h"
#include "dossier-people.h"
#include "dossier-people-view.h"
#include "dossier-person-view.h"
#include "dossier-sparkline.h"
#include "dossier-test-util.h"

static gint64
add (DossierLibrary *library,
     const char     *title,
     const char     *date,
     const char     *body)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  DossierDate d = DOSSIER_DATE_INIT;
  gint64 id;

  dossier_article_set_title (a, title);
  dossier_article_set_source (a, "Test Wire");
  dossier_article_set_body (a, body);
  if (date && dossier_date_from_iso (date, &d))
    dossier_article_set_published (a, &d);
  id = dossier_library_add_article_sync (library, a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Lavrov quoted in three articles (the latest first, so that time order
 * is not the order of adding), Kerry in two of them, Peskov in one */
static void
fixture_setup (DossierTestLibrary *f,
               gconstpointer       data)
{
  g_autoptr(GError) error = NULL;

  dossier_test_library_setup (f, data);
  add (f->library, "Talks end early", "2014-03-02",
       "Sergei Lavrov, Russia's foreign minister, spoke after the talks.\n\n"
       "\"Nobody is closing the door,\" Lavrov said after the meeting on St. Gallen road in Geneva.\n\n"
       "John Kerry, the U.S. secretary of state, disagreed. \"The offer stands,\" Kerry told reporters.");
  add (f->library, "Missile shield offer rejected", "2012-05-10",
       "Moscow rejected the offer on Tuesday.\n\n"
       "\"We see no guarantees in this text,\" said Sergei Lavrov, Russia's foreign minister.\n\n"
       "\"We put a serious proposal on the table,\" said John Kerry, the U.S. secretary of state.");
  add (f->library, "Kremlin comments", "2013-01-20",
       "The Kremlin spokesman Dmitry Peskov answered questions.\n\n"
       "\"There is no such plan,\" Peskov told reporters in Moscow.\n\n"
       "Later Sergei Lavrov said: \"The ties remain negatively stable.\"");
  g_assert_cmpint (dossier_people_find_quotes_sync (f->library, G_MAXUINT, NULL, &error), ==, 3);
  g_assert_no_error (error);
}

static const char *
row_label (GtkWidget  *row,
           const char *name)
{
  GtkWidget *w = row;

  /* depth first through the row's boxes */
  while (w != NULL)
    {
      if (GTK_IS_LABEL (w) && g_strcmp0 (gtk_widget_get_name (w), name) == 0)
        return gtk_label_get_text (GTK_LABEL (w));
      if (gtk_widget_get_first_child (w) != NULL && !GTK_IS_LABEL (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != row && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          if (w == row)
            return NULL;
          w = gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

static GtkWidget *
row_at (GtkListBox *list,
        guint       i)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) i));
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static DossierPeopleView *
people_view (DossierWindow *self)
{
  return DOSSIER_PEOPLE_VIEW (adw_view_stack_get_child_by_name (self->sections, "people"));
}

static GtkListBoxRow *
find_row (GtkListBox *list,
          const char *name)
{
  for (guint i = 0; i < n_rows (list); i++)
    if (g_strcmp0 (row_label (row_at (list, i), "name"), name) == 0)
      return GTK_LIST_BOX_ROW (row_at (list, i));
  return NULL;
}

static void
test_people_section (DossierTestLibrary *f,
                     gconstpointer       data)
{
  DossierWindow *self = dossier_window_new (NULL, f->library);
  DossierPeopleView *view;
  GtkListBox *list;
  AdwViewStackPage *page;
  GtkWidget *spark;
  const guint *values;
  guint n = 0, sum = 0;

  gtk_window_present (GTK_WINDOW (self));
  view = people_view (self);
  g_assert_nonnull (view);
  page = adw_view_stack_get_page (self->sections, GTK_WIDGET (view));
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, "People");
  g_assert_cmpstr (adw_view_stack_page_get_icon_name (page), ==, "avatar-default-symbolic");
  adw_view_stack_set_visible_child_name (self->sections, "people");
  dossier_test_poll_until (dossier_people_view_get_sparklines_loaded (view));

  /* most quoted first, with their counts */
  list = dossier_people_view_get_list (view);
  g_assert_cmpuint (n_rows (list), >=, 3);
  g_assert_cmpstr (row_label (row_at (list, 0), "name"), ==, "Sergei Lavrov");
  g_assert_cmpstr (row_label (row_at (list, 0), "counts"), ==, "3 quotes · 3 articles");
  g_assert_cmpstr (row_label (row_at (list, 1), "name"), ==, "John Kerry");
  g_assert_cmpstr (row_label (row_at (list, 1), "counts"), ==, "2 quotes · 2 articles");

  /* the sparkline counts every dated quote, the earliest at the left */
  spark = g_object_get_data (G_OBJECT (row_at (list, 0)), "dossier-sparkline");
  values = dossier_sparkline_get_values (DOSSIER_SPARKLINE (spark), &n);
  g_assert_cmpuint (n, >, 1);
  for (guint i = 0; i < n; i++)
    sum += values[i];
  g_assert_cmpuint (sum, ==, 3);
  g_assert_cmpuint (values[0], ==, 1);
  g_assert_cmpuint (values[n - 1], ==, 1);
  g_assert_true (gtk_widget_get_mapped (spark));

  /* the search box narrows the list, by any spelling */
  gtk_editable_set_text (dossier_people_view_get_search (view), "peskov");
  dossier_test_poll_until (dossier_people_view_get_loaded (view) && n_rows (list) == 1);
  g_assert_cmpstr (row_label (row_at (list, 0), "name"), ==, "Dmitry Peskov");
  gtk_editable_set_text (dossier_people_view_get_search (view), "zeppelin");
  dossier_test_poll_until (dossier_people_view_get_loaded (view) && n_rows (list) == 0);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
test_person_page (DossierTestLibrary *f,
                  gconstpointer       data)
{
  DossierWindow *self = dossier_window_new (NULL, f->library);
  DossierPeopleView *view;
  DossierPersonView *person;
  GtkListBox *list;
  GtkWidget *beside;
  GPtrArray *quotes;
  DossierPersonQuote *q;
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  g_autofree char *marked = NULL;
  int start, end;
  gboolean found_kerry = FALSE;

  gtk_window_present (GTK_WINDOW (self));
  view = people_view (self);
  adw_view_stack_set_visible_child_name (self->sections, "people");
  dossier_test_poll_until (dossier_people_view_get_loaded (view));
  list = dossier_people_view_get_list (view);
  g_signal_emit_by_name (list, "row-activated", find_row (list, "Sergei Lavrov"));

  /* the page shows in place of the reader, titled with the name */
  g_assert_cmpstr (_dossier_window_get_page (self), ==, "person");
  person = DOSSIER_PERSON_VIEW (gtk_stack_get_visible_child (self->reader_stack));
  dossier_test_poll_until (dossier_person_view_get_loaded (person));
  g_assert_cmpstr (adw_window_title_get_title (self->content_title), ==, "Sergei Lavrov");

  /* the quotes in time order, each with its date, source and sentence */
  list = dossier_person_view_get_list (person);
  g_assert_cmpuint (n_rows (list), ==, 3);
  g_assert_cmpstr (row_label (row_at (list, 0), "where"), ==, "2012-05-10 · Test Wire");
  g_assert_cmpstr (row_label (row_at (list, 1), "where"), ==, "2013-01-20 · Test Wire");
  g_assert_cmpstr (row_label (row_at (list, 2), "where"), ==, "2014-03-02 · Test Wire");
  g_assert_cmpstr (row_label (row_at (list, 0), "context"), ==,
                   "\"We see no guarantees in this text,\" said Sergei Lavrov, Russia's foreign minister.");
  g_assert_cmpstr (row_label (row_at (list, 1), "context"), ==,
                   "Later Sergei Lavrov said: \"The ties remain negatively stable.\"");
  /* the full stop of "St." ends no sentence */
  g_assert_cmpstr (row_label (row_at (list, 2), "context"), ==,
                   "\"Nobody is closing the door,\" Lavrov said after the meeting on St. Gallen road in Geneva.");

  /* the people quoted beside him, each a button to their page */
  beside = dossier_person_view_get_beside (person);
  for (GtkWidget *c = gtk_widget_get_first_child (beside); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));

      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), !=, "Sergei Lavrov");
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "John Kerry") == 0)
        {
          found_kerry = TRUE;
          g_assert_true (c == gtk_widget_get_first_child (beside));
        }
    }
  g_assert_true (found_kerry);

  /* a quote opens its article with the quoted words marked */
  quotes = dossier_person_view_get_quotes (person);
  q = g_ptr_array_index (quotes, 1);
  g_signal_emit_by_name (list, "row-activated", row_at (list, 1));
  dossier_test_poll_until (self->article != NULL && dossier_article_get_id (self->article) == q->article_id &&
                           dossier_reader_view_get_passage (self->reader, &start, &end));
  g_assert_null (_dossier_window_get_page (self));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (self->reader_stack), ==, "reader");
  g_assert_cmpint (start, ==, q->start);
  g_assert_cmpint (end, ==, q->end);
  buffer = gtk_text_view_get_buffer (dossier_reader_view_get_text_view (self->reader));
  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  marked = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
  g_assert_cmpstr (marked, ==, "The ties remain negatively stable.");

  /* a person beside opens their page */
  g_signal_emit_by_name (view, "person-activated", (gint64) 0, "nobody");
  g_assert_cmpstr (_dossier_window_get_page (self), ==, "person");
  g_signal_emit_by_name (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (gtk_widget_get_first_child (beside))), "clicked");
  g_assert_cmpstr (adw_window_title_get_title (self->content_title), ==, "John Kerry");
  dossier_test_poll_until (dossier_person_view_get_loaded (person));
  g_assert_cmpuint (n_rows (list), ==, 2);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
test_passage_link (DossierTestLibrary *f,
                   gconstpointer       data)
{
  DossierWindow *self = dossier_window_new (NULL, f->library);
  int start = -1, end = -1;

  gtk_window_present (GTK_WINDOW (self));
  g_assert_true (dossier_window_open_uri (self, "dossier://article/2?passage=40-70"));
  dossier_test_poll_until (self->article != NULL && dossier_reader_view_get_passage (self->reader, &start, &end));
  g_assert_cmpint (dossier_article_get_id (self->article), ==, 2);
  g_assert_cmpint (start, ==, 40);
  g_assert_cmpint (end, ==, 70);

  /* another article clears the mark; a bad range opens without one */
  g_assert_true (dossier_window_open_uri (self, "dossier://article/1?passage=9-3"));
  dossier_test_poll_until (dossier_article_get_id (self->article) == 1);
  g_assert_false (dossier_reader_view_get_passage (self->reader, &start, &end));

  gtk_window_destroy (GTK_WINDOW (self));
}

/* the quotes of the listed articles, to a file; then a search narrows them */
static void
test_export_search (DossierTestLibrary *f,
                    gconstpointer       data)
{
  DossierWindow *self = dossier_window_new (NULL, f->library);
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *md_path = g_build_filename (dir, "all.md", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "kremlin.csv", NULL);
  g_autoptr(GFile) md = g_file_new_for_path (md_path);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autofree char *text = NULL;
  g_auto(GStrv) rows = NULL;

  gtk_window_present (GTK_WINDOW (self));
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 3);
  _dossier_window_export_search_quotes (self, md);
  dossier_test_poll_until (g_object_get_data (G_OBJECT (self), "dossier-quotes-written") != NULL);
  g_assert_true (g_file_get_contents (md_path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "# Quotes of the search\n"));
  g_assert_nonnull (strstr (text, "> Nobody is closing the door\n\n— Sergei Lavrov, *Talks end early*, Test Wire, 2014-03-02"));
  g_assert_nonnull (strstr (text, "> There is no such plan\n\n— Dmitry Peskov, *Kremlin comments*"));
  g_assert_nonnull (strstr (text, "([passage](dossier://article/"));
  g_clear_pointer (&text, g_free);

  g_object_set_data (G_OBJECT (self), "dossier-quotes-written", NULL);
  dossier_search_set_text (self->search, "Kremlin");
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles) &&
                           g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 1);
  _dossier_window_export_search_quotes (self, csv);
  dossier_test_poll_until (g_object_get_data (G_OBJECT (self), "dossier-quotes-written") != NULL);
  g_assert_true (g_file_get_contents (csv_path, &text, NULL, NULL));
  rows = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 4);  /* header, two quotes, the end */
  g_assert_true (g_str_has_prefix (rows[1], "Dmitry Peskov,There is no such plan,"));
  g_assert_true (g_str_has_prefix (rows[2], "Sergei Lavrov,The ties remain negatively stable.,"));

  gtk_window_destroy (GTK_WINDOW (self));
  dossier_test_remove_tree (dir);
}

static void
on_found_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (dossier_people_find_quotes_finish (DOSSIER_LIBRARY (source), result, &error), ==, 1);
  g_assert_no_error (error);
  dossier_test_set_flag (user_data);
}

/* new quotes found while the section is hidden show when it shows */
static void
test_people_update (DossierTestLibrary *f,
                    gconstpointer       data)
{
  DossierWindow *self = dossier_window_new (NULL, f->library);
  DossierPeopleView *view = people_view (self);
  GtkListBox *list = dossier_people_view_get_list (view);
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (self));
  /* nothing is read before the section first shows */
  g_assert_false (dossier_people_view_get_loaded (view));
  adw_view_stack_set_visible_child_name (self->sections, "people");
  dossier_test_poll_until (dossier_people_view_get_loaded (view));
  g_assert_cmpstr (row_label (row_at (list, 0), "counts"), ==, "3 quotes · 3 articles");
  adw_view_stack_set_visible_child_name (self->sections, "articles");
  add (f->library, "Talks resume", "2015-06-01",
       "\"We are ready to talk,\" Sergei Lavrov told reporters in Vienna.");
  dossier_people_find_quotes_async (f->library, G_MAXUINT, NULL, on_found_cb, &found);
  dossier_test_poll_until (found);
  g_assert_cmpstr (row_label (row_at (list, 0), "counts"), ==, "3 quotes · 3 articles");
  adw_view_stack_set_visible_child_name (self->sections, "people");
  dossier_test_poll_until (dossier_people_view_get_loaded (view) &&
                           g_strcmp0 (row_label (row_at (list, 0), "counts"), "4 quotes · 4 articles") == 0);

  gtk_window_destroy (GTK_WINDOW (self));
}

/* the reader's toggle underlines the quotes, each with its speaker */
static void
test_show_quotes (DossierTestLibrary *f,
                  gconstpointer       data)
{
  DossierWindow *self = dossier_window_new (NULL, f->library);
  GtkTextBuffer *buffer;
  g_autofree char *body = NULL;
  GtkTextIter s, e;
  const char *speaker = NULL;
  const char *at;
  int offset;

  gtk_window_present (GTK_WINDOW (self));
  dossier_window_open_article (self, 3);
  dossier_test_poll_until (self->article != NULL);
  g_assert_cmpuint (dossier_reader_view_get_n_quotes (self->reader), ==, 0);
  buffer = gtk_text_view_get_buffer (dossier_reader_view_get_text_view (self->reader));
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  body = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
  at = strstr (body, "There is no such plan");
  g_assert_nonnull (at);
  offset = (int) g_utf8_pointer_to_offset (body, at);
  g_assert_false (dossier_reader_view_get_quote_at (self->reader, offset, &speaker));

  /* the shortcut turns it on */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self), "win.show-quotes", NULL));
  dossier_test_poll_until (dossier_reader_view_get_n_quotes (self->reader) == 2);
  g_assert_true (dossier_reader_view_get_quote_at (self->reader, offset + 3, &speaker));
  g_assert_cmpstr (speaker, ==, "Dmitry Peskov");
  g_assert_false (dossier_reader_view_get_quote_at (self->reader, 2, &speaker));

  /* it stays on for the next article, and a quote still highlights as any passage */
  dossier_window_open_article (self, 2);
  dossier_test_poll_until (dossier_article_get_id (self->article) == 2 &&
                           dossier_reader_view_get_n_quotes (self->reader) == 2);
  g_assert_true (dossier_reader_view_get_quote_at (self->reader, 45, &speaker));
  g_assert_cmpstr (speaker, ==, "Sergei Lavrov");
  gtk_text_buffer_get_iter_at_offset (buffer, &s, 40);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, 73);
  gtk_text_buffer_select_range (buffer, &s, &e);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self), "win.highlight", NULL));
  dossier_test_poll_until (dossier_article_notes_get_annotations (self->notes) != NULL &&
                           dossier_article_notes_get_annotations (self->notes)->len == 1);
  g_assert_cmpint (dossier_annotation_get_start (g_ptr_array_index (dossier_article_notes_get_annotations (self->notes), 0)), ==, 40);
  g_assert_true (dossier_reader_view_get_quote_at (self->reader, 45, &speaker));

  /* off again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self), "win.show-quotes", NULL));
  g_assert_cmpuint (dossier_reader_view_get_n_quotes (self->reader), ==, 0);

  gtk_window_destroy (GTK_WINDOW (self));
}

/* 120 more of Lavrov's quotes, one an article, in reverse time order,
 * the last few undated */
static void
long_setup (DossierTestLibrary *f,
            gconstpointer       data)
{
  g_autoptr(GError) error = NULL;

  fixture_setup (f, data);
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *date = i < 5 ? NULL : g_strdup_printf ("%d-%02d-15", 1999 - (int) i / 12, 12 - (int) i % 12);
      g_autofree char *body = g_strdup_printf ("\"Point number %u stands,\" said Sergei Lavrov, Russia's foreign minister.",
                                               i);

      add (f->library, "Remarks", date, body);
    }
  g_assert_cmpint (dossier_people_find_quotes_sync (f->library, G_MAXUINT, NULL, &error), ==, 120);
  g_assert_no_error (error);
}

static guint
count_of (const char *text,
          const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* a much-quoted person's page shows a first page of rows, reads the next
 * as the list scrolls near its end, and exports all the quotes */
static void
test_long_page (DossierTestLibrary *f,
                gconstpointer       data)
{
  DossierWindow *self;
  DossierPersonView *person;
  GtkListBox *list;
  GtkAdjustment *adj;
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *md_path = g_build_filename (dir, "lavrov.md", NULL);
  g_autoptr(GFile) md = g_file_new_for_path (md_path);
  g_autofree char *text = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("org.dossierapp.Dossier");
  guint shown;

  /* no article of an earlier test's window reopens over the page */
  g_settings_set_int64 (settings, "last-article", 0);
  self = dossier_window_new (NULL, f->library);
  gtk_window_set_default_size (GTK_WINDOW (self), 1000, 700);
  gtk_window_present (GTK_WINDOW (self));
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles) &&
                           g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 123);
  g_signal_emit_by_name (people_view (self), "person-activated",
                         dossier_people_find_sync (f->library, "Sergei Lavrov", NULL), "Sergei Lavrov");
  person = g_object_get_data (G_OBJECT (self), "dossier-person-view");
  dossier_test_poll_until (dossier_person_view_get_loaded (person));
  list = dossier_person_view_get_list (person);
  dossier_test_poll_until (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_cmpuint (dossier_person_view_get_quote_ids (person)->len, ==, 123);
  shown = n_rows (list);
  g_assert_cmpuint (shown, <, 123);
  g_assert_cmpuint (shown, ==, dossier_person_view_get_quotes (person)->len);
  /* the earliest first: point 119, December 1990 */
  g_assert_cmpstr (row_label (row_at (list, 0), "where"), ==, "1990-01-15 · Test Wire");

  /* scrolled to the end, the next rows come, until all show */
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (list),
                                                                                          GTK_TYPE_SCROLLED_WINDOW)));
  while (shown < 123)
    {
      /* the rows read last laid out: there is room to scroll down */
      dossier_test_poll_until (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) -
                               gtk_adjustment_get_value (adj) > 100 || n_rows (list) > shown);
      if (n_rows (list) == shown)
        {
          gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
          dossier_test_poll_until (n_rows (list) > shown);
        }
      shown = n_rows (list);
    }
  g_assert_cmpuint (n_rows (list), ==, 123);
  /* the undated last, the fixture's 2014 quote just before them */
  g_assert_cmpstr (row_label (row_at (list, 117), "where"), ==, "2014-03-02 · Test Wire");
  g_assert_cmpstr (row_label (row_at (list, 122), "where"), ==, "Undated · Test Wire");

  /* the export holds every quote, not only the rows read */
  _dossier_window_export_person_quotes (self, "markdown", md);
  dossier_test_poll_until (g_object_get_data (G_OBJECT (self), "dossier-quotes-written") != NULL);
  g_assert_true (g_file_get_contents (md_path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "# Quotes of Sergei Lavrov\n"));
  g_assert_cmpuint (count_of (text, "> Point number "), ==, 120);
  g_assert_cmpuint (count_of (text, "([passage](dossier://article/"), ==, 123);
  g_assert_nonnull (strstr (text, "> Point number 5 stands\n"));
  g_assert_true (strstr (text, "> Point number 119 stands\n") < strstr (text, "> Point number 5 stands\n"));

  gtk_window_destroy (GTK_WINDOW (self));
  dossier_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/Dossier/PeopleUI/section", DossierTestLibrary, NULL,
              fixture_setup, test_people_section, dossier_test_library_teardown);
  g_test_add ("/Dossier/PeopleUI/update", DossierTestLibrary, NULL,
              fixture_setup, test_people_update, dossier_test_library_teardown);
  g_test_add ("/Dossier/PeopleUI/person-page", DossierTestLibrary, NULL,
              fixture_setup, test_person_page, dossier_test_library_teardown);
  g_test_add ("/Dossier/PeopleUI/passage-link", DossierTestLibrary, NULL,
              fixture_setup, test_passage_link, dossier_test_library_teardown);
  g_test_add ("/Dossier/PeopleUI/export-search", DossierTestLibrary, NULL,
              fixture_setup, test_export_search, dossier_test_library_teardown);
  g_test_add ("/Dossier/PeopleUI/show-quotes", DossierTestLibrary, NULL,
              fixture_setup, test_show_quotes, dossier_test_library_teardown);
  g_test_add ("/Dossier/PeopleUI/long-page", DossierTestLibrary, NULL,
              long_setup, test_long_page, dossier_test_library_teardown);
  return g_test_run ();
}
