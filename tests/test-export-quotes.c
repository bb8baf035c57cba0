/* test-export-quotes.c — quotes to Markdown and CSV, with links back to
 * their passages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-export-quotes.h"
#include "dossier-test-util.h"

static DossierPersonQuote *
quote (gint64      article,
       gint64      start,
       gint64      end,
       const char *speaker,
       const char *text,
       const char *context,
       const char *title,
       const char *source,
       const char *published)
{
  DossierPersonQuote *q = g_new0 (DossierPersonQuote, 1);

  q->article_id = article;
  q->start = start;
  q->end = end;
  q->speaker = g_strdup (speaker);
  q->text = g_strdup (text);
  q->context = g_strdup (context);
  q->title = g_strdup (title);
  q->source = g_strdup (source);
  q->published = g_strdup (published);
  return q;
}

static GPtrArray *
sample (void)
{
  GPtrArray *quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_person_quote_free);

  g_ptr_array_add (quotes, quote (12, 40, 72, "Sergei Lavrov", "Nobody is closing the door",
                                  "\"Nobody is closing the door,\" he said.", "Talks *end* early",
                                  "Test Wire", "2014-03-02"));
  /* a quote over two paragraphs, a formula-like start, commas and quotes */
  g_ptr_array_add (quotes, quote (7, 3, 60, NULL, "=We said \"no\", twice\nAnd again",
                                  "=We said \"no\", twice\nAnd again", "Ties, again", NULL, NULL));
  return quotes;
}

static void
test_link (void)
{
  g_autoptr(GPtrArray) quotes = sample ();
  g_autofree char *link = dossier_export_quote_link (g_ptr_array_index (quotes, 0));

  g_assert_cmpstr (link, ==, "dossier://article/12?passage=40-72");
}

static void
test_markdown (void)
{
  g_autoptr(GPtrArray) quotes = sample ();
  g_autofree char *md = dossier_export_quotes_markdown ("Quotes of Sergei Lavrov", quotes);

  g_assert_cmpstr (md, ==,
                   "# Quotes of Sergei Lavrov\n"
                   "\n"
                   "> Nobody is closing the door\n"
                   "\n"
                   "— Sergei Lavrov, *Talks \\*end\\* early*, Test Wire, 2014-03-02"
                   " ([passage](dossier://article/12?passage=40-72))\n"
                   "\n"
                   "> =We said \"no\", twice\n"
                   "> And again\n"
                   "\n"
                   "— Unattributed, *Ties, again* ([passage](dossier://article/7?passage=3-60))\n");
}

static void
test_csv (void)
{
  g_autoptr(GPtrArray) quotes = sample ();
  g_autofree char *csv = dossier_export_quotes_csv (quotes);

  g_assert_cmpstr (csv, ==,
                   "\xEF\xBB\xBF" "speaker,quote,sentence,title,source,published,link\r\n"
                   "Sergei Lavrov,Nobody is closing the door,\"\"\"Nobody is closing the door,\"\" he said.\","
                   "Talks *end* early,Test Wire,2014-03-02,dossier://article/12?passage=40-72\r\n"
                   ",\"'=We said \"\"no\"\", twice\r\nAnd again\",\"'=We said \"\"no\"\", twice\r\nAnd again\","
                   "\"Ties, again\",,,dossier://article/7?passage=3-60\r\n");
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) quotes = g_ptr_array_new ();
  g_autofree char *md = dossier_export_quotes_markdown ("None # here", quotes);
  g_autofree char *csv = dossier_export_quotes_csv (quotes);

  g_assert_cmpstr (md, ==, "# None \\# here\n");
  g_assert_cmpstr (csv, ==, "\xEF\xBB\xBF" "speaker,quote,sentence,title,source,published,link\r\n");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/ExportQuotes/link", test_link);
  g_test_add_func ("/Dossier/ExportQuotes/markdown", test_markdown);
  g_test_add_func ("/Dossier/ExportQuotes/csv", test_csv);
  g_test_add_func ("/Dossier/ExportQuotes/empty", test_empty);
  return g_test_run ();
}
