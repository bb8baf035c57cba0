/* dossier-cli-web.c — dossier-cli's commands for articles from the web
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-cli-private.h"
#include "dossier-fetcher.h"

static void
on_link_progress (const DossierLinkResult *r,
                  guint                    done,
                  guint                    total,
                  gpointer                 user_data)
{
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      static const char * const status[] = { "imported", "duplicate", "error" };

      json_builder_begin_object (b);
      add_string_or_null (b, "url", r->url);
      add_string_or_null (b, "status", status[r->status]);
      json_builder_set_member_name (b, "id");
      if (r->id > 0)
        json_builder_add_int_value (b, r->id);
      else
        json_builder_add_null_value (b);
      add_string_or_null (b, "reason", r->reason);
      add_string_or_null (b, "error", r->error);
      json_builder_end_object (b);
      print_json (b, FALSE);
      return;
    }
  switch (r->status)
    {
    case DOSSIER_IMPORT_IMPORTED:
      g_print (_("imported   %s → article %lld\n"), r->url, (long long) r->id);
      break;
    case DOSSIER_IMPORT_DUPLICATE:
      g_print (_("duplicate  %s (already article %lld)\n"), r->url, (long long) r->id);
      break;
    case DOSSIER_IMPORT_FAILED:
    default:
      g_printerr (_("failed     %s [%s]\n"), r->error, r->reason ? r->reason : "");
      break;
    }
}

int
dossier_cli_add (int    argc,
                 char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierFetcher) fetcher = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  guint imported = 0, duplicates = 0, failed = 0;
  int code;

  if (!parse_args ("add", _("URL…"), NULL, &argc, &argv, &code))
    return code;
  if (argc < 2)
    return usage_error ("add", _("give at least one link (http or https)"));
  if (!(library = open_library (TRUE)))
    return 1;

  fetcher = dossier_fetcher_new (library);
  results = dossier_fetcher_add_links_sync (fetcher, (const char * const *) argv + 1,
                                            on_link_progress, NULL, NULL, &error);
  if (results == NULL)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < results->len; i++)
    {
      DossierLinkResult *r = g_ptr_array_index (results, i);

      if (r->status == DOSSIER_IMPORT_IMPORTED) imported++;
      else if (r->status == DOSSIER_IMPORT_DUPLICATE) duplicates++;
      else failed++;
    }
  if (!opt_json)
    g_printerr (_("%u imported, %u duplicates, %u failed\n"), imported, duplicates, failed);
  return failed > 0 ? 1 : 0;
}

int
dossier_cli_delete (int    argc,
                    char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int code;

  if (!parse_args ("delete", _("ID"), NULL, &argc, &argv, &code))
    return code;
  if (argc != 2 || !parse_id (argv[1], &id))
    return usage_error ("delete", _("give one article id (a positive number)"));
  if (!(library = open_library (FALSE)))
    return 1;
  if (!dossier_library_delete_article_sync (library, id, &error))
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  return 0;
}

gboolean
dossier_cli_add_web_details (JsonObject     *article,
                             DossierLibrary *library,
                             gint64          id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *given = dossier_library_get_given_link (library, id, &error);

  if (error != NULL)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return FALSE;
    }
  if (given != NULL)
    json_object_set_string_member (article, "original_url", given);
  else
    json_object_set_null_member (article, "original_url");
  return TRUE;
}
