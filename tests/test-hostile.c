/* test-hostile.c — pages, titles and queries written to do harm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages with scripts, iframes, remote images, javascript: links and XML
 * external entities import as plain text: nothing is executed, fetched or
 * expanded (dossier-cli import runs under strace: no network socket is
 * ever opened).  Export file names cannot leave the export folder.
 * Nothing typed into search becomes SQL.
 */
#include "config.h"

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "dossier-export.h"
#include "dossier-extract.h"
#include "dossier-html-extract.h"
#include "dossier-library.h"
#include "dossier-test-util.h"

#define HOSTILE_DIR TEST_DATA_DIR "/hostile"

static DossierExtracted *
extract (const char *name)
{
  g_autofree char *path = dossier_test_data_path ("hostile", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierExtracted *x = dossier_extract_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (x);
  return x;
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  if (text != NULL && strstr (text, needle) != NULL)
    g_error ("found “%s” in: %s", needle, text);
}

static void
test_scripts (void)
{
  g_autoptr(DossierExtracted) x = extract ("scripts.html");
  static const char * const never[] = {
    "INJECTED", "IFRAME-FALLBACK", "NOSCRIPT-PIXEL", "FORM-VALUE", "SVG-FOREIGN",
    "OBJECT-FALLBACK", "javascript:", ".invalid", "document.", "alert(", "fetch(",
  };

  g_assert_cmpstr (x->title, ==, "Port talks collapse after a night of bargaining");
  g_assert_nonnull (strstr (x->body, "walked out of the talks at dawn"));
  g_assert_nonnull (strstr (x->body, "restart the negotiations"));
  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    {
      assert_lacks (x->body, never[i]);
      assert_lacks (x->title, never[i]);
      assert_lacks (x->byline, never[i]);
      assert_lacks (x->url, never[i]);
    }
}

static char *
replace (const char *text,
         const char *token,
         const char *value)
{
  g_auto(GStrv) parts = g_strsplit (text, token, -1);

  return g_strjoinv (value, parts);
}

/* <embed> is a void element, but libxml2's HTML parser does not know it
 * and makes what follows its children: the text after it must survive. */
static void
test_embed (void)
{
  g_autoptr(DossierExtracted) x = extract ("embed.html");

  assert_lacks (x->body, ".invalid");
  g_assert_nonnull (strstr (x->body, "voted by a large majority"));
  g_assert_nonnull (strstr (x->body, "eleven hours of rest"));
}

/* The same for every void element libxml2's HTML 4 parser does not know as
 * one, wherever it stands: between paragraphs, inside one, in a <video>. */
static void
test_void_elements (void)
{
  static const char * const tags[] = { "embed", "source", "track", "wbr", "param", "keygen" };
  static const char * const shapes[] = {
    /* one paragraph after it */
    "<p>@1@</p>\n<@T@ src=\"https://media.invalid/a\">\n<p>@2@</p>\n",
    /* in the middle of a sentence */
    "<p>@1@ <@T@ src=\"https://media.invalid/b\"> @2@</p>\n",
    /* closed the XHTML way */
    "<p>@1@</p><@T@ src=\"https://media.invalid/c\" /><p>@2@</p>\n",
    /* in a <video>, with the fallback text after it */
    "<p>@1@</p><video><@T@ src=\"https://media.invalid/d\"></video><p>@2@</p>\n",
    /* two in a row, then a paragraph inside a <div> */
    "<p>@1@</p><@T@ src=\"https://media.invalid/e\"><@T@ src=\"https://media.invalid/f\"><div><p>@2@</p></div>\n",
  };
  const char *first = "Harbour pilots voted by a large majority on Friday to accept the new roster "
                      "proposed by the port authority, ending a dispute that had delayed several ships.";
  const char *second = "The pilots' association said the new roster guaranteed eleven hours of rest "
                       "between shifts and an extra pilot on night duty during the winter months.";

  for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
    for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
      {
        g_autofree char *with_tag = replace (shapes[s], "@T@", tags[t]);
        g_autofree char *with_first = replace (with_tag, "@1@", first);
        g_autofree char *article = replace (with_first, "@2@", second);
        g_autofree char *page = NULL;
        g_autoptr(DossierExtracted) x = NULL;
        g_autoptr(GError) error = NULL;

        page = g_strdup_printf ("<!DOCTYPE html>\n<html><head><title>Pilots vote to accept the new roster"
                                "</title></head><body><article><h1>Pilots vote to accept the new roster</h1>\n"
                                "%s</article></body></html>\n", article);
        x = dossier_html_extract (page, strlen (page), "void.html", &error);
        g_assert_no_error (error);
        g_assert_nonnull (x);
        if (strstr (x->body, "eleven hours of rest") == NULL || strstr (x->body, "large majority") == NULL)
          g_error ("<%s>, shape %u: text lost: %s", tags[t], s, x->body);
        assert_lacks (x->body, ".invalid");
        assert_lacks (x->body, tags[t]);
        g_assert_cmpstr (x->title, ==, "Pilots vote to accept the new roster");
      }
}

static void
test_external_entities (void)
{
  g_autoptr(DossierExtracted) x = extract ("xxe.html");
  g_autofree char *passwd = NULL;
  g_autofree char *laughs = g_strnfill (60, 'x');

  for (guint i = 0; i < 20; i++)
    memcpy (laughs + 3 * i, "lol", 3);

  g_assert_nonnull (strstr (x->body, "two hundred containers"));
  g_assert_nonnull (strstr (x->body, "mediator appointed by the ministry"));
  g_assert_cmpstr (x->title, ==, "Customs officers join the strike at the eastern terminal");
  /* the DOCTYPE's internal subset is no text of the page */
  assert_lacks (x->body, "!ENTITY");
  assert_lacks (x->body, "<!");
  assert_lacks (x->body, "SYSTEM");
  assert_lacks (x->body, "%param");
  assert_lacks (x->body, "]>");
  assert_lacks (x->body, "lollol");
  assert_lacks (x->body, ".invalid");
  /* not expanded: neither the local file nor the remote one, and no
   * billion laughs */
  assert_lacks (x->body, "root:");
  assert_lacks (x->body, "/bin/");
  assert_lacks (x->body, laughs);
  if (g_file_get_contents ("/etc/passwd", &passwd, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (passwd, "\n", 3);

      if (lines[0] != NULL && strlen (lines[0]) > 8)
        assert_lacks (x->body, lines[0]);
    }
}

/* Internal subsets of every shape: none of their text reaches the title or
 * the body, and none of their entities is expanded. */
static void
test_doctype_subsets (void)
{
  static const char * const prologs[] = {
    "<!DOCTYPE html [ <!ENTITY x \"evil\"> ]>",
    "<!doctype html [\n<!-- a comment, ]> in it -->\n<!ENTITY y 'ev>il ]> value'>\n"
    "<!ATTLIST p class CDATA \"evil\">\n<?pi evil?>\n%pe;\n<!ENTITY % pe2 SYSTEM \"https://entities.invalid/x\">\n]  >",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN [x]\" "
    "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\" [ <!ENTITY z \"evil\"> ]>",
    "<?xml version=\"1.0\"?>\n<!-- before -->\n<!DOCTYPE html[<!ENTITY x \"evil\">]>",
    /* never closed */
    "<!DOCTYPE html [ <!ENTITY v \"evil\">\n<!ENTITY w \"evil\">\n",
    /* an external DTD: never fetched, never read */
    "<!DOCTYPE html SYSTEM \"file:///etc/passwd\">",
    "<!DOCTYPE html SYSTEM \"https://entities.invalid/evil.dtd\" [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>",
  };
  const char *page =
    "<html><head><title>Customs officers join the strike</title></head><body><article>\n"
    "<h1>Customs officers join the strike</h1>\n"
    "<p>Customs officers at the eastern terminal stopped work on Wednesday in support of the dock "
    "workers, leaving some two hundred containers waiting for clearance on the quay. &x; &y; &z;</p>\n"
    "@PROLOG@\n"
    "<p>The officers' association said the stoppage would last until Friday. A spokesman for the "
    "terminal operator said perishable goods would be cleared first. &v; &w;</p>\n"
    "<p>Talks between the port authority and the unions are due to resume on Monday, with a "
    "mediator appointed by the ministry of labour.</p>\n"
    "</article></body></html>\n";
  static const char * const never[] = {
    "evil", "ENTITY", "ATTLIST", "SYSTEM", "<!", "]>", "%pe", "pi ", "ev>il", "a comment", "root:", ".invalid",
  };

  /* at the top, as it should be, and misplaced in the body */
  for (guint where = 0; where < 2; where++)
    for (guint i = 0; i < G_N_ELEMENTS (prologs); i++)
      {
        g_autofree char *html = NULL;
        g_autoptr(DossierExtracted) x = NULL;
        g_autoptr(GError) error = NULL;

        if (where == 0)
          {
            g_autofree char *body = replace (page, "@PROLOG@", "");

            html = g_strconcat (prologs[i], "\n", body, NULL);
          }
        else
          html = replace (page, "@PROLOG@", prologs[i]);
        x = dossier_html_extract (html, strlen (html), "doctype.html", &error);
        g_assert_no_error (error);
        g_assert_nonnull (x);
        g_test_message ("prolog %u (%s): %s", i, where ? "in the body" : "at the top", x->body);
        g_assert_cmpstr (x->title, ==, "Customs officers join the strike");
        g_assert_nonnull (strstr (x->body, "two hundred containers"));
        g_assert_nonnull (strstr (x->body, "perishable goods"));
        g_assert_nonnull (strstr (x->body, "ministry of labour."));
        for (guint n = 0; n < G_N_ELEMENTS (never); n++)
          {
            if (strstr (x->body, never[n]) != NULL || strstr (x->title, never[n]) != NULL)
              g_error ("prolog %u (%s): found “%s” in: %s\n%s", i, where ? "in the body" : "at the top",
                       never[n], x->title, x->body);
          }
      }
}

static void
test_markdown (void)
{
  g_autoptr(DossierExtracted) x = extract ("hostile.md");

  g_assert_cmpstr (x->title, ==, "Harbour dues rise for the third year");
  g_assert_nonnull (strstr (x->body, "northern breakwater"));
  g_assert_nonnull (strstr (x->body, "approach channel."));
  assert_lacks (x->body, "javascript:");
  assert_lacks (x->body, "MD-LINK");
  assert_lacks (x->body, "MD-SCRIPT");
  assert_lacks (x->body, "alert");
  assert_lacks (x->body, ")");
  assert_lacks (x->body, ".invalid");
  assert_lacks (x->body, "<");
  assert_lacks (x->url, "javascript:");
  assert_lacks (x->url, "FRONT-MATTER-URL");
}

/* dossier-cli import of the hostile pages opens no network socket */
static void
test_no_network (void)
{
  const char *cli = g_getenv ("DOSSIER_CLI");
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *trace = NULL;
  g_autofree char *log = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (cli == NULL || strace == NULL)
    {
      g_test_skip ("needs DOSSIER_CLI and strace");
      return;
    }
  dir = dossier_test_make_tmp_dir ();
  db = g_build_filename (dir, "library.db", NULL);
  trace = g_build_filename (dir, "trace", NULL);
  {
    const char *argv[] = { strace, "-f", "-qq", "-e", "trace=socket,connect,sendto,sendmsg,openat",
                           "-o", trace, cli, "import", "--library", db, "--json", HOSTILE_DIR, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                  &out, NULL, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_file_get_contents (trace, &log, NULL, NULL) ||
      (WIFEXITED (status) && WEXITSTATUS (status) != 0 && *log == '\0'))
    {
      /* strace may not be allowed to trace here (no ptrace) */
      g_test_skip ("strace could not trace dossier-cli");
      goto out;
    }
  g_test_message ("import: %s", out);
  g_assert_nonnull (strstr (out, "\"imported\""));
  /* the trace works: it saw the pages being read */
  g_assert_nonnull (strstr (log, "scripts.html"));
  assert_lacks (log, "AF_INET");
  assert_lacks (log, "AF_INET6");
  assert_lacks (log, "AF_NETLINK");
  assert_lacks (log, "connect(");

out:
  dossier_test_remove_tree (dir);
}

/* --- export file names ---------------------------------------------------- */

static gboolean
inside (const char *folder,
        const char *path)
{
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GFile) f = g_file_new_for_path (folder);
  g_autoptr(GFile) p = g_file_new_for_path (parent);

  return g_file_equal (f, p);
}

static void
test_export_names (void)
{
  static const char * const titles[] = {
    "../../etc/x", "..", ".", "/etc/passwd", "a/b\\c", "CON", "nul.txt", ".hidden",
    "..\\..\\windows\\system32", "名前/../..", "\x01\x02control", "", "   ", "a:b*c?d\"e<f>g|h",
    "../../../../../../../../tmp/escaped-dossier",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *vault = g_build_filename (dir, "vault", "inner", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (vault);
  g_autoptr(GPtrArray) entries = dossier_export_entries_new ();
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n_files = 0;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(DossierArticle) a = dossier_article_new ();
      g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
      DossierAnnotation *n = dossier_annotation_new ();
      g_autofree char *safe = dossier_export_safe_file_name (titles[i]);

      g_assert_nonnull (safe);
      g_assert_cmpstr (safe, !=, "");
      g_assert_null (strchr (safe, '/'));
      g_assert_null (strchr (safe, '\\'));
      g_assert_false (safe[0] == '.');
      g_assert_cmpuint (strlen (safe), <=, 120);

      dossier_article_set_id (a, i + 1);
      dossier_article_set_title (a, titles[i]);
      dossier_article_set_body (a, "The quay was quiet.");
      dossier_annotation_set_article_id (n, i + 1);
      dossier_annotation_set_quote (n, "quay");
      dossier_annotation_set_note (n, "note");
      g_ptr_array_add (notes, n);
      g_ptr_array_add (entries, dossier_export_entry_new (a, notes));
    }
  g_assert_true (dossier_export_write_folder (entries, NULL, folder, FALSE, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < written->len; i++)
    {
      g_test_message ("wrote %s", (char *) g_ptr_array_index (written, i));
      g_assert_true (inside (vault, g_ptr_array_index (written, i)));
    }
  /* and nothing appeared anywhere else */
  d = g_dir_open (vault, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (vault, name, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (titles));
  g_assert_false (g_file_test ("/tmp/escaped-dossier.md", G_FILE_TEST_EXISTS));
  {
    g_autofree char *outer = g_build_filename (dir, "vault", NULL);
    g_autoptr(GDir) od = g_dir_open (outer, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (od) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);   /* just "inner" */
  }
  dossier_test_remove_tree (dir);
}

/* --- search never becomes SQL --------------------------------------------- */

static gint64
count_rows (DossierLibrary *library,
            gint64         *n_notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = dossier_library_list_annotations_sync (library, 0, NULL, &error);

  g_assert_no_error (error);
  *n_notes = notes->len;
  return dossier_library_count_sync (library, NULL);
}

static void
test_search_is_not_sql (void)
{
  static const char * const nasty[] = {
    "'; DROP TABLE articles; --", "\" OR 1=1 --", "') OR ('1'='1", "*", "a*", "^x", "\"unterminated",
    "(", ")", "((((", "AND", "OR", "NOT", "-", "--", "- -", "-quay", "NEAR(quay dock)", "NEAR(",
    "title:quay", "body:", "{title body}: quay", "col:x:y", "x:y:z", "rank", "articles_fts",
    "source:'; DELETE FROM articles; --", "source:\"\"", "tag:\"x' OR '1'='1\"", "tag:",
    "published:2013-13..abc", "published:..", "published:99999999999999999999", "has:notes OR",
    "is:undated AND", "%", "_", "\\", "\\\"", "'", "''", "\"\"", "\"", "+quay", "quay OR",
    "OR quay", "quay NOT", "quay AND AND quay", "\"a\" \"b\"", "😀 émeute Москва", "NULL",
    "x' UNION SELECT sql FROM sqlite_master --", "; ATTACH DATABASE '/tmp/x.db' AS x; --",
    "quay\"; SELECT 1; --", "\t\n\r", "quay*)*", "*quay", "quay^", "\x7f",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierTestLibrary) tmp = dossier_test_library_new ();
  DossierLibrary *library = tmp->library;
  const char *paths[] = { HOSTILE_DIR, TEST_DATA_DIR "/cli", NULL };
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(DossierAnnotation) note = NULL;
  g_autofree char *long_query = NULL;
  gint64 articles, notes, articles_after, notes_after;

  results = dossier_library_import_sync (library, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(DossierQuery) q = dossier_query_parse ("harbour", FALSE);
    g_autoptr(GPtrArray) hits = dossier_library_search_sync (library, q, 10, &error);
    DossierArticle *dues = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, >, 0);
    /* the hits come in order of rank, and a title or source may be all
     * that matched: the note goes on the one whose text says "harbour" */
    for (guint i = 0; i < hits->len; i++)
      if (g_strcmp0 (dossier_article_get_title (g_ptr_array_index (hits, i)),
                     "Harbour dues rise for the third year") == 0)
        dues = g_ptr_array_index (hits, i);
    g_assert_nonnull (dues);
    note = dossier_library_annotate_sync (library, dossier_article_get_id (dues),
                                          "harbour", "'; DROP TABLE annotations; --", NULL, NULL, &error);
    g_assert_no_error (error);
  }
  articles = count_rows (library, &notes);
  g_assert_cmpint (articles, >, 3);
  g_assert_cmpint (notes, ==, 1);

  long_query = g_strnfill (20000, '(');
  for (guint i = 0; i <= G_N_ELEMENTS (nasty); i++)
    {
      const char *text = i < G_N_ELEMENTS (nasty) ? nasty[i] : long_query;

      for (int prefix = 0; prefix < 2; prefix++)
        {
          g_autoptr(DossierQuery) q = dossier_query_parse (text, prefix);
          g_autoptr(GPtrArray) hits = NULL;
          g_autoptr(GPtrArray) found_notes = NULL;
          g_autoptr(GArray) points = NULL;

          hits = dossier_library_search_sync (library, q, 50, &error);
          if (error != NULL)
            g_error ("search «%s» (fts «%s»): %s", text, q->fts ? q->fts : "", error->message);
          found_notes = dossier_library_list_annotations_sync (library, 0, q, &error);
          if (error != NULL)
            g_error ("notes «%s» (fts «%s»): %s", text, q->fts ? q->fts : "", error->message);
          points = dossier_library_timeline_points_sync (library, q, &error);
          if (error != NULL)
            g_error ("timeline «%s»: %s", text, error->message);
        }
    }

  articles_after = count_rows (library, &notes_after);
  g_assert_cmpint (articles_after, ==, articles);
  g_assert_cmpint (notes_after, ==, notes);
  dossier_test_assert_library_sound (library);
  g_assert_false (g_file_test ("/tmp/x.db", G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Dossier/Hostile/scripts", test_scripts);
  g_test_add_func ("/Dossier/Hostile/embed", test_embed);
  g_test_add_func ("/Dossier/Hostile/void-elements", test_void_elements);
  g_test_add_func ("/Dossier/Hostile/external-entities", test_external_entities);
  g_test_add_func ("/Dossier/Hostile/doctype-subsets", test_doctype_subsets);
  g_test_add_func ("/Dossier/Hostile/markdown", test_markdown);
  g_test_add_func ("/Dossier/Hostile/no-network", test_no_network);
  g_test_add_func ("/Dossier/Hostile/export-names", test_export_names);
  g_test_add_func ("/Dossier/Hostile/search-is-not-sql", test_search_is_not_sql);
  return g_test_run ();
}
