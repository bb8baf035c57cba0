/* test-fuzz-regressions.c — every input the fuzzers ever crashed on,
 * replayed through the same entry points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fuzz targets of tests/fuzz/ are compiled in here under other names;
 * each file of tests/fuzz/regressions/TARGET/ (and of tests/fuzz/seeds/)
 * goes through its target.  A target abort()s on a broken promise (a
 * failure without a message, invalid UTF-8, an impossible date, an FTS5
 * syntax error), so a regression fails this test, and with
 * build-aux/test --sanitize any memory error is caught as well.
 */
#include "config.h"

#include <stdint.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "dossier-test-util.h"

#define FUZZ_ENTRY fuzz_text_one
#include "fuzz/fuzz-text.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_html_one
#include "fuzz/fuzz-html.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_date_one
#include "fuzz/fuzz-date.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_query_one
#include "fuzz/fuzz-query.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_annotation_one
#include "fuzz/fuzz-annotation.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_dates_evidence_one
#include "fuzz/fuzz-dates-evidence.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_quotes_one
#include "fuzz/fuzz-quotes.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_tokenizer_one
#include "fuzz/fuzz-tokenizer.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_feed_one
#include "fuzz/fuzz-feed.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_opml_one
#include "fuzz/fuzz-opml.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_pocket_one
#include "fuzz/fuzz-pocket.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_omnivore_one
#include "fuzz/fuzz-omnivore.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_wallabag_one
#include "fuzz/fuzz-wallabag.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_instapaper_one
#include "fuzz/fuzz-instapaper.c"
#undef FUZZ_ENTRY
#define FUZZ_ENTRY fuzz_sentence_diff_one
#include "fuzz/fuzz-sentence-diff.c"
#undef FUZZ_ENTRY

typedef int (*FuzzEntry) (const uint8_t *data, size_t size);

typedef struct
{
  const char *name;
  FuzzEntry   entry;
} Target;

static const Target targets[] = {
  { "text", fuzz_text_one },
  { "html", fuzz_html_one },
  { "feed", fuzz_feed_one },
  { "opml", fuzz_opml_one },
  { "date", fuzz_date_one },
  { "query", fuzz_query_one },
  { "annotation", fuzz_annotation_one },
  { "dates-evidence", fuzz_dates_evidence_one },
  { "quotes", fuzz_quotes_one },
  { "tokenizer", fuzz_tokenizer_one },
  { "pocket", fuzz_pocket_one },
  { "omnivore", fuzz_omnivore_one },
  { "wallabag", fuzz_wallabag_one },
  { "instapaper", fuzz_instapaper_one },
  { "sentence-diff", fuzz_sentence_diff_one },
};

static guint
replay_dir (const Target *t,
            const char   *kind)
{
  g_autofree char *dir = dossier_test_data_path ("..", "fuzz", kind, t->name, NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *data = NULL;
      gsize len = 0;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (g_ptr_array_index (names, i), &data, &len, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %s", t->name, (char *) g_ptr_array_index (names, i));
      g_assert_cmpint (t->entry ((const uint8_t *) data, len), ==, 0);
    }
  return names->len;
}

static void
test_target (gconstpointer data)
{
  const Target *t = data;
  guint n = replay_dir (t, "regressions") + replay_dir (t, "seeds");

  g_test_message ("%s: %u inputs replayed", t->name, n);
  /* the fixtures of tests/data stand in when a target has no file yet */
  if (n == 0)
    {
      static const char hello[] = "Talks resume\n\nThe talks resumed on 15 April 2013.";

      g_assert_cmpint (t->entry ((const uint8_t *) hello, sizeof hello - 1), ==, 0);
    }
}

static void
cleanup (void)
{
  if (annotation_library != NULL)
    {
      dossier_library_close (annotation_library);
      g_clear_object (&annotation_library);
      dossier_test_remove_tree (annotation_dir);
      g_clear_pointer (&annotation_dir, g_free);
    }
  if (query_db != NULL)
    {
      sqlite3_finalize (query_stmt);
      sqlite3_close (query_db);
      query_db = NULL;
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Dossier/FuzzRegressions/%s", targets[i].name);

      g_test_add_data_func (path, &targets[i], test_target);
    }
  status = g_test_run ();
  cleanup ();
  return status;
}
