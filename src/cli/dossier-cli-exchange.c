/* dossier-cli-exchange.c — the commands of dossier-cli that bring articles
 * in or talk to servers: import, links and feeds from the web, and the
 * team library.  They are a program of their own, which dossier-cli runs
 * for them, so that the other commands start without loading the
 * libraries for the network, TLS, PostgreSQL and archives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "dossier-library.h"
#include "dossier-cli-private.h"
#include "dossier-cli-apps.h"
#include "dossier-app-export.h"
#include "dossier-search-index.h"

static void
on_import_progress (const DossierImportResult *r,
                    guint                      done,
                    guint                      total,
                    gpointer                   user_data)
{
  dossier_cli_print_result ("file", r->file, r->status, r->id, FALSE, NULL, r->error);
}

static int
cmd_import (int argc, char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  guint imported = 0, duplicates = 0, failed = 0;
  g_autofree char *from = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("Read FILE as an export of pocket, omnivore, wallabag or instapaper"), N_("APP") },
    { NULL }
  };
  int code;

  if (!parse_args ("import", _("PATH…"), entries, &argc, &argv, &code))
    return code;
  if (argc < 2)
    return usage_error ("import", _("give at least one file or folder to import"));
  if (from != NULL && argc != 2)
    return usage_error ("import", _("--from imports one export file"));
  if (from != NULL && dossier_app_kind_from_string (from) == DOSSIER_APP_UNKNOWN)
    return usage_error ("import", _("--from takes pocket, omnivore, wallabag or instapaper"));
  if (!(library = open_library (TRUE)))
    return 1;
  if (from != NULL)
    return dossier_cli_import_from (library, from, argv[1], opt_json);

  results = dossier_library_import_sync (library, (const char * const *) argv + 1,
                                         on_import_progress, NULL, NULL, &error);
  if (results == NULL)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < results->len; i++)
    {
      DossierImportResult *r = g_ptr_array_index (results, i);

      if (r->status == DOSSIER_IMPORT_IMPORTED) imported++;
      else if (r->status == DOSSIER_IMPORT_DUPLICATE) duplicates++;
      else failed++;
    }
  if (!opt_json)
    g_printerr (_("%u imported, %u duplicates, %u failed\n"), imported, duplicates, failed);
  /* the import is saved; the index its batches wrote as many segments
   * is merged, a slice at a time (stopped, the next run goes on) */
  if (imported > 0 && !dossier_search_index_merge_sync (library, NULL, &error))
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  return failed > 0 ? 1 : 0;
}

static int
cmd_pending (int argc, char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  gboolean fetch = FALSE;
  GOptionEntry entries[] = {
    { "fetch", 0, 0, G_OPTION_ARG_NONE, &fetch, N_("Fetch them now, as add does"), NULL },
    { NULL }
  };
  int code;

  if (!parse_args ("pending", "", entries, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return usage_error ("pending", _("takes no arguments"));
  if (!(library = open_library (FALSE)))
    return 1;
  if (fetch)
    return dossier_cli_fetch_pending (library, opt_json);
  return dossier_cli_list_pending (library, opt_json);
}

static const DossierCliCommand commands[] = {
  { "import", NULL, NULL, cmd_import },
  { "add", NULL, NULL, dossier_cli_add },
  { "feeds", NULL, NULL, dossier_cli_feeds },
  { "pending", NULL, NULL, cmd_pending },
  { "edit-annotation", NULL, NULL, cmd_edit_annotation },
  { "delete-annotation", NULL, NULL, cmd_delete_annotation },
  { "team", NULL, NULL, cmd_team },
  { "share", NULL, NULL, cmd_share },
  { "sync", NULL, NULL, cmd_sync },
  { "conflicts", NULL, NULL, cmd_conflicts },
  { "resolve", NULL, NULL, cmd_resolve },
};

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* dossier-cli passes the command line on as it was given to it,
   * the common options already moved after the command */
  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("dossier-cli-exchange: run it as dossier-cli COMMAND; “dossier-cli --help” lists the commands\n"));
  return EXIT_USAGE;
}
