/* dossier-cli-apps.c — importing Pocket, Omnivore, Wallabag and
 * Instapaper exports from the command line, and the links they left to
 * fetch later
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dossier-cli-apps.h"
#include "dossier-cli-private.h"
#include "dossier-app-import.h"

static void
print_entry_json (const DossierAppEntryResult *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_string_or_null (b, "source_id", r->source_id);
  add_string_or_null (b, "url", r->url);
  add_string_or_null (b, "status", dossier_app_entry_status_to_string (r->status));
  json_builder_set_member_name (b, "id");
  if (r->id > 0)
    json_builder_add_int_value (b, r->id);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "annotations");
  json_builder_add_int_value (b, r->annotations);
  json_builder_set_member_name (b, "orphans");
  json_builder_add_int_value (b, r->orphans);
  add_string_or_null (b, "reason", r->reason);
  add_string_or_null (b, "error", r->error);
  json_builder_end_object (b);
  print_json (b, FALSE);
}

static void
print_entry_text (const DossierAppEntryResult *r)
{
  const char *what = r->url && *r->url ? r->url : r->source_id;

  switch (r->status)
    {
    case DOSSIER_APP_ENTRY_IMPORTED:
      g_print (_("imported   %s → article %lld (%u highlights, %u orphans)\n"), what,
               (long long) r->id, r->annotations, r->orphans);
      break;
    case DOSSIER_APP_ENTRY_DUPLICATE:
      g_print (_("duplicate  %s: %s\n"), what, r->reason);
      break;
    case DOSSIER_APP_ENTRY_PENDING:
      g_print (_("pending    %s: %s\n"), what, r->reason);
      break;
    case DOSSIER_APP_ENTRY_FAILED:
    default:
      g_printerr (_("failed     %s\n"), r->error);
      break;
    }
}

int
dossier_cli_import_from (DossierLibrary *library,
                         const char     *kind_name,
                         const char     *path,
                         gboolean        json)
{
  g_autoptr(DossierAppImportSummary) s = NULL;
  g_autoptr(GError) error = NULL;
  DossierAppKind kind = dossier_app_kind_from_string (kind_name);

  if (kind == DOSSIER_APP_UNKNOWN)
    {
      g_printerr (_("dossier-cli import: --from takes pocket, omnivore, wallabag or instapaper, not “%s”\n"),
                  kind_name);
      return 2;
    }
  s = dossier_app_import_file (library, kind, path, NULL, &error);
  if (s == NULL)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < s->entries->len; i++)
    {
      const DossierAppEntryResult *r = g_ptr_array_index (s->entries, i);

      if (json)
        print_entry_json (r);
      else
        print_entry_text (r);
    }
  if (!json)
    g_printerr (_("%u articles, %u highlights, %u orphans, %u links kept to fetch later, "
                  "%u duplicates, %u failed\n"),
                s->articles, s->annotations, s->orphans, s->pending, s->duplicates, s->failed);
  return s->failed > 0 ? 1 : 0;
}

int
dossier_cli_fetch_pending (DossierLibrary *library,
                           gboolean        json)
{
  g_autoptr(DossierFetcher) fetcher = dossier_fetcher_new (library);
  g_autoptr(DossierAppImportSummary) s = NULL;
  g_autoptr(GError) error = NULL;

  s = dossier_app_import_fetch_pending (fetcher, NULL, NULL, NULL, &error);
  if (s == NULL)
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < s->entries->len; i++)
    {
      const DossierAppEntryResult *r = g_ptr_array_index (s->entries, i);

      if (json)
        print_entry_json (r);
      else
        print_entry_text (r);
    }
  if (!json)
    g_printerr (_("%u articles, %u highlights, %u orphans, %u duplicates, %u failed (still kept)\n"),
                s->articles, s->annotations, s->orphans, s->duplicates, s->failed);
  return s->failed > 0 ? 1 : 0;
}

int
dossier_cli_list_pending (DossierLibrary *library,
                          gboolean        json)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (!(links = dossier_app_import_list_pending (library, &error)))
    {
      g_printerr ("dossier-cli: %s\n", error->message);
      return 1;
    }
  if (!json)
    {
      for (guint i = 0; i < links->len; i++)
        {
          const DossierPendingLink *l = g_ptr_array_index (links, i);

          g_print ("%lld\t%s\t%s\t%s\n", (long long) l->id, l->kind, l->url, l->title ? l->title : "");
        }
      return 0;
    }
  json_builder_begin_array (b);
  for (guint i = 0; i < links->len; i++)
    {
      const DossierPendingLink *l = g_ptr_array_index (links, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, l->id);
      add_string_or_null (b, "url", l->url);
      add_string_or_null (b, "title", l->title);
      add_string_or_null (b, "from", l->kind);
      add_string_or_null (b, "source_id", l->source_id);
      json_builder_set_member_name (b, "tags");
      json_builder_begin_array (b);
      for (guint t = 0; l->tags[t] != NULL; t++)
        json_builder_add_string_value (b, l->tags[t]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "read");
      json_builder_add_boolean_value (b, l->read);
      json_builder_set_member_name (b, "highlights");
      json_builder_add_int_value (b, l->highlights->len);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  print_json (b, FALSE);
  return 0;
}
