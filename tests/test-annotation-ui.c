/* test-annotation-ui.c — the annotation popover, the notes pane, the All
 * Notes window and highlighting in the main window, on a real library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "dossier-window-private.h"
#include "dossier-annotation-popover.h"
#include "dossier-annotations-window.h"
#include "dossier-notes-pane.h"
#include "dossier-markdown.h"
#include "dossier-undo.h"
#include "dossier-anchor.h"
#include "dossier-test-util.h"

typedef struct
{
  DossierTestLibrary lib;
  gint64             harbour;
  gint64             ferry;
  char              *big_note;
} Fixture;

static const char harbour_body[] =
  "The harbour commission met on Tuesday.\n\n"
  "Delegates agreed to dredge the eastern channel before winter.\n\n"
  "Ferry crews said they were not consulted, and the mayor left early.";

static const char ferry_body[] =
  "Ferry crews stopped work at dawn.\n\n"
  "The strike closed the crossing for a day.";

/* notes that are hard to store, search and show */
#define NOTE_EMOJI   "Ship 🛳️ at anchor ⚓ — flagship word: lighthouse"
#define NOTE_RTL     "The Hebrew reports say הנמל נסגר (the harbour closed)"
#define NOTE_ACCENTS "Café policy: cafe\xcc\x81 noir and zero\xe2\x80\x8bwidth joiners"

static gint64
add_article (DossierLibrary *library,
             const char     *title,
             const char     *source,
             const char     *date,
             const char     *body)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  DossierDate d = DOSSIER_DATE_INIT;
  gint64 id;

  dossier_article_set_title (a, title);
  dossier_article_set_source (a, source);
  dossier_article_set_body (a, body);
  g_assert_true (dossier_date_from_iso (date, &d));
  dossier_article_set_published (a, &d);
  id = dossier_library_add_article_sync (library, a, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
annotate (Fixture    *f,
          gint64      article,
          const char *quote,
          const char *note,
          const char *tag,
          const char *color)
{
  const char *tags[] = { tag, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAnnotation) a = dossier_library_annotate_sync (f->lib.library, article, quote, note,
                                                                   tag ? tags : NULL, color, &error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) big = g_string_sized_new (1100000);

  dossier_test_library_setup (&f->lib, data);
  f->harbour = add_article (f->lib.library, "Harbour talks", "Test Wire", "2012-04-02", harbour_body);
  f->ferry = add_article (f->lib.library, "Ferry strike", "Coast Post", "2013-07-09", ferry_body);

  /* a 1 MB note, with a word only at its very end */
  while (big->len < 1024 * 1024)
    g_string_append (big, "Minutes of the commission, paragraph after paragraph. ");
  g_string_append (big, "quintessentialending");
  f->big_note = g_string_free (g_steal_pointer (&big), FALSE);

  annotate (f, f->harbour, "dredge the eastern channel", f->big_note, "cost", "yellow");
  annotate (f, f->harbour, "The harbour commission", NOTE_EMOJI, "people", "blue");
  annotate (f, f->harbour, "the mayor left early", NOTE_RTL, NULL, "green");
  annotate (f, f->ferry, "stopped work at dawn", NOTE_ACCENTS, "people", "pink");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dossier_test_library_teardown (&f->lib, data);
  g_free (f->big_note);
}

static GPtrArray *
list_of (Fixture *f,
         gint64   article)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = dossier_library_list_annotations_sync (f->lib.library, article, NULL, &error);

  g_assert_no_error (error);
  return list;
}

/* --- the popover --- */

static void
on_saved_cb (DossierAnnotationPopover  *popover,
             DossierAnnotation         *annotation,
             DossierAnnotation        **out)
{
  g_set_object (out, annotation);
}

static void
test_popover (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new_with_label ("anchor");
  DossierAnnotationPopover *popover = DOSSIER_ANNOTATION_POPOVER (dossier_annotation_popover_new ());
  g_autoptr(DossierAnnotation) saved = NULL;
  g_autoptr(DossierAnnotation) deleted = NULL;
  g_autoptr(GPtrArray) list = list_of (f, f->harbour);
  DossierAnnotation *big = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *note = NULL;
  const char *known[] = { "people", "cost", NULL };

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_widget_set_parent (GTK_WIDGET (popover), button);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (popover, "save", G_CALLBACK (on_saved_cb), &saved);
  g_signal_connect (popover, "delete", G_CALLBACK (on_saved_cb), &deleted);
  dossier_annotation_popover_set_known_tags (popover, known);

  /* a new highlight: colour, Markdown note and tags typed with commas */
  dossier_annotation_popover_new_note (popover, "the eastern channel", "green");
  g_assert_null (dossier_annotation_popover_get_annotation (popover));
  g_assert_cmpstr (dossier_annotation_popover_get_color (popover), ==, "green");
  dossier_annotation_popover_set_color (popover, "purple");
  dossier_annotation_popover_set_note (popover, "**Who pays?**\n\n- council\n- port " NOTE_RTL);
  dossier_annotation_popover_add_tag (popover, "#cost");
  dossier_annotation_popover_add_tag (popover, "Cost");      /* the same tag */
  dossier_annotation_popover_add_tag (popover, "follow up");
  dossier_annotation_popover_add_tag (popover, "   ");       /* no tag */
  tags = dossier_annotation_popover_get_tags (popover);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "cost");
  g_assert_cmpstr (tags[1], ==, "follow up");
  gtk_popover_popup (GTK_POPOVER (popover));
  dossier_annotation_popover_save (popover);
  g_assert_nonnull (saved);
  g_assert_cmpstr (dossier_annotation_get_color (saved), ==, "purple");
  g_assert_cmpstr (dossier_annotation_get_note (saved), ==, "**Who pays?**\n\n- council\n- port " NOTE_RTL);
  g_assert_cmpuint (g_strv_length ((char **) dossier_annotation_get_tags (saved)), ==, 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* white space alone is no note */
  g_clear_object (&saved);
  dossier_annotation_popover_new_note (popover, "x", NULL);
  dossier_annotation_popover_set_note (popover, "  \n ");
  dossier_annotation_popover_save (popover);
  g_assert_null (dossier_annotation_get_note (saved));

  /* editing the 1 MB note: all of it comes back, unchanged */
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (dossier_annotation_get_note (g_ptr_array_index (list, i)), f->big_note) == 0)
      big = g_ptr_array_index (list, i);
  g_assert_nonnull (big);
  dossier_annotation_popover_edit (popover, big);
  g_assert_nonnull (dossier_annotation_popover_get_annotation (popover));
  note = dossier_annotation_popover_get_note (popover);
  g_assert_cmpstr (note, ==, f->big_note);
  g_clear_object (&saved);
  dossier_annotation_popover_save (popover);
  g_assert_cmpint (dossier_annotation_get_id (saved), ==, dossier_annotation_get_id (big));
  g_assert_cmpstr (dossier_annotation_get_uuid (saved), ==, dossier_annotation_get_uuid (big));
  g_assert_cmpint (dossier_annotation_get_modified (saved), >=, dossier_annotation_get_modified (big));

  /* delete hands back the edited annotation */
  dossier_annotation_popover_edit (popover, big);
  g_signal_emit_by_name (popover, "delete", big);
  g_assert_true (deleted == big);

  gtk_widget_unparent (GTK_WIDGET (popover));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- the notes pane --- */

static void
on_activated_cb (DossierNotesPane   *pane,
                 DossierAnnotation  *annotation,
                 DossierAnnotation **out)
{
  g_set_object (out, annotation);
}

static void
test_notes_pane (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  DossierNotesPane *pane = DOSSIER_NOTES_PANE (dossier_notes_pane_new ());
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(DossierAnnotation) activated = NULL;
  g_autoptr(DossierAnnotation) reattach = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  guint orphaned = 0;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (pane));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (pane, "annotation-activated", G_CALLBACK (on_activated_cb), &activated);
  g_signal_connect (pane, "reattach-annotation", G_CALLBACK (on_activated_cb), &reattach);

  /* no article, then an article without notes */
  dossier_notes_pane_set_annotations (pane, NULL);
  g_assert_cmpuint (dossier_notes_pane_get_n_notes (pane), ==, 0);

  /* the body changes under one note: it becomes an orphan, kept */
  g_assert_true (dossier_library_set_body_sync (f->lib.library, f->harbour,
                                                "The harbour commission met on Tuesday.\n\n"
                                                "Delegates agreed to dredge the eastern channel before winter.\n\n"
                                                "Ferry crews went home.",
                                                &orphaned, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (orphaned, ==, 1);

  list = g_ptr_array_new_with_free_func (g_object_unref);
  {
    g_autoptr(GPtrArray) stored = list_of (f, f->harbour);

    /* handed over in reverse: the pane puts them in text order */
    for (guint i = stored->len; i > 0; i--)
      g_ptr_array_add (list, g_object_ref (g_ptr_array_index (stored, i - 1)));
  }
  dossier_notes_pane_set_annotations (pane, list);
  g_assert_cmpuint (dossier_notes_pane_get_n_notes (pane), ==, 2);
  g_assert_cmpuint (dossier_notes_pane_get_n_orphans (pane), ==, 1);

  /* the first card is the first passage; clicking it asks to show it */
  row = gtk_list_box_get_row_at_index (dossier_notes_pane_get_list (pane), 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (dossier_notes_pane_get_list (pane), "row-activated", row);
  g_assert_nonnull (activated);
  g_assert_cmpstr (dossier_annotation_get_quote (activated), ==, "The harbour commission");
  g_assert_cmpint (dossier_annotation_get_start (activated), ==, 0);
  g_assert_nonnull (gtk_list_box_get_row_at_index (dossier_notes_pane_get_list (pane), 1));
  g_assert_null (gtk_list_box_get_row_at_index (dossier_notes_pane_get_list (pane), 2));

  /* the orphan's Re-attach acts only with a selection */
  row = gtk_list_box_get_row_at_index (dossier_notes_pane_get_orphan_list (pane), 0);
  g_assert_nonnull (row);
  for (guint i = 0; i < list->len; i++)
    gtk_widget_activate_action (GTK_WIDGET (row), "notes.reattach", "s",
                                dossier_annotation_get_uuid (g_ptr_array_index (list, i)));
  g_assert_null (reattach);
  dossier_notes_pane_set_can_reattach (pane, TRUE);
  for (guint i = 0; i < list->len; i++)
    if (dossier_annotation_get_orphan (g_ptr_array_index (list, i)))
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "notes.reattach", "s",
                                                 dossier_annotation_get_uuid (g_ptr_array_index (list, i))));
  g_assert_nonnull (reattach);
  g_assert_true (dossier_annotation_get_orphan (reattach));
  g_assert_cmpstr (dossier_annotation_get_quote (reattach), ==, "the mayor left early");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_markup (void)
{
  struct { const char *in, *out; } cases[] = {
    { "**bold** and *it* and _it_", "<b>bold</b> and <i>it</i> and <i>it</i>" },
    { "snake_case_name stays", "snake_case_name stays" },
    { "a < b & c > \"d\"", "a &lt; b &amp; c &gt; &quot;d&quot;" },
    { "- one\n- two", "• one\n• two" },
    { "# Head", "<b>Head</b>" },
    { "`x*y*z`", "<tt>x*y*z</tt>" },
    { "[site](https://example.org/a?b=1&c=2)", "<a href=\"https://example.org/a?b=1&amp;c=2\">site</a>" },
    { "[bad](javascript:alert(1))", "[bad](javascript:alert(1))" },
    { "unclosed **bold", "unclosed **bold" },
    { NOTE_RTL, NOTE_RTL },
    /* blocks: lists (nested, ordered from their start), quotes, paragraphs
     * as the note spaced them, code blocks */
    { "Intro:\n- one\n- two\n  - nested", "Intro:\n• one\n• two\n  • nested" },
    { "3. three\n4. four", "3. three\n4. four" },
    { "> quoted *it*", "<i>quoted <i>it</i></i>" },
    { "first\n\nsecond\nthird", "first\n\nsecond\nthird" },
    { "```\n<b>x</b> & y\n```", "<tt>&lt;b&gt;x&lt;/b&gt; &amp; y</tt>" },
    { "***both***", "<i><b>both</b></i>" },
    /* raw HTML is shown as typed, never as markup */
    { "<script>alert(1)</script> and <b>bold</b>",
      "&lt;script&gt;alert(1)&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt;" },
    { "a <span foreground=\"red\">red</span> word",
      "a &lt;span foreground=&quot;red&quot;&gt;red&lt;/span&gt; word" },
    { "<div onclick=x()>\nhi\n</div>", "&lt;div onclick=x()&gt;\nhi\n&lt;/div&gt;" },
    /* escapes and entities are text */
    { "\\*not emphasis\\* &lt;b&gt; &amp;", "*not emphasis* &lt;b&gt; &amp;" },
    /* links: http(s) and mailto only; images leave their text */
    { "<https://example.org> <me@example.org> <javascript:alert(1)>",
      "<a href=\"https://example.org\">https://example.org</a> "
      "<a href=\"mailto:me@example.org\">me@example.org</a> &lt;javascript:alert(1)&gt;" },
    { "[**site**](https://example.org \"title\")", "<a href=\"https://example.org\"><b>site</b></a>" },
    { "![chart](https://example.org/c.png)", "chart" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = dossier_markdown_to_pango (cases[i].in, -1);
      GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));

      g_assert_cmpstr (markup, ==, cases[i].out);
      /* and a label takes it: a parse error would be a (fatal) warning */
      gtk_label_set_markup (GTK_LABEL (label), markup);
      g_assert_nonnull (gtk_label_get_text (GTK_LABEL (label)));
      g_object_unref (label);
    }
  {
    g_autofree char *cut = dossier_markdown_to_pango ("abcdef", 3);
    g_autofree char *bad = dossier_markdown_to_pango ("bad \xff utf8", -1);

    g_assert_cmpstr (cut, ==, "abc…");
    g_assert_true (g_utf8_validate (bad, -1, NULL));
  }
}

/* --- All Notes --- */

typedef struct
{
  gint64  article;
  char   *uuid;
} Opened;

static void
on_open_cb (DossierAnnotationsWindow *window,
            gint64                    article,
            const char               *uuid,
            Opened                   *opened)
{
  opened->article = article;
  g_free (opened->uuid);
  opened->uuid = g_strdup (uuid);
}

static guint
search (DossierAnnotationsWindow *window,
        const char               *text)
{
  dossier_annotations_window_set_search_text (window, text);
  dossier_test_wait_until (!dossier_annotations_window_get_loading (window));
  return dossier_annotations_window_get_n_results (window);
}

static void
test_all_notes (Fixture       *f,
                gconstpointer  data)
{
  DossierAnnotationsWindow *window =
    DOSSIER_ANNOTATIONS_WINDOW (dossier_annotations_window_new (NULL, f->lib.library));
  Opened opened = { 0 };
  GtkListBoxRow *row = NULL;

  g_signal_connect (window, "open-annotation", G_CALLBACK (on_open_cb), &opened);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_until (!dossier_annotations_window_get_loading (window));
  g_assert_cmpuint (dossier_annotations_window_get_n_results (window), ==, 4);
  g_assert_cmpuint (dossier_annotations_window_get_n_cards (window), ==, 4);

  /* full text over notes: the word at the end of the 1 MB note, next to
   * emoji, in Hebrew, with combining accents */
  g_assert_cmpuint (search (window, "quintessentialending"), ==, 1);
  g_assert_cmpuint (search (window, "lighthouse"), ==, 1);
  g_assert_cmpuint (search (window, "הנמל"), ==, 1);
  g_assert_cmpuint (search (window, "cafe"), ==, 1);
  g_assert_cmpuint (search (window, "noir"), ==, 1);
  /* and over quotes */
  g_assert_cmpuint (search (window, "dawn"), ==, 1);
  g_assert_cmpuint (search (window, "zeppelin"), ==, 0);
  /* the grammar works here too */
  g_assert_cmpuint (search (window, "tag:people"), ==, 2);
  g_assert_cmpuint (search (window, "color:blue"), ==, 1);
  g_assert_cmpuint (search (window, "harbour"), ==, 2);
  g_assert_cmpuint (search (window, "harbour -lighthouse"), ==, 1);
  g_assert_cmpuint (search (window, ""), ==, 4);

  /* the filters */
  dossier_annotations_window_set_color (window, "pink");
  dossier_test_wait_until (!dossier_annotations_window_get_loading (window));
  g_assert_cmpuint (dossier_annotations_window_get_n_results (window), ==, 1);
  dossier_annotations_window_set_color (window, NULL);
  dossier_annotations_window_set_tag (window, "people");
  dossier_test_wait_until (!dossier_annotations_window_get_loading (window));
  g_assert_cmpuint (dossier_annotations_window_get_n_results (window), ==, 2);
  dossier_annotations_window_set_source (window, "Coast Post");
  dossier_test_wait_until (!dossier_annotations_window_get_loading (window));
  g_assert_cmpuint (dossier_annotations_window_get_n_results (window), ==, 1);
  dossier_annotations_window_set_tag (window, NULL);
  dossier_annotations_window_set_source (window, NULL);
  dossier_test_wait_until (!dossier_annotations_window_get_loading (window));
  g_assert_cmpuint (dossier_annotations_window_get_n_results (window), ==, 4);
  dossier_annotations_window_set_date_range (window, "2012", "2012-12");
  dossier_test_wait_until (!dossier_annotations_window_get_loading (window));
  g_assert_cmpuint (dossier_annotations_window_get_n_results (window), ==, 3);
  dossier_annotations_window_set_date_range (window, "2013-07-09", NULL);
  dossier_test_wait_until (!dossier_annotations_window_get_loading (window));
  g_assert_cmpuint (dossier_annotations_window_get_n_results (window), ==, 1);
  dossier_annotations_window_set_date_range (window, NULL, NULL);
  dossier_test_wait_until (!dossier_annotations_window_get_loading (window));
  g_assert_cmpuint (dossier_annotations_window_get_n_results (window), ==, 4);

  /* grouped by tag, a note shows under each of its tags, untagged apart:
   * headers "#cost", "#people", "Untagged" */
  dossier_annotations_window_set_group_by_tag (window, TRUE);
  g_assert_cmpuint (dossier_annotations_window_get_n_cards (window), ==, 4);
  g_assert_nonnull (gtk_list_box_get_row_at_index (dossier_annotations_window_get_list (window), 6));
  g_assert_null (gtk_list_box_get_row_at_index (dossier_annotations_window_get_list (window), 7));
  dossier_annotations_window_set_group_by_tag (window, FALSE);

  /* a new note elsewhere shows up (the library's ::changed) */
  {
    g_autoptr(DossierAnnotation) a = dossier_annotation_new ();
    g_autoptr(DossierUndo) undo = dossier_undo_new (f->lib.library, 0);
    g_autoptr(DossierAnchor) anchor = dossier_anchor_new_from_quote (ferry_body, "closed the crossing", NULL, NULL);

    dossier_annotation_set_article_id (a, f->ferry);
    dossier_annotation_set_quote (a, anchor->quote);
    dossier_annotation_set_start (a, anchor->start);
    dossier_annotation_set_end (a, anchor->end);
    dossier_undo_create_async (undo, a, NULL, NULL, NULL);
    dossier_test_wait_until (!dossier_undo_get_busy (undo));
    dossier_test_wait_until (!dossier_annotations_window_get_loading (window) &&
              dossier_annotations_window_get_n_results (window) == 5);
  }

  /* activating a card opens its article at the passage */
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (dossier_annotations_window_get_list (window), i)); i++)
    if (gtk_list_box_row_get_activatable (row))
      break;
  g_assert_nonnull (row);
  g_signal_emit_by_name (dossier_annotations_window_get_list (window), "row-activated", row);
  g_assert_cmpint (opened.article, ==, f->ferry);
  g_assert_nonnull (opened.uuid);
  g_free (opened.uuid);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- the window: highlight, note, undo --- */

static guint
n_annotations (DossierWindow *self)
{
  GPtrArray *annotations = dossier_article_notes_get_annotations (self->notes);

  return annotations ? annotations->len : 0;
}

static void
test_window_highlight (Fixture       *f,
                       gconstpointer  data)
{
  DossierWindow *self = dossier_window_new (NULL, f->lib.library);
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  g_autoptr(GPtrArray) list = NULL;
  DossierAnnotation *made = NULL;
  guint before;

  gtk_window_present (GTK_WINDOW (self));
  dossier_window_open_article (self, f->ferry);
  dossier_test_wait_until (self->article != NULL &&
                           dossier_article_notes_get_annotations (self->notes) != NULL);
  before = n_annotations (self);
  g_assert_cmpuint (before, ==, 1);
  g_assert_cmpuint (dossier_notes_pane_get_n_notes (DOSSIER_NOTES_PANE (self->notes_view)), ==, 1);

  /* nothing selected: a hint, nothing stored */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self), "win.highlight", NULL));

  /* select " The strike closed " (spaces trimmed) and highlight it */
  buffer = gtk_text_view_get_buffer (dossier_reader_view_get_text_view (self->reader));
  gtk_text_buffer_get_iter_at_offset (buffer, &s, 33);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, 53);
  gtk_text_buffer_select_range (buffer, &s, &e);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self), "win.highlight", NULL));
  dossier_test_wait_until (n_annotations (self) == before + 1);
  g_assert_cmpuint (dossier_notes_pane_get_n_notes (DOSSIER_NOTES_PANE (self->notes_view)), ==, 2);
  /* committed before it showed: the library has it */
  list = list_of (f, f->ferry);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    if (g_str_has_prefix (dossier_annotation_get_quote (g_ptr_array_index (list, i)), "The strike"))
      made = g_ptr_array_index (list, i);
  g_assert_nonnull (made);
  g_assert_cmpstr (dossier_annotation_get_quote (made), ==, "The strike closed");
  g_assert_false (gtk_text_buffer_get_has_selection (buffer));

  /* undo takes it away, redo brings it back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self), "win.undo", NULL));
  dossier_test_wait_until (n_annotations (self) == before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self), "win.redo", NULL));
  dossier_test_wait_until (n_annotations (self) == before + 1);

  gtk_window_destroy (GTK_WINDOW (self));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/Dossier/AnnotationUI/popover", Fixture, NULL, fixture_setup, test_popover, fixture_teardown);
  g_test_add ("/Dossier/AnnotationUI/notes-pane", Fixture, NULL, fixture_setup, test_notes_pane, fixture_teardown);
  g_test_add_func ("/Dossier/AnnotationUI/markup", test_markup);
  g_test_add ("/Dossier/AnnotationUI/all-notes", Fixture, NULL, fixture_setup, test_all_notes, fixture_teardown);
  g_test_add ("/Dossier/AnnotationUI/window-highlight", Fixture, NULL, fixture_setup,
              test_window_highlight, fixture_teardown);

  return g_test_run ();
}
