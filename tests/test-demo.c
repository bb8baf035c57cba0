/* test-demo.c — the demo corpus that fills an empty library on first start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "dossier-demo.h"
#include "dossier-library.h"
#include "dossier-stories.h"
#include "dossier-test-util.h"

/* {{{ Helpers */

typedef DossierTestLibrary Fixture;

static GBytes *
load_corpus (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                 "demo-corpus.json", NULL);
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The corpus file itself, parsed independently of the code under test. */
static JsonArray *
corpus_articles (JsonParser *parser,
                 GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  json_parser_load_from_data (parser, data, (gssize) size, &error);
  g_assert_no_error (error);
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                       "articles");
}

static guint
count_articles (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;
  guint n = dossier_library_count_sync (library, &error);

  g_assert_no_error (error);
  return n;
}

static GPtrArray *
all_articles (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierQuery) query = dossier_query_new ();
  GPtrArray *articles = dossier_library_search_sync (library, query, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (articles);
  return articles;
}

static GPtrArray *
all_annotations (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *annotations = dossier_library_list_annotations_sync (library, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (annotations);
  return annotations;
}

static DossierArticle *
find_by_title (GPtrArray  *articles,
               const char *title)
{
  for (guint i = 0; i < articles->len; i++)
    {
      DossierArticle *article = g_ptr_array_index (articles, i);

      if (g_strcmp0 (dossier_article_get_title (article), title) == 0)
        return article;
    }
  return NULL;
}

static void
fill_ok (DossierLibrary *library,
         GBytes         *bytes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_demo_fill (library, bytes, &error));
  g_assert_no_error (error);
}

/* }}} */
/* {{{ Tests */

/* Every article of the file is in the library with its metadata and a
 * date from metadata; the dates span several years and include the
 * month-only, year-only and undated cases the timeline shows. */
static void
test_articles (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) bytes = load_corpus ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);
  guint precision[4] = { 0 };
  JsonArray *expected;

  expected = corpus_articles (parser, bytes);
  g_assert_cmpuint (json_array_get_length (expected), >=, 12);
  g_assert_cmpuint (json_array_get_length (expected), <=, 20);

  g_assert_cmpuint (count_articles (f->library), ==, 0);
  fill_ok (f->library, bytes);
  g_assert_cmpuint (count_articles (f->library), ==, json_array_get_length (expected));

  articles = all_articles (f->library);
  g_assert_cmpuint (articles->len, ==, json_array_get_length (expected));

  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      JsonObject *want = json_array_get_object_element (expected, i);
      const char *title = json_object_get_string_member (want, "title");
      const char *published = json_object_get_string_member_with_default (want, "published", NULL);
      DossierArticle *listed = find_by_title (articles, title);
      g_autoptr(DossierArticle) article = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *date = NULL;
      const DossierDate *d;

      g_assert_nonnull (listed);
      article = dossier_library_get_article_sync (f->library, dossier_article_get_id (listed), &error);
      g_assert_no_error (error);

      g_assert_cmpstr (dossier_article_get_body (article), ==,
                       json_object_get_string_member (want, "body"));
      g_assert_cmpstr (dossier_article_get_source (article), ==,
                       json_object_get_string_member (want, "source"));
      g_assert_cmpstr (dossier_article_get_byline (article), ==,
                       json_object_get_string_member (want, "byline"));
      g_assert_cmpstr (dossier_article_get_url (article), ==,
                       json_object_get_string_member_with_default (want, "url", NULL));
      g_assert_cmpstr (dossier_article_get_language (article), ==, "en");
      /* paragraphs, each separated by one blank line */
      g_assert_nonnull (strstr (dossier_article_get_body (article), "\n\n"));
      g_assert_null (strstr (dossier_article_get_body (article), "\n\n\n"));

      date = dossier_article_dup_published_string (article);
      g_assert_cmpstr (date, ==, published);
      d = dossier_article_get_published (article);
      precision[d->precision]++;
      if (published != NULL)
        {
          g_assert_cmpint (dossier_article_get_date_origin (article), ==,
                           DOSSIER_DATE_ORIGIN_METADATA);
          g_hash_table_add (years, GINT_TO_POINTER (d->year));
        }
      g_hash_table_add (sources, (gpointer) json_object_get_string_member (want, "source"));
    }

  g_assert_cmpuint (g_hash_table_size (years), >=, 4);
  g_assert_cmpuint (g_hash_table_size (sources), >=, 4);
  g_assert_cmpuint (precision[DOSSIER_DATE_PRECISION_DAY], >=, 8);
  g_assert_cmpuint (precision[DOSSIER_DATE_PRECISION_MONTH], >=, 1);
  g_assert_cmpuint (precision[DOSSIER_DATE_PRECISION_YEAR], >=, 1);
  g_assert_cmpuint (precision[DOSSIER_DATE_PRECISION_UNKNOWN], >=, 1);
}

/* Every annotation of the file is placed on its quote — none orphaned —
 * with its note, tags and colour. */
static void
test_annotations (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) bytes = load_corpus ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GHashTable) annotated = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) colors = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *expected;
  guint n_expected = 0;
  guint n_with_notes = 0;

  expected = corpus_articles (parser, bytes);
  fill_ok (f->library, bytes);
  articles = all_articles (f->library);
  annotations = all_annotations (f->library);

  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      JsonObject *want = json_array_get_object_element (expected, i);
      JsonArray *notes = json_object_get_array_member (want, "annotations");
      DossierArticle *article = find_by_title (articles, json_object_get_string_member (want, "title"));

      g_assert_nonnull (article);
      g_assert_cmpuint (dossier_article_get_annotation_count (article), ==,
                        notes ? json_array_get_length (notes) : 0);
      n_expected += notes ? json_array_get_length (notes) : 0;
    }
  g_assert_cmpuint (n_expected, >=, 6);
  g_assert_cmpuint (annotations->len, ==, n_expected);

  for (guint i = 0; i < annotations->len; i++)
    {
      DossierAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autoptr(DossierArticle) article = NULL;
      g_autoptr(GError) error = NULL;
      const char *body;
      const char *from;
      const char *to;
      g_autofree char *placed = NULL;

      g_assert_false (dossier_annotation_get_orphan (annotation));
      article = dossier_library_get_article_sync (f->library,
                                                  dossier_annotation_get_article_id (annotation),
                                                  &error);
      g_assert_no_error (error);

      /* the offsets select exactly the quote in the body */
      body = dossier_article_get_body (article);
      g_assert_cmpint (dossier_annotation_get_start (annotation), <,
                       dossier_annotation_get_end (annotation));
      g_assert_cmpint (dossier_annotation_get_end (annotation), <=, g_utf8_strlen (body, -1));
      from = g_utf8_offset_to_pointer (body, dossier_annotation_get_start (annotation));
      to = g_utf8_offset_to_pointer (body, dossier_annotation_get_end (annotation));
      placed = g_strndup (from, to - from);
      g_assert_cmpstr (placed, ==, dossier_annotation_get_quote (annotation));

      g_assert_true (dossier_annotation_color_is_valid (dossier_annotation_get_color (annotation)));
      g_assert_cmpuint (g_strv_length ((char **) dossier_annotation_get_tags (annotation)), >=, 1);
      g_hash_table_add (colors, (gpointer) dossier_annotation_get_color (annotation));
      g_hash_table_add (annotated, GINT_TO_POINTER (dossier_annotation_get_article_id (annotation)));
      if (dossier_annotation_get_note (annotation) != NULL)
        n_with_notes++;
    }

  g_assert_cmpuint (g_hash_table_size (annotated), >=, 4);
  g_assert_cmpuint (g_hash_table_size (colors), >=, 4);
  g_assert_cmpuint (n_with_notes, >=, annotations->len / 2);
}

/* A word that three articles use finds those three and no others. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  const char *want[] = {
    "Delta farmers fear a thirsty future as upstream dam takes shape",
    "Salt moves upriver: a spring survey of the Sarn delta",
    "A short guide to the Sarn basin",
  };
  g_autoptr(GBytes) bytes = load_corpus ();
  g_autoptr(DossierQuery) query = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  fill_ok (f->library, bytes);

  query = dossier_query_parse ("salinity", FALSE);
  hits = dossier_library_search_sync (f->library, query, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    g_assert_nonnull (find_by_title (hits, want[i]));

  /* and an annotated phrase finds its article */
  g_clear_pointer (&query, dossier_query_free);
  g_clear_pointer (&hits, g_ptr_array_unref);
  query = dossier_query_parse ("\"reservoir of grievances\"", FALSE);
  hits = dossier_library_search_sync (f->library, query, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (dossier_article_get_title (g_ptr_array_index (hits, 0)), ==,
                   "Panel orders Korvath to keep the Sarn flowing during filling");
}

/* Filling twice adds nothing: the articles are recognised, and their
 * notes are not doubled. */
static void
test_twice (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GBytes) bytes = load_corpus ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint n;

  fill_ok (f->library, bytes);
  n = count_articles (f->library);
  before = all_annotations (f->library);
  fill_ok (f->library, bytes);
  after = all_annotations (f->library);
  g_assert_cmpuint (count_articles (f->library), ==, n);
  g_assert_cmpuint (after->len, ==, before->len);
}

/* A malformed file is a clear error and stores nothing, not even the
 * good articles before the bad one. */
static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
#define GOOD "{\"title\": \"Good\", \"body\": \"One.\\n\\nTwo words.\"}"
  const struct { const char *json; const char *message; } cases[] = {
    { "", "empty" },
    { "{\"articles\": [", "not valid JSON" },
    { "[1, 2]", "articles" },
    { "{\"articles\": {}}", "articles" },
    { "{\"articles\": [" GOOD ", 3]}", "article 2" },
    { "{\"articles\": [" GOOD ", {\"body\": \"x\"}]}", "title" },
    { "{\"articles\": [" GOOD ", {\"title\": \"T\"}]}", "body" },
    { "{\"articles\": [" GOOD ", {\"title\": \"T\", \"body\": 5}]}", "not a string" },
    { "{\"articles\": [" GOOD ", {\"title\": \"T\", \"body\": \"b\", \"published\": \"March 2012\"}]}",
      "March 2012" },
    { "{\"articles\": [" GOOD ", {\"title\": \"T\", \"body\": \"b\", \"published\": \"2012-13-01\"}]}",
      "2012-13-01" },
    { "{\"articles\": [" GOOD ", {\"title\": \"T\", \"body\": \"b\", \"annotations\": {}}]}",
      "not a list" },
    { "{\"articles\": [" GOOD ", {\"title\": \"T\", \"body\": \"a b c\","
      " \"annotations\": [{\"quote\": \"b\", \"color\": \"mauve\"}]}]}", "mauve" },
    { "{\"articles\": [" GOOD ", {\"title\": \"T\", \"body\": \"a b c\","
      " \"annotations\": [{\"quote\": \"b\", \"tags\": \"x\"}]}]}", "tags" },
    { "{\"articles\": [" GOOD ", {\"title\": \"T\", \"body\": \"a b c\","
      " \"annotations\": [{\"quote\": \"b\", \"tags\": [\"ok\", 7]}]}]}", "tag 2" },
    { "{\"articles\": [" GOOD ", {\"title\": \"Missing quote\", \"body\": \"a b c\","
      " \"annotations\": [{\"quote\": \"not here\"}]}]}", "Missing quote" },
    { "{\"articles\": [" GOOD ", {\"title\": \"T\", \"body\": \"a b c\","
      " \"annotations\": [{\"note\": \"no quote\"}]}]}", "quote" },
  };
#undef GOOD

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_false (dossier_demo_fill (f->library, bytes, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, "Demo corpus"));
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_cmpuint (count_articles (f->library), ==, 0);
    }
}

/* The smallest well-formed file: optional members may be absent or null. */
static void
test_minimal (Fixture       *f,
              gconstpointer  data)
{
  const char *json =
    "{\"articles\": [{\"title\": \"Only\", \"body\": \"A body.\", \"url\": null,"
    " \"published\": null, \"annotations\": [{\"quote\": \"body\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GPtrArray) annotations = NULL;

  fill_ok (f->library, bytes);
  g_assert_cmpuint (count_articles (f->library), ==, 1);
  annotations = all_annotations (f->library);
  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpstr (dossier_annotation_get_quote (g_ptr_array_index (annotations, 0)), ==, "body");
  g_assert_null (dossier_annotation_get_note (g_ptr_array_index (annotations, 0)));
}

/* The demo shows what Dossier finds across outlets: one event reported
 * by three outlets is a story, and the wire report republished under
 * another headline is its near-duplicate. */
static void
test_stories (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) bytes = load_corpus ();
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(GError) error = NULL;
  DossierArticle *wire, *copy;
  DossierStory *story = NULL;
  gboolean copy_found = FALSE;

  fill_ok (f->library, bytes);
  g_assert_cmpint (dossier_stories_update_sync (f->library, FALSE, NULL, &error), >, 0);
  g_assert_no_error (error);
  articles = all_articles (f->library);
  wire = find_by_title (articles, "Arbitrators set Sarn minimum flow while Halvek fills");
  copy = find_by_title (articles, "Hague panel: Korvath must let 140 cubic metres through");
  g_assert_nonnull (wire);
  g_assert_nonnull (copy);

  stories = dossier_stories_list_sync (f->library, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < stories->len && story == NULL; i++)
    {
      DossierStory *s = g_ptr_array_index (stories, i);

      for (guint k = 0; k < s->articles->len; k++)
        if (g_array_index (s->articles, gint64, k) == dossier_article_get_id (wire))
          story = s;
    }
  g_assert_nonnull (story);
  g_assert_cmpuint (story->articles->len, >=, 3);
  g_assert_cmpuint (g_strv_length (story->sources), >=, 3);

  similar = dossier_stories_similar_sync (f->library, dossier_article_get_id (wire), 10, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < similar->len; i++)
    {
      DossierStoredSimilar *s = g_ptr_array_index (similar, i);

      if (dossier_article_get_id (s->article) == dossier_article_get_id (copy))
        {
          g_assert_cmpint (s->relation, ==, DOSSIER_RELATION_NEAR_DUPLICATE);
          copy_found = TRUE;
        }
    }
  g_assert_true (copy_found);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Dossier/Demo/" path, Fixture, NULL, dossier_test_library_setup, func, dossier_test_library_teardown)
  ADD ("articles", test_articles);
  ADD ("annotations", test_annotations);
  ADD ("search", test_search);
  ADD ("stories", test_stories);
  ADD ("twice", test_twice);
  ADD ("malformed", test_malformed);
  ADD ("minimal", test_minimal);
#undef ADD

  return g_test_run ();
}
