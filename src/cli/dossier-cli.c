/* dossier-cli.c — Dossier from the command line, for scripts and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "dossier-library.h"
#include "dossier-extract.h"
#include "dossier-exporter.h"
#include "dossier-annotation-import.h"
#include "dossier-dates.h"
#include "dossier-stories.h"
#include "dossier-people.h"
#include "dossier-search-index.h"
#include "dossier-cli-private.h"
#include "dossier-article-state.h"


static void
build_article (JsonBuilder    *b,
               DossierArticle *article,
               gboolean        with_body,
               gboolean        with_search)
{
  g_autofree char *published = dossier_article_dup_published_string (article);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, dossier_article_get_id (article));
  add_string_or_null (b, "title", dossier_article_get_title (article));
  add_string_or_null (b, "byline", dossier_article_get_byline (article));
  add_string_or_null (b, "source", dossier_article_get_source (article));
  add_string_or_null (b, "published", published);
  add_string_or_null (b, "url", dossier_article_get_url (article));
  add_string_or_null (b, "language", dossier_article_get_language (article));
  json_builder_set_member_name (b, "annotations");
  json_builder_add_int_value (b, dossier_article_get_annotation_count (article));
  if (with_search)
    {
      g_autofree char *snippet = g_strdup (dossier_article_get_snippet (article));

      /* matched words are marked with ** in JSON, like Markdown emphasis */
      if (snippet != NULL)
        {
          g_auto(GStrv) parts = g_strsplit_set (snippet, "\001\002", -1);
          g_free (snippet);
          snippet = g_strjoinv ("**", parts);
        }
      add_string_or_null (b, "snippet", snippet);
      json_builder_set_member_name (b, "score");
      json_builder_add_double_value (b, dossier_article_get_score (article));
    }
  if (with_body)
    add_string_or_null (b, "body", dossier_article_get_body (article));
  json_builder_end_object (b);
}

static const char *
date_origin_name (DossierDateOrigin origin)
{
  switch (origin)
    {
    case DOSSIER_DATE_ORIGIN_TEXT: return "text";
    case DOSSIER_DATE_ORIGIN_METADATA: return "metadata";
    case DOSSIER_DATE_ORIGIN_URL: return "url";
    case DOSSIER_DATE_ORIGIN_USER: return "user";
    case DOSSIER_DATE_ORIGIN_INFERRED: return "inferred";
    case DOSSIER_DATE_ORIGIN_NONE:
    default: return NULL;
    }
}

static const char *
precision_name (DossierDatePrecision precision)
{
  switch (precision)
    {
    case DOSSIER_DATE_PRECISION_DAY: return "day";
    case DOSSIER_DATE_PRECISION_MONTH: return "month";
    case DOSSIER_DATE_PRECISION_YEAR: return "year";
    case DOSSIER_DATE_PRECISION_UNKNOWN:
    default: return NULL;
    }
}

/* Adds where the article's date came from, the evidence of an accepted
 * suggestion and when the article was imported. */
static void
add_date_origin (JsonObject     *o,
                 DossierArticle *article,
                 char          **evidence)
{
  g_autofree char *imported = dossier_timestamp_to_iso (dossier_article_get_imported_at (article));
  const char *origin = date_origin_name (dossier_article_get_date_origin (article));
  JsonArray *list = json_array_new ();

  if (origin != NULL)
    json_object_set_string_member (o, "date_origin", origin);
  else
    json_object_set_null_member (o, "date_origin");
  for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
    json_array_add_string_element (list, evidence[i]);
  json_object_set_array_member (o, "date_evidence", list);
  json_object_set_string_member (o, "imported_at", imported);
}

static void
print_article_table (GPtrArray *articles,
                     gboolean   with_snippet)
{
  for (guint i = 0; i < articles->len; i++)
    {
      DossierArticle *a = g_ptr_array_index (articles, i);
      g_autofree char *published = dossier_article_dup_published_string (a);

      g_print ("%6" G_GINT64_FORMAT "  %-10s  %-24.24s  %s", dossier_article_get_id (a),
               published ? published : "—",
               dossier_article_get_source (a) ? dossier_article_get_source (a) : "",
               dossier_article_get_title (a));
      if (dossier_article_get_annotation_count (a) > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE, "  (%u note)", "  (%u notes)",
                              dossier_article_get_annotation_count (a)),
                 dossier_article_get_annotation_count (a));
      g_print ("\n");
      if (with_snippet && dossier_article_get_snippet (a) != NULL)
        {
          g_autofree char *snippet = g_strdup (dossier_article_get_snippet (a));

          g_strdelimit (snippet, "\001\002", '*');
          g_print ("        %s\n", snippet);
        }
    }
}

/* --- commands --- */

static int
cmd_extract (int argc, char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) x = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *published = NULL;
  int code;

  if (!parse_args ("extract", _("FILE"), NULL, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return usage_error ("extract", _("give exactly one file"));

  file = g_file_new_for_commandline_arg (argv[1]);
  x = dossier_extract_file (file, NULL, &error);
  if (x == NULL)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  published = dossier_date_to_string (&x->published);
  if (!opt_json)
    {
      g_print ("%s\n", x->title);
      if (x->byline) g_print (_("By %s\n"), x->byline);
      if (x->source) g_print ("%s\n", x->source);
      if (published) g_print ("%s\n", published);
      if (x->url) g_print ("%s\n", x->url);
      g_print ("\n%s\n", x->body);
      return 0;
    }
  json_builder_begin_object (b);
  add_string_or_null (b, "title", x->title);
  add_string_or_null (b, "byline", x->byline);
  add_string_or_null (b, "source", x->source);
  add_string_or_null (b, "published", published);
  add_string_or_null (b, "url", x->url);
  add_string_or_null (b, "language", x->language);
  add_string_or_null (b, "body", x->body);
  json_builder_end_object (b);
  print_json (b, TRUE);
  return 0;
}

static int
print_articles (GPtrArray *articles,
                gboolean   search)
{
  g_autoptr(JsonBuilder) b = NULL;

  if (!opt_json)
    {
      print_article_table (articles, search);
      return 0;
    }
  b = json_builder_new ();
  json_builder_begin_array (b);
  for (guint i = 0; i < articles->len; i++)
    build_article (b, g_ptr_array_index (articles, i), FALSE, search);
  json_builder_end_array (b);
  print_json (b, TRUE);
  return 0;
}

static int
cmd_list (int argc, char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(DossierQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  int code;

  if (!parse_args ("list", NULL, NULL, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return usage_error ("list", _("list takes no arguments (to filter, use search)"));
  if (!(library = open_library (FALSE)))
    return 1;
  query = dossier_query_new ();
  articles = dossier_library_search_sync (library, query, 0, &error);
  if (articles == NULL)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  return print_articles (articles, FALSE);
}

/* Adds "original_url" (the link the user gave), the article's own tags
 * and whether it was read to an article of show --json. */
static gboolean
add_article_state (DossierLibrary  *library,
                   JsonObject      *object,
                   gint64           id,
                   GError         **error)
{
  g_autofree char *given = NULL;
  g_auto(GStrv) tags = NULL;
  JsonArray *array;
  int read;

  given = dossier_library_get_given_link (library, id, error);
  if (given == NULL && *error != NULL)
    return FALSE;
  if (!(tags = dossier_article_state_get_tags_sync (library, id, error)))
    return FALSE;
  if ((read = dossier_article_state_get_read_sync (library, id, error)) < 0)
    return FALSE;
  if (given != NULL)
    json_object_set_string_member (object, "original_url", given);
  else
    json_object_set_null_member (object, "original_url");
  array = json_array_new ();
  for (guint i = 0; tags[i] != NULL; i++)
    json_array_add_string_element (array, tags[i]);
  json_object_set_array_member (object, "tags", array);
  json_object_set_boolean_member (object, "read", read != 0);
  return TRUE;
}

static int
cmd_show (int argc, char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int code;

  if (!parse_args ("show", _("ID"), NULL, &argc, &argv, &code))
    return code;
  if (argc != 2 || !parse_id (argv[1], &id))
    return usage_error ("show", _("give one article id (a positive number)"));
  if (!(library = open_library (FALSE)))
    return 1;
  article = dossier_library_get_article_sync (library, id, &error);
  if (article == NULL)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_auto(GStrv) evidence = dossier_dates_get_evidence_sync (library, id, &error);
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;

      if (evidence == NULL)
        {
          g_printerr ("dossier-cli: %s\n", error->message);
          return 1;
        }
      build_article (b, article, TRUE, FALSE);
      node = json_builder_get_root (b);
      add_date_origin (json_node_get_object (node), article, evidence);
      if (!add_article_state (library, json_node_get_object (node), id, &error))
        {
          g_printerr ("dossier-cli: %s\n", error->message);
          return 1;
        }
      json_generator_set_pretty (gen, TRUE);
      json_generator_set_root (gen, node);
      text = json_generator_to_data (gen, NULL);
      g_print ("%s\n", text);
    }
  else
    {
      g_autofree char *published = dossier_article_dup_published_string (article);

      g_print ("%s\n", dossier_article_get_title (article));
      if (dossier_article_get_byline (article))
        g_print (_("By %s\n"), dossier_article_get_byline (article));
      if (dossier_article_get_source (article))
        g_print ("%s\n", dossier_article_get_source (article));
      if (published)
        g_print ("%s\n", published);
      if (dossier_article_get_url (article))
        g_print ("%s\n", dossier_article_get_url (article));
      g_print ("\n%s\n", dossier_article_get_body (article));
    }
  return 0;
}

static int
cmd_search (int argc, char **argv)
{
  static int limit = 50;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N results (default 50; 0 for all)"), N_("N") },
    { NULL }
  };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(DossierQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int code;

  if (!parse_args ("search", _("QUERY"), entries, &argc, &argv, &code))
    return code;
  if (argc < 2)
    return usage_error ("search", _("give something to search for"));
  if (limit < 0)
    return usage_error ("search", _("--limit must be 0 or more"));
  if (!(library = open_library (FALSE)))
    return 1;

  text = g_strjoinv (" ", argv + 1);
  query = dossier_query_parse (text, FALSE);
  if (query->hint != NULL)
    g_printerr ("%s\n", query->hint);
  /* person: and quote: need the quotes of every article */
  if ((query->people->len > 0 || query->quoted->len > 0) &&
      dossier_people_find_quotes_sync (library, G_MAXUINT, NULL, &error) < 0)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  articles = dossier_library_search_sync (library, query, limit, &error);
  if (articles == NULL)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  return print_articles (articles, TRUE);
}

static int
cmd_annotate (int argc, char **argv)
{
  static char *quote = NULL, *note = NULL, *color = NULL;
  static char **tags = NULL;
  GOptionEntry entries[] = {
    { "quote", 0, 0, G_OPTION_ARG_STRING, &quote, N_("The passage to highlight, as in the article"), N_("TEXT") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note (Markdown)"), N_("TEXT") },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("A tag (repeat for more)"), N_("TAG") },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color, N_("yellow, green, blue, pink, purple or orange"), N_("COLOUR") },
    { NULL }
  };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  gint64 id;
  int code;

  if (!parse_args ("annotate", _("ID --quote TEXT"), entries, &argc, &argv, &code))
    return code;
  if (argc != 2 || !parse_id (argv[1], &id))
    return usage_error ("annotate", _("give one article id (a positive number)"));
  if (quote == NULL)
    return usage_error ("annotate", _("--quote is required"));
  if (!(library = open_library (FALSE)))
    return 1;

  annotation = dossier_library_annotate_sync (library, id, quote, note,
                                              (const char * const *) tags, color, &error);
  if (annotation == NULL)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  build_annotation (b, annotation);
  print_json (b, FALSE);
  return 0;
}

static int
cmd_annotations (int argc, char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  int code;

  if (!parse_args ("annotations", _("[ID]"), NULL, &argc, &argv, &code))
    return code;
  if (argc > 2 || (argc == 2 && !parse_id (argv[1], &id)))
    return usage_error ("annotations", _("give at most one article id (a positive number)"));
  if (!(library = open_library (FALSE)))
    return 1;
  if (id > 0)
    {
      g_autoptr(DossierArticle) article = dossier_library_get_article_sync (library, id, &error);

      if (article == NULL)
        {
          g_printerr ("dossier-cli: %s\n", error->message);
          return 1;
        }
    }
  list = dossier_library_list_annotations_sync (library, id, NULL, &error);
  if (list == NULL)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        build_annotation (b, g_ptr_array_index (list, i));
      json_builder_end_array (b);
      print_json (b, TRUE);
      return 0;
    }
  for (guint i = 0; i < list->len; i++)
    {
      DossierAnnotation *a = g_ptr_array_index (list, i);
      g_autofree char *tags = g_strjoinv (" #", (char **) dossier_annotation_get_tags (a));

      g_print ("%6" G_GINT64_FORMAT "  article %" G_GINT64_FORMAT "  [%s]%s  “%s”\n",
               dossier_annotation_get_id (a), dossier_annotation_get_article_id (a),
               dossier_annotation_get_color (a),
               dossier_annotation_get_orphan (a) ? _(" (orphan)") : "",
               dossier_annotation_get_quote (a));
      if (dossier_annotation_get_note (a))
        g_print ("        %s\n", dossier_annotation_get_note (a));
      if (*tags)
        g_print ("        #%s\n", tags);
    }
  return 0;
}

static int
cmd_edit (int argc, char **argv)
{
  static char *title = NULL, *source = NULL, *date = NULL, *url = NULL, *body_file = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("New title"), N_("T") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("New source"), N_("S") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Published date: YYYY-MM-DD, YYYY-MM, YYYY, or “none”"), N_("D") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("New URL"), N_("U") },
    { "body-file", 0, 0, G_OPTION_ARG_FILENAME, &body_file, N_("Replace the text with this file’s (notes re-anchor)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  DossierDate parsed = DOSSIER_DATE_INIT;
  gint64 id;
  int code;

  if (!parse_args ("edit", _("ID"), entries, &argc, &argv, &code))
    return code;
  if (argc != 2 || !parse_id (argv[1], &id))
    return usage_error ("edit", _("give one article id (a positive number)"));
  if (!title && !source && !date && !url && !body_file)
    return usage_error ("edit", _("nothing to change: give --title, --source, --date, --url or --body-file"));
  if (date != NULL && g_ascii_strcasecmp (date, "none") != 0 && !dossier_date_from_iso (date, &parsed))
    return usage_error ("edit", _("--date must look like 2013-04-15, 2013-04 or 2013"));
  if (title != NULL && *g_strstrip (title) == '\0')
    return usage_error ("edit", _("--title cannot be empty"));
  if (body_file != NULL)
    {
      gsize len;
      g_autofree char *raw = NULL;

      if (!g_file_get_contents (body_file, &raw, &len, &error))
        {
          g_printerr ("dossier-cli: %s\n", error->message);
          return 1;
        }
      if (!g_utf8_validate_len (raw, len, NULL))
        {
          g_printerr (_("dossier-cli: %s: the text is not valid UTF-8\n"), body_file);
          return 1;
        }
      body = dossier_text_normalize (raw, len);
    }

  if (!(library = open_library (FALSE)))
    return 1;
  article = dossier_library_get_article_sync (library, id, &error);
  if (article == NULL)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  if (title) dossier_article_set_title (article, title);
  if (source) dossier_article_set_source (article, *source ? source : NULL);
  if (url) dossier_article_set_url (article, *url ? url : NULL);
  if (date)
    {
      dossier_article_set_published (article, &parsed);
      dossier_article_set_date_origin (article, parsed.precision ? DOSSIER_DATE_ORIGIN_USER
                                                                 : DOSSIER_DATE_ORIGIN_NONE);
    }
  if ((title || source || url || date) &&
      !dossier_library_update_article_sync (library, article, &error))
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  if (body != NULL)
    {
      guint orphaned = 0;

      if (!dossier_library_set_body_sync (library, id, body, &orphaned, &error))
        {
          g_printerr ("dossier-cli: %s\n", error->message);
          return 1;
        }
      if (orphaned > 0)
        g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                 "%u note could not be placed in the new text; it is kept as an orphan\n",
                                 "%u notes could not be placed in the new text; they are kept as orphans\n",
                                 orphaned), orphaned);
    }
  g_clear_object (&article);
  article = dossier_library_get_article_sync (library, id, &error);
  if (opt_json && article != NULL)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      build_article (b, article, FALSE, FALSE);
      print_json (b, TRUE);
    }
  return 0;
}

static gboolean
write_stdout (GBytes  *bytes,
              GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if ((len > 0 && fwrite (data, 1, len, stdout) != len) || fflush (stdout) != 0)
    {
      int saved = errno;

      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE,
                   _("Could not write to standard output: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* `dossier-cli export`: the notes of one article (@article_id > 0), of
 * the articles matching @query_text, or of the whole library.  @output
 * NULL or "-": standard output.  Markdown into an existing folder (or a
 * path ending in '/', created) writes one file per article unless
 * @one_file; other formats (or @one_file) into a folder write
 * "Dossier notes.EXT" there.  An existing file at @output is only replaced
 * when it is an unmodified earlier Dossier export of the same format. */
static gboolean
export_library (DossierLibrary       *library,
                DossierExportFormat   format,
                gint64                article_id,
                const char           *query_text,
                const char           *output,
                gboolean              one_file,
                GCancellable         *cancellable,
                GError              **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(DossierQuery) query = NULL;
  g_autofree char *scope = NULL;
  DossierExportOptions options = { NULL, NULL, 0 };
  GStatBuf st;
  gboolean to_folder;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  if (query_text != NULL && *query_text != '\0')
    {
      query = dossier_query_parse (query_text, FALSE);
      scope = g_strdup_printf (_("Search: %s"), query_text);
    }
  entries = dossier_export_collect_sync (library, article_id > 0 ? &article_id : NULL,
                                         article_id > 0 ? 1 : 0, query, cancellable, error);
  if (entries == NULL)
    return FALSE;
  if (scope == NULL)
    scope = g_strdup (article_id > 0 ? _("One article") : _("Whole library"));
  options.scope = scope;

  if (output == NULL || strcmp (output, "-") == 0)
    {
      g_autoptr(GBytes) bytes = dossier_export_to_bytes (format, entries, &options, error);

      return bytes != NULL && write_stdout (bytes, error);
    }

  to_folder = g_str_has_suffix (output, G_DIR_SEPARATOR_S) ||
              (g_stat (output, &st) == 0 && S_ISDIR (st.st_mode));
  if (to_folder && format == DOSSIER_EXPORT_MARKDOWN && !one_file)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (output);

      return dossier_export_write_folder (entries, &options, folder, FALSE, NULL,
                                          cancellable, error);
    }
  if (to_folder)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", _("Dossier notes"),
                                               dossier_export_format_get_extension (format));
      g_autofree char *path = g_build_filename (output, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (!dossier_export_ensure_folder (output, error))
        return FALSE;
      return dossier_export_write_file (format, entries, &options, file, FALSE, cancellable, error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (output);

      return dossier_export_write_file (format, entries, &options, file, FALSE, cancellable, error);
    }
}

static int
cmd_export (int argc, char **argv)
{
  static char *format = NULL, *query_text = NULL, *output = NULL;
  static gint64 article_id = 0, story_id = 0;
  static gboolean one_file = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("markdown, json, csv or html"), N_("FORMAT") },
    { "article", 0, 0, G_OPTION_ARG_INT64, &article_id, N_("Only this article’s notes"), N_("ID") },
    { "query", 0, 0, G_OPTION_ARG_STRING, &query_text, N_("Only the notes of articles matching this search"), N_("Q") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("Write here (a folder for Markdown gives one file per article); default: standard output"), N_("PATH") },
    { "single-file", 0, 0, G_OPTION_ARG_NONE, &one_file, N_("Markdown: one combined file even when --output is a folder"), NULL },
    { "story", 0, 0, G_OPTION_ARG_INT64, &story_id, N_("This story as a printable dossier: its articles’ text and notes, in time order (html or markdown)"), N_("ID") },
    { NULL }
  };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  DossierExportFormat fmt;
  int code;

  if (!parse_args ("export", NULL, entries, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return usage_error ("export", _("unexpected argument"));
  if (format == NULL || !dossier_export_format_from_string (format, &fmt))
    return usage_error ("export", _("--format must be markdown, json, csv or html"));
  if (article_id < 0)
    return usage_error ("export", _("--article must be a positive number"));
  if (story_id < 0 || (story_id > 0 && (article_id > 0 || query_text != NULL)))
    return usage_error ("export", _("--story takes a story’s number, without --article or --query"));
  if (story_id > 0 && fmt != DOSSIER_EXPORT_HTML && fmt != DOSSIER_EXPORT_MARKDOWN)
    return usage_error ("export", _("--story exports as html or markdown"));
  if (!(library = open_library (FALSE)))
    return 1;

  if (story_id > 0)
    {
      g_autoptr(GBytes) bytes = dossier_export_story_sync (library, story_id, fmt, NULL, NULL, &error);
      g_autoptr(GFile) file = output != NULL && strcmp (output, "-") != 0 ? g_file_new_for_path (output) : NULL;
      g_autoptr(GFileOutputStream) stream = NULL;

      /* a file already there is left alone */
      if (bytes != NULL && file == NULL)
        write_stdout (bytes, &error);
      else if (bytes != NULL && (stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, &error)) != NULL &&
               g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), NULL, NULL, &error))
        g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
      if (error != NULL)
        {
          g_printerr ("dossier-cli: %s\n", error->message);
          return 1;
        }
      return 0;
    }
  if (!export_library (library, fmt, article_id, query_text, output, one_file, NULL, &error))
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  return 0;
}

static int
cmd_import_annotations (int argc, char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  DossierAnnotationImportReport report = { 0 };
  int code;

  if (!parse_args ("import-annotations", _("FILE.json"), NULL, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return usage_error ("import-annotations", _("give exactly one JSON file"));
  if (!(library = open_library (FALSE)))
    return 1;
  if (!dossier_annotation_import_file (library, argv[1], &report, NULL, &error))
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  if (opt_json)
    g_print ("{\"imported\": %u, \"unchanged\": %u, \"unmatched\": %u}\n",
             report.imported, report.unchanged, report.unmatched);
  else
    g_printerr (_("%u notes imported, %u already there, %u without a matching article\n"),
                report.imported, report.unchanged, report.unmatched);
  return 0;
}

/* @text as a JSON string, escaped as JsonGenerator escapes it */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *quoted = NULL;

  json_node_set_string (node, text);
  json_generator_set_root (gen, node);
  quoted = json_generator_to_data (gen, NULL);
  g_string_append (out, quoted);
}

/* "    \"name\" : value,\n" with a string or null */
static void
append_json_member (GString    *out,
                    const char *name,
                    const char *value)
{
  g_string_append_printf (out, "    \"%s\" : ", name);
  if (value != NULL)
    append_json_string (out, value);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n");
}

static int
print_suggestions (GPtrArray *list)
{
  if (opt_json)
    {
      g_autoptr(GString) out = g_string_new ("[");

      /* Written here rather than by JsonGenerator, which prints every
       * double with 17 digits (0.7 as 0.69999999999999996): the
       * confidence is printed rounded to two decimals. */
      for (guint i = 0; i < list->len; i++)
        {
          DossierStoredSuggestion *s = g_ptr_array_index (list, i);
          gboolean shown = s->state != DOSSIER_SUGGESTION_DISMISSED;
          g_autofree char *date = shown ? dossier_date_to_string (&s->date) : NULL;
          g_autofree char *known = dossier_date_to_string (&s->known);
          char conf[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (conf, sizeof conf, "%.2f", date ? s->confidence : 0.0);
          /* 0.70 as 0.7, 1.00 as 1.0 */
          if (conf[strlen (conf) - 1] == '0' && conf[strlen (conf) - 2] != '.')
            conf[strlen (conf) - 1] = '\0';
          g_string_append_printf (out, "%s\n  {\n    \"article\" : %" G_GINT64_FORMAT ",\n", i ? "," : "",
                                  s->article_id);
          append_json_member (out, "title", s->title);
          append_json_member (out, "published", known);
          append_json_member (out, "date", date);
          append_json_member (out, "precision", date ? precision_name (s->date.precision) : NULL);
          g_string_append_printf (out, "    \"confidence\" : %s,\n    \"evidence\" : [", conf);
          for (guint k = 0; shown && s->evidence[k] != NULL; k++)
            {
              g_string_append (out, k ? ",\n      " : "\n      ");
              append_json_string (out, s->evidence[k]);
            }
          g_string_append (out, shown && s->evidence[0] != NULL ? "\n    ],\n" : "],\n");
          g_string_append_printf (out, "    \"dismissed\" : %s\n  }", shown ? "false" : "true");
        }
      g_string_append (out, list->len ? "\n]" : "]");
      g_print ("%s\n", out->str);
      return 0;
    }
  for (guint i = 0; i < list->len; i++)
    {
      DossierStoredSuggestion *s = g_ptr_array_index (list, i);
      g_autofree char *date = dossier_date_to_string (&s->date);
      g_autofree char *known = dossier_date_to_string (&s->known);

      if (s->state == DOSSIER_SUGGESTION_DISMISSED)
        g_print ("%6" G_GINT64_FORMAT "  %-10s  %s  %s\n", s->article_id, _("dismissed"),
                 "    ", s->title);
      else if (date == NULL)
        g_print ("%6" G_GINT64_FORMAT "  %-10s  %s  %s\n", s->article_id,
                 known ? known : "—", "    ", s->title);
      else
        g_print ("%6" G_GINT64_FORMAT "  %-10s  %.2f  %s\n", s->article_id, date, s->confidence, s->title);
      for (guint k = 0; s->state != DOSSIER_SUGGESTION_DISMISSED && s->evidence[k] != NULL; k++)
        g_print ("        %s\n", s->evidence[k]);
    }
  return 0;
}

static int
cmd_dates (int argc, char **argv)
{
  static gboolean accept = FALSE, dismiss = FALSE;
  static double above = -1;
  GOptionEntry entries[] = {
    { "accept", 0, 0, G_OPTION_ARG_NONE, &accept, N_("Make the suggestions of these articles their dates"), NULL },
    { "accept-above", 0, 0, G_OPTION_ARG_DOUBLE, &above, N_("Accept every suggestion of at least this confidence (0 to 1)"), N_("CONF") },
    { "dismiss", 0, 0, G_OPTION_ARG_NONE, &dismiss, N_("Drop the suggestions of these articles"), NULL },
    { NULL }
  };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int code, status = 0;

  if (!parse_args ("dates", _("[--accept ID… | --accept-above CONF | --dismiss ID…]"), entries, &argc, &argv, &code))
    return code;
  if ((accept ? 1 : 0) + (dismiss ? 1 : 0) + (above >= 0 ? 1 : 0) > 1)
    return usage_error ("dates", _("give only one of --accept, --accept-above and --dismiss"));
  if (above != -1 && (above < 0 || above > 1))
    return usage_error ("dates", _("--accept-above must be between 0 and 1"));
  for (int i = 1; i < argc; i++)
    {
      gint64 id;

      if (!parse_id (argv[i], &id))
        return usage_error ("dates", _("article ids are positive numbers"));
      g_array_append_val (ids, id);
    }
  if ((accept || dismiss) && ids->len == 0)
    return usage_error ("dates", _("give the ids of the articles"));
  if (!accept && !dismiss && ids->len > 0)
    return usage_error ("dates", _("ids go with --accept or --dismiss"));
  if (!(library = open_library (FALSE)))
    return 1;

  if (above >= 0)
    {
      gint64 n = dossier_dates_accept_above_sync (library, above, &error);

      if (n < 0)
        {
          g_printerr ("dossier-cli: %s\n", error->message);
          return 1;
        }
      if (opt_json)
        g_print ("{\"accepted\": %" G_GINT64_FORMAT "}\n", n);
      else
        g_printerr (g_dngettext (GETTEXT_PACKAGE, "%lld suggested date accepted\n",
                                 "%lld suggested dates accepted\n", n), (long long) n);
      return 0;
    }
  if (accept || dismiss)
    {
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          gboolean ok = accept ? dossier_dates_accept_sync (library, id, &error)
                               : dossier_dates_dismiss_sync (library, id, &error);

          if (!ok)
            {
              g_printerr ("dossier-cli: %s\n", error->message);
              g_clear_error (&error);
              status = 1;
            }
          else if (!opt_json)
            g_printerr (accept ? _("article %lld: suggested date accepted\n")
                               : _("article %lld: suggested date dismissed\n"), (long long) id);
        }
      return status;
    }

  /* the stories, as the window keeps them: an undated article grouped
   * with dated ones takes its evidence from them */
  if (dossier_stories_update_sync (library, FALSE, NULL, &error) < 0 ||
      dossier_dates_suggest_sync (library, TRUE, NULL, &error) < 0 ||
      (list = dossier_dates_list_sync (library, &error)) == NULL)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  return print_suggestions (list);
}

static const DossierCliCommand commands[] = {
  { "import", N_("PATH…"), N_("import files and folders"), NULL },
  { "extract", N_("FILE"), N_("parse one file and print what import would store"), cmd_extract },
  { "list", "", N_("list the articles"), cmd_list },
  { "show", N_("ID"), N_("show one article with its text"), cmd_show },
  { "search", N_("QUERY"), N_("search titles, bylines, text and notes"), cmd_search },
  { "annotate", N_("ID --quote TEXT"), N_("highlight a passage, with a note and tags"), cmd_annotate },
  { "annotations", N_("[ID]"), N_("list the notes of one article or of all"), cmd_annotations },
  { "edit", N_("ID"), N_("fix an article’s metadata or replace its text"), cmd_edit },
  { "export", N_("--format F"), N_("export notes as Markdown, JSON-LD, CSV or HTML"), cmd_export },
  { "import-annotations", N_("FILE.json"), N_("import notes from a Dossier or Hypothesis JSON export"), cmd_import_annotations },
  { "dates", N_("[--accept ID…]"), N_("suggest dates for undated articles, with their evidence"), cmd_dates },
  { "similar", N_("ID"), N_("list the copies, the same story and related articles"), dossier_cli_similar },
  { "stories", N_("[move | join]"), N_("list the stories, move an article, join two stories"), dossier_cli_stories },
  { "delete", N_("ID"), N_("delete an article and its notes"), dossier_cli_delete },
  { "people", N_("[rename|merge|split …]"), N_("list the people and organisations quoted or mentioned, or correct them"), _dossier_cli_people },
  { "quotes", N_("[--person NAME|ID]"), N_("list quotations and their speakers, or correct them"), _dossier_cli_quotes },
  { "add", N_("URL…"), N_("add articles from links on the web"), NULL },
  { "feeds", N_("add|list|refresh…"), N_("follow RSS and Atom feeds"), NULL },
  { "pending", N_("[--fetch]"), N_("list the links imported without text, or fetch them"), NULL },
  { "edit-annotation", N_("ID"), N_("change a note’s text, tags or colour"), NULL },
  { "delete-annotation", N_("ID"), N_("delete a note"), NULL },
  { "team", N_("init|add-member|remove-member"), N_("set up a team’s PostgreSQL database and its members"), NULL },
  { "share", N_("--server URL"), N_("share this library with a team"), NULL },
  { "sync", "", N_("send this library’s changes to the team and fetch the others’"), NULL },
  { "conflicts", "", N_("list the team’s edits that clash with this library’s"), NULL },
  { "resolve", N_("ID --keep WHICH"), N_("settle a conflict: keep mine, theirs or both"), NULL },
};

/* The program of the commands that import or talk to servers: beside
 * this one in a build tree, else where it is installed. */
static char *
exchange_program (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, "dossier-cli-exchange", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (LIBEXECDIR, "dossier-cli-exchange", NULL);
}

/* Runs @argv's command in dossier-cli-exchange, in place of this process */
static int
run_exchange (char **argv)
{
  g_autofree char *program = exchange_program ();
  int saved;

  argv[0] = program;
  fflush (stdout);
  execv (program, argv);
  saved = errno;
  g_printerr (_("dossier-cli: could not run %s: %s\n"), program, g_strerror (saved));
  return 1;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: dossier-cli COMMAND [--library FILE] [--json] …"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-20s %-18s %s\n", commands[i].name,
             commands[i].args[0] ? _(commands[i].args) : "", _(commands[i].summary));
  fprintf (out, "\n%s\n", _("“dossier-cli COMMAND --help” tells more about one command."));
}

/* The heap's first step: what a command lists is made on the library's
 * worker thread, a person's tens of thousands of quotes or hundreds of
 * thousands of people.  In the thread's own malloc arena, which grows a
 * page at a time with an mprotect() each, and with a page fault for
 * every 4 KiB touched, growing the memory took a third of `quotes
 * --person`.  So: one arena, grown in 32 MiB steps and not given back
 * until exit, whose first step is asked to be backed by huge pages
 * (a page fault for every 2 MiB where the system allows it). */
#define HEAP_STEP (32 * 1024 * 1024)
#define HUGE_PAGE (2 * 1024 * 1024)

static void
prepare_heap (void)
{
  void *first;

  mallopt (M_ARENA_MAX, 1);
  mallopt (M_MMAP_THRESHOLD, HEAP_STEP);
  mallopt (M_TRIM_THRESHOLD, 2 * HEAP_STEP);
  mallopt (M_TOP_PAD, HEAP_STEP);
  /* one allocation larger than what is left makes the heap take its step */
  first = malloc (256 * 1024);
#ifdef MADV_HUGEPAGE
  {
    /* from the block just taken (in the step) to the heap's end */
    guintptr start = ((guintptr) first + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1);
    char *end = sbrk (0);

    if (first != NULL && end != (char *) -1 && (guintptr) first < (guintptr) end && start < (guintptr) end)
      madvise ((void *) start, (guintptr) end - start, MADV_HUGEPAGE);
  }
#endif
  free (first);
}

int
main (int argc, char **argv)
{
  /* the argument list rearranged below, freed as main returns */
  g_autofree char **moved = NULL;

  prepare_heap ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* common options may also come before the command:
   * dossier-cli --library F import …  means  dossier-cli import --library F … */
  {
    int lead = 1;

    while (lead < argc && (strcmp (argv[lead], "--json") == 0 || g_str_has_prefix (argv[lead], "--library=")
                           || (strcmp (argv[lead], "--library") == 0 && lead + 1 < argc)))
      lead += strcmp (argv[lead], "--library") == 0 ? 2 : 1;
    if (lead > 1 && lead < argc)
      {
        int n = 0;

        moved = g_new0 (char *, argc + 1);

        moved[n++] = argv[0];
        moved[n++] = argv[lead];
        for (int k = 1; k < lead; k++)
          moved[n++] = argv[k];
        for (int k = lead + 1; k < argc; k++)
          moved[n++] = argv[k];
        argv = moved;
      }
  }
  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return 0;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("dossier-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run != NULL ? commands[i].run (argc - 1, argv + 1) : run_exchange (argv);

  g_printerr (_("dossier-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
