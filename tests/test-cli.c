/* test-cli.c — dossier-cli end to end, as a script would use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built dossier-cli (DOSSIER_CLI) on real files in a temporary
 * library.  The seeds test uses ../shared/corpora/seeds and is skipped
 * when that folder is absent.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-test-util.h"

typedef struct
{
  char *dir;
  char *library;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *r,
         const char *library,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("DOSSIER_CLI");
  const char *arg;
  va_list ap;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (ap, library);
  arg = va_arg (ap, const char *);
  /* the command first, then --library */
  g_ptr_array_add (argv, (char *) arg);
  if (library != NULL)
    {
      g_ptr_array_add (argv, "--library");
      g_ptr_array_add (argv, (char *) library);
    }
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
data_file (const char *name)
{
  return dossier_test_data_path ("cli", name, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = dossier_test_make_tmp_dir ();
  f->library = g_build_filename (f->dir, "library.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dossier_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->library);
}

static gint64
import_fixtures (Fixture *f)
{
  g_autofree char *a = data_file ("harbour-talks.txt");
  g_autofree char *b = data_file ("dredging-deal.txt");
  g_autofree char *c = data_file ("ferry-strike.md");
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;
  gint64 first = 0;

  run_cli (&r, f->library, "import", "--json", a, b, c, NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (g_strstrip (r.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr(JsonNode) node = parse_json (lines[i]);
      JsonObject *o = json_node_get_object (node);

      g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "imported");
      g_assert_true (json_object_get_null_member (o, "error"));
      g_assert_cmpint (json_object_get_int_member (o, "id"), >, 0);
      if (i == 0)
        {
          first = json_object_get_int_member (o, "id");
          g_assert_cmpstr (json_object_get_string_member (o, "file"), ==, a);
        }
    }
  return first;
}

static void
test_import_list_show (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) show = { 0 };
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) article = NULL;
  g_autofree char *a = data_file ("harbour-talks.txt");
  g_autofree char *id = NULL;
  JsonArray *array;
  JsonObject *o;
  gint64 first;

  first = import_fixtures (f);

  /* importing the same file again is a duplicate, not a second article */
  run_cli (&again, f->library, "import", "--json", a, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "\"duplicate\""));

  run_cli (&r, f->library, "list", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  list = parse_json (r.out);
  array = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  /* newest first */
  o = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "Ferry Crews Walk Out Over Night Shifts");
  g_assert_cmpstr (json_object_get_string_member (o, "published"), ==, "2013-07-09");
  g_assert_cmpstr (json_object_get_string_member (o, "url"), ==, "https://example.net/2013/07/09/ferry-strike");
  g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "Civic Review");
  g_assert_cmpint (json_object_get_int_member (o, "annotations"), ==, 0);
  g_assert_true (json_object_has_member (o, "byline"));

  id = g_strdup_printf ("%" G_GINT64_FORMAT, first);
  run_cli (&show, f->library, "show", "--json", id, NULL);
  g_assert_cmpint (show.status, ==, 0);
  article = parse_json (show.out);
  o = json_node_get_object (article);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "Harbour Talks Open With a Handshake");
  g_assert_cmpstr (json_object_get_string_member (o, "byline"), ==, "Mira Lenk");
  g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "The Harbour Ledger");
  g_assert_cmpstr (json_object_get_string_member (o, "published"), ==, "2010-03-18");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (o, "body"), "Delegates from both riverbank councils"));
  g_assert_nonnull (strstr (json_object_get_string_member (o, "body"), "constructive.\"\n\nThe next round")
                    ?: strstr (json_object_get_string_member (o, "body"), "constructive.\n\nThe next round"));
}

static void
test_search_annotate_edit (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) note = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) notes = { 0 };
  g_auto(Run) edit = { 0 };
  g_auto(Run) after = { 0 };
  g_autoptr(JsonNode) results = NULL;
  g_autoptr(JsonNode) made = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) moved = NULL;
  g_autofree char *id = NULL;
  g_autofree char *body_file = g_build_filename (f->dir, "new-body.txt", NULL);
  JsonObject *o;
  JsonArray *array;
  gint64 first;

  first = import_fixtures (f);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, first);

  run_cli (&r, f->library, "search", "--json", "Brenn", NULL);
  g_assert_cmpint (r.status, ==, 0);
  results = parse_json (r.out);
  array = json_node_get_array (results);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  o = json_array_get_object_element (array, 0);
  g_assert_true (json_object_has_member (o, "snippet"));
  g_assert_true (json_object_has_member (o, "score"));
  g_assert_nonnull (strstr (json_object_get_string_member (o, "snippet"), "**Brenn**"));

  run_cli (&note, f->library, "annotate", id, "--quote", "called the first session constructive",
           "--note", "Tone set early", "--tag", "tone", "--tag", "claim", "--color", "blue", NULL);
  g_assert_cmpint (note.status, ==, 0);
  made = parse_json (note.out);
  o = json_node_get_object (made);
  g_assert_cmpstr (json_object_get_string_member (o, "quote"), ==, "called the first session constructive");
  g_assert_cmpstr (json_object_get_string_member (o, "color"), ==, "blue");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "tags")), ==, 2);
  g_assert_false (json_object_get_boolean_member (o, "orphan"));
  g_assert_cmpint (json_object_get_int_member (o, "end") - json_object_get_int_member (o, "start"), ==, 37);
  g_assert_cmpint (json_object_get_int_member (o, "article"), ==, first);
  g_assert_true (json_object_has_member (o, "prefix") && json_object_has_member (o, "suffix"));
  g_assert_true (json_object_has_member (o, "created") && json_object_has_member (o, "modified"));

  /* a quote that is not in the article is an error, not a note */
  run_cli (&missing, f->library, "annotate", id, "--quote", "words nobody wrote", NULL);
  g_assert_cmpint (missing.status, !=, 0);
  g_assert_nonnull (strstr (missing.err, "not in the article"));

  /* the text changes: the note moves with its quote */
  g_file_set_contents (body_file,
                       "An editor's note was added at the top.\n\n"
                       "Delegates from both riverbank councils met on Thursday in the old customs house.\n\n"
                       "\"We came to listen,\" said Otto Brenn, who called the first session constructive.\n",
                       -1, NULL);
  run_cli (&edit, f->library, "edit", id, "--body-file", body_file, "--date", "2010-03", NULL);
  g_assert_cmpint (edit.status, ==, 0);
  run_cli (&notes, f->library, "annotations", "--json", id, NULL);
  listed = parse_json (notes.out);
  array = json_node_get_array (listed);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  o = json_array_get_object_element (array, 0);
  g_assert_false (json_object_get_boolean_member (o, "orphan"));
  g_assert_cmpint (json_object_get_int_member (o, "start"), ==, 164);

  run_cli (&after, f->library, "show", "--json", id, NULL);
  moved = parse_json (after.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (moved), "published"), ==, "2010-03");
  /* notes are searched too */
  {
    g_auto(Run) s = { 0 };
    g_autoptr(JsonNode) hits = NULL;

    run_cli (&s, f->library, "search", "--json", "tone", NULL);
    hits = parse_json (s.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (hits)), ==, 1);
  }
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *empty = data_file ("empty.txt");
  g_autofree char *pdf = data_file ("scan.pdf");
  g_autofree char *good = data_file ("dredging-deal.txt");
  g_autofree char *nowhere = g_build_filename (f->dir, "nowhere.db", NULL);
  g_autofree char *not_db = data_file ("harbour-talks.txt");
  g_auto(Run) r = { 0 };
  g_auto(Run) usage = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) bad_id = { 0 };
  g_auto(Run) no_lib = { 0 };
  g_auto(Run) not_lib = { 0 };
  g_auto(Run) bad_date = { 0 };

  /* one bad file does not stop the batch; each failure names its file */
  run_cli (&r, f->library, "import", "--json", empty, pdf, good, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "\"imported\""));
  g_assert_nonnull (strstr (r.out, "empty.txt"));
  g_assert_nonnull (strstr (r.out, "scan.pdf"));
  g_assert_nonnull (strstr (r.out, "PDF"));

  run_cli (&usage, f->library, "import", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  run_cli (&unknown, NULL, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  run_cli (&bad_id, f->library, "show", "twelve", NULL);
  g_assert_cmpint (bad_id.status, ==, 2);
  run_cli (&bad_date, f->library, "edit", "1", "--date", "next tuesday", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);

  run_cli (&no_lib, nowhere, "list", NULL);
  g_assert_cmpint (no_lib.status, ==, 1);
  g_assert_nonnull (strstr (no_lib.err, "does not exist"));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  run_cli (&not_lib, not_db, "list", NULL);
  g_assert_cmpint (not_lib.status, ==, 1);
  g_assert_nonnull (strstr (not_lib.err, "not a Dossier library"));
}

static void
test_seeds (Fixture       *f,
            gconstpointer  data)
{
  const char *shared = g_getenv ("DOSSIER_SHARED_DIR");
  g_autofree char *seeds = shared ? g_build_filename (shared, "corpora", "seeds", NULL) : NULL;
  g_auto(Run) r = { 0 };
  g_auto(Run) s = { 0 };
  g_auto(Run) show = { 0 };
  g_autoptr(JsonNode) hits = NULL;
  g_autoptr(JsonNode) article = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  JsonArray *array;
  g_autofree char *id = NULL;

  if (seeds == NULL || !g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("shared/corpora/seeds is not here (a user's clone has none)");
      return;
    }
  dir = g_dir_open (seeds, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (files, g_build_filename (seeds, name, NULL));
  g_assert_cmpuint (files->len, ==, 5);

  run_cli (&r, f->library, "import", (char *) files->pdata[0], (char *) files->pdata[1],
           (char *) files->pdata[2], (char *) files->pdata[3], (char *) files->pdata[4], NULL);
  g_assert_cmpint (r.status, ==, 0);

  /* three of the five mention Lavrov */
  run_cli (&s, f->library, "search", "--json", "Lavrov", NULL);
  g_assert_cmpint (s.status, ==, 0);
  hits = parse_json (s.out);
  array = json_node_get_array (hits);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);

  id = g_strdup_printf ("%" G_GINT64_FORMAT,
                        json_object_get_int_member (json_array_get_object_element (array, 0), "id"));
  run_cli (&show, f->library, "show", "--json", id, NULL);
  article = parse_json (show.out);
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (article), "body"), "Lavrov"));
}

/* Suggested dates: worked out by `dates`, accepted or dismissed by id,
 * never over a date set by hand; `show` tells where a date came from. */
static void
test_dates (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *dated = g_build_filename (TEST_DATA_DIR, "dates", NULL);
  g_autofree char *retold = g_build_filename (f->dir, "retold.txt", NULL);
  g_autofree char *by_hand = g_build_filename (f->dir, "by-hand.txt", NULL);
  g_auto(Run) imp = { 0 };
  g_auto(Run) dates = { 0 };
  g_auto(Run) found = { 0 };
  g_auto(Run) accept = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) show_user = { 0 };
  g_auto(Run) edit = { 0 };
  g_auto(Run) dismiss = { 0 };
  g_auto(Run) usage = { 0 };
  g_auto(Run) above = { 0 };
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) article = NULL;
  g_autoptr(JsonNode) user_article = NULL;
  JsonArray *array;
  JsonObject *o = NULL;
  g_autofree char *id = NULL;
  g_autofree char *user_id = NULL;
  g_auto(GStrv) lines = NULL;
  const char *text =
    "Clinton and Lavrov Differ Over Iran\n\n"
    "Hillary Clinton pressed Moscow on Thursday over the Iranian reactor.\n\n"
    "\"In the absence of those reassurances, we think it would be premature to go forward "
    "with any project at this time because we want to send an unequivocal message to the "
    "Iranians,\" Clinton said after her talks with Lavrov.\n";
  g_autofree char *other = g_strconcat (text, "\nShe flew home on Saturday.\n", NULL);

  g_assert_true (g_file_set_contents (retold, text, -1, NULL));
  g_assert_true (g_file_set_contents (by_hand, other, -1, NULL));
  run_cli (&imp, f->library, "import", "--json", dated, retold, by_hand, NULL);
  g_assert_cmpint (imp.status, ==, 0);
  lines = g_strsplit (g_strstrip (imp.out), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = parse_json (lines[i]);
      JsonObject *r = json_node_get_object (node);
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (r, "id"));

      if (g_strcmp0 (json_object_get_string_member (r, "file"), retold) == 0)
        id = g_steal_pointer (&n);
      else if (g_strcmp0 (json_object_get_string_member (r, "file"), by_hand) == 0)
        user_id = g_steal_pointer (&n);
    }
  g_assert_nonnull (id);
  g_assert_nonnull (user_id);
  run_cli (&edit, f->library, "edit", user_id, "--date", "2010", NULL);
  g_assert_cmpint (edit.status, ==, 0);

  run_cli (&dates, f->library, "dates", "--json", NULL);
  g_assert_cmpint (dates.status, ==, 0);
  list = parse_json (dates.out);
  array = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *e = json_array_get_object_element (array, i);

      if (json_object_get_int_member (e, "article") == g_ascii_strtoll (id, NULL, 10))
        o = e;
      else
        {
          /* dated by hand: nothing suggested */
          g_assert_cmpint (json_object_get_int_member (e, "article"), ==, g_ascii_strtoll (user_id, NULL, 10));
          g_assert_true (json_object_get_null_member (e, "date"));
          g_assert_true (json_object_get_null_member (e, "precision"));
        }
    }
  g_assert_nonnull (o);
  g_assert_cmpstr (json_object_get_string_member (o, "date"), ==, "2010-03-18");
  g_assert_cmpstr (json_object_get_string_member (o, "precision"), ==, "day");
  g_assert_cmpfloat (json_object_get_double_member (o, "confidence"), >=, 0.5);
  g_assert_cmpfloat (json_object_get_double_member (o, "confidence"), <=, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "evidence")), >, 0);

  run_cli (&found, f->library, "search", "--json", "is:suggested", NULL);
  g_assert_cmpint (found.status, ==, 0);
  g_assert_nonnull (strstr (found.out, "Clinton and Lavrov Differ Over Iran"));

  run_cli (&accept, f->library, "dates", "--accept", id, NULL);
  g_assert_cmpint (accept.status, ==, 0);
  run_cli (&refused, f->library, "dates", "--accept", user_id, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  run_cli (&dismiss, f->library, "dates", "--dismiss", user_id, NULL);
  g_assert_cmpint (dismiss.status, ==, 1);

  run_cli (&show, f->library, "show", "--json", id, NULL);
  g_assert_cmpint (show.status, ==, 0);
  article = parse_json (show.out);
  o = json_node_get_object (article);
  g_assert_cmpstr (json_object_get_string_member (o, "published"), ==, "2010-03-18");
  g_assert_cmpstr (json_object_get_string_member (o, "date_origin"), ==, "inferred");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "date_evidence")), >, 0);
  g_assert_nonnull (json_object_get_string_member (o, "imported_at"));

  run_cli (&show_user, f->library, "show", "--json", user_id, NULL);
  user_article = parse_json (show_user.out);
  o = json_node_get_object (user_article);
  g_assert_cmpstr (json_object_get_string_member (o, "published"), ==, "2010");
  g_assert_cmpstr (json_object_get_string_member (o, "date_origin"), ==, "user");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "date_evidence")), ==, 0);

  run_cli (&usage, f->library, "dates", "--accept", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  run_cli (&above, f->library, "dates", "--accept-above", "0.5", "--json", NULL);
  g_assert_cmpint (above.status, ==, 0);
  g_assert_cmpstr (g_strstrip (above.out), ==, "{\"accepted\": 0}");
}

static gint64
json_id_of_import (const char *line)
{
  g_autoptr(JsonNode) node = parse_json (line);

  return json_object_get_int_member (json_node_get_object (node), "id");
}

/* `dates` works on the library's stories as the window does: an undated
 * report imported with dated ones of the same event, in words of its own,
 * gets its date from them without `stories` being run first. */
static void
test_dates_from_story (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *wire = dossier_test_data_path ("stories", "ferry-wire.txt", NULL);
  g_autofree char *court = dossier_test_data_path ("stories", "ferry-court.txt", NULL);
  g_autofree char *undated = dossier_test_data_path ("stories", "ferry-undated.txt", NULL);
  g_auto(Run) imp = { 0 };
  g_auto(Run) dates = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonArray *array;
  gint64 id;
  gboolean seen = FALSE;

  run_cli (&imp, f->library, "import", "--json", wire, court, undated, NULL);
  g_assert_cmpint (imp.status, ==, 0);
  lines = g_strsplit (g_strstrip (imp.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  id = json_id_of_import (lines[2]);

  run_cli (&dates, f->library, "dates", "--json", NULL);
  g_assert_cmpint (dates.status, ==, 0);
  list = parse_json (dates.out);
  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      JsonArray *evidence;

      if (json_object_get_int_member (o, "article") != id)
        continue;
      seen = TRUE;
      g_assert_cmpstr (json_object_get_string_member (o, "date"), ==, "2014-06-03");
      g_assert_cmpfloat (json_object_get_double_member (o, "confidence"), >=, 0.5);
      evidence = json_object_get_array_member (o, "evidence");
      g_assert_cmpuint (json_array_get_length (evidence), >=, 1);
      g_assert_true (g_str_has_prefix (json_array_get_string_element (evidence, 0), "the same story as ‘"));
    }
  g_assert_true (seen);
}

/* similar, stories, stories move / join and delete, as the contract has
 * them */
static void
test_stories (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *wire = dossier_test_data_path ("stories", "ferry-wire.txt", NULL);
  g_autofree char *copy = dossier_test_data_path ("stories", "ferry-copy.txt", NULL);
  g_autofree char *court = dossier_test_data_path ("stories", "ferry-court.txt", NULL);
  g_autofree char *bakery = dossier_test_data_path ("stories", "bakery.txt", NULL);
  g_auto(Run) imp = { 0 };
  g_auto(Run) similar = { 0 };
  g_auto(Run) stories = { 0 };
  g_auto(Run) move = { 0 };
  g_auto(Run) after = { 0 };
  g_auto(Run) join = { 0 };
  g_auto(Run) del = { 0 };
  g_auto(Run) gone = { 0 };
  g_auto(Run) usage = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) sim = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) moved = NULL;
  g_autoptr(JsonNode) list_after = NULL;
  g_autofree char *id_wire = NULL;
  g_autofree char *id_court = NULL;
  g_autofree char *story = NULL;
  g_autofree char *own = NULL;
  JsonArray *array;
  JsonObject *o;
  gint64 ids[4];

  run_cli (&imp, f->library, "import", "--json", wire, copy, court, bakery, NULL);
  g_assert_cmpint (imp.status, ==, 0);
  lines = g_strsplit (g_strstrip (imp.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  for (guint i = 0; i < 4; i++)
    ids[i] = json_id_of_import (lines[i]);
  id_wire = g_strdup_printf ("%" G_GINT64_FORMAT, ids[0]);
  id_court = g_strdup_printf ("%" G_GINT64_FORMAT, ids[2]);

  run_cli (&similar, f->library, "similar", id_wire, "--json", NULL);
  g_assert_cmpint (similar.status, ==, 0);
  sim = parse_json (similar.out);
  array = json_node_get_array (sim);
  g_assert_cmpuint (json_array_get_length (array), >=, 2);
  o = json_array_get_object_element (array, 0);
  g_assert_cmpint (json_object_get_int_member (o, "id"), ==, ids[1]);
  g_assert_cmpstr (json_object_get_string_member (o, "relation"), ==, "near-duplicate");
  g_assert_cmpfloat (json_object_get_double_member (o, "similarity"), >, 0.5);
  g_assert_cmpfloat (json_object_get_double_member (o, "similarity"), <=, 1);
  o = json_array_get_object_element (array, 1);
  g_assert_cmpint (json_object_get_int_member (o, "id"), ==, ids[2]);
  g_assert_cmpstr (json_object_get_string_member (o, "relation"), ==, "same-story");

  run_cli (&stories, f->library, "stories", "--json", NULL);
  g_assert_cmpint (stories.status, ==, 0);
  list = parse_json (stories.out);
  array = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  o = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "Ferry Crews Walk Out Over Night Shifts");
  g_assert_cmpstr (json_object_get_string_member (o, "first"), ==, "2014-06-03");
  g_assert_cmpstr (json_object_get_string_member (o, "last"), ==, "2014-06-05");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "articles")), ==, 3);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (o, "articles"), 2), ==, ids[2]);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "sources")), ==, 3);
  story = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (o, "id"));

  /* out of the story, then joined back */
  run_cli (&move, f->library, "stories", "move", id_court, "--new", "--json", NULL);
  g_assert_cmpint (move.status, ==, 0);
  moved = parse_json (move.out);
  own = g_strdup_printf ("%" G_GINT64_FORMAT,
                         json_object_get_int_member (json_node_get_object (moved), "story"));
  g_assert_cmpstr (own, !=, story);
  run_cli (&after, f->library, "stories", "--json", NULL);
  list_after = parse_json (after.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list_after)), ==, 2);
  run_cli (&join, f->library, "stories", "join", story, own, NULL);
  g_assert_cmpint (join.status, ==, 0);
  run_cli (&text, f->library, "stories", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Ferry Crews Walk Out Over Night Shifts"));
  g_assert_null (strchr (g_strstrip (text.out), '\n'));

  /* the story as a printable dossier: to standard output, to a new file,
   * never over a file already there */
  {
    g_auto(Run) md = { 0 };
    g_auto(Run) html = { 0 };
    g_auto(Run) again = { 0 };
    g_auto(Run) csv = { 0 };
    g_autofree char *path = g_build_filename (f->dir, "story.html", NULL);
    g_autofree char *contents = NULL;

    run_cli (&md, f->library, "export", "--story", story, "--format", "markdown", NULL);
    g_assert_cmpint (md.status, ==, 0);
    g_assert_true (g_str_has_prefix (md.out, "# Ferry Crews Walk Out Over Night Shifts\n"));
    g_assert_nonnull (strstr (md.out, "2014-06-03 – 2014-06-05"));
    g_assert_nonnull (strstr (md.out, "## Court Halts Lindqvist Ferry Strike\n"));
    g_assert_true (strstr (md.out, "## Ferry Crews Walk Out") < strstr (md.out, "## Court Halts"));
    run_cli (&html, f->library, "export", "--story", story, "--format", "html", "--output", path, NULL);
    g_assert_cmpint (html.status, ==, 0);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<h2>Court Halts Lindqvist Ferry Strike</h2>"));
    run_cli (&again, f->library, "export", "--story", story, "--format", "html", "--output", path, NULL);
    g_assert_cmpint (again.status, ==, 1);
    run_cli (&csv, f->library, "export", "--story", story, "--format", "csv", NULL);
    g_assert_cmpint (csv.status, ==, 2);
  }

  /* delete, as the window's Delete does */
  run_cli (&del, f->library, "delete", id_wire, NULL);
  g_assert_cmpint (del.status, ==, 0);
  run_cli (&gone, f->library, "similar", id_wire, NULL);
  g_assert_cmpint (gone.status, ==, 1);
  g_assert_nonnull (strstr (gone.err, id_wire));

  run_cli (&usage, f->library, "stories", "move", id_court, NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

/* import --from: one JSON line per entry, a second run adds nothing, the
 * links without text are listed by `pending`, hostile files are refused */
static void
test_import_from (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *omnivore = dossier_test_data_path ("apps", "omnivore.zip", NULL);
  g_autofree char *instapaper = dossier_test_data_path ("apps", "instapaper.csv", NULL);
  g_autofree char *traversal = dossier_test_data_path ("apps", "omnivore-traversal.zip", NULL);
  static const char * const want[] = { "imported", "imported", "pending" };
  g_auto(Run) r = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) insta = { 0 };
  g_auto(Run) pending = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) evil = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) list = NULL;
  guint annotations = 0, orphans = 0;

  run_cli (&r, f->library, "import", "--from", "omnivore", "--json", omnivore, NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (g_strstrip (r.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = parse_json (lines[i]);
      JsonObject *o = json_node_get_object (node);

      g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, want[i]);
      g_assert_true (json_object_has_member (o, "source_id"));
      g_assert_true (json_object_has_member (o, "url"));
      g_assert_true (json_object_has_member (o, "reason"));
      g_assert_true (json_object_has_member (o, "error"));
      g_assert_cmpint (json_object_get_int_member (o, "id"), >, 0);
      annotations += json_object_get_int_member (o, "annotations");
      orphans += json_object_get_int_member (o, "orphans");
    }
  g_assert_cmpuint (annotations, ==, 3);
  g_assert_cmpuint (orphans, ==, 1);

  /* the first article's labels and archived state */
  {
    g_auto(Run) show = { 0 };
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(JsonNode) first = parse_json (lines[0]);
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           json_object_get_int_member (json_node_get_object (first), "id"));
    JsonObject *o;

    run_cli (&show, f->library, "show", "--json", id, NULL);
    g_assert_cmpint (show.status, ==, 0);
    node = parse_json (show.out);
    o = json_node_get_object (node);
    g_assert_true (json_object_get_boolean_member (o, "read"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "tags")), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (o, "tags"), 0), ==, "rail");
  }

  run_cli (&again, f->library, "import", "--from", "omnivore", "--json", omnivore, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_null (strstr (again.out, "\"imported\""));
  g_assert_null (strstr (again.out, "\"pending\""));

  /* failed rows: exit 1, each named with its file and row */
  run_cli (&insta, f->library, "import", "--from", "instapaper", instapaper, NULL);
  g_assert_cmpint (insta.status, ==, 1);
  g_assert_nonnull (strstr (insta.err, "instapaper.csv: row 6: no URL"));
  g_assert_nonnull (strstr (insta.err, "4 links kept to fetch later"));

  run_cli (&pending, f->library, "pending", "--json", NULL);
  g_assert_cmpint (pending.status, ==, 0);
  list = parse_json (pending.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 5);

  run_cli (&bad, f->library, "import", "--from", "delicious", instapaper, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  run_cli (&evil, f->library, "import", "--from", "omnivore", traversal, NULL);
  g_assert_cmpint (evil.status, ==, 1);
  g_assert_nonnull (strstr (evil.err, "../../x"));
}

/* A library whose index another version made is indexed again before
 * the command, with a line on stderr, and every article is found */
static void
test_search_index_rebuild (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) again = { 0 };
  g_autoptr(JsonNode) results = NULL;
  sqlite3 *db = NULL;

  import_fixtures (f);
  g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE search_tokenizer SET version = 'dossier-0'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  run_cli (&r, f->library, "search", "--json", "Brenn", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "rebuilding the search index"));
  g_assert_nonnull (strstr (r.err, "articles indexed"));
  results = parse_json (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (results)), ==, 2);

  /* done: the next command says nothing of it */
  run_cli (&again, f->library, "search", "--json", "Brenn", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_null (strstr (again.err, "search index"));
}

/* The commands that only read and write the library start without the
 * network, TLS, PostgreSQL and archive libraries (each costs start-up
 * time); the commands that need them run in dossier-cli-exchange,
 * reached through dossier-cli with the common options in any place. */
static void
test_light_start (Fixture       *f,
                  gconstpointer  data)
{
  const char *cli = g_getenv ("DOSSIER_CLI");
  const char *argv[] = { cli, "--version", NULL };
  const char *heavy[] = { "libpq.so", "libsoup-3.0.so", "libarchive.so", "libssl.so", "libgnutls.so" };
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) r = { 0 };
  g_autoptr(JsonNode) node = NULL;
  int status = 0;

  /* the dynamic loader lists what the program loads, without running it */
  env = g_environ_setenv (env, "LD_TRACE_LOADED_OBJECTS", "1", TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (strstr (out, "libsqlite3.so") != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (heavy); i++)
    if (strstr (out, heavy[i]) != NULL)
      g_error ("dossier-cli loads %s at start:\n%s", heavy[i], out);

  /* import is dossier-cli-exchange's, with --library before the command */
  {
    g_autoptr(GPtrArray) args = g_ptr_array_new ();
    g_autofree char *file = data_file ("harbour-talks.txt");
    g_autofree char *err = NULL;

    g_ptr_array_add (args, (char *) cli);
    g_ptr_array_add (args, "--library");
    g_ptr_array_add (args, f->library);
    g_ptr_array_add (args, "--json");
    g_ptr_array_add (args, "import");
    g_ptr_array_add (args, file);
    g_ptr_array_add (args, NULL);
    g_clear_pointer (&out, g_free);
    g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    node = parse_json (out);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "status"), ==, "imported");
  }
  /* and its usage errors read as dossier-cli's */
  run_cli (&r, f->library, "team", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_true (strstr (r.err, "dossier-cli team") != NULL);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Dossier/Cli/import-list-show", Fixture, NULL, fixture_setup, test_import_list_show, fixture_teardown);
  g_test_add ("/Dossier/Cli/search-annotate-edit", Fixture, NULL, fixture_setup, test_search_annotate_edit, fixture_teardown);
  g_test_add ("/Dossier/Cli/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);
  g_test_add ("/Dossier/Cli/seeds", Fixture, NULL, fixture_setup, test_seeds, fixture_teardown);
  g_test_add ("/Dossier/Cli/dates", Fixture, NULL, fixture_setup, test_dates, fixture_teardown);
  g_test_add ("/Dossier/Cli/stories", Fixture, NULL, fixture_setup, test_stories, fixture_teardown);
  g_test_add ("/Dossier/Cli/dates-from-story", Fixture, NULL, fixture_setup, test_dates_from_story, fixture_teardown);
  g_test_add ("/Dossier/Cli/search-index-rebuild", Fixture, NULL, fixture_setup, test_search_index_rebuild, fixture_teardown);
  g_test_add ("/Dossier/Cli/light-start", Fixture, NULL, fixture_setup, test_light_start, fixture_teardown);
  g_test_add ("/Dossier/Cli/import-from", Fixture, NULL, fixture_setup, test_import_from, fixture_teardown);

  return g_test_run ();
}
