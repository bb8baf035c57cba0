/* dossier-cli-web.c — dossier-cli's commands for articles from the web
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-cli-private.h"
#include "dossier-fetcher.h"
#include "dossier-feeds.h"

static void
on_link_progress (const DossierLinkResult *r,
                  guint                    done,
                  guint                    total,
                  gpointer                 user_data)
{
  dossier_cli_print_result ("url", r->url, r->status, r->id, TRUE, r->reason, r->error);
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

/* --- feeds --- */

static void
print_refresh (const DossierFeedRefresh *r)
{
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "feed");
      json_builder_add_int_value (b, r->feed);
      json_builder_set_member_name (b, "new");
      json_builder_add_int_value (b, r->n_new);
      json_builder_set_member_name (b, "errors");
      json_builder_begin_array (b);
      for (guint i = 0; i < r->errors->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (r->errors, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_json (b, FALSE);
      return;
    }
  g_print (g_dngettext (NULL, "%s: %u new article\n", "%s: %u new articles\n", r->n_new),
           r->title, r->n_new);
  for (guint i = 0; i < r->errors->len; i++)
    g_printerr (_("failed     %s\n"), (const char *) g_ptr_array_index (r->errors, i));
}

static char *
iso_time (gint64 usec)
{
  g_autoptr(GDateTime) t = NULL;

  if (usec <= 0)
    return NULL;
  t = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  return g_date_time_format_iso8601 (t);
}

static int
feeds_list (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = dossier_feeds_list_sync (library, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (feeds == NULL)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  json_builder_begin_array (b);
  for (guint i = 0; i < feeds->len; i++)
    {
      DossierFeedInfo *f = g_ptr_array_index (feeds, i);
      g_autofree char *when = iso_time (f->last_refresh);

      if (!opt_json)
        {
          g_print ("%5" G_GINT64_FORMAT "  %s%s\n       %s\n", f->id, f->title,
                   f->paused ? _(" (paused)") : "", f->url);
          g_print ("       ");
          g_print (g_dngettext (NULL, "%u article, %u unread\n", "%u articles, %u unread\n", f->n_articles),
                   f->n_articles, f->n_unread);
          if (f->last_error != NULL)
            g_print ("       %s\n", f->last_error);
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, f->id);
      add_string_or_null (b, "title", f->title);
      add_string_or_null (b, "url", f->url);
      json_builder_set_member_name (b, "articles");
      json_builder_add_int_value (b, f->n_articles);
      json_builder_set_member_name (b, "unread");
      json_builder_add_int_value (b, f->n_unread);
      add_string_or_null (b, "last_refresh", when);
      add_string_or_null (b, "last_error", f->last_error);
      json_builder_set_member_name (b, "paused");
      json_builder_add_boolean_value (b, f->paused);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (opt_json)
    print_json (b, TRUE);
  return 0;
}

int
dossier_cli_feeds (int    argc,
                   char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierFetcher) fetcher = NULL;
  g_autoptr(GError) error = NULL;
  const char *verb;
  gint64 id = 0;
  int code;

  if (!parse_args ("feeds", _("add URL | list | refresh [ID] | rename ID NAME | pause ID | resume ID | remove ID"
                              " | import-opml FILE | export-opml FILE"),
                   NULL, &argc, &argv, &code))
    return code;
  if (argc < 2)
    return usage_error ("feeds", _("say what to do: add, list, refresh, rename, pause, resume, remove, "
                                   "import-opml or export-opml"));
  verb = argv[1];
  if (!(library = open_library (g_str_equal (verb, "add") || g_str_equal (verb, "import-opml"))))
    return 1;
  if (g_str_equal (verb, "import-opml") && argc == 3)
    {
      guint added = 0, known = 0;

      if (!dossier_feeds_import_opml_sync (library, argv[2], &added, &known, &error))
        {
          g_printerr ("dossier-cli: %s\n", error->message);
          return 1;
        }
      /* TRANSLATORS: after importing an OPML file: "3 feeds followed, 1 already followed" */
      g_print (g_dngettext (NULL, "%u feed followed, %u already followed\n",
                            "%u feeds followed, %u already followed\n", added), added, known);
      return 0;
    }
  if (g_str_equal (verb, "export-opml") && argc == 3)
    {
      guint n = 0;

      if (!dossier_feeds_export_opml_sync (library, argv[2], &n, &error))
        {
          g_printerr ("dossier-cli: %s\n", error->message);
          return 1;
        }
      g_print (g_dngettext (NULL, "%u feed written to %s\n", "%u feeds written to %s\n", n), n, argv[2]);
      return 0;
    }
  fetcher = dossier_fetcher_new (library);

  if (g_str_equal (verb, "list") && argc == 2)
    return feeds_list (library);
  if (g_str_equal (verb, "add") && argc == 3)
    {
      g_autoptr(DossierFeedRefresh) first = NULL;

      id = dossier_feeds_subscribe_sync (fetcher, argv[2], &first, NULL, &error);
      if (id <= 0)
        {
          g_printerr ("dossier-cli: %s\n", error->message);
          return 1;
        }
      print_refresh (first);
      return first->errors->len > 0 ? 1 : 0;
    }
  if (g_str_equal (verb, "refresh") && (argc == 2 || (argc == 3 && parse_id (argv[2], &id))))
    {
      g_autoptr(GPtrArray) results = dossier_feeds_refresh_sync (fetcher, id, NULL, &error);
      gboolean failed = FALSE;

      if (results == NULL)
        {
          g_printerr ("dossier-cli: %s\n", error->message);
          return 1;
        }
      for (guint i = 0; i < results->len; i++)
        {
          DossierFeedRefresh *r = g_ptr_array_index (results, i);

          print_refresh (r);
          failed = failed || r->errors->len > 0;
        }
      return failed ? 1 : 0;
    }
  if (argc >= 3 && parse_id (argv[2], &id))
    {
      gboolean ok = FALSE;

      if (g_str_equal (verb, "rename") && argc == 4)
        ok = dossier_feeds_update_sync (library, id, argv[3], -1, &error);
      else if (g_str_equal (verb, "pause") && argc == 3)
        ok = dossier_feeds_update_sync (library, id, NULL, 1, &error);
      else if (g_str_equal (verb, "resume") && argc == 3)
        ok = dossier_feeds_update_sync (library, id, NULL, 0, &error);
      else if (g_str_equal (verb, "remove") && argc == 3)
        ok = dossier_feeds_remove_sync (library, id, &error);
      else
        return usage_error ("feeds", _("unknown feeds command or wrong arguments"));
      if (!ok)
        {
          g_printerr ("dossier-cli: %s\n", error->message);
          return 1;
        }
      return 0;
    }
  return usage_error ("feeds", _("unknown feeds command or wrong arguments"));
}
