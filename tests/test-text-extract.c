/* test-text-extract.c — plain-text and Markdown articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-extract.h"
#include "dossier-markdown.h"
#include "dossier-text-extract.h"
#include "seed-check.h"

static DossierExtracted *
extract_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "text", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierExtracted *e = dossier_extract_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (e);
  return e;
}

static void
assert_date (const DossierExtracted *e,
             const char             *expected,
             DossierDateOrigin       origin)
{
  g_autofree char *date = dossier_date_to_string (&e->published);

  g_assert_cmpstr (date, ==, expected);
  g_assert_cmpint (e->date_origin, ==, origin);
}

static void
assert_body_clean (const char *body)
{
  /* the body contract: no leading/trailing white space, one blank line
   * between paragraphs, no no-break spaces */
  g_assert_false (g_ascii_isspace (body[0]));
  g_assert_false (g_ascii_isspace (body[strlen (body) - 1]));
  g_assert_null (strstr (body, "\n\n\n"));
  g_assert_null (strstr (body, "\xc2\xa0"));
  g_assert_null (strstr (body, "  "));
}

static void
test_appeal_and_caption (void)
{
  g_autoptr(DossierExtracted) e = extract_fixture ("appeal.txt");

  g_assert_cmpstr (e->title, ==, "Mayors of Twin Cities Sign River Pact With U.S. Partners");
  g_assert_cmpstr (e->source, ==, "The Riverside Courier");
  g_assert_true (g_str_has_prefix (e->body, "The mayors of two border towns"));
  g_assert_true (g_str_has_suffix (e->body, "before the end of the year."));
  g_assert_null (strstr (e->body, "Olga Brandt"));         /* caption with credit */
  g_assert_null (strstr (e->body, "Dear readers"));
  g_assert_null (strstr (e->body, "Remind me later"));
  g_assert_null (strstr (e->body, "Read more"));
  g_assert_null (strstr (e->body, "advertising"));
  g_assert_nonnull (strstr (e->body, "on Tuesday"));        /* NBSP folded */
  assert_date (e, NULL, DOSSIER_DATE_ORIGIN_NONE);
  assert_body_clean (e->body);
}

static void
test_byline_dateline_url (void)
{
  g_autoptr(DossierExtracted) e = extract_fixture ("byline.txt");

  g_assert_cmpstr (e->title, ==, "Ministers Agree on New Rules for Cross-Border Trains");
  g_assert_cmpstr (e->byline, ==, "Anna Petrova");
  g_assert_cmpstr (e->source, ==, "The Northern Ledger");
  g_assert_cmpstr (e->url, ==,
                   "https://www.northernledger.example/2011/03/03/ministers-agree-on-new-rules-for-trains-a1234");
  assert_date (e, "2011-03-03", DOSSIER_DATE_ORIGIN_TEXT);
  g_assert_true (g_str_has_prefix (e->body, "Transport ministers"));
  g_assert_true (g_str_has_suffix (e->body, "the chairman of the meeting said."));
  g_assert_null (strstr (e->body, "Related articles"));
  g_assert_null (strstr (e->body, "Rail Freight"));
  g_assert_null (strstr (e->body, "Original url"));
  g_assert_null (strstr (e->body, "March 3, 2011"));
  assert_body_clean (e->body);
}

static void
test_agency_dateline (void)
{
  g_autoptr(DossierExtracted) e = extract_fixture ("agency.txt");

  g_assert_cmpstr (e->title, ==, "Grain Exports Resume After Port Strike Ends");
  g_assert_cmpstr (e->source, ==, "Reuters");
  assert_date (e, "2012-01-09", DOSSIER_DATE_ORIGIN_TEXT);
  /* the dateline is part of the article's first paragraph */
  g_assert_true (g_str_has_prefix (e->body, "KIEV (Reuters) — Grain shipments"));
  g_assert_null (strstr (e->body, "Posted:"));
}

static void
test_see_also_in_the_middle (void)
{
  g_autoptr(DossierExtracted) e = extract_fixture ("see-also.txt");
  g_auto(GStrv) paras = NULL;

  g_assert_cmpstr (e->title, ==, "Council Approves Budget for New Library");
  g_assert_cmpstr (e->source, ==, "Valley Evening Post");   /* from the © line */
  g_assert_null (strstr (e->body, "See also"));
  g_assert_null (strstr (e->body, "Spark Debate"));
  g_assert_null (strstr (e->body, "Share this"));
  g_assert_null (strstr (e->body, "©"));
  g_assert_null (strstr (e->body, "Sign in"));
  /* the article goes on after the related link */
  paras = g_strsplit (e->body, "\n\n", -1);
  g_assert_cmpuint (g_strv_length (paras), ==, 3);
  g_assert_true (g_str_has_prefix (paras[2], "Construction is expected"));
}

static void
test_hard_wrapped (void)
{
  g_autoptr(DossierExtracted) e = extract_fixture ("wrapped.txt");
  g_auto(GStrv) paras = g_strsplit (e->body, "\n\n", -1);

  g_assert_cmpuint (g_strv_length (paras), ==, 2);
  g_assert_null (strchr (paras[0], '\n'));
  g_assert_nonnull (strstr (paras[0], "with about two hundred tractors"));
}

static void
test_no_title (void)
{
  g_autoptr(DossierExtracted) e = extract_fixture ("no-title.txt");

  /* no headline: the file name stands in, the text is all kept */
  g_assert_cmpstr (e->title, ==, "no title");
  g_assert_true (g_str_has_prefix (e->body, "The water level of the lake"));
}

static void
test_markdown_front_matter (void)
{
  g_autoptr(DossierExtracted) e = extract_fixture ("front-matter.md");

  g_assert_cmpstr (e->title, ==, "Bridge Reopens After Two Years of Repairs");
  g_assert_cmpstr (e->byline, ==, "Maria Lind, Tom Berg");
  g_assert_cmpstr (e->source, ==, "The Harbour Gazette");
  g_assert_cmpstr (e->url, ==, "https://www.example.org/news/2014/06/21/bridge-reopens");
  assert_date (e, "2014-06-21", DOSSIER_DATE_ORIGIN_METADATA);
  g_assert_true (g_str_has_prefix (e->body, "The old stone bridge over the river reopened to traffic on Saturday,"));
  g_assert_nonnull (strstr (e->body, "Engineers replaced the damaged arches and"));
  g_assert_nonnull (strstr (e->body, "\n\nCars are limited to 30 km/h.\n\n"));
  g_assert_nonnull (strstr (e->body, "speed_limit = 30"));
  g_assert_true (g_str_has_suffix (e->body, "\"It was worth the wait,\" said one resident who crosses it daily."));
  g_assert_null (strstr (e->body, "bridge.jpg"));
  g_assert_null (strstr (e->body, "**"));
  g_assert_null (strstr (e->body, "`"));
  g_assert_null (strstr (e->body, "tags"));
  g_assert_null (strstr (e->body, "# "));
  assert_body_clean (e->body);
}

static void
test_markdown_heading (void)
{
  g_autoptr(DossierExtracted) e = extract_fixture ("heading.md");

  g_assert_cmpstr (e->title, ==, "Museum Returns Paintings to Owners' Heirs");
  g_assert_cmpstr (e->byline, ==, "Peter Holm");
  g_assert_true (g_str_has_prefix (e->body, "A national museum"));
  g_assert_nonnull (strstr (e->body, "\n\nWhat happens next\n\n"));
  g_assert_null (strstr (e->body, "example.org/reference"));
}

static DossierExtracted *
extract_markdown (const char *text)
{
  g_autoptr(GError) error = NULL;
  DossierExtracted *e = dossier_markdown_extract (text, strlen (text), "test.md", &error);

  g_assert_no_error (error);
  g_assert_nonnull (e);
  return e;
}

/* Link destinations may hold parentheses; javascript:, vbscript: and data:
 * URLs never survive, not even as text */
static void
test_markdown_links (void)
{
  static const char md[] =
    "# Harbour pilots accept the roster\n"
    "\n"
    "The pilots voted [x](javascript:alert(1)) on Friday to accept the roster, the association said.\n"
    "\n"
    "The [wiki](https://en.wikipedia.org/wiki/Foo_(bar)) page on the port was updated by a volunteer on Saturday.\n"
    "\n"
    "A [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and a [vb link](VBScript:msgbox(\"hi\")) "
    "and a [titled link](https://example.org/a_(b) \"The (title)\") sat in one sentence.\n"
    "\n"
    "An image ![chart (2024)](https://example.org/chart_(1).png) showed the figures, and <javascript:alert(2)> was written too.\n"
    "\n"
    "Readers may write to <https://example.org/letters> or to [the desk] (not a link) with their questions.\n"
    "\n"
    "A broken [link](javascript:alert(3) ended this paragraph without closing its destination.\n"
    "\n"
    "A [nested [bracket] link](<https://example.org/a b>) and [escaped](https://example.org/x\\)y) came last of all.\n";
  g_autoptr(DossierExtracted) e = extract_markdown (md);

  g_assert_cmpstr (e->title, ==, "Harbour pilots accept the roster");
  g_assert_cmpstr (e->body, ==,
                   "The pilots voted x on Friday to accept the roster, the association said.\n\n"
                   "The wiki page on the port was updated by a volunteer on Saturday.\n\n"
                   "A data link and a vb link and a titled link sat in one sentence.\n\n"
                   "An image showed the figures, and was written too.\n\n"
                   "Readers may write to https://example.org/letters or to [the desk] (not a link) with their questions.\n\n"
                   "A broken link ended this paragraph without closing its destination.\n\n"
                   "A nested [bracket] link and escaped came last of all.");
  g_assert_null (e->url);
  assert_body_clean (e->body);
}

/* Plain text keeps Markdown links copied from a page: the same rules */
static void
test_text_links (void)
{
  static const char text[] =
    "Harbour pilots accept the roster\n"
    "\n"
    "The pilots voted [x](javascript:alert(1)) on Friday to accept the new roster, the association said on Saturday.\n"
    "\n"
    "The [wiki](https://en.wikipedia.org/wiki/Foo_(bar)) page on the port was updated by a volunteer on Saturday.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) e = dossier_text_extract (text, strlen (text), "links.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (e->body, ==,
                   "The pilots voted x on Friday to accept the new roster, the association said on Saturday.\n\n"
                   "The wiki page on the port was updated by a volunteer on Saturday.");
}

/* <script> and <style> never reach the text; what only looks like HTML
 * in prose stays */
static void
test_markdown_raw_html (void)
{
  static const char md[] =
    "# Dock strike ends after three days\n"
    "\n"
    "<script type=\"text/javascript\">\n"
    "var tracker = \"SCRIPT-BLOCK\";\n"
    "\n"
    "document.write (tracker);\n"
    "</script>\n"
    "\n"
    "The dock workers at the eastern terminal returned to work on Thursday <script>alert('SCRIPT-INLINE')</script>after "
    "the union accepted the offer of the port authority.\n"
    "\n"
    "<STYLE media=\"screen\">\n"
    "body { color: red } /* STYLE-BLOCK */\n"
    "</STYLE >\n"
    "<style>.x { content: \"STYLE-INLINE\" }</style>The port said that a < b and c > d in its figures, and that the <Ctrl> key was not involved.\n"
    "\n"
    "Press <kbd>Ctrl</kbd><o:p></o:p> and read the <em>official</em> statement, a <a href=\"https://example.org/s\" onclick=\"x()\">link</a> to it, or write to <desk@example.org>.\n"
    "\n"
    "<script>\n"
    "alert ('SCRIPT-\n"
    "\n"
    "SPLIT')</script>The shifts will start again at six in the morning.\n"
    "\n"
    "The union's web editor said: never paste a <script> tag into a page you did not write yourself.\n";
  g_autoptr(DossierExtracted) e = extract_markdown (md);

  g_assert_cmpstr (e->title, ==, "Dock strike ends after three days");
  g_assert_cmpstr (e->body, ==,
                   "The dock workers at the eastern terminal returned to work on Thursday after the union accepted "
                   "the offer of the port authority.\n\n"
                   "The port said that a < b and c > d in its figures, and that the <Ctrl> key was not involved.\n\n"
                   "Press Ctrl and read the official statement, a link to it, or write to desk@example.org.\n\n"
                   "The shifts will start again at six in the morning.\n\n"
                   "The union's web editor said: never paste a tag into a page you did not write yourself.");
  assert_body_clean (e->body);
}

/* Code is text: a <script> in a fenced block or a code span is shown */
static void
test_markdown_code (void)
{
  static const char md[] =
    "# How the attack worked\n"
    "\n"
    "The attacker posted a comment holding `<script>steal()</script>` and waited for the editors to open it in the old system.\n"
    "\n"
    "```html\n"
    "<script src=\"https://evil.example/x.js\"></script>\n"
    "```\n"
    "\n"
    "The new system shows such comments as plain text, the newspaper's technical director said on Monday.\n";
  g_autoptr(DossierExtracted) e = extract_markdown (md);

  g_assert_nonnull (strstr (e->body, "holding <script>steal()</script> and waited"));
  g_assert_nonnull (strstr (e->body, "<script src=\"https://evil.example/x.js\"></script>"));
  g_assert_nonnull (strstr (e->body, "technical director said on Monday."));
}

/* A paragraph is one paragraph however its lines are wrapped; hard
 * breaks and table rows keep their lines apart; entities are text and
 * what CommonMark does not know (strikethrough, footnotes) leaves its text */
static void
test_markdown_paragraphs (void)
{
  static const char md[] =
    "# Ferry timetable changes in May\n"
    "\n"
    "The ferry company said on Tuesday that the `summer\n"
    "timetable` starts\n"
    "two weeks early this year, with 5 * 3 extra crossings a day &amp; ~~one~~ two new boats[^1].\n"
    "\n"
    "Harbour office  \n"
    "Quay Street 4\n"
    "\n"
    "| Route | Crossings |\n"
    "|-------|-----------|\n"
    "| North | 12 |\n"
    "\n"
    "    an indented *code* line\n"
    "\n"
    "- the northern route gets\n"
    "  a second boat\n"
    "  - from the first of May\n"
    "\n"
    "[^1]: The company's statement.\n";
  g_autoptr(DossierExtracted) e = extract_markdown (md);

  g_assert_cmpstr (e->title, ==, "Ferry timetable changes in May");
  g_assert_cmpstr (e->body, ==,
                   "The ferry company said on Tuesday that the summer timetable starts two weeks early this "
                   "year, with 5 * 3 extra crossings a day & one two new boats.\n\n"
                   "Harbour office\n\n"
                   "Quay Street 4\n\n"
                   "| Route | Crossings |\n\n"
                   "|-------|-----------|\n\n"
                   "| North | 12 |\n\n"
                   "an indented *code* line\n\n"
                   "the northern route gets a second boat\n\n"
                   "from the first of May\n\n"
                   ": The company's statement.");
}

static void
test_text_api_direct (void)
{
  static const char text[] = "\n\n   \n";
  g_autoptr(GError) error = NULL;
  DossierExtracted *e;

  e = dossier_text_extract (text, strlen (text), "blank.txt", &error);
  g_assert_null (e);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  e = dossier_markdown_extract ("---\ntitle: Only a title\n---\n", 28, "t.md", &error);
  g_assert_null (e);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY);
}

static void
test_language (void)
{
  g_assert_cmpstr (dossier_text_guess_language ("The minister said that the talks with the delegation "
                                                "were useful and that a deal was close.", -1), ==, "en");
  g_assert_cmpstr (dossier_text_guess_language ("Министр сказал, что переговоры с делегацией были "
                                                "полезными и что соглашение близко.", -1), ==, "ru");
  g_assert_null (dossier_text_guess_language ("Hi", -1));
}

/* Not the seeds themselves (they are real articles): the same checks as
 * score-seeds, run when the shared corpus is there. */
static void
test_seeds (void)
{
  const char *shared = g_getenv ("DOSSIER_SHARED_DIR");
  g_autofree char *dir = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  SeedScore score = { 0, };

  if (shared == NULL)
    {
      g_test_skip ("DOSSIER_SHARED_DIR is not set");
      return;
    }
  dir = g_build_filename (shared, "corpora", "seeds", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no seeds in DOSSIER_SHARED_DIR");
      return;
    }
  g_assert_true (seed_check_dir (dir, NULL, report, &score, &error));
  g_assert_no_error (error);
  g_test_message ("%s", report->str);
  g_assert_cmpuint (score.files, ==, 5);
  g_assert_cmpuint (score.fields_ok, ==, score.fields);
  g_assert_cmpuint (score.files_ok, ==, score.files);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/TextExtract/appeal-and-caption", test_appeal_and_caption);
  g_test_add_func ("/Dossier/TextExtract/byline-dateline-url", test_byline_dateline_url);
  g_test_add_func ("/Dossier/TextExtract/agency-dateline", test_agency_dateline);
  g_test_add_func ("/Dossier/TextExtract/see-also-in-the-middle", test_see_also_in_the_middle);
  g_test_add_func ("/Dossier/TextExtract/hard-wrapped", test_hard_wrapped);
  g_test_add_func ("/Dossier/TextExtract/no-title", test_no_title);
  g_test_add_func ("/Dossier/TextExtract/markdown-front-matter", test_markdown_front_matter);
  g_test_add_func ("/Dossier/TextExtract/markdown-heading", test_markdown_heading);
  g_test_add_func ("/Dossier/TextExtract/markdown-links", test_markdown_links);
  g_test_add_func ("/Dossier/TextExtract/text-links", test_text_links);
  g_test_add_func ("/Dossier/TextExtract/markdown-raw-html", test_markdown_raw_html);
  g_test_add_func ("/Dossier/TextExtract/markdown-code", test_markdown_code);
  g_test_add_func ("/Dossier/TextExtract/markdown-paragraphs", test_markdown_paragraphs);
  g_test_add_func ("/Dossier/TextExtract/empty", test_text_api_direct);
  g_test_add_func ("/Dossier/TextExtract/language", test_language);
  g_test_add_func ("/Dossier/TextExtract/seeds", test_seeds);

  return g_test_run ();
}
