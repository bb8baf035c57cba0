/* test-people.c — people and quotes in the library, and their command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built dossier-cli (DOSSIER_CLI) on the articles of
 * tests/data/quotes in a temporary library: the JSON contract of
 * `people` and `quotes`, corrections that survive finding the quotes
 * again, and an old library that gets its quotes after the upgrade.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-library.h"
#include "dossier-people.h"
#include "dossier-quotes.h"
#include "dossier-test-util.h"

typedef struct
{
  char *dir;
  char *library;
} Fixture;

/* Runs dossier-cli with @args (NULL-terminated) on the fixture's library;
 * returns its standard output, asserting it exited with @want. */
static char *
cli (Fixture    *f,
     int         want,
     const char *command,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *arg;
  va_list ap;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("DOSSIER_CLI"));
  g_ptr_array_add (argv, (char *) command);
  g_ptr_array_add (argv, "--library");
  g_ptr_array_add (argv, f->library);
  va_start (ap, command);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != want)
    g_error ("dossier-cli %s exited %d: %s", command, WEXITSTATUS (status), err);
  return out;
}

static JsonNode *
cli_json (Fixture    *f,
          const char *command,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *arg;
  va_list ap;

  va_start (ap, command);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  while (args->len < 6)
    g_ptr_array_add (args, NULL);
  out = cli (f, 0, command, "--json", args->pdata[0], args->pdata[1], args->pdata[2],
             args->pdata[3], args->pdata[4], args->pdata[5], NULL);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  /* the lists are written as they are made: byte for byte what
   * json-glib's generator makes of the same values */
  if (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
  {
    g_autoptr(JsonGenerator) gen = json_generator_new ();
    g_autofree char *again = NULL;
    g_autofree char *line = NULL;

    json_generator_set_pretty (gen, TRUE);
    json_generator_set_root (gen, json_parser_get_root (parser));
    again = json_generator_to_data (gen, NULL);
    line = g_strconcat (again, "\n", NULL);
    g_assert_cmpstr (out, ==, line);
  }
  return json_node_copy (json_parser_get_root (parser));
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

static void
import_quotes (Fixture *f)
{
  g_autofree char *a = dossier_test_data_path ("quotes", "lavrov-missiles.txt", NULL);
  g_autofree char *b = dossier_test_data_path ("quotes", "kremlin-statement.txt", NULL);
  g_autofree char *c = dossier_test_data_path ("quotes", "guillemets.txt", NULL);
  g_autofree char *out = cli (f, 0, "import", a, b, c, NULL);
}

static JsonObject *
find_by (JsonArray  *a,
         const char *member,
         const char *value)
{
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);
      JsonNode *n = json_object_get_member (o, member);

      if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && g_strcmp0 (json_node_get_string (n), value) == 0)
        return o;
    }
  return NULL;
}

static char *
article_body (Fixture *f,
              gint64   id)
{
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) node = cli_json (f, "show", sid, NULL);

  return g_strdup (json_object_get_string_member (json_node_get_object (node), "body"));
}

static void
test_contract (Fixture       *f,
               gconstpointer  data)
{
  static const char *const keys[] = { "id", "article", "speaker", "speaker_id", "text", "start", "end",
                                      "published", "source", "attribution", "status" };
  g_autoptr(JsonNode) people = NULL;
  g_autoptr(JsonNode) quotes = NULL;
  g_autoptr(JsonNode) lavrov = NULL;
  JsonArray *a;
  JsonObject *o;
  gboolean variant = FALSE;

  import_quotes (f);
  people = cli_json (f, "people", NULL);
  a = json_node_get_array (people);
  o = find_by (a, "name", "Sergei Lavrov");
  g_assert_nonnull (o);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "person");
  g_assert_cmpint (json_object_get_int_member (o, "quotes"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (o, "mentions"), ==, 1);
  for (guint i = 0; i < json_array_get_length (json_object_get_array_member (o, "variants")); i++)
    if (g_str_equal (json_array_get_string_element (json_object_get_array_member (o, "variants"), i), "Mr. Lavrov"))
      variant = TRUE;
  g_assert_true (variant);
  o = find_by (a, "name", "Kremlin");
  g_assert_nonnull (o);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "organisation");
  /* "Yuri" and "Yury" Ushakov are one person */
  o = find_by (a, "name", "Yuri Ushakov");
  g_assert_nonnull (o);
  g_assert_null (find_by (a, "name", "Yury Ushakov"));
  g_assert_cmpint (json_object_get_int_member (o, "quotes"), ==, 3);

  quotes = cli_json (f, "quotes", NULL);
  a = json_node_get_array (quotes);
  g_assert_cmpuint (json_array_get_length (a), ==, 15);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      g_autofree char *body = NULL;
      g_autofree char *slice = NULL;
      const char *from, *to;

      o = json_array_get_object_element (a, i);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (o, keys[k]));
      /* text is exactly body[start:end], in characters */
      body = article_body (f, json_object_get_int_member (o, "article"));
      from = g_utf8_offset_to_pointer (body, json_object_get_int_member (o, "start"));
      to = g_utf8_offset_to_pointer (body, json_object_get_int_member (o, "end"));
      slice = g_strndup (from, to - from);
      g_assert_cmpstr (slice, ==, json_object_get_string_member (o, "text"));
      g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "found");
      if (json_object_get_null_member (o, "speaker"))
        {
          g_assert_true (json_object_get_null_member (o, "speaker_id"));
          g_assert_cmpstr (json_object_get_string_member (o, "attribution"), ==, "unattributed");
        }
    }
  o = find_by (a, "text", "Particular attention was paid to the situation in the Middle East");
  g_assert_nonnull (o);
  g_assert_cmpstr (json_object_get_string_member (o, "speaker"), ==, "Kremlin");
  g_assert_cmpstr (json_object_get_string_member (o, "attribution"), ==, "organisation");

  lavrov = cli_json (f, "quotes", "--person", "Lavrov", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (lavrov)), ==, 4);
}

static guint
count_hits (Fixture    *f,
            const char *query)
{
  g_autoptr(JsonNode) hits = cli_json (f, "search", query, NULL);

  return json_array_get_length (json_node_get_array (hits));
}

/* person:, quote: and quote: with words, through the search's filters */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  import_quotes (f);
  /* the search finds the quotes of the new articles first */
  g_assert_cmpuint (count_hits (f, "quote:lavrov"), ==, 1);
  g_assert_cmpuint (count_hits (f, "person:Lavrov"), ==, 1);
  g_assert_cmpuint (count_hits (f, "person:Лавров"), ==, 1);
  g_assert_cmpuint (count_hits (f, "person:\"Sergey Lavrov\""), ==, 1);
  g_assert_cmpuint (count_hits (f, "quote:lavrov \"door is not open\""), ==, 1);
  g_assert_cmpuint (count_hits (f, "quote:lavrov \"serious proposal\""), ==, 0);
  g_assert_cmpuint (count_hits (f, "quote:kerry \"serious proposal\""), ==, 1);
  g_assert_cmpuint (count_hits (f, "quote:kremlin"), ==, 1);
  /* Ushakov is quoted in one article, mentioned in none other */
  g_assert_cmpuint (count_hits (f, "quote:ushakov"), ==, 1);
  g_assert_cmpuint (count_hits (f, "quote:lukyanov person:kerry"), ==, 1);
  g_assert_cmpuint (count_hits (f, "quote:lukyanov person:peskov"), ==, 0);
  g_assert_cmpuint (count_hits (f, "quote:nobody"), ==, 0);
}

static void
test_corrections (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) quotes = NULL, after = NULL, all = NULL, people = NULL;
  g_autofree char *qid_reassign = NULL, *qid_reject = NULL, *kerry = NULL, *article = NULL;
  g_autofree char *body = NULL, *body_file = NULL, *out = NULL;
  JsonObject *o;
  gint64 article_id;

  import_quotes (f);
  quotes = cli_json (f, "quotes", NULL);
  o = find_by (json_node_get_array (quotes), "text", "a step in the wrong direction");
  qid_reassign = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (o, "id"));
  article_id = json_object_get_int_member (o, "article");
  article = g_strdup_printf ("%" G_GINT64_FORMAT, article_id);
  o = find_by (json_node_get_array (quotes), "text", "Nobody is closing the door");
  qid_reject = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (o, "id"));

  g_free (cli (f, 0, "quotes", "reassign", qid_reassign, "John Kerry", NULL));
  g_free (cli (f, 0, "quotes", "reject", qid_reject, NULL));
  g_free (cli (f, 1, "quotes", "reject", "999999", NULL));
  g_free (cli (f, 2, "quotes", "frobnicate", NULL));

  /* the body changes: the quotes are found again, the corrections kept */
  body = article_body (f, article_id);
  body_file = g_build_filename (f->dir, "body.txt", NULL);
  {
    g_autofree char *changed = g_strconcat ("An editor's note was added.\n\n", body, NULL);

    g_assert_true (g_file_set_contents (body_file, changed, -1, NULL));
  }
  out = cli (f, 0, "edit", article, "--body-file", body_file, NULL);

  after = cli_json (f, "quotes", "--article", article, NULL);
  g_assert_null (find_by (json_node_get_array (after), "text", "Nobody is closing the door"));
  o = find_by (json_node_get_array (after), "text", "a step in the wrong direction");
  g_assert_nonnull (o);
  g_assert_cmpstr (json_object_get_string_member (o, "speaker"), ==, "John Kerry");
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "corrected");
  all = cli_json (f, "quotes", "--article", article, "--all", NULL);
  o = find_by (json_node_get_array (all), "text", "Nobody is closing the door");
  g_assert_nonnull (o);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "rejected");

  /* rename, merge, split */
  people = cli_json (f, "people", NULL);
  o = find_by (json_node_get_array (people), "name", "John Kerry");
  kerry = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (o, "id"));
  g_free (cli (f, 0, "people", "rename", kerry, "John F. Kerry", NULL));
  {
    g_autoptr(JsonNode) renamed = cli_json (f, "quotes", "--person", kerry, NULL);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (renamed)), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (renamed), 0),
                                                    "speaker"), ==, "John F. Kerry");
  }
  {
    g_autoptr(JsonNode) p = cli_json (f, "people", NULL);
    JsonObject *lavrov = find_by (json_node_get_array (p), "name", "Sergei Lavrov");
    JsonObject *kremlin = find_by (json_node_get_array (p), "name", "Kremlin");
    g_autofree char *lid = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (lavrov, "id"));
    g_autofree char *kid = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (kremlin, "id"));
    g_autoptr(JsonNode) merged = NULL;
    g_autoptr(JsonNode) split = NULL;
    g_autoptr(JsonNode) left = NULL;
    gint64 lavrov_quotes = json_object_get_int_member (lavrov, "quotes");

    g_free (cli (f, 0, "people", "merge", lid, kid, NULL));
    merged = cli_json (f, "quotes", "--person", lid, NULL);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (merged)), ==, lavrov_quotes + 2);
    g_free (cli (f, 1, "people", "merge", lid, kid, NULL));

    split = cli_json (f, "people", "split", lid, "--variant", "Kremlin", NULL);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (split), "id"), >, 0);
    left = cli_json (f, "quotes", "--person", lid, NULL);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (left)), ==, lavrov_quotes);
    g_free (cli (f, 2, "people", "split", lid, NULL));
  }
}

/* A library from before people (tests/data/schema-v3.sql) upgrades,
 * keeps its articles and queues them; its quotes are found after. */
static void
test_upgrade (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *sql = dossier_test_data_read (NULL, "schema-v3.sql", NULL);
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GError) error = NULL;
  DossierStoredQuote *q;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  library = dossier_library_new (f->library);
  g_assert_true (dossier_library_open_sync (library, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_library_count_sync (library, &error), ==, 3);
  g_assert_cmpint (dossier_people_pending_sync (library, &error), ==, 3);
  /* half-way: one article done, the rest still waiting */
  g_assert_cmpint (dossier_people_find_quotes_sync (library, 1, NULL, &error), ==, 1);
  g_assert_cmpint (dossier_people_pending_sync (library, &error), ==, 2);
  g_assert_cmpint (dossier_people_find_quotes_sync (library, G_MAXUINT, NULL, &error), ==, 2);
  g_assert_cmpint (dossier_people_pending_sync (library, &error), ==, 0);
  quotes = dossier_people_quotes_sync (library, 0, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quotes->len, ==, 1);
  q = g_ptr_array_index (quotes, 0);
  g_assert_cmpstr (q->text, ==, "We came to listen before we came to bargain");
  g_assert_cmpstr (q->speaker, ==, "Otto Brenn");
  dossier_library_close (library);
}

static gboolean
has_index (const char *path,
           const char *name,
           const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM pragma_index_info('%s') WHERE name = '%s'", name, column);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gboolean found;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return found;
}

/* A library of format 19, before the indexes that answer the People
 * list and a person's quotes alone: it gets them on opening, and lists
 * the same people and quotes as before. */
static void
test_upgrade_listing (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) people = NULL;
  g_autoptr(JsonNode) quotes = NULL;
  g_autoptr(JsonNode) people_after = NULL;
  g_autoptr(JsonNode) quotes_after = NULL;
  g_autofree char *lavrov = NULL;
  sqlite3 *db;

  import_quotes (f);
  people = cli_json (f, "people", NULL);
  lavrov = g_strdup_printf ("%" G_GINT64_FORMAT,
                            json_object_get_int_member (find_by (json_node_get_array (people), "name", "Sergei Lavrov"),
                                                        "id"));
  quotes = cli_json (f, "quotes", "--person", lavrov, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (quotes)), >, 0);
  g_assert_true (has_index (f->library, "quotes_listed", "text"));

  g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP INDEX quotes_listed;"
                                 "DROP INDEX people_rank;"
                                 "CREATE INDEX people_rank ON people(quotes DESC, mentions DESC);"
                                 "PRAGMA user_version = 19;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (has_index (f->library, "quotes_listed", "text"));

  people_after = cli_json (f, "people", NULL);
  quotes_after = cli_json (f, "quotes", "--person", lavrov, NULL);
  g_assert_true (json_node_equal (people, people_after));
  g_assert_true (json_node_equal (quotes, quotes_after));
  g_assert_true (has_index (f->library, "quotes_listed", "text"));
  g_assert_true (has_index (f->library, "people_rank", "name"));
}

/* Sets the version of the extractor recorded in the library at @path
 * (when @set >= 0) and returns what it was. */
static gint64
extractor_version (const char *path,
                   gint64      set)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gint64 was;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT version FROM quote_extractor WHERE id = 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  was = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (set >= 0)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE quote_extractor SET version = %" G_GINT64_FORMAT, set);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  sqlite3_close (db);
  return was;
}

/* @quotes (a JSON array of quotes) without their ids, which finding the
 * quotes again renews */
static JsonNode *
without_ids (JsonNode *quotes)
{
  JsonNode *copy = json_node_copy (quotes);
  JsonArray *a = json_node_get_array (copy);

  for (guint i = 0; i < json_array_get_length (a); i++)
    json_object_remove_member (json_array_get_object_element (a, i), "id");
  return copy;
}

/* Quotes found by an older version of the extractor are found again for
 * every article, a batch at a time (stopping half-way loses nothing),
 * and every kind of correction holds; a library whose quotes were found
 * by this version is not queued. */
static void
test_extractor_version (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) quotes = NULL, people = NULL, before = NULL, people_before = NULL;
  g_autoptr(JsonNode) after = NULL, people_after = NULL, bare_before = NULL, bare_after = NULL;
  g_autoptr(JsonNode) split = NULL;
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *qid_reassign = NULL, *qid_reject = NULL;
  g_autofree char *kerry = NULL, *lavrov = NULL, *kremlin = NULL, *ushakov = NULL;
  JsonArray *list;
  JsonObject *o;

  import_quotes (f);
  g_assert_cmpint (extractor_version (f->library, -1), ==, DOSSIER_QUOTES_VERSION);

  /* one correction of each kind */
  quotes = cli_json (f, "quotes", NULL);
  list = json_node_get_array (quotes);
  qid_reassign = g_strdup_printf ("%" G_GINT64_FORMAT,
                                  json_object_get_int_member (find_by (list, "text", "a step in the wrong direction"), "id"));
  qid_reject = g_strdup_printf ("%" G_GINT64_FORMAT,
                                json_object_get_int_member (find_by (list, "text", "Nobody is closing the door"), "id"));
  g_free (cli (f, 0, "quotes", "reassign", qid_reassign, "John Kerry", NULL));
  g_free (cli (f, 0, "quotes", "reject", qid_reject, NULL));
  people = cli_json (f, "people", NULL);
  list = json_node_get_array (people);
  kerry = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (find_by (list, "name", "John Kerry"), "id"));
  lavrov = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (find_by (list, "name", "Sergei Lavrov"), "id"));
  kremlin = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (find_by (list, "name", "Kremlin"), "id"));
  ushakov = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (find_by (list, "name", "Yuri Ushakov"), "id"));
  g_free (cli (f, 0, "people", "rename", kerry, "John F. Kerry", NULL));
  g_free (cli (f, 0, "people", "merge", lavrov, kremlin, NULL));
  split = cli_json (f, "people", "split", ushakov, "--variant", "Yury Ushakov", NULL);

  before = cli_json (f, "quotes", "--all", NULL);
  people_before = cli_json (f, "people", NULL);

  /* found by an older extractor */
  g_assert_cmpint (extractor_version (f->library, DOSSIER_QUOTES_VERSION - 1), ==, DOSSIER_QUOTES_VERSION);
  library = dossier_library_new (f->library);
  g_assert_true (dossier_library_open_sync (library, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (extractor_version (f->library, -1), ==, DOSSIER_QUOTES_VERSION);
  g_assert_cmpint (dossier_people_pending_sync (library, &error), ==, 3);
  /* stopped half-way */
  g_assert_cmpint (dossier_people_find_quotes_sync (library, 1, NULL, &error), ==, 1);
  dossier_library_close (library);
  g_clear_object (&library);

  /* goes on where it stopped, and is not queued again */
  library = dossier_library_new (f->library);
  g_assert_true (dossier_library_open_sync (library, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_people_pending_sync (library, &error), ==, 2);
  g_assert_cmpint (dossier_people_find_quotes_sync (library, G_MAXUINT, NULL, &error), ==, 2);
  g_assert_cmpint (dossier_people_pending_sync (library, &error), ==, 0);
  g_assert_no_error (error);
  dossier_library_close (library);
  g_clear_object (&library);

  after = cli_json (f, "quotes", "--all", NULL);
  people_after = cli_json (f, "people", NULL);
  /* found again: new rows */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_node_get_array (after), 0), "id"), !=,
                   json_object_get_int_member (json_array_get_object_element (json_node_get_array (before), 0), "id"));
  list = json_node_get_array (after);
  o = find_by (list, "text", "a step in the wrong direction");
  g_assert_cmpstr (json_object_get_string_member (o, "speaker"), ==, "John F. Kerry");
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "corrected");
  o = find_by (list, "text", "Nobody is closing the door");
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "rejected");
  /* the merged organisation's quotes stay with the person they were
   * merged into, the split-off name stays a person of its own */
  {
    gint64 lavrov_id = g_ascii_strtoll (lavrov, NULL, 10);
    guint of_lavrov = 0;

    for (guint i = 0; i < json_array_get_length (list); i++)
      {
        JsonObject *q = json_array_get_object_element (list, i);

        if (json_object_get_null_member (q, "speaker_id"))
          continue;
        of_lavrov += json_object_get_int_member (q, "speaker_id") == lavrov_id &&
                     g_strcmp0 (json_object_get_string_member (q, "status"), "rejected") != 0;
      }
    o = find_by (json_node_get_array (people_after), "name", "Sergei Lavrov");
    g_assert_cmpint (of_lavrov, ==, json_object_get_int_member (o, "quotes"));
    g_assert_true (json_object_get_int_member (o, "quotes") >=
                   json_object_get_int_member (find_by (json_node_get_array (people), "name", "Sergei Lavrov"), "quotes") + 2);
    /* the split-off name still names the new person */
    {
      sqlite3_stmt *stmt = NULL;
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT person_id FROM person_variants WHERE variant = 'Yury Ushakov'",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==,
                       json_object_get_int_member (json_node_get_object (split), "id"));
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }
  }
  bare_before = without_ids (before);
  bare_after = without_ids (after);
  g_assert_true (json_node_equal (bare_before, bare_after));
  g_assert_true (json_node_equal (people_before, people_after));

  /* at this version: nothing queued */
  library = dossier_library_new (f->library);
  g_assert_true (dossier_library_open_sync (library, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_people_pending_sync (library, &error), ==, 0);
  dossier_library_close (library);
}

/* The ids of @person's quotes as SQL orders them in time: by their
 * article's day (undated last), the article, where they start. */
static GArray *
ids_in_time (Fixture    *f,
             const char *person,
             gboolean    all)
{
  g_autofree char *sql = g_strdup_printf ("SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id"
                                          " JOIN people p ON p.id = q.person_id"
                                          " WHERE p.name = '%s' AND (%d OR q.status < 2)"
                                          " ORDER BY a.published_jd IS NULL, a.published_jd, q.article_id, q.start_offset",
                                          person, all);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ids;
}

static void
assert_listed_in_time (Fixture    *f,
                       const char *person,
                       gboolean    all)
{
  g_autoptr(GArray) want = ids_in_time (f, person, all);
  g_autoptr(JsonNode) listed = cli_json (f, "quotes", "--person", person, all ? "--all" : NULL, NULL);
  g_autofree char *plain = cli (f, 0, "quotes", "--person", person, all ? "--all" : NULL, NULL);
  g_auto(GStrv) lines = g_strsplit (plain, "\n", -1);
  JsonArray *a = json_node_get_array (listed);

  g_assert_cmpuint (want->len, >, 1);
  g_assert_cmpuint (json_array_get_length (a), ==, want->len);
  /* one line each, and a line end after the last */
  g_assert_cmpuint (g_strv_length (lines), ==, want->len + 1);
  g_assert_cmpstr (lines[want->len], ==, "");
  for (guint i = 0; i < want->len; i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);
      gint64 id = g_array_index (want, gint64, i);
      g_autofree char *line_start = g_strdup_printf ("%6" G_GINT64_FORMAT "  ", id);
      g_autofree char *line_end = g_strdup_printf ("”  (article %" G_GINT64_FORMAT ")",
                                                  json_object_get_int_member (o, "article"));
      const char *published = json_object_get_string_member (o, "published");

      g_assert_cmpint (json_object_get_int_member (o, "id"), ==, id);
      g_assert_true (g_str_has_prefix (lines[i], line_start));
      g_assert_true (g_str_has_suffix (lines[i], line_end));
      g_assert_nonnull (strstr (lines[i], json_object_get_string_member (o, "text")));
      g_assert_nonnull (strstr (lines[i], published != NULL ? published : "—"));
    }
}

/* A person's quotes are listed in the time order of their articles,
 * which is not the order of the articles' ids: undated articles last,
 * articles of the same day by id, an article's quotes by where they
 * start, rejected ones (with --all) in their place.  Otto Brenn is
 * quoted in every article (their ids dense), Ida Kvist in the first and
 * the last only (read one by one): both ways of finding the articles. */
static void
test_quotes_in_time (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) brenn = NULL;
  g_autofree char *out = NULL;
  g_autofree char *qid = NULL;
  const guint n = 24;
  sqlite3 *db = NULL;

  for (guint k = 0; k < n; k++)
    {
      g_autofree char *name = g_strdup_printf ("article-%02u.txt", k);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      g_string_append_printf (text, "Talks in Round %u\n\nThe delegations met again on the %u. day of the talks.\n\n", k, k);
      g_string_append_printf (text, "\"We will hold to the point number %u that we made in the morning,\" said Otto Brenn.\n\n", k);
      if (k % 3 == 0)
        g_string_append_printf (text, "\"Nothing in the point number %u is open to a bargain today,\" Otto Brenn added later.\n\n", k);
      if (k == 0 || k == n - 1)
        g_string_append_printf (text, "\"We have heard the point number %u and we will answer it soon,\" said Ida Kvist.\n\n", k);
      g_assert_true (g_file_set_contents (path, text->str, -1, &error));
      g_assert_no_error (error);
      g_ptr_array_add (args, g_steal_pointer (&path));
    }
  g_ptr_array_add (args, NULL);
  {
    g_autoptr(GPtrArray) argv = g_ptr_array_new ();
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_ptr_array_add (argv, (char *) g_getenv ("DOSSIER_CLI"));
    g_ptr_array_add (argv, "import");
    g_ptr_array_add (argv, "--library");
    g_ptr_array_add (argv, f->library);
    for (guint k = 0; k < n; k++)
      g_ptr_array_add (argv, g_ptr_array_index (args, k));
    g_ptr_array_add (argv, NULL);
    g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }
  /* days against the ids' order: every fifth undated, pairs on one day */
  g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE articles SET published_jd = CASE WHEN id % 5 = 0 THEN NULL"
                                 "  ELSE 2455000 + ((id * 7) % 13) END;"
                                 "UPDATE articles SET published = CASE WHEN published_jd IS NULL THEN NULL"
                                 "  ELSE date(published_jd - 0.5) END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  out = cli (f, 0, "quotes", NULL);
  brenn = cli_json (f, "quotes", "--person", "Otto Brenn", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (brenn)), ==, n + n / 3);
  assert_listed_in_time (f, "Otto Brenn", FALSE);
  assert_listed_in_time (f, "Ida Kvist", FALSE);
  /* a rejected quote is read after the others (its status's run of the
   * index) and still listed in its place: the first of an article's two */
  for (guint i = 1; i < json_array_get_length (json_node_get_array (brenn)) && qid == NULL; i++)
    {
      JsonObject *before = json_array_get_object_element (json_node_get_array (brenn), i - 1);
      JsonObject *o = json_array_get_object_element (json_node_get_array (brenn), i);

      if (json_object_get_int_member (before, "article") == json_object_get_int_member (o, "article"))
        qid = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (before, "id"));
    }
  g_assert_nonnull (qid);
  g_free (cli (f, 0, "quotes", "reject", qid, NULL));
  assert_listed_in_time (f, "Otto Brenn", FALSE);
  assert_listed_in_time (f, "Otto Brenn", TRUE);

  /* sources to escape, the same in runs of articles and not: the JSON
   * is still json-glib's, byte for byte */
  g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE articles SET source = CASE WHEN id % 3 = 0 THEN NULL"
                                 "  WHEN id % 4 < 2 THEN 'The \"Wire\" \\ Desk' || char(9) || 'A'"
                                 "    || char(10) || char(1) || '\u00e9'"
                                 "  ELSE 'Plain Wire' END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_clear_pointer (&brenn, json_node_unref);
  brenn = cli_json (f, "quotes", "--person", "Otto Brenn", "--all", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (brenn)), ==, n + n / 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (brenn), 0),
                                                  "source"), !=, NULL);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/people/contract", Fixture, NULL, fixture_setup, test_contract, fixture_teardown);
  g_test_add ("/people/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/people/corrections", Fixture, NULL, fixture_setup, test_corrections, fixture_teardown);
  g_test_add ("/people/upgrade", Fixture, NULL, fixture_setup, test_upgrade, fixture_teardown);
  g_test_add ("/people/extractor-version", Fixture, NULL, fixture_setup, test_extractor_version, fixture_teardown);
  g_test_add ("/people/upgrade-listing", Fixture, NULL, fixture_setup, test_upgrade_listing, fixture_teardown);
  g_test_add ("/people/quotes-in-time", Fixture, NULL, fixture_setup, test_quotes_in_time, fixture_teardown);

  return g_test_run ();
}
