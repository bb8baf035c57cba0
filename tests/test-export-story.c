/* test-export-story.c — a story as a printable dossier, HTML and Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-export.h"
#include "dossier-test-util.h"

static DossierArticle *
article (gint64      id,
         const char *title,
         const char *source,
         const char *date,
         const char *body)
{
  DossierArticle *a = dossier_article_new ();
  DossierDate d = DOSSIER_DATE_INIT;

  dossier_article_set_id (a, id);
  dossier_article_set_title (a, title);
  dossier_article_set_source (a, source);
  dossier_article_set_body (a, body);
  if (date != NULL && dossier_date_from_iso (date, &d))
    dossier_article_set_published (a, &d);
  return a;
}

/* two articles in time order, the first with a note */
static GPtrArray *
entries_new (void)
{
  GPtrArray *entries = dossier_export_entries_new ();
  g_autoptr(DossierArticle) wire = article (1, "Ferry crews walk out", "The Harbour Ledger", "2014-06-03",
                                            "Crews stopped work at dawn.\n\nThe union <said> so & more.");
  g_autoptr(DossierArticle) court = article (2, "Court halts strike", "The Marrow Evening Post", "2014-06-05",
                                             "A judge ordered the crews back.");
  g_autoptr(DossierAnnotation) note = dossier_annotation_new ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);

  dossier_annotation_set_quote (note, "stopped work at dawn");
  dossier_annotation_set_note (note, "Check the hour with the port log.");
  g_ptr_array_add (notes, g_object_ref (note));
  g_ptr_array_add (entries, dossier_export_entry_new (wire, notes));
  g_ptr_array_add (entries, dossier_export_entry_new (court, NULL));
  return entries;
}

static const char * const outlets[] = { "The Harbour Ledger", "The Marrow Evening Post", NULL };

static char *
export (DossierExportFormat format)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  DossierExportStoryInfo info = { "Ferry crews walk out <over> shifts", "3–5 June 2014 · 3 days", (char * const *) outlets };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = dossier_export_story_to_bytes (format, &info, entries, &error);
  gsize len;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &len);
  g_assert_true (g_utf8_validate (data, len, NULL));
  return g_strndup (data, len);
}

static void
test_html (void)
{
  g_autofree char *html = export (DOSSIER_EXPORT_HTML);
  const char *wire, *court;

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  /* the title, escaped, the span and the outlets */
  g_assert_nonnull (strstr (html, "<h1>Ferry crews walk out &lt;over&gt; shifts</h1>"));
  g_assert_nonnull (strstr (html, "3–5 June 2014 · 3 days"));
  g_assert_nonnull (strstr (html, "The Harbour Ledger, The Marrow Evening Post"));
  /* each article, in the order given, with its text in paragraphs */
  wire = strstr (html, "<h2>Ferry crews walk out</h2>");
  court = strstr (html, "<h2>Court halts strike</h2>");
  g_assert_nonnull (wire);
  g_assert_nonnull (court);
  g_assert_true (wire < court);
  g_assert_nonnull (strstr (html, "<p>Crews stopped work at dawn.</p>"));
  g_assert_nonnull (strstr (html, "<p>The union &lt;said&gt; so &amp; more.</p>"));
  g_assert_nonnull (strstr (html, "<p>A judge ordered the crews back.</p>"));
  /* the note, with its passage, under its own article */
  g_assert_nonnull (strstr (html, "<blockquote>stopped work at dawn</blockquote>"));
  g_assert_true (strstr (html, "Check the hour with the port log.") < court);
  g_assert_nonnull (strstr (html, "@media print"));
  g_assert_null (strstr (html, "<said>"));
}

static void
test_markdown (void)
{
  g_autofree char *md = export (DOSSIER_EXPORT_MARKDOWN);
  const char *wire, *court;

  g_assert_true (g_str_has_prefix (md, "# Ferry crews walk out <over> shifts\n"));
  g_assert_nonnull (strstr (md, "3–5 June 2014 · 3 days"));
  g_assert_nonnull (strstr (md, "The Harbour Ledger, The Marrow Evening Post"));
  wire = strstr (md, "## Ferry crews walk out\n");
  court = strstr (md, "## Court halts strike\n");
  g_assert_nonnull (wire);
  g_assert_nonnull (court);
  g_assert_true (wire < court);
  g_assert_nonnull (strstr (md, "*2014-06-03 · The Harbour Ledger*"));
  g_assert_nonnull (strstr (md, "Crews stopped work at dawn.\n\nThe union <said> so & more.\n"));
  g_assert_nonnull (strstr (md, "> stopped work at dawn\n\nCheck the hour with the port log.\n"));
  g_assert_true (strstr (md, "Check the hour") < court);
}

/* no outlets, no articles: still a document; CSV is refused */
static void
test_edges (void)
{
  g_autoptr(GPtrArray) none = dossier_export_entries_new ();
  DossierExportStoryInfo info = { "Alone", "Undated", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) html = dossier_export_story_to_bytes (DOSSIER_EXPORT_HTML, &info, none, &error);
  g_autoptr(GBytes) csv = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (html, NULL), "<h1>Alone</h1>"));
  csv = dossier_export_story_to_bytes (DOSSIER_EXPORT_CSV, &info, none, &error);
  g_assert_null (csv);
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FAILED);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Dossier/ExportStory/html", test_html);
  g_test_add_func ("/Dossier/ExportStory/markdown", test_markdown);
  g_test_add_func ("/Dossier/ExportStory/edges", test_edges);
  return g_test_run ();
}
