/* test-export.c — notes out: Markdown (checked with cmark), JSON-LD (checked
 * with the W3C conformance validator when /work/shared is there), CSV, the
 * HTML dossier, safe file names, and writing that never loses a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "dossier-exporter.h"
#include "dossier-test-util.h"
#include "dossier-article-state.h"
#include "test-export-common.h"

/* Article text that looks like Markdown, HTML, YAML and Obsidian syntax. */
static const char tricky_body[] =
  "1. Numbered line that is not a list.\n\n"
  "> not a quote, just a sign\n\n"
  "* not a bullet, _not emphasis_ and #not-a-tag either\n\n"
  "<b>bold</b> & &amp; `code` ==mark== $5 and $6 ~~strike~~ | pipe [link](x) \\ back\n\n"
  "    indented four spaces\n\n"
  "--- dashes and === equals at line start ---";

typedef struct
{
  gint64 a, b, c, d, e;
  guint  n_notes;
} Tricky;

static void
populate_tricky (DossierLibrary *library,
                 Tricky         *t)
{
  g_autoptr(DossierAnnotation) n1 = NULL, n2 = NULL, n3 = NULL, n4 = NULL, n5 = NULL;
  g_autoptr(DossierAnnotation) n6 = NULL, n7 = NULL, n8 = NULL;

  t->a = test_add_article (library, "He said: \"No\" — #1 *breaking* [live]",
                           "The \"Times\": Moscow\\Bureau", "https://example.org/a?x=1&y=<2>",
                           "2013-04-15", tricky_body);
  t->b = test_add_article (library, "Путин: новая речь\nвторая строка", "Коммерсантъ", NULL, NULL,
                           "Президент выступил с речью. Она была длинной.");
  /* same title and date as a: the folder export needs two names */
  t->c = test_add_article (library, "He said: \"No\" — #1 *breaking* [live]", "Other",
                           "https://example.org/c", "2013-04-15", "Another text entirely, with words.");
  t->d = test_add_article (library, "../../etc/passwd", NULL, NULL, "2009-03", "Traversal attempt body text.");
  t->e = test_add_article (library, "CON", NULL, NULL, "2010", "Reserved device name body.");

  n1 = test_annotate (library, t->a, "1. Numbered line that is not a list.\n\n> not a quote, just a sign",
                      "A plain note with **bold**.", "arms control,Россия", "blue");
  n2 = test_annotate (library, t->a, "<b>bold</b> & &amp; `code` ==mark== $5 and $6 ~~strike~~ | pipe [link](x) \\ back",
                      "=SUM(A1:A2)", NULL, "pink");
  n3 = test_annotate (library, t->a, "* not a bullet, _not emphasis_ and #not-a-tag either",
                      "```\nan unclosed fence", "#weird tag!", NULL);
  n4 = test_annotate (library, t->a, "--- dashes and === equals at line start ---",
                      "He said, \"yes\"\nthen left", NULL, "green");
  n5 = test_annotate (library, t->b, "Она была длинной", "Длинная речь", "Россия", "orange");
  n6 = test_annotate (library, t->c, "Another text", "<script>alert(1)</script>\n[click](javascript:alert(1))", NULL, NULL);
  n7 = test_annotate (library, t->d, "Traversal", NULL, NULL, "purple");
  n8 = test_annotate (library, t->e, "Reserved", "-1+2", NULL, NULL);
  t->n_notes = 8;
}

static GPtrArray *
collect_all (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = dossier_export_collect_sync (library, NULL, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static char *
to_string (DossierExportFormat  format,
           GPtrArray           *entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = dossier_export_to_bytes (format, entries, NULL, &error);
  gsize len;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);
  g_assert_true (g_utf8_validate_len (data, len, NULL));
  return g_strndup (data, len);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* cmark's HTML for @markdown, or NULL (and the test skipped) without cmark */
static char *
cmark_html (const char *markdown)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-cmark-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "in.md", NULL);
  const char *argv[] = { "cmark", "--validate-utf8", path, NULL };
  char *out = NULL;
  int status;

  if (!test_have_program ("cmark"))
    {
      g_test_skip ("cmark is not installed (apt-get install cmark)");
      return NULL;
    }
  g_assert_true (g_file_set_contents (path, markdown, -1, NULL));
  status = test_run (argv, &out, NULL);
  test_rm_rf (dir);
  g_assert_cmpint (status, ==, 0);
  return out;
}

/* --- formats and names ----------------------------------------------------- */

static void
test_format_names (void)
{
  DossierExportFormat f;

  g_assert_true (dossier_export_format_from_string ("markdown", &f));
  g_assert_cmpint (f, ==, DOSSIER_EXPORT_MARKDOWN);
  g_assert_true (dossier_export_format_from_string ("MD", &f));
  g_assert_cmpint (f, ==, DOSSIER_EXPORT_MARKDOWN);
  g_assert_true (dossier_export_format_from_string ("jsonld", &f));
  g_assert_cmpint (f, ==, DOSSIER_EXPORT_JSON);
  g_assert_true (dossier_export_format_from_string ("json", &f));
  g_assert_cmpint (f, ==, DOSSIER_EXPORT_JSON);
  g_assert_true (dossier_export_format_from_string ("csv", &f));
  g_assert_cmpint (f, ==, DOSSIER_EXPORT_CSV);
  g_assert_true (dossier_export_format_from_string ("html", &f));
  g_assert_cmpint (f, ==, DOSSIER_EXPORT_HTML);
  g_assert_false (dossier_export_format_from_string ("pdf", &f));
  g_assert_false (dossier_export_format_from_string ("", &f));
  g_assert_false (dossier_export_format_from_string (NULL, &f));
  g_assert_cmpstr (dossier_export_format_get_extension (DOSSIER_EXPORT_JSON), ==, "json");
}

static void
assert_safe_name (const char *name)
{
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_cmpuint (strlen (name), >, 0);
  g_assert_cmpuint (strlen (name), <=, 120);
  g_assert_null (strpbrk (name, "/\\:*?\"<>|#^[]\n\r\t"));
  g_assert_cmpint (name[0], !=, '.');
  g_assert_cmpint (name[strlen (name) - 1], !=, '.');
  g_assert_cmpint (name[strlen (name) - 1], !=, ' ');
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_cmpint (g_unichar_type (g_utf8_get_char (p)), !=, G_UNICODE_FORMAT);
}

static void
test_file_names (void)
{
  static const char * const hostile[] = {
    "../../etc/passwd", "..", ".", ".hidden", "a/b\\c:d*e?f\"g<h>i|j", "CON", "nul.txt", "COM1",
    "lpt9", "   ", "", "tab\there\nnewline", "ends with dots...", "#tag ^block [[link]]",
    "\xe2\x80\xae" "evil", "zero\xe2\x80\x8bwidth", NULL
  };
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autofree char *cut = NULL;

  for (guint i = 0; hostile[i] != NULL; i++)
    {
      g_autofree char *name = dossier_export_safe_file_name (hostile[i]);

      g_test_message ("“%s” → “%s”", hostile[i], name);
      assert_safe_name (name);
      g_assert_cmpstr (name, !=, "..");
    }
  {
    g_autofree char *n = dossier_export_safe_file_name ("CON");
    g_autofree char *m = dossier_export_safe_file_name ("Russia: a view");
    g_autofree char *e = dossier_export_safe_file_name ("");

    g_assert_cmpstr (n, ==, "_CON");
    g_assert_cmpstr (m, ==, "Russia - a view");
    g_assert_cmpstr (e, ==, "Untitled");
  }

  /* 200 Cyrillic characters (400 bytes): cut at a character boundary */
  for (guint i = 0; i < 200; i++)
    g_string_append (longest, i % 10 == 9 ? " " : "ж");
  cut = dossier_export_safe_file_name (longest->str);
  assert_safe_name (cut);
  g_assert_cmpuint (strlen (cut), >=, 60);
}

static void
test_file_name_for_article (void)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  DossierDate d = { 2013, 4, 15, DOSSIER_DATE_PRECISION_DAY };
  g_autofree char *n1 = NULL, *n2 = NULL;

  dossier_article_set_title (a, "Obama sends letter to Putin: “improve relations”");
  dossier_article_set_published (a, &d);
  n1 = dossier_export_file_name_for_article (a);
  g_assert_cmpstr (n1, ==, "2013-04-15 Obama sends letter to Putin - “improve relations”");
  dossier_article_set_title (a, NULL);
  dossier_article_set_published (a, NULL);
  n2 = dossier_export_file_name_for_article (a);
  g_assert_cmpstr (n2, ==, "Untitled");
}

static void
test_uri (void)
{
  g_autofree char *uri = dossier_export_uri_for_annotation (42, "0b1d0e1c-9a7e-4c1e-8f55-7d1f5f1a2b3c");
  g_autofree char *plain = dossier_export_uri_for_annotation (7, NULL);
  g_autofree char *uuid = NULL;
  gint64 id = 0;

  g_assert_cmpstr (uri, ==, "dossier://article/42?annotation=0b1d0e1c-9a7e-4c1e-8f55-7d1f5f1a2b3c");
  g_assert_true (dossier_export_parse_uri (uri, &id, &uuid));
  g_assert_cmpint (id, ==, 42);
  g_assert_cmpstr (uuid, ==, "0b1d0e1c-9a7e-4c1e-8f55-7d1f5f1a2b3c");
  g_clear_pointer (&uuid, g_free);
  g_assert_true (dossier_export_parse_uri (plain, &id, &uuid));
  g_assert_cmpint (id, ==, 7);
  g_assert_null (uuid);
  g_assert_false (dossier_export_parse_uri ("dossier://article/abc", &id, NULL));
  g_assert_false (dossier_export_parse_uri ("https://article/12", &id, NULL));
  g_assert_false (dossier_export_parse_uri ("dossier://article/0", &id, NULL));
  g_assert_false (dossier_export_parse_uri ("not a uri", &id, NULL));
}

/* --- collecting ------------------------------------------------------------- */

static void
test_collect (ExportFixture *f,
              gconstpointer  data)
{
  Tricky t;
  g_autoptr(GPtrArray) all = NULL, one = NULL, search = NULL, tagged = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierQuery) q = NULL, qt = NULL;
  gint64 empty, missing = 9999;
  guint total = 0;

  populate_tricky (f->library, &t);
  empty = test_add_article (f->library, "No notes here", NULL, NULL, "2012-01-01", "Nothing highlighted.");

  all = collect_all (f->library);
  /* articles with notes, oldest first, undated last */
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpint (dossier_article_get_id (((DossierExportEntry *) all->pdata[0])->article), ==, t.d);
  g_assert_cmpint (dossier_article_get_id (((DossierExportEntry *) all->pdata[1])->article), ==, t.e);
  g_assert_cmpint (dossier_article_get_id (((DossierExportEntry *) all->pdata[4])->article), ==, t.b);
  for (guint i = 0; i < all->len; i++)
    total += ((DossierExportEntry *) all->pdata[i])->annotations->len;
  g_assert_cmpuint (total, ==, t.n_notes);

  /* one article, even without notes */
  one = dossier_export_collect_sync (f->library, &empty, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpuint (((DossierExportEntry *) one->pdata[0])->annotations->len, ==, 0);

  g_assert_null (dossier_export_collect_sync (f->library, &missing, 1, NULL, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a search: the matching articles' notes */
  q = dossier_query_parse ("Traversal", FALSE);
  search = dossier_export_collect_sync (f->library, NULL, 0, q, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (search->len, ==, 1);
  g_assert_cmpint (dossier_article_get_id (((DossierExportEntry *) search->pdata[0])->article), ==, t.d);

  /* tag: selects the notes too */
  qt = dossier_query_parse ("tag:Россия", FALSE);
  tagged = dossier_export_collect_sync (f->library, NULL, 0, qt, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tagged->len, ==, 2);
  for (guint i = 0; i < tagged->len; i++)
    g_assert_cmpuint (((DossierExportEntry *) tagged->pdata[i])->annotations->len, ==, 1);

  /* an article's own tag selects all its notes, and every format has it */
  g_assert_true (dossier_article_state_tag_sync (f->library, t.d, "graphs", TRUE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DossierQuery) qa = dossier_query_parse ("tag:graphs", FALSE);
    g_autoptr(GPtrArray) own = dossier_export_collect_sync (f->library, NULL, 0, qa, NULL, &error);
    const DossierExportFormat formats[] = { DOSSIER_EXPORT_MARKDOWN, DOSSIER_EXPORT_JSON,
                                            DOSSIER_EXPORT_CSV, DOSSIER_EXPORT_HTML };

    g_assert_no_error (error);
    g_assert_cmpuint (own->len, ==, 1);
    g_assert_cmpint (dossier_article_get_id (((DossierExportEntry *) own->pdata[0])->article), ==, t.d);
    g_assert_cmpuint (((DossierExportEntry *) own->pdata[0])->annotations->len, >, 0);
    g_assert_cmpstrv (dossier_article_get_tags (((DossierExportEntry *) own->pdata[0])->article),
                      ((const char * const[]) { "graphs", NULL }));
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        g_autoptr(GBytes) bytes = dossier_export_to_bytes (formats[i], own, NULL, &error);
        g_autofree char *text = NULL;

        g_assert_no_error (error);
        text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
        g_assert_nonnull (strstr (text, "graphs"));
      }
  }
}

/* --- Markdown ---------------------------------------------------------------- */

static void
test_markdown_cmark (ExportFixture *f,
                     gconstpointer  data)
{
  Tricky t;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *md = NULL, *html = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  populate_tricky (f->library, &t);
  entries = collect_all (f->library);
  md = to_string (DOSSIER_EXPORT_MARKDOWN, entries);
  if (!(html = cmark_html (md)))
    return;
  g_test_message ("%s", md);

  /* one block quote per note: no article text or note opened or closed
   * one (the "> not a quote" line and the unclosed fence included) */
  g_assert_cmpuint (count (html, "<blockquote>"), ==, t.n_notes);
  /* the quotes are literal text */
  g_assert_nonnull (strstr (html, "<p>1. Numbered line that is not a list.</p>"));
  g_assert_nonnull (strstr (html, "<p>&gt; not a quote, just a sign</p>"));
  g_assert_nonnull (strstr (html, "* not a bullet, _not emphasis_ and #not-a-tag either"));
  g_assert_nonnull (strstr (html, "&lt;b&gt;bold&lt;/b&gt; &amp; &amp;amp; `code` ==mark== $5 and $6 ~~strike~~ | pipe [link](x) \\ back"));
  g_assert_nonnull (strstr (html, "--- dashes and === equals at line start ---"));
  g_assert_null (strstr (html, "<b>bold</b>"));
  g_assert_null (strstr (html, "<ol>"));
  /* titles are literal too */
  g_assert_nonnull (strstr (html, "<h2>He said: &quot;No&quot; — #1 *breaking* [live]</h2>"));
  /* notes are Markdown */
  g_assert_nonnull (strstr (html, "A plain note with <strong>bold</strong>."));
  /* the unclosed fence was closed: the notes after it are still notes */
  g_assert_nonnull (strstr (html, "<pre><code>an unclosed fence\n</code></pre>"));
  /* tags as #tags, and a link back to each note */
  g_assert_nonnull (strstr (html, "#arms-control #Россия"));
  g_assert_nonnull (strstr (html, "#weird-tag"));
  notes = dossier_library_list_annotations_sync (f->library, 0, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < notes->len; i++)
    {
      DossierAnnotation *a = g_ptr_array_index (notes, i);
      g_autofree char *uri = dossier_export_uri_for_annotation (dossier_annotation_get_article_id (a),
                                                                dossier_annotation_get_uuid (a));
      g_autofree char *href = g_strdup_printf ("<a href=\"%s\">", uri);

      g_assert_nonnull (strstr (html, href));
    }
  /* the original URL, whatever it holds, is one link */
  g_assert_nonnull (strstr (html, "<a href=\"https://example.org/a?x=1&amp;y=%3C2%3E\">"));
}

/* The front matter parses as YAML and gives back the exact strings. */
static void
test_markdown_front_matter (ExportFixture *f,
                            gconstpointer  data)
{
  Tricky t;
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *md = NULL, *dir = NULL, *path = NULL, *out = NULL, *err = NULL;
  const char *script =
    "import sys, yaml, json\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "assert text.startswith('---\\n')\n"
    "front = text[4:text.index('\\n---\\n')]\n"
    "print(json.dumps(yaml.safe_load(front), default=str))\n";
  const char *argv[] = { "python3", "-c", script, NULL, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;
  JsonArray *tags;

  populate_tricky (f->library, &t);
  article = dossier_library_get_article_sync (f->library, t.a, &error);
  g_assert_no_error (error);
  notes = dossier_library_list_annotations_sync (f->library, t.a, NULL, &error);
  g_assert_no_error (error);
  md = dossier_export_markdown_for_article (article, notes);
  g_assert_true (g_str_has_prefix (md, "---\ntitle: \"He said: \\\"No\\\" — #1 *breaking* [live]\"\n"));
  g_assert_nonnull (strstr (md, "\npublished: 2013-04-15\n"));
  g_assert_nonnull (strstr (md, "\ndossier-id: "));

  if (!test_have_program ("python3") ||
      test_run ((const char *[]) { "python3", "-c", "import yaml", NULL }, NULL, NULL) != 0)
    {
      g_test_skip ("python3 with the yaml module is not available");
      return;
    }
  dir = g_dir_make_tmp ("dossier-yaml-XXXXXX", NULL);
  path = g_build_filename (dir, "a.md", NULL);
  g_assert_true (g_file_set_contents (path, md, -1, NULL));
  argv[3] = path;
  g_assert_cmpint (test_run (argv, &out, &err), ==, 0);
  test_rm_rf (dir);
  g_test_message ("%s", out);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, dossier_article_get_title (article));
  g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "The \"Times\": Moscow\\Bureau");
  g_assert_cmpstr (json_object_get_string_member (o, "url"), ==, "https://example.org/a?x=1&y=<2>");
  g_assert_cmpstr (json_object_get_string_member (o, "published"), ==, "2013-04-15");
  g_assert_cmpint (json_object_get_int_member (o, "dossier-id"), ==, t.a);
  tags = json_object_get_array_member (o, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (tags, 0), ==, "arms-control");
  g_assert_cmpstr (json_array_get_string_element (tags, 1), ==, "Россия");
  g_assert_cmpstr (json_array_get_string_element (tags, 2), ==, "weird-tag");
}

static void
test_markdown_one_note (ExportFixture *f,
                        gconstpointer  data)
{
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(DossierAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *md = NULL, *html = NULL, *uri = NULL;
  gint64 id;

  id = test_add_article (f->library, "Clinton, Putin to Hold First Meeting", "The Moscow Times",
                         "https://example.org/clinton", "2009-03-06",
                         "Secretary of State Hillary Clinton will meet Foreign Minister Sergei Lavrov.");
  a = test_annotate (f->library, id, "Hillary Clinton will meet", "First *reset* meeting.", "reset", "yellow");
  article = dossier_library_get_article_sync (f->library, id, &error);
  g_assert_no_error (error);
  md = dossier_export_markdown_for_annotation (article, a);
  uri = dossier_export_uri_for_annotation (id, dossier_annotation_get_uuid (a));
  g_test_message ("%s", md);
  g_assert_true (g_str_has_prefix (md, "> Hillary Clinton will meet\n>\n> — Clinton, Putin to Hold First Meeting, *The Moscow Times*, 6 March 2009\n"));
  g_assert_nonnull (strstr (md, "First *reset* meeting."));
  g_assert_nonnull (strstr (md, "#reset"));
  g_assert_nonnull (strstr (md, uri));
  if (!(html = cmark_html (md)))
    return;
  g_assert_cmpuint (count (html, "<blockquote>"), ==, 1);
  g_assert_nonnull (strstr (html, "<em>reset</em>"));
}

static guint
count_files (const char *dir,
             const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (suffix == NULL || g_str_has_suffix (name, suffix))
      n++;
  return n;
}

static void
test_markdown_folder (ExportFixture *f,
                      gconstpointer  data)
{
  Tricky t;
  g_autoptr(GPtrArray) entries = NULL, written = NULL, again = NULL, forced = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "vault", "Dossier", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *first = NULL, *second = NULL, *edited = NULL, *contents = NULL;
  g_autofree char *foreign = NULL;

  populate_tricky (f->library, &t);
  entries = collect_all (f->library);

  g_assert_true (dossier_export_write_folder (entries, NULL, folder, FALSE, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, entries->len);
  g_assert_cmpuint (count_files (dir, ".md"), ==, entries->len);
  g_assert_cmpuint (count_files (dir, NULL), ==, entries->len);   /* no temporary files left */

  first = g_build_filename (dir, "2013-04-15 He said - No — 1 breaking live.md", NULL);
  second = g_build_filename (dir, "2013-04-15 He said - No — 1 breaking live (2).md", NULL);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *base = g_path_get_basename (written->pdata[i]);
      g_autofree char *parent = g_path_get_dirname (written->pdata[i]);

      g_test_message ("wrote %s", base);
      g_assert_cmpstr (parent, ==, dir);    /* nothing escaped the folder */
      g_assert_true (g_str_has_suffix (base, ".md"));
      base[strlen (base) - 3] = '\0';
      assert_safe_name (base);
    }
  {
    g_autofree char *passwd = g_build_filename (dir, "2009-03 etc passwd.md", NULL);
    g_autofree char *con = g_build_filename (dir, "2010 CON.md", NULL);

    g_assert_true (g_file_test (passwd, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (con, G_FILE_TEST_IS_REGULAR));
  }

  /* exporting again replaces our own unchanged files: no duplicates */
  g_assert_true (dossier_export_write_folder (entries, NULL, folder, FALSE, &again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir, ".md"), ==, entries->len);

  /* a file the user edited is kept; the export goes next to it */
  g_assert_true (g_file_get_contents (first, &contents, NULL, NULL));
  edited = g_strconcat (contents, "\nMy own thoughts, written in Obsidian.\n", NULL);
  g_assert_true (g_file_set_contents (first, edited, -1, NULL));
  g_clear_pointer (&again, g_ptr_array_unref);
  g_assert_true (dossier_export_write_folder (entries, NULL, folder, FALSE, &again, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (first, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, edited);
  g_assert_cmpuint (count_files (dir, ".md"), ==, entries->len + 1);

  /* so is a file that is not ours at all */
  foreign = g_build_filename (dir, "2009-03 etc passwd.md", NULL);
  g_assert_true (g_file_set_contents (foreign, "my file\n", -1, NULL));
  g_clear_pointer (&again, g_ptr_array_unref);
  g_assert_true (dossier_export_write_folder (entries, NULL, folder, FALSE, &again, NULL, &error));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (foreign, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "my file\n");

  /* unless the caller says to overwrite */
  g_assert_true (dossier_export_write_folder (entries, NULL, folder, TRUE, &forced, NULL, &error));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (foreign, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "---\ntitle: \"../../etc/passwd\"\n"));
}

/* --- JSON-LD ---------------------------------------------------------------- */

static void
test_json_structure (ExportFixture *f,
                     gconstpointer  data)
{
  Tricky t;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *page;
  JsonArray *items;
  gboolean saw_orphanless_highlight = FALSE, saw_urn = FALSE;

  populate_tricky (f->library, &t);
  entries = collect_all (f->library);
  json = to_string (DOSSIER_EXPORT_JSON, entries);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "AnnotationCollection");
  g_assert_cmpint (json_object_get_int_member (root, "total"), ==, t.n_notes);
  page = json_object_get_object_member (root, "first");
  g_assert_cmpstr (json_object_get_string_member (page, "type"), ==, "AnnotationPage");
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, t.n_notes);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *a = json_array_get_object_element (items, i);
      JsonObject *target = json_object_get_object_member (a, "target");
      JsonArray *selectors = json_object_get_array_member (target, "selector");
      JsonObject *quote = json_array_get_object_element (selectors, 0);
      JsonObject *pos = json_array_get_object_element (selectors, 1);
      const char *source = json_object_get_string_member (target, "source");
      const char *motivation = json_object_get_string_member (a, "motivation");
      g_autoptr(DossierAnnotation) stored = NULL;
      const char *id = json_object_get_string_member (a, "id");
      gint64 created;

      g_assert_cmpstr (json_object_get_string_member (a, "@context"), ==, "http://www.w3.org/ns/anno.jsonld");
      g_assert_true (g_str_has_prefix (id, "urn:uuid:"));
      g_assert_cmpstr (json_object_get_string_member (a, "type"), ==, "Annotation");
      stored = dossier_library_find_annotation_by_uuid_sync (f->library, id + 9, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (motivation, ==, dossier_annotation_get_note (stored) ? "commenting" : "highlighting");
      g_assert_true (dossier_timestamp_from_iso (json_object_get_string_member (a, "created"), &created));
      g_assert_cmpint (created, ==, dossier_annotation_get_created (stored));
      g_assert_cmpstr (json_object_get_string_member (quote, "type"), ==, "TextQuoteSelector");
      g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==, dossier_annotation_get_quote (stored));
      g_assert_cmpstr (json_object_get_string_member (quote, "prefix"), ==, dossier_annotation_get_prefix (stored));
      g_assert_cmpstr (json_object_get_string_member (pos, "type"), ==, "TextPositionSelector");
      g_assert_cmpint (json_object_get_int_member (pos, "start"), ==, dossier_annotation_get_start (stored));
      g_assert_cmpint (json_object_get_int_member (pos, "end"), ==, dossier_annotation_get_end (stored));
      g_assert_nonnull (strstr (json_object_get_string_member (target, "styleClass"),
                                dossier_annotation_get_color (stored)));
      if (g_str_has_prefix (source, "urn:dossier:article:"))
        saw_urn = TRUE;
      if (json_object_has_member (a, "body"))
        {
          JsonArray *bodies = json_object_get_array_member (a, "body");
          guint n_tags = 0;

          for (guint k = 0; k < json_array_get_length (bodies); k++)
            {
              JsonObject *b = json_array_get_object_element (bodies, k);

              g_assert_cmpstr (json_object_get_string_member (b, "type"), ==, "TextualBody");
              if (g_strcmp0 (json_object_get_string_member (b, "purpose"), "tagging") == 0)
                n_tags++;
              else
                {
                  g_assert_cmpstr (json_object_get_string_member (b, "format"), ==, "text/markdown");
                  g_assert_cmpstr (json_object_get_string_member (b, "value"), ==, dossier_annotation_get_note (stored));
                }
            }
          g_assert_cmpuint (n_tags, ==, g_strv_length ((char **) dossier_annotation_get_tags (stored)));
        }
      else
        saw_orphanless_highlight = TRUE;
    }
  g_assert_true (saw_urn);                   /* articles without a URL */
  g_assert_true (saw_orphanless_highlight);  /* a highlight with no note or tag */
}

static void
test_json_validator (ExportFixture *f,
                     gconstpointer  data)
{
  const char *shared = g_getenv ("DOSSIER_SHARED_DIR");
  g_autofree char *validate = NULL, *path = NULL, *json = NULL, *out = NULL, *err = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  Tricky t;
  const char *argv[] = { NULL, NULL, NULL };
  int status;

  if (shared == NULL)
    {
      g_test_skip ("DOSSIER_SHARED_DIR is not set");
      return;
    }
  validate = g_build_filename (shared, "conformance", "annotation-model", "validate", NULL);
  if (!g_file_test (validate, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the annotation-model validator is not there");
      return;
    }
  populate_tricky (f->library, &t);
  test_populate_bulk (f->library, 20, 3);
  entries = collect_all (f->library);
  json = to_string (DOSSIER_EXPORT_JSON, entries);
  path = g_build_filename (f->dir, "export.json", NULL);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  argv[0] = validate;
  argv[1] = path;
  status = test_run (argv, &out, &err);
  g_test_message ("validate: %s%s", out, err);
  if (status == 2 && strstr (err, "jsonschema") != NULL)
    {
      g_test_skip ("the validator needs python3-jsonschema");
      return;
    }
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, " 0 failed"));
}

/* --- CSV ---------------------------------------------------------------------- */

/* A strict RFC 4180 reader: rows of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; ; p++)
            {
              g_assert_cmpint (*p, !=, '\0');   /* unterminated quoted field */
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
        }
      else
        while (*p != ',' && *p != '\r' && *p != '\n' && *p != '\0')
          {
            g_assert_cmpint (*p, !=, '"');    /* a bare quote in an unquoted field */
            g_string_append_c (field, *p++);
          }
      g_strv_builder_add (row, field->str);
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_cmpint (*p, ==, '\r');     /* rows end with CRLF */
          g_assert_cmpint (p[1], ==, '\n');
          p += 2;
          g_ptr_array_add (rows, g_strv_builder_end (row));
          g_strv_builder_unref (row);
          row = g_strv_builder_new ();
        }
    }
  return rows;
}

static void
test_csv (ExportFixture *f,
          gconstpointer  data)
{
  Tricky t;
  g_autoptr(GPtrArray) entries = NULL, rows = NULL;
  g_autofree char *csv = NULL;
  gboolean saw_formula = FALSE, saw_minus = FALSE, saw_multiline = FALSE, saw_cyrillic = FALSE;

  populate_tricky (f->library, &t);
  entries = collect_all (f->library);
  csv = to_string (DOSSIER_EXPORT_CSV, entries);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "title,source,published,url,quote,note,tags,colour,created\r\n"));
  rows = parse_csv (csv + 3);
  g_assert_cmpuint (rows->len, ==, t.n_notes + 1);
  for (guint i = 0; i < rows->len; i++)
    {
      char **r = g_ptr_array_index (rows, i);

      g_assert_cmpuint (g_strv_length (r), ==, 9);
      for (guint k = 0; k < 9; k++)
        g_assert_false (r[k][0] == '=' || r[k][0] == '+' || r[k][0] == '-' || r[k][0] == '@');
      if (g_strcmp0 (r[5], "'=SUM(A1:A2)") == 0)
        saw_formula = TRUE;
      if (g_strcmp0 (r[5], "'-1+2") == 0)
        saw_minus = TRUE;
      if (g_strcmp0 (r[5], "He said, \"yes\"\r\nthen left") == 0)
        saw_multiline = TRUE;
      if (g_strcmp0 (r[6], "Россия") == 0 && g_strcmp0 (r[1], "Коммерсантъ") == 0)
        saw_cyrillic = TRUE;
    }
  g_assert_true (saw_formula);
  g_assert_true (saw_minus);
  g_assert_true (saw_multiline);
  g_assert_true (saw_cyrillic);
  /* a quote starting with "---" is guarded too */
  g_assert_nonnull (strstr (csv, ",\"'--- dashes and === equals at line start ---\","));
}

/* --- HTML ---------------------------------------------------------------------- */

static void
test_html (ExportFixture *f,
           gconstpointer  data)
{
  Tricky t;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *html = NULL;
  DossierExportOptions options = { "U.S.–Russian relations <2009–2014>", "Search: tag:reset", 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  populate_tricky (f->library, &t);
  entries = collect_all (f->library);
  bytes = dossier_export_to_bytes (DOSSIER_EXPORT_HTML, entries, &options, &error);
  g_assert_no_error (error);
  html = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  /* the cover, the contents, one section per article and one per note */
  g_assert_nonnull (strstr (html, "<h1>U.S.–Russian relations &lt;2009–2014&gt;</h1>"));
  g_assert_nonnull (strstr (html, "Search: tag:reset"));
  g_assert_cmpuint (count (html, "<li><span class=\"date\">"), ==, entries->len);
  g_assert_cmpuint (count (html, "<article class=\"entry\""), ==, entries->len);
  g_assert_cmpuint (count (html, "<section class=\"note\""), ==, t.n_notes);
  /* nothing from the library becomes markup or script */
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "href=\"javascript:"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "Content-Security-Policy"));
  /* notes keep their emphasis */
  g_assert_nonnull (strstr (html, "A plain note with <strong>bold</strong>."));
  /* print CSS */
  g_assert_nonnull (strstr (html, "@page"));
  g_assert_nonnull (strstr (html, "@media print"));
}

static void
test_html_note_subset (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "plain", "<p>plain</p>\n" },
    { "**b** *i* `c<d>`", "<p><strong>b</strong> <em>i</em> <code>c&lt;d&gt;</code></p>\n" },
    { "- one\n- two", "<ul>\n<li>one</li>\n<li>two</li></ul>\n" },
    { "1. one\n2. two", "<ol>\n<li>one</li>\n<li>two</li></ol>\n" },
    { "[ok](https://example.org/?a=1&b=\"2\")", "<p><a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">ok</a></p>\n" },
    { "[bad](javascript:alert(1))", "<p>[bad](javascript:alert(1))</p>\n" },
    { "<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n" },
    { "a\nb\n\nc", "<p>a<br>\nb</p>\n<p>c</p>\n" },
    { "```\n<b>x</b>", "<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>\n" },
    { "snake_case_name", "<p>snake_case_name</p>\n" },
    { "**unclosed", "<p>**unclosed</p>\n" },
    /* raw HTML, inline or a block, is shown as typed */
    { "a <script>alert(1)</script> b", "<p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p>\n" },
    { "<script>\nalert(1)\n</script>", "<p>&lt;script&gt;<br>\nalert(1)<br>\n&lt;/script&gt;</p>\n" },
    { "<!-- hidden -->", "<p>&lt;!-- hidden --&gt;</p>\n" },
    /* blocks */
    { "# Head", "<p><strong>Head</strong></p>\n" },
    { "> quote", "<blockquote>\n<p>quote</p>\n</blockquote>\n" },
    { "3. three\n4. four", "<ol start=\"3\">\n<li>three</li>\n<li>four</li></ol>\n" },
    { "- a\n  - b", "<ul>\n<li>a<ul>\n<li>b</li></ul>\n</li></ul>\n" },
    /* links: http(s) and mailto only; images load nothing */
    { "<me@example.org> <javascript:alert(1)>",
      "<p><a href=\"mailto:me@example.org\">me@example.org</a> &lt;javascript:alert(1)&gt;</p>\n" },
    { "[x](data:text/html,hi \"t\")", "<p>[x](data:text/html,hi)</p>\n" },
    { "![pixel](https://tracker.invalid/p.gif)", "<p>pixel</p>\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DossierArticle) article = dossier_article_new ();
      g_autoptr(DossierAnnotation) a = dossier_annotation_new ();
      g_autoptr(GPtrArray) entries = dossier_export_entries_new ();
      g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *html = NULL, *want = NULL;

      dossier_article_set_id (article, 1);
      dossier_annotation_set_uuid (a, "u");
      dossier_annotation_set_quote (a, "q");
      dossier_annotation_set_note (a, cases[i].in);
      g_ptr_array_add (notes, g_object_ref (a));
      g_ptr_array_add (entries, dossier_export_entry_new (article, notes));
      html = to_string (DOSSIER_EXPORT_HTML, entries);
      want = g_strdup_printf ("<div class=\"text\">%s</div>", cases[i].out);
      if (strstr (html, want) == NULL)
        g_error ("note %s: want %s in\n%s", cases[i].in, want, strstr (html, "<section class=\"note\""));
    }
}

/* --- writing safely ------------------------------------------------------------- */

static void
test_write_refuses_foreign_file (ExportFixture *f,
                                 gconstpointer  data)
{
  Tricky t;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "notes.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierExportFormat formats[] = { DOSSIER_EXPORT_MARKDOWN, DOSSIER_EXPORT_JSON,
                                    DOSSIER_EXPORT_CSV, DOSSIER_EXPORT_HTML };

  populate_tricky (f->library, &t);
  entries = collect_all (f->library);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *other = NULL;

      /* somebody's file: refused, untouched */
      g_assert_true (g_file_set_contents (path, "precious\n", -1, NULL));
      g_assert_false (dossier_export_write_file (formats[i], entries, NULL, file, FALSE, NULL, &error));
      g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_EXISTS);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "precious\n");
      g_clear_pointer (&contents, g_free);

      /* told to: replaced */
      g_assert_true (dossier_export_write_file (formats[i], entries, NULL, file, TRUE, NULL, &error));
      g_assert_no_error (error);

      /* our own earlier export of the same format: replaced without asking */
      g_assert_true (dossier_export_write_file (formats[i], entries, NULL, file, FALSE, NULL, &error));
      g_assert_no_error (error);

      /* an earlier export in another format: not ours to replace */
      other = g_build_filename (f->dir, "other", NULL);
      {
        g_autoptr(GFile) o = g_file_new_for_path (other);
        DossierExportFormat next = formats[(i + 1) % G_N_ELEMENTS (formats)];

        g_assert_true (dossier_export_write_file (next, entries, NULL, o, TRUE, NULL, &error));
        g_assert_false (dossier_export_write_file (formats[i], entries, NULL, o, FALSE, NULL, &error));
        g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_EXISTS);
        g_clear_error (&error);
        g_unlink (other);
      }
    }

  /* an edited Markdown export is not replaced either */
  g_assert_true (dossier_export_write_file (DOSSIER_EXPORT_MARKDOWN, entries, NULL, file, TRUE, NULL, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  {
    g_autofree char *edited = g_strdup (contents);

    edited[strlen ("---\ntitle: \"")] = 'X';
    g_assert_true (g_file_set_contents (path, edited, -1, NULL));
    g_assert_false (dossier_export_write_file (DOSSIER_EXPORT_MARKDOWN, entries, NULL, file, FALSE, NULL, &error));
    g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_EXISTS);
  }
}

static gboolean
is_root (void)
{
  return getuid () == 0;
}

/* A read-only folder (a read-only tmpfs when running as root, since root
 * ignores permissions): a clear error naming the path, nothing written. */
static void
test_write_unwritable (ExportFixture *f,
                       gconstpointer  data)
{
  Tricky t;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.md", NULL);
  g_autofree char *sub = g_build_filename (dir, "vault", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (sub);
  gboolean mounted = FALSE;

  populate_tricky (f->library, &t);
  entries = collect_all (f->library);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  if (is_root ())
    {
      const char *argv[] = { "mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", dir, NULL };

      if (test_run (argv, NULL, NULL) != 0)
        {
          g_test_skip ("running as root and cannot mount a read-only tmpfs");
          return;
        }
      mounted = TRUE;
    }
  else
    g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_assert_false (dossier_export_write_file (DOSSIER_EXPORT_MARKDOWN, entries, NULL, file, FALSE, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_false (dossier_export_write_folder (entries, NULL, folder, FALSE, NULL, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, sub));
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir, NULL), ==, 0);

  if (mounted)
    {
      const char *argv[] = { "umount", dir, NULL };

      g_assert_cmpint (test_run (argv, NULL, NULL), ==, 0);
    }
}

/* A full disk: the export fails with a clear message, the earlier export
 * it was to replace is intact, and no temporary file is left behind. */
static void
test_write_disk_full (ExportFixture *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL, small = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "tiny", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.md", NULL);
  g_autofree char *vault = g_build_filename (dir, "vault", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (vault);
  const char *mount[] = { "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir, NULL };
  const char *umount[] = { "umount", dir, NULL };
  gint64 id;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  if (!is_root () || test_run (mount, NULL, NULL) != 0)
    {
      g_test_skip ("cannot mount a small tmpfs here (needs root)");
      return;
    }

  /* a small export fits */
  id = test_add_article (f->library, "Small", NULL, NULL, NULL, "Short text.");
  g_object_unref (test_annotate (f->library, id, "Short", "tiny", NULL, NULL));
  small = collect_all (f->library);
  g_assert_true (dossier_export_write_file (DOSSIER_EXPORT_MARKDOWN, small, NULL, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* a big one does not */
  test_populate_bulk (f->library, 100, 5);
  entries = collect_all (f->library);
  g_assert_false (dossier_export_write_file (DOSSIER_EXPORT_MARKDOWN, entries, NULL, file, FALSE, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_files (dir, NULL), ==, 1);

  /* one file per article: all or nothing */
  g_assert_false (dossier_export_write_folder (entries, NULL, folder, FALSE, NULL, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (vault, NULL), ==, 0);

  g_assert_cmpint (test_run (umount, NULL, NULL), ==, 0);
}

/* --- the command line ---------------------------------------------------------- */

static void
test_cli (ExportFixture *f,
          gconstpointer  data)
{
  const char *cli = g_getenv ("DOSSIER_CLI");
  g_autofree char *library = NULL, *out = NULL, *err = NULL, *target = NULL, *vault = NULL;
  g_autofree char *article = NULL;
  Tricky t;
  int status;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("DOSSIER_CLI is not set");
      return;
    }
  populate_tricky (f->library, &t);
  library = g_strdup (dossier_library_get_path (f->library));
  dossier_library_close (f->library);
  g_clear_object (&f->library);

  /* standard output */
  status = test_run ((const char *[]) { cli, "export", "--library", library, "--format", "json", NULL }, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "\"AnnotationCollection\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* one article */
  article = g_strdup_printf ("%" G_GINT64_FORMAT, t.b);
  status = test_run ((const char *[]) { cli, "export", "--library", library, "--format", "csv",
                                        "--article", article, NULL }, &out, &err);
  g_assert_cmpint (status, ==, 0);
  {
    g_autoptr(GPtrArray) rows = parse_csv (out + 3);

    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpstr (((char **) rows->pdata[1])[5], ==, "Длинная речь");
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* one article in Markdown: a standalone note with its front matter */
  status = test_run ((const char *[]) { cli, "export", "--library", library, "--format", "md",
                                        "--article", article, NULL }, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "---\ntitle: \"Путин: новая речь\\nвторая строка\"\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a file that is not ours is refused, and kept */
  target = g_build_filename (f->dir, "mine.txt", NULL);
  g_assert_true (g_file_set_contents (target, "mine", -1, NULL));
  status = test_run ((const char *[]) { cli, "export", "--library", library, "--format", "html",
                                        "--output", target, NULL }, &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, target));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (target, &out, NULL, NULL));
  g_assert_cmpstr (out, ==, "mine");
  g_clear_pointer (&out, g_free);

  /* a folder gets one Markdown file per article */
  vault = g_strconcat (f->dir, "/vault/", NULL);
  status = test_run ((const char *[]) { cli, "export", "--library", library, "--format", "markdown",
                                        "--query", "Traversal OR Reserved", "--output", vault, NULL }, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (count_files (vault, ".md"), ==, 2);

  /* an unknown article is an error */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = test_run ((const char *[]) { cli, "export", "--library", library, "--format", "md",
                                        "--article", "999", NULL }, &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "999"));
}

/* --- speed ------------------------------------------------------------------------- */

static void
test_speed (ExportFixture *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "vault", NULL);
  g_autofree char *path = g_build_filename (f->dir, "all.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 t0, t1, t2, t3;
  guint n = 0;

  /* 10,000 notes on 1,000 articles */
  test_populate_bulk (f->library, 1000, 10);

  t0 = g_get_monotonic_time ();
  entries = collect_all (f->library);
  t1 = g_get_monotonic_time ();
  g_assert_true (dossier_export_write_file (DOSSIER_EXPORT_MARKDOWN, entries, NULL, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  t2 = g_get_monotonic_time ();
  g_assert_true (dossier_export_write_folder (entries, NULL, folder, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  t3 = g_get_monotonic_time ();
  for (guint i = 0; i < entries->len; i++)
    n += ((DossierExportEntry *) entries->pdata[i])->annotations->len;
  g_assert_cmpuint (n, ==, 10000);
  g_test_message ("10,000 notes: collect %.0f ms, one Markdown file %.0f ms, 1,000 files %.0f ms",
                  (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, (t3 - t2) / 1000.0);
  /* the budget is 1 s; a loaded CI machine gets slack */
  g_assert_cmpint (t2 - t0, <, 5 * G_USEC_PER_SEC * (gint64) dossier_test_slowdown ());
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define FIXTURE_TEST(path, func) \
  g_test_add (path, ExportFixture, NULL, export_fixture_setup, func, export_fixture_teardown)

  g_test_add_func ("/Dossier/Export/format-names", test_format_names);
  g_test_add_func ("/Dossier/Export/file-names", test_file_names);
  g_test_add_func ("/Dossier/Export/file-name-for-article", test_file_name_for_article);
  g_test_add_func ("/Dossier/Export/uri", test_uri);
  g_test_add_func ("/Dossier/Export/html-note-subset", test_html_note_subset);
  FIXTURE_TEST ("/Dossier/Export/collect", test_collect);
  FIXTURE_TEST ("/Dossier/Export/markdown-cmark", test_markdown_cmark);
  FIXTURE_TEST ("/Dossier/Export/markdown-front-matter", test_markdown_front_matter);
  FIXTURE_TEST ("/Dossier/Export/markdown-one-note", test_markdown_one_note);
  FIXTURE_TEST ("/Dossier/Export/markdown-folder", test_markdown_folder);
  FIXTURE_TEST ("/Dossier/Export/json-structure", test_json_structure);
  FIXTURE_TEST ("/Dossier/Export/json-validator", test_json_validator);
  FIXTURE_TEST ("/Dossier/Export/csv", test_csv);
  FIXTURE_TEST ("/Dossier/Export/html", test_html);
  FIXTURE_TEST ("/Dossier/Export/write-refuses-foreign-file", test_write_refuses_foreign_file);
  FIXTURE_TEST ("/Dossier/Export/write-unwritable", test_write_unwritable);
  FIXTURE_TEST ("/Dossier/Export/write-disk-full", test_write_disk_full);
  FIXTURE_TEST ("/Dossier/Export/cli", test_cli);
  FIXTURE_TEST ("/Dossier/Export/speed", test_speed);

  return g_test_run ();
}
