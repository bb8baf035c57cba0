/* dossier-cli-common.c — what every command of the command line shares:
 * the common options, opening the library, printing JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "dossier-library.h"
#include "dossier-annotation.h"
#include "dossier-search-index.h"
#include "dossier-cli-private.h"

char *opt_library = NULL;
gboolean opt_json = FALSE;

static const GOptionEntry common_entries[] = {
  { "library", 0, 0, G_OPTION_ARG_FILENAME, &opt_library, N_("The library file"), N_("FILE") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
  { NULL }
};

int
usage_error (const char *command,
             const char *message)
{
  g_printerr ("dossier-cli %s: %s\n", command, message);
  g_printerr (_("Try “dossier-cli %s --help”.\n"), command);
  return EXIT_USAGE;
}

gboolean
parse_args (const char    *command,
            const char    *params,
            GOptionEntry  *entries,
            int           *argc,
            char        ***argv,
            int           *exit_code)
{
  g_autoptr(GOptionContext) context = g_option_context_new (params);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = g_strdup_printf ("dossier-cli %s", command);

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = usage_error (command, error->message);
      return FALSE;
    }
  return TRUE;
}

/* A line on standard error at each tenth of the rebuild */
static void
on_reindexed (gint64   done,
              gint64   total,
              gpointer user_data)
{
  int *tenths = user_data;

  if (total > 0 && done * 10 / total > *tenths)
    {
      *tenths = (int) (done * 10 / total);
      /* TRANSLATORS: progress of the search index's rebuild, e.g. "40000 of 100000 articles" */
      g_printerr (_("dossier-cli: search index: %d of %d articles indexed\n"), (int) done, (int) total);
    }
}

DossierLibrary *
open_library (gboolean create)
{
  g_autoptr(DossierLibrary) library = dossier_library_new (opt_library);
  g_autoptr(GError) error = NULL;
  gint64 remaining, total = 0;
  int tenths = 0;

  if (!dossier_library_open_sync (library, create || opt_library == NULL, &error))
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return NULL;
    }
  /* a library made by another version has its search index rebuilt in
   * batches: what the window left is finished before the command runs,
   * so that every command finds every article */
  /* the total of articles only for the progress of a rebuild */
  remaining = dossier_search_index_remaining_sync (library, NULL, &error);
  if (remaining > 0)
    remaining = dossier_search_index_remaining_sync (library, &total, &error);
  if (remaining > 0)
    {
      g_printerr (_("dossier-cli: rebuilding the search index for this version of Dossier"
                    " (%d articles to go; stopped, it goes on from there)\n"), (int) remaining);
      tenths = total > 0 ? (int) ((total - remaining) * 10 / total) : 0;
      if (!dossier_search_index_rebuild_sync (library, 0, on_reindexed, &tenths, NULL, &error))
        remaining = -1;
    }
  if (remaining < 0)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return NULL;
    }
  return g_steal_pointer (&library);
}

gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

/* Prints what @b built, on one line or indented. */
void
print_json (JsonBuilder *b,
            gboolean     pretty)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) node = json_builder_get_root (b);
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, pretty);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

void
add_string_or_null (JsonBuilder *b,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}


void
build_annotation (JsonBuilder       *b,
                  DossierAnnotation *a)
{
  g_autofree char *created = dossier_timestamp_to_iso (dossier_annotation_get_created (a));
  g_autofree char *modified = dossier_timestamp_to_iso (dossier_annotation_get_modified (a));
  const char * const *tags = dossier_annotation_get_tags (a);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, dossier_annotation_get_id (a));
  add_string_or_null (b, "uuid", dossier_annotation_get_uuid (a));
  add_string_or_null (b, "author", dossier_annotation_get_author (a));
  json_builder_set_member_name (b, "article");
  json_builder_add_int_value (b, dossier_annotation_get_article_id (a));
  add_string_or_null (b, "quote", dossier_annotation_get_quote (a));
  add_string_or_null (b, "prefix", dossier_annotation_get_prefix (a));
  add_string_or_null (b, "suffix", dossier_annotation_get_suffix (a));
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, dossier_annotation_get_start (a));
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, dossier_annotation_get_end (a));
  add_string_or_null (b, "note", dossier_annotation_get_note (a));
  json_builder_set_member_name (b, "tags");
  json_builder_begin_array (b);
  for (guint i = 0; tags[i] != NULL; i++)
    json_builder_add_string_value (b, tags[i]);
  json_builder_end_array (b);
  add_string_or_null (b, "color", dossier_annotation_get_color (a));
  add_string_or_null (b, "created", created);
  add_string_or_null (b, "modified", modified);
  json_builder_set_member_name (b, "orphan");
  json_builder_add_boolean_value (b, dossier_annotation_get_orphan (a));
  json_builder_end_object (b);
}

void
dossier_cli_print_result (const char *member,
                          const char *source,
                          int         status,
                          gint64      id,
                          gboolean    with_reason,
                          const char *reason,
                          const char *error)
{
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      static const char * const names[] = { "imported", "duplicate", "error" };

      json_builder_begin_object (b);
      add_string_or_null (b, member, source);
      add_string_or_null (b, "status", names[status]);
      json_builder_set_member_name (b, "id");
      if (id > 0)
        json_builder_add_int_value (b, id);
      else
        json_builder_add_null_value (b);
      if (with_reason)
        add_string_or_null (b, "reason", reason);
      add_string_or_null (b, "error", error);
      json_builder_end_object (b);
      print_json (b, FALSE);
      return;
    }
  switch (status)
    {
    case DOSSIER_IMPORT_IMPORTED:
      g_print (_("imported   %s → article %lld\n"), source, (long long) id);
      break;
    case DOSSIER_IMPORT_DUPLICATE:
      g_print (_("duplicate  %s (already article %lld)\n"), source, (long long) id);
      break;
    case DOSSIER_IMPORT_FAILED:
    default:
      if (with_reason)
        g_printerr (_("failed     %s [%s]\n"), error, reason ? reason : "");
      else
        g_printerr (_("failed     %s\n"), error);
      break;
    }
}
